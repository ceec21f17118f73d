//! Language data shipped in the binary: English word lists and country names with their
//! demonyms and article use. Each is parsed once, on first use. Sources and licences:
//! `rules/data/SOURCES.md`.

pub mod countries;
pub mod places;
pub mod words;

/// Non-comment, non-empty lines of an embedded data file.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}
