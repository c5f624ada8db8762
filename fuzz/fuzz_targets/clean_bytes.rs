//! Fuzz target: any bytes through `matn::clean_bytes` (encoding sniffing, decoding, extraction).
//!
//! Whatever the input, `clean_bytes` must return `Ok` or a typed `Err`: no panic, no stack
//! overflow, no hang. On `Ok`, the article's renderers must not panic either, and `to_json` must
//! be valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match matn::clean_bytes(data) {
        Ok(article) => {
            let _ = article.text();
            let _ = article.text_lines();
            let json = article.to_json();
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
                panic!("to_json is not valid JSON ({e}): {json}");
            }
            assert!(article.encoding().is_some(), "clean_bytes gave no encoding");
            let c = article.confidence();
            assert!((0.0..=1.0).contains(&c), "confidence out of range: {c}");
        }
        Err(matn::Error::TooLarge { max, actual, .. }) => assert!(actual > max),
        Err(_) => {}
    }
});
