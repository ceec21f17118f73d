use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::countries::countries;
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
                    Example::flag("Sipho Ndlovu, who runs a butchery, said he had thrown away meat. Ndlovu said her fridges could not stay cold."),
                    Example::flag("Ms. Aoki said she was trapped for two hours. Aoki said he was taken to hospital."),
                    Example::pass("Sipho Ndlovu, who runs a butchery, said he had thrown away meat. Ndlovu said his fridges could not stay cold."),
                    Example::pass("Merkel met Putin on Monday. Merkel said he had not kept his word."),
                    Example::pass("Ms. Aoki said she was trapped. Her colleague Kenji Sato said he was not."),
                    Example::pass("Borne said he remained open to talks."),
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

const NAME: &str = r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,3}";

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
            r"(?P<name>{NAME})(?:,\s+(?:who|a|an|the|\d+)\b[^,.;“”\x22]{{0,100}},)?\s+(?:said|says|added|insisted|stressed|noted|explained|acknowledged|admitted|conceded)(?:\s+(?:on\s+\p{{Lu}}\p{{Ll}}+day|yesterday|today))?(?:\s+that)?\s+(?P<p>he|she|his|her)\b"
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    Male,
    Female,
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

struct Evidence {
    gender: Gender,
    weight: u32,
    /// The pronoun of a said-pronoun (the only kind flagged).
    flaggable: Option<Span>,
    pronoun: String,
    at: usize,
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
        if !said.iter().any(|&b| b) {
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
        if genders.all(|g| g == one) {
            return;
        }
        // Surnames from full names: a lone common word (“Borne”, “Police”) is a person only if
        // the article also gives it as the end of a full name.
        let mut surnames: Vec<&str> = Vec::new();
        for m in name_re().find_iter(&article.text) {
            let ws = person_words(m.as_str());
            if ws.len() >= 2 && !words::is_common(ws[0]) {
                if let Some(last) = ws.last() {
                    surnames.push(last);
                }
            }
        }
        let mut by_name: HashMap<String, Vec<Evidence>> = HashMap::default();
        let mut add = |run: &str, e: Evidence| {
            if !is_person(run, &surnames) {
                return;
            }
            let ws = person_words(run);
            for (i, w) in ws.iter().enumerate() {
                let last = i + 1 == ws.len();
                by_name.entry((*w).to_string()).or_default().push(Evidence {
                    gender: e.gender,
                    weight: e.weight,
                    flaggable: if last { e.flaggable } else { None },
                    pronoun: e.pronoun.clone(),
                    at: e.at,
                });
            }
        };
        for (s, &has_said) in article.sentences.iter().zip(&said) {
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
                let others = name_re()
                    .find_iter(text)
                    .filter(|m| {
                        m.start() != n.start() && m.start() > 0 && is_person(m.as_str(), &surnames)
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
            // A sentence the person opens, with pronouns of one gender and no one else named.
            let first = if has_pronoun && !has_said {
                name_re().find(text).filter(|m| m.start() == 0)
            } else {
                None
            };
            if let Some(first) = first {
                let named_here = name_re()
                    .find_iter(text)
                    .filter(|m| m.start() > 0 && is_person(m.as_str(), &surnames))
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
