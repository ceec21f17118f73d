//! Suppressions written in the article:
//!
//! ```text
//! copydesk-disable-next-line spacing/double-space
//! copydesk-disable residue            (until copydesk-enable residue, or the end)
//! copydesk-enable residue
//! copydesk-disable-file names/variant-spelling
//! ```
//!
//! Each on a line of its own; in Markdown and HTML inside a comment
//! (`<!-- copydesk-disable-next-line quotes -->`). Rule ids and packs are accepted; no id means
//! every rule. The directive lines themselves are not prose and are never linted.

use crate::diagnostic::{Diagnostic, Severity, Span};
use regex::Regex;
use std::sync::OnceLock;

/// Rule id of the diagnostics about suppressions themselves.
pub const UNUSED: &str = "copydesk/unused-suppression";
pub const UNKNOWN: &str = "copydesk/unknown-rule";

#[derive(Debug, Clone)]
pub struct Suppression {
    /// The directive line.
    pub span: Span,
    /// The bytes it covers.
    pub covers: Span,
    /// Rule ids or packs (empty: all rules).
    pub rules: Vec<String>,
}

fn directive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?m)^[ \t]*(?:<!--[ \t]*)?copydesk-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<rules>[^\n]*?)[ \t]*(?:-->)?[ \t]*\r?$")
            .expect("static regex")
    })
}

/// The directives of `source`, and the spans of their lines (to blank out of the prose).
pub fn parse(source: &str) -> (Vec<Suppression>, Vec<Span>) {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut open: Vec<(Vec<String>, usize, Span)> = Vec::new();
    for c in directive_re().captures_iter(source) {
        let (Some(m), Some(kind)) = (c.get(0), c.name("kind")) else {
            continue;
        };
        let span = Span::new(m.start(), m.end());
        lines.push(span);
        let rules: Vec<String> = c
            .name("rules")
            .map(|r| {
                r.as_str()
                    .split([',', ' ', '\t'])
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        match kind.as_str() {
            "disable-next-line" => {
                let next_start = source[span.end..]
                    .find('\n')
                    .map_or(source.len(), |i| span.end + i + 1);
                let next_end = source[next_start..]
                    .find('\n')
                    .map_or(source.len(), |i| next_start + i);
                out.push(Suppression {
                    span,
                    covers: Span::new(next_start, next_end),
                    rules,
                });
            }
            "disable-file" => out.push(Suppression {
                span,
                covers: Span::new(0, source.len()),
                rules,
            }),
            "disable" => open.push((rules, span.end, span)),
            _ => {
                // enable: closes the matching disable (same rule list), or the latest one.
                let idx = open
                    .iter()
                    .rposition(|(r, _, _)| *r == rules)
                    .or(if open.is_empty() {
                        None
                    } else {
                        Some(open.len() - 1)
                    });
                if let Some(i) = idx {
                    let (r, from, dspan) = open.remove(i);
                    out.push(Suppression {
                        span: dspan,
                        covers: Span::new(from, span.start),
                        rules: r,
                    });
                }
            }
        }
    }
    for (rules, from, span) in open {
        out.push(Suppression {
            span,
            covers: Span::new(from, source.len()),
            rules,
        });
    }
    (out, lines)
}

/// Drop suppressed diagnostics; report unknown rule ids and suppressions that suppressed
/// nothing (info). `knows` tells whether a selector names a loaded rule or pack; `ran` whether
/// it names a rule that ran (an unused suppression of a rule that did not run is not reported).
pub fn apply(
    suppressions: &[Suppression],
    diagnostics: &mut Vec<Diagnostic>,
    knows: &dyn Fn(&str) -> bool,
    ran: &dyn Fn(&str) -> bool,
) {
    let mut used = vec![false; suppressions.len()];
    diagnostics.retain(|d| {
        let mut keep = true;
        for (i, s) in suppressions.iter().enumerate() {
            if s.covers.start <= d.span.start
                && d.span.start <= s.covers.end
                && (s.rules.is_empty()
                    || s.rules
                        .iter()
                        .any(|r| crate::rules::selector_matches(r, &d.rule)))
            {
                used[i] = true;
                keep = false;
            }
        }
        keep
    });
    for (i, s) in suppressions.iter().enumerate() {
        let unknown: Vec<&String> = s.rules.iter().filter(|r| !knows(r)).collect();
        if !unknown.is_empty() {
            let names: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
            diagnostics.push(Diagnostic::new(
                UNKNOWN,
                Severity::Info,
                s.span,
                format!(
                    "Suppression names no known rule or pack: {}",
                    names.join(", ")
                ),
            ));
        } else if !used[i] && (s.rules.is_empty() || s.rules.iter().any(|r| ran(r))) {
            diagnostics.push(
                Diagnostic::new(
                    UNUSED,
                    Severity::Info,
                    s.span,
                    "This suppression suppressed nothing",
                )
                .with_help("Delete it: the text it covers has no finding any more."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives() {
        let src = "a\ncopydesk-disable-next-line spacing\nb  c\n<!-- copydesk-disable residue -->\nx\n<!-- copydesk-enable residue -->\ny\n";
        let (s, lines) = parse(src);
        assert_eq!(lines.len(), 3);
        assert_eq!(s.len(), 2);
        let next = &s[0];
        assert_eq!(&src[next.covers.range()], "b  c");
        assert_eq!(next.rules, vec!["spacing"]);
        assert_eq!(&src[s[1].covers.range()].trim(), &"x");
    }
}
