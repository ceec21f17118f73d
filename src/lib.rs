#![allow(clippy::result_large_err)] // Rule-file errors carry their source for miette; they are rare and cold.
//! copydesk: a linter for news articles before publication.
//!
//! The pipeline: an [`article::Article`] is parsed once; the [`rules::Registry`] holds every rule
//! (data rules from TOML packs and Rust [`checks`]); a [`lint::Linter`] runs the selected rules and
//! yields [`diagnostic::Diagnostic`]s; [`report`]ers print them; [`fix`] applies their edits.

pub mod article;
pub mod checks;
pub mod compare;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod input;
pub mod lexicon;
pub mod lint;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod server;
pub mod suppress;

pub use article::{Article, ArticleOptions};
pub use diagnostic::{Diagnostic, Severity, Span};
pub use rules::Registry;

/// Parse `text` and lint it with every built-in rule (handy for tests and embedding).
pub fn check_text(
    text: &str,
    options: &ArticleOptions,
) -> Result<Vec<Diagnostic>, Box<rules::RuleFileError>> {
    let registry = Registry::builtin().map_err(Box::new)?;
    let linter = lint::Linter::new(&registry, &[], &[], Vec::new());
    Ok(linter.lint(&Article::parse("<text>", text.to_string(), options)))
}
