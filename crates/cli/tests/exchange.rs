//! `traj import`, `traj export`, `traj backup`, `traj backups` and `traj restore` as a person
//! runs them: real process, temporary data folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn traj(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_traj"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../exchange/tests/fixtures")
        .join(name);
    p.to_string_lossy().into_owned()
}

fn entry_count(dir: &Path) -> usize {
    let list = traj(dir, &["entry", "list", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&out(&list)).unwrap();
    value.as_array().unwrap().len()
}

#[test]
fn import_reports_a_summary_and_a_second_run_adds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let first = traj(
        d,
        &["import", "--format", "jrnl", &fixture("career.journal")],
    );
    assert!(first.status.success(), "{}", err(&first));
    let text = out(&first);
    assert!(text.contains("Imported: 4 entries"), "{text}");
    assert!(text.contains("Skipped as already present: 0"), "{text}");
    assert!(text.contains("Media not brought over: 0"), "{text}");
    assert!(
        text.contains("Dates without a day, set to the 1st of the month: 1"),
        "{text}"
    );
    assert!(
        err(&first).is_empty(),
        "no progress line when stderr is not a terminal"
    );
    let again = traj(
        d,
        &[
            "import",
            "--format",
            "jrnl-json",
            &fixture("career.jrnl.json"),
        ],
    );
    assert!(out(&again).contains("Imported: 0 entries"));
    assert!(out(&again).contains("Skipped as already present: 4"));
    let dayone = traj(
        d,
        &[
            "import",
            "--format",
            "dayone",
            &fixture("career-dayone.zip"),
        ],
    );
    assert!(
        out(&dayone).contains("Imported: 2 entries"),
        "{}",
        out(&dayone)
    );
    assert!(out(&dayone).contains("Media not brought over: 4"));
    assert_eq!(entry_count(d), 6);
}

#[test]
fn a_malformed_import_fails_with_one_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let bad = traj(
        d,
        &[
            "import",
            "--format",
            "dayone",
            &fixture("malformed-dayone.json"),
        ],
    );
    assert!(!bad.status.success());
    let message = err(&bad);
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    assert!(
        message.contains("Nothing was imported: line 4"),
        "{message}"
    );
    let unknown = traj(
        d,
        &["import", "--format", "evernote", &fixture("career.journal")],
    );
    assert!(err(&unknown).contains("not an import format"));
    assert_eq!(entry_count(d), 0);
}

#[test]
fn export_json_markdown_and_review() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("data");
    assert!(
        traj(
            &d,
            &["import", "--format", "jrnl", &fixture("career.journal")]
        )
        .status
        .success()
    );
    let json = tmp.path().join("journal.json");
    let o = traj(
        &d,
        &[
            "export",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("Exported 4 entries"));
    let copy = tmp.path().join("copy");
    let o = traj(
        &copy,
        &["import", "--format", "json", json.to_str().unwrap()],
    );
    assert!(out(&o).contains("Imported: 4 entries"), "{}", out(&o));

    let md = tmp.path().join("md");
    let o = traj(
        &d,
        &[
            "export",
            "--format",
            "markdown",
            "--out",
            md.to_str().unwrap(),
            "--from",
            "2023-02-01",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(std::fs::read_dir(md.join("entries")).unwrap().count(), 3);

    let review = tmp.path().join("review.html");
    let o = traj(
        &d,
        &[
            "export",
            "--format",
            "review",
            "--out",
            review.to_str().unwrap(),
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        std::fs::read_to_string(review)
            .unwrap()
            .contains("No milestones were achieved")
    );
    let o = traj(
        &d,
        &[
            "export",
            "--format",
            "review",
            "--out",
            "x.md",
            "--from",
            "2023-02-30",
        ],
    );
    assert!(err(&o).contains("not a real date"), "{}", err(&o));
}

#[test]
fn backup_list_and_restore_keep_the_replaced_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    assert!(
        traj(
            d,
            &["entry", "add", "--date", "2026-03-14", "--text", "before"]
        )
        .status
        .success()
    );
    let b = traj(d, &["backup"]);
    assert!(b.status.success(), "{}", err(&b));
    let id = out(&b)
        .lines()
        .find_map(|l| l.strip_prefix("Restore it with: traj restore "))
        .unwrap()
        .to_owned();
    assert!(
        traj(
            d,
            &["entry", "add", "--date", "2026-03-15", "--text", "after"]
        )
        .status
        .success()
    );
    let list = traj(d, &["backups", "--json"]);
    let backups: serde_json::Value = serde_json::from_str(&out(&list)).unwrap();
    assert_eq!(backups[0]["id"], id.as_str());
    assert!(out(&traj(d, &["backups"])).contains(&id));

    let r = traj(d, &["restore", &id]);
    assert!(r.status.success(), "{}", err(&r));
    assert!(
        out(&r).contains("The journal it replaced is kept at"),
        "{}",
        out(&r)
    );
    assert_eq!(entry_count(d), 1);
    assert_eq!(
        std::fs::read_dir(d.join("replaced"))
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "sqlite3"))
            .count(),
        1
    );
    let missing = traj(d, &["restore", "backup-nope"]);
    assert!(!missing.status.success());
    assert!(err(&missing).contains("No backup with id backup-nope"));
}
