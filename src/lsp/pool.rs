//! The threads that checks run on, off the protocol's tasks.
//!
//! A small fixed set of named threads rather than tokio's blocking pool: the core keeps
//! per-thread caches (word verdicts, for one), which stay warm and are not multiplied across
//! the many threads a blocking pool would come to use, so memory stays flat over a long
//! session. A panic in a job is caught and logged; the thread lives on.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;
use tracing::error;

type Job = Box<dyn FnOnce() + Send + 'static>;

pub struct Pool {
    tx: Mutex<mpsc::Sender<Job>>,
}

impl Pool {
    /// `threads` threads (at least one), named `sunting-check-N`.
    pub fn new(threads: usize) -> Pool {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads.max(1) {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("sunting-check-{i}")).spawn(move || loop {
                let job = match rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(poisoned) => poisoned.into_inner().recv(),
                };
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            });
            if let Err(e) = spawned {
                error!("cannot start a check thread: {e}");
            }
        }
        Pool { tx: Mutex::new(tx) }
    }

    /// One thread per core, up to two: checks of different documents may run side by side.
    pub fn default_size() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    }

    /// Run `f` on a check thread; `None` if it panicked (logged) or the pool is gone.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (done, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            let outcome = catch_unwind(AssertUnwindSafe(f));
            let _ = done.send(outcome);
        });
        self.tx.lock().unwrap_or_else(|e| e.into_inner()).send(job).ok()?;
        match result.await {
            Ok(Ok(value)) => Some(value),
            Ok(Err(panic)) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".to_string());
                error!("a check failed: {message}");
                None
            }
            Err(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_and_survives_panics() {
        let pool = Pool::new(1);
        assert_eq!(pool.run(|| 2 + 2).await, Some(4));
        assert_eq!(pool.run(|| -> i32 { panic!("boom") }).await, None);
        // The one thread lived on.
        assert_eq!(pool.run(|| std::thread::current().name().map(str::to_string)).await, Some(Some("sunting-check-0".to_string())));
    }
}
