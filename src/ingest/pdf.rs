//! Stage: PDF reading. Input: the bytes of a PDF file. Output: the text of its
//! text layer in reading order (one line per line of the page, table rows on
//! one line with their cells apart), left raw for [`super::clean`]; or the
//! reason it cannot be read.
//!
//! The text comes from `pdf-extract`; when it fails (it panics on CJK fonts
//! that are not embedded), from [`super::pdf_cjk`]. PDF libraries panic, loop
//! or recurse deeply on odd files, so both run under [`super::guard`]: a panic
//! or a file past the time limit becomes the reason it is skipped. A PDF
//! without a text layer but with images is a scan: reported as such, not stored.

use super::guard;

/// Fewer visible characters than this per page means no text layer.
const MIN_CHARS_PER_PAGE: usize = 20;

/// Why a PDF is not read.
pub const SCANNED: &str = "scanned PDF, no text layer (OCR it first)";

/// Reads the text layer of a PDF.
pub fn read_pdf(bytes: &[u8]) -> Result<String, String> {
    let owned = bytes.to_vec();
    let read = guard::run(guard::time_limit(bytes.len()), move || {
        match std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(&owned)) {
            Ok(Ok(pages)) => Ok(pages),
            first => match std::panic::catch_unwind(|| super::pdf_cjk::read_text(&owned)) {
                Ok(Ok(pages)) => Ok(pages),
                // Report why the main reader failed, not the second one.
                _ => match first {
                    Ok(Err(e)) => Err(e.to_string()),
                    Ok(Ok(_)) | Err(_) => Err("the PDF library failed on this file".to_string()),
                },
            },
        }
    });
    let pages = match read {
        Ok(Ok(pages)) => pages,
        Ok(Err(reason)) => return Err(format!("PDF could not be read: {reason}")),
        Err(failure) => return Err(format!("PDF could not be read ({failure})")),
    };
    let visible = |page: &String| page.chars().filter(|c| !c.is_whitespace()).count();
    let chars: usize = pages.iter().map(visible).sum();
    if pages.is_empty() || chars < MIN_CHARS_PER_PAGE * pages.len().min(3) {
        return Err(if has_images(bytes) {
            SCANNED.to_string()
        } else {
            "the PDF holds no text".to_string()
        });
    }
    let garbled = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| *c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(c))
        .count();
    if garbled * 10 > chars {
        return Err("PDF text is garbled (fonts without a text mapping); OCR it or copy its text".to_string());
    }
    Ok(pages.join("\n"))
}

/// True when the file holds an image XObject (image streams are never inside object streams).
fn has_images(bytes: &[u8]) -> bool {
    [b"/Subtype/Image".as_slice(), b"/Subtype /Image".as_slice()]
        .iter()
        .any(|needle| bytes.windows(needle.len()).any(|w| w == *needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_a_reason_not_a_panic() {
        assert!(read_pdf(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF").is_err());
        assert!(read_pdf(b"%PDF-").is_err());
    }

    #[test]
    fn images_are_found() {
        assert!(has_images(b"<< /Type /XObject /Subtype /Image /Width 2 >>"));
        assert!(!has_images(b"<< /Type /Font >>"));
    }
}
