use crate::article::{Article, TokenKind};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags direct speech introduced by a dash, the Polish, Italian, Spanish and Russian
convention: “– We will not give up, – the minister said.”

Why: English marks direct speech with quotation marks; a leading dash reads as a list item or an
aside.

How: a sentence that starts with a dash and contains a second dash followed, within three words,
by a verb of saying (“– As we said long ago, there is no military solution – he said.”). A dash
that opens a list item or an aside stays silent.";

const SPEECH: &[&str] = &[
    "said",
    "says",
    "added",
    "stressed",
    "declared",
    "stated",
    "told",
    "asked",
    "noted",
    "explained",
    "emphasised",
    "emphasized",
    "replied",
    "insisted",
    "warned",
    "wrote",
    "continued",
    "argued",
    "concluded",
    "admitted",
    "underlined",
    "announced",
    "shouted",
    "answered",
];

pub struct DashQuotation {
    meta: RuleMeta,
}

impl DashQuotation {
    pub fn new() -> Self {
        DashQuotation {
            meta: crate::checks::meta(
                "quotes/dash-quotation",
                Severity::Warning,
                "Direct speech introduced by a dash instead of quotation marks",
                HELP,
                vec![
                    Example::flag("– We have done it, and we will not give up, – the leader said to the crowd."),
                    Example::flag("The minister spoke. — There is no alternative to talks — she stressed."),
                    Example::pass("– Flights cancelled\n– Schools closed"),
                    Example::pass("Russia – which brokered the truce – said it was ready."),
                    Example::pass("“We have done it,” the leader said – to loud cheers."),
                ],
            ),
        }
    }
}

impl Default for DashQuotation {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for DashQuotation {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for s in &article.sentences {
            let toks = article.sentence_tokens(s);
            let Some(first) = toks.first() else { continue };
            let is_dash = |t: &crate::article::Token| {
                t.kind == TokenKind::Dash
                    || (t.kind == TokenKind::Punct && article.slice(t.span) == "-")
            };
            if !is_dash(first) {
                continue;
            }
            let second = toks.iter().enumerate().skip(2).find(|(i, t)| {
                is_dash(t)
                    && toks[i + 1..]
                        .iter()
                        .take(4)
                        .filter(|w| w.kind == TokenKind::Word)
                        .any(|w| SPEECH.contains(&article.slice(w.span)))
            });
            let Some((_, closing)) = second else { continue };
            let quoted = Span::new(first.span.start, closing.span.end);
            let opening_words: String = article
                .slice(Span::new(first.span.end, closing.span.start))
                .trim()
                .chars()
                .take(40)
                .collect();
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    quoted,
                    format!("Direct speech marked with dashes: “{opening_words}…” needs quotation marks"),
                )
                .with_related(first.span, "opening dash")
                .with_help("Write “…,” he said — with quotation marks, and a comma before the closing mark."),
            );
        }
    }
}
