//! Cleaning step: characters. Full-width digits and letters become half-width,
//! traditional characters simplified, and pinyin glosses that some mirror sites
//! insert after characters (`區(qū)`) are dropped.

use std::sync::OnceLock;

use regex::Regex;

use crate::text::{fold_halfwidth, into_simplified};

fn pinyin_gloss() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // A parenthesised lowercase syllable with at least one tone mark.
    RE.get_or_init(|| {
        Regex::new(r"\([a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)").expect("valid regex")
    })
}

/// `２，９６０`: a full-width comma between full-width digits, three before a
/// non-digit, groups thousands (a half-width text would write `2,960`).
fn fullwidth_thousands() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"([０-９])，([０-９]{3})([^０-９]|$)").expect("valid regex"))
}

/// `line` with full-width thousands commas made half-width (repeated: the groups of
/// `１，２３４，５６７` share their digits).
fn fold_thousands(line: String) -> String {
    let mut line = line;
    while fullwidth_thousands().is_match(&line) {
        line = fullwidth_thousands().replace_all(&line, "$1,$2$3").into_owned();
    }
    line
}

/// Normalises the characters of every line.
pub fn normalize(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| {
            let line =
                if line.contains('，') && line.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                    fold_thousands(line)
                } else {
                    line
                };
            // Most lines hold nothing to fold: they are kept, not copied.
            let folded: String = if line.chars().all(|c| c != '\r' && fold_halfwidth(c) == c) {
                line
            } else {
                line.chars().map(fold_halfwidth).filter(|c| *c != '\r').collect()
            };
            let simplified = into_simplified(folded);
            // A gloss opens with a parenthesis: a line without one is kept as it is.
            if simplified.contains('(') {
                pinyin_gloss().replace_all(&simplified, "").into_owned()
            } else {
                simplified
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullwidth_commas_between_digit_groups_are_thousands() {
        let out = normalize(vec![
            "收入预计完成２，９６０万元，增长１，２３４，５６７元，共３，２项".to_string()
        ]);
        assert_eq!(out[0], "收入预计完成2,960万元，增长1,234,567元，共3，2项");
    }

    #[test]
    fn drops_pinyin_glosses_and_simplifies() {
        let out = normalize(vec!["關于澗西區(qū)本級２０２２年".to_string()]);
        assert_eq!(out, vec!["关于涧西区本级2022年"]);
    }
}
