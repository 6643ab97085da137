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
//! of prose at the same size. Each family is tagged in rounds, each right after a round of prose
//! of the same size (3 to 7 rounds, no more once a family has taken 3 s at that size); MB/s is the fastest round's, the ratio that of the fastest rounds, with
//! the median of the rounds' own ratios beside it. A family whose round is slower than
//! 0.1 MB/s is not run at larger sizes (it would take minutes): it is reported as not linear.

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
    let mut skipped = Vec::new();
    println!(
        "{:<16} {:>5} {:>9} {:>10} {:>11} {:>9} {:>9} {:>7}",
        "family", "MB", "MB/s", "mentions", "peak MB", "x prose", "(median)", "rounds"
    );
    for &mb in &sizes {
        let prose_text = make("prose", mb * MB, &prose);
        for family in FAMILIES {
            if only.as_deref().is_some_and(|f| f != family) && family != "prose" {
                continue;
            }
            if skipped.contains(&family) {
                continue;
            }
            // (Prose is not made twice: its peak memory is read with one copy of the input.)
            let made = (family != "prose").then(|| make(family, mb * MB, &prose));
            let text = made.as_deref().unwrap_or(&prose_text);
            let run = measure_family(tagger, &prose_text, text, family == "prose");
            let speed = text.len() as f64 / MB as f64 / run.best;
            let ratio = run.best_prose / run.best;
            println!(
                "{family:<16} {mb:>5} {speed:>9.2} {:>10} {:>11} {ratio:>9.2} {:>9.2} {:>7}",
                run.found, run.peak_mb, run.median_ratio, run.rounds
            );
            if speed < 0.1 {
                println!("{family:<16} not linear: larger sizes skipped");
                skipped.push(family);
            }
        }
    }
}

/// What [`measure_family`] measured.
struct Run {
    /// The fastest round of the family and of prose, in seconds.
    best: f64,
    best_prose: f64,
    /// The median over the rounds of prose's time over the family's in the same round.
    median_ratio: f64,
    rounds: usize,
    found: usize,
    peak_mb: String,
}

/// Tags `text` in rounds, each right after a round of `prose` of the same size, and keeps the
/// fastest of each: this machine's speed drifts by a third between slow and fast phases lasting
/// seconds, and rounds in turn put both texts in the same phases. From [`MIN_ROUNDS`] to
/// [`MAX_ROUNDS`] rounds, no more once the family has taken [`ROUND_BUDGET`] seconds. The
/// peak memory is that of the family's first round.
fn measure_family(tagger: &Tagger, prose: &str, text: &str, is_prose: bool) -> Run {
    let time = |text: &str| {
        let start = Instant::now();
        let found = tagger.tag(text).len();
        (start.elapsed().as_secs_f64(), found)
    };
    let (mut best, mut best_prose) = (f64::INFINITY, f64::INFINITY);
    let (mut ratios, mut spent, mut found, mut peak_mb) = (Vec::new(), 0.0, 0, String::new());
    while ratios.len() < MAX_ROUNDS && (ratios.len() < MIN_ROUNDS || spent < ROUND_BUDGET) {
        let (prose_secs, _) = if is_prose { (f64::NAN, 0) } else { time(prose) };
        let peak = Peak::start();
        let (secs, n) = time(text);
        if ratios.is_empty() {
            peak_mb = peak.added_mb();
            found = n;
        }
        let prose_secs = if is_prose { secs } else { prose_secs };
        best = best.min(secs);
        best_prose = best_prose.min(prose_secs);
        ratios.push(prose_secs / secs);
        spent += secs;
        if text.len() as f64 / MB as f64 / secs < 0.1 {
            break; // minutes a round: one is enough to tell
        }
    }
    let rounds = ratios.len();
    ratios.sort_by(f64::total_cmp);
    Run {
        best,
        best_prose,
        median_ratio: ratios[rounds / 2],
        rounds,
        found,
        peak_mb,
    }
}

/// At most this many rounds of each family and size.
const MAX_ROUNDS: usize = 7;
/// At least this many, however long they take (unless a round is under 0.1 MB/s): one round of
/// 100 MB of names takes seconds, long enough for a slow phase of the machine to fall on it
/// alone.
const MIN_ROUNDS: usize = 3;
/// No further round once a family's rounds at one size have taken this many seconds.
const ROUND_BUDGET: f64 = 3.0;
