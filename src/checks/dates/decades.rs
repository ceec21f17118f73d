use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::Datelike;
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags “decades-old” or “decades-long” for something the same sentence dates to
less than twenty years before the article: “the decades-old feud, which began in 2016”.

Why: the adjective was carried over from another story or the start year is wrong; either way
the sentence contradicts itself. Needs the article's date.";

pub struct Decades {
    meta: RuleMeta,
}

impl Decades {
    pub fn new() -> Self {
        Decades {
            meta: crate::checks::meta(
                "dates/decades-old",
                Severity::Warning,
                "“Decades-old” for something that began recently",
                HELP,
                vec![
                    Example::flag("The decades-old feud, which began in 2016, flared again.")
                        .on("2025-03-01"),
                    Example::pass("The decades-old feud, which began in 1986, flared again.")
                        .on("2025-03-01"),
                    Example::pass("The decades-long war flared again in 2016.").on("2025-03-01"),
                    Example::pass("The decades-old feud, which began in 2016, flared again."),
                ],
            ),
        }
    }
}

impl Default for Decades {
    fn default() -> Self {
        Self::new()
    }
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?P<adj>decades[- ](?:old|long))\b[^.;]{0,80}?\b(?:began|started|erupted|broke\s+out|dates?\s+(?:back\s+)?(?:to|from)|dating\s+(?:back\s+)?(?:to|from)|since|founded|established|launched)\s+(?:in\s+)?(?P<y>(?:19|20)\d{2})\b")
            .expect("static regex")
    })
}

impl Rule for Decades {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some(date) = article.date() else { return };
        for s in &article.sentences {
            let text = article.slice(s.span);
            for caps in re().captures_iter(text) {
                let (Some(adj), Some(y)) = (caps.name("adj"), caps.name("y")) else {
                    continue;
                };
                let Ok(year) = y.as_str().parse::<i32>() else {
                    continue;
                };
                let age = date.year() - year;
                if !(0..20).contains(&age) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(s.span.start + adj.start(), s.span.start + adj.end()),
                        format!(
                            "“{}”, but it began in {year}: {age} years before this article",
                            adj.as_str()
                        ),
                    )
                    .with_related(
                        Span::new(s.span.start + y.start(), s.span.start + y.end()),
                        "start year",
                    )
                    .with_help("Drop “decades-old” or correct the start year."),
                );
            }
        }
    }
}
