use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a sentence that starts with a lower-case word after a full stop: “reached
the coast on Tuesday. the river rose”. (After a question or exclamation mark, lower case is a
choice in dialogue: “Who will be left? the pelicans?”.)

Why: a lost capital is a slip of hasty editing, or of a translation tool that split one source
sentence in two. Readers notice it at once.

Abbreviations that end with a full stop and continue the sentence stay silent (“etc.”, “vs.”,
“approx.”, “a.m.”, “No.”, “U.S.”), as do ellipses and brand names written in lower case
(“eBay”, “iPhone”).

Fix (safe): capitalise the word.";

/// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "etc", "vs", "approx", "incl", "excl", "no", "nos", "op", "cit", "al", "ca", "cf", "fig",
    "vol", "pp", "ed", "eds", "jr", "sr", "dr", "mr", "mrs", "ms", "prof", "gen", "col", "lt",
    "sgt", "st", "ave", "dept", "est", "govt", "corp", "inc", "ltd", "co", "bros", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "min", "max", "resp", "viz", "esp", "rev",
    "hon", "art", "sec", "ch", "para", "cap", "mt", "ft", "in", "lb", "oz", "pt", "km",
];

pub struct LowercaseStart {
    meta: RuleMeta,
}

impl LowercaseStart {
    pub fn new() -> Self {
        LowercaseStart {
            meta: super::super::meta(
                "spacing/lowercase-start",
                Severity::Warning,
                "A sentence that starts with a lower-case letter",
                HELP,
                vec![
                    Example::fixed(
                        "The storm reached the coast on Tuesday. the river rose by two metres.",
                        "The storm reached the coast on Tuesday. The river rose by two metres.",
                    ),
                    Example::flag("It rained all week. no one could say when it would stop."),
                    Example::pass("\"Who will be left? the pelicans?\" he asked. What? no!"),
                    Example::pass("Prices rose 5% vs. the year before, approx. a third of it in Jan. and Feb. the rest later."),
                    Example::pass("The meeting ended at 9 a.m. the next day; the U.S. said so."),
                    Example::pass("He paused... then went on. eBay and iPhone sales rose."),
                    Example::pass("See section 4. the list below is long."),
                ],
            ),
        }
    }
}

impl Default for LowercaseStart {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for LowercaseStart {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let toks = &article.tokens;
        for i in 1..toks.len().saturating_sub(1) {
            let stop = toks[i];
            let mark = article.slice(stop.span);
            if stop.kind != TokenKind::Punct || mark != "." {
                continue;
            }
            let (prev, next) = (toks[i - 1], toks[i + 1]);
            // The mark right after a word; one space, on the same line, then the next word.
            if prev.kind != TokenKind::Word || prev.span.end != stop.span.start {
                continue;
            }
            let gap = &article.text[stop.span.end..next.span.start];
            if gap != " " || next.kind != TokenKind::Word {
                continue;
            }
            let before = article.slice(prev.span);
            let word = article.slice(next.span);
            // "a.m.", "U.S.", "e.g.": a dotted abbreviation; "4." a number.
            let dotted = article.text[..prev.span.start].ends_with('.');
            if mark == "."
                && (dotted
                    || before.chars().count() < 2
                    || before.chars().any(|c| c.is_ascii_digit())
                    || ABBREVIATIONS.contains(&before.to_lowercase().as_str())
                    || before.chars().all(char::is_uppercase))
            {
                continue;
            }
            if !word.chars().next().is_some_and(char::is_lowercase)
                || word.chars().skip(1).any(char::is_uppercase)
                || word.chars().count() < 2
                || !words::is_known(word)
            {
                continue;
            }
            let mut capital: String = word.chars().take(1).flat_map(char::to_uppercase).collect();
            capital.push_str(&word[word.chars().next().map_or(0, char::len_utf8)..]);
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    next.span,
                    format!("“{word}” starts a sentence in lower case"),
                )
                .with_help("Capitalise the first word of the sentence.")
                .with_fix(Fix::safe(next.span, capital)),
            );
        }
    }
}
