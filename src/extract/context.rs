//! Reading the words around a quantity: which budget it belongs to (topic),
//! which phase (年初预算, 调整预算, 执行, 预计, 决算), which relation (同比增长,
//! 比上年增加, 完成率, 占比) and the phrase naming what it measures (metric).
//!
//! Reports rarely repeat their subject (`收入调整为174180万元，实际完成174559
//! 万元，为调整预算的100.2%`), so the metric phrase of a clause is what is left
//! once phase words, verbs, times and connectives are stripped; an empty or
//! bare one (`支出`) is completed from the sentence, paragraph or section by the
//! caller.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::model::Phase;

/// Names of the four budgets, as written → as stored.
const TOPICS: &[(&str, &str)] = &[
    ("一般公共预算", "一般公共预算"),
    ("一般公共财政", "一般公共预算"),
    ("公共财政预算", "一般公共预算"),
    ("政府性基金", "政府性基金预算"),
    ("政府基金", "政府性基金预算"),
    ("国有资本经营", "国有资本经营预算"),
    ("社会保险基金", "社会保险基金预算"),
    ("社保基金", "社会保险基金预算"),
];

/// The budget named last in `text`, if any (of two names starting there, the later in [`TOPICS`]).
pub fn topic_in(text: &str) -> Option<&'static str> {
    // One pass over the text for every name (this runs on every clause and heading).
    static NAMES: OnceLock<AhoCorasick> = OnceLock::new();
    NAMES
        .get_or_init(|| AhoCorasick::new(TOPICS.iter().map(|(written, _)| written)).expect("valid names"))
        .find_overlapping_iter(text)
        .map(|m| (m.start(), m.pattern().as_usize()))
        .max()
        .map(|(_, i)| TOPICS[i].1)
}

/// Rewrites the synonyms of budget names to one spelling (政府基金 → 政府性基金, 一般公共财政 → 一般公共预算).
pub fn canonical(text: &str) -> String {
    crate::lexicon::fold_synonyms(text)
}

struct Patterns {
    phase: Vec<(Regex, Phase)>,
    relation: Regex,
    base: Regex,
    last_year: Regex,
    strip_phase: Regex,
    approval: Regex,
    lead: Regex,
    trail: Regex,
    within_limit: Regex,
    marker: Regex,
    remark: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("valid regex");
        Patterns {
            phase: vec![
                (re(r"调整为|调整后|调整预算|预算调整|调增|调减|变更为|调整"), Phase::Adjusted),
                (
                    re(r"人民代表大会[^，,。；]{0,14}?(?:审议通过|批准)|人大[一二三四五六七八九十]+次会议|人大第[一二三四五六七八九十]+次会议|人代会|年初预算|年度预算|全年预算|年初|代表大会批准"),
                    Phase::Initial,
                ),
                // 收入预算21.06亿元: a budget figure, the one approved at the start of the year.
                (re(r"(?:收入|支出)预算(?:数|为|是)?$"), Phase::Initial),
                (re(r"预计完成|预计执行|预计"), Phase::Expected),
                (re(r"决算"), Phase::Final),
                (re(r"实际完成|累计完成|完成|实现|实际|执行数"), Phase::Actual),
                // 年初余额, 年末滚存: a balance at a time of the year, not the 年初 budget.
                (re(r"(?:年初|年末)(?:余额|结余|结转|滚存)"), Phase::Actual),
            ],
            relation: re(
                r"(同比|比上年同期|比上年|较上年|比去年|较去年|(?:比|较)(?:人代会|人大批准的?|年初|调整)预算(?:安排)?数?|较年初|比年初|同口径|按可比口径|按自然口径)?[^，,；;]{0,10}?(负增长|增长|增加|增收|增支|超收|多收|上升|提高|调增|下降|减少|减收|减支|短收|少收|压减|降低|回落|调减|增长率|增长幅度|增幅|增速|降幅|下降幅度|减幅)了?(?:为|是|达到?)?$",
            ),
            base: re(r"(同比|比上年|较上年|比去年|较去年|上年同期|比\d{4}年|较\d{4}年)"),
            last_year: re(r"(?:比|较)?上年(?:同期)?(?:数)?$"),
            strip_phase: re(
                r"实际完成|累计完成|预计完成|预计执行数|预计执行|执行数|决算数|年度预算|全年预算|预算数|调整为|调增为|调减为|调整后|调整预算|调整|年初预算|年初的|年初|实际|完成|实现|达到|预计|安排|决算",
            ),
            approval: re(r"^.*?(?:审议通过的?|审查批准的?|批准的?|会议通过的?)[:：]?"),
            lead: re(
                r"^(?:——|—|-|•|\s|截至|截止|\d{4}年(?:度|底|末|以来|全年|上半年)?|(?:19|20)\d{2}|\d{1,2}(?:-\d{1,2})?月(?:底|末|份)?(?:以来)?|目前|当前|全年|上半年|下半年|前三季度|当年|年度内|年度|年中|本年|拟|为|加上级|加上年|加上|加|减去|减|扣除|其中|包括|以及|及|和|并|同时|另外|另|主要是|主要|共计|共|累计|合计|总计|经|由|从|将|对|我区|我县|我市|我旗|全区|全县|全市|全旗|全城区)+",
            ),
            // (…，控制在省核定的限额以内: the clause after the balance names no debt)
            within_limit: re(
                r"^(?:(.*?债务)?余额\p{Han}{0,8}?(?:控制在|低于|不超过|未超过|没有超过|在)\p{Han}{0,10}?|(?:控制在|低于|不超过|未超过|没有超过|在)\p{Han}{0,6}?(?:核定|批准|下达)的?)限额$",
            ),
            trail: re(r"(?:为|是|仍|达到|达|约|共计|共|的|了|累计|实际|完成|预计|分别|均|仅|近|超|逾|为止|由|亦|也|相应)+$"),
            remark: re(r"[(（][^()（）\d]*[)）]"),
            marker: re(r"^(?:\d{1,2}[.、)）]|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+[是、])"),
        }
    })
}

/// The phase named nearest the end of `text`.
pub fn phase_clue(text: &str) -> Option<Phase> {
    patterns()
        .phase
        .iter()
        .filter_map(|(re, phase)| re.find_iter(text).last().map(|m| ((m.end(), m.len()), *phase)))
        .max_by_key(|(key, _)| *key)
        .map(|(_, p)| p)
}

/// `text` without parenthesised remarks that hold no figure
/// (同比增长（以下简称“增长”）55.2% reads as 同比增长55.2%).
pub fn without_remarks(text: &str) -> std::borrow::Cow<'_, str> {
    patterns().remark.replace_all(text, "")
}

/// The relation words right before a number (`同比下降`, `比上年增加`, `增长`),
/// with the base (同比, 比上年) taken from anywhere in the clause.
pub fn relation(between: &str, clause: &str) -> Option<String> {
    let p = patterns();
    let caps = p.relation.captures(between)?;
    let verb = caps.get(2)?.as_str();
    let verb = match verb {
        // 增长率为9.1%, 增幅3.7%: the rate named by its noun.
        "增长率" | "增长幅度" | "增幅" | "增速" => "增长",
        "降幅" | "下降幅度" | "减幅" => "下降",
        "负增长" => "下降",
        v => v,
    };
    let base = caps
        .get(1)
        .map(|m| m.as_str().to_string())
        .or_else(|| p.base.find(clause).map(|m| m.as_str().to_string()))
        .unwrap_or_default();
    Some(format!("{base}{verb}"))
}

/// True when a relation word means a fall.
pub fn is_fall(relation: &str) -> bool {
    [
        "下降", "减少", "减收", "减支", "短收", "少收", "压减", "降低", "回落", "调减",
    ]
    .iter()
    .any(|w| relation.contains(w))
}

/// True when the number right after `between` is last year's level (`比上年同期144987万元`).
pub fn is_last_year(between: &str) -> bool {
    patterns().last_year.is_match(between)
}

/// The relation of a level stated as a share of last year's (为上年的108.4%).
pub const OF_LAST_YEAR: &str = "为上年";

/// A rate relation read from the clause before a percentage: 完成率 (为调整预算的),
/// 占比 (占…的比重为).
pub fn rate_relation(clause: &str) -> Option<&'static str> {
    // 为上年的108.4%: this year's level as a share of last year's.
    if ["为上年的", "为上年同期的", "相当于上年的", "是上年的", "为去年的"]
        .iter()
        .any(|w| clause.ends_with(w))
    {
        return Some(OF_LAST_YEAR);
    }
    let c = clause.trim_end_matches(['为', '是', '达']);
    if c.contains('占')
        && (c.ends_with('的')
            || c.ends_with("比重")
            || c.ends_with("比例")
            || c.ends_with("占比")
            || c.contains("比重"))
    {
        return Some("占比");
    }
    if c.ends_with("占比") || c.ends_with('占') {
        return Some("占比");
    }
    if c.ends_with('的') && ["预算", "计划", "目标", "任务"].iter().any(|w| c.contains(w)) {
        return Some("完成率");
    }
    // 完成预算98%, 完成年度预算的: no 的 needed right after the plan.
    if ["预算", "计划", "目标", "任务"]
        .iter()
        .any(|w| c.ends_with(&format!("完成{w}")) || c.ends_with(&format!("完成年度{w}")))
    {
        return Some("完成率");
    }
    None
}

/// The metric phrase left in a clause once phase words, verbs, times and
/// connectives are stripped. The same clause comes again and again in an
/// archive (a county's reports year after year), so each thread keeps the
/// residues of the clauses it has read.
pub fn residue(clause: &str) -> String {
    /// Most clauses kept per thread (then it starts afresh), and the longest kept.
    const KEPT: usize = 1 << 16;
    const LONGEST: usize = 256;
    thread_local! {
        static READ: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>> = Default::default();
    }
    if clause.len() > LONGEST {
        return strip_to_residue(clause);
    }
    READ.with(|read| {
        if let Some(residue) = read.borrow().get(clause) {
            return residue.to_string();
        }
        let residue = strip_to_residue(clause);
        let mut read = read.borrow_mut();
        if read.len() >= KEPT {
            read.clear();
        }
        read.insert(clause.into(), residue.as_str().into());
        residue
    })
}

/// [`residue`], worked out.
fn strip_to_residue(clause: &str) -> String {
    let p = patterns();
    // Replaces the first match (or, with `all`, every match) of `re` in `s`;
    // false when nothing matched (then nothing is copied).
    fn apply(s: &mut String, re: &Regex, with: &str, all: bool) -> bool {
        let replaced = if all {
            re.replace_all(s, with)
        } else {
            re.replace(s, with)
        };
        let std::borrow::Cow::Owned(new) = replaced else {
            return false;
        };
        *s = new;
        true
    }
    let mut s = canonical(clause);
    apply(&mut s, &p.remark, "", true);
    apply(&mut s, &p.approval, "", false);
    apply(&mut s, flow_budget(), "$1", true);
    apply(&mut s, &p.strip_phase, "", true);
    // 债务余额严格控制在省上核定的限额(140.69亿元内): the figure is the limit of that debt.
    if let Some(c) = p.within_limit.captures(&s) {
        let debt = match c.get(1).map_or("", |m| m.as_str()) {
            "债务" | "" => "政府债务",
            other => other,
        };
        s = format!("{debt}限额");
    }
    for _ in 0..3 {
        let mut changed = false;
        // 加上级补助 is 加 + 上级补助, 加上年结转 is 加 + 上年结转.
        if s.starts_with("加上级") || s.starts_with("加上年") {
            s = s['加'.len_utf8()..].to_string();
            changed = true;
        }
        // 本次新增政府债券: this adjustment's; 本次 alone (本次调整安排9300万元) stays, as
        // what it continues is not known here.
        if let Some(rest) = ["本次", "此次"].iter().find_map(|w| s.strip_prefix(w)) {
            let verb_only = ["调增", "调减", "增加", "减少", "增长", "下降", "调整"]
                .iter()
                .any(|v| {
                    rest.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(v) && rest.chars().count() <= 3
                });
            if rest.chars().count() >= 2 && !verb_only {
                s = rest.to_string();
                changed = true;
            }
        }
        changed |= apply(&mut s, &p.marker, "", false);
        changed |= apply(&mut s, &p.lead, "", false);
        changed |= apply(&mut s, &p.trail, "", false);
        // A round that changed nothing leaves nothing for the next.
        if !changed {
            break;
        }
    }
    // 共同财政事权: the lead word 共 (共计) was the name's own first character.
    let s = if s.starts_with('同') && canonical(clause).contains(&format!("共{s}")) {
        format!("共{s}")
    } else {
        s
    };
    // “三公”经费 is 三公经费.
    let s = s.replace(['“', '”'], "");
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    // 当年结余 is the year's surplus, not the 滚存结余 carried over: its 当年 stays.
    let year_balance;
    // (…and 年初结转和结余 is what the year began with, 年末结转和结余 what it ended with)
    let balance = ["结余", "收支结余", "结转"].iter().any(|w| s.starts_with(w));
    let s = match ["当年", "年初", "年末"]
        .iter()
        .find(|when| balance && canonical(clause).contains(&format!("{when}{s}")))
    {
        Some(when) => {
            year_balance = format!("{when}{s}");
            year_balance.as_str()
        }
        None => s,
    };
    // What is left of 为调整预算数290455万元的 is no name at all.
    if s.chars().all(|c| "为数的是其".contains(c)) {
        return String::new();
    }
    s.to_string()
}

/// 收入预算, 支出年初预算数: built on its own, since reading a question needs
/// only this one of the [`patterns`].
fn flow_budget() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"(收入|支出)(?:年初|调整)?预算(?:数)?").expect("valid regex"))
}

/// `收入预算`, `支出年初预算数` → `收入`, `支出`: the budget word after a flow names a phase, not a metric.
pub fn drop_flow_budget(text: &str) -> String {
    let s = flow_budget().replace_all(text, "$1").into_owned();
    s.strip_suffix("预算")
        .filter(|r| !r.ends_with("公共") && !r.ends_with("基金") && !r.ends_with("经营"))
        .map_or(s.clone(), str::to_string)
}

/// True when a metric phrase needs its budget (收入 → 一般公共预算收入).
pub fn is_bare(metric: &str) -> bool {
    let han = metric.chars().filter(|c| crate::text::is_han(*c)).count();
    han < 2
        || matches!(
            metric,
            "收入"
                | "支出"
                | "收支"
                | "总收入"
                | "总支出"
                | "收入总计"
                | "支出总计"
                | "收入合计"
                | "支出合计"
                | "本级收入"
                | "本级支出"
                | "收入总量"
                | "支出总量"
                | "预算收入"
                | "预算支出"
        )
}

/// True for words that name an attribute of something said before (金额, 资金):
/// `开展绩效评价18个，金额33940万元`.
pub fn is_attribute(metric: &str) -> bool {
    matches!(metric, "金额" | "资金" | "总额" | "规模" | "资金规模" | "总金额")
        // A basis of measurement (还原留抵退税口径后, 剔除一次性因素后) qualifies it.
        || ["口径", "口径后", "口径下", "因素后", "因素"].iter().any(|w| metric.ends_with(w))
}

/// `审批金额` after `国有资产审批105项`: the attribute of what was just counted,
/// named in full (国有资产审批金额). `None` unless `own` is a short head that
/// `counted` ends with, followed by an attribute word.
pub fn attribute_of(counted: &str, own: &str) -> Option<String> {
    ["金额", "资金", "总额", "规模"].iter().find_map(|word| {
        let head = own.strip_suffix(word)?;
        (!head.is_empty() && head.chars().count() <= 3 && counted.ends_with(head) && counted != head)
            .then(|| format!("{counted}{word}"))
    })
}

/// True for a metric phrase that is only a verb (成功发行, 偿还, 动用): what was
/// issued or repaid is named before it.
pub fn is_verb_only(metric: &str) -> bool {
    // trim_start_matches without its substring searcher (this runs for every figure).
    fn trim<'a>(mut s: &'a str, prefix: &str) -> &'a str {
        while let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
        s
    }
    let verb = trim(trim(trim(trim(metric, "成功"), "累计"), "共"), "已");
    matches!(
        verb,
        "发行"
            | "偿还"
            | "下达"
            | "拨付"
            | "争取"
            | "到位"
            | "兑付"
            | "减免"
            | "支付"
            | "使用"
            | "动用"
            // 查出问题43个，已整改41个: what was put right is what was found.
            | "整改"
            | "整改到位"
            | "办结"
            | "采纳"
    )
}

/// The verb that opens an enumeration counted right after it
/// (`涉及民政局、卫健委、农业农村局等9家单位` → 涉及): the names listed are no
/// part of the metric. `before` is the sentence up to the count.
pub fn enumeration_verb(before: &str) -> Option<&'static str> {
    let list = before.strip_suffix('等')?;
    let start = list
        .rfind(['，', ',', '；', ';', '：', ':', '。'])
        .map_or(0, |i| i + list[i..].chars().next().map_or(1, char::len_utf8));
    let clause = list[start..]
        .trim_start_matches("先后")
        .trim_start_matches("共计")
        .trim_start_matches("累计")
        .trim_start_matches("共");
    ["涉及", "包括", "覆盖", "惠及", "带动"]
        .into_iter()
        .find(|v| clause.starts_with(v) && clause.chars().count() > v.chars().count())
}

/// Joins a budget name and a bare flow word without doubling 预算
/// (社会保险基金预算 + 预算收入 → 社会保险基金预算收入).
pub fn compose(topic: &str, word: &str) -> String {
    let word = if topic.ends_with("预算") {
        word.strip_prefix("预算").unwrap_or(word)
    } else {
        word
    };
    format!("{topic}{word}")
}

/// True when a metric phrase ends with what it measures (收入, 余额, 利息 …), so
/// it needs nothing from the total it breaks down.
pub fn is_complete(metric: &str) -> bool {
    [
        "收入", "支出", "余额", "限额", "利息", "资金", "收益", "结余", "结转", "基金", "税", "费", "债券", "额",
    ]
    .iter()
    .any(|w| metric.ends_with(w))
}

/// True when a metric phrase names only a part of the region (旗本级, 开发区, 街道).
pub fn is_scope(metric: &str) -> bool {
    PART_WORDS.iter().chain(&["街道", "镇"]).any(|w| metric.ends_with(w)) && metric.chars().count() <= 8
}

/// Words naming a part of a region's budget (市本级, 开发区).
const PART_WORDS: &[&str] = &["本级", "开发区", "新区", "高新区", "园区"];

/// True when a metric phrase names a part of the region anywhere (市本级一般公共预算收入).
pub fn names_a_part(metric: &str) -> bool {
    PART_WORDS.iter().any(|w| metric.contains(w))
}

/// True when a metric phrase is nothing but a part of the region (市本级, 察尔汗工业园区),
/// with no verb or item of its own (补助各开发区 is a transfer, not a part's figure).
pub fn names_only_a_part(metric: &str) -> bool {
    PART_WORDS.iter().any(|w| metric.ends_with(w))
        && metric.chars().count() <= 10
        && !["补助", "下达", "安排", "用于", "转移", "拨", "支持", "投入"]
            .iter()
            .any(|w| metric.contains(w))
}

/// True when a metric phrase holds nothing but a subject-less word.
pub fn is_empty(metric: &str) -> bool {
    metric.chars().filter(|c| crate::text::is_han(*c)).count() < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_topic_is_the_budget_named_last() {
        let by_rfind = |text: &str| {
            TOPICS
                .iter()
                .filter_map(|(written, stored)| text.rfind(written).map(|pos| (pos, *stored)))
                .max_by_key(|(pos, _)| *pos)
                .map(|(_, t)| t)
        };
        for text in [
            "一般公共预算收入",
            "政府性基金收入，一般公共财政支出",
            "社会保险基金、社保基金、政府基金",
            "政府性基金政府基金",
            "公共财政预算一般公共预算",
            "预算",
            "",
        ] {
            assert_eq!(topic_in(text), by_rfind(text), "{text}");
        }
    }

    #[test]
    fn phases() {
        assert_eq!(
            phase_clue("2023年区十五届人大三次会议审议通过的全区一般公共预算收入为"),
            Some(Phase::Initial)
        );
        assert_eq!(
            phase_clue("经区十五届人大常委会第13次会议审议通过全区一般公共预算收入调整为"),
            Some(Phase::Adjusted)
        );
        assert_eq!(phase_clue("实际完成"), Some(Phase::Actual));
        assert_eq!(phase_clue("2023年区级一般公共预算收入预计完成"), Some(Phase::Expected));
        assert_eq!(phase_clue("全区一般公共预算收入"), None);
    }

    #[test]
    fn residues() {
        assert_eq!(
            residue("2023年区十五届人大三次会议审议通过的全区一般公共预算收入为"),
            "一般公共预算收入"
        );
        assert_eq!(
            residue("经区十五届人大常委会第13次会议审议通过全区一般公共预算收入调整为"),
            "一般公共预算收入"
        );
        assert_eq!(residue("年初支出预算为"), "支出");
        assert_eq!(residue("实际完成"), "");
        assert_eq!(residue("2023年全区政府债券实际支付利息"), "政府债券支付利息");
        assert_eq!(residue("1-12月共开展评审工程项目"), "开展评审工程项目");
        assert_eq!(residue("全区政府基金预算收入"), "政府性基金预算收入");
        assert_eq!(residue("截至2023年底，政府债务余额"), "政府债务余额");
    }

    #[test]
    fn relations() {
        assert_eq!(relation("同比下降", "同比下降").as_deref(), Some("同比下降"));
        assert_eq!(relation("比上年增加", "比上年增加").as_deref(), Some("比上年增加"));
        assert_eq!(relation("增长", "增长").as_deref(), Some("增长"));
        // A change on a budget is no change on last year.
        assert_eq!(
            relation("比人代会预算数增加", "比人代会预算数增加").as_deref(),
            Some("比人代会预算数增加")
        );
        assert_eq!(rate_relation("为调整预算的"), Some("完成率"));
        assert_eq!(rate_relation("占公共预算支出的比重为"), Some("占比"));
        assert_eq!(rate_relation("节约率"), None);
        assert_eq!(rate_relation("完成预算"), Some("完成率"));
        assert_eq!(rate_relation("税收收入62,417万元，为上年的"), Some(OF_LAST_YEAR));
    }

    #[test]
    fn subjects_of_bare_metrics() {
        assert_eq!(
            attribute_of("国有资产审批", "审批金额").as_deref(),
            Some("国有资产审批金额")
        );
        assert_eq!(attribute_of("开展评审工程项目", "送审金额"), None);
        assert!(is_verb_only("成功发行") && is_verb_only("偿还") && !is_verb_only("发行债券"));
        assert_eq!(
            enumeration_verb("截至目前，我区共计发放惠民补贴49项，涉及民政局、卫健委、退役军人事务局、农业农村局等"),
            Some("涉及")
        );
        assert_eq!(enumeration_verb("先后为区信访局等"), None);
        assert_eq!(enumeration_verb("涉及"), None);
    }
}
