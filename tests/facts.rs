//! The facts layer on the seed report: the debt section's full fact list
//! against a golden file reviewed by hand, and the CSV export.

mod common;

use std::path::Path;

use assert_cmd::Command;
use budgetq::extract::extract_facts;
use budgetq::ingest::read_report;
use tempfile::TempDir;

#[test]
fn debt_section_golden() {
    let report = read_report(&common::shipped_corpora().join("xigong-2023.txt")).unwrap();
    let facts = extract_facts(&report);
    let mut out = String::new();
    for f in facts.iter().filter(|f| {
        report.paragraphs[f.paragraph]
            .section
            .iter()
            .any(|h| h.contains("政府债务情况"))
    }) {
        let parent = f
            .parent
            .map(|p| format!(" ⊂ {}{}", facts[p].written, facts[p].unit))
            .unwrap_or_default();
        out.push_str(&format!(
            "{} | {} | {} | {}{}{}\n",
            f.year.unwrap_or(0),
            f.metric,
            f.phase.label(),
            f.written,
            f.unit,
            parent
        ));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/xigong-debt.facts.txt");
    if std::env::var_os("BUDGETQ_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    assert_eq!(out, std::fs::read_to_string(&path).unwrap());
}

#[test]
fn csv_has_a_header_and_one_row_per_fact() {
    let dir = TempDir::new().unwrap();
    Command::cargo_bin("budgetq")
        .unwrap()
        .arg("--index")
        .arg(dir.path())
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    let out = Command::cargo_bin("budgetq")
        .unwrap()
        .arg("--index")
        .arg(dir.path())
        .args(["facts", "--csv", "--metric", "利息"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[..2], ["id", "parent_id"]);
    assert_eq!(
        header[2..11],
        [
            "report",
            "region",
            "year",
            "metric",
            "phase",
            "relation",
            "value",
            "unit",
            "value_yuan"
        ]
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].contains(",3824.35,万元,38243500,"), "{}", rows[0]);
    // The parts name their total by its id.
    let id = rows[0].split(',').next().unwrap();
    assert!(id.starts_with("xigong-2023#"), "{id}");
    for part in &rows[1..] {
        assert_eq!(part.split(',').nth(1), Some(id), "{part}");
    }
}
