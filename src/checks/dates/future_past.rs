use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::Datelike;
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags an event told in the past tense but dated after the article: “the bridge was
completed in 2027” in a 2025 article.

Why: a mistyped year, or copy reused from a later or earlier story. Plans and forecasts (“is
expected to be completed in 2027”, “will end in 2026”) stay silent: only a past-tense verb
directly before the year counts.";

pub struct FuturePast {
    meta: RuleMeta,
}

impl FuturePast {
    pub fn new() -> Self {
        FuturePast {
            meta: crate::checks::meta(
                "dates/past-in-future",
                Severity::Warning,
                "A past event dated after the article",
                HELP,
                vec![
                    Example::flag("The bridge was completed in 2027 by a Chinese firm.")
                        .on("2025-05-01"),
                    Example::pass("The bridge is expected to be completed in 2027.")
                        .on("2025-05-01"),
                    Example::pass("The bridge was completed in 2021 and will be extended in 2027.")
                        .on("2025-05-01"),
                    Example::pass("The bridge was completed in 2027 by a Chinese firm."),
                ],
            ),
        }
    }
}

impl Default for FuturePast {
    fn default() -> Self {
        Self::new()
    }
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<verb>(?:was|were|had\s+been)\s+(?:completed|built|opened|founded|established|signed|held|elected|killed|born|launched|finished|closed|destroyed|won|lost|awarded|appointed|arrested|sentenced)|(?:died|ended|began|started|won|lost|signed|opened|closed|collapsed|resigned|retired))\s+in\s+(?P<y>20\d{2})\b")
            .expect("static regex")
    })
}

impl Rule for FuturePast {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some(date) = article.date() else { return };
        for s in &article.sentences {
            let text = article.slice(s.span);
            for caps in re().captures_iter(text) {
                let (Some(whole), Some(y)) = (caps.get(0), caps.name("y")) else {
                    continue;
                };
                let Ok(year) = y.as_str().parse::<i32>() else {
                    continue;
                };
                if year <= date.year() {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(s.span.start + whole.start(), s.span.start + whole.end()),
                        format!(
                            "Told in the past tense but dated {year}, after the article ({})",
                            date.format("%-d %B %Y")
                        ),
                    )
                    .with_help("Check the year, or the tense."),
                );
            }
        }
    }
}
