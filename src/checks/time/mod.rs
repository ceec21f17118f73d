//! Clock times: time-zone conversions.

pub mod zone_conversion;
