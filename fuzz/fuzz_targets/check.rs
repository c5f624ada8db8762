//! What both targets assert of an `Ok` article: renderers do not panic, `to_json` is valid JSON,
//! confidence is in 0–1, and no link other than an `http(s)` one (or a relative one) leaves the
//! library: not the URL, not the image, not an image block.

pub fn article(article: &matn::Article) {
    let _ = article.text();
    let _ = article.text_lines();
    let json = article.to_json();
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("to_json is not valid JSON ({e}): {json}");
    }
    let c = article.confidence();
    assert!((0.0..=1.0).contains(&c), "confidence out of range: {c}");
    if let Some(d) = article.published() {
        let _ = d.to_iso();
    }
    let images = article.blocks().iter().filter_map(|b| b.image()).map(|i| i.src());
    for link in article.url().into_iter().chain(article.image()).chain(images) {
        assert!(web_link(link), "a link that is not http(s) left the library: {link:?}");
    }
}

/// Whether `link` is an `http(s)` URL or a relative one: no scheme (letters, digits, `+-.`
/// before a `:` ahead of any `/?#`), once the characters URL parsers skip are taken out.
fn web_link(link: &str) -> bool {
    let link: String = link.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let link = link.trim_start_matches(|c: char| c <= ' ');
    let Some(colon) = link.find(':') else { return true };
    let scheme = &link[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme || scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}
