//! The `budgetq` binary: parses the command line and hands over to [`cli::run`].
//! Exit codes: 0 found or done, 1 not found, 2 error.

mod cli;

use clap::Parser;

/// Ingest allocates many small strings on all cores; mimalloc is faster at it than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the same place in its option enum in v2 and v3).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

unsafe extern "C" {
    /// Sets an option of mimalloc, the allocator linked in by the `mimalloc` crate.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// An ingest frees and allocates its working memory report after report: with
/// freed pages kept (never handed back to the system), they are not faulted in
/// and zeroed by the kernel again and again (about a tenth of its CPU time).
fn keep_freed_memory() {
    // SAFETY: sets one integer option of the linked allocator, which it reads
    // whenever it would hand memory back; valid at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[cfg(target_os = "linux")]
unsafe extern "C" {
    /// Linux's `prctl(2)` (from the C library every Rust program on Linux links).
    fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
}

/// `PR_SET_THP_DISABLE` of `<linux/prctl.h>`.
#[cfg(target_os = "linux")]
const PR_SET_THP_DISABLE: std::ffi::c_int = 41;

/// A one-shot query touches a few megabytes: without transparent huge pages
/// the kernel zeroes the 4 KB pages it touches, not a 2 MB page for each
/// (mimalloc asks for huge pages; a few percent of an `ask`).
fn small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets one flag of this process, read by the kernel at each later
    // page fault; no memory is passed. A failure (an old kernel) changes nothing.
    unsafe {
        let (on, unused): (std::ffi::c_ulong, std::ffi::c_ulong) = (1, 0);
        prctl(PR_SET_THP_DISABLE, on, unused, unused, unused);
    }
}

fn main() {
    let args = cli::Cli::parse();
    if matches!(args.command, Some(cli::Command::Ingest { .. })) {
        keep_freed_memory();
    } else {
        small_pages();
    }
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
