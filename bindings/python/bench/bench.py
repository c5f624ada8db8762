"""matn against Trafilatura in the same datatrove pipeline, and matn's thread scaling.

    pip install -r ../requirements-test.txt -r requirements.txt
    (cd .. && maturin build --release -o dist) && pip install ../dist/*.whl      # a release wheel
    python bench.py [--corpus DIR] [--sets SET...] [--only pipeline|threads] [--threads-rounds N] [--json FILE]

1. Writes one WARC (in a temporary folder, never in the repository) from every page of the
   corpus sets (../shared/corpus beside the repository, or $MATN_CORPUS: arabic-real,
   arabic-recon, arabic-listing, trafilatura, readability), with the gold URL as
   WARC-Target-URI when there is one and text/html as Content-Type and identified type.
2. Runs the pipeline WARC reader -> extractor -> JsonlWriter, one task, for:
   - Trafilatura(favour_precision=True) after datatrove's WarcReader (FineWeb's settings);
   - Matn() after MatnWarcReader (raw bytes + Content-Type), in datatrove's timeout sandbox
     as Trafilatura runs, and Matn(timeout=None) in-process;
   - Matn() after datatrove's WarcReader (str input), for the same reader as Trafilatura.
   ms/page is the extractor step's mean time per document from datatrove's own stats.
3. pages/s of one matn.Cleaner's extract over the same pages (bytes, in memory) from Python
   with 1 and 2 threads, measured in turn N times; medians and every round are printed, with
   the load average and the cores the process got (CPU time / wall time): on a machine busy
   with other work, pages per CPU second tells whether the threads themselves scale.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

import matn
from matn.datatrove import Matn, MatnWarcReader
from matn.warc import write_pages

SETS = ["arabic-real", "arabic-recon", "arabic-listing", "trafilatura", "readability"]


def corpus_pages(corpus: Path, sets: list[str]) -> list[tuple[str, bytes, str]]:
    """``(url, bytes, content type)`` of every page of the sets: the gold URL when there is one."""
    pages = []
    for s in sets:
        for p in sorted((corpus / s).glob("*.html")):
            url = None
            gold = p.with_name(p.stem + ".gold.json")
            if gold.exists():
                try:
                    url = json.loads(gold.read_text(encoding="utf-8")).get("url")
                except (json.JSONDecodeError, UnicodeDecodeError):
                    url = None
            pages.append((url or f"https://corpus.invalid/{s}/{p.stem}", p.read_bytes(), "text/html"))
    return pages


def run(name: str, reader, extractor, work: Path) -> dict:
    out = work / name
    stats = LocalPipelineExecutor(
        pipeline=[reader, extractor, JsonlWriter(str(out / "out"), compression=None)],
        tasks=1,
        logging_dir=str(out / "logs"),
    ).run()
    step = next(s for s in stats.stats if s.name.endswith(extractor.name))
    counts = {k: v.total for k, v in step.stats.items() if k not in ("doc_len",)}
    return {
        "name": name,
        "ms_per_page": step.time_stats.mean * 1000,
        "pages": step.time_stats.n,
        "forwarded": counts.get("forwarded", 0),
        "counts": counts,
    }


def threads_rates(pages: list[tuple[str, bytes, str]], rounds: int) -> dict[int, list[tuple[float, float]]]:
    """``(pages/s, cores used)`` of one shared ``matn.Cleaner`` over every page with 1 and with 2
    threads, the two measured in turn, ``rounds`` times each, so a load that comes and goes hits
    both alike. Cores used is the process's CPU time over the wall time: what the machine gave
    (a GIL held would keep it at 1 even on an idle machine)."""
    cleaner = matn.Cleaner()

    def one(page: tuple[str, bytes, str]) -> None:
        try:
            cleaner.extract(page[1], url=page[0], content_type=page[2])
        except matn.MatnError:
            pass

    rates: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    pools = {n: ThreadPoolExecutor(n) for n in rates}
    try:
        for pool in pools.values():
            list(pool.map(one, pages[:50]))  # warm-up: threads started, rule table compiled
        for _ in range(rounds):
            for n, pool in pools.items():
                t, cpu = time.perf_counter(), time.process_time()
                list(pool.map(one, pages))
                wall = time.perf_counter() - t
                rates[n].append((len(pages) / wall, (time.process_time() - cpu) / wall))
    finally:
        for pool in pools.values():
            pool.shutdown()
    return rates


def pipeline_rows(pages: list[tuple[str, bytes, str]]) -> list[dict]:
    """The datatrove pipelines over one WARC written from ``pages`` (in a temporary folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "warc").mkdir()
        write_pages(work / "warc" / "corpus.warc.gz", pages)
        warc = str(work / "warc")
        return [
            run("trafilatura", WarcReader(warc), Trafilatura(favour_precision=True), work),
            run("matn", MatnWarcReader(warc), Matn(), work),
            run("matn-in-process", MatnWarcReader(warc), Matn(timeout=None), work),
            run("matn-str-reader", WarcReader(warc), Matn(), work),
        ]


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    here = Path(__file__).resolve()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("MATN_CORPUS", here.parents[4] / "shared" / "corpus")))
    ap.add_argument("--sets", nargs="+", default=SETS, help="corpus folders to take the pages from")
    ap.add_argument("--only", choices=["pipeline", "threads"], help="run one of the two parts")
    ap.add_argument("--threads-rounds", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    pages = corpus_pages(args.corpus, args.sets)
    if not pages:
        print(f"SKIPPED: no corpus pages under {args.corpus} (set MATN_CORPUS)")
        return 0
    print(f"{len(pages)} pages of {', '.join(args.sets)}; {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}; load average {load()}")
    result: dict = {"pages": len(pages), "load_before": os.getloadavg()}
    if args.only != "threads":
        rows = result["rows"] = pipeline_rows(pages)
        traf = rows[0]["ms_per_page"]
        print(f"\none WARC, one datatrove task (load average now {load()})")
        print(f"{'extractor':<18} {'ms/page':>8} {'vs trafilatura':>15} {'pages':>6} {'forwarded':>10}  counts")
        for r in rows:
            print(f"{r['name']:<18} {r['ms_per_page']:>8.2f} {traf / r['ms_per_page']:>14.1f}x {r['pages']:>6} {r['forwarded']:>10}  {r['counts']}")
    if args.only != "pipeline":
        rates = result["threads"] = threads_rates(pages, args.threads_rounds)
        one, two = (statistics.median(r for r, _ in rates[n]) for n in (1, 2))
        cores = {n: statistics.median(c for _, c in rates[n]) for n in (1, 2)}
        print(f"\nmatn.Cleaner.extract from Python, {args.threads_rounds} rounds each, medians (load average now {load()})")
        print(f"1 thread {one:.0f} pages/s, 2 threads {two:.0f} pages/s: {two / one:.2f}x; cores used {cores[1]:.2f} and {cores[2]:.2f}")
        per_cpu = {n: statistics.median(r / c for r, c in rates[n]) for n in (1, 2)}
        print(f"pages per CPU second: 1 thread {per_cpu[1]:.0f}, 2 threads {per_cpu[2]:.0f} ({per_cpu[2] / per_cpu[1]:.2f}x; 1.00 means two threads cost no more per page than one, and scale with the cores the machine gives)")
        for n in (1, 2):
            print(f"rounds, {n} thread(s), pages/s (cores): " + " ".join(f"{r:.0f} ({c:.2f})" for r, c in rates[n]))
    result["load_after"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
