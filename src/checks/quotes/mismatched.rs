use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags a quotation opened in one convention and closed in another: « … ” or “ … »,
and one opened with the closing mark: ”Winning this order was hard,” (the Swedish and Finnish
pair ”…”, or a tool that had one glyph only).

Why: translated copy carries the source language's marks half-converted.

German and Polish „…“ and „…” are correct pairs and stay silent.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/mismatched",
        Problem::Mismatched,
        "Quotation marks of two conventions in one pair",
        HELP,
        "Use one convention: “…” in English copy.",
        vec![
            Example::flag("The minister called it «a historic day” in Paris."),
            Example::fixed(
                "Park said, ”Winning this order was hard.” He left.",
                "Park said, “Winning this order was hard.” He left.",
            ),
            Example::pass(
                "The minister called it «a historic day» in Paris, „ein Erfolg“ in Berlin.",
            ),
        ],
    )
}
