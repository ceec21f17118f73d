use super::{small_number, window, MONTH};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::Datelike;
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: resolves relative dates — “last year”, “two years ago”, “in November last year”,
“next year” — against the article's date and flags them where they contradict an explicit year
given for the same thing:
- in the same phrase: “last year, in 2021” in a 2023 article (last year is 2022);
- for an event's end, against the year its start is given in the sentences just before:
  “In September 2020 they fought a war … The fighting ended in November last year” in a
  September 2022 article (last year is 2021, but the war is dated 2020).

Why: a relative date goes stale when copy is reused or translated from an older source, and
“last year” in the source may be a different year for the reader.

Correct ones stay silent (“won the title in May last year” in a February 2025 article about May
2024). Without a dateline nothing is resolved.";

pub struct RelativeDate {
    meta: RuleMeta,
}

impl RelativeDate {
    pub fn new() -> Self {
        RelativeDate {
            meta: crate::checks::meta(
                "dates/relative-date",
                Severity::Warning,
                "A relative date that contradicts an explicit year",
                HELP,
                vec![
                    Example::flag("The road was rebuilt last year, in 2021, with a loan.").on("2023-09-05"),
                    Example::pass("The road was rebuilt last year, in 2022, with a loan.").on("2023-09-05"),
                    Example::flag("It was the highest count since last year's peak in April 2023.").on("2025-03-12"),
                    Example::pass("It was the highest count since last year's peak in April 2024.").on("2025-03-12"),
                    Example::flag("In March 2019, floods hit the valley. The clean-up ended in June last year.").on("2021-05-02"),
                    Example::pass("In March 2020, floods hit the valley. The clean-up ended in June last year.").on("2021-05-02"),
                    Example::pass("She won the title in May last year and defended it in 2023.").on("2025-02-10"),
                    Example::flag("He was elected two years ago, in 2019.").on("2024-06-01"),
                    Example::pass("He was elected two years ago, in 2022.").on("2024-06-01"),
                    Example::pass("The road was rebuilt last year, in 2021, with a loan."),
                    Example::flag("The last strong aftershock was recorded last month, in February, near Malatya.").on("2025-04-16"),
                    Example::pass("The last strong aftershock was recorded last month, in March, near Malatya.").on("2025-04-16"),
                    Example::pass("Prices rose last month, in December, and again in January.").on("2025-01-20"),
                    Example::flag("The board will present its plan in Opatija next month, on October 16.").on("2025-11-05"),
                    Example::pass("The board will present its plan in Opatija next month, on December 16.").on("2025-11-05"),
                    Example::flag("Old banknotes remain legal tender until January 31, next month, the bank said.").on("2026-01-14"),
                    Example::pass("Old banknotes remain legal tender until February 28, next month, the bank said.").on("2026-01-14"),
                    Example::flag("The investigation began in November last year, when officers searched the offices in 2022.").on("2024-03-12"),
                    Example::pass("The investigation began in November last year, when officers searched the offices in 2023.").on("2024-03-12"),
                ],
            ),
        }
    }
}

impl Default for RelativeDate {
    fn default() -> Self {
        Self::new()
    }
}

fn relative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"(?i)\b(?:in\s+(?P<month>{MONTH})\s+)?(?P<rel>last\s+year|this\s+year|next\s+year|(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+years?\s+ago)\b(?P<appos>,?\s+(?:in|back\s+in)\s+(?P<y>\d{{4}})\b|['’]s\s+(?:[\p{{L}}-]+\s+){{1,3}}?(?:in|of)\s+(?:{MONTH}\s+)?(?P<y2>\d{{4}})\b)?"
        );
        Regex::new(&pat).expect("static regex")
    })
}

fn relative_month_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"(?i)\b(?P<rel>last|this|next)\s+month\b,?\s+(?:(?:in|back\s+in)\s+(?P<month>{MONTH})\b(?:\s+(?P<y>\d{{4}}))?|on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_a>{MONTH})\b|(?P<month_b>{MONTH})\s+\d{{1,2}}\b))|\b(?:(?P<month_c>{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_d>{MONTH}))(?:,?\s+(?P<y2>\d{{4}}))?,?\s+(?P<rel2>last|this|next)\s+month\b"
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// "…, when …" clause after "in November last year" that dates the same moment.
fn when_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(r"^,?\s+when\b[^;:()]*?\bin\s+(?:(?:early|mid|late)[- ])?(?:{MONTH}\s+)?(?P<y>(?:19|20)\d{{2}})\b");
        Regex::new(&pat).expect("static regex")
    })
}

fn explicit_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(r"\b(?:in|In)\s+(?:(?:early|mid|late)[- ])?(?:(?P<month>{MONTH})\s+)?(?P<y>(?:19|20)\d{{2}})\b");
        Regex::new(&pat).expect("static regex")
    })
}

fn end_verb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:ended|finished|concluded|came to an end|was over|stopped|halted)\s*$")
            .expect("static regex")
    })
}

impl RelativeDate {
    /// "last month, in February" in an April article.
    fn relative_month(
        &self,
        sentence: Span,
        text: &str,
        date: chrono::NaiveDate,
        out: &mut Vec<Diagnostic>,
    ) {
        for caps in relative_month_re().captures_iter(text) {
            // “next month, in/on October 16” or “January 31, next month”.
            let rel = caps.name("rel").or_else(|| caps.name("rel2"));
            let m = ["month", "month_a", "month_b", "month_c", "month_d"]
                .iter()
                .find_map(|n| caps.name(n));
            let (Some(rel), Some(m), Some(whole)) = (rel, m, caps.get(0)) else {
                continue;
            };
            let Some(named) = crate::article::dateline::month_number(m.as_str()) else {
                continue;
            };
            let shift: i32 = match rel.as_str().to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let index = date.year() * 12 + date.month0() as i32 + shift;
            let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
            let year_ok = caps
                .name("y")
                .or_else(|| caps.name("y2"))
                .and_then(|y| y.as_str().parse::<i32>().ok())
                .is_none_or(|y| y == year);
            if named == month && year_ok {
                continue;
            }
            let expected = chrono::NaiveDate::from_ymd_opt(year, month, 1)
                .map(|d| d.format("%B %Y").to_string())
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    Span::new(sentence.start + whole.start(), sentence.start + whole.end()),
                    format!(
                        "“{} month” is {expected} in an article dated {}, not {}",
                        rel.as_str(),
                        date.format("%-d %B %Y"),
                        m.as_str()
                    ),
                )
                .with_help("Give one date: the named month, or the relative one that matches it."),
            );
        }
    }
}

impl Rule for RelativeDate {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some(date) = article.date() else { return };
        for (si, s) in article.sentences.iter().enumerate() {
            let text = article.slice(s.span);
            // Cheap literal prefilter before the regex.
            let lower = text.to_ascii_lowercase();
            if lower.contains("month") {
                self.relative_month(s.span, text, date, out);
            }
            if !(lower.contains("year") || lower.contains("ago")) {
                continue;
            }
            for caps in relative_re().captures_iter(text) {
                let (Some(rel), Some(whole)) = (caps.name("rel"), caps.get(0)) else {
                    continue;
                };
                let r = rel.as_str().to_lowercase();
                let resolved = if r.starts_with("last") {
                    date.year() - 1
                } else if r.starts_with("this") {
                    date.year()
                } else if r.starts_with("next") {
                    date.year() + 1
                } else {
                    let Some(n) = caps.name("n").and_then(|n| small_number(n.as_str())) else {
                        continue;
                    };
                    date.year() - n
                };
                let span = Span::new(s.span.start + whole.start(), s.span.start + whole.end());
                let dated = date.format("%-d %B %Y");
                // 1. "last year, in 2021".
                // Or “last year's peak in April 2023”.
                if let Some(y) = caps
                    .name("y")
                    .or(caps.name("y2"))
                    .and_then(|y| y.as_str().parse::<i32>().ok())
                {
                    if y != resolved && caps.name("appos").is_some() {
                        out.push(
                            Diagnostic::new(
                                &self.meta.id,
                                self.meta.severity,
                                span,
                                format!("“{}” is {resolved} in an article dated {dated}, not {y}", rel.as_str()),
                            )
                            .with_help("Give one date: the explicit year, or the relative one that matches it."),
                        );
                    }
                    continue;
                }
                // 2. "The fighting ended in November last year" after "In September 2020, …".
                let Some(month) = caps.name("month") else {
                    continue;
                };
                // 3. "began in November last year, when officers searched … in 2022".
                if r.starts_with("last") {
                    if let Some(c) = when_year_re().captures(&text[whole.end()..]) {
                        if let Some(y) = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) {
                            if y != resolved {
                                let ys = c.name("y").map_or(span, |m| {
                                    let at = s.span.start + whole.end();
                                    Span::new(at + m.start(), at + m.end())
                                });
                                out.push(
                                    Diagnostic::new(
                                        &self.meta.id,
                                        self.meta.severity,
                                        span,
                                        format!(
                                            "“{}” is {resolved} in an article dated {dated}, but the same sentence dates it {y}",
                                            whole.as_str()
                                        ),
                                    )
                                    .with_related(ys, format!("dated {y} here"))
                                    .with_help("Give one date: the explicit year, or the relative one that matches it."),
                                );
                                continue;
                            }
                        }
                    }
                }
                if !r.starts_with("last") || !end_verb_re().is_match(&text[..whole.start()]) {
                    continue;
                }
                let mut start_year: Option<(i32, Span)> = None;
                for sj in window(article, si, 3, 0) {
                    let sp = article.sentences[sj].span;
                    let t = article.slice(sp);
                    let limit = if sj == si { whole.start() } else { t.len() };
                    for c in explicit_year_re().captures_iter(&t[..limit]) {
                        if let (Some(y), Some(m)) = (
                            c.name("y").and_then(|y| y.as_str().parse::<i32>().ok()),
                            c.get(0),
                        ) {
                            start_year =
                                Some((y, Span::new(sp.start + m.start(), sp.start + m.end())));
                        }
                    }
                }
                let Some((y, ys)) = start_year else { continue };
                // An end a year or two after the stated start, by "last year" only.
                if resolved > y && resolved - y <= 2 {
                    out.push(
                        Diagnostic::new(
                            &self.meta.id,
                            self.meta.severity,
                            span,
                            format!(
                                "“{} last year” is {} {resolved} in an article dated {dated}, but the events are dated {y} just before; {} {y}?",
                                month.as_str(),
                                month.as_str(),
                                month.as_str()
                            ),
                        )
                        .with_related(ys, format!("dated {y} here"))
                        .with_help("Replace the relative date with the explicit month and year."),
                    );
                }
            }
        }
    }
}
