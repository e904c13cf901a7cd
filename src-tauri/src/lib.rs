//! The desktop shell: wires state and commands into the Tauri builder, nothing more.

pub mod bindings;
pub mod clock;
pub mod commands;
pub mod error;
pub mod first_paint;
pub mod instance;
pub mod launch;
pub mod reminders;
pub mod rust_side;
pub mod start_page;
pub mod state;
pub mod webview;

pub use error::AppError;
pub use state::AppState;
use tauri::Manager;

/// The command handlers the window may call; also used by the handler tests.
#[macro_export]
macro_rules! app_handlers {
    () => {
        tauri::generate_handler![
            $crate::commands::app::app_info,
            $crate::commands::app::report_first_paint,
            $crate::commands::app::report_interactive,
            $crate::commands::entries::create_entry,
            $crate::commands::entries::update_entry,
            $crate::commands::entries::get_entry,
            $crate::commands::entries::list_entries,
            $crate::commands::entries::trash_entry,
            $crate::commands::entries::restore_entry,
            $crate::commands::entries::list_trash,
            $crate::commands::entries::empty_trash,
            $crate::commands::entries::list_revisions,
            $crate::commands::entries::restore_revision,
            $crate::commands::entries::list_tags,
            $crate::commands::drafts::save_draft,
            $crate::commands::drafts::discard_draft,
            $crate::commands::drafts::pending_drafts,
            $crate::commands::templates::list_templates,
            $crate::commands::templates::save_template,
            $crate::commands::templates::delete_template,
            $crate::commands::search::search,
            $crate::commands::markdown::render_markdown,
            $crate::commands::markdown::open_link,
            $crate::commands::settings::get_settings,
            $crate::commands::settings::update_settings,
            $crate::commands::goals::list_goals,
            $crate::commands::goals::create_goal,
            $crate::commands::goals::update_goal,
            $crate::commands::goals::set_goal_status,
            $crate::commands::goals::get_goal_summary,
            $crate::commands::goals::list_milestones,
            $crate::commands::goals::add_milestone,
            $crate::commands::goals::update_milestone,
            $crate::commands::goals::achieve_milestone,
            $crate::commands::goals::link_milestone_entry,
            $crate::commands::goals::unlink_milestone_entry,
            $crate::commands::goals::list_paused_periods,
            $crate::commands::goals::add_paused_period,
            $crate::commands::goals::delete_paused_period,
            $crate::commands::insights::get_velocity,
            $crate::commands::insights::get_chart,
            $crate::commands::insights::export_chart,
            $crate::commands::reflection::get_slump_notice,
            $crate::commands::reflection::snooze_slump_notice,
            $crate::commands::reflection::set_aside_slump_notice,
            $crate::commands::reflection::start_reflection,
            $crate::commands::reflection::get_reflection,
            $crate::commands::reflection::list_reflections,
            $crate::commands::reflection::save_reflection_answer,
            $crate::commands::reflection::set_reflection_step,
            $crate::commands::reflection::choose_strategies,
            $crate::commands::reflection::add_move,
            $crate::commands::reflection::update_move,
            $crate::commands::reflection::complete_move,
            $crate::commands::reflection::due_check_ins,
            $crate::commands::reflection::answer_check_in,
            $crate::commands::reflection::finish_reflection,
            $crate::commands::reflection::set_aside_reflection,
            $crate::commands::reflection::what_has_worked,
            $crate::commands::reflection::get_slump_history,
            $crate::commands::data::list_backups,
            $crate::commands::data::backup_now,
            $crate::commands::data::backup_problem,
            $crate::commands::data::restore_backup,
            $crate::commands::data::import_journal,
            $crate::commands::data::export_journal,
            $crate::commands::recovery::journal_status,
            $crate::commands::recovery::unlock_journal,
            $crate::commands::recovery::restore_newest_backup,
            $crate::commands::recovery::save_readable_journal,
            $crate::commands::encryption::turn_on_encryption,
            $crate::commands::encryption::change_passphrase,
            $crate::commands::encryption::turn_off_encryption,
        ]
    };
}

/// Starts the app on the data folder named by `--data-dir`, `TRAJECTORY_DATA_DIR` or the
/// platform default. One window per data folder: a second launch on the same folder focuses
/// the first window and exits before it opens the journal (decision 0045).
pub fn run() {
    clock::set_from_launch(launch::today_arg(std::env::args_os()));
    let explicit = launch::data_dir_arg(std::env::args_os());
    let mut context = tauri::generate_context!();
    let start_link = start_page::install(&mut context);
    let mut builder = tauri::Builder::default();
    // Without a data folder there is nothing to scope by; the window opens and says why.
    if let Ok(dir) = trajectory_store::resolve_data_dir(explicit.clone()) {
        builder = builder
            .plugin(instance::single_instance(
                &context.config().identifier,
                &dir,
            ))
            .plugin(instance::window_state(&dir))
            .on_window_event(instance::keep_window_state);
    }
    #[cfg(not(target_os = "linux"))]
    {
        // Links are opened by `commands::markdown::open_link`; the window has no script for it.
        builder = builder.plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        );
    }
    builder = builder
        .plugin(rust_side::RustSide(tauri_plugin_dialog::init()))
        .plugin(rust_side::RustSide(tauri_plugin_notification::init()));
    let hold = launch::hold_first_screen_arg(std::env::args_os());
    if first_paint::wanted() || hold {
        builder = builder.plugin(first_paint::plugin(first_paint::wanted(), hold));
    }
    builder
        .setup(move |app| {
            let state = AppState::open(explicit);
            start_link.serve_from(&state, webview::desktop_font_family());
            app.manage(state);
            reminders::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(app_handlers!())
        .run(context)
        .unwrap_or_else(|e| launch::exit_on_start_failure(&e));
}
