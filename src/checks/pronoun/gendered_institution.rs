use super::is_pronoun;
use crate::article::{Article, Token, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::countries::countries;
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags “he” or “she” used for a country, capital, ministry, agency, company or club:
“Russia, already involved in the conflict, said she was ready”, “The ministry said he would
respond”.

Why: in many languages countries and institutions have grammatical gender (Italian “la Russia …
ha detto di essere pronta”); English uses “it” (or “they” for a team in British usage).

How: the institution opens the clause, may be followed by an aside between commas that names
no person, then a verb of saying and the pronoun. If a person could be meant (“Russia’s foreign
minister said he”), it stays silent. A name the article introduces as an organisation (“the
energy supplier Noordveld Energie”) counts as one later (“Noordveld said she”). A country that
opens a sentence or a reported clause is also the subject of a clause joined to it (“Morocco is
betting on rail …, and she has earmarked”, “… that Israel cannot rely on rain and that she must
build”), unless a person is named in between.

Fix (unsafe): replace the pronoun with “it”.";

const INSTITUTIONS: &[&str] = &[
    "region",
    "province",
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

/// “made clear”, “has made it clear”.
const MADE: &[&str] = &["made", "makes", "make"];

/// Words between a subject and its verb of saying: “the government has confirmed”, “Ukraine
/// has repeatedly said”.
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "is",
    "will",
    "would",
    "also",
    "again",
    "later",
    "then",
    "already",
    "publicly",
    "repeatedly",
    "firmly",
    "officially",
    "previously",
    "now",
    "today",
    "yesterday",
    "earlier",
    "since",
];

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

/// Is there a person “he” or “she” (`pronoun`) can mean, in the two sentences before (same
/// paragraph) or earlier in this one: the same pronoun, a word for a person, or a person's name
/// (a known given name followed by a capitalised word)?
/// Words for a man, and for a woman (lower case).
const MALE_WORDS: &[&str] = &[
    "man",
    "spokesman",
    "chairman",
    "mr",
    "king",
    "prince",
    "actor",
    "father",
    "son",
    "husband",
];
const FEMALE_WORDS: &[&str] = &[
    "woman",
    "spokeswoman",
    "chairwoman",
    "mrs",
    "ms",
    "queen",
    "princess",
    "actress",
    "mother",
    "daughter",
    "wife",
];

fn person_before(article: &Article, si: usize, before: usize, pronoun: &str) -> bool {
    person_before_as(article, si, before, pronoun, true)
}

/// `person_before`; with `generic` false, a word for a person of either sex (“the minister”)
/// does not count, only a pronoun of the gender, a word of that sex or a full name.
fn person_before_as(
    article: &Article,
    si: usize,
    before: usize,
    pronoun: &str,
    generic: bool,
) -> bool {
    let same_gender: &[&str] = if pronoun == "he" {
        &["he", "him", "his", "himself", "He", "His"]
    } else {
        &["she", "her", "hers", "herself", "She", "Her"]
    };
    let (of_sex, other_gender) = if pronoun == "he" {
        (MALE_WORDS, FEMALE_WORDS)
    } else {
        (FEMALE_WORDS, MALE_WORDS)
    };
    let block = article.sentences[si].block;
    let first = si.saturating_sub(2);
    let c = countries();
    for sj in first..=si {
        let sentence = &article.sentences[sj];
        if sentence.block != block {
            continue;
        }
        let toks: Vec<&Token> = article
            .sentence_tokens(sentence)
            .iter()
            .filter(|t| t.kind == TokenKind::Word && (sj < si || t.span.end <= before))
            .collect();
        for (k, t) in toks.iter().enumerate() {
            let w = article.slice(t.span);
            if same_gender.contains(&w) {
                return true;
            }
            // A singular word for a person ("reporters" cannot be "he").
            let lower = w.to_lowercase();
            if is_singular_person_word(w)
                && !other_gender.contains(&lower.as_str())
                && (generic || of_sex.contains(&lower.as_str()))
            {
                return true;
            }
            // "Maria Lopez": a given name, then a capitalised word that is not a place.
            if let Some(next) = toks.get(k + 1) {
                let n = article.slice(next.span);
                if crate::lexicon::words::is_proper_noun(w)
                    && n.chars().next().is_some_and(char::is_uppercase)
                    && n.chars().nth(1).is_some_and(char::is_lowercase)
                    && c.by_name(w).is_none()
                    && c.by_name(n).is_none()
                    && !is_institution_word(n)
                    && next.span.start == t.span.end + 1
                {
                    return true;
                }
            }
        }
    }
    false
}

/// Longest subject looked at, in words.
const MAX_SUBJECT: usize = 9;

/// Institution words of the source languages, left untranslated in names (“Universidad de Chile”).
const FOREIGN_INSTITUTIONS: &[&str] = &[
    "universidad",
    "universidade",
    "università",
    "université",
    "universität",
    "uniwersytet",
    "ministerio",
    "ministère",
    "ministero",
    "ministerium",
    "ministerstwo",
    "gobierno",
    "governo",
    "gouvernement",
    "regierung",
    "rząd",
    "ayuntamiento",
    "comune",
    "mairie",
    "prefeitura",
    "fundación",
    "fundação",
    "fondation",
    "fondazione",
    "stiftung",
    "fundacja",
    "instituto",
    "istituto",
    "institut",
    "instytut",
    "partido",
    "partito",
    "parti",
    "partei",
    "partia",
    "asociación",
    "associazione",
    "associação",
    "verband",
    "agencia",
    "agenzia",
    "agence",
    "agentur",
    "agencja",
    "comisión",
    "commissione",
    "tribunale",
    "corte",
    "cour",
    "gericht",
    "sąd",
    "policía",
    "polizia",
    "polizei",
    "policja",
    "kremlin",
    "élysée",
    "elysee",
    "quirinale",
    "bundestag",
    "bundesrat",
    "bundesbank",
    "sejm",
    "duma",
    "rada",
    "knesset",
    "prokuratura",
    "banco",
    "banca",
    "banque",
    "klub",
    "verein",
    "società",
    "sociedad",
    "empresa",
    "consejo",
    "consiglio",
    "conseil",
    "rat",
    "rada",
    "generalitat",
    "junta",
    "xunta",
];

/// More institution words, beside [`INSTITUTIONS`].
const MORE_INSTITUTIONS: &[&str] = &[
    "university",
    "school",
    "hospital",
    "institute",
    "foundation",
    "fund",
    "trust",
    "charity",
    "service",
    "bureau",
    "directorate",
    "inspectorate",
    "secretariat",
    "centre",
    "center",
    "museum",
    "church",
    "diocese",
    "province",
    "region",
    "municipality",
    "county",
    "district",
    "league",
    "treasury",
    "pentagon",
    "élysée",
    "kremlin",
    "prosecution",
    "watchdog",
    "consortium",
    "conglomerate",
    "exchange",
    "institution",
    "body",
    "unit",
    "brigade",
    "corps",
    "command",
    "club",
    "fc",
    "ngo",
    "bloc",
    "junta",
    "side",
];

/// Acronyms that name people, not institutions.
const PERSON_ACRONYMS: &[&str] = &[
    "AMLO", "MBS", "MBZ", "JFK", "RFK", "AOC", "MLK", "LBJ", "FDR", "DJ",
];

/// More words for people, beside [`PERSON_WORDS`].
const MORE_PERSON_WORDS: &[&str] = &[
    "owner",
    "daughter",
    "son",
    "wife",
    "husband",
    "mother",
    "father",
    "woman",
    "man",
    "girl",
    "boy",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "player",
    "striker",
    "goalkeeper",
    "pope",
    "bishop",
    "archbishop",
    "cardinal",
    "patriarch",
    "imam",
    "rabbi",
    "priest",
    "officer",
    "soldier",
    "analyst",
    "economist",
    "expert",
    "professor",
    "researcher",
    "scientist",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "resident",
    "witness",
    "victim",
    "survivor",
    "voter",
    "candidate",
    "activist",
    "journalist",
    "reporter",
    "editor",
    "correspondent",
    "author",
    "writer",
    "actor",
    "actress",
    "singer",
    "artist",
    "executive",
    "boss",
    "member",
    "deputy",
    "mp",
    "senator",
    "representative",
    "lawmaker",
    "legislator",
    "diplomat",
    "adviser",
    "advisor",
    "aide",
    "banker",
    "trader",
    "farmer",
    "worker",
    "employee",
    "driver",
    "pilot",
    "fan",
    "supporter",
    "citizen",
    "people",
    "prince",
    "princess",
    "duke",
    "duchess",
    "emperor",
    "sheikh",
    "ayatollah",
    "lama",
    "rev",
    "sir",
    "lord",
    "lady",
    "dame",
    "mp",
    "mep",
    "coordinator",
    "negotiator",
    "inspector",
    "sergeant",
    "colonel",
    "lieutenant",
    "major",
    "admiral",
    "marshal",
    "speaker",
    "governor",
    "mayor",
    "counsel",
    "vice",
    "deputy",
    "presenter",
    "host",
    "commentator",
    "observer",
    "founder",
    "investor",
    "shareholder",
    "user",
    "client",
    "customer",
    "patient",
    "child",
    "mr.",
    "mrs.",
];

fn is_person_word(w: &str) -> bool {
    let l = w.to_lowercase();
    let l = crate::lexicon::strip_possessive(&l);
    let singular = l.strip_suffix('s').unwrap_or(l);
    [l, singular]
        .iter()
        .any(|x| PERSON_WORDS.contains(x) || MORE_PERSON_WORDS.contains(x))
}

/// A word for one person (“spokesman”, “her”), not a plural (“farmers union”, “reporters”).
fn is_singular_person_word(w: &str) -> bool {
    let l = w.to_lowercase();
    (PERSON_WORDS.contains(&l.as_str()) || MORE_PERSON_WORDS.contains(&l.as_str()))
        && !matches!(l.as_str(), "people" | "who" | "whose" | "whom")
}

fn is_institution_word(w: &str) -> bool {
    let l = w.to_lowercase();
    let l = crate::lexicon::strip_possessive(&l);
    INSTITUTIONS.contains(&l) || MORE_INSTITUTIONS.contains(&l) || FOREIGN_INSTITUTIONS.contains(&l)
}

/// Prepositions that end the head of a noun phrase (“Department of Civil Protection”).
const HEAD_ENDS: &[&str] = &[
    "of", "at", "for", "from", "in", "on", "with", "de", "del", "di", "du", "des", "da", "do",
    "der", "von", "di",
];

/// Does this subject name a country or an institution, and no person? The head is the part
/// before the first preposition, after the last possessive (“the ministry’s spokesman”).
/// Nouns that, right before a capitalised name, say it is an organisation: “the energy supplier
/// Noordveld Energie”, “the carmaker Stellantis”.
const ORGANISATION_NOUNS: &[&str] = &[
    "supplier",
    "corporation",
    "giant",
    "exporter",
    "importer",
    "shipbuilder",
    "cooperative",
    "holding",
    "firm",
    "group",
    "carmaker",
    "automaker",
    "airline",
    "insurer",
    "retailer",
    "broadcaster",
    "operator",
    "maker",
    "manufacturer",
    "producer",
    "utility",
    "lender",
    "startup",
    "conglomerate",
    "chipmaker",
    "miner",
    "developer",
    "publisher",
    "newspaper",
    "network",
    "channel",
    "brewer",
    "distributor",
    "contractor",
    "consortium",
    "foundation",
    "charity",
    "association",
    "federation",
    "organisation",
    "organization",
    "regulator",
];

/// Names the article itself introduces as organisations (“the energy supplier Noordveld
/// Energie” makes “Noordveld” and “Noordveld Energie” organisations in that article).
fn article_organisations(article: &Article) -> Vec<String> {
    let words: Vec<&str> = article.words().map(|t| article.slice(t.span)).collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if !(ORGANISATION_NOUNS.contains(&lower.as_str()) || INSTITUTIONS.contains(&lower.as_str()))
            || capitalised(w)
        {
            continue;
        }
        let name: Vec<&str> = words[k + 1..]
            .iter()
            .take(4)
            .take_while(|w| capitalised(w) && !is_person_word(w))
            .copied()
            .collect();
        if name.is_empty() || name.iter().any(|w| words::is_proper_noun(w)) {
            continue;
        }
        out.push(name[0].to_string());
        out.push(name.join(" "));
    }
    out
}

fn names_institution(subject: &[&str]) -> bool {
    // An opening adverbial without its comma: "On Monday AFAD said".
    let subject = match subject.first() {
        Some(w) if super::OPENERS.contains(w) && subject.len() > 2 => &subject[2..],
        _ => subject,
    };
    let possessive = |w: &&str| w.ends_with("’s") || w.ends_with("'s");
    if subject.iter().any(|w| !possessive(w) && is_person_word(w)) {
        return false;
    }
    let cut = subject
        .iter()
        .position(|w| HEAD_ENDS.contains(w))
        .unwrap_or(subject.len());
    let mut head = &subject[..cut];
    if let Some(p) = head.iter().rposition(possessive) {
        if p + 1 < head.len() {
            head = &head[p + 1..];
        }
    }
    let the = head.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let bare: Vec<&str> = head.iter().skip(usize::from(the)).copied().collect();
    if bare.is_empty() {
        return false;
    }
    let c = countries();
    let joined = bare.join(" ");
    if c.by_name(&joined).is_some() || c.is_capital(&joined) {
        return true;
    }
    if bare.iter().any(|w| is_institution_word(w)) {
        return true;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // "The Bundesbank", "The Élysée": people do not take "the".
    if the && bare.len() <= 3 && bare.iter().all(capitalised) {
        return true;
    }
    // "AFAD said he": an acronym as the whole subject.
    if bare.len() == 1 {
        let w = bare[0];
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '.')
            && !PERSON_ACRONYMS.contains(&w)
        {
            return true;
        }
    }
    false
}

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
                    Example::flag("Ukraine has made clear that she will not accept a ceasefire."),
                    Example::flag("A court ordered the energy supplier Noordveld Energie to repay customers. Noordveld said she would appeal."),
                    Example::flag("Russia’s state corporation Rosatom won the tender in June. Rosatom said he would hand over the documents."),
                    Example::pass("The energy supplier Noordveld Energie lost. Its chief executive, Anouk de Vries, said she would appeal."),
                    Example::flag("Meloni said the government has confirmed that he will cover the costs."),
                    Example::pass("The minister has made clear that she will not resign."),
                    Example::pass("Anna Berg, who heads the agency, has repeatedly said she would stay."),
                    Example::flag("Talks stalled, while the Poland, facing elections, announced she would veto the plan."),
                    Example::pass("Germany's chancellor said she was ready to help."),
                    Example::pass("France, whose president was abroad, said he would return."),
                    Example::pass("The minister said she would respond on Monday."),
                    Example::pass("Asked about Italy, Meloni said she would not comment."),
                    Example::pass("Spain said it was ready to help."),
                    Example::fixed(
                        "The Civil Protection Department said she had moved 2,000 people.",
                        "The Civil Protection Department said it had moved 2,000 people.",
                    ),
                    Example::flag("The National Prosecutor’s Office said she would also appeal."),
                    Example::flag("Universidad de Chile said she would appeal the ban."),
                    Example::flag("The Bundesbank said she saw no recession."),
                    Example::flag("The VDA, the association of carmakers in Germany, said he expected exports to shrink."),
                    Example::flag("On Monday AFAD said he had sent 1,200 rescuers."),
                    Example::pass("A spokeswoman for the ministry said she would respond."),
                    Example::flag("The FNSEA, the main farmers union, said that she would maintain the blockades."),
                    Example::flag("The two sides agreed to talk. The Chinese side said she was firmly opposed."),
                    Example::pass("The striker was substituted at half-time. The club said he would miss three weeks."),
                    Example::pass("Maria Lopez joined the bank in 2010. The bank said she would leave in June."),
                    Example::flag("Tusk told reporters the protest must go on. Ukraine said she regretted it."),
                    Example::flag("Shares in Porsche SE dropped 2.9%. The VDA, the carmakers' association, said he expected exports to shrink."),
                    Example::pass("Joachim Nagel of the central bank said he saw no recession."),
                    Example::pass("The ministry's spokesman said he would respond; AMLO said he agreed."),
                    Example::fixed(
                        "The minister said that Poland will keep her national ban on wheat.",
                        "The minister said that Poland will keep its national ban on wheat.",
                    ),
                    Example::pass("Queen Margrethe died on Sunday. Denmark will honour her memory with a day of mourning."),
                    Example::pass("Poland will keep its national ban; Britain will miss her."),
                    Example::flag("Kenya has positioned herself as a hub for farm finance."),
                    Example::pass("Bank of England governor Andrew Bailey said he was worried."),
                    Example::pass("Officials at the ministry said he had left; Volkswagen's Oliver Blume said he expected losses."),
                    Example::flag("Hungary said on Wednesday that she was considering a ban."),
                    Example::flag("Schifani asked for help. The Region said that she is ready to allocate funds."),
                    Example::pass("The minister said on Wednesday that she was considering a ban."),
                    Example::flag("Morocco is betting on rail ahead of the World Cup, which it will co-host with Spain, and she has earmarked 96 billion dirhams."),
                    Example::flag("Bulgaria, which joined the European Union in 2007, had hoped to adopt the euro earlier, but she repeatedly missed the inflation criterion."),
                    Example::flag("Hungary, which at one point offered to co-finance the line, pulled out in 2019 after she could not agree terms."),
                    Example::pass("Hungary hired Anna Kovács as coach in 2019, after she had won two titles."),
                    Example::flag("Denmark, which takes part in the EU civil protection mechanism, said she had already received pumps."),
                    Example::flag("Officials said Cambodia would send her largest ever trade delegation to Manila."),
                    Example::pass("Bulgaria, which its finance minister Lyudmila Petkova defended, had hoped to adopt the euro earlier, but she said the criterion was unfair."),
                    Example::flag("Romania has to finish the projects by August, otherwise she risks losing the money."),
                    Example::pass("Romania hired Maria Ionescu as coach, and she has won two titles since."),
                    Example::pass("Spain beat Italy on Sunday, and she scored twice, said the coach of the women's team."),
                    Example::pass("Poland is hosting the summit, and it has invited 40 leaders."),
                    Example::flag("Ben-David said that Israel cannot rely on the rain anymore and that she must continue to build plants."),
                    Example::pass("Anna Cohen said that Israel cannot rely on the rain and that she must retire next year."),
                ],
            ),
        }
    }
}

/// Words that join a second clause with the same subject: “…, and she has earmarked”,
/// “…, otherwise she risks”.
const CLAUSE_LINKS: &[&str] = &["and", "but", "otherwise", "so", "yet", "while"];

/// Words that open a clause of time or cause with the same subject: “… pulled out after she
/// could not agree terms”.
const SUBORDINATORS: &[&str] = &[
    "after", "because", "when", "until", "since", "although", "though", "before", "once", "unless",
];

impl GenderedInstitution {
    /// “Morocco is betting on rail …, and she has earmarked …”: a sentence whose subject is a
    /// country, then “he” or “she” opening a joined clause, with no person named in between.
    fn coordinated_clause(
        &self,
        article: &Article,
        si: usize,
        toks: &[&Token],
        out: &mut Vec<Diagnostic>,
    ) {
        let c = countries();
        let text = |i: usize| toks.get(i).map(|t| article.slice(t.span)).unwrap_or("");
        // The country is the subject: a verb follows (“is”, “has”, “said”, “will”, “cannot”).
        let is_verb = |w: &str| {
            AUXILIARIES.contains(&w)
                || matches!(
                    w,
                    "is" | "was"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "must"
                        | "cannot"
                        | "can"
                        | "could"
                        | "should"
                        | "did"
                        | "does"
                        | "may"
                        | "might"
                )
                || ((w.ends_with("ed") || w.ends_with('s')) && w.len() > 3)
        };
        // The country opens the sentence or a reported clause (“… said that Israel cannot”).
        // An aside may stand between the country and its verb (“Bulgaria, which joined the EU in
        // 2007, had hoped …”): the verb after its closing comma.
        let after_aside = |j: usize| -> usize {
            if text(j + 1) != "," || !matches!(text(j + 2), "which" | "already" | "once" | "long") {
                return j + 1;
            }
            (j + 3..toks.len().min(j + 32))
                .find(|&k| text(k) == ",")
                .map_or(j + 1, |k| k + 1)
        };
        let Some(j) = (0..toks.len().min(40)).find(|&j| {
            (j == 0 || text(j - 1) == "that")
                && c.by_name(text(j)).is_some()
                && is_verb(text(after_aside(j)))
        }) else {
            return;
        };
        let subject = toks[j];
        let country = article.slice(subject.span);
        for (k, tok) in toks.iter().enumerate().skip(j + 3) {
            let p = article.slice(tok.span);
            // “…, and she has”, “…, otherwise she risks”, “… and that she must”.
            let joined = (CLAUSE_LINKS.contains(&text(k - 1)) && text(k - 2) == ",")
                || (text(k - 1) == "that" && text(k - 2) == "and")
                // “pulled out in 2019 after she could not agree”: a clause of time or cause.
                || SUBORDINATORS.contains(&text(k - 1));
            if !(p == "she" || p == "he") || !joined {
                continue;
            }
            // The next word is a verb of the clause: “she has”, “she risks”, “she repeatedly
            // missed”.
            let verb = if text(k + 1).ends_with("ly") && text(k + 1).len() > 4 {
                text(k + 2)
            } else {
                text(k + 1)
            };
            if !is_verb(verb) {
                continue;
            }
            // A person named in between may be who “she” is: a word for a person, a given name,
            // or a title.
            let named_between = (j + 1..k - 2).any(|a| {
                let w = text(a);
                is_singular_person_word(w)
                    || is_person_word(w)
                    || crate::lexicon::given_names::gender(w).is_some()
                    || matches!(w, "Mr" | "Mrs" | "Ms" | "Dr")
            });
            if named_between || person_before_as(article, si, subject.span.start, p, false) {
                return;
            }
            let pspan = tok.span;
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    pspan,
                    format!("“{p}” refers to “{country}”: English uses “it” for a country"),
                )
                .with_related(subject.span, "the country")
                .with_help("Use “it”.")
                .with_fix(Fix::unsafe_(pspan, "it")),
            );
            return;
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
        let mut organisations: Option<Vec<String>> = None;
        for (si, s) in article.sentences.iter().enumerate() {
            let toks: Vec<&Token> = article
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.kind != TokenKind::Quote)
                .collect();
            let text = |i: usize| toks.get(i).map(|t| article.slice(t.span)).unwrap_or("");
            // “Poland will keep her national ban”: a country, a modal, a verb, then “her” or
            // “his” before a noun.
            for j in 0..toks.len().saturating_sub(4) {
                let country = text(j);
                let clause_start = j == 0
                    || matches!(
                        text(j - 1),
                        "that" | "," | "and" | "but" | "while" | "because" | "said" | "says"
                    )
                    || (text(j - 1).eq_ignore_ascii_case("the")
                        && (j == 1 || matches!(text(j - 2), "that" | "," | "and" | "but")));
                if !clause_start
                    || c.by_name(country).is_none()
                    || !matches!(
                        text(j + 1),
                        "will"
                            | "would"
                            | "must"
                            | "should"
                            | "can"
                            | "could"
                            | "shall"
                            | "has"
                            | "had"
                    )
                    || !text(j + 2).chars().all(|ch| ch.is_lowercase())
                {
                    continue;
                }
                // “her ban” (a noun follows) or “herself”.
                let possessive = text(j + 3);
                let reflexive = matches!(possessive, "herself" | "himself");
                if !(reflexive
                    || (matches!(possessive, "her" | "his")
                        && text(j + 4).chars().next().is_some_and(char::is_lowercase)
                        && toks.get(j + 4).is_some_and(|t| t.kind == TokenKind::Word)))
                {
                    continue;
                }
                let as_subject = if possessive.starts_with('h') && possessive.contains("er") {
                    "she"
                } else {
                    "he"
                };
                let subject_span = toks[j].span;
                if person_before_as(article, si, subject_span.start, as_subject, false) {
                    continue;
                }
                let pspan = toks[j + 3].span;
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        pspan,
                        format!(
                            "“{possessive}” refers to “{country}”: English uses “{}” for a country",
                            if reflexive { "itself" } else { "its" }
                        ),
                    )
                    .with_related(subject_span, "the country")
                    .with_help("Use “its” (or “itself”).")
                    .with_fix(Fix::unsafe_(
                        pspan,
                        if reflexive { "itself" } else { "its" },
                    )),
                );
            }
            self.coordinated_clause(article, si, &toks, out);
            for j in 1..toks.len() {
                // “said”, “made clear”, “made it clear”.
                let made_clear = text(j) == "clear"
                    && (MADE.contains(&text(j - 1))
                        || (text(j - 1) == "it" && j >= 2 && MADE.contains(&text(j - 2))));
                if !SPEECH_VERBS.contains(&text(j)) && !made_clear {
                    continue;
                }
                // Where the verb group starts: back over “made (it)”, auxiliaries and adverbs
                // (“the government has confirmed”, “Ukraine has made clear”).
                let mut vs = j;
                if made_clear {
                    vs -= if text(j - 1) == "it" { 2 } else { 1 };
                }
                while vs > 1 && AUXILIARIES.contains(&text(vs - 1)) {
                    vs -= 1;
                }
                let mut k = j + 1;
                // “Hungary said on Wednesday that she …”: a day between the verb and “that”.
                if text(k) == "on"
                    && crate::article::dateline::WEEKDAYS.contains(&text(k + 1))
                    && text(k + 2) == "that"
                {
                    k += 2;
                } else if matches!(text(k), "yesterday" | "today") && text(k + 1) == "that" {
                    k += 1;
                }
                if text(k) == "that" {
                    k += 1;
                }
                let p = text(k);
                if !(is_pronoun(p) && (p == "he" || p == "she")) {
                    continue;
                }
                // An aside between commas before the verb: "Germany, already hit, said".
                let mut end = vs;
                if text(vs - 1) == "," {
                    let Some(open) = (vs.saturating_sub(18)..vs - 1)
                        .rev()
                        .find(|&o| text(o) == ",")
                    else {
                        continue;
                    };
                    let aside_names_person = (open + 1..vs - 1).any(|a| {
                        let a = text(a);
                        is_singular_person_word(a)
                            || (a.chars().next().is_some_and(char::is_uppercase)
                                // An acronym (“the EU”, “NATO”) names no person.
                                && !a.chars().all(|ch| ch.is_uppercase() || ch == '.')
                                && c.by_name(a).is_none()
                                && c.by_demonym(a).is_none()
                                && !is_institution_word(a))
                    });
                    if aside_names_person {
                        continue;
                    }
                    end = open;
                }
                // The subject: the words before it, back to the start of the clause.
                let mut start = end;
                while start > 0
                    && end - start < MAX_SUBJECT
                    && toks[start - 1].kind == TokenKind::Word
                    && !CLAUSE_STARTS.contains(&text(start - 1).to_lowercase().as_str())
                {
                    start -= 1;
                }
                if start == end || end - start >= MAX_SUBJECT {
                    continue;
                }
                let subject: Vec<&str> = (start..end).map(text).collect();
                let mut known_organisation = || {
                    let bare = subject
                        .iter()
                        .copied()
                        .filter(|w| *w != "The" && *w != "the");
                    let joined = bare.collect::<Vec<_>>().join(" ");
                    organisations
                        .get_or_insert_with(|| article_organisations(article))
                        .contains(&joined)
                };
                if !names_institution(&subject) && !known_organisation() {
                    continue;
                }
                let subject_span = Span::new(toks[start].span.start, toks[end - 1].span.end);
                // “The striker limped off. The club said he …”: a person just named is what
                // “he” means.
                if person_before(article, si, subject_span.start, p) {
                    continue;
                }
                let pspan = toks[k].span;
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(toks[j].span.start, pspan.end),
                        format!(
                            "“{p}” refers to “{}”: English uses “it” for a country or institution",
                            article.slice(subject_span)
                        ),
                    )
                    .with_related(subject_span, "the country or institution")
                    .with_help("Use “it”.")
                    .with_fix(Fix::unsafe_(pspan, "it")),
                );
            }
        }
    }
}
