//! Criterion benchmarks on a 100,000-entry journal: each search kind, the first timeline page,
//! durable insert and update. `cargo bench -p trajectory-store --bench journal`.
//! (`--bench latency` prints p50/p95 for the same operations.)

mod fixture;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use trajectory_core::{EntryDraft, SearchQuery};

fn benches(c: &mut Criterion) {
    let (_tmp, mut store) = fixture::journal();
    let mut group = c.benchmark_group("journal_100k");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(3));
    for (name, text, tags) in [
        ("search_rare_word", fixture::RARE_WORD, vec![]),
        ("search_two_words", "manager feedback", vec![]),
        ("search_prefix", "promot*", vec![]),
        ("search_phrase", "\"code review\"", vec![]),
        ("search_very_common_word", "the", vec![]),
        ("search_word_and_tag", "launch", vec!["career".to_owned()]),
        ("search_tag_only", "", vec!["health".to_owned()]),
    ] {
        let q = SearchQuery {
            text: text.into(),
            tags,
            ..Default::default()
        }
        .validate()
        .unwrap();
        group.bench_function(name, |b| b.iter(|| store.search(&q).unwrap()));
    }
    group.bench_function("timeline_first_page", |b| {
        b.iter(|| store.timeline(None, 50).unwrap())
    });
    let draft = |body: String| {
        EntryDraft {
            entry_date: "2026-11-25".into(),
            body,
            tags: vec!["work".into()],
            mood: None,
            progress: None,
        }
        .validate()
        .unwrap()
    };
    let mut n = 0u64;
    group.bench_function("durable_insert", |b| {
        b.iter(|| {
            n += 1;
            store
                .create_entry(&draft(format!("criterion insert {n}")))
                .unwrap()
        })
    });
    let id = store.create_entry(&draft("to update".into())).unwrap().id;
    group.bench_function("durable_update", |b| {
        b.iter(|| {
            n += 1;
            store
                .update_entry(id, &draft(format!("criterion update {n}")))
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(journal, benches);
criterion_main!(journal);
