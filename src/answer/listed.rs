//! Stage: answering, counts of listed items. Input: a question asking how many
//! projects (几个项目) and the stored paragraphs of its report. Output: the number
//! of items the report lists after a sentence that names what the question names
//! and ends with a colon (新增专项债券160000万元安排以下项目： 1.… 2.… 3.…), when
//! the report states no such count itself.

use std::collections::HashSet;

use crate::extract::context::canonical;
use crate::index::Store;
use crate::model::{Answer, AnswerValue, Fact, ReportMeta, Source, ValueKind};

use super::question::Question;
use super::rank;

/// True for a paragraph that is one item of a list: numbered (1.…；, （2）…) or a
/// bare row of a name and its amount (浏阳经开区标准化厂房建设项目  68000万元).
pub(super) fn is_list_item(text: &str) -> bool {
    let row = text.chars().count() <= 40
        && !text.contains(['。', '，', '；', ','])
        && text.contains(|c: char| c.is_ascii_digit());
    (crate::ingest::structure::heading_level(text).is_some() || row) && !text.trim_end().ends_with(['：', ':'])
}

/// True when `text` opens with item mark `n` (3. 3、 （3） (3)).
fn numbered_as(text: &str, n: usize) -> bool {
    [format!("{n}."), format!("{n}、"), format!("（{n}）"), format!("({n})")]
        .iter()
        .any(|m| text.starts_with(m.as_str()) && !text[m.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Numbered items inside one paragraph after its colon (…如下：1.…；2.…；3.…).
fn inline_items(after_colon: &str) -> usize {
    let mut n = 0;
    let mut expected = 1;
    let mut rest = after_colon;
    loop {
        let marks = [
            format!("{expected}."),
            format!("{expected}、"),
            format!("（{expected}）"),
            format!("({expected})"),
        ];
        let Some(at) = marks
            .iter()
            .filter_map(|m| rest.find(m.as_str()).map(|i| (i, m.len())))
            .min()
        else {
            break;
        };
        // (2.5亿元 is no item mark: the mark opens the text or follows a break)
        let before = rest[..at.0].chars().next_back();
        if n > 0 && !before.is_some_and(|c| matches!(c, '；' | ';' | '。' | '，' | ' ' | '\n')) {
            break;
        }
        n += 1;
        expected += 1;
        rest = &rest[at.0 + at.1..];
    }
    n
}

/// The count of projects a report lists under the lead sentence the question names.
pub(super) fn count(store: &Store, q: &Question, facts: &[(&Fact, &ReportMeta)]) -> Option<Answer> {
    let noun = crate::lexicon::asked_counted_noun(&q.plain).unwrap_or_default();
    if q.want != Some(ValueKind::Count) || !(noun.ends_with("项目") || q.content.contains("项目")) {
        return None;
    }
    let unit = crate::lexicon::asked_count_unit(&q.plain).unwrap_or("个").to_string();
    // What the lead must name: the content less the words of the count itself.
    let named: HashSet<String> = rank::bigrams(&canonical(
        &["安排了", "安排", "项目", "用于", "支持", "共", "一共", "总共"]
            .iter()
            .fold(q.content.clone(), |c, w| c.replace(w, "")),
    ));
    if named.is_empty() {
        return None;
    }
    let mut found: Vec<(usize, &Fact)> = Vec::new();
    let mut seen: HashSet<(&str, usize)> = HashSet::new();
    for (fact, _) in facts {
        if fact.year != q.year || !seen.insert((fact.report.as_str(), fact.paragraph)) {
            continue;
        }
        let Some(paragraph) = store.paragraph(&fact.report, fact.paragraph) else {
            continue;
        };
        let text = paragraph.text.trim_end();
        // The lead: the sentence with a colon that introduces the list.
        let Some(colon) = text.rfind(['：', ':']) else {
            continue;
        };
        let lead_start = text[..colon].rfind(['。', '；']).map_or(0, |i| i + '。'.len_utf8());
        let lead = canonical(&text[lead_start..colon]);
        if !(lead.contains("项目") || lead.contains("如下") || lead.contains("以下")) {
            continue;
        }
        let lead_words = rank::bigrams(&lead);
        if named.iter().filter(|b| lead_words.contains(*b)).count() * 5 < named.len() * 4 {
            continue;
        }
        let after = &text[colon + text[colon..].chars().next().map_or(1, char::len_utf8)..];
        let items = if after.trim().is_empty() {
            // The items are the paragraphs that follow, all of the first one's shape:
            // numbered in order (1. 2. 3.), or rows (a heading after them ends the list).
            let following: Vec<String> = (fact.paragraph + 1..fact.paragraph + 200)
                .map_while(|i| store.paragraph(&fact.report, i))
                .map(|p| p.text.trim().to_string())
                .take_while(|t| is_list_item(t))
                .collect();
            let numbered = following.first().is_some_and(|t| numbered_as(t, 1));
            following
                .iter()
                .enumerate()
                .take_while(|(i, t)| {
                    if numbered {
                        numbered_as(t, i + 1)
                    } else {
                        crate::ingest::structure::heading_level(t).is_none()
                    }
                })
                .count()
        } else {
            inline_items(after)
        };
        if items >= 2 {
            found.push((items, fact));
        }
    }
    // One list only: two that fit are no answer.
    let [(items, fact)] = found.as_slice() else {
        return None;
    };
    let paragraph = store.paragraph(&fact.report, fact.paragraph)?;
    let year = fact.year.map(|y| format!("{y}年")).unwrap_or_default();
    let text = format!(
        "{items}{unit}（{year}{}列出的项目，逐项计数）",
        paragraph.text.trim_end().trim_end_matches(['：', ':'])
    );
    Some(Answer {
        question: q.text.clone(),
        answer: Some(AnswerValue {
            value: items.to_string(),
            unit,
            text,
            metric: format!("{}所列项目数", q.content),
            phase: fact.phase.label().to_string(),
            year: fact.year,
            region: fact.region.clone(),
            report: fact.report.clone(),
            computed: true,
        }),
        candidates: Vec::new(),
        // (the lead is quoted; its amount is not what was counted, so nothing is marked)
        sources: super::source(store, fact)
            .map(|s| Source {
                highlight: None,
                highlight_chars: None,
                ..s
            })
            .into_iter()
            .collect(),
        reason: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_numbered_or_rows_of_a_name_and_an_amount() {
        assert!(is_list_item("浏阳经开区标准化厂房建设项目  68000万元"));
        assert!(is_list_item("3.江安县中医医院迁建项目，22000万元；"));
        assert!(!is_list_item("新增专项债券76000万元，按项目安排如下："));
        assert!(!is_list_item("全年共发行政府债券560400万元，其中新增债券326000万元。"));
    }

    #[test]
    fn numbered_items_in_one_paragraph_are_counted_in_order() {
        assert_eq!(inline_items("1.供水工程3.2亿元；2.厂房2.8亿元；3.医院2.2亿元。"), 3);
        assert_eq!(inline_items("（1）甲项目；（2）乙项目"), 2);
        assert_eq!(inline_items("全部用于偿还到期本金"), 0);
    }
}
