//! Build script: tauri-build with capabilities under src-tauri/ and the app's own commands.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "app_info",
            "create_entry",
            "update_entry",
            "get_entry",
            "list_entries",
            "trash_entry",
            "restore_entry",
            "list_trash",
            "empty_trash",
            "list_revisions",
            "restore_revision",
            "list_tags",
            "save_draft",
            "discard_draft",
            "pending_drafts",
            "list_templates",
            "save_template",
            "delete_template",
            "search",
            "render_markdown",
            "open_link",
        ]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
