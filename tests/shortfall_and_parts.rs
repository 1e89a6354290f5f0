//! What is left to reach a plan or a limit, however it is asked; what the asker
//! says a figure is not; items indented under a table row, listed after a colon or
//! under a table titled by their total (issue 11). The reports are written here
//! (invented places, invented figures).

mod common;

use common::{pair, value};

const HALF_YEAR: &str = "关于甲庚县2024年上半年预算执行情况的报告
一、一般公共预算
1—6月，全县一般公共预算收入完成62400万元，完成年度预算的52.0%，同比增长3.1%。年初预算一般公共预算收入120000万元。
1—6月，全县税收总收入完成91500万元，同比增长2.4%。县级收入中，税收收入41200万元，非税收入21200万元。
二、政府债务
截至2024年6月末，全县政府债务余额86.40亿元，控制在省政府核定的限额91.20亿元以内，其中县本级债务余额51.30亿元。
";

const FINAL: &str = "关于甲辛县2023年财政决算的报告
一、一般公共预算
全县一般公共预算收入年初预算88000万元，调整预算为90500万元，决算数为92140万元，完成调整预算的101.8%。
二、新增债券
2023年新增政府债券9.60亿元。其中，新增一般债券1.40亿元；新增专项债券8.20亿元，共安排3个项目：甲辛县城区供水管网改造项目3.10亿元，甲辛县中医院迁建项目2.60亿元，甲辛县物流园项目2.50亿元。
";

const TRANSFERS: &str = "source: synthetic (invented figures)
region: 甘肃省甲壬县
kind: 预算说明
years: -/2024
---
一、2024年上级转移支付
表一 甲壬县2024年上级转移支付收入预算表
单位：万元
| 项目 | 上年执行数 | 2024年预算数 |
| --- | --- | --- |
| 一、一般性转移支付收入 | 98000 | 101200 |
| 　　均衡性转移支付收入 | 40100 | 42300 |
| 　　共同财政事权转移支付收入 | 30500 | 31900 |
| 　　　　其中：教育 |  | 9800 |
| 　　　　　　　卫生健康 |  | 6100 |
| 　　其他一般性转移支付收入 | 27400 | 27000 |
| 二、专项转移支付收入 | 9100 | 8400 |
| 　　教育 |  | 2100 |
| 　　其他 |  | 6300 |
| 合计 | 107100 | 109600 |

二、共同财政事权转移支付
表二 甲壬县2023年共同财政事权转移支付分项目表
单位：万元
| 项目 | 金额 |
| --- | --- |
| 义务教育 | 11800 |
| 基本公共卫生服务 | 4300 |
| 合计 | 16100 |
";

fn engine() -> (tempfile::TempDir, tempfile::TempDir, budgetq::Engine) {
    common::engine_of(&[
        ("half.txt", HALF_YEAR),
        ("final.txt", FINAL),
        ("transfers.txt", TRANSFERS),
    ])
}

#[test]
fn what_is_left_to_reach_the_plan_or_the_limit() {
    let (_f, _d, engine) = engine();
    // The annual budget less what the first half brought in, asked every way.
    for asked in [
        "甲庚县2024年一般公共预算收入下半年还要完成多少才能达到年度预算",
        "甲庚县要完成2024年全年收入目标，下半年还需要收多少",
        "甲庚县2024年一般公共预算收入离完成年初预算还差多少",
    ] {
        assert_eq!(value(&engine, asked), pair("57600", "万元"), "{asked}");
    }
    // The room under the limit, with the limit named by whoever set it.
    for asked in [
        "甲庚县2024年6月末政府债务余额离省里核定的限额还有多少空间",
        "甲庚县的政府欠债离上限还差多少（2024年6月末）",
    ] {
        assert_eq!(value(&engine, asked), pair("4.8", "亿元"), "{asked}");
    }
}

#[test]
fn a_bound_is_no_total_and_a_figure_can_be_ruled_out() {
    let (_f, _d, engine) = engine();
    // 其中 after 控制在…限额以内 breaks down the balance, not the limit.
    assert_eq!(
        value(
            &engine,
            "甲庚县本级债务余额占全县政府债务余额的比重是多少（2024年6月末）"
        ),
        pair("59.38", "%")
    );
    assert_eq!(
        value(&engine, "甲庚县2024年上半年县级税收收入是多少（不是税收总收入）"),
        pair("41200", "万元")
    );
}

#[test]
fn a_final_figure_against_the_adjusted_budget() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "2023年度甲辛县一般公共预算收入决算数较调整预算数增减额为多少"),
        pair("1640", "万元")
    );
    // Still the adjustment when only the two budgets are named.
    assert_eq!(
        value(&engine, "甲辛县2023年一般公共预算收入预算调增了多少万元"),
        pair("2500", "万元")
    );
}

#[test]
fn items_under_a_row_a_colon_or_a_titled_table() {
    let (_f, _d, engine) = engine();
    // Indented under 共同财政事权转移支付收入, not the 教育 of 专项转移支付.
    assert_eq!(
        value(&engine, "甲壬县2024年教育共同财政事权转移支付"),
        pair("9800", "万元")
    );
    assert_eq!(
        value(&engine, "甲壬县2024年专项转移支付中的教育是多少"),
        pair("2100", "万元")
    );
    // A row of a table titled by the total its rows add up to.
    assert_eq!(
        value(&engine, "甲壬县义务教育共同财政事权转移支付2023年是多少万元"),
        pair("11800", "万元")
    );
    // A project listed after 新增专项债券…共安排3个项目：
    assert_eq!(value(&engine, "甲辛县中医院迁建项目专项债券额度"), pair("2.60", "亿元"));
}
