//! `matn._matn`: the compiled half of the Python package `matn`.
//!
//! Every call copies nothing it does not need to: a `str` is read in place as UTF-8 and `bytes`
//! as a slice, and the extraction and the rendering run with the GIL released (`Python::detach`),
//! so Python threads clean pages in parallel. Only the conversion of the result into Python
//! objects holds the GIL. A panic inside the library (there should be none) comes back as
//! `MatnError`, never as `PanicException`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString};

create_exception!(_matn, MatnError, PyException, "Why a page gave no article (the base of matn's errors).");
create_exception!(_matn, EmptyError, MatnError, "The input held nothing but white space.");
create_exception!(
    _matn,
    NoArticleError,
    MatnError,
    "No region of the page reads as an article (a homepage, a list of headlines); `confidence` and `chars` say how close the best candidate came."
);
create_exception!(
    _matn,
    TooLargeError,
    MatnError,
    "The input is larger than a configured limit; `limit` names it, `max` is the limit and `actual` what the input had."
);

/// The output forms of `Cleaner.clean`.
#[derive(Clone, Copy)]
enum Format {
    Text,
    Lines,
    Markdown,
    Html,
    Json,
}

impl Format {
    fn parse(name: &str) -> PyResult<Format> {
        Ok(match name {
            "text" => Format::Text,
            "lines" => Format::Lines,
            "markdown" | "md" => Format::Markdown,
            "html" => Format::Html,
            "json" => Format::Json,
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown format {other:?}: use text, lines, markdown, html or json"
                )));
            }
        })
    }

    fn render(self, article: &matn::Article) -> String {
        match self {
            Format::Text => article.text(),
            Format::Lines => article.text_lines(),
            Format::Markdown => article.to_markdown_document(),
            Format::Html => article.to_html_document(),
            Format::Json => article.to_json(),
        }
    }
}

/// The page as the library takes it: UTF-8 text, or bytes in any encoding.
enum Page<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// Why a call failed, carried out of the GIL-free section.
enum Failure {
    Matn(matn::Error),
    Panic(String),
}

/// The Python exception for a library error, with its fields as attributes.
fn to_py_err(py: Python<'_>, failure: Failure) -> PyErr {
    let (err, attrs): (PyErr, Vec<(&str, Py<PyAny>)>) = match failure {
        Failure::Panic(msg) => (MatnError::new_err(format!("internal error in matn: {msg}")), Vec::new()),
        Failure::Matn(e) => {
            let msg = e.to_string();
            match e {
                matn::Error::Empty => (EmptyError::new_err(msg), Vec::new()),
                matn::Error::NoArticle { confidence, chars } => (
                    NoArticleError::new_err(msg),
                    vec![
                        (
                            "confidence",
                            confidence.into_pyobject(py).map(|v| v.into_any().unbind()).unwrap_or(py.None()),
                        ),
                        ("chars", chars.into_pyobject(py).map(|v| v.into_any().unbind()).unwrap_or(py.None())),
                    ],
                ),
                matn::Error::TooLarge { limit, max, actual } => (
                    TooLargeError::new_err(msg),
                    vec![
                        ("limit", PyString::new(py, limit.as_str()).into_any().unbind()),
                        ("max", max.into_pyobject(py).map(|v| v.into_any().unbind()).unwrap_or(py.None())),
                        ("actual", actual.into_pyobject(py).map(|v| v.into_any().unbind()).unwrap_or(py.None())),
                    ],
                ),
                _ => (MatnError::new_err(msg), Vec::new()),
            }
        }
    };
    let value = err.value(py);
    for (name, v) in attrs {
        // An exception instance has a __dict__: setting an attribute cannot fail in practice.
        let _ = value.setattr(name, v);
    }
    err
}

/// Cleans a page with the GIL released and renders it; the Rust side of every entry point.
fn run(
    py: Python<'_>,
    cleaner: &matn::Cleaner,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    content_type: Option<&str>,
    format: Format,
) -> PyResult<String> {
    let page = if let Ok(s) = html.cast::<PyString>() {
        Page::Text(s.to_str()?)
    } else if let Ok(b) = html.cast::<PyBytes>() {
        Page::Bytes(b.as_bytes())
    } else {
        return Err(PyTypeError::new_err(format!(
            "html must be str or bytes, not {}",
            html.get_type().name().map(|n| n.to_string()).unwrap_or_default()
        )));
    };
    let result = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| {
            let with_url;
            let cleaner = match url {
                Some(u) => {
                    with_url = cleaner.clone().url(u);
                    &with_url
                }
                None => cleaner,
            };
            let article = match page {
                Page::Text(s) => cleaner.clean(s),
                Page::Bytes(b) => cleaner.clean_bytes_with_charset(b, content_type),
            };
            article.map(|a| format.render(&a)).map_err(Failure::Matn)
        }))
        .unwrap_or_else(|panic| {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(Failure::Panic(msg))
        })
    });
    result.map_err(|f| to_py_err(py, f))
}

/// `json.loads`, looked up once.
fn json_loads(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")
}

/// A rule of the chrome table: what part of a page it matches and what it does there.
#[pyclass(frozen, from_py_object, module = "matn._matn")]
#[derive(Clone)]
struct Rule {
    inner: matn::Rule,
}

fn action(name: &str) -> PyResult<matn::Action> {
    Ok(match name {
        "remove" => matn::Action::Remove,
        "trim_after" => matn::Action::TrimAfter,
        "body" => matn::Action::Body,
        "caption" => matn::Action::Caption,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown action {other:?}: use remove, trim_after, body or caption"
            )));
        }
    })
}

#[pymethods]
impl Rule {
    /// A rule on a class or id token, compared without case, `-` or `_`.
    #[staticmethod]
    fn class_(token: &str, action_name: &str) -> PyResult<Rule> {
        Ok(Rule { inner: matn::Rule::class(token, action(action_name)?) })
    }

    /// A rule on one element selector (`tag`, `#id`, `.class`, `tag.class`, `tag#id`).
    #[staticmethod]
    fn selector(selector: &str, action_name: &str) -> PyResult<Rule> {
        matn::Rule::selector(selector, action(action_name)?)
            .map(|inner| Rule { inner })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// A rule on a phrase at the start of a block (folded Arabic matching).
    #[staticmethod]
    fn phrase(phrase: &str, action_name: &str) -> PyResult<Rule> {
        Ok(Rule { inner: matn::Rule::phrase(phrase, action(action_name)?) })
    }

    /// A rule on a block whose whole text is the phrase (a box heading).
    #[staticmethod]
    fn heading(phrase: &str, action_name: &str) -> PyResult<Rule> {
        Ok(Rule { inner: matn::Rule::heading(phrase, action(action_name)?) })
    }

    /// A rule on a block that contains the phrase anywhere.
    #[staticmethod]
    fn contains(phrase: &str, action_name: &str) -> PyResult<Rule> {
        Ok(Rule { inner: matn::Rule::contains(phrase, action(action_name)?) })
    }

    /// The same rule limited to one host and its subdomains.
    fn on_host(&self, host: &str) -> Rule {
        Rule { inner: self.inner.clone().on_host(host) }
    }

    /// The host the rule is limited to, if any.
    #[getter]
    fn host(&self) -> Option<String> {
        self.inner.host().map(str::to_string)
    }

    fn __repr__(&self) -> String {
        format!("Rule({:?}, host={:?})", self.inner.action(), self.inner.host())
    }
}

/// The extractor's settings, built once and used for every page, from any thread.
#[pyclass(frozen, module = "matn._matn")]
struct Cleaner {
    inner: matn::Cleaner,
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (
        *, url=None, rules=None, default_rules=true, min_confidence=None, min_block_score=None,
        reference_time=None, max_input_bytes=None, max_nodes=None, max_depth=None,
        max_block_bytes=None, explain=false
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        url: Option<&str>,
        rules: Option<Vec<Rule>>,
        default_rules: bool,
        min_confidence: Option<f32>,
        min_block_score: Option<f32>,
        reference_time: Option<&str>,
        max_input_bytes: Option<usize>,
        max_nodes: Option<usize>,
        max_depth: Option<usize>,
        max_block_bytes: Option<usize>,
        explain: bool,
    ) -> Cleaner {
        let extra: Vec<matn::Rule> = rules.unwrap_or_default().into_iter().map(|r| r.inner).collect();
        let mut c = matn::Cleaner::new().explain(explain);
        c = if default_rules { c.rules(extra) } else { c.replace_rules(extra) };
        if let Some(u) = url {
            c = c.url(u);
        }
        if let Some(v) = min_confidence {
            c = c.min_confidence(v);
        }
        if let Some(v) = min_block_score {
            c = c.min_block_score(v);
        }
        if let Some(v) = reference_time {
            c = c.reference_time(v);
        }
        if let Some(v) = max_input_bytes {
            c = c.max_input_bytes(v);
        }
        if let Some(v) = max_nodes {
            c = c.max_nodes(v);
        }
        if let Some(v) = max_depth {
            c = c.max_depth(v);
        }
        if let Some(v) = max_block_bytes {
            c = c.max_block_bytes(v);
        }
        Cleaner { inner: c }
    }

    /// The article as a dict with the keys of `Article::to_json`.
    #[pyo3(signature = (html, *, url=None, content_type=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        html: &Bound<'py, PyAny>,
        url: Option<&str>,
        content_type: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = run(py, &self.inner, html, url, content_type, Format::Json)?;
        json_loads(py)?.call1((json,))
    }

    /// The article rendered as text, lines, markdown, html or json.
    #[pyo3(signature = (html, *, url=None, content_type=None, format="text"))]
    fn clean(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<&str>,
        content_type: Option<&str>,
        format: &str,
    ) -> PyResult<String> {
        run(py, &self.inner, html, url, content_type, Format::parse(format)?)
    }
}

#[pymodule]
mod _matn {
    #[pymodule_export]
    use super::{Cleaner, EmptyError, MatnError, NoArticleError, Rule, TooLargeError};
}
