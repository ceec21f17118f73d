//! `copydesk.toml`: found from the working directory upward, or given with `--config`.
//!
//! ```toml
//! rules = ["desk/house-style.toml"]   # extra rule files, relative to this file
//! select = ["residue", "spacing"]      # rule ids or packs to run (default: all)
//! ignore = ["spacing/double-space"]
//! fail-on = "warning"                  # error | warning | info
//! date = "2022-09-14"                  # reference date for every article
//! exclude = ["drafts/**"]              # paths never checked
//!
//! [severity]                           # per-rule or per-pack severity
//! "residue/share-button" = "info"
//!
//! [per-path-ignores]                   # rules ignored under some paths
//! "archive/**" = ["duplicate"]
//! ```

use crate::diagnostic::Severity;
use crate::rules::file::SpecError;
use crate::rules::RuleFileError;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "copydesk.toml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigSpec {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    fail_on: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    per_path_ignores: BTreeMap<String, Vec<String>>,
}

/// The configuration, validated. Paths are absolute or relative to the working directory.
#[derive(Debug, Default, Clone)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<Severity>,
    pub date: Option<NaiveDate>,
    pub exclude: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub per_path_ignores: Vec<(String, Vec<String>)>,
}

/// Find `copydesk.toml` in `start` or one of its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let name = path.display().to_string();
    let source =
        std::fs::read_to_string(path).map_err(|e| ConfigError::Io(format!("{name}: {e}")))?;
    parse(&name, &source, path.parent().unwrap_or(Path::new(".")))
        .map(|mut c| {
            c.path = Some(path.to_path_buf());
            c
        })
        .map_err(|e| ConfigError::Invalid(Box::new(e)))
}

/// Parse configuration text; relative rule paths are resolved against `base`.
pub fn parse(name: &str, source: &str, base: &Path) -> Result<Config, RuleFileError> {
    let spec: ConfigSpec = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        SpecError::new(
            span,
            format!("invalid configuration: {}", e.message()),
            e.message().to_string(),
        )
        .into_error(name, source)
    })?;
    let severity_of = |s: &Spanned<String>| {
        Severity::parse(s.get_ref()).ok_or_else(|| {
            SpecError::new(
                s.span(),
                format!("unknown severity `{}`", s.get_ref()),
                "unknown severity",
            )
            .help("one of: error, warning, info")
            .into_error(name, source)
        })
    };
    let fail_on = spec.fail_on.as_ref().map(severity_of).transpose()?;
    let date = match &spec.date {
        Some(d) => Some(
            crate::article::dateline::parse_iso(d.get_ref()).ok_or_else(|| {
                SpecError::new(
                    d.span(),
                    format!("invalid date `{}`", d.get_ref()),
                    "expected YYYY-MM-DD",
                )
                .into_error(name, source)
            })?,
        ),
        None => None,
    };
    let mut severity = Vec::new();
    for (k, v) in &spec.severity {
        severity.push((k.clone(), severity_of(v)?));
    }
    for g in &spec.exclude {
        globset::Glob::new(g.get_ref()).map_err(|e| {
            SpecError::new(
                g.span(),
                format!("invalid glob `{}`", g.get_ref()),
                e.to_string(),
            )
            .into_error(name, source)
        })?;
    }
    Ok(Config {
        path: None,
        rules: spec.rules.iter().map(|r| base.join(r.get_ref())).collect(),
        select: spec.select,
        ignore: spec.ignore,
        fail_on,
        date,
        exclude: spec.exclude.into_iter().map(|g| g.into_inner()).collect(),
        severity,
        per_path_ignores: spec.per_path_ignores.into_iter().collect(),
    })
}

#[derive(Debug)]
pub enum ConfigError {
    Io(String),
    Invalid(Box<RuleFileError>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_resolves() {
        let c = parse(
            "copydesk.toml",
            "rules = [\"a.toml\"]\nfail-on = \"error\"\ndate = \"2022-09-14\"\n[severity]\n\"residue\" = \"info\"\n",
            Path::new("/desk"),
        )
        .unwrap();
        assert_eq!(c.rules, vec![PathBuf::from("/desk/a.toml")]);
        assert_eq!(c.fail_on, Some(Severity::Error));
        assert_eq!(c.severity, vec![("residue".to_string(), Severity::Info)]);
    }

    #[test]
    fn bad_values_point_at_the_line() {
        let src = "select = []\nfail-on = \"fatal\"\n";
        let e = parse("copydesk.toml", src, Path::new(".")).unwrap_err();
        assert!(e.message.contains("unknown severity"));
        assert_eq!(e.span.offset(), src.find("\"fatal\"").unwrap());
        let e = parse("copydesk.toml", "colour = 1\n", Path::new(".")).unwrap_err();
        assert!(e.message.contains("unknown field"), "{}", e.message);
    }
}
