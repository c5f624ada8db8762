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
mod render;
mod rules;
mod scan;
pub mod score;
mod select;
mod tree;

use std::sync::Arc;

use once_cell::sync::Lazy;

pub use error::Error;
pub use model::{Article, Author, AuthorKind, Block, BlockKind, Date, Direction, Image, Removed};
pub use normalize::{NormalizeOptions, normalize_arabic};
pub use rules::{Action, Rule};

use rules::RuleSet;
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

/// The scorer's features of a page with the default rules (see [`score::page_features`]).
fn page_features(html: &str) -> Vec<score::Features> {
    let rules = DEFAULT.compiled.for_host(None);
    let limits = dom::WalkLimits {
        max_nodes: DEFAULT.max_nodes,
        max_depth: DEFAULT.max_depth,
        max_block_chars: DEFAULT.max_block_chars,
    };
    match dom::parse(html, &rules, limits) {
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
    url: Option<String>,
    extra: Vec<Rule>,
    defaults: bool,
    compiled: Arc<RuleSet>,
    min_score: f32,
    min_confidence: f32,
    explain: bool,
    now: Option<Date>,
    max_input_bytes: usize,
    max_nodes: usize,
    max_depth: usize,
    max_block_chars: usize,
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

impl Cleaner {
    /// The default settings: the built-in rule table, no URL, limits of 64 MiB of input,
    /// 4,000,000 DOM nodes, block containers nested 2,000 deep and 1,000,000 bytes of text per
    /// block.
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
            compiled: Arc::clone(&DEFAULT_RULES),
            min_score: 0.1,
            min_confidence: 0.2,
            explain: false,
            now: None,
            max_input_bytes: 64 << 20,
            max_nodes: 4_000_000,
            max_depth: 2_000,
            max_block_chars: 1_000_000,
        }
    }

    /// The page's URL: picks the site rules for its host, makes image links absolute, and gives
    /// a date when the URL carries one.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().url("https://www.youm7.com/story/2021/7/20/x/5404931");
    /// # let _ = cleaner;
    /// ```
    pub fn url(mut self, url: &str) -> Cleaner {
        self.url = Some(url.trim().to_string());
        self
    }

    /// Adds a rule to the table (after the defaults; site rules win over generic ones).
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().rule(matn::Rule::phrase("شاهد كمان", matn::Action::Remove));
    /// # let _ = cleaner;
    /// ```
    pub fn rule(mut self, rule: Rule) -> Cleaner {
        self.extra.push(rule);
        self.recompile();
        self
    }

    /// Replaces the built-in rule table with `rules` alone.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().replace_rules(vec![matn::Rule::class("ad", matn::Action::Remove)]);
    /// # let _ = cleaner;
    /// ```
    pub fn replace_rules(mut self, rules: Vec<Rule>) -> Cleaner {
        self.defaults = false;
        self.extra = rules;
        self.recompile();
        self
    }

    fn recompile(&mut self) {
        let mut all = if self.defaults { rules::default_rules() } else { Vec::new() };
        all.extend(self.extra.iter().cloned());
        self.compiled = Arc::new(RuleSet::new(&all));
    }

    /// The score (0–1) a block needs to stay in the article. Default 0.5; lower keeps more.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().min_block_score(0.3);
    /// # let _ = cleaner;
    /// ```
    pub fn min_block_score(mut self, score: f32) -> Cleaner {
        self.min_score = score.clamp(0.0, 1.0);
        self
    }

    /// Below this confidence (0–1) `clean` returns [`Error::NoArticle`]. Default 0.2; set 0 to
    /// always get the best candidate and judge [`Article::confidence`] yourself.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().min_confidence(0.0);
    /// # let _ = cleaner;
    /// ```
    pub fn min_confidence(mut self, confidence: f32) -> Cleaner {
        self.min_confidence = confidence.clamp(0.0, 1.0);
        self
    }

    /// Records every block left out, with the rule or score that removed it
    /// ([`Article::removed`]): what you need to write a site rule.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().explain(true);
    /// # let _ = cleaner;
    /// ```
    pub fn explain(mut self, on: bool) -> Cleaner {
        self.explain = on;
        self
    }

    /// The time relative dates ("منذ 3 ساعات") count back from, as ISO 8601. Without it,
    /// relative dates are ignored. An unreadable value is ignored too.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().reference_time("2024-03-15T12:00:00+03:00");
    /// # let _ = cleaner;
    /// ```
    pub fn reference_time(mut self, iso: &str) -> Cleaner {
        self.now = meta::parse_iso(iso);
        self
    }

    /// The largest input accepted, in bytes (default 64 MiB; never more than 4 GiB, the
    /// parser's limit); larger input is [`Error::TooLarge`].
    ///
    /// ```
    /// let err = matn::Cleaner::new().max_input_bytes(10).clean("<p>أكثر من عشرة بايتات</p>").unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: "input bytes", .. }));
    /// ```
    pub fn max_input_bytes(mut self, bytes: usize) -> Cleaner {
        self.max_input_bytes = bytes;
        self
    }

    /// The most DOM nodes walked (default 4,000,000); more is [`Error::TooLarge`].
    ///
    /// ```
    /// let err = matn::Cleaner::new().max_nodes(20).clean(&"<p>نص</p>".repeat(50)).unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: "DOM nodes", .. }));
    /// ```
    pub fn max_nodes(mut self, nodes: usize) -> Cleaner {
        self.max_nodes = nodes;
        self
    }

    /// How deep block containers (`<div>`, `<section>`, `<ul>`, `<table>`…) may nest (default
    /// 2,000; real pages stay below a few hundred). Deeper input is [`Error::TooLarge`] with limit
    /// `"DOM depth"`: the parser's time grows with the square of that depth, so this bound keeps
    /// a hostile page from taking minutes.
    ///
    /// ```
    /// let err = matn::Cleaner::new().max_depth(100).clean(&"<div>".repeat(101)).unwrap_err();
    /// assert!(matches!(err, matn::Error::TooLarge { limit: "DOM depth", .. }));
    /// ```
    pub fn max_depth(mut self, depth: usize) -> Cleaner {
        self.max_depth = depth;
        self
    }

    /// The most bytes of text kept per block (default 1,000,000): longer text is truncated at a
    /// character boundary.
    ///
    /// ```
    /// let cleaner = matn::Cleaner::new().max_block_bytes(100_000);
    /// # let _ = cleaner;
    /// ```
    pub fn max_block_bytes(mut self, bytes: usize) -> Cleaner {
        self.max_block_chars = bytes.max(16);
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
            return Err(Error::TooLarge { limit: "input bytes", max: self.max_input_bytes, actual: bytes.len() });
        }
        let decoded = input::decode(bytes, charset);
        let mut article = self.clean(&decoded.text)?;
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
            return Err(Error::TooLarge { limit: "input bytes", max: self.max_input_bytes, actual: html.len() });
        }
        if html.trim().is_empty() {
            return Err(Error::Empty);
        }
        let host = self.url.as_deref().and_then(meta::host_of);
        let rules = self.compiled.for_host(host.as_deref());
        let limits = dom::WalkLimits {
            max_nodes: self.max_nodes,
            max_depth: self.max_depth,
            max_block_chars: self.max_block_chars,
        };
        let page = dom::parse(html, &rules, limits)?;
        if page.total_chars == 0 && !page.blocks.iter().any(|b| b.kind == BlockKind::Image) {
            return Err(Error::NoArticle { confidence: 0.0, chars: 0 });
        }
        let mut sel = select::select(&page, &rules, self.min_score);
        let m = meta::extract(&page, &sel.kept, self.url.as_deref(), self.now.as_ref());
        if !m.meta_blocks.is_empty() {
            sel.kept.retain(|i| m.meta_blocks.binary_search(i).is_err());
            for &i in &m.meta_blocks {
                sel.removed.push((i, Reason::Metadata));
            }
            sel.chars = sel
                .kept
                .iter()
                .filter(|&&i| page.blocks[i].kind != BlockKind::Image)
                .map(|&i| page.blocks[i].text.chars().count())
                .sum();
        }
        // A front page that does not declare itself an article is a homepage, whatever its text.
        if self.url.as_deref().is_some_and(meta::is_front_page) && !m.declared_article {
            sel.confidence *= 0.4;
        }
        let has_text = sel.kept.iter().any(|&i| page.blocks[i].kind != BlockKind::Image);
        if !has_text || sel.confidence < self.min_confidence {
            return Err(Error::NoArticle { confidence: sel.confidence, chars: sel.chars });
        }
        let base = m.url.clone().or_else(|| self.url.clone());
        let base = base.as_deref().and_then(|u| url::Url::parse(u).ok());
        let absolute = |src: &str| match &base {
            Some(b) => b.join(src).map(|u| u.to_string()).unwrap_or_else(|_| src.to_string()),
            None => src.to_string(),
        };
        let mut blocks = Vec::with_capacity(sel.kept.len());
        for &i in &sel.kept {
            let b = &page.blocks[i];
            let image = b.src.as_deref().map(|src| Image {
                src: absolute(src),
                alt: b.text.clone(),
                caption: sel.captions.iter().find(|(_, img)| *img == i).map(|(c, _)| page.blocks[*c].text.clone()),
            });
            blocks.push(Block {
                kind: b.kind,
                text: if image.is_some() { String::new() } else { b.text.clone() },
                image,
            });
        }
        let removed = if self.explain {
            sel.removed.sort_by_key(|(i, _)| *i);
            sel.removed
                .iter()
                .filter(|(i, _)| page.blocks[*i].kind != BlockKind::Image)
                .map(|(i, reason)| Removed {
                    text: page.blocks[*i].text.clone(),
                    reason: match reason {
                        Reason::Rule(r) => rules.get(*r).map_or_else(|| "rule".to_string(), Rule::describe),
                        Reason::Trimmed(r) => {
                            format!("after {}", rules.get(*r).map_or_else(|| "rule".to_string(), Rule::describe))
                        }
                        Reason::OutsideRegion => "outside the article region".to_string(),
                        Reason::ChromeElement => "inside nav, footer, aside, form or a chrome landmark".to_string(),
                        Reason::LowScore(s) => format!("score {s:.2}"),
                        Reason::Caption => "caption".to_string(),
                        Reason::Metadata => "metadata line (headline, byline or date)".to_string(),
                    },
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(Article {
            title: m.title,
            authors: m.authors,
            published: m.published,
            modified: m.modified,
            site_name: m.site_name,
            url: m.url.or_else(|| self.url.clone()),
            lang: m.lang,
            dir: m.dir,
            description: m.description,
            image: m.image.map(|i| absolute(&i)),
            tags: m.tags,
            section: m.section,
            blocks,
            confidence: sel.confidence,
            removed,
            encoding: None,
        })
    }
}
