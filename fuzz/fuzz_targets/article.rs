//! The article model in all three formats, and the position mapping, on any bytes.
#![no_main]
use copydesk::article::Format;
use copydesk::{Article, ArticleOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let a = Article::parse_as("fuzz", text.to_string(), format, &ArticleOptions::default());
        assert_eq!(a.text.len(), text.len());
        for s in &a.sentences {
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            let p = a.position(s.span.start);
            let (l, c) = a.index.utf16_position(text, s.span.start);
            assert_eq!(a.index.offset_of_utf16(text, l, c), s.span.start);
            assert!(p.line >= 1 && p.column >= 1);
        }
    }
});
