//! Stage: index. Input: reports and their facts. Output: a folder holding a
//! tantivy index of paragraphs (segmented by jieba) and a catalog of reports
//! and facts beside it; searches over it.
//!
//! Layout of an index folder: `tantivy/` (the search index) and
//! `catalog.json` (reports, paragraphs, facts and the schema version). Queries
//! read facts from the catalog and never re-extract.

pub mod catalog;
pub mod schema;
pub mod search;
pub mod store;
pub mod terms;
pub mod tokenizer;

pub use catalog::{Catalog, SCHEMA_VERSION};
pub use search::{Hit, SearchRequest};
pub use store::Store;
