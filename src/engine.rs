//! The one front end that the CLI, the REPL and the tests use: opens (or
//! builds) an index folder and runs ingest, search, facts and questions on it.

use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use crate::answer::question::Question;
use crate::answer::Answerer;
use crate::compare::{CompareRequest, Comparison};
use crate::error::{Error, Result};
use crate::extract::extract_facts;
use crate::index::{Hit, SearchRequest, Store};
use crate::ingest::{self, Naming, Placement, Skipped};
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
    /// Something to know about a file that was read (an id clash, a copy stored once).
    Note(&'a Path, String),
}

/// The outcome of an ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestSummary {
    pub reports: usize,
    pub paragraphs: usize,
    pub facts: usize,
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

/// An open index with everything that runs on it.
pub struct Engine {
    store: Store,
    answerer: OnceLock<Answerer>,
}

impl Engine {
    /// Opens the index in `dir` (created empty when missing).
    pub fn open(dir: &Path) -> Result<Engine> {
        Ok(Engine {
            store: Store::open(dir)?,
            answerer: OnceLock::new(),
        })
    }

    /// Creates an empty index in `dir`, dropping whatever was there (any version).
    pub fn create(dir: &Path) -> Result<Engine> {
        Ok(Engine {
            store: Store::create(dir)?,
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

    /// Ingests files and folders; with `rebuild`, the index is emptied first.
    /// Unreadable files are reported and skipped; the rest are stored.
    pub fn ingest(
        &mut self,
        paths: &[PathBuf],
        rebuild: bool,
        on_event: &mut dyn FnMut(IngestEvent),
    ) -> Result<IngestSummary> {
        let (summary, batch) = self.read_files(paths, rebuild, on_event);
        if !batch.is_empty() || rebuild {
            self.store.write(batch, rebuild)?;
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
        self.read_files(paths, rebuild, on_event).0
    }

    /// Reads the files under `paths` into reports with their facts and unique ids.
    fn read_files(
        &self,
        paths: &[PathBuf],
        rebuild: bool,
        on_event: &mut dyn FnMut(IngestEvent),
    ) -> (IngestSummary, Vec<(Report, Vec<Fact>)>) {
        let collected = ingest::collect_files(paths);
        let mut summary = IngestSummary::default();
        for skipped in collected.skipped {
            on_event(IngestEvent::Skipped(&skipped));
            summary.skipped.push(skipped);
        }
        let stored = if rebuild {
            None
        } else {
            Some(self.store.catalog.reports.values())
        };
        let mut naming = Naming::new(stored.into_iter().flatten());
        let files = collected.files;
        let mut batch = Vec::new();
        for (i, path) in files.iter().enumerate() {
            match ingest::read_report(path) {
                Ok(mut report) => {
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
                    let facts = extract_facts(&report);
                    summary.reports += 1;
                    summary.paragraphs += report.paragraphs.len();
                    summary.facts += facts.len();
                    on_event(IngestEvent::Read(
                        i + 1,
                        files.len(),
                        path,
                        &report.meta.id,
                        report.paragraphs.len(),
                        facts.len(),
                    ));
                    batch.push((report, facts));
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
        (summary, batch)
    }

    /// Every report's metadata, by id.
    pub fn reports(&self) -> Vec<&ReportMeta> {
        self.store.catalog.reports.values().map(|r| &r.meta).collect()
    }

    /// One report with its paragraphs, by id.
    pub fn report(&self, id: &str) -> Option<&Report> {
        self.store.catalog.reports.get(id)
    }

    /// Searches paragraphs.
    pub fn search(&self, req: &SearchRequest) -> Result<Vec<Hit>> {
        self.store.search(req)
    }

    /// Lists stored facts.
    pub fn facts(&self, filter: &FactFilter) -> Vec<&Fact> {
        let region_matches =
            |meta: &ReportMeta| filter.region.as_ref().is_none_or(|r| region::matches(&meta.region, r));
        let metric = filter.metric.as_ref().map(|m| crate::text::normalize_query(m));
        self.store
            .catalog
            .facts
            .iter()
            .filter(|(id, _)| filter.report.as_ref().is_none_or(|r| r == *id))
            .filter(|(id, _)| {
                self.store
                    .catalog
                    .reports
                    .get(*id)
                    .is_some_and(|r| region_matches(&r.meta))
            })
            .flat_map(|(_, facts)| facts.iter())
            .filter(|f| filter.year.is_none_or(|y| f.year == Some(y)))
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
        let catalog = &self.store.catalog;
        let chosen = match report {
            Some(id) => catalog.reports.get(id),
            None => {
                let q = self.understand(&format!(
                    "{}{}",
                    region.unwrap_or(""),
                    year.map(|y| format!("{y}年")).unwrap_or_default()
                ));
                let mut matching: Vec<_> = catalog
                    .reports
                    .values()
                    .filter(|r| region.is_none() || q.regions.contains(&r.meta.region))
                    .filter(|r| {
                        year.is_none_or(|y| r.meta.years.execution == Some(y))
                            || year.is_some_and(|y| r.meta.years.covers(y))
                    })
                    .collect();
                matching.sort_by_key(|r| std::cmp::Reverse(r.meta.years.execution));
                matching.into_iter().next()
            }
        };
        let Some(report) = chosen else {
            return Err(Error::Invalid(format!(
                "no report matches {}; see `budgetq reports` for ids",
                report.map(str::to_string).unwrap_or_else(|| format!(
                    "{} {}",
                    region.unwrap_or("-"),
                    year.map(|y| y.to_string()).unwrap_or_default()
                ))
            )));
        };
        let facts = catalog.facts.get(&report.meta.id).map(Vec::as_slice).unwrap_or(&[]);
        Ok(summarize(report, facts))
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
