//! End-to-end scenario for the data in Settings: the data folder is shown, the start-up backup is
//! listed, and restoring it brings the journal back to how it was, keeping the current file aside.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{Context, Harness, TestResult, by_test_id, click, output_of, wait_for};
use crate::run_in_app;

pub async fn a_backup_can_be_restored_from_settings(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(
        h,
        dir,
        "a_backup_can_be_restored_from_settings",
        async |d| {
            // The start-up backup was taken on an empty journal; write an entry after it.
            click(d, "new-entry").await?;
            by_test_id(d, "entry-body")
                .await?
                .send_keys("Written after the backup.")
                .await
                .ctx("type")?;
            wait_for(d, "[data-testid='save-status']", |t| t.trim() == "Saved").await?;

            click(d, "nav-settings").await?;
            let folder = dir.display().to_string();
            wait_for(d, "[data-testid='data-folder']", |t| t.contains(&folder)).await?;
            let backup = wait_for(d, "[data-testid='backup']", |_| true).await?;
            h.keep_screenshot(d, "settings").await;
            backup
                .find(By::Css("[data-testid='restore']"))
                .await
                .ctx("restore button")?
                .click()
                .await
                .ctx("click restore")?;
            click(d, "confirm-restore").await?;
            wait_for(d, "[data-testid='restored']", |_| true).await?;

            // The journal is the backup's again (empty), and the replaced file was kept aside.
            click(d, "nav-journal").await?;
            click(d, "refresh").await?;
            for _ in 0..50 {
                let left = d
                    .find_all(By::Css("[data-testid='entry-excerpt']"))
                    .await
                    .ctx("find")?
                    .len();
                if left == 0 {
                    let kept = std::fs::read_dir(dir.join("replaced"))
                        .map(|r| r.count())
                        .unwrap_or(0);
                    if kept == 0 {
                        return Err("the replaced database was not kept aside".into());
                    }
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err("the entry written after the backup is still in the timeline".into())
        },
    )
    .await
}

/// Runs xdotool on the test's display; `--sync` searches wait for their window.
fn xdotool(h: &Harness, args: &[&str]) -> Result<String, String> {
    output_of(
        std::process::Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &h.display),
        &format!("xdotool {args:?} (installed by scripts/setup)"),
    )
}

/// The export through the system's save dialog (GTK's file chooser, driven with real key
/// presses): the journal written where the person typed, the path shown, and the file a JSON
/// export holding the entry.
pub async fn the_export_is_written_where_the_save_dialog_says(
    h: &Harness,
    dir: &Path,
) -> TestResult {
    crate::reflection::traj(
        h,
        dir,
        &["entry", "add", "--text", "Exported through the dialog."],
    )?;
    let out_dir = tempfile::tempdir().ctx("no folder for the export")?;
    let target = out_dir.path().join("my-journal.json");
    run_in_app(
        h,
        dir,
        "the_export_is_written_where_the_save_dialog_says",
        async |d| {
            click(d, "nav-settings").await?;
            click(d, "export").await?;
            // The dialog is a window of its own; with no window manager it gets the keyboard
            // only when given it.
            let found = xdotool(
                h,
                &["search", "--sync", "--name", "Export the journal as JSON"],
            )?;
            let window = found
                .lines()
                .last()
                .ok_or("no save dialog appeared")?
                .to_owned();
            xdotool(h, &["windowfocus", "--sync", &window])?;
            // The name field has the focus, the suggested name selected: a full path replaces it.
            xdotool(h, &["key", "--window", &window, "ctrl+a"])?;
            xdotool(
                h,
                &[
                    "type",
                    "--window",
                    &window,
                    "--delay",
                    "20",
                    &target.display().to_string(),
                ],
            )?;
            xdotool(h, &["key", "--window", &window, "Return"])?;
            let shown = target.display().to_string();
            wait_for(d, "[data-testid='exported']", |t| t.contains(&shown)).await?;
            let text = std::fs::read_to_string(&target).ctx("read the export")?;
            let json: serde_json::Value = serde_json::from_str(&text).ctx("parse the export")?;
            let bodies: Vec<&str> = json["entries"]
                .as_array()
                .ok_or("no entries in the export")?
                .iter()
                .filter_map(|e| e["body"].as_str())
                .collect();
            if bodies != ["Exported through the dialog."] {
                return Err(format!("the export holds {bodies:?}"));
            }
            Ok(())
        },
    )
    .await
}
