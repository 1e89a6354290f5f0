//! Cleaning step: long lines. A web page saved as one line, or a PDF whose
//! text comes out without line breaks, gives lines of megabytes; such a line
//! is split after each sentence end (。！？；), and a run of more than
//! [`MAX_PIECE`] characters without one is cut at that length, so no text is
//! lost and the later steps see lines of paragraph size.

/// Lines wider than this (in characters) are split.
pub const LONG_LINE: usize = 2000;
/// The longest piece left when no sentence end comes.
pub const MAX_PIECE: usize = 4000;

const SENTENCE_END: &[char] = &['。', '！', '？', '；'];

fn split_line(line: &str, out: &mut Vec<String>) {
    let mut piece = String::new();
    let mut chars = 0;
    for c in line.chars() {
        piece.push(c);
        chars += 1;
        if SENTENCE_END.contains(&c) || chars >= MAX_PIECE {
            out.push(std::mem::take(&mut piece));
            chars = 0;
        }
    }
    if !piece.trim().is_empty() {
        out.push(piece);
    }
}

/// Splits the long lines.
pub fn split_long_lines(lines: Vec<String>) -> Vec<String> {
    if lines.iter().all(|l| l.len() <= LONG_LINE) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.chars().count() > LONG_LINE {
            split_line(&line, &mut out);
        } else {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_sentence_ends_and_keeps_everything() {
        let sentence = "全区一般公共预算收入完成174559万元。";
        let line = sentence.repeat(200);
        let out = split_long_lines(vec![line.clone(), "短行".to_string()]);
        assert_eq!(out.len(), 201);
        assert_eq!(out[0], sentence);
        assert_eq!(out.concat(), format!("{line}短行"));
        let run = "数".repeat(MAX_PIECE * 2 + 1);
        let out = split_long_lines(vec![run.clone()]);
        assert_eq!(out.len(), 3);
        assert_eq!(out.concat(), run);
    }
}
