//! Running a rule's own examples: every `flag` example must be flagged (and fixed as stated),
//! every `pass` example must stay silent.

use super::{Expect, Rule};
use crate::article::Article;
use crate::fix;
use crate::lint::Linter;

/// One example that did not behave as its rule says.
#[derive(Debug, Clone)]
pub struct Failure {
    pub rule: String,
    pub example: String,
    pub problem: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?}: {}", self.rule, self.example, self.problem)
    }
}

pub fn run(rule: &dyn Rule) -> Vec<Failure> {
    let meta = rule.meta();
    let linter = Linter::single(rule);
    let mut failures = Vec::new();
    for ex in &meta.examples {
        let opts = ex.options();
        let article = Article::parse("example", ex.text.clone(), &opts);
        let diags = linter.lint(&article);
        let fail = |problem: String| Failure {
            rule: meta.id.clone(),
            example: ex.text.clone(),
            problem,
        };
        match &ex.expect {
            Expect::Pass => {
                if let Some(d) = diags.first() {
                    failures.push(fail(format!(
                        "must not be flagged, but was at {}..{} ({:?}): {}",
                        d.span.start,
                        d.span.end,
                        &ex.text[d.span.range()],
                        d.message
                    )));
                }
            }
            Expect::Flag { fixed } => {
                if diags.is_empty() {
                    failures.push(fail("must be flagged, but was not".into()));
                    continue;
                }
                if let Some(want) = fixed {
                    let (got, _) = fix::fix_until_stable(&ex.text, true, 10, |t| {
                        linter.lint(&Article::parse("example", t.to_string(), &opts))
                    });
                    if &got != want {
                        failures.push(fail(format!("fixed text is {got:?}, expected {want:?}")));
                    }
                }
            }
        }
    }
    failures
}
