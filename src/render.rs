//! The renderers of an [`Article`]: clean HTML (a body fragment or a whole document) and
//! CommonMark, plus the optional `serde` implementations.
//!
//! Every renderer walks the blocks once and groups runs of list items into one list and runs of
//! table cells into one table row. All text is escaped for the target format, so the output is
//! safe to embed whatever the page contained.

use crate::article::{Article, Block, Image};
use crate::dom::BlockKind;

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

/// The image source if it is safe to link to: scripts and non-image `data:` URLs are dropped.
fn safe_src(src: &str) -> Option<&str> {
    let s = src.trim();
    let lower: String = s.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).take(16).collect();
    let lower = lower.to_ascii_lowercase();
    if s.is_empty()
        || lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || (lower.starts_with("data:") && !lower.starts_with("data:image/"))
    {
        return None;
    }
    Some(s)
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

/// Appends `s` escaped as in [`escape_html`].
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
    let Some(src) = safe_src(&image.src) else { return };
    out.push_str("<figure><img src=\"");
    push_html(out, src);
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
        let sep = if article.dir() == crate::Direction::Rtl { "، " } else { ", " };
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
                    let Some(src) = safe_src(&image.src) else { continue };
                    let alt = escape_markdown_line(&image.alt.replace('\n', " "), MdContext::Inline);
                    let mut s = format!("![{alt}]({})", markdown_url(src));
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

    use crate::article::{Article, Block, credit_kind, kind_name};
    use crate::dom::BlockKind;
    use crate::meta::{Author, AuthorKind, Date};

    impl Serialize for BlockKind {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(kind_name(*self))
        }
    }

    impl Serialize for AuthorKind {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(credit_kind(*self))
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
    fn unsafe_sources_are_dropped() {
        assert_eq!(safe_src(" JavaScript:alert(1)"), None);
        assert_eq!(safe_src("data:text/html,x"), None);
        assert_eq!(safe_src("data:image/png;base64,AA"), Some("data:image/png;base64,AA"));
        assert_eq!(safe_src("/a.jpg"), Some("/a.jpg"));
        assert_eq!(markdown_url("/a b(1).jpg"), "/a%20b%281%29.jpg");
    }
}
