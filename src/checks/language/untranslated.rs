use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a sentence or clause left in another language inside an English article
(“Według ministerstwa sytuacja jest pod kontrolą.”).

Why: machine translation skips sentences it cannot parse, and editors paste source text by
mistake; the reader cannot read it.

How: a sentence (or a clause between commas, semicolons or dashes) is flagged when at least
five of its lower-case words are present, at most half of them are English words, and the
language identifier (whatlang) names another language with confidence; or, with at most one
English word in five, whatever the identifier says (short sentences leave it unsure); or, with
no English function word (“the”, “of”, “is”…) among five words or more and at most 60% of them
English-looking (“Non esiste un piano B per Cortina”), when the identifier names another
language at all. A sentence's
capitalised first word counts as a lower-case word. A sentence written mostly in another script
(Hangul, Devanagari, Cyrillic, Arabic, Chinese…) with ten letters or more in it is flagged
too. Names, a quoted foreign word or a place name do not reach those thresholds.";

/// Does `text` read as a sentence of prose: ending like one, with no path, address or code
/// characters in it (“src/gtest/include src/gtest/src” is not an untranslated sentence)?
fn is_prose(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| crate::article::token::is_quote_char(c) || c == ')');
    end.ends_with(['.', '!', '?', '…'])
        && !text.contains(['/', '\\', '_', '@', '*', '<', '>', '=', '{', '}', '|', '#'])
}

/// Words English prose can hardly do without; a run of five words or more with none of them is
/// not English.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "to", "in", "is", "was", "are", "were", "for", "on", "that",
    "with", "by", "at", "it", "as", "from", "be", "has", "have", "had", "this", "not", "but", "or",
    "he", "she", "they", "we", "i", "you", "his", "her", "its", "their", "will", "would", "can",
    "could", "there", "which", "who", "what", "if", "so", "no", "than", "then", "into", "after",
    "before", "about", "up", "out", "more", "all", "one", "also", "been", "our", "my",
];

/// Letters of another script a sentence needs to be flagged for its script alone.
const MIN_OTHER_SCRIPT: usize = 10;

/// Is `text` written mostly in another script, with enough letters, and not only names?
fn mostly_other_script(text: &str) -> bool {
    let (letters, other) = script_counts(text);
    // In a script with capitals, a run of capitalised words is a name (“Руслан Ижбулатов”).
    let only_names = text
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .filter(|&c| !is_latin(c))
        .all(char::is_uppercase);
    other >= MIN_OTHER_SCRIPT && other * 10 >= letters * 6 && !only_names
}

/// Latin letters (ASCII and the Latin supplements and extensions).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// (letters, letters not in the Latin script) of `text`.
fn script_counts(text: &str) -> (usize, usize) {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(all, other), c| {
            (all + 1, other + usize::from(!is_latin(c)))
        })
}

const MIN_LOWER_WORDS: usize = 5;
const MAX_ENGLISH_SHARE: f64 = 0.5;

pub struct Untranslated {
    meta: RuleMeta,
}

impl Untranslated {
    pub fn new() -> Self {
        Untranslated {
            meta: crate::checks::meta(
                "language/untranslated",
                Severity::Warning,
                "A sentence or clause not in English",
                HELP,
                vec![
                    Example::flag("The minister spoke. Według ministerstwa sytuacja jest pod kontrolą i nie ma zagrożenia. Talks go on."),
                    Example::flag("Según el ministerio, la situación está bajo control desde el martes por la noche."),
                    Example::flag("Police said the roads were closed, la situazione è ancora molto difficile per tutti."),
                    Example::pass("Protesters chanted “¡No pasarán!” outside the Palacio de la Moncloa in Madrid."),
                    Example::pass("The fans sang “Jeszcze Polska nie zginęła” before kick-off at the Stadion Narodowy."),
                    Example::pass("The mayor of São João da Madeira, Jorge Vultos Sequeira, opened the Feira Internacional."),
                    Example::flag("Exports rose again. 반도체 수출은 열 달 연속 증가세를 이어갔다. Prices fell."),
                    Example::flag("The ministry said so. Министерство заявило, что ситуация под контролем. Talks resume."),
                    Example::flag("Rain fell all night. Kami sudah menyiapkan pompa di titik-titik rawan banjir. Roads closed."),
                    Example::flag("The track will be built. Non esiste un piano B per Cortina, ha detto il ministro."),
                    Example::flag("The track will be built on time. Non esiste un piano B per Cortina."),
                    Example::pass("Heatwave grips north India, water shortages spread."),
                    Example::pass("Pumps, pipes, tankers, generators, volunteers: everything helps."),
                    Example::pass("The Korean name of the company, 삼성전자 (Samsung Electronics), means three stars."),
                    Example::pass("Yoon Suk Yeol (윤석열) said the talks would continue next week."),
                    Example::pass("Мирослав Николић, Руслан Ижбулатов."),
                    Example::flag("Services resume on Monday. 現在、運転再開の見通しは立っていない。 Buses run between the two stations."),
                    Example::pass("The operator, 東海旅客鉄道 (JR Central), runs buses between the two stations."),
                ],
            ),
        }
    }
}

impl Default for Untranslated {
    fn default() -> Self {
        Self::new()
    }
}

/// (lower-case words, English among them) for the words of `span`.
fn english_share(
    article: &Article,
    tokens: &[crate::article::Token],
    span: Span,
) -> (usize, usize) {
    let mut lower = 0;
    let mut english = 0;
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && span.contains(t.span))
    {
        let w = article.slice(t.span);
        // A capitalised first word is capitalised for its place.
        let first = t.span.start == span.start && w.chars().skip(1).all(char::is_lowercase);
        if first || w.chars().next().is_some_and(char::is_lowercase) {
            lower += 1;
            if words::is_known(w) {
                english += 1;
            }
        }
    }
    (lower, english)
}

fn foreign_language(text: &str) -> Option<&'static str> {
    let info = whatlang::detect(text)?;
    (info.lang() != whatlang::Lang::Eng && info.confidence() >= 0.5).then(|| info.lang().eng_name())
}

impl Rule for Untranslated {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for s in &article.sentences {
            let tokens = article.sentence_tokens(s);
            let text = article.slice(s.span);
            // The sentence, or a piece of it ended by a CJK full stop (“。”), which the
            // segmenter does not split at: mostly in another script.
            let mut other_script = None;
            let mut piece_start = 0;
            let chars = if text.is_ascii() { "" } else { text };
            for (i, c) in chars.char_indices() {
                let end = i + c.len_utf8();
                if matches!(c, '。' | '！' | '？') || end == chars.len() {
                    let piece = &text[piece_start..end];
                    if mostly_other_script(piece) {
                        let span = Span::new(s.span.start + piece_start, s.span.start + end);
                        other_script = Some(crate::article::segment::trim(&article.text, span));
                        break;
                    }
                    piece_start = end;
                }
            }
            if let Some(span) = other_script {
                let piece = article.slice(span);
                let lang =
                    whatlang::detect(piece).map_or("another language", |i| i.lang().eng_name());
                let what = if span == s.span {
                    "sentence"
                } else {
                    "passage"
                };
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!("This {what} is in {lang}, not English"),
                    )
                    .with_help("Translate it, or delete it if it duplicates the English text."),
                );
                continue;
            }
            // Most sentences are plainly English: one pass over the sentence settles them.
            let (lower, english) = english_share(article, tokens, s.span);
            if lower >= MIN_LOWER_WORDS && english as f64 > 0.8 * lower as f64 {
                continue;
            }
            // The sentence, then its clauses.
            let mut candidates = vec![s.span];
            let mut start = s.span.start;
            for t in tokens {
                let p = article.slice(t.span);
                if matches!(p, "," | ";" | ":" | "–" | "—" | "(" | ")") {
                    candidates.push(Span::new(start, t.span.start));
                    start = t.span.end;
                }
            }
            if candidates.len() > 1 {
                candidates.push(Span::new(start, s.span.end));
            }
            for span in candidates {
                let span = crate::article::segment::trim(&article.text, span);
                let (lower, english) = english_share(article, tokens, span);
                let text = article.slice(span);
                // No “the”, “of”, “is”… among five words or more: English prose always has some,
                // whatever share of the other words happen to be English too (“Non esiste un
                // piano B per Cortina”: piano, per).
                let without_function_words = || {
                    lower >= MIN_LOWER_WORDS
                        && english as f64 <= 0.6 * lower as f64
                        && is_prose(text)
                        && !tokens.iter().any(|t| {
                            span.contains(t.span)
                                && ENGLISH_FUNCTION_WORDS
                                    .contains(&article.slice(t.span).to_lowercase().as_str())
                        })
                };
                let share = format!("{english} of {lower} words are English");
                let found = if lower < MIN_LOWER_WORDS
                    || english as f64 > MAX_ENGLISH_SHARE * lower as f64
                {
                    None
                } else {
                    // With hardly an English word (one in five at most), the identifier's
                    // doubt does not matter.
                    foreign_language(text).or_else(|| {
                        (english * 5 <= lower && is_prose(text))
                            .then(|| whatlang::detect(text))
                            .flatten()
                            .filter(|i| i.lang() != whatlang::Lang::Eng)
                            .map(|i| i.lang().eng_name())
                    })
                }
                .map(|lang| (lang, share))
                .or_else(|| {
                    // No “the”, “of”, “is”… among five words or more: English prose always has
                    // some, whatever share of the other words happen to be English too (“Non
                    // esiste un piano B per Cortina”: piano, per).
                    without_function_words()
                        .then(|| whatlang::detect(text))
                        .flatten()
                        .filter(|i| i.lang() != whatlang::Lang::Eng)
                        .map(|i| (i.lang().eng_name(), "no English function word".to_string()))
                });
                let Some((lang, why)) = found else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!(
                            "This {} looks like {lang}, not English ({why})",
                            if span == s.span { "sentence" } else { "clause" }
                        ),
                    )
                    .with_help("Translate it, or delete it if it duplicates the English text."),
                );
                break;
            }
        }
    }
}
