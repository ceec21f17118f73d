//! SARIF 2.1.0, as GitHub code scanning accepts it.

use super::{FileError, FileReport, Reporter, Summary};
use crate::diagnostic::Severity;
use crate::rules::RuleMeta;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Streams like the JSON reporter: results are written as files arrive, and the invocation (with
/// its notifications) and the tool's rule list follow them, so memory does not grow with the run.
pub struct Sarif {
    rules: Vec<RuleMeta>,
    /// Whether the document's head is out, and any result.
    started: bool,
    any: bool,
    notifications: Vec<Value>,
}

impl Sarif {
    pub fn new(mut rules: Vec<RuleMeta>) -> Self {
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        Sarif {
            rules,
            started: false,
            any: false,
            notifications: Vec::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn uri(path: &str) -> String {
    path.trim_start_matches("./")
        .replace('\\', "/")
        .replace(' ', "%20")
}

fn region(r: &FileReport<'_>, start: usize, end: usize) -> Value {
    let s = r.position(start);
    let e = r.position(end);
    json!({
        "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column,
        "charOffset": start, "charLength": end - start,
    })
}

impl Sarif {
    /// The document up to the first result, once.
    fn head(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(
                b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            )?;
        }
        Ok(())
    }
}

impl Reporter for Sarif {
    fn file(&mut self, out: &mut dyn Write, r: &FileReport<'_>) -> io::Result<()> {
        for d in r.diagnostics {
            let mut v = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(r.path)},
                    "region": region(r, d.span.start, d.span.end),
                }}],
            });
            if let Some(i) = self.rules.iter().position(|m| m.id == d.rule) {
                v["ruleIndex"] = json!(i);
            }
            if !d.related.is_empty() {
                v["relatedLocations"] = Value::Array(
                    d.related
                        .iter()
                        .enumerate()
                        .map(|(i, rel)| {
                            match &rel.path {
                                Some(other) => json!({"id": i, "message": {"text": rel.message}, "physicalLocation": {
                                    "artifactLocation": {"uri": uri(other)},
                                    "region": {"charOffset": rel.span.start, "charLength": rel.span.len()},
                                }}),
                                None => json!({"id": i, "message": {"text": rel.message}, "physicalLocation": {
                                    "artifactLocation": {"uri": uri(r.path)},
                                    "region": region(r, rel.span.start, rel.span.end),
                                }}),
                            }
                        })
                        .collect(),
                );
            }
            if let Some(f) = &d.fix {
                v["fixes"] = json!([{
                    "description": {"text": format!("{} fix", match f.applicability {
                        crate::diagnostic::Applicability::Safe => "safe",
                        crate::diagnostic::Applicability::Unsafe => "unsafe",
                    })},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri(r.path)},
                        "replacements": f.edits.iter().map(|e| json!({
                            "deletedRegion": region(r, e.span.start, e.span.end),
                            "insertedContent": {"text": e.replacement},
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            self.head(out)?;
            out.write_all(if self.any {
                b",\n        "
            } else {
                b"\n        "
            })?;
            self.any = true;
            super::json::write_nested(out, &v, 8)?;
        }
        Ok(())
    }

    fn error(&mut self, _out: &mut dyn Write, e: &FileError<'_>) -> io::Result<()> {
        self.notifications.push(json!({
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(e.path)}}}],
        }));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|m| {
                json!({
                    "id": m.id,
                    "name": m.id.replace(['/', '-'], "_"),
                    "shortDescription": {"text": m.summary},
                    "fullDescription": {"text": if m.help.is_empty() { &m.summary } else { &m.help }},
                    "help": {"text": if m.help.is_empty() { &m.summary } else { &m.help }},
                    "defaultConfiguration": {"level": level(m.severity)},
                })
            })
            .collect();
        self.head(out)?;
        out.write_all(if self.any { b"\n      ],\n" } else { b"],\n" })?;
        out.write_all(b"      \"invocations\": ")?;
        let invocations = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": std::mem::take(&mut self.notifications),
        }]);
        super::json::write_nested(out, &invocations, 6)?;
        out.write_all(b",\n      \"tool\": ")?;
        let tool = json!({"driver": {
            "name": "copydesk",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }});
        super::json::write_nested(out, &tool, 6)?;
        writeln!(out, "\n    }}\n  ],\n  \"version\": \"2.1.0\"\n}}")
    }
}
