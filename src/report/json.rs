//! One JSON document on stdout: the public contract documented in the README.

use super::{FileError, FileReport, Reporter, Summary};
use serde_json::{json, Value};
use std::io::{self, Write};

#[derive(Default)]
pub struct Json {
    diagnostics: Vec<Value>,
    errors: Vec<Value>,
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
    fn file(&mut self, _out: &mut dyn Write, r: &FileReport<'_>) -> io::Result<()> {
        self.diagnostics.extend(diagnostics_json(r));
        Ok(())
    }

    fn error(&mut self, _out: &mut dyn Write, e: &FileError<'_>) -> io::Result<()> {
        self.errors
            .push(json!({"path": e.path, "message": e.message}));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let mut doc = json!({
            "version": JSON_VERSION,
            "diagnostics": std::mem::take(&mut self.diagnostics),
            "summary": s,
        });
        if !self.errors.is_empty() {
            doc["errors"] = Value::Array(std::mem::take(&mut self.errors));
        }
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
        writeln!(out)
    }
}
