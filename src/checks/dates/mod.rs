//! Dates read against the calendar, the dateline and each other.

pub mod age_birth_year;
pub mod chronology;
pub mod decades;
pub mod future_in_past;
pub mod future_past;
pub mod relative_date;
pub mod relative_day;
pub mod weekday;

use crate::article::Article;

/// Month names and abbreviations, for building patterns.
pub const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

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
