//! Work divided over the cores: the checks of a run, the mirror statistics' country cases.
//!
//! One mechanism for every part that divides: [`map_in_order`] hands the items out to as many
//! workers as the machine has cores, each taking the next item not yet started (so one long
//! item does not hold the others back), and returns the results in the order of the items.
//! Results never depend on which worker ran an item, so a run gives the same report on one
//! core as on many.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Workers to use instead of the machine's cores; 0: the cores.
static WORKERS: AtomicUsize = AtomicUsize::new(0);

/// Sets the number of workers of every later run (0: as many as the machine has cores). What a
/// run finds never depends on it; the tests compare a run on one worker with a run on many.
pub fn set_workers(workers: usize) {
    WORKERS.store(workers, Ordering::Relaxed);
}

/// The workers a run uses: the machine's cores (or [`set_workers`]'s), at most `items`.
pub fn workers(items: usize) -> usize {
    let set = WORKERS.load(Ordering::Relaxed);
    let cores = match set {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    cores.min(items).max(1)
}

/// `f` of every item, computed on every core, in the order of `items`.
pub fn map_in_order<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(at) else {
                return done;
            };
            done.push((at, f(item)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(take)).collect();
        let mut all = take();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload)),
            );
        }
        all
    });
    results.sort_unstable_by_key(|(at, _)| *at);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Runs of a batch turned into bytes side by side before the batch is handed on: memory holds
/// one batch of text, not the whole of it.
const RUNS_PER_BATCH: usize = 8;

/// Writes `items` in order as text made on every core: `write` adds the text of a run of `run`
/// items to an empty buffer, and `emit` takes the runs' text in the order of the items, a batch
/// of runs at a time. The buffers of a batch serve the next: the text is written into memory
/// already in use instead of into new pages each run (the 663 MB of JSON of a random file were
/// 160,000 pages to map and clear), grown once instead of run after run.
pub fn write_in_order<T: Sync, E: Send>(
    items: &[T],
    run: usize,
    write: impl Fn(&[T], &mut Vec<u8>) -> Result<(), E> + Sync,
    mut emit: impl FnMut(&[u8]) -> Result<(), E>,
) -> Result<(), E> {
    use std::sync::{Mutex, PoisonError};
    let run = run.max(1);
    let mut buffers: Vec<Mutex<Vec<u8>>> = Vec::new();
    for batch in items.chunks(run * RUNS_PER_BATCH) {
        let runs: Vec<&[T]> = batch.chunks(run).collect();
        if buffers.len() < runs.len() {
            buffers.resize_with(runs.len(), Mutex::default);
        }
        let slots: Vec<(&[T], &Mutex<Vec<u8>>)> = runs.into_iter().zip(&buffers).collect();
        let written = map_in_order(&slots, |&(items, buffer)| {
            let mut buffer = buffer.lock().unwrap_or_else(PoisonError::into_inner);
            buffer.clear();
            write(items, &mut buffer)
        });
        for (result, (_, buffer)) in written.into_iter().zip(&slots) {
            result?;
            emit(&buffer.lock().unwrap_or_else(PoisonError::into_inner))?;
        }
    }
    Ok(())
}

/// `a` and `b` side by side; their results.
pub fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if workers(2) <= 1 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let first = scope.spawn(a);
        let second = b();
        let first = first
            .join()
            .unwrap_or_else(|payload| std::panic::resume_unwind(payload));
        (first, second)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven work, so that workers finish out of order.
        let squares = map_in_order(&items, |&n| {
            let spin = if n % 7 == 0 { 2000 } else { 1 };
            (0..spin).fold(n * n, |acc, _| std::hint::black_box(acc))
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert_eq!(map_in_order(&[] as &[u8], |&b| b), Vec::<u8>::new());
    }

    #[test]
    fn join_gives_both_results() {
        assert_eq!(join(|| 2 + 2, || "four"), (4, "four"));
    }
}
