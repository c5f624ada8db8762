//! The density scorer: a pure function from block features to content scores.
//!
//! Three signals, combined:
//! - jusText-style classes from length, link density and stopword density (stopwords counted on
//!   folded words with the glued prefixes و / ف / ب / ل / ك / ال stripped), smoothed by
//!   neighbours so a short line between two good paragraphs stays;
//! - boilerpipe-style text and link density (long, punctuated, link-free text is content);
//! - the rule table's verdicts (chrome classes, chrome phrases, body hints) as features.
//!
//! [`score_blocks`] sees only [`Features`], never the DOM, so it is benchmarked on its own.

use once_cell::sync::Lazy;

use crate::model::BlockKind;
use crate::normalize::{CharInfo, CharTable, FastSet};
use crate::rules::push_fold;

/// What the scorer knows of one block. Built by the walker; plain data.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Features {
    /// Characters of text, white space excluded.
    pub chars: u32,
    /// Characters inside links.
    pub link_chars: u32,
    /// Word tokens.
    pub words: u32,
    /// Word tokens that are function words (any of the supported languages).
    pub stopwords: u32,
    /// Sentence and clause punctuation, Arabic forms included (، ؛ ؟ . , ! :).
    pub punct: u32,
    /// Arabic-script letters.
    pub arabic: u32,
    /// Digits, any script.
    pub digits: u32,
    /// Han and Kana characters. Each is also counted as a word (these scripts put no spaces
    /// between words), a function character (的 了 の は…) as a stopword.
    pub cjk: u32,
    /// The block's kind.
    pub kind: BlockKind,
    /// Inside an element the rule table marks as chrome, or a `nav`/`footer`/`aside`/`form`.
    /// The scorer does not use it (selection does, after checking the element is not a wrapper
    /// of the article); it is here for explain output and custom scorers.
    pub chrome: bool,
    /// Inside an element the rule table marks as the article body.
    pub body_hint: bool,
    /// The block's text matches a chrome phrase.
    pub chrome_phrase: bool,
}

impl Features {
    /// Measures a block's text. `link_chars` and the flags come from the walker.
    pub fn measure(text: &str, link_chars: u32, kind: BlockKind) -> Features {
        Features::measure_folding(text, link_chars, kind, 0, &mut String::new()).0
    }

    /// [`Features::measure`], folding the text's first `window` characters into `folded` in the
    /// same pass (for the phrase rules, see `rules::push_folded`). Also says whether the text goes
    /// on past the window.
    pub(crate) fn measure_folding(
        text: &str,
        link_chars: u32,
        kind: BlockKind,
        window: usize,
        folded: &mut String,
    ) -> (Features, bool) {
        let mut space = true;
        let mut taken = 0usize;
        let mut f = Features {
            chars: 0,
            link_chars,
            words: 0,
            stopwords: 0,
            punct: 0,
            arabic: 0,
            digits: 0,
            cjk: 0,
            kind,
            chrome: false,
            body_hint: false,
            chrome_phrase: false,
        };
        // One pass: character classes, and words folded as they are read.
        let mut word = String::new();
        let end_word = |word: &mut String, f: &mut Features| {
            if !word.is_empty() {
                f.words += 1;
                if is_stopword(word) {
                    f.stopwords += 1;
                }
                word.clear();
            }
        };
        let table = CharTable::get();
        for c in text.chars() {
            let info = table.info(c);
            if taken < window {
                push_fold(folded, &mut space, info.folded);
            }
            taken += 1;
            if info.is(CharInfo::CJK) {
                end_word(&mut word, &mut f);
                f.cjk += 1;
                f.words += 1;
                f.stopwords += u32::from(crate::words::is_function_char(c));
            } else if info.is(CharInfo::WORD) {
                if let Some(folded) = info.folded {
                    word.push(folded);
                }
            } else {
                end_word(&mut word, &mut f);
            }
            if info.is(CharInfo::SPACE) {
                continue;
            }
            f.chars += 1;
            if info.is(CharInfo::ARABIC) {
                f.arabic += 1;
            } else if info.is(CharInfo::DIGIT) {
                f.digits += 1;
            } else if info.is(CharInfo::PUNCT) {
                f.punct += 1;
            }
        }
        end_word(&mut word, &mut f);
        f.link_chars = f.link_chars.min(f.chars);
        (f, taken > window)
    }

    /// The text's length for the thresholds, in characters of space-separated scripts: a Han or
    /// Kana character counts as [`CJK_CHAR_WEIGHT`], about what a letter-written word takes.
    pub fn text_len(&self) -> u32 {
        self.chars + self.cjk * (CJK_CHAR_WEIGHT - 1)
    }

    /// Share of the characters inside links, 0–1.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 { 0.0 } else { self.link_chars as f32 / self.chars as f32 }
    }

    /// Share of the words that are function words, 0–1.
    pub fn stopword_density(&self) -> f32 {
        if self.words == 0 { 0.0 } else { self.stopwords as f32 / self.words as f32 }
    }
}

/// What one Han or Kana character weighs in [`Features::text_len`]: 35 characters of Chinese
/// say about what 100 letters of English do.
pub const CJK_CHAR_WEIGHT: u32 = 4;

/// The function words of [`crate::words`].
static STOPWORD_SET: Lazy<FastSet<&'static str>> = Lazy::new(|| crate::words::function_words().collect());

/// The longest stopword with a glued one-letter prefix, in bytes: longer words are not looked up.
static LONGEST_STOPWORD: Lazy<usize> = Lazy::new(|| STOPWORD_SET.iter().map(|w| w.len()).max().unwrap_or(0) + 2);

/// Whether a folded word is a function word, also with a glued prefix (و، ف، ب، ل، ك، ال, وال…).
fn is_stopword(folded: &str) -> bool {
    if folded.len() > *LONGEST_STOPWORD {
        return false;
    }
    if STOPWORD_SET.contains(folded) {
        return true;
    }
    for prefix in ["و", "ف", "ب", "ل", "ك"] {
        if let Some(rest) = folded.strip_prefix(prefix)
            && rest.chars().count() >= 2
            && STOPWORD_SET.contains(rest)
        {
            return true;
        }
    }
    false
}

/// The class of a block before and after smoothing (jusText's vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

fn classify(f: &Features) -> Class {
    if f.chrome_phrase || f.kind == BlockKind::Caption || f.kind == BlockKind::Image {
        return Class::Bad;
    }
    let ld = f.link_density();
    // Numbers, dates and view counts: no letters to speak of.
    if ld > 0.45 || f.chars <= f.digits + f.punct + 2 {
        return Class::Bad;
    }
    // A line of a dozen Han or Kana characters is still a short line (a byline, a label): the
    // short cut weighs them at half what the length thresholds do.
    let len = f.text_len();
    if f.chars + f.cjk * (CJK_CHAR_WEIGHT / 2 - 1) < 45 {
        return if ld > 0.2 { Class::Bad } else { Class::Short };
    }
    let sd = f.stopword_density();
    let punctuated = f.punct >= 2 || (f.punct >= 1 && len < 200);
    if len >= 120 && (sd >= 0.18 || punctuated) && ld < 0.25 {
        Class::Good
    } else if sd >= 0.10 || punctuated {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Content scores for a page's blocks, in order, each in 0–1: 1 is article text, 0 is chrome.
///
/// ```
/// use matn::score::{Features, score_blocks};
/// use matn::BlockKind;
/// let para = Features::measure(
///     "قال رئيس الوزراء في بيان صحفي اليوم إن الحكومة ستواصل العمل على تطوير التعاون مع الدول المجاورة في \
///      المجالات الاقتصادية والثقافية، وإن اللقاء الذي عقد في العاصمة كان مثمرا على كل المستويات.",
///     0,
///     BlockKind::Paragraph,
/// );
/// let menu = Features::measure("الرئيسية", 16, BlockKind::ListItem);
/// let scores = score_blocks(&[menu, para, menu]);
/// assert!(scores[1] > 0.9 && scores[0] < 0.1);
/// ```
pub fn score_blocks(features: &[Features]) -> Vec<f32> {
    let classes: Vec<Class> = features.iter().map(classify).collect();
    let mut out = Vec::with_capacity(features.len());
    // Smoothing: a short or near-good block takes the class of its nearest non-short neighbours
    // when both are good, or keeps near-good when one is.
    // The nearest non-short neighbour on each side, found in two linear passes (a scan from
    // every block would be quadratic over a long run of short blocks).
    let anchor = |i: usize| classes[i] != Class::Short && features[i].kind != BlockKind::Image;
    let mut before: Vec<Option<Class>> = Vec::with_capacity(classes.len());
    let mut last = None;
    for (i, &c) in classes.iter().enumerate() {
        before.push(last);
        if anchor(i) {
            last = Some(c);
        }
    }
    let mut after: Vec<Option<Class>> = vec![None; classes.len()];
    let mut next = None;
    for i in (0..classes.len()).rev() {
        after[i] = next;
        if anchor(i) {
            next = Some(classes[i]);
        }
    }
    let neighbour = |i: usize, step: isize| if step < 0 { before[i] } else { after[i] };
    for (i, (&c, f)) in classes.iter().zip(features).enumerate() {
        let s = match c {
            Class::Good => 1.0,
            Class::Bad => 0.0,
            Class::NearGood | Class::Short => {
                let (prev, next) = (neighbour(i, -1), neighbour(i, 1));
                let good = |x: Option<Class>| x == Some(Class::Good);
                match (c, good(prev), good(next)) {
                    (Class::NearGood, true, _) | (Class::NearGood, _, true) => 0.8,
                    (Class::NearGood, ..) => 0.45,
                    (_, true, true) => 0.7,
                    (_, true, false) | (_, false, true) => 0.35,
                    _ => 0.1,
                }
            }
        };
        let s = if f.body_hint && s > 0.0 { (s + 0.2f32).min(1.0) } else { s };
        out.push(s);
    }
    out
}

/// The weight a block adds to the containers above it: its score times a length and
/// punctuation term (Readability's "1 + commas + length / 100", capped).
pub fn weight(f: &Features, score: f32) -> f32 {
    let len = (f.text_len() as f32 / 100.0).min(3.0);
    let punct = (f.punct as f32).min(6.0);
    score * (1.0 + len + punct * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_arabic_features() {
        let f = Features::measure("قال الوزير، في بيان: إن العمل مستمر؟ وأضاف ٣ أمور.", 0, BlockKind::Paragraph);
        assert_eq!(f.words, 10);
        assert!(f.stopwords >= 3, "{f:?}");
        assert_eq!(f.punct, 4);
        assert_eq!(f.digits, 1);
        assert!(f.arabic > 30);
    }

    #[test]
    fn stopwords_with_glued_prefixes() {
        assert!(is_stopword("وفي"));
        assert!(is_stopword("فهذا"));
        assert!(!is_stopword("وزير"));
        assert!(is_stopword("the"));
    }

    #[test]
    fn link_lists_are_bad_and_short_lines_between_good_stay() {
        let long = "وقال المتحدث باسم الوزارة في تصريح صحفي اليوم إن الحكومة تعمل على تنفيذ الخطة في أسرع وقت ممكن، وإن النتائج الأولى ستظهر قريبا على أرض الواقع في كل المحافظات.";
        let good = Features::measure(long, 0, BlockKind::Paragraph);
        let short = Features::measure("وأضاف:", 0, BlockKind::Paragraph);
        let link = Features::measure("خبر عاجل عن الطقس", 20, BlockKind::ListItem);
        let s = score_blocks(&[good, short, good, link]);
        assert_eq!(s[0], 1.0);
        assert!(s[1] >= 0.7);
        assert_eq!(s[3], 0.0);
    }

    #[test]
    fn cjk_prose_reads_as_prose_and_a_cjk_label_as_a_short_line() {
        // A line of unpunctuated Chinese prose, as blogs write it (spaces between clauses).
        let line = Features::measure(
            "玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後不久即抵達來到了我們的營地",
            0,
            BlockKind::Paragraph,
        );
        assert_eq!(line.cjk, 37);
        assert_eq!(line.words, 37);
        assert!(line.stopword_density() >= 0.1, "{line:?}");
        let japanese = Features::measure("肉をくわえたイヌが、橋を渡っていました。", 0, BlockKind::Paragraph);
        assert_eq!(japanese.punct, 2);
        assert!(japanese.stopwords >= 5, "{japanese:?}");
        let label = Features::measure("出品︱网易科学人栏目组 胖胖", 0, BlockKind::Paragraph);
        let s = score_blocks(&[line, line, label, line]);
        assert_eq!(s[0], 1.0);
        assert!(s[2] >= 0.7, "a short line between prose stays: {s:?}");
    }

    #[test]
    fn chrome_phrases_zero_the_score() {
        let long = "وقال المتحدث باسم الوزارة في تصريح صحفي اليوم إن الحكومة تعمل على تنفيذ الخطة في أسرع وقت، وإن النتائج ستظهر قريبا.";
        let mut f = Features::measure(long, 0, BlockKind::Paragraph);
        f.chrome_phrase = true;
        assert_eq!(score_blocks(&[f]), [0.0]);
    }
}
