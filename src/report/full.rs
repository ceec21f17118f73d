//! miette's graphical report: source snippet, labelled span, related spans, help, fix.

use super::{FileError, FileReport, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, ReportHandler, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::{self, Write};

pub struct Full {
    handler: GraphicalReportHandler,
}

impl Full {
    pub fn new(color: bool) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Full {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(100)
                .with_context_lines(1),
        }
    }
}

/// A one-line description of a fix, shown with the help text.
pub fn describe_fix(d: &Diagnostic, source: &str) -> Option<String> {
    let f = d.fix.as_ref()?;
    let safety = match f.applicability {
        Applicability::Safe => "safe fix",
        Applicability::Unsafe => "unsafe fix",
    };
    let parts: Vec<String> = f
        .edits
        .iter()
        .map(|e| {
            let old = source.get(e.span.range()).unwrap_or("");
            match (old.is_empty(), e.replacement.is_empty()) {
                (true, _) => format!("insert “{}”", e.replacement),
                (false, true) => format!("delete “{}”", shorten(old)),
                (false, false) => format!(
                    "replace “{}” with “{}”",
                    shorten(old),
                    shorten(&e.replacement)
                ),
            }
        })
        .collect();
    Some(format!("{safety}: {}", parts.join("; ")))
}

fn shorten(s: &str) -> String {
    let s = s.replace('\n', "⏎");
    if s.chars().count() > 60 {
        let head: String = s.chars().take(57).collect();
        format!("{head}…")
    } else {
        s
    }
}

/// An article with its line starts, so that miette reads a snippet from the lines around a span
/// instead of scanning the file from its first byte for every diagnostic (a cost that grew with
/// the file times its findings). The snippet it returns is the one miette would compute on the
/// whole text: the scan starts a line before the context it needs, and numbers are shifted back.
struct LineIndexed<'a> {
    name: &'a str,
    text: &'a str,
    /// Byte offset of each line's first byte, by miette's reckoning (`\n`, `\r\n` or `\r` ends a
    /// line).
    starts: Vec<usize>,
}

impl<'a> LineIndexed<'a> {
    fn new(name: &'a str, text: &'a str) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    i += 2;
                    starts.push(i);
                }
                b'\r' | b'\n' => {
                    i += 1;
                    starts.push(i);
                }
                _ => i += 1,
            }
        }
        LineIndexed { name, text, starts }
    }
}

impl SourceCode for LineIndexed<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // The line holding the span's first byte, then one more line back than the context.
        let line = self
            .starts
            .partition_point(|&s| s <= span.offset())
            .saturating_sub(1);
        let first = line.saturating_sub(context_lines_before + 1);
        let base = self.starts.get(first).copied().unwrap_or(0);
        let window = self.text.as_bytes().get(base..).unwrap_or_default();
        let shifted = SourceSpan::from((span.offset().saturating_sub(base), span.len()));
        let inner = window.read_span(&shifted, context_lines_before, context_lines_after)?;
        let at = SourceSpan::from((inner.span().offset() + base, inner.span().len()));
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            at,
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
        )))
    }
}

struct Render<'a> {
    handler: &'a GraphicalReportHandler,
    diag: &'a MietteDiagnostic,
    src: &'a LineIndexed<'a>,
}

struct WithSource<'a> {
    diag: &'a MietteDiagnostic,
    src: &'a LineIndexed<'a>,
}

impl fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diag, f)
    }
}
impl fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.diag, f)
    }
}
impl std::error::Error for WithSource<'_> {}
impl miette::Diagnostic for WithSource<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diag.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.diag.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diag.help()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.diag.labels()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.src)
    }
}

impl fmt::Display for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.handler.debug(
            &WithSource {
                diag: self.diag,
                src: self.src,
            },
            f,
        )
    }
}

impl Reporter for Full {
    fn file(&mut self, out: &mut dyn Write, r: &FileReport<'_>) -> io::Result<()> {
        if r.diagnostics.is_empty() {
            return Ok(());
        }
        let src = LineIndexed::new(r.path, r.source);
        for d in r.diagnostics {
            let mut labels = vec![LabeledSpan::new_primary_with_span(
                Some(label_for(d)),
                (d.span.start, d.span.len()),
            )];
            for rel in d.related.iter().filter(|r| r.path.is_none()) {
                labels.push(LabeledSpan::new_with_span(
                    Some(rel.message.clone()),
                    (rel.span.start, rel.span.len()),
                ));
            }
            let mut help = d.help.clone().unwrap_or_default();
            if let Some(fix) = describe_fix(d, r.source) {
                if !help.is_empty() {
                    help.push('\n');
                }
                help.push_str(&fix);
            }
            let mut md = MietteDiagnostic::new(d.message.clone())
                .with_code(d.rule.clone())
                .with_severity(match d.severity {
                    Severity::Error => miette::Severity::Error,
                    Severity::Warning => miette::Severity::Warning,
                    Severity::Info => miette::Severity::Advice,
                })
                .with_labels(labels);
            if !help.is_empty() {
                md = md.with_help(help);
            }
            write!(
                out,
                "{}",
                Render {
                    handler: &self.handler,
                    diag: &md,
                    src: &src
                }
            )?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn error(&mut self, out: &mut dyn Write, e: &FileError<'_>) -> io::Result<()> {
        writeln!(out, "  × {}: {}\n", e.path, e.message)
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        writeln!(
            out,
            "{} diagnostic{} ({} error{}, {} warning{}, {} info) in {} file{}",
            s.diagnostics,
            plural(s.diagnostics),
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings),
            s.infos,
            s.files,
            plural(s.files)
        )
    }
}

fn label_for(d: &Diagnostic) -> String {
    d.severity.to_string()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
