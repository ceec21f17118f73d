use crate::article::Article;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lexicon::given_names;
use crate::rules::{Example, Rule, RuleMeta};
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags a person's name put before the title: “Lee Jae-myung President said”,
“Kishida Fumio Prime Minister told reporters”.

Why: Korean (이재명 대통령), Japanese (岸田首相) and Chinese put the title after the name;
translated word for word, the title follows the name. English writes “President Lee Jae-myung
said”.

How: two or three capitalised words, then President, Prime Minister, Minister, Governor, Mayor or
Chairman, then a verb of saying. The words must be a person's name: a given name of known gender
first (“Emmanuel Macron President said”) or a hyphenated Korean-style given name (“Jae-myung”),
so a company before a title (“Samsung Electronics President said”) stays silent.

Fix (unsafe): put the title first.";

pub struct NameBeforeTitle {
    meta: RuleMeta,
}

impl NameBeforeTitle {
    pub fn new() -> Self {
        NameBeforeTitle {
            meta: crate::checks::meta(
                "calque/name-before-title",
                Severity::Warning,
                "A name before its title (“Lee Jae-myung President said”)",
                HELP,
                vec![
                    Example::fixed(
                        "Lee Jae-myung President said the government would expand support.",
                        "President Lee Jae-myung said the government would expand support.",
                    ),
                    Example::flag("At the summit, Emmanuel Macron President told reporters he was hopeful."),
                    Example::pass("Samsung Electronics President said sales rose; President Lee Jae-myung said so."),
                    Example::pass("Under Lee Jae-myung, President of the party, said nothing; the Moon Jae-in President Library opened."),
                ],
            ),
        }
    }
}

impl Default for NameBeforeTitle {
    fn default() -> Self {
        Self::new()
    }
}

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<name>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}[\p{Ll}-]+){1,2})\s+(?P<title>President|Prime Minister|Minister|Governor|Mayor|Chairman|Chairwoman)\s+(?:said|says|told|added|stressed|announced|noted|warned)\b")
            .expect("static regex")
    })
}

impl Rule for NameBeforeTitle {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let text = article.text.as_str();
        if !["President", "Minister", "Governor", "Mayor", "Chair"]
            .iter()
            .any(|t| text.contains(t))
        {
            return;
        }
        for c in re().captures_iter(text) {
            let (Some(name), Some(title)) = (c.name("name"), c.name("title")) else {
                continue;
            };
            let words: Vec<&str> = name.as_str().split(' ').collect();
            let person = given_names::gender(words[0]).is_some()
                || words[1..].iter().any(|w| {
                    w.split_once('-').is_some_and(|(a, b)| {
                        a.len() >= 2 && !b.is_empty() && b.chars().all(char::is_lowercase)
                    })
                });
            if !person {
                continue;
            }
            let span = Span::new(name.start(), title.end());
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    span,
                    format!(
                        "“{} {}”: English puts the title first",
                        name.as_str(),
                        title.as_str()
                    ),
                )
                .with_help("Put the title before the name.")
                .with_fix(Fix::unsafe_(
                    span,
                    format!("{} {}", title.as_str(), name.as_str()),
                )),
            );
        }
    }
}
