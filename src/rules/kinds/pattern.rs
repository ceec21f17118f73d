//! `kind = "pattern"`: a regular expression with named captures.
//!
//! - `pattern`: the regex (Rust `regex` syntax: no look-around, no back-references; linear time).
//! - `unless`: a second regex; a match is dropped when it matches the same scope unit.
//! - `scope`: sentence (default), line, block, title or text; the regex runs on each unit.
//! - `message` and `fix` interpolate `{name}` for named captures and `{0}` for the whole match.
//! - A capture named `span` narrows the reported span (and the fix) to that group.
//! - `(?&country)` stands for any country name or alias from the shipped country list.

use super::{Common, Scope};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::rules::file::{RuleSpec, SpecError};
use crate::rules::template::{self, render};
use crate::rules::{Rule, RuleMeta};
use regex::{Regex, RegexBuilder};
use toml::Spanned;

/// Compiled regexes may not exceed this size (a rule file is user input).
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

pub struct PatternRule {
    common: Common,
    regex: Regex,
    /// The prefilter (see [`crate::rules::prefilter`]), compiled once: the linter's set uses its
    /// source, and each unit is tried with it before the full regex, since it runs on the fast
    /// DFA where the full pattern (Unicode `\b`, captures) may not.
    prefilter: Option<Regex>,
    unless: Option<Regex>,
    scope: Scope,
}

/// Named sets a pattern may use: `(?&country)` matches any country or territory name or alias
/// from `rules/data/countries.tsv` (“Brazil”, “the Netherlands”, “UK”).
pub fn expand_sets(pattern: &str) -> std::borrow::Cow<'_, str> {
    const COUNTRY: &str = "(?&country)";
    if !pattern.contains(COUNTRY) {
        return std::borrow::Cow::Borrowed(pattern);
    }
    let names: Vec<String> = crate::lexicon::countries::countries()
        .names()
        .into_iter()
        .map(regex::escape)
        .collect();
    let set = format!("(?:{})", names.join("|"));
    std::borrow::Cow::Owned(pattern.replace(COUNTRY, &set))
}

pub fn build_regex(src: &Spanned<String>, what: &str) -> Result<Regex, SpecError> {
    RegexBuilder::new(&expand_sets(src.get_ref()))
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            let (msg, label) = match &e {
                regex::Error::CompiledTooBig(limit) => (
                    format!("{what} is too large once compiled (limit {limit} bytes)"),
                    "regex too large".to_string(),
                ),
                regex::Error::Syntax(s) => (
                    format!("invalid {what}"),
                    s.lines().last().unwrap_or("").trim().to_string(),
                ),
                _ => (format!("invalid {what}"), e.to_string()),
            };
            SpecError::new(src.span(), msg, label).help(e.to_string())
        })
}

pub fn compile(spec: &RuleSpec, common: Common) -> Result<Box<dyn Rule>, SpecError> {
    spec.only(&["pattern", "unless", "scope", "fix", "safety"])?;
    let pat = spec.pattern.as_ref().ok_or_else(|| {
        SpecError::new(
            spec.kind.span(),
            "a `pattern` rule needs a `pattern`",
            "pattern missing",
        )
    })?;
    let regex = build_regex(pat, "pattern")?;
    let unless = spec
        .unless
        .as_ref()
        .map(|u| build_regex(u, "`unless` pattern"))
        .transpose()?;
    let scope = Scope::parse(
        spec,
        Scope::Sentence,
        &[
            Scope::Sentence,
            Scope::Line,
            Scope::Block,
            Scope::Title,
            Scope::Text,
        ],
    )?;
    // Every `{name}` in the message and fix must be a capture of the pattern.
    let groups: Vec<&str> = regex.capture_names().flatten().collect();
    for (field, tpl) in [("message", &spec.message), ("fix", &spec.fix)] {
        if let Some(t) = tpl {
            for name in template::names(t.get_ref()) {
                let numeric = name
                    .parse::<usize>()
                    .is_ok_and(|n| n < regex.captures_len());
                if !numeric && !groups.contains(&name.as_str()) {
                    return Err(SpecError::new(
                        t.span(),
                        format!("`{{{name}}}` in the {field} is not a capture of the pattern"),
                        "unknown capture",
                    )
                    .help(format!("named captures: {}", groups.join(", "))));
                }
            }
        }
    }
    if common.message.is_none() {
        return Err(SpecError::new(
            spec.id.span(),
            "a `pattern` rule needs a `message`",
            "message missing",
        ));
    }
    let prefilter =
        crate::rules::prefilter::for_pattern(&expand_sets(pat.get_ref())).and_then(|p| {
            RegexBuilder::new(&p)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_SIZE_LIMIT)
                .build()
                .ok()
        });
    Ok(Box::new(PatternRule {
        common,
        regex,
        prefilter,
        unless,
        scope,
    }))
}

impl Rule for PatternRule {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn prefilter(&self) -> Option<&str> {
        self.prefilter.as_ref().map(Regex::as_str)
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for unit in self.scope.units(article) {
            let text = article.slice(unit);
            if self.prefilter.as_ref().is_some_and(|p| !p.is_match(text)) {
                continue;
            }
            let mut unless_checked: Option<bool> = None;
            for caps in self.regex.captures_iter(text) {
                let Some(whole) = caps.get(0) else { continue };
                let target = caps.name("span").unwrap_or(whole);
                if whole.as_str().is_empty() && target.as_str().is_empty() {
                    continue;
                }
                let suppressed = *unless_checked
                    .get_or_insert_with(|| self.unless.as_ref().is_some_and(|u| u.is_match(text)));
                if suppressed {
                    break;
                }
                let lookup = |name: &str| -> Option<String> {
                    match name.parse::<usize>() {
                        Ok(i) => caps.get(i).map(|m| m.as_str().to_string()),
                        Err(_) => caps.name(name).map(|m| m.as_str().to_string()),
                    }
                };
                // In the message, a capture's edges are trimmed: in HTML and Markdown they may
                // be blanked markup.
                let message = render(self.common.message.as_deref().unwrap_or(""), |n| {
                    lookup(n).map(|v| v.trim().to_string())
                });
                // Trailing white space is not part of a finding (and in Markdown or HTML it may
                // be blanked markup).
                // Leading white space at the start of the unit is not either.
                let matched = target.as_str();
                let (lead, trimmed) = if matched.trim().is_empty() {
                    (0, matched)
                } else if target.start() == 0 {
                    let t = matched.trim();
                    (matched.len() - matched.trim_start().len(), t)
                } else {
                    (0, matched.trim_end())
                };
                let start = unit.start + target.start() + lead;
                let span = Span::new(start, start + trimmed.len());
                let mut d = Diagnostic::new(
                    &self.common.meta.id,
                    self.common.meta.severity,
                    span,
                    message,
                );
                if !self.common.meta.help.is_empty() {
                    d = d.with_help(&self.common.meta.help);
                }
                if let Some(f) = &self.common.fix {
                    let replacement = render(f, lookup);
                    d = d.with_fix(Fix {
                        edits: vec![Edit { span, replacement }],
                        applicability: self.common.safety,
                    });
                }
                out.push(d);
            }
        }
    }
}
