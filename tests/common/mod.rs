//! Shared helpers of the integration tests: the `.expect` format of our own fixtures, and a port
//! of the peers harness's scorer (4-gram F1 over `\w+` tokens after Arabic folding, and the
//! with/without snippet rates) for the corpus test.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a fixture page must give (see tests/fixtures/*.expect).
#[derive(Debug, Default)]
pub struct Expect {
    pub url: Option<String>,
    pub article: bool,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub agency: Option<String>,
    pub published: Option<String>,
    pub with: Vec<String>,
    pub without: Vec<String>,
}

pub fn read_expect(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut e = Expect { article: true, ..Expect::default() };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        // A trailing "# comment" only where it follows white space (URLs contain '#' rarely).
        let value = value.split(" #").next().unwrap_or("").trim().to_string();
        match key.trim() {
            "url" => e.url = Some(value),
            "article" => e.article = value == "yes",
            "title" => e.title = Some(value),
            "author" => e.authors.push(value),
            "agency" => e.agency = Some(value),
            "published" => e.published = Some(value),
            "with" => e.with.push(value),
            "without" => e.without.push(value),
            other => panic!("{}: unknown key {other}", path.display()),
        }
    }
    e
}

/// The Arabic folding of the scorer: tatweel and marks removed, alef forms unified, ى → ي,
/// ة → ه, Eastern digits → ASCII.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c as u32 {
            0x0640 | 0x064B..=0x065F | 0x0670 | 0x0610..=0x061A | 0x06D6..=0x06ED => None,
            0x0660..=0x0669 => char::from_u32(c as u32 - 0x0660 + 0x30),
            0x06F0..=0x06F9 => char::from_u32(c as u32 - 0x06F0 + 0x30),
            _ => Some(match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                c => c,
            }),
        })
        .collect()
}

/// Whitespace runs → one space, after folding: how snippets are compared.
pub fn snippet_norm(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tokens(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).map(str::to_string).collect()
}

fn shingles(s: &str, n: usize) -> HashMap<Vec<String>, usize> {
    let t = tokens(s);
    let mut m = HashMap::new();
    if t.is_empty() {
        return m;
    }
    if t.len() < n {
        *m.entry(t).or_insert(0) += 1;
        return m;
    }
    for w in t.windows(n) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Per-page precision and recall of `pred` against `gold` over 4-token shingles.
pub fn precision_recall(pred: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (shingles(pred, 4), shingles(gold, 4));
    let tp: usize = p.iter().map(|(k, c)| (*c).min(*g.get(k).unwrap_or(&0))).sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    let (fp, fn_) = (np - tp, ng - tp);
    if fp == 0 && fn_ == 0 {
        return (1.0, 1.0);
    }
    let prec = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let rec = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    (prec, rec)
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// The corpus folder: `MATN_CORPUS`, else `../shared/corpus` next to the repository.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MATN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

/// The `.html` pages of a folder, sorted.
pub fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "html")).collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
