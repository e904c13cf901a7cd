//! Prints the slump scenario tables recorded in docs/PERFORMANCE.md: recall, median days from
//! stall to alarm and false alarms per steady person-year, for the Gamma–Poisson detector at
//! each sensitivity and for fixed "no milestone for 90 / 182 days" rules, on synthetic
//! careers (tests/support/careers.rs). Also the α sweep behind the chosen sensitivities and
//! the false alarms of burstier and more regular paces.
//!
//! Run with `cargo run -p trajectory-core --example slump_scenarios --release [careers]`
//! (default 1000 careers per pace and stall; about 15 s). Add `--change-point` for the
//! Bayesian online change-point detector on a tenth as many careers (about a minute more).

#[path = "../tests/support/careers.rs"]
mod careers;

use careers::{Detector, PACES, Pattern, STALL_DAYS, STEADY_DAYS, Tally, run};
use trajectory_core::Sensitivity;

fn delay(t: &Tally) -> String {
    t.median_delay()
        .map_or_else(|| "—".to_owned(), |d| format!("{d:.0}"))
}

fn pace(gap: i64) -> String {
    match gap / 7 {
        1 => "every week".to_owned(),
        weeks => format!("every {weeks} weeks"),
    }
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// One row of a sweep: false alarms, recall of drops to a fifth and delay of full stops,
/// one figure a pace.
fn sweep_row(label: &str, tallies: &[(Tally, Tally)]) {
    let fa: Vec<String> = tallies
        .iter()
        .map(|(s, _)| format!("{:.3}", s.false_alarms_per_year()))
        .collect();
    let recall: Vec<String> = tallies.iter().map(|(_, f)| percent(f.recall())).collect();
    let delays: Vec<String> = tallies.iter().map(|(s, _)| delay(s)).collect();
    println!(
        "| {label} | {} | {} | {} |",
        fa.join(" / "),
        recall.join(" / "),
        delays.join(" / ")
    );
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    println!(
        "{count} careers per pace and stall: {} steady years, then {} years of stall.\n",
        STEADY_DAYS / 365,
        STALL_DAYS / 365
    );
    let detectors = [
        Detector::Model(Sensitivity::Relaxed),
        Detector::Model(Sensitivity::Normal),
        Detector::Model(Sensitivity::Eager),
        Detector::Fixed(90),
        Detector::Fixed(182),
    ];
    println!("## Poisson paces\n");
    println!(
        "| pace | detector | recall, rate → 0 | median days to alarm, rate → 0 | recall, rate → 20% | median days to alarm, rate → 20% | false alarms per steady year |"
    );
    println!("|---|---|---|---|---|---|---|");
    for gap in PACES {
        for detector in detectors {
            let (silence, fifth) = run(detector, gap, Pattern::Poisson, count);
            println!(
                "| {} | {} | {} | {} | {} | {} | {:.3} |",
                pace(gap),
                detector.name(),
                percent(silence.recall()),
                delay(&silence),
                percent(fifth.recall()),
                delay(&fifth),
                silence.false_alarms_per_year()
            );
        }
    }

    println!("\n## α sweep (Poisson paces)\n");
    println!(
        "| α | false alarms per steady year, every 1 / 3 / 6 / 12 weeks | recall, rate → 20%, every 1 / 3 / 6 / 12 weeks | median days to alarm, rate → 0, every 1 / 3 / 6 / 12 weeks |"
    );
    println!("|---|---|---|---|");
    for alpha in [
        0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1,
    ] {
        let tallies: Vec<(Tally, Tally)> = PACES
            .iter()
            .map(|&gap| run(Detector::Alpha(alpha), gap, Pattern::Poisson, count))
            .collect();
        sweep_row(&alpha.to_string(), &tallies);
    }

    println!("\n## Other rhythms: false alarms per steady year\n");
    println!("| pattern | pace | relaxed | normal | eager | 90 days | 182 days |");
    println!("|---|---|---|---|---|---|---|");
    for pattern in [Pattern::Bursty, Pattern::Regular] {
        for gap in PACES {
            let cells: Vec<String> = detectors
                .iter()
                .map(|&d| {
                    format!(
                        "{:.3}",
                        run(d, gap, pattern, count).0.false_alarms_per_year()
                    )
                })
                .collect();
            println!(
                "| {} | {} | {} |",
                pattern.name(),
                pace(gap),
                cells.join(" | ")
            );
        }
    }

    if !std::env::args().any(|a| a == "--change-point") {
        return;
    }
    // The run-length posterior costs about 25 ms a career (every run length is kept: a
    // steady pace never rules out a change to the same pace), so a tenth of the careers, and
    // the paces in parallel.
    let cp_count = (count / 10).max(20);
    println!(
        "\n## Change-point detector (run-length posterior), Poisson paces, {cp_count} careers per cell\n"
    );
    println!(
        "| threshold | false alarms per steady year, every 1 / 3 / 6 / 12 weeks | recall, rate → 20%, every 1 / 3 / 6 / 12 weeks | median days to alarm, rate → 0, every 1 / 3 / 6 / 12 weeks |"
    );
    println!("|---|---|---|---|");
    for threshold in [0.3, 0.4, 0.5] {
        let tallies: Vec<(Tally, Tally)> = std::thread::scope(|scope| {
            let jobs: Vec<_> = PACES
                .iter()
                .map(|&gap| {
                    scope.spawn(move || {
                        run(
                            Detector::ChangePoint(threshold),
                            gap,
                            Pattern::Poisson,
                            cp_count,
                        )
                    })
                })
                .collect();
            jobs.into_iter().map(|j| j.join().unwrap()).collect()
        });
        sweep_row(&threshold.to_string(), &tallies);
    }
}
