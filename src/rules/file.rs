//! Rule files: TOML, read with serde. Every field keeps its span so that an error points at the
//! line and column of the rule file that caused it.

use super::kinds;
use super::{Example, Expect, Origin, Rule};
use miette::{Diagnostic as MietteDiagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A rule file that could not be loaded. Nothing is linted with a half-loaded rule set.
#[derive(Debug, thiserror::Error, MietteDiagnostic)]
#[error("{message}")]
#[diagnostic(code(copydesk::rule_file))]
pub struct RuleFileError {
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// Raw rule-file errors before the file's source is attached.
#[derive(Debug)]
pub struct SpecError {
    pub message: String,
    pub span: std::ops::Range<usize>,
    pub label: String,
    pub help: Option<String>,
}

impl SpecError {
    pub fn new(
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        SpecError {
            message: message.into(),
            span,
            label: label.into(),
            help: None,
        }
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn into_error(self, name: &str, source: &str) -> RuleFileError {
        let len = source.len();
        let start = self.span.start.min(len);
        let end = self.span.end.clamp(start, len);
        RuleFileError {
            message: format!("{name}: {}", self.message),
            src: NamedSource::new(name, source.to_string()),
            span: (start, end - start).into(),
            label: self.label,
            help: self.help,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFileSpec {
    #[serde(default)]
    rule: Vec<Spanned<RuleSpec>>,
}

/// One `[[rule]]` table. Which fields are allowed depends on `kind`; the kind's compiler rejects
/// the others, pointing at them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub help: Option<Spanned<String>>,
    pub fix: Option<Spanned<String>>,
    pub safety: Option<Spanned<String>>,
    pub scope: Option<Spanned<String>>,
    pub pattern: Option<Spanned<String>>,
    pub unless: Option<Spanned<String>>,
    pub phrases: Option<Spanned<Vec<String>>>,
    pub case: Option<Spanned<String>>,
    pub swap: Option<Spanned<BTreeMap<String, String>>>,
    pub sets: Option<Spanned<Vec<Vec<String>>>>,
    /// `facts`: people with misspellings and offices.
    pub person: Option<Spanned<Vec<super::kinds::facts::PersonSpec>>>,
    /// `facts`: events with their start year.
    pub event: Option<Spanned<Vec<super::kinds::facts::EventSpec>>>,
    #[serde(default, rename = "example")]
    pub examples: Vec<Spanned<ExampleSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    pub flag: Option<String>,
    pub pass: Option<String>,
    pub fixed: Option<String>,
    pub date: Option<String>,
}

fn span_of<T>(s: &Spanned<T>) -> std::ops::Range<usize> {
    s.span()
}

impl RuleSpec {
    /// Every field that is set, with its name and span (for "field not allowed here" errors).
    pub fn present_fields(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        let mut v = Vec::new();
        macro_rules! f {
            ($($name:ident => $key:literal),*) => {$(
                if let Some(x) = &self.$name { v.push(($key, span_of(x))); }
            )*};
        }
        f!(fix => "fix", safety => "safety", scope => "scope", pattern => "pattern", unless => "unless",
           phrases => "phrases", case => "case", swap => "swap", sets => "sets", person => "person",
           event => "event");
        v
    }

    /// Error unless only `allowed` kind-specific fields are set.
    pub fn only(&self, allowed: &[&str]) -> Result<(), SpecError> {
        for (name, span) in self.present_fields() {
            if !allowed.contains(&name) {
                return Err(SpecError::new(
                    span,
                    format!(
                        "field `{name}` is not used by rules of kind `{}`",
                        self.kind.get_ref()
                    ),
                    "not allowed for this kind",
                )
                .help(format!(
                    "fields for `{}`: {}",
                    self.kind.get_ref(),
                    allowed.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// Parse and compile one rule file. `name` is used in error messages.
pub fn load(
    name: &str,
    source: &str,
    origin: &Origin,
) -> Result<Vec<Box<dyn Rule>>, RuleFileError> {
    let spec: RuleFileSpec = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().to_string();
        SpecError::new(span, format!("invalid rule file: {msg}"), msg).into_error(name, source)
    })?;
    let mut out = Vec::with_capacity(spec.rule.len());
    for rule in spec.rule {
        let whole = rule.span();
        let rule = rule.into_inner();
        let compiled = compile(&rule, origin).map_err(|e| e.into_error(name, source))?;
        let _ = whole;
        out.push(compiled);
    }
    Ok(out)
}

fn compile(spec: &RuleSpec, origin: &Origin) -> Result<Box<dyn Rule>, SpecError> {
    validate_id(&spec.id)?;
    let checked_examples = examples(spec);
    let common = kinds::Common::from_spec(
        spec,
        origin,
        checked_examples.as_ref().cloned().unwrap_or_default(),
    )?;
    let rule = match spec.kind.get_ref().as_str() {
        "pattern" => kinds::pattern::compile(spec, common),
        "phrases" => kinds::phrases::compile(spec, common),
        "substitution" => kinds::substitution::compile(spec, common),
        "consistency" => kinds::consistency::compile(spec, common),
        "facts" => kinds::facts::compile(spec, common),
        other => Err(SpecError::new(
            spec.kind.span(),
            format!("unknown rule kind `{other}`"),
            "unknown kind",
        )
        .help("kinds: pattern, phrases, substitution, consistency, facts")),
    }?;
    checked_examples?;
    Ok(rule)
}

fn validate_id(id: &Spanned<String>) -> Result<(), SpecError> {
    let s = id.get_ref();
    let ok = s.split_once('/').is_some_and(|(pack, name)| {
        let part = |p: &str| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        };
        part(pack) && part(name)
    });
    if ok {
        Ok(())
    } else {
        Err(SpecError::new(
            id.span(),
            format!("invalid rule id `{s}`"),
            "ids look like `pack/name`",
        )
        .help("use lowercase letters, digits and dashes: `residue/comment-form`"))
    }
}

/// Turn `[[rule.example]]` tables into examples.
pub fn examples(spec: &RuleSpec) -> Result<Vec<Example>, SpecError> {
    let mut out = Vec::new();
    for ex in &spec.examples {
        let span = ex.span();
        let e = ex.get_ref();
        let date = match &e.date {
            Some(d) => Some(crate::article::dateline::parse_iso(d).ok_or_else(|| {
                SpecError::new(
                    span.clone(),
                    format!("invalid example date `{d}`"),
                    "expected YYYY-MM-DD",
                )
            })?),
            None => None,
        };
        let example = match (&e.flag, &e.pass) {
            (Some(text), None) => Example {
                text: text.clone(),
                expect: Expect::Flag {
                    fixed: e.fixed.clone(),
                },
                date,
            },
            (None, Some(text)) if e.fixed.is_none() => Example {
                text: text.clone(),
                expect: Expect::Pass,
                date,
            },
            _ => return Err(SpecError::new(
                span,
                "an example needs exactly one of `flag` or `pass` (and `fixed` only with `flag`)",
                "invalid example",
            )),
        };
        out.push(example);
    }
    let flags = out
        .iter()
        .filter(|e| matches!(e.expect, Expect::Flag { .. }))
        .count();
    if flags == 0 || flags == out.len() {
        return Err(SpecError::new(
            spec.id.span(),
            format!(
                "rule `{}` needs examples both ways: at least one `flag` and one `pass`",
                spec.id.get_ref()
            ),
            "this rule",
        )
        .help("add [[rule.example]] tables: flag = \"text it must flag\" and pass = \"text it must not\""));
    }
    Ok(out)
}
