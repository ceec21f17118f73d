use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::countries::countries;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a country name stranded after an institution, where English needs “of” or a
possessive: “the Ministry of Foreign Affairs Russia”, “the Prime Minister Poland”.

Why: Polish, Russian and other languages express “of Russia” with a case ending (“MSZ Rosji”);
translated word for word the relation is lost.

How: an office or institution title (Ministry of …, Minister of …, Prime Minister, President,
Government, Parliament, Embassy …) directly followed by a country name that ends the phrase
(punctuation or a lower-case word follows). A country that is also a surname or given name
(Jordan, Chad, Georgia, Israel, India, Kenya) stays silent.

Fix (unsafe): insert “of”.";

const TITLE_ENDS: &[&str] = &[
    "Affairs",
    "Ministry",
    "Minister",
    "Interior",
    "Defence",
    "Defense",
    "Justice",
    "Health",
    "Finance",
    "Economy",
    "Education",
    "Agriculture",
    "Energy",
    "Culture",
    "Transport",
    "Government",
    "Parliament",
    "Embassy",
    "President",
    "Chancellor",
    "Office",
    "Senate",
    "Army",
    "Police",
    "Court",
    "Bank",
    "Ombudsman",
];
const PERSONAL_NAMES: &[&str] = &[
    "Jordan", "Chad", "Georgia", "Israel", "India", "Kenya", "Chile", "Cuba", "Mali", "Niger",
    "Guinea",
];

pub struct StrandedCountry {
    meta: RuleMeta,
}

impl StrandedCountry {
    pub fn new() -> Self {
        StrandedCountry {
            meta: crate::checks::meta(
                "calque/stranded-country",
                Severity::Warning,
                "A country name stranded after an institution (“of” lost)",
                HELP,
                vec![
                    Example::fixed("“We are worried,” stated the Ministry of Interior Spain.", "“We are worried,” stated the Ministry of Interior of Spain."),
                    Example::flag("The statement came from the Prime Minister Poland, who spoke on Monday."),
                    Example::pass("The Ministry of Foreign Affairs of Russia said so; the Russian Foreign Ministry agreed."),
                    Example::pass("Prime Minister Jordan Bardella spoke; President Georgia Meloni did not."),
                    Example::pass("The president France has chosen is young."),
                ],
            ),
        }
    }
}

impl Default for StrandedCountry {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for StrandedCountry {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let c = countries();
        for s in &article.sentences {
            let toks = article.sentence_tokens(s);
            for i in 1..toks.len() {
                let (title, name) = (toks[i - 1], toks[i]);
                if title.kind != TokenKind::Word || name.kind != TokenKind::Word {
                    continue;
                }
                let t = article.slice(title.span);
                let n = article.slice(name.span);
                if !TITLE_ENDS.contains(&t) || PERSONAL_NAMES.contains(&n) || c.by_name(n).is_none()
                {
                    continue;
                }
                let next = toks.get(i + 1);
                let ends = match next {
                    None => true,
                    Some(x) => match x.kind {
                        TokenKind::Word => article
                            .slice(x.span)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase),
                        TokenKind::Punct | TokenKind::Quote | TokenKind::Dash => true,
                        _ => false,
                    },
                };
                if !ends {
                    continue;
                }
                // The title must be a proper title, starting with a capital word run.
                let the_before = (0..i - 1)
                    .rev()
                    .map(|k| article.slice(toks[k].span))
                    .take(6)
                    .any(|w| w == "the" || w == "The");
                if !the_before {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &self.meta.id,
                        self.meta.severity,
                        Span::new(title.span.start, name.span.end),
                        format!("“{n}” is stranded after “{t}”: “{t} of {n}”?"),
                    )
                    .with_help(format!(
                        "Write “… of {n}” or use the adjective (“the {n} …”)."
                    ))
                    .with_fix(Fix::unsafe_(
                        Span::new(name.span.start, name.span.start),
                        "of ",
                    )),
                );
            }
        }
    }
}
