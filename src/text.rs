//! Character helpers shared by the stages: CJK classes, display width,
//! half-width folding, traditional-to-simplified conversion and joining a
//! partial name with a fuller one ([`merge_overlap`]).

/// True for a Han character (CJK unified ideographs and extensions A, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Width on a terminal or a printed page: wide characters count 2, ASCII 1.
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Folds full-width digits, letters and the signs that belong to numbers
/// (％ ． ， －) to ASCII; the ideographic space to a space. CJK punctuation
/// that Chinese text normally uses (，。（）：) is kept as it is.
pub fn fold_halfwidth(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '．' | '＋' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{FEFF}' => ' ',
        '\t' => ' ',
        _ => c,
    }
}

/// Converts traditional characters to simplified (預算 → 预算, 億元 → 亿元).
pub fn to_simplified(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    fast2s::convert(s)
}

/// [`to_simplified`] for bulk text (ingest): an owned string is given back as
/// it is when fast2s would change none of its characters, which a table built
/// on first use (~1 ms, so not on the query path) tells at one lookup a character.
pub fn into_simplified(s: String) -> String {
    if !needs_simplifying(&s) {
        return s;
    }
    fast2s::convert(&s)
}

/// First and last character that fast2s (0.3) ever changes: its table's
/// keys all lie in the CJK unified ideographs.
const CHANGEABLE_FROM: u32 = 0x4E00;
const CHANGEABLE_TO: u32 = 0x9FFF;

/// The characters fast2s changes only next to certain others (its special
/// cases: 看著 → 看着, 藉口 → 借口 …) or keeps next to certain others (答覆, 乾隆).
const BY_NEIGHBOURS: &str = "兒覆夥藉瞭麽幺於乾著苧闔鍾讎畫";

/// One bit per character of `CHANGEABLE_FROM..=CHANGEABLE_TO`: set when
/// fast2s may change it. Built on first use from fast2s itself (one
/// conversion of the whole range).
fn changeable() -> &'static [u64] {
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let size = (CHANGEABLE_TO - CHANGEABLE_FROM + 1) as usize;
        let mut bits = vec![0u64; size.div_ceil(64)];
        let mut set = |c: char| {
            if let Some(i) = (c as u32).checked_sub(CHANGEABLE_FROM).map(|i| i as usize) {
                if i < size {
                    bits[i / 64] |= 1 << (i % 64);
                }
            }
        };
        let all: String = (CHANGEABLE_FROM..=CHANGEABLE_TO).filter_map(char::from_u32).collect();
        for (a, b) in all.chars().zip(fast2s::convert(&all).chars()) {
            if a != b {
                set(a);
            }
        }
        BY_NEIGHBOURS.chars().for_each(set);
        bits
    })
}

/// True when fast2s may change a character of `s` (most text is simplified already).
fn needs_simplifying(s: &str) -> bool {
    if s.is_ascii() {
        return false;
    }
    let bits = changeable();
    s.chars().any(|c| {
        let i = (c as u32).wrapping_sub(CHANGEABLE_FROM) as usize;
        i <= (CHANGEABLE_TO - CHANGEABLE_FROM) as usize && bits[i / 64] & (1 << (i % 64)) != 0
    })
}

/// Normalises user text the way report text is normalised (half-width,
/// simplified, 二〇二三年 → 2023年).
pub fn normalize_query(s: &str) -> String {
    let folded: String = s.chars().map(fold_halfwidth).collect();
    chinese_years(to_simplified(&folded))
}

/// [`normalize_query`] for bulk text (ingest; see [`into_simplified`]).
pub fn normalize_bulk(s: &str) -> String {
    // Cleaned text has nothing left to fold: copied whole, not character by character.
    let folded: String = if s.chars().all(|c| fold_halfwidth(c) == c) {
        s.to_string()
    } else {
        s.chars().map(fold_halfwidth).collect()
    };
    chinese_years(into_simplified(folded))
}

/// Writes years spelled in Chinese digits (二〇二三年) in Arabic digits.
fn chinese_years(s: String) -> String {
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or_else(|| (c == '零').then_some(0))
    };
    // Most text has no 年 after a Chinese digit: nothing to rewrite.
    let mut previous = ' ';
    if !s.chars().any(|c| {
        let year = c == '年' && digit(previous).is_some();
        previous = c;
        year
    }) {
        return s;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let year = chars
            .get(i..i + 5)
            .filter(|w| w[4] == '年' && w[..4].iter().all(|c| digit(*c).is_some()));
        if let Some(w) = year {
            out.extend(
                w[..4]
                    .iter()
                    .filter_map(|c| digit(*c))
                    .map(|d| char::from(b'0' + d as u8)),
            );
            i += 4;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// `new` completed with what follows, in `previous`, the longest ending of
/// `new` (two characters or more) that `previous` holds: 一般债务 + 政府债务余额 →
/// 一般债务余额, 付息 + 还本付息支出 → 付息支出. `None` without such an overlap.
pub fn merge_overlap(previous: &str, new: &str) -> Option<String> {
    let chars: Vec<char> = new.chars().collect();
    (0..chars.len().saturating_sub(1)).find_map(|start| {
        let suffix: String = chars[start..].iter().collect();
        previous
            .find(&suffix)
            .map(|pos| format!("{new}{}", &previous[pos + suffix.len()..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_a_changeable_character_is_what_fast2s_gives() {
        for c in (0x80u32..=0x2FFFF).filter_map(char::from_u32) {
            let s = format!("预{c}算");
            if !needs_simplifying(&s) {
                assert_eq!(fast2s::convert(&s), s, "{c}");
            }
        }
        for c in BY_NEIGHBOURS.chars() {
            assert!(needs_simplifying(&c.to_string()), "{c}");
        }
        assert!(needs_simplifying("預算") && !needs_simplifying("预算 2023"));
    }

    #[test]
    fn folds_fullwidth_digits_and_percent() {
        let s: String = "１７．７５％ＡＢ，".chars().map(fold_halfwidth).collect();
        assert_eq!(s, "17.75%AB，");
    }

    #[test]
    fn converts_traditional() {
        assert_eq!(to_simplified("預算執行億元"), "预算执行亿元");
        assert_eq!(to_simplified("预算"), "预算");
        for text in ["看著", "答覆乾隆", "預算執行億元", "预算", "2023"] {
            assert_eq!(into_simplified(text.to_string()), to_simplified(text));
            assert_eq!(normalize_bulk(text), normalize_query(text));
        }
    }

    #[test]
    fn chinese_digit_years() {
        assert_eq!(normalize_query("二〇二三年西工区"), "2023年西工区");
        assert_eq!(normalize_query("一二三"), "一二三");
    }

    #[test]
    fn width_counts_cjk_double() {
        assert_eq!(display_width("西工区2023"), 10);
    }
}
