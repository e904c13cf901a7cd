//! The person's settings: how readily a slump is raised and whether it may also be told by a
//! desktop notification (off unless they turn it on).

use serde::{Deserialize, Serialize};

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
        assert_eq!(s.slump_settings().alpha(), Sensitivity::Normal.alpha());
        let parsed: AppSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(
            parsed, s,
            "settings saved by an older version read as defaults"
        );
    }
}
