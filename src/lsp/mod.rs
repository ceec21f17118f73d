//! `copydesk lsp`: a language server over stdio (rust-analyzer's `lsp-server`: synchronous, no
//! async runtime, the transport rust-analyzer itself uses).
//!
//! Diagnostics are published for plain-text and Markdown documents on open, change (coalesced:
//! queued changes to a document are linted once) and save, with the rule id as code, related
//! spans as related information, and the help text. Every fixable diagnostic has a code action,
//! and each document one “fix all safe” action. Positions are UTF-16 code units unless the
//! client offers UTF-8. The workspace's `copydesk.toml` and its rule files are loaded at start
//! and reloaded when saved; a broken one is shown as a diagnostic on that file.

use crate::article::{Format, LineIndex};
use crate::config;
use crate::diagnostic::{Applicability, Diagnostic as CdDiagnostic, Severity};
use crate::fix;
use crate::lint::Linter;
use crate::rules::registry::LoadError;
use crate::rules::Registry;
use crate::{Article, ArticleOptions};
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types as lt;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

struct Settings {
    registry: Registry,
    select: Vec<String>,
    ignore: Vec<String>,
    severity: Vec<(String, Severity)>,
    date: Option<chrono::NaiveDate>,
    /// Files that failed to load, with their error diagnostics.
    broken: Vec<(String, lt::Diagnostic)>,
    /// Config and rule files whose saving triggers a reload.
    watched: Vec<PathBuf>,
}

struct Server {
    utf8: bool,
    root: Option<PathBuf>,
    settings: Settings,
    docs: HashMap<String, String>,
    /// Rule files with a published error, to clear once fixed.
    broken_published: Vec<String>,
}

fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let mut out = Vec::new();
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&rest[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

fn path_uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

fn load_settings(root: Option<&Path>) -> Settings {
    let mut broken = Vec::new();
    let mut watched = Vec::new();
    let cfg = root.and_then(config::discover);
    let mut conf = config::Config::default();
    if let Some(p) = &cfg {
        watched.push(p.clone());
        match config::load(p) {
            Ok(c) => conf = c,
            Err(config::ConfigError::Invalid(e)) => {
                broken.push((path_uri(p), error_diagnostic(&e)))
            }
            Err(config::ConfigError::Io(m)) => broken.push((path_uri(p), plain_error(&m))),
        }
    }
    let mut registry = Registry::builtin().unwrap_or_else(|_| Registry::empty());
    for r in &conf.rules {
        watched.push(r.clone());
        match registry.add_file(r) {
            Ok(()) => {}
            Err(LoadError::Rules(e)) => broken.push((path_uri(r), error_diagnostic(&e))),
            Err(LoadError::Io(m)) => broken.push((path_uri(r), plain_error(&m))),
        }
    }
    Settings {
        registry,
        select: conf.select,
        ignore: conf.ignore,
        severity: conf.severity,
        date: conf.date,
        broken,
        watched,
    }
}

fn plain_error(message: &str) -> lt::Diagnostic {
    lt::Diagnostic {
        range: lt::Range::default(),
        severity: Some(lt::DiagnosticSeverity::ERROR),
        source: Some("copydesk".into()),
        message: message.to_string(),
        ..Default::default()
    }
}

/// A rule-file error as a diagnostic on the rule file (its span turned into a range).
fn error_diagnostic(e: &crate::rules::RuleFileError) -> lt::Diagnostic {
    use miette::SourceCode;
    let mut d = plain_error(&format!("{}: {}", e.message, e.label));
    if let Ok(contents) = e.src.read_span(&e.span, 0, 0) {
        let line = contents.line() as u32;
        let col = contents.column() as u32;
        d.range = lt::Range::new(
            lt::Position::new(line, col),
            lt::Position::new(line, col + e.span.len() as u32),
        );
    }
    d
}

impl Server {
    fn position(&self, index: &LineIndex, text: &str, offset: usize) -> lt::Position {
        let (line, col) = if self.utf8 {
            let line = index.line_of(offset.min(text.len()));
            let start = index.line_start(line);
            (line, offset.saturating_sub(start))
        } else {
            index.utf16_position(text, offset)
        };
        lt::Position::new(line as u32, col as u32)
    }

    fn offset(&self, index: &LineIndex, text: &str, pos: lt::Position) -> usize {
        if self.utf8 {
            let start = index.line_start(pos.line as usize);
            crate::article::position::floor_char_boundary(
                text,
                (start + pos.character as usize).min(text.len()),
            )
        } else {
            index.offset_of_utf16(text, pos.line as usize, pos.character as usize)
        }
    }

    fn range(&self, index: &LineIndex, text: &str, span: crate::Span) -> lt::Range {
        lt::Range::new(
            self.position(index, text, span.start),
            self.position(index, text, span.end),
        )
    }

    fn lint(&self, uri: &str, text: &str) -> (Article, Vec<CdDiagnostic>) {
        let s = &self.settings;
        let linter = Linter::new(&s.registry, &s.select, &s.ignore, s.severity.clone());
        let format = Format::from_path(uri);
        let article = Article::parse_as(
            uri.to_string(),
            text.to_string(),
            format,
            &ArticleOptions { date: s.date },
        );
        let d = linter.lint(&article);
        (article, d)
    }

    fn publish(&self, conn: &Connection, uri: &str) {
        let Some(text) = self.docs.get(uri) else {
            return;
        };
        let (article, diags) = self.lint(uri, text);
        let parsed_uri: Option<lt::Uri> = uri.parse().ok();
        let items: Vec<lt::Diagnostic> = diags
            .iter()
            .map(|d| {
                let mut message = d.message.clone();
                if let Some(h) = &d.help {
                    message.push('\n');
                    message.push_str(h);
                }
                lt::Diagnostic {
                    range: self.range(&article.index, text, d.span),
                    severity: Some(match d.severity {
                        Severity::Error => lt::DiagnosticSeverity::ERROR,
                        Severity::Warning => lt::DiagnosticSeverity::WARNING,
                        Severity::Info => lt::DiagnosticSeverity::INFORMATION,
                    }),
                    code: Some(lt::NumberOrString::String(d.rule.clone())),
                    source: Some("copydesk".into()),
                    message,
                    related_information: parsed_uri.as_ref().map(|u| {
                        d.related
                            .iter()
                            .filter(|r| r.path.is_none())
                            .map(|r| lt::DiagnosticRelatedInformation {
                                location: lt::Location::new(
                                    u.clone(),
                                    self.range(&article.index, text, r.span),
                                ),
                                message: r.message.clone(),
                            })
                            .collect()
                    }),
                    ..Default::default()
                }
            })
            .collect();
        send_diagnostics(conn, uri, items);
    }

    fn publish_broken(&mut self, conn: &Connection) {
        for old in std::mem::take(&mut self.broken_published) {
            if !self.settings.broken.iter().any(|(u, _)| *u == old) {
                send_diagnostics(conn, &old, Vec::new());
            }
        }
        for (uri, d) in &self.settings.broken {
            send_diagnostics(conn, uri, vec![d.clone()]);
            self.broken_published.push(uri.clone());
        }
    }

    fn code_actions(&self, params: lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        let uri_s = params.text_document.uri.to_string();
        let Some(text) = self.docs.get(&uri_s) else {
            return Vec::new();
        };
        let (article, diags) = self.lint(&uri_s, text);
        let want_start = self.offset(&article.index, text, params.range.start);
        let want_end = self.offset(&article.index, text, params.range.end);
        let mut out = Vec::new();
        let edit_for = |edits: Vec<lt::TextEdit>| lt::WorkspaceEdit {
            changes: Some(HashMap::from([(params.text_document.uri.clone(), edits)])),
            ..Default::default()
        };
        for d in &diags {
            let Some(f) = &d.fix else { continue };
            if d.span.end < want_start || d.span.start > want_end {
                continue;
            }
            let edits = f
                .edits
                .iter()
                .map(|e| {
                    lt::TextEdit::new(
                        self.range(&article.index, text, e.span),
                        e.replacement.clone(),
                    )
                })
                .collect();
            let safe = f.applicability == Applicability::Safe;
            out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                title: format!(
                    "{} ({}{})",
                    crate::report::full::describe_fix(d, text).unwrap_or_default(),
                    d.rule,
                    if safe { "" } else { ", may change meaning" }
                ),
                kind: Some(lt::CodeActionKind::QUICKFIX),
                edit: Some(edit_for(edits)),
                is_preferred: Some(safe),
                ..Default::default()
            }));
        }
        // Fix all safe: the whole document replaced by its fixed text.
        let s = &self.settings;
        let linter = Linter::new(&s.registry, &s.select, &s.ignore, s.severity.clone());
        let format = Format::from_path(&uri_s);
        let opts = ArticleOptions { date: s.date };
        let (fixed, n) = fix::fix_until_stable(text, false, 10, |t| {
            linter.lint(&Article::parse_as(
                uri_s.clone(),
                t.to_string(),
                format,
                &opts,
            ))
        });
        if n > 0 && fixed != *text {
            let end = self.position(&article.index, text, text.len());
            out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                title: format!("copydesk: fix all safe problems ({n})"),
                kind: Some(lt::CodeActionKind::SOURCE_FIX_ALL),
                edit: Some(edit_for(vec![lt::TextEdit::new(
                    lt::Range::new(lt::Position::new(0, 0), end),
                    fixed,
                )])),
                ..Default::default()
            }));
        }
        out
    }
}

fn send_diagnostics(conn: &Connection, uri: &str, diagnostics: Vec<lt::Diagnostic>) {
    let Ok(uri) = uri.parse::<lt::Uri>() else {
        return;
    };
    let params = lt::PublishDiagnosticsParams {
        uri,
        diagnostics,
        version: None,
    };
    let _ = conn.sender.send(Message::Notification(Notification::new(
        "textDocument/publishDiagnostics".into(),
        params,
    )));
}

/// Run the server on stdin/stdout until the client says exit. Returns the exit code.
pub fn serve() -> i32 {
    let (connection, io_threads) = Connection::stdio();
    let code = match run(&connection) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("copydesk lsp: {e}");
            1
        }
    };
    drop(connection);
    let _ = io_threads.join();
    code
}

fn run(conn: &Connection) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (id, params) = conn.initialize_start()?;
    let init: lt::InitializeParams = serde_json::from_value(params)?;
    let utf8 = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|v| v.contains(&lt::PositionEncodingKind::UTF8));
    #[allow(deprecated)]
    let root = init
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.to_string())
        .or_else(|| init.root_uri.as_ref().map(|u| u.to_string()))
        .and_then(|u| uri_path(&u));
    let caps = lt::ServerCapabilities {
        position_encoding: Some(if utf8 {
            lt::PositionEncodingKind::UTF8
        } else {
            lt::PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::FULL),
                save: Some(lt::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lt::CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    };
    conn.initialize_finish(
        id,
        serde_json::json!({"capabilities": caps, "serverInfo": {"name": "copydesk", "version": env!("CARGO_PKG_VERSION")}}),
    )?;
    let settings = load_settings(root.as_deref());
    let mut server = Server {
        utf8,
        root,
        settings,
        docs: HashMap::new(),
        broken_published: Vec::new(),
    };
    server.publish_broken(conn);
    let mut pending: Vec<Message> = Vec::new();
    loop {
        let msg = match pending.pop() {
            Some(m) => m,
            None => match conn.receiver.recv() {
                Ok(m) => m,
                Err(_) => return Ok(()),
            },
        };
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req)? {
                    return Ok(());
                }
                handle_request(conn, &server, req);
            }
            Message::Notification(n) => {
                if let Some(first) = handle_notification(conn, &mut server, n) {
                    // Coalesce: apply every queued change, then lint each changed document once.
                    let mut changed: Vec<String> = vec![first];
                    while let Ok(next) = conn.receiver.try_recv() {
                        match next {
                            Message::Notification(m) if m.method == "textDocument/didChange" => {
                                if let Ok(p) = serde_json::from_value::<
                                    lt::DidChangeTextDocumentParams,
                                >(m.params)
                                {
                                    let uri = p.text_document.uri.to_string();
                                    if let Some(c) = p.content_changes.into_iter().last() {
                                        server.docs.insert(uri.clone(), c.text);
                                    }
                                    changed.push(uri);
                                }
                            }
                            other => {
                                pending.insert(0, other);
                                break;
                            }
                        }
                    }
                    changed.sort();
                    changed.dedup();
                    for uri in changed {
                        server.publish(conn, &uri);
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
}

fn handle_request(conn: &Connection, server: &Server, req: Request) {
    let resp = if req.method == "textDocument/codeAction" {
        match serde_json::from_value::<lt::CodeActionParams>(req.params) {
            Ok(p) => Response::new_ok(req.id, server.code_actions(p)),
            Err(e) => Response::new_err(
                req.id,
                lsp_server::ErrorCode::InvalidParams as i32,
                e.to_string(),
            ),
        }
    } else {
        Response::new_err(
            req.id,
            lsp_server::ErrorCode::MethodNotFound as i32,
            format!("unsupported: {}", req.method),
        )
    };
    let _ = conn.sender.send(Message::Response(resp));
}

/// Handle a notification; a changed document's uri is returned (to be linted after the queue).
fn handle_notification(conn: &Connection, server: &mut Server, n: Notification) -> Option<String> {
    match n.method.as_str() {
        "textDocument/didOpen" => {
            if let Ok(p) = serde_json::from_value::<lt::DidOpenTextDocumentParams>(n.params) {
                let uri = p.text_document.uri.to_string();
                server.docs.insert(uri.clone(), p.text_document.text);
                server.publish(conn, &uri);
            }
        }
        "textDocument/didChange" => {
            if let Ok(p) = serde_json::from_value::<lt::DidChangeTextDocumentParams>(n.params) {
                let uri = p.text_document.uri.to_string();
                if let Some(c) = p.content_changes.into_iter().last() {
                    server.docs.insert(uri.clone(), c.text);
                }
                // Published once queued changes are drained (see the main loop).
                return Some(uri);
            }
        }
        "textDocument/didSave" => {
            if let Ok(p) = serde_json::from_value::<lt::DidSaveTextDocumentParams>(n.params) {
                let uri = p.text_document.uri.to_string();
                // Saving the configuration or a rule file reloads the rules.
                if uri_path(&uri).is_some_and(|path| {
                    server.settings.watched.contains(&path)
                        || path.file_name().is_some_and(|f| f == config::FILE_NAME)
                }) {
                    server.settings = load_settings(server.root.as_deref());
                    server.publish_broken(conn);
                    let uris: Vec<String> = server.docs.keys().cloned().collect();
                    for u in uris {
                        server.publish(conn, &u);
                    }
                } else {
                    server.publish(conn, &uri);
                }
            }
        }
        "textDocument/didClose" => {
            if let Ok(p) = serde_json::from_value::<lt::DidCloseTextDocumentParams>(n.params) {
                let uri = p.text_document.uri.to_string();
                server.docs.remove(&uri);
                send_diagnostics(conn, &uri, Vec::new());
            }
        }
        _ => {}
    }
    None
}
