//! `copydesk check`: lint files, print a report, optionally fix.

use super::{load, use_color, ColorChoice, RuleArgs};
use copydesk::article::dateline::parse_iso;
use copydesk::diagnostic::{Diagnostic, Severity};
use copydesk::fix;
use copydesk::input;
use copydesk::lint::Linter;
use copydesk::report::{self, FileError, FileReport, Format, Summary};
use copydesk::rules::selector_matches;
use copydesk::{Article, ArticleOptions};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,
    /// Only these rules (ids or packs, comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (ids or packs, comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Lowest severity that makes the exit code 1 [default: warning].
    #[arg(long, value_parser = parse_severity)]
    fail_on: Option<Severity>,
    /// Reference date of the articles (YYYY-MM-DD), overriding any dateline.
    #[arg(long, value_parser = parse_date)]
    date: Option<chrono::NaiveDate>,
    /// Name to report for standard input.
    #[arg(long, default_value = "<stdin>")]
    stdin_filename: String,
    /// Apply safe fixes in place.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply fixes that may change meaning.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the fixes as a unified diff; change nothing.
    #[arg(long)]
    diff: bool,
    /// Colour in the full report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
    /// After the run, print on stderr the time each rule took (summed over threads).
    #[arg(long)]
    timings: bool,
    #[command(flatten)]
    rules: RuleArgs,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("`{s}` is not one of: error, warning, info"))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    parse_iso(s).ok_or_else(|| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

/// What happened to one input.
enum Outcome {
    Checked {
        path: String,
        article: Box<Article>,
        diagnostics: Vec<Diagnostic>,
        /// With --diff: the unified diff of the fixes.
        diff: Option<String>,
        fixed: usize,
    },
    Failed {
        path: String,
        message: String,
    },
}

pub fn run(args: CheckArgs) -> i32 {
    let Some((config, registry)) = load(&args.rules) else {
        return 2;
    };
    let select: Vec<String> = if args.select.is_empty() {
        config.select.clone()
    } else {
        args.select.clone()
    };
    let mut ignore = config.ignore.clone();
    ignore.extend(args.ignore.iter().cloned());
    for sel in select.iter().chain(ignore.iter()) {
        if sel != "ALL" && !registry.knows(sel) {
            eprintln!("error: `{sel}` matches no rule or pack (see `copydesk rules`)");
            return 2;
        }
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Warning);
    let date = args.date.or(config.date);
    let options = ArticleOptions { date };
    let mut linter = Linter::new(&registry, &select, &ignore, config.severity.clone());
    if args.timings {
        linter = linter.with_timings();
    }

    let mut exclude = globset::GlobSetBuilder::new();
    for g in &config.exclude {
        if let Ok(glob) = globset::Glob::new(g) {
            exclude.add(glob);
        }
    }
    let exclude = exclude
        .build()
        .unwrap_or_else(|_| globset::GlobSet::empty());
    let per_path: Vec<(globset::GlobMatcher, Vec<String>)> = config
        .per_path_ignores
        .iter()
        .filter_map(|(g, rules)| {
            globset::Glob::new(g)
                .ok()
                .map(|g| (g.compile_matcher(), rules.clone()))
        })
        .collect();

    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut file_paths = Vec::new();
    let mut had_io_error = false;
    for p in &args.paths {
        if p.as_os_str() == "-" {
            let mut buf = Vec::new();
            let outcome = match std::io::stdin().read_to_end(&mut buf) {
                Ok(_) => match input::decode(buf) {
                    Ok(text) => check_text(
                        &args,
                        &linter,
                        &options,
                        &per_path,
                        args.stdin_filename.clone(),
                        text,
                        None,
                    ),
                    Err(message) => Outcome::Failed {
                        path: args.stdin_filename.clone(),
                        message,
                    },
                },
                Err(e) => Outcome::Failed {
                    path: args.stdin_filename.clone(),
                    message: format!("cannot read standard input: {e}"),
                },
            };
            outcomes.push(outcome);
        } else {
            file_paths.push(p.clone());
        }
    }
    let (files, walk_errors) = input::collect(&file_paths, &exclude);
    for (path, message) in walk_errors {
        outcomes.push(Outcome::Failed { path, message });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build();
    // A progress bar on stderr for long runs on a terminal; never in pipes, CI or JSON output.
    let progress = (files.len() > 50
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && matches!(args.format, Format::Full | Format::Concise))
    .then(|| {
        let pb = indicatif::ProgressBar::new(files.len() as u64);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    });
    let work = |path: &PathBuf| -> Outcome {
        if let Some(pb) = &progress {
            pb.inc(1);
        }
        let name = display_path(path);
        match input::read(path) {
            Ok(text) => check_text(&args, &linter, &options, &per_path, name, text, Some(path)),
            Err(message) => Outcome::Failed {
                path: name,
                message,
            },
        }
    };
    let color = use_color(args.color, args.format);
    let metas = linter.rules().iter().map(|r| r.meta().clone()).collect();
    let mut reporter = report::reporter(args.format, color, metas);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut worst: Option<Severity> = None;
    let mut fixed_total = 0;
    let mut emit = |o: Outcome,
                    out: &mut std::io::BufWriter<std::io::StdoutLock<'_>>|
     -> std::io::Result<()> {
        match o {
            Outcome::Checked {
                path,
                article,
                diagnostics,
                diff,
                fixed,
            } => {
                summary.add(&diagnostics);
                fixed_total += fixed;
                worst = diagnostics.iter().map(|d| d.severity).chain(worst).max();
                if let Some(d) = diff {
                    write!(out, "{d}")?;
                }
                if args.diff {
                    Ok(())
                } else {
                    reporter.file(
                        out,
                        &FileReport {
                            path: &path,
                            source: &article.source,
                            index: &article.index,
                            diagnostics: &diagnostics,
                        },
                    )
                }
            }
            Outcome::Failed { path, message } => {
                had_io_error = true;
                eprintln!("error: {path}: {message}");
                reporter.error(
                    out,
                    &FileError {
                        path: &path,
                        message: &message,
                    },
                )
            }
        }
    };
    for o in outcomes {
        if emit(o, &mut out).is_err() {
            // Broken pipe: stop quietly.
            return 2;
        }
    }
    // Files are linted in parallel a chunk at a time and reported in path order, so memory is
    // bounded by the chunk, not the corpus.
    const CHUNK: usize = 512;
    if args.fix {
        interrupt::install();
    }
    for chunk in files.chunks(CHUNK) {
        if interrupt::requested() {
            break;
        }
        let checked: Vec<Outcome> = match &pool {
            Ok(pool) => pool.install(|| chunk.par_iter().map(work).collect()),
            Err(_) => chunk.iter().map(work).collect(),
        };
        for o in checked {
            if emit(o, &mut out).is_err() {
                return 2;
            }
        }
    }
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if !args.diff && reporter.finish(&mut out, &summary).is_err() {
        return 2;
    }
    let _ = out.flush();
    if let Some(t) = linter.timings() {
        print_timings(&t.table(&linter));
    }
    if args.fix && fixed_total > 0 {
        eprintln!(
            "fixed {fixed_total} problem{}",
            if fixed_total == 1 { "" } else { "s" }
        );
    }
    if interrupt::requested() {
        eprintln!("interrupted: every file is either fixed in full or left as it was");
        130
    } else if had_io_error {
        2
    } else if worst.is_some_and(|w| w >= fail_on) {
        1
    } else {
        0
    }
}

/// The `--timings` table on stderr: slowest first, with each row's share of the total.
fn print_timings(rows: &[(String, f64)]) {
    let total: f64 = rows.iter().map(|r| r.1).sum();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    eprintln!("{:width$}  {:>10}  {:>6}", "rule", "seconds", "share");
    for (what, secs) in rows {
        let share = if total > 0.0 {
            100.0 * secs / total
        } else {
            0.0
        };
        eprintln!("{what:width$}  {secs:>10.4}  {share:>5.1}%");
    }
    eprintln!("{:width$}  {total:>10.4}  100.0%", "total");
}

fn display_path(p: &Path) -> String {
    let s = p.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[allow(clippy::too_many_arguments)]
fn check_text(
    args: &CheckArgs,
    linter: &Linter<'_>,
    options: &ArticleOptions,
    per_path: &[(globset::GlobMatcher, Vec<String>)],
    name: String,
    text: String,
    path: Option<&Path>,
) -> Outcome {
    let ignored: Vec<&String> = per_path
        .iter()
        .filter(|(g, _)| g.is_match(&name))
        .flat_map(|(_, rules)| rules.iter())
        .collect();
    let lint = |article: &Article| -> Vec<Diagnostic> {
        let mut d = linter.lint(article);
        d.retain(|d| !ignored.iter().any(|sel| selector_matches(sel, &d.rule)));
        d
    };
    let original = text.clone();
    let format = copydesk::article::Format::from_path(&name);
    let started = linter.timings().map(|_| std::time::Instant::now());
    let article = Article::parse_as(name.clone(), text, format, options);
    if let (Some(t), Some(started)) = (linter.timings(), started) {
        t.add_parse(started);
    }
    let diagnostics = lint(&article);
    // Nothing to fix, or `--fix` interrupted: reported with its findings, unfixed (the run says
    // it was interrupted).
    if !(args.fix || args.diff)
        || diagnostics.iter().all(|d| d.fix.is_none())
        || (args.fix && interrupt::requested())
    {
        return Outcome::Checked {
            path: name,
            article: Box::new(article),
            diagnostics,
            diff: None,
            fixed: 0,
        };
    }
    let (fixed_text, fixed) = fix::fix_until_stable(&original, args.unsafe_fixes, 10, |t| {
        lint(&Article::parse_as(
            name.clone(),
            t.to_string(),
            format,
            options,
        ))
    });
    if args.diff {
        let diff = similar::TextDiff::from_lines(&original, &fixed_text)
            .unified_diff()
            .header(&format!("a/{name}"), &format!("b/{name}"))
            .to_string();
        return Outcome::Checked {
            path: name,
            article: Box::new(article),
            diagnostics,
            diff: Some(diff),
            fixed,
        };
    }
    if fixed_text != original {
        if let Some(p) = path {
            if let Err(message) = write_atomically(p, &original, &fixed_text) {
                return Outcome::Failed {
                    path: name,
                    message,
                };
            }
        } else {
            // Standard input: the fixed text goes to standard output.
            print!("{fixed_text}");
        }
    }
    let article = Article::parse_as(name.clone(), fixed_text, format, options);
    let diagnostics = lint(&article);
    Outcome::Checked {
        path: name,
        article: Box::new(article),
        diagnostics,
        diff: None,
        fixed,
    }
}

/// Replace `path` with `new` through a temporary file in the same folder and a rename, keeping
/// permissions, unless the file changed on disk since it was read as `old`.
fn write_atomically(path: &Path, old: &str, new: &str) -> Result<(), String> {
    let current = std::fs::read(path).map_err(|e| format!("cannot re-read before fixing: {e}"))?;
    if current != old.as_bytes() {
        return Err("changed on disk while being checked; not fixed".to_string());
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot create temporary file: {e}"))?;
    tmp.write_all(new.as_bytes())
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("cannot write temporary file: {e}"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path)
        .map_err(|e| format!("cannot replace file: {}", e.error))?;
    Ok(())
}

/// SIGINT and SIGTERM during `--fix`: instead of dying between a temporary file and its rename,
/// the run stops taking new files, finishes the write in progress, and exits with 130. Each file
/// is then either fixed in full or untouched, and no temporary file is left behind.
mod interrupt {
    use std::sync::atomic::{AtomicBool, Ordering};

    static REQUESTED: AtomicBool = AtomicBool::new(false);

    pub fn requested() -> bool {
        REQUESTED.load(Ordering::SeqCst)
    }

    #[cfg(unix)]
    extern "C" fn on_signal(_: libc::c_int) {
        // Only an atomic store: async-signal-safe.
        REQUESTED.store(true, Ordering::SeqCst);
    }

    pub fn install() {
        #[cfg(unix)]
        // SAFETY: the handler only stores to an atomic; installed before worker threads write.
        unsafe {
            let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::signal(libc::SIGINT, handler);
            libc::signal(libc::SIGTERM, handler);
        }
    }
}
