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
language identifier (whatlang) names another language with confidence. Names, a quoted foreign
word or a place name do not reach those thresholds.";

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
        if w.chars().next().is_some_and(char::is_lowercase) {
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
                if lower < MIN_LOWER_WORDS || english as f64 > MAX_ENGLISH_SHARE * lower as f64 {
                    continue;
                }
                let text = article.slice(span);
                let Some(lang) = foreign_language(text) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!(
                            "This {} looks like {lang}, not English ({english} of {lower} words are English)",
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
