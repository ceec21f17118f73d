//! `copydesk serve`: an HTTP API for newsroom systems and a page for copy editors.
//!
//! - `POST /v1/check` `{"text", "format"?: "text"|"markdown"|"html", "date"?: "YYYY-MM-DD",
//!   "select"?: [...], "ignore"?: [...], "name"?: "..."}` → the `check --format json` document.
//! - `POST /v1/fix` (same body, plus `"unsafe"?: bool`) → `{"text", "applied", "diagnostics"}`.
//! - `GET /v1/rules`, `GET /healthz`, `GET /` (the page, embedded; no external resources).
//!
//! Malformed JSON or a missing field: 400; a body over the limit: 413; an unknown format,
//! date or rule: 422; a request over the time limit: 503. Rules are loaded once and shared.

use crate::article::Format;
use crate::diagnostic::Severity;
use crate::fix;
use crate::lint::Linter;
use crate::report::json::diagnostics_json;
use crate::report::{FileReport, Summary};
use crate::{Article, ArticleOptions, Registry};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

const PAGE: &str = include_str!("page.html");

/// What the server shares between requests.
pub struct AppState {
    pub registry: Registry,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub date: Option<chrono::NaiveDate>,
    pub timeout: Duration,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    text: String,
    format: Option<String>,
    date: Option<String>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    name: Option<String>,
    #[serde(default, rename = "unsafe")]
    allow_unsafe: bool,
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        Json(json!({"error": message.into(), "status": status.as_u16()})),
    )
        .into_response()
}

/// A validated request, ready to lint.
struct Job {
    text: String,
    name: String,
    format: Format,
    options: ArticleOptions,
    select: Vec<String>,
    ignore: Vec<String>,
    allow_unsafe: bool,
}

fn parse_request(state: &AppState, body: &[u8]) -> Result<Job, Response> {
    let req: CheckRequest = serde_json::from_slice(body)
        .map_err(|e| error(StatusCode::BAD_REQUEST, format!("invalid request: {e}")))?;
    let format = match req.format.as_deref() {
        None | Some("text") => Format::Text,
        Some("markdown") => Format::Markdown,
        Some("html") => Format::Html,
        Some(other) => {
            return Err(error(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("unknown format `{other}` (text, markdown or html)"),
            ))
        }
    };
    let date = match req.date.as_deref() {
        None => state.date,
        Some(d) => Some(crate::article::dateline::parse_iso(d).ok_or_else(|| {
            error(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("invalid date `{d}` (YYYY-MM-DD)"),
            )
        })?),
    };
    for sel in req.select.iter().chain(req.ignore.iter()) {
        if !state.registry.knows(sel) {
            return Err(error(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("`{sel}` matches no rule or pack"),
            ));
        }
    }
    let mut select = if req.select.is_empty() {
        state.select.clone()
    } else {
        req.select
    };
    select.retain(|s| !s.is_empty());
    let mut ignore = state.ignore.clone();
    ignore.extend(req.ignore);
    Ok(Job {
        text: req.text,
        name: req.name.unwrap_or_else(|| "<text>".into()),
        format,
        options: ArticleOptions { date },
        select,
        ignore,
        allow_unsafe: req.allow_unsafe,
    })
}

fn check_json(state: &AppState, job: &Job, text: &str) -> Value {
    let linter = Linter::new(
        &state.registry,
        &job.select,
        &job.ignore,
        state.severity.clone(),
    );
    let article = Article::parse_as(job.name.clone(), text.to_string(), job.format, &job.options);
    let diagnostics = linter.lint(&article);
    let mut summary = Summary::default();
    summary.add(&diagnostics);
    let report = FileReport {
        path: &job.name,
        source: &article.source,
        index: &article.index,
        diagnostics: &diagnostics,
    };
    json!({"version": crate::report::json::JSON_VERSION, "diagnostics": diagnostics_json(&report), "summary": summary})
}

async fn run_blocking(state: Arc<AppState>, body: Bytes, fixing: bool) -> Response {
    let limit = state.timeout;
    let task = tokio::task::spawn_blocking(move || -> Result<Value, Response> {
        let job = parse_request(&state, &body)?;
        if !fixing {
            return Ok(check_json(&state, &job, &job.text));
        }
        let linter = Linter::new(
            &state.registry,
            &job.select,
            &job.ignore,
            state.severity.clone(),
        );
        let (fixed, applied) = fix::fix_until_stable(&job.text, job.allow_unsafe, 10, |t| {
            linter.lint(&Article::parse_as(
                job.name.clone(),
                t.to_string(),
                job.format,
                &job.options,
            ))
        });
        let remaining = check_json(&state, &job, &fixed);
        Ok(
            json!({"text": fixed, "applied": applied, "diagnostics": remaining["diagnostics"], "summary": remaining["summary"]}),
        )
    });
    match tokio::time::timeout(limit, task).await {
        Ok(Ok(Ok(v))) => Json(v).into_response(),
        Ok(Ok(Err(resp))) => resp,
        Ok(Err(_)) => error(StatusCode::INTERNAL_SERVER_ERROR, "the check failed"),
        Err(_) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the check took longer than {} s", limit.as_secs()),
        ),
    }
}

async fn check(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    run_blocking(state, body, false).await
}

async fn fix_handler(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    run_blocking(state, body, true).await
}

async fn rules(State(state): State<Arc<AppState>>) -> Response {
    let mut v: Vec<Value> = state
        .registry
        .rules()
        .map(|r| {
            let m = r.meta();
            json!({"id": m.id, "kind": m.kind, "severity": m.severity, "summary": m.summary, "help": m.help})
        })
        .collect();
    v.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    Json(json!({"rules": v})).into_response()
}

async fn page() -> Response {
    ([(header::CACHE_CONTROL, "no-cache")], Html(PAGE)).into_response()
}

pub fn router(state: Arc<AppState>, body_limit: usize) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/healthz", get(|| async { "ok" }))
        .route("/v1/rules", get(rules))
        .route("/v1/check", post(check))
        .route("/v1/fix", post(fix_handler))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(state)
}

/// Serve until SIGINT or SIGTERM. Prints the address it listens on to stderr.
pub fn serve(state: AppState, bind: &str, body_limit: usize) -> Result<(), String> {
    // Linting is CPU-bound: a few blocking threads per core are enough, and fewer threads keep
    // the allocator's per-thread memory down.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(4 * cores)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| format!("cannot bind {bind}: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        eprintln!("copydesk serve: listening on http://{addr}");
        let app = router(Arc::new(state), body_limit);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let ctrl_c = async {
                    let _ = tokio::signal::ctrl_c().await;
                };
                #[cfg(unix)]
                let term = async {
                    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    {
                        Ok(mut s) => {
                            s.recv().await;
                        }
                        Err(_) => std::future::pending::<()>().await,
                    }
                };
                #[cfg(not(unix))]
                let term = std::future::pending::<()>();
                tokio::select! { _ = ctrl_c => {}, _ = term => {} }
                eprintln!("copydesk serve: shutting down");
            })
            .await
            .map_err(|e| format!("server error: {e}"))
    })
}
