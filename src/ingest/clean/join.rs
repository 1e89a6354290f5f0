//! Cleaning step: re-joining. Text copied out of a PDF breaks lines where the
//! page ends them, often mid-sentence and even between a number and its unit
//! (`实际完成 174559` / blank / `万元，…`). A line continues the previous one
//! when the previous one fills the page width without ending a sentence, ends
//! on a comma or conjunction, or when the new line starts with a unit or
//! punctuation that cannot open a sentence. Headings and list markers always
//! open a new line. Blank lines are dropped: PDF extraction puts them between
//! wrapped lines, so they do not mark paragraphs.

use crate::ingest::structure::{heading_level, BULLET_LEVEL};
use crate::text::display_width;

/// Characters that end a sentence, so the next line is a new paragraph.
const TERMINAL: &[char] = &['。', '！', '？', '!', '?', '：', ':'];
/// Characters that cannot end a paragraph.
const OPEN_END: &[char] = &[
    '，', ',', '、', '（', '(', '“', '《', '—', '及', '和', '与', '的', '为', '在', '对', '将', '了',
];
/// Characters that cannot start one.
const CLOSED_START: &[char] = &['，', ',', '。', '、', '；', ';', '）', ')', '%', '”', '》', '.'];
/// Units that may be split from their number.
const UNIT_START: &[&str] = &[
    "万", "亿", "元", "千元", "个", "倍", "项", "家", "件", "人", "户", "所", "笔",
];

fn collapse(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The width of a full line of the page: the 90th percentile of the longer lines.
fn page_width(lines: &[String]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| display_width(l)).filter(|w| *w >= 20).collect();
    if widths.len() < 5 {
        return usize::MAX;
    }
    widths.sort_unstable();
    widths[(widths.len() * 9 / 10).min(widths.len() - 1)]
}

/// `prev` is the logical line so far, `last_width` the width of the physical line that ended it.
fn continues(prev: &str, last_width: usize, line: &str, full: usize) -> bool {
    let (Some(last), Some(first)) = (prev.chars().last(), line.chars().next()) else {
        return false;
    };
    if super::tables::is_grid_row(prev) || super::tables::is_grid_row(line) {
        return false;
    }
    if last.is_ascii_digit() && UNIT_START.iter().any(|u| line.starts_with(u)) {
        return true;
    }
    if CLOSED_START.contains(&first) {
        return true;
    }
    // 因公出国（境）费 / 0万元。: no paragraph opens with a bare amount.
    if crate::text::is_han(last) && !TERMINAL.contains(&last) && opens_with_amount(line) {
        return true;
    }
    if TERMINAL.contains(&last) || heading_level(line).is_some() {
        return false;
    }
    if OPEN_END.contains(&last) {
        return true;
    }
    full != usize::MAX
        && last_width * 4 >= full * 3
        && heading_level(prev).is_none_or(|(level, _)| {
            // A pure heading wraps only when it fills the line; a heading that
            // opens a paragraph (（二）健全现代预算制度。加大…) wraps like text.
            level == BULLET_LEVEL || prev.contains('。') || last_width * 10 >= full * 9
        })
}

/// True when `line` opens with a number and its unit (`0万元。`, `12.5%，`).
fn opens_with_amount(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    rest.len() < line.len()
        && line.starts_with(|c: char| c.is_ascii_digit())
        && ["万元", "亿元", "元", "%", "个百分点"]
            .iter()
            .any(|u| rest.starts_with(u))
}

/// Re-joins wrapped lines and drops blank ones.
pub fn rejoin(lines: Vec<String>) -> Vec<String> {
    // A line without whitespace is its own collapsed form: kept, not copied.
    let lines: Vec<String> = lines
        .into_iter()
        .map(|l| {
            // (a grid row keeps the indentation of its names: whose part each is)
            if l.contains(char::is_whitespace) && !super::tables::is_grid_row(&l) {
                collapse(&l)
            } else {
                l
            }
        })
        .filter(|l| !l.is_empty())
        .collect();
    let full = page_width(&lines);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut last_width = 0;
    for line in lines {
        let width = display_width(&line);
        let joined = out.last().is_some_and(|prev| continues(prev, last_width, &line, full));
        last_width = width;
        if joined {
            if let Some(prev) = out.last_mut() {
                let glue = prev.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && line.starts_with(|c: char| c.is_ascii_alphabetic());
                if glue {
                    prev.push(' ');
                }
                prev.push_str(&line);
            }
            continue;
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_title_broken_on_conjunction() {
        let out = rejoin(vec![
            "关于西工区 2023 年预算执行情况和".into(),
            "".into(),
            "2024 年预算(草案)的报告".into(),
        ]);
        assert_eq!(out, vec!["关于西工区 2023 年预算执行情况和2024 年预算(草案)的报告"]);
    }

    #[test]
    fn headings_start_new_lines() {
        let out = rejoin(vec![
            "各位代表：".into(),
            "一、2023年预算执行情况".into(),
            "1.一般公共预算".into(),
        ]);
        assert_eq!(out.len(), 3);
    }
}
