//! Tags with a gazetteer of the user's own added to the builtin one: kinds the crate does not
//! ship (persons, products), one builtin entity removed, and each mention printed with the
//! other entities its name could stand for.
//!
//! ```sh
//! cargo run --example user_gazetteer                        # the bundled sample text
//! cargo run --example user_gazetteer -- article.txt people.tsv
//! ```

use std::process::ExitCode;

use nordic_ner::{Gazetteer, Tagger};

const SAMPLE: &str = "Equinor-sjef Anders Opedal møtte Sigve Brekke i Oslo. Gyldendal gir ut \
boka om Nokia 3310, og Volvo EX30 selges nå i Sverige, Danmark og Norge. \
Opedal sa at Europa trenger mer gass.";

/// The builtin data, the user's file, and one edit: Denmark is not wanted here.
fn tagger(mine: &str) -> Result<Tagger, Box<dyn std::error::Error>> {
    let gazetteer = Gazetteer::builder()
        .add_builtin()?
        .add_path(mine)?
        .remove("iso:DK")?
        .build();
    Ok(Tagger::new(&gazetteer)?)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first() {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => SAMPLE.to_string(),
    };
    let mine = args
        .get(1)
        .map_or("examples/data/people_and_products.tsv", String::as_str);
    let tagger = match tagger(mine) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{:<14} {:<9} {:<22} {:<16} alternatives",
        "text", "kind", "entity", "name"
    );
    for m in tagger.mentions(&text) {
        let alternatives: Vec<String> = m
            .alternatives()
            .iter()
            .map(|a| format!("{} ({}, {})", a.id, a.kind, a.name))
            .collect();
        let line = format!(
            "{:<14} {:<9} {:<22} {:<16} {}",
            m.text(),
            m.kind(),
            m.id(),
            m.name(),
            alternatives.join("; ")
        );
        println!("{}", line.trim_end());
        for (key, value) in m.attributes() {
            println!("{:<14} {key} = {value}", "");
        }
    }
    ExitCode::SUCCESS
}
