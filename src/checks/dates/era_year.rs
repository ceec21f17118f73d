use crate::article::Article;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::Datelike;
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags a year of the Buddhist Era left unconverted in English copy: “the worst
since 2566”, “in the 2567 budget” (2566 BE is 2023).

Why: Thailand, Cambodia, Laos, Myanmar and Sri Lanka count years from 543 BCE; a translation
that keeps the source's year puts an event five centuries in the future.

How: a year from 2500 to 2699 used as a year (after “in”, “since”, “until”, “of”, “year”, a
month, or before “budget” or “fiscal year”), which is 543 years ahead of a year within sixty
years before the article's date (or from 1957 to 2057 when the article has no date). An article
that marks the era (“BE”, “B.E.”, “Buddhist Era”) stays silent.

Fix (unsafe): the Common Era year.";

pub struct EraYear {
    meta: RuleMeta,
}

impl EraYear {
    pub fn new() -> Self {
        EraYear {
            meta: crate::checks::meta(
                "dates/era-year",
                Severity::Warning,
                "A Buddhist Era year left unconverted",
                HELP,
                vec![
                    Example::fixed(
                        "The haze is the worst since 2566, officials said.",
                        "The haze is the worst since 2023, officials said.",
                    )
                    .on("2025-03-12"),
                    Example::flag("Parliament passed the 2568 budget in March.").on("2025-03-12"),
                    Example::pass("The haze is the worst since 2023 (2566 BE), officials said.")
                        .on("2025-03-12"),
                    Example::pass("The route is 2566 km long; 2,566 people live there.")
                        .on("2025-03-12"),
                    Example::pass("Scientists modelled the climate in 2500 and beyond.")
                        .on("2025-03-12"),
                ],
            ),
        }
    }
}

impl Default for EraYear {
    fn default() -> Self {
        Self::new()
    }
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = super::MONTH;
        Regex::new(&format!(
            r"\b(?:(?i:in|since|until|till|of|from|by|year|before|after)|{month})\s+(?P<y>2[56]\d\d)\b(?:\s+(?:budget|fiscal))?|\b(?P<y2>2[56]\d\d)\s+(?:budget|fiscal\s+year)\b"
        ))
        .expect("static regex")
    })
}

/// A four-digit number from 2500 to 2699 standing alone somewhere in `text` (a cheap byte scan
/// before the regex).
fn has_candidate(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(6).any(|w| {
        !w[0].is_ascii_digit()
            && w[1] == b'2'
            && matches!(w[2], b'5' | b'6')
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
            && !w[5].is_ascii_digit()
    })
}

fn marks_era(text: &str) -> bool {
    text.contains(" BE")
        || text.contains("B.E.")
        || text.contains("Buddhist Era")
        || text.contains("Buddhist era")
}

impl Rule for EraYear {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let text = article.text.as_str();
        if !has_candidate(text) || marks_era(text) {
            return;
        }
        let now = article.date().map(|d| d.year());
        for s in &article.sentences {
            let t = article.slice(s.span);
            for c in re().captures_iter(t) {
                let Some(y) = c.name("y").or_else(|| c.name("y2")) else {
                    continue;
                };
                // “2566 km”: a figure, not a year.
                let after = &t[y.end()..];
                if after.starts_with([',', '.'])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
                let Ok(year) = y.as_str().parse::<i32>() else {
                    continue;
                };
                let ce = year - 543;
                let plausible = match now {
                    Some(n) => (n - 60..=n + 1).contains(&ce),
                    None => (1957..=2057).contains(&ce),
                };
                if !plausible {
                    continue;
                }
                let span = Span::new(s.span.start + y.start(), s.span.start + y.end());
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!("{year} looks like a Buddhist Era year: {ce} in the Common Era"),
                    )
                    .with_help("Convert the year (subtract 543), or mark the era: “2566 BE”.")
                    .with_fix(Fix::unsafe_(span, ce.to_string())),
                );
            }
        }
    }
}
