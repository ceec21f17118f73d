//! Properties that hold on any input: nothing panics, every span lies inside the text on
//! character boundaries, and fixing reaches a fixed point.

use copydesk::lint::Linter;
use copydesk::{fix, Article, ArticleOptions, Registry};
use proptest::prelude::*;
use std::sync::OnceLock;

/// 512 cases in `cargo test`; `PROPTEST_CASES=20000` for a long hunt.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(512)
}

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| Registry::builtin().expect("rules load"))
}

/// Text made of the pieces articles are made of, glitches included, plus arbitrary characters.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("the the ".to_string()),
        Just("Moscow ".to_string()),
        Just("9 am in Moscow (3 am GMT) ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("– ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("  ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("Wednesday, 3 March ".to_string()),
        Just("last year, in 2021 ".to_string()),
        Just("theAzerbaijan ".to_string()),
        Just("Valenciawhere ".to_string()),
        Just("September 13, 2022\n".to_string()),
        Just("(March 2024)Maria ".to_string()),
        Just("Leave a Comment\n".to_string()),
        Just("12,000 tractors ".to_string()),
        Just("Pashinian Pashinyan ".to_string()),
        Just("\u{feff}".to_string()),
        Just("é😀ł".to_string()),
        "[a-zA-Z0-9 .,;:!?()\"'“”‘’«»„–—-]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_and_nothing_panics(text in article_text(), dated in any::<bool>()) {
        let opts = ArticleOptions { date: if dated { chrono::NaiveDate::from_ymd_opt(2022, 9, 14) } else { None } };
        let article = Article::parse("prop", text.clone(), &opts);
        for s in &article.sentences {
            prop_assert!(s.span.end <= text.len() && text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        for t in &article.tokens {
            prop_assert!(t.span.end <= text.len() && text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        let linter = Linter::new(registry(), &[], &[], Vec::new());
        let diags = linter.lint(&article);
        for d in &diags {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{} {:?}", d.rule, d.span);
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{}", d.rule);
            for r in &d.related {
                prop_assert!(r.span.end <= text.len() && text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end), "{}", d.rule);
            }
            if let Some(f) = &d.fix {
                for e in &f.edits {
                    prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{}", d.rule);
                }
            }
            let _ = article.position(d.span.start);
        }
    }

    #[test]
    fn fixing_reaches_a_fixed_point(text in article_text()) {
        let linter = Linter::new(registry(), &[], &[], Vec::new());
        let opts = ArticleOptions::default();
        let lint = |t: &str| linter.lint(&Article::parse("prop", t.to_string(), &opts));
        let (fixed, _) = fix::fix_until_stable(&text, false, 20, lint);
        let (again, n) = fix::apply(&fixed, &lint(&fixed), false);
        prop_assert_eq!(n, 0, "a further pass still changes {:?} into {:?}", fixed, again);
    }
}
