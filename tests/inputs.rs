//! Real-world inputs through the binary: PDF and web pages in, bad files named
//! and skipped, nothing lost, nothing crashes (issue 9). The PDF and HTML
//! fixtures are made from the seed report by tests/data/inputs/make_fixtures.py.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const QUESTION: &str = "2023年西工区政府债券实际支付利息是多少";

fn budgetq(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("budgetq").unwrap();
    cmd.arg("--index").arg(index).env_remove("BUDGETQ_INDEX");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/inputs")
        .join(name)
}

fn seed() -> String {
    std::fs::read_to_string(common::shipped_corpora().join("xigong-2023.txt")).unwrap()
}

fn answer_value(index: &Path) -> String {
    let out = budgetq(index).args(["ask", "--json", QUESTION]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    format!(
        "{}{}",
        v["answer"]["value"].as_str().unwrap_or("-"),
        v["answer"]["unit"].as_str().unwrap_or("")
    )
}

fn reports(index: &Path) -> Vec<Value> {
    let out = budgetq(index).args(["reports", "--json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["reports"].as_array().cloned().unwrap_or_default()
}

fn ingest_one(file: &Path) -> TempDir {
    let index = TempDir::new().unwrap();
    budgetq(index.path()).arg("ingest").arg(file).assert().success();
    index
}

#[test]
fn pdf_and_html_answer_like_the_text() {
    // GBK-EUC-H and UniGB-UCS2-H: CJK fonts that are not embedded (official-document typesetting, iText).
    for name in [
        "xigong-2023.pdf",
        "xigong-lo.pdf",
        "xigong-2023.html",
        "xigong-gbk.pdf",
        "xigong-ucs2.pdf",
    ] {
        let index = ingest_one(&fixture(name));
        assert_eq!(answer_value(index.path()), "3824.35万元", "{name}");
        let listed = reports(index.path());
        assert_eq!(listed[0]["id"], "xigong-2023", "{name}");
        assert_eq!(listed[0]["region"], "河南省洛阳市西工区", "{name}");
    }
    let html = ingest_one(&fixture("xigong-2023.html"));
    let out = budgetq(html.path())
        .args(["search", "--json", "首页"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| !h["text"].as_str().unwrap().contains("您现在的位置")),
        "navigation was stored: {v}"
    );
}

/// The facts of a report as (year, metric, phase, relation, value, unit), sorted.
fn fact_rows(path: &Path) -> Vec<String> {
    let report = budgetq::ingest::read_report(path).unwrap();
    let mut rows: Vec<String> = budgetq::extract::extract_facts(&report)
        .iter()
        .map(|f| {
            format!(
                "{:?} {} {:?} {} {} {}",
                f.year, f.metric, f.phase, f.relation, f.value, f.unit
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn facts_of_pdf_and_html_match_the_text() {
    let text = fact_rows(&common::shipped_corpora().join("xigong-2023.txt"));
    assert!(text.len() > 100);
    for name in ["xigong-2023.pdf", "xigong-lo.pdf", "xigong-2023.html"] {
        assert_eq!(fact_rows(&fixture(name)), text, "{name}");
    }
}

#[cfg(unix)]
#[test]
fn the_matrix_of_real_world_inputs() {
    let folder = TempDir::new().unwrap();
    let dir = folder.path();
    std::fs::copy(fixture("xigong-2023.pdf"), dir.join("xigong-2023.pdf")).unwrap();
    std::fs::copy(fixture("xigong-2023.html"), dir.join("xigong-2023.html")).unwrap();
    std::fs::copy(fixture("scanned.pdf"), dir.join("scanned.pdf")).unwrap();
    std::fs::write(dir.join("notes.docx"), b"PK\x03\x04\x14\0\x06\0word/document.xml\0\0").unwrap();
    std::fs::write(dir.join("blob.bin"), (0u8..=255).cycle().take(5000).collect::<Vec<_>>()).unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::os::unix::fs::symlink(".", dir.join("s1")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    let synthetic = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic");
    std::fs::copy(synthetic.join("hexi-2024.txt"), dir.join("a/report.txt")).unwrap();
    std::fs::copy(synthetic.join("lixia-2024h1.txt"), dir.join("b/report.txt")).unwrap();
    let index = TempDir::new().unwrap();
    let out = budgetq(index.path())
        .arg("ingest")
        .arg(dir)
        .arg(dir.join("missing.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let skipped: Vec<&str> = stderr.lines().filter(|l| l.contains("skipped")).collect();
    let expect = [
        ("scanned.pdf", "scanned PDF, no text layer (OCR it first)"),
        ("notes.docx", "Word document"),
        ("blob.bin", "binary"),
        ("empty.txt", "empty"),
        ("s1", "symbolic link loop"),
        ("missing.txt", "no such file or folder"),
    ];
    for (file, reason) in expect {
        let lines: Vec<_> = skipped.iter().filter(|l| l.contains(file)).collect();
        assert_eq!(lines.len(), 1, "{file}: {stderr}");
        assert!(lines[0].contains(reason), "{file}: {stderr}");
    }
    assert_eq!(skipped.len(), expect.len(), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("ingested 4 reports"),
        "{stderr}"
    );
    let listed = reports(index.path());
    let paths: Vec<&str> = listed.iter().map(|r| r["path"].as_str().unwrap()).collect();
    for file in ["xigong-2023.pdf", "xigong-2023.html", "a/report.txt", "b/report.txt"] {
        assert!(paths.iter().any(|p| p.ends_with(file)), "{file} not stored: {paths:?}");
    }
    let ids: std::collections::HashSet<&str> = listed.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(answer_value(index.path()), "3824.35万元");
}

#[test]
fn a_pdf_named_txt_is_read_as_pdf() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("report.txt");
    std::fs::copy(fixture("xigong-2023.pdf"), &file).unwrap();
    let index = ingest_one(&file);
    assert_eq!(answer_value(index.path()), "3824.35万元");
    let out = budgetq(index.path())
        .args(["search", "--json", "Type Page Parent"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("/Parent"));
}

#[test]
fn a_named_empty_index_says_how_to_fill_it() {
    let parent = TempDir::new().unwrap();
    let missing = parent.path().join("typo");
    budgetq(&missing)
        .args(["ask", QUESTION])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no reports").and(predicate::str::contains("ingest")));
    assert!(!missing.exists(), "a query created the index folder");
    std::fs::create_dir_all(&missing).unwrap();
    budgetq(&missing).args(["search", "利息"]).assert().code(2);
}

#[test]
fn furniture_words_inside_a_sentence_are_kept() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("xigong.txt");
    let text = seed().replace(
        "2023年全区政府债券实际支付利息",
        "（见索引号附表）2023年全区政府债券实际支付利息",
    );
    std::fs::write(&file, text).unwrap();
    let index = ingest_one(&file);
    assert_eq!(answer_value(index.path()), "3824.35万元");
}

#[test]
fn a_one_line_page_is_split_into_paragraphs() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("one-line.txt");
    let seed = seed();
    let (header, body) = seed.split_once("\n---\n").unwrap();
    let line: String = body.lines().map(str::trim).collect();
    let filler = "本段为填充文字，用于模拟整页只有一行的网页。".repeat(30_000);
    std::fs::write(&file, format!("{header}\n---\n{line}{filler}")).unwrap();
    let index = ingest_one(&file);
    assert_eq!(answer_value(index.path()), "3824.35万元");
}

#[test]
fn ids_are_unique_and_copies_stored_once() {
    let folder = TempDir::new().unwrap();
    let dir = folder.path();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a/xigong.txt"), seed()).unwrap();
    std::fs::write(
        dir.join("b/xigong.txt"),
        seed().replace("各位代表：", "各位代表、同志们："),
    )
    .unwrap();
    std::fs::write(dir.join("copy.txt"), seed()).unwrap();
    let index = TempDir::new().unwrap();
    budgetq(index.path())
        .arg("ingest")
        .arg(dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("ingested 2 reports"))
        .stderr(
            predicate::str::contains("stored as xigong-2023-2")
                .and(predicate::str::contains("a copy of report xigong-2023")),
        );
    // Again, one more way of naming the same file: nothing new, nothing replaced by another file.
    budgetq(index.path())
        .arg("ingest")
        .arg(dir.join("a/xigong.txt"))
        .arg(dir.join("a/../a/xigong.txt"))
        .arg(dir.join("a/./xigong.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("ingested 1 reports"));
    let ids: Vec<String> = reports(index.path())
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["xigong-2023", "xigong-2023-2"]);
}

#[test]
fn dry_run_lists_ids_and_stores_nothing() {
    let index = TempDir::new().unwrap();
    budgetq(index.path())
        .args(["ingest", "--dry-run"])
        .arg(fixture("xigong-2023.html"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("xigong-2023.html\txigong-2023\t").and(predicate::str::contains("would ingest 1")),
        );
    budgetq(index.path())
        .args(["reports"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no reports"));
}

#[test]
fn chinese_file_names_give_short_ids() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("海曙区2022年预算执行报告.txt");
    std::fs::write(&file, "一般公共预算收入完成1000万元，增长5%。\n").unwrap();
    let index = ingest_one(&file);
    let id = reports(index.path())[0]["id"].as_str().unwrap().to_string();
    assert!(id.len() <= 32, "{id}");
}

#[test]
fn a_malformed_years_header_is_named() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("bad.txt");
    std::fs::write(&file, "years: 二〇二三\n---\n一般公共预算收入完成1000万元。\n").unwrap();
    let index = TempDir::new().unwrap();
    budgetq(index.path())
        .arg("ingest")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("years:"));
}

#[test]
fn huge_limits_are_refused_in_words() {
    let index = ingest_one(&common::shipped_corpora());
    for limit in ["4294967295", "18446744073709551615", "0"] {
        budgetq(index.path())
            .args(["search", "--limit", limit, "利息"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("panicked").not());
    }
    budgetq(index.path())
        .args(["search", "--limit", "1000", "利息"])
        .assert()
        .success();
}

/// Runs the binary with `input` on stdin and its stdout closed at once.
fn with_closed_stdout(index: &Path, args: &[&str], input: &[u8]) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("budgetq"))
        .arg("--index")
        .arg(index)
        .args(args)
        .env_remove("BUDGETQ_INDEX")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input);
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let index = ingest_one(&common::shipped_corpora());
    let questions = format!("{QUESTION}\n{QUESTION}\n:json on\n{QUESTION}\n").repeat(20);
    let runs: [&[&str]; 4] = [
        &[],
        &["repl"],
        &["ask", "--json", QUESTION],
        &["search", "--json", "利息"],
    ];
    for args in runs {
        let (code, stderr) = with_closed_stdout(index.path(), args, questions.as_bytes());
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn the_piped_repl_skips_an_undecodable_line() {
    let index = ingest_one(&common::shipped_corpora());
    let mut input = b"\xff\xfe\xc3(\n".to_vec();
    input.extend_from_slice(format!("{QUESTION}\n").as_bytes());
    budgetq(index.path())
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("line 1 is not UTF-8"))
        .stdout(predicate::str::contains("3824.35"));
}

#[test]
fn a_web_page_named_txt_is_read_as_a_page_not_as_tags() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("page.txt");
    std::fs::copy(fixture("xigong-2023.html"), &file).unwrap();
    let index = ingest_one(&file);
    assert_eq!(answer_value(index.path()), "3824.35万元");
    let out = budgetq(index.path())
        .args(["search", "--json", "--limit", "50", "利息"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for hit in v["hits"].as_array().unwrap() {
        let text = hit["text"].as_str().unwrap();
        assert!(!text.contains('<') && !text.contains("charset"), "{text}");
    }
    assert_eq!(reports(index.path())[0]["date"], "2024-01-23");
}
