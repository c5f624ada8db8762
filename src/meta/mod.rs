//! Article metadata: title, credits, dates, site, language and direction, lead, image, tags.
//!
//! Evidence is gathered from JSON-LD, `<meta>` tags, `<time>` elements, the URL and the visible
//! lines around the headline, then chosen by agreement. A field stays `None` when the evidence
//! is weak. The visible lines that carried metadata (headline, byline, date line) are reported so
//! the body can leave them out.

mod byline;
mod date;
mod jsonld;
mod title;

pub(crate) use date::parse_iso;

use crate::dom::Page;
use crate::model::{Author, AuthorKind, BlockKind, Date, Direction};
use crate::normalize::{fold_words, fold_words_eq, is_alpha, is_arabic_letter};
use crate::page_url::host_of;
use jsonld::Json;

/// Metadata of one page, and the blocks that carried it.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub authors: Vec<Author>,
    pub published: Option<Date>,
    pub modified: Option<Date>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<Direction>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
    pub section: Option<String>,
    /// Blocks that are the headline, a byline or a date line.
    pub meta_blocks: Vec<usize>,
    /// The page declares itself an article (og:type article, JSON-LD of an article type).
    pub declared_article: bool,
}

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default)]
struct LdArticle {
    /// An object of an article type (not a plain WebPage) was found.
    article: bool,
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    image: Option<String>,
    keywords: Vec<String>,
    section: Option<String>,
    description: Option<String>,
    url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    // Main works of a page that are no news article but carry its credits and dates; they do
    // not declare the page an article.
    "DiscussionForumPosting",
    "SocialMediaPosting",
    "Recipe",
    "TechArticle",
    "ScholarlyArticle",
    "WebPage",
    "ReviewNewsArticle",
    "Report",
];
/// Of [`ARTICLE_TYPES`], those that do not declare the page an article.
const UNDECLARING_TYPES: &[&str] =
    &["DiscussionForumPosting", "SocialMediaPosting", "Recipe", "TechArticle", "ScholarlyArticle", "WebPage"];

fn read_jsonld(page: &Page) -> LdArticle {
    let mut ld = LdArticle::default();
    let mut best_rank = usize::MAX;
    let values: Vec<Json> = page.jsonld.iter().take(32).filter_map(|src| jsonld::parse(src)).collect();
    let names = named_ids(&values);
    for v in &values {
        for obj in v.objects() {
            let types = obj.types();
            let Some(rank) = ARTICLE_TYPES.iter().position(|t| types.contains(t)) else { continue };
            if rank >= best_rank && ld.headline.is_some() {
                continue;
            }
            best_rank = rank;
            ld.article |= !UNDECLARING_TYPES.contains(&ARTICLE_TYPES[rank]);
            let text =
                |k: &str| obj.get(k).and_then(Json::text).map(|s| crate::normalize::collapse_ws(&html_unescape(s)));
            ld.headline = text("headline").or_else(|| text("name"));
            ld.authors =
                obj.get("author").or_else(|| obj.get("creator")).map(|a| credit_names(a, &names)).unwrap_or_default();
            ld.published = text("datePublished").or_else(|| text("dateCreated"));
            ld.modified = text("dateModified");
            ld.publisher = obj.get("publisher").and_then(Json::text).map(str::to_string);
            ld.image = obj.get("image").and_then(Json::text).map(str::to_string);
            ld.keywords = obj.get("keywords").map(|k| split_keywords(&k.texts())).unwrap_or_default();
            ld.section = text("articleSection");
            ld.description = text("description");
            ld.url = text("url").or_else(|| obj.get("mainEntityOfPage").and_then(Json::text).map(str::to_string));
        }
    }
    ld
}

/// The names of the JSON-LD nodes that have an `@id` (a `@graph`'s Person nodes, which an
/// article's `author` refers to by `{"@id": …}` alone).
fn named_ids(values: &[Json]) -> std::collections::HashMap<&str, &str> {
    let mut names = std::collections::HashMap::new();
    for obj in values.iter().flat_map(Json::objects) {
        if let (Some(Json::Str(id)), Some(Json::Str(name))) = (obj.get("@id"), obj.get("name")) {
            names.entry(id.as_str()).or_insert(name.as_str());
        }
    }
    names
}

/// The names an `author` value credits: its texts, and for a bare reference `{"@id": …}` the
/// name of the node it refers to.
fn credit_names(value: &Json, names: &std::collections::HashMap<&str, &str>) -> Vec<String> {
    let items: Vec<&Json> = match value {
        Json::Arr(a) => a.iter().collect(),
        v => vec![v],
    };
    items
        .into_iter()
        .filter_map(|a| {
            a.text().or_else(|| match a.get("@id") {
                Some(Json::Str(id)) => names.get(id.as_str()).copied(),
                _ => None,
            })
        })
        .map(crate::normalize::collapse_ws)
        .collect()
}

/// At most this many tags are kept (the first distinct ones).
const MAX_TAGS: usize = 50;

/// The distinct tags of keyword lists, in order, at most [`MAX_TAGS`]: the lists are read only
/// until that many are found, so a JSON-LD of 100,000 keywords costs no more than one of 50.
fn split_keywords(values: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = values.iter().flat_map(|v| v.split([',', '،', ';', '|'])).map(str::trim);
    for k in all.filter(|k| !k.is_empty() && k.chars().count() <= 60) {
        if out.len() == MAX_TAGS {
            break;
        }
        if !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
    }
    out
}

/// Decodes the few HTML entities that leak into metadata strings.
fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Removes markup that leaked into a meta value.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::normalize::collapse_ws(&html_unescape(&out))
}

/// Language and direction from the text's script when the page does not say.
fn script_lang(text: &str) -> (Option<&'static str>, Option<Direction>) {
    let (mut arabic, mut latin, mut persian, mut urdu) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_arabic_letter(c) {
            arabic += 1;
            match c {
                'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' => persian += 1,
                'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ہ' | 'ھ' => urdu += 1,
                _ => {}
            }
        } else if is_alpha(c) {
            latin += 1;
        }
    }
    if arabic > latin && arabic > 0 {
        let lang = if urdu * 50 > arabic {
            "ur"
        } else if persian * 30 > arabic {
            "fa"
        } else {
            "ar"
        };
        (Some(lang), Some(Direction::Rtl))
    } else if latin > 0 {
        (None, Some(Direction::Ltr))
    } else {
        (None, None)
    }
}

/// What every step of [`extract`] reads: the page, its article blocks and the URL it came from.
struct Ctx<'a> {
    page: &'a Page,
    kept: &'a [usize],
    /// The page URL the caller gave.
    url: Option<&'a str>,
}

impl Ctx<'_> {
    /// The first non-empty `<meta>` value of `keys`, markup stripped.
    fn meta(&self, keys: &[&str]) -> Option<String> {
        self.page.meta(keys).map(strip_tags).filter(|s| !s.is_empty())
    }

    /// The first block of the article (0 when none was kept).
    fn first_kept(&self) -> usize {
        self.kept.first().copied().unwrap_or(0)
    }

    /// The last block of the article (0 when none was kept).
    fn last_kept(&self) -> usize {
        self.kept.last().copied().unwrap_or(0)
    }

    /// Block `i`'s text, joined with the next block's when it is a credit label alone
    /// ("Autor:" in an element of its own, the name in the next).
    fn credit_line(&self, i: usize) -> std::borrow::Cow<'_, str> {
        let text = &self.page.blocks[i].text;
        match self.page.blocks.get(i + 1) {
            Some(next) if next.chars <= MAX_LABELLED_NAME_CHARS && byline::is_bare_label(text) => {
                format!("{} {}", text.trim_end(), next.text).into()
            }
            _ => text.as_str().into(),
        }
    }

    /// Whether `i` is within four ancestors of an element hinted by `hint` (byline, date).
    fn hinted(&self, i: usize, hint: impl Fn(&crate::dom::Hint) -> bool) -> bool {
        self.page.ancestors(self.page.blocks[i].elem).take(4).any(|e| hint(&self.page.elems[e as usize].hint))
    }
}

/// Longest name (in characters) read in the block after a credit label of its own.
const MAX_LABELLED_NAME_CHARS: u32 = 80;

/// `<meta>` names of the site's name.
const SITE_NAME_KEYS: &[&str] = &["og:site_name", "application-name", "al:android:app_name", "twitter:site:name"];
/// `<meta>` names of a credit line.
const AUTHOR_KEYS: &[&str] = &["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"];
/// `<meta>` names of the publication time.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];
/// `<meta>` names of the last modification time.
const MODIFIED_KEYS: &[&str] =
    &["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified"];

/// Extracts the metadata of `page`, whose article blocks are `kept` (in order).
pub(crate) fn extract(page: &Page, kept: &[usize], url: Option<&str>, now: Option<&Date>) -> Meta {
    let cx = Ctx { page, kept, url };
    let ld = read_jsonld(page);
    let mut m = Meta {
        declared_article: ld.article || page.meta(&["og:type"]).is_some_and(|t| t.eq_ignore_ascii_case("article")),
        ..Meta::default()
    };
    m.site_name = cx.meta(SITE_NAME_KEYS).or(ld.publisher.clone());
    m.url = page
        .canonical
        .clone()
        .filter(|u| u.starts_with("http"))
        .or(cx.meta(&["og:url"]))
        .or(ld.url.clone())
        .or(url.map(str::to_string));
    let host = url.and_then(host_of).or_else(|| m.url.as_deref().and_then(host_of));
    let site = Site { name: m.site_name.as_deref(), host: host.as_deref() };

    let h1 = headline_block(page, cx.first_kept());
    m.title = title(&cx, &ld, h1, &site);
    let anchor = mark_headline(&cx, m.title.as_deref(), h1, &mut m.meta_blocks);
    let window = near_article(page, kept, anchor, false);

    m.authors = credits(&cx, &ld, &window, &site, &mut m.meta_blocks);
    // Date lines may sit under a credit list of short lines, which bylines must not reach into.
    // The headline is no date line, whatever date it names ("Results of the 19.5.2007 meeting").
    let date_window: Vec<usize> =
        near_article(page, kept, anchor, true).into_iter().filter(|&i| Some(i) != anchor).collect();
    (m.published, m.modified) = dates(&cx, &ld, &date_window, m.url.as_deref(), now, &mut m.meta_blocks);
    (m.lang, m.dir) = language(&cx);
    m.description = cx.meta(&["og:description", "description", "twitter:description"]).or(ld.description);
    m.image = cx.meta(&["og:image", "og:image:url", "twitter:image"]).or(ld.image);
    m.tags = if ld.keywords.is_empty() { meta_tags(&cx) } else { ld.keywords };
    m.section = cx.meta(&["article:section"]).or(ld.section);
    m.meta_blocks.sort_unstable();
    m.meta_blocks.dedup();
    m
}

/// The site a page belongs to: its name and host, which credits and titles must not be.
struct Site<'a> {
    name: Option<&'a str>,
    host: Option<&'a str>,
}

/// Blocks (kicker, byline, date line, lead image) that may stand between the visible headline and
/// the article's first block.
const HEADLINE_GAP: usize = 4;

/// The title: the visible headline agreed with og:title / JSON-LD / `<title>`; a title in another
/// script than the page's text (a transliterated og:title over an Urdu headline) gives way to
/// the visible headline.
fn title(cx: &Ctx<'_>, ld: &LdArticle, h1: Option<usize>, site: &Site<'_>) -> Option<String> {
    let page = cx.page;
    let og = cx.meta(&["og:title", "twitter:title"]);
    // The h1 is the visible headline when it stands just above the article or in it.
    let h1_is_headline = h1.is_some_and(|h| cx.first_kept().saturating_sub(h) <= HEADLINE_GAP || cx.kept.contains(&h));
    let chosen = title::choose_title(
        h1.map(|i| page.blocks[i].text.as_str()),
        og.as_deref(),
        ld.headline.as_deref(),
        page.title.as_deref(),
        site.name,
        site.host,
        h1_is_headline,
    );
    let body_script = cx.kept.iter().take(5).map(|&i| page.blocks[i].text.as_str()).collect::<String>();
    match (chosen, h1) {
        (Some(t), Some(h))
            if arabic_share(&t) < 0.3
                && arabic_share(&body_script) > 0.6
                && arabic_share(&page.blocks[h].text) > 0.6 =>
        {
            Some(page.blocks[h].text.clone())
        }
        (t, _) => t,
    }
}

/// Marks the blocks of the article that repeat the title as metadata, and returns the visible
/// headline: the h1, or else the block that repeats the title.
fn mark_headline(cx: &Ctx<'_>, title: Option<&str>, h1: Option<usize>, meta_blocks: &mut Vec<usize>) -> Option<usize> {
    let Some(t) = title else { return h1 };
    let page = cx.page;
    let ft = fold_words(t);
    for &i in cx.kept.iter().take(6) {
        if fold_words_eq(&page.blocks[i].text, &ft) {
            meta_blocks.push(i);
        }
    }
    h1.or_else(|| {
        let end = (cx.first_kept() + 3).min(page.blocks.len());
        (0..end).rev().find(|&i| fold_words_eq(&page.blocks[i].text, &ft))
    })
}

/// Adds the credits of `found` that `credits` does not hold yet (by folded name).
fn add_credits(found: Vec<Author>, credits: &mut Vec<Author>) {
    for a in found {
        let key = fold_words(a.name());
        if !credits.iter().any(|c| fold_words(c.name()) == key) {
            credits.push(a);
        }
    }
}

/// The credits: JSON-LD and `<meta>` first, then visible bylines, which fill in what metadata
/// lacks (agencies, a second author); credits naming the site itself are dropped.
fn credits(
    cx: &Ctx<'_>,
    ld: &LdArticle,
    window: &[usize],
    site: &Site<'_>,
    meta_blocks: &mut Vec<usize>,
) -> Vec<Author> {
    let mut credits = metadata_credits(cx, ld, site.name);
    let mut visible = visible_bylines(cx, window, site.name, meta_blocks);
    if credits.is_empty() && visible.is_empty() {
        visible = fallback_credits(cx, window, site.name);
    }
    if credits.is_empty() && visible.is_empty() {
        credits = metadata_handles(cx, ld);
    }
    // A credit naming the site itself is no author; it goes before visible bylines are weighed,
    // so they can fill its place.
    let filter = SiteFilter::new(site);
    credits.retain(|a| !filter.names_site(a));
    visible.retain(|a| !filter.names_site(a));
    if credits.iter().all(|a| a.kind() != AuthorKind::Person) || visible.iter().any(|a| a.kind() == AuthorKind::Agency)
    {
        add_credits(visible, &mut credits);
    }
    // A credit that is another one with words around it ("Über Kathrin" beside "Kathrin", an
    // author box's heading) is that one.
    let folded: Vec<String> = credits.iter().map(|a| fold_words(a.name())).collect();
    let mut i = 0;
    credits.retain(|_| {
        i += 1;
        let me = &folded[i - 1];
        !folded.iter().any(|other| other != me && contains_words(me, other))
    });
    credits.truncate(12);
    credits
}

/// Credits from JSON-LD, or else from the `<meta>` author tags, or else from a labelled
/// `twitter:data` field ("Written by" / "Verfasst von"); URLs are no names.
fn metadata_credits(cx: &Ctx<'_>, ld: &LdArticle, site: Option<&str>) -> Vec<Author> {
    let mut credits = Vec::new();
    for name in metadata_names(cx, ld) {
        add_credits(byline::parse_byline(&name, site), &mut credits);
    }
    credits
}

/// The author names metadata gives: JSON-LD's, else the `<meta>` author tag's, else a labelled
/// Twitter card field's; URLs are no names.
fn metadata_names(cx: &Ctx<'_>, ld: &LdArticle) -> Vec<String> {
    let names: Vec<String> = ld.authors.iter().filter(|n| !n.contains("://")).cloned().collect();
    if !names.is_empty() {
        return names;
    }
    cx.meta(AUTHOR_KEYS).or_else(|| twitter_author(cx)).filter(|a| !a.contains("://")).into_iter().collect()
}

/// When nothing else credits anyone: the account names metadata gives that the byline parser
/// does not read as names for their lower case ("jesusfreak", "Mobasir hassan").
fn metadata_handles(cx: &Ctx<'_>, ld: &LdArticle) -> Vec<Author> {
    let mut credits = Vec::new();
    add_credits(metadata_names(cx, ld).iter().filter_map(|n| byline::handle_name(n)).collect(), &mut credits);
    credits
}

/// Labels of a `twitter:labelN` field whose `twitter:dataN` is the author (folded).
const TWITTER_AUTHOR_LABELS: &[&str] = &[
    "written by",
    "verfasst von",
    "geschrieben von",
    "ecrit par",
    "écrit par",
    "escrito por",
    "scritto da",
    "geschreven door",
];

/// The author named by a labelled Twitter card field (`twitter:label1` "Written by",
/// `twitter:data1` "Jane Doe"), as WordPress SEO plugins write them.
fn twitter_author(cx: &Ctx<'_>) -> Option<String> {
    let metas = &cx.page.metas;
    metas.iter().find_map(|(k, v)| {
        let n = k.strip_prefix("twitter:label")?;
        if !TWITTER_AUTHOR_LABELS.contains(&fold_words(v).as_str()) {
            return None;
        }
        let data = format!("twitter:data{n}");
        metas.iter().find(|(k, _)| *k == data).map(|(_, v)| strip_tags(v)).filter(|v| !v.is_empty())
    })
}

/// Credits from the byline lines near the headline; the lines that are bylines are marked as
/// metadata.
fn visible_bylines(cx: &Ctx<'_>, window: &[usize], site: Option<&str>, meta_blocks: &mut Vec<usize>) -> Vec<Author> {
    let mut visible = Vec::new();
    for &i in window {
        let b = &cx.page.blocks[i];
        let text = cx.credit_line(i);
        if b.kind == BlockKind::Image || text.chars().count() > 120 {
            continue;
        }
        let hinted = cx.hinted(i, |h| h.byline);
        if !hinted && !byline::could_be_byline(&text) {
            continue;
        }
        // A name and a date in fields of their own, on a line the page marks as either.
        let looks =
            byline::looks_like_byline(&text) || (cx.hinted(i, |h| h.byline || h.date) && byline::dated_credit(&text));
        if !(hinted || looks) {
            continue;
        }
        let mut found = byline::parse_byline(&text, site);
        // A hinted box without a byline prefix ("منوعات" in a category slot) must name a person
        // in full.
        if !looks {
            found.retain(|a| a.kind() != AuthorKind::Person || a.name().split_whitespace().count() >= 2);
        }
        // A dateline crediting the site itself ("(أبوظبي - البيان)") names nobody but is still a
        // byline line.
        let words = b.text.split_whitespace().count();
        if !found.is_empty() || (looks && words <= 8) || (hinted && words <= 12) {
            // The name after a label of its own ("Autor:") is a line of the byline too.
            let lines = if text.len() > b.text.len() { i..i + 2 } else { i..i + 1 };
            meta_blocks.extend(lines.filter(|l| cx.kept.contains(l)));
        }
        add_credits(found, &mut visible);
    }
    visible
}

/// When nothing else credits anyone: the text of a link to an author's page (`rel="author"`,
/// `/author/…`, as blogs print "by <a>name</a>") near the headline or in the article; failing
/// that, a labelled credit line ("Autor: …", "Author: …") in the article or just after it, left
/// in the text.
fn fallback_credits(cx: &Ctx<'_>, window: &[usize], site: Option<&str>) -> Vec<Author> {
    let (first, last) = (cx.first_kept(), cx.last_kept());
    let mut found = Vec::new();
    let near = |i: usize| window.contains(&i) || (first <= i && i <= last + 3);
    if let Some((name, _)) = cx.page.author_links.iter().find(|(name, i)| near(*i) && byline::is_name_link(name)) {
        let mut named = byline::parse_byline(name, site);
        // The link says it is a name: a blog's lower-case handle is one too.
        if named.is_empty() {
            let bare = byline::strip_prefixes(name);
            if !bare.is_empty() {
                named.push(Author::new(bare, AuthorKind::Person));
            }
        }
        add_credits(named, &mut found);
    }
    if found.is_empty() {
        let after = (last + 1..(last + 6).min(cx.page.blocks.len())).filter(|i| !cx.kept.contains(i));
        for i in cx.kept.iter().copied().chain(after) {
            let text = cx.credit_line(i);
            let credit = byline::is_labelled_credit(&text) || byline::is_phrase_credit(&text);
            if text.chars().count() <= 120 && credit {
                add_credits(byline::parse_byline(&text, site), &mut found);
                break;
            }
        }
    }
    found
}

/// Tells credits that name the site itself ("سایت خبرگزاری خبرآنلاین", "مصراوي" on مصراوي.كوم).
struct SiteFilter<'a> {
    site: Option<&'a str>,
    /// The site's name folded with its spaces removed.
    site_squashed: Option<String>,
    /// The host's distinctive label, lower case.
    host_label: Option<String>,
}

impl<'a> SiteFilter<'a> {
    fn new(site: &Site<'a>) -> SiteFilter<'a> {
        SiteFilter {
            site: site.name,
            site_squashed: site.name.map(|s| fold_words(s).replace(' ', "")),
            host_label: site.host.and_then(title::host_label).map(|h| h.to_ascii_lowercase()),
        }
    }

    /// Whether the credit `a` names the site: its name, a name within it, or its host label.
    fn names_site(&self, a: &Author) -> bool {
        let name = fold_words(a.name());
        let squashed = name.replace(' ', "");
        let single = !name.contains(' ') && squashed.chars().count() >= 3;
        self.site.is_some_and(|s| title::is_site_name(a.name(), s) || contains_words(&name, &fold_words(s)))
            || self.site_squashed.as_deref().is_some_and(|s| single && s.contains(&squashed))
            || self
                .host_label
                .as_deref()
                .is_some_and(|h| h.len() >= 4 && (squashed.contains(h) || (single && h.contains(&squashed))))
    }
}

/// Reads a machine-readable date: ISO 8601, else the text parser.
fn machine_date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| date::parse_iso(&s).or_else(|| date::parse_text(&s)))
}

/// Published and modified dates: machine-readable first (a UTC time read as the day the page
/// shows), then visible text near the article, then `<time>` elements and the URL. A
/// modification equal to the publication is dropped.
fn dates(
    cx: &Ctx<'_>,
    ld: &LdArticle,
    window: &[usize],
    page_url: Option<&str>,
    now: Option<&Date>,
    meta_blocks: &mut Vec<usize>,
) -> (Option<Date>, Option<Date>) {
    let mut published = machine_date(ld.published.clone()).or_else(|| machine_date(cx.meta(PUBLISHED_KEYS)));
    let mut modified = machine_date(ld.modified.clone()).or_else(|| machine_date(cx.meta(MODIFIED_KEYS)));
    let (visible_date, visible_update) = visible_dates(cx, window, now, meta_blocks);
    // The machine value as written, which a modification equal to it repeats.
    let written = published.clone();
    if let Some(shown) = published.as_ref().and_then(|p| shown_day(cx, p, window, visible_date.as_ref(), page_url)) {
        published = Some(shown);
    }
    if published.is_none() {
        let time = cx
            .page
            .times
            .iter()
            .min_by_key(|(_, at)| (*at as i64 - window.first().copied().unwrap_or(0) as i64).unsigned_abs())
            .and_then(|(dt, _)| date::parse_iso(dt));
        published = visible_date
            .or_else(|| opening_dateline(cx, meta_blocks))
            .or(time)
            .or_else(|| page_url.and_then(date::from_url))
            .or_else(|| cx.url.and_then(date::from_url));
    }
    if modified.is_none() {
        modified = visible_update;
    }
    if modified == published || (modified.is_some() && modified == written) {
        modified = None;
    }
    // Nothing above the article dates it: a post footer under it may ("wurde am 19. Mai 2010
    // gepostet", "Erschienen am: 01.11.2023"); failing that, the only date the page carries is
    // its last edit (a wiki's "last edited" footer, a recipe's "Updated").
    if published.is_none() {
        let (footer, edited) = footer_dates(cx);
        published = footer.or(edited).or_else(|| modified.clone()).or_else(|| last_edit_line(cx));
    }
    (published, modified)
}

/// The date of the page's last edit line anywhere under the article (a wiki's "This page was
/// last edited on 25 October 2020", "Diese Seite wurde zuletzt am 29. Januar 2020 geändert").
fn last_edit_line(cx: &Ctx<'_>) -> Option<Date> {
    cx.page.blocks.iter().skip(cx.last_kept() + 1).filter(|b| b.link_chars * 2 <= b.chars).find_map(|b| {
        b.text.split(['\n', crate::normalize::LINE_BREAK]).find_map(|line| {
            let short = line.split_whitespace().count() <= FOOTER_LINE_WORDS;
            date::parse_text(line).filter(|_| short && date::is_update_label(line))
        })
    })
}

/// Blocks before and after the article's last where a post footer's date line is looked for.
const FOOTER_BLOCKS: usize = 8;
/// Longest post footer line, in words ("Literatur und Animated Typography wurde am 19. Mai 2010
/// um 23:03 Uhr gepostet").
const FOOTER_LINE_WORDS: usize = 16;

/// The first date line of the article's last blocks and the text blocks after it (icons and
/// link lists not counted), and the first update line ("Letzte Änderung: …", "last edited on
/// …"), line by line.
fn footer_dates(cx: &Ctx<'_>) -> (Option<Date>, Option<Date>) {
    let (last, blocks) = (cx.last_kept(), &cx.page.blocks);
    let (mut footer, mut edited) = (None, None);
    let mut after = 0;
    for (i, b) in blocks.iter().enumerate().skip(last.saturating_sub(FOOTER_BLOCKS)) {
        // Teasers and link lists date other pages.
        if b.kind == BlockKind::Image || b.link_chars * 2 > b.chars {
            continue;
        }
        after += usize::from(i > last);
        // A heading under the article opens another section (comments, related posts).
        if after > FOOTER_BLOCKS || (i > last && matches!(b.kind, BlockKind::Heading(_))) {
            break;
        }
        for line in b.text.split(['\n', crate::normalize::LINE_BREAK]) {
            let words = line.split_whitespace().count();
            let Some(d) = (words <= FOOTER_LINE_WORDS).then(|| date::parse_text(line)).flatten() else { continue };
            // In the article a line must be mostly the date; under it, a footer may say more.
            if cx.kept.contains(&i) && words > d.raw().split_whitespace().count() + 3 {
                continue;
            }
            if date::is_update_label(line) {
                edited.get_or_insert(d);
            } else {
                footer.get_or_insert(d);
            }
        }
    }
    (footer, edited)
}

/// The day the page shows its readers for `utc`, a machine time written in UTC: witnessed by
/// its `<time>` elements, the visible date line and the URL (see [`date::local_day`]).
fn shown_day(
    cx: &Ctx<'_>,
    utc: &Date,
    window: &[usize],
    visible: Option<&Date>,
    page_url: Option<&str>,
) -> Option<Date> {
    let times: Vec<(Date, usize)> = cx
        .page
        .times
        .iter()
        .filter_map(|(dt, at)| date::parse_iso(dt).or_else(|| date::parse_text(dt)).map(|d| (d, *at)))
        .collect();
    let instants: Vec<Date> = times.iter().map(|(d, _)| d.clone()).chain(visible.cloned()).collect();
    // Dates of other articles (teasers) are one day off as often as not: only the `<time>`
    // elements by the headline and the article's own URL name its day.
    let (lo, hi) = (window.first().copied().unwrap_or(0), window.last().copied().unwrap_or(0) + 1);
    let near = times.into_iter().filter(|(_, at)| (lo..=hi).contains(at)).map(|(d, _)| d);
    let urls = page_url.and_then(date::from_url).into_iter().chain(cx.url.and_then(date::from_url));
    let days: Vec<Date> = urls.chain(visible.cloned()).chain(near).collect();
    date::local_day(utc, &instants, &days)
}

/// The first date line and the first update line ("آخر تحديث", "Updated") near the article; the
/// short lines that are mostly a date are marked as metadata.
fn visible_dates(
    cx: &Ctx<'_>,
    window: &[usize],
    now: Option<&Date>,
    meta_blocks: &mut Vec<usize>,
) -> (Option<Date>, Option<Date>) {
    let (mut visible_date, mut visible_update) = (None, None);
    for &i in window {
        let b = &cx.page.blocks[i];
        if b.kind == BlockKind::Image || b.text.chars().count() > 160 {
            continue;
        }
        let hinted = cx.hinted(i, |h| h.date);
        let parsed = date::parse_text(&b.text).or_else(|| now.and_then(|n| date::parse_relative(&b.text, n)));
        let Some(d) = parsed else { continue };
        // A short line that is mostly the date is a date line, to leave out of the body.
        let words = b.text.split_whitespace().count();
        let separated = crate::normalize::has_field_separator(&b.text);
        let short = words <= 14 || (words <= 30 && separated);
        // Mostly the date: its own text, a label ("نشر في", "Published") or a field line. A
        // short sentence that mentions a date ("Am 5. November 2021 beginnt …") stays.
        let date_words = d.raw().split_whitespace().count();
        let update = date::is_update_label(&b.text);
        let mostly_date = hinted || separated || update || words <= date_words + 3;
        if short && mostly_date && cx.kept.contains(&i) && !byline::looks_like_byline(&b.text) {
            meta_blocks.push(i);
        }
        if update {
            let (written, updated) = split_update(&b.text, d);
            if let Some(w) = written {
                visible_date.get_or_insert(w);
            }
            if let Some(u) = updated {
                visible_update.get_or_insert(u);
            }
        } else if hinted || short {
            visible_date.get_or_insert(d);
        }
    }
    (visible_date, visible_update)
}

/// The dates of an update line whose first date is `first`: with a second date after the
/// update label, the first is the publication ("Written: 2023-11-07 15:03 / Updated: 2023-11-07
/// 15:30"); else the line's date is the update ("Updated June 13, 2019", "الأربعاء، 28 آب 2013
/// آخر تحديث 16:15").
fn split_update(text: &str, first: Date) -> (Option<Date>, Option<Date>) {
    let raw = first.raw();
    let second = match text.find(raw) {
        Some(at) if !raw.is_empty() && !date::is_update_label(&text[..at]) => date::parse_text(&text[at + raw.len()..]),
        _ => None,
    };
    match second {
        Some(updated) => (Some(first), Some(updated)),
        None => (None, Some(first)),
    }
}

/// Characters that end a dateline opening a paragraph: a dash, a bar, a colon, a closing
/// bracket, an opening quote.
const DATELINE_ENDS: &[char] = &['-', '–', '—', '|', ':', ')', ']', '„', '"', '“', '«'];
/// How far into its paragraph (in characters) a dateline may start ("Pressemitteilung vom …").
const DATELINE_START: usize = 30;

/// The date of a dateline that opens one of the article's first paragraphs (headline, byline
/// and date lines and images not counted) ("29.11.2022 – Text",
/// "(21. November 2022) Text", "Pressemitteilung vom 25. Januar 2022 | Berlin – Text"): near the
/// start and followed by a dash, bar, bracket or quote, so a sentence that begins with a date
/// ("Am 5. November beginnt …") is not one.
fn opening_dateline(cx: &Ctx<'_>, meta_blocks: &[usize]) -> Option<Date> {
    // The article's first paragraphs: past the headline and byline lines and images.
    let text_blocks =
        cx.kept.iter().filter(|i| !meta_blocks.contains(i) && cx.page.blocks[**i].kind != BlockKind::Image);
    text_blocks.take(3).find_map(|&i| {
        let text = &cx.page.blocks[i].text;
        let prefix: String = text.chars().take(DATELINE_START + 40).collect();
        let d = date::parse_text(&prefix)?;
        let at = prefix.find(d.raw()).filter(|_| !d.raw().is_empty())?;
        let ends = prefix[at + d.raw().len()..].trim_start().starts_with(DATELINE_ENDS);
        (prefix[..at].chars().count() <= DATELINE_START && ends).then_some(d)
    })
}

/// Language (declared, else from the script) and direction (declared `rtl`, else the script's,
/// else the language's).
fn language(cx: &Ctx<'_>) -> (Option<String>, Option<Direction>) {
    let page = cx.page;
    let body: String = cx.kept.iter().take(40).map(|&i| page.blocks[i].text.as_str()).collect::<Vec<_>>().join(" ");
    let (script_lang, script_dir) = script_lang(&body);
    let declared = page
        .lang
        .clone()
        .or_else(|| cx.meta(&["og:locale", "content-language", "language"]).map(|l| l.replace('_', "-")));
    let lang = declared
        .and_then(|l| l.split(['-', '_']).next().map(|p| p.trim().to_ascii_lowercase()))
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))
        .or(script_lang.map(str::to_string));
    let dir = match page.dir.as_deref() {
        Some("rtl") => Some(Direction::Rtl),
        Some("ltr") if script_dir != Some(Direction::Rtl) => Some(Direction::Ltr),
        _ => script_dir.or(match lang.as_deref() {
            Some("ar" | "fa" | "ur" | "he" | "ps" | "ku" | "ckb") => Some(Direction::Rtl),
            Some(_) => Some(Direction::Ltr),
            None => None,
        }),
    };
    (lang, dir)
}

/// Tags from `article:tag`, else from the keywords `<meta>` (when JSON-LD has none).
fn meta_tags(cx: &Ctx<'_>) -> Vec<String> {
    let values: Vec<String> =
        cx.page.metas.iter().filter(|(k, _)| k == "article:tag").map(|(_, v)| v.clone()).collect();
    let mut refs: Vec<&str> = values.iter().map(String::as_str).collect();
    let kw = cx.meta(&["news_keywords", "keywords"]);
    if refs.is_empty() {
        refs.extend(kw.as_deref());
    }
    split_keywords(&refs)
}

/// The share of letters that are Arabic-script, 0–1.
fn arabic_share(s: &str) -> f32 {
    let (mut ar, mut all) = (0usize, 0usize);
    for c in s.chars().filter(|c| is_alpha(*c)).take(2000) {
        all += 1;
        ar += usize::from(is_arabic_letter(c));
    }
    if all == 0 { 0.0 } else { ar as f32 / all as f32 }
}

/// Whether `hay` holds the words of `needle` in a row (both folded; `needle` of 3+ characters).
fn contains_words(hay: &str, needle: &str) -> bool {
    needle.chars().count() >= 3 && format!(" {hay} ").contains(&format!(" {needle} "))
}

/// The block of the visible headline: the `<h1>` nearest before the article's first block
/// (else the first `<h1>` of the page).
fn headline_block(page: &Page, first_kept: usize) -> Option<usize> {
    let is_h1 = |i: &usize| {
        page.blocks[*i].kind == BlockKind::Heading(1) && page.blocks[*i].link_chars * 2 < page.blocks[*i].chars
    };
    (0..=first_kept.min(page.blocks.len().saturating_sub(1)))
        .rev()
        .find(is_h1)
        .or_else(|| (0..page.blocks.len()).find(is_h1))
}

/// Article blocks at the head of the article where bylines and date lines are looked for.
const HEAD_BLOCKS: usize = 4;
/// Lines this short (in characters) at the head of the article do not count among
/// [`HEAD_BLOCKS`]: credit lists and date lines are made of them.
const HEAD_SHORT_CHARS: u32 = 40;
/// However short its lines, the head ends after this many article blocks.
const HEAD_MAX_BLOCKS: usize = 12;

/// Text lines before the headline (or the article) where bylines and date lines are looked for.
const LINES_BEFORE_HEADLINE: usize = 3;

/// The block `n` text lines before `at`: images (share and print icons between a byline and
/// the headline) do not count.
fn lines_before(page: &Page, at: usize, n: usize) -> usize {
    let mut counted = 0;
    (0..at)
        .rev()
        .find(|&i| {
            counted += usize::from(page.blocks[i].kind != BlockKind::Image);
            counted == n
        })
        .unwrap_or(0)
}

/// Blocks where bylines and date lines sit: from a little before the headline (or the article)
/// to the first few blocks of the article (a lead image not counted), plus the last two. With
/// `past_short_lines` (date lines), short lines do not count, so a date line under a credit list
/// of name, role and affiliation is reached, and the reach before the headline is counted in
/// text lines, past share and print icons.
fn near_article(page: &Page, kept: &[usize], h1: Option<usize>, past_short_lines: bool) -> Vec<usize> {
    let first = kept.first().copied().unwrap_or(0);
    let top = h1.unwrap_or(first).min(first);
    let mut start = top.saturating_sub(4);
    if past_short_lines {
        start = start.min(lines_before(page, top, LINES_BEFORE_HEADLINE));
    }
    // The first HEAD_BLOCKS kept blocks (not counting short lines, when asked).
    let mut counted = 0;
    let head = kept
        .iter()
        .take(HEAD_MAX_BLOCKS)
        .position(|&i| {
            let b = &page.blocks[i];
            // A lead image above the article's first line is no line of its head.
            let lead_image = b.kind == BlockKind::Image && counted == 0;
            counted += usize::from(!lead_image && (!past_short_lines || b.chars > HEAD_SHORT_CHARS));
            counted > HEAD_BLOCKS
        })
        .unwrap_or(kept.len().min(HEAD_MAX_BLOCKS));
    let head_end = kept.get(head).copied().unwrap_or(first + 8).max(first + 1);
    let mut out: Vec<usize> = (start..head_end.min(page.blocks.len())).collect();
    if h1.is_some_and(|h| h > first) {
        out.extend(h1.unwrap_or(0)..(h1.unwrap_or(0) + 6).min(page.blocks.len()));
    }
    out.extend(kept.iter().rev().take(2));
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_label_in_an_element_of_its_own() {
        let para =
            "<p>This is a long paragraph of the post, with enough words in it to be the body of the page for sure.</p>";
        let html = format!(
            "<html><body><article><h1>A post</h1>{para}{para}{para}</article>\
             <section><div>Text:</div><p>Ursula Eggers</p></section></body></html>"
        );
        let article = crate::clean(&html).unwrap();
        let names: Vec<&str> = article.authors().iter().map(|a| a.name()).collect();
        assert_eq!(names, ["Ursula Eggers"]);
        // A menu entry that is also a label word is none.
        let menu = html.replace("<div>Text:</div><p>Ursula Eggers</p>", "<div>Autoren</div><p>News</p>");
        assert!(crate::clean(&menu).unwrap().authors().is_empty());
    }

    #[test]
    fn post_footer_dates_an_undated_article() {
        let para =
            "<p>This is a long paragraph of the post, with enough words in it to be the body of the page for sure.</p>";
        let page = |footer: &str| {
            let body = para.repeat(12);
            let html = format!("<html><body><article><h1>A post</h1>{body}</article>{footer}</body></html>");
            crate::clean(&html).unwrap().published().map(|d| d.to_string()[..10].to_string())
        };
        let footer = "<div class=footer>Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: 01.11.2023</div>";
        assert_eq!(page(footer).as_deref(), Some("2023-11-01"));
        // Only a last edit: the only date the page carries.
        assert_eq!(page("<p>This page was last edited on 25 October 2020</p>").as_deref(), Some("2020-10-25"));
        // A wiki's footer, however far under the article.
        let wiki = "<h3>Navigation</h3><p>Categories: Villagers</p><p>Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</p>";
        assert_eq!(page(wiki).as_deref(), Some("2020-01-29"));
        // A teaser's link, or a line under a heading of another section, dates another page.
        let teasers = "<nav><p><a href=/x>Another story of the site, 3 May 2021</a></p></nav>";
        assert_eq!(page(teasers), None);
        assert_eq!(page("<div><h3>Comments</h3><p>Jane - 3 May 2021</p></div>"), None);
    }

    #[test]
    fn author_page_link_names_the_author() {
        let para =
            "<p>This is a long paragraph of the post, with enough words in it to be the body of the page for sure.</p>";
        let html = format!(
            "<html><body><article><h1>A post</h1><div class=meta>Posted on March 3 \
             <span>by</span><a rel=author href='/author/g1'>gizzmo</a></div>{para}{para}{para}</article></body></html>"
        );
        let names =
            |html: &str| crate::clean(html).unwrap().authors().iter().map(|a| a.name().to_string()).collect::<Vec<_>>();
        assert_eq!(names(&html), ["gizzmo"]);
        // A link to any user's page is not enough.
        let html = html.replace("rel=author href='/author/g1'", "href='/profile/g1'");
        assert!(names(&html).is_empty());
    }

    #[test]
    fn metadata_credits_of_blogs_forums_and_recipes() {
        let para =
            "<p>This is a long paragraph of the post, with enough words in it to be the body of the page for sure.</p>";
        let page = |head: &str| {
            let html = format!(
                "<html><head>{head}</head><body><article><h1>A post</h1>{para}{para}{para}</article></body></html>"
            );
            crate::clean(&html).unwrap().persons().iter().map(|a| a.to_string()).collect::<Vec<_>>()
        };
        // A labelled Twitter card field, as WordPress SEO plugins write the author.
        let card =
            r#"<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">"#;
        assert_eq!(page(card), ["Karoline Herr"]);
        // A recipe's or a forum post's JSON-LD author, an account name in lower case.
        let recipe = r#"<script type="application/ld+json">{"@type":"Recipe","name":"A post","author":{"@type":"Person","name":"jesusfreak"}}</script>"#;
        assert_eq!(page(recipe), ["jesusfreak"]);
        let forum = recipe.replace("Recipe", "DiscussionForumPosting").replace("jesusfreak", "Tiberius");
        assert_eq!(page(&forum), ["Tiberius"]);
    }

    #[test]
    fn dateline_past_the_byline() {
        let para =
            "<p>Ein langer Absatz des Artikels, mit genug Wörtern darin, um sicher der Text der Seite zu sein.</p>";
        let html = format!(
            "<html><body><article><h1>Ein Titel</h1><p>Von Claudia Lindner</p><h3>Ein Vorspann über den Text</h3>\
             <img src=a.jpg><p>27.1.2022 - Bei der Erinnerung an die Verfolgten war vieles unsichtbar, was sich ändert.</p>{para}{para}</article></body></html>"
        );
        let article = crate::clean(&html).unwrap();
        assert_eq!(article.published().map(|d| d.date_iso()).as_deref(), Some("2022-01-27"));
    }

    #[test]
    fn microdata_dates_in_the_body() {
        let para =
            "<p>This is a long paragraph of the post, with enough words in it to be the body of the page for sure.</p>";
        let html = format!(
            "<html><head><meta name=date content=2022-01-21></head><body><article><h1>A post</h1>\
             <time itemprop=datePublished datetime=2022-01-27>27. Januar</time>{para}{para}{para}</article></body></html>"
        );
        let article = crate::clean(&html).unwrap();
        assert_eq!(article.published().map(|d| d.date_iso()).as_deref(), Some("2022-01-27"));
        let html = html.replace(
            "<time itemprop=datePublished datetime=2022-01-27>27. Januar</time>",
            "<span itemprop=datePublished content=2022-01-26></span>",
        );
        assert_eq!(crate::clean(&html).unwrap().published().map(|d| d.date_iso()).as_deref(), Some("2022-01-26"));
    }

    #[test]
    fn script_language() {
        assert_eq!(script_lang("قال الوزير إن العمل مستمر").0, Some("ar"));
        assert_eq!(script_lang("این یک متن فارسی است که گفته می‌شود").0, Some("fa"));
        assert_eq!(script_lang("hello world").1, Some(Direction::Ltr));
    }

    #[test]
    fn tags_in_meta_values_are_stripped() {
        assert_eq!(strip_tags("<b>عنوان</b> &amp; خبر"), "عنوان & خبر");
    }
}
