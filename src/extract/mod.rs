//! Stage: extraction. Input: a cleaned [`Report`]. Output: its numeric
//! [`Fact`]s.

use crate::model::{Fact, Report};

/// Extracts every numeric fact of a report.
pub fn extract_facts(_report: &Report) -> Vec<Fact> {
    Vec::new()
}
