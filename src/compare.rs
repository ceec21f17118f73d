//! Comparing versions of one story: the facts each version states — people's names, converted
//! times, counts, start years — are extracted and set side by side; where two versions state the
//! same fact differently, a diagnostic is reported on the later file with the earlier file's
//! span as related location.

use crate::article::{Article, TokenKind};
use crate::checks::names::variant_spelling::are_variants;
use crate::checks::time::zone_conversion::{conversion_re, parse_time};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::lexicon::words;
use regex::Regex;
use std::sync::OnceLock;

pub const RULE: &str = "compare/discrepancy";

/// A fact one version states.
#[derive(Debug, Clone)]
struct Fact {
    kind: &'static str,
    /// What the fact is about (comparable across versions).
    key: String,
    /// What the version says about it.
    value: String,
    span: Span,
}

const DEATH_NOUNS: &[&str] = &[
    "deaths",
    "dead",
    "killed",
    "casualties",
    "lives",
    "people",
    "fatalities",
];

fn origin_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:first\s+)?(?:erupted|began|started|broke\s+out)\s+in\s+(?P<v>(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:1[89]|20)\d{2}s?)\b")
            .expect("static regex")
    })
}

fn count_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?P<q>(?:at\s+least|more\s+than|over|about|around|nearly|almost|some)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<noun>[a-z]+)")
            .expect("static regex")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b(?:19|20)\d{2}\b").expect("static regex"))
}

fn zone_key(z: &str) -> String {
    let z = z.trim().to_lowercase();
    let z = z.strip_prefix("in ").unwrap_or(&z).to_string();
    z.strip_suffix(" time").unwrap_or(&z).trim().to_string()
}

fn facts(article: &Article) -> Vec<Fact> {
    let mut out = Vec::new();
    for s in &article.sentences {
        let text = article.slice(s.span);
        let at =
            |r: std::ops::Range<usize>| Span::new(s.span.start + r.start, s.span.start + r.end);
        // Converted times: "9 am in Moscow (3 am GMT)".
        for c in conversion_re().captures_iter(text) {
            let (Some(t1), Some(z1), Some(t2), Some(z2)) =
                (c.name("t1"), c.name("z1"), c.name("t2"), c.name("z2"))
            else {
                continue;
            };
            let (Some((m1, _)), Some((m2, _))) = (parse_time(t1.as_str()), parse_time(t2.as_str()))
            else {
                continue;
            };
            out.push(Fact {
                kind: "time",
                key: format!(
                    "{}:{:02} {} in {}",
                    m1 / 60,
                    m1 % 60,
                    zone_key(z1.as_str()),
                    zone_key(z2.as_str())
                ),
                value: format!("{:02}:{:02}", m2 / 60, m2 % 60),
                span: at(t2.start()..z2.end()),
            });
        }
        // Start of the story's conflict.
        for c in origin_re().captures_iter(text) {
            let Some(v) = c.name("v") else { continue };
            out.push(Fact {
                kind: "start",
                key: "when it began".into(),
                value: v
                    .as_str()
                    .to_lowercase()
                    .trim_start_matches("the ")
                    .to_string(),
                span: at(v.range()),
            });
        }
        // Counts, with the year of the sentence as context.
        let year = year_re()
            .find(text)
            .map(|m| m.as_str().to_string())
            .unwrap_or_default();
        for c in count_re().captures_iter(text) {
            let (Some(n), Some(noun), Some(whole)) = (c.name("n"), c.name("noun"), c.get(0)) else {
                continue;
            };
            if year_re().is_match(n.as_str()) && n.as_str().len() == 4 {
                continue;
            }
            let noun = noun.as_str().to_lowercase();
            let lower = text.to_lowercase();
            let about_deaths = ["died", "killed", "dead", "death"]
                .iter()
                .any(|w| lower.contains(w));
            let class = if DEATH_NOUNS.contains(&noun.as_str()) && about_deaths
                || matches!(
                    noun.as_str(),
                    "deaths" | "casualties" | "fatalities" | "dead"
                ) {
                "deaths".to_string()
            } else if noun.ends_with('s') && noun.len() > 3 {
                noun
            } else {
                continue;
            };
            let q = c
                .name("q")
                .map(|q| q.as_str().trim().to_lowercase())
                .unwrap_or_default();
            out.push(Fact {
                kind: "count",
                key: format!(
                    "{class}{}",
                    if year.is_empty() {
                        String::new()
                    } else {
                        format!(" in {year}")
                    }
                ),
                value: format!(
                    "{}{}",
                    if q.is_empty() {
                        String::new()
                    } else {
                        format!("{q} ")
                    },
                    n.as_str()
                ),
                span: at(whole.range()),
            });
        }
    }
    // People: two or three capitalised words ending in a name that is not an English word.
    let toks: Vec<_> = article
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let cap = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| !c.is_uppercase())
    };
    let mut i = 0;
    while i + 1 < toks.len() {
        let a = article.slice(toks[i].span);
        let b = article.slice(toks[i + 1].span);
        let adjacent = article.text[toks[i].span.end..toks[i + 1].span.start] == *" ";
        if adjacent
            && cap(a)
            && cap(b)
            && !words::is_known(b)
            && !words::is_known(a)
            && a.len() > 2
            && b.len() > 3
        {
            out.push(Fact {
                kind: "name",
                key: String::new(),
                value: format!("{a} {b}"),
                span: Span::new(toks[i].span.start, toks[i + 1].span.end),
            });
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

/// Two counts of the same thing differ when their figures differ (qualifiers aside) but are
/// within a factor of two: 6,000 and 6,500 are one toll told two ways; 50 and 6,000 are not the
/// same toll at all.
fn counts_differ(a: &str, b: &str) -> bool {
    let num = |v: &str| {
        v.rsplit(' ')
            .next()
            .and_then(|n| n.replace(',', "").parse::<f64>().ok())
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x != y && x.max(y) / x.min(y) <= 2.0,
        _ => false,
    }
}

fn same_person(a: &str, b: &str) -> bool {
    let (Some((fa, la)), Some((fb, lb))) = (a.split_once(' '), b.split_once(' ')) else {
        return false;
    };
    let close = |x: &str, y: &str| x == y || are_variants(x, y);
    a != b && close(fa, fb) && close(la, lb)
}

/// Compare the versions; returns, per version, the diagnostics found on it.
pub fn compare(versions: &[Article]) -> Vec<Vec<Diagnostic>> {
    let all: Vec<Vec<Fact>> = versions.iter().map(facts).collect();
    let mut out: Vec<Vec<Diagnostic>> = vec![Vec::new(); versions.len()];
    let mut reported: std::collections::HashSet<(String, String)> = Default::default();
    for j in 0..versions.len() {
        for fb in &all[j] {
            'earlier: for i in 0..j {
                for fa in &all[i] {
                    if fa.kind != fb.kind {
                        continue;
                    }
                    let differs = match fa.kind {
                        "name" => same_person(&fa.value, &fb.value),
                        "count" => fa.key == fb.key && counts_differ(&fa.value, &fb.value),
                        _ => fa.key == fb.key && fa.value != fb.value,
                    };
                    if !differs {
                        continue;
                    }
                    let pair = (
                        format!("{}{}", fa.key, fa.value),
                        format!("{}{}", fb.key, fb.value),
                    );
                    if !reported.insert(pair) {
                        break 'earlier;
                    }
                    let what = match fa.kind {
                        "name" => "the same person".to_string(),
                        "time" => format!("the conversion of {}", fa.key),
                        "start" => "when the conflict began".to_string(),
                        _ => format!("the number of {}", fa.key),
                    };
                    let a_text = versions[i].slice(fa.span);
                    let b_text = versions[j].slice(fb.span);
                    out[j].push(
                        Diagnostic::new(
                            RULE,
                            Severity::Warning,
                            fb.span,
                            format!("“{b_text}” here, “{a_text}” in {} for {what}", versions[i].name),
                        )
                        .with_related_in(versions[i].name.clone(), fa.span, format!("“{a_text}”"))
                        .with_help("Versions of one story disagree: check which is right and correct the other."),
                    );
                    break 'earlier;
                }
            }
        }
    }
    for diags in &mut out {
        diags.sort_by_key(|d| (d.span.start, d.span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ArticleOptions;

    fn art(name: &str, text: &str) -> Article {
        Article::parse(name, text.to_string(), &ArticleOptions::default())
    }

    #[test]
    fn finds_discrepancies_between_versions() {
        let a = art("a.txt", "Prime Minister Olaf Scholtz spoke. The truce began at 10 am in Kyiv (7 am GMT). Floods killed more than 300 people in 2021. The feud first erupted in 2011.");
        let b = art("b.txt", "Chancellor Olaf Scholz spoke. The truce began at 10 am in Kyiv (8 am GMT). Floods killed more than 350 people in 2021. The feud began in the late 1980s.");
        let out = compare(&[a, b]);
        assert!(out[0].is_empty());
        let msgs: Vec<&str> = out[1].iter().map(|d| d.message.as_str()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("Olaf Scholz") && m.contains("Olaf Scholtz")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("8 am GMT") && m.contains("7 am GMT")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("350") && m.contains("300")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("late 1980s") && m.contains("2011")),
            "{msgs:?}"
        );
        assert!(out[1]
            .iter()
            .all(|d| d.related[0].path.as_deref() == Some("a.txt")));
    }

    #[test]
    fn agreeing_versions_are_silent() {
        let a = art(
            "a.txt",
            "Chancellor Olaf Scholz spoke at 10 am in Kyiv (8 am GMT).",
        );
        let b = art(
            "b.txt",
            "Olaf Scholz, the chancellor, spoke at 10 am in Kyiv (8 am GMT).",
        );
        assert!(compare(&[a, b]).iter().all(Vec::is_empty));
    }
}
