//! The REPL driven through a pipe, `summary --json` against the gold values,
//! and `compare` across the archive.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn budgetq(index: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("budgetq").unwrap();
    cmd.arg("--index").arg(index.path()).env_remove("BUDGETQ_INDEX");
    cmd
}

fn index_of(path: &std::path::Path) -> TempDir {
    let dir = TempDir::new().unwrap();
    budgetq(&dir).arg("ingest").arg(path).assert().success();
    dir
}

#[test]
fn piped_follow_ups_keep_their_context() {
    let dir = index_of(&common::shipped_corpora());
    let out = budgetq(&dir)
        .write_stdin("西工区2023年政府债务余额是多少\n其中专项债务呢？\n一般债务呢？\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let answers: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with("亿元") && !l.contains('：'))
        .collect();
    assert_eq!(answers, vec!["13.02亿元", "5.08亿元", "7.94亿元"], "{text}");
    assert_eq!(text.matches("source: ").count(), 3, "{text}");
}

/// A follow-up that asks for a rate of the previous figure gets the rate, not the amount again.
#[test]
fn piped_rate_follow_up_asks_for_the_rate() {
    let dir = index_of(&common::shipped_corpora());
    let out = budgetq(&dir)
        .write_stdin("西工区2023年一般公共预算收入是多少\n同比下降多少\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let answers: Vec<&str> = text
        .lines()
        .filter(|l| (l.ends_with("万元") || l.ends_with('%')) && !l.contains('：') && !l.starts_with(' '))
        .collect();
    assert_eq!(answers, vec!["174559万元", "14.8%"], "{text}");
}

#[test]
fn piped_commands_and_phase_follow_ups() {
    let dir = index_of(&common::shipped_corpora());
    let out = budgetq(&dir)
        .write_stdin(":use 西工区 2023\n一般公共预算收入年初预算是多少\n支出呢\n:json on\n政府债券实际支付利息\n:quit\n不会被问到\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("217300万元") && text.contains("229070万元"), "{text}");
    assert!(text.contains("\"value\": \"3824.35\""), "{text}");
    assert!(!text.contains("不会被问到"));
}

#[test]
fn summary_json_has_the_key_figures_with_phase_and_year() {
    let dir = index_of(&common::shipped_corpora());
    let out = budgetq(&dir)
        .args(["summary", "--json", "xigong-2023"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut figures: Vec<&Value> = v["budgets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["figures"].as_array().unwrap())
        .collect();
    figures.extend(v["debt"].as_array().unwrap());
    // Gold values (../shared/eval/xigong-2023.jsonl) of the first section and the debt section.
    let gold: Vec<Value> =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/xigong-2023.jsonl"))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    let want = [
        ("xg-06", "年初预算"),
        ("xg-05", "调整预算"),
        ("xg-04", "执行"),
        ("xg-10", "年初预算"),
        ("xg-08", "执行"),
        ("xg-11", "执行"),
        ("xg-12", "执行"),
        ("xg-15", "执行"),
        ("xg-17", "执行"),
        ("xg-18", "调整预算"),
        ("xg-20", "执行"),
        ("xg-01", "执行"),
        ("xg-22", "执行"),
        ("xg-36", "预算草案"),
        ("xg-40", "预算草案"),
    ];
    for (id, phase) in want {
        let g = gold.iter().find(|g| g["id"] == id).unwrap();
        let year = if phase == "预算草案" { 2024 } else { 2023 };
        let found = figures
            .iter()
            .any(|f| f["value"] == g["value"] && f["unit"] == g["unit"] && f["phase"] == phase && f["year"] == year);
        assert!(
            found,
            "{id} {} {}{} ({phase}) missing from the summary",
            g["question"], g["value"], g["unit"]
        );
    }
    assert!(!v["highlights"].as_array().unwrap().is_empty());
    assert!(v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str().unwrap().contains("收支矛盾")));
}

#[test]
fn compare_revenue_across_the_archive() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let dir = index_of(&corpora);
    let out = budgetq(&dir)
        .args(["compare", "一般公共预算收入", "--csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let reports: Value =
        serde_json::from_slice(&budgetq(&dir).args(["reports", "--json"]).output().unwrap().stdout).unwrap();
    let ids: Vec<&str> = reports["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut regions = std::collections::BTreeSet::new();
    for line in text.trim_start_matches('\u{feff}').lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        regions.insert(cells[0].to_string());
        assert!(cells.iter().any(|c| ids.contains(c)), "row without its report: {line}");
    }
    assert!(regions.len() >= 15, "only {} regions: {regions:?}", regions.len());
    let xigong = text
        .lines()
        .find(|l| l.starts_with("西工区,2023,执行,"))
        .expect("西工区 row");
    assert!(xigong.contains(",174559,万元,"), "{xigong}");
    // Every phase a report states has its row: the next year's draft too.
    assert!(
        text.lines()
            .any(|l| l.starts_with("西工区,2024,预算草案,") && l.contains(",181500,万元,")),
        "{text}"
    );
}
