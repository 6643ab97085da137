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

/// The aliases as an automaton for anchored walks, and the bytes they start with.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    automaton: Kind,
    first_bytes: [bool; 256],
}

#[derive(Clone, Debug)]
enum Kind {
    Nfa(NFA),
    Dfa(DFA),
}

impl Trie {
    /// Compiles `patterns` (normalised aliases, in pattern order) into a contiguous NFA, or a
    /// DFA when `dfa` is set and the patterns fit its size limits.
    pub(crate) fn new(patterns: &[String], dfa: bool) -> Result<Trie, BuildError> {
        let dfa = dfa
            .then(|| {
                aho_corasick::dfa::Builder::new()
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Anchored)
                    .build(patterns)
                    .ok()
            })
            .flatten();
        let automaton = match dfa {
            Some(dfa) => Kind::Dfa(dfa),
            None => Kind::Nfa(
                aho_corasick::nfa::contiguous::Builder::new()
                    .match_kind(MatchKind::Standard)
                    .dense_depth(3)
                    .build(patterns)
                    .map_err(|e| BuildError::Automaton(e.to_string()))?,
            ),
        };
        let mut first_bytes = [false; 256];
        for pattern in patterns {
            if let Some(&b) = pattern.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Ok(Trie {
            automaton,
            first_bytes,
        })
    }

    /// Pushes `(end, pattern)` for every alias that starts at `at` in `text`, by increasing
    /// end.
    pub(crate) fn starting_at(&self, text: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
        match &self.automaton {
            Kind::Nfa(nfa) => walk(nfa, text, at, found),
            Kind::Dfa(dfa) => walk(dfa, text, at, found),
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
    pub(crate) fn next_start(
        &self,
        text: &str,
        from: usize,
        prev_word: &mut bool,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut at = from;
        while let Some(&b) = bytes.get(at) {
            let candidate = !*prev_word && self.first_bytes[usize::from(b)];
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
                *prev_word = is_word_char(c);
                if candidate {
                    return Some((at, at + c.len_utf8()));
                }
                at += c.len_utf8();
            }
        }
        None
    }
}

/// The end of the word going on at `at`, as far as it can be told from a byte or two a
/// character: ASCII letters and digits, and Latin-1 letters (lead byte 0xC3, all letters but
/// "×" and "÷"). The scan goes on from there, one character at a time.
fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at) {
        if ASCII_WORD[usize::from(b)] {
            at += 1;
        } else if b == 0xC3 && !matches!(bytes.get(at + 1), Some(0x97 | 0xB7)) {
            at += 2;
        } else {
            break;
        }
    }
    at
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

/// The anchored walk from `at`: the trie's match states carry the aliases that end there,
/// including (for unanchored searches) those that start later; only those starting at `at` are
/// kept.
fn walk<A: Automaton>(aut: &A, text: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
    let Ok(mut sid) = aut.start_state(Anchored::Yes) else {
        return;
    };
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
                if aut.pattern_len(pattern) == len {
                    found.push((at + len, pattern.as_usize()));
                }
            }
        }
    }
}
