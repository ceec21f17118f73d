//! Snapshots of the concise and JSON output for every fixture article. A change in what copydesk
//! reports shows up as a snapshot diff to review (`INSTA_UPDATE=always cargo test` rewrites them).

use copydesk::lint::Linter;
use copydesk::report::json::diagnostics_json;
use copydesk::report::{concise::Concise, FileReport, Reporter};
use copydesk::{Article, ArticleOptions, Registry};
use std::path::Path;

fn fixtures() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for set in ["glitched", "clean"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(set))
            .expect("fixture set")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

#[test]
fn concise_and_json_per_fixture() {
    let registry = Registry::builtin().expect("rules load");
    let linter = Linter::new(&registry, &[], &[], Vec::new());
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        let article = Article::parse(rel.clone(), text, &ArticleOptions::default());
        let diags = linter.lint(&article);
        let report = FileReport {
            path: &rel,
            source: &article.source,
            index: &article.index,
            diagnostics: &diags,
        };
        let mut concise = Vec::new();
        Concise.file(&mut concise, &report).expect("write");
        let name = rel.replace(['/', '.'], "_");
        insta::assert_snapshot!(format!("{name}_concise"), String::from_utf8_lossy(&concise));
        insta::assert_json_snapshot!(format!("{name}_json"), diagnostics_json(&report));
    }
}
