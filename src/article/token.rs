//! Tokens: the words, numbers and marks of the prose, each with its byte span.

use crate::diagnostic::Span;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    /// Letters and digits, with internal apostrophes and hyphens ("don't", "Nagorno-Karabakh").
    Word,
    /// Digits with internal separators ("1,000", "1.25", "9:00").
    Number,
    /// A quotation mark: straight, curly, low-9 or guillemet.
    Quote,
    /// An en dash, em dash, or a hyphen standing alone between spaces.
    Dash,
    /// Sentence and clause punctuation and brackets.
    Punct,
    /// Anything else that is not a space (%, €, &, *).
    Symbol,
    Url,
    Email,
    /// `#hashtag` or `@handle`.
    Tag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»' | '‹' | '›'
    )
}

/// What is still open at the end of `before`: a quotation (curly or angle marks counted as
/// opened minus closed, straight ones by parity, ’ closing only a ‘ that is open — otherwise it
/// is an apostrophe) and a bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenMarks {
    pub quotation: bool,
    pub bracket: bool,
}

pub fn open_marks(before: &str) -> OpenMarks {
    let (mut double, mut single, mut straight, mut bracket) = (0i32, 0i32, 0u32, 0i32);
    for c in before.chars() {
        match c {
            '“' | '«' | '„' | '「' | '『' => double += 1,
            '”' | '»' | '」' | '』' => double -= 1,
            '‘' => single += 1,
            '’' if single > 0 => single -= 1,
            '"' => straight += 1,
            '(' | '[' | '（' => bracket += 1,
            ')' | ']' | '）' => bracket -= 1,
            _ => {}
        }
    }
    OpenMarks {
        quotation: double > 0 || single > 0 || straight % 2 == 1,
        bracket: bracket > 0,
    }
}

pub fn is_dash_char(c: char) -> bool {
    matches!(c, '–' | '—' | '―' | '‒' | '−')
}

fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

fn special_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?P<url>(?:https?://|www\.)[^\s<>“”«»]+)",
            r"|(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})",
            r"|(?P<tag>(?:^|[\s(])[#@][\p{L}\p{N}_]+)",
            r"|(?P<domain>(?-u:\b)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|io|co|uk|de|fr|it|pl|es|ru|am|az|info|news)(?-u:\b)(?:/[^\s]*)?)",
        ))
        .expect("static regex")
    })
}

/// Split `text[range]` into tokens. Whitespace is not a token.
pub fn tokenize(text: &str, range: Span, out: &mut Vec<Token>) {
    let slice = &text[range.range()];
    // URLs, e-mail addresses, domains and tags first, so that their dots and capitals are not
    // read as prose.
    let mut specials: Vec<(Span, TokenKind)> = Vec::new();
    for caps in special_re().captures_iter(slice) {
        let (m, kind) = if let Some(m) = caps.name("url") {
            (m, TokenKind::Url)
        } else if let Some(m) = caps.name("email") {
            (m, TokenKind::Email)
        } else if let Some(m) = caps.name("tag") {
            (m, TokenKind::Tag)
        } else if let Some(m) = caps.name("domain") {
            (m, TokenKind::Url)
        } else {
            continue;
        };
        let mut s = m.start();
        let mut e = m.end();
        // Trim the leading space of a tag match and trailing sentence punctuation of a URL.
        while s < e && slice[s..].starts_with(|c: char| c.is_whitespace() || c == '(') {
            s += slice[s..].chars().next().map_or(1, char::len_utf8);
        }
        while e > s {
            let Some(c) = slice[..e].chars().next_back() else {
                break;
            };
            if matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '’' | '"' | '\''
            ) {
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        if e > s {
            specials.push((Span::new(s + range.start, e + range.start), kind));
        }
    }
    let mut special_iter = specials.into_iter().peekable();

    let mut chars = slice.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        let abs = i + range.start;
        if let Some(&(sp, kind)) = special_iter.peek() {
            if abs >= sp.start {
                out.push(Token { kind, span: sp });
                special_iter.next();
                while let Some(&(j, _)) = chars.peek() {
                    if j + range.start >= sp.end {
                        break;
                    }
                    chars.next();
                }
                continue;
            }
        }
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c.is_alphabetic() || c.is_numeric() {
            let numeric_start = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            let is_number = numeric_start;
            chars.next();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '\u{301}' || d == '\u{308}' {
                    if !d.is_ascii_digit() && is_number {
                        // "9am", "20th": the number ends here; the letters are a word.
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                let next_after = slice[j + d.len_utf8()..].chars().next();
                if is_number
                    && matches!(d, '.' | ',' | ':')
                    && next_after.is_some_and(|n| n.is_ascii_digit())
                {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                if !is_number && is_word_joiner(d) && next_after.is_some_and(char::is_alphanumeric)
                {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                break;
            }
            out.push(Token {
                kind: if is_number {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                span: Span::new(abs, end + range.start),
            });
            continue;
        }
        chars.next();
        let kind = if is_quote_char(c) {
            TokenKind::Quote
        } else if is_dash_char(c) {
            TokenKind::Dash
        } else if c == '-' {
            let before = slice[..i].chars().next_back();
            let after = slice[i + 1..].chars().next();
            if before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace) {
                TokenKind::Dash
            } else {
                TokenKind::Punct
            }
        } else if c.is_ascii_punctuation() || matches!(c, '…' | '·' | '¿' | '¡') {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(Token {
            kind,
            span: Span::new(abs, abs + c.len_utf8()),
        });
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn open_marks_reads_quotations_brackets_and_apostrophes() {
        assert!(open_marks("He said, “We ").quotation);
        assert!(!open_marks("“We left,” the company’s ").quotation);
        assert!(open_marks("the word \"shalom").quotation);
        assert!(open_marks("the fair (广").bracket);
        assert!(!open_marks("the fair (Canton) and ").bracket);
        assert!(open_marks("‘Leave ").quotation);
    }

    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter()
            .map(|t| (t.kind, &text[t.span.range()]))
            .collect()
    }

    #[test]
    fn words_numbers_quotes_dashes() {
        let k = kinds("“Don’t,” said Nagorno-Karabakh’s 1,000.5 – at 9:00 and 9am");
        assert_eq!(
            k,
            vec![
                (TokenKind::Quote, "“"),
                (TokenKind::Word, "Don’t"),
                (TokenKind::Punct, ","),
                (TokenKind::Quote, "”"),
                (TokenKind::Word, "said"),
                (TokenKind::Word, "Nagorno-Karabakh’s"),
                (TokenKind::Number, "1,000.5"),
                (TokenKind::Dash, "–"),
                (TokenKind::Word, "at"),
                (TokenKind::Number, "9:00"),
                (TokenKind::Word, "and"),
                (TokenKind::Number, "9"),
                (TokenKind::Word, "am"),
            ]
        );
    }

    #[test]
    fn urls_emails_tags() {
        let k = kinds(
            "See https://example.com/a.b. Mail desk@paper.co.uk, #Vote2024 @AP_News reuters.com.",
        );
        assert!(k.contains(&(TokenKind::Url, "https://example.com/a.b")));
        assert!(k.contains(&(TokenKind::Email, "desk@paper.co.uk")));
        assert!(k.contains(&(TokenKind::Tag, "#Vote2024")));
        assert!(k.contains(&(TokenKind::Tag, "@AP_News")));
        assert!(k.contains(&(TokenKind::Url, "reuters.com")));
    }
}
