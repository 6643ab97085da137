//! Tagging throughput next to its ceiling: a bare Aho-Corasick scan over the same aliases.
//!
//! Text: the NorNE Bokmål development split when `../shared/eval/corpora` is beside the
//! repository (sentences joined by newlines; never copied into the repository), otherwise the
//! example article repeated to a similar size.

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nordic_ner::{Gazetteer, Tagger};

fn corpus_text() -> (String, &'static str) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/corpora/no_bokmaal-ud-dev.conllu"
    );
    if let Ok(conllu) = std::fs::read_to_string(path) {
        let text: Vec<&str> = conllu
            .lines()
            .filter_map(|l| l.strip_prefix("# text = "))
            .collect();
        return (text.join("\n"), "norne-nb-dev");
    }
    let article = include_str!("../examples/data/alibaba_norden.txt");
    (article.repeat(150), "seed-article-x150")
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
