//! Crash consistency: a writer process is killed with SIGKILL at random moments; every save it
//! reported as committed must be there afterwards, and the database must be intact.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use trajectory_core::EntryDraft;
use trajectory_store::Store;

const WRITER_ENV: &str = "TRAJECTORY_CRASH_WRITER_DIR";

fn draft(body: String) -> trajectory_core::ValidEntry {
    EntryDraft {
        entry_date: "2026-03-14".into(),
        body,
        tags: vec!["crash".into()],
        mood: Some(3),
        progress: None,
    }
    .validate()
    .unwrap()
}

/// The child: saves and edits entries as fast as it can, printing each committed save.
/// Run only by `saves_reported_committed_survive_sigkill` (it is ignored otherwise).
#[test]
#[ignore = "spawned as a child process by the crash test"]
fn crash_writer_child() {
    let Some(dir) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let mut store = Store::open(std::path::Path::new(&dir), None).unwrap();
    let mut out = std::io::stdout().lock();
    let mut last: Option<i64> = None;
    for n in 0u64.. {
        if n % 3 == 2
            && let Some(id) = last
        {
            let body = format!("edited {n}");
            store.update_entry(id, &draft(body.clone())).unwrap();
            writeln!(out, "@U {id} {body}").unwrap();
        } else {
            let body = format!("saved {n} {}", "words ".repeat((n % 40) as usize));
            let e = store.create_entry(&draft(body.clone())).unwrap();
            last = Some(e.id);
            writeln!(out, "@C {} {}", e.id, body.trim_end()).unwrap();
        }
        out.flush().unwrap();
    }
}

/// The writer's sequence number in a body ("saved 12 …" / "edited 14").
fn sequence(body: &str) -> u64 {
    body.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a writer body: {body:?}"))
}

/// A small deterministic generator for kill delays (no extra dependency).
struct Jitter(u64);
impl Jitter {
    fn next_ms(&mut self, lo: u64, hi: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        lo + self.0 % (hi - lo)
    }
}

#[test]
fn saves_reported_committed_survive_sigkill() {
    let tmp = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut jitter = Jitter(seed);
    let mut expected: std::collections::HashMap<i64, String> = Default::default();
    let rounds = 24;
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "crash_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_ENV, tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Wait for the first committed save so every round kills a writer mid-stream.
        let first = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("writer started");
        let mut lines = vec![first];
        let deadline = Instant::now() + Duration::from_millis(jitter.next_ms(5, 250));
        while Instant::now() < deadline {
            if let Ok(l) = rx.recv_timeout(Duration::from_millis(1)) {
                lines.push(l);
            }
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());
        for line in lines {
            // Only the writer's own lines ("@C id body" / "@U id body"), not the test harness's.
            let Some(line) = line.strip_prefix('@') else {
                continue;
            };
            let mut parts = line.splitn(3, ' ');
            let (Some(_), Some(id), Some(body)) = (parts.next(), parts.next(), parts.next()) else {
                continue; // a line cut short by the kill
            };
            if let Ok(id) = id.parse::<i64>() {
                expected.insert(id, body.to_owned());
            }
        }
        let store = Store::open(tmp.path(), None).unwrap_or_else(|e| panic!("round {round}: {e}"));
        for (id, body) in &expected {
            let e = store
                .entry(*id)
                .unwrap_or_else(|e| panic!("round {round}: entry {id} lost: {e}"));
            // The stored version is the reported one, or a later one whose report the kill
            // cut off (committed but not yet announced) — never an older one.
            assert!(
                sequence(&e.body) >= sequence(body),
                "round {round}: entry {id} is {:?}, but {body:?} was reported committed",
                e.body
            );
        }
    }
    assert!(
        expected.len() > rounds,
        "the writer committed work in most rounds"
    );
    let conn =
        rusqlite::Connection::open(tmp.path().join(trajectory_store::DATABASE_FILE)).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute(
        "INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("the full-text index survived every crash intact");
}
