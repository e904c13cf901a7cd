//! Every importer fed random bytes, and random text shaped like its format: it may refuse,
//! but it never panics. A quick stand-in that runs in every `cargo test`; the coverage-guided
//! fuzzing is `scripts/fuzz` (docs/SECURITY.md, "Fuzzing").

use proptest::prelude::*;
use trajectory_exchange::{Format, parse};

fn never_panics(format: Format, bytes: &[u8]) {
    let _ = parse(format, bytes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for format in Format::ALL {
            never_panics(format, &bytes);
        }
    }

    #[test]
    fn jrnl_shaped_text(lines in proptest::collection::vec(
        prop_oneof![
            "\\[[0-9]{4}-[0-9]{2}(-[0-9]{2})?( [0-9]{1,2}:[0-9]{2}( ?[AaPp][Mm])?)?\\][ -~]{0,40}",
            "[ -~@#*\\[\\]\u{00e9}\u{1F4AF}]{0,60}",
        ],
        0..30,
    )) {
        never_panics(Format::Jrnl, lines.join("\n").as_bytes());
    }

    #[test]
    fn json_shaped_text(
        date in "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        time in "[0-9]{2}:[0-9]{2}",
        text in "[ -~\u{00e9}\\\\]{0,80}",
        zone in "[A-Za-z_/]{0,20}",
    ) {
        let jrnl = serde_json::json!({"entries": [{"title": text, "body": text, "date": date, "time": time, "tags": [text], "starred": true}]});
        never_panics(Format::JrnlJson, jrnl.to_string().as_bytes());
        let dayone = serde_json::json!({"metadata": {}, "entries": [{"uuid": text, "creationDate": format!("{date}T{time}:00Z"), "timeZone": zone, "text": text, "tags": [text]}]});
        never_panics(Format::DayOne, dayone.to_string().as_bytes());
        let ours = serde_json::json!({"format": "trajectory", "version": 1, "journal_id": text, "exported_at": "2026-01-01T00:00:00Z",
            "entries": [{"id": 1, "entry_date": date, "body": text, "tags": [], "mood": null, "progress": null,
                         "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z", "deleted_at": null, "revisions": []}],
            "goals": [], "milestones": [], "paused_periods": [], "templates": []});
        never_panics(Format::Json, ours.to_string().as_bytes());
    }

    #[test]
    fn damaged_zips(cut in 0usize..1000, flip in 0usize..1000, value in any::<u8>()) {
        let zip = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/career-dayone.zip")).unwrap();
        let mut bytes = zip.clone();
        let at = flip % bytes.len();
        bytes[at] = value;
        never_panics(Format::DayOne, &bytes);
        never_panics(Format::DayOne, &zip[..cut.min(zip.len())]);
    }
}

#[test]
fn the_day_one_unescape_and_media_rewrites_never_panic_on_edge_text() {
    for text in [
        "\\",
        "\\\\",
        "![",
        "![](",
        "![](dayone-moment:",
        "\n\\#",
        "1\\.",
        "é\\é",
        "\\\u{1F4AF}",
    ] {
        let _ = trajectory_exchange::dayone::unescape(text);
        let _ = trajectory_exchange::dayone::replace_media_links(text);
    }
}
