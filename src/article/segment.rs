//! Lines, blocks (paragraphs) and sentences, each a byte span of the article's prose.

use crate::diagnostic::Span;

/// Lines without their terminators (`\n` or `\r\n`).
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(Span::new(start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Trim whitespace from both ends of `span`.
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// Blocks: runs of non-blank lines, separated by blank lines. Spans are trimmed.
pub fn blocks(text: &str, lines: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for &line in lines {
        if text[line.range()].trim().is_empty() {
            if let Some(b) = cur.take() {
                out.push(trim(text, b));
            }
        } else {
            cur = Some(match cur {
                Some(b) => Span::new(b.start, line.end),
                None => line,
            });
        }
    }
    if let Some(b) = cur {
        out.push(trim(text, b));
    }
    out.retain(|b| !b.is_empty());
    out
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "cpt", "sgt", "sen", "rep", "gov",
    "rev", "st", "mt", "ft", "vs", "v", "hon", "messrs", "adm", "maj", "cpl", "pvt", "gens",
    "supt", "insp", "det", "cmdr", "brig", "pres", "amb", "atty", "fig", "approx", "ca", "cf",
    "al", "dept", "est", "inc", "corp", "ltd", "co", "bros", "etc", "jr", "sr",
];
/// Abbreviations that only bind to a following number ("No. 5", "Sept. 13").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "nr", "vol", "p", "pp", "art", "sec", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "op", "ch",
];
/// Words that commonly start a sentence; after a dotted abbreviation ("a.m.", "U.S.") a sentence
/// break is assumed only before one of these.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "so",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "some",
    "many",
    "most",
    "both",
    "no",
    "one",
    "two",
    "three",
    "officials",
    "police",
];

fn prev_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '‘' | '«' | '„'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '»' | ')' | ']' | '›')
}

/// Does the full stop ending `before` (the text up to and excluding the stop) end a sentence,
/// given the text `after` it?
fn stop_ends_sentence(before: &str, after: &str) -> bool {
    let word = prev_word(before);
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = bare.to_lowercase();
    let next = after.trim_start();
    let next_char = next.chars().next();
    let next_is_digit = next_char.is_some_and(|c| c.is_ascii_digit());
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    if NUMBER_ABBREVIATIONS.contains(&lower.as_str()) && next_is_digit {
        return false;
    }
    // An initial: "J. K. Rowling", "Donald J. Trump".
    let mut cs = bare.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    // Dotted abbreviations: "U.S.", "a.m.", "e.g.".
    if bare.contains('.') {
        let nw = next_word(next).to_lowercase();
        return SENTENCE_STARTERS.contains(&nw.as_str());
    }
    true
}

/// Split a block into sentences. Sentences never cross blank lines; a line break ends a sentence
/// unless the line evidently continues (it ends in a lower-case word or a comma and the next line
/// starts in lower case, as hard-wrapped text does).
pub fn sentences(text: &str, block: Span, out: &mut Vec<Span>) {
    let s = &text[block.range()];
    let mut start = 0usize;
    let mut iter = s.char_indices().peekable();
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let sp = trim(text, Span::new(block.start + from, block.start + to));
        if !sp.is_empty() {
            out.push(sp);
        }
    };
    while let Some((i, c)) = iter.next() {
        match c {
            '\n' => {
                let before = s[start..i].trim_end();
                let after = s[i + 1..].trim_start();
                let last = before.chars().next_back();
                let first = after.chars().next();
                let continues = last.is_some_and(|c| c.is_lowercase() || c == ',' || c == ';')
                    && first.is_some_and(char::is_lowercase);
                if !continues {
                    push(start, i, out);
                    start = i + 1;
                }
            }
            '.' | '!' | '?' | '…' => {
                // Swallow the rest of a run of terminators and closing marks.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let after = &s[end..];
                let Some(next) = after.chars().next() else {
                    push(start, end, out);
                    start = end;
                    continue;
                };
                if !next.is_whitespace() {
                    continue;
                }
                let rest = after.trim_start();
                let Some(first) = rest.chars().next() else {
                    continue;
                };
                if first.is_lowercase() || matches!(first, ',' | ';' | ':' | ')') {
                    continue;
                }
                if c == '.' && end == i + 1 && !stop_ends_sentence(&s[start..i], after) {
                    continue;
                }
                push(start, end, out);
                start = end;
            }
            _ => {}
        }
    }
    push(start, s.len(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let ls = lines(text);
        let mut out = Vec::new();
        for b in blocks(text, &ls) {
            sentences(text, b, &mut out);
        }
        out.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn abbreviations_numbers_and_quotes() {
        assert_eq!(
            split("The U.S. envoy met Dr. Lee at 9 a.m. local time. No. 5 rose 1.2 percent. “It is over.” He left."),
            vec![
                "The U.S. envoy met Dr. Lee at 9 a.m. local time.",
                "No. 5 rose 1.2 percent.",
                "“It is over.”",
                "He left."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_before_a_sentence_starter_ends_it() {
        assert_eq!(
            split("Talks began at 9 a.m. The envoy left. J. K. Rowling spoke on Sept. 13 in Washington."),
            vec!["Talks began at 9 a.m.", "The envoy left.", "J. K. Rowling spoke on Sept. 13 in Washington."]
        );
    }

    #[test]
    fn blocks_and_line_breaks() {
        let text = "Title line\r\nSeptember 13, 2022\r\n\r\nFirst para one. Two!\n\nhard wrapped\nline continues.";
        assert_eq!(
            split(text),
            vec![
                "Title line",
                "September 13, 2022",
                "First para one.",
                "Two!",
                "hard wrapped\nline continues."
            ]
        );
        let ls = lines(text);
        assert_eq!(blocks(text, &ls).len(), 3);
    }
}
