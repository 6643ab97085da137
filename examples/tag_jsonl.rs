//! Tags JSON Lines: reads `{"id": <any JSON>, "text": <string>}` a line on stdin and writes
//! `{"id": <same>, "mentions": [...]}` a line on stdout, in order.
//!
//! A line that is not valid JSON, or has no string `text`, gets `{"id": ..., "error": "..."}`
//! and the run goes on. Blank lines are skipped.
//!
//! ```sh
//! python3 ../shared/eval/score.py texts ../shared/eval/corpora/no_bokmaal-ud-dev.conllu > in.jsonl
//! cargo run --release --example tag_jsonl < in.jsonl > out.jsonl
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use serde_json::{json, Value};

fn mention_json(m: &nordic_ner::Mention) -> Value {
    json!({
        "start": m.span().start,
        "end": m.span().end,
        "char_start": m.char_span().start,
        "char_end": m.char_span().end,
        "text": m.text(),
        "kind": m.kind().as_str(),
        "entity": m.id().as_str(),
        "name": m.name(),
        "alias": m.alias(),
        "form": format!("{:?}", m.form()).to_lowercase(),
        "case": format!("{:?}", m.case()).to_lowercase(),
    })
}

fn process(line: &str) -> Value {
    let doc: Value = match serde_json::from_str(line) {
        Ok(doc) => doc,
        Err(e) => return json!({"id": Value::Null, "error": format!("invalid JSON: {e}")}),
    };
    let id = doc.get("id").cloned().unwrap_or(Value::Null);
    match doc.get("text") {
        Some(Value::String(text)) => {
            let mentions: Vec<Value> = nordic_ner::tag(text).iter().map(mention_json).collect();
            json!({"id": id, "mentions": mentions})
        }
        Some(_) => json!({"id": id, "error": "\"text\" is not a string"}),
        None => json!({"id": id, "error": "no \"text\" field"}),
    }
}

fn main() -> io::Result<()> {
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        serde_json::to_writer(&mut out, &process(&line))?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
