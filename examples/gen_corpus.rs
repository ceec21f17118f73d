//! Deterministic corpus generator for benchmarks: `cargo run --release --example gen_corpus --
//! 10000 /tmp/corpus` writes N articles varied from the fixtures (sentences shuffled and
//! recombined, names and numbers changed, glitches planted) into a folder.

use std::io::Write;
use std::path::PathBuf;

/// A small, fixed pseudo-random generator (xorshift), so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

const GLITCHES: &[&str] = &[
    "Leave a Comment",
    "the the",
    "theParliament",
    "9 am in Moscow (3 am GMT)",
    "“ It is over ”",
    "Share on WhatsApp",
    "In the year Portugal, officials said.",
    "Wednesday, 3 March",
];

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/copydesk-corpus".into()));
    std::fs::create_dir_all(&out)?;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paragraphs: Vec<String> = Vec::new();
    for set in ["clean", "glitched"] {
        for e in std::fs::read_dir(root.join(set))? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&p)?;
                paragraphs.extend(
                    text.split("\n\n")
                        .map(str::to_string)
                        .filter(|s| s.len() > 40),
                );
            }
        }
    }
    let mut rng = Rng(0x5eed_c0de_d35c_u64);
    let mut bytes = 0usize;
    for i in 0..n {
        let mut article = format!("Story {i}\n\nLisbon, {} March 2024 – ", 1 + rng.next() % 28);
        let len = 6 + (rng.next() % 10) as usize;
        for _ in 0..len {
            let mut p = rng.pick(&paragraphs).clone();
            if rng.next() % 4 == 0 {
                p.push(' ');
                let g = rng.pick(GLITCHES);
                p.push_str(g);
            }
            article.push_str(&p);
            article.push_str("\n\n");
        }
        bytes += article.len();
        let sub = out.join(format!("{:03}", i % 100));
        std::fs::create_dir_all(&sub)?;
        let mut f = std::fs::File::create(sub.join(format!("{i:07}.txt")))?;
        f.write_all(article.as_bytes())?;
    }
    eprintln!(
        "wrote {n} articles, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
