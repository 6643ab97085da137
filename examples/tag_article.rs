//! Tags an article and prints a table of its mentions.
//!
//! ```sh
//! cargo run --release --example tag_article                 # the bundled example article
//! cargo run --release --example tag_article -- article.txt  # your own file
//! ```

use std::process::ExitCode;

const EXAMPLE: &str = include_str!("data/alibaba_norden.txt");

fn main() -> ExitCode {
    let text = match std::env::args_os().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.to_string_lossy());
                return ExitCode::FAILURE;
            }
        },
        None => EXAMPLE.to_string(),
    };
    let mentions = nordic_ner::tag(&text);
    println!(
        "{:>6} {:>6}  {:<20} {:<8} {:<16} {:<22} form",
        "char", "byte", "text", "kind", "entity", "name"
    );
    for m in &mentions {
        println!(
            "{:>6} {:>6}  {:<20} {:<8} {:<16} {:<22} {:?}",
            m.char_span().start,
            m.span().start,
            m.text(),
            m.kind(),
            m.id(),
            m.name(),
            m.form()
        );
    }
    println!(
        "{} mentions in {} characters",
        mentions.len(),
        text.chars().count()
    );
    ExitCode::SUCCESS
}
