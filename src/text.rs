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

/// Normalises user text the way report text is normalised (half-width,
/// simplified, 二〇二三年 → 2023年).
pub fn normalize_query(s: &str) -> String {
    let folded: String = s.chars().map(fold_halfwidth).collect();
    chinese_years(to_simplified(&folded))
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
    fn folds_fullwidth_digits_and_percent() {
        let s: String = "１７．７５％ＡＢ，".chars().map(fold_halfwidth).collect();
        assert_eq!(s, "17.75%AB，");
    }

    #[test]
    fn converts_traditional() {
        assert_eq!(to_simplified("預算執行億元"), "预算执行亿元");
        assert_eq!(to_simplified("预算"), "预算");
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
