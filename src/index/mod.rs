//! Stage: index. Input: reports and their facts. Output: an index folder
//! holding one tantivy index of reports, paragraphs (segmented by jieba) and
//! facts; reads by key and by filter, and searches over it.
//!
//! [`Store`] is the read side (opened read-only; queries never write),
//! [`StoreWriter`] the write side (one writer at a time, one commit per
//! ingest). Queries read facts from the store and never re-extract.

pub mod gram_tokenizer;
pub mod readonly;
pub mod schema;
pub mod search;
pub mod store;
pub mod terms;
pub mod tokenizer;
pub mod writer;

pub use search::{Hit, SearchRequest};
pub use store::{FactSet, RegionFinder, Stats, Store, SCHEMA_VERSION};
pub use writer::StoreWriter;
