//! Every chart rendered through the public API: SVG and PNG, both themes, shading, text
//! alternatives, and the edge cases (no data, ranges outside the plot).

use chrono::{DateTime, Days, NaiveDate};
use trajectory_charts::{
    ChartOptions, Format, HeatmapData, Image, MilestoneMark, MoodData, MoodPoint, Theme,
    TrajectoryData, VelocityData, heatmap_chart, mood_chart, trajectory_chart, velocity_chart,
};
use trajectory_core::{
    Achievement, Baseline, BaselineSource, DateRange, Goal, GoalStatus, Milestone, MilestoneKind,
    Step, VelocitySettings, forecast, series,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn svg(image: &Image) -> &str {
    match image {
        Image::Svg(text) => text,
        Image::Png(_) => panic!("expected SVG"),
    }
}

/// Decodes a PNG and returns its size and RGB pixels.
fn decode(image: &Image) -> ((u32, u32), Vec<u8>) {
    let Image::Png(bytes) = image else {
        panic!("expected PNG")
    };
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes.as_slice()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    ((info.width, info.height), buf)
}

fn count_colour(pixels: &[u8], rgb: (u8, u8, u8)) -> usize {
    pixels
        .chunks_exact(3)
        .filter(|p| (p[0], p[1], p[2]) == rgb)
        .count()
}

struct Sample {
    points: Vec<trajectory_core::VelocityPoint>,
    marks: Vec<MilestoneMark>,
}

fn sample(days: u64) -> Sample {
    let from = d("2024-01-01");
    let marks: Vec<MilestoneMark> = (0..days / 30)
        .map(|i| MilestoneMark {
            date: from.checked_add_days(Days::new(i * 30 + 3)).unwrap(),
            weight: (i % 3 + 1) as u8,
            title: format!("m{i}"),
        })
        .collect();
    let achievements: Vec<Achievement> = marks
        .iter()
        .map(|m| Achievement {
            date: m.date,
            weight: f64::from(m.weight),
        })
        .collect();
    let to = from.checked_add_days(Days::new(days)).unwrap();
    let points = series(
        &achievements,
        &[],
        from,
        to,
        Step::Daily,
        &VelocitySettings::default(),
    );
    Sample { points, marks }
}

const BASELINE: Baseline = Baseline {
    velocity: 1.0,
    low: 0.8,
    high: 1.3,
    source: BaselineSource::History,
};

#[test]
fn slump_stretches_are_shaded_when_given_and_only_then() {
    let s = sample(400);
    let slump = [DateRange::new(d("2024-06-01"), d("2024-07-15")).unwrap()];
    let with = VelocityData {
        series: &s.points,
        baseline: Some(BASELINE),
        slumps: &slump,
        paused: &[],
        milestones: &s.marks,
    };
    let without = VelocityData {
        slumps: &[],
        ..with
    };
    let options = ChartOptions::svg(Theme::Light);
    let shaded = velocity_chart(&with, &options).unwrap();
    let plain = velocity_chart(&without, &options).unwrap();
    // --color-danger-soft, the light theme's slump shade.
    assert!(svg(&shaded.image).contains("#F7E4E0"));
    assert!(!svg(&plain.image).contains("#F7E4E0"));
    assert!(shaded.alt.description.contains("1 slow stretch is shaded"));
    assert!(svg(&shaded.image).contains("Slow stretch"));
    // A slump wholly outside the plotted dates draws nothing.
    let outside = [DateRange::new(d("2020-01-01"), d("2020-02-01")).unwrap()];
    let far = velocity_chart(
        &VelocityData {
            slumps: &outside,
            ..with
        },
        &options,
    )
    .unwrap();
    let rects = |s: &str| s.matches("#F7E4E0").count();
    assert_eq!(rects(svg(&far.image)), 1, "only the legend swatch");
}

#[test]
fn the_velocity_chart_has_a_title_a_description_and_a_table() {
    let s = sample(120);
    let data = VelocityData {
        series: &s.points,
        baseline: Some(BASELINE),
        slumps: &[],
        paused: &[],
        milestones: &s.marks,
    };
    let chart = velocity_chart(&data, &ChartOptions::svg(Theme::Dark)).unwrap();
    assert_eq!(chart.title, "Milestone velocity");
    let text = svg(&chart.image);
    assert!(text.starts_with("<svg"));
    assert!(text.contains("Milestone velocity"));
    assert!(text.contains("system-ui"), "the UI's font stack");
    assert!(text.contains("#222423"), "the dark surface colour");
    assert!(
        chart
            .alt
            .description
            .contains("usual pace over the past year is 1.00")
    );
    assert_eq!(chart.alt.columns.len(), 2);
    let last = chart.alt.rows.last().unwrap();
    assert_eq!(last[0], s.points.last().unwrap().date.to_string());
    assert!(chart.alt.rows.len() >= 4, "{:?}", chart.alt.rows);
}

#[test]
fn an_empty_velocity_still_renders_and_says_so() {
    let data = VelocityData {
        series: &[],
        baseline: None,
        slumps: &[],
        paused: &[],
        milestones: &[],
    };
    for format in [Format::Svg, Format::Png] {
        let chart = velocity_chart(&data, &ChartOptions::for_format(format, Theme::Light)).unwrap();
        assert!(chart.alt.rows.is_empty());
        assert!(chart.alt.description.contains("no milestone"));
    }
}

#[test]
fn png_export_is_1600_by_900_with_text_drawn_from_the_embedded_font() {
    let s = sample(3650);
    let data = VelocityData {
        series: &s.points,
        baseline: Some(BASELINE),
        slumps: &[],
        paused: &[],
        milestones: &s.marks,
    };
    for (theme, background, text) in [
        (Theme::Light, (0xff, 0xff, 0xff), (0x23, 0x22, 0x1f)),
        (Theme::Dark, (0x22, 0x24, 0x23), (0xe7, 0xe6, 0xe1)),
    ] {
        let chart = velocity_chart(&data, &ChartOptions::png(theme)).unwrap();
        let ((w, h), pixels) = decode(&chart.image);
        assert_eq!((w, h), (1600, 900));
        assert_eq!((pixels[0], pixels[1], pixels[2]), background);
        // The title is drawn in the text colour: a glyph's solid pixels are exactly it.
        assert!(count_colour(&pixels, text) > 200, "{theme:?}");
    }
}

fn goal() -> Goal {
    Goal {
        id: 1,
        title: "Team lead".into(),
        here: String::new(),
        there: String::new(),
        start_date: d("2026-01-01"),
        target_date: d("2026-12-31"),
        cadence_weeks: Some(8),
        status: GoalStatus::Active,
        created_at: DateTime::default(),
        updated_at: DateTime::default(),
    }
}

fn milestone(id: i64, planned: &str, achieved: Option<&str>, weight: u8) -> Milestone {
    Milestone {
        id,
        goal_id: 1,
        kind: MilestoneKind::Project,
        title: format!("Step {id}"),
        weight,
        planned_date: Some(d(planned)),
        achieved_date: achieved.map(d),
        notes: String::new(),
        entry_ids: vec![],
        created_at: DateTime::default(),
        updated_at: DateTime::default(),
    }
}

#[test]
fn the_trajectory_lists_every_milestone_and_tells_the_forecast() {
    let g = goal();
    let ms = vec![
        milestone(1, "2026-02-01", Some("2026-02-10"), 2),
        milestone(2, "2026-04-01", Some("2026-03-20"), 1),
        milestone(3, "2026-06-01", None, 3),
        milestone(4, "2026-09-01", None, 2),
    ];
    let as_of = d("2026-04-15");
    let f = forecast(&g, &ms, &[], as_of, None, &VelocitySettings::default()).unwrap();
    let data = TrajectoryData {
        goal: &g,
        milestones: &ms,
        forecast: Some(&f),
        as_of,
    };
    let chart = trajectory_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
    assert_eq!(chart.title, "Trajectory: Team lead");
    assert_eq!(chart.alt.rows.len(), 4);
    assert_eq!(
        chart.alt.rows[0],
        ["Step 1", "2", "2026-02-01", "2026-02-10", ""]
    );
    assert_eq!(chart.alt.rows[2][4], f.items[0].expected_date.to_string());
    let text = &chart.alt.description;
    assert!(
        text.contains("2 of 4 milestones are achieved, worth 3 of 8 weight points"),
        "{text}"
    );
    assert!(text.contains("the plan had 3 done by then"), "{text}");
    assert!(
        text.contains("the last open milestone lands around"),
        "{text}"
    );
    let png = trajectory_chart(&data, &ChartOptions::png(Theme::Dark)).unwrap();
    assert_eq!(decode(&png.image).0, (1600, 900));
}

#[test]
fn a_trajectory_without_forecast_says_why() {
    let g = goal();
    let ms = vec![milestone(1, "2026-02-01", None, 2)];
    let data = TrajectoryData {
        goal: &g,
        milestones: &ms,
        forecast: None,
        as_of: d("2026-03-01"),
    };
    let chart = trajectory_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
    assert!(chart.alt.description.contains("There is no forecast yet"));
    // With a cadence given, the reason is the pace, not a missing cadence.
    assert!(
        chart.alt.description.contains("pace are about zero"),
        "{}",
        chart.alt.description
    );
    let no_cadence = Goal {
        cadence_weeks: None,
        ..goal()
    };
    let chart = trajectory_chart(
        &TrajectoryData {
            goal: &no_cadence,
            ..data
        },
        &ChartOptions::svg(Theme::Light),
    )
    .unwrap();
    assert!(
        chart.alt.description.contains("or an expected cadence"),
        "{}",
        chart.alt.description
    );
}

#[test]
fn mood_is_averaged_by_week_and_gaps_stay_gaps() {
    let points = [
        MoodPoint {
            date: d("2026-03-02"),
            mood: Some(4),
            progress: Some(2),
        },
        MoodPoint {
            date: d("2026-03-04"),
            mood: Some(2),
            progress: None,
        },
        MoodPoint {
            date: d("2026-03-23"),
            mood: None,
            progress: Some(5),
        },
        MoodPoint {
            date: d("2025-01-01"),
            mood: Some(1),
            progress: Some(1),
        },
    ];
    let data = MoodData {
        points: &points,
        from: d("2026-03-01"),
        to: d("2026-03-31"),
    };
    let chart = mood_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
    assert_eq!(chart.alt.columns[0], "Week of");
    assert_eq!(
        chart.alt.rows,
        [
            ["2026-03-02", "2.0", "3.0", "2"],
            ["2026-03-23", "5.0", "—", "1"],
        ]
    );
    assert!(
        chart.alt.description.contains("3 entries"),
        "the 2025 point is outside"
    );
    // Ten years are averaged by month.
    let long = MoodData {
        points: &points,
        from: d("2016-03-01"),
        to: d("2026-03-31"),
    };
    let chart = mood_chart(&long, &ChartOptions::png(Theme::Dark)).unwrap();
    assert_eq!(chart.alt.columns[0], "Month");
    assert_eq!(chart.alt.rows[0][0], "2025-01");
    let empty = MoodData {
        points: &[],
        from: d("2026-03-01"),
        to: d("2026-03-31"),
    };
    let chart = mood_chart(&empty, &ChartOptions::svg(Theme::Light)).unwrap();
    assert!(svg(&chart.image).contains("No ratings in this period yet."));
}

#[test]
fn the_heatmap_counts_days_entries_runs_and_milestones() {
    let entries = [
        d("2026-03-01"),
        d("2026-03-02"),
        d("2026-03-02"),
        d("2026-03-03"),
        d("2026-03-10"),
        d("2026-04-02"),
        d("2027-01-01"),
    ];
    let milestones = [d("2026-03-03"), d("2020-01-01")];
    let data = HeatmapData {
        entry_dates: &entries,
        milestone_dates: &milestones,
        from: d("2026-03-01"),
        to: d("2026-05-31"),
    };
    let chart = heatmap_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
    let text = &chart.alt.description;
    assert!(
        text.contains("6 entries, written on 5 of 92 days"),
        "{text}"
    );
    assert!(text.contains("1 milestone was achieved"), "{text}");
    assert!(text.contains("3 days, ending 2026-03-03"), "{text}");
    assert_eq!(
        chart.alt.rows,
        [["2026-03", "4", "5", "1"], ["2026-04", "1", "1", "0"]]
    );
    // Days with entries are squares in their shade (light theme: one entry #A3C2BF, two
    // #689894), each shade also once in the legend; empty days are not drawn one by one.
    let text = svg(&chart.image);
    assert_eq!(
        text.matches("fill=\"#A3C2BF\"").count(),
        4 + 1,
        "one-entry days"
    );
    assert_eq!(
        text.matches("fill=\"#689894\"").count(),
        1 + 1,
        "two-entry days"
    );
    assert!(
        text.matches("<rect").count() < 92,
        "not a rectangle per day"
    );
    let png = heatmap_chart(&data, &ChartOptions::png(Theme::Dark)).unwrap();
    let (width, height) = decode(&png.image).0;
    assert_eq!(width, 1600);
    assert!(
        height < 900,
        "three months of squares need less than 900 px: {height}"
    );
}

/// A year's calendar is bounded by the picture's width: the picture ends below it instead of
/// centring it in an empty band twice its height (as it did at 1600×900 and 960×540).
#[test]
fn a_heatmap_leaves_no_empty_band_below_a_short_calendar() {
    let entries = [d("2026-09-01"), d("2026-10-03")];
    let data = HeatmapData {
        entry_dates: &entries,
        milestone_dates: &[],
        from: d("2025-11-27"),
        to: d("2026-11-26"),
    };
    let png = heatmap_chart(&data, &ChartOptions::png(Theme::Light)).unwrap();
    let (size, pixels) = decode(&png.image);
    assert_eq!(size.0, 1600, "the width asked for is kept");
    assert!(size.1 < 450, "a year's calendar at 1600 px wide: {size:?}");
    // The last rows of pixels are the margin under the calendar, not a wide empty band: the
    // calendar's squares (not the background) appear within the bottom fifth.
    let background = pixels[0..3].to_vec();
    let row_len = size.0 as usize * 3;
    let fifth = size.1 as usize / 5;
    let bottom = &pixels[pixels.len() - fifth * row_len..];
    assert!(
        bottom.chunks(3).any(|px| px != background.as_slice()),
        "nothing drawn in the bottom fifth of {size:?}"
    );
    let svg_chart = heatmap_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
    let text = svg(&svg_chart.image);
    let height: u32 = text
        .split("height=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|h| h.parse().ok())
        .unwrap();
    assert!(height < 540, "the window's SVG is cut too: {height}");
    // Spans whose blocks are bounded by the height (eleven calendar years at 960×540) still use
    // the height they are given.
    let ten_years = HeatmapData {
        entry_dates: &entries,
        milestone_dates: &[],
        from: d("2016-11-27"),
        to: d("2026-11-26"),
    };
    let tall = heatmap_chart(&ten_years, &ChartOptions::svg(Theme::Light)).unwrap();
    assert!(svg(&tall.image).starts_with("<svg width=\"960\" height=\"540\""));
}

/// A block that starts late in a month names the next month, not the few days before it
/// (a year from 27 November showed "Nov" over the first column and no "Dec").
#[test]
fn a_month_cut_short_at_the_start_gives_way_to_the_next() {
    let data = HeatmapData {
        entry_dates: &[],
        milestone_dates: &[],
        from: d("2025-11-27"),
        to: d("2026-11-26"),
    };
    // Wide enough that every month is named (a narrower picture names every other one).
    let wide = ChartOptions {
        width: 1600,
        height: 900,
        ..ChartOptions::svg(Theme::Light)
    };
    let svg_chart = heatmap_chart(&data, &wide).unwrap();
    let text = svg(&svg_chart.image);
    assert_eq!(text.matches("\nDec\n").count(), 1, "December is named");
    assert_eq!(
        text.matches("\nNov\n").count(),
        1,
        "only the last November is named"
    );
    // A block starting on the 1st keeps its first month's name.
    let whole = HeatmapData {
        from: d("2025-12-01"),
        ..data
    };
    let whole_chart = heatmap_chart(&whole, &wide).unwrap();
    assert_eq!(svg(&whole_chart.image).matches("\nDec\n").count(), 1);
}

#[test]
fn ten_years_of_daily_velocity_stay_under_300_kb_of_svg() {
    let s = sample(3652);
    let slump = [DateRange::new(d("2027-01-01"), d("2027-06-01")).unwrap()];
    let paused = [DateRange::new(d("2029-01-01"), d("2029-03-01")).unwrap()];
    let data = VelocityData {
        series: &s.points,
        baseline: Some(BASELINE),
        slumps: &slump,
        paused: &paused,
        milestones: &s.marks,
    };
    assert_eq!(s.points.len(), 3653);
    let chart = velocity_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
    let size = chart.image.as_bytes().len();
    assert!(size <= 300 * 1024, "{size} bytes");
}

#[test]
fn reversed_or_empty_ranges_still_render() {
    let heat = HeatmapData {
        entry_dates: &[d("2026-03-01")],
        milestone_dates: &[],
        from: d("2026-03-10"),
        to: d("2026-03-01"),
    };
    let mood = MoodData {
        points: &[],
        from: d("2026-03-10"),
        to: d("2026-03-01"),
    };
    for format in [Format::Svg, Format::Png] {
        let options = ChartOptions::for_format(format, Theme::Light);
        let chart = heatmap_chart(&heat, &options).unwrap();
        assert!(chart.alt.rows.is_empty());
        mood_chart(&mood, &options).unwrap();
    }
}

/// The tags of an SVG document: each `<…>` with its name and attribute names. User text is
/// escaped, so every `<` left in the document opens a real tag.
fn tags(svg: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for piece in svg.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or_default();
        if tag.starts_with('/') || tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let mut words = tag.split_whitespace();
        let name = words.next().unwrap_or_default().to_ascii_lowercase();
        let attrs = words
            .filter_map(|w| w.split_once('=').map(|(a, _)| a.to_ascii_lowercase()))
            .collect();
        out.push((name, attrs));
    }
    out
}

#[test]
fn hostile_titles_stay_text_in_the_exported_svg() {
    let hostile = [
        "<script>top.__xss_fired=1</script>",
        "\"><svg onload=top.__xss_fired=1>",
        "</text><foreignObject><iframe srcdoc=x></iframe></foreignObject><text>",
        "<![CDATA[</text><script>top.__xss_fired=1</script>]]>",
        "&lt;img src=x onerror=top.__xss_fired=1&gt;",
    ];
    for title in hostile {
        let mut g = goal();
        g.title = title.into();
        let mut ms = vec![milestone(1, "2026-02-01", Some("2026-02-10"), 2)];
        ms[0].title = title.into();
        let data = TrajectoryData {
            goal: &g,
            milestones: &ms,
            forecast: None,
            as_of: d("2026-04-15"),
        };
        let chart = trajectory_chart(&data, &ChartOptions::svg(Theme::Light)).unwrap();
        let text = svg(&chart.image);
        for (name, attrs) in tags(text) {
            assert!(
                [
                    "svg", "rect", "text", "line", "polyline", "circle", "path", "polygon", "g",
                    "tspan"
                ]
                .contains(&name.as_str()),
                "{title:?} made a <{name}> element"
            );
            assert!(
                !attrs
                    .iter()
                    .any(|a| a.starts_with("on") || a.contains("href")),
                "{title:?} made attributes {attrs:?} on <{name}>"
            );
        }
        // The title is there, as escaped text.
        assert!(
            text.contains("&lt;") || text.contains("&amp;"),
            "{title:?}: no escaped text in the SVG"
        );
    }
}
