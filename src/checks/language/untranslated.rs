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
too. Names, a quoted foreign word or a place name do not reach those thresholds.

A single word or short phrase left behind is flagged as well: letters of another script in an
English sentence (“the regional акимат said”, “worth 1조 4,000억 won”), and a lower-case word with
letters English does not use whose plain-letter form is no English word either (“not yet
rechtskräftig”; café, rôle and naïve pass). Quoted words, words in brackets and words glossed
in brackets right after (“Guangjiaohui (广交会)”, “삼성전자 (Samsung Electronics)”) are left alone,
as are capitalised words in a script with capitals (names: “Руслан Ижбулатов”).";

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

/// Is the text that `before` ends inside a quotation or brackets of its sentence?
fn quoted_or_bracketed(before: &str) -> bool {
    let open = crate::article::token::open_marks(before);
    open.quotation || open.bracket
}

/// Is a run glossed right after it (“广交会 (Canton Fair)”)?
fn glossed_after(after: &str) -> bool {
    let a = after.trim_start_matches([' ', ',']);
    a.starts_with(['(', '[', '（']) || a.starts_with("meaning") || a.starts_with("or ")
}

/// Letters of a lower-case word that English spelling does not use (é in café is one; the word
/// then has to fail the word list without its accents too).
fn accented_foreign(word: &str) -> bool {
    accented_foreign_min(word, 4)
}

/// [`accented_foreign`] for words of `min` letters or more.
fn accented_foreign_min(word: &str, min: usize) -> bool {
    use unicode_normalization::UnicodeNormalization;
    if !word.chars().next().is_some_and(char::is_lowercase)
        || word.is_ascii()
        || word.chars().count() < min
        || !word.chars().all(|c| c.is_lowercase() || c == '-')
        || !word.chars().all(is_latin_or_dash)
    {
        return false;
    }
    let plain: String = word
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'ß' => 's',
            'ł' => 'l',
            'ø' => 'o',
            'æ' => 'a',
            'œ' => 'o',
            'đ' => 'd',
            'ı' => 'i',
            _ => c,
        })
        .collect();
    // A short word's accent alone marks it (“în”, “că”): its plain form may be English.
    (min < 4 || !plain.split('-').all(words::is_known)) && !ENGLISH_WITH_ACCENTS.contains(&word)
}

/// English words often written with their accents, whose plain forms the word list lacks.
const ENGLISH_WITH_ACCENTS: &[&str] = &[
    "née",
    "né",
    "café",
    "cafés",
    "rôle",
    "rôles",
    "naïve",
    "naïvety",
    "naïveté",
    "façade",
    "façades",
    "cliché",
    "clichés",
    "clichéd",
    "décor",
    "passé",
    "fiancé",
    "fiancée",
    "résumé",
    "résumés",
    "exposé",
    "protégé",
    "protégée",
    "touché",
    "communiqué",
    "communiqués",
    "soufflé",
    "sauté",
    "blasé",
    "risqué",
    "détente",
    "élite",
    "élites",
    "débâcle",
    "début",
    "débuts",
    "dénouement",
    "éclair",
    "émigré",
    "émigrés",
    "entrée",
    "entrées",
    "première",
    "premières",
    "séance",
    "soirée",
    "attaché",
    "attachés",
    "coup",
    "crème",
    "crèche",
    "crèches",
    "pâté",
    "mêlée",
    "outré",
    "habitué",
    "lamé",
    "negligée",
    "rosé",
    "consommé",
    "glacé",
    "purée",
    "flambé",
    "appliqué",
    "décolleté",
    "matinée",
    "née",
    "doppelgänger",
    "über",
    "jalapeño",
    "jalapeños",
    "piñata",
    "señor",
    "señora",
    "señorita",
    "mañana",
    "déjà",
    "voilà",
    "vis-à-vis",
    "tête-à-tête",
    "smörgåsbord",
    "müesli",
    "coöperate",
    "reëlect",
    "naïf",
    "cañon",
    "canapé",
    "canapés",
    "chargé",
    "chargé-d'affaires",
    "métier",
    "régime",
    "régimes",
    "rapprochement",
    "ingénue",
];

fn is_latin_or_dash(c: char) -> bool {
    c == '-' || is_latin(c)
}

/// Words or short phrases left in another language inside an English sentence (see the help).
fn foreign_words(article: &Article, sentence: Span, out: &mut Vec<(Span, String)>) {
    let text = article.slice(sentence);
    if text.is_ascii() {
        return;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let other = |c: char| c.is_alphabetic() && !is_latin(c);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !other(c) {
            i += 1;
            continue;
        }
        // The run: letters of another script, with spaces, digits and separators between them.
        let mut end_i = i;
        let mut j = i;
        let mut letters = 0;
        let mut cased_upper_start = true;
        let mut word_start = true;
        while j < chars.len() {
            let ch = chars[j].1;
            if other(ch) {
                letters += 1;
                if word_start && (ch.is_lowercase() || (!ch.is_uppercase() && !ch.is_lowercase())) {
                    cased_upper_start = false;
                }
                word_start = false;
                end_i = j;
            } else if ch == ' ' || ch.is_ascii_digit() || matches!(ch, ',' | '.' | '-' | '\'' | '’')
            {
                word_start = ch == ' ' || ch == '-';
            } else {
                break;
            }
            j += 1;
        }
        let end = chars[end_i].0 + chars[end_i].1.len_utf8();
        i = j.max(i + 1);
        // Extend back over a number the run belongs to (“1조”).
        let mut from = start;
        let head = &text[..start];
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            from = start - digits;
        }
        // The native spelling after the romanised name (“Vladimer Sichinava ვლადიმერ
        // სიჭინავა”), or a name before an address.
        let prev_word = text[..from].split_whitespace().next_back().unwrap_or("");
        let after_name = prev_word.chars().next().is_some_and(char::is_uppercase)
            && prev_word.chars().all(|c| c.is_alphabetic() && is_latin(c));
        if letters < 2
            || cased_upper_start
            || after_name
            || text[end..].trim_start().starts_with(['<', '|'])
            || quoted_or_bracketed(&text[..from])
            || glossed_after(&text[end..])
            || mostly_other_script(text)
        {
            continue;
        }
        let span = Span::new(sentence.start + from, sentence.start + end);
        out.push((span, "in another script".to_string()));
    }
    // Accented lower-case words that are no English words, outside quotations and brackets.
    for t in article
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && sentence.contains(t.span))
    {
        let w = article.slice(t.span);
        let rel = t.span.start - sentence.start;
        let mut span = t.span;
        if w.is_ascii() {
            continue;
        }
        if !accented_foreign(w) {
            if !accented_foreign_min(w, 2) {
                continue;
            }
            // A short one (“în”, “că”, “są”) only before a word that is not English either:
            // “în prezent”.
            let next = text[t.span.end - sentence.start..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let next_word = next.trim_end_matches(|c: char| !c.is_alphabetic());
            // Or before a name: an honorific (“bà Lan”, “ông Huy”).
            let before_name = next_word.chars().next().is_some_and(char::is_uppercase)
                && next_word.chars().skip(1).all(char::is_lowercase)
                && next_word.len() >= 2;
            if !(before_name
                || (next_word.len() >= 3
                    && next_word
                        .chars()
                        .all(|c| c.is_lowercase() && is_latin_or_dash(c))
                    && !words::is_known(next_word)))
            {
                continue;
            }
            let start = t.span.end
                + text[t.span.end - sentence.start..]
                    .find(next_word)
                    .unwrap_or(0);
            span = Span::new(t.span.start, start + next_word.len());
        }
        // Part of a foreign name: “Cinémathèque française”, “Académie française”.
        let prev_word = text[..rel].split_whitespace().next_back().unwrap_or("");
        let in_name =
            prev_word.chars().next().is_some_and(char::is_uppercase) && !words::is_known(prev_word);
        if in_name
            || quoted_or_bracketed(&text[..rel])
            || glossed_after(&text[t.span.end - sentence.start..])
        {
            continue;
        }
        out.push((span, "not an English word".to_string()));
    }
}

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
                    Example::flag("The regional акимат said about 1.2 million hectares were still waiting to be harvested."),
                    Example::flag("The contract, worth 1조 4,000억 won, is equivalent to 17 percent of sales."),
                    Example::flag("Residents should go to the nearest وحدة صحية, the ministry said."),
                    Example::flag("The organisers said 采购商 from 200 countries had registered."),
                    Example::flag("The judgment is not yet rechtskräftig and the utility may appeal."),
                    Example::pass("Known in Chinese as Guangjiaohui (广交会), the fair opened in 1957."),
                    Example::pass("It opened at the Cinémathèque française. Copyright 2007 Vladimer Sichinava ვლადიმერ სიჭინავა; 2020 наб <nab@example.org>."),
                    Example::pass("They met at a café; her rôle was naïve, the façade a cliché and the décor passé."),
                    Example::flag("The remaining section, în prezent in the final phase of construction, will open in two stages."),
                    Example::pass("They dined à la carte at the café; Anna Kowalska, née Nowak, paid."),
                    Example::flag("According to bà Lan, the new rules would hurt street vendors."),
                    Example::pass("Crowds chanted «Слава Україні» as the convoy passed; the word “shalom” (שלום) was written on the wall."),
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

impl Untranslated {
    /// Report the foreign words of an English sentence.
    fn words_left(&self, article: &Article, sentence: Span, out: &mut Vec<Diagnostic>) {
        let mut found = Vec::new();
        foreign_words(article, sentence, &mut found);
        for (span, why) in found {
            let w = article.slice(span);
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    span,
                    format!("“{w}” is left untranslated ({why})"),
                )
                .with_help("Translate it, or give the English in brackets after it."),
            );
        }
    }
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
                self.words_left(article, s.span, out);
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
                    if span == s.span {
                        self.words_left(article, s.span, out);
                    }
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
