//! End-to-end scenario for the data in Settings: the data folder is shown, the start-up backup is
//! listed, and restoring it brings the journal back to how it was, keeping the current file aside.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{Context, Harness, TestResult, by_test_id, wait_for};
use crate::run_in_app;

pub async fn a_backup_can_be_restored_from_settings(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(
        h,
        dir,
        "a_backup_can_be_restored_from_settings",
        async |d| {
            // The start-up backup was taken on an empty journal; write an entry after it.
            by_test_id(d, "new-entry")
                .await?
                .click()
                .await
                .ctx("new entry")?;
            by_test_id(d, "entry-body")
                .await?
                .send_keys("Written after the backup.")
                .await
                .ctx("type")?;
            wait_for(d, "[data-testid='save-status']", |t| t.trim() == "Saved").await?;

            by_test_id(d, "nav-settings")
                .await?
                .click()
                .await
                .ctx("open Settings")?;
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
            by_test_id(d, "confirm-restore")
                .await?
                .click()
                .await
                .ctx("confirm restore")?;
            wait_for(d, "[data-testid='restored']", |_| true).await?;

            // The journal is the backup's again (empty), and the replaced file was kept aside.
            by_test_id(d, "nav-journal")
                .await?
                .click()
                .await
                .ctx("open Journal")?;
            by_test_id(d, "refresh")
                .await?
                .click()
                .await
                .ctx("refresh")?;
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
