//! Stage: the header block. Input: decoded text. Output: the `key: value`
//! lines that may open a report file (ending at a line `---`) and the text
//! after them. Keys: `source`, `region`, `kind`, `years` (`2023/2024`), `title`,
//! `date`, `complete`. Anything the header gives overrides what is inferred.

use crate::model::Years;

/// Values given by a header block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub source: Option<String>,
    pub region: Option<String>,
    pub kind: Option<String>,
    pub years: Option<Years>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub complete: Option<String>,
    /// Values that could not be read, in words (e.g. a malformed `years:`).
    pub problems: Vec<String>,
}

fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then_some((key, value.trim()))
}

/// Splits the header block off `text`. Without a block, returns `None` and the whole text.
pub fn split_header(text: &str) -> (Option<Header>, &str) {
    let mut header = Header::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        offset += line.len();
        if trimmed == "---" {
            return (Some(header), &text[offset..]);
        }
        if trimmed.is_empty() {
            continue;
        }
        let Some((key, value)) = key_value(trimmed) else {
            return (None, text);
        };
        let value = (!value.is_empty() && value != "-").then(|| value.to_string());
        match key {
            "source" => header.source = value,
            // 西藏自治区桑丹县（虚构地名）: a remark is not part of the name.
            // (a report in traditional characters may name its region so too: 廣東省清遠市佛岡縣)
            "region" => {
                header.region = value
                    .map(|v| crate::text::normalize_query(&without_remarks(&v)))
                    .filter(|v| !v.is_empty())
            }
            "kind" => header.kind = value,
            "years" => {
                header.years = value.map(|v| {
                    let years = Years::parse(&v);
                    if years.execution.is_none() && years.draft.is_none() {
                        header
                            .problems
                            .push(format!("years: {v:?} is not a year pair such as 2023/2024 or 2022/-"));
                    }
                    years
                })
            }
            "title" => header.title = value,
            "date" => header.date = value,
            "complete" => header.complete = value,
            _ => {}
        }
    }
    (None, text)
}

/// `text` without parenthesised remarks (（虚构地名）, (invented)).
fn without_remarks(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_block() {
        let (h, rest) = split_header("source: x\nregion: 河南省洛阳市西工区\nyears: 2023/2024\n---\n正文");
        let h = h.unwrap();
        assert_eq!(h.region.as_deref(), Some("河南省洛阳市西工区"));
        let (traditional, _) = split_header("region: 廣東省清遠市佛岡縣\n---\n正文");
        assert_eq!(
            traditional.map(|h| h.region),
            Some(Some("广东省清远市佛冈县".to_string()))
        );
        let (remark, _) = split_header("region: 西藏自治区桑丹县（虚构地名）\n---\n正文");
        assert_eq!(remark.map(|h| h.region), Some(Some("西藏自治区桑丹县".to_string())));
        assert_eq!(
            h.years,
            Some(Years {
                execution: Some(2023),
                draft: Some(2024)
            })
        );
        assert_eq!(rest, "正文");
    }

    #[test]
    fn malformed_years_are_a_problem() {
        let (h, _) = split_header("years: twenty23\n---\n正文");
        assert_eq!(h.unwrap().problems.len(), 1);
        let (h, _) = split_header("years: 2022/-\n---\n正文");
        assert!(h.unwrap().problems.is_empty());
    }

    #[test]
    fn no_block() {
        let (h, rest) = split_header("关于西工区2023年预算执行情况的报告\n正文");
        assert!(h.is_none());
        assert!(rest.starts_with("关于"));
    }
}
