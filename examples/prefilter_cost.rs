//! Time each rule's prefilter over a directory of articles: `cargo run --release --example
//! prefilter_cost -- DIR`. A diagnostic for rule authors (which prefilters are slow).
use copydesk::Registry;
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "fixtures".into());
    let mut texts = Vec::new();
    for e in walk(std::path::Path::new(&dir)) {
        if let Ok(t) = std::fs::read_to_string(&e) {
            texts.push(t);
        }
    }
    let registry = Registry::builtin().expect("rules");
    let pre = registry.prefilters();
    let t0 = Instant::now();
    let possible: Vec<Vec<bool>> = texts.iter().map(|t| pre.possible(t)).collect();
    println!(
        "all {} prefilters (literals and one set): {:.1} ms for {} articles",
        pre.slot.len(),
        t0.elapsed().as_secs_f64() * 1e3,
        texts.len()
    );
    println!(
        "{:>8}  {:>13}  {:>13}  rule",
        "regex", "regex hits", "scan hits"
    );
    let mut rows: Vec<(f64, usize, usize, String)> = Vec::new();
    for r in registry.rules() {
        let id = &r.meta().id;
        let (Some(source), Some(&slot)) = (r.prefilter(), pre.slot.get(id)) else {
            continue;
        };
        let Ok(re) = regex::Regex::new(source) else {
            continue;
        };
        let t0 = Instant::now();
        let hits: Vec<bool> = texts.iter().map(|t| re.is_match(t)).collect();
        let secs = t0.elapsed().as_secs_f64();
        // The shared scan may say “possible” more often than the regex, never less.
        for (k, &h) in hits.iter().enumerate() {
            assert!(
                !h || possible[k][slot],
                "{id}: the scan missed what its regex matches"
            );
        }
        let scan_hits = possible.iter().filter(|p| p[slot]).count();
        rows.push((
            secs,
            hits.iter().filter(|&&h| h).count(),
            scan_hits,
            id.clone(),
        ));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, hits, scan, id) in rows {
        let n = texts.len();
        println!("{:>6.1} ms  {hits:>6}/{n}  {scan:>6}/{n}  {id}", t * 1e3);
    }
}

fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if p.is_dir() {
        for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
            out.extend(walk(&e.path()));
        }
    } else {
        out.push(p.to_path_buf());
    }
    out
}
