//! Guarded reading. Input: a reading job over one file's bytes (PDF or HTML
//! parsing by third-party libraries). Output: its result, or why there is
//! none: the job panicked (caught, reported in words, not printed) or ran past
//! its time limit (left behind on its thread; its result is dropped).
//!
//! Jobs run on their own thread with a large stack, because crafted files
//! nest deeply and parsers recurse.

use std::sync::mpsc;
use std::sync::Once;
use std::time::Duration;

/// Name of the guarded threads (their panics are reported, not printed).
const THREAD_NAME: &str = "budgetq-reader";
/// Stack of a guarded thread.
const STACK: usize = 256 * 1024 * 1024;

/// Why a guarded job gave no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The job panicked, with this message.
    Panicked(String),
    /// The job ran past the limit (seconds).
    TimedOut(u64),
    /// No thread could be started.
    NoThread(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panicked(message) => write!(f, "the reading library failed: {message}"),
            Failure::TimedOut(seconds) => write!(f, "reading took longer than {seconds} s"),
            Failure::NoThread(e) => write!(f, "cannot start a reader: {e}"),
        }
    }
}

/// The time a file of `bytes` may take: 30 s plus 2 s per megabyte.
pub fn time_limit(bytes: usize) -> Duration {
    Duration::from_secs(30 + (bytes / 1_000_000) as u64 * 2)
}

/// Keeps panics of guarded threads off stderr; others go to the previous hook.
fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(THREAD_NAME) {
                previous(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".to_string())
}

/// Runs `job` on a guarded thread, waiting at most `limit`.
pub fn run<T: Send + 'static>(limit: Duration, job: impl FnOnce() -> T + Send + 'static) -> Result<T, Failure> {
    quiet_panics();
    let (send, receive) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.to_string())
        .stack_size(STACK)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            // The receiver may have given up waiting; nothing to do then.
            let _ = send.send(result);
        })
        .map_err(|e| Failure::NoThread(e.to_string()))?;
    match receive.recv_timeout(limit) {
        Ok(result) => {
            let _ = spawned.join();
            result.map_err(|payload| Failure::Panicked(panic_message(payload.as_ref())))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut(limit.as_secs())),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Panicked("unknown failure".to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_and_slow_jobs_become_failures() {
        assert_eq!(run(Duration::from_secs(5), || 2 + 2), Ok(4));
        let panicked: Result<(), _> = run(Duration::from_secs(5), || panic!("bad font"));
        assert_eq!(panicked, Err(Failure::Panicked("bad font".to_string())));
        let slow = run(Duration::from_millis(10), || std::thread::sleep(Duration::from_secs(2)));
        assert_eq!(slow, Err(Failure::TimedOut(0)));
    }
}
