//! End-to-end scenarios for one window per journal (decision 0045): a second launch on the same
//! data folder hands over and exits while another folder opens its own window, and the window's
//! size and position come back after a relaunch.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::{Context, Harness, TestResult, by_test_id};
use crate::run_in_app;

/// Waits until `path` exists, for up to `timeout`.
fn appears(path: &Path, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if path.exists() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

pub async fn a_second_launch_on_the_same_journal_hands_over(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(
        h,
        dir,
        "a_second_launch_on_the_same_journal_hands_over",
        async |d| {
            let first = d.window().await.ctx("the first window")?;

            // The same folder, spelled another way: the second launch hands over and exits.
            let roundabout = dir
                .join(".")
                .join("..")
                .join(dir.file_name().ok_or("the data folder has no name")?);
            let mut second = h.spawn_app(&roundabout, "second-launch-same-folder")?;
            match second.exit_within(Duration::from_secs(20)) {
                Some(status) if status.success() => {}
                Some(status) => {
                    return Err(format!(
                        "the second launch ended with {status}, not by handing over \
                         (see target/e2e-artifacts/second-launch-same-folder.log)"
                    ));
                }
                None => {
                    return Err("a second launch on the same journal kept running".into());
                }
            }

            // The first window is still the one window, and it still answers.
            let windows = d.windows().await.ctx("window handles")?;
            if windows != vec![first.clone()] {
                return Err(format!(
                    "expected only the first window {first:?}, found {windows:?}"
                ));
            }
            by_test_id(d, "new-entry").await?;

            // Another journal is another instance: it opens its database and keeps running.
            let other = tempfile::tempdir().ctx("another data folder")?;
            let mut third = h.spawn_app(other.path(), "launch-other-folder")?;
            let database = other.path().join(trajectory_store::DATABASE_FILE);
            if !appears(&database, Duration::from_secs(20)) {
                return Err("a launch on another folder never opened its journal".into());
            }
            if let Some(status) = third.exit_within(Duration::from_secs(2)) {
                return Err(format!(
                    "a launch on another folder ended ({status}) instead of opening its window"
                ));
            }
            drop(third);
            by_test_id(d, "new-entry").await?;
            Ok(())
        },
    )
    .await
}

pub async fn the_window_size_and_position_are_remembered(h: &Harness, dir: &Path) -> TestResult {
    let (x, y, width, height) = (48, 36, 900, 620);
    run_in_app(
        h,
        dir,
        "the_window_size_and_position_are_remembered_set",
        async |d| {
            let before = d.get_window_rect().await.ctx("window rect")?;
            if (before.width, before.height) == (width, height) {
                return Err(format!(
                    "the window already opened at {width}x{height}; pick another size"
                ));
            }
            d.set_window_rect(x, y, width as u32, height as u32)
                .await
                .ctx("resize the window")?;
            let after = d.get_window_rect().await.ctx("window rect")?;
            if (after.width, after.height) != (width, height) {
                return Err(format!("the window did not take the new size: {after:?}"));
            }
            // Kept in the data folder once the window keeps still (WebDriver ends the app
            // without a clean exit, so this is the copy that counts).
            let state = dir.join("window-state.json");
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let text = std::fs::read_to_string(&state).unwrap_or_default();
                if text.contains(&format!("\"width\": {width}"))
                    && text.contains(&format!("\"x\": {x}"))
                {
                    break;
                }
                if Instant::now() > deadline {
                    return Err(format!(
                        "the data folder's window state never showed the new size: {text:?}"
                    ));
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Ok(())
        },
    )
    .await?;

    run_in_app(
        h,
        dir,
        "the_window_size_and_position_are_remembered_get",
        async |d| {
            let rect = d.get_window_rect().await.ctx("window rect")?;
            if (rect.x, rect.y, rect.width, rect.height) != (x, y, width, height) {
                return Err(format!(
                    "expected the window back at {x},{y} {width}x{height}, got {rect:?}"
                ));
            }
            Ok(())
        },
    )
    .await
}
