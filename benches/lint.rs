//! `cargo bench`: per-article latency and single-thread throughput of the whole default rule set
//! on the fixture articles (no timing assertions: numbers to read and record in bench/RESULTS.md).

use copydesk::lint::Linter;
use copydesk::{Article, ArticleOptions, Registry};
use std::time::Instant;

fn main() {
    let registry = Registry::builtin().expect("rules load");
    let linter = Linter::new(&registry, &[], &[], Vec::new());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts = Vec::new();
    for set in ["clean", "glitched"] {
        for e in std::fs::read_dir(root.join(set))
            .expect("fixtures")
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(&p).expect("fixture"));
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = ArticleOptions::default();
    // Warm up (lazy data: word lists, gazetteer).
    for t in &texts {
        linter.lint(&Article::parse("w", t.clone(), &opts));
    }
    let rounds = 200;
    let start = Instant::now();
    let mut diags = 0;
    for _ in 0..rounds {
        for t in &texts {
            diags += linter.lint(&Article::parse("b", t.clone(), &opts)).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let articles = rounds * texts.len();
    // Where the time goes: each rule alone over the same articles.
    let articles_parsed: Vec<Article> = texts
        .iter()
        .map(|t| Article::parse("b", t.clone(), &opts))
        .collect();
    let parse_start = Instant::now();
    for _ in 0..rounds / 10 {
        for t in &texts {
            std::hint::black_box(Article::parse("b", t.clone(), &opts));
        }
    }
    let parse_secs = parse_start.elapsed().as_secs_f64() * 10.0;
    let mut per_rule: Vec<(f64, String)> = registry
        .rules()
        .map(|rule| {
            let single = Linter::single(rule);
            let t0 = Instant::now();
            for _ in 0..rounds / 10 {
                for a in &articles_parsed {
                    std::hint::black_box(single.lint(a));
                }
            }
            (t0.elapsed().as_secs_f64() * 10.0, rule.meta().id.clone())
        })
        .collect();
    per_rule.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("parsing: {:.1}% of the time", parse_secs * 100.0 / secs);
    println!(
        "all rules one by one: {:.1}%",
        per_rule.iter().map(|(t, _)| t).sum::<f64>() * 100.0 / secs
    );
    for (t, id) in per_rule.iter().take(25) {
        println!("  {:>5.1}%  {id}", t * 100.0 / secs);
    }
    println!(
        "lint: {} rules, {articles} articles, {:.1} µs/article, {:.2} MB/s single-thread, {diags} diagnostics",
        registry.len(),
        secs * 1e6 / articles as f64,
        (bytes * rounds) as f64 / 1e6 / secs
    );
}
