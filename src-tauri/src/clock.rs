//! The app's "today": the computer's local date, or a fixed day for tests.
//!
//! `TRAJECTORY_TODAY=YYYY-MM-DD` sets the day in debug builds (end-to-end tests stand in the
//! future with it); a release build ignores it unless `TRAJECTORY_ALLOW_TEST_CLOCK=1` is also set.

use chrono::{Local, NaiveDate};

pub const TODAY_ENV: &str = "TRAJECTORY_TODAY";
pub const ALLOW_TEST_CLOCK_ENV: &str = "TRAJECTORY_ALLOW_TEST_CLOCK";

fn test_clock_allowed() -> bool {
    cfg!(debug_assertions) || std::env::var_os(ALLOW_TEST_CLOCK_ENV).is_some_and(|v| v == "1")
}

/// The person's current day.
pub fn today() -> NaiveDate {
    if test_clock_allowed()
        && let Some(day) = std::env::var(TODAY_ENV)
            .ok()
            .and_then(|v| trajectory_core::parse_date(&v).ok())
    {
        return day;
    }
    Local::now().date_naive()
}
