//! A place of the gazetteer: one administrative division with its code, its own
//! name, its full name from the province down, and its level.

use std::fmt;

/// The administrative level of a [`Place`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 省, 自治区, 直辖市 (北京市).
    Province,
    /// 地级市, 自治州, 地区, 盟 (西安市).
    Prefecture,
    /// 市辖区, 县, 县级市, 旗, and functional zones with a county-level code (雁塔区).
    County,
    /// 镇, 乡, 街道 (loaded only on demand, see [`super::lookup_township`]).
    Township,
}

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The statistical division code: 2 digits for a province, 4 for a prefecture,
    /// 6 for a county, 9 for a township (610113).
    pub code: String,
    /// The place's own name: 雁塔区.
    pub name: String,
    /// Its name under all its parents, without placeholder levels: 陕西省西安市雁塔区.
    pub full: String,
    /// Its level.
    pub level: Level,
    /// Index of the parent in the division table.
    pub(super) parent: Option<u32>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full)
    }
}
