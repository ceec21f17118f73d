use crate::article::Article;
use crate::checks::names::variant_spelling::{are_variants, spelling_fold};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::countries::countries;
use crate::lexicon::given_names::{self, NameGender as Gender};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags a pronoun that gives a named person the other gender from the rest of the
article: “Borne said on Thursday that he remained open to talks” after “Prime Minister Élisabeth
Borne … against her government”; “Ndlovu said her fridges” after “Sipho Ndlovu … said he”.

Why: Turkish, Finnish, Hungarian, Persian, Japanese and Chinese do not mark gender in the
pronoun (and Spanish, Italian and Portuguese often drop it), so machine translation guesses — and
guesses differently from one sentence to the next.

How: evidence for each surname comes from a title (Mr, Ms, Mrs, Miss: twice the weight), from a
pronoun right after the person's verb of saying (“Ndlovu said he”, “Sandu, who …, said her”),
and from a sentence the person opens that uses pronouns of one gender only and names no one else.
When a name has both, a said-pronoun of the gender with less evidence is flagged (on a tie, the
later one). Countries and institutions are left to `pronoun/gendered-institution`.";

pub struct PronounGender {
    meta: RuleMeta,
}

impl PronounGender {
    pub fn new() -> Self {
        PronounGender {
            meta: crate::checks::meta(
                "names/pronoun-gender",
                Severity::Warning,
                "A pronoun of the other gender for a named person",
                HELP,
                vec![
                    Example::flag("Prime Minister Élisabeth Borne pushed the text through, and a motion against her government failed.\n\nBorne said on Thursday that he remained open to talks."),
                    Example::flag("Tourism Minister Olga Kefalogianni told reporters in Athens. He said the ministry would review the fee."),
                    Example::flag("Selvarani Mahendran, 64, said she travels to Nagapattinam every month. Ms. Mahendran said he plans to open a shop in Kilinochchi."),
                    Example::flag("Sipho Ndlovu, who runs a butchery, said he had thrown away meat. Ndlovu said her fridges could not stay cold."),
                    Example::flag("Ms. Aoki said she was trapped for two hours. Aoki said he was taken to hospital."),
                    Example::pass("Sipho Ndlovu, who runs a butchery, said he had thrown away meat. Ndlovu said his fridges could not stay cold."),
                    Example::pass("Merkel met Putin on Monday. Merkel said he had not kept his word."),
                    Example::pass("Ms. Aoki said she was trapped. Her colleague Kenji Sato said he was not."),
                    Example::pass("Borne said he remained open to talks."),
                    Example::flag("The order was signed by deputy mayor Elena Bertolin. Bertolin added that he would chair a meeting."),
                    Example::flag("Thomas Wellbrock, an energy expert, said customers should not expect money. “The repayment goes to the budget,” she said."),
                    Example::flag("Zhou Meiling, a sales manager, said half of her company's exports went to the US. “Customers told us to wait,” he said."),
                    Example::flag("Maria Goreti Ratu, who heads the health office, said she was worried. Her office set up two clinics. “We need more masks,” he added."),
                    Example::pass("Thomas Wellbrock, an energy expert, spoke first. Anna Weber, a lawyer, disagreed. “The repayment goes to the budget,” she said."),
                    Example::pass("Maria Rossi and Mario Rossi run the farm. Rossi said he would sell it."),
                    Example::pass("Kylian Mbappé scored twice in 97 seconds.\n\n“Everybody told me it was the worst time,” she said."),
                    Example::flag("Prosecutor Erin O'Neill spoke for an hour on Wednesday. O'Neill said he would ask for ten years."),
                    Example::flag("Governor Oleh Kiper spoke first.\n\n“No one was killed,” Mr Kiper wrote on Telegram. By morning, firefighters had put out the blaze. She added that power was back."),
                    Example::pass("Elspeth Carrow died on Tuesday. Her death was confirmed by her son, Duncan Carrow, who said she had been ill. “She read every morning,” he said."),
                    Example::pass("“No,” Ruth Dunmore replied. “He said, ‘Leave now.’ Two words.”"),
                    Example::flag("Chief engineer Chen Xiaoyan, 38, who was born in Wuhu, said her team had spent six years on the cathode. He added that the cells keep their capacity."),
                    Example::pass("Chief engineer Chen Xiaoyan, 38, who was born in Wuhu, said her team had spent six years on the cathode. She added that the cells keep their capacity."),
                    Example::flag("Sana Mirza, the minister's adviser, told reporters that refusals were common in parts of Karachi and in the districts of Khyber Pakhtunkhwa. He said that teams would return."),
                    Example::pass("Elena Bertolin signed the order.\n\nA rescuer from the valley was on duty all night. “We are ready,” he said."),
                ],
            ),
        }
    }
}

impl Default for PronounGender {
    fn default() -> Self {
        Self::new()
    }
}

/// A capitalised word (“O'Neill” and “McDonald” whole), up to four in a row.
const NAME: &str = r"\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’-]+(?:\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’-]+(?:\p{Lu}\p{Ll}+)?){0,3}";

fn title_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(r"\b(?P<t>Mr|Mrs|Ms|Miss)\.?\s+(?P<name>{NAME})"))
            .expect("static regex")
    })
}

fn said_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?P<name>{NAME})(?:(?:,\s+(?:who|a|an|the|\d+)\b[^,.;“”\x22]{{0,100}}){{1,2}},)?\s+(?:said|says|added|insisted|stressed|noted|explained|acknowledged|admitted|conceded)(?:\s+(?:on\s+\p{{Lu}}\p{{Ll}}+day|yesterday|today))?(?:\s+that)?\s+(?P<p>he|she|his|her)\b"
        ))
        .expect("static regex")
    })
}

/// A verb of saying and a pronoun, without the name: a cheap test before `said_re`.
fn said_tail_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:said|says|added|insisted|stressed|noted|explained|acknowledged|admitted|conceded)(?:\s+(?:on\s+\p{Lu}\p{Ll}+day|yesterday|today))?(?:\s+that)?\s+(?:he|she|his|her)\b")
            .expect("static regex")
    })
}

/// A pronoun as the subject of a verb of saying: the attribution of a quotation or a reported
/// clause (“…,” he said. / Prices will rise, she added. / She told reporters …).
fn attribution_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<p>[Hh]e|[Ss]he)\s+(?:said|says|added|told|continued|explained|insisted|stressed|warned)\b")
            .expect("static regex")
    })
}

/// A verb of saying anywhere in a sentence.
fn speech_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"\b(?:said|says|told|added|asked|argued|explained|insisted|stressed|warned|noted)\b",
        )
        .expect("static regex")
    })
}

fn name_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"\b{NAME}")).expect("static regex"))
}

fn pronoun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|[Hh]ers)\b").expect("static regex")
    })
}

fn without_accents(w: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    w.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

fn gender_of(w: &str) -> Option<Gender> {
    match w.to_lowercase().as_str() {
        "he" | "him" | "his" | "mr" => Some(Gender::Male),
        "she" | "her" | "hers" | "mrs" | "ms" | "miss" => Some(Gender::Female),
        _ => None,
    }
}

/// The person words of a capitalised run: the run without leading common words (“Prime
/// Minister Élisabeth Borne” → “Élisabeth Borne”); none if it ends in a country or is empty.
fn person_words(run: &str) -> Vec<&str> {
    let ws: Vec<&str> = run.split_whitespace().collect();
    // Leading common words are titles or an opener; the last word is kept (“Borne”, “Rice”).
    let start = ws
        .iter()
        .position(|w| !words::is_common(w))
        .unwrap_or(ws.len())
        .min(ws.len().saturating_sub(1));
    let out = ws[start..].to_vec();
    let c = countries();
    if out
        .last()
        .is_some_and(|w| c.by_name(w).is_some() || c.by_demonym(w).is_some())
    {
        return Vec::new();
    }
    out
}

/// Can the capitalised run name a person? Not a country, and not a lone common word
/// (“Thursday”, “Police”) unless the article gives it as a surname.
fn is_person(run: &str, surnames: &[&str]) -> bool {
    match person_words(run).as_slice() {
        [] => false,
        [one] => {
            (!words::is_common(one) || surnames.contains(one))
                && (surnames.contains(one)
                    || crate::lexicon::places::gazetteer().lookup(one).is_empty())
                && crate::article::dateline::month_number(one).is_none()
                && !matches!(
                    *one,
                    "Monday"
                        | "Tuesday"
                        | "Wednesday"
                        | "Thursday"
                        | "Friday"
                        | "Saturday"
                        | "Sunday"
                )
        }
        _ => true,
    }
}

/// Does `before` end with a preposition of place? A capitalised run after it (“a second shop in
/// Kilinochchi”, “the southern districts of Khyber Pakhtunkhwa”) is a place, not a person.
fn after_place_preposition(before: &str) -> bool {
    let before = before.trim_end();
    [" in", " of", " from", " near", " at", " to"]
        .iter()
        .any(|p| before.ends_with(p))
}

struct Evidence {
    gender: Gender,
    weight: u32,
    /// The pronoun of a said-pronoun (the only kind flagged).
    flaggable: Option<Span>,
    pronoun: String,
    at: usize,
}

/// Is `at` inside a quotation opened earlier in its paragraph?
fn inside_quotation(article: &Article, at: usize) -> bool {
    let Some(block) = article
        .blocks
        .iter()
        .find(|b| b.span.start <= at && at <= b.span.end)
    else {
        return false;
    };
    let before = article.text.get(block.span.start..at).unwrap_or("");
    crate::article::token::open_marks(before).quotation
}

impl PronounGender {
    /// The person an attribution pronoun at `at` (in sentence `k`) refers to: the only person
    /// named in the text before it in its sentence, or else in the nearest earlier sentence of
    /// the paragraph (three at most) that names someone. A lone word counts as a person only
    /// when the article gives it as a surname; a sentence naming two people gives no answer.
    fn speaker<'a>(
        &self,
        article: &'a Article,
        k: usize,
        at: usize,
        surnames: &[&str],
    ) -> Option<&'a str> {
        let block = article.sentences.get(k)?.block;
        let people_in = |text: &'a str| -> Vec<&'a str> {
            let mut people: Vec<&'a str> = Vec::new();
            for m in name_re().find_iter(text) {
                let ws = person_words(m.as_str());
                let person = match ws.as_slice() {
                    [] => continue,
                    [one] if !surnames.contains(one) => continue,
                    [.., last] => *last,
                };
                // “in the southern districts of Khyber Pakhtunkhwa”: after a preposition of
                // place, a run of names is a place.
                if after_place_preposition(&text[..m.start()]) || !is_person(m.as_str(), surnames) {
                    continue;
                }
                let person = crate::lexicon::strip_possessive(person);
                if !people.contains(&person) {
                    people.push(person);
                }
            }
            people
        };
        let here = article.slice(article.sentences[k].span);
        let before = here.get(..at).unwrap_or("");
        let mut found = people_in(before);
        // A paragraph that opens with a quotation may be attributed to the person the paragraph
        // before ends with.
        let opens_paragraph = k == 0 || article.sentences[k - 1].block != block;
        let mut j = k;
        while found.is_empty() && j > 0 && k - j < 3 {
            j -= 1;
            let s = &article.sentences[j];
            let other_paragraph = s.block != block;
            if other_paragraph && !(opens_paragraph && j + 1 == k) {
                break;
            }
            let text = article.slice(s.span);
            found = people_in(text);
            // Across a paragraph break only a speaker carries over: “Thomas Wellbrock, an
            // energy expert, said …” then “‘…,’ she said.”, not “Mbappé scored twice.”
            if other_paragraph && !speech_re().is_match(text) {
                found.clear();
            }
        }
        match found.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

impl Rule for PronounGender {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        // Only a said-pronoun is ever flagged: without one there is nothing to weigh.
        let said: Vec<bool> = article
            .sentences
            .iter()
            .map(|s| said_tail_re().is_match(article.slice(s.span)))
            .collect();
        let attributed: Vec<bool> = article
            .sentences
            .iter()
            .map(|s| attribution_re().is_match(article.slice(s.span)))
            .collect();
        if !said.iter().chain(&attributed).any(|&b| b) {
            return;
        }
        // Nor without words of both genders somewhere in the article.
        let mut genders = pronoun_re()
            .find_iter(&article.text)
            .filter_map(|m| gender_of(m.as_str()))
            .chain(
                title_re()
                    .captures_iter(&article.text)
                    .filter_map(|c| c.name("t").and_then(|t| gender_of(t.as_str()))),
            );
        let Some(one) = genders.next() else { return };
        let one_gender = genders.all(|g| g == one);
        // Surnames from full names: a lone common word (“Borne”, “Police”) is a person only if
        // the article also gives it as the end of a full name. A full name whose given name has
        // a clear gender (“Elena Bertolin”) is evidence for that gender.
        let mut surnames: Vec<&str> = Vec::new();
        let mut given: Vec<(&str, Gender, usize, &str)> = Vec::new();
        // The capitalised runs of the article, read once.
        let runs: Vec<(regex::Match<'_>, Vec<&str>)> = name_re()
            .find_iter(&article.text)
            .map(|m| (m, person_words(m.as_str())))
            .collect();
        for (m, ws) in &runs {
            let ws = ws.as_slice();
            if ws.len() >= 2 && !words::is_common(ws[0]) {
                if let Some(last) = ws.last() {
                    surnames.push(last);
                    // The given name may follow title words the common list lacks (“Tourism
                    // Minister Olga Kefalogianni”).
                    let first = ws[..ws.len() - 1]
                        .iter()
                        .position(|w| given_names::gender(w).is_some())
                        .filter(|&i| ws[..i].iter().all(|w| words::is_known(w)));
                    if let Some(first) = first.map(|i| ws[i]) {
                        if let Some(g) = given_names::gender(first) {
                            let at = m.start() + m.as_str().find(first).unwrap_or(0);
                            given.push((last, g, at, first));
                        }
                    }
                }
            }
        }
        if one_gender && given.iter().all(|g| g.1 == one) {
            return;
        }
        // A surname after two different given names belongs to two people (Maria and Mario
        // Rossi, Elspeth and her son Duncan Carrow): no evidence is weighed for it.
        let mut first_names: Vec<(&str, &str)> = Vec::new();
        for (_, ws) in &runs {
            if let [first, .., last] = ws.as_slice() {
                let title = gender_of(first.trim_end_matches('.')).is_some()
                    || matches!(
                        first.trim_end_matches('.'),
                        "Dr" | "Prof" | "Sir" | "Dame" | "Lord" | "Lady" | "Gen" | "Col" | "Capt"
                    );
                if !title && !words::is_common(first) && !first_names.contains(&(*last, *first)) {
                    first_names.push((*last, *first));
                }
            }
        }
        let shared: Vec<&str> = first_names
            .iter()
            .filter(|a| {
                first_names.iter().any(|b| {
                    b.0 == a.0
                        && b.1 != a.1
                        // One given name spelled two ways (Christina / Cristina) is one person.
                        && spelling_fold(b.1) != spelling_fold(a.1)
                        && !are_variants(b.1, a.1)
                })
            })
            .map(|a| a.0)
            .collect();
        let mut by_name: HashMap<String, Vec<Evidence>> = HashMap::default();
        let mut add = |run: &str, e: Evidence| {
            if !is_person(run, &surnames) {
                return;
            }
            let ws = person_words(run);
            for (i, w) in ws.iter().enumerate() {
                let last = i + 1 == ws.len();
                // Niemelä and Niemela are one person: evidence is kept by the name without its
                // accents.
                by_name
                    .entry(without_accents(w))
                    .or_default()
                    .push(Evidence {
                        gender: e.gender,
                        weight: e.weight,
                        flaggable: if last { e.flaggable } else { None },
                        pronoun: e.pronoun.clone(),
                        at: e.at,
                    });
            }
        };
        for &(surname, g, at, name) in &given {
            if !shared.contains(&surname) {
                add(
                    surname,
                    Evidence {
                        gender: g,
                        weight: 2,
                        flaggable: None,
                        pronoun: name.to_string(),
                        at,
                    },
                );
            }
        }
        for (k, (s, &has_said)) in article.sentences.iter().zip(&said).enumerate() {
            let text = article.slice(s.span);
            let has_title = text.contains("Mr") || text.contains("Ms") || text.contains("Miss");
            let has_pronoun = pronoun_re().is_match(text);
            if !(has_title || has_pronoun) {
                continue;
            }
            for c in title_re().captures_iter(text) {
                let (Some(t), Some(n)) = (c.name("t"), c.name("name")) else {
                    continue;
                };
                let Some(g) = gender_of(t.as_str()) else {
                    continue;
                };
                add(
                    n.as_str(),
                    Evidence {
                        gender: g,
                        weight: 2,
                        flaggable: None,
                        pronoun: t.as_str().to_string(),
                        at: s.span.start + t.start(),
                    },
                );
            }
            for c in said_re().captures_iter(if has_said { text } else { "" }) {
                let (Some(n), Some(p)) = (c.name("name"), c.name("p")) else {
                    continue;
                };
                let Some(g) = gender_of(p.as_str()) else {
                    continue;
                };
                // Another person named in the sentence may be the one meant.
                // (The same person again, “Selvarani Mahendran … Ms. Mahendran”, is no other.)
                let surname_of = |run: &str| person_words(run).last().map(|w| without_accents(w));
                let this_one = surname_of(n.as_str());
                let others = name_re()
                    .find_iter(text)
                    .filter(|m| {
                        m.start() != n.start()
                            && m.start() > 0
                            && is_person(m.as_str(), &surnames)
                            && surname_of(m.as_str()) != this_one
                            && !after_place_preposition(&text[..m.start()])
                    })
                    .count();
                let span = Span::new(s.span.start + p.start(), s.span.start + p.end());
                add(
                    n.as_str(),
                    Evidence {
                        gender: g,
                        weight: 1,
                        flaggable: (others == 0).then_some(span),
                        pronoun: p.as_str().to_string(),
                        at: span.start,
                    },
                );
            }
            // “…,” he said: the speaker is the one person named in the nearest sentence before,
            // in the same paragraph, that names anyone.
            if attributed[k] {
                for c in attribution_re().captures_iter(text) {
                    let Some(p) = c.name("p") else { continue };
                    let Some(g) = gender_of(p.as_str()) else {
                        continue;
                    };
                    // “He said, ‘Leave now’” inside a quotation is someone the speaker names.
                    if inside_quotation(article, s.span.start + p.start()) {
                        continue;
                    }
                    let Some(person) = self.speaker(article, k, p.start(), &surnames) else {
                        continue;
                    };
                    let span = Span::new(s.span.start + p.start(), s.span.start + p.end());
                    add(
                        person,
                        Evidence {
                            gender: g,
                            weight: 1,
                            flaggable: Some(span),
                            pronoun: p.as_str().to_string(),
                            at: span.start,
                        },
                    );
                }
            }
            // A sentence the person opens, with pronouns of one gender and no one else named.
            let first = if has_pronoun && !has_said {
                name_re().find(text).filter(|m| m.start() == 0)
            } else {
                None
            };
            if let Some(first) = first {
                // Someone else named: a full name, or a word the article gives as a surname
                // (not a lone place such as “Ningbo”).
                let named_here = name_re()
                    .find_iter(text)
                    .filter(|m| {
                        m.start() > 0
                            && is_person(m.as_str(), &surnames)
                            && match person_words(m.as_str()).as_slice() {
                                [one] => surnames.contains(one),
                                _ => true,
                            }
                    })
                    .count();
                let mut genders = pronoun_re()
                    .find_iter(text)
                    .filter_map(|m| gender_of(m.as_str()).map(|g| (g, m)));
                if let Some((g, m)) = genders.next() {
                    let one_gender = pronoun_re()
                        .find_iter(text)
                        .all(|p| gender_of(p.as_str()) == Some(g));
                    if one_gender && named_here == 0 {
                        add(
                            first.as_str(),
                            Evidence {
                                gender: g,
                                weight: 1,
                                flaggable: None,
                                pronoun: m.as_str().to_string(),
                                at: s.span.start + m.start(),
                            },
                        );
                    }
                }
            }
        }
        let mut found: Vec<Diagnostic> = Vec::new();
        for (name, ev) in &by_name {
            if shared.iter().any(|s| without_accents(s) == *name) {
                continue;
            }
            let weight = |g: Gender| {
                ev.iter()
                    .filter(|e| e.gender == g)
                    .map(|e| e.weight)
                    .sum::<u32>()
            };
            let (m, f) = (weight(Gender::Male), weight(Gender::Female));
            if m == 0 || f == 0 {
                continue;
            }
            let first_of = |g: Gender| {
                ev.iter()
                    .filter(|e| e.gender == g)
                    .map(|e| e.at)
                    .min()
                    .unwrap_or(0)
            };
            let minority = match m.cmp(&f) {
                std::cmp::Ordering::Less => Gender::Male,
                std::cmp::Ordering::Greater => Gender::Female,
                std::cmp::Ordering::Equal => {
                    if first_of(Gender::Male) > first_of(Gender::Female) {
                        Gender::Male
                    } else {
                        Gender::Female
                    }
                }
            };
            let Some(other) = ev.iter().find(|e| e.gender != minority) else {
                continue;
            };
            for e in ev.iter().filter(|e| e.gender == minority) {
                let Some(span) = e.flaggable else { continue };
                let line = article.text[..other.at].matches('\n').count() + 1;
                found.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        span,
                        format!(
                            "“{}” for {name}, who is “{}” on line {line}",
                            e.pronoun, other.pronoun
                        ),
                    )
                    .with_related(
                        Span::new(other.at, other.at + other.pronoun.len()),
                        "the other gender",
                    )
                    .with_help(
                        "Check which pronoun the person uses; machine translation guesses it.",
                    ),
                );
            }
        }
        found.sort_by_key(|d| d.span.start);
        found.dedup_by_key(|d| d.span.start);
        out.extend(found);
    }
}
