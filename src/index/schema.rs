//! The tantivy schema of the store. One index holds four kinds of document,
//! told apart by `doc_type`: a report (its metadata), a paragraph (text and
//! section path segmented by jieba), a fact (its serde JSON in `blob`, so new
//! fields of [`crate::model::Fact`] need no schema change; its sentence is kept
//! as a byte range of its paragraph's text, see `sentence`) and the vocabulary
//! of one ingest (see `text_bigrams`).
//! Filters are exact-match fields: report id and years on every document;
//! region keys (every level, short form and pinyin), the full
//! region name, kind and file digest on report documents only (a paragraph or
//! fact is found by region through its report's id, which keeps the index
//! small and ingest fast).
//! The answer-time statistics are tantivy term statistics of two bigram
//! fields (cut by [`super::gram_tokenizer`]), so a query never scans the archive. A
//! paragraph's character pairs and last character (`text_grams`) find the
//! candidates of a quoted phrase wherever it stands, inside any word.

use tantivy::schema::{Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED};

use super::gram_tokenizer;
use super::tokenizer::TOKENIZER_NAME;

/// Name of the region name field (a fast field, read by the region finder).
pub const REGION_NAME: &str = "region_name";

/// `doc_type` of a report document.
pub const REPORT: &str = "report";
/// `doc_type` of a paragraph document.
pub const PARAGRAPH: &str = "paragraph";
/// `doc_type` of a fact document.
pub const FACT: &str = "fact";
/// `doc_type` of the vocabulary document of one ingest.
pub const VOCABULARY: &str = "vocabulary";

/// The fields of the store's documents.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// report, paragraph or fact.
    pub doc_type: Field,
    pub report: Field,
    /// Paragraph position, or a fact's index in its report's fact list (with
    /// `doc_type` and `report`, the key of a document).
    pub position: Field,
    /// Report documents: every form of the region a user may type (lowercase).
    pub region: Field,
    /// Report documents: the region as the report writes it (河南省洛阳市西工区).
    pub region_name: Field,
    /// Report: execution and draft years; paragraph: the report's; fact: its own.
    pub year: Field,
    /// Report documents: the kind of report.
    pub kind: Field,
    /// Content hash of the file a report was read from (name and bytes).
    pub hash: Field,
    /// Report documents: the digest of the file's bytes (to store a copy once).
    pub digest: Field,
    pub section: Field,
    pub text: Field,
    /// Vocabulary documents: the character bigrams of the canonical paragraph
    /// texts of the reports of one ingest (the terms = corpus vocabulary; a
    /// removed report's bigrams stay until a rebuild).
    pub text_bigrams: Field,
    /// Character bigrams of a fact's canonical metric (document frequencies = metric weights).
    pub metric_bigrams: Field,
    /// A paragraph's character pairs and last character, as a quoted phrase is matched (see `search::grams`).
    pub text_grams: Field,
    /// JSON of the ReportMeta, Paragraph or Fact.
    pub blob: Field,
    /// Fact documents: the byte range of the fact's sentence in its paragraph's
    /// text ([`pack_range`]); the blob's sentence is then left empty (stored once, with the paragraph).
    pub sentence: Field,
}

/// A byte range in one number (start in the high half).
pub fn pack_range((start, end): (usize, usize)) -> u64 {
    ((start as u64) << 32) | (end as u64 & 0xffff_ffff)
}

/// The byte range [`pack_range`]d in `packed`.
pub fn unpack_range(packed: u64) -> (usize, usize) {
    ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize)
}

impl Fields {
    /// Builds the schema and its fields.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let jieba = TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            // Term frequencies for scoring; no positions (no query reads them, and they cost ingest time and space).
            .set_index_option(IndexRecordOption::WithFreqs);
        // One value per text: the gram tokenizers cut the grams while tantivy indexes it.
        let grams = |tokenizer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::Basic)
                    .set_fieldnorms(false),
            )
        };
        // Exact-match filters: one raw term per value, no field norms (they would
        // only weigh one-term fields, all alike).
        let exact = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        let fields = Fields {
            doc_type: b.add_text_field("doc_type", exact.clone()),
            report: b.add_text_field("report", exact.clone().set_stored()),
            position: b.add_u64_field("position", NumericOptions::default().set_stored().set_indexed()),
            region: b.add_text_field("region", exact.clone()),
            region_name: b.add_text_field(REGION_NAME, exact.clone().set_fast("raw")),
            year: b.add_u64_field("year", NumericOptions::default().set_indexed()),
            kind: b.add_text_field("kind", exact.clone()),
            hash: b.add_text_field("hash", exact.clone()),
            digest: b.add_text_field("digest", exact.clone()),
            section: b.add_text_field("section", TextOptions::default().set_indexing_options(jieba.clone())),
            text: b.add_text_field("text", TextOptions::default().set_indexing_options(jieba)),
            text_bigrams: b.add_text_field("text_bigrams", grams(gram_tokenizer::BIGRAMS)),
            metric_bigrams: b.add_text_field("metric_bigrams", grams(gram_tokenizer::BIGRAMS)),
            text_grams: b.add_text_field("text_grams", grams(gram_tokenizer::PHRASE_GRAMS)),
            blob: b.add_text_field("blob", STORED),
            sentence: b.add_u64_field("sentence", NumericOptions::default().set_stored()),
        };
        (b.build(), fields)
    }

    /// The fields of an existing schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            doc_type: f("doc_type")?,
            report: f("report")?,
            position: f("position")?,
            region: f("region")?,
            region_name: f(REGION_NAME)?,
            year: f("year")?,
            kind: f("kind")?,
            hash: f("hash")?,
            digest: f("digest")?,
            section: f("section")?,
            text: f("text")?,
            text_bigrams: f("text_bigrams")?,
            metric_bigrams: f("metric_bigrams")?,
            text_grams: f("text_grams")?,
            blob: f("blob")?,
            sentence: f("sentence")?,
        })
    }
}
