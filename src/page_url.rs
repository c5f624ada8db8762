//! The page's URL, parsed once with the `url` crate (as a browser parses it): its host for the
//! site rules, whether it is a site's front page, and links made absolute against it.
//!
//! This is also the one place that decides which links may leave the library: only `http` and
//! `https` ones. `javascript:`, `vbscript:`, `data:` and every other scheme are dropped from the
//! article's URL, its image, its image blocks and every renderer, however the page spells them
//! (upper case, leading spaces, tabs or newlines inside the scheme).

use once_cell::sync::Lazy;
use url::Url;

/// A base for links when the page URL is unknown: only used to learn a link's scheme.
static NO_BASE: Lazy<Url> = Lazy::new(|| Url::parse("https://matn.invalid/").expect("a valid URL"));

/// A page URL, parsed once.
#[derive(Debug, Clone)]
pub(crate) struct PageUrl(Url);

impl PageUrl {
    /// Parses an absolute URL; a bare `host/path` is read as `http://host/path`. `None` when
    /// neither parses to a URL with a host.
    pub(crate) fn parse(s: &str) -> Option<PageUrl> {
        let s = s.trim();
        let url = match Url::parse(s) {
            Err(url::ParseError::RelativeUrlWithoutBase) => Url::parse(&format!("http://{s}")).ok()?,
            parsed => parsed.ok()?,
        };
        url.has_host().then_some(PageUrl(url))
    }

    /// The host, normalised as [`normalize_host`] does.
    pub(crate) fn host(&self) -> Option<String> {
        self.0.host_str().map(normalize_host).filter(|h| !h.is_empty())
    }

    /// Whether the URL is a site's front page: no query, and an empty path, `/`, or one segment
    /// named `index`, `default`, `home` or `main` (any extension). The fragment does not count.
    pub(crate) fn is_front_page(&self) -> bool {
        if self.0.query().is_some() {
            return false;
        }
        let path = self.0.path().trim_matches('/').to_ascii_lowercase();
        let stem = path.split('.').next().unwrap_or("");
        path.is_empty() || (!path.contains('/') && matches!(stem, "index" | "default" | "home" | "main"))
    }

    /// Whether the URL is shaped like one article's address: a slug of three or more words
    /// (`/orga-life-das-leben-organisieren/`), a number of four or more digits in the path
    /// (`/diy/20546/…`, `/story/2021/7/20/…`) or an id in the query (`?p=12`, `?id=983`).
    /// Section pages (`/culture.php`, `/sport/`) and front pages are not.
    pub(crate) fn looks_like_article(&self) -> bool {
        let digits_run = |s: &str| s.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() >= 4);
        let slug = |seg: &str| {
            let stem = seg.rsplit_once('.').map_or(seg, |(stem, _)| stem);
            stem.split(['-', '_', '+']).filter(|w| !w.is_empty()).count() >= 3
        };
        let id_query = self.0.query_pairs().any(|(k, v)| {
            matches!(&*k.to_ascii_lowercase(), "p" | "id" | "story" | "article" | "nid" | "newsid")
                && !v.is_empty()
                && v.chars().all(|c| c.is_ascii_digit())
        });
        let path = self.0.path();
        id_query || digits_run(path) || path.split('/').any(slug)
    }

    /// The URL as text.
    pub(crate) fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// A host as rules compare it: lower case, IDN in its ASCII (punycode) form, no `www.` and no
/// trailing dot. `Www.Example.COM.` and `example.com` are the same host.
pub(crate) fn normalize_host(host: &str) -> String {
    let host = host.trim().trim_end_matches('.');
    let ascii = url::Host::parse(host).map_or_else(|_| host.to_ascii_lowercase(), |h| h.to_string());
    ascii.strip_prefix("www.").unwrap_or(&ascii).to_string()
}

/// The host of a URL (see [`PageUrl::host`]).
pub(crate) fn host_of(url: &str) -> Option<String> {
    PageUrl::parse(url)?.host()
}

/// A link of the page as it may leave the library: an absolute URL in its serialized (WHATWG)
/// form, as crawlers record it, joined to `base` when the link is relative; a relative link with
/// no base stays as the page wrote it (trimmed). `None` unless it is an `http` or `https` URL.
pub(crate) fn resolve(base: Option<&PageUrl>, link: &str) -> Option<String> {
    if other_scheme_spaced(link) {
        return None;
    }
    let joined = base.map_or(&*NO_BASE, |b| &b.0).join(link).ok()?;
    if !matches!(joined.scheme(), "http" | "https") {
        return None;
    }
    let relative = matches!(Url::parse(link), Err(url::ParseError::RelativeUrlWithoutBase));
    Some(if relative && base.is_none() { link.trim().to_string() } else { joined.into() })
}

/// Whether `link` names a scheme other than http(s) once the white space inside it is taken
/// out: metadata values have their white space folded, so a `java&#9;script:` that a browser
/// reads as `javascript:` (it skips tabs and newlines) arrives here as `java script:`.
fn other_scheme_spaced(link: &str) -> bool {
    let Some(end) = link.find([':', '/', '?', '#']) else { return false };
    let scheme: String = link[..end].chars().filter(|c| !c.is_whitespace()).collect();
    link[end..].starts_with(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !scheme.eq_ignore_ascii_case("http")
        && !scheme.eq_ignore_ascii_case("https")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_normalised() {
        assert_eq!(host_of("https://www.youm7.com/story/1").as_deref(), Some("youm7.com"));
        assert_eq!(host_of("http://user@Example.org:8080/x").as_deref(), Some("example.org"));
        assert_eq!(host_of("WWW.Example.com/a/b").as_deref(), Some("example.com"));
        assert_eq!(host_of("https://[::1]:8080/x").as_deref(), Some("[::1]"));
        assert_eq!(host_of("https://مثال.مصر/خبر").as_deref(), Some("xn--mgbh0fb.xn--wgbh1c"));
        assert_eq!(normalize_host("مثال.مصر"), "xn--mgbh0fb.xn--wgbh1c");
        assert_eq!(normalize_host(" www.Example.COM. "), "example.com");
        assert_eq!(host_of(""), None);
        assert_eq!(host_of("mailto:a@b.c"), None);
    }

    #[test]
    fn front_pages() {
        let front = |u: &str| PageUrl::parse(u).is_some_and(|p| p.is_front_page());
        for u in ["https://x.net", "https://x.net/", "https://x.net/#top", "http://x.net/index.php", "x.net/Home.aspx"]
        {
            assert!(front(u), "{u}");
        }
        for u in [
            "https://x.net/news/1",
            "https://x.net/?p=12",
            "https://x.net/index.php?id=3",
            "https://x.net/a/index.html",
        ] {
            assert!(!front(u), "{u}");
        }
    }

    #[test]
    fn article_addresses() {
        let article = |u: &str| PageUrl::parse(u).is_some_and(|p| p.looks_like_article());
        for u in [
            "https://x.net/orga-life-das-leben-organisieren/",
            "https://x.net/diy/20546/tischdecke",
            "https://x.net/2012/04/11/april/",
            "https://x.net/news/the-captains-quest.html",
            "https://x.net/fullstory.php?id=983&CatID=2",
        ] {
            assert!(article(u), "{u}");
        }
        for u in ["https://x.net/", "http://x.net/culture.php", "https://x.net/sport/", "https://x.net/enchufla"] {
            assert!(!article(u), "{u}");
        }
    }

    #[test]
    fn only_web_links_leave() {
        let base = PageUrl::parse("https://example.com/news/1");
        let base = base.as_ref();
        assert_eq!(resolve(base, "/a.jpg").as_deref(), Some("https://example.com/a.jpg"));
        assert_eq!(resolve(None, " /a.jpg ").as_deref(), Some("/a.jpg"));
        assert_eq!(resolve(base, "//cdn.example.com/a.jpg").as_deref(), Some("https://cdn.example.com/a.jpg"));
        let arabic = "https://example.com/خبر";
        assert_eq!(resolve(None, arabic).as_deref(), Some("https://example.com/%D8%AE%D8%A8%D8%B1"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java script:alert(1)",
            " j a v a s c r i p t :alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>x</script>",
            "data:image/png;base64,AA",
            "file:///etc/passwd",
        ] {
            assert_eq!(resolve(base, bad), None, "{bad:?}");
            assert_eq!(resolve(None, bad), None, "{bad:?}");
        }
    }
}
