//! The forms a place's name takes: its official name (彭水苗族土家族自治县), the
//! short form with a plain suffix (彭水县) and the base name without suffix (彭水).
//! Input: a name and the word lists in `data/`; output: its [`Form`]s.

use std::collections::HashSet;
use std::sync::OnceLock;

/// How a form names a place, from safest to loosest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum FormKind {
    /// The official name with its suffix (雁塔区) or a short form that keeps a suffix (彭水县).
    Named,
    /// The name without suffix (雁塔): a word that may also be an ordinary word.
    Base,
    /// A base name that is an ordinary word (资源, 和平): in text a place only after its parent.
    Word,
    /// A generic word that is also some district's name (城区): a place only after its parent.
    Generic,
}

/// One form of a place's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Form {
    pub text: String,
    pub kind: FormKind,
    /// A base name of a zone-like suffix (浦东 of 浦东新区), kept only where no other place has it.
    pub weak: bool,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Ethnic group names as they stand in place names, longest first: (苗族, 苗) for each group.
fn ethnic_groups() -> &'static [(String, &'static str)] {
    static T: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v: Vec<(String, &str)> = lines(include_str!("data/ethnic_groups.txt"))
            .map(|g| (format!("{g}族"), g))
            .collect();
        // Longest first, so that 土家 is tried before 土.
        v.sort_by_key(|(_, g)| std::cmp::Reverse(g.len()));
        v
    })
}

/// Whether a word names a kind of area rather than a place (城区, 全区, 开发区).
pub(super) fn is_generic(word: &str) -> bool {
    static T: OnceLock<HashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| lines(include_str!("data/generic_words.txt")).collect())
        .contains(word)
}

/// Whether a base name is also an ordinary word (资源, 和平).
fn is_word(base: &str) -> bool {
    static T: OnceLock<HashSet<&'static str>> = OnceLock::new();
    T.get_or_init(|| lines(include_str!("data/word_bases.txt")).collect())
        .contains(base)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SuffixKind {
    Level,
    Weak,
    Zone,
}

fn suffixes() -> &'static [(&'static str, SuffixKind)] {
    static T: OnceLock<Vec<(&'static str, SuffixKind)>> = OnceLock::new();
    T.get_or_init(|| {
        lines(include_str!("data/suffixes.tsv"))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(s, k)| {
                let kind = match k.trim() {
                    "level" => SuffixKind::Level,
                    "weak" => SuffixKind::Weak,
                    "zone" => SuffixKind::Zone,
                    _ => return None,
                };
                Some((s.trim(), kind))
            })
            .collect()
    })
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The base of an autonomous place's name: 彭水苗族土家族自治县 → (彭水, 县),
/// 鄂温克族自治旗 → (鄂温克, 旗), 新疆维吾尔自治区 → (新疆, 区).
fn autonomous_base(name: &str) -> Option<(String, &str)> {
    let pos = name.find("自治")?;
    let suffix = &name[pos + "自治".len()..];
    let mut base = &name[..pos];
    let mut last_group = None;
    'strip: loop {
        for (with_zu, group) in ethnic_groups() {
            for word in [with_zu.as_str(), *group] {
                let Some(rest) = base.strip_suffix(word) else {
                    continue;
                };
                // 内蒙古 keeps 蒙古, 鄂伦春自治旗 keeps 鄂伦春: a group's bare name
                // comes off only when a place name stays.
                if word.ends_with('族') || chars(rest) >= 2 {
                    last_group = Some(*group);
                    base = rest;
                    continue 'strip;
                }
            }
        }
        break;
    }
    let base = if chars(base) >= 2 {
        base.to_string()
    } else {
        // 鄂温克族自治旗: the group's name is the place's name.
        last_group.filter(|g| chars(g) >= 2 && base.is_empty())?.to_string()
    };
    Some((base, suffix))
}

/// Every form of a place's name, the official name first.
///
/// `(name, kind)`: 三江侗族自治县 → 三江侗族自治县 (Named), 三江县 (Named), 三江 (Base).
pub(super) fn forms(name: &str) -> Vec<Form> {
    let mut out = Vec::with_capacity(3);
    out.push(Form {
        text: name.to_string(),
        kind: if is_generic(name) {
            FormKind::Generic
        } else {
            FormKind::Named
        },
        weak: false,
    });
    let mut push = |text: String, kind: FormKind, weak: bool| {
        if chars(&text) >= 2 && !is_generic(&text) && !out.iter().any(|f| f.text == text) {
            let kind = if kind == FormKind::Base && is_word(&text) {
                FormKind::Word
            } else {
                kind
            };
            out.push(Form { text, kind, weak });
        }
    };
    if let Some((base, suffix)) = autonomous_base(name) {
        if matches!(suffix, "县" | "旗" | "州") {
            push(format!("{base}{suffix}"), FormKind::Named, false);
        }
        push(base, FormKind::Base, false);
        return out;
    }
    if let Some((suffix, kind)) = suffixes().iter().find(|(s, _)| name.ends_with(s)) {
        let base = &name[..name.len() - suffix.len()];
        match kind {
            SuffixKind::Level => push(base.to_string(), FormKind::Base, false),
            SuffixKind::Weak => push(base.to_string(), FormKind::Base, true),
            SuffixKind::Zone => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str) -> Vec<String> {
        forms(name).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn autonomous_names_lose_their_groups() {
        assert_eq!(
            texts("彭水苗族土家族自治县"),
            ["彭水苗族土家族自治县", "彭水县", "彭水"]
        );
        assert_eq!(texts("鄂温克族自治旗"), ["鄂温克族自治旗", "鄂温克旗", "鄂温克"]);
        assert_eq!(texts("三江侗族自治县"), ["三江侗族自治县", "三江县", "三江"]);
        assert_eq!(texts("新疆维吾尔自治区"), ["新疆维吾尔自治区", "新疆"]);
        assert_eq!(texts("广西壮族自治区"), ["广西壮族自治区", "广西"]);
        assert_eq!(texts("内蒙古自治区"), ["内蒙古自治区", "内蒙古"]);
        assert_eq!(texts("延边朝鲜族自治州"), ["延边朝鲜族自治州", "延边州", "延边"]);
        assert_eq!(
            texts("积石山保安族东乡族撒拉族自治县"),
            ["积石山保安族东乡族撒拉族自治县", "积石山县", "积石山"]
        );
    }

    #[test]
    fn suffixes_come_off_and_generic_words_stay_generic() {
        assert_eq!(texts("玄武区"), ["玄武区", "玄武"]);
        assert_eq!(texts("陕西省"), ["陕西省", "陕西"]);
        assert_eq!(texts("神农架林区"), ["神农架林区", "神农架"]);
        assert_eq!(texts("郑州经济技术开发区"), ["郑州经济技术开发区"]);
        assert_eq!(forms("城区")[0].kind, FormKind::Generic);
        assert_eq!(texts("城区"), ["城区"]);
        assert!(forms("镇江新区")[1].weak);
        assert_eq!(forms("资源县")[1].kind, FormKind::Word);
    }
}
