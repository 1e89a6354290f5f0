//! The catalog beside the tantivy index: every report with its paragraphs and
//! facts, and the schema version that wrote them. Written atomically (temp
//! file, then rename) so an interrupted ingest never leaves half a catalog.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Fact, Report};

/// Bump when the index layout, the tokenizer or the fact format changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Reports and facts by report id.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Catalog {
    pub schema_version: u32,
    pub reports: BTreeMap<String, Report>,
    pub facts: BTreeMap<String, Vec<Fact>>,
}

impl Catalog {
    /// The catalog file of an index folder.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join("catalog.json")
    }

    /// Reads the catalog of `dir`; `None` when there is none yet.
    pub fn load(dir: &Path) -> Result<Option<Catalog>> {
        let path = Catalog::path(dir);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(path, e)),
        };
        #[derive(Deserialize)]
        struct Version {
            schema_version: u32,
        }
        let version: Version = serde_json::from_slice(&bytes).map_err(|e| Error::Catalog {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if version.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: version.schema_version,
                wanted: SCHEMA_VERSION,
            });
        }
        serde_json::from_slice(&bytes).map(Some).map_err(|e| Error::Catalog {
            path,
            message: e.to_string(),
        })
    }

    /// Writes the catalog atomically.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = Catalog::path(dir);
        let tmp = dir.join("catalog.json.tmp");
        let bytes = serde_json::to_vec(self).map_err(|e| Error::Catalog {
            path: path.clone(),
            message: e.to_string(),
        })?;
        std::fs::write(&tmp, bytes).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))
    }
}
