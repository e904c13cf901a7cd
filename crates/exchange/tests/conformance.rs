//! Conformance on real files made by jrnl and Day One, read from `../shared/fixtures` beside
//! the repository (never copied into it: their licences differ). When the folder is absent
//! each test says so and passes without checking anything.

use std::path::{Path, PathBuf};

use trajectory_core::ErrorCode;
use trajectory_exchange::{Format, Parsed, ParsedEntries, import_file, parse};
use trajectory_store::Store;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: the shared fixtures folder {} is absent; conformance with real jrnl and Day One files was not checked",
            dir.display()
        );
        None
    }
}

fn entries(format: Format, path: &Path) -> ParsedEntries {
    match parse(format, &std::fs::read(path).unwrap()).unwrap() {
        Parsed::Entries(e) => e,
        Parsed::Snapshot(_) => unreachable!("not a Trajectory file"),
    }
}

#[test]
fn jrnl_journals_and_their_json_exports_agree() {
    let Some(dir) = shared() else { return };
    for name in ["basic_onefile", "mostlyreadabledates", "multiline"] {
        let text = entries(Format::Jrnl, &dir.join(format!("jrnl/{name}.journal")));
        let json = entries(
            Format::JrnlJson,
            &dir.join(format!("jrnl/{name}.export.json")),
        );
        assert_eq!(text.entries.len(), json.entries.len(), "{name}");
        let mut from_text: Vec<_> = text
            .entries
            .iter()
            .map(|e| {
                (
                    e.source_key.clone(),
                    e.draft.entry_date.clone(),
                    e.draft.tags.clone(),
                )
            })
            .collect();
        let mut from_json: Vec<_> = json
            .entries
            .iter()
            .map(|e| {
                let tags = e.draft.tags.iter().map(|t| t.to_lowercase()).collect();
                (e.source_key.clone(), e.draft.entry_date.clone(), tags)
            })
            .collect();
        // jrnl sorts its export by date; the journal file keeps the order written.
        from_text.sort();
        from_json.sort();
        assert_eq!(from_text, from_json, "{name}");
    }
}

#[test]
fn jrnl_details_come_through() {
    let Some(dir) = shared() else { return };
    let basic = entries(Format::Jrnl, &dir.join("jrnl/basic_onefile.journal"));
    assert_eq!(basic.entries.len(), 3);
    assert_eq!(basic.entries[1].draft.tags, ["tagtwo", "starred"]);
    assert!(basic.entries[2].draft.body.contains("💯 🎶 💩"));
    let dates = entries(Format::Jrnl, &dir.join("jrnl/mostlyreadabledates.journal"));
    assert_eq!(dates.approximate_dates, 1);
    assert_eq!(dates.entries[2].draft.entry_date, "2019-07-01");
    let brackets = entries(Format::Jrnl, &dir.join("jrnl/brackets.journal"));
    assert_eq!(brackets.entries.len(), 1);
    assert_eq!(
        brackets.entries[0].draft.body,
        "Entry subject\n[1] line starting with 1"
    );
    let deletion = entries(Format::Jrnl, &dir.join("jrnl/deletion.journal"));
    assert_eq!(deletion.entries.len(), 3);
    let multiline = entries(Format::Jrnl, &dir.join("jrnl/multiline.journal"));
    assert_eq!(
        multiline.entries[0].draft.body,
        "Multiple line entry.\nThis is the first line.\nThis line doesn't have any ending punctuation\n\nThere is a blank line above this."
    );
}

#[test]
fn every_jrnl_file_imports_and_reimports_without_duplicates() {
    let Some(dir) = shared() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), None).unwrap();
    let mut total = 0;
    for name in [
        "basic_onefile",
        "brackets",
        "deletion",
        "mostlyreadabledates",
        "multiline",
    ] {
        let report = import_file(
            &mut store,
            Format::Jrnl,
            &dir.join(format!("jrnl/{name}.journal")),
            &mut |_, _| {},
        )
        .unwrap();
        total += report.imported;
    }
    assert_eq!(total, 3 + 1 + 3 + 3 + 1);
    for name in ["basic_onefile", "mostlyreadabledates", "multiline"] {
        let report = import_file(
            &mut store,
            Format::JrnlJson,
            &dir.join(format!("jrnl/{name}.export.json")),
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(
            report.imported, 0,
            "{name}: already imported from the journal file"
        );
    }
    assert_eq!(
        store.timeline(None, 100).unwrap().entries.len() as u64,
        total
    );
}

#[test]
fn day_one_exports_import_with_media_counted() {
    let Some(dir) = shared() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), None).unwrap();
    let json = import_file(
        &mut store,
        Format::DayOne,
        &dir.join("dayone/Fictional Journal.json"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((json.imported, json.media_not_imported), (3, 1));
    let zip = import_file(
        &mut store,
        Format::DayOne,
        &dir.join("dayone/day-one-fictional.zip"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(
        (zip.imported, zip.already_present, zip.media_not_imported),
        (0, 3, 1)
    );
    let mine = import_file(
        &mut store,
        Format::DayOne,
        &dir.join("dayone/MyJournal.json"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!((mine.imported, mine.media_not_imported), (1, 4));
    let timeline = store.timeline(None, 10).unwrap().entries;
    let garden = timeline
        .iter()
        .find(|e| e.body.starts_with("# Lantern Garden"))
        .unwrap();
    assert_eq!(garden.tags, ["fictional", "sample", "garden", "starred"]);
    assert_eq!(garden.entry_date.to_string(), "2031-04-05");
    let robot = timeline
        .iter()
        .find(|e| e.body.contains("<script>"))
        .unwrap();
    assert!(
        robot.body.contains("<strong>imaginary bold shelf</strong>"),
        "kept as text"
    );
    let test = timeline.iter().find(|e| e.body == "test text").unwrap();
    assert_eq!(test.entry_date.to_string(), "2018-04-21", "18:57 in London");
}

#[test]
fn the_invalid_day_one_file_is_refused_and_nothing_is_written() {
    let Some(dir) = shared() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), None).unwrap();
    let err = import_file(
        &mut store,
        Format::DayOne,
        &dir.join("dayone/invalid.json"),
        &mut |_, _| {},
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidImport);
    assert!(err.to_string().contains("line"), "{err}");
    assert!(store.timeline(None, 10).unwrap().entries.is_empty());
    assert!(
        store
            .snapshot(chrono::DateTime::UNIX_EPOCH)
            .unwrap()
            .entries
            .is_empty()
    );
}
