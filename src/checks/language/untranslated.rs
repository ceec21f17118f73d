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
as are capitalised words in a script with capitals (names: “Руслан Ижбулатов”). A whole
quotation in another script with no translation after it is flagged (“Banners reading
«ቡና የሀገር ኩራት ነው» hung …”).

Two or more lower-case words in a row that are no English words, with at most short words
between them, are flagged too (“said pihak sekolah had”, “segundo a empresa”, “kako je
rekao”), unless they look English (an English ending, or two English words run together: the
glued-word checks take those) or are phrases English borrows (“de facto”, “ad hoc”). A clause
of five words or more with at most one English function word is flagged when it has function
words of another language (`rules/data/function-words.tsv`, 30 languages) and at least three
other words English does not have (“‘Dette er en historisk dag for hele Vestlandet,’ Haugland
added”), unless the sentence says which language it quotes (“she added in Swahili”). Findings
that cover most of a sentence become one finding for the sentence.";

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

/// Is the run `from..end` of `text` a whole quotation in another script with no translation
/// after it (“Banners reading "ቡና የሀገር ኩራት ነው" hung …”)? A quoted name or word in brackets is
/// not.
fn bare_quotation(text: &str, from: usize, end: usize, letters: usize) -> bool {
    let is_quote = crate::article::token::is_quote_char;
    let before = text[..from].trim_end();
    let after = text[end..].trim_start_matches(['.', ',', '!', '?', ' ']);
    let Some(close) = after.chars().next() else {
        return false;
    };
    letters >= 6
        && before.chars().next_back().is_some_and(is_quote)
        && is_quote(close)
        && !crate::article::token::open_marks(before).bracket
        && !glossed_after(&after[close.len_utf8()..])
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
    let other = |c: char| (c.is_alphabetic() || is_brahmic_sign(c)) && !is_latin(c);
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
            || (quoted_or_bracketed(&text[..from])
                && !bare_quotation(text, from, end, letters)
                && !inside_english_quotation(text, from))
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

/// A clause of five words or more with at most one English function word, some function words
/// of one other language (`rules/data/function-words.tsv`) and at least two other words English
/// does not have (“"Dette er en historisk dag for hele Vestlandet," Haugland added”): that
/// language, and why.
fn foreign_function_words(
    article: &Article,
    tokens: &[crate::article::Token],
    span: Span,
) -> Option<(&'static str, String)> {
    use crate::lexicon::function_words;
    let ws: Vec<String> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && span.contains(t.span))
        .map(|t| article.slice(t.span).to_lowercase())
        .collect();
    if ws.len() < MIN_LOWER_WORDS {
        return None;
    }
    let english = ws
        .iter()
        .filter(|w| ENGLISH_FUNCTION_WORDS.contains(&w.as_str()))
        .count();
    let (lang, hits) = function_words::best_language(ws.iter().map(String::as_str))?;
    // Lower-case words English does not have (names do not count).
    let unknown = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && span.contains(t.span))
        .map(|t| article.slice(t.span))
        .filter(|w| {
            w.chars().all(char::is_lowercase)
                && function_words::languages(w).is_empty()
                && !words::is_known(w)
        })
        .count();
    // A quotation the sentence says is in another language (“she added in Swahili”) is quoted
    // on purpose.
    let sentence = article
        .sentence_at(span.start)
        .map_or("", |s| article.slice(s.span));
    if function_words::mentions_language(sentence) {
        return None;
    }
    (english <= 1 && hits >= 1 && unknown >= 3 && (hits + unknown) * 2 >= ws.len()).then(|| {
        (
            function_words::name(lang),
            format!(
                "{hits} of its {} words {} function words of that language, {unknown} no English words",
                ws.len(),
                if hits == 1 { "is one of its" } else { "are" }
            ),
        )
    })
}

/// The text inside each pair of quotation marks among `tokens` (marks excluded).
fn quotations_in(tokens: &[crate::article::Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Quote) {
        match open {
            None => open = Some(t.span.end),
            Some(from) => {
                if t.span.start > from {
                    out.push(Span::new(from, t.span.start));
                }
                open = None;
            }
        }
    }
    out
}

/// Does the run at `from` stand inside a quotation that is otherwise English prose (three
/// Latin-script words or more before it): “"This year the harvest was ល្អណាស់, and …"”?
fn inside_english_quotation(text: &str, from: usize) -> bool {
    let before = &text[..from];
    let Some(q) =
        before.rfind(|c: char| crate::article::token::is_quote_char(c) && !matches!(c, '\'' | '’'))
    else {
        return false;
    };
    before[q..]
        .split_whitespace()
        .filter(|w| {
            let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.chars().all(is_latin) && words::is_known(&letters)
        })
        .count()
        >= 3
}

/// Foreign words English borrows in pairs; a run made of them is English usage (“de facto”,
/// “ad hoc”, “per se”, “bona fide”).
const BORROWED: &[&str] = &[
    "facto",
    "jure",
    "hoc",
    "situ",
    "vitro",
    "vivo",
    "versa",
    "quo",
    "bono",
    "fide",
    "fides",
    "majeure",
    "operandi",
    "vivendi",
    "sapiens",
    "culpa",
    "persona",
    "grata",
    "non",
    "sine",
    "qua",
    "mortem",
    "priori",
    "posteriori",
    "mater",
    "alia",
    "passim",
    "ibid",
    "cetera",
    "curiam",
    "amicus",
    "habeas",
    "corpus",
    "certiorari",
    "subpoena",
    "duces",
    "tecum",
    "sui",
    "generis",
    "inter",
    "alios",
    "pro",
    "rata",
    "forma",
    "ipso",
    "loco",
    "parentis",
    "verbatim",
    "laissez",
    "faire",
    "raison",
    "d'être",
    "d'etre",
    "fait",
    "accompli",
    "nouveau",
    "riche",
    "avant",
    "garde",
    "vis",
    "vice",
    "voilà",
    "voila",
    "coup",
    "d'état",
    "d'etat",
    "grâce",
    "joie",
    "vivre",
    "carte",
    "blanche",
    "esprit",
    "corps",
    "haute",
    "couture",
    "cuisine",
    "déjà",
    "deja",
    "vu",
    "tête",
    "tete",
    "sotto",
    "voce",
    "dolce",
    "vita",
    "chili",
    "con",
    "carne",
    "mañana",
    "hasta",
    "vista",
    "realpolitik",
    "zeitgeist",
    "angst",
    "wanderlust",
    "kitsch",
    "doppelganger",
    "schadenfreude",
    "wunderkind",
    "tsunami",
    "tsunamis",
];

/// Runs of two or more lower-case words that are no English words (“said pihak sekolah had”,
/// “The problem, kako je rekao, is”), with short words between them (“segundo a empresa”). Quoted,
/// bracketed and glossed runs and borrowed phrases are left alone.
fn foreign_phrases(
    article: &Article,
    sentence: Span,
    capitalised_words: &std::cell::OnceCell<rustc_hash::FxHashSet<String>>,
    out: &mut Vec<(Span, String)>,
) {
    let text = article.slice(sentence);
    let tokens: Vec<&crate::article::Token> = article
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && sentence.contains(t.span))
        .collect();
    // (first token, last token, unknown words) of the current run.
    let mut run: Option<(usize, usize, usize)> = None;
    let flush = |run: Option<(usize, usize, usize)>, out: &mut Vec<(Span, String)>| {
        let Some((a, b, unknown)) = run else { return };
        if unknown < 2 {
            return;
        }
        let span = Span::new(tokens[a].span.start, tokens[b].span.end);
        let (from, to) = (span.start - sentence.start, span.end - sentence.start);
        let after =
            text[to..].trim_start_matches(|c: char| crate::article::token::is_quote_char(c));
        if quoted_or_bracketed(&text[..from]) || glossed_after(after) {
            return;
        }
        out.push((span, "not English words".to_string()));
    };
    for (i, t) in tokens.iter().enumerate() {
        let w = article.slice(t.span);
        let lower_latin = w.chars().all(|c| c.is_lowercase() && is_latin(c));
        let letters = w.chars().count();
        let unknown = lower_latin
            && letters >= 4
            && !words::is_known(w)
            && (w.is_ascii() || accented_foreign(w))
            && !BORROWED.contains(&w)
            && !english_shaped(w)
            && !capitalised_words
                .get_or_init(|| {
                    article
                        .words()
                        .map(|t| article.slice(t.span))
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .map(str::to_lowercase)
                        .collect()
                })
                .contains(w);
        // Short words between them, unless English function words (“siltation and
        // overfishing” is English the word list lacks).
        let bridge =
            lower_latin && letters <= 3 && (w == "a" || !ENGLISH_FUNCTION_WORDS.contains(&w));
        let joined = i > 0 && article.text.get(tokens[i - 1].span.end..t.span.start) == Some(" ");
        match run {
            Some((a, _, n)) if joined && (unknown || bridge) => {
                run = Some((
                    a,
                    if unknown { i } else { run.map_or(i, |r| r.1) },
                    n + usize::from(unknown),
                ));
            }
            _ => {
                flush(run.take(), out);
                if unknown {
                    run = Some((i, i, 1));
                }
            }
        }
        if !(unknown || bridge) {
            flush(run.take(), out);
        }
    }
    flush(run, out);
}

/// Does `w`, which the word list lacks, still look English: two English words run together
/// (“trainset”, “overfishing”, “startupsin”: the glued-word checks have those) or an ending only
/// English uses (“decarbonising”, “geopolitically”)?
fn english_shaped(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ing", "ings", "ed", "ly", "ness", "ship", "ful", "less", "ise", "ize", "ised", "ized",
        "ises", "izes", "isation", "ization", "ical", "ically", "ism", "isms", "ist", "ists",
        "ability", "ment", "ments", "wise", "ward", "wards", "'s", "’s",
    ];
    if ENDINGS.iter().any(|e| w.ends_with(e)) || w.starts_with("milliard") {
        return true;
    }
    w.char_indices().skip(2).any(|(i, _)| {
        let (a, b) = w.split_at(i);
        b.chars().count() >= 2 && words::is_known(a) && words::is_known(b)
    })
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

/// A vowel sign or virama of a Brahmic script (Devanagari to Sinhala, Thai, Lao, Myanmar,
/// Khmer) that is not a letter itself: part of the word it is in (Tamil “விபரங்களுக்கு”).
fn is_brahmic_sign(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0DFF}' | '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
        && !c.is_alphanumeric()
        && !matches!(
            c,
            '\u{0964}'
                | '\u{0965}'
                | '\u{0E2F}'
                | '\u{0E46}'
                | '\u{0E5A}'
                | '\u{0E5B}'
                | '\u{104A}'
                | '\u{104B}'
                | '\u{17D4}'
                | '\u{17D5}'
        )
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
                    Example::flag("Night shifts have already been cut by half, segundo a empresa."),
                    Example::flag("\"Biyuhu waxay gaareen suuqa weyn, dadkuna way carareen,\" he said, standing beside his shop."),
                    Example::flag("\"This year the harvest was ល្អណាស់, and the traders came early,\" one farmer said."),
                    Example::pass("\"The word ល្អ (good) is everywhere this year,\" one farmer said."),
                    Example::flag("\"Dette er en historisk dag for hele Vestlandet,\" Haugland added, as supporters waved flags."),
                    Example::pass("“Tunajenga kwa ajili ya wakulima wetu,” she added in Swahili – “We are building for our farmers.”"),
                    Example::pass("Tags: Colo-Colo, Universidad de Chile, football"),
                    Example::flag("Other parents said pihak sekolah had not informed them until the evening."),
                    Example::pass("The de facto leader set up an ad hoc committee, and vice versa; siltation and overfishing hurt the delta."),
                    Example::flag("Banners reading \"ቡና የሀገር ኩራት ነው\" hung on the walls of the hall."),
                    Example::pass("The daily \"Вечерни новини\" (\"Evening News\") reported the rise."),
                    Example::flag("Tickets can be booked online. மேலதிக விபரங்களுக்கு call the office."),
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
    fn words_left(
        &self,
        article: &Article,
        sentence: Span,
        not_english: usize,
        capitalised_words: &std::cell::OnceCell<rustc_hash::FxHashSet<String>>,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut found = Vec::new();
        foreign_words(article, sentence, &mut found);
        // A run needs two lower-case words English lacks.
        if not_english >= 2 {
            foreign_phrases(article, sentence, capitalised_words, &mut found);
        }
        // One finding per stretch: overlapping words and phrases, or ones with only spaces and
        // digits between them, are one run.
        found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut merged: Vec<(Span, String)> = Vec::new();
        for (span, why) in found {
            if let Some((last, last_why)) = merged.last_mut() {
                let gap = article.text.get(last.end..span.start).unwrap_or("");
                if span.start <= last.end || gap.chars().all(|c| c == ' ' || c.is_ascii_digit()) {
                    if span.end > last.end {
                        *last = Span::new(last.start, span.end);
                        if why == "not English words" {
                            last_why.clone_from(&why);
                        }
                    }
                    continue;
                }
            }
            merged.push((span, why));
        }
        // Most of the sentence: the sentence is in another language.
        let letters = |sp: Span| {
            article
                .slice(sp)
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
        };
        let covered: usize = merged.iter().map(|(sp, _)| letters(*sp)).sum();
        if merged.len() > 1 && covered * 2 >= letters(sentence) {
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    sentence,
                    "Most of this sentence is not in English".to_string(),
                )
                .with_help("Translate it, or delete it if it duplicates the English text."),
            );
            return;
        }
        for (span, why) in merged {
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
        // The article's capitalised words (lower-cased), read once if a run needs them: a word
        // capitalised elsewhere is a name.
        let capitalised_words = std::cell::OnceCell::new();
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
                self.words_left(article, s.span, lower - english, &capitalised_words, out);
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
            // And each quotation in it: “"Biyuhu waxay gaareen suuqa weyn, dadkuna way
            // carareen," he said.”
            // (Not when the sentence names the language or gives a second quotation, its
            // translation: “… ,” she added in Swahili – “We are building …”.)
            let quotations = quotations_in(tokens);
            if quotations.len() == 1
                && !crate::lexicon::function_words::mentions_language(article.slice(s.span))
            {
                candidates.extend(quotations.iter().copied());
            }
            for span in candidates {
                let quoted = quotations.contains(&span);
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
                        (english * 5 <= lower && (is_prose(text) || quoted))
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
                let found = found.or_else(|| foreign_function_words(article, tokens, span));
                let Some((lang, why)) = found else {
                    if span == s.span {
                        self.words_left(article, s.span, lower - english, &capitalised_words, out);
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
