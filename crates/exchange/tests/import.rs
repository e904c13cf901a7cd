//! Importing the project's own fixtures into a real journal: counts, dates, tags, media,
//! re-imports that add nothing, and malformed files that write nothing.

use std::path::{Path, PathBuf};

use trajectory_core::{Entry, ErrorCode};
use trajectory_exchange::{Format, import_file};
use trajectory_store::Store;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn all_entries(store: &Store) -> Vec<Entry> {
    let mut entries = store.timeline(None, 500).unwrap().entries;
    entries.reverse();
    entries
}

#[test]
fn a_jrnl_journal_then_its_json_export_imports_once() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), None).unwrap();
    let mut seen = Vec::new();
    let report = import_file(
        &mut store,
        Format::Jrnl,
        &fixture("career.journal"),
        &mut |done, total| seen.push((done, total)),
    )
    .unwrap();
    assert_eq!(report.imported, 4);
    assert_eq!(report.approximate_dates, 1);
    assert_eq!(seen.last(), Some(&(4, 4)));
    let entries = all_entries(&store);
    assert_eq!(entries[0].entry_date.to_string(), "2023-01-09");
    assert_eq!(entries[0].tags, ["Priya", "migration"]);
    assert!(
        entries[0]
            .body
            .starts_with("First week on the platform team.\nMet @Priya")
    );
    assert_eq!(entries[1].tags, ["migration", "starred"]);
    assert_eq!(entries[2].entry_date.to_string(), "2023-03-01");
    assert!(
        entries[3]
            .body
            .contains("[2] \"Could delegate more\"\n## Next steps")
    );

    let again = import_file(
        &mut store,
        Format::Jrnl,
        &fixture("career.journal"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((again.imported, again.already_present), (0, 4));
    let json = import_file(
        &mut store,
        Format::JrnlJson,
        &fixture("career.jrnl.json"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(
        (json.imported, json.already_present),
        (0, 4),
        "same journal, other format"
    );
    assert_eq!(all_entries(&store).len(), 4);
}

#[test]
fn a_day_one_export_and_its_zip_import_once_with_local_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), None).unwrap();
    let report = import_file(
        &mut store,
        Format::DayOne,
        &fixture("career-dayone.json"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((report.imported, report.empty), (2, 1));
    assert_eq!(report.media_not_imported, 4);
    let entries = all_entries(&store);
    assert_eq!(
        entries[0].entry_date.to_string(),
        "2024-06-04",
        "08:15 in Sydney"
    );
    assert_eq!(entries[0].tags, ["career", "promotion", "starred"]);
    assert!(
        entries[0]
            .body
            .contains("is ready. Next step: calibration!"),
        "{}",
        entries[0].body
    );
    assert!(entries[0].body.contains("*(media not imported)*"));
    assert!(entries[0].body.contains("1\\. not a list"));
    assert_eq!(
        entries[0].created_at.to_rfc3339(),
        "2024-06-03T22:15:00+00:00"
    );
    assert_eq!(entries[1].entry_date.to_string(), "2024-06-10");
    assert_eq!(
        entries[1].body,
        "Mentored two new hires on the on-call rotation (their first week)."
    );

    let zip = import_file(
        &mut store,
        Format::DayOne,
        &fixture("career-dayone.zip"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(
        (zip.imported, zip.already_present, zip.media_not_imported),
        (0, 2, 4)
    );
}

#[test]
fn a_malformed_day_one_file_is_refused_naming_the_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), None).unwrap();
    import_file(
        &mut store,
        Format::Jrnl,
        &fixture("career.journal"),
        &mut |_, _| {},
    )
    .unwrap();
    let before = store.snapshot(chrono::DateTime::UNIX_EPOCH).unwrap();
    let err = import_file(
        &mut store,
        Format::DayOne,
        &fixture("malformed-dayone.json"),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidImport);
    assert!(err.to_string().contains("line 4"), "{err}");
    assert!(err.to_string().contains("ends in the middle"), "{err}");
    assert_eq!(
        store.snapshot(chrono::DateTime::UNIX_EPOCH).unwrap(),
        before
    );
    // The wrong format for a file is refused too.
    let err = import_file(
        &mut store,
        Format::DayOne,
        &fixture("career.jrnl.json"),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidImport);
    let err = import_file(
        &mut store,
        Format::Json,
        &fixture("career-dayone.json"),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert!(err.to_string().contains("not a Trajectory export"), "{err}");
    let err = import_file(
        &mut store,
        Format::Jrnl,
        &fixture("nope.journal"),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::StorageUnavailable);
    assert_eq!(
        store.snapshot(chrono::DateTime::UNIX_EPOCH).unwrap(),
        before
    );
}
