//! End-to-end scenario for the data in Settings: the data folder is shown, the start-up backup is
//! listed, and restoring it brings the journal back to how it was, keeping the current file aside.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{
    Context, Harness, TestResult, by_test_id, click, none_now, output_of, set_value, wait_for,
    wait_gone,
};
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

/// Answers the system file dialog titled `title` (GTK's file chooser, a window of its own)
/// with `path`, by real key presses: with no window manager the dialog gets the keyboard only
/// when given it; Ctrl+L opens the location field (an open dialog; a save dialog's name field
/// takes it as well), Ctrl+A selects what is there, the path replaces it, Return confirms.
fn answer_file_dialog(h: &Harness, title: &str, path: &Path) -> TestResult {
    answer_dialog(h, title, path, &["alt+o"])
}

/// [`answer_file_dialog`] with the keys `confirm` pressed, one by one while the dialog stays
/// open, after the path's Return (a folder chooser: Return to go into it, Alt+O for Open).
fn answer_dialog(h: &Harness, title: &str, path: &Path, confirm: &[&str]) -> TestResult {
    // Only a mapped window can take the focus: a dialog found while GTK is still mapping it
    // answers the focus request with BadMatch, so that is tried again for a few seconds.
    let found = xdotool(h, &["search", "--sync", "--onlyvisible", "--name", title])?;
    let window = found
        .lines()
        .last()
        .ok_or(format!("no dialog {title:?} appeared"))?
        .to_owned();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while let Err(e) = xdotool(h, &["windowfocus", "--sync", &window]) {
        if std::time::Instant::now() > deadline {
            return Err(e);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // Real key presses (XTEST) to the focused dialog: GTK ignores a synthetic Return there.
    for keys in ["ctrl+l", "ctrl+a"] {
        xdotool(h, &["key", keys])?;
    }
    let typed = path.display().to_string();
    xdotool(h, &["type", "--delay", "20", &typed])?;
    xdotool(h, &["key", "Return"])?;
    // An open dialog can take the first Return for its path completion, a folder chooser for
    // completing the folder's name: then `confirm` (another Return to go into the folder, the
    // default button's mnemonic) finishes, each only while the dialog is still open.
    std::thread::sleep(std::time::Duration::from_millis(500));
    for key in confirm {
        if xdotool(h, &["search", "--name", title]).is_ok_and(|found| !found.trim().is_empty()) {
            xdotool(h, &["key", key])?;
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
    }
    Ok(())
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
            answer_file_dialog(h, "Export the journal as JSON", &target)?;
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

/// A chart saved through the system's save dialog: Insights' heatmap written as a PNG where
/// the dialog says, a real image of a chart's size.
pub async fn a_chart_is_saved_where_the_save_dialog_says(h: &Harness, dir: &Path) -> TestResult {
    for (day, text) in [
        ("2026-11-02", "Planned the quarter."),
        ("2026-11-10", "Shipped the first migration step."),
        ("2026-11-18", "Reviewed the rollout with the team."),
    ] {
        crate::reflection::traj(h, dir, &["entry", "add", "--date", day, "--text", text])?;
    }
    let out_dir = tempfile::tempdir().ctx("no folder for the chart")?;
    let target = out_dir.path().join("my-heatmap.png");
    run_in_app(
        h,
        dir,
        "a_chart_is_saved_where_the_save_dialog_says",
        async |d| {
            click(d, "nav-insights").await?;
            wait_for(d, "body[data-insights-ready='true']", |_| true).await?;
            let heatmap = "[data-testid='insights-chart'][data-chart='heatmap']";
            let button = d
                .find(By::Css(format!("{heatmap} [data-testid='export-chart']")))
                .await
                .ctx("the heatmap's export button")?;
            crate::harness::click_el(d, &button, "export the heatmap").await?;
            answer_file_dialog(h, "Export chart", &target)?;
            let shown = target.display().to_string();
            let status = format!("{heatmap} [data-testid='export-status']");
            wait_for(d, &status, |t| t.contains(&shown)).await?;
            let png = std::fs::read(&target).ctx("read the chart")?;
            if png.len() < 24 || !png.starts_with(b"\x89PNG\r\n\x1a\n") {
                return Err(format!("not a PNG: {} bytes", png.len()));
            }
            let side =
                |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
            let (width, height) = (side(16), side(20));
            if width < 300 || height < 150 {
                return Err(format!("a {width}×{height} image is not a chart"));
            }
            if let Some(keep) = std::env::var_os("TRAJECTORY_KEEP_CHART") {
                let _ = std::fs::copy(&target, keep);
            }
            Ok(())
        },
    )
    .await
}

/// The Markdown export through the system's folder chooser: one file per entry written into
/// the folder the person chose, holding the entry's text.
pub async fn a_markdown_export_goes_into_the_chosen_folder(h: &Harness, dir: &Path) -> TestResult {
    let text = "Wrote the migration runbook while it was fresh.";
    crate::reflection::traj(h, dir, &["entry", "add", "--text", text])?;
    let out_dir = tempfile::tempdir().ctx("no folder for the export")?;
    let folder = out_dir.path().join("journal-notes");
    std::fs::create_dir(&folder).ctx("make the chosen folder")?;
    run_in_app(
        h,
        dir,
        "a_markdown_export_goes_into_the_chosen_folder",
        async |d| {
            click(d, "nav-settings").await?;
            let format = by_test_id(d, "export-format").await?;
            set_value(d, &format, "markdown").await?;
            click(d, "export").await?;
            let chooser = "Choose a folder for the Markdown export";
            answer_dialog(h, chooser, &folder, &["Return", "alt+o"])?;
            let shown = folder.display().to_string();
            wait_for(d, "[data-testid='exported']", |t| t.contains(&shown)).await?;
            let mut found = Vec::new();
            let mut todo = vec![folder.clone()];
            while let Some(at) = todo.pop() {
                for item in std::fs::read_dir(&at).ctx("read the export folder")? {
                    let path = item.ctx("a file of the export")?.path();
                    if path.is_dir() {
                        todo.push(path);
                    } else if path.extension().is_some_and(|e| e == "md") {
                        found.push(std::fs::read_to_string(&path).ctx("read a Markdown file")?);
                    }
                }
            }
            if !found.iter().any(|body| body.contains(text)) {
                return Err(format!(
                    "no Markdown file holds the entry ({} files)",
                    found.len()
                ));
            }
            Ok(())
        },
    )
    .await
}

/// The import through the system's open dialog: a jrnl file chosen by its path, the report
/// shown, and its entries on the timeline.
pub async fn a_journal_is_imported_from_the_file_the_open_dialog_names(
    h: &Harness,
    dir: &Path,
) -> TestResult {
    let in_dir = tempfile::tempdir().ctx("no folder for the file to import")?;
    let source = in_dir.path().join("career.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/exchange/tests/fixtures/career.journal"),
        &source,
    )
    .ctx("copy the jrnl fixture")?;
    run_in_app(
        h,
        dir,
        "a_journal_is_imported_from_the_file_the_open_dialog_names",
        async |d| {
            click(d, "nav-settings").await?;
            let format = by_test_id(d, "import-format").await?;
            set_value(d, &format, "jrnl").await?;
            click(d, "import").await?;
            answer_file_dialog(h, "Import a journal", &source)?;
            wait_for(d, "[data-testid='import-report']", |t| {
                t.contains("Imported 4 entries")
            })
            .await?;
            click(d, "nav-journal").await?;
            wait_for(d, "[data-testid='timeline-entry']", |t| {
                t.contains("First week on the platform team")
            })
            .await
            .map(drop)
        },
    )
    .await
}

/// A day's backup that cannot be made is told above the journal and in Settings, and both go
/// once the person has put it right and backed up by hand (decision 0061).
pub async fn a_failed_day_backup_is_told_until_a_backup_is_made(
    h: &Harness,
    dir: &Path,
) -> TestResult {
    // A file where the backups folder should be: the day's backup cannot be made.
    let blocker = dir.join("backups");
    std::fs::write(&blocker, b"not a folder").ctx("block the backups folder")?;
    let ready = "body[data-timeline-ready='true']";
    let driver = h.launch_until(dir, &[], ready).await?;
    h.in_window(driver, "a_failed_day_backup_is_told", async |d| {
        wait_for(d, "[data-testid='backup-notice']", |t| {
            t.contains("automatic backup could not be made")
        })
        .await?;
        h.keep_screenshot(d, "backup-notice").await;
        crate::a11y::screen_passes_axe(d, "journal: failed backup notice", false).await?;
        let open = d
            .find(By::Css("[data-testid='backup-notice'] a[href='#settings']"))
            .await
            .ctx("the notice's way to Settings")?;
        crate::harness::click_el(d, &open, "Open Settings").await?;
        wait_for(d, "[data-testid='backup-problem']", |t| {
            t.contains("Back up now")
        })
        .await?;
        std::fs::remove_file(&blocker).ctx("unblock the backups folder")?;
        click(d, "backup-now").await?;
        wait_for(d, "[data-testid='backup']", |_| true).await?;
        let gone = "the backup problem stayed after Back up now";
        wait_gone(d, "[data-testid='backup-problem']", gone).await?;
        click(d, "nav-journal").await?;
        wait_for(d, "[data-testid='timeline-entry'], .empty", |_| true).await?;
        let stayed = "the notice stayed after a backup was made";
        none_now(d, "[data-testid='backup-notice']", stayed).await
    })
    .await
}
