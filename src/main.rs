#![allow(clippy::result_large_err)]
//! The `copydesk` command line.

mod cli;

fn main() {
    let code = cli::main();
    std::process::exit(code);
}
