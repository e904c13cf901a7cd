//! Velocity over ten years: the daily series (3,653 samples) behind the velocity chart, the
//! baseline, and a single point. Run with `cargo bench -p trajectory-core --bench velocity`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use trajectory_core::{
    Achievement, DateRange, Step, VelocitySettings, baseline, series, velocity_at,
};

/// Ten years with a milestone about every three weeks (weights 1–3) and two pauses.
fn ten_years() -> (NaiveDate, NaiveDate, Vec<Achievement>, Vec<DateRange>) {
    let from = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let achievements = (0..175u64)
        .map(|i| Achievement {
            date: from.checked_add_days(Days::new(i * 20 + i % 7)).unwrap(),
            weight: (i % 3 + 1) as f64,
        })
        .collect();
    let day = |n| from.checked_add_days(Days::new(n)).unwrap();
    let paused = vec![
        DateRange::new(day(800), day(890)).unwrap(),
        DateRange::new(day(2400), day(2430)).unwrap(),
    ];
    (from, to, achievements, paused)
}

fn bench(c: &mut Criterion) {
    let (from, to, achievements, paused) = ten_years();
    let settings = VelocitySettings::default();
    c.bench_function("series, 10 years daily", |b| {
        b.iter(|| {
            series(
                black_box(&achievements),
                black_box(&paused),
                from,
                to,
                Step::Daily,
                &settings,
            )
        })
    });
    c.bench_function("baseline, 365-day window", |b| {
        b.iter(|| {
            baseline(
                black_box(&achievements),
                black_box(&paused),
                &[],
                to,
                from,
                None,
                &settings,
            )
        })
    });
    c.bench_function("velocity_at, one day", |b| {
        b.iter(|| velocity_at(black_box(&achievements), black_box(&paused), to, &settings))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
