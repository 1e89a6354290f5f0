//! Stage: web front end, errors. Input: what went wrong in a request (bad
//! parameter, unknown report, engine error, panic). Output: a 400/404/500
//! response, as an HTML page ([`PageError`]) or as JSON `{"error": ...}`
//! ([`ApiError`]), saying why in words.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use maud::html;

use super::layout;
use crate::error::Error;

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A parameter is missing, malformed or out of bounds (400).
    BadRequest(String),
    /// The thing asked for does not exist (404).
    NotFound(String),
    /// Something failed inside (500).
    Internal(String),
}

impl Failure {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The reason, in words.
    pub fn message(&self) -> &str {
        match self {
            Failure::BadRequest(m) | Failure::NotFound(m) | Failure::Internal(m) => m,
        }
    }
}

/// `text` cut to 80 characters, for echoing user input in a message.
pub fn clip(text: &str) -> String {
    if text.chars().count() <= 80 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(80).collect::<String>())
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::Invalid(m) => Failure::BadRequest(m),
            other => Failure::Internal(other.to_string()),
        }
    }
}

/// A failure shown as an HTML page.
#[derive(Debug)]
pub struct PageError(pub Failure);

impl From<Failure> for PageError {
    fn from(f: Failure) -> Self {
        PageError(f)
    }
}

impl From<Error> for PageError {
    fn from(e: Error) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let title = match status {
            StatusCode::BAD_REQUEST => "请求有误 (bad request)",
            StatusCode::NOT_FOUND => "找不到 (not found)",
            _ => "出错了 (server error)",
        };
        let body = html! {
            section.error {
                h1 { (status.as_u16()) " " (title) }
                p.reason { (self.0.message()) }
                p { a href="/" { "返回首页 (home)" } }
            }
        };
        (status, Html(layout::page(title, "", body).into_string())).into_response()
    }
}

/// A failure shown as JSON: `{"error": "..."}`.
#[derive(Debug)]
pub struct ApiError(pub Failure);

impl From<Failure> for ApiError {
    fn from(f: Failure) -> Self {
        ApiError(f)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0.status(), Json(serde_json::json!({ "error": self.0.message() }))).into_response()
    }
}
