//! Exports from a real journal: JSON that round-trips through an empty data folder to the
//! same file, the Markdown folder, and the review packet.

use std::path::Path;

use chrono::{DateTime, Utc};
use trajectory_core::{EntryDraft, GoalDraft, MilestoneDraft, PausedDraft, TemplateDraft};
use trajectory_exchange::{DayRange, ExportFormat, Format, export, import_file};
use trajectory_store::Store;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn d(s: &str) -> chrono::NaiveDate {
    trajectory_core::parse_date(s).unwrap()
}

/// A journal with imported and written entries, a revision, the trash, a goal with linked
/// milestones, a removed pause and a template.
fn journal(dir: &Path) -> Store {
    let mut store = Store::open(dir, None).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    import_file(
        &mut store,
        Format::Jrnl,
        &fixtures.join("career.journal"),
        &mut |_, _| {},
    )
    .unwrap();
    let entry = |date: &str, body: &str, mood| {
        EntryDraft {
            entry_date: date.into(),
            body: body.into(),
            tags: vec!["work".into(), "Growth: \"next\"".into()],
            mood,
            progress: Some(3),
        }
        .validate()
        .unwrap()
    };
    let a = store
        .create_entry(&entry("2026-02-02", "# Launch day\n\nShipped it.", Some(5)))
        .unwrap();
    store
        .update_entry(
            a.id,
            &entry(
                "2026-02-02",
                "# Launch day\n\nShipped it. <b>Finally</b>.",
                Some(5),
            ),
        )
        .unwrap();
    let b = store
        .create_entry(&entry("2026-02-03", "Second thoughts", None))
        .unwrap();
    store.trash_entry(b.id).unwrap();
    let goal = store
        .create_goal(
            &GoalDraft {
                title: "Staff engineer".into(),
                here: "Senior".into(),
                there: "Staff".into(),
                start_date: Some("2026-01-01".into()),
                target_date: "2027-06-30".into(),
                cadence_weeks: Some(8),
            }
            .validate(d("2026-06-01"))
            .unwrap(),
        )
        .unwrap();
    let m = store
        .add_milestone(
            goal.id,
            &MilestoneDraft {
                kind: "project".into(),
                title: "Launch the new deploy pipeline".into(),
                weight: None,
                planned_date: Some("2026-01-31".into()),
                achieved_date: Some("2026-02-02".into()),
                notes: "Led a team of four.".into(),
            }
            .validate(goal.start_date, d("2026-06-01"))
            .unwrap(),
        )
        .unwrap();
    store.link_milestone_entry(m.id, a.id).unwrap();
    store
        .add_milestone(
            goal.id,
            &MilestoneDraft {
                kind: "promotion".into(),
                title: "Staff title".into(),
                weight: None,
                planned_date: Some("2027-06-01".into()),
                achieved_date: None,
                notes: String::new(),
            }
            .validate(goal.start_date, d("2026-06-01"))
            .unwrap(),
        )
        .unwrap();
    let p = store
        .add_paused_period(
            &PausedDraft {
                start: "2026-03-01".into(),
                end: None,
                reason: "leave".into(),
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    store
        .add_paused_period(
            &PausedDraft {
                start: "2025-03-01".into(),
                end: Some("2025-03-09".into()),
                reason: "flu".into(),
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    store.delete_paused_period(p.id).unwrap();
    store
        .save_template(TemplateDraft {
            name: "1:1".into(),
            body: "## Topics\n".into(),
        })
        .unwrap();
    store
}

#[test]
fn json_export_import_into_an_empty_folder_export_again_is_the_same_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = journal(&tmp.path().join("a"));
    let first = tmp.path().join("first.json");
    let summary = export(
        &store,
        ExportFormat::Json,
        &first,
        DayRange::default(),
        now(),
    )
    .unwrap();
    assert_eq!(summary.entries, 6);

    let mut copy = Store::open(&tmp.path().join("b"), None).unwrap();
    let report = import_file(&mut copy, Format::Json, &first, &mut |_, _| {}).unwrap();
    assert_eq!((report.imported, report.other_items), (6, 6));
    let second = tmp.path().join("second.json");
    export(
        &copy,
        ExportFormat::Json,
        &second,
        DayRange::default(),
        now(),
    )
    .unwrap();
    let (first, second) = (
        std::fs::read_to_string(first).unwrap(),
        std::fs::read_to_string(second).unwrap(),
    );
    assert_eq!(first, second);
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["format"], "trajectory");
    assert_eq!(value["version"], 1);
    assert!(
        value["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["revisions"].as_array().unwrap().len() == 1)
    );
    assert!(
        value["entries"][0]["source_key"]
            .as_str()
            .unwrap()
            .starts_with("jrnl:")
    );
    // The jrnl file imported into the copy adds nothing: its keys came along.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let again = import_file(
        &mut copy,
        Format::Jrnl,
        &fixtures.join("career.journal"),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(again.imported, 0);
    // A range makes no sense for the whole-journal export.
    let range = DayRange {
        from: Some(d("2026-01-01")),
        to: None,
    };
    assert!(
        export(
            &store,
            ExportFormat::Json,
            &tmp.path().join("x.json"),
            range,
            now()
        )
        .is_err()
    );
}

#[test]
fn markdown_folder_has_front_matter_and_links() {
    let tmp = tempfile::tempdir().unwrap();
    let store = journal(&tmp.path().join("a"));
    let out = tmp.path().join("md");
    let summary = export(
        &store,
        ExportFormat::Markdown,
        &out,
        DayRange::default(),
        now(),
    )
    .unwrap();
    assert_eq!(summary.entries, 5, "the trash stays out");
    let launch = std::fs::read_dir(out.join("entries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("launch-day"))
        .unwrap();
    let text = std::fs::read_to_string(&launch).unwrap();
    assert!(text.starts_with("---\ndate: 2026-02-02\ntags: [\"work\", \"Growth: \\\"next\\\"\"]\nmood: 5\nprogress: 3\n"), "{text}");
    assert!(text.contains("milestones: [\"Launch the new deploy pipeline\"]"));
    assert!(text.ends_with("---\n\n# Launch day\n\nShipped it. <b>Finally</b>.\n"));
    let goal = std::fs::read_to_string(out.join("goals/0001-staff-engineer.md")).unwrap();
    assert!(goal.contains("- [x] [Launch the new deploy pipeline](../milestones/00001-launch-the-new-deploy-pipeline.md)"), "{goal}");
    assert!(goal.contains("- [ ] [Staff title]"));
    let milestone =
        std::fs::read_to_string(out.join("milestones/00001-launch-the-new-deploy-pipeline.md"))
            .unwrap();
    let link = launch
        .strip_prefix(&out)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(milestone.contains(&format!("(../{link})")), "{milestone}");
    let index = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(index.contains("2025-03-01 → 2025-03-09: flu") && !index.contains("leave"));
    // Never into a folder that has something in it.
    let err = export(
        &store,
        ExportFormat::Markdown,
        &out,
        DayRange::default(),
        now(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    // A range keeps only the entries in it.
    let ranged = tmp.path().join("md-2026");
    let range = DayRange {
        from: Some(d("2026-01-01")),
        to: None,
    };
    assert_eq!(
        export(&store, ExportFormat::Markdown, &ranged, range, now())
            .unwrap()
            .entries,
        1
    );
}

#[test]
fn review_packet_in_markdown_and_html() {
    let tmp = tempfile::tempdir().unwrap();
    let store = journal(&tmp.path().join("a"));
    let range = DayRange {
        from: Some(d("2026-01-01")),
        to: Some(d("2026-03-31")),
    };
    let md = tmp.path().join("review.md");
    export(&store, ExportFormat::Review, &md, range, now()).unwrap();
    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        md.contains("## Staff engineer")
            && md.contains("### 2026-02-02 — Launch the new deploy pipeline"),
        "{md}"
    );
    assert!(md.contains("> Shipped it. <b>Finally</b>."));
    let html = tmp.path().join("review.html");
    export(&store, ExportFormat::Review, &html, range, now()).unwrap();
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("Shipped it. &lt;b&gt;Finally&lt;/b&gt;."));
    let none = tmp.path().join("2020.md");
    let range = DayRange {
        from: Some(d("2020-01-01")),
        to: Some(d("2020-12-31")),
    };
    export(&store, ExportFormat::Review, &none, range, now()).unwrap();
    assert!(
        std::fs::read_to_string(none)
            .unwrap()
            .contains("No milestones were achieved")
    );
}
