//! Units: what kind of value each one makes and, for money, its size in yuan.

use rust_decimal::Decimal;

use crate::model::ValueKind;

/// Units in the order they must be tried (longest first).
pub const UNITS: &[&str] = &[
    "万亿元",
    "亿元",
    "千万元",
    "百万元",
    "万元",
    "千元",
    "元",
    "个百分点",
    "百分点",
    "%",
    "倍",
    "万人次",
    "万人",
    "万户",
    "人次",
    "个",
    "项",
    "家",
    "件",
    "次",
    "所",
    "人",
    "户",
    "笔",
    "名",
    "条",
    "座",
    "公里",
    "万亩",
    "亩",
    "台",
    "套",
    "辆",
    // A bare 万 or 亿 after a number is money (国防支出682万): read as 万元/亿元.
    "万",
    "亿",
];

/// The kind of value a unit makes.
pub fn kind(unit: &str) -> ValueKind {
    match unit {
        "%" => ValueKind::Percent,
        "个百分点" | "百分点" => ValueKind::Points,
        "倍" => ValueKind::Multiple,
        u if u.ends_with('元') => ValueKind::Money,
        _ => ValueKind::Count,
    }
}

/// How many yuan one unit is.
pub fn yuan_factor(unit: &str) -> Option<Decimal> {
    let zeros = match unit {
        "元" => 0,
        "千元" => 3,
        "万元" => 4,
        "百万元" => 6,
        "千万元" => 7,
        "亿元" => 8,
        "万亿元" => 12,
        _ => return None,
    };
    Some(Decimal::from(10u64.pow(zeros)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_factors() {
        assert_eq!(kind("万元"), ValueKind::Money);
        assert_eq!(kind("个百分点"), ValueKind::Points);
        assert_eq!(kind("家"), ValueKind::Count);
        assert_eq!(yuan_factor("亿元"), Some(Decimal::from(100_000_000u64)));
        assert_eq!(yuan_factor("%"), None);
    }
}
