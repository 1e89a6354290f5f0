//! Stage: decoding. Input: the bytes of a file. Output: its text, or the reason
//! it is not a readable report. UTF-8 (with or without BOM), UTF-16 with BOM and
//! GBK/GB18030 are read; binary files and other encodings are refused.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

/// Why a file is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    Binary,
    Encoding,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unreadable::Empty => "the file is empty",
            Unreadable::Binary => "the file is binary, not text, PDF or HTML",
            Unreadable::Encoding => "the text is neither UTF-8 nor GBK; convert it to UTF-8",
        })
    }
}

/// Decodes a report file's bytes.
pub fn decode(bytes: &[u8]) -> Result<String, Unreadable> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Unreadable::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return UTF_16LE
            .decode_without_bom_handling_and_without_replacement(rest)
            .map(|s| s.into_owned())
            .ok_or(Unreadable::Encoding);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return UTF_16BE
            .decode_without_bom_handling_and_without_replacement(rest)
            .map(|s| s.into_owned())
            .ok_or(Unreadable::Encoding);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(Unreadable::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let text = GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(Unreadable::Encoding)?;
    // Control characters other than line breaks mean it was not GBK text either.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 100 > text.chars().count() {
        return Err(Unreadable::Binary);
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bom_and_gbk() {
        assert_eq!(decode("\u{feff}预算".as_bytes()).unwrap(), "预算");
        let (gbk, _, _) = GB18030.encode("西工区2023年预算");
        assert_eq!(decode(&gbk).unwrap(), "西工区2023年预算");
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b"\x00\x01\x02PK"), Err(Unreadable::Binary));
        assert_eq!(decode(b"  \n"), Err(Unreadable::Empty));
    }
}
