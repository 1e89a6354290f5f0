//! Stage: file-type sniffing. Input: a file's first bytes and its name.
//! Output: what the file is, by its content (a `.txt` holding a PDF is a PDF),
//! with the extension used only to tell HTML fragments from text.

use std::path::Path;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Pdf,
    Html,
    /// Anything else, named (e.g. "a Word document (.docx)").
    Other(&'static str),
}

const MAGIC: &[(&[u8], &str)] = &[
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Office document (.doc/.xls/.ppt)",
    ),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7z archive"),
    (b"\x7FELF", "a program"),
    (b"MZ", "a program"),
    (b"{\\rtf", "an RTF document"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
];

/// Sniffs a file's kind from its first bytes (at least 4 KiB when the file is that long).
pub fn sniff(head: &[u8], path: &Path) -> FileKind {
    if head.len() >= 5 && head[..head.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return FileKind::Pdf;
    }
    if let Some(rest) = head.strip_prefix(b"PK\x03\x04") {
        let has = |needle: &[u8]| rest.windows(needle.len()).any(|w| w == needle);
        return FileKind::Other(if has(b"word/") {
            "a Word document (.docx)"
        } else if has(b"xl/") {
            "an Excel workbook (.xlsx)"
        } else if has(b"ppt/") {
            "a PowerPoint file (.pptx)"
        } else if has(b"mimetypeapplication/vnd.oasis") {
            "an OpenDocument file (.odt/.ods)"
        } else {
            "a zip archive"
        });
    }
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return FileKind::Other(name);
    }
    if looks_like_html(head, path) {
        return FileKind::Html;
    }
    FileKind::Text
}

fn looks_like_html(head: &[u8], path: &Path) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let lower: Vec<u8> = head[start..head.len().min(start + 1024)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return true;
    }
    let html_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["html", "htm", "shtml", "xhtml"].contains(&e.to_ascii_lowercase().as_str()));
    lower.starts_with(b"<") && (html_name || has(b"<html") || has(b"<head") || has(b"<body") || has(b"<meta"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_content_not_name() {
        let txt = Path::new("a.txt");
        assert_eq!(sniff(b"%PDF-1.7\n...", txt), FileKind::Pdf);
        assert_eq!(sniff(b"\n<!DOCTYPE HTML>\n<html>", txt), FileKind::Html);
        assert_eq!(sniff("关于西工区".as_bytes(), txt), FileKind::Text);
        assert_eq!(
            sniff(b"PK\x03\x04\x14\0\0\0word/document.xml", Path::new("a.docx")),
            FileKind::Other("a Word document (.docx)")
        );
        assert_eq!(sniff(b"<p>x</p>", Path::new("a.htm")), FileKind::Html);
        assert_eq!(sniff(b"<p>x</p>", txt), FileKind::Text);
    }
}
