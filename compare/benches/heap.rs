//! Heap per page, for matn and the peers on the same pages, counted by allocation-counter (the
//! allocations of this thread, which runs every tool).
//!
//! For each page and tool: the peak heap above what was live before the call, and the number of
//! allocations the call made. A warm-up run over every page comes first, so what a tool builds
//! once and keeps (rule tables, compiled regexes and their match caches) is not charged to
//! whichever page first needs it; that fixed cost is reported on its own. Reallocations count
//! the old and the new block for a moment, as they exist together. Run:
//! `cd compare && cargo bench --bench heap` (`MATN_PAGES=general` for the general news pages).

fn main() {
    let pages = matn_compare::corpus_pages();
    if pages.is_empty() {
        eprintln!("SKIPPED: no corpus pages found");
        return;
    }
    println!(
        "peak heap per page, as a multiple of the page's file size, and allocations per page ({} pages)\n",
        pages.len()
    );
    println!(
        "| tool | peak: median | max | max on | peak MB on the largest page | allocations: median per page | per KB of page, all pages | fixed MB |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let largest = pages.iter().max_by_key(|(_, _, size)| *size).map(|(n, _, _)| n.clone()).unwrap_or_default();
    let bytes: usize = pages.iter().map(|(_, _, size)| size).sum();
    let mut matn_rows = Vec::new();
    let mut floor = Vec::new();
    for (tool_name, tool) in matn_compare::TOOLS {
        let warm = allocation_counter::measure(|| {
            for (_, page, _) in &pages {
                std::hint::black_box(tool(page));
            }
        });
        let fixed = warm.bytes_current.max(0) as f64 / 1e6;
        let mut ratios: Vec<(f64, &str, u64)> = Vec::new();
        let mut counts: Vec<u64> = Vec::new();
        for (name, page, size) in &pages {
            let info = allocation_counter::measure(|| {
                std::hint::black_box(tool(page));
            });
            ratios.push((info.bytes_max as f64 / *size as f64, name, info.bytes_max));
            counts.push(info.count_total);
            match tool_name {
                "matn" => matn_rows.push((name.clone(), *size, info.bytes_max, info.count_total)),
                "parse_only" => floor.push((info.bytes_max, info.count_total)),
                _ => {}
            }
        }
        let big = ratios.iter().find(|r| r.1 == largest).map_or(0.0, |r| r.2 as f64 / 1e6);
        ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (median, max) = (ratios[ratios.len() / 2].0, ratios[ratios.len() - 1]);
        let per_kb = counts.iter().sum::<u64>() as f64 / (bytes as f64 / 1e3);
        counts.sort_unstable();
        let count = counts[counts.len() / 2];
        println!(
            "| {tool_name} | {median:.2}× | {:.2}× | {} | {big:.2} ({largest}) | {count} | {per_kb:.1} | {fixed:.2} |",
            max.0, max.1
        );
    }
    println!("\nmatn, page by page (the parse-only figures beside it):\n");
    println!("| page | page KB | matn peak KB | ratio | allocations | parse-only peak KB | ratio | allocations |");
    println!("|---|---|---|---|---|---|---|---|");
    for ((name, len, peak, count), (parse, parse_count)) in matn_rows.into_iter().zip(floor) {
        let kb = |x: u64| x as f64 / 1e3;
        let ratio = |x: u64| x as f64 / len as f64;
        println!(
            "| {name} | {:.0} | {:.0} | {:.2}× | {count} | {:.0} | {:.2}× | {parse_count} |",
            len as f64 / 1e3,
            kb(peak),
            ratio(peak),
            kb(parse),
            ratio(parse)
        );
    }
}
