//! Stage: cleaning. Input: the raw text of a report (after decoding and the
//! header block). Output: logical lines, one paragraph or heading each.
//!
//! Cleaning is one ordered list of steps, each taking and returning lines, run
//! before anything else sees the text (charabia's pipeline, in small):
//!
//! 1. [`chars`]: full-width digits and letters to half-width, traditional to
//!    simplified, pinyin glosses of mirror sites dropped;
//! 2. [`split`]: lines of thousands of characters (one-line web pages)
//!    split after sentence ends;
//! 3. [`furniture`]: page markers and web-page navigation lines dropped;
//! 4. [`tables`]: tables in any layout (pipe rows, spaced rows, cells one
//!    per line) rewritten one row per line as `| a | b |` grid rows;
//! 5. [`join`]: lines broken mid-sentence (PDF wrapping) re-joined, blank
//!    lines dropped (it measures line widths, so it runs before spaces go);
//! 6. [`spaces`]: spaces between CJK characters and between numbers and their
//!    units removed, spaces between table cells kept.

pub mod chars;
pub mod furniture;
pub mod join;
pub mod spaces;
pub mod split;
pub mod tables;

/// One cleaning step.
pub type Step = fn(Vec<String>) -> Vec<String>;

/// The cleaning steps, in the order they run.
pub const STEPS: &[(&str, Step)] = &[
    ("chars", chars::normalize),
    ("split", split::split_long_lines),
    ("furniture", furniture::drop_furniture),
    ("tables", tables::to_grid),
    ("join", join::rejoin),
    ("spaces", spaces::remove_spaces),
];

/// Runs every step on `text` and returns its logical lines.
pub fn clean(text: &str) -> Vec<String> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    STEPS.iter().fold(lines, |lines, (_, step)| step(lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_numbers_split_from_units_are_rejoined() {
        let raw = "过全区一般公共预算收入调整为 174180万元，实际完成 174559\n\n万元，为调整预算的 100.2%，同比下降 14.8%。年初支出预算为\n";
        let lines = clean(raw);
        assert_eq!(
            lines,
            vec!["过全区一般公共预算收入调整为174180万元，实际完成174559万元，为调整预算的100.2%，同比下降14.8%。年初支出预算为"]
        );
    }
}
