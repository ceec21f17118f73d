//! GitHub Actions workflow commands: `::warning file=…,line=…::message`.

use super::{FileError, FileReport, Reporter, Summary};
use crate::diagnostic::Severity;
use std::io::{self, Write};

pub struct Github;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, r: &FileReport<'_>) -> io::Result<()> {
        for d in r.diagnostics {
            let s = r.position(d.span.start);
            let e = r.position(d.span.end);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(r.path),
                s.line,
                s.column,
                e.line,
                e.column,
                escape_property(&d.rule),
                escape_data(&d.message)
            )?;
        }
        Ok(())
    }

    fn error(&mut self, out: &mut dyn Write, e: &FileError<'_>) -> io::Result<()> {
        writeln!(
            out,
            "::error file={},title=copydesk::{}",
            escape_property(e.path),
            escape_data(e.message)
        )
    }

    fn finish(&mut self, _out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        Ok(())
    }
}
