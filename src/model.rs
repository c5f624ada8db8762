//! The output model: every public value type ([`Article`], [`Block`], [`Image`], [`Removed`],
//! [`BlockKind`], [`Direction`], [`Author`], [`AuthorKind`], [`Date`]). Each stage imports its
//! types from here and this module imports nothing of the pipeline, so the imports follow the
//! data path. The renderers (`text`, `to_html`, `to_markdown`, `to_json`) live in `render`;
//! the parsers that build [`Date`]s and [`Author`]s live in `meta`.

use std::fmt;
use std::fmt::Write as _;

/// An image of the article with its caption, kept apart from the text.
///
/// ```
/// let html = r#"<html><body><article>
///   <figure><img src="/a.jpg" alt="صورة"><figcaption>الرئيس خلال اللقاء</figcaption></figure>
///   <p>بحث رئيس الوزراء اليوم مع وفد رسمي سبل التعاون بين البلدين في المجالات الاقتصادية والثقافية.</p>
///   <p>وقال في بيان صحفي إن اللقاء تناول عددا من الملفات المشتركة، وإن الجانبين اتفقا على متابعتها.</p>
/// </article></body></html>"#;
/// let article = matn::Cleaner::new().url("https://example.com/news/1").clean(html).unwrap();
/// let image = article.blocks().iter().find_map(|b| b.image()).unwrap();
/// assert_eq!(image.src(), "https://example.com/a.jpg");
/// assert_eq!(image.caption(), Some("الرئيس خلال اللقاء"));
/// assert!(!article.text().contains("الرئيس خلال اللقاء"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Image {
    pub(crate) src: String,
    pub(crate) alt: String,
    pub(crate) caption: Option<String>,
}

impl Image {
    /// The image URL, made absolute when the page URL is known.
    pub fn src(&self) -> &str {
        &self.src
    }
    /// The `alt` text (may be empty).
    pub fn alt(&self) -> &str {
        &self.alt
    }
    /// The caption or photo credit shown with the image, if any.
    pub fn caption(&self) -> Option<&str> {
        self.caption.as_deref()
    }
}

/// One block of the article body: a paragraph, heading, list item, quote, table cell, or image.
///
/// ```
/// let html = "<html><body><article><p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح.</p>\
///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى مهمة.</p></article></body></html>";
/// let article = matn::clean(html).unwrap();
/// let first = &article.blocks()[0];
/// assert_eq!(first.kind(), matn::BlockKind::Paragraph);
/// assert!(first.text().starts_with("هذه فقرة"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub(crate) kind: BlockKind,
    pub(crate) text: String,
    pub(crate) image: Option<Image>,
}

impl Block {
    /// What the block is.
    pub fn kind(&self) -> BlockKind {
        self.kind
    }
    /// The block's text as the page has it (white space collapsed); empty for images.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The image, for [`BlockKind::Image`] blocks.
    pub fn image(&self) -> Option<&Image> {
        self.image.as_ref()
    }
}

/// The writing direction of the article.
///
/// ```
/// let html = "<html><body><article><p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح.</p>\
///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى مهمة.</p></article></body></html>";
/// assert_eq!(matn::clean(html).unwrap().dir(), matn::Direction::Rtl);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Direction {
    /// Right to left (Arabic, Persian, Urdu, Hebrew).
    Rtl,
    /// Left to right.
    Ltr,
}

impl Direction {
    /// `"rtl"` or `"ltr"`.
    ///
    /// ```
    /// assert_eq!(matn::Direction::Rtl.as_str(), "rtl");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }
}

/// A block that was left out of the article, and why (see [`Cleaner::explain`](crate::Cleaner::explain)).
///
/// ```
/// let html = r#"<html><body><article>
///   <p>بحث رئيس الوزراء اليوم مع وفد رسمي سبل التعاون بين البلدين في المجالات الاقتصادية والثقافية.</p>
///   <p>اقرأ أيضا: خبر آخر</p>
///   <p>وقال في بيان صحفي إن اللقاء تناول عددا من الملفات المشتركة، وإن الجانبين اتفقا على متابعتها.</p>
/// </article></body></html>"#;
/// let article = matn::Cleaner::new().explain(true).clean(html).unwrap();
/// let removed = article.removed().iter().find(|r| r.text().starts_with("اقرأ")).unwrap();
/// assert!(removed.reason().contains("phrase"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Removed {
    pub(crate) text: String,
    pub(crate) reason: String,
}

impl Removed {
    /// The block's text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Why it went: the rule that removed it (`class:share`, `phrase:"اقرا ايضا"`…) or the score.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// The article found on a page: metadata and body blocks.
///
/// Fields the page does not give are `None` (or empty) rather than guessed.
///
/// ```
/// let html = r#"<html lang="ar"><head><title>وزير يفتتح مشروعا جديدا - صدى المدينة</title>
///   <meta property="og:site_name" content="صدى المدينة"></head><body>
///   <h1>وزير يفتتح مشروعا جديدا</h1>
///   <article><p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p></article>
/// </body></html>"#;
/// let article = matn::clean(html).unwrap();
/// assert_eq!(article.title(), Some("وزير يفتتح مشروعا جديدا"));
/// assert_eq!(article.site_name(), Some("صدى المدينة"));
/// assert!(article.text().starts_with("افتتح وزير الإسكان"));
/// assert!(article.confidence() > 0.5);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<Author>,
    pub(crate) published: Option<Date>,
    pub(crate) modified: Option<Date>,
    pub(crate) site_name: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) dir: Option<Direction>,
    pub(crate) description: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) section: Option<String>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) confidence: f32,
    pub(crate) removed: Vec<Removed>,
    pub(crate) encoding: Option<&'static str>,
}

impl Article {
    /// The headline, without the site name.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// Every credit: persons, agencies and desks (see [`Author::kind`]).
    pub fn authors(&self) -> &[Author] {
        &self.authors
    }
    /// The names of the persons credited (no agencies, no desks).
    ///
    /// ```
    /// let html = r#"<html><body><div class="byline">كتب أحمد سمير</div><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p></article>
    /// </body></html>"#;
    /// assert_eq!(matn::clean(html).unwrap().persons(), ["أحمد سمير"]);
    /// ```
    pub fn persons(&self) -> Vec<&str> {
        self.credits(AuthorKind::Person)
    }
    /// The news agencies credited (رويترز، أ ف ب، واس…).
    pub fn agencies(&self) -> Vec<&str> {
        self.credits(AuthorKind::Agency)
    }
    fn credits(&self, kind: AuthorKind) -> Vec<&str> {
        self.authors.iter().filter(|a| a.kind() == kind).map(|a| a.name()).collect()
    }
    /// When the article was published.
    pub fn published(&self) -> Option<&Date> {
        self.published.as_ref()
    }
    /// When the article was last updated, if the page says so apart from publication.
    pub fn modified(&self) -> Option<&Date> {
        self.modified.as_ref()
    }
    /// The site's name (og:site_name, JSON-LD publisher…).
    pub fn site_name(&self) -> Option<&str> {
        self.site_name.as_deref()
    }
    /// The canonical URL of the article, or the URL the caller gave.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// The language code, from the page's attributes or, failing them, its script.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }
    /// The writing direction, from the page's attributes or its script.
    pub fn dir(&self) -> Direction {
        self.dir.unwrap_or(Direction::Ltr)
    }
    /// The page's description or lead (og:description / meta description).
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
    /// The main image URL (og:image, JSON-LD image, or the first image of the body).
    pub fn image(&self) -> Option<&str> {
        self.image.as_deref()
    }
    /// Tags and keywords the page gives for the article.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }
    /// The section of the site (article:section, JSON-LD articleSection).
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }
    /// The body, as ordered blocks, images included.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
    /// How sure matn is that this is an article, 0–1. Below 0.5 the page is more likely a
    /// homepage or a list of headlines, or nothing but its text says it is an article (no URL
    /// given, no og:type or JSON-LD article, no date, no `<article>` element).
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
    /// The blocks that were left out and why; empty unless [`Cleaner::explain`](crate::Cleaner::explain) was set.
    pub fn removed(&self) -> &[Removed] {
        &self.removed
    }

    /// The character encoding the page was decoded from (`"UTF-8"`, `"windows-1256"`…), when it
    /// was given as bytes ([`clean_bytes`](crate::clean_bytes)); `None` for text input.
    ///
    /// ```
    /// let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(
    ///     "<html><body><article>\
    ///      <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>\
    ///      <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>\
    ///      </article></body></html>");
    /// assert_eq!(matn::clean_bytes(&bytes).unwrap().encoding(), Some("windows-1256"));
    /// ```
    pub fn encoding(&self) -> Option<&str> {
        self.encoding
    }
}

/// What a block is, for rendering and scoring.
///
/// ```
/// let html = "<html><body><article><h2>عنوان فرعي</h2>\
///   <p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح تام.</p>\
///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى.</p>\
///   </article></body></html>";
/// let article = matn::clean(html).unwrap();
/// assert!(article.blocks().iter().any(|b| b.kind() == matn::BlockKind::Paragraph));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph, or a run of text inside a `<div>` separated by `<br><br>`.
    Paragraph,
    /// A heading, with its level 1–6.
    Heading(u8),
    /// An item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A cell of a table row.
    TableCell,
    /// Preformatted text.
    Preformatted,
    /// An image caption or photo credit (never part of the text).
    Caption,
    /// An image: `text` is empty; see [`Block::image`](crate::Block::image).
    Image,
}

impl BlockKind {
    /// The kind's name in JSON and in `--explain` output: `paragraph`, `h1` … `h4` (`h4` for
    /// levels 4–6), `list_item`, `quote`, `table_cell`, `pre`, `caption` or `image`.
    ///
    /// ```
    /// assert_eq!(matn::BlockKind::Heading(5).as_str(), "h4");
    /// assert_eq!(matn::BlockKind::ListItem.as_str(), "list_item");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading(1) => "h1",
            BlockKind::Heading(2) => "h2",
            BlockKind::Heading(3) => "h3",
            BlockKind::Heading(_) => "h4",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
            BlockKind::TableCell => "table_cell",
            BlockKind::Preformatted => "pre",
            BlockKind::Caption => "caption",
            BlockKind::Image => "image",
        }
    }
}

/// Who a credit names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthorKind {
    /// A named person.
    Person,
    /// A news agency or wire service ("رويترز", "أ ف ب", "وكالات").
    Agency,
    /// An editorial desk or unnamed staff credit ("المحرر", "فريق التحرير", "القسم الاقتصادي"),
    /// kept apart from persons.
    Desk,
}

impl AuthorKind {
    /// The kind's name in JSON: `person`, `agency` or `desk`.
    ///
    /// ```
    /// assert_eq!(matn::AuthorKind::Agency.as_str(), "agency");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorKind::Person => "person",
            AuthorKind::Agency => "agency",
            AuthorKind::Desk => "desk",
        }
    }
}

/// A credited author of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub(crate) name: String,
    pub(crate) kind: AuthorKind,
}

impl Author {
    /// The name as the page spells it (white space collapsed, decorations trimmed).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the credit names a person, an agency or a desk.
    pub fn kind(&self) -> AuthorKind {
        self.kind
    }

    /// Builds a credit.
    pub(crate) fn new(name: impl Into<String>, kind: AuthorKind) -> Author {
        Author { name: name.into(), kind }
    }
}

/// A calendar date with optional time and UTC offset, plus the raw text it came from.
///
/// Dates are always proleptic Gregorian: Hijri and Solar Hijri dates found on a page are
/// converted. The time of day is the local time as written on the page; the offset is only known
/// when the page states it (an ISO offset, `GMT+2`, `بتوقيت مكة`, …) and is never set without a
/// time. [`Date::raw`] keeps the page's own characters (Arabic digits, tashkeel, month names) of
/// the span the date was read from, for display or debugging.
///
/// [`Date::to_iso`] (also used by `Display`) renders `2021-07-20`, `2021-07-20T14:14:00` or
/// `2021-07-20T14:14:00+02:00` depending on what is known; [`Date::date_iso`] always renders the
/// date alone.
///
/// Two dates are equal when they mean the same point in time, whatever text they were read
/// from: the same instant when both carry an offset (`14:14+02:00` is `12:14Z`), the same local
/// time when neither does, the same day when neither has a time. Dates known to different
/// precision (a day and a time, a local time and an instant) are not equal, so equality stays
/// transitive; [`Date::date_iso`] compares days alone. `Hash` agrees with equality.
///
/// ```
/// let page = |published: &str, modified: &str| {
///     format!(
///         "<html><head><meta property='article:published_time' content='{published}'>\
///          <meta property='article:modified_time' content='{modified}'></head><body><article>\
///          <h1>Title</h1><p>{}</p></article></body></html>",
///         "A paragraph long enough to be the article of this small page, in plain words. ".repeat(3)
///     )
/// };
/// // The same instant written in two offsets: no modification.
/// let same = matn::clean(&page("2021-07-20T14:14:00+02:00", "2021-07-20T12:14:00Z")).unwrap();
/// assert_eq!(same.published().unwrap().to_iso(), "2021-07-20T14:14:00+02:00");
/// assert_eq!(same.modified(), None);
/// // Two hours later is a modification, and a different date.
/// let later = matn::clean(&page("2021-07-20T14:14:00+02:00", "2021-07-20T14:14:00Z")).unwrap();
/// assert_eq!(later.modified().unwrap().to_iso(), "2021-07-20T14:14:00+00:00");
/// assert_ne!(later.modified(), later.published());
/// assert_eq!(later.published(), same.published());
/// ```
#[derive(Debug, Clone)]
pub struct Date {
    pub(crate) year: i32,
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) time: Option<(u8, u8, u8)>,
    pub(crate) offset_minutes: Option<i16>,
    pub(crate) raw: String,
}

impl Date {
    /// The year (proleptic Gregorian, `1..=9999`).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, `1..=12`.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, `1..=31`.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// The local time of day as `(hour, minute, second)` in 24-hour form, when the source gave
    /// one.
    pub fn time(&self) -> Option<(u8, u8, u8)> {
        self.time
    }

    /// The UTC offset in minutes east of Greenwich (`+02:00` is `120`), when the source gave one.
    /// Only present together with a time.
    pub fn offset_minutes(&self) -> Option<i16> {
        self.offset_minutes
    }

    /// The page's own text the date was read from (trimmed; empty for dates built in code).
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// ISO 8601 form with as much precision as is known: `2021-07-20`, `2021-07-20T14:14:00`, or
    /// `2021-07-20T14:14:00+02:00` (a zero offset is written `+00:00`).
    pub fn to_iso(&self) -> String {
        let mut out = self.date_iso();
        if let Some((h, m, s)) = self.time {
            let _ = write!(out, "T{h:02}:{m:02}:{s:02}");
            if let Some(off) = self.offset_minutes {
                let sign = if off < 0 { '-' } else { '+' };
                let abs = off.unsigned_abs();
                let _ = write!(out, "{sign}{:02}:{:02}", abs / 60, abs % 60);
            }
        }
        out
    }

    /// The calendar date alone, always `YYYY-MM-DD`.
    pub fn date_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// What equality compares: the precision (0 a day, 1 a local time, 2 an instant) and the
    /// day number, local second or UTC second since 1970-01-01.
    pub(crate) fn point(&self) -> (u8, i64) {
        let day = days_from_civil(i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let Some((h, m, s)) = self.time else { return (0, day) };
        let local = day * 86_400 + i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s);
        match self.offset_minutes {
            Some(off) => (2, local - i64::from(off) * 60),
            None => (1, local),
        }
    }
}

impl PartialEq for Date {
    fn eq(&self, other: &Date) -> bool {
        self.point() == other.point()
    }
}

impl Eq for Date {}

impl std::hash::Hash for Date {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.point().hash(state);
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date. Counts in 400-year eras starting on
/// 1 March, so that the leap day is the last day of the shifted year. Callers pass small values
/// (|y| < 20000), so nothing overflows.
pub(crate) const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let year_of_era = y - era * 400;
    let shifted_month = (m + 9) % 12; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}
