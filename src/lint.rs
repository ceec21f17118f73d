//! Running rules over an article: selection, severity overrides, ordering.

use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::registry::Prefilters;
use crate::rules::{selector_matches, Registry, Rule};

/// The rules chosen for a run, with their effective severities. Built once per run.
pub struct Linter<'a> {
    rules: Vec<&'a dyn Rule>,
    /// The rules' prefilters, and for each rule its slot in the set (None: always run).
    prefilters: std::borrow::Cow<'a, Prefilters>,
    slots: Vec<Option<usize>>,
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
        let rules = registry.selected(select, ignore);
        let prefilters = registry.prefilters();
        let slots = rules
            .iter()
            .map(|r| prefilters.slot.get(&r.meta().id).copied())
            .collect();
        Linter {
            rules,
            prefilters: std::borrow::Cow::Borrowed(prefilters),
            slots,
            overrides,
            known: registry.rules().map(|r| r.meta().id.clone()).collect(),
        }
    }

    /// A linter running exactly one rule (rule examples).
    /// Its prefilter is used as in a full run, so the rule's examples test it too.
    pub fn single(rule: &'a dyn Rule) -> Self {
        let prefilters = Prefilters::of(std::iter::once(rule));
        let slots = vec![prefilters.slot.get(&rule.meta().id).copied()];
        Linter {
            rules: vec![rule],
            prefilters: std::borrow::Cow::Owned(prefilters),
            slots,
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
        let possible = self
            .slots
            .iter()
            .any(Option::is_some)
            .then(|| self.prefilters.set.matches(&article.text));
        for (rule, slot) in self.rules.iter().zip(&self.slots) {
            if let (Some(s), Some(p)) = (slot, &possible) {
                if !p.matched(*s) {
                    continue;
                }
            }
            rule.check(article, &mut out);
        }
        // Findings are about prose: one that starts or ends in blanked markup, or lies wholly
        // inside it, is dropped; one that spans an inline tag (a cookie banner with a link) is
        // kept, but a fix that would touch the markup is withheld.
        out.retain_mut(|d| {
            if d.span.end > article.text.len() || article.is_masked_at(d.span) {
                return false;
            }
            if d.fix
                .as_ref()
                .is_some_and(|f| f.edits.iter().any(|e| article.is_masked(e.span)))
            {
                d.fix = None;
            }
            true
        });
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
