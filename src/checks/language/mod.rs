//! Text in a language other than English.

pub mod untranslated;
