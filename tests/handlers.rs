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
    let dir = tempfile::tempdir().unwrap();
    let app = mock_builder()
        .manage(AppState::open(Some(dir.path().to_path_buf())))
        .invoke_handler(app_handlers!())
        .build(mock_context(noop_assets()))
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
    get_ipc_response(
        &app.window,
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
    let bodies: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap())
        .collect();
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
