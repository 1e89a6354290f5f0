//! Finding quantities in text: a number with its unit (`174559万元`,
//! `1,289,300万元`, `100.2%`, `3.9倍`, `65个`, `两千三百万元`, `百分之十五`), with
//! approximate markers (约, 近, 多, 余, 以上) and byte spans. Years, dates,
//! ordinals (第13次), document numbers and heading numbers carry no unit from
//! [`UNITS`](super::unit::UNITS) and are therefore not quantities.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::number::{parse_arabic, parse_chinese};
use super::unit;
use crate::model::ValueKind;

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte span of the number and unit (markers excluded).
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    /// The number as written.
    pub written: String,
    pub unit: String,
    pub kind: ValueKind,
    pub approx: bool,
}

fn patterns() -> &'static (Regex, Regex, Regex) {
    static P: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    P.get_or_init(|| {
        let units = unit::UNITS.iter().map(|u| regex::escape(u)).collect::<Vec<_>>().join("|");
        let arabic = format!(
            r"(?P<pre>约|近|超过|逾)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]*)*(?:点[零〇一二三四五六七八九]+)?)(?P<more>多|余)?(?P<unit>{units})(?P<post>以上|左右)?"
        );
        (
            Regex::new(&arabic).expect("valid regex"),
            Regex::new(r"百分之(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)")
                .expect("valid regex"),
            // 下降三成, 近六成: tenths, after a word that makes them a rate.
            Regex::new(r"(?P<pre>下降|增长|提高|减少|降低|上升|近|约|超过|逾|占)(?P<num>[一二三四五六七八九])成").expect("valid regex"),
        )
    })
}

/// All quantities in `text`, in order.
pub fn find(text: &str) -> Vec<Mention> {
    let (quantity, percent_words, tenths) = patterns();
    let mut out = Vec::new();
    for c in quantity.captures_iter(text) {
        let (Some(num), Some(unit_m)) = (c.name("num"), c.name("unit")) else {
            continue;
        };
        let mut written = num.as_str();
        let mut unit = unit_m.as_str();
        // 两千三百万元 reads as 2300 万元, not 23000000 元 (三亿五千万元 stays in 元).
        let owned_unit;
        if unit == "元" && !written.starts_with(|ch: char| ch.is_ascii_digit()) {
            if let Some(head) = written.strip_suffix(['万', '亿']) {
                if !head.contains(['万', '亿']) && !head.is_empty() {
                    owned_unit = format!("{}元", &written[head.len()..]);
                    unit = &owned_unit;
                    written = head;
                }
            }
        }
        // 3113项目, 个人所得税, 人民: the unit character starts a word.
        let next = text[unit_m.end()..].chars().next().unwrap_or(' ');
        if matches!(
            (unit, next),
            ("项", '目')
                | ("个", '人')
                | ("人", '民' | '大')
                | ("所", '得')
                | ("次", '会')
                | ("家", '庭')
                | ("名", '单')
        ) {
            continue;
        }
        let unit = match unit {
            "万" => "万元",
            "亿" => "亿元",
            u => u,
        };
        let chinese = !written.starts_with(|ch: char| ch.is_ascii_digit());
        let kind = unit::kind(unit);
        // Chinese numerals only count before money or percent units; elsewhere they are words (十五届, 一项).
        // (…and before 个百分点: 提高一点五个百分点)
        if chinese && !matches!(kind, ValueKind::Money | ValueKind::Points) {
            continue;
        }
        // “百千万”工程, 千万元级: a number starts with a digit (or 十), never with 百 or 千.
        if chinese && written.starts_with(['百', '千', '万', '亿']) {
            continue;
        }
        // 年纳税500万元以上的186户, 亿元以上项目: a sum that bounds what follows is no figure.
        if kind == ValueKind::Money {
            let after = text[unit_m.end()..].trim_start_matches('及');
            if let Some(tail) = after.strip_prefix("以上").or_else(|| after.strip_prefix("以下")) {
                if tail.starts_with(|ch: char| crate::text::is_han(ch)) {
                    continue;
                }
            }
        }
        let before = &text[..num.start()];
        // A minus sign that does not join a range (1-12月) makes the number negative.
        let sign = before
            .strip_suffix(['-', '−', '－'])
            .filter(|b| !b.ends_with(|ch: char| ch.is_ascii_alphanumeric()));
        let before = sign.unwrap_or(before);
        // Ordinals (第13次) and numbers glued to Latin letters or other digits are not quantities.
        if before.ends_with('第')
            || before.ends_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-' || ch == '/')
        {
            continue;
        }
        let value = if chinese {
            parse_chinese(written)
        } else {
            parse_arabic(written)
        };
        let Some(mut value) = value else { continue };
        let start = if sign.is_some() {
            value = -value;
            before.len()
        } else {
            num.start()
        };
        let written = if sign.is_some() {
            format!("-{written}")
        } else {
            written.to_string()
        };
        out.push(Mention {
            start,
            end: unit_m.end(),
            value,
            written,
            unit: unit.to_string(),
            kind,
            approx: c.name("pre").is_some() || c.name("more").is_some() || c.name("post").is_some(),
        });
    }
    for c in percent_words.captures_iter(text) {
        let (Some(all), Some(num)) = (c.get(0), c.name("num")) else {
            continue;
        };
        let value = parse_arabic(num.as_str()).or_else(|| parse_chinese(num.as_str()));
        let Some(value) = value else { continue };
        out.push(Mention {
            start: all.start(),
            end: all.end(),
            value,
            written: value.to_string(),
            unit: "%".to_string(),
            kind: ValueKind::Percent,
            approx: false,
        });
    }
    for c in tenths.captures_iter(text) {
        let (Some(num), Some(pre)) = (c.name("num"), c.name("pre")) else {
            continue;
        };
        let Some(value) = parse_chinese(num.as_str()).map(|v| v * Decimal::TEN) else {
            continue;
        };
        let approx = ["近", "约", "超过", "逾"].contains(&pre.as_str());
        out.push(Mention {
            // (近六成: the approximation is part of the figure, as in 近60%)
            start: if approx { pre.start() } else { num.start() },
            end: c.get(0).map_or(num.end(), |m| m.end()),
            value,
            written: value.to_string(),
            unit: "%".to_string(),
            kind: ValueKind::Percent,
            approx,
        });
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find(text).iter().map(|m| format!("{}{}", m.value, m.unit)).collect()
    }

    #[test]
    fn finds_amounts_rates_and_counts() {
        assert_eq!(
            values("收入调整为174180万元，实际完成174559万元，为调整预算的100.2%，同比下降14.8%"),
            vec!["174180万元", "174559万元", "100.2%", "14.8%"]
        );
        assert_eq!(values("地方一般公共预算收入完成1,289,300万元"), vec!["1289300万元"]);
        assert_eq!(values("增长3.9倍，共开展评审工程项目65个"), vec!["3.9倍", "65个"]);
        assert_eq!(values("两千三百万元和百分之十五"), vec!["2300万元", "15%"]);
        assert_eq!(values("惠及群众5.4万人以上"), vec!["5.4万人"]);
        assert_eq!(values("对年纳税500万元以上的186户企业"), vec!["186户"]);
        assert_eq!(values("追加9640万元，用于“百千万工程”建设"), vec!["9640万元"]);
        assert_eq!(
            values("投资亿元以上项目12个，完成投资8亿元以上。"),
            vec!["12个", "8亿元"]
        );
        assert_eq!(
            values("国防支出682万,增长-5.2%,1-12月支出44311万元"),
            vec!["682万元", "-5.2%", "44311万元"]
        );
        assert!(find("惠及群众5.4万人以上")[0].approx);
        // Rates written out in words, tenths (成) among them.
        assert_eq!(
            values("比上年增长百分之五点二，比重近六成，提高一点五个百分点，下降三成，完成了任务"),
            vec!["5.2%", "60%", "1.5个百分点", "30%"]
        );
        assert!(find("比重近六成")[0].approx);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(\\PC|[0-9.,%万亿元个倍百分之两千三]){0,40}") {
            let _ = find(&s);
        }

        #[test]
        fn reads_back_what_it_prints(n in 0i64..i64::MAX, scale in 0u32..6, unit in proptest::sample::select(vec!["万元", "亿元", "元", "%", "倍", "个"])) {
            let d = Decimal::new(n, scale);
            let found = find(&format!("收入{d}{unit}，"));
            proptest::prop_assert_eq!(found.len(), 1);
            proptest::prop_assert_eq!(found[0].value, d);
            proptest::prop_assert_eq!(found[0].unit.as_str(), unit);
        }
    }

    #[test]
    fn skips_years_ordinals_and_headings() {
        assert!(find("2023年区十五届人大第13次会议，洛财债〔2022〕17号，1.2023年债务限额情况，1-12月").is_empty());
    }
}
