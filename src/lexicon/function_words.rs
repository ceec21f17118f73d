//! Function words of 30 Latin-script languages (`rules/data/function-words.tsv`): articles,
//! pronouns, prepositions, auxiliaries and verbs of saying that are not English words. A run of
//! them in an English article is text left in its source language (“Dette er en historisk dag”,
//! “kako je rekao”).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../rules/data/function-words.tsv");

struct Table {
    /// Language names, by index.
    names: Vec<&'static str>,
    /// Word (lower case, with its accents) → the languages that use it.
    words: HashMap<&'static str, Vec<u8>>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            names: Vec::new(),
            words: HashMap::default(),
        };
        for line in super::data_lines(DATA) {
            let mut f = line.split('\t');
            let (Some(_code), Some(name), Some(words)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Ok(i) = u8::try_from(t.names.len()) else {
                break;
            };
            // “Croatian/Serbian/Bosnian (Latin script)” → “Croatian/Serbian/Bosnian”.
            t.names.push(name.split(" (").next().unwrap_or(name).trim());
            for w in words.split_whitespace() {
                let langs = t.words.entry(w).or_default();
                if !langs.contains(&i) {
                    langs.push(i);
                }
            }
        }
        t
    })
}

/// The languages whose function words include `word` (as written, in lower case, accents kept).
pub fn languages(word: &str) -> &'static [u8] {
    table().words.get(word).map_or(&[], Vec::as_slice)
}

/// Does `text` say that something is in a language: “in Swahili”, “(in Norwegian)”?
pub fn mentions_language(text: &str) -> bool {
    text.match_indices("in ").any(|(i, _)| {
        let after = &text[i + 3..];
        let word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        !word.is_empty()
            && (table()
                .names
                .iter()
                .any(|n| n.split('/').any(|part| part == word))
                || matches!(
                    word,
                    "English"
                        | "Arabic"
                        | "Russian"
                        | "Ukrainian"
                        | "Greek"
                        | "Hebrew"
                        | "Chinese"
                        | "Mandarin"
                        | "Cantonese"
                        | "Japanese"
                        | "Korean"
                        | "Hindi"
                        | "Urdu"
                        | "Bengali"
                        | "Tamil"
                        | "Persian"
                        | "Farsi"
                        | "Amharic"
                        | "Thai"
                        | "Georgian"
                        | "Armenian"
                        | "Serbian"
                        | "Bulgarian"
                        | "Latin"
                        | "Kurdish"
                        | "Pashto"
                        | "Bosnian"
                        | "Malay"
                        | "Filipino"
                        | "Zulu"
                        | "Xhosa"
                        | "Yoruba"
                        | "Hausa"
                        | "Igbo"
                        | "Somali"
                        | "Nepali"
                        | "Sinhala"
                        | "Punjabi"
                ))
    })
}

/// The English name of language `i`.
pub fn name(i: u8) -> &'static str {
    table()
        .names
        .get(usize::from(i))
        .copied()
        .unwrap_or("another language")
}

/// The language most of `words` (lower case) are function words of, with its count, if any.
pub fn best_language<'a>(words: impl Iterator<Item = &'a str>) -> Option<(u8, usize)> {
    let mut counts: HashMap<u8, usize> = HashMap::default();
    for w in words {
        for &l in languages(w) {
            *counts.entry(l).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_finds_languages() {
        assert!(table().names.len() >= 30);
        let (l, n) = best_language(["kako", "je", "rekao"].into_iter()).expect("a language");
        assert!(name(l).starts_with("Croatian"), "{}", name(l));
        assert!(n >= 2);
        assert!(mentions_language(
            "“Tunajenga kwa ajili ya wakulima,” she added in Swahili."
        ));
        assert!(!mentions_language("She lives in Oslo and works in Bergen."));
        // English words are not in the lists.
        for w in ["the", "in", "to", "for", "and", "man", "die", "also"] {
            assert!(languages(w).is_empty(), "{w}");
        }
    }
}
