//! End-to-end proof that hostile text stays text: the corpus in tests/fixtures/xss-payloads.txt
//! is put into every kind of user text (entry bodies, tags, templates, goals, milestones, paused
//! periods, reflection answers and moves, the data folder's own name), every screen that shows
//! it is rendered, and neither the sentinel global nor an IPC call from a payload ever happens.
//!
//! How an IPC call would be seen, three ways:
//! - every payload that runs code first sets `top.__xss_fired` (a clobbering element named so
//!   would make it defined too);
//! - the payloads that call IPC ask for `create_entry` with the body `xss-ipc-canary` — a command
//!   the window is allowed to call, so the call would pass the capability check and leave an
//!   entry in the database, which `traj` reads after the app has closed (this sees a call made
//!   from any frame, at any time, even before the page-side recorder below was installed);
//! - right after launch the page's two IPC transports (`fetch` to the `ipc:` protocol and the
//!   `window.ipc.postMessage` fallback) are wrapped to record every command name, so a call to
//!   the command that does not exist (`xss_probe`) or a canary entry would be listed.
//!   At the end the test runs one payload itself, as a control: all three detectors must fire.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use thirtyfour::prelude::*;

use crate::harness::{
    Context, Harness, TestResult, by_test_id, click, click_el, set_value, wait_for,
};
use crate::journal::unfold_sittings;
use crate::reflection::{next_step, traj};

const TODAY: &str = "2026-06-01";
const CANARY: &str = "xss-ipc-canary";
/// Payloads per entry in the entries made for the Markdown preview.
const PREVIEW_CHUNK: usize = 40;
/// Entries put in the trash (shown by the trash view).
const TRASHED: usize = 12;
/// The goals whose milestones carry the corpus (their detail pages are opened).
const MILESTONE_GOALS: usize = 4;

/// The corpus: one payload a line, `#` comments, `⏎` for a line break.
pub fn corpus() -> Vec<String> {
    include_str!("../fixtures/xss-payloads.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.replace('\u{23CE}', "\n"))
        .collect()
}

/// Whether `tag` passes the entry rules as it is (tags are at most 64 characters, without
/// commas or line breaks; a leading `#` is dropped, so those are left out to keep the text).
fn usable_tag(tag: &str) -> bool {
    let t = tag.trim();
    !t.is_empty()
        && t == tag
        && !t.starts_with('#')
        && t.chars().count() <= 64
        && !t.contains(',')
        && !t.chars().any(char::is_control)
}

fn day(offset: usize) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    (start + chrono::Duration::days(offset as i64)).to_string()
}

const STAMP: &str = "2026-01-01T00:00:00.000Z";

/// A Trajectory JSON export (docs/FORMAT.md) holding the corpus everywhere it can go.
fn corpus_file(payloads: &[String]) -> Value {
    let n = payloads.len();
    let p = |i: usize| payloads[i % n].clone();
    let mut entries = Vec::new();
    // Entries 1..: the corpus in chunks, for the Markdown preview (the newest days).
    for (k, chunk) in payloads.chunks(PREVIEW_CHUNK).enumerate() {
        entries.push(json!({
            "id": k + 1, "source_key": null, "entry_date": day(880 - k),
            "body": chunk.join("\n\n"), "tags": ["preview"], "mood": 3, "progress": 3,
            "created_at": STAMP, "updated_at": STAMP, "deleted_at": null, "revisions": [],
        }));
    }
    let first = entries.len() + 1;
    // One entry per payload, with the payload as a tag where the rules allow it.
    for (i, payload) in payloads.iter().enumerate() {
        let mut tags = vec![json!("xss")];
        if usable_tag(payload) {
            tags.push(json!(payload));
        }
        entries.push(json!({
            "id": first + i, "source_key": null, "entry_date": day(500 + i),
            "body": format!("{payload}\n\nxsscorpus"), "tags": tags,
            "mood": (i % 5) + 1, "progress": ((i + 2) % 5) + 1,
            "created_at": STAMP, "updated_at": STAMP, "deleted_at": null,
            "revisions": [{ "entry_date": day(500 + i), "body": p(i + 1), "tags": [],
                            "mood": null, "progress": null, "saved_at": STAMP }],
        }));
    }
    // Entries in the trash: one payload each, shown by the trash view.
    let trashed = first + n;
    for k in 0..TRASHED {
        entries.push(json!({
            "id": trashed + k, "source_key": null, "entry_date": day(200 + k),
            "body": p(11 * k + 5), "tags": [], "mood": null, "progress": null,
            "created_at": STAMP, "updated_at": STAMP, "deleted_at": STAMP, "revisions": [],
        }));
    }
    // Goals: the corpus three payloads a goal (title, here, there).
    let title = |s: String| -> String {
        if s.trim().is_empty() || s.chars().count() > 200 {
            "<b>hostile</b>".into()
        } else {
            s
        }
    };
    let goals: Vec<Value> = (0..n.div_ceil(3))
        .map(|g| {
            json!({
                "id": g + 1, "source_key": null, "title": title(p(3 * g)),
                "here": p(3 * g + 1), "there": p(3 * g + 2),
                "start_date": "2024-01-01", "target_date": "2027-12-31",
                "cadence_weeks": 8, "status": "active",
                "created_at": STAMP, "updated_at": STAMP,
            })
        })
        .collect();
    // Milestones: one per payload (title, and the next payload as notes), on the first goals.
    let kinds = [
        "promotion",
        "raise",
        "skill",
        "recognition",
        "project",
        "network",
        "custom",
    ];
    let milestones: Vec<Value> = (0..n)
        .map(|i| {
            let achieved = (i % 2 == 0).then(|| day(30 + i));
            json!({
                "id": i + 1, "source_key": null, "goal_id": (i % MILESTONE_GOALS) + 1,
                "kind": kinds[i % kinds.len()], "title": title(p(i)), "weight": (i % 3) + 1,
                "planned_date": day(40 + 2 * i), "achieved_date": achieved, "notes": p(i + 1),
                "entries": [{ "entry_id": first + i, "linked_at": STAMP }],
                "created_at": STAMP, "updated_at": STAMP,
            })
        })
        .collect();
    let paused: Vec<Value> = (0..5)
        .map(|k| {
            json!({
                "id": k + 1, "source_key": null, "start": day(700 + 10 * k),
                "end": day(703 + 10 * k), "reason": p(7 * k + 3),
                "created_at": STAMP, "deleted_at": null,
            })
        })
        .collect();
    let templates: Vec<Value> = payloads
        .iter()
        .filter(|s| !s.trim().is_empty() && s.trim().chars().count() <= 80)
        .take(25)
        .enumerate()
        .map(|(k, s)| {
            json!({
                "id": k + 1, "source_key": null, "name": s.trim(), "body": s,
                "created_at": STAMP,
            })
        })
        .collect();
    json!({
        "format": "trajectory", "version": 1, "journal_id": "0123456789abcdef0123456789abcdef",
        "exported_at": STAMP, "entries": entries, "goals": goals, "milestones": milestones,
        "paused_periods": paused, "templates": templates,
    })
}

/// Wraps the page's IPC transports so every command name (and body) is recorded.
const RECORDER: &str = r#"
if (!window.__ipc_log) {
  const log = [];
  Object.defineProperty(window, '__ipc_log', { value: log });
  const fetch0 = window.fetch;
  window.fetch = function (input, init) {
    const url = String((input && input.url) || input);
    if (url.startsWith('ipc:') || url.startsWith('http://ipc.localhost')) {
      const body = init && typeof init.body === 'string' ? init.body : '';
      log.push([decodeURIComponent(url.replace(/^.*localhost\//, '').split('?')[0]), body]);
    }
    return fetch0.apply(this, arguments);
  };
  try {
    const post0 = window.ipc.postMessage.bind(window.ipc);
    window.ipc.postMessage = function (data) {
      log.push(['postMessage', String(data)]);
      return post0(data);
    };
    log.transports = 2;
  } catch (e) {
    log.transports = 1;
  }
}
return window.fetch !== undefined && Array.isArray(window.__ipc_log);
"#;

/// Everything in the document that could run script or load something; empty when inert.
const PROBE: &str = r#"
return JSON.stringify(activeContent());
function activeContent() {
const found = [];
if (typeof window.__xss_fired !== 'undefined') found.push('window.__xss_fired is ' + typeof window.__xss_fired);
// The app's own code: the bundle's module scripts, and the stylesheets and module preloads
// Vite adds to the head when a place's chunk is loaded; all from the app's own assets.
const ownAsset = (url) => url.startsWith(location.origin + '/assets/');
const ownLink = (el) => el.localName === 'link' && el.parentElement === document.head && ['stylesheet', 'modulepreload'].includes(el.rel) && ownAsset(el.href);
for (const el of document.querySelectorAll('iframe, frame, object, embed, portal, applet, base, meta[http-equiv], link, math, svg svg, foreignObject, use')) {
  if (!ownLink(el)) found.push('<' + el.localName + (el.localName === 'link' ? ' rel=' + el.rel + ' href=' + el.href.slice(0, 60) : '') + '>');
}
const ownScripts = [...document.scripts].filter((s) => !(s.type === 'module' && ownAsset(s.src)));
for (const s of ownScripts) found.push('<script ' + (s.src || s.textContent.slice(0, 40)) + '>');
for (const el of document.querySelectorAll('*')) {
  if (ownLink(el)) continue;
  for (const a of el.attributes) {
    const name = a.name.toLowerCase();
    const value = a.value.trim().toLowerCase();
    if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction') found.push(el.localName + '[' + name + ']');
    if (['href', 'src', 'action', 'data', 'xlink:href', 'poster', 'background'].includes(name)) {
      const chartImage = el.localName === 'img' && name === 'src' && /^data:image\/(svg\+xml|png)[;,]/.test(value) && el.closest('figure, [data-testid=goal-chart]');
      const ok = /^(https?:\/\/|mailto:|#)/.test(value) || (!value.includes(':') && !value.startsWith('//')) || chartImage;
      if (!ok) found.push(el.localName + '[' + name + '=' + a.value.slice(0, 60) + ']');
    }
  }
}
return found;
}
"#;

async fn probe(d: &WebDriver, screen: &str) -> TestResult {
    let out = d.execute(PROBE, Vec::new()).await.ctx("run the probe")?;
    let text: String = out.convert().ctx("read the probe")?;
    let found: Vec<String> = serde_json::from_str(&text).ctx("parse the probe")?;
    if found.is_empty() {
        Ok(())
    } else {
        Err(format!("{screen}: active content: {found:?}"))
    }
}

async fn exists(d: &WebDriver, css: &str) -> Result<bool, String> {
    Ok(!d.find_all(By::Css(css)).await.ctx("find")?.is_empty())
}

/// Scrolls a list from top to bottom, a screen at a time, probing what each screen renders;
/// returns the distinct `attr` values seen on `row` elements.
async fn scroll_through(
    d: &WebDriver,
    scroller: &str,
    row: &str,
    attr: &str,
    screen: &str,
) -> Result<std::collections::BTreeSet<String>, String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut still = 0;
    // One round trip a screen: probe what is rendered, note the rows, scroll on.
    let script = PROBE.replacen(
        "return JSON.stringify(activeContent());",
        "const done = arguments[arguments.length - 1];
         const s = document.querySelector(arguments[0]);
         const rows = () => [...document.querySelectorAll(arguments[1])].map((r) => r.getAttribute(arguments[2]));
         const found = activeContent();
         const ids = rows();
         const before = s.scrollTop;
         s.scrollTop = before + s.clientHeight * 0.9;
         const atEnd = s.scrollTop === before;
         requestAnimationFrame(() => requestAnimationFrame(() => {
           done(JSON.stringify([found.concat(activeContent()), ids.concat(rows()), atEnd]));
         }));",
        1,
    );
    for _ in 0..400 {
        let out = d
            .execute_async(&script, vec![json!(scroller), json!(row), json!(attr)])
            .await
            .ctx("scroll")?;
        let text: String = out.convert().ctx("read scroll")?;
        let (found, ids, at_end): (Vec<String>, Vec<Option<String>>, bool) =
            serde_json::from_str(&text).ctx("parse scroll")?;
        if !found.is_empty() {
            return Err(format!("{screen}: active content: {found:?}"));
        }
        let before = seen.len();
        seen.extend(ids.into_iter().flatten());
        // At the end, and nothing new after a few tries (the next page may still be loading).
        if at_end && seen.len() == before {
            still += 1;
            if still >= 5 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        } else {
            still = 0;
        }
    }
    Ok(seen)
}

async fn ipc_log(d: &WebDriver) -> Result<Vec<(String, String)>, String> {
    let out = d
        .execute(
            "return JSON.stringify(window.__ipc_log || null);",
            Vec::new(),
        )
        .await
        .ctx("read the IPC log")?;
    let text: String = out.convert().ctx("read the IPC log")?;
    let log: Option<Vec<(String, String)>> = serde_json::from_str(&text).ctx("parse log")?;
    log.ok_or_else(|| "the IPC recorder is gone (the page was reloaded?)".into())
}

fn canary_entries(h: &Harness, dir: &Path) -> Result<usize, String> {
    let list: Vec<Value> = serde_json::from_str(&traj(h, dir, &["entry", "list", "--json"])?)
        .ctx("parse traj entry list")?;
    Ok(list
        .iter()
        .filter(|e| e["body"].as_str() == Some(CANARY))
        .count())
}

pub async fn hostile_text_stays_text_on_every_screen(h: &Harness, tmp: &Path) -> TestResult {
    let payloads = corpus();
    if payloads.len() < 200 {
        return Err(format!("the corpus has only {} payloads", payloads.len()));
    }
    // The data folder's own name is hostile too: Settings shows it.
    let dir = tmp.join("<img src=x onerror=top.__xss_fired=1>");
    std::fs::create_dir_all(&dir).ctx("data folder")?;
    let file = tmp.join("corpus.json");
    std::fs::write(&file, corpus_file(&payloads).to_string()).ctx("write corpus.json")?;
    traj(
        h,
        &dir,
        &["import", "--format", "json", &file.display().to_string()],
    )?;

    let d = h.launch_with(&dir, &["--today", TODAY]).await?;
    h.in_window(d, "hostile_text", async |d| {
        walk_every_screen(h, d, &dir, &payloads).await
    })
    .await?;
    // The control ran the canary payload once: exactly one canary entry, made by the control.
    match canary_entries(h, &dir)? {
        1 => Ok(()),
        n => Err(format!(
            "{n} canary entries after the control (expected exactly the control's one)"
        )),
    }
}

async fn walk_every_screen(
    h: &Harness,
    d: &WebDriver,
    dir: &Path,
    payloads: &[String],
) -> TestResult {
    let installed: bool = d
        .execute(RECORDER, Vec::new())
        .await
        .ctx("install the IPC recorder")?
        .convert()
        .ctx("recorder")?;
    if !installed {
        return Err("the IPC recorder could not be installed".into());
    }
    probe(d, "journal on start").await?;

    // Journal: every timeline row, after a reload of the timeline under the recorder.
    click(d, "refresh").await?;
    wait_for(d, "[data-testid='timeline-entry']", |_| true).await?;
    let rows = scroll_through(
        d,
        "[data-testid='timeline-scroll']",
        "[data-testid='timeline-entry']",
        "data-entry-id",
        "timeline",
    )
    .await?;
    let chunks = payloads.len().div_ceil(PREVIEW_CHUNK);
    if rows.len() < payloads.len() + chunks {
        return Err(format!(
            "the timeline showed {} entries of {}",
            rows.len(),
            payloads.len() + chunks
        ));
    }
    d.execute(
        "document.querySelector(\"[data-testid='timeline-scroll']\").scrollTop = 0;",
        Vec::new(),
    )
    .await
    .ctx("scroll up")?;

    // The trash.
    click(d, "show-trash").await?;
    wait_for(
        d,
        "[data-testid='timeline-entry'][data-trashed='true']",
        |_| true,
    )
    .await?;
    let trashed = scroll_through(
        d,
        "[data-testid='timeline-scroll']",
        "[data-testid='timeline-entry'][data-trashed='true']",
        "data-entry-id",
        "trash",
    )
    .await?;
    if trashed.len() != TRASHED {
        return Err(format!(
            "the trash showed {} entries of {TRASHED}",
            trashed.len()
        ));
    }
    click(d, "show-trash").await?;
    wait_for(
        d,
        "[data-testid='timeline-entry']:not([data-trashed])",
        |_| true,
    )
    .await?;

    // The Markdown preview of each chunk entry; a click on each dead link does nothing.
    for id in 1..=chunks {
        let row = wait_for(
            d,
            &format!("[data-testid='timeline-entry'][data-entry-id='{id}'] button"),
            |_| true,
        )
        .await?;
        row.click().await.ctx("open a chunk entry")?;
        let first = payloads[(id - 1) * PREVIEW_CHUNK]
            .lines()
            .next()
            .unwrap_or("");
        let first = first.to_owned();
        wait_for(d, "[data-testid='entry-body']", |_| true).await?;
        let toggle = by_test_id(d, "preview-toggle").await?;
        if toggle.attr("aria-pressed").await.ctx("toggle")?.as_deref() != Some("true") {
            toggle.click().await.ctx("open preview")?;
        }
        wait_for(d, "[data-testid='entry-preview']", |t| {
            t.contains("top.__xss_fired")
        })
        .await?;
        probe(
            d,
            &format!("preview of chunk {id} (first payload {first:?})"),
        )
        .await?;
        d.execute(
            "for (const el of document.querySelectorAll(\"[data-testid='entry-preview'] .inert-link, [data-testid='entry-preview'] .image-alt\")) el.click();",
            Vec::new(),
        )
        .await
        .ctx("click dead links")?;
        probe(d, &format!("preview of chunk {id} after clicks")).await?;
        if id == 1 {
            h.keep_screenshot(d, "xss-preview").await;
        }
    }

    // History of the newest corpus entry, just below the chunks (its revision holds the next
    // payload).
    let corpus_row = format!(
        "[data-testid='timeline-entry'][data-entry-id='{}'] button",
        chunks + payloads.len()
    );
    let row = wait_for(d, &corpus_row, |_| true).await?;
    click_el(d, &row, "a corpus entry").await?;
    click(d, "revisions-toggle").await?;
    wait_for(d, "[data-testid='revision-item']", |t| {
        t.contains("__xss_fired")
    })
    .await?;
    // Every version on screen: the sittings' earlier versions unfolded too.
    unfold_sittings(d).await?;
    probe(d, "history").await?;

    // Typed through the UI: a new entry with payloads in its body and a tag; the tag
    // suggestions and the template list show the imported ones.
    click(d, "new-entry").await?;
    let typed = format!(
        "{}\n{}\n[x](javascript:top.__xss_fired=1)",
        payloads[0], payloads[25]
    );
    by_test_id(d, "entry-body")
        .await?
        .send_keys(&typed)
        .await
        .ctx("type payloads")?;
    let tags = by_test_id(d, "entry-tags").await?;
    tags.send_keys("<svg onload=top.__xss_fired=1>")
        .await
        .ctx("type a tag")?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    probe(d, "tag suggestions").await?;
    tags.send_keys(Key::Escape)
        .await
        .ctx("close the suggestions")?;
    click(d, "save-entry").await?;
    wait_for(d, "[data-testid='save-status']", |t| t.contains("Saved")).await?;
    click(d, "preview-toggle").await?;
    wait_for(d, "[data-testid='entry-preview']", |t| {
        t.contains("javascript:")
    })
    .await?;
    probe(d, "preview of the typed entry").await?;
    click(d, "template-menu").await?;
    wait_for(d, "[data-testid='template-option']", |_| true).await?;
    probe(d, "template list").await?;
    d.action_chain()
        .send_keys(Key::Escape)
        .perform()
        .await
        .ctx("escape")?;

    // Search: results with highlighted snippets for words the payloads share.
    for query in [
        "xsscorpus",
        "script",
        "onerror",
        "javascript",
        "svg",
        "math",
        "iframe",
        "href",
        "data",
        "img",
        "html",
        "constructor",
        "fired",
    ] {
        let input = by_test_id(d, "search-input").await?;
        set_value(d, &input, query).await?;
        wait_for(d, "[data-testid='search-result'] mark", |_| true).await?;
        probe(d, &format!("search results for {query}")).await?;
        if query == "xsscorpus" {
            while let Ok(more) = d.find(By::Css("[data-testid='search-more']")).await {
                if more.click().await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
                probe(d, "more search results").await?;
            }
        }
    }
    h.keep_screenshot(d, "xss-search").await;
    let input = by_test_id(d, "search-input").await?;
    set_value(d, &input, "").await?;

    // Goals: the list, a typed goal, each goal holding milestones, and its forms.
    click(d, "nav-goals").await?;
    wait_for(d, "body[data-goals-ready='true']", |_| true).await?;
    wait_for(d, "[data-testid='goal-card']", |_| true).await?;
    probe(d, "goals list").await?;
    click(d, "new-goal").await?;
    by_test_id(d, "goal-title")
        .await?
        .send_keys("\"><img src=x onerror=top.__xss_fired=1>")
        .await
        .ctx("type a goal title")?;
    by_test_id(d, "goal-here")
        .await?
        .send_keys("<script>top.__xss_fired=1</script>")
        .await
        .ctx("type here")?;
    set_value(d, &by_test_id(d, "goal-target").await?, "2027-06-30").await?;
    click(d, "save-goal").await?;
    wait_for(
        d,
        "[data-testid='goal-card'], [data-testid='goal-detail']",
        |t| t.contains("\"><img src=x"),
    )
    .await?;
    probe(d, "goals list with a typed goal").await?;
    for goal in 1..=MILESTONE_GOALS {
        if exists(d, "[data-testid='back-to-goals']").await? {
            click(d, "back-to-goals").await?;
        }
        let card = wait_for(
            d,
            &format!("[data-testid='goal-card'][data-goal-id='{goal}'] button.open"),
            |_| true,
        )
        .await?;
        card.click().await.ctx("open a goal")?;
        wait_for(d, "[data-testid='milestone-item']", |_| true).await?;
        wait_for(d, "[data-testid='goal-chart']", |_| true).await?;
        probe(d, &format!("goal {goal} with its milestones")).await?;
        if goal == 1 {
            h.keep_screenshot(d, "xss-goal").await;
            click(d, "add-milestone").await?;
            by_test_id(d, "milestone-title")
                .await?
                .send_keys("<svg><animate onbegin=top.__xss_fired=1 attributeName=x>")
                .await
                .ctx("type a milestone title")?;
            by_test_id(d, "milestone-notes")
                .await?
                .send_keys("[notes](javascript:top.__xss_fired=1)")
                .await
                .ctx("type notes")?;
            click(d, "save-milestone").await?;
            wait_for(d, "[data-testid='milestone-item']", |t| {
                t.contains("<svg><animate")
            })
            .await?;
            probe(d, "goal with a typed milestone").await?;
            click(d, "edit-goal").await?;
            wait_for(d, "[data-testid='goal-title']", |_| true).await?;
            probe(d, "goal form").await?;
            click(d, "cancel-goal").await?;
        }
    }

    // Insights: every chart over the whole range, the goal picker, paused periods.
    click(d, "nav-insights").await?;
    wait_for(d, "body[data-insights-ready='true']", |_| true).await?;
    wait_for(d, "[data-testid='range-picker'] [data-range='all']", |_| {
        true
    })
    .await?
    .click()
    .await
    .ctx("range all")?;
    wait_for(
        d,
        "[data-testid='insights-chart'][data-chart='trajectory']",
        |_| true,
    )
    .await?;
    wait_for(d, "[data-testid='paused-item']", |_| true).await?;
    probe(d, "insights").await?;

    // Reflection: all five steps' free text, a move, finished and read back.
    walk_the_reflection(d, payloads).await?;

    // Settings: the data folder's hostile name.
    click(d, "nav-settings").await?;
    wait_for(d, "[data-testid='data-folder']", |t| t.contains("onerror=")).await?;
    probe(d, "settings").await?;

    // What the recorder saw: the app's own calls only.
    let log = ipc_log(d).await?;
    let names: std::collections::BTreeSet<&str> = log.iter().map(|(c, _)| c.as_str()).collect();
    for needed in ["list_entries", "search", "render_markdown", "list_goals"] {
        if !names.contains(needed) {
            return Err(format!(
                "the IPC recorder missed the app's own {needed} (saw {names:?})"
            ));
        }
    }
    if log.iter().any(|(cmd, body)| payload_call(cmd, body)) {
        return Err(format!("a payload called IPC: {names:?}"));
    }
    if canary_entries(h, dir)? != 0 {
        return Err("a payload created the canary entry through IPC".into());
    }

    // Control: the same code, run by the test, is seen by all three detectors.
    d.execute(&format!("{} ; return true;", invoke_snippet()), Vec::new())
        .await
        .ctx("run the control")?;
    for _ in 0..50 {
        if canary_entries(h, dir)? == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let log = ipc_log(d).await?;
    let fired: String = d
        .execute("return typeof window.__xss_fired;", Vec::new())
        .await
        .ctx("control sentinel")?
        .convert()
        .ctx("control sentinel")?;
    let probe_seen = log
        .iter()
        .any(|(c, b)| c == "xss_probe" || (c == "postMessage" && b.contains("xss_probe")));
    let canary_seen = log
        .iter()
        .any(|(c, b)| c != "xss_probe" && payload_call(c, b));
    let probe_sees_it = probe(d, "control").await.is_err();
    if fired != "number" || !probe_seen || !canary_seen || !probe_sees_it {
        return Err(format!(
            "the control was not detected: sentinel {fired}, xss_probe seen {probe_seen}, \
             canary seen {canary_seen}, probe saw it {probe_sees_it}"
        ));
    }
    Ok(())
}

/// Whether a recorded IPC request is one the payloads make: the unknown `xss_probe`, or
/// `create_entry` whose body is exactly the canary (the app itself sends payload text around,
/// e.g. in searches and answers, so a substring match would not do).
fn payload_call(cmd: &str, body: &str) -> bool {
    let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let (cmd, args) = if cmd == "postMessage" {
        (v["cmd"].as_str().unwrap_or(""), &v["payload"])
    } else {
        (cmd, &v)
    };
    cmd == "xss_probe" || (cmd == "create_entry" && args["draft"]["body"] == CANARY)
}

/// The code the corpus's IPC payloads run (tests/fixtures/xss-payloads.txt, header).
fn invoke_snippet() -> String {
    format!(
        "top.__xss_fired=1;top.__TAURI_INTERNALS__.invoke('create_entry',{{draft:{{entry_date:'2001-01-01',body:'{CANARY}'}}}});top.__TAURI_INTERNALS__.invoke('xss_probe')"
    )
}

async fn walk_the_reflection(d: &WebDriver, payloads: &[String]) -> TestResult {
    click(d, "nav-reflection").await?;
    wait_for(d, "body[data-reflection-ready='true']", |_| true).await?;
    if exists(d, "[data-testid='start-reflection-by-hand']").await? {
        click(d, "start-reflection-by-hand").await?;
    } else if exists(d, "[data-testid='start-reflection']").await? {
        click(d, "start-reflection").await?;
    }
    let mut next_payload = 100;
    for step in ["accept", "root_cause", "moves", "commit", "follow_up"] {
        wait_for(
            d,
            &format!("[data-testid='reflection-step'][data-step='{step}']"),
            |_| true,
        )
        .await?;
        for field in d
            .find_all(By::Css(
                "[data-testid='reflection-step'] textarea[data-testid^='answer-']",
            ))
            .await
            .ctx("answers")?
        {
            set_value(d, &field, &payloads[next_payload % payloads.len()]).await?;
            next_payload += 7;
        }
        if step == "moves" {
            let strategy = wait_for(
                d,
                "[data-testid^='strategy-'] input, input[data-testid^='strategy-']",
                |_| true,
            )
            .await?;
            strategy.click().await.ctx("choose a strategy")?;
        }
        if step == "commit" {
            set_value(d, &by_test_id(d, "move-text").await?, &payloads[3]).await?;
            set_value(d, &by_test_id(d, "move-due").await?, TODAY).await?;
            click(d, "add-move").await?;
            wait_for(d, "[data-testid='move-item']", |t| {
                t.contains("__xss_fired")
            })
            .await?;
        }
        wait_for(d, "[data-testid='answer-status']", |t| t.contains("Saved")).await?;
        probe(d, &format!("reflection step {step}")).await?;
        if step != "follow_up" {
            next_step(d).await?;
        }
    }
    // Read back from storage: leave the place, come back, finish, open the past reflection.
    click(d, "nav-journal").await?;
    click(d, "nav-reflection").await?;
    wait_for(
        d,
        "[data-testid='reflection-step'][data-step='follow_up']",
        |_| true,
    )
    .await?;
    probe(d, "reflection after coming back").await?;
    // The move is due today: its check-in shows the move's text.
    wait_for(d, "[data-testid='check-in']", |t| t.contains("__xss_fired")).await?;
    probe(d, "check-in").await?;
    click(d, "finish-reflection").await?;
    click(d, "open-past-reflection").await?;
    wait_for(d, "[data-testid='past-reflection-detail']", |t| {
        t.contains("__xss_fired")
    })
    .await?;
    probe(d, "past reflection").await
}
