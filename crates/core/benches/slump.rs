//! Slump detection over ten years: the replay of the detector (every silence judged, the
//! open slump followed day by day) and the check of one day. Run with
//! `cargo bench -p trajectory-core --bench slump`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use trajectory_core::{
    Achievement, DateRange, Scope, ScopeHistory, SlumpSettings, check_slump, replay_slumps,
};

/// Nine years with a milestone about every three weeks, two pauses, then a silent year.
fn ten_years() -> (NaiveDate, ScopeHistory, Vec<DateRange>) {
    let from = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let day = |n| from.checked_add_days(Days::new(n)).unwrap();
    let achievements = (0..158u64)
        .map(|i| Achievement {
            date: day(i * 20 + i % 7),
            weight: (i % 3 + 1) as f64,
        })
        .collect();
    let paused = vec![
        DateRange::new(day(800), day(890)).unwrap(),
        DateRange::new(day(2400), day(2430)).unwrap(),
    ];
    let history = ScopeHistory {
        scope: Scope::All,
        achievements,
        history_start: from,
        expected: None,
    };
    (to, history, paused)
}

fn bench(c: &mut Criterion) {
    let (to, history, paused) = ten_years();
    let settings = SlumpSettings::default();
    let slumps = replay_slumps(&history, &paused, to, &settings);
    assert!(
        slumps.last().is_some_and(|s| s.end.is_none()),
        "the silent year is an open slump"
    );
    c.bench_function("replay, 10 years", |b| {
        b.iter(|| replay_slumps(black_box(&history), black_box(&paused), to, &settings))
    });
    c.bench_function("check, one day", |b| {
        b.iter(|| check_slump(black_box(&history), black_box(&paused), to, &settings))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
