use super::{day_month, day_month_pattern, relative_day_offset};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: checks a weekday written with a date — “Wednesday, 3 March”, “on Monday, 12
August”, “Tuesday (Sept. 13)”, “Friday 5 January 2024”, “yesterday, Sunday” — against the calendar.

Why: a weekday copied from a draft written on another day, or computed in the wrong year, is a
factual error readers can check.

The year is the one written, else the dateline's; for a date a few weeks across New Year the
year nearest the dateline is used (an article of 2 January 2025 mentioning “Friday, 27
December” means 2024). Without a year or a dateline the pair is not checked.

Fix (unsafe): the weekday the date falls on — but the date may be the error.";

pub struct WeekdayMismatch {
    meta: RuleMeta,
}

impl WeekdayMismatch {
    pub fn new() -> Self {
        WeekdayMismatch {
            meta: crate::checks::meta(
                "dates/weekday-mismatch",
                Severity::Error,
                "A weekday that does not match its date",
                HELP,
                vec![
                    Example::fixed(
                        "The summit opens on Wednesday, 3 March.",
                        "The summit opens on Friday, 3 March.",
                    )
                    .on("2023-02-20"),
                    Example::pass("The summit opens on Friday, 3 March.").on("2023-02-20"),
                    Example::flag("The line will open on 1 December 2026, which falls on a Monday."),
                    Example::pass("The line will open on 1 December 2026, which falls on a Tuesday."),
                    Example::flag("The port authority said on Monday (8) that the river fell.")
                        .on("2024-10-08"),
                    Example::pass("The port authority said on Tuesday (8) that the river fell.")
                        .on("2024-10-08"),
                    Example::pass("The board met on Thursday (31) and again on Friday (1).")
                        .on("2024-11-02"),
                    Example::flag("Talks resume next Monday, 12 August.").on("2025-08-01"),
                    Example::pass("Leap day fell on Thursday, 29 February 2024, the office said."),
                    Example::flag("Leap day fell on Friday, 29 February 2024, the office said."),
                    Example::pass(
                        "The fire started on Friday, 27 December, and was out by New Year.",
                    )
                    .on("2025-01-02"),
                    Example::pass("Voting ends on Tuesday (Sept. 13).").on("2022-09-10"),
                    Example::flag("Voting ends on Wednesday (Sept. 13).").on("2022-09-10"),
                    Example::pass("The summit opens on Wednesday, 3 March."),
                    Example::fixed(
                        "PATRAS, 12 August 2025 – The fire broke out yesterday, Sunday, in pine forest.",
                        "PATRAS, 12 August 2025 – The fire broke out yesterday, Monday, in pine forest.",
                    ),
                    Example::pass("JOHANNESBURG, 17 July 2023 – Eskom said yesterday (Sunday) that cuts go on."),
                    Example::pass("The fire broke out yesterday, Sunday, in pine forest."),
                ],
            ),
        }
    }
}

impl Default for WeekdayMismatch {
    fn default() -> Self {
        Self::new()
    }
}

const WEEKDAY: &str = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// “on 1 December 2026, which falls on a Monday”: the weekday after the date.
fn falls_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let dm = day_month_pattern();
        let pat = format!(
            r"{dm}(?:,?\s+(?P<y>\d{{4}})\b)?,?\s+(?:which|that)\s+(?:falls|fell|is|was|will\s+be)\s+(?:on\s+)?(?:a\s+)?{WEEKDAY}\b"
        );
        Regex::new(&pat).expect("static regex")
    })
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let dm = day_month_pattern();
        let pat = format!(
            r"\b{WEEKDAY}(?:,\s*|\s+|\s*\(\s*)(?:the\s+)?{dm}(?:,?\s+(?P<y>\d{{4}})\b)?|\b(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\((?P<d3>\d{{1,2}})\)|\b(?P<rel>(?i:yesterday|today|tomorrow))(?:\s*,\s*|\s*\(\s*|\s+)(?P<wd3>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// The date with day-of-month `day` nearest `on` (this month, the one before or the one after).
fn nearest_day_of_month(on: NaiveDate, day: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(on.year(), on.month(), 1)?;
    [
        this.checked_sub_months(chrono::Months::new(1)),
        Some(this),
        this.checked_add_months(chrono::Months::new(1)),
    ]
    .into_iter()
    .flatten()
    .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
    .min_by_key(|d| (*d - on).num_days().abs())
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The year of a day and month with no year: the one nearest `reference`.
pub fn nearest_year(reference: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [reference.year() - 1, reference.year(), reference.year() + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

impl Rule for WeekdayMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for s in &article.sentences {
            let text = article.slice(s.span);
            let falls = if text.contains(" falls ")
                || text.contains(" fell ")
                || text.contains("which is")
                || text.contains("which was")
            {
                falls_re().captures_iter(text).collect::<Vec<_>>()
            } else {
                Vec::new()
            };
            for caps in re().captures_iter(text).chain(falls) {
                let (Some(wd), Some(whole)) = (
                    caps.name("wd").or(caps.name("wd2")).or(caps.name("wd3")),
                    caps.get(0),
                ) else {
                    continue;
                };
                // The date meant, and what of it came from the dateline.
                let (date, year_note) = if let Some(rel) = caps.name("rel") {
                    // “yesterday, Sunday”: the day before the dateline's.
                    let Some(on) = article.date() else { continue };
                    (
                        on.checked_add_signed(chrono::TimeDelta::days(relative_day_offset(
                            rel.as_str(),
                        ))),
                        " (counted from the dateline)",
                    )
                } else if let Some(d3) = caps.name("d3") {
                    // “on Monday (8)”, the Portuguese-language convention: the day of the month
                    // nearest the article's date.
                    let (Ok(day), Some(on)) = (d3.as_str().parse::<u32>(), article.date()) else {
                        continue;
                    };
                    (
                        nearest_day_of_month(on, day),
                        " (month and year from the dateline)",
                    )
                } else {
                    let Some((_, day, month)) = day_month(&caps) else {
                        continue;
                    };
                    match caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) {
                        Some(y) => (NaiveDate::from_ymd_opt(y, month, day), ""),
                        None => (
                            article.date().and_then(|r| nearest_year(r, month, day)),
                            " (year from the dateline)",
                        ),
                    }
                };
                let Some(date) = date else { continue };
                let actual = weekday_name(date.weekday());
                if actual == wd.as_str() {
                    continue;
                }
                let wd_span = Span::new(s.span.start + wd.start(), s.span.start + wd.end());
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(s.span.start + whole.start(), s.span.start + whole.end()),
                        format!(
                            "{} is a {actual}, not a {}{year_note}",
                            date.format("%-d %B %Y"),
                            wd.as_str()
                        ),
                    )
                    .with_help("Check the date and the weekday against the calendar.")
                    .with_fix(Fix::unsafe_(wd_span, actual)),
                );
            }
        }
    }
}
