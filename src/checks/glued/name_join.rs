use super::vocabulary;
use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a word that is really two words without the space, where no capital shows
the join: “Nagorno-Karabakhwhere”, “Azerbaijaniraising”, “forcesand”.

Why: dropped spaces are common in pasted and machine-translated copy; spell checkers often miss
them when the first part is a name.

How: a word that is not in the English word list is split into a name the article itself uses
elsewhere (or an English word) and a common English word. To stay quiet on real words missing
from the list, a split into two lower-case words is accepted only when the second is a function
word (“where”, “and”, “which”…), and a word used twice in the article is never flagged.

Fix (safe): insert the space.";

/// Second halves accepted after an ordinary lower-case word.
pub const FUNCTION_WORDS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "when", "while", "and", "the", "that", "with",
    "from", "for", "was", "were", "has", "have", "had", "said", "after", "into", "over", "about",
    "this", "their", "they", "but", "because", "although", "are", "will", "would", "against",
];

/// Second halves accepted after any capitalised word: no place or person name ends with them
/// (unlike "and" in Holland, "over" in Hanover, "are" in Delaware).
const NEVER_END_A_NAME: &[&str] = &[
    "where", "which", "who", "whom", "whose", "when", "while", "that", "with", "from", "into",
    "about", "their", "they", "would", "against", "after", "because", "although",
];

/// Two-letter words that follow a place name: a capitalised word that ends with one of these is
/// checked for a name plus the word (“Wieliczkaon the way”).
const SHORT_LINKS: &[&str] = &["on", "by", "of", "at"];

/// Is `first` a name a short word could have been glued to: one the article uses on its own, a
/// country or region, a gazetteer place, or a long name ending in “-a” (“Wieliczka”), which
/// English names ending in “-aon”, “-aby”, “-aof”, “-aat” almost never are.
fn place_like(first: &str, v: &rustc_hash::FxHashMap<&str, usize>) -> bool {
    let n = first.chars().count();
    n >= 4
        && (v.get(first).copied().unwrap_or(0) > 0
            || (n >= 5
                && (crate::lexicon::countries::countries()
                    .by_name(first)
                    .is_some()
                    || !crate::lexicon::places::gazetteer().lookup(first).is_empty()))
            || (n >= 6 && first.ends_with('a')))
}

pub struct NameJoin {
    meta: RuleMeta,
}

impl NameJoin {
    pub fn new() -> Self {
        NameJoin {
            meta: crate::checks::meta(
                "glued/name-join",
                Severity::Warning,
                "A name or word run together with the next word",
                HELP,
                vec![
                    Example::fixed(
                        "Floods hit Valencia on Monday. Rescuers reached Valenciawhere roads had gone.",
                        "Floods hit Valencia on Monday. Rescuers reached Valencia where roads had gone.",
                    ),
                    Example::fixed(
                        "A Portuguese official spoke. Two Portugueseraising concerns left.",
                        "A Portuguese official spoke. Two Portuguese raising concerns left.",
                    ),
                    Example::fixed(
                        "Talks in Bosnia-Herzegovina began. Envoys left Bosnia-Herzegovinawhere talks stalled.",
                        "Talks in Bosnia-Herzegovina began. Envoys left Bosnia-Herzegovina where talks stalled.",
                    ),
                    Example::fixed("The rebel forcesand the army clashed.", "The rebel forces and the army clashed."),
                    Example::flag("Rescuers reached Ribeirawhich had flooded."),
                    Example::fixed(
                        "Cash was left at a petrol station near Wieliczkaon the way south.",
                        "Cash was left at a petrol station near Wieliczka on the way south.",
                    ),
                    Example::flag("Voters were brought by bus from Transnistriaby groups linked to him."),
                    Example::pass("Bolton, Everton, Kingston, Clifton and Grimsby drew; Trabzon and Lyon won."),
                    Example::pass("Weather in Derby and Whitby; the Karaon festival, Sharon and Aaron."),
                    Example::pass("Hanover, Andover, Holland, Cleveland and Delaware sent aid."),
                    Example::pass("Matt met Jack. Matthews, Jackson and Robertson met Johnson."),
                    Example::pass("London sent aid. Londoners cheered, Parisians and Berliners too."),
                    Example::pass("The counteroffensive and the ceasefire were discussed by peacekeepers."),
                    Example::pass("Bergamo hosts Bergamotown twice: Bergamotown fair and Bergamotown market."),
                ],
            ),
        }
    }
}

impl Default for NameJoin {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for NameJoin {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let mut vocab = None;
        for t in article.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let whole = article.slice(t.span);
            // The part after the last hyphen: "Karabakhwhere" of "Nagorno-Karabakhwhere".
            let part_start = whole.rfind('-').map_or(0, |i| i + 1);
            let word = &whole[part_start..];
            if word.len() > super::case_join::MAX_WORD
                || word.chars().count() < 6
                || word.chars().skip(1).any(char::is_uppercase)
                || word.chars().any(|c| c.is_ascii_digit())
                || word.contains('\'')
                || word.contains('’')
                || words::is_known(word)
                || words::is_proper_noun(word)
            {
                continue;
            }
            let v = vocab.get_or_insert_with(|| vocabulary(article));
            if v.get(whole).copied().unwrap_or(0) > 1 || v.get(word).copied().unwrap_or(0) > 1 {
                continue;
            }
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            // Longest first part that works.
            let mut best: Option<usize> = None;
            for (i, _) in word.char_indices().skip(3) {
                let (first, second) = word.split_at(i);
                if first.ends_with('-') {
                    continue;
                }
                if second.chars().count() < 3 {
                    // A place run into a short preposition: "Wieliczkaon", "Transnistriaby".
                    if capitalised && SHORT_LINKS.contains(&second) && place_like(first, v) {
                        best = Some(i);
                    }
                    continue;
                }
                let ok = if capitalised {
                    // A name the article uses on its own, then a common word; or any name, then
                    // a word no place name ends with ("Sollanawhere").
                    first.chars().count() >= 4
                        && ((v.get(first).copied().unwrap_or(0) > 0 && words::is_common(second))
                            || NEVER_END_A_NAME.contains(&second))
                } else {
                    first.chars().count() >= 3
                        && words::is_known(first)
                        && FUNCTION_WORDS.contains(&second)
                };
                if ok {
                    best = Some(i);
                }
            }
            let Some(i) = best else { continue };
            let at = t.span.start + part_start + i;
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    t.span,
                    format!(
                        "Missing space in “{whole}”: “{} {}”",
                        &whole[..part_start + i],
                        &word[i..]
                    ),
                )
                .with_help("Insert a space between the two words.")
                .with_fix(Fix::safe(Span::new(at, at), " ")),
            );
        }
    }
}
