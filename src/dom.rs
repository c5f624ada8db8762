//! Parsing and the walk: HTML → a flat list of elements and text blocks in document order.
//!
//! The page is parsed with html5ever into the crate's own tree ([`crate::tree`]: nodes in one
//! store, linked by index, in place of markup5ever_rcdom's reference-counted nodes, which cost more
//! to build, to free and in memory), then walked once, iteratively (an explicit stack, so 100,000
//! nested `<div>`s cost memory, not call depth). Elements get indices in pre-order, so "is element
//! `e` inside `c`" is `c <= e < elems[c].end`, and every later stage keeps its data in plain
//! vectors indexed by element or block.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ParseOpts, parse_document};

use crate::error::{Error, Limit};
use crate::model::BlockKind;
use crate::normalize::FastMap;
use crate::normalize::{CharInfo, CharTable, collapse_lines, collapse_ws};
use crate::rules::{ElementMarks, ElementVerdict, NameMemo, PageRules};
use crate::scan::{keeps_attribute, opens_like_json_ld};
use crate::tree::{Budget, DOCUMENT, Data, Nodes, Tree};

/// What a `<br>` leaves in the text buffer: a line break inside the block.
const LINE_BREAK: char = crate::normalize::LINE_BREAK;

/// "No element": the parent of the root.
pub(crate) const NONE: u32 = u32::MAX;

/// One element of the page.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    pub tag: html5ever::LocalName,
    pub parent: u32,
    /// One past the index of the element's last descendant.
    pub end: u32,
    pub verdict: ElementVerdict,
    /// `nav`, `footer`, `aside`, `form` or an ARIA landmark role of chrome.
    pub chrome_tag: bool,
    /// Class/id/itemprop hints for metadata: byline or date.
    pub hint: Hint,
}

/// Metadata hints carried by an element's class, id, itemprop or rel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    pub byline: bool,
    pub date: bool,
}

/// A run of text a reader sees as one unit, or an image.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    pub kind: BlockKind,
    /// The nearest block-level element holding the text.
    pub elem: u32,
    /// Characters (not white space) of the text, and of the part inside links.
    pub chars: u32,
    pub link_chars: u32,
    /// Characters of the links the text opens with, before any text outside a link (a
    /// directory entry or a teaser starts with its linked name).
    pub lead_link_chars: u32,
    /// For images: the source and alt text.
    pub src: Option<String>,
}

/// Everything the later stages need from the page, with the DOM itself dropped.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub elems: Vec<Elem>,
    pub blocks: Vec<RawBlock>,
    pub title: Option<String>,
    /// `<meta>` pairs: (name/property/itemprop lower-cased, content).
    pub metas: Vec<(String, String)>,
    pub jsonld: Vec<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// `<time datetime>` values with the block index that follows them.
    pub times: Vec<(String, usize)>,
    /// The text of links to an author's page, with the index of the block holding them.
    pub author_links: Vec<(String, usize)>,
    /// Characters (not white space) of text on the whole page.
    pub total_chars: u64,
}

/// Limits of the parse and the walk.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// What building the tree may cost, with bounds that grow with the input's size.
    pub max_nodes: usize,
    pub max_depth: usize,
    /// Bytes of one block's text (longer text is cut at a character boundary).
    pub max_block_bytes: usize,
}

/// Bytes the tree may hold per byte of input, and besides (an estimate that counts text as
/// copied, though the tree mostly shares it with the input): the corpus pages over 200 KB need
/// at most 7.5 per byte, and 12 per byte covers every corpus page (1,292) but for 319 bytes;
/// the largest tree of the corpus holds 2.8 MB. A page of `<p>x</p>` needs about 30 per byte,
/// and one that leaves formatting tags open far more: 64 kept open copy themselves into every
/// paragraph, 450 bytes of tree per byte of `<p>x</p>`, so such a page stops at the bound.
const TREE_BYTES_PER_INPUT_BYTE: usize = 12;
const TREE_BYTES_BASE: usize = 16 << 20;

/// Element names html5ever may look at per byte of input, and besides: the corpus needs at most
/// 0.6 per byte (its deepest page has 42 elements open); 64 `<span>`s left open before each
/// `<p>` need about 16.
const LOOKUPS_PER_INPUT_BYTE: u64 = 32;
const LOOKUPS_BASE: u64 = 16 << 20;

/// Bytes handed to the parser at once: between two, the tree's budget is checked, so a page
/// that passes a bound stops within one piece of it.
const PIECE: usize = 8 << 10;

impl Limits {
    /// The budget of building the tree of `bytes` of input.
    pub(crate) fn budget(&self, bytes: usize) -> Budget {
        Budget {
            nodes: self.max_nodes,
            depth: self.max_depth,
            bytes: bytes.saturating_mul(TREE_BYTES_PER_INPUT_BYTE).saturating_add(TREE_BYTES_BASE),
            lookups: (bytes as u64).saturating_mul(LOOKUPS_PER_INPUT_BYTE).saturating_add(LOOKUPS_BASE),
        }
    }
}

/// The value of attribute `name` of an element `tag`: one the pre-scan keeps (checked in debug
/// builds), as the scan leaves out of the parse every attribute it does not keep.
fn attr<'a>(tag: &str, attrs: &'a [html5ever::Attribute], name: &str) -> Option<&'a str> {
    debug_assert!(keeps_attribute(tag.as_bytes(), name.as_bytes()), "the scan leaves out {tag} {name}");
    attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
}

/// Block-level tags: each starts and ends a block.
fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "dialog"
            | "hr"
            | "body"
            | "html"
            | "menu"
            | "hgroup"
            | "marquee"
            | "amp-carousel"
            | "amp-img"
    )
}

/// U+00AD, a hyphenation hint.
const SOFT_HYPHEN: char = '\u{ad}';

/// Tags whose content is never text of the page.
fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            // Ruby annotations: the reading of the characters beside them (furigana), not text.
            | "rt"
            | "rp"
            | "button"
            | "input"
            | "textarea"
            | "video"
            | "audio"
            | "map"
            | "head"
            | "link"
            | "meta"
            | "amp-ad"
            | "amp-analytics"
            | "amp-social-share"
            | "amp-sidebar"
    )
}

/// The block kind a tag gives the text inside it.
fn kind_of(tag: &str) -> Option<BlockKind> {
    Some(match tag {
        "p" => BlockKind::Paragraph,
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "td" | "th" => BlockKind::TableCell,
        "pre" => BlockKind::Preformatted,
        "figcaption" => BlockKind::Caption,
        _ => return None,
    })
}

fn is_hidden(a: &Attrs<'_>) -> bool {
    if a.hidden || a.aria_hidden == Some("true") {
        return true;
    }
    a.style.is_some_and(|s| {
        // Most styles say neither word: skip the copy for them.
        let lower = |b: &[u8], w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        if !lower(s.as_bytes(), b"none") && !lower(s.as_bytes(), b"hidden") {
            return false;
        }
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The attributes the walker reads on a body element, found in one pass over its list (the first
/// of a name wins, as in browsers).
#[derive(Default)]
struct Attrs<'a> {
    id: Option<&'a str>,
    class: Option<&'a str>,
    data_component: Option<&'a str>,
    data_testid: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    rel: Option<&'a str>,
    href: Option<&'a str>,
    style: Option<&'a str>,
    datetime: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    hidden: bool,
}

impl<'a> Attrs<'a> {
    /// Reads the attributes of an element `tag` (an `href` of links only).
    fn read(tag: &str, list: &'a [html5ever::Attribute]) -> Attrs<'a> {
        let mut a = Attrs::default();
        for at in list {
            let name = &*at.name.local;
            let slot = match name {
                "href" if tag != "a" => continue,
                "id" => &mut a.id,
                "class" => &mut a.class,
                "data-component" => &mut a.data_component,
                "data-testid" => &mut a.data_testid,
                "role" => &mut a.role,
                "itemprop" => &mut a.itemprop,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                "style" => &mut a.style,
                "datetime" => &mut a.datetime,
                "aria-hidden" => &mut a.aria_hidden,
                "hidden" => {
                    debug_assert!(keeps_attribute(tag.as_bytes(), b"hidden"));
                    a.hidden = true;
                    continue;
                }
                _ => continue,
            };
            debug_assert!(keeps_attribute(tag.as_bytes(), name.as_bytes()), "the scan leaves out {tag} {name}");
            slot.get_or_insert(&at.value);
        }
        a
    }
}

/// Parses `html` and walks it into a [`Page`].
pub(crate) fn parse(html: &str, rules: &PageRules<'_>, limits: Limits) -> Result<Page, Error> {
    Ok(walk(build(html, limits.budget(html.len()))?, rules, limits))
}

/// Parses `html` into a tree, without the spans the pre-scan found the walk has no use for,
/// within `budget`.
pub(crate) fn build(html: &str, budget: Budget) -> Result<Nodes, Error> {
    let tree = build_tree(html, budget)?;
    match tree.over() {
        Some((limit, max, actual)) => Err(Error::TooLarge { limit, max, actual }),
        None => Ok(tree.into_nodes()),
    }
}

/// The tree of `html`: whole, or as far as it got when it passed a bound of `budget`.
fn build_tree(html: &str, budget: Budget) -> Result<Tree, Error> {
    // html5ever's buffers count bytes in 32 bits.
    let max = u32::MAX as usize;
    if html.len() > max {
        return Err(Error::TooLarge { limit: Limit::InputBytes, max, actual: html.len() });
    }
    let kept = kept(html, &crate::scan::scan(html));
    let mut parser = parse_document(Tree::with_budget(budget), ParseOpts::default());
    let mut from = 0;
    while from < kept.len() {
        let mut to = (from + PIECE).min(kept.len());
        while !kept.is_char_boundary(to) {
            to += 1;
        }
        // Both fit in 32 bits: `kept` is no longer than `html`.
        parser.process(kept.subtendril(from as u32, (to - from) as u32));
        if parser.tokenizer.sink.sink.over().is_some() {
            return Ok(parser.tokenizer.sink.sink);
        }
        from = to;
    }
    Ok(parser.finish())
}

/// The page without the cuts, in one buffer (the parser's text nodes share it).
fn kept(html: &str, cuts: &[std::ops::Range<usize>]) -> StrTendril {
    let cut: usize = cuts.iter().map(|c| c.len()).sum();
    let mut kept = StrTendril::with_capacity(u32::try_from(html.len() - cut).unwrap_or(u32::MAX));
    let mut from = 0;
    for cut in cuts.iter().chain(std::iter::once(&(html.len()..html.len()))) {
        if let Some(part) = html.get(from..cut.start) {
            kept.push_slice(part);
            from = cut.end;
        }
    }
    kept
}

enum Step {
    /// A node of the tree, and the index of its nearest element on the page.
    Enter(u32, u32),
    /// The end of element `elem`, and what it opened.
    Exit { elem: u32, open: Opened },
}

struct Walker<'r> {
    rules: &'r PageRules<'r>,
    limits: Limits,
    page: Page,
    buf: String,
    buf_chars: u32,
    buf_link_chars: u32,
    /// Link characters at the start of the buffer, and whether text outside links came since.
    buf_lead_link_chars: u32,
    buf_past_lead: bool,
    /// Nearest block-level element for text seen now.
    owners: Vec<u32>,
    kinds: Vec<BlockKind>,
    links: u32,
    /// A `<br>` was the last thing in the buffer (two in a row end the block).
    last_br: bool,
    /// What the rule table said of each (tag, class) already seen on this page, for elements
    /// without an id: pages repeat the same class attribute hundreds of times.
    marks_cache: FastMap<u64, (html5ever::LocalName, String, ElementMarks)>,
    /// What each class or id name matched, for elements the cache above misses.
    names: NameMemo,
    /// Open author links: where their text starts in the buffer, and the block count then.
    author_links: Vec<(usize, usize)>,
}

impl Walker<'_> {
    fn flush(&mut self) {
        self.last_br = false;
        if self.buf_chars == 0 {
            self.buf.clear();
            self.buf_link_chars = 0;
            self.buf_lead_link_chars = 0;
            self.buf_past_lead = false;
            return;
        }
        let mut text = collapse_lines(&self.buf);
        if text.len() > self.limits.max_block_bytes {
            let mut cut = self.limits.max_block_bytes;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        // The buffer held the page's indentation too: give back what the collapsed text does not use.
        if text.capacity() > text.len() + text.len() / 2 + 16 {
            text.shrink_to_fit();
        }
        self.page.total_chars += u64::from(self.buf_chars);
        self.page.blocks.push(RawBlock {
            text,
            kind: self.kinds.last().copied().unwrap_or(BlockKind::Paragraph),
            elem: self.owners.last().copied().unwrap_or(0),
            chars: self.buf_chars,
            link_chars: self.buf_link_chars.min(self.buf_chars),
            lead_link_chars: self.buf_lead_link_chars.min(self.buf_chars),
            src: None,
        });
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_link_chars = 0;
        self.buf_lead_link_chars = 0;
        self.buf_past_lead = false;
    }

    fn text(&mut self, s: &str) {
        let table = CharTable::get();
        let n = s.chars().filter(|&c| !table.info(c).is(CharInfo::SPACE | CharInfo::INVISIBLE)).count() as u32;
        if n > 0 {
            self.last_br = false;
        }
        if self.buf.len() < self.limits.max_block_bytes.saturating_mul(2) {
            // Soft hyphens are where a word may break, not characters of it: left in, they
            // split words for every reader of the text.
            if s.contains(SOFT_HYPHEN) {
                self.buf.extend(s.chars().filter(|&c| c != SOFT_HYPHEN));
            } else {
                self.buf.push_str(s);
            }
        }
        self.buf_chars = self.buf_chars.saturating_add(n);
        if self.links > 0 {
            self.buf_link_chars = self.buf_link_chars.saturating_add(n);
            if !self.buf_past_lead {
                self.buf_lead_link_chars = self.buf_lead_link_chars.saturating_add(n);
            }
        } else if n > 0 {
            self.buf_past_lead = true;
        }
    }

    fn head_element(&mut self, tag: &str, attrs: &[html5ever::Attribute], nodes: &Nodes, node: u32) {
        match tag {
            "title" if self.page.title.is_none() => {
                self.page.title = Some(collapse_ws(capped(&text_of(nodes, node), MAX_META_BYTES)));
            }
            "meta" if self.page.metas.len() < MAX_METAS => {
                let key = attr(tag, attrs, "property")
                    .or_else(|| attr(tag, attrs, "name"))
                    .or_else(|| attr(tag, attrs, "itemprop"));
                if let (Some(k), Some(v)) = (key, attr(tag, attrs, "content")) {
                    let k = capped(k.trim(), MAX_META_BYTES).to_ascii_lowercase();
                    self.page.metas.push((k, capped(v, MAX_META_BYTES).to_string()));
                }
            }
            "link" => {
                let rel = attr(tag, attrs, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") && self.page.canonical.is_none() {
                    self.page.canonical =
                        attr(tag, attrs, "href").map(|h| capped(h.trim(), MAX_META_BYTES).to_string());
                }
            }
            "script" => {
                let text = match attr(tag, attrs, "type") {
                    Some(t) if t.trim().eq_ignore_ascii_case("application/ld+json") => text_of(nodes, node),
                    // Some sites leave the type out: such a script counts when it opens like JSON-LD.
                    None => Some(text_of(nodes, node)).filter(|t| opens_like_json_ld(t.as_bytes())).unwrap_or_default(),
                    _ => return,
                };
                // Whole scripts, while they fit in the page's share (a cut one would not parse).
                let held: usize = self.page.jsonld.iter().map(String::len).sum();
                if !text.is_empty() && held + text.len() <= MAX_JSON_LD_BYTES {
                    self.page.jsonld.push(text);
                }
            }
            _ => {}
        }
    }
}

/// Bytes kept of a metadata string (a `<meta>` name or value, the `<title>`, the canonical
/// link, a `<time datetime>`): metadata is parsed and compared, so its size is bounded before.
/// Real values stay under a few kilobytes.
const MAX_META_BYTES: usize = 16 << 10;

/// `<meta>` elements kept (real pages have under 200).
const MAX_METAS: usize = 1_000;

/// `<time datetime>` values kept.
const MAX_TIMES: usize = 1_000;

/// Bytes of JSON-LD kept, in whole scripts (real pages have under 100 KB, the article's text
/// included).
const MAX_JSON_LD_BYTES: usize = 2 << 20;

/// `s` cut to at most `max` bytes, at a character boundary.
fn capped(s: &str, max: usize) -> &str {
    let mut cut = max.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// The concatenated text children of a node (for `<title>` and `<script>`), not descending.
fn text_of(nodes: &Nodes, node: u32) -> String {
    let mut s = String::new();
    for (_, child) in nodes.children(node) {
        if let Data::Text(text) = &child.data {
            s.push_str(text);
        }
    }
    s
}

/// Walks the tree into a [`Page`], taking it apart as it goes (see [`Walker::enter`]).
fn walk(mut tree: Nodes, rules: &PageRules<'_>, limits: Limits) -> Page {
    let mut w = Walker {
        rules,
        limits,
        page: Page::default(),
        buf: String::new(),
        buf_chars: 0,
        buf_link_chars: 0,
        buf_lead_link_chars: 0,
        buf_past_lead: false,
        owners: Vec::new(),
        kinds: Vec::new(),
        links: 0,
        last_br: false,
        marks_cache: FastMap::default(),
        names: NameMemo::default(),
        author_links: Vec::new(),
    };
    let mut stack = vec![Step::Enter(DOCUMENT, NONE)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit { elem, open } => w.exit(elem, open),
            Step::Enter(node, parent) => w.enter(&mut tree, &mut stack, node, parent),
        }
    }
    w.flush();
    w.page
}

/// What an element opened in the walker's state, to close when the walk leaves it.
#[derive(Debug, Clone, Copy)]
struct Opened {
    block: bool,
    link: bool,
    kind: bool,
    /// A link to the author's page (`rel="author"`, `/author/…`): its text is kept.
    author: bool,
}

/// What the walk reads of an element's attributes beyond the rule table's marks.
struct Reading {
    verdict: ElementVerdict,
    chrome_tag: bool,
    hint: Hint,
    author_link: bool,
}

impl Walker<'_> {
    /// Enters `node`, whose nearest element on the page is `parent`. The node's content moves
    /// out of the tree: each node's text and attributes are freed once walked, so the tree and
    /// the page's blocks are never both whole in memory.
    fn enter(&mut self, tree: &mut Nodes, stack: &mut Vec<Step>, node: u32, parent: u32) {
        let Some(data) = tree.get_mut(node as usize).map(|n| std::mem::replace(&mut n.data, Data::Other)) else {
            return;
        };
        match data {
            Data::Document => push_children(tree, stack, node, parent),
            Data::Text(text) => self.text(&text),
            Data::Element { name, attrs, .. } => self.element(tree, stack, node, parent, &name.local, &attrs),
            Data::Other => {}
        }
    }

    /// Enters an element: metadata from skipped ones, line breaks, and for the rest an [`Elem`],
    /// an image block, and its children to walk.
    fn element(
        &mut self,
        tree: &Nodes,
        stack: &mut Vec<Step>,
        node: u32,
        parent: u32,
        local: &html5ever::LocalName,
        attrs: &[html5ever::Attribute],
    ) {
        let tag = &**local;
        if tag == "html" {
            self.page.lang = attr(tag, attrs, "lang").map(|s| s.trim().to_string());
            self.page.dir = attr(tag, attrs, "dir").map(|s| s.trim().to_ascii_lowercase());
        }
        if is_skipped_tag(tag) {
            if tag == "head" {
                // Walk the head only for metadata.
                head_walk(self, tree, node);
            } else {
                self.head_element(tag, attrs, tree, node);
            }
            return;
        }
        if tag == "br" {
            self.line_break();
            return;
        }
        let at = Attrs::read(tag, attrs);
        if tag == "time"
            && let Some(dt) = at.datetime
            && self.page.times.len() < MAX_TIMES
        {
            self.page.times.push((capped(dt, MAX_META_BYTES).to_string(), self.page.blocks.len()));
        }
        // Microdata dates of the page's work ("<time itemprop=datePublished datetime=…>",
        // "<span itemprop=datePublished content=…>") are read like <meta itemprop>, hidden or not.
        if let Some(prop) =
            at.itemprop.filter(|p| p.eq_ignore_ascii_case("datePublished") || p.eq_ignore_ascii_case("dateModified"))
            && let Some(v) = at.datetime.or_else(|| attr(tag, attrs, "content"))
            && self.page.metas.len() < MAX_METAS
        {
            self.page.metas.push((prop.to_ascii_lowercase(), capped(v, MAX_META_BYTES).to_string()));
        }
        if is_hidden(&at) {
            return;
        }
        let idx = self.page.elems.len() as u32;
        let reading = self.read(local, &at);
        self.page.elems.push(Elem {
            tag: local.clone(),
            parent,
            end: idx + 1,
            verdict: reading.verdict,
            chrome_tag: reading.chrome_tag,
            hint: reading.hint,
        });
        if tag == "img" || tag == "amp-img" {
            self.image(tag, attrs, idx);
        }
        let open = self.open(tag, idx, &reading);
        stack.push(Step::Exit { elem: idx, open });
        push_children(tree, stack, node, idx);
    }

    /// A `<br>`: a line break in the block; two in a row end it.
    fn line_break(&mut self) {
        if self.last_br {
            self.flush();
        } else {
            self.buf.push(LINE_BREAK);
            self.last_br = true;
        }
    }

    /// What the rule table and the attributes say of an element.
    fn read(&mut self, local: &html5ever::LocalName, at: &Attrs<'_>) -> Reading {
        let tag = &**local;
        let marks = self.marks(local, at);
        let mut verdict = marks.verdict;
        let role = at.role.unwrap_or("");
        let itemprop = at.itemprop.unwrap_or("");
        if itemprop.eq_ignore_ascii_case("articleBody") || itemprop.eq_ignore_ascii_case("text") {
            verdict.body = verdict.body.or(Some(u16::MAX));
        }
        let chrome_tag = matches!(tag, "nav" | "footer" | "aside" | "form")
            || matches!(role, "navigation" | "banner" | "contentinfo" | "complementary" | "search");
        let rel_author = at.rel.is_some_and(|r| r.eq_ignore_ascii_case("author"));
        let author_path = if tag == "a" { at.href.and_then(crate::rules::author_link) } else { None };
        let hint = Hint {
            byline: marks.byline || itemprop.eq_ignore_ascii_case("author") || rel_author || author_path.is_some(),
            date: tag == "time" || marks.date || itemprop.to_ascii_lowercase().starts_with("date"),
        };
        Reading { verdict, chrome_tag, hint, author_link: tag == "a" && (rel_author || author_path == Some(true)) }
    }

    /// The rule table's marks for an element, from the page's cache when it has no id.
    fn marks(&mut self, local: &html5ever::LocalName, at: &Attrs<'_>) -> ElementMarks {
        let tag = &**local;
        let id = at.id.unwrap_or("");
        // `data-component` / `data-testid` name parts of the page the way class names used to,
        // on sites whose classes are generated hashes.
        let class_attr = at.class.unwrap_or("");
        let joined;
        let class = match at.data_component.or(at.data_testid) {
            Some(d) => {
                joined = format!("{class_attr} {d}");
                joined.as_str()
            }
            None => class_attr,
        };
        if !id.is_empty() {
            return self.rules.classify_element_with(tag, id, class, &mut self.names);
        }
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = crate::normalize::Fnv::default();
            tag.hash(&mut h);
            class.hash(&mut h);
            h.finish()
        };
        match self.marks_cache.get(&key) {
            Some((t, c, m)) if t == local && c == class => *m,
            _ => {
                let m = self.rules.classify_element_with(tag, id, class, &mut self.names);
                if self.marks_cache.len() < 4096 {
                    self.marks_cache.insert(key, (local.clone(), class.to_string(), m));
                }
                m
            }
        }
    }

    /// An image block for an `<img>` with a source (not inline `data:`).
    fn image(&mut self, tag: &str, attrs: &[html5ever::Attribute], idx: u32) {
        let src = attr(tag, attrs, "src")
            .or_else(|| attr(tag, attrs, "data-src"))
            .or_else(|| attr(tag, attrs, "data-original"))
            .filter(|s| !s.trim().is_empty() && !s.starts_with("data:"));
        if let Some(src) = src {
            self.flush();
            self.page.blocks.push(RawBlock {
                text: collapse_ws(attr(tag, attrs, "alt").unwrap_or("")),
                kind: BlockKind::Image,
                elem: idx,
                chars: 0,
                link_chars: 0,
                lead_link_chars: 0,
                src: Some(src.trim().to_string()),
            });
        }
    }

    /// Opens what element `idx` starts: a block, a block kind, a link, an author link.
    fn open(&mut self, tag: &str, idx: u32, reading: &Reading) -> Opened {
        // An inline element that a rule or hint marks (a caption `<span>`, a byline `<span>`)
        // starts a block of its own, so the mark reaches its text.
        let marked = reading.verdict != ElementVerdict::default() || reading.hint != Hint::default();
        let block = is_block_tag(tag) || (marked && tag != "a" && tag != "img");
        let kind = kind_of(tag);
        if block {
            self.flush();
            self.owners.push(idx);
        }
        if let Some(k) = kind {
            self.kinds.push(k);
        }
        let link = tag == "a";
        if link {
            self.links += 1;
        }
        if reading.author_link {
            self.author_links.push((self.buf.len(), self.page.blocks.len()));
        }
        Opened { block, link, kind: kind.is_some(), author: reading.author_link }
    }

    /// Leaves element `elem`: closes what it opened and records where it ends.
    fn exit(&mut self, elem: u32, open: Opened) {
        if open.author
            && let Some((start, blocks)) = self.author_links.pop()
        {
            // Only a link whose text stayed in one block, and a few per page.
            if blocks == self.page.blocks.len()
                && self.page.author_links.len() < 16
                && let Some(text) = self.buf.get(start..)
            {
                self.page.author_links.push((collapse_ws(text), blocks));
            }
        }
        if open.block {
            self.flush();
            self.owners.pop();
        }
        if open.kind {
            self.kinds.pop();
        }
        if open.link {
            self.links = self.links.saturating_sub(1);
        }
        let end = self.page.elems.len() as u32;
        if let Some(e) = self.page.elems.get_mut(elem as usize) {
            e.end = end;
        }
    }
}

/// Pushes the children of `node` so that the first is walked first.
fn push_children(tree: &Nodes, stack: &mut Vec<Step>, node: u32, elem: u32) {
    stack.extend(tree.children_rev(node).map(|(child, _)| Step::Enter(child, elem)));
}

/// Collects `<title>`, `<meta>`, `<link>` and JSON-LD from the head (one level deep is enough:
/// html5ever puts them there directly).
fn head_walk(w: &mut Walker<'_>, tree: &Nodes, head: u32) {
    for (child, c) in tree.children(head) {
        if let Data::Element { name, attrs, .. } = &c.data {
            w.head_element(&name.local, attrs, tree, child);
        }
    }
}

impl Page {
    /// Whether element `e` is `c` or inside it.
    pub fn contains(&self, c: u32, e: u32) -> bool {
        self.elems.get(c as usize).is_some_and(|ce| c <= e && e < ce.end)
    }

    /// The ancestors of `e`, nearest first, `e` included.
    pub fn ancestors(&self, e: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(e).filter(|&e| e != NONE), move |&i| {
            self.elems.get(i as usize).map(|x| x.parent).filter(|&p| p != NONE)
        })
    }

    /// The first `<meta>` value among `keys` (lower-case), trimmed and non-empty.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.metas.iter().find(|(name, v)| name == k && !v.trim().is_empty()).map(|(_, v)| v.trim()))
    }
}

/// The hostile page shapes tests/hostile.rs and the benchmarks use too.
#[cfg(test)]
#[path = "../tests/shapes/mod.rs"]
mod shapes;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{RuleSet, default_rules};

    fn page(html: &str) -> Page {
        let set = RuleSet::new(&default_rules());
        let rules = set.for_host(None);
        parse(html, &rules, Limits { max_nodes: 1_000_000, max_depth: 100_000, max_block_bytes: 100_000 }).unwrap()
    }

    #[test]
    fn soft_hyphens_and_ruby_readings_are_not_text() {
        let p = page("<p>Mit\u{ad}tel\u{ad}al\u{ad}ter</p><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>");
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Mittelalter", "子ども"]);
        assert_eq!(p.blocks[0].chars, 11);
    }

    #[test]
    fn blocks_follow_block_elements_and_double_br() {
        let p = page("<div>سطر أول<br>تابع<br><br>سطر ثان<p>فقرة <a href='#'>رابط</a></p><ul><li>بند</li></ul></div>");
        let texts: Vec<_> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["سطر أول\nتابع", "سطر ثان", "فقرة رابط", "بند"]);
        assert_eq!(p.blocks[2].link_chars, 4);
        assert_eq!(p.blocks[3].kind, BlockKind::ListItem);
    }

    #[test]
    fn head_metadata_and_skipped_tags() {
        let p = page(
            r#"<html lang="ar" dir="rtl"><head><title> عنوان </title><meta property="og:title" content="خبر">
            <script type="application/ld+json">{"a":1}</script></head>
            <body><script>var x;</script><style>p{}</style><p hidden>مخفي</p><p>ظاهر</p></body></html>"#,
        );
        assert_eq!(p.title.as_deref(), Some("عنوان"));
        assert_eq!(p.meta(&["og:title"]), Some("خبر"));
        assert_eq!(p.jsonld, [r#"{"a":1}"#]);
        assert_eq!(p.lang.as_deref(), Some("ar"));
        assert_eq!(p.blocks.len(), 1);
        assert_eq!(p.blocks[0].text, "ظاهر");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Inline elements: html5ever nests them cheaply, so the walk meets a 50,000-deep tree.
        let html = format!("<p>{}نص{}</p>", "<span>".repeat(50_000), "</span>".repeat(50_000));
        let p = page(&html);
        assert_eq!(p.blocks.len(), 1);
        assert!(p.contains(0, p.blocks[0].elem));
    }

    #[test]
    fn metadata_is_capped_before_later_stages() {
        let long = "ت".repeat(MAX_META_BYTES);
        let script = |body: &str| format!("<script type=application/ld+json>{body}</script>");
        let html = format!(
            "<head><title>{long}</title><meta name=date content='2024-01-1{long}'>{}{}{}</head><p>نص</p>",
            "<meta name=k content=v>".repeat(MAX_METAS + 5),
            script(&format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_JSON_LD_BYTES - 20))),
            script("{\"b\":1}".repeat(30).as_str()),
        );
        let p = page(&html);
        assert_eq!(p.title.as_ref().map(String::len), Some(MAX_META_BYTES));
        assert_eq!(p.metas[0].1.len(), MAX_META_BYTES - 1, "cut at a character boundary");
        assert_eq!(p.metas.len(), MAX_METAS);
        // Whole scripts while they fit: the second does not.
        assert_eq!(p.jsonld.len(), 1);
    }

    #[test]
    fn node_limit_is_a_typed_error() {
        let set = RuleSet::new(&default_rules());
        let rules = set.for_host(None);
        let html = "<p>x</p>".repeat(100);
        let err = parse(&html, &rules, Limits { max_nodes: 50, max_depth: 100, max_block_bytes: 100 }).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: Limit::Nodes, .. }));
    }

    use super::shapes;

    /// What building the tree of `html` costs with the default limits: (nodes, names looked up
    /// by the parser, bytes held), and whether it stopped at a bound.
    fn cost(html: &str) -> (usize, u64, usize, bool) {
        let limits = Limits { max_nodes: 4_000_000, max_depth: 512, max_block_bytes: 1_000_000 };
        let tree = build_tree(html, limits.budget(html.len())).unwrap();
        let (nodes, _, bytes, lookups) = tree.spent();
        (nodes, lookups, bytes, tree.over().is_some())
    }

    #[test]
    fn every_hostile_shape_costs_linear_work() {
        let mut report = Vec::new();
        for &((name, make), n) in shapes::SHAPES {
            let (small, large) = (make(n), make(4 * n));
            let (a, b) = (cost(&small), cost(&large));
            report.push(format!("{name}: n {} B {a:?} → 4n {} B {b:?}", small.len(), large.len()));
            // Nodes, parser steps and bytes held grow at most in proportion to the input (5×
            // for 4× the input); a page that stops at a bound costs no more at 4n than at n.
            let linear = |x: f64, y: f64| y <= 5.0 * x + 1e4;
            let ok = linear(a.0 as f64, b.0 as f64) && linear(a.1 as f64, b.1 as f64) && linear(a.2 as f64, b.2 as f64);
            assert!(ok, "{name} grows faster than its input:\n{}", report.join("\n"));
        }
        eprintln!("{}", report.join("\n"));
    }
}
