//! Language data shipped in the binary: English word lists and country names with their
//! demonyms and article use. Each is parsed once, on first use. Sources and licences:
//! `rules/data/SOURCES.md`.

pub mod countries;
pub mod function_words;
pub mod given_names;
pub mod places;
pub mod words;

/// Non-comment, non-empty lines of an embedded data file.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// `word` without a possessive ending (’s or 's). A suffix test, not `trim_end_matches`, which
/// builds a substring searcher on every call.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}
