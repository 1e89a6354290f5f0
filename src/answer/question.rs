//! Reading a question: the region (any form a report's region takes, or its
//! pinyin), the years, phase cues, the kind of value wanted, a relation
//! (change, completion rate, share), a computation (收支差额) and the content
//! left over, which names the metric. English questions go through the
//! [`glossary`](super::glossary) first.

use std::sync::OnceLock;

use regex::Regex;

use super::glossary;
use crate::extract::context::canonical;
use crate::model::{Phase, ValueKind};
use crate::region;
use crate::text::normalize_query;

/// The relation a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A level (no relation).
    Level,
    /// A rise, a fall or either (同比增长, 下降了多少, 比上年增加).
    Change { up: Option<bool>, money: bool },
    /// 完成调整预算的百分之几.
    Completion,
    /// 占…的比重.
    Share,
}

/// A computation the question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compute {
    None,
    /// 收支差额 = 收入 − 支出.
    Balance,
}

/// A question as understood.
#[derive(Debug, Clone)]
pub struct Question {
    pub text: String,
    /// Report regions named (as stored in reports).
    pub regions: Vec<String>,
    /// The words that named them (西工区, xigong).
    pub region_key: Option<String>,
    /// A place named that no report covers.
    pub unknown_region: Option<String>,
    pub year: Option<u16>,
    pub phases: Vec<Phase>,
    pub want: Option<ValueKind>,
    pub relation: Relation,
    pub compute: Compute,
    /// What is left once region, year, cues and question words are removed.
    pub content: String,
}

struct Patterns {
    year: Regex,
    unknown_place: Regex,
    question_words: Regex,
    budget_names: Regex,
    share: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("valid regex");
        Patterns {
            year: re(r"((?:19|20)\d{2})(?:年(?:度|底|末|全年)?)?"),
            unknown_place: re(r"^(?:截至|截止)?(\p{Han}{2,8}?(?:省|市|区|县|旗|州))"),
            question_words: re(
                r"(?:是|有|为)?多少钱|(?:是|有|为)?多少(?:万亿元|亿元|万元|千元|元)|幅度|完成情况|执行情况|情况|(?:万亿元|亿元|万元)(?:是|为)?$|百分之多少|百分比|是多少|有多少|为多少|多少钱|多少个|多少家|多少项|多少人|多少次|多少件|多少|是几|几倍|几个|百分之几|几|是什么|什么|请问|一下|呢|吗|[?？。，,！!]|what|was|were|is|the|of|in|at|how|much|did|does|district|county|city|'s",
            ),
            // 占比, 比重, 占…的比例; not 耕地占用税.
            share: re(r"占比|比重|比例|占[^用地有]\p{Han}*?的"),
            budget_names: re(
                r"一般公共预算|公共预算|政府性基金预算|基金预算|国有资本经营预算|经营预算|社会保险基金预算|预算稳定调节基金|预算草案",
            ),
        }
    })
}

/// Phase cue words and the phases they ask for.
const PHASE_CUES: &[(&str, Phase)] = &[
    ("年初预算", Phase::Initial),
    ("年初", Phase::Initial),
    ("人大批准", Phase::Initial),
    ("批准", Phase::Initial),
    ("调整预算", Phase::Adjusted),
    ("调整后", Phase::Adjusted),
    ("调整", Phase::Adjusted),
    ("实际完成", Phase::Actual),
    ("完成", Phase::Actual),
    ("实际", Phase::Actual),
    ("执行", Phase::Actual),
    ("预计", Phase::Expected),
    ("决算", Phase::Final),
    ("草案", Phase::Draft),
    ("安排", Phase::Draft),
    ("安排", Phase::Initial),
    ("安排", Phase::Adjusted),
];

/// Words removed from the content once read as cues (space separated).
const CUE_WORDS: &str = "年初预算 人大批准的 人大批准 批准的 调整预算 调整后 实际完成 预计完成 预计 决算数 决算 草案 同比 比上年 较上年 增长了 增长 下降了 下降 减少了 减少 增加了 增加 增幅 降幅 百分之几 百分比 比重 占比 几倍 倍 实际 完成 全区 全县 全市 全旗 区级 截至 截止 年底 年末 底 是 的 了 共计 一共 上半年 下半年 全年 累计";

/// Known regions: (stored region, keys, pinyin).
pub struct RegionIndex {
    entries: Vec<(String, Vec<String>, Option<String>)>,
}

impl RegionIndex {
    pub fn new<'a>(regions: impl Iterator<Item = &'a str>) -> RegionIndex {
        let mut entries: Vec<(String, Vec<String>, Option<String>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for r in regions {
            if r.is_empty() || !seen.insert(r) {
                continue;
            }
            entries.push((r.to_string(), region::keys(r), region::pinyin_key(r)));
        }
        RegionIndex { entries }
    }

    /// All stored regions whose short name matches the longest key found in `text`,
    /// and the key that matched.
    fn find(&self, text: &str) -> Option<(Vec<String>, String)> {
        let lower = text.to_lowercase();
        let mut best: Option<(usize, String)> = None;
        for (_, keys, pinyin) in &self.entries {
            for key in keys.iter().filter(|k| k.chars().count() >= 2) {
                if text.contains(key.as_str()) && best.as_ref().is_none_or(|(len, _)| key.len() > *len) {
                    best = Some((key.len(), key.clone()));
                }
            }
            if let Some(p) = pinyin {
                let found = lower.match_indices(p.as_str()).any(|(i, _)| {
                    let before = lower[..i].chars().next_back().is_none_or(|c| !c.is_ascii_alphabetic());
                    let after = lower[i + p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_ascii_alphabetic());
                    before && after
                });
                if found && best.as_ref().is_none_or(|(len, _)| p.len() > *len) {
                    best = Some((p.len(), p.clone()));
                }
            }
        }
        let (_, key) = best?;
        let short: Vec<String> = self
            .entries
            .iter()
            .filter(|(_, keys, pinyin)| keys.contains(&key) || pinyin.as_deref() == Some(key.as_str()))
            .map(|(r, _, _)| r.clone())
            .collect();
        Some((short, key))
    }
}

/// Reads a question.
pub fn parse(raw: &str, regions: &RegionIndex) -> Question {
    let p = patterns();
    let mut text = normalize_query(raw.trim());
    if text.chars().any(|c| c.is_ascii_alphabetic()) {
        text = glossary::translate(&text.to_lowercase());
    }
    let text = canonical(&text);
    let mut rest = text.clone();

    let mut region_key = None;
    let (found_regions, unknown_region) = match regions.find(&rest) {
        Some((found, key)) => {
            rest = rest.replacen(&key, " ", 1);
            region_key = Some(key);
            (found, None)
        }
        None => {
            let unknown = p
                .unknown_place
                .captures(p.year.replace_all(&rest, "").trim_start())
                .and_then(|c| c.get(1).map(|m| m.as_str().to_string()))
                .filter(|name| !region::is_generic(name) && region::has_suffix(name));
            (Vec::new(), unknown)
        }
    };

    let mut year = None;
    if let Some(c) = p.year.captures(&rest) {
        year = c[1].parse().ok();
        rest = p.year.replace(&rest, " ").into_owned();
    }

    let cue_text = p.budget_names.replace_all(&rest, " ").into_owned();
    let mut phases: Vec<Phase> = Vec::new();
    let mut cue_scan = cue_text.clone();
    let mut matched: Vec<&str> = Vec::new();
    for (cue, phase) in PHASE_CUES {
        // A cue may name several phases (安排: a draft or a budget figure).
        if cue_scan.contains(cue) || matched.contains(cue) {
            if !phases.contains(phase) {
                phases.push(*phase);
            }
            matched.push(cue);
            cue_scan = cue_scan.replace(cue, " ");
        }
    }

    let compute = if rest.contains("差额") || rest.contains("收支缺口") {
        Compute::Balance
    } else {
        Compute::None
    };
    let money_change = [
        "增加多少",
        "减少多少",
        "增加了多少",
        "减少了多少",
        "增收",
        "减收",
        "多收",
        "少收",
        "增支",
        "减支",
        "增加",
        "减少",
    ]
    .iter()
    .any(|w| rest.contains(w))
        && !rest.contains('%');
    let up = if ["下降", "减少", "降幅", "减收", "减支"]
        .iter()
        .any(|w| rest.contains(w))
    {
        Some(false)
    } else if ["增长", "增加", "增幅", "增收", "增支", "提高", "上升"]
        .iter()
        .any(|w| rest.contains(w))
    {
        Some(true)
    } else {
        None
    };
    let relation = if p.share.is_match(&rest) {
        Relation::Share
    } else if rest.contains("完成")
        && (rest.contains("百分之几") || rest.contains("完成率") || rest.contains("%"))
        && rest.contains("预算的")
    {
        Relation::Completion
    } else if up.is_some() || rest.contains("同比") || rest.contains("几倍") {
        Relation::Change {
            up,
            money: money_change && !rest.contains("几倍"),
        }
    } else {
        Relation::Level
    };
    // 预算 alone (一般公共预算收入预算是多少) asks for a budget figure, unless it is
    // what a share is taken of (占年度预算的百分之几).
    if cue_scan.contains("预算") && phases.is_empty() && !matches!(relation, Relation::Share | Relation::Completion) {
        phases.extend([Phase::Draft, Phase::Initial, Phase::Adjusted]);
    }
    let want = if rest.contains("倍") {
        Some(ValueKind::Multiple)
    } else if rest.contains("百分点") {
        Some(ValueKind::Points)
    } else if matches!(
        relation,
        Relation::Share | Relation::Completion | Relation::Change { money: false, .. }
    ) || rest.contains("百分之几")
        || rest.contains("百分比")
        || rest.ends_with('率')
        || rest.contains("率是")
        || rest.contains("率多少")
        || rest.contains("率为")
    {
        Some(ValueKind::Percent)
    } else if [
        "多少个",
        "几个",
        "多少家",
        "多少项",
        "多少人",
        "多少次",
        "多少件",
        "多少所",
        "多少户",
        "多少笔",
    ]
    .iter()
    .any(|w| rest.contains(w))
    {
        Some(ValueKind::Count)
    } else if rest.contains('率') {
        Some(ValueKind::Percent)
    } else {
        None
    };

    let mut content = p.question_words.replace_all(&rest, " ").into_owned();
    for w in CUE_WORDS.split_whitespace().chain(PHASE_CUES.iter().map(|(w, _)| *w)) {
        content = content.replace(w, " ");
    }
    // English words the glossary does not know cannot name a metric: drop them.
    let content: String = content
        .chars()
        .filter(|c| !c.is_ascii() || c.is_ascii_digit())
        .filter(|c| !c.is_whitespace())
        .collect();
    let content = crate::extract::context::drop_flow_budget(&content);

    Question {
        text: raw.trim().to_string(),
        regions: found_regions,
        region_key,
        unknown_region,
        year,
        phases,
        want,
        relation,
        compute,
        content,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> RegionIndex {
        RegionIndex::new(["河南省洛阳市西工区", "浙江省宁波市海曙区"].into_iter())
    }

    #[test]
    fn reads_region_year_phase_and_content() {
        let q = parse("2023年西工区一般公共预算收入调整预算是多少", &index());
        assert_eq!(q.regions, vec!["河南省洛阳市西工区"]);
        assert_eq!(q.year, Some(2023));
        assert_eq!(q.phases, vec![Phase::Adjusted]);
        assert_eq!(q.content, "一般公共预算收入");
        assert_eq!(q.relation, Relation::Level);
    }

    #[test]
    fn shares_are_not_every_zhan() {
        assert_eq!(parse("仁寿县2022年耕地占用税", &index()).relation, Relation::Level);
        assert_eq!(
            parse("2023年西工区财政民生支出占公共预算支出的比重", &index()).relation,
            Relation::Share
        );
    }

    #[test]
    fn units_and_percent_words_are_not_content() {
        let q = parse("2023年西工区一般公共预算收入是多少万元", &index());
        assert_eq!(q.content, "一般公共预算收入");
        let q = parse("2023年西工区一般公共预算收入下降了百分之多少", &index());
        assert_eq!(
            (q.content.as_str(), q.want),
            ("一般公共预算收入", Some(ValueKind::Percent))
        );
    }

    #[test]
    fn reads_rates_changes_and_english() {
        let q = parse("2023年西工区一般公共预算收入同比下降了多少", &index());
        assert_eq!(
            q.relation,
            Relation::Change {
                up: Some(false),
                money: false
            }
        );
        assert_eq!(q.want, Some(ValueKind::Percent));
        let q = parse("2023年西工区政府性基金预算收入比上年增加多少", &index());
        assert_eq!(
            q.relation,
            Relation::Change {
                up: Some(true),
                money: true
            }
        );
        let q = parse("Haishu district 2022 general public budget revenue", &index());
        assert_eq!(q.regions, vec!["浙江省宁波市海曙区"]);
        assert_eq!((q.year, q.content.as_str()), (Some(2022), "一般公共预算收入"));
        let q = parse("海淀区2023年一般公共预算收入", &index());
        assert_eq!(q.unknown_region.as_deref(), Some("海淀区"));
    }
}
