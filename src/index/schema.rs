//! The tantivy schema of paragraphs: text and section path segmented by jieba,
//! report id, region keys (every short form and pinyin), years and kind as
//! exact-match filters.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};

use super::tokenizer::TOKENIZER_NAME;

/// The fields of a paragraph document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub report: Field,
    pub position: Field,
    pub region: Field,
    pub year: Field,
    pub kind: Field,
    pub section: Field,
    pub text: Field,
}

impl Fields {
    /// Builds the schema and its fields.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let jieba = TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let fields = Fields {
            report: b.add_text_field("report", STRING | STORED),
            position: b.add_u64_field("position", NumericOptions::default().set_stored()),
            region: b.add_text_field("region", STRING),
            year: b.add_u64_field("year", NumericOptions::default().set_indexed()),
            kind: b.add_text_field("kind", STRING),
            section: b.add_text_field("section", TextOptions::default().set_indexing_options(jieba.clone())),
            text: b.add_text_field("text", TextOptions::default().set_indexing_options(jieba)),
        };
        (b.build(), fields)
    }

    /// The fields of an existing schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        Ok(Fields {
            report: schema.get_field("report")?,
            position: schema.get_field("position")?,
            region: schema.get_field("region")?,
            year: schema.get_field("year")?,
            kind: schema.get_field("kind")?,
            section: schema.get_field("section")?,
            text: schema.get_field("text")?,
        })
    }
}
