//! The article's reference date (and place, where the dateline gives one), found in the text or
//! set by the user. Relative dates, weekdays and time-zone checks are read against it.

use crate::diagnostic::Span;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// `--date`, the config file, or an API caller.
    Override,
    /// Front matter or HTML metadata.
    Metadata,
    /// A date line or dateline in the text.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dateline {
    pub date: NaiveDate,
    /// The place named in the dateline ("Berlin", "COLOMBO").
    pub place: Option<String>,
    /// Where the date was found, when it was found in the text.
    pub span: Option<Span>,
    pub source: DateSource,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month number of an English month name or abbreviation (case-insensitive, trailing dot allowed).
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, k)| k)
}

const MONTH_RE: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"(?x)
            (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?\b)
            | (?P<num>\b(?P<d3>\d{{1,2}})(?P<sep>[./])(?P<m3>\d{{1,2}})[./](?P<y3>\d{{4}})\b)
            | (?P<ymd>\b(?P<y5>\d{{4}})[./](?P<m5>\d{{1,2}})[./](?P<d5>\d{{1,2}})\.?)
            | (?P<mdy>\b(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})\b)
            | (?P<dmy>\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{m}),?\s+(?P<y2>\d{{4}})\b)
            ",
            m = MONTH_RE
        );
        Regex::new(&pat).expect("static regex")
    })
}

fn place_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^\s*(?:By\s+[^|\n]{1,60}\|\s*)?(?P<place>\p{Lu}[\p{L}.'’]*(?:[ -]\p{Lu}[\p{L}.'’]*){0,3})(?:\s*/\s*\p{Lu}[\p{L}.'’]*(?:[ -]\p{Lu}[\p{L}.'’]*){0,2})?(?:\s*,\s*\p{Lu}[\p{L}.]*)?\s*(?:,|\((?:AFP|AP|Reuters|dpa|ANSA|EFE|PAP|Xinhua|TASS|IANS|PTI|UPI|Bloomberg|\p{Lu}[\p{L}&. ]{1,30})\)|[–—]|-(?:\s|$))",
        )
        .expect("static regex")
    })
}

/// A dateline without a year, as wire copy prints it: “BELGRADE, August 14 (Tanjug) -”,
/// “CHIANG MAI, Thailand, March 12 –”, “PRAGUE, 12 Feb -”.
fn yearless_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"^\s*(?P<place>\p{{Lu}}[\p{{L}}.'’]*(?:[ -]\p{{Lu}}[\p{{L}}.'’]*){{0,3}})(?:\s*,\s*\p{{Lu}}[\p{{L}}.]*(?:\s\p{{Lu}}[\p{{L}}.]*)?)?\s*,\s*(?:(?P<m1>{m})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{m}))(?:st|nd|rd|th)?\b\s*(?:\([^)\n]{{1,40}}\)\s*)?(?:--?\s|[–—:]\s|$)",
            m = MONTH_RE
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// A yearless dateline in `line`: its place, month and day.
fn yearless(line: &str) -> Option<(String, u32, u32)> {
    let c = yearless_re().captures(line)?;
    let place = c.name("place")?.as_str().trim();
    if month_number(place).is_some() || is_weekday(place) {
        return None;
    }
    let month = month_number(c.name("m1").or_else(|| c.name("m2"))?.as_str())?;
    let day = c
        .name("d1")
        .or_else(|| c.name("d2"))?
        .as_str()
        .parse()
        .ok()?;
    (1..=31)
        .contains(&day)
        .then(|| (place.to_string(), month, day))
}

/// The days of the week, Monday first (as `chrono` numbers them from Monday).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// “Sunday, August 10”, “Sunday (10 August)”: a weekday named with its date in the text.
fn weekday_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\(?(?:(?P<m1>{m})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{m}))(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?",
            m = MONTH_RE
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// The year of a dateline that gives none, where the article settles it: among the years it
/// mentions (and the year after each), the one under which the weekdays it names with their
/// dates, and the weekday of its first sentence (“… on Thursday”), agree best. At least two
/// agreements and no tie, or no year.
fn infer_year(text: &str, month: u32, day: u32, lede: &str) -> Option<i32> {
    use chrono::Datelike;
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year_re =
        YEAR.get_or_init(|| Regex::new(r"\b(?:19[5-9]\d|20\d\d)\b").expect("static regex"));
    let mut candidates: Vec<i32> = year_re
        .find_iter(text)
        .filter_map(|m| m.as_str().parse::<i32>().ok())
        .flat_map(|y| [y, y + 1])
        .collect();
    let latest_mentioned = candidates.iter().max().map(|y| y - 1);
    // An article may be dated two years after the latest year it mentions.
    candidates.extend(latest_mentioned.map(|y| y + 2));
    candidates.sort_unstable();
    candidates.dedup();
    let pairs: Vec<(usize, u32, u32)> = weekday_date_re()
        .captures_iter(text)
        .filter(|c| c.name("y").is_none())
        .filter_map(|c| {
            let name = c.name("w")?.as_str();
            let w = WEEKDAYS.iter().position(|w| *w == name)?;
            let m = month_number(c.name("m1").or_else(|| c.name("m2"))?.as_str())?;
            let d = c
                .name("d1")
                .or_else(|| c.name("d2"))?
                .as_str()
                .parse()
                .ok()?;
            Some((w, m, d))
        })
        .collect();
    // The lede's weekday on its own (“… on Thursday”), not one named with its date, which
    // `pairs` counts already.
    let lede = weekday_date_re().replace_all(lede, "");
    let lede_weekday = WEEKDAYS
        .iter()
        .position(|w| lede.contains(&format!("on {w}")));
    // (agreements, agreements of a weekday named with its date)
    let score = |y: i32| -> Option<(usize, usize)> {
        let date = NaiveDate::from_ymd_opt(y, month, day)?;
        let mut n =
            usize::from(lede_weekday == Some(date.weekday().num_days_from_monday() as usize));
        let mut dated = 0;
        for &(w, m, d) in &pairs {
            // A month well after the dateline's is last year's.
            let py = if m > month + 1 { y - 1 } else { y };
            if NaiveDate::from_ymd_opt(py, m, d)
                .is_some_and(|x| x.weekday().num_days_from_monday() as usize == w)
            {
                n += 1;
                dated += 1;
            }
        }
        Some((n, dated))
    };
    let mut scored: Vec<((usize, usize), i32)> = candidates
        .into_iter()
        .filter_map(|y| Some((score(y)?, y)))
        .collect();
    scored.sort_unstable_by(|a, b| b.cmp(a));
    if let [((best, _), y), rest @ ..] = scored.as_slice() {
        if *best >= 2 && rest.first().is_none_or(|((n, _), _)| n < best) {
            return Some(*y);
        }
    }
    // Or one weekday named with its date (“on Wednesday, February 11”), in one year only among
    // those from the year before the latest the article mentions.
    let recent: Vec<&((usize, usize), i32)> = scored
        .iter()
        .filter(|((n, _), y)| *n >= 1 && latest_mentioned.is_some_and(|l| *y >= l - 1))
        .collect();
    if let [((_, dated), y)] = recent.as_slice() {
        if *dated >= 1 {
            return Some(*y);
        }
    }
    // Or the years the article brackets: no earlier than the latest year it tells of in the
    // past (“in the first quarter of 2026”), earlier than the first it gives as a target
    // (“by 2027”, “from 2027”; without one, no year). When that leaves two years at most and the
    // lede's weekday fits
    // one of them only, whether it is the dateline's day or the day before (“said on
    // Wednesday” in a Thursday story), that is the year.
    let (past, future) = mentioned_years(text);
    let lede_weekday = lede_weekday?;
    let low = past?;
    let high = future? - 1;
    if high < low || high - low > 1 {
        return None;
    }
    let fits: Vec<i32> = (low..=high)
        .filter(|&y| {
            NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| {
                let w = |d: NaiveDate| d.weekday().num_days_from_monday() as usize;
                w(d) == lede_weekday || d.pred_opt().is_some_and(|p| w(p) == lede_weekday)
            })
        })
        .collect();
    match fits.as_slice() {
        [y] => Some(*y),
        _ => None,
    }
}

/// (latest year told of, first year given as a target) among the years an article mentions: a
/// year after “by”, “from”, “until” or “before” in a sentence about the future (“will”, “is to”,
/// “plans”, “target”…) is a target; one after “since” or “in”, or with a past verb, is told of.
fn mentioned_years(text: &str) -> (Option<i32>, Option<i32>) {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year_re = YEAR.get_or_init(|| {
        Regex::new(r"\b(?P<p>by|from|until|before|in|since|of)?\s*(?P<y>(?:19[5-9]\d|20\d\d))\b")
            .expect("static regex")
    });
    const FUTURE: &[&str] = &[
        "will",
        "is to",
        "are to",
        "is due",
        "are due",
        "plans",
        "planned",
        "target",
        "aims",
        "expected",
        "scheduled",
        "set to",
        "would",
    ];
    let (mut past, mut future): (Option<i32>, Option<i32>) = (None, None);
    for sentence in text.split(['.', '\n']) {
        let lower = sentence.to_lowercase();
        let about_future = FUTURE.iter().any(|f| lower.contains(f));
        for c in year_re.captures_iter(sentence) {
            let Some(y) = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) else {
                continue;
            };
            let p = c.name("p").map_or("", |p| p.as_str());
            if about_future && matches!(p, "by" | "from" | "until" | "before") {
                future = Some(future.map_or(y, |f| f.min(y)));
            } else if !about_future && matches!(p, "in" | "since" | "of") {
                past = Some(past.map_or(y, |x| x.max(y)));
            }
        }
    }
    (past, future)
}

/// Find the dateline in the first lines of the article. Only a date that stands at the start of a
/// line (a date line, a leaked `date 2022-09-14` field, or a `Place, date` dateline) counts: a
/// date in running prose is an event, not the article's date.
pub fn find(text: &str, lines: &[Span]) -> Option<Dateline> {
    const MAX_LINES: usize = 30;
    // A date from a metadata line (“Last updated: 16/07/2025 - 13:42”) is kept while a
    // `Place, date` dateline further down may still give the place.
    let mut from_metadata: Option<Dateline> = None;
    // A dateline without a year: its place, month and day, and the rest of its line.
    let mut undated: Option<(String, u32, u32, Span)> = None;
    for &line in lines.iter().take(MAX_LINES) {
        // A dateline's date stands near the start of its line: look no further than that.
        let s = &text[line.range()];
        let s = &s[..crate::article::position::floor_char_boundary(s, 240)];
        if undated.is_none() {
            if let Some((place, m, d)) = yearless(s) {
                undated = Some((place, m, d, line));
            }
        }
        let trimmed = s.trim_start();
        let lead = s.len() - trimmed.len();
        // The dateline place, if the line opens with one (computed once per line).
        let place_caps = place_re().captures(s).and_then(|c| c.name("place"));
        for caps in date_re().captures_iter(s) {
            let Some(m) = caps.get(0) else { continue };
            // Only a short label can precede a date line's date; a date deep inside a long line
            // is prose (and lower-casing a long prefix for every date would be quadratic).
            let start = lead.min(m.start());
            if m.start() - start > 64 && place_caps.is_none() {
                continue;
            }
            let prefix = if m.start() - start > 64 {
                "…"
            } else {
                s[start..m.start()].trim()
            };
            let prefix_lower = prefix.to_lowercase();
            // “Written by: News Desk | Updated: October 8, 2024”: the last field is the label.
            let label = prefix_lower
                .rsplit('|')
                .next()
                .unwrap_or(&prefix_lower)
                .trim();
            // “Published: Monday, 9 February 2026”: a weekday after the label.
            let label = label
                .trim_end_matches(',')
                .rsplit_once([' ', ':'])
                .filter(|(_, w)| is_weekday(w.trim_end_matches(',')))
                .map_or(label, |(l, _)| l.trim());
            // “Economy | 08.10.2025”: a date as the field after a section name.
            let after_field = label.is_empty() && prefix.ends_with('|') && prefix.len() <= 40;
            let metadata = after_field
                || matches!(
                    label.trim_end_matches(':'),
                    "date"
                        | "published"
                        | "posted"
                        | "posted on"
                        | "updated"
                        | "updated on"
                        | "last updated"
                        | "published on"
                        | "dated"
                        | "modified"
                        | "created"
                        | "stand"
                        | "aktualisiert"
                        | "aktualisiert am"
                        | "veröffentlicht"
                        | "veröffentlicht am"
                        | "publié le"
                        | "mis à jour le"
                        | "pubblicato"
                        | "pubblicato il"
                        | "publicado"
                        | "publicado el"
                        | "publicado em"
                        | "opublikowano"
                );
            // A numeric date (13/11/2024, 09.04.2024, 2025.10.30.) only in a labelled metadata
            // line, or with points right after a dateline place (“KEMI, 4.2.2026 (STT) –”).
            let numeric = caps.name("num").is_some() || caps.name("ymd").is_some();
            // (Or after the place and its agency: “Tallinn (BalticWire), 14.01.2025 -”.)
            let agency_then_comma = |between: &str| {
                between
                    .strip_prefix('(')
                    .and_then(|b| b.strip_suffix(','))
                    .map(str::trim_end)
                    .and_then(|b| b.strip_suffix(')'))
                    .is_some_and(|agency| {
                        !agency.is_empty() && agency.len() <= 40 && !agency.contains(['(', ')'])
                    })
            };
            let dotted_after_place = caps.name("sep").is_some()
                && place_caps.is_some_and(|p| {
                    m.start() >= p.end() && {
                        let between = s[p.end()..m.start()].trim();
                        between == "," || agency_then_comma(between)
                    }
                });
            if numeric && !metadata && !dotted_after_place {
                continue;
            }
            let weekday_prefix = is_weekday(prefix.trim_end_matches(','));
            let dateline_place = place_caps.and_then(|p| {
                // "Berlin, 4 July 2024": the place ends just before the date.
                if m.start() < p.end() || m.start() - p.end() > 40 {
                    return None;
                }
                let between = s[p.end()..m.start()].trim();
                // “CAIRO, Wednesday 16 July 2025 -”: a weekday may stand before the date.
                let weekday_between = between
                    .strip_prefix(',')
                    .is_some_and(|w| is_weekday(w.trim().trim_end_matches(',')));
                // “TEHRAN, Thursday 16 Mordad 1404 / August 7, 2025”: another calendar's date first.
                let other_calendar = between.starts_with(',') && between.ends_with('/');
                (between == ","
                    || between.is_empty()
                    || between.ends_with(',')
                    || weekday_between
                    || other_calendar)
                    .then(|| p.as_str().trim().to_string())
            });
            let at_start = prefix.is_empty() || metadata || weekday_prefix;
            if !at_start && dateline_place.is_none() {
                continue;
            }
            let Some(date) = parse_caps(&caps) else {
                continue;
            };
            let place = dateline_place.filter(|p| month_number(p).is_none() && !is_weekday(p));
            let found = Dateline {
                date,
                place,
                span: Some(Span::new(line.start + m.start(), line.start + m.end())),
                source: DateSource::Text,
            };
            if metadata && found.place.is_none() {
                if from_metadata.is_none() {
                    from_metadata = Some(found);
                }
                continue;
            }
            // A `Place, date` dateline is the article's own date; a bare date line after a
            // metadata line does not override it.
            return match from_metadata {
                Some(meta) if found.place.is_none() => Some(meta),
                _ => Some(found),
            };
        }
    }
    match (from_metadata, undated) {
        // “Published: March 12, 2025” then “CHIANG MAI, March 12 (Agency) –”: the place.
        (Some(mut meta), Some((place, ..))) => {
            meta.place.get_or_insert(place);
            Some(meta)
        }
        (Some(meta), None) => Some(meta),
        (None, Some((place, m, d, line))) => {
            let lede = &text[line.range()];
            let year = infer_year(text, m, d, lede)?;
            Some(Dateline {
                date: NaiveDate::from_ymd_opt(year, m, d)?,
                place: Some(place),
                span: None,
                source: DateSource::Text,
            })
        }
        (None, None) => None,
    }
}

/// A place given in a dateline without a date: "BERLIN (Reuters) –", "Kyiv, Ukraine —".
/// “ISLAMABAD: The government …”: a place in capitals and a colon, the South Asian dateline.
fn colon_place_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?P<place>\p{Lu}{3,}(?:[ -]\p{Lu}{2,}){0,2}):\s+\p{Lu}")
            .expect("static regex")
    })
}

pub fn find_place(text: &str, lines: &[Span]) -> Option<String> {
    for &line in lines.iter().take(30) {
        let s = &text[line.range()];
        let s = &s[..crate::article::position::floor_char_boundary(s, 240)];
        if let Some(p) = colon_place_re().captures(s).and_then(|c| c.name("place")) {
            // Not a label in capitals (“NOTE:”, “UPDATE:”, “PHOTO:”).
            if !matches!(
                p.as_str(),
                "NOTE"
                    | "UPDATE"
                    | "PHOTO"
                    | "VIDEO"
                    | "BREAKING"
                    | "EXCLUSIVE"
                    | "WATCH"
                    | "READ"
                    | "ALSO"
                    | "EDITOR"
                    | "EDITORS"
                    | "CORRECTION"
                    | "LIVE"
                    | "WARNING"
            ) {
                return Some(p.as_str().to_string());
            }
        }
        if let Some((place, ..)) = yearless(s) {
            return Some(place);
        }
        if let Some(c) = place_re().captures(s) {
            let p = c.name("place")?.as_str().trim();
            let whole = c.get(0)?.as_str();
            // Only a real dateline: wire agency tag or a dash right after the place.
            if (whole.contains('(') || whole.trim_end().ends_with(['–', '—', '-']))
                && month_number(p).is_none()
            {
                return Some(p.to_string());
            }
        }
    }
    None
}

fn is_weekday(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn parse_caps(caps: &regex::Captures<'_>) -> Option<NaiveDate> {
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    if caps.name("iso").is_some() {
        let y = caps.name("iy")?.as_str().parse().ok()?;
        return NaiveDate::from_ymd_opt(y, num("im")?, num("id")?);
    }
    if caps.name("num").is_some() {
        // Day first, as in the European sites that print numeric dates; with a slash and both
        // numbers 12 or less it could be American month-first: ambiguous, not used.
        let (a, b) = (num("d3")?, num("m3")?);
        let y = caps.name("y3")?.as_str().parse().ok()?;
        let dot = caps.name("sep").is_some_and(|m| m.as_str() == ".");
        return if a > 12 || dot {
            NaiveDate::from_ymd_opt(y, b, a)
        } else if b > 12 {
            NaiveDate::from_ymd_opt(y, a, b)
        } else {
            None
        };
    }
    if caps.name("ymd").is_some() {
        let y = caps.name("y5")?.as_str().parse().ok()?;
        return NaiveDate::from_ymd_opt(y, num("m5")?, num("d5")?);
    }
    if caps.name("mdy").is_some() {
        let y = caps.name("y1")?.as_str().parse().ok()?;
        return NaiveDate::from_ymd_opt(y, month_number(caps.name("m1")?.as_str())?, num("d1")?);
    }
    let y = caps.name("y2")?.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(y, month_number(caps.name("m2")?.as_str())?, num("d2")?)
}

/// Parse a `YYYY-MM-DD` date (for `--date` and configuration).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::segment::lines;

    fn dl(text: &str) -> Option<(NaiveDate, Option<String>)> {
        find(text, &lines(text)).map(|d| (d.date, d.place))
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn finds_datelines_in_common_forms() {
        assert_eq!(
            dl(" date 2022-09-14 Troops clashed."),
            Some((d(2022, 9, 14), None))
        );
        assert_eq!(
            dl("Title\n\nSeptember 13, 2022\nBody."),
            Some((d(2022, 9, 13), None))
        );
        assert_eq!(
            dl("Berlin, 4 July 2024 – The chancellor said."),
            Some((d(2024, 7, 4), Some("Berlin".into())))
        );
        assert_eq!(
            dl("Colombo, May 20, 2022 (AFP) – Sri Lanka said."),
            Some((d(2022, 5, 20), Some("Colombo".into())))
        );
        assert_eq!(
            dl("Published: Sept. 3, 2021\nText"),
            Some((d(2021, 9, 3), None))
        );
        assert_eq!(
            dl("Title\n\nBy Staff Writer | NAIROBI, Feb. 4, 2025 —\n\nBody."),
            Some((d(2025, 2, 4), Some("NAIROBI".into())))
        );
    }

    #[test]
    fn a_hyphenated_word_is_not_a_dateline_place() {
        let text = "Title\n\nCo-founder Bryan Otieno said the platform grew.";
        assert_eq!(find_place(text, &lines(text)), None);
    }

    #[test]
    fn numeric_dates_in_metadata_lines() {
        assert_eq!(
            dl("Title\n\nPublished on 17/10/2024 at 18:40\n\nText.").map(|x| x.0),
            Some(d(2024, 10, 17))
        );
        assert_eq!(
            dl("Title\nStand: 09.04.2024, 17:45 Uhr\nText.").map(|x| x.0),
            Some(d(2024, 4, 9))
        );
        assert_eq!(
            dl("Title\nPublished: 2024-03-12T08:15:00+01:00\nText.").map(|x| x.0),
            Some(d(2024, 3, 12))
        );
        assert_eq!(
            dl("Title\nUpdated: 10/12/2024\nText.").map(|x| x.0),
            None,
            "ambiguous month and day"
        );
        assert_eq!(
            dl("Title\n17/10/2024 was the day.\nText.").map(|x| x.0),
            None
        );
    }

    #[test]
    fn ignores_dates_in_running_prose_and_impossible_dates() {
        assert_eq!(dl("The war ended on 10 November 2020 with a truce."), None);
        assert_eq!(dl("date 2022-02-30 text"), None);
    }

    #[test]
    fn labelled_field_after_a_byline() {
        assert_eq!(
            dl("Title\n\nWritten by: News Desk | Updated: October 8, 2024 22:15 IST\n\nCHANDIGARH: The party won.")
                .map(|x| x.0),
            Some(d(2024, 10, 8))
        );
    }

    #[test]
    fn metadata_date_then_dateline_with_weekday() {
        assert_eq!(
            dl("Title\n\nLast updated: 16/07/2025 - 13:42\n\nTitle\n\nCAIRO, Wednesday 16 July 2025 - Egypt said."),
            Some((d(2025, 7, 16), Some("CAIRO".into())))
        );
        assert_eq!(
            dl("Title\n\nLast updated: 16/07/2025 - 13:42\n\nText without a dateline."),
            Some((d(2025, 7, 16), None))
        );
    }

    #[test]
    fn dotted_dates_and_other_calendars() {
        assert_eq!(
            dl("Title\n\nKEMI, 4.2.2026 (STT) – The mill will close."),
            Some((d(2026, 2, 4), Some("KEMI".into())))
        );
        assert_eq!(
            dl("Title\nUpdated: 2025.10.30. 14:12\n\nDEBRECEN, Hungary, Oct 30 (Reuters) - BMW began."),
            Some((d(2025, 10, 30), Some("DEBRECEN".into())))
        );
        assert_eq!(
            dl("Title\n\nTEHRAN, Thursday 16 Mordad 1404 / August 7, 2025 (IRNA) - Offices shut."),
            Some((d(2025, 8, 7), Some("TEHRAN".into())))
        );
        assert_eq!(dl("Title\n\nThe score was 4.2.2026 points."), None);
        assert_eq!(
            dl("Title\n\nEconomy | 08.10.2025\n\nASTANA, Oct. 8 — Farmers said.").map(|x| x.0),
            Some(d(2025, 10, 8))
        );
        assert_eq!(
            dl("Title\nPublished: 2026/03/05 (Thu) 15:30 JST\n\nText.").map(|x| x.0),
            Some(d(2026, 3, 5))
        );
        assert_eq!(
            dl("Title\n\nHanoi, 14/08/2025 - The city presented its plan."),
            Some((d(2025, 8, 14), Some("Hanoi".into())))
        );
        assert_eq!(dl("Title\n\nHanoi, 04/08/2025 - Ambiguous."), None);
    }

    #[test]
    fn yearless_dateline() {
        // The place comes from the dateline, the date from the metadata line.
        assert_eq!(
            dl("Title\nPublished: March 12, 2025\n\nCHIANG MAI, Thailand, March 12 (Asia Desk) - Schools shut."),
            Some((d(2025, 3, 12), Some("CHIANG MAI".into())))
        );
        // The year from the weekdays the article names with their dates and the lede's.
        let t = "Title\n\nBELGRADE, August 14 (Wire) - The level fell on Thursday. It first fell on Sunday, August 10. The summers of 2022 and 2024 were dry.";
        assert_eq!(dl(t), Some((d(2025, 8, 14), Some("BELGRADE".into()))));
        // The place, its agency in brackets, then a dotted date.
        let t = "Title\n\nTallinn (BalticWire), 14.01.2025 - A storm cut power.";
        assert_eq!(dl(t), Some((d(2025, 1, 14), Some("Tallinn".into()))));
        // A weekday named with its date settles it alone, in a year the article reaches.
        let t = "Title\n\nJAFFNA, February 12 (Wire) - Sailings start, the operator announced on Wednesday, February 11. The service resumed in August 2024.";
        assert_eq!(dl(t).map(|x| x.0), Some(d(2026, 2, 12)));
        // The lede's weekday within the years the article brackets: told of 2025, targets
        // from 2027; 12 March is a Thursday in 2026 only (2025: Wednesday, the day after).
        let t = "Title\n\nLJUBLJANA, March 12 (Wire) - The first test train ran on Thursday. Construction began in 2021 and was due to be finished in 2025. Passenger trains will run from 2027.";
        assert_eq!(dl(t).map(|x| x.0), Some(d(2026, 3, 12)));
        // No bracket: no year.
        let t = "Title\n\nCOPENHAGEN, January 13 (Wire) - A storm hit on Tuesday. The dikes were approved in 2023.";
        assert_eq!(dl(t), None);
        // One agreement from the lede's weekday alone is not enough: no year, but the place stays.
        let t = "Title\n\nBELGRADE, August 14 (Wire) - The level fell on Thursday. The summer of 2024 was dry.";
        assert_eq!(dl(t), None);
        assert_eq!(find_place(t, &lines(t)), Some("BELGRADE".into()));
        let t = "Title\n\nSEOUL, Feb. 25 (Korea Wire) -- Births rose.";
        assert_eq!(find_place(t, &lines(t)), Some("SEOUL".into()));
        let t = "Title\nPublished: Thursday, 12.03.2026\n\nGDAŃSK / ŁEBA – The first turbine was installed.";
        assert_eq!(dl(t).map(|x| x.0), Some(d(2026, 3, 12)));
        assert_eq!(find_place(t, &lines(t)), Some("GDAŃSK".into()));
        let t = "Title\n\nAugust 14 was a hot day - people said.";
        assert_eq!(find_place(t, &lines(t)), None);
    }

    #[test]
    fn labelled_date_with_weekday_and_colon_dateline() {
        let t = "Title\nPublished: Monday, 9 February 2026\n\nISLAMABAD: The drive began.";
        assert_eq!(dl(t).map(|x| x.0), Some(d(2026, 2, 9)));
        assert_eq!(find_place(t, &lines(t)), Some("ISLAMABAD".into()));
        let t = "Title\n\nUPDATE: The story was changed.";
        assert_eq!(find_place(t, &lines(t)), None);
    }

    #[test]
    fn place_without_date() {
        let t = "BERLIN (Reuters) – The chancellor said.";
        assert_eq!(find_place(t, &lines(t)), Some("BERLIN".into()));
        let t = "The chancellor said, (maybe) not.";
        assert_eq!(find_place(t, &lines(t)), None);
    }
}
