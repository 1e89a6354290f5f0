//! budgetq: answers questions about Chinese government budget reports.
//!
//! The pipeline runs in stages that exchange plain owned types:
//!
//! 1. [`ingest`] reads report files (UTF-8 or GBK, optional header block), cleans
//!    the text copied out of PDFs and web pages, rebuilds sections and paragraphs
//!    and infers each report's metadata: `bytes -> Report`.
//! 2. [`extract`] turns paragraphs into numeric facts with decimals, units,
//!    metrics, phases and years: `Report -> Vec<Fact>`.
//! 3. [`index`] stores paragraphs in a tantivy index segmented by jieba and keeps
//!    reports and facts as documents of the same index: `Report, Fact -> disk`.
//! 4. [`answer`] reads a question, filters by region and year and ranks facts:
//!    `Question -> Answer`.
//!
//! [`Engine`] is the one front end that the CLI, the REPL, the web server
//! ([`serve`]) and the tests use; [`export`] holds the JSON and CSV shapes they share.

pub mod answer;
pub mod compare;
pub mod engine;
pub mod error;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod region;
pub mod serve;
pub mod session;
pub mod summary;
pub mod text;

pub use engine::Engine;
pub use error::{Error, Result};
