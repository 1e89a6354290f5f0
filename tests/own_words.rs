//! Questions in the words users bring (issue 11): rates written out in words, a
//! hook before the question, two questions in one, a remark saying how to work the
//! figure out, the base a change is measured from, a department named above its
//! page's title, a table of places under a title naming the flow. The reports are
//! written here (invented places, invented figures).

mod common;

use common::{pair, value};

const WORDS: &str = "关于甲癸县2022年预算执行情况和2023年预算草案的报告
一、2022年预算执行情况
全县一般公共预算收入完成34186万元，比上年增长百分之五点二，完成调整预算的百分之一百零三点一。其中，税收收入20480万元，占一般公共预算收入的比重近六成，比上年提高一点五个百分点。
全县政府性基金收入6420万元，比上年下降三成。
县级“三公”经费预算安排412万元，其中公务接待费160万元，公务用车运行维护费252万元，因公出国（境）费未作安排。
全县社会保险基金收入52400万元，支出47300万元。
二、2023年预算草案
全县一般公共预算收入安排36240万元，比上年预算数增长8.2%，比上年执行数增长6.0%。
";

const CITY: &str = "关于乙甲市2023年预算执行情况的报告
一、全市预算执行情况
全市一般公共预算收入完成126.38亿元，同比增长5.6%。其中，税收收入82.15亿元，占一般公共预算收入的比重为65.0%。
表1 2023年全市分级次一般公共预算收入完成情况
金额单位：亿元
地区 完成数 同比增长%
全市合计 126.38 5.6
市本级 39.14 4.3
乙乙区 18.42 6.1
乙丙县 14.25 7.4
二、市本级预算执行情况
市本级一般公共预算收入完成391400万元，同比增长4.3%。其中：税收收入238760万元，非税收入152640万元。
";

const DEPARTMENT: &str = "（合成测试文本）
乙丁县自然资源局
2 0 2 3 年 度 部 门 决 算 公 开
一、收入支出决算总体情况
2023年度收入总计1,985,081.56元，支出总计1,985,081.56元。年初结转和结余120,844.31元，年末结转和结余93,575.12元。
";

fn engine() -> (tempfile::TempDir, tempfile::TempDir, budgetq::Engine) {
    common::engine_of(&[("words.txt", WORDS), ("city.txt", CITY), ("department.txt", DEPARTMENT)])
}

#[test]
fn rates_written_in_words_are_read_as_digits() {
    let (_f, _d, engine) = engine();
    assert_eq!(
        value(&engine, "甲癸县2022年一般公共预算收入增长了百分之几"),
        pair("5.2", "%")
    );
    assert_eq!(
        value(&engine, "甲癸县2022年一般公共预算收入完成了调整预算的百分之多少"),
        pair("103.1", "%")
    );
    assert_eq!(
        value(&engine, "甲癸县22年税收收入占比比上年提高了几个百分点"),
        pair("1.5", "个百分点")
    );
    assert_eq!(
        value(&engine, "甲癸县2022年政府性基金收入比上年下降了多少"),
        pair("30", "%")
    );
    assert_eq!(
        value(&engine, "甲癸县2022年因公出国（境）费预算安排了多少"),
        pair("0", "万元")
    );
}

#[test]
fn the_question_inside_the_asking() {
    let (_f, _d, engine) = engine();
    // A hook before a colon, a rhetorical question before the real one.
    assert_eq!(
        value(&engine, "甲癸县的钱袋子：2022年税收一共收了多少"),
        pair("20480", "万元")
    );
    assert_eq!(
        value(&engine, "甲癸县的社保基金够不够花？2022年社会保险基金支出是多少"),
        pair("47300", "万元")
    );
    // How to work it out, in brackets.
    assert_eq!(
        value(&engine, "甲癸县2022年社会保险基金当年收支结余是多少（收入减支出）"),
        pair("5100", "万元")
    );
    // The base of the change decides which of two stated rates.
    assert_eq!(
        value(&engine, "甲癸县2023年一般公共预算收入比2022年执行数增长百分之几"),
        pair("6.0", "%")
    );
    assert_eq!(
        value(
            &engine,
            "与2022年年初预算相比，甲癸县2023年一般公共预算收入预算的增幅是多少"
        ),
        pair("8.2", "%")
    );
}

#[test]
fn levels_places_in_tables_and_departments() {
    let (_f, _d, engine) = engine();
    // A row of a table of places under a title that names the flow.
    assert_eq!(
        value(&engine, "乙甲市乙丙县2023年一般公共预算收入多少亿"),
        pair("14.25", "亿元")
    );
    // 市本级 asked: the share the report states is the whole city's, so it is worked out.
    assert_eq!(
        value(&engine, "乙甲市本级2023年税收收入占市本级一般公共预算收入的比重是多少"),
        pair("61", "%")
    );
    // A department named on the line above a title spread character by character.
    assert_eq!(
        value(&engine, "乙丁县自然资源局2023年年末结转和结余是多少元"),
        pair("93575.12", "元")
    );
}
