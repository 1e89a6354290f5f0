//! The division table: the places of one embedded data file, with an index from
//! every form of a name to the places it names. Input: `data/divisions.tsv` or
//! `data/townships.tsv` (see `scripts/gazetteer.py`); output: a [`Table`], built
//! once per process.

use std::collections::HashMap;

use super::names::{self, FormKind};
use super::place::{Level, Place};

/// Places and the forms that name them.
pub(super) struct Table {
    pub places: Vec<Place>,
    /// Every form of every name → (index of the place, kind of form).
    pub forms: HashMap<String, Vec<(u32, FormKind)>>,
    /// The longest form, in characters.
    pub longest: usize,
}

impl Table {
    /// Indexes `places` by their names, and by their short forms when `short_forms`.
    fn new(places: Vec<Place>, short_forms: bool) -> Table {
        let mut forms: HashMap<String, Vec<(u32, FormKind)>> = HashMap::with_capacity(places.len() * 3);
        let mut weak = Vec::new();
        for (i, place) in places.iter().enumerate() {
            if !short_forms {
                forms
                    .entry(place.name.clone())
                    .or_default()
                    .push((i as u32, FormKind::Named));
                continue;
            }
            for form in names::forms(&place.name) {
                if form.weak {
                    weak.push((form.text, i as u32, form.kind));
                } else {
                    forms.entry(form.text).or_default().push((i as u32, form.kind));
                }
            }
        }
        for (text, i, kind) in weak {
            forms.entry(text).or_insert_with(|| vec![(i, kind)]);
        }
        let longest = forms.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        Table { places, forms, longest }
    }

    /// Provinces, prefectures and counties.
    pub fn divisions() -> Table {
        let mut places: Vec<Place> = Vec::with_capacity(3400);
        let mut by_code: HashMap<&str, u32> = HashMap::with_capacity(3400);
        let text = include_str!("data/divisions.tsv");
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(code), Some(name), parent) = (cols.next(), cols.next(), cols.next().unwrap_or("")) else {
                continue;
            };
            let parent = by_code.get(parent).copied();
            let parent_full = parent.map_or("", |p| places[p as usize].full.as_str());
            let mut full = String::with_capacity(parent_full.len() + name.len());
            full.push_str(parent_full);
            full.push_str(name);
            let level = match code.len() {
                2 => Level::Province,
                4 => Level::Prefecture,
                _ => Level::County,
            };
            by_code.insert(code, places.len() as u32);
            places.push(Place {
                code: code.to_string(),
                name: name.to_string(),
                full,
                level,
                parent,
            });
        }
        Table::new(places, true)
    }

    /// Townships, each under its county (or its prefecture, for a prefecture without counties).
    pub fn townships(divisions: &Table) -> Table {
        let by_code: HashMap<&str, u32> = divisions
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.code.as_str(), i as u32))
            .collect();
        let mut places = Vec::with_capacity(42_000);
        let text = include_str!("data/townships.tsv");
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(county) = cols.next() else { continue };
            // 441900 东莞市 repeats its prefecture 4419 and is no level of its own.
            let parent = by_code
                .get(county)
                .or_else(|| county.get(..4).and_then(|c| by_code.get(c)))
                .copied();
            let parent_full = parent.map_or("", |p| divisions.places[p as usize].full.as_str());
            for town in cols {
                let Some((tail, name)) = town.split_once(' ') else {
                    continue;
                };
                places.push(Place {
                    code: [county, tail].concat(),
                    name: name.to_string(),
                    full: [parent_full, name].concat(),
                    level: Level::Township,
                    parent,
                });
            }
        }
        // Township names are kept whole: 城关镇 is no 城关.
        Table::new(places, false)
    }

    /// The places that a form names exactly, with the kind of form.
    pub fn named(&self, form: &str) -> &[(u32, FormKind)] {
        self.forms.get(form).map_or(&[], Vec::as_slice)
    }
}

impl Table {
    /// Whether one of `ancestors` (indices into this table) is above `place`.
    pub fn has_ancestor(&self, place: u32, ancestors: &[u32]) -> bool {
        let mut parent = self.places[place as usize].parent;
        while let Some(p) = parent {
            if ancestors.contains(&p) {
                return true;
            }
            parent = self.places[p as usize].parent;
        }
        false
    }
}
