//! Paired timing of matn and the peers, a check on `peers`: criterion measures one tool after the
//! other, so a machine whose speed drifts (a shared host) skews their ratios. Here every round runs
//! each tool once over all the pages, in an order that rotates from round to round; ratios are
//! taken within a round, where all tools met the same machine, and their median is reported.
//! Run: `cd compare && cargo bench --bench rounds` (`MATN_ROUNDS`, default 30; `MATN_PAGES=general`
//! for the general news pages, see `matn_compare::page_sets`).

use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let pages: Vec<String> = matn_compare::corpus_pages().into_iter().map(|(_, p, _)| p).collect();
    if pages.is_empty() {
        eprintln!("SKIPPED: no corpus pages found");
        return;
    }
    let rounds: usize = std::env::var("MATN_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let tools = matn_compare::TOOLS;
    let run = |tool: matn_compare::Tool| pages.iter().map(|p| std::hint::black_box(tool(p))).sum::<usize>();
    for (_, tool) in tools {
        run(tool);
    }
    let mut ms = vec![Vec::new(); tools.len()];
    for r in 0..rounds {
        for k in 0..tools.len() {
            let t = (k + r) % tools.len();
            let start = Instant::now();
            std::hint::black_box(run(tools[t].1));
            ms[t].push(start.elapsed().as_secs_f64() * 1e3);
        }
    }
    let at = |name: &str| tools.iter().position(|(n, _)| *n == name).unwrap_or(0);
    let (matn, parse) = (at("matn"), at("parse_only"));
    let mib = pages.iter().map(String::len).sum::<usize>() as f64 / (1024.0 * 1024.0);
    println!(
        "{} pages of {} ({mib:.2} MiB), {rounds} rounds, medians\n",
        pages.len(),
        matn_compare::page_sets().join(" + ")
    );
    println!("| tool | ms (all pages) | ms/page | MiB/s | time ÷ matn's | time ÷ parse-only's |");
    println!("|---|---|---|---|---|---|");
    for (t, (name, _)) in tools.iter().enumerate() {
        let mut over_matn: Vec<f64> = ms[t].iter().zip(&ms[matn]).map(|(a, b)| a / b).collect();
        let mut over_parse: Vec<f64> = ms[t].iter().zip(&ms[parse]).map(|(a, b)| a / b).collect();
        let m = median(&mut ms[t].clone());
        println!(
            "| {name} | {m:.1} | {:.2} | {:.1} | {:.2} | {:.2} |",
            m / pages.len() as f64,
            mib / (m / 1e3),
            median(&mut over_matn),
            median(&mut over_parse)
        );
    }
}
