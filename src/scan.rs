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

/// The byte every pattern starts with in the automaton, and every walk steps over first: one
/// that UTF-8 text never holds. With it no proper suffix of a pattern's prefix is the prefix of
/// a pattern, so every failure transition leads to the start state, and the automaton's build
/// finds them at once instead of spending most of its time on them (a million aliases: about
/// 5 s of 12). Walks anchored at a start never follow a failure transition anyway.
const START: u8 = 0xFF;

/// How many patterns a part of the trie holds at most, unless one first byte has more: a
/// gazetteer of up to this many aliases is one automaton.
const PART_SIZE: usize = 1 << 17;

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
    first_bytes: [bool; 256],
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
        let first_bytes = part_of.map(|p| p.is_some());
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
            first_bytes,
        })
    }

    /// Pushes `(end, pattern)` for every alias that starts at `at` in `text`, by increasing
    /// end.
    pub(crate) fn starting_at(&self, text: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
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
                *prev_word = b.is_ascii_alphanumeric();
                if candidate {
                    return Some((at, at + 1));
                }
                at += 1;
                // No name starts inside an ASCII word: skip to its end.
                if *prev_word {
                    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                        at += 1;
                    }
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
