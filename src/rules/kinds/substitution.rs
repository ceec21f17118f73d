//! `kind = "substitution"`: a map of wrong → right, matched as whole words; the message and the
//! fix are derived from the pair.
//!
//! - `swap`: a table `"wrong" = "right"`.
//! - `case`: `sensitive` (default) or `insensitive`; the fix keeps a capital first letter.
//! - `message` interpolates `{0}` (the text matched) and `{replacement}`; default:
//!   "Use “{replacement}” instead of “{0}”".
//! - `safety`: whether the fix is safe (default) or unsafe.

use super::{match_case, touches_word, Common};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::rules::file::{RuleSpec, SpecError};
use crate::rules::template::render;
use crate::rules::{Rule, RuleMeta};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub struct SubstitutionRule {
    common: Common,
    matcher: AhoCorasick,
    /// For each pattern of the matcher, the replacement.
    replacements: Vec<String>,
    insensitive: bool,
}

pub fn compile(spec: &RuleSpec, common: Common) -> Result<Box<dyn Rule>, SpecError> {
    spec.only(&["swap", "case", "safety"])?;
    let swap = spec.swap.as_ref().ok_or_else(|| {
        SpecError::new(
            spec.kind.span(),
            "a `substitution` rule needs a `swap` table",
            "swap missing",
        )
    })?;
    if swap.get_ref().is_empty() {
        return Err(SpecError::new(
            swap.span(),
            "`swap` is empty",
            "empty table",
        ));
    }
    let insensitive = match &spec.case {
        None => false,
        Some(c) => match c.get_ref().as_str() {
            "insensitive" => true,
            "sensitive" => false,
            other => {
                return Err(SpecError::new(
                    c.span(),
                    format!("unknown case `{other}`"),
                    "sensitive or insensitive",
                ))
            }
        },
    };
    let mut patterns = Vec::new();
    let mut replacements = Vec::new();
    for (wrong, right) in swap.get_ref() {
        if wrong.trim().is_empty() {
            return Err(SpecError::new(
                swap.span(),
                "`swap` has an empty key",
                "empty key",
            ));
        }
        let variants = if insensitive {
            super::phrases::case_variants(wrong)
        } else {
            // "the Russia" also at the start of a sentence: "The Russia".
            let mut cs = wrong.chars();
            let mut v = vec![wrong.clone()];
            if let Some(f) = cs.next() {
                if f.is_lowercase() {
                    v.push(f.to_uppercase().chain(cs).collect());
                }
            }
            v
        };
        for v in variants {
            patterns.push(v);
            replacements.push(right.clone());
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .map_err(|e| SpecError::new(swap.span(), format!("cannot build matcher: {e}"), "swap"))?;
    Ok(Box::new(SubstitutionRule {
        common,
        matcher,
        replacements,
        insensitive,
    }))
}

impl Rule for SubstitutionRule {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let text = &article.text;
        for m in self.matcher.find_iter(text) {
            if touches_word(text, m.start(), m.end()) {
                continue;
            }
            let matched = &text[m.start()..m.end()];
            let right = &self.replacements[m.pattern().as_usize()];
            let replacement =
                if self.insensitive || matched.chars().next().is_some_and(char::is_uppercase) {
                    match_case(matched, right)
                } else {
                    right.clone()
                };
            let lookup = |n: &str| match n {
                "0" => Some(matched.to_string()),
                "replacement" => Some(replacement.clone()),
                _ => None,
            };
            let message = render(
                self.common
                    .message
                    .as_deref()
                    .unwrap_or("Use “{replacement}” instead of “{0}”"),
                lookup,
            );
            let span = Span::new(m.start(), m.end());
            let mut d = Diagnostic::new(
                &self.common.meta.id,
                self.common.meta.severity,
                span,
                message,
            )
            .with_fix(Fix {
                edits: vec![Edit {
                    span,
                    replacement: replacement.clone(),
                }],
                applicability: self.common.safety,
            });
            if !self.common.meta.help.is_empty() {
                d = d.with_help(&self.common.meta.help);
            }
            out.push(d);
        }
    }
}
