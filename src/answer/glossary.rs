//! The embedded English–Chinese glossary of budget terms, so that
//! `2023 debt interest paid` is read like 2023年债务利息支付. Longest phrases
//! are replaced first; unknown English words are left for the region matcher
//! (pinyin names) and otherwise ignored.

/// English phrase (lowercase) → Chinese term.
pub const GLOSSARY: &[(&str, &str)] = &[
    ("general public budget revenue", "一般公共预算收入"),
    ("general public budget expenditure", "一般公共预算支出"),
    ("general public budget spending", "一般公共预算支出"),
    ("general public budget", "一般公共预算"),
    ("government fund budget", "政府性基金预算"),
    ("government funds budget", "政府性基金预算"),
    ("government-managed fund", "政府性基金预算"),
    ("government fund", "政府性基金预算"),
    ("state capital operation budget", "国有资本经营预算"),
    ("state capital operating budget", "国有资本经营预算"),
    ("state-owned capital operation budget", "国有资本经营预算"),
    ("state capital", "国有资本经营预算"),
    ("social insurance fund", "社会保险基金"),
    ("social security fund", "社会保险基金"),
    ("interest paid", "支付利息"),
    ("debt interest", "债券利息"),
    ("interest", "利息"),
    ("government debt balance", "政府债务余额"),
    ("outstanding debt", "债务余额"),
    ("debt balance", "债务余额"),
    ("government debt limit", "政府债务限额"),
    ("debt ceiling", "债务限额"),
    ("debt limit", "债务限额"),
    ("government debt", "政府债务"),
    ("special-purpose bonds", "专项债券"),
    ("special purpose bonds", "专项债券"),
    ("special bonds", "专项债券"),
    ("special bond", "专项债券"),
    ("general bonds", "一般债券"),
    ("general bond", "一般债券"),
    ("refinancing bonds", "再融资债券"),
    ("new bonds", "新增债券"),
    ("bonds", "债券"),
    ("debt", "债务"),
    ("vat credit refund", "留抵退税"),
    ("tax credit refund", "留抵退税"),
    ("tax refund", "留抵退税"),
    ("non-tax revenue", "非税收入"),
    ("tax revenue", "税收收入"),
    ("budget stabilization fund", "预算稳定调节基金"),
    ("budget stabilisation fund", "预算稳定调节基金"),
    ("transfer payments", "转移支付"),
    ("transfer payment", "转移支付"),
    ("land transfer revenue", "国有土地使用权出让收入"),
    ("land sales revenue", "国有土地使用权出让收入"),
    ("livelihood spending", "民生支出"),
    ("livelihood expenditure", "民生支出"),
    ("education spending", "教育支出"),
    ("education expenditure", "教育支出"),
    ("total financial resources", "财力"),
    ("fiscal resources", "财力"),
    ("revenue", "收入"),
    ("income", "收入"),
    ("expenditure", "支出"),
    ("expenditures", "支出"),
    ("spending", "支出"),
    ("expenses", "支出"),
    ("initial budget", "年初预算"),
    ("adjusted budget", "调整预算"),
    ("final accounts", "决算"),
    ("actual", "实际完成"),
    ("expected", "预计"),
    ("draft budget", "预算草案"),
    ("budgeted", "预算"),
    ("planned", "预算安排"),
    ("year-on-year", "同比"),
    ("growth rate", "增长"),
    ("growth", "增长"),
    ("increase", "增长"),
    ("decrease", "下降"),
    ("decline", "下降"),
    ("share", "占比"),
    ("proportion", "占比"),
    ("percentage", "占比"),
    ("how many", "多少个"),
    ("end of", "底"),
    ("year-end", "底"),
    ("paid", "支付"),
    ("balance", "余额"),
    ("limit", "限额"),
];

/// Replaces the English budget terms of a lowercase question with Chinese ones.
pub fn translate(lower: &str) -> String {
    let mut out = lower.to_string();
    let mut entries: Vec<&(&str, &str)> = GLOSSARY.iter().collect();
    entries.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
    for (en, zh) in entries {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(pos) = rest.find(en) {
            let before_ok = rest[..pos].chars().next_back().is_none_or(|c| !c.is_ascii_alphabetic());
            let after_ok = rest[pos + en.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphabetic());
            result.push_str(&rest[..pos]);
            if before_ok && after_ok {
                result.push_str(zh);
            } else {
                result.push_str(en);
            }
            rest = &rest[pos + en.len()..];
        }
        result.push_str(rest);
        out = result;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_longest_first() {
        assert_eq!(
            translate("xigong 2024 general public budget revenue"),
            "xigong 2024 一般公共预算收入"
        );
        assert_eq!(translate("xigong 2023 debt interest paid"), "xigong 2023 债务 支付利息");
        assert_eq!(translate("interesting"), "interesting");
    }
}
