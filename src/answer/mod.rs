//! Stage: answering. Input: a question and the stored facts. Output: an
//! [`Answer`] with the value, its citation and the candidates considered.
//!
//! Region and year named in the question are hard filters: a question about a
//! region or year the archive has no report for is answered "not found",
//! never from a neighbour. Facts that pass are ranked by [`rank`]; the best is
//! the answer only when it covers the question's content and no other value
//! scores as well. What the report states only in parts is computed from them,
//! operands cited: balances (收支差额 = 收入 − 支出), differences and sums, shares and
//! completion rates, the year before the report (from 比上年增加), the budget before
//! its adjustment, a part told under the whole asked (一般公共预算收入中的税收收入), and
//! the count of projects a report lists ([`listed`]).

pub mod glossary;
mod listed;
mod one_shot_regex;
pub mod question;
pub mod rank;

use std::collections::{HashMap, HashSet};

use rust_decimal::{Decimal, RoundingStrategy};

use crate::extract::context::canonical;
use crate::index::{FactSet, Store};
use crate::model::{Answer, AnswerValue, Candidate, Fact, Phase, ReportMeta, Source, ValueKind};
use crate::region::short_name;
use question::{Compute, Question, RegionIndex, Relation};

/// Least share of the question's content a metric must cover.
const MIN_COVERAGE: f32 = 0.55;
/// How far ahead of a different value the best must be.
const MARGIN: f32 = 0.03;

struct Ranked<'a> {
    fact: &'a Fact,
    score: rank::Score,
}

/// Facts of the question's region (all regions when it names none), of its
/// year and the next (a year before a report is computed from the next one).
fn region_facts(store: &Store, q: &Question) -> FactSet {
    let mut years: Vec<u16> = q.year.map(|y| vec![y, y + 1]).unwrap_or_default();
    // 2024年预算比2023年实际完成数多多少: each side's own year.
    if let (Compute::Difference(sides), false) = (&q.compute, years.is_empty()) {
        years.extend([sides.0.year, sides.1.year].into_iter().flatten());
    }
    store.facts_for(&q.regions, &years).unwrap_or_default()
}

fn rank_facts<'a>(
    store: &Store,
    q: &Question,
    facts: &[(&'a Fact, &'a ReportMeta)],
    year: Option<u16>,
    idf: &rank::Idf,
) -> Vec<Ranked<'a>> {
    // (收入中财政补贴收入: the 中 of a whole and its part joins no words)
    let q_bigrams = match question::container_split(&q.content) {
        Some((whole, part)) => rank::bigram_list(&format!("{whole} {part}")),
        None => rank::bigram_list(&q.content),
    };
    let mut paragraphs: HashMap<(&str, usize), HashSet<String>> = HashMap::new();
    let mut ranked: Vec<Ranked> = Vec::new();
    for (f, meta) in facts.iter().filter(|(f, _)| year.is_none() || f.year == year) {
        let context = paragraphs.entry((f.report.as_str(), f.paragraph)).or_insert_with(|| {
            // What the paragraph is about: its headings and its first sentence
            // (三是开展财政投资评审。…), not every word it holds.
            let context = store
                .paragraph(&f.report, f.paragraph)
                .map(|p| {
                    // A first sentence that states figures is about them, not a title.
                    let first = p.text.split('。').next().unwrap_or("");
                    let title = if crate::extract::mention::find(first).is_empty() {
                        first
                    } else {
                        ""
                    };
                    // …and a sentence stating no figure that a list opening with 其中
                    // continues (在新增债券资金使用方面，…。其中某项目34000万元).
                    let sentences: Vec<&str> = p.text.split('。').collect();
                    let lead_ins: Vec<&str> = sentences
                        .windows(2)
                        .filter(|w| {
                            w[1].trim_start().starts_with("其中") && crate::extract::mention::find(w[0]).is_empty()
                        })
                        .map(|w| w[0])
                        .collect();
                    format!(
                        "{} {title} {} {}",
                        p.section.join(" "),
                        lead_ins.join(" "),
                        lead_in(store, &f.report, f.paragraph)
                    )
                })
                .unwrap_or_default();
            rank::bigrams(&canonical(&context))
        });
        let parent = f.parent.and_then(|i| store.fact(&f.report, i)).map(|p| p.metric);
        if let Some(score) = rank::score(q, &q_bigrams, idf, f, context, parent.as_deref(), meta) {
            ranked.push(Ranked { fact: f, score });
        }
    }
    ranked.sort_by(|a, b| {
        b.score
            .total
            .total_cmp(&a.score.total)
            .then(b.fact.year.cmp(&a.fact.year))
    });
    ranked
}

/// The paragraph a list item belongs to (新增专项债券86000万元，支持项目6个：
/// before 1.…；2.…；): the nearest earlier paragraph ending with a colon, across
/// the list items between them.
fn lead_in(store: &Store, report: &str, paragraph: usize) -> String {
    let is_item = listed::is_list_item;
    let Some(own) = store.paragraph(report, paragraph) else {
        return String::new();
    };
    if !is_item(&own.text) {
        return String::new();
    }
    for i in (paragraph.saturating_sub(20)..paragraph).rev() {
        let Some(p) = store.paragraph(report, i) else { break };
        let text = p.text.trim_end();
        if text.ends_with(['：', ':']) {
            return text.to_string();
        }
        if !is_item(text) {
            break;
        }
    }
    String::new()
}

/// True when two facts state the same amount to the precision of the less
/// precise one (45.54亿元 and 455354万元).
fn same_value(a: &Fact, b: &Fact) -> bool {
    match (a.yuan, b.yuan) {
        (Some(x), Some(y)) => {
            let step = |f: &Fact| {
                let factor = crate::extract::unit::yuan_factor(&f.unit).unwrap_or(Decimal::ONE);
                factor / Decimal::from(10u64.pow(f.value.scale()))
            };
            let tolerance = step(a).max(step(b)) / Decimal::from(2);
            (x - y).abs() <= tolerance
        }
        _ => a.value == b.value && a.unit == b.unit,
    }
}

/// The best fact when it is clearly best.
/// The best fact when it is clearly best. A question without a year is about
/// the latest year reported on, so rivals of other years do not count.
fn pick<'a>(ranked: &'a [Ranked<'a>]) -> Option<&'a Ranked<'a>> {
    pick_with_margin(ranked, MARGIN)
}

/// An operand of a computation must stand out more than an answer: an error in it
/// is hidden in the result (债务利息支出13960 of the general budget against the
/// debt section's 债务付息22460).
const OPERAND_MARGIN: f32 = 0.1;

fn pick_with_margin<'a>(ranked: &'a [Ranked<'a>], margin: f32) -> Option<&'a Ranked<'a>> {
    let passing = ranked.iter().filter(|r| r.score.coverage >= MIN_COVERAGE);
    // The latest year reported on (a draft for the next year only when nothing else answers).
    let latest = passing
        .clone()
        .filter(|r| r.fact.phase != Phase::Draft)
        .filter_map(|r| r.fact.year)
        .max()
        .or_else(|| passing.clone().filter_map(|r| r.fact.year).max());
    let years: HashSet<Option<u16>> = passing.map(|r| r.fact.year).collect();
    let best = if years.len() > 1 {
        ranked
            .iter()
            .find(|r| r.score.coverage >= MIN_COVERAGE && r.fact.year == latest)?
    } else {
        ranked.first()?
    };
    if best.score.coverage < MIN_COVERAGE {
        return None;
    }
    let rival = ranked
        .iter()
        .filter(|r| r.fact.year == best.fact.year)
        .find(|r| !std::ptr::eq(*r, best) && !same_value(r.fact, best.fact));
    if std::env::var_os("BUDGETQ_DEBUG").is_some() {
        eprintln!(
            "gap {:.3} coverage {:.3} best {} {} rival {:?}",
            rival.map_or(9.0, |r| best.score.total - r.score.total),
            best.score.coverage,
            best.fact.metric,
            best.fact.value,
            rival.map(|r| (&r.fact.metric, r.fact.value))
        );
    }
    match rival {
        Some(r) if r.score.total + margin > best.score.total => None,
        _ => Some(best),
    }
}

fn plain(written: &str) -> String {
    written.replace(',', "")
}

fn source(store: &Store, fact: &Fact) -> Option<Source> {
    let meta = store.report_meta(&fact.report)?;
    let paragraph = store.paragraph(&fact.report, fact.paragraph)?;
    let offset = paragraph.text.find(&fact.sentence).unwrap_or(0);
    let highlight = (fact.span.0 >= offset && fact.span.1 <= offset + fact.sentence.len())
        .then(|| (fact.span.0 - offset, fact.span.1 - offset));
    Some(Source {
        report: fact.report.clone(),
        title: meta.title.clone(),
        section: paragraph.section.clone(),
        paragraph: fact.paragraph,
        text: paragraph.text.clone(),
        sentence: fact.sentence.clone(),
        highlight,
        highlight_chars: highlight.and_then(|(a, b)| {
            let chars = |i: usize| fact.sentence.get(..i).map(|s| s.chars().count());
            Some((chars(a)?, chars(b)?))
        }),
    })
}

fn describe(fact: &Fact) -> String {
    let year = fact.year.map(|y| format!("{y}年")).unwrap_or_default();
    let relation = if fact.relation.is_empty() {
        String::new()
    } else {
        format!("，{}", fact.relation)
    };
    format!(
        "{year}{}{}（{}{relation}）：{}{}",
        short_name(&fact.region),
        fact.metric,
        fact.phase.label(),
        plain(&fact.written),
        fact.unit
    )
}

/// The fact's value as the answer: a fall asked as a growth is negative.
fn signed(q: &Question, fact: &Fact) -> String {
    // (a figure written in Chinese numerals, 一点五个百分点, is given in digits)
    let value = if fact.written.chars().any(|c| c.is_ascii_digit()) {
        plain(&fact.written)
    } else {
        fact.value.to_string()
    };
    if rank::negated(q, fact) && !value.starts_with('-') && fact.value != Decimal::ZERO {
        format!("-{value}")
    } else {
        value
    }
}

fn value_of(fact: &Fact, value: String, text: String, computed: bool) -> AnswerValue {
    AnswerValue {
        value,
        unit: fact.unit.clone(),
        text,
        metric: fact.metric.clone(),
        phase: fact.phase.label().to_string(),
        year: fact.year,
        region: fact.region.clone(),
        report: fact.report.clone(),
        computed,
    }
}

fn candidates(ranked: &[Ranked]) -> Vec<Candidate> {
    ranked
        .iter()
        .take(5)
        .map(|r| Candidate {
            value: plain(&r.fact.written),
            unit: r.fact.unit.clone(),
            metric: r.fact.metric.clone(),
            phase: r.fact.phase.label().to_string(),
            year: r.fact.year,
            region: r.fact.region.clone(),
            report: r.fact.report.clone(),
            score: (r.score.total * 1000.0).round() / 1000.0,
            sentence: r.fact.sentence.clone(),
        })
        .collect()
}

fn not_found(q: &Question, reason: String, ranked: &[Ranked]) -> Answer {
    Answer {
        question: q.text.clone(),
        answer: None,
        candidates: candidates(ranked),
        sources: Vec::new(),
        reason: Some(reason),
    }
}

/// Converts `value` in `from` money units to `to` units.
fn convert(value: Decimal, from: &Fact, to: &Fact) -> Option<Decimal> {
    let f = crate::extract::unit::yuan_factor(&from.unit)?;
    let t = crate::extract::unit::yuan_factor(&to.unit)?;
    Some(value * f / t)
}

/// `q` asking for the amount `content` names, as an operand of a computation.
fn money_level(q: &Question, content: &str) -> Question {
    Question {
        content: content.to_string(),
        compute: Compute::None,
        relation: Relation::Level,
        want: Some(ValueKind::Money),
        ..q.clone()
    }
}

/// The best stated level (money, execution by default) for `content`, for computations.
fn level_fact(
    store: &Store,
    q: &Question,
    facts: &[(&Fact, &ReportMeta)],
    idf: &rank::Idf,
    content: &str,
) -> Option<Fact> {
    let mut sq = money_level(q, content);
    // A limit (限额) is set, not carried out: whatever phase it was stated in.
    if sq.phases.is_empty() && !content.contains("限额") {
        sq.phases = vec![Phase::Actual, Phase::Final, Phase::Expected];
    }
    let ranked = rank_facts(store, &sq, facts, q.year, idf);
    pick_with_margin(&ranked, OPERAND_MARGIN).map(|r| more_precise(facts, r.fact))
}

/// The same figure stated more precisely in the same report, if any (41.26亿元 in the
/// text, 412635万元 in its table): computations use every digit the report gives.
fn more_precise(facts: &[(&Fact, &ReportMeta)], fact: &Fact) -> Fact {
    let places = fact.value.scale();
    let finer = facts.iter().map(|(g, _)| *g).find(|g| {
        g.report == fact.report
            && g.year == fact.year
            && g.phase == fact.phase
            && g.kind == ValueKind::Money
            && g.relation.is_empty()
            && canonical(&g.metric) == canonical(&fact.metric)
            && convert(g.value, g, fact).is_some_and(|v| {
                v != fact.value
                    && v.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero) == fact.value
            })
    });
    finer.unwrap_or(fact).clone()
}

/// 收支差额: the best 收入 fact minus the best 支出 fact of the same budget and phase.
fn balance(store: &Store, q: &Question, facts: &[(&Fact, &ReportMeta)], idf: &rank::Idf) -> Option<Answer> {
    let base = question::BALANCE_WORDS
        .iter()
        .chain(&["收支", "结余", "相抵", "当年"])
        .fold(q.content.clone(), |c, w| c.replace(w, ""));
    let side = |flow: &str| level_fact(store, q, facts, idf, &format!("{base}{flow}"));
    let income = side("收入")?;
    let spending = side("支出")?;
    // A 缺口 (shortfall) is what spending exceeds revenue by; a 差额 or 结余 is revenue less spending.
    let shortfall = q.content.contains("缺口");
    let (from, less) = if shortfall {
        (&spending, &income)
    } else {
        (&income, &spending)
    };
    let value = from.value - convert(less.value, less, from)?;
    let text = format!(
        "{} = {}{} − {}{}（{}{} − {}）",
        value.normalize(),
        plain(&from.written),
        from.unit,
        plain(&less.written),
        less.unit,
        from.metric,
        from.phase.label(),
        less.metric
    );
    let mut v = value_of(from, value.normalize().to_string(), text, true);
    v.metric = format!("{base}{}", if shortfall { "收支缺口" } else { "收支差额" });
    Some(computed(store, q, v, [&income, &spending]))
}

/// 新增专项债用于老旧小区改造的一共多少: when the best fact is one part of a
/// breakdown and other parts of it fit the question's own words as well, the
/// answer is their sum, each part cited. The words the parts must share are
/// those of the question that the total's name does not hold.
fn sum_of_parts(store: &Store, q: &Question, best: &Fact, facts: &[(&Fact, &ReportMeta)]) -> Option<Answer> {
    if !crate::lexicon::asks_sum(&q.plain) || best.kind != ValueKind::Money {
        return None;
    }
    let total = store.fact(&best.report, best.parent?)?;
    let total_words = rank::bigrams(&canonical(&total.metric));
    let own: Vec<String> = rank::bigrams(&canonical(&q.content))
        .into_iter()
        .filter(|b| !total_words.contains(b))
        .collect();
    if own.len() < 2 {
        return None;
    }
    let fits = |f: &Fact| {
        let words = rank::bigrams(&canonical(&f.metric));
        own.iter().filter(|b| words.contains(*b)).count() * 5 >= own.len() * 3
    };
    let parts: Vec<&Fact> = facts
        .iter()
        .map(|(f, _)| *f)
        .filter(|f| f.report == best.report && f.parent == best.parent && f.kind == ValueKind::Money && fits(f))
        .collect();
    if parts.len() < 2 || !parts.iter().any(|f| f.index == best.index) {
        return None;
    }
    let (sum, terms) = added(parts.iter().copied(), best)?;
    let text = format!("{sum}{} = {terms}（{}）", best.unit, describe_short(&total));
    let mut v = value_of(best, sum.to_string(), text, true);
    v.metric = format!("{}中{}项之和", describe_short(&total), parts.len());
    Some(Answer {
        question: q.text.clone(),
        answer: Some(v),
        candidates: Vec::new(),
        sources: parts.iter().filter_map(|f| source(store, f)).collect(),
        reason: None,
    })
}

/// How two stated amounts are combined.
#[derive(Clone, Copy, PartialEq)]
enum Combine {
    /// A比B多多少: the gap, whichever is larger.
    Difference,
    /// A和B一共: the sum.
    Sum,
    /// A比B增长了百分之几: the rise from B to A, in percent of B.
    Growth,
    /// A比B下降了百分之几: the fall from B to A, in percent of B.
    Fall,
}

/// Two stated amounts combined (A比B多多少, A和B一共), each side found as a
/// level of its own phase and year; both are cited.
fn combine(
    store: &Store,
    q: &Question,
    (a, b): (&Question, &Question),
    how: Combine,
    facts: &[(&Fact, &ReportMeta)],
    idf: &rank::Idf,
) -> Option<Answer> {
    let side = |s: &Question| {
        let mut sq = s.clone();
        sq.regions = q.regions.clone();
        sq.year = s.year.or(q.year);
        sq.planned = q.planned;
        if how == Combine::Sum && s.phases.is_empty() {
            sq.phases = q.phases.clone();
        }
        // Both operands as named: a new-debt limit (新增政府债务限额) is not the limit.
        level_fact(store, &sq, facts, idf, &s.content)
            .filter(|f| crate::lexicon::unasked_qualifiers(&canonical(&f.metric), &s.content).is_empty())
    };
    let fa = side(a)?;
    let fb = side(b)?;
    if fa.report == fb.report && fa.index == fb.index {
        return None;
    }
    // Both operands are of one place unless the question names two.
    let region_of = |f: &Fact| {
        facts
            .iter()
            .find(|(g, _)| g.report == f.report)
            .map(|(_, m)| m.region.as_str())
    };
    if q.regions.len() < 2 && region_of(&fa) != region_of(&fb) {
        return None;
    }
    let other = convert(fb.value, &fb, &fa)?;
    // One figure stated twice (in the text and in a table) is no gap of zero.
    if how == Combine::Difference
        && other == fa.value
        && canonical(&fa.metric) == canonical(&fb.metric)
        && fa.phase == fb.phase
    {
        return None;
    }
    if matches!(how, Combine::Growth | Combine::Fall) {
        return growth(store, q, &fa, &fb, other, how == Combine::Fall);
    }
    let (value, sign, bar, name) = match how {
        Combine::Difference => ((fa.value - other).abs(), '−', "|", "差"),
        _ => (fa.value + other, '+', "", "和"),
    };
    let value = value.normalize();
    let text = format!(
        "{value}{} = {bar}{}{} {sign} {}{}{bar}（{} {sign} {}）",
        fa.unit,
        plain(&fa.written),
        fa.unit,
        plain(&fb.written),
        fb.unit,
        describe(&fa),
        describe(&fb),
    );
    let metric = format!("{}与{}之{name}", describe_short(&fa), describe_short(&fb));
    let mut v = value_of(&fa, value.to_string(), text, true);
    v.metric = metric;
    Some(computed(store, q, v, [&fa, &fb]))
}

/// The sum of `facts` in `unit_of`'s unit, and its terms as written (`30531万元 + 35939万元`).
fn added<'a>(facts: impl Iterator<Item = &'a Fact>, unit_of: &Fact) -> Option<(Decimal, String)> {
    let mut sum = Decimal::ZERO;
    let mut terms: Vec<String> = Vec::new();
    for f in facts {
        sum += convert(f.value, f, unit_of)?;
        terms.push(format!("{}{}", plain(&f.written), f.unit));
    }
    Some((sum.normalize(), terms.join(" + ")))
}

/// The sum of three or more items the question lists, each a stated figure of its own
/// (no item counted twice), in the first item's unit.
fn sum_of_items(
    store: &Store,
    q: &Question,
    items: &[Question],
    facts: &[(&Fact, &ReportMeta)],
    idf: &rank::Idf,
) -> Option<Answer> {
    let mut found: Vec<Fact> = Vec::new();
    for item in items {
        let mut sq = item.clone();
        sq.regions = q.regions.clone();
        sq.year = item.year.or(q.year);
        if item.phases.is_empty() {
            sq.phases = q.phases.clone();
        }
        let fact = level_fact(store, &sq, facts, idf, &item.content)
            .filter(|f| crate::lexicon::unasked_qualifiers(&canonical(&f.metric), &item.content).is_empty())?;
        if found.iter().any(|f| f.report == fact.report && f.index == fact.index) {
            return None;
        }
        found.push(fact);
    }
    let first = found.first()?;
    let (total, terms) = added(found.iter(), first)?;
    let named: Vec<String> = found.iter().map(describe).collect();
    let text = format!("{total}{} = {terms}（{}）", first.unit, named.join(" + "));
    let mut v = value_of(first, total.to_string(), text, true);
    v.metric = found.iter().map(describe_short).collect::<Vec<_>>().join("、") + "之和";
    Some(Answer {
        question: q.text.clone(),
        answer: Some(v),
        candidates: Vec::new(),
        sources: found.iter().filter_map(|f| source(store, f)).collect(),
        reason: None,
    })
}

/// The change from `base` (stated as `base_value` in `now`'s unit) to `now`, in percent of the base.
fn growth(store: &Store, q: &Question, now: &Fact, base: &Fact, base_value: Decimal, fall: bool) -> Option<Answer> {
    if base_value.is_zero() {
        return None;
    }
    let change = if fall {
        base_value - now.value
    } else {
        now.value - base_value
    };
    let (first, second) = if fall { (base, now) } else { (now, base) };
    let value = percent(change, base_value);
    let text = format!(
        "{value}% = ({}{} − {}{}) ÷ {}{}（{}，{}）",
        plain(&first.written),
        first.unit,
        plain(&second.written),
        second.unit,
        plain(&base.written),
        base.unit,
        describe(now),
        describe(base),
    );
    let metric = format!(
        "{}比{}{}",
        describe_short(now),
        describe_short(base),
        if fall { "下降" } else { "增长" }
    );
    Some(percent_answer(store, q, [now, base], value, text, metric))
}

/// `part` in percent of `whole`, two decimals.
fn percent(part: Decimal, whole: Decimal) -> Decimal {
    (part / whole * Decimal::from(100)).round_dp(2).normalize()
}

/// A computed rate in %, described by `operands[0]` and citing both operands.
fn percent_answer(
    store: &Store,
    q: &Question,
    operands: [&Fact; 2],
    value: Decimal,
    text: String,
    metric: String,
) -> Answer {
    let mut v = value_of(operands[0], value.to_string(), text, true);
    v.unit = "%".to_string();
    v.metric = metric;
    computed(store, q, v, operands)
}

/// A computed value with the two stated figures it was computed from, both cited.
fn computed(store: &Store, q: &Question, value: AnswerValue, operands: [&Fact; 2]) -> Answer {
    Answer {
        question: q.text.clone(),
        answer: Some(value),
        candidates: Vec::new(),
        sources: operands.into_iter().filter_map(|f| source(store, f)).collect(),
        reason: None,
    }
}

/// 一般公共预算收入（调整预算）.
fn describe_short(fact: &Fact) -> String {
    format!("{}（{}）", fact.metric, fact.phase.label())
}

/// The part and the whole a share question names: A占B → (A, B), B中A占… → (A, B).
/// The whole is `None` when the question names only a level (占全市的) or nothing,
/// so the part's own total is meant. Words that only say "all of it" are dropped.
fn share_sides(content: &str) -> Option<(String, Option<String>)> {
    let (part, whole) = content.split_once('占').unwrap_or((content, ""));
    // 三公经费中公务用车运行维护费 / 还本付息总额里利息: the whole named first.
    let (container, part) = question::container_split(part).map_or((None, part), |(c, p)| (Some(c), p));
    let whole = whole.trim_end_matches(['比', '例', '重', '的']);
    // 占全市的 names a level, not a whole of its own.
    let named = |w: &str| {
        let w = crate::lexicon::drop_total_words(w).replace('的', "");
        let w = w
            .trim_start_matches('全')
            .trim_end_matches(['区', '县', '市', '省', '旗', '镇', '乡']);
        (w.chars().count() >= 2).then(|| w.to_string())
    };
    let whole = named(whole).or_else(|| container.and_then(named));
    if part.is_empty() || (whole.is_none() && container.is_none() && !content.contains('占')) {
        return None;
    }
    Some((part.to_string(), whole))
}

/// A share the report does not state (A占B的比重, B中A占百分之几), from the two
/// amounts it does state. The whole is the part's own total when the report lists
/// the part under it (其中…) and the question names no other whole.
fn ratio(store: &Store, q: &Question, facts: &[(&Fact, &ReportMeta)], idf: &rank::Idf) -> Option<Answer> {
    let (part, whole) = share_sides(&q.content)?;
    // 市本级…占全市的比重: the whole is the same item for all the region.
    if whole.is_none() {
        if let Some((level, item)) = ["市本级", "县本级", "区本级", "旗本级", "州本级"]
            .iter()
            .find_map(|l| part.strip_prefix(l).map(|item| (l, item)))
        {
            let whole_q = Question {
                plain: format!("全{}{item}", level.chars().next().unwrap_or('市')),
                ..q.clone()
            };
            let a = level_fact(store, q, facts, idf, &part)?;
            let b = level_fact(store, &whole_q, facts, idf, &whole_q.plain).filter(|b| !same_value(b, &a))?;
            if a.year != b.year || a.report != b.report || convert(b.value, &b, &a)? < a.value {
                return None;
            }
            let metric = format!("{}占{}的比重", a.metric, b.metric);
            return percent_of(store, q, &a, &b, metric);
        }
    }
    // 税收收入占一般公共预算收入: the part listed under the whole named, when the part's
    // name alone fits several (财政总收入's 税收 and the general budget's).
    let a = match level_fact(store, q, facts, idf, &part) {
        Some(a) => a,
        None => {
            let b = level_fact(store, q, facts, idf, whole.as_deref()?)?;
            part_under(store, q, facts, idf, &part, &b)?
        }
    };
    let parent = a.parent.and_then(|p| store.fact(&a.report, p));
    let b = match whole {
        Some(whole) => {
            let named = level_fact(store, q, facts, idf, &whole).filter(|b| !same_value(b, &a));
            // 一般债券利息占全部债券利息: the total it is listed under, when that fits the words.
            let fits_parent = parent.filter(|p| {
                let words = rank::bigrams(&canonical(&p.metric));
                let asked = rank::bigrams(&canonical(&whole));
                !asked.is_empty() && asked.iter().filter(|b| words.contains(*b)).count() * 2 >= asked.len()
            });
            match (named, fits_parent) {
                (Some(n), Some(p)) if !same_value(&n, &p) => return None,
                (n, p) => p.or(n)?,
            }
        }
        None => parent?,
    };
    if a.year != b.year || convert(b.value, &b, &a)? < a.value {
        return None;
    }
    let metric = format!("{}占{}的比重", a.metric, b.metric);
    percent_of(store, q, &a, &b, metric)
}

/// The fact for `part` listed under the whole `b` (its 其中, its sentence, or the
/// paragraph right after it: 一般公共预算收入完成… / 税收收入完成169975万元…), when
/// the part's name alone fits several (财政总收入's 税收 and the general budget's).
fn part_under(
    store: &Store,
    q: &Question,
    facts: &[(&Fact, &ReportMeta)],
    idf: &rank::Idf,
    part: &str,
    b: &Fact,
) -> Option<Fact> {
    let ranked = rank_facts(store, &money_level(q, part), facts, q.year, idf);
    let level_of_b = |r: &&Ranked| {
        r.fact.report == b.report
            && r.fact.year == b.year
            && r.fact.relation.is_empty()
            && r.fact.kind == ValueKind::Money
            && r.score.coverage >= MIN_COVERAGE
            && !same_value(r.fact, b)
            // (a part of another total is that total's: 再融资债券21.31亿元(包含一般债券9.24亿元))
            // (…or listed beside it under one total, as a sentence's clauses may be)
            && (r.fact.parent.is_none() || r.fact.parent == b.parent || descends_from(store, r.fact, b))
    };
    let under: Vec<&Ranked> = ranked
        .iter()
        .filter(level_of_b)
        .filter(|r| {
            r.fact.parent == Some(b.index) || (r.fact.paragraph == b.paragraph && r.fact.sentence == b.sentence)
        })
        .collect();
    let after: Vec<&Ranked> = ranked
        .iter()
        .filter(level_of_b)
        .filter(|r| r.fact.paragraph == b.paragraph && r.fact.index > b.index)
        .collect();
    let next: Vec<&Ranked> = ranked
        .iter()
        .filter(level_of_b)
        .filter(|r| r.fact.paragraph == b.paragraph + 1)
        .collect();
    // (the one there the question names best, when no other fits as well)
    let clear = |rs: &[&Ranked<'_>]| match rs {
        [one] => Some(one.fact.clone()),
        [first, second, ..] if first.score.coverage > second.score.coverage => Some(first.fact.clone()),
        _ => None,
    };
    match (under.as_slice(), after.as_slice()) {
        ([], []) => clear(&next),
        ([], rs) | (rs, _) => clear(rs),
    }
}

/// True when `whole` is `fact`'s total, or its total's total (a few levels up).
fn descends_from(store: &Store, fact: &Fact, whole: &Fact) -> bool {
    let mut parent = fact.parent;
    for _ in 0..4 {
        match parent {
            Some(p) if p == whole.index => return true,
            Some(p) => parent = store.fact(&fact.report, p).and_then(|f| f.parent),
            None => return false,
        }
    }
    false
}

/// A stated figure as the answer, as precisely as the report states it (6915万元 in its
/// table for 0.69亿元 in the text), quoting where it stands and the total it is part of.
fn stated(store: &Store, q: &Question, best: &Fact, facts: &[(&Fact, &ReportMeta)], ranked: &[Ranked]) -> Answer {
    let precise = (best.relation.is_empty() && best.kind == ValueKind::Money).then(|| more_precise(facts, best));
    let fact = precise.as_ref().unwrap_or(best);
    let mut sources: Vec<Source> = source(store, fact).into_iter().collect();
    if fact.paragraph != best.paragraph {
        sources.extend(source(store, best));
    }
    if let Some(parent) = fact.parent.and_then(|p| store.fact(&fact.report, p)) {
        if parent.paragraph != fact.paragraph {
            sources.extend(source(store, &parent));
        }
    }
    Answer {
        question: q.text.clone(),
        answer: Some(value_of(fact, signed(q, fact), describe(fact), false)),
        candidates: candidates(ranked),
        sources,
        reason: None,
    }
}

/// `top` in percent of `bottom`, two decimals, both cited.
fn percent_of(store: &Store, q: &Question, top: &Fact, bottom: &Fact, metric: String) -> Option<Answer> {
    let base = convert(bottom.value, bottom, top)?;
    if base.is_zero() {
        return None;
    }
    let value = percent(top.value, base);
    let text = format!(
        "{value}% = {}{} ÷ {}{}（{}，{}）",
        plain(&top.written),
        top.unit,
        plain(&bottom.written),
        bottom.unit,
        describe(top),
        describe(bottom),
    );
    Some(percent_answer(store, q, [top, bottom], value, text, metric))
}

/// A completion rate the report does not state (完成调整预算的百分之几): the amount
/// done over the budget the question names (年初预算 or 调整预算), both cited.
fn completion(store: &Store, q: &Question, facts: &[(&Fact, &ReportMeta)], idf: &rank::Idf) -> Option<Answer> {
    let plan = [Phase::Adjusted, Phase::Initial]
        .into_iter()
        .find(|p| q.phases.contains(p))?;
    let at = |phases: Vec<Phase>| {
        let sq = Question {
            phases,
            relation: Relation::Level,
            want: Some(ValueKind::Money),
            compute: Compute::None,
            ..q.clone()
        };
        level_fact(store, &sq, facts, idf, &q.content).filter(|f| f.relation.is_empty())
    };
    let done = at(vec![Phase::Actual, Phase::Final])?;
    let budget = at(vec![plan]).filter(|b| b.phase == plan && b.year == done.year)?;
    let metric = format!("{}完成{}的比例", done.metric, plan.label());
    percent_of(store, q, &done, &budget, metric)
}

/// A change on last year in money (比上年末增加了多少) from the two years' stated
/// levels; never when the levels move the other way than the question says.
fn year_on_year(
    store: &Store,
    q: &Question,
    up: Option<bool>,
    facts: &[(&Fact, &ReportMeta)],
    idf: &rank::Idf,
) -> Option<Answer> {
    let year = q.year?;
    let at = |y: u16, facts: &[(&Fact, &ReportMeta)]| {
        let sq = Question {
            year: Some(y),
            relation: Relation::Level,
            compute: Compute::None,
            ..q.clone()
        };
        level_fact(store, &sq, facts, idf, &q.content).filter(|f| f.year == Some(y) && f.relation.is_empty())
    };
    let now = at(year, facts)?;
    // The facts fetched are of the year asked; last year's are fetched on their own.
    let last_year = Question {
        year: Some(year.checked_sub(1)?),
        ..q.clone()
    };
    let earlier = region_facts(store, &last_year);
    let before = at(year - 1, &earlier.pairs())?;
    let change = now.value - convert(before.value, &before, &now)?;
    let value = match up {
        Some(true) if change > Decimal::ZERO => change,
        Some(false) if change < Decimal::ZERO => -change,
        _ => return None,
    };
    let text = format!(
        "{}{} = {}{} − {}{}（{}年，{}年）",
        value.normalize(),
        now.unit,
        plain(&now.written),
        now.unit,
        plain(&before.written),
        before.unit,
        year,
        year - 1
    );
    let mut v = value_of(&now, value.normalize().to_string(), text, true);
    v.metric = format!(
        "{}比上年{}",
        now.metric,
        if up == Some(false) { "减少" } else { "增加" }
    );
    Some(computed(store, q, v, [&now, &before]))
}

/// Last year's level that the next year's report implies: 2023年收入X万元，比上年增加Y
///万元 gives 2022's X − Y. A rate (增长5%) gives X ÷ 1.05 only when the question asks
/// for an estimate (推算, 大约): the rounding of the rate makes it one.
/// The changes stated for `now` (or for the same figure stated again, as in a table):
/// after it in its sentence, before the next amount of its phase.
fn stated_changes<'a>(pairs: &[(&'a Fact, &ReportMeta)], now: &Fact) -> Vec<&'a Fact> {
    pairs
        .iter()
        .map(|(f, _)| *f)
        .filter(|level| {
            level.year == now.year && level.relation.is_empty() && level.value == now.value && level.unit == now.unit
        })
        .flat_map(|level| {
            let same_sentence: Vec<&Fact> = pairs
                .iter()
                .map(|(f, _)| *f)
                .filter(|f| f.report == level.report && f.paragraph == level.paragraph && f.sentence == level.sentence)
                .filter(|f| f.index > level.index)
                .collect();
            let next_level = same_sentence
                .iter()
                // (a budget it is compared with, 完成年初预算225630万元的122%, is no next figure)
                // (nor a part of it in parentheses, 其中:旗本级35900万元,下降8%)
                .filter(|f| {
                    f.kind == ValueKind::Money
                        && f.relation.is_empty()
                        && f.phase == level.phase
                        && f.metric == level.metric
                })
                .map(|f| f.index)
                .min()
                .unwrap_or(usize::MAX);
            // (a change named after another item of the sentence, stated in the same phase, is
            // that item's: 其中:一般公共预算收入290000万元,政府性基金收入45000万元),比人代会
            // 预算数增加35000万元 is not the fund's)
            let other_items: HashSet<&str> = pairs
                .iter()
                .map(|(f, _)| *f)
                .filter(|f| f.report == level.report && f.paragraph == level.paragraph && f.sentence == level.sentence)
                .filter(|f| f.relation.is_empty() && f.phase == level.phase && f.metric != level.metric)
                .map(|f| f.metric.as_str())
                .collect();
            same_sentence.into_iter().filter(move |f| {
                f.index < next_level
                    && !f.relation.is_empty()
                    && f.relation != "上年"
                    && !other_items.contains(f.metric.as_str())
            })
        })
        .collect()
}

/// The budget passed at the congress (人代会预算数, 年初预算) from the adjusted one and
/// its stated change on it (调整后290000万元，比人代会预算数增加60000万元 → 230000).
fn budget_before(store: &Store, q: &Question, pairs: &[(&Fact, &ReportMeta)], idf: &rank::Idf) -> Option<Answer> {
    if q.phases != [Phase::Initial] || q.relation != Relation::Level || !matches!(q.compute, Compute::None) {
        return None;
    }
    let adjusted = Question {
        phases: vec![Phase::Adjusted],
        ..q.clone()
    };
    let now = level_fact(store, &adjusted, pairs, idf, &q.content)
        .filter(|f| f.phase == Phase::Adjusted && f.relation.is_empty() && f.kind == ValueKind::Money)?;
    let change = stated_changes(pairs, &now).into_iter().find(|f| {
        f.kind == ValueKind::Money
            && ["人代会", "人大批准", "年初预算"]
                .iter()
                .any(|w| f.relation.contains(w))
    })?;
    let c_value = convert(change.value, change, &now)?;
    let fall = crate::extract::context::is_fall(&change.relation);
    let value = if fall { now.value + c_value } else { now.value - c_value };
    if value <= Decimal::ZERO {
        return None;
    }
    let text = format!(
        "{}{} = {}{} {} {}{}（{}调整预算，{}）",
        value.normalize(),
        now.unit,
        plain(&now.written),
        now.unit,
        if fall { "+" } else { "−" },
        plain(&change.written),
        change.unit,
        now.metric,
        change.relation,
    );
    let mut v = value_of(&now, value.normalize().to_string(), text, true);
    v.metric = format!("{}（年初预算，由调整预算推算）", now.metric);
    Some(computed(store, q, v, [&now, change]))
}

fn previous_year(store: &Store, q: &Question, pairs: &[(&Fact, &ReportMeta)], idf: &rank::Idf) -> Option<Answer> {
    let year = q.year?;
    let next = Question {
        year: Some(year.checked_add(1)?),
        relation: Relation::Level,
        compute: Compute::None,
        ..q.clone()
    };
    let now = level_fact(store, &next, pairs, idf, &q.content)
        .filter(|f| f.year == next.year && f.relation.is_empty() && f.kind == ValueKind::Money)?;
    // A whole year is never implied by a part of the next (1—6月…比去年同期增加).
    let part_of_year = rank::is_part_of_year(&now.sentence)
        || pairs
            .iter()
            .any(|(f, m)| f.report == now.report && rank::is_part_year_report(m));
    if part_of_year && q.period.is_none() {
        return None;
    }
    // The changes on last year stated for it: not a change against a budget (调增,
    // 比年初), a completion rate or a share.
    let changes: Vec<&Fact> = stated_changes(pairs, &now)
        .into_iter()
        .filter(|f| {
            // (比2021年实际完成数减少 is a change on last year; 完成率 is none)
            !["调", "完成率", "占", "预算", "年初", "人代会"]
                .iter()
                .any(|w| f.relation.contains(w))
        })
        .collect();
    let estimate = ["推算", "大约", "约", "大概", "估算", "按增幅", "按增速"]
        .iter()
        .any(|w| q.plain.contains(w));
    let money = changes.iter().find(|f| f.kind == ValueKind::Money);
    let rate = changes.iter().find(|f| f.kind == ValueKind::Percent);
    let (value, change): (Decimal, &Fact) = match (money, rate) {
        (Some(c), _) => {
            let c_value = convert(c.value, c, &now)?;
            let v = if crate::extract::context::is_fall(&c.relation) {
                now.value + c_value
            } else {
                now.value - c_value
            };
            (v, c)
        }
        (None, Some(r)) if estimate => {
            let signed = if crate::extract::context::is_fall(&r.relation) {
                -r.value
            } else {
                r.value
            };
            let factor = Decimal::ONE + signed / Decimal::ONE_HUNDRED;
            if factor <= Decimal::ZERO {
                return None;
            }
            ((now.value / factor).round_dp(2), r)
        }
        _ => return None,
    };
    if value <= Decimal::ZERO {
        return None;
    }
    let text = format!(
        "{}{} = {}{} {} {}{}（{}年{}，{}）",
        value.normalize(),
        now.unit,
        plain(&now.written),
        now.unit,
        if change.kind == ValueKind::Percent {
            if crate::extract::context::is_fall(&change.relation) {
                "÷ (1 −"
            } else {
                "÷ (1 +"
            }
        } else if crate::extract::context::is_fall(&change.relation) {
            "+"
        } else {
            "−"
        },
        plain(&change.written),
        if change.kind == ValueKind::Percent {
            "%)"
        } else {
            now.unit.as_str()
        },
        year + 1,
        now.metric,
        change.relation,
    );
    let mut v = value_of(&now, value.normalize().to_string(), text, true);
    v.metric = format!("{}（{}年，由{}年推算）", now.metric, year, year + 1);
    v.year = Some(year);
    Some(computed(store, q, v, [&now, change]))
}

/// What answering needs from the whole archive, built once per opened index:
/// the regions to recognise and the weights of metric bigrams.
pub struct Answerer {
    regions: RegionIndex,
    idf: rank::Idf,
}

impl Answerer {
    /// Reads the statistics `store` keeps (never the whole archive).
    pub fn new(store: &Store) -> Answerer {
        let stats = store.stats().unwrap_or_default();
        let finder = store.region_finder();
        let regions = RegionIndex::with_lookup(move |text| finder.candidates(text));
        let facts = stats.facts;
        let idf = rank::Idf::from_lookup(Box::new(stats), facts);
        Answerer { regions, idf }
    }

    /// Reads a question without answering it.
    pub fn understand(&self, raw: &str) -> Question {
        question::parse(raw, &self.regions)
    }

    /// Answers a question from the stored facts.
    pub fn ask(&self, store: &Store, raw: &str) -> Answer {
        let q = self.understand(raw);
        if std::env::var_os("BUDGETQ_DEBUG").is_some() {
            eprintln!("{q:?}");
        }
        answer_question(store, &q, &self.idf)
    }
}

fn answer_question(store: &Store, q: &Question, idf: &rank::Idf) -> Answer {
    let q = q.clone();
    if let Some(place) = &q.unknown_region {
        return not_found(&q, format!("the archive holds no report for {place}"), &[]);
    }
    if let Some(word) = &q.untranslated {
        return not_found(
            &q,
            format!("budgetq does not know the English word \"{word}\"; ask in Chinese"),
            &[],
        );
    }
    let fact_set = region_facts(store, &q);
    let facts = fact_set.pairs();
    if let Some(year) = q.year {
        let covered = store.covers(&q.regions, year)
            // A debt report of 2023 also states 2022年末 balances.
            || facts.iter().any(|(f, _)| f.year == Some(year));
        if !covered {
            if let Some(answer) = previous_year(store, &q, &facts, idf) {
                return answer;
            }
            let place = q
                .regions
                .first()
                .map(|r| short_name(r))
                .unwrap_or_else(|| "any region".to_string());
            return not_found(
                &q,
                format!("the archive holds no report of {place} covering {year}"),
                &[],
            );
        }
    }
    if matches!(q.compute, Compute::Balance) {
        if let Some(answer) = balance(store, &q, &facts, idf) {
            return answer;
        }
    }
    let mut q = q;
    if let Compute::Difference(sides) = &q.compute {
        if let Some(answer) = combine(store, &q, (&sides.0, &sides.1), Combine::Difference, &facts, idf) {
            return answer;
        }
    }
    if let Compute::SumOf(items) = &q.compute {
        if let Some(answer) = sum_of_items(store, &q, items, &facts, idf) {
            return answer;
        }
    }
    if let Compute::Sum(sides) = &q.compute {
        if let Some(answer) = combine(store, &q, (&sides.0, &sides.1), Combine::Sum, &facts, idf) {
            return answer;
        }
    }
    // (占 joins a part and its whole; 全部, 总额 only say "all of it": no word either way.)
    let named = crate::lexicon::drop_total_words(&q.content).replace('占', " ");
    if let Some(term) = idf.unknown_term(&named) {
        return not_found(&q, format!("no report in the archive mentions {term}"), &[]);
    }
    let mut ranked = rank_facts(store, &q, &facts, q.year, idf);
    // A gap asked for (A比B节约了多少) that could not be computed is answered only by a
    // change the report states, never by a level.
    if matches!(q.compute, Compute::Difference(_)) {
        ranked.retain(|r| !r.fact.relation.is_empty() && r.fact.relation != "上年");
    }
    // A sum that could not be added up (A和B一共) is answered only by a stated total,
    // never by one of its sides (新增专项债券 for 新增一般债券和专项债券一共).
    if let Compute::Sum(sides) = &q.compute {
        let (a, b) = (rank::bigrams(&sides.0.content), rank::bigrams(&sides.1.content));
        let covered = |side: &HashSet<String>, metric: &HashSet<String>| {
            side.iter().filter(|w| metric.contains(*w)).count() as f32 / side.len().max(1) as f32
        };
        ranked.retain(|r| {
            let metric = rank::bigrams(&canonical(&r.fact.metric));
            let names_a = a.iter().any(|w| !b.contains(w) && metric.contains(w));
            let names_b = b.iter().any(|w| !a.contains(w) && metric.contains(w));
            // (自治区下达的新增债券和再融资债券: 下达再融资债券 is all of one side.)
            names_a == names_b && (covered(&a, &metric) - covered(&b, &metric)).abs() < 0.5
        });
    }
    // 比上年减少了多少: an amount if the report states one, else the rate it states.
    if let Relation::Change { up, money: true } = q.relation {
        // 余额比上年末增加了多少 that the report states only as the two levels.
        if pick(&ranked).is_none() {
            if let Some(answer) = year_on_year(store, &q, up, &facts, idf) {
                return answer;
            }
        }
        // …but never a rate for 多少亿元.
        // (nor for a gap between two stated figures: 实际完成比调整预算多了多少.)
        if pick(&ranked).is_none()
            && !matches!(q.compute, Compute::Difference(_))
            && !q.plain.contains('元')
            && crate::lexicon::wanted_kind(&q.plain) != Some(ValueKind::Money)
        {
            q.relation = Relation::Change { up, money: false };
            q.want = Some(ValueKind::Percent);
            ranked = rank_facts(store, &q, &facts, q.year, idf);
        }
    }
    if q.relation == Relation::Share && pick(&ranked).is_none() {
        if let Some(answer) = ratio(store, &q, &facts, idf) {
            return answer;
        }
    }
    let picked = pick(&ranked);
    if let Some(sum) = picked.and_then(|best| sum_of_parts(store, &q, best.fact, &facts)) {
        return sum;
    }
    // 调增了多少 that the report states only as the budget before and after.
    // (决算数较调整预算数增减额: no adjustment when a phase after it is named.)
    let budgets_only = !q
        .phases
        .iter()
        .any(|p| matches!(p, Phase::Actual | Phase::Final | Phase::Expected));
    if let (None, Relation::Adjustment { up }, true) = (picked, q.relation, budgets_only) {
        let at = |phase: Phase| Question {
            phases: vec![phase],
            relation: Relation::Level,
            compute: Compute::None,
            ..q.clone()
        };
        let (after, before) = (at(Phase::Adjusted), at(Phase::Initial));
        // 调减了多少 is the cut, a positive amount.
        let sides = if up == Some(false) {
            (&before, &after)
        } else {
            (&after, &before)
        };
        if let Some(answer) = combine(store, &q, sides, Combine::Difference, &facts, idf) {
            return answer;
        }
    }
    // 调整后比年初预算增长了百分之几: the rate from the two budgets, when no rate is stated.
    if let (None, Relation::Change { up, money: false }) = (picked, q.relation) {
        if crate::lexicon::wanted_kind(&q.plain) == Some(ValueKind::Percent)
            && q.phases.contains(&Phase::Adjusted)
            && q.phases.contains(&Phase::Initial)
        {
            let at = |phase: Phase| Question {
                phases: vec![phase],
                relation: Relation::Level,
                want: None,
                compute: Compute::None,
                ..q.clone()
            };
            let how = if up == Some(false) {
                Combine::Fall
            } else {
                Combine::Growth
            };
            if let Some(answer) = combine(store, &q, (&at(Phase::Adjusted), &at(Phase::Initial)), how, &facts, idf) {
                return answer;
            }
        }
    }
    // 人代会批准的预算 that the report states only as the adjusted budget and the change.
    if picked.is_none() {
        if let Some(answer) = budget_before(store, &q, &facts, idf) {
            return answer;
        }
    }
    // 完成调整预算的百分之几 that the report states only as the two amounts.
    if picked.is_none() && q.relation == Relation::Completion {
        if let Some(answer) = completion(store, &q, &facts, idf) {
            return answer;
        }
    }
    // A year no report states the figure for, implied by the next year's change.
    let stated_for_year = ranked
        .iter()
        .any(|r| r.fact.year == q.year && r.score.coverage >= MIN_COVERAGE);
    if picked.is_none()
        && !stated_for_year
        && q.relation == Relation::Level
        && matches!(q.compute, Compute::None)
        && q.want.is_none_or(|k| k == ValueKind::Money)
        && q.phases.iter().all(|p| matches!(p, Phase::Actual | Phase::Final))
    {
        if let Some(answer) = previous_year(store, &q, &facts, idf) {
            return answer;
        }
    }
    // 还本付息合计 that the report states only as 还本 and 付息.
    if picked.is_none() && q.relation == Relation::Level {
        if let Some((a, b)) = crate::lexicon::composite_parts(&q.content) {
            // 还本付息合计: the parts are 还本 and 付息, not 还本合计.
            let part = |content: String| Question {
                content: canonical(&crate::lexicon::drop_total_words(&content)),
                compute: Compute::None,
                ..q.clone()
            };
            if let Some(answer) = combine(store, &q, (&part(a), &part(b)), Combine::Sum, &facts, idf) {
                return answer;
            }
        }
        // 还了多少本金 that the report states only as 还本付息 and 付息.
        if let Some((whole, other)) = crate::lexicon::composite_remainder(&q.content) {
            let side = |content: String| Question {
                content: canonical(&content.replace("偿还", "")),
                compute: Compute::None,
                ..q.clone()
            };
            if let Some(answer) = combine(
                store,
                &q,
                (&side(whole), &side(other)),
                Combine::Difference,
                &facts,
                idf,
            ) {
                return answer;
            }
        }
    }
    // 一般公共预算收入中的税收收入 where 税收收入 alone fits several: the one under that whole.
    if picked.is_none() && q.relation == Relation::Level && matches!(q.compute, Compute::None) {
        if let Some((whole, item)) = question::container_split(&q.content) {
            let under =
                level_fact(store, &q, &facts, idf, whole).and_then(|b| part_under(store, &q, &facts, idf, item, &b));
            if let Some(fact) = under {
                return stated(store, &q, &fact, &facts, &ranked);
            }
        }
    }
    // 新增专项债券安排了几个项目 that the report answers only by listing them.
    if picked.is_none() {
        if let Some(answer) = listed::count(store, &q, &facts) {
            return answer;
        }
    }
    match picked {
        Some(best) => stated(store, &q, best.fact, &facts, &ranked),
        None => {
            let reason = if ranked.first().is_some_and(|r| r.score.coverage >= MIN_COVERAGE) {
                "several facts fit equally well; add the phase (年初预算/调整预算/实际完成/草案) or be more specific"
                    .to_string()
            } else {
                "no stated figure matches this question".to_string()
            };
            not_found(&q, reason, &ranked)
        }
    }
}
