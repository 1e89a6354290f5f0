//! Parts of a year named in text (上半年, 1-9月, 前三季度, 截至6月底): read from
//! questions, sentences and report titles, so that a figure for January to
//! September never answers a question about the first half.
//!
//! Input: any text. Output: the [`Period`] it names, or the text without it.

use std::sync::OnceLock;

use regex::Regex;

/// Months `from..=to` of one year; the whole year is never a `Period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: u8,
    pub to: u8,
}

/// Month numbers as written: 9, 九, 十一.
const MONTH: &str = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])";

fn pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        let range = format!(r"(?P<a>{MONTH})(?:月份?)?(?:-|—|－|–|~|～|至|到)(?P<b>{MONTH})月(?:份|底|末)?");
        let first_months = format!(r"前(?P<n>{MONTH})个?月");
        let until = format!(r"(?:截至|截止|截止到|到)(?:\d{{4}}年)?(?P<u>{MONTH})月(?:底|末|份)?");
        let end_of = format!(r"(?P<e>{MONTH})月(?:底|末)");
        let quarters = r"(?P<h1>上半年)|(?P<h2>下半年)|(?P<q3>前三季度)|(?P<q1>第?一季度)|(?P<q2>第?二季度)|(?P<q3only>第三季度)|(?P<q4>第?四季度)";
        Regex::new(&format!("{range}|{first_months}|{until}|{quarters}|{end_of}")).expect("valid regex")
    })
}

fn month(text: &str) -> Option<u8> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let value = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|i| i as u8 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', d] => value(*d).map(|v| 10 + v),
        [d] => value(*d),
        _ => None,
    }
}

impl Period {
    /// The first part of a year that `text` names; `None` for none or the whole year
    /// (1-12月, 12月底).
    pub fn find(text: &str) -> Option<Period> {
        Period::all(text).into_iter().next()
    }

    /// Every part of a year that `text` names, in order.
    pub fn all(text: &str) -> Vec<Period> {
        pattern()
            .captures_iter(text)
            .filter_map(|c| {
                let get = |name: &str| c.name(name).and_then(|m| month(m.as_str()));
                let named = |name: &str| c.name(name).is_some();
                let (from, to) = if let (Some(a), Some(b)) = (get("a"), get("b")) {
                    (a, b)
                } else if let Some(n) = get("n").or_else(|| get("u")).or_else(|| get("e")) {
                    (1, n)
                } else if named("h1") {
                    (1, 6)
                } else if named("h2") {
                    (7, 12)
                } else if named("q3") {
                    (1, 9)
                } else if named("q1") {
                    (1, 3)
                } else if named("q2") {
                    (4, 6)
                } else if named("q3only") {
                    (7, 9)
                } else if named("q4") {
                    (10, 12)
                } else {
                    return None;
                };
                (from <= to && to <= 12 && (from, to) != (1, 12)).then_some(Period { from, to })
            })
            .collect()
    }

    /// `text` without the parts of a year it names (for reading a question's content).
    pub fn strip(text: &str) -> String {
        pattern().replace_all(text, "").into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(from: u8, to: u8) -> Option<Period> {
        Some(Period { from, to })
    }

    #[test]
    fn reads_every_way_of_writing_part_of_a_year() {
        assert_eq!(Period::find("2023年上半年一般公共预算收入"), p(1, 6));
        assert_eq!(Period::find("1-9月，全市收入"), p(1, 9));
        assert_eq!(Period::find("1至7月"), p(1, 7));
        assert_eq!(Period::find("1到9月偿还本金"), p(1, 9));
        assert_eq!(Period::find("一至六月"), p(1, 6));
        assert_eq!(Period::find("前三季度"), p(1, 9));
        assert_eq!(Period::find("前7个月"), p(1, 7));
        assert_eq!(Period::find("截至9月"), p(1, 9));
        assert_eq!(Period::find("截至2024年6月底债务余额"), p(1, 6));
        assert_eq!(Period::find("1—11月"), p(1, 11));
        assert_eq!(Period::find("第三季度"), p(7, 9));
    }

    #[test]
    fn the_whole_year_is_no_part() {
        assert_eq!(Period::find("截至2023年12月底"), None);
        assert_eq!(Period::find("1-12月"), None);
        assert_eq!(Period::find("2023年一般公共预算收入"), None);
        assert_eq!(Period::strip("2023年1至7月一般公共预算收入"), "2023年一般公共预算收入");
    }
}
