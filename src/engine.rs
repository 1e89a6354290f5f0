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
use crate::ingest::{self, Naming, Placement, Skipped, Stored};
use crate::model::{Answer, Fact, Report, ReportMeta};
use crate::region;
use crate::summary::{summarize, Summary};

/// What happened to one file during ingest.
#[derive(Debug, Clone)]
pub enum IngestEvent<'a> {
    /// A file was read: (index, total, file, report id, paragraphs, facts).
    Read(usize, usize, &'a Path, &'a str, usize, usize),
    /// A file was skipped.
    Skipped(&'a Skipped),
    /// A file is stored already with the same name and content: (index, total, path).
    Unchanged(usize, usize, &'a Path),
    /// Another process is writing the index; this ingest waits for it.
    Waiting,
    /// Something to know about a file that was read (an id clash, a copy stored once).
    Note(&'a Path, String),
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
    /// Files whose text was already stored from another file (stored once).
    pub duplicates: usize,
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

/// A report read for storing: with its facts and its file's content hash.
type ReadReport = (Report, Vec<Fact>, String);

fn batches_push(writer: &mut StoreWriter, batch: Vec<ReadReport>) -> Result<()> {
    writer.add(batch)
}

/// Reads the files under `paths` in batches on all cores (memory is bounded
/// by a batch): files stored already with the same name and content are
/// skipped, ids are chosen against the `stored` reports and each other, facts
/// are extracted, and each batch goes to `sink`.
fn read_files(
    paths: &[PathBuf],
    stored: &dyn Stored,
    unchanged: &dyn Fn(&str) -> bool,
    on_event: &mut dyn FnMut(IngestEvent),
    sink: &mut dyn FnMut(Vec<ReadReport>) -> Result<()>,
) -> Result<IngestSummary> {
    let collected = ingest::collect_files(paths);
    crate::lexicon::prepare_for_bulk();
    let mut summary = IngestSummary::default();
    for skipped in collected.skipped {
        on_event(IngestEvent::Skipped(&skipped));
        summary.skipped.push(skipped);
    }
    // Naming asks the store about the ids and file digests it meets (never reads every report).
    let mut naming = Naming::over(stored);
    let files = collected.files;
    let total = files.len();
    for (b, chunk) in files.chunks(BATCH).enumerate() {
        // Each file is read once: its bytes are hashed, then parsed unless unchanged.
        let contents: Vec<Option<(String, Vec<u8>)>> = chunk
            .par_iter()
            .map(|path| {
                std::fs::read(path)
                    .ok()
                    .map(|bytes| (content_hash(path, &bytes), bytes))
            })
            .collect();
        let mut todo = Vec::with_capacity(chunk.len());
        for (i, (path, content)) in chunk.iter().zip(contents).enumerate() {
            let n = b * BATCH + i + 1;
            if content.as_ref().is_some_and(|(hash, _)| unchanged(hash)) {
                summary.unchanged += 1;
                on_event(IngestEvent::Unchanged(n, total, path));
            } else {
                todo.push((n, path, content));
            }
        }
        let read: Vec<_> = todo
            .into_par_iter()
            .map(|(n, path, content)| match content {
                Some((hash, bytes)) => (n, path, Some(hash), ingest::report_from_bytes(bytes, path)),
                // Not readable: reading again gives the reason.
                None => (n, path, None, ingest::read_report(path)),
            })
            .collect();
        let mut placed = Vec::with_capacity(read.len());
        for (n, path, hash, result) in read {
            let mut report = match result {
                Ok(report) => report,
                Err(reason) => {
                    let skipped = Skipped {
                        path: path.clone(),
                        reason,
                    };
                    on_event(IngestEvent::Skipped(&skipped));
                    summary.skipped.push(skipped);
                    continue;
                }
            };
            match naming.place(&mut report) {
                Placement::Duplicate { of } => {
                    on_event(IngestEvent::Note(
                        path,
                        format!("a copy of report {of}, which is stored; not stored twice"),
                    ));
                    summary.duplicates += 1;
                    continue;
                }
                Placement::Renamed { wanted } => on_event(IngestEvent::Note(
                    path,
                    format!("id {wanted} belongs to another file; stored as {}", report.meta.id),
                )),
                Placement::New | Placement::Replaces => {}
            }
            placed.push((n, path, hash, report));
        }
        let extracted: Vec<_> = placed
            .into_par_iter()
            .map(|(n, path, hash, report)| {
                let facts = extract_facts(&report);
                (n, path, hash, report, facts)
            })
            .collect();
        let mut batch = Vec::with_capacity(extracted.len());
        for (n, path, hash, report, facts) in extracted {
            summary.reports += 1;
            summary.paragraphs += report.paragraphs.len();
            summary.facts += facts.len();
            on_event(IngestEvent::Read(
                n,
                total,
                path,
                &report.meta.id,
                report.paragraphs.len(),
                facts.len(),
            ));
            batch.push((report, facts, hash.unwrap_or_default()));
        }
        sink(batch)?;
    }
    Ok(summary)
}

/// Naming asks the store about one id or one file digest at a time.
impl Stored for Store {
    fn owner(&self, id: &str) -> Option<String> {
        self.report_meta(id).map(|meta| meta.path)
    }

    fn with_digest(&self, digest: &str) -> Option<String> {
        self.report_with_digest(digest)
    }
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

    /// Opens the index in `dir` for queries; a missing or empty index is an
    /// error saying how to fill it (nothing is created).
    pub fn open_filled(dir: &Path) -> Result<Engine> {
        let empty = || Error::EmptyIndex {
            path: dir.to_path_buf(),
        };
        if !dir.is_dir() {
            return Err(empty());
        }
        let engine = Engine::open(dir)?;
        if engine.store.is_empty() {
            return Err(empty());
        }
        Ok(engine)
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
                "budgetq: the index folder {} holds no reports yet; building it from {} (once)…",
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
        let dir = self.store.dir().to_path_buf();
        // Nothing is written before the lock is held.
        let mut writer = StoreWriter::open(&dir, rebuild, &mut || on_event(IngestEvent::Waiting))?;
        // What is stored, read after the lock so a waiting ingest sees the one before it.
        let committed = if rebuild {
            Store::empty(&dir)
        } else {
            Store::open(&dir)?
        };
        let summary = read_files(
            paths,
            &committed,
            &|hash| committed.has_hash(hash),
            on_event,
            &mut |batch| batches_push(&mut writer, batch),
        )?;
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

    /// What [`Engine::ingest`] would store, under which ids, without storing it.
    pub fn ingest_dry_run(
        &self,
        paths: &[PathBuf],
        rebuild: bool,
        on_event: &mut dyn FnMut(IngestEvent),
    ) -> IngestSummary {
        let empty = Store::empty(self.store.dir());
        let stored = if rebuild { &empty } else { &self.store };
        let unchanged = |hash: &str| !rebuild && self.store.has_hash(hash);
        read_files(paths, stored, &unchanged, on_event, &mut |_| Ok(())).unwrap_or_default()
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

    /// One report with its paragraphs, by id.
    pub fn report(&self, id: &str) -> Option<Report> {
        self.store.report(id).ok().flatten()
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
        if report.is_none() && region.is_none() && year.is_none() {
            let all = self.store.reports()?;
            return match all.as_slice() {
                [only] => {
                    let full = self.store.report(&only.id)?.ok_or_else(|| {
                        Error::Invalid(format!(
                            "report {} is listed but not stored; rebuild the index",
                            only.id
                        ))
                    })?;
                    let facts = self.store.facts_of_report(&only.id)?;
                    Ok(summarize(&full, &facts))
                }
                [] => Err(Error::Invalid(
                    "the index holds no reports; add some with `budgetq ingest PATH`".to_string(),
                )),
                _ => Err(Error::Invalid(format!(
                    "the archive holds {} reports; name one ({}…, see `budgetq reports`) or give --region/--year",
                    all.len(),
                    all.iter().take(3).map(|r| r.id.clone()).collect::<Vec<_>>().join(", ")
                ))),
            };
        }
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

    /// Compares a metric across regions, years and phases.
    pub fn compare(&self, req: &CompareRequest) -> Comparison {
        // A comparison reads every report's facts (one metric across the archive).
        let reports = self.store.reports().unwrap_or_default();
        let facts: Vec<Vec<Fact>> = reports
            .iter()
            .map(|r| self.store.facts_of_report(&r.id).unwrap_or_default())
            .collect();
        let archive: Vec<(&ReportMeta, &[Fact])> = reports.iter().zip(&facts).map(|(r, f)| (r, f.as_slice())).collect();
        crate::compare::compare(&archive, &|q| self.ask(q), req)
    }

    /// Why `facts(filter)` found nothing, in one line with the next step.
    pub fn explain_no_facts(&self, filter: &FactFilter) -> String {
        let reports = self.reports();
        if reports.is_empty() {
            return "the index holds no reports; add some with `budgetq ingest PATH`".to_string();
        }
        if let Some(id) = &filter.report {
            if !reports.iter().any(|r| &r.id == id) {
                return format!("no report has the id {id}; `budgetq reports` lists the ids");
            }
        }
        if let Some(name) = &filter.region {
            if !reports.iter().any(|r| region::matches(&r.region, name)) {
                return format!("the archive holds no report for {name}; `budgetq reports` lists the regions it has");
            }
        }
        let scoped = FactFilter {
            metric: None,
            ..filter.clone()
        };
        let in_scope = self.facts(&scoped);
        if let Some(year) = filter.year {
            if in_scope.is_empty() {
                return format!("no fact in scope is about {year}; drop --year or see `budgetq reports` for the years");
            }
        }
        match &filter.metric {
            Some(metric) => {
                let closest = crate::compare::closest_metrics(in_scope.iter(), metric, 5);
                if closest.is_empty() {
                    format!("no metric in scope contains {metric}; try a shorter word")
                } else {
                    format!("no metric in scope contains {metric}; closest: {}", closest.join(", "))
                }
            }
            None => "no fact matches these filters; drop one of them".to_string(),
        }
    }

    /// Why `search(req)` found nothing, in one line with the next step.
    pub fn explain_no_hits(&self, req: &SearchRequest) -> String {
        let reports = self.reports();
        if reports.is_empty() {
            return "the index holds no reports; add some with `budgetq ingest PATH`".to_string();
        }
        let of_region: Vec<&ReportMeta> = reports
            .iter()
            .filter(|r| req.region.as_ref().is_none_or(|name| region::matches(&r.region, name)))
            .collect();
        if let (Some(name), true) = (&req.region, of_region.is_empty()) {
            return format!("the archive holds no report for {name}; `budgetq reports` lists the regions it has");
        }
        if let Some(year) = req.year {
            if !of_region.iter().any(|r| r.years.covers(year)) {
                return format!("no report in scope covers {year}; drop --year or see `budgetq reports`");
            }
        }
        if let Some(kind) = &req.kind {
            if !of_region.iter().any(|r| r.kind == kind.trim()) {
                return format!("no report in scope is of kind {kind}; `budgetq reports` lists the kinds");
            }
        }
        "no paragraph matches; try fewer or other words, or drop --region/--year/--kind".to_string()
    }

    /// Reads a question without answering it.
    pub fn understand(&self, question: &str) -> Question {
        self.answerer().understand(question)
    }
}
