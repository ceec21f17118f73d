use super::scan::Problem;
use super::QuoteRule;
use crate::rules::Example;

const HELP: &str = "
What it does: flags a quotation opened and never closed in its paragraph, and a closing mark with
no quotation open: The Union has asked for” the end of hostilities.

Why: a missing or stray mark leaves the reader unsure where the quoted words end; machine
translation often moves or drops marks.

A quotation running over several paragraphs is correct when each new paragraph reopens it and
only the last closes it; that stays silent.";

pub fn rule() -> QuoteRule {
    QuoteRule::new(
        "quotes/unbalanced",
        Problem::Unbalanced,
        "A quotation never closed, or closed without being opened",
        HELP,
        "Add the missing mark or delete the stray one.",
        vec![
            Example::flag("The union has asked for” an end to the strike."),
            Example::flag("“We will not give up, the leader said.\n\nThe strike goes on."),
            Example::flag("\"We gave everybody enough time. Anybody caught will face the law, the commissioner said.\n\nThe ban covers cups."),
            Example::pass("“We will not give up.\n\n“We will fight on,” the leader said."),
            Example::pass("Armenia’s army, the Joneses’ house and the ’90s were mentioned."),
            Example::pass("Run \"./configure --help\" to see the options."),
        ],
    )
}
