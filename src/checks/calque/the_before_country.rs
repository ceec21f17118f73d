use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::countries::countries;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags “the” before a country or company name that takes no article: “the Russia”,
“the Italy”, “The Ryanair”.

Why: languages such as Italian, French and Portuguese use an article before country names
(“la Russia”, “l’Italia”); translated word for word, the article stays. Names that do take one
stay silent: the United States, the UK, the Netherlands, the Philippines, the Gambia, the Vatican.

How: only when the name is not used as a modifier — “the Italy coach”, “the Russia–Ukraine war”
and “the China deal” are correct English — that is, when the name is followed by punctuation, the
end of the sentence, or a verb or function word.

Fix (safe): delete “the”.";

/// Companies and organisations written without an article.
const NO_ARTICLE_ORGS: &[&str] = &[
    "Ryanair",
    "Lufthansa",
    "Aeroflot",
    "Gazprom",
    "Rosneft",
    "Google",
    "Apple",
    "Microsoft",
    "Meta",
    "Facebook",
    "Twitter",
    "Tesla",
    "Boeing",
    "Airbus",
    "Volkswagen",
    "Siemens",
    "Toyota",
    "Samsung",
    "Huawei",
    "Nestlé",
    "Nokia",
    "Ericsson",
    "Renault",
    "Fiat",
    "Stellantis",
    "Unilever",
    "Vodafone",
    "Telefónica",
    "Iberdrola",
    "Repsol",
    "Eni",
    "Equinor",
    "Shell",
    "Alibaba",
    "Tencent",
    "Netflix",
    "Uber",
    "Spotify",
    "IKEA",
    "Nato",
    "NATO",
    "Interpol",
    "Europol",
    "Frontex",
    "Hamas",
    "Hezbollah",
    "Wagner",
];

/// Words after a name that show it is a verb's subject or object, not a modifier.
const AFTER: &[&str] = &[
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "by",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "said",
    "says",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "which",
    "who",
    "that",
    "also",
    "again",
    "too",
    "as",
    "did",
    "does",
    "do",
    "announced",
    "accused",
    "called",
    "warned",
    "agreed",
    "signed",
    "sent",
    "wants",
    "wanted",
    "remains",
    "remained",
    "became",
    "becomes",
    "lost",
    "fell",
    "rose",
    "gained",
    "dropped",
    "sits",
    "lies",
    "borders",
    "faces",
    "faced",
    "reported",
    "confirmed",
    "denied",
    "rejected",
    "refused",
    "urged",
    "insisted",
    "insists",
    "expects",
    "expected",
    "plans",
    "planned",
    "launched",
    "claimed",
    "threatened",
    "hosted",
    "won",
    "since",
    "until",
    "during",
    "before",
    "after",
    "when",
    "while",
    "where",
    "because",
    "although",
    "despite",
    "amid",
    "against",
    "last",
    "this",
    "its",
    "itself",
];

/// Past tenses that do not end in “-ed”: “The Morocco took delivery”.
const IRREGULAR_PAST: &[&str] = &[
    "took", "made", "gave", "got", "went", "came", "saw", "kept", "held", "told", "paid", "left",
    "met", "ran", "began", "brought", "bought", "built", "chose", "drew", "fought", "found",
    "grew", "knew", "led", "sold", "sought", "spent", "stood", "struck", "thought", "threw",
    "withdrew", "wrote", "has", "had",
];

pub struct TheBeforeCountry {
    meta: RuleMeta,
}

impl TheBeforeCountry {
    pub fn new() -> Self {
        TheBeforeCountry {
            meta: crate::checks::meta(
                "calque/the-before-country",
                Severity::Warning,
                "“the” before a name that takes no article",
                HELP,
                vec![
                    Example::fixed("Talks stalled, while the Germany, already involved, said it was ready.", "Talks stalled, while Germany, already involved, said it was ready."),
                    Example::fixed("The Italy has called for calm.", "Italy has called for calm."),
                    Example::flag("Passengers blamed the Ryanair for the delays."),
                    Example::fixed("The Volkswagen lost 3.1% and BMW fell 2.7%.", "Volkswagen lost 3.1% and BMW fell 2.7%."),
                    Example::flag("The Turkey sits on several active faults."),
                    Example::flag("Protests have spread across the France since Monday."),
                    Example::flag("Putin said the Moscow was ready to talk with the Ukraine immediately."),
                    Example::pass("Judges in The Hague ruled; the Moscow metro and the Kyiv government, the Paris attacks, the Berlin Wall."),
                    Example::pass("Fires in the Amazon spread; the Orange river rose."),
                    Example::pass("The United States, the UK, the Netherlands and the Philippines voted against; so did the Gambia."),
                    Example::pass("The Italy coach and the Russia-Ukraine talks, the China deal, the Poland of the 1980s."),
                    Example::pass("Fans of the Georgia Bulldogs and the Jordan River."),
                    Example::flag("The Morocco took delivery of the first train on Wednesday."),
                    Example::flag("Producers pushed deeper into markets in the Asia and the European Union."),
                    Example::pass("The Asia-Pacific region, the Europe of the 1990s, the Americas and the Africa Cup of Nations."),
                    Example::flag("Officials said the Hungary introduced limits on barges."),
                    Example::pass("The Hungary-based operator said the Italy squad travelled on Monday."),
                ],
            ),
        }
    }
}

impl Default for TheBeforeCountry {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for TheBeforeCountry {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let c = countries();
        for s in &article.sentences {
            let toks = article.sentence_tokens(s);
            for i in 0..toks.len().saturating_sub(1) {
                let the = toks[i];
                if the.kind != TokenKind::Word || !matches!(article.slice(the.span), "the" | "The")
                {
                    continue;
                }
                let name_tok = toks[i + 1];
                let name = article.slice(name_tok.span);
                // Capitals stand for their governments ("the Moscow was ready"); only The Hague
                // takes the article.
                let capital = c.is_capital(name) && name != "Hague";
                // Continents take none either (“the Americas” and “the Arctic” do).
                let continent = matches!(
                    name,
                    "Asia" | "Europe" | "Africa" | "Oceania" | "Antarctica"
                );
                if name_tok.kind != TokenKind::Word
                    || !(c.takes_no_article(name)
                        || capital
                        || continent
                        || NO_ARTICLE_ORGS.contains(&name))
                {
                    continue;
                }
                // "the Poland of the 1980s" is a historical period: fine.
                let next = toks.get(i + 2);
                let next_text = next.map(|t| article.slice(t.span)).unwrap_or("");
                if next_text == "of" {
                    continue;
                }
                let ok_after = match next {
                    None => true,
                    Some(t) => match t.kind {
                        TokenKind::Punct | TokenKind::Dash | TokenKind::Quote => {
                            !matches!(next_text, "-" | "/")
                        }
                        // Or an adverb: "talks with the Ukraine immediately".
                        TokenKind::Word => {
                            AFTER.contains(&next_text)
                                || IRREGULAR_PAST.contains(&next_text)
                                || (next_text.len() > 4
                                    && next_text.ends_with("ed")
                                    && next_text.chars().all(|c| c.is_ascii_lowercase())
                                    && crate::lexicon::words::is_known(next_text))
                                || (next_text.len() > 4
                                    && next_text.ends_with("ly")
                                    && next_text.chars().all(|c| c.is_ascii_lowercase())
                                    && crate::lexicon::words::is_known(next_text))
                        }
                        _ => false,
                    },
                };
                if !ok_after {
                    continue;
                }
                let delete = Span::new(the.span.start, name_tok.span.start);
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(the.span.start, name_tok.span.end),
                        format!("“{name}” takes no article in English"),
                    )
                    .with_help("Delete “the”.")
                    .with_fix(Fix::safe(delete, "")),
                );
            }
        }
    }
}
