//! Spacing and punctuation checks that a regex cannot express.

pub mod repeated_word;
