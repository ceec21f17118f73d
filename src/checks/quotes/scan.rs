//! The quotation-mark state machine shared by the `quotes/*` rules. It walks the marks of each
//! block once, deciding from the glyph and its surroundings whether a mark opens or closes, and
//! reports every irregularity as a [`Finding`] of some [`Problem`]; each rule keeps its own kind.

use crate::article::{Article, TokenKind};
use crate::diagnostic::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A closing glyph where a quotation opens and an opening glyph where it closes.
    Reversed,
    /// An opening glyph (“) used to close a quotation.
    OpenAsClose,
    /// A closing mark with no quotation open, or a quotation never closed.
    Unbalanced,
    /// Straight and curly marks in one quotation.
    Mixed,
    /// A space just inside the marks.
    SpaceInside,
    /// « closed by ”, “ closed by », and similar.
    Mismatched,
    /// A quotation closed and reopened around a word or two: marks misplaced.
    Misplaced,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub problem: Problem,
    pub span: Span,
    pub message: String,
    pub related: Option<(Span, &'static str)>,
    /// Safe edits: (span, replacement).
    pub fix: Vec<(Span, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    glyph: char,
    /// What the surroundings say: space (or start, bracket, dash) before and text after opens.
    context: Option<Role>,
    space_after: bool,
    space_before: bool,
    /// Where the mark's sentence ends (without trailing space).
    sentence_end: usize,
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn opener_side(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/' | '‘' | '\'')
    })
}

fn closer_side(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '…' | '’' | '\''
            )
    })
}

/// Words that may stand between two quotations: “yes” or “no”, “good” to “excellent”.
const BETWEEN_QUOTES: &[&str] = &[
    "and", "or", "but", "nor", "versus", "vs", "as", "than", "to", "not", "is", "was", "were",
    "are", "be", "become", "became", "means", "meant", "like", "from", "into", "with", "said",
    "says", "added", "asked", "told", "wrote", "replied", "then", "even", "also", "only", "just",
    "of", "in", "for", "the", "a", "an", "called", "calls", "by", "on", "at", "he", "she", "they",
    "it", "we", "i", "you", "instead", "rather",
];

pub fn scan(article: &Article) -> Vec<Finding> {
    let text = &article.text;
    let mut out = Vec::new();
    let mut prev_block_open: Option<Mark> = None;
    for (bi, block) in article.blocks.iter().enumerate() {
        let first_tok = article.sentences[block.sentences.clone()]
            .first()
            .and_then(|s| article.tokens.get(s.tokens.start));
        // The end of the paragraph's first sentence with a verb of saying.
        let speech_end = article.sentences[block.sentences.clone()]
            .iter()
            .take(6)
            .find(|s| {
                let t = &text[s.span.range()];
                [" said", " says", " told", " added", " asked"]
                    .iter()
                    .any(|v| t.contains(v))
            })
            .map(|s| s.span.start + text[s.span.range()].trim_end().len());
        let marks: Vec<Mark> = article.sentences[block.sentences.clone()]
            .iter()
            .flat_map(|s| {
                let end = s.span.start + text[s.span.range()].trim_end().len();
                article.tokens[s.tokens.clone()]
                    .iter()
                    .map(move |t| (t, end))
            })
            .filter(|(t, _)| t.kind == TokenKind::Quote)
            .filter_map(|(t, sentence_end)| {
                // A quotation opening the paragraph runs to its attribution (“…, X said.”),
                // which may be sentences later.
                let sentence_end = if first_tok.is_some_and(|f| f.span == t.span) {
                    speech_end.unwrap_or(sentence_end)
                } else {
                    sentence_end
                };
                let glyph = text[t.span.range()].chars().next()?;
                if !is_double(glyph) {
                    return None;
                }
                let before = text[..t.span.start].chars().next_back();
                let after = text[t.span.end..].chars().next();
                let ob = opener_side(before);
                let ca = closer_side(after);
                // No quotation opens right before a comma or a full stop: “, closes (but “?”
                // is a quotation of a question mark).
                let before_punct = after
                    .is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '…'))
                    && text[t.span.end..]
                        .chars()
                        .nth(1)
                        .is_none_or(|c| c.is_whitespace() || c == ')');
                let context = match (ob, ca) {
                    _ if before_punct => Some(Role::Close),
                    (true, false) => Some(Role::Open),
                    (false, true) => Some(Role::Close),
                    _ => None,
                };
                Some(Mark {
                    span: t.span,
                    glyph,
                    context,
                    space_after: after.is_some_and(|c| c == ' ' || c == '\u{a0}'),
                    space_before: before.is_some_and(|c| c == ' ' || c == '\u{a0}'),
                    sentence_end,
                })
            })
            .collect();
        // A quotation left open at the end of the previous block is fine if this block reopens
        // (the convention for multi-paragraph quotations).
        if let Some(open) = prev_block_open.take() {
            let reopens = first_tok
                .filter(|t| t.kind == TokenKind::Quote)
                .and_then(|t| text[t.span.range()].chars().next())
                .is_some_and(|c| matches!(c, '“' | '"' | '«' | '„'));
            if !reopens {
                out.push(unclosed(open, open.sentence_end));
            }
        }
        let mut open: Option<Mark> = None;
        let mut last_close: Option<Mark> = None;
        for (i, m) in marks.iter().enumerate() {
            let role = decide(m, open.is_some());
            match role {
                Role::Open => {
                    if let Some(prev) = open {
                        // Two openings in a row: the first was never closed, unless this one is
                        // reversed (” It is over “ style is handled below).
                        let end =
                            prev.span.start + text[prev.span.start..m.span.start].trim_end().len();
                        out.push(unclosed(prev, end));
                    }
                    if m.glyph == '”'
                        || m.glyph == '»' && marks.get(i + 1).is_some_and(|n| n.glyph == '«')
                    {
                        // A closing glyph opening a quotation: reversed pair if the next mark is
                        // an opening glyph in closing position.
                        if let Some(n) = marks.get(i + 1) {
                            if matches!(n.glyph, '“' | '«') && n.context == Some(Role::Close) {
                                out.push(Finding {
                                    problem: Problem::Reversed,
                                    span: Span::new(m.span.start, n.span.end),
                                    message: format!(
                                        "Quotation marks reversed: “{}…{}”",
                                        m.glyph, n.glyph
                                    ),
                                    related: None,
                                    fix: vec![
                                        (m.span, n.glyph.to_string()),
                                        (n.span, m.glyph.to_string()),
                                    ],
                                });
                            }
                        }
                    }
                    if let Some(lc) = last_close {
                        misplaced(article, lc, *m, &mut out);
                    }
                    if m.space_after && matches!(m.glyph, '“' | '„' | '«') && m.glyph != '«' {
                        let ws = space_run(text, m.span.end, true);
                        out.push(Finding {
                            problem: Problem::SpaceInside,
                            span: Span::new(m.span.start, ws.end),
                            message: "Space after the opening quotation mark".into(),
                            related: None,
                            fix: vec![(ws, String::new())],
                        });
                    }
                    open = Some(*m);
                }
                Role::Close => {
                    match open.take() {
                        None => {
                            if m.glyph == '“' && m.context == Some(Role::Close) {
                                out.push(Finding {
                                    problem: Problem::OpenAsClose,
                                    span: m.span,
                                    message: "Opening quotation mark “ used to close a quotation (with no quotation open)".into(),
                                    related: None,
                                    fix: Vec::new(),
                                });
                            } else {
                                out.push(Finding {
                                    problem: Problem::Unbalanced,
                                    span: m.span,
                                    message: format!("Closing quotation mark {} with no quotation open in this paragraph", m.glyph),
                                    related: None,
                                    fix: Vec::new(),
                                });
                            }
                        }
                        Some(o) => {
                            check_pair(o, *m, text, &mut out);
                        }
                    }
                    last_close = Some(*m);
                }
            }
        }
        if let Some(o) = open {
            if bi + 1 < article.blocks.len() {
                prev_block_open = Some(o);
            } else {
                out.push(unclosed(o, o.sentence_end));
            }
        }
    }
    if let Some(o) = prev_block_open {
        out.push(unclosed(o, o.sentence_end));
    }
    out
}

/// Decide a mark's role from its glyph, its context and the state.
fn decide(m: &Mark, inside: bool) -> Role {
    match m.context {
        Some(r) => r,
        None => {
            // Spaces (or text) on both sides: the state decides.
            if inside {
                Role::Close
            } else {
                Role::Open
            }
        }
    }
}

/// A quotation opened at `o` and never closed: the span runs from the mark to `end` (the end of
/// its sentence, or the next opening mark), the words left without their closing mark.
fn unclosed(o: Mark, end: usize) -> Finding {
    Finding {
        problem: Problem::Unbalanced,
        span: Span::new(o.span.start, end.max(o.span.end)),
        message: format!("Quotation opened with {} is never closed", o.glyph),
        related: None,
        fix: Vec::new(),
    }
}

fn space_run(text: &str, from: usize, forward: bool) -> Span {
    if forward {
        let n = text[from..].len() - text[from..].trim_start_matches([' ', '\u{a0}']).len();
        Span::new(from, from + n)
    } else {
        let n = text[..from].len() - text[..from].trim_end_matches([' ', '\u{a0}']).len();
        Span::new(from - n, from)
    }
}

fn check_pair(o: Mark, c: Mark, text: &str, out: &mut Vec<Finding>) {
    let straight = |g: char| g == '"';
    if straight(o.glyph) != straight(c.glyph) {
        let (fix_span, rep) = if straight(o.glyph) {
            (o.span, "“")
        } else {
            (c.span, "”")
        };
        out.push(Finding {
            problem: Problem::Mixed,
            span: Span::new(o.span.start, c.span.end),
            message: format!(
                "Quotation mixes straight and curly marks: {} … {}",
                o.glyph, c.glyph
            ),
            related: None,
            fix: vec![(fix_span, rep.to_string())],
        });
        return;
    }
    let ok = match o.glyph {
        '“' => matches!(c.glyph, '”'),
        '„' => matches!(c.glyph, '“' | '”'),
        '«' => matches!(c.glyph, '»'),
        '»' => matches!(c.glyph, '«'),
        '"' => c.glyph == '"',
        _ => true,
    };
    // ”…”: the Swedish and Finnish pair, or a tool that had only the closing glyph.
    if o.glyph == '”' && c.glyph == '”' {
        out.push(Finding {
            problem: Problem::Mismatched,
            span: o.span,
            message: "Quotation opened with the closing mark ”; English opens with “".into(),
            related: Some((c.span, "closed here")),
            fix: vec![(o.span, "“".into())],
        });
    }
    if !(ok || o.glyph == '”' && c.glyph == '”') {
        if o.glyph == '“' && c.glyph == '“' {
            out.push(Finding {
                problem: Problem::OpenAsClose,
                span: c.span,
                message: "Opening quotation mark “ used to close the quotation".into(),
                related: Some((o.span, "quotation opened here")),
                fix: vec![(c.span, "”".into())],
            });
        } else if o.glyph != '”' {
            out.push(Finding {
                problem: Problem::Mismatched,
                span: Span::new(o.span.start, c.span.end),
                message: format!(
                    "Quotation opened with {} but closed with {}",
                    o.glyph, c.glyph
                ),
                related: None,
                fix: Vec::new(),
            });
        }
    }
    if c.space_before
        && c.span.start > o.span.end
        && matches!(c.glyph, '”' | '“' | '»')
        && c.glyph != '»'
    {
        let ws = space_run(text, c.span.start, false);
        if ws.start > o.span.end {
            out.push(Finding {
                problem: Problem::SpaceInside,
                span: Span::new(ws.start, c.span.end),
                message: "Space before the closing quotation mark".into(),
                related: None,
                fix: vec![(ws, String::new())],
            });
        }
    }
}

/// “… to” stabilize “the situation …”: a quotation closed and reopened around a word or two that
/// cannot stand between two quotations. The marks were moved by translation.
fn misplaced(article: &Article, close: Mark, open: Mark, out: &mut Vec<Finding>) {
    let gap = &article.text[close.span.end..open.span.start];
    let words: Vec<&str> = gap.split_whitespace().collect();
    if words.is_empty() || words.len() > 2 {
        return;
    }
    if gap
        .chars()
        .any(|c| !(c.is_alphabetic() || c.is_whitespace() || c == '-' || c == '’' || c == '\''))
    {
        return;
    }
    if words
        .iter()
        .any(|w| BETWEEN_QUOTES.contains(&w.to_lowercase().as_str()))
    {
        return;
    }
    // Only within one sentence.
    let same = article.sentence_at(close.span.start).map(|s| s.span)
        == article.sentence_at(open.span.start).map(|s| s.span);
    if !same {
        return;
    }
    out.push(Finding {
        problem: Problem::Misplaced,
        span: Span::new(close.span.start, open.span.end),
        message: format!(
            "Quotation closed and reopened around “{}”: the marks look misplaced",
            gap.trim()
        ),
        related: None,
        fix: Vec::new(),
    });
}
