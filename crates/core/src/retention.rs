//! Which automatic backups to keep: the newest of each of the last 7 days that have one and
//! the newest of each of the last 4 weeks that have one; when the next one is due.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, IsoWeek, NaiveDate, TimeDelta, Utc};

/// How many days keep their newest backup.
pub const KEEP_DAILY: usize = 7;
/// How many ISO weeks keep their newest backup.
pub const KEEP_WEEKLY: usize = 4;

/// True when a new automatic backup should be taken at `now`: there is none, or the newest
/// is a day old or older. A newest backup "in the future" (a clock set back) counts as due,
/// so a wrong clock never stops backups for good.
pub fn backup_due(newest: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match newest {
        None => true,
        Some(t) => t > now || now - t >= TimeDelta::days(1),
    }
}

/// For each backup time in `taken` (any order), whether to keep it. Days and weeks are UTC
/// calendar days and ISO weeks. A backup is kept if it is the newest of one of the
/// [`KEEP_DAILY`] most recent days that have a backup, or the newest of one of the
/// [`KEEP_WEEKLY`] most recent weeks that have one. Counting days *with* a backup, rather
/// than the last seven calendar days, means a journal left closed for months still keeps
/// its last backups.
pub fn backups_to_keep(taken: &[DateTime<Utc>]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    // Newest first; equal times by position so the answer does not depend on sort stability.
    order.sort_by(|&a, &b| taken[b].cmp(&taken[a]).then(a.cmp(&b)));
    let mut keep = vec![false; taken.len()];
    let mut days: HashSet<NaiveDate> = HashSet::new();
    let mut weeks: HashSet<IsoWeek> = HashSet::new();
    for i in order {
        let day = taken[i].date_naive();
        let week = day.iso_week();
        if days.len() < KEEP_DAILY && days.insert(day) {
            keep[i] = true;
        }
        if weeks.len() < KEEP_WEEKLY && weeks.insert(week) {
            keep[i] = true;
        }
        // A later backup of an already-seen day or week is not the newest of it: it is kept
        // only if the other rule keeps it.
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn due_when_none_or_a_day_old() {
        let now = t("2026-03-14T12:00:00Z");
        assert!(backup_due(None, now));
        assert!(!backup_due(Some(t("2026-03-14T00:00:00Z")), now));
        assert!(!backup_due(Some(t("2026-03-13T12:00:01Z")), now));
        assert!(backup_due(Some(t("2026-03-13T12:00:00Z")), now));
        assert!(
            backup_due(Some(t("2026-03-20T12:00:00Z")), now),
            "clock set back"
        );
    }

    #[test]
    fn thirty_daily_backups_keep_seven_days_and_four_weeks() {
        // One backup a day at noon, 2026-02-01 (a Sunday) to 2026-03-02 (a Monday).
        let start = t("2026-02-01T12:00:00Z");
        let taken: Vec<_> = (0..30).map(|d| start + TimeDelta::days(d)).collect();
        let keep = backups_to_keep(&taken);
        let kept: Vec<String> = taken
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| t.format("%Y-%m-%d").to_string())
            .collect();
        assert_eq!(
            kept,
            [
                // the newest of ISO weeks 07 and 08 (their Sundays); weeks 09 and 10 are
                // the four most recent weeks with them, and their newest are among the days
                "2026-02-15",
                "2026-02-22",
                // the last seven days (the newest of week 09 is 2026-03-01, among them)
                "2026-02-24",
                "2026-02-25",
                "2026-02-26",
                "2026-02-27",
                "2026-02-28",
                "2026-03-01",
                "2026-03-02",
            ]
        );
    }

    #[test]
    fn several_backups_in_one_day_keep_only_the_newest() {
        let taken = [
            t("2026-03-14T08:00:00Z"),
            t("2026-03-14T20:00:00Z"),
            t("2026-03-14T12:00:00Z"),
        ];
        assert_eq!(backups_to_keep(&taken), [false, true, false]);
    }

    #[test]
    fn a_long_gap_keeps_the_last_backups() {
        let taken = [t("2020-01-01T00:00:00Z"), t("2020-06-01T00:00:00Z")];
        assert_eq!(backups_to_keep(&taken), [true, true]);
        assert!(backups_to_keep(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn keeps_the_newest_and_never_more_than_eleven(
            offsets in proptest::collection::vec(0i64..(200 * 24 * 60), 0..80)
        ) {
            let base = t("2025-01-01T00:00:00Z");
            let taken: Vec<_> = offsets.iter().map(|m| base + TimeDelta::minutes(*m)).collect();
            let keep = backups_to_keep(&taken);
            let kept = keep.iter().filter(|k| **k).count();
            prop_assert!(kept <= KEEP_DAILY + KEEP_WEEKLY);
            if let Some(newest) = taken.iter().max() {
                let i = taken.iter().position(|x| x == newest).unwrap();
                prop_assert!(keep[i]);
                // Keeping is stable: running the rule again on what was kept keeps it all.
                let survivors: Vec<_> = taken.iter().zip(&keep).filter(|(_, k)| **k).map(|(t, _)| *t).collect();
                prop_assert!(backups_to_keep(&survivors).iter().all(|k| *k));
            }
        }
    }
}
