//! The app's command handlers through Tauri's mock runtime: real IPC serialisation, real
//! store on a temporary data folder, no window.

use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::{InvokeRequest, WebviewWindow, WebviewWindowBuilder};
use trajectory_app::{AppState, app_handlers};

struct TestApp {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn app() -> TestApp {
    app_on(tempfile::tempdir().unwrap())
}

/// The app on an existing data folder (a relaunch, when the folder came from an earlier app).
fn app_on(dir: tempfile::TempDir) -> TestApp {
    // The day's backup is written at once: these tests do not draw a first screen to spare.
    app_with(
        AppState::open_with_backup_delay(Some(dir.path().to_path_buf()), std::time::Duration::ZERO),
        dir,
    )
}

/// The app on `dir` with `state` (opened on it).
fn app_with(state: AppState, dir: tempfile::TempDir) -> TestApp {
    app_in(mock_context(noop_assets()), state, dir)
}

/// [`app_with`] built from `context` (its assets, its config).
fn app_in(
    context: tauri::Context<MockRuntime>,
    state: AppState,
    dir: tempfile::TempDir,
) -> TestApp {
    let app = mock_builder()
        .manage(state)
        .invoke_handler(app_handlers!())
        .build(context)
        .unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    TestApp {
        _app: app,
        window,
        _dir: dir,
    }
}

fn call(app: &TestApp, cmd: &str, args: Value) -> Result<Value, Value> {
    call_in(&app.window, cmd, args)
}

/// [`call`] through a window alone (a clone of it can go to another thread).
fn call_in(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// The bodies of the entries on a page `list_entries` answered, in order.
fn bodies_of(page: &Value) -> Vec<&str> {
    page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap())
        .collect()
}

fn draft(date: &str, body: &str) -> Value {
    json!({ "entry_date": date, "body": body, "tags": ["work"] })
}

#[test]
fn create_then_list_returns_the_entry_newest_first() {
    let app = app();
    let first = call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "older") }),
    )
    .unwrap();
    assert!(first["id"].is_number());
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-15", "newer") }),
    )
    .unwrap();
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 50 })).unwrap();
    let bodies = bodies_of(&page);
    assert_eq!(bodies, ["newer", "older"]);
    assert_eq!(page["next"], Value::Null);
}

#[test]
fn bad_input_is_a_typed_error_and_writes_nothing() {
    let app = app();
    let cases = [
        (draft("2026-03-14", "   "), "empty_body"),
        (draft("2026-02-30", "text"), "invalid_date"),
        (
            draft("2026-03-14", &"x".repeat(1024 * 1024 + 1)),
            "body_too_large",
        ),
    ];
    for (d, code) in cases {
        let err = call(&app, "create_entry", json!({ "draft": d })).unwrap_err();
        assert_eq!(err["code"], code, "{err}");
        assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 50 })).unwrap();
    assert_eq!(page["entries"], json!([]));
}

#[test]
fn trash_and_restore_round_trip_with_not_found_for_unknown_ids() {
    let app = app();
    let e = call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "keep me") }),
    )
    .unwrap();
    let id = e["id"].clone();
    let trashed = call(&app, "trash_entry", json!({ "id": id })).unwrap();
    assert!(trashed["deleted_at"].is_string());
    assert_eq!(
        call(&app, "list_trash", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let err = call(
        &app,
        "update_entry",
        json!({ "id": id, "draft": draft("2026-03-14", "x") }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "in_trash");
    call(&app, "restore_entry", json!({ "id": id })).unwrap();
    let got = call(&app, "get_entry", json!({ "id": id })).unwrap();
    assert_eq!(got["deleted_at"], Value::Null);
    let err = call(&app, "get_entry", json!({ "id": 999 })).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn app_info_reports_the_data_folder() {
    let app = app();
    let info = call(&app, "app_info", json!({})).unwrap();
    assert!(info["data_dir"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn identifier_matches_the_store_default_folder_name() {
    let conf: Value =
        serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json parses");
    assert_eq!(conf["identifier"], trajectory_store::APP_IDENTIFIER);
}

#[test]
fn csp_allows_only_local_sources() {
    let conf: Value =
        serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json parses");
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("csp is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    // The IPC channel is the only non-'self' origin (`ipc:` on Linux, ipc.localhost elsewhere).
    let allowed = ["'self'", "'none'", "data:", "ipc:", "http://ipc.localhost"];
    for (directive, value) in csp {
        for source in value.as_str().unwrap().split_whitespace() {
            assert!(allowed.contains(&source), "{directive} allows {source}");
        }
    }
}

fn names_in(text: &str, prefix: &str, suffix: &str) -> std::collections::BTreeSet<String> {
    text.split(prefix)
        .skip(1)
        .filter_map(|rest| rest.split(suffix).next())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

#[test]
fn the_window_is_granted_nothing_of_the_plugins() {
    // Files are chosen and notifications sent from Rust; the plugins' page scripts, which
    // would call them, are left out of the window (`rust_side`, decision 0068).
    let capability: Value =
        serde_json::from_str(include_str!("../src-tauri/capabilities/main.json")).unwrap();
    let of_plugins: Vec<&str> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| p.contains(':') && !p.starts_with("core:"))
        .collect();
    assert!(of_plugins.is_empty(), "{of_plugins:?}");
}

/// The command list lives in three places (the handler macro, build.rs for the permission
/// manifest, the capability file); this guards against one of them drifting.
#[test]
fn every_handler_is_declared_and_granted_exactly_once() {
    let lib = include_str!("../src-tauri/src/lib.rs");
    let build = include_str!("../src-tauri/build.rs");
    let capability: Value =
        serde_json::from_str(include_str!("../src-tauri/capabilities/main.json")).unwrap();
    let handlers: std::collections::BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("$crate::commands::"))
        .filter_map(|l| {
            l.trim_end_matches(',')
                .rsplit("::")
                .next()
                .map(str::to_owned)
        })
        .collect();
    let declared = names_in(build, "\"", "\"");
    let granted: std::collections::BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str().unwrap().strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    assert!(handlers.len() >= 20, "{handlers:?}");
    assert_eq!(handlers, declared, "build.rs commands vs app_handlers!");
    assert_eq!(handlers, granted, "capability permissions vs app_handlers!");
}

#[test]
fn search_mends_malformed_text_and_filters() {
    let app = app();
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "Met my new manager today") }),
    )
    .unwrap();
    let q = |text: &str| {
        json!({ "query": { "text": text, "tags": [], "from": null, "to": null,
        "min_mood": null, "max_mood": null, "min_progress": null, "max_progress": null, "limit": null } })
    };
    let r = call(&app, "search", q("\"new manager")).unwrap();
    assert_eq!(r["hits"].as_array().unwrap().len(), 1);
    assert!(r["hint"].as_str().unwrap().contains("unclosed"));
    let hit_words: Vec<&str> = r["hits"][0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["hit"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        hit_words,
        ["new manager"],
        "the phrase is marked as one run"
    );
    let err = call(&app, "search", json!({ "query": { "text": "x", "tags": [], "from": "2026-02-30", "to": null,
        "min_mood": null, "max_mood": null, "min_progress": null, "max_progress": null, "limit": null } })).unwrap_err();
    assert_eq!(err["code"], "invalid_date");
}

#[test]
fn drafts_revisions_and_templates_round_trip() {
    let app = app();
    let e = call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "v1") }),
    )
    .unwrap();
    let id = e["id"].clone();
    call(
        &app,
        "save_draft",
        json!({ "draft": { "entry_id": id, "entry_date": "2026-03-14",
        "body": "v2 being typed", "tags": [], "mood": null, "progress": null } }),
    )
    .unwrap();
    let pending = call(&app, "pending_drafts", json!({})).unwrap();
    assert_eq!(pending[0]["body"], "v2 being typed");
    call(
        &app,
        "update_entry",
        json!({ "id": id, "draft": draft("2026-03-14", "v2 being typed") }),
    )
    .unwrap();
    assert_eq!(call(&app, "pending_drafts", json!({})).unwrap(), json!([]));
    let revs = call(&app, "list_revisions", json!({ "id": id })).unwrap();
    assert_eq!(revs[0]["body"], "v1");
    let restored = call(
        &app,
        "restore_revision",
        json!({ "revisionId": revs[0]["id"] }),
    )
    .unwrap();
    assert_eq!(restored["body"], "v1");
    let t = call(
        &app,
        "save_template",
        json!({ "template": { "name": "1:1", "body": "## Topics" } }),
    )
    .unwrap();
    let all = call(&app, "list_templates", json!({})).unwrap();
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .any(|x| x["name"] == "Weekly check-in")
    );
    call(&app, "delete_template", json!({ "id": t["id"] })).unwrap();
    let err = call(
        &app,
        "save_template",
        json!({ "template": { "name": " ", "body": "" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_template");
}

#[test]
fn markdown_preview_is_a_tree_and_links_are_checked() {
    let app = app();
    let nodes = call(
        &app,
        "render_markdown",
        json!({ "body": "<script>x</script>\n\n[a](javascript:alert(1))" }),
    )
    .unwrap();
    let text = nodes.to_string();
    assert!(
        text.contains("<script>x</script>"),
        "raw HTML stays text: {text}"
    );
    assert!(
        text.contains("\"href\":null"),
        "javascript: link is not live: {text}"
    );
    let err = call(&app, "open_link", json!({ "url": "javascript:alert(1)" })).unwrap_err();
    assert_eq!(err["code"], "link_not_allowed");
}

#[test]
fn goals_milestones_velocity_and_charts() {
    let app = app();
    let goal = call(&app, "create_goal", json!({ "draft": { "title": "Staff engineer", "here": "Senior",
        "there": "Staff", "start_date": "2025-01-01", "target_date": "2027-01-01", "cadence_weeks": 8 } }))
    .unwrap();
    let gid = goal["id"].clone();
    let m = call(&app, "add_milestone", json!({ "goalId": gid, "draft": { "kind": "project", "title": "Led the migration",
        "weight": null, "planned_date": "2025-06-01", "achieved_date": "2025-05-20", "notes": "" } }))
    .unwrap();
    assert_eq!(m["weight"], 2, "a project weighs 2 by default");
    // Bad input: typed errors, nothing written.
    for (draft, code) in [
        (
            json!({ "kind": "skill", "title": "x", "weight": 5, "planned_date": null, "achieved_date": null, "notes": "" }),
            "invalid_weight",
        ),
        (
            json!({ "kind": "fame", "title": "x", "weight": null, "planned_date": null, "achieved_date": null, "notes": "" }),
            "unknown_kind",
        ),
        (
            json!({ "kind": "skill", "title": "x", "weight": null, "planned_date": null, "achieved_date": "2999-01-01", "notes": "" }),
            "achieved_in_future",
        ),
        (
            json!({ "kind": "skill", "title": "x", "weight": null, "planned_date": null, "achieved_date": "2024-01-01", "notes": "" }),
            "achieved_before_start",
        ),
    ] {
        let err = call(
            &app,
            "add_milestone",
            json!({ "goalId": gid, "draft": draft }),
        )
        .unwrap_err();
        assert_eq!(err["code"], code, "{err}");
    }
    assert_eq!(
        call(&app, "list_milestones", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let err = call(
        &app,
        "create_goal",
        json!({ "draft": { "title": "x", "here": "", "there": "", "start_date": null,
        "target_date": "2027-01-01", "cadence_weeks": 0 } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_cadence");

    let summary = call(&app, "get_goal_summary", json!({ "id": gid })).unwrap();
    assert_eq!(summary["milestones"].as_array().unwrap().len(), 1);
    let v = call(
        &app,
        "get_velocity",
        json!({ "goalId": null, "milestoneKind": null }),
    )
    .unwrap();
    assert!(
        v["series"].as_array().unwrap().len() > 50,
        "weekly samples since the goal began"
    );
    for chart in ["velocity", "trajectory", "mood", "heatmap"] {
        let view = call(
            &app,
            "get_chart",
            json!({ "query": { "chart": chart, "goal_id": null, "milestone_kind": null,
            "range": "one_year", "theme": "dark" } }),
        )
        .unwrap();
        assert!(view["svg"].as_str().unwrap().starts_with("<svg"), "{chart}");
        assert!(!view["description"].as_str().unwrap().is_empty(), "{chart}");
    }
}

#[test]
fn starting_the_app_makes_the_daily_backup() {
    let app = app();
    // The day's backup is written shortly after the journal opens; the list waits for it.
    let status = call(&app, "journal_status", json!({})).unwrap();
    assert_eq!(status["state"], "open", "{status}");
    let listed = call(&app, "list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    let backups = trajectory_store::backup::list_backups(app._dir.path()).unwrap();
    assert_eq!(backups.len(), 1, "one backup on first start: {backups:?}");
    drop(app);
}

/// A data folder whose journal holds one entry written on 2026-03-14, with no backup yet (the
/// day's backup is due when an app opens it).
fn folder_with_entry(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = trajectory_store::Store::open(dir.path(), None).unwrap();
    let entry = trajectory_core::EntryDraft {
        entry_date: "2026-03-14".into(),
        body: body.into(),
        tags: vec![],
        mood: None,
        progress: None,
    };
    store.create_entry(&entry.validate().unwrap()).unwrap();
    dir
}

#[test]
fn the_day_backup_holds_the_journal_as_it_opened_though_written_later() {
    // A journal from an earlier day, with no backup yet: the backup is due at this start, and
    // written with the app's own delay, after the entry below.
    let dir = folder_with_entry("written on an earlier day");
    let app = app_with(AppState::open(Some(dir.path().to_path_buf())), dir);
    // Written as soon as the journal is open, before the day's backup is on disk.
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-15", "written in the first seconds") }),
    )
    .unwrap();
    let listed = call(&app, "list_backups", json!({})).unwrap();
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "regular")
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 1, "{listed}");
    // Brought back, the backup has the journal as it was when the app opened it.
    call(&app, "restore_backup", json!({ "id": ids[0] })).unwrap();
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap();
    let bodies = bodies_of(&page);
    assert_eq!(bodies, vec!["written on an earlier day"]);
}

#[test]
fn a_damaged_search_index_opens_and_is_rebuilt_after_the_day_backup() {
    let dir = folder_with_entry("Shipped the quarterly roadmap");
    // Garble the search index's segments; every page and every entry stays sound.
    let db = rusqlite::Connection::open(dir.path().join(trajectory_store::DATABASE_FILE)).unwrap();
    db.execute(
        "UPDATE entries_fts_data SET block = zeroblob(length(block)) WHERE id > 10",
        [],
    )
    .unwrap();
    drop(db);
    let app = app_on(dir);
    assert_eq!(status_of(&app)["state"], "open");
    // The list of backups waits for the start-up work: the day's backup, then the index check;
    // the rebuild follows on the journal's own connection.
    call(&app, "list_backups", json!({})).unwrap();
    let query = json!({ "query": { "text": "roadmap", "tags": [], "from": null, "to": null,
        "min_mood": null, "max_mood": null, "min_progress": null, "max_progress": null, "limit": null } });
    let mut found = Value::Null;
    for _ in 0..50 {
        found = call(&app, "search", query.clone()).unwrap_or_else(|e| e);
        if found["hits"].as_array().is_some_and(|h| h.len() == 1) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the entry was not found after the index was rebuilt: {found}");
}

#[test]
fn a_failed_day_backup_is_told_to_the_window_until_a_backup_is_made() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the backups folder should be: the day's backup cannot be made.
    std::fs::write(dir.path().join("backups"), b"not a folder").unwrap();
    let backups = dir.path().join("backups");
    let app = app_on(dir);
    assert_eq!(
        status_of(&app)["state"],
        "open",
        "the journal opens regardless"
    );
    let problem = call(&app, "backup_problem", json!({})).unwrap();
    assert!(
        problem["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{problem}"
    );
    assert!(problem["code"].is_string(), "{problem}");
    // Put right, Back up now makes one, and the window is no longer told of a failure.
    std::fs::remove_file(&backups).unwrap();
    call(&app, "backup_now", json!({})).unwrap();
    assert_eq!(
        call(&app, "backup_problem", json!({})).unwrap(),
        Value::Null
    );
}

#[test]
fn waiting_for_the_day_backup_holds_up_no_other_command() {
    // The window asks about the backup as soon as its first screen is up; the answer waits
    // for the day's backup (written a few seconds later), the journal must not.
    // With the app's own delay: the backup is still to be written while the journal answers.
    let dir = folder_with_entry("written before the backup");
    let app = app_with(AppState::open(Some(dir.path().to_path_buf())), dir);
    std::thread::scope(|s| {
        let window = app.window.clone();
        let asked = s.spawn(move || call_in(&window, "backup_problem", json!({})));
        std::thread::sleep(std::time::Duration::from_millis(200));
        let page = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap();
        assert_eq!(bodies_of(&page), vec!["written before the backup"]);
        // Answered while the day's backup is still to be written, not after it.
        let backups = trajectory_store::backup::list_backups(app._dir.path()).unwrap();
        assert!(
            backups.is_empty(),
            "the journal answered only once the day's backup was done: {backups:?}"
        );
        assert_eq!(asked.join().unwrap().unwrap(), Value::Null);
    });
}

#[test]
fn a_day_backup_made_leaves_nothing_to_tell() {
    let app = app();
    assert_eq!(
        call(&app, "backup_problem", json!({})).unwrap(),
        Value::Null
    );
}

#[test]
fn a_damaged_database_is_reported_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(trajectory_store::DATABASE_FILE);
    std::fs::write(&path, b"SQLite format 3\0 this is not a database any more").unwrap();
    let before = std::fs::read(&path).unwrap();
    let t = app_on(dir);
    let err = call(&t, "list_entries", json!({ "after": null, "limit": 10 })).unwrap_err();
    assert_eq!(err["code"], "damaged_database", "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn day_from_today(days: i64) -> String {
    (trajectory_app::clock::today() + chrono::Duration::days(days)).to_string()
}

#[test]
fn a_reflection_keeps_its_answers_across_a_relaunch_and_refuses_bad_moves() {
    let first = app();
    assert_eq!(
        call(&first, "get_slump_notice", json!({})).unwrap(),
        Value::Null
    );
    let view = call(&first, "start_reflection", json!({ "fromNotice": null })).unwrap();
    let id = view["reflection"]["id"].clone();
    assert_eq!(view["reflection"]["trigger"]["kind"], "by_hand");
    assert_eq!(view["steps"].as_array().unwrap().len(), 5);
    assert_eq!(view["strategies"].as_array().unwrap().len(), 5);
    for (step, field, text) in [
        ("accept", "feeling", "Stuck, and a bit embarrassed about it"),
        ("root_cause", "own_work", "I stopped asking for feedback"),
        ("root_cause", "own_work_applies", "yes"),
    ] {
        let saved = call(
            &first,
            "save_reflection_answer",
            json!({ "id": id, "step": step, "field": field, "text": text }),
        )
        .unwrap();
        assert_eq!(saved["text"], text);
    }
    call(
        &first,
        "set_reflection_step",
        json!({ "id": id, "step": "root_cause" }),
    )
    .unwrap();
    let err = call(
        &first,
        "save_reflection_answer",
        json!({ "id": id, "step": "accept", "field": "own_work", "text": "x" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "unknown_field");

    // Quit in the middle of step 2 and relaunch on the same data folder.
    let TestApp { _app, window, _dir } = first;
    drop(window);
    drop(_app);
    let app = app_on(_dir);
    let resumed = call(&app, "get_reflection", json!({ "id": id })).unwrap();
    assert_eq!(resumed["reflection"]["step"], "root_cause");
    assert_eq!(
        resumed["reflection"]["answers"].as_array().unwrap().len(),
        3
    );
    assert_eq!(
        resumed["suggestions"]["strategies"][0]["strategy"],
        "learn_or_responsibility"
    );
    assert_eq!(resumed["suggestions"]["strategies"][4]["strategy"], "exit");

    call(
        &app,
        "choose_strategies",
        json!({ "id": id, "strategies": ["learn_or_responsibility"] }),
    )
    .unwrap();
    let good = json!({ "strategy": "learn_or_responsibility", "text": "Ask two peers for feedback",
        "due": day_from_today(7) });
    let m = call(&app, "add_move", json!({ "id": id, "draft": good })).unwrap();
    assert_eq!(m["due"], day_from_today(7));
    for (draft, code) in [
        (
            json!({ "strategy": "learn_or_responsibility", "text": "Late", "due": day_from_today(-1) }),
            "due_in_past",
        ),
        (
            json!({ "strategy": "learn_or_responsibility", "text": "No date", "due": "" }),
            "due_required",
        ),
        (
            json!({ "strategy": "learn_or_responsibility", "text": "  ", "due": day_from_today(3) }),
            "empty_move",
        ),
        (
            json!({ "strategy": "exit", "text": "Update my CV", "due": day_from_today(3) }),
            "strategy_not_chosen",
        ),
    ] {
        let err = call(&app, "add_move", json!({ "id": id, "draft": draft })).unwrap_err();
        assert_eq!(err["code"], code, "{err}");
    }
    let now = call(&app, "get_reflection", json!({ "id": id })).unwrap();
    assert_eq!(
        now["reflection"]["moves"].as_array().unwrap().len(),
        1,
        "nothing written"
    );
    assert_eq!(call(&app, "due_check_ins", json!({})).unwrap(), json!([]));

    let done = call(&app, "finish_reflection", json!({ "id": id })).unwrap();
    assert_eq!(done["reflection"]["status"], "done");
    let all = call(&app, "list_reflections", json!({})).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1);
    let completed = call(
        &app,
        "complete_move",
        json!({ "moveId": m["id"], "doneOn": null, "outcome": "Useful" }),
    )
    .unwrap();
    assert_eq!(completed["done_on"], day_from_today(0));
    let worked = call(&app, "what_has_worked", json!({})).unwrap();
    assert_eq!(worked[0]["strategy"], "learn_or_responsibility");
    assert_eq!(worked[0]["done"], 1);
    assert_eq!(
        call(&app, "get_slump_history", json!({})).unwrap(),
        json!([])
    );

    let err = call(
        &app,
        "start_reflection",
        json!({ "fromNotice": { "scope": "all", "detected_on": "2026-01-01" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "not_found", "no such slump");
}

#[test]
fn settings_persist_and_default_to_quiet() {
    let app = app();
    let s = call(&app, "get_settings", json!({})).unwrap();
    assert_eq!(
        s,
        json!({
            "sensitivity": "normal",
            "slump_notifications": false,
            "reminders": {
                "weekly_nudge": false,
                "nudge_day": "friday",
                "nudge_time": "16:00",
                "check_in_reminders": false
            }
        })
    );
    let saved = call(
        &app,
        "update_settings",
        json!({ "settings": { "sensitivity": "eager", "slump_notifications": true } }),
    )
    .unwrap();
    assert_eq!(saved["sensitivity"], "eager");
    assert_eq!(call(&app, "get_settings", json!({})).unwrap(), saved);
    let err = call(
        &app,
        "update_settings",
        json!({ "settings": { "sensitivity": "loud", "slump_notifications": true } }),
    );
    assert!(err.is_err(), "an unknown sensitivity is refused");
    assert_eq!(
        call(&app, "get_settings", json!({})).unwrap(),
        saved,
        "nothing written"
    );

    // Reminders: a chosen day and time are kept; a time that is not HH:MM is refused.
    let reminders = json!({
        "weekly_nudge": true, "nudge_day": "sunday", "nudge_time": "07:45", "check_in_reminders": true
    });
    let saved = call(
        &app,
        "update_settings",
        json!({ "settings": { "sensitivity": "eager", "slump_notifications": true, "reminders": reminders } }),
    )
    .unwrap();
    assert_eq!(saved["reminders"], reminders);
    let err = call(
        &app,
        "update_settings",
        json!({ "settings": { "sensitivity": "eager", "reminders": { "weekly_nudge": true, "nudge_time": "7.45pm" } } }),
    );
    assert!(err.is_err(), "a malformed time is refused");
    assert_eq!(call(&app, "get_settings", json!({})).unwrap(), saved);
}

#[test]
fn the_start_makes_a_backup_and_back_up_now_adds_one() {
    let app = app();
    let first = call(&app, "list_backups", json!({})).unwrap();
    let first = first.as_array().unwrap();
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0]["kind"], "regular");
    assert!(first[0]["bytes"].as_u64().unwrap() > 0);
    assert!(first[0]["taken_at"].as_str().unwrap().contains('T'));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // Rotation keeps one regular backup a day, so the new one stands for today.
    let made = call(&app, "backup_now", json!({})).unwrap();
    assert!(made["id"].is_string());
    let after = call(&app, "list_backups", json!({})).unwrap();
    let ids: Vec<&str> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&made["id"].as_str().unwrap()));
}

#[test]
fn restore_brings_back_the_backup_keeps_the_current_aside_and_reopens() {
    let app = app();
    let backups = call(&app, "list_backups", json!({})).unwrap();
    let id = backups[0]["id"].as_str().unwrap().to_owned();
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "written after the backup") }),
    )
    .unwrap();
    let report = call(&app, "restore_backup", json!({ "id": id })).unwrap();
    assert_eq!(report["restored"]["id"], id.as_str());
    let aside = report["kept_aside"].as_str().unwrap();
    assert!(std::path::Path::new(aside).exists(), "{aside}");
    // The journal is open again, on the restored database.
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 50 })).unwrap();
    assert_eq!(page["entries"].as_array().unwrap().len(), 0, "{page}");
    let err = call(&app, "restore_backup", json!({ "id": "no-such-backup" })).unwrap_err();
    assert!(err["code"].is_string(), "{err}");
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-15", "still writable") }),
    )
    .unwrap();
}

fn status_of(app: &TestApp) -> Value {
    call(app, "journal_status", json!({})).unwrap()
}

#[test]
fn encryption_turned_on_locks_the_next_launch_until_the_right_passphrase() {
    let app = app();
    assert_eq!(status_of(&app)["state"], "open");
    assert_eq!(status_of(&app)["encrypted"], false);
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "a sentence to keep private") }),
    )
    .unwrap();
    let err = call(&app, "turn_on_encryption", json!({ "passphrase": "short" })).unwrap_err();
    assert_eq!(err["code"], "passphrase_too_short", "{err}");
    let done = call(
        &app,
        "turn_on_encryption",
        json!({ "passphrase": "a long enough passphrase" }),
    )
    .unwrap();
    assert_eq!(done["encrypted"], true);
    assert!(
        done["rewritten"].as_u64().unwrap() >= 2,
        "journal and backup: {done}"
    );
    // Still open in this session, now encrypted.
    assert_eq!(status_of(&app)["encrypted"], true);
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap();
    assert_eq!(page["entries"].as_array().unwrap().len(), 1);

    let app = app_on(app._dir);
    let status = status_of(&app);
    assert_eq!(status["state"], "locked", "{status}");
    assert_eq!(status["encrypted"], true);
    let err = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap_err();
    assert_eq!(err["code"], "locked", "{err}");
    let err = call(
        &app,
        "unlock_journal",
        json!({ "passphrase": "not the one" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "wrong_passphrase", "{err}");
    let err = call(&app, "unlock_journal", json!({ "passphrase": "" })).unwrap_err();
    assert_eq!(err["code"], "passphrase_required", "{err}");
    let opened = call(
        &app,
        "unlock_journal",
        json!({ "passphrase": "a long enough passphrase" }),
    )
    .unwrap();
    assert_eq!(opened["state"], "open", "{opened}");
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap();
    assert_eq!(
        page["entries"][0]["body"], "a sentence to keep private",
        "{page}"
    );

    let err = call(
        &app,
        "change_passphrase",
        json!({ "current": "wrong passphrase", "passphrase": "a new passphrase" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "wrong_passphrase", "{err}");
    call(
        &app,
        "change_passphrase",
        json!({ "current": "a long enough passphrase", "passphrase": "a new passphrase" }),
    )
    .unwrap();
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap();
    assert_eq!(page["entries"].as_array().unwrap().len(), 1, "still open");
    let off = call(
        &app,
        "turn_off_encryption",
        json!({ "current": "a new passphrase" }),
    )
    .unwrap();
    assert_eq!(off["encrypted"], false);
    let app = app_on(app._dir);
    assert_eq!(status_of(&app)["state"], "open");
    assert_eq!(status_of(&app)["encrypted"], false);
}

#[test]
fn a_damaged_journal_offers_the_newest_good_backup_and_a_readable_copy() {
    let app = app();
    call(
        &app,
        "create_entry",
        json!({ "draft": draft("2026-03-14", "in the backup") }),
    )
    .unwrap();
    call(&app, "backup_now", json!({})).unwrap();
    let dir = app._dir;
    drop(app._app);
    let path = dir.path().join(trajectory_store::DATABASE_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(8192)] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let _ = std::fs::remove_file(
        dir.path()
            .join(format!("{}-wal", trajectory_store::DATABASE_FILE)),
    );

    let app = app_on(dir);
    let status = status_of(&app);
    assert_eq!(status["state"], "damaged", "{status}");
    let saved = call(&app, "save_readable_journal", json!({})).unwrap();
    let out = std::path::Path::new(saved["path"].as_str().unwrap());
    assert!(out.exists() && out.starts_with(app._dir.path().join("recovered")));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file is only read"
    );
    assert_eq!(
        status_of(&app)["state"],
        "damaged",
        "saving changes nothing"
    );

    let restored = call(&app, "restore_newest_backup", json!({})).unwrap();
    assert!(restored["kept_aside"].is_string(), "{restored}");
    assert_eq!(status_of(&app)["state"], "open");
    let page = call(&app, "list_entries", json!({ "after": null, "limit": 10 })).unwrap();
    assert_eq!(page["entries"][0]["body"], "in the backup", "{page}");
}

/// A built front end of one page, for the tests of what the window's page carries.
struct OnePage;

const BUILT_PAGE: &str = "<!doctype html>\n<html>\n  <head>\n    <title>Trajectory</title>\n  </head>\n  <body><div id=\"app\"></div></body>\n</html>\n";

impl tauri::Assets<MockRuntime> for OnePage {
    fn get(&self, key: &tauri::utils::assets::AssetKey) -> Option<std::borrow::Cow<'_, [u8]>> {
        (key.as_ref() == "/index.html").then(|| BUILT_PAGE.as_bytes().into())
    }

    fn iter(&self) -> Box<tauri::utils::assets::AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(
        &self,
        _: &tauri::utils::assets::AssetKey,
    ) -> Box<dyn Iterator<Item = tauri::utils::assets::CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

/// The app on `dir`, serving [`OnePage`] the way the real app serves its front end.
fn app_serving_page(dir: tempfile::TempDir) -> TestApp {
    let mut context = mock_context(OnePage);
    let link = trajectory_app::start_page::install(&mut context);
    let state =
        AppState::open_with_backup_delay(Some(dir.path().to_path_buf()), std::time::Duration::ZERO);
    link.serve_from(&state, Some("Cantarell".into()));
    app_in(context, state, dir)
}

/// The page as the window gets it, and the data block in it (`None` when there is none).
fn served_page(app: &TestApp) -> (String, Option<Value>) {
    let asset = app._app.asset_resolver().get("index.html".into()).unwrap();
    let page = String::from_utf8(asset.bytes().to_vec()).unwrap();
    let open = "<script type=\"application/json\" id=\"start-data\">";
    let data = page.find(open).map(|at| {
        let inside = &page[at + open.len()..];
        let block = &inside[..inside.find("</script>").unwrap()];
        assert!(
            !block.contains(['<', '>', '&']),
            "the block holds no markup characters: {block}"
        );
        serde_json::from_str(block).unwrap()
    });
    (page, data)
}

#[test]
fn the_first_page_carries_the_status_and_newest_entries_as_inert_data() {
    let hostile = "</script><script>window.__hit = 1</script><!-- __TAURI_SCRIPT_NONCE__ & <b>";
    let app = app_serving_page(folder_with_entry(hostile));
    // Once the journal is open (the status waits for that).
    assert_eq!(status_of(&app)["state"], "open");
    let (page, data) = served_page(&app);
    let data = data.expect("the page carries the start data");
    assert_eq!(data["status"]["state"], "open", "{data}");
    assert_eq!(data["ui_font"], "Cantarell");
    assert_eq!(data["page_size"], 100);
    assert_eq!(data["first_page"]["entries"][0]["body"], hostile, "{data}");
    // The person's text is data only: the page's markup is the built page's plus one block.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert_eq!(page.matches("</script>").count(), 1, "{page}");
    assert!(!page.contains("__TAURI_SCRIPT_NONCE__"), "{page}");
    assert!(page.ends_with("  </head>\n  <body><div id=\"app\"></div></body>\n</html>\n"));
    // The same as the command answers.
    let listed = call(&app, "list_entries", json!({ "after": null, "limit": 100 })).unwrap();
    assert_eq!(data["first_page"], listed);
}

#[test]
fn a_locked_journal_page_carries_the_status_without_entries() {
    let dir = folder_with_entry("a sentence to keep private");
    let passphrase = trajectory_core::Passphrase::new("a long enough passphrase").unwrap();
    trajectory_store::encryption::change_encryption(dir.path(), None, Some(&passphrase)).unwrap();
    let app = app_serving_page(dir);
    assert_eq!(status_of(&app)["state"], "locked");
    let (page, data) = served_page(&app);
    let data = data.expect("the page carries the start data");
    assert_eq!(data["status"]["state"], "locked", "{data}");
    assert_eq!(data["first_page"], Value::Null, "{data}");
    assert!(!page.contains("keep private"));
}
