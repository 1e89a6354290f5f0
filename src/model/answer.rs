//! The answer to a question, with its sources.

use serde::{Deserialize, Serialize};

/// The value of an answer, as the `ask --json` contract spells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerValue {
    /// The decimal as written (commas removed).
    pub value: String,
    pub unit: String,
    /// A one-line answer for people.
    pub text: String,
    pub metric: String,
    pub phase: String,
    pub year: Option<u16>,
    pub region: String,
    pub report: String,
    /// True when computed from several facts (e.g. a balance).
    pub computed: bool,
}

/// A paragraph an answer or candidate came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub report: String,
    pub title: String,
    pub section: Vec<String>,
    pub paragraph: usize,
    pub text: String,
    /// The sentence holding the number.
    #[serde(default)]
    pub sentence: String,
    /// UTF-8 byte span `[start, end)` of the number in `sentence` (JSON `highlight_bytes`),
    /// for slicing the sentence as bytes (Rust, Go).
    #[serde(default, rename = "highlight_bytes")]
    pub highlight: Option<(usize, usize)>,
    /// The same span in characters (Unicode scalar values; JSON `highlight`), for
    /// slicing the sentence as a string (Python `sentence[a:b]`, JavaScript for BMP text).
    #[serde(default, rename = "highlight")]
    pub highlight_chars: Option<(usize, usize)>,
}

/// A fact that was considered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub value: String,
    pub unit: String,
    pub metric: String,
    pub phase: String,
    pub year: Option<u16>,
    pub region: String,
    pub report: String,
    pub score: f32,
    pub sentence: String,
}

/// What `ask` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub answer: Option<AnswerValue>,
    pub candidates: Vec<Candidate>,
    pub sources: Vec<Source>,
    /// Why there is no answer, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
