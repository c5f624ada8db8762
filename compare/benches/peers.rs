//! matn beside the Rust peers on the same pages (../shared/corpus arabic-recon + arabic-real, or
//! `MATN_CORPUS`), single thread, with the parse-only floor in the same run.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn pages() -> Vec<String> {
    let corpus = std::env::var_os("MATN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let mut out = Vec::new();
    for sub in ["arabic-recon", "arabic-real"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(sub))
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "html")).collect())
            .unwrap_or_default();
        files.sort();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f) {
                // The peers take text; decode once, outside the timed loop (windows-1256 pages too).
                out.push(matn_text(&bytes));
            }
        }
    }
    out
}

/// The two legacy pages of the corpus are windows-1256; the rest are UTF-8.
fn matn_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1256.decode(bytes).0.into_owned(),
    }
}

fn compare(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("SKIPPED: no corpus pages found");
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    type Tool = fn(&str) -> usize;
    let tools: [(&str, Tool); 6] = [
        ("parse_only", matn_compare::parse_only),
        ("matn", matn_compare::matn),
        ("dom_smoothie", matn_compare::dom_smoothie),
        ("rs_trafilatura", matn_compare::rs_trafilatura),
        ("readability_kumabook", matn_compare::readability_kumabook),
        ("llm_readability", matn_compare::llm_readability),
    ];
    for (name, tool) in tools {
        group.bench_function(name, |b| b.iter(|| pages.iter().map(|p| tool(p)).sum::<usize>()));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5));
    targets = compare
}
criterion_main!(benches);
