//! Stage: web front end (`budgetq serve`). Input: one open, read-only
//! [`Engine`] shared by every request and HTTP GET requests. Output: HTML
//! pages (Ask, Search, Reports, one Report, Compare with an SVG chart and a CSV
//! download) and a JSON API with the same contracts as the CLI's `--json`.
//!
//! One file per page or handler group: [`ask`] (`/`, `/ask`), [`search`],
//! [`reports`], [`compare`] with [`chart`], [`api`] (`/api/...`); [`layout`]
//! draws the page frame, [`params`] reads and bounds query parameters and
//! [`failure`] turns errors into 400/404/500 pages. Everything is drawn with
//! maud, which escapes every interpolated string, so report text (untrusted)
//! shows as text. Engine work runs on tokio's blocking pool; a panic there or
//! in a handler becomes a 500 page and the server stays up.

pub mod api;
pub mod ask;
pub mod chart;
pub mod compare;
pub mod failure;
pub mod layout;
pub mod params;
pub mod reports;
pub mod search;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

use crate::engine::Engine;
use crate::error::{Error, Result};
use failure::Failure;

/// The engine every handler shares (read-only).
pub type Shared = Arc<Engine>;

/// Runs engine work on the blocking pool; a panic in it is a [`Failure::Internal`].
pub async fn with_engine<T, F>(engine: &Shared, work: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce(&Engine) -> T + Send + 'static,
{
    let engine = Arc::clone(engine);
    tokio::task::spawn_blocking(move || work(&engine))
        .await
        .map_err(|e| Failure::Internal(format!("the request failed: {e}")))
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("style.css"),
    )
        .into_response()
}

async fn not_found() -> Response {
    failure::PageError(Failure::NotFound("没有这个页面 (no such page)".into())).into_response()
}

/// The routes, without the panic guard (see [`app`]).
pub fn router(engine: Shared) -> Router {
    Router::new()
        .route("/", get(ask::home))
        .route("/ask", get(ask::page))
        .route("/search", get(search::page))
        .route("/reports", get(reports::list))
        .route("/reports/{id}", get(reports::one))
        .route("/compare", get(compare::page))
        .route("/style.css", get(style))
        .route("/api/ask", get(api::ask))
        .route("/api/search", get(api::search))
        .route("/api/reports", get(api::reports))
        .route("/api/reports/{id}", get(api::report))
        .route("/api/summary/{id}", get(api::summary))
        .route("/api/compare", get(api::compare))
        .route("/api/facts", get(api::facts))
        .fallback(not_found)
        .with_state(engine)
}

/// Adds the guards to a router: a panic in any handler is a 500 page.
pub fn guarded(router: Router) -> Router {
    router.layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
        let mut response = failure::PageError(Failure::Internal("the page failed to render".into())).into_response();
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response
    }))
}

/// The whole application: routes and guards.
pub fn app(engine: Shared) -> Router {
    guarded(router(engine))
}

fn runtime(workers: usize) -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers.max(1))
        .max_blocking_threads(16)
        .thread_name("budgetq-serve")
        .enable_io()
        .build()
        .map_err(|e| Error::Invalid(format!("cannot start the web server: {e}")))
}

async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Error::Invalid(format!("cannot listen on {addr}: {e}")))
}

async fn serve_until(
    listener: tokio::net::TcpListener,
    app: Router,
    stop: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
        .map_err(|e| Error::Invalid(format!("the web server stopped: {e}")))
}

/// Serves `app` on `addr` until Ctrl-C, calling `ready` with the bound address
/// once it listens. `workers` is the number of async worker threads.
pub fn run(app: Router, addr: SocketAddr, workers: usize, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let rt = runtime(workers)?;
    rt.block_on(async move {
        let listener = bind(addr).await?;
        let local = listener.local_addr().map_err(|e| Error::io("socket", e))?;
        ready(local);
        let stop = async {
            // When the signal cannot be installed the server runs until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        serve_until(listener, app, stop).await
    })
}

/// A server running on its own thread (for tests and embedding); it stops
/// when dropped.
pub struct Background {
    addr: SocketAddr,
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    /// Starts `app` on `addr` (port 0 picks a free one).
    pub fn start(app: Router, addr: SocketAddr, workers: usize) -> Result<Background> {
        let rt = runtime(workers)?;
        let listener = rt.block_on(bind(addr))?;
        let local = listener.local_addr().map_err(|e| Error::io("socket", e))?;
        let (stop_tx, stop_rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let stop = async move {
                // Poll the std channel from the blocking pool.
                let _ = tokio::task::spawn_blocking(move || stop_rx.recv()).await;
            };
            let _ = rt.block_on(serve_until(listener, app, stop));
        });
        Ok(Background {
            addr: local,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_can_be_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Engine>();
    }
}
