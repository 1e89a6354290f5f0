//! Answers the report does not state in one figure but that follow from what it
//! states (issue 11): a share of a part in its total, a change on last year from
//! two year-end balances, a change asked as 比上年多多少; and answers that must
//! not be given: one part of the year for another, a whole for an item asked
//! within it; last year's figure from this year's level and change, the gap to a
//! budget (距离…还差, 还剩多少没有支出), the rest of a whole (…以外的部分), a budget an
//! adjustment left alone (不作调整 → 0), a column of one level (全县 | 县本级).
//! The reports are written here (invented counties, invented figures).

mod common;

use budgetq::Engine;
use common::{pair, value};
use tempfile::TempDir;

const DEBT: &str = "source: synthetic (invented figures)
region: 河南省洛阳市甲乙县
kind: 债务情况
years: 2023/-
---
甲乙县2023年政府债务情况说明
一、政府债务余额情况
2022年末，全县政府债务余额120,000万元，其中一般债务50,000万元、专项债务70,000万元。
2023年末，全县政府债务余额150,000万元，其中：一般债务55,000万元，专项债务95,000万元。
二、还本付息情况
2023年全县政府债券实际支付利息4000万元（一般债券利息2500万元；专项债券利息1500万元）。
三、国有资本经营预算
2023年国有资本经营预算收入1200万元，上级补助收入600万元。因公出国（境）费未发生；公务接待费30万元。
四、一般公共预算
2023年全县一般公共预算收入完成80000万元，同比增收6000万元，增长8.1%。
2023年全县一般公共预算支出调整预算为100000万元，实际完成95000万元。
五、债务限额和预备费
2023年末全县政府债务限额160,000万元。年初预算安排预备费1000万元，实际动用800万元。
";

const NINE_MONTHS: &str = "source: synthetic (invented figures)
region: 河南省洛阳市丙丁县
kind: 上半年执行
years: 2023/-
---
丙丁县2023年1—9月预算执行情况的报告
1—9月，全县一般公共预算收入完成61000万元，为年度预算的76.3%，比去年同期增加3000万元。
";

const ADJUSTMENT: &str = "source: synthetic (invented figures)
region: 河南省洛阳市戊己县
kind: 预算调整
years: 2023/-
---
戊己县2023年预算调整方案的报告
一、一般公共预算
一般公共预算支出由年初预算的140000万元调整为150000万元。
全县一般公共预算收入调整预算安排90000万元，比人代会预算数增加6000万元。
二、其他预算
国有资本经营预算和社会保险基金预算本次均不作调整，调整金额为零。
";

const FINAL: &str = "source: synthetic (invented figures)
region: 河南省洛阳市戊己县
kind: 决算报告
years: 2023/-
---
戊己县2023年财政决算报告
全县社会保险基金收入5000万元，社会保险基金支出4200万元。其中工伤保险基金收入800万元、支出900万元。
全县教育支出3000万元，卫生健康支出2000万元，农林水支出1000万元。
戊己县2023年全县及县本级决算收支表
单位：万元
项目
全县
县本级
一般公共预算收入
84000
52000
一般公共预算支出
150000
98000
";

const DEPARTMENT: &str = "source: synthetic (invented figures)
region: 河南省洛阳市庚辛县
kind: 预算说明
years: 2024/-
---
庚辛县教育局2024年部门预算公开说明
一、收支预算总体情况
2024年收入预算合计52000万元，其中：一般公共预算拨款收入48000万元，事业收入4000万元。
2023年一般公共预算收入完成86000万元，为上年的104.5%。
";

fn engine() -> (TempDir, TempDir, Engine) {
    common::engine_of(&[
        ("debt.txt", DEBT),
        ("adjustment.txt", ADJUSTMENT),
        ("final.txt", FINAL),
        ("nine.txt", NINE_MONTHS),
        ("department.txt", DEPARTMENT),
    ])
}

#[test]
fn a_share_of_a_part_in_its_total_is_computed() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲乙县2023年一般债券利息占全部债券利息的比重是多少"),
        pair("62.5", "%")
    );
    assert_eq!(
        value(&engine, "甲乙县2023年末专项债务余额占债务余额总额的比重"),
        pair("63.33", "%")
    );
}

#[test]
fn a_change_on_last_year_comes_from_the_two_balances() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲乙县2023年末政府债务余额比上年末增加了多少"),
        pair("30000", "万元")
    );
    // …and never the other way round.
    assert_eq!(value(&engine, "甲乙县2023年末政府债务余额比上年末减少了多少"), None);
    // A completion rate from the amount done and the budget named.
    assert_eq!(
        value(&engine, "甲乙县2023年一般公共预算支出完成调整预算的百分之几"),
        pair("95", "%")
    );
    // A change asked as 多多少 is the stated change, not the level.
    assert_eq!(
        value(&engine, "甲乙县2023年一般公共预算收入比上年多多少"),
        pair("6000", "万元")
    );
}

#[test]
fn one_part_of_the_year_never_answers_for_another() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "丙丁县2023年1至9月一般公共预算收入是多少"),
        pair("61000", "万元")
    );
    assert_eq!(value(&engine, "丙丁县2023年上半年一般公共预算收入是多少"), None);
}

#[test]
fn an_item_within_a_whole_is_not_the_whole() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲乙县2023年国有资本经营预算里上级补助收入有多少"),
        pair("600", "万元")
    );
    // 因公出国（境）费未发生 is a zero.
    assert_eq!(value(&engine, "甲乙县2023年因公出国经费花了多少"), pair("0", "万元"));
}

#[test]
fn last_years_figure_follows_from_the_next_years_level_and_change() {
    let (_files, _dir, engine) = engine();
    // 80000万元，同比增收6000万元: 2022 was 74000.
    assert_eq!(
        value(&engine, "甲乙县2022年一般公共预算收入是多少"),
        pair("74000", "万元")
    );
    // A rate alone gives an estimate only when one is asked for.
    assert_eq!(value(&engine, "甲乙县2021年一般公共预算收入是多少"), None);
}

#[test]
fn gaps_to_a_budget_and_the_rest_of_a_whole_are_computed() {
    let (_files, _dir, engine) = engine();
    for q in [
        "甲乙县2023年一般公共预算支出距离调整预算还差多少",
        "甲乙县2023年一般公共预算支出调整预算还剩多少没有支出",
        "甲乙县2023年一般公共预算支出调整预算和实际完成差了多少",
    ] {
        assert_eq!(value(&engine, q), pair("5000", "万元"), "{q}");
    }
    assert_eq!(
        value(&engine, "甲乙县2023年末政府债务余额中一般债务以外的部分是多少"),
        pair("95000", "万元")
    );
    assert_eq!(
        value(&engine, "戊己县2023年除县本级以外的一般公共预算收入合计多少"),
        pair("32000", "万元")
    );
}

#[test]
fn a_budget_left_as_it_was_changed_by_zero() {
    let (_files, _dir, engine) = engine();
    assert_eq!(
        value(&engine, "戊己县2023年国有资本经营预算调整金额是多少"),
        pair("0", "万元")
    );
    // …which is no change on last year.
    assert_eq!(value(&engine, "戊己县2023年国有资本经营预算收入比上年增长多少"), None);
}

#[test]
fn a_column_of_a_level_is_that_levels_figure() {
    let (_files, _dir, engine) = engine();
    assert_eq!(
        value(&engine, "戊己县本级2023年一般公共预算收入"),
        pair("52000", "万元")
    );
    assert_eq!(
        value(&engine, "戊己县全县2023年一般公共预算收入"),
        pair("84000", "万元")
    );
}

#[test]
fn balances_and_sums_of_listed_items_are_computed() {
    let (_files, _dir, engine) = engine();
    assert_eq!(
        value(&engine, "戊己县2023年社会保险基金收支相抵结余多少"),
        pair("800", "万元")
    );
    assert_eq!(
        value(&engine, "戊己县2023年教育、卫生健康、农林水这三项支出加起来一共多少"),
        pair("6000", "万元")
    );
}

#[test]
fn a_budget_before_its_adjustment_and_a_shortfall_are_computed() {
    let (_files, _dir, engine) = engine();
    // 调整预算安排90000万元，比人代会预算数增加6000万元: the congress passed 84000.
    assert_eq!(
        value(&engine, "戊己县2023年人代会批准的一般公共预算收入是多少"),
        pair("84000", "万元")
    );
    // A 缺口 is what spending exceeds revenue by (工伤保险基金收入800万元、支出900万元).
    assert_eq!(
        value(&engine, "戊己县2023年工伤保险基金收支缺口有多大"),
        pair("100", "万元")
    );
    // 1—9月…比去年同期增加3000万元 says nothing of last year's whole.
    assert_eq!(value(&engine, "丙丁县2022年一般公共预算收入是多少"), None);
}

#[test]
fn a_departments_budget_never_answers_for_its_region() {
    let (_files, _dir, engine) = engine();
    // 一般公共预算拨款收入 is what the bureau gets, not the county's revenue.
    assert_eq!(value(&engine, "庚辛县2024年全县一般公共预算收入预算是多少"), None);
    assert_eq!(
        value(&engine, "庚辛县教育局2024年一般公共预算拨款收入是多少"),
        pair("48000", "万元")
    );
}

#[test]
fn a_level_as_a_share_of_last_years_is_its_own_rate() {
    let (_files, _dir, engine) = engine();
    assert_eq!(
        value(&engine, "甲乙县2023年一般公共预算收入增长了百分之几"),
        pair("8.1", "%")
    );
    // 为上年的104.5% is asked as such, and is no growth rate.
    assert_eq!(
        value(&engine, "庚辛县2023年一般公共预算收入是上年的百分之几"),
        pair("104.5", "%")
    );
    assert_eq!(value(&engine, "庚辛县2023年一般公共预算收入增长了百分之几"), None);
}

#[test]
fn room_under_a_limit_and_an_unused_reserve_are_computed() {
    let (_files, _dir, engine) = engine();
    // A debt set against its limit is its balance: 160000 − 150000.
    assert_eq!(
        value(&engine, "甲乙县2023年末政府债务离限额还有多少空间"),
        pair("10000", "万元")
    );
    // 还有多少没动用: the reserve budgeted less the reserve used.
    assert_eq!(value(&engine, "甲乙县2023年预备费还有多少没动用"), pair("200", "万元"));
}
