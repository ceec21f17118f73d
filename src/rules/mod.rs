//! Rules: the common shape every rule has (id, kind, severity, help, examples), the registry that
//! holds the loaded rules, and the loading of rule files. Each data-rule kind is implemented once,
//! in `kinds/`; Rust checks live in `crate::checks` and register here beside them.

pub mod file;
pub mod kinds;
pub mod prefilter;
pub mod registry;
pub mod selftest;
pub mod template;

pub use file::RuleFileError;
pub use registry::Registry;

use crate::article::{Article, ArticleOptions};
use crate::diagnostic::{Diagnostic, Severity};
use chrono::NaiveDate;

/// Where a rule came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A pack embedded in the binary (`rules/NAME.toml`).
    Pack(String),
    /// A user's rule file.
    File(String),
    /// A check written in Rust.
    Builtin,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Pack(p) => write!(f, "rules/{p}"),
            Origin::File(p) => f.write_str(p),
            Origin::Builtin => f.write_str("built-in check"),
        }
    }
}

/// What an example expects of its rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// The rule flags the text; if `fixed` is given, applying the rule's fixes gives it.
    Flag { fixed: Option<String> },
    /// The rule stays silent.
    Pass,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub expect: Expect,
    /// Reference date for the example's article (dateline-dependent rules).
    pub date: Option<NaiveDate>,
}

impl Example {
    pub fn flag(text: &str) -> Example {
        Example {
            text: text.into(),
            expect: Expect::Flag { fixed: None },
            date: None,
        }
    }
    pub fn fixed(text: &str, fixed: &str) -> Example {
        Example {
            text: text.into(),
            expect: Expect::Flag {
                fixed: Some(fixed.into()),
            },
            date: None,
        }
    }
    pub fn pass(text: &str) -> Example {
        Example {
            text: text.into(),
            expect: Expect::Pass,
            date: None,
        }
    }
    pub fn on(mut self, date: &str) -> Example {
        self.date = crate::article::dateline::parse_iso(date);
        self
    }
    pub fn options(&self) -> ArticleOptions {
        ArticleOptions { date: self.date }
    }
}

/// The description every rule carries, data or Rust.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// Stable id, `pack/name`.
    pub id: String,
    /// `pattern`, `phrases`, `substitution`, `consistency`, or `rust`.
    pub kind: String,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: String,
    /// Longer explanation: what it does, why it matters, how to fix.
    pub help: String,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

/// A rule: reads a parsed article, appends diagnostics.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>);
    /// A regex (source, known to compile) that matches somewhere in an article's text whenever
    /// this rule could report anything there; the linter skips the rule on articles where it
    /// does not match.
    /// See [`prefilter`].
    fn prefilter(&self) -> Option<&str> {
        None
    }
}

/// The pack of a rule id: `residue` for `residue/comment-form`.
pub fn pack_of(id: &str) -> &str {
    id.split('/').next().unwrap_or(id)
}

/// Does `id` match a selector that is a rule id or a pack prefix (`residue`, `residue/`)?
pub fn selector_matches(selector: &str, id: &str) -> bool {
    let sel = selector.trim_end_matches('/');
    sel == "ALL" || sel == id || pack_of(id) == sel || id.starts_with(&format!("{sel}/"))
}
