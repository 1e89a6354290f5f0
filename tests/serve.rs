//! HTTP tests of `budgetq serve` on an ephemeral port: every page answers,
//! the JSON API keeps the CLI's contracts, report text is escaped, unknown
//! reports are 404, bad parameters 400, a panic is a 500 page and concurrent
//! requests are all answered. The index is built in a temp folder from the
//! shipped corpus, the synthetic reports and a hostile report written here.

mod common;
#[path = "serve_support/http.rs"]
mod http;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::routing::get;
use budgetq::serve::{self, Background};
use budgetq::Engine;
use http::{encode, get as fetch};
use serde_json::Value;
use tempfile::TempDir;

/// A report whose header and text try to inject markup.
const HOSTILE: &str = "region: 测试市<script>alert(1)</script>区\n\
kind: 预算报告\n\
years: 2023/2024\n\
title: <script>alert('title')</script>测试报告\n\
---\n\
一、2023年预算执行情况\n\
\n\
2023年全区一般公共预算收入12345万元<script>alert('text')</script>，同比增长5%。\n";

struct Fixture {
    _dir: TempDir,
    server: Background,
}

/// A handler that panics.
async fn boom() -> &'static str {
    panic!("a handler panicked")
}

/// One server for the whole test binary.
fn server() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = TempDir::new().expect("temp dir");
        let hostile = dir.path().join("hostile");
        std::fs::create_dir_all(&hostile).expect("mkdir");
        std::fs::write(hostile.join("hostile-2023.txt"), HOSTILE).expect("write");
        let synthetic = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic");
        let mut engine = Engine::open(&dir.path().join("index")).expect("open");
        engine
            .ingest(&[common::shipped_corpora(), synthetic, hostile], false, &mut |_| {})
            .expect("ingest");
        let app = serve::guarded(serve::router(Arc::new(engine)).route("/boom", get(boom)));
        let server = Background::start(app, "127.0.0.1:0".parse().expect("addr"), 2).expect("start");
        Fixture { _dir: dir, server }
    })
}

fn url(path: &str) -> (std::net::SocketAddr, String) {
    (server().server.addr(), path.to_string())
}

fn page(path: &str) -> http::Response {
    let (addr, path) = url(path);
    fetch(addr, &path)
}

fn api(path: &str) -> Value {
    let r = page(path);
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    assert!(r.header("content-type").contains("application/json"), "{path}");
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {}", r.body))
}

fn hostile_id() -> String {
    let v = api("/api/reports");
    v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap().contains("测试报告"))
        .map(|r| r["id"].as_str().unwrap().to_string())
        .expect("the hostile report is listed")
}

const QUESTION: &str = "2023年西工区政府债券实际支付利息是多少";

#[test]
fn every_page_answers_200_with_html() {
    let id = hostile_id();
    let q = encode(QUESTION);
    for path in [
        "/".to_string(),
        format!("/ask?q={q}"),
        "/ask".to_string(),
        format!("/search?q={}", encode("政府债券利息")),
        format!(
            "/search?q={}&region={}&year=2023&page=1",
            encode("利息"),
            encode("西工区")
        ),
        "/search".to_string(),
        "/reports".to_string(),
        format!("/reports?region={}", encode("西工区")),
        "/reports/xigong-2023".to_string(),
        "/reports/xigong-2023?sort=value".to_string(),
        format!("/reports/{}", encode(&id)),
        "/compare".to_string(),
        format!("/compare?metric={}", encode("一般公共预算收入")),
        "/style.css".to_string(),
    ] {
        let r = page(&path);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        if path != "/style.css" {
            assert!(r.header("content-type").starts_with("text/html"), "{path}");
            assert!(r.body.starts_with("<!DOCTYPE html>"), "{path}");
        }
    }
}

#[test]
fn ask_page_shows_the_value_the_highlighted_sentence_and_a_paragraph_link() {
    let r = page(&format!("/ask?q={}", encode(QUESTION)));
    assert!(r.body.contains("3824.35"), "{}", r.body);
    assert!(r.body.contains("<mark>3824.35万元</mark>"), "{}", r.body);
    assert!(r.body.contains("href=\"/reports/xigong-2023#p"), "{}", r.body);
    // The linked paragraph exists on the report page.
    let anchor = r.body.split("/reports/xigong-2023#p").nth(1).unwrap();
    let n: String = anchor.chars().take_while(char::is_ascii_digit).collect();
    let report = page("/reports/xigong-2023");
    assert!(report.body.contains(&format!("id=\"p{n}\"")), "paragraph {n}");
    assert!(report.body.contains("实际支付利息"));
}

#[test]
fn not_found_shows_the_reason() {
    let r = page(&format!("/ask?q={}", encode("2023年火星区月球债券利息是多少")));
    assert_eq!(r.status, 200);
    assert!(r.body.contains("未找到答案"), "{}", r.body);
}

#[test]
fn api_ask_has_the_cli_contract() {
    let v = api(&format!("/api/ask?q={}", encode(QUESTION)));
    assert_eq!(v["question"], QUESTION);
    let a = &v["answer"];
    for key in [
        "value", "unit", "text", "metric", "phase", "year", "region", "report", "computed",
    ] {
        assert!(a.get(key).is_some(), "answer.{key} missing: {v}");
    }
    assert_eq!(a["value"], "3824.35");
    assert_eq!(a["unit"], "万元");
    assert!(v["candidates"].is_array());
    assert_eq!(v["sources"][0]["report"], "xigong-2023");
}

#[test]
fn api_search_reports_summary_compare_have_the_cli_contracts() {
    let v = api(&format!("/api/search?q={}&limit=3", encode("政府债券利息")));
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3);
    for key in [
        "report",
        "title",
        "region",
        "years",
        "kind",
        "section",
        "paragraph",
        "score",
        "text",
        "snippet",
    ] {
        assert!(hits[0].get(key).is_some(), "hit.{key} missing");
    }

    let v = api("/api/reports");
    assert!(v["reports"].as_array().unwrap().len() >= 5);
    assert!(v["reports"][0].get("id").is_some());

    let v = api("/api/reports/xigong-2023");
    assert_eq!(v["report"]["id"], "xigong-2023");
    assert!(v["paragraphs"].as_array().unwrap().len() > 10);
    assert!(v["facts"].as_array().unwrap().iter().any(|f| f["written"] == "3824.35"));

    let v = api("/api/summary/xigong-2023");
    assert_eq!(v["report"], "xigong-2023");
    assert!(v["budgets"].is_array() && v["debt"].is_array());

    let v = api(&format!("/api/facts?report=xigong-2023&metric={}", encode("利息")));
    let facts = v["facts"].as_array().unwrap();
    assert!(facts.iter().any(|f| f["written"] == "3824.35"), "{v}");
    assert!(facts.iter().all(|f| f["report"] == "xigong-2023"));

    let v = api(&format!("/api/compare?metric={}", encode("一般公共预算收入")));
    assert_eq!(v["metric"], "一般公共预算收入");
    assert!(!v["rows"].as_array().unwrap().is_empty());
    assert!(v["missing"].is_array());
}

#[test]
fn compare_page_draws_a_chart_and_serves_csv() {
    let metric = encode("一般公共预算收入");
    let r = page(&format!("/compare?metric={metric}"));
    assert!(r.body.contains("<svg"), "{}", r.body);
    assert!(r.body.contains("<rect"));
    assert!(r.body.contains("format=csv"));
    let csv = page(&format!("/compare?metric={metric}&format=csv"));
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.header("content-disposition").starts_with("attachment"));
    assert!(csv.body.starts_with("\u{feff}region,year,"), "{}", csv.body);
    assert!(csv.body.lines().count() >= 2);
}

#[test]
fn report_text_and_user_input_are_escaped() {
    let id = hostile_id();
    let r = page(&format!("/reports/{}", encode(&id)));
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("<script"), "{}", r.body);
    // Shown as text: in the title, the paragraph and the facts' sentences.
    assert!(r.body.contains("&lt;script&gt;alert('title')"), "{}", r.body);
    assert!(
        r.body.contains("&lt;script&gt;alert('text')&lt;/script&gt;"),
        "{}",
        r.body
    );
    let r = page(&format!(
        "/search?q={}",
        encode("<script>alert(1)</script> 一般公共预算收入")
    ));
    assert!(!r.body.contains("<script"), "{}", r.body);
    let r = page(&format!("/ask?q={}", encode("<script>alert(2)</script>")));
    assert!(!r.body.contains("<script"), "{}", r.body);
    let r = page("/reports");
    assert!(!r.body.contains("<script"));
}

#[test]
fn unknown_reports_are_404() {
    let r = page("/reports/no-such-report");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("no-such-report"));
    assert_eq!(page("/api/reports/no-such-report").status, 404);
    assert_eq!(page("/api/summary/no-such-report").status, 404);
    assert_eq!(page("/no/such/page").status, 404);
}

#[test]
fn bad_parameters_are_400_with_the_reason() {
    let long = encode(&"预".repeat(300));
    for path in [
        format!("/ask?q={long}"),
        format!("/api/ask?q={long}"),
        "/api/ask".to_string(),
        "/search?q=x&year=20x3".to_string(),
        "/search?q=x&page=0".to_string(),
        "/search?q=x&page=999".to_string(),
        "/api/search?q=x&limit=100000".to_string(),
        "/api/search".to_string(),
        "/reports/xigong-2023?sort=nonsense".to_string(),
        "/compare?metric=x&years=2024..2020".to_string(),
        "/compare?metric=x&format=xml".to_string(),
        "/api/compare".to_string(),
    ] {
        let r = page(&path);
        assert_eq!(r.status, 400, "{path}: {}", r.body);
        assert!(r.body.len() > 20, "{path}: a reason is given");
    }
    let v: Value = serde_json::from_str(&page("/api/search?q=x&limit=0").body).unwrap();
    assert!(v["error"].as_str().unwrap().contains("limit"));
}

#[test]
fn a_panic_is_a_500_page_and_the_server_stays_up() {
    let r = page("/boom");
    assert_eq!(r.status, 500);
    assert!(r.body.contains("500"));
    assert_eq!(page("/").status, 200);
}

#[test]
fn fifty_concurrent_requests_are_all_answered() {
    let addr = server().server.addr();
    let q = encode(QUESTION);
    let threads: Vec<_> = (0..50)
        .map(|i| {
            let path = match i % 3 {
                0 => format!("/api/ask?q={q}"),
                1 => format!("/search?q={}", encode("政府债券利息")),
                _ => "/reports/xigong-2023".to_string(),
            };
            std::thread::spawn(move || fetch(addr, &path))
        })
        .collect();
    let mut ok = 0;
    for t in threads {
        let r = t.join().expect("client thread");
        assert_eq!(r.status, 200);
        ok += 1;
    }
    assert_eq!(ok, 50);
}

#[test]
fn the_serve_command_prints_its_address_and_warns_off_loopback() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let index = TempDir::new().unwrap();
    // A named index is not built on the fly: ingest first.
    let ingested = Command::new(assert_cmd::cargo::cargo_bin("budgetq"))
        .arg("--index")
        .arg(index.path())
        .arg("ingest")
        .arg(common::shipped_corpora())
        .output()
        .unwrap();
    assert!(ingested.status.success());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("budgetq"))
        .arg("--index")
        .arg(index.path())
        .args(["serve", "--host", "0.0.0.0", "--port", "0"])
        .env("BUDGETQ_CORPUS", common::shipped_corpora())
        .env_remove("BUDGETQ_INDEX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line
        .rsplit(':')
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let r = fetch(([127, 0, 0, 1], port).into(), "/");
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(r.status, 200);
    assert!(line.contains("serving 1 reports at http://0.0.0.0:"), "{line}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("visible to other machines"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
