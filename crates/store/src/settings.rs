//! The person's settings, stored as one JSON document, and beside them the log of reminders
//! already given.

use rusqlite::{OptionalExtension, params};
use trajectory_core::{AppSettings, ReminderLog};

use crate::db::Store;
use crate::error::StoreError;

const KEY: &str = "app";
const REMINDER_LOG_KEY: &str = "reminder-log";

impl Store {
    /// The saved settings, or the defaults when none were saved.
    pub fn settings(&self) -> Result<AppSettings, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?;
        match text {
            None => Ok(AppSettings::default()),
            Some(t) => {
                serde_json::from_str(&t).map_err(|e| StoreError::Corrupt(format!("settings: {e}")))
            }
        }
    }

    pub fn save_settings(&mut self, settings: &AppSettings) -> Result<AppSettings, StoreError> {
        let text =
            serde_json::to_string(settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![KEY, text],
        )?;
        tx.commit()?;
        self.settings()
    }

    /// What was already reminded of (empty when nothing was).
    pub fn reminder_log(&self) -> Result<ReminderLog, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [REMINDER_LOG_KEY],
                |r| r.get(0),
            )
            .optional()?;
        match text {
            None => Ok(ReminderLog::default()),
            Some(t) => serde_json::from_str(&t)
                .map_err(|e| StoreError::Corrupt(format!("reminder log: {e}"))),
        }
    }

    pub fn save_reminder_log(&mut self, log: &ReminderLog) -> Result<(), StoreError> {
        let text = serde_json::to_string(log).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![REMINDER_LOG_KEY, text],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::slump::Sensitivity;
    use trajectory_core::{ReminderSettings, WeekDay};

    #[test]
    fn settings_default_then_persist() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.settings().unwrap(), AppSettings::default());
        let chosen = AppSettings {
            sensitivity: Sensitivity::Eager,
            slump_notifications: true,
            reminders: ReminderSettings {
                weekly_nudge: true,
                nudge_day: WeekDay::Sunday,
                check_in_reminders: true,
                ..ReminderSettings::default()
            },
        };
        store.save_settings(&chosen).unwrap();
        drop(store);
        let store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.settings().unwrap(), chosen);
    }

    #[test]
    fn the_reminder_log_starts_empty_and_is_kept_apart_from_the_settings() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.reminder_log().unwrap(), ReminderLog::default());
        let log = ReminderLog {
            last_nudge: Some(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
                    .unwrap()
                    .and_hms_opt(16, 0, 0)
                    .unwrap(),
            ),
            check_ins_reminded: vec![3, 5],
        };
        store.save_reminder_log(&log).unwrap();
        store.save_settings(&AppSettings::default()).unwrap();
        assert_eq!(store.reminder_log().unwrap(), log);
        assert_eq!(store.settings().unwrap(), AppSettings::default());
    }
}
