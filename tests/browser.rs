//! Browser test of `budgetq serve`: headless Chromium loads the Ask and
//! Compare pages, dumps their DOM and takes screenshots; the answer text and
//! the chart must be on the page. Skipped, saying why, when no `chromium` is
//! installed (`.ci/run` installs it). Set `BUDGETQ_SCREENSHOTS=DIR` to keep
//! the screenshots.

mod common;
#[path = "serve_support/http.rs"]
mod http;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use budgetq::serve::{self, Background};
use budgetq::Engine;
use http::encode;
use tempfile::TempDir;

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BUDGETQ_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs Chromium headless on `url` with `extra` flags; returns its stdout.
/// A browser that hangs is killed after a few minutes (a safety net, not a timing check).
fn run_chromium(browser: &Path, profile: &Path, extra: &[String], url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait for chromium").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn is_png(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.len() > 1000 && b.starts_with(b"\x89PNG"))
}

#[test]
fn ask_and_compare_pages_render_in_headless_chromium() {
    let Some(browser) = chromium() else {
        println!("SKIPPED: no chromium on PATH (install the Debian package `chromium`, or set BUDGETQ_CHROMIUM)");
        return;
    };
    let dir = TempDir::new().unwrap();
    let synthetic = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/synthetic");
    let mut engine = Engine::open(&dir.path().join("index")).unwrap();
    engine
        .ingest(&[common::shipped_corpora(), synthetic], false, &mut |_| {})
        .unwrap();
    let server = Background::start(serve::app(Arc::new(engine)), "127.0.0.1:0".parse().unwrap(), 2).unwrap();
    let base = format!("http://{}", server.addr());
    let shots = std::env::var_os("BUDGETQ_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().to_path_buf());
    std::fs::create_dir_all(&shots).unwrap();

    let pages = [
        (
            "ask",
            format!("{base}/ask?q={}", encode("2023年西工区政府债券实际支付利息是多少")),
        ),
        (
            "compare",
            format!("{base}/compare?metric={}", encode("一般公共预算收入")),
        ),
    ];
    for (name, url) in &pages {
        let profile = TempDir::new().unwrap();
        let dom = run_chromium(&browser, profile.path(), &["--dump-dom".to_string()], url);
        match *name {
            "ask" => {
                assert!(
                    dom.contains("<mark>3824.35万元</mark>"),
                    "answer not on the page: {dom}"
                );
                assert!(dom.contains("实际支付利息"), "{dom}");
            }
            _ => {
                assert!(dom.contains("<svg"), "no chart: {dom}");
                assert!(dom.contains("<rect"), "no bars: {dom}");
                assert!(dom.contains("一般公共预算收入"), "{dom}");
            }
        }
        let profile = TempDir::new().unwrap();
        let shot = shots.join(format!("serve-{name}.png"));
        run_chromium(
            &browser,
            profile.path(),
            &[
                format!("--screenshot={}", shot.display()),
                "--window-size=1200,900".to_string(),
            ],
            url,
        );
        assert!(is_png(&shot), "no screenshot at {}", shot.display());
    }
}
