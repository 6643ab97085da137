//! Tagging speed and peak memory on hostile and careless input, next to ordinary prose, at
//! 1, 10 and 100 MB: the engine must stay linear whatever the text.
//!
//! Families: prose (the NorNE Bokmål development text when `../shared/eval/corpora` is beside
//! the repository, otherwise the example article; never copied into the repository) with its
//! line breaks and joined into one line; country and company names joined by spaces, by line
//! breaks and with nothing between them; long runs of one letter, of combining marks, of
//! white space, of hyphens and of apostrophes; random Unicode from a fixed seed.
//!
//! ```sh
//! cargo run --release --example adversarial                 # 1, 10 and 100 MB
//! cargo run --release --example adversarial -- 1 10         # sizes in MB
//! cargo run --release --example adversarial -- --family names-spaces 100
//! cargo run --release --example adversarial -- --stream 1000   # Tagger::tag_reader over 1 GB
//! ```
//!
//! `--stream MB` tags MB megabytes of prose generated as they are read (never held whole)
//! through [`Tagger::tag_reader`], and prints the speed and the peak memory.
//!
//! For each family and size it prints MB/s, the mentions found, the peak memory while tagging
//! beyond what the process held before (the input included in that; Linux only: the kernel's
//! peak resident size, reset through `/proc/self/clear_refs`) and the ratio of the speed to that
//! of prose at the same size. A family whose 1 MB run is
//! slower than 0.1 MB/s is not run at larger sizes (it would take minutes): it is reported as
//! not linear.

use std::time::Instant;

use nordic_ner::Tagger;

#[path = "../benches/support/measure.rs"]
mod measure;

use measure::Peak;

const MB: usize = 1_000_000;

/// The input families, by name.
const FAMILIES: [&str; 12] = [
    "prose",
    "prose-one-line",
    "names-spaces",
    "names-newlines",
    "names-joined",
    "one-letter",
    "combining-marks",
    "white-space",
    "hyphens",
    "apostrophes",
    "names-hyphens",
    "random-unicode",
];

fn prose() -> String {
    measure::norne_bokmal_text().unwrap_or_else(|| measure::ARTICLE.to_string())
}

/// `unit` repeated to `size` bytes, cut at a character boundary.
fn fill(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len().max(1) + 1);
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// Random characters from the whole of Unicode's scalar values, weighted towards the ranges
/// the tagger treats specially (ASCII, Latin, combining marks, spaces), by a fixed xorshift.
fn random_unicode(size: usize) -> String {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut text = String::with_capacity(size + 4);
    while text.len() < size {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let r = (state >> 32) as u32;
        let c = match r % 8 {
            0..=2 => char::from_u32(0x20 + r / 8 % 0x5f),
            3 => char::from_u32(0xc0 + r / 8 % 0x180),
            4 => char::from_u32(0x300 + r / 8 % 0x70),
            5 => [' ', '\n', '\u{a0}', '\u{200b}', '-', '\'', '\u{2019}', ':']
                .get(r as usize / 8 % 8)
                .copied(),
            _ => char::from_u32(r / 8 % 0x11_0000),
        };
        if let Some(c) = c {
            text.push(c);
        }
    }
    text
}

fn make(family: &str, size: usize, prose: &str) -> String {
    const NAMES: &str = "Norge Sverige Danmark Equinor Finland Island Telenor Norden USA Europa ";
    match family {
        "prose" => fill(&format!("{prose}\n"), size),
        "prose-one-line" => fill(&format!("{} ", prose.replace('\n', " ")), size),
        "names-spaces" => fill(NAMES, size),
        "names-newlines" => fill(&NAMES.replace(' ', "\n"), size),
        "names-joined" => fill(&NAMES.replace(' ', ""), size),
        "names-hyphens" => fill(&NAMES.trim_end().replace(' ', "-"), size),
        "one-letter" => fill("a", size),
        "combining-marks" => fill("a\u{308}\u{301}\u{323}", size),
        "white-space" => fill(" \t \u{a0}\n", size),
        "hyphens" => fill("-", size),
        "apostrophes" => fill("'\u{2019}", size),
        "random-unicode" => random_unicode(size),
        _ => unreachable!("a family of FAMILIES"),
    }
}

/// `unit` repeated until `left` bytes are read.
struct Repeat {
    unit: Vec<u8>,
    at: usize,
    left: usize,
}

impl std::io::Read for Repeat {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left).min(self.unit.len() - self.at);
        buf[..n].copy_from_slice(&self.unit[self.at..self.at + n]);
        self.at = (self.at + n) % self.unit.len();
        self.left -= n;
        Ok(n)
    }
}

fn stream(mb: usize, prose: &str) {
    let tagger = Tagger::builtin();
    let _ = tagger.tag("Norge og Sverige.");
    // Whole lines, so that the stream is prose repeated (a character is never cut).
    let reader = Repeat {
        unit: format!("{prose}\n").into_bytes(),
        at: 0,
        left: mb * MB,
    };
    let peak = Peak::start();
    let start = Instant::now();
    let mut found = 0;
    for m in tagger.tag_reader(reader) {
        m.expect("valid UTF-8 and a reader that cannot fail");
        found += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let peak = peak.added_mb();
    println!(
        "stream of prose: {mb} MB at {:.2} MB/s, {found} mentions, peak memory +{peak} MB",
        mb as f64 / secs
    );
}

fn main() {
    let mut sizes = Vec::new();
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--stream" {
            let mb = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
            stream(mb, &prose());
            return;
        } else if arg == "--family" {
            only = args.next();
        } else if let Ok(n) = arg.parse::<usize>() {
            sizes.push(n);
        } else {
            eprintln!("usage: adversarial [--family NAME] [SIZE_MB ...]; families: {FAMILIES:?}");
            std::process::exit(2);
        }
    }
    if sizes.is_empty() {
        sizes = vec![1, 10, 100];
    }
    let prose = prose();
    let tagger = Tagger::builtin();
    let _ = tagger.tag("Norge og Sverige."); // the lazy statics: the gazetteer and the language model
    println!(
        "{:<16} {:>5} {:>9} {:>10} {:>11} {:>9}",
        "family", "MB", "MB/s", "mentions", "peak MB", "x prose"
    );
    let mut prose_speed = std::collections::HashMap::new();
    for family in FAMILIES {
        if only.as_deref().is_some_and(|f| f != family) && family != "prose" {
            continue;
        }
        for &mb in &sizes {
            let text = make(family, mb * MB, &prose);
            let peak = Peak::start();
            let start = Instant::now();
            let found = tagger.tag(&text).len();
            let secs = start.elapsed().as_secs_f64();
            let peak = peak.added_mb();
            let speed = text.len() as f64 / MB as f64 / secs;
            if family == "prose" {
                prose_speed.insert(mb, speed);
            }
            let ratio = prose_speed.get(&mb).map_or(f64::NAN, |p| speed / p);
            println!("{family:<16} {mb:>5} {speed:>9.2} {found:>10} {peak:>11} {ratio:>9.2}");
            if speed < 0.1 {
                println!("{family:<16} not linear: larger sizes skipped");
                break;
            }
        }
    }
}
