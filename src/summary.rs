//! A report's one-page view: for each of the four budgets, revenue and
//! expenditure by phase (年初, 调整, 执行/预计/决算, next year's draft) with
//! their year-on-year change; the debt figures (limit, balance, new bonds,
//! repayment, interest); a short extractive summary of the policy sections
//! (sentences ranked by jieba TF-IDF keyword weight, kept in document order);
//! and the risks the report names. Every figure carries its sentence; what the
//! report does not state is listed as missing, never invented.

use jieba_rs::{KeywordExtract, TfIdf};
use serde::Serialize;

use crate::extract::context::canonical;
use crate::index::tokenizer::jieba;
use crate::model::{Fact, Phase, Report, ValueKind};

/// The four budgets, as facts name them.
pub const BUDGETS: &[&str] = &["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"];

/// Words that mark a sentence as naming a risk or difficulty.
const RISK_WORDS: &[&str] = &[
    "收支矛盾",
    "库款保障",
    "压力",
    "困难",
    "下滑",
    "吃紧",
    "不稳固",
    "乏力",
    "紧平衡",
    "减收",
    "刚性支出",
    "挑战",
    "不确定",
    "下行",
];

/// One stated figure with its source sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub label: String,
    pub metric: String,
    pub phase: String,
    pub year: Option<u16>,
    pub value: String,
    pub unit: String,
    /// Year-on-year change stated with it (e.g. 同比下降14.8%).
    pub change: Option<String>,
    pub paragraph: usize,
    pub sentence: String,
}

/// One budget's figures.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetSummary {
    pub budget: String,
    pub figures: Vec<Figure>,
    /// What the report does not state (e.g. `支出 预算草案`).
    pub missing: Vec<String>,
}

/// The summary of a report.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub report: String,
    pub title: String,
    pub region: String,
    pub years: crate::model::Years,
    pub budgets: Vec<BudgetSummary>,
    pub debt: Vec<Figure>,
    pub highlights: Vec<String>,
    pub risks: Vec<String>,
}

fn figure(label: String, f: &Fact, change: Option<String>) -> Figure {
    Figure {
        label,
        metric: f.metric.clone(),
        phase: f.phase.label().to_string(),
        year: f.year,
        value: f.written.replace(',', ""),
        unit: f.unit.clone(),
        change,
        paragraph: f.paragraph,
        sentence: f.sentence.clone(),
    }
}

/// True when `metric` names the budget's revenue or expenditure (一般公共预算收入,
/// 一般公共预算本级收入, 政府性基金收入).
fn names_flow(metric: &str, budget: &str, flow: &str) -> bool {
    let m = canonical(metric);
    let short = budget.trim_end_matches("预算");
    let rest = m.strip_prefix(budget).or_else(|| m.strip_prefix(short));
    rest.is_some_and(|r| r.ends_with(flow) && r.chars().count() <= flow.chars().count() + 2)
}

const PHASES: &[(Phase, &str)] = &[
    (Phase::Initial, "年初预算"),
    (Phase::Adjusted, "调整预算"),
    (Phase::Actual, "执行"),
    (Phase::Expected, "预计执行"),
    (Phase::Final, "决算"),
    (Phase::Draft, "预算草案"),
];

fn budget_summary(budget: &str, facts: &[Fact]) -> BudgetSummary {
    let mut figures = Vec::new();
    let mut missing = Vec::new();
    for flow in ["收入", "支出"] {
        let mut any = false;
        for (phase, label) in PHASES {
            let Some(f) = facts.iter().find(|f| {
                f.phase == *phase
                    && f.relation.is_empty()
                    && f.kind == ValueKind::Money
                    && names_flow(&f.metric, budget, flow)
            }) else {
                continue;
            };
            any = true;
            let change = facts
                .iter()
                .find(|c| {
                    c.paragraph == f.paragraph
                        && c.metric == f.metric
                        && c.phase == f.phase
                        && c.kind == ValueKind::Percent
                        && (c.relation.contains("增") || c.relation.contains("降") || c.relation.contains("减"))
                })
                .map(|c| format!("{}{}{}", c.relation, c.written, c.unit));
            figures.push(figure(format!("{flow} {label}"), f, change));
        }
        if !any {
            missing.push(flow.to_string());
        }
    }
    BudgetSummary {
        budget: budget.to_string(),
        figures,
        missing,
    }
}

fn is_debt(f: &Fact) -> bool {
    f.parent.is_none()
        && f.relation.is_empty()
        && f.kind == ValueKind::Money
        && ["债务限额", "债务余额", "新增", "债券", "还本", "付息", "利息", "再融资"]
            .iter()
            .any(|w| f.metric.contains(w))
}

fn sentences(report: &Report) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for p in report.paragraphs.iter().filter(|p| !p.table) {
        for s in p.text.split_inclusive(['。', '！', '？']) {
            let s = s.trim();
            if s.chars().count() >= 12 {
                out.push((p.position, s.to_string()));
            }
        }
    }
    out
}

/// Summarises a report from its stored facts.
pub fn summarize(report: &Report, facts: &[Fact]) -> Summary {
    let budgets = BUDGETS.iter().map(|b| budget_summary(b, facts)).collect();
    let mut debt: Vec<Figure> = Vec::new();
    for f in facts.iter().filter(|f| is_debt(f)) {
        if !debt.iter().any(|d| d.metric == f.metric && d.year == f.year) {
            debt.push(figure(f.metric.clone(), f, None));
        }
    }

    // Policy sentences: those without figures, ranked by keyword weight.
    let all = sentences(report);
    let text: String = all.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join("");
    // The IDF table is parsed once per process (the web server summarises on every report page).
    static TFIDF: std::sync::OnceLock<TfIdf> = std::sync::OnceLock::new();
    let keywords = TFIDF
        .get_or_init(TfIdf::default)
        .extract_keywords(&jieba(), &text, 30, vec![]);
    let mut scored: Vec<(f64, usize)> = all
        .iter()
        .enumerate()
        .filter(|(_, (_, s))| {
            !s.chars().any(|c| c.is_ascii_digit()) && !s.starts_with("各位代表") && s.chars().count() >= 20
        })
        .map(|(i, (_, s))| {
            let weight: f64 = keywords
                .iter()
                .filter(|k| s.contains(&k.keyword))
                .map(|k| k.weight)
                .sum();
            (weight / (s.chars().count() as f64).powf(0.3), i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<usize> = scored.iter().take(5).map(|(_, i)| *i).collect();
    chosen.sort_unstable();
    let highlights = chosen.into_iter().map(|i| all[i].1.clone()).collect();
    let risks = all
        .iter()
        .filter(|(_, s)| RISK_WORDS.iter().filter(|w| s.contains(*w)).count() >= 2)
        .map(|(_, s)| s.clone())
        .take(5)
        .collect();
    Summary {
        report: report.meta.id.clone(),
        title: report.meta.title.clone(),
        region: report.meta.region.clone(),
        years: report.meta.years,
        budgets,
        debt,
        highlights,
        risks,
    }
}
