//! Extracts every page of a folder, on every core.
//!
//! ```text
//! cargo run --release --example batch -- IN_DIR OUT_DIR [--threads N] [--urls FILE] [--no-url] [--explain]
//! ```
//! For every `IN_DIR/<stem>.html` writes `OUT_DIR/<stem>.txt` (the body, one paragraph per line)
//! and `OUT_DIR/<stem>.json` (the article, or `{"error": …}`), plus `OUT_DIR/_timings.json` in
//! the format of the peers harness. A page whose gold file (`<stem>.gold.json`) gives a `url`
//! is cleaned with that URL, and so is a page listed in `--urls FILE` (lines
//! `<file name>\t…\t<url>\t…`: the first column starting with `http` is the URL); `--no-url`
//! turns URLs off. Prints pages, seconds and MB/s.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The `"url"` value of a gold file, read without a JSON library (first occurrence).
fn gold_url(html: &Path) -> Option<String> {
    let stem = html.file_stem()?.to_str()?;
    let gold = std::fs::read_to_string(html.with_file_name(format!("{stem}.gold.json"))).ok()?;
    let at = gold.find("\"url\"")?;
    let rest = gold[at + 5..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: batch IN_DIR OUT_DIR [--threads N] [--urls FILE] [--no-url] [--explain]");
        std::process::exit(2);
    }
    let (input, output) = (PathBuf::from(&args[0]), PathBuf::from(&args[1]));
    let threads = args
        .iter()
        .position(|a| a == "--threads")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let use_urls = !args.iter().any(|a| a == "--no-url");
    // `--explain`: the JSON also lists the removed blocks and why (slower).
    let explain = args.iter().any(|a| a == "--explain");
    // `--urls FILE`: a TSV whose lines start with `<file name>\t<url>` (a crawl log).
    let listed: Vec<(String, String)> = args
        .iter()
        .position(|a| a == "--urls")
        .and_then(|i| args.get(i + 1))
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|t| {
            t.lines()
                .filter_map(|l| {
                    let mut cols = l.split('\t');
                    Some((cols.next()?.to_string(), cols.find(|c| c.starts_with("http"))?.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let listed_url = |p: &Path| {
        let name = p.file_name()?.to_str()?;
        listed.iter().find(|(f, _)| f == name).map(|(_, u)| u.clone())
    };
    std::fs::create_dir_all(&output).expect("cannot create OUT_DIR");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&input)
        .expect("cannot read IN_DIR")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    let jobs: Vec<(PathBuf, Vec<u8>, Option<String>)> = pages
        .into_iter()
        .filter_map(|p| {
            std::fs::read(&p).ok().map(|b| (p.clone(), b, gold_url(&p).or_else(|| listed_url(&p)).filter(|_| use_urls)))
        })
        .collect();
    let total_bytes: usize = jobs.iter().map(|j| j.1.len()).sum();
    // Untimed warm-up on the first page (regexes, rule table).
    if let Some((_, bytes, _)) = jobs.first() {
        let _ = matn::clean_bytes(bytes);
    }
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, bytes, url)) = jobs.get(i) else { break };
                    let t = Instant::now();
                    let mut cleaner = matn::Cleaner::new().explain(explain);
                    if explain {
                        cleaner = cleaner.min_confidence(0.0);
                    }
                    if let Some(u) = url {
                        cleaner = cleaner.url(u);
                    }
                    let result = cleaner.clean_bytes(bytes);
                    let secs = t.elapsed().as_secs_f64();
                    results.lock().unwrap_or_else(|e| e.into_inner()).push((path.clone(), result, secs));
                }
            });
        }
    });
    let elapsed = start.elapsed().as_secs_f64();
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut per_file = Vec::new();
    let mut errors = Vec::new();
    for (path, result, secs) in &results {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
        let (txt, json) = match result {
            Ok(a) => (a.text_lines(), a.to_json()),
            Err(e) => {
                errors.push(format!("{}:{}", json_string(stem), json_string(&e.to_string())));
                (String::new(), format!("{{\"error\":{}}}", json_string(&e.to_string())))
            }
        };
        let _ = std::fs::write(output.join(format!("{stem}.txt")), txt);
        let _ = std::fs::write(output.join(format!("{stem}.json")), json);
        per_file.push(format!("{}:{secs:.6}", json_string(stem)));
    }
    let timings = format!(
        "{{\"tool\":\"matn\",\"runtime\":\"rust\",\"n_files\":{},\"total_seconds\":{:.6},\"total_bytes\":{},\"threads\":{},\"per_file_seconds\":{{{}}},\"errors\":{{{}}}}}",
        results.len(),
        results.iter().map(|r| r.2).sum::<f64>(),
        total_bytes,
        threads,
        per_file.join(","),
        errors.join(",")
    );
    let _ = std::fs::write(output.join("_timings.json"), timings);
    println!(
        "pages {}  seconds {:.3}  MB/s {:.1}  threads {}  errors {}",
        results.len(),
        elapsed,
        total_bytes as f64 / 1e6 / elapsed.max(1e-9),
        threads,
        errors.len()
    );
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
