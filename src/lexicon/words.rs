//! English words (SCOWL via Debian's wamerican): `known` is the size-50 list, `common` the
//! size-35 list. Lower-case entries only: proper nouns are not in either.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

const KNOWN: &str = include_str!("../../rules/data/words-en.txt");
const COMMON: &str = include_str!("../../rules/data/words-en-common.txt");
const NAMES: &str = include_str!("../../rules/data/names-en.txt");

fn load(text: &'static str) -> HashSet<&'static str> {
    super::data_lines(text).map(str::trim).collect()
}

fn known_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| load(KNOWN))
}

fn common_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| load(COMMON))
}

/// Is `word` (any case) an English word? Plural and possessive endings are tried too.
pub fn is_known(word: &str) -> bool {
    with_lower(word, |lower| {
        let w = crate::lexicon::strip_possessive(lower);
        let set = known_set();
        set.contains(w)
            || w.strip_suffix('s').is_some_and(|s| set.contains(s))
            || w.strip_suffix("es").is_some_and(|s| set.contains(s))
            || is_contraction(w, set)
    })
}

/// “isn’t”, “can’t”, “they’re”, “we’ll”, “I’d”: a known word and a contracted ending (the word
/// lists have no contractions). Either apostrophe.
fn is_contraction(w: &str, set: &HashSet<&'static str>) -> bool {
    let Some(at) = w.find(['\'', '’']) else {
        return false;
    };
    let (stem, rest) = w.split_at(at);
    let ending = rest.trim_start_matches(['\'', '’']);
    if rest.len() - ending.len() != rest.chars().next().map_or(0, char::len_utf8) {
        return false;
    }
    match ending {
        // “can’t”, “won’t”, “shan’t”, “ain’t” shorten the stem.
        "t" => stem
            .strip_suffix('n')
            .is_some_and(|s| set.contains(s) || matches!(s, "ca" | "wo" | "sha" | "ai")),
        "re" | "ve" | "ll" | "d" | "m" => set.contains(stem) || stem == "i",
        _ => false,
    }
}

/// Call `f` with `word` in lower case, without allocating for a short ASCII word.
fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        if let Ok(lower) = std::str::from_utf8(b) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

fn names_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| load(NAMES))
}

/// Is `word` (as written, possessive stripped) a known proper noun: a given name, surname or
/// place in the SCOWL list?
pub fn is_proper_noun(word: &str) -> bool {
    let w = crate::lexicon::strip_possessive(word);
    names_set().contains(w)
}

/// Is `word` (any case) a common English word (the smaller list)?
pub fn is_common(word: &str) -> bool {
    with_lower(word, |w| common_set().contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_load() {
        assert!(is_known("ceasefire") || is_known("truce"));
        assert!(is_known("Where") && is_common("where"));
        assert!(is_known("soldiers"));
        assert!(!is_known("azerbaijaniraising"));
        for w in [
            "isn’t",
            "Isn't",
            "can’t",
            "won't",
            "they’re",
            "We’ll",
            "I’d",
            "I'm",
        ] {
            assert!(is_known(w), "{w}");
        }
        for w in ["xyz’t", "isn’’t", "is’nt", "qwrty're"] {
            assert!(!is_known(w), "{w}");
        }
        assert!(known_set().len() > 30_000, "{}", known_set().len());
    }
}
