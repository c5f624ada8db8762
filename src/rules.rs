//! The rule table: what marks site chrome and what marks content.
//!
//! All knowledge about chrome lives here as data: class/id tokens, Arabic (and a few Latin)
//! phrases matched on folded text, and per-site rules keyed by host. The walker asks the table
//! once per element ([`RuleSet::classify_element`]) and once per block
//! ([`RuleSet::classify_text`]); nothing else in the crate tests class names or phrases.

use crate::normalize::fold;

/// What a rule does to the part of the page it matches.
///
/// ```
/// use matn::{Action, Rule};
/// let rule = Rule::class("promo-strip", Action::Remove);
/// assert_eq!(rule.action(), Action::Remove);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// Site chrome: the matched element (or block) and everything inside it is dropped from the
    /// article, unless it wraps most of the article's text.
    Remove,
    /// A phrase that ends the article: the matched block and every block after it in the article
    /// region are dropped ("الأكثر قراءة", "التعليقات", "جميع الحقوق محفوظة").
    TrimAfter,
    /// The matched element is the article body: it is preferred when the region is chosen.
    Body,
    /// An image caption or photo credit: kept out of the text, attached to the image.
    Caption,
}

/// How a rule names the part of the page it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// A class or id token, compared after lower-casing and removing `-` and `_`
    /// (`most-read`, `mostRead` and `most_read` are all `mostread`). Matches a whole class name,
    /// one of its `-`/`_`/camelCase parts, or — when `affix` — a class name that starts or ends
    /// with it.
    Class { token: String, affix: bool },
    /// A selector of one element: `tag`, `#id`, `.class`, `tag.class`, `tag#id`.
    Selector { tag: Option<String>, id: Option<String>, class: Option<String> },
    /// A phrase matched on folded block text: at its start, as the whole block, or anywhere.
    Phrase { folded: String, mode: PhraseMode },
}

/// Where in a block a phrase rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhraseMode {
    Prefix,
    Whole,
    Contains,
}

/// One entry of the rule table.
///
/// Rules are plain data: build them with the constructors and hand them to
/// [`Cleaner::rule`](crate::Cleaner::rule). A rule may be limited to one site with
/// [`Rule::on_host`]; it then applies to that host and its subdomains only.
///
/// ```
/// use matn::{Action, Cleaner, Rule};
/// let cleaner = Cleaner::new()
///     .rule(Rule::selector("div.sponsored-box", Action::Remove).on_host("example.com"))
///     .rule(Rule::phrase("اقرأ كمان", Action::Remove));
/// let html = r#"<html><body><article>
///   <p>نص الخبر الأول هنا، وهو نص طويل بما يكفي ليكون فقرة من فقرات المقال الذي نقرؤه الآن.</p>
///   <p>اقرأ كمان: خبر آخر لا علاقة له بالموضوع</p>
///   <p>والفقرة الثانية من الخبر تكمل الحديث عن الموضوع نفسه وتضيف إليه تفاصيل أخرى مهمة.</p>
/// </article></body></html>"#;
/// let article = cleaner.clean(html).unwrap();
/// assert!(!article.text().contains("اقرأ كمان"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    target: Target,
    action: Action,
    host: Option<String>,
}

impl Rule {
    /// A rule on a class or id token. The token is compared without case, `-` or `_`.
    ///
    /// ```
    /// let rule = matn::Rule::class("newsletter-box", matn::Action::Remove);
    /// assert_eq!(rule.action(), matn::Action::Remove);
    /// ```
    pub fn class(token: &str, action: Action) -> Rule {
        Rule { target: Target::Class { token: squash(token), affix: false }, action, host: None }
    }

    /// A rule on one element selector: `tag`, `#id`, `.class`, `tag.class` or `tag#id`.
    ///
    /// ```
    /// let rule = matn::Rule::selector("div#articleBody", matn::Action::Body);
    /// assert_eq!(rule.action(), matn::Action::Body);
    /// ```
    pub fn selector(selector: &str, action: Action) -> Rule {
        let (tag, rest) = match selector.find(['#', '.']) {
            Some(i) => (&selector[..i], &selector[i..]),
            None => (selector, ""),
        };
        let tag = (!tag.is_empty()).then(|| tag.to_ascii_lowercase());
        let (mut id, mut class) = (None, None);
        if let Some(v) = rest.strip_prefix('#') {
            id = Some(v.to_string());
        } else if let Some(v) = rest.strip_prefix('.') {
            class = Some(v.to_string());
        }
        Rule { target: Target::Selector { tag, id, class }, action, host: None }
    }

    /// A rule on a phrase at the start of a block, matched on folded text (alef forms, ى/ي,
    /// tashkeel, tatweel, digits and case do not matter).
    ///
    /// ```
    /// let rule = matn::Rule::phrase("إقرأ أيضاً", matn::Action::Remove);
    /// assert_eq!(rule.action(), matn::Action::Remove);
    /// ```
    pub fn phrase(phrase: &str, action: Action) -> Rule {
        Rule { target: Target::Phrase { folded: fold(phrase), mode: PhraseMode::Prefix }, action, host: None }
    }

    /// A rule on a block whose whole text is the phrase (after folding and trimming
    /// punctuation): a box heading such as "الأكثر قراءة".
    ///
    /// ```
    /// let rule = matn::Rule::heading("الأكثر قراءة", matn::Action::TrimAfter);
    /// assert_eq!(rule.action(), matn::Action::TrimAfter);
    /// ```
    pub fn heading(phrase: &str, action: Action) -> Rule {
        Rule { target: Target::Phrase { folded: fold(phrase), mode: PhraseMode::Whole }, action, host: None }
    }

    /// A rule on a block that contains the phrase anywhere (folded): disclaimers such as
    /// "الآراء الواردة أدناه لا تعبر عن رأي الموقع". Keep such phrases specific: they are
    /// tested against every block.
    ///
    /// ```
    /// let rule = matn::Rule::contains("لا تعبر عن رأي", matn::Action::TrimAfter);
    /// assert_eq!(rule.action(), matn::Action::TrimAfter);
    /// ```
    pub fn contains(phrase: &str, action: Action) -> Rule {
        Rule { target: Target::Phrase { folded: fold(phrase), mode: PhraseMode::Contains }, action, host: None }
    }

    /// Limits the rule to one host and its subdomains (`youm7.com` covers `www.youm7.com`).
    ///
    /// ```
    /// let rule = matn::Rule::class("x", matn::Action::Remove).on_host("www.Example.com");
    /// assert_eq!(rule.host(), Some("example.com"));
    /// ```
    pub fn on_host(mut self, host: &str) -> Rule {
        let host = host.trim().to_ascii_lowercase();
        self.host = Some(host.strip_prefix("www.").unwrap_or(&host).to_string());
        self
    }

    /// What the rule does.
    ///
    /// ```
    /// assert_eq!(matn::Rule::class("ad", matn::Action::Remove).action(), matn::Action::Remove);
    /// ```
    pub fn action(&self) -> Action {
        self.action
    }

    /// The host the rule is limited to, if any.
    ///
    /// ```
    /// assert_eq!(matn::Rule::class("ad", matn::Action::Remove).host(), None);
    /// ```
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// A short description for explain output: `class:share`, `phrase:"اقرا ايضا"`…
    pub(crate) fn describe(&self) -> String {
        let what = match &self.target {
            Target::Class { token, .. } => format!("class:{token}"),
            Target::Selector { tag, id, class } => format!(
                "selector:{}{}{}",
                tag.as_deref().unwrap_or(""),
                id.as_deref().map(|i| format!("#{i}")).unwrap_or_default(),
                class.as_deref().map(|c| format!(".{c}")).unwrap_or_default()
            ),
            Target::Phrase { folded, .. } => format!("phrase:\"{folded}\""),
        };
        match &self.host {
            Some(h) => format!("{what}@{h}"),
            None => what,
        }
    }
}

/// Lower-cases and removes `-`, `_` and spaces: the form class tokens are compared in.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect()
}

/// Splits a class name into its parts: on `-`, `_`, digits and lower→upper case changes.
fn class_parts(name: &str) -> impl Iterator<Item = String> + '_ {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphabetic() {
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts.into_iter()
}

/// The verdict on one element: the first matching rule of each kind, by index into the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ElementVerdict {
    /// A rule that removes the element.
    pub remove: Option<u16>,
    /// A rule that marks the element as the article body.
    pub body: Option<u16>,
    /// A rule that marks the element as a caption.
    pub caption: Option<u16>,
}

/// The rule table, compiled: rules sorted by what they target. Site rules are kept apart and
/// switched on per page by [`RuleSet::for_host`].
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleSet {
    rules: Vec<Rule>,
    class_rules: Vec<u16>,
    selector_rules: Vec<u16>,
    phrase_rules: Vec<u16>,
}

/// The rule table as it applies to one page: the generic rules and the page's site rules.
#[derive(Debug, Clone)]
pub(crate) struct PageRules<'a> {
    set: &'a RuleSet,
    host: Option<String>,
}

impl RuleSet {
    /// Compiles `rules` (at most 65,535; the rest are ignored).
    pub fn new(rules: &[Rule]) -> RuleSet {
        let mut set = RuleSet::default();
        for rule in rules.iter().take(usize::from(u16::MAX)) {
            let i = set.rules.len() as u16;
            match rule.target {
                Target::Class { .. } => set.class_rules.push(i),
                Target::Selector { .. } => set.selector_rules.push(i),
                Target::Phrase { .. } => set.phrase_rules.push(i),
            }
            set.rules.push(rule.clone());
        }
        set
    }

    /// The table for a page on `host` (if known).
    pub fn for_host(&self, host: Option<&str>) -> PageRules<'_> {
        let host = host.map(|h| h.trim_start_matches("www.").to_ascii_lowercase());
        PageRules { set: self, host }
    }
}

impl PageRules<'_> {
    /// The rule at `index`.
    pub fn get(&self, index: u16) -> Option<&Rule> {
        self.set.rules.get(usize::from(index))
    }

    /// Whether rule `i` applies on this page's host.
    fn applies(&self, rule: &Rule) -> bool {
        match (&rule.host, &self.host) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(h), Some(page)) => {
                page == h || (page.ends_with(h.as_str()) && page[..page.len() - h.len()].ends_with('.'))
            }
        }
    }

    /// Classifies an element by its tag, id and class attribute.
    pub fn classify_element(&self, tag: &str, id: &str, class: &str) -> ElementVerdict {
        let mut v = ElementVerdict::default();
        if id.is_empty() && class.is_empty() {
            return v;
        }
        let rules = &self.set.rules;
        let names = || class.split_ascii_whitespace().chain(Some(id).filter(|s| !s.is_empty()));
        let squashed: Vec<String> = names().map(squash).collect();
        let parts: Vec<String> = names().flat_map(class_parts).collect();
        let note = |v: &mut ElementVerdict, i: u16, rule: &Rule| {
            let slot = match rule.action {
                Action::Remove | Action::TrimAfter => &mut v.remove,
                Action::Body => &mut v.body,
                Action::Caption => &mut v.caption,
            };
            // Site rules come after the generic ones in the table but decide first.
            if slot.is_none() || rule.host.is_some() {
                *slot = Some(i);
            }
        };
        for &i in &self.set.selector_rules {
            let rule = &rules[usize::from(i)];
            if let Target::Selector { tag: t, id: want_id, class: want_class } = &rule.target {
                let tag_ok = t.as_deref().is_none_or(|t| t == tag);
                let id_ok = want_id.as_deref().is_none_or(|w| w == id);
                let class_ok = want_class.as_deref().is_none_or(|w| class.split_ascii_whitespace().any(|c| c == w));
                if tag_ok && id_ok && class_ok && self.applies(rule) {
                    note(&mut v, i, rule);
                }
            }
        }
        for &i in &self.set.class_rules {
            let rule = &rules[usize::from(i)];
            if let Target::Class { token, affix } = &rule.target {
                let hit = squashed.iter().any(|s| s == token)
                    || parts.iter().any(|p| p == token)
                    || (*affix
                        && squashed.iter().any(|s| s.starts_with(token.as_str()) || s.ends_with(token.as_str())));
                if hit && self.applies(rule) {
                    note(&mut v, i, rule);
                }
            }
        }
        v
    }

    /// Classifies a block by its folded text: the first phrase rule that matches, if any.
    pub fn classify_text(&self, folded: &str) -> Option<(u16, Action)> {
        let trimmed = folded.trim_matches(|c: char| !c.is_alphanumeric());
        for &i in &self.set.phrase_rules {
            let rule = &self.set.rules[usize::from(i)];
            if !self.applies(rule) {
                continue;
            }
            if let Target::Phrase { folded: p, mode } = &rule.target {
                let hit = match mode {
                    PhraseMode::Prefix => {
                        trimmed.starts_with(p.as_str())
                            && trimmed[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                    }
                    PhraseMode::Whole => trimmed == p,
                    PhraseMode::Contains => trimmed.contains(p.as_str()),
                };
                if hit {
                    return Some((i, rule.action));
                }
            }
        }
        None
    }
}

/// Class/id tokens of generic chrome, matched as a whole class name or as one of its parts.
const CHROME_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "socials",
    "comment",
    "comments",
    "related",
    "relatednews",
    "mostread",
    "mostviewed",
    "mostpopular",
    "popular",
    "trending",
    "newsletter",
    "subscribe",
    "subscription",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "tags",
    "tagcloud",
    "keywords",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "widget",
    "widgets",
    "popup",
    "modal",
    "ticker",
    "marquee",
    "taboola",
    "outbrain",
    "dfp",
    "disqus",
    "authorbox",
    "authorbio",
    "pagination",
    "pager",
    "recommended",
    "recommendations",
    "readmore",
    "alsoread",
    "readalso",
    "morenews",
    "morestories",
    "latestnews",
    "topstories",
    "toolbar",
    "visuallyhidden",
    "sronly",
    "masthead",
    "copyright",
    "whatsapp",
    "telegram",
    "facebook",
    "twitter",
];

/// Class/id tokens that mark chrome also when a class name only starts or ends with them.
const CHROME_AFFIXES: &[&str] = &[
    "share",
    "social",
    "related",
    "comments",
    "newsletter",
    "breadcrumb",
    "mostread",
    "advert",
    "sidebar",
    "footer",
    "taboola",
    "outbrain",
    "trending",
    "navbar",
    "readmore",
    "alsoread",
];

/// Class/id tokens of article bodies.
const BODY_WORDS: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "storybody",
    "storycontent",
    "storytext",
    "entrycontent",
    "postcontent",
    "postbody",
    "newscontent",
    "newsbody",
    "newsdetails",
    "newsstory",
    "articledetails",
    "detailscontent",
    "bodytext",
    "maintext",
    "textcontent",
];

/// Class/id tokens of image captions and photo credits.
const CAPTION_WORDS: &[&str] = &[
    "caption",
    "captions",
    "imgcaption",
    "imagecaption",
    "photocaption",
    "figcaption",
    "wpcaptiontext",
    "credit",
    "photocredit",
    "imgtitle",
    "imagetitle",
];

/// Phrases (folded) that start a chrome block: the block alone is removed.
const REMOVE_PREFIXES: &[&str] = &[
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرا ايضآ",
    "اقرأ أيضا",
    "ايضا اقرا",
    "طالع ايضا",
    "شاهد ايضا",
    "شاهد ايضاً",
    "شاهد الفيديو",
    "للمزيد اقرا",
    "للمزيد من الاخبار",
    "تابع اخر اخبار",
    "تابعوا اخر اخبار",
    "تابعونا على",
    "تابعونا عبر",
    "تابعنا على",
    "تابعنا عبر",
    "لمتابعه اخر",
    "لمتابعه اهم",
    "حمل تطبيق",
    "حملوا تطبيق",
    "نزل تطبيق",
    "اشترك في",
    "اشترك الان",
    "اشترك ب",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا",
    "شارك على",
    "شارك عبر",
    "مشاركه الخبر",
    "مشاركه",
    "الكلمات المفتاحيه",
    "كلمات مفتاحيه",
    "الوسوم",
    "وسوم",
    "مواضيع متعلقه:",
    "اعلان",
    "مساحه اعلانيه",
    "المحتوى الاعلاني",
    "محتوى مدفوع",
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "advertisement",
    "sponsored",
    "share this",
    "share on",
    "follow us",
    "sign up for",
    "subscribe to",
    "click here",
    "tags:",
    "image source",
    "image caption",
    "getty images",
    "photo:",
    "صوره ارشيفيه",
    "صوره تعبيريه",
    "الصوره:",
    "مصدر الصوره",
    "صدر الصوره",
    "حقوق الصوره",
    "التعليق على الصوره",
    "يتم تحديث هذه الصفحه",
    "هذه الصفحه يتم تحديثها",
    "نسخ الرابط",
    "رابط مختصر",
    "الرابط المختصر",
];

/// Whole-block labels (folded) of chrome: date stamps and credits printed apart from the text.
const REMOVE_LABELS: &[&str] = &[
    "نشر في",
    "نشر بتاريخ",
    "تاريخ النشر",
    "اخر تحديث",
    "تم التحديث",
    "تحديث",
    "منذ",
    "المصدر",
    "published",
    "updated",
    "last updated",
    "posted",
    "posted on",
    "advertisement",
    "اعلان",
    "التاريخ",
    "الكاتب",
    "قصص مقترحه",
    "نهايه قصص مقترحه",
    "المزيد حول هذه القصه",
    "تخطي",
    "انتقل الى المحتوى",
];

/// Phrases (folded) that, anywhere in a block, mark the comment section's disclaimers or the
/// site's notices: the article is over.
const TRIM_CONTAINS: &[&str] = &[
    "لا تعبر عن راي",
    "لا تعبر بالضروره عن",
    "لا يعبر عن راي",
    "تعبر عن راي كاتبها",
    "تعبر عن وجهه نظر",
    "التعليقات قبل نشرها",
    "ارشادات الاستخدام",
    "شروط التعليق",
    "سياسه التعليقات",
    "do not necessarily reflect",
    "comments are moderated",
    "community guidelines",
    "راي سے متفق ہونا ضروري نہيں",
    "مسئوليت مطالب",
    "comments powered by",
];

/// Box headings (folded, whole block) after which the article is over.
const TRIM_HEADINGS: &[&str] = &[
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "الاكثر تداولا",
    "الاكثر تفاعلا",
    "الاكثر شعبيه",
    "لا يفوتك",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "مقالات ذات صله",
    "موضوعات ذات صله",
    "اخبار متعلقه",
    "مواضيع متعلقه",
    "موضوعات متعلقه",
    "مقالات متعلقه",
    "قد يعجبك ايضا",
    "قد يهمك ايضا",
    "قد يهمك",
    "ننصحك بقراءه",
    "اقرا ايضا",
    "اقرا المزيد",
    "المزيد من الاخبار",
    "المزيد",
    "اخر الاخبار",
    "احدث الاخبار",
    "الاخبار العاجله",
    "اخبار عاجله",
    "عاجل",
    "التعليقات",
    "تعليقات",
    "اضف تعليق",
    "اضف تعليقك",
    "اترك تعليقا",
    "اترك تعليقاً",
    "التعليقات على الخبر",
    "شارك",
    "شارك الخبر",
    "شارك المقال",
    "الوسوم",
    "وسوم",
    "الكلمات المفتاحيه",
    "كلمات البحث",
    "مواضيع",
    "اقرا في",
    "related",
    "related articles",
    "related stories",
    "related news",
    "more stories",
    "more news",
    "most read",
    "most popular",
    "trending",
    "you may also like",
    "recommended",
    "comments",
    "leave a comment",
    "leave a reply",
    "tags",
    "share",
    "share this",
    "share this article",
    "read more",
    "more from",
    "top stories",
    "latest news",
    "advertisement",
    "متعلقہ مضامين",
    "متعلقہ خبريں",
    "مزيد پڑھيں",
    "مطالب مرتبط",
    "اخبار مرتبط",
    "بيشتر بخوانيد",
    "مطالب پيشنهادي",
    "پربازديدترين",
    "پربيننده ترين",
];

/// Phrases (folded) that start a block after which the article is over.
const TRIM_PREFIXES: &[&str] = &[
    "جميع الحقوق محفوظه",
    "كل الحقوق محفوظه",
    "حقوق النشر محفوظه",
    "جميع حقوق النشر",
    "©",
    "copyright",
    "all rights reserved",
    "تابع اخر اخبار",
    "تابعوا اخر اخبار",
];

/// Class/id parts of elements that hold a byline.
const BYLINE_HINTS: &[&str] =
    &["by", "author", "authors", "byline", "writer", "writeby", "reporter", "kateb", "katib", "auther", "journalist"];

/// Class/id parts of elements that hold a date.
const DATE_HINTS: &[&str] =
    &["date", "time", "published", "publish", "timestamp", "datetime", "posted", "updated", "newsstorydate", "pubdate"];

fn has_hint(id: &str, class: &str, words: &[&str]) -> bool {
    class.split_ascii_whitespace().chain(Some(id)).flat_map(class_parts).any(|p| words.contains(&p.as_str()))
        || class
            .split_ascii_whitespace()
            .chain(Some(id))
            .map(squash)
            .any(|s| words.iter().any(|w| w.len() > 4 && s.contains(w)))
}

/// Whether an element's id or class says it holds a byline.
pub(crate) fn is_byline_hint(id: &str, class: &str) -> bool {
    has_hint(id, class, BYLINE_HINTS)
}

/// Path parts of links to an author's page (`/author/jane-doe`, `/writers/9/name.html`).
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/writer/",
    "/writers/",
    "/columnist/",
    "/columnists/",
    "/kottab/",
    "/kuttab/",
    "/journalist/",
    "/profile/",
];

/// Whether a link points to an author's page.
pub(crate) fn is_author_link(href: &str) -> bool {
    let h = href.to_ascii_lowercase();
    AUTHOR_PATHS.iter().any(|p| h.contains(p))
}

/// Whether an element's id or class says it holds a date.
pub(crate) fn is_date_hint(id: &str, class: &str) -> bool {
    has_hint(id, class, DATE_HINTS)
}

/// The default table: generic chrome and content rules, then per-site rules for major Arabic
/// news sites.
pub(crate) fn default_rules() -> Vec<Rule> {
    let mut rules = Vec::new();
    for w in BODY_WORDS {
        rules.push(Rule::class(w, Action::Body));
    }
    for w in CAPTION_WORDS {
        rules.push(Rule::class(w, Action::Caption));
    }
    for w in CHROME_WORDS {
        rules.push(Rule::class(w, Action::Remove));
    }
    for w in CHROME_AFFIXES {
        rules.push(Rule {
            target: Target::Class { token: squash(w), affix: true },
            action: Action::Remove,
            host: None,
        });
    }
    for p in TRIM_PREFIXES {
        rules.push(Rule::phrase(p, Action::TrimAfter));
    }
    for p in REMOVE_PREFIXES {
        rules.push(Rule::phrase(p, Action::Remove));
    }
    for p in TRIM_CONTAINS {
        rules.push(Rule::contains(p, Action::TrimAfter));
    }
    for p in REMOVE_LABELS {
        rules.push(Rule::heading(p, Action::Remove));
    }
    for p in TRIM_HEADINGS {
        rules.push(Rule::heading(p, Action::TrimAfter));
    }
    for (host, body, strip) in SITES {
        for sel in body.iter() {
            rules.push(Rule::selector(sel, Action::Body).on_host(host));
        }
        for sel in strip.iter() {
            rules.push(Rule::selector(sel, Action::Remove).on_host(host));
        }
    }
    rules
}

/// Per-site rules: host, body containers, containers to strip.
type SiteRow = (&'static str, &'static [&'static str], &'static [&'static str]);

const SITES: &[SiteRow] = &[
    (
        "youm7.com",
        &["div#articleBody", "div.articleCont"],
        &["div.img-cont", "span.img-caption", "div.writeBy", "div#newsStoryDate"],
    ),
    ("masrawy.com", &["div.details", "div.ArticleDetails"], &["div.related"]),
    ("almasryalyoum.com", &["div#NewsStory", "div.min_related"], &["div.min_related"]),
    ("shorouknews.com", &["div.eventContent"], &[]),
    ("ahram.org.eg", &["div#bodystory", "div.bodystory"], &[]),
    ("aljazeera.net", &["div.wysiwyg"], &["div.more-on"]),
    ("alarabiya.net", &["div.article-body", "div#body-text"], &[]),
    ("bbc.com", &["main#main-content"], &[]),
    ("aawsat.com", &["div.node_new_body", "div.entry-article"], &[]),
    ("annahar.com", &["div.articleMainText"], &[]),
    ("hespress.com", &["div.article-content"], &[]),
    ("echoroukonline.com", &["div.the-content"], &[]),
    ("skynewsarabia.com", &["div.article-body"], &[]),
    ("alwatanvoice.com", &["div.article"], &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    static SET: once_cell::sync::Lazy<RuleSet> = once_cell::sync::Lazy::new(|| RuleSet::new(&default_rules()));

    fn set() -> PageRules<'static> {
        SET.for_host(Some("www.youm7.com"))
    }

    #[test]
    fn class_tokens_match_whole_names_parts_and_affixes() {
        let s = set();
        assert!(s.classify_element("div", "", "share-buttons").remove.is_some());
        assert!(s.classify_element("div", "mostRead", "").remove.is_some());
        assert!(s.classify_element("div", "", "relatedNews box").remove.is_some());
        assert!(s.classify_element("div", "", "postcomments").remove.is_some());
        assert!(s.classify_element("div", "", "commentary-page").remove.is_none());
        assert!(s.classify_element("div", "", "entry-content").body.is_some());
        assert!(s.classify_element("div", "", "headline").remove.is_none());
        assert!(s.classify_element("span", "", "img-caption").caption.is_some());
    }

    #[test]
    fn site_rules_apply_only_on_their_host() {
        let on = SET.for_host(Some("youm7.com"));
        let off = SET.for_host(Some("example.org"));
        assert!(on.classify_element("div", "articleBody", "").body.is_some());
        assert!(off.classify_element("div", "articleBody", "").body.is_some(), "generic body token too");
        assert!(on.classify_element("div", "", "img-cont").remove.is_some());
        assert!(off.classify_element("div", "", "img-cont").remove.is_none());
    }

    #[test]
    fn phrases_match_on_folded_text_in_all_spellings() {
        let s = set();
        for text in ["اقرأ أيضا: خبر", "إقرأ أيضاً خبر", "اقرا ايضا", "اقـــرأ أيضًا - خبر"]
        {
            assert_eq!(s.classify_text(&fold(text)).map(|x| x.1), Some(Action::Remove), "{text}");
        }
        assert_eq!(s.classify_text(&fold("الأكثر قراءة")).map(|x| x.1), Some(Action::TrimAfter));
        assert_eq!(s.classify_text(&fold("جميع الحقوق محفوظة © 2024")).map(|x| x.1), Some(Action::TrimAfter));
        assert_eq!(s.classify_text(&fold("الأكثر قراءة في مصر اليوم هو خبر")), None);
        assert_eq!(s.classify_text(&fold("اقرأيضا")), None);
    }

    #[test]
    fn user_rules_extend_the_table() {
        let mut rules = default_rules();
        rules.push(Rule::phrase("اقرأ كمان", Action::Remove));
        let set = RuleSet::new(&rules);
        let s = set.for_host(None);
        assert!(s.classify_text(&fold("اقرأ كمان: خبر")).is_some());
    }
}
