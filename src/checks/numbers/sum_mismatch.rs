use super::number_word;
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: flags a total that its own parts do not add up to: “41 people had been admitted:
17 in Aswan, 14 in Luxor and 12 in Qena” (43); “4,120 residents … and 1,080 in Sikka …,
bringing the total to 5,500” (5,200); “23.4 million tonnes” threshed, then “Of the grain, wheat
accounted for 17.1 million tonnes, barley for 4.2 million tonnes and other crops for 3.1
million tonnes” (24.4).

Why: one figure updated and the others not, or a digit slipped in translation; readers add
them up.

How: three shapes, all with exact figures only (“about”, “at least”, “more than” before any of
them and nothing is checked), the parts written in digits with the same scale word (million,
billion) as the total, and no year, time, percentage or span of days among them:
- a total, then a colon and a list of two parts or more joined by “and”;
- two parts or more, then “bringing (taking, raising) the total … to” or “for a total of” a
  figure;
- a sentence opening “Of the …” that breaks down a figure of the sentence before with the same
  unit: its parts may fall short of the total (a partial list), but they may not exceed it, nor
  differ from it when the list ends with “other …” or “the rest”.

A list after a colon may spell a small part out (“18 trains: 12 for the new line and eight for
…”). “Of the 430 jobs, 310 … and 95 …” and “Of those, 41 … and 19 …” (two or three parts) are
flagged when the parts fall just short of the total (85% or more of it): a slipped figure, not a
partial list.

A share stated next to its two figures is recomputed too: “$7.8 billion so far, or 92 percent of
its annual target of $9.7 billion” (80%), “31 of the 40 seats, or 60 percent” (78%), “870 tonnes
out of 13,000 …, representing about 15 per cent”, “6,000 of 22,000 residents, nearly half” (a
fraction word may be off by four points, or nine with “nearly”), and a share of a total given
earlier (“a total of 30 GWh” … “40 percent of the output, or 15 GWh”). A share given as “about”
may be off by three points, an exact one by one. A change in percent is recomputed from its two
figures (“rose 14.9% to 240,000 from 222,400”: 7.9%), allowing a point or a tenth of the change
for rounding. When only the old figure is beside the change (“up 4 percent from 19.6 million”,
“That was up from 1,650 passengers …, an increase of 25 percent”), the new one is the nearest
figure before it, in that sentence or the two before, of the same scale and counting the same
thing (the same word after it, or the change's subject); after “That …” or “This …”, the first
figure of the sentence before. A figure like “312.400” is read both ways.";

pub struct SumMismatch {
    meta: RuleMeta,
}

impl SumMismatch {
    pub fn new() -> Self {
        SumMismatch {
            meta: crate::checks::meta(
                "numbers/sum-mismatch",
                Severity::Warning,
                "A total its parts do not add up to",
                HELP,
                vec![
                    Example::flag("The agency said 30 of the 40 villages along the river in the district had been flooded, or nearly 90 percent."),
                    Example::flag("The basilica received 4.7 million visitors last year, of whom 2.1 million, or roughly 70 percent, came from abroad."),
                    Example::pass("The basilica received 4.7 million visitors last year, of whom 2.1 million, or roughly 45 percent, came from abroad."),
                    Example::flag("The cost had grown from 6 billion euros to 9 billion euros since 2017, an increase of 30 percent."),
                    Example::pass("The cost had grown from 6 billion euros to 9 billion euros since 2017, an increase of 50 percent."),
                    Example::flag("The new line is 27 kilometres long. Of that, 20 kilometres run through tunnels and 2 kilometres across viaducts, leaving 9 kilometres on the surface."),
                    Example::pass("The new line is 27 kilometres long. Of that, 20 kilometres run through tunnels and 2 kilometres across viaducts, leaving 5 kilometres on the surface."),
                    Example::pass("The release was set at 170 million cubic metres, down from 200 million cubic metres. Of the new total, 110 million cubic metres will go to Ararat, 45 million to Armavir and 15 million to Hrazdan."),
                    Example::flag("Officials said 1,157 pupils had been treated since Monday. Of those treated, 612 were in West Bandung and 463 in Garut, and 37 were still in hospital."),
                    Example::pass("Officials said 1,075 pupils had been treated since Monday. Of those treated, 612 were in West Bandung and 463 in Garut, and 37 were still in hospital."),
                    Example::flag("The budget has risen to €405 million, up from €331 million. Of the new total, €250 million comes from the EU, €105 million from the state and €40 million from a loan."),
                    Example::pass("The budget has risen to €395 million, up from €331 million. Of the new total, €250 million comes from the EU, €105 million from the state and €40 million from a loan."),
                    Example::flag("Inspectors carried out 1,200 checks and found breaches in 180 outlets, or roughly 25 percent of those checked."),
                    Example::pass("Inspectors carried out 1,200 checks and found breaches in 180 outlets, or roughly 15 percent of those checked."),
                    Example::flag("In January the ferry carried 2,310 passengers. That was up from 1,650 passengers in December, an increase of 25 percent."),
                    Example::pass("In January the ferry carried 2,310 passengers. That was up from 1,650 passengers in December, an increase of 40 percent."),
                    Example::flag("Croatia recorded 21.4 million tourist arrivals this year. Arrivals were up 4 percent from 19.6 million a year earlier."),
                    Example::pass("Croatia recorded 21.4 million tourist arrivals this year. Arrivals were up 9 percent from 19.6 million a year earlier."),
                    Example::flag("This summer 312.400 passengers came ashore, compared with 389,000 a year earlier. That is a drop of around 30 percent."),
                    Example::pass("This summer 312,400 passengers came ashore, compared with 389,000 a year earlier. That is a drop of around 20 percent."),
                    Example::pass("Exports reached 410,000 tonnes. Revenue was up 12 percent from $1.9 billion."),
                    Example::flag("According to the ministry, 41 people had been admitted since Monday: 17 in Aswan, 14 in Luxor and 12 in Qena."),
                    Example::flag("Officials said 4,120 residents of nine villages and 1,080 in Sikka had been moved, bringing the total number of evacuees to 5,500."),
                    Example::flag("Farmers have threshed 23.4 million tonnes of grain so far. Of the grain collected, wheat accounted for 17.1 million tonnes, barley for 4.2 million tonnes and other crops for 3.1 million tonnes."),
                    Example::pass("According to the ministry, 41 people had been admitted since Monday: 17 in Aswan, 14 in Luxor and 10 in Qena."),
                    Example::pass("Police arrested 12 people on Monday and 8 on Tuesday, bringing the total to 20."),
                    Example::pass("About 40 people were hurt: 17 in Aswan, 14 in Luxor and 12 in Qena."),
                    Example::pass("Farmers have threshed 23.4 million tonnes of grain. Of the grain collected, wheat accounted for 17.1 million tonnes and barley for 4.2 million tonnes."),
                    Example::pass("The plan has three parts: 2024 for design, 2025 for building and 2026 for testing."),
                    Example::pass("After 2 days of rain, 120 homes were flooded and 45 damaged, bringing the total to 165."),
                    Example::pass("The score was 3-1: goals at 12 and 58 minutes, then a penalty."),
                    Example::flag("It has won orders worth $7.8 billion so far this year, or 92 percent of its annual target of $9.7 billion."),
                    Example::flag("The party won 31 of the 40 seats, or 60 percent, in the upper chamber."),
                    Example::pass("It has won orders worth $7.8 billion so far this year, or 80 percent of its annual target of $9.7 billion."),
                    Example::pass("The party won 31 of the 40 seats, or about 78%, and 12 of 30 in the lower house."),
                    Example::flag("The order covers 18 trains: 12 for the new line and eight for the old one."),
                    Example::pass("The order covers 20 trains: 12 for the new line and eight for the old one."),
                    Example::flag("The order covers 18 trains: 12 for the new line and eight to reinforce the old one."),
                    Example::pass("The order covers 18 trains: 12 to 15 for the new line and three to six for the old one."),
                    Example::flag("Clinics treated 1,120 patients for cough, 430 for eye irritation and 400 for rashes, a total of 1,850 patients."),
                    Example::pass("Clinics treated 1,120 patients for cough, 430 for eye irritation and 400 for rashes, a total of 1,950 patients."),
                    Example::flag("About 6,000 of Kiruna's 22,000 residents, nearly half of the town, have moved."),
                    Example::pass("About 10,500 of Kiruna's 22,000 residents, nearly half of the town, have moved; 7,000 of the 21,000, a third, left."),
                    Example::flag("Three lines make a total of 30 GWh a year. About 40 percent of the output, or 15 GWh, will be exported."),
                    Example::pass("Three lines make a total of 30 GWh a year. About 40 percent of the output, or 12 GWh, will be exported."),
                    Example::pass("Three lines make 30 GWh a year. About 40 percent of the output, or 15 GWh of last year's, was sold."),
                    Example::flag("Of the 430 jobs, 310 are at the mill and 95 in logistics and harbour work."),
                    Example::flag("In all, 64 vessels were stranded. Of those, 41 are cargo barges and 19 are cruise ships."),
                    Example::pass("Of the 430 jobs, 310 are at the mill and 120 in logistics; of the 30 injured, 12 were children and 5 women."),
                    Example::pass("In all, 30 people were hurt. Of those, 12 were children and 5 were elderly."),
                    Example::flag("Bratislava (341 cancelled trains), Žilina (296), Zvolen (278) and Košice (203), together a total of 1,140 trains."),
                    Example::flag("Packers sent 118,400 tonnes from Michoacán, 14,300 tonnes from Jalisco and 3,100 tonnes from Mexico State, for a combined 137,000 tonnes."),
                    Example::flag("On the European side 640 buildings were reinforced, on the Asian side 395, and on the islands 22, making a total of 1,150 schools."),
                    Example::flag("The number of marriages rose 14.9% to 240,000 from 222,400, the highest in six years."),
                    Example::pass("The number of marriages rose 7.9% to 240,000 from 222,400; exports fell 3% from 100 to 97."),
                    Example::flag("Lagos makes about 13,000 tonnes of waste daily, out of which roughly 870 tonnes are plastics, representing about 15 per cent of the total."),
                    Example::pass("Lagos makes about 13,000 tonnes of waste daily, out of which roughly 870 tonnes are plastics, representing about 7 per cent of the total."),
                    Example::flag("Exporters shipped 532 of the 2,420 tonnes, less than 15 percent of the quota."),
                    Example::pass("Exporters shipped 332 of the 2,420 tonnes, less than 15 percent of the quota."),
                    Example::pass("Round 1 (8 articles; 102 core rows, 9 stretch, 45 clean spans): 60 of 102 core rows and 12 stretch."),
                ],
            ),
        }
    }
}

impl Default for SumMismatch {
    fn default() -> Self {
        Self::new()
    }
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\w.,:/-])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?P<scale>\s+(?:million|billion|trillion|thousand))?(?P<after>\s*(?:%|per\s*cent|percent|[\p{L}]+)?)")
            .expect("static regex")
    })
}

const NUM: &str =
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s+(?:million|billion|trillion|thousand))?";

/// “A …, or P percent of … B”.
fn share_of_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s$€£(])(?P<a>{NUM})[^.;:()%]{{0,60}}?,\s+or\s+(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under)\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+[^.;:()%\d]{{0,50}}?[$€£]?(?P<b>{NUM})"
        ))
        .expect("static regex")
    })
}

/// “Of those treated, …”: a breakdown of the figure a participle names.
fn of_those_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^Of (?:those|these)\s+(?:\p{Ll}+\s+)?(?P<w>\p{Ll}+ed),").expect("static regex")
    })
}

/// “Of the new total, …”.
fn of_total_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^Of (?:the|this|that)\s+(?:new\s+|revised\s+|overall\s+|final\s+)?(?:total|sum|amount|budget),")
            .expect("static regex")
    })
}

/// “found breaches in 180 outlets, or roughly 25 percent of those checked”: a share of a
/// figure given earlier in the sentence.
fn share_of_those_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s$€£(])(?P<a>{NUM})[^.;:()%\d]{{0,60}}?,\s+or\s+(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under)\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?:those|them|these|all|the\s+total)\b"
        ))
        .expect("static regex")
    })
}

/// “13,000 tonnes …, out of which roughly 870 tonnes are plastics, representing about 15 per
/// cent”.
fn out_of_which_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s$€£(])(?P<b>{NUM})\b[^.;:()%\d]{{0,60}}?\b(?:out\s+of|of)\s+(?:which|whom|these|those|them)\b[^.;:()%\d]{{0,20}}?(?P<a>{NUM})\b[^.;:()%\d]{{0,60}}?,?\s+(?:or|representing|accounting\s+for|making\s+up)\s+(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under|less than)\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)"
        ))
        .expect("static regex")
    })
}

/// “rose 14.9% to 240,000 from 222,400”, “fell 3% from 100 to 97”: a change and its two figures.
fn change_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?P<dir>rose|grew|increased|climbed|jumped|fell|dropped|declined|decreased|slid)\s+(?:by\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+(?:(?:to\s+(?P<b1>{NUM})\s+from\s+(?P<a1>{NUM}))|(?:from\s+(?P<a2>{NUM})\s+to\s+(?P<b2>{NUM})))"
        ))
        .expect("static regex")
    })
}

/// A change in percent whose new figure is given before it: “That was up from 1,650 passengers
/// in December, an increase of 25 percent”, “arrivals were up 4 percent from 19.6 million”,
/// “compared with 389,000 … That is a drop of around 30 percent”.
fn change_noun_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?P<dir>increase|rise|jump|growth|gain|drop|fall|decline|decrease|reduction)\s+of\s+(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under|less than)\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)")
            .expect("static regex")
    })
}

/// “up 4 percent from 19.6 million”, “fell 12% from 2,400” (no “to” figure).
fn change_from_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?P<dir>up|down|rose|grew|increased|climbed|jumped|fell|dropped|declined|decreased|slid)\s+(?:by\s+)?(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under|less than)\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+(?:from|on|compared\s+with|against)\s+(?:the\s+)?(?P<a>{NUM})(?P<tail>\s+to\s+\d)?"
        ))
        .expect("static regex")
    })
}

/// “from 6 billion euros to 9 billion euros”: a change's two figures, the unit word allowed after
/// each.
fn from_to_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\bfrom\s+[$€£]?(?P<a>{NUM})(?:\s+\p{{Ll}}+)?\s+to\s+[$€£]?(?P<b>{NUM})\b"
        ))
        .expect("static regex")
    })
}

/// The earlier figure a change is measured from, said near a change noun: “up from 1,650”,
/// “compared with 389,000”, “from 19.6 million”.
fn change_base_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|against)\s+(?:the\s+)?(?P<a>{NUM})"
        ))
        .expect("static regex")
    })
}

/// “A of (the) B …, or P percent”.
fn part_of_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s$€£(])(?P<a>{NUM})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<b>{NUM})\b[^.;:()%\d]{{0,80}}?(?:,\s+or|\(|,)\s*(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under|less than)\s+)?(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)"
        ))
        .expect("static regex")
    })
}

/// “6,000 of Kiruna's 22,000 residents, nearly half”: a share given as a fraction word.
fn fraction_of_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?:^|[\s$€£(])(?P<a>{NUM})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|\p{{Lu}}\p{{L}}+['’]s\s+)?(?P<b>{NUM})\b[^.;:()%\d]{{0,40}}?,\s+(?:or\s+)?(?P<q>(?:about|around|nearly|almost|roughly|some|more than|over|under|just over|just under)\s+)?(?P<f>half|a third|one third|a quarter|one quarter|two[- ]thirds|three[- ]quarters)\b"
        ))
        .expect("static regex")
    })
}

/// “about 40 percent of the output, or 15 GWh”: a share of a total given earlier, restated.
fn share_restated_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?P<q>(?:about|around|nearly|almost|roughly|some)\s+)?\b(?P<p>\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?:the|its|their)\s+[\p{{L}} -]{{2,40}}?,\s+or\s+(?:about\s+|around\s+|some\s+)?(?P<y>{NUM})\s*(?P<u>\p{{L}}+)"
        ))
        .expect("static regex")
    })
}

/// “a total of 30 GWh”, “totalling 30 GWh”: a total and its unit word.
fn stated_total_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:a\s+total\s+of|totall?ing|in\s+total|overall)\s+(?P<t>{NUM})\s*(?P<u>\p{{L}}+)"
        ))
        .expect("static regex")
    })
}

/// The percentage a fraction word stands for.
fn fraction_percent(word: &str) -> Option<f64> {
    Some(match word.replace('-', " ").as_str() {
        "half" => 50.0,
        "a third" | "one third" => 100.0 / 3.0,
        "a quarter" | "one quarter" => 25.0,
        "two thirds" => 200.0 / 3.0,
        "three quarters" => 75.0,
        _ => return None,
    })
}

/// Parts written as number words after a list's colon, at `base` (“… and eight to …”).
fn word_parts(list: &str, base: usize) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut pos = 0;
    for w in list.split(|c: char| !c.is_alphanumeric()) {
        let start = pos;
        pos += w.len() + 1;
        if let Some(value) = number_word(&w.to_lowercase()) {
            out.push(Figure {
                span: Span::new(base + start, base + start + w.len()),
                value,
                scale: 0,
                approximate: false,
                decimal: false,
            });
        }
    }
    out
}

fn scaled(caps: &regex::Captures<'_>, name: &str) -> Option<f64> {
    let m = caps.name(name)?;
    let text = m.as_str();
    let (num, scale) = match text.split_once(char::is_whitespace) {
        Some((n, s)) => (n, s.trim()),
        None => (text, ""),
    };
    let v: f64 = num.replace(',', "").parse().ok()?;
    Some(v * 10f64.powi(scale_exponent(scale) as i32))
}

/// The value of a figure as written (“19.6 million”, “1,650”).
fn figure_value(text: &str) -> Option<f64> {
    let (num, scale) = match text.split_once(char::is_whitespace) {
        Some((n, s)) => (n, s.trim()),
        None => (text, ""),
    };
    let v: f64 = num.replace(',', "").parse().ok()?;
    Some(v * 10f64.powi(scale_exponent(scale) as i32))
}

/// The scale exponent of a figure as written (“19.6 million”: 6).
fn scale_of(text: &str) -> u32 {
    text.split_once(char::is_whitespace)
        .map_or(0, |(_, s)| scale_exponent(s.trim()))
}

/// The power of ten a scale word stands for (none: 0).
fn scale_exponent(word: &str) -> u32 {
    match word {
        "thousand" => 3,
        "million" => 6,
        "billion" => 9,
        "trillion" => 12,
        _ => 0,
    }
}

fn total_phrase_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:\b(?:bringing|taking|raising|putting)\s+(?:the\s+)?(?:total|tally|overall|number|count)\b[^,.;:]{0,50}?\s+to|(?:\bfor\s+|,\s+(?:together\s+|in\s+all\s+|making\s+|bringing\s+)?)(?:a\s+total\s+of|a\s+combined))\s*$")
            .expect("static regex")
    })
}

#[derive(Debug, Clone, Copy)]
struct Figure {
    span: Span,
    value: f64,
    /// Scale word: 0 none, else 10^3, 10^6…
    scale: u32,
    approximate: bool,
    /// Written with a decimal part.
    decimal: bool,
}

/// Words after a number that make it something other than a count of the total's kind.
fn excluded_unit(after: &str) -> bool {
    let a = after.trim().to_lowercase();
    a.starts_with('%')
        || matches!(
            a.as_str(),
            "per"
                | "percent"
                | "pm"
                | "am"
                | "a"
                | "p"
                | "days"
                | "day"
                | "hours"
                | "hour"
                | "weeks"
                | "week"
                | "months"
                | "month"
                | "years"
                | "year"
                | "minutes"
                | "minute"
                | "seconds"
                | "km"
                | "degrees"
                | "gmt"
                | "utc"
        )
        || a.starts_with("per ")
}

fn figures(text: &str, base: usize) -> Vec<Figure> {
    let mut out = Vec::new();
    for c in number_re().captures_iter(text) {
        let (Some(n), Some(after)) = (c.name("n"), c.name("after")) else {
            continue;
        };
        let raw = n.as_str();
        let rest = &text[n.end()..];
        // Times, scores and ranges: 10:30, 3-1, 2024.
        if rest.starts_with([':', '-', '–', '/'])
            || (raw.len() == 4 && (raw.starts_with("19") || raw.starts_with("20")))
            || excluded_unit(after.as_str())
        {
            continue;
        }
        // “23,4” is a decimal comma; “4,120” a thousands separator.
        let decimal_comma = raw.split_once(',').is_some_and(|(_, d)| d.len() < 3);
        let clean: String = if decimal_comma {
            raw.replace(',', ".")
        } else {
            raw.replace(',', "")
        };
        let Ok(value) = clean.parse::<f64>() else {
            continue;
        };
        let scale = scale_exponent(c.name("scale").map_or("", |s| s.as_str().trim()));
        let before = text[..n.start()].trim_end().to_lowercase();
        let approximate = [
            "about",
            "around",
            "some",
            "nearly",
            "almost",
            "roughly",
            "approximately",
            "over",
            "least",
            "than",
            "up to",
            "estimated",
            "~",
        ]
        .iter()
        .any(|w| before.ends_with(w));
        out.push(Figure {
            span: Span::new(base + n.start(), base + n.end()),
            value,
            scale,
            approximate,
            decimal: clean.contains('.'),
        });
    }
    out
}

fn sum(parts: &[Figure]) -> f64 {
    parts.iter().map(|f| f.value).sum()
}

fn differs(total: f64, parts: f64, decimal: bool) -> bool {
    if decimal {
        (total - parts).abs() > 0.051
    } else {
        (total - parts).abs() > 0.5
    }
}

fn show(v: f64, decimal: bool) -> String {
    if decimal {
        format!("{v:.1}")
    } else {
        let s = format!("{}", v.round() as i64);
        // Thousands separators.
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
}

impl SumMismatch {
    fn report(&self, total: &Figure, parts: &[Figure], out: &mut Vec<Diagnostic>) {
        let decimal = total.decimal || parts.iter().any(|p| p.decimal);
        // The whole claim, total and parts: “18 trains: 12 for … and eight”.
        let span = parts.iter().fold(total.span, |s, p| {
            Span::new(s.start.min(p.span.start), s.end.max(p.span.end))
        });
        let mut d = Diagnostic::new(
            &self.meta.id,
            self.meta.severity,
            span,
            format!(
                "The parts add up to {}, not {}",
                show(sum(parts), decimal),
                show(total.value, decimal)
            ),
        )
        .with_help("Check the total and each part against the source.");
        for p in parts {
            d = d.with_related(p.span, "a part");
        }
        out.push(d);
    }
}

/// Does a share stated as `stated` percent, with the hedge `q` (“about”, “more than”, “under”)
/// if any, fit the real one? Exact: within `exact` points; hedged: within `hedged`; “more than”
/// and “under” also fit anything on their side.
fn share_fits(q: Option<&str>, real: f64, stated: f64, exact: f64, hedged: f64) -> bool {
    let slack = match q.map(str::trim) {
        None => exact,
        Some("more than" | "over" | "just over") if real >= stated => return true,
        Some("under" | "less than" | "just under") if real <= stated => return true,
        Some(_) => hedged,
    };
    (real - stated).abs() <= slack
}

/// The text of capture `name`, or nothing.
fn cap<'t>(c: &regex::Captures<'t>, name: &str) -> &'t str {
    c.name(name).map_or("", |m| m.as_str())
}

/// Is a change told with `dir` (“rose”, “up”, “an increase of”) a rise?
fn is_rise(dir: &str) -> bool {
    matches!(
        dir,
        "up" | "rose"
            | "grew"
            | "increased"
            | "climbed"
            | "jumped"
            | "increase"
            | "rise"
            | "jump"
            | "growth"
            | "gain"
    )
}

/// Does a change from `old` to `new` fit the `stated` percentage and direction? The size may be
/// off by rounding: a point (three with a hedge such as “about”) or a tenth of the change.
fn change_fits(old: f64, new: f64, stated: f64, hedge: Option<&str>, up: bool) -> bool {
    let real = 100.0 * (new - old) / old;
    let slack = if hedge.is_some() { 3.0_f64 } else { 1.0 }.max(stated * 0.1);
    (real >= 0.0) == up && share_fits(hedge, real.abs(), stated, slack, slack)
}

impl SumMismatch {
    /// “A of B is R%, not S”: a share against its two figures.
    fn share_diagnostic(
        &self,
        span: Span,
        a: &str,
        b: &str,
        real: f64,
        stated: &str,
    ) -> Diagnostic {
        Diagnostic::new(
            &self.meta.id,
            self.meta.severity,
            span,
            format!("{a} of {b} is {real:.0}%, not {stated}"),
        )
        .with_help("Recompute the share or check the two figures.")
    }

    /// “From A to B is a change of R%, not <claim>”: a change in percent against its figures.
    fn change_diagnostic(
        &self,
        span: Span,
        from: &str,
        to: &str,
        real: f64,
        claim: &str,
    ) -> Diagnostic {
        Diagnostic::new(
            &self.meta.id,
            self.meta.severity,
            span,
            format!("From {from} to {to} is a change of {real:+.1}%, not {claim}"),
        )
        .with_help("Recompute the change or check the two figures.")
    }

    /// Step 7 of `check`: a change in percent given with its old figure only, the new one said
    /// just before (see [`change_noun_re`]). The new figure is the nearest earlier figure of
    /// the same scale that counts the same thing (the word after it, or the subject of the
    /// change), or any one when the sentence opens with “That” or “This”.
    fn change_from_earlier<'a>(&self, article: &'a Article, si: usize, out: &mut Vec<Diagnostic>) {
        use regex::Match;
        let s = &article.sentences[si];
        let text = article.slice(s.span);
        // (direction, percentage, hedge, base figure, offset of the base's sentence)
        let mut changes: Vec<(Match<'a>, Match<'a>, Option<Match<'a>>, Match<'a>, usize)> =
            Vec::new();
        for c in change_from_re().captures_iter(text) {
            let (Some(dir), Some(p), Some(a)) = (c.name("dir"), c.name("p"), c.name("a")) else {
                continue;
            };
            // “rose 12% from 2,400 to 2,690” is step 6's.
            if c.name("tail").is_none() {
                changes.push((dir, p, c.name("q"), a, s.span.start));
            }
        }
        for c in change_noun_re().captures_iter(text) {
            let (Some(dir), Some(p)) = (c.name("dir"), c.name("p")) else {
                continue;
            };
            // “grew from 6 billion euros to 9 billion euros …, an increase of 30 percent”: both
            // figures before it.
            if let Some(ft) = from_to_re().captures_iter(&text[..dir.start()]).last() {
                if let (Some(a), Some(b)) = (scaled(&ft, "a"), scaled(&ft, "b")) {
                    let stated = p.as_str().parse::<f64>().unwrap_or(f64::NAN);
                    if a > 0.0 && stated.is_finite() {
                        let real = 100.0 * (b - a) / a;
                        let hedge = c.name("q").map(|m| m.as_str());
                        if !change_fits(a, b, stated, hedge, is_rise(dir.as_str())) {
                            out.push(self.change_diagnostic(
                                Span::new(s.span.start + p.start(), s.span.start + p.end()),
                                ft.name("a").map_or("", |m| m.as_str()),
                                ft.name("b").map_or("", |m| m.as_str()),
                                real,
                                &format!("the {}% stated", p.as_str()),
                            ));
                        }
                    }
                }
                continue;
            }
            // Its base: “up from 1,650” or “compared with 389,000” in the same sentence, or in
            // the one before when this one opens with “That” or “This”.
            let base_in = |t: &'a str| {
                change_base_re()
                    .captures_iter(t)
                    .filter_map(|b| b.name("a"))
                    .last()
            };
            let anaphoric = text.starts_with("That ") || text.starts_with("This ");
            let Some((a, a_at)) = base_in(text).map(|m| (m, s.span.start)).or_else(|| {
                let prev = article.sentences.get(si.checked_sub(1)?)?;
                anaphoric
                    .then(|| base_in(article.slice(prev.span)))
                    .flatten()
                    .map(|m| (m, prev.span.start))
            }) else {
                continue;
            };
            changes.push((dir, p, c.name("q"), a, a_at));
        }
        for (dir, p, q, a, a_base) in changes {
            let Some(old) = figure_value(a.as_str()) else {
                continue;
            };
            let Ok(stated) = p.as_str().parse::<f64>() else {
                continue;
            };
            if old <= 0.0 {
                continue;
            }
            let anaphoric = text.starts_with("That ") || text.starts_with("This ");
            // The noun the change is about: the word before “were up …”, or after the base.
            let subject = text[..dir.start()]
                .split_whitespace()
                .rev()
                .find(|w| !matches!(*w, "was" | "were" | "is" | "are" | "had" | "has" | "have"))
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .unwrap_or_default();
            let a_text = article.text.get(a_base + a.start()..).unwrap_or("");
            let base_noun = a_text[a.as_str().len()..]
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .unwrap_or_default();
            let a_start = a_base + a.start();
            // Candidate new figures: this sentence before the base, then the two before it.
            let mut pool: Vec<(Figure, String)> = Vec::new();
            for sj in si.saturating_sub(2)..=si {
                let sent = &article.sentences[sj];
                let st = article.slice(sent.span);
                for f in figures(st, sent.span.start) {
                    if f.span.end > a_start.min(s.span.start + p.start()) {
                        continue;
                    }
                    let after: Vec<String> = article.text[f.span.end..]
                        .split_whitespace()
                        .skip(usize::from(f.scale > 0))
                        .take(3)
                        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                        .collect();
                    pool.push((f, after.join(" ")));
                }
            }
            let fits_scale = |f: &Figure, v: f64| {
                let ratio = v / old;
                (0.3..=3.0).contains(&ratio) && f.scale == scale_of(a.as_str())
            };
            let counts_same = |words: &str| {
                let ws: Vec<&str> = words.split(' ').collect();
                (base_noun.len() > 3 && ws.first() == Some(&base_noun.as_str()))
                    || (subject.len() > 3 && ws.contains(&subject.as_str()))
            };
            let plausible = |f: &Figure| {
                let v = f.value * 10f64.powi(f.scale as i32);
                fits_scale(f, v) || fits_scale(f, v * 1000.0)
            };
            // The nearest figure that counts the same thing; after “That …”, the first figure of
            // the sentence before.
            let same = pool
                .iter()
                .rev()
                .find(|(f, words)| plausible(f) && counts_same(words));
            let first_before = || {
                let prev = &article.sentences[si.checked_sub(1)?];
                pool.iter()
                    .find(|(f, _)| prev.span.contains(f.span) && plausible(f))
            };
            let Some((new_fig, _)) = same.or_else(|| anaphoric.then(first_before).flatten()) else {
                continue;
            };
            let v = new_fig.value * 10f64.powi(new_fig.scale as i32);
            // “312.400” may be a thousands point: either reading may be the one meant.
            let readings: Vec<f64> = if fits_scale(new_fig, v) {
                vec![v]
            } else {
                vec![]
            }
            .into_iter()
            .chain(fits_scale(new_fig, v * 1000.0).then_some(v * 1000.0))
            .collect();
            let fits = |new: f64| {
                change_fits(
                    old,
                    new,
                    stated,
                    q.map(|m| m.as_str()),
                    is_rise(dir.as_str()),
                )
            };
            if readings.is_empty() || readings.iter().any(|&n| fits(n)) {
                continue;
            }
            let new = readings[0];
            let real = 100.0 * (new - old) / old;
            // The new figure as written, with its scale word (“21.4 million”).
            let shown = match new_fig.scale {
                0 => article.slice(new_fig.span).to_string(),
                _ => article.text[new_fig.span.start..]
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            out.push(
                self.change_diagnostic(
                    Span::new(s.span.start + p.start(), s.span.start + p.end()),
                    a.as_str(),
                    &format!("{shown} (given earlier)"),
                    real,
                    &format!("the {}% stated", p.as_str()),
                )
                .with_related(new_fig.span, "the new figure"),
            );
        }
    }

    /// A breakdown in a later sentence: reported on the breakdown, the total related.
    fn report_breakdown(&self, total: &Figure, parts: &[Figure], out: &mut Vec<Diagnostic>) {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            return;
        };
        let decimal = total.decimal || parts.iter().any(|p| p.decimal);
        out.push(
            Diagnostic::new(
                &self.meta.id,
                self.meta.severity,
                Span::new(first.span.start, last.span.end),
                format!(
                    "These parts add up to {}, not the total of {} given earlier",
                    show(sum(parts), decimal),
                    show(total.value, decimal)
                ),
            )
            .with_related(total.span, "the total")
            .with_help("Check the total and each part against the source."),
        );
    }
}

impl Rule for SumMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        // Earlier sentences with figures (their figures are read only for a breakdown).
        let mut earlier: Vec<usize> = Vec::new();
        for (si, s) in article.sentences.iter().enumerate() {
            let text = article.slice(s.span);
            let has_digit = text.bytes().any(|b| b.is_ascii_digit());
            if !has_digit {
                continue;
            }
            let opens_of = text.starts_with("Of the ")
                || text.starts_with("Of these ")
                || text.starts_with("Of those ");
            // “Of those, 41 … and 19 …”: the figure just given is the total.
            let opens_of_those = text.starts_with("Of those,")
                || text.starts_with("Of these,")
                || text.starts_with("Of that,")
                || text.starts_with("Of this,")
                || of_those_re().is_match(text);
            let share = text.contains('%') || text.contains("percent") || text.contains("per cent");
            // Most sentences have none of the four shapes' markers.
            let fraction =
                text.contains(" half") || text.contains(" third") || text.contains(" quarter");
            if !(opens_of
                || opens_of_those
                || share
                || fraction
                || text.contains(':')
                || text.contains("total")
                || text.contains("combined"))
            {
                earlier.push(si);
                continue;
            }
            let figs = figures(text, s.span.start);
            let exact = |fs: &[Figure]| fs.iter().all(|f| !f.approximate);
            // The word after a figure (after its scale word): “people”, “in”.
            let word_after = |f: &Figure| {
                article.text[f.span.end..]
                    .split_whitespace()
                    .nth(usize::from(f.scale > 0))
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .unwrap_or_default()
            };
            // 1. “41 people …: 17 in Aswan, 14 in Luxor and 12 in Qena.”
            if let Some(colon) = text.find(':') {
                let at = s.span.start + colon;
                let list_text = &text[colon..];
                let total = figs.iter().rev().find(|f| f.span.end <= at);
                let parts: Vec<Figure> =
                    figs.iter().filter(|f| f.span.start > at).copied().collect();

                if let Some(total) = total {
                    let mut parts = parts;
                    // Each part counts the total's thing or says where: “17 in Aswan”.
                    let noun = word_after(total);
                    let part_like = |p: &Figure| {
                        let w = word_after(p);
                        // “eight to reinforce the service”, not a range (“12 to 15”).
                        let to_not_range = w == "to"
                            && article.text[p.span.end..]
                                .split_whitespace()
                                .nth(1 + usize::from(p.scale > 0))
                                .is_some_and(|n| {
                                    !n.starts_with(|c: char| c.is_ascii_digit())
                                        && number_word(&n.to_lowercase()).is_none()
                                });
                        w == noun
                            || to_not_range
                            || matches!(
                                w.as_str(),
                                "in" | "from" | "at" | "of" | "on" | "by" | "for"
                            )
                    };
                    // A list of figures may spell a small one out: “12 for the new line and
                    // eight for …” (a number word counts only where a part's word follows).
                    if !parts.is_empty() {
                        parts.extend(word_parts(list_text, at).into_iter().filter(part_like));
                        parts.sort_by_key(|f| f.span.start);
                    }
                    if parts.len() >= 2
                        && parts.iter().all(part_like)
                        && list_text.contains(" and ")
                        && !list_text.contains("including")
                        && exact(&parts)
                        && !total.approximate
                        && parts.iter().all(|p| p.scale == total.scale)
                        && differs(total.value, sum(&parts), total.decimal)
                    {
                        self.report(total, &parts, out);
                    }
                }
            }
            // 2. “4,120 … and 1,080 …, bringing the total to 5,500.”
            for (k, f) in figs.iter().enumerate() {
                let head = &article.text[s.span.start..f.span.start];
                if k < 2 || !total_phrase_re().is_match(head) {
                    continue;
                }
                let parts = &figs[..k];
                if exact(parts)
                    && !f.approximate
                    && parts.iter().all(|p| p.scale == f.scale)
                    && differs(f.value, sum(parts), f.decimal)
                {
                    self.report(f, parts, out);
                }
            }
            // 3a. “Of the 430 jobs, 310 are at the mill and 95 in logistics”, “Of those, 41 are
            // barges and 19 cruise ships”: two or three parts joined by “and” that fall just
            // short of the total (85% or more) look like a slipped figure, not a partial list.
            if (opens_of || opens_of_those) && text.contains(" and ") {
                // “Of the 430 jobs, …” (not “Of that, 20 …”).
                let own_total = figs.first().filter(|f| {
                    let at = f.span.start - s.span.start;
                    at <= "Of these ".len() && !text[..at].contains(',')
                });
                // “Of those treated, …”: the earlier figure the participle follows (“1,157
                // pupils had been treated”).
                let participle = of_those_re()
                    .captures(text)
                    .and_then(|c| c.name("w"))
                    .map(|w| w.as_str());
                let of_total = of_total_re().is_match(text);
                let nearby = |k: &usize| {
                    let e = &article.sentences[*k];
                    (s.block.saturating_sub(e.block) <= 1).then_some(e)
                };
                let total = match own_total {
                    Some(t) => Some(*t),
                    None if participle.is_some() => earlier.iter().rev().take(3).find_map(|k| {
                        let e = nearby(k)?;
                        figures(article.slice(e.span), e.span.start)
                            .into_iter()
                            .rev()
                            .find(|f| {
                                article.text[f.span.end..]
                                    .split_whitespace()
                                    .take(6)
                                    .any(|w| {
                                        Some(w.trim_matches(|c: char| !c.is_alphabetic()))
                                            == participle
                                    })
                            })
                    }),
                    None if opens_of_those => earlier.last().and_then(|k| {
                        let e = nearby(k)?;
                        figures(article.slice(e.span), e.span.start).last().copied()
                    }),
                    // “Of the new total, …”: the largest figure of the sentence before, not
                    // counting an old one (“down from 200 million”).
                    None if of_total => earlier.last().and_then(|k| {
                        let e = nearby(k)?;
                        figures(article.slice(e.span), e.span.start)
                            .into_iter()
                            .filter(|f| {
                                let before = article.text[..f.span.start]
                                    .trim_end_matches(|c: char| !c.is_alphanumeric());
                                !(before.ends_with(" from") || before.ends_with(" with"))
                            })
                            .max_by(|a, b| {
                                (a.value * 10f64.powi(a.scale as i32))
                                    .total_cmp(&(b.value * 10f64.powi(b.scale as i32)))
                            })
                    }),
                    None => None,
                };
                // A clause joined after the list (“612 … and 463 in Garut, and 37 were still in
                // hospital”) is no part: cut at “, and” once the list has had its “and”.
                let cut = text
                    .find(", and ")
                    .filter(|&i| text[..i].contains(" and "))
                    .map_or(usize::MAX, |i| s.span.start + i);
                let parts: Vec<Figure> = figs
                    .iter()
                    .filter(|f| own_total.is_none_or(|t| f.span != t.span) && f.span.start < cut)
                    .copied()
                    .collect();
                if let Some(total) = total.filter(|t| !t.approximate) {
                    let parts_sum = sum(&parts);
                    if (2..=3).contains(&parts.len())
                        && exact(&parts)
                        && parts
                            .iter()
                            .all(|p| p.scale == total.scale && (!p.decimal || total.decimal))
                        && !text.contains("including")
                        && parts_sum < total.value
                        && parts_sum * 100.0 >= total.value * 85.0
                    {
                        self.report_breakdown(&total, &parts, out);
                    } else if (2..=4).contains(&parts.len())
                        && exact(&parts)
                        && parts_sum > total.value + if total.decimal { 0.051 } else { 0.5 }
                        && parts
                            .iter()
                            .all(|p| p.scale == total.scale && word_after(p) == word_after(&total))
                        && !text.contains("including")
                    {
                        // “27 kilometres long. Of that, 20 kilometres …, 2 kilometres … leaving 9
                        // kilometres”: parts of one unit adding up to more than the whole.
                        self.report_breakdown(&total, &parts, out);
                    }
                }
            }
            // 3. “Of the grain collected, wheat accounted for 17.1 million tonnes, …”
            if opens_of && figs.len() >= 2 && exact(&figs) {
                let scale = figs[0].scale;
                let unit = word_after(&figs[0]);
                let same = figs
                    .iter()
                    .all(|f| f.scale == scale && word_after(f) == unit);
                // The nearest earlier figure of the same unit, within two paragraphs.
                let total = earlier
                    .iter()
                    .rev()
                    .map(|&k| &article.sentences[k])
                    .take_while(|e| s.block.saturating_sub(e.block) <= 2)
                    .find_map(|e| {
                        figures(article.slice(e.span), e.span.start)
                            .into_iter()
                            .rev()
                            .find(|p| p.scale == scale && word_after(p) == unit)
                    })
                    .filter(|p| !p.approximate);
                if let (true, Some(total)) = (same, total) {
                    let parts_sum = sum(&figs);
                    let exhaustive = text.contains(" other ") || text.contains("the rest");
                    let decimal = total.decimal || figs.iter().any(|f| f.decimal);
                    let over = parts_sum > total.value + if decimal { 0.051 } else { 0.5 };
                    if over || (exhaustive && differs(total.value, parts_sum, decimal)) {
                        self.report_breakdown(&total, &figs, out);
                    }
                }
            }
            // 4b. “6,000 of 22,000 residents, nearly half”.
            if text.contains(" of ") {
                for c in fraction_of_re().captures_iter(text) {
                    let (Some(a), Some(b), Some(f)) =
                        (scaled(&c, "a"), scaled(&c, "b"), c.name("f"))
                    else {
                        continue;
                    };
                    let Some(stated) = fraction_percent(f.as_str()) else {
                        continue;
                    };
                    if b <= 0.0 || a > b {
                        continue;
                    }
                    let real = 100.0 * a / b;
                    if share_fits(c.name("q").map(|q| q.as_str()), real, stated, 4.0, 9.0) {
                        continue;
                    }
                    let span = Span::new(s.span.start + f.start(), s.span.start + f.end());
                    out.push(self.share_diagnostic(
                        span,
                        cap(&c, "a"),
                        cap(&c, "b"),
                        real,
                        f.as_str(),
                    ));
                }
            }
            // 5. “40 percent of the output, or 15 GWh” after “a total of 30 GWh”.
            if share && text.contains(", or ") {
                for c in share_restated_re().captures_iter(text) {
                    let (Some(p), Some(y), Some(u)) = (c.name("p"), scaled(&c, "y"), c.name("u"))
                    else {
                        continue;
                    };
                    let Ok(pct) = p.as_str().parse::<f64>() else {
                        continue;
                    };
                    // The total of the same unit stated earlier in the article.
                    let before = &article.text[..s.span.start];
                    let Some(total) = stated_total_re()
                        .captures_iter(before)
                        .filter(|t| t.name("u").is_some_and(|tu| tu.as_str() == u.as_str()))
                        .last()
                        .and_then(|t| scaled(&t, "t"))
                    else {
                        continue;
                    };
                    if total <= 0.0 || pct > 100.0 {
                        continue;
                    }
                    let real = 100.0 * y / total;
                    let slack = if c.name("q").is_some() { 3.0 } else { 1.0 };
                    if (real - pct).abs() <= slack {
                        continue;
                    }
                    let (Some(ym), Some(all)) = (c.name("y"), c.get(0)) else {
                        continue;
                    };
                    out.push(
                        Diagnostic::new(
                            &self.meta.id,
                            self.meta.severity,
                            Span::new(s.span.start + p.start(), s.span.start + all.end()),
                            format!(
                                "{}% of the total {} {} is {}, not {} ({:.0}%)",
                                p.as_str(),
                                show(total, total.fract() != 0.0),
                                u.as_str(),
                                show(total * pct / 100.0, true),
                                ym.as_str(),
                                real
                            ),
                        )
                        .with_help(
                            "Recompute the share or the figure from the total given earlier.",
                        ),
                    );
                }
            }
            // 6. A change in percent against its two figures.
            if share && (text.contains(" from ") && text.contains(" to ")) {
                for c in change_re().captures_iter(text) {
                    let (Some(p), Some(dir)) = (c.name("p"), c.name("dir")) else {
                        continue;
                    };
                    let (Some(a), Some(b)) = (
                        scaled(&c, "a1").or_else(|| scaled(&c, "a2")),
                        scaled(&c, "b1").or_else(|| scaled(&c, "b2")),
                    ) else {
                        continue;
                    };
                    let Ok(stated) = p.as_str().parse::<f64>() else {
                        continue;
                    };
                    if a <= 0.0 {
                        continue;
                    }
                    let real = 100.0 * (b - a) / a;
                    if change_fits(a, b, stated, None, is_rise(dir.as_str())) {
                        continue;
                    }
                    let span = Span::new(s.span.start + p.start(), s.span.start + p.end());
                    out.push(self.change_diagnostic(
                        span,
                        &show(a, a.fract() != 0.0),
                        &show(b, b.fract() != 0.0),
                        real,
                        &format!("“{} {}%”", dir.as_str(), p.as_str()),
                    ));
                }
            }
            // 7. A change whose new figure is given earlier (in this sentence or the two before).
            if share {
                self.change_from_earlier(article, si, out);
            }
            // 4. A share next to its two figures.
            if share {
                // “1,200 inspections … found breaches in 180 outlets, or roughly 25 percent of
                // those checked”: the whole is the largest figure before the part.
                for c in share_of_those_re().captures_iter(text) {
                    let (Some(am), Some(a), Some(p)) = (c.name("a"), scaled(&c, "a"), c.name("p"))
                    else {
                        continue;
                    };
                    let Some(b) = figs
                        .iter()
                        .filter(|f| f.span.end <= s.span.start + am.start() && f.scale == 0)
                        .map(|f| f.value)
                        .filter(|&v| v > a)
                        .max_by(f64::total_cmp)
                    else {
                        continue;
                    };
                    let Ok(stated) = p.as_str().parse::<f64>() else {
                        continue;
                    };
                    let real = 100.0 * a / b;
                    if share_fits(c.name("q").map(|q| q.as_str()), real, stated, 1.0, 3.0) {
                        continue;
                    }
                    out.push(self.share_diagnostic(
                        Span::new(s.span.start + p.start(), s.span.start + p.end()),
                        am.as_str(),
                        &show(b, false),
                        real,
                        &format!("{}%", p.as_str()),
                    ));
                }
                for re in [share_of_re(), part_of_re(), out_of_which_re()] {
                    for c in re.captures_iter(text) {
                        let (Some(a), Some(b), Some(p)) =
                            (scaled(&c, "a"), scaled(&c, "b"), c.name("p"))
                        else {
                            continue;
                        };
                        let Ok(stated) = p.as_str().parse::<f64>() else {
                            continue;
                        };
                        if b <= 0.0 || a > b * 10.0 {
                            continue;
                        }
                        let share = 100.0 * a / b;
                        if share_fits(c.name("q").map(|q| q.as_str()), share, stated, 1.0, 3.0) {
                            continue;
                        }
                        let span = Span::new(s.span.start + p.start(), s.span.start + p.end());
                        let stated_text = format!("{}%", p.as_str());
                        out.push(self.share_diagnostic(
                            span,
                            cap(&c, "a"),
                            cap(&c, "b"),
                            share,
                            &stated_text,
                        ));
                    }
                }
            }
            earlier.push(si);
        }
    }
}
