//! Latency percentiles (p50, p95, max) on a 100,000-entry journal: searches, durable saves,
//! the first timeline page. `cargo bench -p trajectory-store --bench latency`.

mod fixture;

use std::time::{Duration, Instant};

use trajectory_core::{EntryDraft, SearchQuery};

fn percentiles(mut samples: Vec<Duration>) -> (f64, f64, f64) {
    samples.sort();
    let at =
        |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.95), at(1.0))
}

fn measure(name: &str, runs: usize, mut f: impl FnMut() -> usize) {
    f(); // warm the page cache
    let mut samples = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        found = f();
        samples.push(t.elapsed());
    }
    let (p50, p95, max) = percentiles(samples);
    println!(
        "{name:<34} p50 {p50:>7.2} ms   p95 {p95:>7.2} ms   max {max:>7.2} ms   ({found} results, {runs} runs)"
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let (_tmp, mut store) = fixture::journal();
    let search = |text: &str, tags: Vec<String>| {
        SearchQuery {
            text: text.into(),
            tags,
            ..Default::default()
        }
        .validate()
        .unwrap()
    };
    let cases = [
        ("search: rare word", search(fixture::RARE_WORD, vec![])),
        ("search: two words", search("manager feedback", vec![])),
        ("search: prefix promot*", search("promot*", vec![])),
        (
            "search: phrase \"code review\"",
            search("\"code review\"", vec![]),
        ),
        ("search: very common word (the)", search("the", vec![])),
        (
            "search: word + tag filter",
            search("launch", vec!["career".into()]),
        ),
        ("search: tag filter only", search("", vec!["health".into()])),
    ];
    for (name, q) in &cases {
        measure(name, 200, || store.search(q).unwrap().hits.len());
    }
    measure("timeline: first page (50)", 500, || {
        store.timeline(None, 50).unwrap().entries.len()
    });
    let draft = |body: String| {
        EntryDraft {
            entry_date: "2026-11-25".into(),
            body,
            tags: vec!["work".into()],
            mood: Some(3),
            progress: Some(4),
        }
        .validate()
        .unwrap()
    };
    let mut n = 0;
    let mut last = 0;
    measure("durable save: insert", 300, || {
        n += 1;
        last = store
            .create_entry(&draft(format!(
                "bench insert {n} about the team and the launch"
            )))
            .unwrap()
            .id;
        1
    });
    measure("durable save: update", 300, || {
        n += 1;
        store
            .update_entry(last, &draft(format!("bench update {n} about the team")))
            .unwrap();
        1
    });
}
