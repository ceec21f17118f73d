//! Recall and precision against annotated articles: each `truth.tsv` (file, id, category, tier,
//! quote, why) lists glitches and clean spans. For every category the implemented rules claim,
//! each `core` row must be caught (a diagnostic overlaps the quote) and no `clean` span may be
//! flagged. Runs on `fixtures/*/truth.tsv`, and on the seed articles when `COPYDESK_SEEDS` names
//! their folder (they are third-party text and not in the repository).

use copydesk::lint::Linter;
use copydesk::{Article, ArticleOptions, Diagnostic, Registry};
use std::path::{Path, PathBuf};

/// Categories whose `core` rows the shipped rules must catch. Grows as checks land.
const CLAIMED: &[&str] = &[
    "boilerplate",
    "duplicate-text",
    "spacing",
    "repeated-word",
    "glued-word",
    "calque",
    "pronoun",
    "article-misuse",
    "untranslated",
    "quote-style",
    "timezone",
    "date-inconsistency",
    "name-inconsistency",
    "factual-oddity",
];

struct Row {
    file: String,
    id: String,
    category: String,
    tier: String,
    quote: String,
}

fn read_truth(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 5, "{}: bad row {l:?}", path.display());
            Row {
                file: f[0].into(),
                id: f[1].into(),
                category: f[2].into(),
                tier: f[3].into(),
                quote: f[4].into(),
            }
        })
        .collect()
}

#[derive(Default)]
struct Outcome {
    core_total: usize,
    core_missed: Vec<String>,
    clean_total: usize,
    clean_flagged: Vec<String>,
    stretch_total: usize,
    stretch_caught: Vec<String>,
}

fn occurrences(text: &str, quote: &str) -> Vec<(usize, usize)> {
    text.match_indices(quote)
        .map(|(i, q)| (i, i + q.len()))
        .collect()
}

fn overlapping(diags: &[Diagnostic], (s, e): (usize, usize)) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.span.start < e && s < d.span.end.max(d.span.start + 1))
        .collect()
}

fn evaluate(dir: &Path) -> Outcome {
    let registry = Registry::builtin().expect("shipped rules load");
    let linter = Linter::new(&registry, &[], &[], Vec::new());
    let rows = read_truth(&dir.join("truth.tsv"));
    let mut out = Outcome::default();
    let mut cache: std::collections::HashMap<String, (String, Vec<Diagnostic>)> =
        Default::default();
    for row in rows {
        let (text, diags) = cache.entry(row.file.clone()).or_insert_with(|| {
            let path = dir.join(&row.file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let diags = linter.lint(&Article::parse(
                row.file.clone(),
                text.clone(),
                &ArticleOptions::default(),
            ));
            (text, diags)
        });
        let occ = occurrences(text, &row.quote);
        assert!(
            !occ.is_empty(),
            "{}: quote of {} not found in {}: {:?}",
            dir.display(),
            row.id,
            row.file,
            row.quote
        );
        let hits: Vec<&Diagnostic> = occ.iter().flat_map(|&o| overlapping(diags, o)).collect();
        let label = format!("{} {} [{}] {:?}", row.file, row.id, row.category, row.quote);
        if row.category == "clean" {
            out.clean_total += 1;
            if !hits.is_empty() {
                let rules: Vec<String> = hits
                    .iter()
                    .map(|d| format!("{}: {}", d.rule, d.message))
                    .collect();
                out.clean_flagged
                    .push(format!("{label} flagged by {}", rules.join("; ")));
            }
        } else if row.tier == "core" && CLAIMED.contains(&row.category.as_str()) {
            out.core_total += 1;
            if hits.is_empty() {
                out.core_missed.push(label);
            }
        } else if row.tier == "stretch" {
            out.stretch_total += 1;
            if !hits.is_empty() {
                out.stretch_caught.push(label);
            }
        }
    }
    eprintln!(
        "{}: core {}/{} caught, clean {}/{} silent, stretch {}/{} reached",
        dir.display(),
        out.core_total - out.core_missed.len(),
        out.core_total,
        out.clean_total - out.clean_flagged.len(),
        out.clean_total,
        out.stretch_caught.len(),
        out.stretch_total
    );
    for s in &out.stretch_caught {
        eprintln!("  stretch reached: {s}");
    }
    out
}

fn assert_outcome(dir: &Path, o: &Outcome) {
    assert!(
        o.core_missed.is_empty() && o.clean_flagged.is_empty(),
        "{}:\nmissed core rows:\n  {}\nflagged clean spans:\n  {}",
        dir.display(),
        o.core_missed.join("\n  "),
        o.clean_flagged.join("\n  ")
    );
}

fn fixture_sets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.join("truth.tsv").is_file())
                .collect()
        })
        .unwrap_or_default();
    sets.sort();
    sets
}

#[test]
fn fixture_truth_tables() {
    let sets = fixture_sets();
    assert!(!sets.is_empty(), "no fixtures/*/truth.tsv found");
    for dir in sets {
        let o = evaluate(&dir);
        assert_outcome(&dir, &o);
    }
}

#[test]
fn seed_truth_table() {
    let Some(dir) = std::env::var_os("COPYDESK_SEEDS").map(PathBuf::from) else {
        eprintln!("seed_truth_table: skipped (COPYDESK_SEEDS is not set; .ci/run sets it to ../shared/seeds)");
        return;
    };
    assert!(
        dir.join("truth.tsv").is_file(),
        "COPYDESK_SEEDS={} has no truth.tsv",
        dir.display()
    );
    let o = evaluate(&dir);
    assert!(o.core_total > 0, "no claimed core rows in the seeds");
    assert_outcome(&dir, &o);
}

#[test]
fn clean_fixtures_are_silent() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean");
    let registry = Registry::builtin().expect("shipped rules load");
    let linter = Linter::new(&registry, &[], &[], Vec::new());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/clean exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "txt" || x == "md" || x == "html")
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 3,
        "expected clean fixtures in {}",
        dir.display()
    );
    let mut words = 0;
    let mut noisy = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable fixture");
        words += text.split_whitespace().count();
        let a = Article::parse(f.display().to_string(), text, &ArticleOptions::default());
        for d in linter.lint(&a) {
            let p = a.position(d.span.start);
            noisy.push(format!(
                "{}:{}:{} [{}] {} ({:?})",
                f.display(),
                p.line,
                p.column,
                d.rule,
                d.message,
                a.slice(d.span)
            ));
        }
    }
    eprintln!(
        "clean fixtures: {} files, {words} words, {} diagnostics",
        files.len(),
        noisy.len()
    );
    assert!(
        noisy.is_empty(),
        "clean fixtures must stay silent:\n{}",
        noisy.join("\n")
    );
}
