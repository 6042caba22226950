//! A count of the steps the inner loops take (tokens scanned, spellings made, hashes taken,
//! characters walked) on this thread: `tests/growth.rs` holds every rule to cost in proportion
//! to its text by checking how this grows when the input doubles, a measure that, unlike the
//! clock, does not depend on the machine's load. One thread-local addition a loop, always on.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Charge `n` steps to this thread.
#[inline]
pub fn count(n: usize) {
    STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
}

/// The steps charged to this thread since the last call, and a fresh start.
pub fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
