//! The threads that checks run on, off the protocol's tasks.
//!
//! A small fixed set of named threads rather than tokio's blocking pool: the core keeps
//! per-thread caches (word verdicts, for one), which stay warm and are not multiplied across
//! the many threads a blocking pool would come to use, so memory stays flat over a long
//! session. A panic in a job is caught and logged; the thread lives on. Also here: the
//! allocator settings that keep a long session's resident size flat.

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

#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe extern "C" {
    fn malloc_trim(pad: usize) -> std::ffi::c_int;
    fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
}

/// Set glibc's allocator up for a long-running server, before any thread starts: large
/// blocks (a check's copy of the text, its token tables, a serialised publication) are mapped
/// and unmapped on their own instead of carved from the heap, and at most two arenas exist.
/// Otherwise glibc raises its mapping threshold after the first large free, large blocks come
/// from per-thread heaps, and the resident size climbs through fragmentation over an hour of
/// typing although the live heap is flat. `MALLOC_MMAP_THRESHOLD_` or `MALLOC_ARENA_MAX` in
/// the environment win. A no-op elsewhere.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
        const M_ARENA_MAX: std::ffi::c_int = -8;
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
            // SAFETY: mallopt only changes allocator parameters; it has no preconditions.
            unsafe { mallopt(M_MMAP_THRESHOLD, 128 * 1024) };
        }
        if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
            // SAFETY: as above.
            unsafe { mallopt(M_ARENA_MAX, 2) };
        }
    }
}

/// Hand memory that checks have freed back to the system. glibc's allocator keeps freed
/// memory in its per-thread arenas, so without this the resident size of a long session
/// creeps up although the live heap stays flat. A no-op elsewhere.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system; it has no preconditions.
    unsafe {
        malloc_trim(0);
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
