//! The renderers: golden outputs (HTML, Markdown, text, JSON) of a few fixture pages, the HTML
//! document round trip over every fixture article, Markdown sanity, and escaping of hostile text.
//!
//! `MATN_BLESS=1 cargo test --test render` rewrites the golden files in tests/golden.

mod common;

use std::path::{Path, PathBuf};

use common::read_expect;

/// The fixture pages with golden outputs.
const GOLDEN_PAGES: [&str; 3] = ["egypt-style", "photo-gallery", "english-news"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn blessing() -> bool {
    std::env::var_os("MATN_BLESS").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Cleans a fixture page the way tests/fixtures.rs does: as bytes, with the `url:` of its
/// `.expect` file.
fn clean_fixture(html_path: &Path) -> Result<matn::Article, matn::Error> {
    let expect = read_expect(&html_path.with_extension("expect"));
    let bytes = std::fs::read(html_path).unwrap();
    let mut cleaner = matn::Cleaner::new();
    if let Some(u) = &expect.url {
        cleaner = cleaner.url(u);
    }
    cleaner.clean_bytes(&bytes)
}

/// Compares `actual` with the golden file (or rewrites it when blessing); returns a failure.
fn check_golden(path: &Path, actual: &str) -> Option<String> {
    if blessing() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return None;
    }
    let name = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    match std::fs::read_to_string(path) {
        Err(e) => Some(format!("{name}: {e} (run with MATN_BLESS=1 to create it)")),
        Ok(expected) if expected == actual => None,
        Ok(expected) => {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
            Some(format!(
                "{name}: differs from line {}:\n  expected: {:?}\n  actual:   {:?}",
                line + 1,
                expected.lines().nth(line).unwrap_or("<end>"),
                actual.lines().nth(line).unwrap_or("<end>")
            ))
        }
    }
}

#[test]
fn golden_outputs() {
    let golden = root().join("tests/golden");
    let mut failures = Vec::new();
    for page in GOLDEN_PAGES {
        let article = clean_fixture(&root().join(format!("tests/fixtures/{page}.html")))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        let mut json = article.to_json();
        json.push('\n');
        let outputs: [(&str, String); 5] = [
            ("html", article.to_html()),
            ("document.html", article.to_html_document()),
            ("md", article.to_markdown()),
            ("txt", article.text() + "\n"),
            ("json", json),
        ];
        for (ext, actual) in outputs {
            failures.extend(check_golden(&golden.join(format!("{page}.{ext}")), &actual));
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden files differ (MATN_BLESS=1 cargo test --test render rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every fixture page that is an article.
fn article_fixtures() -> Vec<PathBuf> {
    common::pages(&root().join("tests/fixtures"))
        .into_iter()
        .filter(|p| read_expect(&p.with_extension("expect")).article)
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn html_document_round_trips() {
    let pages = article_fixtures();
    assert!(pages.len() >= 10, "fixture articles missing");
    let mut failures = Vec::new();
    for page in &pages {
        let name = page.file_stem().unwrap().to_string_lossy().to_string();
        let article = match clean_fixture(page) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let doc = article.to_html_document();
        match matn::Cleaner::new().min_confidence(0.0).clean(&doc) {
            Err(e) => failures.push(format!("{name}: the document does not clean again: {e}")),
            Ok(again) => {
                let (want, got) = (collapse(&article.text()), collapse(&again.text()));
                if want != got {
                    let at = want.chars().zip(got.chars()).take_while(|(a, b)| a == b).count();
                    let context = |s: &str| s.chars().skip(at.saturating_sub(30)).take(80).collect::<String>();
                    failures.push(format!(
                        "{name}: text differs after {at} characters:\n  first:  …{}\n  again:  …{}",
                        context(&want),
                        context(&got)
                    ));
                }
                if again.title() != article.title() {
                    failures.push(format!("{name}: title {:?} became {:?}", article.title(), again.title()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} round-trip failures:\n{}", failures.len(), failures.join("\n"));
}

/// Whether a Markdown line is exactly one image, `![alt](destination)`, with escaped brackets in
/// the alt text and no space or parenthesis in the destination.
fn is_image_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("![").and_then(|r| r.strip_suffix(')')) else { return false };
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => return false,
            ']' => {
                let Some(dest) = rest[i + 1..].strip_prefix('(') else { return false };
                return !dest.is_empty() && !dest.contains([' ', '(', ')', '<', '>']);
            }
            _ => {}
        }
    }
    false
}

#[test]
fn markdown_is_sane_on_every_fixture() {
    let mut images = 0;
    for page in article_fixtures() {
        let name = page.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(article) = clean_fixture(&page) else { continue };
        let md = article.to_markdown();
        assert!(!md.to_ascii_lowercase().contains("<script"), "{name}: raw <script in the Markdown");
        assert!(!md.contains("\n\n\n"), "{name}: more than one blank line");
        for line in md.lines().filter(|l| l.starts_with("![")) {
            images += 1;
            assert!(is_image_line(line), "{name}: image line does not parse: {line}");
        }
        let html = article.to_html();
        assert!(!html.to_ascii_lowercase().contains("<script"), "{name}: <script in the HTML");
    }
    assert!(images > 0, "no fixture article has an image");
}

/// An article whose every block holds hostile text.
fn hostile_article() -> matn::Article {
    let html = r#"<html lang="ar"><head><title>&lt;script&gt;alert(1)&lt;/script&gt; عنوان</title></head><body><article>
      <h2># عنوان *فرعي* [رابط](javascript:x) &lt;script&gt;</h2>
      <p>افتتح وزير الإسكان اليوم &lt;script&gt;alert('x')&lt;/script&gt; مشروعا جديدا للإسكان في المدينة، بحضور المسؤولين.</p>
      <p>"&gt;&lt;img src=x onerror=alert(1)&gt; وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ قبل عامين.</p>
      <p>*_[]#` \ &amp;amp; ونصوص أخرى مع رموز خاصة كثيرة تملأ الفقرة لتكون طويلة بما يكفي لتبقى في النص المستخرج.</p>
      <p>1. - &gt; + هذه فقرة تبدأ برموز القوائم والاقتباس، وتتحدث عن الموضوع نفسه بتفاصيل إضافية مهمة للقارئ.</p>
      <figure><img src="/a b(1).jpg" alt="صورة ]](x) &quot;&gt;&lt;script&gt;"><figcaption>*تعليق* &lt;b&gt;</figcaption></figure>
      <ul><li>بند أول من القائمة مع &lt;i&gt;وسم&lt;/i&gt;</li><li>- بند ثان من القائمة [مع أقواس]</li></ul>
      <blockquote>اقتباس &gt; مع &lt;script&gt; رمز وعلامات، وهو طويل بما يكفي ليبقى في المقال المستخرج هنا.</blockquote>
    </article></body></html>"#;
    matn::Cleaner::new().url("https://example.com/news/1").min_confidence(0.0).clean(html).unwrap()
}

#[test]
fn html_escapes_hostile_text() {
    let article = hostile_article();
    let body = article.to_html();
    let doc = article.to_html_document();
    for out in [&body, &doc] {
        let lower = out.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{out}");
        assert!(!lower.contains("<img src=x"), "{out}");
        assert!(!lower.contains("<i>") && !lower.contains("<b>"), "{out}");
        assert!(lower.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "{out}");
        assert!(lower.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "{out}");
        // Only the attributes the renderer writes.
        for attr in out.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            for word in attr.split_whitespace().skip(1) {
                let name = word.split('=').next().unwrap_or("");
                assert!(
                    ["src", "alt", "href", "dir", "lang", "charset", "datetime", "class"].contains(&name)
                        || !word.contains('='),
                    "unexpected attribute {word:?} in {out}"
                );
            }
        }
    }
    assert!(body.contains("<img src=\"https://example.com/a%20b(1).jpg\""), "{body}");
    assert!(body.contains("alt=\"صورة ]](x) &quot;&gt;&lt;script&gt;\""), "{body}");
    assert!(body.contains("<figcaption>*تعليق* &lt;b&gt;</figcaption>"), "{body}");
    assert!(body.contains("<h2># عنوان *فرعي*"), "{body}");
    assert!(doc.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; عنوان</title>"), "{doc}");
}

#[test]
fn markdown_escapes_hostile_text() {
    let md = hostile_article().to_markdown();
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("<b>"), "{md}");
    assert!(md.contains("&lt;script>alert('x')&lt;/script>"), "{md}");
    assert!(md.contains(r#"">&lt;img src=x onerror=alert(1)>"#), "{md}");
    assert!(md.contains(r"\*\_\[\]#\` \\ \&amp;"), "{md}");
    assert!(md.contains(r"1\. - > + هذه فقرة"), "{md}");
    assert!(md.contains(r"## \# عنوان \*فرعي\* \[رابط\](javascript:x) &lt;script>"), "{md}");
    assert!(md.contains(r"- \- بند ثان من القائمة \[مع أقواس\]"), "{md}");
    assert!(md.contains(r"> اقتباس > مع &lt;script> رمز"), "{md}");
    let image = md.lines().find(|l| l.starts_with("![")).unwrap();
    assert!(is_image_line(image), "{image}");
    assert_eq!(image, r#"![صورة \]\](x) ">&lt;script>](https://example.com/a%20b%281%29.jpg)"#);
    assert!(md.contains(r"*\*تعليق\* &lt;b>*"), "{md}");
}

#[test]
fn normalize_arabic_is_public_and_off_by_default() {
    let html = r#"<html><body><article>
      <p>افتتح وزيـــر الإسكانِ اليوم مشروعا جديدا للإسكان في المدينة عام ٢٠٢٤، بحضور عدد من المسؤولين والأهالي.</p>
      <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>
    </article></body></html>"#;
    let text = matn::clean(html).unwrap().text();
    assert!(text.contains("وزيـــر الإسكانِ") && text.contains("٢٠٢٤"), "the output keeps the page's characters");
    let n = matn::normalize_arabic(&text, &matn::NormalizeOptions::default());
    assert!(n.contains("وزير الاسكان") && n.contains("2024"), "{n}");
}

#[cfg(feature = "serde")]
#[test]
fn serde_matches_to_json() {
    for page in GOLDEN_PAGES {
        let article = clean_fixture(&root().join(format!("tests/fixtures/{page}.html"))).unwrap();
        let via_serde = serde_json::to_value(&article).unwrap();
        let hand: serde_json::Value = serde_json::from_str(&article.to_json()).unwrap();
        assert_eq!(via_serde, hand, "{page}");
        // Same keys, same order.
        let serde_text = serde_json::to_string(&article).unwrap();
        let order = |s: &str| -> Vec<usize> {
            ["\"title\"", "\"credits\"", "\"published\"", "\"dir\"", "\"encoding\"", "\"text\"", "\"blocks\""]
                .iter()
                .map(|k| s.find(k).unwrap_or(usize::MAX))
                .collect()
        };
        let (a, b) = (order(&serde_text), order(&article.to_json()));
        assert!(a.windows(2).all(|w| w[0] < w[1]) && b.windows(2).all(|w| w[0] < w[1]), "{page}: key order");
        let block = serde_json::to_value(&article.blocks()[0]).unwrap();
        assert!(block.get("kind").is_some());
        assert_eq!(serde_json::to_value(matn::Direction::Rtl).unwrap(), "rtl");
    }
}
