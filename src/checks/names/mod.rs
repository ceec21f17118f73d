//! Names spelled consistently.

pub mod variant_spelling;
