//! Running rules over an article: selection, severity overrides, ordering.

use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{selector_matches, Registry, Rule};

/// The rules chosen for a run, with their effective severities. Built once per run.
pub struct Linter<'a> {
    rules: Vec<&'a dyn Rule>,
    overrides: Vec<(String, Severity)>,
    /// Every loaded rule id (selected or not), to validate suppressions.
    known: Vec<String>,
}

impl<'a> Linter<'a> {
    pub fn new(
        registry: &'a Registry,
        select: &[String],
        ignore: &[String],
        overrides: Vec<(String, Severity)>,
    ) -> Self {
        Linter {
            rules: registry.selected(select, ignore),
            overrides,
            known: registry.rules().map(|r| r.meta().id.clone()).collect(),
        }
    }

    /// A linter running exactly one rule (rule examples).
    pub fn single(rule: &'a dyn Rule) -> Self {
        Linter {
            rules: vec![rule],
            overrides: Vec::new(),
            known: vec![rule.meta().id.clone()],
        }
    }

    pub fn rules(&self) -> &[&'a dyn Rule] {
        &self.rules
    }

    /// Every diagnostic for `article`, sorted by position then rule id, exact duplicates removed,
    /// nothing inside blanked (non-prose) bytes.
    pub fn lint(&self, article: &Article) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for rule in &self.rules {
            rule.check(article, &mut out);
        }
        out.retain(|d| d.span.end <= article.text.len() && !article.is_masked(d.span));
        if !article.suppressions.is_empty() {
            let knows = |sel: &str| self.known.iter().any(|id| selector_matches(sel, id));
            let ran = |sel: &str| {
                self.rules
                    .iter()
                    .any(|r| selector_matches(sel, &r.meta().id))
            };
            crate::suppress::apply(&article.suppressions, &mut out, &knows, &ran);
        }
        for d in &mut out {
            // The most specific selector wins: a rule id beats its pack.
            if let Some((_, sev)) = self
                .overrides
                .iter()
                .filter(|(sel, _)| selector_matches(sel, &d.rule))
                .max_by_key(|(sel, _)| sel.len())
            {
                d.severity = *sev;
            }
        }
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(
                b.span.start,
                b.span.end,
                &b.rule,
                &b.message,
            ))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
        out
    }
}
