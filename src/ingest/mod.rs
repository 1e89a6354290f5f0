//! Stage: ingest. Input: report files and folders. Output: [`Report`]s with
//! cleaned paragraphs, section paths and metadata, plus the files that could not
//! be read and why.
//!
//! [`files`] lists the files under the given paths; [`sniff`] tells what a file
//! holds; [`pdf`] and [`html`] turn PDFs and web pages into text, [`decode`]
//! reads text files; then the text goes through [`header`] (the optional
//! `key: value` block), [`clean`] (one normalisation pass), [`structure`]
//! (sections and paragraphs) and [`metadata`] (title, region, years, kind, date).
//! [`naming`] gives each report a unique id and spots identical content.

pub mod clean;
pub mod decode;
pub mod files;
pub mod guard;
pub mod header;
pub mod html;
pub mod metadata;
pub mod naming;
pub mod pdf;
pub mod pdf_cjk;
pub mod sniff;
pub mod structure;

use std::path::Path;

pub use files::{collect_files, Collected, Skipped};
pub use naming::{report_id, Naming, Placement, Stored};
use sniff::FileKind;

use crate::model::{Report, ReportMeta};

/// How many bytes [`sniff`] looks at.
const SNIFF_BYTES: usize = 4096;

/// Reads one report file of any supported kind (text, PDF, HTML; by content,
/// not by name); the error is the reason it was not read, in words.
pub fn read_report(path: &Path) -> std::result::Result<Report, String> {
    let bytes = std::fs::read(path).map_err(|e| files::io_reason(&e))?;
    report_from_bytes(bytes, path)
}

/// [`read_report`] of a file's bytes, read already.
pub fn report_from_bytes(bytes: Vec<u8>, path: &Path) -> std::result::Result<Report, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(decode::Unreadable::Empty.to_string());
    }
    let digest = naming::digest(&bytes);
    let mut report = read_bytes(bytes, path)?;
    report.meta.digest = Some(digest);
    Ok(report)
}

/// Reads a report from a file's bytes, by what they hold.
fn read_bytes(bytes: Vec<u8>, path: &Path) -> std::result::Result<Report, String> {
    match sniff::sniff(&bytes[..bytes.len().min(SNIFF_BYTES)], path) {
        FileKind::Pdf => parse_report(&pdf::read_pdf(&bytes)?, path),
        FileKind::Html => {
            let limit = guard::time_limit(bytes.len());
            let page = guard::run(limit, move || html::page_text(&html::decode_html(&bytes)))
                .map_err(|failure| format!("the web page could not be read ({failure})"))?;
            let mut report = parse_report(&page.text, path)?;
            if report.meta.date.is_none() {
                report.meta.date = page.published;
            }
            Ok(report)
        }
        FileKind::Other(what) => Err(format!("{what}, not a report (save it as PDF, HTML or text)")),
        FileKind::Text => {
            let text = decode::decode(&bytes).map_err(|e| e.to_string())?;
            drop(bytes);
            parse_report(&text, path)
        }
    }
}

/// Builds a report from decoded text.
pub fn parse_report(text: &str, path: &Path) -> std::result::Result<Report, String> {
    let (header, body) = header::split_header(text);
    let header = header.unwrap_or_default();
    if let Some(problem) = header.problems.first() {
        return Err(format!("header block: {problem}"));
    }
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
        id: String::new(),
        title,
        region: header.region.or(inferred.region).unwrap_or_default(),
        years,
        kind,
        date: header.date.or(inferred.date),
        source: header.source,
        complete: header.complete,
        path: path.display().to_string(),
        digest: None,
    };
    let id = report_id(&meta, path);
    Ok(Report {
        meta: ReportMeta { id, ..meta },
        paragraphs,
    })
}
