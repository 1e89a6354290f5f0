//! A numeric fact: a value with its unit and what it measures.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What kind of quantity a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// 元, 千元, 万元, 亿元, 万亿元.
    Money,
    /// %.
    Percent,
    /// 个百分点.
    Points,
    /// 倍.
    Multiple,
    /// A count with its measure word (个, 项, 家 …).
    Count,
}

/// The budget phase a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    /// 年初预算: the budget the congress approved at the start of the year.
    #[serde(rename = "年初预算")]
    Initial,
    /// 调整预算.
    #[serde(rename = "调整预算")]
    Adjusted,
    /// 执行: actual execution, 完成.
    #[serde(rename = "执行")]
    Actual,
    /// 预计执行: expected execution reported before the year closes.
    #[serde(rename = "预计执行")]
    Expected,
    /// 决算: final accounts.
    #[serde(rename = "决算")]
    Final,
    /// 预算草案: the next year's draft budget.
    #[serde(rename = "预算草案")]
    Draft,
    /// Nothing in the text says.
    #[serde(rename = "未注明")]
    Unknown,
}

impl Phase {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Initial => "年初预算",
            Phase::Adjusted => "调整预算",
            Phase::Actual => "执行",
            Phase::Expected => "预计执行",
            Phase::Final => "决算",
            Phase::Draft => "预算草案",
            Phase::Unknown => "未注明",
        }
    }
}

/// A value with its unit, what it measures and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Report id.
    pub report: String,
    /// Paragraph position in the report.
    pub paragraph: usize,
    /// The value as a decimal in its own unit (commas removed, sign applied).
    pub value: Decimal,
    /// The number as written in the text (e.g. `1,289,300`).
    pub written: String,
    /// The unit as written (万元, 亿元, %, 个百分点, 倍, 个, 项 …).
    pub unit: String,
    pub kind: ValueKind,
    /// Money only: the value in yuan.
    pub yuan: Option<Decimal>,
    /// 约, 近, 多, 余, 以上 …
    pub approx: bool,
    /// The phrase naming what is measured (e.g. 一般公共预算收入).
    pub metric: String,
    /// The budget it belongs to (一般公共预算, 政府性基金预算, 国有资本经营预算,
    /// 社会保险基金预算), when the text or its section says.
    #[serde(default)]
    pub topic: String,
    pub phase: Phase,
    /// A change or ratio relation: 同比增长, 同比下降, 比上年增加, 完成调整预算, 占比 …; empty for a level.
    pub relation: String,
    pub year: Option<u16>,
    pub region: String,
    /// Byte span of the number (with its unit) in the paragraph text.
    pub span: (usize, usize),
    /// The sentence holding it.
    pub sentence: String,
    /// Index (in the report's fact list) of the total this fact breaks down.
    pub parent: Option<usize>,
    /// Why the value looks wrong beside its neighbours, when it does.
    pub suspect: Option<String>,
    /// Position in the report's fact list (what `parent` points at).
    #[serde(default)]
    pub index: usize,
}

impl Fact {
    /// The fact's stable id: `REPORT#INDEX` (`xigong-2023#17`), the same on every
    /// ingest of the same text.
    pub fn id(&self) -> String {
        format!("{}#{}", self.report, self.index)
    }

    /// The id of the total this fact breaks down, when it is a part.
    pub fn parent_id(&self) -> Option<String> {
        self.parent.map(|p| format!("{}#{p}", self.report))
    }
}
