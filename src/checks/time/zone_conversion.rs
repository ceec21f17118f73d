use crate::article::Article;
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::countries::countries;
use crate::lexicon::places::{gazetteer, PlaceKind};
use crate::rules::{Example, Rule, RuleMeta};
use chrono::{NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use regex::Regex;
use std::sync::OnceLock;

const HELP: &str = "
What it does: checks a time given with its conversion — “9 am in Moscow (3 am GMT)”, “14:00
local time (12:00 GMT)”, “10:00 CET (09:00 GMT)”, “9 a.m. EDT (1300 GMT)” — and flags a
conversion that does not add up, with the right time.

Why: conversions are done by hand under deadline, often with last season's offset or the wrong
sign; translated copy carries the source's mistakes.

How: both times are parsed (12- and 24-hour, “1300 GMT”, noon, midnight, the start of a range
“18:00 to 20:30”); each place or zone is resolved — a zone abbreviation (a fixed offset), a
city or a one-zone country from the gazetteer (GeoNames), “local time” and a bare time before
its GMT conversion (“at 4 p.m. (15:00 GMT)”) as the dateline's place, or, for a dateline town
the gazetteer lacks, as the country the article names most — and its UTC offset, daylight
saving included, is taken on the article's date from the tz database. A place whose offset
depends on a date the article does not give, an ambiguous abbreviation (IST, CST) or a city
name shared by places in different zones with no country in the article to choose one, is left
alone. A country's adjective names its zone (“8 pm Swedish time”); “local time” in a sentence
that places the event (“In Kolkata, … 4 pm local time”) is that place's; a time given with its
offset is checked by arithmetic alone (“9 am local time (GMT+1), or 10:00 GMT”); the end of a
range (“between 11 a.m. and noon … (14:00 to 15:00 GMT)”) is not compared with its start.";

pub struct ZoneConversion {
    meta: RuleMeta,
}

impl ZoneConversion {
    /// “9 am (GMT+1), or 10:00 GMT”: the offset is given, so the arithmetic needs no zone data.
    fn check_offsets(&self, base: usize, text: &str, out: &mut Vec<Diagnostic>) {
        for caps in offset_re().captures_iter(text) {
            let (Some(t1), Some(t2), Some(z2), Some(whole), Some(h)) = (
                caps.name("t1"),
                caps.name("t2"),
                caps.name("z2"),
                caps.get(0),
                caps.name("h").and_then(|h| h.as_str().parse::<i32>().ok()),
            ) else {
                continue;
            };
            let m = caps
                .name("m")
                .and_then(|m| m.as_str().parse::<i32>().ok())
                .unwrap_or(0);
            let (Some((m1, _)), Some((m2, _))) = (parse_time(t1.as_str()), parse_time(t2.as_str()))
            else {
                continue;
            };
            if h > 14 || m > 59 {
                continue;
            }
            let sign = if caps.name("sign").is_some_and(|s| s.as_str() == "+") {
                1
            } else {
                -1
            };
            let offset = sign * (h * 60 + m);
            let utc = i64::from(m1) - i64::from(offset);
            if (utc - i64::from(m2)).rem_euclid(1440) == 0 {
                continue;
            }
            let expected = hhmm(utc);
            let found = Mismatch {
                first: Resolved {
                    offset,
                    label: utc_label(offset),
                    fixed: true,
                },
                message: format!(
                    "{} at {} is {expected} {}, not {}",
                    t1.as_str(),
                    utc_label(offset),
                    z2.as_str(),
                    hhmm(i64::from(m2))
                ),
                expected,
            };
            self.report(base, whole, (t2, z2), found, out);
        }
    }

    pub fn new() -> Self {
        ZoneConversion {
            meta: crate::checks::meta(
                "time/zone-conversion",
                Severity::Error,
                "A time-zone conversion that does not add up",
                HELP,
                vec![
                    Example::pass("SANTIAGO, 19 May 2024 – Colo-Colo now travel to Lima for a match on Wednesday, which starts at 20:00 local time (01:00 GMT on Thursday)."),
                    Example::flag("REYKJAVIK, 15 July 2025 – The final vote was held at 23:40 local time (01:40 GMT on Tuesday)."),
                    Example::flag("ULAANBAATAR, 18 February 2025 – He will speak at 21:00 Ulaanbaatar time (14:00 GMT)."),
                    Example::pass("ULAANBAATAR, 18 February 2025 – He will speak at 21:00 Ulaanbaatar time (13:00 GMT)."),
                    Example::flag("Published: Thursday, 5 June 2025\n\nFloods hit Sri Lanka. The warning, issued at 11.00 pm on Wednesday (17.00 GMT), urged residents to leave."),
                    Example::pass("Published: Thursday, 5 June 2025\n\nFloods hit Sri Lanka. The warning, issued at 11.00 pm on Wednesday (17.30 GMT), urged residents to leave."),
                    Example::flag("The truce took effect at 9 am in Moscow (3 am GMT).").on("2022-09-14"),
                    Example::pass("The truce took effect at 9:00 a.m. Moscow time (06:00 GMT).").on("2022-09-14"),
                    Example::flag("The final whistle blew at 20:45 in Lisbon (18:45 GMT).").on("2024-07-14"),
                    Example::pass("The final whistle blew at 20:45 in Lisbon (19:45 GMT).").on("2024-07-14"),
                    Example::pass("The final whistle blew at 20:45 in Lisbon (20:45 GMT).").on("2024-01-14"),
                    Example::flag("Berlin, 4 July 2024 – Voting ends at 14:00 local time (13:00 GMT)."),
                    Example::pass("Berlin, 4 July 2024 – Voting ends at 14:00 local time (12:00 GMT)."),
                    Example::pass("Markets opened at 10:00 CET (09:00 GMT) and at 9 a.m. EDT (1300 GMT) in New York."),
                    Example::flag("The launch is at 10:00 CET (10:00 GMT)."),
                    Example::pass("Fireworks start at midnight in Sydney (1300 GMT).").on("2025-01-01"),
                    Example::flag("Fireworks start at midnight in Sydney (1400 GMT).").on("2025-01-01"),
                    Example::pass("Results are due at 6 p.m. in Kathmandu (1215 GMT) and 5:30 p.m. in New Delhi (1200 GMT).").on("2024-04-02"),
                    Example::pass("Trading ends at 1500 GMT (6 p.m. in Moscow)."),
                    Example::flag("Trading ends at 1500 GMT (7 p.m. in Moscow)."),
                    Example::pass("Polls close at 8 p.m. in Valencia (0000 GMT), officials in Venezuela said.").on("2024-01-10"),
                    Example::pass("Polls close at 8 p.m. in Valencia (1900 GMT), officials in Spain said.").on("2024-01-10"),
                    Example::flag("Polls close at 8 p.m. in Valencia (2000 GMT), officials in Spain said.").on("2024-01-10"),
                    Example::pass("The vote ends at 9 pm in Paris (1900 GMT).").on("2024-03-31"),
                    Example::pass("Clocks went forward: the vote ended at 9 pm in London (8 pm GMT)."),
                    Example::flag("THE HAGUE, 19 November 2024 – The ruling came at 14:00 local time (12:00 GMT)."),
                    Example::flag("NEW DELHI, 29 May 2024 – It reached 49.9C at 2 pm IST (09:00 GMT)."),
                    Example::pass("NEW DELHI, 29 May 2024 – It reached 49.9C at 2 pm IST (08:30 GMT)."),
                    Example::pass("JERUSALEM, 10 January 2024 – The cabinet met at 10:00 IST (08:00 GMT)."),
                    Example::pass("The meeting starts at 10:00 IST (04:30 GMT).").on("2024-01-10"),
                    Example::flag("ABUJA, 19 March 2025 – Polls closed at 4 p.m. (16:00 GMT)."),
                    Example::flag("HANOI, 17 October 2024 – It reached land at 4 am on Wednesday (20:00 GMT Tuesday)."),
                    Example::pass("HANOI, 17 October 2024 – It reached land at 4 am on Wednesday (21:00 GMT Tuesday)."),
                    Example::pass("ABUJA, 19 March 2025 – Polls closed at 4 p.m. (15:00 GMT)."),
                    Example::flag("PATRAS, 12 August 2025 – At 11 p.m. on Monday (21:00 GMT), a new front opened in Greece."),
                    Example::pass("LONDON, 10 July 2025 – In Tokyo the polls closed at 8 p.m. (11:00 GMT)."),
                    Example::flag("The test began at 9 am local time (GMT+1), or 10:00 GMT."),
                    Example::flag("CATANIA, 14 November 2025 – The eruption began at 11.15 pm on Thursday, 13 November (21.15 GMT)."),
                    Example::flag("WARSAW, 12 March 2026 – A ceremony in the port of Gdańsk began at 14:00 local time (12:00 GMT)."),
                    Example::pass("Payments peaked between 11 a.m. and noon Brasília time (14:00 to 15:00 GMT).").on("2025-12-08"),
                    Example::flag("HANOI, 14 August 2025 – Comments are accepted until 5 p.m. on Sept 15 (1200 GMT)."),
                    Example::pass("HANOI, 14 August 2025 – Comments are accepted until 5 p.m. on Sept 15 (1000 GMT)."),
                    Example::pass("DHAKA, 16 September 2025 – In Kolkata, traders expected the fish by 4 pm local time (1030 GMT) on Friday."),
                    Example::flag("DHAKA, 16 September 2025 – In Kolkata, traders expected the fish by 4 pm local time (1000 GMT) on Friday."),
                    Example::pass("The test began at 9 am local time (GMT+1), or 08:00 GMT."),
                    Example::pass("Doors open at 14:00 UTC+5:30, or 08:30 GMT."),
                    Example::flag("STOCKHOLM, 20 August 2025 – It airs at 8 pm Swedish time (2000 GMT)."),
                    Example::pass("STOCKHOLM, 20 August 2025 – It airs at 8 pm Swedish time (1800 GMT)."),
                    Example::flag("MANILA, 21 October 2025 – The last passenger came ashore around 2 a.m. Monday (20:00 GMT Sunday)."),
                    Example::pass("MANILA, 21 October 2025 – The last passenger came ashore around 2 a.m. Monday (18:00 GMT Sunday)."),
                    Example::flag("JOHANNESBURG, 17 July 2023 – Power is cut from 18:00 to 20:30 SAST (15:00 to 17:30 GMT)."),
                    Example::pass("JOHANNESBURG, 17 July 2023 – Power is cut from 18:00 to 20:30 SAST (16:00 to 18:30 GMT)."),
                    Example::flag("GERO, 10 July 2025 – The train in central Japan derailed at 14:20 local time (06:20 GMT)."),
                    Example::pass("GERO, 10 July 2025 – The train in central Japan derailed at 14:20 local time (05:20 GMT)."),
                ],
            ),
        }
    }
}

impl Default for ZoneConversion {
    fn default() -> Self {
        Self::new()
    }
}

const TIME: &str = r"(?:noon|midnight|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)|\d{1,2}[:.]\d{2}(?:\s*(?:h|hrs))?|\d{4}(?:\s*(?:h|hrs))?)";
const ZONE: &str =
    r"(?:local\s+time|(?:in\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}(?:\s+time)?)";

/// The end of a range after a time: “18:00 to 20:30”, “9–11 a.m.”.
const RANGE_END: &str = r"(?:\s*(?:-|–|to)\s*(?:noon|midnight|\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)|\d{1,2}[:.]\d{2}|\d{4}))?";

pub fn conversion_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"\b(?P<t1>{TIME}){RANGE_END}\s+(?P<z1>{ZONE})\s*\(\s*(?P<t2>{TIME}){RANGE_END}\s+(?P<z2>{ZONE})(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s*\)"
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// A time with no zone of its own, then its conversion: “at 4 p.m. (15:00 GMT)”, “at 11 p.m.
/// on Monday (20:00 GMT)”. The first time is the dateline's.
fn implicit_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"\b(?i:at|from|until|by|before|after|around|about)\s+(?P<t1>{TIME}){RANGE_END}(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,?\s+\d{{1,2}}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)?)?(?:,?\s+on\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}})?\s*\(\s*(?P<t2>{TIME}){RANGE_END}\s+(?P<z2>GMT|UTC|Z)(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s*\)"
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// A time given with its offset, then restated in GMT: “9 am local time (GMT+1), or 10:00 GMT”,
/// “14:00 UTC+8, or 06:00 GMT”.
fn offset_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pat = format!(
            r"\b(?P<t1>{TIME})\s+(?:local\s+time\s+)?\(?(?:GMT|UTC)\s*(?P<sign>[+−-])\s*(?P<h>\d{{1,2}})(?::?(?P<m>\d{{2}}))?\)?,?\s+(?:or|i\.e\.|that\s+is|which\s+is)\s+(?P<t2>{TIME})\s+(?P<z2>GMT|UTC)\b"
        );
        Regex::new(&pat).expect("static regex")
    })
}

/// Minutes after midnight; `four_digit` tells a "1300"-style time.
pub fn parse_time(s: &str) -> Option<(u32, bool)> {
    let s = s.trim().to_lowercase();
    if s == "noon" {
        return Some((12 * 60, false));
    }
    if s == "midnight" {
        return Some((0, false));
    }
    let digits: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':' || *c == '.')
        .collect();
    let rest = s[digits.len()..].trim();
    let digits = digits.trim_end_matches('.');
    let pm = rest.starts_with('p');
    let am = rest.starts_with('a');
    let (h, m, four) = if let Some((h, m)) = digits.split_once([':', '.']) {
        (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, false)
    } else if digits.len() == 4 {
        (digits[..2].parse().ok()?, digits[2..].parse().ok()?, true)
    } else {
        (digits.parse().ok()?, 0, false)
    };
    if m > 59 {
        return None;
    }
    let h = if am || pm {
        if !(1..=12).contains(&h) {
            return None;
        }
        h % 12 + if pm { 12 } else { 0 }
    } else {
        if h > 23 {
            return None;
        }
        h
    };
    Some((h * 60 + m, four))
}

/// A resolved zone: its UTC offset in minutes on the day, and how to name it.
struct Resolved {
    offset: i32,
    label: String,
    fixed: bool,
}

fn tz_offset(tz: Tz, date: NaiveDate, minutes: u32) -> Option<i32> {
    let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)?;
    let local = tz.from_local_datetime(&date.and_time(time)).earliest()?;
    Some(local.offset().fix().local_minus_utc() / 60)
}

/// Does the zone's offset change during the year (daylight saving)?
fn has_dst(tz: Tz, year: i32) -> bool {
    let jan = NaiveDate::from_ymd_opt(year, 1, 15).and_then(|d| tz_offset(tz, d, 720));
    let jul = NaiveDate::from_ymd_opt(year, 7, 15).and_then(|d| tz_offset(tz, d, 720));
    jan != jul
}

/// Countries the article names (ISO codes) with how often, most named first.
fn article_countries(article: &Article) -> Vec<(&'static str, usize)> {
    let g = gazetteer();
    let c = countries();
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    let words: Vec<&crate::article::Token> = article.words().collect();
    let mut i = 0;
    while i < words.len() {
        // The longest name first: “Sri Lanka”, “United Arab Emirates”, then one word.
        let found = (1..=3).rev().find_map(|n| {
            let last = words.get(i + n - 1)?;
            let w = article.text.get(words[i].span.start..last.span.end)?;
            if w.split(' ').count() != n {
                return None;
            }
            c.by_name(w).or_else(|| c.by_demonym(w)).map(|k| (k, n))
        });
        i += found.map_or(1, |(_, n)| n);
        let country = found.map(|(k, _)| k);
        if let Some(code) = country.and_then(|k| g.country_code(k.name)) {
            match out.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => out.push((code, 1)),
            }
        }
    }
    out.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    out
}

/// The zones of the article's dateline place, or else of the one country it names.
fn article_zones(
    article: &Article,
    countries_named: &mut Option<Vec<(&'static str, usize)>>,
) -> Vec<Tz> {
    let g = gazetteer();
    if let Some(place) = article.place.as_deref() {
        let zones: Vec<Tz> = g
            .lookup(&title_case(place))
            .iter()
            .map(|p| p.zone)
            .collect();
        if !zones.is_empty() {
            return zones;
        }
    }
    let named = countries_named.get_or_insert_with(|| article_countries(article));
    let c = countries();
    // The one country named, or one named at least twice as often as any other.
    let main = match named.as_slice() {
        [(code, _)] => Some(*code),
        [(code, n), (_, m), ..] if *n >= 2 * *m => Some(*code),
        _ => None,
    };
    match main {
        Some(code) => c
            .all
            .iter()
            .filter(|k| g.country_code(k.name) == Some(code))
            .flat_map(|k| g.lookup(k.name).iter().map(|p| p.zone))
            .collect(),
        _ => Vec::new(),
    }
}

/// A name in capitals as the gazetteer writes it: “THE HAGUE” → “The Hague”.
fn title_case(name: &str) -> String {
    if !(name.chars().all(|c| !c.is_lowercase()) && name.len() > 3) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_string() + &cs.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn resolve(
    z: &str,
    article: &Article,
    minutes: u32,
    countries_named: &mut Option<Vec<(&'static str, usize)>>,
) -> Option<Resolved> {
    let g = gazetteer();
    let mut name = z.trim();
    name = name.strip_prefix("in ").unwrap_or(name).trim();
    name = name.strip_suffix(" time").unwrap_or(name).trim();
    let mut label_base = name.to_string();
    if name.eq_ignore_ascii_case("local") {
        // No dateline place: the one zone of the country the article names, if it names one.
        let Some(place) = article.place.as_deref() else {
            let zone = single_zone(&article_zones(article, countries_named))?;
            return zone_resolved(zone, article, minutes, "local time".to_string());
        };
        label_base = format!("local time in {}", title_case(place));
        if g.lookup(&title_case(place)).is_empty() {
            // A dateline town the gazetteer does not hold: the one zone of the country named.
            let zone = single_zone(&article_zones(article, countries_named))?;
            return zone_resolved(zone, article, minutes, label_base);
        }
        name = place;
    }
    if let Some(a) = g.abbreviation(name) {
        let a = if a.ambiguous {
            // IST in a New Delhi article is India's; in a Dublin one, Ireland's.
            let zones = article_zones(article, countries_named);
            let fits: Vec<_> = g
                .abbreviation_meanings(name)
                .iter()
                .filter(|m| zones.contains(&m.zone_hint))
                .collect();
            match fits.as_slice() {
                [one] => **one,
                _ => return None,
            }
        } else {
            a
        };
        return Some(Resolved {
            offset: a.offset_minutes,
            label: label_base,
            fixed: true,
        });
    }
    // A dateline place in capitals ("BERLIN", "THE HAGUE") or a name.
    let mut title = title_case(name);
    // “8 p.m. Swedish time”: the country's zone, when it has one.
    if g.lookup(&title).is_empty() {
        if let Some(k) = countries().by_demonym(&title) {
            label_base = format!("{title} time");
            title = k.name.to_string();
        }
    }
    let candidates: Vec<_> = g
        .lookup(&title)
        .iter()
        .filter(|p| p.kind != PlaceKind::CountryMulti)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let zone = if candidates.len() == 1 {
        candidates[0].zone
    } else {
        let named = countries_named.get_or_insert_with(|| article_countries(article));
        let in_named: Vec<_> = candidates
            .iter()
            .filter(|p| named.iter().any(|(c, _)| *c == p.country))
            .collect();
        // Several named: the one the article names most (Athens in a story that says “Greek”
        // twice and “United States” once is the Greek one).
        let count = |p: &&&crate::lexicon::places::Place| {
            named
                .iter()
                .find(|(c, _)| *c == p.country)
                .map_or(0, |(_, n)| *n)
        };
        let most: Vec<_> = match in_named.iter().map(count).max() {
            Some(top) if in_named.len() > 1 => {
                let tops: Vec<_> = in_named
                    .iter()
                    .copied()
                    .filter(|p| count(p) == top)
                    .collect();
                let runner_up = in_named
                    .iter()
                    .map(count)
                    .filter(|&n| n < top)
                    .max()
                    .unwrap_or(0);
                if tops.len() == 1 && top >= 2 * runner_up.max(1) {
                    tops
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        };
        match (in_named.as_slice(), most.as_slice()) {
            ([one], _) | (_, [one]) => one.zone,
            _ => {
                // All candidates agree, or one is far larger than the rest.
                let mut by_pop = candidates.clone();
                by_pop.sort_by_key(|p| std::cmp::Reverse(p.population));
                let same = candidates.iter().all(|p| p.zone == candidates[0].zone);
                if same || by_pop[0].population > 10 * by_pop[1].population.max(1) {
                    by_pop[0].zone
                } else {
                    return None;
                }
            }
        }
    };
    zone_resolved(zone, article, minutes, label_base)
}

/// The one zone all of `zones` name, if they agree.
fn single_zone(zones: &[Tz]) -> Option<Tz> {
    let first = *zones.first()?;
    zones.iter().all(|z| *z == first).then_some(first)
}

fn zone_resolved(
    zone: Tz,
    article: &Article,
    minutes: u32,
    label_base: String,
) -> Option<Resolved> {
    let date = article.date();
    let offset = match date {
        Some(d) => tz_offset(zone, d, minutes)?,
        None => {
            // Without a date, only zones without daylight saving can be checked.
            if has_dst(zone, 2024) {
                return None;
            }
            tz_offset(zone, NaiveDate::from_ymd_opt(2024, 1, 15)?, minutes)?
        }
    };
    Some(Resolved {
        offset,
        label: label_base,
        fixed: false,
    })
}

fn hhmm(minutes: i64) -> String {
    let m = minutes.rem_euclid(1440);
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn utc_label(offset: i32) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.abs();
    if a % 60 == 0 {
        format!("UTC{sign}{}", a / 60)
    } else {
        format!("UTC{sign}{}:{:02}", a / 60, a % 60)
    }
}

impl Rule for ZoneConversion {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let mut countries_named = None;
        for s in &article.sentences {
            let text = article.slice(s.span);
            for caps in conversion_re().captures_iter(text) {
                let (Some(t1), Some(z1), Some(t2), Some(z2), Some(whole)) = (
                    caps.name("t1"),
                    caps.name("z1"),
                    caps.name("t2"),
                    caps.name("z2"),
                    caps.get(0),
                ) else {
                    continue;
                };
                // “between 11 a.m. and noon Brasília time (14:00 to 15:00 GMT)”: the first
                // time is the end of a range whose start the conversion gives first.
                if text[..t1.start()].trim_end().ends_with(" and")
                    && caps.get(0).is_some_and(|w| w.as_str().contains(" to "))
                {
                    continue;
                }
                // “In Kolkata, … by 4 pm local time”: local to the place the sentence names.
                let mut zone = z1.as_str();
                if zone.trim().eq_ignore_ascii_case("local time") {
                    if let Some(place) = place_named_before(article, &text[..t1.start()]) {
                        zone = place;
                    }
                }
                let Some(found) = self.compare(
                    article,
                    &mut countries_named,
                    (t1.as_str(), Some(zone)),
                    (t2.as_str(), z2.as_str()),
                ) else {
                    continue;
                };
                self.report(s.span.start, whole, (t2, z2), found, out);
            }
            if text.contains("GMT") || text.contains("UTC") {
                self.check_offsets(s.span.start, text, out);
            }
            // A bare time is the dateline place's, or without one the zone of the one country
            // the article names.
            if !text.contains('(')
                || (article.place.is_none()
                    && single_zone(&article_zones(article, &mut countries_named)).is_none())
            {
                continue;
            }
            for caps in implicit_re().captures_iter(text) {
                let (Some(t1), Some(t2), Some(z2), Some(whole)) = (
                    caps.name("t1"),
                    caps.name("t2"),
                    caps.name("z2"),
                    caps.get(0),
                ) else {
                    continue;
                };
                let Some(found) = self.compare(
                    article,
                    &mut countries_named,
                    (t1.as_str(), None),
                    (t2.as_str(), z2.as_str()),
                ) else {
                    continue;
                };
                // “In Tokyo, trading opens at 9 a.m. (0000 GMT)” in a London-datelined story:
                // the time is not the dateline's.
                if names_other_zone(article, &text[..t1.start()], found.first.offset) {
                    continue;
                }
                // “at 11.15 pm on Thursday, 13 November (21.15 GMT)”: the day between the two
                // times is not part of the finding (a weekday check may read it).
                // The conversion to correct is then the finding.
                let day_between = text[t1.end()..t2.start()].contains(|c: char| c.is_alphabetic());
                let second = Span::new(s.span.start + t2.start(), s.span.start + z2.end());
                self.report_span(
                    if day_between {
                        second
                    } else {
                        Span::new(s.span.start + whole.start(), s.span.start + whole.end())
                    },
                    second,
                    found,
                    out,
                );
            }
        }
    }
}

/// Two times that should name one instant, found not to.
struct Mismatch {
    first: Resolved,
    message: String,
    expected: String,
}

impl ZoneConversion {
    /// Compares a time in one zone with its conversion; `None` zone is the dateline's.
    fn compare(
        &self,
        article: &Article,
        countries_named: &mut Option<Vec<(&'static str, usize)>>,
        (t1, z1): (&str, Option<&str>),
        (t2, z2): (&str, &str),
    ) -> Option<Mismatch> {
        let (m1, four1) = parse_time(t1)?;
        let (m2, four2) = parse_time(t2)?;
        let r1 = resolve(z1.unwrap_or("local time"), article, m1, countries_named)?;
        let r2 = resolve(z2, article, m2, countries_named)?;
        // "1300" only next to a zone abbreviation; a year is not a time.
        if (four1 && (z1.is_none() || !r1.fixed)) || (four2 && !r2.fixed) {
            return None;
        }
        let utc1 = i64::from(m1) - i64::from(r1.offset);
        let utc2 = i64::from(m2) - i64::from(r2.offset);
        if (utc1 - utc2).rem_euclid(1440) == 0 {
            return None;
        }
        let expected = hhmm(utc1 + i64::from(r2.offset));
        let when = article
            .date()
            .map(|d| format!(" on {}", d.format("%-d %B %Y")))
            .unwrap_or_default();
        let first = match z1 {
            Some(z) => format!("{t1} {z}"),
            None => format!("{t1} {}", r1.label),
        };
        let message = format!(
            "{first} is {expected} {}, not {} ({} is {}{when}; {} is {})",
            z2.trim_start_matches("in "),
            hhmm(i64::from(m2)),
            r1.label,
            utc_label(r1.offset),
            r2.label,
            utc_label(r2.offset),
        );
        Some(Mismatch {
            first: r1,
            message,
            expected,
        })
    }

    fn report(
        &self,
        base: usize,
        whole: regex::Match,
        (t2, z2): (regex::Match, regex::Match),
        found: Mismatch,
        out: &mut Vec<Diagnostic>,
    ) {
        let span = Span::new(base + whole.start(), base + whole.end());
        let second = Span::new(base + t2.start(), base + z2.end());
        self.report_span(span, second, found, out);
    }

    /// A mismatch found at `span`, with the conversion to correct at `second`.
    fn report_span(&self, span: Span, second: Span, found: Mismatch, out: &mut Vec<Diagnostic>) {
        out.push(
            Diagnostic::new(&self.meta.id, self.meta.severity, span, found.message)
                .with_related(second, format!("should be {}", found.expected))
                .with_help(
                    "Check both times against the zone's offset on the day; daylight saving changes it.",
                ),
        );
    }
}

/// The last city the gazetteer knows named in `text` (“In Kolkata, traders …”), when it is not
/// the dateline's place.
fn place_named_before<'t>(article: &Article, text: &'t str) -> Option<&'t str> {
    let g = gazetteer();
    let dateline = article.place.as_deref().map(title_case);
    // A place, not a person's name (“Santos conceded”): “in Kolkata”, “at Busan”.
    let ws: Vec<&str> = text
        .split(|ch: char| !(ch.is_alphabetic() || ch == '-' || ch == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    (1..ws.len())
        .rev()
        .map(|i| (ws[i - 1], ws[i]))
        .find_map(|(before, w)| {
            (matches!(
                before,
                "in" | "In" | "at" | "At" | "from" | "near" | "of" | "to"
            ) && w.len() > 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && dateline.as_deref() != Some(w)
                && g.lookup(w)
                    .iter()
                    .any(|p| p.kind != PlaceKind::CountryMulti))
            .then_some(w)
        })
}

/// Does `text` name a city or country whose UTC offset on the article's date is not `offset`?
fn names_other_zone(article: &Article, text: &str, offset: i32) -> bool {
    let g = gazetteer();
    let c = countries();
    let date = article
        .date()
        .or_else(|| NaiveDate::from_ymd_opt(2024, 1, 15));
    let Some(date) = date else {
        return false;
    };
    text.split(|ch: char| !(ch.is_alphabetic() || ch == '-' || ch == '\''))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| {
            let name = c
                .by_name(w)
                .or_else(|| c.by_demonym(w))
                .map_or(w, |k| k.name);
            g.lookup(name)
                .iter()
                .any(|p| tz_offset(p.zone, date, 720) != Some(offset))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_times() {
        assert_eq!(parse_time("9 am"), Some((540, false)));
        assert_eq!(parse_time("9:00 a.m."), Some((540, false)));
        assert_eq!(parse_time("12 a.m."), Some((0, false)));
        assert_eq!(parse_time("12:30 pm"), Some((750, false)));
        assert_eq!(parse_time("20.45"), Some((1245, false)));
        assert_eq!(parse_time("1300"), Some((780, true)));
        assert_eq!(parse_time("noon"), Some((720, false)));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("13 pm"), None);
    }
}
