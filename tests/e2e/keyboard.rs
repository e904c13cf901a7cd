//! End-to-end keyboard-only flow: write an entry, find it with search, open it, go to Goals and
//! add a goal, with nothing but key presses (WebDriver key actions on whatever has focus). Every
//! element the Tab key lands on must show where the focus is.

use std::path::Path;
use std::process::Command;

use thirtyfour::prelude::*;

use crate::harness::{Context, Harness, TestResult, wait_for};
use crate::run_in_app;

/// Real key presses through the X server (xdotool), to the window under the pointer: with no
/// window manager, X gives the keyboard to the window the pointer is over, so the pointer is
/// moved over the app first (it never clicks).
fn x_keys(h: &Harness, args: &[&str]) -> TestResult {
    for cmd in [vec!["mousemove", "600", "300"], args.to_vec()] {
        let status = Command::new("xdotool")
            .args(&cmd)
            .env("DISPLAY", &h.display)
            .status()
            .ctx("run xdotool (installed by scripts/setup)")?;
        if !status.success() {
            return Err(format!("xdotool {cmd:?} failed"));
        }
    }
    Ok(())
}

/// Presses `keys` (text or special keys) on whatever has the focus.
async fn press(d: &WebDriver, keys: impl Into<TypingData>) -> TestResult {
    d.action_chain()
        .send_keys(keys)
        .perform()
        .await
        .ctx("key press")
}

async fn chord(d: &WebDriver, key: &str) -> TestResult {
    d.action_chain()
        .key_down(Key::Control)
        .send_keys(key)
        .key_up(Key::Control)
        .perform()
        .await
        .ctx("shortcut")
}

/// What has the focus: its `data-testid` (or tag name), and whether a focus indicator shows
/// (an outline or a box shadow on it or a close ancestor, e.g. a card outlined through :has).
async fn focused(d: &WebDriver) -> Result<(String, bool), String> {
    let out = d
        .execute(
            "const el = document.activeElement;
             if (!el || el === document.body) return JSON.stringify(['', true]);
             let shown = false;
             for (let n = el, i = 0; n && i < 4 && !shown; n = n.parentElement, i++) {
               const s = getComputedStyle(n);
               shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
             }
             return JSON.stringify([el.getAttribute('data-testid') || el.localName + (el.id ? '#' + el.id : ''), shown]);",
            Vec::new(),
        )
        .await
        .ctx("read the focus")?;
    let text: String = out.convert().ctx("focus")?;
    serde_json::from_str(&text).ctx("parse focus")
}

/// Presses Tab (or Shift+Tab) until the focused element matches `want`, at most `max` times;
/// every stop on the way must show its focus.
async fn tab_to(d: &WebDriver, want: &str, max: usize, back: bool) -> TestResult {
    let mut path = Vec::new();
    for _ in 0..max {
        if back {
            d.action_chain()
                .key_down(Key::Shift)
                .send_keys(Key::Tab)
                .key_up(Key::Shift)
                .perform()
                .await
                .ctx("shift+tab")?;
        } else {
            press(d, Key::Tab).await?;
        }
        let (id, shown) = focused(d).await?;
        if !shown {
            return Err(format!("{id} has the focus but shows no focus indicator"));
        }
        if id.starts_with(want) {
            return Ok(());
        }
        path.push(id);
    }
    Err(format!("Tab never reached {want}; went through {path:?}"))
}

pub async fn write_search_and_add_a_goal_by_keyboard_alone(h: &Harness, dir: &Path) -> TestResult {
    run_in_app(h, dir, "keyboard_only", async |d| {
        // Write: Ctrl+N puts the cursor in a new entry; Ctrl+S saves.
        chord(d, "n").await?;
        wait_for(d, "[data-testid='entry-body']", |_| true).await?;
        if focused(d).await?.0 != "entry-body" {
            return Err(format!(
                "Ctrl+N left the focus on {:?}",
                focused(d).await?.0
            ));
        }
        press(d, "Wrote the quarterly kestrel report by keyboard.").await?;
        chord(d, "s").await?;
        wait_for(d, "[data-testid='save-status']", |t| t.contains("Saved")).await?;

        // Search: Ctrl+F, type, Tab to the hit, Enter opens it.
        chord(d, "n").await?;
        chord(d, "f").await?;
        if focused(d).await?.0 != "search-input" {
            return Err(format!(
                "Ctrl+F left the focus on {:?}",
                focused(d).await?.0
            ));
        }
        press(d, "kestrel").await?;
        wait_for(d, "[data-testid='search-result'] mark", |t| {
            t.contains("kestrel")
        })
        .await?;
        tab_to(d, "button", 5, false).await?;
        // The Filters button comes first; then the hit.
        let (id, _) = focused(d).await?;
        if id == "search-filters-toggle" {
            tab_to(d, "button", 3, false).await?;
        }
        press(d, Key::Enter).await?;
        wait_for(d, "h2, h1", |_| true).await?;
        let body = wait_for(d, "[data-testid='entry-body']", |_| true).await?;
        let value = body.prop("value").await.ctx("value")?.unwrap_or_default();
        if !value.contains("kestrel") {
            return Err(format!("Enter on the hit opened {value:?}"));
        }
        press(d, Key::Escape).await?;

        // Goals: back to the sidebar with Shift+Tab, Enter, then the form by Tab and typing.
        tab_to(d, "nav-goals", 40, true).await?;
        press(d, Key::Enter).await?;
        wait_for(d, "body[data-goals-ready='true']", |_| true).await?;
        tab_to(d, "new-goal", 10, false).await?;
        press(d, Key::Enter).await?;
        wait_for(d, "[data-testid='goal-title']", |_| true).await?;
        if focused(d).await?.0 != "goal-title" {
            tab_to(d, "goal-title", 10, false).await?;
        }
        press(d, "Principal engineer").await?;
        tab_to(d, "goal-here", 3, false).await?;
        press(d, "Staff engineer").await?;
        tab_to(d, "goal-there", 3, false).await?;
        press(d, "Principal, owning the platform").await?;
        tab_to(d, "goal-target", 6, false).await?;
        // WebKit's date field takes the month, day and year as typed digits.
        // WebKit's date field is three segments (month, day, year). WebKitWebDriver hands key
        // actions to the field itself, which ignores them, so these keys are real key presses
        // sent to the X server (xdotool), as a keyboard would: digits, Tab to the next part.
        x_keys(h, &["type", "06"])?;
        x_keys(h, &["key", "Tab"])?;
        x_keys(h, &["type", "30"])?;
        x_keys(h, &["key", "Tab"])?;
        x_keys(h, &["type", "2028"])?;
        let target = wait_for(d, "[data-testid='goal-target']", |_| true).await?;
        let mut typed = String::new();
        for _ in 0..30 {
            typed = target.prop("value").await.ctx("value")?.unwrap_or_default();
            if typed == "2028-06-30" {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        if typed != "2028-06-30" {
            return Err(format!("the typed target date reads {typed:?}"));
        }
        tab_to(d, "save-goal", 6, false).await?;
        press(d, Key::Enter).await?;
        wait_for(
            d,
            "[data-testid='goal-card'], [data-testid='goal-detail']",
            |t| t.contains("Principal engineer"),
        )
        .await?;
        let shown = wait_for(
            d,
            "[data-testid='goal-card'], [data-testid='goal-detail']",
            |t| t.contains("Principal engineer"),
        )
        .await?
        .prop("textContent")
        .await
        .ctx("goal text")?
        .unwrap_or_default();
        if !shown.contains("2028") {
            return Err(format!("the goal's target date was not typed: {shown:?}"));
        }
        Ok(())
    })
    .await
}
