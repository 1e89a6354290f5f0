//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

use budgetq::Engine;
use tempfile::TempDir;

/// The shared corpus of real report excerpts, when present (next to the project root).
pub fn shared_corpora() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    dir.is_dir().then_some(dir)
}

/// The shared gold questions folder, when present.
pub fn shared_eval() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    dir.is_dir().then_some(dir)
}

/// The shipped corpus.
pub fn shipped_corpora() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora")
}

/// An engine on a temp index of reports written here (`(file name, text)`); the
/// folders live as long as the returned guards.
pub fn engine_of(reports: &[(&str, &str)]) -> (TempDir, TempDir, Engine) {
    let files = TempDir::new().unwrap();
    for (name, text) in reports {
        fs::write(files.path().join(name), text).unwrap();
    }
    let dir = TempDir::new().unwrap();
    let mut engine = Engine::create(dir.path()).unwrap();
    let summary = engine
        .ingest(&[files.path().to_path_buf()], false, &mut |_| {})
        .unwrap();
    assert!(summary.skipped.is_empty());
    (files, dir, engine)
}

/// The answer's value and unit, `None` when not found.
pub fn value(engine: &Engine, question: &str) -> Option<(String, String)> {
    engine.ask(question).answer.map(|a| (a.value, a.unit))
}

/// An expected answer.
pub fn pair(value: &str, unit: &str) -> Option<(String, String)> {
    Some((value.to_string(), unit.to_string()))
}
