//! The rule-file loader on any text: an error or rules, never a panic.
#![no_main]
use copydesk::rules::{Origin, Registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut r = Registry::empty();
    let _ = r.add_source("fuzz.toml", text, Origin::File("fuzz.toml".into()));
});
