//! Stage: ingest. Input: report files and folders. Output: [`Report`]s with
//! cleaned paragraphs, section paths and metadata, plus the files that could not
//! be read and why.
//!
//! A file goes through [`decode`] (bytes to text), [`header`] (the optional
//! `key: value` block), [`clean`] (one normalisation pass), [`structure`]
//! (sections and paragraphs) and [`metadata`] (title, region, years, kind, date).

pub mod clean;
pub mod decode;
pub mod header;
pub mod metadata;
pub mod structure;

use std::path::{Path, PathBuf};

use pinyin::ToPinyin;

use crate::error::{Error, Result};
use crate::model::{Report, ReportMeta};

/// A file that was not ingested, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Lists the `.txt` files under `paths` (files as given, folders recursively), sorted.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            files.push(path);
        }
    }
    Ok(())
}

/// A stable readable id from a file name: `00_luoyang-xigong_2023.txt` →
/// `luoyang-xigong-2023`; Chinese names become pinyin.
pub fn report_id(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['_', '-', ' ']);
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if let Some(p) = c.to_pinyin() {
            if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
            id.push_str(p.plain());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "report".to_string()
    } else {
        id
    }
}

/// Reads one report file.
pub fn read_report(path: &Path) -> std::result::Result<Report, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let text = decode::decode(&bytes).map_err(|e| e.to_string())?;
    parse_report(&text, path)
}

/// Builds a report from decoded text.
pub fn parse_report(text: &str, path: &Path) -> std::result::Result<Report, String> {
    let (header, body) = header::split_header(text);
    let header = header.unwrap_or_default();
    let lines = clean::clean(body);
    let paragraphs = structure::paragraphs(&lines);
    if paragraphs.is_empty() {
        return Err("no paragraphs of text found".to_string());
    }
    let inferred = metadata::infer(&lines);
    let years = match header.years {
        Some(y) if y.execution.is_some() || y.draft.is_some() => y,
        _ => inferred.years,
    };
    let title = header.title.or(inferred.title).unwrap_or_else(|| {
        let region = header.region.clone().or(inferred.region.clone()).unwrap_or_default();
        let year = years
            .execution
            .or(years.draft)
            .map(|y| format!("{y}年"))
            .unwrap_or_default();
        format!(
            "{}{year}{}",
            crate::region::short_name(&region),
            if inferred.kind == "other" {
                "财政报告"
            } else {
                &inferred.kind
            }
        )
    });
    let kind = match header.kind {
        Some(k) if k != "other" => k,
        _ => {
            if inferred.kind == "other" {
                metadata::kind_of(&title)
            } else {
                inferred.kind
            }
        }
    };
    let meta = ReportMeta {
        id: report_id(path),
        title,
        region: header.region.or(inferred.region).unwrap_or_default(),
        years,
        kind,
        date: header.date.or(inferred.date),
        source: header.source,
        complete: header.complete,
        path: path.display().to_string(),
    };
    Ok(Report { meta, paragraphs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_readable() {
        assert_eq!(
            report_id(Path::new("corpora/00_luoyang-xigong_2023.txt")),
            "luoyang-xigong-2023"
        );
        assert_eq!(report_id(Path::new("西工区 2023.txt")), "xi-gong-qu-2023");
    }
}
