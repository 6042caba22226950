//! A parallel map that hands its results over in input order while holding only a bounded
//! window of them: `check` prints each file's report as soon as it and every file before it
//! are done, so a run over 100,000 articles keeps a few of them in memory, not all.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Condvar, Mutex, MutexGuard};

struct Feed<I> {
    items: I,
    /// Index of the next item to hand to a worker.
    next: usize,
    /// Number of results the sink has received.
    delivered: usize,
    /// No more items: the input ended, the sink asked to stop, or a worker panicked.
    done: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Apply `work` to every item on `threads` threads and give the results to `sink` in the
/// order of `items`. Workers take at most `window` items beyond the last one delivered, so
/// a slow item holds back memory for at most that many results. Items are pulled lazily (the
/// iterator may read standard input). When `sink` returns false no further item is started.
/// A panic in `work` stops the run and is re-raised here.
pub fn map_in_order<T, R, I, W, S>(items: I, threads: usize, window: usize, work: W, mut sink: S)
where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    S: FnMut(R) -> bool,
{
    let threads = threads.max(1);
    let window = window.max(threads);
    let feed = Mutex::new(Feed { items, next: 0, delivered: 0, done: false });
    let room = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let mut workers = Vec::new();
        for _ in 0..threads {
            let tx = tx.clone();
            let (feed, room, work) = (&feed, &room, &work);
            workers.push(scope.spawn(move || loop {
                let (index, item) = {
                    let mut f = lock(feed);
                    while !f.done && f.next >= f.delivered + window {
                        f = room.wait(f).unwrap_or_else(|e| e.into_inner());
                    }
                    if f.done {
                        return;
                    }
                    let Some(item) = f.items.next() else {
                        f.done = true;
                        room.notify_all();
                        return;
                    };
                    f.next += 1;
                    (f.next - 1, item)
                };
                match catch_unwind(AssertUnwindSafe(|| work(item))) {
                    Ok(result) => {
                        if tx.send((index, result)).is_err() {
                            return;
                        }
                    }
                    Err(panic) => {
                        // Release the others (they may wait for this result's room), then fail.
                        lock(feed).done = true;
                        room.notify_all();
                        resume_unwind(panic);
                    }
                }
            }));
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut sinking = true;
        // Ends when every worker has finished and dropped its sender.
        for (index, result) in rx {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                // The sink writes output: it runs without the lock, so workers keep taking items.
                if sinking && !sink(result) {
                    sinking = false;
                }
                let mut f = lock(&feed);
                f.done |= !sinking;
                f.delivered = next;
                drop(f);
                room.notify_all();
            }
        }
        for worker in workers {
            if let Err(panic) = worker.join() {
                resume_unwind(panic);
            }
        }
    });
}

/// Worker threads for a run: `requested`, or one per core.
pub fn threads(requested: Option<usize>) -> usize {
    requested.filter(|&n| n > 0).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_arrive_in_input_order_whatever_the_timing() {
        let mut got = Vec::new();
        map_in_order(
            0..200u64,
            4,
            8,
            |i| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |r| {
                got.push(r);
                true
            },
        );
        assert_eq!(got, (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn never_runs_more_than_the_window_ahead() {
        let delivered = AtomicUsize::new(0);
        let ahead = AtomicUsize::new(0);
        map_in_order(
            0..500usize,
            3,
            6,
            |i| {
                let gap = i.saturating_sub(delivered.load(Ordering::SeqCst));
                ahead.fetch_max(gap, Ordering::SeqCst);
                i
            },
            |_| {
                delivered.fetch_add(1, Ordering::SeqCst);
                true
            },
        );
        assert!(ahead.load(Ordering::SeqCst) < 6, "{}", ahead.load(Ordering::SeqCst));
    }

    #[test]
    fn a_sink_can_stop_the_run() {
        let started = AtomicUsize::new(0);
        let mut seen = 0;
        map_in_order(
            0..10_000,
            2,
            4,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |_| {
                seen += 1;
                seen < 10
            },
        );
        assert_eq!(seen, 10);
        assert!(started.load(Ordering::SeqCst) < 100);
    }

    #[test]
    fn a_panicking_item_is_reported_not_hung_on() {
        let outcome = catch_unwind(|| {
            map_in_order(0..1000, 2, 4, |i| if i == 7 { panic!("item 7") } else { i }, |_| true);
        });
        assert!(outcome.is_err());
    }
}
