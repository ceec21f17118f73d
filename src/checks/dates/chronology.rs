use super::window;
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags an origin dated after an earlier date the article gives for the same
story: “The conflict first erupted in 2011. In the late 1980s, when both sides were under
Soviet rule, …”.

Why: a wrong start year (often a misread or mistranslated number) contradicts the article's own
history and the reader's knowledge.

How: “first erupted / began / started / broke out / emerged in YEAR” (with “first”, or the verbs
erupted / broke out) and, at the start of the previous or next sentence of the paragraph, an earlier year, season or decade (“In the late 1980s”, “In the spring of 2022”).";

pub struct Chronology {
    meta: RuleMeta,
}

impl Chronology {
    pub fn new() -> Self {
        Chronology {
            meta: crate::checks::meta(
                "dates/chronology",
                Severity::Warning,
                "A start date later than an earlier date given for the same story",
                HELP,
                vec![
                    Example::flag("The feud first erupted in 2015. In the early 1990s, the two clans fought over grazing land."),
                    Example::flag("The dispute first began in 2023. In the spring of 2022, the ports were blocked."),
                    Example::flag("The protests first began in 2024. In March 2023, a first draft was withdrawn."),
                    Example::pass("The feud first erupted in 1991. In the early 1990s, the two clans fought over grazing land."),
                    Example::pass("Syria, independent since 1946, saw protests that first erupted in 2011."),
                    Example::pass("The war began in 2014. In 2022 it escalated."),
                ],
            ),
        }
    }
}

impl Default for Chronology {
    fn default() -> Self {
        Self::new()
    }
}

fn origin_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:(?P<first>first)\s+(?:erupted|began|started|broke\s+out|emerged|flared(?:\s+up)?)|erupted|broke\s+out)\s+in\s+(?P<y>(?:1[89]|20)\d{2})\b")
            .expect("static regex")
    })
}

/// An earlier time at the start of a sentence: "In the late 1980s,", "In the spring of 2022,",
/// "In 1991,". Returns the last year it covers.
fn earlier_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:in|during|since)\s+(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(?:spring|summer|autumn|fall|winter)\s+of\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?P<y>(?:1[89]|20)\d{2})(?P<s>s)?\b",
        )
        .expect("static regex")
    })
}

impl Rule for Chronology {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for (si, s) in article.sentences.iter().enumerate() {
            let text = article.slice(s.span);
            for caps in origin_re().captures_iter(text) {
                let (Some(y), Some(whole)) = (caps.name("y"), caps.get(0)) else {
                    continue;
                };
                let Ok(year) = y.as_str().parse::<i32>() else {
                    continue;
                };
                let mut earlier: Option<(String, Span)> = None;
                for sj in window(article, si, 1, 1) {
                    let sp = article.sentences[sj].span;
                    let t = article.slice(sp);
                    for c in earlier_re().captures_iter(t) {
                        let Some(m) = c.get(0) else { continue };
                        // Only as the opener of a neighbouring sentence: within one sentence an
                        // earlier year is usually background ("independent since 1946").
                        if sj == si || m.start() > 3 {
                            continue;
                        }
                        let Some(e) = c.name("y").and_then(|e| e.as_str().parse::<i32>().ok())
                        else {
                            continue;
                        };
                        let last = if c.name("s").is_some() { e + 9 } else { e };
                        if last < year {
                            earlier = Some((
                                m.as_str().to_string(),
                                Span::new(sp.start + m.start(), sp.start + m.end()),
                            ));
                        }
                    }
                }
                let Some((what, es)) = earlier else { continue };
                let span = Span::new(s.span.start + whole.start(), s.span.start + whole.end());
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!("Dated to {year}, but the article places it earlier: “{what}”"),
                    )
                    .with_related(es, "earlier date")
                    .with_help("Check the start year: it cannot be later than events the article describes before it."),
                );
            }
        }
    }
}
