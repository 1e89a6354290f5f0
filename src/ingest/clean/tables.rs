//! Cleaning step: tables. Input: lines after page furniture is gone. Output:
//! the same lines with every table found rewritten as grid rows, one row per
//! line with its cells between bars (`| 项目 | 2023年预算数 | 增长% |`), which
//! the later steps (re-joining, spaces) leave as they are and the structure
//! stage keeps together as one table paragraph.
//!
//! Layouts read:
//! - pipe rows (markdown tables, separator rows dropped, empty cells kept);
//! - rows of cells apart by spaces or tabs (`企业所得税  564  600  850`) under
//!   one or two header lines of column names;
//! - cells one per line, bare or ending in `|`, under a header that opens with
//!   `项目` (or 科目, 项目名称 …) followed by column names.
//!
//! What a column means (year, phase, percent) is read later, by the
//! extraction stage; this step only keeps the cells apart and in their rows.

/// Words that head the column naming a table's rows (the extraction stage reads
/// its columns with the same list).
pub(crate) const LABEL_HEADS: &[&str] = &[
    "项目",
    "科目",
    "预算科目",
    "收入项目",
    "支出项目",
    "项目名称",
    "名称",
    "指标",
    "类别",
    "险种",
    "基金名称",
    "地区",
    "区域",
    "县区",
    "县市区",
    "区县",
    "县（市、区）",
    "单位",
    "单位名称",
    "批次",
];

/// Words that mark a cell as a column name.
const COLUMN_WORDS: &[&str] = &[
    "年",
    "数",
    "%",
    "预算",
    "执行",
    "决算",
    "完成",
    "增长",
    "增减",
    "调增",
    "调减",
    "合计",
    "余额",
    "限额",
    "金额",
    "调整",
    "比上年",
    "占比",
    "比重",
    "一般债务",
    "专项债务",
    "小计",
    "总计",
    "预计",
    // Levels side by side (全市 | 市级).
    "全市",
    "全县",
    "全区",
    "全旗",
    "本级",
    "市级",
    "县级",
    "区级",
    "旗级",
];

/// True for a grid row written by this step.
pub fn is_grid_row(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && t.starts_with('|') && t.ends_with('|')
}

/// True for a number cell: `564`, `-3.8`, `1,234.5`, `141.67%`.
pub fn is_number(cell: &str) -> bool {
    let t = cell.trim_end_matches(['%', '％']);
    let t = t.strip_prefix(['-', '－', '−', '+']).unwrap_or(t);
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && t.starts_with(|c: char| c.is_ascii_digit())
}

/// True for a cell that stands for no value (`—`, `-`, `/`).
pub fn is_blank(cell: &str) -> bool {
    cell.chars()
        .all(|c| matches!(c, '—' | '-' | '－' | '/' | '…' | '━' | '–'))
}

/// A cell with its inner spaces removed and its minus sign in ASCII.
fn tidy(cell: &str) -> String {
    let s: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    match s.strip_prefix(['－', '−']) {
        Some(rest) if is_number(rest) => format!("-{rest}"),
        _ => s,
    }
}

/// A pipe cell tidied, keeping the indentation of a name (`|     其中：教育 |`: the
/// blanks past the one every cell opens with), which says whose part it is.
fn indented_tidy(cell: &str) -> String {
    let tidied = tidy(cell);
    let indent = cell.chars().take_while(|c| c.is_whitespace()).count().saturating_sub(1);
    if indent == 0 || tidied.is_empty() || is_number(&tidied) {
        return tidied;
    }
    format!("{}{tidied}", " ".repeat(indent))
}

fn grid(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn is_label_head(cell: &str) -> bool {
    // (序号 heads a table here; the extraction stage reads it as no name)
    LABEL_HEADS.contains(&cell) || cell == "序号"
}

fn is_column_name(cell: &str) -> bool {
    !cell.is_empty()
        && !is_number(cell)
        && crate::text::display_width(cell) <= 30
        && !cell.contains(['。', '，', '；'])
        && COLUMN_WORDS.iter().any(|w| cell.contains(w))
}

/// The cells of a pipe row (`| a | b |`, `a | b`), or `None` for a separator row.
fn pipe_cells(line: &str) -> Option<Vec<String>> {
    // (a row without its outer pipes keeps its first cell's indentation)
    let bare;
    let t = if line.trim_start().starts_with('|') {
        line.trim()
    } else {
        bare = format!("| {}", line.trim_end());
        bare.as_str()
    };
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let cells: Vec<String> = t.split('|').map(indented_tidy).collect();
    let separator = cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | '—')));
    (!separator).then_some(cells)
}

/// True for a line that is a pipe-table row.
fn is_pipe_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.matches('|').count() >= 2
}

/// True for a pipe row written without its outer pipes (`增值税 | 40000 | 41528`).
fn is_bare_pipe_row(line: &str) -> bool {
    let t = line.trim();
    !t.starts_with('|') && t.contains(" | ") && !t.contains(['。', '；'])
}

/// The length of a run of bare pipe rows at `i` that holds figures (a lone line with
/// a pipe in it is prose), or 0.
fn bare_pipe_run(lines: &[String], i: usize) -> usize {
    let run = lines[i..].iter().take_while(|l| is_bare_pipe_row(l)).count();
    let figures = lines[i..i + run]
        .iter()
        .filter_map(|l| pipe_cells(l))
        .any(|cells| cells.iter().skip(1).any(|c| is_number(c)));
    if run >= 2 && figures {
        run
    } else {
        0
    }
}

/// True when a run of pipe rows holds figures, so it is the report's table and
/// not page chrome (`| 索引号 | … |`).
pub fn is_figure_run(rows: &[&str]) -> bool {
    const CHROME: &[&str] = &["索引号", "发布", "日期", "时间", "文号", "来源", "分类", "机构"];
    // (page chrome names its fields in the first cell, | 发布时间 | 2024-01-05 |; a table's
    // column may be named so too, | 批次 | 发行时间 | 新增一般债券 |)
    let chrome_field = |r: &&str| {
        pipe_cells(r)
            .and_then(|cells| cells.into_iter().find(|c| !c.is_empty()))
            .is_some_and(|first| CHROME.iter().any(|w| first.contains(w)))
    };
    !rows.iter().any(chrome_field)
        && rows
            .iter()
            .filter_map(|r| pipe_cells(r))
            .any(|cells| cells.iter().skip(1).any(|c| is_number(c)))
}

/// Tokens of a line written as cells apart by spaces: on runs of two or more
/// spaces when the line has them, else on single spaces.
fn spaced_tokens(line: &str) -> Vec<String> {
    let t = line.trim().replace(['\t', '\u{3000}'], "  ");
    // `项  目` is one word spread out, not two cells.
    let t = ["项", "科"].iter().fold(t, |t, head| {
        let spread = join_spread_head(&t, head);
        spread.unwrap_or(t)
    });
    if t.contains("  ") {
        t.split("  ").map(tidy).filter(|c| !c.is_empty()).collect()
    } else {
        t.split(' ').map(tidy).filter(|c| !c.is_empty()).collect()
    }
}

/// `项  目 …` → `项目 …` (a head word spread over two cells).
fn join_spread_head(line: &str, head: &str) -> Option<String> {
    let rest = line.strip_prefix(head)?;
    let trimmed = rest.trim_start();
    (trimmed.len() < rest.len() && trimmed.starts_with('目')).then(|| format!("{head}{trimmed}"))
}

/// A header line of a spaced table: column names, the first possibly the label head.
fn spaced_header(line: &str) -> Option<Vec<String>> {
    // (其中：税收收入 is a column name; any other colon opens a sentence)
    let without_part_marks = line.replace("其中：", "其中").replace("其中:", "其中");
    if without_part_marks.contains(['。', '，', '；', '：', ':']) || crate::text::display_width(line) > 120 {
        return None;
    }
    let tokens = spaced_tokens(line);
    if tokens.len() < 2 || tokens.iter().any(|t| is_number(t)) {
        return None;
    }
    let named = tokens.iter().filter(|t| is_column_name(t)).count();
    let headed = is_label_head(&tokens[0]) && named >= 1;
    (headed || named >= 2).then_some(tokens)
}

/// A data row of a spaced table: a label and one or more number cells.
fn spaced_row(line: &str) -> Option<Vec<String>> {
    if line.contains(['。', '，', '；']) {
        return None;
    }
    let tokens: Vec<String> = line.split_whitespace().map(tidy).collect();
    let values = tokens.iter().rev().take_while(|t| is_number(t) || is_blank(t)).count();
    let label: String = tokens[..tokens.len() - values].concat();
    let numbers = tokens[tokens.len() - values..].iter().filter(|t| is_number(t)).count();
    if values == 0 || numbers == 0 || !label.chars().any(crate::text::is_han) || label.chars().count() > 30 {
        return None;
    }
    let mut cells = vec![label];
    cells.extend(tokens[tokens.len() - values..].iter().cloned());
    Some(cells)
}

/// The cells of a spaced line with the display column each starts at.
fn positioned_cells(line: &str) -> Vec<(usize, String)> {
    let tokens = spaced_tokens(line);
    let mut out = Vec::new();
    let mut rest = line;
    let mut column = 0;
    for token in tokens {
        // Find the token's first character in what is left of the line.
        let Some(first) = token.chars().next() else {
            continue;
        };
        let Some(at) = rest.find(first) else {
            break;
        };
        column += crate::text::display_width(&rest[..at]);
        out.push((column, token.clone()));
        // Skip past the token's characters (spaces inside it included).
        let mut left = token.chars().count();
        let mut end = at;
        for (k, c) in rest[at..].char_indices() {
            if left == 0 {
                break;
            }
            if !c.is_whitespace() {
                left -= 1;
            }
            end = at + k + c.len_utf8();
        }
        column += crate::text::display_width(&rest[at..end]);
        rest = &rest[end..];
    }
    out
}

/// Two header lines as one row: each lower cell under the upper cell that
/// starts at or before it (`2023年` over `调整预算数 执行数`); `None` when a
/// lower cell stands before every upper one but the label's.
fn merged_header(upper: &str, lower: &str) -> Option<Vec<String>> {
    let up = positioned_cells(upper);
    let low = positioned_cells(lower);
    let (label, names) = match up.first() {
        Some((_, head)) if is_label_head(head) => (head.clone(), &up[1..]),
        _ => (String::new(), &up[..]),
    };
    let mut row = vec![label];
    for (column, cell) in &low {
        let over = names.iter().rev().find(|(c, _)| c <= column)?;
        row.push(format!("{}{cell}", over.1));
    }
    Some(row)
}

/// Two header lines where some upper cells have no lower part (`上年 本年 增减额 增减`
/// over `预算数 预算数 %`): each lower cell starts inside the upper cell it completes;
/// `None` when one does not.
fn spanned_header(upper: &str, lower: &str) -> Option<Vec<String>> {
    let up = positioned_cells(upper);
    let low = positioned_cells(lower);
    let (label, names) = match up.first() {
        Some((_, head)) if is_label_head(head) => (head.clone(), &up[1..]),
        _ => (String::new(), &up[..]),
    };
    let mut parts: Vec<Vec<&str>> = vec![Vec::new(); names.len()];
    for (column, cell) in &low {
        let k = names.iter().rposition(|(c, _)| c <= column)?;
        let (start, name) = &names[k];
        if *column >= start + crate::text::display_width(name) + 2 {
            return None;
        }
        parts[k].push(cell);
    }
    let mut row = vec![label];
    for ((_, name), under) in names.iter().zip(&parts) {
        match under.as_slice() {
            [] => row.push(name.clone()),
            cells => row.extend(cells.iter().map(|c| format!("{name}{c}"))),
        }
    }
    Some(row)
}

/// Header cells spread over two lines that a copy no longer aligns (`项目 2023年 2024年
/// 增减额 增减%` over ` 预算数 预算数`): the lower names complete the years above, in order.
fn ordered_header(upper: &[String], lower: &[String]) -> Option<Vec<String>> {
    let years: Vec<usize> = (1..upper.len()).filter(|&k| upper[k].ends_with('年')).collect();
    if years.len() != lower.len() || lower.is_empty() {
        return None;
    }
    let mut row = upper.to_vec();
    for (k, cell) in years.into_iter().zip(lower) {
        row[k] = format!("{}{cell}", upper[k]);
    }
    Some(row)
}

/// True for the header of a two-sided table (收入 预计执行数 支出 预计执行数):
/// two halves, each a label column and the same column names.
fn is_two_sided(header: &[String]) -> bool {
    let n = header.len();
    n >= 4 && n.is_multiple_of(2) && header[1..n / 2] == header[n / 2 + 1..] && header[0] != header[n / 2]
}

/// A spaced row of a two-sided table cut into its halves' cells
/// (`收入总计 492396 支出总计 492396`); a row with one side only gets blanks on the other.
fn two_sided_row(line: &str, half: usize) -> Option<Vec<String>> {
    if line.contains(['。', '，', '；']) {
        return None;
    }
    let mut sides: Vec<Vec<String>> = Vec::new();
    for token in line.split_whitespace().map(tidy) {
        match sides.last_mut() {
            Some(side) if is_number(&token) || is_blank(&token) => side.push(token),
            _ if is_number(&token) || is_blank(&token) => return None,
            _ => sides.push(vec![token]),
        }
    }
    if sides.iter().any(|s| s.len() != half) || sides.is_empty() || sides.len() > 2 {
        return None;
    }
    let mut cells = sides.concat();
    cells.resize(2 * half, "—".to_string());
    Some(cells)
}

/// The rows of a two-sided table as two tables, the left side's, then the right's.
fn split_sides(header: &[String], rows: &[Vec<String>]) -> Vec<String> {
    let half = header.len() / 2;
    let mut out = Vec::new();
    for side in [0..half, half..2 * half] {
        out.push(grid(&header[side.clone()]));
        for row in rows.iter().filter(|r| r.len() == 2 * half) {
            let cells = &row[side.clone()];
            if !cells.iter().skip(1).all(|c| is_blank(c)) {
                out.push(grid(cells));
            }
        }
    }
    out
}

/// A table of spaced rows starting at `i`: (lines consumed, grid rows).
fn spaced_table(lines: &[String], i: usize) -> Option<(usize, Vec<String>)> {
    let first = spaced_header(&lines[i])?;
    if is_two_sided(&first) {
        let rows: Vec<Vec<String>> = lines[i + 1..]
            .iter()
            .map_while(|l| two_sided_row(l, first.len() / 2))
            .collect();
        return (!rows.is_empty()).then(|| (rows.len() + 1, split_sides(&first, &rows)));
    }
    let mut out = vec![grid(&first)];
    let mut j = i + 1;
    if let Some(second) = lines.get(j).and_then(|l| spaced_header(l)) {
        // Header cells spread over two lines: joined by where they stand.
        // (an upper cell with no lower part keeps its place: 增减额 beside 增减 over %)
        let spanned = spanned_header(&lines[i], &lines[j]).filter(|row| row.len() > second.len() + 1);
        match spanned.or_else(|| merged_header(&lines[i], &lines[j])) {
            Some(row) if row.len() > second.len() => out = vec![grid(&row)],
            _ => match ordered_header(&first, &second) {
                Some(row) => out = vec![grid(&row)],
                None => out.push(grid(&second)),
            },
        }
        j += 1;
    }
    let start = j;
    while let Some(row) = lines.get(j).and_then(|l| spaced_row(l)) {
        out.push(grid(&row));
        j += 1;
    }
    (j > start).then_some((j - i, out))
}

/// A cell written on its own line (a trailing `|` dropped).
fn own_line_cell(line: &str) -> String {
    let t = line.trim();
    tidy(t.strip_suffix('|').unwrap_or(t))
}

/// A table of cells one per line starting at `i`: (lines consumed, grid rows).
/// Blank lines between cells are skipped.
fn cell_table(lines: &[String], i: usize) -> Option<(usize, Vec<String>)> {
    // A line with more non-space bytes than a label head, a trailing `|` and
    // a full-width minus is none (a cheap test before the copy that tidies it).
    let most = LABEL_HEADS.iter().map(|h| h.len()).max().unwrap_or(0) + 3;
    let mut bytes = 0;
    for c in lines[i].chars().filter(|c| !c.is_whitespace()) {
        bytes += c.len_utf8();
        if bytes > most {
            return None;
        }
    }
    if !is_label_head(&own_line_cell(&lines[i])) {
        return None;
    }
    // (line index, cell) of the non-blank lines from i on, while they are short.
    let cells: Vec<(usize, String)> = lines[i..]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map_while(|(k, l)| {
            let cell = own_line_cell(l);
            (crate::text::display_width(&cell) <= 40 && !cell.contains('。')).then_some((i + k, cell))
        })
        .collect();
    // The header is as long as the column names that run up to the first
    // label followed by a number.
    let mut k = 0;
    for m in 2..cells.len().saturating_sub(1) {
        if !is_column_name(&cells[m - 1].1) {
            break;
        }
        let next = &cells[m + 1].1;
        if !is_number(&cells[m].1) && (is_number(next) || is_blank(next)) {
            k = m;
            break;
        }
    }
    if k < 2 {
        return None;
    }
    let mut out = vec![grid(&cells[..k].iter().map(|(_, c)| c.clone()).collect::<Vec<_>>())];
    let mut end = cells[k - 1].0 + 1;
    for row in cells[k..].chunks(k) {
        let label = &row[0].1;
        let values_ok = row.len() == k && row[1..].iter().all(|(_, c)| is_number(c) || is_blank(c));
        if !values_ok || is_number(label) || !label.chars().any(crate::text::is_han) {
            break;
        }
        out.push(grid(&row.iter().map(|(_, c)| c.clone()).collect::<Vec<_>>()));
        end = row[k - 1].0 + 1;
    }
    (out.len() >= 2).then_some((end - i, out))
}

/// Rewrites the tables among `lines` as grid rows.
pub fn to_grid(mut lines: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let bare = bare_pipe_run(&lines, i);
        if is_pipe_row(&lines[i]) || bare > 0 {
            let run = if bare > 0 {
                bare
            } else {
                lines[i..].iter().take_while(|l| is_pipe_row(l)).count()
            };
            let rows: Vec<Vec<String>> = lines[i..i + run].iter().filter_map(|l| pipe_cells(l)).collect();
            match rows.split_first() {
                Some((header, body)) if is_two_sided(header) => out.extend(split_sides(header, body)),
                _ => out.extend(rows.iter().map(|c| grid(c))),
            }
            i += run;
            continue;
        }
        if let Some((used, rows)) = cell_table(&lines, i).or_else(|| spaced_table(&lines, i)) {
            out.extend(rows);
            i += used;
            continue;
        }
        // Moved out: only the lines after it are looked at again.
        out.push(std::mem::take(&mut lines[i]));
        i += 1;
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
    fn two_sided_tables_become_two_tables() {
        let out = to_grid(lines(&[
            "收入 预计执行数 支出 预计执行数",
            "收入总计 9100 支出总计 9100",
            "上级补助收入 3560 上解支出 64",
            "调入资金 120",
        ]));
        assert_eq!(
            out,
            vec![
                "| 收入 | 预计执行数 |",
                "| 收入总计 | 9100 |",
                "| 上级补助收入 | 3560 |",
                "| 调入资金 | 120 |",
                "| 支出 | 预计执行数 |",
                "| 支出总计 | 9100 |",
                "| 上解支出 | 64 |",
            ]
        );
        let piped = to_grid(lines(&[
            "| 收入 | 决算数 | 支出 | 决算数 |",
            "| 税收收入 | 880 | 教育支出 | 410 |",
        ]));
        assert_eq!(
            piped,
            vec![
                "| 收入 | 决算数 |",
                "| 税收收入 | 880 |",
                "| 支出 | 决算数 |",
                "| 教育支出 | 410 |"
            ]
        );
    }

    #[test]
    fn pipe_rows_lose_their_separator_and_keep_empty_cells() {
        let out = to_grid(lines(&[
            "| 项目 | 预算数 | 备注 |",
            "|---|---|---|",
            "| 合计 | 1,200 |  |",
        ]));
        assert_eq!(out, vec!["| 项目 | 预算数 | 备注 |", "| 合计 | 1,200 |  |"]);
    }

    #[test]
    fn upper_header_cells_without_a_lower_part_stand_alone() {
        let out = to_grid(lines(&[
            "项    目           上年       本年      增减额    增减",
            "                   预算数     预算数              %",
            "教育支出           98650      103280     4630     4.7",
        ]));
        assert_eq!(
            out,
            vec![
                "| 项目 | 上年预算数 | 本年预算数 | 增减额 | 增减% |",
                "| 教育支出 | 98650 | 103280 | 4630 | 4.7 |"
            ]
        );
    }

    #[test]
    fn a_column_named_for_a_time_is_no_page_chrome() {
        assert!(is_figure_run(&[
            "| 批次 | 发行时间 | 新增专项债券 |",
            "| 第一批 | 2月 | 48500 |"
        ]));
        assert!(!is_figure_run(&["| 发布时间 | 2024-01-05 |", "| 索引号 | 12345 |"]));
    }

    #[test]
    fn pipe_rows_without_outer_pipes_are_rows_too() {
        let out = to_grid(lines(&[
            "项目 | 执行数",
            "一般公共预算支出 | 412635",
            "  教育支出 | 78452",
            "完。",
        ]));
        assert_eq!(
            out,
            vec![
                "| 项目 | 执行数 |",
                "| 一般公共预算支出 | 412635 |",
                "|   教育支出 | 78452 |",
                "完。"
            ]
        );
        // A lone line with a pipe in it is prose.
        assert_eq!(to_grid(lines(&["收入 | 支出 1200"])), vec!["收入 | 支出 1200"]);
    }

    #[test]
    fn spaced_rows_under_a_header_become_grid_rows() {
        let out = to_grid(lines(&[
            "单位：万元",
            "项  目    年初数    执行数    增减%",
            "  甲类收入    100    90    -10.0",
            "其中：乙项 40 41 2.5",
            "下一段正文。",
        ]));
        assert_eq!(
            out,
            vec![
                "单位：万元",
                "| 项目 | 年初数 | 执行数 | 增减% |",
                "| 甲类收入 | 100 | 90 | -10.0 |",
                "| 其中：乙项 | 40 | 41 | 2.5 |",
                "下一段正文。"
            ]
        );
    }

    #[test]
    fn a_header_over_two_lines_is_joined_by_position() {
        let out = to_grid(lines(&[
            "项  目        2023年                2024年",
            "              调整预算数    执行数    预算数",
            "甲项支出      31    30    32",
        ]));
        assert_eq!(
            out,
            vec![
                "| 项目 | 2023年调整预算数 | 2023年执行数 | 2024年预算数 |",
                "| 甲项支出 | 31 | 30 | 32 |"
            ]
        );
    }

    #[test]
    fn cells_one_per_line_are_grouped_by_the_header() {
        let out = to_grid(lines(&[
            "项目 |",
            "2023年执行数 |",
            "",
            "2024年预算数 |",
            "甲项支出 |",
            "12 |",
            "15 |",
            "备用金",
            "—",
            "3",
            "说明文字很长的一行，不是表格。",
        ]));
        assert_eq!(
            out,
            vec![
                "| 项目 | 2023年执行数 | 2024年预算数 |",
                "| 甲项支出 | 12 | 15 |",
                "| 备用金 | — | 3 |",
                "说明文字很长的一行，不是表格。"
            ]
        );
    }

    #[test]
    fn a_header_whose_second_line_lost_its_alignment() {
        let table = lines(&[
            "项目 2023年 2024年 增减额 增减%",
            " 预算数 预算数",
            "“三公”经费合计 672.9 628.4 -44.5 -6.6",
            "1.因公出国（境）费 0 0 0 0",
        ]);
        assert_eq!(
            to_grid(table),
            vec![
                "| 项目 | 2023年预算数 | 2024年预算数 | 增减额 | 增减% |",
                "| “三公”经费合计 | 672.9 | 628.4 | -44.5 | -6.6 |",
                "| 1.因公出国（境）费 | 0 | 0 | 0 | 0 |"
            ]
        );
    }

    #[test]
    fn prose_and_chrome_are_not_tables() {
        let prose = lines(&["收入完成 120 万元，增长 5%。", "项目建设进展顺利"]);
        assert_eq!(to_grid(prose.clone()), prose);
        assert!(!is_figure_run(&["| 索引号 | 123-456 |", "| 发布日期 | 2023-01-05 |"]));
        assert!(is_figure_run(&["| 项目 | 金额 |", "| 甲 | 300 |"]));
    }
}
