//! Each extractor behind one signature, for the comparison benchmark: HTML text in, body text out.

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
    rs_trafilatura::extract_with_options(html, &rs_trafilatura::Options::default()).map(|r| r.content_text.len()).unwrap_or(0)
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
