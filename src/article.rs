//! The output: [`Article`], its [`Block`]s, and the renderers.

use std::fmt::Write as _;

use crate::dom::BlockKind;
use crate::meta::{Author, AuthorKind, Date};

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
    /// homepage or a list of headlines.
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

    fn text_blocks(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter(|b| b.kind != BlockKind::Image && !b.text.is_empty()).map(|b| b.text.as_str())
    }

    /// The body as plain text: paragraphs separated by a blank line; no captions, no images.
    ///
    /// ```
    /// let html = "<html><body><article><p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح.</p>\
    ///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى مهمة.</p></article></body></html>";
    /// assert_eq!(matn::clean(html).unwrap().text().matches("\n\n").count(), 1);
    /// ```
    pub fn text(&self) -> String {
        self.text_blocks().collect::<Vec<_>>().join("\n\n")
    }

    /// The body as plain text, one paragraph per line: the form corpus builders feed to tools.
    ///
    /// ```
    /// let html = "<html><body><article><p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح.</p>\
    ///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى مهمة.</p></article></body></html>";
    /// assert_eq!(matn::clean(html).unwrap().text_lines().lines().count(), 2);
    /// ```
    pub fn text_lines(&self) -> String {
        self.text_blocks().collect::<Vec<_>>().join("\n")
    }

    /// The body as a fragment of clean, semantic HTML, safe to embed in a page.
    ///
    /// Paragraphs become `<p>`, headings `<h2>`/`<h3>` (an `<h1>` of the body becomes `<h2>`:
    /// the title owns level 1), runs of list items one `<ul>`, quotes `<blockquote>`, runs of
    /// table cells one `<table>` row, preformatted text `<pre>`, and images
    /// `<figure><img src alt><figcaption>`. Line breaks inside a block become `<br>`. There are
    /// no scripts, styles, classes or other attributes than `src` and `alt`; all text is escaped
    /// (`&`, `<`, `>`, `"`, `'`), and `javascript:` or non-image `data:` sources are dropped.
    /// Image sources are absolute when the page URL was known ([`Cleaner::url`](crate::Cleaner::url)).
    /// The title and credits are not included: see [`Article::to_html_document`].
    ///
    /// ```
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <h2>تفاصيل المشروع</h2>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية &lt;script&gt;، وإن العمل بدأ فيه قبل عامين.</p>
    /// </article></body></html>"#;
    /// let body = matn::clean(html).unwrap().to_html();
    /// assert!(body.starts_with("<p>افتتح وزير"));
    /// assert!(body.contains("<h2>تفاصيل المشروع</h2>"));
    /// assert!(body.contains("&lt;script&gt;") && !body.contains("<script"));
    /// ```
    pub fn to_html(&self) -> String {
        crate::render::html(self)
    }

    /// The article as a standalone HTML document: `<!DOCTYPE html>`, a `<head>` with the
    /// charset and `<title>`, and in the body one `<article dir=".." lang="..">` holding the
    /// title (`<h1>`), a byline paragraph (the credits, then the publication date in a
    /// `<time datetime>`), and the body of [`Article::to_html`].
    ///
    /// Cleaning the document again gives the same text.
    ///
    /// ```
    /// let html = r#"<html lang="ar"><head><title>وزير يفتتح مشروعا جديدا - صدى المدينة</title></head><body>
    ///   <h1>وزير يفتتح مشروعا جديدا</h1>
    ///   <article><p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p></article>
    /// </body></html>"#;
    /// let article = matn::clean(html).unwrap();
    /// let doc = article.to_html_document();
    /// assert!(doc.contains(r#"<article dir="rtl" lang="ar">"#));
    /// assert!(doc.contains("<h1>وزير يفتتح مشروعا جديدا</h1>"));
    /// assert_eq!(matn::clean(&doc).unwrap().text(), article.text());
    /// ```
    pub fn to_html_document(&self) -> String {
        crate::render::html_document(self)
    }

    /// The body as CommonMark: headings `##`/`###`, paragraphs separated by a blank line, list
    /// items `- `, quotes `> `, preformatted text in a code fence, images `![alt](src)` with the
    /// caption in italics on the next line, and a run of table cells as a one-row GFM table.
    ///
    /// Text is escaped wherever it would change meaning: `\`, `` ` ``, `*`, `_`, `[`, `]` and
    /// character references anywhere (`<` is written `&lt;`, so no raw tag survives); `#`, `>`,
    /// `-`, `+`, `=`, `~` and `1.` at the start of a line. Line breaks inside a block become hard
    /// breaks. The title is not included.
    ///
    /// ```
    /// let html = r#"<html><body><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <h2>تفاصيل المشروع</h2>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية *مجهزة*، وإن العمل بدأ فيه قبل عامين.</p>
    /// </article></body></html>"#;
    /// let md = matn::clean(html).unwrap().to_markdown();
    /// assert!(md.starts_with("افتتح وزير"));
    /// assert!(md.contains("\n\n## تفاصيل المشروع\n\n"));
    /// assert!(md.contains(r"\*مجهزة\*"));
    /// ```
    pub fn to_markdown(&self) -> String {
        crate::render::markdown(self)
    }

    /// The article as one JSON object (UTF-8, no insignificant white space). With the `serde`
    /// feature, `Article` also implements `serde::Serialize` with the same keys in the same
    /// order.
    ///
    /// | key | type | value |
    /// |-----|------|-------|
    /// | `title` | string or null | the headline, without the site name |
    /// | `authors` | array of strings | the persons credited ([`Article::persons`]) |
    /// | `agencies` | array of strings | the agencies credited ([`Article::agencies`]) |
    /// | `credits` | array of objects | every credit: `{"name": string, "kind": "person" \| "agency" \| "desk"}` |
    /// | `published` | string or null | publication date, ISO 8601 ([`Date::to_iso`](crate::Date::to_iso)) |
    /// | `modified` | string or null | last update, ISO 8601 |
    /// | `published_text` | string or null | the page's own text of the publication date ([`Date::raw`](crate::Date::raw)) |
    /// | `site_name` | string or null | the site's name |
    /// | `url` | string or null | the canonical URL, or the URL the caller gave |
    /// | `lang` | string or null | the language code |
    /// | `dir` | string | `"rtl"` or `"ltr"` |
    /// | `description` | string or null | the page's description or lead |
    /// | `image` | string or null | the main image URL |
    /// | `tags` | array of strings | tags and keywords |
    /// | `section` | string or null | the section of the site |
    /// | `encoding` | string or null | the encoding the bytes were decoded from ([`Article::encoding`]) |
    /// | `confidence` | number | 0–1, three decimals |
    /// | `text` | string | the body, one paragraph per line ([`Article::text_lines`]) |
    /// | `blocks` | array of objects | `{"kind", "text"}`, or `{"kind": "image", "src", "alt", "caption"}` (caption string or null) |
    /// | `removed` | array of objects | only with [`Cleaner::explain`](crate::Cleaner::explain) and when non-empty: `{"text", "reason"}` |
    ///
    /// Block kinds are `paragraph`, `h1` … `h4` (`h4` for levels 4–6), `list_item`, `quote`,
    /// `table_cell`, `pre`, `caption` and `image`.
    ///
    /// ```
    /// let html = "<html><body><article><p>هذه فقرة طويلة من نص المقال، تتحدث عن موضوع مهم وتشرح تفاصيله للقارئ بوضوح.</p>\
    ///   <p>وهذه فقرة ثانية تكمل الحديث عن الموضوع نفسه وتضيف تفاصيل جديدة ومعلومات أخرى مهمة.</p></article></body></html>";
    /// let json = matn::clean(html).unwrap().to_json();
    /// assert!(json.starts_with("{\"title\":"));
    /// assert!(json.contains("\"dir\":\"rtl\""));
    /// ```
    pub fn to_json(&self) -> String {
        let mut o = JsonObject::new();
        o.opt_str("title", self.title());
        o.str_list("authors", self.persons());
        o.str_list("agencies", self.agencies());
        o.raw(
            "credits",
            &format!(
                "[{}]",
                self.authors
                    .iter()
                    .map(|a| format!("{{\"name\":{},\"kind\":\"{}\"}}", json_str(a.name()), credit_kind(a.kind())))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        );
        o.opt_str("published", self.published.as_ref().map(|d| d.to_iso()).as_deref());
        o.opt_str("modified", self.modified.as_ref().map(|d| d.to_iso()).as_deref());
        o.opt_str("published_text", self.published.as_ref().map(|d| d.raw()));
        o.opt_str("site_name", self.site_name());
        o.opt_str("url", self.url());
        o.opt_str("lang", self.lang());
        o.opt_str("dir", Some(self.dir().as_str()));
        o.opt_str("description", self.description());
        o.opt_str("image", self.image());
        o.str_list("tags", self.tags.iter().map(String::as_str).collect());
        o.opt_str("section", self.section());
        o.opt_str("encoding", self.encoding());
        o.raw("confidence", &format!("{:.3}", self.confidence));
        o.opt_str("text", Some(&self.text_lines()));
        let blocks: Vec<String> = self
            .blocks
            .iter()
            .map(|b| match &b.image {
                Some(img) => format!(
                    "{{\"kind\":\"image\",\"src\":{},\"alt\":{},\"caption\":{}}}",
                    json_str(&img.src),
                    json_str(&img.alt),
                    img.caption.as_deref().map_or("null".to_string(), json_str)
                ),
                None => format!("{{\"kind\":\"{}\",\"text\":{}}}", kind_name(b.kind), json_str(&b.text)),
            })
            .collect();
        o.raw("blocks", &format!("[{}]", blocks.join(",")));
        if !self.removed.is_empty() {
            let removed: Vec<String> = self
                .removed
                .iter()
                .map(|r| format!("{{\"text\":{},\"reason\":{}}}", json_str(&r.text), json_str(&r.reason)))
                .collect();
            o.raw("removed", &format!("[{}]", removed.join(",")));
        }
        o.finish()
    }
}

/// The name of a credit kind in JSON.
pub(crate) fn credit_kind(kind: AuthorKind) -> &'static str {
    match kind {
        AuthorKind::Person => "person",
        AuthorKind::Agency => "agency",
        AuthorKind::Desk => "desk",
    }
}

/// The name of a block kind in JSON and explain output.
pub(crate) fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
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

/// A JSON string literal for `s`.
pub(crate) fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON object written key by key, in order.
pub(crate) struct JsonObject(String);

impl JsonObject {
    pub fn new() -> Self {
        JsonObject(String::from("{"))
    }
    pub fn raw(&mut self, key: &str, value: &str) {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push_str(&json_str(key));
        self.0.push(':');
        self.0.push_str(value);
    }
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        let v = value.map_or_else(|| "null".to_string(), json_str);
        self.raw(key, &v);
    }
    pub fn str_list(&mut self, key: &str, values: Vec<&str>) {
        let v: Vec<String> = values.into_iter().map(json_str).collect();
        self.raw(key, &format!("[{}]", v.join(",")));
    }
    pub fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_str("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        assert_eq!(json_str("نص"), "\"نص\"");
    }
}
