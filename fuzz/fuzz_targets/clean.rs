//! Fuzz target: any valid UTF-8 input through `matn::clean`.
//!
//! Whatever the input, `clean` must return `Ok` or a typed `Err`: no panic, no stack overflow,
//! no hang. On `Ok`, the article's renderers must not panic either, and `to_json` must be valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    match matn::clean(html) {
        Ok(article) => {
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
        Err(matn::Error::Empty) => assert!(html.trim().is_empty(), "Empty for non-blank input"),
        Err(matn::Error::TooLarge { max, actual, .. }) => assert!(actual > max),
        Err(_) => {}
    }
});
