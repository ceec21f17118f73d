//! Command-line interface: parse arguments, load configuration and rules, run a command, return
//! the exit code (0 clean, 1 findings at or above `fail-on`, 2 usage/config/I/O errors).

mod check;
mod compare;
mod info;

use clap::{Parser, Subcommand, ValueEnum};
use copydesk::config::{self, Config, ConfigError};
use copydesk::report::Format;
use copydesk::rules::registry::LoadError;
use copydesk::Registry;
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "copydesk", version, about = "A linter for news articles before publication", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Clone)]
pub struct RuleArgs {
    /// Configuration file (default: copydesk.toml in the working directory or above).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not look for copydesk.toml.
    #[arg(long)]
    no_config: bool,
    /// Extra rule file(s) to load beside the shipped packs.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Do not load the shipped packs and checks (only --rules files).
    #[arg(long)]
    no_default_rules: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Check article files (or `-` for standard input).
    Check(check::CheckArgs),
    /// List the loaded rules.
    Rules {
        #[command(flatten)]
        rules: RuleArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show a rule's help and examples.
    Explain {
        /// Rule id, e.g. residue/comment-form.
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run the examples of rule files (or, with no file, of every loaded rule).
    TestRules {
        /// Rule files to test.
        files: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run the language server on standard input and output.
    Lsp,
    /// Serve the HTTP API and the copy editors' page.
    Serve {
        /// Address to listen on; loopback by default. Binding to another interface exposes the
        /// API to the network: an explicit choice.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
        /// Largest request body accepted, in bytes.
        #[arg(long, default_value_t = 2 * 1024 * 1024)]
        max_body: usize,
        /// Time limit for one request, in seconds.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Report facts that differ between versions of one story (names, times, numbers, years).
    Compare(compare::CompareArgs),
    /// Show what copydesk parsed: dateline, blocks, sentences.
    Inspect {
        file: PathBuf,
        /// Reference date (YYYY-MM-DD), as for check.
        #[arg(long)]
        date: Option<String>,
        /// Also list tokens.
        #[arg(long)]
        tokens: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if !matches!(cli.command, Command::Serve { .. }) {
        restore_sigpipe();
    }
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Lsp => copydesk::lsp::serve(),
        Command::Serve {
            bind,
            max_body,
            timeout,
            rules,
        } => {
            let Some((config, registry)) = load(&rules) else {
                return 2;
            };
            let state = copydesk::server::AppState {
                registry,
                select: config.select,
                ignore: config.ignore,
                severity: config.severity,
                date: config.date,
                timeout: std::time::Duration::from_secs(timeout.max(1)),
            };
            match copydesk::server::serve(state, &bind, max_body) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("error: {e}");
                    2
                }
            }
        }
        Command::Rules { rules, json } => info::rules(&rules, json),
        Command::Explain { id, rules } => info::explain(&rules, &id),
        Command::TestRules { files, rules } => info::test_rules(&rules, &files),
        Command::Inspect {
            file,
            date,
            tokens,
            json,
        } => info::inspect(&file, date.as_deref(), tokens, json),
    }
}

/// A command-line run piped into `head` should end quietly when the pipe closes, as `grep` does,
/// not panic on the failed write: restore the default SIGPIPE action (Rust ignores it). The
/// server keeps ignoring it, so a client that hangs up cannot stop it.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread is spawned; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Print a miette diagnostic (rule-file or config error) to stderr.
pub fn print_error(diag: &dyn miette::Diagnostic) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut out = String::new();
    if GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .render_report(&mut out, diag)
        .is_err()
    {
        out = diag.to_string();
    }
    eprintln!("{out}");
}

/// Load the configuration and the rules. Errors are printed; `None` means exit 2.
pub fn load(args: &RuleArgs) -> Option<(Config, Registry)> {
    let config_path = match (&args.config, args.no_config) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d)),
    };
    let config = match config_path {
        Some(p) => match config::load(&p) {
            Ok(c) => c,
            Err(ConfigError::Io(m)) => {
                eprintln!("error: {m}");
                return None;
            }
            Err(ConfigError::Invalid(e)) => {
                print_error(e.as_ref());
                return None;
            }
        },
        None => Config::default(),
    };
    let registry = if args.no_default_rules {
        Ok(Registry::empty())
    } else {
        Registry::builtin()
    };
    let mut registry = match registry {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return None;
        }
    };
    for path in config.rules.iter().chain(args.rules.iter()) {
        match registry.add_file(path) {
            Ok(()) => {}
            Err(LoadError::Io(m)) => {
                eprintln!("error: cannot read rule file {m}");
                return None;
            }
            Err(LoadError::Rules(e)) => {
                print_error(e.as_ref());
                return None;
            }
        }
    }
    Some((config, registry))
}

pub fn use_color(choice: ColorChoice, format: Format) -> bool {
    if format != Format::Full {
        return false;
    }
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}
