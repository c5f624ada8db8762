//! Extracts every page of folders, HTML files and WARC files, on every core, streaming.
//!
//! ```text
//! cargo run --release --example batch -- IN_DIR OUT_DIR [--threads N] [--urls FILE] [--no-url] [--explain]
//! cargo run --release --example batch -- INPUT... --jsonl FILE|- [--threads N] [--no-url] [--explain]
//! ```
//! An INPUT is a folder (its `*.html` pages and `*.warc` / `*.warc.gz` files), an HTML file or
//! a WARC file (the HTTP responses whose Content-Type is HTML or absent; the Content-Type's
//! charset is the decoding hint and `WARC-Target-URI` the page URL; chunked payloads are joined
//! and gzip / deflate Content-Encodings undone, as wget stores them).
//!
//! With OUT_DIR, every page `<stem>` gets `OUT_DIR/<stem>.txt` (the body, one paragraph per
//! line) and `OUT_DIR/<stem>.json` (the article, or `{"error": …}`), plus `OUT_DIR/_timings.json`
//! in the format of the peers harness. With `--jsonl`, one JSON object a line: `source` (the file,
//! `file#record` for a WARC record) and `given_url` (the URL the page was cleaned with: the
//! WARC-Target-URI, the gold file's or the `--urls` one, or null), then the keys of `Article::to_json` (whose `url` is the page's own,
//! canonical one), or `error`; in the order pages finish (with more than one thread, not the
//! input order). A closed output (`| head`) ends the run quietly.
//!
//! A page whose gold file (`<stem>.gold.json`) gives a `url` is cleaned with that URL, and so is
//! a page listed in `--urls FILE` (lines `<file name>\t…\t<url>\t…`: the first column starting
//! with `http` is the URL); `--no-url` turns URLs off. Prints pages, seconds and MB/s (on standard
//! error with `--jsonl`).
//!
//! Pages are read one at a time and handed to the workers through a queue as long as the thread
//! count, so memory is bounded by threads × page, not by the size of the input.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

const USAGE: &str = "usage: batch IN_DIR OUT_DIR [--threads N] [--urls FILE] [--no-url] [--explain]
       batch INPUT... --jsonl FILE|- [--threads N] [--urls FILE] [--no-url] [--explain]

INPUT: a folder (*.html, *.warc, *.warc.gz), an HTML file or a WARC file (.warc, .warc.gz).
  --jsonl FILE   write one JSON object a line to FILE (- for standard output)
  --threads N    worker threads (default: every core)
  --urls FILE    a TSV of <file name>\\t...\\t<url>: the URL of each page
  --no-url       clean without page URLs
  --explain      list the removed blocks and why (slower)
  -h, --help     this help";

/// What the command line asked for.
struct Args {
    inputs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    jsonl: Option<String>,
    threads: usize,
    urls: Option<PathBuf>,
    use_urls: bool,
    explain: bool,
}

/// Parses the command line; `Ok(None)` after printing the help.
fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        inputs: Vec::new(),
        out_dir: None,
        jsonl: None,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        urls: None,
        use_urls: true,
        explain: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("threads") => args.threads = parser.value()?.parse::<usize>()?.max(1),
            Long("jsonl") => args.jsonl = Some(parser.value()?.string()?),
            Long("urls") => args.urls = Some(parser.value()?.into()),
            Long("no-url") => args.use_urls = false,
            Long("explain") => args.explain = true,
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            Value(v) => args.inputs.push(v.into()),
            _ => return Err(arg.unexpected()),
        }
    }
    if args.jsonl.is_none() {
        if args.inputs.len() != 2 {
            return Err("give IN_DIR and OUT_DIR, or --jsonl FILE".into());
        }
        args.out_dir = args.inputs.pop();
    }
    if args.inputs.is_empty() {
        return Err("no input given".into());
    }
    Ok(Some(args))
}

/// One page to clean.
struct Job {
    /// Where it came from: the file name, or `file#record` for a WARC record.
    source: String,
    /// The stem of its output files.
    stem: String,
    bytes: Vec<u8>,
    url: Option<String>,
    content_type: Option<String>,
}

/// The page URLs of a crawl log (`--urls`) and of gold files.
struct Urls {
    listed: Vec<(String, String)>,
    on: bool,
}

impl Urls {
    fn load(args: &Args) -> Urls {
        let listed = args
            .urls
            .as_ref()
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
        Urls { listed, on: args.use_urls }
    }

    /// The URL of an HTML file: its gold file's `url`, else its line in `--urls`.
    fn of_file(&self, html: &Path) -> Option<String> {
        if !self.on {
            return None;
        }
        let stem = html.file_stem()?.to_str()?;
        let gold = std::fs::read_to_string(html.with_file_name(format!("{stem}.gold.json"))).ok();
        let from_gold = gold
            .and_then(|g| serde_json::from_str::<serde_json::Value>(&g).ok())
            .and_then(|v| v.get("url")?.as_str().map(str::to_string));
        from_gold.or_else(|| {
            let name = html.file_name()?.to_str()?;
            self.listed.iter().find(|(f, _)| f == name).map(|(_, u)| u.clone())
        })
    }
}

fn is_warc(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// The files of the inputs, folders expanded (sorted), in the order given.
fn files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            found.retain(|p| p.extension().is_some_and(|x| x == "html") || is_warc(p));
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    out
}

/// Reads every input, one page at a time, into the queue; returns the bytes read.
fn produce(files: &[PathBuf], urls: &Urls, queue: &SyncSender<Job>) -> u64 {
    let mut total = 0u64;
    for file in files {
        let name = file.display().to_string();
        if is_warc(file) {
            total += read_warc(file, &name, urls.on, queue);
            continue;
        }
        let Ok(bytes) = std::fs::read(file) else {
            eprintln!("cannot read {name}");
            continue;
        };
        total += bytes.len() as u64;
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("page").to_string();
        let job = Job { source: name, stem, bytes, url: urls.of_file(file), content_type: None };
        if queue.send(job).is_err() {
            break;
        }
    }
    total
}

/// Queues the HTML responses of one WARC file (`.warc`, or gzip members `.warc.gz`); returns
/// the payload bytes read.
fn read_warc(file: &Path, name: &str, use_urls: bool, queue: &SyncSender<Job>) -> u64 {
    let stem = file.file_name().and_then(|s| s.to_str()).unwrap_or("warc");
    let stem = stem.trim_end_matches(".gz").trim_end_matches(".warc").to_string();
    let opened = if name.ends_with(".gz") {
        warc::WarcReader::from_path_gzip(file).map(|r| queue_records(r, name, &stem, use_urls, queue))
    } else {
        // Not `WarcReader::from_path`: warc 0.4 opens the file with `create(true)`, which needs
        // write access (a read-only crawl fails) and makes an empty file of a mistyped name.
        std::fs::File::open(file)
            .map(|f| queue_records(warc::WarcReader::new(BufReader::new(f)), name, &stem, use_urls, queue))
    };
    opened.unwrap_or_else(|e| {
        eprintln!("cannot read {name}: {e}");
        0
    })
}

/// Queues the HTML responses of a WARC stream, one record in memory at a time.
fn queue_records<R: BufRead>(
    reader: warc::WarcReader<R>,
    name: &str,
    stem: &str,
    use_urls: bool,
    queue: &SyncSender<Job>,
) -> u64 {
    let mut total = 0u64;
    for (i, record) in reader.iter_records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{name}: record {i}: {e}; the rest of the file is skipped");
                break;
            }
        };
        if *record.warc_type() != warc::RecordType::Response {
            continue;
        }
        let Some((content_type, body)) = http_payload(record.body()) else { continue };
        total += body.len() as u64;
        let url = record.header(warc::WarcHeader::TargetURI).map(|u| u.into_owned()).filter(|_| use_urls);
        let job = Job { source: format!("{name}#{i}"), stem: format!("{stem}-{i}"), bytes: body, url, content_type };
        if queue.send(job).is_err() {
            break;
        }
    }
    total
}

/// The Content-Type and the payload of an HTTP response, when it is HTML (or says nothing); a
/// chunked payload (as wget and other crawlers store it) is joined, and a gzip or deflate
/// Content-Encoding undone. Common Crawl stores payloads decoded already.
fn http_payload(block: &[u8]) -> Option<(Option<String>, Vec<u8>)> {
    let end = block.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&block[..end]);
    let header = |name: &str| {
        head.split("\r\n")
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .find_map(|(k, v)| k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string()))
    };
    let content_type = header("content-type");
    let html = content_type.as_deref().is_none_or(|ct| {
        let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        mime == "text/html" || mime == "application/xhtml+xml"
    });
    if !html {
        return None;
    }
    let body = &block[end + 4..];
    let chunked = header("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let body = if chunked { dechunk(body).unwrap_or_else(|| body.to_vec()) } else { body.to_vec() };
    let body = match header("content-encoding") {
        Some(coding) => decode(&coding, body),
        None => body,
    };
    Some((content_type, body))
}

/// The bytes `body` stands for under the HTTP Content-Encoding `coding`: gzip or deflate
/// undone (at most one byte past matn's input bound, so a compression bomb stops there and
/// the page comes back `TooLarge`); `identity`, a coding we do not know, or a body that does
/// not decode as it says is given as it is (matn then finds it binary: `NoArticle`).
fn decode(coding: &str, body: Vec<u8>) -> Vec<u8> {
    use std::io::Read;
    // matn's default input bound (64 MiB), and one byte more.
    let limit = (64u64 << 20) + 1;
    let mut out = Vec::new();
    let read = match coding.trim().to_ascii_lowercase().as_str() {
        "gzip" | "x-gzip" => libflate::gzip::Decoder::new(&body[..]).and_then(|d| d.take(limit).read_to_end(&mut out)),
        // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
        "deflate" => {
            libflate::zlib::Decoder::new(&body[..]).and_then(|d| d.take(limit).read_to_end(&mut out)).or_else(|_| {
                out.clear();
                libflate::deflate::Decoder::new(&body[..]).take(limit).read_to_end(&mut out)
            })
        }
        _ => return body,
    };
    if read.is_ok() { out } else { body }
}

/// The data of a chunked HTTP body (`<hex size>[;ext]\r\n<data>\r\n` … `0\r\n`), or None when
/// it is not one.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = body.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&body[..eol]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        if size == 0 {
            return Some(out);
        }
        let data = body.get(eol + 2..eol + 2 + size)?;
        out.extend_from_slice(data);
        body = body.get(eol + 4 + size..)?;
    }
}

/// A cleaned page on its way to the writer.
struct Done {
    job: Job,
    result: Result<matn::Article, matn::Error>,
    secs: f64,
}

/// Cleans jobs from the queue until it closes.
fn work(queue: &Mutex<Receiver<Job>>, done: &SyncSender<Done>, explain: bool) {
    let base = if explain { matn::Cleaner::new().explain(true).min_confidence(0.0) } else { matn::Cleaner::new() };
    loop {
        let Ok(job) = queue.lock().unwrap_or_else(|e| e.into_inner()).recv() else { break };
        let t = Instant::now();
        let result = match &job.url {
            Some(u) => base.clone().url(u).clean_bytes_with_charset(&job.bytes, job.content_type.as_deref()),
            None => base.clean_bytes_with_charset(&job.bytes, job.content_type.as_deref()),
        };
        let secs = t.elapsed().as_secs_f64();
        if done.send(Done { job, result, secs }).is_err() {
            break;
        }
    }
}

/// Where the results go: per-page files in a folder, or JSON Lines.
enum Sink {
    Folder { dir: PathBuf, per_file: Vec<(String, f64)>, errors: Vec<(String, String)> },
    Lines(Box<dyn Write>),
}

impl Sink {
    /// Writes one result; an error means the output is gone (a closed pipe): stop.
    fn write(&mut self, done: &Done) -> std::io::Result<()> {
        match self {
            Sink::Folder { dir, per_file, errors } => {
                let (txt, json) = match &done.result {
                    Ok(a) => (a.text_lines(), a.to_json()),
                    Err(e) => {
                        errors.push((done.job.stem.clone(), e.to_string()));
                        (String::new(), format!("{{\"error\":{}}}", json_string(&e.to_string())))
                    }
                };
                std::fs::write(dir.join(format!("{}.txt", done.job.stem)), txt)?;
                std::fs::write(dir.join(format!("{}.json", done.job.stem)), json)?;
                per_file.push((done.job.stem.clone(), done.secs));
                Ok(())
            }
            Sink::Lines(out) => {
                let head = format!(
                    "{{\"source\":{},\"given_url\":{}",
                    json_string(&done.job.source),
                    done.job.url.as_deref().map_or("null".to_string(), json_string)
                );
                match &done.result {
                    Ok(a) => writeln!(out, "{head},{}", &a.to_json()[1..]),
                    Err(e) => writeln!(out, "{head},\"error\":{}}}", json_string(&e.to_string())),
                }
            }
        }
    }

    /// Flushes the output; for a folder, writes `_timings.json` (the peers harness's format).
    fn finish(self, threads: usize, total_bytes: u64) -> std::io::Result<()> {
        match self {
            Sink::Lines(mut out) => out.flush(),
            Sink::Folder { dir, mut per_file, errors } => {
                per_file.sort_by(|a, b| a.0.cmp(&b.0));
                let (n_files, total_seconds) = (per_file.len(), per_file.iter().map(|p| p.1).sum::<f64>());
                let map =
                    |pairs: Vec<(String, serde_json::Value)>| pairs.into_iter().collect::<serde_json::Map<_, _>>();
                let timings = serde_json::json!({
                    "tool": "matn",
                    "runtime": "rust",
                    "n_files": n_files,
                    "total_seconds": total_seconds,
                    "total_bytes": total_bytes,
                    "threads": threads,
                    "per_file_seconds": map(per_file.into_iter().map(|(k, v)| (k, v.into())).collect()),
                    "errors": map(errors.into_iter().map(|(k, v)| (k, v.into())).collect()),
                });
                std::fs::write(dir.join("_timings.json"), timings.to_string())
            }
        }
    }
}

/// A JSON string literal (serde_json's escaping).
fn json_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn open_sink(args: &Args) -> std::io::Result<Sink> {
    match (&args.jsonl, &args.out_dir) {
        (Some(path), _) if path == "-" => Ok(Sink::Lines(Box::new(std::io::BufWriter::new(std::io::stdout().lock())))),
        (Some(path), _) => Ok(Sink::Lines(Box::new(std::io::BufWriter::new(std::fs::File::create(path)?)))),
        (None, Some(dir)) => {
            std::fs::create_dir_all(dir)?;
            Ok(Sink::Folder { dir: dir.clone(), per_file: Vec::new(), errors: Vec::new() })
        }
        (None, None) => Err(std::io::Error::other("no output")),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("batch: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut sink = match open_sink(&args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("batch: cannot open the output: {e}");
            return ExitCode::from(2);
        }
    };
    let urls = Urls::load(&args);
    let files = files(&args.inputs);
    // Untimed warm-up: the rule table and the regexes are compiled on first use.
    let _ = matn::clean("<p>warm-up</p>");
    let (job_tx, job_rx) = sync_channel::<Job>(args.threads);
    let (done_tx, done_rx) = sync_channel::<Done>(args.threads);
    let start = Instant::now();
    let (mut pages, mut failed, mut broken) = (0usize, 0usize, None);
    let total_bytes = std::thread::scope(|s| {
        let job_rx = Arc::new(Mutex::new(job_rx));
        for _ in 0..args.threads {
            let (rx, tx) = (Arc::clone(&job_rx), done_tx.clone());
            s.spawn(move || work(&rx, &tx, args.explain));
        }
        // Only the workers hold the two ends now: when the writer stops, they stop, and so does
        // the producer.
        drop((job_rx, done_tx));
        let producer = s.spawn(move || produce(&files, &urls, &job_tx));
        for done in done_rx.iter() {
            pages += 1;
            failed += usize::from(done.result.is_err());
            if let Err(e) = sink.write(&done) {
                broken = Some(e);
                // Dropping the receiver stops the workers, and then the producer.
                break;
            }
        }
        drop(done_rx);
        producer.join().unwrap_or(0)
    });
    let elapsed = start.elapsed().as_secs_f64();
    if let Some(e) = broken {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("batch: cannot write: {e}");
        return ExitCode::from(1);
    }
    if let Err(e) = sink.finish(args.threads, total_bytes)
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("batch: cannot write: {e}");
        return ExitCode::from(1);
    }
    let summary = format!(
        "pages {pages}  seconds {elapsed:.3}  MB/s {:.1}  threads {}  errors {failed}",
        total_bytes as f64 / 1e6 / elapsed.max(1e-9),
        args.threads
    );
    // On standard output as it always was, unless the JSON Lines are there.
    if args.jsonl.is_some() {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    ExitCode::SUCCESS
}
