//! Tables flattened one cell per line (`收入` / `执行数` / `一、本级收入` /
//! `167500` …), joined by the structure stage into one paragraph of cells. A
//! `单位：万元` cell gives the unit; each number belongs to the label cell
//! before it; a header cell such as 执行数 or 预算数 gives the phase.

use rust_decimal::Decimal;

use super::mention::Mention;
use super::number::parse_arabic;
use super::{context, unit, Reading};
use crate::model::{Paragraph, Phase, Report, ValueKind};

fn is_number(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        && cell.chars().any(|c| c.is_ascii_digit())
}

/// Reads the facts of a table paragraph.
pub(crate) fn read(default_unit: &'static str, report: &Report, p: &Paragraph) -> Vec<Reading> {
    let text = &p.text;
    let mut unit_text = default_unit.to_string();
    let mut phase = None;
    let mut label: Option<String> = None;
    let topic = p
        .section
        .iter()
        .rev()
        .find_map(|h| context::topic_in(h))
        .unwrap_or("")
        .to_string();
    let year = p
        .section
        .iter()
        .rev()
        .find_map(|h| h.get(..4).and_then(|y| y.parse::<u16>().ok()))
        .or(report.meta.years.execution);
    let mut out = Vec::new();
    let mut offset = 0;
    for cell in text.split(' ') {
        let start = offset;
        offset += cell.len() + 1;
        if let Some(u) = cell.strip_prefix("单位:").or_else(|| cell.strip_prefix("单位：")) {
            if unit::yuan_factor(u).is_some() {
                unit_text = u.to_string();
            }
            continue;
        }
        match cell {
            "执行数" | "完成数" | "决算数" | "预算数" | "调整预算数" | "年初预算数" => {
                phase = context::phase_clue(cell).or(if cell == "决算数" { Some(Phase::Final) } else { None });
                continue;
            }
            _ => {}
        }
        if !is_number(cell) {
            label = Some(context::residue(cell)).filter(|l| !l.is_empty());
            continue;
        }
        let (Some(l), Some(value)) = (label.take(), parse_arabic(cell)) else {
            continue;
        };
        let metric = if context::is_bare(&l) || l == "总计" || l == "合计" {
            format!("{topic}{l}")
        } else {
            l
        };
        let kind = unit::kind(&unit_text);
        out.push(Reading {
            m: Mention {
                start,
                end: start + cell.len(),
                value,
                written: cell.to_string(),
                unit: unit_text.clone(),
                kind,
                approx: false,
            },
            base_metric: metric.clone(),
            metric,
            topic: topic.clone(),
            phase: phase.unwrap_or(Phase::Actual),
            relation: String::new(),
            year,
            parent: None,
            sentence: (0, text.len()),
        });
    }
    let _ = (Decimal::ZERO, ValueKind::Money);
    out
}
