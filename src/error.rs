//! Errors of the library: one enum, each variant saying what went wrong and,
//! where a user can act, what to do.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can fail in budgetq.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    /// (`error` is not a `source`: the message holds it, and a chain would say it twice.)
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
    /// tantivy failed. (Not a `source` either, so the message is printed once.)
    #[error("index: {0}")]
    Tantivy(tantivy::TantivyError),
    /// The catalog beside the index is not readable.
    #[error("catalog {}: {message}", path.display())]
    Catalog { path: PathBuf, message: String },
    /// The index was written by another schema version.
    #[error(
        "the index at {} was built by another version of budgetq (schema {found}, this one needs {wanted}); \
         rebuild it with `budgetq --index {} ingest --rebuild PATH...` (or delete the folder)",
        path.display(),
        path.display()
    )]
    SchemaVersion { path: PathBuf, found: u32, wanted: u32 },
    /// The index holds no reports and there is no corpus to build it from.
    #[error(
        "the index at {} holds no reports; add some with `budgetq --index {} ingest PATH...`",
        path.display(),
        path.display()
    )]
    EmptyIndex { path: PathBuf },
    /// A user argument is invalid.
    #[error("{0}")]
    Invalid(String),
}

impl From<tantivy::TantivyError> for Error {
    fn from(error: tantivy::TantivyError) -> Self {
        Error::Tantivy(error)
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error: source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_errors_are_said_once() {
        let err = Error::from(tantivy::TantivyError::InvalidArgument("bad query".to_string()));
        assert!(std::error::Error::source(&err).is_none());
        assert_eq!(err.to_string().matches("bad query").count(), 1);
    }
}
