use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::countries::countries;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags “it’s a” where “and a” was meant between two nationalities or names: “three
policemen Italians it’s a Spanish”, “two fighters Armenians it’s a Azerbaijani”.

Why: Italian “e” (and) read as “è” (it is) by a translation tool gives “it’s”; the sentence
stops making sense.

How: “it’s a/an” between a plural demonym or name (“Armenians”, “Italians”) and a capitalised
demonym or name, with no punctuation in between.

Fix (unsafe): “and a”.";

pub struct GarbledConnector {
    meta: RuleMeta,
}

impl GarbledConnector {
    pub fn new() -> Self {
        GarbledConnector {
            meta: crate::checks::meta(
                "calque/garbled-connector",
                Severity::Warning,
                "“it’s a” where “and a” was meant",
                HELP,
                vec![
                    Example::fixed(
                        "The blast injured three policemen Italians it’s a Spanish tourist.",
                        "The blast injured three policemen Italians and a Spanish tourist.",
                    ),
                    Example::flag("Two climbers Poles it's an Austrian guide were rescued."),
                    Example::flag("Two climbers Poles it's an Austrianwho was rescued."),
                    Example::pass("For the Spaniards, it’s a question of pride."),
                    Example::pass("The Italians say it’s a Spanish idea."),
                ],
            ),
        }
    }
}

impl Default for GarbledConnector {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for GarbledConnector {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let c = countries();
        for s in &article.sentences {
            let toks = article.sentence_tokens(s);
            for i in 1..toks.len().saturating_sub(2) {
                let its = article.slice(toks[i].span);
                if !matches!(its, "it’s" | "it's") {
                    continue;
                }
                let (prev, a, next) = (toks[i - 1], toks[i + 1], toks[i + 2]);
                let (pw, aw, nw) = (
                    article.slice(prev.span),
                    article.slice(a.span),
                    article.slice(next.span),
                );
                if prev.kind != TokenKind::Word
                    || !matches!(aw, "a" | "an")
                    || next.kind != TokenKind::Word
                {
                    continue;
                }
                // Plural demonym before ("Armenians"), capitalised demonym or name after.
                let prev_ok = pw.ends_with('s') && c.by_demonym(pw).is_some();
                // The demonym may itself be glued to the next word ("Azerbaijaniraising").
                let next_ok = nw.chars().next().is_some_and(char::is_uppercase)
                    && (c.by_demonym(nw).is_some()
                        || nw
                            .char_indices()
                            .skip(4)
                            .any(|(k, _)| c.by_demonym(&nw[..k]).is_some()));
                // "The Italians say it's a": a verb between; here the demonym directly precedes.
                let before_prev = if i >= 2 {
                    article.slice(toks[i - 2].span)
                } else {
                    ""
                };
                if !(prev_ok && next_ok)
                    || matches!(before_prev, "the" | "The" | "For" | "for" | "To" | "to")
                {
                    continue;
                }
                let article_word = if nw
                    .chars()
                    .next()
                    .is_some_and(|ch| "AEIOUaeiou".contains(ch))
                {
                    "an"
                } else {
                    "a"
                };
                let span = Span::new(toks[i].span.start, a.span.end);
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!("“{its} {aw}” between “{pw}” and “{nw}”: “and {article_word}”?"),
                    )
                    .with_help("The source's “and” was mistranslated; rewrite the phrase.")
                    .with_fix(Fix::unsafe_(span, format!("and {article_word}"))),
                );
            }
        }
    }
}
