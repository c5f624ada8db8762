//! Choosing the article region and pruning it.
//!
//! Block weights flow up to the containers above them (Readability's propagation: the nearest
//! container gets the whole weight, the next one half, the one above a third). The best
//! container, adjusted for its link density and boosted by body rules, is the article; sibling
//! containers that score well join it. Inside the region, blocks are dropped when a chrome rule
//! covers them, a chrome phrase names them, a trimming phrase ends the article before them, or
//! their score is too low.

use crate::dom::{NONE, Page};
use crate::model::BlockKind;
use crate::normalize::{FastMap, fold_words};
use crate::rules::{Action, PageRules, phrase_window};
use crate::score::{Features, score_blocks, weight};

/// Why a block is not part of the article's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reason {
    /// A rule of the table (by index) removed it or its container.
    Rule(u16),
    /// A trimming rule (by index) ended the article at an earlier block.
    Trimmed(u16),
    /// Inside a `nav`, `footer`, `aside` or `form`, or an ARIA landmark of chrome.
    ChromeElement,
    /// Outside the chosen article region.
    OutsideRegion,
    /// Its score was below the threshold.
    LowScore(f32),
    /// An image caption, kept apart from the text.
    Caption,
    /// A line of metadata: the headline, byline or date line.
    Metadata,
    /// A small box after the article's last paragraph (a sign-up, a prompt, a contact block).
    TrailingBox,
}

/// The outcome of selection.
#[derive(Debug, Default)]
pub(crate) struct Selection {
    /// Indices of the blocks that make the article, images included, in order.
    pub kept: Vec<usize>,
    /// The blocks of a trailing box taken off the end of `kept`: not text, but metadata may
    /// read them (an "Autor:" line in a post's closing box).
    pub trailing: Vec<usize>,
    /// Captions: (caption block, image block it belongs to).
    pub captions: Vec<(usize, usize)>,
    /// Every other block with the reason it went.
    pub removed: Vec<(usize, Reason)>,
    /// Confidence that the region is an article, 0–1.
    pub confidence: f32,
    /// Characters of text kept.
    pub chars: usize,
    /// Headline links followed by a summary paragraph in the region (the shape of a listing).
    pub teasers: usize,
    /// Kept paragraphs of prose, as confidence counts them.
    pub paragraphs: usize,
    /// The region lies in an `<article>` element: the page's markup names it an article.
    pub marked_article: bool,
}

/// What a page says of itself besides its text: the metadata and the address.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PageSigns {
    /// og:type `article` or JSON-LD of an article type.
    pub declared_article: bool,
    /// A publication date was found.
    pub dated: bool,
    /// The caller gave the page's URL.
    pub has_url: bool,
    /// The URL is a site's front page.
    pub front_page: bool,
    /// The URL is shaped like one article's address (a slug, an id).
    pub article_url: bool,
}

/// A front page that does not declare itself an article keeps this share of its confidence.
const FRONT_PAGE_FACTOR: f32 = 0.4;
/// Two signs of an article (declared, dated, an article's URL) and no listing shape lift the
/// confidence of a short article to this: a short article is still an article.
const SIGNED_ARTICLE_FLOOR: f32 = 0.5;
/// A page with no sign at all (no URL given, not declared, not dated, no `<article>` around the
/// text) is at most this sure: the
/// text alone cannot tell an essay from a homepage that prints one.
const UNSIGNED_CEILING: f32 = 0.45;
/// A region with this many teasers, and at least one per two paragraphs, is shaped like a
/// listing whatever the page says of itself.
const LISTING_TEASERS: usize = 3;

impl Selection {
    /// Adjusts the confidence for what the page says of itself: front pages that do not declare
    /// an article are cut, short articles with two signs of being one (declared, dated, an
    /// article's URL) are lifted unless the region is shaped like a listing, and pages with no
    /// sign at all (no URL, not declared, not dated, not in an `<article>`) are capped below
    /// one half.
    pub(crate) fn weigh(&mut self, signs: PageSigns) {
        if signs.front_page && !signs.declared_article {
            self.confidence *= FRONT_PAGE_FACTOR;
        }
        let listing = self.teasers >= LISTING_TEASERS && self.teasers * 2 >= self.paragraphs;
        let count = [signs.declared_article, signs.dated, signs.article_url].iter().filter(|&&x| x).count();
        if count >= 2 && !listing && !signs.front_page && self.chars > 0 {
            self.confidence = self.confidence.max(SIGNED_ARTICLE_FLOOR);
        }
        if count == 0 && !signs.has_url && !self.marked_article {
            self.confidence = self.confidence.min(UNSIGNED_CEILING);
        }
    }
}

/// Tags whose text is a paragraph of its container rather than a container itself.
fn is_paragraph_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "dt" | "dd" | "figcaption"
    )
}

/// Per-element flags inherited from ancestors: the nearest element that removes, marks the
/// body, or marks a caption.
struct Inherited {
    remove: Vec<Option<(u32, Option<u16>)>>,
    body: Vec<Option<u32>>,
    caption: Vec<bool>,
}

fn inherit(page: &Page) -> Inherited {
    let n = page.elems.len();
    // A chrome rule on an element that wraps most of the page (a layout `<form>`, a
    // `page-with-sidebar` div) says nothing about the article inside it: such elements do not
    // count as chrome.
    let mut chars = vec![0u64; n];
    for b in &page.blocks {
        if let Some(c) = chars.get_mut(b.elem as usize) {
            *c += u64::from(b.chars);
        }
    }
    for i in (1..n).rev() {
        let p = page.elems[i].parent;
        if p != NONE {
            chars[p as usize] += chars[i];
        }
    }
    let wrapper = |i: usize| chars[i] * 10 >= page.total_chars * 6 && page.total_chars > 0;
    let mut inh = Inherited { remove: vec![None; n], body: vec![None; n], caption: vec![false; n] };
    for (i, e) in page.elems.iter().enumerate() {
        let p = e.parent as usize;
        let has_parent = e.parent != NONE;
        inh.remove[i] = if let Some(r) = e.verdict.remove.filter(|_| !wrapper(i)) {
            Some((i as u32, Some(r)))
        } else if e.chrome_tag && !wrapper(i) {
            Some((i as u32, None))
        } else if has_parent {
            inh.remove.get(p).copied().flatten()
        } else {
            None
        };
        inh.body[i] = if e.verdict.body.is_some() {
            Some(i as u32)
        } else if has_parent {
            inh.body.get(p).copied().flatten()
        } else {
            None
        };
        // A caption is short: a "captions" class on a wrapper (`wp-featherlight-captions` on
        // <body>) marks nothing.
        let caption_here = e.verdict.caption.is_some() && chars[i] <= 400;
        inh.caption[i] = caption_here || (e.parent != NONE && inh.caption.get(p).copied().unwrap_or(false));
    }
    inh
}

/// Builds the scorer's features for every block of the page.
pub(crate) fn features(page: &Page, rules: &PageRules<'_>) -> (Vec<Features>, Vec<Option<(u16, Action)>>) {
    features_with(page, rules, &inherit(page))
}

/// [`features`], with the inherited flags already computed.
fn features_with(page: &Page, rules: &PageRules<'_>, inh: &Inherited) -> (Vec<Features>, Vec<Option<(u16, Action)>>) {
    let mut phrases = Vec::with_capacity(page.blocks.len());
    let mut folded = String::new();
    let feats = page
        .blocks
        .iter()
        .map(|b| {
            let e = b.elem as usize;
            let mut kind = b.kind;
            if inh.caption.get(e).copied().unwrap_or(false) && kind != BlockKind::Image {
                kind = BlockKind::Caption;
            }
            let window = if b.kind == BlockKind::Image { 0 } else { phrase_window(&b.text) };
            folded.clear();
            let (mut f, truncated) = Features::measure_folding(&b.text, b.link_chars, kind, window, &mut folded);
            f.chrome = inh.remove.get(e).copied().flatten().is_some();
            f.body_hint = inh.body.get(e).copied().flatten().is_some();
            let phrase = if b.kind == BlockKind::Image { None } else { rules.classify_folded(&folded, truncated) };
            f.chrome_phrase = phrase.is_some();
            phrases.push(phrase);
            f
        })
        .collect();
    (feats, phrases)
}

// Thresholds of selection. Scores are the scorer's 0–1; "good text" is text scoring `GOOD`.

/// A block scoring this or more is good text: jusText's good class (1.0), and a short line
/// smoothed between two good blocks (0.7).
const GOOD: f32 = 0.7;
/// Containers above a block that receive its weight (the nearest whole, then ½, then ⅓):
/// Readability's propagation depth.
const PROPAGATION_LEVELS: usize = 3;
/// A site's own body rule is near certain: its container's score is tripled, plus a margin no
/// unmarked container reaches.
const SITE_BODY_FACTOR: f32 = 3.0;
const SITE_BODY_BONUS: f32 = 50.0;
/// A generic body class (`article-body`, `entry-content`) is a hint, not a verdict.
const BODY_FACTOR: f32 = 1.5;
const BODY_BONUS: f32 = 5.0;
/// A container inside chrome keeps a little of its score: chrome rules misfire on some layouts.
const CHROME_CONTAINER_FACTOR: f32 = 0.3;
/// The region widens until it holds this share of the page's good text…
const WIDEN_TARGET_SHARE: f32 = 0.55;
/// …climbing at most this many ancestors…
const WIDEN_MAX_STEPS: usize = 12;
/// …taking an ancestor only when it holds this much more good text than the region so far…
const WIDEN_GAIN: f32 = 1.4;
/// …and never through an ancestor this link-heavy (a page wrapper with its menus).
const CLIMB_MAX_LINK_DENSITY: f32 = 0.35;
/// The best container gives way to a rival scoring this share of its score…
const RIVAL_SCORE_SHARE: f32 = 0.6;
/// …holding this many times its good text…
const RIVAL_GAIN: f32 = 4.0;
/// …and this share of the page's, when the best holds less than `RIVAL_MAX_SHARE` of it.
const RIVAL_MIN_SHARE: f32 = 0.5;
const RIVAL_MAX_SHARE: f32 = 0.2;
/// A list chosen as the region gives way to one of its nearest ancestors holding this much more
/// good text (the article around its ingredients or steps).
const LIST_GAIN: f32 = 1.1;
/// How far up from a list to look for its article.
const LIST_CLIMB_STEPS: usize = 3;
/// A sibling joins the region when its score or good text reaches this share of the best
/// container's score…
const SIBLING_SHARE: f32 = 0.25;
/// …and at least this much (a few stray words never join)…
const SIBLING_MIN: f32 = 8.0;
/// …and it is not a list of links.
const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;
/// A chrome rule whose elements hold this share of the region's good text is the page's own
/// structure (live-blog entries marked `comment`).
const STRUCTURAL_SHARE: f32 = 0.6;
/// A chrome element holding this share of the region's good text wraps the article: it stays.
const CHROME_WRAPPER_SHARE: f32 = 0.5;
/// A block this link-heavy and at least `TEASER_MIN_CHARS` long is a headline link.
const TEASER_LINK_DENSITY: f32 = 0.5;
const TEASER_MIN_CHARS: u32 = 15;
/// A paragraph this long after a headline link makes a teaser (headline + summary).
const TEASER_SUMMARY_CHARS: u32 = 60;
/// A sentence with links (names, sources) stays up to this link density…
const LINKED_SENTENCE_MAX_DENSITY: f32 = 0.7;
/// …when it has this many words (a headline link has fewer).
const LINKED_SENTENCE_MIN_WORDS: u32 = 8;
/// A caption block belongs to an image at most this many blocks before it.
const CAPTION_MAX_GAP: usize = 3;
/// A short unpunctuated line at most this many blocks after an image is its caption…
const CAPTION_LINE_GAP: usize = 2;
/// …when shorter than this.
const CAPTION_LINE_MAX_CHARS: u32 = 100;
/// The headline is looked for at most this many blocks before the region's first block.
const LEAD_LOOKBACK: usize = 12;
/// A headline is shorter than this; a heading as long as a paragraph is a standfirst.
const HEADLINE_MAX_CHARS: u32 = 120;
/// A lead block reads as text: this score, few links, a sentence's length.
const LEAD_MIN_SCORE: f32 = 0.35;
const LEAD_MAX_LINK_DENSITY: f32 = 0.3;
const LEAD_MIN_CHARS: u32 = 30;
/// A paragraph counts towards confidence from this score (near-good text alone)…
const PARA_MIN_SCORE: f32 = 0.45;
/// …and as a full paragraph from this length.
const PARA_MIN_CHARS: u32 = 60;
/// A list item with links under this share can count as a paragraph of prose.
const LIST_PROSE_MAX_LINK_DENSITY: f32 = 0.15;
/// A list item opening with a link this long opens with a linked name.
const TEASER_LEAD_LINK_CHARS: u32 = 2;
/// At most this share of the kept text after the main box's last block is a trailing box.
const TRAILING_BOX_SHARE: f32 = 0.15;
/// A good block this long after the main box is the article's own paragraph.
const TRAILING_PARA_CHARS: u32 = 300;
/// …and so are this many good blocks of three paragraph lengths.
const TRAILING_MAX_PARAS: usize = 3;
/// The main box holds at least this share of the kept good text, or nothing is trimmed.
const TRAILING_MAIN_SHARE: f32 = 0.5;
/// Confidence in the length is full at this many characters of paragraphs…
const CONFIDENT_CHARS: f32 = 600.0;
/// …and in the paragraphs at this many of them.
const CONFIDENT_PARAS: f32 = 2.0;
/// Weights of length, paragraph count and the region's share of the good text.
const WEIGHT_LENGTH: f32 = 0.4;
const WEIGHT_PARAS: f32 = 0.4;
const WEIGHT_SHARE: f32 = 0.2;
/// A region of links only keeps a tenth of its confidence.
const LINK_PENALTY: f32 = 0.9;
/// Up to one teaser per two paragraphs is an article quoting headlines; past it, a listing.
const TEASERS_ALLOWED: f32 = 0.5;
const TEASER_MAX_PENALTY: f32 = 0.7;

/// Everything selection knows about a page: its blocks' features, phrase verdicts and scores,
/// the flags inherited from ancestors, and the per-element sums.
struct Ctx<'a> {
    page: &'a Page,
    rules: &'a PageRules<'a>,
    inh: Inherited,
    feats: Vec<Features>,
    phrases: Vec<Option<(u16, Action)>>,
    scores: Vec<f32>,
    sums: Sums,
}

/// Per element, over its subtree: characters, link characters, good text, the propagated
/// container weight, and the link density (computed once here).
struct Sums {
    chars: Vec<f32>,
    links: Vec<f32>,
    good: Vec<f32>,
    container: Vec<f32>,
    density: Vec<f32>,
    total_good: f32,
}

/// The chosen region: one or more sibling subtrees, and their sums.
struct Region {
    roots: Vec<u32>,
    /// The best-scoring container the region grew from.
    best: u32,
    chars: f32,
    links: f32,
    good: f32,
}

impl Region {
    fn contains(&self, page: &Page, e: u32) -> bool {
        self.roots.iter().any(|&r| page.contains(r, e))
    }
}

/// Chooses the article region and the blocks kept in it.
pub(crate) fn select(page: &Page, rules: &PageRules<'_>, min_score: f32) -> Selection {
    let inh = inherit(page);
    let (feats, phrases) = features_with(page, rules, &inh);
    let scores = score_blocks(&feats);
    if page.elems.is_empty() || page.blocks.is_empty() {
        return Selection::default();
    }
    let sums = sums(page, &feats, &scores);
    let cx = Ctx { page, rules, inh, feats, phrases, scores, sums };
    let (best, best_score) = best_container(&cx);
    let best = rival_with_the_text(&cx, best, best_score);
    let best = body_rule_ancestor(&cx, best);
    let root = widen_to_list_article(&cx, widen_to_good_text(&cx, best));
    let region = join_siblings(&cx, root, best, best_score);
    let structural = structural_rule(&cx, &region);
    let (mut sel, heads) = prune(&cx, &region, structural, min_score);
    trim_trailing_boxes(&cx, &mut sel);
    add_lead(&cx, &mut sel);
    sel.removed.sort_by_key(|(i, _)| *i);
    sel.teasers = heads;
    sel.marked_article = page.ancestors(root as u32).any(|a| &*page.elems[a as usize].tag == "article");
    sel.confidence = confidence(&cx, &region, &mut sel, heads);
    sel
}

/// The subtree sums of every element (reverse pre-order: children first), and the container
/// weights propagated from each block to its nearest containers.
fn sums(page: &Page, feats: &[Features], scores: &[f32]) -> Sums {
    let n = page.elems.len();
    let mut s = Sums {
        chars: vec![0.0; n],
        links: vec![0.0; n],
        good: vec![0.0; n],
        container: vec![0.0; n],
        density: Vec::new(),
        total_good: 0.0,
    };
    for (i, b) in page.blocks.iter().enumerate() {
        let e = b.elem as usize;
        s.chars[e] += feats[i].chars as f32;
        s.links[e] += feats[i].link_chars as f32;
        // Good text is measured in characters: one long block of text is worth its length
        // here, while its container weight is capped.
        if scores[i] >= GOOD {
            s.good[e] += feats[i].chars as f32;
            s.total_good += feats[i].chars as f32;
        }
        let w = weight(&feats[i], scores[i]);
        if w > 0.0 {
            propagate(page, b.elem, w, &mut s.container);
        }
    }
    for i in (1..n).rev() {
        let p = page.elems[i].parent;
        if p != NONE {
            let p = p as usize;
            s.chars[p] += s.chars[i];
            s.links[p] += s.links[i];
            s.good[p] += s.good[i];
        }
    }
    s.density = s.chars.iter().zip(&s.links).map(|(&c, &l)| if c > 0.0 { l / c } else { 0.0 }).collect();
    s
}

impl Sums {
    /// The link density of what an ancestor adds to a region below it: a wrapper adding menus
    /// is link-heavy, one adding the rest of a link-rich article (an encyclopedia page, whose
    /// text is a third links) need not be, though the whole is.
    fn added_density(&self, anc: usize, below: usize) -> f32 {
        let chars = self.chars[anc] - self.chars[below];
        if chars <= 0.0 { 0.0 } else { (self.links[anc] - self.links[below]).max(0.0) / chars }
    }
}

/// Whether an element is inside chrome that a readers' thread rule marks.
fn in_thread(rules: &PageRules<'_>, inh: &Inherited, e: usize) -> bool {
    inh.remove[e].and_then(|(_, r)| r).and_then(|r| rules.get(r)).is_some_and(|r| r.names_thread())
}

/// Adds a block's weight to its containers: the nearest whole, the next half, the one above a
/// third. A paragraph-like element is the block itself, not a container.
fn propagate(page: &Page, elem: u32, w: f32, container: &mut [f32]) {
    let e = elem as usize;
    let first = if is_paragraph_tag(&page.elems[e].tag) { page.elems[e].parent } else { elem };
    let up = std::iter::successors(Some(first).filter(|&x| x != NONE), |&x| {
        Some(page.elems[x as usize].parent).filter(|&p| p != NONE)
    });
    for (level, anc) in up.take(PROPAGATION_LEVELS).enumerate() {
        container[anc as usize] += w / (level as f32 + 1.0);
    }
}

impl Ctx<'_> {
    /// A container's score: its weight less its link share, boosted by body rules (site rules
    /// most), cut inside chrome.
    fn adjusted(&self, i: usize) -> f32 {
        let mut s = self.sums.container[i] * (1.0 - self.sums.density[i]);
        if let Some(r) = self.page.elems[i].verdict.body {
            let site = self.rules.get(r).is_some_and(|r| r.host().is_some());
            s = if site { s * SITE_BODY_FACTOR + SITE_BODY_BONUS } else { s * BODY_FACTOR + BODY_BONUS };
        }
        if self.inh.remove[i].is_some() && self.page.elems[i].verdict.body.is_none() {
            s *= CHROME_CONTAINER_FACTOR;
        }
        s
    }
}

/// The element with the best adjusted score among those with weight or a body rule, and text.
fn best_container(cx: &Ctx<'_>) -> (usize, f32) {
    let (s, page) = (&cx.sums, cx.page);
    let mut best = (0usize, f32::MIN);
    for i in 0..page.elems.len() {
        if s.container[i] <= 0.0 && page.elems[i].verdict.body.is_none() {
            continue;
        }
        if s.good[i] <= 0.0 && s.chars[i] < 1.0 {
            continue;
        }
        let score = cx.adjusted(i);
        if score > best.1 {
            best = (i, score);
        }
    }
    best
}

/// A small box that wins on score by a little gives way to a container scoring nearly as well
/// that holds several times its good text and most of the page's: the article is where the
/// text is (a note box beside a story whose paragraphs sit in boxes of their own).
fn rival_with_the_text(cx: &Ctx<'_>, best: usize, best_score: f32) -> usize {
    let s = &cx.sums;
    if cx.page.elems[best].verdict.body.is_some() || s.good[best] >= RIVAL_MAX_SHARE * s.total_good {
        return best;
    }
    let rival = (0..cx.page.elems.len())
        .filter(|&i| {
            s.good[i] >= RIVAL_GAIN * s.good[best]
                && s.good[i] >= RIVAL_MIN_SHARE * s.total_good
                && s.density[i] < CLIMB_MAX_LINK_DENSITY
                && cx.adjusted(i) >= RIVAL_SCORE_SHARE * best_score
        })
        .max_by(|&a, &b| cx.adjusted(a).total_cmp(&cx.adjusted(b)));
    rival.unwrap_or(best)
}

/// A body rule that matches several elements (a live blog's entries) names them all: the
/// region is their nearest common ancestor.
fn body_rule_ancestor(cx: &Ctx<'_>, best: usize) -> usize {
    let page = cx.page;
    let Some(rule) = page.elems[best].verdict.body else { return best };
    let matches: Vec<u32> =
        (0..page.elems.len() as u32).filter(|&i| page.elems[i as usize].verdict.body == Some(rule)).collect();
    if matches.len() < 2 {
        return best;
    }
    let first: Vec<u32> = page.ancestors(matches[0]).collect();
    first.iter().find(|&&a| matches.iter().all(|&m| page.contains(a, m))).map_or(best, |&a| a as usize)
}

/// A container holding little of the page's good text gives way to the ancestor that gathers
/// it (recipes, FAQs and magazine layouts spread an article over many small boxes). Wrappers
/// that add nothing are passed over; a link-heavy ancestor stops the climb.
fn widen_to_good_text(cx: &Ctx<'_>, best: usize) -> usize {
    let s = &cx.sums;
    let (mut root, mut anc) = (best, best);
    for _ in 0..WIDEN_MAX_STEPS {
        if s.total_good <= 0.0 || s.good[root] >= WIDEN_TARGET_SHARE * s.total_good {
            break;
        }
        let p = cx.page.elems[anc].parent;
        if p == NONE {
            break;
        }
        anc = p as usize;
        if s.density[anc].min(s.added_density(anc, root)) >= CLIMB_MAX_LINK_DENSITY {
            break;
        }
        if s.good[anc] > s.good[root] * WIDEN_GAIN {
            root = anc;
        }
    }
    root
}

/// A list (ingredients, steps, entries) is part of an article: when the region is one, the
/// nearest container holding clearly more good text around it takes its place.
fn widen_to_list_article(cx: &Ctx<'_>, root: usize) -> usize {
    if !matches!(&*cx.page.elems[root].tag, "ul" | "ol" | "dl") {
        return root;
    }
    for anc in cx.page.ancestors(root as u32).skip(1).take(LIST_CLIMB_STEPS) {
        let a = anc as usize;
        if cx.sums.density[a] >= CLIMB_MAX_LINK_DENSITY {
            break;
        }
        if cx.sums.good[a] > cx.sums.good[root] * LIST_GAIN {
            return a;
        }
    }
    root
}

/// The region: the root and its siblings that read as article text.
fn join_siblings(cx: &Ctx<'_>, root: usize, best: usize, best_score: f32) -> Region {
    let (page, s) = (cx.page, &cx.sums);
    let mut roots = vec![root as u32];
    let parent = page.elems[root].parent;
    if parent != NONE {
        let threshold = (best_score * SIBLING_SHARE).max(SIBLING_MIN);
        let mut c = parent + 1;
        while c < page.elems[parent as usize].end {
            let ci = c as usize;
            // An empty sibling has nothing to add.
            let text = s.chars[ci] > 0.0 && s.density[ci] < SIBLING_MAX_LINK_DENSITY;
            let chrome = cx.inh.remove[ci].is_some_and(|(r, _)| r as usize >= root.min(ci));
            if ci != root && text && !chrome && (cx.adjusted(ci) >= threshold || s.good[ci] >= threshold) {
                roots.push(c);
            }
            c = page.elems[ci].end;
        }
        roots.sort_unstable();
    }
    let sum = |v: &[f32]| roots.iter().map(|&r| v[r as usize]).sum::<f32>();
    let (chars, links, good) = (sum(&s.chars), sum(&s.links), sum(&s.good));
    Region { roots, chars, links, good, best: best as u32 }
}

/// A chrome rule whose elements carry the region's text — the entries of a live page all
/// marked `comment`, say — is the page's own structure, not chrome, when the region's first
/// good block is one of them and together they hold most of its good text.
fn structural_rule(cx: &Ctx<'_>, region: &Region) -> Option<u16> {
    let rule_of = |i: usize| {
        let e = cx.page.blocks[i].elem;
        if cx.scores[i] < GOOD || !region.contains(cx.page, e) {
            return None;
        }
        Some(cx.inh.remove[e as usize].and_then(|(re, r)| r.filter(|_| region.contains(cx.page, re))))
    };
    let first = (0..cx.page.blocks.len()).find_map(rule_of).flatten()?;
    let held: f32 =
        (0..cx.page.blocks.len()).filter(|&i| rule_of(i) == Some(Some(first))).map(|i| cx.feats[i].chars as f32).sum();
    (held >= STRUCTURAL_SHARE * region.good).then_some(first)
}

/// Walks the blocks in order and keeps those of the region that are article text.
struct Pruner<'c, 'a> {
    cx: &'c Ctx<'a>,
    region: &'c Region,
    structural: Option<u16>,
    min_score: f32,
    sel: Selection,
    /// The trimming rule that ended the article, once one has.
    trimmed: Option<u16>,
    /// Good blocks kept so far: a trimming phrase before any is a box heading, not the end.
    kept_good: usize,
    /// Headline links followed by a paragraph inside the region: a list of teasers has one per
    /// paragraph. (Plain headings do not count: how-to pieces and listicles have one per
    /// paragraph too.)
    heads: usize,
    head_pending: bool,
    last_image: Option<usize>,
}

/// Prunes the region: the selection (without the lead) and the number of teasers seen.
fn prune(cx: &Ctx<'_>, region: &Region, structural: Option<u16>, min_score: f32) -> (Selection, usize) {
    let mut p = Pruner {
        cx,
        region,
        structural,
        min_score,
        sel: Selection::default(),
        trimmed: None,
        kept_good: 0,
        heads: 0,
        head_pending: false,
        last_image: None,
    };
    for i in 0..cx.page.blocks.len() {
        if let Some(reason) = p.dropped(i) {
            p.sel.removed.push((i, reason));
        } else if !p.image_or_caption(i) {
            p.count_teaser(i);
            p.keep_by_score(i);
        }
    }
    (p.sel, p.heads)
}

impl Pruner<'_, '_> {
    /// Why a block goes before its text is judged: outside the region, after a trimming
    /// phrase, inside chrome, or named by a chrome phrase.
    fn dropped(&mut self, i: usize) -> Option<Reason> {
        let (page, elem) = (self.cx.page, self.cx.page.blocks[i].elem);
        if !self.region.contains(page, elem) {
            return Some(Reason::OutsideRegion);
        }
        if let Some(r) = self.trimmed {
            return Some(Reason::Trimmed(r));
        }
        // A chrome element inside the region, unless it wraps most of the region's good text.
        if let Some((re, rule)) = self.cx.inh.remove[elem as usize] {
            // A readers' thread beside the story is no wrapper of it, however much it holds.
            let beside = !page.contains(re, self.region.best) && in_thread(self.cx.rules, &self.cx.inh, elem as usize);
            let wrapper = !beside
                && self.cx.sums.good[re as usize] >= CHROME_WRAPPER_SHARE * self.region.good
                && self.region.good > 0.0;
            let structural = rule.is_some() && rule == self.structural;
            if self.region.contains(page, re) && !wrapper && !structural {
                return Some(rule.map_or(Reason::ChromeElement, Reason::Rule));
            }
        }
        let (rule, action) = self.cx.phrases[i]?;
        if action == Action::TrimAfter && self.kept_good > 0 {
            self.trimmed = Some(rule);
            return Some(Reason::Trimmed(rule));
        }
        Some(Reason::Rule(rule))
    }

    /// Images are kept; captions are set apart with their image: caption blocks, a short
    /// line right after an image, and a line that repeats its alt text. True when handled.
    fn image_or_caption(&mut self, i: usize) -> bool {
        let (f, b) = (&self.cx.feats[i], &self.cx.page.blocks[i]);
        match f.kind {
            BlockKind::Image => {
                self.last_image = Some(i);
                self.sel.kept.push(i);
                return true;
            }
            BlockKind::Caption => {
                match self.last_image {
                    Some(img) if i - img <= CAPTION_MAX_GAP => self.sel.captions.push((i, img)),
                    _ => self.sel.removed.push((i, Reason::Caption)),
                }
                return true;
            }
            _ => {}
        }
        let Some(img) = self.last_image else { return false };
        let alt = &self.cx.page.blocks[img].text;
        let right_after = self.sel.kept.last() == Some(&img) && i - img <= CAPTION_LINE_GAP;
        let caption_like =
            f.text_len() < CAPTION_LINE_MAX_CHARS && f.punct <= 1 && !matches!(b.kind, BlockKind::Heading(_));
        if (right_after && caption_like) || (!alt.is_empty() && *alt == b.text) {
            self.sel.captions.push((i, img));
            return true;
        }
        false
    }

    /// Counts a teaser: a headline link followed by a paragraph.
    fn count_teaser(&mut self, i: usize) {
        let f = &self.cx.feats[i];
        let is_head = f.link_density() > TEASER_LINK_DENSITY && f.chars >= TEASER_MIN_CHARS;
        if self.head_pending && !is_head && f.chars >= TEASER_SUMMARY_CHARS {
            self.heads += 1;
        }
        self.head_pending = is_head;
    }

    /// Keeps a block that scores well enough, a heading that is not a link, or a sentence with
    /// links in it (names, sources); drops the rest for its score.
    fn keep_by_score(&mut self, i: usize) {
        let (f, s) = (&self.cx.feats[i], self.cx.scores[i]);
        let heading_ok = matches!(f.kind, BlockKind::Heading(_)) && s > 0.0 && f.link_density() < 0.5;
        let linked_sentence = s == 0.0
            && f.link_density() <= LINKED_SENTENCE_MAX_DENSITY
            && f.words >= LINKED_SENTENCE_MIN_WORDS
            && f.punct >= 1
            && f.kind != BlockKind::ListItem;
        if s >= self.min_score || heading_ok || linked_sentence {
            if s >= GOOD {
                self.kept_good += 1;
            }
            self.sel.chars += self.cx.page.blocks[i].text.chars().count();
            self.sel.kept.push(i);
        } else {
            self.sel.removed.push((i, Reason::LowScore(s)));
        }
    }
}

/// The box a block sits in: its element, or the parent of a paragraph-like element.
fn block_box(page: &Page, i: usize) -> u32 {
    let e = page.blocks[i].elem;
    if is_paragraph_tag(&page.elems[e as usize].tag) { page.elems[e as usize].parent } else { e }
}

/// The blocks kept after the last one in the box holding most of the article's good text go
/// when they sit in boxes of their own and hold little of the text: what follows the story in
/// its container (a newsletter sign-up, a feedback prompt, a contact block) is not the story.
fn trim_trailing_boxes(cx: &Ctx<'_>, sel: &mut Selection) {
    let page = cx.page;
    let mut held: FastMap<u32, u32> = FastMap::default();
    for &i in &sel.kept {
        if cx.scores[i] >= GOOD {
            *held.entry(block_box(page, i)).or_default() += cx.feats[i].chars;
        }
    }
    let Some((&main, &main_good)) = held.iter().max_by_key(|&(&b, &c)| (c, std::cmp::Reverse(b))) else { return };
    // A story spread over many boxes has no main one to end at.
    if (main_good as f32) < TRAILING_MAIN_SHARE * held.values().sum::<u32>() as f32 {
        return;
    }
    let Some(last) = sel.kept.iter().rposition(|&i| block_box(page, i) == main) else { return };
    let tail = &sel.kept[last + 1..];
    let text = |i: usize| if cx.feats[i].kind == BlockKind::Image { 0 } else { cx.feats[i].chars };
    let tail_chars: u32 = tail.iter().map(|&i| text(i)).sum();
    let all_chars: u32 = sel.kept.iter().map(|&i| text(i)).sum();
    // The article going on: a box shaped like the main one beside it (a story split by an
    // ad), a full paragraph, or the story's lists, tables and code.
    let (me, mp) = (&page.elems[main as usize], page.elems[main as usize].parent);
    let goes_on = |i: usize| {
        let b = &page.elems[block_box(page, i) as usize];
        let kind = cx.feats[i].kind;
        (b.parent == mp && b.tag == me.tag)
            || (cx.scores[i] >= GOOD && cx.feats[i].text_len() >= TRAILING_PARA_CHARS)
            || matches!(kind, BlockKind::ListItem | BlockKind::TableCell | BlockKind::Preformatted)
    };
    let paras = tail.iter().filter(|&&i| cx.scores[i] >= GOOD && cx.feats[i].text_len() >= PARA_MIN_CHARS * 3).count();
    if tail.is_empty()
        || tail_chars as f32 > TRAILING_BOX_SHARE * all_chars as f32
        || paras >= TRAILING_MAX_PARAS
        || tail.iter().any(|&i| goes_on(i))
    {
        return;
    }
    // Photos stay: a gallery's last picture sits in a figure of its own.
    let image = |i: usize| cx.feats[i].kind == BlockKind::Image;
    sel.trailing = tail.iter().copied().filter(|&i| !image(i)).collect();
    sel.removed.extend(sel.trailing.iter().map(|&i| (i, Reason::TrailingBox)));
    let photos: Vec<usize> = tail.iter().copied().filter(|&i| image(i)).collect();
    sel.kept.truncate(last + 1);
    sel.kept.extend(photos);
}

/// The lead: text between the headline and the region (a standfirst, an intro box) belongs to
/// the article when it reads as text and no chrome rule covers it.
fn add_lead(cx: &Ctx<'_>, sel: &mut Selection) {
    let Some(&first) = sel.kept.first() else { return };
    let page = cx.page;
    // The headline: the nearest h1 or h2 before the region, else the nearest h3.
    let heading = |i: usize, levels: std::ops::RangeInclusive<u8>| {
        matches!(page.blocks[i].kind, BlockKind::Heading(l) if levels.contains(&l))
            && cx.feats[i].link_density() < 0.5
            && cx.feats[i].chars < HEADLINE_MAX_CHARS
    };
    let before = first.saturating_sub(LEAD_LOOKBACK)..first;
    let found = before.clone().rev().find(|&i| heading(i, 1..=2));
    let Some(h) = found.or_else(|| before.rev().find(|&i| heading(i, 3..=3))) else { return };
    // A dek that repeats the page's description is a summary printed under the headline, not
    // a paragraph of the article…
    let description = page.meta(&["og:description", "description", "twitter:description"]).map(fold_words);
    let parent = |i: usize| page.elems[page.blocks[i].elem as usize].parent;
    let mut lead: Vec<usize> = (h + 1..first)
        .filter(|&i| {
            let f = &cx.feats[i];
            // …when it sits beside the headline in the same header box.
            let dek =
                parent(i) == parent(h) && description.as_deref().is_some_and(|d| fold_words(&page.blocks[i].text) == d);
            cx.inh.remove[page.blocks[i].elem as usize].is_none()
                && !dek
                && cx.phrases[i].is_none()
                && cx.scores[i] >= LEAD_MIN_SCORE
                && f.link_density() < LEAD_MAX_LINK_DENSITY
                && f.chars >= LEAD_MIN_CHARS
                && !matches!(f.kind, BlockKind::Image | BlockKind::Caption)
                // A standfirst set as a heading reads as good text.
                && (!matches!(f.kind, BlockKind::Heading(_)) || cx.scores[i] >= GOOD)
        })
        .collect();
    if lead.is_empty() {
        return;
    }
    sel.removed.retain(|(i, _)| !lead.contains(i));
    sel.chars += lead.iter().map(|&i| page.blocks[i].text.chars().count()).sum::<usize>();
    lead.extend(sel.kept.iter().copied());
    sel.kept = lead;
}

/// Whether a list item is shaped like a teaser or a directory entry rather than a point of an
/// article: it opens with its linked name, or with a headline line and a break before the summary.
fn teaser_item(b: &crate::dom::RawBlock) -> bool {
    b.kind == BlockKind::ListItem && (b.lead_link_chars >= TEASER_LEAD_LINK_CHARS || opens_with_headline(&b.text))
}

/// Whether a block opens with a headline line: a short first line without closing punctuation,
/// then a line break and the summary.
fn opens_with_headline(text: &str) -> bool {
    let Some((first, rest)) = text.split_once('\n') else { return false };
    let first = first.trim();
    let n = first.chars().count();
    let closed = first.ends_with(['.', '!', '?', '؟', ':', '…', '。', ';', '؛']);
    (1..=HEADLINE_MAX_CHARS as usize).contains(&n) && !closed && rest.trim().chars().count() >= LEAD_MIN_CHARS as usize
}

/// Confidence that the selection is an article: enough text in real paragraphs (list items are
/// how teaser lists are built), holding the page's good text, with few links and few headlines
/// per paragraph.
fn confidence(cx: &Ctx<'_>, region: &Region, sel: &mut Selection, heads: usize) -> f32 {
    let (feats, scores) = (&cx.feats, &cx.scores);
    // List items written as teasers or directory entries (a linked name first, or a headline
    // line and a break before the summary): a few of them make every list item of the region
    // a listing's.
    let item_teasers =
        sel.kept.iter().filter(|&&i| feats[i].kind == BlockKind::ListItem && teaser_item(&cx.page.blocks[i])).count();
    // Otherwise a list item is a paragraph when it reads as prose of its own: good text with few
    // links (a post written as bullet points).
    let prose_item = |i: usize| {
        item_teasers < LISTING_TEASERS
            && scores[i] >= GOOD
            && feats[i].link_density() < LIST_PROSE_MAX_LINK_DENSITY
            && !teaser_item(&cx.page.blocks[i])
    };
    let is_para = |i: usize| {
        scores[i] >= PARA_MIN_SCORE
            && !matches!(feats[i].kind, BlockKind::Heading(_) | BlockKind::Image)
            && (feats[i].kind != BlockKind::ListItem || prose_item(i))
    };
    let good_paras = sel.kept.iter().filter(|&&i| is_para(i) && feats[i].text_len() >= PARA_MIN_CHARS).count();
    sel.paragraphs = good_paras;
    let para_chars: u32 = sel.kept.iter().filter(|&&i| is_para(i)).map(|&i| feats[i].text_len()).sum();
    let c_len = (para_chars as f32 / CONFIDENT_CHARS).min(1.0);
    let c_paras = (good_paras as f32 / CONFIDENT_PARAS).min(1.0);
    let total_good = cx.sums.total_good;
    let share = if total_good > 0.0 { (region.good / total_good).min(1.0) } else { 1.0 };
    let region_ld = if region.chars > 0.0 { region.links / region.chars } else { 1.0 };
    let base = WEIGHT_LENGTH * c_len + WEIGHT_PARAS * c_paras + WEIGHT_SHARE * share;
    let teasers = heads as f32 / good_paras.max(1) as f32;
    let teaser_penalty = (teasers - TEASERS_ALLOWED).clamp(0.0, TEASER_MAX_PENALTY);
    (base * (1.0 - region_ld.min(1.0) * LINK_PENALTY) * (1.0 - teaser_penalty)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph the scorer calls good (long, punctuated, function words).
    const P: &str = "The minister said in a statement today that the government will continue its work on \
                     the plan, and that the first results will be seen soon in every province of the country.";

    /// Runs `f` on the page of `html` with the default rules.
    fn on<T>(html: &str, f: impl FnOnce(&Ctx<'_>) -> T) -> T {
        let rules = crate::DEFAULT.rule_set().for_host(None);
        let page = crate::dom::parse(html, &rules, crate::DEFAULT.limits()).expect("parses");
        let inh = inherit(&page);
        let (feats, phrases) = features_with(&page, &rules, &inh);
        let scores = score_blocks(&feats);
        let sums = sums(&page, &feats, &scores);
        f(&Ctx { page: &page, rules: &rules, inh, feats, phrases, scores, sums })
    }

    fn kept_text(html: &str) -> Vec<String> {
        on(html, |cx| {
            let sel = select(cx.page, cx.rules, 0.1);
            sel.kept.iter().map(|&i| cx.page.blocks[i].text.clone()).collect()
        })
    }

    fn parent(cx: &Ctx<'_>, e: u32) -> u32 {
        cx.page.elems[e as usize].parent
    }

    #[test]
    fn weight_goes_whole_to_the_container_then_half_then_a_third() {
        on(&format!("<div><div><div><div><p>{P}</p></div></div></div></div>"), |cx| {
            let w = weight(&cx.feats[0], cx.scores[0]);
            let c = parent(cx, cx.page.blocks[0].elem);
            let (b, a) = (parent(cx, c), parent(cx, parent(cx, c)));
            assert_eq!(cx.sums.container[c as usize], w);
            assert_eq!(cx.sums.container[b as usize], w / 2.0);
            assert_eq!(cx.sums.container[a as usize], w / 3.0);
            assert_eq!(cx.sums.container[parent(cx, a) as usize], 0.0);
        });
    }

    #[test]
    fn the_text_box_beats_the_link_list() {
        let links: String =
            (0..20).map(|i| format!("<li><a href='/{i}'>A headline of the day number {i}</a></li>")).collect();
        on(&format!("<div><ul>{links}</ul></div><div><p>{P}</p><p>{P}</p></div>"), |cx| {
            let (best, _) = best_container(cx);
            let para = cx.page.blocks.iter().find(|b| b.text == P).expect("paragraph");
            assert_eq!(best as u32, parent(cx, para.elem));
            assert!(cx.sums.density[best] < 0.01);
        });
    }

    #[test]
    fn an_article_split_in_two_boxes_is_taken_whole() {
        let html = format!(
            "<main><div><p>{P}</p><p>{P} One.</p></div><aside>Ad</aside><div><p>{P} Two.</p><p>{P} Three.</p></div></main>"
        );
        on(&html, |cx| {
            let (best, _) = best_container(cx);
            let root = widen_to_good_text(cx, best);
            assert_eq!(&*cx.page.elems[root].tag, "main");
        });
        assert_eq!(kept_text(&html).len(), 4);
    }

    #[test]
    fn a_comment_thread_beside_the_story_goes_however_much_it_holds() {
        // The thread holds more good text than the story, not most of the page.
        let replies: String = (0..4).map(|i| format!("<li><p>{P} Reply {i}.</p></li>")).collect();
        let html = format!(
            "<main><div><div class='story'><p>{P} One.</p><p>{P} Two.</p><p>{P} Three.</p></div></div>\
             <div id='comment-box'><ul>{replies}</ul></div></main>"
        );
        let kept = kept_text(&html);
        assert!(kept.iter().any(|t| t.ends_with("One.")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("Reply")), "{kept:?}");
    }

    #[test]
    fn a_small_box_after_the_last_paragraph_goes_and_the_story_going_on_stays() {
        let story: String = (0..4).map(|i| format!("<p>{P} {i}.</p>")).collect();
        let prompt = "Did you find this article useful? Tell us what you think, and sign up for more.";
        let kept = kept_text(&format!("<main><div>{story}<div class='box'><p>{prompt}</p></div></div></main>"));
        assert_eq!(kept.len(), 4, "{kept:?}");
        // A list after the paragraphs is the story's own.
        let list = "<ul><li>The first step of the plan, as the minister said.</li><li>The second step.</li></ul>";
        let kept = kept_text(&format!("<main><div>{story}<div>{list}</div></div></main>"));
        assert_eq!(kept.len(), 6, "{kept:?}");
    }

    #[test]
    fn a_note_box_gives_way_to_the_story_holding_the_text() {
        let story: String = (0..6).map(|i| format!("<div><div><p>{P} {i}.</p></div></div>")).collect();
        let html = format!("<body><div id='note'><p>{P}</p></div><div id='story'>{story}</div></body>");
        on(&html, |cx| {
            let divs: Vec<usize> = (0..cx.page.elems.len()).filter(|&i| &*cx.page.elems[i].tag == "div").collect();
            let (note, story) = (divs[0], divs[1]);
            let chosen = rival_with_the_text(cx, note, cx.adjusted(story) / RIVAL_SCORE_SHARE);
            assert!(chosen != note && cx.page.contains(chosen as u32, story as u32), "{chosen}");
            // A rival scoring far less does not take over.
            assert_eq!(rival_with_the_text(cx, note, cx.adjusted(story) * 10.0), note);
        });
    }

    #[test]
    fn a_list_gives_way_to_the_article_around_it() {
        let items: String = (0..6).map(|i| format!("<li>{P} Step {i}.</li>")).collect();
        on(&format!("<div><p>{P}</p><ol>{items}</ol><p>{P}</p></div>"), |cx| {
            let ol = cx.page.elems.iter().position(|e| &*e.tag == "ol").expect("ol");
            assert_eq!(&*cx.page.elems[widen_to_list_article(cx, ol)].tag, "div");
        });
    }

    #[test]
    fn siblings_of_text_join_and_link_lists_do_not() {
        let links: String = (0..10).map(|i| format!("<a href='/{i}'>Another story {i}</a> ")).collect();
        let html =
            format!("<body><div><p>{P}</p><p>{P}</p><p>{P}</p></div><div><p>{P}</p></div><div>{links}</div></body>");
        on(&html, |cx| {
            let divs: Vec<usize> = (0..cx.page.elems.len()).filter(|&i| &*cx.page.elems[i].tag == "div").collect();
            let region = join_siblings(cx, divs[0], divs[0], cx.adjusted(divs[0]));
            assert_eq!(region.roots, [divs[0] as u32, divs[1] as u32]);
        });
    }

    #[test]
    fn entries_all_marked_as_chrome_are_the_page_structure() {
        let entries: String = (0..3).map(|i| format!("<div class='comment'><p>{P} Entry {i}.</p></div>")).collect();
        let html = format!("<div><h1>Live</h1>{entries}</div>");
        on(&html, |cx| {
            let root = cx.page.elems.iter().position(|e| &*e.tag == "div" && e.verdict.remove.is_none()).expect("div");
            let region = join_siblings(cx, root, root, 0.0);
            assert!(structural_rule(cx, &region).is_some());
        });
        // One comment after an article is chrome.
        let html = format!("<div><p>{P}</p><p>{P}</p><p>{P}</p><div class='comment'><p>{P} Reader.</p></div></div>");
        assert_eq!(kept_text(&html).len(), 3);
    }

    #[test]
    fn a_trimming_phrase_ends_the_article_after_good_text_only() {
        let html = format!("<div><p>{P}</p><p>{P}</p><h3>الأكثر قراءة</h3><p>{P} Next.</p></div>");
        assert_eq!(kept_text(&html), [P, P]);
    }

    #[test]
    fn a_short_line_after_an_image_is_its_caption() {
        let html =
            format!("<div><p>{P}</p><img src='a.jpg' alt='x'><p>The minister in the capital</p><p>{P}</p></div>");
        on(&html, |cx| {
            let sel = select(cx.page, cx.rules, 0.1);
            let (cap, img) = sel.captions[0];
            assert_eq!(cx.page.blocks[cap].text, "The minister in the capital");
            assert_eq!(cx.page.blocks[img].kind, BlockKind::Image);
            assert!(!sel.kept.contains(&cap));
        });
    }

    #[test]
    fn the_lead_under_the_headline_joins_the_article() {
        let lead = "A short standfirst that says what the story is about, in one line.";
        let html =
            format!("<h1>The headline</h1><div><p>{lead}</p></div><nav><a href='/'>Home</a></nav><p>{P}</p><p>{P}</p>");
        on(&html, |cx| {
            let mut sel = Selection { kept: vec![3, 4], ..Selection::default() };
            assert_eq!(cx.page.blocks[3].text, P);
            add_lead(cx, &mut sel);
            assert_eq!(sel.kept, [1, 3, 4]);
        });
    }

    #[test]
    fn a_standfirst_set_as_a_heading_is_the_lead() {
        let html = format!("<h1>The headline</h1><h2>{P}</h2><nav><a href='/'>Home</a></nav><p>{P}</p><p>{P}</p>");
        on(&html, |cx| {
            let mut sel = Selection { kept: vec![3, 4], ..Selection::default() };
            add_lead(cx, &mut sel);
            assert_eq!(sel.kept, [1, 3, 4]);
        });
    }

    #[test]
    fn signs_of_an_article_lift_short_articles_but_not_listings() {
        let short = || Selection { kept: vec![0], chars: 80, confidence: 0.1, paragraphs: 1, ..Selection::default() };
        let signed = PageSigns { declared_article: true, dated: true, has_url: true, ..PageSigns::default() };
        let mut sel = short();
        sel.weigh(signed);
        assert_eq!(sel.confidence, SIGNED_ARTICLE_FLOOR);
        let mut listing = Selection { teasers: 5, ..short() };
        listing.weigh(signed);
        assert_eq!(listing.confidence, 0.1);
        let mut one_sign = short();
        one_sign.weigh(PageSigns { dated: true, has_url: true, ..PageSigns::default() });
        assert_eq!(one_sign.confidence, 0.1);
        let mut unsigned = Selection { confidence: 1.0, ..short() };
        unsigned.weigh(PageSigns::default());
        assert!(unsigned.confidence < 0.5);
        let mut front = Selection { confidence: 1.0, ..short() };
        front.weigh(PageSigns { has_url: true, front_page: true, dated: true, ..PageSigns::default() });
        assert!(front.confidence < 0.5);
    }

    #[test]
    fn a_post_written_as_bullet_points_is_an_article_and_a_list_of_teasers_is_not() {
        let conf = |html: &str| on(html, |cx| select(cx.page, cx.rules, 0.1).confidence);
        let points: String = (0..6).map(|i| format!("<li>{P} Point {i}.</li>")).collect();
        let post = format!("<div><h2>Highlights</h2><ul>{points}</ul></div>");
        assert!(conf(&post) > 0.8, "{}", conf(&post));
        // The same prose as teasers: a headline line and a break, or a linked name first.
        let broken: String = (0..6).map(|i| format!("<li>A headline of the day {i}<br>{P}</li>")).collect();
        assert!(conf(&format!("<div><ul>{broken}</ul></div>")) < 0.5);
        let named: String = (0..6).map(|i| format!("<li><a href='/{i}'>Paper {i}</a> - {P}</li>")).collect();
        assert!(conf(&format!("<div><ul>{named}</ul></div>")) < 0.5);
    }

    #[test]
    fn the_region_widens_through_a_link_rich_article_but_not_through_menus() {
        // An encyclopedia page: a few links in each paragraph, then its notes, most of them
        // links, in a wrapper that adds nothing: as link-heavy as the notes, and no menu.
        let paras: String = (0..8).map(|i| format!("<p>{P} <a href='/a{i}'>See the related entry</a></p>")).collect();
        let notes: String = (0..4).map(|i| format!("<li>{P} Note {i}.</li>")).collect::<String>()
            + &(0..40).map(|i| format!("<li><a href='/n{i}'>A source of note {i}</a></li>")).collect::<String>();
        let html = format!("<div id='content'>{paras}<div><ol>{notes}</ol></div></div>");
        on(&html, |cx| {
            let ol = cx.page.elems.iter().position(|e| &*e.tag == "ol").expect("ol");
            let root = widen_to_good_text(cx, ol);
            assert_eq!(root, 2, "{}", cx.page.elems[root].tag);
            let wrapper = cx.page.elems[ol].parent as usize;
            assert!(cx.sums.density[wrapper] >= CLIMB_MAX_LINK_DENSITY, "{}", cx.sums.density[wrapper]);
        });
        // A wrapper adding menus stops the climb.
        let menu: String = (0..80).map(|i| format!("<li><a href='/m{i}'>Menu entry {i}</a></li>")).collect();
        let html = format!("<div><ul>{menu}</ul><div>{paras}</div><p>{P}</p></div>");
        on(&html, |cx| {
            let inner = cx.page.elems.iter().position(|e| &*e.tag == "p").expect("p") as u32;
            let inner = cx.page.elems[inner as usize].parent as usize;
            assert_eq!(widen_to_good_text(cx, inner), inner);
        });
    }

    #[test]
    fn teasers_lower_the_confidence() {
        let article = format!("<div><p>{P}</p><p>{P}</p><p>{P}</p><p>{P}</p></div>");
        let teasers: String =
            (0..6).map(|i| format!("<h3><a href='/{i}'>A headline of the day {i}</a></h3><p>{P}</p>")).collect();
        let conf = |html: &str| on(html, |cx| select(cx.page, cx.rules, 0.1).confidence);
        assert!(conf(&article) > 0.9, "{}", conf(&article));
        let listing = format!("<div>{teasers}</div>");
        assert!(conf(&listing) < 0.5, "{}", conf(&listing));
    }
}
