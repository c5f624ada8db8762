//! Peak heap per page, for matn and the peers on the same pages, with a counting allocator.
//!
//! For each page: the live heap is noted, the peak is reset, the tool runs, and the page's cost is
//! the peak above the heap live before it. A warm-up run over every page comes first, so what a
//! tool builds once and keeps (rule tables, compiled regexes and their match caches) is not
//! charged to whichever page first needs it; that fixed cost is reported on its own. Reallocations count the old
//! and the new block for a moment, as they exist together. Run: `cd compare && cargo bench --bench heap`
//! (`MATN_PAGES=general` for the general news pages).

use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn main() {
    let pages = matn_compare::corpus_pages();
    if pages.is_empty() {
        eprintln!("SKIPPED: no corpus pages found");
        return;
    }
    println!("peak heap per page, as a multiple of the page's file size ({} pages)\n", pages.len());
    println!("| tool | median | max | max on | peak MB on the largest page | fixed MB |");
    println!("|---|---|---|---|---|---|");
    let largest = pages.iter().max_by_key(|(_, _, size)| *size).map(|(n, _, _)| n.clone()).unwrap_or_default();
    let mut matn_rows = Vec::new();
    let mut floor = Vec::new();
    for (tool_name, tool) in matn_compare::TOOLS {
        let start = HEAP.current_usage();
        for (_, page, _) in &pages {
            std::hint::black_box(tool(page));
        }
        let fixed = HEAP.current_usage().saturating_sub(start) as f64 / 1e6;
        let mut ratios: Vec<(f64, &str, usize)> = Vec::new();
        for (name, page, size) in &pages {
            let before = HEAP.current_usage();
            HEAP.reset_peak_usage();
            std::hint::black_box(tool(page));
            let peak = HEAP.peak_usage().saturating_sub(before);
            ratios.push((peak as f64 / *size as f64, name, peak));
            match tool_name {
                "matn" => matn_rows.push((name.clone(), *size, peak)),
                "parse_only" => floor.push(peak),
                _ => {}
            }
        }
        let big = ratios.iter().find(|r| r.1 == largest).map_or(0.0, |r| r.2 as f64 / 1e6);
        ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
        let median = ratios[ratios.len() / 2].0;
        let max = ratios[ratios.len() - 1];
        println!("| {tool_name} | {median:.2}× | {:.2}× | {} | {big:.2} ({largest}) | {fixed:.2} |", max.0, max.1);
    }
    println!("\nmatn, page by page (KB; the parse-only peak beside it):\n");
    println!("| page | page KB | matn peak KB | ratio | parse-only peak KB | ratio |\n|---|---|---|---|---|---|");
    for ((name, len, peak), parse) in matn_rows.into_iter().zip(floor) {
        let kb = |x: usize| x as f64 / 1e3;
        let ratio = |x: usize| x as f64 / len as f64;
        println!(
            "| {name} | {:.0} | {:.0} | {:.2}× | {:.0} | {:.2}× |",
            kb(len),
            kb(peak),
            ratio(peak),
            kb(parse),
            ratio(parse)
        );
    }
}
