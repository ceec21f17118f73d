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
(“was completed”, “took place”, “were declared”) directly before the date counts. The date may
be a year, a month and year (“in March 2025”), or a day; a day without a year (“on 4 June”) is
read in the article's year and counts only within 60 days after the article (“on 28 December”
in a January article is last December).";

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
                    Example::flag("He pointed to the test event, which took place in March 2025.")
                        .on("2024-02-20"),
                    Example::flag("Polling ends on 1 June, and results, which were declared on 4 June, will follow.")
                        .on("2024-05-29"),
                    Example::pass("Polling ends on 1 June, and results will be declared on 4 June.")
                        .on("2024-05-29"),
                    Example::pass("The test event took place in February 2024 and in March 2023.")
                        .on("2024-02-20"),
                    Example::pass("The summit was held on 28 December, weeks before the vote.")
                        .on("2024-01-02"),
                    Example::pass("She was born on 4 June and died on 10 June.")
                        .on("2024-05-29"),
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
        let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
        Regex::new(&format!(
            r"\b(?P<verb>(?:was|were|had\s+been)\s+(?:completed|built|opened|founded|established|signed|held|elected|killed|born|launched|finished|closed|destroyed|won|lost|awarded|appointed|arrested|sentenced|declared|announced|released|published|approved|passed|adopted|inaugurated|unveiled|introduced|hit|struck|recorded)|(?:died|ended|began|started|won|lost|signed|opened|closed|collapsed|resigned|retired|happened|occurred|took\s+place|took\s+effect))\s+(?:in|on)\s+(?:(?P<y>20\d{{2}})\b|(?:(?P<d>\d{{1,2}})\s+)?(?P<m>{month})(?:\s+(?P<d2>\d{{1,2}})\b)?(?:,?\s+(?P<my>20\d{{2}})\b)?)"
        ))
        .expect("static regex")
    })
}

/// How far after the article a date without a year may fall and still be read as in the
/// article's year (“declared on 4 June” in a 29 May article); later, it is more likely last year.
const YEARLESS_DAYS: i64 = 60;

/// The date a match names and whether it gave its year: the first day of a month or year when
/// that is all it says.
fn named_date(
    caps: &regex::Captures<'_>,
    article: chrono::NaiveDate,
) -> Option<(chrono::NaiveDate, bool)> {
    if let Some(y) = caps.name("y") {
        let y = y.as_str().parse().ok()?;
        return chrono::NaiveDate::from_ymd_opt(y, 1, 1).map(|d| (d, true));
    }
    let month = crate::article::dateline::month_number(caps.name("m")?.as_str())?;
    let day = caps
        .name("d")
        .or_else(|| caps.name("d2"))
        .and_then(|d| d.as_str().parse().ok());
    match caps.name("my").and_then(|y| y.as_str().parse().ok()) {
        Some(y) => chrono::NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1)).map(|d| (d, true)),
        // Without a year, only a full day counts (“in June” alone is too vague).
        None => chrono::NaiveDate::from_ymd_opt(article.year(), month, day?).map(|d| (d, false)),
    }
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
                let Some(whole) = caps.get(0) else {
                    continue;
                };
                let Some((when, with_year)) = named_date(&caps, date) else {
                    continue;
                };
                let after = (when - date).num_days();
                let later = if caps.name("y").is_some() {
                    when.year() > date.year()
                } else if with_year {
                    // A month and year: after the article's month.
                    when > date && (when.year(), when.month()) != (date.year(), date.month())
                } else {
                    after > 0
                        && after <= YEARLESS_DAYS
                        && !caps
                            .name("verb")
                            .is_some_and(|v| v.as_str().contains("born") || v.as_str() == "died")
                };
                if !later {
                    continue;
                }
                let shown = if caps.name("y").is_some() {
                    when.year().to_string()
                } else if caps.name("d").or_else(|| caps.name("d2")).is_some() {
                    when.format("%-d %B %Y").to_string()
                } else {
                    when.format("%B %Y").to_string()
                };
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(s.span.start + whole.start(), s.span.start + whole.end()),
                        format!(
                            "Told in the past tense but dated {shown}, after the article ({})",
                            date.format("%-d %B %Y")
                        ),
                    )
                    .with_help("Check the year, or the tense."),
                );
            }
        }
    }
}
