//! Stage: answering. Input: a question and the catalog. Output: an [`Answer`].

use crate::index::Store;
use crate::model::Answer;

/// Answers a question.
pub fn ask(_store: &Store, question: &str) -> Answer {
    Answer {
        question: question.to_string(),
        answer: None,
        candidates: Vec::new(),
        sources: Vec::new(),
        reason: Some("not implemented".into()),
    }
}
