//! Reporters turn diagnostics into output. They know nothing about rules: they read
//! [`FileReport`]s and write text.

pub mod concise;
pub mod full;
pub mod github;
pub mod json;
pub mod sarif;

use crate::article::{LineIndex, Position};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleMeta;
use std::io::{self, Write};

/// The diagnostics of one checked file, with what is needed to locate them.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub index: &'a LineIndex,
    pub diagnostics: &'a [Diagnostic],
}

impl FileReport<'_> {
    pub fn position(&self, offset: usize) -> Position {
        self.index.position(self.source, offset)
    }
}

/// A file that could not be checked.
pub struct FileError<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            self.diagnostics += 1;
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Full,
    Concise,
    Json,
    Sarif,
    Github,
}

/// Receives files in path order, then the summary.
pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()>;
    fn error(&mut self, out: &mut dyn Write, error: &FileError<'_>) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// A reporter for `format`. `rules` describes the loaded rules (SARIF lists them).
pub fn reporter(format: Format, color: bool, rules: Vec<RuleMeta>) -> Box<dyn Reporter> {
    match format {
        Format::Full => Box::new(full::Full::new(color)),
        Format::Concise => Box::new(concise::Concise),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::new(rules)),
        Format::Github => Box::new(github::Github),
    }
}
