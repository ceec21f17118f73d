//! Prefilters: a cheap regex per rule that matches somewhere in an article whenever the rule could
//! report anything in it. The linter runs all of them in one pass (a `RegexSet`) and skips the
//! rules whose prefilter found nothing, so most rules cost one shared scan per article.
//!
//! A pattern's prefilter is the pattern itself with its captures dropped and every assertion
//! (`^`, `$`, `\b`, `\B`, word starts and ends) replaced by “always true”. That matches a
//! superset of what the pattern matches, on any slice of the text, so it can be run once over the
//! whole article whatever the rule's scope; and without Unicode word boundaries the regex crate
//! keeps its fast DFA instead of falling back to a backtracking engine on non-ASCII text. Counted
//! repetitions are opened up (`.{0,300}` → `.*`) for the same reason.

use regex_syntax::hir::{Hir, HirKind};

/// The prefilter source for `pattern` (already expanded), or `None` if it cannot be derived.
pub fn for_pattern(pattern: &str) -> Option<String> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let loose = loosen(&hir);
    // A prefilter that matches the empty string matches everywhere: useless.
    if loose.properties().minimum_len().unwrap_or(0) == 0 {
        return None;
    }
    Some(loose.to_string())
}

fn loosen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Capture(c) => loosen(&c.sub),
        HirKind::Concat(v) => Hir::concat(v.iter().map(loosen).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(loosen).collect()),
        HirKind::Repetition(r) => {
            let mut r = r.clone();
            r.sub = Box::new(loosen(&r.sub));
            // Counted repetitions (`.{0,300}`) blow up the DFA: `X{a,b}` becomes `X*` or `X+`,
            // which matches more, never less.
            if r.max.is_none_or(|max| max > 3) {
                r.min = r.min.min(1);
                r.max = None;
            }
            Hir::repetition(r)
        }
        _ => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn prefilter_matches_whatever_the_pattern_matches() {
        let cases = [
            (
                r"(?i)^\s*(?P<span>share on (?:facebook|vk))\s*$",
                "text\n  Share on VK\nmore",
            ),
            (r"\bÉlysée\b", "the Élysée said"),
            (r"\bthe\s+(?P<n>\d+)%\B", "was the 62% of"),
            (
                r"(?i)^(?P<span>.{0,300}?\bwe use cookies\b.{0,300})$",
                "Hi. We use cookies.",
            ),
            (r"a{2,5}b{3}", "xaaabbb"),
        ];
        for (pattern, text) in cases {
            let pre = for_pattern(pattern).expect("prefilter");
            let pre = Regex::new(&pre).expect("prefilter compiles");
            let re = Regex::new(&format!("(?m){pattern}")).expect("pattern");
            if re.is_match(text) {
                assert!(pre.is_match(text), "{pattern} on {text:?}");
            }
            assert!(pre.is_match(text), "{pattern} on {text:?}");
        }
        assert_eq!(for_pattern(r"^\s*$"), None, "matches the empty string");
        assert!(Regex::new(&for_pattern(r"\bcookies\b").expect("pre"))
            .expect("compiles")
            .is_match("acookiesz"));
    }
}
