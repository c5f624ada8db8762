//! Byline parsing: turns a visible credit line ("كتب أحمد جمعة ومحمد علي", "الرياض (واس)",
//! "By John Smith, Reuters") or a metadata author string into a list of [`Author`]s.
//!
//! Matching is done on folded text; names keep the page's own spelling. The parser is a small
//! pipeline: clean (URLs, e-mails, handles) → split at strong separators (`|`, `•`, ` / `) →
//! cut photo credits → strip credit prefixes → split at dashes and brackets (datelines) →
//! split lists (`،` `,` `&` `and`, the conjunction `و`) → classify each part.

use std::collections::{HashMap, HashSet};

use once_cell::sync::Lazy;
use regex::Regex;

use crate::meta::date::WEEKDAY_NAMES;
use crate::meta::title::is_site_name;
use crate::model::{Author, AuthorKind};
use crate::normalize::{collapse_ws, fold, fold_words, is_alnum, is_diacritic, is_invisible, is_num, is_word_char};

/// At most this many credits are returned from one byline.
const MAX_AUTHORS: usize = 12;
/// Longest accepted person name, in words and in characters.
const MAX_NAME_WORDS: usize = 6;
const MAX_NAME_CHARS: usize = 60;

// ---------------------------------------------------------------------------------------------
// Word lists. Entries are written in ordinary spelling and folded once when first used.
// ---------------------------------------------------------------------------------------------

/// Agencies: canonical display name and the spellings that identify it (matched folded, whole).
const AGENCIES: &[(&str, &[&str])] = &[
    ("وكالات", &["وكالات", "الوكالات", "وكالات الأنباء", "وكالات أنباء", "agencies", "wires"]),
    ("رويترز", &["رويترز", "وكالة رويترز", "reuters"]),
    (
        "أ ف ب",
        &[
            "أ ف ب",
            "اف ب",
            "فرانس برس",
            "فرانس بريس",
            "وكالة فرانس برس",
            "وكالة الصحافة الفرنسية",
            "الصحافة الفرنسية",
            "afp",
            "agence france presse",
        ],
    ),
    ("أ ب", &["أ ب", "أسوشيتد برس", "أسوشييتد برس", "اسوشيتدبرس", "وكالة أسوشيتد برس", "associated press", "ap"]),
    ("الأناضول", &["الأناضول", "وكالة الأناضول", "anadolu", "anadolu agency"]),
    ("د ب أ", &["د ب أ", "وكالة الأنباء الألمانية", "الوكالة الألمانية", "dpa"]),
    ("واس", &["واس", "وكالة الأنباء السعودية", "spa"]),
    ("وام", &["وام", "وكالة أنباء الإمارات", "wam"]),
    ("قنا", &["قنا", "وكالة الأنباء القطرية", "qna"]),
    ("كونا", &["كونا", "وكالة الأنباء الكويتية", "kuna"]),
    ("سانا", &["سانا", "وكالة الأنباء السورية"]),
    ("بترا", &["بترا", "وكالة الأنباء الأردنية"]),
    ("شينخوا", &["شينخوا", "شينهوا", "وكالة شينخوا", "xinhua"]),
    ("سبوتنيك", &["سبوتنيك", "وكالة سبوتنيك", "sputnik"]),
    ("إرنا", &["إرنا", "وكالة إرنا", "irna"]),
    ("أ ش أ", &["أ ش أ", "وكالة أنباء الشرق الأوسط"]),
    ("ومع", &["ومع", "وكالة المغرب العربي للأنباء"]),
    ("واج", &["واج", "وكالة الأنباء الجزائرية"]),
    ("وات", &["وات", "وكالة تونس أفريقيا للأنباء"]),
    ("بنا", &["بنا", "وكالة أنباء البحرين", "bna"]),
    ("العمانية", &["العمانية", "وكالة الأنباء العمانية", "ona"]),
    ("وفا", &["وفا", "وكالة وفا", "wafa"]),
    ("سبأ", &["سبأ", "وكالة سبأ"]),
    ("تاس", &["تاس", "وكالة تاس", "tass"]),
    ("نوفوستي", &["نوفوستي", "ريا نوفوستي", "ria novosti"]),
    ("يو بي آي", &["يونايتد برس", "upi"]),
    ("Bloomberg", &["بلومبرغ", "بلومبيرغ", "bloomberg"]),
    ("Kyodo", &["كيودو", "kyodo"]),
    ("EFE", &["efe"]),
];

/// Given names (and a few surnames) that begin with the letter و and must not be read as the
/// conjunction: "وليد", "وائل", "ولد" (Mauritanian "son of") ...
const WAW_NAMES: &[&str] = &[
    "وليد",
    "وائل",
    "وفاء",
    "وجدي",
    "وسام",
    "وحيد",
    "وحيده",
    "وداد",
    "وئام",
    "ولاء",
    "وهبة",
    "وهبي",
    "وديع",
    "وديعة",
    "وجيه",
    "وجيهة",
    "وصفي",
    "وضاح",
    "وعد",
    "وسيم",
    "وسيمة",
    "وفيق",
    "وهيب",
    "وهيبة",
    "وردة",
    "ورد",
    "وصال",
    "وجدان",
    "ولد",
    "ولي",
    "والي",
    "وافي",
    "واصف",
    "واثق",
    "ونوس",
    "وطار",
    "ونيس",
    "وناس",
    "وهدان",
    "وشاح",
    "وزان",
    "وزني",
    "وحيدي",
    "وفيقة",
    "وهاب",
    "وداعة",
];

/// Cities and countries that appear as datelines ("القاهرة - ...").
const PLACES: &[&str] = &[
    "القاهرة",
    "الإسكندرية",
    "الجيزة",
    "المنصورة",
    "طنطا",
    "أسوان",
    "الأقصر",
    "بورسعيد",
    "السويس",
    "الغردقة",
    "شرم الشيخ",
    "بيروت",
    "صيدا",
    "صور",
    "طرابلس",
    "دمشق",
    "حلب",
    "حمص",
    "اللاذقية",
    "بغداد",
    "البصرة",
    "الموصل",
    "أربيل",
    "عمان",
    "عمّان",
    "الرياض",
    "جدة",
    "مكة",
    "مكة المكرمة",
    "المدينة المنورة",
    "الدمام",
    "دبي",
    "أبوظبي",
    "أبو ظبي",
    "الشارقة",
    "الدوحة",
    "الكويت",
    "المنامة",
    "مسقط",
    "صنعاء",
    "عدن",
    "الخرطوم",
    "بنغازي",
    "تونس",
    "الجزائر",
    "الرباط",
    "الدار البيضاء",
    "نواكشوط",
    "القدس",
    "القدس المحتلة",
    "غزة",
    "رام الله",
    "الخليل",
    "نابلس",
    "جنين",
    "بيت لحم",
    "أنقرة",
    "إسطنبول",
    "اسطنبول",
    "طهران",
    "موسكو",
    "واشنطن",
    "نيويورك",
    "لندن",
    "باريس",
    "برلين",
    "بروكسل",
    "جنيف",
    "روما",
    "بكين",
    "طوكيو",
    "كييف",
    "مصر",
    "لبنان",
    "سوريا",
    "العراق",
    "الأردن",
    "السعودية",
    "فلسطين",
    "ليبيا",
    "اليمن",
    "السودان",
    "المغرب",
    "cairo",
    "beirut",
    "dubai",
    "riyadh",
    "doha",
    "baghdad",
    "damascus",
    "jerusalem",
    "gaza",
    "washington",
    "london",
    "paris",
    "new york",
    "istanbul",
    "tehran",
];

/// Month and time words: a part containing one is a date or time, not a name. Hijri months are
/// left out on purpose (رمضان, رجب, شعبان are common names).
const TIME_WORDS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "أيار",
    "حزيران",
    "تموز",
    "أيلول",
    "تشرين",
    "منذ",
    "ساعة",
    "ساعات",
    "دقيقة",
    "دقائق",
    "أمس",
    "صباحا",
    "مساء",
    "مساءً",
    "بتوقيت",
    "توقيت",
    "تحديث",
    "نشر",
    "آخر",
    "updated",
    "published",
    "ago",
    "hours",
    "minutes",
    "am",
    "pm",
    "gmt",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "stand",
    "datum",
    "aktualisiert",
    "veröffentlicht",
    "publié",
    "publicado",
    "actualizado",
];

/// Honorifics and job titles that may precede a name; dropped from the display name.
const HONORIFICS: &[&str] = &[
    "د",
    "دكتور",
    "الدكتور",
    "الدكتورة",
    "الأستاذ",
    "الأستاذة",
    "أ",
    "م",
    "المهندس",
    "المهندسة",
    "الكاتب",
    "الكاتبة",
    "الصحفي",
    "الصحفية",
    "الإعلامي",
    "الإعلامية",
    "الزميل",
    "الزميلة",
    "السيد",
    "السيدة",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
];

/// Role words: trailing after a name ("أحمد علي مراسل الجزيرة") they are cut; alone they are
/// dropped.
const ROLES: &[&str] = &[
    "صحفي",
    "صحفية",
    "مراسل",
    "مراسلة",
    "كاتب",
    "كاتبة",
    "محلل",
    "محللة",
    "باحث",
    "باحثة",
    "خبير",
    "أستاذ",
    "مدير",
    "رئيس",
    "مستشار",
    "journalist",
    "correspondent",
    "reporter",
    "writer",
    "contributor",
    "columnist",
    "analyst",
];

/// Lower-case particles inside Latin names ("Ludwig van Beethoven", "Omar al Bashir").
const LATIN_PARTICLES: &[&str] =
    &["van", "von", "de", "da", "del", "der", "di", "du", "la", "le", "al", "el", "bin", "ibn", "bint", "y"];

/// First words of an editorial desk / staff credit.
const DESK_STARTS: &[&str] = &[
    "المحرر",
    "محرر",
    "محررو",
    "المحررون",
    "التحرير",
    "تحرير",
    "فريق",
    "هيئة",
    "أسرة",
    "قسم",
    "القسم",
    "الديسك",
    "ديسك",
    "وحدة",
    "مراسلنا",
    "مراسلتنا",
    "مراسلو",
    "staff",
    "editor",
    "editors",
    "newsroom",
    "desk",
    "editorial",
    "team",
];

/// Desk credits that add nothing once a person is named ("John Smith, editor").
const GENERIC_DESKS: &[&str] = &["المحرر", "محرر", "staff", "editor", "editors", "staff writer"];

/// CMS account names and placeholders: never a credit.
const JUNK: &[&str] = &[
    "admin",
    "phd",
    "md",
    "mba",
    "administrator",
    "webmaster",
    "root",
    "user",
    "guest",
    "unknown",
    "anonymous",
    "test",
    "none",
    "null",
    "ادمن",
    "الادمن",
    "أدمن",
    "زائر",
    "مجهول",
    "غير معروف",
    "بدون",
    // Share buttons that sit in byline rows.
    "tweet",
    "share",
    "print",
    "email",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "شارك",
    "غرد",
    "تغريد",
    "طباعة",
];

/// Words that introduce a photo, video or graphics credit: the rest of the segment is dropped.
const PHOTO_WORDS: &[&str] = &[
    "تصوير",
    "وتصوير",
    "عدسة",
    "بعدسة",
    "مونتاج",
    "جرافيك",
    "إنفوجراف",
    "photo",
    "photos",
    "photograph",
    "photography",
    "photographer",
    "video",
    "graphics",
    "illustration",
];

/// Words that introduce a source credit ("المصدر: رويترز"): only agencies are taken from it.
const SOURCE_WORDS: &[&str] = &["المصدر", "مصدر", "المصادر", "source", "sources"];

/// Words that mark a publication rather than a person ("بوابة الأهرام", "BBC News عربي"): such a
/// credit is kept as a desk.
const PUBLICATION_STARTS: &[&str] = &["صحيفة", "جريدة", "موقع", "بوابة", "قناة", "مجلة", "شبكة"];
const PUBLICATION_WORDS: &[&str] = &["news", "نيوز", "نت", "tv", "online", "times", "post"];

/// Credit prefixes (folded word sequences). The flag demands an explicit `:`/`-`/`/` after the
/// prefix, for words that are also ordinary desk names ("المحرر: أحمد" vs "المحرر الاقتصادي").
const PREFIXES: &[(&[&str], bool)] = &[
    (&["written", "by"], false),
    (&["posted", "by"], false),
    (&["reported", "by"], false),
    (&["story", "by"], false),
    (&["by"], false),
    (&["veröffentlicht", "von"], false),
    (&["geschrieben", "von"], false),
    (&["verfasst", "von"], false),
    (&["erstellt", "von"], false),
    (&["eingestellt", "von"], false),
    (&["gespeichert", "von"], false),
    (&["text", "von"], false),
    (&["blog", "beitrag", "von"], false),
    (&["beitrag", "von"], false),
    (&["artikel", "von"], false),
    (&["von"], false),
    (&["por"], false),
    (&["par"], false),
    (&["كتب"], false),
    (&["كتبت"], false),
    (&["كتبه"], false),
    (&["كتبها"], false),
    (&["بقلم"], false),
    (&["اعداد"], false),
    (&["واعداد"], false),
    (&["تحرير"], false),
    (&["وتحرير"], false),
    (&["حوار"], false),
    (&["حاوره"], false),
    (&["حاورها"], false),
    (&["حاورته"], false),
    (&["حاورتها"], false),
    (&["اجري", "الحوار"], false),
    (&["تقرير", "وتصوير"], false),
    (&["كتب", "وتصوير"], false),
    (&["نص", "وتصوير"], false),
    (&["تقرير"], false),
    (&["متابعه"], false),
    (&["مراسلنا"], false),
    (&["مراسلتنا"], false),
    (&["من"], false),
    (&["بواسطه"], false),
    (&["الكاتب"], true),
    (&["المحرر"], true),
    (&["author"], true),
    (&["autor"], true),
    (&["autorin"], true),
    (&["autoren"], false),
    (&["text"], true),
    (&["auteur"], true),
];

/// Latin prefixes a page may glue to the name after them ("ByJane Doe" from
/// `<span>By</span><a>Jane Doe</a>`), longest first; taken only before a capital letter.
const GLUED_PREFIXES: &[&str] = &["Autorin", "Author", "Autor", "By", "Von"];

fn folded_set(list: &[&str]) -> HashSet<String> {
    list.iter().map(|w| fold_words(w)).collect()
}

static AGENCY_INDEX: Lazy<HashMap<String, &'static str>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for (name, aliases) in AGENCIES {
        map.insert(fold_words(name), *name);
        for alias in *aliases {
            map.insert(fold_words(alias), *name);
        }
    }
    map
});
static WAW_NAME_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(WAW_NAMES));
static PLACE_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(PLACES));
/// Weekdays that are no name: a part starting with one is a date.
static WEEKDAY_SET: Lazy<HashSet<String>> =
    Lazy::new(|| WEEKDAY_NAMES.iter().filter(|(_, name_too)| !name_too).map(|(w, _)| fold_words(w)).collect());
static TIME_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(TIME_WORDS));
/// Function words that never occur in a name: their presence means a sentence.
static STOP_SET: Lazy<HashSet<String>> = Lazy::new(|| crate::words::sentence_words().map(fold_words).collect());
static HONORIFIC_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(HONORIFICS));
static ROLE_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(ROLES));
static DESK_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(DESK_STARTS));
static GENERIC_DESK_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(GENERIC_DESKS));
static JUNK_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(JUNK));
static PHOTO_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(PHOTO_WORDS));
static SOURCE_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(SOURCE_WORDS));
static PUB_START_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(PUBLICATION_STARTS));
static PUB_WORD_SET: Lazy<HashSet<String>> = Lazy::new(|| folded_set(PUBLICATION_WORDS));

/// URLs, e-mail addresses, bare domains and @handles: replaced by a strong separator (case
/// matters only in the literals: the classes hold both cases already). Matched by the bounded
/// backtracker or the PikeVM: on lines this short they cost less than compiling the reverse
/// automaton and building lazy DFA states over Unicode word classes (which cost more than
/// all the searches of a page).
static NOISE: Lazy<regex_automata::meta::Regex> = Lazy::new(|| {
    let engines = regex_automata::meta::Config::new().hybrid(false).dfa(false).onepass(false);
    regex_automata::meta::Regex::builder().configure(engines).build(NOISE_PATTERN).expect("valid noise pattern")
});
const NOISE_PATTERN: &str =
    r"(?i:https?://|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w.]+|\b[\w-]+\.(?i:com|net|org|info|news)\b\S*";

/// `s` with every [`NOISE`] match replaced by ` | `.
fn replace_noise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for m in NOISE.find_iter(s) {
        out.push_str(s.get(last..m.start()).unwrap_or_default());
        out.push_str(" | ");
        last = m.end();
    }
    out.push_str(s.get(last..).unwrap_or_default());
    out
}
/// Strong separators between independent credits.
static STRONG_SEP: Lazy<Regex> = Lazy::new(|| Regex::new(r"[|¦•·\n]|\s/{1,2}\s").expect("valid strong separator"));
/// Dashes between a dateline and a name (at least one side spaced, so "Jean-Pierre" stays).
static DASH_SEP: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*[-–—]+\s+|\s+[-–—]+\s*|\s+ـ+\s+").expect("valid dash separator"));
/// Bracketed asides: "(واس)", "\[AFP\]".
static BRACKETS: Lazy<Regex> = Lazy::new(|| Regex::new(r"[(\[]([^()\[\]]*)[)\]]").expect("valid bracket pattern"));
/// List separators (the conjunction و is handled separately).
static LIST_SEP: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*[،,;؛&+]\s*|\s+(?i:and)\s+").expect("valid list separator"));

// ---------------------------------------------------------------------------------------------
// Small text helpers working on byte ranges of the original text.
// ---------------------------------------------------------------------------------------------

/// Letters and digits proper (not harakat or tatweel, which Unicode counts as alphabetic).
fn is_core_char(c: char) -> bool {
    is_alnum(c) && c != '\u{0640}' && !is_diacritic(c)
}

/// Byte ranges of the words of `s` (runs of word characters containing a real letter or digit).
fn word_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    let mut iter = s.char_indices().chain(std::iter::once((s.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in iter.by_ref() {
            let inside = i < s.len() && is_word_char(c);
            match (start, inside) {
                (None, true) => start = Some(i),
                (Some(st), false) => {
                    start = None;
                    if s[st..i].chars().any(is_core_char) {
                        return Some((st, i));
                    }
                }
                _ => {}
            }
        }
        None
    })
}

/// Trims everything that is not a letter or digit from the ends (quotes, brackets, dashes,
/// colons, pipes, slashes, a leading tatweel or haraka); trailing harakat stay with their letter.
fn trim_decor(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !is_core_char(c));
    s.trim_end_matches(|c: char| !(is_core_char(c) || is_diacritic(c)))
}

/// Opening and closing quotes and brackets, kept by [`trim_soft`].
fn is_enclosing(c: char) -> bool {
    matches!(c, '«' | '»' | '"' | '“' | '”' | '(' | ')' | '[' | ']')
}

/// Like [`trim_decor`] but keeps quotes and brackets, which still carry meaning for datelines.
fn trim_soft(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !(is_core_char(c) || is_enclosing(c)));
    s.trim_end_matches(|c: char| !(is_core_char(c) || is_diacritic(c) || is_enclosing(c)))
}

/// Removes invisible marks, replaces URLs/e-mails/handles by a separator, collapses white space.
fn clean(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    let visible = visible.replace(['\r', '\n'], " | ");
    // Every noise pattern (URLs, e-mails, handles, domains) holds an '@' or a '.' before a Latin
    // letter: most lines have neither and skip the (Unicode-aware, so slow) regex.
    let dotted = visible.as_bytes().windows(2).any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic());
    if dotted || visible.contains('@') { collapse_ws(&replace_noise(&visible)) } else { collapse_ws(&visible) }
}

fn folded_words_of(s: &str) -> Vec<String> {
    word_spans(s).map(|(a, b)| fold(&s[a..b])).collect()
}

// ---------------------------------------------------------------------------------------------
// Agencies and site names.
// ---------------------------------------------------------------------------------------------

/// The agency's canonical display name when `text` (folded) is an agency credit, e.g.
/// "أ.ف.ب" or "(AFP)" -> Some("أ ف ب"), "وكالة رويترز" -> Some("رويترز").
pub(crate) fn agency_name(text: &str) -> Option<&'static str> {
    let f = fold_words(text);
    if f.is_empty() {
        return None;
    }
    if let Some(name) = AGENCY_INDEX.get(&f) {
        return Some(name);
    }
    let rest = f.strip_prefix("وكاله ").or_else(|| f.strip_prefix("الوكاله "))?;
    AGENCY_INDEX.get(rest).copied()
}

/// An agency credit not in the table: "وكالة أنباء ..." or "... News Agency".
fn generic_agency(folded: &str) -> bool {
    let n = folded.split(' ').count();
    (2..=6).contains(&n)
        && (folded.starts_with("وكاله ") || folded.ends_with(" agency") || folded.contains("وكاله انباء"))
}

// ---------------------------------------------------------------------------------------------
// Pipeline.
// ---------------------------------------------------------------------------------------------

/// Strips one credit prefix ("كتب", "بقلم:", "By", ...) from the start of `s`, if present and
/// followed by something.
fn strip_one_prefix(s: &str) -> Option<&str> {
    let longest = PREFIXES.iter().map(|(p, _)| p.len()).max().unwrap_or(1);
    let spans: Vec<(usize, usize)> = word_spans(s).take(longest).collect();
    let first = *spans.first()?;
    if !s[..first.0].chars().all(|c| !is_core_char(c)) {
        return None;
    }
    let word = &s[first.0..first.1];
    for glued in GLUED_PREFIXES {
        if let Some(rest) = word.strip_prefix(glued)
            && rest.starts_with(|c: char| c.is_uppercase())
        {
            return Some(&s[first.0 + glued.len()..]);
        }
    }
    let folded: Vec<String> = spans.iter().map(|&(a, b)| fold(&s[a..b])).collect();
    for (pattern, needs_sep) in PREFIXES {
        if pattern.len() > folded.len() || !pattern.iter().zip(&folded).all(|(p, f)| p == f) {
            continue;
        }
        let end = spans[pattern.len() - 1].1;
        let rest = &s[end..];
        let sep_len = rest.find(is_core_char).unwrap_or(rest.len());
        let sep = &rest[..sep_len];
        if *needs_sep && !sep.contains([':', '-', '–', '—', 'ـ', '/']) {
            continue;
        }
        let rest = &rest[sep_len..];
        if rest.trim().is_empty() {
            return None;
        }
        return Some(rest);
    }
    None
}

/// Words of an author link's text that make it a link to the author's page, not a name ("More
/// posts", "Alle Beiträge", "مقالات الكاتب").
const AUTHOR_LINK_WORDS: &[&str] = &[
    "more",
    "all",
    "view",
    "posts",
    "post",
    "articles",
    "article",
    "profile",
    "beiträge",
    "artikel",
    "alle",
    "mehr",
    "autor",
    "author",
    "authors",
    "مقالات",
    "المزيد",
    "جميع",
    "كل",
];

/// Whether the text of a link to an author's page is a name: one to five words, no digits, none
/// of the words of "more posts by …" links.
pub(crate) fn is_name_link(text: &str) -> bool {
    let words: Vec<String> = word_spans(text).map(|(a, b)| fold(&text[a..b])).collect();
    (1..=5).contains(&words.len())
        && text.chars().count() <= 60
        && !text.chars().any(|c| c.is_numeric())
        && !words.iter().any(|w| AUTHOR_LINK_WORDS.contains(&w.as_str()) || NO_NAMES.iter().any(|n| w.contains(n)))
}

/// Longest account name taken as a credit from metadata, in characters.
const MAX_HANDLE_CHARS: usize = 40;

/// A name that metadata gives as the author and the byline parser does not read as a name
/// because it is an account name in lower case ("jesusfreak", "ramona", "Mobasir hassan"): one
/// to three words of letters and digits (hyphens, underscores inside), not a placeholder.
pub(crate) fn handle_name(s: &str) -> Option<Author> {
    let s = s.trim();
    let words = s.split_whitespace().count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    // No dots: "example.de" is a site, not an account.
    let chars_ok = s.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '\''));
    let folded = fold_words(s);
    let junk = JUNK_SET.contains(&folded) || NO_NAMES.iter().any(|n| folded.contains(n));
    // What the parser refused for its words (a month, a function word) stays refused: only
    // the lower case of an account name is forgiven.
    let refused_words = folded.split(' ').any(|w| TIME_SET.contains(w) || STOP_SET.contains(w) || ROLE_SET.contains(w));
    let lower_case = s.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase));
    if refused_words || !lower_case {
        return None;
    }
    ((1..=3).contains(&words) && s.chars().count() <= MAX_HANDLE_CHARS && letters >= 2 && chars_ok && !junk)
        .then(|| Author::new(s, AuthorKind::Person))
}

/// Account names that name nobody ("admin", "wordpressadmin", "Unknown").
const NO_NAMES: &[&str] = &["admin", "unknown", "anonymous", "anonym", "guest"];

/// Whether a line opens with a credit label and a colon ("Autor: …", "الكاتب: …"): the prefixes
/// that are also plain words elsewhere need the colon to count.
pub(crate) fn is_labelled_credit(s: &str) -> bool {
    let spans: Vec<(usize, usize)> = word_spans(s).take(2).collect();
    let Some(&(a, b)) = spans.first() else { return false };
    if !s[..a].chars().all(|c| !is_core_char(c)) {
        return false;
    }
    let first = fold(&s[a..b]);
    PREFIXES.iter().any(|(pattern, needs_sep)| {
        *needs_sep
            && pattern.len() == 1
            && pattern[0] == first
            && s[b..].trim_start().strip_prefix(':').is_some_and(|rest| rest.chars().any(is_core_char))
    })
}

/// Whether a line is a credit label alone ("Autor:", "Text:", "By", "Written by"), as pages
/// print it in an element of its own before the name; without a colon only the labels ending in
/// "by", "von", "por" or "par" count ("Autoren" alone is a menu entry).
pub(crate) fn is_bare_label(s: &str) -> bool {
    let colon = s.trim_end().ends_with([':', '：']);
    // A line of more words than the longest label is none (most lines: not folded then).
    static LONGEST: Lazy<usize> = Lazy::new(|| PREFIXES.iter().map(|(pattern, _)| pattern.len()).max().unwrap_or(0));
    if word_spans(trim_soft(s)).nth(*LONGEST).is_some() {
        return false;
    }
    let words = folded_words_of(trim_soft(s));
    let by = |pattern: &[&str]| pattern.last().is_some_and(|w| matches!(*w, "by" | "von" | "por" | "par"));
    !words.is_empty()
        && PREFIXES
            .iter()
            .any(|(pattern, needs_sep)| (colon || (!*needs_sep && by(pattern))) && pattern.iter().eq(words.iter()))
}

/// Longest credit line opened by a credit phrase, in words ("Erstellt von Andri Bryner").
const PHRASE_CREDIT_WORDS: usize = 8;

/// Whether a short line opens with a credit phrase of two or more words ending in "by" or "von"
/// ("Erstellt von Andri Bryner", "Written by Jane Doe"): unlike "by" or "von" alone, no sentence
/// starts so.
pub(crate) fn is_phrase_credit(s: &str) -> bool {
    let words = folded_words_of(s);
    words.len() <= PHRASE_CREDIT_WORDS
        && PREFIXES.iter().any(|(pattern, _)| {
            pattern.len() >= 2
                && words.len() > pattern.len()
                && matches!(pattern.last(), Some(&("by" | "von")))
                && pattern.iter().zip(&words).all(|(p, w)| p == w)
        })
}

/// The name in a credit without its labels ("von flerche" -> "flerche").
pub(crate) fn strip_prefixes(mut s: &str) -> &str {
    for _ in 0..4 {
        match strip_one_prefix(s) {
            Some(rest) => s = rest,
            None => break,
        }
    }
    trim_soft(s)
}

/// Cuts the segment at a photo/video credit word: "كتب أحمد - تصوير محمد" -> "كتب أحمد - ".
fn cut_photo_credit(s: &str) -> &str {
    for (a, b) in word_spans(s) {
        if PHOTO_SET.contains(&fold(&s[a..b])) {
            return &s[..a];
        }
    }
    s
}

/// A dash- or bracket-delimited piece of a segment.
struct Chunk {
    text: String,
    bracketed: bool,
    quoted: bool,
}

fn is_quoted(s: &str) -> bool {
    let t = s.trim();
    let open = t.starts_with(['«', '"', '“', '\'']);
    let close = t.ends_with(['»', '"', '”', '\'']);
    open && close && t.chars().count() > 2
}

/// Splits a segment at dashes; bracketed asides become chunks of their own after their host.
fn chunks(seg: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    for piece in DASH_SEP.split(seg) {
        let mut asides = Vec::new();
        let main = BRACKETS.replace_all(piece, |c: &regex::Captures<'_>| {
            if let Some(m) = c.get(1) {
                asides.push(m.as_str().to_string());
            }
            " "
        });
        let main = main.trim();
        if main.chars().any(is_core_char) {
            out.push(Chunk { quoted: is_quoted(main), text: main.to_string(), bracketed: false });
        }
        for a in asides {
            if a.chars().any(is_core_char) {
                out.push(Chunk { quoted: is_quoted(&a), text: a, bracketed: true });
            }
        }
    }
    out
}

fn is_place(folded: &str) -> bool {
    PLACE_SET.contains(folded)
}

fn is_desk(folded: &str) -> bool {
    let first = folded.split(' ').next().unwrap_or("");
    DESK_SET.contains(first)
        || PUB_START_SET.contains(first)
        || folded.split(' ').any(|w| w == "staff" || w == "newsroom" || PUB_WORD_SET.contains(w))
}

/// Decides which chunks of a multi-chunk segment are datelines or roles ("القاهرة - أحمد جمعة",
/// "الرياض (واس)", "أحمد جمعة - القاهرة"); returns a keep flag per chunk.
fn dateline_filter(chunks: &[Chunk]) -> Vec<bool> {
    let mut keep = vec![true; chunks.len()];
    if chunks.len() < 2 {
        return keep;
    }
    let info: Vec<(String, usize)> = chunks
        .iter()
        .map(|c| {
            let f = fold_words(strip_prefixes(&c.text));
            let n = if f.is_empty() { 0 } else { f.split(' ').count() };
            (f, n)
        })
        .collect();
    let protected = |i: usize| {
        let c = &chunks[i];
        let f = &info[i].0;
        c.quoted || agency_name(&c.text).is_some() || generic_agency(f) || is_desk(f)
    };
    let mains: Vec<usize> = (0..chunks.len()).filter(|&i| !chunks[i].bracketed).collect();
    let Some(&first) = mains.first() else {
        return keep;
    };
    let last = mains.last().copied().filter(|&l| l != first);
    let last_is_name = last.is_some_and(|l| info[l].1 >= 2 && !is_place(&info[l].0));
    let (ff, fnw) = (&info[first].0, info[first].1);
    if !protected(first) && (is_place(ff) || fnw == 1 || (fnw <= 2 && ff.starts_with("ال") && last_is_name)) {
        keep[first] = false;
    }
    if let Some(l) = last {
        let still = keep.iter().filter(|k| **k).count();
        if still >= 2 && !protected(l) && (is_place(&info[l].0) || info[l].1 == 1) {
            keep[l] = false;
        }
    }
    keep
}

/// Splits a list part at the conjunction و glued to (or spaced before) a following name:
/// "أحمد جمعة ومحمد علي" -> ["أحمد جمعة", "محمد علي"]. Names that begin with و ("وليد",
/// "وائل") and agencies ("وام", "واس") are never split, and the piece after و must be a
/// multi-word name (or an agency). `later` allows stripping a leading و ("، ومحمد علي").
fn waw_split(part: &str, later: bool) -> Vec<&str> {
    let spans: Vec<(usize, usize)> = word_spans(part).collect();
    let folded: Vec<String> = spans.iter().map(|&(a, b)| fold(&part[a..b])).collect();
    let n = spans.len();
    let mut out = Vec::new();
    let mut start = 0usize;
    for i in 0..n {
        let w = folded[i].as_str();
        let (a, b) = spans[i];
        if w == "و" {
            if i > 0 && i + 1 < n {
                out.push(&part[start..a]);
                start = spans[i + 1].0;
            }
            continue;
        }
        if !waw_candidate(w) || (i == 0 && !later) {
            continue;
        }
        let rest_words = n - i;
        let stripped = w.strip_prefix('و').unwrap_or(w);
        let rest_is_agency = {
            let tail = &part[a..];
            let cut = tail.find('و').map(|k| k + 'و'.len_utf8()).unwrap_or(0);
            agency_name(&tail[cut..]).is_some()
        };
        if rest_words < 2 && !rest_is_agency && !(i == 0 && AGENCY_INDEX.contains_key(stripped)) {
            continue;
        }
        // Position just after the letter و inside the original word.
        let Some(k) = part[a..b].find('و') else {
            continue;
        };
        if i > 0 {
            out.push(&part[start..a]);
        }
        start = a + k + 'و'.len_utf8();
    }
    out.push(&part[start..]);
    out.into_iter().map(trim_decor).filter(|p| !p.is_empty()).collect()
}

/// A word that may be the conjunction و glued to a name.
fn waw_candidate(w: &str) -> bool {
    w.starts_with('و')
        && w.chars().count() >= 3
        && !WAW_NAME_SET.contains(w)
        && agency_name(w).is_none()
        && !w.starts_with("وكال")
}

/// True when every character may occur in a name: letters, harakat, tatweel, spaces, hyphens,
/// apostrophes and the dot of a Latin initial ("John F. Kennedy").
fn name_chars_ok(s: &str) -> bool {
    let mut prev2 = ' ';
    let mut prev = ' ';
    for c in s.chars() {
        let ok = is_core_char(c)
            || is_diacritic(c)
            || matches!(c, '\u{0640}' | ' ' | '-' | '\'' | '’')
            || (c == '.' && prev.is_ascii_alphabetic() && !prev2.is_alphanumeric());
        if !ok || c.is_ascii_digit() || is_num(c) {
            return false;
        }
        prev2 = prev;
        prev = c;
    }
    true
}

/// Removes leading honorifics ("د.", "الدكتور", "Dr.") when a name follows.
fn strip_honorifics(mut s: &str) -> &str {
    for _ in 0..3 {
        let spans: Vec<(usize, usize)> = word_spans(s).take(2).collect();
        if spans.len() < 2 || !HONORIFIC_SET.contains(&fold(&s[spans[0].0..spans[0].1])) {
            break;
        }
        s = trim_decor(&s[spans[1].0..]);
    }
    s
}

/// Cuts a trailing role: "أحمد علي مراسل الجزيرة" -> "أحمد علي".
fn cut_role(s: &str) -> &str {
    for (i, (a, b)) in word_spans(s).enumerate() {
        if i >= 1 && ROLE_SET.contains(&fold(&s[a..b])) {
            return trim_decor(&s[..a]);
        }
    }
    s
}

/// True for a list part that reads as a sentence (function words) or is too long to hold even
/// two names joined by و.
fn is_sentence(part: &str) -> bool {
    let mut n = 0;
    for (a, b) in word_spans(part) {
        n += 1;
        if n > 2 * MAX_NAME_WORDS + 1 || STOP_SET.contains(&fold(&part[a..b])) {
            return true;
        }
    }
    false
}

/// Cuts a trailing date or time: "أحمد علي 10:30 ص" -> "أحمد علي". A part that starts with
/// one becomes empty.
fn cut_date(s: &str) -> &str {
    for (i, (a, b)) in word_spans(s).enumerate() {
        let w = fold(&s[a..b]);
        let date = w.chars().any(is_num)
            || TIME_SET.contains(&w)
            || (i == 0 && WEEKDAY_SET.contains(&w))
            // A weekday after a name starts the date ("رامي نصار الجمعة 17 مايو 2024").
            || (i >= 2 && WEEKDAY_SET.contains(&w));
        if date {
            return trim_decor(&s[..a]);
        }
    }
    s
}

/// Classifies one list part; `None` drops it.
fn classify(part: &str, site: Option<&str>) -> Option<Author> {
    let part = cut_date(trim_decor(part));
    let folded = fold_words(part);
    if folded.is_empty() || part.chars().count() > 200 {
        return None;
    }
    if agency_name(part).is_some() || generic_agency(&folded) {
        return Some(Author::new(part, AuthorKind::Agency));
    }
    if site.is_some_and(|s| is_site_name(part, s)) || JUNK_SET.contains(&folded) {
        return None;
    }
    let ws: Vec<&str> = folded.split(' ').collect();
    if ws.iter().any(|w| w.chars().any(is_num)) {
        return None;
    }
    if is_desk(&folded) {
        let ok = ws.len() <= MAX_NAME_WORDS && !ws.iter().any(|w| STOP_SET.contains(*w));
        return ok.then(|| Author::new(part, AuthorKind::Desk));
    }
    if is_place(&folded)
        || WEEKDAY_SET.contains(ws[0])
        || ws.iter().any(|w| TIME_SET.contains(*w) || STOP_SET.contains(*w))
        || ROLE_SET.contains(ws[0])
    {
        return None;
    }
    let name = cut_role(strip_honorifics(part));
    // Latin names are capitalised: "Local affairs" (from "Local affairs reporter") is a role.
    if name.chars().any(|c| c.is_ascii_alphabetic())
        && name
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !LATIN_PARTICLES.contains(&w))
    {
        return None;
    }
    let count = word_spans(name).count();
    if count == 0 || count > MAX_NAME_WORDS || name.chars().count() > MAX_NAME_CHARS {
        return None;
    }
    if name.chars().filter(|c| is_core_char(*c)).count() < 2 || !name_chars_ok(name) {
        return None;
    }
    Some(Author::new(name, AuthorKind::Person))
}

/// Suffixes of a name that are abbreviations and keep their dot ("Perry Bacon Jr.").
const NAME_ABBREVIATIONS: &[&str] = &["jr", "sr"];

/// `name` with the dot that follows it in `raw` when its last word is an initial or an
/// abbreviation ("Juan Carlos Muñoz C.", "Perry Bacon Jr."): the dot is part of the name, not
/// punctuation.
fn with_final_dot(raw: &str, name: &str) -> String {
    let Some(last) = name.split_whitespace().last() else { return name.to_string() };
    let abbreviation = last.chars().count() == 1 && last.chars().all(char::is_uppercase)
        || NAME_ABBREVIATIONS.contains(&last.to_lowercase().as_str());
    let dotted = raw.find(name).is_some_and(|at| raw[at + name.len()..].starts_with('.'));
    if name.split_whitespace().count() >= 2 && abbreviation && dotted { format!("{name}.") } else { name.to_string() }
}

fn push_unique(out: &mut Vec<Author>, author: Author) {
    let key = fold_words(&author.name);
    if !out.iter().any(|a| fold_words(&a.name) == key) {
        out.push(author);
    }
}

/// "المصدر: رويترز": the segment after a source prefix, whose credits are kept only when they
/// are agencies.
fn source_credit(seg: &str) -> Option<&str> {
    let (a, b) = word_spans(seg).next()?;
    if !SOURCE_SET.contains(&fold(&seg[a..b])) {
        return None;
    }
    let rest = &seg[b..];
    let sep_len = rest.find(is_core_char).unwrap_or(rest.len());
    rest[..sep_len].contains([':', '-', '–', '—', 'ـ']).then(|| &rest[sep_len..])
}

/// A name and an agency glued by a slash ("Peter Maahn/SP-X", "Anna Muster/dpa"): the name, and
/// the agency (one the table knows, or a code of two to six capitals, digits and hyphens).
fn glued_agency(seg: &str) -> Option<(&str, &str)> {
    let (name, agency) = seg.trim_end().rsplit_once('/')?;
    // A person's name in full before the slash, nothing but it ("Rollenbilder/BDSM" is a tag,
    // "Markus Balser, Berlin/dpa" a list, "Foto: Soeren Stache/dpa" a photographer's agency).
    let words = name.split_whitespace().count();
    if !(2..=MAX_NAME_WORDS).contains(&words) || name.contains([',', ';', '&', '(', '/', ':']) {
        return None;
    }
    let code = (2..=6).contains(&agency.chars().count())
        && agency.starts_with(|c: char| c.is_uppercase())
        && agency.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        && agency.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let glued = name.ends_with(|c: char| c.is_lowercase()) && !agency.contains(char::is_whitespace);
    (glued && (code || agency_name(agency).is_some())).then_some((name, agency))
}

fn parse_segment(seg: &str, site: Option<&str>, out: &mut Vec<Author>) {
    if let Some(rest) = source_credit(seg) {
        let mut found = Vec::new();
        parse_segment(rest, site, &mut found);
        for a in found.into_iter().filter(|a| a.kind == AuthorKind::Agency) {
            push_unique(out, a);
        }
        return;
    }
    let seg = strip_prefixes(trim_soft(cut_photo_credit(seg)));
    if seg.is_empty() {
        return;
    }
    if let Some((name, agency)) = glued_agency(seg) {
        parse_segment(name, site, out);
        push_unique(out, Author::new(agency, AuthorKind::Agency));
        return;
    }
    let chunks = chunks(seg);
    let keep = dateline_filter(&chunks);
    let mut first_part = true;
    for (chunk, keep) in chunks.iter().zip(keep) {
        if !keep {
            continue;
        }
        let text = trim_decor(strip_prefixes(&chunk.text));
        if chunk.quoted && chunks.len() >= 2 {
            // «الشرق الأوسط»: the publication's own staff credit, not a person.
            let folded = fold_words(text);
            if folded.is_empty() || site.is_some_and(|s| is_site_name(text, s)) {
                continue;
            }
            if agency_name(text).is_some() {
                push_unique(out, Author::new(text, AuthorKind::Agency));
            } else if folded.split(' ').count() <= MAX_NAME_WORDS {
                push_unique(out, Author::new(text, AuthorKind::Desk));
            }
            continue;
        }
        for list_part in LIST_SEP.split(text) {
            if is_sentence(list_part) {
                first_part = false;
                continue;
            }
            for piece in waw_split(list_part, !first_part) {
                first_part = false;
                if out.len() >= MAX_AUTHORS {
                    return;
                }
                if let Some(a) = classify(strip_prefixes(piece), site) {
                    push_unique(out, a);
                }
            }
        }
    }
}

/// Parses a visible byline or metadata author string into credits: persons, agencies and desks
/// in order of appearance, without duplicates. Credit prefixes (كتب، بقلم، By ...), datelines
/// ("القاهرة - ", "الرياض (واس)"), photo credits, dates, URLs, CMS account names and the site's
/// own name are dropped. A quoted publication in a dateline ("بيروت - «الشرق الأوسط»") becomes
/// a [`AuthorKind::Desk`] credit unless it is the site itself.
pub(crate) fn parse_byline(text: &str, site_name: Option<&str>) -> Vec<Author> {
    let cleaned = clean(text);
    let cleaned = after_date(&cleaned).unwrap_or(&cleaned);
    let site = site_name.map(str::trim).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    // A prefix may be followed by a slash ("بقلم / أحمد علي"), which is also a strong separator.
    let body = strip_prefixes(cleaned);
    for (k, seg) in STRONG_SEP.split(body).enumerate() {
        if out.len() >= MAX_AUTHORS {
            break;
        }
        // "تاريخ النشر: …", "عدد القراءات: …": a labelled field of the byline line, not a name,
        // unless the label is itself a credit prefix.
        let field = trim_soft(seg.trim());
        if k > 0 && field.contains([':', '：']) && strip_prefixes(field).len() == field.len() {
            continue;
        }
        parse_segment(seg, site, &mut out);
    }
    if out.iter().any(|a| a.kind == AuthorKind::Person) {
        out.retain(|a| a.kind != AuthorKind::Desk || !GENERIC_DESK_SET.contains(&fold_words(&a.name)));
    }
    for a in out.iter_mut().filter(|a| a.kind == AuthorKind::Person) {
        a.name = with_final_dot(cleaned, &a.name);
    }
    // A Latin label left without its name ("Autor:" with the name in a link elsewhere) names
    // nobody (an Arabic one may be a desk: "المحرر").
    out.retain(|a| {
        let name = fold_words(&a.name);
        !PREFIXES.iter().any(|(p, _)| p.len() == 1 && p[0].is_ascii() && name == p[0])
    });
    out
}

/// Latin credit words that may follow a date in the same line ("Posted on September 21, 2020
/// by Adi Tzlil", "Am 3. Mai 2021 von Jane Doe").
const AFTER_DATE_PREFIXES: &[&str] = &[" by ", " von ", " por ", " par "];
/// How long (in words) the date before such a credit word may be, label included.
const AFTER_DATE_WORDS: usize = 8;

/// The credit after a date that opens the line: "by Adi Tzlil" of "Posted on September 21,
/// 2020 by Adi Tzlil", or a labelled one in the field after the date (see [`field_after_date`]).
fn after_date(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    match AFTER_DATE_PREFIXES.iter().filter_map(|p| lower.find(p)).min() {
        Some(at) => opens_with_date(&text[..at]).then(|| text[at..].trim_start()),
        None => field_after_date(text),
    }
}

/// Whether `before` is a short date, label included ("Posted on September 21, 2020").
fn opens_with_date(before: &str) -> bool {
    before.split_whitespace().count() <= AFTER_DATE_WORDS && crate::meta::date::parse_text(before).is_some()
}

/// The credit in a labelled field after a date field: "Eberhard Fuhr" of "05.02.2020 -
/// Redaktion: Eberhard Fuhr", "Autor: Jane Doe" of "3. Mai 2021 | Autor: Jane Doe".
fn field_after_date(text: &str) -> Option<&str> {
    let sep = DASH_SEP.find(text).into_iter().chain(STRONG_SEP.find(text)).min_by_key(|m| m.start())?;
    let rest = text[sep.end()..].trim_start();
    if !opens_with_date(&text[..sep.start()]) {
        return None;
    }
    // An editor's label, which alone names a desk ("Redaktion"), is a label before a colon here.
    let (label, name) = rest.split_once(':')?;
    if EDITOR_LABELS.contains(&fold_words(label).as_str()) && name.chars().any(is_core_char) {
        return Some(name.trim_start());
    }
    is_labelled_credit(rest).then_some(rest)
}

/// Labels of the field after a date that credit its editor ("05.02.2020 - Redaktion: Eberhard Fuhr").
const EDITOR_LABELS: &[&str] = &["redaktion", "redakteur", "redakteurin", "editor", "redaccion", "redacción"];

/// Whether a line is a credit and a date in fields of their own: "11.12.2019 - Amelie
/// Loevenich", "Gunter Frank / 22.04.2020 / 06:15", "Jacobo Betancur Peláez | Publicado hace 3
/// horas". Every field is a date (digits and no name) or names people in full. Capitalised
/// words pass for names in many languages, so callers ask it only of lines the page marks as
/// a byline or a date.
pub(crate) fn dated_credit(t: &str) -> bool {
    let t = &clean(t);
    // A caption's credit in brackets ("(Tag24 – Twitter Screenshot)"), a category ("Junges
    // Leben (fudder)") or a club in capitals ("Hertha BSC") beside a date is no byline.
    let capitals = |name: &str| {
        name.split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase))
    };
    if t.contains(['(', ')', '[', ']']) {
        return false;
    }
    let fields: Vec<&str> =
        STRONG_SEP.split(t).flat_map(|f| DASH_SEP.split(f)).map(trim_decor).filter(|f| !f.is_empty()).collect();
    if !(2..=4).contains(&fields.len()) {
        return false;
    }
    let (mut dates, mut names) = (0, 0);
    for f in &fields {
        let found = parse_byline(f, None);
        if found.is_empty() && f.chars().any(is_num) {
            dates += 1;
        } else if !found.is_empty()
            && found
                .iter()
                .all(|a| a.kind == AuthorKind::Person && word_spans(&a.name).count() >= 2 && !capitals(&a.name))
        {
            names += 1;
        } else {
            return false;
        }
    }
    // One field of names: a second is a category or a desk beside them ("Junges Leben · Lisa Petrich").
    dates >= 1 && names == 1
}

/// A cheap first look: false when `text` cannot be a byline line, because it has none of a
/// credit prefix at its start, a separator (dash, bracket, colon, pipe, slash, comma) or an
/// agency name. Lets callers skip the full parse for most lines of a page.
pub(crate) fn could_be_byline(text: &str) -> bool {
    if text.contains(['-', '–', '—', '(', '|', ':', '/', '،', ',', '•', '«', '"']) {
        return true;
    }
    let mut spans = word_spans(text);
    let Some((a, b)) = spans.next() else { return false };
    let first = fold(&text[a..b]);
    PREFIXES.iter().any(|(p, _)| p.first().is_some_and(|w| *w == first))
        || PHOTO_SET.contains(&first)
        || agency_name(text).is_some()
}

/// True when the text looks like a byline line: it starts with a credit prefix (كتب، بقلم، By
/// ...) followed by a credit, or a photo credit; or it is a short dateline ("القاهرة - أحمد
/// جمعة", "الرياض (واس)"); or it is a short line ending in an agency credit ("... (رويترز)").
/// Used to pick byline blocks out of a page and to drop them from the body.
pub(crate) fn looks_like_byline(text: &str) -> bool {
    let cleaned = clean(text);
    // A date field, then a labelled credit: "05.02.2020 - Redaktion: Eberhard Fuhr (…)".
    if field_after_date(&cleaned).is_some_and(|rest| word_spans(rest).count() <= 12) {
        return !parse_byline(&cleaned, None).is_empty();
    }
    let t = cleaned;
    let fw = folded_words_of(&t);
    let n = fw.len();
    // A line of fields ("كتب: … | تاريخ النشر: … | عدد القراءات: …") may run longer.
    let fields = STRONG_SEP.is_match(&t);
    if n == 0 || n > if fields { 30 } else { 16 } || t.chars().count() > if fields { 240 } else { 160 } {
        return false;
    }
    // Photo credit lines.
    if PHOTO_SET.contains(&fw[0]) && n <= 8 {
        return true;
    }
    let parsed = parse_byline(&t, None);
    if parsed.is_empty() {
        return false;
    }
    // Prefix lines ("من" only for very short lines, it is a common word).
    let lead = STRONG_SEP.split(&t).map(trim_decor).find(|p| !p.is_empty()).unwrap_or("");
    if let Some(rest) = strip_one_prefix(lead) {
        let weak = matches!(fw[0].as_str(), "من" | "by" | "von" | "por" | "par");
        let rest_words = word_spans(rest).count();
        if rest_words <= 12 && (!weak || n <= 6) {
            return true;
        }
    }
    // Short lines made only of agency or desk credits: "وكالات - القاهرة", "فريق التحرير".
    if n <= 6 && parsed.iter().all(|a| a.kind != AuthorKind::Person) {
        return true;
    }
    // Short datelines: "CITY - Name", "CITY (agency)".
    // The first field, without a trailing date: "عمان - محمود العزة السبت 12 نيسان 2008 | …".
    let segment = cut_date(STRONG_SEP.split(&t).next().unwrap_or(""));
    let seg_n = folded_words_of(segment).len();
    let cs = chunks(segment);
    if seg_n <= 8 && cs.len() >= 2 {
        let keep = dateline_filter(&cs);
        if !keep[0] && keep.iter().skip(1).any(|k| *k) {
            return true;
        }
    }
    // Short lines ending in an agency credit: "... - رويترز", "... (أ ف ب)".
    if n <= 12 {
        let last_seg = STRONG_SEP.split(&t).last().unwrap_or("");
        if let Some(last) = chunks(last_seg).last() {
            let tail = LIST_SEP.split(&last.text).last().unwrap_or("");
            if agency_name(tail).is_some() {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use AuthorKind::{Agency, Desk, Person};

    #[test]
    fn noise_is_replaced_as_the_case_insensitive_regex_replaced_it() {
        let before = Regex::new(
            r"(?i)(?:https?://|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w.]+|\b[\w-]+\.(?:com|net|org|info|news)\b\S*",
        )
        .unwrap();
        let parts = [
            "www", "WwW", ".", "com", "CoM", "@", "://", "http", "HTTPS", "-", "_", "x", " ", "ſ", "K", "news", "NEWſ",
            "Info", "é", "NET", "org", "محمد", "٣", "+", "|", "\u{200f}", "\n",
        ];
        for s in crate::normalize::pieced_texts(&parts, 10, 30_000) {
            assert_eq!(replace_noise(&s), before.replace_all(&s, " | "), "{s:?}");
        }
    }

    type Credit = (String, AuthorKind);
    type Case<'a> = (&'a str, Option<&'a str>, Vec<Credit>);

    fn p(name: &str) -> (String, AuthorKind) {
        (name.to_string(), Person)
    }
    fn ag(name: &str) -> (String, AuthorKind) {
        (name.to_string(), Agency)
    }
    fn dk(name: &str) -> (String, AuthorKind) {
        (name.to_string(), Desk)
    }

    #[test]
    fn joiners_stay_inside_a_word() {
        // The zero-width non-joiner of Persian compounds and the soft hyphen are part of the word,
        // as in every other word rule of the crate.
        assert_eq!(word_spans("علی\u{200C}رضا محمدی").count(), 2);
        assert_eq!(word_spans("Bundes\u{AD}regierung").count(), 1);
    }

    #[test]
    fn author_link_texts() {
        for name in ["gizzmo", "J.R. Stone", "أحمد علي"] {
            assert!(is_name_link(name), "{name}");
        }
        for text in [
            "More Posts",
            "Alle Beiträge",
            "Authors",
            "مقالات الكاتب",
            "Posted 12 times",
            "",
            "wordpressadmin",
            "Unknown",
        ] {
            assert!(!is_name_link(text), "{text}");
        }
    }

    #[test]
    fn labelled_credits() {
        assert!(is_labelled_credit("Autor: Sebastian Einbock"));
        assert!(is_labelled_credit("الكاتب: أحمد علي"));
        assert!(!is_labelled_credit("Autor:"));
        assert!(!is_labelled_credit("By Jane Doe"));
        assert!(!is_labelled_credit("Der Autor sagt: nein"));
    }

    #[test]
    fn parses_bylines() {
        let cases: Vec<Case> = vec![
            ("كتب أحمد جمعة", None, vec![p("أحمد جمعة")]),
            ("كتبت: سارة محمود", None, vec![p("سارة محمود")]),
            ("كتب ـ محمود سعد", None, vec![p("محمود سعد")]),
            ("بقلم: د. محمد علي", None, vec![p("محمد علي")]),
            ("بقلم الكاتب فهمي هويدي", None, vec![p("فهمي هويدي")]),
            ("إعداد: منى عبد الله", None, vec![p("منى عبد الله")]),
            ("اعداد وتحرير - خالد يوسف", None, vec![p("خالد يوسف")]),
            ("حوار: هالة أمين", None, vec![p("هالة أمين")]),
            ("حاورها: وليد الشامي", None, vec![p("وليد الشامي")]),
            ("تقرير وتصوير: رامي نصار", None, vec![p("رامي نصار")]),
            ("تقرير وتصوير: رامي نصار الجمعة 17 مايو 2024", None, vec![p("رامي نصار")]),
            ("عمان - محمود العزة السبت 12 نيسان 2008 | عدد القراءات: 1523", None, vec![p("محمود العزة")]),
            ("By Eleanor Whitfield, Local affairs reporter", None, vec![p("Eleanor Whitfield")]),
            ("Von Katharina Schmidt", None, vec![p("Katharina Schmidt")]),
            ("VON MORITZ GATHMANN", None, vec![p("MORITZ GATHMANN")]),
            ("Por Jacobo Betancur", None, vec![p("Jacobo Betancur")]),
            (
                "كتب: جاسم محمد الربيعي \u{a0}|\u{a0} تاريخ النشر: 23/11/2008 - 10:45 صباحا \u{a0}|\u{a0} عدد القراءات: 2317",
                None,
                vec![p("جاسم محمد الربيعي")],
            ),
            ("تقرير: سامي كمال", None, vec![p("سامي كمال")]),
            ("متابعة - ريم حسن", None, vec![p("ريم حسن")]),
            ("مراسلنا طارق فؤاد", None, vec![p("طارق فؤاد")]),
            ("من عمرو خليل", None, vec![p("عمرو خليل")]),
            ("بواسطة نادر فتحي", None, vec![p("نادر فتحي")]),
            ("الكاتب: ياسر رزق", None, vec![p("ياسر رزق")]),
            ("المحرر: هشام عبد العزيز", None, vec![p("هشام عبد العزيز")]),
            ("كتب أحمد جمعة ومحمد علي", None, vec![p("أحمد جمعة"), p("محمد علي")]),
            ("كتب وليد عبد الرحمن", None, vec![p("وليد عبد الرحمن")]),
            ("كتب محمد وائل السيد", None, vec![p("محمد وائل السيد")]),
            ("كتب أحمد علي ووفاء سالم", None, vec![p("أحمد علي"), p("وفاء سالم")]),
            ("كتب: أحمد علي، محمد حسن، ومحمود سعيد", None, vec![p("أحمد علي"), p("محمد حسن"), p("محمود سعيد")]),
            ("سعد الله ونوس", None, vec![p("سعد الله ونوس")]),
            ("محمد ولد عبد العزيز", None, vec![p("محمد ولد عبد العزيز")]),
            ("أحمد علي و محمد حسن", None, vec![p("أحمد علي"), p("محمد حسن")]),
            ("القاهرة - أحمد جمعة", None, vec![p("أحمد جمعة")]),
            ("أحمد جمعة - القاهرة", None, vec![p("أحمد جمعة")]),
            ("بيروت - «الشرق الأوسط»", None, vec![dk("الشرق الأوسط")]),
            ("بيروت - «الشرق الأوسط»", Some("الشرق الأوسط"), vec![]),
            ("الرياض (واس)", None, vec![ag("واس")]),
            ("دبي - وام", None, vec![ag("وام")]),
            ("واشنطن ـ أ.ف.ب", None, vec![ag("أ.ف.ب")]),
            ("رويترز", None, vec![ag("رويترز")]),
            ("وكالات", None, vec![ag("وكالات")]),
            ("(د ب أ)", None, vec![ag("د ب أ")]),
            ("وكالة الأناضول", None, vec![ag("وكالة الأناضول")]),
            ("كتب أحمد جمعة ورويترز", None, vec![p("أحمد جمعة"), ag("رويترز")]),
            ("By John Smith and Jane Doe", None, vec![p("John Smith"), p("Jane Doe")]),
            ("John Smith, Reuters", None, vec![p("John Smith"), ag("Reuters")]),
            ("Written by Mary O'Neil", None, vec![p("Mary O'Neil")]),
            ("By AFP", None, vec![ag("AFP")]),
            // A label glued to the name by the page's markup; a label left alone names nobody.
            ("ByJ.R. Stone", None, vec![p("J.R. Stone")]),
            ("AuthorAndreas Kalt", None, vec![p("Andreas Kalt")]),
            ("Byron Smith", None, vec![p("Byron Smith")]),
            ("Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.", None, vec![p("Uta Staschewski")]),
            ("Autor:", None, vec![]),
            ("John F. Kennedy & AP", None, vec![p("John F. Kennedy"), ag("AP")]),
            ("كتب أحمد علي - تصوير محمد حسن", None, vec![p("أحمد علي")]),
            ("تصوير: محمد حسن", None, vec![]),
            ("كتب أحمد علي وتصوير محمد حسن", None, vec![p("أحمد علي")]),
            ("المحرر", None, vec![dk("المحرر")]),
            ("فريق التحرير", None, vec![dk("فريق التحرير")]),
            ("محرر الموقع", None, vec![dk("محرر الموقع")]),
            ("القسم الاقتصادي", None, vec![dk("القسم الاقتصادي")]),
            ("المحرر الاقتصادي", None, vec![dk("المحرر الاقتصادي")]),
            ("admin", None, vec![]),
            ("Staff", None, vec![dk("Staff")]),
            ("John Smith, editor", None, vec![p("John Smith")]),
            ("اليوم السابع", Some("اليوم السابع"), vec![]),
            ("الجزيرة نت", Some("الجزيرة"), vec![]),
            ("الثلاثاء 12 مايو 2024", None, vec![]),
            ("كتب أحمد علي 10:30 ص", None, vec![p("أحمد علي")]),
            ("منذ ساعتين", None, vec![]),
            ("https://example.com/author/ahmed", None, vec![]),
            ("أحمد علي ahmed@example.com", None, vec![p("أحمد علي")]),
            ("«أحمد علي» @ahmed_ali", None, vec![p("أحمد علي")]),
            ("/ أحمد علي |", None, vec![p("أحمد علي")]),
            ("أحمد علي - صحفي", None, vec![p("أحمد علي")]),
            ("أحمد علي مراسل الجزيرة", None, vec![p("أحمد علي")]),
            ("", None, vec![]),
            ("   ", None, vec![]),
            ("كتب الرئيس في تغريدة على تويتر أن الوضع خطير", None, vec![]),
            ("هذا اسم طويل جدا لا يمكن أن يكون اسما لشخص واحد أبدا", None, vec![]),
            ("كتب: وكالة أنباء الشرق الأوسط", None, vec![ag("وكالة أنباء الشرق الأوسط")]),
            ("القاهرة (أ ش أ)", None, vec![ag("أ ش أ")]),
            ("ومع", None, vec![ag("ومع")]),
            ("أحمد علي | محمد حسن", None, vec![p("أحمد علي"), p("محمد حسن")]),
            ("أَحْمَد عَلِيّ", None, vec![p("أَحْمَد عَلِيّ")]),
            ("كتب أحمد علي، كتب أحمد علي", None, vec![p("أحمد علي")]),
            ("بقلم / أحمد علي", None, vec![p("أحمد علي")]),
            ("كتب/ أحمد علي", None, vec![p("أحمد علي")]),
            ("د/ أحمد علي", None, vec![p("أحمد علي")]),
            ("المصدر: رويترز", None, vec![ag("رويترز")]),
            ("المصدر: الجزيرة", None, vec![]),
            ("القاهرة - بوابة الأهرام", None, vec![dk("بوابة الأهرام")]),
            ("وكالات - القاهرة", None, vec![ag("وكالات")]),
            ("جدة - واس", None, vec![ag("واس")]),
            ("(أ ف ب) - واشنطن", None, vec![ag("أ ف ب")]),
            ("كتب أحمد علي ومحمد", None, vec![p("أحمد علي ومحمد")]),
            ("أحمد علي، ومحمد حسن ووليد سعيد", None, vec![p("أحمد علي"), p("محمد حسن"), p("وليد سعيد")]),
            ("كتب: محمد السيد | 12 مايو 2024 - 10:30 م", None, vec![p("محمد السيد")]),
            ("القاهرة – أحمد جمعة – 12 مايو 2024", None, vec![p("أحمد جمعة")]),
            ("Jean-Pierre Dupont", None, vec![p("Jean-Pierre Dupont")]),
            ("John Smith | Reuters", None, vec![p("John Smith"), ag("Reuters")]),
            ("Dr. John Smith", None, vec![p("John Smith")]),
            ("BBC News عربي", None, vec![dk("BBC News عربي")]),
            ("أحمد علي (القاهرة)", None, vec![p("أحمد علي")]),
        ];
        let mut failures = Vec::new();
        for (input, site, want) in cases {
            let got: Vec<Credit> =
                parse_byline(input, site).into_iter().map(|a| (a.name().to_string(), a.kind())).collect();
            if got != want {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn recognizes_agencies() {
        let cases: &[(&str, Option<&str>)] = &[
            ("أ ف ب", Some("أ ف ب")),
            ("ا ف ب", Some("أ ف ب")),
            ("أ.ف.ب", Some("أ ف ب")),
            ("فرانس برس", Some("أ ف ب")),
            ("وكالة الصحافة الفرنسية", Some("أ ف ب")),
            ("AFP", Some("أ ف ب")),
            ("(رويترز)", Some("رويترز")),
            ("Reuters", Some("رويترز")),
            ("أسوشيتد برس", Some("أ ب")),
            ("د.ب.أ", Some("د ب أ")),
            ("DPA", Some("د ب أ")),
            ("وكالة الأنباء السعودية", Some("واس")),
            ("كونا", Some("كونا")),
            ("XINHUA", Some("شينخوا")),
            ("وكالات الأنباء", Some("وكالات")),
            ("أحمد علي", None),
            ("وفاء", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(agency_name(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn detects_byline_lines() {
        let cases: &[(&str, bool)] = &[
            ("كتب أحمد جمعة", true),
            ("بقلم: محمد علي", true),
            ("By John Smith", true),
            ("القاهرة - أحمد جمعة", true),
            ("الرياض (واس)", true),
            ("دبي - وام", true),
            ("بيروت - «الشرق الأوسط»", true),
            ("متظاهرون في شوارع بغداد (رويترز)", true),
            ("تصوير: محمد حسن", true),
            ("John Smith | Reuters", true),
            ("المصدر: رويترز", true),
            ("وكالات - القاهرة", true),
            ("رويترز", true),
            ("كتب الرئيس في تغريدة على تويتر أن الوضع خطير", false),
            ("من جهته قال وزير الخارجية إن المفاوضات مستمرة", false),
            ("القاهرة - أعلنت وزارة الصحة المصرية اليوم عن تسجيل حالات جديدة في عدة محافظات من البلاد", false),
            ("السيسي: مصر لن تتخلى عن حقوقها", false),
            ("", false),
        ];
        let failures: Vec<&str> =
            cases.iter().filter(|(text, want)| looks_like_byline(text) != *want).map(|(text, _)| *text).collect();
        assert!(failures.is_empty(), "{failures:?}");
    }

    #[test]
    fn long_input_is_bounded() {
        let long = "أحمد ".repeat(400) + &"x, ".repeat(300);
        let start = std::time::Instant::now();
        let got = parse_byline(&long, Some("site"));
        assert!(start.elapsed().as_secs() < 2);
        for a in &got {
            assert!(a.name().chars().count() <= MAX_NAME_CHARS);
            assert!(a.name().split(' ').count() <= MAX_NAME_WORDS);
        }
        let _ = looks_like_byline(&long);
        for text in ["ومحمد علي ".repeat(200), "القاهرة - أحمد ".repeat(150), "(واس) «".repeat(300), "أ".repeat(2000)]
        {
            for a in parse_byline(&text, None) {
                assert!(a.name().chars().count() <= MAX_NAME_CHARS);
            }
            let _ = looks_like_byline(&text);
        }
        assert!(start.elapsed().as_secs() < 5);
        let many = "أحمد علي، ".repeat(500);
        let got = parse_byline(&many, None);
        assert!(got.len() <= MAX_AUTHORS);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "و",
            "و و و",
            "ـ",
            "«»",
            "()",
            "(((",
            "|||",
            " - - ",
            "كتب",
            "كتب:",
            "by",
            "ومحمد",
            "أ",
            "\u{200F}\u{064E}",
            "@",
            "http://",
            "وكالة",
            "أحمد (",
            "- القاهرة -",
        ] {
            let _ = parse_byline(s, Some(s));
            let _ = looks_like_byline(s);
            let _ = agency_name(s);
        }
    }
}

#[cfg(test)]
mod account_names {
    use super::{handle_name, parse_byline};

    #[test]
    fn lower_case_account_names_from_metadata() {
        let name = |s: &str| handle_name(s).map(|a| a.name().to_string());
        assert_eq!(name("jesusfreak").as_deref(), Some("jesusfreak"));
        assert_eq!(name("Mobasir hassan").as_deref(), Some("Mobasir hassan"));
        // What the parser refuses for its words stays refused; capitalised names are the
        // parser's; sites, placeholders and phrases are no accounts.
        for refused in ["April Roach", "the news desk", "example.de", "admin", "null", "a b c d"] {
            assert_eq!(name(refused), None, "{refused}");
        }
    }

    #[test]
    fn credits_beside_dates() {
        use super::dated_credit;
        let names = |s: &str| parse_byline(s, None).iter().map(|a| a.name().to_string()).collect::<Vec<_>>();
        assert_eq!(names("Posted on September 21, 2020 by Adi Tzlil"), ["Adi Tzlil"]);
        // A labelled credit in the field after the date; the editor's label alone is a desk.
        let editor = "05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)";
        assert_eq!(names(editor), ["Eberhard Fuhr"]);
        assert!(super::looks_like_byline(editor));
        assert_eq!(names("3. Mai 2021 | Autor: Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("Redaktion"), ["Redaktion"]);
        // A name and an agency glued by a slash; a tag, a list or a photo credit is none.
        let credits =
            |s: &str| parse_byline(s, None).iter().map(|a| (a.name().to_string(), a.kind())).collect::<Vec<_>>();
        assert_eq!(
            credits("Autor: Peter Maahn/SP-X"),
            [
                ("Peter Maahn".to_string(), crate::model::AuthorKind::Person),
                ("SP-X".to_string(), crate::model::AuthorKind::Agency)
            ]
        );
        assert!(names("Lebensentwürfe, Rollenbilder/BDSM").len() != 3);
        assert!(!credits("Foto: Soeren Stache/dpa").iter().any(|(_, k)| *k == crate::model::AuthorKind::Agency));
        // Credit phrases no sentence starts with.
        assert!(super::is_phrase_credit("Erstellt von Andri Bryner"));
        assert!(super::is_phrase_credit("Posted by Ned Deily at 10:00"));
        assert!(!super::is_phrase_credit("Von Berlin aus fuhr der Zug nach Hamburg"));
        assert!(!super::is_phrase_credit("Written by"));
        // Labels printed in an element of their own, before the name's.
        for label in ["Autor:", "Text:", "By", "Written by", "von", "Redaktion:"] {
            assert_eq!(super::is_bare_label(label), label != "Redaktion:", "{label}");
        }
        for line in ["Autoren", "Text", "Autor: Jane Doe", "Nachrichten"] {
            assert!(!super::is_bare_label(line), "{line}");
        }
        // A field of another label after the credit names nobody ("~ Lesezeit: 1 Minute").
        assert_eq!(names("Autor: Jane Doe // ~ Lesezeit: 1 Minute"), ["Jane Doe"]);
        for line in [
            "11.12.2019 - Amelie Loevenich",
            "Gunter Frank / 22.04.2020 / 06:15",
            "Jacobo Betancur Peláez | Publicado hace 3 horas",
        ] {
            assert!(dated_credit(line), "{line}");
        }
        for line in [
            "Tag24 (Twitter Screenshot) - 3.5.2020",
            "Hertha BSC - 12.3.2020",
            "Junges Leben · Lisa Petrich · 18.10.2023",
            "Lisa Petrich",
        ] {
            assert!(!dated_credit(line), "{line}");
        }
    }

    #[test]
    fn initials_and_suffixes_keep_their_dot() {
        let names = |s: &str| parse_byline(s, None).iter().map(|a| a.name().to_string()).collect::<Vec<_>>();
        assert_eq!(names("By Perry Bacon Jr."), ["Perry Bacon Jr."]);
        assert_eq!(names("Juan Carlos Muñoz C."), ["Juan Carlos Muñoz C."]);
        assert_eq!(names("Jane Doe."), ["Jane Doe"]);
    }

    #[test]
    fn three_word_credit_labels() {
        let names: Vec<String> =
            parse_byline("Blog Beitrag von Margarita Koreneva", None).iter().map(|a| a.name().to_string()).collect();
        assert_eq!(names, ["Margarita Koreneva"]);
    }
}
