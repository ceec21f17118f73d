//! The prose view of a Markdown article: only the text a reader sees is kept; code, HTML, link
//! targets and front matter are blanked (same byte length, so every span is a span of the file).
//! Headings, paragraphs and list items are blocks of their own. Front matter `date:` and
//! `dateline:` (or `place:`) feed the dateline.

use super::{blank, dateline::parse_iso, masked_runs, Prose};
use crate::diagnostic::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The front matter block (`---` … `---`) at the start, and its fields.
fn front_matter(source: &str) -> Option<(Span, Vec<(String, String)>)> {
    let body = source.strip_prefix('\u{feff}').unwrap_or(source);
    let offset = source.len() - body.len();
    let first_line_end = body.find('\n')?;
    if body[..first_line_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_line_end + 1;
    let mut fields = Vec::new();
    while pos < body.len() {
        let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i);
        let line = body[pos..end].trim_end_matches('\r');
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((Span::new(offset, offset + end), fields));
        }
        if let Some((k, v)) = line.split_once(':') {
            fields.push((
                k.trim().to_lowercase(),
                v.trim().trim_matches(['"', '\'']).to_string(),
            ));
        }
        pos = end + 1;
    }
    None
}

pub fn prose(source: &str) -> Prose {
    let mut masked = Vec::new();
    let mut parse_source = source.to_string();
    let mut date = None;
    let mut place = None;
    if let Some((span, fields)) = front_matter(source) {
        blank(&mut parse_source, span);
        masked.push(span);
        for (k, v) in fields {
            match k.as_str() {
                "date" | "published" => {
                    date = date.or_else(|| parse_iso(v.get(..10).unwrap_or(&v)))
                }
                "dateline" | "place" | "location" => place = Some(v),
                _ => {}
            }
        }
    }
    // Start from all blank, then copy in what is prose.
    let mut text = parse_source.clone();
    let all = Span::new(0, text.len());
    blank(&mut text, all);
    let mut blocks = Vec::new();
    let mut in_code = 0usize;
    let parser = Parser::new_ext(
        &parse_source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell) => {
                blocks.push(Span::new(range.start, range.end));
            }
            Event::Text(t) if in_code == 0 => {
                let Some(src) = parse_source.get(range.clone()) else {
                    continue;
                };
                if src == t.as_ref() {
                    text.replace_range(range.clone(), src);
                } else if t.len() <= src.len() && !t.contains(['\n', '\r']) {
                    // An entity or escape: the decoded text, padded to the same length.
                    let padded = format!("{t}{}", " ".repeat(src.len() - t.len()));
                    text.replace_range(range.clone(), &padded);
                }
            }
            _ => {}
        }
    }
    // Keep leaf blocks only (a list item that holds paragraphs is not a block itself).
    blocks.sort_by_key(|b| (b.start, std::cmp::Reverse(b.end)));
    let leaves: Vec<Span> = blocks
        .iter()
        .copied()
        .filter(|b| !blocks.iter().any(|o| o != b && b.contains(*o)))
        .collect();
    // Everything not copied is masked.
    masked.extend(masked_runs(source, &text));
    Prose {
        text,
        masked,
        blocks: leaves,
        date,
        place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn keeps_prose_only() {
        let src = "---\ndate: 2024-03-07\ndateline: Valencia\n---\n# Floods hit Valencia\n\nRain fell `the the` and [the report](https://x.org/a%20%20b) said so &amp; more.\n\n```\nthe the\n```\n- item one\n- item two\n";
        let p = prose(src);
        assert_eq!(p.text.len(), src.len());
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2024, 3, 7));
        assert_eq!(p.place.as_deref(), Some("Valencia"));
        assert!(p.text.contains("Floods hit Valencia"));
        assert!(!p.text.contains("the the"));
        assert!(!p.text.contains("https"));
        assert!(p.text.contains("the report"));
        assert!(p.text.contains("so &     more"));
        assert_eq!(p.blocks.len(), 4, "{:?}", p.blocks);
    }
}
