use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags a quotation whose marks are swapped: ”It is over“.

Why: translation and conversion tools that do not know which way a curly mark faces produce
reversed pairs; readers stumble.

Fix (safe): swap the two marks.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/reversed",
        Problem::Reversed,
        "Quotation marks facing the wrong way",
        HELP,
        "Swap the marks: “ opens, ” closes.",
        vec![
            Example::fixed(
                "The mayor said ”the worst is over“ and left.",
                "The mayor said “the worst is over” and left.",
            ),
            Example::pass("The mayor said “the worst is over” and left."),
        ],
    )
}
