//! Given names whose gender is unambiguous across the naming cultures news copy meets
//! (`rules/data/given-names.txt`). Names used for both genders anywhere (Andrea, Jean, Kim,
//! Nicola) and names that are English words (Grace, Mark) are left out of the list, so a name
//! not found says nothing.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const GIVEN: &str = include_str!("../../rules/data/given-names.txt");

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameGender {
    Male,
    Female,
}

fn table() -> &'static HashMap<&'static str, NameGender> {
    static MAP: OnceLock<HashMap<&'static str, NameGender>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::default();
        for line in super::data_lines(GIVEN) {
            let Some((name, g)) = line.split_once('\t') else {
                continue;
            };
            let g = match g.trim() {
                "m" => NameGender::Male,
                "f" => NameGender::Female,
                _ => continue,
            };
            m.insert(name.trim(), g);
        }
        m
    })
}

/// The gender of a given name as written (“Elena”, “Thomas”), if the list knows it.
/// A hyphenated given name takes the gender of its parts when they agree (“Anna-Kaisa”,
/// “Jean-Pierre”); a Korean one (“Jun-seo”) is not in the list.
pub fn gender(name: &str) -> Option<NameGender> {
    if let Some(g) = table().get(name) {
        return Some(*g);
    }
    let (a, b) = name.split_once('-')?;
    let ga = table().get(a).copied();
    let gb = table().get(b).copied();
    match (ga, gb) {
        (Some(x), Some(y)) if x == y => Some(x),
        (Some(x), None) if b.chars().next().is_some_and(char::is_uppercase) => Some(x),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_clear_names_and_not_shared_ones() {
        assert_eq!(gender("Elena"), Some(NameGender::Female));
        assert_eq!(gender("Thomas"), Some(NameGender::Male));
        assert_eq!(gender("Andrea"), None);
        assert_eq!(gender("Grace"), None);
        assert_eq!(gender("thomas"), None);
        assert_eq!(gender("Anna-Kaisa"), Some(NameGender::Female));
        assert_eq!(gender("Jean-Pierre"), Some(NameGender::Male));
        assert_eq!(gender("Anna-seo"), None);
    }
}
