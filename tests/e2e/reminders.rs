//! End-to-end scenario for reminders (decision 0046): the weekly nudge turned on in Settings
//! reaches the desktop as a notification on the session bus, once, across a relaunch.

use std::path::Path;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::harness::{Context, Harness, TestResult, by_test_id, click, set_value};

/// A Friday; the app's day is fixed to it with `--today`.
const FRIDAY: &str = "2026-12-04";
const NUDGE_TITLE: &str = "Trajectory: a few lines about your week?";

async fn in_app<F>(h: &Harness, dir: &Path, name: &str, body: F) -> TestResult
where
    F: AsyncFnOnce(&WebDriver) -> TestResult,
{
    let driver = h.launch_with(dir, &["--today", FRIDAY]).await?;
    h.in_window(driver, name, body).await
}

fn count(log: &Path, needle: &str) -> usize {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .matches(needle)
        .count()
}

pub async fn the_weekly_nudge_reaches_the_desktop_once(h: &Harness, dir: &Path) -> TestResult {
    let (_watcher, log) = h.watch_notifications("notifications")?;

    // Turn the nudge on for Fridays at 00:00: on the app's Friday its moment has passed.
    in_app(
        h,
        dir,
        "the_weekly_nudge_reaches_the_desktop_once_settings",
        async |d| {
            click(d, "nav-settings").await?;
            let weekly = by_test_id(d, "reminder-weekly").await?;
            if weekly.is_selected().await.ctx("weekly switch")? {
                return Err("the weekly nudge was on before it was turned on".into());
            }
            weekly.click().await.ctx("turn the nudge on")?;
            by_test_id(d, "reminders-saved").await?;
            let day = by_test_id(d, "reminder-day").await?;
            set_value(d, &day, "friday").await?;
            let time = by_test_id(d, "reminder-time").await?;
            set_value(d, &time, "00:00").await?;
            // Each change is one settings write; the relaunch below checks it was kept.
            tokio::time::sleep(Duration::from_secs(1)).await;
            h.keep_screenshot(d, "settings-reminders").await;
            Ok(())
        },
    )
    .await?;

    // After a relaunch the timer's first look (5 s after start) finds the nudge due.
    in_app(
        h,
        dir,
        "the_weekly_nudge_reaches_the_desktop_once_nudge",
        async |d| {
            click(d, "nav-settings").await?;
            let kept = (
                by_test_id(d, "reminder-weekly")
                    .await?
                    .is_selected()
                    .await
                    .ctx("switch")?,
                by_test_id(d, "reminder-day")
                    .await?
                    .prop("value")
                    .await
                    .ctx("day")?,
                by_test_id(d, "reminder-time")
                    .await?
                    .prop("value")
                    .await
                    .ctx("time")?,
            );
            if kept != (true, Some("friday".into()), Some("00:00".into())) {
                return Err(format!("the reminder settings were not kept: {kept:?}"));
            }
            let deadline = Instant::now() + Duration::from_secs(30);
            while count(&log, NUDGE_TITLE) == 0 {
                if Instant::now() > deadline {
                    return Err(format!(
                        "no nudge on the session bus within 30 s (see {})",
                        log.display()
                    ));
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Ok(())
        },
    )
    .await?;
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    if !text.contains("Your journal is ready for its first entry") {
        return Err(format!(
            "the nudge did not say the journal is empty: {text}"
        ));
    }

    // Told once: a third start on the same day sends nothing more.
    in_app(
        h,
        dir,
        "the_weekly_nudge_reaches_the_desktop_once_again",
        async |_d| {
            tokio::time::sleep(Duration::from_secs(8)).await;
            Ok(())
        },
    )
    .await?;
    match count(&log, NUDGE_TITLE) {
        1 => Ok(()),
        n => Err(format!("the nudge was sent {n} times, not once")),
    }
}
