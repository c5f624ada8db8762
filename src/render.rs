//! The renderers of an [`Article`]: clean HTML (a body fragment or a whole document) and
//! CommonMark, plus the optional `serde` implementations.
//!
//! Every renderer walks the blocks once and groups runs of list items into one list and runs of
//! table cells into one table row. All text is escaped for the target format, so the output is
//! safe to embed whatever the page contained.

use std::fmt::Write as _;

use crate::model::{Article, Block, BlockKind, Direction, Image};
use crate::page_url;

// ---------------------------------------------------------------------------------------------
// The renderers of Article
// ---------------------------------------------------------------------------------------------

impl Article {
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
    /// (`&`, `<`, `>`, `"`, `'`), and image sources other than `http`/`https` links are dropped.
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
        html(self)
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
        html_document(self)
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
        markdown(self)
    }

    /// The article as one CommonMark document: the title as a `# ` heading (escaped, on one
    /// line), a blank line, then the body of [`Article::to_markdown`]. Without a title it is the
    /// body alone.
    ///
    /// ```
    /// let html = r#"<html><body><h1>وزير يفتتح #مشروعا جديدا</h1><article>
    ///   <p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>
    ///   <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    /// </article></body></html>"#;
    /// let article = matn::clean(html).unwrap();
    /// let md = article.to_markdown_document();
    /// assert!(md.starts_with("# وزير يفتتح \\#مشروعا جديدا\n\n"));
    /// assert!(md.ends_with(&article.to_markdown()));
    /// ```
    pub fn to_markdown_document(&self) -> String {
        let body = markdown(self);
        match self.title() {
            Some(t) => {
                let title = t.split_whitespace().collect::<Vec<_>>().join(" ");
                format!("# {}\n\n{body}", escape_markdown_line(&title, MdContext::Heading))
            }
            None => body,
        }
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
                    .map(|a| format!("{{\"name\":{},\"kind\":\"{}\"}}", json_str(a.name()), a.kind().as_str()))
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
                None => format!("{{\"kind\":\"{}\",\"text\":{}}}", b.kind.as_str(), json_str(&b.text)),
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

// ---------------------------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------------------------

/// A unit of output: one block, or a run of blocks rendered together.
enum Group<'a> {
    /// A run of consecutive list items.
    List(&'a [Block]),
    /// A run of consecutive table cells (rendered as one row).
    Row(&'a [Block]),
    /// Any other block.
    Single(&'a Block),
}

/// Splits the blocks into groups, in order; text blocks with no text are skipped.
fn groups(blocks: &[Block]) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let kind = blocks[i].kind;
        if matches!(kind, BlockKind::ListItem | BlockKind::TableCell) {
            let len = blocks[i..].iter().take_while(|b| b.kind == kind).count();
            let run = &blocks[i..i + len];
            i += len;
            if run.iter().all(|b| b.text.is_empty()) {
                continue;
            }
            out.push(if kind == BlockKind::ListItem { Group::List(run) } else { Group::Row(run) });
            continue;
        }
        let b = &blocks[i];
        i += 1;
        if b.image.is_some() || !b.text.is_empty() {
            out.push(Group::Single(b));
        }
    }
    out
}

/// The heading level a body heading is rendered at: `h1` and `h2` become 2, the rest 3 (the
/// article title owns level 1).
fn heading_level(level: u8) -> u8 {
    if level <= 2 { 2 } else { 3 }
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

/// Escapes text for HTML content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
#[cfg(test)]
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_html(&mut out, s);
    out
}

/// Appends `s` escaped for HTML content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
fn push_html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Escaped text where the line breaks of the block (`<br>` on the page) become `<br>` again.
fn push_html_lines(out: &mut String, s: &str) {
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        push_html(out, line);
    }
}

fn push_html_image(out: &mut String, image: &Image) {
    let Some(src) = page_url::resolve(None, &image.src) else { return };
    out.push_str("<figure><img src=\"");
    push_html(out, &src);
    out.push_str("\" alt=\"");
    push_html(out, &image.alt.replace('\n', " "));
    out.push_str("\">");
    if let Some(caption) = image.caption.as_deref().filter(|c| !c.is_empty()) {
        out.push_str("<figcaption>");
        push_html_lines(out, caption);
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>\n");
}

/// The body as an HTML fragment: see [`Article::to_html`].
pub(crate) fn html(article: &Article) -> String {
    let mut out = String::new();
    for group in groups(&article.blocks) {
        match group {
            Group::List(items) => {
                out.push_str("<ul>\n");
                for item in items.iter().filter(|b| !b.text.is_empty()) {
                    out.push_str("<li>");
                    push_html_lines(&mut out, &item.text);
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Group::Row(cells) => {
                out.push_str("<table><tr>");
                for cell in cells {
                    out.push_str("<td>");
                    push_html_lines(&mut out, &cell.text);
                    out.push_str("</td>");
                }
                out.push_str("</tr></table>\n");
            }
            Group::Single(b) => {
                if let Some(image) = &b.image {
                    push_html_image(&mut out, image);
                    continue;
                }
                let (open, close) = match b.kind {
                    BlockKind::Heading(level) if heading_level(level) == 2 => ("<h2>", "</h2>"),
                    BlockKind::Heading(_) => ("<h3>", "</h3>"),
                    BlockKind::Quote => ("<blockquote><p>", "</p></blockquote>"),
                    BlockKind::Preformatted => ("<pre>", "</pre>"),
                    _ => ("<p>", "</p>"),
                };
                out.push_str(open);
                if b.kind == BlockKind::Preformatted {
                    push_html(&mut out, &b.text);
                } else {
                    push_html_lines(&mut out, &b.text);
                }
                out.push_str(close);
                out.push('\n');
            }
        }
    }
    out
}

/// The whole article as a standalone HTML document: see [`Article::to_html_document`].
pub(crate) fn html_document(article: &Article) -> String {
    let dir = article.dir().as_str();
    let lang = article.lang().filter(|l| !l.is_empty());
    let mut out = String::from("<!DOCTYPE html>\n<html");
    if let Some(lang) = lang {
        out.push_str(" lang=\"");
        push_html(&mut out, lang);
        out.push('"');
    }
    out.push_str(" dir=\"");
    out.push_str(dir);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    if let Some(title) = article.title() {
        out.push_str("<title>");
        push_html(&mut out, title);
        out.push_str("</title>\n");
    }
    out.push_str("</head>\n<body>\n<article dir=\"");
    out.push_str(dir);
    out.push('"');
    if let Some(lang) = lang {
        out.push_str(" lang=\"");
        push_html(&mut out, lang);
        out.push('"');
    }
    out.push_str(">\n");
    if let Some(title) = article.title() {
        out.push_str("<h1>");
        push_html(&mut out, title);
        out.push_str("</h1>\n");
    }
    let names: Vec<&str> = article.authors().iter().map(|a| a.name()).collect();
    let published = article.published();
    if !names.is_empty() || published.is_some() {
        let sep = if article.dir() == Direction::Rtl { "، " } else { ", " };
        // The class lets readers (matn included) tell the credits from the body.
        out.push_str("<p class=\"byline\">");
        push_html(&mut out, &names.join(sep));
        if let Some(date) = published {
            if !names.is_empty() {
                out.push_str(" · ");
            }
            out.push_str("<time datetime=\"");
            push_html(&mut out, &date.to_iso());
            out.push_str("\">");
            let shown = if date.raw().is_empty() { date.to_iso() } else { date.raw().replace('\n', " ") };
            push_html(&mut out, &shown);
            out.push_str("</time>");
        }
        out.push_str("</p>\n");
    }
    out.push_str(&html(article));
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/// Whether the `&` at the start of `rest` would start a character reference (`&amp;`, `&#39;`).
fn starts_entity(rest: &str) -> bool {
    let body: String = rest.chars().skip(1).take_while(|c| c.is_ascii_alphanumeric() || *c == '#').collect();
    !body.is_empty() && rest[1 + body.len()..].starts_with(';')
}

/// Where escaped Markdown text goes: what else than inline syntax must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MdContext {
    /// The start of a line: block syntax (`#`, `>`, `-`, `+`, `=`, `~`, `1.`) is escaped too.
    Line,
    /// After `## `: every `#` is escaped (a trailing run would close the heading).
    Heading,
    /// A GFM table cell: `|` is escaped.
    Table,
    /// Inside other syntax (image alt text, an italic caption): inline syntax only.
    Inline,
}

/// Escapes one line of text for CommonMark: inline syntax anywhere (`\`, `` ` ``, `*`, `_`, `[`,
/// `]`, `<`, character references) and what the context needs (see [`MdContext`]).
pub(crate) fn escape_markdown_line(line: &str, ctx: MdContext) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut skip_digits = 0;
    if ctx == MdContext::Line {
        match line.chars().next() {
            Some('#' | '>' | '-' | '+' | '=' | '~') => out.push('\\'),
            Some(c) if c.is_ascii_digit() => {
                let digits = line.chars().take_while(char::is_ascii_digit).count();
                if matches!(line[digits..].chars().next(), Some('.' | ')')) {
                    out.push_str(&line[..digits]);
                    out.push('\\');
                    skip_digits = digits;
                }
            }
            _ => {}
        }
    }
    let rest = &line[skip_digits..];
    for (i, c) in rest.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            // An entity rather than `\<`: no `<script` survives even for naive readers.
            '<' => out.push_str("&lt;"),
            '|' if ctx == MdContext::Table => out.push_str("\\|"),
            '#' if ctx == MdContext::Heading => out.push_str("\\#"),
            '&' if starts_entity(&rest[i..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes block text that may hold line breaks, joining its lines with `joiner` (a hard break
/// and the continuation prefix of the container).
fn escape_markdown_text(text: &str, joiner: &str) -> String {
    text.split('\n').map(|l| escape_markdown_line(l.trim(), MdContext::Line)).collect::<Vec<_>>().join(joiner)
}

/// Percent-encodes the characters that would end or break a Markdown link destination.
fn markdown_url(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for c in src.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() || c.is_whitespace() => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The body as CommonMark (with a GFM table for table cells): see [`Article::to_markdown`].
pub(crate) fn markdown(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    for group in groups(&article.blocks) {
        match group {
            Group::List(items) => parts.push(
                items
                    .iter()
                    .filter(|b| !b.text.is_empty())
                    .map(|b| format!("- {}", escape_markdown_text(&b.text, "\\\n  ")))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Group::Row(cells) => {
                let row: Vec<String> =
                    cells.iter().map(|c| escape_markdown_line(&c.text.replace('\n', " "), MdContext::Table)).collect();
                let rule: Vec<&str> = cells.iter().map(|_| "---").collect();
                parts.push(format!("| {} |\n| {} |", row.join(" | "), rule.join(" | ")));
            }
            Group::Single(b) => {
                if let Some(image) = &b.image {
                    let Some(src) = page_url::resolve(None, &image.src) else { continue };
                    let alt = escape_markdown_line(&image.alt.replace('\n', " "), MdContext::Inline);
                    let mut s = format!("![{alt}]({})", markdown_url(&src));
                    if let Some(caption) = image.caption.as_deref().filter(|c| !c.is_empty()) {
                        s.push_str("\n*");
                        s.push_str(&escape_markdown_line(&caption.replace('\n', " "), MdContext::Inline));
                        s.push('*');
                    }
                    parts.push(s);
                    continue;
                }
                parts.push(match b.kind {
                    BlockKind::Heading(level) => {
                        let text = escape_markdown_line(&b.text.replace('\n', " "), MdContext::Heading);
                        format!("{} {}", "#".repeat(usize::from(heading_level(level))), text)
                    }
                    BlockKind::Quote => format!("> {}", escape_markdown_text(&b.text, "\\\n> ")),
                    BlockKind::Preformatted => {
                        let longest = b.text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                        let fence = "`".repeat(longest.max(2) + 1);
                        format!("{fence}\n{}\n{fence}", b.text)
                    }
                    _ => escape_markdown_text(&b.text, "\\\n"),
                });
            }
        }
    }
    let mut out = parts.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

    use crate::model::{Article, Author, AuthorKind, Block, BlockKind, Date};

    impl Serialize for BlockKind {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    impl Serialize for AuthorKind {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    impl Serialize for Author {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Author", 2)?;
            st.serialize_field("name", self.name())?;
            st.serialize_field("kind", &self.kind())?;
            st.end()
        }
    }

    impl Serialize for Date {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&self.to_iso())
        }
    }

    impl Serialize for Block {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match &self.image {
                Some(img) => {
                    let mut st = s.serialize_struct("Block", 4)?;
                    st.serialize_field("kind", &BlockKind::Image)?;
                    st.serialize_field("src", &img.src)?;
                    st.serialize_field("alt", &img.alt)?;
                    st.serialize_field("caption", &img.caption)?;
                    st.end()
                }
                None => {
                    let mut st = s.serialize_struct("Block", 2)?;
                    st.serialize_field("kind", &self.kind)?;
                    st.serialize_field("text", &self.text)?;
                    st.end()
                }
            }
        }
    }

    /// The same keys, in the same order, as [`Article::to_json`].
    impl Serialize for Article {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("title", &self.title)?;
            m.serialize_entry("authors", &self.persons())?;
            m.serialize_entry("agencies", &self.agencies())?;
            m.serialize_entry("credits", &self.authors)?;
            m.serialize_entry("published", &self.published)?;
            m.serialize_entry("modified", &self.modified)?;
            m.serialize_entry("published_text", &self.published.as_ref().map(Date::raw))?;
            m.serialize_entry("site_name", &self.site_name)?;
            m.serialize_entry("url", &self.url())?;
            m.serialize_entry("lang", &self.lang)?;
            m.serialize_entry("dir", &self.dir())?;
            m.serialize_entry("description", &self.description)?;
            m.serialize_entry("image", &self.image)?;
            m.serialize_entry("tags", &self.tags)?;
            m.serialize_entry("section", &self.section)?;
            m.serialize_entry("encoding", &self.encoding)?;
            // Rounded like `to_json`, which writes three decimals.
            m.serialize_entry("confidence", &((f64::from(self.confidence) * 1000.0).round() / 1000.0))?;
            m.serialize_entry("text", &self.text_lines())?;
            m.serialize_entry("blocks", &self.blocks)?;
            if !self.removed.is_empty() {
                m.serialize_entry("removed", &self.removed)?;
            }
            m.end()
        }
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

    #[test]
    fn html_escapes_everything() {
        assert_eq!(escape_html("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assert_eq!(escape_html("\"><img onerror=x>&"), "&quot;&gt;&lt;img onerror=x&gt;&amp;");
    }

    #[test]
    fn markdown_escapes_line_starts_and_inline_syntax() {
        let line = |s| escape_markdown_line(s, MdContext::Line);
        assert_eq!(line("# عنوان"), r"\# عنوان");
        assert_eq!(line("2024. عام"), r"2024\. عام");
        assert_eq!(line("3) بند"), r"3\) بند");
        assert_eq!(line("- x"), r"\- x");
        assert_eq!(line("a*b_c[d]e`f\\g"), r"a\*b\_c\[d\]e\`f\\g");
        assert_eq!(line("<script>"), "&lt;script>");
        assert_eq!(line("AT&T &amp; &#39;"), r"AT&T \&amp; \&#39;");
        assert_eq!(line("1999 سنة # a|b"), "1999 سنة # a|b");
        assert_eq!(escape_markdown_line("a|b", MdContext::Table), r"a\|b");
        assert_eq!(escape_markdown_line("# C# #", MdContext::Heading), r"\# C\# \#");
    }

    fn block(kind: BlockKind, text: &str) -> Block {
        Block { kind, text: text.to_string(), image: None }
    }

    fn every_kind() -> Article {
        let image = |src: &str, caption: Option<&str>| Block {
            kind: BlockKind::Image,
            text: String::new(),
            image: Some(Image {
                src: src.to_string(), alt: "بديل".to_string(), caption: caption.map(str::to_string)
            }),
        };
        Article {
            blocks: vec![
                block(BlockKind::Heading(1), "عنوان # أول"),
                block(BlockKind::Paragraph, "سطر\n# سطر ثان"),
                block(BlockKind::ListItem, "بند 1"),
                block(BlockKind::ListItem, "بند 2"),
                block(BlockKind::Heading(4), "فرعي"),
                block(BlockKind::TableCell, "خلية|1"),
                block(BlockKind::TableCell, "خلية 2"),
                block(BlockKind::Quote, "اقتباس\nثان"),
                block(BlockKind::Preformatted, "a ``` b\n<c>"),
                image("https://e.com/a.jpg", Some("تعليق")),
                image("javascript:alert(1)", None),
                block(BlockKind::Paragraph, ""),
            ],
            ..Article::default()
        }
    }

    #[test]
    fn html_groups_lists_and_cells() {
        assert_eq!(
            html(&every_kind()),
            "<h2>عنوان # أول</h2>\n<p>سطر<br># سطر ثان</p>\n<ul>\n<li>بند 1</li>\n<li>بند 2</li>\n</ul>\n\
             <h3>فرعي</h3>\n<table><tr><td>خلية|1</td><td>خلية 2</td></tr></table>\n\
             <blockquote><p>اقتباس<br>ثان</p></blockquote>\n<pre>a ``` b\n&lt;c&gt;</pre>\n\
             <figure><img src=\"https://e.com/a.jpg\" alt=\"بديل\"><figcaption>تعليق</figcaption></figure>\n"
        );
    }

    #[test]
    fn markdown_groups_lists_and_cells() {
        assert_eq!(
            markdown(&every_kind()),
            "## عنوان \\# أول\n\nسطر\\\n\\# سطر ثان\n\n- بند 1\n- بند 2\n\n### فرعي\n\n\
             | خلية\\|1 | خلية 2 |\n| --- | --- |\n\n> اقتباس\\\n> ثان\n\n````\na ``` b\n<c>\n````\n\n\
             ![بديل](https://e.com/a.jpg)\n*تعليق*\n"
        );
        assert_eq!(markdown(&Article::default()), "");
    }

    #[test]
    fn markdown_urls_are_escaped() {
        assert_eq!(markdown_url("/a b(1).jpg"), "/a%20b%281%29.jpg");
    }
}
