//! The scan: where in normalised text a name may start, and which aliases start there.
//!
//! A name never starts inside a word. An unanchored Aho-Corasick search would report every
//! alias inside every word ("sas" in "ansvarsområder"), only for the rules to throw them away;
//! instead the scan walks the alias trie anchored at each position that follows a character
//! that is not a letter, digit or mark, and only where the byte there starts some alias. A
//! walk stops when no alias continues, at the latest after the longest alias, so the scan is
//! linear in the text: at most `max_len` steps a start, and one pass over the bytes to find
//! the starts.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

use crate::error::BuildError;
use crate::normalize::is_word_char;
use crate::swar;

/// The byte every pattern starts with in the automaton, and every walk steps over first: one
/// that UTF-8 text never holds. With it no proper suffix of a pattern's prefix is the prefix of
/// a pattern, so every failure transition leads to the start state, and the automaton's build
/// finds them at once instead of spending most of its time on them (a million aliases: about
/// 5 s of 12). Walks anchored at a start never follow a failure transition anyway.
const START: u8 = 0xFF;

/// How many patterns a part of the trie holds at most, unless one first byte has more: a
/// gazetteer of up to this many aliases is one automaton.
const PART_SIZE: usize = 1 << 17;

/// How deep in the automaton states keep a transition for every byte class, instead of a list
/// searched one class at a time: aho-corasick's default is 2, which behind [`START`] is the
/// aliases' first byte only. Every walk goes through the first three bytes of a word, so they
/// pay: on the builtin aliases 1.3 MB -> 3.1 MB, and 4 % fewer instructions a tag of Norwegian
/// news.
const DENSE_DEPTH: usize = 4;

/// The aliases as automata for anchored walks, each for the aliases that start with some
/// bytes, and the bytes they start with.
///
/// A walk only ever needs the aliases that start with the byte it starts at, so they are split
/// by first byte into parts of up to [`PART_SIZE`] aliases, built one after another: the build
/// holds the working copies (aho-corasick builds a noncontiguous NFA and copies it into a
/// contiguous one) of one part at a time, not of every alias at once. A million aliases peaked
/// about 350 MB higher in one automaton; in a part for each first byte (about 40 parts) they
/// tagged a third slower than in one automaton, in parts of up to 2^17 no slower.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// The automata, by first byte.
    parts: Vec<Part>,
    /// Per byte: the index in `parts` of the part with the aliases that start with it.
    part_of: [Option<u8>; 256],
    prefixes: Prefixes,
}

/// The aliases that start with some bytes.
#[derive(Clone, Debug)]
struct Part {
    automaton: Kind,
    /// The pattern number (in the tagger's order) of each of the automaton's patterns.
    patterns: Box<[u32]>,
}

#[derive(Clone, Debug)]
enum Kind {
    Nfa(NFA),
    Dfa(DFA),
}

impl Trie {
    /// Compiles `patterns` (normalised aliases, in pattern order) into contiguous NFAs, or
    /// DFAs where `dfa` is set and a part fits their size limits. Each pattern is compiled
    /// behind [`START`]; no prefilter, which anchored walks never use.
    pub(crate) fn new(patterns: &[String], dfa: bool) -> Result<Trie, BuildError> {
        Trie::in_parts(patterns, dfa, PART_SIZE)
    }

    /// As [`Trie::new`], with parts of up to `part_size` patterns.
    fn in_parts(patterns: &[String], dfa: bool, part_size: usize) -> Result<Trie, BuildError> {
        let first = |pattern: &String| pattern.as_bytes().first().map(|&b| usize::from(b));
        let mut counts = [0usize; 256];
        for b in patterns.iter().filter_map(first) {
            counts[b] += 1;
        }
        // Consecutive first bytes share a part up to `part_size` patterns.
        let mut part_of = [None; 256];
        let (mut part, mut size) = (0u8, 0);
        for (b, &count) in counts.iter().enumerate().filter(|(_, &c)| c > 0) {
            if size > 0 && size + count > part_size {
                part += 1;
                size = 0;
            }
            part_of[b] = Some(part);
            size += count;
        }
        let mut numbers: Vec<Vec<u32>> = vec![Vec::new(); usize::from(part) + 1];
        for (i, pattern) in patterns.iter().enumerate() {
            if let Some(part) = first(pattern).and_then(|b| part_of[b]) {
                let i = u32::try_from(i).map_err(|e| BuildError::Automaton(e.to_string()))?;
                numbers[usize::from(part)].push(i);
            }
        }
        let mut parts = Vec::new();
        for numbers in numbers {
            let marked = || {
                numbers.iter().map(|&i| {
                    let pattern = patterns[i as usize].as_bytes();
                    let mut bytes = Vec::with_capacity(pattern.len() + 1);
                    bytes.push(START);
                    bytes.extend_from_slice(pattern);
                    bytes
                })
            };
            let dfa = dfa
                .then(|| {
                    aho_corasick::dfa::Builder::new()
                        .match_kind(MatchKind::Standard)
                        .start_kind(StartKind::Anchored)
                        .prefilter(false)
                        .build(marked())
                        .ok()
                })
                .flatten();
            let automaton = match dfa {
                Some(dfa) => Kind::Dfa(dfa),
                None => Kind::Nfa(
                    aho_corasick::nfa::contiguous::Builder::new()
                        .dense_depth(DENSE_DEPTH)
                        .match_kind(MatchKind::Standard)
                        .prefilter(false)
                        .build(marked())
                        .map_err(|e| BuildError::Automaton(e.to_string()))?,
                ),
            };
            parts.push(Part {
                automaton,
                patterns: numbers.into_boxed_slice(),
            });
        }
        Ok(Trie {
            parts,
            part_of,
            prefixes: Prefixes::new(patterns),
        })
    }

    /// Whether some alias starts with byte `b`.
    #[inline]
    fn starts_some_alias(&self, b: u8) -> bool {
        self.part_of[usize::from(b)].is_some()
    }

    /// Pushes `(end, pattern)` for every alias that starts at `at` in `text`, by increasing
    /// end.
    #[inline]
    pub(crate) fn starting_at(&self, text: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
        if !self.prefixes.may_start(&text[at..]) {
            return;
        }
        let Some(part) = text
            .get(at)
            .and_then(|&b| self.part_of[usize::from(b)])
            .map(|p| &self.parts[usize::from(p)])
        else {
            return;
        };
        let from = found.len();
        match &part.automaton {
            Kind::Nfa(nfa) => walk(nfa, text, at, found),
            Kind::Dfa(dfa) => walk(dfa, text, at, found),
        }
        // The part's own pattern numbers, as the tagger numbers them.
        for (_, pattern) in &mut found[from..] {
            *pattern = part.patterns[*pattern] as usize;
        }
    }

    /// The next position at or after `from` (and not before `floor`) where some alias starts:
    /// pushes `(end, pattern)` for each of them into the empty `found`, and returns the position
    /// and where the search goes on, as [`Trie::next_start`] does. One call walks past every
    /// word where no alias starts, without coming back to the caller for each.
    pub(crate) fn next_match(
        &self,
        text: &str,
        mut from: usize,
        floor: usize,
        prev_word: &mut bool,
        found: &mut Vec<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        loop {
            let (at, next) = self.next_start(text, from, prev_word)?;
            if at >= floor {
                self.starting_at(text.as_bytes(), at, found);
                if !found.is_empty() {
                    return Some((at, next));
                }
            }
            from = next;
        }
    }

    /// The next position at or after `from` where an alias may start, and the position after
    /// the character there (where the search goes on): one that follows a character that is
    /// not a word character (`prev_word` tells whether the character before `from` is one, and
    /// is updated) and holds a byte some alias starts with. `from` is a char boundary of `text`.
    #[inline]
    pub(crate) fn next_start(
        &self,
        text: &str,
        from: usize,
        prev_word: &mut bool,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut at = from;
        while let Some(&b) = bytes.get(at) {
            let candidate = !*prev_word && self.starts_some_alias(b);
            if b.is_ascii() {
                *prev_word = ASCII_WORD[usize::from(b)];
                if candidate {
                    return Some((at, at + 1));
                }
                at += 1;
                // No name starts inside a word: skip to its end.
                if *prev_word {
                    at = word_end(bytes, at);
                }
            } else {
                let c = text[at..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                let next = at + c.len_utf8();
                // Whether a character outside ASCII is a word character takes a table search,
                // and matters only where an alias may start right after it.
                *prev_word = (candidate
                    || bytes.get(next).is_some_and(|&n| self.starts_some_alias(n)))
                    && is_word_char(c);
                if candidate {
                    return Some((at, next));
                }
                at = next;
            }
        }
        None
    }
}

/// The first bytes of the aliases, as sets of one, two, three and four bytes, the last two
/// hashed into bit sets small enough to stay in the processor's fastest cache: a walk whose
/// first four bytes start no alias (three in four of those that find nothing, in Norwegian
/// news) is not begun, and the automaton's colder states are not touched.
#[derive(Clone, Debug)]
struct Prefixes {
    /// Aliases of one byte, by that byte.
    one: [bool; 256],
    /// Aliases of two bytes, by those two bytes.
    two: Box<[u64]>,
    /// Hashes of aliases of three bytes.
    three: Box<[u64]>,
    /// Hashes of the four-byte prefixes of aliases of four bytes or more.
    four: Box<[u64]>,
    /// How many bits a hash keeps in `three` and in `four` (which hold `1 << bits` bits).
    three_bits: u32,
    four_bits: u32,
}

impl Prefixes {
    fn new(patterns: &[String]) -> Prefixes {
        // About 8 bits a prefix keeps false positives near one in ten, in sets as small as
        // that allows (the builtin aliases' fit in 10 KiB).
        let count = |n: &dyn Fn(usize) -> bool| patterns.iter().filter(|p| n(p.len())).count();
        let bits = |count: usize| {
            (count.max(1) * 8)
                .next_power_of_two()
                .trailing_zeros()
                .clamp(10, 24)
        };
        let set = |bits: u32| vec![0u64; (1 << bits) / 64].into_boxed_slice();
        let (three_bits, four_bits) = (bits(count(&|n| n == 3)), bits(count(&|n| n >= 4)));
        let mut prefixes = Prefixes {
            one: [false; 256],
            two: set(16),
            three: set(three_bits),
            four: set(four_bits),
            three_bits,
            four_bits,
        };
        for p in patterns.iter().map(String::as_bytes) {
            match p.len() {
                0 => {}
                1 => prefixes.one[usize::from(p[0])] = true,
                2 => insert(&mut prefixes.two, two_bytes(p)),
                3 => insert(&mut prefixes.three, hash::<3>(p, three_bits)),
                _ => insert(&mut prefixes.four, hash::<4>(p, four_bits)),
            }
        }
        prefixes
    }

    /// Whether some alias may start at the start of `text`: its shortest aliases first.
    #[inline]
    fn may_start(&self, text: &[u8]) -> bool {
        let Some(&first) = text.first() else {
            return false;
        };
        self.one[usize::from(first)]
            || (text.len() >= 2 && contains(&self.two, two_bytes(text)))
            || (text.len() >= 3 && contains(&self.three, hash::<3>(text, self.three_bits)))
            || (text.len() >= 4 && contains(&self.four, hash::<4>(text, self.four_bits)))
    }
}

/// A multiplicative hash of the first `N` (3 or 4) bytes of `bytes`, to `bits` bits. (`N` is a
/// constant so that the bytes are copied by moves, not by a call to `memcpy`.)
fn hash<const N: usize>(bytes: &[u8], bits: u32) -> usize {
    let mut word = [0u8; 4];
    word[..N].copy_from_slice(&bytes[..N]);
    let h = u32::from_le_bytes(word).wrapping_mul(0x9E37_79B1);
    (h >> (32 - bits)) as usize
}

fn two_bytes(bytes: &[u8]) -> usize {
    usize::from(bytes[0]) << 8 | usize::from(bytes[1])
}

fn insert(set: &mut [u64], i: usize) {
    set[i / 64] |= 1 << (i % 64);
}

fn contains(set: &[u64], i: usize) -> bool {
    set[i / 64] & (1 << (i % 64)) != 0
}

/// The end of the word going on at `at`, as far as it can be told from a byte or two a
/// character: ASCII letters and digits, and Latin-1 letters (lead byte 0xC3, all letters but
/// "×" and "÷"). The scan goes on from there, one character at a time.
#[inline]
fn word_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        // Eight bytes at a time, to the first that is not an ASCII letter or digit.
        if let Some(chunk) = swar::chunk_at(bytes, at) {
            let stop = not_ascii_alphanumeric(chunk);
            if stop == 0 {
                at += 8;
                continue;
            }
            at += (stop.trailing_zeros() / 8) as usize;
        }
        match bytes.get(at) {
            Some(&b) if ASCII_WORD[usize::from(b)] => at += 1,
            Some(0xC3) if !matches!(bytes.get(at + 1), Some(0x97 | 0xB7)) => at += 2,
            _ => return at,
        }
    }
}

/// The high bit of each byte of `x` that is not an ASCII letter or digit.
#[inline]
fn not_ascii_alphanumeric(x: u64) -> u64 {
    use swar::at_least;
    let digit = at_least(x, 0x30) & !at_least(x, 0x3A);
    // Setting bit 5 maps capitals onto small letters, and nothing else onto them.
    let folded = x | (swar::ONES * 0x20);
    let letter = at_least(folded, 0x61) & !at_least(folded, 0x7B);
    // (A byte from 0x80 up is no ASCII letter or digit, whatever its low seven bits.)
    !((digit | letter) & !x) & swar::HIGH
}

/// ASCII letters and digits, by table: the test the scan makes on most bytes.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The anchored walk from `at`, after [`START`]: the trie's match states carry the aliases that
/// end there (and, in a `Standard` automaton, those that start later: none, behind [`START`]);
/// only those starting at `at` are kept.
fn walk<A: Automaton>(aut: &A, text: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
    let Ok(start) = aut.start_state(Anchored::Yes) else {
        return;
    };
    let mut sid = aut.next_state(Anchored::Yes, start, START);
    for (i, &b) in text[at..].iter().enumerate() {
        sid = aut.next_state(Anchored::Yes, sid, b);
        if !aut.is_special(sid) {
            continue;
        }
        if aut.is_dead(sid) {
            return;
        }
        if aut.is_match(sid) {
            let len = i + 1;
            for k in 0..aut.match_len(sid) {
                let pattern = aut.match_pattern(sid, k);
                if aut.pattern_len(pattern) == len + 1 {
                    found.push((at + len, pattern.as_usize()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_let_every_alias_start_and_stop_most_words() {
        let patterns: Vec<String> = ["a", "eu", "sas", "norge", "ørsted", "h&m", "danmark"]
            .iter()
            .map(|s| s.to_string())
            .chain((0..5000).map(|i| format!("name{i} as")))
            .collect();
        let prefixes = Prefixes::new(&patterns);
        for p in &patterns {
            assert!(prefixes.may_start(p.as_bytes()), "{p}");
            assert!(prefixes.may_start(format!("{p} og").as_bytes()), "{p}");
        }
        assert!(!prefixes.may_start(b""));
        assert!(!prefixes.may_start(b"e"));
        let stopped = ["og", "som", "ikke", "nord", "ørret", "hus", "den"]
            .iter()
            .filter(|w| !prefixes.may_start(w.as_bytes()))
            .count();
        assert!(stopped >= 5, "only {stopped} of 7 words stopped");
    }

    proptest::proptest! {
        /// The starts the scan reports are the characters that begin with an alias's first byte
        /// and follow no word character, as read one character at a time.
        #[test]
        fn starts_follow_no_word_character(
            text in "[a-zA-Z0-9æÅ×ж\u{308}\u{2013}«» .,'-]{0,24}",
        ) {
            let trie = Trie::new(&["a".to_string(), "å".to_string(), "ж".to_string()], false).unwrap();
            let mut starts = Vec::new();
            let (mut from, mut prev_word) = (0, false);
            while let Some((at, next)) = trie.next_start(&text, from, &mut prev_word) {
                starts.push(at);
                from = next;
            }
            let mut want = Vec::new();
            let mut prev: Option<char> = None;
            for (i, c) in text.char_indices() {
                if ["a", "å", "ж"].iter().any(|a| a.as_bytes()[0] == text.as_bytes()[i])
                    && !prev.is_some_and(is_word_char)
                {
                    want.push(i);
                }
                prev = Some(c);
            }
            proptest::prop_assert_eq!(starts, want);
        }

        #[test]
        fn word_ends_eight_bytes_at_once_as_one_at_a_time(
            text in "[a-zA-Z0-9æøÅ×÷@\\[`{ .,'\u{7f}\u{80}ж-]{0,24}",
            from in 0usize..24,
        ) {
            let bytes = text.as_bytes();
            let mut at = from.min(bytes.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut want = at;
            while let Some(&b) = bytes.get(want) {
                if b.is_ascii_alphanumeric() {
                    want += 1;
                } else if b == 0xC3 && !matches!(bytes.get(want + 1), Some(0x97 | 0xB7)) {
                    want += 2;
                } else {
                    break;
                }
            }
            proptest::prop_assert_eq!(word_end(bytes, at), want);
        }
    }

    /// More aliases than a part holds (1000 here): every alias is found where it starts, with its own
    /// number, whichever part holds it, and so are the shorter aliases it starts with.
    #[test]
    fn aliases_in_several_parts() {
        let firsts = ["a", "b", "k", "s", "z", "ø", "å", "1"];
        let patterns: Vec<String> = (0..5000)
            .map(|i| format!("{}{}", firsts[i % firsts.len()], i / firsts.len()))
            .collect();
        let trie = Trie::in_parts(&patterns, false, 1000).unwrap();
        assert!(trie.parts.len() > 1);
        let number: std::collections::HashMap<&str, usize> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_str(), i))
            .collect();
        let mut found = Vec::new();
        for i in (0..patterns.len())
            .step_by(7)
            .chain([0, 1, patterns.len() - 1])
        {
            let text = format!("{} x", patterns[i]);
            found.clear();
            trie.starting_at(text.as_bytes(), 0, &mut found);
            let expected: Vec<(usize, usize)> = (1..=patterns[i].len())
                .filter_map(|len| number.get(patterns[i].get(..len)?))
                .map(|&j| (patterns[j].len(), j))
                .collect();
            let mut sorted = found.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, expected, "{text:?}");
        }
    }
}
