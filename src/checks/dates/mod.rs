//! Dates read against the calendar, the dateline and each other.

pub mod age_birth_year;
pub mod chronology;
pub mod decades;
pub mod era_year;
pub mod future_in_past;
pub mod future_past;
pub mod relative_date;
pub mod relative_day;
pub mod weekday;

use crate::article::Article;

/// Month names and abbreviations, for building patterns.
pub const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/// A day of a month in either order — “16 October”, “the 16th of October”, “Oct. 16” — with
/// groups `d1`/`m1` or `m2`/`d2`; read them with [`day_month`].
pub fn day_month_pattern() -> String {
    format!(
        r"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
    )
}

/// The day (its match and value) and month number of a [`day_month_pattern`] match.
pub fn day_month<'t>(caps: &regex::Captures<'t>) -> Option<(regex::Match<'t>, u32, u32)> {
    let d = caps.name("d1").or(caps.name("d2"))?;
    let month = caps
        .name("m1")
        .or(caps.name("m2"))
        .and_then(|m| crate::article::dateline::month_number(m.as_str()))?;
    Some((d, d.as_str().parse().ok()?, month))
}

/// Days from the dateline that “yesterday” (−1), “today” (0) or “tomorrow” (+1) means.
pub fn relative_day_offset(word: &str) -> i64 {
    match word.to_lowercase().as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    }
}

/// Indices of the sentences of `article` in the same block as sentence `i`, from `i - before`
/// to `i + after`.
pub fn window(article: &Article, i: usize, before: usize, after: usize) -> std::ops::Range<usize> {
    let block = article.sentences[i].block;
    let range = article.blocks[block].sentences.clone();
    i.saturating_sub(before).max(range.start)..(i + after + 1).min(range.end)
}

/// Number words used in relative dates.
pub fn small_number(w: &str) -> Option<i32> {
    Some(match w.to_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        n => n.parse().ok()?,
    })
}
