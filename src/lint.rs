//! Running rules over an article: selection, severity overrides, ordering.

use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::registry::Prefilters;
use crate::rules::{selector_matches, Registry, Rule};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Time spent per rule over a run (`check --timings`), summed over threads.
#[derive(Default)]
pub struct Timings {
    /// Nanoseconds per selected rule, in the linter's rule order.
    rules: Vec<AtomicU64>,
    /// Nanoseconds in the prefilter scan.
    prefilter: AtomicU64,
    /// Nanoseconds reading the article model (set by the caller with [`Timings::add_parse`]).
    parse: AtomicU64,
}

impl Timings {
    pub fn add_parse(&self, since: Instant) {
        self.parse
            .fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }

    /// (what, seconds) for parsing, the prefilter scan and every rule, slowest first.
    pub fn table(&self, linter: &Linter<'_>) -> Vec<(String, f64)> {
        let secs = |a: &AtomicU64| a.load(Ordering::Relaxed) as f64 / 1e9;
        let mut rows: Vec<(String, f64)> = linter
            .rules
            .iter()
            .zip(&self.rules)
            .map(|(r, t)| (r.meta().id.clone(), secs(t)))
            .collect();
        rows.push(("(parsing the article)".into(), secs(&self.parse)));
        rows.push(("(prefilter scan)".into(), secs(&self.prefilter)));
        rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    }
}

/// The rules chosen for a run, with their effective severities. Built once per run.
pub struct Linter<'a> {
    rules: Vec<&'a dyn Rule>,
    /// The rules' prefilters, and for each rule its slot in the set (None: always run).
    prefilters: std::borrow::Cow<'a, Prefilters>,
    slots: Vec<Option<usize>>,
    overrides: Vec<(String, Severity)>,
    /// Every loaded rule id (selected or not), to validate suppressions.
    known: Vec<String>,
    timings: Option<Timings>,
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
            timings: None,
        }
    }

    /// Measure the time each rule takes (`check --timings`).
    pub fn with_timings(mut self) -> Self {
        self.timings = Some(Timings {
            rules: self.rules.iter().map(|_| AtomicU64::new(0)).collect(),
            ..Timings::default()
        });
        self
    }

    pub fn timings(&self) -> Option<&Timings> {
        self.timings.as_ref()
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
            timings: None,
        }
    }

    pub fn rules(&self) -> &[&'a dyn Rule] {
        &self.rules
    }

    /// Every diagnostic for `article`, sorted by position then rule id, exact duplicates removed,
    /// nothing inside blanked (non-prose) bytes.
    pub fn lint(&self, article: &Article) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // Timed only with `--timings`: no clock read per article otherwise.
        let started = self.timings.as_ref().map(|_| Instant::now());
        let possible = self
            .slots
            .iter()
            .any(Option::is_some)
            .then(|| self.prefilters.possible(&article.text));
        if let (Some(t), Some(started)) = (&self.timings, started) {
            t.prefilter
                .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
        for (i, (rule, slot)) in self.rules.iter().zip(&self.slots).enumerate() {
            if let (Some(s), Some(p)) = (slot, &possible) {
                if !p.get(*s).copied().unwrap_or(true) {
                    continue;
                }
            }
            match &self.timings {
                None => rule.check(article, &mut out),
                Some(t) => {
                    let started = Instant::now();
                    rule.check(article, &mut out);
                    t.rules[i].fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
                }
            }
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
