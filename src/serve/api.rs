//! Stage: web front end, JSON API. Input: `GET /api/ask?q=`,
//! `/api/search?q=&region=&year=&kind=&limit=`, `/api/reports`,
//! `/api/reports/{id}`, `/api/summary/{id}`, `/api/compare?metric=&region=&years=`,
//! `/api/facts?region=&year=&report=&metric=`.
//! Output: the documents of the CLI's `--json` (built by [`crate::export`] or
//! the serialised model types), errors as `{"error": ...}` with 400/404/500.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::compare::request;
use super::failure::{clip, ApiError, Failure};
use super::params::{Params, RawQuery, MAX_LIMIT};
use super::{with_engine, Shared};
use crate::engine::FactFilter;
use crate::export;
use crate::index::SearchRequest;

type ApiResult = Result<Response, ApiError>;

fn unknown_report(id: &str) -> ApiError {
    Failure::NotFound(format!("no report with id {}; see /api/reports", clip(id))).into()
}

/// `GET /api/ask?q=`: the `ask --json` document.
pub async fn ask(State(engine): State<Shared>, raw: RawQuery) -> ApiResult {
    let q = Params::from_query(raw)?.required("q")?;
    let answer = with_engine(&engine, move |e| e.ask(&q)).await?;
    Ok(Json(answer).into_response())
}

/// `GET /api/search`: `{"hits": [...]}` as `search --json`.
pub async fn search(State(engine): State<Shared>, raw: RawQuery) -> ApiResult {
    let params = Params::from_query(raw)?;
    let req = SearchRequest {
        query: params.required("q")?,
        region: params.text("region")?,
        year: params.year("year")?,
        kind: params.text("kind")?,
        limit: params.number("limit", 10, 1, MAX_LIMIT)?,
    };
    let hits = with_engine(&engine, move |e| e.search(&req)).await??;
    Ok(Json(export::hits_json(&hits)).into_response())
}

/// `GET /api/reports`: `{"reports": [...]}` as `reports --json`.
pub async fn reports(State(engine): State<Shared>) -> ApiResult {
    Ok(Json(export::reports_json(&engine.reports())).into_response())
}

/// `GET /api/reports/{id}`: `{"report", "paragraphs", "facts"}`.
pub async fn report(State(engine): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let wanted = id.clone();
    let doc = with_engine(&engine, move |e| {
        let report = e.report(&wanted)?;
        let facts = e.facts(&FactFilter {
            report: Some(wanted.clone()),
            ..FactFilter::default()
        });
        Some(export::report_json(&report, &facts))
    })
    .await?;
    doc.map(|d| Json(d).into_response()).ok_or_else(|| unknown_report(&id))
}

/// `GET /api/summary/{id}`: the `summary --json` document.
pub async fn summary(State(engine): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let wanted = id.clone();
    let summary = with_engine(&engine, move |e| {
        e.report(&wanted)
            .is_some()
            .then(|| e.summary(Some(&wanted), None, None))
    })
    .await?;
    match summary {
        None => Err(unknown_report(&id)),
        Some(s) => Ok(Json(s?).into_response()),
    }
}

/// `GET /api/compare`: the `compare --json` document.
pub async fn compare(State(engine): State<Shared>, raw: RawQuery) -> ApiResult {
    let params = Params::from_query(raw)?;
    let req = request(&params)?.ok_or_else(|| Failure::BadRequest("missing parameter metric".into()))?;
    let comparison = with_engine(&engine, move |e| e.compare(&req)).await?;
    Ok(Json(comparison).into_response())
}

/// `GET /api/facts?region=&year=&report=&metric=`: `{"facts": [...]}` as `facts --json`.
pub async fn facts(State(engine): State<Shared>, raw: RawQuery) -> ApiResult {
    let params = Params::from_query(raw)?;
    let filter = FactFilter {
        region: params.text("region")?,
        year: params.year("year")?,
        report: params.text("report")?,
        metric: params.text("metric")?,
    };
    let doc = with_engine(&engine, move |e| export::facts_json(&e.facts(&filter))).await?;
    Ok(Json(doc).into_response())
}
