//! Renders every chart from made-up data (three months and ten years, light and dark; PNG at
//! 1600×900 and 800×450, SVG at 960×540) into a folder, to look at them:
//! `cargo run -p trajectory-charts --example gallery -- OUT_DIR`.
//! docs/screenshots/chart-*.png are copies of some of these (see docs/screenshots/CHARTS.md).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono::{Days, NaiveDate};
use trajectory_charts::{
    Chart, ChartOptions, HeatmapData, MilestoneMark, MoodData, MoodPoint, Theme, TrajectoryData,
    VelocityData, heatmap_chart, mood_chart, trajectory_chart, velocity_chart,
};
use trajectory_core::{
    Achievement, BaselineSource, DateRange, Goal, GoalStatus, Milestone, MilestoneKind, Scope,
    Step, VelocitySettings, baseline, forecast, series,
};

/// A small deterministic pseudo-random sequence (no dependency needed for made-up data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn day(start: NaiveDate, n: u64) -> NaiveDate {
    start.checked_add_days(Days::new(n)).unwrap()
}

struct Story {
    from: NaiveDate,
    to: NaiveDate,
    marks: Vec<MilestoneMark>,
    slumps: Vec<DateRange>,
    paused: Vec<DateRange>,
}

fn story(from: NaiveDate, days: u64, seed: u64) -> Story {
    let mut rng = Lcg(seed);
    let to = day(from, days);
    let mut marks = Vec::new();
    let mut n = rng.next(20);
    // A slow stretch two thirds of the way in (long histories only) and a pause.
    let slump = (days > 400).then(|| (days * 6 / 10, days * 6 / 10 + 200));
    let pause = if days > 400 {
        (days / 4, days / 4 + 90)
    } else {
        (40, 49)
    };
    while n <= days {
        let weight = [1, 1, 1, 2, 2, 3][rng.next(6) as usize];
        marks.push(MilestoneMark {
            date: day(from, n),
            weight,
            title: format!("Milestone {}", marks.len() + 1),
        });
        let gap = if days > 400 {
            15 + rng.next(50)
        } else {
            5 + rng.next(20)
        };
        n += gap;
        if let Some((a, b)) = slump
            && n >= a
            && n < b
        {
            n = b + rng.next(20);
        }
        if n >= pause.0 && n <= pause.1 {
            n = pause.1 + 1 + rng.next(10);
        }
    }
    Story {
        from,
        to,
        marks,
        slumps: slump
            .map(|(a, b)| DateRange::new(day(from, a + 60), day(from, b)).unwrap())
            .into_iter()
            .collect(),
        paused: vec![DateRange::new(day(from, pause.0), day(from, pause.1)).unwrap()],
    }
}

/// One goal over the story: its achieved milestones are the story's, each planned a little
/// before or after it happened, and a few open ones are planned ahead.
fn goal_story(s: &Story, rng: &mut Lcg) -> (Goal, Vec<Milestone>) {
    let days = (s.to - s.from).num_days() as u64;
    let goal = Goal {
        id: 1,
        title: "Staff engineer".into(),
        here: "Senior engineer".into(),
        there: "Staff engineer".into(),
        start_date: s.from,
        target_date: day(s.from, days + days / 5),
        cadence_weeks: Some(6),
        status: GoalStatus::Active,
        created_at: DateTime::<Utc>::default(),
        updated_at: DateTime::<Utc>::default(),
    };
    let kinds = [
        MilestoneKind::Skill,
        MilestoneKind::Project,
        MilestoneKind::Promotion,
    ];
    let mut milestones: Vec<Milestone> = s
        .marks
        .iter()
        .enumerate()
        .map(|(i, m)| Milestone {
            id: i as i64 + 1,
            goal_id: 1,
            kind: kinds[usize::from(m.weight) - 1],
            title: m.title.clone(),
            weight: m.weight,
            planned_date: Some(day(
                s.from,
                (m.date - s.from).num_days().max(0) as u64 * 9 / 10 + rng.next(9),
            )),
            achieved_date: Some(m.date),
            notes: String::new(),
            entry_ids: vec![],
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        })
        .collect();
    for k in 0..4u64 {
        let id = milestones.len() as i64 + 1;
        milestones.push(Milestone {
            id,
            goal_id: 1,
            kind: MilestoneKind::Project,
            title: format!("Open step {}", k + 1),
            weight: 2,
            planned_date: Some(day(s.to, (k + 1) * days / 25 + 3)),
            achieved_date: None,
            notes: String::new(),
            entry_ids: vec![],
            created_at: DateTime::<Utc>::default(),
            updated_at: DateTime::<Utc>::default(),
        });
    }
    (goal, milestones)
}

/// Entries on most days, some days two, with mood and felt progress drifting slowly.
fn mood_story(s: &Story, rng: &mut Lcg) -> Vec<MoodPoint> {
    let mut out = Vec::new();
    let (mut mood, mut progress) = (3.0f64, 3.0f64);
    let mut date = s.from;
    while date <= s.to {
        mood = (mood + (rng.next(100) as f64 - 49.5) / 120.0).clamp(1.0, 5.0);
        progress = (progress + (rng.next(100) as f64 - 49.5) / 100.0).clamp(1.0, 5.0);
        let slow = s.slumps.iter().any(|r| r.contains(date));
        let entries = match rng.next(10) {
            0..=3 => 0,
            4..=8 => 1,
            _ => 2,
        };
        for _ in 0..entries {
            out.push(MoodPoint {
                date,
                mood: Some(mood.round() as u8),
                progress: Some(if slow { 2 } else { progress.round() as u8 }),
            });
        }
        date = day(date, 1);
    }
    out
}

fn save(dir: &Path, name: &str, chart: &Chart) {
    let path = dir.join(name);
    std::fs::write(&path, chart.image.as_bytes()).unwrap();
    println!(
        "{} ({} bytes): {}",
        path.display(),
        chart.image.as_bytes().len(),
        chart.alt.description
    );
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "gallery".into()));
    std::fs::create_dir_all(&dir).unwrap();
    let settings = VelocitySettings::default();
    for (label, from, days) in [
        ("3m", NaiveDate::from_ymd_opt(2026, 8, 27).unwrap(), 90),
        ("10y", NaiveDate::from_ymd_opt(2016, 11, 25).unwrap(), 3652),
    ] {
        let s = story(from, days, 7);
        let achievements: Vec<Achievement> = s
            .marks
            .iter()
            .map(|m| Achievement {
                date: m.date,
                weight: f64::from(m.weight),
            })
            .collect();
        let step = if days > 400 {
            Step::Weekly
        } else {
            Step::Daily
        };
        let points = series(&achievements, &s.paused, s.from, s.to, step, &settings);
        let base = baseline(
            &achievements,
            &s.paused,
            &s.slumps,
            s.to,
            s.from,
            Some(30.0 / 42.0),
            &settings,
        );
        assert!(base.is_none_or(|b| b.source != BaselineSource::ShortHistory));
        let data = VelocityData {
            series: &points,
            baseline: base,
            slumps: &s.slumps,
            paused: &s.paused,
            milestones: &s.marks,
        };
        let (goal, milestones) = goal_story(&s, &mut Lcg(11));
        let paused = s.paused.clone();
        let ms_base = baseline(
            &Scope::Goal(1).achievements(&milestones),
            &paused,
            &[],
            s.to,
            goal.start_date,
            goal.expected_velocity(),
            &settings,
        );
        let fc = forecast(
            &goal,
            &milestones,
            &paused,
            s.to,
            ms_base.as_ref(),
            &settings,
        );
        let trajectory = TrajectoryData {
            goal: &goal,
            milestones: &milestones,
            forecast: fc.as_ref(),
            as_of: s.to,
        };
        let moods = mood_story(&s, &mut Lcg(5));
        let mood = MoodData {
            points: &moods,
            from: s.from,
            to: s.to,
        };
        let entry_dates: Vec<NaiveDate> = moods.iter().map(|m| m.date).collect();
        let milestone_dates: Vec<NaiveDate> = s.marks.iter().map(|m| m.date).collect();
        let heat = HeatmapData {
            entry_dates: &entry_dates,
            milestone_dates: &milestone_dates,
            from: s.from,
            to: s.to,
        };
        for theme in [Theme::Light, Theme::Dark] {
            let t = if theme == Theme::Light {
                "light"
            } else {
                "dark"
            };
            let svg = ChartOptions::svg(theme);
            let svg_name = |chart: &str| format!("{chart}-{label}-{t}.svg");
            save(
                &dir,
                &svg_name("velocity"),
                &velocity_chart(&data, &svg).unwrap(),
            );
            save(
                &dir,
                &svg_name("trajectory"),
                &trajectory_chart(&trajectory, &svg).unwrap(),
            );
            save(&dir, &svg_name("mood"), &mood_chart(&mood, &svg).unwrap());
            save(
                &dir,
                &svg_name("heatmap"),
                &heatmap_chart(&heat, &svg).unwrap(),
            );
            for (size, options) in [
                ("", ChartOptions::png(theme)),
                (
                    "-small",
                    ChartOptions {
                        width: 800,
                        height: 450,
                        ..ChartOptions::png(theme)
                    },
                ),
            ] {
                let name = |chart: &str| format!("{chart}-{label}-{t}{size}.png");
                save(
                    &dir,
                    &name("velocity"),
                    &velocity_chart(&data, &options).unwrap(),
                );
                save(
                    &dir,
                    &name("trajectory"),
                    &trajectory_chart(&trajectory, &options).unwrap(),
                );
                save(&dir, &name("mood"), &mood_chart(&mood, &options).unwrap());
                save(
                    &dir,
                    &name("heatmap"),
                    &heatmap_chart(&heat, &options).unwrap(),
                );
            }
        }
    }
}
