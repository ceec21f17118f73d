use super::case_join::MAX_WORD;
use super::vocabulary;
use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags two words run together without a change of case where the first is a
function word — “thecommission”, “ofthe”, “andsoldiers” — or the second is one that
`glued/name-join` does not split off (“officialsof”, “Eskomtold”).

Why: a dropped space, from a line break lost in markup or a hasty edit. A spell checker calls
it a misspelling; the fix is a space.

How: the token is not an English word (nor used elsewhere in the article) and splits into two
words one of which is a short function word or verb of saying that English never glues to
another word (the, of, and, said, was, has, with, from, that…); the other part must be an
English word of three letters or more, or, before “said”, a name the article uses on its own.

Fix (safe): insert the space.";

/// Words that open a glued pair: “thecommission”, “ofthe”.
const PREFIXES: &[&str] = &[
    "the", "of", "and", "said", "with", "from", "that", "was", "were", "has", "have", "their",
    "this", "which", "through", "during", "between", "because", "also", "will", "would", "could",
    "should", "been", "into", "when",
];

/// Short prepositions and verbs glued to a determiner: “tothe”, “inthis”, “isthe”. Either part
/// alone is too short to split on safely; together they are never one word.
const SHORT_LEFT: &[&str] = &[
    "to", "in", "on", "at", "by", "of", "as", "is", "for", "from", "with", "and", "into", "onto",
    "over", "under", "after", "about", "was", "that",
];
const DETERMINERS: &[&str] = &[
    "the", "this", "these", "those", "their", "its", "his", "her", "our", "an",
];

/// Words that close a glued pair: “governmentsaid”, “officialsof”.
const SUFFIXES: &[&str] = &[
    "said", "says", "told", "the", "of", "and", "was", "were", "has", "had", "with", "from",
    "which", "through", "during", "between", "without", "because", "under", "after", "before",
    "against", "about",
];

pub struct LowerJoin {
    meta: RuleMeta,
}

impl LowerJoin {
    pub fn new() -> Self {
        LowerJoin {
            meta: crate::checks::meta(
                "glued/lower-join",
                Severity::Warning,
                "Two words run together (same case)",
                HELP,
                vec![
                    Example::fixed(
                        "Officials of thecommission said the count was fair.",
                        "Officials of the commission said the count was fair.",
                    ),
                    Example::fixed(
                        "According tothe ministry, the count was fair.",
                        "According to the ministry, the count was fair.",
                    ),
                    Example::fixed(
                        "He alsonoted that the count was fair.",
                        "He also noted that the count was fair.",
                    ),
                    Example::fixed(
                        "The governmentsays it would appeal.",
                        "The government says it would appeal.",
                    ),
                    Example::fixed(
                        "Eskom cut power again. Eskomtold reporters that cuts would go on.",
                        "Eskom cut power again. Eskom told reporters that cuts would go on.",
                    ),
                    Example::flag("The officials ofthe commission met."),
                    Example::flag("Kazakhstan plans more exportsthrough the Caspian ports."),
                    Example::flag("It has the largestfishing fleet in the region."),
                    Example::pass("A breakthrough, a walkthrough, a drivethrough and a passthrough came throughout the year."),
                    Example::pass("The theatre, thereof, andirons, aforesaid and husbands stay."),
                    Example::pass("Offshoring, onboarding and inflows rose; the hashtag trended."),
                    Example::pass("Willpower, whenever, intolerant, isthmus, atheist, forthwith and asthma stay."),
                    Example::pass("Eskomsaid is a made-up brand; Eskomsaid sells phones."),
                    Example::pass("Call sizeof(x) and read obj.fromdata; Kari Helland said so."),
                    Example::flag("Every childunder five will receive two drops."),
                    Example::pass("Thereafter, the hereafter, a runabout and the whereabouts; an undercard and a makeover."),
                    Example::fixed(
                        "The decision was announcedon Thursday.",
                        "The decision was announced on Thursday.",
                    ),
                    Example::flag("A third came from the Anhui provincialgovernment and funds."),
                    Example::flag("The nationalassembly met as economicgrowth slowed."),
                    Example::pass("Floodwaters, policymakers, a cyberattack, the heatwave, a ceasefire and a stakeholder."),
                    Example::pass("Internationally, the medicalisation of care and a radioactive, criticalness, publically."),
                ],
            ),
        }
    }
}

impl Default for LowerJoin {
    fn default() -> Self {
        Self::new()
    }
}

/// A split of `word` into a glue word and an English word, as (left, right).
fn split<'a>(word: &'a str, seen: &dyn Fn(&str) -> bool) -> Option<(&'a str, &'a str)> {
    let lower_first = word.chars().next().is_some_and(char::is_lowercase);
    if lower_first {
        for l in SHORT_LEFT {
            if let Some(rest) = word.strip_prefix(l) {
                if DETERMINERS.contains(&rest) {
                    return Some((&word[..l.len()], rest));
                }
            }
        }
    }
    for p in PREFIXES {
        if lower_first {
            if let Some(rest) = word.strip_prefix(p) {
                if rest.len() >= 3 && words::is_known(rest) {
                    return Some((&word[..p.len()], rest));
                }
            }
        }
    }
    // `glued/name-join` splits off the function words it knows; this check adds the rest.
    for s in SUFFIXES
        .iter()
        .filter(|s| !super::name_join::FUNCTION_WORDS.contains(s))
    {
        if let Some(front) = word.strip_suffix(s) {
            // “walkthrough”, “passthrough”, “drivethrough”: compounds the word list lacks.
            let compound = matches!(*s, "through" | "during" | "between" | "without" | "because")
                && (front.len() < 5 || matches!(front, "drive" | "click" | "follow" | "carry"))
                // “hereafter”, “thereabout”, “runabout”, “layabout”: short fronts are compounds.
                || (matches!(*s, "under" | "after" | "before" | "against" | "about")
                    && front.len() < 5);
            let ok = if compound {
                false
            } else if lower_first {
                front.len() >= 3 && words::is_known(front)
            } else {
                // “Eskomtold”: a name the article uses on its own.
                front.chars().count() >= 2 && seen(front)
            };
            if ok {
                return Some((front, &word[front.len()..]));
            }
        }
    }
    if lower_first {
        // “announcedon”: a past tense glued to a preposition.
        for p in GLUED_PREPOSITIONS {
            if let Some(front) = word.strip_suffix(p) {
                if front.len() >= 5 && front.ends_with("ed") && words::is_known(front) {
                    return Some((front, &word[front.len()..]));
                }
            }
        }
        // “provincialgovernment”: an adjective glued to a noun, both common words (English
        // writes no adjective and noun solid).
        for (i, _) in word.char_indices().skip(5) {
            let (front, rest) = word.split_at(i);
            if rest.len() >= 4
                && ADJECTIVE_ENDINGS.iter().any(|e| front.ends_with(e))
                && !(front.len() < 6 && front.ends_with("ive"))
                && !matches!(
                    rest,
                    "ally"
                        | "ness"
                        | "less"
                        | "ship"
                        | "hood"
                        | "ment"
                        | "like"
                        | "wise"
                        | "ward"
                        | "able"
                        | "ably"
                )
                && words::is_common(front)
                && words::is_common(rest)
            {
                return Some((front, rest));
            }
        }
    }
    None
}

/// Prepositions a past tense runs into: “announcedon Thursday”.
const GLUED_PREPOSITIONS: &[&str] = &["on", "in", "at", "to", "by", "for"];

/// Endings of adjectives: “provincial”, “economic”, “northern”, “largest”.
const ADJECTIVE_ENDINGS: &[&str] = &["al", "ic", "ive", "ous", "ary", "ern", "est"];

impl Rule for LowerJoin {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let mut vocab = None;
        for t in article.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = article.slice(t.span);
            if word.len() < 5
                || word.len() > MAX_WORD
                || !(PREFIXES.iter().any(|p| word.starts_with(p))
                    || SHORT_LEFT.iter().any(|p| word.starts_with(p))
                    || SUFFIXES.iter().any(|s| word.ends_with(s))
                    || GLUED_PREPOSITIONS.iter().any(|s| word.ends_with(s))
                    || word.len() >= 9)
                || !word.chars().all(|c| c.is_ascii_alphabetic())
                || word.chars().skip(1).any(|c| c.is_ascii_uppercase())
                || words::is_known(word)
            {
                continue;
            }
            // Code in the text: “sizeof(x)”, “obj.fromdata”, “$testfrom”.
            let before = article.text[..t.span.start].chars().next_back();
            let after = article.text[t.span.end..].chars().next();
            if before.is_some_and(|c| matches!(c, '_' | '.' | '$' | '@' | '/' | '#' | '`' | ':'))
                || after.is_some_and(|c| matches!(c, '(' | '_' | '=' | '`' | '/' | '['))
            {
                continue;
            }
            let v = vocab.get_or_insert_with(|| vocabulary(article));
            // A coinage the article repeats is the article's own word.
            if v.get(word).copied().unwrap_or(0) > 1 {
                continue;
            }
            let seen = |w: &str| v.get(w).copied().unwrap_or(0) > 0;
            let Some((left, right)) = split(word, &seen) else {
                continue;
            };
            let at = t.span.start + left.len();
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    t.span,
                    format!("Missing space in “{left}{right}”"),
                )
                .with_help("Insert a space between the two words.")
                .with_fix(Fix::safe(Span::new(at, at), " ")),
            );
        }
    }
}
