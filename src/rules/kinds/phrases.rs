//! `kind = "phrases"`: a list of literal phrases, matched as whole words in one Aho-Corasick pass.
//!
//! - `phrases`: the list.
//! - `case`: `insensitive` (default; ASCII letters fold, and each phrase is also tried with a
//!   capital first letter and in capitals) or `sensitive`.
//! - `scope`: `text` (default: anywhere in running text), `line` (the phrase is the whole line,
//!   give or take surrounding spaces, bullets and final punctuation: residue lines, not a
//!   sentence that mentions a comment), or `title` (the whole first line).
//! - `message` interpolates `{0}` (the text matched); `fix` is the replacement (often `""`).

use super::{touches_word, Common, Scope};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, Edit, Fix, Span};
use crate::rules::file::{RuleSpec, SpecError};
use crate::rules::template::render;
use crate::rules::{Rule, RuleMeta};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub struct PhrasesRule {
    common: Common,
    matcher: AhoCorasick,
    scope: Scope,
}

/// Case variants of a phrase that ASCII case folding cannot reach ("Udostępnij" / "UDOSTĘPNIJ").
pub fn case_variants(p: &str) -> Vec<String> {
    let mut v = vec![p.to_string()];
    if !p.is_ascii() {
        let mut cs = p.chars();
        if let Some(f) = cs.next() {
            v.push(f.to_uppercase().chain(cs).collect());
        }
        v.push(p.to_uppercase());
        v.push(p.to_lowercase());
    }
    v.sort();
    v.dedup();
    v
}

pub fn compile(spec: &RuleSpec, common: Common) -> Result<Box<dyn Rule>, SpecError> {
    spec.only(&["phrases", "case", "scope", "fix", "safety"])?;
    let phrases = spec.phrases.as_ref().ok_or_else(|| {
        SpecError::new(
            spec.kind.span(),
            "a `phrases` rule needs `phrases`",
            "phrases missing",
        )
    })?;
    if phrases.get_ref().is_empty() || phrases.get_ref().iter().any(|p| p.trim().is_empty()) {
        return Err(SpecError::new(
            phrases.span(),
            "`phrases` must be a list of non-empty strings",
            "empty phrase",
        ));
    }
    let insensitive = match &spec.case {
        None => true,
        Some(c) => match c.get_ref().as_str() {
            "insensitive" => true,
            "sensitive" => false,
            other => {
                return Err(SpecError::new(
                    c.span(),
                    format!("unknown case `{other}`"),
                    "sensitive or insensitive",
                ))
            }
        },
    };
    let mut patterns: Vec<String> = Vec::new();
    for p in phrases.get_ref() {
        if insensitive {
            patterns.extend(case_variants(p.trim()));
        } else {
            patterns.push(p.trim().to_string());
        }
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .map_err(|e| {
            SpecError::new(
                phrases.span(),
                format!("cannot build phrase matcher: {e}"),
                "phrases",
            )
        })?;
    let scope = Scope::parse(spec, Scope::Text, &[Scope::Text, Scope::Line, Scope::Title])?;
    if common.message.is_none() {
        return Err(SpecError::new(
            spec.id.span(),
            "a `phrases` rule needs a `message`",
            "message missing",
        ));
    }
    Ok(Box::new(PhrasesRule {
        common,
        matcher,
        scope,
    }))
}

/// `s` without HTML tags (`<div class="x">`, `</p>`): a share button pasted with its markup still
/// fills its line.
fn strip_tags(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('<') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let tag_like = tail[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match (tag_like, tail.find('>')) {
            (true, Some(j)) => rest = &tail[j + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// `s` without counts in brackets (“Comments (0)”, “Reply [3]”), which comment widgets add.
fn strip_counts(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['(', '[']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['(', '[']) {
        out.push_str(&rest[..i]);
        let close = if rest[i..].starts_with('(') { ')' } else { ']' };
        let inner = &rest[i + 1..];
        let digits = inner
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.' || c == 'k'))
            .unwrap_or(inner.len());
        if digits > 0
            && inner[..1].chars().all(|c| c.is_ascii_digit())
            && inner[digits..].starts_with(close)
        {
            rest = &inner[digits + 1..];
        } else {
            out.push_str(&rest[i..i + 1]);
            rest = inner;
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// What may stand before the first phrase of a residue line.
fn lead_ok(c: char) -> bool {
    c.is_whitespace() || matches!(c, '•' | '*' | '-' | '–' | '>' | '|' | '#')
}

/// What may follow the last phrase of a residue line.
fn tail_ok(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ':' | '!' | '…' | '*' | '|' | '»' | '>' | '→')
}

/// What may stand between two phrases of one residue line (“Comments (0) | Leave a comment”).
fn between_ok(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | '-' | '–' | '—' | ':' | '.' | '!')
}

/// Do the phrases at `spans` (in order, not overlapping) fill `line`, apart from spaces,
/// bullets, separators, markup, counts in brackets and final punctuation?
fn fills_line(line: &str, spans: &[(usize, usize)]) -> bool {
    // Markup is stripped only from short remainders: a phrase in a long line is prose (and
    // stripping the whole line for each match would be quadratic).
    const MARKUP: usize = 300;
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return false;
    };
    let (before, after) = (&line[..first.0], &line[last.1..]);
    if before.len() > MARKUP || after.len() > MARKUP {
        return false;
    }
    let before = strip_tags(before);
    let after = strip_tags(after);
    before.chars().all(lead_ok)
        && strip_counts(&after).chars().all(tail_ok)
        && spans.windows(2).all(|w| {
            let gap = line.get(w[0].1..w[1].0).unwrap_or("x");
            gap.len() <= 20 && strip_counts(gap).chars().all(between_ok)
        })
}

impl Rule for PhrasesRule {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let units = match self.scope {
            Scope::Text => vec![Span::new(0, article.text.len())],
            _ => self.scope.units(article),
        };
        for unit in units {
            let text = article.slice(unit);
            let mut found: Vec<(usize, usize)> = self
                .matcher
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .filter(|&(s, e)| !touches_word(text, s, e))
                .collect();
            if self.scope != Scope::Text {
                // A residue line is one phrase, or several of this rule's phrases with only
                // separators and counts between them: one finding for the run.
                found = match (found.first(), found.last()) {
                    (Some(&first), Some(&last)) if found.len() > 1 && fills_line(text, &found) => {
                        vec![(first.0, last.1)]
                    }
                    _ => found
                        .into_iter()
                        .filter(|&m| fills_line(text, &[m]))
                        .collect(),
                };
            }
            for (start, end) in found {
                let matched = &text[start..end];
                let span = Span::new(unit.start + start, unit.start + end);
                let lookup = |n: &str| (n == "0").then(|| matched.to_string());
                let message = render(self.common.message.as_deref().unwrap_or(""), lookup);
                let mut d = Diagnostic::new(
                    &self.common.meta.id,
                    self.common.meta.severity,
                    span,
                    message,
                );
                if !self.common.meta.help.is_empty() {
                    d = d.with_help(&self.common.meta.help);
                }
                if let Some(f) = &self.common.fix {
                    // A whole residue line is removed with its line break.
                    let fix_span = if self.scope == Scope::Line && f.is_empty() {
                        whole_line_with_break(article, unit)
                    } else {
                        span
                    };
                    d = d.with_fix(Fix {
                        edits: vec![Edit {
                            span: fix_span,
                            replacement: render(f, lookup),
                        }],
                        applicability: self.common.safety,
                    });
                }
                out.push(d);
            }
        }
    }
}

/// The line `line` plus its line terminator (or the preceding one, for the last line).
pub fn whole_line_with_break(article: &Article, line: Span) -> Span {
    let text = &article.text;
    if text[line.end..].starts_with("\r\n") {
        Span::new(line.start, line.end + 2)
    } else if text[line.end..].starts_with('\n') {
        Span::new(line.start, line.end + 1)
    } else if line.start > 0 && text[..line.start].ends_with("\r\n") {
        Span::new(line.start - 2, line.end)
    } else if line.start > 0 && text[..line.start].ends_with('\n') {
        Span::new(line.start - 1, line.end)
    } else {
        line
    }
}
