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
            "list_goals",
            "create_goal",
            "update_goal",
            "set_goal_status",
            "get_goal_summary",
            "list_milestones",
            "add_milestone",
            "update_milestone",
            "achieve_milestone",
            "link_milestone_entry",
            "unlink_milestone_entry",
            "list_paused_periods",
            "add_paused_period",
            "delete_paused_period",
            "get_velocity",
            "get_chart",
            "export_chart",
        ]));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
