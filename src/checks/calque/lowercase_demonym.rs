use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::lexicon::countries::countries;
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags a nationality written in lower case: “the european values”, “a russian law”.

Why: French, Italian, Spanish, Polish and other languages write nationalities in lower case;
English capitalises them. The lower case survives translation.

Words that are also ordinary English words (polish, french windows, china, turkey) stay silent.

Fix (safe): capitalise.";

pub struct LowercaseDemonym {
    meta: RuleMeta,
}

impl LowercaseDemonym {
    pub fn new() -> Self {
        LowercaseDemonym {
            meta: crate::checks::meta(
                "calque/lowercase-demonym",
                Severity::Warning,
                "A nationality written in lower case",
                HELP,
                vec![
                    Example::fixed(
                        "The law copies a russian law of 2012.",
                        "The law copies a Russian law of 2012.",
                    ),
                    Example::flag("It is incompatible with european values."),
                    Example::pass("They polish the floors; a Russian law; European values."),
                    Example::pass("See https://example.com/russian-law and #russian."),
                ],
            ),
        }
    }
}

impl Default for LowercaseDemonym {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for LowercaseDemonym {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let c = countries();
        for t in article.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let w = article.slice(t.span);
            if !w.chars().next().is_some_and(|ch| ch.is_ascii_lowercase())
                || w.len() < 4
                || words::is_known(w)
            {
                continue;
            }
            let mut cs = w.chars();
            let Some(first) = cs.next() else { continue };
            let capitalised: String = first.to_uppercase().chain(cs).collect();
            if c.by_demonym(&capitalised).is_none() {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    t.span,
                    format!("“{w}” is written “{capitalised}” in English"),
                )
                .with_help("Capitalise nationalities and their adjectives.")
                .with_fix(Fix::safe(t.span, capitalised)),
            );
        }
    }
}
