//! Finding place names in running text (a question, a report title). Input: text
//! and a [`Table`]; output: non-overlapping byte ranges, each with the places it
//! may name.
//!
//! At each position the longest form wins. A form followed by a child's form
//! (南京 + 玄武区, 陕西 + 西安 + 雁塔区) becomes one match that names the child.
//! Alone, an official name (中原区, 彭水县) is a place; a bare base name (中原)
//! only when no Han character follows it (中原 2023年, 中原) or when
//! [`FindOptions::bare_names`] is set, so that the word 中原地区 is no place;
//! base names that are ordinary words (资源, 和平) and generic words (城区,
//! 新区, 开发区) are places only after their parent.

use std::ops::Range;

use super::names::FormKind;
use super::table::Table;

/// What [`super::find_in_text_with`] accepts as a place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FindOptions {
    /// Accept bare base names (岳麓, 中原) wherever they stand, even before a Han character.
    pub bare_names: bool,
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Finds places of `table` in `text`.
pub(super) fn find(table: &Table, text: &str, options: FindOptions) -> Vec<(Range<usize>, Vec<u32>)> {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let finder = Finder {
        table,
        text,
        bounds: &bounds,
        options,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < bounds.len() {
        match finder.match_at(k) {
            Some((end, places)) => {
                out.push((bounds[k]..bounds[end], places));
                k = end;
            }
            None => k += 1,
        }
    }
    out
}

struct Finder<'a> {
    table: &'a Table,
    text: &'a str,
    /// Byte offset of every character, and the text's length last.
    bounds: &'a [usize],
    options: FindOptions,
}

impl<'a> Finder<'a> {
    /// The forms starting at character `k`, longest first: (end character, entries).
    fn forms_at(&self, k: usize) -> impl Iterator<Item = (usize, &'a [(u32, FormKind)])> + '_ {
        let last = (k + self.table.longest).min(self.bounds.len() - 1);
        (k + 2..=last).rev().filter_map(move |end| {
            let entries = self.table.named(&self.text[self.bounds[k]..self.bounds[end]]);
            (!entries.is_empty()).then_some((end, entries))
        })
    }

    fn match_at(&self, k: usize) -> Option<(usize, Vec<u32>)> {
        let mut alone = None;
        for (end, entries) in self.forms_at(k) {
            let parents: Vec<u32> = entries
                .iter()
                .filter(|e| e.1 != FormKind::Generic)
                .map(|e| e.0)
                .collect();
            if let Some(found) = self.children_after(end, parents) {
                return Some(found);
            }
            if alone.is_none() {
                let free =
                    self.options.bare_names || self.text[self.bounds[end]..].chars().next().is_none_or(|c| !is_han(c));
                let places: Vec<u32> = entries
                    .iter()
                    .filter(|e| match e.1 {
                        FormKind::Named => true,
                        FormKind::Base => free,
                        FormKind::Word => self.options.bare_names,
                        FormKind::Generic => false,
                    })
                    .map(|e| e.0)
                    .collect();
                if !places.is_empty() {
                    alone = Some((end, places));
                }
            }
        }
        alone
    }

    /// The longest chain of descendants of `parents` from character `k` on
    /// (玄武区 after 南京; 西安 then 雁塔区 after 陕西), with the places it ends at.
    fn children_after(&self, mut k: usize, mut parents: Vec<u32>) -> Option<(usize, Vec<u32>)> {
        let mut found = None;
        'chain: while !parents.is_empty() {
            for (end, entries) in self.forms_at(k) {
                let children: Vec<u32> = entries
                    .iter()
                    .map(|e| e.0)
                    .filter(|&c| self.table.has_ancestor(c, &parents))
                    .collect();
                if !children.is_empty() {
                    found = Some((end, children.clone()));
                    (k, parents) = (end, children);
                    continue 'chain;
                }
            }
            break;
        }
        found
    }
}
