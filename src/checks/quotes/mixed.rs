use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags a quotation opened with a straight mark and closed with a curly one, or the
other way round: \"record heat”.

Why: pasted text mixes sources; the mismatch shows in print.

Fix (safe): make the straight mark curly.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/mixed-styles",
        Problem::Mixed,
        "Straight and curly marks in one quotation",
        HELP,
        "Use one style of marks for the whole quotation.",
        vec![
            Example::fixed(
                "Forecasters warned of \"record heat” on Friday.",
                "Forecasters warned of “record heat” on Friday.",
            ),
            Example::pass("Forecasters warned of \"record heat\" on Friday and “storms” later."),
        ],
    )
}
