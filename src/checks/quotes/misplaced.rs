use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags a quotation closed and reopened around a word or two that cannot stand
between two quotations: … said it was ready to” stabilise “the situation.”

Why: translation reorders words but leaves the marks in place, so they end up around the wrong
words. Two quotations joined by “and”, “or”, “to”, a comma or a verb of saying stay silent.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/misplaced",
        Problem::Misplaced,
        "Quotation marks around the wrong words",
        HELP,
        "Move the marks so that they enclose the quoted words.",
        vec![
            Example::flag("The ministry said “it was ready to” restore “order in the region.”"),
            Example::pass("Voters had to choose between “yes” and “no”, from “bad” to “worse”."),
            Example::pass("“We are ready,” he said. “We will act.”"),
        ],
    )
}
