//! A report and its metadata.

use serde::{Deserialize, Serialize};

use super::Paragraph;

/// The years a report covers: the year whose execution (or final accounts) it
/// reports, and the year whose draft budget it proposes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Years {
    pub execution: Option<u16>,
    pub draft: Option<u16>,
}

impl Years {
    /// Parses `2023/2024`, `2022/-`, `-/2023` or a single `2023`.
    pub fn parse(text: &str) -> Years {
        let year = |s: &str| s.trim().parse::<u16>().ok().filter(|y| (1949..=2100).contains(y));
        match text.split_once('/') {
            Some((a, b)) => Years {
                execution: year(a),
                draft: year(b),
            },
            None => Years {
                execution: year(text),
                draft: None,
            },
        }
    }

    /// True when `year` is one of the two.
    pub fn covers(&self, year: u16) -> bool {
        self.execution == Some(year) || self.draft == Some(year)
    }
}

impl std::fmt::Display for Years {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |y: Option<u16>| y.map_or_else(|| "-".to_string(), |y| y.to_string());
        write!(f, "{}/{}", show(self.execution), show(self.draft))
    }
}

/// What is known about a report: from its header block, else inferred from the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportMeta {
    /// Stable readable slug, e.g. `xigong-2023`.
    pub id: String,
    pub title: String,
    /// Region as written, from the widest form known (e.g. 河南省洛阳市西工区).
    pub region: String,
    pub years: Years,
    /// 预算报告, 决算报告, 预算调整, 审查结果, 债务情况, 上半年执行, 预算说明 or other.
    pub kind: String,
    /// Meeting date as `YYYY-MM-DD`, when the report names one.
    pub date: Option<String>,
    pub source: Option<String>,
    pub complete: Option<String>,
    /// The file it was read from.
    pub path: String,
    /// Checksum of the file's bytes (FNV-1a, hex), to store a copy once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// A cleaned report: metadata and paragraphs in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub meta: ReportMeta,
    pub paragraphs: Vec<Paragraph>,
}
