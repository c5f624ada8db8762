//! The crate's error type.

/// Why a page gave no article.
///
/// Every variant says what happened in its message, so a crawler can log it as it is.
///
/// ```
/// let err = matn::clean("   ").unwrap_err();
/// assert!(matches!(err, matn::Error::Empty));
/// assert_eq!(err.to_string(), "the input is empty (no text after trimming white space)");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input held nothing but white space.
    #[error("the input is empty (no text after trimming white space)")]
    Empty,
    /// The page parsed, but no region of it reads as an article: a homepage, a list of
    /// headlines, a page with too little text. `confidence` is the best candidate's score (0–1).
    #[error("no article found on the page (best candidate confidence {confidence:.2}, {chars} characters of text)")]
    NoArticle {
        /// Confidence of the best candidate region, from 0 to 1.
        confidence: f32,
        /// Characters of body text in the best candidate region.
        chars: usize,
    },
    /// The input is larger than a configured limit.
    #[error("the input exceeds the {limit} limit: {actual} > {max}")]
    TooLarge {
        /// Which limit was hit: "input bytes", "DOM nodes", "DOM depth"…
        limit: &'static str,
        /// The configured maximum.
        max: usize,
        /// What the input had (a lower bound when the count stopped early).
        actual: usize,
    },
}
