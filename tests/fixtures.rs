//! Our own fixture pages (tests/fixtures, written for this project): every kind of chrome,
//! every regional date system, bylines and agencies, pages that are not articles.

mod common;

use std::path::Path;

use common::{read_expect, snippet_norm};

fn check(html_path: &Path) -> Vec<String> {
    let expect = read_expect(&html_path.with_extension("expect"));
    let bytes = std::fs::read(html_path).unwrap();
    let mut cleaner = matn::Cleaner::new();
    if let Some(u) = &expect.url {
        cleaner = cleaner.url(u);
    }
    let name = html_path.file_stem().unwrap().to_string_lossy().to_string();
    let mut failures = Vec::new();
    let result = cleaner.clean_bytes(&bytes);
    if !expect.article {
        match result {
            Err(matn::Error::NoArticle { .. }) => {}
            Err(e) => failures.push(format!("{name}: unexpected error {e}")),
            Ok(a) if a.confidence() < 0.5 => {}
            Ok(a) => {
                failures.push(format!("{name}: not an article, but got one with confidence {:.2}", a.confidence()))
            }
        }
        return failures;
    }
    let article = match result {
        Ok(a) => a,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    let text = snippet_norm(&article.text());
    for w in &expect.with {
        if !text.contains(&snippet_norm(w)) {
            failures.push(format!("{name}: missing text «{w}»"));
        }
    }
    for w in &expect.without {
        if text.contains(&snippet_norm(w)) {
            failures.push(format!("{name}: chrome left in «{w}»"));
        }
    }
    if let Some(t) = &expect.title
        && article.title() != Some(t.as_str())
    {
        failures.push(format!("{name}: title {:?}, expected «{t}»", article.title()));
    }
    let persons = article.persons();
    if persons != expect.authors.iter().map(String::as_str).collect::<Vec<_>>() {
        failures.push(format!("{name}: authors {persons:?}, expected {:?}", expect.authors));
    }
    if let Some(agency) = &expect.agency
        && !article.agencies().iter().any(|a| snippet_norm(a) == snippet_norm(agency))
    {
        failures.push(format!("{name}: agencies {:?}, expected «{agency}»", article.agencies()));
    }
    let published = article.published().map(|d| d.date_iso());
    if published.as_deref() != expect.published.as_deref() {
        failures.push(format!("{name}: published {published:?}, expected {:?}", expect.published));
    }
    failures
}

#[test]
fn fixture_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = common::pages(&dir.join("tests/fixtures"));
    pages.push(dir.join("examples/pages/sample-article.html"));
    assert!(pages.len() >= 15, "fixture pages missing");
    let failures: Vec<String> = pages.iter().flat_map(|p| check(p)).collect();
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
