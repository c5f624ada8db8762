//! Turning the raw bytes of a page into text.
//!
//! The order of precedence is:
//!
//! 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE); the mark itself is not part of the text;
//! 2. the caller's hint (an HTTP `Content-Type` value such as `text/html; charset=windows-1256`,
//!    or a bare label such as `cp1256`);
//! 3. a `<meta>` declaration found by the WHATWG prescan of the first 1024 bytes, or failing that
//!    a late one within the first 64 KiB (as a browser honours it when its parser reaches the tag);
//! 4. detection: valid UTF-8 is UTF-8, UTF-16 without a byte order mark by its zero bytes,
//!    otherwise chardetng's guess (Firefox's detector) over a window of the bytes.
//!
//! Deliberate departures from what a browser does:
//!
//! * A declaration (hint or meta) naming a legacy encoding, single-byte (ISO-8859-1,
//!   windows-1256) or multi-byte (gb2312, shift_jis, euc-kr), is overruled when the sampled bytes
//!   are clean UTF-8 containing multibyte sequences: such a page is almost certainly UTF-8 with a
//!   stale template declaration, and decoding it as declared would only produce mojibake. The
//!   same applies to a UTF-16 declaration without a byte order mark when the bytes are clean
//!   UTF-8 without any NUL byte. The result then reports [`Source::Detected`].
//! * A UTF-8 declaration is overruled when the sampled bytes are mostly not UTF-8 (more
//!   malformed sequences than well-formed multibyte ones: windows-1256 served as UTF-8): the
//!   bytes are then decoded by detection.
//! * A label that maps to the WHATWG "replacement" encoding (e.g. `iso-2022-kr`) is ignored, as
//!   decoding with it would reduce the whole page to a single U+FFFD.
//! * NUL characters in the decoded text are replaced by U+FFFD (as the HTML tokenizer does in
//!   most contexts), so later stages never see U+0000. This does not set `had_errors`.
//!
//! All work is linear in the input size; detection only looks at a window of [`SAMPLE_LEN`]
//! bytes.

use encoding_rs::{
    Encoding, ISO_8859_6, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, WINDOWS_1256, X_USER_DEFINED,
};
use once_cell::sync::Lazy;

/// How many leading bytes the `<meta>` prescan looks at (as in the WHATWG algorithm).
const PRESCAN_LEN: usize = 1024;

/// How many bytes the statistical detection samples.
const SAMPLE_LEN: usize = 64 * 1024;

/// How the bytes of a page were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A byte order mark at the start of the input.
    Bom,
    /// The caller's charset hint.
    Hint,
    /// A `<meta>` declaration found by the prescan.
    Meta,
    /// Detection from the bytes themselves (including an overruled declaration).
    Detected,
    /// Nothing to go on (empty or pure ASCII input without a declaration): UTF-8 by default.
    Utf8Default,
}

/// A decoded page.
pub(crate) struct Decoded {
    /// The text, without a byte order mark, with NUL replaced by U+FFFD.
    pub text: String,
    /// The encoding used to decode the bytes.
    pub encoding: &'static Encoding,
    /// Where the choice of encoding came from.
    #[allow(dead_code)] // checked by the unit tests; kept for diagnostics
    pub source: Source,
    /// True when malformed byte sequences were replaced by U+FFFD.
    #[allow(dead_code)] // checked by the unit tests; kept for diagnostics
    pub had_errors: bool,
}

/// Decodes a page: BOM first (UTF-8, UTF-16LE/BE), then the caller's charset hint (HTTP
/// Content-Type header value or bare label), then the WHATWG prescan of the first 1024 bytes for
/// a `<meta>` declaration, then detection for undeclared pages (see the module documentation).
pub(crate) fn decode(bytes: &[u8], hint: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return run(encoding, body, Source::Bom);
    }

    let declared = hint
        .and_then(charset_from_content_type)
        .filter(|enc| *enc != REPLACEMENT)
        .map(|enc| (enc, Source::Hint))
        .or_else(|| prescan(bytes).map(|enc| (enc, Source::Meta)))
        .or_else(|| prescan_within(bytes, LATE_PRESCAN_LEN).map(|enc| (enc, Source::Meta)));

    if let Some((encoding, source)) = declared {
        if declaration_is_wrong(encoding, bytes) {
            let (detected, _) = detect(bytes);
            return run(detected, bytes, Source::Detected);
        }
        return run(encoding, bytes, source);
    }

    let (encoding, source) = detect(bytes);
    run(encoding, bytes, source)
}

/// Extracts the encoding named by an HTTP `Content-Type` value (`text/html; charset="utf-8"`),
/// a lone `charset=...` parameter, or a bare encoding label (`windows-1256`). Returns `None`
/// when no charset is given or the label is unknown.
pub(crate) fn charset_from_content_type(value: &str) -> Option<&'static Encoding> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    for param in value.split(';') {
        let Some((name, raw)) = param.split_once('=') else {
            continue;
        };
        if !name.trim().eq_ignore_ascii_case("charset") {
            continue;
        }
        let raw = raw.trim();
        let label = raw
            .strip_prefix('"')
            .map(|r| r.split('"').next().unwrap_or_default())
            .or_else(|| raw.strip_prefix('\'').map(|r| r.split('\'').next().unwrap_or_default()))
            .unwrap_or(raw);
        return Encoding::for_label(label.trim().as_bytes());
    }
    if value.contains(['/', '=', ';']) {
        return None;
    }
    Encoding::for_label(value.as_bytes())
}

/// Decodes `bytes` (already stripped of any BOM) with `encoding` and tidies the text.
fn run(encoding: &'static Encoding, bytes: &[u8], source: Source) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut text = text.into_owned();
    if text.starts_with('\u{FEFF}') {
        // A second mark (or one kept by a declared encoding): never part of the content.
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if text.contains('\0') {
        text = text.replace('\0', "\u{FFFD}");
    }
    Decoded { text, encoding, source, had_errors }
}

/// Whether decoded text reads as binary data (an image, a compressed or executable file, random
/// bytes) rather than a page: in its first [`SAMPLE_LEN`] bytes, at least one character in
/// [`BINARY_SHARE`] is a control character (other than white space) or U+FFFD, the marks of
/// bytes that are not text. Pages have almost none; random bytes make about one in eight.
pub(crate) fn looks_binary(text: &str) -> bool {
    let mut cut = SAMPLE_LEN.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // Counted in bytes, 64 at a time (the compiler does each test for many bytes at once): a
    // character is a byte that does not continue one (10xxxxxx); the control characters are
    // the ASCII ones and U+0080..U+009F (C2 80..C2 9F), and U+FFFD is EF BF BD.
    let sample = &text.as_bytes()[..cut];
    // Bitwise, not short-circuit, so that the tests run on many bytes at once.
    let suspect = |b: u8| {
        ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != b'\x0C'))
            | (b == 0x7F)
            | (b == 0xC2)
            | (b == 0xEF)
    };
    let (mut chars, mut bad) = (0, 0);
    for (n, chunk) in sample.chunks(64).enumerate() {
        let (mut starts, mut any) = (0u8, false);
        for &b in chunk {
            starts += u8::from(b & 0xC0 != 0x80);
            any |= suspect(b);
        }
        chars += usize::from(starts);
        if !any {
            continue;
        }
        for (i, &b) in chunk.iter().enumerate() {
            let at = n * 64 + i;
            bad += usize::from(match b {
                0xC2 => matches!(sample.get(at + 1), Some(0x80..=0x9F)),
                0xEF => sample.get(at + 1..at + 3) == Some(&[0xBF, 0xBD]),
                _ => suspect(b),
            });
        }
    }
    bad >= 16 && bad * BINARY_SHARE >= chars
}

/// One character in this many not text makes a sample binary (see [`looks_binary`]).
const BINARY_SHARE: usize = 20;

// ---------------------------------------------------------------------------------------------
// Overruling declarations

/// True when a declared encoding is contradicted by the bytes (see the module documentation).
fn declaration_is_wrong(declared: &'static Encoding, bytes: &[u8]) -> bool {
    let sample = sample_window(bytes);
    let stats = utf8_stats(sample);
    if declared == UTF_8 {
        // A few damaged sequences are damage; Arabic text in windows-1256 is mostly malformed.
        return stats.invalid >= MIN_INVALID && stats.invalid > stats.multibyte.saturating_mul(2);
    }
    if declared == UTF_16LE || declared == UTF_16BE {
        let head = bytes.get(..SAMPLE_LEN).unwrap_or(bytes);
        return !head.contains(&0) && stats.invalid == 0;
    }
    stats.invalid == 0 && stats.multibyte > 0
}

/// Malformed sequences in the sample that overrule a UTF-8 declaration (with fewer well-formed
/// multibyte ones than half as many): one Arabic sentence in windows-1256 has about 20.
const MIN_INVALID: usize = 8;

// ---------------------------------------------------------------------------------------------
// Detection

/// Chooses an encoding for an undeclared page.
fn detect(bytes: &[u8]) -> (&'static Encoding, Source) {
    if let Some(utf16) = utf16_without_bom(bytes) {
        return (utf16, Source::Detected);
    }
    if bytes.is_ascii() {
        return (UTF_8, Source::Utf8Default);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, Source::Detected);
    }
    let sample = sample_window(bytes);
    let stats = utf8_stats(sample);
    // Mostly well-formed UTF-8 with a few damaged sequences is still UTF-8. Legacy Arabic or
    // Latin text almost never forms valid multibyte sequences, and random bytes rarely do.
    if stats.multibyte > 0 && stats.multibyte >= stats.invalid.saturating_mul(4) {
        return (UTF_8, Source::Detected);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Among the encodings Arabic pages use, the crate's own check knows ISO-8859-6 from
    // windows-1256 on short samples, where the detector cannot.
    if [WINDOWS_1256, ISO_8859_6, WINDOWS_1252].contains(&guess) {
        return (best_single_byte(sample), Source::Detected);
    }
    (guess, Source::Detected)
}

/// UTF-16 without a byte order mark, when the zero bytes of the first KB say so: ASCII markup in
/// UTF-16 has a zero in every other byte, on the same side (the high byte: second in
/// little-endian order).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..1024.min(bytes.len() & !1)).unwrap_or_default();
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let zeros = |side: usize| head.chunks_exact(2).filter(|p| p.get(side) == Some(&0)).count();
    let (even, odd) = (zeros(0), zeros(1));
    // A third of the pairs or more zero on one side (the markup; Arabic letters have no zero
    // byte), almost none on the other.
    match (even * 3 >= pairs, odd * 3 >= pairs) {
        (true, false) if odd * 20 < pairs => Some(UTF_16BE),
        (false, true) if even * 20 < pairs => Some(UTF_16LE),
        _ => None,
    }
}

/// The detection sample: [`SAMPLE_LEN`] bytes starting at the first non-ASCII byte (so that a
/// long ASCII prologue of scripts and styles does not push the text out of the window).
fn sample_window(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let rest = bytes.get(start..).unwrap_or_default();
    rest.get(..SAMPLE_LEN).unwrap_or(rest)
}

/// Counts of well-formed multibyte UTF-8 sequences and malformed ones in a sample.
struct Utf8Stats {
    multibyte: usize,
    invalid: usize,
}

/// Scans `sample` as UTF-8. A sequence cut off by the end of the sample is not counted.
fn utf8_stats(sample: &[u8]) -> Utf8Stats {
    let mut stats = Utf8Stats { multibyte: 0, invalid: 0 };
    let count_leads = |chunk: &[u8]| chunk.iter().filter(|&&b| b >= 0xC0).count();
    let mut rest = sample;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                stats.multibyte += count_leads(rest);
                break;
            }
            Err(err) => {
                let (good, after) = rest.split_at(err.valid_up_to().min(rest.len()));
                stats.multibyte += count_leads(good);
                match err.error_len() {
                    Some(len) => {
                        stats.invalid += 1;
                        rest = after.get(len..).unwrap_or_default();
                    }
                    None => break,
                }
            }
        }
    }
    stats
}

/// What a non-ASCII byte stands for in one candidate encoding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter of the Arabic script (Persian and Urdu letters included).
    ArabicLetter,
    /// Harakat, tatweel and Arabic punctuation (، ؛ ؟ ٪).
    ArabicMark,
    /// A Latin letter with a diacritic, or a ligature such as œ.
    LatinLetter,
    /// Other printable characters: punctuation, symbols, no-break space.
    Symbol,
    /// A C1 control character: what unused bytes 0x80–0x9F decode to.
    Control,
    /// A byte the encoding leaves undefined (decoded as U+FFFD).
    Unmapped,
}

/// The single-byte candidates, in order of preference on a tie (windows-1256 first, since it is
/// the WHATWG default for Arabic locales and this crate reads Arabic news).
static CANDIDATES: Lazy<[(&'static Encoding, [Class; 128]); 3]> = Lazy::new(|| {
    [
        (WINDOWS_1256, class_table(WINDOWS_1256)),
        (ISO_8859_6, class_table(ISO_8859_6)),
        (WINDOWS_1252, class_table(WINDOWS_1252)),
    ]
});

/// Classifies what each byte 0x80..=0xFF decodes to in a single-byte encoding.
fn class_table(encoding: &'static Encoding) -> [Class; 128] {
    let high: Vec<u8> = (0x80..=0xFF).collect();
    let (text, _) = encoding.decode_without_bom_handling(&high);
    let mut table = [Class::Unmapped; 128];
    for (slot, c) in table.iter_mut().zip(text.chars()) {
        *slot = classify(c);
    }
    table
}

fn classify(c: char) -> Class {
    match c as u32 {
        0xFFFD => Class::Unmapped,
        0x80..=0x9F => Class::Control,
        0x060C | 0x061B | 0x061F | 0x0640 | 0x064B..=0x065F | 0x066A..=0x066C => Class::ArabicMark,
        0x0620..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06FA..=0x06FC => Class::ArabicLetter,
        _ if crate::normalize::is_alpha(c) => Class::LatinLetter,
        _ => Class::Symbol,
    }
}

/// Picks the most plausible single-byte encoding for `sample`.
///
/// Every non-ASCII byte is scored in each candidate by what it decodes to and whether it touches
/// an ASCII letter. Arabic words are runs of non-ASCII bytes between spaces and markup, while
/// accented Latin letters sit inside words made mostly of ASCII letters; undefined bytes and
/// C1 controls are strong evidence against a candidate.
fn best_single_byte(sample: &[u8]) -> &'static Encoding {
    let candidates = &*CANDIDATES;
    let mut scores = [0i64; 3];
    let ascii_letter = |i: Option<usize>| i.and_then(|i| sample.get(i)).is_some_and(|b| b.is_ascii_alphabetic());
    for (i, &byte) in sample.iter().enumerate() {
        if byte.is_ascii() {
            continue;
        }
        let latin_context = ascii_letter(i.checked_sub(1)) || ascii_letter(i.checked_add(1));
        let index = usize::from(byte & 0x7F);
        for (score, (encoding, table)) in scores.iter_mut().zip(candidates.iter()) {
            let arabic_candidate = *encoding != WINDOWS_1252;
            let class = table.get(index).copied().unwrap_or(Class::Unmapped);
            *score += match (class, latin_context) {
                (Class::ArabicLetter, false) => 2,
                (Class::ArabicLetter, true) => -1,
                (Class::ArabicMark, false) => 1,
                (Class::ArabicMark, true) => 0,
                (Class::LatinLetter, true) => {
                    if arabic_candidate {
                        0
                    } else {
                        2
                    }
                }
                (Class::LatinLetter, false) => {
                    if arabic_candidate {
                        -1
                    } else {
                        0
                    }
                }
                (Class::Symbol, _) => 0,
                (Class::Control, _) => -4,
                (Class::Unmapped, _) => -6,
            };
        }
    }
    let mut best = 0;
    for (i, score) in scores.iter().enumerate() {
        if *score > scores[best] {
            best = i;
        }
    }
    candidates.get(best).map_or(WINDOWS_1256, |(enc, _)| *enc)
}

// ---------------------------------------------------------------------------------------------
// The WHATWG prescan for <meta> declarations

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// Position of `needle` in `haystack`, if any.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Scans the first [`PRESCAN_LEN`] bytes for a `<meta>` charset declaration, following the
/// WHATWG "prescan a byte stream to determine its encoding" algorithm. A declared UTF-16 means
/// UTF-8 and x-user-defined means windows-1252, as in the standard; "replacement" is ignored.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    prescan_within(bytes, PRESCAN_LEN)
}

/// How far a late declaration is looked for: a `<meta charset>` after the first 1024 bytes
/// (behind long scripts or comments) is still the page's word, as a browser's parser honours it
/// when it reaches the tag.
const LATE_PRESCAN_LEN: usize = 64 * 1024;

/// The prescan over the first `len` bytes.
fn prescan_within(bytes: &[u8], len: usize) -> Option<&'static Encoding> {
    let buf = bytes.get(..len).unwrap_or(bytes);
    let mut pos = 0;
    while pos < buf.len() {
        let rest = buf.get(pos..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            // The closing "-->" may share its dashes with the opening one, as in "<!-->".
            let from = pos + 2;
            pos = from + find(buf.get(from..).unwrap_or_default(), b"-->")? + 3;
            continue;
        }
        if rest.len() > 5 && rest[..5].eq_ignore_ascii_case(b"<meta") && (is_space(rest[5]) || rest[5] == b'/') {
            pos += 5;
            if let Some(encoding) = meta_charset(buf, &mut pos)? {
                return Some(encoding);
            }
            pos += 1;
            continue;
        }
        let second = rest.get(1).copied();
        let third = rest.get(2).copied();
        let tag_start = rest.first() == Some(&b'<')
            && (second.is_some_and(|b| b.is_ascii_alphabetic())
                || (second == Some(b'/') && third.is_some_and(|b| b.is_ascii_alphabetic())));
        if tag_start {
            // Skip the tag name, then its attributes.
            pos += 1;
            while buf.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            while get_attribute(buf, &mut pos)?.is_some() {}
            pos += 1;
            continue;
        }
        if rest.first() == Some(&b'<') && matches!(second, Some(b'!' | b'/' | b'?')) {
            pos += find(rest, b">")? + 1;
            continue;
        }
        pos += 1;
    }
    None
}

/// Reads the attributes of a `<meta>` tag starting at `pos` and applies the WHATWG rules.
/// Returns `None` when the input ran out (the prescan stops), `Some(None)` when this tag does
/// not declare a usable encoding.
fn meta_charset(buf: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    // Outer `None`: no charset yet; `Some(None)`: a charset attribute with an unknown label.
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = get_attribute(buf, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" => {
                if charset.is_none()
                    && let Some(enc) = charset_from_meta_content(&value)
                {
                    charset = Some(Some(enc));
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let usable = match (need_pragma, charset) {
        (None, _) | (_, None) | (_, Some(None)) => None,
        (Some(true), _) if !got_pragma => None,
        (_, Some(Some(enc))) => Some(enc),
    };
    Some(usable.and_then(|enc| {
        if enc == UTF_16LE || enc == UTF_16BE {
            Some(UTF_8)
        } else if enc == X_USER_DEFINED {
            Some(WINDOWS_1252)
        } else if enc == REPLACEMENT {
            None
        } else {
            Some(enc)
        }
    }))
}

/// A lower-cased attribute name and value from the prescan.
type Attribute = (Vec<u8>, Vec<u8>);

/// The WHATWG "get an attribute" step of the prescan. Names and values are lower-cased.
/// Returns `None` when the input ran out, `Some(None)` at the end of the tag (`pos` left on the
/// `>`), otherwise the attribute with `pos` just past it.
fn get_attribute(buf: &[u8], pos: &mut usize) -> Option<Option<Attribute>> {
    while is_space(*buf.get(*pos)?) || buf.get(*pos) == Some(&b'/') {
        *pos += 1;
    }
    if *buf.get(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = *buf.get(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(b) {
            while is_space(*buf.get(*pos)?) {
                *pos += 1;
            }
            if *buf.get(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value.
    while is_space(*buf.get(*pos)?) {
        *pos += 1;
    }
    let first = *buf.get(*pos)?;
    if first == b'"' || first == b'\'' {
        *pos += 1;
        loop {
            let b = *buf.get(*pos)?;
            *pos += 1;
            if b == first {
                return Some(Some((name, value)));
            }
            value.push(b.to_ascii_lowercase());
        }
    }
    if first == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let b = *buf.get(*pos)?;
        if is_space(b) || b == b'>' {
            return Some(Some((name, value)));
        }
        value.push(b.to_ascii_lowercase());
        *pos += 1;
    }
}

/// The WHATWG "extract a character encoding from a meta element" algorithm, applied to an
/// already lower-cased `content` value such as `text/html; charset=windows-1256`.
fn charset_from_meta_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        pos += find(content.get(pos..)?, b"charset")? + b"charset".len();
        let mut p = pos;
        while content.get(p).is_some_and(|&b| is_space(b)) {
            p += 1;
        }
        if content.get(p) != Some(&b'=') {
            continue;
        }
        p += 1;
        while content.get(p).is_some_and(|&b| is_space(b)) {
            p += 1;
        }
        let rest = content.get(p..)?;
        let first = *rest.first()?;
        let label = if first == b'"' || first == b'\'' {
            let inner = rest.get(1..)?;
            inner.get(..inner.iter().position(|&b| b == first)?)?
        } else {
            let end = rest.iter().position(|&b| is_space(b) || b == b';').unwrap_or(rest.len());
            rest.get(..end)?
        };
        return Encoding::for_label(label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC_PAGE: &str = "<html><body><p>السلام عليكم ورحمة الله وبركاته، هذا خبر عاجل من \
        القاهرة عن ارتفاع أسعار المواد الغذائية في الأسواق المحلية.</p></body></html>";
    const ARABIC_TEXT: &str = "السلام عليكم ورحمة الله";

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "test text must be representable");
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = Vec::new();
        for unit in text.encode_utf16() {
            let pair = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            out.extend_from_slice(&pair);
        }
        out
    }

    /// A page declaring `charset` in a `<head>` made of `head_markup`.
    fn page(head_markup: &str) -> String {
        format!("<html><head>{head_markup}<title>خبر</title></head><body><p>{ARABIC_TEXT}</p></body></html>")
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(ARABIC_PAGE.as_bytes());
        let d = decode(&bytes, Some("windows-1256"));
        assert_eq!(d.source, Source::Bom);
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, ARABIC_PAGE);
        assert!(!d.had_errors);
    }

    #[test]
    fn utf16le_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(utf16(ARABIC_PAGE, false));
        let d = decode(&bytes, None);
        assert_eq!(d.source, Source::Bom);
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, ARABIC_PAGE);
    }

    #[test]
    fn utf16be_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(utf16(ARABIC_PAGE, true));
        let d = decode(&bytes, Some("text/html; charset=iso-8859-1"));
        assert_eq!(d.source, Source::Bom);
        assert_eq!(d.encoding, UTF_16BE);
        assert_eq!(d.text, ARABIC_PAGE);
    }

    #[test]
    fn hint_content_type_wins_over_meta() {
        let text = page(r#"<meta charset="iso-8859-6">"#);
        let bytes = encode(WINDOWS_1256, &text);
        let d = decode(&bytes, Some("text/html; charset=windows-1256"));
        assert_eq!(d.source, Source::Hint);
        assert_eq!(d.encoding, WINDOWS_1256);
        assert_eq!(d.text, text);
        assert!(!d.had_errors);
    }

    #[test]
    fn hint_bare_label_and_unknown_label() {
        let bytes = encode(WINDOWS_1256, ARABIC_PAGE);
        let d = decode(&bytes, Some("cp1256"));
        assert_eq!((d.source, d.encoding), (Source::Hint, WINDOWS_1256));
        assert_eq!(d.text, ARABIC_PAGE);
        // An unknown label is no hint at all: detection takes over.
        let d = decode(&bytes, Some("text/html; charset=no-such-thing"));
        assert_eq!((d.source, d.encoding), (Source::Detected, WINDOWS_1256));
    }

    #[test]
    fn charset_from_content_type_variants() {
        let cases: [(&str, Option<&'static Encoding>); 10] = [
            ("text/html; charset=windows-1256", Some(WINDOWS_1256)),
            ("text/html;charset=\"UTF-8\"", Some(UTF_8)),
            ("text/html; Charset='ISO-8859-6'", Some(ISO_8859_6)),
            ("text/html; boundary=x; charset = cp1256 ", Some(WINDOWS_1256)),
            ("charset=utf-8", Some(UTF_8)),
            ("  windows-1252 ", Some(WINDOWS_1252)),
            ("text/html", None),
            ("", None),
            ("text/html; charset=", None),
            ("text/html; charset=bogus", None),
        ];
        for (value, expected) in cases {
            assert_eq!(charset_from_content_type(value), expected, "{value:?}");
        }
    }

    #[test]
    fn meta_charset_quoted() {
        let text = page(r#"<meta charset="windows-1256">"#);
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1256));
        assert_eq!(d.text, text);
    }

    #[test]
    fn meta_charset_unquoted_and_uppercase() {
        let text = page("<META CHARSET=Windows-1256>");
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1256));
        assert_eq!(d.text, text);
    }

    #[test]
    fn meta_http_equiv_both_orders() {
        for markup in [
            r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">"#,
            r#"<meta content='text/html; CHARSET="iso-8859-6"' http-equiv='content-type' />"#,
            "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1256\">",
        ] {
            let expected = if markup.contains("8859") { ISO_8859_6 } else { WINDOWS_1256 };
            let text = page(markup);
            let d = decode(&encode(expected, &text), None);
            assert_eq!((d.source, d.encoding), (Source::Meta, expected), "{markup}");
            assert_eq!(d.text, text);
        }
    }

    #[test]
    fn meta_content_without_pragma_is_ignored() {
        // A content attribute only counts together with http-equiv=content-type.
        let text = page(r#"<meta name="x" content="text/html; charset=iso-8859-6">"#);
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Detected, WINDOWS_1256));
    }

    #[test]
    fn meta_inside_comment_is_ignored() {
        let text = page(r#"<!-- <meta charset="iso-8859-6"> --><meta charset="windows-1256">"#);
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1256));
        assert_eq!(d.text, text);
    }

    #[test]
    fn meta_in_attribute_value_is_ignored() {
        let text = page(r#"<div title="<meta charset=iso-8859-6>"></div><meta charset=windows-1256>"#);
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1256));
    }

    #[test]
    fn late_meta_is_honoured_and_one_past_64k_is_not() {
        // After 1024 bytes (a long comment or script first), within 64 KiB: the page's word.
        let filler = format!("<!-- {} -->", "x".repeat(1100));
        let text = page(&format!(r#"{filler}<meta charset="windows-1256">"#));
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1256));
        assert_eq!(d.text, text);
        // Past 64 KiB: detection decides.
        let filler = format!("<!-- {} -->", "x".repeat(70_000));
        let text = page(&format!(r#"{filler}<meta charset="iso-8859-6">"#));
        let d = decode(&encode(WINDOWS_1256, &text), None);
        assert_eq!((d.source, d.encoding), (Source::Detected, WINDOWS_1256));
        assert_eq!(d.text, text);
    }

    #[test]
    fn meta_utf16_means_utf8_and_x_user_defined_means_1252() {
        let text = page(r#"<meta charset="utf-16le">"#);
        let d = decode(text.as_bytes(), None);
        assert_eq!((d.source, d.encoding), (Source::Meta, UTF_8));
        assert_eq!(d.text, text);
        let d = decode(b"<meta charset=x-user-defined><p>caf\xE9</p>", None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1252));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn meta_replacement_label_is_ignored() {
        let text = page(r#"<meta charset="iso-2022-kr">"#);
        let d = decode(text.as_bytes(), None);
        assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8));
        assert_eq!(d.text, text);
    }

    #[test]
    fn wrong_latin_declaration_on_utf8_is_overruled() {
        let text = page(r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">"#);
        let d = decode(text.as_bytes(), None);
        assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8));
        assert_eq!(d.text, text);
        // The same for a wrong HTTP header.
        let d = decode(text.as_bytes(), Some("text/html; charset=windows-1252"));
        assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8));
        // Pure ASCII gives no reason to doubt the declaration.
        let d = decode(b"<meta charset=windows-1252><p>plain</p>", None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1252));
    }

    #[test]
    fn wrong_utf16_hint_on_ascii_is_overruled() {
        let d = decode(b"<html><p>hello</p></html>", Some("utf-16le"));
        assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8));
        assert_eq!(d.text, "<html><p>hello</p></html>");
    }

    #[test]
    fn undeclared_windows_1256() {
        let bytes = encode(WINDOWS_1256, ARABIC_PAGE);
        let d = decode(&bytes, None);
        assert_eq!((d.source, d.encoding), (Source::Detected, WINDOWS_1256));
        assert_eq!(d.text, ARABIC_PAGE);
        assert!(!d.had_errors);
    }

    #[test]
    fn undeclared_short_windows_1256() {
        let bytes = encode(WINDOWS_1256, "<p>السلام عليكم</p>");
        let d = decode(&bytes, None);
        assert_eq!(d.encoding, WINDOWS_1256);
        assert_eq!(d.text, "<p>السلام عليكم</p>");
    }

    #[test]
    fn undeclared_iso_8859_6() {
        let bytes = encode(ISO_8859_6, ARABIC_PAGE);
        let d = decode(&bytes, None);
        assert_eq!((d.source, d.encoding), (Source::Detected, ISO_8859_6));
        assert_eq!(d.text, ARABIC_PAGE);
    }

    #[test]
    fn undeclared_short_iso_8859_6() {
        let text = "<p>يوم وهو يقول</p>";
        let d = decode(&encode(ISO_8859_6, text), None);
        assert_eq!(d.encoding, ISO_8859_6);
        assert_eq!(d.text, text);
    }

    #[test]
    fn undeclared_utf8() {
        let d = decode(ARABIC_PAGE.as_bytes(), None);
        assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8));
        assert_eq!(d.text, ARABIC_PAGE);
        assert!(!d.had_errors);
    }

    #[test]
    fn undeclared_ascii_defaults_to_utf8() {
        let d = decode(b"<html><p>Hello</p></html>", None);
        assert_eq!((d.source, d.encoding), (Source::Utf8Default, UTF_8));
        assert_eq!(d.text, "<html><p>Hello</p></html>");
    }

    #[test]
    fn undeclared_latin_windows_1252() {
        for text in [
            "<p>Le café était très fréquenté à l'été, déjà complet.</p>",
            "<p>Die Straße für Größe und Übermäßig schön – “gut”.</p>",
        ] {
            let d = decode(&encode(WINDOWS_1252, text), None);
            assert_eq!((d.source, d.encoding), (Source::Detected, WINDOWS_1252), "{text}");
            assert_eq!(d.text, text);
        }
    }

    #[test]
    fn mixed_arabic_and_latin_windows_1256() {
        let text = "<p>Reuters - رويترز: café وزارة الخارجية أعلنت اليوم</p>";
        let d = decode(&encode(WINDOWS_1256, text), None);
        assert_eq!(d.encoding, WINDOWS_1256);
        assert_eq!(d.text, text);
    }

    #[test]
    fn mostly_utf8_with_damaged_bytes() {
        let mut bytes = ARABIC_PAGE.as_bytes().to_vec();
        // After a whole character, so the Arabic text itself stays intact.
        bytes.insert(15 + ARABIC_TEXT.len(), 0xFF);
        bytes.extend_from_slice(b"\xC3\x28 tail");
        let d = decode(&bytes, None);
        assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8));
        assert!(d.had_errors);
        assert!(d.text.contains(ARABIC_TEXT));
    }

    #[test]
    fn binary_check_counts_as_characters_would() {
        // The same verdict as counting characters, on text made of every kind of byte run.
        let reference = |text: &str| {
            let (mut chars, mut bad) = (0usize, 0usize);
            for c in text.chars() {
                chars += 1;
                let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C');
                bad += usize::from(control || c == '\u{FFFD}');
            }
            bad >= 16 && bad * BINARY_SHARE >= chars
        };
        let bits = [
            "a",
            "\n",
            "\t",
            "\u{1}",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "\u{fffd}",
            "\u{feff}",
            "\u{fb50}",
            "ب",
            "x".repeat(70).leak(),
        ];
        let (mut seed, mut binary) = (0x2545_f491_4f6c_dd1du64, 0);
        for _ in 0..2_000 {
            let mut text = String::new();
            let want = 1 + (seed % 400) as usize;
            while text.len() < want {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(bits[(seed % bits.len() as u64) as usize]);
            }
            assert_eq!(looks_binary(&text), reference(&text), "{text:?}");
            binary += usize::from(reference(&text));
        }
        assert!((200..1_800).contains(&binary), "both verdicts tested: {binary} binary");
    }

    #[test]
    fn binary_data_is_told_from_pages() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let random: Vec<u8> = (0..20_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 56) as u8
            })
            .collect();
        let gzip = [b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03".as_slice(), &random].concat();
        let elf = [b"\x7fELF\x02\x01\x01\x00".as_slice(), &[0u8; 64], &random].concat();
        for bytes in [&random, &gzip, &elf] {
            assert!(looks_binary(&decode(bytes, None).text));
            assert!(looks_binary(&decode(bytes, Some("utf-8")).text));
        }
        assert!(!looks_binary(&page("")));
        assert!(!looks_binary(&decode(&encode(WINDOWS_1256, &page("")), None).text));
        // A few damaged bytes in a page do not make it binary.
        let mut damaged = page("").repeat(20).into_bytes();
        damaged.extend_from_slice(b"\xFF\x00\x01\x02\x80");
        assert!(!looks_binary(&decode(&damaged, None).text));
    }

    #[test]
    fn stale_multi_byte_declaration_on_utf8_is_overruled() {
        for label in ["gb2312", "shift_jis", "euc-kr", "big5", "windows-1256"] {
            let d = decode(page(&format!("<meta charset={label}>")).as_bytes(), None);
            assert_eq!((d.source, d.encoding), (Source::Detected, UTF_8), "{label}");
            assert!(d.text.contains(ARABIC_TEXT));
        }
    }

    #[test]
    fn windows_1256_served_as_utf8_is_detected() {
        let bytes = encode(WINDOWS_1256, &page(""));
        for hint in [Some("text/html; charset=utf-8"), None] {
            let with_meta = [b"<meta charset=utf-8>".as_slice(), &bytes].concat();
            let d = decode(&with_meta, hint);
            assert_eq!((d.source, d.encoding), (Source::Detected, WINDOWS_1256), "{hint:?}");
            assert!(d.text.contains(ARABIC_TEXT));
        }
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        for big_endian in [false, true] {
            let d = decode(&utf16(&page(""), big_endian), None);
            let expected = if big_endian { UTF_16BE } else { UTF_16LE };
            assert_eq!((d.source, d.encoding), (Source::Detected, expected));
            assert!(d.text.contains(ARABIC_TEXT));
        }
    }

    #[test]
    fn invalid_utf8_under_utf8_declaration_reports_errors() {
        let d = decode(b"<meta charset=utf-8><p>\xFF\xFE\x80ok</p>", None);
        assert_eq!((d.source, d.encoding), (Source::Meta, UTF_8));
        assert!(d.had_errors);
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn empty_input() {
        let d = decode(b"", None);
        assert_eq!((d.source, d.encoding), (Source::Utf8Default, UTF_8));
        assert!(d.text.is_empty());
        assert!(!d.had_errors);
        let d = decode(b"", Some("windows-1256"));
        assert_eq!((d.source, d.encoding), (Source::Hint, WINDOWS_1256));
        assert!(d.text.is_empty());
    }

    #[test]
    fn nul_becomes_replacement_character() {
        let d = decode(b"<p>a\0b</p>", None);
        assert_eq!(d.text, "<p>a\u{FFFD}b</p>");
        let d = decode(b"<p>\xC7\xE1\0</p>", Some("windows-1256"));
        assert_eq!(d.text, "<p>ال\u{FFFD}</p>");
    }

    #[test]
    fn double_bom_is_stripped_once_more() {
        let d = decode(b"\xEF\xBB\xBF\xEF\xBB\xBF<p>x</p>", None);
        assert_eq!(d.text, "<p>x</p>");
    }

    #[test]
    fn truncated_and_odd_prescan_inputs() {
        for bytes in [
            &b"<meta"[..],
            b"<meta charset=\"windows-1256",
            b"<meta charset",
            b"<!--",
            b"<!-->",
            b"</",
            b"<a href='",
            b"<meta content=\"charset=\" http-equiv=content-type>",
            b"<meta charset=utf-8 charset=windows-1256>\xC3\xA9",
            b"<?xml version='1.0'?><meta charset=windows-1256>\xC7\xE1",
        ] {
            let d = decode(bytes, None);
            assert!(d.text.len() <= bytes.len() * 3);
        }
        let d = decode(b"<meta charset=utf-8 charset=windows-1256>\xC3\xA9", None);
        assert_eq!((d.source, d.encoding), (Source::Meta, UTF_8));
        let d = decode(b"<?xml version='1.0'?><meta charset=windows-1256>\xC7\xE1", None);
        assert_eq!((d.source, d.encoding), (Source::Meta, WINDOWS_1256));
        assert!(d.text.ends_with("ال"));
    }

    #[test]
    fn random_garbage_does_not_panic() {
        // A small xorshift generator: deterministic, no dependencies.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"<>!-/=\"' \tmetaMETAcharsethttp-equivcontent;utf-16";
        for round in 0..300 {
            let len = (next() % 3000) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if round % 2 == 0 { r as u8 } else { alphabet[(r as usize) % alphabet.len()] }
                })
                .collect();
            let d = decode(&bytes, None);
            assert!(!d.text.contains('\0'));
            let _ = decode(&bytes, Some("utf-16be"));
            let _ = decode(&bytes, Some(&String::from_utf8_lossy(&bytes[..len.min(40)])));
        }
    }

    #[test]
    fn large_input_is_linear() {
        let unit = encode(WINDOWS_1256, ARABIC_PAGE);
        let mut bytes = Vec::with_capacity(50 * 1024 * 1024 + unit.len());
        while bytes.len() < 50 * 1024 * 1024 {
            bytes.extend_from_slice(&unit);
        }
        let start = std::time::Instant::now();
        let d = decode(&bytes, None);
        assert_eq!(d.encoding, WINDOWS_1256);
        assert!(start.elapsed().as_secs() < 20);
        // Valid UTF-8 of the same size.
        let big = ARABIC_PAGE.repeat(50 * 1024 * 1024 / ARABIC_PAGE.len());
        let d = decode(big.as_bytes(), None);
        assert_eq!(d.encoding, UTF_8);
    }
}
