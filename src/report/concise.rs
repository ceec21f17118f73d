//! `path:line:col: severity[rule] message`, one line per diagnostic.

use super::{FileError, FileReport, Reporter, Summary};
use std::io::{self, Write};

pub struct Concise;

impl Reporter for Concise {
    fn file(&mut self, out: &mut dyn Write, r: &FileReport<'_>) -> io::Result<()> {
        for d in r.diagnostics {
            let p = r.position(d.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                r.path,
                p.line,
                p.column,
                d.severity,
                d.rule,
                d.message.replace('\n', " ")
            )?;
        }
        Ok(())
    }

    fn error(&mut self, out: &mut dyn Write, e: &FileError<'_>) -> io::Result<()> {
        writeln!(out, "{}:1:1: error[io] {}", e.path, e.message)
    }

    fn finish(&mut self, _out: &mut dyn Write, _s: &Summary) -> io::Result<()> {
        Ok(())
    }
}
