//! What encryption costs: opening, searching and backing up a 10,000-entry journal, plain and
//! encrypted, and the time to turn encryption on. Run:
//! `cargo run -p trajectory-store --example encryption_cost --release`

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use trajectory_core::{EntryDraft, Passphrase, SearchQuery};
use trajectory_store::Store;
use trajectory_store::encryption::change_encryption;

const ENTRIES: usize = 10_000;
const WORDS: &[&str] = &[
    "planning",
    "review",
    "mentor",
    "release",
    "customer",
    "design",
    "promotion",
    "feedback",
    "budget",
    "hiring",
    "roadmap",
    "incident",
    "launch",
    "workshop",
    "conference",
    "migration",
];

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn measure(dir: &std::path::Path, key: Option<&Passphrase>, label: &str) {
    let opens: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            drop(Store::open_checked(dir, key).unwrap());
            t.elapsed()
        })
        .collect();
    let store = Store::open_checked(dir, key).unwrap();
    let searches: Vec<Duration> = (0..50)
        .map(|i| {
            let q = SearchQuery {
                text: WORDS[i % WORDS.len()].into(),
                ..Default::default()
            }
            .validate()
            .unwrap();
            let t = Instant::now();
            store.search(&q).unwrap();
            t.elapsed()
        })
        .collect();
    let t = Instant::now();
    store
        .backup_now(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap())
        .unwrap();
    let backup = t.elapsed();
    println!(
        "{label:<10} open (quick_check + open, median of 5) {:>9}   search p50 {:>8}   backup {:>9}",
        ms(median(opens)),
        ms(median(searches)),
        ms(backup)
    );
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    {
        let mut store = Store::open(dir, None).unwrap();
        for n in 0..ENTRIES {
            let body = (0..60)
                .map(|k| WORDS[(n * 7 + k * 3) % WORDS.len()])
                .collect::<Vec<_>>()
                .join(" ");
            store
                .create_entry(
                    &EntryDraft {
                        entry_date: format!(
                            "20{:02}-{:02}-{:02}",
                            10 + n % 16,
                            1 + n % 12,
                            1 + n % 28
                        ),
                        body,
                        tags: vec!["work".into()],
                        mood: Some(3),
                        progress: None,
                    }
                    .validate()
                    .unwrap(),
                )
                .unwrap();
        }
    }
    let size = std::fs::metadata(dir.join(trajectory_store::DATABASE_FILE))
        .unwrap()
        .len();
    println!("{ENTRIES} entries, database {:.1} MB", size as f64 / 1e6);
    measure(dir, None, "plain");
    let key = Passphrase::new("correct horse battery staple").unwrap();
    let t = Instant::now();
    let report = change_encryption(dir, None, Some(&key)).unwrap();
    println!(
        "turning encryption on (journal + {} backups): {}",
        report.rewritten - 1,
        ms(t.elapsed())
    );
    measure(dir, Some(&key), "encrypted");
}
