//! Stage: structure. Input: logical lines of a cleaned report. Output:
//! paragraphs with their section paths.
//!
//! Heading levels, outermost first: `一、` (1), `（一）` (2), `1.` / `1、` (3),
//! `（1）` / `1)` (4), `①` (5). A line that opens with a marker and is short,
//! with no sentence end and no quantity, is a pure heading: it enters the
//! section path and is also a heading paragraph of its own (searchable, shown
//! under the headings above it, read for no facts). A marker line that goes on after its
//! first sentence (`（一）坚决落实过紧日子要求。严格…`) is both: its first
//! sentence becomes the section title and the whole line a paragraph. Bullets
//! (`一是…`) open paragraphs but never sections. Runs of short lines with many
//! numbers (tables flattened one cell per line) become one table paragraph,
//! and so do grid rows (`| a | b |`) with the title and unit lines above them.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::Paragraph;
use crate::text::display_width;

/// Level of the bullet markers 一是, 二是 …, which open paragraphs, not sections.
pub const BULLET_LEVEL: u8 = 9;

/// A marker pattern, compiled on first use: each on its own, so a query that
/// reads a few paragraphs compiles only the markers their first characters call for.
struct Marker {
    pattern: &'static str,
    regex: OnceLock<Regex>,
}

impl Marker {
    const fn new(pattern: &'static str) -> Marker {
        Marker {
            pattern,
            regex: OnceLock::new(),
        }
    }

    fn get(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(self.pattern).expect("valid regex"))
    }
}

static CHINESE: Marker = Marker::new(r"^[一二三四五六七八九十]{1,3}[、.．]");
static CHINESE_PAREN: Marker = Marker::new(r"^[（(][一二三四五六七八九十]{1,3}[）)]");
static ARABIC: Marker = Marker::new(r"^\d{1,2}[.．、]");
static ARABIC_PAREN: Marker = Marker::new(r"^(?:[（(]\d{1,2}[）)]|\d{1,2}[)）])");
static CIRCLED: Marker = Marker::new(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]");
static BULLET: Marker = Marker::new(r"^(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十])");
static QUANTITY: Marker = Marker::new(r"\d[\d,.]*\s*(?:万|亿|元|%|倍|个|项|家|件|户|人)");

/// The heading level of a line and the byte length of its marker, if it opens with one.
pub fn heading_level(line: &str) -> Option<(u8, usize)> {
    // Every marker opens with one of these (a digit: any Unicode digit), so
    // most lines need no regex at all.
    let first = line.chars().next()?;
    if !(first.is_numeric() || "一二三四五六七八九十（(其".contains(first)) {
        return None;
    }
    // Each marker is tried only when the first character can open it.
    let chinese_numeral = "一二三四五六七八九十".contains(first);
    let paren = first == '（' || first == '(';
    if chinese_numeral {
        if let Some(found) = CHINESE.get().find(line) {
            return Some((1, found.end()));
        }
    }
    if paren {
        if let Some(found) = CHINESE_PAREN.get().find(line) {
            return Some((2, found.end()));
        }
    }
    if paren || first.is_numeric() {
        if let Some(found) = ARABIC_PAREN.get().find(line) {
            return Some((4, found.end()));
        }
    }
    if first.is_numeric() {
        if let Some(found) = ARABIC.get().find(line) {
            // `1.5亿元` is a number, not item 1; `1.2023年…` is item 1.
            let rest = &line[found.end()..];
            // A digit right after the dot makes a decimal (21.5 %), unless a year follows (1.2023年).
            let after_digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            let is_number = found.as_str().ends_with(['.', '．'])
                && after_digits.len() < rest.len()
                && !after_digits.starts_with('年');
            return (!is_number).then_some((3, found.end()));
        }
        if let Some(found) = CIRCLED.get().find(line) {
            return Some((5, found.end()));
        }
    }
    if chinese_numeral || first == '其' {
        if let Some(found) = BULLET.get().find(line) {
            return Some((BULLET_LEVEL, found.end()));
        }
    }
    None
}

/// What a logical line is.
enum Line {
    /// A heading, with its level and title.
    Heading(u8, String),
    /// A paragraph that opens with a heading title (level, title).
    Opening(u8, String),
    Text,
}

fn classify(line: &str) -> Line {
    let Some((level, marker_end)) = heading_level(line) else {
        return Line::Text;
    };
    if level == BULLET_LEVEL {
        return Line::Text;
    }
    let body = &line[marker_end..];
    let has_sentence_end = body.trim_end_matches(['。', '.']).contains(['。', '；', ';']);
    let looks_like_item = QUANTITY.get().is_match(body) || body.ends_with(['；', ';', '，', ',']);
    if !has_sentence_end && !looks_like_item && display_width(line) <= 80 {
        return Line::Heading(level, line.trim_end_matches(['。', '：', ':']).to_string());
    }
    match line.find('。') {
        Some(end) if display_width(&line[..end]) <= 60 && !QUANTITY.get().is_match(&line[..end]) => {
            Line::Opening(level, line[..end].to_string())
        }
        _ => Line::Text,
    }
}

fn is_cell(line: &str) -> bool {
    display_width(line) <= 24 && !line.ends_with('。')
}

fn is_numeric_cell(line: &str) -> bool {
    let t = line.trim_end_matches('%');
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' '))
}

/// A line that may head a table written one row per line: `单位：万元`, or
/// column names (`项目 2022年决算数 2023年预算数 增长%`).
fn is_header_line(line: &str) -> bool {
    !line.contains('。')
        && display_width(line) <= 80
        && (line.starts_with("单位") || line.split_whitespace().count() >= 3)
}

/// A line above a grid table that belongs to it: its title (`…情况表`) or its unit (`单位：万元`).
fn is_table_caption(line: &str) -> bool {
    display_width(line) <= 80
        && !line.contains(['。', '；'])
        && (line.contains("单位")
            || line.ends_with('表')
            || line.ends_with("表）")
            || line.ends_with("表)")
            // 表1 2023年全市分级次一般公共预算收入完成情况: numbered, whatever its ending.
            || line
                .strip_prefix("附表")
                .or_else(|| line.strip_prefix('表'))
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))))
}

/// How many lines from `i` form a grid table (rows `| a | b |` written by the
/// cleaning step, after up to two caption lines); 0 when none starts there.
fn grid_table_len(lines: &[String], i: usize) -> usize {
    let is_grid = |l: &String| crate::ingest::clean::tables::is_grid_row(l);
    let mut j = i;
    while j < lines.len() && j - i < 2 && !is_grid(&lines[j]) && is_table_caption(&lines[j]) {
        j += 1;
    }
    let rows = lines[j..].iter().take_while(|l| is_grid(l)).count();
    if rows == 0 {
        0
    } else {
        j + rows - i
    }
}

/// How many lines from `i` form a table written one row per line (with up to
/// two header lines before its rows); 0 when none starts there.
fn row_table_len(lines: &[String], i: usize) -> usize {
    let is_row = |l: &String| crate::ingest::clean::spaces::is_table_row(l);
    let mut j = i;
    while j < lines.len() && j - i < 2 && !is_row(&lines[j]) && is_header_line(&lines[j]) {
        j += 1;
    }
    let rows = lines[j..].iter().take_while(|l| is_row(l)).count();
    if rows >= 2 || (rows == 1 && j > i) {
        j + rows - i
    } else {
        0
    }
}

/// Builds paragraphs with section paths from logical lines.
pub fn paragraphs(lines: &[String]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut stack: Vec<(u8, String)> = Vec::new();
    let push = |out: &mut Vec<Paragraph>, stack: &[(u8, String)], text: String, table: bool| {
        let section = stack.iter().map(|(_, t)| t.clone()).collect();
        out.push(Paragraph {
            position: out.len(),
            section,
            text,
            table,
            heading: false,
        });
    };
    let mut i = 0;
    while i < lines.len() {
        // Rows written one per line: one table paragraph, rows on their own lines.
        let rows = grid_table_len(lines, i).max(row_table_len(lines, i));
        if rows > 0 {
            push(&mut out, &stack, lines[i..i + rows].join("\n"), true);
            i += rows;
            continue;
        }
        // A run of short cells with many numbers is a flattened table.
        let run = lines[i..].iter().take_while(|l| is_cell(l)).count();
        if run >= 6 && lines[i..i + run].iter().filter(|l| is_numeric_cell(l)).count() * 10 >= run * 3 {
            push(&mut out, &stack, lines[i..i + run].join(" "), true);
            i += run;
            continue;
        }
        let line = &lines[i];
        i += 1;
        match classify(line) {
            Line::Heading(level, title) => {
                stack.retain(|(l, _)| *l < level);
                push(&mut out, &stack, title.clone(), false);
                if let Some(last) = out.last_mut() {
                    last.heading = true;
                }
                stack.push((level, title));
            }
            Line::Opening(level, title) => {
                stack.retain(|(l, _)| *l < level);
                stack.push((level, title));
                push(&mut out, &stack, line.clone(), false);
            }
            Line::Text => push(&mut out, &stack, line.clone(), false),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn levels() {
        assert_eq!(heading_level("一、2023年预算执行情况").map(|h| h.0), Some(1));
        assert_eq!(heading_level("（二）政府债务情况").map(|h| h.0), Some(2));
        assert_eq!(heading_level("1.2023年债务限额情况").map(|h| h.0), Some(3));
        assert_eq!(heading_level("1.5亿元用于"), None);
        assert_eq!(heading_level("21.5 %;结转下年"), None);
        assert_eq!(heading_level("2、2023年预算"), Some((3, "2、".len())));
        assert_eq!(heading_level("（1）税收收入").map(|h| h.0), Some(4));
        assert_eq!(
            heading_level("一是积极与税务等部门协调沟通").map(|h| h.0),
            Some(BULLET_LEVEL)
        );
        assert_eq!(heading_level("2023年西工区"), None);
    }

    #[test]
    fn sections_nest_and_bullets_stay_paragraphs() {
        let ps = paragraphs(&lines(&[
            "一、2023年预算执行情况",
            "（二）政府债务情况",
            "3.2023年政府债务付息情况",
            "2023年全区政府债券实际支付利息3824.35万元。",
            "（三）强化财政监管",
            "一是切实加强政府采购管理。",
        ]));
        let ps: Vec<&Paragraph> = ps.iter().filter(|p| !p.heading).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(
            ps[0].section,
            vec![
                "一、2023年预算执行情况",
                "（二）政府债务情况",
                "3.2023年政府债务付息情况"
            ]
        );
        assert_eq!(ps[1].section, vec!["一、2023年预算执行情况", "（三）强化财政监管"]);
        assert!(ps[1].text.starts_with("一是"));
    }

    #[test]
    fn list_items_with_amounts_are_paragraphs() {
        let ps = paragraphs(&lines(&["（一）一般公共预算执行情况", "2.国防支出1,234万元;"]));
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[1].text, "2.国防支出1,234万元;");
        assert!(!ps[1].heading);
    }

    #[test]
    fn headings_are_paragraphs_under_the_headings_above_them() {
        let ps = paragraphs(&lines(&[
            "三、重点支出的安排和资金到位情况",
            "(一)农林水事务支出",
            "(二)教育支出",
            "四、上级转移支付情况",
            "全年上级补助收入12万元。",
        ]));
        let shown: Vec<(bool, &str, usize)> = ps
            .iter()
            .map(|p| (p.heading, p.text.as_str(), p.section.len()))
            .collect();
        assert_eq!(
            shown,
            vec![
                (true, "三、重点支出的安排和资金到位情况", 0),
                (true, "(一)农林水事务支出", 1),
                (true, "(二)教育支出", 1),
                (true, "四、上级转移支付情况", 0),
                (false, "全年上级补助收入12万元。", 1),
            ]
        );
        assert_eq!(ps[2].section, vec!["三、重点支出的安排和资金到位情况"]);
        assert_eq!(ps[4].section, vec!["四、上级转移支付情况"]);
        assert!(ps.iter().enumerate().all(|(i, p)| p.position == i));
    }

    #[test]
    fn flattened_tables_become_one_paragraph() {
        let ps = paragraphs(&lines(&[
            "单位:万元",
            "收入",
            "执行数",
            "总计",
            "846531",
            "一、本级收入",
            "167500",
            "税收",
            "83660",
        ]));
        assert_eq!(ps.len(), 1);
        assert!(ps[0].table);
    }
}
