//! Criterion benchmark: `clean()` on every hostile page shape of tests/shapes at `n` and `4n`.
//! Linear time shows as a 4n/n ratio near 4 (issue 11 asks at most 5); a shape that stops at a
//! bound (`TooLarge`) costs about the same at both sizes. The ratio is printed after the run,
//! from the means criterion measured. Run: `cargo bench --bench hostile` (a few minutes; one
//! shape: `cargo bench --bench hostile -- span_then_p`).

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "../tests/shapes/mod.rs"]
mod shapes;

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10).warm_up_time(Duration::from_millis(200)).measurement_time(Duration::from_secs(1));
    for &((name, make), n) in shapes::SHAPES {
        for (label, count) in [("n", n), ("4n", 4 * n)] {
            let html = make(count);
            group
                .bench_with_input(BenchmarkId::new(name, label), &html, |b, html| b.iter(|| matn::clean(html).is_ok()));
        }
    }
    group.finish();
}

/// The 4n/n ratio of each shape, from one timed run of each size (the filter of the command line
/// applies): printed so the table of issue 11 can be read off without criterion's reports.
fn ratios(_: &mut Criterion) {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_default();
    let time = |html: &str| {
        let start = Instant::now();
        let ok = matn::clean(html).is_ok();
        (start.elapsed().as_secs_f64(), ok)
    };
    for &((name, make), n) in shapes::SHAPES {
        if !name.contains(&filter) {
            continue;
        }
        let (small, large) = (make(n), make(4 * n));
        let ((a, _), (b, ok)) = (time(&small), time(&large));
        eprintln!(
            "{name:24} n {:>8} B {:>8.2} ms  4n {:>8} B {:>8.2} ms  ratio {:>5.2}  {}",
            small.len(),
            a * 1e3,
            large.len(),
            b * 1e3,
            b / a.max(1e-9),
            if ok { "Ok" } else { "Err" }
        );
    }
}

criterion_group!(benches, hostile, ratios);
criterion_main!(benches);
