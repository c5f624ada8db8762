//! Publication dates: the [`Date`] type and pure parsers for the places a news page states its
//! date.
//!
//! * machine values (`datetime` attributes, meta tags, JSON-LD): ISO 8601, compact `YYYYMMDD`,
//!   `YYYY/MM/DD` and RFC 2822 (`parse_iso`);
//! * the visible date line, in Arabic (Egyptian/Gulf, Levantine, Maghrebi and Moroccan month
//!   names), Hijri, Persian (Gregorian and Solar Hijri months), English and French, or numeric
//!   (`parse_text`);
//! * article URLs (`from_url`);
//! * relative expressions such as "منذ 3 ساعات" or "yesterday" (`parse_relative`).
//!
//! Human text is matched on its folded form (the same folding as `crate::normalize::fold`:
//! harakat, tatweel and bidi marks dropped, alef forms unified, ى→ي, ة→ه, Arabic-Indic and
//! Persian digits turned ASCII, Latin lower-cased), while a folded-to-original offset map keeps
//! the page's own characters for [`Date::raw`]. Text scanning is a single tokenising pass with
//! bounded look-ahead per token, so the cost stays linear in the input length.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::{Date, days_from_civil};
use crate::normalize::{
    CharInfo, ascii_digits, char_info, collapse_ws, fold, fold_char, is_alpha, is_diacritic, is_invisible,
};

/// Largest accepted UTC offset, in minutes (±18:00, the ISO 8601 / java.time bound).
const MAX_OFFSET_MINUTES: u16 = 18 * 60;
/// Gregorian years accepted in visible text and URLs.
const GREG_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;
/// Lunar Hijri years accepted in visible text (1300 AH ≈ 1882, 1600 AH ≈ 2174).
const HIJRI_YEARS: std::ops::RangeInclusive<u32> = 1300..=1600;
/// Solar Hijri years accepted in visible text: the span where the 33-year leap rule used by
/// [`solar_hijri_to_gregorian`] agrees with the official Iranian calendar.
const SOLAR_YEARS: std::ops::RangeInclusive<u32> = 1300..=1470;

// ---------------------------------------------------------------------------------------------
// The date type
// ---------------------------------------------------------------------------------------------

impl Date {
    /// A date with no time, offset or raw text, or `None` unless `year` is in `1..=9999`,
    /// `month` in `1..=12` and `day` exists in that month (leap years included).
    pub(crate) fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day, time: None, offset_minutes: None, raw: String::new() })
    }

    /// Sets the time (dropped when out of range) and the offset (kept only with a valid time and
    /// within ±18 hours).
    fn with_time(mut self, time: Option<(u8, u8, u8)>, offset: Option<i16>) -> Date {
        self.time = time.filter(|&(h, m, s)| h < 24 && m < 60 && s < 60);
        self.offset_minutes = match self.time {
            Some(_) => offset.filter(|o| o.unsigned_abs() <= MAX_OFFSET_MINUTES),
            None => None,
        };
        self
    }

    /// Sets the raw text (trimmed).
    fn with_raw(mut self, raw: &str) -> Date {
        self.raw = raw.trim().to_owned();
        self
    }

    /// Days since 1970-01-01.
    fn day_number(&self) -> i64 {
        days_from_civil(i64::from(self.year), i64::from(self.month), i64::from(self.day))
    }

    /// The date `z` days after 1970-01-01, if its year is in `1..=9999`.
    fn from_day_number(z: i64) -> Option<Date> {
        let (y, m, d) = civil_from_day_number(z)?;
        Date::new(y, m, d)
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic
// ---------------------------------------------------------------------------------------------

fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a Gregorian month; 0 for a month outside `1..=12`.
fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Inverse of [`days_from_civil`], for day numbers whose year lies in `1..=9999`.
fn civil_from_day_number(z: i64) -> Option<(i32, u8, u8)> {
    // Year 1 starts at day -719162 and year 10000 at 2932897: refuse anything far outside so
    // that the arithmetic below cannot overflow.
    if !(-800_000..=3_000_000).contains(&z) {
        return None;
    }
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let m = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    Some((i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?))
}

/// Day number of 1 Muharram 1 AH in the civil ("Friday") reckoning: 16 July 622 Julian, which is
/// 19 July 622 proleptic Gregorian.
const HIJRI_EPOCH: i64 = days_from_civil(622, 7, 19);

/// Converts a lunar Hijri date to the Gregorian calendar using the tabular (arithmetical)
/// Islamic calendar with the civil epoch (1 Muharram 1 AH = 16 July 622 Julian) and the common
/// leap-year set 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle.
///
/// Months alternate 30 and 29 days (Dhu al-Hijjah has 30 in leap years). Real calendars (Umm
/// al-Qura, moon sighting) follow the moon, so the result may differ from the date printed
/// alongside by ±1 day, rarely 2. Day 30 is accepted in every month (observed months can have
/// 30 days where the table has 29); it then counts as the day after the 29th.
///
/// Returns `None` for a month outside `1..=12`, a day outside `1..=30`, a year below 1, or a
/// result outside Gregorian years `1..=9999`.
pub(crate) fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<(i32, u8, u8)> {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=30).contains(&d) {
        return None;
    }
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    // Leap days before year y, plus the elapsed month lengths ceil(29.5 * (m - 1)).
    let leap_days = (11 * y + 3) / 30;
    let month_days = (59 * (m - 1) + 1) / 2;
    let z = HIJRI_EPOCH + (y - 1) * 354 + leap_days + month_days + d - 1;
    let date = Date::from_day_number(z)?;
    Some((date.year, date.month, date.day))
}

/// True when Solar Hijri year `y` has a 30-day Esfand, by the 33-year cycle rule (matches the
/// official calendar for the years in [`SOLAR_YEARS`]).
fn solar_hijri_is_leap(y: i64) -> bool {
    matches!(y.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

/// Converts a Solar Hijri (Iranian) date to Gregorian, for years in [`SOLAR_YEARS`]. Anchored
/// on 1 Farvardin 1400 = 21 March 2021 and walked year by year with the 33-year leap rule.
fn solar_hijri_to_gregorian(y: u32, m: u8, d: u8) -> Option<(i32, u8, u8)> {
    if !SOLAR_YEARS.contains(&y) {
        return None;
    }
    let y = i64::from(y);
    let month_len: u8 = match m {
        1..=6 => 31,
        7..=11 => 30,
        12 if solar_hijri_is_leap(y) => 30,
        12 => 29,
        _ => return None,
    };
    if d == 0 || d > month_len {
        return None;
    }
    let mut nowruz = days_from_civil(2021, 3, 21);
    let mut year = 1400;
    while year < y {
        nowruz += 365 + i64::from(solar_hijri_is_leap(year));
        year += 1;
    }
    while year > y {
        year -= 1;
        nowruz -= 365 + i64::from(solar_hijri_is_leap(year));
    }
    let m = i64::from(m);
    let before = if m <= 7 { (m - 1) * 31 } else { 186 + (m - 7) * 30 };
    let date = Date::from_day_number(nowruz + before + i64::from(d) - 1)?;
    Some((date.year, date.month, date.day))
}

// ---------------------------------------------------------------------------------------------
// Machine dates
// ---------------------------------------------------------------------------------------------

/// ISO 8601 and its relatives: `2021-07-20`, `2021/07/20`, `20210720`, each optionally followed by
/// a time (`T` or spaces, optional colons, seconds, fraction) and a zone (`Z`, `UTC`, `GMT`,
/// `+02`, `+0200`, `+02:00`).
static ISO_RE: Lazy<Option<Regex>> = Lazy::new(|| {
    Regex::new(
        r"(?i)^([0-9]{4})(?:([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})|([0-9]{2})([0-9]{2}))(?:(?:\s*t\s*|\s+)([0-9]{1,2}):?([0-9]{2})(?::?([0-9]{2})(?:[.,][0-9]{1,9})?)?)?\s*(z|utc|gmt|[+-][0-9]{2}(?::?[0-9]{2})?)?$",
    )
    .ok()
});

/// RFC 2822 / RFC 1123: `Tue, 20 Jul 2021 14:14:00 GMT`, `20 Jul 2021 14:14 +0200`.
static RFC2822_RE: Lazy<Option<Regex>> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{2,9}\.?,?\s*)?([0-9]{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+([0-9]{4})(?:[\s,]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?(?:\s*([a-z]{1,5}|[+-][0-9]{4}|[+-][0-9]{2}:[0-9]{2}))?(?:\s*\([^)]*\))?$",
    )
    .ok()
});

/// JavaScript `Date.toString()` and US style: `Tue Jul 20 2021 14:14:00 GMT+0200 (…)`,
/// `July 20, 2021 14:14`.
static MONTH_FIRST_RE: Lazy<Option<Regex>> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:[a-z]{2,9}\.?,?\s+)?([a-z]{3,9})\.?\s+([0-9]{1,2}),?\s+([0-9]{4})(?:,?\s+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?(?:\s*(?:gmt|utc)?\s*([+-][0-9]{2}:?[0-9]{2})?)?(?:\s*\([^)]*\))?$",
    )
    .ok()
});

/// Parses a machine-readable date as found in `datetime` attributes, meta tags and JSON-LD:
/// ISO 8601 (`2021-07-20T14:14:00+02:00`, `2021-07-20 14:14`, `2021-07-20T12:14:00Z`,
/// `2021-07-20T14:14:00.000+0200`, basic `20210720T141400Z`), `20210720`, `2021/07/20`,
/// RFC 2822 (`Tue, 20 Jul 2021 14:14:00 GMT`) and JavaScript's `Date.toString()` form.
///
/// The whole (trimmed) value must be a date; bidi marks are ignored and Arabic-Indic digits are
/// accepted. Any valid date in years `1..=9999` is returned (no plausibility window: the caller
/// decides). Partial dates (`2021-07`) give `None`.
pub(crate) fn parse_iso(s: &str) -> Option<Date> {
    let clean: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    let clean = ascii_digits(clean.trim());
    if clean.is_empty() || clean.len() > 200 {
        return None;
    }
    let date = iso_parts(&clean).or_else(|| rfc2822_parts(&clean)).or_else(|| month_first_parts(&clean))?;
    Some(date.with_raw(s))
}

fn cap_u8(caps: &regex::Captures<'_>, i: usize) -> Option<u8> {
    caps.get(i)?.as_str().parse().ok()
}

fn iso_parts(s: &str) -> Option<Date> {
    let caps = ISO_RE.as_ref()?.captures(s)?;
    let year: i32 = caps.get(1)?.as_str().parse().ok()?;
    let (month, day) = if caps.get(2).is_some() {
        if caps.get(2)?.as_str() != caps.get(4)?.as_str() {
            return None;
        }
        (cap_u8(&caps, 3)?, cap_u8(&caps, 5)?)
    } else {
        (cap_u8(&caps, 6)?, cap_u8(&caps, 7)?)
    };
    let date = Date::new(year, month, day)?;
    let time = match (cap_u8(&caps, 8), cap_u8(&caps, 9)) {
        (Some(h), Some(m)) => Some((h, m, cap_u8(&caps, 10).unwrap_or(0))),
        _ => None,
    };
    if caps.get(8).is_some() && time.is_some_and(|(h, m, s)| h > 23 || m > 59 || s > 59) {
        return None;
    }
    let offset = caps.get(11).and_then(|z| zone_offset(z.as_str()));
    Some(date.with_time(time, offset))
}

fn rfc2822_parts(s: &str) -> Option<Date> {
    let caps = RFC2822_RE.as_ref()?.captures(s)?;
    let day = cap_u8(&caps, 1)?;
    let month = english_month(caps.get(2)?.as_str())?;
    let year: i32 = caps.get(3)?.as_str().parse().ok()?;
    clock_and_zone(Date::new(year, month, day)?, &caps, 4)
}

fn month_first_parts(s: &str) -> Option<Date> {
    let caps = MONTH_FIRST_RE.as_ref()?.captures(s)?;
    let month = english_month(caps.get(1)?.as_str())?;
    let day = cap_u8(&caps, 2)?;
    let year: i32 = caps.get(3)?.as_str().parse().ok()?;
    clock_and_zone(Date::new(year, month, day)?, &caps, 4)
}

/// Reads hour, minute, optional second and zone from capture groups `first..first + 4`.
fn clock_and_zone(date: Date, caps: &regex::Captures<'_>, first: usize) -> Option<Date> {
    let Some(h) = cap_u8(caps, first) else {
        return Some(date);
    };
    let m = cap_u8(caps, first + 1)?;
    let s = cap_u8(caps, first + 2).unwrap_or(0);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let offset = caps.get(first + 3).and_then(|z| zone_offset(z.as_str()));
    Some(date.with_time(Some((h, m, s)), offset))
}

/// English month name or abbreviation (first three letters decide) to its number.
fn english_month(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let key = lower.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    // Reject words that merely start like a month ("marble", "decade").
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL.get(usize::from(m) - 1)?;
    (full.starts_with(lower.as_str()) || lower == "sept").then_some(m)
}

/// A zone designator: `Z`, `UTC`, `GMT`, `UT`, North American abbreviations, `+02`, `+0200`,
/// `+02:00`. Unknown names give `None`.
fn zone_offset(z: &str) -> Option<i16> {
    let lower = z.to_ascii_lowercase();
    let named = match lower.as_str() {
        "z" | "utc" | "gmt" | "ut" => Some(0),
        "est" => Some(-300),
        "edt" => Some(-240),
        "cst" => Some(-360),
        "cdt" => Some(-300),
        "mst" => Some(-420),
        "mdt" => Some(-360),
        "pst" => Some(-480),
        "pdt" => Some(-420),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let mut chars = lower.chars();
    let sign: i16 = match chars.next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = chars.filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i16>().ok()?, 0),
        4 => (digits.get(..2)?.parse::<i16>().ok()?, digits.get(2..)?.parse::<i16>().ok()?),
        _ => return None,
    };
    if h > 18 || m > 59 {
        return None;
    }
    Some(sign * (h * 60 + m))
}

// ---------------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------------

/// `/2021/07/20/`, `/2021-7-20-`, `_2021_07_20`: year, month, day with separators.
static URL_YMD_RE: Lazy<Option<Regex>> = Lazy::new(|| {
    // One section name may sit between the year and the month: `/2013/middle_east/8/3/`.
    Regex::new(r"(?:^|[/_.=-])((?:19|20)[0-9]{2})(?:/[a-z_-]{2,30})?[/_.-]([0-9]{1,2})[/_.-]([0-9]{1,2})(?:$|[^0-9])")
        .ok()
});

/// `/20210720/`: eight digits standing alone.
static URL_COMPACT_RE: Lazy<Option<Regex>> =
    Lazy::new(|| Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})(?:$|[^0-9])").ok());

/// `/20-07-2021/`: day first, dashes only.
static URL_DMY_RE: Lazy<Option<Regex>> =
    Lazy::new(|| Regex::new(r"(?:^|[/_=-])([0-9]{1,2})-([0-9]{1,2})-((?:19|20)[0-9]{2})(?:$|[^0-9])").ok());

/// Finds a full date in an article URL's path or query: `/2021/7/20/`, `/2021-07-20/`,
/// `/20210720/`, `/20-07-2021/`. Only complete dates count (`/2021/07/` gives `None`), years
/// must be in `1900..=2099`, and digits that continue a longer number are not read as dates.
/// The host name is ignored. [`Date::raw`] is the matched part of the URL.
pub(crate) fn from_url(url: &str) -> Option<Date> {
    let url = url.trim();
    // Skip "scheme://host" so a host name never contributes digits.
    let path = match url.find("://") {
        Some(i) => {
            let rest = url.get(i + 3..)?;
            rest.find('/').and_then(|j| rest.get(j..)).unwrap_or("")
        }
        None => url,
    };
    let path = path.get(..path.len().min(4096)).unwrap_or(path);
    let patterns: [(&Lazy<Option<Regex>>, [usize; 3]); 3] =
        [(&URL_YMD_RE, [1, 2, 3]), (&URL_DMY_RE, [3, 2, 1]), (&URL_COMPACT_RE, [1, 2, 3])];
    for (re, [yi, mi, di]) in patterns {
        let Some(re) = re.as_ref() else { continue };
        for caps in re.captures_iter(path) {
            let parts = (caps.get(yi), caps.get(mi), caps.get(di));
            let (Some(y), Some(m), Some(d)) = parts else {
                continue;
            };
            let (Ok(year), Ok(month), Ok(day)) =
                (y.as_str().parse::<i32>(), m.as_str().parse::<u8>(), d.as_str().parse::<u8>())
            else {
                continue;
            };
            if let Some(date) = Date::new(year, month, day) {
                let start = y.start().min(d.start());
                let end = y.end().max(d.end());
                return Some(date.with_raw(path.get(start..end).unwrap_or("")));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Folding with an offset map, and tokens
// ---------------------------------------------------------------------------------------------

/// Folded text plus, for each folded character, its byte offset in the folded text and the byte
/// range of the original character(s) it stands for.
struct Folded {
    text: String,
    map: Vec<(usize, usize, usize)>,
}

/// Folds like `normalize::fold` while remembering where each folded character came from.
/// Dropped harakat and tatweel extend the preceding character's range, so raw spans keep them.
fn fold_mapped(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map: Vec<(usize, usize, usize)> = Vec::with_capacity(s.len());
    let mut space = true;
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        match fold_char(c) {
            None => {
                if (is_diacritic(c) || c == '\u{0640}')
                    && let Some(last) = map.last_mut()
                    && !space
                {
                    last.2 = end;
                }
            }
            Some(' ') => {
                if !space {
                    map.push((text.len(), i, end));
                    text.push(' ');
                    space = true;
                }
            }
            Some(f) => {
                map.push((text.len(), i, end));
                text.push(f);
                space = false;
            }
        }
    }
    if text.ends_with(' ') {
        text.pop();
        map.pop();
    }
    Folded { text, map }
}

impl Folded {
    /// Original byte range for the folded byte range `start..end`.
    fn original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.map.get(self.map.partition_point(|e| e.0 < start))?;
        let last_idx = self.map.partition_point(|e| e.0 < end).checked_sub(1)?;
        let last = self.map.get(last_idx)?;
        (first.1 <= last.2).then_some((first.1, last.2))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// ASCII digits: saturated value and digit count.
    Num(u32, usize),
    /// A run of alphabetic characters.
    Word,
    /// Any other single character.
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == ' ' {
            continue;
        }
        let mut end = i + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            let mut val = c.to_digit(10).unwrap_or(0);
            let mut len = 1usize;
            while let Some(&(j, d)) = it.peek() {
                let Some(v) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                val = val.saturating_mul(10).saturating_add(v);
                len = len.saturating_add(1);
                end = j + 1;
                it.next();
            }
            Kind::Num(val, len)
        } else if is_alpha(c) {
            while let Some(&(j, d)) = it.peek() {
                if !is_alpha(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        toks.push(Tok { kind, text: text.get(i..end).unwrap_or(""), start: i, end });
    }
    toks
}

/// Token list with bounds-checked accessors.
struct Scan<'a> {
    toks: Vec<Tok<'a>>,
}

impl Scan<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.toks.get(i)?.kind {
            Kind::Num(v, l) => Some((v, l)),
            _ => None,
        }
    }

    /// A number of 1 or 2 digits.
    fn small(&self, i: usize) -> Option<u32> {
        self.num(i).filter(|&(_, l)| l <= 2).map(|(v, _)| v)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then_some(t.text)
    }

    fn word_in(&self, i: usize, set: &[String]) -> bool {
        self.word(i).is_some_and(|w| set.iter().any(|x| x == w))
    }

    /// True when token `i` ends exactly where token `i + 1` starts.
    fn touching(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// True when tokens `i - 2, i - 1` are a number and `sep` glued before token `i`.
    fn glued_after_number(&self, i: usize, sep: impl Fn(char) -> bool) -> bool {
        let (Some(p), Some(n)) = (i.checked_sub(1), i.checked_sub(2)) else {
            return false;
        };
        self.punct(p).is_some_and(sep) && self.touching(p) && self.num(n).is_some() && self.touching(n)
    }
}

/// Folds each phrase of a word list (so lists can be written with ordinary spelling).
fn folded(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| fold(w)).collect()
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cal {
    Gregorian,
    Hijri,
    Solar,
}

struct MonthName {
    words: Vec<String>,
    month: u8,
    cal: Cal,
}

static MONTHS: Lazy<Vec<MonthName>> = Lazy::new(|| {
    use Cal::{Gregorian as G, Hijri as H, Solar as S};
    let table: &[(&str, u8, Cal)] = &[
        // Egypt, Gulf, Sudan, Yemen (and Morocco for most).
        ("يناير", 1, G),
        ("فبراير", 2, G),
        ("مارس", 3, G),
        ("أبريل", 4, G),
        ("إبريل", 4, G),
        ("ابريل", 4, G),
        ("مايو", 5, G),
        ("يونيو", 6, G),
        ("يونيه", 6, G),
        ("يوليو", 7, G),
        ("يوليه", 7, G),
        ("أغسطس", 8, G),
        ("سبتمبر", 9, G),
        ("أكتوبر", 10, G),
        ("نوفمبر", 11, G),
        ("ديسمبر", 12, G),
        // Levant and Iraq.
        ("كانون الثاني", 1, G),
        ("كانون ثاني", 1, G),
        ("كانون 2", 1, G),
        ("شباط", 2, G),
        ("آذار", 3, G),
        ("نيسان", 4, G),
        ("أيار", 5, G),
        ("حزيران", 6, G),
        ("تموز", 7, G),
        ("آب", 8, G),
        ("أيلول", 9, G),
        ("تشرين الأول", 10, G),
        ("تشرين أول", 10, G),
        ("تشرين 1", 10, G),
        ("تشرين الثاني", 11, G),
        ("تشرين ثاني", 11, G),
        ("تشرين 2", 11, G),
        ("كانون الأول", 12, G),
        ("كانون أول", 12, G),
        ("كانون 1", 12, G),
        // Algeria and Tunisia.
        ("جانفي", 1, G),
        ("فيفري", 2, G),
        ("أفريل", 4, G),
        ("ماي", 5, G),
        ("جوان", 6, G),
        ("جويلية", 7, G),
        ("جويلييه", 7, G),
        ("أوت", 8, G),
        // Morocco.
        ("يوليوز", 7, G),
        ("غشت", 8, G),
        ("شتنبر", 9, G),
        ("نونبر", 11, G),
        ("دجنبر", 12, G),
        // Gregorian months in Persian script.
        ("ژانویه", 1, G),
        ("فوریه", 2, G),
        ("آوریل", 4, G),
        ("مه", 5, G),
        ("می", 5, G),
        ("ژوئن", 6, G),
        ("ژوئیه", 7, G),
        ("سپتامبر", 9, G),
        ("اکتبر", 10, G),
        ("نوامبر", 11, G),
        ("دسامبر", 12, G),
        // English.
        ("january", 1, G),
        ("jan", 1, G),
        ("february", 2, G),
        ("feb", 2, G),
        ("march", 3, G),
        ("mar", 3, G),
        ("april", 4, G),
        ("apr", 4, G),
        ("may", 5, G),
        ("june", 6, G),
        ("jun", 6, G),
        ("july", 7, G),
        ("jul", 7, G),
        ("august", 8, G),
        ("aug", 8, G),
        ("september", 9, G),
        ("sept", 9, G),
        ("sep", 9, G),
        ("october", 10, G),
        ("oct", 10, G),
        ("november", 11, G),
        ("nov", 11, G),
        ("december", 12, G),
        ("dec", 12, G),
        // French.
        ("janvier", 1, G),
        ("février", 2, G),
        ("fevrier", 2, G),
        ("mars", 3, G),
        ("avril", 4, G),
        ("mai", 5, G),
        ("juin", 6, G),
        ("juillet", 7, G),
        ("août", 8, G),
        ("aout", 8, G),
        ("septembre", 9, G),
        ("octobre", 10, G),
        ("novembre", 11, G),
        ("décembre", 12, G),
        ("decembre", 12, G),
        // German.
        ("januar", 1, G),
        ("jänner", 1, G),
        ("februar", 2, G),
        ("märz", 3, G),
        ("maerz", 3, G),
        ("juni", 6, G),
        ("juli", 7, G),
        ("oktober", 10, G),
        ("dezember", 12, G),
        // Spanish.
        ("enero", 1, G),
        ("febrero", 2, G),
        ("marzo", 3, G),
        ("abril", 4, G),
        ("mayo", 5, G),
        ("junio", 6, G),
        ("julio", 7, G),
        ("agosto", 8, G),
        ("septiembre", 9, G),
        ("setiembre", 9, G),
        ("octubre", 10, G),
        ("noviembre", 11, G),
        ("diciembre", 12, G),
        // Lunar Hijri.
        ("محرم", 1, H),
        ("المحرم", 1, H),
        ("صفر", 2, H),
        ("ربيع الأول", 3, H),
        ("ربيع أول", 3, H),
        ("ربيع 1", 3, H),
        ("ربيع الآخر", 4, H),
        ("ربيع آخر", 4, H),
        ("ربيع الثاني", 4, H),
        ("ربيع ثاني", 4, H),
        ("ربيع 2", 4, H),
        ("جمادى الأولى", 5, H),
        ("جمادى الأول", 5, H),
        ("جمادى أولى", 5, H),
        ("جمادى 1", 5, H),
        ("جمادى الآخرة", 6, H),
        ("جمادى الآخر", 6, H),
        ("جمادى الثانية", 6, H),
        ("جمادى الثاني", 6, H),
        ("جمادى آخرة", 6, H),
        ("جمادى 2", 6, H),
        ("رجب", 7, H),
        ("شعبان", 8, H),
        ("رمضان", 9, H),
        ("شوال", 10, H),
        ("ذو القعدة", 11, H),
        ("ذي القعدة", 11, H),
        ("ذا القعدة", 11, H),
        ("ذوالقعدة", 11, H),
        ("ذو الحجة", 12, H),
        ("ذي الحجة", 12, H),
        ("ذا الحجة", 12, H),
        ("ذوالحجة", 12, H),
        // Solar Hijri (Iran, Afghanistan).
        ("فروردین", 1, S),
        ("اردیبهشت", 2, S),
        ("خرداد", 3, S),
        ("تیر", 4, S),
        ("مرداد", 5, S),
        ("امرداد", 5, S),
        ("شهریور", 6, S),
        ("مهر", 7, S),
        ("آبان", 8, S),
        ("آذر", 9, S),
        ("دی", 10, S),
        ("بهمن", 11, S),
        ("اسفند", 12, S),
    ];
    table
        .iter()
        .map(|&(name, month, cal)| MonthName { words: fold(name).split(' ').map(str::to_owned).collect(), month, cal })
        .collect()
});

/// Weekday names, and whether the name is also a word or a person's name ("خميس", "جمعة",
/// "sun"): a byline takes only the others for the start of a date.
pub(super) const WEEKDAY_NAMES: &[(&str, bool)] = &[
    ("الأحد", false),
    ("الاثنين", false),
    ("الإثنين", false),
    ("الثلاثاء", false),
    ("الأربعاء", false),
    ("الخميس", false),
    ("الجمعة", false),
    ("السبت", false),
    ("أحد", true),
    ("اثنين", true),
    ("إثنين", true),
    ("ثلاثاء", true),
    ("أربعاء", true),
    ("خميس", true),
    ("جمعة", true),
    ("سبت", true),
    ("شنبه", false),
    ("یکشنبه", false),
    ("دوشنبه", false),
    ("سه‌شنبه", false),
    ("چهارشنبه", false),
    ("پنجشنبه", false),
    ("پنج‌شنبه", false),
    ("monday", false),
    ("tuesday", false),
    ("wednesday", false),
    ("thursday", false),
    ("friday", false),
    ("saturday", false),
    ("sunday", false),
    ("mon", true),
    ("tue", true),
    ("tues", true),
    ("wed", true),
    ("thu", true),
    ("thur", true),
    ("thurs", true),
    ("fri", true),
    ("sat", true),
    ("sun", true),
    ("lundi", false),
    ("mardi", false),
    ("mercredi", false),
    ("jeudi", false),
    ("vendredi", false),
    ("samedi", false),
    ("dimanche", false),
    ("montag", false),
    ("dienstag", false),
    ("mittwoch", false),
    ("donnerstag", false),
    ("freitag", false),
    ("samstag", false),
    ("sonnabend", false),
    ("sonntag", false),
    ("lunes", false),
    ("martes", false),
    ("miércoles", false),
    ("jueves", false),
    ("viernes", false),
    ("sábado", false),
    ("domingo", true),
];

static WEEKDAYS: Lazy<Vec<String>> = Lazy::new(|| WEEKDAY_NAMES.iter().map(|(w, _)| fold(w)).collect());

/// Words allowed between a date and its time ("الساعة", "at", "T", weekday names).
static FILLER_WORDS: Lazy<Vec<String>> =
    Lazy::new(|| folded(&["الساعة", "ساعة", "في", "على", "عند", "الموافق", "at", "à", "a", "le", "t", "um", "ساعت"]));

const FILLER_PUNCT: &[char] = &['-', '–', '—', '|', ',', '،', ':', ';', '/', '(', ')', '[', ']', '•', '·', '.', '@'];

static GREG_SUFFIX: Lazy<Vec<String>> = Lazy::new(|| folded(&["م", "ميلادي", "ميلادية", "ad", "ce", "میلادی"]));
static HIJRI_SUFFIX: Lazy<Vec<String>> = Lazy::new(|| folded(&["هـ", "ه", "هجري", "هجرية", "ah", "قمری"]));
static SOLAR_SUFFIX: Lazy<Vec<String>> = Lazy::new(|| folded(&["ش", "هش", "شمسي", "شمسی", "خورشیدی"]));
static ORDINAL_SUFFIX: Lazy<Vec<String>> = Lazy::new(|| folded(&["st", "nd", "rd", "th", "er", "e", "ème"]));
static OF_WORDS: Lazy<Vec<String>> = Lazy::new(|| folded(&["من", "of", "de"]));

static AM_WORDS: Lazy<Vec<String>> =
    Lazy::new(|| folded(&["ص", "صباحاً", "صباحا", "صباح", "صباحًا", "فجراً", "فجرا", "am"]));
static PM_WORDS: Lazy<Vec<String>> =
    Lazy::new(|| folded(&["م", "مساءً", "مساء", "مساءا", "مسا", "عصراً", "عصرا", "العصر", "pm"]));
static NOON_WORDS: Lazy<Vec<String>> = Lazy::new(|| folded(&["ظهراً", "ظهرا", "الظهر"]));
static NIGHT_WORDS: Lazy<Vec<String>> = Lazy::new(|| folded(&["ليلاً", "ليلا", "الليل"]));

static GMT_WORDS: Lazy<Vec<String>> =
    Lazy::new(|| folded(&["gmt", "utc", "غرينتش", "غرينيتش", "جرينتش", "جرينيتش", "غرنتش", "جرنتش", "گرینویچ"]));
static ZONE_INTRO: Lazy<Vec<String>> = Lazy::new(|| folded(&["بتوقيت", "توقيت", "حسب"]));
/// Places that keep one offset all year (no daylight saving time).
static ZONE_PLACES: Lazy<Vec<(String, i16)>> = Lazy::new(|| {
    let table: &[(&str, i16)] = &[
        ("مكة", 180),
        ("مكه", 180),
        ("السعودية", 180),
        ("الرياض", 180),
        ("الدوحة", 180),
        ("قطر", 180),
        ("الكويت", 180),
        ("بغداد", 180),
        ("العراق", 180),
        ("المنامة", 180),
        ("البحرين", 180),
        ("أبوظبي", 240),
        ("الإمارات", 240),
        ("دبي", 240),
        ("مسقط", 240),
        ("تهران", 210),
        ("طهران", 210),
    ];
    table.iter().map(|&(w, o)| (fold(w), o)).collect()
});

// ---------------------------------------------------------------------------------------------
// Visible date text
// ---------------------------------------------------------------------------------------------

/// A date found in the token stream: Gregorian result, source calendar, token range `a..b`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    cal: Cal,
    y: i32,
    m: u8,
    d: u8,
    a: usize,
    b: usize,
}

/// A time found in the token stream, token range `a..b`.
#[derive(Clone, Copy, Debug)]
struct TimeCand {
    h: u8,
    m: u8,
    s: u8,
    offset: Option<i16>,
    a: usize,
    b: usize,
}

/// Parses visible date text and returns the first plausible date in `s`.
///
/// Understands day-first and month-first forms with month names from Egypt and the Gulf
/// (يوليو), the Levant and Iraq (تموز, كانون الثاني, كانون 2, تشرين2), Algeria and Tunisia
/// (جويلية), Morocco (يوليوز, غشت), Persian script, English and French; double names such as
/// "20 تموز/يوليو 2021" or "كانون الثاني (يناير)"; numeric forms "2021-07-20", "2021/07/20"
/// (year first), "20/07/2021", "20-7-2021", "20.07.2021" (day first; month first only when the
/// first number cannot be a month's day pair otherwise, e.g. "7/20/2021"), two-digit years
/// ("20/07/21" → 2021); lunar Hijri month names and numeric Hijri dates marked "هـ"; Solar Hijri
/// (فروردین … اسفند). Weekday names and labels ("نشر في:") are skipped.
///
/// A time next to the date (before or after, with at most a few separators or words like
/// "الساعة" between) is attached: "02:14 م" → 14:14, "12:30 ص" → 00:30, "صباحاً", "مساءً",
/// "AM/PM", 24-hour "14:14:05"; so is a stated offset ("GMT+2", "+03:00", "Z", "بتوقيت مكة",
/// "بتوقيت غرينتش").
///
/// When the text holds both a Gregorian date and a Hijri or Solar Hijri one, the first Gregorian
/// date wins; otherwise the first Hijri/Solar date is converted. Year windows: 1900..=2100
/// (Gregorian), 1300..=1600 (Hijri), 1300..=1470 (Solar Hijri). Impossible dates are skipped.
pub(crate) fn parse_text(s: &str) -> Option<Date> {
    // Every date written in text has a number in it (day or year): most lines have none.
    if !s.chars().any(|c| char_info(c).is(CharInfo::DIGIT)) {
        return None;
    }
    let folded = fold_mapped(s);
    let scan = Scan { toks: tokenize(&folded.text) };
    let cand = find_date(&scan)?;
    let time = attach_time(&scan, &cand);
    let mut a = cand.a;
    let mut b = cand.b;
    if let Some(t) = time {
        a = a.min(t.a);
        b = b.max(t.b);
    }
    a = include_weekday(&scan, a);
    let raw = match (scan.toks.get(a), b.checked_sub(1).and_then(|i| scan.toks.get(i))) {
        (Some(first), Some(last)) => {
            folded.original(first.start, last.end).and_then(|(x, y)| s.get(x..y)).unwrap_or("")
        }
        _ => "",
    };
    let date = Date::new(cand.y, cand.m, cand.d)?;
    let date = match time {
        Some(t) => date.with_time(Some((t.h, t.m, t.s)), t.offset),
        None => date,
    };
    Some(date.with_raw(raw))
}

/// Moves a raw span start back over a weekday name (and the comma after it).
fn include_weekday(scan: &Scan<'_>, a: usize) -> usize {
    let Some(p) = a.checked_sub(1) else { return a };
    if scan.word_in(p, &WEEKDAYS) {
        return p;
    }
    if matches!(scan.punct(p), Some(',' | '،' | '-'))
        && let Some(pp) = p.checked_sub(1)
        && scan.word_in(pp, &WEEKDAYS)
    {
        return pp;
    }
    a
}

/// First Gregorian date, else first Hijri/Solar date.
fn find_date(scan: &Scan<'_>) -> Option<Cand> {
    let mut other: Option<Cand> = None;
    let mut i = 0;
    while i < scan.len() {
        let found = numeric_date(scan, i).or_else(|| day_first_date(scan, i)).or_else(|| month_first_date(scan, i));
        match found {
            Some(c) if c.cal == Cal::Gregorian => return Some(c),
            Some(c) => {
                other = other.or(Some(c));
                i = c.b.max(i + 1);
            }
            None => i += 1,
        }
    }
    other
}

/// Validates a date read in calendar `cal` and converts it to Gregorian.
fn make_cand(cal: Cal, y: u32, m: u8, d: u32, a: usize, b: usize) -> Option<Cand> {
    let d = u8::try_from(d).ok()?;
    let (gy, gm, gd) = match cal {
        Cal::Gregorian => {
            if !GREG_YEARS.contains(&y) {
                return None;
            }
            let date = Date::new(i32::try_from(y).ok()?, m, d)?;
            (date.year, date.month, date.day)
        }
        Cal::Hijri => {
            if !HIJRI_YEARS.contains(&y) {
                return None;
            }
            hijri_to_gregorian(i32::try_from(y).ok()?, m, d)?
        }
        Cal::Solar => solar_hijri_to_gregorian(y, m, d)?,
    };
    Some(Cand { cal, y: gy, m: gm, d: gd, a, b })
}

/// The calendar named by an era word at `i` ("م", "هـ", "ش"), and the index after it.
fn era_suffix(scan: &Scan<'_>, i: usize) -> (Option<Cal>, usize) {
    if scan.word_in(i, &GREG_SUFFIX) {
        (Some(Cal::Gregorian), i + 1)
    } else if scan.word_in(i, &HIJRI_SUFFIX) {
        (Some(Cal::Hijri), i + 1)
    } else if scan.word_in(i, &SOLAR_SUFFIX) {
        (Some(Cal::Solar), i + 1)
    } else {
        (None, i)
    }
}

fn is_date_sep(c: char) -> bool {
    matches!(c, '/' | '-' | '.' | '\\')
}

/// `2021-07-20`, `2021/7/20`, `20/07/2021`, `20-7-21`, `1442/12/12 هـ`.
fn numeric_date(scan: &Scan<'_>, i: usize) -> Option<Cand> {
    let (v0, l0) = scan.num(i)?;
    // Not the middle of a longer numeric chain or of a time.
    if scan.glued_after_number(i, |c| is_date_sep(c) || c == ':') {
        return None;
    }
    let sep = scan.punct(i + 1).filter(|&c| is_date_sep(c))?;
    let (v1, l1) = scan.num(i + 2)?;
    if scan.punct(i + 3) != Some(sep) {
        return None;
    }
    let (v2, l2) = scan.num(i + 4)?;
    // '-' and '.' must be glued ("20-7-2021"); '/' may be spaced ("20 / 07 / 2021").
    if sep != '/' && !(scan.touching(i) && scan.touching(i + 1)) {
        return None;
    }
    if sep != '/' && !(scan.touching(i + 2) && scan.touching(i + 3)) {
        return None;
    }
    if scan.punct(i + 5).is_some_and(|c| c == sep || c == ':') && scan.touching(i + 4) && scan.num(i + 6).is_some() {
        return None;
    }
    let (era, b) = era_suffix(scan, i + 5);
    let month = |v: u32| u8::try_from(v).ok();
    match (l0, l1, l2) {
        (4, 1..=2, 1..=2) => {
            let cal = calendar_for_numeric(v0, era)?;
            make_cand(cal, v0, month(v1)?, v2, i, b)
        }
        (1..=2, 1..=2, 2 | 4) => {
            let (year, cal) = if l2 == 2 {
                (if v2 <= 69 { 2000 + v2 } else { 1900 + v2 }, Cal::Gregorian)
            } else {
                (v2, calendar_for_numeric(v2, era)?)
            };
            // Day first, unless only month first makes sense ("7/20/2021").
            let (d, m) = if v0 <= 12 && v1 > 12 { (v1, v0) } else { (v0, v1) };
            make_cand(cal, year, month(m)?, d, i, b)
        }
        _ => None,
    }
}

/// A numeric date's calendar: Gregorian by its year, Hijri/Solar only when an era word says so.
fn calendar_for_numeric(year: u32, era: Option<Cal>) -> Option<Cal> {
    if GREG_YEARS.contains(&year) { Some(Cal::Gregorian) } else { era.filter(|c| *c != Cal::Gregorian) }
}

/// Longest month name starting at token `i`: (month, calendar, index after it).
fn month_at(scan: &Scan<'_>, i: usize) -> Option<(u8, Cal, usize)> {
    scan.word(i)?;
    let mut best: Option<(u8, Cal, usize)> = None;
    for name in MONTHS.iter() {
        let n = name.words.len();
        let matches = name
            .words
            .iter()
            .enumerate()
            .all(|(k, w)| scan.toks.get(i + k).is_some_and(|t| !matches!(t.kind, Kind::Punct(_)) && t.text == w));
        if matches && best.is_none_or(|(_, _, end)| i + n > end) {
            best = Some((name.month, name.cal, i + n));
        }
    }
    best
}

/// Skips "st/nd/rd/th/er" glued to a day number at `day`.
fn skip_ordinal(scan: &Scan<'_>, day: usize) -> usize {
    if scan.touching(day) && scan.word_in(day + 1, &ORDINAL_SUFFIX) { day + 2 } else { day + 1 }
}

/// Skips an abbreviation dot ("Jul.") and a second month name given as a gloss:
/// "تموز/يوليو", "كانون الثاني (يناير)", "يوليو - تموز".
fn skip_month_gloss(scan: &Scan<'_>, mut j: usize) -> usize {
    if scan.punct(j) == Some('.') && scan.touching(j.saturating_sub(1)) {
        j += 1;
    }
    let open = scan.punct(j);
    if matches!(open, Some('/' | '(' | '-' | '،' | ',' | '[')) {
        if let Some((_, _, after)) = month_at(scan, j + 1) {
            j = after;
            if matches!(scan.punct(j), Some(')' | ']')) {
                j += 1;
            }
        }
    } else if let Some((_, Cal::Gregorian, after)) = month_at(scan, j) {
        j = after;
    }
    j
}

/// `20 يوليو 2021`, `الخميس 12 ذو الحجة 1442 هـ`, `۲۹ تیر ۱۴۰۰`, `1er juillet 2021`.
fn day_first_date(scan: &Scan<'_>, i: usize) -> Option<Cand> {
    let day = scan.small(i)?;
    // "5. November 2021": German writes the day as an ordinal with a full stop.
    let ordinal_dot = scan.punct(i + 1) == Some('.') && month_at(scan, i + 2).is_some();
    if !ordinal_dot && scan.glued_after_number(i, |c| c == ':' || is_date_sep(c)) {
        return None;
    }
    let mut j = if ordinal_dot { i + 2 } else { skip_ordinal(scan, i) };
    if scan.word_in(j, &OF_WORDS) {
        j += 1;
    }
    let (month, cal, after) = month_at(scan, j)?;
    j = skip_month_gloss(scan, after);
    if matches!(scan.punct(j), Some(',' | '،')) {
        j += 1;
    }
    // "10 de mayo de 2022".
    if scan.word_in(j, &OF_WORDS) {
        j += 1;
    }
    let (year, len) = scan.num(j)?;
    if len != 4 {
        return None;
    }
    let (_, b) = era_suffix(scan, j + 1);
    make_cand(cal, year, month, day, i, b)
}

/// `July 20, 2021`, `Jul. 20th 2021`, `يوليو 20، 2021` (Gregorian names only).
fn month_first_date(scan: &Scan<'_>, i: usize) -> Option<Cand> {
    let (month, cal, after) = month_at(scan, i)?;
    if cal != Cal::Gregorian {
        return None;
    }
    let mut j = skip_month_gloss(scan, after);
    let day = scan.small(j)?;
    if scan.punct(j + 1) == Some(':') {
        return None;
    }
    j = skip_ordinal(scan, j);
    if matches!(scan.punct(j), Some(',' | '،')) {
        j += 1;
    }
    let (year, len) = scan.num(j)?;
    if len != 4 {
        return None;
    }
    let (_, b) = era_suffix(scan, j + 1);
    make_cand(cal, year, month, day, i, b)
}

#[derive(Clone, Copy)]
enum Meridiem {
    Am,
    Pm,
    Noon,
    Night,
}

/// A time of day starting at token `i`: `14:14`, `14:14:05`, `02:14 م`, `9:05 a.m.`, with an
/// optional fraction and zone.
fn time_at(scan: &Scan<'_>, i: usize) -> Option<TimeCand> {
    let h = scan.small(i)?;
    if scan.glued_after_number(i, |c| c == ':' || is_date_sep(c)) {
        return None;
    }
    if scan.punct(i + 1) != Some(':') || !scan.touching(i) || !scan.touching(i + 1) {
        return None;
    }
    let (m, ml) = scan.num(i + 2)?;
    if ml != 2 || m > 59 {
        return None;
    }
    let mut j = i + 3;
    let mut s = 0;
    if scan.punct(j) == Some(':') && scan.touching(j - 1) && scan.touching(j) {
        let (sv, sl) = scan.num(j + 1)?;
        if sl != 2 || sv > 59 {
            return None;
        }
        s = sv;
        j += 2;
        if matches!(scan.punct(j), Some('.' | ','))
            && scan.touching(j - 1)
            && scan.touching(j)
            && scan.num(j + 1).is_some()
        {
            j += 2;
        }
    }
    if scan.punct(j) == Some(':') && scan.touching(j - 1) && scan.num(j + 1).is_some() {
        return None; // a longer chain such as 10:20:30:40
    }
    let mut h = h;
    if let Some((mer, after)) = meridiem_at(scan, j) {
        j = after;
        h = match mer {
            Meridiem::Am if h == 12 => 0,
            Meridiem::Pm if h < 12 => h + 12,
            Meridiem::Noon if (1..6).contains(&h) => h + 12,
            Meridiem::Night if (6..12).contains(&h) => h + 12,
            Meridiem::Night if h == 12 => 0,
            _ => h,
        };
    }
    if h > 23 {
        return None;
    }
    let (offset, b) = match offset_at(scan, j) {
        Some((o, after)) => (Some(o), after),
        None => (None, j),
    };
    Some(TimeCand { h: u8::try_from(h).ok()?, m: u8::try_from(m).ok()?, s: u8::try_from(s).ok()?, offset, a: i, b })
}

fn meridiem_at(scan: &Scan<'_>, j: usize) -> Option<(Meridiem, usize)> {
    if scan.word_in(j, &AM_WORDS) {
        return Some((Meridiem::Am, j + 1));
    }
    if scan.word_in(j, &PM_WORDS) {
        return Some((Meridiem::Pm, j + 1));
    }
    if scan.word_in(j, &NOON_WORDS) {
        return Some((Meridiem::Noon, j + 1));
    }
    if scan.word_in(j, &NIGHT_WORDS) {
        return Some((Meridiem::Night, j + 1));
    }
    // "a.m." / "p.m."
    let mer = match scan.word(j)? {
        "a" => Meridiem::Am,
        "p" => Meridiem::Pm,
        _ => return None,
    };
    if scan.punct(j + 1) == Some('.') && scan.word(j + 2) == Some("m") {
        let end = if scan.punct(j + 3) == Some('.') { j + 4 } else { j + 3 };
        return Some((mer, end));
    }
    None
}

/// A UTC offset right after a time: `Z`, `+03:00`, `+0300`, `GMT+2`, `UTC`, `بتوقيت مكة`,
/// `توقيت غرينتش`, `ت.غ`.
fn offset_at(scan: &Scan<'_>, j: usize) -> Option<(i16, usize)> {
    if scan.word(j) == Some("z") && scan.touching(j.checked_sub(1)?) {
        return Some((0, j + 1));
    }
    if let Some((o, after)) = signed_offset(scan, j, true) {
        return Some((o, after));
    }
    // An optional bracket or dash before a spelled-out zone.
    let k = if matches!(scan.punct(j), Some('(' | '-' | '–' | ',' | '،')) { j + 1 } else { j };
    if scan.word(k) == Some("ت") && scan.punct(k + 1) == Some('.') && scan.word(k + 2) == Some("غ") {
        return Some(signed_offset(scan, k + 3, false).unwrap_or((0, k + 3)));
    }
    let k2 = if scan.word_in(k, &ZONE_INTRO) { k + 1 } else { k };
    if scan.word_in(k2, &GMT_WORDS) {
        return Some(signed_offset(scan, k2 + 1, false).unwrap_or((0, k2 + 1)));
    }
    if k2 > k {
        let w = scan.word(k2)?;
        let (_, o) = ZONE_PLACES.iter().find(|(p, _)| p == w)?;
        let mut after = k2 + 1;
        if scan.word(after) == Some(fold("المكرمة").as_str()) {
            after += 1;
        }
        return Some((*o, after));
    }
    None
}

/// `+03:00`, `+0300`, `+3`, `-05`. When `glued` is set the sign must touch the previous token
/// (after a bare time, a spaced "- 12" is a separator, not an offset); a spaced '+' is accepted.
fn signed_offset(scan: &Scan<'_>, j: usize, glued: bool) -> Option<(i16, usize)> {
    let sign: i16 = match scan.punct(j)? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    if glued && sign < 0 && !scan.touching(j.checked_sub(1)?) {
        return None;
    }
    if !scan.touching(j) {
        return None;
    }
    let (v, len) = scan.num(j + 1)?;
    let (h, mut m, mut end) = match len {
        1 | 2 => (v, 0, j + 2),
        4 => (v / 100, v % 100, j + 2),
        _ => return None,
    };
    if len <= 2
        && scan.punct(end) == Some(':')
        && scan.touching(end - 1)
        && let Some((mv, 2)) = scan.num(end + 1)
    {
        m = mv;
        end += 2;
    }
    if h > 18 || m > 59 {
        return None;
    }
    let minutes = i16::try_from(h * 60 + m).ok()?;
    Some((sign * minutes, end))
}

fn is_filler(scan: &Scan<'_>, i: usize) -> bool {
    scan.punct(i).is_some_and(|c| FILLER_PUNCT.contains(&c))
        || scan.word_in(i, &FILLER_WORDS)
        || scan.word_in(i, &WEEKDAYS)
}

/// Maximum number of filler tokens between a date and its time.
const MAX_GAP: usize = 4;

/// The time written right after the date, else right before it.
fn attach_time(scan: &Scan<'_>, cand: &Cand) -> Option<TimeCand> {
    for j in cand.b..=cand.b + MAX_GAP {
        if let Some(t) = time_at(scan, j) {
            return Some(t);
        }
        if !is_filler(scan, j) {
            break;
        }
    }
    // Before: the nearest time whose end is separated from the date only by fillers.
    let lo = cand.a.saturating_sub(MAX_GAP + 12);
    let mut best: Option<TimeCand> = None;
    for k in lo..cand.a {
        if let Some(t) = time_at(scan, k)
            && t.b <= cand.a
            && cand.a - t.b <= MAX_GAP
            && (t.b..cand.a).all(|x| is_filler(scan, x))
            && best.is_none_or(|bt| t.b > bt.b)
        {
            best = Some(t);
        }
    }
    best
}

/// True when a date label says the date is an update rather than the first publication:
/// "آخر تحديث", "تم التحديث", "محدث", "تحديث", "Updated", "Last modified", "mis à jour".
pub(crate) fn is_update_label(s: &str) -> bool {
    static PHRASES: Lazy<Vec<String>> = Lazy::new(|| {
        folded(&[
            "آخر تحديث",
            "تم التحديث",
            "تاريخ التحديث",
            "آخر تعديل",
            "تم تحديث",
            "updated",
            "last modified",
            "last update",
            "modified",
            "last edited",
            "wurde zuletzt",
            "letzte änderung",
            "zuletzt geändert",
            "zuletzt aktualisiert",
            "aktualisiert am",
            "mis à jour",
            "mise à jour",
            "mis a jour",
            "mise a jour",
            "به‌روزرسانی",
            "بروزرسانی",
        ])
    });
    static WORDS: Lazy<Vec<String>> =
        Lazy::new(|| folded(&["محدث", "محدّث", "المحدث", "محدثة", "تحديث", "التحديث", "update", "maj"]));
    let f = fold(s);
    if PHRASES.iter().any(|p| f.contains(p.as_str())) {
        return true;
    }
    crate::normalize::words(&f).any(|w| WORDS.iter().any(|x| x == w))
}

// ---------------------------------------------------------------------------------------------
// Relative dates
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// Seconds in a sub-day unit.
    fn seconds(self) -> Option<i64> {
        match self {
            Unit::Second => Some(1),
            Unit::Minute => Some(60),
            Unit::Hour => Some(3600),
            _ => None,
        }
    }
}

/// Unit words: (folded word, unit, count implied by a dual form).
static UNITS: Lazy<Vec<(String, Unit, i64)>> = Lazy::new(|| {
    use Unit::*;
    let table: &[(&str, Unit, i64)] = &[
        ("ثانية", Second, 1),
        ("ثواني", Second, 1),
        ("ثوان", Second, 1),
        ("ثانيتين", Second, 2),
        ("ثانيتان", Second, 2),
        ("دقيقة", Minute, 1),
        ("دقائق", Minute, 1),
        ("دقايق", Minute, 1),
        ("د", Minute, 1),
        ("دقيقتين", Minute, 2),
        ("دقيقتان", Minute, 2),
        ("ساعة", Hour, 1),
        ("ساعات", Hour, 1),
        ("س", Hour, 1),
        ("ساعتين", Hour, 2),
        ("ساعتان", Hour, 2),
        ("يوم", Day, 1),
        ("أيام", Day, 1),
        ("يومين", Day, 2),
        ("يومان", Day, 2),
        ("أسبوع", Week, 1),
        ("أسابيع", Week, 1),
        ("أسبوعين", Week, 2),
        ("أسبوعان", Week, 2),
        ("شهر", Month, 1),
        ("أشهر", Month, 1),
        ("شهور", Month, 1),
        ("شهرين", Month, 2),
        ("شهران", Month, 2),
        ("سنة", Year, 1),
        ("سنوات", Year, 1),
        ("سنين", Year, 1),
        ("عام", Year, 1),
        ("أعوام", Year, 1),
        ("سنتين", Year, 2),
        ("سنتان", Year, 2),
        ("عامين", Year, 2),
        ("عامان", Year, 2),
        ("s", Second, 1),
        ("sec", Second, 1),
        ("secs", Second, 1),
        ("second", Second, 1),
        ("seconds", Second, 1),
        ("m", Minute, 1),
        ("min", Minute, 1),
        ("mins", Minute, 1),
        ("minute", Minute, 1),
        ("minutes", Minute, 1),
        ("h", Hour, 1),
        ("hr", Hour, 1),
        ("hrs", Hour, 1),
        ("hour", Hour, 1),
        ("hours", Hour, 1),
        ("d", Day, 1),
        ("day", Day, 1),
        ("days", Day, 1),
        ("w", Week, 1),
        ("wk", Week, 1),
        ("week", Week, 1),
        ("weeks", Week, 1),
        ("month", Month, 1),
        ("months", Month, 1),
        ("y", Year, 1),
        ("yr", Year, 1),
        ("year", Year, 1),
        ("years", Year, 1),
    ];
    table.iter().map(|&(w, u, n)| (fold(w), u, n)).collect()
});

/// Spelled-out counts.
static COUNT_WORDS: Lazy<Vec<(String, i64)>> = Lazy::new(|| {
    let table: &[(&str, i64)] = &[
        ("واحد", 1),
        ("واحدة", 1),
        ("ثلاث", 3),
        ("ثلاثة", 3),
        ("أربع", 4),
        ("أربعة", 4),
        ("خمس", 5),
        ("خمسة", 5),
        ("ست", 6),
        ("ستة", 6),
        ("سبع", 7),
        ("سبعة", 7),
        ("ثمان", 8),
        ("ثماني", 8),
        ("ثمانية", 8),
        ("تسع", 9),
        ("تسعة", 9),
        ("عشر", 10),
        ("عشرة", 10),
        ("بضع", 3),
        ("بضعة", 3),
        ("عدة", 3),
        ("a", 1),
        ("an", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("few", 3),
        ("several", 3),
    ];
    table.iter().map(|&(w, n)| (fold(w), n)).collect()
});

fn unit_at(scan: &Scan<'_>, i: usize) -> Option<(Unit, i64)> {
    let w = scan.word(i)?;
    UNITS.iter().find(|(u, _, _)| u == w).map(|&(_, unit, n)| (unit, n))
}

/// `3 ساعات`, `ثلاث ساعات`, `ساعتين`, `ساعة`, `5m`: (count, unit, index after).
fn amount_at(scan: &Scan<'_>, i: usize) -> Option<(i64, Unit, usize)> {
    if let Some((v, len)) = scan.num(i) {
        if len > 9 {
            return None;
        }
        let (unit, _) = unit_at(scan, i + 1)?;
        return Some((i64::from(v), unit, i + 2));
    }
    let w = scan.word(i)?;
    if let Some(&(_, n)) = COUNT_WORDS.iter().find(|(c, _)| c == w)
        && let Some((unit, _)) = unit_at(scan, i + 1)
    {
        return Some((n, unit, i + 2));
    }
    let (unit, n) = unit_at(scan, i)?;
    Some((n, unit, i + 1))
}

/// What a relative expression asks for.
enum Rel {
    /// Go back by a count of units.
    Back(i64, Unit),
    /// Go back by a number of seconds (a sum such as "ساعة و20 دقيقة").
    BackSeconds(i64),
}

fn relative_amount(scan: &Scan<'_>) -> Option<Rel> {
    static BEFORE: Lazy<Vec<String>> = Lazy::new(|| folded(&["منذ", "قبل"]));
    static MOMENTS: Lazy<Vec<String>> =
        Lazy::new(|| folded(&["لحظات", "لحظة", "قليل", "قليلة", "ثوان", "الآن", "now", "moments"]));
    for i in 0..scan.len() {
        if scan.word_in(i, &BEFORE) {
            if scan.word_in(i + 1, &MOMENTS) {
                return Some(Rel::BackSeconds(0));
            }
            if let Some((n, unit, after)) = amount_at(scan, i + 1) {
                // "منذ ساعة و20 دقيقة": add a second, smaller sub-day amount.
                if let Some(first) = unit.seconds()
                    && scan.word(after) == Some("و")
                    && let Some((n2, u2, _)) = amount_at(scan, after + 1)
                    && let Some(second) = u2.seconds()
                {
                    let total = n.checked_mul(first)?.checked_add(n2.checked_mul(second)?)?;
                    return Some(Rel::BackSeconds(total));
                }
                return Some(Rel::Back(n, unit));
            }
        }
        if scan.word(i) == Some("ago") {
            if let Some(k) = i.checked_sub(2)
                && let Some((n, unit, after)) = amount_at(scan, k)
                && after == i
            {
                return Some(Rel::Back(n, unit));
            }
            if let Some(k) = i.checked_sub(1) {
                if let Some((n, unit, after)) = amount_at(scan, k)
                    && after == i
                {
                    return Some(Rel::Back(n, unit));
                }
                if scan.word_in(k, &MOMENTS) {
                    return Some(Rel::BackSeconds(0));
                }
            }
        }
    }
    static DAY_BEFORE_YESTERDAY: Lazy<Vec<String>> = Lazy::new(|| folded(&["أول", "اول"]));
    static YESTERDAY: Lazy<Vec<String>> =
        Lazy::new(|| folded(&["أمس", "بالأمس", "البارحة", "yesterday", "hier", "دیروز"]));
    static TODAY: Lazy<Vec<String>> = Lazy::new(|| folded(&["اليوم", "today", "aujourd", "امروز"]));
    static NOW: Lazy<Vec<String>> = Lazy::new(|| folded(&["الآن", "للتو", "now", "maintenant", "الان"]));
    for i in 0..scan.len() {
        if scan.word_in(i, &YESTERDAY) {
            let before = i.checked_sub(1).is_some_and(|p| scan.word_in(p, &DAY_BEFORE_YESTERDAY));
            let after = scan.word_in(i + 1, &DAY_BEFORE_YESTERDAY);
            let days = if before || after { 2 } else { 1 };
            return Some(Rel::Back(days, Unit::Day));
        }
    }
    for i in 0..scan.len() {
        if scan.word_in(i, &TODAY) {
            return Some(Rel::Back(0, Unit::Day));
        }
        if scan.word_in(i, &NOW) {
            return Some(Rel::BackSeconds(0));
        }
    }
    None
}

/// Resolves a relative date against `now` (the page's fetch time, ideally with a time of day):
/// "منذ 3 ساعات", "منذ ساعتين", "منذ يومين", "منذ دقيقة", "قبل 5 دقائق", "منذ ساعة و20 دقيقة",
/// "منذ لحظات", "أمس", "أول أمس", "اليوم", "الآن", "3 hours ago", "an hour ago", "5m ago",
/// "yesterday", "today".
///
/// Sub-day amounts keep a time of day when `now` has one (and `now`'s offset); without it only
/// whole days are subtracted, so "منذ 3 ساعات" is `now`'s date. Day, week, month and year
/// amounts give a date without time, unless the text also writes a time ("أمس الساعة 10:30").
/// Months and years clamp the day to the target month's length. [`Date::raw`] is the whole
/// trimmed input.
pub(crate) fn parse_relative(s: &str, now: &Date) -> Option<Date> {
    if s.len() > 2000 {
        return None;
    }
    let folded = fold_mapped(s);
    let scan = Scan { toks: tokenize(&folded.text) };
    let rel = relative_amount(&scan)?;
    let hint = (0..scan.len()).find_map(|i| time_at(&scan, i));
    let raw = collapse_ws(s);
    let date = match rel {
        Rel::BackSeconds(secs) => back_seconds(now, secs)?,
        Rel::Back(n, unit) => match unit.seconds() {
            Some(per) => back_seconds(now, n.checked_mul(per)?)?,
            None => {
                let base = back_calendar(now, n, unit)?;
                match hint {
                    Some(t) => base.with_time(Some((t.h, t.m, t.s)), t.offset.or(now.offset_minutes)),
                    None => base,
                }
            }
        },
    };
    Some(date.with_raw(&raw))
}

fn back_seconds(now: &Date, secs: i64) -> Option<Date> {
    if secs < 0 {
        return None;
    }
    match now.time {
        Some((h, m, s)) => {
            let clock = i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s);
            let t = now.day_number().checked_mul(86_400)?.checked_add(clock)?.checked_sub(secs)?;
            let rem = t.rem_euclid(86_400);
            let time =
                (u8::try_from(rem / 3600).ok()?, u8::try_from(rem % 3600 / 60).ok()?, u8::try_from(rem % 60).ok()?);
            Some(Date::from_day_number(t.div_euclid(86_400))?.with_time(Some(time), now.offset_minutes))
        }
        None => Date::from_day_number(now.day_number().checked_sub(secs / 86_400)?),
    }
}

fn back_calendar(now: &Date, n: i64, unit: Unit) -> Option<Date> {
    if n < 0 {
        return None;
    }
    match unit {
        Unit::Day | Unit::Week => {
            let per = if unit == Unit::Week { 7 } else { 1 };
            Date::from_day_number(now.day_number().checked_sub(n.checked_mul(per)?)?)
        }
        Unit::Month | Unit::Year => {
            let per = if unit == Unit::Year { 12 } else { 1 };
            let months = i64::from(now.year)
                .checked_mul(12)?
                .checked_add(i64::from(now.month) - 1)?
                .checked_sub(n.checked_mul(per)?)?;
            let y = i32::try_from(months.div_euclid(12)).ok()?;
            let m = u8::try_from(months.rem_euclid(12) + 1).ok()?;
            Date::new(y, m, now.day.min(days_in_month(y, m)))
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// The local day of a time given in UTC
// ---------------------------------------------------------------------------------------------

/// Offsets in use run from -12:00 to +14:00.
const WEST_MOST_HOURS: u8 = 12;
const EAST_MOST_HOURS: u8 = 14;
/// Local clocks differ from UTC by whole quarter hours (+05:45, +05:30, +01:00).
const OFFSET_STEP_MINUTES: i64 = 15;
/// A date stored as local midnight and written in UTC ("2022-11-06T23:00:00Z" for 7 November in
/// Berlin) is an exact hour this late in the UTC day: midnight east of Greenwich up to +04:00.
const LOCAL_MIDNIGHT_HOURS: std::ops::RangeInclusive<u8> = 20..=23;

/// The day a page shows its readers for `utc`, a machine time written in UTC (offset zero):
/// that time in the page's own local clock (a `<time>` of the same instant with its offset, or a
/// local clock time without one), else a day one off from the UTC day that the page names (URL,
/// visible date line) where the clock allows it, else the next day for a local midnight written
/// in UTC. `None` when `utc` is not a UTC time or nothing tells. `days` witness a day only when
/// they give no clock time.
pub(crate) fn local_day(utc: &Date, instants: &[Date], days: &[Date]) -> Option<Date> {
    let (h, m, s) = utc.time?;
    if utc.offset_minutes != Some(0) {
        return None;
    }
    let (_, at) = utc.point();
    for t in instants.iter().filter(|t| t.time.is_some()) {
        match t.offset_minutes {
            Some(off) if off != 0 && t == utc => return Some(t.clone()),
            None => {
                // The same moment on a local clock: whole quarter hours away, within the zones.
                let diff = t.point().1 - at;
                let minutes = diff / 60;
                let zones = -i64::from(WEST_MOST_HOURS) * 60..=i64::from(EAST_MOST_HOURS) * 60;
                if diff % 60 == 0 && minutes != 0 && minutes % OFFSET_STEP_MINUTES == 0 && zones.contains(&minutes) {
                    let off = i16::try_from(minutes).ok()?;
                    return Some(t.clone().with_time(t.time, Some(off)));
                }
            }
            _ => {}
        }
    }
    let day = utc.day_number();
    let west = h < WEST_MOST_HOURS;
    let east = h >= 24 - EAST_MOST_HOURS;
    // A witness with a clock time of its own is an instant, and was not this one.
    let one_off = |d: &&Date| (west && d.day_number() == day - 1) || (east && d.day_number() == day + 1);
    if let Some(d) = days.iter().filter(|d| d.time.is_none()).find(one_off) {
        return Date::from_day_number(d.day_number());
    }
    if m == 0 && s == 0 && LOCAL_MIDNIGHT_HOURS.contains(&h) {
        let off = i16::from(24 - h) * 60;
        return Some(Date::from_day_number(day + 1)?.with_time(Some((0, 0, 0)), Some(off)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `None` or the ISO rendering, for compact table assertions.
    fn iso(d: Option<Date>) -> Option<String> {
        d.map(|d| d.to_iso())
    }

    fn check_table(table: &[(&str, Option<&str>)], f: impl Fn(&str) -> Option<Date>) {
        let mut failures = Vec::new();
        for &(input, want) in table {
            let got = iso(f(input));
            if got.as_deref() != want {
                failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    fn days_between(a: (i32, u8, u8), b: (i32, u8, u8)) -> i64 {
        let da = days_from_civil(i64::from(a.0), i64::from(a.1), i64::from(a.2));
        let db = days_from_civil(i64::from(b.0), i64::from(b.1), i64::from(b.2));
        (da - db).abs()
    }

    fn ymd(d: &Date) -> (i32, u8, u8) {
        (d.year(), d.month(), d.day())
    }

    #[test]
    fn new_validates_calendar() {
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2021, 4, 31).is_none());
        assert!(Date::new(2021, 13, 1).is_none());
        assert!(Date::new(2021, 0, 1).is_none());
        assert!(Date::new(2021, 1, 0).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(10_000, 1, 1).is_none());
        assert!(Date::new(-5, 1, 1).is_none());
        assert!(Date::new(9999, 12, 31).is_some());
        assert!(Date::new(1, 1, 1).is_some());
    }

    #[test]
    fn iso_rendering_and_accessors() {
        let d = Date::new(2021, 7, 20).unwrap_or_else(|| unreachable!());
        assert_eq!(d.to_iso(), "2021-07-20");
        assert_eq!(d.time(), None);
        let t = d.clone().with_time(Some((14, 14, 0)), None);
        assert_eq!(t.to_iso(), "2021-07-20T14:14:00");
        let o = d.clone().with_time(Some((14, 14, 0)), Some(120));
        assert_eq!(o.to_iso(), "2021-07-20T14:14:00+02:00");
        assert_eq!(o.date_iso(), "2021-07-20");
        assert_eq!(o.to_string(), o.to_iso());
        assert_eq!(o.offset_minutes(), Some(120));
        let w = d.clone().with_time(Some((9, 5, 0)), Some(-330));
        assert_eq!(w.to_iso(), "2021-07-20T09:05:00-05:30");
        // An offset never stands without a time; out-of-range pieces are dropped.
        assert_eq!(d.clone().with_time(None, Some(60)).offset_minutes(), None);
        assert_eq!(d.clone().with_time(Some((24, 0, 0)), None).time(), None);
        assert_eq!(d.with_time(Some((1, 0, 0)), Some(2000)).offset_minutes(), None);
        let early = Date::new(622, 7, 19).unwrap_or_else(|| unreachable!());
        assert_eq!(early.to_iso(), "0622-07-19");
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in [-719_162, -1, 0, 59, 60, 11_016, 18_828, 2_932_896] {
            let d = Date::from_day_number(z).unwrap_or_else(|| unreachable!());
            assert_eq!(d.day_number(), z);
        }
        assert!(Date::from_day_number(2_932_897).is_none());
        assert!(Date::from_day_number(i64::MAX).is_none());
        assert!(Date::from_day_number(i64::MIN).is_none());
    }

    #[test]
    fn machine_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("2021-07-20T14:14:00+02:00", Some("2021-07-20T14:14:00+02:00")),
            ("2021-07-20 14:14", Some("2021-07-20T14:14:00")),
            ("2021-07-20T12:14:00Z", Some("2021-07-20T12:14:00+00:00")),
            ("2021-07-20T14:14:00.000+0200", Some("2021-07-20T14:14:00+02:00")),
            ("2021-07-20T14:14:00.123456-05:00", Some("2021-07-20T14:14:00-05:00")),
            ("2021-07-20T14:14:00+03", Some("2021-07-20T14:14:00+03:00")),
            ("  2021-07-20  ", Some("2021-07-20")),
            ("20210720", Some("2021-07-20")),
            ("20210720T141400Z", Some("2021-07-20T14:14:00+00:00")),
            ("2021/07/20", Some("2021-07-20")),
            ("2021/7/20 14:14:05", Some("2021-07-20T14:14:05")),
            ("٢٠٢١-٠٧-٢٠", Some("2021-07-20")),
            ("\u{200F}2021-07-20T14:14:00Z\u{200E}", Some("2021-07-20T14:14:00+00:00")),
            ("Tue, 20 Jul 2021 14:14:00 GMT", Some("2021-07-20T14:14:00+00:00")),
            ("Tue, 20 Jul 2021 14:14:00 +0300", Some("2021-07-20T14:14:00+03:00")),
            ("20 Jul 2021 14:14 EST", Some("2021-07-20T14:14:00-05:00")),
            ("Tue, 20 July 2021", Some("2021-07-20")),
            ("Tue Jul 20 2021 14:14:00 GMT+0200 (Eastern European Standard Time)", Some("2021-07-20T14:14:00+02:00")),
            ("July 20, 2021", Some("2021-07-20")),
            ("2021-02-30", None),
            ("2021-13-01", None),
            ("0000-00-00", None),
            ("0000-00-00 00:00:00", None),
            ("2021-07", None),
            ("2021-07-20T25:00:00", None),
            ("2021-07-20T12:60", None),
            ("2021-07/20", None),
            ("Tue, 20 Foo 2021", None),
            ("Tue, 20 Marble 2021", None),
            ("hello", None),
            ("", None),
            ("20 يوليو 2021", None),
        ];
        check_table(table, parse_iso);
        let d = parse_iso(" 2021-07-20T14:14:00+02:00 ").unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "2021-07-20T14:14:00+02:00");
        assert_eq!(d.time(), Some((14, 14, 0)));
    }

    #[test]
    fn url_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("https://www.aljazeera.net/news/2021/7/20/title", Some("2021-07-20")),
            ("https://example.com/news/2021/07/20/", Some("2021-07-20")),
            ("https://example.com/2021-07-20/slug", Some("2021-07-20")),
            ("https://example.com/news/2021-07-20-some-title", Some("2021-07-20")),
            ("https://example.com/news/20210720/123", Some("2021-07-20")),
            ("https://example.com/news/20-07-2021/x", Some("2021-07-20")),
            ("/ar/2019/12/31/x", Some("2019-12-31")),
            ("https://example.com/2021/07/", None),
            ("https://example.com/2021/07/title", None),
            ("https://example.com/article/123456789", None),
            ("https://example.com/2021/07/20123/", None),
            ("https://example.com/2021/02/30/x", None),
            ("https://example.com/1850/02/03/x", None),
            ("https://site-2021-07-20.com/news/5", None),
            ("", None),
            ("not a url at all", None),
        ];
        check_table(table, from_url);
        let d = from_url("https://x.com/a/2021/7/20/b").unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "2021/7/20");
    }

    #[test]
    fn egyptian_gulf_and_numeric_text() {
        let table: &[(&str, Option<&str>)] = &[
            ("20 يوليو 2021", Some("2021-07-20")),
            ("الثلاثاء، 20 يوليو 2021 02:14 م", Some("2021-07-20T14:14:00")),
            ("الثلاثاء 20 يوليو 2021 - 14:14", Some("2021-07-20T14:14:00")),
            ("نشر في: 20 يوليو 2021", Some("2021-07-20")),
            ("آخر تحديث: 21 يوليو 2021 - 09:05 ص", Some("2021-07-21T09:05:00")),
            ("20 يوليه 2021", Some("2021-07-20")),
            ("6 يونيه 2021", Some("2021-06-06")),
            ("9 إبريل 2021", Some("2021-04-09")),
            ("9 ابريل 2021", Some("2021-04-09")),
            ("9 أبريل 2021", Some("2021-04-09")),
            ("5 اغسطس 2021", Some("2021-08-05")),
            ("1 يناير 2022", Some("2022-01-01")),
            ("14 فبراير 2022", Some("2022-02-14")),
            ("3 مارس 2022", Some("2022-03-03")),
            ("10 مايو 2022", Some("2022-05-10")),
            ("1 سبتمبر 2022", Some("2022-09-01")),
            ("6 أكتوبر 2022", Some("2022-10-06")),
            ("11 نوفمبر 2022", Some("2022-11-11")),
            ("31 ديسمبر 2022", Some("2022-12-31")),
            ("20 يوليو، 2021", Some("2021-07-20")),
            ("يوليو 20، 2021", Some("2021-07-20")),
            ("2021-07-20", Some("2021-07-20")),
            ("20/07/2021", Some("2021-07-20")),
            ("20 / 07 / 2021", Some("2021-07-20")),
            ("20-7-2021", Some("2021-07-20")),
            ("20.07.2021", Some("2021-07-20")),
            ("2021/07/20", Some("2021-07-20")),
            ("05/06/2021", Some("2021-06-05")),
            ("7/20/2021", Some("2021-07-20")),
            ("20/07/21", Some("2021-07-20")),
            ("١٢:٣٠ م ٢٠٢١/٠٧/٢٠", Some("2021-07-20T12:30:00")),
            ("12:30 ص 20/07/2021", Some("2021-07-20T00:30:00")),
            ("20/07/2021 12:30 م", Some("2021-07-20T12:30:00")),
            ("20 يوليو 2021 09:05 صباحاً", Some("2021-07-20T09:05:00")),
            ("20 يوليو 2021 9:05 مساءً", Some("2021-07-20T21:05:00")),
            ("20 يوليو 2021 14:14:05", Some("2021-07-20T14:14:05")),
            ("20 يوليو 2021 | الساعة 14:14", Some("2021-07-20T14:14:00")),
            ("20 يوليو 2021 01:30 ظهراً", Some("2021-07-20T13:30:00")),
            ("20 يوليو 2021 10:30 ليلاً", Some("2021-07-20T22:30:00")),
            ("2021-07-20T14:14:00+03:00", Some("2021-07-20T14:14:00+03:00")),
            ("2021-07-20 14:14Z", Some("2021-07-20T14:14:00+00:00")),
            ("20 يوليو 2021 14:14 GMT+2", Some("2021-07-20T14:14:00+02:00")),
            ("20 يوليو 2021 14:14 GMT", Some("2021-07-20T14:14:00+00:00")),
            ("20 يوليو 2021 14:14 +03:00", Some("2021-07-20T14:14:00+03:00")),
            ("20 يوليو 2021 الساعة 14:14 بتوقيت مكة المكرمة", Some("2021-07-20T14:14:00+03:00")),
            ("20 يوليو 2021 02:14 م بتوقيت غرينتش", Some("2021-07-20T14:14:00+00:00")),
            ("20 يوليو 2021 14:14 (ت.غ)", Some("2021-07-20T14:14:00+00:00")),
            ("20 يوليو 2021 - 12 ضحية", Some("2021-07-20")),
            ("29 فبراير 2020", Some("2020-02-29")),
        ];
        check_table(table, parse_text);
    }

    #[test]
    fn levant_maghreb_and_other_month_names() {
        let table: &[(&str, Option<&str>)] = &[
            ("الأربعاء 3 شباط 2021", Some("2021-02-03")),
            ("15 كانون الثاني 2020", Some("2020-01-15")),
            ("15 كانون 2 2020", Some("2020-01-15")),
            ("15 كانون الثاني (يناير) 2020", Some("2020-01-15")),
            ("20 تموز/يوليو 2021", Some("2021-07-20")),
            ("20 يوليو/تموز 2021", Some("2021-07-20")),
            ("1 تشرين 1 2019", Some("2019-10-01")),
            ("5 تشرين2 2019", Some("2019-11-05")),
            ("17 تشرين الأول 2019", Some("2019-10-17")),
            ("25 كانون الأول 2020", Some("2020-12-25")),
            ("9 آذار 2021", Some("2021-03-09")),
            ("1 نيسان 2021", Some("2021-04-01")),
            ("3 أيار 2021", Some("2021-05-03")),
            ("30 حزيران 2021", Some("2021-06-30")),
            ("4 آب 2020", Some("2020-08-04")),
            ("11 أيلول 2021", Some("2021-09-11")),
            ("20 جويلية 2021", Some("2021-07-20")),
            ("5 جانفي 2022", Some("2022-01-05")),
            ("14 فيفري 2022", Some("2022-02-14")),
            ("1 أفريل 2021", Some("2021-04-01")),
            ("8 ماي 2021", Some("2021-05-08")),
            ("12 جوان 2021", Some("2021-06-12")),
            ("15 أوت 2021", Some("2021-08-15")),
            ("20 يوليوز 2021", Some("2021-07-20")),
            ("14 غشت 2021", Some("2021-08-14")),
            ("10 شتنبر 2021", Some("2021-09-10")),
            ("6 نونبر 2021", Some("2021-11-06")),
            ("31 دجنبر 2021", Some("2021-12-31")),
            ("July 20, 2021", Some("2021-07-20")),
            ("Tuesday, 20 July 2021 14:14 GMT", Some("2021-07-20T14:14:00+00:00")),
            ("Jul. 20th, 2021 2:14 PM", Some("2021-07-20T14:14:00")),
            ("Sept 3 2021, 9:05 a.m.", Some("2021-09-03T09:05:00")),
            ("20 juillet 2021", Some("2021-07-20")),
            ("1er août 2021 à 14:14", Some("2021-08-01T14:14:00")),
            ("20 ژوئیه 2021", Some("2021-07-20")),
        ];
        check_table(table, parse_text);
    }

    #[test]
    fn folding_digits_tashkeel_and_bidi() {
        let table: &[(&str, Option<&str>)] = &[
            ("٢٠ يُولْيُو ٢٠٢١", Some("2021-07-20")),
            ("۲۰ يوليو ۲۰۲۱", Some("2021-07-20")),
            ("\u{200F}20\u{200F} يوليو\u{200F} 2021", Some("2021-07-20")),
            ("20/\u{200F}07/\u{200F}2021", Some("2021-07-20")),
            ("\u{202B}الثلاثاء ٢٠ تَمّوز ٢٠٢١\u{202C}", Some("2021-07-20")),
            ("٢٠ يوليـــو ٢٠٢١ - ٠٢:١٤ مساءً", Some("2021-07-20T14:14:00")),
            ("20\u{00A0}يوليو\u{00A0}2021", Some("2021-07-20")),
            ("٢٠٢١/٠٧/٢٠ ١٤:١٤", Some("2021-07-20T14:14:00")),
        ];
        check_table(table, parse_text);
        for s in ["٢٠ يُولْيُو ٢٠٢١", "\u{200F}Hello\u{00A0} World ", "اقْرَأ أيضـــاً", "  "]
        {
            assert_eq!(fold_mapped(s).text, fold(s));
        }
    }

    #[test]
    fn raw_keeps_page_text() {
        let d = parse_text("نشر في: ٢٠ يوليو ٢٠٢١").unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "٢٠ يوليو ٢٠٢١");
        let s = "الثلاثاء، 20 يوليو 2021 02:14 م";
        let d = parse_text(s).unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), s);
        let d = parse_text("منذ: ١٢:٣٠ م ٢٠٢١/٠٧/٢٠ .").unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "١٢:٣٠ م ٢٠٢١/٠٧/٢٠");
        let d = parse_text("12 ذو الحجة 1442 هـ").unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "12 ذو الحجة 1442 هـ");
        let d = parse_text("٢٠ يُولْيُو ٢٠٢١").unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "٢٠ يُولْيُو ٢٠٢١");
    }

    #[test]
    fn invalid_text_dates() {
        let table: &[(&str, Option<&str>)] = &[
            ("31 شباط 2021", None),
            ("30 فبراير 2020", None),
            ("29 فبراير 2021", None),
            ("0 يوليو 2021", None),
            ("32 يوليو 2021", None),
            ("20 يوليو 0", None),
            ("20 يوليو 1800", None),
            ("20 يوليو 2500", None),
            ("20/13/2021", None),
            ("32/07/2021", None),
            ("2021-13-01", None),
            ("2021-00-10", None),
            ("يوليو 2021", None),
            ("20 يوليو", None),
            ("14:14", None),
            ("02:14 م", None),
            ("", None),
            ("   ", None),
            ("مرحبا بالعالم", None),
            ("فاز الفريق 3-1 على منافسه", None),
            ("192.168.1.1", None),
            ("0100-123-4567", None),
            ("1.2.3.4.2021", None),
            ("20 ذو الحجة 1100 هـ", None),
            ("1442/12/12", None),
            ("35 رمضان 1445", None),
            ("30 اسفند 1400", None),
        ];
        check_table(table, parse_text);
    }

    #[test]
    fn hijri_and_solar_text() {
        let near = |s: &str, want: (i32, u8, u8)| {
            let d = parse_text(s).unwrap_or_else(|| panic!("no date in {s:?}"));
            assert!(days_between(ymd(&d), want) <= 1, "{s:?}: got {}, want about {want:?}", d.to_iso());
        };
        near("الخميس 12 ذو الحجة 1442 هـ", (2021, 7, 22));
        near("12 ذي الحجة 1442", (2021, 7, 22));
        near("1 رمضان 1445 هـ", (2024, 3, 11));
        near("١ مُحَرَّم ١٤٤٣ هـ", (2021, 8, 10));
        near("1 شوال 1442 هـ", (2021, 5, 13));
        near("15 شعبان 1442 هـ", (2021, 3, 29));
        near("27 رجب 1442", (2021, 3, 11));
        near("10 صفر 1443 هـ", (2021, 9, 17));
        near("12 ربيع الأول 1443 هـ", (2021, 10, 19));
        near("5 ربيع الآخر 1443", (2021, 11, 11));
        near("1 جمادى الأولى 1443 هـ", (2021, 12, 6));
        near("1 جمادى الآخرة 1443 هـ", (2022, 1, 4));
        near("1 ذو القعدة 1442 هـ", (2021, 6, 11));
        near("1442/12/12 هـ", (2021, 7, 22));
        near("12/12/1442هـ", (2021, 7, 22));
        // Gregorian wins when both calendars are written, in either order.
        let both = "الخميس 12 ذو الحجة 1442 هـ - 22 يوليو 2021 م";
        assert_eq!(iso(parse_text(both)).as_deref(), Some("2021-07-22"));
        let both = "22 يوليو 2021 م الموافق 12 ذو الحجة 1442 هـ";
        assert_eq!(iso(parse_text(both)).as_deref(), Some("2021-07-22"));
        let both = "الخميس 12 ذو الحجة 1442 هـ الموافق 22 يوليو 2021 م - 02:14 م";
        assert_eq!(iso(parse_text(both)).as_deref(), Some("2021-07-22T14:14:00"));
        // Solar Hijri is exact in its window.
        let solar: &[(&str, Option<&str>)] = &[
            ("۲۹ تیر ۱۴۰۰", Some("2021-07-20")),
            ("سه‌شنبه ۲۹ تیر ۱۴۰۰", Some("2021-07-20")),
            ("1 فروردین 1400", Some("2021-03-21")),
            ("1 فروردین 1403", Some("2024-03-20")),
            ("1 فروردین 1375", Some("1996-03-20")),
            ("1 فروردین 1354", Some("1975-03-21")),
            ("1 فروردین 1300", Some("1921-03-21")),
            ("30 اسفند 1399", Some("2021-03-20")),
            ("۱ دی ۱۴۰۲", Some("2023-12-22")),
            ("۱۵ مهر ۱۴۰۱ ساعت ۱۰:۳۰", Some("2022-10-07T10:30:00")),
        ];
        check_table(solar, parse_text);
    }

    #[test]
    fn hijri_conversion() {
        let close = |h: (i32, u8, u8), want: &[(i32, u8, u8)]| {
            let got = hijri_to_gregorian(h.0, h.1, h.2).unwrap_or_else(|| unreachable!());
            assert!(
                want.iter().any(|w| days_between(got, *w) == 0) || want.iter().any(|w| days_between(got, *w) <= 1),
                "{h:?} -> {got:?}, want one of {want:?}"
            );
        };
        close((1443, 1, 1), &[(2021, 8, 9), (2021, 8, 10)]);
        close((1445, 9, 1), &[(2024, 3, 10), (2024, 3, 11)]);
        close((1442, 12, 12), &[(2021, 7, 22)]);
        close((1444, 10, 1), &[(2023, 4, 21)]);
        close((1400, 1, 1), &[(1979, 11, 21)]);
        assert_eq!(hijri_to_gregorian(1, 1, 1), Some((622, 7, 19)));
        // Consecutive days stay consecutive across months and years.
        let end = hijri_to_gregorian(1442, 12, 30).unwrap_or_else(|| unreachable!());
        let next = hijri_to_gregorian(1443, 1, 1).unwrap_or_else(|| unreachable!());
        assert_eq!(days_between(end, next), 1);
        for bad in [(1443, 13, 1), (1443, 0, 1), (1443, 1, 31), (1443, 1, 0), (0, 1, 1), (-5, 1, 1)] {
            assert_eq!(hijri_to_gregorian(bad.0, bad.1, bad.2), None, "{bad:?}");
        }
        assert_eq!(hijri_to_gregorian(9999, 12, 30), None);
        assert_eq!(hijri_to_gregorian(i32::MAX, 1, 1), None);
    }

    #[test]
    fn relative_dates() {
        let now = Date::new(2021, 7, 20).unwrap_or_else(|| unreachable!()).with_time(Some((14, 14, 0)), Some(120));
        let table: &[(&str, Option<&str>)] = &[
            ("منذ 3 ساعات", Some("2021-07-20T11:14:00+02:00")),
            ("منذ ساعتين", Some("2021-07-20T12:14:00+02:00")),
            ("منذ ساعة", Some("2021-07-20T13:14:00+02:00")),
            ("منذ ١٥ ساعة", Some("2021-07-19T23:14:00+02:00")),
            ("منذ يومين", Some("2021-07-18")),
            ("منذ 3 أيام", Some("2021-07-17")),
            ("منذ دقيقة", Some("2021-07-20T14:13:00+02:00")),
            ("منذ دقيقتين", Some("2021-07-20T14:12:00+02:00")),
            ("قبل 5 دقائق", Some("2021-07-20T14:09:00+02:00")),
            ("قبل ثلاث ساعات", Some("2021-07-20T11:14:00+02:00")),
            ("منذ ساعة و20 دقيقة", Some("2021-07-20T12:54:00+02:00")),
            ("منذ أسبوع", Some("2021-07-13")),
            ("منذ أسبوعين", Some("2021-07-06")),
            ("منذ شهرين", Some("2021-05-20")),
            ("منذ سنة", Some("2020-07-20")),
            ("منذ لحظات", Some("2021-07-20T14:14:00+02:00")),
            ("أمس", Some("2021-07-19")),
            ("نُشر أمس الساعة 10:30", Some("2021-07-19T10:30:00+02:00")),
            ("أول أمس", Some("2021-07-18")),
            ("اليوم", Some("2021-07-20")),
            ("الآن", Some("2021-07-20T14:14:00+02:00")),
            ("3 hours ago", Some("2021-07-20T11:14:00+02:00")),
            ("an hour ago", Some("2021-07-20T13:14:00+02:00")),
            ("5m ago", Some("2021-07-20T14:09:00+02:00")),
            ("2 days ago", Some("2021-07-18")),
            ("yesterday", Some("2021-07-19")),
            ("Today", Some("2021-07-20")),
            ("hello", None),
            ("", None),
            ("منذ", None),
            ("منذ 99999999999 سنة", None),
            ("منذ 9999 سنة", None),
        ];
        check_table(table, |s| parse_relative(s, &now));
        let d = parse_relative("  منذ 3 ساعات ", &now).unwrap_or_else(|| unreachable!());
        assert_eq!(d.raw(), "منذ 3 ساعات");

        // Without a time of day only whole days move.
        let day = Date::new(2021, 7, 20).unwrap_or_else(|| unreachable!());
        assert_eq!(iso(parse_relative("منذ 3 ساعات", &day)).as_deref(), Some("2021-07-20"));
        assert_eq!(iso(parse_relative("منذ 30 ساعة", &day)).as_deref(), Some("2021-07-19"));
        // Month arithmetic clamps the day.
        let end = Date::new(2021, 3, 31).unwrap_or_else(|| unreachable!());
        assert_eq!(iso(parse_relative("منذ شهر", &end)).as_deref(), Some("2021-02-28"));
        assert_eq!(iso(parse_relative("منذ 3 أشهر", &end)).as_deref(), Some("2020-12-31"));
        // Crossing midnight and the new year.
        let jan = Date::new(2022, 1, 1).unwrap_or_else(|| unreachable!()).with_time(Some((0, 30, 0)), None);
        assert_eq!(iso(parse_relative("منذ ساعة", &jan)).as_deref(), Some("2021-12-31T23:30:00"));
    }

    #[test]
    fn update_labels() {
        for s in [
            "آخر تحديث: 21 يوليو 2021",
            "اخر تحديث",
            "تم التحديث في 21/07/2021",
            "مُحدَّث 21 يوليو",
            "تحديث: 10:30",
            "Updated July 20, 2021",
            "Last modified: 2021-07-20",
            "Mis à jour le 20 juillet",
        ] {
            assert!(is_update_label(s), "{s:?}");
        }
        for s in ["نشر في: 20 يوليو 2021", "Published", "تاريخ النشر", "الحدث", ""] {
            assert!(!is_update_label(s), "{s:?}");
        }
    }

    #[test]
    fn garbage_and_long_inputs_are_quick_and_safe() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4000).collect();
        let junk = String::from_utf8_lossy(&bytes).into_owned();
        let long_words = "كلمة عربية طويلة ".repeat(120);
        let digits = "١".repeat(2000);
        let chain = "1/".repeat(1000);
        let colons = "12:".repeat(700);
        let signs = "+-:/.٫،".repeat(300);
        let months = "يوليو ".repeat(400);
        let numbers = "20 ".repeat(700);
        let tail = format!("{}20 يوليو 2021", "x ".repeat(1000));
        let start = std::time::Instant::now();
        for s in [
            junk.as_str(),
            &long_words,
            &digits,
            &chain,
            &colons,
            &signs,
            &months,
            &numbers,
            "\u{0}\u{FFFF}\u{10FFFF}\u{200F}\u{0640}",
        ] {
            assert_eq!(parse_text(s), None, "{:?}", s.get(..40));
            assert_eq!(parse_iso(s), None);
            assert_eq!(from_url(s), None);
            let now = Date::new(2021, 7, 20).unwrap_or_else(|| unreachable!());
            assert_eq!(parse_relative(s, &now), None);
            let _ = is_update_label(s);
        }
        assert_eq!(iso(parse_text(&tail)).as_deref(), Some("2021-07-20"));
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }

    #[test]
    fn regexes_compile() {
        for re in [&ISO_RE, &RFC2822_RE, &MONTH_FIRST_RE, &URL_YMD_RE, &URL_COMPACT_RE, &URL_DMY_RE] {
            assert!(re.is_some());
        }
    }
}

#[cfg(test)]
mod local_days {
    use super::{local_day, parse_iso};

    fn day(utc: &str, instants: &[&str], days: &[&str]) -> Option<String> {
        let parse = |v: &[&str]| v.iter().map(|s| parse_iso(s).unwrap()).collect::<Vec<_>>();
        local_day(&parse_iso(utc).unwrap(), &parse(instants), &parse(days)).map(|d| d.to_iso())
    }

    #[test]
    fn utc_times_read_as_the_page_shows_them() {
        // The same instant with the page's offset, or on its local clock without one.
        assert_eq!(
            day("2022-05-04T03:37:37Z", &["2022-05-03T23:37:37-04:00"], &[]).as_deref(),
            Some("2022-05-03T23:37:37-04:00")
        );
        assert_eq!(
            day("2023-11-09T05:30:59Z", &["2023-11-08 23:30:59"], &[]).as_deref(),
            Some("2023-11-08T23:30:59-06:00")
        );
        // Another moment is no witness.
        assert_eq!(day("2023-11-09T05:30:59Z", &["2023-11-08 23:31:12", "2023-11-09T01:00:00+02:00"], &[]), None);
        // A day one off, where the clock allows: early UTC hours are the evening before in the
        // west, late ones the next morning in the east.
        assert_eq!(day("2020-02-25T02:25:54Z", &[], &["2020-02-24"]).as_deref(), Some("2020-02-24"));
        assert_eq!(day("2018-12-31T23:11:59+00:00", &[], &["2019-01-01"]).as_deref(), Some("2019-01-01"));
        assert_eq!(day("2020-02-25T15:25:54Z", &[], &["2020-02-24"]), None);
        assert_eq!(day("2020-02-25T02:25:54Z", &[], &["2020-02-24T20:18:00"]), None, "a clock time is an instant");
        // Local midnight east of Greenwich, written in UTC.
        assert_eq!(day("2022-11-06T23:00:00.000Z", &[], &[]).as_deref(), Some("2022-11-07T00:00:00+01:00"));
        assert_eq!(day("2022-11-06T23:00:10Z", &[], &[]), None);
        // Only UTC times are read again.
        assert_eq!(day("2022-11-06T23:00:00+01:00", &[], &["2022-11-07"]), None);
        assert_eq!(day("2022-11-06", &[], &["2022-11-07"]), None);
    }
}

#[cfg(test)]
mod european_months {
    use super::parse_text;

    #[test]
    fn german_and_spanish_month_names() {
        for (text, want) in [
            ("5. November 2021", "2021-11-05"),
            ("Veröffentlicht am 21. Januar 2022, 10:15 Uhr", "2022-01-21"),
            ("3. März 2020", "2020-03-03"),
            ("10 de mayo de 2022", "2022-05-10"),
            ("Montevideo, 10 de mayo de 2022", "2022-05-10"),
        ] {
            assert_eq!(parse_text(text).map(|d| d.date_iso()).as_deref(), Some(want), "{text}");
        }
    }
}
