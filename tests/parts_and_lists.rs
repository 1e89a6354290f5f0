//! A part told under the whole the question names, projects counted from the list a
//! report gives, a level standing alone for the item before it, a note under a later
//! heading, and an English question whose asker glosses the item in Chinese
//! (issue 11). The reports are written here (invented places, invented figures).

mod common;

use common::{pair, value};

const COUNTY: &str = "source: synthetic (invented figures)
region: 江西省九江市甲癸县
kind: 预算执行和草案
years: 2023/2024
---
关于甲癸县2023年预算执行情况和2024年预算草案的报告
一、2023年预算执行情况
（一）财政总收入
2023年全县财政总收入完成545876万元。税收收入完成441240万元,同比下降5.2%。
（二）一般公共预算
一般公共预算收入完成274609万元,同比增长26%。分级次看，县级一般公共预算收入236010万元，乡镇级38599万元。
税收收入完成169975万元,同比增长6%;非税收入完成104634万元。
（三）政府债券
2023年争取政府债券37.66亿元,其中:新增债券16.35亿元(全部为专项债券),再融资债券21.31亿元(包含一般债券9.24亿元,专项债券12.07亿元)。
新增专项债券16.35亿元安排以下项目：
1.城区供水管网改造项目，6.10亿元；
2.县中医院迁建项目，5.60亿元；
3.物流园项目，4.65亿元。
二、2024年工作措施
注：2023年县级上解支出为12800万元，比上年减少300万元。
三、2024年预算草案
全县一般公共预算支出安排301200万元。
";

fn engine() -> (tempfile::TempDir, tempfile::TempDir, budgetq::Engine) {
    common::engine_of(&[("county.txt", COUNTY)])
}

#[test]
fn a_part_is_the_one_under_the_whole_asked() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲癸县2023年一般公共预算收入中的税收收入是多少"),
        pair("169975", "万元")
    );
    assert_eq!(
        value(&engine, "甲癸县2023年财政总收入中税收收入是多少"),
        pair("441240", "万元")
    );
    assert_eq!(
        value(&engine, "甲癸县2023年税收收入占一般公共预算收入的比重是多少"),
        pair("61.9", "%")
    );
    // 一般债券 of 再融资债券 is no part of 新增债券: not found rather than 9.24.
    assert_eq!(value(&engine, "甲癸县2023年新增债券里一般债券有多少"), None);
}

#[test]
fn projects_are_counted_from_the_list_and_levels_name_the_item_before() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲癸县2023年新增专项债券安排了几个项目"),
        pair("3", "个")
    );
    assert_eq!(
        value(&engine, "甲癸县2023年乡镇级一般公共预算收入"),
        pair("38599", "万元")
    );
    // The draft is the budget of its year, however the asker names it.
    assert_eq!(
        value(&engine, "甲癸县2024年一般公共预算支出年初安排多少万元"),
        pair("301200", "万元")
    );
}

#[test]
fn a_note_keeps_the_year_and_a_gloss_names_the_item() {
    let (_f, _d, engine) = engine();
    assert_eq!(value(&engine, "甲癸县2023年上解支出是多少"), pair("12800", "万元"));
    assert_eq!(
        value(
            &engine,
            "How much did Jiagui County remit upward to higher levels (上解支出) in 2023?"
        ),
        pair("12800", "万元")
    );
}
