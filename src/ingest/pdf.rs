//! Stage: PDF reading. Input: the bytes of a PDF file. Output: the text of its
//! text layer in reading order (one line per line of the page, table rows on
//! one line with their cells apart), left raw for [`super::clean`]; or the
//! reason it cannot be read.
//!
//! The text comes from `pdf-extract`; when it fails (it panics on CJK fonts
//! that are not embedded), from [`super::pdf_cjk`]. PDF libraries panic, loop or recurse
//! deeply on odd files, so extraction runs on its own thread with a large
//! stack, a caught panic (reported as a reason, not printed) and a time limit;
//! a file past the limit is reported and left behind. A PDF without a text
//! layer but with images is a scan: reported as such, not stored.

use std::sync::mpsc;
use std::sync::Once;
use std::time::Duration;

/// How long one PDF may take: a base plus a share per megabyte.
fn time_limit(bytes: usize) -> Duration {
    Duration::from_secs(30 + (bytes / 1_000_000) as u64 * 2)
}

/// Name of the extraction threads (their panics are reported, not printed).
const THREAD_NAME: &str = "budgetq-pdf";
/// Stack of an extraction thread: deep nesting in a crafted file recurses.
const STACK: usize = 256 * 1024 * 1024;
/// Fewer visible characters than this per page means no text layer.
const MIN_CHARS_PER_PAGE: usize = 20;

/// Why a PDF is not read.
pub const SCANNED: &str = "scanned PDF, no text layer (OCR it first)";

/// Keeps panics of extraction threads off stderr; others go to the previous hook.
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD_NAME) {
                previous(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".to_string())
}

/// Reads the text layer of a PDF.
pub fn read_pdf(bytes: &[u8]) -> Result<String, String> {
    quiet_panics();
    let limit = time_limit(bytes.len());
    let owned = bytes.to_vec();
    let (send, receive) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.to_string())
        .stack_size(STACK)
        .spawn(move || {
            let result = match std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(&owned)) {
                Ok(Ok(pages)) => Ok(Ok(pages)),
                first => match std::panic::catch_unwind(|| super::pdf_cjk::read_text(&owned)) {
                    Ok(Ok(pages)) => Ok(Ok(pages)),
                    // Report why the main reader failed, not the second one.
                    _ => first.map(|r| r.map_err(|e| e.to_string())),
                },
            };
            // The receiver may have given up waiting; nothing to do then.
            let _ = send.send(result);
        })
        .map_err(|e| format!("cannot start the PDF reader: {e}"))?;
    let pages = match receive.recv_timeout(limit) {
        Ok(Ok(Ok(pages))) => pages,
        Ok(Ok(Err(e))) => return Err(format!("PDF could not be read: {e}")),
        Ok(Err(payload)) => {
            return Err(format!(
                "PDF could not be read (the PDF library failed: {})",
                panic_message(payload.as_ref())
            ))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            // The thread is left to finish on its own; its result is dropped.
            drop(spawned);
            return Err(format!("PDF could not be read within {} s", limit.as_secs()));
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => return Err("PDF could not be read".to_string()),
    };
    let _ = spawned.join();
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
