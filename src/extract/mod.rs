//! Stage: extraction. Input: a cleaned [`Report`]. Output: its numeric
//! [`Fact`]s, each with value, unit, metric, budget, phase, relation, year,
//! region, span, sentence and parent.
//!
//! Per paragraph, sentence by sentence, every quantity found by [`mention`]
//! is read in its clause by [`context`]:
//!
//! - the metric is the clause's phrase, or, when the clause has none
//!   (`实际完成174559万元`), the previous quantity's; a bare `支出` gets its
//!   budget from the sentence, paragraph or section (一般公共预算支出);
//!   `…万元，用于X` adds the purpose;
//! - the phase is the nearest phase word before it in the sentence; rates and
//!   changes take their base's phase; without any, the report's kind decides;
//! - the year is the nearest year before it in the sentence (not `比2017年`),
//!   else the section's, else the report's (the draft year in draft sections);
//! - quantities in parentheses after a total, or after 其中/包括, are its children.
//!
//! Tables flattened one cell per line are read by [`table`]. Money written in
//! 元 among 万元 figures is kept but flagged as suspect.

pub mod context;
pub mod mention;
pub mod number;
pub mod table;
pub mod unit;

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::ingest::structure::{heading_level, BULLET_LEVEL};
use crate::model::{Fact, Paragraph, Phase, Report, ValueKind};
use mention::Mention;

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:19|20)\d{2}年").expect("valid regex"))
}

/// 没有政府债务, 未发生国有资本经营预算收入, 无相应支出: an absence word (lexicon
/// `zero_words.tsv`) and the noun phrase, up to a budget head word, that did not happen.
fn absent_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let z = crate::lexicon::zero_words();
        let mut words: Vec<&str> = z.absent.iter().chain(&z.absent_verb).copied().collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let words = alternation(&words);
        Regex::new(&format!(
            r"(?P<word>{words})(?:任何|相应的?|新的)?(?P<what>(?:[^，。；、,;：:（）()\d论偿息需法不非]|（境）|\(境\)){{0,24}}?(?:收入|支出|收支|债务|债券|余额|经费|费|基金|还本|付息|利息|本金|限额|逾期|违约))(?P<flow>(?:预算)?(?:收入|支出))?(?P<after>$|[^\p{{Han}}]|[和及与或也均为等])"
        ))
        .expect("valid regex")
    })
}

/// 国有资本经营预算收入、支出均为零: every item of a list is zero.
fn each_zero_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words = alternation(&crate::lexicon::zero_words().each);
        Regex::new(&format!(
            r"(?P<items>[^，。；：:,;]{{2,40}}?)(?:{words})(?:$|[^\d.．%０-９万亿元千百个倍项家])"
        ))
        .expect("valid regex")
    })
}

/// 国有资本经营预算和社会保险基金预算本次均不作调整: budgets an adjustment left as they were.
fn unchanged_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words = alternation(&crate::lexicon::zero_words().unchanged);
        Regex::new(&format!(
            r"(?P<items>[^，。；：:,;]{{2,40}}?)(?:本次|本年|今年|当年)?(?:收支)?(?:均|都|全部)?(?:{words})"
        ))
        .expect("valid regex")
    })
}

/// 专项债务余额为0, 因公出国（境）费为零: a zero stated without a unit.
fn equals_zero_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words = alternation(&crate::lexicon::zero_words().equals);
        Regex::new(&format!(r"(?:{words})(?:$|[^\d.．%０-９万亿元千百个倍项家])")).expect("valid regex")
    })
}

/// True when `text` holds a word of `words` (the literal every match of a
/// zero pattern needs: a sentence without one is not searched).
fn holds_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// True when `text` may state a zero in words: it holds a zero word of any
/// kind (each zero pattern needs one). A paragraph without quantities or
/// such a word has no reading.
fn may_state_zero(text: &str) -> bool {
    static WORDS: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let z = crate::lexicon::zero_words();
        let all = z
            .absent
            .iter()
            .chain(&z.absent_verb)
            .chain(&z.each)
            .chain(&z.equals)
            .chain(&z.unchanged);
        aho_corasick::AhoCorasick::new(all).ok()
    });
    words.as_ref().is_none_or(|ac| ac.is_match(text))
}

fn alternation(words: &[&str]) -> String {
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// Mentions of zeros stated without a unit (`为0`, `为零`), in the report's money unit;
/// not where the clause speaks of a rate (增长为0).
fn bare_zeros(sentence: &str, money_unit: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in equals_zero_re().find_iter(sentence) {
        let word = m.as_str().trim_end_matches(|c: char| !matches!(c, '0' | '零' | '〇'));
        let (start, end) = match word.chars().last() {
            Some(zero) => (m.start() + word.len() - zero.len_utf8(), m.start() + word.len()),
            None => {
                // 因公出国（境）费未发生；: nothing happened, and the clause ends there.
                let Some(said) = crate::lexicon::zero_words()
                    .equals
                    .iter()
                    .find(|w| m.as_str().starts_with(**w))
                else {
                    continue;
                };
                let end = m.start() + said.len();
                let rest = &sentence[end..];
                if !(rest.is_empty() || rest.starts_with(['；', '。', '，', ';', ','])) {
                    continue;
                }
                (m.start(), end)
            }
        };
        let clause = &sentence[clause_start(sentence, start)..start];
        if ["率", "增长", "增幅", "下降", "比重", "占", "百分点"]
            .iter()
            .any(|w| clause.contains(w))
        {
            continue;
        }
        out.push(Mention {
            start,
            end,
            value: Decimal::ZERO,
            written: "0".to_string(),
            unit: money_unit.to_string(),
            kind: ValueKind::Money,
            approx: false,
        });
    }
    out
}

/// `text` without the filler between a metric and its stated zero (尚未入库, 执行数).
fn without_zero_status(text: &str) -> String {
    let words = crate::lexicon::zero_words();
    let mut s = text.to_string();
    for w in words.status.iter().chain(&words.equals) {
        s = s.replace(w, "");
    }
    s
}

/// The phase a word naming only a budget stands for (预算, 年初预算数, 调整预算).
fn budget_phase_word(own: &str) -> Option<Phase> {
    match own {
        "预算" | "预算数" | "年初预算" | "年初预算数" | "年度预算" | "年度预算数" | "全年预算" | "全年预算数" => {
            Some(Phase::Initial)
        }
        "调整预算" | "调整预算数" | "调整后预算" | "调整后预算数" => Some(Phase::Adjusted),
        _ => None,
    }
}

/// Words for the period a zero was stated for (资源税本期未发生收入), no part of its item.
const ZERO_PERIOD_WORDS: &[&str] = &["本期", "当期", "本年", "当年", "全年", "上半年"];

/// Words for a balance that may stand alone for the balance of what was named before.
const BALANCE_WORDS: &[&str] = &[
    "年初余额",
    "年末余额",
    "期末余额",
    "期初余额",
    "年末结余",
    "年末滚存结余",
    "余额",
];

/// The thing whose balance `metric` names (预算稳定调节基金年初余额 → 预算稳定调节基金).
fn balance_stem(metric: &str) -> Option<&str> {
    let stem = BALANCE_WORDS.iter().find_map(|w| metric.strip_suffix(w))?;
    (stem.chars().count() >= 2).then_some(stem)
}

/// Level words that may stand alone for an item named at another level just before.
const LEVEL_WORDS: &[&str] = &[
    "区本级",
    "县本级",
    "市本级",
    "旗本级",
    "镇本级",
    "乡本级",
    "区级",
    "县级",
    "市级",
    "旗级",
    "乡镇级",
    "镇级",
    "乡级",
    "省级",
];

/// Words between one figure stated twice, before and after (由60000万元调整为33500万元).
const RESTATE_WORDS: &[&str] = &[
    "调整为",
    "调整到",
    "调整至",
    "调为",
    "变更为",
    "调增至",
    "调增为",
    "调增到",
    "调减至",
    "调减为",
    "调减到",
    "增加至",
    "增加到",
    "增至",
    "减少至",
    "减少到",
    "减至",
    "提高到",
    "提高至",
    "降至",
    "下降到",
    "下降至",
];

/// Byte ranges of sentences (ending at 。！？!?).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            out.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

const CLAUSE_BREAKS: &[char] = &[
    '，', ',', '、', '；', ';', '：', ':', '（', '(', '）', ')', '。', '“', '”', '—',
];

/// The start of the clause that ends at `end`: parenthesised remarks without
/// digits (`(含辖区内列统收入,下同)`) are skipped over.
fn clause_start(text: &str, end: usize) -> usize {
    let mut i = end;
    let bytes_before = |i: usize| text[..i].chars().next_back();
    while let Some(c) = bytes_before(i) {
        if c == ')' || c == '）' {
            // Find the matching opening parenthesis.
            let inner_end = i - c.len_utf8();
            if let Some(open) = text[..inner_end].rfind(['(', '（']) {
                let inner = &text[open..inner_end];
                if !inner.chars().any(|ch| ch.is_ascii_digit()) {
                    i = open;
                    continue;
                }
            }
            return i;
        }
        // A short quoted name (“三公”经费) is part of the clause's wording.
        if c == '”' {
            let inner_end = i - c.len_utf8();
            if let Some(open) = text[..inner_end].rfind('“') {
                let inner = &text[open + '“'.len_utf8()..inner_end];
                if inner.chars().count() <= 8 && inner.chars().all(crate::text::is_han) {
                    i = open;
                    continue;
                }
            }
            return i;
        }
        // A thousands separator (125,000万元) breaks no clause.
        let in_number = c == ','
            && text[i..].starts_with(|d: char| d.is_ascii_digit())
            && text[..i - 1].ends_with(|d: char| d.is_ascii_digit());
        if CLAUSE_BREAKS.contains(&c) && !in_number {
            return i;
        }
        i -= c.len_utf8();
    }
    i
}

/// The year and phase of a figure that is the base of a comparison, from the
/// text right before it (比2023年预计执行数 → 2023, 预计执行).
fn comparison_base(before: &str) -> Option<(u16, Option<Phase>)> {
    static P: OnceLock<Regex> = OnceLock::new();
    let re =
        P.get_or_init(|| Regex::new(r"[比较]((?:19|20)\d{2})年(?:度)?([^，,。；;、]{0,8})$").expect("valid regex"));
    let caps = re.captures(before.trim_end())?;
    let year = caps[1].parse().ok()?;
    Some((year, context::phase_clue(&caps[2])))
}

/// Year named in `text` nearest its end, not a comparison base (比2017年).
fn last_year(text: &str) -> Option<u16> {
    // 2023年7月至2024年6月, 共完成审计项目23个: a span of dates across two years says
    // when the work was done, not which budget year a figure is of.
    static SPAN: OnceLock<Regex> = OnceLock::new();
    let span = SPAN.get_or_init(|| {
        Regex::new(r"(?:19|20)\d{2}年\d{1,2}月(?:份)?(?:至|到|—|－|-|~)(?:19|20)\d{2}年\d{1,2}月").expect("valid regex")
    });
    let spans: Vec<(usize, usize)> = if text.contains('至') || text.contains('到') || text.contains('—') {
        span.find_iter(text).map(|m| (m.start(), m.end())).collect()
    } else {
        Vec::new()
    };
    year_re()
        .find_iter(text)
        .filter(|m| !text[..m.start()].ends_with(['比', '较']))
        .filter(|m| !spans.iter().any(|(a, b)| m.start() >= *a && m.end() <= *b))
        .last()
        .and_then(|m| m.as_str()[..4].parse().ok())
}

/// The year of a section path, innermost heading first.
fn section_year(section: &[String]) -> Option<u16> {
    section.iter().rev().find_map(|h| last_year(h))
}

/// True for a note on the report's figures (注：…, 注1：…, 注②…).
fn is_note(text: &str) -> bool {
    text.trim_start().strip_prefix('注').is_some_and(|rest| {
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || "①②③④⑤".contains(c))
            .starts_with(['：', ':'])
    })
}

/// What a paragraph is about when its quantities name nothing: the text after
/// a bullet up to its first full stop (`三是足额安排教育资金。` → 足额安排教育资金).
fn paragraph_subject(text: &str) -> Option<String> {
    let first = text.split('。').next()?;
    let (_, marker) = crate::ingest::structure::heading_level(first)?;
    let subject = &first[marker..];
    (mention::find(subject).is_empty() && subject.chars().count() <= 30)
        .then(|| subject.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
}

/// Report-wide facts about how to read a paragraph.
struct Scope<'a> {
    report: &'a Report,
    money_unit: &'static str,
    /// The report's region names, removed from metric phrases.
    region_keys: Vec<String>,
}

/// Removes the region's names and years from a metric phrase (西工区2023年政府债务限额 → 政府债务限额).
fn scrub(metric: &str, region_keys: &[String]) -> String {
    let mut s = metric.to_string();
    for key in region_keys {
        // A key whose first character is not in the metric is not in it (a cheap test first).
        if !key.chars().next().is_some_and(|c| s.contains(c)) {
            continue;
        }
        if key.chars().count() >= 3 || crate::region::has_suffix(key) {
            s = s.replace(key.as_str(), "");
        }
    }
    let s = year_re().replace_all(&s, "");
    s.trim_start_matches(['度', '底', '末']).to_string()
}

impl Scope<'_> {
    fn default_phase(&self, year: Option<u16>, section: &[String]) -> Phase {
        let years = self.report.meta.years;
        if year.is_some() && year == years.draft && years.draft != years.execution {
            return Phase::Draft;
        }
        if section.iter().any(|h| h.contains("草案") && !h.contains("决算")) && year != years.execution {
            return Phase::Draft;
        }
        match self.report.meta.kind.as_str() {
            "决算报告" => Phase::Final,
            "预算调整" => Phase::Adjusted,
            _ => Phase::Actual,
        }
    }

    /// The year of a quantity: named before it in its sentence (not 比2017年),
    /// else by its section, else the report's.
    fn year_at(&self, sentence_before: &str, section: &[String]) -> Option<u16> {
        last_year(sentence_before)
            .or_else(|| section_year(section))
            .or_else(|| self.default_year(section))
    }

    /// A count in a review of the budget (财经委邀请12名代表, 听取了12个部门的汇报)
    /// tells how the draft was examined: it is of the draft's year, unless its
    /// sentence or section names another.
    fn count_year(&self, m: &Mention, sentence_before: &str, section: &[String]) -> Option<u16> {
        (m.kind == ValueKind::Count
            && (self.report.meta.kind == "审查结果" || self.report.meta.title.contains("审查"))
            && last_year(sentence_before).is_none()
            && section_year(section).is_none()
            && !sentence_before.contains("全年"))
        .then_some(self.report.meta.years.draft)
        .flatten()
    }

    fn default_year(&self, section: &[String]) -> Option<u16> {
        let years = self.report.meta.years;
        let draft_section = section
            .iter()
            // (一、一般公共预算收支安排: an arrangement is the draft's too)
            .any(|h| (h.contains("草案") || h.contains("安排")) && !h.contains("决算") && !h.contains("执行"));
        if draft_section && years.draft.is_some() {
            years.draft
        } else {
            years.execution.or(years.draft)
        }
    }
}

/// A quantity with what has been read about it so far.
pub(crate) struct Reading {
    m: Mention,
    metric: String,
    /// The metric without its purpose, for inheritance.
    base_metric: String,
    topic: String,
    phase: Phase,
    relation: String,
    year: Option<u16>,
    parent: Option<usize>,
    sentence: (usize, usize),
    /// The base of a comparison (比2023年预计执行数30286万元增长5%): the rate
    /// after it describes the figure before it.
    compared: bool,
}

/// `found`: the quantities of the whole paragraph ([`mention::find`] of its
/// text, read once per report); a sentence's are those inside it, as no
/// quantity spans a sentence end.
fn read_paragraph(scope: &Scope, p: &Paragraph, found: &[Mention]) -> Vec<Reading> {
    // 注2：政府性基金预算收入38560万元中… at the end of the report is a note on the
    // figures before: the heading it happens to stand under (三、2024年工作措施) gives
    // it no year, phase or topic.
    let note;
    let p = if is_note(&p.text) && !p.section.is_empty() {
        note = Paragraph {
            section: Vec::new(),
            ..p.clone()
        };
        &note
    } else {
        p
    };
    let text = &p.text;
    let section_topic = p.section.iter().rev().find_map(|h| context::topic_in(h)).unwrap_or("");
    let subject = paragraph_subject(text);
    let mut topic = section_topic.to_string();
    let mut out: Vec<Reading> = Vec::new();
    let mut previous_sentence_metric: Option<(String, String)> = None;
    // (the last amount, and the last level: 其中 after 比上年末增加Y万元 breaks down the level)
    let mut previous_sentence_total: Option<usize> = None;
    let mut previous_sentence_level: Option<usize> = None;
    // The total that bullets (一是…；二是…) after it break down.
    let mut bullet_total: Option<usize> = None;
    for (s_start, s_end) in sentences(text) {
        let sentence = &text[s_start..s_end];
        let mut mentions: Vec<Mention> = found
            .iter()
            .filter(|m| m.start >= s_start && m.start < s_end)
            .cloned()
            .collect();
        let mut zeros = bare_zeros(sentence, scope.money_unit);
        for z in &mut zeros {
            z.start += s_start;
            z.end += s_start;
        }
        let zero_starts: Vec<usize> = zeros.iter().map(|z| z.start).collect();
        if !zeros.is_empty() {
            mentions.extend(zeros);
            mentions.sort_by_key(|m| m.start);
        }
        let first_in_sentence = out.len();
        // Where 其中/包括 opens a breakdown in this sentence, and the total it breaks down.
        let breakdown_at = ["其中", "包括"]
            .iter()
            .filter_map(|w| sentence.find(w))
            .min()
            .map(|i| i + s_start);
        let sentence_opens_breakdown =
            breakdown_at == Some(s_start) || sentence.trim_start_matches(['—', '-']).starts_with("其中");
        for m in mentions {
            let clause_from = clause_start(text, m.start).max(s_start);
            let prev_end = out
                .get(first_in_sentence..)
                .and_then(|r| r.last())
                .map_or(s_start, |r| r.m.end);
            let clause = text[clause_from..m.start].trim();
            let mut between = text[clause_from.max(prev_end)..m.start].trim();
            // 收入尚未入库，为0: a zero's metric may sit a clause earlier, behind filler.
            let zero_between;
            if zero_starts.contains(&m.start) {
                let own_clause = without_zero_status(between);
                let own_residue = context::residue(&own_clause);
                // 耕地占用税未发生入库，收入为0: a bare 收入 is the item named before it.
                let item_before = || {
                    let from = s_start.max(prev_end);
                    let segment = &text[from..m.start];
                    let clause_end = segment.len() - between.len().min(segment.len());
                    let before = without_zero_status(segment[..clause_end].trim_end_matches(['，', ',']));
                    let item = context::residue(&before[clause_start(&before, before.len())..]);
                    (item.ends_with(['税', '费']) && !context::is_empty(&item)).then_some(item)
                };
                zero_between = if context::is_bare(&own_residue) && !context::is_empty(&own_residue) {
                    item_before().unwrap_or(own_clause)
                } else if context::is_empty(&own_residue) {
                    let from = s_start.max(prev_end);
                    let segment = text[from..m.start]
                        .char_indices()
                        .rfind(|(_, c)| matches!(c, '；' | ';'))
                        .map_or(from, |(i, c)| from + i + c.len_utf8());
                    without_zero_status(&text[segment..m.start])
                } else {
                    own_clause
                };
                between = zero_between.trim();
            }
            let sentence_before = &text[s_start..m.start];
            // Counts inside a purpose (用于西工区10所公办幼儿园) are part of its wording.
            if m.kind == ValueKind::Count && clause.contains("用于") {
                continue;
            }
            let same_class = |r: &&Reading| {
                !r.compared
                    && match m.kind {
                        ValueKind::Money => r.m.kind == ValueKind::Money,
                        ValueKind::Count => r.m.kind == ValueKind::Count,
                        _ => r.m.kind == ValueKind::Money || r.m.kind == ValueKind::Count,
                    }
            };
            let prev_in_sentence = out[first_in_sentence..].iter().rev().find(same_class);

            // Relation: a change, a completion rate or a share.
            let mut relation = String::new();
            let mut year_shift = 0;
            if let Some(r) = context::relation(&context::without_remarks(between), clause) {
                relation = r;
            } else if m.kind == ValueKind::Percent {
                if let Some(r) = context::rate_relation(clause) {
                    relation = r.to_string();
                }
            } else if m.kind == ValueKind::Money && context::is_last_year(between) {
                relation = "上年".to_string();
                year_shift = 1;
            } else if let Some(verb) = ["调增", "调减"].into_iter().find(|v| {
                between
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(v)
            }) {
                // 调增政府性基金支出15000万元: the change, not the adjusted level.
                relation = verb.to_string();
            }
            let is_change = !relation.is_empty() && relation != "上年";

            // Metric: the clause's own phrase, else inherited.
            let enumeration = (m.kind == ValueKind::Count)
                .then(|| context::enumeration_verb(sentence_before.trim_end()))
                .flatten();
            let own = match relation.as_str() {
                _ if enumeration.is_some() => enumeration.unwrap_or_default().to_string(),
                "完成率" | "占比" | context::OF_LAST_YEAR => String::new(),
                "" => scrub(&context::residue(between), &scope.region_keys),
                _ => strip_relation_words(&context::residue(between)),
            };
            // 完成38.46亿元，为预算36.80亿元的104.5%: a budget named by its phase alone is
            // the budget of the figure before it, in that phase.
            let own_phase = (m.kind == ValueKind::Money && relation.is_empty() && prev_in_sentence.is_some())
                .then(|| budget_phase_word(&own))
                .flatten();
            let own = if own_phase.is_some() { String::new() } else { own };
            // 46个部门预算和8个项目: the words after the count before are its noun, not ours.
            let own = match prev_in_sentence.filter(|r| r.m.kind == ValueKind::Count && m.kind == ValueKind::Count) {
                Some(r) => {
                    let noun = counted(&text[r.m.end..]);
                    match own.strip_prefix(noun.as_str()).filter(|_| !noun.is_empty()) {
                        Some(rest) => rest.trim_start_matches(['和', '及', '与', '、']).to_string(),
                        None => own,
                    }
                }
                None => own,
            };
            // The quantity right before, when a count (开展绩效评价18个，金额33940万元).
            let counted_before = out[first_in_sentence..]
                .last()
                .filter(|r| r.m.kind == ValueKind::Count)
                .map(|r| (r.base_metric.clone(), r.topic.clone()));
            // The subject carries over from the last total, not from a part in parentheses.
            let inside_parens = text[clause_start(text, m.start).max(s_start)..m.start].is_empty()
                && text[..m.start].ends_with(['（', '(']);
            let last_total = out[first_in_sentence..]
                .iter()
                .rev()
                .filter(same_class)
                .find(|r| r.parent.is_none());
            // A rate or change describes the amount right before it (旗本级35900万元,下降8%).
            // …but not across a closed parenthesis (…开发区9100万元),比人代会…减少25000万元).
            // (a remark that holds no figure closes no part: 同比增长(以下简称“增长”)55.2%)
            let after_parens = prev_in_sentence
                .is_some_and(|r| context::without_remarks(&text[r.m.end..m.start]).contains([')', '）']));
            // 由60000万元调整为33500万元: the same figure, before and after.
            let restated = prev_in_sentence.is_some_and(|r| {
                let gap = text[r.m.end..m.start].trim_start_matches('元').trim();
                RESTATE_WORDS.contains(&gap)
            });
            let describes_previous =
                inside_parens || restated || (!after_parens && (!relation.is_empty() || m.kind != ValueKind::Money));
            // 比重为58.3%，比上年增加1.2个百分点 (债务率为182.6%，比上年上升7.4个百分点):
            // points right after a share or a ratio are its change.
            let share_before = out[first_in_sentence..].last().filter(|r| {
                m.kind == ValueKind::Points
                    && r.m.kind == ValueKind::Percent
                    && (r.relation == "占比" || r.relation.is_empty())
            });
            let inherited = (if share_before.is_some() {
                share_before
            } else if describes_previous {
                prev_in_sentence
            } else {
                last_total.or(prev_in_sentence)
            })
            .map(|r| (r.base_metric.clone(), r.topic.clone()))
            .or_else(|| previous_sentence_metric.clone());
            let attribute_of_counted = counted_before
                .as_ref()
                .and_then(|(base, t)| Some((context::attribute_of(base, &own)?, t.clone())));
            // 为全区3,412户企业办理留抵退税: a count that names what it counts after
            // itself inherits no amount's name (一般公共预算…户 is no such thing).
            // (nor a count's before it: 12名代表和4名专家, 46个部门预算和8个项目.)
            let counts_own_noun = m.kind == ValueKind::Count
                && prev_in_sentence.is_none_or(|r| r.m.kind == ValueKind::Count)
                && !context::is_empty(&counted(&text[m.end..]));
            // 县级一般公共预算收入52630万元，镇级8655万元: a level alone names the same item
            // at that level.
            let level_of_same = prev_in_sentence
                .filter(|r| r.m.kind == m.kind && LEVEL_WORDS.contains(&own.as_str()))
                .and_then(|r| {
                    // (其中：县本级一般公共预算收入…: the level may stand outside the name)
                    let item = LEVEL_WORDS
                        .iter()
                        .find_map(|w| r.base_metric.strip_prefix(w))
                        .unwrap_or(&r.base_metric);
                    (!item.is_empty()).then(|| (format!("{own}{item}"), r.topic.clone()))
                });
            // 17家融资平台公司压减退出5家: the words between two counts of one kind may name
            // either (the whole, or the part done), so both carry them and neither is told apart.
            let shared_phrase = prev_in_sentence
                .filter(|r| {
                    m.kind == ValueKind::Count
                        && r.m.kind == ValueKind::Count
                        && r.m.unit == m.unit
                        && context::is_empty(&own)
                        && context::is_empty(&counted(&text[m.end..]))
                        && !text[r.m.end..m.start].contains(CLAUSE_BREAKS)
                })
                .map(|r| (counted(&text[r.m.end..m.start]), r.topic.clone()))
                .filter(|(phrase, _)| !phrase.is_empty());
            let (mut base_metric, mut fact_topic) = if let Some(named) = level_of_same.or(shared_phrase) {
                named
            } else if context::is_empty(&own) && counts_own_noun {
                (String::new(), topic.clone())
            } else if context::is_empty(&own) {
                inherited
                    .clone()
                    .unwrap_or_else(|| (subject.clone().unwrap_or_else(|| topic.clone()), topic.clone()))
            } else if enumeration.is_some() {
                // 发放惠民补贴49项，涉及…等9家单位: what was counted before, then the verb.
                let before = out[first_in_sentence..].last().map(|r| r.base_metric.clone());
                (format!("{}{own}", before.unwrap_or_default()), topic.clone())
            } else if context::is_attribute(&own) && (counted_before.is_some() || inherited.is_some()) {
                let (base, t) = counted_before.clone().or_else(|| inherited.clone()).unwrap_or_default();
                (format!("{base}{own}"), t)
            } else if let Some(named) = attribute_of_counted {
                named
            } else if let Some(stem) =
                last_total.and_then(|r| other_flow_stem(&r.base_metric, &own, &text[r.m.end..m.start]))
            {
                // 工伤保险基金收入8700万元、支出11200万元: the same fund's other flow.
                (format!("{stem}{own}"), topic.clone())
            } else if let Some((stem, t)) = BALANCE_WORDS
                .contains(&own.as_str())
                .then(|| {
                    out[first_in_sentence..]
                        .iter()
                        .rev()
                        .find_map(|r| Some((balance_stem(&r.base_metric)?.to_string(), r.topic.clone())))
                })
                .flatten()
            {
                // 基金年初余额18620万元，…年末余额为26120万元: the same fund's balance.
                (format!("{stem}{own}"), t)
            } else if context::is_verb_only(&own) && (inherited.is_some() || subject.is_some()) {
                // 成功发行13900万元: what was issued is the amount before, or the paragraph's subject.
                // (基金年初余额18620万元，当年动用8000万元: the fund is drawn on, not its balance.)
                let (base, t) = inherited
                    .clone()
                    .unwrap_or_else(|| (subject.clone().unwrap_or_default(), topic.clone()));
                let base = balance_stem(&base).map_or(base.clone(), str::to_string);
                (format!("{base}{own}"), t)
            } else if context::is_bare(&own) {
                let t = inherited
                    .as_ref()
                    .map(|(_, t)| t.clone())
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| topic.clone());
                let prefix = if t.is_empty() {
                    subject.clone().unwrap_or_default()
                } else {
                    t.clone()
                };
                (context::compose(&prefix, &own), t)
            } else {
                let t = context::topic_in(&own)
                    .map(str::to_string)
                    .unwrap_or_else(|| topic.clone());
                (own.clone(), t)
            };
            if let Some(t) = context::topic_in(&base_metric) {
                fact_topic = t.to_string();
            }
            if is_change && !relation.is_empty() {
                // A change is described by the metric it changes; keep that.
                base_metric = base_metric.trim_end_matches(&relation).to_string();
            }
            topic = fact_topic.clone();
            if relation == "占比" {
                let share = context::canonical(clause.trim_end_matches(['为', '是', '达']).trim_end_matches('的'));
                // 税收占比84.7% names its own subject; 占一般公共预算支出的77.05% does not.
                let own_subject = share
                    .find('占')
                    .is_some_and(|i| share[..i].chars().filter(|c| crate::text::is_han(*c)).count() >= 2);
                base_metric = if own_subject {
                    share
                } else {
                    format!("{base_metric}{share}")
                };
            }
            let after = &text[m.end..];
            let metric = match purpose(after) {
                Some(p) => format!("{base_metric}用于{p}"),
                // 帮助65家企业获得信贷支持: what is counted follows the count.
                None if m.kind == ValueKind::Count => format!("{base_metric}{}", counted(after)),
                None => base_metric.clone(),
            };

            // Parent: a total before an opening parenthesis or 其中, or before bullets.
            let segment_start = text[s_start..m.start].rfind(['；', ';']).map_or(s_start, |i| {
                s_start + i + text[s_start + i..].chars().next().map_or(1, char::len_utf8)
            });
            let opens_bullet =
                heading_level(&text[segment_start..m.start]).is_some_and(|(level, _)| level == BULLET_LEVEL);
            // The nearest breakdown before this figure: a later 其中 opens a new list
            // (…余额158.72亿元,其中:…,债券还本支出21.84亿元,其中一般债券还本9.25亿元).
            let nearest_breakdown = ["其中", "包括"]
                .iter()
                .filter_map(|w| text[s_start..m.start].rfind(w))
                .max()
                .map(|i| i + s_start)
                .or(breakdown_at);
            let parent = parent_of(
                text,
                &m,
                &out[first_in_sentence..],
                first_in_sentence,
                nearest_breakdown,
                !relation.is_empty(),
            )
            .or_else(|| {
                (sentence_opens_breakdown && m.kind == ValueKind::Money)
                    .then_some(if relation.is_empty() {
                        previous_sentence_level.or(previous_sentence_total)
                    } else {
                        previous_sentence_total
                    })
                    .flatten()
            })
            .or_else(|| {
                let first_of_segment = prev_in_sentence.is_none_or(|r| r.m.end < segment_start);
                (opens_bullet && m.kind == ValueKind::Money && first_of_segment)
                    .then_some(bullet_total)
                    .flatten()
            })
            .filter(|pi| is_part_of(&base_metric, &out[*pi].base_metric));
            // A part names only what sets it apart (其中付息9.8亿元 under 还本付息支出):
            // it takes the rest of its total's name (付息支出).
            let (base_metric, metric) = match parent {
                // 实际偿还0.67亿元 inside 一般债务还本支出24.37亿元（…）: what its total names, repaid.
                Some(pi) if context::is_verb_only(&own) && text[out[pi].m.end..].starts_with(['（', '(']) => {
                    let full = format!("{}{own}", out[pi].base_metric);
                    (full.clone(), metric.replacen(&base_metric, &full, 1))
                }
                // 旗本级257800万元 under 一般公共预算收入: the part of the region's figure.
                Some(pi) if context::is_scope(&base_metric) && !out[pi].base_metric.contains(base_metric.as_str()) => {
                    let full = format!("{base_metric}{}", out[pi].base_metric);
                    (full.clone(), metric.replacen(&base_metric, &full, 1))
                }
                Some(pi) if !context::is_empty(&own) && !context::is_complete(&base_metric) => {
                    match crate::text::merge_overlap(&out[pi].base_metric, &base_metric) {
                        // Not when that makes it its total's twin (新增一般债券 under 新增一般债券资金).
                        Some(full) if full != base_metric && full != out[pi].base_metric => {
                            (full.clone(), metric.replacen(&base_metric, &full, 1))
                        }
                        _ => (base_metric, metric),
                    }
                }
                // 分区域看，市本级完成27.84亿元: a part of the region named alone is a
                // part of the level's figure stated last in the paragraph.
                None if m.kind == ValueKind::Money && relation.is_empty() && context::names_only_a_part(&own) => {
                    match out.iter().rev().find(|r| {
                        r.m.kind == ValueKind::Money
                            && r.parent.is_none()
                            && r.relation.is_empty()
                            && !r.compared
                            && !text[r.m.end..].starts_with('的')
                            && context::is_complete(&r.base_metric)
                            && !context::names_a_part(&r.base_metric)
                    }) {
                        Some(total) => {
                            let full = format!("{base_metric}{}", total.base_metric);
                            (full.clone(), metric.replacen(&base_metric, &full, 1))
                        }
                        None => (base_metric, metric),
                    }
                }
                _ => (base_metric, metric),
            };

            // Phase: rates and changes take their base's; children their parent's.
            // 比2023年预计执行数30286万元: the figure compared with is that year's, in its phase.
            // (比2021年减收34086万元 is a change of this year, not a base.)
            let base = comparison_base(between).filter(|_| relation.is_empty());
            let year = base.map(|(y, _)| Some(y)).unwrap_or_else(|| {
                // A part is of its total's year (2024年…预算31800万元…。其中：税收收入17650万元).
                parent
                    .filter(|_| last_year(sentence_before).is_none())
                    .and_then(|pi| out[pi].year)
                    .or_else(|| scope.count_year(&m, sentence_before, &p.section))
                    .or_else(|| scope.year_at(sentence_before, &p.section))
            });
            // 由210,110万元调整为251,550万元: the first figure is the one before the adjustment.
            // (本次调整后，债务限额由268700万元增加至298600万元: so is a change the adjustment made.)
            let adjusted_from = between.ends_with('由')
                && RESTATE_WORDS.iter().any(|w| {
                    text[m.end..].trim_start().starts_with(w) && (w.starts_with('调') || sentence.contains("调整"))
                });
            let phase = if let Some(p) = own_phase {
                p
            } else if adjusted_from {
                Phase::Initial
            } else if let Some((y, clue)) = base {
                clue.unwrap_or_else(|| scope.default_phase(Some(y), &p.section))
            } else if let Some(clue) = parent
                .filter(|_| relation.is_empty())
                .and_then(|_| context::phase_clue(between))
            {
                // (比2021年实际完成数减少: that phase is the base's, not the change's.)
                clue
            } else if let Some(pi) = parent {
                out[pi].phase
            } else if is_change
                && ["预期", "目标"].iter().any(|w| {
                    // …within the rate's own clause (增长4%。按预期收入安排 is another sentence).
                    let after: String = text[m.end..]
                        .chars()
                        .take_while(|c| !matches!(c, '，' | '。' | '；' | ',' | ';'))
                        .take(8)
                        .collect();
                    between.contains(w) || after.contains(w)
                })
            {
                // 增长8.1%，超过年初“增长3%”的预期目标: the second rate is the plan's.
                Phase::Initial
            } else if (is_change || m.kind == ValueKind::Percent || m.kind == ValueKind::Multiple)
                && prev_in_sentence.is_some()
            {
                prev_in_sentence.map_or(Phase::Unknown, |r| r.phase)
            } else {
                match context::phase_clue(sentence_before) {
                    Some(Phase::Expected) if year.is_some() && year == scope.report.meta.years.draft => Phase::Draft,
                    Some(phase)
                        if !(year.is_some()
                            && year == scope.report.meta.years.draft
                            && year != scope.report.meta.years.execution) =>
                    {
                        phase
                    }
                    _ => scope.default_phase(year, &p.section),
                }
            };
            let year = year.map(|y| y - year_shift);
            out.push(Reading {
                // (为预算36.80亿元的104.5%: the budget a rate compares with, like a base)
                compared: base.is_some() || (own_phase.is_some() && text[m.end..].starts_with('的')),
                m,
                metric,
                base_metric: base_metric.clone(),
                topic: fact_topic,
                phase,
                relation,
                year,
                parent,
                sentence: (s_start, s_end),
            });
        }
        if let Some(last) = out[first_in_sentence..]
            .iter()
            .rev()
            .find(|r| r.m.kind == ValueKind::Money)
        {
            previous_sentence_metric = Some((last.base_metric.clone(), last.topic.clone()));
        }
        // The total a next sentence opening with 其中 breaks down: the last amount
        // stated, not a rate's base (调整预算数290455万元的105.3%).
        previous_sentence_total = out[first_in_sentence..]
            .iter()
            .rposition(|r| {
                r.m.kind == ValueKind::Money && r.parent.is_none() && !r.compared && !text[r.m.end..].starts_with('的')
            })
            .map(|i| i + first_in_sentence);
        previous_sentence_level = out[first_in_sentence..]
            .iter()
            .rposition(|r| {
                r.m.kind == ValueKind::Money
                    && r.parent.is_none()
                    && !r.compared
                    && r.relation.is_empty()
                    && !text[r.m.end..].starts_with('的')
            })
            .map(|i| i + first_in_sentence);
        let opens_with_bullet = heading_level(sentence).is_some_and(|(level, _)| level == BULLET_LEVEL);
        if !opens_with_bullet && previous_sentence_total.is_some() {
            bullet_total = previous_sentence_total;
        }
        // 没有支出, 镇级没有政府债务: a zero the text states in words.
        let mut zeros: Vec<(usize, usize, String, String)> = Vec::new();
        for z in absent_re().captures_iter(sentence) {
            let (Some(whole), Some(what)) = (z.get(0), z.name("what")) else {
                continue;
            };
            // (The phrase ends where its noun does: 未发生政府债务逾期和违约 is no zero
            // of 政府债务; the character after it is only looked at.)
            let end = z.name("after").map_or(whole.end(), |a| a.start());
            let all = whole.start()..end;
            // 没有政府性基金收入: the phrase runs on to its flow.
            let what = format!("{}{}", what.as_str(), z.name("flow").map_or("", |f| f.as_str()));
            let what = what.as_str();
            let verb = z
                .name("word")
                .map(|w| w.as_str())
                .filter(|w| crate::lexicon::zero_words().absent_verb.contains(w))
                .map(|w| w.trim_start_matches("没有").trim_start_matches('未'))
                .unwrap_or("");
            let flow_topic = if topic.is_empty() {
                section_topic.to_string()
            } else {
                topic.clone()
            };
            // 因公出国（境）费实际未发生支出: a bare flow is that of the item named before it.
            let named_before = context::residue(&without_zero_status(
                &sentence[clause_start(sentence, all.start)..all.start],
            ))
            .trim_end_matches("实际")
            .to_string();
            // 资源税、烟叶税本期未发生收入: one zero per item named.
            let list_start = sentence[..all.start]
                .rfind(['，', ',', '；', ';', '：', ':'])
                .map_or(0, |i| i + sentence[i..].chars().next().map_or(1, char::len_utf8));
            let list = without_zero_status(&sentence[list_start..all.start]);
            let items_before: Vec<String> = ZERO_PERIOD_WORDS
                .iter()
                .fold(list.trim(), |s, w| s.strip_suffix(w).unwrap_or(s))
                .split(['、', '和', '及'])
                .map(|item| scrub(&context::residue(item), &scope.region_keys))
                .collect();
            let named_items = matches!(what, "收入" | "支出")
                && context::topic_in(&named_before).is_none()
                && items_before
                    .iter()
                    .all(|item| item.ends_with(['费', '金', '款', '税']) && !context::is_empty(item));
            if named_items {
                for item in items_before {
                    zeros.push((all.start, all.end, item, flow_topic.clone()));
                }
                continue;
            }
            let metric = match what {
                "收入" | "支出" => context::compose(&flow_topic, what),
                // 没有政府债务: no debt outstanding.
                _ if what.ends_with("债务") && verb.is_empty() => {
                    format!("{}余额", scrub(&context::residue(what), &scope.region_keys))
                }
                _ => format!("{verb}{}", scrub(&context::residue(what), &scope.region_keys)),
            };
            // 无国有资本经营预算收支: neither revenue nor spending.
            match metric.strip_suffix("收支") {
                Some(stem) if !stem.is_empty() => {
                    for flow in ["收入", "支出"] {
                        zeros.push((all.start, all.end, format!("{stem}{flow}"), flow_topic.clone()));
                    }
                }
                _ => zeros.push((all.start, all.end, metric, flow_topic)),
            }
        }
        // 国有资本经营预算收入、支出均为零: one zero per item, a bare flow of the first's budget.
        let each_zero =
            holds_any(sentence, &crate::lexicon::zero_words().each).then(|| each_zero_re().captures_iter(sentence));
        for z in each_zero.into_iter().flatten() {
            let (Some(all), Some(items)) = (z.get(0), z.name("items")) else {
                continue;
            };
            let mut first_topic = topic.clone();
            for (i, item) in items.as_str().split(['、', '和', '及', '与']).enumerate() {
                let name = scrub(&context::residue(item), &scope.region_keys);
                let metric = if matches!(name.as_str(), "收入" | "支出") {
                    context::compose(&first_topic, &name)
                } else {
                    name
                };
                if i == 0 {
                    if let Some(t) = context::topic_in(&metric) {
                        first_topic = t.to_string();
                    }
                }
                zeros.push((all.start(), all.end(), metric, first_topic.clone()));
            }
        }
        // 国有资本经营预算收支均不作调整: each budget named was changed by zero.
        let mut unchanged: Vec<(usize, usize, String, String)> = Vec::new();
        let unchanged_zero = holds_any(sentence, &crate::lexicon::zero_words().unchanged)
            .then(|| unchanged_re().captures_iter(sentence));
        for z in unchanged_zero.into_iter().flatten() {
            let (Some(all), Some(items)) = (z.get(0), z.name("items")) else {
                continue;
            };
            for item in items.as_str().split(['、', '和', '及', '与']) {
                let name = scrub(&context::residue(item), &scope.region_keys);
                if let Some(budget) = context::topic_in(&name) {
                    unchanged.push((all.start(), all.end(), name, budget.to_string()));
                }
            }
        }
        // A zero stated in words: the report's money unit, at the words that state it.
        let zero_reading =
            |(start, end): (usize, usize), metric: String, topic: String, phase: Option<Phase>, relation: &str| {
                let year = scope.year_at(&sentence[..start], &p.section);
                Reading {
                    compared: false,
                    m: Mention {
                        start: s_start + start,
                        end: s_start + end,
                        value: Decimal::ZERO,
                        written: "0".to_string(),
                        unit: scope.money_unit.to_string(),
                        kind: ValueKind::Money,
                        approx: false,
                    },
                    base_metric: metric.clone(),
                    metric,
                    topic,
                    phase: phase.unwrap_or_else(|| scope.default_phase(year, &p.section)),
                    relation: relation.to_string(),
                    year,
                    parent: None,
                    sentence: (s_start, s_end),
                }
            };
        for (start, end, metric, budget) in unchanged {
            out.push(zero_reading(
                (start, end),
                metric,
                budget,
                Some(Phase::Adjusted),
                "调整",
            ));
        }
        for (start, end, metric, zero_topic) in zeros {
            if !context::is_empty(&metric) {
                // 年初未安排…: the phase its own clause names, before the report's default.
                let phase = context::phase_clue(&sentence[clause_start(sentence, start)..start]);
                out.push(zero_reading((start, end), metric, zero_topic, phase, ""));
            }
        }
    }
    reparent_by_sum(&mut out);
    mark_changed_parts(&mut out);
    out
}

/// The amount in yuan, for comparing amounts written in different units.
fn in_yuan(r: &Reading) -> Option<Decimal> {
    unit::yuan_factor(&r.m.unit).map(|f| r.m.value * f)
}

/// Parts that add up to another amount of their total's sentence belong to that
/// one: 调增36000万元，其中新增一般债券8600万元、再融资一般债券27400万元 breaks
/// down the change, not the adjusted budget stated before it.
fn reparent_by_sum(out: &mut [Reading]) {
    let parents: std::collections::BTreeSet<usize> = out.iter().filter_map(|r| r.parent).collect();
    for p in parents {
        let children: Vec<usize> = (0..out.len())
            .filter(|&i| out[i].parent == Some(p) && out[i].m.kind == ValueKind::Money)
            .collect();
        if children.len() < 2 {
            continue;
        }
        let Some(sum) = children.iter().map(|&i| in_yuan(&out[i])).sum::<Option<Decimal>>() else {
            continue;
        };
        if in_yuan(&out[p]) == Some(sum) {
            continue;
        }
        let sentence = out[p].sentence;
        let total = (0..out.len()).find(|&j| {
            j != p
                && out[j].sentence == sentence
                && out[j].m.kind == ValueKind::Money
                && out[j].parent.is_none()
                && in_yuan(&out[j]) == Some(sum)
        });
        if let Some(total) = total {
            for &i in &children {
                out[i].parent = Some(total);
            }
        }
    }
}

/// A part of a change whose level the paragraph also states is itself a change:
/// 安排290000万元(其中:旗本级257800万元)，比人代会预算数增加60000万元(其中:旗本级58800万元).
fn mark_changed_parts(out: &mut [Reading]) {
    for i in 0..out.len() {
        let Some(p) = out[i].parent else { continue };
        if !out[i].relation.is_empty() || out[p].relation.is_empty() || out[i].m.kind != ValueKind::Money {
            continue;
        }
        let level_stated = out
            .iter()
            .enumerate()
            .any(|(j, r)| j != i && r.relation.is_empty() && r.metric == out[i].metric && r.m.value != out[i].m.value);
        if level_stated {
            out[i].relation = out[p].relation.clone();
        }
    }
}

/// Drops change words left in a metric phrase (`税收收入增长` → `税收收入`).
fn strip_relation_words(metric: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?:同比|比|较)?(?:\d{4}年(?:末|底)?|上年同期|上年末|上年底|上年|去年|年初|人代会预算数|人代会|同期)(?:预算)?数?|(?:按|同|可比|自然)+口径|(?:扣除|剔除|除去|去除)[^，,；;]{0,14}?(?:因素|影响)(?:以后|之后|后)?|(?:增值税)?留抵退税(?:因素|影响)?(?:以后|之后|后)|同比|净增加|净增长|净减少|净增|净减|负增长|增长率|增长幅度|增幅|增速|降幅|下降幅度|减幅|增长|增加|下降|减少|增收|减收|增支|减支|调增|调减|提高|上升|降低|回落",
        )
        .expect("valid regex")
    });
    let s = re.replace_all(metric, "");
    // 可比增长, 自然增长: the way of counting the change, no part of the name.
    let s = s.strip_suffix("可比").or_else(|| s.strip_suffix("自然")).unwrap_or(&s);
    s.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// The stem of `before` (工伤保险基金 of 工伤保险基金收入) when `own` is the other flow
/// alone (支出) or its balance (年末滚存结余), named right after a list mark
/// (`、支出`, `；年末滚存结余`).
fn other_flow_stem(before: &str, own: &str, gap: &str) -> Option<String> {
    let stem = before.strip_suffix("收入").or_else(|| before.strip_suffix("支出"))?;
    // (上年结余 is a source of the year's money listed beside the others, no balance of them.)
    let balance = own.ends_with("结余") && !own.contains("上年") && own.chars().count() <= 6;
    if stem.is_empty() || !(own == "收入" || own == "支出" || balance) || before.ends_with(own) {
        return None;
    }
    let last = gap.rsplit(['、', '，', ',', '；', ';']).next().unwrap_or(gap);
    (last == own).then(|| stem.to_string())
}

/// What a count counts, when it follows the count (`65家企业获得信贷支持`).
fn counted(after: &str) -> String {
    let end = after.find(CLAUSE_BREAKS).unwrap_or(after.len());
    // 5.4万人以上: an approximation word is no part of what is counted.
    let phrase = after[..end].trim_start_matches("以上").trim_start_matches("左右");
    let phrase = &phrase[..phrase.find(|c: char| c.is_ascii_digit()).unwrap_or(phrase.len())];
    // 46个部门预算和8个项目: the joining word before the next count is no part of it.
    let phrase = phrase.trim_end_matches(['和', '及', '与', '、', '，', ',']);
    // 8个重大投资项目的资金安排进行了重点审查: a long phrase counts its head noun.
    let phrase = match phrase.find('的') {
        Some(i) if phrase.chars().count() > 16 => &phrase[..i],
        _ => phrase,
    };
    if phrase.chars().count() > 16 {
        return String::new();
    }
    phrase.to_string()
}

/// The purpose after a quantity: `…万元，用于邙山渠综合治理项目` → 邙山渠综合治理项目.
fn purpose(after: &str) -> Option<String> {
    let rest = after.trim_start_matches(['，', ',']);
    let rest = rest.strip_prefix("用于")?;
    // Up to the clause's end, or a number run into it (用于安排支出8275万元债务还本…).
    // (A thousands separator, 7,000萬元, ends no clause.)
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '，' | ',' | '；' | ';' | '。')
                && !(c == ','
                    && rest[..i].ends_with(|d: char| d.is_ascii_digit())
                    && rest[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map_or(rest.len(), |(i, _)| i);
    let own_amount = mention::find(&rest[..end])
        .into_iter()
        .find(|m| m.kind == ValueKind::Money);
    // 用于A项目32000万元、B工程26000万元 (…和B项目12000万元): a list of items with amounts of their own.
    if own_amount.as_ref().is_some_and(|m| {
        ["、", "和", "及", "与", "以及"]
            .iter()
            .any(|w| rest[m.end..].starts_with(w))
    }) {
        return None;
    }
    let end = own_amount.map_or(end, |m| m.start);
    let p = rest[..end].trim();
    (!p.is_empty()).then(|| p.to_string())
}

/// False when `part` cannot be a breakdown of `total` although it follows it:
/// a grand total (收入总计 after 收入), a carry-over (上年结余, 年末滚存结余) after
/// a flow that does not hold it, or expenditure after revenue (and back).
fn is_part_of(part: &str, total: &str) -> bool {
    let grand = |m: &str| m.contains("总计") || m.contains("合计");
    let carry_over = ["上年结余", "上年结转", "滚存结余", "年末结余", "结转下年"]
        .iter()
        .any(|w| part.contains(w));
    let flow = |m: &str, w: &str| m.contains(w) && !m.contains(if w == "收入" { "支出" } else { "收入" });
    !(part.contains("总计")
        || (carry_over && !grand(total))
        || (flow(part, "支出") && flow(total, "收入"))
        || (flow(part, "收入") && flow(total, "支出")))
}

/// The total a quantity breaks down: one right before the parenthesis that
/// holds it, or the last one before 其中 in the sentence (a new bullet ends the breakdown).
fn parent_of(
    text: &str,
    m: &Mention,
    earlier: &[Reading],
    offset: usize,
    breakdown_at: Option<usize>,
    change: bool,
) -> Option<usize> {
    if m.kind != ValueKind::Money && m.kind != ValueKind::Count {
        return None;
    }
    // Inside parentheses opened right after an earlier quantity.
    let open = text[..m.start].rfind(['（', '(']);
    let close = text[..m.start].rfind(['）', ')']);
    if let Some(open) = open.filter(|o| close.is_none_or(|c| c < *o)) {
        if let Some((i, _)) = earlier
            .iter()
            .enumerate()
            .rev()
            .find(|(_, r)| r.m.end == open && r.m.kind == m.kind)
        {
            return Some(i + offset);
        }
    }
    let at = breakdown_at?;
    if m.start <= at {
        return None;
    }
    let between = &text[at..m.start];
    // A new bullet (二是…) or section ends the breakdown; numbered items (2.…) continue it.
    let new_bullet = between
        .split(['；', ';'])
        .skip(1)
        .any(|part| heading_level(part).is_some_and(|(level, _)| level == BULLET_LEVEL || level <= 2));
    if new_bullet {
        return None;
    }
    earlier
        .iter()
        .enumerate()
        .rev()
        // Not a comparison's base (比2023年预计执行数30286万元增长5%。其中：…), nor a
        // change for a level when one was stated (余额X万元，比上年末增加Y万元。其中：…).
        // Nor a bound (控制在限额1236亿元以内，其中市本级债务余额…).
        .filter(|(_, r)| {
            let after = &text[r.m.end..];
            r.m.end <= at
                && r.m.kind == m.kind
                && !r.compared
                && !after.starts_with('的')
                && !["以内", "之内", "内"].iter().any(|w| after.starts_with(w))
        })
        .max_by_key(|(i, r)| (r.relation.is_empty() != change, *i))
        .map(|(i, _)| i + offset)
}

/// The money unit most used in a report (for zeros stated in words).
fn dominant_money_unit(found: &[Vec<Mention>]) -> &'static str {
    let mut counts = [0usize; 3];
    for mentions in found {
        for m in mentions {
            match m.unit.as_str() {
                "万元" => counts[0] += 1,
                "亿元" => counts[1] += 1,
                "元" => counts[2] += 1,
                _ => {}
            }
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    if most == 0 || counts[0] == most {
        "万元"
    } else if counts[1] == most {
        "亿元"
    } else {
        "元"
    }
}

/// Extracts every numeric fact of a report.
pub fn extract_facts(report: &Report) -> Vec<Fact> {
    // Every paragraph's quantities, found once (for the unit and for reading).
    let found: Vec<Vec<Mention>> = report.paragraphs.iter().map(|p| mention::find(&p.text)).collect();
    let scope = Scope {
        report,
        money_unit: dominant_money_unit(&found),
        region_keys: crate::region::keys(&report.meta.region),
    };
    let mut facts: Vec<Fact> = Vec::new();
    // A heading's words are read with the paragraphs under it (their section path).
    for (p, found) in report.paragraphs.iter().zip(&found).filter(|(p, _)| !p.heading) {
        let readings = if p.table {
            table::read(scope.money_unit, report, p)
        } else {
            // A table run into one line of prose (PDF copies): its rows by column,
            // and the prose reading of everything outside it.
            let (inline, covered) = table::read_inline(scope.money_unit, p);
            let mut readings = if found.is_empty() && !may_state_zero(&p.text) {
                Vec::new()
            } else {
                read_paragraph(&scope, p, found)
            };
            if let Some((start, end)) = covered {
                readings.retain(|r| r.m.end <= start || r.m.start >= end);
                readings.extend(inline);
                readings.sort_by_key(|r| r.m.start);
            }
            readings
        };
        let offset = facts.len();
        for r in readings {
            let yuan = if r.m.kind == ValueKind::Money {
                unit::yuan_factor(&r.m.unit).map(|f| r.m.value * f)
            } else {
                None
            };
            facts.push(Fact {
                report: report.meta.id.clone(),
                paragraph: p.position,
                value: r.m.value,
                written: r.m.written.clone(),
                unit: r.m.unit.clone(),
                kind: r.m.kind,
                yuan,
                approx: r.m.approx,
                metric: r.metric,
                topic: r.topic,
                phase: r.phase,
                relation: r.relation,
                year: r.year,
                region: report.meta.region.clone(),
                span: (r.m.start, r.m.end),
                sentence: p.text[r.sentence.0..r.sentence.1].to_string(),
                parent: r.parent.map(|i| i + offset),
                suspect: None,
                index: facts.len(),
            });
        }
        flag_suspect_units(&mut facts[offset..]);
        widen_totals(&mut facts, offset);
    }
    facts
}

/// 财政收入 usually means the general budget's revenue, but a 财政收入 that lists
/// 一般公共预算收入 among its parts (全县财政收入38.62亿元…其中，一般公共预算收入21.47亿元)
/// is the wider 财政总收入 (with the taxes passed up to higher levels).
fn widen_totals(facts: &mut [Fact], offset: usize) {
    let wider: Vec<usize> = facts[offset..]
        .iter()
        .filter_map(|f| {
            let total = &facts[f.parent?];
            let at = total
                .sentence
                .find(total.written.as_str())
                .unwrap_or(total.sentence.len());
            let written = &total.sentence[..at];
            (total.metric == f.metric && total.kind == ValueKind::Money && written.contains("财政收入"))
                .then_some(total.index)
        })
        .collect();
    for i in wider {
        facts[i].metric = "财政总收入".to_string();
    }
}

/// Marks money in 元 that stands among 万元/亿元 figures with a value too
/// large to be meant in yuan (巫溪: 一般公共预算收入88435元).
fn flag_suspect_units(facts: &mut [Fact]) {
    let large_units = facts.iter().filter(|f| f.unit == "万元" || f.unit == "亿元").count();
    if large_units < 2 {
        return;
    }
    for f in facts.iter_mut().filter(|f| f.unit == "元") {
        if f.value >= Decimal::from(1000) {
            f.suspect = Some("written in 元 among 万元/亿元 figures: probably 万元".to_string());
        } else if f.value < Decimal::from(100) && !f.value.is_zero() {
            // 新增债券1.81元: a 亿 or 万 lost on the way.
            f.suspect = Some("a few 元 among 万元/亿元 figures: the unit lost 万 or 亿".to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_report;
    use std::path::Path;

    fn facts(text: &str) -> Vec<Fact> {
        let report = parse_report(text, Path::new("t.txt")).unwrap();
        extract_facts(&report)
    }

    fn find<'a>(facts: &'a [Fact], written: &str) -> &'a Fact {
        facts
            .iter()
            .find(|f| f.written == written)
            .unwrap_or_else(|| panic!("no fact {written}"))
    }

    #[test]
    fn a_part_of_the_region_or_a_tax_named_alone_takes_its_figures_name() {
        let f = facts(
            "region: 甘肃省甲乙市\nkind: 预算报告\nyears: 2023/2024\n---\n一、收入\n全市一般公共预算收入完成38.46亿元，为预算的104.5%。分区域看，市本级完成27.84亿元，临港工业园区完成10.62亿元。\n             资源税、烟叶税本期未发生收入。受用地审批影响，耕地占用税未发生入库，收入为0。\n             全市一般公共预算支出完成120.5亿元，为预算118.2亿元的101.9%。\n",
        );
        // A budget named by its phase alone is the figure's budget; the rate after it is the figure's.
        assert_eq!(find(&f, "118.2").metric, "一般公共预算支出");
        assert_eq!(find(&f, "118.2").phase, Phase::Initial);
        assert_eq!(find(&f, "101.9").phase, find(&f, "120.5").phase);
        assert_eq!(find(&f, "27.84").metric, "市本级一般公共预算收入");
        assert_eq!(find(&f, "10.62").metric, "临港工业园区一般公共预算收入");
        let zeros: Vec<&str> = f
            .iter()
            .filter(|x| x.value.is_zero())
            .map(|x| x.metric.as_str())
            .collect();
        assert_eq!(zeros, ["资源税", "烟叶税", "耕地占用税"]);
    }

    #[test]
    fn a_breakdown_belongs_to_the_level_not_to_a_base_or_change() {
        let f = facts(
            "一、收入安排\n2024年全县一般公共预算收入预算31800万元，比2023年预计执行数30286万元增长5%。其中：税收收入17650万元，非税收入14150万元。\n\
             全县政府债务余额279615.48万元，比2022年末增加21306.50万元。其中：一般债务余额168204.36万元，专项债务余额111411.12万元。\n\
             债务转贷收入由21000万元调整为57000万元，调增36000万元，其中新增一般债券8600万元、再融资一般债券27400万元。\n\
             全旗收入安排290000万元(其中:旗本级257800万元,开发区32200万元)，比人代会预算数增加60000万元(其中:旗本级58800万元,开发区1200万元)。\n",
        );
        let index_of = |w: &str| Some(find(&f, w).index);
        assert_eq!(find(&f, "17650").parent, index_of("31800"));
        assert_eq!(find(&f, "17650").year, Some(2024));
        assert_eq!(find(&f, "168204.36").parent, index_of("279615.48"));
        // 比2022年末增加: a change of the year reported on, not of 2022.
        assert_eq!(find(&f, "21306.50").year, find(&f, "279615.48").year);
        // The parts add up to the change.
        assert_eq!(find(&f, "8600").parent, index_of("36000"));
        // A part of a change whose level is stated too is a change.
        assert_eq!(find(&f, "58800").relation, find(&f, "60000").relation);
        assert!(find(&f, "257800").relation.is_empty());
    }

    #[test]
    fn bare_verbs_and_counting_words_get_their_subject() {
        let f = facts(
            "一、预算调整情况\n一般公共预算收入由年初预算52000万元调整为48500万元，调减3500万元。\n\
             全区一般公共预算收入年初预算为62000万元，年中经区人大常委会批准调减为58000万元。\n\
             本级一般公共预算收入54045万元，可比增长4.8%，完成预算98%。\n\
             年初预算安排预备费3000万元，实际动用2150万元。\n",
        );
        assert_eq!(find(&f, "3500").metric, "一般公共预算收入");
        assert_eq!(find(&f, "58000").metric, "一般公共预算收入");
        assert_eq!(find(&f, "4.8").metric, "本级一般公共预算收入");
        let rate = find(&f, "98");
        assert_eq!(
            (rate.metric.as_str(), rate.relation.as_str()),
            ("本级一般公共预算收入", "完成率")
        );
        assert_eq!(find(&f, "2150").metric, "预备费动用");
    }

    #[test]
    fn how_a_rate_is_counted_is_no_part_of_its_metric() {
        assert_eq!(
            strip_relation_words("一般公共预算收入扣除增值税留抵退税因素后"),
            "一般公共预算收入"
        );
        assert_eq!(
            strip_relation_words("一般公共预算收入留抵退税因素后"),
            "一般公共预算收入"
        );
        assert_eq!(strip_relation_words("税收收入同口径"), "税收收入");
    }

    #[test]
    fn a_flow_named_alone_after_a_list_mark_is_the_same_funds() {
        assert_eq!(
            other_flow_stem("工伤保险基金收入", "支出", "、支出").as_deref(),
            Some("工伤保险基金")
        );
        assert_eq!(
            other_flow_stem(
                "城乡居民基本养老保险基金收入",
                "年末滚存结余",
                "，其中…；支出31650万元；年末滚存结余"
            )
            .as_deref(),
            Some("城乡居民基本养老保险基金")
        );
        // 上年结余 is a source listed beside the others; a flow after other words is no pair.
        assert_eq!(other_flow_stem("债务转贷收入", "上年结余", "、上年结余"), None);
        assert_eq!(other_flow_stem("工伤保险基金收入", "支出", "，主要是支出"), None);
    }

    #[test]
    fn approximation_words_are_not_what_is_counted() {
        assert_eq!(counted("以上。"), "");
        assert_eq!(counted("左右，"), "");
        assert_eq!(counted("家企业获得信贷支持。"), "家企业获得信贷支持");
    }

    #[test]
    fn totals_carry_overs_and_other_flows_are_not_parts() {
        assert!(!is_part_of("社会保险基金预算收入总计", "社会保险基金预算收入"));
        assert!(!is_part_of("上年结余", "社会保险基金预算收入"));
        assert!(!is_part_of("年末滚存结余", "社会保险基金预算支出"));
        assert!(!is_part_of("政府性基金预算支出", "政府性基金预算收入"));
        assert!(is_part_of("上年结转结余", "区本级一般公共预算收入合计"));
        assert!(is_part_of("一般债券利息", "政府债券支付利息"));
        assert!(is_part_of("税收收入", "一般公共预算收入"));
    }

    #[test]
    fn context_is_inherited_in_a_sentence() {
        let text = "years: 2023/2024\n---\n一、2023年预算执行情况\n1.一般公共预算\n2023年区十五届人大三次会议审议通过的全区一般公共预算收入为217300万元，经区十五届人大常委会第13次会议审议通过全区一般公共预算收入调整为174180万元，实际完成174559万元，为调整预算的100.2%，同比下降14.8%。年初支出预算为229070万元，年度预算执行中因上级新增转移支付补助、省转贷地方政府一般债券等安排支出，支出预算调整为198104万元，实际完成179426万元，为调整预算数的90.6%，同比减少24.5%。\n";
        let f = facts(text);
        let check = |w: &str, metric: &str, phase: Phase, relation: &str| {
            let x = find(&f, w);
            assert_eq!(
                (x.metric.as_str(), x.phase, x.relation.as_str(), x.year),
                (metric, phase, relation, Some(2023)),
                "{w}"
            );
        };
        check("217300", "一般公共预算收入", Phase::Initial, "");
        check("174180", "一般公共预算收入", Phase::Adjusted, "");
        check("174559", "一般公共预算收入", Phase::Actual, "");
        check("100.2", "一般公共预算收入", Phase::Actual, "完成率");
        check("14.8", "一般公共预算收入", Phase::Actual, "同比下降");
        check("229070", "一般公共预算支出", Phase::Initial, "");
        check("198104", "一般公共预算支出", Phase::Adjusted, "");
        check("179426", "一般公共预算支出", Phase::Actual, "");
        check("90.6", "一般公共预算支出", Phase::Actual, "完成率");
        check("24.5", "一般公共预算支出", Phase::Actual, "同比减少");
    }

    #[test]
    fn a_level_alone_names_the_item_of_another_level_before() {
        let f = facts("years: 2022/2023\n---\n分级次看，县级一般公共预算收入52630万元，镇级8655万元。\n");
        assert_eq!(find(&f, "52630").metric, "县级一般公共预算收入");
        assert_eq!(find(&f, "8655").metric, "镇级一般公共预算收入");
    }

    #[test]
    fn a_balance_alone_is_the_balance_of_the_fund_before() {
        let f = facts("years: 2023/2024\n---\n预算稳定调节基金年初余额18620万元，当年动用8000万元，补充15500万元，年末余额为26120万元。\n");
        assert_eq!(find(&f, "26120").metric, "预算稳定调节基金年末余额");
        assert_ne!(find(&f, "26120").phase, Phase::Initial);
        assert_eq!(find(&f, "8000").metric, "预算稳定调节基金动用");
    }

    #[test]
    fn two_counts_of_one_kind_share_the_words_between_them() {
        let f = facts("years: 2023/2024\n---\n同时，全市17家融资平台公司压减退出5家，新增隐性债务为零。\n");
        assert_eq!(find(&f, "17").metric, find(&f, "5").metric);
    }

    #[test]
    fn a_note_takes_no_year_from_the_heading_it_stands_under() {
        let f = facts("years: 2023/2024\n---\n三、2024年工作措施\n注2：政府性基金预算收入38560万元中，国有土地使用权出让收入31240万元，比上年减少5870万元。\n");
        assert_eq!(find(&f, "31240").year, Some(2023));
        assert!(is_note("注：本报告数据为快报数"));
        assert!(!is_note("注重绩效管理"));
    }

    #[test]
    fn a_thousands_separator_breaks_no_clause() {
        let f = facts("years: 2023/2024\n---\n全县一般公共预算收入完成126,480万元，完成年初预算125,000万元的101.2%，完成调整预算的103.7%。\n");
        assert_eq!(find(&f, "101.2").relation, "完成率");
        assert_eq!(find(&f, "103.7").relation, "完成率");
    }

    #[test]
    fn breakdowns_become_children() {
        let f = facts("years: 2023/2024\n---\n2023年全区政府债券实际支付利息3824.35万元（一般债券利息2557.37万元；专项债券利息1266.98万元）。截至2023年底，政府债务余额13.02亿元，其中一般债务余额7.94亿元，专项债务余额5.08亿元。\n");
        let total = f.iter().position(|x| x.written == "3824.35").unwrap();
        assert_eq!(find(&f, "2557.37").parent, Some(total));
        assert_eq!(find(&f, "2557.37").metric, "一般债券利息");
        assert_eq!(find(&f, "1266.98").parent, Some(total));
        let balance = f.iter().position(|x| x.written == "13.02").unwrap();
        assert_eq!(find(&f, "7.94").parent, Some(balance));
        assert_eq!(find(&f, "5.08").metric, "专项债务余额");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Reading and extracting never panic, whatever the text.
        #[test]
        fn pipeline_never_panics(text in "([\\PC\n]|[一二三四（）、。，；：0-9.%万亿元其中用于同比增长下降是 \n]){0,300}") {
            if let Ok(report) = parse_report(&text, Path::new("fuzz.txt")) {
                let _ = extract_facts(&report);
            }
        }
    }

    #[test]
    fn zero_in_words_and_suspect_units() {
        let f = facts("years: 2023/2024\n---\n3.国有资本经营预算\n全区国有资本经营预算收入589万元，实际收入完成1182万元，年度内没有支出。\n");
        let zero = f.iter().find(|x| x.value.is_zero()).unwrap();
        assert_eq!(
            (zero.metric.as_str(), zero.unit.as_str()),
            ("国有资本经营预算支出", "万元")
        );
        // A growth target beside the growth achieved is the plan's.
        let f = facts(
            "years: 2021/-\n---\n2021年，全市一般公共预算收入5932.3亿元，增长8.1%，超过年初“增长3%”的预期目标。\n",
        );
        assert_eq!(find(&f, "8.1").phase, Phase::Actual);
        assert_eq!(find(&f, "3").phase, Phase::Initial);
        // Zeros stated as 为0 / 为零 / 没有X, and what they are not.
        let f = facts("years: 2023/-\n---\n（三）国有资本经营预算\n上半年区级国有资本经营预算收入尚未入库，为0；支出620万元。截至2023年底，镇级没有政府债务，无预算不支出。我县没有逾期未偿还的政府债务，外债转贷余额为零。\n");
        let zeros: Vec<&str> = f
            .iter()
            .filter(|x| x.value.is_zero())
            .map(|x| x.metric.as_str())
            .collect();
        assert!(zeros.iter().any(|m| m.ends_with("国有资本经营预算收入")), "{zeros:?}");
        assert!(zeros.contains(&"政府债务余额"), "{zeros:?}");
        assert!(zeros.contains(&"外债转贷余额"), "{zeros:?}");
        assert!(
            !zeros
                .iter()
                .any(|m| (m.contains("未偿还") && !m.contains("逾期")) || m.contains("不支出")),
            "{zeros:?}"
        );
        assert!(
            !f.iter().any(|x| x.value.is_zero() && x.metric.contains("支出")),
            "{zeros:?}"
        );
        let f = facts("years: 2022/2023\n---\n一般公共预算收入88435元，完成调整预算的99.2%，其中非税收入49406万元，上级补助405490万元。\n");
        assert!(find(&f, "88435").suspect.is_some());
        assert!(find(&f, "49406").suspect.is_none());
    }

    #[test]
    fn rates_by_their_nouns_counts_in_lists_and_changes_of_a_share() {
        let f = facts(
            "years: 2023/2024\n---\n一、收入\n其中，税收收入92470万元，增长率为9.1%，税收收入占一般公共预算收入的比重为58.3%，比上年增加1.2个百分点；非税收入66160万元，增幅3.7%。\n\
             全区政府债务余额987350万元，比上年末净增加135300万元。\n\
             财经委组织12名县人大代表和4名财经专家，对46个部门预算和8个重大投资项目的资金安排进行了重点审查。审计查出问题43个，已整改41个。\n\
             新增一般债券12,000万元，用于农村公路提质改造7,000万元、中小学校舍改造5,000万元。\n\
             全年未发生政府债务逾期和违约，当年收支结余2540万元，年末滚存结余37920万元。\n",
        );
        // 增长率为, 增幅: a growth rate of the figure before, named by its noun.
        assert_eq!(
            (find(&f, "9.1").metric.as_str(), find(&f, "9.1").relation.as_str()),
            ("税收收入", "增长")
        );
        assert_eq!(find(&f, "3.7").metric, "非税收入");
        // Points right after a share are the share's change.
        assert_eq!(find(&f, "1.2").metric, find(&f, "58.3").metric);
        assert_eq!(find(&f, "135300").metric, "政府债务余额");
        // Counts listed together each name their own noun.
        assert_eq!(find(&f, "46").metric, "部门预算");
        assert_eq!(find(&f, "8").metric, "重大投资项目");
        assert_eq!(find(&f, "41").metric, "审计查出问题已整改");
        // A thousands separator ends no purpose: the total names the list, not one use.
        assert_eq!(find(&f, "12,000").metric, "新增一般债券");
        assert_eq!(find(&f, "2540").metric, "当年收支结余");
        // 未发生政府债务逾期: no zero of the debt itself.
        assert!(!f.iter().any(|x| x.value.is_zero() && x.metric == "政府债务余额"));
    }
}
