//! `copydesk compare A B [C …]`: facts that differ between versions of one story.

use copydesk::report::{self, FileError, FileReport, Format, Summary};
use copydesk::{Article, ArticleOptions};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct CompareArgs {
    /// Two or more versions of one story, oldest or most trusted first.
    #[arg(required = true, num_args = 2..)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,
    /// Colour in the full report.
    #[arg(long, value_enum, default_value_t = super::ColorChoice::Auto)]
    color: super::ColorChoice,
}

pub fn run(args: CompareArgs) -> i32 {
    let mut articles = Vec::new();
    let mut failed = false;
    let mut reporter = report::reporter(
        args.format,
        super::use_color(args.color, args.format),
        Vec::new(),
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for f in &args.files {
        let name = f.display().to_string();
        match copydesk::input::read(f) {
            Ok(text) => {
                let format = copydesk::article::Format::from_path(&name);
                articles.push(Article::parse_as(
                    name,
                    text,
                    format,
                    &ArticleOptions::default(),
                ))
            }
            Err(message) => {
                failed = true;
                eprintln!("error: {name}: {message}");
                if reporter
                    .error(
                        &mut out,
                        &FileError {
                            path: &name,
                            message: &message,
                        },
                    )
                    .is_err()
                {
                    return 2;
                }
            }
        }
    }
    let found = copydesk::compare::compare(&articles);
    let mut summary = Summary::default();
    for (a, diags) in articles.iter().zip(&found) {
        summary.add(diags);
        let r = FileReport {
            path: &a.name,
            source: &a.source,
            index: &a.index,
            diagnostics: diags,
        };
        if reporter.file(&mut out, &r).is_err() {
            return 2;
        }
    }
    if reporter.finish(&mut out, &summary).is_err() {
        return 2;
    }
    if failed {
        2
    } else if summary.diagnostics > 0 {
        1
    } else {
        0
    }
}
