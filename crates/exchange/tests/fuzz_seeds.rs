//! The seeds committed under `fuzz/seeds/` (scripts/fuzz starts each fuzz target from them)
//! are what they are meant to be: the edge-case files read without error, the bad ones are
//! refused with a typed error — so a seed never silently stops reaching the code it was
//! written for.

use std::path::Path;

use trajectory_exchange::{Format, Parsed, parse};

/// Every committed seed: its fuzz target's folder, its file, its format, and whether the
/// importer reads it (`true`) or refuses it.
const SEEDS: &[(&str, &str, Format, bool)] = &[
    ("jrnl_text", "edges.journal", Format::Jrnl, true),
    ("jrnl_text", "impossible-date.journal", Format::Jrnl, false),
    ("jrnl_json", "edges.json", Format::JrnlJson, true),
    ("jrnl_json", "bad-date.json", Format::JrnlJson, false),
    ("dayone_json", "edges.json", Format::DayOne, true),
    ("dayone_json", "unknown-zone.json", Format::DayOne, false),
    ("trajectory_json", "full.json", Format::Json, true),
    ("trajectory_json", "empty.json", Format::Json, true),
    ("trajectory_json", "newer-version.json", Format::Json, false),
];

fn seeds_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/seeds"))
}

#[test]
fn each_seed_is_read_or_refused_as_intended() {
    for (target, file, format, reads) in SEEDS {
        let bytes = std::fs::read(seeds_dir().join(target).join(file)).unwrap();
        let result = parse(*format, &bytes);
        assert_eq!(result.is_ok(), *reads, "{target}/{file}: {result:?}");
    }
}

#[test]
fn every_committed_seed_is_listed() {
    for target in std::fs::read_dir(seeds_dir()).unwrap() {
        let target = target.unwrap();
        for file in std::fs::read_dir(target.path()).unwrap() {
            let file = file.unwrap().file_name();
            let (target, file) = (target.file_name(), file.to_string_lossy().into_owned());
            assert!(
                SEEDS.iter().any(|(t, f, ..)| *t == target && *f == file),
                "fuzz/seeds/{}/{file} has no line in SEEDS",
                target.to_string_lossy()
            );
        }
    }
}

#[test]
fn the_edge_case_seeds_reach_what_they_were_written_for() {
    let read = |target: &str, file: &str, format: Format| {
        let bytes = std::fs::read(seeds_dir().join(target).join(file)).unwrap();
        parse(format, &bytes).unwrap()
    };
    let Parsed::Entries(jrnl) = read("jrnl_text", "edges.journal", Format::Jrnl) else {
        panic!("a jrnl journal gives entries")
    };
    assert_eq!(
        jrnl.entries.len(),
        6,
        "BOM, CRLF, AM/PM, seconds, month only, repeats"
    );
    assert_eq!(jrnl.approximate_dates, 1);
    assert!(jrnl.entries[5].source_key.ends_with("#2"));
    let Parsed::Snapshot(snapshot) = read("trajectory_json", "full.json", Format::Json) else {
        panic!("a Trajectory file gives a snapshot")
    };
    assert_eq!(
        (
            snapshot.entries.len(),
            snapshot.goals.len(),
            snapshot.milestones.len(),
            snapshot.paused_periods.len(),
            snapshot.templates.len()
        ),
        (2, 2, 2, 2, 1)
    );
}
