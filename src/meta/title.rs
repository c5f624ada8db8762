//! Title selection: removes the site-name part of page titles and picks the headline among the
//! candidates a page offers (visible `h1`, `og:title`, JSON-LD `headline`, `<title>`).
//!
//! All comparisons are done on folded text ([`fold_words`]); the returned strings keep the page's
//! own characters with white space collapsed.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::normalize::{collapse_ws, fold_words, is_invisible, is_num, words};

/// Separators that split a title into segments. Pipes always count; dashes, double colons and the
/// right guillemet only with white space on both sides (so hyphenated words stay whole).
static SEGMENT_SEP: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*[|¦•·]\s*|\s+[-–—]{1,2}\s+|\s+::\s+|\s+»\s+").expect("valid title separator"));

/// Separators the generic (site name unknown) rule may cut at.
fn generic_separator(sep: &str) -> bool {
    let s = sep.trim();
    matches!(s, "|" | "¦" | "-" | "–" | "—" | "--" | "::")
}

/// Trailing words that do not change a site's identity ("الجزيرة نت", "youm7.com", "X News").
const SITE_SUFFIXES: &[&str] =
    &["نت", "نيوز", "com", "net", "org", "news", "online", "اونلاين", "الالكترونيه", "الالكتروني"];

/// Leading words that introduce a site name ("موقع اليوم السابع", "صحيفة الشرق الأوسط").
const SITE_PREFIXES: &[&str] = &["موقع", "صحيفه", "جريده", "بوابه", "قناه", "مجله", "شبكه"];

/// Words that hint that a short title segment is a publication rather than part of a headline.
const SITE_VOCAB: &[&str] = &[
    "نت",
    "نيوز",
    "موقع",
    "بوابه",
    "جريده",
    "صحيفه",
    "قناه",
    "مجله",
    "شبكه",
    "عربي",
    "عربيه",
    "الاخباريه",
    "الاخباري",
    "اونلاين",
    "بوست",
    "تايمز",
    "news",
    "tv",
    "online",
    "arabic",
    "post",
    "times",
    "daily",
    "net",
    "com",
];

/// The comparison key of a site name: folded words without introducing or suffix words, and the
/// first word without its article "ال". Empty when nothing identifying is left.
fn site_key(s: &str) -> String {
    key_of_folded(&fold_words(s))
}

/// [`site_key`] of text already passed through `fold_words`.
fn key_of_folded(folded: &str) -> String {
    let mut ws: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    while ws.len() > 1 && ws.last().is_some_and(|w| SITE_SUFFIXES.contains(w)) {
        ws.pop();
    }
    while ws.len() > 1 && ws.first().is_some_and(|w| SITE_PREFIXES.contains(w)) {
        ws.remove(0);
    }
    let mut out = String::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let w = if i == 0 { w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w) } else { w };
        out.push_str(w);
    }
    out
}

/// True when `candidate` names the same publication as `site` (folded comparison that ignores a
/// leading "ال", introducing words such as "موقع" and trailing "نت"/"نيوز"/".com").
pub(crate) fn is_site_name(candidate: &str, site: &str) -> bool {
    same_site_key(&site_key(candidate), &site_key(site))
}

/// Whether two site keys name the same publication.
fn same_site_key(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || a.replace(' ', "") == b.replace(' ', "")
}

/// What a title segment is compared with to tell it is the site: the site name's key and the
/// host's label, folded once per page.
struct Site {
    /// [`site_key`] of the site name, and its number of words.
    key: Option<(String, usize)>,
    /// The host label, folded, without spaces.
    label: Option<String>,
}

impl Site {
    fn new(site: Option<&str>, host: Option<&str>) -> Site {
        let key = site.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
            let key = site_key(s);
            let words = key.split(' ').count();
            (key, words)
        });
        let label = host.and_then(host_label).map(|l| fold_words(l).replace(' ', "")).filter(|l| !l.is_empty());
        Site { key, label }
    }

    fn is_known(&self) -> bool {
        self.key.is_some() || self.label.is_some()
    }
}

/// True when a title segment is the site: equal to the site name, or a short segment that
/// contains it as whole words, or a Latin segment built on the host label.
fn segment_is_site(seg: &str, site: &Site) -> bool {
    let folded = fold_words(seg);
    let seg_key = key_of_folded(&folded);
    if seg_key.is_empty() {
        return false;
    }
    if let Some((key, key_words)) = &site.key {
        if same_site_key(&seg_key, key) {
            return true;
        }
        let seg_words = seg_key.split(' ').count();
        if !key.is_empty() && seg_words <= key_words + 2 && format!(" {seg_key} ").contains(&format!(" {key} ")) {
            return true;
        }
    }
    if let Some(label) = &site.label {
        let compact = folded.replace(' ', "");
        if compact == *label {
            return true;
        }
        let n = folded.split(' ').count();
        if n <= 4 && folded.split(' ').next() == Some(label.as_str()) {
            return true;
        }
    }
    false
}

/// Removes invisible marks and collapses white space.
fn clean(s: &str) -> String {
    let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    collapse_ws(&visible)
}

/// One piece of a title between separators, with byte ranges into the title.
#[derive(Clone, Copy)]
struct Segment {
    start: usize,
    end: usize,
    /// Range of the separator that follows this segment (empty for the last one).
    sep_start: usize,
    sep_end: usize,
}

/// Splits `s` at title separators into non-empty segments.
fn segments(s: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut pos = 0;
    for m in SEGMENT_SEP.find_iter(s) {
        if s[pos..m.start()].trim().is_empty() {
            // Empty piece (leading separator or two in a row): merge into the previous one.
            if let Some(last) = out.last_mut() {
                last.sep_end = m.end();
            }
        } else {
            out.push(Segment { start: pos, end: m.start(), sep_start: m.start(), sep_end: m.end() });
        }
        pos = m.end();
    }
    if !s[pos..].trim().is_empty() {
        out.push(Segment { start: pos, end: s.len(), sep_start: s.len(), sep_end: s.len() });
    }
    out
}

fn word_count(s: &str) -> usize {
    words(s).count()
}

/// [`strip_impl`] with the generic rule, for the tests' site names and hosts.
#[cfg(test)]
pub(crate) fn strip_site_name(title: &str, site_name: Option<&str>, host: Option<&str>) -> String {
    strip_impl(title, &Site::new(site_name, host), true)
}

/// Removes the site-name part from a page title: " - اليوم السابع", "| الجزيرة نت", an
/// "اليوم السابع:" prefix, "— BBC News عربي". Uses the known site name and host when given;
/// otherwise (or additionally, for pipe separators, and only when `generic`) a generic rule cuts
/// a short end segment (at most 4 words, the rest at least 3 words). A colon prefix is cut only
/// when it is the site. Returns the title with white space collapsed; never returns an empty
/// string for a non-empty title.
fn strip_impl(title: &str, site: &Site, generic: bool) -> String {
    let full = clean(title);
    let mut s: &str = &full;
    let mut known_cut = false;

    if site.is_known() {
        // Site-name segments at either end; a few rounds for "Section | Site" tails.
        for _ in 0..3 {
            let segs = segments(s);
            if segs.len() < 2 {
                break;
            }
            let (first, last) = (segs[0], segs[segs.len() - 1]);
            let prev = segs[segs.len() - 2];
            if segment_is_site(&s[last.start..last.end], site) {
                s = s[..prev.sep_start].trim();
                known_cut = true;
            } else if segment_is_site(&s[first.start..first.end], site) {
                s = s[first.sep_end..].trim();
                known_cut = true;
            } else {
                break;
            }
        }
        // "اليوم السابع: ..." and "...: اليوم السابع".
        if let Some(i) = s.find(':') {
            let (head, rest) = (&s[..i], s[i + 1..].trim());
            if !rest.is_empty() && segment_is_site(head, site) {
                s = rest;
                known_cut = true;
            }
        }
        if let Some(i) = s.rfind(':') {
            let (rest, tail) = (s[..i].trim(), &s[i + 1..]);
            if !rest.is_empty() && segment_is_site(tail, site) {
                s = rest;
                known_cut = true;
            }
        }
    }

    if generic {
        s = generic_cut(s, known_cut);
    }
    if s.trim().is_empty() {
        return full;
    }
    s.trim().to_string()
}

/// True when a short segment looks like a publication name rather than part of a headline.
fn site_like(seg: &str) -> bool {
    let t = seg.trim();
    // A score or number ("2 - 1") is part of the headline.
    if t.starts_with(|c: char| is_num(c)) || !t.chars().any(crate::normalize::is_alpha) {
        return false;
    }
    if t.ends_with(['?', '!', '؟', ':']) || t.contains([':', '«', '»', '"', '“', '”']) {
        return false;
    }
    true
}

fn has_site_vocab(seg: &str) -> bool {
    let f = fold_words(seg);
    f.split(' ').any(|w| SITE_VOCAB.contains(&w)) || seg.chars().any(|c| c.is_ascii_alphabetic())
}

/// The generic rule: cuts the shorter short end segment. A leading segment is cut only after a
/// pipe or when it carries site vocabulary (so "مصر - السودان: ..." stays whole). After a known
/// site cut only pipe-separated segments are considered.
fn generic_cut(s: &str, pipes_only: bool) -> &str {
    let segs = segments(s);
    if segs.len() < 2 {
        return s;
    }
    let n = segs.len();
    let (first, last, prev) = (segs[0], segs[n - 1], segs[n - 2]);
    let first_sep = &s[first.sep_start..first.sep_end];
    let last_sep = &s[prev.sep_start..prev.sep_end];
    let is_pipe = |sep: &str| sep.trim() == "|" || sep.trim() == "¦";
    let allowed = |sep: &str| generic_separator(sep) && (!pipes_only || is_pipe(sep));

    let last_text = &s[last.start..last.end];
    let last_words = word_count(last_text);
    let before_last = word_count(&s[..prev.sep_start]);
    let end_ok = allowed(last_sep)
        && (1..=4).contains(&last_words)
        && before_last >= 3
        && site_like(last_text)
        && (!pipes_only || before_last > last_words);

    let first_text = &s[first.start..first.end];
    let first_words = word_count(first_text);
    let after_first = word_count(&s[first.sep_end..]);
    let start_ok = allowed(first_sep)
        && (1..=4).contains(&first_words)
        && after_first >= 3
        && site_like(first_text)
        && (is_pipe(first_sep) || has_site_vocab(first_text));

    match (end_ok, start_ok) {
        (true, true) if first_words < last_words => s[first.sep_end..].trim(),
        (true, _) => s[..prev.sep_start].trim(),
        (false, true) => s[first.sep_end..].trim(),
        (false, false) => s,
    }
}

/// True when two folded titles agree: equal, or one contains the other (the shorter one must
/// still be a real phrase: at least 2 words and 8 characters).
fn agree(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.split(' ').count() >= 2 && short.chars().count() >= 8 && format!(" {long} ").contains(&format!(" {short} "))
}

/// Chooses the title among candidates (visible h1, og:title, JSON-LD headline, `<title>`) by
/// agreement after site-name stripping and folding: the h1 when another candidate agrees with it
/// (equal or one contains the other), or when `h1_is_headline` (it is printed just above or in
/// the article) and it reads as a headline (three words or more: a social or search variant in
/// og:title gives way to what the reader sees); else og:title, then the JSON-LD headline, then
/// the stripped `<title>`, then the h1 alone. Candidates that are only the site name are ignored.
/// Returns the page's own text (not folded), white space collapsed.
pub(crate) fn choose_title(
    h1: Option<&str>,
    og: Option<&str>,
    jsonld: Option<&str>,
    html_title: Option<&str>,
    site_name: Option<&str>,
    host: Option<&str>,
    h1_is_headline: bool,
) -> Option<String> {
    let site = Site::new(site_name, host);
    let usable = |t: String| -> Option<(String, String)> {
        let folded = fold_words(&t);
        if folded.is_empty() || t.chars().count() > 400 {
            return None;
        }
        if segment_is_site(&t, &site) && word_count(&t) <= 6 {
            return None;
        }
        Some((t, folded))
    };
    // The h1 only loses a known site name; the generic rule is for document-level titles.
    let h1 = h1.and_then(|t| usable(strip_impl(t, &site, false)));
    let og = og.and_then(|t| usable(strip_impl(t, &site, true)));
    let jsonld = jsonld.and_then(|t| usable(strip_impl(t, &site, true)));
    let html = html_title.and_then(|t| usable(strip_impl(t, &site, true)));

    if let Some((h, hf)) = &h1 {
        let others = [&og, &jsonld, &html];
        if others.iter().any(|o| o.as_ref().is_some_and(|(_, f)| agree(hf, f)))
            || (h1_is_headline && word_count(h) >= 3)
        {
            return Some(h.clone());
        }
    }
    [og, jsonld, html, h1].into_iter().flatten().map(|(t, _)| t).next()
}

/// Top-level and second-level labels skipped when guessing a site name from a host.
const HOST_SUFFIXES: &[&str] = &[
    "com", "net", "org", "info", "biz", "news", "tv", "co", "gov", "edu", "ac", "online", "site", "media", "press",
    "live", "me", "io", "int",
];

/// Leading host labels that are not the site's name.
const HOST_PREFIXES: &[&str] = &["www", "www2", "m", "mobile", "amp", "ar", "arabic", "en", "web"];

/// A site name guessed from a host: "www.youm7.com" -> "youm7" (compared with title segments,
/// folded, Latin). Accepts a bare host, optionally with scheme, port or path. `None` for an IP
/// address or when nothing is left.
pub(crate) fn host_label(host: &str) -> Option<&str> {
    let mut h = host.trim();
    if let Some(i) = h.find("://") {
        h = &h[i + 3..];
    }
    if let Some(i) = h.find(['/', '?', '#']) {
        h = &h[..i];
    }
    if let Some(i) = h.rfind('@') {
        h = &h[i + 1..];
    }
    if let Some(i) = h.find(':') {
        h = &h[..i];
    }
    let h = h.trim_end_matches('.');
    let mut labels: Vec<&str> = h.split('.').filter(|l| !l.is_empty()).collect();
    if labels.is_empty() || labels.iter().all(|l| l.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    while labels.len() > 1 {
        let last = labels[labels.len() - 1];
        let lower = last.to_ascii_lowercase();
        let country = last.len() == 2 && last.chars().all(|c| c.is_ascii_alphabetic());
        if HOST_SUFFIXES.contains(&lower.as_str()) || country {
            labels.pop();
        } else {
            break;
        }
    }
    while labels.len() > 1 {
        let lower = labels[0].to_ascii_lowercase();
        if HOST_PREFIXES.contains(&lower.as_str()) {
            labels.remove(0);
        } else {
            break;
        }
    }
    labels.last().copied().filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_names() {
        // (title, site, host, expected)
        let cases: &[(&str, Option<&str>, Option<&str>, &str)] = &[
            (
                "وزير الخارجية يلتقي نظيره الفرنسي - اليوم السابع",
                Some("اليوم السابع"),
                Some("www.youm7.com"),
                "وزير الخارجية يلتقي نظيره الفرنسي",
            ),
            ("ارتفاع أسعار النفط عالميا | الجزيرة نت", Some("الجزيرة"), None, "ارتفاع أسعار النفط عالميا"),
            (
                "اليوم السابع: افتتاح المتحف الكبير الشهر المقبل",
                Some("اليوم السابع"),
                None,
                "افتتاح المتحف الكبير الشهر المقبل",
            ),
            ("انتخابات الرئاسة الأمريكية — BBC News عربي", None, Some("www.bbc.com"), "انتخابات الرئاسة الأمريكية"),
            (
                "السيسي: مصر لن تتخلى عن حقوقها المائية",
                Some("اليوم السابع"),
                None,
                "السيسي: مصر لن تتخلى عن حقوقها المائية",
            ),
            ("السيسي: مصر لن تتخلى عن حقوقها المائية", None, None, "السيسي: مصر لن تتخلى عن حقوقها المائية"),
            ("الجزيرة نت | غارات جديدة على جنوب لبنان", Some("الجزيرة نت"), None, "غارات جديدة على جنوب لبنان"),
            (
                "Oil prices rise again - Al Jazeera",
                None,
                Some("https://www.aljazeera.com/news/x"),
                "Oil prices rise again",
            ),
            (
                "مقتل ثلاثة في انفجار ببغداد | أخبار العراق | الشرق الأوسط",
                Some("الشرق الأوسط"),
                None,
                "مقتل ثلاثة في انفجار ببغداد",
            ),
            ("هطول أمطار غزيرة على القاهرة - المصري اليوم", None, None, "هطول أمطار غزيرة على القاهرة"),
            ("مصر - السودان: مباراة حاسمة الليلة", None, None, "مصر - السودان: مباراة حاسمة الليلة"),
            ("العربية.نت | الحكومة تعلن خطة جديدة للإسكان", None, None, "الحكومة تعلن خطة جديدة للإسكان"),
            ("الشرق الأوسط", Some("الشرق الأوسط"), None, "الشرق الأوسط"),
            (
                "\u{200F}قمة   عربية طارئة في الرياض \u{200F}- سكاي نيوز عربية",
                Some("سكاي نيوز عربية"),
                None,
                "قمة عربية طارئة في الرياض",
            ),
            ("مرحبا", None, None, "مرحبا"),
            ("الأهلي يفوز على الزمالك 2 - 1", None, None, "الأهلي يفوز على الزمالك 2 - 1"),
            ("", None, None, ""),
            (
                "جريدة الرياض | ارتفاع الصادرات غير النفطية",
                Some("الرياض"),
                Some("www.alriyadh.com"),
                "ارتفاع الصادرات غير النفطية",
            ),
            ("فوز الأهلي على الزمالك - youm7.com", None, Some("youm7.com"), "فوز الأهلي على الزمالك"),
            (
                "قصة طويلة جدا عن الاقتصاد - تحليل اقتصادي معمق للأوضاع الراهنة",
                None,
                None,
                "قصة طويلة جدا عن الاقتصاد - تحليل اقتصادي معمق للأوضاع الراهنة",
            ),
            ("ماذا يحدث في غزة؟ - فرانس 24", Some("فرانس 24"), Some("www.france24.com"), "ماذا يحدث في غزة؟"),
        ];
        for (title, site, host, want) in cases {
            assert_eq!(strip_site_name(title, *site, *host), *want, "title {title:?}");
        }
    }

    #[test]
    fn chooses_titles() {
        type Case<'a> = ([Option<&'a str>; 4], Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                [
                    Some("وزير الخارجية يلتقي نظيره الفرنسي"),
                    Some("وزير الخارجية يلتقي نظيره الفرنسي - اليوم السابع"),
                    None,
                    Some("وزير الخارجية يلتقي نظيره الفرنسي - اليوم السابع"),
                ],
                Some("اليوم السابع"),
                None,
                Some("وزير الخارجية يلتقي نظيره الفرنسي"),
            ),
            (
                [Some("أخبار مصر"), Some("ارتفاع أسعار الذهب في السوق المحلية"), None, None],
                None,
                None,
                Some("ارتفاع أسعار الذهب في السوق المحلية"),
            ),
            (
                [Some("اليوم السابع"), None, None, Some("افتتاح المتحف الكبير | اليوم السابع")],
                Some("اليوم السابع"),
                None,
                Some("افتتاح المتحف الكبير"),
            ),
            ([None, None, Some("عنوان من JSON-LD عن الاقتصاد"), None], None, None, Some("عنوان من JSON-LD عن الاقتصاد")),
            (
                [Some("  الحكومة   تعلن خطة للإسكان  "), None, None, Some("الحكومة تعلن خطة للإسكان الاجتماعي | الوطن")],
                None,
                None,
                Some("الحكومة تعلن خطة للإسكان"),
            ),
            ([None, None, None, None], None, None, None),
            ([Some("   "), Some(""), None, None], None, None, None),
            ([Some("عنوان وحيد للصفحة"), None, None, None], None, None, Some("عنوان وحيد للصفحة")),
            (
                [Some("قِمّة عربيّة في الرياض"), Some("قمة عربية في الرياض"), None, None],
                None,
                None,
                Some("قِمّة عربيّة في الرياض"),
            ),
        ];
        for ([h1, og, ld, t], site, host, want) in cases {
            let got = choose_title(*h1, *og, *ld, *t, *site, *host, false);
            assert_eq!(got.as_deref(), *want, "case {h1:?} {og:?}");
        }
    }

    #[test]
    fn host_labels() {
        let cases: &[(&str, Option<&str>)] = &[
            ("www.youm7.com", Some("youm7")),
            ("youm7.com", Some("youm7")),
            ("https://www.aljazeera.net/news/", Some("aljazeera")),
            ("arabic.cnn.com", Some("cnn")),
            ("www.bbc.co.uk", Some("bbc")),
            ("www.spa.gov.sa", Some("spa")),
            ("m.alarabiya.net:443", Some("alarabiya")),
            ("localhost", Some("localhost")),
            ("192.168.1.1", None),
            ("", None),
            ("...", None),
        ];
        for (host, want) in cases {
            assert_eq!(host_label(host), *want, "host {host:?}");
        }
    }

    #[test]
    fn site_name_comparison() {
        assert!(is_site_name("الجزيرة نت", "الجزيرة"));
        assert!(is_site_name("جزيرة", "الجزيرة"));
        assert!(is_site_name("موقع اليوم السابع", "اليوم السابع"));
        assert!(is_site_name("Youm7.com", "youm7"));
        assert!(!is_site_name("الوطن", "الجزيرة"));
        assert!(!is_site_name("", ""));
    }

    #[test]
    fn long_and_odd_inputs_do_not_panic() {
        let long = "كلمة - ".repeat(2000);
        let _ = strip_site_name(&long, Some("كلمة"), Some("x.com"));
        let _ = choose_title(Some(&long), Some(&long), None, Some("|||"), None, Some("::"), true);
        for s in ["|", " - ", "::", ":", "«»", "ـ", "\u{200F}"] {
            let _ = strip_site_name(s, Some(s), Some(s));
            let _ = host_label(s);
        }
    }
}
