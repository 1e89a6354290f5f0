//! An index folder opened for reading and writing: the tantivy index, its
//! reader and the catalog, kept in step. Re-adding a report replaces it.

use std::path::{Path, PathBuf};

use tantivy::schema::Value;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use super::catalog::{Catalog, SCHEMA_VERSION};
use super::schema::Fields;
use super::tokenizer;
use crate::error::{Error, Result};
use crate::model::{Fact, Report};
use crate::region;

/// Memory for tantivy's writer.
const WRITER_HEAP: usize = 50_000_000;

/// An open index folder.
pub struct Store {
    dir: PathBuf,
    index: Index,
    fields: Fields,
    reader: IndexReader,
    pub catalog: Catalog,
}

impl Store {
    /// Opens the index in `dir`, creating the folder and an empty index when missing.
    pub fn open(dir: &Path) -> Result<Store> {
        let catalog = Catalog::load(dir)?;
        let tantivy_dir = dir.join("tantivy");
        let index = match (&catalog, tantivy_dir.join("meta.json").exists()) {
            (Some(_), true) => Index::open_in_dir(&tantivy_dir)?,
            _ => {
                // No catalog means nothing usable was written: start afresh.
                if tantivy_dir.exists() {
                    std::fs::remove_dir_all(&tantivy_dir).map_err(|e| Error::io(&tantivy_dir, e))?;
                }
                std::fs::create_dir_all(&tantivy_dir).map_err(|e| Error::io(&tantivy_dir, e))?;
                let (schema, _) = Fields::build();
                Index::create_in_dir(&tantivy_dir, schema)?
            }
        };
        tokenizer::register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let catalog = catalog.unwrap_or(Catalog {
            schema_version: SCHEMA_VERSION,
            ..Catalog::default()
        });
        Ok(Store {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader,
            catalog,
        })
    }

    /// Empties the index in `dir` (whatever version wrote it) and opens it.
    pub fn create(dir: &Path) -> Result<Store> {
        let catalog = Catalog::path(dir);
        if catalog.exists() {
            std::fs::remove_file(&catalog).map_err(|e| Error::io(&catalog, e))?;
        }
        Store::open(dir)
    }

    /// True when no report is stored.
    pub fn is_empty(&self) -> bool {
        self.catalog.reports.is_empty()
    }

    pub(crate) fn index_parts(&self) -> (&IndexReader, Fields) {
        (&self.reader, self.fields)
    }

    /// Adds reports with their facts, replacing reports of the same id; with
    /// `clear`, drops everything else first. One commit for the whole batch.
    pub fn write(&mut self, reports: Vec<(Report, Vec<Fact>)>, clear: bool) -> Result<()> {
        let mut writer: tantivy::IndexWriter<TantivyDocument> = self.index.writer(WRITER_HEAP)?;
        if clear {
            writer.delete_all_documents()?;
            self.catalog.reports.clear();
            self.catalog.facts.clear();
        }
        let f = self.fields;
        for (report, facts) in reports {
            let meta = &report.meta;
            writer.delete_term(Term::from_field_text(f.report, &meta.id));
            let mut keys = region::keys(&meta.region);
            keys.extend(region::pinyin_key(&meta.region));
            for p in &report.paragraphs {
                let mut doc = TantivyDocument::default();
                doc.add_text(f.report, &meta.id);
                doc.add_u64(f.position, p.position as u64);
                for key in &keys {
                    doc.add_text(f.region, key);
                }
                for year in [meta.years.execution, meta.years.draft].into_iter().flatten() {
                    doc.add_u64(f.year, u64::from(year));
                }
                doc.add_text(f.kind, &meta.kind);
                doc.add_text(f.section, p.section.join(" "));
                doc.add_text(f.text, &p.text);
                writer.add_document(doc)?;
            }
            self.catalog.facts.insert(meta.id.clone(), facts);
            self.catalog.reports.insert(meta.id.clone(), report);
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        self.catalog.save(&self.dir)?;
        self.reader.reload()?;
        Ok(())
    }

    /// Reads the report id and paragraph position of a stored document.
    pub(crate) fn locate(&self, doc: &TantivyDocument) -> Option<(String, usize)> {
        let report = doc.get_first(self.fields.report)?.as_str()?.to_string();
        let position = doc.get_first(self.fields.position)?.as_u64()? as usize;
        Some((report, position))
    }
}
