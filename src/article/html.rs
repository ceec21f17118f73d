//! The prose view of an HTML article, from a small tokenizer that keeps byte offsets: text
//! between tags is kept (entities decoded for matching, padded to the same length, so spans stay
//! spans of the file); tags, comments, and the content of `script`, `style`, `code`, `pre`,
//! `noscript`, `template`, `svg` and `head` (the page title included) are blanked. Block-level elements
//! (p, h1–h6, li, blockquote, td, th, div, section, article, figcaption, title, br) make blocks of
//! their own. `<time datetime>` and `<meta property="article:published_time">` (or `name="date"`)
//! feed the dateline.

use super::{blank, dateline::parse_iso, masked_runs, Prose};
use crate::diagnostic::Span;

const HIDDEN: &[&str] = &[
    "script", "style", "code", "pre", "noscript", "template", "svg", "head",
];
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "td",
    "th",
    "div",
    "section",
    "article",
    "figcaption",
    "br",
    "ul",
    "ol",
    "table",
    "tr",
    "header",
    "footer",
    "main",
    "aside",
    "figure",
    "dd",
    "dt",
];

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

/// Attribute value `name="…"` inside a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        let rest_trim = rest.trim_start();
        if before_ok && rest_trim.starts_with('=') {
            let v = rest_trim[1..].trim_start();
            let quote = v.chars().next()?;
            if quote == '"' || quote == '\'' {
                let end = v[1..].find(quote)?;
                return Some(&v[1..1 + end]);
            }
            let end = v
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(v.len());
            return Some(&v[..end]);
        }
        from = at + name.len();
    }
    None
}

pub fn prose(source: &str) -> Prose {
    let mut text = source.to_string();
    let all = Span::new(0, text.len());
    blank(&mut text, all);
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut hidden: Option<String> = None;
    let mut blocks = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut date = None;
    let close_block = |at: usize, start: &mut Option<usize>, blocks: &mut Vec<Span>| {
        if let Some(s) = start.take() {
            if at > s {
                blocks.push(Span::new(s, at));
            }
        }
    };
    while i < bytes.len() {
        if bytes[i] == b'<' {
            // Comment.
            if source[i..].starts_with("<!--") {
                let end = source[i + 4..]
                    .find("-->")
                    .map_or(source.len(), |e| i + 4 + e + 3);
                i = end;
                continue;
            }
            let (tag, end) = match source[i..].find('>') {
                Some(e) => (&source[i + 1..i + e], i + e + 1),
                None => (&source[i + 1..], source.len()),
            };
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() && !tag.starts_with('!') && !closing {
                // A lone "<" in text: keep it as text.
                text.replace_range(i..i + 1, "<");
                i += 1;
                continue;
            }
            if name == "time" && date.is_none() {
                date = attribute(tag, "datetime").and_then(|d| parse_iso(d.get(..10).unwrap_or(d)));
            }
            if name == "meta" && date.is_none() {
                let key = attribute(tag, "property")
                    .or_else(|| attribute(tag, "name"))
                    .unwrap_or("");
                if matches!(
                    key,
                    "article:published_time" | "date" | "pubdate" | "publish-date" | "dc.date"
                ) {
                    date =
                        attribute(tag, "content").and_then(|d| parse_iso(d.get(..10).unwrap_or(d)));
                }
            }
            if let Some(h) = &hidden {
                if closing && name == *h {
                    hidden = None;
                }
                i = end;
                continue;
            }
            if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
                hidden = Some(name.clone());
            }
            if BLOCKS.contains(&name.as_str()) {
                close_block(i, &mut block_start, &mut blocks);
            }
            i = end;
            continue;
        }
        // Text up to the next tag.
        let end = source[i..].find('<').map_or(source.len(), |e| i + e);
        if hidden.is_none() {
            if source[i..end].chars().any(|c| !c.is_whitespace()) && block_start.is_none() {
                block_start = Some(i);
            }
            // Copy the text, decoding entities in place (padded with spaces).
            let mut j = i;
            while j < end {
                if bytes[j] == b'&' {
                    if let Some(semi) = source[j..end].find(';').filter(|&s| s <= 10) {
                        if let Some(c) = decode_entity(&source[j + 1..j + semi]) {
                            let len = semi + 1;
                            if c.len_utf8() <= len {
                                let rep = format!("{c}{}", " ".repeat(len - c.len_utf8()));
                                text.replace_range(j..j + len, &rep);
                                j += len;
                                continue;
                            }
                        }
                    }
                }
                let ch_len = source[j..].chars().next().map_or(1, char::len_utf8);
                text.replace_range(j..j + ch_len, &source[j..j + ch_len]);
                j += ch_len;
            }
        }
        i = end;
    }
    close_block(source.len(), &mut block_start, &mut blocks);
    let masked = masked_runs(source, &text);
    Prose {
        text,
        masked,
        blocks,
        date,
        place: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn keeps_visible_text() {
        let src = "<html><head><title>Floods</title><meta property=\"article:published_time\" content=\"2024-03-07T10:00:00Z\"><script>var the = 'the the';</script></head><body><h1>Floods hit Valencia</h1><p>Rain fell &amp; fell. <code>the the</code></p><p>Second<br>line</p></body></html>";
        let p = prose(src);
        assert_eq!(p.text.len(), src.len());
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2024, 3, 7));
        assert!(p.text.contains("Floods hit Valencia"));
        assert!(p.text.contains("Rain fell &     fell."));
        assert!(!p.text.contains("the the"));
        assert!(!p.text.contains("<p>"));
        let blocks: Vec<&str> = p.blocks.iter().map(|b| p.text[b.range()].trim()).collect();
        assert!(blocks.contains(&"Floods hit Valencia"), "{blocks:?}");
        assert!(blocks.contains(&"Second"), "{blocks:?}");
    }

    #[test]
    fn unclosed_tag_before_a_multibyte_character() {
        let src = "Hernández <b é";
        let p = prose(src);
        assert_eq!(p.text.len(), src.len());
        assert!(p.text.starts_with("Hernández"));
    }
}
