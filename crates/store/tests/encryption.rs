//! Encryption at rest: with a passphrase set, a known sentence appears nowhere in the raw
//! bytes of the database, its WAL or any backup; the wrong passphrase changes nothing; the
//! passphrase can be changed and removed without losing a word.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use trajectory_core::{EntryDraft, Passphrase, SearchQuery};
use trajectory_store::backup::{list_backups, restore_backup};
use trajectory_store::encryption::{FileState, change_encryption, file_state};
use trajectory_store::{DATABASE_FILE, Store, StoreError};

const CANARY_BEFORE: &str = "canary: the heron crossed the copper river at dawn";
const CANARY_AFTER: &str = "canary: seven violet lanterns above the quiet harbour";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn add(store: &mut Store, body: &str) {
    store
        .create_entry(
            &EntryDraft {
                entry_date: "2026-03-14".into(),
                body: body.into(),
                tags: vec!["secret-tag".into()],
                mood: Some(3),
                progress: None,
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
}

fn bodies(store: &Store) -> Vec<String> {
    let mut all: Vec<String> = store
        .timeline(None, 100)
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.body)
        .collect();
    all.sort();
    all
}

/// Every file in the data folder, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for item in std::fs::read_dir(dir).unwrap() {
        let path = item.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Fails naming each file whose raw bytes hold `needle`; returns how many files were read.
fn assert_nowhere(dir: &Path, needle: &str) -> usize {
    let files = files_under(dir);
    let leaking: Vec<_> = files
        .iter()
        .filter(|f| contains(&std::fs::read(f).unwrap(), needle))
        .collect();
    assert!(leaking.is_empty(), "{needle:?} found in {leaking:?}");
    files.len()
}

#[test]
fn with_encryption_on_the_canary_is_in_no_database_wal_or_backup_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    {
        let mut store = Store::open(dir, None).unwrap();
        add(&mut store, CANARY_BEFORE);
        store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
    }
    // The test can fail: before encryption the sentence is on disk in plain text.
    assert!(
        files_under(dir)
            .iter()
            .any(|f| contains(&std::fs::read(f).unwrap(), CANARY_BEFORE)),
        "a plain journal holds its text as is"
    );

    let key = pass("correct horse battery staple");
    let report = change_encryption(dir, None, Some(&key)).unwrap();
    assert!(report.encrypted);
    assert_eq!(report.rewritten, 2, "the journal and its one backup");
    assert!(report.left_as_they_were.is_empty());
    assert_nowhere(dir, CANARY_BEFORE);
    assert_eq!(
        file_state(&dir.join(DATABASE_FILE)).unwrap(),
        FileState::Encrypted
    );

    let mut store = Store::open_checked(dir, Some(&key)).unwrap();
    assert!(store.encrypted());
    add(&mut store, CANARY_AFTER);
    // While the journal is open its WAL holds the newest save: it must be encrypted too.
    let wal = dir.join(format!("{DATABASE_FILE}-wal"));
    assert!(wal.exists() && std::fs::metadata(&wal).unwrap().len() > 0);
    assert_nowhere(dir, CANARY_AFTER);
    store.backup_now(t("2026-03-15T10:00:00Z")).unwrap();
    assert_nowhere(dir, CANARY_AFTER);
    assert_eq!(bodies(&store), vec![CANARY_AFTER, CANARY_BEFORE]);
    // Tags and the search index are inside the same encrypted pages.
    let hits = store
        .search(
            &SearchQuery {
                text: "lanterns".into(),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    assert_eq!(hits.hits.len(), 1);
    drop(store);
    let read = assert_nowhere(dir, CANARY_AFTER);
    assert!(read >= 3, "the journal and two backups were read");
    assert_nowhere(dir, "secret-tag");
    for b in list_backups(dir).unwrap() {
        assert_eq!(file_state(&b.path).unwrap(), FileState::Encrypted, "{b:?}");
    }
}

#[test]
fn an_encrypted_journal_is_locked_without_its_passphrase_and_unchanged_by_a_wrong_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    {
        let mut store = Store::open(dir, None).unwrap();
        add(&mut store, "a private thought");
    }
    let key = pass("the right passphrase");
    change_encryption(dir, None, Some(&key)).unwrap();
    let before = std::fs::read(dir.join(DATABASE_FILE)).unwrap();

    assert!(matches!(Store::open(dir, None), Err(StoreError::Locked)));
    assert!(matches!(
        Store::open_checked(dir, None),
        Err(StoreError::Locked)
    ));
    let wrong = pass("the wrong passphrase");
    assert!(matches!(
        Store::open_checked(dir, Some(&wrong)),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(matches!(
        change_encryption(dir, Some(&wrong), Some(&pass("another one here"))),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(matches!(
        change_encryption(dir, Some(&wrong), None),
        Err(StoreError::WrongPassphrase)
    ));
    assert_eq!(
        std::fs::read(dir.join(DATABASE_FILE)).unwrap(),
        before,
        "a wrong passphrase leaves the file byte for byte as it was"
    );
    let store = Store::open_checked(dir, Some(&key)).unwrap();
    assert_eq!(bodies(&store), vec!["a private thought"]);
}

#[test]
fn the_passphrase_can_be_changed_then_removed_keeping_every_entry_and_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let first = pass("first passphrase");
    let second = pass("second passphrase");
    {
        let mut store = Store::open(dir, None).unwrap();
        add(&mut store, "before encryption");
    }
    change_encryption(dir, None, Some(&first)).unwrap();
    {
        let mut store = Store::open(dir, Some(&first)).unwrap();
        add(&mut store, "under the first passphrase");
        store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
    }

    let report = change_encryption(dir, Some(&first), Some(&second)).unwrap();
    assert_eq!(report.rewritten, 2);
    assert!(matches!(
        Store::open(dir, Some(&first)),
        Err(StoreError::WrongPassphrase)
    ));
    let backup = &list_backups(dir).unwrap()[0];
    assert!(trajectory_store::backup::check_file(&backup.path, Some(&second)).is_ok());
    {
        let mut store = Store::open_checked(dir, Some(&second)).unwrap();
        assert_eq!(
            bodies(&store),
            vec!["before encryption", "under the first passphrase"]
        );
        add(&mut store, "under the second passphrase");
    }

    // Restoring an encrypted backup needs the passphrase and keeps the journal encrypted.
    let restored = restore_backup(dir, &backup.id, t("2026-03-16T10:00:00Z"), Some(&second))
        .expect("restore with the passphrase");
    assert!(restored.kept_aside.is_some());
    {
        let store = Store::open_checked(dir, Some(&second)).unwrap();
        assert_eq!(
            bodies(&store),
            vec!["before encryption", "under the first passphrase"]
        );
    }

    let report = change_encryption(dir, Some(&second), None).unwrap();
    assert!(!report.encrypted);
    assert_eq!(
        report.rewritten, 3,
        "the journal, its backup and the database the restore set aside"
    );
    for file in files_under(dir) {
        if file.extension().and_then(|e| e.to_str()) == Some("sqlite3") {
            assert_eq!(file_state(&file).unwrap(), FileState::Plain, "{file:?}");
        }
    }
    let store = Store::open_checked(dir, None).unwrap();
    assert!(!store.encrypted());
    assert_eq!(
        bodies(&store),
        vec!["before encryption", "under the first passphrase"]
    );
}

#[test]
fn turning_encryption_on_twice_or_off_when_off_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    drop(Store::open(dir, None).unwrap());
    assert!(matches!(
        change_encryption(dir, Some(&pass("not set at all")), None),
        Err(StoreError::EncryptionState { on: false })
    ));
    let key = pass("a passphrase here");
    change_encryption(dir, None, Some(&key)).unwrap();
    assert!(matches!(
        change_encryption(dir, None, Some(&key)),
        Err(StoreError::EncryptionState { on: true })
    ));
}

#[test]
fn a_backup_that_opens_with_neither_passphrase_is_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    {
        let mut store = Store::open(dir, None).unwrap();
        add(&mut store, "kept");
        store.backup_now(t("2026-03-14T10:00:00Z")).unwrap();
    }
    // A stray file in backups/ that is not a database at all.
    let stray = dir.join("backups/backup-2026-03-13T100000.000Z.sqlite3");
    std::fs::write(
        &stray,
        b"this is not a database, but it has a name like one",
    )
    .unwrap();
    let report = change_encryption(dir, None, Some(&pass("a passphrase here"))).unwrap();
    assert_eq!(report.left_as_they_were, vec![stray.clone()]);
    assert_eq!(
        std::fs::read(&stray).unwrap(),
        b"this is not a database, but it has a name like one"
    );
}

#[test]
fn a_damaged_encrypted_journal_is_reported_and_left_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    {
        let mut store = Store::open(dir, None).unwrap();
        for n in 0..200 {
            add(&mut store, &format!("entry {n} {}", "words ".repeat(60)));
        }
    }
    let key = pass("a passphrase here");
    change_encryption(dir, None, Some(&key)).unwrap();
    let path = dir.join(DATABASE_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[4096 * 6..4096 * 7] {
        *b = 0x11;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open_checked(dir, Some(&key)).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "never written to");
}
