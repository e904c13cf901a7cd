//! End-to-end scenarios for the journal's start-up screens: encryption turned on in Settings
//! locks the next launch until the right passphrase; a damaged journal opens the recovery
//! screen, which saves what can be read and restores the newest good backup; a journal from a
//! newer version is refused and left byte for byte as it was.

use std::path::Path;

use thirtyfour::prelude::*;

use crate::a11y::screen_passes_axe;
use crate::harness::{Context, Harness, TestResult, by_test_id, click, wait_for};

const EXCERPT: &str = "[data-testid='timeline-entry'] [data-testid='entry-excerpt']";
const JOURNAL: &str = trajectory_store::DATABASE_FILE;

/// `traj` on the test's folder; its output is not needed here.
fn traj(h: &Harness, dir: &Path, args: &[&str]) -> TestResult {
    crate::reflection::traj(h, dir, args).map(drop)
}

async fn type_into(d: &WebDriver, id: &str, text: &str) -> TestResult {
    let field = by_test_id(d, id).await?;
    field.clear().await.ctx("clear")?;
    field.send_keys(text).await.ctx("type")
}

/// Runs `body` in a window launched until `ready`; keeps a screenshot on failure.
async fn in_window(
    h: &Harness,
    dir: &Path,
    name: &str,
    ready: &str,
    body: impl AsyncFnOnce(&WebDriver) -> TestResult,
) -> TestResult {
    let driver = h.launch_until(dir, &[], ready).await?;
    h.in_window(driver, name, body).await
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

pub async fn encryption_locks_the_journal_until_the_passphrase(
    h: &Harness,
    dir: &Path,
) -> TestResult {
    let text = "A private note about the reorganisation.";
    traj(h, dir, &["entry", "add", "--text", text])?;
    let timeline = "body[data-timeline-ready='true']";
    in_window(h, dir, "encryption_turn_on", timeline, async |d| {
        click(d, "nav-settings").await?;
        wait_for(d, "[data-testid='encryption-state']", |t| t.contains("off")).await?;
        click(d, "encryption-on").await?;
        type_into(d, "new-passphrase", "orange kites over the bay").await?;
        type_into(d, "repeat-passphrase", "orange kites over the bay").await?;
        click(d, "understood").await?;
        h.keep_screenshot(d, "settings-encryption").await;
        screen_passes_axe(d, "settings: encryption form", false).await?;
        click(d, "encryption-submit").await?;
        wait_for(d, "[data-testid='encryption-done']", |t| {
            t.contains("encrypted")
        })
        .await?;
        Ok(())
    })
    .await?;
    let db = std::fs::read(dir.join(JOURNAL)).ctx("read the journal file")?;
    if contains(&db, text) {
        return Err("the journal file still holds the entry in plain text".into());
    }

    in_window(
        h,
        dir,
        "encryption_unlock",
        "[data-testid='lock-screen']",
        async |d| {
            h.keep_screenshot(d, "lock").await;
            screen_passes_axe(d, "lock screen", true).await?;
            type_into(d, "unlock-passphrase", "orange kites over the sea").await?;
            click(d, "unlock").await?;
            wait_for(d, "[data-testid='unlock-problem']", |t| {
                t.contains("does not open")
            })
            .await?;
            type_into(d, "unlock-passphrase", "orange kites over the bay").await?;
            click(d, "unlock").await?;
            wait_for(d, EXCERPT, |t| t.contains(text)).await?;
            Ok(())
        },
    )
    .await
}

pub async fn a_damaged_journal_opens_the_recovery_screen(h: &Harness, dir: &Path) -> TestResult {
    let text = "Kept safe in last night's backup.";
    for n in 0..40 {
        let filler = format!("Filler entry {n}: {}", "notes from the week ".repeat(30));
        traj(h, dir, &["entry", "add", "--text", &filler])?;
    }
    // The newest, so it is at the top of the timeline.
    traj(h, dir, &["entry", "add", "--text", text])?;
    traj(h, dir, &["backup"])?;
    let path = dir.join(JOURNAL);
    let mut bytes = std::fs::read(&path).ctx("read the journal")?;
    if bytes.len() < 4096 * 4 {
        return Err(format!(
            "the journal is unexpectedly small: {} bytes",
            bytes.len()
        ));
    }
    for b in &mut bytes[4096 * 2..4096 * 3] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).ctx("damage the journal")?;

    in_window(
        h,
        dir,
        "recovery",
        "[data-testid='recovery-screen']",
        async |d| {
            h.keep_screenshot(d, "recovery").await;
            screen_passes_axe(d, "recovery screen", true).await?;
            click(d, "save-readable").await?;
            wait_for(d, "[data-testid='salvaged']", |t| t.contains("recovered")).await?;
            if std::fs::read(&path).ctx("read again")? != bytes {
                return Err("saving what can be read changed the damaged file".into());
            }
            click(d, "restore-newest").await?;
            click(d, "confirm-restore-newest").await?;
            wait_for(d, EXCERPT, |t| t.contains(text)).await?;
            wait_for(d, "[data-testid='restored-on-start']", |t| {
                t.contains("replaced")
            })
            .await?;
            Ok(())
        },
    )
    .await?;
    let kept = std::fs::read_dir(dir.join("replaced"))
        .ctx("the replaced folder")?
        .filter_map(Result::ok)
        .any(|e| std::fs::read(e.path()).is_ok_and(|b| b == bytes));
    if !kept {
        return Err("the damaged file was not kept aside as it was".into());
    }
    Ok(())
}

pub async fn a_newer_journal_is_refused_and_left_untouched(h: &Harness, dir: &Path) -> TestResult {
    traj(
        h,
        dir,
        &["entry", "add", "--text", "Written by a future version."],
    )?;
    let path = dir.join(JOURNAL);
    let mut bytes = std::fs::read(&path).ctx("read the journal")?;
    // The schema version (SQLite's user_version) is the big-endian integer at offset 60.
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&path, &bytes).ctx("write")?;
    in_window(h, dir, "newer", "[data-testid='newer-screen']", async |d| {
        wait_for(d, "[data-testid='newer-screen']", |t| t.contains("99")).await?;
        h.keep_screenshot(d, "newer").await;
        screen_passes_axe(d, "newer-version screen", false).await?;
        let buttons = by_test_id(d, "newer-screen")
            .await?
            .find_all(By::Css("button"))
            .await
            .ctx("buttons")?;
        if !buttons.is_empty() {
            return Err("the refusal offers to change the journal".into());
        }
        Ok(())
    })
    .await?;
    if std::fs::read(&path).ctx("read again")? != bytes {
        return Err("the newer journal was changed".into());
    }
    Ok(())
}
