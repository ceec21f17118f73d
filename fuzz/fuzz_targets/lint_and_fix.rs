//! Every shipped rule and the fixer on any text: spans inside the text on char boundaries, and a
//! fixed text that a further pass leaves alone.
#![no_main]
use copydesk::lint::Linter;
use copydesk::{fix, Article, ArticleOptions, Registry};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| Registry::builtin().expect("rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let linter = Linter::new(registry(), &[], &[], Vec::new());
    let opts = ArticleOptions { date: chrono::NaiveDate::from_ymd_opt(2022, 9, 14) };
    let diags = linter.lint(&Article::parse("fuzz", text.to_string(), &opts));
    for d in &diags {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{}", d.rule);
    }
    let lint = |t: &str| linter.lint(&Article::parse("fuzz", t.to_string(), &opts));
    let (fixed, _) = fix::fix_until_stable(text, true, 20, lint);
    let (_, n) = fix::apply(&fixed, &lint(&fixed), true);
    assert_eq!(n, 0, "fixing did not reach a fixed point");
});
