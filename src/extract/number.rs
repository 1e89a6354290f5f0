//! Numbers as written in reports, to exact decimals (never floats): Arabic
//! numerals with or without thousands separators (`1,289,300`, `3,604.7`) and
//! Chinese numerals (`两千三百`, `一千二百`, `十五`).

use rust_decimal::Decimal;

/// Parses an Arabic number, ignoring thousands separators: `1,289,300.5` → 1289300.5.
///
/// ```
/// use budgetq::extract::number::parse_arabic;
/// use rust_decimal::Decimal;
/// assert_eq!(parse_arabic("1,289,300"), Some(Decimal::from(1_289_300)));
/// assert_eq!(parse_arabic("3410.10").unwrap().to_string(), "3410.10");
/// ```
pub fn parse_arabic(text: &str) -> Option<Decimal> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || plain.starts_with('.') || plain.ends_with('.') {
        return None;
    }
    plain.parse::<Decimal>().ok()
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Parses a Chinese numeral up to 万亿: `两千三百` → 2300, `十五` → 15,
/// `一万二千` → 12000, `三亿五千万` → 350000000. `None` for anything else or on overflow.
pub fn parse_chinese(text: &str) -> Option<Decimal> {
    if text.is_empty() {
        return None;
    }
    // 五点二 → 5.2, 一百零三点一 → 103.1: digits after 点 are read one by one.
    if let Some((whole, fraction)) = text.split_once('点') {
        let digits: Option<String> = fraction
            .chars()
            .map(|c| digit(c).and_then(|d| char::from_digit(d, 10)))
            .collect();
        let digits = digits.filter(|d| !d.is_empty())?;
        let whole = if whole.is_empty() {
            Decimal::ZERO
        } else {
            parse_chinese(whole)?
        };
        return format!("{whole}.{digits}").parse().ok();
    }
    let mut total: u64 = 0; // completed 亿 groups
    let mut wan: u64 = 0; // completed 万 group below 亿
    let mut section: u64 = 0; // below 万
    let mut pending: Option<u64> = None;
    for c in text.chars() {
        if let Some(d) = digit(c) {
            pending = Some(u64::from(d));
            continue;
        }
        match c {
            '十' | '拾' | '百' | '佰' | '千' | '仟' => {
                let unit = match c {
                    '十' | '拾' => 10,
                    '百' | '佰' => 100,
                    _ => 1000,
                };
                section = section.checked_add(pending.take().unwrap_or(1).checked_mul(unit)?)?;
            }
            '万' => {
                section = section.checked_add(pending.take().unwrap_or(0))?;
                let group = if section == 0 && wan == 0 { 1 } else { section };
                wan = wan.checked_add(group)?.checked_mul(10_000)?;
                section = 0;
            }
            '亿' => {
                section = section.checked_add(pending.take().unwrap_or(0))?;
                let below = wan.checked_add(section)?;
                let group = if below == 0 && total == 0 { 1 } else { below };
                total = total.checked_add(group)?.checked_mul(100_000_000)?;
                wan = 0;
                section = 0;
            }
            _ => return None,
        }
    }
    section = section.checked_add(pending.unwrap_or(0))?;
    let value = total.checked_add(wan)?.checked_add(section)?;
    Some(Decimal::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    #[test]
    fn arabic() {
        assert_eq!(parse_arabic("1,289,300"), Some(Decimal::from(1_289_300)));
        assert_eq!(parse_arabic("3,604.7"), Decimal::from_str("3604.7").ok());
        assert_eq!(
            parse_arabic("3410.10").map(|d| d.to_string()),
            Some("3410.10".to_string())
        );
        assert_eq!(parse_arabic("."), None);
    }

    #[test]
    fn chinese() {
        assert_eq!(parse_chinese("两千三百"), Some(Decimal::from(2300)));
        assert_eq!(parse_chinese("一千二百"), Some(Decimal::from(1200)));
        assert_eq!(parse_chinese("十五"), Some(Decimal::from(15)));
        assert_eq!(parse_chinese("一万二千"), Some(Decimal::from(12000)));
        assert_eq!(parse_chinese("三亿五千万"), Some(Decimal::from(350_000_000)));
        assert_eq!(parse_chinese("一百零五"), Some(Decimal::from(105)));
        assert_eq!(parse_chinese("预算"), None);
        assert_eq!(parse_chinese("五点二"), Decimal::from_str("5.2").ok());
        assert_eq!(parse_chinese("一百零三点一"), Decimal::from_str("103.1").ok());
        assert_eq!(parse_chinese("五点"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "(\\PC|[零一二两三四五六七八九十百千万亿]){0,24}") {
            let _ = parse_arabic(&s);
            let _ = parse_chinese(&s);
        }

        #[test]
        fn round_trips_what_it_prints(n in any::<i64>(), scale in 0u32..6) {
            let d = Decimal::new(n, scale);
            prop_assert_eq!(parse_arabic(&d.to_string()), Some(d));
        }
    }
}
