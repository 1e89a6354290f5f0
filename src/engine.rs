//! The one front end that the CLI, the REPL and the tests use: opens (or
//! builds) an index folder and runs ingest, search, facts and questions on it.

use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use rayon::prelude::*;

use crate::answer::question::Question;
use crate::answer::Answerer;
use crate::compare::{CompareRequest, Comparison};
use crate::error::{Error, Result};
use crate::extract::extract_facts;
use crate::index::{Hit, SearchRequest, Store, StoreWriter};
use crate::ingest::{self, Skipped};
use crate::model::{Answer, Fact, ReportMeta};
use crate::summary::{summarize, Summary};

/// What happened to one file during ingest.
#[derive(Debug, Clone)]
pub enum IngestEvent<'a> {
    /// A file was read: (index, total, report id, paragraphs, facts).
    Read(usize, usize, &'a str, usize, usize),
    /// A file was skipped.
    Skipped(&'a Skipped),
    /// A file is stored already with the same content: (index, total, path).
    Unchanged(usize, usize, &'a Path),
    /// Another process is writing the index; this ingest waits for it.
    Waiting,
}

/// The outcome of an ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    pub reports: usize,
    pub paragraphs: usize,
    pub facts: usize,
    /// Files stored already with the same content (not read again).
    pub unchanged: usize,
    pub skipped: Vec<Skipped>,
}

/// Which facts to list.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    pub region: Option<String>,
    pub year: Option<u16>,
    pub report: Option<String>,
    pub metric: Option<String>,
}

/// How many files are read and extracted at once (memory is bounded by a batch, not the archive).
const BATCH: usize = 256;

/// A stable hash of a file's name and content (FNV-1a, 64 bits): the same
/// file read from another folder or path spelling is unchanged; a copy under
/// another name (another report id) is not.
fn content_hash(path: &Path, bytes: &[u8]) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.as_bytes().iter().chain([0u8].iter()).chain(bytes) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// An open index with everything that runs on it.
pub struct Engine {
    store: Store,
    answerer: OnceLock<Answerer>,
}

impl Engine {
    /// Opens the index in `dir` for queries (a missing index is an empty one; nothing is written).
    pub fn open(dir: &Path) -> Result<Engine> {
        Ok(Engine {
            store: Store::open(dir)?,
            answerer: OnceLock::new(),
        })
    }

    /// An engine on `dir` that will rebuild it: whatever is there (any version)
    /// stays until the rebuild commits.
    pub fn create(dir: &Path) -> Result<Engine> {
        Ok(Engine {
            store: Store::empty(dir),
            answerer: OnceLock::new(),
        })
    }

    /// Opens the index in `dir`; when it is empty, first ingests `corpus`,
    /// telling `notify` so.
    pub fn open_or_build(dir: &Path, corpus: &Path, notify: &mut dyn FnMut(&str)) -> Result<Engine> {
        let mut engine = Engine::open(dir)?;
        if engine.store.is_empty() {
            if !corpus.is_dir() {
                return Err(Error::EmptyIndex {
                    path: dir.to_path_buf(),
                });
            }
            notify(&format!(
                "budgetq: the index at {} is empty; building it from {} (once)…",
                dir.display(),
                corpus.display()
            ));
            let summary = engine.ingest(&[corpus.to_path_buf()], false, &mut |_| {})?;
            notify(&format!(
                "budgetq: indexed {} reports, {} paragraphs, {} facts",
                summary.reports, summary.paragraphs, summary.facts
            ));
        }
        Ok(engine)
    }

    /// Ingests files and folders in one commit; with `rebuild`, the commit
    /// holds only these (the old index stays until it succeeds). Files stored
    /// already with the same content are skipped; unreadable files are
    /// reported and skipped; the rest are stored.
    pub fn ingest(
        &mut self,
        paths: &[PathBuf],
        rebuild: bool,
        on_event: &mut dyn FnMut(IngestEvent),
    ) -> Result<IngestSummary> {
        let files = ingest::collect_files(paths)?;
        let dir = self.store.dir().to_path_buf();
        let mut writer = StoreWriter::open(&dir, rebuild, &mut || on_event(IngestEvent::Waiting))?;
        let mut summary = IngestSummary::default();
        let total = files.len();
        for (b, chunk) in files.chunks(BATCH).enumerate() {
            let hashed: Vec<(&PathBuf, std::result::Result<String, String>)> = chunk
                .par_iter()
                .map(|path| {
                    let hash = std::fs::read(path)
                        .map(|bytes| content_hash(path, &bytes))
                        .map_err(|e| e.to_string());
                    (path, hash)
                })
                .collect();
            let todo: Vec<(usize, &PathBuf, Option<String>)> = hashed
                .into_iter()
                .enumerate()
                .filter_map(|(i, (path, hash))| {
                    let n = b * BATCH + i + 1;
                    match hash {
                        Ok(h) if writer.unchanged(&h) => {
                            summary.unchanged += 1;
                            on_event(IngestEvent::Unchanged(n, total, path));
                            None
                        }
                        Ok(h) => Some((n, path, Some(h))),
                        Err(_) => Some((n, path, None)),
                    }
                })
                .collect();
            let read: Vec<_> = todo
                .par_iter()
                .map(|(n, path, hash)| {
                    let result = ingest::read_report(path).map(|report| {
                        let facts = extract_facts(&report);
                        (report, facts)
                    });
                    (*n, *path, hash.clone(), result)
                })
                .collect();
            let mut batch = Vec::with_capacity(read.len());
            for (n, path, hash, result) in read {
                match result {
                    Ok((report, facts)) => {
                        summary.reports += 1;
                        summary.paragraphs += report.paragraphs.len();
                        summary.facts += facts.len();
                        on_event(IngestEvent::Read(
                            n,
                            total,
                            &report.meta.id,
                            report.paragraphs.len(),
                            facts.len(),
                        ));
                        batch.push((report, facts, hash.unwrap_or_default()));
                    }
                    Err(reason) => {
                        let skipped = Skipped {
                            path: path.clone(),
                            reason,
                        };
                        on_event(IngestEvent::Skipped(&skipped));
                        summary.skipped.push(skipped);
                    }
                }
            }
            writer.add(batch)?;
        }
        if rebuild && summary.reports == 0 {
            return Err(Error::Invalid(format!(
                "no report could be read from {}; the index at {} was left as it was",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                dir.display()
            )));
        }
        if summary.reports > 0 || rebuild {
            writer.commit()?;
            self.store = Store::open(&dir)?;
            self.answerer = OnceLock::new();
        }
        Ok(summary)
    }

    /// Removes reports by id in one commit; returns the ids that were not stored.
    pub fn remove(&mut self, ids: &[String], on_event: &mut dyn FnMut(IngestEvent)) -> Result<Vec<String>> {
        let dir = self.store.dir().to_path_buf();
        let mut writer = StoreWriter::open(&dir, false, &mut || on_event(IngestEvent::Waiting))?;
        let mut missing = Vec::new();
        for id in ids {
            if !writer.remove(id)? {
                missing.push(id.clone());
            }
        }
        if missing.len() < ids.len() {
            writer.commit()?;
            self.store = Store::open(&dir)?;
            self.answerer = OnceLock::new();
        }
        Ok(missing)
    }

    /// Every report's metadata, by id.
    pub fn reports(&self) -> Vec<ReportMeta> {
        self.store.reports().unwrap_or_default()
    }

    /// Searches paragraphs.
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>> {
        self.store.search(req)
    }

    /// Lists stored facts.
    pub fn facts(&self, filter: &FactFilter) -> Vec<Fact> {
        let region = filter
            .region
            .as_ref()
            .map(|r| crate::text::normalize_query(r.trim()).to_lowercase());
        let metric = filter.metric.as_ref().map(|m| crate::text::normalize_query(m));
        self.store
            .facts_where(region.as_deref(), filter.year, filter.report.as_deref())
            .map(|set| set.facts)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| metric.as_ref().is_none_or(|m| f.metric.contains(m.as_str())))
            .collect()
    }

    /// The question reader and ranker for this index (built on first use).
    pub fn answerer(&self) -> &Answerer {
        self.answerer.get_or_init(|| Answerer::new(&self.store))
    }

    /// Answers a question.
    pub fn ask(&self, question: &str) -> Answer {
        self.answerer().ask(&self.store, question)
    }

    /// The summary of a report (by id), or of the report of a region and year.
    pub fn summary(&self, report: Option<&str>, region: Option<&str>, year: Option<u16>) -> Result<Summary> {
        let chosen = match report {
            Some(id) => self.store.report_meta(id),
            None => {
                let q = self.understand(&format!(
                    "{}{}",
                    region.unwrap_or(""),
                    year.map(|y| format!("{y}年")).unwrap_or_default()
                ));
                let regions = if region.is_some() {
                    q.regions.clone()
                } else {
                    Vec::new()
                };
                let mut matching: Vec<ReportMeta> = if region.is_some() && regions.is_empty() {
                    Vec::new()
                } else {
                    self.store.reports_in(&regions)?
                };
                matching.retain(|r| {
                    year.is_none_or(|y| r.years.execution == Some(y)) || year.is_some_and(|y| r.years.covers(y))
                });
                matching.sort_by_key(|r| std::cmp::Reverse(r.years.execution));
                matching.into_iter().next()
            }
        };
        let Some(report) = chosen.and_then(|m| self.store.report(&m.id).ok().flatten()) else {
            return Err(Error::Invalid(format!(
                "no report matches {}; see `budgetq reports` for ids",
                report.map(str::to_string).unwrap_or_else(|| format!(
                    "{} {}",
                    region.unwrap_or("-"),
                    year.map(|y| y.to_string()).unwrap_or_default()
                ))
            )));
        };
        let facts = self.store.facts_of_report(&report.meta.id)?;
        Ok(summarize(&report, &facts))
    }

    /// Compares a metric across regions and years.
    pub fn compare(&self, req: &CompareRequest) -> Comparison {
        crate::compare::compare(self, req)
    }

    /// Reads a question without answering it.
    pub fn understand(&self, question: &str) -> Question {
        self.answerer().understand(question)
    }
}
