//! `kind = "consistency"`: sets of variants of which one article should use only one
//! ("ceasefire" / "cease-fire", "Kyiv" / "Kiev"). The less used variant is flagged, the first
//! use of the majority variant is the related span, and the fix is the majority form.
//!
//! - `sets`: a list of lists of variants (whole words; case-insensitive).
//! - `message` interpolates `{0}` (the minority form) and `{majority}`.

use super::{match_case, touches_word, Common};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::rules::file::{RuleSpec, SpecError};
use crate::rules::template::render;
use crate::rules::{Rule, RuleMeta};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub struct ConsistencyRule {
    common: Common,
    matcher: AhoCorasick,
    /// For each pattern: (set index, variant index within the set).
    owner: Vec<(usize, usize)>,
    sets: Vec<Vec<String>>,
}

pub fn compile(spec: &RuleSpec, common: Common) -> Result<Box<dyn Rule>, SpecError> {
    spec.only(&["sets", "safety"])?;
    let sets = spec.sets.as_ref().ok_or_else(|| {
        SpecError::new(
            spec.kind.span(),
            "a `consistency` rule needs `sets`",
            "sets missing",
        )
    })?;
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (si, set) in sets.get_ref().iter().enumerate() {
        if set.len() < 2 || set.iter().any(|v| v.trim().is_empty()) {
            return Err(SpecError::new(
                sets.span(),
                format!("set {} needs at least two non-empty variants", si + 1),
                "invalid set",
            ));
        }
        for (vi, v) in set.iter().enumerate() {
            for variant in super::phrases::case_variants(v) {
                patterns.push(variant);
                owner.push((si, vi));
            }
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .map_err(|e| SpecError::new(sets.span(), format!("cannot build matcher: {e}"), "sets"))?;
    Ok(Box::new(ConsistencyRule {
        common,
        matcher,
        owner,
        sets: sets.get_ref().clone(),
    }))
}

impl Rule for ConsistencyRule {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let text = &article.text;
        // Occurrences per set, per variant.
        let mut seen: Vec<Vec<Vec<Span>>> = self
            .sets
            .iter()
            .map(|s| vec![Vec::new(); s.len()])
            .collect();
        for m in self.matcher.find_iter(text) {
            if touches_word(text, m.start(), m.end()) {
                continue;
            }
            let (si, vi) = self.owner[m.pattern().as_usize()];
            seen[si][vi].push(Span::new(m.start(), m.end()));
        }
        for (si, variants) in seen.iter().enumerate() {
            let used: Vec<usize> = (0..variants.len())
                .filter(|&v| !variants[v].is_empty())
                .collect();
            if used.len() < 2 {
                continue;
            }
            // Majority: most uses; ties go to the variant used first.
            let Some(&major) = used
                .iter()
                .max_by_key(|&&v| (variants[v].len(), std::cmp::Reverse(variants[v][0].start)))
            else {
                continue;
            };
            let first_major = variants[major][0];
            let major_form = &self.sets[si][major];
            for &v in used.iter().filter(|&&v| v != major) {
                for &span in &variants[v] {
                    let found = &text[span.range()];
                    let replacement = match_case(found, major_form);
                    let lookup = |n: &str| match n {
                        "0" => Some(found.to_string()),
                        "majority" => Some(major_form.clone()),
                        _ => None,
                    };
                    let message = render(
                        self.common
                            .message
                            .as_deref()
                            .unwrap_or("“{0}” here, “{majority}” elsewhere in the article"),
                        lookup,
                    );
                    let mut d = Diagnostic::new(
                        &self.common.meta.id,
                        self.common.meta.severity,
                        span,
                        message,
                    )
                    .with_related(
                        first_major,
                        format!("“{}” used here", &text[first_major.range()]),
                    )
                    .with_fix(Fix {
                        edits: vec![Edit { span, replacement }],
                        applicability: self.common.safety,
                    });
                    if !self.common.meta.help.is_empty() {
                        d = d.with_help(&self.common.meta.help);
                    }
                    out.push(d);
                }
            }
        }
    }
}
