//! matn beside the Rust peers on the same pages (`MATN_PAGES`: arabic, the default, or general;
//! see `matn_compare::page_sets`), single thread, with the parse-only floor in the same run.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn compare(c: &mut Criterion) {
    let pages: Vec<String> = matn_compare::corpus_pages().into_iter().map(|(_, p, _)| p).collect();
    if pages.is_empty() {
        eprintln!("SKIPPED: no corpus pages found");
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let mut group = c.benchmark_group(matn_compare::page_sets().join("+"));
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, tool) in matn_compare::TOOLS {
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
