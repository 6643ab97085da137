//! Writes the displaCy document of a text file on stdout: `{"text", "ents", "title"}`, char
//! offsets, labels COMPANY, BRAND, COUNTRY, REGION (or NorNE / Universal NER labels), the
//! file name as title.
//!
//! ```sh
//! cargo run --example displacy_json -- examples/data/alibaba_norden.txt > doc.json
//! cargo run --example displacy_json -- article.txt --labels norne    # or universal, kinds
//! python3 -c 'import json, spacy; print(spacy.displacy.render(json.load(open("doc.json")), style="ent", manual=True))'
//! ```

use std::path::Path;
use std::process::ExitCode;

use nordic_ner::output::displacy::Doc;
use nordic_ner::output::iob::LabelMap;

const USAGE: &str = "usage: displacy_json FILE [--labels kinds|norne|universal]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, labels) = match args.as_slice() {
        [path] => (path, LabelMap::kinds()),
        [path, flag, set] if flag == "--labels" => match set.as_str() {
            "kinds" => (path, LabelMap::kinds()),
            "norne" => (path, LabelMap::norne()),
            "universal" => (path, LabelMap::universal_ner()),
            other => {
                eprintln!("unknown label set {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let title = Path::new(path)
        .file_name()
        .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
    let doc = Doc::new(&text, &nordic_ner::tag(&text), &labels).with_title(&title);
    println!("{}", doc.to_json());
    ExitCode::SUCCESS
}
