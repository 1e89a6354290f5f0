//! Tests of the gazetteer's public functions on the embedded data.

use super::*;

fn fulls(found: Vec<&'static Place>) -> Vec<String> {
    found.into_iter().map(full_name).collect()
}

fn one(name: &str) -> String {
    let found = fulls(lookup(name));
    assert_eq!(found.len(), 1, "{name}: {found:?}");
    found[0].clone()
}

#[test]
fn placeholder_levels_are_skipped() {
    assert_eq!(one("北京市朝阳区"), "北京市朝阳区");
    assert_eq!(one("彭水苗族土家族自治县"), "重庆市彭水苗族土家族自治县");
    assert_eq!(one("济源市"), "河南省济源市");
    assert_eq!(one("东莞市"), "广东省东莞市");
    assert!(lookup("市辖区").is_empty());
    assert!(divisions()
        .places
        .iter()
        .all(|p| !p.full.contains("市辖区") && !p.full.contains("直辖县级")));
}

#[test]
fn names_with_or_without_parents_and_suffixes() {
    for name in [
        "南京玄武区",
        "南京市玄武区",
        "江苏南京玄武区",
        "江苏省南京市玄武区",
        "玄武区",
        "玄武",
        "南京玄武",
    ] {
        assert_eq!(one(name), "江苏省南京市玄武区", "{name}");
    }
    assert_eq!(one("陕西西安雁塔区"), "陕西省西安市雁塔区");
    assert_eq!(one("长沙岳麓"), "湖南省长沙市岳麓区");
    assert_eq!(one("岳麓"), "湖南省长沙市岳麓区");
    assert_eq!(one("郑州金水区"), "河南省郑州市金水区");
    assert_eq!(one(" 郑州 金水区 "), "河南省郑州市金水区");
}

#[test]
fn autonomous_places_have_short_forms() {
    assert_eq!(one("彭水"), "重庆市彭水苗族土家族自治县");
    assert_eq!(one("彭水县"), "重庆市彭水苗族土家族自治县");
    for name in ["鄂温克", "鄂温克旗", "鄂温克族自治旗"] {
        assert_eq!(one(name), "内蒙古自治区呼伦贝尔市鄂温克族自治旗", "{name}");
    }
    for name in ["三江", "三江县", "柳州三江"] {
        assert_eq!(one(name), "广西壮族自治区柳州市三江侗族自治县", "{name}");
    }
}

#[test]
fn ambiguous_names_give_every_place() {
    assert_eq!(fulls(lookup("朝阳区")), ["北京市朝阳区", "吉林省长春市朝阳区"]);
    assert_eq!(one("长春朝阳区"), "吉林省长春市朝阳区");
    assert_eq!(one("北京朝阳"), "北京市朝阳区");
    assert!(lookup("吉林").len() >= 2);
}

#[test]
fn generic_words_are_no_places() {
    for word in ["城区", "新区", "开发区", "全区", "郊区"] {
        assert!(lookup(word).is_empty(), "{word}");
    }
    // …but a real district called so is found after its prefecture.
    assert_eq!(one("阳泉市城区"), "山西省阳泉市城区");
    assert!(lookup("镇江").iter().all(|p| p.name == "镇江市"));
    assert_eq!(one("浦东"), "上海市浦东新区");
}

fn found(text: &str) -> Vec<(&str, Vec<String>)> {
    find_in_text(text)
        .into_iter()
        .map(|(r, p)| (&text[r], fulls(p)))
        .collect()
}

#[test]
fn text_finds_named_places_and_combinations() {
    assert_eq!(
        found("南京玄武区2023年一般公共预算收入"),
        [("南京玄武区", vec!["江苏省南京市玄武区".to_string()])]
    );
    assert_eq!(found("请问长沙岳麓一般公共预算收入是多少")[0].1, ["湖南省长沙市岳麓区"]);
    assert_eq!(found("陕西西安雁塔区的债务余额")[0].0, "陕西西安雁塔区");
    assert_eq!(found("关于郑州市金水区2023年预算执行情况的报告")[0].0, "郑州市金水区");
    assert_eq!(found("彭水县2022年决算")[0].1, ["重庆市彭水苗族土家族自治县"]);
    let two = found("朝阳区2023年财政收入");
    assert_eq!(two[0].1.len(), 2);
}

#[test]
fn text_takes_bare_names_only_before_a_boundary() {
    assert_eq!(found("中原区2023年预算")[0].0, "中原区");
    assert!(found("中原地区经济发展").is_empty());
    assert_eq!(found("岳麓 2023 budget")[0].0, "岳麓");
    assert_eq!(found("岳麓2023年")[0].0, "岳麓");
    assert!(found("岳麓的预算").is_empty());
    let loose = find_in_text_with("岳麓的预算", FindOptions { bare_names: true });
    assert_eq!(loose.len(), 1);
}

#[test]
fn text_never_takes_generic_words() {
    assert!(found("全区一般公共预算收入，城区和新区、开发区").is_empty());
    assert!(found("自然资源。和平 2023").is_empty());
    assert_eq!(found("桂林资源")[0].1, ["广西壮族自治区桂林市资源县"]);
    assert_eq!(one("资源"), "广西壮族自治区桂林市资源县");
    assert_eq!(found("阳泉市城区2023年")[0].1, ["山西省阳泉市城区"]);
}

#[test]
fn text_ranges_do_not_overlap() {
    let text = "北京市朝阳区和长春市朝阳区";
    let found = find_in_text(text);
    assert_eq!(found.len(), 2);
    assert!(found[0].0.end <= found[1].0.start);
    assert_eq!(full_name(found[1].1[0]), "吉林省长春市朝阳区");
}

#[test]
fn pinyin_and_english_names() {
    for word in ["Xuanwu District", "xuanwu", "Xuanwu Qu", "xuanwuqu"] {
        assert!(
            fulls(from_pinyin(word)).contains(&"江苏省南京市玄武区".to_string()),
            "{word}"
        );
    }
    assert_eq!(fulls(from_pinyin("Yuelu District")), ["湖南省长沙市岳麓区"]);
    assert_eq!(fulls(from_pinyin("yanta")), ["陕西省西安市雁塔区"]);
    assert!(fulls(from_pinyin("Changsha")).contains(&"湖南省长沙市".to_string()));
    assert_eq!(fulls(from_pinyin("Shaanxi Province")), ["陕西省"]);
    assert!(from_pinyin("district").is_empty());
}

#[test]
fn resolve_settles_ambiguity_by_the_parents_named() {
    assert_eq!(
        resolve("雁塔区", "").map(full_name).as_deref(),
        Some("陕西省西安市雁塔区")
    );
    assert_eq!(
        resolve("朝阳区", "长春市朝阳区财政局").map(full_name).as_deref(),
        Some("吉林省长春市朝阳区")
    );
    assert_eq!(
        resolve("朝阳区", "北京市朝阳区2023年").map(full_name).as_deref(),
        Some("北京市朝阳区")
    );
    assert_eq!(resolve("朝阳区", "2023年预算执行情况"), None);
    assert_eq!(resolve("不存在区", "随便"), None);
}

#[test]
fn townships_hang_under_their_county() {
    let town = resolve("景山街道", "北京市东城区").map(full_name);
    assert_eq!(town.as_deref(), Some("北京市东城区景山街道"));
    let town = lookup_township("东城区景山街道");
    assert_eq!(town.len(), 1);
    assert_eq!(town[0].level, Level::Township);
    assert_eq!(parent(town[0]).map(|p| p.name.as_str()), Some("东城区"));
    // 东莞 has no counties: its towns sit under the prefecture.
    assert!(lookup_township("莞城街道")
        .iter()
        .any(|p| p.full == "广东省东莞市莞城街道"));
}

#[test]
fn navigation_by_parent_and_code() {
    let yanta = by_code("610113").map(full_name);
    assert_eq!(yanta.as_deref(), Some("陕西省西安市雁塔区"));
    let place = lookup("雁塔区")[0];
    assert_eq!(place.level, Level::County);
    let names: Vec<&str> = ancestors(place).iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["西安市", "陕西省"]);
    assert_eq!(parent(place).map(|p| p.level), Some(Level::Prefecture));
}
