//! End-to-end scenarios for the journal: autosave, crash recovery, search, revisions, and
//! markup staying inert in the editor and the preview.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{Context, Harness, TestResult, by_test_id, click, wait_for};
use crate::run_in_app;

/// The textarea's current value (typed text lives in the value, not the text content).
async fn body_value(driver: &WebDriver) -> Result<String, String> {
    let body = by_test_id(driver, "entry-body").await?;
    Ok(body
        .prop("value")
        .await
        .ctx("read the editor")?
        .unwrap_or_default())
}

async fn wait_saved(driver: &WebDriver) -> TestResult {
    wait_for(driver, "[data-testid='save-status']", |t| {
        t.trim() == "Saved"
    })
    .await
    .map(drop)
}

async fn start_entry(driver: &WebDriver, text: &str) -> TestResult {
    click(driver, "new-entry").await?;
    by_test_id(driver, "entry-body")
        .await?
        .send_keys(text)
        .await
        .ctx("type")?;
    Ok(())
}

fn saved_bodies(h: &Harness, dir: &Path) -> Result<Vec<String>, String> {
    let out = Command::new(&h.traj_binary)
        .arg("--data-dir")
        .arg(dir)
        .args(["entry", "list", "--json"])
        .output()
        .ctx("run traj")?;
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).ctx("traj output")?;
    Ok(list
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["body"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

pub async fn autosave_commits_without_pressing_save(h: &Harness, dir: &Path) -> TestResult {
    let text = "Autosaved while I was thinking about the roadmap.";
    run_in_app(
        h,
        dir,
        "autosave_commits_without_pressing_save",
        async |d| {
            start_entry(d, text).await?;
            wait_saved(d).await?;
            let bodies = saved_bodies(h, dir)?;
            if !bodies.iter().any(|b| b == text) {
                return Err(format!("'Saved' was shown but the database has {bodies:?}"));
            }
            Ok(())
        },
    )
    .await
}

pub async fn crash_while_typing_offers_the_draft_back(h: &Harness, dir: &Path) -> TestResult {
    let chunks: Vec<String> = (0..24).map(|i| format!("word{i:02} ")).collect();
    let typed: String = chunks.concat();
    let driver = h.launch(dir).await?;
    let result: TestResult = async {
        by_test_id(&driver, "new-entry")
            .await?
            .click()
            .await
            .ctx("click new entry")?;
        let body = by_test_id(&driver, "entry-body").await?;
        // Keep typing (pauses shorter than the autosave delay), then kill the app mid-stream.
        for chunk in &chunks {
            body.send_keys(chunk).await.ctx("type")?;
            tokio::time::sleep(Duration::from_millis(60)).await;
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        h.screenshot(Some(&driver), "crash_while_typing_before_kill")
            .await;
        let _ = driver.quit().await;
        return Err(e);
    }
    let pattern = format!("--data-dir {}", dir.display());
    let killed = Command::new("pkill")
        .args(["-KILL", "-f", "--", &pattern])
        .status()
        .ctx("pkill")?;
    if !killed.success() {
        return Err("no app process to kill".into());
    }
    let _ = driver.quit().await; // the session's app is gone; end it at the driver
    tokio::time::sleep(Duration::from_millis(300)).await;

    run_in_app(
        h,
        dir,
        "crash_while_typing_offers_the_draft_back",
        async |d| {
            wait_for(d, "[data-testid='recovery-banner']", |_| true).await?;
            click(d, "recover-draft").await?;
            let mut value = String::new();
            for _ in 0..50 {
                value = body_value(d).await?;
                if !value.is_empty() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            // At most the last few hundred milliseconds of typing may be missing.
            let missing = typed.len().saturating_sub(value.len());
            if !typed.starts_with(value.trim_end()) || missing > 4 * chunks[0].len() {
                return Err(format!("recovered {value:?}, typed {typed:?}"));
            }
            Ok(())
        },
    )
    .await
}

pub async fn search_finds_the_entry_with_highlight(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(h, dir, "search_finds_the_entry_with_highlight", async |d| {
        start_entry(d, "Quarterly zephyr review went better than planned.").await?;
        wait_saved(d).await?;
        by_test_id(d, "search-input")
            .await?
            .send_keys("zephy*")
            .await
            .ctx("type query")?;
        wait_for(d, "[data-testid='search-result']", |t| t.contains("zephyr")).await?;
        wait_for(d, "[data-testid='search-result'] mark", |t| {
            t.trim() == "zephyr"
        })
        .await?;
        h.keep_screenshot(d, "search").await;
        Ok(())
    })
    .await
}

pub async fn an_older_revision_can_be_restored(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(h, dir, "an_older_revision_can_be_restored", async |d| {
        start_entry(d, "First version of the promotion case.").await?;
        wait_saved(d).await?;
        let body = by_test_id(d, "entry-body").await?;
        body.clear().await.ctx("clear the editor")?;
        body.send_keys("Second version, rewritten.")
            .await
            .ctx("type")?;
        wait_for(d, "[data-testid='save-status']", |t| t.trim() != "Saved")
            .await
            .ok();
        wait_saved(d).await?;
        click(d, "revisions-toggle").await?;
        wait_for(d, "[data-testid='revision-item']", |_| true).await?;
        // Had an autosave caught the typing halfway, the first version is folded under it
        // (one sitting): unfold.
        unfold_sittings(d).await?;
        let item = wait_for(d, "[data-testid='revision-item']", |t| {
            t.contains("First version")
        })
        .await?;
        item.find(By::Css("[data-testid='restore-revision']"))
            .await
            .ctx("restore button")?
            .click()
            .await
            .ctx("click restore")?;
        let mut restored = false;
        for _ in 0..50 {
            if body_value(d).await? == "First version of the promotion case." {
                restored = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        if !restored {
            return Err(format!(
                "editor shows {:?} after restoring",
                body_value(d).await?
            ));
        }
        // The restore kept the rewritten version, seconds after the first: one sitting, its
        // latest version shown and the first folded under it.
        wait_for(d, "[data-testid='sitting-toggle']", |t| {
            t.contains("earlier version")
        })
        .await?;
        let shown = d
            .find_all(By::Css("[data-testid='revision-item']"))
            .await
            .ctx("versions")?;
        let first = shown.first().ok_or("no version in the history")?;
        let text = first
            .prop("textContent")
            .await
            .ctx("latest version")?
            .unwrap_or_default();
        if !text.contains("Second version") {
            return Err(format!("the sitting's latest version reads {text:?}"));
        }
        unfold_sittings(d).await?;
        wait_for(d, "[data-testid='revision-item']", |t| {
            t.contains("First version")
        })
        .await?;
        d.execute(
            "document.querySelector(\"[data-testid='sitting-toggle']\").scrollIntoView({ block: 'center' });",
            Vec::new(),
        )
        .await
        .ctx("scroll to the sitting")?;
        h.keep_screenshot(d, "history").await;
        Ok(())
    })
    .await
}

/// Shows the earlier versions of every sitting in the History panel.
pub(crate) async fn unfold_sittings(d: &WebDriver) -> TestResult {
    d.execute(
        "for (const b of document.querySelectorAll(\"[data-testid='sitting-toggle'][aria-expanded='false']\")) b.click();",
        Vec::new(),
    )
    .await
    .ctx("unfold the sittings")
    .map(drop)
}

pub async fn payloads_stay_inert_in_editor_and_preview(h: &Harness, dir: &Path) -> TestResult {
    let payload = "<img src=x onerror=\"window.__pwned=1\">\n\n<script>window.__pwned=1</script>\n\n\
                   <svg onload=\"window.__pwned=1\"></svg>\n\n[click me](javascript:window.__pwned=1)\n\n\
                   ![x](x\" onerror=\"window.__pwned=1)";
    run_in_app(h, dir, "payloads_stay_inert_in_editor_and_preview", async |d| {
        start_entry(d, payload).await?;
        wait_saved(d).await?;
        click(d, "preview-toggle").await?;
        wait_for(d, "[data-testid='entry-preview']", |t| t.contains("<script>window.__pwned=1</script>")).await?;
        h.keep_screenshot(d, "preview-inert").await;
        // Clicking the javascript: link must do nothing.
        if let Ok(link) = d.find(By::XPath("//*[@data-testid='entry-preview']//*[contains(text(),'click me')]")).await {
            let _ = link.click().await;
        }
        let probe = d
            .execute(
                "const p = document.querySelector(\"[data-testid='entry-preview']\");
                 return [typeof window.__pwned,
                         p.querySelectorAll('img, script, svg, iframe, object').length,
                         p.querySelectorAll('a[href^=\"javascript\"], [onerror], [onload]').length,
                         document.querySelector(\"[data-testid='entry-body']\").value.includes('<script>')];",
                Vec::new(),
            )
            .await
            .ctx("probe")?;
        let (pwned, elements, handlers, kept): (String, u64, u64, bool) = probe.convert().ctx("read probe")?;
        if pwned != "undefined" || elements != 0 || handlers != 0 || !kept {
            return Err(format!(
                "__pwned={pwned}, dangerous elements={elements}, handlers/js links={handlers}, text kept={kept}"
            ));
        }
        Ok(())
    })
    .await
}
