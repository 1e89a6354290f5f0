//! Stage: web-page reading. Input: the bytes of a saved HTML page. Output: its
//! report text, one line per paragraph (block element) and one line per table
//! row with its cells apart, plus the publication date the page states; the
//! site's navigation, breadcrumbs, header, footer, forms and scripts left out.
//!
//! The charset comes from a byte-order mark, else strict UTF-8, else the
//! page's `charset=` label (when it decodes without errors), else `chardetng`'s
//! guess: GBK pages labelled `gb2312`, or labelled wrongly, are common.

use std::sync::OnceLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use regex::Regex;
use scraper::{Html, Node, Selector};

/// The text of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    /// Paragraph lines of the content.
    pub text: String,
    /// The publication date (发布时间, 发文日期 …) as `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// Content containers of common government-site CMSs, most specific first.
const CONTENT: &[&str] = &[
    "#zoom",
    ".TRS_Editor",
    "#UCAP-CONTENT",
    ".article-content",
    ".pages_content",
    "#content",
    ".content",
    "article",
    "main",
];
/// A content container holds at least this many characters of text.
const MIN_CONTENT: usize = 50;
/// Elements never read.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "form", "select", "button", "iframe",
    "svg", "object", "input", "textarea", "aside",
];
/// Parts of an `id`/`class` that mark page chrome (used when no content container is found).
const CHROME: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "header",
    "share",
    "position",
    "location",
    "topbar",
    "sidebar",
];
/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "center",
    "caption",
    "main",
];

fn date_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?:发文日期|发布时间|发布日期|成文日期|发表时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
            .expect("valid regex")
    })
}

/// Decodes a page's bytes to text.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    if let Some(encoding) = declared_charset(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return text.into_owned();
        }
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding named by the first `charset=` in the page's first 4 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Collects lines while walking the tree.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
    row: Option<Vec<String>>,
    cell: String,
}

impl Lines {
    fn push_text(&mut self, text: &str) {
        let target = if self.row.is_some() {
            &mut self.cell
        } else {
            &mut self.current
        };
        for c in text.chars() {
            target.push(if c.is_whitespace() { ' ' } else { c });
        }
    }

    fn flush(&mut self) {
        let line = self.current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.current.clear();
    }

    fn end_cell(&mut self) {
        let cell: String = self.cell.split_whitespace().collect::<Vec<_>>().join("");
        if let Some(row) = self.row.as_mut() {
            if !cell.is_empty() {
                row.push(cell);
            }
        }
        self.cell.clear();
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            if !row.is_empty() {
                self.lines.push(row.join(" "));
            }
        }
    }
}

fn is_chrome(element: &scraper::node::Element) -> bool {
    let marks = element
        .id()
        .into_iter()
        .chain(element.classes())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>();
    marks.iter().any(|m| CHROME.iter().any(|c| m.contains(c)))
}

/// Reads a decoded page.
pub fn page_text(html: &str) -> PageText {
    let document = Html::parse_document(html);
    let content = CONTENT.iter().find_map(|css| {
        let selector = Selector::parse(css).ok()?;
        document
            .select(&selector)
            .find(|e| e.text().map(|t| t.trim().chars().count()).sum::<usize>() >= MIN_CONTENT)
    });
    let root = content.map(|e| *e).unwrap_or_else(|| document.tree.root());
    let skip_chrome = content.is_none();
    let mut out = Lines::default();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.push_text(text),
                    Node::Element(element) => {
                        let name = element.name();
                        if SKIPPED_TAGS.contains(&name) || (skip_chrome && is_chrome(element)) {
                            skipping = Some(node.id());
                            continue;
                        }
                        match name {
                            "tr" => {
                                out.flush();
                                out.end_row();
                                out.row = Some(Vec::new());
                            }
                            "td" | "th" => out.end_cell(),
                            "br" if out.row.is_some() => out.push_text(" "),
                            _ if BLOCKS.contains(&name) && out.row.is_none() => out.flush(),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    match name {
                        "tr" => out.end_row(),
                        "td" | "th" => out.end_cell(),
                        "table" => {
                            out.end_row();
                            out.flush();
                        }
                        _ if BLOCKS.contains(&name) && out.row.is_none() => out.flush(),
                        _ => {}
                    }
                }
            }
        }
    }
    out.end_row();
    out.flush();
    let mut lines = out.lines;
    // Pages often put the report's title outside the content container.
    if let Some(title) = page_title(&document) {
        let opening: String = lines.iter().take(8).map(String::as_str).collect();
        if !opening.replace(' ', "").contains(&title.replace(' ', "")) {
            lines.insert(0, title);
        }
    }
    let whole: String = document.root_element().text().collect();
    let published = date_pattern()
        .captures(&whole)
        .map(|c| format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]));
    PageText {
        text: lines.join("\n"),
        published,
    }
}

/// The `<title>`, without the site name that follows `_`, `|` or ` - `.
fn page_title(document: &Html) -> Option<String> {
    let selector = Selector::parse("title").ok()?;
    let title: String = document.select(&selector).next()?.text().collect();
    let first = title
        .split(['_', '|'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    (first.chars().count() >= 6).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><meta charset="gb2312"><title>关于某区2023年决算的报告_某区政府</title>
        <script>var x = "脚本";</script></head><body>
        <div class="nav"><a>首页</a><a>政务公开</a></div>
        <div class="crumb">您现在的位置：首页 &gt; 预决算</div>
        <div>发布时间：2024-7-05</div>
        <div id="zoom"><p>关于某区2023年决算的报告</p><p>&nbsp;&nbsp;各位代表：全年一般公共预算收入<strong>12,345</strong>万元，增长3.5%。这一段话足够长，用来确定正文所在的位置，因而导航不会被读入。这一段话足够长，用来确定正文所在的位置，因而导航不会被读入。这一段话足够长，用来确定正文所在的位置。</p>
        <table><tr><th>项目</th><th>预算数</th><th>决算数</th></tr>
        <tr><td><p>税收收入</p></td><td>1,000</td><td>&nbsp;</td><td>1,200</td></tr></table>
        <p>第二段<br/>换行</p></div>
        <div class="footer">主办单位：某区政府</div></body></html>"#;

    #[test]
    fn content_rows_and_date() {
        let page = page_text(PAGE);
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines[0], "关于某区2023年决算的报告");
        assert!(lines[1].contains("收入12,345万元"), "{lines:?}");
        assert!(lines.contains(&"项目 预算数 决算数"), "{lines:?}");
        assert!(lines.contains(&"税收收入 1,000 1,200"), "{lines:?}");
        assert!(lines.contains(&"第二段") && lines.contains(&"换行"));
        assert!(!page.text.contains("首页") && !page.text.contains("脚本") && !page.text.contains("主办"));
        assert_eq!(page.published.as_deref(), Some("2024-07-05"));
    }

    #[test]
    fn gbk_with_and_without_label() {
        let (gbk, _, _) = encoding_rs::GBK.encode(PAGE);
        assert!(decode_html(&gbk).contains("各位代表"));
        let unlabelled = PAGE.replace(r#"<meta charset="gb2312">"#, "");
        let (gbk, _, _) = encoding_rs::GBK.encode(&unlabelled);
        assert!(decode_html(&gbk).contains("各位代表"));
        let mislabelled = PAGE.replace("gb2312", "utf-8");
        let (gbk, _, _) = encoding_rs::GBK.encode(&mislabelled);
        assert!(decode_html(&gbk).contains("各位代表"));
    }

    #[test]
    fn without_container_chrome_is_dropped() {
        let page = page_text(
            "<body><div id=\"topnav\">首页 新闻</div><p>预算执行情况的报告</p><div class=\"footer\">版权</div></body>",
        );
        assert_eq!(page.text, "预算执行情况的报告");
    }
}
