//! Page shapes that cost html5ever (or a naive extractor) more than linear time or memory when
//! repeated `n` times: the table of issue 11 and what its tests found beyond it. Shared by
//! tests/hostile.rs (memory and allocations at `n` and `4n`), the tree's unit tests (nodes and
//! parser steps at `n` and `4n`) and benches/hostile.rs (time at `n` and `4n`).

/// A shape: its name, and the page it makes for a count `n`.
pub type Shape = (&'static str, fn(usize) -> String);

/// `what` `n` times.
fn times(what: &str, n: usize) -> String {
    what.repeat(n)
}

/// `make(i)` for `i` in `0..n`, joined.
fn each(n: usize, make: impl Fn(usize) -> String) -> String {
    (0..n).map(make).collect()
}

/// Every shape, with the `n` its tests use (the page at `n` is 10–200 KB).
pub const SHAPES: &[(Shape, usize)] = &[
    // Formatting elements: reconstructed into every paragraph; compared with every one open.
    (
        ("b_distinct_then_p", |n| format!("<p>{}</p>{}", each(n, |i| format!("<b id={i}>")), times("<p>x</p>", n))),
        1_000,
    ),
    (("b_distinct_nested", |n| each(n, |i| format!("<b id={i} class=c{i}>x"))), 4_000),
    (("font_unclosed_per_p", |n| each(n, |i| format!("<p><font color=c{i}>x</p>"))), 4_000),
    // Scope checks down the stack of open elements.
    (("span_then_p", |n| times("<span>", n) + &times("<p>x</p>", n)), 4_000),
    (("span_then_li", |n| times("<span>", n) + &times("<li>x", n)), 4_000),
    (("span_then_end_q", |n| times("<span>", n) + &times("</q>", n)), 4_000),
    (("span_then_h1", |n| times("<span>", n) + &times("<h1>x</h1>", n)), 4_000),
    (("svg_g_then_end_x", |n| format!("<svg>{}{}", times("<g>", n), times("</x>", n))), 4_000),
    // Raw text inside foreign content, then depth.
    (("svg_style_then_div", |n| format!("<svg><style>{}", times("<div>", n))), 4_000),
    (("math_style_then_div", |n| format!("<math><style>{}", times("<div>", n))), 4_000),
    (("svg_title_then_div", |n| format!("<svg><title>{}", times("<div>", n))), 4_000),
    (("svg_textarea_then_div", |n| format!("<svg><textarea>{}", times("<div>", n))), 4_000),
    // Containers nested.
    (("nested_dir", |n| times("<dir>", n) + &times("<p>x", n)), 4_000),
    (("nested_figcaption", |n| times("<figcaption>", n) + &times("<p>x", n)), 4_000),
    (("nested_summary", |n| times("<summary>", n) + &times("<p>x", n)), 4_000),
    (("nested_search", |n| times("<search>", n) + &times("<p>x", n)), 4_000),
    (("nested_template", |n| times("<template>", n) + &times("<p>x", n)), 4_000),
    // The tokenizer's duplicate-attribute check.
    (("one_tag_many_attributes", |n| format!("<p{}>x</p>", each(n, |i| format!(" a{i}=1")))), 20_000),
    // Metadata: lists de-duplicated, strings parsed.
    (
        ("jsonld_authors", |n| {
            let authors = each(n, |i| format!("{{\"@type\":\"Person\",\"name\":\"كاتب {i}\"}},"));
            format!(
                "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
             \"author\":[{}{{}}]}}</script>{}",
                authors,
                article()
            )
        }),
        2_000,
    ),
    (
        ("meta_keywords", |n| {
            format!("<meta name=keywords content=\"{}\">{}", each(n, |i| format!("كلمة{i},")), article())
        }),
        4_000,
    ),
    (
        ("meta_article_tags", |n| {
            format!("{}{}", each(n, |i| format!("<meta property=article:tag content=وسم{i}>")), article())
        }),
        2_000,
    ),
    (
        ("meta_long_date", |n| format!("<meta name=date content=\"2024-01-{}\">{}", times("1", n * 10), article())),
        10_000,
    ),
    (
        ("meta_long_description", |n| {
            format!("<meta name=description content=\"{}\">{}", times("وصف ", n * 4), article())
        }),
        10_000,
    ),
    // Found beyond the table (issue 11's closing work): repeated `<body>`/`<html>` tags each
    // adding an attribute (merged into the one element, each checked against all before), and
    // JSON-LD keywords de-duplicated pairwise.
    (("body_attributes_repeated", |n| each(n, |i| format!("<body a{i}=1>"))), 16_000),
    (("html_attributes_repeated", |n| each(n, |i| format!("<html a{i}=1>"))), 16_000),
    (
        ("jsonld_keywords", |n| {
            let keywords = each(n, |i| format!("\"كلمة{i}\","));
            format!(
                "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"keywords\":[{keywords}\"\"]}}</script>{}",
                article()
            )
        }),
        4_000,
    ),
    // Other html5ever paths tried and found linear, kept as checks.
    (("a_unclosed", |n| each(n, |i| format!("<a href=/{i}>x"))), 4_000),
    (("table_text_cells", |n| format!("<table>{}", times("x<td>", n))), 4_000),
    (("select_options", |n| format!("<select>{}", times("<option>x", n))), 4_000),
    (("end_br", |n| times("</br>", n)), 4_000),
    (("comments_between_text", |n| times("x<!---->", n)), 20_000),
    (
        ("jsonld_id_authors", |n| {
            let refs = each(n, |i| format!("{{\"@id\":\"#p{i}\"}},"));
            let people = each(n, |i| format!("{{\"@type\":\"Person\",\"@id\":\"#p{i}\",\"name\":\"كاتب {i}\"}},"));
            format!(
                "<script type=\"application/ld+json\">{{\"@graph\":[{{\"@type\":\"NewsArticle\",\"author\":[{refs}{{}}]}},{people}{{}}]}}</script>{}",
                article()
            )
        }),
        2_000,
    ),
    // Many small nodes: memory per byte of input.
    (("td_x", |n| times("<td>x", n)), 20_000),
    (("i_unclosed", |n| times("<i>x", n)), 20_000),
    (("p_x", |n| times("<p>x</p>", n)), 20_000),
    (("br", |n| times("<br>", n)), 20_000),
    (("img", |n| times("<img src=a.jpg>", n)), 20_000),
];

/// A short article, so metadata shapes reach the metadata stage.
fn article() -> String {
    "<article><p>افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي.</p>\
     <p>وقال الوزير في كلمته إن المشروع يضم ألف وحدة سكنية، وإن العمل بدأ فيه قبل عامين تقريبا.</p></article>"
        .to_string()
}
