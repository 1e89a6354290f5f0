//! Stage: collecting files. Input: the files and folders a user named. Output:
//! the files to read (folders walked recursively, each file once however it was
//! named) and the paths that could not be walked, with the reason: missing
//! paths, unreadable folders, symbolic-link loops.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// A file that was not ingested, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// The outcome of collecting files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collected {
    /// Files to read, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked.
    pub skipped: Vec<Skipped>,
}

/// An I/O error in words, without the OS error number.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

/// True for files skipped silently inside folders: hidden files (`.DS_Store`, editor backups).
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

/// Lists the files under `paths`: files as given, folders recursively
/// (following symbolic links, loops reported), hidden files left out.
pub fn collect_files(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    let mut seen = HashSet::new();
    let mut add = |path: PathBuf, out: &mut Collected| {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            out.files.push(path);
        }
    };
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => out.skipped.push(Skipped {
                path: path.clone(),
                reason: io_reason(&e),
            }),
            Ok(meta) if !meta.is_dir() => add(path.clone(), &mut out),
            Ok(_) => {
                let walker = WalkDir::new(path).follow_links(true).sort_by_file_name();
                for entry in walker {
                    match entry {
                        Ok(entry) if entry.file_type().is_dir() || is_hidden(entry.path()) => {}
                        Ok(entry) => add(entry.into_path(), &mut out),
                        Err(e) => {
                            let at = e.path().unwrap_or(path).to_path_buf();
                            let reason = match (e.loop_ancestor(), e.io_error()) {
                                (Some(ancestor), _) => {
                                    format!("symbolic link loop (back to {})", ancestor.display())
                                }
                                (None, Some(io)) => io_reason(io),
                                (None, None) => e.to_string(),
                            };
                            out.skipped.push(Skipped { path: at, reason });
                        }
                    }
                }
            }
        }
    }
    out.files.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_paths_are_skipped_and_files_counted_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let twice = dir.path().join(".").join("a.txt");
        let got = collect_files(&[
            file.clone(),
            twice,
            dir.path().to_path_buf(),
            dir.path().join("missing"),
        ]);
        assert_eq!(got.files, vec![file]);
        assert_eq!(got.skipped.len(), 1);
        assert_eq!(got.skipped[0].reason, "no such file or folder");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("s1")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("s2")).unwrap();
        let got = collect_files(&[dir.path().to_path_buf()]);
        assert_eq!(got.files.len(), 1);
        assert_eq!(got.skipped.len(), 2);
        assert!(got.skipped[0].reason.starts_with("symbolic link loop"));
    }
}
