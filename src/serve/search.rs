//! Stage: web front end, Search page. Input: `GET /search?q=&region=&year=&kind=&page=`.
//! Output: ranked paragraphs with highlighted snippets, section paths and
//! links to the paragraph in its report, ten to a page.

use axum::extract::State;
use axum::response::Html;
use maud::{html, Markup};

use super::failure::PageError;
use super::layout::{self, highlighted, paragraph_href, query_string, section_path};
use super::params::{Params, RawQuery, MAX_PAGE, PER_PAGE};
use super::{with_engine, Shared};
use crate::index::{Hit, SearchRequest};

/// The filters of a search, as given.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub q: String,
    pub region: String,
    pub year: Option<u16>,
    pub kind: String,
}

impl Filters {
    fn query(&self, page: usize) -> String {
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        let page = if page > 1 { page.to_string() } else { String::new() };
        query_string(&[
            ("q", &self.q),
            ("region", &self.region),
            ("year", &year),
            ("kind", &self.kind),
            ("page", &page),
        ])
    }
}

fn form(f: &Filters, kinds: &[String]) -> Markup {
    html! {
        form.search action="/search" method="get" {
            input type="search" name="q" value=(f.q) maxlength="200" placeholder="关键词，如 政府债券利息；\"引号\"内为短语" aria-label="关键词";
            input type="text" name="region" value=(f.region) placeholder="地区 region" size="10";
            input type="number" name="year" value=(f.year.map(|y| y.to_string()).unwrap_or_default()) placeholder="年份 year" min="1949" max="2100";
            select name="kind" aria-label="类型 kind" {
                option value="" { "全部类型 any kind" }
                @for k in kinds {
                    @if *k == f.kind { option value=(k) selected { (k) } } @else { option value=(k) { (k) } }
                }
            }
            button type="submit" { "搜索 Search" }
        }
    }
}

fn hit_view(h: &Hit) -> Markup {
    html! {
        article.hit {
            p.title {
                a href=(paragraph_href(&h.report, h.paragraph)) { (h.title) }
                " " span.muted { (h.region) " · " (h.years.to_string()) " · " (h.kind) " · 第" (h.paragraph + 1) "段" }
            }
            p { (section_path(&h.section)) }
            p.snippet { (highlighted(&h.fragment, &h.highlights)) }
        }
    }
}

/// `GET /search`.
pub async fn page(State(engine): State<Shared>, raw: RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::from_query(raw)?;
    let filters = Filters {
        q: params.text("q")?.unwrap_or_default(),
        region: params.text("region")?.unwrap_or_default(),
        year: params.year("year")?,
        kind: params.text("kind")?.unwrap_or_default(),
    };
    let page = params.number("page", 1, 1, MAX_PAGE)?;
    let mut kinds: Vec<String> = engine.reports().iter().map(|r| r.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let hits = if filters.q.is_empty() {
        Vec::new()
    } else {
        let req = SearchRequest {
            query: filters.q.clone(),
            region: (!filters.region.is_empty()).then(|| filters.region.clone()),
            year: filters.year,
            kind: (!filters.kind.is_empty()).then(|| filters.kind.clone()),
            limit: page * PER_PAGE + 1,
        };
        with_engine(&engine, move |e| e.search(&req)).await??
    };
    let more = hits.len() > page * PER_PAGE;
    let shown: Vec<&Hit> = hits.iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
    let body = html! {
        (form(&filters, &kinds))
        @if !filters.q.is_empty() {
            @if shown.is_empty() {
                p.card.notfound { "没有匹配的段落；试试更少的词，或去掉地区/年份。No paragraph matches; try fewer words or drop filters." }
            } @else {
                p.muted { "第 " (page) " 页 (page " (page) ")" }
                @for h in &shown { (hit_view(h)) }
                nav.pager {
                    @if page > 1 { a href={ "/search?" (filters.query(page - 1)) } { "« 上一页 previous" } }
                    @if more && page < MAX_PAGE { a href={ "/search?" (filters.query(page + 1)) } { "下一页 next »" } }
                }
            }
        }
    };
    let title = if filters.q.is_empty() {
        "搜索".to_string()
    } else {
        filters.q.clone()
    };
    Ok(Html(layout::page(&title, "/search", body).into_string()))
}
