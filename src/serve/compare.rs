//! Stage: web front end, Compare page. Input: `GET /compare?metric=&region=&years=`
//! (`&format=csv` for the download). Output: the metric across regions and
//! years as a table with sources, an SVG bar chart, the reports that do not
//! state it, and the same CSV as `budgetq compare --csv`.

use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};

use super::chart::{self, Bar};
use super::failure::{Failure, PageError};
use super::layout::{self, query_string, report_href};
use super::params::{Params, RawQuery};
use super::{with_engine, Shared};
use crate::compare::{CompareRequest, Comparison};
use crate::export;

/// Reads `metric`, `region` and `years`; `None` when no metric is given.
pub fn request(params: &Params) -> Result<Option<CompareRequest>, Failure> {
    let Some(metric) = params.text("metric")? else {
        return Ok(None);
    };
    Ok(Some(CompareRequest {
        metric,
        regions: params.regions()?,
        years: params.years("years")?,
        phase: params.text("phase")?.as_deref().and_then(crate::compare::parse_phase),
    }))
}

/// The bars of a comparison: amounts in the common unit, else values of the
/// first row's unit.
pub fn bars(c: &Comparison) -> Vec<Bar> {
    let first_unit = c.rows.first().map(|r| r.unit.clone()).unwrap_or_default();
    c.rows
        .iter()
        .filter_map(|r| {
            let (value, text) = match (r.normalized, &c.unit) {
                (Some(n), Some(u)) => (n.to_string().parse::<f64>().ok()?, format!("{n}{u}")),
                _ if c.unit.is_none() && r.unit == first_unit => {
                    (r.value.parse::<f64>().ok()?, format!("{}{}", r.value, r.unit))
                }
                _ => return None,
            };
            Some(Bar {
                label: format!("{} {}", r.region, r.year),
                group: r.region.clone(),
                value,
                text,
            })
        })
        .collect()
}

fn form(metric: &str, regions: &str, years: &str) -> Markup {
    html! {
        form.compare action="/compare" method="get" {
            input type="text" name="metric" value=(metric) maxlength="200" placeholder="指标 metric，如 一般公共预算收入" aria-label="指标";
            input type="text" name="region" value=(regions) placeholder="地区 regions（逗号分隔，可空）";
            input type="text" name="years" value=(years) placeholder="年份 years 2020..2024" size="12";
            button type="submit" { "对比 Compare" }
        }
    }
}

fn table(c: &Comparison) -> Markup {
    let unit = c.unit.clone().unwrap_or_default();
    html! {
        table.comparison {
            thead { tr {
                th { "地区 region" } th { "年份 year" } th { (c.metric) @if !unit.is_empty() { " (" (unit) ")" } }
                th { "原文 as written" } th { "阶段 phase" } th { "出处 source" }
            } }
            tbody {
                @for r in &c.rows {
                    tr {
                        td { (r.region) }
                        td { (r.year) }
                        td.num { (r.normalized.map(|v| v.to_string()).unwrap_or_else(|| format!("{}{}", r.value, r.unit))) }
                        td.num { (r.value) (r.unit) }
                        td { (r.phase) }
                        td.sentence { (r.sentence) " " a.small href=(report_href(&r.report)) { "[" (r.report) "]" } }
                    }
                }
            }
        }
    }
}

/// `GET /compare`.
pub async fn page(State(engine): State<Shared>, raw: RawQuery) -> Result<Response, PageError> {
    let params = Params::from_query(raw)?;
    let format = params.text("format")?.unwrap_or_else(|| "html".into());
    if format != "html" && format != "csv" {
        return Err(Failure::BadRequest(format!(
            "format 只能是 html 或 csv (format must be html or csv, not {format})"
        ))
        .into());
    }
    let req = request(&params)?;
    let regions_text = params.regions()?.join(",");
    let years_text = params.text("years")?.unwrap_or_default();
    let Some(req) = req else {
        if format == "csv" {
            return Err(Failure::BadRequest("缺少参数 metric (missing parameter metric)".into()).into());
        }
        let body = html! {
            h1 { "对比 Compare" }
            (form("", &regions_text, &years_text))
            p.muted { "一个指标在各地区、各年份的数值，附图表和 CSV 下载。One metric across regions and years, with a chart and a CSV download." }
        };
        return Ok(Html(layout::page("对比", "/compare", body).into_string()).into_response());
    };
    let metric = req.metric.clone();
    let comparison = with_engine(&engine, move |e| e.compare(&req)).await?;
    if format == "csv" {
        let name = format!(
            "attachment; filename=\"compare.csv\"; filename*=UTF-8''compare-{}.csv",
            layout::encode(&metric)
        );
        return Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, name),
            ],
            export::comparison_csv(&comparison),
        )
            .into_response());
    }
    let csv_href = format!(
        "/compare?{}",
        query_string(&[
            ("metric", &metric),
            ("region", &regions_text),
            ("years", &years_text),
            ("format", "csv")
        ])
    );
    let chart_title = match &comparison.unit {
        Some(u) => format!("{metric}（{u}）"),
        None => metric.clone(),
    };
    let body = html! {
        h1 { "对比 Compare" }
        (form(&metric, &regions_text, &years_text))
        @if comparison.rows.is_empty() {
            p.card.notfound { "没有报告列明 " (metric) "。No report states this metric; try another wording such as 一般公共预算收入." }
        } @else {
            p { a.button href=(csv_href) download { "下载 CSV (download)" } " " span.muted { (comparison.rows.len()) " 行 rows" } }
            figure.chart {
                @if let Some(svg) = chart::bars(&chart_title, &bars(&comparison)) { (svg) }
            }
            (table(&comparison))
        }
        @if !comparison.missing.is_empty() {
            details.missing {
                summary { "未列明该指标的报告 (" (comparison.missing.len()) ") reports that do not state it" }
                ul { @for id in &comparison.missing { li { a href=(report_href(id)) { (id) } } } }
            }
        }
    };
    Ok(Html(layout::page(&metric, "/compare", body).into_string()).into_response())
}
