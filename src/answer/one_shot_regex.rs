//! Stage: answering (question reading). Input: a pattern used a few times per
//! process. Output: a regex that is quick to compile, for words a question drops.
//!
//! `regex::Regex` builds a literal prefilter (a Teddy searcher and
//! Aho-Corasick DFAs) for a pattern with many literal alternatives: most of
//! the cost of compiling it, and worth it only over long texts. A one-shot
//! `ask` compiles the pattern once and runs it over one short question, so
//! this one is built without a prefilter (about a millisecond less); it
//! matches exactly as `regex::Regex` does.

use regex_automata::meta;

/// A regex compiled without a literal prefilter.
pub struct OneShotRegex(meta::Regex);

impl OneShotRegex {
    /// Compiles `pattern` (the syntax of the `regex` crate).
    pub fn new(pattern: &str) -> Result<OneShotRegex, String> {
        meta::Regex::builder()
            .configure(meta::Regex::config().auto_prefilter(false))
            .build(pattern)
            .map(OneShotRegex)
            .map_err(|e| e.to_string())
    }

    /// True when the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// `text` with every match replaced by `with`, taken literally (as
    /// `regex::Regex::replace_all` with a replacement holding no `$`).
    pub fn replace_all(&self, text: &str, with: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for m in self.0.find_iter(text) {
            out.push_str(&text[last..m.start()]);
            out.push_str(with);
            last = m.end();
        }
        out.push_str(&text[last..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_as_the_regex_crate_does() {
        let pattern =
            r"(?:是|有|为)?多少(?:万亿元|亿元|万元)|(?:万亿元|亿元|万元)(?:是|为)?$|是多少|多少|几|[?？。，,]|is|the";
        let quick = OneShotRegex::new(pattern).expect("valid");
        let full = regex::Regex::new(pattern).expect("valid");
        for text in [
            "2023年一般公共预算收入是多少亿元？",
            "专项债券有多少万元",
            "收入为几亿元",
            "what is the income, 多少",
            "",
            "多少多少几几",
            "亿元是",
        ] {
            assert_eq!(quick.replace_all(text, " "), full.replace_all(text, " "), "{text}");
            assert_eq!(quick.is_match(text), full.is_match(text), "{text}");
        }
    }
}
