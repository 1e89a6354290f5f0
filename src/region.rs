//! Region names: splitting 河南省洛阳市西工区 into its levels, the short forms
//! people type (洛阳市西工区, 西工区, 西工; 彭水县 for 彭水苗族土家族自治县),
//! pinyin keys for English questions (xigong), and finding a region named in
//! free text.

use pinyin::{ToPinyin, ToPinyinMulti};

/// Suffixes that end an administrative level, longest first.
const SUFFIXES: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    // 六枝特区, 神农架林区: known by their base names too (liuzhi).
    "特区",
    "林区",
    "省",
    "市",
    "州",
    "盟",
    "区",
    "县",
    "旗",
    // Townships report too (榕屿镇); 城镇, 乡镇 and the like are in NOT_PLACES.
    "镇",
    "乡",
];

/// Ethnic group names that stand inside autonomous county names (彭水苗族土家族自治县).
const ETHNIC: &[&str] = &[
    "苗族",
    "土家族",
    "回族",
    "彝族",
    "藏族",
    "壮族",
    "蒙古族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "哈尼族",
    "傣族",
    "黎族",
    "畲族",
    "佤族",
    "羌族",
    "布依族",
    "仡佬族",
    "水族",
    "纳西族",
    "拉祜族",
    "傈僳族",
    "土族",
    "撒拉族",
    "朝鲜族",
    "哈萨克族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "各族",
    "仫佬族",
    "毛南族",
    "景颇族",
    "独龙族",
    "怒族",
    "普米族",
];

/// Words ending in 区/县/市 that are not place names.
const NOT_PLACES: &[&str] = &[
    "全区",
    "我区",
    "本区",
    "城区",
    "辖区",
    "各区",
    "市区",
    "郊区",
    "片区",
    "园区",
    "景区",
    "社区",
    "城乡社区",
    "城市社区",
    "农村社区",
    "开发区",
    "示范区",
    "新区",
    "保税区",
    "试验区",
    "功能区",
    "集聚区",
    "产业区",
    "库区",
    "山区",
    "老区",
    "灾区",
    "牧区",
    "林区",
    "矿区",
    "校区",
    "街区",
    "小区",
    "全县",
    "我县",
    "本县",
    "各县",
    "全市",
    "我市",
    "本市",
    "各市",
    "城市",
    "全旗",
    "我旗",
    "本旗",
    "自治区",
    "高新区",
    "经济区",
    "合作区",
    "综合保税区",
    "度假区",
    "旅游区",
    "风景区",
    "生态区",
    "工业区",
    "商务区",
    "核心区",
    "主城区",
    "中心城区",
    "城镇",
    "乡镇",
    "集镇",
    "村镇",
    "城乡",
    "镇乡",
    "街乡",
    "全镇",
    "我镇",
    "本镇",
    "各镇",
    "全乡",
    "我乡",
    "本乡",
    "各乡",
    "小城镇",
    "特色小镇",
    "重点镇",
    "建制镇",
    "中心镇",
];

/// Development zones' full names and the short forms people write (合肥高新区).
const ZONE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
];

/// Splits a region into its administrative levels: 河南省洛阳市西工区 → [河南省, 洛阳市, 西工区].
pub fn levels(region: &str) -> Vec<String> {
    let chars: Vec<char> = region.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = start + 2;
    while i <= chars.len() {
        let part: String = chars[start..i].iter().collect();
        let ends = SUFFIXES.iter().any(|s| part.ends_with(s));
        // 郑州 + 市, 通州 + 区, 贵州 + 省: take the longer level when the next character completes one.
        let extends = chars.get(i).is_some_and(|c| matches!(c, '市' | '区' | '县' | '省'));
        if ends && !extends {
            out.push(part);
            start = i;
            i = start + 2;
            continue;
        }
        i += 1;
    }
    if start < chars.len() {
        let rest: String = chars[start..].iter().collect();
        match out.last_mut() {
            Some(last) if rest.chars().count() < 2 => last.push_str(&rest),
            _ => out.push(rest),
        }
    }
    out
}

/// The name of the lowest level without its suffix: 西工区 → 西工, 彭水苗族土家族自治县 → 彭水.
pub fn base_name(level: &str) -> Option<String> {
    let mut name = level.to_string();
    if let Some(pos) = ETHNIC.iter().filter_map(|e| name.find(e)).min() {
        name.truncate(pos);
    } else if let Some(s) = SUFFIXES.iter().find(|s| name.ends_with(*s)) {
        name.truncate(name.len() - s.len());
    }
    (name.chars().count() >= 2).then_some(name)
}

/// Every form a user may type for a region, longest first.
///
/// ```
/// let keys = budgetq::region::keys("河南省洛阳市西工区");
/// for k in ["河南省洛阳市西工区", "洛阳市西工区", "洛阳西工区", "河南洛阳西工", "西工区", "西工"] {
///     assert!(keys.contains(&k.to_string()), "{k}");
/// }
/// assert!(budgetq::region::keys("安徽省合肥市合肥高新技术产业开发区").contains(&"合肥高新区".to_string()));
/// ```
pub fn keys(region: &str) -> Vec<String> {
    let levels = levels(region);
    let mut keys: Vec<String> = (0..levels.len()).map(|i| levels[i..].concat()).collect();
    let Some(last) = levels.last() else {
        return keys;
    };
    // The lowest level on its own: 西工区, 西工; 彭水县, 彭水.
    let mut own = vec![last.clone()];
    if let Some(base) = base_name(last) {
        let suffix = SUFFIXES.iter().find(|s| last.ends_with(*s)).copied().unwrap_or("");
        let plain_suffix = suffix.trim_start_matches("自治");
        if base.chars().count() + plain_suffix.chars().count() < last.chars().count() {
            own.push(format!("{base}{plain_suffix}"));
        }
        own.push(base);
    }
    // Parents written with or without 省/市 before it: 洛阳西工区, 河南洛阳西工, 南京玄武.
    let mut prefixes: Vec<String> = Vec::new();
    for level in levels.iter().rev().skip(1) {
        let forms: Vec<String> = std::iter::once(level.clone()).chain(base_name(level)).collect();
        let longer: Vec<String> = forms
            .iter()
            .flat_map(|f| prefixes.iter().map(move |p| format!("{f}{p}")))
            .collect();
        prefixes.extend(forms);
        prefixes.extend(longer);
    }
    for p in &prefixes {
        keys.extend(own.iter().map(|o| format!("{p}{o}")));
    }
    keys.extend(own);
    // 合肥高新技术产业开发区 is written 合肥高新区 as often as in full.
    let abbreviated: Vec<String> = keys
        .iter()
        .flat_map(|k| {
            ZONE_ABBREVIATIONS
                .iter()
                .filter_map(move |(long, short)| k.strip_suffix(long).map(|stem| format!("{stem}{short}")))
        })
        // (a place name before it: 高新区 alone names no place)
        .filter(|k| k.chars().count() >= 5)
        .collect();
    keys.extend(abbreviated);
    keys.sort_by_key(|k| std::cmp::Reverse(k.chars().count()));
    keys.dedup();
    keys
}

/// The short name used in tables and messages: 西工区.
pub fn short_name(region: &str) -> String {
    levels(region).pop().unwrap_or_else(|| region.to_string())
}

/// Lowercase toneless pinyin of a region's base name (西工区 → xigong), for English questions.
pub fn pinyin_key(region: &str) -> Option<String> {
    let last = levels(region).pop()?;
    let base = base_name(&last)?;
    let key: String = base.as_str().to_pinyin().flatten().map(|p| p.plain()).collect();
    (!key.is_empty()).then_some(key)
}

/// Every toneless pinyin reading of a name (重庆 → chongqing, zhongqing; 闵行 →
/// minxing, minhang), at most 16, the common reading first.
pub fn pinyin_readings(name: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    for multi in name.to_pinyin_multi() {
        let Some(multi) = multi else {
            continue;
        };
        let mut readings: Vec<&str> = multi.into_iter().map(|p| p.plain()).collect();
        readings.dedup();
        out = out
            .iter()
            .flat_map(|prefix| readings.iter().map(move |r| format!("{prefix}{r}")))
            .take(16)
            .collect();
    }
    out.retain(|r| !r.is_empty());
    // (吕梁: ü is typed v, Lvliang)
    let typed: Vec<String> = out
        .iter()
        .filter(|r| r.contains('ü'))
        .map(|r| r.replace('ü', "v"))
        .collect();
    out.extend(typed);
    out.dedup();
    out
}

/// Every pinyin key of a region's base name (闵行区 → minxing, minhang).
pub fn pinyin_keys(region: &str) -> Vec<String> {
    // 眉县 has a one-character base: it is known by its whole name (meixian).
    levels(region)
        .pop()
        .map(|last| pinyin_readings(&base_name(&last).unwrap_or(last)))
        .unwrap_or_default()
}

/// True when a user's `name` (西工区, 西工, 洛阳市西工区, xigong, 預算-style
/// traditional or full-width text included) names `region`.
pub fn matches(region: &str, name: &str) -> bool {
    let name = crate::text::normalize_query(name.trim());
    keys(region).contains(&name) || pinyin_keys(region).contains(&name.to_lowercase())
}

/// True when `name` (ending in 区/县/市/旗) is a generic word, not a place.
pub fn is_generic(name: &str) -> bool {
    NOT_PLACES
        .iter()
        .any(|w| name == *w || (name.ends_with(w) && w.chars().count() >= 3))
}

/// True when `text` ends with an administrative suffix.
pub fn has_suffix(text: &str) -> bool {
    SUFFIXES.iter().any(|s| text.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_levels() {
        assert_eq!(levels("河南省洛阳市西工区"), vec!["河南省", "洛阳市", "西工区"]);
        assert_eq!(levels("贵州省松岩县"), vec!["贵州省", "松岩县"]);
        assert_eq!(
            levels("内蒙古自治区鄂尔多斯市达拉特旗"),
            vec!["内蒙古自治区", "鄂尔多斯市", "达拉特旗"]
        );
        assert_eq!(
            levels("广西壮族自治区南宁市邕宁区"),
            vec!["广西壮族自治区", "南宁市", "邕宁区"]
        );
        assert_eq!(
            levels("重庆市彭水苗族土家族自治县"),
            vec!["重庆市", "彭水苗族土家族自治县"]
        );
        assert_eq!(levels("河南省郑州市中原区"), vec!["河南省", "郑州市", "中原区"]);
    }

    #[test]
    fn short_forms() {
        let k = keys("河南省洛阳市西工区");
        for form in [
            "河南省洛阳市西工区",
            "洛阳市西工区",
            "洛阳西工区",
            "河南洛阳西工",
            "西工区",
            "西工",
        ] {
            assert!(k.contains(&form.to_string()), "{form}");
        }
        assert!(!k.contains(&"洛阳".to_string()) && !k.contains(&"河南省".to_string()));
        let k = keys("重庆市彭水苗族土家族自治县");
        assert!(k.contains(&"彭水县".to_string()) && k.contains(&"彭水".to_string()));
        assert_eq!(pinyin_key("浙江省宁波市海曙区").as_deref(), Some("haishu"));
    }
}
