//! Tables flattened one cell per line (`收入` / `执行数` / `一、本级收入` /
//! `167500` …), joined by the structure stage into one paragraph of cells. A
//! `单位：万元` cell gives the unit; each number belongs to the label cell
//! before it; a header cell such as 执行数 or 预算数 gives the phase.

use super::mention::Mention;
use super::number::parse_arabic;
use super::{context, unit, Reading};
use crate::model::{Paragraph, Phase, Report, ValueKind};

fn is_number(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        && cell.chars().any(|c| c.is_ascii_digit())
}

/// The budget and the year that the headings above a table name.
fn section_context(p: &Paragraph) -> (String, Option<u16>) {
    let topic = p.section.iter().rev().find_map(|h| context::topic_in(h)).unwrap_or("");
    let year = p
        .section
        .iter()
        .rev()
        .find_map(|h| h.get(..4).and_then(|y| y.parse::<u16>().ok()));
    (topic.to_string(), year)
}

/// Reads the facts of a table paragraph.
pub(crate) fn read(default_unit: &'static str, report: &Report, p: &Paragraph) -> Vec<Reading> {
    if p.text.contains('\n') {
        return read_rows(default_unit, report, p);
    }
    let text = &p.text;
    let mut unit_text = default_unit.to_string();
    let mut phase = None;
    let mut label: Option<String> = None;
    let (topic, section_year) = section_context(p);
    let year = section_year.or(report.meta.years.execution);
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
    out
}

/// The unit a `单位：万元` line names.
fn unit_line(line: &str) -> Option<String> {
    let u = line.strip_prefix("单位")?.trim_start_matches([':', '：', ' ']).trim();
    unit::yuan_factor(u).map(|_| u.to_string())
}

/// Reads a table written one row per line under a header of column names
/// (`项目 2022年决算数 2023年预算数 增长%` / `企业所得税 564 600 850 141.67%`):
/// each cell is a fact of the row's label, with the year, phase and kind its
/// column names.
fn read_rows(default_unit: &'static str, report: &Report, p: &Paragraph) -> Vec<Reading> {
    let (topic, section_year) = section_context(p);
    let mut money_unit = default_unit.to_string();
    let mut columns: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut offset = 0;
    for line in p.text.split('\n') {
        let line_start = offset;
        offset += line.len() + 1;
        if let Some(u) = unit_line(line) {
            money_unit = u;
            continue;
        }
        let cells: Vec<&str> = line.split(' ').collect();
        let numeric = cells.iter().filter(|c| is_number(c.trim_end_matches('%'))).count();
        if numeric < 3 {
            columns = cells.iter().map(|c| c.to_string()).collect();
            continue;
        }
        let label = context::residue(cells[0]);
        let values = &cells[1..];
        // Header names either every column or every column but the label's.
        let names: Vec<Option<&str>> = if columns.len() == values.len() {
            columns.iter().map(|c| Some(c.as_str())).collect()
        } else if columns.len() == values.len() + 1 {
            columns[1..].iter().map(|c| Some(c.as_str())).collect()
        } else {
            vec![None; values.len()]
        };
        let mut cell_start = line_start + cells[0].len() + 1;
        for (cell, name) in values.iter().zip(names) {
            let start = cell_start;
            cell_start += cell.len() + 1;
            let percent =
                cell.ends_with('%') || name.is_some_and(|n| n.contains('%') || n.contains("增长") || n.contains("占"));
            let Some(value) = parse_arabic(cell.trim_end_matches('%')) else {
                continue;
            };
            let name = name.unwrap_or("");
            let year = name
                .get(..4)
                .and_then(|y| y.parse::<u16>().ok())
                .or(section_year)
                .or(report.meta.years.execution);
            let phase = if name.contains("决算") {
                Phase::Final
            } else {
                context::phase_clue(name)
                    .or(name.contains("预算").then_some(Phase::Initial))
                    .unwrap_or(Phase::Unknown)
            };
            let relation = if !percent {
                String::new()
            } else if name.contains('占') {
                "占比".to_string()
            } else {
                "增长".to_string()
            };
            let (unit_text, kind) = if percent {
                ("%".to_string(), ValueKind::Percent)
            } else {
                (money_unit.clone(), unit::kind(&money_unit))
            };
            let metric = if context::is_bare(&label) {
                context::compose(&topic, &label)
            } else {
                label.clone()
            };
            out.push(Reading {
                m: Mention {
                    start,
                    end: start + cell.len(),
                    value,
                    written: cell.trim_end_matches('%').to_string(),
                    unit: unit_text,
                    kind,
                    approx: false,
                },
                base_metric: metric.clone(),
                metric,
                topic: topic.clone(),
                phase,
                relation,
                year,
                parent: None,
                sentence: (line_start, line_start + line.len()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::ingest::parse_report;
    use crate::model::Phase;
    use std::path::Path;

    #[test]
    fn rows_on_one_line_take_their_column_names() {
        let text = "years: 2023/2024\n---\n1.一般公共预算\n单位：万元\n项目 2022年决算数 2023年预算数 2024年预算数 增长% 占比%\n企业所得税 564 600 850 141.67% 50.71%\n增值税 1200 1300 1400 7.69% 40.2%\n";
        let report = parse_report(text, Path::new("t.txt")).unwrap();
        let facts = crate::extract::extract_facts(&report);
        let cit: Vec<_> = facts.iter().filter(|f| f.metric == "企业所得税").collect();
        assert_eq!(cit.len(), 5, "{cit:#?}");
        assert_eq!(
            (cit[0].written.as_str(), cit[0].unit.as_str(), cit[0].year, cit[0].phase),
            ("564", "万元", Some(2022), Phase::Final)
        );
        assert_eq!(
            (cit[2].written.as_str(), cit[2].year, cit[2].phase),
            ("850", Some(2024), Phase::Initial)
        );
        assert_eq!((cit[3].written.as_str(), cit[3].unit.as_str()), ("141.67", "%"));
        assert_eq!(cit[4].relation, "占比");
    }
}
