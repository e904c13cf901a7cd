//! End-to-end accessibility: axe-core (ui/node_modules/axe-core, pinned in ui/package.json) is
//! injected into the real window and run on every screen — the journal empty and full, the
//! editor, preview, history, search, templates, goals (list, detail, forms), insights, the slump
//! banner and every reflection step, settings. No serious or critical violation may remain; on
//! failure every violation is printed with its rule, impact and the elements' selectors.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use thirtyfour::prelude::*;

use crate::harness::{self, Context, Harness, TestResult, by_test_id, click, click_el, wait_for};
use crate::reflection::{TODAY, next_step, seed, traj};

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct AxeReport {
    rules: usize,
    violations: Vec<Violation>,
    error: Option<String>,
}

/// What one screen gave: its name, the number of rules axe checked, and its violations.
struct ScreenResult {
    screen: String,
    rules: usize,
    violations: Vec<Violation>,
    /// Tab stops walked (all with a visible focus), when the screen was walked by keyboard.
    tab_stops: Option<usize>,
}

fn axe_source() -> Result<String, String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (axe-core is an npm devDependency of ui/: run scripts/setup)",
            path.display()
        )
    })
}

const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
window.axe
  .run(document, { resultTypes: ['violations'] })
  .then((r) => done(JSON.stringify({
    rules: new Set([...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id)).size,
    violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    })),
    error: null,
  })))
  .catch((e) => done(JSON.stringify({ rules: 0, violations: [], error: String(e) })));
"#;

/// The axe-core runs of one launch of the app.
struct Audit<'a> {
    driver: &'a WebDriver,
    results: Vec<ScreenResult>,
}

impl<'a> Audit<'a> {
    async fn new(driver: &'a WebDriver, source: &str) -> Result<Audit<'a>, String> {
        let kind: String = driver
            .execute(&format!("{source}\n;return typeof window.axe;"), Vec::new())
            .await
            .ctx("inject axe-core")?
            .convert()
            .ctx("inject axe-core")?;
        if kind != "object" {
            return Err(format!("axe-core did not load (typeof axe = {kind})"));
        }
        Ok(Audit {
            driver,
            results: Vec::new(),
        })
    }

    async fn check(&mut self, screen: &str) -> TestResult {
        // Let transitions and focus settle before measuring colours.
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        let out = self
            .driver
            .execute_async(RUN_AXE, Vec::new())
            .await
            .ctx(&format!("run axe on {screen}"))?;
        let text: String = out.convert().ctx("axe result")?;
        let report: AxeReport = serde_json::from_str(&text).ctx("parse the axe result")?;
        if let Some(e) = report.error {
            return Err(format!("axe failed on {screen}: {e}"));
        }
        self.results.push(ScreenResult {
            screen: screen.to_owned(),
            rules: report.rules,
            violations: report.violations,
            tab_stops: None,
        });
        Ok(())
    }

    /// Like `check`, then Tab through the screen: every stop must show its focus.
    async fn check_keys(&mut self, screen: &str) -> TestResult {
        self.check(screen).await?;
        let stops = tab_round(self.driver, screen).await?;
        if let Some(last) = self.results.last_mut() {
            last.tab_stops = Some(stops);
        }
        Ok(())
    }
}

/// Presses Tab through the whole screen (until the focus comes back round, at most 150 stops);
/// every stop must show a focus indicator (an outline or a box shadow). Returns the stops.
async fn tab_round(d: &WebDriver, screen: &str) -> Result<usize, String> {
    // The focused element or a close ancestor (a card outlined through :has / :focus-within)
    // must draw an outline or a box shadow. The first stop is marked to know when Tab has
    // come back round.
    const FOCUS: &str = "const el = document.activeElement;
        if (!el || el === document.body) return JSON.stringify(['', true, false]);
        let shown = false;
        for (let n = el, i = 0; n && i < 4 && !shown; n = n.parentElement, i++) {
          const s = getComputedStyle(n);
          shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        }
        // Tab inside a date field moves between its parts: the same element, not a new stop.
        const same = el === window.__a11yPrev;
        window.__a11yPrev = el;
        const back = el.dataset.a11yFirst === '1' && !same;
        if (!document.querySelector('[data-a11y-first]')) el.dataset.a11yFirst = '1';
        const name = el.getAttribute('data-testid') || el.localName + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ')[0] : '');
        return JSON.stringify([name, shown, back, same]);";
    let mut seen: Vec<String> = Vec::new();
    let mut hidden = Vec::new();
    for _ in 0..150 {
        d.action_chain()
            .send_keys(Key::Tab)
            .perform()
            .await
            .ctx("tab")?;
        let text: String = d
            .execute(FOCUS, Vec::new())
            .await
            .ctx("focus")?
            .convert()
            .ctx("focus")?;
        let (id, shown, back, same): (String, bool, bool, bool) =
            serde_json::from_str(&text).ctx("focus")?;
        if back {
            break;
        }
        if same {
            continue;
        }
        if !shown {
            hidden.push(id.clone());
        }
        seen.push(id);
    }
    d.execute(
        "for (const el of document.querySelectorAll('[data-a11y-first]')) delete el.dataset.a11yFirst;
         window.__a11yPrev = null;",
        Vec::new(),
    )
    .await
    .ctx("unmark")?;
    if hidden.is_empty() {
        Ok(seen.len())
    } else {
        Err(format!("{screen}: focus not visible on {hidden:?}"))
    }
}

fn serious(v: &Violation) -> bool {
    matches!(v.impact.as_deref(), Some("serious" | "critical"))
}

/// Prints one line per screen (rules checked, violations by impact) and every violation.
fn report(results: &[ScreenResult]) -> TestResult {
    let mut failed = 0;
    for r in results {
        let count = |impact: &str| {
            r.violations
                .iter()
                .filter(|v| v.impact.as_deref() == Some(impact))
                .count()
        };
        eprintln!(
            "a11y: {:<34} rules {:>3}  critical {} serious {} moderate {} minor {}{}",
            r.screen,
            r.rules,
            count("critical"),
            count("serious"),
            count("moderate"),
            count("minor"),
            r.tab_stops
                .map(|n| format!("  tab stops {n}, focus visible on all"))
                .unwrap_or_default()
        );
        for v in &r.violations {
            eprintln!(
                "a11y:     {} [{}] {} — {}",
                v.id,
                v.impact.as_deref().unwrap_or("?"),
                v.help,
                v.nodes.join(" | ")
            );
            if serious(v) {
                failed += 1;
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!(
            "{failed} serious or critical accessibility violations (listed above, lines starting a11y:)"
        ))
    }
}

async fn set_value(d: &WebDriver, test_id: &str, value: &str) -> TestResult {
    let el = by_test_id(d, test_id).await?;
    harness::set_value(d, &el, value).await
}

async fn step(d: &WebDriver, name: &str) -> TestResult {
    wait_for(
        d,
        &format!("[data-testid='reflection-step'][data-step='{name}']"),
        |_| true,
    )
    .await
    .map(drop)
}

async fn run<F>(
    h: &Harness,
    dir: &Path,
    extra: &[&str],
    name: &str,
    walk: F,
) -> Result<Vec<ScreenResult>, String>
where
    F: AsyncFnOnce(&mut Audit<'_>) -> TestResult,
{
    let source = axe_source()?;
    let d = h.launch_with(dir, extra).await?;
    let mut audit = match Audit::new(&d, &source).await {
        Ok(audit) => audit,
        Err(e) => {
            let _ = d.quit().await;
            return Err(e);
        }
    };
    let walked = walk(&mut audit).await;
    let results = audit.results;
    if walked.is_err() {
        h.screenshot(Some(&d), name).await;
        let _ = report(&results);
    }
    let _ = d.quit().await;
    walked.map(|_| results)
}

pub async fn every_screen_passes_axe_without_serious_violations(
    h: &Harness,
    tmp: &Path,
) -> TestResult {
    let mut results = Vec::new();

    // An empty journal, on its first start.
    let empty = tmp.join("empty");
    results.extend(
        run(h, &empty, &[], "a11y_empty", async |a| {
            let d = a.driver;
            a.check_keys("journal, empty").await?;
            click(d, "new-entry").await?;
            a.check("editor, new entry").await?;
            click(d, "nav-goals").await?;
            wait_for(d, "[data-testid='goals-empty']", |_| true).await?;
            a.check("goals, none").await?;
            click(d, "nav-insights").await?;
            wait_for(d, "body[data-insights-ready='true']", |_| true).await?;
            a.check("insights, no data").await?;
            click(d, "nav-reflection").await?;
            wait_for(d, "[data-testid='no-reflection']", |_| true).await?;
            a.check("reflection, none").await
        })
        .await?,
    );

    // A journal with entries, goals and a long quiet stretch (the banner is up).
    let full = tmp.join("full");
    std::fs::create_dir_all(&full).ctx("data folder")?;
    seed(h, &full)?;
    for (date, text, tag) in [
        (
            "2025-12-01",
            "Asked for **feedback** on the design doc.\n\n- [x] write it\n- [ ] send it\n\nSee [the doc](https://example.org/doc).",
            "growth",
        ),
        (
            "2025-12-10",
            "A quiet week: planning and *reviews*.",
            "work",
        ),
        (
            "2025-12-20",
            "Feedback came back: `clearer goals` needed.",
            "feedback",
        ),
    ] {
        traj(
            h,
            &full,
            &[
                "entry",
                "add",
                "--date",
                date,
                "--tag",
                tag,
                "--mood",
                "3",
                "--progress",
                "2",
                "--text",
                text,
            ],
        )?;
    }
    results.extend(
        run(h, &full, &["--today", TODAY], "a11y_full", async |a| {
            let d = a.driver;
            wait_for(d, "[data-testid='slump-banner']", |t| !t.trim().is_empty()).await?;
            a.check("journal with entries + banner").await?;
            click(d, "set-aside-notice").await?;
            wait_for(d, "[data-testid='set-aside-reason']", |_| true).await?;
            a.check("banner, set aside form").await?;
            click(d, "set-aside-notice").await?;
            let row = wait_for(d, "[data-testid='timeline-entry'] button", |t| {
                t.contains("design doc")
            })
            .await?;
            click_el(d, &row, "an entry").await?;
            wait_for(d, "[data-testid='entry-body']", |_| true).await?;
            a.check_keys("editor, an entry").await?;
            click(d, "preview-toggle").await?;
            wait_for(d, "[data-testid='entry-preview']", |t| {
                t.contains("design doc")
            })
            .await?;
            a.check("preview").await?;
            click(d, "revisions-toggle").await?;
            wait_for(d, "[data-testid='history-panel']", |_| true).await?;
            a.check("history").await?;
            click(d, "template-menu").await?;
            wait_for(d, "[data-testid='template-list']", |_| true).await?;
            a.check("template list").await?;
            click(d, "template-menu").await?;
            by_test_id(d, "search-input")
                .await?
                .send_keys("feedback")
                .await
                .ctx("type")?;
            wait_for(d, "[data-testid='search-result'] mark", |_| true).await?;
            a.check("search results").await?;
            click(d, "search-filters-toggle").await?;
            wait_for(d, "[data-testid='search-filters']", |_| true).await?;
            a.check_keys("search filters").await?;
            h.keep_screenshot(d, "a11y-search-filters").await;
            set_value(d, "search-input", "").await?;

            click(d, "nav-goals").await?;
            wait_for(d, "[data-testid='goal-card']", |_| true).await?;
            a.check_keys("goals").await?;
            click(d, "new-goal").await?;
            wait_for(d, "[data-testid='goal-title']", |_| true).await?;
            a.check_keys("goal form").await?;
            h.keep_screenshot(d, "a11y-goal-form").await;
            click(d, "save-goal").await?;
            wait_for(d, "[data-testid='field-error']", |_| true).await?;
            a.check("goal form with an error").await?;
            click(d, "cancel-goal").await?;
            let open = wait_for(d, "[data-testid='goal-card'] button.open", |_| true).await?;
            click_el(d, &open, "the goal").await?;
            wait_for(d, "[data-testid='goal-chart']", |_| true).await?;
            a.check_keys("goal detail").await?;
            h.keep_screenshot(d, "a11y-goal-detail").await;
            click(d, "add-milestone").await?;
            wait_for(d, "[data-testid='milestone-form']", |_| true).await?;
            a.check("milestone form").await?;
            click(d, "cancel-milestone").await?;
            click(d, "let-go-goal").await?;
            wait_for(d, "[data-testid='status-confirm']", |_| true).await?;
            a.check("goal status confirmation").await?;
            click(d, "cancel-status").await?;

            click(d, "nav-insights").await?;
            wait_for(
                d,
                "[data-testid='insights-chart'][data-chart='velocity']",
                |_| true,
            )
            .await?;
            a.check_keys("insights").await?;
            click(d, "add-paused").await?;
            wait_for(d, "[data-testid='paused-start']", |_| true).await?;
            a.check_keys("insights, pause form").await?;

            click(d, "nav-journal").await?;
            click(d, "start-reflection").await?;
            step(d, "accept").await?;
            a.check("reflection 1, accept").await?;
            next_step(d).await?;
            step(d, "root_cause").await?;
            a.check_keys("reflection 2, root cause").await?;
            next_step(d).await?;
            step(d, "moves").await?;
            click(d, "strategy-learn_or_responsibility").await?;
            a.check("reflection 3, moves").await?;
            next_step(d).await?;
            step(d, "commit").await?;
            by_test_id(d, "move-text")
                .await?
                .send_keys("Ask two peers for feedback")
                .await
                .ctx("type")?;
            set_value(d, "move-due", "2026-01-14").await?;
            click(d, "add-move").await?;
            wait_for(d, "[data-testid='move-item']", |_| true).await?;
            a.check_keys("reflection 4, commit").await?;
            next_step(d).await?;
            step(d, "follow_up").await?;
            a.check("reflection 5, follow up").await?;

            click(d, "nav-settings").await?;
            wait_for(d, "[data-testid='backup']", |_| true).await?;
            a.check_keys("settings").await
        })
        .await?,
    );
    report(&results)
}

/// Runs axe-core on the screen `d` shows now (and, with `keys`, a Tab round through it); fails
/// on serious or critical violations. For scenarios elsewhere (the start-up screens).
pub(crate) async fn screen_passes_axe(d: &WebDriver, screen: &str, keys: bool) -> TestResult {
    let source = axe_source()?;
    let mut audit = Audit::new(d, &source).await?;
    if keys {
        audit.check_keys(screen).await?;
    } else {
        audit.check(screen).await?;
    }
    report(&audit.results)
}
