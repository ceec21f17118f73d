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
    let mut rows: Vec<(f64, usize, String)> = Vec::new();
    let t0 = Instant::now();
    let sets: Vec<regex::SetMatches> = texts.iter().map(|t| pre.set.matches(t)).collect();
    println!(
        "all {} prefilters in one set: {:.1} ms for {} articles",
        pre.slot.len(),
        t0.elapsed().as_secs_f64() * 1e3,
        texts.len()
    );
    for (id, &slot) in &pre.slot {
        let Ok(re) = regex::Regex::new(&pre.set.patterns()[slot]) else {
            continue;
        };
        let t0 = Instant::now();
        let hits = texts.iter().filter(|t| re.is_match(t)).count();
        let set_hits = sets.iter().filter(|m| m.matched(slot)).count();
        assert_eq!(
            hits, set_hits,
            "{id}: the set and the single regex disagree"
        );
        rows.push((t0.elapsed().as_secs_f64(), hits, id.clone()));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, hits, id) in rows {
        println!("{:>8.1} ms  {hits:>6}/{}  {id}", t * 1e3, texts.len());
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
