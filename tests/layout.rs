//! The shape of the source, checked: the modules import each other along the data path with no
//! circle, and no function outside the tests is longer than one can read at once.
//!
//! Both checks read `src/` as text (formatted by rustfmt, so an item's closing brace sits alone
//! on a line at the item's own indentation); `#[cfg(test)]` items are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The longest a function (signature to closing brace) may be.
const MAX_FN_LINES: usize = 80;

/// Every `.rs` file under `src/`, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// The module a file belongs to: `src/select.rs` → `select`, `src/meta/date.rs` → `meta`.
fn module_of(path: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rel = path.strip_prefix(&src).expect("under src/");
    let first = rel.components().next().expect("non-empty").as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The line index where the item that starts on line `start` ends: its closing brace, alone at
/// the item's indentation, or the line that ends a one-line item or a declaration (`;`). The
/// signature may run over several lines before the body opens.
fn item_end(lines: &[&str], start: usize) -> usize {
    let opens = |l: &str| l.trim_end().ends_with('{') || l.trim_end().ends_with(';') || l.trim_end().ends_with('}');
    let Some(open) = (start..lines.len()).find(|&i| opens(lines[i])) else { return lines.len() - 1 };
    if !lines[open].trim_end().ends_with('{') {
        return open;
    }
    let close = format!("{}}}", " ".repeat(indent(lines[start])));
    (open + 1..lines.len()).find(|&i| lines[i].trim_end() == close).unwrap_or(lines.len() - 1)
}

/// The file's lines, without `#[cfg(test)]` items and comment lines, numbered from 1.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim();
        if trimmed == "#[cfg(test)]" {
            let mut item = i + 1;
            while item < lines.len() && lines[item].trim_start().starts_with("#[") {
                item += 1;
            }
            i = item_end(&lines, item.min(lines.len() - 1)) + 1;
            continue;
        }
        if !trimmed.starts_with("//") {
            out.push((i + 1, lines[i]));
        }
        i += 1;
    }
    out
}

/// The first path segments named after `crate::` in `code` (`use crate::{a::X, b}` gives a, b).
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find(';').unwrap_or(group.len())];
            for item in split_top_level(group) {
                out.insert(first_segment(item));
            }
        } else {
            out.insert(first_segment(rest));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The comma-separated items of a `{…}` group, nested groups kept whole.
fn split_top_level(group: &str) -> Vec<&str> {
    let (mut items, mut depth, mut from) = (Vec::new(), 0usize, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[from..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[from..]);
    items
}

fn first_segment(path: &str) -> String {
    path.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// Module → the modules it names. A name at the crate root that is not a module (`crate::clean`,
/// `crate::Cleaner`) is an edge to `lib`, which itself reaches every module.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources();
    let modules: BTreeSet<String> = files.iter().map(|(p, _)| module_of(p)).filter(|m| m != "lib").collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in &files {
        let from = module_of(path);
        let code: String = code_lines(text).iter().map(|(_, l)| format!("{l}\n")).collect();
        let to = graph.entry(from.clone()).or_default();
        if from == "lib" {
            to.extend(modules.iter().cloned());
            continue;
        }
        for name in crate_paths(&code) {
            let target = if modules.contains(&name) { name } else { "lib".to_string() };
            if target != from {
                to.insert(target);
            }
        }
    }
    graph
}

/// A circle in `graph`, if there is one, as the modules along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Iterative depth-first search with colours: 1 on the current path, 2 finished.
    let mut colour: BTreeMap<&str, u8> = BTreeMap::new();
    for root in graph.keys() {
        if colour.contains_key(root.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(root, next_of(graph, root))];
        colour.insert(root, 1);
        while let Some((node, pending)) = stack.last_mut() {
            let node: &str = node;
            let Some(next) = pending.pop() else {
                colour.insert(node, 2);
                stack.pop();
                continue;
            };
            match colour.get(next) {
                Some(1) => {
                    let at = stack.iter().position(|(n, _)| *n == next).unwrap_or(0);
                    let mut cycle: Vec<String> = stack[at..].iter().map(|(n, _)| n.to_string()).collect();
                    cycle.push(next.to_string());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    colour.insert(next, 1);
                    stack.push((next, next_of(graph, next)));
                }
            }
        }
    }
    None
}

fn next_of<'a>(graph: &'a BTreeMap<String, BTreeSet<String>>, node: &str) -> Vec<&'a str> {
    graph.get(node).map(|s| s.iter().map(String::as_str).collect()).unwrap_or_default()
}

#[test]
fn modules_import_along_the_data_path_with_no_circle() {
    let graph = import_graph();
    assert!(graph.contains_key("dom") && graph.contains_key("select"), "modules found: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import circle: {}", cycle.join(" -> "));
    }
}

/// The functions of a file longer than [`MAX_FN_LINES`]: line number, length, signature.
fn long_functions(text: &str) -> Vec<(usize, usize, String)> {
    let code = code_lines(text);
    let lines: Vec<&str> = code.iter().map(|(_, l)| *l).collect();
    let mut long = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let head = line.trim_start();
        let is_fn =
            ["fn ", "pub fn ", "pub(crate) fn ", "const fn ", "pub const fn "].iter().any(|p| head.starts_with(p));
        if !is_fn {
            continue;
        }
        let length = code[item_end(&lines, k)].0 - code[k].0 + 1;
        if length > MAX_FN_LINES {
            long.push((code[k].0, length, head.trim_end_matches('{').trim().to_string()));
        }
    }
    long
}

#[test]
fn functions_are_short_enough_to_read_at_once() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&path).display().to_string();
        for (line, length, head) in long_functions(&text) {
            long.push(format!("{name}:{line} {length} lines: {head}"));
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn the_checks_see_what_they_check() {
    // A circle and a long function, written here, are found by the same code.
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(find_cycle(&graph), Some(vec!["a".into(), "b".into(), "a".into()]));
    graph.insert("b".to_string(), BTreeSet::new());
    assert_eq!(find_cycle(&graph), None);
    let paths = crate_paths("use crate::{model::{A, B}, normalize};\nlet x = crate::rules::y();");
    assert_eq!(paths, BTreeSet::from(["model".into(), "normalize".into(), "rules".into()]));
    let text = "fn f() {\n    a();\n}\n#[cfg(test)]\nmod tests {\n    fn g() {}\n}\n";
    let kept: Vec<&str> = code_lines(text).iter().map(|(_, l)| *l).collect();
    assert_eq!(kept, ["fn f() {", "    a();", "}"]);
    let body = "    x();\n".repeat(MAX_FN_LINES);
    let text = format!("fn short() {{}}\n\npub fn long(\n    a: u8,\n) {{\n{body}}}\nfn after() {{\n}}\n");
    assert_eq!(long_functions(&text), [(3, MAX_FN_LINES + 4, "pub fn long(".to_string())]);
}
