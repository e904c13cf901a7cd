//! `traj` as a person runs it: real process, temporary data folder, exit codes and output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn traj(dir: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_traj"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn add_list_show_delete_restore() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let add = traj(
        d,
        &[
            "entry",
            "add",
            "--date",
            "2026-03-14",
            "--tag",
            "work",
            "--text",
            "Shipped it",
        ],
        None,
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let id = stdout(&add).trim().to_owned();
    assert!(id.parse::<i64>().is_ok(), "prints the new id: {id:?}");

    let add2 = traj(
        d,
        &["entry", "add", "--date", "2026-03-15"],
        Some("From stdin\nsecond line"),
    );
    assert!(add2.status.success(), "{}", stderr(&add2));

    let list = traj(d, &["entry", "list", "--json"], None);
    assert!(list.status.success());
    let entries: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    let bodies: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["From stdin\nsecond line", "Shipped it"]);

    let show = traj(d, &["entry", "show", &id, "--json"], None);
    let entry: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(entry["entry_date"], "2026-03-14");
    assert_eq!(entry["tags"][0], "work");

    let del = traj(d, &["entry", "delete", &id], None);
    assert!(del.status.success());
    let list = traj(d, &["entry", "list"], None);
    assert!(!stdout(&list).contains("Shipped it"));
    assert!(traj(d, &["entry", "restore", &id], None).status.success());
    assert!(stdout(&traj(d, &["entry", "list"], None)).contains("Shipped it"));
}

#[test]
fn bad_input_fails_with_one_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for (args, stdin, needle) in [
        (
            vec!["entry", "add", "--date", "2026-02-30", "--text", "x"],
            None,
            "not a real date",
        ),
        (vec!["entry", "add", "--text", "   "], None, "empty"),
        (
            vec!["entry", "add", "--date", "2026-03-14"],
            Some(""),
            "empty",
        ),
        (vec!["entry", "show", "999"], None, "No entry with id 999"),
    ] {
        let out = traj(d, &args, stdin);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
        assert!(err.contains(needle), "{err:?}");
    }
    let big = "x".repeat(1024 * 1024 + 1);
    let out = traj(d, &["entry", "add", "--date", "2026-03-14"], Some(&big));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("too long"));
    let list = traj(d, &["entry", "list", "--json"], None);
    assert_eq!(stdout(&list).trim(), "[]");
}

#[test]
fn search_finds_and_marks_words_with_filters() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    for (date, tag, text) in [
        (
            "2026-01-05",
            "career",
            "Talked about a promotion with my new manager.",
        ),
        ("2026-02-10", "work", "The promoted build failed twice."),
        ("2026-03-01", "career", "Asked for the promotion rubric."),
    ] {
        assert!(
            traj(
                d,
                &["entry", "add", "--date", date, "--tag", tag, "--text", text],
                None
            )
            .status
            .success()
        );
    }
    let out = traj(d, &["search", "promot*"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(stdout(&out).contains("[promotion]"), "{}", stdout(&out));

    let out = traj(
        d,
        &[
            "search",
            "promotion",
            "--tag",
            "career",
            "--from",
            "2026-02-01",
            "--json",
        ],
        None,
    );
    let r: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hits = r["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["entry"]["entry_date"], "2026-03-01");

    // A malformed query still answers, with a note rather than an error.
    let out = traj(d, &["search", "\"new manager"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("unclosed quote"));
    assert!(stdout(&out).contains("manager"));

    let out = traj(d, &["search", "x", "--from", "2026-13-01"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a real date"));
}

#[test]
fn edit_changes_only_what_is_given_and_keeps_history() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let add = traj(
        d,
        &[
            "entry",
            "add",
            "--date",
            "2026-03-14",
            "--tag",
            "work",
            "--mood",
            "3",
            "--text",
            "first",
        ],
        None,
    );
    let id = stdout(&add).trim().to_owned();
    let out = traj(d, &["entry", "edit", &id, "--progress", "4"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = traj(d, &["entry", "edit", &id, "--json"], Some("second version"));
    assert!(out.status.success(), "{}", stderr(&out));
    let e: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(e["body"], "second version");
    assert_eq!(e["tags"][0], "work");
    assert_eq!(e["mood"], 3);
    assert_eq!(e["progress"], 4);
    let out = traj(d, &["entry", "edit", &id, "--mood", "9"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("between 1 and 5"), "{}", stderr(&out));
    let show = traj(d, &["entry", "show", &id, "--json"], None);
    let e: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(e["mood"], 3, "a refused edit wrote nothing");
}

#[test]
fn an_encrypted_journal_needs_its_passphrase_from_the_environment_when_not_on_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let add = traj(
        d,
        &[
            "entry",
            "add",
            "--date",
            "2026-03-14",
            "--text",
            "Locked away",
        ],
        None,
    );
    assert!(add.status.success(), "{}", stderr(&add));
    trajectory_store::encryption::change_encryption(
        d,
        None,
        Some(&trajectory_core::Passphrase::new("words for the lock").unwrap()),
    )
    .unwrap();

    let list = traj(d, &["entry", "list"], None);
    assert!(!list.status.success());
    assert!(
        stderr(&list).contains("TRAJECTORY_PASSPHRASE"),
        "{}",
        stderr(&list)
    );

    let run = |pass: &str| {
        Command::new(env!("CARGO_BIN_EXE_traj"))
            .arg("--data-dir")
            .arg(d)
            .args(["entry", "list"])
            .env("TRAJECTORY_PASSPHRASE", pass)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let wrong = run("not these words");
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("does not open"),
        "{}",
        stderr(&wrong)
    );
    let right = run("words for the lock");
    assert!(right.status.success(), "{}", stderr(&right));
    assert!(stdout(&right).contains("Locked away"), "{}", stdout(&right));
}
