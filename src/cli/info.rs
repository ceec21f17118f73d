//! `copydesk rules`, `explain`, `test-rules`, `inspect`.

use super::{load, RuleArgs};
use copydesk::article::dateline::parse_iso;
use copydesk::rules::{selftest, Expect, Origin, Registry};
use copydesk::{Article, ArticleOptions};
use serde_json::json;
use std::path::PathBuf;

pub fn rules(args: &RuleArgs, as_json: bool) -> i32 {
    let Some((_, registry)) = load(args) else {
        return 2;
    };
    let mut metas: Vec<_> = registry.rules().map(|r| r.meta()).collect();
    metas.sort_by(|a, b| a.id.cmp(&b.id));
    if as_json {
        let v: Vec<_> = metas
            .iter()
            .map(|m| json!({"id": m.id, "kind": m.kind, "severity": m.severity, "summary": m.summary, "origin": m.origin.to_string()}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return 0;
    }
    let w = metas.iter().map(|m| m.id.len()).max().unwrap_or(10);
    for m in metas {
        println!(
            "{:<w$}  {:<12} {:<7}  {}",
            m.id,
            m.kind,
            m.severity.as_str(),
            m.summary,
            w = w
        );
    }
    0
}

pub fn explain(args: &RuleArgs, id: &str) -> i32 {
    let Some((_, registry)) = load(args) else {
        return 2;
    };
    let Some(rule) = registry.get(id) else {
        eprintln!("error: no rule `{id}` (see `copydesk rules`)");
        return 2;
    };
    let m = rule.meta();
    println!(
        "{}  ({}, {}, from {})\n",
        m.id, m.kind, m.severity, m.origin
    );
    println!("{}\n", m.summary);
    if !m.help.is_empty() && m.help != m.summary {
        println!("{}\n", m.help);
    }
    println!("Examples:");
    for ex in &m.examples {
        let date = ex.date.map(|d| format!(" (dated {d})")).unwrap_or_default();
        match &ex.expect {
            Expect::Flag { fixed } => {
                println!("  flagged{date}:     {}", ex.text.replace('\n', "⏎"));
                if let Some(f) = fixed {
                    println!("    fixed:         {}", f.replace('\n', "⏎"));
                }
            }
            Expect::Pass => println!("  not flagged{date}: {}", ex.text.replace('\n', "⏎")),
        }
    }
    0
}

pub fn test_rules(args: &RuleArgs, files: &[PathBuf]) -> i32 {
    let registry = if files.is_empty() {
        let Some((_, r)) = load(args) else { return 2 };
        r
    } else {
        let mut r = Registry::empty();
        for f in files {
            match r.add_file(f) {
                Ok(()) => {}
                Err(copydesk::rules::registry::LoadError::Io(m)) => {
                    eprintln!("error: cannot read rule file {m}");
                    return 2;
                }
                Err(copydesk::rules::registry::LoadError::Rules(e)) => {
                    super::print_error(e.as_ref());
                    return 2;
                }
            }
        }
        r
    };
    let mut examples = 0;
    let mut failures = Vec::new();
    for rule in registry.rules() {
        if !files.is_empty() && matches!(rule.meta().origin, Origin::Pack(_) | Origin::Builtin) {
            continue;
        }
        examples += rule.meta().examples.len();
        failures.extend(selftest::run(rule));
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    println!(
        "{} rules, {} examples: {} passed, {} failed",
        registry.len(),
        examples,
        examples - failures.len().min(examples),
        failures.len()
    );
    i32::from(!failures.is_empty())
}

pub fn inspect(file: &std::path::Path, date: Option<&str>, tokens: bool, as_json: bool) -> i32 {
    let text = match copydesk::input::read(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            return 2;
        }
    };
    let date = match date {
        Some(d) => match parse_iso(d) {
            Some(d) => Some(d),
            None => {
                eprintln!("error: `{d}` is not a date in the form YYYY-MM-DD");
                return 2;
            }
        },
        None => None,
    };
    let name = file.display().to_string();
    let format = copydesk::article::Format::from_path(&name);
    let a = Article::parse_as(name, text, format, &ArticleOptions { date });
    if as_json {
        let v = json!({
            "dateline": a.dateline,
            "place": a.place,
            "blocks": a.blocks.iter().map(|b| json!({"span": b.span, "sentences": b.sentences.len()})).collect::<Vec<_>>(),
            "sentences": a.sentences.iter().map(|s| json!({"span": s.span, "block": s.block, "text": a.slice(s.span)})).collect::<Vec<_>>(),
            "tokens": if tokens { json!(a.tokens.iter().map(|t| json!({"kind": t.kind, "span": t.span, "text": a.slice(t.span)})).collect::<Vec<_>>()) } else { json!(null) },
        });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return 0;
    }
    match &a.dateline {
        Some(d) => {
            let p = d.span.map(|s| a.position(s.start));
            println!(
                "dateline: {} ({:?}{}){}",
                d.date,
                d.source,
                p.map(|p| format!(", line {} column {}", p.line, p.column))
                    .unwrap_or_default(),
                d.place
                    .as_ref()
                    .map(|p| format!(", place {p}"))
                    .unwrap_or_default()
            );
        }
        None => println!(
            "dateline: none found{}",
            a.place
                .as_ref()
                .map(|p| format!(" (place {p})"))
                .unwrap_or_default()
        ),
    }
    println!(
        "{} blocks, {} sentences, {} tokens\n",
        a.blocks.len(),
        a.sentences.len(),
        a.tokens.len()
    );
    for (bi, b) in a.blocks.iter().enumerate() {
        let p = a.position(b.span.start);
        println!("block {} (line {}):", bi + 1, p.line);
        for s in &a.sentences[b.sentences.clone()] {
            println!(
                "  [{}..{}] {}",
                s.span.start,
                s.span.end,
                a.slice(s.span).replace('\n', "⏎")
            );
            if tokens {
                let toks: Vec<String> = a
                    .sentence_tokens(s)
                    .iter()
                    .map(|t| format!("{}:{:?}", a.slice(t.span), t.kind))
                    .collect();
                println!("      {}", toks.join(" "));
            }
        }
    }
    0
}
