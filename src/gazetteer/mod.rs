//! Stage: shared knowledge. Input: China's administrative divisions, embedded
//! from `gazetteer/data/` (converted by `scripts/gazetteer.py` from the npm
//! package `china-division` 2.7.0, licence WTFPL). Output: [`Place`]s found by
//! the names people write — in a question, a report's title or its text.
//!
//! - [`lookup`]: every place a form names (南京玄武区, 长沙岳麓, 玄武, 彭水县, 朝阳区 → two);
//! - [`find_in_text`]: the place names in running text, as byte ranges;
//! - [`from_pinyin`]: places by pinyin or English name (Xuanwu District, yanta);
//! - [`resolve`]: the one place a report means, its ambiguous name settled by the
//!   parents its text names (朝阳区 + 长春 → 吉林省长春市朝阳区);
//! - [`parent`], [`ancestors`], [`full_name`], [`by_code`]: navigation.
//!
//! Provinces, prefectures and counties (3,300 places) load on first use, once
//! per process; townships (41,000) load only when [`lookup_township`] or
//! [`resolve`] needs them, which is at ingest.

mod finder;
mod names;
mod pinyin;
mod place;
mod table;

use std::ops::Range;
use std::sync::OnceLock;

pub use finder::FindOptions;
pub use place::{Level, Place};

use names::FormKind;
use table::Table;

fn divisions() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(Table::divisions)
}

fn townships() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::townships(divisions()))
}

fn places(table: &'static Table, indices: Vec<u32>) -> Vec<&'static Place> {
    indices.into_iter().map(|i| &table.places[i as usize]).collect()
}

/// Whether one of `ancestors` (indices of divisions) is above `place`.
fn is_under(place: &Place, ancestors: &[u32]) -> bool {
    let mut parent = place.parent;
    while let Some(p) = parent {
        if ancestors.contains(&p) {
            return true;
        }
        parent = divisions().places[p as usize].parent;
    }
    false
}

/// The places of `table` that `name` names, as a whole (玄武区, 玄武) or as parents
/// followed by a child (南京市玄武区, 江苏南京玄武区, 长沙岳麓).
fn lookup_in(table: &'static Table, name: &str) -> Vec<u32> {
    let mut out: Vec<u32> = table
        .named(name)
        .iter()
        .filter(|e| e.1 != FormKind::Generic)
        .map(|e| e.0)
        .collect();
    for (i, _) in name.char_indices().skip(1) {
        let (head, tail) = name.split_at(i);
        let children = table.named(tail);
        if children.is_empty() {
            continue;
        }
        let parents = lookup_in(divisions(), head);
        for &(child, _) in children {
            if !out.contains(&child) && is_under(&table.places[child as usize], &parents) {
                out.push(child);
            }
        }
    }
    out.sort_unstable();
    out
}

fn compact(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every province, prefecture or county that `name` names, in code order.
///
/// A name may carry its parents, with or without 省/市, and may drop its own
/// suffix when at least two characters stay; an ambiguous name gives every place.
///
/// ```
/// use budgetq::gazetteer::lookup;
/// assert_eq!(lookup("陕西西安雁塔区")[0].full, "陕西省西安市雁塔区");
/// assert_eq!(lookup("彭水")[0].full, "重庆市彭水苗族土家族自治县");
/// assert_eq!(lookup("朝阳区").len(), 2);
/// ```
pub fn lookup(name: &str) -> Vec<&'static Place> {
    places(divisions(), lookup_in(divisions(), &compact(name)))
}

/// Every township (镇, 乡, 街道) that `name` names, alone or after its parents
/// (西工区汉屯路街道). Loads the township table on first use.
pub fn lookup_township(name: &str) -> Vec<&'static Place> {
    places(townships(), lookup_in(townships(), &compact(name)))
}

/// The place names in `text` (a question, a report title), as byte ranges with
/// the places each may name, in text order; see [`FindOptions`] for what counts.
///
/// ```
/// use budgetq::gazetteer::find_in_text;
/// let text = "南京玄武区2023年一般公共预算收入";
/// let found = find_in_text(text);
/// assert_eq!(&text[found[0].0.clone()], "南京玄武区");
/// assert_eq!(found[0].1[0].full, "江苏省南京市玄武区");
/// ```
pub fn find_in_text(text: &str) -> Vec<(Range<usize>, Vec<&'static Place>)> {
    find_in_text_with(text, FindOptions::default())
}

/// [`find_in_text`] with options (bare base names anywhere).
pub fn find_in_text_with(text: &str, options: FindOptions) -> Vec<(Range<usize>, Vec<&'static Place>)> {
    finder::find(divisions(), text, options)
        .into_iter()
        .map(|(range, found)| (range, places(divisions(), found)))
        .collect()
}

/// The places that a pinyin or English name means (Xuanwu District, Yuelu, yanta, Xuanwu Qu).
///
/// ```
/// let found = budgetq::gazetteer::from_pinyin("Yanta District");
/// assert_eq!(found[0].full, "陕西省西安市雁塔区");
/// ```
pub fn from_pinyin(word: &str) -> Vec<&'static Place> {
    places(divisions(), pinyin::places(divisions(), word))
}

/// English names that are not the pinyin of a place (golmud → 格尔木市), lowercase.
pub fn english_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("data/english.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(word, name)| (word.trim(), name.trim()))
}

/// How often the text names `place`'s parents: for each parent, its most frequent form.
fn parents_named(place: &Place, context: &str) -> usize {
    ancestors(place)
        .iter()
        .map(|a| {
            names::forms(&a.name)
                .iter()
                .filter(|f| f.kind != FormKind::Generic)
                .map(|f| context.matches(f.text.as_str()).count())
                .max()
                .unwrap_or(0)
        })
        .sum()
}

/// The one place that `name`, as a report writes it, means, with the report's
/// text as `context`: an ambiguous name is settled by the parents the text names
/// most. A name that no division has is looked up among townships (X镇 under
/// its county). None when no place or still more than one fits.
///
/// ```
/// use budgetq::gazetteer::resolve;
/// assert_eq!(resolve("雁塔区", "").unwrap().full, "陕西省西安市雁塔区");
/// assert_eq!(resolve("朝阳区", "长春市朝阳区2023年预算").unwrap().full, "吉林省长春市朝阳区");
/// assert!(resolve("朝阳区", "2023年预算").is_none());
/// ```
pub fn resolve(name: &str, context: &str) -> Option<&'static Place> {
    let mut candidates = lookup(name);
    if candidates.is_empty() {
        candidates = lookup_township(name);
    }
    if candidates.len() <= 1 {
        return candidates.pop();
    }
    let scores: Vec<usize> = candidates.iter().map(|p| parents_named(p, context)).collect();
    let best = scores.iter().copied().max().filter(|&b| b > 0)?;
    let mut top = candidates
        .into_iter()
        .zip(&scores)
        .filter(|(_, &s)| s == best)
        .map(|(p, _)| p);
    let first = top.next();
    top.next().is_none().then_some(first).flatten()
}

/// The place's full name from the province down: 陕西省西安市雁塔区.
pub fn full_name(place: &Place) -> String {
    place.full.clone()
}

/// The place one level up (西安市 for 雁塔区), None for a province.
pub fn parent(place: &Place) -> Option<&'static Place> {
    place.parent.map(|p| &divisions().places[p as usize])
}

/// All places above `place`, nearest first: 雁塔区 → [西安市, 陕西省].
pub fn ancestors(place: &Place) -> Vec<&'static Place> {
    let mut out = Vec::new();
    let mut next = parent(place);
    while let Some(p) = next {
        out.push(p);
        next = parent(p);
    }
    out
}

/// The place with a division code (610113 → 雁塔区); 9-digit codes are townships.
pub fn by_code(code: &str) -> Option<&'static Place> {
    let table = if code.len() > 6 { townships() } else { divisions() };
    table.places.iter().find(|p| p.code == code)
}

#[cfg(test)]
mod tests;
