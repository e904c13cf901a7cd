//! The app's "today": the computer's local date, or a fixed day for tests.
//!
//! `--today YYYY-MM-DD` on the command line or `TRAJECTORY_TODAY=YYYY-MM-DD` in the environment
//! sets the day in debug builds (end-to-end tests stand in the future with it); a release build
//! ignores both unless `TRAJECTORY_ALLOW_TEST_CLOCK=1` is also set.

use std::sync::OnceLock;

use chrono::{Local, NaiveDate, NaiveDateTime};

pub const TODAY_ENV: &str = "TRAJECTORY_TODAY";
pub const ALLOW_TEST_CLOCK_ENV: &str = "TRAJECTORY_ALLOW_TEST_CLOCK";

static FIXED_TODAY: OnceLock<Option<NaiveDate>> = OnceLock::new();

fn test_clock_allowed() -> bool {
    cfg!(debug_assertions) || std::env::var_os(ALLOW_TEST_CLOCK_ENV).is_some_and(|v| v == "1")
}

/// Fixes "today" from the `--today` launch argument (called once at start-up).
pub fn set_from_launch(day: Option<String>) {
    let fixed = day
        .filter(|_| test_clock_allowed())
        .and_then(|d| trajectory_core::parse_date(&d).ok());
    let _ = FIXED_TODAY.set(fixed);
}

/// The person's current day.
pub fn today() -> NaiveDate {
    if let Some(Some(day)) = FIXED_TODAY.get() {
        return *day;
    }
    if test_clock_allowed()
        && let Some(day) = std::env::var(TODAY_ENV)
            .ok()
            .and_then(|v| trajectory_core::parse_date(&v).ok())
    {
        return day;
    }
    Local::now().date_naive()
}

/// The person's local date and time now: the time of day on [`today`] (which a test may fix).
pub fn now() -> NaiveDateTime {
    today().and_time(Local::now().time())
}
