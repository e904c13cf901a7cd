//! End-to-end scenario for slumps and the guided reflection: a steady pace then a long
//! silence raises the banner; the reflection is walked, quit in step 2, resumed with its
//! answers, committed to a move with a due date, and a check-in appears on that date.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{
    Context, Harness, TestResult, by_test_id, click_el, output_of, set_value, wait_for, wait_gone,
};

/// The day the app believes it is (the test clock; debug builds only).
pub(crate) const TODAY: &str = "2025-12-31";
const DUE: &str = "2026-01-14";

pub(crate) fn traj(h: &Harness, dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = output_of(
        Command::new(&h.traj_binary)
            .arg("--data-dir")
            .arg(dir)
            .args(args),
        &format!("traj {args:?}"),
    )?;
    Ok(out.trim().to_owned())
}

/// Two years of a milestone every four weeks, then a year of silence.
pub(crate) fn seed(h: &Harness, dir: &Path) -> TestResult {
    let goal = traj(
        h,
        dir,
        &[
            "goal",
            "add",
            "--title",
            "Engineering lead",
            "--start",
            "2023-01-01",
            "--target",
            "2027-12-31",
            "--cadence",
            "4",
        ],
    )?;
    let mut day = chrono::NaiveDate::from_ymd_opt(2023, 1, 20).ok_or("date")?;
    let last = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("date")?;
    while day <= last {
        traj(
            h,
            dir,
            &[
                "milestone",
                "add",
                "--goal",
                &goal,
                "--kind",
                "project",
                "--title",
                "A step",
                "--achieved",
                &day.to_string(),
            ],
        )?;
        day += chrono::Duration::days(28);
    }
    Ok(())
}

/// Clicks Next and waits for the next step. Next is disabled while an answer or a choice of
/// ways is being saved (a click then does nothing), and on a loaded machine the page can still
/// shift under the pointer; so the click is made once Next is enabled and in view, and made
/// again (up to three times) if the step did not change.
pub(crate) async fn next_step(driver: &WebDriver) -> TestResult {
    let current = async || -> Result<Option<String>, String> {
        let step = by_test_id(driver, "reflection-step").await?;
        step.attr("data-step").await.ctx("step")
    };
    let before = current().await?;
    for _ in 0..3 {
        let next = wait_for(
            driver,
            "[data-testid='reflection-next']:not([disabled])",
            |_| true,
        )
        .await?;
        click_el(driver, &next, "Next").await?;
        for _ in 0..30 {
            if current().await? != before {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    Err(format!("Next did not leave step {before:?}"))
}

async fn step_is(driver: &WebDriver, step: &str) -> TestResult {
    wait_for(
        driver,
        &format!("[data-testid='reflection-step'][data-step='{step}']"),
        |_| true,
    )
    .await
    .map(drop)
}

async fn value_of(el: &WebElement) -> String {
    el.prop("value").await.ok().flatten().unwrap_or_default()
}

pub async fn a_long_silence_raises_the_banner_and_the_reflection_resumes(
    h: &Harness,
    dir: &Path,
) -> TestResult {
    seed(h, dir)?;
    let today = ["--today", TODAY];

    // 1. The banner appears; start the reflection; write in step 1; go to step 2 and answer.
    let d = h.launch_with(dir, &today).await?;
    let first: TestResult = async {
        wait_for(&d, "[data-testid='slump-banner']", |t| !t.trim().is_empty()).await?;
        h.keep_screenshot(&d, "slump-banner").await;
        by_test_id(&d, "start-reflection")
            .await?
            .click()
            .await
            .ctx("start")?;
        step_is(&d, "accept").await?;
        // One quiet stretch, one banner: reflecting on it quiets every scope of the stretch.
        let stayed = "the banner stayed up after starting the reflection";
        wait_gone(&d, "[data-testid='slump-banner']", stayed).await?;
        by_test_id(&d, "answer-feeling")
            .await?
            .send_keys("Flat, and a little worried.")
            .await
            .ctx("type")?;
        h.keep_screenshot(&d, "reflection-1-accept").await;
        next_step(&d).await?;
        step_is(&d, "root_cause").await?;
        by_test_id(&d, "answer-own_work")
            .await?
            .send_keys("I stopped asking for feedback.")
            .await
            .ctx("type")?;
        h.keep_screenshot(&d, "reflection-2-root-cause").await;
        // Give the debounced save time to commit, then quit in the middle of step 2.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        Ok(())
    }
    .await;
    if first.is_err() {
        h.screenshot(Some(&d), "reflection_before_quit").await;
    }
    let _ = d.quit().await;
    first?;

    // 2. Relaunch: the reflection resumes at step 2 with the answer kept.
    let d = h.launch_with(dir, &today).await?;
    let second: TestResult = async {
        by_test_id(&d, "nav-reflection")
            .await?
            .click()
            .await
            .ctx("open Reflection")?;
        step_is(&d, "root_cause").await?;
        let kept = value_of(&by_test_id(&d, "answer-own_work").await?).await;
        if kept != "I stopped asking for feedback." {
            return Err(format!("step 2 answer after relaunch: {kept:?}"));
        }
        next_step(&d).await?;
        step_is(&d, "moves").await?;
        by_test_id(&d, "strategy-learn_or_responsibility")
            .await?
            .click()
            .await
            .ctx("choose")?;
        h.keep_screenshot(&d, "reflection-3-moves").await;
        next_step(&d).await?;
        step_is(&d, "commit").await?;
        by_test_id(&d, "move-text")
            .await?
            .send_keys("Ask two peers for feedback on the design doc")
            .await
            .ctx("type move")?;
        let due = by_test_id(&d, "move-due").await?;
        set_value(&d, &due, DUE).await?;
        by_test_id(&d, "add-move")
            .await?
            .click()
            .await
            .ctx("add move")?;
        wait_for(&d, "[data-testid='move-item']", |t| t.contains("peers")).await?;
        h.keep_screenshot(&d, "reflection-4-commit").await;
        next_step(&d).await?;
        step_is(&d, "follow_up").await?;
        wait_for(&d, "[data-testid='move-item']", |t| t.contains("peers")).await?;
        h.keep_screenshot(&d, "reflection-5-follow-up").await;
        Ok(())
    }
    .await;
    if second.is_err() {
        h.screenshot(Some(&d), "reflection_after_relaunch").await;
    }
    let _ = d.quit().await;
    second?;

    // 3. On the move's due date, a check-in asks how it went.
    let d = h.launch_with(dir, &["--today", DUE]).await?;
    let third = wait_for(&d, "[data-testid='check-in']", |t| t.contains("peers"))
        .await
        .map(drop);
    if third.is_err() {
        h.screenshot(Some(&d), "reflection_check_in").await;
    } else {
        h.keep_screenshot(&d, "reflection-check-in").await;
    }
    let _ = d.quit().await;
    third
}
