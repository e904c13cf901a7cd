//! End-to-end tests: the real app under Xvfb, driven through tauri-driver and WebKitWebDriver.
//! Each test gets its own temporary data folder; a failing test leaves a screenshot in
//! `target/e2e-artifacts/`. Run with `make e2e` (builds the UI and the app with the bundled UI).

mod a11y;
mod goals;
mod harness;
mod instance;
mod journal;
mod keyboard;
mod offline;
mod recovery;
mod reflection;
mod reminders;
mod settings;
mod start;
mod xss;

use std::future::Future;
use std::path::Path;
use std::pin::Pin;

use harness::{Context, Harness, TestResult, by_test_id, click, wait_for};
use thirtyfour::prelude::*;

type Scenario = for<'a> fn(&'a Harness, &'a Path) -> Pin<Box<dyn Future<Output = TestResult> + 'a>>;

const EXCERPT: &str = "[data-testid='timeline-entry'] [data-testid='entry-excerpt']";

/// Types `body` (and optional tags) into a new entry and saves it with the Save button.
async fn write_entry(driver: &WebDriver, body: &str, tags: Option<&str>) -> TestResult {
    click(driver, "new-entry").await?;
    let editor = by_test_id(driver, "entry-body").await?;
    editor.send_keys(body).await.ctx("type the body")?;
    if let Some(tags) = tags {
        by_test_id(driver, "entry-tags")
            .await?
            .send_keys(tags)
            .await
            .ctx("type tags")?;
    }
    click(driver, "save-entry").await?;
    wait_for(driver, "[data-testid='save-status']", |t| {
        t.contains("Saved")
    })
    .await?;
    Ok(())
}

pub(crate) async fn run_in_app<F>(
    harness: &Harness,
    data_dir: &Path,
    name: &str,
    body: F,
) -> TestResult
where
    F: AsyncFnOnce(&WebDriver) -> TestResult,
{
    let driver = harness.launch(data_dir).await?;
    harness.in_window(driver, name, body).await
}

fn typed_entry_appears_in_timeline<'a>(
    h: &'a Harness,
    dir: &'a Path,
) -> Pin<Box<dyn Future<Output = TestResult> + 'a>> {
    Box::pin(run_in_app(
        h,
        dir,
        "typed_entry_appears_in_timeline",
        async |d| {
            let text = "Led the planning meeting for the platform migration.";
            write_entry(d, text, Some("work, leadership")).await?;
            let item = wait_for(d, EXCERPT, |t| t.contains(text)).await?;
            let _ = item;
            wait_for(d, "[data-testid='timeline-entry']", |t| {
                t.contains("leadership")
            })
            .await?;
            Ok(())
        },
    ))
}

fn entry_survives_relaunch<'a>(
    h: &'a Harness,
    dir: &'a Path,
) -> Pin<Box<dyn Future<Output = TestResult> + 'a>> {
    Box::pin(async move {
        let text = "Asked for the staff engineer rubric; meeting on Friday.";
        run_in_app(h, dir, "entry_survives_relaunch_write", async |d| {
            write_entry(d, text, None).await
        })
        .await?;
        run_in_app(h, dir, "entry_survives_relaunch_read", async |d| {
            wait_for(d, EXCERPT, |t| t.contains(text)).await.map(drop)
        })
        .await
    })
}

fn cli_entry_shows_after_refresh<'a>(
    h: &'a Harness,
    dir: &'a Path,
) -> Pin<Box<dyn Future<Output = TestResult> + 'a>> {
    Box::pin(run_in_app(
        h,
        dir,
        "cli_entry_shows_after_refresh",
        async move |d| {
            let text = "Written from the terminal with traj.";
            reflection::traj(h, dir, &["entry", "add", "--tag", "cli", "--text", text])?;
            click(d, "refresh").await?;
            wait_for(d, EXCERPT, |t| t.contains(text)).await.map(drop)
        },
    ))
}

fn markup_in_entry_stays_inert<'a>(
    h: &'a Harness,
    dir: &'a Path,
) -> Pin<Box<dyn Future<Output = TestResult> + 'a>> {
    Box::pin(run_in_app(
        h,
        dir,
        "markup_in_entry_stays_inert",
        async |d| {
            let img = "<img src=x onerror=\"window.__pwned=1\">";
            let script = "<script>window.__pwned=1</script>";
            write_entry(d, &format!("{img}\n{script}"), None).await?;
            wait_for(d, EXCERPT, |t| t.contains(img) && t.contains(script)).await?;
            // Reload the page: markup must stay inert when rendered from storage too.
            click(d, "refresh").await?;
            wait_for(d, EXCERPT, |t| t.contains(img)).await?;
            let probe = d
            .execute(
                "return [typeof window.__pwned, \
                  document.querySelectorAll(\"[data-testid='timeline'] img, [data-testid='timeline'] script\").length];",
                Vec::new(),
            )
            .await
            .ctx("run the probe script")?;
            let (pwned, elements): (String, u64) = probe.convert().ctx("read the probe")?;
            if pwned != "undefined" || elements != 0 {
                return Err(format!(
                    "markup executed or became elements: typeof __pwned = {pwned}, img/script elements = {elements}"
                ));
            }
            Ok(())
        },
    ))
}

const SCENARIOS: &[(&str, Scenario)] = &[
    (
        "typed_entry_appears_in_timeline",
        typed_entry_appears_in_timeline,
    ),
    ("entry_survives_relaunch", entry_survives_relaunch),
    (
        "cli_entry_shows_after_refresh",
        cli_entry_shows_after_refresh,
    ),
    ("markup_in_entry_stays_inert", markup_in_entry_stays_inert),
    ("autosave_commits_without_pressing_save", |h, d| {
        Box::pin(journal::autosave_commits_without_pressing_save(h, d))
    }),
    ("crash_while_typing_offers_the_draft_back", |h, d| {
        Box::pin(journal::crash_while_typing_offers_the_draft_back(h, d))
    }),
    ("search_finds_the_entry_with_highlight", |h, d| {
        Box::pin(journal::search_finds_the_entry_with_highlight(h, d))
    }),
    ("an_older_revision_can_be_restored", |h, d| {
        Box::pin(journal::an_older_revision_can_be_restored(h, d))
    }),
    ("payloads_stay_inert_in_editor_and_preview", |h, d| {
        Box::pin(journal::payloads_stay_inert_in_editor_and_preview(h, d))
    }),
    ("a_goal_and_its_milestones_update_the_charts", |h, d| {
        Box::pin(goals::a_goal_and_its_milestones_update_the_charts(h, d))
    }),
    (
        "a_long_silence_raises_the_banner_and_the_reflection_resumes",
        |h, d| {
            Box::pin(reflection::a_long_silence_raises_the_banner_and_the_reflection_resumes(h, d))
        },
    ),
    ("a_backup_can_be_restored_from_settings", |h, d| {
        Box::pin(settings::a_backup_can_be_restored_from_settings(h, d))
    }),
    (
        "the_export_is_written_where_the_save_dialog_says",
        |h, d| {
            Box::pin(settings::the_export_is_written_where_the_save_dialog_says(
                h, d,
            ))
        },
    ),
    (
        "a_journal_is_imported_from_the_file_the_open_dialog_names",
        |h, d| Box::pin(settings::a_journal_is_imported_from_the_file_the_open_dialog_names(h, d)),
    ),
    ("a_markdown_export_goes_into_the_chosen_folder", |h, d| {
        Box::pin(settings::a_markdown_export_goes_into_the_chosen_folder(
            h, d,
        ))
    }),
    ("a_chart_is_saved_where_the_save_dialog_says", |h, d| {
        Box::pin(settings::a_chart_is_saved_where_the_save_dialog_says(h, d))
    }),
    (
        "a_failed_day_backup_is_told_until_a_backup_is_made",
        |h, d| Box::pin(settings::a_failed_day_backup_is_told_until_a_backup_is_made(h, d)),
    ),
    ("hostile_text_stays_text_on_every_screen", |h, d| {
        Box::pin(xss::hostile_text_stays_text_on_every_screen(h, d))
    }),
    (
        "every_screen_passes_axe_without_serious_violations",
        |h, d| {
            Box::pin(a11y::every_screen_passes_axe_without_serious_violations(
                h, d,
            ))
        },
    ),
    ("write_search_and_add_a_goal_by_keyboard_alone", |h, d| {
        Box::pin(keyboard::write_search_and_add_a_goal_by_keyboard_alone(
            h, d,
        ))
    }),
    (
        "encryption_locks_the_journal_until_the_passphrase",
        |h, d| {
            Box::pin(recovery::encryption_locks_the_journal_until_the_passphrase(
                h, d,
            ))
        },
    ),
    ("a_damaged_journal_opens_the_recovery_screen", |h, d| {
        Box::pin(recovery::a_damaged_journal_opens_the_recovery_screen(h, d))
    }),
    ("a_newer_journal_is_refused_and_left_untouched", |h, d| {
        Box::pin(recovery::a_newer_journal_is_refused_and_left_untouched(
            h, d,
        ))
    }),
    ("offline_write_search_chart", |h, d| {
        Box::pin(offline::offline_write_search_chart(h, d))
    }),
    ("a_second_launch_on_the_same_journal_hands_over", |h, d| {
        Box::pin(instance::a_second_launch_on_the_same_journal_hands_over(
            h, d,
        ))
    }),
    ("the_window_size_and_position_are_remembered", |h, d| {
        Box::pin(instance::the_window_size_and_position_are_remembered(h, d))
    }),
    (
        "the_app_replaces_the_painted_first_screen_without_a_jump",
        |h, d| Box::pin(start::the_app_replaces_the_painted_first_screen_without_a_jump(h, d)),
    ),
    ("the_window_draws_without_gpu_compositing", |h, d| {
        Box::pin(start::the_window_draws_without_gpu_compositing(h, d))
    }),
    ("the_weekly_nudge_reaches_the_desktop_once", |h, d| {
        Box::pin(reminders::the_weekly_nudge_reaches_the_desktop_once(h, d))
    }),
];

fn main() -> std::process::ExitCode {
    if !cfg!(feature = "custom-protocol") {
        eprintln!(
            "e2e: the app must be built with the bundled UI: run `make e2e` \
             (cargo test --features custom-protocol --test e2e after `npm run build` in ui/)"
        );
        return std::process::ExitCode::FAILURE;
    }
    // `cargo test` passes its own flags and an optional name filter.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    // The offline scenario needs a network namespace (`scripts/offline`, run by `make e2e`);
    // inside one, only it runs.
    let offline = std::env::var_os(offline::OFFLINE_ENV).is_some();
    let selected: Vec<_> = SCENARIOS
        .iter()
        .filter(|(name, _)| name.starts_with("offline_") == offline)
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        .collect();
    if std::env::args().any(|a| a == "--list") {
        for (name, _) in &selected {
            println!("{name}: test");
        }
        return std::process::ExitCode::SUCCESS;
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut harness = match Harness::start() {
        Ok(h) => h,
        Err(e) => {
            eprintln!("e2e: the harness could not start: {e}");
            println!("0 passed, {} failed", selected.len());
            return std::process::ExitCode::FAILURE;
        }
    };
    let (mut passed, mut failed) = (0, 0);
    for (name, scenario) in &selected {
        let data_dir = tempfile::tempdir().expect("temporary data folder");
        let started = std::time::Instant::now();
        let result = runtime.block_on(scenario(&harness, data_dir.path()));
        let secs = started.elapsed().as_secs_f64();
        match result {
            Ok(()) => {
                passed += 1;
                println!("test {name} ... ok ({secs:.1} s)");
            }
            Err(e) => {
                failed += 1;
                println!("test {name} ... FAILED ({secs:.1} s)\n    {e}");
                if !harness.driver_alive() {
                    println!("    (tauri-driver is no longer running)");
                }
            }
        }
    }
    drop(harness);
    println!("\n{passed} passed, {failed} failed");
    if failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
