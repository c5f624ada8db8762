//! Each extractor behind one signature, for the comparison benchmarks: HTML text in, body text out.

use std::path::PathBuf;

/// The page sets of `../shared/corpus` (or `MATN_CORPUS`) the benchmarks run on, chosen by
/// `MATN_PAGES`: `arabic` (default: arabic-recon + arabic-real), `general` (trafilatura +
/// readability: mostly English and German news and blogs), or a comma-separated list of set
/// folders.
pub fn page_sets() -> Vec<String> {
    let choice = std::env::var("MATN_PAGES").unwrap_or_else(|_| "arabic".to_string());
    match choice.as_str() {
        "arabic" => vec!["arabic-recon".into(), "arabic-real".into()],
        "general" => vec!["trafilatura".into(), "readability".into()],
        list => list.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
    }
}

/// The pages of [`page_sets`], decoded once the way the peers harness decodes them (UTF-8, else
/// the `<meta charset>` of the first 4 KiB, else windows-1256), so every tool gets the same text:
/// file name, text, and the file's size in bytes. Empty when the corpus is absent.
pub fn corpus_pages() -> Vec<(String, String, usize)> {
    let corpus = std::env::var_os("MATN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let mut out = Vec::new();
    for sub in page_sets() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(&sub))
            .map(|r| {
                r.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "html"))
                    .filter(|p| !p.to_string_lossy().ends_with(".expected.html"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f) {
                let name = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                out.push((format!("{sub}/{name}"), decode(&bytes), bytes.len()));
            }
        }
    }
    out
}

/// UTF-8, else the charset a `<meta>` of the first 4 KiB declares, else windows-1256.
fn decode(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let declared = head.find("charset=").and_then(|at| {
        let label: String = head[at + 8..]
            .trim_start_matches(['"', '\'', ' '])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    declared.unwrap_or(encoding_rs::WINDOWS_1256).decode(bytes).0.into_owned()
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
