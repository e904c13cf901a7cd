//! The empty window: the app's window settings and CSP around a blank page, which reports its
//! first paint so `scripts/bench-app` can time it and read its memory beside the app's.

use std::io::Write;
use std::sync::Once;

/// Milliseconds since this process started, from the kernel's record of its start (10 ms
/// steps); `None` where /proc is not there. The same reading as the app's
/// (`src-tauri/src/first_paint.rs`, where it is tested).
fn ms_since_process_start() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Field 22 of the line (counting the command name, which may hold spaces, as field 2) is
    // the start time in clock ticks (100 a second) since boot.
    let after_name = stat.get(stat.rfind(')')? + 2..)?;
    let start_ticks: u64 = after_name.split(' ').nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let uptime_s: f64 = uptime.split(' ').next()?.parse().ok()?;
    ((uptime_s * 1000.0).round() as u64).checked_sub(start_ticks * 10)
}

static REPORTED: Once = Once::new();

/// Prints `ready_ms=<ms since process start>` on the first call.
#[tauri::command]
fn report_first_paint() {
    REPORTED.call_once(|| {
        let ms = ms_since_process_start().map_or_else(|| "unknown".to_owned(), |ms| ms.to_string());
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "ready_ms={ms}");
        let _ = out.flush();
    });
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![report_first_paint])
        .run(tauri::generate_context!())
        .expect("the empty window could not be started");
}
