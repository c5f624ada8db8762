//! The pre-scan: one linear pass over the markup, before html5ever sees it, that
//!
//! - keeps from html5ever what would cost it time with the square of the input: attributes of
//!   one tag past [`MAX_ATTRIBUTES`] (its tokenizer checks each new name against all before it)
//!   and formatting elements (`<b>`, `<font>`…) left open past [`MAX_FORMATTING`] (its tree
//!   builder compares each new one with all those still open, and copies them all into every
//!   new block); the element depth and the tree's size are bounded while it is built
//!   ([`crate::tree::Budget`]); and
//! - finds the spans the parser can be spared: the bodies of `<script>` (but JSON-LD) and
//!   `<style>` elements, the text of comments, the insides of inline `<svg>` drawings, and all
//!   but one character of the indentation between tags. They are a third of a typical news
//!   page's bytes and the walk never reads them (it collapses white space); html5ever would
//!   still tokenize them and build them into the tree. (Long attribute values the walk
//!   does not read were tried too: the tokenizer reads them in runs, so cutting them saved
//!   nothing.)
//!
//! The scan follows the HTML tokenizer's rules wherever they decide where such a span ends
//! (comments, quoted attribute values, raw-text and RCDATA elements, the escaped states of
//! script data, foreign content), and cuts only where it is sure: when in doubt it cuts nothing
//! from there on. Leaving out a span changes no element or text the walk reads; a test parses
//! generated markup and the corpus both ways and compares the trees.

use std::ops::Range;

/// Attributes of one tag that reach the parser; those after them are left out. Real pages stay
/// below a few dozen.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Formatting elements (of the kinds that can pile up, see [`formatting_kind`]) left open at
/// once that reach the parser; start tags past them are left out, their text kept. Real pages
/// leave a few open.
pub(crate) const MAX_FORMATTING: u32 = 64;

/// What the scan found: the spans of the input the parser can skip, in order.
pub(crate) fn scan(html: &str) -> Vec<Range<usize>> {
    let mut s = Scanner {
        b: html.as_bytes(),
        i: 0,
        formatting: [0; FORMATTING_KINDS],
        dropped: [0; FORMATTING_KINDS],
        bounds: Vec::new(),
        foreign: Vec::new(),
        drawing: None,
        in_select: false,
        pre: 0,
        next_close: (usize::MAX, None),
        attrs: Vec::new(),
        cutting: true,
        cuts: Vec::new(),
    };
    s.run();
    merge(s.cuts, s.bounds)
}

/// The spans of both lists in order, each once: a span of `bounds` lies inside a tag, which a
/// span of `cuts` either holds whole (a drawing's inside) or does not touch.
fn merge(cuts: Vec<Range<usize>>, bounds: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if bounds.is_empty() {
        return cuts;
    }
    let mut all: Vec<Range<usize>> = cuts.into_iter().chain(bounds).collect();
    all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Whether a script's text opens like JSON-LD: an object or array with an `@context` near its
/// start.
pub(crate) fn opens_like_json_ld(body: &[u8]) -> bool {
    let start = body.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(body.len());
    matches!(body.get(start), Some(b'{' | b'['))
        && body
            .get(start..(start + 200).min(body.len()))
            .is_some_and(|b| memchr::memmem::find(b, b"@context").is_some())
}

/// Whether an attribute `name` (any case) of a start tag `tag` (lower-case; empty when the scan
/// does not know it) reaches the parser: those the walk reads (`src/dom.rs`: its reads check
/// this in debug builds) and those the tree builder reads (an `<input>`'s type, a template's
/// `shadowrootmode`). Formatting elements keep all theirs (the parser compares them whole).
pub(crate) fn keeps_attribute(tag: &[u8], name: &[u8]) -> bool {
    let mut lower = [0u8; 14];
    if name.len() > lower.len() {
        return false;
    }
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    let name = &lower[..name.len()];
    match name {
        // (`datetime` and `content` everywhere: microdata dates, `<span itemprop content>`.)
        b"id" | b"class" | b"data-component" | b"data-testid" | b"role" | b"itemprop" | b"rel" | b"style"
        | b"aria-hidden" | b"hidden" | b"datetime" | b"content" => true,
        b"href" => matches!(tag, b"a" | b"link"),
        b"src" | b"data-src" | b"data-original" | b"alt" => matches!(tag, b"img" | b"image" | b"amp-img"),
        b"lang" | b"dir" => tag == b"html",
        b"property" | b"name" => tag == b"meta",
        b"type" => matches!(tag, b"script" | b"input"),
        b"shadowrootmode" => tag == b"template",
        _ => false,
    }
}

/// How many kinds [`formatting_kind`] tells apart.
const FORMATTING_KINDS: usize = 13;

/// The formatting elements that can pile up in html5ever's list of active formatting elements,
/// by kind (`<a>` cannot: a new one closes the open one).
fn formatting_kind(name: &[u8]) -> Option<usize> {
    Some(match name {
        b"b" => 0,
        b"big" => 1,
        b"code" => 2,
        b"em" => 3,
        b"font" => 4,
        b"i" => 5,
        b"s" => 6,
        b"small" => 7,
        b"strike" => 8,
        b"strong" => 9,
        b"tt" => 10,
        b"u" => 11,
        b"nobr" => 12,
        _ => return None,
    })
}

/// An element of foreign content (SVG or MathML) the scan is inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Foreign {
    Svg,
    Math,
    /// An SVG or MathML element whose content is HTML (its name, padded with zeros).
    Html([u8; 14]),
}

/// The open `<svg>` at the top of foreign content, while its inside can still be cut.
#[derive(Debug)]
struct Drawing {
    /// Where its content starts.
    start: usize,
    /// Whether every tag inside so far is a plain drawing tag, each end tag closing one open.
    plain: bool,
    /// The elements open inside it.
    open: Vec<[u8; 14]>,
}

struct Scanner<'a> {
    b: &'a [u8],
    /// Where the scan is.
    i: usize,
    /// Formatting start tags seen, less their end tags, by kind (more than the parser keeps
    /// open: it also closes them at table cells and misnested end tags).
    formatting: [u32; FORMATTING_KINDS],
    /// Formatting start tags left out, by kind, that end tags still to come may close.
    dropped: [u32; FORMATTING_KINDS],
    /// Spans left out to bound the parser's work: they are cut whatever the scan can follow.
    bounds: Vec<Range<usize>>,
    /// The `<svg>` and `<math>` elements open, outermost first.
    foreign: Vec<Foreign>,
    drawing: Option<Drawing>,
    /// Whether a `<select>` is open (where the parser ignores most tags).
    in_select: bool,
    /// Open `<pre>` and `<listing>` elements.
    pre: usize,
    /// The first `-->` at or after a place (where it is, if anywhere), once looked for.
    next_close: (usize, Option<usize>),
    /// The attributes of the tag read last.
    attrs: Vec<Attr>,
    /// False once the page turns out to be a frameset, where scripts and styles are not
    /// elements and their text stays in the tree.
    cutting: bool,
    cuts: Vec<Range<usize>>,
}

/// A tag as the tokenizer reads it.
struct Tag {
    /// The name, lower-cased, if it is short enough to be one the scan knows (else empty).
    name: [u8; 14],
    len: usize,
    /// Where its attributes start and where the tag ends (just past its `>`).
    attrs: usize,
    end: usize,
    self_closing: bool,
    /// Where the attribute past [`MAX_ATTRIBUTES`] starts, if there is one.
    excess: Option<usize>,
}

/// An attribute of a tag: its name, and where it ends (past its value, or its `=`, or its name).
#[derive(Debug)]
struct Attr {
    name: Range<usize>,
    end: usize,
}

impl Tag {
    fn name(&self) -> &[u8] {
        &self.name[..self.len]
    }
}

/// HTML whitespace (a carriage return counts: the tokenizer turns it into a line feed first).
fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Where the run of bytes from `i` ends: at the first that `stops`, or the end of the input.
fn run_end(b: &[u8], i: usize, stops: impl Fn(u8) -> bool) -> usize {
    b.get(i..).and_then(|r| r.iter().position(|&c| stops(c))).map_or(b.len(), |p| i + p)
}

/// Tags whose content the tokenizer reads as text up to their own end tag (in HTML content).
fn is_raw_text_tag(name: &[u8]) -> bool {
    matches!(
        name,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"noscript" | b"iframe" | b"noembed" | b"noframes"
    )
}

/// HTML tags that end foreign content when they appear in it.
fn is_breakout_tag(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// Tags of plain drawings: no text that could be HTML, no way back into HTML content.
fn is_drawing_tag(name: &[u8]) -> bool {
    matches!(
        name,
        b"svg"
            | b"g"
            | b"path"
            | b"circle"
            | b"rect"
            | b"ellipse"
            | b"line"
            | b"polyline"
            | b"polygon"
            | b"defs"
            | b"use"
            | b"symbol"
            | b"lineargradient"
            | b"radialgradient"
            | b"stop"
            | b"clippath"
            | b"mask"
            | b"pattern"
            | b"image"
    )
}

impl Scanner<'_> {
    fn run(&mut self) {
        let b = self.b;
        while let Some(off) = b.get(self.i..).and_then(|r| memchr::memchr(b'<', r)) {
            let lt = self.i + off;
            // Indentation between two tags: one character of it is as good as all of it to the
            // walk, which collapses white space (outside `<pre>`, where the parser also drops a
            // leading line feed).
            if off >= 2
                && self.pre == 0
                && b.get(self.i.wrapping_sub(1)) == Some(&b'>')
                && b.get(self.i..lt).is_some_and(|t| t.iter().all(|&c| is_ws(c)))
            {
                self.cut(self.i + 1, lt);
            }
            self.i = lt + 1;
            match b.get(lt + 1) {
                Some(b'!') => self.i = self.declaration_end(lt + 2),
                Some(b'?') => self.i = self.after(b'>', lt + 2),
                Some(b'/') => match b.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let tag = self.tag(lt + 2);
                        self.i = tag.end;
                        self.bound_attributes(&tag);
                        self.end_tag(&tag, lt);
                    }
                    Some(b'>') => self.i = lt + 3,
                    Some(_) => self.i = self.after(b'>', lt + 2),
                    None => return,
                },
                Some(c) if c.is_ascii_alphabetic() => {
                    let tag = self.tag(lt + 1);
                    self.i = tag.end;
                    if self.bound_formatting(&tag, lt) {
                        continue;
                    }
                    self.bound_attributes(&tag);
                    if !self.start_tag(&tag) {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Leaves out the attributes of `tag` past [`MAX_ATTRIBUTES`] (the tag's `/>` or `>` kept).
    fn bound_attributes(&mut self, tag: &Tag) {
        if let Some(from) = tag.excess {
            let close = if tag.self_closing { 2 } else { 1 };
            let to = tag.end.saturating_sub(close).min(self.b.len());
            if from < to && self.b.get(to) == Some(&if tag.self_closing { b'/' } else { b'>' }) {
                self.bounds.push(from..to);
            }
        }
    }

    /// Counts a formatting start tag, and leaves the whole tag (`<` at `lt`) out when
    /// [`MAX_FORMATTING`] are open already. Whether it was left out.
    fn bound_formatting(&mut self, tag: &Tag, lt: usize) -> bool {
        let Some(kind) = formatting_kind(tag.name()) else { return false };
        if self.formatting.iter().sum::<u32>() < MAX_FORMATTING {
            self.formatting[kind] += 1;
            return false;
        }
        self.dropped[kind] += 1;
        self.bounds.push(lt..tag.end);
        true
    }

    /// Just past the next `c` at or after `from`, or the end of the input.
    fn after(&self, c: u8, from: usize) -> usize {
        self.b.get(from..).and_then(|r| memchr::memchr(c, r)).map_or(self.b.len(), |e| from + e + 1)
    }

    /// Just past the next `pat` at or after `from`, or the end of the input.
    fn after_str(&self, pat: &[u8], from: usize) -> usize {
        self.b.get(from..).and_then(|r| memchr::memmem::find(r, pat)).map_or(self.b.len(), |e| from + e + pat.len())
    }

    /// The end of a `<!…` construct whose body starts at `from`: a comment, a CDATA section (in
    /// foreign content), a doctype or a bogus comment.
    fn declaration_end(&mut self, from: usize) -> usize {
        let rest = self.b.get(from..).unwrap_or_default();
        if let Some(body) = rest.strip_prefix(b"--") {
            // `<!-->` and `<!--->` are whole (empty) comments; else the first `-->` or `--!>`.
            if body.starts_with(b">") {
                return from + 3;
            }
            if body.starts_with(b"->") {
                return from + 4;
            }
            let at = from + 2;
            let body = self.b.get(at..).unwrap_or_default();
            // The first `-->`, or `--!>` if it comes first (looked for only up to the `-->`;
            // the `-->` found is remembered, so that many comments cost one pass).
            let dash = match self.next_close {
                (from, found) if from <= at && found.is_none_or(|f| f >= at) => found.map(|f| f - at),
                _ => {
                    let found = memchr::memmem::find(body, b"-->");
                    self.next_close = (at, found.map(|f| f + at));
                    found
                }
            };
            let upto = dash.map_or(body.len(), |d| d + 1);
            let (close, len) = match memchr::memmem::find(body.get(..upto).unwrap_or_default(), b"--!>") {
                Some(bang) => (bang, 4),
                None => match dash {
                    Some(d) => (d, 3),
                    None => return self.b.len(),
                },
            };
            // The parser keeps an empty comment, which the walk passes over.
            self.cut(at, at + close);
            return at + close + len;
        }
        if !self.foreign.is_empty() && rest.starts_with(b"[CDATA[") {
            return self.after_str(b"]]>", from + 7);
        }
        self.after(b'>', from)
    }

    /// Reads the tag whose name starts at `from` (after `<` or `</`), through its `>`, the way the
    /// tokenizer does: attribute values in quotes may hold `>`.
    fn tag(&mut self, from: usize) -> Tag {
        let b = self.b;
        let name_end = b
            .get(from..)
            .and_then(|r| r.iter().position(|&c| is_ws(c) || c == b'/' || c == b'>'))
            .map_or(b.len(), |p| from + p);
        let raw = &b[from..name_end];
        let mut name = [0u8; 14];
        let len = if raw.len() <= name.len() {
            for (d, s) in name.iter_mut().zip(raw) {
                *d = s.to_ascii_lowercase();
            }
            raw.len()
        } else {
            0
        };
        let (end, self_closing, excess) = self.attributes_end(name_end);
        Tag { name, len, attrs: name_end, end, self_closing, excess }
    }

    /// Just past the `>` that ends a tag whose name ends at `i`, whether the tag is self-closing,
    /// and where its attribute past [`MAX_ATTRIBUTES`] starts; the end of the input if the tag
    /// never ends. The states are the tokenizer's (before, in and after an attribute name, before
    /// a value, after a quoted value, after a `/`); a quote opens a value only after an `=` that
    /// follows a name.
    fn attributes_end(&mut self, mut i: usize) -> (usize, bool, Option<usize>) {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum At {
            BeforeName,
            Name,
            AfterName,
            BeforeValue,
            Unquoted,
            AfterQuoted,
            Slash,
        }
        let b = self.b;
        let mut at = At::BeforeName;
        let (mut names, mut excess) = (0, None);
        self.attrs.clear();
        while let Some(&c) = b.get(i) {
            i += 1;
            let was = at;
            at = match (at, c) {
                (At::BeforeValue, b'"' | b'\'') => {
                    i = self.after(c, i);
                    At::AfterQuoted
                }
                (At::BeforeValue, c) if is_ws(c) => At::BeforeValue,
                (At::BeforeValue | At::Unquoted, b'>') => return (i, false, excess),
                (At::BeforeValue, _) => At::Unquoted,
                (At::Unquoted, c) if is_ws(c) => At::BeforeName,
                (At::Unquoted, _) => At::Unquoted,
                (At::Slash, b'>') => return (i, true, excess),
                (_, b'>') => return (i, false, excess),
                (_, b'/') => At::Slash,
                (At::Name | At::AfterName, b'=') => At::BeforeValue,
                (At::Name | At::AfterName, c) if is_ws(c) => At::AfterName,
                (_, c) if is_ws(c) => At::BeforeName,
                // Anything else, `=` included where no name came before, is part of a name.
                _ => At::Name,
            };
            if at == At::Name && was != At::Name {
                names += 1;
                if names == MAX_ATTRIBUTES + 1 {
                    excess = Some(i - 1);
                }
                self.attrs.push(Attr { name: i - 1..i, end: i });
            }
            // The rest of a name or unquoted value, up to the byte that ends it, in one go.
            match at {
                At::Name => i = run_end(b, i, |c| is_ws(c) || matches!(c, b'/' | b'>' | b'=')),
                At::Unquoted => i = run_end(b, i, |c| is_ws(c) || c == b'>'),
                _ => {}
            }
            // Where the attribute read last ends: its name, its `=`, its value.
            if let Some(a) = self.attrs.last_mut() {
                match at {
                    At::Name => (a.name.end, a.end) = (i, i),
                    At::BeforeValue | At::Unquoted | At::AfterQuoted if was != At::AfterQuoted => a.end = i,
                    _ => {}
                }
            }
        }
        (b.len(), false, excess)
    }

    /// Handles a start tag; `false` when nothing after it can be cut or counted (`<plaintext>`).
    fn start_tag(&mut self, tag: &Tag) -> bool {
        let name = tag.name();
        match name {
            b"plaintext" => return false,
            // In a frameset, scripts and styles are not elements and their text stays.
            // (Where it takes, a drawing emptied may be what let it take.)
            b"frameset" => {
                self.lose_track();
                self.cuts.clear();
            }
            _ => {}
        }
        if !self.foreign.is_empty() {
            self.foreign_start_tag(tag);
            return true;
        }
        self.cut_attributes(tag);
        if self.in_select {
            match name {
                b"select" => {
                    // Closes the open one, opens none.
                    self.in_select = false;
                    return true;
                }
                b"input" | b"keygen" | b"textarea" => self.in_select = false,
                // A select ignores raw-text tags but `<script>`, and drawings; tables and
                // templates change its rules.
                _ if is_raw_text_tag(name) && name != b"script" => self.lose_track(),
                b"svg" | b"math" | b"template" | b"caption" | b"table" | b"tbody" | b"tfoot" | b"thead" | b"tr"
                | b"td" | b"th" => self.lose_track(),
                _ => {}
            }
        }
        match name {
            b"svg" | b"math" if !tag.self_closing => {
                self.foreign.push(if name == b"svg" { Foreign::Svg } else { Foreign::Math });
                self.drawing = (name == b"svg").then_some(Drawing { start: tag.end, plain: true, open: Vec::new() });
            }
            b"select" => self.in_select = true,
            b"pre" | b"listing" => self.pre += 1,
            b"script" => {
                let end = self.script_end(tag.end);
                // JSON-LD is read by the walk; any script that may be JSON is kept, and one
                // without a type that opens like JSON-LD.
                let attrs = self.b.get(tag.attrs..tag.end).unwrap_or_default();
                let body = self.b.get(tag.end..end).unwrap_or_default();
                if !attrs.windows(4).any(|w| w.eq_ignore_ascii_case(b"json")) && !opens_like_json_ld(body) {
                    self.cut(tag.end, end);
                }
                self.i = end;
            }
            b"style" => {
                let end = self.raw_text_end(tag.end, name);
                self.cut(tag.end, end);
                self.i = end;
            }
            _ if is_raw_text_tag(name) => self.i = self.raw_text_end(tag.end, name),
            _ => {}
        }
        true
    }

    /// Leaves out the attributes of a start tag in HTML content that no one reads (see
    /// [`keeps_attribute`]): runs of them, with the white space between, as one span. An
    /// attribute followed by `=` stays: without it, that `=` could give the one before a value.
    fn cut_attributes(&mut self, tag: &Tag) {
        let name = tag.name();
        if formatting_kind(name).is_some() || matches!(name, b"svg" | b"math") {
            return;
        }
        let mut run: Option<Range<usize>> = None;
        for k in 0..self.attrs.len() {
            let Attr { name: ref at, end } = self.attrs[k];
            let next = self.b.get(end..).and_then(|r| r.iter().position(|&c| !is_ws(c))).map(|p| self.b[end + p]);
            let drop = next != Some(b'=') && !keeps_attribute(name, self.b.get(at.clone()).unwrap_or_default());
            match (&mut run, drop) {
                (Some(r), true) if self.b.get(r.end..at.start).is_some_and(|t| t.iter().all(|&c| is_ws(c))) => {
                    r.end = end;
                }
                (_, true) => {
                    if let Some(r) = run.replace(at.start..end) {
                        self.cut(r.start, r.end);
                    }
                }
                (_, false) => {
                    if let Some(r) = run.take() {
                        self.cut(r.start, r.end);
                    }
                }
            }
        }
        if let Some(r) = run {
            self.cut(r.start, r.end);
        }
    }

    /// Handles a start tag inside SVG or MathML, where nothing is cut. A tag that leaves foreign
    /// content, or any tag inside an element that holds HTML, loses the scan its track.
    fn foreign_start_tag(&mut self, tag: &Tag) {
        let name = tag.name();
        if is_breakout_tag(name) || matches!(self.foreign.last(), Some(Foreign::Html(_))) {
            self.lose_track();
        }
        if let Some(d) = &mut self.drawing
            && d.plain
            && !tag.self_closing
        {
            d.open.push(tag.name);
        }
        match name {
            b"svg" if !tag.self_closing => self.foreign.push(Foreign::Svg),
            b"math" if !tag.self_closing => self.foreign.push(Foreign::Math),
            _ if tag.self_closing => {}
            b"foreignobject" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext" | b"annotation-xml" => {
                self.foreign.push(Foreign::Html(tag.name));
            }
            // Captions, and elements that are raw text in HTML but not here: skipped, and
            // harmless if they hold no markup.
            _ if is_raw_text_tag(name) || name == b"desc" => {
                let end = self.raw_text_end(tag.end, name);
                if self.b.get(tag.end..end).is_none_or(|t| t.contains(&b'<')) {
                    self.lose_track();
                }
                self.i = end;
                if matches!(name, b"title" | b"desc") {
                    return;
                }
            }
            _ => {}
        }
        if !is_drawing_tag(name) {
            self.spoil();
        }
    }

    /// Handles an end tag whose `<` is at `lt`.
    fn end_tag(&mut self, tag: &Tag, lt: usize) {
        let name = tag.name();
        if let Some(kind) = formatting_kind(name) {
            if self.dropped[kind] > 0 {
                self.dropped[kind] -= 1;
            } else {
                self.formatting[kind] = self.formatting[kind].saturating_sub(1);
            }
        }
        if self.foreign.is_empty() {
            if matches!(name, b"pre" | b"listing") {
                self.pre = self.pre.saturating_sub(1);
            }
            if self.in_select {
                match name {
                    b"select" => self.in_select = false,
                    b"template" | b"caption" | b"table" | b"tbody" | b"tfoot" | b"thead" | b"tr" | b"td" | b"th" => {
                        self.lose_track();
                    }
                    _ => {}
                }
            }
            return;
        }
        let kind = match name {
            b"svg" => Foreign::Svg,
            b"math" => Foreign::Math,
            b"p" | b"br" => {
                self.lose_track();
                return;
            }
            _ => {
                if matches!(self.foreign.last(), Some(Foreign::Html(n)) if *n == tag.name) {
                    self.foreign.pop();
                }
                self.close_in_drawing(tag);
                return;
            }
        };
        // It closes the innermost `<svg>` or `<math>` if it is one of its kind; deeper in the
        // stack, that element may have been closed already by a tag the scan does not follow.
        if self.foreign.last() == Some(&kind) {
            self.foreign.pop();
        } else {
            self.lose_track();
        }
        if !self.foreign.is_empty() {
            self.close_in_drawing(tag);
        }
        if self.foreign.is_empty()
            && let Some(d) = self.drawing.take()
            && d.plain
        {
            self.cut(d.start, lt);
        }
    }

    /// An end tag inside the open drawing must close the element opened last there (one that
    /// closes others on the way, or none, is not plain: it may close something outside).
    fn close_in_drawing(&mut self, tag: &Tag) {
        let Some(d) = &mut self.drawing else { return };
        let drawing = is_drawing_tag(tag.name()) || matches!(tag.name(), b"title" | b"desc");
        if drawing && d.open.last() == Some(&tag.name) {
            d.open.pop();
        } else {
            d.plain = false;
            // Nothing more to follow in it.
            d.open = Vec::new();
        }
    }

    /// The open drawing has something in it that is not plainly a drawing: keep it whole.
    fn spoil(&mut self) {
        if let Some(d) = &mut self.drawing {
            d.plain = false;
        }
    }

    /// The markup has reached a state the scan does not follow: cut nothing more.
    fn lose_track(&mut self) {
        self.cutting = false;
    }

    fn cut(&mut self, start: usize, end: usize) {
        if self.cutting && start < end {
            // A drawing's span takes in the comments cut inside it.
            while self.cuts.last().is_some_and(|c| c.start >= start) {
                self.cuts.pop();
            }
            self.cuts.push(start..end);
        }
    }

    /// Whether `at` starts `</name` (any case) followed by what ends a tag name.
    fn end_tag_at(&self, at: usize, name: &[u8]) -> bool {
        let b = self.b;
        b.get(at..at + 2) == Some(b"</")
            && b.get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && b.get(at + 2 + name.len()).is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>')
    }

    /// Where the raw-text or RCDATA element `name`, whose content starts at `from`, ends: at the
    /// `<` of its end tag, or the end of the input.
    fn raw_text_end(&self, mut from: usize, name: &[u8]) -> usize {
        while let Some(off) = self.b.get(from..).and_then(|r| memchr::memmem::find(r, b"</")) {
            let at = from + off;
            if self.end_tag_at(at, name) {
                return at;
            }
            from = at + 2;
        }
        self.b.len()
    }

    /// Where a `<script>` whose content starts at `from` ends, following the tokenizer through
    /// `<!--` (escaped) and `<!-- <script>` (double-escaped) script data, where `</script>` does
    /// not end the element.
    fn script_end(&self, mut i: usize) -> usize {
        #[derive(PartialEq, Eq)]
        enum At {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let b = self.b;
        let mut at = At::Data;
        loop {
            let rest = b.get(i..).unwrap_or_default();
            let next = match at {
                At::Data => memchr::memchr(b'<', rest),
                _ => memchr::memchr2(b'<', b'-', rest),
            };
            let Some(off) = next else { return b.len() };
            let p = i + off;
            i = p + 1;
            if b[p] == b'-' {
                if b.get(p..p + 3) == Some(b"-->") {
                    at = At::Data;
                    i = p + 3;
                }
                continue;
            }
            let ends = self.end_tag_at(p, b"script");
            match at {
                At::Data if b.get(p..p + 4) == Some(b"<!--") => {
                    at = At::Escaped;
                    // The dashes of `<!--` may be those of a closing `-->`.
                    i = p + 2;
                }
                At::Data | At::Escaped if ends => return p,
                At::Escaped => {
                    let opens = b.get(p + 1..p + 7).is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
                        && b.get(p + 7).is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>');
                    if opens {
                        at = At::DoubleEscaped;
                    }
                }
                At::DoubleEscaped if ends => at = At::Escaped,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::{DOCUMENT, Data, Nodes, Tree};
    use html5ever::tendril::TendrilSink;

    fn cut(html: &str) -> String {
        let cuts = scan(html);
        let mut out = String::new();
        let mut from = 0;
        for c in cuts {
            out.push_str(&html[from..c.start]);
            from = c.end;
        }
        out + &html[from..]
    }

    #[test]
    fn script_and_style_bodies_are_cut() {
        assert_eq!(
            cut("<p>a</p><script>var x = '<p>';</script><style>p{}</style><p>b</p>"),
            "<p>a</p><script></script><style></style><p>b</p>"
        );
        assert_eq!(cut("<SCRIPT type=x>y</SCRIPT >"), "<SCRIPT type=x></SCRIPT >");
        // `</scripts>` does not end a script; a script with no end runs to the end of the input.
        assert_eq!(cut("<script>a</scripts>b</script>c"), "<script></script>c");
        assert_eq!(cut("<script>a"), "<script>");
    }

    #[test]
    fn json_ld_is_kept() {
        let html = r#"<script type="application/ld+json">{"a": "</p>"}</script>"#;
        assert_eq!(cut(html), html);
        // Also without a type, when it opens like JSON-LD.
        let html = r#"<script> {"@context": "https://schema.org", "datePublished": "2022-01-28"}</script>"#;
        assert_eq!(cut(html), html);
        assert_eq!(cut(r#"<script>{"a": 1}</script>"#), "<script></script>");
    }

    #[test]
    fn tags_end_where_the_tokenizer_ends_them() {
        // A quoted `>` does not end a tag; a quote that does not follow `=` does not quote.
        assert_eq!(cut(r#"<a class="x>y"><script>z</script>"#), r#"<a class="x>y"><script></script>"#);
        assert_eq!(cut(r#"<a "b>"<script>z</script>"#), r#"<a >"<script></script>"#);
        assert_eq!(cut(r#"<a =">"<script>z</script>"#), r#"<a >"<script></script>"#);
        // In a comment, a title or a textarea, `<script>` is text; a comment's text is cut.
        assert_eq!(cut("<!-- <script> -->x</script>"), "<!---->x</script>");
        for html in ["<title><script></title>x</script>", "<textarea><script></textarea>x</script>"] {
            assert_eq!(cut(html), html);
        }
        assert_eq!(cut("<!--><script>x</script>"), "<!--><script></script>");
        assert_eq!(cut("<!---><script>x</script>"), "<!---><script></script>");
        assert_eq!(cut("<!-- --!><script>x</script>"), "<!----!><script></script>");
        assert_eq!(cut("<!-- a --!> b -->"), "<!----!> b -->");
    }

    #[test]
    fn escaped_script_data_is_followed() {
        let html = "<script><!-- document.write('<script>a</script>'); --></script><p>b</p>";
        assert_eq!(cut(html), "<script></script><p>b</p>");
        // Without the `-->`, the first `</script>` ends the double escape, not the element.
        let html = "<script><!-- <script></script><p>b</p>";
        assert_eq!(cut(html), "<script>");
    }

    #[test]
    fn indentation_is_cut_to_one_character() {
        assert_eq!(cut("<div>\n\t\t<p>a  b</p>\n\n</div>"), "<div>\n<p>a  b</p>\n</div>");
        // Not in preformatted text, nor in text.
        let html = "<pre>\n\n  <b>x</b>\n   </pre>";
        assert_eq!(cut(html), html);
        assert_eq!(cut("<p>a\n\n<b>c</b></p>"), "<p>a\n\n<b>c</b></p>");
    }

    #[test]
    fn only_plain_drawings_are_emptied() {
        assert_eq!(
            cut(r#"<svg viewBox="0 0 1 1"><g><path d="M0 0"/></g></svg>x"#),
            r#"<svg viewBox="0 0 1 1"></svg>x"#
        );
        assert_eq!(cut("<svg><title>Share</title><path/></svg>"), "<svg></svg>");
        assert_eq!(cut("<!--a--><svg><!--b--><path/></svg><!--c-->"), "<!----><svg></svg><!---->");
        // HTML inside a drawing leaves it; a caption with markup may hold HTML.
        for html in
            ["<svg><p>x</p></svg>", "<svg><foreignObject>x</foreignObject></svg>", "<svg><title><b>x</b></title></svg>"]
        {
            assert_eq!(cut(html), html);
        }
        // Nothing is cut inside foreign content.
        assert_eq!(cut("<math><script>x</script></math>"), "<math><script>x</script></math>");
    }

    #[test]
    fn deep_drawings_cost_one_pass() {
        // End tags that close nothing open, 100,000 deep (a scan that looked down the open
        // elements for each would take minutes).
        let html = format!("<svg>{}{}</svg>", "<g>".repeat(100_000), "</path>".repeat(100_000));
        assert!(scan(&html).is_empty());
        let html = format!("<svg>{}{}</svg>", "<g>".repeat(100_000), "</g>".repeat(100_000));
        assert_eq!(scan(&html).len(), 1);
    }

    #[test]
    fn comments_closed_by_bang() {
        // Each comment ends at its `--!>`, before the only `-->` at the very end (a scan that
        // looked for that `-->` from every comment would take minutes here).
        let html = "<!-- --!>".repeat(200_000) + "-->";
        assert_eq!(scan(&html).len(), 200_000);
    }

    #[test]
    fn attributes_no_one_reads_are_left_out() {
        assert_eq!(
            cut(r#"<div data-x="1" class=c title='t' onclick="a>b"><a href=h target=_blank>x</a></div>"#),
            r#"<div  class=c ><a href=h >x</a></div>"#
        );
        // (`lazy/` is a value: the tag does not close itself.)
        assert_eq!(cut("<img src=s srcset='a 1x' alt=a loading=lazy/>"), "<img src=s  alt=a >");
        // An image becomes an `<img>`; a formatting element keeps all its attributes; so do
        // tags in drawings, and an `<input>` its type (which places it in a table).
        for html in ["<image src=s>", "<b data-x=1>x</b>", "<math><mi data-x=1>x</mi></math>", "<input type=hidden>"] {
            assert_eq!(cut(html), html);
        }
        // A value may hold `/` and `>`; a name may start with `=`.
        assert_eq!(cut("<div title=a/>x"), "<div >x");
        assert_eq!(cut("<div hidden data-x=1 =v>x"), "<div hidden data-x=1 >x");
    }

    #[test]
    fn attributes_past_the_bound_are_left_out() {
        let attrs: String = (0..MAX_ATTRIBUTES + 10).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let kept: String = (0..MAX_ATTRIBUTES).map(|i| format!(" a{i}=\"{i}\"")).collect();
        // On tags whose attributes all reach the parser (else, no one reads these).
        assert_eq!(cut(&format!("<b{attrs}>x</b>")), format!("<b{kept} >x</b>"));
        assert_eq!(cut(&format!("<svg{attrs}/>")), format!("<svg{kept} />"));
        // Up to the bound, nothing changes.
        let html = format!("<b{kept}>x</b>");
        assert_eq!(cut(&html), html);
    }

    #[test]
    fn formatting_tags_past_the_bound_are_left_out() {
        let open = MAX_FORMATTING as usize;
        let html = format!("{}x{}", "<b id=1>".repeat(open + 5), "</b>".repeat(open + 5));
        assert_eq!(cut(&html), format!("{}x{}", "<b id=1>".repeat(open), "</b>".repeat(open + 5)));
        // Closed ones do not count; the end tags of those left out do not close others.
        let html = "<i>x</i>".repeat(open * 3);
        assert_eq!(cut(&html), html);
        let html = format!("{}</em><u>y", "<em>".repeat(open + 1));
        assert_eq!(cut(&html), format!("{}</em>y", "<em>".repeat(open)));
    }

    /// The tree as text, leaving out what the walk never reads: the content of scripts (but
    /// JSON), of styles and of drawings.
    fn shape(nodes: &Nodes) -> String {
        let mut out = String::new();
        let mut stack = vec![(DOCUMENT, false)];
        while let Some((id, close)) = stack.pop() {
            let Some(n) = nodes.get(id as usize) else { continue };
            match &n.data {
                Data::Element { name, attrs, .. } if close => out.push_str(&format!("</{}>", name.local)),
                Data::Element { name, attrs, .. } => {
                    out.push_str(&format!("<{}", name.local));
                    // The attributes the scan keeps (all, of formatting elements and drawings).
                    let tag = name.local.as_bytes();
                    let attrs: Vec<_> = attrs
                        .iter()
                        .filter(|a| {
                            formatting_kind(tag).is_some()
                                || matches!(tag, b"svg" | b"math")
                                || keeps_attribute(tag, a.name.local.as_bytes())
                        })
                        .collect();
                    for a in &attrs {
                        out.push_str(&format!(" {}={:?}", a.name.local, &*a.value));
                    }
                    out.push('>');
                    stack.push((id, true));
                    let json = attrs.iter().any(|a| a.value.to_ascii_lowercase().contains("json"));
                    let opaque = matches!(&*name.local, "style" | "svg") || (&*name.local == "script" && !json);
                    if !opaque {
                        let children: Vec<u32> = nodes.children(id).map(|(c, _)| c).collect();
                        stack.extend(children.into_iter().rev().map(|c| (c, false)));
                    }
                }
                Data::Text(t) => out.push_str(&format!("{:?}", collapsed(t))),
                Data::Document => {
                    let children: Vec<u32> = nodes.children(id).map(|(c, _)| c).collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, false)));
                }
                Data::Other => {}
            }
        }
        out
    }

    /// Runs of white space as one space: the walk reads no more of them, so the cuts may shorten
    /// them.
    fn collapsed(t: &str) -> String {
        let mut out = String::new();
        for c in t.chars() {
            if !(c.is_ascii_whitespace() && out.ends_with(' ')) {
                out.push(if c.is_ascii_whitespace() { ' ' } else { c });
            }
        }
        out
    }

    fn same_shape(html: &str) -> Result<(), String> {
        let whole = shape(&html5ever::parse_document(Tree::new(), Default::default()).one(html).into_nodes());
        let parts = shape(&crate::dom::build(html, crate::tree::Budget::UNBOUNDED).map_err(|e| e.to_string())?);
        if whole == parts {
            return Ok(());
        }
        // Where they part, with some context.
        let at = whole.bytes().zip(parts.bytes()).take_while(|(a, b)| a == b).count();
        let around = |t: &str| {
            t.char_indices()
                .map(|(i, _)| i)
                .filter(|&i| i + 300 >= at && i <= at + 300)
                .fold((usize::MAX, 0), |(lo, hi), i| (lo.min(i), hi.max(i)))
        };
        let show = |t: &str| {
            let (lo, hi) = around(t);
            t.get(lo..hi).unwrap_or("").to_string()
        };
        let html = if html.len() > 600 { format!("{} bytes", html.len()) } else { format!("{html:?}") };
        Err(format!("{html}\n  whole: …{}…\n  parts: …{}…", show(&whole), show(&parts)))
    }

    #[test]
    fn cuts_never_change_what_the_walk_reads() {
        const BITS: &[&str] = &[
            "<script>",
            "</script>",
            "<SCRIPT type=x>",
            "</script ",
            "<script type=\"application/ld+json\">",
            "<style>",
            "</style>",
            "<svg>",
            "</svg>",
            "<svg/>",
            "<path d=\"M0 0\"/>",
            "<g>",
            "</g>",
            "<title>",
            "</title>",
            "<desc>",
            "<foreignObject>",
            "</foreignObject>",
            "<math>",
            "</math>",
            "<mi>",
            "<p>",
            "</p>",
            "text",
            "نص",
            "<div class='a>b'>",
            "</div>",
            "<a title=\"<script>\">",
            "</a>",
            "<a =\"x>\">",
            "<textarea>",
            "</textarea>",
            "<select>",
            "</select>",
            "<noscript>",
            "</noscript>",
            "<xmp>",
            "</xmp>",
            "<iframe>",
            "</iframe>",
            "<table>",
            "<td>",
            "<template>",
            "</template>",
            "<b>",
            "<br>",
            "</br>",
            "<font color=red>",
            "<![CDATA[",
            "]]>",
            "<!--",
            "-->",
            "--!>",
            "<!-->",
            "<!DOCTYPE html>",
            "<?x>",
            "</>",
            "<frameset>",
            "<noframes>",
            "</noframes>",
            "<body>",
            "<head>",
            "<img src=x>",
            "<",
            ">",
            "'",
            "\"",
            "=",
            "/",
            "-",
            "!",
            " ",
            "\n",
            "\r",
            "\0",
            "<text>",
            "</text>",
            "<tspan>",
            "<linearGradient>",
            "</linearGradient>",
            "<stop/>",
            "</path>",
            "<use href='#a'/>",
            "<option>",
            "<input>",
            "<caption>",
            "<tr>",
            "<th>",
            "<annotation-xml encoding='text/html'>",
            "<mtext>",
            "</mtext>",
            "</mi>",
            "<html>",
            "</body>",
            "</html>",
            "<listing>",
            "<span>",
            "</span>",
            "<li>",
            "</desc>",
            "</foreignObject>",
            "<!--<script>",
            "<svg viewBox='0 0 1 1'><path d='M0 0'/></svg>",
            "\n\t\t",
            "  ",
            "<pre>",
            "</pre>",
            "<listing>",
            "<svg><g><path/></g></svg>",
            "<svg><title>x</title><g>",
            "<svg class=i><use href='#a'/>",
            "<svg><g><circle r=1></circle>",
            "<div",
            "<a",
            "<img",
            "<image",
            "<b",
            "<input",
            "<template",
            "<meta",
            "<html",
            " data-x=1",
            " data-x=\"a b\"",
            " class='c'",
            " href=h",
            " type=hidden",
            " shadowrootmode=open",
            " src=s",
            " alt='a'",
            " title=t",
            " =v",
            "=\"q\"",
            " content=c",
            " lang=ar",
            " onclick='x>y'",
            " hidden",
            " data-y",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        const RUNS: usize = 30_000;
        let (mut failures, mut with_cuts, mut drawings, mut attributes) = (Vec::new(), 0, 0, 0);
        for _ in 0..RUNS {
            let len = 1 + next(60);
            let html: String = (0..len).map(|_| BITS[next(BITS.len())]).collect();
            let cuts = scan(&html);
            with_cuts += usize::from(!cuts.is_empty());
            drawings += usize::from(cuts.iter().any(|c| html[..c.start].to_ascii_lowercase().ends_with("<svg>")));
            let unread = ["data-x", "title", "onclick", "src", "alt", "type", "href", "content", "lang"];
            attributes += usize::from(cuts.iter().any(|c| unread.iter().any(|a| html[c.clone()].starts_with(a))));
            if let Err(e) = same_shape(&html) {
                failures.push(e);
            }
        }
        eprintln!(
            "{with_cuts} of {RUNS} documents had cuts, {drawings} of them in drawings, {attributes} of attributes"
        );
        assert!(
            with_cuts > RUNS / 5 && drawings > RUNS / 40 && attributes > RUNS / 20,
            "too few cuts to test: {with_cuts}, {drawings}, {attributes}"
        );
        assert!(
            failures.is_empty(),
            "{} of {RUNS} differ; first:\n{}",
            failures.len(),
            failures.iter().take(3).cloned().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn attribute_cuts_never_change_what_the_walk_reads() {
        // Tags made of attributes read and not, in every form the tokenizer knows (no value,
        // quoted, unquoted, `=` with no name, values that hold `>` or `/`), in contexts where
        // the parser reads attributes itself (tables, formatting elements, templates).
        const TAGS: &[&str] = &["div", "a", "img", "image", "b", "font", "input", "template", "meta", "html", "body"];
        const ATTRS: &[&str] = &[
            " data-x=1",
            " data-y",
            " title=\"t>u\"",
            " alt='a'",
            " src=s/",
            " hidden",
            " class=c",
            " id='i'",
            " href=h",
            " type=hidden",
            " type=text",
            " shadowrootmode=open",
            " =v",
            "=\"q\"",
            " content=c",
            " lang=ar",
            " name=n",
            "/",
            " / ",
            "\t",
            " style='display:none'",
            " CLASS=C",
            " Data-X=2",
            " a=\"1\"b=2",
            " x= ",
        ];
        const AROUND: &[&str] = &[
            "<table>",
            "<tr>",
            "<td>",
            "</table>",
            "<p>",
            "</p>",
            "</b>",
            "<svg>",
            "</svg>",
            "x",
            "<select>",
            "</template>",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut failures, mut cut) = (Vec::new(), 0);
        for _ in 0..20_000 {
            let mut html = String::new();
            for _ in 0..1 + next(8) {
                html.push_str(AROUND[next(AROUND.len())]);
                html.push('<');
                html.push_str(TAGS[next(TAGS.len())]);
                for _ in 0..next(6) {
                    html.push_str(ATTRS[next(ATTRS.len())]);
                }
                html.push_str([">", "/>", " >", ""][next(4)]);
            }
            cut += usize::from(!scan(&html).is_empty());
            if let Err(e) = same_shape(&html) {
                failures.push(e);
            }
        }
        assert!(cut > 10_000, "too few cuts to test: {cut}");
        assert!(
            failures.is_empty(),
            "{} differ; first:\n{}",
            failures.len(),
            failures.iter().take(3).cloned().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn cuts_never_change_corpus_trees() {
        let root = std::env::var("MATN_CORPUS").unwrap_or_else(|_| "../shared/corpus".into());
        let Ok(dirs) = std::fs::read_dir(&root) else {
            eprintln!("skipped: no corpus at {root}");
            return;
        };
        let mut n = 0;
        for dir in dirs.flatten() {
            for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
                let p = f.path();
                if p.extension().is_none_or(|e| e != "html") {
                    continue;
                }
                let html = crate::input::decode(&std::fs::read(&p).unwrap(), None).text;
                same_shape(&html).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                n += 1;
            }
        }
        eprintln!("{n} corpus pages parse to the same trees with and without cuts");
    }
}
