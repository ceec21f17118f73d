//! Spacing and punctuation checks that a regex cannot express.

pub mod lowercase_start;
pub mod repeated_word;
