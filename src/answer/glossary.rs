//! The embedded English–Chinese glossary of budget terms, so that
//! `2023 debt interest paid` is read like 2023年债务利息支付. Longest phrases
//! are replaced first; unknown English words are left for the region matcher
//! (pinyin names); any other meaningful English word left over makes the
//! question unanswerable rather than silently narrower.

use std::collections::HashSet;
use std::sync::OnceLock;

/// English phrase (lowercase) → Chinese term, longest phrase first, from
/// `lexicon/data/glossary.tsv`.
/// Hyphens are read as spaces on both sides (value-added, land-use).
fn entries() -> &'static [(String, &'static str)] {
    static E: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    E.get_or_init(|| {
        let mut e: Vec<(String, &str)> = include_str!("../lexicon/data/glossary.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(en, zh)| (en.trim().replace('-', " "), zh.trim()))
            .collect();
        // deed tax revenue is 契税, not deed + 税收收入 (tax revenue is longer than deed tax).
        let revenues: Vec<(String, &str)> = e
            .iter()
            .filter(|(en, zh)| en.ends_with(" tax") && zh.ends_with('税'))
            .map(|(en, zh)| (format!("{en} revenue"), *zh))
            .collect();
        e.extend(revenues);
        e.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
        e
    })
}

fn filler() -> &'static HashSet<&'static str> {
    static F: OnceLock<HashSet<&'static str>> = OnceLock::new();
    F.get_or_init(|| {
        include_str!("../lexicon/data/english_filler.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// True when `word` is an English word that carries no meaning (the, district).
pub fn is_filler(word: &str) -> bool {
    filler().contains(word.to_lowercase().as_str())
}

/// The first English word of `text` that carries meaning the glossary could not
/// translate (filler words such as `the`, `district`, `how much` aside).
pub fn untranslated(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '-'))
        .flat_map(|w| w.split(['\'', '-']))
        .map(str::to_lowercase)
        .find(|w| w.len() > 1 && !filler().contains(w.as_str()))
}

/// Replaces the English budget terms of a lowercase question with Chinese ones.
pub fn translate(lower: &str) -> String {
    let mut out = lower.to_string();
    for (en, zh) in entries() {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(pos) = rest.find(en.as_str()) {
            let before_ok = rest[..pos].chars().next_back().is_none_or(|c| !c.is_ascii_alphabetic());
            // A plural (revenues, taxes) is its singular.
            let after = &rest[pos + en.len()..];
            let plural = ["es", "s"]
                .into_iter()
                .find(|p| {
                    after.starts_with(p) && after[p.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphabetic())
                })
                .map_or(0, str::len);
            let after_ok = after[plural..].chars().next().is_none_or(|c| !c.is_ascii_alphabetic());
            result.push_str(&rest[..pos]);
            let end = pos + en.len() + if before_ok && after_ok { plural } else { 0 };
            if before_ok && after_ok {
                result.push_str(zh);
            } else {
                result.push_str(en);
            }
            rest = &rest[end..];
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
        assert_eq!(translate("tax revenues"), translate("tax revenue"));
    }
}
