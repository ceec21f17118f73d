use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a word written twice in a row (“the the”, “was was”).

Why: a doubled word is a typing or editing slip; machine translation and copy-paste make it
common. Grammatical doublings stay silent: “had had”, “that that”, “is is” after “what”,
reduplicated names (“Sirhan Sirhan”, “Bora Bora”).

Fix (safe): delete the second word.";

/// Doublings that are grammatical or idiomatic.
const ALLOWED: &[&str] = &[
    "had", "that", "bye", "ha", "no", "so", "very", "really", "far", "knock", "tut", "yada",
    "chop", "pooh", "hush", "aye", "tsk", "boo", "cha", "dum", "ho",
];

pub struct RepeatedWord {
    meta: RuleMeta,
}

impl RepeatedWord {
    pub fn new() -> Self {
        RepeatedWord {
            meta: super::super::meta(
                "spacing/repeated-word",
                Severity::Warning,
                "A word repeated twice in a row",
                HELP,
                vec![
                    Example::fixed("He said the the talks failed.", "He said the talks failed."),
                    Example::fixed("The vote was was postponed.", "The vote was postponed."),
                    Example::flag("The The talks failed."),
                    Example::pass("She had had enough, and he said that that was final."),
                    Example::pass("What it is is a truce."),
                    Example::pass("Sirhan Sirhan was denied parole; they flew to Bora Bora."),
                    Example::pass("He said the\n\nthe end."),
                    Example::pass("It was, was it not, a draw?"),
                ],
            ),
        }
    }
}

impl Default for RepeatedWord {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for sentence in &article.sentences {
            let toks = article.sentence_tokens(sentence);
            for (i, pair) in toks.windows(2).enumerate() {
                let (a, b) = (pair[0], pair[1]);
                if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
                    continue;
                }
                let gap = &article.text[a.span.end..b.span.start];
                if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
                    continue;
                }
                let wa = article.slice(a.span);
                let wb = article.slice(b.span);
                if wa.to_lowercase() != wb.to_lowercase() || wa.chars().all(|c| c.is_numeric()) {
                    continue;
                }
                let lower = wb.to_lowercase();
                if ALLOWED.contains(&lower.as_str()) {
                    continue;
                }
                // "what it is is": the second "is" starts the predicate.
                if lower == "is" && i >= 2 {
                    let back = article.slice(toks[i - 1].span).to_lowercase();
                    let back2 = article.slice(toks[i - 2].span).to_lowercase();
                    if matches!(
                        back.as_str(),
                        "it" | "this" | "that" | "problem" | "thing" | "point"
                    ) || matches!(back2.as_str(), "what" | "thing" | "truth" | "problem")
                    {
                        continue;
                    }
                }
                // Reduplicated proper names: both capitalised, not at the start of the sentence.
                let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                if capital(wa) && capital(wb) && i > 0 {
                    continue;
                }
                if capital(wa) && capital(wb) && i == 0 && wa == wb && !is_function_word(&lower) {
                    continue;
                }
                let span = Span::new(a.span.end, b.span.end);
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        b.span,
                        format!("“{wb}” is repeated"),
                    )
                    .with_help("Delete the second word.")
                    .with_fix(Fix::safe(span, "")),
                );
            }
        }
    }
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "this"
            | "from"
    )
}
