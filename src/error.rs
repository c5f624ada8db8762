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
    /// headlines, a page with too little text; or the input is binary data, not a page (an image,
    /// a gzip or executable file: confidence 0, no characters). `confidence` is the best
    /// candidate's score (0–1).
    #[error("no article found on the page (best candidate confidence {confidence:.2}, {chars} characters of text)")]
    NoArticle {
        /// Confidence of the best candidate region, from 0 to 1.
        confidence: f32,
        /// Characters of body text in the best candidate region.
        chars: usize,
    },
    /// The input is larger than a configured limit, or building its tree would cost more than
    /// the page's budget: the page was stopped at the bound, not after the whole parse.
    #[error("the input exceeds the {limit} limit: {actual} > {max}")]
    TooLarge {
        /// Which limit was hit.
        limit: Limit,
        /// The maximum.
        max: usize,
        /// What the input had (a lower bound when the count stopped early).
        actual: usize,
    },
}

/// The bound a page passed, in [`Error::TooLarge`].
///
/// ```
/// let err = matn::Cleaner::new().max_depth(50).clean(&"<b>".repeat(100)).unwrap_err();
/// assert!(matches!(err, matn::Error::TooLarge { limit: matn::Limit::Depth, .. }));
/// assert_eq!(matn::Limit::Depth.to_string(), "element depth");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Limit {
    /// Bytes of input ([`crate::Cleaner::max_input_bytes`]; html5ever's own limit is 4 GiB).
    InputBytes,
    /// Nodes of the page's tree ([`crate::Cleaner::max_nodes`]).
    Nodes,
    /// Elements open at once, of every kind ([`crate::Cleaner::max_depth`]).
    Depth,
    /// Bytes held by the page's tree: a multiple of the input's size (see the README).
    TreeBytes,
    /// Steps of the parser's walks down its stack of open elements: a multiple of the input's
    /// size (see the README).
    ParserWork,
}

impl Limit {
    /// The limit's name, as error messages give it.
    ///
    /// ```
    /// assert_eq!(matn::Limit::InputBytes.as_str(), "input bytes");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::InputBytes => "input bytes",
            Limit::Nodes => "tree nodes",
            Limit::Depth => "element depth",
            Limit::TreeBytes => "tree bytes",
            Limit::ParserWork => "parser work",
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
