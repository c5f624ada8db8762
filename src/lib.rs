//! # matn — the main text of a news page
//!
//! matn (متن, "the main text") takes the HTML of a news page — Arabic first, any language
//! well — and gives back the article: title, credits, dates and body, with the site's chrome
//! (menus, tickers, "الأكثر قراءة" lists, "اقرأ أيضا" boxes, share bars, app banners,
//! comments, footers) removed.
//!
//! ```
//! let html = r#"<html lang="ar"><head><title>افتتاح مشروع جديد - صدى المدينة</title></head><body>
//!   <nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
//!   <h1>افتتاح مشروع جديد</h1>
//!   <div class="byline">كتب أحمد سمير</div>
//!   <div id="articleBody">
//!     <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
//!     <p>اقرأ أيضا: <a href="/x">الحكومة تعلن خطة جديدة</a></p>
//!     <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
//!   </div>
//!   <div class="most-read"><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر أول</a></li></ul></div>
//! </body></html>"#;
//!
//! let article = matn::clean(html)?;
//! assert_eq!(article.title(), Some("افتتاح مشروع جديد"));
//! assert_eq!(article.persons(), ["أحمد سمير"]);
//! assert_eq!(article.text_lines().lines().count(), 2);
//! assert!(!article.text().contains("اقرأ أيضا"));
//! # Ok::<(), matn::Error>(())
//! ```
//!
//! The pipeline follows the data: **input** (bytes → text) → **dom** (parse, one iterative walk
//! into a flat list of blocks) → **rules** (the chrome table) → **score** (a pure function over
//! block features) → **select** (the article region, pruned) → **meta** (title, credits, dates…)
//! → **article** (output types and renderers). Use [`Cleaner`] to set the page URL, add site
//! rules, change thresholds and limits.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod dom;
mod error;
mod input;
mod meta;
mod model;
mod normalize;
mod page_url;
mod render;
mod rules;
mod scan;
pub mod score;
mod select;
mod tree;
mod words;

use std::sync::{Arc, OnceLock};

use once_cell::sync::Lazy;

pub use error::{Error, Limit};
pub use model::{Article, Author, AuthorKind, Block, BlockKind, Date, Direction, Image, Removed};
pub use normalize::{NormalizeOptions, normalize_arabic};
pub use rules::{Action, Rule, SelectorError};

use page_url::PageUrl;
use rules::{PageRules, RuleSet};
use select::Reason;

/// Extracts the article of a page with the default settings.
///
/// Returns [`Error::Empty`] for blank input, [`Error::NoArticle`] for pages that are not an
/// article (homepages, lists of headlines), and [`Error::TooLarge`] past the default limits.
///
/// ```
/// let err = matn::clean("<html><body><a href='/'>الرئيسية</a></body></html>").unwrap_err();
/// assert!(matches!(err, matn::Error::NoArticle { .. }));
/// ```
pub fn clean(html: &str) -> Result<Article, Error> {
    DEFAULT.clean(html)
}

/// Extracts the article of a page given as bytes in any encoding (BOM, `<meta charset>`,
/// else detection of UTF-8 / windows-1256 / ISO-8859-6 / windows-1252).
///
/// ```
/// let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(
///     "<html><head><meta charset=windows-1256></head><body><article>\
///      <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>\
///      <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>\
///      </article></body></html>");
/// let article = matn::clean_bytes(&bytes).unwrap();
/// assert!(article.text().starts_with("افتتح وزير"));
/// ```
pub fn clean_bytes(bytes: &[u8]) -> Result<Article, Error> {
    DEFAULT.clean_bytes(bytes)
}

static DEFAULT: Lazy<Cleaner> = Lazy::new(Cleaner::new);
static DEFAULT_RULES: Lazy<Arc<RuleSet>> = Lazy::new(|| Arc::new(RuleSet::new(&rules::default_rules())));

/// The features the scorer sees for every block of a page, with the default rule table: for
/// benchmarks of [`score::score_blocks`] and for trying other scorers on real pages. The
/// pipeline (parse, walk, rules) runs here, so the scorer stays a pure function of features.
///
/// ```
/// let html = "<html><body><nav><a href='/'>الرئيسية</a></nav><p>نص المقال هنا، وهو نص قصير.</p></body></html>";
/// let features = matn::page_features(html);
/// assert_eq!(features.len(), 2);
/// assert_eq!(features[0].link_chars, features[0].chars);
/// ```
pub fn page_features(html: &str) -> Vec<score::Features> {
    let rules = DEFAULT.rule_set().for_host(None);
    match dom::parse(html, &rules, DEFAULT.limits()) {
        Ok(page) => select::features(&page, &rules).0,
        Err(_) => Vec::new(),
    }
}

/// Settings for extraction: the page URL, extra site rules, thresholds and limits.
///
/// A `Cleaner` is cheap to clone and can be shared across threads; build it once and call
/// [`Cleaner::clean`] for every page.
///
/// ```
/// use matn::{Action, Cleaner, Rule};
/// let cleaner = Cleaner::new()
///     .url("https://www.example.com/news/2024/03/15/story")
///     .rule(Rule::class("promo-box", Action::Remove))
///     .max_input_bytes(8 << 20);
/// let html = r#"<html><body><article>
///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
///   <div class="promo-box"><p>عرض خاص لفترة محدودة على كل الاشتراكات في الموقع اليوم فقط، سارع بالاشتراك.</p></div>
///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
/// </article></body></html>"#;
/// let article = cleaner.clean(html).unwrap();
/// assert!(!article.text().contains("عرض خاص"));
/// assert_eq!(article.published().map(|d| d.date_iso()), Some("2024-03-15".to_string()));
/// ```
#[derive(Debug, Clone)]
pub struct Cleaner {
    url: Option<PageUrl>,
    extra: Vec<Rule>,
    defaults: bool,
    /// The rule table, compiled on first use after the rules last changed.
    compiled: OnceLock<Arc<RuleSet>>,
    min_score: f32,
    min_confidence: f32,
    explain: bool,
    now: Option<Date>,
    max_input_bytes: usize,
    max_nodes: usize,
    max_depth: usize,
    max_block_bytes: usize,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

impl Cleaner {
    /// The default settings: the built-in rule table, no URL, limits of 64 MiB of input,
    /// 4,000,000 tree nodes, elements open 512 deep and 1,000,000 bytes of text per block (and
    /// the bounds that grow with the input, in the README).
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new();
    /// assert!(cleaner.clean("").is_err());
    /// ```
    pub fn new() -> Cleaner {
        Cleaner {
            url: None,
            extra: Vec::new(),
            defaults: true,
            compiled: OnceLock::from(Arc::clone(&DEFAULT_RULES)),
            min_score: 0.1,
            min_confidence: 0.2,
            explain: false,
            now: None,
            max_input_bytes: 64 << 20,
            max_nodes: 4_000_000,
            max_depth: 512,
            max_block_bytes: 1_000_000,
        }
    }

    /// The page's URL: picks the site rules for its host, makes image links absolute, and gives
    /// a date when the URL carries one. A URL that does not parse (or has no host) is ignored.
    ///
    /// ```
    /// let html = r#"<html><body><article><img src="/photo.jpg">
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// let article = matn::Cleaner::new().url("https://www.example.com/story/2021/7/20/x/5404931").clean(html)?;
    /// assert_eq!(article.published().map(|d| d.date_iso()), Some("2021-07-20".to_string()));
    /// assert_eq!(article.blocks()[0].image().unwrap().src(), "https://www.example.com/photo.jpg");
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn url(mut self, url: &str) -> Cleaner {
        self.url = PageUrl::parse(url);
        self
    }

    /// Adds a rule to the table (after the defaults; site rules win over generic ones). The
    /// table is compiled once, on the first page after the rules last changed, so adding many
    /// rules one by one costs nothing more than [`Cleaner::rules`].
    ///
    /// ```
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>شاهد كمان: فيديو الافتتاح</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// assert!(matn::clean(html)?.text().contains("شاهد كمان"));
    /// let cleaner = matn::Cleaner::new().rule(matn::Rule::phrase("شاهد كمان", matn::Action::Remove));
    /// assert!(!cleaner.clean(html)?.text().contains("شاهد كمان"));
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn rule(self, rule: Rule) -> Cleaner {
        self.rules([rule])
    }

    /// Adds several rules to the table at once (after the defaults and the rules added before).
    ///
    /// ```
    /// use matn::{Action, Rule};
    /// let cleaner = matn::Cleaner::new()
    ///     .rules([Rule::class("promo-box", Action::Remove), Rule::phrase("شاهد كمان", Action::Remove)]);
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <div class="promo-box"><p>عرض خاص لفترة محدودة على كل الاشتراكات في الموقع اليوم فقط، سارع بالاشتراك.</p></div>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// assert!(!cleaner.clean(html)?.text().contains("عرض خاص"));
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn rules(mut self, rules: impl IntoIterator<Item = Rule>) -> Cleaner {
        self.extra.extend(rules);
        self.compiled = OnceLock::new();
        self
    }

    /// Replaces the built-in rule table with `rules` alone.
    ///
    /// ```
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>اقرأ أيضا: خبر آخر</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// let bare = matn::Cleaner::new().replace_rules(vec![matn::Rule::class("ad", matn::Action::Remove)]);
    /// assert!(bare.clean(html)?.text().contains("اقرأ أيضا"));
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn replace_rules(mut self, rules: Vec<Rule>) -> Cleaner {
        self.defaults = false;
        self.extra.clear();
        self.rules(rules)
    }

    /// The compiled rule table, built now if the rules changed since it was last built.
    fn rule_set(&self) -> &RuleSet {
        self.compiled.get_or_init(|| {
            let mut all = if self.defaults { rules::default_rules() } else { Vec::new() };
            all.extend(self.extra.iter().cloned());
            Arc::new(RuleSet::new(&all))
        })
    }

    /// The score (0–1) a block needs to stay in the article. Default 0.1; lower keeps more,
    /// higher keeps only the blocks that read most like prose (short paragraphs
    /// score lower than long ones, so a high threshold can leave no article at all).
    ///
    /// ```
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p><a href="/a">الإسكان</a> <a href="/b">المدن الجديدة</a></p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// let lenient = matn::Cleaner::new().min_block_score(0.0).clean(html)?;
    /// let default = matn::Cleaner::new().clean(html)?;
    /// assert_eq!((lenient.blocks().len(), default.blocks().len()), (3, 2));
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn min_block_score(mut self, score: f32) -> Cleaner {
        self.min_score = score.clamp(0.0, 1.0);
        self
    }

    /// Below this confidence (0–1) `clean` returns [`Error::NoArticle`]. Default 0.2; set 0 to
    /// always get the best candidate and judge [`Article::confidence`] yourself.
    ///
    /// ```
    /// let list = r#"<html><body><ul><li><a href="/1">خبر أول</a></li><li><a href="/2">خبر ثان</a></li></ul></body></html>"#;
    /// assert!(matches!(matn::clean(list), Err(matn::Error::NoArticle { .. })));
    /// let best = matn::Cleaner::new().min_confidence(0.0).clean(list);
    /// assert!(best.map_or(true, |a| a.confidence() < 0.5));
    /// ```
    #[must_use]
    pub fn min_confidence(mut self, confidence: f32) -> Cleaner {
        self.min_confidence = confidence.clamp(0.0, 1.0);
        self
    }

    /// Records every block left out, with the rule or score that removed it
    /// ([`Article::removed`]): what you need to write a site rule.
    ///
    /// ```
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>اقرأ أيضا: خبر آخر</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// assert!(matn::clean(html)?.removed().is_empty());
    /// assert!(!matn::Cleaner::new().explain(true).clean(html)?.removed().is_empty());
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn explain(mut self, on: bool) -> Cleaner {
        self.explain = on;
        self
    }

    /// The time relative dates ("منذ 3 ساعات") count back from, as ISO 8601. Without it,
    /// relative dates are ignored. An unreadable value is ignored too.
    ///
    /// ```
    /// let html = r#"<html><body><h1>افتتاح مشروع جديد</h1><div class="date">منذ 3 ساعات</div><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// let cleaner = matn::Cleaner::new().reference_time("2024-03-15T12:00:00+03:00");
    /// assert_eq!(cleaner.clean(html)?.published().map(|d| d.date_iso()), Some("2024-03-15".to_string()));
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn reference_time(mut self, iso: &str) -> Cleaner {
        self.now = meta::parse_iso(iso);
        self
    }

    /// The largest input accepted, in bytes (default 64 MiB; never more than 4 GiB, the
    /// parser's limit); larger input is [`Error::TooLarge`].
    ///
    /// ```
    /// let err = matn::Cleaner::new().max_input_bytes(10).clean("<p>أكثر من عشرة بايتات</p>").unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: matn::Limit::InputBytes, .. }));
    /// ```
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Cleaner {
        self.max_input_bytes = bytes;
        self
    }

    /// The most nodes (elements, text, comments) of the page's tree (default 4,000,000): the
    /// parse stops soon after the limit, which is [`Error::TooLarge`] with [`Limit::Nodes`].
    ///
    /// ```
    /// let err = matn::Cleaner::new().max_nodes(20).clean(&"<p>نص</p>".repeat(50)).unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: matn::Limit::Nodes, .. }));
    /// ```
    #[must_use]
    pub fn max_nodes(mut self, nodes: usize) -> Cleaner {
        self.max_nodes = nodes;
        self
    }

    /// How many elements may be open at once, of every kind (`<html>` and `<body>` count, and
    /// inline, formatting, SVG and MathML elements; default 512, as browsers; real pages stay
    /// below 100). Deeper input is [`Error::TooLarge`] with [`Limit::Depth`]: the parser's time
    /// grows with the square of that depth, so this bound keeps a hostile page from taking
    /// minutes.
    ///
    /// ```
    /// let err = matn::Cleaner::new().max_depth(100).clean(&"<div>".repeat(101)).unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: matn::Limit::Depth, .. }));
    /// let err = matn::Cleaner::new().max_depth(100).clean(&"<span>".repeat(101)).unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: matn::Limit::Depth, .. }));
    /// ```
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Cleaner {
        self.max_depth = depth;
        self
    }

    /// The most bytes of text kept per block (default 1,000,000): longer text is truncated at a
    /// character boundary.
    ///
    /// ```
    /// let long = format!("<html><body><article><p>{}</p></article></body></html>", "كلمة عربية، ".repeat(5_000));
    /// let article = matn::Cleaner::new().max_block_bytes(1_000).clean(&long)?;
    /// assert!(article.text().len() <= 1_000);
    /// # Ok::<(), matn::Error>(())
    /// ```
    #[must_use]
    pub fn max_block_bytes(mut self, bytes: usize) -> Cleaner {
        self.max_block_bytes = bytes.max(16);
        self
    }

    /// Extracts the article of a page given as bytes: see [`clean_bytes`].
    ///
    /// ```
    /// let err = matn::Cleaner::new().clean_bytes(b"  \n ").unwrap_err();
    /// assert_eq!(err, matn::Error::Empty);
    /// ```
    pub fn clean_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        self.clean_bytes_with_charset(bytes, None)
    }

    /// Extracts the article of a page given as bytes, with the charset the server declared (an
    /// HTTP `Content-Type` value such as `text/html; charset=windows-1256`, or a bare label). A
    /// byte-order mark still wins over it.
    ///
    /// ```
    /// let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(
    ///     "<html><body><article>\
    ///      <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>\
    ///      <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>\
    ///      </article></body></html>");
    /// let article = matn::Cleaner::new()
    ///     .clean_bytes_with_charset(&bytes, Some("text/html; charset=windows-1256"))
    ///     .unwrap();
    /// assert!(article.text().contains("وزير الإسكان"));
    /// ```
    pub fn clean_bytes_with_charset(&self, bytes: &[u8], charset: Option<&str>) -> Result<Article, Error> {
        if bytes.len() > self.max_input_bytes {
            return Err(Error::TooLarge { limit: Limit::InputBytes, max: self.max_input_bytes, actual: bytes.len() });
        }
        let decoded = input::decode(bytes, charset);
        // The limit is on the bytes given: decoded text may be longer (windows-1256 Arabic
        // takes two bytes a letter in UTF-8).
        let mut article = self.clean_decoded(&decoded.text)?;
        article.encoding = Some(decoded.encoding.name());
        Ok(article)
    }

    /// Extracts the article of a page.
    ///
    /// ```
    /// let html = "<html><body><article><p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح.</p>\
    ///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى مهمة.</p></article></body></html>";
    /// let article = matn::Cleaner::new().clean(html).unwrap();
    /// assert_eq!(article.blocks().len(), 2);
    /// ```
    pub fn clean(&self, html: &str) -> Result<Article, Error> {
        if html.len() > self.max_input_bytes {
            return Err(Error::TooLarge { limit: Limit::InputBytes, max: self.max_input_bytes, actual: html.len() });
        }
        self.clean_decoded(html)
    }

    /// [`Cleaner::clean`] once the input's size is checked.
    fn clean_decoded(&self, html: &str) -> Result<Article, Error> {
        if html.trim().is_empty() {
            return Err(Error::Empty);
        }
        // Binary data (an image, a gzip or executable file, random bytes) is no page.
        if input::looks_binary(html) {
            return Err(Error::NoArticle { confidence: 0.0, chars: 0 });
        }
        let host = self.url.as_ref().and_then(PageUrl::host);
        let rules = self.rule_set().for_host(host.as_deref());
        let page = dom::parse(html, &rules, self.limits())?;
        if page.total_chars == 0 && !page.blocks.iter().any(|b| b.kind == BlockKind::Image) {
            return Err(Error::NoArticle { confidence: 0.0, chars: 0 });
        }
        let mut sel = select::select(&page, &rules, self.min_score);
        let mut read: Vec<usize> = sel.kept.iter().chain(&sel.trailing).copied().collect();
        read.sort_unstable();
        let m = meta::extract(&page, &read, self.url.as_ref().map(PageUrl::as_str), self.now.as_ref());
        set_metadata_lines_apart(&page, &mut sel, &m.meta_blocks);
        let signs = select::PageSigns {
            declared_article: m.declared_article,
            dated: m.published.is_some(),
            has_url: self.url.is_some(),
            front_page: self.url.as_ref().is_some_and(PageUrl::is_front_page),
            article_url: self.url.as_ref().is_some_and(PageUrl::looks_like_article),
        };
        sel.weigh(signs);
        self.judge(&page, &sel)?;
        let removed = if self.explain { explain_removed(&page, &rules, &mut sel) } else { Vec::new() };
        Ok(self.assemble(&page, &sel, m, removed))
    }

    /// The limits of the parse and the walk.
    fn limits(&self) -> dom::Limits {
        dom::Limits { max_nodes: self.max_nodes, max_depth: self.max_depth, max_block_bytes: self.max_block_bytes }
    }

    /// Decides whether the selection is an article: `NoArticle` when no text is kept or the
    /// confidence (weighed with the page's signs, see `Selection::weigh`) is below the threshold.
    fn judge(&self, page: &dom::Page, sel: &select::Selection) -> Result<(), Error> {
        let has_text = sel.kept.iter().any(|&i| page.blocks[i].kind != BlockKind::Image);
        if !has_text || sel.confidence < self.min_confidence {
            return Err(Error::NoArticle { confidence: sel.confidence, chars: sel.chars });
        }
        Ok(())
    }

    /// The article: the metadata, and the kept blocks with images made absolute (against the
    /// page's canonical URL, else the caller's) and their captions attached.
    fn assemble(&self, page: &dom::Page, sel: &select::Selection, m: meta::Meta, removed: Vec<Removed>) -> Article {
        let canonical = m.url.as_deref().and_then(PageUrl::parse);
        let base = canonical.as_ref().or(self.url.as_ref());
        let mut blocks = Vec::with_capacity(sel.kept.len());
        for &i in &sel.kept {
            let b = &page.blocks[i];
            let Some(src) = &b.src else {
                blocks.push(Block { kind: b.kind, text: b.text.clone(), image: None });
                continue;
            };
            let Some(src) = page_url::resolve(base, src) else { continue };
            let caption = sel.captions.iter().find(|(_, img)| *img == i).map(|(c, _)| page.blocks[*c].text.clone());
            let image = Image { src, alt: b.text.clone(), caption };
            blocks.push(Block { kind: b.kind, text: String::new(), image: Some(image) });
        }
        let url = m.url.or_else(|| self.url.as_ref().map(|u| u.as_str().to_string()));
        Article {
            title: m.title,
            authors: m.authors,
            published: m.published,
            modified: m.modified,
            site_name: m.site_name,
            url: url.and_then(|u| page_url::resolve(self.url.as_ref(), &u)),
            lang: m.lang,
            dir: m.dir,
            description: m.description,
            image: m.image.and_then(|i| page_url::resolve(base, &i)),
            tags: m.tags,
            section: m.section,
            blocks,
            confidence: sel.confidence,
            removed,
            encoding: None,
        }
    }
}

/// Takes the headline, byline and date lines that metadata read out of the kept blocks.
fn set_metadata_lines_apart(page: &dom::Page, sel: &mut select::Selection, meta_blocks: &[usize]) {
    if meta_blocks.is_empty() {
        return;
    }
    sel.kept.retain(|i| meta_blocks.binary_search(i).is_err());
    sel.removed.retain(|(i, _)| meta_blocks.binary_search(i).is_err());
    sel.removed.extend(meta_blocks.iter().map(|&i| (i, Reason::Metadata)));
    sel.chars = sel
        .kept
        .iter()
        .filter(|&&i| page.blocks[i].kind != BlockKind::Image)
        .map(|&i| page.blocks[i].text.chars().count())
        .sum();
}

/// Every text block left out, in page order, with why.
fn explain_removed(page: &dom::Page, rules: &PageRules, sel: &mut select::Selection) -> Vec<Removed> {
    let rule = |r: u16| rules.get(r).map_or_else(|| "rule".to_string(), Rule::describe);
    sel.removed.sort_by_key(|(i, _)| *i);
    sel.removed
        .iter()
        .filter(|(i, _)| page.blocks[*i].kind != BlockKind::Image)
        .map(|(i, reason)| Removed {
            text: page.blocks[*i].text.clone(),
            reason: match reason {
                Reason::Rule(r) => rule(*r),
                Reason::Trimmed(r) => format!("after {}", rule(*r)),
                Reason::OutsideRegion => "outside the article region".to_string(),
                Reason::ChromeElement => "inside nav, footer, aside, form or a chrome landmark".to_string(),
                Reason::LowScore(s) => format!("score {s:.2}"),
                Reason::Caption => "caption".to_string(),
                Reason::Metadata => "metadata line (headline, byline or date)".to_string(),
                Reason::TrailingBox => "a small box after the article's last paragraph".to_string(),
            },
        })
        .collect()
}
