//! Each extractor behind one signature, for the comparison benchmarks: HTML text in, body text out.

use std::path::PathBuf;

/// The pages both benchmarks run on: ../shared/corpus arabic-recon + arabic-real (or
/// `MATN_CORPUS`), decoded once (the two legacy pages are windows-1256): file name, text, and
/// the file's size in bytes. Empty when the corpus is absent.
pub fn corpus_pages() -> Vec<(String, String, usize)> {
    let corpus = std::env::var_os("MATN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let mut out = Vec::new();
    for sub in ["arabic-recon", "arabic-real"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(sub))
            .map(|r| {
                r.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "html"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f) {
                let text = match std::str::from_utf8(&bytes) {
                    Ok(s) => s.to_string(),
                    Err(_) => encoding_rs::WINDOWS_1256.decode(&bytes).0.into_owned(),
                };
                let name = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                out.push((name, text, bytes.len()));
            }
        }
    }
    out
}

/// An extractor: page text in, length of what it extracted out.
pub type Tool = fn(&str) -> usize;

/// Every tool of the comparison, by name.
pub const TOOLS: [(&str, Tool); 6] = [
    ("parse_only", parse_only),
    ("matn", matn),
    ("dom_smoothie", dom_smoothie),
    ("rs_trafilatura", rs_trafilatura),
    ("readability_kumabook", readability_kumabook),
    ("llm_readability", llm_readability),
];

/// html5ever into markup5ever_rcdom and nothing else: the floor of every html5ever-based extractor.
pub fn parse_only(html: &str) -> usize {
    use html5ever::tendril::TendrilSink;
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default()).one(html);
    dom.document.children.borrow().len()
}

/// matn with default settings.
pub fn matn(html: &str) -> usize {
    matn::clean(html).map(|a| a.text().len()).unwrap_or(0)
}

/// dom_smoothie, text mode "formatted", as the peers harness calls it.
pub fn dom_smoothie(html: &str) -> usize {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    dom_smoothie::Readability::new(html, Some("http://localhost/"), Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.len())
        .unwrap_or(0)
}

/// rs-trafilatura with its defaults.
pub fn rs_trafilatura(html: &str) -> usize {
    rs_trafilatura::extract_with_options(html, &rs_trafilatura::Options::default())
        .map(|r| r.content_text.len())
        .unwrap_or(0)
}

/// readability (kumabook), extracted HTML length (the text conversion is not the extractor's).
pub fn readability_kumabook(html: &str) -> usize {
    let Ok(u) = url::Url::parse("http://localhost/") else { return 0 };
    let mut input: &[u8] = html.as_bytes();
    readability::extractor::extract(&mut input, &u).map(|p| p.content.len()).unwrap_or(0)
}

/// llm_readability, extracted HTML length.
pub fn llm_readability(html: &str) -> usize {
    let Ok(u) = url::Url::parse("http://localhost/") else { return 0 };
    let mut input: &[u8] = html.as_bytes();
    llm_readability::extractor::extract(&mut input, &u).map(|p| p.content.len()).unwrap_or(0)
}
