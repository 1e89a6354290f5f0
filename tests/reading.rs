//! How questions are matched to figures when users name them in their own words
//! (issue 11): counts asked by their unit, a review report's counts, a level that
//! is not the whole, a department named in short, a numbered project table, a
//! share named without its whole, a change in points of a share. The reports are
//! written here (invented places, invented figures).

mod common;

use budgetq::Engine;
use common::{pair, value};
use tempfile::TempDir;

const REVIEW: &str = "甲丙县人民代表大会财政经济委员会
关于甲丙县2023年预算执行情况和2024年预算草案的审查结果报告
会前，财经委邀请15名县人大代表参加，对预算草案进行了初步审查，并对38个部门预算和6个重大项目的资金安排进行了重点审查。审计查出问题52个，已整改47个。
一、2023年预算执行情况
全县一般公共预算收入完成96000万元。其中：税收收入70000万元，税收占比72.9%，比上年提高1.4个百分点。
县本级一般公共预算支出完成51000万元。
";

const DEPARTMENT: &str = "source: synthetic (invented figures)
region: 河南省洛阳市甲丁县
kind: 预算说明
years: 2024/-
---
甲丁县市场监督管理局2024年部门预算公开说明
一、部门基本情况
本部门内设机构9个，下属事业单位2个，另设基层市场监管所14个。
二、新增债券
2024年新增债券5000万元，安排项目如下：
序号 项目名称 金额（万元）
1 甲丁县食品检测中心建设项目 3200
2 甲丁县计量检定站改造项目 1800
合计 5000
";

const AUDIT: &str = "关于甲戊县2023年度县本级预算执行和其他财政收支的审计工作报告
县审计局依法审计了2023年度县本级预算执行情况。2023年7月至2024年6月，共完成审计项目21个，查出主要问题160个，提出审计建议58条。
截至2024年7月底，已整改问题131个，整改率81.9%。
";

fn engine() -> (TempDir, TempDir, Engine) {
    common::engine_of(&[
        ("review.txt", REVIEW),
        ("department.txt", DEPARTMENT),
        ("audit.txt", AUDIT),
    ])
}

#[test]
fn counts_are_found_by_their_unit_and_noun() {
    let (_f, _d, engine) = engine();
    // The occasion in the user's words (初审2024年预算时), the count of the draft's year.
    assert_eq!(
        value(&engine, "甲丙县人大财经委初审2024年预算草案时邀请了几名县人大代表"),
        pair("15", "名")
    );
    assert_eq!(value(&engine, "甲丙县财经委重点审查了多少个部门预算"), pair("38", "个"));
    assert_eq!(value(&engine, "甲丙县审计查出的问题整改了多少个"), pair("47", "个"));
    // The thing counted, named as asked, beside another count of the sentence.
    assert_eq!(value(&engine, "甲丁县市场监管局有几个内设机构"), pair("9", "个"));
}

#[test]
fn a_level_of_the_region_never_answers_for_the_whole() {
    let (_f, _d, engine) = engine();
    assert_eq!(value(&engine, "甲丙县2023年全县一般公共预算支出是多少"), None);
    assert_eq!(
        value(&engine, "甲丙县2023年县本级一般公共预算支出"),
        pair("51000", "万元")
    );
}

#[test]
fn shares_and_their_changes() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲丙县2023年税收收入占一般公共预算收入的比例是多少"),
        pair("72.9", "%")
    );
    assert_eq!(
        value(&engine, "甲丙县2023年税收占比比上年提高了几个百分点"),
        pair("1.4", "个百分点")
    );
}

#[test]
fn a_numbered_project_table_names_its_projects() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲丁县食品检测中心建设项目安排了多少新增债券"),
        pair("3200", "万元")
    );
    // The department's name is the report's scope, not a figure.
    assert_eq!(value(&engine, "甲丁县市场监管局2024年部门预算比上年增长了多少"), None);
}

#[test]
fn an_audit_counts_for_the_year_it_audits() {
    let (_f, _d, engine) = engine();
    // 2023年7月至2024年6月 says when the audit ran, not which budget year.
    assert_eq!(
        value(&engine, "甲戊县2023年度审计查出了多少个主要问题"),
        pair("160", "个")
    );
    // A count of what was not done is no count of what was found.
    assert_ne!(
        value(&engine, "甲戊县2023年度审计查出的问题还有多少个没有整改"),
        pair("160", "个")
    );
}
