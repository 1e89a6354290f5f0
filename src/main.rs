//! The `budgetq` binary: parses the command line and hands over to [`cli::run`].
//! Exit codes: 0 found or done, 1 not found, 2 error.

mod cli;

use clap::Parser;

/// Ingest allocates many small strings on all cores; mimalloc is faster at it than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = cli::Cli::parse();
    let code = match cli::run(args) {
        Ok(true) => 0,
        Ok(false) => 1,
        // A reader that stops early (`budgetq … | head`) is not an error.
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            eprintln!("budgetq: {err:#}");
            2
        }
    };
    std::process::exit(code);
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
