//! Checks written in Rust, one file per check, grouped by family. Each declares its id, severity,
//! help text (What it does / Why / Example) and examples, and is listed in [`all`]; it then sits in
//! the registry beside the data rules and its examples run in the test suite.

pub mod calque;
pub mod dates;
pub mod duplicate;
pub mod glued;
pub mod grammar;
pub mod language;
pub mod names;
pub mod numbers;
pub mod pronoun;
pub mod quotes;
pub mod spacing;
pub mod time;

use crate::diagnostic::Severity;
use crate::rules::{Example, Origin, Rule, RuleMeta};

/// Every Rust check, in registry order.
pub fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(spacing::repeated_word::RepeatedWord::new()),
        Box::new(spacing::lowercase_start::LowercaseStart::new()),
        Box::new(duplicate::repeated_text::RepeatedText::new()),
        Box::new(glued::case_join::CaseJoin::new()),
        Box::new(glued::lower_join::LowerJoin::new()),
        Box::new(glued::name_join::NameJoin::new()),
        Box::new(language::untranslated::Untranslated::new()),
        Box::new(pronoun::resumptive::Resumptive::new()),
        Box::new(pronoun::gendered_institution::GenderedInstitution::new()),
        Box::new(calque::the_before_country::TheBeforeCountry::new()),
        Box::new(calque::stranded_country::StrandedCountry::new()),
        Box::new(calque::garbled_connector::GarbledConnector::new()),
        Box::new(calque::lowercase_demonym::LowercaseDemonym::new()),
        Box::new(calque::stranded_name::StrandedName::new()),
        Box::new(calque::name_before_title::NameBeforeTitle::new()),
        Box::new(quotes::reversed::rule()),
        Box::new(quotes::open_as_close::rule()),
        Box::new(quotes::unbalanced::rule()),
        Box::new(quotes::mixed::rule()),
        Box::new(quotes::space_inside::rule()),
        Box::new(quotes::mismatched::rule()),
        Box::new(quotes::misplaced::rule()),
        Box::new(quotes::dash_quotation::DashQuotation::new()),
        Box::new(time::zone_conversion::ZoneConversion::new()),
        Box::new(dates::weekday::WeekdayMismatch::new()),
        Box::new(dates::relative_date::RelativeDate::new()),
        Box::new(dates::chronology::Chronology::new()),
        Box::new(dates::decades::Decades::new()),
        Box::new(dates::era_year::EraYear::new()),
        Box::new(dates::future_past::FuturePast::new()),
        Box::new(dates::future_in_past::FutureInPast::new()),
        Box::new(dates::age_birth_year::AgeBirthYear::new()),
        Box::new(dates::relative_day::RelativeDay::new()),
        Box::new(names::variant_spelling::VariantSpelling::new()),
        Box::new(names::pronoun_gender::PronounGender::new()),
        Box::new(numbers::conflicting_quantity::ConflictingQuantity::new()),
        Box::new(numbers::sum_mismatch::SumMismatch::new()),
        Box::new(grammar::indefinite_article::IndefiniteArticle::new()),
    ]
}

/// Build the metadata of a Rust check.
pub fn meta(
    id: &str,
    severity: Severity,
    summary: &str,
    help: &str,
    examples: Vec<Example>,
) -> RuleMeta {
    RuleMeta {
        id: id.to_string(),
        kind: "rust".to_string(),
        severity,
        summary: summary.to_string(),
        help: help.trim().to_string(),
        examples,
        origin: Origin::Builtin,
    }
}
