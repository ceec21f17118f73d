//! One JSON document on stdout: the public contract documented in the README.

use super::{FileError, FileReport, Reporter, Summary};
use serde_json::{json, Value};
use std::io::{self, Write};

/// Streams: each file's diagnostics are written as they arrive, so memory does not grow with
/// the run. Only file errors (few, small) wait for the end. The bytes are those of
/// `serde_json::to_writer_pretty` on the whole document (keys in order: diagnostics, errors,
/// summary, version).
#[derive(Default)]
pub struct Json {
    /// Whether `{` and the head of the diagnostics array are out, and any diagnostic.
    started: bool,
    any: bool,
    errors: Vec<Value>,
}

/// `v` pretty-printed with every line after the first indented by `indent` spaces, as
/// `to_writer_pretty` prints it at that depth (strings hold no raw line breaks).
pub(super) fn write_nested(out: &mut dyn Write, v: &Value, indent: usize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(v).map_err(io::Error::other)?;
    let pad = " ".repeat(indent);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            write!(out, "\n{pad}")?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

pub const JSON_VERSION: u32 = 1;

/// The JSON object of each diagnostic of one file (shared with the server and the LSP tests).
pub fn diagnostics_json(r: &FileReport<'_>) -> Vec<Value> {
    r.diagnostics
        .iter()
        .map(|d| {
            let s = r.position(d.span.start);
            let e = r.position(d.span.end);
            let mut v = json!({
                "path": r.path,
                "rule": d.rule,
                "severity": d.severity,
                "message": d.message,
                "span": {"start": d.span.start, "end": d.span.end},
                "start": {"line": s.line, "column": s.column},
                "end": {"line": e.line, "column": e.column},
            });
            if let Some(h) = &d.help {
                v["help"] = json!(h);
            }
            if let Some(f) = &d.fix {
                let span = f.span();
                let replacement = match f.edits.as_slice() {
                    [one] => one.replacement.clone(),
                    _ => {
                        // Several edits: the replacement of the covering span.
                        let mut s = String::new();
                        let mut pos = span.start;
                        for ed in &f.edits {
                            s.push_str(&r.source[pos..ed.span.start]);
                            s.push_str(&ed.replacement);
                            pos = ed.span.end;
                        }
                        s
                    }
                };
                v["fix"] = json!({
                    "span": {"start": span.start, "end": span.end},
                    "replacement": replacement,
                    "applicability": f.applicability,
                });
            }
            if !d.related.is_empty() {
                v["related"] = Value::Array(
                    d.related
                        .iter()
                        .map(|rel| match &rel.path {
                            Some(other) => json!({
                                "path": other,
                                "span": {"start": rel.span.start, "end": rel.span.end},
                                "message": rel.message,
                            }),
                            None => {
                                let p = r.position(rel.span.start);
                                json!({
                                    "path": r.path,
                                    "span": {"start": rel.span.start, "end": rel.span.end},
                                    "start": {"line": p.line, "column": p.column},
                                    "message": rel.message,
                                })
                            }
                        })
                        .collect(),
                );
            }
            v
        })
        .collect()
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, r: &FileReport<'_>) -> io::Result<()> {
        for v in diagnostics_json(r) {
            if !self.started {
                out.write_all(b"{\n  \"diagnostics\": [")?;
                self.started = true;
            }
            out.write_all(if self.any { b",\n    " } else { b"\n    " })?;
            self.any = true;
            write_nested(out, &v, 4)?;
        }
        Ok(())
    }

    fn error(&mut self, _out: &mut dyn Write, e: &FileError<'_>) -> io::Result<()> {
        self.errors
            .push(json!({"path": e.path, "message": e.message}));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\n  \"diagnostics\": [")?;
        }
        out.write_all(if self.any { b"\n  ]" } else { b"]" })?;
        if !self.errors.is_empty() {
            out.write_all(b",\n  \"errors\": ")?;
            write_nested(out, &Value::Array(std::mem::take(&mut self.errors)), 2)?;
        }
        out.write_all(b",\n  \"summary\": ")?;
        write_nested(out, &json!(s), 2)?;
        writeln!(out, ",\n  \"version\": {JSON_VERSION}\n}}")
    }
}
