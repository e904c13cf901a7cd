//! Markdown read into a small tree the UI renders node by node, so no HTML string is ever
//! injected: raw HTML in an entry becomes visible text, and only web and email links are live.

use pulldown_cmark::{Event, Options, Parser, Tag};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;

/// One node of rendered Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MdNode {
    Paragraph {
        children: Vec<MdNode>,
    },
    Heading {
        level: u8,
        children: Vec<MdNode>,
    },
    Quote {
        children: Vec<MdNode>,
    },
    CodeBlock {
        text: String,
    },
    List {
        ordered: bool,
        #[cfg_attr(feature = "ts", ts(type = "number | null"))]
        start: Option<u64>,
        children: Vec<MdNode>,
    },
    Item {
        checked: Option<bool>,
        children: Vec<MdNode>,
    },
    Emphasis {
        children: Vec<MdNode>,
    },
    Strong {
        children: Vec<MdNode>,
    },
    Strikethrough {
        children: Vec<MdNode>,
    },
    Code {
        text: String,
    },
    /// `href` is set only for http, https and mailto links; others render as plain text.
    Link {
        href: Option<String>,
        children: Vec<MdNode>,
    },
    /// Images are never loaded (the app opens no connection); their description is shown.
    Image {
        alt: String,
        src: String,
    },
    Text {
        text: String,
    },
    SoftBreak,
    HardBreak,
    Rule,
    Table {
        children: Vec<MdNode>,
    },
    TableRow {
        header: bool,
        children: Vec<MdNode>,
    },
    TableCell {
        children: Vec<MdNode>,
    },
}

impl MdNode {
    /// The nodes inside a container node; none for leaves.
    pub fn children(&self) -> Option<&[MdNode]> {
        match self {
            MdNode::Paragraph { children }
            | MdNode::Heading { children, .. }
            | MdNode::Quote { children }
            | MdNode::List { children, .. }
            | MdNode::Item { children, .. }
            | MdNode::Emphasis { children }
            | MdNode::Strong { children }
            | MdNode::Strikethrough { children }
            | MdNode::Link { children, .. }
            | MdNode::Table { children }
            | MdNode::TableRow { children, .. }
            | MdNode::TableCell { children } => Some(children),
            _ => None,
        }
    }
}

/// Deeper nesting than this is flattened, so a hostile entry cannot exhaust the stack of the
/// serializer or the UI's recursive renderer.
pub const MAX_DEPTH: usize = 24;

/// Returns the link if it may be opened outside the app: http, https or mailto only.
pub fn live_link(url: &str) -> Option<String> {
    let url = url.trim();
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = url.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    let allowed = match scheme.as_str() {
        "http" | "https" => rest.starts_with("//") && rest.len() > 2,
        "mailto" => !rest.is_empty(),
        _ => false,
    };
    allowed.then(|| url.to_owned())
}

/// Like [`live_link`], as a typed error for the command that opens links.
pub fn check_link(url: &str) -> Result<String, DomainError> {
    live_link(url).ok_or(DomainError::LinkNotAllowed)
}

enum FrameKind {
    Paragraph,
    Heading(u8),
    Quote,
    CodeBlock,
    List(Option<u64>),
    Item(Option<bool>),
    Emphasis,
    Strong,
    Strikethrough,
    Link(Option<String>),
    Image(String),
    Table,
    TableHead,
    TableRow,
    TableCell,
    /// Containers we do not render (footnotes, metadata, too deep): children join the parent.
    Transparent,
}

struct Frame {
    kind: FrameKind,
    children: Vec<MdNode>,
}

fn plain_text(nodes: &[MdNode]) -> String {
    let mut out = String::new();
    for n in nodes {
        match n {
            MdNode::Text { text } | MdNode::Code { text } | MdNode::CodeBlock { text } => {
                out.push_str(text)
            }
            MdNode::SoftBreak | MdNode::HardBreak => out.push(' '),
            MdNode::Image { alt, .. } => out.push_str(alt),
            other => out.push_str(&plain_text(other.children().unwrap_or_default())),
        }
    }
    out
}

fn close(frame: Frame) -> Vec<MdNode> {
    let children = frame.children;
    let node = match frame.kind {
        FrameKind::Paragraph => MdNode::Paragraph { children },
        FrameKind::Heading(level) => MdNode::Heading { level, children },
        FrameKind::Quote => MdNode::Quote { children },
        FrameKind::CodeBlock => MdNode::CodeBlock {
            text: plain_text(&children),
        },
        FrameKind::List(start) => MdNode::List {
            ordered: start.is_some(),
            start,
            children,
        },
        FrameKind::Item(checked) => MdNode::Item { checked, children },
        FrameKind::Emphasis => MdNode::Emphasis { children },
        FrameKind::Strong => MdNode::Strong { children },
        FrameKind::Strikethrough => MdNode::Strikethrough { children },
        FrameKind::Link(href) => MdNode::Link { href, children },
        FrameKind::Image(src) => MdNode::Image {
            alt: plain_text(&children),
            src,
        },
        FrameKind::Table => MdNode::Table { children },
        FrameKind::TableHead => MdNode::TableRow {
            header: true,
            children,
        },
        FrameKind::TableRow => MdNode::TableRow {
            header: false,
            children,
        },
        FrameKind::TableCell => MdNode::TableCell { children },
        FrameKind::Transparent => return children,
    };
    vec![node]
}

fn kind_of(tag: Tag<'_>) -> FrameKind {
    match tag {
        Tag::Paragraph => FrameKind::Paragraph,
        Tag::Heading { level, .. } => FrameKind::Heading(level as u8),
        Tag::BlockQuote(_) => FrameKind::Quote,
        Tag::CodeBlock(_) => FrameKind::CodeBlock,
        // Raw HTML blocks arrive as text events inside; show them as a paragraph of text.
        Tag::HtmlBlock => FrameKind::Paragraph,
        Tag::List(start) => FrameKind::List(start),
        Tag::Item => FrameKind::Item(None),
        Tag::Emphasis => FrameKind::Emphasis,
        Tag::Strong => FrameKind::Strong,
        Tag::Strikethrough => FrameKind::Strikethrough,
        Tag::Link { dest_url, .. } => FrameKind::Link(live_link(&dest_url)),
        Tag::Image { dest_url, .. } => FrameKind::Image(dest_url.to_string()),
        Tag::Table(_) => FrameKind::Table,
        Tag::TableHead => FrameKind::TableHead,
        Tag::TableRow => FrameKind::TableRow,
        Tag::TableCell => FrameKind::TableCell,
        _ => FrameKind::Transparent,
    }
}

/// Reads Markdown into nodes. Never fails: anything unusual is shown as text.
pub fn render_markdown(body: &str) -> Vec<MdNode> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut stack: Vec<Frame> = vec![Frame {
        kind: FrameKind::Transparent,
        children: Vec::new(),
    }];
    let push_node = |stack: &mut Vec<Frame>, node: MdNode| {
        if let Some(top) = stack.last_mut() {
            top.children.push(node);
        }
    };
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(tag) => {
                let kind = if stack.len() > MAX_DEPTH {
                    FrameKind::Transparent
                } else {
                    kind_of(tag)
                };
                stack.push(Frame {
                    kind,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                // The root frame is never closed here.
                if stack.len() > 1
                    && let Some(frame) = stack.pop()
                {
                    let nodes = close(frame);
                    if let Some(top) = stack.last_mut() {
                        top.children.extend(nodes);
                    }
                }
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => push_node(
                &mut stack,
                MdNode::Text {
                    text: t.to_string(),
                },
            ),
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => push_node(
                &mut stack,
                MdNode::Code {
                    text: t.to_string(),
                },
            ),
            Event::FootnoteReference(t) => push_node(
                &mut stack,
                MdNode::Text {
                    text: format!("[^{t}]"),
                },
            ),
            Event::SoftBreak => push_node(&mut stack, MdNode::SoftBreak),
            Event::HardBreak => push_node(&mut stack, MdNode::HardBreak),
            Event::Rule => push_node(&mut stack, MdNode::Rule),
            Event::TaskListMarker(done) => {
                if let Some(Frame {
                    kind: FrameKind::Item(checked),
                    ..
                }) = stack.last_mut()
                {
                    *checked = Some(done);
                }
            }
        }
    }
    while stack.len() > 1 {
        if let Some(frame) = stack.pop() {
            let nodes = close(frame);
            if let Some(top) = stack.last_mut() {
                top.children.extend(nodes);
            }
        }
    }
    stack.pop().map(|f| f.children).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text(t: &str) -> MdNode {
        MdNode::Text { text: t.into() }
    }

    fn depth(nodes: &[MdNode]) -> usize {
        nodes
            .iter()
            .map(|n| 1 + n.children().map(depth).unwrap_or(0))
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn headings_emphasis_and_lists() {
        let nodes = render_markdown(
            "# Week 12\n\nShipped **billing** and *docs*.\n\n- [x] ask for feedback\n- plan",
        );
        assert_eq!(
            nodes[0],
            MdNode::Heading {
                level: 1,
                children: vec![text("Week 12")]
            }
        );
        assert_eq!(
            nodes[1],
            MdNode::Paragraph {
                children: vec![
                    text("Shipped "),
                    MdNode::Strong {
                        children: vec![text("billing")]
                    },
                    text(" and "),
                    MdNode::Emphasis {
                        children: vec![text("docs")]
                    },
                    text("."),
                ]
            }
        );
        let MdNode::List {
            ordered: false,
            children,
            ..
        } = &nodes[2]
        else {
            panic!("{:?}", nodes[2])
        };
        assert_eq!(children.len(), 2);
        assert!(matches!(
            children[0],
            MdNode::Item {
                checked: Some(true),
                ..
            }
        ));
    }

    #[test]
    fn raw_html_becomes_visible_text() {
        let nodes = render_markdown(
            "<script>window.__pwned=1</script>\n\nHi <img src=x onerror=\"window.__pwned=1\">",
        );
        let json = serde_json::to_string(&nodes).unwrap();
        assert!(json.contains("<script>window.__pwned=1</script>"), "{json}");
        assert!(json.contains("<img src=x onerror="), "{json}");
        assert!(
            !json.contains("\"kind\":\"image\""),
            "no image node from raw HTML: {json}"
        );
    }

    #[test]
    fn only_web_and_mail_links_are_live() {
        for (md, live) in [
            ("[a](https://example.org/x)", true),
            ("[a](http://example.org)", true),
            ("[a](mailto:me@example.org)", true),
            ("[a](javascript:alert(1))", false),
            ("[a](JaVaScRiPt:alert(1))", false),
            ("[a](data:text/html,<b>x</b>)", false),
            ("[a](file:///etc/passwd)", false),
            ("[a](/relative)", false),
            ("[a](vbscript:x)", false),
            ("<https://example.org>", true),
        ] {
            let nodes = render_markdown(md);
            let MdNode::Paragraph { children } = &nodes[0] else {
                panic!("{md}")
            };
            let MdNode::Link { href, .. } = &children[0] else {
                panic!("{md}: {children:?}")
            };
            assert_eq!(href.is_some(), live, "{md}");
        }
    }

    #[test]
    fn images_are_described_not_loaded() {
        let nodes = render_markdown("![team photo](https://example.org/p.png)");
        let MdNode::Paragraph { children } = &nodes[0] else {
            panic!()
        };
        assert_eq!(
            children[0],
            MdNode::Image {
                alt: "team photo".into(),
                src: "https://example.org/p.png".into()
            }
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let body = format!("{}deep", "> ".repeat(5000));
        let nodes = render_markdown(&body);
        assert!(depth(&nodes) <= MAX_DEPTH + 2, "depth {}", depth(&nodes));
        assert!(serde_json::to_string(&nodes).unwrap().contains("deep"));
    }

    /// The hostile-text corpus shared with the UI and end-to-end tests (one payload a line,
    /// `#` comments, `⏎` for a line break).
    fn corpus() -> Vec<String> {
        include_str!("../../../tests/fixtures/xss-payloads.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.replace('\u{23CE}', "\n"))
            .collect()
    }

    fn walk<'a>(nodes: &'a [MdNode], out: &mut Vec<&'a MdNode>) {
        for n in nodes {
            out.push(n);
            if let Some(children) = n.children() {
                walk(children, out);
            }
        }
    }

    #[test]
    fn hostile_corpus_yields_only_web_and_mail_links() {
        let payloads = corpus();
        assert!(payloads.len() >= 200, "corpus has {}", payloads.len());
        for payload in &payloads {
            let nodes = render_markdown(payload);
            let mut all = Vec::new();
            walk(&nodes, &mut all);
            for node in all {
                if let MdNode::Link {
                    href: Some(href), ..
                } = node
                {
                    let lower = href.to_ascii_lowercase();
                    assert!(
                        lower.starts_with("http://")
                            || lower.starts_with("https://")
                            || lower.starts_with("mailto:"),
                        "{payload:?} made a live link to {href:?}"
                    );
                    assert!(
                        !href
                            .chars()
                            .any(|c| c.is_whitespace() || c == '"' || c == '<'),
                        "{payload:?} made a live link that could break out: {href:?}"
                    );
                }
            }
            // Raw HTML is kept as visible text, never dropped and never a node of its own.
            if payload.starts_with("<script>") {
                let json = serde_json::to_string(&nodes).expect("json");
                assert!(
                    json.contains("<script>"),
                    "{payload:?} lost its markup: {json}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_keeps_words(body in "\\PC{0,300}") {
            let nodes = render_markdown(&body);
            prop_assert!(depth(&nodes) <= MAX_DEPTH + 2);
        }
    }
}
