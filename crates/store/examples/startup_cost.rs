//! What opening a journal costs the app's start-up, step by step, on a copy of a data folder:
//! the integrity check, opening (and migrating), the daily backup, and the first page of the
//! timeline. Run: `cargo run -p trajectory-store --example startup_cost --release -- DIR`
//! (DIR is left untouched). The benchmark's journal of 10,000 entries:
//! `node bench/journal-seed.mjs /tmp/j.json && traj --data-dir DIR import --format json /tmp/j.json`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use trajectory_store::Store;

const RUNS: usize = 5;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for item in std::fs::read_dir(from).unwrap() {
        let item = item.unwrap();
        if item.file_type().unwrap().is_file() {
            std::fs::copy(item.path(), to.join(item.file_name())).unwrap();
        }
    }
}

fn median(mut xs: Vec<Duration>) -> String {
    xs.sort();
    format!("{:.1} ms", xs[xs.len() / 2].as_secs_f64() * 1000.0)
}

fn main() {
    let source = std::env::args_os()
        .nth(1)
        .expect("usage: startup_cost DATA_DIR");
    let (mut check, mut open, mut backup, mut page) = (vec![], vec![], vec![], vec![]);
    for _ in 0..RUNS {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("journal");
        copy_dir(Path::new(&source), &dir);
        let t = Instant::now();
        trajectory_store::backup::quick_check(&dir, None).unwrap();
        check.push(t.elapsed());
        let t = Instant::now();
        let store = Store::open(&dir, None).unwrap();
        open.push(t.elapsed());
        let t = Instant::now();
        store
            .backup_if_due(Utc::now())
            .unwrap()
            .expect("a backup is due");
        backup.push(t.elapsed());
        let t = Instant::now();
        let first = store.timeline(None, 50).unwrap();
        page.push(t.elapsed());
        assert!(!first.entries.is_empty());
    }
    println!(
        "median of {RUNS} runs on copies of {}:",
        source.to_string_lossy()
    );
    println!("  quick_check         {}", median(check));
    println!("  open and migrate    {}", median(open));
    println!("  daily backup        {}", median(backup));
    println!("  first page (50)     {}", median(page));
}
