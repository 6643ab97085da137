//! Which gold company and product names the builtin tagger misses, and whether the data has
//! them: for each development corpus, the gold `ORG` and `PROD` spans no mention touches,
//! grouped so that coverage work can be aimed.
//!
//! ```sh
//! cargo run --release --features evaluate --example coverage                     # every development corpus
//! cargo run --release --features evaluate --example coverage -- CORPUS... [--top N] [--oracle PATH]
//! ```
//!
//! Without corpus arguments it reads the six corpora of `../shared/eval/corpora` beside the
//! crate, skipping missing ones with a note. Sentences, gold spans and the scorer's type rules
//! come from [`nordic_ner::evaluate`]; each sentence is tagged with [`nordic_ner::tag`].
//!
//! - **Gold spans**: those `score.py` counts for org recall: `ORG` and `PROD`, less, in IOB2
//!   corpora, `ORG` spans whose text is a country name of the oracle list
//!   (`../shared/eval/oracle_countries.tsv`, or `--oracle`), which count as places.
//! - **Touched**: found as `score.py`'s org recall finds a span: a mention with exactly its char
//!   span and a compatible kind (company or brand; country or region too on an IOB2 `ORG`),
//!   mentions inside a gold `DRV` span ignored. Touched over gold is `score.py`'s org recall.
//!   "Overlapped" counts the untouched spans that a mention covers in part or with another kind.
//! - **Name in the data but not matched**: the span's text, folded ([`nordic_ner::fold`]), is a
//!   folded alias the tagger matches (canonical names included) of a builtin entity, or is one
//!   plus a single ending after a stem of 2 or more characters, as the tagger reads endings
//!   ([`nordic_ner::is_name_ending`]): in corpora whose file name starts with `fi`, a Finnish
//!   case or plural ending, after a company's or brand's alias only (`without_endings=fi` marks an alias
//!   the tagger reads without them; plurals on a changed stem and `blocked_endings=` are not
//!   tried, so a missed "Prismoissa" counts as not in the data and a missed "Sonya" as in the
//!   data); elsewhere a genitive (`-s` not after s, x or z; `:s`; `'s`; `'` after s, x or z).
//! - **In the data, not matched (alias kept as a record only)**: the same with an alias the
//!   tagger does not match (`Alias::is_matched` false, or a canonical name switched off).
//! - **Name not in the data**: the rest.
//!
//! Lists show the span text as written, sorted by count, then text; `--top N` (default 25)
//! sets their length. The last section adds up all corpora read.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nordic_ner::evaluate::{evaluate_with, Corpus, Format, Oracle};
use nordic_ner::{fold, Gazetteer, Kind, Span};

const USAGE: &str = "usage: coverage [CORPUS...] [--top N] [--oracle PATH]";

const CORPORA: [&str; 6] = [
    "no_bokmaal-ud-dev.conllu",
    "no_nynorsk-ud-dev.conllu",
    "da_ddt-ud-dev.iob2",
    "sv_talbanken-ud-dev.iob2",
    "fi_digitoday-dev.iob2",
    "fi_turku-dev.iob2",
];

/// Gold types of places and of organisations, as `score.py` has them.
const PLACE_TYPES: [&str; 4] = ["GPE_LOC", "GPE_ORG", "GPE", "LOC"];
const ORG_TYPES: [&str; 2] = ["ORG", "PROD"];

/// The groups of untouched spans, in the order printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    NotInData,
    Unmatched,
    RecordOnly,
}

impl Group {
    const ALL: [Group; 3] = [Group::NotInData, Group::Unmatched, Group::RecordOnly];

    fn label(self) -> &'static str {
        match self {
            Group::NotInData => "name not in the data",
            Group::Unmatched => "name in the data but not matched",
            Group::RecordOnly => "in the data, not matched (alias kept as a record only)",
        }
    }
}

/// A builtin alias: its text, its entity, and whether the tagger matches it.
struct Known {
    alias: String,
    id: String,
    kind: Kind,
    matched: bool,
    /// A company or brand, whose names the tagger reads with Finnish case endings...
    company_or_brand: bool,
    /// ...unless the alias is marked `without_endings=fi`.
    cases: bool,
}

/// The builtin aliases by fold, matched ones before records.
struct Aliases(HashMap<String, Vec<Known>>);

impl Aliases {
    fn builtin() -> Aliases {
        let mut map: HashMap<String, Vec<Known>> = HashMap::new();
        let gazetteer = Gazetteer::builtin();
        for matched in [true, false] {
            for e in gazetteer.entities() {
                let records = e.alias_records();
                let texts: Vec<&str> = if matched {
                    e.aliases().collect()
                } else {
                    let unmatched = records.iter().filter(|a| !a.is_matched());
                    unmatched.map(|a| a.text()).chain([e.name()]).collect()
                };
                for text in texts {
                    let cases = records
                        .iter()
                        .find(|a| a.text() == text)
                        .is_none_or(|a| a.takes_case_endings());
                    map.entry(fold(text)).or_default().push(Known {
                        alias: text.to_string(),
                        id: e.id().to_string(),
                        kind: e.kind(),
                        matched,
                        company_or_brand: e.is(Kind::Company) || e.is(Kind::Brand),
                        cases,
                    });
                }
            }
        }
        Aliases(map)
    }

    /// The alias `text` is, or is with one ending, and the ending; a matched alias first. A
    /// Finnish ending counts only after a company's or brand's name, as in the tagger.
    fn lookup(&self, text: &str, finnish: bool) -> Option<(&Known, Option<String>)> {
        let folded = fold(text);
        if let Some(known) = self.0.get(&folded).and_then(|k| k.first()) {
            return Some((known, None));
        }
        let mut best: Option<(&Known, &str)> = None;
        for (stem, ending) in stems(&folded, finnish) {
            let mut candidates = self.0.get(stem).into_iter().flatten();
            if let Some(known) = candidates.find(|k| !finnish || k.company_or_brand) {
                if best.is_none_or(|(b, _)| known.matched && !b.matched) {
                    best = Some((known, ending));
                }
            }
        }
        best.map(|(known, ending)| (known, Some(ending.to_string())))
    }
}

/// The ways to read `folded` as a stem of 2 or more characters plus one ending, the longest
/// stem first.
fn stems(folded: &str, finnish: bool) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for (i, _) in folded.char_indices().rev() {
        let (stem, ending) = folded.split_at(i);
        if stem.chars().count() < 2 || ending.chars().count() > 9 {
            break;
        }
        if nordic_ner::is_name_ending(stem, ending, finnish) {
            out.push((stem, ending));
        }
    }
    out
}

/// What one corpus, or all, holds: gold spans, touched, and the untouched by group.
#[derive(Default)]
struct Tally {
    gold: usize,
    gold_org: usize,
    gold_prod: usize,
    touched: usize,
    untouched: [usize; 3],
    overlapped: [usize; 3],
    /// Span text -> (count, what it is in the data), by group.
    names: [BTreeMap<String, (usize, String)>; 3],
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.gold_org += other.gold_org;
        self.gold_prod += other.gold_prod;
        self.touched += other.touched;
        for g in 0..3 {
            self.untouched[g] += other.untouched[g];
            self.overlapped[g] += other.overlapped[g];
            for (text, (n, note)) in &other.names[g] {
                self.names[g]
                    .entry(text.clone())
                    .or_insert_with(|| (0, note.clone()))
                    .0 += n;
            }
        }
    }

    fn print(&self, top: usize) {
        println!(
            "gold ORG+PROD spans {:>6}  (ORG {}, PROD {})",
            self.gold, self.gold_org, self.gold_prod
        );
        let recall = if self.gold == 0 {
            "-".to_string()
        } else {
            #[allow(clippy::cast_precision_loss)] // counts far below 2^53
            let r = self.touched as f64 / self.gold as f64;
            format!("{r:.4}")
        };
        println!(
            "touched            {:>6}  (org recall {recall})",
            self.touched
        );
        println!(
            "untouched          {:>6}",
            self.untouched.iter().sum::<usize>()
        );
        for g in Group::ALL {
            let i = g as usize;
            println!(
                "  {:<56} {:>5}  ({} overlapped by a mention)",
                g.label(),
                self.untouched[i],
                self.overlapped[i]
            );
        }
        for g in Group::ALL {
            let names = &self.names[g as usize];
            if names.is_empty() {
                continue;
            }
            let mut rows: Vec<(&String, &(usize, String))> = names.iter().collect();
            rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
            println!(
                "\n{}: top {} of {} names",
                g.label(),
                top.min(rows.len()),
                rows.len()
            );
            for (text, (n, note)) in rows.into_iter().take(top) {
                if note.is_empty() {
                    println!("  {n:>4}  {text}");
                } else {
                    println!("  {n:>4}  {text}  = {note}");
                }
            }
        }
    }
}

/// Tags `corpus` and sorts its gold organisation spans; also returns the library's own count
/// of found and gold spans, to check against.
fn tally(corpus: &Corpus, oracle: &Oracle, aliases: &Aliases) -> (Tally, Option<(usize, usize)>) {
    let mut tagged: Vec<Vec<(Span, Kind)>> = Vec::new();
    // `evaluate_with` tags each scored sentence once, in order (a repeated id's sentence with
    // the text of the last of that id, as `score.py`); keep what it was given.
    let report = evaluate_with(corpus, Some(oracle), |text| {
        let mentions = nordic_ner::tag(text);
        tagged.push(mentions.iter().map(|m| (m.char_span(), m.kind())).collect());
        mentions
    });
    let universal = corpus.format == Format::Iob2;
    let finnish = corpus.name.starts_with("fi");
    let mut t = Tally::default();
    let scored = corpus
        .sentences
        .iter()
        .filter_map(|s| s.gold_spans().map(|gold| (s, gold)));
    for ((sentence, gold), mentions) in scored.zip(&tagged) {
        let drv: Vec<Span> = gold
            .iter()
            .filter(|g| g.label == "DRV")
            .map(|g| g.chars)
            .collect();
        let mentions: Vec<(Span, Kind)> = mentions
            .iter()
            .copied()
            .filter(|(m, _)| {
                !drv.iter()
                    .any(|d| d.start <= m.start && m.end <= d.end && d != m)
            })
            .collect();
        for g in &gold {
            let text = &sentence.text[g.bytes.range()];
            let label = g.label.as_str();
            let ioborg = universal && label == "ORG";
            if PLACE_TYPES.contains(&label)
                || (ioborg && oracle.contains(text))
                || !ORG_TYPES.contains(&label)
            {
                continue;
            }
            t.gold += 1;
            if label == "ORG" {
                t.gold_org += 1;
            } else {
                t.gold_prod += 1;
            }
            let compatible = |k: Kind| {
                matches!(k, Kind::Company | Kind::Brand)
                    || (ioborg && matches!(k, Kind::Country | Kind::Region))
            };
            if mentions.iter().any(|&(m, k)| m == g.chars && compatible(k)) {
                t.touched += 1;
                continue;
            }
            let (group, note) = match aliases.lookup(text, finnish) {
                None => (Group::NotInData, String::new()),
                Some((known, ending)) => (
                    if known.matched {
                        Group::Unmatched
                    } else {
                        Group::RecordOnly
                    },
                    format!(
                        "{}{} ({} {}{})",
                        known.alias,
                        ending
                            .as_ref()
                            .map_or_else(String::new, |e| format!(" + {e}")),
                        known.kind,
                        known.id,
                        if finnish && ending.is_some() && !known.cases {
                            ", without_endings=fi"
                        } else {
                            ""
                        }
                    ),
                ),
            };
            let i = group as usize;
            t.untouched[i] += 1;
            t.overlapped[i] += usize::from(
                mentions
                    .iter()
                    .any(|(m, _)| m.start < g.chars.end && g.chars.start < m.end),
            );
            t.names[i]
                .entry(text.to_string())
                .or_insert_with(|| (0, note))
                .0 += 1;
        }
    }
    (t, report.org.map(|r| (r.found, r.gold)))
}

fn main() -> ExitCode {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut top = 25;
    let mut oracle_path = here.join("../shared/eval/oracle_countries.tsv");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--top" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => top = n,
                None => {
                    eprintln!("--top needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--oracle" => match args.next() {
                Some(path) => oracle_path = path.into(),
                None => {
                    eprintln!("--oracle needs a path\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with("--") => {
                eprintln!("unexpected argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => paths.push(arg.into()),
        }
    }
    if paths.is_empty() {
        let dir = here.join("../shared/eval/corpora");
        paths = CORPORA.iter().map(|name| dir.join(name)).collect();
    }
    let oracle = match Oracle::read(&oracle_path) {
        Ok(oracle) => oracle,
        Err(e) => {
            eprintln!(
                "note: no country list ({e}); IOB2 ORG spans naming countries stay organisations"
            );
            Oracle::default()
        }
    };
    let aliases = Aliases::builtin();
    let mut all = Tally::default();
    let (mut read, mut failed) = (0, false);
    for path in &paths {
        if !path.exists() {
            eprintln!("note: {} is missing, skipped", path.display());
            continue;
        }
        let corpus = match Corpus::read(path) {
            Ok(corpus) => corpus,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        let (t, library) = tally(&corpus, &oracle, &aliases);
        if library.is_some_and(|l| l != (t.touched, t.gold)) {
            eprintln!(
                "warning: {}: evaluate counts {library:?} (found, gold), this {:?}",
                corpus.name,
                (t.touched, t.gold)
            );
            failed = true;
        }
        let (format, endings) = match (
            corpus.format == Format::Conllu,
            corpus.name.starts_with("fi"),
        ) {
            (true, _) => ("CoNLL-U, NorNE types", "genitives"),
            (false, false) => ("IOB2", "genitives"),
            (false, true) => ("IOB2", "Finnish case endings"),
        };
        println!("== {} ({format}; endings tried: {endings})", corpus.name);
        t.print(top);
        println!();
        all.add(&t);
        read += 1;
    }
    if read == 0 {
        eprintln!("no corpus read\n{USAGE}");
        return ExitCode::FAILURE;
    }
    println!("== all {read} corpora");
    all.print(top);
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
