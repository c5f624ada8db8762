//! Criterion benchmarks: the scoring core alone, `clean()` end to end beside the parse-only
//! floor (html5ever into markup5ever_rcdom, nothing else) on the same pages, and scaling.
//!
//! Pages: our own fixtures (always), plus ../shared/corpus/arabic-recon and arabic-real when
//! present (or `MATN_CORPUS`). Run: `cargo bench --bench clean`.

use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use html5ever::tendril::TendrilSink;

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "html")).collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// (label, pages as text)
fn page_sets() -> Vec<(&'static str, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |files: Vec<PathBuf>| -> Vec<String> {
        files.iter().filter_map(|p| std::fs::read(p).ok()).map(|b| String::from_utf8_lossy(&b).into_owned()).collect()
    };
    let mut sets = vec![("fixtures", read(html_files(&root.join("tests/fixtures"))))];
    let corpus = std::env::var_os("MATN_CORPUS").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/corpus"));
    for (label, sub) in [("arabic-recon", "arabic-recon"), ("arabic-real", "arabic-real")] {
        let pages = read(html_files(&corpus.join(sub)));
        if pages.is_empty() {
            eprintln!("SKIPPED corpus set {sub}: not found");
        } else {
            sets.push((label, pages));
        }
    }
    sets
}

fn parse_only(html: &str) -> usize {
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default()).one(html);
    dom.document.children.borrow().len()
}

fn end_to_end(c: &mut Criterion) {
    for (label, pages) in page_sets() {
        let bytes: usize = pages.iter().map(String::len).sum();
        let mut group = c.benchmark_group(format!("pages/{label}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("parse_only", |b| b.iter(|| pages.iter().map(|p| parse_only(p)).sum::<usize>()));
        group.bench_function("clean", |b| b.iter(|| pages.iter().filter(|p| matn::clean(p).is_ok()).count()));
        group.finish();
    }
}

fn scoring_core(c: &mut Criterion) {
    let mut group = c.benchmark_group("score_blocks");
    for (label, pages) in page_sets() {
        let features: Vec<Vec<matn::score::Features>> = pages.iter().map(|p| matn::page_features(p)).collect();
        let blocks: usize = features.iter().map(Vec::len).sum();
        group.throughput(Throughput::Elements(blocks as u64));
        group.bench_function(BenchmarkId::new("pages", label), |b| {
            b.iter(|| features.iter().map(|f| matn::score::score_blocks(f).len()).sum::<usize>())
        });
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("examples/pages/sample-article.html")).unwrap_or_default();
    // The body repeated: the same page 1×, 4×, 16× larger.
    let (head, body) = page.split_once("<body").unwrap_or(("", &page));
    let mut group = c.benchmark_group("scaling");
    for times in [1usize, 4, 16] {
        let big = format!("{head}<body{}", body.repeat(times));
        group.throughput(Throughput::Bytes(big.len() as u64));
        group.bench_with_input(BenchmarkId::new("clean", times), &big, |b, html| b.iter(|| matn::clean(html).is_ok()));
        group.bench_with_input(BenchmarkId::new("parse_only", times), &big, |b, html| b.iter(|| parse_only(html)));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(4));
    targets = scoring_core, end_to_end, scaling
}
criterion_main!(benches);
