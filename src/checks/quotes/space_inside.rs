use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags a space just inside quotation marks: “ It is over ”.

Why: French typography spaces its guillemets; English does not. The space survives translation
and conversion.

Fix (safe): delete the space.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/space-inside",
        Problem::SpaceInside,
        "A space just inside the quotation marks",
        HELP,
        "Delete the space next to the mark.",
        vec![
            Example::fixed("He said: “ It is over ”.", "He said: “It is over”."),
            Example::pass("He said: “It is over.” Then he left."),
            Example::pass("Le ministre a dit « c’est fini » hier."),
        ],
    )
}
