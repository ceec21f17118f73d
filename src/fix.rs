//! Applying fixes: non-overlapping edits, repeated until the text stops changing.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// Apply the fixes of `diagnostics` to `text`. Fixes whose edits overlap an earlier accepted fix
/// wait for the next pass. Returns the new text and the number of fixes applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic], allow_unsafe: bool) -> (String, usize) {
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut count = 0;
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| allow_unsafe || f.applicability == Applicability::Safe)
        .collect();
    fixes.sort_by_key(|f| (f.span().start, f.span().end));
    for fix in fixes {
        let valid = fix.edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        }) && fix
            .edits
            .iter()
            .any(|e| text[e.span.range()] != *e.replacement);
        let clashes = fix.edits.iter().any(|e| {
            accepted.iter().any(|a| {
                a.span.start < e.span.end && e.span.start < a.span.end
                    || a.span.start == e.span.start
                    || (e.span.is_empty()
                        && a.span.start < e.span.start
                        && e.span.start < a.span.end)
                    || (a.span.is_empty()
                        && e.span.start < a.span.start
                        && a.span.start < e.span.end)
            })
        });
        if valid && !clashes {
            accepted.extend(fix.edits.iter());
            count += 1;
        }
    }
    accepted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in accepted {
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    (out, count)
}

/// Lint and fix repeatedly until nothing changes (at most `max_passes`). `lint` re-reads the text.
pub fn fix_until_stable(
    text: &str,
    allow_unsafe: bool,
    max_passes: usize,
    mut lint: impl FnMut(&str) -> Vec<Diagnostic>,
) -> (String, usize) {
    let mut current = text.to_string();
    let mut total = 0;
    for _ in 0..max_passes {
        let diags = lint(&current);
        let (next, n) = apply(&current, &diags, allow_unsafe);
        if n == 0 || next == current {
            break;
        }
        total += n;
        current = next;
    }
    (current, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity, Span};

    fn d(start: usize, end: usize, rep: &str) -> Diagnostic {
        Diagnostic::new("t/t", Severity::Warning, Span::new(start, end), "m")
            .with_fix(Fix::safe(Span::new(start, end), rep))
    }

    #[test]
    fn overlapping_edits_wait() {
        let (out, n) = apply("abcdef", &[d(0, 2, "X"), d(1, 3, "Y"), d(4, 4, "_")], false);
        assert_eq!(out, "Xcd_ef");
        assert_eq!(n, 2);
    }

    #[test]
    fn unsafe_needs_permission() {
        let mut diag = d(0, 1, "Z");
        if let Some(f) = diag.fix.as_mut() {
            f.applicability = Applicability::Unsafe;
        }
        assert_eq!(apply("abc", std::slice::from_ref(&diag), false).0, "abc");
        assert_eq!(apply("abc", &[diag], true).0, "Zbc");
    }
}
