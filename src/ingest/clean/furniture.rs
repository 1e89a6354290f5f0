//! Cleaning step: page furniture. Drops page markers (`— 1 —`, `第1页`), web
//! navigation (您当前的位置, 首页 > …), metadata rows of government sites
//! (索引号, 发布机构, 成文日期 …), share and print buttons and markdown table
//! rows of page chrome. Only whole lines that are furniture go: a line that
//! ends a sentence, or is long, is prose and kept even when it names 索引号 or
//! 您现在的位置; the report's own text is never touched.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

struct Patterns {
    page_marker: Regex,
    navigation: Regex,
    metadata_row: Regex,
    button: Regex,
    bracket_label: Regex,
    label: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        page_marker: Regex::new(
            r"^(?:[-—–－━_]+\s*\d{1,4}\s*[-—–－━_]+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4}|-\s*\d{1,4}\s*-)$",
        )
        .expect("valid regex"),
        navigation: Regex::new(r"^[\s>》＞]*(?:您当前的位置|您的位置|您现在的位置|当前位置)|^首页\s*(?:>|》|＞)")
            .expect("valid regex"),
        metadata_row: Regex::new(
            r"^[\[【]?\s*(?:索引号|发文字号|主题分类|体裁分类|发布机构|有效性|成文日期|发布日期|发文日期|组配分类|公开方式|公开范围|发布时间|来源|日期|时间|浏览次数|阅读次数)\s*[\]】]?\s*[:：\]]",
        )
        .expect("valid regex"),
        button: Regex::new(
            r"^(?:[•·*-]\s*)?(?:导航|语音播报|分享(?:至)?[:：]?|字号\s*[:：]?.*|打印|保存|关闭|关闭窗口|扫一扫.*|蒙古文版|无障碍浏览|长者模式|返回顶部|【?字体[:：].*|\[\s*\])$",
        )
        .expect("valid regex"),
        bracket_label: Regex::new(r"^[•·*-]\s*\[\s*\p{Han}{2,6}\s*\]").expect("valid regex"),
        label: Regex::new(
            r"索引号|发文字号|主题分类|体裁分类|发布机构|有效性|成文日期|发布日期|发文日期|组配分类|公开方式|公开范围|发布时间|来源|浏览次数|阅读次数|日期|时间",
        )
        .expect("valid regex"),
    })
}

/// Lines at least this wide (in columns) are prose, whatever they contain.
const PROSE_WIDTH: usize = 100;

/// True when a line reads as prose: it ends a sentence or it is long.
fn is_prose(line: &str) -> bool {
    line.contains(['。', '！', '？']) || crate::text::display_width(line) >= PROSE_WIDTH
}

/// True when a whole line is page furniture rather than report text.
pub fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    let p = patterns();
    if p.page_marker.is_match(t) {
        return true;
    }
    !is_prose(t)
        && (p.navigation.is_match(t)
            || p.metadata_row.is_match(t)
            || p.button.is_match(t)
            || ((t.contains("索引号") || t.contains("发布时间")) && label_residue(t) <= MAX_RESIDUE)
            || strong_labels(t) >= 2)
}

/// Labels that only a page's metadata block uses (公开方式 主动公开 发布机构 X县财政局):
/// two of them make a metadata line whatever its values.
const STRONG_LABELS: &[&str] = &[
    "索引号",
    "发文字号",
    "主题分类",
    "体裁分类",
    "发布机构",
    "成文日期",
    "发布日期",
    "发文日期",
    "组配分类",
    "公开方式",
    "公开范围",
    "发布时间",
    "责任部门",
    "生成日期",
    "公开时限",
    "信息来源",
    "浏览次数",
    "阅读次数",
];

/// How many of the [`STRONG_LABELS`] a line holds (each counted once), in one pass.
fn strong_labels(line: &str) -> usize {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let Some(ac) = AC.get_or_init(|| AhoCorasick::new(STRONG_LABELS).ok()) else {
        return STRONG_LABELS.iter().filter(|l| line.contains(*l)).count();
    };
    let found = ac
        .find_overlapping_iter(line)
        .fold(0u64, |seen, m| seen | 1 << m.pattern().as_usize());
    found.count_ones() as usize
}

/// A metadata line holds labels and values; a line with more Han characters
/// than this besides its labels is text that merely names a label.
const MAX_RESIDUE: usize = 8;

/// The Han characters of a line besides the metadata labels in it.
fn label_residue(line: &str) -> usize {
    let p = patterns();
    p.label
        .replace_all(line, "")
        .chars()
        .filter(|c| crate::text::is_han(*c))
        .count()
}

/// Drops furniture lines. A run of `- [ 标签 ]` / `- value` list items (site
/// metadata rendered as a list) is dropped whole.
pub fn drop_furniture(mut lines: Vec<String>) -> Vec<String> {
    let p = patterns();
    let mut out = Vec::with_capacity(lines.len());
    let mut in_metadata_list = false;
    // Runs of pipe rows that hold figures are the report's tables, not chrome.
    let mut figure_rows = 0;
    // A kept line is moved out (only the lines after it are looked at again).
    for i in 0..lines.len() {
        let t = lines[i].trim();
        if figure_rows > 0 {
            figure_rows -= 1;
            out.push(std::mem::take(&mut lines[i]));
            continue;
        }
        if t.starts_with('|') {
            let run: Vec<&str> = lines[i..]
                .iter()
                .map(|l| l.trim())
                .take_while(|l| l.starts_with('|'))
                .collect();
            if super::tables::is_figure_run(&run) {
                figure_rows = run.len() - 1;
                out.push(std::mem::take(&mut lines[i]));
                continue;
            }
        }
        if p.bracket_label.is_match(t) {
            in_metadata_list = true;
            continue;
        }
        if in_metadata_list {
            if t.starts_with(['-', '•', '·', '*']) || t.is_empty() {
                continue;
            }
            in_metadata_list = false;
        }
        if t.starts_with('|') {
            // A page-chrome table row; only the report's name (名称) is kept.
            if t.contains("名称") {
                if let Some(cell) = t
                    .split('|')
                    .map(str::trim)
                    .filter(|c| !c.contains("名称"))
                    .max_by_key(|c| c.len())
                {
                    out.push(cell.to_string());
                }
            }
            continue;
        }
        if !is_furniture(t) {
            out.push(std::mem::take(&mut lines[i]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(lines: &[&str]) -> Vec<String> {
        drop_furniture(lines.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn drops_navigation_and_page_markers() {
        let out = keep(&[
            "您当前的位置: 首页 > 政务公开 > 预算/决算",
            "[ 索引号 ] 11500227009344635U/2024-00018 [ 发文字号 ]",
            "[ 成文日期 ] 2024-02-18 [ 发布日期 ] 2024-02-18",
            "— 3 —",
            "首页>区财政局>政务公开",
            "公开方式 主动公开 发布机构 沙河县财政局 责任部门 沙河县财政局",
            "一、2023年预算执行情况",
            "1500",
        ]);
        assert_eq!(out, vec!["一、2023年预算执行情况", "1500"]);
    }

    #[test]
    fn prose_naming_furniture_words_is_kept() {
        let sentence = "（见索引号附表）2023年全区政府债券实际支付利息3824.35万元。";
        let wrapped = "（见索引号附表）2023年全区政府债券实际支付利息 3824.35万元（一般债券";
        let nav = "您现在的位置在本报告第三部分，详见附表。";
        let out = keep(&[
            sentence,
            wrapped,
            nav,
            "索引号：123/2024-01",
            "[ 索引号 ] 115/2024-00018 [ 发文字号 ] 巴南府函〔2023〕299号",
        ]);
        assert_eq!(out, vec![sentence, wrapped, nav]);
    }

    #[test]
    fn drops_metadata_lists() {
        let out = keep(&[
            "- [ 索引号 ]",
            "- 11500113009307279X/2023-00122",
            "- [ 发文字号 ]",
            "- 巴南府函〔2023〕299号",
            "重庆市巴南区人民政府关于2022年决算(草案)的报告",
        ]);
        assert_eq!(out, vec!["重庆市巴南区人民政府关于2022年决算(草案)的报告"]);
    }
}
