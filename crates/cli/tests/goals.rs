//! `traj goal`, `traj milestone`, `traj pause`, `traj velocity` and `traj chart` as a person
//! runs them: real process, temporary data folder, exit codes and output.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn traj(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_traj"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = traj(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

/// Runs a command that must fail: one line on stderr containing `needle`.
fn fails(dir: &Path, args: &[&str], needle: &str) {
    let out = traj(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(needle), "{args:?}: {err:?}");
}

fn add_goal(dir: &Path) -> String {
    ok(
        dir,
        &[
            "goal",
            "add",
            "--title",
            "Staff engineer",
            "--here",
            "Senior",
            "--there",
            "Staff",
            "--start",
            "2025-01-01",
            "--target",
            "2027-12-31",
            "--cadence",
            "6",
        ],
    )
    .trim()
    .to_owned()
}

#[test]
fn goals_and_milestones_from_adding_to_achieving() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let goal = add_goal(d);
    assert!(goal.parse::<i64>().is_ok(), "prints the new id: {goal:?}");

    let created = json(
        d,
        &[
            "goal",
            "add",
            "--title",
            "Speak at a conference",
            "--target",
            "2026-12-31",
            "--start",
            "2026-01-01",
            "--json",
        ],
    );
    assert!(created["id"].as_i64().is_some());
    assert_eq!(created["status"], "active");
    assert_eq!(created["cadence_weeks"], Value::Null);

    let promotion = json(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            &goal,
            "--kind",
            "promotion",
            "--title",
            "Senior II",
            "--achieved",
            "2025-03-01",
            "--json",
        ],
    );
    assert_eq!(promotion["weight"], 3, "a promotion weighs 3 by default");
    assert_eq!(promotion["achieved_date"], "2025-03-01");
    let open = ok(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            &goal,
            "--kind",
            "skill",
            "--title",
            "Rust",
            "--weight",
            "2",
            "--planned",
            "2025-06-01",
        ],
    )
    .trim()
    .to_owned();
    let done = json(
        d,
        &[
            "milestone",
            "achieve",
            &open,
            "--date",
            "2025-05-20",
            "--json",
        ],
    );
    assert_eq!(done["achieved_date"], "2025-05-20");
    assert_eq!(done["weight"], 2);

    let skills = json(d, &["milestone", "list", "--kind", "skill", "--json"]);
    assert_eq!(skills.as_array().unwrap().len(), 1);
    let of_goal = json(d, &["milestone", "list", "--goal", &goal, "--json"]);
    assert_eq!(of_goal.as_array().unwrap().len(), 2);

    ok(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            &goal,
            "--kind",
            "raise",
            "--title",
            "Raise",
            "--planned",
            "2025-09-01",
        ],
    );
    let shown = json(
        d,
        &["goal", "show", &goal, "--as-of", "2025-06-01", "--json"],
    );
    assert_eq!(shown["goal"]["title"], "Staff engineer");
    assert_eq!(shown["milestones"].as_array().unwrap().len(), 3);
    let items = shown["forecast"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["title"], "Raise");
    assert!(items[0]["days_late"].as_i64().is_some());

    let list = ok(d, &["goal", "list"]);
    assert!(list.contains("Staff engineer") && list.contains("Speak at a conference"));
    let gone = json(d, &["goal", "status", &goal, "let go", "--json"]);
    assert_eq!(gone["status"], "let_go");
    assert_eq!(
        json(d, &["goal", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn bad_input_fails_with_one_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let goal = add_goal(d);
    fails(
        d,
        &[
            "goal",
            "add",
            "--title",
            "x",
            "--target",
            "2027-01-01",
            "--cadence",
            "0",
        ],
        "cannot be a cadence",
    );
    fails(
        d,
        &[
            "goal",
            "add",
            "--title",
            "x",
            "--target",
            "2027-01-01",
            "--cadence",
            "-3",
        ],
        "cannot be a cadence",
    );
    fails(
        d,
        &[
            "goal",
            "add",
            "--title",
            "x",
            "--start",
            "2027-01-01",
            "--target",
            "2026-01-01",
        ],
        "before the goal's start",
    );
    fails(
        d,
        &["goal", "add", "--title", " ", "--target", "2027-01-01"],
        "empty",
    );
    let milestone = |extra: &[&str]| {
        let mut args = vec![
            "milestone",
            "add",
            "--goal",
            goal.as_str(),
            "--title",
            "Step",
        ];
        args.extend_from_slice(extra);
        args.into_iter().map(str::to_owned).collect::<Vec<_>>()
    };
    for (extra, needle) in [
        (vec!["--kind", "vacation"], "not a kind of milestone"),
        (
            vec!["--kind", "skill", "--weight", "4"],
            "weight is 1, 2 or 3",
        ),
        (
            vec!["--kind", "skill", "--weight", "0"],
            "weight is 1, 2 or 3",
        ),
        (
            vec!["--kind", "skill", "--achieved", "2024-12-31"],
            "before the goal started",
        ),
        (
            vec!["--kind", "skill", "--achieved", "2999-01-01"],
            "in the future",
        ),
    ] {
        let args = milestone(&extra);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        fails(d, &refs, needle);
    }
    fails(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            "99",
            "--kind",
            "skill",
            "--title",
            "x",
        ],
        "No goal with id 99",
    );
    let m = ok(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            &goal,
            "--kind",
            "skill",
            "--title",
            "Rust",
        ],
    )
    .trim()
    .to_owned();
    fails(
        d,
        &["milestone", "achieve", &m, "--date", "2999-01-01"],
        "in the future",
    );
    fails(
        d,
        &["milestone", "achieve", &m, "--date", "2024-06-01"],
        "before the goal started",
    );
    fails(
        d,
        &[
            "pause",
            "add",
            "--start",
            "2025-03-10",
            "--end",
            "2025-03-01",
        ],
        "before it starts",
    );

    let goals = json(d, &["goal", "list", "--json"]);
    assert_eq!(goals.as_array().unwrap().len(), 1, "no goal was written");
    let milestones = json(d, &["milestone", "list", "--json"]);
    assert_eq!(
        milestones.as_array().unwrap().len(),
        1,
        "only the valid one"
    );
    assert_eq!(
        milestones[0]["achieved_date"],
        Value::Null,
        "a failed achieve wrote nothing"
    );
    assert_eq!(json(d, &["pause", "list", "--json"]), Value::Array(vec![]));
}

#[test]
fn velocity_json_has_exactly_the_documented_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let goal = add_goal(d);
    ok(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            &goal,
            "--kind",
            "skill",
            "--title",
            "Rust",
            "--achieved",
            "2025-03-01",
        ],
    );
    let v = json(d, &["velocity", "--as-of", "2025-03-01", "--json"]);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["as_of", "baseline", "series", "velocity"]);
    assert_eq!(v["as_of"], "2025-03-01");
    // One weight-1 milestone on the day: 30·λ with a 60-day half-life.
    let expected = 30.0 * std::f64::consts::LN_2 / 60.0;
    assert!((v["velocity"].as_f64().unwrap() - expected).abs() < 1e-9);
    // Less than a year in: the baseline is the goal's cadence, 30 / (7 · 6).
    assert!((v["baseline"].as_f64().unwrap() - 30.0 / 42.0).abs() < 1e-9);
    let series = v["series"].as_array().unwrap();
    assert_eq!(
        series.first().unwrap()["date"],
        "2025-01-01",
        "from the goal's start"
    );
    assert_eq!(series.last().unwrap()["date"], "2025-03-01");
    assert_eq!(series.len(), 60, "daily samples");
    for point in series {
        let mut keys: Vec<&str> = point
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["date", "velocity"]);
    }
    // A pause that covers the 30 days after the milestone freezes the clock.
    ok(
        d,
        &[
            "pause",
            "add",
            "--start",
            "2025-03-02",
            "--end",
            "2025-03-31",
            "--reason",
            "leave",
        ],
    );
    let frozen = json(d, &["velocity", "--as-of", "2025-03-31", "--json"]);
    let decayed_one_day = expected * (-std::f64::consts::LN_2 / 60.0).exp();
    assert!((frozen["velocity"].as_f64().unwrap() - decayed_one_day).abs() < 1e-9);
    // Other scopes: a kind without milestones reads zero; an unknown kind is an error.
    let raise = json(
        d,
        &[
            "velocity",
            "--as-of",
            "2025-03-01",
            "--kind",
            "raise",
            "--json",
        ],
    );
    assert_eq!(raise["velocity"], 0.0);
    fails(
        d,
        &["velocity", "--kind", "bonus"],
        "not a kind of milestone",
    );
}

#[test]
fn charts_are_written_as_svg_or_png_by_extension() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let goal = add_goal(d);
    ok(
        d,
        &[
            "milestone",
            "add",
            "--goal",
            &goal,
            "--kind",
            "project",
            "--title",
            "Platform",
            "--achieved",
            "2025-04-01",
        ],
    );
    ok(
        d,
        &[
            "entry",
            "add",
            "--date",
            "2025-04-01",
            "--text",
            "Shipped the platform",
        ],
    );
    for chart in ["velocity", "trajectory", "mood", "heatmap"] {
        let svg = d.join(format!("{chart}.svg"));
        let png = d.join(format!("{chart}.PNG"));
        let out = ok(
            d,
            &[
                "chart",
                chart,
                "--out",
                svg.to_str().unwrap(),
                "--as-of",
                "2025-06-01",
            ],
        );
        assert!(out.starts_with("Wrote"), "{out}");
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(text.starts_with("<svg"), "{chart}");
        ok(
            d,
            &[
                "chart",
                chart,
                "--out",
                png.to_str().unwrap(),
                "--as-of",
                "2025-06-01",
                "--theme",
                "dark",
            ],
        );
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
        let info = decoder.read_info().unwrap();
        let size = (info.info().width, info.info().height);
        if chart == "heatmap" {
            // The heatmap stops at its calendar (decision 0066): the width, at most the height.
            assert!(size.0 == 1600 && size.1 <= 900, "{chart}: {size:?}");
        } else {
            assert_eq!(size, (1600, 900), "{chart}");
        }
    }
    let jpg = d.join("chart.jpg");
    fails(
        d,
        &["chart", "velocity", "--out", jpg.to_str().unwrap()],
        "name the file .svg or .png",
    );
    assert!(!jpg.exists(), "nothing written");
    let svg = d.join("x.svg");
    fails(
        d,
        &[
            "chart",
            "velocity",
            "--out",
            svg.to_str().unwrap(),
            "--theme",
            "sepia",
        ],
        "not a theme",
    );
    assert!(!svg.exists());
}

#[test]
fn slumps_replay_a_steady_pace_then_a_long_silence() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let gid = ok(
        d,
        &[
            "goal",
            "add",
            "--title",
            "Lead",
            "--start",
            "2023-01-01",
            "--target",
            "2027-12-31",
            "--cadence",
            "4",
        ],
    );
    let gid = gid.trim();
    // A milestone every four weeks for two years, then nothing.
    let mut day = chrono::NaiveDate::from_ymd_opt(2023, 1, 20).unwrap();
    while day < chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() {
        ok(
            d,
            &[
                "milestone",
                "add",
                "--goal",
                gid,
                "--kind",
                "project",
                "--title",
                "step",
                "--achieved",
                &day.to_string(),
            ],
        );
        day += chrono::Duration::days(28);
    }
    let rows = json(d, &["slumps", "--as-of", "2025-12-31", "--json"]);
    let rows = rows.as_array().unwrap();
    let all = rows
        .iter()
        .find(|r| r["scope"] == "all")
        .expect("the overall scope raised a slump");
    assert_eq!(all["end"], Value::Null, "still open");
    assert!(all["detected_on"].as_str().unwrap() > "2025-01-01");
    assert!(all["surprise"].as_f64().unwrap() < 0.01);
    let keys: Vec<&String> = all.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5, "{keys:?}");
    let now = ok(d, &["slump", "--as-of", "2025-12-31"]);
    assert!(now.contains("slump"), "{now}");
    // Before the silence there is nothing to report for the overall pace.
    let rows = json(d, &["slumps", "--as-of", "2024-12-31", "--json"]);
    assert!(
        rows.as_array().unwrap().iter().all(|r| r["scope"] != "all"),
        "{rows}"
    );
}
