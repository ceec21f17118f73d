//! The registry: every loaded rule, shipped packs, Rust checks and user rule files alike.

use super::file::{self, RuleFileError, SpecError};
use super::{selector_matches, Origin, Rule};
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/packs.rs"));

#[derive(Default)]
pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
    /// Every rule's prefilter in one set, built on first use (see [`super::prefilter`]).
    prefilters: std::sync::OnceLock<Prefilters>,
}

/// The prefilters of a registry's rules, and which slot is whose. A prefilter with required
/// literals (see [`super::prefilter::required_literals`]) is looked for with one Aho-Corasick
/// automaton shared by all of them; the others run together in one `RegexSet`.
#[derive(Clone)]
pub struct Prefilters {
    /// The prefilters without useful literals, and the slot of each.
    set: regex::RegexSet,
    set_slots: Vec<usize>,
    /// Every required literal, and the slot it belongs to.
    literals: Option<(aho_corasick::AhoCorasick, Vec<usize>)>,
    /// How many slots have literals (the scan stops once all are found).
    literal_rules: usize,
    /// Rule id → slot.
    pub slot: HashMap<String, usize>,
}

impl Prefilters {
    /// The prefilters of `rules` (a rule offers one only if it compiles).
    pub fn of<'r>(rules: impl Iterator<Item = &'r dyn Rule>) -> Prefilters {
        let mut sources = Vec::new();
        let mut set_slots = Vec::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut literal_slots = Vec::new();
        let mut slot = HashMap::new();
        for r in rules {
            if let Some(p) = r.prefilter() {
                let s = slot.len();
                slot.insert(r.meta().id.clone(), s);
                match super::prefilter::required_literals(p) {
                    Some(lits) => {
                        literal_slots.extend(std::iter::repeat_n(s, lits.len()));
                        literals.extend(lits);
                    }
                    None => {
                        set_slots.push(s);
                        sources.push(p.to_string());
                    }
                }
            }
        }
        let literals = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&literals)
            .ok()
            .map(|ac| (ac, literal_slots));
        let set = regex::RegexSetBuilder::new(&sources)
            .size_limit(super::kinds::pattern::REGEX_SIZE_LIMIT * 16)
            .dfa_size_limit(super::kinds::pattern::REGEX_SIZE_LIMIT * 16)
            .build();
        let literal_rules = slot.len() - set_slots.len();
        match (set, literals) {
            (Ok(set), Some(literals)) => Prefilters {
                set,
                set_slots,
                literal_rules,
                literals: Some(literals),
                slot,
            },
            // Too large together: no prefiltering (every rule runs).
            _ => Prefilters {
                set: regex::RegexSet::empty(),
                set_slots: Vec::new(),
                literals: None,
                literal_rules: 0,
                slot: HashMap::new(),
            },
        }
    }

    /// Is there any prefilter at all?
    pub fn is_empty(&self) -> bool {
        self.slot.is_empty()
    }

    /// For each slot, whether its prefilter matches somewhere in `text`.
    pub fn possible(&self, text: &str) -> Vec<bool> {
        let mut out = vec![false; self.slot.len()];
        if let Some((ac, slots)) = &self.literals {
            let mut left = self.literal_rules;
            for m in ac.find_overlapping_iter(text) {
                let s = slots[m.pattern().as_usize()];
                if !out[s] {
                    out[s] = true;
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
            }
        }
        if !self.set_slots.is_empty() {
            for i in self.set.matches(text).iter() {
                out[self.set_slots[i]] = true;
            }
        }
        out
    }
}

impl Registry {
    /// An empty registry.
    pub fn empty() -> Registry {
        Registry::default()
    }

    /// The shipped packs and the Rust checks: what `copydesk check` uses with no configuration.
    pub fn builtin() -> Result<Registry, RuleFileError> {
        let mut r = Registry::empty();
        for check in crate::checks::all() {
            r.push_unchecked(check);
        }
        for (name, source) in PACKS {
            r.add_source(
                &format!("rules/{name}"),
                source,
                Origin::Pack((*name).to_string()),
            )?;
        }
        Ok(r)
    }

    fn push_unchecked(&mut self, rule: Box<dyn Rule>) {
        self.rules.push(rule);
    }

    /// Load a rule file's contents. On any error nothing from this file is added.
    pub fn add_source(
        &mut self,
        name: &str,
        source: &str,
        origin: Origin,
    ) -> Result<(), RuleFileError> {
        let rules = file::load(name, source, &origin)?;
        let mut ids: HashMap<&str, ()> = self
            .rules
            .iter()
            .map(|r| (r.meta().id.as_str(), ()))
            .collect();
        for r in &rules {
            if ids.insert(r.meta().id.as_str(), ()).is_some() {
                let span = find_id_span(source, &r.meta().id);
                return Err(SpecError::new(
                    span,
                    format!("duplicate rule id `{}`", r.meta().id),
                    "this id is already taken",
                )
                .help("every rule id must be unique across the shipped packs and your rule files")
                .into_error(name, source));
            }
        }
        self.rules.extend(rules);
        Ok(())
    }

    /// Load a user's rule file from disk.
    pub fn add_file(&mut self, path: &std::path::Path) -> Result<(), LoadError> {
        let name = path.display().to_string();
        let source =
            std::fs::read_to_string(path).map_err(|e| LoadError::Io(format!("{name}: {e}")))?;
        self.add_source(&name, &source, Origin::File(name.clone()))
            .map_err(|e| LoadError::Rules(Box::new(e)))
    }

    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// The prefilters of every rule, compiled once.
    pub fn prefilters(&self) -> &Prefilters {
        self.prefilters.get_or_init(|| Prefilters::of(self.rules()))
    }

    pub fn get(&self, id: &str) -> Option<&dyn Rule> {
        self.rules().find(|r| r.meta().id == id)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Does any rule match `selector` (an id or a pack)?
    pub fn knows(&self, selector: &str) -> bool {
        self.rules()
            .any(|r| selector_matches(selector, &r.meta().id))
    }

    /// The rules enabled by `select` (empty = all) minus `ignore`.
    pub fn selected<'a>(&'a self, select: &[String], ignore: &[String]) -> Vec<&'a dyn Rule> {
        self.rules()
            .filter(|r| {
                let id = &r.meta().id;
                (select.is_empty() || select.iter().any(|s| selector_matches(s, id)))
                    && !ignore.iter().any(|s| selector_matches(s, id))
            })
            .collect()
    }
}

#[derive(Debug)]
pub enum LoadError {
    Io(String),
    Rules(Box<RuleFileError>),
}

/// Where `id = "..."` for this id is written, for duplicate-id errors.
fn find_id_span(source: &str, id: &str) -> std::ops::Range<usize> {
    let needle = format!("\"{id}\"");
    let mut last = None;
    let mut from = 0;
    while let Some(i) = source[from..].find(&needle) {
        last = Some(from + i);
        from += i + needle.len();
    }
    match last {
        Some(i) => i..i + needle.len(),
        None => 0..0,
    }
}
