//! Embed every shipped rule pack (`rules/*.toml`) in the binary: adding a pack needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let dir = Path::new("rules");
    let mut packs: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    packs.sort();
    let mut out = String::from(
        "/// Shipped rule packs: (file name, contents).\npub const PACKS: &[(&str, &str)] = &[\n",
    );
    for p in &packs {
        // A shipped pack that is not valid TOML would build and then fail at every start-up:
        // fail the build instead, at the offending line.
        let text = std::fs::read_to_string(dir.join(p)).expect("read pack");
        if let Err(e) = toml::from_str::<toml::Table>(&text) {
            panic!("rules/{p} is not valid TOML: {e}");
        }
        let abs = std::fs::canonicalize(dir.join(p)).expect("pack path");
        let _ = writeln!(
            out,
            "    ({p:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("packs.rs"), out).expect("write packs.rs");
}
