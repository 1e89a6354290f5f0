//! Short property runs (they are part of `cargo test`, so CI keeps them): the
//! cleaner never drops a line of prose, and no input makes the cleaner, the
//! file sniffer, the HTML or PDF readers or the question reader panic.

use std::path::Path;

use budgetq::ingest::clean::clean;
use budgetq::ingest::{html, pdf, sniff};
use proptest::prelude::*;

/// Words of page furniture that may also occur inside a sentence.
const FURNITURE_WORDS: &[&str] = &[
    "索引号",
    "您现在的位置",
    "当前位置",
    "发布时间",
    "首页>",
    "打印",
    "关闭",
    "第1页",
    "来源：",
    "— 3 —",
];

fn prose() -> impl Strategy<Value = String> {
    (
        "[一般公共预算收入完成实际支出同比增长下降]{4,20}",
        proptest::sample::select(FURNITURE_WORDS.to_vec()),
        "[0-9]{1,6}",
        "[万亿]?元",
    )
        .prop_map(|(a, word, n, unit)| format!("{word}{a}{n}{unit}。"))
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A sentence survives cleaning whatever furniture word it contains.
    #[test]
    fn prose_is_never_dropped(lines in proptest::collection::vec(prose(), 1..8)) {
        let text = lines.join("\n");
        let cleaned = without_spaces(&clean(&text).concat());
        for line in &lines {
            prop_assert!(cleaned.contains(&without_spaces(line)), "lost {line:?} from {cleaned:?}");
        }
    }

    /// Cleaning any text ends without a panic, lines of any length included.
    #[test]
    fn cleaning_never_panics(text in "([\\PC\n]|[索引号您现在的位置首页>。，0-9 \n]){0,400}", repeat in 1usize..40) {
        let _ = clean(&text.repeat(repeat));
    }

    /// Any page, well-formed or not, is read without a panic.
    #[test]
    fn html_never_panics(body in "(<[a-z]{1,6}( class=\"[a-z]{0,8}\")?>|</[a-z]{1,6}>|[\\PC]|&nbsp;|<tr><td>1</td>){0,200}") {
        let page = format!("<html><head><meta charset=gbk></head><body>{body}</body></html>");
        let _ = html::page_text(&html::decode_html(page.as_bytes()));
        let _ = html::decode_html(body.as_bytes());
    }

    /// Any bytes are sniffed without a panic.
    #[test]
    fn sniffing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = sniff::sniff(&bytes, Path::new("x.html"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Broken PDFs are reasons, never panics (the reader's own panics are caught).
    #[test]
    fn pdf_never_panics(tail in proptest::collection::vec(any::<u8>(), 0..400), keep in 0usize..3000) {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend_from_slice(&tail);
        let _ = pdf::read_pdf(&bytes);
        // A real PDF cut short.
        let real = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/inputs/xigong-2023.pdf")).unwrap();
        let _ = pdf::read_pdf(&real[..keep.min(real.len())]);
    }
}

#[test]
fn deeply_nested_pages_are_read() {
    // html5ever takes quadratic time in the nesting depth: 5,000 levels take 0.2 s, 50,000 take 25 s.
    let nested = format!(
        "<html><body>{}预算{}</body></html>",
        "<div>".repeat(5_000),
        "</div>".repeat(5_000)
    );
    assert_eq!(html::page_text(&nested).text, "预算");
}

#[test]
fn deeply_nested_pdfs_are_refused() {
    let mut pdf_bytes = b"%PDF-1.4\n1 0 obj\n".to_vec();
    pdf_bytes.extend(std::iter::repeat_n(b'[', 200_000));
    pdf_bytes.extend_from_slice(b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    assert!(pdf::read_pdf(&pdf_bytes).is_err());
}

/// One engine on the shipped corpus for the question runs.
fn engine() -> &'static budgetq::Engine {
    static ENGINE: std::sync::OnceLock<(tempfile::TempDir, budgetq::Engine)> = std::sync::OnceLock::new();
    let (_, engine) = ENGINE.get_or_init(|| {
        let dir = tempfile::TempDir::new().unwrap();
        let mut engine = budgetq::Engine::create(dir.path()).unwrap();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
        engine.ingest(&[corpus], false, &mut |_| {}).unwrap();
        (dir, engine)
    });
    engine
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any question is read and answered (or not) without a panic.
    #[test]
    fn questions_never_panic(q in "([\\PC]|[0-9年西工区政府债券利息是多少其中呢那专项一般？%万亿元 ]){0,60}") {
        let engine = engine();
        let _ = engine.understand(&q);
        let _ = engine.ask(&q);
    }
}
