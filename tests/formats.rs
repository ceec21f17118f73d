//! The same article as plain text and as Markdown gets the same findings: Markdown syntax, link
//! targets, code and front matter are not prose, and spans still point at the file's bytes.

use copydesk::article::Format;
use copydesk::lint::Linter;
use copydesk::{Article, ArticleOptions, Registry};
use std::path::Path;

fn findings(path: &Path, format: Format) -> Vec<(String, String)> {
    let registry = Registry::builtin().expect("rules load");
    let linter = Linter::new(&registry, &[], &[], Vec::new());
    let text = std::fs::read_to_string(path).expect("fixture");
    let a = Article::parse_as(
        path.display().to_string(),
        text.clone(),
        format,
        &ArticleOptions::default(),
    );
    let mut v: Vec<(String, String)> = linter
        .lint(&a)
        .into_iter()
        .map(|d| (d.rule.clone(), text[d.span.range()].to_string()))
        .collect();
    v.sort();
    v
}

#[test]
fn markdown_and_text_versions_agree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let txt = findings(&root.join("glitched/001_valencia_floods.txt"), Format::Text);
    let md = findings(
        &root.join("markdown/001_valencia_floods.md"),
        Format::Markdown,
    );
    assert!(txt.len() > 10);
    assert_eq!(md, txt);
}

#[test]
fn html_and_text_versions_agree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let txt = findings(&root.join("glitched/001_valencia_floods.txt"), Format::Text);
    let html = findings(&root.join("html/001_valencia_floods.html"), Format::Html);
    assert_eq!(html, txt);
}

#[test]
fn front_matter_feeds_the_dateline() {
    let src =
        "---\ndate: 2023-02-20\ndateline: Tbilisi\n---\nThe summit opens on Wednesday, 3 March.\n";
    let a = Article::parse_as("a.md", src, Format::Markdown, &ArticleOptions::default());
    assert_eq!(a.date(), chrono::NaiveDate::from_ymd_opt(2023, 2, 20));
    assert_eq!(a.place.as_deref(), Some("Tbilisi"));
    let registry = Registry::builtin().expect("rules load");
    let linter = Linter::new(&registry, &["dates".to_string()], &[], Vec::new());
    let d = linter.lint(&a);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(&src[d[0].span.range()], "Wednesday, 3 March");
}

/// A residue line that holds an inline tag (a cookie banner with a link) is reported in HTML
/// too; a finding that would need to edit markup keeps its span but loses its fix, and every
/// fix applied leaves the tags as they were.
#[test]
fn findings_across_inline_markup_keep_the_markup() {
    let registry = Registry::builtin().expect("rules load");
    let linter = Linter::new(&registry, &[], &[], Vec::new());
    let html = "<html><body><h1>Floods hit Porto Alegre</h1>\n<p>PORTO ALEGRE, 6 May 2024 – Rain fell.</p>\n<p>We use cookies to improve your experience. <a href=\"/privacy\">Accept all</a></p>\n<div class=\"share\">Share on WhatsApp</div>\n</body></html>\n";
    let a = Article::parse_as(
        "page.html",
        html.to_string(),
        Format::Html,
        &ArticleOptions::default(),
    );
    let d = linter.lint(&a);
    let cookie = d
        .iter()
        .find(|d| d.rule == "residue/cookie-banner")
        .expect("the cookie banner is found across the link");
    assert!(html[cookie.span.range()].starts_with("We use cookies"));
    assert!(d.iter().any(|d| d.rule == "residue/share-button"));
    let (fixed, _) = copydesk::fix::apply(html, &d, true);
    for tag in [
        "<a href=\"/privacy\">",
        "</a></p>",
        "<div class=\"share\">",
        "</div>",
        "<h1>",
        "</h1>",
    ] {
        assert!(fixed.contains(tag), "{tag} lost:\n{fixed}");
    }
}
