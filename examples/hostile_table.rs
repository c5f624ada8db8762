//! Issue 11's table, re-measured: for every hostile shape of tests/shapes, the time of `clean`
//! at `n` and `4n` and their ratio (at most 5 asked), the time for a 1 MB page of the shape
//! (under 0.5 s asked), and the peak heap of `clean` on pages of the shape of 1, 10 and 60 MB
//! against 20x the input + 64 MB, with what `clean` returned at 60 MB.
//!
//! Release build, this thread only; times are the best of five runs (a loaded machine only
//! adds), the heap is counted by allocation-counter (this thread's allocations, the input not
//! included). One row:
//!
//! ```sh
//! cargo run --release --example hostile_table -- span_then_p
//! cargo run --release --example hostile_table -- --max-mb 10     # every shape, up to 10 MB
//! ```

use std::time::Instant;

#[path = "../tests/shapes/mod.rs"]
mod shapes;

const MB: usize = 1_000_000;

/// Best of five runs of `clean`, in seconds.
fn time(html: &str) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let _ = matn::clean(html);
        best = best.min(start.elapsed().as_secs_f64());
    }
    best
}

/// What `clean` returned, in short.
fn outcome(result: Result<matn::Article, matn::Error>) -> String {
    match result {
        Ok(_) => "Ok".to_string(),
        Err(matn::Error::TooLarge { limit, .. }) => format!("TooLarge({limit})"),
        Err(matn::Error::NoArticle { .. }) => "NoArticle".to_string(),
        Err(e) => e.to_string(),
    }
}

/// The shape's page of about `bytes` bytes (its count scaled from the page at `n`).
/// Shapes whose pieces carry a growing number are scaled down until the page fits.
fn page_of(make: fn(usize) -> String, n: usize, bytes: usize) -> String {
    let mut count = (n as f64 * bytes as f64 / make(n).len() as f64).ceil() as usize;
    loop {
        let html = make(count.max(1));
        if html.len() <= bytes || count <= 1 {
            return html;
        }
        count = (count as f64 * bytes as f64 / html.len() as f64 * 0.999) as usize;
    }
}

/// Peak heap of `clean` on `html`, in bytes, and what it returned.
fn peak(html: &str) -> (u64, String) {
    let mut result = String::new();
    let info = allocation_counter::measure(|| result = outcome(matn::clean(html)));
    (info.bytes_max, result)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let max_mb = args
        .iter()
        .position(|a| a == "--max-mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(60);
    let filter = args.iter().find(|a| !a.starts_with("--") && a.parse::<usize>().is_err()).cloned().unwrap_or_default();
    // Rule tables and regexes are built once per process: before the measures.
    let _ = matn::clean("<p>نص</p>");
    println!(
        "| shape | n: bytes, ms | 4n: bytes, ms | ratio | 1 MB page: ms (< 500) | peak heap ÷ (20× input + 64 MB) at 1 / 10 / {max_mb} MB | at {max_mb} MB |"
    );
    println!("|---|---|---|---|---|---|---|");
    for &((name, make), n) in shapes::SHAPES {
        if !name.contains(&filter) {
            continue;
        }
        let (small, large) = (make(n), make(4 * n));
        let (a, b) = (time(&small), time(&large));
        let one = time(&page_of(make, n, MB));
        let mut heaps = Vec::new();
        let mut last = String::new();
        let mut sizes = vec![1, 10, max_mb];
        sizes.retain(|&s| s <= max_mb);
        sizes.dedup();
        for size in sizes {
            let html = page_of(make, n, size * MB);
            let (bytes, result) = peak(&html);
            let budget = 20.0 * html.len() as f64 + 64.0 * 1024.0 * 1024.0;
            heaps.push(format!("{:.2}", bytes as f64 / budget));
            if size == max_mb {
                last = format!("{} MB peak, {result}", bytes / (1 << 20));
            }
        }
        println!(
            "| `{name}` | {} B, {:.1} | {} B, {:.1} | {:.2} | {:.1} | {} | {last} |",
            small.len(),
            a * 1e3,
            large.len(),
            b * 1e3,
            b / a.max(1e-9),
            one * 1e3,
            heaps.join(" / "),
        );
    }
}
