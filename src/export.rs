//! Stage: output. Input: search hits, reports, facts and comparisons.
//! Output: the JSON documents of the CLI's `--json` and the web API (one
//! contract for both), and the CSV of `compare --csv` and the web download.

use serde_json::{json, Value};

use crate::compare::Comparison;
use crate::index::Hit;
use crate::model::{Fact, Report, ReportMeta};

/// `{"hits": [...]}`.
pub fn hits_json(hits: &[Hit]) -> Value {
    json!({ "hits": hits })
}

/// `{"reports": [...]}`.
pub fn reports_json(reports: &[ReportMeta]) -> Value {
    json!({ "reports": reports })
}

/// A fact as JSON shows it: its stable id and its total's id beside its fields.
#[derive(serde::Serialize)]
pub struct ListedFact<'a> {
    pub id: String,
    pub parent_id: Option<String>,
    #[serde(flatten)]
    pub fact: &'a Fact,
}

fn listed(facts: &[Fact]) -> Vec<ListedFact<'_>> {
    facts
        .iter()
        .map(|f| ListedFact {
            id: f.id(),
            parent_id: f.parent_id(),
            fact: f,
        })
        .collect()
}

/// `{"facts": [...]}`, each with its `id` and `parent_id`.
pub fn facts_json(facts: &[Fact]) -> Value {
    json!({ "facts": listed(facts) })
}

/// One report: `{"report": meta, "paragraphs": [...], "facts": [...]}`.
pub fn report_json(report: &Report, facts: &[Fact]) -> Value {
    json!({ "report": report.meta, "paragraphs": report.paragraphs, "facts": listed(facts) })
}

/// Quotes a CSV field when it needs it.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A comparison as CSV, opening with a BOM so that spreadsheet programs read
/// the Chinese text as UTF-8.
pub fn comparison_csv(c: &Comparison) -> String {
    let unit = c.unit.clone().unwrap_or_default();
    let mut out = String::from("\u{feff}");
    out.push_str(&format!(
        "region,year,phase,value_{unit},value,unit,metric,report,sentence\n"
    ));
    for r in &c.rows {
        let row = [
            r.region.clone(),
            r.year.to_string(),
            r.phase.clone(),
            r.normalized.map(|v| v.to_string()).unwrap_or_default(),
            r.value.clone(),
            r.unit.clone(),
            r.metric.clone(),
            r.report.clone(),
            r.sentence.clone(),
        ];
        out.push_str(&row.iter().map(|s| csv_field(s)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn comparison_csv_has_bom_header_and_rows() {
        let c = Comparison {
            metric: "一般公共预算收入".into(),
            unit: Some("亿元".into()),
            rows: vec![crate::compare::Row {
                region: "西工区".into(),
                year: 2023,
                value: "1,2".into(),
                unit: "亿元".into(),
                normalized: None,
                phase: "执行".into(),
                metric: "一般公共预算收入".into(),
                report: "x".into(),
                sentence: "s".into(),
            }],
            missing: vec![],
            phases: vec!["执行".into()],
            reason: None,
            closest: vec![],
        };
        let csv = comparison_csv(&c);
        assert!(csv.starts_with("\u{feff}region,year,phase,value_亿元,"));
        assert!(csv.contains("西工区,2023,执行,,\"1,2\",亿元,"));
    }
}
