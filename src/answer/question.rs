//! Reading a question: the region (any form a report's region takes, or its
//! pinyin), the years, phase cues, the kind of value wanted, a relation
//! (change, completion rate, share), a computation (收支差额) and the content
//! left over, which names the metric. English questions go through the
//! [`glossary`](super::glossary) first.

use std::sync::OnceLock;

use regex::Regex;

use super::one_shot_regex::OneShotRegex;

use super::glossary;
use crate::extract::context::canonical;
use crate::model::{Period, Phase, ValueKind};
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
    /// How much a budget adjustment changed a figure (调增, 调减, 增减额): up, down or either.
    Adjustment { up: Option<bool> },
    /// The level as a share of last year's (为上年的百分之几).
    OfLastYear,
}

/// A computation the question asks for.
#[derive(Debug, Clone)]
pub enum Compute {
    None,
    /// 收支差额 = 收入 − 支出.
    Balance,
    /// The sum of two stated amounts: A和B一共, A与B合计.
    Sum(Box<(Question, Question)>),
    /// The sum of three or more items listed: 教育、卫生、城乡社区这三项支出加起来.
    SumOf(Vec<Question>),
    /// The gap between two stated amounts: A比B多/少多少, X距离Y还差多少, A减去B.
    /// The second side is read with the first's metric when it names only a
    /// phase, a year or a level (决算比调整预算多了多少, 支出比收入多多少).
    Difference(Box<(Question, Question)>),
}

/// A question as understood.
#[derive(Debug, Clone)]
pub struct Question {
    pub text: String,
    /// The text as read: simplified, half-width, English terms in Chinese (璧山區 → 璧山区).
    pub plain: String,
    /// Report regions named (as stored in reports).
    pub regions: Vec<String>,
    /// The words that named them (西工区, xigong).
    pub region_key: Option<String>,
    /// An English word the glossary does not know (its meaning would be lost).
    pub untranslated: Option<String>,
    /// A place named that no report covers.
    pub unknown_region: Option<String>,
    pub year: Option<u16>,
    pub phases: Vec<Phase>,
    pub want: Option<ValueKind>,
    pub relation: Relation,
    pub compute: Compute,
    /// The question speaks of a plan (拟, 计划, 申请, 争取, 安排): planned figures may answer.
    pub planned: bool,
    /// What is left once region, year, cues and question words are removed.
    pub content: String,
    /// The part of the year asked about (上半年, 1-9月), if any.
    pub period: Option<Period>,
    /// What the asker says the figure is not (（不是税收总收入）): no fact so named answers.
    pub excluded: Vec<String>,
    /// The phase of the figure a change is measured from (比上年执行数增长, 与2024年年初预算相比).
    pub base: Option<Phase>,
}

/// The patterns of literal alternatives are compiled without a prefilter
/// (most of their compiling, of no use over one short question).
struct Patterns {
    year: Regex,
    question_words: OneShotRegex,
    budget_names: OneShotRegex,
    share: OneShotRegex,
    in_respect: Regex,
}

/// A place a question names that no report covers (read only when no stored region is found).
fn unknown_place() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"^(?:截至|截止)?(\p{Han}{2,8}?(?:省|市|区|县|旗|州))").expect("valid regex"))
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("valid regex");
        let one_shot = |s: &str| OneShotRegex::new(s).expect("valid regex");
        Patterns {
            year: re(r"((?:19|20)\d{2})(?:年(?:度|底|末|全年)?)?"),
            question_words: one_shot(
                r"(?:是|有|为)?多少钱|(?:是|有|为)?多少(?:万亿元|亿元|万元|千元|元)|幅度|完成情况|执行情况|情况|(?:万亿元|亿元|万元)(?:是|为)?$|百分之多少|百分比|是多少|有多少|为多少|多少钱|多少个|多少家|多少项|多少人|多少次|多少件|多少|是几|几倍|几个|百分之几|几|是什么|什么|请问|一下|呢|吗|[?？。，,！!]|what|was|were|is|the|of|in|at|how|much|did|does|district|county|city|'s",
            ),
            // 占比, 比重, 占…的比例; not 耕地占用税.
            share: one_shot(r"占比|比重|比例|占[^用地有]\p{Han}*?的|占(?:百分|多少|几成)"),
            // 在教育方面的支出 → 教育的支出.
            in_respect: re(r"在(\p{Han}{2,12}?)(?:方面|上)"),
            budget_names: one_shot(
                r"一般公共预算|公共预算|政府性基金预算|基金预算|国有资本经营预算|经营预算|社会保险基金预算|预算稳定调节基金|预算草案",
            ),
        }
    })
}

/// Phase cue words and the phases they ask for.
const PHASE_CUES: &[(&str, Phase)] = &[
    ("年初预算", Phase::Initial),
    ("年初", Phase::Initial),
    // 原预算数（调整前）: the budget before it was adjusted.
    ("调整前", Phase::Initial),
    ("原预算", Phase::Initial),
    ("人大批准", Phase::Initial),
    ("人代会", Phase::Initial),
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
    // 完成年预算的百分之几 (not 上年预算).
    ("完成年预算", Phase::Initial),
    ("为年预算", Phase::Initial),
    ("预期", Phase::Draft),
    ("预期", Phase::Initial),
    // 收入计划安排多少 (not 营养改善计划覆盖了多少所学校).
    ("计划安排", Phase::Draft),
    ("计划安排", Phase::Initial),
    ("计划多少", Phase::Draft),
    ("计划多少", Phase::Initial),
    ("安排", Phase::Draft),
    ("安排", Phase::Initial),
    ("安排", Phase::Adjusted),
    // …or what was allocated in the year (新增专项债券安排了5个项目).
    ("安排", Phase::Actual),
];

/// Words removed from the content once read as cues (space separated).
const CUE_WORDS: &str = "安排数 负增长 压减了 压减 人代会批准的 人代会批准 人代会预算数 人代会 为上年 是上年 相当于上年 为去年 是去年 相当于去年 原预算数 年初预算 人大批准的 人大批准 批准的 调整预算 调整后 实际完成后 完成后 实际完成 完成年预算 为年预算 预期目标 预期 计划安排 计划多少 增收 减收 多收 少收 短收 预计完成 预计 决算数 决算 草案 同比 比上年末 较上年末 比上年底 较上年底 比上年 较上年 增长了 增长 下降了 下降 减少了 减少 增加了 增加 调增了 调增 调减了 调减 提高了 提高 上升了 上升 降低了 降低 增减额 调整额 调整金额 调整了 增幅 降幅 百分之几 百分比 比重 占比 几倍 倍 实际 完成 全区 全县 全市 全旗 区级 截至 截止 年底 年末 底 是 的 了 共计 一共 上半年 下半年 全年 累计";

/// Words asking for a level as a share of last year's (是上年的百分之几, 为上年%).
const OF_LAST_YEAR_WORDS: &[&str] = &["为上年", "是上年的", "相当于上年", "为去年", "是去年的", "相当于去年"];

/// Cue words that name a rate, kept as content when a change in points is asked.
const RATE_NAMES: &[&str] = &["增幅", "降幅", "比重", "占比"];

/// Known regions: (stored region, keys, pinyin, the names of the levels above it).
pub struct RegionIndex {
    entries: Vec<KnownRegion>,
    /// When set, gives (sorted) every stored region with a form in a text, and
    /// the entries are built per text for those alone.
    lookup: Option<RegionLookup>,
}

/// Gives the stored regions that may be named in a text.
type RegionLookup = Box<dyn Fn(&str) -> Vec<String> + Send + Sync>;

/// A stored region with the forms that name it.
struct KnownRegion {
    region: String,
    keys: Vec<String>,
    pinyin: Vec<String>,
    parents: Vec<String>,
}

impl RegionIndex {
    pub fn new<'a>(regions: impl Iterator<Item = &'a str>) -> RegionIndex {
        let mut entries: Vec<KnownRegion> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for r in regions {
            if r.is_empty() || !seen.insert(r) {
                continue;
            }
            // 武汉, 武汉市, wuhan for 湖北省武汉市武昌区: they qualify the region
            // (Wuchang District, Wuhan) but never name it on their own.
            let levels = region::levels(r);
            let mut parents: Vec<String> = Vec::new();
            for level in levels.iter().take(levels.len().saturating_sub(1)) {
                parents.push(level.clone());
                parents.extend(region::base_name(level));
                parents.extend(
                    region::base_name(level)
                        .map(|b| region::pinyin_readings(&b))
                        .unwrap_or_default(),
                );
            }
            parents.sort_by_key(|k| std::cmp::Reverse(k.len()));
            entries.push(KnownRegion {
                region: r.to_string(),
                keys: region::keys(r),
                pinyin: region::pinyin_keys(r),
                parents,
            });
        }
        RegionIndex { entries, lookup: None }
    }

    /// Regions found through `lookup`, which gives (sorted) every stored
    /// region whose key or pinyin occurs in a text: the same regions are found
    /// as by [`RegionIndex::new`] of all of them, without reading them all.
    pub fn with_lookup(lookup: impl Fn(&str) -> Vec<String> + Send + Sync + 'static) -> RegionIndex {
        RegionIndex {
            entries: Vec::new(),
            lookup: Some(Box::new(lookup)),
        }
    }

    /// The stored regions the text names, the key that named them, and every key
    /// to remove from the text. When a region and a place inside it are both
    /// named (Yuexiu District, Guangzhou; 广州市越秀区), the inner one is meant.
    fn find(&self, text: &str) -> Option<(Vec<String>, String, Vec<String>)> {
        let looked_up = self
            .lookup
            .as_ref()
            .map(|l| RegionIndex::new(l(text).iter().map(String::as_str)).entries);
        let entries = looked_up.as_ref().unwrap_or(&self.entries);
        let lower = text.to_lowercase();
        let pinyin_found = |p: &str| word_at(&lower, p).is_some();
        // A parent's name (武汉, wuhan) stands in the text.
        let in_text = |p: &String| {
            if p.is_ascii() {
                pinyin_found(p)
            } else {
                p.chars().count() >= 2 && text.contains(p.as_str())
            }
        };
        // Each region named, with the longest of its keys found.
        let mut found: Vec<(&str, String)> = Vec::new();
        for KnownRegion {
            region, keys, pinyin, ..
        } in entries
        {
            let mut best: Option<&String> = keys
                .iter()
                .filter(|k| k.chars().count() >= 2 && text.contains(k.as_str()))
                .max_by_key(|k| k.len());
            if let Some(p) = pinyin.iter().filter(|p| pinyin_found(p)).max_by_key(|p| p.len()) {
                if best.is_none_or(|b| p.len() > b.len()) {
                    best = Some(p);
                }
            }
            if let Some(key) = best {
                found.push((region.as_str(), key.clone()));
            }
        }
        let inner: Vec<&(&str, String)> = found
            .iter()
            .filter(|(r, _)| !found.iter().any(|(o, _)| o != r && o.starts_with(r)))
            .collect();
        let key = inner.iter().map(|(_, k)| k).max_by_key(|k| k.len())?.clone();
        let named = |keys: &Vec<String>, pinyin: &Vec<String>| keys.contains(&key) || pinyin.contains(&key);
        let parent_named = |parents: &Vec<String>| parents.iter().any(in_text);
        let mut regions: Vec<String> = Vec::new();
        let mut remove: Vec<String> = Vec::new();
        let candidates: Vec<_> = entries.iter().filter(|e| named(&e.keys, &e.pinyin)).collect();
        // 朝阳区 in Beijing or Changchun: the one whose city the question names, if any.
        let qualified: Vec<_> = candidates.iter().filter(|e| parent_named(&e.parents)).collect();
        let chosen: Vec<_> = if qualified.is_empty() {
            candidates.iter().collect()
        } else {
            qualified
        };
        for KnownRegion { region: r, parents, .. } in chosen {
            regions.push(r.clone());
            // (a parent written inside the key goes with it: 白山 of 白山桦岭县 is not the
            // 白山 of 长白山旅游集散中心 later on)
            remove.extend(
                parents
                    .iter()
                    .filter(|p| in_text(p) && !key.contains(p.as_str()))
                    .cloned(),
            );
        }
        remove.extend(
            found
                .iter()
                .filter(|(r, _)| regions.iter().any(|chosen| chosen.starts_with(r)))
                .map(|(_, k)| k.clone()),
        );
        remove.sort_by_key(|k| std::cmp::Reverse(k.len()));
        remove.dedup();
        Some((regions, key, remove))
    }
}

fn table_reference() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\p{Han}{0,20}?[^代\s]表(?:里|中|内|上)").expect("valid regex"))
}

/// Words after which a second amount is compared: A比B多/少(了)多少.
const COMPARE_VERBS: &str =
    "多出|多收|多支出|多花|多|少收|短收|少支出|少花|少|超收|超支|超出|超|高出|高|低|增减额为|增减额是|增减额|增减|增加|减少|调增|调减|节约|差";

/// The budgets a figure may belong to, as named in questions.
const BUDGETS: [&str; 4] = ["一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"];

/// The two sides of a comparison of amounts, each read as a question of its
/// own: A比B多多少 → (A, B); X距离Y还差多少 → (Y, X); A减去B → (A, B).
/// Rewrites comparisons a report states as relations: 跟2022年相比减少 is 同比减少,
/// and 为调整预算的 asks for a completion rate (完成调整预算的).
/// Words asking for revenue less expenditure (收支差额, 社保基金收支相抵结余, 当年收支结余).
pub const BALANCE_WORDS: &[&str] = &["差额", "收支缺口", "收支相抵", "收支结余", "当年结余"];

/// A parenthesised Chinese term of up to five characters in an English question.
fn short_gloss() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[（(]\p{Han}{1,5}[)）]").expect("valid regex"))
}

/// A clause saying how a figure is to be estimated (按2022年减收数推算, 根据增速推算).
fn estimate_clause() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[（(]?(?:根据|按照|按|由|用)?[^，,。？?（）()\s]{0,16}?(?:推算|估算)[出得]?[）)]?[，,]?")
            .expect("valid regex")
    })
}

/// How a growth rate is counted (扣除留抵退税因素后, 按同口径算): read from the
/// question's text by ranking (`rank::caliber`), no part of what is asked.
fn caliber_clause() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"[（(]?(?:扣除|剔除|除去|去除|刨除|排除)[^，,。？?（）()\s]{1,14}?(?:因素|影响)(?:以后|之后|后)?[）)]?[，,]?|(?:扣除|剔除|除去|去除|刨除|排除)留抵退税(?:以后|之后|后)?[，,]?|(?:按|以|按照)?(?:同口径|可比口径|自然口径)(?:计算|来算|算|来看|看)?的?",
        )
        .expect("valid regex")
    })
}

fn stated_comparisons(rest: &str) -> String {
    static P: OnceLock<[Regex; 2]> = OnceLock::new();
    let [with_year, of_plan] = P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("valid regex");
        [
            re(r"(?:跟|和|与|同)(?:19|20)\d{2}年(?:相比|比)"),
            re(r"为((?:年初|调整|年度|全年)?预算)"),
        ]
    });
    let rest = with_year.replace_all(rest, "同比");
    of_plan.replace_all(&rest, "完成$1").into_owned()
}

/// A government's own level, as a part of its region (市级以外的部分).
const LEVEL_WORDS: &[&str] = &[
    "市级",
    "县级",
    "区级",
    "旗级",
    "本级",
    "市本级",
    "县本级",
    "区本级",
    "旗本级",
];

fn difference(rest: &str, regions: &RegionIndex) -> Option<(Question, Question)> {
    static P: OnceLock<[Regex; 7]> = OnceLock::new();
    let [than, distance, minus, apart, unspent, besides_of, besides] = P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("valid regex");
        [
            re(&format!(
                r"^(.+?)(?:比|较|相比|与)(.+?)(?:{COMPARE_VERBS})了?(?:多少|几)"
            )),
            re(r"^(.+?)(?:距离|离|距)(.+?)(?:还差|还有|还剩|还|差)"),
            re(r"^(.+?)减去?(.+?)(?:后|还有|还剩|剩下|剩余|还(?:差|剩)?多少|是|等于|$)"),
            // 调整预算和实际完成差了多少: how far apart two stated figures are.
            re(r"^(.+?)(?:和|与|跟|同)(.+?)(?:之间)?(?:相差|差了|差距|差)(?:多少|几)"),
            // 调整预算还剩多少没有支出: the budget less what was done.
            // (还剩 reads 余额 once synonyms are folded.)
            // (还有多少 reads 还多少 once 有 before a question word is dropped)
            re(r"^(.+?)(?:还剩下?|还有|还|剩下|剩余|余额)(?:多少)?(?:预算|资金|钱)?(?:没有?|未)(支出|花|执行|使用|动用|用|完成)"),
            // 收入中税收以外的部分: the whole less the part named.
            re(r"^(.+?)(?:当中|中|里)(.+?)(?:以外|之外)的?"),
            // 除市级以外各县区一般公共预算收入合计: the same.
            re(r"^(.*?)除(?:了|去)?(.+?)(?:以外|之外|外)的?(.+?)(?:合计|一共|总共|共计|加起来|是多少|有多少|为多少|多少|$)"),
        ]
    });
    // Changes on last year are stated relations, not computations.
    if [
        "比上年",
        "比去年",
        "较上年",
        "较去年",
        "同期",
        "同比",
        "比重",
        "比例",
        "上年末",
        "上年底",
    ]
    .iter()
    .any(|w| rest.contains(w))
    {
        return None;
    }
    let (a, b) = if let Some(c) = than.captures(rest) {
        (c[1].to_string(), c[2].to_string())
    } else if let Some(c) = distance.captures(rest) {
        (c[2].to_string(), c[1].to_string())
    } else if let Some(c) = minus
        .captures(rest)
        // 减少, 减收 and 调减 are changes, not subtraction.
        .filter(|_| {
            ![
                "减少", "减收", "减支", "减幅", "调减", "追减", "审减", "压减", "核减", "削减", "缩减", "递减", "增减",
            ]
            .iter()
            .any(|w| rest.contains(w))
        })
    {
        (c[1].to_string(), c[2].to_string())
    } else if let Some(c) = apart.captures(rest) {
        (c[1].to_string(), c[2].to_string())
    } else if let Some((whole, part)) = besides_of
        .captures(rest)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .or_else(|| {
            besides.captures(rest).map(|c| {
                // (各县区, 其他: the rest of the whole, which the difference is)
                let whole = format!("{}{}", &c[1], &c[3]);
                let whole = ["各县区", "各县（区）", "各县(区)", "其他", "其它", "其余", "各"]
                    .iter()
                    .fold(whole, |w, filler| w.replace(filler, ""));
                (whole, c[2].to_string())
            })
        })
    {
        // 市级以外: the level's own figure of the same item (本级…), and the whole's (全市…).
        let level = part.trim();
        if LEVEL_WORDS.contains(&level) {
            let whole_word = level.chars().next().filter(|c| *c != '本').map(|c| format!("全{c}"));
            (
                format!("{}{}", whole_word.unwrap_or_default(), whole.trim()),
                format!("本级{}", whole.trim()),
            )
        } else {
            (whole, part)
        }
    } else if let Some(c) = unspent.captures(rest) {
        // (the second side is the same figure, done)
        let (mut qa, mut qb) = sides(&c[1], &c[1], regions)?;
        // (预备费还有多少没动用: the first side is what was budgeted)
        if qa.phases.is_empty() {
            qa.phases = vec![Phase::Adjusted, Phase::Initial];
        }
        qb.phases = vec![Phase::Actual];
        // (预备费动用4320万元: the use is named by its verb)
        if let Some(verb) = c.get(2).map(|m| m.as_str()).filter(|v| ["动用", "使用"].contains(v)) {
            qb.content.push_str(verb);
        }
        return Some((qa, qb));
    } else if let Some(stem) = rest
        .find("限额")
        .filter(|_| rest.contains("空间") && !rest.contains("余额"))
        .map(|at| &rest[..at])
    {
        // 债务限额还剩多少空间: the room left under the limit, the limit less the balance.
        (format!("{stem}限额"), format!("{stem}余额"))
    } else {
        return None;
    };
    // 政府债务离限额还有多少空间: a debt set against its limit is its balance.
    let balance_of = |debt: &str, other: &str| {
        let named = debt.trim_end_matches(['的', ' ']);
        (other.trim_end().ends_with("限额") && named.ends_with("债务")).then(|| format!("{named}余额"))
    };
    let (a, b) = match (balance_of(&a, &b), balance_of(&b, &a)) {
        (Some(balance), _) => (balance, b),
        (_, Some(balance)) => (a, balance),
        _ => (a, b),
    };
    sides(&a, &b, regions)
}

/// `在X中(所占)的比重`: a part's share of the whole X.
fn share_within() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"在(?P<whole>[^，。？?在]{2,24}?)中(?:所占)?的?(?P<share>比重|占比|比例)").expect("valid regex")
    })
}

/// The two parts of a sum the question names: 一般债务还本和付息加起来 →
/// (一般债务还本, 一般债务付息); 新增一般债券和专项债券一共 → (新增一般债券, 新增专项债券).
fn sum(rest: &str, regions: &RegionIndex) -> Option<(Question, Question)> {
    static P: OnceLock<Regex> = OnceLock::new();
    let both = P.get_or_init(|| {
        Regex::new(r"^(.+?)(?:和|与|及|以及|加上|加)(.+?)(?:一共|合计|加起来|总共|共计|之和|总和|合起来|加在一起)")
            .expect("valid regex")
    });
    let c = both.captures(rest)?;
    let mut a = c[1].to_string();
    let mut b = c[2].to_string();
    // 从A和B一共调入…: sources, each joined to the verb said once after the sum.
    if a.trim_start().starts_with('从') {
        let tail = &rest[c.get(0).map_or(rest.len(), |m| m.end())..];
        let verb: String = tail.chars().take(2).collect();
        if verb.chars().count() == 2 && verb.chars().all(crate::text::is_han) && !verb.contains(['多', '几']) {
            a.push_str(&verb);
            b = format!("从{}{verb}", b.trim_start_matches('从'));
        }
    }
    // The second part borrows what the first says before its own line item.
    let items = crate::lexicon::line_items(&a);
    let b_items = crate::lexicon::line_items(&b);
    if let (Some(last), Some(first)) = (items.last(), b_items.first()) {
        if b.trim_start().starts_with(first) {
            if let Some(at) = a.rfind(last) {
                let prefix = patterns().year.replace_all(&a[..at], "");
                let prefix = prefix.trim_start_matches(|c: char| !crate::text::is_han(c));
                b = format!("{prefix}{}", b.trim_start());
            }
        }
    }
    let (qa, qb) = sides(&a, &b, regions)?;
    (!qb.content.is_empty()).then_some((qa, qb))
}

/// The items of a sum of three or more (社会保障和就业、教育、卫生这三块支出加起来一共):
/// split at 、 only (和 joins words inside a name), each completed with the head
/// word the list ends with (支出).
fn listed_sum(rest: &str, regions: &RegionIndex) -> Option<Vec<Question>> {
    // (three items need two 、; no regex is compiled for other questions)
    if rest.matches('、').count() < 2 {
        return None;
    }
    static P: OnceLock<Regex> = OnceLock::new();
    let list = P.get_or_init(|| {
        Regex::new(
            r"^(?P<items>[^，,。]+?、[^，,。]+?)(?:这|等)?(?:[两二三四五六七八九十\d]+)?(?:项|块|个|类|部分)?(?P<head>收入|支出|经费|资金)?(?:加起来|加在一起|合计|一共|总共|共计|之和|总和|合起来)",
        )
        .expect("valid regex")
    });
    let c = list.captures(rest)?;
    let head = c.name("head").map_or("", |h| h.as_str());
    let names: Vec<&str> = c["items"]
        .split('、')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.len() < 3 {
        return None;
    }
    names
        .into_iter()
        .map(|name| {
            let name = if !head.is_empty() && !name.ends_with(head) {
                format!("{name}{head}")
            } else {
                name.to_string()
            };
            let q = parse(&name, regions);
            (!q.content.is_empty()).then_some(q)
        })
        .collect()
}

/// Each side of a computation read as a question of its own, a side that names
/// only a head word, a phase or a level completed from the other.
fn sides(a: &str, b: &str, regions: &RegionIndex) -> Option<(Question, Question)> {
    let mut qa = parse(a, regions);
    let mut qb = parse(b, regions);
    // 收入距离年初预算还差多少: the first side (the plan) named by a phase alone.
    if qa.content.is_empty() && !qa.phases.is_empty() {
        qa.content = qb.content.clone();
    }
    if qa.content.is_empty() {
        return None;
    }
    const HEADS: [&str; 5] = ["收入", "支出", "余额", "限额", "预算"];
    if HEADS.contains(&qa.content.as_str()) && !HEADS.contains(&qb.content.as_str()) {
        // 余额离限额还有多少: the limit of the same debt.
        if let Some(stem) = HEADS.iter().find_map(|h| qb.content.strip_suffix(h)) {
            qa.content = format!("{stem}{}", qa.content);
        }
    }
    if qb.content.is_empty() {
        qb.content = qa.content.clone();
    } else if HEADS.contains(&qb.content.as_str()) {
        // 支出比收入: the first side's name with the second's head word.
        let stem = HEADS
            .iter()
            .find_map(|h| qa.content.strip_suffix(h))
            .unwrap_or(&qa.content);
        qb.content = format!("{stem}{}", qb.content);
    } else if let Some(budget) = BUDGETS
        .iter()
        .find(|b| qa.content.contains(*b) && !qb.content.contains(*b))
    {
        // 政府性基金本级支出比本级收入: the second side is of the same budget.
        if crate::extract::context::is_scope(&qb.content) {
            qb.content = format!("{}{}", qb.content, qa.content);
        } else if !BUDGETS.iter().any(|b| qb.content.contains(b)) {
            qb.content = format!("{budget}{}", qb.content);
        }
    } else if crate::extract::context::is_scope(&qb.content) {
        // 全区比区本级: the same figure of a part of the region.
        qb.content = format!("{}{}", qb.content, qa.content);
    }
    Some((qa, qb))
}

/// Removes `key` from `text` once: a pinyin key only as a whole word, ignoring case.
fn replace_word(text: &str, key: &str) -> String {
    if !key.is_ascii() {
        return text.replacen(key, " ", 1);
    }
    let lower = text.to_lowercase();
    match word_at(&lower, key) {
        // Lowercasing keeps byte offsets of ASCII text; a non-ASCII case change would not.
        Some(i) if lower.len() == text.len() => format!("{} {}", &text[..i], &text[i + key.len()..]),
        _ => text.to_string(),
    }
}

/// Where `word` stands in `lower` as a whole English word (xigong, not xigongqu).
fn word_at(lower: &str, word: &str) -> Option<usize> {
    lower.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = lower[..i].chars().next_back().is_none_or(|c| !c.is_ascii_alphabetic());
        let after = lower[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphabetic());
        before && after
    })
}

/// Pinyin written with a syllable mark (Jian'an, Xi’an) as one word (jianan);
/// English words joined by a hyphen or dash (land-use, first-half,
/// January–September) as two.
fn join_syllables(text: &str) -> String {
    let text = split_hyphens(text);
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            let mark = matches!(c, '\'' | '’');
            let between = i > 0
                && chars[i - 1].is_ascii_alphabetic()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
            // County's stays a possessive.
            let possessive =
                chars.get(i + 1) == Some(&'s') && chars.get(i + 2).is_none_or(|n| !n.is_ascii_alphabetic());
            !(mark && between && !possessive)
        })
        .map(|(_, c)| *c)
        .collect()
}

fn split_hyphens(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let joins = matches!(c, '-' | '–' | '—')
                && i > 0
                && chars[i - 1].is_ascii_alphabetic()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
            if joins {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// 23年 and 22年度 as people say them are 2023年 and 2022年度; not 10年期 (a bond's
/// term), 近5年 or 第10年.
fn short_years(text: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(^|[^\d.第近满前后共])([0-3]\d)年([^期内以来]|$)").expect("valid regex"));
    re.replace_all(text, "${1}20${2}年${3}").into_owned()
}

/// Cities and counties whose English name is no pinyin (Golmud, Hohhot) written as the
/// places they are, so they are found like a Chinese name. Provinces stay: they only
/// qualify the place asked about.
fn english_places(text: &str) -> String {
    let mut out = text.to_string();
    for (word, name) in crate::gazetteer::english_names() {
        if name.ends_with('省') || name.ends_with("自治区") {
            continue;
        }
        let mut from = 0;
        while let Some(i) = out[from..].find(word).map(|i| i + from) {
            let end = i + word.len();
            let bounded = !out[..i].ends_with(|c: char| c.is_ascii_alphabetic())
                && !out[end..].starts_with(|c: char| c.is_ascii_alphabetic());
            if bounded {
                out.replace_range(i..end, name);
                from = i + name.len();
            } else {
                from = end;
            }
        }
    }
    out
}

/// `Qu County`, `Mian County`: a place whose name is one character is known by its
/// whole name in pinyin (渠县 → quxian), which the archive's index is asked for.
fn one_syllable_places(text: &str, regions: &RegionIndex) -> String {
    static P: OnceLock<Regex> = OnceLock::new();
    let re = P.get_or_init(|| Regex::new(r"\b([a-z]{1,6}) (county|district|city|banner)\b").expect("valid regex"));
    if !re.is_match(text) {
        return text.to_string();
    }
    re.replace_all(text, |c: &regex::Captures| {
        let suffix = match &c[2] {
            "county" => "xian",
            "district" => "qu",
            "city" => "shi",
            _ => "qi",
        };
        let whole = format!("{}{suffix}", &c[1]);
        if regions.find(&whole).is_some() {
            whole
        } else {
            c[0].to_string()
        }
    })
    .into_owned()
}

/// A whole and the item asked within it (三公经费中公务接待费, 国有资本经营预算里上级补助收入).
pub fn container_split(content: &str) -> Option<(&str, &str)> {
    ["当中", "之中", "里面", "中的", "里的", "中", "里"]
        .iter()
        .find_map(|w| {
            content
                .rsplit_once(w)
                // (中央, 中心, 中小学, 中长期 are words, not 中 = within)
                .filter(|(c, p)| {
                    c.chars().count() >= 2
                        && p.chars().count() >= 2
                        && !p.starts_with(['央', '心', '小', '长', '学', '等', '期'])
                        // (初中, 高中, 集中, 其中 are words too)
                        && !c.ends_with(['初', '高', '集', '其', '居', '适', '空'])
                })
        })
}

/// The item a content names after a budget's full name (国有资本经营预算上级补助收入 →
/// 上级补助收入), when it is more than the budget's own flow (一般公共预算本级收入 is none).
pub fn budget_item(content: &str) -> Option<&str> {
    const BUDGETS: [&str; 4] = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"];
    const GENERIC: [&str; 14] = [
        "收入", "支出", "本级", "总计", "合计", "总", "的", "数", "安排", "预算", "完成", "执行", "调整", "决算",
    ];
    let item = BUDGETS
        .iter()
        .find_map(|b| content.strip_prefix(b))?
        .trim_start_matches('的');
    let mut left = item.to_string();
    for w in GENERIC {
        left = left.replace(w, "");
    }
    // (only a name: 收入比2021年 or 支出增长 is the budget's flow in a comparison)
    let name_only = item.chars().all(crate::text::is_han)
        && !["收入", "支出", "本级", "总"].iter().any(|w| item.starts_with(w))
        && !left.contains(['比', '较', '增', '减', '降', '占', '为', '完', '调']);
    (name_only && left.chars().filter(|c| crate::text::is_han(*c)).count() >= 2).then_some(item)
}

/// Reads a question.
pub fn parse(raw: &str, regions: &RegionIndex) -> Question {
    let p = patterns();
    let mut text = short_years(&normalize_query(raw.trim()));
    let mut item_glosses: Vec<String> = Vec::new();
    if text.chars().any(|c| c.is_ascii_alphabetic()) {
        // remittance to higher-level government (上解支出): a short Chinese gloss repeats
        // the term the glossary translates; a long one (a project's name) is kept.
        let letters = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let han = text.chars().filter(|c| crate::text::is_han(*c)).count();
        if letters > 2 * han {
            // (an item's gloss is kept aside: it names the figure when the English cannot)
            item_glosses = short_gloss()
                .find_iter(&text)
                .map(|m| m.as_str().trim_matches(['（', '(', ')', '）']).to_string())
                .filter(|g| !crate::region::has_suffix(g) && crate::gazetteer::find_in_text(g).is_empty())
                .collect();
            text = short_gloss().replace_all(&text, " ").into_owned();
        }
        let lower = one_syllable_places(&join_syllables(&text.to_lowercase()), regions);
        text = glossary::translate(&english_places(&lower));
    }
    let text = canonical(&text);
    let mut rest = text.clone();
    // （不是税收总收入）: read once, then no content.
    let mut excluded = Vec::new();
    if rest.contains(['（', '(']) {
        excluded = not_remark()
            .captures_iter(&rest)
            .map(|c| c["not"].trim_end_matches(['的', '数']).to_string())
            .collect();
        rest = not_remark().replace_all(&rest, " ").into_owned();
        // （含上划）, （包括…）: what the figure takes in is no name of it; nor is how to
        // work it out (（收入减支出）, （按问题个数）).
        rest = including_remark().replace_all(&rest, " ").into_owned();
    }

    let mut region_key = None;
    let (found_regions, unknown_region) = match regions.find(&rest) {
        Some((found, key, remove)) => {
            for k in &remove {
                rest = replace_word(&rest, k);
            }
            region_key = Some(key);
            (found, None)
        }
        None => {
            // A place the gazetteer knows (长安区, 南京玄武区, Yanta District) that no
            // report covers is refused by name, never answered from elsewhere.
            let known = crate::gazetteer::find_in_text(&rest)
                .into_iter()
                .next()
                .map(|(range, _)| rest[range].to_string())
                .or_else(|| {
                    rest.split(|c: char| !c.is_ascii_alphabetic())
                        .filter(|w| w.len() >= 3 && !glossary::is_filler(w))
                        .find_map(|w| crate::gazetteer::from_pinyin(w).first().map(|p| p.name.clone()))
                });
            let unknown = known.or_else(|| {
                unknown_place()
                    .captures(p.year.replace_all(&rest, "").trim_start())
                    .and_then(|c| c.get(1).map(|m| m.as_str().to_string()))
                    .filter(|name| !region::is_generic(name) && region::has_suffix(name))
            });
            (Vec::new(), unknown)
        }
    };

    // 绥化安河县: a region stored without its parents (安河县) leaves the parents the
    // question names; they are places, not content.
    if !found_regions.is_empty() && found_regions.iter().all(|r| !r.contains(['省', '市', '州', '盟'])) {
        let named = crate::gazetteer::find_in_text(&rest);
        for (range, _) in named.into_iter().rev() {
            rest.replace_range(range, " ");
        }
    }
    // 遂宁市级: the level word left after the region's name names the government's own level.
    if let Some(after) = rest.trim_start().strip_prefix('级') {
        rest = format!(" 本级{after}");
    }
    // 预算调整汇总表中…, 一般债务余额情况表里…: where the figure is printed is no content.
    if rest.contains('表') {
        rest = table_reference().replace_all(&rest, " ").into_owned();
    }
    // 我在写一篇关于各区财政的文章，想知道…: what the asker says before the question
    // itself (the place and year were read from the whole).
    if let Some(asked) = crate::lexicon::after_chatter(&rest) {
        rest = asked.to_string();
    }
    // 新增债一分没发？2024年1-6月新增债券发行额是多少: the last question asked is the
    // one to answer (the place and year were read from the whole).
    let names_item = |part: &str| {
        [
            "收", "支", "债", "税", "费", "预算", "决算", "资金", "基金", "审计", "余额", "限额",
        ]
        .iter()
        .any(|w| part.contains(w))
    };
    // (a year said only in the part left out still holds)
    let with_year = |dropped: &str, kept: &str| match p.year.find(dropped).filter(|_| !p.year.is_match(kept)) {
        Some(y) => format!("{} {kept}", y.as_str()),
        None => kept.to_string(),
    };
    if let Some((first, last)) = rest.trim_end_matches(['？', '?', ' ']).rsplit_once(['？', '?']) {
        // (a bracketed remark after the question, （2024年部门预算）, is no second question)
        let remark = last.trim().starts_with(['（', '(']) && last.trim().ends_with(['）', ')']);
        if names_item(last) && !remark {
            rest = with_year(first, last);
        }
    }
    // 梁溪区的钱袋子：2023年卖地…: a hook before a colon that names no budget item.
    if let Some((hook, asked)) = rest.split_once(['：', ':']) {
        if !names_item(hook) && asked.chars().filter(|c| crate::text::is_han(*c)).count() >= 4 {
            rest = with_year(hook, asked);
        }
    }
    // 下半年还需要收多少才能完成年度预算: the plan less what is done (read before the
    // part of the year, which here names what is left, not the figure asked).
    if let Some(shortfall) = crate::lexicon::shortfall(&rest) {
        rest = shortfall;
    }
    // 1至7月, 前三季度: the part of the year is read once, then is no content.
    let period = Period::find(&rest);
    rest = Period::strip(&rest);
    // 用在某项目上: the reports say 用于 (lexicon `question_rewrites.tsv`).
    rest = crate::lexicon::rewrite_question(&rest);
    // 税收收入在一般公共预算收入中的比重: the share of a part, said with 在…中.
    rest = share_within().replace_all(&rest, "占${whole}的${share}").into_owned();
    // 项目有多少个: 有 before a question word is no content (国有 stays).
    rest = rest.replace("有多少", "多少").replace("有几", "几");
    rest = stated_comparisons(&rest);
    if ["扣除", "剔除", "除去", "去除", "刨除", "排除", "口径"]
        .iter()
        .any(|w| rest.contains(w))
    {
        rest = caliber_clause().replace_all(&rest, " ").into_owned();
    }
    // （按2022年减收数推算）, 根据增速推算: how to estimate is no content.
    // (compiled only for a question that asks for an estimate: one-shot asks pay for each regex)
    if rest.contains("推算") || rest.contains("估算") {
        rest = estimate_clause().replace_all(&rest, " ").into_owned();
    }
    // Anhe County (Suihua, Heilongjiang): the parents of the place found, in pinyin,
    // add nothing; a place that is not among them stays untranslated.
    let mut untranslated = glossary::untranslated(&rest);
    while let Some(word) = untranslated.clone() {
        let places = crate::gazetteer::from_pinyin(&word);
        // A region stored without its parents (安河县) cannot contradict them.
        let orphan = !found_regions.is_empty() && found_regions.iter().all(|r| !r.contains(['省', '市', '州', '盟']));
        let parent = !places.is_empty()
            && (orphan
                || places.iter().any(|place| {
                    let short = region::short_name(&place.name);
                    found_regions
                        .iter()
                        .any(|r| r.contains(&place.name) || (short.chars().count() >= 2 && r.contains(&short)))
                }));
        if !parent {
            break;
        }
        rest = rest.replacen(&word, " ", 1);
        untranslated = glossary::untranslated(&rest);
    }
    // How much did Haishu District remit upward (上解支出): an English word the glossary
    // lacks, beside the asker's own Chinese name for the item, which then names it.
    if untranslated.is_some() && !item_glosses.is_empty() {
        untranslated = None;
        rest = format!("{rest} {}", item_glosses.join(" "));
    }
    // 比2025年执行数增长多少: the base of the change, read once; its year and phase are
    // not the figure's.
    // (比2023年执行数多多少 is a difference of two figures, read as such below)
    let mut base = None;
    let rate_asked = matches!(
        crate::lexicon::wanted_kind(&rest),
        Some(ValueKind::Percent | ValueKind::Points)
    ) || ["增幅", "增速", "增长率", "降幅", "%", "百分", "几成"]
        .iter()
        .any(|w| rest.contains(w))
        // (增长多少 with no money named: reports state those changes as rates)
        || (["增长", "下降"].iter().any(|w| rest.contains(w)) && !rest.contains('元'));
    if rate_asked && rest.contains(['比', '较', '与', '同']) {
        if let Some(c) = comparison_base().captures(&rest) {
            base = PHASE_CUES
                .iter()
                .chain(&[("预算", Phase::Initial), ("执行", Phase::Actual)])
                .find(|(cue, _)| c["phase"].starts_with(cue))
                .map(|(_, phase)| *phase);
            if base.is_some() {
                rest = comparison_base().replace(&rest, " 比上年 ").into_owned();
            }
        }
    }
    let mut year = None;
    if let Some(c) = p.year.captures(&rest) {
        year = c[1].parse().ok();
        rest = p.year.replace(&rest, " ").into_owned();
        // （2023年）: the brackets left empty say nothing.
        if rest.contains(['（', '(']) {
            rest = empty_brackets().replace_all(&rest, " ").into_owned();
        }
    }

    let cue_text = p.budget_names.replace_all(&rest, " ");
    let mut phases: Vec<Phase> = Vec::new();
    let mut cue_scan = cue_text.clone();
    let mut matched: Vec<&str> = Vec::new();
    let mut vague_cue_dropped = false;
    for (cue, phase) in PHASE_CUES {
        // A cue may name several phases (安排: a draft, a budget figure or an
        // allocation made), and says nothing when a plainer cue named one (年初安排).
        if *cue == "安排" && (vague_cue_dropped || (!phases.is_empty() && cue_scan.contains(cue))) {
            cue_scan = cue_scan.replace(cue, " ");
            vague_cue_dropped = true;
            continue;
        }
        if cue_scan.contains(cue) || matched.contains(cue) {
            if !phases.contains(phase) {
                phases.push(*phase);
            }
            matched.push(cue);
            cue_scan = cue_scan.replace(cue, " ");
        }
    }

    let compute = if BALANCE_WORDS.iter().any(|w| rest.contains(w)) {
        Compute::Balance
    } else {
        difference(&rest, regions)
            .map(|d| Compute::Difference(Box::new(d)))
            .or_else(|| listed_sum(&rest, regions).map(Compute::SumOf))
            .or_else(|| sum(&rest, regions).map(|s| Compute::Sum(Box::new(s))))
            .unwrap_or(Compute::None)
    };
    // Both sides are of the part of the year asked (上半年完成后离年初预算还差多少).
    let mut compute = compute;
    if let Compute::Difference(sides) | Compute::Sum(sides) = &mut compute {
        // (…but not to a side naming its own year: 6月末比2023年末增加了多少.)
        for side in [&mut sides.0, &mut sides.1] {
            if side.year.is_none() && !side.text.contains("年末") && !side.text.contains("年底") {
                side.period = side.period.or(period);
            }
        }
    }
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
        "多多少",
        "少多少",
        "多了多少",
        "少了多少",
    ]
    .iter()
    .any(|w| rest.contains(w))
        && !rest.contains('%');
    let up = if [
        "下降",
        "负增长",
        "压减",
        "缩减",
        "削减",
        "减少",
        "降幅",
        "减收",
        "减支",
        "少收",
        "短收",
        "少多少",
        "少了多少",
    ]
    .iter()
    .any(|w| rest.contains(w))
    {
        Some(false)
    } else if [
        "增长",
        "增加",
        "增幅",
        "增收",
        "增支",
        "提高",
        "上升",
        "多收",
        "多多少",
        "多了多少",
    ]
    .iter()
    .any(|w| rest.contains(w))
    {
        Some(true)
    } else {
        None
    };
    let word_kind = crate::lexicon::wanted_kind(&rest);
    // 压减了多少项支出项目: a count of the items cut, not a change.
    let up = if word_kind == Some(ValueKind::Count)
        && ["压减", "缩减", "削减"].iter().any(|w| rest.contains(w))
        && !["下降", "减少", "增加", "增长"].iter().any(|w| rest.contains(w))
    {
        None
    } else {
        up
    };
    let percent_asked = word_kind == Some(ValueKind::Percent) || rest.contains('%');
    let adjustment = crate::lexicon::adjustment(&rest);
    // 调减了百分之多少 is a fall, as a rate.
    let up = up.or(adjustment.flatten());
    let relation = if let Some(up) = adjustment.filter(|_| !percent_asked) {
        Relation::Adjustment { up }
    } else if OF_LAST_YEAR_WORDS.iter().any(|w| rest.contains(w)) {
        Relation::OfLastYear
    } else if p.share.is_match(&rest)
        && !(percent_asked && rest.contains("预算的") && !rest.contains('占'))
        // 比重比上年提高了几个百分点: the change of a share, not the share.
        && !(word_kind == Some(ValueKind::Points) && up.is_some())
    {
        Relation::Share
    } else if percent_asked
        && (rest.contains("预算的")
            || rest.contains("预算数的")
            || rest.contains("预算百分")
            || rest.contains("完成率")
            || rest.contains("执行率"))
        && ["完成", "为", "是", "达", "执行"].iter().any(|w| rest.contains(w))
        // (预算的增幅是多少: the budget's growth, not a completion)
        && !["增幅", "增长", "增速", "降幅"].iter().any(|w| rest.contains(w))
    {
        Relation::Completion
    } else if up.is_some() || adjustment.is_some() || rest.contains("同比") || rest.contains("几倍") {
        Relation::Change {
            up,
            money: (money_change || word_kind == Some(ValueKind::Money))
                && !rest.contains("几倍")
                && word_kind.is_none_or(|k| k == ValueKind::Money),
        }
    } else {
        Relation::Level
    };
    // 预算 alone (一般公共预算收入预算是多少) asks for a budget figure, unless it is
    // what a share is taken of (占年度预算的百分之几).
    if cue_scan.contains("预算") && phases.is_empty() && !matches!(relation, Relation::Share | Relation::Completion) {
        phases.extend([Phase::Draft, Phase::Initial, Phase::Adjusted]);
    }
    let want = if let Some(kind) = word_kind {
        Some(kind)
    } else if rest.contains("倍") {
        Some(ValueKind::Multiple)
    } else if rest.contains("百分点") {
        Some(ValueKind::Points)
    } else if matches!(
        relation,
        Relation::Share | Relation::Completion | Relation::OfLastYear | Relation::Change { money: false, .. }
    ) || rest.contains("百分之几")
        || rest.contains('%')
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

    let planned = crate::lexicon::is_planned(&rest) || ["争取", "安排", "打算"].iter().any(|w| rest.contains(w));
    // 增幅提高多少个百分点: a change in points is of a rate, which the rate's word names.
    let rate_named = want == Some(ValueKind::Points);
    let kept: &[&str] = if rate_named { RATE_NAMES } else { &[] };
    let mut content = crate::lexicon::drop_frame_words_but(&p.in_respect.replace_all(&rest, "$1"), kept);
    content = p.question_words.replace_all(&content, " ");
    // 年末结转和结余, 年初结转: the time names the balance, it is no phase here.
    const BALANCE_TIMES: [(&str, &str); 3] = [("年初结", "\u{E000}"), ("年末结", "\u{E001}"), ("年末滚", "\u{E002}")];
    for (words, mark) in BALANCE_TIMES {
        content = content.replace(words, mark);
    }
    for w in CUE_WORDS.split_whitespace().chain(PHASE_CUES.iter().map(|(w, _)| *w)) {
        if rate_named && RATE_NAMES.contains(&w) {
            continue;
        }
        content = content.replace(w, " ");
    }
    for (words, mark) in BALANCE_TIMES {
        content = content.replace(mark, words);
    }
    // 支出比年初预算: the 比 of a comparison whose other side was a phase word.
    content = content
        .split(' ')
        .map(|w| match w.strip_suffix(['比', '较']) {
            Some(rest) if !rest.ends_with('可') => rest,
            // (…支出的调整预算数为多少: the 为 before the question word is none of the name)
            _ => match w.strip_suffix('为') {
                Some(rest) if rest.chars().count() >= 3 && !rest.ends_with('行') => rest,
                _ => w,
            },
        })
        .filter(|w| *w != "为")
        .collect::<Vec<_>>()
        .join(" ");
    // English words the glossary does not know cannot name a metric: drop them.
    // (“三保”支出: the reports' quotes are gone from the facts' names too)
    let content: String = content
        .chars()
        .filter(|c| !c.is_ascii() || c.is_ascii_digit())
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '‘' | '’'))
        .collect();
    let content = crate::extract::context::drop_flow_budget(&content);
    // 区本级决算中增值税, 调整预算中的…: with the phase word gone its 中 hangs alone.
    // (…but 中医院, 中小学, 中央 are words)
    let content = if ["中医", "中小", "中学", "中央", "中心", "中职", "中等", "中长期"]
        .iter()
        .any(|w| content.starts_with(w))
    {
        content.replace("本级中", "本级")
    } else {
        content.trim_start_matches('中').replace("本级中", "本级")
    };
    let content = match content.strip_prefix("预算中") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => content,
    };
    // 契税收了多少: the verb 收 after a tax or fee is no part of its name.
    let content = match content.strip_suffix('收') {
        Some(item)
            if item.ends_with(['税', '费'])
                && item.chars().count() >= 2
                && (rest.contains("税收了") || rest.contains("费收了")) =>
        {
            item.to_string()
        }
        _ => content,
    };
    // 一般性转移支付总额: the total is the figure itself.
    let content = match content.strip_suffix("总额") {
        Some(stem) if stem.chars().count() >= 2 && !stem.ends_with(['债', '务', '限']) => stem.to_string(),
        _ => content,
    };
    // 某项目安排了多少专项债券资金: a project's figure is the bonds it got; 资金 adds nothing.
    let content = if content.contains("项目") || content.contains("工程") {
        content.replace("债券资金", "债券")
    } else {
        content
    };
    // 镇里一共花了多少钱, 一共收了多少钱: with nothing else named, the spending or the
    // revenue of the general budget (the budget a report leads with).
    // (…but 花钱最多的是哪一块 asks which item, not how much in all)
    let superlative = text.contains('最') || text.contains('哪');
    let content = if content.is_empty() && !superlative && want.is_none_or(|k| k == ValueKind::Money) {
        let spent = ["花了", "花钱", "花多少", "花费"].iter().any(|w| text.contains(w));
        let earned = ["收了多少", "收入多少", "进账"].iter().any(|w| text.contains(w));
        match (spent, earned) {
            (true, false) => "一般公共预算支出".to_string(),
            (false, true) => "一般公共预算收入".to_string(),
            _ => content,
        }
    } else {
        content
    };

    Question {
        text: raw.trim().to_string(),
        plain: text,
        regions: found_regions,
        region_key,
        untranslated,
        unknown_region,
        year,
        phases,
        want,
        relation,
        compute,
        planned,
        content,
        period,
        excluded,
        base,
    }
}

/// `比上年执行数`, `与2024年年初预算相比`, `较上年预算数`: what a change is measured from.
fn comparison_base() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(
            r"(?:比|较|与|同)(?:上年|去年|上一年|(?:19|20)\d{2}年)(?:度)?(?:的)?(?P<phase>年初预算|调整预算|预算|预计执行|执行|决算|实际完成|完成)(?:数)?(?:相比|比)?",
        )
        .expect("valid regex")
    })
}

/// `（ ）`: brackets a year was read out of.
fn empty_brackets() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"[（(]\s*[）)]").expect("valid regex"))
}

/// `（含上划）`, `（包括…）`: a remark naming what the figure asked takes in.
fn including_remark() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"[（(](?:(?:含|包含|包括|按)[^（）()]{1,20}|[^（）()]{1,12}(?:减去?|加上?|除以|之和|之差)[^（）()]{1,12})[）)]")
            .expect("valid regex")
    })
}

/// `（不是税收总收入）`: a remark naming what the figure asked is not.
fn not_remark() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"[（(](?:而?不是|并非|而非|非)(?P<not>[^（）()]{2,20})[）)]").expect("valid regex"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> RegionIndex {
        RegionIndex::new(["河南省洛阳市西工区", "浙江省宁波市海曙区"].into_iter())
    }

    #[test]
    fn an_items_chinese_gloss_names_it_when_an_english_word_is_unknown() {
        let q = parse(
            "How much did Xigong District remit upward to higher-level governments (上解支出) in 2023?",
            &index(),
        );
        assert_eq!(q.untranslated, None);
        assert!(q.content.contains("上解支出"), "{}", q.content);
        // …but never without a gloss: the unknown word is refused.
        let q = parse("How much did Xigong District remit upward in 2023?", &index());
        assert_eq!(q.untranslated.as_deref(), Some("remit"));
    }

    #[test]
    fn chatter_before_the_question_and_a_closing_wei_are_no_content() {
        let q = parse(
            "我在写一篇关于各区财政的文章，想知道西工区2023年一般公共预算上解支出是多少万元？",
            &index(),
        );
        assert_eq!(q.content, "一般公共预算上解支出");
        let q = parse("西工区2023年政府性基金预算支出的调整预算数为多少万元？", &index());
        assert_eq!(q.content, "政府性基金预算支出");
    }

    #[test]
    fn an_item_after_a_budget_name_is_a_part_of_it() {
        assert_eq!(budget_item("国有资本经营预算上级补助收入"), Some("上级补助收入"));
        assert_eq!(budget_item("一般公共预算的税收收入"), Some("税收收入"));
        assert_eq!(budget_item("一般公共预算本级收入"), None);
        assert_eq!(budget_item("政府性基金预算支出"), None);
        assert_eq!(budget_item("上级补助收入"), None);
        assert_eq!(budget_item("一般公共预算收入比2021年"), None);
        assert_eq!(budget_item("一般公共预算收入税收"), None);
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
    fn stated_comparisons_are_relations_not_computations() {
        let q = parse("西工区2023年一般公共预算支出跟2022年相比减少了百分之多少", &index());
        assert!(matches!(q.compute, Compute::None));
        assert_eq!(q.content, "一般公共预算支出");
        let q = parse("西工区2023年一般公共预算支出为调整预算的百分之几", &index());
        assert_eq!(q.relation, Relation::Completion);
        assert_eq!(q.content, "一般公共预算支出");
    }

    #[test]
    fn short_years_are_this_century() {
        assert_eq!(short_years("西工区23年一般债利息"), "西工区2023年一般债利息");
        assert_eq!(short_years("岳麓区22年度决算"), "岳麓区2022年度决算");
        assert_eq!(short_years("2023年西工区"), "2023年西工区");
        assert_eq!(short_years("10年期专项债券"), "10年期专项债券");
        assert_eq!(parse("西工区23年一般公共预算收入", &index()).year, Some(2023));
    }

    #[test]
    fn a_comparison_with_a_phase_leaves_no_bi_in_the_content() {
        let q = parse("西工区2023年调整后一般公共预算支出比年初预算增长了百分之几", &index());
        assert_eq!(q.content, "一般公共预算支出");
        assert!(q.phases.contains(&Phase::Adjusted) && q.phases.contains(&Phase::Initial));
        assert_eq!(
            parse("西工区2023年本级收入可比增长多少", &index()).content,
            "本级收入可比"
        );
    }

    #[test]
    fn how_a_rate_is_counted_is_no_content() {
        for asked in [
            "西工区2022年一般公共预算收入扣除留抵退税因素后增长多少",
            "扣除留抵退税影响，西工区2022年财政收入同口径增长多少",
            "西工区22年一般公共预算收入剔除留抵退税后增长了多少",
            "西工区2022年一般公共预算收入按同口径算增长了多少",
        ] {
            let q = parse(asked, &index());
            assert_eq!(q.content, "一般公共预算收入", "{asked}");
            assert_eq!(q.want, Some(ValueKind::Percent), "{asked}");
        }
    }

    #[test]
    fn adjustments_are_not_changes_on_last_year() {
        let q = parse("2023年西工区一般公共预算支出调减了多少万元", &index());
        assert_eq!(q.relation, Relation::Adjustment { up: Some(false) });
        assert_eq!(q.content, "一般公共预算支出");
        let q = parse("2023年西工区一般公共预算支出调减了百分之多少", &index());
        assert_eq!(
            q.relation,
            Relation::Change {
                up: Some(false),
                money: false
            }
        );
        assert_eq!(
            parse("2023年西工区政府性基金预算支出增减额", &index()).relation,
            Relation::Adjustment { up: None }
        );
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
