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
    let loose = trim(&loosen(&hir));
    // A prefilter that matches the empty string matches everywhere: useless.
    if loose.properties().minimum_len().unwrap_or(0) == 0 {
        return None;
    }
    Some(loose.to_string())
}

/// Strings one of which occurs (ASCII case aside) in every match of the prefilter `source`, if
/// there is such a set of useful ones: each at least [`MIN_LITERAL`] bytes, at most
/// [`MAX_LITERALS`] of them. Returned with ASCII letters in lower case, to be looked for with an
/// ASCII-case-insensitive Aho-Corasick automaton, a far cheaper scan than a `RegexSet`.
///
/// Case-insensitive letters come out of the parser as classes (`[Ss]`); a class of one letter in
/// its cases counts as that letter. Unicode case folding adds the long s (ſ) to `s` and the
/// Kelvin sign to `k`; those two spellings are not looked for.
pub fn required_literals(source: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(source)
        .ok()?;
    let set = required(&hir)?;
    (set.iter().all(|l| usefulness(l) >= MIN_LITERAL) && set.len() <= MAX_LITERALS).then_some(set)
}

/// Literals less useful than this ([`usefulness`]) match too often to be worth looking for.
pub const MIN_LITERAL: usize = 3;

/// How rare a literal is, roughly: its length, a rare symbol (`%`, `«`, `©`: not ASCII punctuation
/// or a digit) counting as four letters, and
/// a frequent English word (“the”) counting as one letter whatever its length.
fn usefulness(lit: &[u8]) -> usize {
    const FREQUENT: &[&[u8]] = &[
        b"the", b"and", b"for", b"that", b"with", b"was", b"his", b"her", b"from", b"said",
        b"this", b"are", b"have", b"has", b"not", b"but", b"they", b"will", b"its",
    ];
    if FREQUENT.contains(&lit.trim_ascii()) {
        return 1;
    }
    lit.iter()
        .map(|b| match b {
            b'%' | b'#' | b'@' | b'*' | b'|' | b'~' | b'^' | b'=' | b'+' | b'$' => 4,
            b if !b.is_ascii() => 4,
            _ => 1,
        })
        .sum()
}
/// More alternatives than this and the `RegexSet` is used instead.
pub const MAX_LITERALS: usize = 512;

/// The one string `hir` matches, ASCII letters lower-cased, if it matches exactly one.
fn exact(hir: &Hir) -> Option<Vec<u8>> {
    use regex_syntax::hir::Class;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(Vec::new()),
        HirKind::Literal(l) => Some(l.0.to_ascii_lowercase()),
        HirKind::Capture(c) => exact(&c.sub),
        HirKind::Concat(v) => v.iter().try_fold(Vec::new(), |mut acc, h| {
            acc.extend(exact(h)?);
            Some(acc)
        }),
        HirKind::Class(Class::Unicode(c)) => {
            let mut letter = None;
            for r in c.ranges() {
                if u32::from(r.end()) - u32::from(r.start()) > 2 {
                    return None;
                }
                for ch in r.start()..=r.end() {
                    let folded = match ch {
                        '\u{212A}' => 'k',
                        'ſ' => 's',
                        c if c.is_ascii() => c.to_ascii_lowercase(),
                        _ => return None,
                    };
                    if letter.is_some_and(|l| l != folded) {
                        return None;
                    }
                    letter = Some(folded);
                }
            }
            letter.map(|l| vec![l as u8])
        }
        HirKind::Class(Class::Bytes(c)) => {
            let mut byte = None;
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    let folded = b.to_ascii_lowercase();
                    if byte.is_some_and(|x| x != folded) {
                        return None;
                    }
                    byte = Some(folded);
                }
            }
            byte.map(|b| vec![b])
        }
        _ => None,
    }
}

/// A set of strings one of which occurs in every match of `hir` (not necessarily useful ones).
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(e) = exact(hir) {
        return (!e.is_empty()).then(|| vec![e]);
    }
    match hir.kind() {
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(v) => {
            let mut all: Vec<Vec<u8>> = Vec::new();
            for h in v {
                all.extend(required(h)?);
                if all.len() > MAX_LITERALS {
                    return None;
                }
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(v) => {
            // Candidates: each run of children with one exact string, and each other child's
            // own set; the best is the one whose shortest string is longest.
            let mut candidates: Vec<Vec<Vec<u8>>> = Vec::new();
            let mut run: Vec<u8> = Vec::new();
            for h in v {
                match exact(h) {
                    Some(e) => run.extend(e),
                    None => {
                        if !run.is_empty() {
                            candidates.push(vec![std::mem::take(&mut run)]);
                        }
                        if let Some(set) = required(h) {
                            candidates.push(set);
                        }
                    }
                }
            }
            if !run.is_empty() {
                candidates.push(vec![run]);
            }
            candidates.into_iter().max_by_key(|set| {
                (
                    set.iter().map(|l| usefulness(l)).min().unwrap_or(0).min(8),
                    std::cmp::Reverse(set.len()),
                )
            })
        }
        _ => None,
    }
}

/// `hir` without what may match nothing at its two ends (`\s*X\s*` → `X`, `X+` → `X`): a
/// prefilter only asks whether there is a match somewhere, and there is one for the trimmed
/// regex wherever there is one for the whole. Line patterns (`^\s*…`) make far smaller automata
/// this way, and a set of them no longer thrashes the lazy DFA's cache.
fn trim(hir: &Hir) -> Hir {
    trim_end(&trim_start(hir))
}

fn nullable(h: &Hir) -> bool {
    h.properties().minimum_len() == Some(0)
}

/// `hir` without what may match nothing at its start (only there: `a b* c` keeps its `b*`).
fn trim_start(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Concat(v) => {
            let Some(first) = v.iter().position(|h| !nullable(h)) else {
                return hir.clone();
            };
            let mut kept: Vec<Hir> = v[first..].to_vec();
            kept[0] = trim_start(&kept[0]);
            Hir::concat(kept)
        }
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(trim_start).collect()),
        // `X+ R` matches only where `X R` does (its last `X`).
        HirKind::Repetition(r) if r.min >= 1 => trim_start(&r.sub),
        _ => hir.clone(),
    }
}

/// `hir` without what may match nothing at its end.
fn trim_end(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Concat(v) => {
            let Some(last) = v.iter().rposition(|h| !nullable(h)) else {
                return hir.clone();
            };
            let mut kept: Vec<Hir> = v[..=last].to_vec();
            kept[last] = trim_end(&kept[last]);
            Hir::concat(kept)
        }
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(trim_end).collect()),
        HirKind::Repetition(r) if r.min >= 1 => trim_end(&r.sub),
        _ => hir.clone(),
    }
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
            // Trimming strips only the ends: the `\s*` between the words stays.
            (r"(?i)^\s*(?:stand)\s*:?\s*\d{2}\.", "Stand: 09.04.2024"),
            (r"(?:ab*)c", "abbbc"),
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
        let lits = |p: &str| {
            required_literals(&for_pattern(p).expect("prefilter")).map(|v| {
                v.into_iter()
                    .map(|l| String::from_utf8(l).expect("utf-8"))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            lits(r"(?i)^\s*(?P<span>share on (?:facebook|vk))\s*$"),
            Some(vec!["share on ".to_string()])
        );
        assert_eq!(lits(r"\bÉlysée\b"), Some(vec!["Élysée".to_string()]));
        assert_eq!(
            lits(r"(?i)\b(?:erupted|began)\s+in\s+\d{4}"),
            Some(vec!["began".to_string(), "erupted".to_string()])
        );
        // A symbol is rarer than a frequent word.
        assert_eq!(lits(r"\bthe\s+(?P<n>\d+)%\B"), Some(vec!["%".to_string()]));
        assert_eq!(
            lits(r"(?i)\bthe\s+\d+\s+of\s+(?:may|june)\b"),
            Some(vec!["june".to_string(), "may".to_string()])
        );
        // Nothing long enough, or nothing required: the rule stays in the `RegexSet`.
        assert_eq!(lits(r"\d+\s*[,.]"), None);
        assert_eq!(lits(r"(?:ab|cd)x"), None);
        assert_eq!(lits(r"\p{Lu}\p{Ll}+[a-z]{2}"), None);
        assert!(Regex::new(&for_pattern(r"\bcookies\b").expect("pre"))
            .expect("compiles")
            .is_match("acookiesz"));
    }
}
