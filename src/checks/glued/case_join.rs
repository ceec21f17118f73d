use super::{vocabulary, CAMEL_CASE, CREDIT_WORDS, NAME_PREFIXES};
use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags two words run together where a lower-case letter is followed by a capital
inside one word: “theAzerbaijan”, “andPortugal”, “Nagorno-KarabakhReuters”.

Why: copy-paste from web pages (captions, credits, line breaks in markup) and some translation
tools drop spaces. Readers see a typo at once.

When a lower-case word runs into a capitalised one, it is flagged if the first part is an English
word (“the”, “and”). When two capitalised parts meet (“KarabakhReuters”), it is flagged only if
both parts are used on their own elsewhere in the article, or the second is a photo credit
(“Reuters”, “Getty”). Brands and names written with internal capitals stay silent: iPad, eBay,
McDonald’s, BlackRock, AstraZeneca, PayPal, PlayStation, LinkedIn, MacBook, DeSantis, O’Neill,
MacArthur.

Fix (safe): insert the space.";

/// Titles that stand before a name: glued to it (“MinisterKristrún”) they are a dropped space.
const TITLES_BEFORE_NAMES: &[&str] = &[
    "Minister",
    "President",
    "Premier",
    "Chancellor",
    "Governor",
    "Mayor",
    "Senator",
    "Secretary",
    "Ambassador",
    "Commissioner",
    "Director",
    "Chairman",
    "Chairwoman",
    "Spokesman",
    "Spokeswoman",
    "Judge",
    "General",
    "Colonel",
    "Captain",
    "Professor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Bishop",
    "Archbishop",
    "Sheikh",
    "Emir",
    "Sultan",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Longer tokens are not words.
pub const MAX_WORD: usize = 64;

pub struct CaseJoin {
    meta: RuleMeta,
}

impl CaseJoin {
    pub fn new() -> Self {
        CaseJoin {
            meta: crate::checks::meta(
                "glued/case-join",
                Severity::Warning,
                "Two words run together (lower case followed by a capital)",
                HELP,
                vec![
                    Example::flag("The bill, a flagship policy of Prime MinisterKristrún Frostadóttir, passed."),
                    Example::pass("The PresidentialPalace app and the GeneralElectric brand stayed; MrBeast posted."),
                    Example::fixed(
                        "Tension between thePortugal andSpain grew.",
                        "Tension between the Portugal and Spain grew.",
                    ),
                    Example::fixed(
                        "Floods in Valencia, Reuters reported.\n\nRescuers near ValenciaReuters Archive",
                        "Floods in Valencia, Reuters reported.\n\nRescuers near Valencia Reuters Archive",
                    ),
                    Example::flag("A crowd gathered ofWarsaw residents."),
                    Example::fixed(
                        "Engineers say that the Lamone andSavio rivers carry twice as much water.",
                        "Engineers say that the Lamone and Savio rivers carry twice as much water.",
                    ),
                    Example::fixed(
                        "The gap between theDAX and Wall Street widened.",
                        "The gap between the DAX and Wall Street widened.",
                    ),
                    Example::flag("Officers of theCentral Anti-Corruption Bureau searched his flat."),
                    Example::pass("The app's onClick and toString handlers, forEach loops and theScore."),
                    Example::pass(
                        "She bought an iPad on eBay and ate at McDonald's; BlackRock, AstraZeneca, PayPal, PlayStation, LinkedIn and MacBook rose.",
                    ),
                    Example::pass("DeSantis, O'Neill, MacArthur, LaGuardia and DiCaprio met deGrom."),
                    Example::pass("See https://example.com/NewsRoom or write to desk@NewsRoom.com, #BreakingNews, @AP_Politics."),
                    Example::pass("Levels of mRNA, kWh and pH were measured."),
                    Example::pass("Set searchEngines and staticLib in the config file."),
                    Example::pass("Rock fans and Black Friday shoppers bought BlackRock shares."),
                    Example::flag("Smoke filled the engine room, the PhilippineCoast Guard said."),
                    Example::pass("IndiaMART, BlackRock, JetBlue and SoftBank reported; SwissTable is fast, and SwissTable is used."),
                ],
            ),
        }
    }
}

impl Default for CaseJoin {
    fn default() -> Self {
        Self::new()
    }
}

/// Words that no program identifier or brand starts with in running text: after these, any
/// capitalised word or acronym is a glued word (“andSavio”, “theDAX”), even one the article
/// does not use elsewhere.
const GLUE_WORDS: &[&str] = &[
    "the", "and", "of", "from", "with", "between", "into", "than",
];

/// Is `s` two or more capitals, then nothing alphabetic (“DAX”, “NATO’s”)?
fn is_acronym(s: &str) -> bool {
    let caps = s.chars().take_while(|c| c.is_uppercase()).count();
    caps >= 2 && !s.chars().skip(caps).any(char::is_alphabetic)
}

/// Is `s` a capital followed by at least two lower-case letters?
fn is_capitalised_word(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(char::is_uppercase) && {
        let rest: Vec<char> = cs.take_while(|c| c.is_alphabetic()).collect();
        rest.len() >= 2 && rest.iter().all(|c| c.is_lowercase())
    }
}

/// The leading capitalised word of `s` ("Reuters" of "ReutersArchive").
fn leading_word(s: &str) -> &str {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if i > 0 && (c.is_uppercase() || !c.is_alphabetic()) {
            break;
        }
        end = i + c.len_utf8();
    }
    &s[..end]
}

impl Rule for CaseJoin {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let mut vocab = None;
        for t in article.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = article.slice(t.span);
            // No real word is this long (a blob or an identifier): skip it, and keep the check
            // linear.
            if word.len() > MAX_WORD || !word.chars().skip(1).any(char::is_uppercase) {
                continue;
            }
            let bare = crate::lexicon::strip_possessive(word);
            if CAMEL_CASE.contains(&bare) {
                continue;
            }
            // Each hyphen-separated part on its own.
            let mut offset = 0;
            for part in word.split('-') {
                let part_start = offset;
                offset += part.len() + 1;
                let chars: Vec<(usize, char)> = part.char_indices().collect();
                for w in chars.windows(2) {
                    let ((_, a), (k, b)) = (w[0], w[1]);
                    if !(a.is_lowercase() && b.is_uppercase()) {
                        continue;
                    }
                    let left = &part[..k];
                    let right = &part[k..];
                    let strong_left = GLUE_WORDS.contains(&left);
                    if !(is_capitalised_word(right) || (strong_left && is_acronym(right)))
                        || left.chars().count() < 2
                    {
                        continue;
                    }
                    // Only the last capitalised run before the transition matters for names.
                    let left_word_start = left
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| c.is_uppercase())
                        .map_or(0, |(i, _)| i);
                    let left_word = &left[left_word_start..];
                    if NAME_PREFIXES.contains(&left_word) || NAME_PREFIXES.contains(&left) {
                        continue;
                    }
                    let right_word = if is_acronym(right) {
                        let caps: usize = right
                            .chars()
                            .take_while(|c| c.is_uppercase())
                            .map(char::len_utf8)
                            .sum();
                        &right[..caps]
                    } else {
                        leading_word(right)
                    };
                    let flagged = if left.chars().next().is_some_and(char::is_lowercase) {
                        // "theAzerbaijan": a lower-case English word, then a name the article
                        // uses, a known proper noun or a country (not "searchEngines").
                        let v = vocab.get_or_insert_with(|| vocabulary(article));
                        let lower_right = right_word.to_lowercase();
                        let c = crate::lexicon::countries::countries();
                        let known_right = strong_left
                            || v.get(right_word).copied().unwrap_or(0) > 0
                            || v.get(lower_right.as_str()).copied().unwrap_or(0) > 0
                            || words::is_proper_noun(right_word)
                            || c.by_name(right_word).is_some()
                            || c.by_demonym(right_word).is_some();
                        left_word_start == 0
                            && words::is_known(left)
                            && left.chars().count() >= 2
                            && known_right
                    } else {
                        // "KarabakhReuters": both parts used on their own in the article, or a
                        // credit word glued to a caption.
                        let v = vocab.get_or_insert_with(|| vocabulary(article));
                        let seen = |w: &str| v.get(w).copied().unwrap_or(0) > 0;
                        let c = crate::lexicon::countries::countries();
                        // “PhilippineCoast Guard”: a country or its adjective, then an English
                        // word (no brand starts with a country's adjective glued on).
                        let place_left = right_word.len() >= 4
                            && v.get(word).copied().unwrap_or(0) <= 1
                            && (c.by_demonym(left_word).is_some()
                                || c.by_name(left_word).is_some())
                            && words::is_known(&right_word.to_lowercase());
                        // “Prime MinisterKristrún”: a title glued to a name after it (a
                        // word after it may be a brand: “GeneralElectric”).
                        let title_left = TITLES_BEFORE_NAMES.contains(&left_word)
                            && right_word.chars().skip(1).all(char::is_lowercase)
                            && right_word.chars().count() >= 3
                            && !words::is_known(&right_word.to_lowercase());
                        (seen(left_word) && seen(right_word))
                            || CREDIT_WORDS.contains(&right_word)
                            || place_left
                            || title_left
                    };
                    if !flagged {
                        continue;
                    }
                    let at = t.span.start + part_start + k;
                    let left_start = t.span.start + part_start + left_word_start;
                    let span = Span::new(left_start, at + right_word.len());
                    out.push(
                        Diagnostic::new(
                            &self.meta.id,
                            self.meta.severity,
                            span,
                            format!("Missing space in “{}{}”", left_word, right_word),
                        )
                        .with_help("Insert a space between the two words.")
                        .with_fix(Fix::safe(Span::new(at, at), " ")),
                    );
                }
            }
        }
    }
}
