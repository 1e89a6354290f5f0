//! Stage: index (write side). Input: reports with their facts, or report ids
//! to remove. Output: one tantivy commit holding all of them, so a crash
//! leaves the old state or the new one, never a mix.
//!
//! One writer at a time: `write.lock` in the index folder is held for the
//! whole ingest (a second writer waits for it). A rebuild of a healthy index
//! deletes and re-adds everything in the same single commit; a rebuild of an
//! index that cannot be opened (an older format, a damaged one) is written to
//! `store.new` and swapped in only once it is committed. Readers never take
//! the lock: they see the last commit.

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument, Term};

use super::gram_tokenizer::{self, GramKind};
use super::schema::{self, Fields};
use super::store::{format_payload, is_old_layout, new_store_path, old_store_path, store_path, Store};
use super::tokenizer;
use crate::error::{Error, Result};
use crate::extract::context::canonical;
use crate::model::{Fact, Report};
use crate::region;

/// Memory for tantivy's writer on a bulk ingest (shared by its indexing threads).
const WRITER_HEAP: usize = 300_000_000;

/// Memory for the one indexing thread of a small ingest or a removal (each
/// thread's hash table is sized from its budget, so a small write must not
/// take the bulk budget).
const SMALL_WRITER_HEAP: usize = 24_000_000;

/// Most reports written by the small writer.
const SMALL_INGEST: usize = 16;

/// An index folder opened for writing.
pub struct StoreWriter {
    dir: PathBuf,
    _lock: File,
    index: Index,
    /// Made on the first write, sized for it.
    writer: Option<IndexWriter<TantivyDocument>>,
    fields: Fields,
    /// The last commit, for what is already stored.
    committed: Store,
    /// Set when building `store.new` to replace an unusable store.
    swap: bool,
    rebuild: bool,
    /// Report ids added in this session.
    added: HashSet<String>,
    /// Every bigram of the texts added in this session, stored at commit
    /// (packed: see [`pack`]).
    vocabulary: FxHashSet<u128>,
    /// Runs of word characters whose bigrams are in `vocabulary` already (see [`vocabulary`]).
    runs: FxHashSet<Box<str>>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::io(path, e)
}

/// Makes a rename or a new file durable.
fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

/// Takes the writer lock of `dir`, calling `on_wait` first when another process holds it.
fn take_lock(dir: &Path, on_wait: &mut dyn FnMut()) -> Result<File> {
    let path = dir.join("write.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(&path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            on_wait();
            file.lock().map_err(io(&path))?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
    }
    Ok(file)
}

/// Finishes a swap that stopped between its two renames.
fn recover(dir: &Path) -> Result<()> {
    let (store, new, old) = (store_path(dir), new_store_path(dir), old_store_path(dir));
    if !store.exists() && old.exists() {
        let complete = Index::open_in_dir(&new)
            .and_then(|i| i.load_metas())
            .is_ok_and(|m| m.payload.as_deref() == Some(format_payload().as_str()));
        let from = if complete { &new } else { &old };
        std::fs::rename(from, &store).map_err(io(&store))?;
        sync_dir(dir)?;
    }
    if old.exists() && store.exists() {
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(())
}

fn create_index(path: &Path) -> Result<Index> {
    if path.exists() {
        std::fs::remove_dir_all(path).map_err(io(path))?;
    }
    std::fs::create_dir_all(path).map_err(io(path))?;
    let (schema, _) = Fields::build();
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(1),
        }),
        docstore_blocksize: 64 * 1024,
        ..IndexSettings::default()
    };
    Ok(Index::builder().schema(schema).settings(settings).create_in_dir(path)?)
}

impl StoreWriter {
    /// Opens the index in `dir` for writing (creating it when missing). With
    /// `rebuild`, the commit will hold only what is added in this session.
    pub fn open(dir: &Path, rebuild: bool, on_wait: &mut dyn FnMut()) -> Result<StoreWriter> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let lock = take_lock(dir, on_wait)?;
        // jieba's dictionary takes ~200 ms to load: load it while the files are read.
        std::thread::spawn(|| drop(tokenizer::jieba()));
        recover(dir)?;
        let committed = match Store::open(dir) {
            Ok(store) => Some(store),
            Err(_) if rebuild => None,
            Err(e) => return Err(e),
        };
        let path = store_path(dir);
        let (index, swap) = match &committed {
            Some(_) if path.join("meta.json").exists() => (Index::open_in_dir(&path)?, false),
            Some(_) if !is_old_layout(dir) => (create_index(&path)?, false),
            _ => (create_index(&new_store_path(dir))?, true),
        };
        tokenizer::register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        Ok(StoreWriter {
            dir: dir.to_path_buf(),
            _lock: lock,
            index,
            writer: None,
            fields,
            committed: committed.unwrap_or_else(|| Store::empty(dir)),
            swap,
            rebuild,
            added: HashSet::new(),
            vocabulary: FxHashSet::default(),
            runs: FxHashSet::default(),
        })
    }

    /// tantivy's writer, made on first use: one small thread when the first
    /// write is of at most [`SMALL_INGEST`] reports, else all cores.
    fn writer(&mut self, reports: usize) -> Result<&mut IndexWriter<TantivyDocument>> {
        if self.writer.is_none() {
            let writer = if reports <= SMALL_INGEST {
                self.index.writer_with_num_threads(1, SMALL_WRITER_HEAP)?
            } else {
                self.index.writer(WRITER_HEAP)?
            };
            if self.rebuild && !self.swap {
                writer.delete_all_documents()?;
            }
            self.writer = Some(writer);
        }
        match self.writer.as_mut() {
            Some(w) => Ok(w),
            None => Err(Error::Invalid("the index writer could not be made".to_string())),
        }
    }

    /// True when a file with content hash `hash` is stored already (never during a rebuild).
    pub fn unchanged(&self, hash: &str) -> bool {
        !self.rebuild && self.committed.has_hash(hash)
    }

    /// Adds reports with their facts and the content hash of their files,
    /// replacing reports of the same id.
    pub fn add(&mut self, batch: Vec<(Report, Vec<Fact>, String)>) -> Result<()> {
        let f = self.fields;
        let joiners = crate::lexicon::synonym_separators(|c| !tokenizer::is_word_char(c));
        let known = (&self.runs, joiners.as_slice());
        let docs: Vec<(String, Vec<TantivyDocument>, Vocabulary)> = batch
            .into_par_iter()
            .map(|(report, facts, hash)| {
                let vocabulary = vocabulary(&report, Some(known));
                (report.meta.id.clone(), documents(f, &report, facts, &hash), vocabulary)
            })
            .collect();
        let mut session_vocabulary = std::mem::take(&mut self.vocabulary);
        let mut runs = std::mem::take(&mut self.runs);
        let writer = self.writer(docs.len())?;
        let mut ids = Vec::with_capacity(docs.len());
        for (id, docs, vocabulary) in docs {
            writer.delete_term(Term::from_field_text(f.report, &id));
            for doc in docs {
                writer.add_document(doc)?;
            }
            ids.push(id);
            session_vocabulary.extend(vocabulary.bigrams);
            if runs.len() < RUNS_KEPT {
                runs.extend(vocabulary.runs);
            }
        }
        self.vocabulary = session_vocabulary;
        self.runs = runs;
        self.added.extend(ids);
        Ok(())
    }

    /// Removes report `id`; false when there is no such report.
    pub fn remove(&mut self, id: &str) -> Result<bool> {
        let known = self.added.remove(id) || self.committed.report_meta(id).is_some();
        if known {
            let term = Term::from_field_text(self.fields.report, id);
            self.writer(0)?.delete_term(term);
        }
        Ok(known)
    }

    /// Commits everything in one commit and makes it durable; a rebuilt store replaces the old one.
    pub fn commit(mut self) -> Result<()> {
        self.writer(0)?;
        let Some(mut writer) = self.writer.take() else {
            return Ok(());
        };
        if !self.vocabulary.is_empty() {
            let mut bigrams: Vec<String> = self.vocabulary.drain().filter_map(unpack).collect();
            bigrams.sort_unstable();
            let mut doc = TantivyDocument::default();
            doc.add_text(self.fields.doc_type, schema::VOCABULARY);
            // One bigram a line: the bigram tokenizer gives each back as it is.
            doc.add_text(self.fields.text_bigrams, bigrams.join("\n"));
            writer.add_document(doc)?;
        }
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&format_payload());
        prepared.commit()?;
        writer.wait_merging_threads()?;
        if self.swap {
            let (store, new, old) = (
                store_path(&self.dir),
                new_store_path(&self.dir),
                old_store_path(&self.dir),
            );
            sync_dir(&new)?;
            if store.exists() {
                std::fs::rename(&store, &old).map_err(io(&old))?;
            }
            std::fs::rename(&new, &store).map_err(io(&store))?;
            sync_dir(&self.dir)?;
            if old.exists() {
                std::fs::remove_dir_all(&old).map_err(io(&old))?;
            }
            // The layout before the store.
            let catalog = self.dir.join("catalog.json");
            if catalog.exists() {
                std::fs::remove_file(&catalog).map_err(io(&catalog))?;
            }
            let tantivy = self.dir.join("tantivy");
            if tantivy.exists() {
                std::fs::remove_dir_all(&tantivy).map_err(io(&tantivy))?;
            }
        }
        Ok(())
    }
}

/// A bigram's bytes and length in one number (a bigram is two characters: at most 8 bytes).
fn pack(gram: &str) -> Option<u128> {
    super::gram_tokenizer::packed(gram.as_bytes())
}

/// The bigram [`pack`]ed in `key`.
fn unpack(key: u128) -> Option<String> {
    let bytes = key.to_le_bytes();
    let len = usize::from(bytes[15]).min(15);
    String::from_utf8(bytes[..len].to_vec()).ok()
}

/// Most runs a session remembers (see [`vocabulary`]).
const RUNS_KEPT: usize = 1 << 20;

/// Longest run remembered, in bytes.
const RUN_KEPT: usize = 64;

/// The bigrams of one report's texts, and the runs they were cut from (to remember).
struct Vocabulary {
    bigrams: Vec<u128>,
    runs: Vec<Box<str>>,
}

/// The bigrams of a report's canonical paragraph texts (headings aside), each
/// once, [`pack`]ed.
///
/// With `known`, a paragraph is cut into pieces at the separators (non-word
/// characters) that no synonym holds, the `joiners` aside, so each piece
/// folds on its own; a piece in `runs` is skipped (its bigrams are in the
/// session's vocabulary already), and the pieces cut here (without a digit:
/// a piece holding a figure seldom comes again) are given back to be known.
fn vocabulary(report: &Report, known: Option<(&FxHashSet<Box<str>>, &[char])>) -> Vocabulary {
    // A bigram per character at most, and most characters take three bytes.
    let chars: usize = report.paragraphs.iter().map(|p| p.text.len() / 3).sum();
    let mut seen: FxHashSet<u128> = FxHashSet::with_capacity_and_hasher(chars / 2, Default::default());
    let mut runs: FxHashSet<&str> = FxHashSet::default();
    for p in report.paragraphs.iter().filter(|p| !p.heading) {
        let Some((known, joiners)) = known else {
            bigrams_of(&canonical(&p.text), &mut seen);
            continue;
        };
        for run in p
            .text
            .split(|c: char| !tokenizer::is_word_char(c) && !joiners.contains(&c))
        {
            if run.is_empty() || known.contains(run) || runs.contains(run) {
                continue;
            }
            bigrams_of(&canonical(run), &mut seen);
            if run.len() <= RUN_KEPT && !run.bytes().any(|b| b.is_ascii_digit()) {
                runs.insert(run);
            }
        }
    }
    Vocabulary {
        bigrams: seen.into_iter().collect(),
        runs: runs.into_iter().map(Box::from).collect(),
    }
}

/// Adds the bigrams of a canonical `text` to `seen`: each run of word
/// characters on its own, as `gram_tokenizer::cut` cuts them (a bigram never
/// spans two runs or two texts).
fn bigrams_of(text: &str, seen: &mut FxHashSet<u128>) {
    for run in text
        .split(|c: char| !tokenizer::is_word_char(c))
        .filter(|r| !r.is_empty())
    {
        if !tokenizer::is_caseless(run) {
            let (lower, grams) = gram_tokenizer::cut(GramKind::Bigrams, run);
            seen.extend(grams.into_iter().filter_map(|(from, to)| pack(&lower[from..to])));
            continue;
        }
        // The run is its own lowercase: its character pairs, or its one character.
        let mut chars = run.char_indices().map(|(i, _)| i).peekable();
        let mut pairs = 0;
        while let Some(from) = chars.next() {
            let Some(&next) = chars.peek() else { break };
            let to = next + run[next..].chars().next().map_or(0, char::len_utf8);
            seen.extend(pack(&run[from..to]));
            pairs += 1;
        }
        if pairs == 0 {
            seen.extend(pack(run));
        }
    }
}

/// The documents of one report: the report, its paragraphs and its facts.
/// Region, kind and digest go on the report document only: a paragraph or a
/// fact is found by region through its report.
fn documents(f: Fields, report: &Report, facts: Vec<Fact>, hash: &str) -> Vec<TantivyDocument> {
    let meta = &report.meta;
    let years: Vec<u16> = [meta.years.execution, meta.years.draft].into_iter().flatten().collect();
    let base = |doc_type: &str, position: Option<usize>| {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.doc_type, doc_type);
        doc.add_text(f.report, &meta.id);
        if let Some(p) = position {
            doc.add_u64(f.position, p as u64);
        }
        doc
    };
    let mut docs = Vec::with_capacity(1 + report.paragraphs.len() + facts.len());
    let mut doc = base(schema::REPORT, None);
    let mut keys: Vec<String> = region::keys(&meta.region).iter().map(|k| k.to_lowercase()).collect();
    keys.extend(region::pinyin_keys(&meta.region).iter().map(|k| k.to_lowercase()));
    keys.sort();
    keys.dedup();
    for key in keys {
        doc.add_text(f.region, key);
    }
    doc.add_text(f.region_name, &meta.region);
    doc.add_text(f.kind, &meta.kind);
    if let Some(digest) = &meta.digest {
        doc.add_text(f.digest, digest);
    }
    for y in &years {
        doc.add_u64(f.year, u64::from(*y));
    }
    doc.add_text(f.hash, hash);
    doc.add_text(f.blob, serde_json::to_string(meta).unwrap_or_default());
    docs.push(doc);
    for p in &report.paragraphs {
        let mut doc = base(schema::PARAGRAPH, Some(p.position));
        for y in &years {
            doc.add_u64(f.year, u64::from(*y));
        }
        doc.add_text(f.section, p.section.join(" "));
        doc.add_text(f.text, &p.text);
        doc.add_text(f.text_grams, &p.text);
        doc.add_text(f.blob, serde_json::to_string(p).unwrap_or_default());
        docs.push(doc);
    }
    // The last sentence's paragraph and range: the facts of one sentence come together.
    let mut last: Option<(usize, (usize, usize))> = None;
    for (i, mut fact) in facts.into_iter().enumerate() {
        let mut doc = base(schema::FACT, Some(i));
        if let Some(y) = fact.year {
            doc.add_u64(f.year, u64::from(y));
        }
        doc.add_text(f.metric_bigrams, canonical(&fact.metric));
        let paragraph = report
            .paragraphs
            .get(fact.paragraph)
            .filter(|p| p.position == fact.paragraph);
        // The sentence is read back from the paragraph's text.
        let range = paragraph.and_then(|p| {
            let same = last.filter(|&(at, (start, end))| {
                at == fact.paragraph
                    && start <= fact.span.0
                    && fact.span.1 <= end
                    && p.text.get(start..end) == Some(fact.sentence.as_str())
            });
            same.map(|(_, range)| range).or_else(|| sentence_range(&p.text, &fact))
        });
        if let Some(range) = range {
            last = Some((fact.paragraph, range));
            fact.sentence.clear();
            doc.add_u64(f.sentence, schema::pack_range(range));
        }
        doc.add_text(f.blob, serde_json::to_string(&fact).unwrap_or_default());
        docs.push(doc);
    }
    docs
}

/// The byte range of `fact`'s sentence in its paragraph's `text`: the
/// occurrence holding the fact's number, else the first.
fn sentence_range(text: &str, fact: &Fact) -> Option<(usize, usize)> {
    let sentence = fact.sentence.as_str();
    let mut first = None;
    for (start, _) in text.match_indices(sentence) {
        let end = start + sentence.len();
        if start <= fact.span.0 && fact.span.1 <= end {
            return Some((start, end));
        }
        first.get_or_insert((start, end));
        if sentence.is_empty() {
            break;
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_vocabulary_is_every_bigram_of_the_texts_once() {
        let text = "关于西工区2023年预算执行情况的报告\n\n一、收入\n\nGDP增长5.2%，A 级 Ｂ 预算İ政府基金收入。\n\n甲 乙丙 丁戊己，甲甲甲。Xigong District 的 ΣΑΣ 预算。\n";
        let report = crate::ingest::parse_report(text, Path::new("x.txt")).expect("a report");
        let texts: Vec<String> = report
            .paragraphs
            .iter()
            .filter(|p| !p.heading)
            .map(|p| canonical(&p.text))
            .collect();
        let (all, grams) = gram_tokenizer::cut(GramKind::Bigrams, &texts.join("\n"));
        let want: BTreeSet<String> = grams.iter().map(|&(from, to)| all[from..to].to_string()).collect();
        let got = |v: Vocabulary| -> BTreeSet<String> { v.bigrams.into_iter().filter_map(unpack).collect() };
        assert!(
            want.contains("2") && want.contains("gd") && want.contains("政府"),
            "{want:?}"
        );
        assert_eq!(got(vocabulary(&report, None)), want);
        let joiners = crate::lexicon::synonym_separators(|c| !tokenizer::is_word_char(c));
        assert!(joiners.contains(&'（'), "{joiners:?}");
        assert_eq!(got(vocabulary(&report, Some((&FxHashSet::default(), &joiners)))), want);
    }

    #[test]
    fn runs_known_from_earlier_reports_add_nothing_new() {
        let first = "关于西工区2023年预算执行情况的报告\n\n一、收入\n\n公共财政预算收入完成，政府基金收入增长。土地出让金 GDP，因公出国（境）费 因公出国(境)经费\n";
        let second = "关于西工区2024年预算的报告\n\n一、收入\n\n公共财政预算收入完成，专项债发行。土地出让金 gdp 政府基金收入，因公出国（境）费\n";
        let first = crate::ingest::parse_report(first, Path::new("a.txt")).expect("a report");
        let second = crate::ingest::parse_report(second, Path::new("b.txt")).expect("a report");
        let all = |r: &Report| -> BTreeSet<u128> { vocabulary(r, None).bigrams.into_iter().collect() };
        let joiners = crate::lexicon::synonym_separators(|c| !tokenizer::is_word_char(c));
        let mut known = FxHashSet::default();
        let a = vocabulary(&first, Some((&known, &joiners)));
        assert!(!a.runs.is_empty());
        known.extend(a.runs);
        let b = vocabulary(&second, Some((&known, &joiners)));
        let mut union: BTreeSet<u128> = a.bigrams.into_iter().collect();
        let only_second: BTreeSet<u128> = b.bigrams.into_iter().collect();
        assert!(only_second.len() < all(&second).len());
        union.extend(only_second);
        let mut want = all(&first);
        want.extend(all(&second));
        assert_eq!(union, want);
    }
}
