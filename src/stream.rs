//! Tagging a stream: text of any length read from an [`io::Read`], a window at a time, with
//! memory bounded by the window whatever the length of the input.

use std::collections::VecDeque;
use std::io::{self, Read};

use crate::mention::{Mention, Span};
use crate::normalize::floor_boundary;
use crate::tagger::Tagger;

/// New text tagged a window, in bytes.
const WINDOW: usize = 1 << 20;
/// Text kept before a window's new text, and read after it, so that every rule sees the
/// context it reads (a line of [`crate::rules::LINE_REACH`], a sentence, the longest alias,
/// the sentences before whose language counts), in bytes.
const MARGIN: usize = 16 << 10;
/// How much is read from the reader at a time.
const READ_SIZE: usize = 64 << 10;

/// The iterator of [`Tagger::tag_reader`]: every mention in the text read, in order, with
/// offsets into the whole stream, or the error that ended the reading.
#[derive(Debug)]
pub struct ReaderMentions<'t, R> {
    tagger: &'t Tagger,
    reader: R,
    /// Bytes read and not yet dropped: a window's text, its margins and an incomplete
    /// character at the end.
    buf: Vec<u8>,
    /// Offsets of `buf[0]` in the stream: bytes, chars and UTF-16 units.
    base: (usize, usize, usize),
    /// Stream byte offset from which mentions are not yet emitted.
    emitted_from: usize,
    /// Stream byte offset where the last emitted mention ends.
    last_end: usize,
    ready: VecDeque<Mention>,
    eof: bool,
    /// The error that ends the stream, reported once the mentions before it are.
    error: Option<io::Error>,
    failed: bool,
}

impl Tagger {
    /// The mentions in text read from `reader`, in order, with offsets (bytes, chars, UTF-16
    /// units) into the whole stream. The text is read and tagged a window at a time (about
    /// 1 MiB, with 16 KiB of context on either side), so memory stays bounded by the window
    /// and its mentions however long the input, line breaks or not.
    ///
    /// The mentions equal those of [`Tagger::tag`] on the whole text, except where the
    /// language of a sentence is unsure from the sentence itself and decided by text more than
    /// 16 KiB before it.
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
            base: (0, 0, 0),
            emitted_from: 0,
            last_end: 0,
            ready: VecDeque::new(),
            eof: false,
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
            if self.failed || (self.eof && self.buf.is_empty()) {
                return None;
            }
            self.window();
        }
    }
}

impl<R: Read> ReaderMentions<'_, R> {
    /// Reads up to a window past the text already emitted, tags it and queues the mentions
    /// that start in its new text; drops what no later window needs. An error of the reader or
    /// invalid UTF-8 ends the stream where it happens: the text before it is tagged first.
    fn window(&mut self) {
        let new_from = self.emitted_from - self.base.0;
        let mut error = None;
        while !self.eof && self.buf.len() < new_from + WINDOW + MARGIN {
            let len = self.buf.len();
            self.buf.resize(len + READ_SIZE, 0);
            match self.reader.read(&mut self.buf[len..]) {
                Ok(0) => {
                    self.buf.truncate(len);
                    self.eof = true;
                }
                Ok(n) => self.buf.truncate(len + n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => self.buf.truncate(len),
                Err(e) => {
                    self.buf.truncate(len);
                    error = Some(e);
                    break;
                }
            }
        }
        let last = self.eof || error.is_some();
        let valid = match std::str::from_utf8(&self.buf) {
            Ok(text) => text.len(),
            // An incomplete character at the end is completed by the next read.
            Err(e) if e.error_len().is_none() && !last => e.valid_up_to(),
            Err(e) => {
                let at = self.base.0 + e.valid_up_to();
                error.get_or_insert_with(|| {
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("invalid UTF-8 at byte {at}"),
                    )
                });
                e.valid_up_to()
            }
        };
        let last = last || error.is_some();
        // (Valid by the check above: never the empty default.)
        let text = std::str::from_utf8(&self.buf[..valid]).unwrap_or_default();
        // Mentions starting before `cut` are this window's; the rest of the text is context.
        let cut = if last {
            text.len()
        } else {
            floor_boundary(text, text.len().saturating_sub(MARGIN).max(new_from))
        };
        let (bytes, chars, units) = self.base;
        for mut m in self.tagger.mentions(text) {
            if m.span.start >= cut {
                break;
            }
            let start = bytes + m.span.start;
            if start < self.emitted_from || start < self.last_end {
                continue; // emitted by the window before, or overlapping one it emitted
            }
            m.span = shift(m.span, bytes);
            m.char_span = shift(m.char_span, chars);
            m.utf16_span = shift(m.utf16_span, units);
            self.last_end = m.span.end;
            self.ready.push_back(m);
        }
        self.emitted_from = bytes + cut;
        // Keep MARGIN bytes before the cut as the next window's context.
        let keep_from = floor_boundary(text, cut.saturating_sub(MARGIN));
        let (dropped_chars, dropped_units) = text[..keep_from]
            .chars()
            .fold((0, 0), |(c, u), ch| (c + 1, u + ch.len_utf16()));
        self.base = (
            bytes + keep_from,
            chars + dropped_chars,
            units + dropped_units,
        );
        self.buf.drain(..keep_from);
        if last {
            self.buf.clear(); // all of it tagged
            self.eof = true;
            self.error = error;
        }
    }
}

fn shift(span: Span, by: usize) -> Span {
    Span {
        start: span.start + by,
        end: span.end + by,
    }
}
