//! Stage: web front end, Reports pages. Input: `GET /reports?region=&year=&kind=`
//! and `GET /reports/{id}?sort=`. Output: the filtered list of reports, and
//! one report: title, metadata, its summary (budgets, debt, highlights,
//! risks), its sections and paragraphs (anchors `#p{n}`, `n` from 0 as in
//! citations) and its facts as a table sorted by the chosen column.

use std::cmp::Ordering;

use axum::extract::{Path, State};
use axum::response::Html;
use maud::{html, Markup};

use super::failure::{clip, Failure, PageError};
use super::layout::{self, query_string, report_href, section_path};
use super::params::{Params, RawQuery};
use super::{with_engine, Shared};
use crate::engine::FactFilter;
use crate::model::{Fact, Report, ReportMeta};
use crate::region;
use crate::summary::{Figure, Summary};

/// Facts table columns that can be sorted: (key, label).
const SORTS: &[(&str, &str)] = &[
    ("paragraph", "段 para"),
    ("year", "年份 year"),
    ("metric", "指标 metric"),
    ("phase", "阶段 phase"),
    ("value", "数值 value"),
];

/// True when a report passes the list filters.
pub fn listed(meta: &ReportMeta, region: Option<&str>, year: Option<u16>, kind: Option<&str>) -> bool {
    region.is_none_or(|r| region::matches(&meta.region, r) || meta.region.contains(r))
        && year.is_none_or(|y| meta.years.covers(y))
        && kind.is_none_or(|k| meta.kind == k)
}

/// `GET /reports`.
pub async fn list(State(engine): State<Shared>, raw: RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::from_query(raw)?;
    let region = params.text("region")?;
    let year = params.year("year")?;
    let kind = params.text("kind")?;
    let all = engine.reports();
    let mut kinds: Vec<&str> = all.iter().map(|r| r.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let shown: Vec<&ReportMeta> = all
        .iter()
        .filter(|m| listed(m, region.as_deref(), year, kind.as_deref()))
        .collect();
    let body = html! {
        h1 { "报告 Reports" }
        form.filters action="/reports" method="get" {
            input type="text" name="region" value=(region.clone().unwrap_or_default()) placeholder="地区 region";
            input type="number" name="year" value=(year.map(|y| y.to_string()).unwrap_or_default()) placeholder="年份 year" min="1949" max="2100";
            select name="kind" aria-label="类型 kind" {
                option value="" { "全部类型 any kind" }
                @for k in &kinds {
                    @if Some(*k) == kind.as_deref() { option value=(k) selected { (k) } } @else { option value=(k) { (k) } }
                }
            }
            button type="submit" { "筛选 Filter" }
        }
        p.muted { (shown.len()) " / " (all.len()) " 份报告 reports" }
        table.reports {
            thead { tr { th { "标题 title" } th { "地区 region" } th { "年度 years" } th { "类型 kind" } th { "日期 date" } } }
            tbody {
                @for m in &shown {
                    tr {
                        td { a href=(report_href(&m.id)) { (m.title) } br; span.small.muted { (m.id) } }
                        td { (m.region) }
                        td { (m.years.to_string()) }
                        td { (m.kind) }
                        td { (m.date.as_deref().unwrap_or("-")) }
                    }
                }
            }
        }
    };
    Ok(Html(layout::page("报告", "/reports", body).into_string()))
}

fn compare_facts(a: &Fact, b: &Fact, key: &str) -> Ordering {
    let by_paragraph = a.paragraph.cmp(&b.paragraph).then(a.span.cmp(&b.span));
    match key {
        "year" => a.year.cmp(&b.year).then(by_paragraph),
        "metric" => a.metric.cmp(&b.metric).then(by_paragraph),
        "phase" => a.phase.label().cmp(b.phase.label()).then(by_paragraph),
        "value" => a
            .yuan
            .unwrap_or(a.value)
            .cmp(&b.yuan.unwrap_or(b.value))
            .reverse()
            .then(by_paragraph),
        _ => by_paragraph,
    }
}

/// Sorts facts by a column key (unknown keys sort by paragraph).
pub fn sort_facts(facts: &mut [Fact], key: &str) {
    facts.sort_by(|a, b| compare_facts(a, b, key));
}

fn figure_row(f: &Figure, report: &str) -> Markup {
    html! {
        tr {
            td { (f.label) }
            td { (f.year.map(|y| format!("{y}年")).unwrap_or_default()) }
            td.num { (f.value) (f.unit) }
            td { (f.change.as_deref().unwrap_or("")) }
            td { a href=(format!("{}#p{}", report_href(report), f.paragraph)) { "¶" (f.paragraph + 1) } }
        }
    }
}

fn summary_view(s: &Summary) -> Markup {
    html! {
        section.summary {
            h2 id="summary" { "摘要 Summary" }
            @for b in &s.budgets {
                h3 { (b.budget) }
                @if b.figures.is_empty() {
                    p.muted { "未列明 (not stated)" }
                } @else {
                    table.figures { tbody { @for f in &b.figures { (figure_row(f, &s.report)) } } }
                }
            }
            h3 { "政府债务 debt" }
            @if s.debt.is_empty() {
                p.muted { "未列明 (not stated)" }
            } @else {
                table.figures { tbody { @for f in &s.debt { (figure_row(f, &s.report)) } } }
            }
            @if !s.highlights.is_empty() {
                h3 { "要点 highlights" }
                ul { @for h in &s.highlights { li { (h) } } }
            }
            @if !s.risks.is_empty() {
                h3 { "风险与困难 risks" }
                ul { @for r in &s.risks { li { (r) } } }
            }
        }
    }
}

fn paragraphs_view(report: &Report) -> Markup {
    // A section path wherever it changes, unless a heading paragraph just showed it.
    let headed: Vec<bool> = report
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            !p.heading
                && (i == 0 || (report.paragraphs[i - 1].section != p.section && !report.paragraphs[i - 1].heading))
        })
        .collect();
    html! {
        section.paragraphs {
            h2 id="text" { "正文 Text" }
            @for (p, heading) in report.paragraphs.iter().zip(headed) {
                @if heading && !p.section.is_empty() {
                    h3.path { (section_path(&p.section)) }
                }
                @let class = if p.table { "para table" } else if p.heading { "para heading" } else { "para" };
                div class=(class) id={ "p" (p.position) } {
                    a.anchor href={ "#p" (p.position) } title="link to this paragraph" { "¶" (p.position + 1) }
                    div.body { (p.text) }
                }
            }
        }
    }
}

fn facts_view(id: &str, facts: &[Fact], sort: &str) -> Markup {
    html! {
        section.facts {
            h2 id="facts" { "数据 Facts (" (facts.len()) ")" }
            table.facts {
                thead {
                    tr {
                        @for (key, label) in SORTS {
                            th {
                                @if *key == sort { (label) " ▾" } @else {
                                    a href={ (report_href(id)) "?" (query_string(&[("sort", key)])) "#facts" } { (label) }
                                }
                            }
                        }
                        th { "地区 region" } th { "关系 relation" } th { "句子 sentence" }
                    }
                }
                tbody {
                    @for f in facts {
                        tr {
                            td { a href={ "#p" (f.paragraph) } { "¶" (f.paragraph + 1) } }
                            td { (f.year.map(|y| y.to_string()).unwrap_or_default()) }
                            td { (f.metric) }
                            td { (f.phase.label()) }
                            td.num { (f.written) (f.unit) @if f.suspect.is_some() { " ⚠" } }
                            td { (f.region) }
                            td { (f.relation) }
                            td.sentence { (f.sentence) }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /reports/{id}`.
pub async fn one(
    State(engine): State<Shared>,
    Path(id): Path<String>,
    raw: RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::from_query(raw)?;
    let sort = params.text("sort")?.unwrap_or_else(|| "paragraph".into());
    if !SORTS.iter().any(|(k, _)| *k == sort) {
        return Err(Failure::BadRequest(format!(
            "sort 只能是 paragraph, year, metric, phase, value (sort must be one of those, not {sort})"
        ))
        .into());
    }
    let wanted = id.clone();
    let found = with_engine(&engine, move |e| {
        let report = e.report(&wanted)?;
        let mut facts: Vec<Fact> = e
            .facts(&FactFilter {
                report: Some(wanted.clone()),
                ..FactFilter::default()
            })
            .into_iter()
            .collect();
        sort_facts(&mut facts, &sort);
        let summary = e.summary(Some(&wanted), None, None).ok();
        Some((report, facts, summary, sort))
    })
    .await?;
    let Some((report, facts, summary, sort)) = found else {
        let id = clip(&id);
        return Err(Failure::NotFound(format!("没有编号为 {id} 的报告 (no report with id {id})")).into());
    };
    let m = &report.meta;
    let body = html! {
        article.report {
            h1 { (m.title) }
            dl.meta {
                dt { "编号 id" } dd { (m.id) }
                dt { "地区 region" } dd { (m.region) }
                dt { "年度 years" } dd { (m.years.to_string()) }
                dt { "类型 kind" } dd { (m.kind) }
                dt { "日期 date" } dd { (m.date.as_deref().unwrap_or("-")) }
                @if let Some(source) = &m.source { dt { "来源 source" } dd { (source) } }
                dt { "段落 paragraphs" } dd { (report.paragraphs.len()) }
            }
            nav.jump {
                a href="#summary" { "摘要 summary" } " · "
                a href="#text" { "正文 text" } " · "
                a href="#facts" { "数据 facts" } " · "
                a href={ "/api/reports/" (layout::encode(&m.id)) } { "JSON" }
            }
            @if let Some(s) = &summary { (summary_view(s)) }
            (paragraphs_view(&report))
            (facts_view(&m.id, &facts, &sort))
        }
    };
    Ok(Html(layout::page(&m.title, "/reports", body).into_string()))
}
