//! The empty window must stay the app's window without the app: the same window settings,
//! CSP and security options as the app's top-level tauri.conf.json.

use serde_json::Value;

fn config(text: &str) -> Value {
    serde_json::from_str(text).expect("tauri.conf.json is JSON")
}

#[test]
fn window_and_security_settings_match_the_apps() {
    let app = config(include_str!("../../../tauri.conf.json"));
    let empty = config(include_str!("../tauri.conf.json"));
    assert_eq!(
        app["app"], empty["app"],
        "the \"app\" section (windows, CSP, security) differs between tauri.conf.json and \
         bench/empty-window/tauri.conf.json"
    );
    assert!(empty["app"]["security"]["csp"].is_object());
}
