//! A report's one-page view: for each of the four budgets, revenue and
//! expenditure by phase (年初, 调整, 执行/预计/决算, next year's draft) with
//! their year-on-year change; the debt figures (limit, balance, new bonds,
//! repayment, interest), with what is only planned (拟申请, 计划) shown as
//! planned, not done; a short extractive summary (the sentences that carry the
//! report's own figures and changes — 增长2倍, 下降14.8%, counts — not already
//! shown above, kept in document order); and the risks the report names. Every
//! figure carries its sentence; what the report does not state is listed as
//! missing, never invented. Input: a report and its facts; output: [`Summary`].

use std::collections::HashMap;

use serde::Serialize;

use crate::extract::context::canonical;
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

/// The phase label of what is only intended (拟申请专项债券资金, 计划发行): not done.
pub const PLANNED: &str = "计划";

/// True when the figure is an intention, not something done: its metric holds
/// a plan word of the lexicon (拟申请, 计划). A draft budget says so by its own phase.
fn is_planned(f: &Fact) -> bool {
    f.phase != Phase::Draft && crate::lexicon::is_planned(&f.metric)
}

/// A change stated with a figure: a rate or multiple with 增/降/减 (同比下降14.8%, 增长2倍).
fn is_change(c: &Fact) -> bool {
    matches!(c.kind, ValueKind::Percent | ValueKind::Multiple)
        && (c.relation.contains('增') || c.relation.contains('降') || c.relation.contains('减'))
}

fn figure(label: String, f: &Fact, change: Option<String>) -> Figure {
    Figure {
        label,
        metric: f.metric.clone(),
        phase: if is_planned(f) {
            PLANNED.to_string()
        } else {
            f.phase.label().to_string()
        },
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
                .find(|c| c.paragraph == f.paragraph && c.metric == f.metric && c.phase == f.phase && is_change(c))
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
    for p in report.paragraphs.iter().filter(|p| !p.table && !p.heading) {
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
    let budgets: Vec<BudgetSummary> = BUDGETS.iter().map(|b| budget_summary(b, facts)).collect();
    let mut debt: Vec<Figure> = Vec::new();
    for f in facts.iter().filter(|f| is_debt(f)) {
        if !debt.iter().any(|d| d.metric == f.metric && d.year == f.year) {
            debt.push(figure(f.metric.clone(), f, None));
        }
    }

    // Highlights: the sentences that carry the report's own figures and changes,
    // not those already shown as key figures.
    let all = sentences(report);
    let shown: Vec<&str> = budgets
        .iter()
        .flat_map(|b: &BudgetSummary| b.figures.iter())
        .chain(debt.iter())
        .map(|f| f.sentence.as_str())
        .collect();
    let mut weight: HashMap<&str, f64> = HashMap::new();
    for f in facts {
        let w = if is_change(f) {
            3.0
        } else if f.kind == ValueKind::Count || f.kind == ValueKind::Multiple {
            2.0
        } else {
            1.0
        };
        *weight.entry(f.sentence.as_str()).or_default() += w;
    }
    let mut scored: Vec<(f64, usize)> = all
        .iter()
        .enumerate()
        .filter(|(_, (_, s))| !shown.iter().any(|w| w.contains(s.as_str()) || s.contains(*w)))
        .filter_map(|(i, (_, s))| {
            let w = weight
                .iter()
                .filter(|(sentence, _)| s.contains(**sentence) || sentence.contains(s.as_str()))
                .map(|(_, w)| *w)
                .sum::<f64>();
            // Long sentences are lists; a figure in a short one is a finding.
            (w > 0.0).then(|| (w.min(6.0) / (s.chars().count() as f64).powf(0.3), i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
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
