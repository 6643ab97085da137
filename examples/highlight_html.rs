//! Writes a self-contained HTML page of a text file with its mentions highlighted by kind.
//!
//! ```sh
//! cargo run --release --example highlight_html -- examples/data/alibaba_norden.txt > page.html
//! ```

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: highlight_html FILE > page.html");
        return ExitCode::from(2);
    };
    let path = Path::new(&path);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("highlight_html: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let title = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let page = nordic_ner::output::html::render(&title, &text, &nordic_ner::tag(&text));
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(page.as_bytes())
        .and_then(|()| stdout.flush())
    {
        eprintln!("highlight_html: cannot write the page: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
