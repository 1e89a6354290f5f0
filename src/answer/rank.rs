//! Ranking facts against a question. The metric is matched on character
//! bigrams weighted by how rare they are among all metrics (robust to how a
//! phrase is segmented: 契税收入 still prefers 契税 over 税收收入); the phase,
//! the kind of value and the relation asked for filter or weigh the rest.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use super::question::{Question, Relation};
use crate::extract::context::{canonical, is_fall, phase_clue};
use crate::model::{Fact, Period, Phase, ReportMeta, ValueKind};

/// Lowercase character bigrams of the letters, digits and Han characters of `text`.
pub fn bigrams(text: &str) -> HashSet<String> {
    bigram_list(text).into_iter().collect()
}

/// Bigrams in text order (for finding runs of unknown ones).
pub fn bigram_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in text.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = run.to_lowercase().chars().collect();
        if chars.len() == 1 {
            out.push(chars[0].to_string());
        }
        out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
    }
    out
}

/// Counts of character bigrams over the archive, asked one bigram at a time
/// (the index answers from its term dictionaries: see `index::Stats`).
pub trait BigramCounts: Send + Sync {
    /// How many facts' canonical metrics hold `bigram`.
    fn metric_df(&self, bigram: &str) -> usize;
    /// True when some report's canonical text holds `bigram`.
    fn in_texts(&self, bigram: &str) -> bool;
}

/// Counts held in memory.
struct Counted {
    df: HashMap<String, usize>,
    corpus: HashSet<String>,
}

impl BigramCounts for Counted {
    fn metric_df(&self, bigram: &str) -> usize {
        self.df.get(bigram).copied().unwrap_or(0)
    }

    fn in_texts(&self, bigram: &str) -> bool {
        self.corpus.contains(bigram)
    }
}

/// Most bigrams whose counts are kept (a long-running server asks many questions).
const KEPT_COUNTS: usize = 100_000;

/// How much each bigram of a question weighs: rare among metrics weighs more;
/// a bigram found nowhere in the reports is a junction of two words (教育|支出
/// → 育支) and weighs nothing, unless it stands in a run of unknown bigrams,
/// which names something the reports never mention (招商引资, GDP).
pub struct Idf {
    counts: Box<dyn BigramCounts>,
    n: usize,
    /// (metric df, in the texts) of the bigrams asked about so far.
    seen: Mutex<HashMap<String, (usize, bool)>>,
}

impl Idf {
    pub fn new<'a>(metrics: impl Iterator<Item = &'a str>, texts: impl Iterator<Item = &'a str>) -> Idf {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0;
        for m in metrics {
            n += 1;
            for b in bigrams(&canonical(m)) {
                *df.entry(b).or_default() += 1;
            }
        }
        let mut corpus = HashSet::new();
        for t in texts {
            corpus.extend(bigrams(&canonical(t)));
        }
        Idf::from_counts(df, n, corpus)
    }

    /// Weights from counts held in memory: `df` of metric bigrams over `n`
    /// facts, and every bigram of the report texts.
    pub fn from_counts(df: HashMap<String, usize>, n: usize, corpus: HashSet<String>) -> Idf {
        Idf::from_lookup(Box::new(Counted { df, corpus }), n)
    }

    /// Weights from counts looked up when a bigram is first weighed, over `n` facts.
    pub fn from_lookup(counts: Box<dyn BigramCounts>, n: usize) -> Idf {
        Idf {
            counts,
            n,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// (metric df, in the texts) of `bigram`, looked up once.
    fn counts_of(&self, bigram: &str) -> (usize, bool) {
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(counts) = seen.get(bigram) {
            return *counts;
        }
        let known = self.counts.in_texts(bigram);
        let counts = (if known { self.counts.metric_df(bigram) } else { 0 }, known);
        if seen.len() >= KEPT_COUNTS {
            seen.clear();
        }
        seen.insert(bigram.to_string(), counts);
        counts
    }

    pub fn weight(&self, bigram: &str) -> f32 {
        let (df, known) = self.counts_of(bigram);
        if !known {
            return 0.0;
        }
        ((self.n as f32 + 1.0) / (df as f32 + 0.5)).ln().max(0.1)
    }

    /// The first term of `text` that no report contains: a run of unknown
    /// bigrams, less the characters that belong to the known words on either
    /// side, that leaves two characters or more (招商引资; not the one-character
    /// words 用, 发, 还 whose junctions with their neighbours are unknown).
    pub fn unknown_term(&self, text: &str) -> Option<String> {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let chars: Vec<char> = word.to_lowercase().chars().collect();
            if chars.iter().all(char::is_ascii) {
                // An English word the glossary left: unknown unless a report has it.
                if chars.len() >= 2
                    && chars
                        .windows(2)
                        .any(|w| !self.counts_of(&w.iter().collect::<String>()).1)
                {
                    return Some(chars.into_iter().collect());
                }
                continue;
            }
            let known: Vec<bool> = chars
                .windows(2)
                .map(|w| self.counts_of(&w.iter().collect::<String>()).1)
                .collect();
            let mut i = 0;
            while i < known.len() {
                if known[i] {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < known.len() && !known[i] {
                    i += 1;
                }
                // Bigrams start..i cover characters start..=i; the first belongs to
                // the known word before, the last to the known word after.
                let from = if start > 0 { start + 1 } else { start };
                let to = if i < known.len() { i } else { i + 1 };
                if to >= from + 2 {
                    return Some(chars[from..to].iter().collect());
                }
            }
        }
        None
    }
}

/// Words that name a part of a region's budget rather than the whole (县本级, not
/// 本级收入, which is the region's own revenue).
const SCOPES: &[&str] = &[
    "区本级",
    "县本级",
    "市本级",
    "旗本级",
    "新区",
    "开发区",
    "高新区",
    "园区",
    "街道",
];

/// The government's own level, written out (县本级): never the whole (全县).
const OWN_LEVELS: &[&str] = &["区本级", "县本级", "市本级", "旗本级", "镇本级", "乡本级"];

/// Words naming the government's own level rather than the whole jurisdiction.
const LEVELS: &[&str] = &["本级", "区级", "县级", "市级", "旗级", "镇级", "乡级", "省级"];

/// True when `text` names a level of government (区本级, 县级, 本级). 本级收入 after a
/// budget's name (一般公共预算本级收入) is the region's own revenue, a line item.
fn names_level(text: &str) -> bool {
    level_named(text).is_some()
}

/// The level word `text` names (see [`names_level`]).
fn level_named(text: &str) -> Option<&'static str> {
    LEVELS.iter().copied().find(|w| {
        text.match_indices(w).any(|(i, _)| {
            let after = &text[i + w.len()..];
            let placed = text[..i].ends_with(['区', '县', '市', '旗', '省', '镇', '乡']);
            // 中央及市级转移支付, 市级补助: money from a higher level, not the level's own figure.
            let source = ["转移", "补助", "下达", "财政税收返还", "拨"]
                .iter()
                .any(|s| after.starts_with(s));
            // 上解市级: money paid up to that level.
            let paid_up = text[..i].ends_with('解') || text[..i].ends_with("上缴");
            !paid_up && (placed || !(after.starts_with("收入") || after.starts_with("支出") || source))
        })
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caliber {
    /// 自然口径: as collected.
    Natural,
    /// 同口径, 可比口径: after removing one-off factors.
    Comparable,
}

/// The basis of a growth rate `text` names last (自然增长12.7%（同口径增长 → comparable).
fn caliber(text: &str) -> Option<Caliber> {
    let natural = ["自然口径", "自然增长"].iter().filter_map(|w| text.rfind(w)).max();
    // (扣除留抵退税因素后增长: the one-off factor removed is the comparable basis.)
    let comparable = ["同口径", "可比口径", "可比增长", "扣除", "剔除", "除去"]
        .iter()
        .filter_map(|w| text.rfind(w))
        .max();
    match (natural, comparable) {
        (Some(n), Some(c)) if n > c => Some(Caliber::Natural),
        (_, Some(_)) => Some(Caliber::Comparable),
        (Some(_), None) => Some(Caliber::Natural),
        (None, None) => None,
    }
}

/// True when `text` names the whole jurisdiction (全市, 全县).
fn names_whole(text: &str) -> bool {
    WHOLES.iter().any(|w| text.contains(w))
}

/// Words naming the whole jurisdiction.
const WHOLES: &[&str] = &["全市", "全区", "全县", "全旗", "全省", "全镇", "全乡", "全州", "全盟"];

/// The part of a fact's sentence that speaks of it: up to the end of the
/// clause holding its number. The parts a total lists after it (其中：3500万元用于
/// 凯旋路…) describe those parts, not the total.
pub fn local_context(fact: &Fact) -> &str {
    let sentence = fact.sentence.as_str();
    let number_end = number_at(fact).map_or(sentence.len(), |i| i + fact.written.len());
    let rest = &sentence[number_end..];
    let clause_end = rest
        .find(['，', ',', '；', ';', '。', '（', '('])
        .map_or(sentence.len(), |i| number_end + i);
    &sentence[..clause_end]
}

/// The words of a fact's clause before its number (拟申请专项债券资金共计 in
/// …评审通过26个，拟申请专项债券资金共计41.69亿元).
/// The sentence before the figure, from the start of its list item (after the last ；).
fn list_item_before(fact: &Fact) -> &str {
    let sentence = fact.sentence.as_str();
    let before = &sentence[..sentence.find(fact.written.as_str()).unwrap_or(sentence.len())];
    before.rfind(['；', ';']).map_or(before, |i| &before[i..])
}

/// Where a fact's number stands in its sentence (the span is in the paragraph): the
/// occurrence its own name stands before (新增一般债券6000万元…停车场项目6000万元),
/// else the first (a shorter context is only stricter).
fn number_at(fact: &Fact) -> Option<usize> {
    let sentence = fact.sentence.as_str();
    let tail: String = {
        let chars: Vec<char> = fact.metric.chars().collect();
        chars[chars.len().saturating_sub(2)..].iter().collect()
    };
    let mut found = sentence.match_indices(fact.written.as_str()).map(|(i, _)| i);
    let first = found.clone().next();
    found
        .find(|i| !tail.is_empty() && sentence[..*i].ends_with(tail.as_str()))
        .or(first)
}

/// What a list of uses belongs to: `新增专项债券68000万元，` of
/// `…，用于供热管网改造项目24000万元、污水处理厂提标改造项目16000万元`.
fn purpose_head(fact: &Fact) -> &str {
    let sentence = fact.sentence.as_str();
    let before = &sentence[..number_at(fact).unwrap_or(sentence.len())];
    let start = before
        .rfind(['；', ';', '。', '：', ':'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let segment = &before[start..];
    if let Some(i) = segment.find("用于") {
        return &segment[..i];
    }
    // …or what a list after a colon itemises (新增专项债券8.30亿元，共安排4个项目：A项目2.50亿元，…).
    let item_start = before
        .rfind(['；', ';', '。'])
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let item = &before[item_start..];
    item.rfind(['：', ':']).map_or("", |i| &item[..i])
}

/// The phase of the base a change's own clause names (比上年执行数增长 → 执行).
fn base_named(clause: &str) -> Option<Phase> {
    let at = clause.find(['比', '较'])?;
    let base = &clause[at..];
    [
        ("预计", Phase::Expected),
        ("执行", Phase::Actual),
        ("完成", Phase::Actual),
        ("决算", Phase::Final),
        ("调整预算", Phase::Adjusted),
        ("预算", Phase::Initial),
    ]
    .iter()
    .find(|(word, _)| base.contains(word))
    .map(|(_, phase)| *phase)
}

pub fn clause_before(fact: &Fact) -> &str {
    let sentence = fact.sentence.as_str();
    let number_start = number_at(fact).unwrap_or(sentence.len());
    let before = &sentence[..number_start];
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            // A thousands separator (125,000万元) ends no clause.
            let in_number = c == ','
                && before[..i].ends_with(|d: char| d.is_ascii_digit())
                && before[i + 1..].starts_with(|d: char| d.is_ascii_digit());
            matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':') && !in_number
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// How well a fact answers, with the parts that decide.
#[derive(Debug, Clone, Copy)]
pub struct Score {
    pub total: f32,
    /// Share of the question's content (by weight) found in the metric.
    pub coverage: f32,
}

/// How well the fact's phase fits the phases the question names; `None` when
/// the question names a phase the fact is not (调整预算 asked, only 决算 stated).
fn phase_bonus(q: &Question, fact: &Fact, draft_year: Option<u16>) -> Option<f32> {
    let is_draft_year = fact.year.is_some() && fact.year == draft_year;
    // A completion rate is judged by the plan it completes (完成调整预算的103.7%):
    // a question about 年初预算 is not answered by the rate of 调整预算.
    if matches!(q.relation, Relation::Completion) {
        let plans = [Phase::Initial, Phase::Adjusted];
        // Only a plan named as such: 年度预算 may be either.
        let clause = clause_before(fact);
        let named = ["调整", "年初", "人代会"].iter().any(|w| clause.contains(w));
        if let Some(base) = phase_clue(clause).filter(|p| plans.contains(p)) {
            let asked: Vec<Phase> = q.phases.iter().copied().filter(|p| plans.contains(p)).collect();
            return match (asked.is_empty(), named) {
                (true, _) => Some(0.35),
                (false, true) => asked.contains(&base).then_some(0.35),
                // 年度预算 when 年初预算 is asked: maybe, below one named.
                (false, false) => Some(0.1),
            };
        }
    }
    if q.phases.is_empty() {
        return Some(match fact.phase {
            Phase::Draft if is_draft_year => 0.15,
            Phase::Actual | Phase::Final | Phase::Expected if !is_draft_year => 0.15,
            Phase::Unknown => 0.05,
            _ => 0.0,
        });
    }
    if q.phases.contains(&fact.phase) {
        return Some(0.35);
    }
    let execution = [Phase::Actual, Phase::Expected, Phase::Final];
    let compatible = (execution.contains(&fact.phase) && q.phases.iter().any(|p| execution.contains(p)))
        || (fact.phase == Phase::Draft && q.phases.contains(&Phase::Expected))
        // (2024年…年初安排 in a report whose draft is 2024's: the draft is that year's budget)
        || (fact.phase == Phase::Draft && is_draft_year && q.phases.contains(&Phase::Initial));
    match (compatible, fact.phase) {
        (true, _) => Some(0.15),
        (false, Phase::Unknown) => Some(-0.2),
        // 审查了多少个部门的部门预算: the 预算 a count names is what it counts, and
        // counting is done, whatever phase the question's words suggest.
        (false, _) if fact.kind == ValueKind::Count => Some(-0.1),
        (false, _) => None,
    }
}

/// True when a share is taken of a budget or plan (占年度预算).
fn share_of_budget(text: &str) -> bool {
    text.split_once('占').is_some_and(|(_, of)| {
        // 占一般公共预算收入 is a share of revenue, not of a budget figure.
        let of = of
            .replace("一般公共预算", "")
            .replace("预算收入", "")
            .replace("预算支出", "");
        ["预算", "计划", "年度", "任务", "目标"].iter().any(|w| of.contains(w))
    })
}

/// True when a sentence speaks of part of a year (上半年, 1-6月, 前三季度).
/// True for a report on part of a year (1—9月…的报告); a title that also names a 决算
/// or 草案 covers whole years too.
pub(crate) fn is_part_year_report(report: &ReportMeta) -> bool {
    is_part_of_year(&report.title) && !report.title.contains("决算") && !report.title.contains("草案")
}

pub(crate) fn is_part_of_year(sentence: &str) -> bool {
    Period::find(sentence).is_some()
}

/// True when the metric negates what the question names: 非税收入 for 税收收入.
fn negates(metric: &str, content: &str) -> bool {
    metric.match_indices('非').any(|(i, _)| {
        let next: String = metric[i + '非'.len_utf8()..].chars().take(2).collect();
        next.chars().count() == 2 && content.contains(&next) && !content.contains(&format!("非{next}"))
    })
}

/// True when the metric names a line item the question does not ask about: 税收收入
/// for a question about 一般公共预算收入 (a part for the whole), 还本付息 for 还本.
/// The question may name the item in other words that keep its characters in
/// order (税收 for 税收收入, 偿还债务本金 for 偿还本金).
fn names_other_item(metric: &str, content: &str) -> bool {
    // 转移性支出中上解支出: the figure is the part named after 中, not the whole.
    let metric = ["支出中", "收入中", "资金中"]
        .iter()
        .filter_map(|w| metric.rfind(w).map(|i| &metric[i + w.len()..]))
        .find(|part| part.chars().count() >= 2)
        .unwrap_or(metric);
    let asked = crate::lexicon::line_items(content);
    // 收入总计 (the revenue with transfers, balances and debt added) is never
    // answered by the revenue itself.
    if asked.contains(&"总计") && !metric.contains("总计") {
        return true;
    }
    crate::lexicon::line_items(metric).into_iter().any(|item| {
        // 付息 is a part of the 还本付息 asked, not the whole.
        if asked.iter().any(|a| crate::lexicon::same_item(a, item)) {
            return false;
        }
        if asked.iter().any(|a| a.contains(item)) {
            return true;
        }
        let stem = item
            .strip_suffix("收入")
            .or_else(|| item.strip_suffix("支出"))
            .unwrap_or(item);
        let stem_asked = stem.chars().count() >= 2
            && in_order(stem, content)
            // 税收 inside 非税收入 names the other item.
            && !asked.iter().any(|a| a.contains(stem));
        !stem_asked
    })
}

/// The four budgets, as `canonical()` writes them.
const BUDGETS: &[&str] = &["一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"];

/// True when the question names one of the four budgets and the fact another
/// (国有资本经营预算收入 never answers for 政府性基金预算收入), judged by the
/// fact's metric, else by the budget of its section.
fn names_other_budget(metric: &str, topic: &str, content: &str) -> bool {
    let named = |text: &str| {
        BUDGETS
            .iter()
            .filter(|b| text.contains(*b))
            .copied()
            .collect::<Vec<_>>()
    };
    let asked = named(content);
    if asked.is_empty() {
        return false;
    }
    let mut own = named(metric);
    if own.is_empty() {
        own = named(topic);
    }
    !own.is_empty() && !own.iter().any(|b| asked.contains(b))
}

/// True when every character of `word` occurs in `text`, in order.
fn in_order(word: &str, text: &str) -> bool {
    let mut rest = text.chars();
    word.chars().all(|c| rest.any(|t| t == c))
}

/// True when the answer is the fact's value negated: a growth asked (增幅, 增减,
/// 增长了多少) of a figure that fell (下降27.4%) is −27.4%.
pub fn negated(q: &Question, fact: &Fact) -> bool {
    matches!(
        q.relation,
        Relation::Change {
            up: Some(true) | None,
            ..
        }
    ) && is_fall(&fact.relation)
}

fn relation_fits(q: &Question, fact: &Fact) -> bool {
    let rel = fact.relation.as_str();
    match q.relation {
        Relation::Level => rel.is_empty() || rel == "上年",
        // 完成调整预算的100.2% and 占年度预算的52.1% say the same thing.
        Relation::Completion => rel == "完成率" || (rel == "占比" && share_of_budget(&fact.metric)),
        // (占调整预算的比例: the budget asked of is a phase, gone from the content.)
        Relation::Share if share_of_budget(&q.content) || share_of_budget(&q.plain) => rel == "完成率" || rel == "占比",
        Relation::Share => rel == "占比" || ["占比", "比重", "比例"].iter().any(|w| fact.metric.contains(w)),
        Relation::OfLastYear => rel == crate::extract::context::OF_LAST_YEAR,
        Relation::Adjustment { up } => {
            // (a budget left as it was, 不作调整, changed by zero either way)
            let direction = match up {
                Some(true) => rel == "调增",
                Some(false) => rel == "调减",
                None => rel == "调增" || rel == "调减",
            } || rel == "调整";
            direction && fact.kind == ValueKind::Money
        }
        Relation::Change { up, money } => {
            let is_change = !rel.is_empty() && !matches!(rel, "完成率" | "占比" | "上年" | "调整" | "为上年");
            // 增长了多少 of a figure that fell is answered with the fall, negated (see `negated`).
            let direction = match up {
                Some(false) => is_fall(rel),
                Some(true) | None => true,
            };
            let kind = if money {
                fact.kind == ValueKind::Money
            } else {
                fact.kind != ValueKind::Money
            };
            is_change && direction && kind
        }
    }
}

fn kind_fits(q: &Question, fact: &Fact) -> Option<f32> {
    // 几个项目 is not answered by 6条 (roads).
    if fact.kind == ValueKind::Count {
        // (the words as asked: an English question's "how many" is glossed 多少个)
        if let Some(asked) = crate::lexicon::asked_count_unit(&q.text) {
            if !crate::lexicon::count_units_agree(asked, &fact.unit) {
                return None;
            }
        }
    }
    match q.want {
        Some(k) if k == fact.kind => Some(0.0),
        Some(ValueKind::Percent) if fact.kind == ValueKind::Points => Some(-0.2),
        Some(_) => None,
        None => match fact.kind {
            ValueKind::Money => Some(0.0),
            ValueKind::Count
                if crate::lexicon::names_money(&q.plain) || crate::lexicon::ends_with_money_item(&q.content) =>
            {
                None
            }
            ValueKind::Count => Some(-0.15),
            _ if !matches!(q.relation, Relation::Level) => Some(0.0),
            _ => None,
        },
    }
}

/// The credit of a question word that names a department report's own scope.
const SCOPE_CREDIT: f32 = 0.79;

/// Turns a fact down: `None`, and with `BUDGETQ_TRACE=WORD` in the environment a line
/// on stderr naming the rule (its line here) for each fact whose metric holds WORD or
/// whose value is WORD (`12名`): a developer sees why an expected figure never became
/// a candidate.
macro_rules! reject {
    ($fact:expr) => {{
        trace_rejection($fact, line!());
        return None;
    }};
}

fn trace_rejection(fact: &Fact, line: u32) {
    static WANTED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let wanted = WANTED.get_or_init(|| std::env::var("BUDGETQ_TRACE").ok().filter(|w| !w.is_empty()));
    if let Some(word) = wanted {
        if fact.metric.contains(word.as_str()) || format!("{}{}", fact.value, fact.unit) == *word {
            eprintln!(
                "rejected {} {}{} ({}) by src/answer/rank.rs:{line}",
                fact.metric, fact.value, fact.unit, fact.report
            );
        }
    }
}

/// Scores a fact for a question; `None` when it cannot answer it at all.
pub fn score(
    q: &Question,
    q_bigrams: &[String],
    idf: &Idf,
    fact: &Fact,
    paragraph: &HashSet<String>,
    parent_metric: Option<&str>,
    report: &ReportMeta,
) -> Option<Score> {
    let draft_year = report.years.draft;
    let kind_bonus = match kind_fits(q, fact) {
        Some(bonus) => bonus,
        None => reject!(fact),
    };
    // A unit that lost its 万 or 亿 (1.81元 of bonds) is no answer.
    if fact.suspect.is_some() {
        reject!(fact);
    }
    // Revenue is never expenditure: a metric of the other flow cannot answer.
    let metric_text = canonical(&fact.metric);
    for (asked, other) in [("收入", "支出"), ("支出", "收入")] {
        if q.content.contains(asked)
            && !q.content.contains(other)
            && metric_text.contains(other)
            && !metric_text.contains(asked)
        {
            reject!(fact);
        }
    }
    if names_other_budget(&metric_text, &fact.topic, &q.content) {
        reject!(fact);
    }
    if q.excluded.iter().any(|x| metric_text.contains(x.as_str())) {
        reject!(fact);
    }
    // 各县（市、区）…合计 asks all the places below together: one place's row (市本级)
    // is none of it.
    let every_place = |t: &str| {
        t.match_indices('各')
            .any(|(i, _)| t[i + '各'.len_utf8()..].starts_with(['县', '区', '市', '镇', '乡', '街']))
    };
    if every_place(&q.content) && !every_place(&metric_text) {
        reject!(fact);
    }
    // 比上年执行数增长 is not the change 比上年预算数 the same sentence states.
    if let Some(base) = q.base.filter(|_| !fact.relation.is_empty()) {
        // (a table's column says it in the relation: 比上年执行数增长)
        let named = base_named(clause_before(fact)).or_else(|| base_named(&fact.relation));
        if named.is_some_and(|named| named != base && !(named == Phase::Initial && base == Phase::Adjusted)) {
            reject!(fact);
        }
    }
    // 土地出让收入 asked: 国有土地使用权出让收入安排的支出 is spending, not the revenue.
    let flow = |t: &str| {
        if t.ends_with("收入") {
            Some(true)
        } else if t.ends_with("支出") {
            Some(false)
        } else {
            None
        }
    };
    if matches!((flow(&q.content), flow(&metric_text)), (Some(a), Some(b)) if a != b)
        && metric_text.contains(q.content.as_str())
    {
        reject!(fact);
    }
    // 年末还剩多少 is not what the year began with (年初余额12000万元).
    // (余额由年初的1126800万元下降至年末的842200万元: the time word nearest before the figure holds.)
    const START: [&str; 5] = ["年初余额", "年初结余", "年初结转", "年初滚存", "年初的"];
    const END: [&str; 5] = ["年末余额", "年末结余", "年末结转", "年末滚存", "年末的"];
    let clause = clause_before(fact);
    let last = |words: &[&str]| words.iter().filter_map(|w| clause.rfind(w)).max();
    let (said_start, said_end) = (last(&START), last(&END));
    let stated_start = said_start.is_some_and(|s| said_end.is_none_or(|e| s > e));
    let stated_end = said_end.is_some_and(|e| said_start.is_none_or(|s| e > s));
    let asks_end = q.plain.contains("年末") || q.plain.contains("年底");
    let asks_start = START.iter().any(|w| q.plain.contains(w));
    if (asks_end && stated_start) || (asks_start && stated_end) {
        reject!(fact);
    }
    if !relation_fits(q, fact) || negates(&metric_text, &q.content) || names_other_item(&metric_text, &q.content) {
        reject!(fact);
    }
    // A part of the year (上半年, 1-6月) never answers for the whole year.
    // In a report on part of the year (1—9月…的报告) every figure is of that part,
    // unless its sentence says 全年 (a title that also names a 决算 or 草案 covers
    // whole years too).
    let part_year_report = is_part_year_report(report);
    // (Its plans, 年度预算数, are still the whole year's.)
    let mut fact_periods = Period::all(&fact.sentence);
    // (Rates and changes there are the part's too, whatever phase their base gave them.)
    let plan_level = fact.phase != Phase::Actual && fact.kind == ValueKind::Money && fact.relation.is_empty();
    if fact_periods.is_empty() && part_year_report && !plan_level && !fact.sentence.contains("全年") {
        fact_periods = Period::all(&report.title);
    }
    let part_year_fact = !fact_periods.is_empty();
    if q.plain.contains("全年") && part_year_fact {
        reject!(fact);
    }
    // 全年…是多少 with no phase named asks what the year came to, not what was planned
    // (the 年初预算 of a report on the first half).
    if q.plain.contains("全年")
        && q.phases.is_empty()
        && matches!(fact.phase, Phase::Initial | Phase::Adjusted)
        && part_year_report
    {
        reject!(fact);
    }
    // …nor the whole year for a part, nor one part for another (1-9月 for 上半年):
    // what was done in a part of the year is stated for that part.
    if let Some(asked) = q.period {
        let done = matches!(fact.phase, Phase::Actual | Phase::Final | Phase::Expected);
        if fact_periods.is_empty() {
            // (a whole year's plan answers only when a plan is asked: 上半年…年度预算是多少)
            if done || q.phases.is_empty() || fact.sentence.contains("全年") {
                reject!(fact);
            }
        } else if !fact_periods.contains(&asked) {
            reject!(fact);
        }
    } else if is_part_of_year(&q.plain) && fact.sentence.contains("全年") && !part_year_fact {
        reject!(fact);
    }
    // A department's own budget (檀山县教育局2024年部门预算) speaks for the department:
    // its figures never answer a question about the whole region (全县).
    if crate::lexicon::is_department_report(&report.title)
        && names_whole(&q.plain)
        && !crate::lexicon::names_department(&q.plain)
    {
        reject!(fact);
    }
    // A plan (拟申请…) is not a thing done: it answers only a question about plans.
    // (A budget asked for is a plan by nature: 2024年收入预期71841万元 is the draft's figure.)
    let budget_asked =
        matches!(fact.phase, Phase::Draft | Phase::Initial | Phase::Adjusted) && q.phases.contains(&fact.phase);
    if !q.planned && !budget_asked && crate::lexicon::is_planned(clause_before(fact)) {
        reject!(fact);
    }
    let mut metric = bigrams(&canonical(&fact.metric));
    // 一般公共预算收支为94.53亿元 (a balanced budget): one figure for revenue and expenditure.
    if metric_text.ends_with("收支") {
        metric.extend(["收入".to_string(), "支出".to_string()]);
    }
    let topic = bigrams(&fact.topic);
    // A part (一般债券9.24亿元 inside 再融资债券21.31亿元(…)) is described by its
    // own clause and its total's name, not by its siblings (新增债券16.35亿元).
    let part_of = parent_metric.filter(|_| fact.parent.is_some());
    let parent = part_of.map(|m| bigrams(&canonical(m))).unwrap_or_default();
    let sentence = match part_of {
        Some(_) => {
            // What the whole list shares (截至6月底，全市政府债务余额148.62亿元，其中…).
            let lead = ["其中", "包括", "包含", "(", "（"]
                .iter()
                .filter_map(|w| fact.sentence.find(w))
                .min()
                .map_or("", |i| &fact.sentence[..i]);
            bigrams(&canonical(&format!(
                "{lead} {} {}",
                clause_before(fact),
                purpose_head(fact)
            )))
        }
        None => bigrams(&canonical(local_context(fact))),
    };
    let title = bigrams(&canonical(&report.title));
    let count_segment = if fact.kind == ValueKind::Count {
        bigrams(&canonical(list_item_before(fact)))
    } else {
        HashSet::new()
    };
    let department_report = crate::lexicon::is_department_report(&report.title);
    let credit: Vec<f32> = q_bigrams
        .iter()
        .map(|b| {
            // A word or its two-character alias (本级 asked, 市级 in a table's caption).
            let aliases = crate::lexicon::aliases(b);
            let has = |set: &HashSet<String>| set.contains(b) || aliases.iter().any(|a| set.contains(*a));
            if metric.contains(b) {
                1.0
            } else if aliases.iter().any(|a| metric_text.contains(a)) {
                // 还本 asked, 偿还政府债务本金 stated.
                0.9
            } else if has(&topic) || has(&parent) {
                0.8
            } else if matches!(fact.relation.as_str(), "占比" | "完成率")
                && b.contains('占')
                && !metric_text.replace("占比", "").contains('占')
            {
                // A share named without its whole (税收占比81.6%), or a rate of a
                // budget (为调整预算的94.9%), is what the question's 占 asks for.
                0.8
            } else if has(&sentence) {
                // A count's metric is its counted noun (5个项目); what it counts is
                // named before it (新增专项债券20.80亿元，共安排5个项目), within its
                // own item of a list (一是非税收入比重偏高；二是…17个项目 counts no 非税收入).
                if fact.kind == ValueKind::Count && count_segment.contains(b) {
                    0.9
                } else {
                    0.5
                }
            } else if department_report && has(&title) {
                // A department's own report (蒲城县市场监管局2024年部门预算): its name is
                // the report's scope, like the region, for every figure in it.
                SCOPE_CREDIT
            } else if has(paragraph) || has(&title) {
                // The report's title names what every figure in it is about
                // (檀山县教育局2024年部门预算公开说明).
                0.4
            } else {
                0.0
            }
        })
        .collect();
    // A figure whose own name shares no word with the question ranks below one
    // that does, however much its long sentence says (上年结转7.98亿元 at the end of
    // a list of sources that names 一次性留抵退税补助 earlier).
    let unnamed = !metric.is_empty() && !credit.iter().any(|c| *c >= 0.9);
    // …but the scope alone names no figure (檀山县教育局部门预算比上年增长了多少).
    if credit.iter().all(|c| *c == 0.0 || *c == SCOPE_CREDIT) && credit.contains(&SCOPE_CREDIT) {
        reject!(fact);
    }
    // A zero (mostly stated in words) whose own name shares no word with the question
    // is another figure, however much its paragraph does (外债转贷余额为0 under 还本付息情况).
    if fact.value.is_zero() && !metric.is_empty() && !q_bigrams.iter().any(|b| metric.contains(b) || parent.contains(b))
    {
        reject!(fact);
    }
    // An item asked within a whole (国有资本经营预算里上级补助收入) is named by the fact
    // itself, not only by its sentence: the whole's own total is no answer.
    // (国有资本经营预算上级补助收入: a budget's name before an item of it is such a whole too)
    let item_asked = super::question::container_split(&q.content)
        .map(|(_, item)| item)
        .or_else(|| super::question::budget_item(&q.content));
    if let Some(item) = item_asked {
        let item = bigrams(&canonical(item));
        let named = item
            .iter()
            .filter(|b| metric.contains(*b) || crate::lexicon::aliases(b).iter().any(|a| metric_text.contains(a)))
            .count();
        if named * 5 < item.len() * 3 {
            reject!(fact);
        }
    }
    // A count nobody asked for must name what the question names (17个项目 is no 非税收入).
    if fact.kind == ValueKind::Count
        && q.want != Some(ValueKind::Count)
        && !q_bigrams
            .iter()
            .any(|b| metric.contains(b) || count_segment.contains(b))
    {
        reject!(fact);
    }
    // A count asked for by its unit (几名代表, 多少个部门) is told apart by that unit
    // and by most of its words: users name the occasion in their own words
    // (财经委初审时 for 会前…召开全体会议), so one word missing is no veto.
    // (…but not past a negation: 还有多少个没有整改 is another count than 查出问题186个.)
    let counted_by_unit = fact.kind == ValueKind::Count
        && q.want == Some(ValueKind::Count)
        && crate::lexicon::asked_count_unit(&q.text).is_some()
        && !['没', '未', '不'].iter().any(|w| q.content.contains(*w));
    let (mut hit, mut total) = (0.0f32, 0.0f32);
    for (i, b) in q_bigrams.iter().enumerate() {
        let w = idf.weight(b);
        total += w;
        // A junction between two matched words (教育|支出 → 育支) counts as matched.
        let junction = i > 0 && i + 1 < credit.len() && credit[i - 1] > 0.0 && credit[i + 1] > 0.0;
        // (争取到, 新建和改扩建: a joining character next to a matched word names nothing.)
        let joined = credit[i] == 0.0
            && crate::lexicon::holds_particle(b)
            && ((i > 0 && credit[i - 1] > 0.0) || credit.get(i + 1).is_some_and(|c| *c > 0.0));
        if joined {
            total -= w;
            continue;
        }
        // A word of the question found nowhere near the fact (非税 for 税收收入,
        // 专项 for 政府债务余额) means the fact is about something else.
        if credit[i] == 0.0 && !junction && w > 0.0 && !counted_by_unit {
            reject!(fact);
        }
        hit += w * if junction { credit[i].max(0.8) } else { credit[i] };
    }
    let coverage = if total > 0.0 { hit / total } else { 0.0 };
    let precision = if metric.is_empty() {
        0.0
    } else {
        metric.iter().filter(|b| q_bigrams.contains(*b)).count() as f32 / metric.len() as f32
    };
    let Some(phase) = phase_bonus(q, fact, draft_year) else {
        reject!(fact)
    };
    let mut total_score = coverage + 0.3 * precision + phase + kind_bonus;
    // 新增专项债务限额 (or a part of a 新增 total) for a question about 专项债务限额.
    let described = format!(
        "{metric_text}{}",
        parent_metric.filter(|_| fact.parent.is_some()).unwrap_or("")
    );
    if crate::lexicon::excludes_asked(&canonical(&described), &q.content)
        || crate::lexicon::unasked_marker(&canonical(&described), &q.content).is_some()
    {
        reject!(fact);
    }
    if !crate::lexicon::unasked_qualifiers(&canonical(&described), &q.content).is_empty() {
        total_score -= 0.15;
    }
    // A fall read as a negative growth ranks below a growth stated as asked.
    if negated(q, fact) && matches!(q.relation, Relation::Change { up: Some(true), .. }) {
        total_score -= 0.1;
    }
    // Totals (收入总量, 支出合计) include transfers: only when the question asks for a total.
    if ["总量", "总计", "合计", "总额", "总收入", "总支出"]
        .iter()
        .any(|w| metric_text.contains(w))
        && !q.content.contains('总')
    {
        total_score -= 0.2;
    }
    // A total asked for (收入总计, 合计) is not one of its parts.
    if part_of.is_some()
        && (["总计", "合计", "总额", "总量", "总收入", "总支出"]
            .iter()
            .any(|w| q.plain.contains(w))
            || crate::lexicon::asks_sum(&q.plain))
    {
        total_score -= 0.2;
    }
    // A part of the region (县本级, 天府新区) answers only when the question names one.
    let scoped = |m: &str| SCOPES.iter().any(|w| m.contains(w));
    if (scoped(&metric_text) || parent_metric.is_some_and(scoped)) && !scoped(&q.content) {
        total_score -= 0.1;
    }
    // Unqualified figures (上级补助收入) usually mean the general public budget's.
    if fact.topic == "一般公共预算" && !q.content.contains("基金") && !q.content.contains("国有资本") {
        total_score += 0.05;
    }
    // 同口径 and 自然口径 growth are two figures: one asked by name answers only as
    // itself; unnamed, the headline (natural) figure is meant.
    if fact.kind != ValueKind::Money {
        match (caliber(&q.plain), caliber(clause_before(fact))) {
            (Some(asked), Some(stated)) if asked != stated => reject!(fact),
            (Some(asked), None) if asked != Caliber::Natural => reject!(fact),
            (None, Some(Caliber::Comparable)) => total_score -= 0.1,
            _ => {}
        }
    }
    // A level named in the question (区级, 县本级) prefers facts stated for that level.
    if names_level(&q.plain) {
        // (Two-character words, so the paragraph's bigrams tell whether it names one:
        // a table under 市级一般公共预算收入执行情况表 is the level's.)
        let level_in_paragraph = LEVELS.iter().any(|w| paragraph.contains(*w));
        let whole_in_paragraph = WHOLES.iter().any(|w| paragraph.contains(*w));
        let stated = level_named(&fact.metric).or_else(|| level_named(local_context(fact)));
        // 区级 asked, 上解市级 stated: another government's figure.
        let clash =
            matches!((level_named(&q.plain), stated), (Some(a), Some(s)) if a != s && a != "本级" && s != "本级");
        if clash {
            total_score -= 0.2;
        } else if stated.is_some() {
            total_score += 0.15;
        } else if names_whole(local_context(fact)) || (whole_in_paragraph && !level_in_paragraph) {
            // 全市…其中税收收入82.37亿元 is the whole's, not 市级; never 市本级's when
            // that is asked in so many words.
            // (区级, 县级 too: a district's or county's own level is never its whole; 市级 and
            // 省级 may be said of a city's or province's whole.)
            if OWN_LEVELS
                .iter()
                .chain(&["区级", "县级", "旗级", "镇级", "乡级"])
                .any(|w| q.plain.contains(w))
                && names_whole(local_context(fact))
            {
                reject!(fact);
            }
            if OWN_LEVELS.iter().any(|w| q.plain.contains(w)) {
                reject!(fact);
            }
            total_score -= 0.2;
        } else if level_in_paragraph && !whole_in_paragraph {
            total_score += 0.05;
        } else {
            total_score -= 0.1;
        }
    } else if names_level(local_context(fact)) && !names_whole(local_context(fact)) {
        // 全县 asked, only 县本级 stated: the level's figure is not the whole's.
        // (市级 too: the city's own budget, with or without its districts, is never 全市's)
        let own_level = OWN_LEVELS.iter().chain(&["市级", "县级", "区级", "旗级"]).any(|w| {
            level_named(local_context(fact)) == Some(*w) || local_context(fact).contains(w) || metric_text.contains(w)
        });
        if own_level && names_whole(&q.plain) {
            reject!(fact);
        }
        // A question that names no level asks about the whole jurisdiction (全市),
        // the more so when it says so.
        total_score -= if names_whole(&q.plain) { 0.1 } else { 0.05 };
    } else if names_whole(&q.plain) && names_whole(local_context(fact)) {
        // 全旗 asked, 全旗一般公共预算支出调整为 stated (in a report of 旗本级).
        total_score += 0.05;
    }
    if fact.approx {
        total_score -= 0.05;
    }
    if unnamed {
        total_score -= 0.1;
    }
    // 有几个内设机构: the count whose own name is the thing counted (本部门内设机构12个,
    // not 另设基层市场监管所16个 of the same sentence).
    if fact.kind == ValueKind::Count {
        if let Some(noun) = crate::lexicon::asked_counted_noun(&q.plain) {
            // (most of its words: 新增幼儿园 asked, 新建幼儿园4所 stated)
            let noun = bigrams(&canonical(&noun));
            let named = noun.iter().filter(|b| metric.contains(*b)).count();
            total_score += if named * 2 >= noun.len() { 0.15 } else { -0.15 };
        }
    }
    Some(Score {
        total: total_score,
        coverage,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_of_mixed_text() {
        let b = bigrams("契税收入GDP");
        assert!(b.contains("契税") && b.contains("gd") && b.contains("dp"));
    }

    #[test]
    fn the_basis_of_a_growth_rate_is_the_one_named_last() {
        assert_eq!(caliber("自然增长12.7%（同口径增长"), Some(Caliber::Comparable));
        assert_eq!(caliber("按自然口径计算增长"), Some(Caliber::Natural));
        assert_eq!(caliber("比上年增长"), None);
        assert_eq!(
            caliber("下降8.0%,扣除增值税留抵退税因素后增长"),
            Some(Caliber::Comparable)
        );
    }

    #[test]
    fn a_line_item_the_question_does_not_name_is_another_figure() {
        // A part for the whole, and a wider item for a narrower one.
        assert!(names_other_item("税收收入", "一般公共预算收入"));
        assert!(names_other_item("政府债务还本付息", "政府债务还本"));
        assert!(names_other_item("一般债务余额", "政府债务余额"));
        assert!(names_other_item("税收收入", "非税收入"));
        // The same item, or the item in shorter or looser words.
        assert!(!names_other_item("税收收入", "税收"));
        assert!(!names_other_item("教育支出", "教育方面"));
        assert!(!names_other_item("使用自有财力偿还本金", "自有财力偿还债务本金"));
        assert!(!names_other_item("一般公共预算收入", "一般公共预算收入"));
        assert!(!names_other_item("税收收入占一般公共预算收入", "税收收入占比"));
    }
}
