//! Cleaning golden tests. The seed report's golden holds its cleaned text; the
//! reports of `../shared/corpora` (read at test time, never copied into the
//! project) are compared by structure only: paragraph count, each paragraph's
//! heading depth, length and a hash of its heading path and text, so no
//! third-party text is stored. Regenerate with
//! `BUDGETQ_BLESS=1 cargo test --release --test cleaning` and review the diff.

mod common;

use std::path::Path;

use budgetq::ingest::{decode::decode, header::split_header, parse_report};
use budgetq::model::Report;

fn report(path: &Path) -> Report {
    let text = decode(&std::fs::read(path).unwrap()).unwrap();
    parse_report(&text, path).unwrap()
}

fn render(report: &Report) -> String {
    let mut out = String::new();
    for p in &report.paragraphs {
        out.push_str(&format!(
            "[{}] {}{}\n{}\n\n",
            p.position,
            p.section.join(" › "),
            if p.table {
                " (table)"
            } else if p.heading {
                " (heading)"
            } else {
                ""
            },
            p.text
        ));
    }
    out
}

/// FNV-1a, 64 bits: a stable fingerprint of a text that does not hold the text.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The structure of a report without its words: one line per paragraph.
fn structure(report: &Report) -> String {
    let mut out = format!("paragraphs: {}\n", report.paragraphs.len());
    for p in &report.paragraphs {
        out.push_str(&format!(
            "[{}] depth {} section {:016x} chars {} text {:016x}{}\n",
            p.position,
            p.section.len(),
            fingerprint(&p.section.join(" › ")),
            p.text.chars().count(),
            fingerprint(&p.text),
            if p.table {
                " table"
            } else if p.heading {
                " heading"
            } else {
                ""
            },
        ));
    }
    out
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("BUDGETQ_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its golden file; run with BUDGETQ_BLESS=1 and review the diff"
    );
}

#[test]
fn seed_report_golden() {
    let r = report(&common::shipped_corpora().join("xigong-2023.txt"));
    let text = render(&r);
    assert!(text.contains("实际完成174559万元，为调整预算的100.2%，同比下降14.8%。"));
    assert!(text.contains("年末滚存结余7585万元"));
    assert!(text.contains("西工区十五届人大"));
    assert!(!text.contains("西 工"));
    golden("xigong-2023.paragraphs.txt", &text);
}

#[test]
fn web_pages_lose_navigation_and_tables_keep_cells() {
    let Some(dir) = common::shared_corpora() else {
        return;
    };
    let bishan = render(&report(&dir.join("03_chongqing-bishan_2023.txt")));
    assert!(!bishan.contains("您当前的位置") && !bishan.contains("索引号") && !bishan.contains("发布机构"));
    assert!(bishan.contains("全区一般公共预算本级收入完成53.19亿元"));
    golden(
        "bishan-2023.structure.txt",
        &structure(&report(&dir.join("03_chongqing-bishan_2023.txt"))),
    );
    let banan = render(&report(&dir.join("13_chongqing-banan_2022js.txt")));
    assert!(!banan.contains("11500113009307279X") && !banan.contains("首页>"));
    let pengshui = report(&dir.join("22_chongqing-pengshui_2022.txt"));
    let table = pengshui.paragraphs.iter().find(|p| p.table).expect("a flattened table");
    assert!(table.text.contains("本级收入 167500"), "{}", table.text);
    golden("pengshui-2022.structure.txt", &structure(&pengshui));
    let suqian = render(&report(&dir.join("09_suqian-sucheng_2022.txt")));
    assert!(suqian.contains("全区一般公共预算收入(含辖区内列统收入,下同)40.5亿元"));
}

/// Table rows keep their cells apart, as grid rows (`| a | b |`).
#[test]
fn table_rows_keep_cell_spaces() {
    let text = "单位：万元\n项目 2022年 2023年 增长\n企业所得税 564 600 850 141.67% 50.71%\n";
    let (_, body) = split_header(text);
    let r = parse_report(body, Path::new("t.txt")).unwrap();
    let table = r.paragraphs.iter().find(|p| p.table).expect("a table paragraph");
    assert!(
        table
            .text
            .lines()
            .any(|l| l == "| 企业所得税 | 564 | 600 | 850 | 141.67% | 50.71% |"),
        "{:?}",
        r.paragraphs
    );
    assert!(
        table.text.lines().any(|l| l == "| 项目 | 2022年 | 2023年 | 增长 |"),
        "{:?}",
        r.paragraphs
    );
}

#[test]
fn structure_goldens_hold_no_report_text() {
    for name in ["bishan-2023.structure.txt", "pengshui-2022.structure.txt"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.chars().any(budgetq::text::is_han), "{name} holds Chinese text");
    }
    for old in ["bishan-2023.paragraphs.txt", "pengshui-2022.paragraphs.txt"] {
        assert!(!Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(old)
            .exists());
    }
}
