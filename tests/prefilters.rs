//! The shared prefilter scan (required literals in one automaton, the rest in one `RegexSet`)
//! never rules out a rule whose own prefilter regex matches: checked on every fixture article
//! and every rule example.

use copydesk::Registry;

fn texts() -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures"
    ))];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("fixtures").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
    out
}

#[test]
fn the_shared_scan_keeps_every_rule_its_own_prefilter_keeps() {
    let registry = Registry::builtin().expect("builtin rules");
    let pre = registry.prefilters();
    let mut texts = texts();
    assert!(texts.len() > 30, "fixtures found: {}", texts.len());
    for r in registry.rules() {
        texts.extend(r.meta().examples.iter().map(|e| e.text.clone()));
    }
    let mut checked = 0;
    for r in registry.rules() {
        let (Some(source), Some(&slot)) = (r.prefilter(), pre.slot.get(&r.meta().id)) else {
            continue;
        };
        let re = regex::Regex::new(source).expect("a prefilter compiles");
        for t in &texts {
            if re.is_match(t) {
                assert!(
                    pre.possible(t)[slot],
                    "{}: the shared scan missed a text its prefilter matches:\n{t}",
                    r.meta().id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} matches checked");
}
