//! The jieba tokenizer that tantivy uses for report text, and the one shared
//! [`Jieba`] of the process.
//!
//! tantivy stores only the tokenizer's name, so [`register`] must run every
//! time an index is opened. Tokens carry byte offsets (tantivy's unit; jieba
//! also reports chars, which tantivy must not see). Search mode emits the
//! parts of long words too (专项债券 → 专项, 债券, 专项债券), so a search for
//! 债券 finds 专项债券. Punctuation and spaces are dropped.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::terms::BUDGET_TERMS;

/// Name under which the tokenizer is registered.
pub const TOKENIZER_NAME: &str = "budgetq_jieba";

/// The process's one Jieba with the budget terms added (built on first use: ~200 ms).
pub fn jieba() -> Arc<Jieba> {
    static JIEBA: OnceLock<Arc<Jieba>> = OnceLock::new();
    JIEBA
        .get_or_init(|| {
            let mut jieba = Jieba::new();
            for term in BUDGET_TERMS.lines().map(str::trim).filter(|t| !t.is_empty()) {
                jieba.add_word(term, Some(50_000), None);
            }
            Arc::new(jieba)
        })
        .clone()
}

/// True for a token worth indexing: it holds a letter, digit or Han character.
pub fn is_word(token: &str) -> bool {
    token.chars().any(is_word_char)
}

/// `char::is_alphanumeric`, answered without a table lookup for Han characters (all letters).
pub fn is_word_char(c: char) -> bool {
    is_han(c) || c.is_alphanumeric()
}

/// The lowercase form of `text`, copied as it is when it has no cased letter
/// (Han text, digits, lowercase Latin: nearly every token).
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lowercase(&mut out, text);
    out
}

/// Appends the lowercase form of `text` to `out` (see [`lowercase`]).
pub fn push_lowercase(out: &mut String, text: &str) {
    if is_caseless(text) {
        out.push_str(text);
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// The lowercase form of an owned `text`, given back as it is when it has no cased letter.
pub fn into_lowercase(text: String) -> String {
    if is_caseless(&text) {
        text
    } else {
        text.to_lowercase()
    }
}

/// True when `text` surely has no cased letter (Han, digits, lowercase Latin,
/// CJK punctuation).
pub(crate) fn is_caseless(text: &str) -> bool {
    text.chars()
        .all(|c| (c.is_ascii() && !c.is_ascii_uppercase()) || is_han(c) || is_caseless_symbol(c))
}

/// General and CJK punctuation, and the full-width forms other than the Latin
/// capitals: characters without case (a paragraph's ，。（）“” keep it on the fast path).
fn is_caseless_symbol(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF20}' | '\u{FF3B}'..='\u{FFEF}')
}

/// Han ideographs, which have no case.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// tantivy tokenizer backed by the process's shared jieba, which is built the
/// first time text is tokenized (opening an index to read facts costs nothing).
///
/// jieba cuts a text run by run (a run: Han characters, ASCII letters and
/// digits and `+#&._%-`; each other character is a token of its own), and
/// a run's words never depend on the text around it. So the words of a run
/// are kept per thread ([`RUN_WORDS`]) and a run met again (the same phrase
/// in another paragraph or another year's report) is not cut again.
#[derive(Clone, Default)]
pub struct JiebaTokenizer {
    jieba: Arc<OnceLock<Arc<Jieba>>>,
}

/// Most runs whose words a thread keeps (then it starts afresh).
const RUNS_KEPT: usize = 1 << 17;

/// Longest run whose words are kept, in bytes.
const RUN_KEPT: usize = 512;

/// Byte ranges of the words of a run, relative to the run.
type RunWords = Box<[(u32, u32)]>;

thread_local! {
    /// The words of the runs this thread has cut (runs without an ASCII digit:
    /// a run holding a figure seldom comes again).
    static RUN_WORDS: RefCell<FxHashMap<Box<str>, RunWords>> = RefCell::new(FxHashMap::default());
}

/// jieba's run characters (its `RE_HAN_DEFAULT`): CJK ideographs, ASCII letters and digits, `+#&._%-`.
fn is_run_char(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-'),
        _ => matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2B73F}'
            | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}'
            | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}'),
    }
}

/// The words of `text` worth indexing, as jieba's search mode cuts them: byte ranges.
fn words(jieba: &Jieba, text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 2);
    RUN_WORDS.with(|kept| {
        let mut kept = kept.borrow_mut();
        let mut cut_run = |from: usize, to: usize, out: &mut Vec<(usize, usize)>| {
            let run = &text[from..to];
            if let Some(words) = kept.get(run) {
                out.extend(words.iter().map(|&(s, e)| (from + s as usize, from + e as usize)));
                return;
            }
            let start = out.len();
            out.extend(
                jieba
                    .cut_for_search(run, true)
                    .into_iter()
                    .filter(|t| is_word(t.word))
                    .map(|t| (from + t.byte_start, from + t.byte_end)),
            );
            if run.len() <= RUN_KEPT && !run.bytes().any(|b| b.is_ascii_digit()) {
                if kept.len() >= RUNS_KEPT {
                    kept.clear();
                }
                let relative = out[start..]
                    .iter()
                    .map(|&(s, e)| ((s - from) as u32, (e - from) as u32))
                    .collect();
                kept.insert(run.into(), relative);
            }
        };
        // Where the run being read starts.
        let mut run_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if is_run_char(c) {
                run_start.get_or_insert(i);
                continue;
            }
            if let Some(from) = run_start.take() {
                cut_run(from, i, &mut out);
            }
            // Outside a run each character is a token of its own.
            if is_word_char(c) {
                out.push((i, i + c.len_utf8()));
            }
        }
        if let Some(from) = run_start {
            cut_run(from, text.len(), &mut out);
        }
    });
    out
}

/// The tokens of one text: the byte ranges of its words, handed out in one
/// reused token (no string per word).
pub struct JiebaTokenStream<'a> {
    text: &'a str,
    /// True when the text has no cased letter: its words are their own lowercase.
    caseless: bool,
    words: Vec<(usize, usize)>,
    index: usize,
    token: Token,
}

impl JiebaTokenStream<'_> {
    fn new(text: &str, words: Vec<(usize, usize)>) -> JiebaTokenStream<'_> {
        JiebaTokenStream {
            text,
            caseless: is_caseless(text),
            words,
            index: 0,
            token: Token::default(),
        }
    }
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream<'a> {
        let jieba = self.jieba.get_or_init(jieba);
        JiebaTokenStream::new(text, words(jieba, text))
    }
}

impl TokenStream for JiebaTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(&(from, to)) = self.words.get(self.index) else {
            return false;
        };
        self.token.text.clear();
        if self.caseless {
            self.token.text.push_str(&self.text[from..to]);
        } else {
            push_lowercase(&mut self.token.text, &self.text[from..to]);
        }
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.index;
        self.token.position_length = 1;
        self.index += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// Registers the tokenizers on an index (needed on every open): jieba and the gram tokenizers.
pub fn register(index: &tantivy::Index) {
    use super::gram_tokenizer::{GramKind, GramTokenizer, BIGRAMS, PHRASE_GRAMS};
    index.tokenizers().register(TOKENIZER_NAME, JiebaTokenizer::default());
    index
        .tokenizers()
        .register(BIGRAMS, GramTokenizer::new(GramKind::Bigrams));
    index
        .tokenizers()
        .register(PHRASE_GRAMS, GramTokenizer::new(GramKind::Phrase));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize)> {
        let mut tok = JiebaTokenizer::default();
        let mut stream = tok.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn a_text_seen_again_gives_the_same_tokens() {
        let mut tok = JiebaTokenizer::default();
        let mut runs = Vec::new();
        for text in [
            "一、预算执行情况 （二）政府债务",
            "专项债券",
            "一、预算执行情况 （二）政府债务",
        ]
        .repeat(3)
        {
            let mut stream = tok.token_stream(text);
            let mut out = Vec::new();
            while stream.advance() {
                let t = stream.token();
                out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
            }
            runs.push((text, out));
        }
        for (text, out) in &runs {
            assert_eq!(out, &runs.iter().find(|(t, _)| t == text).unwrap().1);
            assert!(!out.is_empty());
        }
    }

    /// jieba on the whole text, as the tokenizer cut it before runs were kept.
    fn whole(text: &str) -> Vec<(usize, usize)> {
        jieba()
            .cut_for_search(text, true)
            .into_iter()
            .filter(|t| is_word(t.word))
            .map(|t| (t.byte_start, t.byte_end))
            .collect()
    }

    #[test]
    fn runs_kept_give_the_words_of_the_whole_text() {
        let texts = [
            "专项债券利息1266.98万元，比上年增长5.2%。",
            "一般公共预算收入完成12.5亿元（调整预算数），WES-5.4.5 版本；Ａ级 ＧＤＰ",
            "\u{3400}\u{20000}𠀀乙丙，İstanbul 的 ΣΑΣ ①② 2023年 C++ a_b&c#d\r\n结束",
            "政府性基金预算支出 政府性基金预算支出；政府性基金预算支出。",
            "",
            "，。",
        ];
        let jieba = jieba();
        for _ in 0..2 {
            for text in texts {
                assert_eq!(words(&jieba, text), whole(text), "{text}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_kept_agree_with_jieba_on_any_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "预算", "执行", "专项债券", "利息", "1266.98", "万元", "，", "。", " ", "GDP", "-", "5.4",
                "Ａ", "（一）", "收入", "增长", "%", "\n", "İ", "a", "+", "西工区", "债务余额", "为0", "零",
            ]), 0..24)
        ) {
            let text = parts.concat();
            let jieba = jieba();
            proptest::prop_assert_eq!(words(&jieba, &text), whole(&text));
            proptest::prop_assert_eq!(words(&jieba, &text), whole(&text));
        }
    }

    #[test]
    fn han_characters_are_letters() {
        for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
            assert!(c.is_alphanumeric(), "{c}");
        }
        for c in ['，', '。', ' ', '-', 'a', '1', 'Ａ'] {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn caseless_symbols_have_no_lowercase() {
        let ranges = [
            '\u{2000}'..='\u{206F}',
            '\u{3000}'..='\u{303F}',
            '\u{FF01}'..='\u{FF20}',
            '\u{FF3B}'..='\u{FFEF}',
        ];
        for c in ranges.into_iter().flatten() {
            assert!(is_caseless_symbol(c));
            assert!(c.to_lowercase().eq([c]), "{c}");
        }
        assert!(!is_caseless("ＡＢ"));
        assert!(is_caseless("收入（一）：“专项”。"));
    }

    #[test]
    fn lowercase_copies_caseless_text() {
        for text in ["专项债券", "gdp", "GDP", "Ａ级", "İ", "12.5", "（一）"] {
            assert_eq!(lowercase(text), text.to_lowercase());
        }
    }

    #[test]
    fn search_mode_indexes_parts_with_byte_offsets() {
        let got = tokens("专项债券利息1266.98万元。");
        let words: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert!(
            words.contains(&"债券") && words.contains(&"专项债券") && words.contains(&"利息"),
            "{words:?}"
        );
        assert!(!words.contains(&"。"));
        for (word, from, to) in &got {
            assert_eq!(&"专项债券利息1266.98万元。"[*from..*to].to_lowercase(), word);
        }
    }
}
