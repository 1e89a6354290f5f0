//! Stage: extraction, tables. Input: a table paragraph (or a prose paragraph
//! a table ran into). Output: its figures as readings.
//!
//! - grid tables (rows `| a | b |`, written by the cleaning step from pipe,
//!   spaced and one-cell-per-line layouts) are read by [`grid`], their
//!   columns by [`header`];
//! - tables flattened one cell per line without a header the cleaning step
//!   knows (`收入` / `执行数` / `一、本级收入` / `167500` …), joined by the
//!   structure stage into one paragraph of cells: a `单位：万元` cell gives the
//!   unit; each number belongs to the label cell before it; a header cell such
//!   as 执行数 or 预算数 gives the phase;
//! - rows on their own lines under a header line ([`read_rows`]), and tables
//!   a PDF copy ran into one line of prose ([`read_inline`]).

mod grid;
mod header;

use super::mention::Mention;
use super::number::parse_arabic;
use super::{context, unit, Reading};
use crate::model::{Paragraph, Phase, Report, ValueKind};
use rust_decimal::Decimal;

fn is_number(cell: &str) -> bool {
    !cell.is_empty()
        && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        && cell.chars().any(|c| c.is_ascii_digit())
}

/// The budget and the year that the headings above a table name.
fn section_context(p: &Paragraph) -> (String, Option<u16>) {
    let topic = p.section.iter().rev().find_map(|h| context::topic_in(h)).unwrap_or("");
    // (二、2026年预算草案: the year after the heading's marker too)
    let year = p.section.iter().rev().find_map(|h| header::year_in(h));
    (topic.to_string(), year)
}

/// Reads the facts of a table paragraph.
pub(crate) fn read(default_unit: &'static str, report: &Report, p: &Paragraph) -> Vec<Reading> {
    if grid::is_grid(p) {
        return grid::read(default_unit, report, p);
    }
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
            compared: false,
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

/// Phase words of a column header (完成数, 预算数 …).
fn column_phase(word: &str) -> Option<Phase> {
    Some(match word {
        "完成数" | "完成" | "执行数" | "执行" | "实际完成数" => Phase::Actual,
        "预算数" | "预算" | "年初预算数" | "年初预算" => Phase::Initial,
        "调整预算数" | "调整预算" | "调整后预算数" | "调整后预算" => Phase::Adjusted,
        "预计数" | "预计完成数" | "预计执行数" | "预计完成" | "预计执行" => Phase::Expected,
        "决算数" | "决算" => Phase::Final,
        _ => return None,
    })
}

/// Reads a table that a PDF copy ran into one line of prose: a header of k
/// years then k phase words (`2020年 2021年 2021年 完成数 预算数 完成数`),
/// then rows of a label and k amounts (rates after them are left: their
/// columns are not named). Returns the readings and the byte range the table
/// covers; rows that do not have k amounts are skipped rather than guessed.
pub(crate) fn read_inline(default_unit: &'static str, p: &Paragraph) -> (Vec<Reading>, Option<(usize, usize)>) {
    let text = &p.text;
    // Cells with their byte offsets.
    let mut cells: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for part in text.split(' ') {
        if !part.is_empty() {
            cells.push((pos, part));
        }
        pos += part.len() + 1;
    }
    let year_of = |c: &str| {
        c.strip_suffix('年')
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<u16>().ok())
            .filter(|y| (1990..2100).contains(y))
    };
    let (topic_default, _) = section_context(p);
    let mut out = Vec::new();
    let mut covered: Option<(usize, usize)> = None;
    let mut unit_text = default_unit.to_string();
    let mut columns: Vec<(u16, Phase)> = Vec::new();
    let mut topic = topic_default.clone();
    let mut label: Vec<(usize, &str)> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let (start, cell) = cells[i];
        if let Some(u) = cell.strip_prefix("单位:").or_else(|| cell.strip_prefix("单位：")) {
            if unit::yuan_factor(u).is_some() {
                unit_text = u.to_string();
            }
            i += 1;
            continue;
        }
        // A header: k years then k phase words.
        let years: Vec<u16> = cells[i..].iter().map_while(|(_, c)| year_of(c)).collect();
        if years.len() >= 2 {
            let k = years.len();
            let phases: Vec<Phase> = cells[i + k..]
                .iter()
                .take(k)
                .map_while(|(_, c)| column_phase(c))
                .collect();
            if phases.len() == k {
                // The table's title before the header names its budget.
                let mut from = start.saturating_sub(120);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let before = &text[from..start];
                topic = context::topic_in(before)
                    .map(str::to_string)
                    .unwrap_or_else(|| topic_default.clone());
                columns = years.into_iter().zip(phases).collect();
                label.clear();
                i += 2 * k;
                continue;
            }
        }
        let amount = |c: &str| !c.ends_with('%') && is_number(c);
        if columns.is_empty() || !amount(cell) {
            if !amount(cell) && !cell.ends_with('%') {
                label.push((start, cell));
            } else {
                label.clear();
            }
            i += 1;
            continue;
        }
        // A row: the label before k amounts.
        let k = columns.len();
        let row: Vec<(usize, &str)> = cells[i..].iter().take_while(|(_, c)| amount(c)).copied().collect();
        let name = context::residue(&label.iter().map(|(_, c)| *c).collect::<String>());
        let row_start = label.first().map_or(start, |(s, _)| *s);
        label.clear();
        if row.len() != k || name.is_empty() || name.chars().count() > 16 {
            i += row.len().max(1);
            continue;
        }
        // Rates after the amounts: their columns are not named, so each is
        // read only when the amounts prove what it is.
        let values: Vec<Option<Decimal>> = row.iter().map(|(_, c)| parse_arabic(c)).collect();
        let rates: Vec<(usize, &str)> = cells[i + k..]
            .iter()
            .take(3)
            .take_while(|(_, c)| c.ends_with('%') && is_number(c.trim_end_matches('%')))
            .copied()
            .collect();
        let proven: Vec<((usize, &str), &'static str)> = rates
            .iter()
            .filter_map(|&(s, c)| rate_meaning(c.trim_end_matches('%'), &values, &columns).map(|r| ((s, c), r)))
            .collect();
        let row_end = rates.last().or(row.last()).map_or(start, |(s, c)| s + c.len());
        let metric = if context::is_bare(&name) || name == "总计" || name == "合计" {
            format!("{topic}{name}")
        } else {
            name
        };
        for ((cell_start, cell), (year, phase)) in row.iter().zip(&columns) {
            let Some(value) = parse_arabic(cell) else {
                continue;
            };
            out.push(Reading {
                compared: false,
                m: Mention {
                    start: *cell_start,
                    end: cell_start + cell.len(),
                    value,
                    written: cell.replace(',', ""),
                    unit: unit_text.clone(),
                    kind: unit::kind(&unit_text),
                    approx: false,
                },
                base_metric: metric.clone(),
                metric: metric.clone(),
                topic: topic.clone(),
                phase: *phase,
                relation: String::new(),
                year: Some(*year),
                parent: None,
                sentence: (row_start, row_end),
            });
        }
        let (last_year, last_phase) = columns[k - 1];
        for ((cell_start, cell), relation) in proven {
            let Some(value) = parse_arabic(cell.trim_end_matches('%')) else {
                continue;
            };
            let relation = if relation == "比上年增长" && value < Decimal::ZERO {
                "比上年下降"
            } else {
                relation
            };
            let written = cell.trim_end_matches('%').trim_start_matches('-');
            out.push(Reading {
                compared: false,
                m: Mention {
                    start: cell_start,
                    end: cell_start + cell.len(),
                    value: value.abs(),
                    written: written.to_string(),
                    unit: "%".to_string(),
                    kind: ValueKind::Percent,
                    approx: false,
                },
                base_metric: metric.clone(),
                metric: metric.clone(),
                topic: topic.clone(),
                phase: last_phase,
                relation: relation.to_string(),
                year: Some(last_year),
                parent: None,
                sentence: (row_start, row_end),
            });
        }
        covered = Some(covered.map_or((row_start, row_end), |(s, _)| (s, row_end)));
        i += k + rates.len();
    }
    (out, covered)
}

/// What an unnamed rate after a row's amounts is, when the amounts prove it:
/// the last amount over a budget of its year (完成率), or its change on the
/// year before (比上年增长), to the rate's decimals.
fn rate_meaning(rate: &str, values: &[Option<Decimal>], columns: &[(u16, Phase)]) -> Option<&'static str> {
    let r = parse_arabic(rate)?;
    let places = rate.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let (last_year, last_phase) = *columns.last()?;
    let last = (*values.last()?)?;
    let hundred = Decimal::from(100);
    let fits = |computed: Decimal| (computed.round_dp(places) - r).abs() <= Decimal::new(1, places);
    for (j, (year, phase)) in columns[..columns.len() - 1].iter().enumerate() {
        let Some(v) = values[j].filter(|v| !v.is_zero()) else {
            continue;
        };
        let budget = matches!(phase, Phase::Initial | Phase::Adjusted);
        if *year == last_year
            && budget
            && !matches!(last_phase, Phase::Initial | Phase::Adjusted)
            && fits(last * hundred / v)
        {
            return Some("完成率");
        }
        if *year + 1 == last_year && !budget && fits((last / v - Decimal::ONE) * hundred) {
            return Some("比上年增长");
        }
    }
    None
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
                compared: false,
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
            // The budget of the report's draft year is its draft budget.
            (cit[2].written.as_str(), cit[2].year, cit[2].phase),
            ("850", Some(2024), Phase::Draft)
        );
        assert_eq!((cit[3].written.as_str(), cit[3].unit.as_str()), ("141.67", "%"));
        assert_eq!(cit[4].relation, "占比");
    }

    #[test]
    fn a_table_run_into_one_line_is_read_by_column() {
        let text = "years: 2021/2022\n---\n一般公共预算收入执行情况表 单位:万元 2020年 2021年 2021年 完成数 预算数 完成数 49,171 51,385 51,385 100.00% 税收收入小计 27,631 33,385 33,385 100.00% 20.82% 企业所得税 564 600 850 141.67% 50.71% 印花税 2,335 2,6\n";
        let report = parse_report(text, Path::new("t.txt")).unwrap();
        let facts = crate::extract::extract_facts(&report);
        let cit: Vec<_> = facts.iter().filter(|f| f.metric == "企业所得税").collect();
        let got: Vec<_> = cit
            .iter()
            .filter(|f| f.relation.is_empty())
            .map(|f| (f.written.as_str(), f.year, f.phase))
            .collect();
        assert_eq!(
            got,
            vec![
                ("564", Some(2020), Phase::Actual),
                ("600", Some(2021), Phase::Initial),
                ("850", Some(2021), Phase::Actual)
            ]
        );
        assert!(
            facts.iter().all(|f| f.unit != "万元" || f.metric != "印花税"),
            "a cut row is not guessed"
        );
        assert!(facts.iter().any(|f| f.metric == "税收收入小计" && f.written == "33385"));
        let rates: Vec<_> = cit
            .iter()
            .map(|f| (f.written.as_str(), f.relation.as_str()))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        assert_eq!(rates, vec![("141.67", "完成率"), ("50.71", "比上年增长")]);
    }
}
