//! What both targets assert of an `Ok` article: renderers do not panic, `to_json` is valid JSON,
//! confidence is in 0–1.

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
}
