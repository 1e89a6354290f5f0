//! Places by their pinyin or English name (Xuanwu District, Yuelu, yanta,
//! "Xuanwu Qu"). Input: a word or phrase in Latin letters; output: indices of
//! the places whose name forms read so in lowercase toneless pinyin. The index
//! is built on the first call, apart from the division table, so that Chinese
//! lookups never pay for it.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

use super::names::FormKind;
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
    let mut out = vec![String::with_capacity(name.len() * 2)];
    for (c, multi) in name.chars().zip(name.to_pinyin_multi()) {
        let Some(multi) = multi else {
            if c.is_ascii_alphanumeric() {
                out.iter_mut().for_each(|r| r.push(c.to_ascii_lowercase()));
            }
            continue;
        };
        let mut plains: Vec<&'static str> = Vec::with_capacity(multi.count());
        for p in multi.into_iter().map(|p| p.plain()) {
            if !plains.contains(&p) {
                plains.push(p);
            }
        }
        if plains.len() <= 1 || out.len() >= MAX_READINGS {
            let p = plains.first().copied().unwrap_or("");
            out.iter_mut().for_each(|r| push_plain(r, p));
            continue;
        }
        let mut next = Vec::with_capacity(MAX_READINGS);
        for r in &out {
            for p in &plains {
                if next.len() < MAX_READINGS {
                    let mut reading = r.clone();
                    push_plain(&mut reading, p);
                    next.push(reading);
                }
            }
        }
        out = next;
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Appends a toneless syllable, ü written u.
fn push_plain(reading: &mut String, syllable: &str) {
    reading.extend(syllable.chars().map(|c| if c == 'ü' { 'u' } else { c }));
}

fn index(table: &Table) -> HashMap<String, Vec<u32>> {
    let mut index: HashMap<String, Vec<u32>> = HashMap::with_capacity(table.places.len() * 3);
    for (text, entries) in &table.forms {
        let places: Vec<u32> = entries
            .iter()
            .filter(|e| e.1 != FormKind::Generic)
            .map(|e| e.0)
            .collect();
        if places.is_empty() {
            continue;
        }
        // (ü is written u, or typed v: Lvliang)
        let typed = text.contains(['吕', '绿', '律', '女', '闾', '旅', '履', '驴', '铝', '屡', '虑', '滤']);
        let keys = readings(text);
        let v_keys: Vec<String> = if typed {
            crate::region::pinyin_readings(text)
                .into_iter()
                .filter(|r| r.contains('v'))
                .collect()
        } else {
            Vec::new()
        };
        for key in keys.into_iter().chain(v_keys) {
            let entry = index.entry(key).or_default();
            for &i in &places {
                if !entry.contains(&i) {
                    entry.push(i);
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
    out.sort_unstable();
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
