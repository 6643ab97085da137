//! Tagging throughput next to its ceiling: a bare Aho-Corasick scan over the same aliases.
//!
//! Text: the NorNE Bokmål development split when `../shared/eval/corpora` is beside the
//! repository (sentences joined by newlines; never copied into the repository), otherwise the
//! example article repeated to a similar size.
//!
//! Group `names`: a gazetteer of country and brand names only (every name of `countries.tsv`
//! and `brands.tsv`, plus every brand name of the name-suggestion-index when the data build's
//! cache `data/.cache` holds it: 21,511 names with the cache, on 2026-12-02), tagged with the Nordic rules off and the
//! language fixed, next to an Aho-Corasick leftmost-longest scan over the same names (as
//! written, on the raw text) that keeps whole words only.
//!
//! Before the criterion groups, each comparison is also printed as a ratio of best times over
//! 200 rounds in which the two scans take turns, and as the median of the rounds' ratios
//! (`ratio ...` lines): on a shared machine whose speed drifts over seconds, criterion's groups,
//! each measured over its own seconds, can disagree by a third from run to run; scans that
//! alternate see the same machine.

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nordic_ner::{Alias, Entity, EntityId, Gazetteer, Kind, Language, Tagger};

// (The peak-memory probe beside the text is not used here.)
#[allow(dead_code)]
#[path = "support/measure.rs"]
mod measure;

fn corpus_text() -> (String, &'static str) {
    match measure::norne_bokmal_text() {
        Some(text) => (text, "norne-nb-dev"),
        None => (measure::ARTICLE.repeat(150), "seed-article-x150"),
    }
}

fn bench(c: &mut Criterion) {
    let (text, label) = corpus_text();
    let gazetteer = Gazetteer::builtin();
    let aliases: Vec<&str> = gazetteer.entities().flat_map(|e| e.aliases()).collect();
    let bare = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&aliases)
        .unwrap();
    let tagger = Tagger::builtin();
    let dfa_tagger = Tagger::builder().dfa(true).build(gazetteer).unwrap();
    // The language fixed instead of detected: the difference is what detection costs.
    let fixed_tagger = Tagger::builder()
        .language(nordic_ner::Language::Bokmal)
        .build(gazetteer)
        .unwrap();
    // Warm the lazy statics before measuring.
    let mentions = tagger.tag(&text).len();
    eprintln!(
        "{label}: {} bytes, {} aliases, {mentions} mentions",
        text.len(),
        aliases.len()
    );

    let bare_scan = || {
        bare.find_overlapping_iter(std::hint::black_box(&text))
            .count()
    };
    for (label, tagger) in [
        ("nordic_ner", tagger),
        ("nordic_ner_fixed_language", &fixed_tagger),
        ("nordic_ner_dfa", &dfa_tagger),
    ] {
        let tag = || tagger.tag(std::hint::black_box(&text)).len();
        print_ratio(
            &format!("tag/{label} against tag/bare_aho_corasick"),
            tag,
            bare_scan,
        );
    }

    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("nordic_ner", |b| {
        b.iter(|| tagger.tag(std::hint::black_box(&text)).len())
    });
    group.bench_function("nordic_ner_fixed_language", |b| {
        b.iter(|| fixed_tagger.tag(std::hint::black_box(&text)).len())
    });
    group.bench_function("nordic_ner_dfa", |b| {
        b.iter(|| dfa_tagger.tag(std::hint::black_box(&text)).len())
    });
    group.bench_function("bare_aho_corasick", |b| {
        b.iter(|| {
            bare.find_overlapping_iter(std::hint::black_box(&text))
                .count()
        })
    });
    group.finish();

    bench_names(c, &text);

    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("parse_builtin_data", |b| b.iter(parse_builtin));
    group.bench_function("compile_default_tagger", |b| {
        b.iter(|| Tagger::new(gazetteer).unwrap())
    });
    group.bench_function("compile_dfa_tagger", |b| {
        b.iter(|| Tagger::builder().dfa(true).build(gazetteer).unwrap())
    });
    group.bench_function("parse_and_compile", |b| {
        b.iter(|| Tagger::new(&parse_builtin()).unwrap())
    });
    group.finish();
}

/// Country and brand names: the builtin ones, and NSI's brand names from the data build's
/// cache when it is there.
fn country_and_brand_names() -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    for e in Gazetteer::builtin().entities() {
        if matches!(e.kind(), Kind::Country | Kind::Brand) {
            names.extend(e.aliases().map(str::to_string));
        }
    }
    let cache = concat!(env!("CARGO_MANIFEST_DIR"), "/data/.cache/npm");
    let nsi = std::fs::read_dir(cache).ok().and_then(|dir| {
        dir.filter_map(|e| e.ok())
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("name-suggestion-index")
            })
            .map(|e| e.path().join("package/dist/json/nsi.json"))
    });
    if let Some(json) = nsi.and_then(|p| std::fs::read_to_string(p).ok()) {
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        if let Some(categories) = value["nsi"].as_object() {
            for (path, category) in categories {
                if !path.starts_with("brands/") {
                    continue;
                }
                for item in category["items"].as_array().into_iter().flatten() {
                    if let Some(name) = item["displayName"].as_str() {
                        names.insert(name.to_string());
                    }
                }
            }
        }
    }
    names.into_iter().collect()
}

/// `text`'s whole-word matches: neither end inside a word.
fn whole_words(ac: &AhoCorasick, text: &str) -> usize {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    ac.find_iter(text)
        .filter(|m| {
            !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next())
        })
        .count()
}

fn bench_names(c: &mut Criterion, text: &str) {
    let names = country_and_brand_names();
    let mut builder = Gazetteer::builder();
    for (i, name) in names.iter().enumerate() {
        // A name the loader would refuse (no letter or digit once folded) is left out.
        let id = EntityId::new(&format!("local:n{i}")).unwrap();
        let (Ok(entity), Ok(_)) = (Entity::new(id, Kind::Brand, name), Alias::new(name)) else {
            continue;
        };
        builder = builder.add_entity(entity).unwrap();
    }
    let gazetteer = builder.build();
    let tagger = Tagger::builder()
        .genitives(false)
        .case_endings(false)
        .compounds(false)
        .whole_names(false)
        .ordinary_words(false)
        .language(Language::Bokmal)
        .build(&gazetteer)
        .unwrap();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .unwrap();
    eprintln!(
        "names: {} names, {} in the gazetteer; tagger {} mentions, whole-word scan {} matches",
        names.len(),
        gazetteer.len(),
        tagger.tag(text).len(),
        whole_words(&ac, text)
    );
    print_ratio(
        "names/nordic_ner_rules_off against names/aho_corasick_leftmost_longest_whole_words",
        || tagger.tag(std::hint::black_box(text)).len(),
        || whole_words(&ac, std::hint::black_box(text)),
    );
    let mut group = c.benchmark_group("names");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("nordic_ner_rules_off", |b| {
        b.iter(|| tagger.tag(std::hint::black_box(text)).len())
    });
    group.bench_function("aho_corasick_leftmost_longest_whole_words", |b| {
        b.iter(|| whole_words(&ac, std::hint::black_box(text)))
    });
    group.finish();
}

/// Prints how fast `ours` runs against `theirs` (their time over ours) over 200 rounds in
/// which each runs once, in turn: the ratio of the best times, and the median of the rounds'
/// ratios (lower where the machine has slow phases that slow one scan more than the other).
fn print_ratio(label: &str, ours: impl Fn() -> usize, theirs: impl Fn() -> usize) {
    let time = |scan: &dyn Fn() -> usize| {
        let start = std::time::Instant::now();
        std::hint::black_box(scan());
        start.elapsed().as_secs_f64()
    };
    let rounds: Vec<(f64, f64)> = (0..200).map(|_| (time(&ours), time(&theirs))).collect();
    let best_ours = rounds.iter().map(|r| r.0).fold(f64::MAX, f64::min);
    let best_theirs = rounds.iter().map(|r| r.1).fold(f64::MAX, f64::min);
    let mut ratios: Vec<f64> = rounds.iter().map(|(o, t)| t / o).collect();
    ratios.sort_by(f64::total_cmp);
    eprintln!(
        "ratio {label}: {:.2} ({:.3} ms against {:.3} ms, best of 200 alternating rounds); \
         median of the rounds' ratios {:.2}",
        best_theirs / best_ours,
        best_ours * 1e3,
        best_theirs * 1e3,
        ratios[ratios.len() / 2]
    );
}

/// Parses the files the crate embeds, as `Gazetteer::builtin` does on first use.
fn parse_builtin() -> Gazetteer {
    let mut builder = Gazetteer::builder();
    for (name, text) in Gazetteer::builtin_files() {
        builder = builder.add_text(name, text).unwrap();
    }
    builder.build()
}

criterion_group!(benches, bench);
criterion_main!(benches);
