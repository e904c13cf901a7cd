//! The reminders' timer: once a minute it asks the core's reminder rules whether the weekly
//! nudge to write or a move's check-in is due, records what it told in the store's reminder
//! log, and shows desktop notifications from Rust (decision 0046).

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use trajectory_core::reflection::check_in_prompt;
use trajectory_core::reminder::{check_ins_to_remind, nudge_needed, pending_nudge};
use trajectory_core::{CheckIn, CheckInId};
use trajectory_store::{Store, StoreError};

use crate::clock;
use crate::state::AppState;

/// How often the timer looks; a reminder comes within this long after its moment.
pub const TICK: Duration = Duration::from_secs(60);

/// The first look after start, once the window has loaded what it shows first.
const FIRST_LOOK: Duration = Duration::from_secs(5);

/// One desktop notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub title: String,
    pub body: String,
}

/// What to tell now for the journal in `store`, at the local date and time `now` in the time
/// zone `tz`; records it in the reminder log so it is told once.
pub fn due_reminders<Tz: TimeZone>(
    store: &mut Store,
    tz: &Tz,
    now: NaiveDateTime,
) -> Result<Vec<Reminder>, StoreError> {
    let settings = store.settings()?.reminders;
    if !settings.weekly_nudge && !settings.check_in_reminders {
        return Ok(Vec::new());
    }
    let mut log = store.reminder_log()?;
    let before = log.clone();
    let mut told = Vec::new();

    if let Some(moment) = pending_nudge(&settings, &log, now) {
        let local = |t: DateTime<Utc>| t.with_timezone(tz).naive_local();
        let last_written = store.last_written_at()?.map(local);
        log.last_nudge = Some(moment);
        if nudge_needed(moment, last_written) {
            told.push(nudge(last_written));
        }
    }

    if settings.check_in_reminders {
        let due = store.due_check_ins(now.date())?;
        let days: Vec<_> = due.iter().map(|c| (c.id, c.due)).collect();
        let remind = check_ins_to_remind(&settings, &log, &days, now);
        told.extend(check_ins(&due, &remind));
        let open: Vec<CheckInId> = due.iter().map(|c| c.id).collect();
        log.remember_check_ins(&remind, &open);
    }

    if log != before {
        store.save_reminder_log(&log)?;
    }
    Ok(told)
}

fn nudge(last_written: Option<NaiveDateTime>) -> Reminder {
    let body = match last_written {
        Some(t) => format!(
            "You last wrote on {}. A few lines about this week keep the thread.",
            t.format("%A %-d %B")
        ),
        None => "Your journal is ready for its first entry: a few lines about this week.".into(),
    };
    Reminder {
        title: "Trajectory: a few lines about your week?".into(),
        body,
    }
}

/// One notification for the check-ins in `remind`: the first one's question, and how many more.
fn check_ins(due: &[CheckIn], remind: &[CheckInId]) -> Option<Reminder> {
    let told: Vec<&CheckIn> = due.iter().filter(|c| remind.contains(&c.id)).collect();
    match told.as_slice() {
        [] => None,
        [one] => Some(Reminder {
            title: "Trajectory: a check-in is due".into(),
            body: check_in_prompt(&one.move_),
        }),
        [first, rest @ ..] => Some(Reminder {
            title: format!("Trajectory: {} check-ins are due", told.len()),
            body: format!(
                "{} — and {} more in Reflection.",
                check_in_prompt(&first.move_),
                rest.len()
            ),
        }),
    }
}

/// Starts the timer for the app's lifetime. Errors (a journal that is not open, or is being
/// restored) are logged once each, not every minute, and never stop the timer.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + FIRST_LOOK, TICK);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut last_error: Option<String> = None;
        loop {
            ticks.tick().await;
            let now = clock::now();
            let state = app.state::<AppState>();
            let result = state
                .with_store(move |s| due_reminders(s, &chrono::Local, now))
                .await;
            match result {
                Ok(reminders) => {
                    last_error = None;
                    for r in reminders {
                        show(&app, &r);
                    }
                }
                Err(e) => {
                    let text = e.to_string();
                    if last_error.as_ref() != Some(&text) {
                        eprintln!("trajectory: reminders could not be checked: {text}");
                        last_error = Some(text);
                    }
                }
            }
        }
    });
}

fn show<R: Runtime>(app: &AppHandle<R>, r: &Reminder) {
    // A desktop without a notification service logs the failure; the app carries on.
    if let Err(e) = app
        .notification()
        .builder()
        .title(&r.title)
        .body(&r.body)
        .show()
    {
        eprintln!("trajectory: the reminder could not be shown: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Timelike};
    use trajectory_core::reflection::ReflectionTrigger;
    use trajectory_core::{AppSettings, EntryDraft, MoveDraft, ReminderSettings, Strategy};

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), None).unwrap();
        (dir, store)
    }

    fn remind(store: &mut Store, reminders: ReminderSettings) {
        store
            .save_settings(&AppSettings {
                reminders,
                ..AppSettings::default()
            })
            .unwrap();
    }

    /// Weekly nudges on, at the weekday and minute of `moment`.
    fn nudge_at(moment: NaiveDateTime) -> ReminderSettings {
        ReminderSettings {
            weekly_nudge: true,
            nudge_day: moment.date().weekday().into(),
            nudge_time: NaiveTime::from_hms_opt(moment.hour(), moment.minute(), 0).unwrap(),
            check_in_reminders: false,
        }
    }

    fn write(store: &mut Store) {
        let entry = EntryDraft {
            entry_date: "2026-11-20".into(),
            body: "Shipped it.".into(),
            tags: vec![],
            mood: None,
            progress: None,
        }
        .validate()
        .unwrap();
        store.create_entry(&entry).unwrap();
    }

    #[test]
    fn nothing_is_told_while_reminders_are_off() {
        let (_dir, mut store) = store();
        let now = NaiveDate::from_ymd_opt(2026, 11, 27)
            .unwrap()
            .and_hms_opt(16, 0, 0)
            .unwrap();
        assert!(due_reminders(&mut store, &Utc, now).unwrap().is_empty());
        assert_eq!(store.reminder_log().unwrap(), Default::default());
    }

    #[test]
    fn an_empty_journal_is_nudged_once_at_its_moment() {
        let (_dir, mut store) = store();
        let moment = NaiveDate::from_ymd_opt(2026, 11, 27)
            .unwrap()
            .and_hms_opt(16, 0, 0)
            .unwrap();
        remind(&mut store, nudge_at(moment));
        let before = moment - TimeDelta::minutes(1);
        assert!(due_reminders(&mut store, &Utc, before).unwrap().is_empty());
        let told = due_reminders(&mut store, &Utc, moment).unwrap();
        assert_eq!(told.len(), 1);
        assert!(told[0].body.contains("first entry"), "{told:?}");
        let a_minute_later = moment + TimeDelta::minutes(1);
        assert!(
            due_reminders(&mut store, &Utc, a_minute_later)
                .unwrap()
                .is_empty(),
            "told once"
        );
        assert_eq!(store.reminder_log().unwrap().last_nudge, Some(moment));
    }

    #[test]
    fn writing_that_week_spares_the_nudge_and_an_older_entry_is_named() {
        let (_dir, mut store) = store();
        write(&mut store);
        let written = store.last_written_at().unwrap().unwrap().naive_utc();

        // Two days after writing: the week was journaled, no nudge (but the moment is dealt with).
        let soon = written + TimeDelta::days(2);
        remind(&mut store, nudge_at(soon));
        assert!(due_reminders(&mut store, &Utc, soon).unwrap().is_empty());
        assert!(store.reminder_log().unwrap().last_nudge.is_some());

        // Ten days after: nudged, with the day of the last entry.
        let late = written + TimeDelta::days(10);
        remind(&mut store, nudge_at(late));
        let told = due_reminders(&mut store, &Utc, late).unwrap();
        assert_eq!(told.len(), 1, "{told:?}");
        let day = written.format("%A %-d %B").to_string();
        assert!(told[0].body.contains(&day), "{told:?} should name {day}");
    }

    #[test]
    fn a_check_in_is_told_on_its_day_from_nine_once() {
        let (_dir, mut store) = store();
        let today = crate::clock::today();
        let due = today + Days::new(3);
        let r = store.start_reflection(&ReflectionTrigger::ByHand).unwrap();
        store
            .choose_strategies(r.id, &[Strategy::LearnOrResponsibility])
            .unwrap();
        let draft = MoveDraft {
            strategy: Strategy::LearnOrResponsibility,
            text: "Finish the course".into(),
            due: due.to_string(),
        };
        store
            .add_move(r.id, &draft.validate(today, None).unwrap())
            .unwrap();
        remind(
            &mut store,
            ReminderSettings {
                check_in_reminders: true,
                ..ReminderSettings::default()
            },
        );
        let at = |h| due.and_hms_opt(h, 0, 0).unwrap();
        assert!(
            due_reminders(
                &mut store,
                &Utc,
                due.pred_opt().unwrap().and_hms_opt(12, 0, 0).unwrap()
            )
            .unwrap()
            .is_empty(),
            "not before its day"
        );
        assert!(
            due_reminders(&mut store, &Utc, at(8)).unwrap().is_empty(),
            "not before nine"
        );
        let told = due_reminders(&mut store, &Utc, at(9)).unwrap();
        assert_eq!(
            told,
            vec![Reminder {
                title: "Trajectory: a check-in is due".into(),
                body: format!("You planned to “Finish the course” by {due}. How did it go?"),
            }]
        );
        assert!(
            due_reminders(&mut store, &Utc, at(10)).unwrap().is_empty(),
            "told once"
        );
    }
}
