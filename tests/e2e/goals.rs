//! End-to-end scenario for goals: add a goal and milestones in the UI and watch the charts
//! update; bad milestone input is refused next to the field.

use std::path::Path;
use std::time::Duration;

use thirtyfour::prelude::*;

use crate::harness::{self, Context, Harness, TestResult, by_test_id, click, none_now, wait_for};
use crate::run_in_app;

/// Sets an input or select the way a person's edit would (value + input/change events);
/// WebKit's date inputs do not take typed ISO dates.
async fn set_value(driver: &WebDriver, test_id: &str, value: &str) -> TestResult {
    let el = by_test_id(driver, test_id).await?;
    harness::set_value(driver, &el, value).await
}

async fn type_into(driver: &WebDriver, test_id: &str, text: &str) -> TestResult {
    by_test_id(driver, test_id)
        .await?
        .send_keys(text)
        .await
        .ctx("type")
}

async fn attr_number(el: &WebElement, name: &str) -> Result<i64, String> {
    el.attr(name)
        .await
        .ctx("read attribute")?
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("no numeric {name}"))
}

async fn add_milestone(
    d: &WebDriver,
    kind: &str,
    title: &str,
    weight: Option<&str>,
    achieved: &str,
) -> TestResult {
    click(d, "add-milestone").await?;
    set_value(d, "milestone-kind", kind).await?;
    type_into(d, "milestone-title", title).await?;
    if let Some(w) = weight {
        let field = by_test_id(d, "milestone-weight").await?;
        field.clear().await.ctx("clear weight")?;
        field.send_keys(w).await.ctx("type weight")?;
    }
    set_value(d, "milestone-achieved", achieved).await?;
    by_test_id(d, "save-milestone")
        .await?
        .click()
        .await
        .ctx("save milestone")
}

pub async fn a_goal_and_its_milestones_update_the_charts(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(
        h,
        dir,
        "a_goal_and_its_milestones_update_the_charts",
        async |d| {
            click(d, "nav-goals").await?;
            click(d, "new-goal").await?;
            type_into(d, "goal-title", "Staff engineer").await?;
            type_into(d, "goal-here", "Senior engineer on the platform team").await?;
            type_into(d, "goal-there", "Staff engineer owning the data platform").await?;
            set_value(d, "goal-start", "2025-01-01").await?;
            set_value(d, "goal-target", "2027-06-30").await?;
            type_into(d, "goal-cadence", "8").await?;
            click(d, "save-goal").await?;
            // The saved goal shows as a card; open it (unless the UI opened it already).
            wait_for(
                d,
                "[data-testid='goal-card'], [data-testid='goal-detail']",
                |t| t.contains("Staff engineer"),
            )
            .await?;
            if let Ok(card) = d.find(By::Css("[data-testid='goal-card']")).await {
                card.click().await.ctx("open the goal")?;
            }
            wait_for(d, "[data-testid='goal-detail']", |t| {
                t.contains("Staff engineer")
            })
            .await?;
            let chart = wait_for(d, "[data-testid='goal-chart']", |_| true).await?;
            let rows_before = attr_number(&chart, "data-rows").await?;

            // A weight of 5 is refused next to its field; nothing is added.
            add_milestone(
                d,
                "skill",
                "Kubernetes certification",
                Some("5"),
                "2025-03-10",
            )
            .await?;
            wait_for(
                d,
                "[data-testid='field-error'][data-code='invalid_weight']",
                |_| true,
            )
            .await?;
            let added = "a refused milestone was added";
            none_now(d, "[data-testid='milestone-item']", added).await?;
            let weight = by_test_id(d, "milestone-weight").await?;
            weight.clear().await.ctx("clear weight")?;
            weight.send_keys("1").await.ctx("type weight")?;
            click(d, "save-milestone").await?;
            wait_for(d, "[data-testid='milestone-item']", |t| {
                t.contains("Kubernetes")
            })
            .await?;

            add_milestone(
                d,
                "project",
                "Led the storage migration",
                None,
                "2025-06-20",
            )
            .await?;
            wait_for(d, "[data-testid='milestone-item']", |t| {
                t.contains("storage migration")
            })
            .await?;

            // The trajectory chart is redrawn with the achieved milestones.
            let mut rows_after = rows_before;
            for _ in 0..50 {
                let chart = by_test_id(d, "goal-chart").await?;
                rows_after = attr_number(&chart, "data-rows").await?;
                if rows_after > rows_before {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if rows_after <= rows_before {
                return Err(format!(
                    "goal chart rows stayed at {rows_before} after two milestones"
                ));
            }
            h.keep_screenshot(d, "goal-detail").await;

            // Insights shows the velocity chart with those milestones in it.
            click(d, "nav-insights").await?;
            let velocity = wait_for(
                d,
                "[data-testid='insights-chart'][data-chart='velocity']",
                |_| true,
            )
            .await?;
            for _ in 0..50 {
                if attr_number(&velocity, "data-rows").await.unwrap_or(0) > 0 {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    h.keep_screenshot(d, "insights").await;
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err("the velocity chart has no data rows".into())
        },
    )
    .await
}
