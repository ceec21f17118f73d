//! English grammar slips that translation and hasty editing leave: the article before a word.

pub mod indefinite_article;
