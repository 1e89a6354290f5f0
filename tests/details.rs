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
    assert_eq!(parent_metric("社会保险基金预算年末滚存结余", 2023), None);
    assert_eq!(parent_metric("社会保险基金预算年末滚存结余", 2024), None);
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

/// A report of the project's own making whose headings and list items stand alone.
const HEADINGS_ONLY: &str = "关于河西区2020年财政决算的报告
河西区财政局
一、2020年决算情况
全区一般公共预算收入完成12.5亿元，增长3%。
二、重点支出的安排和资金到位情况
（一）农林水事务支出
（二）教育支出
三、政府债务情况
1、2020年末政府债券发行、还本付息决算数
2、2020年政府债务余额情况
";

#[test]
fn headings_and_list_items_are_searchable_with_their_section_path() {
    let dir = shipped_index();
    let reports = TempDir::new().unwrap();
    let file = reports.path().join("hexi-2020.txt");
    std::fs::write(&file, HEADINGS_ONLY).unwrap();
    budgetq(&dir).arg("ingest").arg(&file).assert().success();
    let hits = |query: &str| {
        let v = json(budgetq(&dir).args(["search", "--json", "--region", "河西区", query]));
        v["hits"].as_array().cloned().unwrap_or_default()
    };
    let education = hits("教育支出");
    assert_eq!(education[0]["text"], "（二）教育支出", "{education:?}");
    assert_eq!(education[0]["section"][0], "二、重点支出的安排和资金到位情况");
    assert_eq!(education[0]["heading"], true);
    let debt = hits("还本付息");
    assert_eq!(debt[0]["text"], "1、2020年末政府债券发行、还本付息决算数", "{debt:?}");
    assert_eq!(debt[0]["section"][0], "三、政府债务情况");
    // A heading gives way to the paragraph under it, which shows it in its section path.
    let outcome = hits("决算情况");
    assert!(outcome.iter().all(|h| h["text"] != "一、2020年决算情况"), "{outcome:?}");
    assert!(outcome.iter().any(|h| h["section"][0] == "一、2020年决算情况"));
    // Headings are read for no facts: the seed's facts all come from its paragraphs.
    let seed = budgetq::ingest::parse_report(
        &std::fs::read_to_string(common::shipped_corpora().join("xigong-2023.txt")).unwrap(),
        &common::shipped_corpora().join("xigong-2023.txt"),
    )
    .unwrap();
    assert!(seed.paragraphs.iter().any(|p| p.heading));
    let facts = budgetq::extract::extract_facts(&seed);
    assert!(!facts.is_empty());
    assert!(facts.iter().all(|f| !seed.paragraphs[f.paragraph].heading));
}

#[test]
fn a_quoted_phrase_matches_wherever_the_text_holds_it() {
    let dir = shipped_index();
    for phrase in ["\"债券利息\"", "\"券利息\"", "\"年全区政府\"", "“一般债券利息２５５７”"] {
        budgetq(&dir)
            .args(["search", phrase])
            .assert()
            .success()
            .stdout(predicate::str::contains("3824.35"));
    }
    // Headings too: every line of the report is text a phrase can be found in.
    let v = json(budgetq(&dir).args(["search", "--json", "\"政府债务付息情况\""]));
    assert_eq!(v["hits"][0]["text"], "3.2023年政府债务付息情况", "{v}");
    assert_eq!(v["hits"][0]["section"][1], "（二）政府债务情况", "{v}");
    budgetq(&dir).args(["search", "\"债券利息不存在\""]).assert().code(1);
}

#[test]
fn metric_names_carry_their_subject() {
    let dir = shipped_index();
    let v = json(budgetq(&dir).args(["facts", "--json"]));
    let metric = |written: &str, unit: &str| {
        v["facts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["written"] == written && f["unit"] == unit)
            .map(|f| f["metric"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // 开展重大项目政策性事前绩效评价18个，金额33940万元
    assert_eq!(metric("33940", "万元"), vec!["开展重大项目政策性事前绩效评价金额"]);
    // 完成国有资产审批105项，审批金额5528.12万元
    assert_eq!(metric("5528.12", "万元"), vec!["国有资产审批金额"]);
    // 涉及民政局、卫健委、退役军人事务局、农业农村局等9家单位
    assert_eq!(metric("9", "家"), vec!["发放惠民补贴涉及单位"]);
    // 惠及群众5.4万人以上
    assert_eq!(metric("5.4", "万人"), vec!["惠及群众"]);
    // 一是积极争取专项债资金。…2023年西工区成功发行13900万元。
    let issued = metric("13900", "万元");
    assert!(
        issued.iter().any(|m| m.contains("专项债") && m.ends_with("成功发行")),
        "{issued:?}"
    );
    assert!(issued.iter().all(|m| m != "成功发行"), "{issued:?}");
}
