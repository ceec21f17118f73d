//! Numbers read against each other.

pub mod conflicting_quantity;
pub mod sum_mismatch;

/// The value of a number written in lower-case words: two to ninety-nine (“one” counts nothing
/// plural, and is too often a pronoun).
pub fn number_word(w: &str) -> Option<f64> {
    const UNITS: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let unit = |w: &str| UNITS.iter().position(|u| *u == w).map(|k| k as f64 + 1.0);
    let tens = |w: &str| {
        TENS.iter()
            .position(|t| *t == w)
            .map(|k| 20.0 + 10.0 * k as f64)
    };
    let n = match w.split_once(['-', '‑']) {
        Some((t, u)) => tens(t)? + unit(u).filter(|&u| u < 10.0)?,
        None => unit(w).or_else(|| tens(w))?,
    };
    (n >= 2.0).then_some(n)
}
