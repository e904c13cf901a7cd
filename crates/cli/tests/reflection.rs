//! `traj reflection list|show` over a journal with a reflection written in the store.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use trajectory_core::{
    MoveDraft, ReflectionStep, ReflectionTrigger, Strategy, ValidAnswer, parse_date,
};
use trajectory_store::Store;

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

#[test]
fn list_and_show_print_the_answers_and_moves() {
    let dir = tempfile::tempdir().unwrap();
    assert!(ok(dir.path(), &["reflection", "list"]).contains("No reflections yet"));
    let id = {
        let mut store = Store::open(dir.path(), None).unwrap();
        let r = store
            .start_reflection(&ReflectionTrigger::Slump {
                scope: "all".into(),
                detected_on: parse_date("2026-02-01").unwrap(),
            })
            .unwrap();
        let feeling = ValidAnswer::new(ReflectionStep::Accept, "feeling", "Restless".into());
        store
            .save_reflection_answer(r.id, &feeling.unwrap())
            .unwrap();
        store
            .choose_strategies(r.id, &[Strategy::WiderNetwork])
            .unwrap();
        let m = MoveDraft {
            strategy: Strategy::WiderNetwork,
            text: "Go to the local meetup".into(),
            due: "2026-03-20".into(),
        }
        .validate(parse_date("2026-03-14").unwrap(), None)
        .unwrap();
        store.add_move(r.id, &m).unwrap();
        r.id
    };
    let list: Value =
        serde_json::from_str(&ok(dir.path(), &["reflection", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["trigger"]["scope"], "all");
    let shown = ok(dir.path(), &["reflection", "show", &id.to_string()]);
    assert!(shown.contains("Restless"), "{shown}");
    assert!(shown.contains("Go to the local meetup"), "{shown}");
    assert!(shown.contains("due 2026-03-20"), "{shown}");
    let one: Value = serde_json::from_str(&ok(
        dir.path(),
        &["reflection", "show", &id.to_string(), "--json"],
    ))
    .unwrap();
    assert_eq!(one["moves"][0]["strategy"], "wider_network");
    assert_eq!(one["answers"][0]["text"], "Restless");
    let out = traj(dir.path(), &["reflection", "show", "99"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("No reflection with id 99"));
}
