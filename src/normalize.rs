//! Arabic-aware character classes and the text folding used for matching.
//!
//! Matching (rules, stopwords, titles, bylines) is always done on *folded* text, while the output
//! keeps the page's own characters. Folding removes tatweel, harakat and invisible bidi/joiner
//! marks, unifies alef forms, maps ى to ي and ة to ه, maps Arabic-Indic and Persian digits to
//! ASCII, lower-cases Latin letters and collapses white space.

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
    matches!(c, '.' | ',' | '!' | '?' | ':' | ';' | '،' | '؛' | '؟' | '۔' | '…' | '«' | '»' | '"' | '“' | '”')
}

/// Maps one character to its folded form for matching; `None` drops it.
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c == '\u{0640}' || is_diacritic(c) || is_invisible(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        'A'..='Z' => c.to_ascii_lowercase(),
        c if c.is_whitespace() => ' ',
        c if !c.is_ascii() && c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    })
}

/// Folds `s` for matching: see the module docs. White space runs become one space; the result is
/// trimmed.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().filter_map(fold_char) {
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
    let mut out = String::with_capacity(s.len());
    for w in words(&fold(s)) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Splits text into word tokens: maximal runs of alphanumeric characters (Unicode-aware), with
/// diacritics, tatweel and invisible marks counted as part of a word.
pub(crate) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || is_diacritic(c) || c == '\u{0640}' || is_invisible(c)))
        .filter(|w| !w.is_empty())
}

/// Collapses white space runs (including NBSP) to one space and trims: how block text is stored.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{00A0}' {
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

/// The character the walker puts for a `<br>`: U+2028 LINE SEPARATOR, which no page uses as text.
pub(crate) const LINE_BREAK: char = '\u{2028}';

/// Like [`collapse_ws`], but a [`LINE_BREAK`] becomes a `\n` (never two in a row, none at either
/// end, no spaces around it): how block text with `<br>`s inside is stored.
pub(crate) fn collapse_lines(s: &str) -> String {
    if !s.contains(LINE_BREAK) {
        return collapse_ws(s);
    }
    let lines: Vec<String> = s.split(LINE_BREAK).map(collapse_ws).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

/// Whether a line is made of fields split by `|`, `•` or `·` (a byline-and-date line).
pub(crate) fn has_field_separator(s: &str) -> bool {
    s.contains(['|', '•', '·', '¦'])
}

/// Maps Arabic-Indic and Persian digits to ASCII, leaving everything else alone.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn fold_words_drops_punctuation() {
        assert_eq!(fold_words("اقرأ أيضاً: «خبر»"), "اقرا ايضا خبر");
    }
}
