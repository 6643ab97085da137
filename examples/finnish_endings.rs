//! Prints the Finnish case endings the tagger reads after each one-word name on stdin, one
//! line a name, flushed at once (so that a program can ask a name at a time):
//! `name<TAB>all endings<TAB>plural endings`, each list comma-separated
//! (`nordic_ner::finnish_case_endings`, `nordic_ner::finnish_plural_endings`). The data build's
//! audit (`data/build/audit.py`) reads them, so that the audit and the tagger share one
//! definition of the endings.
//!
//! ```sh
//! printf 'Prisma\nLidl\n' | cargo run --release --example finnish_endings
//! ```

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let name = line?;
        let all = nordic_ner::finnish_case_endings(&name).join(",");
        let plural = nordic_ner::finnish_plural_endings(&name).join(",");
        writeln!(out, "{name}\t{all}\t{plural}")?;
        out.flush()?;
    }
    out.flush()
}
