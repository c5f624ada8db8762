//! The rule table: what marks site chrome and what marks content.
//!
//! All knowledge about chrome lives here as data: class/id tokens, Arabic (and a few Latin)
//! phrases matched on folded text, and per-site rules keyed by host. The walker asks the table
//! once per element ([`PageRules::classify_element_with`]) and once per block
//! (`PageRules::classify_folded`).

use aho_corasick::AhoCorasick;

use crate::normalize::{FastMap, fold, is_alnum, is_alpha};
use crate::page_url::normalize_host;

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
    Class { token: String, mode: ClassMode },
    /// A selector of one element: `tag`, `#id`, `.class`, `tag.class`, `tag#id`.
    Selector { tag: Option<String>, id: Option<String>, class: Option<String> },
    /// A phrase matched on folded block text: at its start, as the whole block, or anywhere.
    Phrase { folded: String, mode: PhraseMode },
}

/// How a class rule's token meets a class name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClassMode {
    /// The whole name or one of its `-`/`_`/camelCase parts.
    Part,
    /// The whole name only: words that page builders use inside other names
    /// (`elementor-widget-text-editor` holds an article).
    Whole,
    /// A part, or a name that starts or ends with the token.
    Affix,
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
///     .rule(Rule::selector("div.sponsored-box", Action::Remove)?.on_host("example.com"))
///     .rule(Rule::phrase("اقرأ كمان", Action::Remove));
/// let html = r#"<html><body><article>
///   <p>نص الخبر الأول هنا، وهو نص طويل بما يكفي ليكون فقرة من فقرات المقال الذي نقرؤه الآن.</p>
///   <p>اقرأ كمان: خبر آخر لا علاقة له بالموضوع</p>
///   <p>والفقرة الثانية من الخبر تكمل الحديث عن الموضوع نفسه وتضيف إليه تفاصيل أخرى مهمة.</p>
/// </article></body></html>"#;
/// let article = cleaner.clean(html).unwrap();
/// assert!(!article.text().contains("اقرأ كمان"));
/// # Ok::<(), matn::SelectorError>(())
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
        Rule { target: Target::Class { token: squash(token), mode: ClassMode::Part }, action, host: None }
    }

    /// A rule on one element selector: `tag`, `#id`, `.class`, `tag.class` or `tag#id`.
    ///
    /// Anything else (combinators such as `div > p`, attribute selectors, pseudo-classes, lists,
    /// two classes) is a [`SelectorError`] that says what is not supported, rather than a rule
    /// that can never match.
    ///
    /// ```
    /// let rule = matn::Rule::selector("div#articleBody", matn::Action::Body)?;
    /// assert_eq!(rule.action(), matn::Action::Body);
    /// let err = matn::Rule::selector("div > p", matn::Action::Remove).unwrap_err();
    /// assert!(err.to_string().contains("combinator"));
    /// # Ok::<(), matn::SelectorError>(())
    /// ```
    pub fn selector(selector: &str, action: Action) -> Result<Rule, SelectorError> {
        let (tag, id, class) = parse_selector(selector.trim())
            .map_err(|reason| SelectorError { selector: selector.to_string(), reason })?;
        Ok(Rule { target: Target::Selector { tag, id, class }, action, host: None })
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
        self.host = Some(normalize_host(host));
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

    /// Whether the rule names a readers' thread (comments, a forum): text inside it is written
    /// by others than the article's author, however good it reads.
    pub(crate) fn names_thread(&self) -> bool {
        matches!(&self.target, Target::Class { token, .. } if THREAD_WORDS.contains(&token.as_str()))
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

/// A selector the table cannot use, and why (see [`Rule::selector`]).
///
/// ```
/// let err = matn::Rule::selector("a[href]", matn::Action::Remove).unwrap_err();
/// assert_eq!(err.selector(), "a[href]");
/// assert_eq!(err.to_string(), "unsupported selector `a[href]`: attribute selectors are not supported; \
///     a rule names one element: tag, #id, .class, tag.class or tag#id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported selector `{selector}`: {reason}; a rule names one element: tag, #id, .class, tag.class or tag#id")]
pub struct SelectorError {
    selector: String,
    reason: &'static str,
}

impl SelectorError {
    /// The selector as it was given.
    pub fn selector(&self) -> &str {
        &self.selector
    }
}

/// The parts of `tag`, `#id`, `.class`, `tag.class` or `tag#id`, or why the selector is not one
/// of them.
type SelectorParts = (Option<String>, Option<String>, Option<String>);

fn parse_selector(s: &str) -> Result<SelectorParts, &'static str> {
    let reason = |c: char| match c {
        ' ' | '\t' | '\n' | '>' | '+' | '~' => Some("combinators (descendant, >, +, ~) are not supported"),
        '[' | ']' => Some("attribute selectors are not supported"),
        ':' => Some("pseudo-classes are not supported"),
        ',' => Some("selector lists are not supported: add one rule per selector"),
        '*' => Some("the universal selector is not supported"),
        '(' | ')' | '"' | '\'' | '\\' | '|' => Some("this syntax is not supported"),
        _ => None,
    };
    if s.is_empty() {
        return Err("the selector is empty");
    }
    if let Some(why) = s.chars().find_map(reason) {
        return Err(why);
    }
    let (tag, rest) = s.split_at(s.find(['#', '.']).unwrap_or(s.len()));
    let tag_ok = tag.starts_with(|c: char| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !tag.is_empty() && !tag_ok {
        return Err("a tag name is ASCII letters, digits and -");
    }
    let (mut id, mut class) = (None, None);
    if let Some((mark, name)) = rest.chars().next().map(|c| (c, &rest[1..])) {
        if name.is_empty() {
            return Err("a # or . must be followed by a name");
        }
        if name.contains(['#', '.']) {
            return Err("only one #id or .class is supported");
        }
        if mark == '#' { id = Some(name.to_string()) } else { class = Some(name.to_string()) }
    }
    Ok(((!tag.is_empty()).then(|| tag.to_ascii_lowercase()), id, class))
}

/// The rule table, compiled: class rules indexed by token, the rest sorted by what they target.
/// Site rules are kept apart and switched on per page by [`RuleSet::for_host`].
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleSet {
    rules: Vec<Rule>,
    /// Class rules by squashed token, matched against whole class names and their parts, and
    /// the byline and date hints among those names.
    class_index: FastMap<String, Token>,
    /// Class rules by squashed token, matched against whole class names only.
    whole_index: FastMap<String, Vec<u16>>,
    /// Class rules that also match a class name starting or ending with their token.
    affix_rules: Vec<u16>,
    selector_rules: Vec<u16>,
    /// Prefix and whole-block phrase rules by the first character of the phrase.
    phrase_index: FastMap<char, Vec<u16>>,
    /// Phrase rules matched anywhere in a block.
    contains_rules: Vec<u16>,
    /// One automaton over the phrases of `contains_rules` (pattern `k` is `contains_rules[k]`):
    /// a block is read once, however many such rules there are.
    contains_automaton: Option<AhoCorasick>,
}

/// How much of a block's start is folded for phrase matching; longer blocks are matched on
/// their start only (prefix and contains rules) and never as a whole.
const PHRASE_WINDOW: usize = 400;

/// The rule table as it applies to one page: the generic rules and the page's site rules.
#[derive(Debug, Clone)]
pub(crate) struct PageRules<'a> {
    set: &'a RuleSet,
    host: Option<String>,
    /// The selector rules that apply on this host.
    selectors: Vec<u16>,
}

/// What a class name or part is to the table.
#[derive(Debug, Clone, Default)]
struct Token {
    rules: Vec<u16>,
    byline: bool,
    date: bool,
}

/// What one class or id name matched: rule indices in the order they are noted, and hints.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameHits {
    rules: Vec<u16>,
    byline: bool,
    date: bool,
}

/// Per-page memo of [`NameHits`] by class or id name.
#[derive(Debug, Default)]
pub(crate) struct NameMemo {
    names: FastMap<Box<str>, NameHits>,
    /// Buffers reused by [`RuleSet::name_hits`]: the squashed name and one part.
    squashed: String,
    part: String,
}

impl NameMemo {
    /// Names kept per page; past this, names are matched afresh (hostile pages with endless
    /// distinct class names stay bounded in memory).
    const CAPACITY: usize = 8192;
}

/// What the table says of one element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ElementMarks {
    pub verdict: ElementVerdict,
    /// Its class or id names a byline (`author`, `byline`, `writer`…).
    pub byline: bool,
    /// Its class or id names a date (`date`, `published`, `timestamp`…).
    pub date: bool,
}

impl RuleSet {
    /// Compiles `rules` (at most 65,535; the rest are ignored).
    pub fn new(rules: &[Rule]) -> RuleSet {
        let mut set = RuleSet::default();
        for rule in rules.iter().take(usize::from(u16::MAX)) {
            let i = set.rules.len() as u16;
            match &rule.target {
                Target::Class { token, mode } => {
                    match mode {
                        ClassMode::Whole => set.whole_index.entry(token.clone()).or_default().push(i),
                        _ => set.class_index.entry(token.clone()).or_default().rules.push(i),
                    }
                    if *mode == ClassMode::Affix {
                        set.affix_rules.push(i);
                    }
                }
                Target::Selector { .. } => set.selector_rules.push(i),
                Target::Phrase { folded, mode } => {
                    let first = folded.trim_matches(|c: char| !is_alnum(c)).chars().next();
                    match (mode, first) {
                        (PhraseMode::Contains, _) => set.contains_rules.push(i),
                        (_, Some(c)) => set.phrase_index.entry(c).or_default().push(i),
                        (_, None) => {}
                    }
                }
            }
            set.rules.push(rule.clone());
        }
        for hint in BYLINE_HINTS {
            set.class_index.entry((*hint).to_string()).or_default().byline = true;
        }
        for hint in DATE_HINTS {
            set.class_index.entry((*hint).to_string()).or_default().date = true;
        }
        let phrases = set.contains_rules.iter().map(|&i| match &set.rules[usize::from(i)].target {
            Target::Phrase { folded, .. } => folded.as_str(),
            _ => "",
        });
        // Building fails only past the automaton's size limits, far beyond any rule table; the
        // rules are then not matched rather than the table refused.
        set.contains_automaton = AhoCorasick::new(phrases).ok();
        set
    }

    /// What one class or id name matches, in the order the rules are noted: the whole name
    /// squashed (`related-news` → `relatednews`), then its parts (`related`, `news`; split on
    /// non-letters and lower→upper case changes).
    fn name_hits(&self, name: &str, squashed: &mut String, part: &mut String) -> NameHits {
        let mut hits = NameHits::default();
        squashed.clear();
        part.clear();
        if name.is_ascii() {
            squashed
                .extend(name.bytes().filter(|b| !matches!(b, b'-' | b'_')).map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            squashed.extend(name.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase));
        }
        let note = |hits: &mut NameHits, token: &Token, whole: bool| {
            if whole {
                hits.rules.extend_from_slice(&token.rules);
            }
            hits.byline |= token.byline;
            hits.date |= token.date;
        };
        if let Some(token) = self.class_index.get(squashed.as_str()) {
            note(&mut hits, token, true);
        }
        if let Some(found) = self.whole_index.get(squashed.as_str()) {
            hits.rules.extend_from_slice(found);
        }
        for &i in &self.affix_rules {
            if let Target::Class { token, .. } = &self.rules[usize::from(i)].target
                && (squashed.starts_with(token.as_str()) || squashed.ends_with(token.as_str()))
            {
                hits.rules.push(i);
            }
        }
        let mut prev_lower = false;
        // A part that is the whole name added its rules already.
        let split = |part: &mut String, hits: &mut NameHits| {
            if let Some(token) = self.class_index.get(part.as_str()) {
                note(hits, token, part.len() != squashed.len());
            }
            part.clear();
        };
        if name.is_ascii() {
            for b in name.bytes().chain(Some(b' ')) {
                let boundary = !b.is_ascii_alphabetic() || (b.is_ascii_uppercase() && prev_lower);
                if boundary && !part.is_empty() {
                    split(part, &mut hits);
                }
                prev_lower = b.is_ascii_lowercase();
                if b.is_ascii_alphabetic() {
                    part.push(char::from(b.to_ascii_lowercase()));
                }
            }
            return hits;
        }
        for c in name.chars().chain(Some(' ')) {
            let boundary = !is_alpha(c) || (c.is_uppercase() && prev_lower);
            if boundary && !part.is_empty() {
                split(part, &mut hits);
            }
            prev_lower = c.is_lowercase();
            if is_alpha(c) {
                part.extend(c.to_lowercase());
            }
        }
        hits
    }

    /// The table for a page on `host` (if known).
    pub fn for_host(&self, host: Option<&str>) -> PageRules<'_> {
        let host = host.map(normalize_host);
        let mut page = PageRules { set: self, host, selectors: Vec::new() };
        page.selectors =
            self.selector_rules.iter().copied().filter(|&i| page.applies(&self.rules[usize::from(i)])).collect();
        page
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

    /// Classifies an element by its tag, id and class attribute (and `data-component` /
    /// `data-testid`, passed in `class`).
    #[cfg(test)]
    pub fn classify_element(&self, tag: &str, id: &str, class: &str) -> ElementMarks {
        self.classify_element_with(tag, id, class, &mut NameMemo::default())
    }

    /// Classifies an element by its tag, id and class, with what each class or id name matched kept in `memo`:
    /// a page repeats the same names on hundreds of elements.
    pub fn classify_element_with(&self, tag: &str, id: &str, class: &str, memo: &mut NameMemo) -> ElementMarks {
        let mut m = ElementMarks::default();
        if id.is_empty() && class.is_empty() {
            return m;
        }
        let rules = &self.set.rules;
        let note = |m: &mut ElementMarks, i: u16| {
            let rule = &rules[usize::from(i)];
            if !self.applies(rule) {
                return;
            }
            let slot = match rule.action {
                Action::Remove | Action::TrimAfter => &mut m.verdict.remove,
                Action::Body => &mut m.verdict.body,
                Action::Caption => &mut m.verdict.caption,
            };
            // Site rules come after the generic ones in the table but decide first.
            if slot.is_none_or(|old| rules[usize::from(old)].host.is_none() && (rule.host.is_some() || i < old)) {
                *slot = Some(i);
            }
        };
        for &i in &self.selectors {
            if let Target::Selector { tag: t, id: want_id, class: want_class } = &rules[usize::from(i)].target {
                let tag_ok = t.as_deref().is_none_or(|t| t == tag);
                let id_ok = want_id.as_deref().is_none_or(|w| w == id);
                let class_ok = want_class.as_deref().is_none_or(|w| class.split_ascii_whitespace().any(|c| c == w));
                if tag_ok && id_ok && class_ok {
                    note(&mut m, i);
                }
            }
        }
        let id = Some(id).filter(|s| !s.is_empty() && !heading_slug(s));
        for name in class.split_ascii_whitespace().chain(id).take(32) {
            let mut apply = |hits: &NameHits| {
                hits.rules.iter().for_each(|&i| note(&mut m, i));
                m.byline |= hits.byline;
                m.date |= hits.date;
            };
            match memo.names.get(name) {
                Some(hits) => apply(hits),
                None => {
                    let hits = self.set.name_hits(name, &mut memo.squashed, &mut memo.part);
                    apply(&hits);
                    if memo.names.len() < NameMemo::CAPACITY {
                        memo.names.insert(name.into(), hits);
                    }
                }
            }
        }
        m
    }

    /// Classifies a block by its text (folded here, at most [`PHRASE_WINDOW`] characters of it):
    /// the first phrase rule of the table that matches, if any.
    #[cfg(test)]
    pub fn classify_text(&self, text: &str) -> Option<(u16, Action)> {
        let mut folded = String::new();
        let mut space = true;
        let window = phrase_window(text);
        let mut truncated = false;
        for (taken, c) in text.chars().enumerate() {
            if taken == window {
                truncated = true;
                break;
            }
            push_folded(&mut folded, &mut space, c);
        }
        self.classify_folded(&folded, truncated)
    }

    /// Classifies a block by the start of its text, already folded by [`push_fold`]
    /// (`truncated`: the block goes on past its [`phrase_window`]).
    pub fn classify_folded(&self, folded: &str, truncated: bool) -> Option<(u16, Action)> {
        let trimmed = folded.trim_matches(|c: char| !is_alnum(c));
        let first = trimmed.chars().next()?;
        let rules = &self.set.rules;
        let candidates = self.set.phrase_index.get(&first).map(Vec::as_slice).unwrap_or(&[]);
        let mut best: Option<u16> = None;
        let mut consider = |i: u16, hit: bool| {
            if hit && best.is_none_or(|b| i < b) && self.applies(&rules[usize::from(i)]) {
                best = Some(i);
            }
        };
        for &i in candidates {
            let hit = match &rules[usize::from(i)].target {
                Target::Phrase { folded: p, mode: PhraseMode::Prefix } => {
                    trimmed.starts_with(p.as_str()) && trimmed[p.len()..].chars().next().is_none_or(|c| !is_alnum(c))
                }
                Target::Phrase { folded: p, mode: PhraseMode::Whole } => !truncated && trimmed == p,
                _ => false,
            };
            consider(i, hit);
        }
        if let Some(automaton) = &self.set.contains_automaton {
            for m in automaton.find_overlapping_iter(trimmed) {
                if let Some(&i) = self.set.contains_rules.get(m.pattern().as_usize()) {
                    consider(i, true);
                }
            }
        }
        best.map(|i| (i, rules[usize::from(i)].action))
    }
}

/// How many characters of a block's start are folded for phrase matching: a long block is only
/// tested on its first words.
pub(crate) fn phrase_window(text: &str) -> usize {
    if text.len() > PHRASE_WINDOW * 2 { 80 } else { PHRASE_WINDOW }
}

/// Appends `c` folded to `out`, one space for a run of white space (`space`: the last character
/// pushed was a space, or nothing was).
#[cfg(test)]
pub(crate) fn push_folded(out: &mut String, space: &mut bool, c: char) {
    push_fold(out, space, crate::normalize::fold_char(c));
}

/// Appends a character already folded (`None`: dropped) to `out`, one space for a run of white
/// space (`space`: the last character pushed was a space, or nothing was).
#[inline]
pub(crate) fn push_fold(out: &mut String, space: &mut bool, folded: Option<char>) {
    match folded {
        Some(' ') if *space => {}
        Some(' ') => {
            out.push(' ');
            *space = true;
        }
        Some(f) => {
            out.push(f);
            *space = false;
        }
        None => {}
    }
}

/// Whether an id is a heading's text made an anchor (`sharing-with-a-single-developer`, as
/// documentation generators write them): four parts or more, one a word that only sentences
/// hold. Its words say what the section is about, not what kind of box it is.
fn heading_slug(id: &str) -> bool {
    let parts = || id.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty());
    parts().count() >= 4 && parts().any(|p| p.len() >= 2 && crate::words::is_sentence_word(p))
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
    "popup",
    "modal",
    "ticker",
    "marquee",
    "taboola",
    "outbrain",
    "dfp",
    "disqus",
    "forum",
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
    "instagram",
    "instagrammedia",
    "tiktok",
    "tiktokembed",
    "fbpost",
    "aboutauthor",
];

/// The chrome tokens of [`CHROME_WORDS`] and [`CHROME_AFFIXES`] that name a readers' thread.
const THREAD_WORDS: &[&str] = &["comment", "comments", "disqus", "forum"];

/// Class/id tokens of chrome that count only as a whole class name: page builders use them as
/// parts of every box's name (`elementor-widget-text-editor`).
const CHROME_WHOLE: &[&str] = &["widget", "widgets", "widgetarea", "sidebarwidget"];

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
    "ايضا اقرا",
    "طالع ايضا",
    "شاهد ايضا",
    "شاهد الفيديو",
    "للمزيد اقرا",
    "للمزيد من الاخبار",
    "تابعونا على",
    "تابعونا عبر",
    "تابعنا على",
    "تابعنا عبر",
    "لمتابعه اخر",
    "لمتابعه اهم",
    "حمل تطبيق",
    "حملوا تطبيق",
    "نزل تطبيق",
    "اشترك في النشره",
    "اشترك في قناتنا",
    "اشترك في خدمه",
    "اشترك الان",
    "شارك الخبر",
    "شارك المقال",
    "شارك هذا",
    "شارك على",
    "شارك عبر",
    "مشاركه الخبر",
    "الكلمات المفتاحيه",
    "كلمات مفتاحيه",
    "الوسوم",
    "وسوم",
    "مواضيع متعلقه:",
    "مساحه اعلانيه",
    "المحتوى الاعلاني",
    "محتوى مدفوع",
    "jetzt teilen",
    "artikel teilen",
    "bild anzeigen",
    "bild vergrößern",
    "alle angaben ohne gewähr",
    "für links auf dieser seite",
    "bei den verlinkungen handelt es sich",
    "subscribe now",
    "sign up now",
    "we want to hear what you think",
    "you can keep up with me",
    "lesen sie auch",
    "lies auch",
    "siehe auch",
    "foto:",
    "fotos:",
    "bild:",
    "abbildung:",
    "photograph by",
    "lire aussi",
    "à lire aussi",
    "lea también",
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
    "اعلان",
    "anzeige",
    "werbung",
    "drucken",
    "drukuj",
    "imprimer",
    "imprimir",
    "weiterlesen",
    "zum weiterlesen",
    "à lire également",
    "veja também",
    "leia também",
    "leia mais",
    "zobacz także",
    "czytaj także",
    "czytaj również",
    "حجم الخط",
    "تكبير الخط",
    "تصغير الخط",
    "font size",
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
    "التعليقات على الخبر",
    "شارك",
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
    "more from",
    "top stories",
    "latest news",
    "read next",
    "you might also like",
    "recommended for you",
    "schon gelesen",
    "lust auf mehr",
    "neueste artikel",
    "weitere artikel",
    "verwandte artikel",
    "ähnliche artikel",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "auch interessant",
    "kommentare",
    "vorschau auf den nächsten artikel",
    "articles similaires",
    "sur le même sujet",
    "noticias relacionadas",
    "te puede interesar",
    "ähnliche beiträge",
    "verwandte beiträge",
    "weitere beiträge",
    "das könnte dich auch interessieren",
    "das könnte dich interessieren",
    "das könnte sie interessieren",
    "über den autor",
    "über die autorin",
    "about the author",
    "explore further",
    "want more",
    "more to explore",
    "kommentar verfassen",
    "kommentar schreiben",
    "schreibe einen kommentar",
    "hinterlasse einen kommentar",
    "laisser un commentaire",
    "dans la même rubrique",
    "deja un comentario",
    "artículos relacionados",
    "entradas relacionadas",
    "lascia un commento",
    "articoli correlati",
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
    "this entry was posted",
    "dieser eintrag wurde veröffentlicht",
    "dieser beitrag wurde veröffentlicht",
    "تابع اخر اخبار",
    "تابعوا اخر اخبار",
];

/// Class/id parts of elements that hold a byline.
const BYLINE_HINTS: &[&str] =
    &["by", "author", "authors", "byline", "writer", "writeby", "reporter", "kateb", "katib", "auther", "journalist"];

/// Class/id parts of elements that hold a date.
const DATE_HINTS: &[&str] =
    &["date", "time", "published", "publish", "timestamp", "datetime", "posted", "updated", "newsstorydate", "pubdate"];

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
    // Last: also any user's page, so a weaker sign (see `author_link`).
    "/profile/",
];

/// Whether a link points to an author's page: `Some(true)` for a path that names authors
/// (`/author/…`), `Some(false)` for one that may be any user's (`/profile/…`).
pub(crate) fn author_link(href: &str) -> Option<bool> {
    static PATHS: once_cell::sync::Lazy<Option<AhoCorasick>> =
        once_cell::sync::Lazy::new(|| AhoCorasick::builder().ascii_case_insensitive(true).build(AUTHOR_PATHS).ok());
    let paths = PATHS.as_ref()?;
    let mut found = None;
    for m in paths.find_overlapping_iter(href) {
        let strong = m.pattern().as_usize() + 1 < AUTHOR_PATHS.len();
        found = Some(found.unwrap_or(false) || strong);
    }
    found
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
    for (words, mode) in [(CHROME_WHOLE, ClassMode::Whole), (CHROME_AFFIXES, ClassMode::Affix)] {
        for w in words {
            rules.push(Rule { target: Target::Class { token: squash(w), mode }, action: Action::Remove, host: None });
        }
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
        // Every selector of the table parses (a test checks it); `ok()` only keeps this panic-free.
        for (sels, action) in [(*body, Action::Body), (*strip, Action::Remove)] {
            rules.extend(sels.iter().filter_map(|sel| Rule::selector(sel, action).ok()).map(|r| r.on_host(host)));
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
    ("almasryalyoum.com", &["div#NewsStory"], &["div.min_related"]),
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
        assert!(s.classify_element("div", "", "share-buttons").verdict.remove.is_some());
        assert!(s.classify_element("div", "mostRead", "").verdict.remove.is_some());
        assert!(s.classify_element("div", "", "relatedNews box").verdict.remove.is_some());
        assert!(s.classify_element("div", "", "postcomments").verdict.remove.is_some());
        assert!(s.classify_element("div", "", "commentary-page").verdict.remove.is_none());
        // A heading's anchor names a section's subject, not a box.
        assert!(s.classify_element("div", "sharing-with-a-single-developer", "section").verdict.remove.is_none());
        assert!(s.classify_element("div", "share-buttons", "").verdict.remove.is_some());
        // A CMS's reader-comment thread (SPIP's `forum`, `forum-fil`).
        assert!(s.classify_element("ul", "", "forum").verdict.remove.is_some());
        assert!(s.classify_element("li", "", "forum-fil").verdict.remove.is_some());
        assert!(s.classify_element("div", "", "entry-content").verdict.body.is_some());
        assert!(s.classify_element("div", "", "headline").verdict.remove.is_none());
        assert!(s.classify_element("span", "", "img-caption").verdict.caption.is_some());
        assert!(s.classify_element("div", "", "widget widget_recent_entries").verdict.remove.is_some());
        assert!(s.classify_element("div", "", "elementor-widget-text-editor").verdict.remove.is_none());
        assert!(s.classify_element("div", "", "author-box").byline);
        assert!(s.classify_element("span", "", "newsStoryDate").date);
    }

    #[test]
    fn selectors_parse_or_say_why_not() {
        let parts = |s: &str| match Rule::selector(s, Action::Remove).map(|r| r.target) {
            Ok(Target::Selector { tag, id, class }) => Ok((tag, id, class)),
            Ok(_) => unreachable!(),
            Err(e) => Err(e.to_string()),
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(parts("DIV"), Ok((some("div"), None, None)));
        assert_eq!(parts("#storyBody"), Ok((None, some("storyBody"), None)));
        assert_eq!(parts(" div.inline-promo "), Ok((some("div"), None, some("inline-promo"))));
        assert_eq!(parts("h2#x_1"), Ok((some("h2"), some("x_1"), None)));
        for (bad, why) in [
            ("div > p", "combinators"),
            ("div p", "combinators"),
            ("a[href]", "attribute"),
            ("a:hover", "pseudo-classes"),
            ("h1, h2", "lists"),
            ("*", "universal"),
            ("div.a.b", "only one"),
            ("div#", "followed by a name"),
            ("", "empty"),
            ("2div", "tag name"),
        ] {
            let err = parts(bad).unwrap_err();
            assert!(err.contains(why), "{bad:?}: {err}");
        }
    }

    #[test]
    fn every_site_selector_parses() {
        for (host, body, strip) in SITES {
            for sel in body.iter().chain(strip.iter()) {
                assert!(Rule::selector(sel, Action::Remove).is_ok(), "{host}: {sel}");
            }
        }
    }

    /// Whether rule `later` can never decide anything because rule `earlier` (before it in the
    /// table, on the same or a wider set of hosts) matches wherever it matches.
    fn shadows(earlier: &Rule, later: &Rule) -> bool {
        let hosts = earlier.host.is_none() || earlier.host == later.host;
        let word_prefix =
            |p: &str, of: &str| of.starts_with(p) && of[p.len()..].chars().next().is_none_or(|c| !is_alnum(c));
        let modes = |a: ClassMode, b: ClassMode| {
            a == b || a == ClassMode::Affix || (a == ClassMode::Part && b == ClassMode::Whole)
        };
        hosts
            && match (&earlier.target, &later.target) {
                (Target::Phrase { folded: a, mode: ma }, Target::Phrase { folded: b, mode: mb }) => match (ma, mb) {
                    (PhraseMode::Prefix, PhraseMode::Prefix | PhraseMode::Whole) => word_prefix(a, b),
                    (PhraseMode::Whole, PhraseMode::Whole) => a == b,
                    (PhraseMode::Contains, _) => b.contains(a.as_str()),
                    _ => false,
                },
                (Target::Class { token: a, mode: ma }, Target::Class { token: b, mode: mb }) => {
                    a == b && earlier.action == later.action && modes(*ma, *mb)
                }
                (a, b) => a == b && earlier.action == later.action,
            }
    }

    #[test]
    fn default_table_has_no_duplicate_or_shadowed_rule() {
        let rules = default_rules();
        let mut found = Vec::new();
        for (j, later) in rules.iter().enumerate() {
            if let Some(earlier) = rules[..j].iter().find(|e| shadows(e, later)) {
                found.push(format!(
                    "{} ({:?}) never fires after {} ({:?})",
                    later.describe(),
                    later.action,
                    earlier.describe(),
                    earlier.action
                ));
            }
        }
        assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn site_rules_apply_only_on_their_host() {
        let on = SET.for_host(Some("youm7.com"));
        let off = SET.for_host(Some("example.org"));
        assert!(on.classify_element("div", "articleBody", "").verdict.body.is_some());
        assert!(off.classify_element("div", "articleBody", "").verdict.body.is_some(), "generic body token too");
        assert!(on.classify_element("div", "", "img-cont").verdict.remove.is_some());
        assert!(off.classify_element("div", "", "img-cont").verdict.remove.is_none());
    }

    #[test]
    fn phrases_match_on_folded_text_in_all_spellings() {
        let s = set();
        for text in ["اقرأ أيضا: خبر", "إقرأ أيضاً خبر", "اقرا ايضا", "اقـــرأ أيضًا - خبر"]
        {
            assert_eq!(s.classify_text(text).map(|x| x.1), Some(Action::Remove), "{text}");
        }
        assert_eq!(s.classify_text("الأكثر قراءة").map(|x| x.1), Some(Action::TrimAfter));
        assert_eq!(s.classify_text("جميع الحقوق محفوظة © 2024").map(|x| x.1), Some(Action::TrimAfter));
        assert_eq!(s.classify_text("الأكثر قراءة في مصر اليوم هو خبر"), None);
        assert_eq!(s.classify_text("اقرأيضا"), None);
    }

    #[test]
    fn words_with_an_ordinary_meaning_are_not_chrome_at_the_start_of_a_sentence() {
        // إعلان is also "announcement", مشاركة "participation", اشترك "took part".
        let s = set();
        for text in [
            "إعلان الحكومة عن خطة جديدة للإسكان",
            "مشاركة مصر في المؤتمر كانت واسعة",
            "اشترك في المؤتمر أكثر من 300 باحث",
            "Anzeige gegen Unbekannt wurde erstattet",
            "Werbung ist ein großer Markt",
        ] {
            assert_eq!(s.classify_text(text), None, "{text}");
        }
        assert!(s.classify_text("إعلان").is_some());
        assert!(s.classify_text("اشترك في النشرة البريدية").is_some());
    }

    #[test]
    fn author_links() {
        for href in ["/author/ahmed", "https://x.com/Writers/12", "/ar/KOTTAB/5", "/profile/author/x"] {
            assert_eq!(author_link(href), Some(true), "{href}");
        }
        assert_eq!(author_link("/de/profile/favorites"), Some(false));
        for href in ["/news/author-of-the-year", "/authority/", "https://x.com/writer", ""] {
            assert_eq!(author_link(href), None, "{href}");
        }
    }

    #[test]
    fn user_rules_extend_the_table() {
        let mut rules = default_rules();
        rules.push(Rule::phrase("اقرأ كمان", Action::Remove));
        let set = RuleSet::new(&rules);
        let s = set.for_host(None);
        assert!(s.classify_text("اقرأ كمان: خبر").is_some());
    }
}
