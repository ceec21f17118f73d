//! The parsed article. It is built once per file and every rule reads it.
//!
//! `text` is the *prose view* of the file: the same length as the bytes read, with everything
//! that is not prose (a BOM today; Markdown syntax and HTML tags when those formats arrive)
//! blanked with spaces. Every span therefore refers to the original bytes with no mapping.

pub mod dateline;
pub mod html;
pub mod markdown;
pub mod position;
pub mod segment;
pub mod token;

pub use dateline::{DateSource, Dateline};
pub use position::{LineIndex, Position};
pub use token::{Token, TokenKind};

use crate::diagnostic::Span;
use chrono::NaiveDate;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Block {
    pub span: Span,
    /// Indices into [`Article::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Article::blocks`].
    pub block: usize,
    /// Indices into [`Article::tokens`].
    pub tokens: Range<usize>,
}

/// What kind of file an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format for a file name: `.md` and `.markdown` are Markdown, `.html` and `.htm` HTML,
    /// anything else text.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Settings that come from outside the text.
#[derive(Debug, Clone, Default)]
pub struct ArticleOptions {
    /// `--date`: overrides any date found in the text.
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Article {
    /// Display name (a path, `<stdin>`, or an example label).
    pub name: String,
    /// The bytes of the file as read, as text.
    pub source: String,
    /// The prose view: `source` with non-prose bytes blanked (see the module docs).
    pub text: String,
    /// Spans of `source` that were blanked.
    pub masked: Vec<Span>,
    pub lines: Vec<Span>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub dateline: Option<Dateline>,
    /// The dateline's place, also when it came without a date ("BERLIN (Reuters) –").
    pub place: Option<String>,
    pub index: LineIndex,
    /// `copydesk-disable…` directives found in the text.
    pub suppressions: Vec<crate::suppress::Suppression>,
}

/// The prose view of a structured (Markdown or HTML) article, with what its markup says.
pub struct Prose {
    pub text: String,
    pub masked: Vec<Span>,
    pub blocks: Vec<Span>,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
}

/// The runs of bytes where `text` (the prose view) differs from `source`: what was blanked.
pub fn masked_runs(source: &str, text: &str) -> Vec<Span> {
    let (t, s) = (text.as_bytes(), source.as_bytes());
    let mut out = Vec::new();
    let mut k = 0;
    while k < t.len().min(s.len()) {
        if t[k] != s[k] {
            let start = k;
            while k < t.len() && t[k] != s[k] {
                k += 1;
            }
            out.push(Span::new(start, k));
        } else {
            k += 1;
        }
    }
    out
}

/// Replace the bytes of `span` in `text` by spaces, keeping line breaks (same byte length).
pub fn blank(text: &mut String, span: Span) {
    let end = span.end.min(text.len());
    if span.start >= end || !text.is_char_boundary(span.start) || !text.is_char_boundary(end) {
        return;
    }
    let replacement: String = text[span.start..end]
        .chars()
        .flat_map(|c| {
            let fill = if c == '\n' || c == '\r' { c } else { ' ' };
            std::iter::repeat_n(fill, if fill == ' ' { c.len_utf8() } else { 1 })
        })
        .collect();
    text.replace_range(span.start..end, &replacement);
}

impl Article {
    /// Parse a plain-text article.
    pub fn parse(
        name: impl Into<String>,
        source: impl Into<String>,
        options: &ArticleOptions,
    ) -> Article {
        Self::parse_as(name, source, Format::Text, options)
    }

    /// Parse an article of the given format.
    pub fn parse_as(
        name: impl Into<String>,
        source: impl Into<String>,
        format: Format,
        options: &ArticleOptions,
    ) -> Article {
        let source = source.into();
        // Markdown and HTML: a prose view, blocks and metadata from the markup.
        let structured = match format {
            Format::Markdown => Some(markdown::prose(&source)),
            Format::Html => Some(html::prose(&source)),
            Format::Text => None,
        };
        if let Some(p) = structured {
            let (suppressions, _) = crate::suppress::parse(&source);
            let mut a = Self::from_prose(
                name.into(),
                source,
                p.text,
                p.masked,
                options,
                Some(p.blocks),
            );
            if p.place.is_some() {
                a.place = p.place;
            }
            if options.date.is_none() {
                if let Some(d) = p.date {
                    a.dateline = Some(Dateline {
                        date: d,
                        place: a.place.clone(),
                        span: None,
                        source: DateSource::Metadata,
                    });
                }
            }
            a.suppressions = suppressions;
            return a;
        }
        let mut text = source.clone();
        let mut masked = Vec::new();
        if text.starts_with('\u{feff}') {
            // Same byte length (3), so spans are unchanged.
            text.replace_range(0..3, "   ");
            masked.push(Span::new(0, 3));
        }
        let (suppressions, directive_lines) = crate::suppress::parse(&source);
        for l in directive_lines {
            blank(&mut text, l);
            masked.push(l);
        }
        let mut a = Self::from_prose(name.into(), source, text, masked, options, None);
        a.suppressions = suppressions;
        a
    }

    fn from_prose(
        name: String,
        source: String,
        text: String,
        masked: Vec<Span>,
        options: &ArticleOptions,
        block_hints: Option<Vec<Span>>,
    ) -> Article {
        debug_assert_eq!(source.len(), text.len());
        let lines = segment::lines(&text);
        let block_spans = match block_hints {
            Some(b) => b
                .into_iter()
                .map(|b| segment::trim(&text, b))
                .filter(|b| !b.is_empty())
                .collect(),
            None => segment::blocks(&text, &lines),
        };
        let mut blocks = Vec::with_capacity(block_spans.len());
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let mut sentence_spans = Vec::new();
        for (bi, &b) in block_spans.iter().enumerate() {
            sentence_spans.clear();
            segment::sentences(&text, b, &mut sentence_spans);
            let first = sentences.len();
            for &s in &sentence_spans {
                let t0 = tokens.len();
                token::tokenize(&text, s, &mut tokens);
                sentences.push(Sentence {
                    span: s,
                    block: bi,
                    tokens: t0..tokens.len(),
                });
            }
            blocks.push(Block {
                span: b,
                sentences: first..sentences.len(),
            });
        }
        let found = dateline::find(&text, &lines);
        let place = found
            .as_ref()
            .and_then(|d| d.place.clone())
            .or_else(|| dateline::find_place(&text, &lines));
        let dateline = match options.date {
            Some(date) => Some(Dateline {
                date,
                place: place.clone(),
                span: None,
                source: DateSource::Override,
            }),
            None => found,
        };
        let index = LineIndex::new(&source);
        Article {
            name,
            source,
            text,
            masked,
            lines,
            blocks,
            sentences,
            tokens,
            dateline,
            place,
            index,
            suppressions: Vec::new(),
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The headline: the first line with text on it, skipping lines that are only markup
    /// (`<div class="article-body">` pasted above the headline).
    pub fn title_line(&self) -> Option<Span> {
        self.lines.iter().copied().find(|l| {
            let line = self.slice(*l).trim();
            !line.is_empty() && !is_markup_only(line)
        })
    }

    /// The reference date, if the article has one.
    pub fn date(&self) -> Option<NaiveDate> {
        self.dateline.as_ref().map(|d| d.date)
    }

    pub fn position(&self, offset: usize) -> Position {
        self.index.position(&self.source, offset)
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// The sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset)
    }

    /// The line containing byte `offset`.
    pub fn line_at(&self, offset: usize) -> Option<Span> {
        let i = self.lines.partition_point(|l| l.end < offset);
        self.lines.get(i).copied().filter(|l| l.start <= offset)
    }

    /// Is any part of `span` blanked out of the prose view?
    pub fn is_masked(&self, span: Span) -> bool {
        self.masked.iter().any(|m| m.overlaps(span))
    }

    /// Is a finding at `span` about markup rather than prose: does it start or end in blanked
    /// bytes, or is all it holds outside them white space (spaces around a blanked code span)?
    pub fn is_masked_at(&self, span: Span) -> bool {
        let inside = |at: usize| self.masked.iter().any(|m| m.start <= at && at < m.end);
        if span.start >= span.end {
            return inside(span.start);
        }
        if inside(span.start) || inside(span.end - 1) {
            return true;
        }
        if !self.is_masked(span) {
            return false;
        }
        // Something blanked inside: keep the finding only if prose around it says something.
        let mut at = span.start;
        let mut prose = false;
        let mut runs: Vec<&Span> = self.masked.iter().filter(|m| m.overlaps(span)).collect();
        runs.sort_by_key(|m| m.start);
        let says = |a: usize, b: usize| self.text.get(a..b).is_none_or(|t| !t.trim().is_empty());
        for m in runs {
            if m.start > at {
                prose |= says(at, m.start.min(span.end));
            }
            at = at.max(m.end);
        }
        if at < span.end {
            prose |= says(at, span.end);
        }
        !prose
    }

    /// Word tokens of the whole article, in order.
    pub fn words(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(|t| t.kind == TokenKind::Word)
    }
}

/// Is `line` nothing but HTML tags and spaces?
fn is_markup_only(line: &str) -> bool {
    let mut rest = line.trim();
    if !rest.starts_with('<') {
        return false;
    }
    while let Some(r) = rest.strip_prefix('<') {
        let Some(j) = r.find('>') else { return false };
        rest = r[j + 1..].trim_start();
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_keep_byte_offsets() {
        let src = "\u{feff}Kyiv, 3 March 2023 – Talks began.\r\n\r\nThe envoy said no.\r\n";
        let a = Article::parse("t", src, &ArticleOptions::default());
        assert_eq!(a.text.len(), src.len());
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(
            &src[a.sentences[0].span.range()],
            "Kyiv, 3 March 2023 – Talks began."
        );
        assert_eq!(a.date(), NaiveDate::from_ymd_opt(2023, 3, 3));
        assert_eq!(a.place.as_deref(), Some("Kyiv"));
        let last = a.sentences.last().unwrap();
        assert_eq!(&src[last.span.range()], "The envoy said no.");
        assert_eq!(a.position(last.span.start), Position { line: 3, column: 1 });
        assert!(a.sentence_at(last.span.start + 2).is_some());
    }

    #[test]
    fn date_override_wins() {
        let opts = ArticleOptions {
            date: NaiveDate::from_ymd_opt(2020, 1, 2),
        };
        let a = Article::parse("t", "September 13, 2022\nText.", &opts);
        assert_eq!(a.date(), NaiveDate::from_ymd_opt(2020, 1, 2));
        assert_eq!(
            a.dateline.as_ref().map(|d| d.source),
            Some(DateSource::Override)
        );
    }
}
