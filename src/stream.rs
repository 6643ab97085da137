//! Tagging text of any length a window at a time: [`Mentions`] over a `&str`,
//! [`ReaderMentions`] over an [`io::Read`]. A window is about a mebibyte of new text with
//! context on either side, so that the normalised copy and its offset map stay small (and in
//! the processor's caches) however long the text, and a stream needs memory for one window.

use std::collections::VecDeque;
use std::io::{self, Read};

use crate::mention::{char_and_utf16_len, Mention};
use crate::normalize::floor_boundary;
use crate::tagger::{Tagger, WindowMentions};

/// New text tagged a window, in bytes.
const WINDOW: usize = 1 << 20;
/// Text kept before a window's new text, and read after it, so that every rule sees the
/// context it reads (a line of [`crate::rules::LINE_REACH`], a sentence, the longest alias,
/// the sentences before whose language counts), in bytes.
const MARGIN: usize = 16 << 10;
/// How much is read from the reader at a time.
const READ_SIZE: usize = 64 << 10;

/// What the windows of one text share: which mentions are emitted, and where the current
/// window starts in the whole text.
#[derive(Debug, Default)]
struct Windows {
    /// Offsets of the window's first byte in the whole text: bytes, chars, UTF-16 units.
    base: (usize, usize, usize),
    /// Where mentions not yet emitted may start (bytes of the whole text).
    emitted_from: usize,
    /// Where the last emitted mention ends (bytes of the whole text).
    last_end: usize,
}

impl Windows {
    /// Where the mentions of window `text` end that are its own (window offsets): all of them
    /// in the last window, else those starting before the context after it.
    fn cut(&self, text: &str, last: bool) -> usize {
        if last {
            return text.len();
        }
        let new_from = self.emitted_from - self.base.0;
        floor_boundary(text, text.len().saturating_sub(MARGIN).max(new_from))
    }

    /// Where the next window ends at most (bytes of the whole text): [`WINDOW`] bytes of new
    /// text and [`MARGIN`] of context after them. Both iterators take their windows here.
    fn end(&self) -> usize {
        self.emitted_from + WINDOW + MARGIN
    }

    /// A window's mention in offsets of the whole text, unless the window before emitted it
    /// or one it overlaps.
    fn accept(&mut self, mut m: Mention) -> Option<Mention> {
        let (bytes, chars, units) = self.base;
        if bytes + m.start < self.emitted_from.max(self.last_end) {
            return None;
        }
        m.start += bytes;
        m.char_start += chars;
        m.utf16_start += units;
        self.last_end = m.span().end;
        Some(m)
    }

    /// Moves past window `text`, whose own mentions end at `cut`: the next window starts
    /// [`MARGIN`] bytes before the cut, as context. Returns where (window offsets).
    fn advance(&mut self, text: &str, cut: usize) -> usize {
        let (bytes, chars, units) = self.base;
        self.emitted_from = bytes + cut;
        let keep_from = floor_boundary(text, cut.saturating_sub(MARGIN));
        let (skipped_chars, skipped_units) = char_and_utf16_len(&text[..keep_from]);
        self.base = (
            bytes + keep_from,
            chars + skipped_chars,
            units + skipped_units,
        );
        keep_from
    }
}

/// The lazy iterator of [`Tagger::mentions`].
#[derive(Debug)]
pub struct Mentions<'t, 'h> {
    tagger: &'t Tagger,
    text: &'h str,
    windows: Windows,
    /// The window being read: its mentions, the end of its own (window offsets) and its end
    /// (offset in `text`).
    window: Option<(WindowMentions<'t, 'h>, usize, usize)>,
    done: bool,
}

impl<'t, 'h> Mentions<'t, 'h> {
    pub(crate) fn new(tagger: &'t Tagger, text: &'h str) -> Mentions<'t, 'h> {
        Mentions {
            tagger,
            text,
            windows: Windows::default(),
            window: None,
            done: false,
        }
    }
}

impl Iterator for Mentions<'_, '_> {
    type Item = Mention;

    fn next(&mut self) -> Option<Mention> {
        loop {
            if let Some((mentions, cut, end)) = &mut self.window {
                match mentions.next() {
                    Some(m) if m.start < *cut => match self.windows.accept(m) {
                        Some(m) => return Some(m),
                        None => continue,
                    },
                    _ => {
                        let (cut, end) = (*cut, *end);
                        self.window = None;
                        if end == self.text.len() {
                            self.done = true;
                        } else {
                            let start = self.windows.base.0;
                            self.windows.advance(&self.text[start..end], cut);
                        }
                    }
                }
            }
            if self.done {
                return None;
            }
            let start = self.windows.base.0;
            let end = self.text.len().min(self.windows.end());
            let end = floor_boundary(self.text, end);
            let text = &self.text[start..end];
            let cut = self.windows.cut(text, end == self.text.len());
            self.window = Some((self.tagger.window_mentions(text), cut, end));
        }
    }
}

/// The iterator of [`Tagger::tag_reader`]: every mention in the text read, in order, with
/// offsets into the whole stream, or the error that ended the reading.
#[derive(Debug)]
pub struct ReaderMentions<'t, R> {
    tagger: &'t Tagger,
    reader: R,
    /// Bytes read and not yet dropped: a window's text, its margins and an incomplete
    /// character at the end.
    buf: Vec<u8>,
    /// `buf[0]` is the window's first byte.
    windows: Windows,
    ready: VecDeque<Mention>,
    /// The reader has nothing more to give (its end, or an error).
    ended: bool,
    /// The reader's error, held until the text before it is tagged.
    read_error: Option<io::Error>,
    /// The last window is tagged.
    finished: bool,
    /// The error that ends the stream, reported once the mentions before it are.
    error: Option<io::Error>,
    failed: bool,
}

impl Tagger {
    /// The mentions in text read from `reader`, in order, with offsets (bytes, chars, UTF-16
    /// units) into the whole stream: those [`Tagger::tag`] finds in the same text. The text is
    /// read and tagged a window at a time (about 1 MiB, with 16 KiB of context on either
    /// side), as [`Tagger::mentions`] tags a long text, so memory stays bounded by the window
    /// and its mentions however long the input, line breaks or not.
    ///
    /// Invalid UTF-8 ends the iteration with an [`io::ErrorKind::InvalidData`] error that
    /// names the byte offset, after the mentions before it; so does an error of the reader.
    ///
    /// ```
    /// use nordic_ner::Tagger;
    ///
    /// let text = "Equinor og Telenor investerer i Sverige.\n".repeat(3);
    /// let tagger = Tagger::builtin();
    /// let streamed: Vec<_> = tagger
    ///     .tag_reader(text.as_bytes())
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(streamed, tagger.tag(&text));
    /// assert_eq!(streamed[3].span().start, 41);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn tag_reader<R: Read>(&self, reader: R) -> ReaderMentions<'_, R> {
        ReaderMentions {
            tagger: self,
            reader,
            buf: Vec::new(),
            windows: Windows::default(),
            ready: VecDeque::new(),
            ended: false,
            read_error: None,
            finished: false,
            error: None,
            failed: false,
        }
    }
}

impl<R: Read> Iterator for ReaderMentions<'_, R> {
    type Item = io::Result<Mention>;

    fn next(&mut self) -> Option<io::Result<Mention>> {
        loop {
            if let Some(m) = self.ready.pop_front() {
                return Some(Ok(m));
            }
            if let Some(e) = self.error.take() {
                self.failed = true;
                return Some(Err(e));
            }
            if self.failed || self.finished {
                return None;
            }
            self.window();
        }
    }
}

impl<R: Read> ReaderMentions<'_, R> {
    /// Reads up to a window past the text already emitted, tags it and queues the mentions
    /// that start in its new text; drops what no later window needs. The windows are those
    /// [`Mentions`] takes on the same text. An error of the reader or invalid UTF-8 ends the
    /// stream where it happens: the text before it is tagged first.
    fn window(&mut self) {
        let limit = self.windows.end() - self.windows.base.0;
        // A byte past the window tells whether more text follows.
        // `buf[..filled]` is text read; the rest is zeroed room for the next read, so that a
        // reader giving a few bytes a call does not cost a fresh READ_SIZE each time.
        let mut filled = self.buf.len();
        while !self.ended && filled <= limit {
            if self.buf.len() - filled < READ_SIZE / 2 {
                self.buf.resize(filled + READ_SIZE, 0);
            }
            match self.reader.read(&mut self.buf[filled..]) {
                Ok(0) => self.ended = true,
                Ok(n) => filled += n.min(self.buf.len() - filled),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.ended = true;
                    self.read_error = Some(e);
                }
            }
        }
        self.buf.truncate(filled);
        let more = self.buf.len() > limit;
        let take = if more { limit } else { self.buf.len() };
        let mut error = None;
        let valid = match std::str::from_utf8(&self.buf[..take]) {
            Ok(text) => text.len(),
            // A character cut at the window's end is the next window's.
            Err(e) if e.error_len().is_none() && more => e.valid_up_to(),
            Err(e) => {
                let at = self.windows.base.0 + e.valid_up_to();
                error = Some(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("invalid UTF-8 at byte {at}"),
                ));
                e.valid_up_to()
            }
        };
        let last = error.is_some() || !more;
        // (Valid by the check above: never the empty default.)
        let text = std::str::from_utf8(&self.buf[..valid]).unwrap_or_default();
        let cut = self.windows.cut(text, last);
        for m in self.tagger.window_mentions(text) {
            if m.start >= cut {
                break;
            }
            if let Some(m) = self.windows.accept(m) {
                self.ready.push_back(m);
            }
        }
        if last {
            self.buf = Vec::new();
            self.ended = true;
            self.finished = true;
            self.error = error.or_else(|| self.read_error.take());
        } else {
            let keep_from = self.windows.advance(text, cut);
            self.buf.drain(..keep_from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windows change nothing: mentions of a long text equal those of the text as one
    /// window (the development corpora, one sentence a line, twice: 1.5 MB; a synthetic text
    /// on lines and on one line).
    #[test]
    fn windows_equal_one_window() {
        let tagger = Tagger::builtin();
        let mut texts = Vec::new();
        let unit = "Equinor og Telenor investerer i Sverige, Danmark og Færøyene.\n\
                    Nokian osakkeet nousivat Helsingissä, kertoo Yle.\n\
                    «Rock Band 2» kom ut i Norden i fjor; Norges Bank følger med.\n";
        texts.push(unit.repeat(7_000));
        texts.push(unit.replace('\n', " ").repeat(7_000));
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/corpora");
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            let mut corpora = String::new();
            for path in paths {
                let text = std::fs::read_to_string(path).unwrap();
                for line in text.lines().filter_map(|l| l.strip_prefix("# text = ")) {
                    corpora.push_str(line);
                    corpora.push('\n');
                }
            }
            texts.push(corpora.repeat(2));
        }
        for text in &texts {
            assert!(text.len() > WINDOW + 2 * MARGIN);
            let one: Vec<Mention> = tagger.window_mentions(text).collect();
            let windowed: Vec<Mention> = tagger.mentions(text).collect();
            assert_eq!(windowed.len(), one.len());
            assert!(windowed == one);
        }
    }
}
