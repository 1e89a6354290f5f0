//! Benchmarks, run by hand and reported, never timed assertions:
//! `cargo test --release --test bench -- --ignored --nocapture`.
//! In-process timings of ingest (cleaning, extraction, indexing), `ask` and
//! `search` on the shipped corpus and, when present, `../shared/corpora`.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use budgetq::extract::extract_facts;
use budgetq::index::SearchRequest;
use budgetq::ingest::{collect_files, read_report};
use budgetq::Engine;
use tempfile::TempDir;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench_corpus(name: &str, corpus: &Path) {
    let files = collect_files(&[corpus.to_path_buf()]).files;
    let started = Instant::now();
    let reports: Vec<_> = files.iter().map(|f| read_report(f).unwrap()).collect();
    let read = started.elapsed();
    let started = Instant::now();
    let facts: usize = reports.iter().map(|r| extract_facts(r).len()).sum();
    let extract = started.elapsed();
    let dir = TempDir::new().unwrap();
    let started = Instant::now();
    let mut engine = Engine::open(dir.path()).unwrap();
    engine.ingest(&[corpus.to_path_buf()], false, &mut |_| {}).unwrap();
    let ingest = started.elapsed();
    let questions = [
        "2023年西工区政府债券实际支付利息是多少",
        "南开区2023年一般债券转贷收入",
        "2024年西工区一般公共预算收入预算是多少",
    ];
    let _ = engine.ask(questions[0]);
    let asks: Vec<Duration> = (0..50)
        .map(|i| {
            let t = Instant::now();
            let _ = engine.ask(questions[i % questions.len()]);
            t.elapsed()
        })
        .collect();
    let searches: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let _ = engine
                .search(&SearchRequest {
                    query: "政府债券利息".into(),
                    limit: 10,
                    ..Default::default()
                })
                .unwrap();
            t.elapsed()
        })
        .collect();
    eprintln!(
        "{name}: {} files; read+clean {read:?}, extract {facts} facts {extract:?}, full ingest (incl. jieba load) {ingest:?}; ask median {:?}; search median {:?}",
        files.len(),
        median(asks),
        median(searches)
    );
}

#[test]
#[ignore = "benchmark: run by hand with --ignored --nocapture"]
fn timings() {
    bench_corpus("shipped", &common::shipped_corpora());
    if let Some(shared) = common::shared_corpora() {
        bench_corpus("shared", &shared);
    }
}
