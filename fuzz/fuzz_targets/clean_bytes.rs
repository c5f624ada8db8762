//! Fuzz target: any bytes through `matn::clean_bytes` (encoding sniffing, decoding, extraction).
//!
//! Whatever the input, `clean_bytes` must return `Ok` or a typed `Err`: no panic, no stack
//! overflow, no hang. On `Ok`, the article's renderers must not panic either, and `to_json` must
//! be valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    match matn::clean_bytes(data) {
        Ok(article) => {
            check::article(&article);
            assert!(article.encoding().is_some(), "clean_bytes gave no encoding");
        }
        Err(matn::Error::TooLarge { max, actual, .. }) => assert!(actual > max),
        Err(_) => {}
    }
});
