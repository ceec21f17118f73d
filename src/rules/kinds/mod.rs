//! The data-rule kinds. Each is implemented once; a rule file picks one with `kind = "..."` and
//! fills it in.

pub mod consistency;
pub mod facts;
pub mod pattern;
pub mod phrases;
pub mod substitution;

use super::file::{RuleSpec, SpecError};
use super::{Origin, RuleMeta};
use crate::article::Article;
use crate::diagnostic::{Applicability, Severity, Span};

/// The fields every kind shares, validated.
pub struct Common {
    pub meta: RuleMeta,
    pub message: Option<String>,
    pub fix: Option<String>,
    pub safety: Applicability,
}

impl Common {
    /// The shared fields; `examples` are validated separately (after the kind's own fields, so
    /// that a bad regex is reported before a missing example).
    pub fn from_spec(
        spec: &RuleSpec,
        origin: &Origin,
        examples: Vec<super::Example>,
    ) -> Result<Common, SpecError> {
        let severity = match &spec.severity {
            Some(s) => Severity::parse(s.get_ref()).ok_or_else(|| {
                SpecError::new(
                    s.span(),
                    format!("unknown severity `{}`", s.get_ref()),
                    "unknown severity",
                )
                .help("severity is one of: error, warning, info")
            })?,
            None => Severity::Warning,
        };
        let safety = match &spec.safety {
            Some(s) => match s.get_ref().as_str() {
                "safe" => Applicability::Safe,
                "unsafe" => Applicability::Unsafe,
                other => {
                    return Err(SpecError::new(
                        s.span(),
                        format!("unknown fix safety `{other}`"),
                        "safe or unsafe",
                    ))
                }
            },
            None => Applicability::Safe,
        };
        let message = spec.message.as_ref().map(|m| m.get_ref().clone());
        let help = spec
            .help
            .as_ref()
            .map(|h| h.get_ref().trim().to_string())
            .unwrap_or_default();
        let summary = message
            .as_deref()
            .map(|m| m.lines().next().unwrap_or("").to_string())
            .or_else(|| help.lines().next().map(str::to_string))
            .unwrap_or_default();
        Ok(Common {
            meta: RuleMeta {
                id: spec.id.get_ref().clone(),
                kind: spec.kind.get_ref().clone(),
                severity,
                summary,
                help,
                examples,
                origin: origin.clone(),
            },
            message,
            fix: spec.fix.as_ref().map(|f| f.get_ref().clone()),
            safety,
        })
    }
}

/// The unit of text a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Each sentence (the default): a match never crosses sentences, `^`/`$` are its ends.
    Sentence,
    /// Each line; `^`/`$` are the line's ends.
    Line,
    /// Each block (paragraph).
    Block,
    /// The first non-empty line only (the headline).
    Title,
    /// The whole text at once.
    Text,
}

impl Scope {
    pub fn parse(spec: &RuleSpec, default: Scope, allowed: &[Scope]) -> Result<Scope, SpecError> {
        let Some(s) = &spec.scope else {
            return Ok(default);
        };
        let scope = match s.get_ref().as_str() {
            "sentence" => Scope::Sentence,
            "line" => Scope::Line,
            "block" => Scope::Block,
            "title" => Scope::Title,
            "text" => Scope::Text,
            other => {
                return Err(SpecError::new(
                    s.span(),
                    format!("unknown scope `{other}`"),
                    "unknown scope",
                )
                .help("scope is one of: sentence, line, block, title, text"))
            }
        };
        if !allowed.contains(&scope) {
            let names: Vec<&str> = allowed.iter().map(|s| s.name()).collect();
            return Err(SpecError::new(
                s.span(),
                format!("scope `{}` is not available here", scope.name()),
                "scope",
            )
            .help(format!("scopes for this kind: {}", names.join(", "))));
        }
        Ok(scope)
    }

    pub fn name(&self) -> &'static str {
        match self {
            Scope::Sentence => "sentence",
            Scope::Line => "line",
            Scope::Block => "block",
            Scope::Title => "title",
            Scope::Text => "text",
        }
    }

    /// The spans of `article` this scope visits.
    pub fn units(&self, article: &Article) -> Vec<Span> {
        match self {
            Scope::Sentence => article.sentences.iter().map(|s| s.span).collect(),
            Scope::Line => article
                .lines
                .iter()
                .copied()
                .filter(|l| !article.slice(*l).trim().is_empty())
                .collect(),
            Scope::Block => article.blocks.iter().map(|b| b.span).collect(),
            Scope::Title => article.title_line().into_iter().collect(),
            Scope::Text => vec![Span::new(0, article.text.len())],
        }
    }
}

/// Is there a word character right before `start` or right after `end`?
pub fn touches_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let is_w = |c: char| c.is_alphanumeric() || c == '_';
    (first.is_some_and(is_w) && before.is_some_and(is_w))
        || (last.is_some_and(is_w) && after.is_some_and(is_w))
}

/// Give `replacement` the capitalisation of `original`: all caps, or a capital first letter.
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    let orig_first_upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(f) if orig_first_upper && f.is_lowercase() => f.to_uppercase().chain(chars).collect(),
        _ => replacement.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_boundaries() {
        assert_eq!(match_case("The Russia", "Russia"), "Russia");
        assert_eq!(match_case("the russia", "russia"), "russia");
        assert_eq!(match_case("Cease-fire", "ceasefire"), "Ceasefire");
        assert_eq!(match_case("SHARE", "share"), "SHARE");
        let t = "athe the";
        assert!(touches_word(t, 1, 4));
        assert!(!touches_word(t, 5, 8));
    }
}
