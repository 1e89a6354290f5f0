//! Stage: index (write side). Input: a text field's value. Output: its
//! character grams as tantivy tokens, cut while tantivy indexes the value.
//!
//! Two kinds: [`GramKind::Bigrams`] gives the bigrams of the answer-time
//! statistics, the same set as `answer::rank::bigrams` (a one-character run
//! is its own gram); [`GramKind::Phrase`] gives what a quoted phrase is
//! matched on: the character pairs and the last character of the text once
//! `search::compact`ed, so every phrase the text holds has its pairs there and
//! every character it holds starts a gram. Each gram of a value comes once
//! (a report's vocabulary is one value of all its texts). One value per text
//! instead of one per gram spares a string and a document value per gram.

use rustc_hash::FxHashSet;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::search::compact_bulk;
use super::tokenizer::{is_word_char, lowercase};

/// Name of the bigram tokenizer (fields `text_bigrams` and `metric_bigrams`).
pub const BIGRAMS: &str = "budgetq_bigrams";
/// Name of the phrase gram tokenizer (field `text_grams`).
pub const PHRASE_GRAMS: &str = "budgetq_phrase_grams";

/// Which grams a [`GramTokenizer`] cuts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GramKind {
    Bigrams,
    Phrase,
}

/// Cuts the grams of a text (see the module doc).
#[derive(Clone, Debug)]
pub struct GramTokenizer {
    kind: GramKind,
    /// The grams of the value being cut, packed (see [`packed`]); kept to reuse its memory.
    seen: FxHashSet<u128>,
}

impl GramTokenizer {
    pub fn new(kind: GramKind) -> GramTokenizer {
        GramTokenizer {
            kind,
            seen: FxHashSet::default(),
        }
    }
}

/// A gram's bytes and length in one number (None for a gram too long to pack).
pub(crate) fn packed(gram: &[u8]) -> Option<u128> {
    if gram.len() > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..gram.len()].copy_from_slice(gram);
    bytes[15] = gram.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

/// Keeps the first of each gram of `text`.
fn first_of_each(text: &str, grams: &mut Vec<(usize, usize)>, seen: &mut FxHashSet<u128>) {
    seen.clear();
    grams.retain(|&(from, to)| packed(&text.as_bytes()[from..to]).is_none_or(|key| seen.insert(key)));
}

/// The grams of one text: byte ranges of `text`, handed out in one reused token.
pub struct GramTokenStream {
    text: String,
    grams: Vec<(usize, usize)>,
    next: usize,
    token: Token,
}

/// Byte offsets of the characters of `text`, and its length.
fn bounds(text: &str) -> Vec<usize> {
    text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
}

/// Adds the ranges of the bigrams of `run` (placed at `base`), or of its one character.
fn push_pairs(run: &str, base: usize, grams: &mut Vec<(usize, usize)>) {
    let b = bounds(run);
    if b.len() == 2 {
        grams.push((base, base + run.len()));
    }
    grams.extend(b.windows(3).map(|w| (base + w[0], base + w[2])));
}

/// The text the grams are cut from, and their byte ranges in it.
pub fn cut(kind: GramKind, input: &str) -> (String, Vec<(usize, usize)>) {
    // At most one gram a character, and a Han character takes three bytes.
    let mut grams = Vec::with_capacity(input.len() / 3 + 2);
    match kind {
        GramKind::Bigrams => {
            let mut text = String::with_capacity(input.len());
            for run in input.split(|c: char| !is_word_char(c)).filter(|r| !r.is_empty()) {
                let base = text.len();
                text.push_str(&lowercase(run));
                push_pairs(&text[base..], base, &mut grams);
            }
            (text, grams)
        }
        GramKind::Phrase => {
            let text = compact_bulk(input);
            let b = bounds(&text);
            grams.extend(b.windows(3).map(|w| (w[0], w[2])));
            if let [.., last, end] = b[..] {
                grams.push((last, end));
            }
            (text, grams)
        }
    }
}

/// The phrase grams of a compacted `text`, each once, in one pass: the
/// character pairs, then the last character (as [`cut`] gives them, less
/// repeats).
fn phrase_grams(text: &str, seen: &mut FxHashSet<u128>) -> Vec<(usize, usize)> {
    seen.clear();
    let mut grams = Vec::with_capacity(text.len() / 3 + 2);
    let mut keep = |from: usize, to: usize| {
        if packed(&text.as_bytes()[from..to]).is_none_or(|key| seen.insert(key)) {
            grams.push((from, to));
        }
    };
    // The starts of the two characters before the current one.
    let (mut two_back, mut one_back) = (None, None);
    for (at, _) in text.char_indices() {
        if let Some(from) = two_back {
            keep(from, at);
        }
        (two_back, one_back) = (one_back, Some(at));
    }
    if let Some(from) = two_back {
        keep(from, text.len());
    }
    if let Some(from) = one_back {
        keep(from, text.len());
    }
    grams
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = GramTokenStream;

    fn token_stream<'a>(&'a mut self, input: &'a str) -> GramTokenStream {
        let (text, grams) = match self.kind {
            GramKind::Bigrams => {
                let (text, mut grams) = cut(self.kind, input);
                first_of_each(&text, &mut grams, &mut self.seen);
                (text, grams)
            }
            GramKind::Phrase => {
                let text = compact_bulk(input);
                let grams = phrase_grams(&text, &mut self.seen);
                (text, grams)
            }
        };
        GramTokenStream {
            text,
            grams,
            next: 0,
            token: Token::default(),
        }
    }
}

impl TokenStream for GramTokenStream {
    fn advance(&mut self) -> bool {
        let Some(&(from, to)) = self.grams.get(self.next) else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.next;
        self.next += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet};

    use super::*;
    use crate::answer::rank::bigrams;
    use crate::index::search::compact;

    fn grams(kind: GramKind, text: &str) -> Vec<String> {
        let mut tokenizer = GramTokenizer::new(kind);
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    const TEXTS: &[&str] = &[
        "2023年全区政府债券实际支付利息3824.35万元（一般债券利息2557.37万元）",
        "GDP增长5.2%，A 级 Ｂ 预算İ",
        "政府债券 利息，政府债券",
        "一",
        "",
        "甲 乙丙 丁戊己",
        "甲甲甲",
    ];

    #[test]
    fn bigrams_are_the_rankers_once_each() {
        for text in TEXTS {
            let list = grams(GramKind::Bigrams, text);
            let got: HashSet<String> = list.iter().cloned().collect();
            assert_eq!(got, bigrams(text), "{text}");
            assert_eq!(got.len(), list.len(), "{text}");
        }
    }

    #[test]
    fn phrase_grams_are_the_cut_grams_once_each() {
        let more = ["甲", "甲乙", "甲乙甲乙", "\u{20000}\u{20001}\u{20000}\u{20001}", "a b"];
        for text in TEXTS.iter().chain(&more) {
            let (compacted, mut want) = cut(GramKind::Phrase, text);
            first_of_each(&compacted, &mut want, &mut FxHashSet::default());
            assert_eq!(phrase_grams(&compacted, &mut FxHashSet::default()), want, "{text}");
        }
    }

    #[test]
    fn every_character_starts_a_phrase_gram_and_every_pair_is_one() {
        for text in TEXTS {
            let chars: Vec<char> = compact(text).chars().collect();
            let list = grams(GramKind::Phrase, text);
            let got: BTreeSet<String> = list.iter().cloned().collect();
            assert_eq!(got.len(), list.len(), "{text}");
            for pair in chars.windows(2) {
                assert!(got.contains(&pair.iter().collect::<String>()), "{text}");
            }
            for c in &chars {
                assert!(got.iter().any(|g| g.starts_with(*c)), "{text}: {c}");
            }
            assert!(got.iter().all(|g| compact(text).contains(g.as_str())), "{text}");
            assert!(got.iter().filter(|g| g.chars().count() == 1).count() <= 1, "{text}");
        }
    }
}
