//! Extracts the article of one page and prints it.
//!
//! ```text
//! cargo run --example clean -- PAGE.html [--url URL] [--json | --format text|html|markdown|json] [--explain]
//! ```
//! The page is read as bytes, so any encoding works (windows-1256 included); `-` reads standard
//! input. `--json` is short for `--format json`; `html` prints a standalone document (title,
//! byline, body) and `markdown` the title as a `#` heading followed by the body. A closed output
//! (`clean page.html | head`) ends quietly.

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: clean PAGE.html|- [--url URL] [--json | --format text|html|markdown|json] [--explain]

  --url URL       the page's URL (site rules, absolute links, a date in the URL)
  --format FMT    text (default), html, markdown or json; --json is --format json
  --explain       also list every removed block and why, on standard error
  -h, --help      this help";

/// What the command line asked for.
struct Args {
    path: String,
    url: Option<String>,
    format: String,
    explain: bool,
}

/// Parses the command line; `Ok(None)` after printing the help.
fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut path = None;
    let mut args = Args { path: String::new(), url: None, format: "text".to_string(), explain: false };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("url") => args.url = Some(parser.value()?.string()?),
            Long("json") => args.format = "json".to_string(),
            Long("format") => args.format = parser.value()?.string()?,
            Long("explain") => args.explain = true,
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(None);
            }
            Value(v) if path.is_none() => path = Some(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    if !matches!(args.format.as_str(), "text" | "html" | "markdown" | "md" | "json") {
        return Err(format!("unknown format {:?}: use text, html, markdown or json", args.format).into());
    }
    args.path = path.ok_or("no page given")?;
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clean: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let read = if args.path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).map(|_| b)
    } else {
        std::fs::read(&args.path)
    };
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {}: {e}", args.path);
            return ExitCode::from(2);
        }
    };
    let mut cleaner = matn::Cleaner::new().explain(args.explain);
    if args.explain {
        // Show the best candidate even when it is not confident enough to be an article.
        cleaner = cleaner.min_confidence(0.0);
    }
    if let Some(u) = &args.url {
        cleaner = cleaner.url(u);
    }
    let article = match cleaner.clean_bytes(&bytes) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{}: {e}", args.path);
            return ExitCode::from(1);
        }
    };
    let out = match args.format.as_str() {
        "json" => article.to_json() + "\n",
        "html" => article.to_html_document(),
        "markdown" | "md" => article.to_markdown_document(),
        // The body text alone (the title and metadata are in `--format json`).
        _ => article.text() + "\n",
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write: {e}");
            return ExitCode::from(1);
        }
    }
    if args.explain {
        eprintln!("--- removed blocks ---");
        for r in article.removed() {
            let text: String = r.text().chars().take(80).collect();
            eprintln!("[{}] {}", r.reason(), text);
        }
    }
    ExitCode::SUCCESS
}
