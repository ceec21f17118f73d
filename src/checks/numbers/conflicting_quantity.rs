use super::number_word;
use crate::article::{Article, Token, TokenKind};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::words;
use crate::rules::{Example, Rule, RuleMeta};

const HELP: &str = "
What it does: flags the same quantity given two incompatible values in one article: “Police
said 12,000 tractors took part” … “Police said 15,000 tractors took part”.

Why: a figure updated in one paragraph and not another, or two sources merged without
attribution, leaves the reader with two death tolls.

How: a number followed by what it counts (“49 soldiers”, “6,000 people”, with a nationality
between: “49 Armenian soldiers”) is compared with the other counts of the same thing. A count
with a noun before the counted one (“38,000 household customers”) is compared with the plain
count (“83,000 customers”) only when the two figures look like one figure mistyped: one digit
changed or two neighbouring digits swapped. Qualifiers
make ranges (“at least 50” and “52” agree; “more than 6,000” and “6,500” agree; “about 300”
allows 10%). Sentences that report an update (“rose to”, “now”, “later”, “revised”, “latest”)
or date another event (a year, “then”) are not compared; nor are percentages or money.

Counts written in words (“three people”, “twenty-five soldiers”) are compared too, for people
only. The dead are one quantity however they are counted: “three people died”, “3 dead”,
“the death toll at 3”, “four fatalities”, and “the four victims” in a sentence about deaths.";

/// What counts written in words may count: people (“two days” and “three days” are often two
/// different spans of time).
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "dead",
    "soldiers",
    "victims",
    "civilians",
    "children",
    "adults",
    "residents",
    "migrants",
    "passengers",
    "workers",
    "firefighters",
    "protesters",
    "demonstrators",
    "students",
    "patients",
    "hostages",
    "prisoners",
    "detainees",
    "troops",
    "officers",
    "policemen",
    "journalists",
    "miners",
    "fishermen",
    "tourists",
    "climbers",
    "sailors",
    "pilots",
    "doctors",
    "nurses",
    "farmers",
    "suspects",
    "men",
    "women",
    "staff",
    "members",
    "rescuers",
    "refugees",
    "injured",
    "wounded",
];

/// Words that make “victims” the dead.
const DEATH_WORDS: &[&str] = &[
    "buried",
    "burial",
    "burials",
    "mourners",
    "coffins",
    "died",
    "dead",
    "killed",
    "death",
    "deaths",
    "condolences",
    "funeral",
    "funerals",
    "mourn",
    "mourned",
    "mourning",
    "bodies",
    "fatalities",
];

/// Plural nouns that count people or things in news copy (a noun ending in -s counts too).
const IRREGULAR: &[&str] = &[
    "people",
    "dead",
    "killed",
    "injured",
    "wounded",
    "police",
    "children",
    "men",
    "women",
    "personnel",
    "staff",
];

/// Adjectives between a number and its noun that do not change what is counted.
const STATE_ADJECTIVES: &[&str] = &["affected", "displaced", "evacuated", "stranded", "homeless"];

const UPDATE_WORDS: &[&str] = &[
    "rose",
    "risen",
    "climbed",
    "increased",
    "jumped",
    "grew",
    "now",
    "later",
    "updated",
    "revised",
    "latest",
    "new",
    "then",
    "previously",
    "earlier",
    "initially",
    "originally",
    "first",
    "raised",
    "lowered",
    "fell",
    "dropped",
];

pub struct ConflictingQuantity {
    meta: RuleMeta,
}

impl ConflictingQuantity {
    pub fn new() -> Self {
        ConflictingQuantity {
            meta: crate::checks::meta(
                "numbers/conflicting-quantity",
                Severity::Warning,
                "The same quantity given two different values",
                HELP,
                vec![
                    Example::flag("Police said 12,000 tractors took part. Farmers cheered. Police said 15,000 tractors took part."),
                    Example::flag("The quake killed 49 people, officials said. Rescuers said 52 people were killed in the quake."),
                    Example::pass("The quake killed at least 50 people. Rescuers said 52 people were killed."),
                    Example::flag("More than 20,000 families have been affected. Aid was promised for the 12,000 affected families."),
                    Example::flag("A quake shook Malatya; at least 14 dead. The governor put the death toll at 11."),
                    Example::pass("At least 14 dead in the quake. The governor later put the death toll at 16."),
                    Example::pass("More than 6,000 people died. In all, 6,500 people died."),
                    Example::pass("The quake killed 49 people. The toll later rose to 52 people."),
                    Example::pass("The 2020 war killed 6,000 soldiers. This week's clashes killed 49 soldiers."),
                    Example::pass("Armenia lost 49 soldiers. Azerbaijan lost 50 soldiers."),
                    Example::pass("Prices rose 5% to 300 euros. Later they fell 3% to 290 euros."),
                    Example::flag("Three people died in the floods, the region said. The minister sent her condolences to the families of the four victims."),
                    Example::flag("Twenty-five soldiers were killed, the army said. It named the 27 dead on Friday."),
                    Example::pass("Two soldiers were wounded in the attack. Five soldiers were killed."),
                    Example::pass("The rain lasted two days. Roads stayed closed for three days."),
                    Example::pass("Three people died in the fire. Four victims were treated for smoke inhalation."),
                    Example::flag("Four people were killed in the floods. Aid groups said the six victims would be buried on Thursday."),
                    Example::flag("Around 38,000 household customers were affected, the court said. For the 83,000 customers, the ruling brings nothing."),
                    Example::flag("Russia launched 31 drones overnight. The air force said it downed 13 attack drones."),
                    Example::pass("Around 38,000 household customers were affected. The utility has 120,000 customers in all."),
                    Example::pass("The 5 million people in the region wait. Some 12 people were hurt."),
                ],
            ),
        }
    }
}

impl Default for ConflictingQuantity {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone)]
struct Count {
    span: Span,
    noun: String,
    modifier: Option<String>,
    /// A lower-case noun before the counted one (“38,000 household customers”).
    compound: Option<String>,
    /// The number as written, digits only (for slips of one digit).
    digits: String,
    low: f64,
    high: f64,
    sentence: usize,
    /// Countries the sentence names (by name or demonym): whose count it is.
    actors: Vec<&'static str>,
}

/// Do two numbers (digits only) differ by one slip: one digit changed, or two neighbouring
/// digits swapped (38000 / 83000, 10600 / 11600)?
fn digit_slip(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a == b || a.len() < 2 {
        return false;
    }
    let diff: Vec<usize> = a
        .bytes()
        .zip(b.bytes())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i)
        .collect();
    match diff.as_slice() {
        [_] => true,
        [i, k] if *k == i + 1 => {
            a.as_bytes()[*i] == b.as_bytes()[*k] && a.as_bytes()[*k] == b.as_bytes()[*i]
        }
        _ => false,
    }
}

fn parse_number(s: &str) -> Option<f64> {
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    clean.parse::<f64>().ok()
}

fn counts(article: &Article) -> Vec<Count> {
    let mut out = Vec::new();
    let c = crate::lexicon::countries::countries();
    for (si, s) in article.sentences.iter().enumerate() {
        let toks: Vec<&Token> = article.sentence_tokens(s).iter().collect();
        let mut actors: Vec<&'static str> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(|t| {
                let w = crate::lexicon::strip_possessive(article.slice(t.span));
                c.by_name(w).or_else(|| c.by_demonym(w)).map(|k| k.name)
            })
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let words: Vec<String> = toks
            .iter()
            .map(|t| article.slice(t.span).to_lowercase())
            .collect();
        // Another event or an update in this sentence: its numbers are not compared.
        if words.iter().any(|w| UPDATE_WORDS.contains(&w.as_str()))
            || toks.iter().any(|t| {
                t.kind == TokenKind::Number && {
                    let w = article.slice(t.span);
                    w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
                }
            })
        {
            continue;
        }
        let about_deaths = words.iter().any(|w| DEATH_WORDS.contains(&w.as_str()));
        for (i, t) in toks.iter().enumerate() {
            let text = article.slice(t.span);
            let (n, in_words) = match t.kind {
                TokenKind::Number => {
                    if text.contains(':') || (text.contains('.') && !text.contains(',')) {
                        continue;
                    }
                    let Some(n) = parse_number(text) else {
                        continue;
                    };
                    (n, false)
                }
                TokenKind::Word => match number_word(&words[i]) {
                    Some(n) => (n, true),
                    None => continue,
                },
                _ => continue,
            };
            let prev = |k: usize| {
                if i >= k {
                    words.get(i - k).map(String::as_str).unwrap_or("")
                } else {
                    ""
                }
            };
            if matches!(prev(1), "$" | "€" | "£" | "no" | "no." | "number")
                || words.get(i + 1).is_some_and(|w| w == "%" || w == "percent")
            {
                continue;
            }
            // "put the death toll at 11": a count of the dead.
            let toll = prev(1) == "at" && prev(2) == "toll" && prev(3) == "death"
                || prev(1) == "of" && prev(2) == "toll" && prev(3) == "death";
            // The counted noun: next word, or the one after a capitalised modifier or an
            // adjective of state (“12,000 affected families” counts families).
            let mut j = i + 1;
            let mut modifier = None;
            if let Some(next) = toks.get(j) {
                let w = article.slice(next.span);
                if next.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase)
                {
                    modifier = Some(w.to_string());
                    j += 1;
                } else if STATE_ADJECTIVES.contains(&w) {
                    j += 1;
                }
            }
            // A noun before the counted noun: “38,000 household customers” counts customers.
            let mut compound = None;
            if !toll {
                let plural = |w: &str| IRREGULAR.contains(&w) || (w.ends_with('s') && w.len() > 3);
                if let (Some(a), Some(b)) = (toks.get(j), toks.get(j + 1)) {
                    let (wa, wb) = (words[j].as_str(), words[j + 1].as_str());
                    if a.kind == TokenKind::Word
                        && b.kind == TokenKind::Word
                        && !plural(wa)
                        && plural(wb)
                        && wa.chars().all(|c| c.is_ascii_lowercase())
                        && number_word(wa).is_none()
                        && !matches!(
                            wa,
                            "million"
                                | "billion"
                                | "trillion"
                                | "thousand"
                                | "hundred"
                                | "lakh"
                                | "crore"
                                | "dozen"
                                | "per"
                                | "more"
                                | "other"
                                | "new"
                                | "of"
                        )
                        && words::is_known(wa)
                    {
                        compound = Some(wa.to_string());
                        j += 1;
                    }
                }
            }
            let (noun, end) = if toll {
                ("dead".to_string(), t.span.end)
            } else {
                let Some(noun_tok) = toks.get(j).filter(|t| t.kind == TokenKind::Word) else {
                    continue;
                };
                (words[j].clone(), noun_tok.span.end)
            };
            if !(IRREGULAR.contains(&noun.as_str()) || (noun.ends_with('s') && noun.len() > 3)) {
                continue;
            }
            if in_words && (modifier.is_some() || !PEOPLE.contains(&noun.as_str())) {
                continue;
            }
            // What happened to the people counted: “three people died” and “3 dead” are one
            // quantity, “two soldiers were wounded” and “five soldiers were killed” are two.
            let next = |k: usize| words.get(j + k).map(String::as_str).unwrap_or("");
            let verb = match next(1) {
                "were" | "have" | "had" | "was" | "are" | "been" => match next(2) {
                    "been" => next(3),
                    v => v,
                },
                v => v,
            };
            // Or before the number: “killed 49 people”, “injured at least 12 people”.
            let verb_before = (1..=3)
                .map(prev)
                .find(|w| {
                    !matches!(
                        *w,
                        "at" | "least"
                            | "more"
                            | "than"
                            | "about"
                            | "some"
                            | "over"
                            | "nearly"
                            | "almost"
                            | "around"
                    )
                })
                .unwrap_or("");
            let verb = match verb_before {
                "killed" | "kills" | "kill" => "killed",
                "injured" | "injures" | "injure" | "wounded" | "wounds" | "wound" => "injured",
                _ => verb,
            };
            let fate = if !PEOPLE.contains(&noun.as_str()) {
                None
            } else if matches!(verb, "died" | "killed" | "dead") {
                Some("dead")
            } else if matches!(verb, "wounded" | "injured" | "hurt") {
                Some("injured")
            } else {
                None
            };
            let noun = match fate {
                Some("dead") => "dead".to_string(),
                Some(f) => format!("{noun} {f}"),
                None if matches!(noun.as_str(), "killed" | "deaths" | "fatalities")
                    || (noun == "victims" && about_deaths) =>
                {
                    "dead".to_string()
                }
                None => noun,
            };
            let (low, high) = match (prev(2), prev(1)) {
                ("at", "least") | ("more", "than") | ("over", _) | (_, "over") => {
                    (n, f64::INFINITY)
                }
                ("fewer" | "less", "than") | ("up", "to") | (_, "nearly" | "almost" | "under") => {
                    (0.0, n)
                }
                (_, "about" | "around" | "some" | "roughly" | "approximately") => {
                    (n * 0.9, n * 1.1)
                }
                _ => (n, n),
            };
            out.push(Count {
                span: Span::new(t.span.start, end),
                noun,
                modifier,
                compound,
                digits: text.chars().filter(char::is_ascii_digit).collect(),
                low,
                high,
                sentence: si,
                actors: actors.clone(),
            });
        }
    }
    out
}

impl Rule for ConflictingQuantity {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let cs = counts(article);
        for (b_i, b) in cs.iter().enumerate() {
            // Compare with the first earlier count of the same thing.
            let Some(a) = cs[..b_i]
                .iter()
                .find(|a| {
                    a.noun == b.noun
                        && a.modifier == b.modifier
                        // “household customers” and “customers” are one count only when the
                        // figures look like one figure mistyped (38,000 / 83,000).
                        && (a.compound == b.compound
                            || ((a.compound.is_none() || b.compound.is_none())
                                && digit_slip(&a.digits, &b.digits)))
                        && a.sentence != b.sentence
                        // Different countries' counts are different quantities.
                        && (a.actors.is_empty() || b.actors.is_empty() || a.actors.iter().any(|x| b.actors.contains(x)))
                })
            else {
                continue;
            };
            if a.low <= b.high && b.low <= a.high {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &self.meta.id,
                    self.meta.severity,
                    b.span,
                    format!("“{}” here, but “{}” earlier in the article", article.slice(b.span), article.slice(a.span)),
                )
                .with_related(a.span, "the other figure")
                .with_help("Reconcile the figures, attribute each to its source, or say that the figure was updated."),
            );
        }
    }
}
