//! Every rule in the registry — shipped packs and Rust checks — runs its own examples.

use copydesk::rules::{selftest, Expect, Registry};

#[test]
fn every_rule_passes_its_examples() {
    let registry = Registry::builtin().expect("shipped packs load");
    assert!(
        registry.len() > 10,
        "registry unexpectedly small: {}",
        registry.len()
    );
    let mut failures = Vec::new();
    let mut examples = 0;
    for rule in registry.rules() {
        examples += rule.meta().examples.len();
        failures.extend(selftest::run(rule).into_iter().map(|f| f.to_string()));
    }
    assert!(
        failures.is_empty(),
        "{} of {examples} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_examples_both_ways() {
    let registry = Registry::builtin().expect("shipped packs load");
    for rule in registry.rules() {
        let m = rule.meta();
        let flags = m
            .examples
            .iter()
            .filter(|e| matches!(e.expect, Expect::Flag { .. }))
            .count();
        let passes = m.examples.len() - flags;
        assert!(
            flags > 0 && passes > 0,
            "{} needs flagged and unflagged examples",
            m.id
        );
        assert!(!m.help.is_empty(), "{} has no help text", m.id);
        assert!(m.id.contains('/'), "{} is not pack/name", m.id);
    }
}
