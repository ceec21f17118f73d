//! Numbers read against each other.

pub mod conflicting_quantity;
pub mod sum_mismatch;
