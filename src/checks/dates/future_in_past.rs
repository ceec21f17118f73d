use super::{day_month, day_month_pattern};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags a plan told in the future tense but dated before the article: “services
will resume on 8 July” in an article of 10 July, “voters will go to the polls on Saturday, 15
March” in one of 19 March.

Why: copy written before the event and published after it, or a date mistyped; either way the
reader is told something will happen on a day that has passed.

How: “will” (or “is due to”, “is set to”, “is scheduled to”), up to twelve words (none of them
starting a clause of its own: “that”, “which”, “after”, “was”…), then “on”
and a day of a month, optionally with its weekday and year. A day without a year is read in the
article's year and counts only when it falls within 45 days before the article (“will resume on
3 January” in a December article means next January). Without a dateline nothing is checked.";

pub struct FutureInPast {
    meta: RuleMeta,
}

impl FutureInPast {
    pub fn new() -> Self {
        FutureInPast {
            meta: crate::checks::meta(
                "dates/future-in-past",
                Severity::Warning,
                "A future event dated before the article",
                HELP,
                vec![
                    Example::flag("Services will resume on 8 July at the earliest.")
                        .on("2025-07-10"),
                    Example::pass("Services will resume on 18 July at the earliest.")
                        .on("2025-07-10"),
                    Example::flag("Minister Mahmoud Esmat will chair an emergency meeting of the national grid operator on Sunday, July 13, to review it.")
                        .on("2025-07-16"),
                    Example::pass("The agency will enforce the rules of the decree that was signed on 2 July.")
                        .on("2025-07-10"),
                    Example::flag(
                        "Voters will go to the polls on Saturday, 15 March, officials said.",
                    )
                    .on("2025-03-19"),
                    Example::flag("The report will be published on Friday, 14 July.")
                        .on("2023-07-17"),
                    Example::pass("The report was published on Friday, 14 July.").on("2023-07-17"),
                    Example::pass("Services will resume on 3 January, the operator said.")
                        .on("2024-12-20"),
                    Example::pass("The tariff will apply from 1 March, backdated.")
                        .on("2025-03-19"),
                    Example::flag("The talks are due to open on 2 May 2024 in Geneva.")
                        .on("2024-05-20"),
                    Example::pass("The talks are due to open on 2 May 2025 in Geneva.")
                        .on("2024-05-20"),
                    Example::pass("Services will resume on 8 July at the earliest."),
                    Example::flag("Work on the approaches is scheduled to begin in March 2025, the plan says.")
                        .on("2025-06-19"),
                    Example::pass("Work on the approaches is scheduled to begin in March 2026, the plan says.")
                        .on("2025-06-19"),
                    Example::pass("The plant will replace the one that was closed in March 2024.")
                        .on("2025-06-19"),
                    Example::pass("The new fare will apply from March 2025, backdated.")
                        .on("2025-06-19"),
                    Example::flag("The Commission will announce its final recommendation to the Council on 10 March.")
                        .on("2025-03-12"),
                ],
            ),
        }
    }
}

impl Default for FutureInPast {
    fn default() -> Self {
        Self::new()
    }
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let dm = day_month_pattern();
        let pat = format!(
            r"\b(?:will|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\s+(?P<between>(?:[\p{{L}}'’-]+\s+){{1,12}}?)on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:the\s+)?{dm}(?:,?\s+(?P<y>\d{{4}})\b)?"
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// “is scheduled to begin in March 2025”: a month and year.
fn month_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"\b(?:will|(?:is|are)\s+(?:due|set|scheduled|expected|planned)\s+to)\s+(?P<between>(?:[\p{{L}}'’-]+\s+){{1,12}}?)(?:in|by)\s+(?P<m>{})\s+(?P<y>\d{{4}})\b",
            super::MONTH
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// Words that open a clause of their own between “will” and the date: the date is that
/// clause's (“will enforce the law that was passed on 3 March”).
fn other_clause(between: &str) -> bool {
    between.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "that"
                | "which"
                | "who"
                | "after"
                | "since"
                | "following"
                | "was"
                | "were"
                | "had"
                | "has"
        )
    })
}

/// How many days before the article a yearless date may fall and still be read as this year's.
const YEARLESS_DAYS: i64 = 45;

impl FutureInPast {
    /// The finding for a future-tense phrase `whole` (in the sentence at `base`) dated `when`.
    fn finding(
        &self,
        base: usize,
        whole: regex::Match<'_>,
        when: &str,
        on: NaiveDate,
    ) -> Diagnostic {
        Diagnostic::new(
            &self.meta.id,
            self.meta.severity,
            Span::new(base + whole.start(), base + whole.end()),
            format!(
                "Told in the future tense but dated {when} ({})",
                on.format("%-d %B %Y")
            ),
        )
        .with_help("Check the date, or put the sentence in the past tense.")
    }
}

impl Rule for FutureInPast {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some(on) = article.date() else { return };
        for s in &article.sentences {
            let text = article.slice(s.span);
            if !(text.contains("will") || text.contains(" to ")) {
                continue;
            }
            for caps in month_re().captures_iter(text) {
                let (Some(whole), Some(m), Some(y)) = (caps.get(0), caps.name("m"), caps.name("y"))
                else {
                    continue;
                };
                let between = caps.name("between").map_or("", |m| m.as_str());
                let (Some(month), Ok(year)) = (
                    crate::article::dateline::month_number(m.as_str()),
                    y.as_str().parse::<i32>(),
                ) else {
                    continue;
                };
                if other_clause(between) || (year, month) >= (on.year(), on.month()) {
                    continue;
                }
                let when = format!("{} {year}, before the article", m.as_str());
                out.push(self.finding(s.span.start, whole, &when, on));
            }
            if !text.contains(" on ") {
                continue;
            }
            for caps in re().captures_iter(text) {
                let Some(whole) = caps.get(0) else { continue };
                // “will enforce the law that was passed on 3 March”: the date belongs to
                // another clause.
                let between = caps.name("between").map_or("", |m| m.as_str());
                if other_clause(between) {
                    continue;
                }
                let Some((_, day, month)) = day_month(&caps) else {
                    continue;
                };
                let year = caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
                let Some(when) = NaiveDate::from_ymd_opt(year.unwrap_or(on.year()), month, day)
                else {
                    continue;
                };
                let before = (on - when).num_days();
                let past = match year {
                    Some(_) => before > 0,
                    None => before > 0 && before <= YEARLESS_DAYS,
                };
                if !past {
                    continue;
                }
                let when = format!(
                    "{}, {before} day{} before the article",
                    when.format("%-d %B %Y"),
                    if before == 1 { "" } else { "s" }
                );
                out.push(self.finding(s.span.start, whole, &when, on));
            }
        }
    }
}
