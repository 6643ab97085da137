//! A user's big gazetteer: build time, peak memory and tagging speed on a synthetic list of
//! names, beside a bare Aho-Corasick automaton over the same names, in one run.
//!
//! ```sh
//! cargo bench --bench big_gazetteer                 # 1,000,000 names
//! cargo bench --bench big_gazetteer -- 100000       # another count
//! ```
//!
//! The names: every country and brand name of the builtin data, then capitalised two- and
//! three-word names drawn (by a fixed xorshift) from the words of the NorNE Bokmål development
//! text when `../shared/eval/corpora` is beside the repository (the example article's words
//! otherwise), until the count is reached; each name is an entity of its own. The text tagged
//! is that development text (or the article repeated). Peak memory is the kernel's peak
//! resident size (reset through `/proc/self/clear_refs`, Linux only) beyond what the process
//! held before the step: the gazetteer text is held throughout and not counted. The build line
//! is parse and compile together: their times added, and the process's peak over both beyond
//! what it held before parsing (the acceptance limit of 1 GB is on this one). Each scan's
//! speed is over 20 rounds of the text after one untimed round, so that it is the speed of a
//! tagger in service (whose automaton has been read into the caches) for both.

use std::collections::BTreeSet;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use nordic_ner::{Gazetteer, Kind, Tagger};

#[allow(dead_code)]
#[path = "support/measure.rs"]
mod measure;

use measure::Peak;

fn text() -> String {
    measure::norne_bokmal_text().unwrap_or_else(|| measure::ARTICLE.repeat(150))
}

/// `count` distinct names: the builtin country and brand names, then random capitalised
/// word pairs and triples.
fn names(count: usize, text: &str) -> Vec<String> {
    let mut names = BTreeSet::new();
    for e in Gazetteer::builtin().entities() {
        if matches!(e.kind(), Kind::Country | Kind::Brand) {
            names.extend(e.aliases().map(str::to_string));
        }
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            first.unwrap_or_default() + &chars.as_str().to_lowercase()
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    while names.len() < count {
        let len = 2 + next(2);
        let name: Vec<&str> = (0..len)
            .map(|_| words[next(words.len())].as_str())
            .collect();
        names.insert(name.join(" "));
    }
    names.into_iter().take(count).collect()
}

/// Runs `step`, printing its time and the peak memory it added; returns its result, its time
/// and the process's peak resident memory during it ([`Peak::high_water`]).
fn measure<T>(label: &str, step: impl FnOnce() -> T) -> (T, f64, Option<usize>) {
    let peak = Peak::start();
    let start = Instant::now();
    let out = step();
    let secs = start.elapsed().as_secs_f64();
    let high_water = Peak::high_water();
    println!(
        "{label:<44} {secs:>8.2} s   peak +{} MB",
        peak.added_mb_at(high_water)
    );
    (out, secs, high_water)
}

fn main() {
    let count = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(1_000_000);
    let text = text();
    let names = names(count, &text);
    let mut tsv = String::new();
    for (i, name) in names.iter().enumerate() {
        tsv.push_str(&format!("local:n{i}\tcompany\t{name}\n"));
    }
    println!(
        "{} names ({} MB as a gazetteer file); text {} MB",
        names.len(),
        tsv.len() / 1_000_000,
        text.len() as f64 / 1e6
    );

    // The whole build's peak: the larger of the two steps' peaks, beyond what the process held
    // before parsing (the gazetteer text included, the parsed gazetteer held while compiling).
    let build = Peak::start();
    let (gazetteer, parse_secs, parse_peak) = measure("nordic-ner: parse the gazetteer", || {
        Gazetteer::from_text("big.tsv", &tsv).expect("the generated file parses")
    });
    let (tagger, compile_secs, compile_peak) = measure("nordic-ner: compile the tagger", || {
        Tagger::new(&gazetteer).expect("the tagger builds")
    });
    println!(
        "{:<44} {:>8.2} s   peak +{} MB",
        "nordic-ner: build (parse + compile)",
        parse_secs + compile_secs,
        build.added_mb_at(parse_peak.max(compile_peak))
    );
    let (bare, _, _) = measure("aho-corasick: leftmost-longest over the names", || {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .expect("the automaton builds")
    });

    // One round first for each, not timed: the automata's states are read from memory the
    // first time a walk reaches them, whichever scan runs first.
    let rounds = 20;
    let speed = |scan: &dyn Fn() -> usize| {
        let found = scan();
        let start = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(scan());
        }
        let secs = start.elapsed().as_secs_f64();
        ((text.len() * rounds) as f64 / 1e6 / secs, found)
    };
    let (tag_speed, found) = speed(&|| tagger.tag(std::hint::black_box(&text)).len());
    let (bare_speed, bare_found) = speed(&|| bare.find_iter(std::hint::black_box(&text)).count());
    println!("nordic-ner: tag {tag_speed:.1} MB/s ({found} mentions)");
    println!("aho-corasick: leftmost-longest scan {bare_speed:.1} MB/s ({bare_found} matches, no word-boundary checks)");
}
