//! The person's settings, stored as one JSON document.

use rusqlite::{OptionalExtension, params};
use trajectory_core::AppSettings;

use crate::db::Store;
use crate::error::StoreError;

const KEY: &str = "app";

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use trajectory_core::slump::Sensitivity;

    #[test]
    fn settings_default_then_persist() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.settings().unwrap(), AppSettings::default());
        let chosen = AppSettings {
            sensitivity: Sensitivity::Eager,
            slump_notifications: true,
        };
        store.save_settings(&chosen).unwrap();
        drop(store);
        let store = Store::open(tmp.path(), None).unwrap();
        assert_eq!(store.settings().unwrap(), chosen);
    }
}
