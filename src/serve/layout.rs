//! Stage: web front end, page frame. Input: a page title, the active menu
//! entry and the page body. Output: the whole HTML document (header, menu,
//! footer, stylesheet link), plus small pieces every page uses: highlighted
//! text, section paths, links to a report paragraph, URL encoding.

use maud::{html, Markup, DOCTYPE};

/// Menu entries: (path, label).
const MENU: &[(&str, &str)] = &[
    ("/", "提问 Ask"),
    ("/search", "搜索 Search"),
    ("/reports", "报告 Reports"),
    ("/compare", "对比 Compare"),
];

/// The whole document.
pub fn page(title: &str, active: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · budgetq" }
                link rel="stylesheet" href="/style.css";
            }
            body {
                header.top {
                    a.brand href="/" { "budgetq" }
                    span.tag { "预算报告问答 · budget reports" }
                    nav {
                        @for (path, label) in MENU {
                            @if *path == active {
                                a.active href=(path) { (label) }
                            } @else {
                                a href=(path) { (label) }
                            }
                        }
                    }
                }
                main { (body) }
                footer { "本地只读服务 · local, read-only · " a href="/api/reports" { "JSON API" } }
            }
        }
    }
}

/// `text` with the byte `spans` wrapped in `<mark>`; spans that are out of
/// order or not on character boundaries are ignored.
pub fn highlighted(text: &str, spans: &[(usize, usize)]) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for &(start, end) in spans {
        if start < at || end <= start {
            continue;
        }
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        pieces.push((before, false));
        pieces.push((marked, true));
        at = end;
    }
    pieces.push((text.get(at..).unwrap_or(""), false));
    html! {
        @for (piece, marked) in pieces {
            @if marked { mark { (piece) } } @else { (piece) }
        }
    }
}

/// A section path, outermost first.
pub fn section_path(section: &[String]) -> Markup {
    html! {
        @if !section.is_empty() {
            span.section { (section.join(" › ")) }
        }
    }
}

/// Percent-encodes `text` for a URL path segment or query value.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The page of a report.
pub fn report_href(id: &str) -> String {
    format!("/reports/{}", encode(id))
}

/// A paragraph of a report.
pub fn paragraph_href(id: &str, paragraph: usize) -> String {
    format!("/reports/{}#p{paragraph}", encode(id))
}

/// A query string from pairs, skipping empty values.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighting_escapes_and_marks() {
        let text = "<b>利息3824.35万元</b>";
        let start = text.find('3').unwrap_or(0);
        let end = text.find("</b>").unwrap_or(0);
        let html = highlighted(text, &[(start, end)]).into_string();
        assert_eq!(html, "&lt;b&gt;利息<mark>3824.35万元</mark>&lt;/b&gt;");
    }

    #[test]
    fn bad_spans_are_ignored() {
        let html = highlighted("利息", &[(1, 2), (0, 99)]).into_string();
        assert_eq!(html, "利息");
    }

    #[test]
    fn encoding_keeps_only_unreserved_bytes() {
        assert_eq!(encode("a b/西"), "a%20b%2F%E8%A5%BF");
        assert_eq!(query_string(&[("q", "x&y"), ("year", "")]), "q=x%26y");
    }
}
