//! One tool over the benchmark pages once, for a profiler that counts instructions (callgrind
//! counts are the same on a busy machine):
//!
//! ```text
//! cd compare && cargo build --release --example profile
//! MATN_PAGES=general valgrind --tool=callgrind target/release/examples/profile matn 200
//! ```
//! Arguments: a tool of `matn_compare::TOOLS` (default matn) and how many pages (default all).
//! The pages are read and decoded before the tool runs; compare the tool's inclusive count with
//! `parse_only`'s on the same pages.

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "matn".to_string());
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let Some((_, tool)) = matn_compare::TOOLS.iter().find(|(n, _)| *n == name) else {
        eprintln!("unknown tool {name}; one of: {:?}", matn_compare::TOOLS.map(|t| t.0));
        std::process::exit(2);
    };
    let pages: Vec<String> = matn_compare::corpus_pages().into_iter().take(limit).map(|(_, p, _)| p).collect();
    let total: usize = pages.iter().map(|p| std::hint::black_box(tool(p))).sum();
    println!("{name}: {} pages, {total} bytes out", pages.len());
}
