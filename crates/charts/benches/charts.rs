//! The velocity chart over ten years of daily samples: series + SVG (the UI's path) and PNG
//! at 1600×900 (export); the heatmap over one and ten years. Run with
//! `cargo bench -p trajectory-charts --bench charts`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use trajectory_charts::{
    ChartOptions, HeatmapData, MilestoneMark, Theme, VelocityData, heatmap_chart, velocity_chart,
};
use trajectory_core::{
    Achievement, Baseline, BaselineSource, DateRange, Step, VelocitySettings, series,
};

struct TenYears {
    from: NaiveDate,
    to: NaiveDate,
    achievements: Vec<Achievement>,
    marks: Vec<MilestoneMark>,
    paused: Vec<DateRange>,
    slumps: Vec<DateRange>,
}

/// Ten years with a milestone about every three weeks (weights 1–3), two pauses, one slump.
fn ten_years() -> TenYears {
    let from = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let day = |n| from.checked_add_days(Days::new(n)).unwrap();
    let marks: Vec<MilestoneMark> = (0..175u64)
        .map(|i| MilestoneMark {
            date: day(i * 20 + i % 7),
            weight: (i % 3 + 1) as u8,
            title: format!("Milestone {i}"),
        })
        .collect();
    TenYears {
        from,
        to,
        achievements: marks
            .iter()
            .map(|m| Achievement {
                date: m.date,
                weight: f64::from(m.weight),
            })
            .collect(),
        marks,
        paused: vec![
            DateRange::new(day(800), day(890)).unwrap(),
            DateRange::new(day(2400), day(2430)).unwrap(),
        ],
        slumps: vec![DateRange::new(day(1500), day(1650)).unwrap()],
    }
}

const BASELINE: Baseline = Baseline {
    velocity: 1.2,
    low: 0.9,
    high: 1.6,
    source: BaselineSource::History,
};

fn bench(c: &mut Criterion) {
    let t = ten_years();
    let settings = VelocitySettings::default();
    let points = series(
        &t.achievements,
        &t.paused,
        t.from,
        t.to,
        Step::Daily,
        &settings,
    );
    let data = VelocityData {
        series: &points,
        baseline: Some(BASELINE),
        slumps: &t.slumps,
        paused: &t.paused,
        milestones: &t.marks,
    };
    let svg = ChartOptions::svg(Theme::Light);
    let png = ChartOptions::png(Theme::Light);
    let size = velocity_chart(&data, &svg).unwrap().image.as_bytes().len();
    eprintln!("velocity SVG over 10 years of daily samples: {size} bytes");
    c.bench_function("velocity: series + SVG, 10 years daily", |b| {
        b.iter(|| {
            let points = series(
                black_box(&t.achievements),
                &t.paused,
                t.from,
                t.to,
                Step::Daily,
                &settings,
            );
            let data = VelocityData {
                series: &points,
                ..data
            };
            velocity_chart(&data, &svg).unwrap()
        })
    });
    c.bench_function("velocity: SVG only, 10 years daily", |b| {
        b.iter(|| velocity_chart(black_box(&data), &svg).unwrap())
    });
    c.bench_function("velocity: PNG 1600x900, 10 years daily", |b| {
        b.iter(|| velocity_chart(black_box(&data), &png).unwrap())
    });
    // The heatmap is drawn as SVG to measure the height its calendar leaves empty, then again
    // at the height it needs unless that drawing is already the picture (decision 0066): all
    // three cases below draw twice (both SVGs are cut: 960×230 and 960×482). Entries on six
    // days in ten.
    let days: Vec<NaiveDate> = t
        .from
        .iter_days()
        .take_while(|d| *d <= t.to)
        .enumerate()
        .filter(|(i, _)| i % 10 < 6)
        .map(|(_, d)| d)
        .collect();
    let achieved: Vec<NaiveDate> = t.marks.iter().map(|m| m.date).collect();
    let year = HeatmapData {
        entry_dates: &days,
        milestone_dates: &achieved,
        from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        to: t.to,
    };
    let decade = HeatmapData {
        from: t.from,
        ..year
    };
    c.bench_function("heatmap: PNG 1600 wide, 1 year", |b| {
        b.iter(|| heatmap_chart(black_box(&year), &png).unwrap())
    });
    c.bench_function("heatmap: SVG 960x540, 1 year", |b| {
        b.iter(|| heatmap_chart(black_box(&year), &svg).unwrap())
    });
    c.bench_function("heatmap: SVG 960x540, 10 years", |b| {
        b.iter(|| heatmap_chart(black_box(&decade), &svg).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
