//! Fuzz target: any valid UTF-8 input through `matn::clean`.
//!
//! Whatever the input, `clean` must return `Ok` or a typed `Err`: no panic, no stack overflow,
//! no hang. On `Ok`, the article's renderers must not panic either, and `to_json` must be valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    match matn::clean(html) {
        Ok(article) => check::article(&article),
        Err(matn::Error::Empty) => assert!(html.trim().is_empty(), "Empty for non-blank input"),
        Err(matn::Error::TooLarge { max, actual, .. }) => assert!(actual > max),
        Err(_) => {}
    }
});
