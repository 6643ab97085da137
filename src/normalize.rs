//! Text normalisation for matching, with a map back to the original text.
//!
//! Text and aliases go through the same steps, so that an alias matches however the text
//! happens to be encoded or cased:
//! - a Latin (or any) base letter followed by combining marks is composed (NFD "a\u{308}" is
//!   "ä"), so NFC and NFD text give the same mentions;
//! - letters are lowercased (Unicode), unless the caller asks to keep case; "İ" becomes "i";
//! - every run of white space (including line breaks and no-break spaces) becomes one space;
//! - typographic apostrophes become `'`, the hyphen and the non-breaking hyphen become `-`;
//! - soft hyphens and zero-width joiners are dropped.
//!
//! Each normalised byte remembers the original byte range it came from, so offsets always
//! index the original text, also where lowercasing changes lengths (İ, ẞ).

use crate::swar;
use crate::unicode_tables::{COMPOSE, MARKS};

/// Normalised text, with a map back to the original text that records only where the two
/// diverge: most text normalises byte for byte (ASCII lowercased, letters of the same width),
/// so the map holds a few entries a kilobyte (a collapsed run of spaces, a composed letter, a
/// typographic apostrophe) instead of an entry a byte.
pub(crate) struct Normalized {
    pub text: String,
    /// Checkpoints `(at, to_start, to_end)`, sorted by `at`: from normalised char boundary `at`
    /// until the next checkpoint, the character starting at a boundary `q` came from original
    /// offset `q + to_start`, and the one ending at `q` ended at original offset `q + to_end`.
    /// Before the first checkpoint both are 0.
    shifts: Vec<(usize, isize, isize)>,
}

impl Normalized {
    pub fn new(input: &str, lower: bool) -> Normalized {
        let mut map = MapBuilder {
            text: Vec::with_capacity(input.len()),
            shifts: Vec::new(),
            last: (0, 0),
            to_end: 0,
        };
        each(input, lower, &mut map);
        // The end of the text: only its `to_end` is ever read.
        map.at_boundary(map.text.len() as isize + map.to_end);
        map.shifts.shrink_to_fit();
        // (Characters and runs of whole characters were put in: always UTF-8.)
        let text = String::from_utf8(map.text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Normalized {
            text,
            shifts: map.shifts,
        }
    }

    /// The original byte range of the normalised byte range `start..end` (`start < end`); a
    /// bound inside a character stands for the whole character.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let start = floor_boundary(&self.text, start);
        let end = ceil_boundary(&self.text, end);
        let shift = |at: usize| {
            let i = self.shifts.partition_point(|&(q, _, _)| q <= at);
            i.checked_sub(1)
                .map_or((0, 0), |i| (self.shifts[i].1, self.shifts[i].2))
        };
        let from = start as isize + shift(start).0;
        let to = end as isize + shift(end).1;
        (from as usize, to as usize)
    }
}

/// Builds [`Normalized`]: the text, and a checkpoint wherever the shifts change.
struct MapBuilder {
    /// The normalised text so far, as bytes: a run's bytes are mapped in place.
    text: Vec<u8>,
    shifts: Vec<(usize, isize, isize)>,
    last: (isize, isize),
    /// Where the character ending at the current boundary ended, as a shift.
    to_end: isize,
}

impl MapBuilder {
    /// Records the boundary at the end of the text so far, where a character from original
    /// offset `start` begins.
    fn at_boundary(&mut self, start: isize) {
        let at = self.text.len();
        let shifts = (start - at as isize, self.to_end);
        if shifts != self.last {
            self.shifts.push((at, shifts.0, shifts.1));
            self.last = shifts;
        }
    }
}

impl Sink for MapBuilder {
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.at_boundary(start as isize);
        self.text
            .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        self.to_end = end as isize - self.text.len() as isize;
    }

    fn push_run(&mut self, run: &str, start: usize, lower: bool) {
        // Byte for byte: a checkpoint at most at the run's start (where the character before
        // may have ended elsewhere) and one after its first byte.
        self.at_boundary(start as isize);
        let at = self.text.len();
        self.text.extend_from_slice(run.as_bytes());
        for b in &mut self.text[at..] {
            *b = match *b {
                b'\n' => b' ',
                b'A'..=b'Z' if lower => *b | 0x20,
                other => other,
            };
        }
        let shift = start as isize - at as isize;
        if run.len() > 1 && self.last != (shift, shift) {
            self.shifts.push((at + 1, shift, shift));
            self.last = (shift, shift);
        }
        self.to_end = shift;
    }
}

/// Where [`each`] puts the normalised characters.
trait Sink {
    /// A normalised character and the original byte range it stands for.
    fn push(&mut self, c: char, start: usize, end: usize);

    /// Text from original offset `start` that normalises byte for byte: ASCII (lowercased if
    /// `lower`, a line break to a space) and Latin-1 letters that lowercasing leaves as they
    /// are.
    fn push_run(&mut self, run: &str, start: usize, lower: bool) {
        for (i, c) in run.char_indices() {
            let c = match c {
                '\n' => ' ',
                _ if lower => c.to_ascii_lowercase(),
                _ => c,
            };
            self.push(c, start + i, start + i + c.len_utf8());
        }
    }
}

impl<F: FnMut(char, usize, usize)> Sink for F {
    fn push(&mut self, c: char, start: usize, end: usize) {
        self(c, start, end);
    }
}

/// The normalised form of a string, without the offset map (aliases, case checks).
pub(crate) fn normalize(input: &str, lower: bool) -> String {
    let mut out = String::with_capacity(input.len());
    each(input.trim(), lower, &mut |c, _, _| out.push(c));
    out
}

/// What case the characters of `normalize(input, false)` have, and how many there are, read
/// without building it (a case test runs on most candidates).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cases {
    pub upper: bool,
    pub lower: bool,
    pub chars: usize,
}

impl Cases {
    pub(crate) fn of(input: &str) -> Cases {
        // (A word of visible ASCII, as most names are, by its bytes.)
        if input.bytes().all(|b| VISIBLE[usize::from(b)]) {
            let bytes = input.as_bytes();
            return Cases {
                upper: bytes.iter().any(u8::is_ascii_uppercase),
                lower: bytes.iter().any(u8::is_ascii_lowercase),
                chars: bytes.len(),
            };
        }
        Cases::by_chars(input)
    }

    /// [`Cases::of`] for any text, char by char.
    fn by_chars(input: &str) -> Cases {
        let mut cases = Cases::default();
        each(input.trim(), false, &mut |c: char, _, _| {
            cases.upper |= c.is_uppercase();
            cases.lower |= c.is_lowercase();
            cases.chars += 1;
        });
        cases
    }
}

/// The length in bytes of `normalize(input, lower)`, without building it.
pub(crate) fn normalized_len(input: &str, lower: bool) -> usize {
    /// Counts bytes; a run of ASCII is as long normalised as written.
    struct Len(usize);
    impl Sink for Len {
        fn push(&mut self, c: char, _: usize, _: usize) {
            self.0 += c.len_utf8();
        }
        fn push_run(&mut self, run: &str, _: usize, _: bool) {
            self.0 += run.len();
        }
    }
    if input.bytes().all(|b| VISIBLE[usize::from(b)]) {
        return input.len(); // a word of visible ASCII: as long normalised as written
    }
    let mut len = Len(0);
    each(input.trim(), lower, &mut len);
    len.0
}

/// Whether `normalize(input, lower)` is `expected`, without building it.
pub(crate) fn normalizes_to(input: &str, lower: bool, expected: &str) -> bool {
    if input.bytes().all(|b| VISIBLE[usize::from(b)]) {
        // Visible ASCII normalises to itself, lowercased if asked.
        return if lower {
            input.eq_ignore_ascii_case(expected)
                && !expected.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            input == expected
        };
    }
    let mut rest = expected.chars();
    let mut same = true;
    each(input.trim(), lower, &mut |c: char, _, _| {
        same &= rest.next() == Some(c);
    });
    same && rest.next().is_none()
}

/// Whether `c` continues a word: a letter, digit or combining mark.
///
/// Latin-1 and the punctuation of news text (dashes, quotes, spaces) are told by ranges: the
/// standard library's tables answer outside ASCII only by a search.
pub(crate) fn is_word_char(c: char) -> bool {
    is_letter(c)
        || match c {
            '\0'..='\u{7F}' => c.is_ascii_digit(),
            // Superscripts and fractions: the numbers of Latin-1.
            '\u{80}'..='\u{FF}' => matches!(c, '²' | '³' | '¹' | '¼'..='¾'),
            '\u{2000}'..='\u{206F}' => false,
            _ => c.is_numeric() || is_mark(c),
        }
}

/// Whether `c` is a letter ([`char::is_alphabetic`]), told by ranges in Latin-1 and General
/// Punctuation as [`is_word_char`] tells them.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphabetic(),
        '\u{80}'..='\u{FF}' => {
            matches!(c, 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ')
        }
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

pub(crate) fn is_mark(c: char) -> bool {
    c >= '\u{300}'
        && MARKS
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

fn compose(base: char, mark: char) -> Option<char> {
    // Every combining mark is at U+0300 or above: most text never reaches the table.
    if mark < '\u{300}' {
        return None;
    }
    COMPOSE
        .binary_search_by(|&(b, m, _)| (b, m).cmp(&(base, mark)))
        .ok()
        .map(|i| COMPOSE[i].2)
}

/// Characters that carry no letters and may sit inside a word: soft hyphen, zero-width
/// non-joiner and joiner, word joiner, byte order mark.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{b}';
    }
    c.is_whitespace() || c == '\u{200B}'
}

fn unify_punctuation(c: char) -> char {
    match c {
        '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '\u{2018}' | '\u{0060}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

/// Feeds each normalised character with the original byte range it stands for.
fn each(input: &str, lower: bool, sink: &mut impl Sink) {
    each_in::<true>(input, lower, sink);
}

/// [`each`], reading runs that normalise byte for byte as runs if `RUNS` (always, but in tests
/// that compare the two readings).
fn each_in<const RUNS: bool>(input: &str, lower: bool, sink: &mut impl Sink) {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most of the text normalises byte for byte and goes whole, as a run (which only
        // visible ASCII, a space, a line break or a Latin-1 letter can start).
        let b = bytes[i];
        let run_end = if RUNS && (VISIBLE[usize::from(b)] || b == b' ' || b == b'\n' || b == 0xC3) {
            byte_for_byte_run(bytes, i, lower)
        } else {
            i
        };
        if run_end > i {
            sink.push_run(&input[i..run_end], i, lower);
            i = run_end;
            continue;
        }
        if bytes[i] == b'`' && bytes.get(i + 1).is_none_or(|&b| b < 0x80 || b == 0xC3) {
            sink.push('\'', i, i + 1);
            i += 1;
            continue;
        }
        let start = i;
        let c = input[i..].chars().next().unwrap_or_default();
        let mut end = i + c.len_utf8();
        i = end;
        if is_ignorable(c) {
            continue;
        }
        if is_space(c) {
            while let Some(next) = input[end..].chars().next() {
                if !(is_space(next) || is_ignorable(next)) {
                    break;
                }
                end += next.len_utf8();
            }
            i = end;
            sink.push(' ', start, end);
            continue;
        }
        let mut base = c;
        while let Some(mark) = input[end..].chars().next() {
            match compose(base, mark) {
                Some(composed) => {
                    base = composed;
                    end += mark.len_utf8();
                }
                None => break,
            }
        }
        i = end;
        let base = unify_punctuation(base);
        if base.is_ascii() {
            sink.push(
                if lower {
                    base.to_ascii_lowercase()
                } else {
                    base
                },
                start,
                end,
            );
        } else if !lower {
            sink.push(base, start, end);
        } else if base == '\u{130}' {
            // "İ" lowercases to "i" + combining dot above; the dot would keep "İSTANBUL" from
            // matching "istanbul".
            sink.push('i', start, end);
        } else {
            for l in base.to_lowercase() {
                sink.push(l, start, end);
            }
        }
    }
}

/// The end of the run from `i` that normalises byte for byte, each character followed by
/// one that cannot combine with it: visible ASCII other than "`", a single space or line break
/// (which normalises to a space) before a visible character, and Latin-1 letters (lead byte 0xC3) that lowercasing leaves alone
/// ("æøåäö", not "ÆØÅ" when `lower`). A byte or two a character tells, by table, so that most
/// text never decodes a char.
fn byte_for_byte_run(bytes: &[u8], from: usize, lower: bool) -> usize {
    let mut i = from;
    'run: loop {
        // Eight bytes at a time while they are ordinary prose, then a character at a time over
        // the next eight bytes (past a capital "Ø", say) before trying eight again.
        while let Some(chunk) = swar::chunk_at(bytes, i) {
            if !byte_for_byte_chunk(chunk, bytes.get(i + 8).copied(), lower) {
                break;
            }
            i += 8;
        }
        let stop = i + 8;
        while i < stop {
            match byte_for_byte_step(bytes, i, lower) {
                Some(next) => i = next,
                None => break 'run,
            }
        }
    }
    // A character other than ASCII or a Latin-1 letter may be a combining mark (every mark is
    // at U+0300 or above): the character before it goes the slow way, to be composed.
    if i > from && bytes.get(i).is_some_and(|&b| b >= 0x80 && b != 0xC3) {
        i -= if bytes[i - 1] >= 0x80 { 2 } else { 1 };
    }
    i
}

/// Where the run goes on after the character at `i`, if it normalises byte for byte.
#[inline]
fn byte_for_byte_step(bytes: &[u8], i: usize, lower: bool) -> Option<usize> {
    let b = *bytes.get(i)?;
    let space_in_run = || {
        (b == b' ' || b == b'\n')
            && bytes
                .get(i + 1)
                .is_some_and(|&n| VISIBLE[usize::from(n)] || n == 0xC3)
    };
    if VISIBLE[usize::from(b)] || space_in_run() {
        Some(i + 1)
    } else if b == 0xC3 && !(lower && matches!(bytes.get(i + 1), Some(0x80..=0x96 | 0x98..=0x9E))) {
        Some(i + 2)
    } else {
        None
    }
}

/// Whether [`byte_for_byte_step`] goes over the eight bytes of `x` (followed by `next`)
/// and stops at their end, told by tests on the eight bytes at once: visible ASCII, single
/// spaces and line breaks, and Latin-1 letters (0xC3 and a byte of 0x80..=0xBF) wholly inside the chunk, none
/// of them a capital when `lower`.
#[inline]
fn byte_for_byte_chunk(x: u64, next: Option<u8>, lower: bool) -> bool {
    use swar::{at_least, zero_bytes, HIGH, ONES};
    let high = x & HIGH;
    let lead = zero_bytes(x ^ (ONES * 0xC3));
    let trail = high & !lead;
    // Each byte from 0x80 up is 0xC3 or the byte after one, which is below 0xC0 (its bit 6,
    // shifted to the high bit, is clear), and the last 0xC3 is not cut off.
    if trail != lead << 8 || (x << 1) & trail != 0 || lead >> 56 != 0 {
        return false;
    }
    if lower {
        // Capitals (second byte 0x80..=0x9E, bit 5 clear) change when lowercased; "×" (0x97)
        // and "ß" (0x9F) do not.
        let below_a0 = trail & !(x << 2);
        let kept = zero_bytes(x ^ (ONES * 0x97)) | zero_bytes(x ^ (ONES * 0x9F));
        if below_a0 & !kept != 0 {
            return false;
        }
    }
    // ASCII below 0x21: a space or a control character.
    let ascii = !high & HIGH;
    let below_visible = !at_least(x, 0x21) & ascii;
    let spaces = zero_bytes(x ^ (ONES * 0x20)) | zero_bytes(x ^ (ONES * 0x0A));
    let invisible = zero_bytes(x ^ (ONES * 0x60)) | zero_bytes(x ^ (ONES * 0x7F));
    let space_after_space = spaces & (spaces >> 8);
    let last_is_space = spaces >> 56 != 0;
    below_visible & !spaces == 0
        && invisible == 0
        && space_after_space == 0
        && (!last_is_space || next.is_some_and(|n| VISIBLE[usize::from(n)] || n == 0xC3))
}

/// Visible ASCII other than "`": the bytes that normalise to themselves (lowercased).
const VISIBLE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x21;
    while b < 0x7F {
        table[b] = b != 0x60;
        b += 1;
    }
    table
};

/// The smallest char boundary of `text` at or after `i` (`i <= text.len()`).
pub(crate) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The largest char boundary of `text` at or before `i` (`i <= text.len()`).
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_lowercases_and_collapses_space() {
        assert_eq!(normalize("Fja\u{308}llra\u{308}ven", true), "fjällräven");
        assert_eq!(normalize("VERO\u{a0}\n MODA", true), "vero moda");
        assert_eq!(normalize("Amazon\u{2019}s", false), "Amazon's");
        assert_eq!(normalize("İSTANBUL", true), "istanbul");
        assert_eq!(normalize("GROẞ", true), "groß");
        assert_eq!(normalize("Fjäll\u{ad}räven", true), "fjällräven");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let text = "xİy Ma\u{30a}l";
        let n = Normalized::new(text, true);
        assert_eq!(n.text, "xiy mål");
        let at = n.text.find("mål").unwrap();
        let (s, e) = n.original(at, at + "mål".len());
        assert_eq!(&text[s..e], "Ma\u{30a}l");
        let at = n.text.find('y').unwrap();
        assert_eq!(n.original(at, at + 1), (3, 4));
    }

    /// The map of every normalised byte to its original range, as `each` reports it: what the
    /// compact map must reproduce.
    fn dense(input: &str) -> (String, Vec<(usize, usize)>) {
        dense_in::<true>(input, true)
    }

    /// The normalised text and the original range of each of its bytes.
    fn dense_in<const RUNS: bool>(input: &str, lower: bool) -> (String, Vec<(usize, usize)>) {
        let (mut text, mut origin) = (String::new(), Vec::new());
        each_in::<RUNS>(input, lower, &mut |c: char, start, end| {
            text.push(c);
            origin.extend(std::iter::repeat_n((start, end), c.len_utf8()));
        });
        (text, origin)
    }

    #[test]
    fn compact_map_equals_the_dense_one() {
        let inputs = [
            "",
            "Norge",
            "  Norge  og\r\n\r\nSverige ",
            "xİy Ma\u{30a}l ẞ GROẞ Ⱥ ǅ",
            "Fjäll\u{ad}räven \u{200b}\u{200b} VERO\u{a0}\n MODA",
            "Amazon\u{2019}s `x´ a\u{2010}b \u{ad}\u{ad}",
            "a\u{308}\u{301}\u{323}e\u{301}\u{301} \u{301}x",
            "\u{feff}Telenor\u{2060}\u{200d}Danmark",
            "ΣΊΣΥΦΟΣ Ǆemal ﬃ İİ",
            // Found by the property test below: a run after a dropped character.
            "\u{ad}AaA",
        ];
        for input in inputs {
            let n = Normalized::new(input, true);
            let (text, origin) = dense(input);
            assert_eq!(n.text, text);
            for start in 0..text.len() {
                for end in start + 1..=text.len() {
                    let want = (origin[start].0, origin[end - 1].1);
                    assert_eq!(n.original(start, end), want, "{input:?} {start}..{end}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn eight_bytes_at_once_as_one_at_a_time(
            // Text from a char boundary: the chunk may end inside a character.
            units in proptest::collection::vec(
                proptest::sample::select(&[
                    " ", "a", "Z", "0", "`", "!", "~", "\u{7f}", "\u{1f}", "\0", "\n", "\t",
                    "å", "Å", "À", "×", "ß", "ÿ", "÷", "«", "—", "\u{308}",
                ][..]),
                8..=9,
            ),
            lower: bool,
        ) {
            let bytes = units.concat().into_bytes();
            let bytes = &bytes[..bytes.len().min(9)];
            let mut i = 0;
            while i < 8 {
                match byte_for_byte_step(bytes, i, lower) {
                    Some(next) => i = next,
                    None => break,
                }
            }
            let chunk = crate::swar::chunk_at(bytes, 0).unwrap();
            proptest::prop_assert_eq!(
                byte_for_byte_chunk(chunk, bytes.get(8).copied(), lower),
                i == 8,
                "{:x?} lower {}", bytes, lower
            );
        }

        /// Runs that normalise byte for byte come out as the characters one at a time do.
        #[test]
        fn runs_as_characters_one_at_a_time(
            input in "[a-zA-ZæøåÆØÅ×÷ß \t\r\n\u{a0}\u{ad}\u{308}`!~0-]{0,24}",
            lower: bool,
        ) {
            proptest::prop_assert_eq!(dense_in::<true>(&input, lower), dense_in::<false>(&input, lower));
        }

        #[test]
        fn compact_map_equals_the_dense_one_on_any_text(
            input in "[a-zA-ZæøåÆØÅİẞȺǅ \t\r\n\u{a0}\u{ad}\u{200b}\u{200d}\u{2019}\u{308}\u{30a}\u{301}`-]{0,24}"
        ) {
            let n = Normalized::new(&input, true);
            let (text, origin) = dense(&input);
            proptest::prop_assert_eq!(&n.text, &text);
            for start in 0..text.len() {
                for end in start + 1..=text.len() {
                    proptest::prop_assert_eq!(n.original(start, end), (origin[start].0, origin[end - 1].1));
                }
            }
        }
    }

    #[test]
    fn cases_of_ascii_by_bytes_as_by_chars() {
        for input in [
            "Norge", "USA", "eBay", "3M", "a-B", "", " x ", "Ål", "x`Y", "H&M",
        ] {
            assert_eq!(Cases::of(input), Cases::by_chars(input), "{input:?}");
        }
    }

    #[test]
    fn length_and_comparison_without_building() {
        for input in [
            "",
            " Fja\u{308}llra\u{308}ven ",
            "VERO\u{a0}\n MODA",
            "İSTANBUL",
            "a`b",
        ] {
            for lower in [true, false] {
                let n = normalize(input, lower);
                assert_eq!(normalized_len(input, lower), n.len());
                assert!(normalizes_to(input, lower, &n));
                assert!(!normalizes_to(input, lower, &format!("{n}x")));
                assert!(n.is_empty() || !normalizes_to(input, lower, &n[..n.len() - 1]));
            }
        }
    }

    #[test]
    fn word_chars_by_range_as_by_the_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn marks_are_word_chars() {
        assert!(is_word_char('\u{308}'));
        assert!(is_word_char('ð'));
        assert!(!is_word_char('-'));
    }
}
