use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags “a” before a vowel sound and “an” before a consonant sound: “a important
signal”, “an unique system”, “a hour”, “an one-off”.

Why: the choice follows the sound, which a translation tool or an editor changing the next word
easily leaves wrong; an editor reads it as careless.

How: only where the sound is sure from the spelling. Words starting with a, e, i or o take “an”
(except “one”, “once” and “eu…”: a euro, a one-off); “hour”, “honest”, “honour”, “heir” take
“an”; other consonants take “a”. For “u” only the clear cases: “uni-”, “use”, “usu-”, “uti-”,
“ubi-”, “ura-”, “uro-”, “uku-” sound “yoo” (a unique, a usual), and “u” before two consonants
sounds “uh” (an umbrella, an unprecedented, an urgent). Every other h-word (an historic is
British usage), capitalised or all-capital word (an FBI agent, a NATO summit, an MP, a Ukrainian),
number, single letter and word outside the English word list is left alone.

Fix (safe): the other article, in the same case.";

pub struct IndefiniteArticle {
    meta: RuleMeta,
}

impl IndefiniteArticle {
    pub fn new() -> Self {
        IndefiniteArticle {
            meta: crate::checks::meta(
                "grammar/indefinite-article",
                Severity::Warning,
                "“a” before a vowel sound or “an” before a consonant sound",
                HELP,
                vec![
                    Example::flag("The first flight, an UN-chartered helicopter, left at dawn."),
                    Example::pass("An FBI agent, an MP and an NGO met at a NATO summit; a UN envoy and a US-made drone arrived."),
                    Example::fixed(
                        "Analysts saw it as a important signal.",
                        "Analysts saw it as an important signal.",
                    ),
                    Example::fixed(
                        "It uses an unique system of sensors.",
                        "It uses a unique system of sensors.",
                    ),
                    Example::flag("The meeting lasted a hour."),
                    Example::flag("An university spokesman declined to comment."),
                    Example::flag("It was a unprecedented decision."),
                    Example::flag("It was an one-off payment."),
                    Example::flag("They waited for an decision."),
                    Example::flag("A drone hit a 80,000-tonne bulk carrier."),
                    Example::flag("He was an 19-year-old student."),
                    Example::flag("She said: “A electric scooter costs more than I earn.”"),
                    Example::flag("The trains will run on an European-gauge line."),
                    Example::pass("A European line, an Indian firm, a Ukrainian port, a United Nations body and an Uber driver."),
                    Example::pass("An 80,000-tonne ship, an 18-year-old, an 11-point lead, an 8% rise, a 1,000-strong crowd, a 2024 law, an 1820s house, a 100-day plan."),
                    Example::pass("An hour later an honest broker, a unique site, a university, an umbrella body, a one-off, a euro, an urgent call, a user."),
                    Example::pass("An FBI agent met an MP at a NATO summit; a Ukrainian and an Italian firm; an historic day; a US base."),
                    Example::pass("Ander Juaristi <a at juaristi.eus>; if a and b differ."),
                    Example::pass("Point a is east of point b. Vitamin A is fat-soluble. The a priori case."),
                    Example::pass("An unarmed man, an unusual step, an unexpected turn, an uneven road."),
                ],
            ),
        }
    }
}

impl Default for IndefiniteArticle {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sound {
    Vowel,
    Consonant,
}

/// The sound a lower-case English word starts with, when the spelling makes it sure.
fn first_sound(w: &str) -> Option<Sound> {
    let b = w.as_bytes();
    let first = *b.first()?;
    let starts = |p: &[&str]| p.iter().any(|p| w.starts_with(p));
    let consonant = |c: u8| c.is_ascii_lowercase() && !b"aeiou".contains(&c);
    match first {
        b'a' | b'i' => Some(Sound::Vowel),
        // “eu” and “ewe” are read “yoo”: a European, a eulogy, a ewe.
        b'e' if starts(&["eu", "ewe"]) => Some(Sound::Consonant),
        b'e' => Some(Sound::Vowel),
        b'o' => {
            if starts(&["one", "once"]) && !starts(&["oner"]) {
                Some(Sound::Consonant)
            } else if starts(&["ouija"]) {
                None
            } else {
                Some(Sound::Vowel)
            }
        }
        b'u' => {
            let uni = w.starts_with("uni") && !starts(&["unin", "unim", "unid"]);
            if uni
                || starts(&[
                    "use", "usu", "uti", "ubi", "ura", "uro", "uku", "ure", "uri", "ukr", "uga",
                    "uru", "utah",
                ])
            {
                Some(Sound::Consonant)
            } else if b.len() > 2 && consonant(b[1]) && consonant(b[2]) {
                Some(Sound::Vowel)
            } else {
                None
            }
        }
        b'h' => starts(&["hour", "honest", "honour", "honor", "heir"]).then_some(Sound::Vowel),
        c if consonant(c) => Some(Sound::Consonant),
        _ => None,
    }
}

impl Rule for IndefiniteArticle {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let toks = &article.tokens;
        for s in &article.sentences {
            let range = s.tokens.clone();
            for k in range.clone() {
                let t = &toks[k];
                let art = article.slice(t.span);
                let want_an = match art {
                    "a" => false,
                    "an" => true,
                    // At the start of the sentence or of a quotation: “"A electric scooter …”.
                    "A" | "An"
                        if k == range.start
                            || (k > range.start && toks[k - 1].kind == TokenKind::Quote) =>
                    {
                        art == "An"
                    }
                    _ => continue,
                };
                let Some(next) = toks
                    .get(k + 1)
                    .filter(|n| matches!(n.kind, TokenKind::Word | TokenKind::Number))
                else {
                    continue;
                };
                // One space between: “a) …”, “a.m.”, “a/b” are not the article.
                if article.text.get(t.span.end..next.span.start) != Some(" ") {
                    continue;
                }
                let w = article.slice(next.span);
                if next.kind == TokenKind::Number {
                    if let Some(sound) = number_sound(w) {
                        if (sound == Sound::Vowel) != want_an {
                            self.report(article, t.span, next.span, art, sound, out);
                        }
                    }
                    continue;
                }
                let head = w.split(['-', '’', '\'']).next().unwrap_or(w);
                // An acronym whose first letter is said with a consonant, as a letter or as a
                // word: “an UN-chartered” (“a UN”, “a UNESCO”, “a BBC”). (Vowel-named letters are
                // left alone: “an FBI agent” but “a NATO summit”.)
                if art.eq_ignore_ascii_case("an")
                    && (2..=6).contains(&head.len())
                    && head.bytes().all(|c| c.is_ascii_uppercase())
                    && b"BCDGJKPQTUVWYZ".contains(&head.as_bytes()[0])
                {
                    self.report(article, t.span, next.span, art, Sound::Consonant, out);
                    continue;
                }
                // “an European”: a capitalised English word (a demonym, a proper adjective) is
                // read as its lower-case form.
                let lowered;
                let capitalised = head.len() >= 3
                    && head.as_bytes()[0].is_ascii_uppercase()
                    && head.bytes().skip(1).all(|c| c.is_ascii_lowercase());
                let head = if capitalised {
                    lowered = head.to_ascii_lowercase();
                    lowered.as_str()
                } else {
                    head
                };
                // A capitalised name need not be in the word list (“European”, “Ugandan”).
                if head.len() < 2
                    || !head.bytes().all(|c| c.is_ascii_lowercase())
                    || !(words::is_known(head) || capitalised)
                {
                    continue;
                }
                // “<a at example.org>”, “a and b”: a letter, not the article.
                if matches!(
                    head,
                    "at" | "in"
                        | "on"
                        | "of"
                        | "or"
                        | "and"
                        | "is"
                        | "as"
                        | "if"
                        | "it"
                        | "its"
                        | "an"
                        | "into"
                        | "onto"
                        | "upon"
                        | "are"
                        | "am"
                        | "us"
                        | "up"
                ) {
                    continue;
                }
                // “a priori”, “a capella”: Latin and Italian set phrases.
                if !want_an && matches!(head, "priori" | "posteriori" | "capella" | "cappella") {
                    continue;
                }
                let Some(sound) = first_sound(head) else {
                    continue;
                };
                if (sound == Sound::Vowel) == want_an {
                    continue;
                }
                self.report(article, t.span, next.span, art, sound, out);
            }
        }
    }
}

impl IndefiniteArticle {
    fn report(
        &self,
        article: &Article,
        art_span: Span,
        next: Span,
        art: &str,
        sound: Sound,
        out: &mut Vec<Diagnostic>,
    ) {
        let right = match art {
            "a" => "an",
            "A" => "An",
            "an" => "a",
            _ => "A",
        };
        let w = article.slice(next);
        out.push(
            Diagnostic::new(
                &self.meta.id,
                self.meta.severity,
                Span::new(art_span.start, next.end),
                format!(
                    "“{art} {w}”: “{right}” before a {} sound",
                    if sound == Sound::Vowel {
                        "vowel"
                    } else {
                        "consonant"
                    }
                ),
            )
            .with_help("The article follows the sound of the next word.")
            .with_fix(Fix::safe(art_span, right.to_string())),
        );
    }
}

/// The sound a number written in digits starts with when read out: 8, 80, 800, 8,000, 11, 18,
/// 11,000, 18,500 and the years 1100–1199 and 1800–1899 start with a vowel (“an 80,000-tonne
/// ship”, “an 18-year-old”, “an 1820s house”); other numbers with a consonant. Decimals are
/// read by their whole part; a number of five digits or more without separators is not judged.
fn number_sound(n: &str) -> Option<Sound> {
    let whole = n.split(['.', '-', '–']).next().unwrap_or(n);
    let groups: Vec<&str> = whole.split(',').collect();
    let lead = *groups.first()?;
    if lead.is_empty() || !lead.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let read = match (groups.len(), lead.len()) {
        (1, 3) => &lead[..1],
        (1, 1 | 2) => lead,
        (1, 4) => &lead[..2],
        (1, _) => return None,
        (_, 3) => &lead[..1],
        _ => lead,
    };
    let vowel = read.starts_with('8') || read == "11" || read == "18";
    Some(if vowel {
        Sound::Vowel
    } else {
        Sound::Consonant
    })
}
