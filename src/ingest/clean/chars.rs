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

/// Normalises the characters of every line.
pub fn normalize(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| {
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
    fn drops_pinyin_glosses_and_simplifies() {
        let out = normalize(vec!["關于澗西區(qū)本級２０２２年".to_string()]);
        assert_eq!(out, vec!["关于涧西区本级2022年"]);
    }
}
