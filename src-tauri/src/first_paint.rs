//! The opt-in report of the window's first paint, for the start-up benchmark
//! (`scripts/bench-app`): with `TRAJECTORY_REPORT_READY=1` the window is told to report when
//! its first page of entries is painted and when the app has mounted, and the app prints
//! `ready_ms=<ms since process start> entries=<entries on that page>` and
//! `interactive_ms=<ms> entries=<entries>` on stdout, each once. Without the variable nothing
//! is added to the window and nothing is printed. The same script tells the page to hold the
//! app's start when the app was launched with `--hold-first-screen` (an end-to-end test aid).

use std::io::Write;
use std::sync::Once;

use tauri::Runtime;
use tauri::plugin::{Builder, TauriPlugin};

/// The environment variable that turns the report on (`1`).
pub const REPORT_ENV: &str = "TRAJECTORY_REPORT_READY";

/// Whether this process was asked to report its first paint.
pub fn wanted() -> bool {
    std::env::var_os(REPORT_ENV).is_some_and(|v| v == "1")
}

/// Tells the window, before any of its scripts run, that a first-paint report is wanted
/// (`report`) and that the app's start is to be held (`hold`); `ui/src/lib/ipc/commands.ts`
/// reads the flags. Added to the builder only when one of them is.
pub fn plugin<R: Runtime>(report: bool, hold: bool) -> TauriPlugin<R> {
    let flag = |name: &str, on: bool| {
        if on {
            format!("Object.defineProperty(window, '{name}', {{ value: true }});")
        } else {
            String::new()
        }
    };
    Builder::new("first-paint-report")
        .js_init_script(format!(
            "{}{}",
            flag("__TRAJECTORY_REPORT_FIRST_PAINT__", report),
            flag("__TRAJECTORY_HOLD_APP__", hold)
        ))
        .build()
}

/// Milliseconds between a process's start and now, from its `/proc/PID/stat` line and
/// `/proc/uptime` (10 ms steps).
fn ms_since_start(stat: &str, uptime: &str) -> Option<u64> {
    // The fields after the command name (which may hold spaces and parentheses) begin after
    // the last ')'; the start time is field 22 of the line, in clock ticks (100 a second)
    // since boot.
    let after_name = stat.get(stat.rfind(')')? + 2..)?;
    let start_ticks: u64 = after_name.split(' ').nth(19)?.parse().ok()?;
    let uptime_s: f64 = uptime.split(' ').next()?.parse().ok()?;
    // Rounded, not truncated: 33250.88 s is 33250879.99… ms as a float, and a process started
    // in that very tick would otherwise seem to start after now.
    let uptime_ms = (uptime_s * 1000.0).round() as u64;
    uptime_ms.checked_sub(start_ticks * 10)
}

/// Milliseconds since this process started; `None` where /proc is not there.
fn ms_since_process_start() -> Option<u64> {
    ms_since_start(
        &std::fs::read_to_string("/proc/self/stat").ok()?,
        &std::fs::read_to_string("/proc/uptime").ok()?,
    )
}

static REPORTED: Once = Once::new();
static INTERACTIVE: Once = Once::new();

/// A report line: what (`ready`, `interactive`), milliseconds since the process started and
/// the entries on screen.
fn line(what: &str, ms: Option<u64>, entries: u32) -> String {
    let ms = ms.map_or_else(|| "unknown".to_owned(), |ms| ms.to_string());
    format!("{what}_ms={ms} entries={entries}")
}

fn print(what: &str, entries: u32) {
    let line = line(what, ms_since_process_start(), entries);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Prints the ready line the first time the window reports a paint, if the report is [`wanted`].
pub fn report(entries: u32) {
    if !wanted() {
        return;
    }
    REPORTED.call_once(|| print("ready", entries));
}

/// Prints the interactive line once, if the report is [`wanted`]; the ready line first when no
/// paint was reported before (the page painted nothing itself, so the app's paint is the first).
pub fn report_interactive(entries: u32) {
    if !wanted() {
        return;
    }
    REPORTED.call_once(|| print("ready", entries));
    INTERACTIVE.call_once(|| print("interactive", entries));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_start_time_after_an_awkward_command_name() {
        // Field 22 (start time) is 4200 ticks = 42 s after boot; uptime 43.5 s.
        let stat = "1234 (web (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 4 0 4200 \
                    123456 789 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0";
        assert_eq!(ms_since_start(stat, "43.50 80.00\n"), Some(1_500));
        assert_eq!(
            ms_since_start(stat, "41.00 80.00\n"),
            None,
            "a start after now is refused"
        );
        assert_eq!(ms_since_start("garbage", "43.50 80.00\n"), None);
    }

    #[test]
    fn a_process_started_in_this_very_tick_is_zero_ms_old() {
        let stat = "1234 (traj) R 1 1234 1234 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 4 0 3325088 \
                    123456 789 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0 0 0 0 0";
        assert_eq!(ms_since_start(stat, "33250.88 26977.21\n"), Some(0));
    }

    #[test]
    fn the_ready_line_says_when_and_how_many() {
        assert_eq!(line("ready", Some(412), 100), "ready_ms=412 entries=100");
        assert_eq!(line("ready", None, 0), "ready_ms=unknown entries=0");
        assert_eq!(
            line("interactive", Some(470), 100),
            "interactive_ms=470 entries=100"
        );
    }

    #[test]
    fn this_test_process_started_within_the_hour() {
        let ms = ms_since_process_start().expect("/proc is readable on Linux");
        assert!(ms < 3_600_000, "{ms}");
    }
}
