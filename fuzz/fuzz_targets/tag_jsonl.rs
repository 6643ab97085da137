//! Any input to the `tag_jsonl` example: one output line, valid JSON, for each line that is
//! not blank, and no panic.
#![no_main]

#[allow(dead_code)]
#[path = "../../examples/tag_jsonl.rs"]
mod tag_jsonl;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = tag_jsonl::Options {
        threads: 1,
        progress: false,
        batch_lines: 4,
        max_line_bytes: 1 << 16,
        max_output_bytes: 1 << 20,
    };
    let mut out = Vec::new();
    tag_jsonl::run(data, &mut out, &options).expect("writing to memory does not fail");
    for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        serde_json::from_slice::<serde_json::Value>(line).expect("each output line is JSON");
    }
});
