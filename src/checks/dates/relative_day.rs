use super::{day_month, day_month_pattern, relative_day_offset};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::{Datelike, NaiveDate, TimeDelta};
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: checks “yesterday”, “today” or “tomorrow” written with a date — “would reopen
tomorrow, 16 October” in an article of 17 October — against the dateline.

Why: the relative word was written for another day's edition, or the date was typed wrong; one
of the two misleads the reader.

How: the word, then a day of a month (“16 October”, “October 16”), optionally its weekday; the
year is the dateline's. Without a dateline nothing is checked.

Fix (unsafe): the date the word means — but the word may be the error.";

pub struct RelativeDay {
    meta: RuleMeta,
}

impl RelativeDay {
    pub fn new() -> Self {
        RelativeDay {
            meta: crate::checks::meta(
                "dates/relative-day",
                Severity::Warning,
                "“Yesterday”, “today” or “tomorrow” with the wrong date",
                HELP,
                vec![
                    Example::fixed(
                        "HANOI, 17 October 2024 – The highway would reopen tomorrow, 16 October, officials said.",
                        "HANOI, 17 October 2024 – The highway would reopen tomorrow, 18 October, officials said.",
                    ),
                    Example::pass("HANOI, 17 October 2024 – The highway would reopen tomorrow, 18 October, officials said."),
                    Example::pass("HANOI, 17 October 2024 – Talks began yesterday (October 16) in Da Nang."),
                    Example::flag("HANOI, 17 October 2024 – Talks began yesterday (October 15) in Da Nang."),
                    Example::pass("The highway would reopen tomorrow, 16 October, officials said."),
                ],
            ),
        }
    }
}

impl Default for RelativeDay {
    fn default() -> Self {
        Self::new()
    }
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let dm = day_month_pattern();
        let pat = format!(
            r"\b(?P<rel>(?i:yesterday|today|tomorrow))(?:,\s*|\s*\(\s*|\s+)(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:the\s+)?{dm}"
        );
        Regex::new(&pat).expect("static regex")
    })
}

impl Rule for RelativeDay {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some(on) = article.date() else { return };
        for s in &article.sentences {
            let text = article.slice(s.span);
            for caps in re().captures_iter(text) {
                let (Some(rel), Some(whole)) = (caps.name("rel"), caps.get(0)) else {
                    continue;
                };
                let Some((day_m, day, month)) = day_month(&caps) else {
                    continue;
                };
                let shift = relative_day_offset(rel.as_str());
                let Some(meant) = on.checked_add_signed(TimeDelta::days(shift)) else {
                    continue;
                };
                let Some(written) = NaiveDate::from_ymd_opt(meant.year(), month, day) else {
                    continue;
                };
                if written == meant {
                    continue;
                }
                let day_span = Span::new(s.span.start + day_m.start(), s.span.start + day_m.end());
                let mut d = Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    Span::new(s.span.start + whole.start(), s.span.start + whole.end()),
                    format!(
                        "{} is {}, not {} (the dateline is {})",
                        rel.as_str(),
                        meant.format("%-d %B"),
                        written.format("%-d %B"),
                        on.format("%-d %B %Y")
                    ),
                )
                .with_help("Check the date against the dateline, or the relative word.");
                if meant.month() == month {
                    d = d.with_fix(Fix::unsafe_(day_span, meant.day().to_string()));
                }
                out.push(d);
            }
        }
    }
}
