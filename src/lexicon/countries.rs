//! Countries (and a few territories): names, aliases, demonyms, capital, and whether the name
//! takes “the” in running English (`rules/data/countries.tsv`).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../rules/data/countries.tsv");

#[derive(Debug)]
pub struct Country {
    pub name: &'static str,
    pub aliases: Vec<&'static str>,
    pub demonyms: Vec<&'static str>,
    pub capital: &'static str,
    /// The name is used with “the” (the Netherlands, the UK).
    pub takes_article: bool,
}

pub struct Countries {
    pub all: Vec<Country>,
    /// Every name and alias → index into `all`.
    by_name: HashMap<&'static str, usize>,
    /// Every demonym (adjective or noun, singular or plural) → index into `all`.
    by_demonym: HashMap<&'static str, usize>,
    capitals: rustc_hash::FxHashSet<&'static str>,
}

fn split(field: &'static str) -> Vec<&'static str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
        .collect()
}

pub fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| {
        let mut all = Vec::new();
        let mut by_name = HashMap::default();
        let mut by_demonym = HashMap::default();
        for (i, line) in super::data_lines(DATA).enumerate() {
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 5 || (i == 0 && f[0] == "name") {
                continue;
            }
            let c = Country {
                name: f[0].trim(),
                aliases: split(f[1]),
                demonyms: split(f[2]),
                capital: f[3].trim(),
                takes_article: f[4].trim() == "the",
            };
            let idx = all.len();
            by_name.entry(c.name).or_insert(idx);
            for a in &c.aliases {
                by_name.entry(*a).or_insert(idx);
            }
            for d in &c.demonyms {
                by_demonym.entry(*d).or_insert(idx);
            }
            all.push(c);
        }
        let capitals = all.iter().map(|c: &Country| c.capital).collect();
        Countries {
            all,
            by_name,
            by_demonym,
            capitals,
        }
    })
}

impl Countries {
    pub fn by_name(&self, name: &str) -> Option<&Country> {
        self.by_name.get(name).map(|&i| &self.all[i])
    }

    /// A demonym, also in the plural (“Armenians”, “Italians”).
    pub fn by_demonym(&self, word: &str) -> Option<&Country> {
        self.by_demonym
            .get(word)
            .or_else(|| word.strip_suffix('s').and_then(|w| self.by_demonym.get(w)))
            .map(|&i| &self.all[i])
    }

    pub fn is_capital(&self, name: &str) -> bool {
        self.capitals.contains(name)
    }

    /// Is `name` a country name or alias that is normally written without “the”?
    pub fn takes_no_article(&self, name: &str) -> bool {
        self.by_name(name)
            .is_some_and(|c| !c.takes_article && !name.starts_with("the "))
            && !ARTICLE_ALIASES.contains(&name)
    }

    /// Every name and alias (longest first), for building matchers.
    pub fn names(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.by_name.keys().copied().collect();
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v
    }
}

/// Aliases that take “the” even when the country's main name does not.
const ARTICLE_ALIASES: &[&str] = &["US", "U.S.", "USA", "UK", "U.K.", "UAE", "DRC", "EU"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_load() {
        let c = countries();
        assert!(c.all.len() > 150);
        assert!(c.takes_no_article("Russia"));
        assert!(c.takes_no_article("Italy"));
        assert!(!c.takes_no_article("Netherlands"));
        assert!(!c.takes_no_article("Philippines"));
        assert!(c
            .by_demonym("Armenians")
            .is_some_and(|x| x.name == "Armenia"));
    }
}
