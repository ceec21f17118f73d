//! Numbers read against each other.

pub mod conflicting_quantity;
