//! Searching paragraphs. Any user text is a valid query: the question is
//! segmented here (never handed to tantivy's query parser), each word becomes a
//! term (with its search-mode parts at a lower weight), quoted text must
//! appear as written (also inside longer words: its candidates are the
//! paragraphs holding all its character pairs, checked on the text), and
//! region, year and kind are exact filters. Headings are paragraphs too; one
//! is left out when a paragraph under it is found. Snippets are cut on
//! character boundaries around the densest run of matched words.

use std::collections::BTreeSet;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::schema::{self, Fields};
use super::store::{of_reports, type_query, Store};

use crate::error::Result;
use crate::model::{Paragraph, Years};
use crate::text::normalize_query;

/// Words that carry no meaning in a query.
const STOP_WORDS: &[&str] = &[
    "的",
    "是",
    "了",
    "吗",
    "呢",
    "多少",
    "是多少",
    "几",
    "什么",
    "哪些",
    "怎么",
    "如何",
    "和",
    "与",
    "及",
    "在",
    "有",
    "为",
    "年",
    "共",
    "请问",
    "一下",
    "情况",
    "多",
    "少",
    "啊",
    "what",
    "was",
    "is",
    "the",
    "of",
    "in",
    "how",
    "much",
    "many",
];

/// A search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub region: Option<String>,
    pub year: Option<u16>,
    pub kind: Option<String>,
    pub limit: usize,
}

/// A paragraph found.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub report: String,
    pub title: String,
    pub region: String,
    pub years: Years,
    pub kind: String,
    pub section: Vec<String>,
    pub paragraph: usize,
    pub score: f32,
    pub text: String,
    /// A window of the text with matched words between `**`.
    pub snippet: String,
    /// The snippet without markers, and the byte ranges of matched words in it.
    #[serde(skip)]
    pub fragment: String,
    #[serde(skip)]
    pub highlights: Vec<(usize, usize)>,
    /// True when the paragraph found is a heading (its text is the heading).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
}

/// True when hit `h` is a paragraph under `heading`, a heading paragraph of report `report`.
fn is_under(h: &Hit, heading: &Paragraph, report: &str) -> bool {
    h.report == report && h.section.get(heading.section.len()) == Some(&heading.text)
}

/// True when paragraph `p` lies under the heading found as hit `heading` (of the same report).
fn is_in_section(p: &Paragraph, heading: &Hit) -> bool {
    p.section.get(heading.section.len()) == Some(&heading.text)
}

/// Splits a query into quoted phrases and the words around them (normalised,
/// segmented, stop words dropped). An unbalanced quote runs to the end.
/// `known` says whether a word is a term of the index.
pub fn parse_query(query: &str, known: &dyn Fn(&str) -> bool) -> (Vec<String>, Vec<String>) {
    let query = normalize_query(query).replace(['“', '”', '「', '」'], "\"");
    let mut words = Vec::new();
    let mut phrases = Vec::new();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            if part.trim().chars().any(char::is_alphanumeric) {
                phrases.push(part.trim().to_lowercase());
            }
            continue;
        }
        words.extend(
            segment(part, known)
                .into_iter()
                .filter(|w| !STOP_WORDS.contains(&w.as_str())),
        );
    }
    words.dedup();
    (words, phrases)
}

/// Text as a quoted phrase is matched in it: normalised, lowercase, without
/// white space (its grams are indexed per paragraph: see `gram_tokenizer`).
pub fn compact(text: &str) -> String {
    compact_normal(normalize_query(text))
}

/// [`compact`] for bulk text (indexing; see [`crate::text::into_simplified`]).
pub(crate) fn compact_bulk(text: &str) -> String {
    compact_normal(crate::text::normalize_bulk(text))
}

/// Lowercase, without white space.
fn compact_normal(normal: String) -> String {
    let mut out = super::tokenizer::into_lowercase(normal);
    if out.contains(char::is_whitespace) {
        out.retain(|c| !c.is_whitespace());
    }
    out
}

/// The queries a paragraph must match to contain `phrase`: a term per
/// character pair, or for one character, any gram that starts with it.
fn phrase_queries(field: tantivy::schema::Field, phrase: &str) -> Vec<Box<dyn Query>> {
    let chars: Vec<char> = compact(phrase).chars().collect();
    if let [one] = chars[..] {
        let pattern = format!("{}.*", regex::escape(&one.to_string()));
        return match RegexQuery::from_pattern(&pattern, field) {
            Ok(query) => vec![Box::new(query)],
            Err(_) => vec![term_query(field, &one.to_string())],
        };
    }
    let pairs: BTreeSet<String> = chars.windows(2).map(|w| w.iter().collect::<String>()).collect();
    pairs.iter().map(|pair| term_query(field, pair)).collect()
}

/// Longest word the index knows, at most this many characters.
const MAX_WORD: usize = 8;

/// Segments text against the index's own vocabulary, longest known word first
/// (the index was segmented by jieba, so its terms are jieba's words). This
/// keeps jieba's 200 ms dictionary load off the query path. Latin and digit
/// runs are words of their own; a Han character no term starts with is kept
/// alone (it then matches nothing).
pub fn segment(text: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphanumeric() {
            let end = (i..chars.len())
                .find(|&j| !chars[j].is_ascii_alphanumeric())
                .unwrap_or(chars.len());
            out.push(chars[i..end].iter().collect());
            i = end;
        } else if c.is_alphanumeric() {
            let run_end = (i..chars.len())
                .find(|&j| !chars[j].is_alphanumeric() || chars[j].is_ascii())
                .unwrap_or(chars.len());
            let longest = (2..=MAX_WORD.min(run_end - i))
                .rev()
                .map(|len| chars[i..i + len].iter().collect::<String>())
                .find(|w| known(w))
                .unwrap_or_else(|| c.to_string());
            i += longest.chars().count();
            out.push(longest);
        } else {
            i += 1;
        }
    }
    out
}

/// Known parts of a long word (专项债券 → 专项, 债券), as search mode indexed them.
fn parts(word: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for len in [2, 3] {
        if chars.len() > len {
            for w in chars.windows(len) {
                let part: String = w.iter().collect();
                if known(&part) && !out.contains(&part) {
                    out.push(part);
                }
            }
        }
    }
    out
}

fn term_query(field: tantivy::schema::Field, word: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqs,
    ))
}

fn text_query(
    fields: Fields,
    words: &[String],
    phrases: &[String],
    known: &dyn Fn(&str) -> bool,
) -> Option<Box<dyn Query>> {
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for word in words {
        should.push((Occur::Should, term_query(fields.text, word)));
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(term_query(fields.section, word), 0.3)),
        ));
        for part in parts(word, known) {
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(term_query(fields.text, &part), 0.3)),
            ));
        }
    }
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // A phrase may sit inside longer words (债券利息 in 一般债券利息), which jieba
    // segments differently: every character pair of it must occur, and the hits
    // are then kept only where the text holds the phrase itself (see `Store::search`).
    for phrase in phrases {
        for query in phrase_queries(fields.text_grams, phrase) {
            must.push((Occur::Must, query));
        }
    }
    if !should.is_empty() {
        let any: Box<dyn Query> = Box::new(BooleanQuery::new(should));
        must.push((if must.is_empty() { Occur::Must } else { Occur::Should }, any));
    }
    (!must.is_empty()).then(|| Box::new(BooleanQuery::new(must)) as Box<dyn Query>)
}

/// Byte ranges of `words` in `text`, merged where they overlap.
pub fn find_words(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    if lower.len() == text.len() {
        for w in words.iter().filter(|w| !w.is_empty()) {
            ranges.extend(lower.match_indices(w.as_str()).map(|(i, m)| (i, i + m.len())));
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A window of about `width` bytes around the densest run of matches.
pub fn snippet(text: &str, words: &[String], width: usize) -> (String, Vec<(usize, usize)>) {
    let ranges = find_words(text, words);
    let best = ranges
        .iter()
        .map(|r| (ranges.iter().filter(|o| o.0 >= r.0 && o.1 <= r.0 + width).count(), r.0))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map_or(0, |(_, start)| start);
    let begin = floor_char(text, best.saturating_sub(width / 6));
    let end = floor_char(text, begin + width);
    let mut fragment = String::new();
    if begin > 0 {
        fragment.push('…');
    }
    let shift = fragment.len();
    fragment.push_str(&text[begin..end]);
    if end < text.len() {
        fragment.push('…');
    }
    let highlights = ranges
        .into_iter()
        .filter(|r| r.0 >= begin && r.1 <= end)
        .map(|r| (r.0 - begin + shift, r.1 - begin + shift))
        .collect();
    (fragment, highlights)
}

/// Marks highlights with `open`/`close`.
pub fn mark(fragment: &str, highlights: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(fragment.len() + highlights.len() * 4);
    let mut at = 0;
    for &(s, e) in highlights {
        out.push_str(&fragment[at..s]);
        out.push_str(open);
        out.push_str(&fragment[s..e]);
        out.push_str(close);
        at = e;
    }
    out.push_str(&fragment[at..]);
    out
}

impl Store {
    /// Runs a search; hits come with their report metadata and a snippet.
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>> {
        let Some((reader, fields)) = self.index_parts() else {
            return Ok(Vec::new());
        };
        let searcher = reader.searcher();
        let known = |w: &str| {
            searcher
                .doc_freq(&Term::from_field_text(fields.text, w))
                .is_ok_and(|n| n > 0)
        };
        let (words, phrases) = parse_query(&req.query, &known);
        let Some(text) = text_query(fields, &words, &phrases, &known) else {
            return Ok(Vec::new());
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, text),
            (Occur::Must, type_query(fields, schema::PARAGRAPH)),
        ];
        // Region and kind are kept on report documents: filter by their reports.
        let mut report_clauses: Vec<Box<dyn Query>> = Vec::new();
        if let Some(region) = &req.region {
            let key = normalize_query(region.trim()).to_lowercase();
            report_clauses.push(term_query(fields.region, &key));
        }
        if let Some(kind) = &req.kind {
            report_clauses.push(term_query(fields.kind, kind.trim()));
        }
        if !report_clauses.is_empty() {
            let Some(reports) = of_reports(fields, &self.reports_where(report_clauses)?) else {
                return Ok(Vec::new());
            };
            // A filter: it does not weigh in the ranking.
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(reports, 0.0))));
        }
        if let Some(year) = req.year {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(fields.year, u64::from(year)),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        let query = BooleanQuery::new(clauses);
        // Phrases are checked on the text and headings may give way to the
        // paragraphs under them: look further down the ranking.
        let limit = req.limit.max(1);
        let wanted = if phrases.is_empty() {
            limit * 2
        } else {
            (limit * 50).max(500)
        };
        let top = searcher.search(&query, &TopDocs::with_limit(wanted).order_by_score())?;
        let mut highlight_words = words.clone();
        highlight_words.extend(phrases.iter().cloned());
        let mut hits: Vec<Hit> = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let Some(paragraph) = doc
                .get_first(fields.blob)
                .and_then(|v| v.as_str())
                .and_then(|b| serde_json::from_str::<Paragraph>(b).ok())
            else {
                continue;
            };
            let Some(report_id) = doc.get_first(fields.report).and_then(|v| v.as_str()) else {
                continue;
            };
            let Some(meta) = self.report_meta(report_id) else {
                continue;
            };
            if hits.len() >= limit {
                break;
            }
            if !phrases.is_empty() {
                let text = compact(&paragraph.text);
                if !phrases.iter().all(|p| text.contains(&compact(p))) {
                    continue;
                }
            }
            // A heading found with a paragraph under it: the paragraph shows it in its section path.
            if paragraph.heading {
                if hits.iter().any(|h| !h.heading && is_under(h, &paragraph, report_id)) {
                    continue;
                }
            } else {
                hits.retain(|h| !(h.heading && h.report == report_id && is_in_section(&paragraph, h)));
            }
            let position = paragraph.position;
            let (fragment, highlights) = snippet(&paragraph.text, &highlight_words, 240);
            hits.push(Hit {
                report: meta.id.clone(),
                title: meta.title.clone(),
                region: meta.region.clone(),
                years: meta.years,
                kind: meta.kind.clone(),
                section: paragraph.section.clone(),
                paragraph: position,
                score,
                text: paragraph.text.clone(),
                snippet: mark(&fragment, &highlights, "**", "**"),
                fragment,
                highlights,
                heading: paragraph.heading,
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_syntax_never_fail() {
        let known = |w: &str| ["政府", "债券", "政府债券", "利息", "多少", "专项债券"].contains(&w);
        let (w, p) = parse_query("\"专项债券利息 AND (title:x", &known);
        assert!(w.is_empty());
        assert_eq!(p, vec!["专项债券利息 and (title:x"]);
        let (w, _) = parse_query("政府债券利息是多少？", &known);
        assert_eq!(w, vec!["政府债券", "利息"]);
        assert_eq!(segment("专项债券利息", &known), vec!["专项债券", "利息"]);
        assert_eq!(
            parts("专项债券", &|w: &str| known(w) || w == "专项"),
            vec!["专项", "债券"]
        );
    }

    #[test]
    fn snippets_cut_on_char_boundaries() {
        let text = "一二三四五六七八九十".repeat(20) + "政府债券实际支付利息" + &"甲乙丙丁".repeat(30);
        let (frag, hl) = snippet(&text, &["利息".to_string()], 60);
        assert!(frag.contains("利息"));
        for (s, e) in hl {
            assert_eq!(&frag[s..e], "利息");
        }
    }
}
