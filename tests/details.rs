//! What a new user meets in the first minutes (issue 12): `compare` with every
//! phase, partial metric names and reasons for an empty table; commands that
//! find nothing say why; fact ids; `summary` phases, multiples and findings;
//! character offsets in JSON; no `./index` in unrelated folders; the REPL
//! prompt after an English question; the layering of the modules.

mod common;

use std::path::Path;

use assert_cmd::Command;
use budgetq::compare::CompareRequest;
use budgetq::session::Session;
use budgetq::Engine;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn budgetq(index: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("budgetq").unwrap();
    cmd.arg("--index")
        .arg(index.path())
        .env_remove("BUDGETQ_INDEX")
        .env_remove("BUDGETQ_CORPUS");
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn shipped_index() -> TempDir {
    let dir = TempDir::new().unwrap();
    budgetq(&dir)
        .arg("ingest")
        .arg(common::shipped_corpora())
        .assert()
        .success();
    dir
}

fn shipped_engine() -> (TempDir, Engine) {
    let dir = TempDir::new().unwrap();
    let mut engine = Engine::create(dir.path()).unwrap();
    engine.ingest(&[common::shipped_corpora()], false, &mut |_| {}).unwrap();
    (dir, engine)
}

#[test]
fn compare_shows_every_phase_including_the_draft() {
    let (_dir, engine) = shipped_engine();
    let c = engine.compare(&CompareRequest {
        metric: "一般公共预算收入".to_string(),
        ..CompareRequest::default()
    });
    let cell = |year: u16, phase: &str| {
        c.rows
            .iter()
            .find(|r| r.year == year && r.phase == phase)
            .map(|r| format!("{}{}", r.value, r.unit))
    };
    assert_eq!(cell(2023, "年初预算").as_deref(), Some("217300万元"));
    assert_eq!(cell(2023, "调整预算").as_deref(), Some("174180万元"));
    assert_eq!(cell(2023, "执行").as_deref(), Some("174559万元"));
    assert_eq!(cell(2024, "预算草案").as_deref(), Some("181500万元"));
    assert_eq!(c.phases, ["年初预算", "调整预算", "执行", "预算草案"]);
    // --phase keeps one.
    let c = engine.compare(&CompareRequest {
        metric: "一般公共预算收入".to_string(),
        phase: Some(budgetq::model::Phase::Draft),
        ..CompareRequest::default()
    });
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].value, "181500");
}

#[test]
fn compare_finds_metrics_the_way_ask_does() {
    let (_dir, engine) = shipped_engine();
    let interest = engine.compare(&CompareRequest {
        metric: "利息".to_string(),
        ..CompareRequest::default()
    });
    assert_eq!(interest.rows.len(), 1, "{interest:?}");
    assert_eq!(interest.rows[0].value, "3824.35");
    assert_eq!(interest.rows[0].metric, "政府债券支付利息");
    // A synonym of the budget's name.
    let fund = engine.compare(&CompareRequest {
        metric: "政府基金收入".to_string(),
        ..CompareRequest::default()
    });
    assert!(
        fund.rows.iter().any(|r| r.phase == "执行" && r.value == "129984"),
        "{fund:?}"
    );
}

#[test]
fn an_empty_comparison_says_why() {
    let dir = shipped_index();
    let cases: [(&[&str], &str); 4] = [
        (&["compare", "一般公共预算收入", "--years", "2030"], "cover 2023–2024"),
        (
            &["compare", "一般公共预算收入", "--region", "海曙区"],
            "no report for 海曙区",
        ),
        (&["compare", "债务余额限额呀"], "closest metrics: "),
        (&["compare", "完全陌生的东西"], "budgetq facts"),
    ];
    for (args, why) in cases {
        budgetq(&dir)
            .args(args)
            .assert()
            .code(1)
            .stdout(predicate::str::contains(why).and(predicate::str::contains("()").not()));
    }
    // A reversed range means the same years.
    let v = json(budgetq(&dir).args(["compare", "一般公共预算收入", "--years", "2024..2023", "--json"]));
    assert!(v["rows"].as_array().unwrap().len() >= 4, "{v}");
    let v = json(budgetq(&dir).args(["compare", "一般公共预算收入", "--years", "2030", "--json"]));
    assert!(v["reason"].as_str().unwrap().contains("2030"));
}

#[test]
fn facts_and_search_say_why_they_found_nothing() {
    let dir = shipped_index();
    budgetq(&dir)
        .args(["facts", "--region", "海曙区"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no report for 海曙区"));
    budgetq(&dir)
        .args(["facts", "--metric", "不存在"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no metric in scope contains 不存在"));
    budgetq(&dir)
        .args(["facts", "--metric", "利息率", "--json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("closest: "));
    budgetq(&dir)
        .args(["facts", "--report", "luoyang-xigong-2023"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no report has the id"));
    budgetq(&dir)
        .args(["search", "--region", "海曙区", "利息"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no report for 海曙区").and(predicate::str::contains("fewer").not()));
    budgetq(&dir)
        .args(["search", "--year", "2019", "利息"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("covers 2019"));
}

#[test]
fn facts_carry_stable_ids_and_parent_ids() {
    let dir = shipped_index();
    let v = json(budgetq(&dir).args(["facts", "--json", "--metric", "利息"]));
    let facts = v["facts"].as_array().unwrap();
    let total = facts.iter().find(|f| f["metric"] == "政府债券支付利息").unwrap();
    let id = total["id"].as_str().unwrap();
    assert!(id.starts_with("xigong-2023#"));
    assert!(total["parent_id"].is_null());
    let parts: Vec<&Value> = facts.iter().filter(|f| f["parent_id"] == id).collect();
    assert_eq!(parts.len(), 2, "{facts:?}");
    // The same text gives the same ids.
    budgetq(&dir)
        .args(["ingest", "--rebuild"])
        .arg(common::shipped_corpora())
        .assert()
        .success();
    let again = json(budgetq(&dir).args(["facts", "--json", "--metric", "利息"]));
    assert_eq!(again["facts"][0]["id"], v["facts"][0]["id"]);
    // Every parent_id names a fact of the list.
    let all = json(budgetq(&dir).args(["facts", "--json"]));
    let ids: Vec<&str> = all["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for f in all["facts"].as_array().unwrap() {
        if let Some(p) = f["parent_id"].as_str() {
            assert!(ids.contains(&p), "{p}");
        }
    }
}

#[test]
fn summary_phases_multiples_findings_and_no_argument() {
    let dir = shipped_index();
    // One report in the archive: no argument needed.
    let v = json(budgetq(&dir).args(["summary", "--json"]));
    assert_eq!(v["report"], "xigong-2023");
    let debt = v["debt"].as_array().unwrap();
    let planned = debt.iter().find(|f| f["value"] == "41.69").expect("拟申请专项债券资金");
    assert_eq!(planned["phase"], "计划", "{planned}");
    let changes: Vec<&str> = v["budgets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["figures"].as_array().unwrap())
        .filter_map(|f| f["change"].as_str())
        .collect();
    assert!(
        changes.contains(&"增长2倍") && changes.contains(&"增长3.9倍"),
        "{changes:?}"
    );
    // Findings carry the report's own figures.
    let highlights = v["highlights"].as_array().unwrap();
    assert!(!highlights.is_empty());
    for h in highlights {
        assert!(h.as_str().unwrap().chars().any(|c| c.is_ascii_digit()), "{h}");
    }
    assert!(highlights
        .iter()
        .any(|h| h.as_str().unwrap().contains("评审工程项目65个")));
    // With two reports, it asks which.
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic/hexi-2024.txt");
    budgetq(&dir).arg("ingest").arg(other).assert().success();
    budgetq(&dir)
        .arg("summary")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2 reports").and(predicate::str::contains("budgetq reports")));
}

#[test]
fn json_highlight_is_in_characters_with_bytes_beside() {
    let dir = shipped_index();
    let v = json(budgetq(&dir).args(["ask", "--json", "2023年西工区政府债券实际支付利息是多少"]));
    let s = &v["sources"][0];
    let sentence: Vec<char> = s["sentence"].as_str().unwrap().chars().collect();
    let (a, b) = (
        s["highlight"][0].as_u64().unwrap() as usize,
        s["highlight"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(sentence[a..b].iter().collect::<String>(), "3824.35万元");
    let bytes = s["sentence"].as_str().unwrap().as_bytes();
    let (x, y) = (
        s["highlight_bytes"][0].as_u64().unwrap() as usize,
        s["highlight_bytes"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(std::str::from_utf8(&bytes[x..y]).unwrap(), "3824.35万元");
}

#[test]
fn query_commands_do_not_create_an_index_in_other_folders() {
    let elsewhere = TempDir::new().unwrap();
    Command::cargo_bin("budgetq")
        .unwrap()
        .current_dir(elsewhere.path())
        .env_remove("BUDGETQ_INDEX")
        .env_remove("BUDGETQ_CORPUS")
        .args(["ask", "西工区2023年政府债务余额"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no index at ./index").and(predicate::str::contains("--index")));
    assert!(!elsewhere.path().join("index").exists());
    // In a folder with corpora/, the first query builds ./index and says so plainly.
    let project = TempDir::new().unwrap();
    std::fs::create_dir(project.path().join("corpora")).unwrap();
    std::fs::copy(
        common::shipped_corpora().join("xigong-2023.txt"),
        project.path().join("corpora/xigong-2023.txt"),
    )
    .unwrap();
    Command::cargo_bin("budgetq")
        .unwrap()
        .current_dir(project.path())
        .env_remove("BUDGETQ_INDEX")
        .env_remove("BUDGETQ_CORPUS")
        .args(["search", "利息"])
        .assert()
        .success()
        .stderr(predicate::str::contains("./index").and(predicate::str::contains("index at index").not()));
    assert!(project.path().join("index/store/meta.json").exists());
}

#[test]
fn the_prompt_names_the_region_in_chinese_after_an_english_question() {
    let (_dir, engine) = shipped_engine();
    let mut session = Session::default();
    let (_, answer) = session.ask(&engine, "Xigong 2023 debt interest paid");
    assert!(answer.answer.is_some(), "{answer:?}");
    assert!(session.describe().starts_with("西工区 2023"), "{}", session.describe());
    // A follow-up still resolves in that region.
    let (full, answer) = session.ask(&engine, "政府债务余额呢");
    assert!(full.contains("西工区"), "{full}");
    assert_eq!(answer.answer.map(|a| a.value).as_deref(), Some("13.02"));
}

#[test]
fn modules_only_use_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |p: &str| std::fs::read_to_string(src.join(p)).unwrap();
    assert!(
        !read("compare.rs").contains("crate::engine"),
        "compare must not import the engine"
    );
    // The extract folder's files and those of its subfolders (table/).
    let mut files: Vec<_> = std::fs::read_dir(src.join("extract"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for dir in files.clone().iter().filter(|p| p.is_dir()) {
        files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
    }
    for file in files.iter().filter(|p| p.is_file()) {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(!text.contains("crate::session"), "extract must not import the session");
    }
    assert_eq!(
        budgetq::text::merge_overlap("政府债务余额", "一般债务").as_deref(),
        Some("一般债务余额")
    );
}

#[test]
fn grand_totals_carry_overs_and_next_year_spending_are_no_parts() {
    let (_dir, engine) = shipped_engine();
    let facts = engine.facts(&budgetq::engine::FactFilter::default());
    let by_id = |id: &str| facts.iter().find(|f| f.id() == id).cloned();
    let parent_metric = |metric: &str, year: u16| {
        let f = facts
            .iter()
            .find(|f| f.metric == metric && f.year == Some(year))
            .unwrap_or_else(|| panic!("{metric} {year}"));
        f.parent_id().and_then(|p| by_id(&p)).map(|p| p.metric.clone())
    };
    assert_eq!(parent_metric("社会保险基金预算收入总计", 2023), None);
    assert_eq!(parent_metric("上年结余", 2023), None);
    assert_eq!(parent_metric("年末滚存结余", 2023), None);
    assert_eq!(parent_metric("年末滚存结余", 2024), None);
    let spending = facts
        .iter()
        .find(|f| f.metric == "政府性基金预算支出" && f.year == Some(2024))
        .unwrap();
    assert!(spending.parent.is_none(), "{spending:?}");
    // Real breakdowns stay.
    assert_eq!(parent_metric("专项债券利息", 2023).as_deref(), Some("政府债券支付利息"));
}

#[test]
fn ask_not_found_suggests_the_next_step() {
    let dir = shipped_index();
    budgetq(&dir)
        .args(["ask", "海淀区2023年一般公共预算收入"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not found: ").and(predicate::str::contains("budgetq reports")));
    budgetq(&dir)
        .args(["ask", "西工区2023年图书馆藏书量"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("budgetq search").or(predicate::str::contains("closest candidates")));
}
