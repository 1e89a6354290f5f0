//! Comparing one metric across regions and years: for every report in the
//! archive (optionally of some regions and a range of years), the figure the
//! report states for the metric in its own year, found the way `ask` finds it,
//! with amounts normalised to one unit (万元 or 亿元, whichever reads better).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::engine::Engine;
use crate::extract::unit::yuan_factor;
use crate::region::{self, short_name};

/// One region-year figure.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub region: String,
    pub year: u16,
    /// As the report writes it.
    pub value: String,
    pub unit: String,
    /// In the table's common unit (money only).
    pub normalized: Option<Decimal>,
    pub phase: String,
    pub metric: String,
    pub report: String,
    pub sentence: String,
}

/// A comparison table.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub metric: String,
    /// The unit of `normalized` (万元 or 亿元), when the rows are money.
    pub unit: Option<String>,
    pub rows: Vec<Row>,
    /// Reports that do not state the metric.
    pub missing: Vec<String>,
}

/// Which reports to compare.
#[derive(Debug, Clone, Default)]
pub struct CompareRequest {
    pub metric: String,
    pub regions: Vec<String>,
    pub years: Option<(u16, u16)>,
}

/// Builds the comparison.
pub fn compare(engine: &Engine, req: &CompareRequest) -> Comparison {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    let mut yuan: Vec<Decimal> = Vec::new();
    for meta in engine.reports() {
        let wanted_region = req.regions.is_empty() || req.regions.iter().any(|r| region::matches(&meta.region, r));
        let Some(year) = meta.years.execution.or(meta.years.draft) else {
            continue;
        };
        let in_years = req.years.is_none_or(|(from, to)| (from..=to).contains(&year));
        if !wanted_region || !in_years {
            continue;
        }
        let question = format!("{}{}年{}", short_name(&meta.region), year, req.metric);
        let answer = engine.ask(&question);
        let Some(a) = answer.answer.filter(|a| a.report == meta.id && !a.computed) else {
            missing.push(meta.id.clone());
            continue;
        };
        if let Some(f) = yuan_factor(&a.unit) {
            if let Ok(v) = a.value.parse::<Decimal>() {
                yuan.push(v * f);
            }
        }
        rows.push(Row {
            region: short_name(&meta.region),
            year,
            value: a.value.clone(),
            unit: a.unit.clone(),
            normalized: None,
            phase: a.phase.clone(),
            metric: a.metric.clone(),
            report: meta.id.clone(),
            sentence: answer.sources.first().map(|s| s.sentence.clone()).unwrap_or_default(),
        });
    }
    // 亿元 when the typical figure is at least one 亿, else 万元.
    let unit = (!yuan.is_empty()).then(|| {
        let mut sorted = yuan.clone();
        sorted.sort();
        if sorted[sorted.len() / 2] >= Decimal::from(100_000_000u64) {
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
    rows.sort_by(|a, b| a.region.cmp(&b.region).then(a.year.cmp(&b.year)));
    Comparison {
        metric: req.metric.clone(),
        unit: unit.map(str::to_string),
        rows,
        missing,
    }
}
