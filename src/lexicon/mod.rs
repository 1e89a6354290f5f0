//! Stage: shared knowledge. Input: the data files in `lexicon/data/` (embedded at
//! build time). Output: lookups that extraction and question reading share —
//! synonyms that fold variant names of a budget term into one, the frame words
//! a question can drop, the words that say which kind of value is wanted, and
//! the words that mark a planned figure.
//!
//! Knowledge lives in the data files, one entry a line, so a new phrasing is a
//! line of data, not a branch of code. Each table is parsed once per process.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::model::ValueKind;

/// Non-comment, non-empty lines of an embedded data file.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// One group of words a line, separated by spaces.
fn groups(text: &'static str) -> Vec<Vec<&'static str>> {
    lines(text).map(|l| l.split_whitespace().collect()).collect()
}

/// Set when the process reads reports in bulk (see [`prepare_for_bulk`]).
static BULK: AtomicBool = AtomicBool::new(false);

/// Word lists built from now on are made for scanning many texts (an ingest)
/// rather than reading one question.
pub fn prepare_for_bulk() {
    BULK.store(true, Ordering::Relaxed);
}

/// A matcher builder for a word list. For a question, a contiguous NFA: built
/// in microseconds where the DFA the builder chooses for a short list takes
/// milliseconds (a quarter of a one-shot `ask`); in bulk, that DFA, which
/// scans the clauses of an ingest faster.
fn matcher() -> AhoCorasickBuilder {
    let mut builder = AhoCorasick::builder();
    if !BULK.load(Ordering::Relaxed) {
        builder.kind(Some(AhoCorasickKind::ContiguousNFA));
    }
    builder
}

/// A table of words matched leftmost-longest, each with a value.
struct Table<T> {
    matcher: AhoCorasick,
    values: Vec<T>,
}

impl Table<&'static str> {
    /// A table from a data file of `from<TAB>to` lines.
    fn from_pairs(tsv: &'static str) -> Table<&'static str> {
        Table::new(
            lines(tsv)
                .filter_map(|l| l.split_once('\t'))
                .map(|(from, to)| (from.trim(), to.trim()))
                .collect(),
        )
    }

    /// `text` with every entry (leftmost longest) replaced by its value.
    fn replace_all(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for m in self.matcher.find_iter(text) {
            out.push_str(&text[last..m.start()]);
            out.push_str(self.values[m.pattern().as_usize()]);
            last = m.end();
        }
        out.push_str(&text[last..]);
        out
    }
}

impl<T> Table<T> {
    fn new<W: AsRef<[u8]>>(entries: Vec<(W, T)>) -> Table<T> {
        let (words, values): (Vec<W>, Vec<T>) = entries.into_iter().unzip();
        let matcher = matcher()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .expect("embedded word lists build");
        Table { matcher, values }
    }
}

fn synonyms() -> &'static Table<&'static str> {
    static T: OnceLock<Table<&'static str>> = OnceLock::new();
    T.get_or_init(|| Table::from_pairs(include_str!("data/synonyms.tsv")))
}

fn frame_words() -> &'static AhoCorasick {
    static T: OnceLock<AhoCorasick> = OnceLock::new();
    T.get_or_init(|| {
        matcher()
            .match_kind(MatchKind::LeftmostLongest)
            .build(lines(include_str!("data/frame_words.txt")))
            .expect("embedded word lists build")
    })
}

/// What follows the asker's preamble (…的文章，想知道X → X), when a question follows:
/// the text after the last chatter cue (`chatter_cues.txt`) that is preceded by
/// something and followed by at least four Chinese characters.
pub fn after_chatter(text: &str) -> Option<&str> {
    static CUES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let cues = CUES.get_or_init(|| lines(include_str!("data/chatter_cues.txt")).collect());
    cues.iter().find_map(|cue| {
        let i = text.rfind(cue)?;
        let asked = &text[i + cue.len()..];
        (i > 0 && asked.chars().filter(|c| crate::text::is_han(*c)).count() >= 4)
            .then(|| asked.trim_start_matches(['：', ':', '，', ',']))
    })
}

fn value_words() -> &'static Table<ValueKind> {
    static T: OnceLock<Table<ValueKind>> = OnceLock::new();
    T.get_or_init(|| {
        let mut words: Vec<(String, ValueKind)> = lines(include_str!("data/value_words.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(word, kind)| {
                let kind = match kind.trim() {
                    "percent" => ValueKind::Percent,
                    "points" => ValueKind::Points,
                    "multiple" => ValueKind::Multiple,
                    "count" => ValueKind::Count,
                    "money" => ValueKind::Money,
                    _ => return None,
                };
                Some((word.trim().to_string(), kind))
            })
            .collect();
        // 几笔, 多少座: every count unit asked with 几 or 多少 asks for a count.
        for unit in count_unit_groups().iter().flatten() {
            for ask in ["几", "多少"] {
                let word = format!("{ask}{unit}");
                if !words.iter().any(|(w, _)| *w == word) {
                    words.push((word, ValueKind::Count));
                }
            }
        }
        Table::new(words)
    })
}

fn plan_words() -> &'static AhoCorasick {
    static T: OnceLock<AhoCorasick> = OnceLock::new();
    T.get_or_init(|| {
        matcher()
            .build(lines(include_str!("data/plan_words.txt")))
            .expect("embedded word lists build")
    })
}

fn question_rewrites() -> &'static Table<&'static str> {
    static T: OnceLock<Table<&'static str>> = OnceLock::new();
    T.get_or_init(|| Table::from_pairs(include_str!("data/question_rewrites.tsv")))
}

/// Rewrites how people ask into how reports say it (`question_rewrites.tsv`:
/// 用在 → 用于, 调整以后 → 调整后).
///
/// ```
/// assert_eq!(budgetq::lexicon::rewrite_question("预算调整以后用在哪"), "预算调整后用于哪");
/// ```
pub fn rewrite_question(text: &str) -> String {
    question_rewrites().replace_all(text)
}

/// The words of `shortfall.tsv`: cues, targets (with the name reports use) and fillers.
struct ShortfallWords {
    cues: AhoCorasick,
    targets: Table<&'static str>,
    fillers: AhoCorasick,
}

fn shortfall_words() -> &'static ShortfallWords {
    static T: OnceLock<ShortfallWords> = OnceLock::new();
    T.get_or_init(|| {
        let rows: Vec<Vec<&'static str>> = lines(include_str!("data/shortfall.tsv"))
            .map(|l| l.split('\t').map(str::trim).collect())
            .collect();
        let words = |kind: &str| -> Vec<&'static str> {
            rows.iter()
                .filter(|r| r.first() == Some(&kind))
                .filter_map(|r| r.get(1).copied())
                .collect()
        };
        let targets = rows
            .iter()
            .filter(|r| r.first() == Some(&"target"))
            .filter_map(|r| Some((*r.get(1)?, *r.get(2)?)))
            .collect();
        let list = |kind: &str| {
            matcher()
                .match_kind(MatchKind::LeftmostLongest)
                .build(words(kind))
                .expect("embedded word lists build")
        };
        ShortfallWords {
            cues: list("cue"),
            targets: Table::new(targets),
            fillers: list("filler"),
        }
    })
}

/// What is left to reach a plan or a limit, asked in any of the ways `shortfall.tsv`
/// lists, said as the comparison the difference reader knows: the figure done set
/// against the plan as reports name it (`收入完成距离年初预算还差多少`), or a balance
/// against its limit. `None` when the text asks no shortfall, names no target or no
/// figure, or compares with 比/较 itself.
///
/// ```
/// assert_eq!(
///     budgetq::lexicon::shortfall("一般公共预算收入下半年还要完成多少才能达到年度预算").as_deref(),
///     Some("一般公共预算收入完成距离年初预算还差多少")
/// );
/// assert_eq!(budgetq::lexicon::shortfall("一般公共预算收入是多少"), None);
/// ```
pub fn shortfall(text: &str) -> Option<String> {
    let words = shortfall_words();
    // （限额减余额）: how the asker would work it out is no figure.
    let text = remarks().replace_all(text, "");
    if !words.cues.is_match(text.as_ref()) || text.contains(['比', '较', '减']) {
        return None;
    }
    let target = words.targets.matcher.find_iter(text.as_ref()).last()?;
    let stated = words.targets.values[target.pattern().as_usize()];
    let before = &text[..target.start()];
    // 专项债务限额: the debt the limit is of.
    let debt = if stated == "限额" {
        ["政府债务", "一般债务", "专项债务", "债务"]
            .iter()
            .find(|d| before.ends_with(*d))
            .copied()
    } else {
        None
    };
    let before = &before[..before.len() - debt.map_or(0, str::len)];
    let rest = format!("{before}{}", &text[target.end()..]);
    let rest = words.cues.replace_all(&rest, &vec![""; words.cues.patterns_len()]);
    let metric = words
        .fillers
        .replace_all(&rest, &vec![""; words.fillers.patterns_len()]);
    let metric: String = metric.split_whitespace().collect::<Vec<_>>().join(" ");
    let named = metric.chars().filter(|c| crate::text::is_han(*c)).count() >= 2;
    if stated == "限额" {
        // 债务限额还剩多少空间: the balance of the same debt, set against its limit.
        let debt = debt.unwrap_or("");
        let balance = if named && (metric.contains("余额") || metric.contains("债务")) {
            metric
        } else {
            format!("{}余额", if debt.is_empty() { "政府债务" } else { debt })
        };
        return Some(format!("{balance}距离{debt}限额还差多少"));
    }
    named.then(|| format!("{metric}完成距离{stated}还差多少"))
}

/// A remark in brackets: （限额减余额）.
fn remarks() -> &'static regex::Regex {
    static P: OnceLock<regex::Regex> = OnceLock::new();
    P.get_or_init(|| regex::Regex::new(r"[（(][^（）()]*[）)]").expect("valid regex"))
}

/// Folds variant names into the one used for matching (财政收入 → 一般公共预算收入,
/// 土地出让金 → 国有土地使用权出让收入, 专项债 → 专项债券).
///
/// ```
/// assert_eq!(budgetq::lexicon::fold_synonyms("西工区财政收入"), "西工区一般公共预算收入");
/// assert_eq!(budgetq::lexicon::fold_synonyms("一般公共预算收入"), "一般公共预算收入");
/// ```
pub fn fold_synonyms(text: &str) -> String {
    synonyms().replace_all(text)
}

/// The characters for which `is_separator` is true that stand in a word
/// [`fold_synonyms`] replaces (the brackets of 因公出国（境）费): split at any
/// other separator, the pieces of a text fold each on its own.
pub fn synonym_separators(is_separator: fn(char) -> bool) -> Vec<char> {
    let mut found: Vec<char> = lines(include_str!("data/synonyms.tsv"))
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(from, _)| from.trim().chars().filter(|&c| is_separator(c)))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Removes the frame words of a question (请问, 是多少, 完成数, 情况…) and the
/// words that ask for a kind of value (百分之多少, 几倍), leaving a space where
/// each stood.
pub fn drop_frame_words(text: &str) -> String {
    drop_frame_words_but(text, &[])
}

/// [`drop_frame_words`], keeping the value words in `keep` (增幅 in 增幅提高了几个百分点:
/// the rate whose change is asked).
pub fn drop_frame_words_but(text: &str, keep: &[&str]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut last = 0;
    for m in value_words().matcher.find_iter(text) {
        kept.push_str(&text[last..m.start()]);
        kept.push_str(if keep.contains(&&text[m.range()]) {
            &text[m.range()]
        } else {
            " "
        });
        last = m.end();
    }
    kept.push_str(&text[last..]);
    frame_words().replace_all(&kept, &vec![" "; frame_words().patterns_len()])
}

/// The kind of value a question's words ask for (百分之几 → percent, 几倍 →
/// multiple, 多少家 → count), from the longest such word.
pub fn wanted_kind(text: &str) -> Option<ValueKind> {
    let t = value_words();
    t.matcher
        .find_iter(text)
        .max_by_key(|m| m.len())
        .map(|m| t.values[m.pattern().as_usize()])
}

fn line_item_words() -> &'static AhoCorasick {
    static T: OnceLock<AhoCorasick> = OnceLock::new();
    T.get_or_init(|| {
        matcher()
            .match_kind(MatchKind::LeftmostLongest)
            .build(lines(include_str!("data/line_items.txt")))
            .expect("embedded word lists build")
    })
}

/// The budget line items `text` names (税收收入, 教育支出, 还本付息), leftmost-longest.
///
/// ```
/// assert_eq!(budgetq::lexicon::line_items("政府债务还本付息"), vec!["还本付息"]);
/// assert_eq!(budgetq::lexicon::line_items("一般公共预算收入"), Vec::<&str>::new());
/// ```
pub fn line_items(text: &str) -> Vec<&str> {
    line_item_words().find_iter(text).map(|m| &text[m.range()]).collect()
}

fn qualifier_words() -> &'static [&'static str] {
    static T: OnceLock<Vec<&'static str>> = OnceLock::new();
    T.get_or_init(|| lines(include_str!("data/qualifiers.txt")).collect())
}

/// The qualifiers (新增, 再融资 …) in `metric` that `asked` does not name.
///
/// ```
/// assert_eq!(budgetq::lexicon::unasked_qualifiers("新增专项债务限额", "专项债务限额"), vec!["新增"]);
/// assert!(budgetq::lexicon::unasked_qualifiers("新增专项债务限额", "新增专项债务限额").is_empty());
/// ```
pub fn unasked_qualifiers(metric: &str, asked: &str) -> Vec<&'static str> {
    qualifier_words()
        .iter()
        .filter(|q| metric.contains(*q) && !asked.contains(*q))
        .copied()
        .collect()
}

fn composite_items() -> &'static [(&'static str, &'static str, &'static str)] {
    static T: OnceLock<Vec<(&'static str, &'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        lines(include_str!("data/composites.tsv"))
            .filter_map(|l| {
                let mut cells = l.split('\t').map(str::trim);
                Some((cells.next()?, cells.next()?, cells.next()?))
            })
            .collect()
    })
}

/// `text` with a composite item written as each of its parts
/// (政府债务还本付息 → 政府债务还本, 政府债务付息), if it names one.
///
/// ```
/// assert_eq!(
///     budgetq::lexicon::composite_parts("政府债务还本付息"),
///     Some(("政府债务还本".to_string(), "政府债务付息".to_string()))
/// );
/// ```
pub fn composite_parts(text: &str) -> Option<(String, String)> {
    composite_items()
        .iter()
        .find(|(whole, _, _)| text.contains(whole))
        .map(|(whole, a, b)| (text.replacen(whole, a, 1), text.replacen(whole, b, 1)))
}

/// For an item that is a part of a composite (还本 of 还本付息), the whole and the other
/// part, each in `text`'s words (偿还债务本金 → 偿还债务还本付息, 偿还债务付息): a part the
/// report does not state is the whole less the other.
///
/// ```
/// assert_eq!(
///     budgetq::lexicon::composite_remainder("政府债务本金"),
///     Some(("政府债务还本付息".to_string(), "政府债务付息".to_string()))
/// );
/// assert_eq!(budgetq::lexicon::composite_remainder("政府债务还本付息"), None);
/// ```
pub fn composite_remainder(text: &str) -> Option<(String, String)> {
    composite_items().iter().find_map(|(whole, a, b)| {
        if text.contains(whole) {
            return None;
        }
        [(*a, *b), (*b, *a)].into_iter().find_map(|(part, other)| {
            let names = std::iter::once(part).chain(
                item_aliases()
                    .iter()
                    .filter(|(x, y)| *x == part || *y == part)
                    .map(|(x, y)| if *x == part { *y } else { *x }),
            );
            names
                .filter(|n| text.contains(n))
                .map(|n| (text.replacen(n, whole, 1), text.replacen(n, other, 1)))
                .next()
        })
    })
}

fn item_aliases() -> &'static [(&'static str, &'static str)] {
    static T: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        lines(include_str!("data/item_aliases.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (a.trim(), b.trim()))
            .collect()
    })
}

/// True when `a` and `b` are one line item written two ways (本金, 还本).
///
/// ```
/// assert!(budgetq::lexicon::same_item("本金", "还本"));
/// assert!(!budgetq::lexicon::same_item("本金", "付息"));
/// ```
pub fn same_item(a: &str, b: &str) -> bool {
    a == b
        || item_aliases()
            .iter()
            .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

/// True when `text` holds a word of planning (拟, 计划, 申请, 力争, 预期).
pub fn is_planned(text: &str) -> bool {
    plan_words().is_match(text)
}

/// How a zero is said in words ([`ZeroWords`]).
pub struct ZeroWords {
    /// Words before what did not happen (没有, 未发生).
    pub absent: Vec<&'static str>,
    /// Negated verbs that name the figure (未动用 → 动用…).
    pub absent_verb: Vec<&'static str>,
    /// Words after a list of items that are all zero (均为零).
    pub each: Vec<&'static str>,
    /// Words after a metric that state its zero (为0, 为零).
    pub equals: Vec<&'static str>,
    /// Filler between a metric and its zero (尚未入库, 执行数), dropped from the metric.
    pub status: Vec<&'static str>,
    /// Words after budgets a budget adjustment left as they were (不作调整): a change of zero.
    pub unchanged: Vec<&'static str>,
}

/// The words of `zero_words.tsv`, longest first within each kind.
pub fn zero_words() -> &'static ZeroWords {
    static T: OnceLock<ZeroWords> = OnceLock::new();
    T.get_or_init(|| {
        let of = |kind: &str| {
            let mut v: Vec<&'static str> = lines(include_str!("data/zero_words.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .filter(|(k, _)| k.trim() == kind)
                .map(|(_, w)| w.trim())
                .collect();
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
            v
        };
        ZeroWords {
            absent: of("absent"),
            absent_verb: of("absent_verb"),
            each: of("each"),
            equals: of("equals"),
            status: of("status"),
            unchanged: of("unchanged"),
        }
    })
}

fn asked_only_words() -> &'static [Vec<&'static str>] {
    static T: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| groups(include_str!("data/asked_only.txt")))
}

/// A word of `metric` (逾期, 隐性) that makes it a figure only a question naming it asks for.
///
/// ```
/// assert_eq!(budgetq::lexicon::unasked_marker("逾期未偿还的政府债务", "政府债务余额"), Some("逾期"));
/// assert_eq!(budgetq::lexicon::unasked_marker("逾期未偿还的政府债务", "逾期债务"), None);
/// assert_eq!(budgetq::lexicon::unasked_marker("政府性基金预算财政拨款收入", "政府性基金预算财政拨款"), None);
/// ```
pub fn unasked_marker(metric: &str, asked: &str) -> Option<&'static str> {
    asked_only_words()
        .iter()
        .find(|words| metric.contains(words[0]) && !words.iter().any(|w| asked.contains(w)))
        .map(|words| words[0])
}

/// (words marking a department's report in its title, words naming a department in a question)
fn department_words() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static T: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();
    T.get_or_init(|| {
        let entries: Vec<(&str, &str)> = lines(include_str!("data/department_words.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, k)| (w.trim(), k.trim()))
            .collect();
        let of = |kind: &str| entries.iter().filter(|(_, k)| *k == kind).map(|(w, _)| *w).collect();
        (of("title"), of("asked"))
    })
}

/// True when a report's `title` is a department's own budget or accounts.
///
/// ```
/// assert!(budgetq::lexicon::is_department_report("檀山县教育局2024年部门预算公开说明"));
/// assert!(!budgetq::lexicon::is_department_report("关于檀山县2023年预算执行情况和2024年预算草案的报告"));
/// ```
pub fn is_department_report(title: &str) -> bool {
    department_words().0.iter().any(|w| title.contains(w))
}

/// True when a question names a department (教育局, 本部门, the bureau).
pub fn names_department(question: &str) -> bool {
    let lower = question.to_lowercase();
    department_words().1.iter().any(|w| lower.contains(w))
}

fn particles() -> &'static [char] {
    static T: OnceLock<Vec<char>> = OnceLock::new();
    T.get_or_init(|| {
        lines(include_str!("data/particles.txt"))
            .filter_map(|l| l.chars().next())
            .collect()
    })
}

/// True when `bigram` holds a joining character (到, 和, 给) that names nothing.
///
/// ```
/// assert!(budgetq::lexicon::holds_particle("取到"));
/// assert!(!budgetq::lexicon::holds_particle("争取"));
/// ```
pub fn holds_particle(bigram: &str) -> bool {
    bigram.chars().any(|c| particles().contains(&c))
}

fn exclusive_groups() -> &'static [Vec<&'static str>] {
    static T: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| groups(include_str!("data/exclusive_qualifiers.txt")))
}

/// True when `metric` carries a qualifier that excludes one `asked` names
/// (再融资 against 新增) and not the asked one itself.
///
/// ```
/// assert!(budgetq::lexicon::excludes_asked("发行再融资一般债券", "新增一般债券"));
/// assert!(!budgetq::lexicon::excludes_asked("新增一般债券", "新增一般债券"));
/// assert!(!budgetq::lexicon::excludes_asked("一般债券", "新增一般债券"));
/// ```
pub fn excludes_asked(metric: &str, asked: &str) -> bool {
    exclusive_groups().iter().any(|group| {
        group.iter().any(|a| asked.contains(a) && !metric.contains(a))
            && group.iter().any(|m| metric.contains(m) && !asked.contains(m))
    })
}

fn adjustment_words() -> &'static Table<Option<bool>> {
    static T: OnceLock<Table<Option<bool>>> = OnceLock::new();
    T.get_or_init(|| {
        Table::new(
            lines(include_str!("data/adjustment_words.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(w, dir)| {
                    let up = match dir.trim() {
                        "up" => Some(true),
                        "down" => Some(false),
                        _ => None,
                    };
                    (w.trim(), up)
                })
                .collect(),
        )
    })
}

/// When `text` asks how much a budget adjustment changed a figure (调增了多少, 增减额):
/// `Some(direction)`, the direction `Some(true)` for up, `Some(false)` for down.
///
/// ```
/// assert_eq!(budgetq::lexicon::adjustment("支出调减了多少"), Some(Some(false)));
/// assert_eq!(budgetq::lexicon::adjustment("支出增减额"), Some(None));
/// assert_eq!(budgetq::lexicon::adjustment("支出增加了多少"), None);
/// ```
pub fn adjustment(text: &str) -> Option<Option<bool>> {
    let t = adjustment_words();
    t.matcher.find(text).map(|m| t.values[m.pattern().as_usize()])
}

fn count_unit_groups() -> &'static [Vec<&'static str>] {
    static T: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| groups(include_str!("data/count_units.txt")))
}

/// The count word a question asks with (几个, 多少家 → 个, 家), if any.
///
/// ```
/// assert_eq!(budgetq::lexicon::asked_count_unit("安排了几个项目"), Some("个"));
/// assert_eq!(budgetq::lexicon::asked_count_unit("多少人次"), Some("人次"));
/// assert_eq!(budgetq::lexicon::asked_count_unit("多少万元"), None);
/// ```
pub fn asked_count_unit(text: &str) -> Option<&'static str> {
    ["几", "多少"].iter().find_map(|q| {
        text.match_indices(q).find_map(|(i, _)| {
            let after = &text[i + q.len()..];
            count_unit_groups()
                .iter()
                .flatten()
                .filter(|u| after.starts_with(**u))
                .max_by_key(|u| u.len())
                .copied()
        })
    })
}

/// What a question counts, when it names it right after the count word
/// (`有几个内设机构` → 内设机构; `多少个部门的部门预算` → 部门).
pub fn asked_counted_noun(text: &str) -> Option<String> {
    let unit = asked_count_unit(text)?;
    let at = ["几", "多少"]
        .iter()
        .filter_map(|q| text.find(&format!("{q}{unit}")).map(|i| i + q.len() + unit.len()))
        .min()?;
    // (an English question read into Chinese keeps its spaces: 多少个 新增 幼儿园)
    let noun: String = text[at..]
        .trim_start()
        .chars()
        .take_while(|c| (crate::text::is_han(*c) || *c == ' ') && !matches!(c, '的' | '呢' | '吗' | '啊'))
        .filter(|c| *c != ' ')
        .take(8)
        .collect();
    (noun.chars().count() >= 2).then_some(noun)
}

/// True when a count in `unit` answers a question asking with `asked` (个 and 项 are one kind).
pub fn count_units_agree(asked: &str, unit: &str) -> bool {
    asked == unit
        || count_unit_groups()
            .iter()
            .any(|g| g.contains(&asked) && g.contains(&unit))
}

/// The other names of a line item (还本 → 本金), from `item_aliases.tsv`.
///
/// ```
/// assert_eq!(budgetq::lexicon::aliases("还本"), vec!["本金"]);
/// ```
pub fn aliases(word: &str) -> Vec<&'static str> {
    item_aliases()
        .iter()
        .filter_map(|&(x, y)| {
            if x == word {
                Some(y)
            } else if y == word {
                Some(x)
            } else {
                None
            }
        })
        .collect()
}

/// The total words of `total_words.tsv`, longest first: (word, asks for a sum).
fn total_words() -> &'static [(&'static str, bool)] {
    static T: OnceLock<Vec<(&'static str, bool)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<(&'static str, bool)> = lines(include_str!("data/total_words.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, kind)| (w, kind.trim() == "sum"))
            .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        v
    })
}

/// True when `text` asks to add figures up (一共, 合计, 加起来).
pub fn asks_sum(text: &str) -> bool {
    total_words().iter().any(|(w, sum)| *sum && text.contains(w))
}

/// `text` without the words that only say "the whole of it" (全部, 总额, 合计):
/// 全部债券利息 → 债券利息, 三公经费合计 → 三公经费.
pub fn drop_total_words(text: &str) -> String {
    total_words()
        .iter()
        .fold(text.to_string(), |t, (w, _)| t.replace(w, ""))
}

/// True when `text` speaks of money without naming a unit (投入资金多少, 花了多少钱).
pub fn names_money(text: &str) -> bool {
    static T: OnceLock<Vec<&'static str>> = OnceLock::new();
    T.get_or_init(|| lines(include_str!("data/money_words.txt")).collect())
        .iter()
        .any(|w| text.contains(w))
}

/// True when what a question asks about ends with a word naming an amount
/// (一般公共预算收入, 政府债务余额), from `money_heads.txt`.
pub fn ends_with_money_item(content: &str) -> bool {
    static T: OnceLock<Vec<&'static str>> = OnceLock::new();
    let content = content.trim();
    T.get_or_init(|| lines(include_str!("data/money_heads.txt")).collect())
        .iter()
        .any(|w| content.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_fold_without_touching_canonical_names() {
        assert_eq!(fold_synonyms("公共财政预算收入"), "一般公共预算收入");
        assert_eq!(fold_synonyms("政府性基金预算收入"), "政府性基金预算收入");
        assert_eq!(fold_synonyms("政府基金收入"), "政府性基金收入");
        assert_eq!(fold_synonyms("专项债务余额"), "专项债务余额");
        assert_eq!(fold_synonyms("专项债发行"), "专项债券发行");
        assert_eq!(fold_synonyms("土地出让金"), "国有土地使用权出让收入");
        assert_eq!(fold_synonyms("财政总收入"), "财政总收入");
    }

    #[test]
    fn frame_words_and_wanted_kinds() {
        assert_eq!(drop_frame_words("请问教育支出是多少").replace(' ', ""), "教育支出");
        assert_eq!(
            drop_frame_words("一般公共预算收入完成数").replace(' ', ""),
            "一般公共预算收入"
        );
        assert_eq!(wanted_kind("收入为调整预算的百分之多少"), Some(ValueKind::Percent));
        assert_eq!(wanted_kind("增长了几倍"), Some(ValueKind::Multiple));
        assert_eq!(wanted_kind("快于序时进度几个百分点"), Some(ValueKind::Points));
        assert_eq!(wanted_kind("惠及企业多少家"), Some(ValueKind::Count));
        assert_eq!(wanted_kind("教育支出"), None);
        assert!(is_planned("拟申请专项债券资金共计"));
        assert!(!is_planned("成功发行"));
    }
}
