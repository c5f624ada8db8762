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
use crate::normalize::fold_words;
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
}

/// The outcome of selection.
#[derive(Debug, Default)]
pub(crate) struct Selection {
    /// Indices of the blocks that make the article, images included, in order.
    pub kept: Vec<usize>,
    /// Captions: (caption block, image block it belongs to).
    pub captions: Vec<(usize, usize)>,
    /// Every other block with the reason it went.
    pub removed: Vec<(usize, Reason)>,
    /// Confidence that the region is an article, 0–1.
    pub confidence: f32,
    /// Characters of text kept.
    pub chars: usize,
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

/// Chooses the article region and the blocks kept in it.
pub(crate) fn select(page: &Page, rules: &PageRules<'_>, min_score: f32) -> Selection {
    let inh = inherit(page);
    let (feats, phrases) = features_with(page, rules, &inh);
    let scores = score_blocks(&feats);
    let n = page.elems.len();
    if n == 0 || page.blocks.is_empty() {
        return Selection::default();
    }

    // Subtree sums of characters and link characters (reverse pre-order: children first).
    let mut chars = vec![0f32; n];
    let mut links = vec![0f32; n];
    let mut good = vec![0f32; n];
    let mut container = vec![0f32; n];
    let mut total_good = 0f32;
    for (i, b) in page.blocks.iter().enumerate() {
        let e = b.elem as usize;
        chars[e] += feats[i].chars as f32;
        links[e] += feats[i].link_chars as f32;
        let w = weight(&feats[i], scores[i]);
        // Good text is measured in characters: one long block of text is worth its length
        // here, while its container weight above is capped.
        if scores[i] >= 0.7 {
            good[e] += feats[i].chars as f32;
            total_good += feats[i].chars as f32;
        }
        if w <= 0.0 {
            continue;
        }
        let first = if is_paragraph_tag(&page.elems[e].tag) { page.elems[e].parent } else { b.elem };
        for (level, anc) in std::iter::successors(Some(first).filter(|&x| x != NONE), |&x| {
            Some(page.elems[x as usize].parent).filter(|&p| p != NONE)
        })
        .take(3)
        .enumerate()
        {
            container[anc as usize] += w / (level as f32 + 1.0);
        }
    }
    for i in (1..n).rev() {
        let p = page.elems[i].parent;
        if p != NONE {
            let p = p as usize;
            chars[p] += chars[i];
            links[p] += links[i];
            good[p] += good[i];
        }
    }

    // The best container: score adjusted by link density, boosted by body rules (site rules most).
    let adjusted = |i: usize| -> f32 {
        let ld = if chars[i] > 0.0 { links[i] / chars[i] } else { 0.0 };
        let mut s = container[i] * (1.0 - ld);
        if let Some(r) = page.elems[i].verdict.body {
            let site = rules.get(r).is_some_and(|r| r.host().is_some());
            s = s * if site { 3.0 } else { 1.5 } + if site { 50.0 } else { 5.0 };
        }
        if inh.remove[i].is_some() && page.elems[i].verdict.body.is_none() {
            s *= 0.3;
        }
        s
    };
    let mut best = 0usize;
    let mut best_score = f32::MIN;
    for i in 0..n {
        if container[i] <= 0.0 && page.elems[i].verdict.body.is_none() {
            continue;
        }
        if good[i] <= 0.0 && chars[i] < 1.0 {
            continue;
        }
        let s = adjusted(i);
        if s > best_score {
            best_score = s;
            best = i;
        }
    }

    // A body rule that matches several elements (a live blog's entries) names them all: the
    // region is their nearest common ancestor.
    if let Some(rule) = page.elems[best].verdict.body {
        let matches: Vec<u32> = (0..n as u32).filter(|&i| page.elems[i as usize].verdict.body == Some(rule)).collect();
        if matches.len() > 1 {
            let first: Vec<u32> = page.ancestors(matches[0]).collect();
            if let Some(&lca) = first.iter().find(|&&a| matches.iter().all(|&m| page.contains(a, m))) {
                best = lca as usize;
            }
        }
    }

    // Widen: a container holding little of the page's good text gives way to the ancestor that
    // gathers it (recipes, FAQs and magazine layouts spread an article over many small boxes).
    // Wrappers that add nothing are passed over; a link-heavy ancestor stops the climb.
    let mut root = best;
    let mut anc = best;
    for _ in 0..12 {
        if total_good <= 0.0 || good[root] >= 0.55 * total_good {
            break;
        }
        let p = page.elems[anc].parent;
        if p == NONE {
            break;
        }
        anc = p as usize;
        let ld = if chars[anc] > 0.0 { links[anc] / chars[anc] } else { 0.0 };
        if ld >= 0.35 {
            break;
        }
        if good[anc] > good[root] * 1.4 {
            root = anc;
        }
    }
    // A list (ingredients, steps, entries) is part of an article: when the best container is
    // one, the nearest container holding clearly more good text around it takes its place.
    if matches!(&*page.elems[root].tag, "ul" | "ol" | "dl") {
        for anc in page.ancestors(root as u32).skip(1).take(3) {
            let a = anc as usize;
            let ld = if chars[a] > 0.0 { links[a] / chars[a] } else { 0.0 };
            if ld >= 0.35 {
                break;
            }
            if good[a] > good[root] * 1.1 {
                root = a;
                break;
            }
        }
    }

    // Siblings of the region that read as article text join it.
    let mut roots = vec![root as u32];
    let parent = page.elems[root].parent;
    if parent != NONE {
        let threshold = (best_score * 0.25).max(8.0);
        let mut c = parent + 1;
        let end = page.elems[parent as usize].end;
        while c < end {
            let ci = c as usize;
            if ci != root {
                let ld = if chars[ci] > 0.0 { links[ci] / chars[ci] } else { 1.0 };
                let chrome = inh.remove[ci].is_some_and(|(r, _)| r as usize >= root.min(ci));
                if !chrome && ld < 0.25 && (adjusted(ci) >= threshold || good[ci] >= threshold) {
                    roots.push(c);
                }
            }
            c = page.elems[ci].end;
        }
        roots.sort_unstable();
    }
    let in_region = |e: u32| roots.iter().any(|&r| page.contains(r, e));

    let region_chars: f32 = roots.iter().map(|&r| chars[r as usize]).sum();
    let region_links: f32 = roots.iter().map(|&r| links[r as usize]).sum();
    let region_good: f32 = roots.iter().map(|&r| good[r as usize]).sum();

    // A chrome rule whose elements carry the region's text — the entries of a live page all
    // marked `comment`, say — is the page's own structure, not chrome, when the region's first
    // good block is one of them and together they hold most of its good text.
    let mut rule_good: Vec<(u16, f32)> = Vec::new();
    let mut first_good_rule: Option<Option<u16>> = None;
    for (i, b) in page.blocks.iter().enumerate() {
        if scores[i] < 0.7 || !in_region(b.elem) {
            continue;
        }
        let rule = inh.remove[b.elem as usize].and_then(|(re, r)| r.filter(|_| in_region(re)));
        first_good_rule.get_or_insert(rule);
        if let Some(r) = rule {
            match rule_good.iter_mut().find(|(x, _)| *x == r) {
                Some((_, g)) => *g += feats[i].chars as f32,
                None => rule_good.push((r, feats[i].chars as f32)),
            }
        }
    }
    let structural = |r: Option<u16>| {
        r.is_some()
            && first_good_rule == Some(r)
            && rule_good.iter().any(|&(x, g)| Some(x) == r && g >= 0.6 * region_good)
    };

    // Prune inside the region.
    let mut sel = Selection::default();
    let mut trimmed: Option<u16> = None;
    let mut kept_good = 0usize;
    // Headline links followed by a paragraph inside the region: a list of teasers has one per
    // paragraph. (Plain headings do not count: how-to pieces and listicles have one per
    // paragraph too.)
    let mut heads = 0usize;
    let mut head_pending = false;
    let mut last_image: Option<usize> = None;
    for (i, b) in page.blocks.iter().enumerate() {
        if !in_region(b.elem) {
            sel.removed.push((i, Reason::OutsideRegion));
            continue;
        }
        if let Some(r) = trimmed {
            sel.removed.push((i, Reason::Trimmed(r)));
            continue;
        }
        // A chrome element inside the region, unless it wraps most of the region's good text.
        if let Some((re, rule)) = inh.remove[b.elem as usize] {
            let inside = roots.iter().any(|&r| page.contains(r, re));
            let wrapper = good[re as usize] >= 0.5 * region_good && region_good > 0.0;
            if inside && !wrapper && !structural(rule) {
                sel.removed.push((i, rule.map_or(Reason::ChromeElement, Reason::Rule)));
                continue;
            }
        }
        if let Some((rule, action)) = phrases[i] {
            if action == Action::TrimAfter && kept_good > 0 {
                trimmed = Some(rule);
                sel.removed.push((i, Reason::Trimmed(rule)));
            } else {
                sel.removed.push((i, Reason::Rule(rule)));
            }
            continue;
        }
        match feats[i].kind {
            BlockKind::Image => {
                last_image = Some(i);
                sel.kept.push(i);
                continue;
            }
            BlockKind::Caption => {
                match last_image {
                    Some(img) if i - img <= 3 => sel.captions.push((i, img)),
                    _ => sel.removed.push((i, Reason::Caption)),
                }
                continue;
            }
            _ => {}
        }
        // A short line right after an image, or one that repeats its alt text, is its caption.
        if let Some(img) = last_image {
            let alt = &page.blocks[img].text;
            let right_after = sel.kept.last() == Some(&img) && i - img <= 2;
            let caption_like = feats[i].chars < 100 && feats[i].punct <= 1 && !matches!(b.kind, BlockKind::Heading(_));
            if (right_after && caption_like) || (!alt.is_empty() && *alt == b.text) {
                sel.captions.push((i, img));
                continue;
            }
        }
        let is_head = feats[i].link_density() > 0.5 && feats[i].chars >= 15;
        if head_pending && !is_head && feats[i].chars >= 60 {
            heads += 1;
        }
        head_pending = is_head;
        let s = scores[i];
        let heading_ok = matches!(b.kind, BlockKind::Heading(_)) && s > 0.0 && feats[i].link_density() < 0.5;
        // A sentence with links in it (names, sources) is still a sentence inside the article.
        let linked_sentence = s == 0.0
            && feats[i].link_density() <= 0.7
            && feats[i].words >= 8
            && feats[i].punct >= 1
            && feats[i].kind != BlockKind::ListItem;
        if s >= min_score || heading_ok || linked_sentence {
            if s >= 0.7 {
                kept_good += 1;
            }
            sel.chars += b.text.chars().count();
            sel.kept.push(i);
        } else {
            sel.removed.push((i, Reason::LowScore(s)));
        }
    }
    // The lead: text between the headline and the region (a standfirst, an intro box) belongs to
    // the article when it reads as text and no chrome rule covers it.
    if let Some(&first) = sel.kept.first() {
        let is_headline =
            |i: usize| matches!(page.blocks[i].kind, BlockKind::Heading(1 | 2)) && feats[i].link_density() < 0.5;
        let headline = (first.saturating_sub(12)..first).rev().find(|&i| is_headline(i));
        if let Some(h) = headline {
            // A dek that repeats the page's description is a summary printed under the
            // headline, not a paragraph of the article.
            let description = page.meta(&["og:description", "description", "twitter:description"]).map(fold_words);
            let mut lead = Vec::new();
            for i in h + 1..first {
                let f = &feats[i];
                let chrome = inh.remove[page.blocks[i].elem as usize].is_some();
                // …and sits beside the headline in the same header box.
                let beside =
                    page.elems[page.blocks[i].elem as usize].parent == page.elems[page.blocks[h].elem as usize].parent;
                let dek = beside && description.as_deref().is_some_and(|d| fold_words(&page.blocks[i].text) == d);
                if !chrome
                    && !dek
                    && phrases[i].is_none()
                    && scores[i] >= 0.35
                    && f.link_density() < 0.3
                    && f.chars >= 30
                    && !matches!(f.kind, BlockKind::Image | BlockKind::Caption | BlockKind::Heading(_))
                {
                    lead.push(i);
                }
            }
            if !lead.is_empty() {
                sel.removed.retain(|(i, _)| !lead.contains(i));
                sel.chars += lead.iter().map(|&i| page.blocks[i].text.chars().count()).sum::<usize>();
                lead.extend(sel.kept.iter().copied());
                sel.kept = lead;
            }
        }
    }
    sel.removed.sort_by_key(|(i, _)| *i);

    // Confidence: enough text in real paragraphs (list items are how teaser lists are built),
    // holding the page's good text, with few links and few headlines per paragraph.
    let is_para = |i: usize| {
        scores[i] >= 0.45 && !matches!(feats[i].kind, BlockKind::ListItem | BlockKind::Heading(_) | BlockKind::Image)
    };
    let good_paras = sel.kept.iter().filter(|&&i| is_para(i) && feats[i].chars >= 60).count();
    let para_chars: u32 = sel.kept.iter().filter(|&&i| is_para(i)).map(|&i| feats[i].chars).sum();
    let c_len = (para_chars as f32 / 600.0).min(1.0);
    let c_paras = (good_paras as f32 / 2.0).min(1.0);
    let share = if total_good > 0.0 { (region_good / total_good).min(1.0) } else { 1.0 };
    let region_ld = if region_chars > 0.0 { region_links / region_chars } else { 1.0 };
    let base = 0.4 * c_len + 0.4 * c_paras + 0.2 * share;
    let teasers = heads as f32 / good_paras.max(1) as f32;
    let teaser_penalty = (teasers - 0.5).clamp(0.0, 0.7);
    sel.confidence = (base * (1.0 - region_ld.min(1.0) * 0.9) * (1.0 - teaser_penalty)).clamp(0.0, 1.0);
    sel
}
