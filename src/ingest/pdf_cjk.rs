//! Stage: PDF reading, second way. Input: the bytes of a PDF that `pdf-extract`
//! could not read. Output: the text of each page, one line per text line.
//!
//! `pdf-extract` gives up on CJK fonts that are not embedded and carry no
//! ToUnicode map but name a predefined CMap (`GBK-EUC-H`, `UniGB-UCS2-H`),
//! which Chinese official-document typesetting and iText/reportlab produce.
//! Such strings are GBK or UTF-16BE bytes: decoded here directly, other fonts
//! through lopdf's own decoding. Lines come from the text positioning
//! operators (a new baseline starts a line, a move along it or a wide `TJ` gap
//! puts a space).

use std::collections::HashMap;

use encoding_rs::{GBK, UTF_16BE};
use pdf_extract::{Dictionary, Document, Encoding, Object};

/// How a font's strings become text.
enum Decoder<'a> {
    Gbk,
    Utf16,
    Lopdf(Encoding<'a>),
    Unknown,
}

const GBK_CMAPS: &[&str] = &["GBK-EUC", "GBpc-EUC", "GB-EUC", "GBT-EUC", "GBK2K", "GBKp-EUC"];
const UTF16_CMAPS: &[&str] = &["UniGB-UCS2", "UniGB-UTF16"];
/// A `TJ` gap wider than this (thousandths of an em) is a space.
const TJ_SPACE: f32 = 250.0;

impl<'a> Decoder<'a> {
    fn of(font: &'a Dictionary, doc: &'a Document) -> Decoder<'a> {
        let cmap = font
            .get(b"Encoding")
            .ok()
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        if !font.has(b"ToUnicode") {
            if GBK_CMAPS.iter().any(|c| cmap.starts_with(c)) {
                return Decoder::Gbk;
            }
            if UTF16_CMAPS.iter().any(|c| cmap.starts_with(c)) {
                return Decoder::Utf16;
            }
        }
        font.get_font_encoding(doc).map_or(Decoder::Unknown, Decoder::Lopdf)
    }

    fn decode(&self, bytes: &[u8]) -> String {
        match self {
            Decoder::Gbk => GBK.decode_without_bom_handling(bytes).0.into_owned(),
            Decoder::Utf16 => UTF_16BE.decode_without_bom_handling(bytes).0.into_owned(),
            Decoder::Lopdf(encoding) => Document::decode_text(encoding, bytes).unwrap_or_default(),
            Decoder::Unknown => String::new(),
        }
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// The text state of a page while its operators are read.
#[derive(Default)]
struct Page {
    text: String,
    y: f32,
    leading: f32,
    shown_y: Option<f32>,
    moved: bool,
}

impl Page {
    fn show(&mut self, text: &str) {
        match self.shown_y {
            Some(y) if (y - self.y).abs() > 1.0 => self.text.push('\n'),
            Some(_) if self.moved => self.text.push(' '),
            _ => {}
        }
        self.shown_y = Some(self.y);
        self.moved = false;
        self.text.push_str(text);
    }

    fn next_line(&mut self) {
        self.y -= self.leading;
        self.moved = true;
    }
}

/// Reads the text of every page.
pub fn read_text(bytes: &[u8]) -> Result<Vec<String>, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    for page_id in doc.get_pages().into_values() {
        let fonts = doc.get_page_fonts(page_id).unwrap_or_default();
        let decoders: HashMap<&[u8], Decoder> = fonts
            .iter()
            .map(|(name, font)| (name.as_slice(), Decoder::of(font, &doc)))
            .collect();
        let content = doc.get_and_decode_page_content(page_id).map_err(|e| e.to_string())?;
        let mut page = Page::default();
        let mut font: Option<&Decoder> = None;
        for op in &content.operations {
            let nums: Vec<f32> = op.operands.iter().filter_map(number).collect();
            match op.operator.as_str() {
                "BT" => page.y = 0.0,
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| decoders.get(name))
                }
                "TL" => page.leading = nums.first().copied().unwrap_or(0.0),
                "Td" | "TD" => {
                    if let [_, ty] = nums.as_slice() {
                        page.y += ty;
                        if op.operator == "TD" {
                            page.leading = -ty;
                        }
                    }
                    page.moved = true;
                }
                "Tm" => {
                    if let Some(f) = nums.get(5) {
                        page.y = *f;
                    }
                    page.moved = true;
                }
                "T*" => page.next_line(),
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        page.next_line();
                    }
                    if let (Some(decoder), Some(Object::String(s, _))) = (font, op.operands.last()) {
                        page.show(&decoder.decode(s));
                    }
                }
                "TJ" => {
                    let (Some(decoder), Some(Object::Array(items))) = (font, op.operands.first()) else {
                        continue;
                    };
                    let mut shown = String::new();
                    for item in items {
                        match item {
                            Object::String(s, _) => shown.push_str(&decoder.decode(s)),
                            other if number(other).is_some_and(|n| n < -TJ_SPACE) => shown.push(' '),
                            _ => {}
                        }
                    }
                    page.show(&shown);
                }
                _ => {}
            }
        }
        pages.push(page.text);
    }
    Ok(pages)
}
