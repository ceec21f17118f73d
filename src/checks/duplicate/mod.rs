//! Text repeated within an article.

pub mod repeated_text;
