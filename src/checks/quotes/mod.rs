//! Quotation marks: one state machine ([`scan`]) walks each paragraph's marks; each rule reports
//! one kind of problem it finds. `dash_quotation` handles dialogue dashes.

pub mod dash_quotation;
pub mod mismatched;
pub mod misplaced;
pub mod mixed;
pub mod open_as_close;
pub mod reversed;
pub mod scan;
pub mod space_inside;
pub mod unbalanced;

use crate::article::Article;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Example, Rule, RuleMeta};
use scan::Problem;

/// A rule reporting the findings of one [`Problem`] kind.
pub struct QuoteRule {
    meta: RuleMeta,
    problem: Problem,
    help: &'static str,
}

impl QuoteRule {
    pub fn new(
        id: &str,
        problem: Problem,
        summary: &str,
        doc: &str,
        help: &'static str,
        examples: Vec<Example>,
    ) -> Self {
        QuoteRule {
            meta: crate::checks::meta(id, Severity::Warning, summary, doc, examples),
            problem,
            help,
        }
    }
}

impl Rule for QuoteRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        for f in scan::scan(article)
            .into_iter()
            .filter(|f| f.problem == self.problem)
        {
            let mut d = Diagnostic::new(&self.meta.id, self.meta.severity, f.span, f.message)
                .with_help(self.help);
            if let Some((span, msg)) = f.related {
                d = d.with_related(span, msg);
            }
            if !f.fix.is_empty() {
                d = d.with_fix(Fix {
                    edits: f
                        .fix
                        .into_iter()
                        .map(|(span, replacement)| Edit { span, replacement })
                        .collect(),
                    applicability: Applicability::Safe,
                });
            }
            out.push(d);
        }
    }
}
