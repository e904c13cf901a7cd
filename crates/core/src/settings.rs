//! The person's settings: how readily a slump is raised, whether it may also be told by a
//! desktop notification, and the reminders (all notifications off unless they turn them on).

use serde::{Deserialize, Serialize};

use crate::reminder::ReminderSettings;
use crate::slump::{Sensitivity, SlumpSettings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AppSettings {
    /// relaxed / normal / eager.
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Also tell a newly raised slump with a desktop notification.
    #[serde(default)]
    pub slump_notifications: bool,
    /// The weekly nudge to write and the reminders of move check-ins.
    #[serde(default)]
    pub reminders: ReminderSettings,
}

impl AppSettings {
    /// The detector's settings these choices imply.
    pub fn slump_settings(&self) -> SlumpSettings {
        SlumpSettings {
            sensitivity: self.sensitivity,
            ..SlumpSettings::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notifications_are_off_and_sensitivity_normal_by_default() {
        let s = AppSettings::default();
        assert!(!s.slump_notifications);
        assert!(!s.reminders.weekly_nudge && !s.reminders.check_in_reminders);
        assert_eq!(s.slump_settings().alpha(), Sensitivity::Normal.alpha());
        let parsed: AppSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(
            parsed, s,
            "settings saved by an older version read as defaults"
        );
    }
}
