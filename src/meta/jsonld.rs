//! A small, tolerant JSON reader for JSON-LD blocks, and the article fields found in them.
//!
//! Pages ship broken JSON-LD (trailing commas, raw newlines in strings, HTML entities, several
//! objects in one script): the reader accepts what it can and stops at the first hard error,
//! keeping what it read. Nesting is capped, so hostile input cannot exhaust the stack.

use std::collections::BTreeMap;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

const MAX_DEPTH: usize = 48;

struct Reader<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

impl Reader<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && (self.s[self.i].is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.s.get(self.i)? {
            b'{' => self.object(depth),
            b'[' => Some(self.array(depth)),
            b'"' => self.string().map(Json::Str),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'n' => self.literal(b"null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// An object from its `{`: the members read until `}` or the first hard error (`None` when a
    /// key's string never ends).
    fn object(&mut self, depth: usize) -> Option<Json> {
        self.i += 1;
        let mut map = BTreeMap::new();
        loop {
            self.ws();
            match self.s.get(self.i) {
                Some(b'}') => {
                    self.i += 1;
                    return Some(Json::Obj(map));
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                Some(b'"') => {}
                _ => return Some(Json::Obj(map)),
            }
            let key = self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Some(Json::Obj(map));
            }
            self.i += 1;
            match self.value(depth + 1) {
                Some(v) => {
                    map.insert(key, v);
                }
                None => return Some(Json::Obj(map)),
            }
        }
    }

    /// An array from its `[`: the elements read until `]` or the first hard error.
    fn array(&mut self, depth: usize) -> Json {
        self.i += 1;
        let mut arr = Vec::new();
        loop {
            self.ws();
            match self.s.get(self.i) {
                Some(b']') => {
                    self.i += 1;
                    return Json::Arr(arr);
                }
                Some(b',') => {
                    self.i += 1;
                    continue;
                }
                None => return Json::Arr(arr),
                _ => {}
            }
            match self.value(depth + 1) {
                Some(v) => arr.push(v),
                None => return Json::Arr(arr),
            }
        }
    }

    /// `true`, `false` or `null` when the input spells `word` here.
    fn literal(&mut self, word: &[u8], value: Json) -> Option<Json> {
        if !self.s[self.i..].starts_with(word) {
            return None;
        }
        self.i += word.len();
        Some(value)
    }

    /// A number: the longest run of number characters, if it parses.
    fn number(&mut self) -> Option<Json> {
        let start = self.i;
        while self.i < self.s.len() && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
            self.i += 1;
        }
        self.src.get(start..self.i).and_then(|t| t.parse().ok()).map(Json::Num)
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1; // opening quote
        let mut out = String::new();
        let mut start = self.i;
        while self.i < self.s.len() {
            match self.s[self.i] {
                b'"' => {
                    out.push_str(self.src.get(start..self.i)?);
                    self.i += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(self.src.get(start..self.i)?);
                    let esc = *self.s.get(self.i + 1)?;
                    self.i += 2;
                    match esc {
                        b'n' => out.push('\n'),
                        b't' => out.push('\t'),
                        b'r' => out.push('\r'),
                        b'b' | b'f' => {}
                        b'u' => {
                            let code =
                                self.src.get(self.i..self.i + 4).and_then(|h| u32::from_str_radix(h, 16).ok())?;
                            self.i += 4;
                            let c = if (0xD800..0xDC00).contains(&code)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let low =
                                    self.src.get(self.i + 2..self.i + 6).and_then(|h| u32::from_str_radix(h, 16).ok());
                                match low {
                                    Some(low) if (0xDC00..0xE000).contains(&low) => {
                                        self.i += 6;
                                        char::from_u32(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
                                    }
                                    _ => None,
                                }
                            } else {
                                char::from_u32(code)
                            };
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        other => out.push(char::from(other)),
                    }
                    start = self.i;
                }
                _ => self.i += 1,
            }
        }
        None
    }
}

/// Parses one JSON-LD script; `None` when nothing could be read.
pub(crate) fn parse(src: &str) -> Option<Json> {
    let trimmed = unwrap_script(src);
    let mut r = Reader { s: trimmed.as_bytes(), src: trimmed, i: 0 };
    r.value(0)
}

/// The script without the wrappers pages put around it for old parsers: an HTML comment
/// (`<!-- … -->`) or a CDATA section, bare or behind a JavaScript comment (`//<![CDATA[ … //]]>`,
/// `/*<![CDATA[*/ … /*]]>*/`).
fn unwrap_script(src: &str) -> &str {
    const OPENERS: &[&str] = &["<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["];
    const CLOSERS: &[&str] = &["-->", "//]]>", "/*]]>*/", "]]>"];
    let mut s = src.trim();
    // At most one of each, in either nesting order.
    for _ in 0..2 {
        if let Some(rest) = OPENERS.iter().find_map(|o| s.strip_prefix(o)) {
            s = rest.trim_start();
        }
        if let Some(rest) = CLOSERS.iter().find_map(|c| s.strip_suffix(c)) {
            s = rest.trim_end();
        }
    }
    s
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.get(key),
            _ => None,
        }
    }

    /// The value as text: a string, or the `name` / `@value` / `url` of an object, or the first
    /// element of an array that has one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s.as_str()).filter(|s| !s.trim().is_empty()),
            Json::Obj(_) => ["name", "@value", "url", "text"].iter().find_map(|k| self.get(k).and_then(Json::text)),
            Json::Arr(a) => a.iter().find_map(Json::text),
            _ => None,
        }
    }

    /// Every text of the value: each element of an array, or the value itself.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Json::Arr(a) => a.iter().filter_map(Json::text).collect(),
            v => v.text().into_iter().collect(),
        }
    }

    /// Every object in the value, depth first: the value itself, `@graph` members, array
    /// elements and nested objects (`mainEntity`…), up to a fixed count.
    pub fn objects(&self) -> Vec<&Json> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(v) = stack.pop() {
            if out.len() > 256 {
                break;
            }
            match v {
                Json::Obj(m) => {
                    out.push(v);
                    for (k, child) in m.iter().rev() {
                        if matches!(child, Json::Obj(_) | Json::Arr(_)) && k != "author" && k != "publisher" {
                            stack.push(child);
                        }
                    }
                }
                Json::Arr(a) => stack.extend(a.iter().rev()),
                _ => {}
            }
        }
        out
    }

    /// The `@type` values of an object.
    pub fn types(&self) -> Vec<&str> {
        self.get("@type").map(Json::texts).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_ld_with_graph_and_escapes() {
        let v = parse(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"\u0639\u0646\u0648\u0627\u0646","author":[{"@type":"Person","name":"أحمد"}],
            "datePublished":"2021-07-20T14:14:00+02:00",}]}"#)
        .unwrap();
        let objs = v.objects();
        let art = objs.iter().find(|o| o.types().contains(&"NewsArticle")).unwrap();
        assert_eq!(art.get("headline").and_then(Json::text), Some("عنوان"));
        assert_eq!(art.get("author").map(Json::texts), Some(vec!["أحمد"]));
    }

    #[test]
    fn cdata_and_comment_wrappers_are_read_through() {
        for src in [
            "//<![CDATA[\n{\"a\":1}\n//]]>",
            "/*<![CDATA[*/ {\"a\":1} /*]]>*/",
            "<![CDATA[{\"a\":1}]]>",
            "<!-- {\"a\":1} -->",
            "<!--//<![CDATA[\n{\"a\":1}\n//]]>-->",
        ] {
            assert_eq!(parse(src).and_then(|v| v.get("a").cloned()), Some(Json::Num(1.0)), "{src}");
        }
    }

    #[test]
    fn broken_input_never_panics() {
        for s in ["", "{", "[[[[", "{\"a\":", "\"\\u12", "{\"a\":\"\\ud800\\u0041\"}", "nul", "-", "{\"a\" 1}"] {
            let _ = parse(s);
        }
        let deep = "[".repeat(100_000);
        let _ = parse(&deep);
    }
}
