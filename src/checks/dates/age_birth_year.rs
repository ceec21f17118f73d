use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::Datelike;
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: checks a person's age against a birth year given in the same sentence —
“Ogunleye, 52, who was born in 1961” in a 2025 article (63 or 64) — and flags an age that
cannot be right on the article's date.

Why: an age copied from an older profile, or a mistyped year; readers do the subtraction.

How: one age (“Name, 52,”, “Name (52)”, “52-year-old”, “aged 52”) and one birth year (“born in
1961”, “born in Soweto in 1971”) in a sentence with no other year beside a death, a “when” or an
“until” (“born in 1961, died in 2013”: the age may be at death); the age must be the
dateline's year minus the birth year, or one less (the birthday may not have come yet).
Without a dateline nothing is checked.";

pub struct AgeBirthYear {
    meta: RuleMeta,
}

impl AgeBirthYear {
    pub fn new() -> Self {
        AgeBirthYear {
            meta: crate::checks::meta(
                "dates/age-birth-year",
                Severity::Warning,
                "An age that does not match the birth year",
                HELP,
                vec![
                    Example::flag(
                        "Ogunleye, 52, who was born in 1961 in Ewekoro, served two terms.",
                    )
                    .on("2025-03-19"),
                    Example::pass(
                        "Ogunleye, 63, who was born in 1961 in Ewekoro, served two terms.",
                    )
                    .on("2025-03-19"),
                    Example::pass(
                        "Ogunleye, 64, who was born in 1961 in Ewekoro, served two terms.",
                    )
                    .on("2025-03-19"),
                    Example::flag(
                        "Thandiwe Mokoena, 47, who was born in Soweto in 1971, runs a salon.",
                    )
                    .on("2023-07-17"),
                    Example::flag("The 30-year-old striker, born in 1990, signed on Monday.")
                        .on("2024-08-01"),
                    Example::pass("The 30-year-old striker, born in 1994, signed on Monday.")
                        .on("2024-08-01"),
                    Example::pass("Ogunleye, 52, who was born in 1961, died in 2013.")
                        .on("2025-03-19"),
                    Example::flag("Ogunleye, 52, who was born in 1961, joined the party in 2022.")
                        .on("2025-03-19"),
                    Example::pass(
                        "Ogunleye, 52, who was born in 1961, was 40 when he left in 2001.",
                    )
                    .on("2025-03-19"),
                    Example::pass(
                        "Ogunleye, 52, who was born in 1961 in Ewekoro, served two terms.",
                    ),
                    Example::flag("Park Jun-seo, 56, heads the division. Park, who was born in 1971 in Tongyeong, joined in 1996.")
                        .on("2024-11-20"),
                    Example::pass("Park Jun-seo, 53, heads the division. Park, who was born in 1971 in Tongyeong, joined in 1996.")
                        .on("2024-11-20"),
                    Example::flag("Zielińska, who was born in Szczecin in 1981, worked in energy. The 47-year-old engineer managed gas projects.")
                        .on("2026-03-12"),
                    Example::pass("Zielińska, who was born in Szczecin in 1981, worked in energy. The 44-year-old engineer managed gas projects.")
                        .on("2026-03-12"),
                    Example::flag("Elpida Karagianni, who was born in 1968 and is 61, said the line would open.")
                        .on("2025-10-16"),
                    Example::pass("Elpida Karagianni, who was born in 1968 and is 57, said the line would open.")
                        .on("2025-10-16"),
                    Example::pass("His son, 12, was born in 2008 and his wife, 40, in 1984.")
                        .on("2025-03-19"),
                ],
            ),
        }
    }
}

impl Default for AgeBirthYear {
    fn default() -> Self {
        Self::new()
    }
}

fn age_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:\p{Lu}[\p{L}'’-]*,\s+(?P<a1>\d{1,3}),|\p{Lu}[\p{L}'’-]*\s+\((?P<a2>\d{1,3})\)|\b(?P<a3>\d{1,3})-year-old\b|\baged\s+(?P<a4>\d{1,3})\b|\b(?:and|who)\s+is\s+(?:now\s+)?(?P<a5>\d{1,3})(?:\s+years\s+old)?(?:\s*[,.;]|\s+(?:and|but|said|says|told)\b|\s*$))",
        )
        .expect("static regex")
    })
}

fn birth_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\bborn\s+(?:[\p{L}'’,-]+\s+){0,4}?in\s+(?P<y>(?:19|20)\d{2})\b")
            .expect("static regex")
    })
}

/// “Park Jun-seo, 56,” (the name's last word and the age).
fn named_age_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<name>(?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+),\s+(?P<age>\d{2}),")
            .expect("static regex")
    })
}

/// “Park, who was born in 1971”, “Park was born in Tongyeong in 1971”.
fn named_birth_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?P<name>\p{Lu}[\p{L}'’-]+),?\s+(?:who\s+)?was\s+born\s+(?:[\p{L}'’,-]+\s+){0,4}?in\s+(?P<y>(?:19|20)\d{2})\b",
        )
        .expect("static regex")
    })
}

impl AgeBirthYear {
    /// A name given an age in one sentence and a birth year in another (“Park Jun-seo, 56, …”
    /// then “Park, who was born in 1971, …”): each name must have one age and one birth year in
    /// the whole article, and the sentences neither may name a death.
    fn across_sentences(
        &self,
        article: &Article,
        on: chrono::NaiveDate,
        out: &mut Vec<Diagnostic>,
    ) {
        let text = article.text.as_str();
        if !text.contains(" born ") {
            return;
        }
        let mut ages: Vec<(&str, i32, Span)> = Vec::new();
        for c in named_age_re().captures_iter(text) {
            let (Some(n), Some(a)) = (c.name("name"), c.name("age")) else {
                continue;
            };
            let Ok(age) = a.as_str().parse::<i32>() else {
                continue;
            };
            ages.push((n.as_str(), age, Span::new(a.start(), a.end())));
        }
        let births: Vec<(&str, i32, Span)> = named_birth_re()
            .captures_iter(text)
            .filter_map(|c| {
                let (n, y) = (c.name("name")?, c.name("y")?);
                Some((
                    n.as_str(),
                    y.as_str().parse().ok()?,
                    Span::new(y.start(), y.end()),
                ))
            })
            .collect();
        // “Zielińska, who was born in Szczecin in 1981, … The 47-year-old engineer …”: an age
        // opening the next sentence is the same person's.
        for &(_, year, yspan) in &births {
            let Some(k) = article
                .sentences
                .iter()
                .position(|s| s.span.contains(yspan))
            else {
                continue;
            };
            let Some(next) = article.sentences.get(k + 1) else {
                continue;
            };
            let t = article.slice(next.span);
            let Some(c) = next_age_re().captures(t) else {
                continue;
            };
            let Some(a) = c.name("age") else { continue };
            let Ok(age) = a.as_str().parse::<i32>() else {
                continue;
            };
            if age_fits(on, year, age) || death_re().is_match(t) {
                continue;
            }
            let aspan = Span::new(next.span.start + a.start(), next.span.start + a.end());
            out.push(self.mismatch(on, (age, aspan), (year, yspan), "a person", false));
        }
        for &(name, year, yspan) in &births {
            // Either word of a full name: “Park Jun-seo, 56,” is “Park”.
            let of_name: Vec<_> = ages
                .iter()
                .filter(|(n, ..)| n.split_whitespace().any(|w| w == name))
                .collect();
            let one_birth = births.iter().filter(|(n, ..)| *n == name).count() == 1;
            let [&(_, age, aspan)] = of_name.as_slice() else {
                continue;
            };
            // The same sentence is the per-sentence check's; a death nearby leaves it alone.
            let sentence_of = |sp: Span| article.sentences.iter().position(|s| s.span.contains(sp));
            let (Some(sa), Some(sb)) = (sentence_of(aspan), sentence_of(yspan)) else {
                continue;
            };
            if !one_birth
                || sa == sb
                || [sa, sb]
                    .iter()
                    .any(|&k| death_re().is_match(article.slice(article.sentences[k].span)))
            {
                continue;
            }
            if age_fits(on, year, age) {
                continue;
            }
            out.push(self.mismatch(on, (age, aspan), (year, yspan), name, true));
        }
    }
}

/// “The 47-year-old engineer” opening a sentence.
fn next_age_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^The\s+(?P<age>\d{2})-year-old\b").expect("static regex"))
}

/// Can someone born in `year` be `age` on `on`? (Their birthday may not have come yet; a year
/// after the article's or an age outside 1–120 is not judged.)
fn age_fits(on: chrono::NaiveDate, year: i32, age: i32) -> bool {
    let oldest = on.year() - year;
    year > on.year() || !(1..=120).contains(&age) || age == oldest || age == oldest - 1
}

impl AgeBirthYear {
    /// The finding for an age that does not fit a birth year: on the year when the age was
    /// given earlier (`on_year`), else on the age.
    fn mismatch(
        &self,
        on: chrono::NaiveDate,
        (age, aspan): (i32, Span),
        (year, yspan): (i32, Span),
        who: &str,
        on_year: bool,
    ) -> Diagnostic {
        let oldest = on.year() - year;
        let (span, related, label) = if on_year {
            (yspan, aspan, "the age")
        } else {
            (aspan, yspan, "the birth year")
        };
        let earlier = if on_year { " as given earlier" } else { "" };
        Diagnostic::new(
            &self.meta.id,
            self.meta.severity,
            span,
            format!(
                "Born in {year}, {who} is {} or {oldest} in {}, not {age}{earlier}",
                oldest - 1,
                on.format("%B %Y")
            ),
        )
        .with_related(related, label)
        .with_help("Check the age or the year of birth.")
    }
}

fn death_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:died|death|killed|dead|late|when|until|retired)\b")
            .expect("static regex")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:1[89]|20)\d{2}\b").expect("static regex"))
}

impl Rule for AgeBirthYear {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some(on) = article.date() else { return };
        self.across_sentences(article, on, out);
        for s in &article.sentences {
            let text = article.slice(s.span);
            if !text.contains("born") {
                continue;
            }
            let births: Vec<_> = birth_re().captures_iter(text).collect();
            let ages: Vec<_> = age_re().captures_iter(text).collect();
            // Another year with a death (“born in 1961, died in 2013”): the age may be at death.
            if births.len() != 1
                || ages.len() != 1
                || (year_re().find_iter(text).count() != 1 && death_re().is_match(text))
            {
                continue;
            }
            let (Some(y), Some(a)) = (
                births[0].name("y"),
                ["a1", "a2", "a3", "a4", "a5"]
                    .iter()
                    .find_map(|n| ages[0].name(n)),
            ) else {
                continue;
            };
            let (Ok(year), Ok(age)) = (y.as_str().parse::<i32>(), a.as_str().parse::<i32>()) else {
                continue;
            };
            if age_fits(on, year, age) {
                continue;
            }
            let aspan = Span::new(s.span.start + a.start(), s.span.start + a.end());
            let yspan = Span::new(s.span.start + y.start(), s.span.start + y.end());
            let mut d = self.mismatch(on, (age, aspan), (year, yspan), "a person", false);
            // The claim is the age and the birth year together: either may be the wrong one.
            let born = births[0].get(0).map_or(y.start(), |m| m.start());
            d.span = Span::new(
                s.span.start + a.start().min(born),
                s.span.start + a.end().max(y.end()),
            );
            out.push(d);
        }
    }
}
