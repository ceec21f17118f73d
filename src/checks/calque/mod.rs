//! Calques and machine-translation word order.

pub mod garbled_connector;
pub mod lowercase_demonym;
pub mod name_before_title;
pub mod stranded_country;
pub mod stranded_name;
pub mod the_before_country;
