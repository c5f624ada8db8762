//! Hostile input ("bytes in, no surprises out"): every page here is generated in code, and every
//! one must give `Ok` or a typed `Err` — no panic, no stack overflow, no hang. On `Ok`, the
//! article's renderers must not panic either and `to_json` must be valid JSON.
//!
//! Time is not asserted (benchmarks measure linearity); each case only has to finish. Cases that
//! found a bug are kept below as regression tests, `#[ignore]`d until src/ is fixed.

use matn::{Article, Cleaner, Error};

mod shapes;

/// A small deterministic PRNG (xorshift64*), so the garbage is the same on every run.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| (self.next() >> 56) as u8).collect()
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Checks what `clean` gave: a typed error that makes sense, or an article whose every accessor
/// and renderer works. Returns the article for further checks.
fn check(result: Result<Article, Error>) -> Option<Article> {
    match result {
        Ok(article) => {
            let c = article.confidence();
            assert!((0.0..=1.0).contains(&c), "confidence out of range: {c}");
            let _ = (article.title(), article.persons(), article.agencies(), article.site_name(), article.url());
            let _ = (article.lang(), article.dir(), article.description(), article.image(), article.tags());
            let _ = (article.section(), article.removed(), article.encoding());
            for d in [article.published(), article.modified()].into_iter().flatten() {
                let _ = (d.to_iso(), d.date_iso(), d.raw(), d.year(), d.month(), d.day(), d.time());
            }
            for b in article.blocks() {
                let _ = (b.kind(), b.text(), b.image().map(|i| (i.src(), i.alt(), i.caption())));
            }
            let _ = article.text();
            let _ = article.text_lines();
            let json = article.to_json();
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
                let cut: String = json.chars().take(400).collect();
                panic!("to_json is not valid JSON ({e}): {cut}…");
            }
            Some(article)
        }
        Err(Error::TooLarge { limit, max, actual }) => {
            assert!(actual > max, "TooLarge {limit} with actual {actual} <= max {max}");
            None
        }
        Err(e) => {
            // Every error renders a message a crawler can log.
            assert!(!e.to_string().is_empty());
            None
        }
    }
}

/// A cleaner with every option on: the page URL, a reference time, explain, no confidence floor
/// (so hostile pages reach the metadata and rendering stages instead of stopping at NoArticle).
fn permissive() -> Cleaner {
    Cleaner::new()
        .url("https://www.example.com/news/2021/02/28/story-123")
        .reference_time("2024-03-15T12:00:00+03:00")
        .explain(true)
        .min_confidence(0.0)
        .min_block_score(0.0)
}

/// Runs `html` through `clean`, `clean_bytes` and the permissive cleaner.
fn survive(html: &str) {
    check(matn::clean(html));
    check(matn::clean_bytes(html.as_bytes()));
    check(permissive().clean(html));
}

/// Runs a large page once through the default cleaner and once through the permissive one.
fn survive_large(html: &str) {
    check(matn::clean(html));
    check(permissive().clean(html));
}

/// Runs `bytes` through `clean_bytes`, with and without a declared charset.
fn survive_bytes(bytes: &[u8]) {
    check(matn::clean_bytes(bytes));
    let p = permissive();
    check(p.clean_bytes(bytes));
    for charset in ["text/html; charset=windows-1256", "utf-16le", "x-user-defined", "", "charset=\"", "bogus-label"] {
        check(p.clean_bytes_with_charset(bytes, Some(charset)));
    }
}

/// Two sentences of ordinary article text, to give a hostile page something worth extracting.
const BODY: &str = "<p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>\
    <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p>";

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head>{head}</head><body>{body}</body></html>")
}

// ---------------------------------------------------------------------------------------------
// Blank and tagless input
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_and_white_space_are_empty() {
    assert_eq!(matn::clean("").unwrap_err(), Error::Empty);
    assert_eq!(matn::clean_bytes(b"").unwrap_err(), Error::Empty);
    for ws in [" ", "\n", "\t\r\n \u{000C}", "\u{00A0}\u{3000}\u{2028}\u{2029}\u{1680}\u{205F}", &" \n".repeat(100_000)]
    {
        assert_eq!(matn::clean(ws).unwrap_err(), Error::Empty, "{:?}", ws.chars().take(8).collect::<String>());
        check(matn::clean_bytes(ws.as_bytes()));
        check(permissive().clean(ws));
    }
    // A UTF-8 / UTF-16 byte-order mark and nothing else.
    for bytes in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF", b"\xEF\xBB\xBF   \n", b"\xFF\xFE \x00"] {
        check(matn::clean_bytes(bytes));
    }
}

#[test]
fn plain_text_without_tags() {
    survive("hello");
    survive("نص");
    survive("افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.");
    survive(&"افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة. ".repeat(2_000));
    survive(&"a".repeat(100_000));
    survive("<");
    survive(">");
    survive("&");
    survive("<>");
    survive("</>");
    survive("<!");
    survive("<!--");
    survive("<?xml");
    survive("<![CDATA[");
    survive("<!DOCTYPE");
    survive("<a");
    survive("</p");
    survive("<p x='");
}

// ---------------------------------------------------------------------------------------------
// Garbage bytes, invalid UTF-8, NUL
// ---------------------------------------------------------------------------------------------

#[test]
fn random_binary_garbage() {
    let mut rng = Rng::new(0x6d61_746e);
    for i in 0..200 {
        let len = [0, 1, 7, 64, 1_000, 20_000][i % 6] + rng.below(64);
        let bytes = rng.bytes(len);
        check(matn::clean_bytes(&bytes));
        let lossy = String::from_utf8_lossy(&bytes);
        check(matn::clean(&lossy));
    }
}

#[test]
fn binary_files_are_no_article() {
    let mut rng = Rng::new(0x677a);
    let random = rng.bytes(50_000);
    let gzip = [b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03".as_slice(), &random].concat();
    let elf = [b"\x7fELF\x02\x01\x01\x00".as_slice(), &[0u8; 200], &random].concat();
    let png = [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".as_slice(), &random].concat();
    for bytes in [&random, &gzip, &elf, &png] {
        for result in [matn::clean_bytes(bytes), permissive().clean_bytes(bytes)] {
            assert!(matches!(result, Err(Error::NoArticle { chars: 0, .. })), "{result:?}");
        }
    }
}

#[test]
fn random_markup_soup() {
    // Random sequences of HTML-ish tokens: tags opened and closed in any order, attributes, entities,
    // comments, scripts, text in several scripts.
    const TOKENS: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<span>",
        "</span>",
        "<a href='/x'>",
        "</a>",
        "<b>",
        "</b>",
        "<i>",
        "<table>",
        "</table>",
        "<tr>",
        "<td>",
        "</td>",
        "<ul>",
        "<li>",
        "<h1>",
        "</h1>",
        "<h2>",
        "<br>",
        "<br><br>",
        "<img src='/i.jpg' alt='صورة'>",
        "<figure>",
        "<figcaption>",
        "</figcaption>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<template>",
        "</template>",
        "<svg>",
        "<math>",
        "<select>",
        "<option>",
        "<textarea>",
        "<noscript>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<article>",
        "</article>",
        "<nav>",
        "<footer>",
        "<aside>",
        "<form>",
        "<frameset>",
        "<frame>",
        "<plaintext>",
        "<xmp>",
        "<iframe>",
        "<title>",
        "</title>",
        "<body>",
        "<html>",
        "<head>",
        "<meta name='author' content='كتب أحمد'>",
        "<time datetime='2021-02-31'>",
        "<div class='byline'>",
        "<div class='date'>",
        "<div itemprop='articleBody'>",
        "<script type='application/ld+json'>",
        "{\"@type\":\"NewsArticle\",\"headline\":\"",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "&amp;",
        "&#1575;",
        "&#x0;",
        "&#xFFFFFF;",
        "&",
        "&#",
        ";",
        "<",
        ">",
        "=",
        "'",
        " ",
        "\n",
        "\0",
        "كتب ",
        "أحمد ",
        "و",
        "محمد ",
        "منذ 3 ساعات ",
        "31 شباط 2021 ",
        "0000-01-01 ",
        "text ",
        "שלום ",
        "中文 ",
        "\u{200F}",
        "\u{202E}",
        "\u{2066}",
        "\u{FEFF}",
        "\u{200B}",
        "\u{0301}",
        "😀",
        "اقرأ أيضا",
        "الأكثر قراءة",
        "افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين. ",
    ];
    let mut rng = Rng::new(42);
    for i in 0..300 {
        let n = [5, 50, 500, 5_000][i % 4];
        let html: String = (0..n).map(|_| rng.pick(TOKENS)).collect();
        survive(&html);
    }
}

#[test]
fn invalid_utf8_through_clean_bytes() {
    let cases: &[&[u8]] = &[
        b"\xff",
        b"\xff\xfe\xfd",
        b"<p>\xff\xfe\xc0\x80 \xed\xa0\x80 \xf8\x88\x80\x80\x80 \xf4\x90\x80\x80</p>",
        b"<p>\xd8</p>",
        b"<p>\xe2\x80</p>",
        b"\xef\xbb\xbf<p>\xff\xff\xff</p>",
        b"\xff\xfe<\x00p\x00>\x00\x00\xd8",
        b"\xfe\xff\x00<\x00p\x00>\xd8",
        b"\xff\xfe\x00",
        b"<meta charset=utf-16><p>\xff\xfe</p>",
        b"<meta charset=\"windows-1256\"><p>\xc7\xe1\xe3\xff\x81\x8d</p>",
        b"<meta charset=iso-8859-6><p>\xc7\xe1\xe3\xa0\xff</p>",
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\"><p>\xc7\xe1</p>",
        b"<meta charset=x-user-defined><p>\x80\xff</p>",
        b"<meta charset=replacement><p>abc</p>",
        b"<meta charset=shift_jis><p>\x82\xa0\x82</p>",
        b"<meta charset=gb18030><p>\x81\x30\x81</p>",
        b"<meta charset=\"\xff\xfe\"><p>x</p>",
        b"<meta charset=utf-8><meta charset=windows-1256><p>\xc7\xe1\xe3</p>",
    ];
    for &bytes in cases {
        survive_bytes(bytes);
    }
    // Windows-1256 Arabic without a declaration (detection), long enough to be an article.
    let mut page = b"<html><body><article>".to_vec();
    for _ in 0..50 {
        page.extend_from_slice(b"<p>\xc7\xdd\xca\xca\xcd \xe6\xd2\xed\xd1 \xc7\xe1\xc5\xd3\xdf\xc7\xe4 \xc7\xe1\xed\xe6\xe3 \xe3\xd4\xd1\xe6\xda\xc7 \xcc\xcf\xed\xcf\xc7.</p>");
    }
    page.extend_from_slice(b"\xff\xfe\x81</article></body></html>");
    survive_bytes(&page);
    // A megabyte of invalid sequences.
    let mut rng = Rng::new(7);
    let mut big = b"<p>".to_vec();
    while big.len() < 1 << 20 {
        big.push(0x80 | (rng.next() >> 58) as u8);
        big.push(0xF5 + (rng.next() >> 61) as u8 % 10);
    }
    check(matn::clean_bytes(&big));
}

#[test]
fn nul_bytes() {
    survive("\0");
    survive(&"\0".repeat(1 << 20));
    survive("<p>\0\0\0</p>");
    survive("<p\0>نص</p\0>");
    survive("<\0p>نص");
    survive("<div cla\0ss='by\0line' \0='x'>كتب أحمد\0 سمير</div>");
    survive("<!--\0--><![CDATA[\0]]><script>\0</script><style>\0</style><title>\0</title>");
    survive("&#0;&#x0;&#x00000000;&\0;");
    survive(&page(
        "<title>\0عنوان\0</title><meta name='author' content='\0'>",
        &format!("<article>{BODY}\0{BODY}</article>"),
    ));
    survive(&format!("<article>{}</article>", BODY.replace(' ', "\0")));
    survive_bytes(b"\0\0\0\0<p>\0\xff\0</p>");
    survive_bytes(&[0u8; 4096]);
}

// ---------------------------------------------------------------------------------------------
// Depth and breadth
// ---------------------------------------------------------------------------------------------

#[test]
fn nested_divs() {
    // Past the depth limit (512 elements open by default, `<html>` and `<body>` included)
    // nesting is a typed error: see `nested_divs_100k_hit_the_depth_limit` below. Here a depth
    // just under it.
    let n = 500;
    let html = format!("{}{BODY}{}", "<div>".repeat(n), "</div>".repeat(n));
    survive_large(&html);
    // Unclosed, with text at every level.
    survive_large(&"<div>نص المقال في هذا المستوى ".repeat(n));
    for tag in ["blockquote", "li", "section", "article", "ul", "figure"] {
        survive_large(&format!("{}{BODY}{}", format!("<{tag}>").repeat(n), format!("</{tag}>").repeat(n)));
    }
}

#[test]
fn nested_inline_and_formatting_elements_100k() {
    // A DOM 100,000 deep that html5ever builds in linear time: the walk and the drop must not
    // recurse.
    let n = 100_000;
    for tag in ["span", "b", "font", "em", "a href='/x'"] {
        let name = tag.split(' ').next().unwrap_or(tag);
        let html = format!("{}{BODY}{}", format!("<{tag}>").repeat(n), format!("</{name}>").repeat(n));
        survive_large(&html);
    }
}

#[test]
fn nested_tables_100k() {
    // table > tbody > tr > td, 100,000 times: a DOM 400,000 elements deep.
    let n = 100_000;
    let html = format!("{}{BODY}{}", "<table><tr><td>".repeat(n), "</td></tr></table>".repeat(n));
    survive_large(&html);
    // Unclosed, a number in every cell (100,000 cells of a word each: `short_blocks_100k`).
    let html = "<table><tr><td>1".repeat(n);
    survive_large(&html);
}

#[test]
fn sibling_paragraphs_1m() {
    // A million takes ~5 s here in the test profile; half as many keeps the file quick.
    let html = format!("<article>{}</article>", "<p>نص</p>".repeat(500_000));
    check(matn::clean(&html));
    // Unclosed <p>s: each one closes the one before.
    let html = "<p>x".repeat(300_000);
    check(matn::clean(&html));
}

#[test]
fn thousands_of_tables() {
    let table = "<table><thead><tr><th>الاسم</th><th>القيمة</th></tr></thead>\
        <tbody><tr><td>الأول</td><td>1</td></tr><tr><td>الثاني</td><td>2</td></tr></tbody></table>";
    survive_large(&format!("<article>{BODY}{}{BODY}</article>", table.repeat(5_000)));
    // Cells without rows, rows without tables, captions and colgroups everywhere.
    survive_large(&"<td>خلية<tr><caption>عنوان<colgroup><col><th>رأس</table>".repeat(5_000));
}

#[test]
fn unclosed_tags_everywhere() {
    // `<div><p><span>` ×50,000 nests 50,000 `<div>`s: `unclosed_div_p_span_50k_hit_the_depth_limit`
    // below. Here a count under the depth limit.
    let n = 50_000;
    survive_large(&"<div><p><span>".repeat(1_900));
    survive_large(&"<div><p><span>نص ".repeat(1_900));
    survive_large(&format!("{}{BODY}", "<p><span>".repeat(n)));
    survive_large(&"<p><span>نص ".repeat(n));
    // Misnested formatting: <b><i></b></i> forces the adoption agency algorithm each time.
    survive_large(&"<b><i>نص</b></i>".repeat(n));
    survive_large(&"<a href='/x'><p>نص</a>".repeat(n / 5));
    survive_large(&"<li><ul>".repeat(1_900));
    survive_large(&"<select><option>".repeat(n));
    survive_large(&"<h1><h2><h3>".repeat(n));
}

// ---------------------------------------------------------------------------------------------
// Huge nodes
// ---------------------------------------------------------------------------------------------

#[test]
fn text_node_20mb() {
    let mb = 1 << 20;
    // One word, 20 MB, Arabic (2-byte characters).
    let text = "ا".repeat(10 * mb);
    check(matn::clean(&format!("<article><p>{text}</p></article>")));
    drop(text);
    // Words and sentences, so the text looks like prose to every stage.
    let sentence = "افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة. ";
    let text = sentence.repeat(20 * mb / sentence.len());
    check(matn::clean(&format!("<article><p>{text}</p></article>")));
    check(permissive().max_block_bytes(16).clean(&format!("<p>{}</p>", &text[..2 * mb])));
    drop(text);
    // ASCII, no white space, no tags.
    check(matn::clean(&"x".repeat(20 * mb)));
}

#[test]
fn attribute_value_10mb() {
    let big = "a".repeat(10 << 20);
    let words = "byline date ".repeat((10 << 20) / 12);
    for (name, value) in [
        ("class", &big),
        ("class", &words),
        ("id", &big),
        ("style", &big),
        ("data-component", &words),
        ("itemprop", &big),
        ("role", &big),
        ("title", &big),
    ] {
        check(matn::clean(&format!("<article><div {name}=\"{value}\">{BODY}</div></article>")));
    }
    check(permissive().clean(&format!("<article><img src=\"/{big}.jpg\" alt=\"{words}\">{BODY}</article>")));
    check(permissive().clean(&format!("<article><a href=\"/author/{big}\">كتب</a>{BODY}</article>")));
    check(permissive().clean(&page(&format!("<meta name=\"author\" content=\"{words}\">"), BODY)));
    check(permissive().clean(&page(&format!("<link rel=\"canonical\" href=\"https://x.com/{big}\">"), BODY)));
    check(permissive().clean(&format!("<time datetime=\"{big}\">2021</time>{BODY}")));
}

// ---------------------------------------------------------------------------------------------
// Text content
// ---------------------------------------------------------------------------------------------

#[test]
fn mixed_scripts_and_directions() {
    let mixed = "<p dir=\"rtl\">العربية English עברית 中文 हिन्दी Русский ελληνικά ქართული 😀👩‍👩‍👧‍👦 1٢3۴ ﷺ ﻻ</p>\
        <p dir=\"ltr\" lang=\"en\">A paragraph in English with <bdo dir=\"rtl\">مقلوب</bdo> and <bdi>عربي</bdi> inside.</p>\
        <p dir=\"auto\">فقرة تبدأ بالعربية then switches to English وتعود إلى العربية مرة أخرى في النهاية.</p>\
        <p dir=\"garbage\" lang=\"\u{202E}ar\">نص باتجاه غير صالح.</p>";
    survive(&format!("<html dir=\"ltr\" lang=\"en\"><body><article>{mixed}{BODY}</article></body></html>"));
    survive(&format!(
        "<html dir=\"\u{202E}\" lang=\"{}\"><body><article>{mixed}{BODY}</article></body></html>",
        "x".repeat(10_000)
    ));
    // Combining marks piled on one base character.
    survive(&format!("<article><p>ا{}</p>{BODY}</article>", "\u{0651}\u{064E}\u{0301}".repeat(50_000)));
}

#[test]
fn zero_width_and_bidi_controls() {
    let controls = "\u{200B}\u{200C}\u{200D}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{FEFF}\u{061C}\u{00AD}\u{2060}\u{180E}";
    // Only controls: nothing visible.
    survive(controls);
    survive(&format!("<p>{}</p>", controls.repeat(10_000)));
    // Controls between every character of the article, the title and the byline.
    let spread = |s: &str| s.chars().flat_map(|c| [c, '\u{200F}', '\u{202E}', '\u{200B}']).collect::<String>();
    survive(&page(
        &format!("<title>{}</title>", spread("افتتاح مشروع جديد")),
        &format!(
            "<h1>{}</h1><div class=\"byline\">{}</div><article>{}</article>",
            spread("افتتاح مشروع جديد"),
            spread("كتب أحمد سمير"),
            spread(BODY)
        ),
    ));
    // Unbalanced embeddings and isolates.
    survive(&format!("<article>{}{BODY}</article>", "\u{202B}\u{2067}".repeat(100_000)));
}

#[test]
fn entity_heavy_text() {
    let n = 100_000;
    survive_large(&format!("<article><p>{}</p></article>", "&amp;#1575;".repeat(n)));
    survive_large(&format!("<article><p>{}</p></article>", "&#1575;".repeat(n)));
    survive_large(&format!("<article><p>{}</p></article>", "&#x627; ".repeat(n)));
    survive_large(&format!("<article><p>{}</p></article>", "&amp&lt&gt&nbsp&copy".repeat(n / 5)));
    // Invalid numeric references: NUL, surrogates, out of range, overlong.
    survive(&format!(
        "<article><p>&#0;&#x0;&#55296;&#xDFFF;&#x110000;&#xFFFFFFFFFFFFFFFF;&#99999999999999999999;&#;&#x;&#x1F600;&#128;</p>{BODY}</article>"
    ));
    survive(&page("<title>&amp;#1575;&#1575;&lt;b&gt;</title>", &format!("<h1>&#x202E;&amp;amp;</h1>{BODY}")));
}

// ---------------------------------------------------------------------------------------------
// Pages with no text
// ---------------------------------------------------------------------------------------------

#[test]
fn only_media_or_script() {
    for body in [
        "<img src=\"/photo.jpg\" alt=\"صورة\">",
        "<img src=\"/photo.jpg\">",
        "<img src=\"data:image/png;base64,AAAA\">",
        "<img src=\"   \">",
        "<figure><img src=\"/photo.jpg\"><figcaption>تعليق الصورة</figcaption></figure>",
        "<amp-img src=\"/photo.jpg\"></amp-img>",
        "<video src=\"/v.mp4\" controls>متصفحك لا يدعم الفيديو</video>",
        "<video><source src=\"/v.mp4\"><track src=\"/t.vtt\"></video>",
        "<audio src=\"/a.mp3\"></audio>",
        "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
        "<script>document.write('<p>' + 'نص'.repeat(1000) + '</p>')</script>",
        "<script>",
        "<script><!--",
        "<style>p { color: red }</style>",
        "<noscript><p>فعّل جافاسكربت</p></noscript>",
        "<svg><text>نص</text></svg>",
        "<template><article><p>نص</p></article></template>",
    ] {
        survive(body);
        survive(&page("<title>عنوان</title>", body));
    }
    survive(&format!("<article>{}</article>", "<img src=\"/photo.jpg\" alt=\"صورة\">".repeat(10_000)));
}

// ---------------------------------------------------------------------------------------------
// JSON-LD
// ---------------------------------------------------------------------------------------------

fn jsonld(script: &str) -> String {
    page(&format!("<script type=\"application/ld+json\">{script}</script>"), &format!("<article>{BODY}</article>"))
}

#[test]
fn malformed_json_ld() {
    let n = 100_000;
    for script in [
        "[".repeat(n),
        format!("{}{}", "[".repeat(n), "]".repeat(n)),
        "{\"a\":".repeat(n),
        format!("{}1{}", "{\"@graph\":[".repeat(n), "]}".repeat(n)),
        "[{\"@type\":\"NewsArticle\",\"author\":".repeat(n),
        "{\"@type\":\"NewsArticle\",\"headline\":\"عنوان بلا نهاية".to_string(),
        "{\"@type\":\"NewsArticle\",\"headline\":\"\\".to_string(),
        "{\"@type\":\"NewsArticle\",\"headline\":\"\\u12".to_string(),
        "{\"@type\":\"NewsArticle\",\"headline\":\"\\uD800\\uDC00\\uDFFF\\uD800x\\u0000\"}".to_string(),
        "{\"headline\":\"\\u".to_string(),
        "{\"@type\":\"NewsArticle\",\"datePublished\":1e999999,\"dateModified\":-,\"x\":--1}".to_string(),
        format!("{{\"headline\":\"{}\"}}", "\\\"".repeat(n)),
        format!("{{\"@type\":\"NewsArticle\",\"headline\":\"{}\"}}", "x".repeat(1 << 20)),
        format!("{{\"keywords\":[{}]}}", "\"وسم\",".repeat(n)),
        format!("{{\"author\":[{}]}}", "{\"name\":\"أحمد\"},".repeat(n)),
        "{\"@type\":[[[[[[\"NewsArticle\"]]]]]],\"author\":{\"name\":{\"name\":{\"name\":1}}}}".to_string(),
        "{\"@type\":\"NewsArticle\",\"datePublished\":\"31 شباط 2021\",\"author\":null,\"headline\":[]}".to_string(),
        "{,,,:::}}}]]]".to_string(),
        "\u{FEFF}{\"headline\":\"x\"}{\"headline\":\"y\"}garbage{".to_string(),
        "<!--{\"headline\":\"x\"}-->".to_string(),
        "\"".repeat(n),
        "{\"".repeat(n),
        "\0".repeat(1000),
    ] {
        survive_large(&jsonld(&script));
    }
    // Thousands of JSON-LD blocks.
    let many = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"عنوان\"}</script>"
        .repeat(10_000);
    survive_large(&page(&many, &format!("<article>{BODY}</article>")));
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

#[test]
fn byline_of_2000_characters() {
    let names = "أحمد سمير و".repeat(200);
    let names: String = names.chars().take(2_000).collect();
    let one_word: String = "ا".repeat(2_000);
    let commas = "، أحمد".repeat(400);
    let prefixes = "كتب ".repeat(500);
    for byline in [
        format!("كتب {names}"),
        one_word,
        format!("بقلم{commas}"),
        prefixes,
        format!("{} - أ ف ب", "رويترز و".repeat(250)),
    ] {
        survive(&page("", &format!("<h1>عنوان</h1><div class=\"byline\">{byline}</div><article>{BODY}</article>")));
        survive(&page(&format!("<meta name=\"author\" content=\"{byline}\">"), &format!("<article>{BODY}</article>")));
        survive(&jsonld(&format!("{{\"@type\":\"NewsArticle\",\"author\":{{\"name\":\"{byline}\"}}}}")));
        survive(&format!("<article><p>{byline}</p>{BODY}</article>"));
    }
}

#[test]
fn meta_tags_with_markup_inside() {
    survive(&page(
        "<title><p>عنوان</p><script>alert(1)</script></title>\
         <meta name=\"author\" content=\"<b>أحمد</b> <script>alert(1)</script>\">\
         <meta property=\"og:title\" content=\"<h1>عنوان</h1>\">\
         <meta property=\"og:site_name\" content=\"</head><body>\">\
         <meta property=\"og:image\" content=\"javascript:alert(1)\">\
         <meta property=\"article:published_time\" content=\"<time>2021-02-28</time>\">\
         <meta name=\"description\" content=\"&lt;p&gt;وصف&lt;/p&gt;\">\
         <meta name=\"keywords\" content=\"<a>,<b>,,,\">\
         <meta property=\"article:section\" content=\"\">\
         <meta content=\"بلا اسم\"><meta name=\"author\">\
         <link rel=\"canonical\" href=\"<a href=x>\">",
        &format!("<article>{BODY}</article>"),
    ));
    // Metadata outside the head, and a second <head>, <title> in the body.
    survive(&format!(
        "<body><meta name=\"author\" content=\"كتب أحمد\"><title>عنوان في الجسم</title><head><title>ثان</title></head>\
         <svg><title>عنوان svg</title></svg><article>{BODY}</article></body>"
    ));
}

#[test]
fn odd_dates() {
    let dates = [
        "31 شباط 2021",
        "30 فبراير 2021",
        "0 يناير 0",
        "1 يناير 0",
        "0000-01-01",
        "0000-00-00T00:00:00Z",
        "0000-02-29",
        "-0001-01-01",
        "99999-12-31",
        "9999-12-31T23:59:59+14:00",
        "2021-02-28T25:61:61+99:99",
        "2021-13-45",
        "2021-02-31T10:00:00Z",
        "18446744073709551616-01-01",
        "4294967296 مارس 2021",
        "31 ذو الحجة 1442 هـ",
        "30 ذو الحجة 99999 هـ",
        "1 محرم 0 هـ",
        "31 اسفند 1400",
        "الأحد 31 شباط 2021 - 25:99 م",
        "منذ 99999999999999999999 سنة",
        "منذ 9223372036854775807 ثانية",
        "منذ -1 ساعة",
        "Mon, 31 Feb 2021 99:99:99 +9999",
        "February 31, 0",
        "١٢/١٣/٠٠٠٠",
        "00/00/0000",
        "2021/02/31",
    ];
    for date in dates {
        survive(&page(
            &format!(
                "<meta property=\"article:published_time\" content=\"{date}\"><meta property=\"article:modified_time\" content=\"{date}\">"
            ),
            &format!(
                "<time datetime=\"{date}\">{date}</time><div class=\"date\">{date}</div><article>{BODY}</article>"
            ),
        ));
        survive(&jsonld(&format!(
            "{{\"@type\":\"NewsArticle\",\"datePublished\":\"{date}\",\"dateModified\":\"{date}\"}}"
        )));
        check(Cleaner::new().reference_time(date).min_confidence(0.0).clean(&format!("<p>منذ 3 ساعات</p>{BODY}")));
    }
    // Reference times at the edges of the calendar, with relative dates far back.
    for now in ["0000-01-01T00:00:00Z", "0001-01-01", "9999-12-31T23:59:59Z", "-9999-01-01"] {
        for rel in ["منذ 3 ساعات", "منذ 5000 سنة", "منذ 100000000 يوم", "منذ 1 شهر"] {
            check(
                Cleaner::new()
                    .reference_time(now)
                    .min_confidence(0.0)
                    .clean(&format!("<div class=\"date\">{rel}</div>{BODY}")),
            );
        }
    }
    // Dates in the URL.
    for url in [
        "https://x.com/2021/02/31/a",
        "https://x.com/0000/00/00/a",
        "https://x.com/99999999999/12/31/a",
        "https://x.com/20210231/a",
    ] {
        check(Cleaner::new().url(url).clean(&format!("<article>{BODY}</article>")));
    }
}

#[test]
fn odd_urls_and_image_links() {
    let body =
        format!("<article><img src=\"../../../x.jpg\"><img src=\"//\"><img src=\"http://[::1\">{BODY}</article>");
    for url in
        ["", " ", "not a url", "http://[::1", "javascript:alert(1)", "file:///etc/passwd", "https://", "https://xn--/"]
    {
        check(Cleaner::new().url(url).min_confidence(0.0).clean(&body));
    }
    survive(&page("<link rel=\"canonical\" href=\"http://[::1\"><meta property=\"og:url\" content=\"::::\">", &body));
}

/// Issue 11: `javascript:`, `vbscript:` and `data:` links (and every other scheme but http(s))
/// never leave the library, however the page spells them: not in `url()`, `image()`, an image
/// block, the JSON, nor any renderer; with and without a page URL to resolve against.
#[test]
fn script_and_data_links_never_leave() {
    let bad = [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java&#x09;script:alert(1)",
        "java&#10;script:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
        "data:image/png;base64,AAAA",
        " DATA:image/svg+xml,x",
        "file:///etc/passwd",
        "blob:https://x.net/1",
    ];
    let schemes = ["javascript", "vbscript", "data:", "file:", "blob:"];
    for link in bad {
        let head = format!(
            "<link rel=\"canonical\" href=\"{link}\"><meta property=\"og:url\" content=\"{link}\">\
             <meta property=\"og:image\" content=\"{link}\"><meta name=\"twitter:image\" content=\"{link}\">\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"url\":\"{link}\",\
             \"image\":\"{link}\",\"mainEntityOfPage\":\"{link}\"}}</script>"
        );
        let body = format!(
            "<article><figure><img src=\"{link}\" alt=\"صورة\"><figcaption>تعليق</figcaption></figure>\
             <img data-src=\"{link}\" alt=\"صورة\"><picture><source srcset=\"{link}\"><img src=\"{link}\"></picture>\
             {BODY}<p><a href=\"{link}\">رابط</a> في النص.</p></article>"
        );
        let html = page(&head, &body);
        for cleaner in [Cleaner::new().min_confidence(0.0), permissive(), Cleaner::new().url(link).min_confidence(0.0)]
        {
            let article = cleaner.clean(&html).expect("the page has an article");
            let images = article.blocks().iter().filter_map(|b| b.image()).map(|i| i.src().to_string());
            let links: Vec<String> =
                article.url().into_iter().chain(article.image()).map(str::to_string).chain(images).collect();
            for out in links.iter().cloned().chain([
                article.to_json(),
                article.to_html_document(),
                article.to_markdown_document(),
            ]) {
                let lower = out.to_ascii_lowercase();
                for scheme in schemes {
                    assert!(!lower.contains(scheme), "{link:?} left as {scheme} in {out}");
                }
            }
            assert!(links.iter().all(|l| l.starts_with("https://") || l.starts_with("http://")), "{links:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

#[test]
fn input_limit_is_a_typed_error() {
    let html = format!("<article>{BODY}</article>");
    let max = html.len() - 1;
    let cleaner = Cleaner::new().max_input_bytes(max);
    let err = cleaner.clean(&html).unwrap_err();
    assert_eq!(err, Error::TooLarge { limit: matn::Limit::InputBytes, max, actual: html.len() });
    let err = cleaner.clean_bytes(html.as_bytes()).unwrap_err();
    assert_eq!(err, Error::TooLarge { limit: matn::Limit::InputBytes, max, actual: html.len() });
    // Exactly at the limit is accepted.
    assert!(Cleaner::new().max_input_bytes(html.len()).clean(&html).is_ok());
    // A zero limit refuses everything but empty input.
    assert!(matches!(
        Cleaner::new().max_input_bytes(0).clean("x"),
        Err(Error::TooLarge { limit: matn::Limit::InputBytes, .. })
    ));
    // The default limit (64 MiB).
    let huge = " ".repeat((64 << 20) + 1);
    assert!(
        matches!(matn::clean(&huge), Err(Error::TooLarge { limit: matn::Limit::InputBytes, max, .. }) if max == 64 << 20)
    );
}

#[test]
fn node_limit_is_a_typed_error() {
    let html = format!("<article>{}</article>", "<p>نص</p>".repeat(1_000));
    let err = Cleaner::new().max_nodes(1_000).clean(&html).unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit: matn::Limit::Nodes, max: 1_000, actual } if actual > 1_000),
        "{err:?}"
    );
    let err = Cleaner::new().max_nodes(1_000).clean_bytes(html.as_bytes()).unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: matn::Limit::Nodes, .. }), "{err:?}");
    // Deep nesting counts too (below the depth limit).
    let deep = format!("{}نص{}", "<div>".repeat(1_500), "</div>".repeat(1_500));
    let err = Cleaner::new().max_nodes(1_000).max_depth(2_000).clean(&deep).unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: matn::Limit::Nodes, .. }), "{err:?}");
    // A zero limit.
    assert!(matches!(
        Cleaner::new().max_nodes(0).clean("<p>x</p>"),
        Err(Error::TooLarge { limit: matn::Limit::Nodes, .. })
    ));
}

#[test]
fn block_limit_truncates_at_a_character_boundary() {
    for unit in ["a", "ا", "中", "😀", "e\u{0301}"] {
        for max in [0, 1, 15, 16, 17, 18, 19, 100] {
            let html = format!("<article><p>{}</p></article>", unit.repeat(1_000));
            if let Some(article) = check(Cleaner::new().max_block_bytes(max).min_confidence(0.0).clean(&html)) {
                for b in article.blocks() {
                    assert!(b.text().len() <= max.max(16), "block of {} bytes over a {max} limit", b.text().len());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Findings: regression tests for what this suite and the fuzzers found, ignored until fixed
// ---------------------------------------------------------------------------------------------

/// Regression (found by this suite): 100,000 nested `<div>`s took minutes, because html5ever's
/// tree builder walks the whole stack of open elements at every block start tag (quadratic in
/// the nesting depth). matn now bounds the depth before parsing: a typed error, at once.
#[test]
fn nested_divs_100k_hit_the_depth_limit() {
    let n = 100_000;
    for html in ["<div>".repeat(n), format!("{}{BODY}{}", "<div>".repeat(n), "</div>".repeat(n))] {
        assert!(matches!(matn::clean(&html), Err(matn::Error::TooLarge { limit: matn::Limit::Depth, .. })));
    }
}

/// Regression: `<div><p><span>` ×50,000 (unclosed tags) is 50,000 nested `<div>`s.
#[test]
fn unclosed_div_p_span_50k_hit_the_depth_limit() {
    let result = matn::clean(&"<div><p><span>".repeat(50_000));
    assert!(matches!(result, Err(matn::Error::TooLarge { limit: matn::Limit::Depth, .. })));
}

/// Regression: `<li><ul>` ×20,000 nests 20,000 lists.
#[test]
fn nested_lists_20k_hit_the_depth_limit() {
    let result = matn::clean(&"<li><ul>".repeat(20_000));
    assert!(matches!(result, Err(matn::Error::TooLarge { limit: matn::Limit::Depth, .. })));
}

/// Regression (found by this suite): 100,000 short blocks in a row took ~35 s, because the
/// scorer looked for each short block's nearest non-short neighbours by scanning; it now finds
/// them in two linear passes.
#[test]
fn short_blocks_100k() {
    check(matn::clean(&"<p>كلمة</p>".repeat(100_000)));
    check(matn::clean(&"<table><tr><td>خلية".repeat(100_000)));
}

// ---------------------------------------------------------------------------------------------
// Every shape of tests/shapes at n and 4n: memory and allocations grow with the input
// ---------------------------------------------------------------------------------------------

/// Peak heap bytes and allocations of `clean` on `html`, on this thread.
fn heap_of(html: &str) -> (u64, u64, bool) {
    let mut stopped = false;
    let info = allocation_counter::measure(|| {
        stopped = check(matn::clean(html)).is_none();
    });
    (info.bytes_max, info.count_total, stopped)
}

#[test]
fn every_shape_in_bounded_memory() {
    // Rule tables and regexes are built once per process: before the measures.
    let _ = matn::clean(&page("", BODY));
    let mut report = Vec::new();
    for &((name, make), n) in shapes::SHAPES {
        let (small, large) = (make(n), make(4 * n));
        let (a, b) = (heap_of(&small), heap_of(&large));
        report.push(format!("{name}: {} B {a:?} → {} B {b:?}", small.len(), large.len()));
        let fail = |what: &str| panic!("{name}: {what}\n{}", report.join("\n"));
        // Issue 11: peak memory at most 20× the input and 64 MB, and in proportion to it.
        if b.0 > 20 * large.len() as u64 + (64 << 20) {
            fail("peak memory over 20× the input + 64 MB");
        }
        if b.0 > 5 * a.0 + (1 << 20) {
            fail("peak memory grows faster than the input");
        }
        if b.1 > 5 * a.1 + 1_000 {
            fail("allocations grow faster than the input");
        }
    }
    eprintln!("{}", report.join("\n"));
}
