//! Cleaning step: spaces. PDF extraction spreads characters apart (`西 工 区`,
//! `2023 年`, `17.75 亿元`); those spaces are removed. Spaces between two
//! numbers or words in Latin script are kept (`564 600 850`, `Xigong District`),
//! and so are the spaces after a row label when the line is a flattened table
//! row (`企业所得税 564 600 850`).

/// True for a token that is a table cell number: `564`, `141.67%`, `-2.5`, `1,234`.
fn is_numeric_cell(token: &str) -> bool {
    let t = token.trim_end_matches('%');
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        && t.chars().any(|c| c.is_ascii_digit())
}

/// True when a line looks like a table row: a label and three or more numeric
/// cells, and no sentence punctuation (a sentence with many numbers is not a row).
pub fn is_table_row(line: &str) -> bool {
    // Sentence punctuation first: it settles most lines after a few characters.
    if line.contains(['，', '。', '；', '：']) {
        return false;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let numeric = tokens.iter().filter(|t| is_numeric_cell(t)).count();
    numeric >= 3 && numeric * 2 >= tokens.len()
}

/// True when a line looks like the header of such a table: four or more
/// column names, two of them naming years, phases or percentages
/// (`项目 2022年决算数 2023年预算数 增长%`).
pub fn is_table_header(line: &str) -> bool {
    if line.contains(['，', '。', '；']) {
        return false;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let named = tokens.iter().filter(|t| t.ends_with(['数', '%', '年', '率'])).count();
    tokens.len() >= 4 && named >= 2
}

fn keeps_space(before: char, after: char, table_row: bool) -> bool {
    let latin = |c: char| c.is_ascii_alphanumeric();
    if (latin(before) || before == '%') && latin(after) {
        return true;
    }
    // In a table row, the label keeps its distance from the first number.
    table_row && !before.is_ascii() && (after.is_ascii_digit() || after == '-')
}

/// `2 0 2 3 年`: a year spread digit by digit (four digits alone are never four cells).
fn spread_year() -> &'static regex::Regex {
    static P: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    P.get_or_init(|| regex::Regex::new(r"(?:^|[^\d.,])([12]) (\d) (\d) (\d) ?年").expect("valid regex"))
}

/// Removes spaces that PDF extraction put between characters.
pub fn remove_spaces(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| {
            let line = if line.contains("年") && spread_year().is_match(&line) {
                spread_year()
                    .replace_all(&line, |c: &regex::Captures| {
                        let lead = &c[0][..c[0].len() - c[0].trim_start_matches(|ch: char| !ch.is_ascii_digit()).len()];
                        format!("{lead}{}{}{}{}年", &c[1], &c[2], &c[3], &c[4])
                    })
                    .into_owned()
            } else {
                line
            };
            // A line without spaces is kept as it is (nothing to remove, nothing to trim).
            if super::tables::is_grid_row(&line) || !line.contains(char::is_whitespace) {
                return line;
            }
            let header = is_table_header(&line);
            let table_row = is_table_row(&line);
            let chars: Vec<char> = line.trim().chars().collect();
            let mut out = String::with_capacity(line.len());
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if c.is_whitespace() {
                    let start = i;
                    while i < chars.len() && chars[i].is_whitespace() {
                        i += 1;
                    }
                    if start > 0 && i < chars.len() && (header || keeps_space(chars[start - 1], chars[i], table_row)) {
                        out.push(' ');
                    }
                    continue;
                }
                out.push(c);
                i += 1;
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> String {
        remove_spaces(vec![s.to_string()]).remove(0)
    }

    #[test]
    fn removes_spaces_inside_cjk_and_before_units() {
        assert_eq!(one(" 西 工 区 十 五 届 人 大"), "西工区十五届人大");
        assert_eq!(
            one("关于西工区 2023 年预算执行情况和"),
            "关于西工区2023年预算执行情况和"
        );
        assert_eq!(
            one("债券转贷收入 17.75 亿元，下降1.9 %"),
            "债券转贷收入17.75亿元，下降1.9%"
        );
    }

    #[test]
    fn keeps_table_cell_spaces() {
        assert_eq!(
            one("企业所得税 564 600  850 141.67% 50.71%"),
            "企业所得税 564 600 850 141.67% 50.71%"
        );
        assert_eq!(one("Xigong  District"), "Xigong District");
    }
}
