//! The threads that checks run on, off the protocol's tasks.
//!
//! A small set of named threads rather than tokio's blocking pool: the core keeps
//! per-thread caches (word verdicts, for one), which stay warm and are not multiplied across
//! the many threads a blocking pool would come to use, so memory stays flat over a long
//! session. A few threads are added while long checks hold the others (see [`Pool`]). A panic in a job is caught and logged; the thread lives on. Also here: the
//! allocator settings that keep a long session's resident size flat.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::oneshot;
use tracing::{debug, error};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// A job not started after this long, with every thread busy, gets a thread of its own (up to
/// [`EXTRA_THREADS`] more than the pool's size).
const STUCK: Duration = Duration::from_millis(50);
/// How many threads may be added to the pool's size while long checks hold its threads.
pub const EXTRA_THREADS: usize = 4;
/// An added thread ends after being idle this long.
const IDLE_EXIT: Duration = Duration::from_secs(10);

struct Queue {
    jobs: VecDeque<Job>,
    threads: usize,
    idle: usize,
    started: usize,
    closed: bool,
}

struct Inner {
    queue: Mutex<Queue>,
    ready: Condvar,
    max: usize,
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The check threads. Jobs are taken first come, first served; every document's worker has at
/// most one job in the pool at a time and each check takes the document's newest text when it
/// starts, so documents take turns and a queued check never works on a superseded version.
/// A check cannot be interrupted (the rules do not poll for it), but a long one does not hold
/// up the others: a job that waits [`STUCK`] while every thread is busy gets a thread added for
/// it, up to [`EXTRA_THREADS`] beyond the pool's size; added threads end when idle.
pub struct Pool {
    inner: Arc<Inner>,
}

impl Pool {
    /// `threads` threads (at least one), named `sunting-check-N`, and room for more.
    pub fn new(threads: usize) -> Pool {
        let base = threads.max(1);
        let inner = Arc::new(Inner {
            queue: Mutex::new(Queue { jobs: VecDeque::new(), threads: 0, idle: 0, started: 0, closed: false }),
            ready: Condvar::new(),
            max: base + EXTRA_THREADS,
        });
        {
            let mut queue = inner.lock();
            for _ in 0..base {
                spawn(&inner, &mut queue, true);
            }
        }
        Pool { inner }
    }

    /// One thread per core, up to two: checks of different documents may run side by side.
    pub fn default_size() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(2))
    }

    /// How many threads the pool has now.
    pub fn threads(&self) -> usize {
        self.inner.lock().threads
    }

    /// Add a thread if a job waits, no thread is free, and the pool may grow.
    fn grow(&self) {
        let mut queue = self.inner.lock();
        if !queue.jobs.is_empty() && queue.idle == 0 && queue.threads < self.inner.max && !queue.closed {
            debug!(threads = queue.threads + 1, "every check thread is busy; adding one");
            spawn(&self.inner, &mut queue, false);
        }
    }

    /// Run `f` on a check thread; `None` if it panicked (logged) or the pool is gone.
    pub async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (done, result) = oneshot::channel();
        let started = Arc::new(AtomicBool::new(false));
        let flag = started.clone();
        let job: Job = Box::new(move || {
            flag.store(true, Ordering::SeqCst);
            let outcome = catch_unwind(AssertUnwindSafe(f));
            let _ = done.send(outcome);
        });
        {
            let mut queue = self.inner.lock();
            if queue.closed {
                return None;
            }
            queue.jobs.push_back(job);
        }
        self.inner.ready.notify_one();
        let mut result = std::pin::pin!(result);
        let outcome = loop {
            tokio::select! {
                outcome = &mut result => break outcome,
                () = tokio::time::sleep(STUCK) => {
                    if !started.load(Ordering::SeqCst) {
                        self.grow();
                    }
                }
            }
        };
        match outcome {
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

impl Drop for Pool {
    fn drop(&mut self) {
        self.inner.lock().closed = true;
        self.inner.ready.notify_all();
    }
}

/// Start a thread; a `permanent` one lives as long as the pool, another ends when idle.
fn spawn(inner: &Arc<Inner>, queue: &mut Queue, permanent: bool) {
    let name = format!("sunting-check-{}", queue.started);
    let shared = inner.clone();
    match std::thread::Builder::new().name(name).spawn(move || work(&shared, permanent)) {
        Ok(_) => {
            queue.threads += 1;
            queue.started += 1;
        }
        Err(e) => error!("cannot start a check thread: {e}"),
    }
}

fn work(inner: &Inner, permanent: bool) {
    let mut queue = inner.lock();
    loop {
        if let Some(job) = queue.jobs.pop_front() {
            drop(queue);
            job();
            queue = inner.lock();
            continue;
        }
        if queue.closed {
            break;
        }
        queue.idle += 1;
        let timed_out = if permanent {
            queue = inner.ready.wait(queue).unwrap_or_else(|e| e.into_inner());
            false
        } else {
            let (q, waited) = inner.ready.wait_timeout(queue, IDLE_EXIT).unwrap_or_else(|e| e.into_inner());
            queue = q;
            waited.timed_out()
        };
        queue.idle -= 1;
        if timed_out && queue.jobs.is_empty() {
            break;
        }
    }
    queue.threads -= 1;
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
    use std::sync::Arc;

    #[tokio::test]
    async fn runs_jobs_and_survives_panics() {
        let pool = Pool::new(1);
        assert_eq!(pool.run(|| 2 + 2).await, Some(4));
        assert_eq!(pool.run(|| -> i32 { panic!("boom") }).await, None);
        // The one thread lived on.
        assert_eq!(pool.run(|| std::thread::current().name().map(str::to_string)).await, Some(Some("sunting-check-0".to_string())));
    }

    type Blocked = (Vec<tokio::task::JoinHandle<Option<()>>>, std::sync::mpsc::Receiver<()>, Vec<std::sync::mpsc::Sender<()>>);

    /// Jobs that block until released, each saying when it started.
    fn blocked(pool: &Arc<Pool>, n: usize) -> Blocked {
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let mut releases = Vec::new();
        let mut handles = Vec::new();
        for _ in 0..n {
            let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
            releases.push(release_tx);
            let started = started_tx.clone();
            let p = pool.clone();
            handles.push(tokio::spawn(async move {
                p.run(move || {
                    let _ = started.send(());
                    let _ = release_rx.recv();
                })
                .await
            }));
        }
        (handles, started_rx, releases)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_long_job_does_not_hold_up_the_others() {
        let pool = Arc::new(Pool::new(1));
        let (handles, started, releases) = blocked(&pool, 1);
        started.recv_timeout(Duration::from_secs(20)).unwrap();
        // The only thread is held; a short job still runs, on a thread added for it.
        let short = tokio::time::timeout(Duration::from_secs(20), pool.run(|| 7)).await;
        assert_eq!(short.unwrap(), Some(7));
        assert!(!handles[0].is_finished());
        assert_eq!(pool.threads(), 2);
        drop(releases);
        for h in handles {
            assert_eq!(h.await.unwrap(), Some(()));
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_pool_grows_only_so_far() {
        let pool = Arc::new(Pool::new(2));
        let max = 2 + EXTRA_THREADS;
        let (handles, started, releases) = blocked(&pool, max + 3);
        for _ in 0..max {
            started.recv_timeout(Duration::from_secs(20)).unwrap();
        }
        // Every thread is held: the rest wait, and no thread beyond the limit is started.
        tokio::time::sleep(STUCK * 6).await;
        assert!(started.try_recv().is_err());
        assert_eq!(pool.threads(), max);
        drop(releases);
        for h in handles {
            assert_eq!(h.await.unwrap(), Some(()));
        }
    }
}
