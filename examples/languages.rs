//! How well the language identifier reads each language: the share of sentences of eight or
//! more words whose detected language is the corpus's own, and the detector's speed.
//!
//! ```sh
//! cargo run --release --example languages [-- DIR]
//! ```
//!
//! Reads the development corpora in `DIR` (default `../shared/eval/corpora`: NorNE Bokmål and
//! Nynorsk, Universal NER Danish and Swedish, the two Finnish corpora) and the English and
//! Icelandic sentences in `tests/data/langid/` (sources in its README).

use std::collections::BTreeMap;
use std::time::Instant;

use nordic_ner::Language;

const CORPORA: [(&str, Language); 6] = [
    ("no_bokmaal-ud-dev.conllu", Language::Bokmal),
    ("no_nynorsk-ud-dev.conllu", Language::Nynorsk),
    ("da_ddt-ud-dev.iob2", Language::Danish),
    ("sv_talbanken-ud-dev.iob2", Language::Swedish),
    ("fi_digitoday-dev.iob2", Language::Finnish),
    ("fi_turku-dev.iob2", Language::Finnish),
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/corpora").into());
    let mut sets: Vec<(String, Language, Vec<String>)> = Vec::new();
    for (file, language) in CORPORA {
        match std::fs::read_to_string(format!("{dir}/{file}")) {
            Ok(text) => {
                let sentences = text
                    .lines()
                    .filter_map(|l| l.strip_prefix("# text = "))
                    .map(str::to_string)
                    .collect();
                sets.push((file.to_string(), language, sentences));
            }
            Err(e) => eprintln!("skipping {file}: {e}"),
        }
    }
    for (file, language) in [
        ("en.txt", Language::English),
        ("is.txt", Language::Icelandic),
    ] {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/langid/");
        let text = std::fs::read_to_string(format!("{path}{file}")).expect("tests/data/langid");
        let sentences = text.lines().map(str::to_string).collect();
        sets.push((format!("tests/data/langid/{file}"), language, sentences));
    }

    // The model is parsed on first use: keep that out of the speed figure.
    let started = Instant::now();
    let _ = Language::detect("og");
    println!(
        "model loaded in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    println!("{:<34} {:>5} {:>9}  confusions", "text", "lang", "accuracy");
    let (mut bytes, mut seconds) = (0usize, 0f64);
    for (name, language, sentences) in &sets {
        let long: Vec<&String> = sentences
            .iter()
            .filter(|s| s.split_whitespace().count() >= 8)
            .collect();
        let started = Instant::now();
        let detected: Vec<Language> = long.iter().map(|s| Language::detect(s)).collect();
        seconds += started.elapsed().as_secs_f64();
        bytes += long.iter().map(|s| s.len()).sum::<usize>();
        if std::env::var_os("SHOW").is_some() {
            for (s, d) in long.iter().zip(&detected).filter(|(_, &d)| d != *language) {
                eprintln!("{d}\t{s}");
            }
        }
        let right = detected.iter().filter(|&&d| d == *language).count();
        let mut wrong: BTreeMap<Language, usize> = BTreeMap::new();
        for d in detected.iter().filter(|&&d| d != *language) {
            *wrong.entry(*d).or_default() += 1;
        }
        let confusions: Vec<String> = wrong.iter().map(|(l, n)| format!("{l} {n}")).collect();
        println!(
            "{name:<34} {language:>5} {:>9.4}  {} of {} ({})",
            right as f64 / long.len().max(1) as f64,
            right,
            long.len(),
            confusions.join(", ")
        );
    }
    println!(
        "detection speed: {:.1} MB/s over {} sentences ({bytes} bytes)",
        bytes as f64 / 1e6 / seconds,
        sets.iter().map(|s| s.2.len()).sum::<usize>()
    );
}
