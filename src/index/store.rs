//! Stage: index (read side). Input: an index folder. Output: reports,
//! paragraphs, facts and answer-time statistics, read by key or by filter, so
//! the cost of a query grows with what it reads, not with the archive.
//!
//! Layout of an index folder: `store/` (one tantivy index holding report,
//! paragraph and fact documents; see [`super::schema`]) and `write.lock` (held
//! by the one writer, see [`super::writer`]). The store is opened through a
//! [`ReadOnlyDirectory`]: a query never creates, deletes or rewrites a file of
//! the index, and a read-only index answers every query.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::index::SegmentComponent;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::readonly::ReadOnlyDirectory;
use super::schema::{self, Fields};
use super::tokenizer;
use crate::error::{Error, Result};
use crate::model::{Fact, Paragraph, Report, ReportMeta};

/// Bump when the index layout, the tokenizer or the document format changes.
pub const SCHEMA_VERSION: u32 = 7;

/// The commit payload that marks a complete index of this format.
pub(crate) fn format_payload() -> String {
    format!("budgetq-store-{SCHEMA_VERSION}")
}

/// The tantivy folder of an index folder.
pub(crate) fn store_path(dir: &Path) -> PathBuf {
    dir.join("store")
}

/// Where a rebuild of an unusable index is written before it replaces it.
pub(crate) fn new_store_path(dir: &Path) -> PathBuf {
    dir.join("store.new")
}

/// Where the previous store waits while a rebuilt one takes its place.
pub(crate) fn old_store_path(dir: &Path) -> PathBuf {
    dir.join("store.old")
}

/// True when `dir` holds an index of the layout before the store (catalog.json + tantivy/).
pub(crate) fn is_old_layout(dir: &Path) -> bool {
    dir.join("catalog.json").exists() || dir.join("tantivy").join("meta.json").exists()
}

/// What a question needs to know about the whole archive, from term statistics
/// (the regions it may name are found per question: see [`RegionFinder`]):
/// the count of facts, and the counts of a bigram looked up in the term
/// dictionaries when it is asked about (never a scan of them).
#[derive(Clone, Default)]
pub struct Stats {
    /// How many facts there are.
    pub facts: usize,
    searcher: Option<(Searcher, Fields)>,
}

impl Stats {
    /// The document frequencies of `bigram` in `field` of the documents of
    /// `doc_type`, one per segment that holds it. A segment without such
    /// documents is skipped: opening a field that a segment lacks builds an
    /// empty term dictionary (half a millisecond of a one-shot `ask`).
    fn doc_freqs(&self, field: fn(&Fields) -> Field, doc_type: &str, bigram: &str) -> Vec<usize> {
        let Some((searcher, f)) = &self.searcher else {
            return Vec::new();
        };
        let term = Term::from_field_text(field(f), bigram);
        let holder = Term::from_field_text(f.doc_type, doc_type);
        searcher
            .segment_readers()
            .iter()
            .filter(|segment| {
                segment
                    .inverted_index(f.doc_type)
                    .ok()
                    .and_then(|types| types.get_term_info(&holder).ok().flatten())
                    .is_some()
            })
            .filter_map(|segment| segment.inverted_index(field(f)).ok())
            .filter_map(|index| index.get_term_info(&term).ok().flatten())
            .map(|info| info.doc_freq as usize)
            .collect()
    }
}

/// Answer-time weights: for each character bigram of a canonical metric, how
/// many facts' metrics hold it; whether the canonical paragraph texts hold it.
impl crate::answer::rank::BigramCounts for Stats {
    fn metric_df(&self, bigram: &str) -> usize {
        self.doc_freqs(|f| f.metric_bigrams, schema::FACT, bigram)
            .into_iter()
            .sum()
    }

    fn in_texts(&self, bigram: &str) -> bool {
        !self
            .doc_freqs(|f| f.text_bigrams, schema::VOCABULARY, bigram)
            .is_empty()
    }
}

/// Facts with the metadata of their reports.
#[derive(Debug, Clone, Default)]
pub struct FactSet {
    /// In report id order, then in each report's fact order.
    pub facts: Vec<Fact>,
    pub metas: HashMap<String, ReportMeta>,
}

impl FactSet {
    /// Each fact with its report's metadata.
    pub fn pairs(&self) -> Vec<(&Fact, &ReportMeta)> {
        self.facts
            .iter()
            .filter_map(|f| Some((f, self.metas.get(&f.report)?)))
            .collect()
    }
}

struct Opened {
    reader: IndexReader,
    fields: Fields,
}

/// An index folder opened for reading.
pub struct Store {
    dir: PathBuf,
    opened: Option<Opened>,
    metas: Mutex<HashMap<String, Option<ReportMeta>>>,
    paragraphs: Mutex<HashMap<(String, usize), Option<Paragraph>>>,
    facts: Mutex<HashMap<(String, usize), Option<Fact>>>,
}

fn damaged(dir: &Path, problem: impl Into<String>) -> Error {
    Error::Damaged {
        path: dir.to_path_buf(),
        problem: problem.into(),
    }
}

/// Opens the tantivy index at `path` read-only and checks that it is complete.
fn open_index(dir: &Path, path: &Path) -> Result<Option<Opened>> {
    let index = Index::open(ReadOnlyDirectory::open(path)?).map_err(|e| damaged(dir, e.to_string()))?;
    let metas = index.load_metas().map_err(|e| damaged(dir, e.to_string()))?;
    match metas.payload.as_deref() {
        Some(p) if p == format_payload() => {}
        // An index created and never committed to: empty.
        None if metas.segments.is_empty() => return Ok(None),
        other => {
            let found = other.and_then(|p| p.rsplit('-').next()?.parse().ok()).unwrap_or(0);
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found,
                wanted: SCHEMA_VERSION,
            });
        }
    }
    for segment in &metas.segments {
        let mut components = vec![
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::Terms,
            SegmentComponent::Store,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
        ];
        if segment.has_deletes() {
            components.push(SegmentComponent::Delete);
        }
        for file in components.into_iter().map(|c| segment.relative_path(c)) {
            if !path.join(&file).exists() {
                return Err(damaged(dir, format!("{} is missing", path.join(file).display())));
            }
        }
    }
    tokenizer::register(&index);
    let fields = Fields::from_schema(&index.schema()).map_err(|e| damaged(dir, e.to_string()))?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e: tantivy::TantivyError| damaged(dir, e.to_string()))?;
    Ok(Some(Opened { reader, fields }))
}

impl Store {
    /// Opens the index in `dir` for reading; a folder without an index is an empty store.
    pub fn open(dir: &Path) -> Result<Store> {
        let opened = Store::open_parts(dir)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            opened,
            metas: Mutex::default(),
            paragraphs: Mutex::default(),
            facts: Mutex::default(),
        })
    }

    /// An empty store for `dir` that reads nothing (before a rebuild).
    pub fn empty(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
            opened: None,
            metas: Mutex::default(),
            paragraphs: Mutex::default(),
            facts: Mutex::default(),
        }
    }

    fn open_parts(dir: &Path) -> Result<Option<Opened>> {
        let path = store_path(dir);
        if path.join("meta.json").exists() {
            // A writer's clean-up may race the open: try again on a fresh meta.json.
            let mut last = None;
            for _ in 0..3 {
                match open_index(dir, &path) {
                    Err(e @ Error::Damaged { .. }) => last = Some(e),
                    other => return other,
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            return Err(last.unwrap_or_else(|| damaged(dir, "cannot be opened")));
        }
        if is_old_layout(dir) {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: 1,
                wanted: SCHEMA_VERSION,
            });
        }
        // A rebuild that was replacing the store when it stopped.
        for other in [new_store_path(dir), old_store_path(dir)] {
            if other.join("meta.json").exists() {
                if let Ok(Some(opened)) = open_index(dir, &other) {
                    return Ok(Some(opened));
                }
            }
        }
        if path.exists() {
            return Err(damaged(dir, format!("{} is missing", path.join("meta.json").display())));
        }
        Ok(None)
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn searcher(&self) -> Option<(Searcher, Fields)> {
        self.opened.as_ref().map(|o| (o.reader.searcher(), o.fields))
    }

    /// True when no report is stored.
    pub fn is_empty(&self) -> bool {
        let Some((searcher, f)) = self.searcher() else {
            return true;
        };
        searcher
            .search(&type_query(f, schema::REPORT), &Count)
            .map_or(true, |n| n == 0)
    }

    pub(crate) fn index_parts(&self) -> Option<(&IndexReader, Fields)> {
        self.opened.as_ref().map(|o| (&o.reader, o.fields))
    }

    /// Every report's metadata, by id.
    pub fn reports(&self) -> Result<Vec<ReportMeta>> {
        self.reports_in(&[])
    }

    /// The metadata of the reports of `regions` (as the reports write them; all when empty), by id.
    pub fn reports_in(&self, regions: &[String]) -> Result<Vec<ReportMeta>> {
        let Some((_, f)) = self.searcher() else {
            return Ok(Vec::new());
        };
        self.reports_where(any_of(f.region_name, regions).into_iter().collect())
    }

    /// The metadata of the reports matching every clause (all when none), by id; kept for [`Store::report_meta`].
    pub(crate) fn reports_where(&self, clauses: Vec<Box<dyn Query>>) -> Result<Vec<ReportMeta>> {
        let Some((searcher, f)) = self.searcher() else {
            return Ok(Vec::new());
        };
        let mut all = vec![(Occur::Must, type_query(f, schema::REPORT))];
        all.extend(clauses.into_iter().map(|q| (Occur::Must, q)));
        let mut metas: Vec<ReportMeta> = fetch(&searcher, &BooleanQuery::new(all), f.blob)?;
        metas.sort_by(|a, b| a.id.cmp(&b.id));
        let mut cache = lock(&self.metas);
        for meta in &metas {
            cache.insert(meta.id.clone(), Some(meta.clone()));
        }
        Ok(metas)
    }

    /// The id of the stored report read from a file with digest `digest`, if any.
    pub fn report_with_digest(&self, digest: &str) -> Option<String> {
        let (_, f) = self.searcher()?;
        self.reports_where(vec![text_term(f.digest, digest)])
            .ok()?
            .into_iter()
            .next()
            .map(|m| m.id)
    }

    /// Finds the stored regions a text may name, without reading every region.
    pub fn region_finder(&self) -> RegionFinder {
        RegionFinder {
            opened: self.opened.as_ref().map(|o| (o.reader.clone(), o.fields)),
        }
    }

    /// True when a report of `regions` (any when empty) covers `year`.
    pub fn covers(&self, regions: &[String], year: u16) -> bool {
        let Some((searcher, f)) = self.searcher() else {
            return false;
        };
        let mut clauses = vec![
            (Occur::Must, type_query(f, schema::REPORT)),
            (Occur::Must, year_query(f, year)),
        ];
        if let Some(q) = any_of(f.region_name, regions) {
            clauses.push((Occur::Must, q));
        }
        searcher
            .search(&BooleanQuery::new(clauses), &Count)
            .is_ok_and(|n| n > 0)
    }

    /// The document of `doc_type` of report `id` at `position` (none for the report itself), parsed from its blob.
    fn by_key<T: DeserializeOwned>(&self, doc_type: &str, id: &str, position: Option<usize>) -> Option<T> {
        let (doc, f) = self.doc_by_key(doc_type, id, position)?;
        parse_blob(&doc, f.blob)
    }

    /// The document of `doc_type` of report `id` at `position` (none for the report itself).
    fn doc_by_key(&self, doc_type: &str, id: &str, position: Option<usize>) -> Option<(TantivyDocument, Fields)> {
        let (searcher, f) = self.searcher()?;
        let mut clauses = vec![
            (Occur::Must, type_query(f, doc_type)),
            (Occur::Must, text_term(f.report, id)),
        ];
        if let Some(p) = position {
            let term = Term::from_field_u64(f.position, p as u64);
            clauses.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        let found = searcher.search(&BooleanQuery::new(clauses), &DocSetCollector).ok()?;
        let address = found.into_iter().next()?;
        let doc: TantivyDocument = searcher.doc(address).ok()?;
        Some((doc, f))
    }

    /// The fact of a fact document, its sentence read from its paragraph when the document keeps only its range.
    fn fact_of(&self, doc: &TantivyDocument, f: Fields) -> Option<Fact> {
        let mut fact: Fact = parse_blob(doc, f.blob)?;
        if let Some(range) = sentence_range(doc, f) {
            let p = self.paragraph(&fact.report, fact.paragraph)?;
            fact.sentence = p.text.get(range.0..range.1)?.to_string();
        }
        Some(fact)
    }

    /// The metadata of report `id`.
    pub fn report_meta(&self, id: &str) -> Option<ReportMeta> {
        if let Some(hit) = lock(&self.metas).get(id) {
            return hit.clone();
        }
        let meta = self.by_key(schema::REPORT, id, None);
        lock(&self.metas).insert(id.to_string(), meta.clone());
        meta
    }

    /// Paragraph `position` of report `id`.
    pub fn paragraph(&self, id: &str, position: usize) -> Option<Paragraph> {
        let cache_key = (id.to_string(), position);
        if let Some(hit) = lock(&self.paragraphs).get(&cache_key) {
            return hit.clone();
        }
        let p = self.by_key(schema::PARAGRAPH, id, Some(position));
        lock(&self.paragraphs).insert(cache_key, p.clone());
        p
    }

    /// Fact `index` of report `id` (its place in the report's fact list, as `Fact::parent` counts).
    pub fn fact(&self, id: &str, index: usize) -> Option<Fact> {
        let cache_key = (id.to_string(), index);
        if let Some(hit) = lock(&self.facts).get(&cache_key) {
            return hit.clone();
        }
        let fact = self
            .doc_by_key(schema::FACT, id, Some(index))
            .and_then(|(doc, f)| self.fact_of(&doc, f));
        lock(&self.facts).insert(cache_key, fact.clone());
        fact
    }

    /// Report `id` with all its paragraphs.
    pub fn report(&self, id: &str) -> Result<Option<Report>> {
        let Some(meta) = self.report_meta(id) else {
            return Ok(None);
        };
        let Some((searcher, f)) = self.searcher() else {
            return Ok(None);
        };
        let query = BooleanQuery::new(vec![
            (Occur::Must, type_query(f, schema::PARAGRAPH)),
            (Occur::Must, text_term(f.report, id)),
        ]);
        let mut paragraphs: Vec<Paragraph> = fetch(&searcher, &query, f.blob)?;
        paragraphs.sort_by_key(|p| p.position);
        Ok(Some(Report { meta, paragraphs }))
    }

    /// The texts of the paragraphs of report `id`, by position. The paragraphs
    /// are kept for [`Store::paragraph`]: ranking reads those of the facts it weighs.
    fn paragraph_texts(&self, searcher: &Searcher, f: Fields, id: &str) -> Result<HashMap<usize, String>> {
        let query = BooleanQuery::new(vec![
            (Occur::Must, type_query(f, schema::PARAGRAPH)),
            (Occur::Must, text_term(f.report, id)),
        ]);
        let paragraphs: Vec<Paragraph> = fetch(searcher, &query, f.blob)?;
        let mut cache = lock(&self.paragraphs);
        Ok(paragraphs
            .into_iter()
            .map(|p| {
                let text = p.text.clone();
                let position = p.position;
                cache.entry((id.to_string(), position)).or_insert(Some(p));
                (position, text)
            })
            .collect())
    }

    /// The facts of report `id`, in its fact order.
    pub fn facts_of_report(&self, id: &str) -> Result<Vec<Fact>> {
        Ok(self.facts_where(None, None, Some(id))?.facts)
    }

    /// The facts of `regions` (as the reports write them; all when empty)
    /// about any of `years` (all when empty).
    pub fn facts_for(&self, regions: &[String], years: &[u16]) -> Result<FactSet> {
        let Some((_, f)) = self.searcher() else {
            return Ok(FactSet::default());
        };
        let mut clauses = Vec::new();
        if !regions.is_empty() {
            let reports = self.reports_in(regions)?;
            let Some(q) = of_reports(f, &reports) else {
                return Ok(FactSet::default());
            };
            clauses.push((Occur::Must, q));
        }
        if !years.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = years.iter().map(|y| (Occur::Should, year_query(f, *y))).collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any)) as Box<dyn Query>));
        }
        self.fact_set(clauses)
    }

    /// Facts filtered by a region key (any form a user types), their year and their report.
    pub fn facts_where(&self, region_key: Option<&str>, year: Option<u16>, report: Option<&str>) -> Result<FactSet> {
        let Some((_, f)) = self.searcher() else {
            return Ok(FactSet::default());
        };
        let mut clauses = Vec::new();
        if let Some(key) = region_key {
            let reports = self.reports_where(vec![text_term(f.region, key)])?;
            let Some(q) = of_reports(f, &reports) else {
                return Ok(FactSet::default());
            };
            clauses.push((Occur::Must, q));
        }
        if let Some(y) = year {
            clauses.push((Occur::Must, year_query(f, y)));
        }
        if let Some(id) = report {
            clauses.push((Occur::Must, text_term(f.report, id)));
        }
        self.fact_set(clauses)
    }

    fn fact_set(&self, mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Result<FactSet> {
        let Some((searcher, f)) = self.searcher() else {
            return Ok(FactSet::default());
        };
        clauses.push((Occur::Must, type_query(f, schema::FACT)));
        let mut indexed: Vec<(String, usize, Fact)> = Vec::new();
        // Facts whose sentence is a range of their paragraph's text, by report: (place in `indexed`, range).
        let mut ranged: HashMap<String, Vec<(usize, Range)>> = HashMap::new();
        for address in sorted(searcher.search(&BooleanQuery::new(clauses), &DocSetCollector)?) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let position = doc.get_first(f.position).and_then(|v| v.as_u64()).unwrap_or(0) as usize;
            if let Some(fact) = parse_blob::<Fact>(&doc, f.blob) {
                if let Some(range) = sentence_range(&doc, f) {
                    ranged
                        .entry(fact.report.clone())
                        .or_default()
                        .push((indexed.len(), range));
                }
                indexed.push((fact.report.clone(), position, fact));
            }
        }
        // One read of a report's paragraphs gives the sentences of all its facts.
        let mut unread = HashSet::new();
        for (id, wanted) in ranged {
            let texts = self.paragraph_texts(&searcher, f, &id)?;
            for (at, (start, end)) in wanted {
                let fact = &mut indexed[at].2;
                match texts.get(&fact.paragraph).and_then(|t| t.get(start..end)) {
                    Some(sentence) => fact.sentence = sentence.to_string(),
                    None => {
                        unread.insert(at);
                    }
                }
            }
        }
        // Kept for [`Store::fact`] (ranking reads the parents of the facts it weighs),
        // except a fact whose sentence could not be read, which it reads as missing.
        {
            let mut cache = lock(&self.facts);
            for (at, (id, position, fact)) in indexed.iter().enumerate() {
                if !unread.contains(&at) {
                    cache
                        .entry((id.clone(), *position))
                        .or_insert_with(|| Some(fact.clone()));
                }
            }
        }
        indexed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut set = FactSet::default();
        for (id, _, fact) in indexed {
            if !set.metas.contains_key(&id) {
                if let Some(meta) = self.report_meta(&id) {
                    set.metas.insert(id.clone(), meta);
                }
            }
            set.facts.push(fact);
        }
        Ok(set)
    }

    /// The answer-time statistics, read from the term dictionaries (never from the documents).
    pub fn stats(&self) -> Result<Stats> {
        let Some((searcher, f)) = self.searcher() else {
            return Ok(Stats::default());
        };
        let facts = searcher.search(&type_query(f, schema::FACT), &Count)?;
        Ok(Stats {
            facts,
            searcher: Some((searcher, f)),
        })
    }

    /// The ids of the reports whose source file had content hash `hash`.
    pub(crate) fn has_hash(&self, hash: &str) -> bool {
        let Some((searcher, f)) = self.searcher() else {
            return false;
        };
        let query = TermQuery::new(Term::from_field_text(f.hash, hash), IndexRecordOption::Basic);
        searcher.search(&query, &Count).is_ok_and(|n| n > 0)
    }
}

fn tantivy_io(e: std::io::Error) -> Error {
    Error::Tantivy(e.into())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub(crate) fn text_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

pub(crate) fn type_query(f: Fields, doc_type: &str) -> Box<dyn Query> {
    text_term(f.doc_type, doc_type)
}

pub(crate) fn year_query(f: Fields, year: u16) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(f.year, u64::from(year)),
        IndexRecordOption::Basic,
    ))
}

fn any_of(field: Field, values: &[String]) -> Option<Box<dyn Query>> {
    if values.is_empty() {
        return None;
    }
    let any: Vec<(Occur, Box<dyn Query>)> = values.iter().map(|v| (Occur::Should, text_term(field, v))).collect();
    Some(Box::new(BooleanQuery::new(any)))
}

/// A filter on the documents of `reports`; None when there are none (nothing matches).
pub(crate) fn of_reports(f: Fields, reports: &[ReportMeta]) -> Option<Box<dyn Query>> {
    let ids: Vec<String> = reports.iter().map(|m| m.id.clone()).collect();
    any_of(f.report, &ids)
}

/// Longest region key looked up in a text, in characters.
const MAX_KEY_CHARS: usize = 40;

/// Finds the stored regions a text may name from the region keys of the
/// report documents: one term lookup per substring of the text, never a scan
/// of every region, so its cost does not grow with the archive.
#[derive(Clone)]
pub struct RegionFinder {
    opened: Option<(IndexReader, Fields)>,
}

impl RegionFinder {
    /// The stored regions (as the reports write them, sorted) with a key or a
    /// pinyin form that occurs in `text`, lowercased: every region the text
    /// may name, and perhaps more.
    pub fn candidates(&self, text: &str) -> Vec<String> {
        self.try_candidates(text).unwrap_or_default()
    }

    fn try_candidates(&self, text: &str) -> Result<Vec<String>> {
        let Some((reader, f)) = &self.opened else {
            return Ok(Vec::new());
        };
        let searcher = reader.searcher();
        let lower = text.to_lowercase();
        let bounds: Vec<usize> = lower.char_indices().map(|(i, _)| i).chain([lower.len()]).collect();
        let mut keys: HashSet<&str> = HashSet::new();
        for segment in searcher.segment_readers() {
            let index = segment.inverted_index(f.region)?;
            let terms = index.terms();
            for start in 0..bounds.len().saturating_sub(1) {
                for end in start + 1..bounds.len().min(start + 1 + MAX_KEY_CHARS) {
                    let sub = &lower[bounds[start]..bounds[end]];
                    if !keys.contains(sub) && terms.get(sub.as_bytes()).map_err(tantivy_io)?.is_some() {
                        keys.insert(sub);
                    }
                }
            }
        }
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let any: Vec<(Occur, Box<dyn Query>)> = keys.iter().map(|k| (Occur::Should, text_term(f.region, k))).collect();
        let query = BooleanQuery::new(vec![
            (Occur::Must, type_query(*f, schema::REPORT)),
            (Occur::Must, Box::new(BooleanQuery::new(any))),
        ]);
        let mut names: Vec<String> = Vec::new();
        let mut columns = HashMap::new();
        for address in sorted(searcher.search(&query, &DocSetCollector)?) {
            let column = match columns.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                    searcher
                        .segment_reader(address.segment_ord)
                        .fast_fields()
                        .str(schema::REGION_NAME)?,
                ),
            };
            let Some(column) = column else {
                continue;
            };
            for ord in column.term_ords(address.doc_id) {
                let mut name = String::new();
                if column.ord_to_str(ord, &mut name).map_err(tantivy_io)? {
                    names.push(name);
                }
            }
        }
        names.sort();
        names.dedup();
        Ok(names)
    }
}

fn sorted(addresses: HashSet<DocAddress>) -> Vec<DocAddress> {
    let mut v: Vec<DocAddress> = addresses.into_iter().collect();
    v.sort();
    v
}

/// A byte range of a text.
type Range = (usize, usize);

/// The range of a fact document's sentence in its paragraph's text, when it keeps one.
fn sentence_range(doc: &TantivyDocument, f: Fields) -> Option<Range> {
    doc.get_first(f.sentence)
        .and_then(|v| v.as_u64())
        .map(schema::unpack_range)
}

fn parse_blob<T: DeserializeOwned>(doc: &TantivyDocument, blob: Field) -> Option<T> {
    serde_json::from_str(doc.get_first(blob)?.as_str()?).ok()
}

/// Every document matching `query`, parsed from its blob, in index order.
fn fetch<T: DeserializeOwned>(searcher: &Searcher, query: &dyn Query, blob: Field) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for address in sorted(searcher.search(query, &DocSetCollector)?) {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(value) = parse_blob(&doc, blob) {
            out.push(value);
        }
    }
    Ok(out)
}
