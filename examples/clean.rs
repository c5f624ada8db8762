//! Extracts the article of one page and prints it.
//!
//! ```text
//! cargo run --example clean -- PAGE.html [--url URL] [--json | --format text|html|markdown|json] [--explain]
//! ```
//! The page is read as bytes, so any encoding works (windows-1256 included). `--json` is short
//! for `--format json`; `html` prints a standalone document (title, byline, body) and
//! `markdown` the title as a `#` heading followed by the body.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut url = None;
    let mut format = "text".to_string();
    let mut explain = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--url" => url = args.next(),
            "--json" => format = "json".to_string(),
            "--format" => format = args.next().unwrap_or_default(),
            "--explain" => explain = true,
            "-h" | "--help" => {
                eprintln!("usage: clean PAGE.html [--url URL] [--json | --format text|html|markdown|json] [--explain]");
                return ExitCode::SUCCESS;
            }
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: clean PAGE.html [--url URL] [--json | --format text|html|markdown|json] [--explain]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut cleaner = matn::Cleaner::new().explain(explain);
    if explain {
        // Show the best candidate even when it is not confident enough to be an article.
        cleaner = cleaner.min_confidence(0.0);
    }
    if let Some(u) = &url {
        cleaner = cleaner.url(u);
    }
    let article = match cleaner.clean_bytes(&bytes) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    match format.as_str() {
        "json" => println!("{}", article.to_json()),
        "html" => print!("{}", article.to_html_document()),
        "markdown" | "md" => print!("{}", article.to_markdown_document()),
        // The body text alone (the title and metadata are in `--format json`).
        "text" => println!("{}", article.text()),
        other => {
            eprintln!("unknown format {other:?}: use text, html, markdown or json");
            return ExitCode::from(2);
        }
    }
    if explain {
        eprintln!("--- removed blocks ---");
        for r in article.removed() {
            let text: String = r.text().chars().take(80).collect();
            eprintln!("[{}] {}", r.reason(), text);
        }
    }
    ExitCode::SUCCESS
}
