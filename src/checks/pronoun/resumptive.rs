use super::{is_pronoun, OPENERS, TIME_WORDS};
use crate::article::{Article, Token, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a pronoun that repeats a subject already named: “Olaf Scholz he stressed”,
“Prime Minister of Armenia Nikol Pashinyan he also talked”, “Spain and Portugal, old rivals,
they met”, “The coalition, which won the vote, it now faces”.

Why: many languages (and speech) allow a resumptive pronoun; written English does not. It is a
tell-tale of machine translation.

How: the subject must open the sentence (a run of capitalised words, or “The …”), optionally
followed by an aside between commas; the pronoun follows directly and is followed by a verb.
Adverbial openers (“After the vote, which …, he said”) are not subjects and stay silent.

Fix (unsafe): delete the pronoun.";

/// Lower-case job titles inside a subject: “Volkswagen chief executive Oliver Blume”.
const TITLE_WORDS: &[&str] = &[
    "chief",
    "executive",
    "officer",
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "director",
    "leader",
    "secretary",
    "general",
    "deputy",
    "foreign",
    "prime",
    "finance",
    "defence",
    "defense",
    "interior",
    "economy",
    "health",
    "justice",
    "coach",
    "manager",
    "striker",
    "captain",
    "chairman",
    "chairwoman",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "prosecutor",
    "judge",
    "founder",
    "analyst",
    "economist",
];

/// Verbs of saying and asserting, in the present and past.
const SAYING: &[&str] = &[
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "condemned",
    "condemns",
    "rejected",
    "rejects",
    "welcomed",
    "welcomes",
    "accused",
    "accuses",
    "demanded",
    "demands",
    "called",
    "calls",
    "urged",
    "urges",
    "promised",
    "promises",
    "added",
    "adds",
    "stressed",
    "stresses",
    "replied",
    "replies",
    "said",
    "says",
    "affirms",
    "affirmed",
    "declares",
    "declared",
    "states",
    "stated",
    "announces",
    "announced",
    "claims",
    "claimed",
    "insists",
    "insisted",
    "maintains",
    "maintained",
    "argues",
    "argued",
    "believes",
    "believed",
    "considers",
    "considered",
    "thinks",
    "thought",
    "warns",
    "warned",
    "denies",
    "denied",
];

pub struct Resumptive {
    meta: RuleMeta,
}

/// “…,” Mr. Huy he said: a name after a closing quotation mark, then a pronoun and a verb of
/// saying.
fn after_quotation_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r#"[”"»]\s+(?:the\s+(?:[\p{Ll}-]+\s+){1,3})?(?P<subject>(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s+(?P<p>he|she)\s+(?:said|says|added|told|stressed|noted|explained|insisted)\b"#)
            .expect("static regex")
    })
}

impl Resumptive {
    /// See [`after_quotation_re`]; a lone word must not be an English word (“Yesterday”).
    fn check_after_quotation(&self, article: &Article, sentence: Span) -> Option<Diagnostic> {
        let text = article.slice(sentence);
        if !(text.contains(" he ") || text.contains(" she ")) {
            return None;
        }
        let c = after_quotation_re().captures(text)?;
        let (subject, p) = (c.name("subject")?, c.name("p")?);
        let titled =
            subject.as_str().starts_with(['M', 'D', 'P']) && subject.as_str().contains(' ');
        if !titled && !subject.as_str().contains(' ') && words::is_known(subject.as_str()) {
            return None;
        }
        let pspan = Span::new(sentence.start + p.start(), sentence.start + p.end());
        let subject = Span::new(
            sentence.start + subject.start(),
            sentence.start + subject.end(),
        );
        Some(
            Diagnostic::new(
                &self.meta.id,
                self.meta.severity,
                pspan,
                format!(
                    "“{}” repeats the subject “{}”",
                    article.slice(pspan),
                    article.slice(subject)
                ),
            )
            .with_related(subject, "the subject")
            .with_help("Delete the pronoun: the subject is already named.")
            .with_fix(Fix::unsafe_(Span::new(pspan.start, pspan.end + 1), "")),
        )
    }

    pub fn new() -> Self {
        Resumptive {
            meta: crate::checks::meta(
                "pronoun/resumptive",
                Severity::Warning,
                "A pronoun repeating the subject just named",
                HELP,
                vec![
                    Example::flag("Dr. Prakash Thapa, a paediatrician at Kanti Children's Hospital, he said the number of patients rose."),
                    Example::flag("«It is the moment we waited for,» the chief architect Jordi Faulí he said at a press conference."),
                    Example::pass("«It is the moment we waited for,» the chief architect Jordi Faulí said at a press conference."),
                    Example::fixed(
                        "Olaf Scholz he stressed the need for calm.",
                        "Olaf Scholz stressed the need for calm.",
                    ),
                    Example::flag(
                        "Prime Minister of Spain Pedro Sánchez he also talked about the crisis.",
                    ),
                    Example::fixed(
                        "Spain and Portugal, old rivals, they met in Lisbon.",
                        "Spain and Portugal, old rivals, met in Lisbon.",
                    ),
                    Example::flag(
                        "The coalition, which won the vote, it now faces a budget crisis.",
                    ),
                    Example::flag("The opposition she affirms that the text is a copy."),
                    Example::fixed(
                        "Volkswagen chief executive Oliver Blume he told analysts the quarter would be hard.",
                        "Volkswagen chief executive Oliver Blume told analysts the quarter would be hard.",
                    ),
                    Example::pass("Volkswagen chief executive Oliver Blume told analysts he expected a hard quarter."),
                    Example::pass("The opposition she leads is small."),
                    Example::flag("The opposition she criticized the speed of the process."),
                    Example::pass("The agency, it said, would need more rescuers."),
                    Example::pass(
                        "After the vote, which was held on Sunday, he said he was tired.",
                    ),
                    Example::pass("The next day, a Sunday, they met again."),
                    Example::pass("Scholz told Reuters he would stay. Yesterday he left."),
                    Example::pass("Asked about the deal, she declined to comment."),
                    Example::pass("Maria Lopez, a nurse, said she had not slept."),
                    Example::pass("“The question for you,” she told the jury, “is whether you are sure.”"),
                    Example::pass("“Isn’t it the case, Ms Dunmore, that he said so?” Lang asked."),
                    Example::fixed(
                        "Speaking later in Ankara, President Recep Tayyip Erdoğan he said the state had kept its word.",
                        "Speaking later in Ankara, President Recep Tayyip Erdoğan said the state had kept its word.",
                    ),
                    Example::fixed(
                        "Speaking in Abeokuta on Tuesday, the party chairman, Kayode Adeniran, he said the vote was rigged.",
                        "Speaking in Abeokuta on Tuesday, the party chairman, Kayode Adeniran, said the vote was rigged.",
                    ),
                    Example::pass("After meeting Recep Tayyip Erdoğan, he said the talks went well."),
                    Example::pass("In a letter to the party chairman, Kayode Adeniran, he said the vote was rigged."),
                    Example::pass("When asked, he told Recep Tayyip Erdoğan he said nothing of the kind."),
                    Example::pass("On the way out, Angela Merkel, who was tired, said little."),
                    Example::flag("Bhupinder Singh Hooda lost. Speaking to reporters at his Rohtak residence, Hooda he said that the party fought well."),
                    Example::flag("The hospital director she said that elderly patients made up most of the cases."),
                    Example::flag("The project it was approved in August under the incentive scheme."),
                    Example::pass("The project it was part of collapsed. The director she hired left."),
                    Example::flag("Mr. Rezvani he said that the ministry had asked industry to cut use."),
                    Example::flag("“Hanoi cannot wait any longer,” Mr. Huy he said."),
                    Example::pass("“Hanoi cannot wait any longer,” Mr. Huy said. “Yesterday,” he said, “we met.”"),
                ],
            ),
        }
    }
}

impl Default for Resumptive {
    fn default() -> Self {
        Self::new()
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Rule for Resumptive {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for s in &article.sentences {
            let toks: Vec<&Token> = article
                .sentence_tokens(s)
                .iter()
                .filter(|t| t.kind != TokenKind::Quote)
                .collect();
            if let Some(d) = self
                .check_sentence(article, &toks)
                .or_else(|| self.check_after_opener(article, &toks))
                .or_else(|| self.check_after_quotation(article, s.span))
            {
                out.push(d);
            }
        }
    }
}

impl Resumptive {
    /// The subject after an opening clause: “Speaking in Ankara, President Recep Tayyip Erdoğan
    /// he said …”, “Speaking on Tuesday, the party chairman, Kayode Adeniran, he said …”. Only
    /// a pronoun directly before a verb of saying counts, and the subject must be a name of two
    /// capitalised words or more standing alone between the opener's comma and the pronoun.
    fn check_after_opener(&self, article: &Article, toks: &[&Token]) -> Option<Diagnostic> {
        let text = |i: usize| toks.get(i).map(|t| article.slice(t.span)).unwrap_or("");
        let j = (2..toks.len().saturating_sub(1))
            .find(|&j| is_pronoun(text(j)) && SAYING.contains(&text(j + 1)))?;
        // The name: capitalised words (and title words) back to a comma.
        let name_run = |end: usize| -> Option<(usize, usize)> {
            let mut k = end;
            let mut caps = 0;
            while k > 0 && toks[k - 1].kind == TokenKind::Word {
                let w = text(k - 1);
                if capitalised(w) {
                    caps += 1;
                } else if !TITLE_WORDS.contains(&w) {
                    return None;
                }
                k -= 1;
            }
            // One capitalised word will do when the article gives it as a name again
            // (“…, Hooda he said” after “Bhupinder Singh Hooda”).
            let last = text(end - 1);
            let known_name = caps == 1 && end - k == 1 && article.text.matches(last).count() >= 2;
            (k > 0 && text(k - 1) == "," && (caps >= 2 || known_name) && !words::is_known(last))
                .then_some((k, caps))
        };
        let (start, subject_end) = if text(j - 1) == "," {
            // “…, the party chairman, Kayode Adeniran, he said”: the appositive's head noun is
            // a title in its own comma segment beginning with a determiner.
            let (k, _) = name_run(j - 1)?;
            let mut h = k - 1;
            while h > 0 && toks[h - 1].kind == TokenKind::Word && h + 8 > k {
                h -= 1;
            }
            let head = text(h);
            let title = text(k - 2);
            if !(h > 0
                && text(h - 1) == ","
                && matches!(head, "the" | "its" | "their" | "his" | "her")
                && TITLE_WORDS.contains(&title))
            {
                return None;
            }
            (h, j - 1)
        } else {
            let (k, _) = name_run(j)?;
            (k, j)
        };
        let between = &article.text[toks[start].span.start..toks[j].span.start];
        if between.chars().any(crate::article::token::is_quote_char) {
            return None;
        }
        let subject = Span::new(toks[start].span.start, toks[subject_end - 1].span.end);
        Some(self.diagnostic(article, toks, j, subject))
    }

    /// The pronoun at `toks[j]` repeating `subject`, with the fix deleting it.
    fn diagnostic(
        &self,
        article: &Article,
        toks: &[&Token],
        j: usize,
        subject: Span,
    ) -> Diagnostic {
        let p = toks[j].span;
        let delete_end = toks.get(j + 1).map_or(p.end, |t| t.span.start);
        Diagnostic::new(
            &self.meta.id,
            self.meta.severity,
            p,
            format!(
                "“{}” repeats the subject “{}”",
                article.slice(p),
                article.slice(subject)
            ),
        )
        .with_related(subject, "the subject")
        .with_help("Delete the pronoun: the subject is already named.")
        .with_fix(Fix::unsafe_(Span::new(p.start, delete_end), ""))
    }

    fn check_sentence(&self, article: &Article, toks: &[&Token]) -> Option<Diagnostic> {
        let text = |i: usize| toks.get(i).map(|t| article.slice(t.span)).unwrap_or("");
        // “The project it was approved”: “it” or “they”, then a passive.
        let passive_at = |j: usize| {
            matches!(text(j), "it" | "they")
                && matches!(text(j + 1), "was" | "were")
                && text(j + 2).ends_with("ed")
        };
        let first = text(0);
        if first.is_empty() || OPENERS.contains(&first) || !capitalised(first) {
            return None;
        }
        // The subject: a run of capitalised words (with "of", "the", "and", "de", "von" inside),
        // or "The"/"A" + up to four words.
        // “Mr. Rezvani he said”: a title and its point open the subject.
        let titled = matches!(first, "Mr" | "Mrs" | "Ms" | "Dr" | "Prof") && text(1) == ".";
        let mut i = if titled { 2 } else { 0 };
        let mut caps = usize::from(titled);
        let starts_with_article = matches!(first, "The" | "A" | "An");
        while i < toks.len() && toks[i].kind == TokenKind::Word {
            let w = text(i);
            if capitalised(w) {
                caps += 1;
            } else if !(matches!(
                w,
                "of" | "the" | "and" | "de" | "von" | "van" | "del" | "da"
            ) || TITLE_WORDS.contains(&w)
                || (starts_with_article && i <= 4 && !is_pronoun(w)))
            {
                break;
            }
            if is_pronoun(w) {
                break;
            }
            i += 1;
        }
        let subject_end = i;
        if subject_end == 0 {
            return None;
        }
        let subject_words: Vec<&str> = (0..subject_end).map(text).collect();
        if subject_words
            .iter()
            .any(|w| TIME_WORDS.contains(&w.to_lowercase().as_str()))
        {
            return None;
        }
        // A lone capitalised word must be a name, not "Yesterday".
        if titled && subject_end == 2 {
            return None;
        }
        if subject_end == 1 && (words::is_known(first) || caps == 0) {
            return None;
        }
        if starts_with_article && subject_end == 1 {
            return None;
        }
        // Optional aside between commas; or a comma right before the pronoun ("The agency, it
        // said that …"), unless the pronoun and its verb are a parenthetical ("The agency, it
        // said, will …").
        let mut j = subject_end;
        let last_is_name = capitalised(text(subject_end - 1));
        if text(j) == "," {
            if is_pronoun(text(j + 1)) {
                if text(j + 3) == "," {
                    return None;
                }
                j += 1;
            } else {
                let close = (j + 1..toks.len().min(j + 16)).find(|&k| text(k) == ",")?;
                if close == j + 1 {
                    return None;
                }
                j = close + 1;
            }
        } else if starts_with_article
            && !last_is_name
            && !(subject_end == 2 && super::gendered_institution::is_institution(text(1)))
        {
            // “The hospital director she said that …”: a title, then a verb of saying and
            // “that” or a comma; “The project it was approved …”: “it” and a passive. Other
            // shapes without an aside or a name are too rare to judge (“The coalition it now
            // faces”).
            let p = text(j);
            let said_that = TITLE_WORDS.contains(&text(subject_end - 1))
                && matches!(p, "he" | "she")
                && SAYING.contains(&text(j + 1))
                && matches!(text(j + 2), "that" | ",");
            if !(said_that || passive_at(j)) {
                return None;
            }
        }
        let pronoun = text(j);
        if !is_pronoun(pronoun) {
            return None;
        }
        // A quotation closes between the subject and the pronoun: “The question,” she said.
        // (An apostrophe inside a word, “Children's Hospital”, is no quotation mark.)
        let between = &article.text[toks[subject_end - 1].span.end..toks[j].span.start];
        let chars: Vec<char> = between.chars().collect();
        let quote_mark = chars.iter().enumerate().any(|(i, &c)| {
            crate::article::token::is_quote_char(c)
                && !(matches!(c, '\'' | '’')
                    && i > 0
                    && chars[i - 1].is_alphabetic()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphabetic()))
        });
        if quote_mark {
            return None;
        }
        let next = text(j + 1);
        if !(next.chars().next().is_some_and(char::is_lowercase)
            && toks.get(j + 1)?.kind == TokenKind::Word)
        {
            return None;
        }
        // "The opposition she affirms …" but not "The opposition she leads is small" (a relative
        // clause): after a bare institution noun only a verb of saying counts.
        let bare_institution = starts_with_article && subject_end == 2 && j == subject_end;
        if bare_institution && !SAYING.contains(&next) && !passive_at(j) {
            return None;
        }
        let subject = Span::new(toks[0].span.start, toks[subject_end - 1].span.end);
        Some(self.diagnostic(article, toks, j, subject))
    }
}
