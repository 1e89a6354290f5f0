//! Stage: extraction, table headers. Input: the header rows of a grid table
//! (one or two rows of column names) and the years around it. Output: one
//! [`Column`] per column, saying what its cells are: the row label, an amount
//! of a year and phase, a percentage with its relation, or nothing to read.

use crate::ingest::clean::tables::LABEL_HEADS;
use crate::model::{Phase, Years};

/// What the cells of a column hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// The row's label (项目, 科目, 项目名称).
    Label,
    /// Amounts.
    Amount,
    /// Percentages: 完成率, 比上年增长 (the sign decides 增长 or 下降), 占比.
    Percent(&'static str),
    /// Nothing read: 序号, 备注, differences (增减额), types and terms.
    Skip,
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    /// The header text (both header rows joined).
    pub name: String,
    pub kind: Kind,
    /// The year the header names (上年 is the table's year minus one).
    pub year: Option<u16>,
    /// The phase the header names; `None` when it names none.
    pub phase: Option<Phase>,
    /// What a measure column measures (余额, 限额), added to the row label.
    pub measure: Option<String>,
    /// A part a column stands for (一般债务, 专项债务), put into the row label.
    pub part: Option<String>,
    /// The level of government a column stands for (市级, 县本级), put before the
    /// row label; empty for a column of the whole (全市), `None` when it names neither.
    pub level: Option<String>,
    /// A column of a part of the column before it (其中：税收收入): no rate after it is its.
    pub within: bool,
}

const PARTS: &[&str] = &["一般债务", "专项债务", "一般债券", "专项债券"];
const TOTALS: &[&str] = &["合计", "小计", "总计"];
const MEASURES: &[&str] = &["余额", "限额", "金额", "发行额", "还本", "付息"];

/// A column of one level of government: `Some(true)` for the whole (全市),
/// `Some(false)` for the government's own level (市级, 县本级, 本级).
fn level_column(name: &str) -> Option<bool> {
    const PLACES: &[char] = &['省', '市', '州', '盟', '县', '区', '旗', '镇', '乡'];
    let mut chars = name.chars();
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some('全'), Some(p), None, _) if PLACES.contains(&p) => Some(true),
        (Some('本'), Some('级'), None, _) => Some(false),
        (Some(p), Some('级'), None, _) if PLACES.contains(&p) => Some(false),
        (Some(p), Some('本'), Some('级'), None) if PLACES.contains(&p) => Some(false),
        _ => None,
    }
}

/// The first year (19xx年/20xx年) named in `text`.
pub(crate) fn year_in(text: &str) -> Option<u16> {
    text.match_indices('年').find_map(|(i, _)| {
        let before = text[..i].get(i.checked_sub(4)?..)?;
        let y: u16 = before.parse().ok()?;
        (1990..2100).contains(&y).then_some(y)
    })
}

/// The phase of an amount column.
/// A column named by a flow or balance (一般公共预算收入, 支出, 当年结余), not by a phase
/// (收入预算数 is a phase of the row's own figure).
fn flow_column(name: &str) -> Option<&str> {
    let name = name.strip_prefix("本年").unwrap_or(name);
    (["收入", "支出", "结余"].iter().any(|e| name.ends_with(e)) && display_width_ok(name)).then_some(name)
}

fn display_width_ok(name: &str) -> bool {
    (2..=14).contains(&name.chars().count())
}

fn phase_of(name: &str, year: Option<u16>, years: Years) -> Option<Phase> {
    let draft_year = year.is_some() && year == years.draft && years.draft != years.execution;
    if name.contains("预计") {
        Some(Phase::Expected)
    } else if name.contains("决算") {
        Some(Phase::Final)
    } else if name.contains("调整前") {
        // 调整前预算: the budget as passed, before the adjustment.
        Some(Phase::Initial)
    } else if name.contains("调整") {
        Some(Phase::Adjusted)
    } else if ["执行", "完成", "实际", "实绩"].iter().any(|w| name.contains(w)) {
        Some(Phase::Actual)
    } else if ["预算", "年初", "计划", "安排"].iter().any(|w| name.contains(w)) {
        Some(if draft_year { Phase::Draft } else { Phase::Initial })
    } else {
        None
    }
}

/// Reads one column name; `table_year` is the year the table's title or
/// section names, `years` the report's.
/// The money unit a column name ends with in brackets (金额（万元）).
pub(crate) fn unit_in(name: &str) -> Option<String> {
    let inner = name
        .strip_suffix(['）', ')'])?
        .rsplit_once(['（', '('])?
        .1
        .trim_start_matches("单位")
        .trim_start_matches([':', '：']);
    crate::extract::unit::yuan_factor(inner).map(|_| inner.to_string())
}

pub(crate) fn column(name: &str, table_year: Option<u16>, years: Years) -> Column {
    // 金额（万元）: the unit is the table's, the name is 金额.
    let name = match unit_in(name) {
        Some(_) => name.rsplit_once(['（', '(']).map_or(name, |(head, _)| head),
        None => name,
    };
    // 其中：税收收入: a part of the column before, named as itself.
    let within_name = name
        .strip_prefix("其中")
        .map(|r| r.trim_start_matches([':', '：']))
        .filter(|r| r.chars().count() >= 2);
    let name = within_name.unwrap_or(name);
    let year = year_in(name).or_else(|| {
        let base = table_year.or(years.execution)?;
        if name.contains("上年") && !name.contains("比上年") && !name.contains("较上年") {
            Some(base - 1)
        } else {
            Some(base)
        }
    });
    let mut col = Column {
        name: name.to_string(),
        kind: Kind::Skip,
        year,
        phase: None,
        measure: None,
        part: None,
        level: None,
        within: within_name.is_some(),
    };
    let percent = name.contains(['%', '％'])
        || ["百分比", "增幅", "增长率"].iter().any(|w| name.contains(w))
        || name.ends_with('率');
    let change = ["增长", "增减", "增幅", "比上年", "比年初"]
        .iter()
        .any(|w| name.contains(w));
    if LABEL_HEADS.contains(&name) {
        col.kind = Kind::Label;
    } else if percent {
        col.kind = if name.contains('占') || name.contains("比重") {
            Kind::Percent("占比")
        } else if name.contains("为上年") || name.contains("为上年同期") {
            Kind::Percent(crate::extract::context::OF_LAST_YEAR)
        } else if change {
            // 比上年预算增长% and 比上年执行增长% side by side: the base stays told apart.
            if name.contains("执行") || name.contains("完成") {
                Kind::Percent("比上年执行数增长")
            } else if name.contains("预算") && !name.contains("预算数为") {
                Kind::Percent("比上年预算数增长")
            } else {
                Kind::Percent("比上年增长")
            }
        } else if name.contains("完成") || name.contains("执行率") || (name.contains('为') && name.contains("预算"))
        {
            Kind::Percent("完成率")
        } else {
            Kind::Skip
        };
        // A rate has the year and phase of the amount it rates: the one
        // before 为 (决算数为调整预算%), else the amount column before it,
        // which the table reader finds.
        col.year = year_in(name);
        col.phase = name
            .split_once(['为', '比'])
            .and_then(|(amount, _)| phase_of(amount, col.year, years));
    } else if change || name.contains("调整数") || name.contains("差额") || name.contains("增减") {
        col.kind = Kind::Skip;
    } else if let Some(part) = PARTS
        .iter()
        .find(|p| name == **p)
        .map(|p| p.to_string())
        // (新增一般债券 | 再融资债券 over rows of issues: each a kind of bond)
        .or_else(|| (name.ends_with("债券") && display_width_ok(name)).then(|| name.to_string()))
    {
        col.kind = Kind::Amount;
        col.part = Some(part);
    } else if let Some(whole) = level_column(name) {
        col.kind = Kind::Amount;
        col.level = Some(if whole { String::new() } else { name.to_string() });
    } else if TOTALS.contains(&name) {
        col.kind = Kind::Amount;
        col.part = Some(String::new());
    } else if let Some(flow) = flow_column(name) {
        // 一般公共预算收入 | 一般公共预算支出 over rows of counties, 收入 | 支出 | 当年结余
        // over rows of funds: the column names what each row's figure is.
        col.kind = Kind::Amount;
        col.measure = Some(flow.to_string());
        let budgets = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算"];
        let rest = budgets.iter().fold(name.to_string(), |n, b| n.replace(b, ""));
        col.phase = phase_of(&rest, col.year, years);
    } else if let Some(phase) = phase_of(name, col.year, years) {
        col.kind = Kind::Amount;
        col.phase = Some(phase);
    } else if let Some(m) = MEASURES.iter().find(|m| name.ends_with(**m)) {
        col.kind = Kind::Amount;
        if !m.contains("金额") {
            col.measure = Some(m.to_string());
        }
    } else if year_in(name).is_some() && name.trim_start_matches(|c: char| c.is_ascii_digit()).len() <= "年度".len() {
        // A bare year (2022年): that year's figures.
        col.kind = Kind::Amount;
    }
    col
}

/// The column names of a table from its header rows: one row as it is; two
/// rows joined cell by cell (an empty upper cell continues the one before it,
/// as a merged cell does), or, when the upper row names one year, that year
/// over every lower cell (`2023年` over `预算数 执行数`). Two rows that do not
/// line up give no names: which year a column has would be a guess.
pub(crate) fn names(rows: &[Vec<String>]) -> Vec<String> {
    match rows {
        [] => Vec::new(),
        [one] => one.clone(),
        [.., upper, lower] => {
            let head_of = |r: &Vec<String>| {
                r.first()
                    .filter(|c| c.is_empty() || LABEL_HEADS.contains(&c.as_str()))
                    .cloned()
            };
            // Cell by cell when both rows have the label's cell (or neither has).
            if upper.len() == lower.len() && head_of(upper).is_some() == head_of(lower).is_some() {
                let mut spread = String::new();
                return upper
                    .iter()
                    .zip(lower)
                    .enumerate()
                    .map(|(i, (a, b))| {
                        if i > 0 && !a.is_empty() {
                            spread = a.clone();
                        }
                        let a = if i > 0 && a.is_empty() { &spread } else { a };
                        format!("{a}{b}")
                    })
                    .collect();
            }
            let label = head_of(upper).or_else(|| head_of(lower)).unwrap_or_default();
            let up: Vec<&String> = upper.iter().skip(usize::from(head_of(upper).is_some())).collect();
            let low: Vec<&String> = lower.iter().skip(usize::from(head_of(lower).is_some())).collect();
            match up.as_slice() {
                [year] => std::iter::once(label)
                    .chain(low.iter().map(|b| format!("{year}{b}")))
                    .collect(),
                _ => Vec::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEARS: Years = Years {
        execution: Some(2023),
        draft: Some(2024),
    };

    #[test]
    fn amount_columns_take_year_and_phase() {
        let c = column("2023年执行数", None, YEARS);
        assert_eq!(
            (c.kind, c.year, c.phase),
            (Kind::Amount, Some(2023), Some(Phase::Actual))
        );
        let c = column("2024年预算数", None, YEARS);
        assert_eq!((c.year, c.phase), (Some(2024), Some(Phase::Draft)));
        let c = column("调整后预算", Some(2023), YEARS);
        assert_eq!((c.year, c.phase), (Some(2023), Some(Phase::Adjusted)));
        let c = column("上年决算数", Some(2023), YEARS);
        assert_eq!((c.year, c.phase), (Some(2022), Some(Phase::Final)));
        let c = column("2022年末余额", None, YEARS);
        assert_eq!(
            (c.kind, c.year, c.measure.as_deref()),
            (Kind::Amount, Some(2022), Some("余额"))
        );
        assert_eq!(column("一般债务", None, YEARS).part.as_deref(), Some("一般债务"));
    }

    #[test]
    fn percent_and_skipped_columns() {
        assert_eq!(column("完成调整预算%", None, YEARS).kind, Kind::Percent("完成率"));
        assert_eq!(column("决算数为调整预算%", None, YEARS).kind, Kind::Percent("完成率"));
        assert_eq!(column("比上年增减%", None, YEARS).kind, Kind::Percent("比上年增长"));
        assert_eq!(column("增长%", None, YEARS).kind, Kind::Percent("比上年增长"));
        assert_eq!(column("为上年%", None, YEARS).kind, Kind::Percent("为上年"));
        assert_eq!(column("调整前预算", None, YEARS).phase, Some(Phase::Initial));
        assert_eq!(column("调整后预算", None, YEARS).phase, Some(Phase::Adjusted));
        assert_eq!(column("占比%", None, YEARS).kind, Kind::Percent("占比"));
        assert_eq!(column("增减额", None, YEARS).kind, Kind::Skip);
        assert_eq!(column("调整数", None, YEARS).kind, Kind::Skip);
        assert_eq!(column("序号", None, YEARS).kind, Kind::Skip);
        assert_eq!(column("债券期限", None, YEARS).kind, Kind::Skip);
        assert_eq!(column("项目", None, YEARS).kind, Kind::Label);
    }

    #[test]
    fn two_header_rows_are_joined() {
        let row = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            names(&[row(&["项目", "2022年", "2023年"]), row(&["", "执行数", "预算数"])]),
            vec!["项目", "2022年执行数", "2023年预算数"]
        );
        assert_eq!(
            names(&[row(&["项目", "2023年"]), row(&["预算数", "调整预算数", "执行数"])]),
            vec!["项目", "2023年预算数", "2023年调整预算数", "2023年执行数"]
        );
        assert_eq!(
            names(&[
                row(&["项目", "2023年", "", "2024年"]),
                row(&["", "预算数", "执行数", "预算数"])
            ]),
            vec!["项目", "2023年预算数", "2023年执行数", "2024年预算数"]
        );
        assert!(
            names(&[row(&["项目", "2022年", "2023年"]), row(&["决算数", "预算数", "执行数"])]).is_empty(),
            "which year each column has is not known"
        );
    }
}
