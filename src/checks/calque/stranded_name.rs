use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a subject's name stranded at the end of the sentence, after the title that
should introduce it: “The US Secretary of State commented on the conflict in the South Caucasus
Antony Blinken.”

Why: Polish, Russian and other languages with free word order can end a sentence with its
subject; translated word for word, the name seems to belong to the last noun.

How: the sentence opens with “The” and an office title but names no one, and ends with a
given name and a surname (not English words, not places) right after another capitalised word (a
place), with no comma, preposition or verb between them.";

const TITLES: &[&str] = &[
    "Secretary",
    "Minister",
    "President",
    "Chancellor",
    "Prime",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "leader",
    "chief",
    "Ambassador",
    "ambassador",
    "envoy",
    "Governor",
    "Mayor",
    "mayor",
    "Commissioner",
];

pub struct StrandedName {
    meta: RuleMeta,
}

impl StrandedName {
    pub fn new() -> Self {
        StrandedName {
            meta: crate::checks::meta(
                "calque/stranded-name",
                Severity::Warning,
                "A subject's name stranded at the end of the sentence",
                HELP,
                vec![
                    Example::flag("The Foreign Minister spoke earlier about the floods in northern Portugal Paulo Rangel."),
                    Example::pass("The Foreign Minister spoke earlier about the floods, said Paulo Rangel."),
                    Example::pass("The Foreign Minister met his counterpart from Portugal, Paulo Rangel."),
                    Example::pass("Floods hit northern Portugal on Monday, and aid came from Spain Monday."),
                ],
            ),
        }
    }
}

impl Default for StrandedName {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for StrandedName {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for s in &article.sentences {
            let toks: Vec<_> = article
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .collect();
            let n = toks.len();
            if n < 8 {
                continue;
            }
            let w = |i: usize| article.slice(toks[i].span);
            // Opens with "The" and a title within the first five words, before any name.
            let Some(title) = (1..5.min(n)).find(|&i| TITLES.contains(&w(i))) else {
                continue;
            };
            if w(0) != "The" {
                continue;
            }
            let (given, surname, before) = (w(n - 2), w(n - 1), w(n - 3));
            let capital = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
            let place = |x: &str| !crate::lexicon::places::gazetteer().lookup(x).is_empty();
            let given_ok = words::is_proper_noun(given)
                || (capital(given) && !words::is_known(given) && !place(given));
            if !(given_ok && capital(surname) && !words::is_known(surname) && capital(before)) {
                continue;
            }
            // Nothing but spaces between the place and the name, and the name ends the sentence.
            let gap = &article.text[toks[n - 3].span.end..toks[n - 2].span.start];
            let tail = article.text[toks[n - 1].span.end..s.span.end].trim();
            if gap != " " || !matches!(tail, "." | "!" | "") {
                continue;
            }
            // The sentence must not already name someone before the end.
            if (1..n.saturating_sub(4)).any(|i| {
                words::is_proper_noun(w(i))
                    && capital(w(i + 1))
                    && !words::is_known(w(i + 1))
                    && !place(w(i + 1))
            }) {
                continue;
            }
            let name = Span::new(toks[n - 2].span.start, toks[n - 1].span.end);
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    name,
                    format!(
                        "“{}” is stranded at the end of the sentence: it names the “{}” the sentence opens with?",
                        article.slice(name),
                        article.slice(Span::new(toks[1].span.start, toks[title].span.end))
                    ),
                )
                .with_help("Move the name next to the title at the start of the sentence."),
            );
        }
    }
}
