//! Places by their pinyin or English name (Xuanwu District, Yuelu, yanta,
//! "Xuanwu Qu"). Input: a word or phrase in Latin letters; output: indices of
//! the places whose name forms read so in lowercase toneless pinyin. The index
//! is built on the first call, apart from the division table, so that Chinese
//! lookups never pay for it.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

use super::names::{self, FormKind};
use super::table::Table;

/// English words that say which kind of place a name is (Xuanwu *District*).
const KIND_WORDS: &[&str] = &[
    "district",
    "county",
    "city",
    "province",
    "prefecture",
    "autonomous",
    "banner",
    "league",
    "region",
    "municipality",
    "area",
    "new",
    "qu",
    "xian",
    "shi",
    "sheng",
    "zhou",
    "qi",
    "meng",
    "diqu",
    "zizhiqu",
    "zizhixian",
    "zizhizhou",
];

/// At most this many readings of one name are indexed (most names have one).
const MAX_READINGS: usize = 8;

/// Lowercase toneless readings of a Chinese name, every reading of polyphonic characters
/// (长沙 → changsha, zhangsha), ü written u.
fn readings(name: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for (c, multi) in name.chars().zip(name.to_pinyin_multi()) {
        let Some(multi) = multi else {
            if c.is_ascii_alphanumeric() {
                out.iter_mut().for_each(|r| r.push(c.to_ascii_lowercase()));
            }
            continue;
        };
        let mut plains: Vec<String> = multi.into_iter().map(|p| p.plain().replace('ü', "u")).collect();
        plains.dedup();
        let mut next = Vec::with_capacity(out.len() * plains.len());
        for r in &out {
            for p in &plains {
                if next.len() < MAX_READINGS || p == &plains[0] {
                    next.push(format!("{r}{p}"));
                }
            }
        }
        next.truncate(MAX_READINGS.max(out.len()));
        out = next;
    }
    out.retain(|r| !r.is_empty());
    out
}

fn index(table: &Table) -> HashMap<String, Vec<u32>> {
    let mut index: HashMap<String, Vec<u32>> = HashMap::with_capacity(table.places.len() * 3);
    for (i, place) in table.places.iter().enumerate() {
        for form in names::forms(&place.name) {
            if form.kind == FormKind::Generic {
                continue;
            }
            for key in readings(&form.text) {
                let entry = index.entry(key).or_default();
                if !entry.contains(&(i as u32)) {
                    entry.push(i as u32);
                }
            }
        }
    }
    let english = include_str!("data/english.tsv").lines().filter(|l| !l.starts_with('#'));
    for (word, name) in english.filter_map(|l| l.split_once('\t')) {
        let places = table.places.iter().enumerate().filter(|(_, p)| p.name == name.trim());
        let key: String = word.split_whitespace().collect();
        index.entry(key).or_default().extend(places.map(|(i, _)| i as u32));
    }
    index
}

/// The places that `word` names in pinyin or English.
pub(super) fn places(table: &'static Table, word: &str) -> Vec<u32> {
    static INDEX: OnceLock<HashMap<String, Vec<u32>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| index(table));
    let word = word.to_lowercase().replace('ü', "u");
    let mut words: Vec<&str> = word
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<u32> = Vec::new();
    let all: String = words.concat();
    while words.len() > 1 && words.last().is_some_and(|w| KIND_WORDS.contains(w)) {
        words.pop();
    }
    for key in [words.concat(), all] {
        for &i in index.get(&key).map_or(&[][..], Vec::as_slice) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_are_toneless_and_cover_polyphones() {
        assert_eq!(readings("玄武"), ["xuanwu"]);
        assert!(readings("长沙").contains(&"changsha".to_string()));
        assert!(readings("绿园区").contains(&"luyuanqu".to_string()));
    }
}
