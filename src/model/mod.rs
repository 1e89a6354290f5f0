//! Plain owned types that the stages exchange: a [`Report`] with its
//! [`ReportMeta`] and [`Paragraph`]s, the [`Fact`]s extracted from them, and the
//! [`Answer`] to a question. None of them knows about tantivy or clap.

mod answer;
mod fact;
mod paragraph;
mod period;
mod report;

pub use answer::{Answer, AnswerValue, Candidate, Source};
pub use fact::{Fact, Phase, ValueKind};
pub use paragraph::Paragraph;
pub use period::Period;
pub use report::{Report, ReportMeta, Years};
