//! Arabic-aware character classes and the text folding used for matching.
//!
//! Matching (rules, stopwords, titles, bylines) is always done on *folded* text, while the output
//! keeps the page's own characters. Folding removes tatweel, harakat and invisible bidi/joiner
//! marks, unifies alef forms, maps ى to ي and ة to ه, maps Arabic-Indic and Persian digits to
//! ASCII, lower-cases Latin letters and collapses white space.

/// FNV-1a: a fast hash for the short keys of the crate's tables (class tokens, stopwords). The
/// keys come from pages, but a table lookup is all they reach, so flooding costs time, not
/// correctness, and the walk stays linear in the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with the [`Fnv`] hash.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// A `HashSet` with the [`Fnv`] hash.
pub(crate) type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// True for letters of the Arabic script blocks (Arabic, Supplement, Extended-A, presentation forms).
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0620..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5
        | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF
        | 0x0750..=0x077F | 0x08A0..=0x08C9 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC)
}

/// Harakat, Quranic marks and the superscript alef: removed before matching.
pub(crate) fn is_diacritic(c: char) -> bool {
    matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

/// Invisible formatting characters: bidi marks, embeddings, isolates, joiners, BOM, soft hyphen.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069
        | 0xFEFF)
}

/// Punctuation that ends or splits sentences and clauses, Arabic forms included.
pub(crate) fn is_sentence_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | '!'
            | '?'
            | ':'
            | ';'
            | '،'
            | '؛'
            | '؟'
            | '۔'
            | '…'
            | '«'
            | '»'
            | '"'
            | '“'
            | '”'
            | '。'
            | '、'
            | '，'
            | '！'
            | '？'
            | '：'
            | '；'
            | '「'
            | '」'
            | '『'
            | '』'
            | '．'
    )
}

/// Whether a character is a Han ideograph or a Kana syllable: scripts written without spaces
/// between words, where one character carries about as much as a short word.
#[inline]
pub(crate) fn is_cjk_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x30FA | 0x30FC..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Unicode `Alphabetic` and `Numeric` for the Arabic block (U+0600–U+06FF), looked up once:
/// the general tables cost hundreds of instructions a character, and Arabic pages are made of
/// these characters.
static ARABIC_CLASSES: once_cell::sync::Lazy<[u8; 256]> = once_cell::sync::Lazy::new(|| {
    let mut t = [0u8; 256];
    for (i, slot) in t.iter_mut().enumerate() {
        if let Some(c) = char::from_u32(0x0600 + i as u32) {
            *slot = u8::from(c.is_alphabetic()) | (u8::from(c.is_numeric()) << 1);
        }
    }
    t
});

/// Bit 0: alphabetic, bit 1: numeric.
#[inline]
fn classes(c: char) -> u8 {
    let u = c as u32;
    if c.is_ascii() {
        u8::from(c.is_ascii_alphabetic()) | (u8::from(c.is_ascii_digit()) << 1)
    } else if (0x0600..0x0700).contains(&u) {
        ARABIC_CLASSES[(u - 0x0600) as usize]
    } else {
        u8::from(c.is_alphabetic()) | (u8::from(c.is_numeric()) << 1)
    }
}

/// `char::is_alphabetic`, fast on ASCII and Arabic.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    classes(c) & 1 != 0
}

/// `char::is_numeric`, fast on ASCII and Arabic.
#[inline]
pub(crate) fn is_num(c: char) -> bool {
    classes(c) & 2 != 0
}

/// `char::is_alphanumeric`, fast on ASCII and Arabic.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    classes(c) != 0
}

/// What the scorer and the phrase matcher ask of one character, looked up in one step for the
/// characters of ASCII through the Arabic block (a table built once from the functions of this
/// module, so both paths agree) and computed for the rest.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CharInfo {
    /// [`CharInfo::WORD`], [`CharInfo::SPACE`], [`CharInfo::ARABIC`], [`CharInfo::DIGIT`],
    /// [`CharInfo::PUNCT`], [`CharInfo::INVISIBLE`].
    pub flags: u8,
    /// [`fold_char`] of the character.
    pub folded: Option<char>,
}

impl CharInfo {
    /// [`is_word_char`].
    pub const WORD: u8 = 1;
    /// White space ([`is_space`]).
    pub const SPACE: u8 = 2;
    /// [`is_arabic_letter`].
    pub const ARABIC: u8 = 4;
    /// A digit of any script (not an Arabic letter).
    pub const DIGIT: u8 = 8;
    /// [`is_sentence_punct`] (not a letter or digit).
    pub const PUNCT: u8 = 16;
    /// [`is_invisible`].
    pub const INVISIBLE: u8 = 32;
    /// [`is_cjk_ideograph`]: Han or Kana, written without spaces between words.
    pub const CJK: u8 = 64;

    fn compute(c: char) -> CharInfo {
        let mut flags = 0;
        if is_word_char(c) {
            flags |= CharInfo::WORD;
        }
        if is_space(c) {
            flags |= CharInfo::SPACE;
        } else if is_arabic_letter(c) {
            flags |= CharInfo::ARABIC;
        } else if c.is_ascii_digit() || ascii_digit(c).is_some() || (!c.is_ascii() && is_num(c)) {
            flags |= CharInfo::DIGIT;
        } else if is_sentence_punct(c) {
            flags |= CharInfo::PUNCT;
        } else if is_cjk_ideograph(c) {
            flags |= CharInfo::CJK;
        }
        if is_invisible(c) {
            flags |= CharInfo::INVISIBLE;
        }
        CharInfo { flags, folded: fold_char(c) }
    }

    /// Whether any of `flags` is set.
    #[inline]
    pub fn is(self, flags: u8) -> bool {
        self.flags & flags != 0
    }
}

/// [`CharInfo`] of U+0000–U+06FF.
static CHAR_INFO: once_cell::sync::Lazy<Vec<CharInfo>> =
    once_cell::sync::Lazy::new(|| (0..0x0700).map(|u| CharInfo::compute(char::from_u32(u).unwrap_or(' '))).collect());

/// The [`CharInfo`] of `c`.
#[inline]
pub(crate) fn char_info(c: char) -> CharInfo {
    CharTable::get().info(c)
}

/// The table of [`CharInfo`], fetched once for a loop over many characters.
#[derive(Clone, Copy)]
pub(crate) struct CharTable(&'static [CharInfo]);

impl CharTable {
    /// The table.
    #[inline]
    pub fn get() -> CharTable {
        CharTable(&CHAR_INFO)
    }

    /// The [`CharInfo`] of `c`.
    #[inline]
    pub fn info(self, c: char) -> CharInfo {
        match self.0.get(c as usize) {
            Some(info) => *info,
            None => CharInfo::compute(c),
        }
    }
}

/// Whether a character belongs to a word: letters and digits of any script, with diacritics,
/// tatweel and invisible marks counted as part of the word. ASCII and the Arabic block take a
/// fast path (the general Unicode tables are slow).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let u = c as u32;
    if (0x0600..=0x06FF).contains(&u) {
        return is_arabic_letter(c)
            || is_diacritic(c)
            || c == '\u{0640}'
            || c == '\u{061C}'
            || (0x0660..=0x0669).contains(&u)
            || (0x06F0..=0x06F9).contains(&u);
    }
    is_alnum(c) || is_diacritic(c) || is_invisible(c)
}

/// Maps one character to its folded form for matching; `None` drops it.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() { ' ' } else { c.to_ascii_lowercase() });
    }
    // The letters of the basic Arabic alphabet (most of an Arabic page): only three change.
    if matches!(c as u32, 0x0621..=0x063A | 0x0641..=0x064A) {
        return Some(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        });
    }
    if c == TATWEEL || is_diacritic(c) || is_invisible(c) {
        return None;
    }
    if let Some(d) = ascii_digit(c) {
        return Some(d);
    }
    if is_alef_variant(c) {
        return Some('ا');
    }
    Some(match c {
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        'A'..='Z' => c.to_ascii_lowercase(),
        c if c.is_whitespace() => ' ',
        c if !(0x0600..=0x06FF).contains(&(c as u32)) && c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    })
}

/// Folds `s` for matching: see the module docs. White space runs become one space; the result is
/// trimmed.
pub(crate) fn fold(s: &str) -> String {
    collapse(s.chars().filter_map(fold_char), s.len())
}

/// Joins characters with every white space run made one space, trimmed at both ends (the
/// characters come with white space already mapped to `' '`).
fn collapse(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut space = true;
    for c in chars {
        if c == ' ' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds `s` and keeps only letters and digits, one space between words: the form used to compare
/// titles, names and phrases regardless of punctuation.
pub(crate) fn fold_words(s: &str) -> String {
    // One pass: the words of the folded characters, one space between them.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for f in s.chars().filter_map(fold_char) {
        if !is_word_char(f) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        out.push(f);
        gap = false;
    }
    out
}

/// Whether `fold_words(s) == folded`, without building the folded copy of `s`: it stops at the
/// first difference (a long paragraph is told from a title in a few characters).
pub(crate) fn fold_words_eq(s: &str, folded: &str) -> bool {
    let mut want = folded.chars();
    let (mut gap, mut started) = (false, false);
    for f in s.chars().filter_map(fold_char) {
        if !is_word_char(f) {
            gap = true;
            continue;
        }
        if gap && started && want.next() != Some(' ') {
            return false;
        }
        if want.next() != Some(f) {
            return false;
        }
        gap = false;
        started = true;
    }
    want.next().is_none()
}

/// Splits text into word tokens: maximal runs of alphanumeric characters (Unicode-aware), with
/// diacritics, tatweel and invisible marks counted as part of a word.
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// `char::is_whitespace`, fast on ASCII and on the scripts between Latin-1 and U+1680 (Arabic
/// among them), which hold no white space.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    match c as u32 {
        0..=0x7F => matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r'),
        0x100..=0x167F => false,
        _ => c.is_whitespace(),
    }
}

/// Collapses white space runs (including NBSP) to one space and trims: how block text is stored.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s, ' ');
    out
}

/// Appends the words of `s` to `out`, one space between them; `before` goes first when `out`
/// already holds text and `s` has some.
fn push_collapsed(out: &mut String, s: &str, before: char) {
    let mut first = true;
    let mut push = |word: &str| {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(if first { before } else { ' ' });
            }
            first = false;
            out.push_str(word);
        }
    };
    // By bytes: ASCII is looked at alone, and the lead bytes of U+0100–U+0FFF (Arabic among
    // them, no white space there) skip their character undecoded.
    let b = s.as_bytes();
    let (mut word, mut i) = (0, 0);
    while let Some(&c) = b.get(i) {
        let (space, len) = match c {
            0..=0x7F => (matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1),
            0xC4..=0xDF => (false, 2),
            0xE0 => (false, 3),
            _ => s.get(i..).and_then(|r| r.chars().next()).map_or((false, 1), |ch| (is_space(ch), ch.len_utf8())),
        };
        if space {
            push(s.get(word..i).unwrap_or_default());
            word = i + len;
        }
        i += len;
    }
    push(s.get(word..).unwrap_or_default());
}

/// The character the walker puts for a `<br>`: U+2028 LINE SEPARATOR, which no page uses as text.
pub(crate) const LINE_BREAK: char = '\u{2028}';

/// Like [`collapse_ws`], but a [`LINE_BREAK`] becomes a `\n` (never two in a row, none at either
/// end, no spaces around it): how block text with `<br>`s inside is stored.
pub(crate) fn collapse_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split(LINE_BREAK) {
        push_collapsed(&mut out, line, '\n');
    }
    out
}

/// Whether a line is made of fields split by `|`, `•` or `·` (a byline-and-date line).
pub(crate) fn has_field_separator(s: &str) -> bool {
    s.contains(['|', '•', '·', '¦'])
}

/// Maps Arabic-Indic and Persian digits to ASCII, leaving everything else alone.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars().map(|c| ascii_digit(c).unwrap_or(c)).collect()
}

/// The ASCII digit for an Arabic-Indic (U+0660–0669) or Persian (U+06F0–06F9) digit.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        _ => None,
    }
}

/// Alef with hamza above or below, madda, wasla, or wavy hamza: the forms folded to a bare alef.
fn is_alef_variant(c: char) -> bool {
    matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ')
}

/// U+0640 ARABIC TATWEEL, the stretching stroke (كـــتب).
const TATWEEL: char = '\u{0640}';

/// Which foldings [`normalize_arabic`] applies. [`Default`] turns on every one but
/// `ta_marbuta`; [`NormalizeOptions::none`] turns every one off, to pick a few.
///
/// ```
/// use matn::NormalizeOptions;
/// let mut options = NormalizeOptions::default();
/// options.digits = false;
/// assert!(options.tatweel && !options.digits && !options.ta_marbuta);
/// ```
///
/// New foldings may be added in later versions (the type is `#[non_exhaustive]`): start from
/// [`Default`] or [`NormalizeOptions::none`] and set the fields you want.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// Remove tatweel (U+0640): `كـــتب` → `كتب`.
    pub tatweel: bool,
    /// Remove harakat, Quranic marks and the superscript alef: `مُحَمَّد` → `محمد`.
    pub diacritics: bool,
    /// Map alef with hamza, madda or wasla (`أ إ آ ٱ ٲ ٳ`) to a bare alef `ا`.
    pub alef: bool,
    /// Map alef maqsura `ى` to ya `ي`.
    pub ya: bool,
    /// Map ta marbuta `ة` to ha `ه` (off by default: it changes words more than the others).
    pub ta_marbuta: bool,
    /// Map Arabic-Indic (`٠`–`٩`) and Persian (`۰`–`۹`) digits to ASCII.
    pub digits: bool,
    /// Remove invisible formatting characters: zero-width spaces and joiners, bidi marks,
    /// embeddings and isolates, the BOM and soft hyphens.
    pub invisible: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            tatweel: true,
            diacritics: true,
            alef: true,
            ya: true,
            ta_marbuta: false,
            digits: true,
            invisible: true,
        }
    }
}

impl NormalizeOptions {
    /// Every folding off: `normalize_arabic` returns the text unchanged.
    ///
    /// ```
    /// use matn::{NormalizeOptions, normalize_arabic};
    /// assert_eq!(normalize_arabic("إلى ٢٠٢٤", &NormalizeOptions::none()), "إلى ٢٠٢٤");
    /// let mut ya = NormalizeOptions::none();
    /// ya.ya = true;
    /// assert_eq!(normalize_arabic("إلى ٢٠٢٤", &ya), "إلي ٢٠٢٤");
    /// ```
    pub fn none() -> Self {
        NormalizeOptions {
            tatweel: false,
            diacritics: false,
            alef: false,
            ya: false,
            ta_marbuta: false,
            digits: false,
            invisible: false,
        }
    }
}

/// Normalizes Arabic text for search, comparison or indexing: removes tatweel, diacritics and
/// invisible marks, unifies alef forms, maps `ى` to `ي`, optionally `ة` to `ه`, and Eastern
/// digits to ASCII, as `options` say. Everything else (Latin text, punctuation, white space) is
/// left as it is.
///
/// matn never applies this to its output: [`Article`](crate::Article) text keeps the page's own
/// characters, and you normalize when you need to.
///
/// ```
/// use matn::{NormalizeOptions, normalize_arabic};
/// let text = "قالَ الرئيسُ إنّ الـمـشـروع سيُنجَز في ٢٠٢٤\u{200F} إلى الأبد";
/// assert_eq!(normalize_arabic(text, &NormalizeOptions::default()), "قال الرئيس ان المشروع سينجز في 2024 الي الابد");
/// let mut all = NormalizeOptions::default();
/// all.ta_marbuta = true;
/// assert_eq!(normalize_arabic("مدرسةٌ", &all), "مدرسه");
/// ```
pub fn normalize_arabic(text: &str, options: &NormalizeOptions) -> String {
    let o = options;
    text.chars()
        .filter(|&c| {
            !((o.tatweel && c == TATWEEL) || (o.diacritics && is_diacritic(c)) || (o.invisible && is_invisible(c)))
        })
        .map(|c| match c {
            c if o.alef && is_alef_variant(c) => 'ا',
            'ى' if o.ya => 'ي',
            'ة' if o.ta_marbuta => 'ه',
            c if o.digits => ascii_digit(c).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// `count` texts of `len` pieces each, drawn from `pieces` by a fixed sequence: inputs for tests
/// that compare two ways of doing one thing.
#[cfg(test)]
pub(crate) fn pieced_texts<'a>(pieces: &'a [&'a str], len: usize, count: usize) -> impl Iterator<Item = String> + 'a {
    let mut rng = 5u64;
    (0..count).map(move |_| {
        (0..len)
            .map(|_| {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                pieces[(rng >> 33) as usize % pieces.len()]
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn collapsing_by_bytes_splits_where_is_space_does() {
        let parts = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{a0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{3000}", "\u{2028}",
            "a", "Ä", "ق", "ــ", "ऄ", "\u{fff}", "\u{1000}", "😀", "€", "xy",
        ];
        for s in pieced_texts(&parts, 9, 30_000) {
            let words: Vec<&str> = s.split(super::is_space).filter(|w| !w.is_empty()).collect();
            assert_eq!(super::collapse_ws(&s), words.join(" "), "{s:?}");
            let mut out = String::from("x");
            super::push_collapsed(&mut out, &s, '\n');
            let want = if words.is_empty() { "x".to_string() } else { format!("x\n{}", words.join(" ")) };
            assert_eq!(out, want, "{s:?}");
        }
    }

    use super::*;

    #[test]
    fn word_rule_is_the_same_on_every_path() {
        // The fast paths (ASCII, the Arabic block) agree with the general rule.
        for c in (0u32..0x0800).filter_map(char::from_u32) {
            let general = is_alnum(c) || is_diacritic(c) || is_invisible(c) || c == TATWEEL;
            assert_eq!(is_word_char(c), general, "U+{:04X}", c as u32);
        }
        assert!(is_word_char('\u{200C}') && !is_word_char('-') && !is_word_char('،'));
    }

    #[test]
    fn folds_alef_ya_ta_marbuta_tashkeel_tatweel_digits() {
        assert_eq!(fold("اقْرَأ أيضـــاً"), "اقرا ايضا");
        assert_eq!(fold("إلى مدرسة"), "الي مدرسه");
        assert_eq!(fold("٢٠٢١ ۱۴۰۰"), "2021 1400");
        assert_eq!(fold("\u{200F}Hello\u{00A0} World "), "hello world");
    }

    #[test]
    fn words_are_unicode_aware() {
        let w: Vec<_> = words("قال، «الرئيس» اليوم: hello-world 2021").collect();
        assert_eq!(w, ["قال", "الرئيس", "اليوم", "hello", "world", "2021"]);
        let w: Vec<_> = words("مُحَمَّد").collect();
        assert_eq!(w, ["مُحَمَّد"]);
    }

    #[test]
    fn arabic_punctuation_counts() {
        for c in ['،', '؛', '؟', '.', ','] {
            assert!(is_sentence_punct(c));
        }
        assert!(!is_sentence_punct('ب'));
    }

    #[test]
    fn line_breaks_survive_collapsing() {
        assert_eq!(collapse_lines(" سطر \u{2028}\u{2028} ثان \n ثالث\u{2028}"), "سطر\nثان ثالث");
        assert_eq!(collapse_lines("a  b"), "a b");
    }

    #[test]
    fn normalize_options_pick_foldings() {
        let text = "إلـى مدرسةِ ٣\u{200B}";
        assert_eq!(normalize_arabic(text, &NormalizeOptions::default()), "الي مدرسة 3");
        assert_eq!(normalize_arabic(text, &NormalizeOptions::none()), text);
        let only = |f: fn(&mut NormalizeOptions)| {
            let mut o = NormalizeOptions::none();
            f(&mut o);
            normalize_arabic(text, &o)
        };
        assert_eq!(only(|o| o.tatweel = true), "إلى مدرسةِ ٣\u{200B}");
        assert_eq!(only(|o| o.diacritics = true), "إلـى مدرسة ٣\u{200B}");
        assert_eq!(only(|o| o.alef = true), "الـى مدرسةِ ٣\u{200B}");
        assert_eq!(only(|o| o.ya = true), "إلـي مدرسةِ ٣\u{200B}");
        assert_eq!(only(|o| o.ta_marbuta = true), "إلـى مدرسهِ ٣\u{200B}");
        assert_eq!(only(|o| o.digits = true), "إلـى مدرسةِ 3\u{200B}");
        assert_eq!(only(|o| o.invisible = true), "إلـى مدرسةِ ٣");
        assert_eq!(normalize_arabic("۱۴۰۲ and ABC", &NormalizeOptions::default()), "1402 and ABC");
    }

    #[test]
    fn fold_words_drops_punctuation() {
        assert_eq!(fold_words("اقرأ أيضاً: «خبر»"), "اقرا ايضا خبر");
    }

    #[test]
    fn fold_words_is_the_words_of_fold() {
        for s in ["اقرأ أيضاً: «خبر»", "  كَتَبَ\u{200f} - أحمد  ", "٢٠٢٤/٣/١٥", "Hello,World !", "", "،؛؟", "a\u{640}b c"]
        {
            assert_eq!(fold_words(s), words(&fold(s)).collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }

    #[test]
    fn fold_words_eq_agrees_with_fold_words() {
        let texts = [
            "اقرأ أيضاً: «خبر»",
            " اقرا  ايضا خبر ",
            "اقرا ايضا",
            "اقرا ايضا خبر جديد",
            "",
            "  ، ",
            "Hello, World!",
            "hello world",
            "ـكـتـب",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(fold_words_eq(a, &fold_words(b)), fold_words(a) == fold_words(b), "{a:?} / {b:?}");
            }
        }
    }
}
