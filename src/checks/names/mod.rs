//! Names spelled consistently.

pub mod pronoun_gender;
pub mod variant_spelling;
