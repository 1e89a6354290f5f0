//! Tables in every layout a report copy brings (pipe rows, spaced rows under
//! a header over two lines, a debt table with parts as columns, cells one per
//! line ending in `|`) answer questions on a temp index built from the
//! synthetic report `tests/data/tables/zhuying-2023.txt`.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

fn index() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    let reports = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tables");
    Command::cargo_bin("budgetq")
        .expect("binary")
        .arg("--index")
        .arg(dir.path())
        .arg("ingest")
        .arg(reports)
        .assert()
        .success();
    dir
}

/// The value and unit `ask --json` gives for a question.
fn ask(index: &TempDir, question: &str) -> (String, String) {
    let out = Command::cargo_bin("budgetq")
        .expect("binary")
        .arg("--index")
        .arg(index.path())
        .args(["ask", "--json", question])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let answer = &json["answer"];
    (
        answer["value"].as_str().unwrap_or("").to_string(),
        answer["unit"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn every_table_layout_answers_by_column() {
    let dir = index();
    let cases = [
        // Pipe rows: phase from the column, rates with their relation.
        ("竹影县2023年企业所得税调整预算数", "4100", "万元"),
        ("竹影县2023年增值税比上年下降多少", "2.4", "%"),
        ("竹影县2023年税收收入完成调整预算的百分之几", "101.9", "%"),
        // Spaced rows under a header over two lines: the year from the upper line.
        ("竹影县2024年教育支出预算", "32400", "万元"),
        // Debt table: the part (专项债务) from the column, the unit from 单位：亿元.
        ("竹影县2023年末专项债务余额", "24.0340", "亿元"),
        // Cells one per line: the total named by the title.
        ("竹影县2024年公务接待费预算", "130.00", "万元"),
        ("竹影县2024年三公经费预算", "400.00", "万元"),
    ];
    for (question, value, unit) in cases {
        assert_eq!(ask(&dir, question), (value.to_string(), unit.to_string()), "{question}");
    }
}
