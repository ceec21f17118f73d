//! `kind = "facts"`: what a newsroom knows, checked against the article and its date.
//!
//! - `[[rule.person]]`: `name` (canonical spelling), `misspellings` (wrong full-name forms,
//!   flagged with the canonical name as a safe fix), and `[[rule.person.office]]` tables:
//!   `title`, `aliases`, `country`, `start`, `end` (YYYY-MM-DD; no `end` = still in office). A
//!   title written directly before the person's name (“Secretary of State Mike Pompeo”) is
//!   checked against the article's date; “former”, “ex-”, “then-” and “late” are respected.
//! - `[[rule.event]]`: `name`, `aliases`, `subjects` (names that tie a sentence to the event),
//!   `start_year`, `note`. “first erupted / began / started / broke out in YEAR” next to a subject
//!   is checked against `start_year`. `[[rule.event.claim]]` (`words`, `year`, `note`): the
//!   words said of the event with that year are wrong (“full control … in 2020”).

use super::Common;
use crate::article::Article;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Span};
use crate::rules::file::{RuleSpec, SpecError};
use crate::rules::{Rule, RuleMeta};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    pub name: String,
    #[serde(default)]
    pub misspellings: Vec<String>,
    #[serde(default)]
    pub office: Vec<OfficeSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeSpec {
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: String,
    pub start: String,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub subjects: Vec<String>,
    pub start_year: i32,
    pub note: Option<String>,
    /// Claims about the event that are wrong for a given year.
    #[serde(default)]
    pub claim: Vec<ClaimSpec>,
    /// Phrases naming the event's outbreak (“full-scale invasion”): a relative year written with
    /// one (“the full-scale invasion last year”) must fit `start_year` on the article's date.
    #[serde(default)]
    pub start_phrases: Vec<String>,
}

impl EventSpec {
    /// The event's note in brackets for a message (“ (first war 1988–1994, …)”), or nothing.
    fn note_suffix(&self) -> String {
        self.note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default()
    }
}

/// `[[rule.event.claim]]`: `words` said of the event in `year` are wrong; `note` says what is
/// right (“full control” of Nagorno-Karabakh “in 2020”: only in 2023).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    pub words: Vec<String>,
    pub year: i32,
    pub note: String,
}

struct Office {
    person: usize,
    titles: Vec<String>,
    country: String,
    title: String,
    start: NaiveDate,
    end: Option<NaiveDate>,
}

impl Office {
    /// Was the office held on `on` (a term without an end is still held)?
    fn held_on(&self, on: NaiveDate) -> bool {
        self.start <= on && self.end.is_none_or(|e| on <= e)
    }
}

struct Person {
    name: String,
    /// The name's words, folded (lower case, no diacritics).
    folded: Vec<String>,
}

/// Lower case without diacritics: “Sánchez” → “sanchez”.
fn fold_name(w: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if w.bytes().all(|b| b.is_ascii_lowercase()) {
        return std::borrow::Cow::Borrowed(w);
    }
    if w.is_ascii() {
        return std::borrow::Cow::Owned(w.to_ascii_lowercase());
    }
    std::borrow::Cow::Owned(
        w.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Name particles, never an anchor for a near miss.
fn is_particle(folded: &str) -> bool {
    folded.chars().count() < 3
        || matches!(
            folded,
            "bin" | "ibn" | "von" | "van" | "der" | "den" | "del" | "dos" | "das"
        )
}

/// The events' start phrases: found cheaply by `ac`, then read with `re` (a start phrase with a
/// relative year) in their sentence only; `which` maps a lower-cased phrase to its event.
struct RelativeStarts {
    re: Regex,
    ac: AhoCorasick,
    which: rustc_hash::FxHashMap<String, usize>,
}

pub struct FactsRule {
    common: Common,
    people: Vec<Person>,
    offices: Vec<Office>,
    events: Vec<EventSpec>,
    /// Every claim's words, case-insensitive (see [`FactsRule::event_claims`]).
    claim_words: Option<Regex>,
    /// Start phrases with a relative year (see [`FactsRule::event_relative_starts`]).
    relative_starts: Option<RelativeStarts>,
    /// Each folded name word (not a particle) → (person, word index), for near misses.
    anchors: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
    /// Misspellings → person index.
    misspelt: Option<(AhoCorasick, Vec<usize>)>,
    /// Full names and surnames → person index.
    names: Option<(AhoCorasick, Vec<usize>)>,
}

fn date(s: &str, span: std::ops::Range<usize>, what: &str) -> Result<NaiveDate, SpecError> {
    crate::article::dateline::parse_iso(s).ok_or_else(|| {
        SpecError::new(
            span,
            format!("invalid {what} date `{s}`"),
            "expected YYYY-MM-DD",
        )
    })
}

pub fn compile(spec: &RuleSpec, common: Common) -> Result<Box<dyn Rule>, SpecError> {
    spec.only(&["person", "event"])?;
    let mut people = Vec::new();
    let mut offices = Vec::new();
    let mut mis_patterns = Vec::new();
    let mut mis_owner = Vec::new();
    let mut name_patterns = Vec::new();
    let mut name_owner = Vec::new();
    if let Some(ps) = &spec.person {
        for (i, p) in ps.get_ref().iter().enumerate() {
            let surname = p.name.rsplit(' ').next().unwrap_or(&p.name).to_string();
            for m in &p.misspellings {
                mis_patterns.push(m.clone());
                mis_owner.push(i);
            }
            name_patterns.push(p.name.clone());
            name_owner.push(i);
            if surname != p.name {
                name_patterns.push(surname.clone());
                name_owner.push(i);
            }
            for o in &p.office {
                let start = date(&o.start, ps.span(), "office start")?;
                let end = o
                    .end
                    .as_deref()
                    .map(|e| date(e, ps.span(), "office end"))
                    .transpose()?;
                if end.is_some_and(|e| e < start) {
                    return Err(SpecError::new(
                        ps.span(),
                        format!("{}: office ends before it starts", p.name),
                        "dates",
                    ));
                }
                let mut titles = vec![o.title.clone()];
                titles.extend(o.aliases.iter().cloned());
                offices.push(Office {
                    person: i,
                    titles,
                    country: o.country.clone(),
                    title: o.title.clone(),
                    start,
                    end,
                });
            }
            people.push(Person {
                name: p.name.clone(),
                folded: p
                    .name
                    .split(' ')
                    .map(|w| fold_name(w).into_owned())
                    .collect(),
            });
        }
    }
    let build = |patterns: &[String]| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .map_err(|e| {
                SpecError::new(
                    spec.id.span(),
                    format!("cannot build matcher: {e}"),
                    "facts",
                )
            })
    };
    let misspelt = if mis_patterns.is_empty() {
        None
    } else {
        Some((build(&mis_patterns)?, mis_owner))
    };
    let names = if name_patterns.is_empty() {
        None
    } else {
        Some((build(&name_patterns)?, name_owner))
    };
    let events = spec
        .event
        .as_ref()
        .map(|e| e.get_ref().clone())
        .unwrap_or_default();
    let mut anchors: rustc_hash::FxHashMap<String, Vec<(usize, usize)>> = Default::default();
    for (pi, p) in people.iter().enumerate() {
        for (k, f) in p.folded.iter().enumerate() {
            if !is_particle(f) {
                anchors.entry(f.clone()).or_default().push((pi, k));
            }
        }
    }
    // Every event's start phrases, with a relative year after or before them.
    let phrases: Vec<(String, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(k, e)| e.start_phrases.iter().map(move |p| (p.to_lowercase(), k)))
        .collect();
    let relative_starts = (!phrases.is_empty())
        .then(|| {
            let alt = phrases
                .iter()
                .map(|(p, _)| regex::escape(p))
                .collect::<Vec<_>>()
                .join("|");
            let rel = r"last year|this year|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago";
            Regex::new(&format!(
                r"(?i)\b(?:(?P<p>{alt})(?:\s+(?:of|in|on|against)\s+\p{{Lu}}\w*)?,?\s+(?P<rel>{rel})|(?P<rel2>last year|this year)['’]s\s+(?P<p2>{alt}))\b"
            ))
            .ok()
            .zip(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .build(phrases.iter().map(|(p, _)| p))
                    .ok(),
            )
            .map(|(re, ac)| RelativeStarts {
                re,
                ac,
                which: phrases.into_iter().collect(),
            })
        })
        .flatten();
    // Any claim's words, any case: articles without them skip the claim check.
    let claim_words = events
        .iter()
        .flat_map(|e| e.claim.iter().flat_map(|c| c.words.iter()))
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>();
    let claim_words = (!claim_words.is_empty())
        .then(|| Regex::new(&format!("(?i){}", claim_words.join("|"))).ok())
        .flatten();
    Ok(Box::new(FactsRule {
        common,
        relative_starts,
        claim_words,
        anchors,
        people,
        offices,
        events,
        misspelt,
        names,
    }))
}

fn origin_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:first\s+)?(?:erupted|began|started|broke\s+out|flared\s+up)\s+in\s+(?P<y>(?:1[89]|20)\d{2})\b")
            .expect("static regex")
    })
}

/// The verbs of [`origin_re`], found without word boundaries.
fn origin_verbs_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)erupted|began|started|broke|flared").expect("static regex"))
}

const CONFLICT_NOUNS: &[&str] = &[
    "conflict",
    "war",
    "dispute",
    "fighting",
    "clashe",
    "feud",
    "crisi",
    "insurgency",
    "uprising",
    "hostilitie",
];

fn floor(t: &str, i: usize) -> usize {
    crate::article::position::floor_char_boundary(t, i)
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

impl FactsRule {
    fn diag(&self, span: Span, message: String) -> Diagnostic {
        let mut d = Diagnostic::new(
            &self.common.meta.id,
            self.common.meta.severity,
            span,
            message,
        );
        if !self.common.meta.help.is_empty() {
            d = d.with_help(&self.common.meta.help);
        }
        d
    }

    fn misspellings(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let Some((ac, owner)) = &self.misspelt else {
            return;
        };
        let text = &article.text;
        for m in ac.find_iter(text) {
            if super::touches_word(text, m.start(), m.end()) {
                continue;
            }
            let p = &self.people[owner[m.pattern().as_usize()]];
            let span = Span::new(m.start(), m.end());
            out.push(
                self.diag(
                    span,
                    format!(
                        "“{}” is a misspelling of “{}”",
                        &text[m.start()..m.end()],
                        p.name
                    ),
                )
                .with_fix(Fix {
                    edits: vec![Edit {
                        span,
                        replacement: p.name.clone(),
                    }],
                    applicability: Applicability::Safe,
                }),
            );
        }
    }

    /// A known person's name with one word one letter off: “Olaf Scholtz”, “Christine Lagard”,
    /// “Lula da Sylva”. At least one other word of the name must match exactly, so “Hunter
    /// Biden” or a namesake with another surname stays silent; diacritics alone are not a
    /// misspelling (“Sanchez” for “Sánchez” is house style).
    fn near_misses(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        use crate::article::TokenKind;
        // Words as written (possessive stripped); folded only where a name is tried.
        let words: Vec<(Span, &str)> = article
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| {
                let w = crate::lexicon::strip_possessive(article.slice(t.span));
                (Span::new(t.span.start, t.span.start + w.len()), w)
            })
            .collect();
        let anchors = &self.anchors;
        let already = |span: Span, out: &Vec<Diagnostic>| {
            out.iter().any(|d| {
                d.rule == self.common.meta.id && d.span.start < span.end && span.start < d.span.end
            })
        };
        for (pos, (_, w)) in words.iter().enumerate() {
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let Some(hits) = anchors.get(fold_name(w).as_ref()) else {
                continue;
            };
            for &(pi, k) in hits {
                let name = &self.people[pi].folded;
                // Windows of the name (two words or more) that contain the anchor word.
                'window: for s in 0..=k {
                    for e in (k + 1).max(s + 2)..=name.len() {
                        if pos < k - s || pos - (k - s) + (e - s) > words.len() {
                            continue;
                        }
                        let first = pos - (k - s);
                        let mut off = None;
                        for (n, want) in name[s..e].iter().enumerate() {
                            let (_, raw) = words[first + n];
                            let got = fold_name(raw);
                            if got == want.as_str() {
                                continue;
                            }
                            // Another real name or word is another person (John Terry is
                            // not a misspelt John Kerry).
                            let close = got.chars().count() >= 4
                                && want.chars().count() >= 4
                                && raw.chars().next().is_some_and(char::is_uppercase)
                                && !crate::lexicon::words::is_proper_noun(raw)
                                && !crate::lexicon::words::is_known(raw)
                                && crate::checks::names::variant_spelling::levenshtein(&got, want)
                                    == 1;
                            if off.is_some() || !close {
                                continue 'window;
                            }
                            off = Some(first + n);
                        }
                        let Some(o) = off else { continue };
                        // A transliteration variant is not a misspelling (Zelenskyy, Pashinian).
                        let Some(want) = self.people[pi].name.split(' ').nth(s + (o - first))
                        else {
                            continue 'window;
                        };
                        if crate::checks::names::variant_spelling::fold(words[o].1)
                            == crate::checks::names::variant_spelling::fold(want)
                        {
                            continue 'window;
                        }
                        let span = Span::new(words[first].0.start, words[first + e - s - 1].0.end);
                        if already(span, out) {
                            continue;
                        }
                        let fix = want.to_string();
                        out.push(
                            self.diag(
                                span,
                                format!(
                                    "“{}” looks like a misspelling of “{}”",
                                    article.slice(span),
                                    self.people[pi].name
                                ),
                            )
                            .with_fix(Fix {
                                edits: vec![Edit {
                                    span: words[o].0,
                                    replacement: fix,
                                }],
                                applicability: Applicability::Unsafe,
                            }),
                        );
                        break 'window;
                    }
                }
            }
        }
    }

    /// A title written before a known person that is not one of theirs but another office of
    /// their country, held by someone else on the article's date: “Economy Minister Matteo
    /// Salvini” when the Economy Minister was Giancarlo Giorgetti. Only flagged when the
    /// knowledge base knows who held that office then.
    #[allow(clippy::too_many_arguments)]
    fn wrong_title(
        &self,
        on: NaiveDate,
        pi: usize,
        before: &str,
        before_trim: &str,
        name: Span,
        out: &mut Vec<Diagnostic>,
    ) {
        let held = |x: &Office| x.held_on(on);
        let countries: Vec<&str> = self
            .offices
            .iter()
            .filter(|o| o.person == pi)
            .map(|o| o.country.as_str())
            .collect();
        // The longest title of an office of those countries held by another person then.
        let Some((title, other)) = self
            .offices
            .iter()
            .filter(|x| x.person != pi && held(x) && countries.contains(&x.country.as_str()))
            .flat_map(|x| x.titles.iter().map(move |t| (t, x)))
            .filter(|(t, _)| t.split_whitespace().count() >= 2 || t.len() >= 8)
            .filter(|(t, _)| ends_with_ci(before_trim, t))
            .max_by_key(|(t, _)| t.len())
        else {
            return;
        };
        if qualified(before_trim, title) {
            return;
        }
        // The person's own office then, if the knowledge base has one, for the message.
        let theirs = self
            .offices
            .iter()
            .find(|o| o.person == pi && held(o))
            .map(|o| format!("; {} was {} then", self.people[pi].name, o.title))
            .unwrap_or_default();
        // `before` runs from the sentence start to the name.
        let sentence_start = name.start - before.len();
        let span = Span::new(sentence_start + before_trim.len() - title.len(), name.end);
        out.push(self.diag(
            span,
            format!(
                "On {} the {} ({}) was {}, not {}{theirs}",
                fmt_date(on),
                other.title,
                other.country,
                self.people[other.person].name,
                self.people[pi].name
            ),
        ));
    }

    fn office_terms(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let (Some(on), Some((ac, owner))) = (article.date(), &self.names) else {
            return;
        };
        let text = &article.text;
        for m in ac.find_iter(text) {
            if super::touches_word(text, m.start(), m.end()) {
                continue;
            }
            let pi = owner[m.pattern().as_usize()];
            // “President Dan Smith”: the name goes on, so it is someone else's.
            let rest = &text[m.end()..];
            if rest.starts_with(' ')
                && rest
                    .trim_start_matches(' ')
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                continue;
            }
            let before =
                &text[article.sentence_at(m.start()).map_or(0, |s| s.span.start)..m.start()];
            let before_trim = before.trim_end();
            // The longest title of any of this person's offices written right before the name
            // (“Vice President” beats “President”).
            let own = self
                .offices
                .iter()
                .filter(|o| o.person == pi)
                .flat_map(|o| o.titles.iter())
                .filter(|t| ends_with_ci(before_trim, t))
                .max_by_key(|t| t.len());
            let Some(title) = own else {
                // Not one of this person's titles: someone else's office in one of this
                // person's countries (“Economy Minister Matteo Salvini” in 2024).
                self.wrong_title(
                    on,
                    pi,
                    before,
                    before_trim,
                    Span::new(m.start(), m.end()),
                    out,
                );
                continue;
            };
            // “former President”, and “Vice President”, “Deputy Prime Minister” when the
            // person has no such office listed: another office, not checked.
            if qualified(before_trim, title) {
                continue;
            }
            // Every office of this person with that title; fine if one of them was held then.
            let named: Vec<&Office> = self
                .offices
                .iter()
                .filter(|o| {
                    o.person == pi && o.titles.iter().any(|t| t.eq_ignore_ascii_case(title))
                })
                .collect();
            let held = |x: &Office| x.held_on(on);
            if named.iter().any(|o| held(o)) {
                continue;
            }
            // The term nearest the article's date, for the message.
            let distance = |o: &Office| {
                if on < o.start {
                    (o.start - on).num_days()
                } else {
                    o.end.map_or(0, |e| (on - e).num_days())
                }
            };
            let Some(o) = named.into_iter().min_by_key(|o| distance(o)) else {
                continue;
            };
            let holder = self
                .offices
                .iter()
                .find(|x| x.title == o.title && x.country == o.country && held(x))
                .map(|x| &self.people[x.person].name);
            let term = match o.end {
                Some(e) => format!("from {} to {}", fmt_date(o.start), fmt_date(e)),
                None => format!("from {}", fmt_date(o.start)),
            };
            let holder_note = holder
                .map(|h| format!("; on {} it was {h}", fmt_date(on)))
                .unwrap_or_default();
            let tspan = Span::new(
                before_trim.len() - title.len() + (m.start() - before.len()),
                m.end(),
            );
            out.push(self.diag(
                tspan,
                format!(
                    "{} was {} ({}) {term}, not on the article's date{holder_note}",
                    self.people[pi].name, o.title, o.country
                ),
            ));
        }
    }

    fn event_starts(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        // The full pattern has Unicode word boundaries (slow on non-ASCII text): it only runs
        // on sentences with one of its verbs.
        if self.events.is_empty() || !origin_verbs_re().is_match(&article.text) {
            return;
        }
        for (si, s) in article.sentences.iter().enumerate() {
            let t = article.slice(s.span);
            if !origin_verbs_re().is_match(t) {
                continue;
            }
            for caps in origin_re().captures_iter(t) {
                let (Some(y), Some(whole)) = (caps.name("y"), caps.get(0)) else {
                    continue;
                };
                let Ok(year) = y.as_str().parse::<i32>() else {
                    continue;
                };
                // The thing that began must be the conflict itself, not "the intervention".
                let from = floor(t, whole.start().saturating_sub(60));
                let lead = t[from..whole.start()].to_lowercase();
                if !lead
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| CONFLICT_NOUNS.contains(&w.trim_end_matches('s')))
                {
                    continue;
                }
                let block = article.blocks[s.block].sentences.clone();
                let near = si.saturating_sub(2).max(block.start)..(si + 3).min(block.end);
                let context: String = article.sentences[near]
                    .iter()
                    .map(|x| article.slice(x.span))
                    .collect::<Vec<_>>()
                    .join(" ");
                for e in &self.events {
                    let tied = e.subjects.iter().chain(e.aliases.iter()).any(|sub| {
                        context
                            .match_indices(sub.as_str())
                            .any(|(i, _)| !super::touches_word(&context, i, i + sub.len()))
                    });
                    if tied && (year - e.start_year).abs() > 1 {
                        let span =
                            Span::new(s.span.start + whole.start(), s.span.start + whole.end());
                        let note = e.note_suffix();
                        out.push(self.diag(
                            span,
                            format!("The {} began in {}, not {year}{note}", e.name, e.start_year),
                        ));
                        break;
                    }
                }
            }
        }
    }
}

impl FactsRule {
    /// “Russia's full-scale invasion last year” in a 2024 article: the invasion began in 2022.
    fn event_relative_starts(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let (Some(rs), Some(on)) = (&self.relative_starts, article.date()) else {
            return;
        };
        let (re, which) = (&rs.re, &rs.which);
        // The sentences with a start phrase, each once.
        let mut sentences: Vec<Span> = rs
            .ac
            .find_iter(&article.text)
            .filter_map(|m| article.sentence_at(m.start()).map(|s| s.span))
            .collect();
        sentences.dedup();
        for sentence in sentences {
            let base = sentence.start;
            for caps in re.captures_iter(article.slice(sentence)) {
                let (Some(whole), Some(phrase), Some(rel)) = (
                    caps.get(0),
                    caps.name("p").or_else(|| caps.name("p2")),
                    caps.name("rel").or_else(|| caps.name("rel2")),
                ) else {
                    continue;
                };
                let Some(&k) = which.get(&phrase.as_str().to_lowercase()) else {
                    continue;
                };
                let e = &self.events[k];
                let rel_l = rel.as_str().to_lowercase();
                let ago = |w: &str| match w {
                    "a" | "one" => Some(1),
                    "two" => Some(2),
                    "three" => Some(3),
                    "four" => Some(4),
                    "five" => Some(5),
                    "six" => Some(6),
                    "seven" => Some(7),
                    "eight" => Some(8),
                    "nine" => Some(9),
                    "ten" => Some(10),
                    n => n.parse::<i32>().ok(),
                };
                let years_back = match rel_l.as_str() {
                    "last year" => Some(1),
                    "this year" => Some(0),
                    r => r.split_whitespace().next().and_then(ago),
                };
                let Some(back) = years_back else { continue };
                let implied = on.year() - back;
                if implied == e.start_year {
                    continue;
                }
                let note = e.note_suffix();
                out.push(self.diag(
                    Span::new(base + whole.start(), base + whole.end()),
                    format!(
                        "The {} began in {}; “{}” in an article dated {} means {implied}{note}",
                        e.name,
                        e.start_year,
                        rel.as_str(),
                        fmt_date(on)
                    ),
                ));
            }
        }
    }

    /// A claim the knowledge base says is wrong for its year, in a sentence tied to the event.
    fn event_claims(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        if !self
            .claim_words
            .as_ref()
            .is_some_and(|re| re.is_match(&article.text))
        {
            return;
        }
        // Each claim's words in lower case, and the article's text: once per article.
        let claims: Vec<(&EventSpec, &ClaimSpec, String, Vec<String>)> = self
            .events
            .iter()
            .flat_map(|e| e.claim.iter().map(move |c| (e, c)))
            .map(|(e, c)| {
                let words = c.words.iter().map(|w| w.to_lowercase()).collect();
                (e, c, c.year.to_string(), words)
            })
            .collect();
        let lower_text = article.text.to_lowercase();
        for (si, s) in article.sentences.iter().enumerate() {
            let t = article.slice(s.span);
            let lower = match lower_text.get(s.span.start..s.span.end) {
                Some(l) if lower_text.len() == article.text.len() => std::borrow::Cow::Borrowed(l),
                _ => std::borrow::Cow::Owned(t.to_lowercase()),
            };
            if lower.len() != t.len() {
                // Offsets of the lower-cased copy must match the original.
                continue;
            }
            for (e, c, year, lowered) in &claims {
                let Some((at, word)) = c.words.iter().zip(lowered).find_map(|(w, lw)| {
                    lower
                        .match_indices(lw.as_str())
                        .find(|(i, m)| !super::touches_word(&lower, *i, i + m.len()))
                        .map(|(i, _)| (i, w))
                }) else {
                    continue;
                };
                // The lower-cased copy has the same length; a boundary that still differs
                // (a letter that changes width) is skipped rather than sliced.
                let Some(rest) = t.get(at..) else {
                    continue;
                };
                let Some(y) = rest
                    .match_indices(year.as_str())
                    .map(|(i, _)| at + i)
                    .find(|&i| !super::touches_word(t, i, i + year.len()) && i - at < 80)
                else {
                    continue;
                };
                let block = article.blocks[s.block].sentences.clone();
                let near = si.saturating_sub(2).max(block.start)..(si + 1).min(block.end);
                let tied = article.sentences[near].iter().any(|x| {
                    let ctx = article.slice(x.span);
                    e.subjects.iter().chain(e.aliases.iter()).any(|sub| {
                        ctx.match_indices(sub.as_str())
                            .any(|(i, _)| !super::touches_word(ctx, i, i + sub.len()))
                    })
                });
                // Or the whole article is about the event (its subject named twice).
                let about = || {
                    e.subjects.iter().chain(e.aliases.iter()).any(|sub| {
                        article
                            .text
                            .match_indices(sub.as_str())
                            .filter(|(i, _)| !super::touches_word(&article.text, *i, i + sub.len()))
                            .nth(1)
                            .is_some()
                    })
                };
                if !(tied || about()) {
                    continue;
                }
                let span = Span::new(s.span.start + at, s.span.start + y + year.len());
                out.push(self.diag(
                    span,
                    format!("“{word}” in {year} does not fit the {}: {}", e.name, c.note),
                ));
            }
        }
    }
}

/// Words before a title that make it another office, or another time: “former President”,
/// “Vice President”, “Deputy Prime Minister” (when the person has no such office listed).
const QUALIFIERS: &[&str] = &[
    "former",
    "ex-",
    "then-",
    "late",
    "previous",
    "one-time",
    "future",
    "incoming",
    "designate",
    "then",
    "ex",
    "vice",
    "deputy",
    "shadow",
    "alternate",
    "assistant",
    "under",
    "acting",
    "interim",
    "caretaker",
    "vice-",
    "co-",
];

/// Is `title`, which `before_trim` ends with, preceded by one of the [`QUALIFIERS`]?
fn qualified(before_trim: &str, title: &str) -> bool {
    let lead = before_trim[..before_trim.len() - title.len()]
        .trim_end()
        .to_lowercase();
    QUALIFIERS.iter().any(|w| lead.ends_with(w))
}

fn ends_with_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay.is_char_boundary(hay.len() - needle.len())
        && hay[hay.len() - needle.len()..].eq_ignore_ascii_case(needle)
        && hay[..hay.len() - needle.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

impl Rule for FactsRule {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        self.misspellings(article, out);
        self.near_misses(article, out);
        self.office_terms(article, out);
        self.event_starts(article, out);
        self.event_claims(article, out);
        self.event_relative_starts(article, out);
    }
}
