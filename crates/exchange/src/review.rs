//! The review packet: for a date range, the milestones achieved (by goal) and the journal
//! entries linked to them — what a person brings to a performance review — as Markdown or
//! as a self-contained HTML page in which every piece of the person's text is escaped.

use std::collections::HashMap;

use chrono::NaiveDate;
use trajectory_core::{
    MdNode, Snapshot, SnapshotEntry, SnapshotGoal, SnapshotMilestone, render_markdown,
};

use crate::markdown::inline_text;

/// One goal's achievements in the range.
struct Section<'a> {
    goal: Option<&'a SnapshotGoal>,
    milestones: Vec<(&'a SnapshotMilestone, Vec<&'a SnapshotEntry>)>,
}

/// Milestones achieved from `from` to `to` (both included), grouped by goal in the order the
/// goals started, each with its linked entries outside the trash, oldest first.
fn sections(snapshot: &Snapshot, from: NaiveDate, to: NaiveDate) -> Vec<Section<'_>> {
    let entries: HashMap<i64, &SnapshotEntry> = snapshot
        .entries
        .iter()
        .filter(|e| e.deleted_at.is_none())
        .map(|e| (e.id, e))
        .collect();
    let mut goals: Vec<&SnapshotGoal> = snapshot.goals.iter().collect();
    goals.sort_by_key(|g| (g.start_date, g.id));
    let mut achieved: Vec<&SnapshotMilestone> = snapshot
        .milestones
        .iter()
        .filter(|m| m.achieved_date.is_some_and(|d| from <= d && d <= to))
        .collect();
    achieved.sort_by_key(|m| (m.achieved_date, m.id));
    let with_entries = |m: &'_ SnapshotMilestone| {
        let mut linked: Vec<&SnapshotEntry> = m
            .entries
            .iter()
            .filter_map(|l| entries.get(&l.entry_id).copied())
            .collect();
        linked.sort_by_key(|e| (e.entry_date, e.id));
        linked
    };
    let mut out: Vec<Section<'_>> = goals
        .iter()
        .map(|g| Section {
            goal: Some(*g),
            milestones: achieved
                .iter()
                .filter(|m| m.goal_id == g.id)
                .map(|m| (*m, with_entries(m)))
                .collect(),
        })
        .filter(|s| !s.milestones.is_empty())
        .collect();
    let orphans: Vec<_> = achieved
        .iter()
        .filter(|m| !snapshot.goals.iter().any(|g| g.id == m.goal_id))
        .map(|m| (*m, with_entries(m)))
        .collect();
    if !orphans.is_empty() {
        out.push(Section {
            goal: None,
            milestones: orphans,
        });
    }
    out
}

fn count_line(sections: &[Section<'_>]) -> String {
    let n: usize = sections.iter().map(|s| s.milestones.len()).sum();
    let weight: u32 = sections
        .iter()
        .flat_map(|s| &s.milestones)
        .map(|(m, _)| u32::from(m.weight))
        .sum();
    match n {
        0 => "No milestones were achieved in this period.".to_owned(),
        1 => format!("1 milestone achieved (weight {weight})."),
        _ => format!("{n} milestones achieved (total weight {weight})."),
    }
}

/// The packet as Markdown. Entry texts are quoted as written.
pub fn to_markdown(snapshot: &Snapshot, from: NaiveDate, to: NaiveDate) -> String {
    let sections = sections(snapshot, from, to);
    let mut text = format!(
        "# Review packet: {from} to {to}\n\n{}\n",
        count_line(&sections)
    );
    for s in &sections {
        let title = s
            .goal
            .map_or("Other milestones".to_owned(), |g| inline_text(&g.title));
        text.push_str(&format!("\n## {title}\n"));
        for (m, linked) in &s.milestones {
            let date = m.achieved_date.map(|d| d.to_string()).unwrap_or_default();
            text.push_str(&format!("\n### {date} — {}\n\n", inline_text(&m.title)));
            text.push_str(&format!("*{}, weight {}*\n", m.kind, m.weight));
            if !m.notes.trim().is_empty() {
                text.push_str(&format!("\n{}\n", m.notes.trim_end()));
            }
            for e in linked {
                text.push_str(&format!("\n#### Journal, {}\n\n", e.entry_date));
                for line in e.body.trim_end().lines() {
                    if line.is_empty() {
                        text.push_str(">\n");
                    } else {
                        text.push_str(&format!("> {line}\n"));
                    }
                }
            }
        }
    }
    text
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the core's Markdown tree as HTML: only these fixed tags, every text escaped,
/// links only where the core allowed them (web and email), images as their description.
fn nodes_html(nodes: &[MdNode], out: &mut String) {
    for node in nodes {
        node_html(node, out);
    }
}

fn wrap(tag: &str, children: &[MdNode], out: &mut String) {
    out.push_str(&format!("<{tag}>"));
    nodes_html(children, out);
    out.push_str(&format!("</{tag}>"));
}

fn node_html(node: &MdNode, out: &mut String) {
    match node {
        MdNode::Paragraph { children } => wrap("p", children, out),
        MdNode::Heading { level, children } => {
            // Entry headings sit below the packet's own (h1–h4).
            let tag = format!("h{}", (level + 4).min(6));
            wrap(&tag, children, out);
        }
        MdNode::Quote { children } => wrap("blockquote", children, out),
        MdNode::CodeBlock { text } => {
            out.push_str(&format!("<pre><code>{}</code></pre>", escape(text)));
        }
        MdNode::List {
            ordered,
            start,
            children,
        } => {
            if *ordered {
                match start {
                    Some(n) if *n != 1 => out.push_str(&format!("<ol start=\"{n}\">")),
                    _ => out.push_str("<ol>"),
                }
                nodes_html(children, out);
                out.push_str("</ol>");
            } else {
                wrap("ul", children, out);
            }
        }
        MdNode::Item { checked, children } => {
            out.push_str("<li>");
            match checked {
                Some(true) => out.push_str("☑ "),
                Some(false) => out.push_str("☐ "),
                None => {}
            }
            nodes_html(children, out);
            out.push_str("</li>");
        }
        MdNode::Emphasis { children } => wrap("em", children, out),
        MdNode::Strong { children } => wrap("strong", children, out),
        MdNode::Strikethrough { children } => wrap("del", children, out),
        MdNode::Code { text } => out.push_str(&format!("<code>{}</code>", escape(text))),
        MdNode::Link { href, children } => match href {
            Some(href) => {
                out.push_str(&format!("<a href=\"{}\" rel=\"noreferrer\">", escape(href)));
                nodes_html(children, out);
                out.push_str("</a>");
            }
            None => nodes_html(children, out),
        },
        MdNode::Image { alt, .. } => {
            out.push_str(&format!("<span class=\"image\">[{}]</span>", escape(alt)));
        }
        MdNode::Text { text } => out.push_str(&escape(text)),
        MdNode::SoftBreak => out.push('\n'),
        MdNode::HardBreak => out.push_str("<br>"),
        MdNode::Rule => out.push_str("<hr>"),
        MdNode::Table { children } => wrap("table", children, out),
        MdNode::TableRow { children, .. } => wrap("tr", children, out),
        MdNode::TableCell { children } => wrap("td", children, out),
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2a2e}\
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #c9d6d8}\
.meta{color:#56666b}blockquote,.entry{border-left:3px solid #2a7f86;margin:0.5rem 0;padding:0 1rem}\
pre{white-space:pre-wrap}table{border-collapse:collapse}td{border:1px solid #c9d6d8;padding:0.2rem 0.5rem}";

/// The packet as one self-contained HTML page. Nothing the person wrote is emitted as
/// markup: titles and notes are escaped text, entry bodies go through the core's Markdown
/// tree (raw HTML in them stays visible text), and the page's policy forbids scripts and
/// every outside load.
pub fn to_html(snapshot: &Snapshot, from: NaiveDate, to: NaiveDate) -> String {
    let sections = sections(snapshot, from, to);
    let mut out =
        String::from("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str(&format!(
        "<title>Review packet: {from} to {to}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    ));
    out.push_str(&format!(
        "<h1>Review packet: {from} to {to}</h1>\n<p>{}</p>\n",
        escape(&count_line(&sections))
    ));
    for s in &sections {
        let title = s
            .goal
            .map_or("Other milestones".to_owned(), |g| g.title.clone());
        out.push_str(&format!("<section>\n<h2>{}</h2>\n", escape(&title)));
        for (m, linked) in &s.milestones {
            let date = m.achieved_date.map(|d| d.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "<h3>{} — {}</h3>\n<p class=\"meta\">{}, weight {}</p>\n",
                date,
                escape(&m.title),
                escape(&m.kind),
                m.weight
            ));
            if !m.notes.trim().is_empty() {
                out.push_str("<div class=\"notes\">");
                nodes_html(&render_markdown(&m.notes), &mut out);
                out.push_str("</div>\n");
            }
            for e in linked {
                out.push_str(&format!(
                    "<h4>Journal, {}</h4>\n<div class=\"entry\">",
                    e.entry_date
                ));
                nodes_html(&render_markdown(&e.body), &mut out);
                out.push_str("</div>\n");
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use trajectory_core::{SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotLink};

    fn d(s: &str) -> NaiveDate {
        trajectory_core::parse_date(s).unwrap()
    }

    fn t() -> DateTime<Utc> {
        DateTime::UNIX_EPOCH
    }

    fn entry(id: i64, date: &str, body: &str) -> SnapshotEntry {
        SnapshotEntry {
            id,
            source_key: None,
            entry_date: d(date),
            body: body.into(),
            tags: vec![],
            mood: None,
            progress: None,
            created_at: t(),
            updated_at: t(),
            deleted_at: None,
            revisions: vec![],
        }
    }

    fn milestone(id: i64, title: &str, achieved: Option<&str>, links: &[i64]) -> SnapshotMilestone {
        SnapshotMilestone {
            id,
            source_key: None,
            goal_id: 1,
            kind: "project".into(),
            title: title.into(),
            weight: 2,
            planned_date: None,
            achieved_date: achieved.map(d),
            notes: "Notes with <b>markup</b>".into(),
            entries: links
                .iter()
                .map(|id| SnapshotLink {
                    entry_id: *id,
                    linked_at: t(),
                })
                .collect(),
            created_at: t(),
            updated_at: t(),
        }
    }

    fn snapshot() -> Snapshot {
        let mut trashed = entry(3, "2026-02-03", "in the trash");
        trashed.deleted_at = Some(t());
        Snapshot {
            format: SNAPSHOT_FORMAT.into(),
            version: SNAPSHOT_VERSION,
            journal_id: "j".into(),
            exported_at: t(),
            entries: vec![
                entry(
                    1,
                    "2026-02-01",
                    "Shipped <script>alert(1)</script> the **deploys**.\n\n[x](javascript:alert(1)) [docs](https://example.org/a?b=\"c\")",
                ),
                entry(2, "2026-01-15", "Planning notes"),
                trashed,
            ],
            goals: vec![SnapshotGoal {
                id: 1,
                source_key: None,
                title: "Staff <engineer> & \"lead\"".into(),
                here: String::new(),
                there: String::new(),
                start_date: d("2025-01-01"),
                target_date: d("2027-01-01"),
                cadence_weeks: None,
                status: "active".into(),
                created_at: t(),
                updated_at: t(),
            }],
            milestones: vec![
                milestone(
                    1,
                    "Canary deploys <img src=x onerror=alert(1)>",
                    Some("2026-02-02"),
                    &[1, 2, 3],
                ),
                milestone(2, "Before the range", Some("2025-06-01"), &[]),
                milestone(3, "Still open", None, &[]),
            ],
            paused_periods: vec![],
            templates: vec![],
        }
    }

    #[test]
    fn only_milestones_achieved_in_the_range_with_live_entries() {
        let md = to_markdown(&snapshot(), d("2026-01-01"), d("2026-03-31"));
        assert!(md.contains("1 milestone achieved (weight 2)."), "{md}");
        assert!(
            md.contains("### 2026-02-02 — Canary deploys \\<img"),
            "{md}"
        );
        assert!(!md.contains("Before the range") && !md.contains("Still open"));
        assert!(!md.contains("in the trash"));
        let planning = md.find("Planning notes").unwrap();
        let shipped = md.find("> Shipped").unwrap();
        assert!(planning < shipped, "linked entries oldest first");
        let empty = to_markdown(&snapshot(), d("2020-01-01"), d("2020-12-31"));
        assert!(empty.contains("No milestones were achieved"));
    }

    #[test]
    fn html_escapes_every_user_string_and_keeps_only_safe_links() {
        let html = to_html(&snapshot(), d("2026-01-01"), d("2026-03-31"));
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<img"));
        assert!(html.contains("Staff &lt;engineer&gt; &amp; &quot;lead&quot;"));
        assert!(html.contains("Notes with &lt;b&gt;markup&lt;/b&gt;"));
        assert!(
            !html.contains("javascript:alert(1)\""),
            "no live javascript: link"
        );
        assert!(!html.contains("href=\"javascript"));
        assert!(html.contains("<strong>deploys</strong>"));
        assert!(
            html.contains("<a href=\"https://example.org/a?b=&quot;c&quot;\""),
            "{html}"
        );
        // No tag in the page comes from the person's text: every '<' opens one of ours.
        let allowed = [
            "!doctype", "html", "/html", "head", "/head", "meta", "title", "/title", "style",
            "/style", "body", "/body", "h1", "/h1", "p", "/p", "section", "/section", "h2", "/h2",
            "h3", "/h3", "h4", "/h4", "div", "/div", "strong", "/strong", "a", "/a",
        ];
        for tag in html.split('<').skip(1) {
            let name = tag.split([' ', '>']).next().unwrap();
            assert!(allowed.contains(&name), "unexpected tag <{name}");
        }
    }

    #[test]
    fn hostile_corpus_stays_text_in_the_review_packet() {
        let corpus: Vec<String> = include_str!("../../../tests/fixtures/xss-payloads.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.replace('\u{23CE}', "\n"))
            .collect();
        assert!(corpus.len() >= 200);
        let mut snap = snapshot();
        snap.goals[0].title = corpus[0].clone();
        snap.entries = corpus
            .iter()
            .enumerate()
            .map(|(i, p)| entry(i as i64 + 1, "2026-02-01", p))
            .collect();
        snap.milestones = corpus
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut m = milestone(i as i64 + 1, p, Some("2026-02-02"), &[i as i64 + 1]);
                m.notes = corpus[(i + 1) % corpus.len()].clone();
                m
            })
            .collect();
        let html = to_html(&snap, d("2026-01-01"), d("2026-03-31"));
        let allowed = [
            "!doctype",
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "h1",
            "p",
            "section",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "div",
            "strong",
            "em",
            "del",
            "code",
            "pre",
            "ul",
            "ol",
            "li",
            "blockquote",
            "br",
            "hr",
            "table",
            "tr",
            "td",
            "span",
            "a",
        ];
        for tag in html.split('<').skip(1) {
            let tag = tag.split('>').next().unwrap();
            let mut words = tag.split_whitespace();
            let name = words.next().unwrap().trim_start_matches('/');
            assert!(allowed.contains(&name), "unexpected tag <{tag}>");
            // The page's own <meta> and doctype carry fixed words; every other attribute is ours.
            if name == "meta" || name == "!doctype" {
                continue;
            }
            for attr in words {
                let attr = attr.split('=').next().unwrap().to_ascii_lowercase();
                assert!(
                    [
                        "href",
                        "rel",
                        "start",
                        "class",
                        "lang",
                        "charset",
                        "http-equiv",
                        "content"
                    ]
                    .contains(&attr.as_str())
                        || name == "meta",
                    "unexpected attribute {attr} in <{tag}>"
                );
            }
            if name == "a" && tag.starts_with("a ") {
                let href = tag.split("href=\"").nth(1).unwrap_or_default();
                assert!(
                    href.starts_with("http://")
                        || href.starts_with("https://")
                        || href.starts_with("mailto:"),
                    "live link {tag}"
                );
            }
        }
    }
}
