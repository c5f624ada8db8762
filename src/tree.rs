//! The tree html5ever builds into: every node in one vector, linked to its parent and siblings by
//! index. Building it costs one push per node (no reference counts, no vector of children per
//! node), and the walker takes it apart as it reads it, so the tree and the page's blocks are
//! never both whole in memory.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

use crate::error::Limit;

/// "No node".
pub(crate) const NIL: u32 = u32::MAX;

/// The document node's index.
pub(crate) const DOCUMENT: u32 = 0;

/// What a node holds.
#[derive(Debug)]
pub(crate) enum Data {
    /// The document, or a template's contents.
    Document,
    /// An element.
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        /// The contents of a `<template>` (a [`Data::Document`] node), or [`NIL`].
        template: u32,
        mathml_annotation_xml_integration_point: bool,
    },
    /// Text.
    Text(StrTendril),
    /// A comment, doctype or processing instruction (never read), or a node already walked.
    Other,
}

/// One node and its links ([`NIL`] where there is none).
#[derive(Debug)]
pub(crate) struct Node {
    pub data: Data,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub prev: u32,
    pub next: u32,
    /// Elements from the document down to this node, itself included, when it was inserted.
    pub depth: u32,
}

/// The nodes, in chunks of a fixed size: the store grows without ever copying itself, so a
/// large page never holds an old and a new copy of its nodes at once.
#[derive(Debug, Default)]
pub(crate) struct Nodes {
    chunks: Vec<Vec<Node>>,
    len: usize,
}

/// Nodes per chunk (about 20 KB).
const CHUNK: usize = 256;

impl Nodes {
    /// The node at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Node> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// The node at `i`, to change.
    #[inline]
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Node> {
        self.chunks.get_mut(i / CHUNK)?.get_mut(i % CHUNK)
    }

    /// How many nodes there are.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// The children of `node` with their indices, first to last.
    pub fn children(&self, node: u32) -> impl Iterator<Item = (u32, &Node)> {
        self.chain(self.get(node as usize).map_or(NIL, |n| n.first_child), |n| n.next)
    }

    /// The children of `node` with their indices, last to first.
    pub fn children_rev(&self, node: u32) -> impl Iterator<Item = (u32, &Node)> {
        self.chain(self.get(node as usize).map_or(NIL, |n| n.last_child), |n| n.prev)
    }

    /// The nodes from `start` on along a sibling link; at most as many as there are nodes,
    /// whatever the links say.
    fn chain(&self, start: u32, link: fn(&Node) -> u32) -> impl Iterator<Item = (u32, &Node)> {
        std::iter::successors(self.get(start as usize).map(|n| (start, n)), move |(_, n)| {
            let id = link(n);
            self.get(id as usize).map(|next| (id, next))
        })
        .take(self.len)
    }

    fn push(&mut self, node: Node) -> u32 {
        if self.chunks.last().is_none_or(|c| c.len() == CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        if let Some(chunk) = self.chunks.last_mut() {
            chunk.push(node);
        }
        self.len += 1;
        u32::try_from(self.len - 1).unwrap_or(NIL)
    }
}

/// What building one tree may cost. html5ever's own algorithms (scope checks down the stack of
/// open elements, reconstruction of formatting elements) cost time with the square of the depth
/// and memory with the square of unclosed formatting tags; the tree sees every element they make
/// and every name they look at, and stops the page at these bounds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    /// Nodes created.
    pub nodes: usize,
    /// Elements open at once (the depth of the tree, the root element included).
    pub depth: usize,
    /// Bytes of nodes, attributes and text held by the tree (an estimate from their sizes).
    pub bytes: usize,
    /// Element names the parser looks at (each step of a walk down its stack of open elements).
    pub lookups: u64,
}

impl Budget {
    /// No bound (for tests).
    #[cfg(test)]
    pub const UNBOUNDED: Budget = Budget { nodes: usize::MAX, depth: usize::MAX, bytes: usize::MAX, lookups: u64::MAX };
}

/// What the tree has cost so far, and the first bound it passed.
#[derive(Debug, Default)]
struct Spent {
    nodes: Cell<usize>,
    bytes: Cell<usize>,
    lookups: Cell<u64>,
    deepest: Cell<usize>,
    over: Cell<Option<(Limit, usize, usize)>>,
}

/// The tree: node 0 is the document.
#[derive(Debug)]
pub(crate) struct Tree {
    nodes: RefCell<Nodes>,
    budget: Budget,
    spent: Spent,
}

impl Tree {
    /// An empty document.
    #[cfg(test)]
    pub fn new() -> Tree {
        Tree::with_budget(Budget::UNBOUNDED)
    }

    /// An empty document that may cost at most `budget`.
    pub fn with_budget(budget: Budget) -> Tree {
        let tree = Tree { nodes: RefCell::new(Nodes::default()), budget, spent: Spent::default() };
        tree.push(Data::Document);
        tree
    }

    /// The first bound passed, as (limit, maximum, what the page had when it was noticed).
    pub fn over(&self) -> Option<(Limit, usize, usize)> {
        self.spent.over.get()
    }

    /// What the tree has cost so far: (nodes, deepest element, bytes held, names looked up).
    #[cfg(test)]
    pub fn spent(&self) -> (usize, usize, usize, u64) {
        let s = &self.spent;
        (s.nodes.get(), s.deepest.get(), s.bytes.get(), s.lookups.get())
    }

    /// Notes that the page has reached `actual` of `limit`, whose bound is `max`.
    fn check(&self, limit: Limit, max: usize, actual: usize) {
        if actual > max && self.spent.over.get().is_none() {
            self.spent.over.set(Some((limit, max, actual)));
        }
    }

    /// Counts `bytes` more held by the tree.
    fn hold(&self, bytes: usize) {
        let total = self.spent.bytes.get().saturating_add(bytes);
        self.spent.bytes.set(total);
        self.check(Limit::TreeBytes, self.budget.bytes, total);
    }

    /// Notes the depth of a node just inserted, and the depth of `child` from its parent's.
    fn deepen(&self, nodes: &mut Nodes, parent: u32, child: u32) {
        let depth = node(nodes, parent).map_or(0, |p| p.depth).saturating_add(1);
        if let Some(c) = node(nodes, child) {
            c.depth = depth;
            if matches!(c.data, Data::Element { .. }) {
                self.spent.deepest.set(self.spent.deepest.get().max(depth as usize));
                self.check(Limit::Depth, self.budget.depth, depth as usize);
            }
        }
    }

    /// The nodes, for the walk.
    pub fn into_nodes(self) -> Nodes {
        self.nodes.into_inner()
    }

    /// The node to insert: the given node, or new text, unless the text goes on `before` (the
    /// node that will precede it) because that is text already (then `None`).
    fn node_or_text(&self, child: NodeOrText<Handle>, before: u32) -> Option<u32> {
        match child {
            NodeOrText::AppendNode(n) => Some(n.id),
            NodeOrText::AppendText(text) => {
                if extend_text(&mut self.nodes.borrow_mut(), before, &text) {
                    self.hold(text.len());
                    return None;
                }
                Some(self.push(Data::Text(text)))
            }
        }
    }

    fn push(&self, data: Data) -> u32 {
        let n = self.spent.nodes.get() + 1;
        self.spent.nodes.set(n);
        self.check(Limit::Nodes, self.budget.nodes, n);
        let held = match &data {
            Data::Element { attrs, .. } => {
                attrs.len() * std::mem::size_of::<Attribute>() + attrs.iter().map(|a| a.value.len()).sum::<usize>()
            }
            Data::Text(t) => t.len(),
            _ => 0,
        };
        self.hold(std::mem::size_of::<Node>() + held);
        self.nodes.borrow_mut().push(Node {
            data,
            parent: NIL,
            first_child: NIL,
            last_child: NIL,
            prev: NIL,
            next: NIL,
            depth: 0,
        })
    }
}

/// The node at `id`, if any (handles only ever come from [`Tree::push`]).
fn node(nodes: &mut Nodes, id: u32) -> Option<&mut Node> {
    nodes.get_mut(id as usize)
}

/// Unlinks `id` from its parent and siblings.
fn detach(nodes: &mut Nodes, id: u32) {
    let Some(n) = node(nodes, id) else { return };
    let (parent, prev, next) = (n.parent, n.prev, n.next);
    n.parent = NIL;
    n.prev = NIL;
    n.next = NIL;
    link_after(nodes, parent, prev, next);
    match node(nodes, next) {
        Some(n) => n.prev = prev,
        None => {
            if let Some(p) = node(nodes, parent) {
                p.last_child = prev;
            }
        }
    }
}

/// Makes `to` the node after `prev` under `parent` (its first child when `prev` is [`NIL`]).
fn link_after(nodes: &mut Nodes, parent: u32, prev: u32, to: u32) {
    match node(nodes, prev) {
        Some(p) => p.next = to,
        None => {
            if let Some(p) = node(nodes, parent) {
                p.first_child = to;
            }
        }
    }
}

/// Makes `child` (detached first) the last child of `parent`.
fn append_child(nodes: &mut Nodes, parent: u32, child: u32) {
    detach(nodes, child);
    let Some(p) = node(nodes, parent) else { return };
    let last = p.last_child;
    p.last_child = child;
    if last == NIL {
        p.first_child = child;
    }
    if let Some(l) = node(nodes, last) {
        l.next = child;
    }
    if let Some(c) = node(nodes, child) {
        c.parent = parent;
        c.prev = last;
    }
}

/// Puts `child` (detached first) right before `sibling`, under the same parent.
fn insert_before(nodes: &mut Nodes, sibling: u32, child: u32) {
    detach(nodes, child);
    let Some(s) = node(nodes, sibling) else { return };
    let (parent, prev) = (s.parent, s.prev);
    s.prev = child;
    link_after(nodes, parent, prev, child);
    if let Some(c) = node(nodes, child) {
        c.parent = parent;
        c.prev = prev;
        c.next = sibling;
    }
}

/// Appends `text` to node `id` when it is a text node.
fn extend_text(nodes: &mut Nodes, id: u32, text: &StrTendril) -> bool {
    match node(nodes, id).map(|n| &mut n.data) {
        Some(Data::Text(t)) => {
            t.push_tendril(text);
            true
        }
        _ => false,
    }
}

/// What the tree builder holds for a node: its index, and for an element its name, which the
/// builder asks for all the time (the nodes sit behind a `RefCell`, so the handle carries it;
/// a copy is cheap, as the names of HTML elements are static atoms).
#[derive(Debug, Clone)]
pub(crate) struct Handle {
    id: u32,
    ns: Namespace,
    local: LocalName,
}

impl Handle {
    fn of(id: u32) -> Handle {
        Handle { id, ns: ns!(), local: local_name!("") }
    }
}

/// An element's name, borrowed from its handle.
#[derive(Debug)]
pub(crate) struct Name<'a>(&'a Handle);

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

impl TreeSink for Tree {
    type Handle = Handle;
    type Output = Tree;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Tree {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle::of(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Name<'a> {
        let n = self.spent.lookups.get() + 1;
        self.spent.lookups.set(n);
        if n > self.budget.lookups {
            self.check(Limit::ParserWork, usize::try_from(self.budget.lookups).unwrap_or(usize::MAX), n as usize);
        }
        Name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let template = if flags.template { self.push(Data::Document) } else { NIL };
        let mathml_annotation_xml_integration_point = flags.mathml_annotation_xml_integration_point;
        let (ns, local) = (name.ns.clone(), name.local.clone());
        let id = self.push(Data::Element { name, attrs, template, mathml_annotation_xml_integration_point });
        Handle { id, ns, local }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Handle::of(self.push(Data::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle::of(self.push(Data::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let last = self.nodes.borrow().get(parent.id as usize).map_or(NIL, |p| p.last_child);
        if let Some(child) = self.node_or_text(child, last) {
            let mut nodes = self.nodes.borrow_mut();
            append_child(&mut nodes, parent.id, child);
            self.deepen(&mut nodes, parent.id, child);
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        let has_parent = self.nodes.borrow().get(element.id as usize).is_some_and(|n| n.parent != NIL);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let mut nodes = self.nodes.borrow_mut();
        let (template, depth) = match nodes.get(target.id as usize) {
            Some(Node { data: Data::Element { template, .. }, depth, .. }) if *template != NIL => (*template, *depth),
            _ => return target.clone(),
        };
        // The contents stand where the template does, for the depth of what goes in them.
        if let Some(contents) = node(&mut nodes, template) {
            contents.depth = depth;
        }
        Handle::of(template)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let prev = self.nodes.borrow().get(sibling.id as usize).map_or(NIL, |s| s.prev);
        if let Some(child) = self.node_or_text(new_node, prev) {
            let mut nodes = self.nodes.borrow_mut();
            insert_before(&mut nodes, sibling.id, child);
            let parent = node(&mut nodes, child).map_or(NIL, |c| c.parent);
            self.deepen(&mut nodes, parent, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Data::Element { attrs: existing, .. }) = node(&mut nodes, target.id).map(|n| &mut n.data) {
            // A page may repeat `<body>` or `<html>` with new attributes each time; past the
            // pre-scan's cap per tag the rest are dropped, so the check below stays linear.
            for attr in attrs {
                if existing.len() >= crate::scan::MAX_ATTRIBUTES {
                    break;
                }
                if !existing.iter().any(|e| e.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node_id: &Handle, new_parent: &Handle) {
        if node_id.id == new_parent.id {
            return;
        }
        let mut nodes = self.nodes.borrow_mut();
        let mut child = node(&mut nodes, node_id.id).map_or(NIL, |n| n.first_child);
        while child != NIL {
            let next = node(&mut nodes, child).map_or(NIL, |n| n.next);
            append_child(&mut nodes, new_parent.id, child);
            child = next;
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        matches!(
            self.nodes.borrow().get(handle.id as usize).map(|n| &n.data),
            Some(Data::Element { mathml_annotation_xml_integration_point: true, .. })
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{Handle as RcHandle, NodeData, RcDom};

    /// The tree as nested text: `<tag a=v>…</tag>` and text, comments and doctypes left out.
    fn ours(html: &str) -> String {
        let nodes = html5ever::parse_document(Tree::new(), Default::default()).one(html).into_nodes();
        let mut out = String::new();
        fn visit(nodes: &Nodes, id: u32, out: &mut String) {
            let Some(n) = nodes.get(id as usize) else { return };
            let tag = match &n.data {
                Data::Text(t) => {
                    out.push_str(t);
                    return;
                }
                Data::Element { name, attrs, .. } => {
                    out.push_str(&format!("<{}", name.local));
                    for a in attrs {
                        out.push_str(&format!(" {}={}", a.name.local, a.value));
                    }
                    out.push('>');
                    Some(name.local.to_string())
                }
                Data::Document => None,
                Data::Other => return,
            };
            for (c, _) in nodes.children(id) {
                visit(nodes, c, out);
            }
            if let Some(tag) = tag {
                out.push_str(&format!("</{tag}>"));
            }
        }
        visit(&nodes, DOCUMENT, &mut out);
        out
    }

    /// The same of markup5ever_rcdom's tree.
    fn reference(html: &str) -> String {
        let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
        let mut out = String::new();
        fn visit(h: &RcHandle, out: &mut String) {
            let tag = match &h.data {
                NodeData::Text { contents } => {
                    out.push_str(&contents.borrow());
                    return;
                }
                NodeData::Element { name, attrs, .. } => {
                    out.push_str(&format!("<{}", name.local));
                    for a in attrs.borrow().iter() {
                        out.push_str(&format!(" {}={}", a.name.local, a.value));
                    }
                    out.push('>');
                    Some(name.local.to_string())
                }
                NodeData::Document => None,
                _ => return,
            };
            for c in h.children.borrow().iter() {
                visit(c, out);
            }
            if let Some(tag) = tag {
                out.push_str(&format!("</{tag}>"));
            }
        }
        visit(&dom.document, &mut out);
        out
    }

    #[test]
    fn builds_the_tree_markup5ever_rcdom_builds() {
        let pages = [
            "<p>نص <b>عريض</b> وعادي",
            // Misnested formatting: the adoption agency algorithm moves and reparents nodes.
            "<p>1<b>2<i>3</b>4</i>5</p><div><a href=x>a<div>b</a>c</div>",
            "<b><b><b><b>x</b></b></b></b><i><p>y</i>z</p>",
            // Foster parenting: text and elements inside a table but outside its cells.
            "<table>قبل<tr><td>خلية</td></tr>نص<div>كتلة</div></table>بعد",
            "<table><tr><td>a<table><tr>b<td>c</table>d</table>",
            // Templates keep their content apart; attributes added by a second <html>/<body>.
            "<template><p>مخفي</p></template><p>ظاهر</p><body class=b><html lang=ar>",
            "<!DOCTYPE html><html><head><title>ع</title></head><body><!-- c --><p>x<br>y</p></body></html>",
            "<select><option>1<option>2</select><form><input></form></form><svg><g><text>t</text></g></svg>",
            "<ul><li>a<li>b</ul><dl><dt>c<dd>d</dl><h1>e<h2>f</h2>",
            "text only",
            "",
        ];
        for html in pages {
            assert_eq!(ours(html), reference(html), "{html}");
        }
    }

    #[test]
    fn nodes_grow_in_chunks() {
        let html = "<p>x</p>".repeat(CHUNK * 3);
        let nodes = html5ever::parse_document(Tree::new(), Default::default()).one(html.as_str()).into_nodes();
        assert!(nodes.len() > CHUNK * 6);
        assert!(nodes.get(nodes.len() - 1).is_some() && nodes.get(nodes.len()).is_none());
        assert_eq!(ours(&html), reference(&html));
    }
}
