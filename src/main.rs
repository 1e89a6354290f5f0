//! The `budgetq` binary: parses the command line and hands over to [`cli::run`].
//! Exit codes: 0 found or done, 1 not found, 2 error.

mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    let code = match cli::run(args) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(err) => {
            eprintln!("budgetq: {err:#}");
            2
        }
    };
    std::process::exit(code);
}
