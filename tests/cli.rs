//! End-to-end tests of the binary on temporary indexes (never the real `index/`).

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn budgetq(index: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("budgetq").unwrap();
    cmd.arg("--index").arg(index.path()).env_remove("BUDGETQ_INDEX");
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// An index of the shipped corpus.
fn shipped_index() -> TempDir {
    let dir = TempDir::new().unwrap();
    budgetq(&dir)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    dir
}

#[test]
fn search_puts_the_interest_paragraph_first() {
    let dir = shipped_index();
    let v = json(budgetq(&dir).args(["search", "--json", "--region", "西工区", "政府债券利息"]));
    let first = &v["hits"][0];
    assert!(first["text"].as_str().unwrap().contains("3824.35万元"), "{first}");
    assert_eq!(
        first["section"].as_array().unwrap().last().unwrap(),
        "3.2023年政府债务付息情况"
    );
    assert!(first["snippet"].as_str().unwrap().contains("**利息**"));
}

#[test]
fn search_finds_sub_words() {
    let dir = shipped_index();
    let v = json(budgetq(&dir).args(["search", "--json", "工程", "--region", "西工区"]));
    let texts: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("健康东路") && t.contains("提升改造工程")),
        "{texts:?}"
    );
}

#[test]
fn any_text_is_a_valid_query() {
    let dir = shipped_index();
    for q in ["\"专项债券", "AND OR (", "title:x^2 ~ \\", "））", "\"\""] {
        let out = budgetq(&dir).args(["search", q]).output().unwrap();
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v = json(budgetq(&dir).args(["search", "--json", "\"专项债券利息\""]));
    assert!(v["hits"][0]["text"]
        .as_str()
        .unwrap()
        .contains("专项债券利息1266.98万元"));
}

#[test]
fn unreadable_files_are_named_and_the_rest_kept() {
    let dir = TempDir::new().unwrap();
    let input = TempDir::new().unwrap();
    std::fs::copy(
        common::shipped_corpora().join("xigong-2023.txt"),
        input.path().join("good.txt"),
    )
    .unwrap();
    std::fs::write(input.path().join("binary.txt"), b"\x00\x01\x02\x03PK\x00").unwrap();
    std::fs::write(input.path().join("empty.txt"), b"").unwrap();
    budgetq(&dir)
        .arg("ingest")
        .arg(input.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary.txt").and(predicate::str::contains("empty.txt")))
        .stdout(predicate::str::contains("ingested 1 reports"));
    // Re-ingesting replaces instead of duplicating.
    budgetq(&dir)
        .arg("ingest")
        .arg(input.path().join("good.txt"))
        .assert()
        .success();
    let v = json(budgetq(&dir).args(["reports", "--json"]));
    assert_eq!(v["reports"].as_array().unwrap().len(), 1);
    let v = json(budgetq(&dir).args(["search", "--json", "--limit", "50", "利息"]));
    let interest = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["text"].as_str().unwrap().contains("3824.35"))
        .count();
    assert_eq!(interest, 1);
}

#[test]
fn a_query_on_the_empty_default_index_builds_it_from_the_corpus() {
    let dir = TempDir::new().unwrap();
    Command::cargo_bin("budgetq")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("BUDGETQ_INDEX")
        .env("BUDGETQ_CORPUS", common::shipped_corpora())
        .args(["search", "利息"])
        .assert()
        .success()
        .stderr(predicate::str::contains("building it from"))
        .stdout(predicate::str::contains("3824.35"));
    assert!(dir.path().join("index").is_dir());
}

#[test]
fn archive_reports_keep_header_metadata_and_traditional_text_is_found() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let files = std::fs::read_dir(&corpora).unwrap().count();
    let dir = TempDir::new().unwrap();
    budgetq(&dir)
        .arg("ingest")
        .arg(&corpora)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("ingested {files} reports")));
    let v = json(budgetq(&dir).args(["reports", "--json"]));
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), files);
    let suqian = reports.iter().find(|r| r["id"] == "sucheng-2022").unwrap();
    assert_eq!(suqian["region"], "江苏省宿迁市宿城区");
    assert_eq!(suqian["years"]["execution"], 2022);
    assert_eq!(suqian["years"]["draft"], 2023);
    assert_eq!(suqian["kind"], "预算报告");
    for q in ["預算", "预算"] {
        let v = json(budgetq(&dir).args(["search", "--json", "--region", "宿城区", q]));
        let hits = v["hits"].as_array().unwrap();
        assert!(
            !hits.is_empty() && hits.iter().all(|h| h["report"] == "sucheng-2022"),
            "{q}"
        );
        assert!(hits[0]["text"].as_str().unwrap().contains("预算"));
    }
}

#[test]
fn schema_mismatch_says_how_to_rebuild() {
    let dir = shipped_index();
    let catalog = dir.path().join("catalog.json");
    let text = std::fs::read_to_string(&catalog)
        .unwrap()
        .replacen("\"schema_version\":1", "\"schema_version\":999", 1);
    std::fs::write(&catalog, text).unwrap();
    budgetq(&dir)
        .args(["search", "利息"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--rebuild"));
    budgetq(&dir)
        .args(["ingest", "--rebuild"])
        .arg(common::shipped_corpora())
        .assert()
        .success();
    budgetq(&dir).args(["search", "利息"]).assert().success();
}

#[test]
fn ask_answers_with_its_source_and_exit_codes() {
    let dir = shipped_index();
    let out = budgetq(&dir)
        .args(["ask", "--json", "2023年西工区政府债券实际支付利息是多少"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answer"]["value"], "3824.35");
    assert_eq!(v["answer"]["unit"], "万元");
    assert_eq!(v["answer"]["year"], 2023);
    assert_eq!(v["answer"]["computed"], false);
    assert!(v["sources"][0]["text"].as_str().unwrap().contains("3824.35万元"));
    assert!(!v["sources"][0]["title"].as_str().unwrap().is_empty());

    budgetq(&dir)
        .args(["ask", "--color", "never", "2023年西工区政府债券实际支付利息是多少"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("3824.35万元")
                .and(predicate::str::contains("source:"))
                .and(predicate::str::contains("【3824.35万元】")),
        );

    let out = budgetq(&dir)
        .args(["ask", "--json", "2023年西工区GDP是多少"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["answer"].is_null());

    // Another region or year is never answered from this one.
    budgetq(&dir)
        .args(["ask", "海淀区2023年一般公共预算收入"])
        .assert()
        .code(1);
    budgetq(&dir)
        .args(["ask", "西工区2021年一般公共预算收入"])
        .assert()
        .code(1);
}

#[test]
fn computed_answers_show_their_arithmetic() {
    let dir = shipped_index();
    let v = json(budgetq(&dir).args(["ask", "--json", "2023年西工区一般公共预算收支差额是多少"]));
    assert_eq!(v["answer"]["value"], "-4867");
    assert_eq!(v["answer"]["computed"], true);
    assert_eq!(v["sources"].as_array().unwrap().len(), 2);
    assert!(v["answer"]["text"].as_str().unwrap().contains("174559"));
    // A share the report does not state, from the two amounts it does.
    let v = json(budgetq(&dir).args(["ask", "--json", "2023年西工区教育支出占一般公共预算支出的比重"]));
    assert_eq!(
        (v["answer"]["value"].as_str(), v["answer"]["unit"].as_str()),
        (Some("20.03"), Some("%"))
    );
    assert_eq!(v["answer"]["computed"], true);
    // The stated one wins over any computation.
    let v = json(budgetq(&dir).args(["ask", "--json", "2023年西工区财政民生支出占公共预算支出的比重"]));
    assert_eq!(
        (v["answer"]["value"].as_str(), v["answer"]["computed"].as_bool()),
        (Some("89.12"), Some(false))
    );
}

#[test]
fn gbk_and_full_width_reports_are_read() {
    let input = TempDir::new().unwrap();
    let text = "关于示例区２０２３年预算执行情况和２０２４年预算草案的报告\n一、２０２３年预算执行情况\n全区一般公共预算收入完成１２３４５万元，同比增长５．６％。\n";
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    std::fs::write(input.path().join("shili-2023.txt"), &gbk).unwrap();
    let dir = TempDir::new().unwrap();
    budgetq(&dir).arg("ingest").arg(input.path()).assert().success();
    let v = json(budgetq(&dir).args(["reports", "--json"]));
    assert_eq!(v["reports"][0]["region"], "示例区");
    assert_eq!(v["reports"][0]["years"]["execution"], 2023);
    let v = json(budgetq(&dir).args(["ask", "--json", "示例区2023年一般公共预算收入"]));
    assert_eq!(v["answer"]["value"], "12345");
    let v = json(budgetq(&dir).args(["ask", "--json", "示例区2023年一般公共预算收入增长多少"]));
    assert_eq!(v["answer"]["value"], "5.6");
}
