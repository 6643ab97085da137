//! The `tag_jsonl` example: its line logic through the example's own `run` (included as a
//! module), and once end to end through `cargo run --example tag_jsonl`.
#![cfg(feature = "serde")]

#[allow(dead_code)]
#[path = "../examples/tag_jsonl.rs"]
mod tag_jsonl;

use serde_json::{json, Value};
use tag_jsonl::{parse_args, run, Command, Options};

fn options(threads: usize, batch_lines: usize) -> Options {
    Options {
        threads,
        progress: false,
        batch_lines,
        max_line_bytes: 4 << 20,
        max_output_bytes: 64 << 20,
    }
}

fn tag(input: &[u8], options: &Options) -> Vec<u8> {
    let mut out = Vec::new();
    run(input, &mut out, options).expect("run");
    out
}

fn lines(out: &[u8]) -> Vec<Value> {
    std::str::from_utf8(out)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// A mixed input: documents, blank lines, and every kind of bad line.
fn mixed_input(n: usize) -> Vec<u8> {
    let mut input = Vec::new();
    for i in 0..n {
        let line: Vec<u8> = match i % 7 {
            0 => format!(r#"{{"id": {i}, "text": "Alibaba satser i Norden ({i})"}}"#).into(),
            1 => format!(r#"{{"id": "d{i}", "text": "H&M og Fjällräven i Kina"}}"#).into(),
            2 => b"   ".to_vec(),
            3 => format!(r#"{{"id": {i}, "text": 7}}"#).into(),
            4 => b"{not json".to_vec(),
            5 => [
                &br#"{"id": "bad-"#[..],
                &[0xff, 0xfe],
                &br#"", "text": "Norge"}"#[..],
            ]
            .concat(),
            _ => format!("{{\"id\": {{\"n\": {i}}}, \"text\": \"Sverige\\nog Danmark\"}}\r").into(),
        };
        input.extend_from_slice(&line);
        input.push(b'\n');
    }
    input
}

#[test]
fn one_line_out_for_each_non_blank_line_in_order() {
    let input = mixed_input(14);
    let out = lines(&tag(&input, &options(1, 2048)));
    assert_eq!(out.len(), 12, "two blank lines skipped");

    assert_eq!(out[0]["id"], json!(0));
    let m = &out[0]["mentions"];
    assert_eq!(m[0]["text"], "Alibaba");
    assert_eq!(m[0]["kind"], "company");
    assert_eq!(m[1]["text"], "Norden", "{m}");
    assert_eq!(m[1]["kind"], "region");
    assert!(m[1]["entity"].is_string() && m[1]["name"].is_string());
    assert_eq!(m[1]["start"], 17);
    assert_eq!(m[1]["char_start"], 17);
    for key in ["end", "char_end", "alias", "form", "case"] {
        assert!(m[1].get(key).is_some(), "{key}");
    }

    assert_eq!(out[1]["id"], "d1");
    let m = &out[1]["mentions"];
    assert_eq!(m[1]["text"], "Fjällräven");
    assert_eq!(
        (m[1]["start"].clone(), m[1]["end"].clone()),
        (json!(7), json!(19))
    );
    assert_eq!(
        (m[1]["char_start"].clone(), m[1]["char_end"].clone()),
        (json!(7), json!(17))
    );

    assert_eq!(
        out[2],
        json!({"id": 3, "error": "\"text\" is not a string"})
    );
    assert_eq!(out[3]["id"], Value::Null);
    assert!(out[3]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert!(out[4]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid UTF-8"));
    assert!(
        out[4]["id"].as_str().unwrap().starts_with("bad-"),
        "id kept: {}",
        out[4]
    );
    assert_eq!(out[5]["id"], json!({"n": 6}));
    assert_eq!(
        out[5]["mentions"][1]["text"], "Danmark",
        "a CRLF line is read too"
    );
    assert_eq!(out[7]["id"], "d8", "the run goes on after bad lines");
}

#[test]
fn missing_text_last_line_without_newline_and_empty_input() {
    let out = lines(&tag(
        b"{\"id\": 1}\n{\"text\": \"Norge\"}",
        &options(1, 2048),
    ));
    assert_eq!(out[0], json!({"id": 1, "error": "no \"text\" field"}));
    assert_eq!(out[1]["id"], Value::Null);
    assert_eq!(out[1]["mentions"][0]["entity"], "iso:NO");
    assert!(tag(b"", &options(2, 2048)).is_empty());
    assert!(tag(b"\n\n  \n", &options(2, 2048)).is_empty());
}

#[test]
fn threads_give_the_same_bytes_as_one_thread() {
    let input = mixed_input(3000);
    let one = tag(&input, &options(1, 2048));
    assert_eq!(lines(&one).len(), 3000 - 3000 / 7 - 1);
    for (threads, batch_lines) in [(2, 2048), (2, 7), (3, 1), (8, 13)] {
        let many = tag(&input, &options(threads, batch_lines));
        assert!(
            one == many,
            "--threads {threads} --batch-lines {batch_lines} differs"
        );
    }
}

#[test]
fn arguments() {
    let args = |a: &[&str]| parse_args(a.iter().map(|s| s.to_string()));
    assert_eq!(
        args(&[]),
        Ok(Command::Run(Options {
            threads: 1,
            progress: true,
            batch_lines: 2048,
            max_line_bytes: 4 << 20,
            max_output_bytes: 64 << 20
        }))
    );
    assert_eq!(
        args(&["--threads", "2", "--quiet", "--batch-lines=10"]),
        Ok(Command::Run(Options {
            threads: 2,
            progress: false,
            batch_lines: 10,
            max_line_bytes: 4 << 20,
            max_output_bytes: 64 << 20
        }))
    );
    assert_eq!(
        args(&["-q", "--threads=3"]),
        Ok(Command::Run(options(3, 2048)))
    );
    let Ok(Command::Run(all)) = args(&["-t", "0"]) else {
        panic!()
    };
    assert!(all.threads >= 1);
    assert_eq!(args(&["-q", "--help"]), Ok(Command::Help));
    assert!(args(&["--threads"]).is_err());
    assert!(args(&["--threads", "two"]).is_err());
    assert!(args(&["--bogus"]).is_err());
    assert!(args(&["in.jsonl"]).is_err());
}

#[test]
fn the_example_binary_end_to_end() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let input = mixed_input(40);
    let run_example = |threads: &str| {
        let mut child = Command::new(env!("CARGO"))
            .args([
                "run",
                "--features",
                "serde",
                "--example",
                "tag_jsonl",
                "-q",
                "--",
                "--threads",
                threads,
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cargo runs");
        let mut stdin = child.stdin.take().unwrap();
        let feed = input.clone();
        let writer = std::thread::spawn(move || stdin.write_all(&feed));
        let out = child.wait_with_output().expect("cargo finishes");
        writer.join().unwrap().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "no progress line when stderr is not a terminal"
        );
        out.stdout
    };
    let one = run_example("1");
    assert_eq!(one, tag(&input, &options(1, 2048)));
    assert_eq!(run_example("2"), one);
}

/// A byte order mark before the first record is skipped, and a record whose JSON does not parse
/// as a whole still answers with its top-level id where that id parses.
#[test]
fn bom_and_ids_of_bad_records() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let input = format!(
        "\u{feff}{{\"id\": 1, \"text\": \"Norge\"}}\n\
         {{\"id\": 7, \"text\": \"\\ud800 Norge\"}}\n\
         {{\"id\": \"a\", \"x\": {deep}, \"text\": \"Norge\"}}\n\
         {{\"text\": \"\\\"id\\\": 5 \\ud800\", \"meta\": {{\"id\": 9}}}}\n"
    );
    let out = lines(&tag(input.as_bytes(), &options(1, 2048)));
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["id"], json!(1));
    assert_eq!(out[0]["mentions"][0]["entity"], json!("iso:NO"));
    let ids: Vec<&Value> = out[1..].iter().map(|o| &o["id"]).collect();
    assert_eq!(ids, [&json!(7), &json!("a"), &Value::Null]);
    assert!(out[1..].iter().all(|o| o["error"].is_string()));
}

/// `--max-line-bytes`: a longer line is answered, in order, with an error and the id from its
/// start, and is never held whole; the lines around it are tagged as usual.
#[test]
fn lines_over_the_limit() {
    assert!(matches!(
        parse_args(["--max-line-bytes", "100"].map(String::from)),
        Ok(Command::Run(Options {
            max_line_bytes: 100,
            ..
        }))
    ));
    let long_text = "Norge ".repeat(10_000);
    let input = format!(
        "{{\"id\": 1, \"text\": \"Norge\"}}\n\
         {{\"id\": \"big\", \"text\": \"{long_text}\"}}\r\n\
         {{\"id\": 3, \"text\": \"Sverige\"}}"
    );
    for threads in [1, 2] {
        let opts = Options {
            max_line_bytes: 1000,
            ..options(threads, 2)
        };
        let out = lines(&tag(input.as_bytes(), &opts));
        assert_eq!(out.len(), 3);
        assert_eq!(out[0]["mentions"][0]["entity"], json!("iso:NO"));
        assert_eq!(out[1]["id"], json!("big"));
        assert!(out[1]["error"]
            .as_str()
            .unwrap()
            .contains("longer than 1000 bytes"));
        assert_eq!(out[2]["mentions"][0]["entity"], json!("iso:SE"));
    }
    // A line of exactly the limit is tagged.
    let line = r#"{"id": 4, "text": "Danmark"}"#;
    let opts = Options {
        max_line_bytes: line.len(),
        ..options(1, 2048)
    };
    let out = lines(&tag(format!("{line}\r\n").as_bytes(), &opts));
    assert_eq!(out[0]["mentions"][0]["entity"], json!("iso:DK"));
}

/// A line whose mentions would take more output than `--max-output-bytes` gets an error
/// object with its id, written in place of the mentions, and the lines around it are tagged.
#[test]
fn lines_whose_mentions_are_too_many() {
    assert!(matches!(
        parse_args(["--max-output-bytes", "5000"].map(String::from)),
        Ok(Command::Run(Options {
            max_output_bytes: 5000,
            ..
        }))
    ));
    let dense = "Norge ".repeat(1_000);
    let input = format!(
        "{{\"id\": 1, \"text\": \"Norge og Sverige\"}}\n\
         {{\"id\": \"dense\", \"text\": \"{dense}\"}}\n\
         {{\"id\": 3, \"text\": \"Danmark\"}}\n"
    );
    for threads in [1, 2] {
        let opts = Options {
            max_output_bytes: 5000,
            ..options(threads, 2)
        };
        let out = lines(&tag(input.as_bytes(), &opts));
        assert_eq!(out.len(), 3);
        assert_eq!(out[0]["mentions"].as_array().unwrap().len(), 2);
        assert_eq!(out[1]["id"], json!("dense"));
        assert!(out[1]["error"]
            .as_str()
            .unwrap()
            .contains("more than 5000 bytes"));
        assert_eq!(out[2]["mentions"][0]["entity"], json!("iso:DK"));
    }
    // Without the limit (0) the dense line is tagged whole.
    let opts = Options {
        max_output_bytes: 0,
        ..options(1, 2048)
    };
    let out = lines(&tag(input.as_bytes(), &opts));
    assert_eq!(out[1]["mentions"].as_array().unwrap().len(), 1_000);
}

/// Threads that cannot be started give a clear error and a failing exit status, not a panic or
/// an abort: under an address-space limit near 2 GB, 1,000 threads' stacks (2 MiB each) do not
/// fit. Several limits, as where memory runs out decides what fails: a thread whose stack
/// fitted could not map its signal stack at some limits (and std aborted), until the threads
/// were started one at a time, each after a check for room.
#[cfg(target_os = "linux")]
#[test]
fn threads_that_cannot_start_are_an_error() {
    use std::process::Command;

    // Build the example and find its executable in cargo's own report.
    let build = Command::new(env!("CARGO"))
        .args([
            "build",
            "--features",
            "serde",
            "--example",
            "tag_jsonl",
            "--message-format=json",
            "-q",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let executable = String::from_utf8_lossy(&build.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|m| m["target"]["name"] == "tag_jsonl")
        .find_map(|m| m["executable"].as_str().map(str::to_string))
        .expect("cargo reports the example's executable");
    // (The old code aborted at 2-5 % of limits, by chance: the sweep makes a regression likely
    // to show.)
    for limit in (0..16).map(|i| 1_900_000 + i * 12_347) {
        starting_threads_fails_cleanly(&executable, limit);
    }
}

fn starting_threads_fails_cleanly(executable: &str, limit_kb: u32) {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let mut child = Command::new("sh")
        .args([
            "-c",
            &format!(r#"ulimit -v {limit_kb} && exec "$0" --threads 1000"#),
            executable,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(b"{\"id\":1,\"text\":\"Norge\"}\n"));
    let out = child.wait_with_output().expect("sh finishes");
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{limit_kb} KB: {stderr}");
    assert!(
        stderr.contains("cannot start tagging thread"),
        "{limit_kb} KB: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{limit_kb} KB: {stderr}");
}

/// Each id comes back exactly as written: an integer above 2^64 (a float once parsed), a
/// string with escapes, an object with spaces.
#[test]
fn ids_are_echoed_as_written() {
    let input = concat!(
        "{\"id\":18446744073709551616,\"text\":\"Norge\"}\n",
        "{\"id\": \"a\\u0041\" ,\"text\":\"Sverige\"}\n",
        "{\"id\":{\"k\": [1, 2]},\"text\":3}\n",
        "{\"text\":\"Danmark\"}\n",
    );
    let out = tag(input.as_bytes(), &options(1, 2048));
    let out = std::str::from_utf8(&out).unwrap();
    let starts: Vec<&str> = out.lines().map(|l| &l[..l.len().min(40)]).collect();
    assert!(starts[0].starts_with("{\"id\":18446744073709551616,\"mentions\":["));
    assert!(starts[1].starts_with("{\"id\":\"a\\u0041\",\"mentions\":["));
    assert!(out
        .lines()
        .nth(2)
        .unwrap()
        .ends_with(",\"id\":{\"k\": [1, 2]}}"));
    assert!(starts[3].starts_with("{\"id\":null,\"mentions\":["));
    assert_eq!(lines(out.as_bytes()).len(), 4, "each line is JSON");
}

#[test]
fn mentions_are_written_as_serde_writes_them() {
    let text = "Equinor og Norges Komplett.no, USA:s Alibaba-sjef";
    let line = json!({"id": 7, "text": text}).to_string();
    let mut out = Vec::new();
    tag_jsonl::answer(line.as_bytes(), &mut out, 0).unwrap();
    let written: Value = serde_json::from_slice(&out).unwrap();
    let serde = serde_json::to_value(nordic_ner::tag(text)).unwrap();
    assert!(serde.as_array().unwrap().len() >= 4, "{serde}");
    assert_eq!(written["mentions"], serde);
}
