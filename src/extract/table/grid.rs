//! Stage: extraction, grid tables. Input: a table paragraph whose rows are
//! grid rows (`| 税收收入 | 486250 | 505000 | 3.9 |`, written by the cleaning
//! step from any table layout), optionally after its title and `单位` lines.
//! Output: one reading per figure cell: metric = the row label (numbering and
//! 其中 dropped), year and phase from its column header (else the title's,
//! the section's or the report's year), unit from the `单位` line (percent
//! columns in %), budget from the title or section; the quote is the row.
//! A row whose cell count differs from the header's is skipped, not guessed.

use rust_decimal::Decimal;

use super::super::mention::Mention;
use super::super::{context, unit, Reading};
use super::header::{self, Column, Kind};
use crate::model::{Paragraph, Phase, Report, ValueKind};

/// One grid row: its byte range in the paragraph and its cells with their ranges.
struct Row<'a> {
    start: usize,
    end: usize,
    cells: Vec<(usize, &'a str)>,
    /// The blank characters before each cell's text (a PDF's indentation of items).
    indents: Vec<usize>,
}

fn grid_row(line: &str, start: usize) -> Option<Row<'_>> {
    let t = line.trim_end();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let mut cells = Vec::new();
    let mut indents = Vec::new();
    let mut pos = start + 1;
    for part in inner.split('|') {
        let lead = part.len() - part.trim_start().len();
        cells.push((pos + lead, part.trim()));
        // (the blank every markdown cell opens with is no indentation)
        indents.push(part[..lead].chars().count().saturating_sub(1));
        pos += part.len() + 1;
    }
    Some(Row {
        start,
        end: start + t.len(),
        cells,
        indents,
    })
}

fn is_number(cell: &str) -> bool {
    crate::ingest::clean::tables::is_number(cell)
}

/// The money unit a caption names (`单位：万元`, `（金额单位：亿元）`).
fn caption_unit(caption: &str) -> Option<String> {
    let at = caption.find("单位")?;
    let rest = caption[at + "单位".len()..].trim_start_matches([':', '：', ' ']);
    let unit: String = rest.chars().take_while(|c| crate::text::is_han(*c)).collect();
    unit::yuan_factor(&unit).map(|_| unit)
}

/// The row label as a metric: numbering (1. （一） 一、), 其中 and remarks dropped.
fn clean_label(label: &str) -> String {
    let l = label.trim_start_matches(['#', '*', '—', '-', ' ']);
    let l = l.strip_prefix("其中").map_or(l, |r| r.trim_start_matches([':', '：']));
    let cleaned = context::residue(l);
    if cleaned.is_empty() {
        l.to_string()
    } else {
        cleaned
    }
}

/// Puts a part (一般债务) into a row label naming a debt figure (年末债务余额 → 一般债务余额).
fn with_part(label: &str, part: &str) -> String {
    if part.is_empty() {
        return label.to_string();
    }
    if label.contains("债务") {
        return label.replacen("债务", part, 1);
    }
    if label.contains("债券") {
        let kind = part.trim_end_matches("债务").trim_end_matches("债券");
        return label.replacen("债券", &format!("{kind}债券"), 1);
    }
    format!("{part}{label}")
}

/// Words that name a part of a region's budget (市级, 县本级).
const SCOPES: &[&str] = &[
    "市本级",
    "县本级",
    "区本级",
    "旗本级",
    "市级",
    "区级",
    "县级",
    "镇级",
    "乡级",
    "旗级",
    "本级",
];

/// What a table's title says it lists, and the part of the region it covers:
/// `表1 2023年遂宁市市级一般公共预算收入执行情况表` → (一般公共预算收入, 市级).
/// The flow a table's title names (…分级次一般公共预算收入完成情况 → 一般公共预算收入).
fn flow_in(captions: &str) -> Option<String> {
    static P: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = P.get_or_init(|| {
        regex::Regex::new(r"(?:一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|社会保险基金预算)(?:收入|支出)")
            .expect("valid regex")
    });
    re.find(captions).map(|m| m.as_str().to_string())
}

/// A row label that names a place or a level (芦溪县, 市本级, 萍乡经开区), not an item.
fn is_place(label: &str) -> bool {
    crate::region::has_suffix(label)
        || ["本级", "开发区", "经开区", "高新区", "新区", "园区"]
            .iter()
            .any(|w| label.ends_with(w))
}

fn caption_subject(captions: &str, report: &Report) -> (String, String) {
    let Some(title) = captions
        .split(' ')
        .map(|c| c.split("单位").next().unwrap_or("").trim_end_matches(['（', '(', ' ']))
        .map(|c| c.trim_end_matches([':', '：']).trim_end_matches("如下"))
        // …or a lead-in line (市级2023年预算收支对比及2024年安排如下：).
        .find(|c| {
            c.ends_with('表') || c.ends_with("表）") || c.ends_with("表)") || SCOPES.iter().any(|w| c.starts_with(w))
        })
    else {
        return (String::new(), String::new());
    };
    let mut s: String = title.to_string();
    for key in crate::region::keys(&report.meta.region) {
        s = s.replace(&key, "");
    }
    // Years, and the table number before them (表1, 表一, 附表2).
    while let Some(y) = header::year_in(&s) {
        s = s.replacen(&format!("{y}年"), "", 1);
    }
    let s = s.trim_start_matches(|c: char| {
        c == '表' || c == '附' || c.is_ascii_digit() || "一二三四五六七八九十 ：:".contains(c)
    });
    let mut s = s
        .trim_end_matches(['）', ')'])
        .trim_end_matches("（草案")
        .trim_end_matches("(草案")
        .to_string();
    loop {
        let before = s.len();
        for end in [
            "表",
            "情况",
            "执行",
            "决算",
            "草案",
            "调整",
            "对比",
            "明细",
            "安排",
            "收支平衡",
        ] {
            if let Some(rest) = s.strip_suffix(end) {
                s = rest.to_string();
            }
        }
        // 预算 ends a budget's own name (一般公共预算) but not what a table lists.
        if let Some(rest) = s
            .strip_suffix("预算数")
            .or_else(|| s.strip_suffix("预算"))
            .filter(|r| !r.is_empty() && !["公共", "基金", "经营"].iter().any(|w| r.ends_with(w)))
        {
            s = rest.to_string();
        }
        if s.len() == before {
            break;
        }
    }
    // What comes before a budget's name is the place and its part (甲县县本级).
    let budget_at = ["一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"]
        .iter()
        .filter_map(|b| s.find(b))
        .min()
        .unwrap_or(0);
    let (place, subject) = s.split_at(budget_at);
    let scope = SCOPES
        .iter()
        .find(|w| {
            if budget_at > 0 {
                place.ends_with(**w)
            } else {
                subject.starts_with(**w)
            }
        })
        .map_or("", |w| *w);
    let subject = if budget_at > 0 {
        subject
    } else {
        &subject[scope.len()..]
    };
    (subject.trim_start_matches('的').to_string(), scope.to_string())
}

/// Adds what a measure column measures to the row label (一般债务 + 余额).
fn with_measure(label: &str, measure: &str) -> String {
    if label.ends_with(measure) {
        return label.to_string();
    }
    if ["合计", "总计", "小计"].contains(&label) {
        // (收入 | 支出 over funds or counties: the total of that flow)
        if ["收入", "支出", "结余"].iter().any(|e| measure.ends_with(e)) {
            return format!("{measure}{label}");
        }
        return format!("政府债务{measure}");
    }
    format!("{label}{measure}")
}

/// The phase of a figure whose column names none.
fn default_phase(report: &Report, year: Option<u16>) -> Phase {
    let years = report.meta.years;
    if year.is_some() && year == years.draft && years.draft != years.execution {
        return Phase::Draft;
    }
    match report.meta.kind.as_str() {
        "决算报告" => Phase::Final,
        "预算调整" => Phase::Adjusted,
        _ => Phase::Actual,
    }
}

/// True when a paragraph holds grid rows.
pub(crate) fn is_grid(p: &Paragraph) -> bool {
    p.text.lines().any(crate::ingest::clean::tables::is_grid_row)
}

/// Reads the figures of a grid table paragraph.
pub(crate) fn read(default_unit: &str, report: &Report, p: &Paragraph) -> Vec<Reading> {
    let (section_topic, section_year) = super::section_context(p);
    let mut captions = String::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut offset = 0;
    for line in p.text.split('\n') {
        match grid_row(line, offset) {
            Some(row) => rows.push(row),
            None if rows.is_empty() => {
                captions.push_str(line);
                captions.push(' ');
            }
            None => {}
        }
        offset += line.len() + 1;
    }
    // (…or a header cell names it: 金额（万元）.)
    let header_unit = || {
        rows.iter()
            .take_while(|r| !r.cells.iter().any(|(_, c)| is_number(c)))
            .flat_map(|r| r.cells.iter())
            .find_map(|(_, c)| header::unit_in(c))
    };
    let money_unit = caption_unit(&captions)
        .or_else(header_unit)
        .unwrap_or_else(|| default_unit.to_string());
    let topic = context::topic_in(&captions)
        .map(str::to_string)
        .unwrap_or(section_topic);
    let table_year = header::year_in(&captions).or(section_year);
    let (subject, scope) = caption_subject(&captions, report);
    let place_measure = flow_in(&captions);
    let header_rows = rows
        .iter()
        .take_while(|r| !r.cells.iter().any(|(_, c)| is_number(c)))
        .count();
    if header_rows == 0 {
        return Vec::new();
    }
    let header_cells: Vec<Vec<String>> = rows[..header_rows]
        .iter()
        .map(|r| r.cells.iter().map(|(_, c)| c.to_string()).collect())
        .collect();
    let mut columns: Vec<Column> = header::names(&header_cells)
        .iter()
        .map(|n| header::column(n, table_year, report.meta.years))
        .collect();
    // 收入 | 预计执行数 (one side of a 收支平衡表): a flow heading the first column names
    // the rows, not their figures.
    if let Some(first) = columns
        .first_mut()
        .filter(|c| c.measure.is_some() && c.kind == Kind::Amount)
    {
        first.kind = Kind::Label;
        first.measure = None;
    }
    let label_col = columns
        .iter()
        .position(|c| c.kind == Kind::Label)
        .or_else(|| (columns.first()?.kind == Kind::Skip && columns.len() > 1).then_some(0));
    let Some(label_col) = label_col else {
        return Vec::new();
    };
    let mut out: Vec<Reading> = Vec::new();
    // The reading of the last row that was not a 其中 part, per column.
    let mut totals: Vec<Option<usize>> = vec![None; columns.len()];
    // Rows that may have indented items: their indentation and readings per column.
    let mut indented: Vec<(usize, Vec<Option<usize>>)> = Vec::new();
    // The reading of the total row (合计) that the table's title names, per column,
    // and the column of each reading.
    let mut subject_totals: Vec<Option<usize>> = vec![None; columns.len()];
    let mut columns_of: Vec<usize> = Vec::new();
    // A 序号 column whose numbers a PDF copy ran into the names (`| 3建阳区第二人民医院迁建项目 | 18000 |`).
    let numbered = header_cells
        .first()
        .and_then(|r| r.first())
        .is_some_and(|c| matches!(c.as_str(), "序号" | "编号"));
    for row in &rows[header_rows..] {
        let shifted;
        let cells = if numbered && row.cells.len() + 1 == columns.len() {
            shifted = std::iter::once((row.start, ""))
                .chain(row.cells.iter().copied())
                .collect::<Vec<_>>();
            &shifted
        } else {
            &row.cells
        };
        let label_at = if cells.len() == row.cells.len() {
            label_col
        } else {
            label_col.saturating_sub(1)
        };
        let indent = row.indents.get(label_at).copied().unwrap_or(0);
        if cells.len() != columns.len() {
            continue;
        }
        let raw_label = cells[label_col].1;
        let raw_label = if numbered {
            raw_label.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '、')
        } else {
            raw_label
        };
        let label = clean_label(raw_label);
        if label.is_empty() || is_number(&label) {
            continue;
        }
        let is_part = raw_label.trim_start().starts_with("其中");
        // Items indented under a row are its parts (一般性转移支付收入 / 　　均衡性转移支付收入);
        // the items after 其中： line up with the word after it, not with 其中.
        // (in columns: 其中： is as wide as six blanks)
        let own_indent = indent
            + if is_part {
                let prefix: String = raw_label
                    .chars()
                    .take_while(|c| matches!(c, '其' | '中' | ':' | '：'))
                    .collect();
                crate::text::display_width(&prefix)
            } else {
                0
            };
        while indented.last().is_some_and(|(i, _)| *i >= own_indent) {
            indented.pop();
        }
        let indent_parent = indented.last().map(|(_, readings)| readings.clone());
        let mut readings: Vec<Option<usize>> = vec![None; columns.len()];
        let label_year = header::year_in(raw_label);
        for (i, (col, (start, cell))) in columns.iter().zip(cells).enumerate() {
            if !matches!(col.kind, Kind::Amount | Kind::Percent(_)) || !is_number(cell) {
                continue;
            }
            let plain: String = cell.chars().filter(|c| !matches!(c, ',' | '%' | '％')).collect();
            let Ok(value) = plain.parse::<Decimal>() else {
                continue;
            };
            // (a rate column after a measure's is of that measure: 一般公共预算收入 | 增长%)
            let measure = col
                .measure
                .as_ref()
                .or_else(|| {
                    matches!(col.kind, Kind::Percent(_))
                        .then(|| columns[..i].iter().rev().find(|c| c.kind == Kind::Amount && !c.within))
                        .flatten()
                        .and_then(|c| c.measure.as_ref())
                })
                // (rows of places under a title naming the flow: 分级次一般公共预算收入完成情况)
                .or(place_measure.as_ref().filter(|_| is_place(&label)));
            let mut metric = match (&col.part, measure) {
                (Some(part), _) => with_part(&label, part),
                (None, Some(measure)) => with_measure(&label, measure),
                _ => label.clone(),
            };
            let total = ["合计", "总计"].contains(&metric.as_str());
            if total && !subject.is_empty() && col.part.is_none() && col.measure.is_none() {
                // The total of a table is what its title names.
                metric = subject.clone();
            } else if context::is_bare(&metric) || total || metric == "小计" {
                metric = context::compose(&topic, &metric);
            }
            // A budget's own figures of a part of the region (市级一般公共预算收入)
            // are not the region's; the items under them keep their names.
            // (A column of one level says which: 全市 | 市级 under 全市及市级…执行表.)
            match col.level.as_deref() {
                None if !scope.is_empty() && !topic.is_empty() && metric.starts_with(topic.as_str()) => {
                    metric = format!("{scope}{metric}");
                }
                Some(level) if !metric.starts_with(level) => metric = format!("{level}{metric}"),
                _ => {}
            }
            let year = if col.part.is_some() {
                label_year.or(col.year)
            } else {
                col.year
            };
            let (m_unit, kind, relation, written, value, phase, year) = match col.kind {
                Kind::Percent(relation) => {
                    // The amount column a rate belongs to, among those before it
                    // (of its year, when it names one): a completion rate
                    // rates the nearest executed amount, a change the latest
                    // year's (the nearest of that year).
                    let candidates = columns[..i]
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.kind == Kind::Amount && (col.year.is_none() || c.year == col.year));
                    let base = if relation == "完成率" {
                        candidates
                            .rev()
                            .find(|(_, c)| !matches!(c.phase, Some(Phase::Initial | Phase::Adjusted | Phase::Draft)))
                    } else {
                        candidates.max_by_key(|(k, c)| (c.year, *k))
                    }
                    .map(|(_, c)| c);
                    let year = year.or(base.and_then(|b| b.year)).or(table_year);
                    let phase = col
                        .phase
                        .or(base.and_then(|b| b.phase))
                        .unwrap_or_else(|| default_phase(report, year));
                    let relation = match relation {
                        "比上年增长" if value < Decimal::ZERO => "比上年下降",
                        "比上年执行数增长" if value < Decimal::ZERO => "比上年执行数下降",
                        "比上年预算数增长" if value < Decimal::ZERO => "比上年预算数下降",
                        r => r,
                    };
                    let abs = value.abs();
                    (
                        "%".to_string(),
                        ValueKind::Percent,
                        relation.to_string(),
                        abs.to_string(),
                        abs,
                        phase,
                        year,
                    )
                }
                _ => {
                    let phase = col.phase.unwrap_or_else(|| default_phase(report, year));
                    (
                        money_unit.clone(),
                        unit::kind(&money_unit),
                        String::new(),
                        plain.clone(),
                        value,
                        phase,
                        year,
                    )
                }
            };
            let parent = if is_part {
                totals[i]
            } else if matches!(kind, ValueKind::Money | ValueKind::Count) {
                indent_parent.as_ref().and_then(|r| r[i])
            } else {
                None
            };
            if !is_part {
                totals[i] = Some(out.len());
            }
            if total && !subject.is_empty() && metric.ends_with(subject.as_str()) {
                subject_totals[i] = Some(out.len());
            }
            readings[i] = Some(out.len());
            columns_of.push(i);
            out.push(Reading {
                compared: false,
                m: Mention {
                    start: *start,
                    end: start + cell.len(),
                    value,
                    written,
                    unit: m_unit,
                    kind,
                    approx: false,
                },
                base_metric: metric.clone(),
                metric,
                topic: topic.clone(),
                phase,
                relation,
                year,
                parent,
                sentence: (row.start, row.end),
            });
        }
        indented.push((own_indent, readings));
    }
    // The items of a table titled by what they add up to (共同财政事权转移支付分项目表,
    // 义务教育 … 合计) are parts of its total.
    for (k, column) in columns_of.iter().enumerate() {
        if let Some(total) = subject_totals[*column] {
            if out[k].parent.is_none() && k != total && out[k].m.kind == ValueKind::Money {
                out[k].parent = Some(total);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::ingest::parse_report;
    use crate::model::{Fact, Phase};
    use std::path::Path;

    fn facts(text: &str) -> Vec<Fact> {
        let report = parse_report(text, Path::new("t.txt")).expect("a report");
        crate::extract::extract_facts(&report)
    }

    fn find<'a>(facts: &'a [Fact], metric: &str, written: &str) -> &'a Fact {
        facts
            .iter()
            .find(|f| f.metric == metric && f.written == written)
            .unwrap_or_else(|| panic!("no {metric} {written} in {facts:#?}"))
    }

    #[test]
    fn columns_named_by_a_flow_name_each_row_and_indented_rows_are_parts() {
        let f = facts(
            "years: 2023/2024\n---\n表1 2023年各县一般公共预算收支\n金额单位：亿元\n| 地区 | 一般公共预算收入 | 增长% | 一般公共预算支出 |\n|---|---|---|---|\n| 甲县 | 15.43 | 8.9 | 41.58 |\n| 合计 | 68.29 | 7.1 | 285.02 |\n\n单位：万元\n| 项目 | 2024年预算数 |\n|---|---|\n| 一般性转移支付收入 | 101200 |\n|     共同财政事权转移支付收入 | 31900 |\n|         其中：教育 | 9800 |\n|               卫生健康 | 6100 |\n| 专项转移支付收入 | 8400 |\n|     教育 | 2100 |\n",
        );
        assert_eq!(find(&f, "甲县一般公共预算收入", "15.43").unit, "亿元");
        assert_eq!(find(&f, "甲县一般公共预算支出", "41.58").year, Some(2023));
        assert_eq!(find(&f, "甲县一般公共预算收入", "8.9").relation, "比上年增长");
        assert_eq!(find(&f, "一般公共预算收入合计", "68.29").unit, "亿元");
        let parent_of = |metric: &str, value: &str| find(&f, metric, value).parent.map(|p| f[p].metric.clone());
        assert_eq!(
            parent_of("共同财政事权转移支付收入", "31900").as_deref(),
            Some("一般性转移支付收入")
        );
        assert_eq!(
            parent_of("卫生健康", "6100").as_deref(),
            Some("共同财政事权转移支付收入")
        );
        assert_eq!(parent_of("教育", "2100").as_deref(), Some("专项转移支付收入"));
    }

    #[test]
    fn a_pipe_table_gives_year_phase_unit_and_rates() {
        let f = facts(
            "years: 2023/2024\n---\n一、2024年预算草案\n甲县2024年一般公共预算收入预算表\n单位：万元\n| 项目 | 2023年执行数 | 2024年预算数 | 增长% |\n|---|---|---|---|\n| 税收收入 | 500 | 530 | 6.0 |\n| 其中：增值税 | 200 | 190 | -5.0 |\n| 合计 | 800 | 850 | 6.3 |\n",
        );
        let tax = find(&f, "税收收入", "530");
        assert_eq!(
            (tax.year, tax.phase, tax.unit.as_str()),
            (Some(2024), Phase::Draft, "万元")
        );
        assert_eq!(tax.topic, "一般公共预算");
        assert!(tax.sentence.contains("税收收入"));
        let done = find(&f, "税收收入", "500");
        assert_eq!((done.year, done.phase), (Some(2023), Phase::Actual));
        let vat = find(&f, "增值税", "5.0");
        assert_eq!(
            (vat.unit.as_str(), vat.relation.as_str(), vat.year),
            ("%", "比上年下降", Some(2024))
        );
        let vat_amount = find(&f, "增值税", "190");
        assert_eq!(vat_amount.parent, Some(find(&f, "税收收入", "530").index));
        assert_eq!(find(&f, "一般公共预算收入", "850").phase, Phase::Draft);
    }

    #[test]
    fn a_spaced_final_accounts_table_with_completion_rates() {
        let f = facts(
            "years: 2022/-\nkind: 决算报告\n---\n乙区2022年一般公共预算收支决算表\n金额单位：亿元\n项目 年初预算数 调整预算数 决算数 完成调整预算% 比上年增减%\n教育支出 8.8 9.2 9.1 98.9 4.3\n农林水支出 6.1 7.3 7.2 -1 12.6 5\n",
        );
        let edu = find(&f, "教育支出", "8.8");
        assert_eq!(
            (edu.phase, edu.year, edu.unit.as_str()),
            (Phase::Initial, Some(2022), "亿元")
        );
        assert_eq!(find(&f, "教育支出", "9.2").phase, Phase::Adjusted);
        assert_eq!(find(&f, "教育支出", "9.1").phase, Phase::Final);
        let rate = find(&f, "教育支出", "98.9");
        assert_eq!((rate.relation.as_str(), rate.phase), ("完成率", Phase::Final));
        assert_eq!(find(&f, "教育支出", "4.3").relation, "比上年增长");
        assert!(
            f.iter().all(|x| x.metric != "农林水支出"),
            "a row with more cells than the header is skipped"
        );
    }

    #[test]
    fn the_title_names_the_total_and_the_part_of_the_region() {
        let f = facts(
            "years: 2023/2024\n---\n表2 2023年丁市市级一般公共预算收入执行情况表\n单位：万元\n| 项目 | 2023年预算数 | 2023年执行数 | 完成预算% | 比上年增长% |\n| 一般公共预算收入 | 100 | 102 | 102.0 | 3.0 |\n| 契税 | 10 | 9 | 90.0 | -4.0 |\n| 合计 | 100 | 102 | 102.0 | 3.0 |\n",
        );
        let total = find(&f, "市级一般公共预算收入", "102");
        assert_eq!((total.year, total.phase), (Some(2023), Phase::Actual));
        let rate = find(&f, "契税", "90.0");
        assert_eq!(
            (rate.relation.as_str(), rate.year, rate.phase),
            ("完成率", Some(2023), Phase::Actual)
        );
        assert_eq!(find(&f, "契税", "4.0").relation, "比上年下降");
    }

    #[test]
    fn a_rate_without_a_year_belongs_to_the_amount_before_it() {
        let f = facts(
            "years: 2023/2024\n---\n2023年执行数与2024年预算数对比表\n单位：万元\n项目 2023年执行数 2024年预算数 增长%\n税收收入 100 108 8.0\n非税收入 50 51 2.0\n",
        );
        let rate = find(&f, "税收收入", "8.0");
        assert_eq!((rate.year, rate.phase), (Some(2024), Phase::Draft));
    }

    #[test]
    fn a_change_rates_the_latest_year_even_when_it_comes_first() {
        let f = facts(
            "years: -/2024\n---\n戊县2024年“三公”经费预算表\n单位：万元\n| 项目 | 2024年预算数 | 2023年预算数 | 增减额 | 增减% |\n| 公务接待费 | 90.00 | 100.00 | -10.00 | -10.00 |\n",
        );
        let rate = find(&f, "公务接待费", "10.00");
        assert_eq!(
            (rate.unit.as_str(), rate.relation.as_str(), rate.year),
            ("%", "比上年下降", Some(2024))
        );
        assert_eq!(
            f.iter().filter(|x| x.metric == "公务接待费").count(),
            3,
            "增减额 is not read"
        );
    }

    #[test]
    fn debt_tables_put_the_part_into_the_metric() {
        let f = facts(
            "years: 2023/-\n---\n丙县2023年政府债务限额及余额情况表\n单位：万元\n| 项目 | 合计 | 一般债务 | 专项债务 |\n| 2022年末债务余额 | 30 | 10 | 20 |\n| 2023年再融资债券发行 | 9 | 4 | 5 |\n\n单位：万元\n项目    2022年末余额    2023年限额\n一般债务    10    12\n合计    30    40\n",
        );
        assert_eq!(find(&f, "一般债务余额", "10").year, Some(2022));
        assert_eq!(find(&f, "专项债务余额", "20").year, Some(2022));
        assert_eq!(find(&f, "再融资专项债券发行", "5").year, Some(2023));
        assert_eq!(find(&f, "一般债务限额", "12").year, Some(2023));
        assert_eq!(find(&f, "政府债务限额", "40").year, Some(2023));
    }

    #[test]
    fn cells_one_per_line_are_read_by_their_header() {
        let f = facts(
            "years: 2023/2024\n---\n单位：万元\n项目\n2023年执行数\n2024年预算数\n甲项支出\n120\n130\n预备费\n—\n15\n合计\n120\n145\n",
        );
        assert_eq!(find(&f, "预备费", "15").year, Some(2024));
        assert_eq!(find(&f, "甲项支出", "120").phase, Phase::Actual);
        assert_eq!(f.iter().filter(|x| x.metric == "预备费").count(), 1);
    }
}
