//! Tags JSON Lines: reads `{"id": <any JSON>, "text": <string>}` a line on stdin and writes
//! `{"id": <same>, "mentions": [...]}` a line on stdout, in order: one output line for each
//! input line that is not blank.
//!
//! A line that is not valid JSON, not valid UTF-8, or has no string `text` gets
//! `{"id": ..., "error": "..."}` and the run goes on; `id` is the line's top-level `"id"`
//! exactly as written (an integer above 2^64 stays an integer), even when the rest of the line
//! does not parse (a lone surrogate, deep nesting), and null only when it cannot be read. A
//! byte order mark at the start of a line is skipped. A line is blank when it holds only
//! Unicode white space.
//!
//! Made for big jobs and for being a stage of a pipeline (Spark's `RDD.pipe`, Hadoop
//! streaming):
//! - memory stays bounded on any input size: the input is read a batch of lines at a time
//!   (up to `--batch-lines`, 2048 by default, or 1 MiB, plus the rest of the line that
//!   crosses the limit), with at most `2 × threads + 2` batches in flight; a single line
//!   longer than that is held whole;
//! - `--threads N` tags batches on N threads (std scoped threads) and still writes the output
//!   in input order, byte for byte what one thread writes. The default is 1, because a
//!   pipeline stage usually runs as one of many processes, one a core; `--threads 0` uses
//!   every core the machine reports;
//! - a progress line on stderr (documents, MB read, MB/s), refreshed at most four times a
//!   second, only when stderr is a terminal and without `--quiet`.
//!
//! ```sh
//! python3 ../shared/eval/score.py texts ../shared/eval/corpora/no_bokmaal-ud-dev.conllu > in.jsonl
//! cargo run --release --features serde --example tag_jsonl < in.jsonl > out.jsonl
//! cargo run --release --features serde --example tag_jsonl -- --threads 0 < big.jsonl > out.jsonl
//! ```

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::{Scope, ScopedJoinHandle};
use std::time::{Duration, Instant};

use serde_json::Value;

const USAGE: &str = "\
tag_jsonl: tags JSON Lines with nordic-ner

usage: tag_jsonl [--threads N] [--quiet] [--batch-lines N] [--max-line-bytes N]
                 [--max-output-bytes N] < in.jsonl > out.jsonl

Each input line {\"id\": <any JSON>, \"text\": <string>} gives one output line
{\"id\": <same>, \"mentions\": [{start, end, char_start, char_end, text, kind, entity,
name, alias, form, case, language}, ...]}, in input order; blank lines are skipped. A line that is
not valid JSON or UTF-8, or has no string \"text\", gives {\"id\": ..., \"error\": \"...\"}
and the run goes on.

options:
  -t, --threads N   tag on N threads (default 1; 0 = every core); the output is the same
  -q, --quiet       no progress line (it is only shown when stderr is a terminal)
  --batch-lines N   lines a batch at most (default 2048; a batch also ends at 1 MiB)
  --max-line-bytes N
                    a line longer than N bytes (line ending aside) is not held or tagged:
                    it gets {\"id\": ..., \"error\": ...} with the id read from its start
                    (default 4194304, 4 MiB; 0: no limit, and memory grows with the
                    line: a 16 MB line of names peaked at 419 MB)
  --max-output-bytes N
                    a line whose mentions take more than N bytes of output gets
                    {\"id\": ..., \"error\": ...} instead (default 67108864, 64 MiB;
                    0: no limit); mentions are written as they are found, so memory
                    stays near N however dense the line
  -h, --help        this text
";

/// The longest line tagged by default (`--max-line-bytes`): 4 MiB, far beyond any article. A
/// line is held whole while it is tagged; its mentions are written as they are found.
const MAX_LINE_BYTES: usize = 4 << 20;

/// The most output one line may take by default (`--max-output-bytes`): 64 MiB, some 200,000
/// mentions. A line of 4 MB made of nothing but names has about 660,000.
const MAX_OUTPUT_BYTES: usize = 64 << 20;

/// A batch ends after `--batch-lines` lines (2048 by default)...
const BATCH_LINES: usize = 2048;
/// ...or once it holds this many bytes.
const BATCH_BYTES: usize = 1 << 20;
/// How often the progress line may change.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// The command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Tagging threads, at least 1.
    pub threads: usize,
    /// Whether to show the progress line (if stderr is a terminal).
    pub progress: bool,
    /// The most lines in a batch, at least 1.
    pub batch_lines: usize,
    /// The longest line tagged, in bytes without its line ending; 0: no limit.
    pub max_line_bytes: usize,
    /// The most output bytes one line's mentions may take; 0: no limit.
    pub max_output_bytes: usize,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Tag stdin.
    Run(Options),
    /// Print the usage.
    Help,
}

/// Parses the arguments after the program name.
///
/// # Errors
/// A message for an unknown option or a bad thread count.
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        threads: 1,
        progress: true,
        batch_lines: BATCH_LINES,
        max_line_bytes: MAX_LINE_BYTES,
        max_output_bytes: MAX_OUTPUT_BYTES,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, value) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let name = match name {
            "-h" | "--help" => return Ok(Command::Help),
            "-q" | "--quiet" => {
                options.progress = false;
                continue;
            }
            "-t" | "--threads" => "--threads",
            "--batch-lines" => "--batch-lines",
            "--max-line-bytes" => "--max-line-bytes",
            "--max-output-bytes" => "--max-output-bytes",
            _ => return Err(format!("unknown argument {arg:?}")),
        };
        let value = value
            .or_else(|| args.next())
            .ok_or(format!("{name} needs a number"))?;
        let n: usize = value
            .parse()
            .map_err(|_| format!("{name} {value:?} is not a number"))?;
        match name {
            "--threads" => {
                options.threads = match n {
                    0 => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
                    n => n,
                }
            }
            "--max-line-bytes" => options.max_line_bytes = n,
            "--max-output-bytes" => options.max_output_bytes = n,
            _ => options.batch_lines = n.max(1),
        }
    }
    Ok(Command::Run(options))
}

/// Writes the output line for one input line (without its line ending) onto `out`; false for
/// a blank line, which gets none. Mentions are written as the tagger finds them, not gathered
/// first, and a line whose mentions would take more than `max_output` bytes (0: no limit) gets
/// an error object instead, so that memory stays bounded however dense the line.
pub fn answer(line: &[u8], out: &mut Vec<u8>, max_output: usize) -> io::Result<bool> {
    // A byte order mark (at the start of a file written by some Windows tools) is no part of
    // the record.
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(e) => {
            // Keep the id if the rest of the line can tell it.
            let lossy = String::from_utf8_lossy(line);
            let error = format!("invalid UTF-8 at byte {} of the line", e.valid_up_to());
            return error_line(out, top_level_id(&lossy), &error);
        }
    };
    if line.trim().is_empty() {
        return Ok(false);
    }
    let id = top_level_id(line);
    let doc: Value = match serde_json::from_str(line) {
        Ok(doc) => doc,
        Err(e) => return error_line(out, id, &format!("invalid JSON: {e}")),
    };
    let text = match doc.get("text") {
        Some(Value::String(text)) => text,
        Some(_) => return error_line(out, id, "\"text\" is not a string"),
        None => return error_line(out, id, "no \"text\" field"),
    };
    // {"id":...,"mentions":[...]}: the keys in the order serde_json writes an object.
    let start = out.len();
    out.extend_from_slice(b"{\"id\":");
    out.extend_from_slice(id.unwrap_or("null").as_bytes());
    out.extend_from_slice(b",\"mentions\":");
    if !write_mentions(nordic_ner::Tagger::builtin(), text, out, start, max_output)? {
        out.truncate(start);
        let error = format!(
            "the mentions take more than {max_output} bytes (--max-output-bytes): not tagged"
        );
        return error_line(out, id, &error);
    }
    out.extend_from_slice(b"}\n");
    Ok(true)
}

/// Writes the mentions of `text` to `out` as a JSON array, each as the tagger finds it (not
/// gathered first). Returns false, stopping there, once `out` holds more than `max_output`
/// bytes (0: no limit) from `from` on.
pub fn write_mentions(
    tagger: &nordic_ner::Tagger,
    text: &str,
    out: &mut Vec<u8>,
    from: usize,
    max_output: usize,
) -> io::Result<bool> {
    out.push(b'[');
    for (n, m) in tagger.mentions(text).enumerate() {
        if n > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, &m)?;
        if max_output > 0 && out.len() - from > max_output {
            return Ok(false);
        }
    }
    out.push(b']');
    Ok(true)
}

/// Writes `{"error":...,"id":...}` (the keys in serde_json's order) with the id as written.
fn error_line(out: &mut Vec<u8>, id: Option<&str>, error: &str) -> io::Result<bool> {
    out.extend_from_slice(b"{\"error\":");
    serde_json::to_writer(&mut *out, error)?;
    out.extend_from_slice(b",\"id\":");
    out.extend_from_slice(id.unwrap_or("null").as_bytes());
    out.extend_from_slice(b"}\n");
    Ok(true)
}

/// The `"id"` of a line as written: the value of its first top-level key `"id"`, if that value
/// parses on its own, also when the whole line does not (a lone surrogate in the text, nesting
/// deeper than serde_json's limit elsewhere); `None` otherwise. Echoed byte for byte, so that
/// no id is altered on the way (an integer above 2^64 would come back as a float). The scan
/// skips strings and nested values, so an `"id"` inside the text or deeper in the object is
/// not taken for it.
fn top_level_id(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let mut i = line.len() - line.trim_start().len();
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // A string: find its end, then see whether it is the key "id" at depth 0.
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let key = &line[start..(i + 1).min(line.len())];
                i += 1;
                let rest = line[i.min(line.len())..].trim_start();
                if depth == 0 && key == "\"id\"" && rest.starts_with(':') {
                    // The value as written, if it parses on its own.
                    let value = rest[1..].trim_start();
                    let mut values = serde_json::Deserializer::from_str(value).into_iter::<Value>();
                    return match values.next() {
                        Some(Ok(_)) => Some(&value[..values.byte_offset()]),
                        _ => None,
                    };
                }
            }
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Lines of input, their output, and where they stand in the run. Batches are reused.
#[derive(Default)]
struct Batch {
    seq: u64,
    /// The lines, each with its line ending, back to back.
    input: Vec<u8>,
    /// Where each line starts and ends in `input`, and whether it was longer than the limit
    /// (then only its start is held).
    lines: Vec<(usize, usize, bool)>,
    /// The limit of `--max-line-bytes` (0: none).
    max_line_bytes: usize,
    /// The limit of `--max-output-bytes` (0: none).
    max_output_bytes: usize,
    /// The output lines.
    output: Vec<u8>,
    /// Output lines written (documents).
    docs: u64,
}

impl Batch {
    /// Reads lines until the batch is full or the input ends; false if it read nothing.
    fn fill(&mut self, input: &mut impl BufRead, max_lines: usize) -> io::Result<bool> {
        self.input.clear();
        self.lines.clear();
        self.output.clear();
        self.docs = 0;
        // A huge line grew the buffers: give the memory back rather than keep it for the run.
        for buffer in [&mut self.input, &mut self.output] {
            if buffer.capacity() > 4 * BATCH_BYTES {
                buffer.shrink_to(BATCH_BYTES);
            }
        }
        while self.lines.len() < max_lines && self.input.len() < BATCH_BYTES {
            let start = self.input.len();
            let (read, too_long) = read_line(input, &mut self.input, self.max_line_bytes)?;
            if read == 0 {
                break;
            }
            self.lines.push((start, self.input.len(), too_long));
        }
        Ok(!self.lines.is_empty())
    }

    /// Tags every line into `output`.
    fn tag(&mut self) -> io::Result<()> {
        for &(start, end, too_long) in &self.lines {
            let mut line = &self.input[start..end];
            line = line.strip_suffix(b"\n").unwrap_or(line);
            line = line.strip_suffix(b"\r").unwrap_or(line);
            let written = if too_long {
                let head = String::from_utf8_lossy(line);
                let head = head.strip_prefix('\u{feff}').unwrap_or(&head);
                let error = format!(
                    "line longer than {} bytes (--max-line-bytes): not tagged",
                    self.max_line_bytes
                );
                error_line(&mut self.output, top_level_id(head), &error)?
            } else {
                answer(line, &mut self.output, self.max_output_bytes)?
            };
            self.docs += u64::from(written);
        }
        Ok(())
    }
}

/// Reads one line, its line ending included, onto `buffer`: the number of bytes read (0 at the
/// end of the input), and whether the line was longer than `limit` bytes without its ending
/// (0: no limit). Of a longer line only the first `limit` bytes are kept, so memory stays
/// bounded whatever the input.
fn read_line(
    input: &mut impl BufRead,
    buffer: &mut Vec<u8>,
    limit: usize,
) -> io::Result<(usize, bool)> {
    if limit == 0 {
        return Ok((input.read_until(b'\n', buffer)?, false));
    }
    let (mut read, mut kept) = (0, 0);
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        let (chunk, ends) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        // Room for the limit and a "\r\n" ending.
        let take = chunk.len().min((limit + 2).saturating_sub(kept));
        buffer.extend_from_slice(&chunk[..take]);
        kept += take;
        let len = chunk.len();
        input.consume(len);
        read += len;
        if ends {
            break;
        }
    }
    if kept < read {
        return Ok((read, true)); // cut: longer than limit + 2, line ending or not
    }
    let line = &buffer[buffer.len() - kept..];
    let ending = if line.ends_with(b"\r\n") {
        2
    } else {
        usize::from(line.ends_with(b"\n"))
    };
    Ok((read, read - ending > limit))
}

/// The progress line on stderr.
struct Progress {
    enabled: bool,
    shown: bool,
    start: Instant,
    last: Instant,
    docs: u64,
    bytes: u64,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            shown: false,
            start: now,
            last: now,
            docs: 0,
            bytes: 0,
        }
    }

    fn add(&mut self, batch: &Batch) {
        self.docs += batch.docs;
        self.bytes += batch.input.len() as u64;
        if self.enabled && self.last.elapsed() >= PROGRESS_EVERY {
            self.show("");
        }
    }

    fn show(&mut self, end: &str) {
        self.last = Instant::now();
        self.shown = true;
        let mb = self.bytes as f64 / 1e6;
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        // A failed write to stderr is no reason to stop tagging.
        let _ = write!(
            io::stderr().lock(),
            "\r{} documents, {mb:.1} MB, {:.1} MB/s{end}",
            self.docs,
            mb / secs
        );
    }

    /// Ends the progress line, if one was shown (short runs stay silent).
    fn finish(&mut self) {
        if self.enabled && self.shown {
            self.show("\n");
        }
    }
}

/// The stack of each thread `run` starts (std's default; tagging does not recurse), fixed so
/// that it stays below [`THREAD_ROOM`].
const THREAD_STACK: usize = 2 << 20;

/// Address space checked free before a thread starts. std maps a signal stack inside each new
/// thread and aborts the process if it cannot, and glibc may first reserve a 64 MiB malloc arena
/// for the thread (mapping 128 MiB to align it). With this much room checked first, and no other
/// thread starting or allocating meanwhile, running out of memory while starting threads is an
/// error `run` reports, not an abort. (A block this large is always mapped afresh, never reused
/// from freed memory, so the probe tests the address space itself.)
const THREAD_ROOM: usize = 192 << 20;

/// Starts `f` on a thread of `scope` once the address space has room for it
/// ([`THREAD_ROOM`], reserved and given back at once), and returns once the thread runs: threads
/// start one at a time, and none maps its signal stack while the next is checked and started or
/// the reader allocates.
fn start_thread<'scope, T, F>(
    scope: &'scope Scope<'scope, '_>,
    f: F,
) -> io::Result<ScopedJoinHandle<'scope, T>>
where
    F: FnOnce() -> T + Send + 'scope,
    T: Send + 'scope,
{
    if Vec::<u8>::new().try_reserve_exact(THREAD_ROOM).is_err() {
        return Err(io::Error::new(io::ErrorKind::OutOfMemory, "out of memory"));
    }
    let started = Arc::new(AtomicBool::new(false));
    let running = Arc::clone(&started);
    let handle = std::thread::Builder::new()
        .stack_size(THREAD_STACK)
        .spawn_scoped(scope, move || {
            running.store(true, Ordering::Release);
            f()
        })?;
    while !started.load(Ordering::Acquire) {
        std::thread::yield_now();
    }
    Ok(handle)
}

/// Tags `input` to `output` as `options` say. Output order is input order. The progress line
/// is shown if `options.progress`, whatever stderr is.
///
/// # Errors
/// The first I/O error reading or writing.
pub fn run<R, W>(mut input: R, output: W, options: &Options) -> io::Result<()>
where
    R: BufRead,
    W: Write + Send,
{
    let threads = options.threads;
    let batch_lines = options.batch_lines.max(1);
    let mut progress = Progress::new(options.progress);
    let mut out = BufWriter::with_capacity(1 << 16, output);
    let new_batch = || Batch {
        max_line_bytes: options.max_line_bytes,
        max_output_bytes: options.max_output_bytes,
        ..Batch::default()
    };
    if threads <= 1 {
        let mut batch = new_batch();
        while batch.fill(&mut input, batch_lines)? {
            batch.tag()?;
            out.write_all(&batch.output)?;
            progress.add(&batch);
        }
        out.flush()?;
        progress.finish();
        return Ok(());
    }

    // The calling thread reads, `threads` workers tag, one thread writes in order. Batches go
    // reader -> workers -> writer -> reader; there are at most `max_batches` of them.
    let max_batches = 2 * threads + 2;
    let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(threads);
    // Shared by the workers, so that it is dropped (and the reader's `send` fails rather than
    // blocks) once every worker has stopped.
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = mpsc::channel::<io::Result<Batch>>();
    let (free_tx, free_rx) = mpsc::channel::<Batch>();

    std::thread::scope(|scope| {
        for n in 0..threads {
            let done_tx = done_tx.clone();
            let work_rx = Arc::clone(&work_rx);
            // A thread the system cannot start is an error to report, not a panic.
            let spawned = start_thread(scope, move || loop {
                // The lock is held only while waiting for the next batch.
                let next = work_rx
                    .lock()
                    .map_err(|_| ())
                    .and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok(mut batch) = next else { return };
                let result = batch.tag().map(|()| batch);
                if done_tx.send(result).is_err() {
                    return;
                }
            });
            if let Err(e) = spawned {
                // The started workers see the channel close and stop; the scope joins them.
                drop(work_tx);
                return Err(io::Error::other(format!(
                    "cannot start tagging thread {} of {threads}: {e}",
                    n + 1
                )));
            }
        }
        drop(done_tx);
        drop(work_rx);

        let writer = start_thread(scope, move || -> io::Result<()> {
            let mut waiting = BTreeMap::new();
            let mut next = 0u64;
            for result in done_rx {
                let batch = result?;
                waiting.insert(batch.seq, batch);
                while let Some(batch) = waiting.remove(&next) {
                    out.write_all(&batch.output)?;
                    progress.add(&batch);
                    next += 1;
                    // The reader may have finished; then the batch is simply dropped.
                    let _ = free_tx.send(batch);
                }
            }
            out.flush()?;
            progress.finish();
            Ok(())
        });
        let writer = match writer {
            Ok(writer) => writer,
            Err(e) => {
                drop(work_tx);
                return Err(io::Error::other(format!(
                    "cannot start the writer thread: {e}"
                )));
            }
        };

        let mut read = || -> io::Result<()> {
            let mut made = 0;
            let mut seq = 0;
            loop {
                let mut batch = if made < max_batches {
                    made += 1;
                    new_batch()
                } else {
                    match free_rx.recv() {
                        Ok(batch) => batch,
                        Err(_) => return Ok(()), // the writer stopped; it has the error
                    }
                };
                if !batch.fill(&mut input, batch_lines)? {
                    return Ok(());
                }
                batch.seq = seq;
                seq += 1;
                if work_tx.send(batch).is_err() {
                    return Ok(()); // the workers stopped; the writer has the error
                }
            }
        };
        let read_result = read();
        drop(work_tx);
        drop(free_rx);
        let write_result = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
        read_result.and(write_result)
    })
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("tag_jsonl: {message} (see tag_jsonl --help)");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        progress: options.progress && io::stderr().is_terminal(),
        ..options
    };
    match run(io::stdin().lock(), io::stdout(), &options) {
        Ok(()) => ExitCode::SUCCESS,
        // The next stage stopped reading (`| head`): nothing more to do.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("tag_jsonl: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After a huge line a batch gives its memory back: the next fill shrinks its buffers.
    #[test]
    fn buffers_shrink_after_a_huge_line() {
        let huge = format!("{{\"id\":1,\"text\":\"{}\"}}\n", "Norge ".repeat(1_000_000));
        // The output grows to the limit and no further: quick to reach in a debug build.
        let mut batch = Batch {
            max_output_bytes: 5 << 20,
            ..Batch::default()
        };
        assert!(batch.fill(&mut huge.as_bytes(), 10).unwrap());
        batch.tag().unwrap();
        assert!(batch.input.capacity() > 4 * BATCH_BYTES);
        assert!(batch.output.capacity() > 4 * BATCH_BYTES);
        assert!(batch
            .fill(&mut &b"{\"id\":2,\"text\":\"Sverige\"}\n"[..], 10)
            .unwrap());
        assert!(batch.input.capacity() <= 4 * BATCH_BYTES);
        assert!(batch.output.capacity() <= 4 * BATCH_BYTES);
        batch.tag().unwrap();
        assert_eq!(batch.docs, 1);
    }
}
