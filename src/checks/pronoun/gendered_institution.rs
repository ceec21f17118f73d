use super::is_pronoun;
use crate::article::{Article, Token, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::countries::countries;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags “he” or “she” used for a country, capital, ministry, agency, company or club:
“Russia, already involved in the conflict, said she was ready”, “The ministry said he would
respond”.

Why: in many languages countries and institutions have grammatical gender (Italian “la Russia …
ha detto di essere pronta”); English uses “it” (or “they” for a team in British usage).

How: the institution opens the clause, may be followed by an aside between commas that names
no person, then a verb of saying and the pronoun. If a person could be meant (“Russia’s foreign
minister said he”), it stays silent.

Fix (unsafe): replace the pronoun with “it”.";

const INSTITUTIONS: &[&str] = &[
    "ministry",
    "government",
    "agency",
    "company",
    "club",
    "party",
    "army",
    "council",
    "commission",
    "committee",
    "union",
    "parliament",
    "court",
    "bank",
    "team",
    "office",
    "department",
    "embassy",
    "authority",
    "organisation",
    "organization",
    "alliance",
    "coalition",
    "federation",
    "association",
    "group",
    "firm",
    "regulator",
    "administration",
    "cabinet",
    "kremlin",
    "navy",
    "board",
    "tribunal",
    "senate",
    "assembly",
    "police",
    "military",
    "opposition",
    "network",
    "broadcaster",
    "newspaper",
    "airline",
    "carrier",
    "insurer",
    "lender",
    "manufacturer",
    "retailer",
    "utility",
    "operator",
    "state",
    "country",
    "city",
    "republic",
];

/// Is `word` (any case) a noun for an institution (ministry, government, party, club…)?
pub fn is_institution(word: &str) -> bool {
    INSTITUTIONS.contains(&word.to_lowercase().as_str())
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "stated",
    "announced",
    "declared",
    "added",
    "claimed",
    "insisted",
    "warned",
    "stressed",
    "replied",
    "noted",
    "argued",
    "explained",
    "confirmed",
    "denied",
    "admitted",
    "reported",
    "promised",
    "threatened",
    "signalled",
    "signaled",
    "indicated",
    "assured",
    "maintained",
    "asserted",
    "emphasised",
    "emphasized",
    "underlined",
    "pledged",
    "hinted",
    "suggested",
    "believes",
    "believed",
    "hopes",
    "hoped",
    "thinks",
    "thought",
    "feels",
    "felt",
    "expects",
    "expected",
    "wants",
    "wanted",
];

const PERSON_WORDS: &[&str] = &[
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "premier",
    "chancellor",
    "leader",
    "official",
    "chief",
    "head",
    "secretary",
    "ambassador",
    "envoy",
    "director",
    "king",
    "queen",
    "prime",
    "mr",
    "mrs",
    "ms",
    "dr",
    "he",
    "she",
    "his",
    "her",
    "him",
    "who",
    "whose",
    "whom",
    "ceo",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "general",
    "commander",
    "coach",
    "manager",
    "captain",
    "founder",
];

const CLAUSE_STARTS: &[&str] = &[
    ",", ";", "while", "and", "but", "as", "whereas", "when", "because", "although", "since",
    "after", "–", "—",
];

pub struct GenderedInstitution {
    meta: RuleMeta,
}

impl GenderedInstitution {
    pub fn new() -> Self {
        GenderedInstitution {
            meta: crate::checks::meta(
                "pronoun/gendered-institution",
                Severity::Warning,
                "“he” or “she” for a country or institution",
                HELP,
                vec![
                    Example::fixed(
                        "Germany, already hit by the crisis, said she was ready to help.",
                        "Germany, already hit by the crisis, said it was ready to help.",
                    ),
                    Example::flag("The ministry said he would respond on Monday."),
                    Example::flag("Talks stalled, while the Poland, facing elections, announced she would veto the plan."),
                    Example::pass("Germany's chancellor said she was ready to help."),
                    Example::pass("France, whose president was abroad, said he would return."),
                    Example::pass("The minister said she would respond on Monday."),
                    Example::pass("Asked about Italy, Meloni said she would not comment."),
                    Example::pass("Spain said it was ready to help."),
                ],
            ),
        }
    }
}

impl Default for GenderedInstitution {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for GenderedInstitution {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let c = countries();
        for s in &article.sentences {
            let toks: Vec<&Token> = article
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.kind != TokenKind::Quote)
                .collect();
            let text = |i: usize| toks.get(i).map(|t| article.slice(t.span)).unwrap_or("");
            for i in 0..toks.len() {
                let w = text(i);
                let is_place = c.by_name(w).is_some() || c.is_capital(w);
                let is_institution = INSTITUTIONS.contains(&w.to_lowercase().as_str())
                    && i > 0
                    && text(i - 1).eq_ignore_ascii_case("the");
                if !(is_place || is_institution) {
                    continue;
                }
                // The subject opens a clause: sentence start, or a clause word before it (skipping "the").
                let before = if i > 0 && text(i - 1).eq_ignore_ascii_case("the") {
                    i.checked_sub(2)
                } else {
                    i.checked_sub(1)
                };
                let opens = match before {
                    None => true,
                    Some(b) => CLAUSE_STARTS.contains(&text(b).to_lowercase().as_str()),
                };
                if !opens {
                    continue;
                }
                let mut j = i + 1;
                if text(j) == "," {
                    let Some(close) = (j + 1..toks.len().min(j + 18)).find(|&k| text(k) == ",")
                    else {
                        continue;
                    };
                    let aside_names_person = (j + 1..close).any(|k| {
                        let a = text(k);
                        PERSON_WORDS.contains(&a.to_lowercase().as_str())
                            || (a.chars().next().is_some_and(char::is_uppercase)
                                && c.by_name(a).is_none()
                                && c.by_demonym(a).is_none())
                    });
                    if aside_names_person {
                        continue;
                    }
                    j = close + 1;
                }
                if !SPEECH_VERBS.contains(&text(j)) {
                    continue;
                }
                let mut k = j + 1;
                if text(k) == "that" {
                    k += 1;
                }
                let p = text(k);
                if !(is_pronoun(p) && (p == "he" || p == "she")) {
                    continue;
                }
                let subject = toks[i].span;
                let pspan = toks[k].span;
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(toks[j].span.start, pspan.end),
                        format!(
                            "“{p}” refers to “{}”: English uses “it” for a country or institution",
                            article.slice(subject)
                        ),
                    )
                    .with_related(subject, "the country or institution")
                    .with_help("Use “it”.")
                    .with_fix(Fix::unsafe_(pspan, "it")),
                );
            }
        }
    }
}
