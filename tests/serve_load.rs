//! Load measurement of `budgetq serve`, run by hand and reported, never a
//! timed assertion: `cargo test --release --test serve_load -- --ignored --nocapture`.
//! Serves an index of `../shared/corpora` on an ephemeral port and sends
//! 1,000 GET requests from 8 client threads over a mix of pages; prints
//! p50/p99 latency per page kind and overall, and the number of errors.

mod common;
#[path = "serve_support/http.rs"]
mod http;

use std::sync::Arc;
use std::time::{Duration, Instant};

use budgetq::serve::{self, Background};
use budgetq::Engine;
use http::encode;
use tempfile::TempDir;

const CLIENTS: usize = 8;
const REQUESTS: usize = 1000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[test]
#[ignore]
fn serve_latency_on_the_shared_archive() {
    let Some(corpus) = common::shared_corpora() else {
        println!("SKIPPED: ../shared/corpora is absent");
        return;
    };
    let dir = TempDir::new().unwrap();
    let mut engine = Engine::open(dir.path()).unwrap();
    engine.ingest(&[corpus], false, &mut |_| {}).unwrap();
    engine.answerer();
    let reports: Vec<String> = engine.reports().iter().map(|r| r.id.clone()).collect();
    let server = Background::start(serve::app(Arc::new(engine)), "127.0.0.1:0".parse().unwrap(), 2).unwrap();
    let addr = server.addr();

    let questions = [
        "2023年西工区政府债券实际支付利息是多少",
        "南开区2023年一般债券转贷收入",
        "2024年西工区一般公共预算收入预算是多少",
        "2022年长寿区政府性基金预算收入",
    ];
    let mut paths: Vec<(&str, String)> = Vec::new();
    for i in 0..REQUESTS {
        let path = match i % 8 {
            0 | 1 => ("ask", format!("/ask?q={}", encode(questions[i % questions.len()]))),
            2 => (
                "api/ask",
                format!("/api/ask?q={}", encode(questions[(i / 8) % questions.len()])),
            ),
            3 => ("search", format!("/search?q={}", encode("政府债券利息"))),
            4 => ("reports", "/reports".to_string()),
            5 | 6 => ("report", format!("/reports/{}", encode(&reports[i % reports.len()]))),
            _ => ("compare", format!("/compare?metric={}", encode("一般公共预算收入"))),
        };
        paths.push(path);
    }
    // Warm up: the first compare and summary fill process-wide caches.
    for (_, p) in paths.iter().take(8) {
        http::get(addr, p);
    }

    let paths = Arc::new(paths);
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let paths = Arc::clone(&paths);
            std::thread::spawn(move || {
                let mut out = Vec::new();
                for (kind, path) in paths.iter().skip(c).step_by(CLIENTS) {
                    let t = Instant::now();
                    let r = http::get(addr, path);
                    out.push((*kind, t.elapsed(), r.status));
                }
                out
            })
        })
        .collect();
    let results: Vec<(&str, Duration, u16)> = clients.into_iter().flat_map(|c| c.join().unwrap()).collect();
    let wall = started.elapsed();
    let errors = results.iter().filter(|(_, _, s)| *s != 200).count();
    let mut kinds: Vec<&str> = results.iter().map(|(k, _, _)| *k).collect();
    kinds.sort_unstable();
    kinds.dedup();
    println!(
        "{} requests, {CLIENTS} clients, {} reports: {:.2}s wall, {:.0} req/s, errors {errors}",
        results.len(),
        reports.len(),
        wall.as_secs_f64(),
        results.len() as f64 / wall.as_secs_f64()
    );
    for kind in kinds.iter().copied().chain(std::iter::once("all")) {
        let mut times: Vec<Duration> = results
            .iter()
            .filter(|(k, _, _)| kind == "all" || *k == kind)
            .map(|(_, t, _)| *t)
            .collect();
        times.sort();
        println!(
            "{kind:>8}: n={:4} p50 {:7.1} ms  p99 {:7.1} ms",
            times.len(),
            percentile(&times, 0.5).as_secs_f64() * 1000.0,
            percentile(&times, 0.99).as_secs_f64() * 1000.0
        );
    }
}
