//! Import benchmark: a generated 100,000-entry `jrnl --export json` file, parsed and imported
//! into a fresh journal (one transaction), three runs. Run with
//! `cargo bench -p trajectory-exchange --bench import`; figures go in docs/PERFORMANCE.md.

use std::time::Instant;

use trajectory_exchange::{Format, Parsed, parse, write};
use trajectory_store::Store;

const ENTRIES: usize = 100_000;
const RUNS: usize = 3;

/// A deterministic journal: 20–120 words an entry from a small vocabulary, a tag each, one
/// in ten starred, ten entries a day over about 27 years.
fn generate() -> String {
    let words = [
        "shipped",
        "review",
        "meeting",
        "design",
        "deploy",
        "feedback",
        "mentor",
        "roadmap",
        "incident",
        "planning",
        "migration",
        "promotion",
        "learned",
        "paired",
        "customer",
        "the",
        "a",
        "and",
        "of",
        "to",
        "with",
        "team",
        "today",
        "week",
        "project",
    ];
    let tags = [
        "@work",
        "@growth",
        "@team",
        "@oncall",
        "@learning",
        "@people",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let start = chrono::NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
    let mut entries = Vec::with_capacity(ENTRIES);
    for i in 0..ENTRIES {
        let n = 20 + (next() % 100) as usize;
        let mut body: Vec<&str> = (0..n)
            .map(|_| words[(next() % words.len() as u64) as usize])
            .collect();
        let tag = tags[(next() % tags.len() as u64) as usize];
        body.push(tag);
        let date = start + chrono::Days::new((i / 10) as u64);
        entries.push(serde_json::json!({
            "title": format!("Day {i} notes."),
            "body": body.join(" "),
            "date": date.format("%Y-%m-%d").to_string(),
            "time": format!("{:02}:{:02}", next() % 24, next() % 60),
            "tags": [tag],
            "starred": next() % 10 == 0,
        }));
    }
    serde_json::json!({"tags": {}, "entries": entries}).to_string()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this once without it.
    let quick = !std::env::args().any(|a| a == "--bench");
    let text = generate();
    println!(
        "generated jrnl JSON: {ENTRIES} entries, {:.1} MiB",
        text.len() as f64 / (1024.0 * 1024.0)
    );
    let runs = if quick { 1 } else { RUNS };
    let mut totals = Vec::new();
    for run in 1..=runs {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), None).unwrap();
        let started = Instant::now();
        let parsed = parse(Format::JrnlJson, text.as_bytes()).unwrap();
        let parsed_at = started.elapsed();
        let mut last = (0, 0);
        let report = write(&mut store, &parsed, &mut |done, total| last = (done, total)).unwrap();
        let total = started.elapsed();
        assert_eq!(report.imported as usize, ENTRIES);
        assert_eq!(last, (ENTRIES as u64, ENTRIES as u64));
        if let Parsed::Entries(p) = &parsed {
            assert_eq!(p.entries.len(), ENTRIES);
        }
        println!(
            "run {run}: parse {:.2} s, write (one transaction) {:.2} s, total {:.2} s",
            parsed_at.as_secs_f64(),
            (total - parsed_at).as_secs_f64(),
            total.as_secs_f64()
        );
        totals.push(total.as_secs_f64());
        if run == runs {
            let started = Instant::now();
            let again = write(&mut store, &parsed, &mut |_, _| {}).unwrap();
            assert_eq!(again.already_present as usize, ENTRIES);
            println!(
                "re-import of the same file (all skipped): {:.2} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    totals.sort_by(f64::total_cmp);
    println!(
        "median total: {:.2} s (target ≤ 10 s)",
        totals[totals.len() / 2]
    );
}
