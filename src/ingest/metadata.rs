//! Stage: metadata. Input: the logical lines of a cleaned report. Output: its
//! title, region, execution and draft years, kind and meeting date, inferred
//! from the text (a header block overrides them).
//!
//! The title is the `关于…的报告` line near the top (broken titles were joined by
//! cleaning, or are joined here). The region is what stands before the first
//! year in the title (`关于西工区2023年…`), else a place named next to 财政局,
//! 人民政府 or a congress, else the place named most often. Each year in the
//! title is an execution year when its clause speaks of 执行, 决算 or 调整, and
//! a draft year when it speaks of 草案 or 预算 alone.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::model::Years;
use crate::region;
use crate::text::display_width;

/// What the text says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inferred {
    pub title: Option<String>,
    pub region: Option<String>,
    pub years: Years,
    pub kind: String,
    pub date: Option<String>,
}

struct Patterns {
    year: Regex,
    region_in_title: Vec<Regex>,
    region_near: Regex,
    region_any: Regex,
    date: Regex,
    date_passed: Regex,
    body_execution: Regex,
    body_draft: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        year: Regex::new(r"((?:19|20)\d{2})年").expect("valid regex"),
        region_in_title: vec![
            Regex::new(r"关于(\p{Han}{2,16}?)(?:本级|区级|县级|市级|全区|全县)?(?:19|20)\d{2}年").expect("valid regex"),
            Regex::new(r"(\p{Han}{2,16}?)人民政府").expect("valid regex"),
            Regex::new(r"^(?:[(（]\p{Han}+[)）])?(\p{Han}{2,16}?)(?:本级|区级|县级|市级)?(?:19|20)\d{2}年").expect("valid regex"),
        ],
        region_near: Regex::new(r"(\p{Han}{2,14}?(?:区|县|旗|市|州|镇|乡))(?:财政局|人民政府|人民代表大会|人大|第[一二三四五六七八九十]+届|(?:19|20)\d{2}年)")
            .expect("valid regex"),
        region_any: Regex::new(r"(\p{Han}{2,5}(?:区|县|旗))").expect("valid regex"),
        date: Regex::new(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在").expect("valid regex"),
        date_passed: Regex::new(r"[(（]((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日.{0,40}(?:会议|通过)").expect("valid regex"),
        body_execution: Regex::new(r"((?:19|20)\d{2})年(?:度)?(?:上半年|全年)?(?:财政)?(?:预算执行|.{0,4}决算|财政收支预算调整|预算调整)").expect("valid regex"),
        body_draft: Regex::new(r"((?:19|20)\d{2})年(?:财政)?预算[(（]?草案").expect("valid regex"),
    })
}

/// Characters that cannot stand inside a place name; a match is cut after the last one.
const NOT_IN_NAMES: &[char] = &[
    '了', '在', '于', '将', '的', '及', '对', '向', '是', '为', '把', '由', '从', '给', '受', '与', '据', '年', '月',
    '日', '届', '次', '会', '编', '报', '告', '关',
];

fn clean_region(raw: &str) -> Option<String> {
    let cut = raw.rfind(NOT_IN_NAMES).map_or(raw, |pos| {
        let c = raw[pos..].chars().next().map_or(0, char::len_utf8);
        &raw[pos + c..]
    });
    let cut = cut.strip_suffix("财政局").unwrap_or(cut);
    (cut.chars().count() >= 2 && region::has_suffix(cut) && !region::is_generic(cut)).then(|| cut.to_string())
}

fn title_score(line: &str) -> Option<i32> {
    // 情况: a disclosure page's title (…债务限额、余额及债券发行还本付息情况).
    // …or a department's budget page (北京市怀柔区水务局2024年部门预算).
    let keyword = ["报告", "说明", "公开", "草案", "情况", "部门预算", "部门决算"]
        .iter()
        .any(|k| line.contains(k));
    // 第二部分2024年部门预算情况说明: a part of the document, not its title.
    let part = line.starts_with('第') && line.chars().take(5).collect::<String>().contains("部分");
    if part {
        return None;
    }
    let subject = ["预算", "决算", "财政", "债务"].iter().any(|k| line.contains(k));
    let sentence = line.contains(['，', ',', '。']) || line.starts_with(['受', '现', '我', '根']);
    if !keyword || !subject || sentence || display_width(line) > 140 {
        return None;
    }
    let mut score = 0;
    if line.starts_with("关于") {
        score += 3;
    } else if line.contains("关于") {
        score += 1;
    }
    if line.contains("报告") {
        score += 1;
    }
    if patterns().year.is_match(line) {
        score += 2;
    }
    Some(score)
}

/// Title candidates, best first. A line opening with 关于 that does not yet
/// name a 报告/说明 is joined with the lines after it.
fn title_candidates(lines: &[String]) -> Vec<String> {
    let head = &lines[..lines.len().min(60)];
    let mut candidates: Vec<(i32, usize, String)> = Vec::new();
    // 安河县2023年财政预算执行情况 / 和2024年财政预算草案的报告: a title broken before its 和.
    let continues = |line: &str| line.starts_with(['和', '及', '暨', '与']);
    for (i, line) in head.iter().enumerate() {
        if continues(line) && i > 0 {
            continue;
        }
        let mut title = line.clone();
        let broken = head.get(i + 1).is_some_and(|next| continues(next));
        if (title.contains("关于") || broken) && !title.contains("报告") && !title.contains("说明") {
            for next in head.iter().skip(i + 1).take(3) {
                if display_width(next) > 60 || next.contains(['，', ',', '。']) {
                    break;
                }
                title.push_str(next);
                if next.contains("报告") || next.contains("说明") {
                    break;
                }
            }
        }
        if crate::ingest::structure::heading_level(&title).is_some() {
            continue;
        }
        // 勉县教育局 / 2024年部门预算公开说明: a department's page names it on the line above.
        if i > 0 && is_organisation(&head[i - 1]) && region_from_title(&title).is_none() {
            title = format!("{}{title}", head[i - 1]);
        }
        let title = strip_province_prefix(&title);
        if let Some(score) = title_score(&title) {
            candidates.push((score, i, title));
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.into_iter().map(|(_, _, t)| t).collect()
}

/// A line that is only the name of a government body (塔尔巴县自然资源局, 某某镇人民政府).
fn is_organisation(line: &str) -> bool {
    const ENDS: [&str; 10] = [
        "局",
        "委员会",
        "委",
        "办公室",
        "中心",
        "政府",
        "管委会",
        "厅",
        "办事处",
        "院",
    ];
    display_width(line) <= 40
        && !line.contains(['，', ',', '。', '：', ':', ' '])
        && ENDS.iter().any(|e| line.ends_with(e))
        // (a place before the body's name: 勉县教育局, not 财政局)
        && line.chars().rev().skip(1).any(|c| "省市县区旗州盟镇乡".contains(c))
}

/// `(河南省)伊川县…` → `伊川县…`: mirror sites prefix the province.
fn strip_province_prefix(title: &str) -> String {
    if let Some(rest) = title.strip_prefix(['(', '（']) {
        if let Some(end) = rest.find([')', '）']) {
            let inner = &rest[..end];
            let after = &rest[end..].chars().skip(1).collect::<String>();
            if inner.chars().all(crate::text::is_han) && !after.is_empty() {
                return after.clone();
            }
        }
    }
    title.to_string()
}

fn region_from_title(title: &str) -> Option<String> {
    patterns()
        .region_in_title
        .iter()
        .filter_map(|re| re.captures(title))
        .filter_map(|c| c.get(1).and_then(|m| clean_region(m.as_str())))
        .next()
}

fn region_from_body(lines: &[String]) -> Option<String> {
    let p = patterns();
    for line in lines.iter().take(60) {
        for caps in p.region_near.captures_iter(line) {
            if let Some(found) = caps.get(1).and_then(|m| clean_region(m.as_str())) {
                return Some(found);
            }
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines {
        for caps in p.region_any.captures_iter(line) {
            if let Some(found) = caps.get(1).and_then(|m| clean_region(m.as_str())) {
                *counts.entry(found).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(name, _)| name)
}

/// Execution and draft years from a title: each year is judged by its own clause.
fn years_from_title(title: &str) -> Years {
    let p = patterns();
    let found: Vec<(u16, usize, usize)> = p
        .year
        .captures_iter(title)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((c[1].parse().ok()?, m.start(), m.end()))
        })
        .collect();
    let mut years = Years::default();
    for (i, (year, _, end)) in found.iter().enumerate() {
        let clause_end = found.get(i + 1).map_or(title.len(), |n| n.1);
        let clause = &title[*end..clause_end];
        let execution = ["执行", "决算", "调整", "债务"].iter().any(|k| clause.contains(k));
        let draft = !execution && ["草案", "预算", "计划"].iter().any(|k| clause.contains(k));
        if execution && years.execution.is_none() {
            years.execution = Some(*year);
        } else if draft && years.draft.is_none() {
            years.draft = Some(*year);
        }
    }
    years
}

fn years_from_body(lines: &[String]) -> Years {
    let p = patterns();
    let text = lines.join("\n");
    let first = |re: &Regex| re.captures(&text).and_then(|c| c[1].parse::<u16>().ok());
    let mut years = Years {
        execution: first(&p.body_execution),
        draft: first(&p.body_draft),
    };
    if years.execution.is_none() && years.draft.is_none() {
        // The year named most often is the one reported on.
        let mut counts: HashMap<u16, usize> = HashMap::new();
        for c in p.year.captures_iter(&text) {
            if let Ok(y) = c[1].parse::<u16>() {
                *counts.entry(y).or_default() += 1;
            }
        }
        years.execution = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(y, _)| y);
    }
    if let (Some(exec), None) = (years.execution, years.draft) {
        let next = format!("{}年", exec + 1);
        let plans = text.match_indices(&next).any(|(i, _)| {
            let after: String = text[i + next.len()..].chars().take(8).collect();
            ["预算", "预计", "草案", "安排", "计划"]
                .iter()
                .any(|k| after.contains(k))
        });
        if plans {
            years.draft = Some(exec + 1);
        }
    }
    years
}

/// The kind of report, from its title.
pub fn kind_of(title: &str) -> String {
    let kind = if title.contains("决算") {
        "决算报告"
    } else if title.contains("审查") {
        "审查结果"
    } else if title.contains("调整") {
        "预算调整"
    } else if title.contains("上半年") {
        "上半年执行"
    } else if title.contains("债务") {
        "债务情况"
    } else if title.contains("说明") || title.contains("部门预算") {
        "预算说明"
    } else if title.contains("预算") {
        "预算报告"
    } else {
        "other"
    };
    kind.to_string()
}

fn date(lines: &[String]) -> Option<String> {
    let p = patterns();
    lines.iter().take(60).find_map(|line| {
        let c = p.date.captures(line).or_else(|| p.date_passed.captures(line))?;
        Some(format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]))
    })
}

/// The full name of the region a report names (遂昌县 → 浙江省丽水市遂昌县), from
/// the gazetteer with the report's opening lines settling ambiguous names
/// (朝阳区 in 北京 or 长春); a title place the gazetteer knows replaces a
/// guess it does not.
fn complete_region(found: Option<String>, titles: &[String], lines: &[String]) -> Option<String> {
    let context = lines.iter().take(80).map(String::as_str).collect::<Vec<_>>().join("\n");
    let resolve = |name: &str| crate::gazetteer::resolve(name, &context).map(crate::gazetteer::full_name);
    if let Some(full) = found.as_deref().and_then(resolve) {
        return Some(full);
    }
    let in_title = titles.iter().find_map(|t| {
        crate::gazetteer::find_in_text(t)
            .into_iter()
            .rfind(|(_, places)| places.iter().all(|p| p.level >= crate::gazetteer::Level::County))
            // 岚县 inside the unknown 普岚县 is not the place the title names.
            .filter(|(range, _)| {
                let known = &t[range.clone()];
                found.as_deref().is_none_or(|f| f == known || !f.ends_with(known))
            })
            .and_then(|(range, _)| resolve(&t[range]))
    });
    in_title.or_else(|| found.map(|f| with_ancestors(&with_parents(&f, lines), &context)))
}

/// A place the gazetteer does not know under one it does (锦州市松峰区), with the
/// known one's own parents (辽宁省锦州市松峰区).
fn with_ancestors(region: &str, context: &str) -> String {
    let levels = region::levels(region);
    let Some(first) = levels.first().filter(|_| levels.len() >= 2) else {
        return region.to_string();
    };
    match crate::gazetteer::resolve(first, context) {
        Some(place) => format!("{}{}", crate::gazetteer::full_name(place), &region[first.len()..]),
        None => region.to_string(),
    }
}

/// A place the gazetteer does not know, with the parents the report writes
/// before it (榕屿镇 → 福建省龙渚县榕屿镇 from a line 福建省龙渚县榕屿镇人民政府).
fn with_parents(found: &str, lines: &[String]) -> String {
    let mut best = found.to_string();
    for line in lines.iter().take(80) {
        for (at, _) in line.match_indices(found) {
            let before: Vec<char> = line[..at]
                .chars()
                .rev()
                .take_while(|c| crate::text::is_han(*c))
                .collect();
            let chain: String = before
                .iter()
                .rev()
                .chain(found.chars().collect::<Vec<_>>().iter())
                .collect();
            let levels = region::levels(&chain);
            // Keep the levels nearest the place that are all names (在福建省 is not).
            let named = levels
                .iter()
                .rev()
                .take_while(|l| clean_region(l).as_deref() == Some(l.as_str()))
                .count();
            if named >= 2 && levels.last().is_some_and(|l| l == found) {
                let kept = levels[levels.len() - named..].concat();
                if kept.chars().count() > best.chars().count() {
                    best = kept;
                }
            }
        }
    }
    best
}

/// Infers a report's metadata from its logical lines.
pub fn infer(lines: &[String]) -> Inferred {
    let candidates = title_candidates(lines);
    let title = candidates.first().cloned();
    let region = candidates
        .iter()
        .find_map(|t| region_from_title(t))
        .or_else(|| region_from_body(lines));
    let region = complete_region(region, &candidates, lines);
    let mut years = candidates
        .iter()
        .map(|t| years_from_title(t))
        .find(|y| y.execution.is_some() || y.draft.is_some())
        .unwrap_or_default();
    if years.execution.is_none() && years.draft.is_none() {
        years = years_from_body(lines);
    }
    let kind = match (&title, years.execution) {
        (Some(t), _) => kind_of(t),
        (None, _) if lines.iter().take(5).any(|l| l.contains("债务")) => "债务情况".to_string(),
        _ => "other".to_string(),
    };
    Inferred {
        title,
        region,
        years,
        kind,
        date: date(lines),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn title_region_years_and_date() {
        let got = infer(&lines(&[
            "西工区十五届人大",
            "关于西工区2023年预算执行情况和2024年预算(草案)的报告",
            "——2024年1月23日在西工区第十五届人民代表大会第四次会议上",
        ]));
        assert_eq!(
            got.title.as_deref(),
            Some("关于西工区2023年预算执行情况和2024年预算(草案)的报告")
        );
        // Completed from the gazetteer.
        assert_eq!(got.region.as_deref(), Some("河南省洛阳市西工区"));
        assert_eq!(
            got.years,
            Years {
                execution: Some(2023),
                draft: Some(2024)
            }
        );
        assert_eq!(got.kind, "预算报告");
        assert_eq!(got.date.as_deref(), Some("2024-01-23"));
    }

    #[test]
    fn a_title_broken_before_its_conjunction_is_joined() {
        let got = infer(&lines(&[
            "甲河县2023年财政预算执行情况",
            "和2024年财政预算草案的报告",
            "——2024年1月15日在甲河县第十八届人民代表大会第三次会议上",
        ]));
        assert_eq!(
            got.years,
            Years {
                execution: Some(2023),
                draft: Some(2024)
            }
        );
    }

    #[test]
    fn township_unknown_to_the_gazetteer_takes_its_parents_from_the_text() {
        let got = infer(&lines(&[
            "福建省龙渚县榕屿镇人民政府 政务公开 > 财政信息",
            "榕屿镇2023年财政预算执行情况和2024年财政预算（草案）的报告",
            "全年收到县级下达的政府性基金补助1250万元。",
        ]));
        assert_eq!(got.region.as_deref(), Some("福建省龙渚县榕屿镇"));
        // 岚县 is a real county; the unknown 普岚县 that contains it is not it.
        let got = infer(&lines(&[
            "关于普岚县2022年地方财政预算执行情况和2023年地方财政预算草案的报告",
        ]));
        assert_eq!(got.region.as_deref(), Some("普岚县"));
        assert_eq!(region::levels("福建省龙渚县榕屿镇"), vec!["福建省", "龙渚县", "榕屿镇"]);
        assert_eq!(region::levels("湖南省常德市安乡县"), vec!["湖南省", "常德市", "安乡县"]);
    }

    #[test]
    fn final_accounts_and_first_half() {
        assert_eq!(
            years_from_title("关于云溪区2022年决算草案和2023年上半年预算执行情况的报告"),
            Years {
                execution: Some(2022),
                draft: None
            }
        );
        assert_eq!(
            region_from_title("达拉特旗人民政府关于2022年财政收支预算调整情况的报告").as_deref(),
            Some("达拉特旗")
        );
        assert_eq!(
            region_from_title("(湖北省)关于宜昌市西陵区2022年预算执行情况").as_deref(),
            Some("宜昌市西陵区")
        );
    }
}
