//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

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
