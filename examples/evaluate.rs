//! Scores the builtin tagger on a gold corpus (NorNE CoNLL-U or Universal NER IOB2) and prints
//! precision by kind and recall, the figures of the evaluation kit's `score.py`.
//!
//! ```sh
//! cargo run --release --features evaluate --example evaluate -- ../shared/eval/corpora/no_bokmaal-ud-dev.conllu \
//!     --oracle ../shared/eval/oracle_countries.tsv
//! cargo run --release --features evaluate --example evaluate -- CORPUS --oracle LIST --json   # score.py's --json shape
//! ```
//!
//! `--no-compounds` and `--no-genitives` score a tagger with those rules off, to see what
//! they contribute on your annotation scheme.
//!
//! Without `--oracle` (the list is not part of the crate) country recall is unavailable, and so
//! are place and organisation recall on IOB2 corpora.

use std::process::ExitCode;

use nordic_ner::evaluate::{evaluate, Corpus, Oracle};
use nordic_ner::Tagger;

const USAGE: &str =
    "usage: evaluate CORPUS [--oracle PATH] [--json] [--no-compounds] [--no-genitives]";

fn main() -> ExitCode {
    let mut corpus = None;
    let mut oracle = None;
    let mut json = false;
    let mut builder = Tagger::builder();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--oracle" => match args.next() {
                Some(path) => oracle = Some(path),
                None => {
                    eprintln!("--oracle needs a path\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--json" => json = true,
            "--no-compounds" => builder = builder.compounds(false),
            "--no-genitives" => builder = builder.genitives(false),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if corpus.is_none() && !arg.starts_with("--") => corpus = Some(arg),
            _ => {
                eprintln!("unexpected argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(corpus) = corpus else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let corpus = match Corpus::read(&corpus) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let oracle = match oracle.map(Oracle::read).transpose() {
        Ok(oracle) => oracle,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let tagger = match builder.build(nordic_ner::Gazetteer::builtin()) {
        Ok(tagger) => tagger,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = evaluate(&corpus, &tagger, oracle.as_ref());
    if json {
        println!("{}", report.to_json());
    } else {
        print!("{report}");
    }
    ExitCode::SUCCESS
}
