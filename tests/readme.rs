//! The rule files shown in the README load and pass their own examples.

use copydesk::rules::{selftest, Origin, Registry};

#[test]
fn readme_rule_examples_work() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let mut blocks = 0;
    for (i, part) in readme.split("```toml\n").enumerate().skip(1) {
        let Some(end) = part.find("```") else {
            continue;
        };
        let toml = &part[..end];
        if !toml.contains("[[rule]]") {
            continue;
        }
        blocks += 1;
        let mut r = Registry::empty();
        r.add_source(
            &format!("README block {i}"),
            toml,
            Origin::File("README".into()),
        )
        .unwrap_or_else(|e| panic!("README block {i} does not load: {e}"));
        for rule in r.rules() {
            let failures = selftest::run(rule);
            assert!(failures.is_empty(), "{failures:?}");
        }
    }
    assert!(blocks >= 2, "expected rule examples in the README");
}
