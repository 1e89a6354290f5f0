//! A paragraph of a cleaned report.

use serde::{Deserialize, Serialize};

/// One paragraph with the headings above it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Position in the report, from 0.
    pub position: usize,
    /// Section path, outermost heading first (e.g. `["一、2023年预算执行情况", "1.一般公共预算"]`).
    pub section: Vec<String>,
    /// Cleaned text.
    pub text: String,
    /// True for a table whose cells were flattened one per line; cells are joined by spaces.
    #[serde(default)]
    pub table: bool,
    /// True for a heading or numbered list item that stands on its own line
    /// (`（二）教育支出`): its text is the heading, its section the headings above
    /// it. It is searchable and shown, but read for no facts (the paragraphs
    /// under it carry it in their section path).
    #[serde(default)]
    pub heading: bool,
}
