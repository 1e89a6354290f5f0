//! Stage: comparing. Input: the archive's reports with their facts, a way to
//! ask a question (the [`crate::answer`] stage) and a [`CompareRequest`].
//! Output: a [`Comparison`] — one metric across regions, years and phases.
//!
//! For every report in scope and every phase it states (年初预算, 调整预算,
//! 执行, 预计执行, 决算, next year's 预算草案), the figure is found the way `ask`
//! finds it (synonyms, English, phase words), so `compare 政府基金收入` works as
//! `ask` does. A partial name that fits several figures of a report (利息 for
//! 一般债券利息, 专项债券利息 and 政府债券支付利息) is read as the report's
//! top-level metric holding it. Amounts are normalised to one unit (万元 or
//! 亿元, whichever reads better). An empty comparison says why: no report of
//! the region, none covering the years, or the metric not stated (with the
//! closest metric names the archive holds).

use std::collections::{BTreeSet, HashMap};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::extract::context::canonical;
use crate::extract::unit::yuan_factor;
use crate::model::{Answer, Fact, Phase, ReportMeta};
use crate::region::{self, short_name};

/// The phases a comparison shows, in budget order, with the words a question uses for each.
const PHASES: &[(Phase, &str)] = &[
    (Phase::Initial, "年初预算"),
    (Phase::Adjusted, "调整预算"),
    (Phase::Actual, "实际完成"),
    (Phase::Expected, "预计"),
    (Phase::Final, "决算"),
    (Phase::Draft, "预算草案"),
];

/// One region-year-phase figure.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub region: String,
    pub year: u16,
    /// 年初预算, 调整预算, 执行, 预计执行, 决算 or 预算草案.
    pub phase: String,
    /// As the report writes it.
    pub value: String,
    pub unit: String,
    /// In the table's common unit (money only).
    pub normalized: Option<Decimal>,
    /// The metric as the report names it.
    pub metric: String,
    pub report: String,
    pub sentence: String,
}

/// A comparison table.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The metric as asked.
    pub metric: String,
    /// The unit of `normalized` (万元 or 亿元), when the rows are money.
    pub unit: Option<String>,
    /// The phases the rows hold, in budget order.
    pub phases: Vec<String>,
    pub rows: Vec<Row>,
    /// Reports in scope that do not state the metric.
    pub missing: Vec<String>,
    /// Why there are no rows, when there are none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Metric names the archive holds that come closest to the one asked, when nothing matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closest: Vec<String>,
}

/// Which reports and phases to compare.
#[derive(Debug, Clone, Default)]
pub struct CompareRequest {
    pub metric: String,
    pub regions: Vec<String>,
    /// Inclusive range of the figures' years.
    pub years: Option<(u16, u16)>,
    /// Only this phase (all phases when `None`).
    pub phase: Option<Phase>,
}

/// Reads a phase as a user types it: 年初预算/年初, 调整预算/调整, 执行/实际完成/完成,
/// 预计执行/预计, 决算, 预算草案/草案/预算, or initial, adjusted, actual, expected, final, draft.
pub fn parse_phase(text: &str) -> Option<Phase> {
    let t = text.trim().to_lowercase();
    let phase = match t.as_str() {
        "年初预算" | "年初" | "initial" => Phase::Initial,
        "调整预算" | "调整" | "adjusted" => Phase::Adjusted,
        "执行" | "实际完成" | "完成" | "actual" => Phase::Actual,
        "预计执行" | "预计" | "expected" => Phase::Expected,
        "决算" | "final" => Phase::Final,
        "预算草案" | "草案" | "预算" | "draft" => Phase::Draft,
        _ => return None,
    };
    Some(phase)
}

/// The report's top-level metric that holds `wanted` (利息 → 政府债券支付利息):
/// a total (no parent, no relation) whose name contains it, the most often stated, then the shortest.
fn full_name(facts: &[Fact], wanted: &str) -> Option<String> {
    let wanted = canonical(&crate::text::normalize_query(wanted));
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for f in facts
        .iter()
        .filter(|f| f.parent.is_none() && f.relation.is_empty() && canonical(&f.metric).contains(&wanted))
    {
        *counts.entry(f.metric.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(m, _)| *m != wanted)
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.chars().count().cmp(&a.0.chars().count()))
                .then(b.0.cmp(a.0))
        })
        .map(|(m, _)| m.to_string())
}

/// Distinct metric names of `facts` closest to `wanted` by shared characters, best first.
pub fn closest_metrics<'a>(facts: impl Iterator<Item = &'a Fact>, wanted: &str, n: usize) -> Vec<String> {
    let wanted: BTreeSet<char> = canonical(wanted).chars().filter(|c| crate::text::is_han(*c)).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let names: BTreeSet<&str> = facts
        .filter(|f| f.relation.is_empty())
        .map(|f| f.metric.as_str())
        .collect();
    let mut scored: Vec<(f32, &str)> = names
        .into_iter()
        .filter_map(|m| {
            let chars: BTreeSet<char> = canonical(m).chars().collect();
            let shared = wanted.intersection(&chars).count() as f32;
            // At least half of the characters asked for.
            (shared * 2.0 >= wanted.len() as f32).then(|| (shared / (wanted.len() + chars.len()) as f32, m))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, m)| m.to_string()).collect()
}

fn in_range(years: Option<(u16, u16)>, year: u16) -> bool {
    years.is_none_or(|(from, to)| (from..=to).contains(&year))
}

/// Builds the comparison from `archive` (every report with its facts),
/// finding each figure with `ask` (a full question in, an [`Answer`] out).
pub fn compare(archive: &[(&ReportMeta, &[Fact])], ask: &dyn Fn(&str) -> Answer, req: &CompareRequest) -> Comparison {
    let years = req.years.map(|(a, b)| (a.min(b), a.max(b)));
    let of_region: Vec<&(&ReportMeta, &[Fact])> = archive
        .iter()
        .filter(|(meta, _)| req.regions.is_empty() || req.regions.iter().any(|r| region::matches(&meta.region, r)))
        .collect();
    let in_scope: Vec<&(&ReportMeta, &[Fact])> = of_region
        .iter()
        .copied()
        .filter(|(meta, _)| {
            [meta.years.execution, meta.years.draft]
                .into_iter()
                .flatten()
                .any(|y| in_range(years, y))
        })
        .collect();

    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for (meta, facts) in &in_scope {
        let place = short_name(&meta.region);
        let mut found = false;
        // The phases this report states, each for the year it states it for.
        let mut asked: BTreeSet<(u16, usize)> = BTreeSet::new();
        for f in facts.iter() {
            let Some(year) = f.year.filter(|y| meta.years.covers(*y) && in_range(years, *y)) else {
                continue;
            };
            if let Some(i) = PHASES
                .iter()
                .position(|(p, _)| *p == f.phase && req.phase.is_none_or(|w| w == *p))
            {
                asked.insert((year, i));
            }
        }
        let resolved = full_name(facts, &req.metric);
        for (year, i) in asked {
            let (phase, words) = PHASES[i];
            let try_metric = |metric: &str| {
                let answer = ask(&format!("{place}{year}年{metric}{words}"));
                answer
                    .answer
                    .filter(|a| a.report == meta.id && !a.computed && a.phase == phase.label() && a.year == Some(year))
                    .map(|a| {
                        (
                            a,
                            answer.sources.first().map(|s| s.sentence.clone()).unwrap_or_default(),
                        )
                    })
            };
            let hit = try_metric(&req.metric).or_else(|| resolved.as_deref().and_then(try_metric));
            let Some((a, sentence)) = hit else {
                continue;
            };
            found = true;
            rows.push(Row {
                region: place.clone(),
                year,
                phase: a.phase.clone(),
                value: a.value.clone(),
                unit: a.unit.clone(),
                normalized: None,
                metric: a.metric.clone(),
                report: meta.id.clone(),
                sentence,
            });
        }
        if !found {
            missing.push(meta.id.clone());
        }
    }

    // 亿元 when the typical figure is at least one 亿, else 万元.
    let mut yuan: Vec<Decimal> = rows
        .iter()
        .filter_map(|r| Some(r.value.parse::<Decimal>().ok()? * yuan_factor(&r.unit)?))
        .collect();
    yuan.sort();
    let unit = yuan.get(yuan.len() / 2).map(|median| {
        if *median >= Decimal::from(100_000_000u64) {
            "亿元"
        } else {
            "万元"
        }
    });
    if let Some(u) = unit {
        let to = yuan_factor(u).unwrap_or(Decimal::ONE);
        for row in &mut rows {
            if let (Some(f), Ok(v)) = (yuan_factor(&row.unit), row.value.parse::<Decimal>()) {
                row.normalized = Some(
                    (v * f / to)
                        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                        .normalize(),
                );
            }
        }
    }
    let order = |label: &str| PHASES.iter().position(|(p, _)| p.label() == label);
    rows.sort_by(|a, b| {
        a.region
            .cmp(&b.region)
            .then(a.year.cmp(&b.year))
            .then(order(&a.phase).cmp(&order(&b.phase)))
    });
    let phases = PHASES
        .iter()
        .map(|(p, _)| p.label().to_string())
        .filter(|l| rows.iter().any(|r| &r.phase == l))
        .collect();

    let mut closest = Vec::new();
    let reason = if !rows.is_empty() {
        None
    } else if archive.is_empty() {
        Some("the index holds no reports; add some with `budgetq ingest PATH`".to_string())
    } else if of_region.is_empty() {
        Some(format!(
            "the archive holds no report for {}; `budgetq reports` lists the regions it has",
            req.regions.join(", ")
        ))
    } else if in_scope.is_empty() {
        let all: BTreeSet<u16> = of_region
            .iter()
            .flat_map(|(m, _)| [m.years.execution, m.years.draft])
            .flatten()
            .collect();
        let (from, to) = years.unwrap_or_default();
        let asked = if from == to {
            from.to_string()
        } else {
            format!("{from}–{to}")
        };
        let covered = match (all.first(), all.last()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => "no years".to_string(),
        };
        Some(format!(
            "no report covers {asked} (the reports in scope cover {covered}); widen --years"
        ))
    } else {
        closest = closest_metrics(in_scope.iter().flat_map(|(_, f)| f.iter()), &req.metric, 5);
        let phase = req.phase.map(|p| format!(" as {}", p.label())).unwrap_or_default();
        let hint = if closest.is_empty() {
            "; try `budgetq facts` to see the metrics stated".to_string()
        } else {
            format!("; closest metrics: {}", closest.join(", "))
        };
        Some(format!("no report in scope states {}{phase}{hint}", req.metric))
    };
    Comparison {
        metric: req.metric.clone(),
        unit: unit.map(str::to_string),
        phases,
        rows,
        missing,
        reason,
        closest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_phases_as_typed() {
        assert_eq!(parse_phase("草案"), Some(Phase::Draft));
        assert_eq!(parse_phase("执行"), Some(Phase::Actual));
        assert_eq!(parse_phase("Initial"), Some(Phase::Initial));
        assert_eq!(parse_phase("明年"), None);
    }
}
