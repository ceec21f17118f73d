use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags an opening mark “ used where a quotation closes: “We will govern,“ he said;
the government side “, the ministry said.

Why: some keyboards and translation tools produce only one curly glyph; the quotation never
visibly ends.

Fix (safe, when a quotation is open): use ”.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/open-as-close",
        Problem::OpenAsClose,
        "An opening quotation mark used to close",
        HELP,
        "Close the quotation with ”.",
        vec![
            Example::fixed(
                "“We will govern with the votes we have,“ he said.",
                "“We will govern with the votes we have,” he said.",
            ),
            Example::flag("Talks will continue with the other side “, the ministry said."),
            Example::pass("“We will govern,” he said. “It is our duty.”"),
            Example::pass("„Wir schaffen das“, sagte sie, and the quote became famous."),
        ],
    )
}
