//! Reminders: when the weekly nudge to write is due, and which move check-ins to remind of on
//! their day. Pure: the local time `now`, the last time something was written and what was
//! already reminded of arrive as parameters; the app's timer asks, the store keeps the log.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::reflection::CheckInId;

/// A nudge missed while the app was closed is still given if the app opens within this long
/// after its moment; later, that week's nudge is skipped rather than given days late.
pub const NUDGE_GRACE: TimeDelta = TimeDelta::hours(24);

/// Writing within this long before the nudge's moment (or after it) means the week was
/// journaled: no nudge.
pub const NUDGE_WEEK: TimeDelta = TimeDelta::days(7);

/// On a check-in's due day, its reminder comes from this time on (an overdue one at once).
pub const CHECK_IN_REMINDER_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a time"),
};

/// A day of the week, as the settings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum WeekDay {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<chrono::Weekday> for WeekDay {
    fn from(day: chrono::Weekday) -> Self {
        use chrono::Weekday::*;
        match day {
            Mon => WeekDay::Monday,
            Tue => WeekDay::Tuesday,
            Wed => WeekDay::Wednesday,
            Thu => WeekDay::Thursday,
            Fri => WeekDay::Friday,
            Sat => WeekDay::Saturday,
            Sun => WeekDay::Sunday,
        }
    }
}

impl WeekDay {
    /// Days after Monday (Monday = 0).
    fn days_after_monday(self) -> u32 {
        match self {
            WeekDay::Monday => 0,
            WeekDay::Tuesday => 1,
            WeekDay::Wednesday => 2,
            WeekDay::Thursday => 3,
            WeekDay::Friday => 4,
            WeekDay::Saturday => 5,
            WeekDay::Sunday => 6,
        }
    }
}

/// The reminder choices. Both kinds are off until the person turns them on (decision 0046).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReminderSettings {
    /// A weekly desktop notification to write, unless something was written that week.
    #[serde(default)]
    pub weekly_nudge: bool,
    /// The day of the weekly nudge.
    #[serde(default = "default_nudge_day")]
    pub nudge_day: WeekDay,
    /// The local time of the weekly nudge, `HH:MM`.
    #[serde(default = "default_nudge_time", with = "hh_mm")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub nudge_time: NaiveTime,
    /// A desktop notification on the day a move's check-in is due.
    #[serde(default)]
    pub check_in_reminders: bool,
}

fn default_nudge_day() -> WeekDay {
    WeekDay::Friday
}

fn default_nudge_time() -> NaiveTime {
    NaiveTime::from_hms_opt(16, 0, 0).expect("16:00 is a time")
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            weekly_nudge: false,
            nudge_day: default_nudge_day(),
            nudge_time: default_nudge_time(),
            check_in_reminders: false,
        }
    }
}

/// `HH:MM` for a time of day, the way `<input type="time">` writes it (seconds dropped).
mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format("%H:%M"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .map_err(|_| D::Error::custom(format!("“{text}” is not a time of day (HH:MM)")))
    }
}

/// What has been reminded of already, so nothing is told twice (kept by the store).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReminderLog {
    /// The moment of the last weekly nudge that was dealt with (given or not needed).
    #[serde(default)]
    pub last_nudge: Option<NaiveDateTime>,
    /// Check-ins already reminded of that are still unanswered.
    #[serde(default)]
    pub check_ins_reminded: Vec<CheckInId>,
}

/// The latest weekly moment (`day` at `time`) at or before `now`.
pub fn latest_nudge_moment(day: WeekDay, time: NaiveTime, now: NaiveDateTime) -> NaiveDateTime {
    let today = now.date();
    let back = (today.weekday().num_days_from_monday() + 7 - day.days_after_monday()) % 7;
    let date = today - Days::new(u64::from(back));
    let moment = date.and_time(time);
    if moment <= now {
        moment
    } else {
        (date - Days::new(7)).and_time(time)
    }
}

/// The weekly nudge's moment to deal with now, if one is pending: nudges on, the moment passed
/// no more than [`NUDGE_GRACE`] ago, and not dealt with yet. The caller then asks
/// [`nudge_needed`] and records the moment in [`ReminderLog::last_nudge`] either way.
pub fn pending_nudge(
    settings: &ReminderSettings,
    log: &ReminderLog,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    if !settings.weekly_nudge {
        return None;
    }
    let moment = latest_nudge_moment(settings.nudge_day, settings.nudge_time, now);
    let fresh = now - moment <= NUDGE_GRACE;
    let handled = log.last_nudge.is_some_and(|last| last >= moment);
    (fresh && !handled).then_some(moment)
}

/// Whether the nudge for `moment` should be given: nothing written in the [`NUDGE_WEEK`]
/// before it, nor since. `last_written` is when an entry was last written or changed.
pub fn nudge_needed(moment: NaiveDateTime, last_written: Option<NaiveDateTime>) -> bool {
    last_written.is_none_or(|w| w <= moment - NUDGE_WEEK)
}

/// The due check-ins (`(id, due day)`, unanswered) to remind of now: reminders on, not
/// reminded of before, and — on the due day itself — not before [`CHECK_IN_REMINDER_TIME`].
pub fn check_ins_to_remind(
    settings: &ReminderSettings,
    log: &ReminderLog,
    due: &[(CheckInId, NaiveDate)],
    now: NaiveDateTime,
) -> Vec<CheckInId> {
    if !settings.check_in_reminders {
        return Vec::new();
    }
    let today = now.date();
    due.iter()
        .filter(|(_, day)| *day < today || (*day == today && now.time() >= CHECK_IN_REMINDER_TIME))
        .map(|(id, _)| *id)
        .filter(|id| !log.check_ins_reminded.contains(id))
        .collect()
}

impl ReminderLog {
    /// Notes `reminded` as told, and forgets check-ins that are no longer due (answered),
    /// so the log stays as small as the list of open check-ins.
    pub fn remember_check_ins(&mut self, reminded: &[CheckInId], still_due: &[CheckInId]) {
        self.check_ins_reminded.retain(|id| still_due.contains(id));
        for id in reminded {
            if !self.check_ins_reminded.contains(id) {
                self.check_ins_reminded.push(*id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        crate::parse_date(text).unwrap()
    }

    fn nudges_on(day: WeekDay, time: &str) -> ReminderSettings {
        ReminderSettings {
            weekly_nudge: true,
            nudge_day: day,
            nudge_time: NaiveTime::parse_from_str(time, "%H:%M").unwrap(),
            check_in_reminders: false,
        }
    }

    // 2026-11-27 is a Friday.

    #[test]
    fn the_latest_moment_is_this_week_once_passed_else_last_week() {
        let fri = |now| latest_nudge_moment(WeekDay::Friday, at("2000-01-01 16:00").time(), now);
        assert_eq!(fri(at("2026-11-27 16:00")), at("2026-11-27 16:00"));
        assert_eq!(fri(at("2026-11-27 15:59")), at("2026-11-20 16:00"));
        assert_eq!(fri(at("2026-11-29 08:00")), at("2026-11-27 16:00"));
        assert_eq!(fri(at("2026-11-26 23:59")), at("2026-11-20 16:00"));
        let mon = latest_nudge_moment(
            WeekDay::Monday,
            at("2000-01-01 09:30").time(),
            at("2026-11-27 12:00"),
        );
        assert_eq!(mon, at("2026-11-23 09:30"));
        let sun = latest_nudge_moment(
            WeekDay::Sunday,
            at("2000-01-01 20:00").time(),
            at("2026-11-30 10:00"),
        );
        assert_eq!(sun, at("2026-11-29 20:00"));
    }

    #[test]
    fn every_chrono_weekday_maps_to_its_own_day() {
        let start = day("2026-11-23"); // a Monday
        for n in 0..7u64 {
            let date = start + Days::new(n);
            let moment = latest_nudge_moment(
                date.weekday().into(),
                CHECK_IN_REMINDER_TIME,
                date.and_time(CHECK_IN_REMINDER_TIME),
            );
            assert_eq!(moment.date(), date);
        }
    }

    #[test]
    fn a_nudge_is_pending_from_its_moment_for_a_day_and_only_once() {
        let s = nudges_on(WeekDay::Friday, "16:00");
        let mut log = ReminderLog::default();
        assert_eq!(
            pending_nudge(&s, &log, at("2026-11-27 15:59")),
            None,
            "the grace of the week before has passed"
        );
        assert_eq!(
            pending_nudge(&s, &log, at("2026-11-27 16:00")),
            Some(at("2026-11-27 16:00"))
        );
        assert_eq!(
            pending_nudge(&s, &log, at("2026-11-28 16:00")),
            Some(at("2026-11-27 16:00")),
            "opened the next day"
        );
        assert_eq!(
            pending_nudge(&s, &log, at("2026-11-28 16:01")),
            None,
            "more than a day late: skipped"
        );
        log.last_nudge = Some(at("2026-11-27 16:00"));
        assert_eq!(
            pending_nudge(&s, &log, at("2026-11-27 16:05")),
            None,
            "dealt with"
        );
        assert_eq!(
            pending_nudge(&s, &log, at("2026-12-04 16:00")),
            Some(at("2026-12-04 16:00")),
            "next week"
        );
    }

    #[test]
    fn nudges_off_means_never() {
        let s = ReminderSettings {
            weekly_nudge: false,
            ..nudges_on(WeekDay::Friday, "16:00")
        };
        assert_eq!(
            pending_nudge(&s, &ReminderLog::default(), at("2026-11-27 16:00")),
            None
        );
    }

    #[test]
    fn writing_that_week_or_since_makes_the_nudge_unneeded() {
        let moment = at("2026-11-27 16:00");
        assert!(nudge_needed(moment, None), "an empty journal is nudged");
        assert!(
            nudge_needed(moment, Some(at("2026-11-20 16:00"))),
            "exactly a week before"
        );
        assert!(!nudge_needed(moment, Some(at("2026-11-20 16:01"))));
        assert!(
            !nudge_needed(moment, Some(at("2026-11-27 18:00"))),
            "written after the moment"
        );
        assert!(nudge_needed(moment, Some(at("2026-10-01 09:00"))));
    }

    #[test]
    fn check_ins_are_reminded_on_their_day_from_nine_and_once() {
        let s = ReminderSettings {
            check_in_reminders: true,
            ..ReminderSettings::default()
        };
        let due = [(1, day("2026-11-27")), (2, day("2026-11-20"))];
        let mut log = ReminderLog::default();
        assert_eq!(
            check_ins_to_remind(&s, &log, &due, at("2026-11-27 08:59")),
            vec![2],
            "overdue at once"
        );
        assert_eq!(
            check_ins_to_remind(&s, &log, &due, at("2026-11-27 09:00")),
            vec![1, 2]
        );
        log.remember_check_ins(&[1, 2], &[1, 2]);
        assert!(check_ins_to_remind(&s, &log, &due, at("2026-11-27 12:00")).is_empty());
        // A "not yet" answer closes check-in 1 and opens check-in 3 a week later.
        let later = [(2, day("2026-11-20")), (3, day("2026-12-04"))];
        log.remember_check_ins(&[], &[2, 3]);
        assert_eq!(
            log.check_ins_reminded,
            vec![2],
            "answered ones are forgotten"
        );
        assert!(
            check_ins_to_remind(&s, &log, &later, at("2026-12-03 12:00")).is_empty(),
            "not yet due"
        );
        assert_eq!(
            check_ins_to_remind(&s, &log, &later, at("2026-12-04 09:30")),
            vec![3]
        );
    }

    #[test]
    fn check_in_reminders_off_means_never() {
        let s = ReminderSettings::default();
        assert!(
            check_ins_to_remind(
                &s,
                &ReminderLog::default(),
                &[(1, day("2026-11-01"))],
                at("2026-11-27 12:00")
            )
            .is_empty()
        );
    }

    #[test]
    fn settings_read_hh_mm_and_default_when_missing() {
        let s: ReminderSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, ReminderSettings::default());
        assert!(
            !s.weekly_nudge && !s.check_in_reminders,
            "both off by default"
        );
        let s: ReminderSettings = serde_json::from_str(
            r#"{"weekly_nudge":true,"nudge_day":"sunday","nudge_time":"07:45","check_in_reminders":true}"#,
        )
        .unwrap();
        assert_eq!(s, nudges_on(WeekDay::Sunday, "07:45").with_check_ins());
        assert_eq!(
            serde_json::to_value(s).unwrap()["nudge_time"],
            serde_json::json!("07:45")
        );
        for bad in [
            r#"{"nudge_time":"25:00"}"#,
            r#"{"nudge_time":"7pm"}"#,
            r#"{"nudge_day":"someday"}"#,
        ] {
            assert!(
                serde_json::from_str::<ReminderSettings>(bad).is_err(),
                "{bad}"
            );
        }
    }

    impl ReminderSettings {
        fn with_check_ins(self) -> Self {
            ReminderSettings {
                check_in_reminders: true,
                ..self
            }
        }
    }
}
