//! Stage: naming. Input: read reports (and those already stored). Output: a
//! unique id for each — from region, years and kind when known (`xigong-2023`,
//! `qingyang-2022-final`), else a short slug of the file name — and the
//! reports that are a copy of a stored file (the same bytes, or for reports
//! read from text alone the same paragraphs).
//!
//! An id taken by another file gets a suffix (`-2`, `-3` …) instead of
//! replacing that report; the same file read again keeps its id and replaces
//! its report.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use pinyin::{ToPinyin, ToPinyinMulti};

use crate::model::{Report, ReportMeta};
use crate::region;

/// Longest slug made from a file name.
const MAX_SLUG: usize = 32;

/// The id part for each kind of report (`预算报告` has none).
fn kind_suffix(kind: &str) -> &'static str {
    match kind {
        "决算报告" => "-final",
        "预算调整" => "-adjust",
        "审查结果" => "-review",
        "上半年执行" => "-h1",
        "债务情况" => "-debt",
        "预算说明" => "-notes",
        _ => "",
    }
}

/// The id a report asks for: `xigong-2023` from region and years (plus the
/// kind), else a short slug of the file name.
pub fn report_id(meta: &ReportMeta, path: &Path) -> String {
    let year = meta.years.execution.or(meta.years.draft);
    match (place_key(&meta.region, path), year) {
        (Some(place), Some(year)) => format!("{place}-{year}{}", kind_suffix(&meta.kind)),
        _ => slug(path),
    }
}

/// Most readings of a place name tried against the file name.
const MAX_READINGS: usize = 64;

/// The romanised place of a region: the reading the file name spells when a
/// character has several (长寿 → `changshou` from `chongqing-changshou_2022.txt`,
/// not `zhangshou`), else the usual one.
fn place_key(region: &str, path: &Path) -> Option<String> {
    let usual = region::pinyin_key(region)?;
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let base = region::base_name(&region::levels(region).pop()?)?;
    let mut readings = vec![String::new()];
    for c in base.chars() {
        let Some(multi) = c.to_pinyin_multi() else {
            return Some(usual);
        };
        let mut options: Vec<&str> = multi.into_iter().map(|p| p.plain()).collect();
        options.dedup();
        readings = readings
            .iter()
            .flat_map(|r| options.iter().map(move |o| format!("{r}{o}")))
            .take(MAX_READINGS)
            .collect();
    }
    Some(
        readings
            .into_iter()
            .find(|r| name.contains(r.as_str()))
            .unwrap_or(usual),
    )
}

/// A short readable slug of a file name: `00_luoyang-xigong_2023.txt` →
/// `luoyang-xigong-2023`; Chinese becomes pinyin, one word per run of Han characters.
pub fn slug(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = stem
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['_', '-', ' ']);
    let mut id = String::new();
    let mut last_han = false;
    for c in stem.chars() {
        let han = c.to_pinyin();
        if c.is_ascii_alphanumeric() {
            if last_han {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
        } else if let Some(p) = han {
            if !last_han && !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
            id.push_str(p.plain());
        } else if !id.ends_with('-') {
            id.push('-');
        }
        last_han = han.is_some();
        if id.len() >= MAX_SLUG {
            break;
        }
    }
    let id: String = id.chars().take(MAX_SLUG).collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "report".to_string()
    } else {
        id
    }
}

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Under its own id, new to the index.
    New,
    /// Under its id, replacing the report read earlier from the same file.
    Replaces,
    /// Under a suffixed id, because `wanted` belongs to another file.
    Renamed { wanted: String },
    /// Not stored: the same text is stored as report `of`.
    Duplicate { of: String },
}

/// The reports stored already, asked about one id or one file digest at a
/// time (so naming a few files never reads the whole archive).
pub trait Stored {
    /// The file stored report `id` was read from.
    fn owner(&self, id: &str) -> Option<String>;
    /// The id of the stored report read from a file with digest `digest`.
    fn with_digest(&self, digest: &str) -> Option<String>;
}

/// The ids and texts taken so far.
#[derive(Default)]
pub struct Naming<'a> {
    /// id → the file it was read from.
    owners: HashMap<String, PathBuf>,
    /// content key → id.
    texts: HashMap<String, String>,
    /// What is stored, behind what this session has recorded.
    stored: Option<&'a dyn Stored>,
}

/// FNV-1a of `bytes` as hex: stable across builds, so it can be stored.
pub fn digest(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// What identifies a report's content: its file's digest, else its paragraphs.
fn content_key(report: &Report) -> String {
    report.meta.digest.clone().unwrap_or_else(|| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for p in &report.paragraphs {
            p.text.hash(&mut hasher);
        }
        format!("text:{:016x}", hasher.finish())
    })
}

/// A path as compared: absolute and resolved when it exists.
fn file_key(path: &str) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path))
}

impl<'a> Naming<'a> {
    /// Starts from the reports already stored.
    pub fn new<'r>(stored: impl IntoIterator<Item = &'r Report>) -> Naming<'a> {
        let mut naming = Naming::default();
        for report in stored {
            naming.record(report);
        }
        naming
    }

    /// Starts from a store, asked as ids and contents come up.
    pub fn over(stored: &'a dyn Stored) -> Naming<'a> {
        Naming {
            stored: Some(stored),
            ..Naming::default()
        }
    }

    /// The file report `id` was read from.
    fn owner(&self, id: &str) -> Option<PathBuf> {
        match self.owners.get(id) {
            Some(file) => Some(file.clone()),
            None => self.stored?.owner(id).map(|path| file_key(&path)),
        }
    }

    /// The id of the report with content key `key`.
    fn text_owner(&self, key: &str) -> Option<String> {
        match self.texts.get(key) {
            Some(id) => Some(id.clone()),
            None => self.stored?.with_digest(key),
        }
    }

    fn record(&mut self, report: &Report) {
        self.owners.insert(report.meta.id.clone(), file_key(&report.meta.path));
        self.texts.insert(content_key(report), report.meta.id.clone());
    }

    /// Chooses the id of `report` (changing `report.meta.id` when it must) and records it.
    pub fn place(&mut self, report: &mut Report) -> Placement {
        let file = file_key(&report.meta.path);
        let hash = content_key(report);
        if let Some(of) = self.text_owner(&hash) {
            if self.owner(&of) != Some(file) {
                return Placement::Duplicate { of };
            }
            report.meta.id = of;
            self.record(report);
            return Placement::Replaces;
        }
        let wanted = report.meta.id.clone();
        let placement = match self.owner(&wanted) {
            None => Placement::New,
            Some(owner) if owner == file => Placement::Replaces,
            Some(_) => {
                let free = (2..)
                    .map(|n| format!("{wanted}-{n}"))
                    .find(|id| self.owner(id).is_none_or(|owner| owner == file))
                    .unwrap_or_else(|| wanted.clone());
                report.meta.id = free;
                Placement::Renamed { wanted }
            }
        };
        self.record(report);
        placement
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Years};

    fn report(id: &str, path: &str, text: &str) -> Report {
        Report {
            meta: ReportMeta {
                id: id.to_string(),
                title: String::new(),
                region: String::new(),
                years: Years::default(),
                kind: String::new(),
                date: None,
                source: None,
                complete: None,
                path: path.to_string(),
                digest: None,
            },
            paragraphs: vec![Paragraph {
                position: 0,
                section: vec![],
                text: text.to_string(),
                table: false,
                heading: false,
            }],
        }
    }

    #[test]
    fn slugs_are_short() {
        assert_eq!(
            slug(Path::new("corpora/00_luoyang-xigong_2023.txt")),
            "luoyang-xigong-2023"
        );
        assert_eq!(slug(Path::new("西工区 2023.txt")), "xigongqu-2023");
        assert!(slug(Path::new("海曙区2022年预算执行报告.txt")).len() <= MAX_SLUG);
        assert_eq!(slug(Path::new("！！.txt")), "report");
    }

    #[test]
    fn ids_from_metadata() {
        let mut meta = report("", "a.txt", "x").meta;
        meta.region = "河南省洛阳市西工区".to_string();
        meta.years = Years::parse("2023/2024");
        meta.kind = "预算报告".to_string();
        assert_eq!(report_id(&meta, Path::new("a.txt")), "xigong-2023");
        meta.kind = "决算报告".to_string();
        assert_eq!(report_id(&meta, Path::new("a.txt")), "xigong-2023-final");
        meta.region = "重庆市长寿区".to_string();
        meta.kind = "预算报告".to_string();
        assert_eq!(report_id(&meta, Path::new("a.txt")), "zhangshou-2023");
        assert_eq!(
            report_id(&meta, Path::new("02_chongqing-changshou_2022.txt")),
            "changshou-2023"
        );
    }

    #[test]
    fn clashes_get_a_suffix_and_copies_are_stored_once() {
        let mut naming = Naming::new([&report("a", "x/a.txt", "one")]);
        let mut again = report("a", "x/a.txt", "one, changed");
        assert_eq!(naming.place(&mut again), Placement::Replaces);
        let mut other = report("a", "y/a.txt", "two");
        assert_eq!(naming.place(&mut other), Placement::Renamed { wanted: "a".into() });
        assert_eq!(other.meta.id, "a-2");
        let mut copy = report("b", "z/b.txt", "two");
        assert_eq!(naming.place(&mut copy), Placement::Duplicate { of: "a-2".into() });
    }
}
