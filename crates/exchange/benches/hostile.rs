//! Hostile-input benchmark: files made to be slow to read rather than large — one entry of
//! 256 KiB built from the few patterns whose handling once cost time proportional to the
//! square of their length (found by reading the importers while writing their fuzz targets,
//! docs/SECURITY.md; libFuzzer's small inputs did not show them). Each is
//! parsed three times; the median is printed. Run with
//! `cargo bench -p trajectory-exchange --bench hostile`; figures go in docs/PERFORMANCE.md.

use std::time::{Duration, Instant};

use trajectory_exchange::{Format, parse};

const SIZE: usize = 256 * 1024;
const RUNS: usize = 3;

fn repeat_to(unit: &str) -> String {
    unit.repeat(SIZE / unit.len())
}

/// A Day One export with one entry whose text (already JSON-escaped) is `text`.
fn dayone(text: &str) -> Vec<u8> {
    format!(
        r#"{{"metadata": {{}}, "entries": [{{"uuid": "U", "creationDate": "2026-01-01T00:00:00Z", "text": "{text}"}}]}}"#
    )
    .into_bytes()
}

fn cases() -> Vec<(&'static str, Format, Vec<u8>)> {
    let tags: String = (0..).map(|i| format!("@t{i} ")).take(SIZE / 8).collect();
    let half = SIZE / 2;
    vec![
        (
            "jrnl: one entry of distinct @tags",
            Format::Jrnl,
            format!("[2026-01-01 09:00] Tags\n{tags}\n").into_bytes(),
        ),
        (
            "Day One: a line of digits, then \\! escapes",
            Format::DayOne,
            dayone(&format!("{}{}", "1".repeat(half), "\\\\!".repeat(half / 2))),
        ),
        (
            "Day One: a line of spaces, then \\# escapes",
            Format::DayOne,
            dayone(&format!("{}{}", " ".repeat(half), "\\\\#".repeat(half / 2))),
        ),
        (
            "Day One: ![ without ](",
            Format::DayOne,
            dayone(&repeat_to("![")),
        ),
        (
            "Day One: ![ then one ](dayone-moment: without )",
            Format::DayOne,
            dayone(&format!("{}](dayone-moment:x", repeat_to("!["))),
        ),
    ]
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs each case once without it.
    let runs = if std::env::args().any(|a| a == "--bench") {
        RUNS
    } else {
        1
    };
    for (name, format, bytes) in cases() {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                parse(format, &bytes).expect("a hostile file is still a valid one");
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{name} ({} KiB): median {:.3} s",
            bytes.len() / 1024,
            times[times.len() / 2].as_secs_f64()
        );
    }
}
