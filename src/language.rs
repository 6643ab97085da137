//! The languages the tagger reads, and telling them apart.
//!
//! A word of one language is often a name in another (Finnish "asia" is "matter", not Asia), so
//! the tagger decides some candidates by the language of the text around them. The model is a
//! word-frequency classifier (`data/languages.tsv`, built by `data/build/languages.py`): each
//! language's commonest words with their frequencies, summed as log-probabilities over a
//! stretch of text; Nynorsk has its own frequencies, derived from Bokmål's with the words and
//! letter sequences that set the two written standards apart.

use std::fmt;
use std::str::FromStr;

use crate::error::Problem;
use crate::normalize::is_letter;

/// A language the tagger reads, or [`Language::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "&'static str", try_from = "String"))]
#[non_exhaustive]
pub enum Language {
    /// Norwegian Bokmål (`nb`).
    Bokmal,
    /// Norwegian Nynorsk (`nn`).
    Nynorsk,
    /// Danish (`da`).
    Danish,
    /// Swedish (`sv`).
    Swedish,
    /// Finnish (`fi`).
    Finnish,
    /// Icelandic (`is`).
    Icelandic,
    /// English (`en`).
    English,
    /// Any other language, or text with too few words to tell (`und`).
    Other,
}

impl Language {
    /// The seven languages the tagger knows, in a fixed order (then [`Language::Other`] is not
    /// among them).
    pub const KNOWN: [Language; 7] = [
        Language::Bokmal,
        Language::Nynorsk,
        Language::Danish,
        Language::Swedish,
        Language::Finnish,
        Language::Icelandic,
        Language::English,
    ];

    /// The ISO 639-1 code (`nb`, `nn`, `da`, `sv`, `fi`, `is`, `en`), or `und` for
    /// [`Language::Other`].
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Language::Bokmal => "nb",
            Language::Nynorsk => "nn",
            Language::Danish => "da",
            Language::Swedish => "sv",
            Language::Finnish => "fi",
            Language::Icelandic => "is",
            Language::English => "en",
            Language::Other => "und",
        }
    }

    /// The country whose language this is above all (ISO 3166-1 alpha-2): `NO` for Bokmål and
    /// Nynorsk, `DK`, `SE`, `FI`, `IS`; `None` for English and [`Language::Other`]. When an
    /// alias stands for companies of several countries, the tagger prefers the one at home
    /// in the language read ([`crate::TaggerBuilder::prefer_home_country`]).
    ///
    /// ```
    /// use nordic_ner::Language;
    /// assert_eq!(Language::Nynorsk.home_country(), Some("NO"));
    /// assert_eq!(Language::English.home_country(), None);
    /// ```
    #[must_use]
    pub fn home_country(self) -> Option<&'static str> {
        crate::language_rules::rules_of(self).and_then(|r| r.home_country)
    }

    /// The language of an ISO 639 code, `no` read as Bokmål; `None` for a code the tagger does
    /// not read.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "no" => Some(Language::Bokmal),
            "und" => Some(Language::Other),
            _ => Language::KNOWN.into_iter().find(|l| l.code() == code),
        }
    }

    /// Bokmål or Nynorsk.
    pub(crate) fn is_norwegian(self) -> bool {
        matches!(self, Language::Bokmal | Language::Nynorsk)
    }

    /// The position in [`Language::KNOWN`] (`None` for [`Language::Other`]).
    pub(crate) fn index(self) -> Option<usize> {
        Language::KNOWN.iter().position(|&l| l == self)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for Language {
    type Err = Problem;

    /// Parses a code as [`Language::from_code`] does.
    fn from_str(s: &str) -> Result<Language, Problem> {
        Language::from_code(s).ok_or_else(|| Problem::BadValue {
            key: "lang".into(),
            value: s.into(),
            expected: "nb, nn, da, sv, fi, is, en or und",
        })
    }
}

impl From<Language> for &'static str {
    fn from(l: Language) -> &'static str {
        l.code()
    }
}

impl TryFrom<String> for Language {
    type Error = Problem;

    fn try_from(s: String) -> Result<Language, Problem> {
        s.parse()
    }
}

impl Language {
    /// The language of `text` by the builtin model, or [`Language::Other`] when the text is in
    /// another language or has no word the model knows.
    ///
    /// The model weighs every word, so a sentence of eight or more words is usually enough;
    /// the README gives the measured accuracy per language.
    ///
    /// ```
    /// use nordic_ner::Language;
    ///
    /// assert_eq!(Language::detect("Regjeringen vil ikke svare på spørsmålet."), Language::Bokmal);
    /// assert_eq!(Language::detect("Regjeringa vil ikkje svare på spørsmålet."), Language::Nynorsk);
    /// assert_eq!(Language::detect("Asia on nyt selvä, sanoi ministeri."), Language::Finnish);
    /// assert_eq!(Language::detect("Die Regierung will nicht antworten."), Language::Other);
    /// ```
    #[must_use]
    pub fn detect(text: &str) -> Language {
        decide(&crate::normalize::normalize(text, true)).language
    }
}

/// Languages of the model: the seven known ones in [`Language::KNOWN`]'s order, then languages
/// read as [`Language::Other`] (so that German is not taken for Danish).
const MODEL_LANGS: [&str; 14] = [
    "nb", "nn", "da", "sv", "fi", "is", "en", "de", "nl", "fr", "es", "it", "pt", "pl",
];
const NB: usize = 0;
const NN: usize = 1;
/// The weight of the letter-sequence evidence against the word evidence for Nynorsk.
const LETTER_WEIGHT: f32 = 0.8;

static MODEL_TEXT: &str = include_str!("../data/languages.tsv");
static MODEL: once_cell::sync::Lazy<Model> = once_cell::sync::Lazy::new(|| {
    // The embedded file is parsed by the tests (`language::tests::model_parses`).
    Model::parse(MODEL_TEXT).unwrap_or_else(|e| panic!("data/languages.tsv: {e}"))
});

/// Word frequencies per language in tenths of a Zipf unit (the language's floor where the word
/// is not in its list),
/// and the Nynorsk-against-Bokmål log-ratios of letter sequences, in tenths.
struct Model {
    floors: [u8; 14],
    /// Keyed by [`key`]: a 64-bit hash instead of the string, so that a lookup touches one
    /// table entry and not the model text as well (the table is megabytes; its misses in the
    /// processor's caches are what reading a sentence costs).
    words: std::collections::HashMap<u64, [u8; 14], Prehashed>,
    /// The words common in some language (Zipf >= [`COMMON_ZIPF`], about each language's 1,000
    /// commonest), copied into a table small enough to stay in the processor's cache: they are
    /// half of running text.
    common: std::collections::HashMap<u64, [u8; 14], Prehashed>,
    grams: std::collections::HashMap<u64, i8, Prehashed>,
}

/// The frequency (tenths of Zipf) from which a word is in [`Model::common`].
const COMMON_ZIPF: u8 = 47;

impl Model {
    fn parse(text: &'static str) -> Result<Model, String> {
        let mut model = Model {
            floors: [0; 14],
            words: std::collections::HashMap::default(),
            common: std::collections::HashMap::default(),
            grams: std::collections::HashMap::default(),
        };
        let tenths = |s: &str| -> Result<f32, String> {
            s.parse::<f32>()
                .map(|v| (v * 10.0).round())
                .map_err(|_| format!("not a number: {s:?}"))
        };
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |what: &str| format!("line {}: {what}", n + 1);
            let fields: Vec<&'static str> = line.split('\t').collect();
            let lang = |code: &str| {
                MODEL_LANGS
                    .iter()
                    .position(|l| *l == code)
                    .ok_or_else(|| err("unknown language"))
            };
            match fields[..] {
                ["floor", code, zipf] => {
                    model.floors[lang(code)?] = tenths(zipf).map_err(|e| err(&e))? as u8;
                }
                ["word", code, zipf, words] => {
                    let (l, z) = (lang(code)?, tenths(zipf).map_err(|e| err(&e))?.max(1.0));
                    for word in words.split(' ') {
                        model.words.entry(key(word)).or_insert([0; 14])[l] = z as u8;
                    }
                }
                ["gram", ratio, grams] => {
                    let r = tenths(ratio).map_err(|e| err(&e))? as i8;
                    for gram in grams.split(' ') {
                        model.grams.insert(key(gram), r);
                    }
                }
                _ => return Err(err("expected floor, word or gram fields")),
            }
        }
        // A word absent from a language's list scores that language's floor.
        for scores in model.words.values_mut() {
            for (score, floor) in scores.iter_mut().zip(model.floors) {
                if *score == 0 {
                    *score = floor;
                }
            }
        }
        model.common = model
            .words
            .iter()
            .filter(|(_, scores)| scores.iter().any(|&z| z >= COMMON_ZIPF))
            .map(|(&k, &scores)| (k, scores))
            .collect();
        Ok(model)
    }
}

/// What a stretch of text says about its language: summed log-probabilities per model
/// language, in tenths of Zipf units, how many words a list knows, and the Nynorsk letter
/// evidence where it was read.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Evidence {
    totals: [i32; 14],
    known: u32,
    letters: f32,
}

/// A decision and how sure it is: the lead of the chosen language's log-probability over
/// the next best, in Zipf units (log10).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Decision {
    pub language: Language,
    pub margin: f32,
}

/// Between Bokmål and Nynorsk, a word lead this large (log10) is not worth reading letters for.
const WORDS_DECIDE_NORWEGIAN: i32 = 30;

impl Evidence {
    /// The word evidence of lowercase (normalised) text; between Bokmål and Nynorsk, the
    /// letter sequences of the words no list knows too, where the words alone are close (they
    /// cost more than the word lookups).
    pub fn read(text: &str) -> Evidence {
        Evidence::read_words(text, u32::MAX, true)
    }

    /// The word evidence of at most `most` known words of `text`, without the letter
    /// sequences that tell Bokmål from Nynorsk: a glance that only asks whether a sentence goes
    /// on in the language of the text around it.
    pub fn glance(text: &str, most: u32) -> Evidence {
        Evidence::read_words(text, most, false)
    }

    fn read_words(text: &str, most: u32, letters: bool) -> Evidence {
        let model = &*MODEL;
        let mut evidence = Evidence::default();
        for word in words(text) {
            if evidence.known == most {
                break;
            }
            let k = key(word);
            match model.common.get(&k).or_else(|| model.words.get(&k)) {
                Some(scores) => {
                    evidence.known += 1;
                    for (total, score) in evidence.totals.iter_mut().zip(scores) {
                        *total += i32::from(*score);
                    }
                }
                None => {
                    for (total, floor) in evidence.totals.iter_mut().zip(model.floors) {
                        *total += i32::from(floor);
                    }
                }
            }
        }
        let (best, _) = evidence.best_two();
        if letters
            && (best == NB || best == NN)
            && (evidence.totals[NN] - evidence.totals[NB]).abs() < WORDS_DECIDE_NORWEGIAN
        {
            evidence.letters = words(text)
                .take(evidence.known as usize * 2)
                .filter(|w| {
                    model
                        .words
                        .get(&key(w))
                        .is_none_or(|z| z[NB] == model.floors[NB])
                })
                .map(|w| letter_ratio(model, w))
                .sum();
        }
        evidence
    }

    /// Adds `other`'s evidence to half of this one's: a running context in which recent text
    /// counts most.
    pub fn decay_add(&mut self, other: &Evidence) {
        for (t, o) in self.totals.iter_mut().zip(other.totals) {
            *t = *t / 2 + o;
        }
        self.known = self.known / 2 + other.known;
        self.letters = self.letters / 2.0 + other.letters;
    }

    fn best_two(&self) -> (usize, usize) {
        let (mut best, mut second) = (0, 1);
        if self.totals[second] > self.totals[best] {
            (best, second) = (second, best);
        }
        for l in 2..MODEL_LANGS.len() {
            if self.totals[l] > self.totals[best] {
                (best, second) = (l, best);
            } else if self.totals[l] > self.totals[second] {
                second = l;
            }
        }
        (best, second)
    }

    /// The most likely language; [`Language::Other`] when no word is known or another
    /// language of the model wins.
    pub fn decide(&self) -> Decision {
        if self.known == 0 {
            return Decision {
                language: Language::Other,
                margin: 0.0,
            };
        }
        let totals = self.totals;
        let (best, second) = self.best_two();
        let lead = |l: usize, over: usize| (totals[l] - totals[over]) as f32 / 10.0;
        if best != NB && best != NN {
            return Decision {
                language: Language::KNOWN
                    .get(best)
                    .copied()
                    .unwrap_or(Language::Other),
                margin: lead(best, second),
            };
        }
        let nynorsk = lead(NN, NB) + LETTER_WEIGHT * self.letters;
        let language = if nynorsk > 0.0 {
            Language::Nynorsk
        } else {
            Language::Bokmal
        };
        let rival = (0..MODEL_LANGS.len())
            .filter(|&l| l != NB && l != NN)
            .max_by_key(|&l| totals[l])
            .unwrap_or(second);
        // The margin is Norwegian's lead over the other languages: the rules read Bokmål and
        // Nynorsk alike, so a close call between the two is no reason to read neither.
        Decision {
            language,
            margin: lead(best, rival),
        }
    }
}

/// The language of lowercase (normalised) text, and how sure the model is.
pub(crate) fn decide(text: &str) -> Decision {
    Evidence::read(text).decide()
}

/// The mean Nynorsk-against-Bokmål log-ratio of a word's letter sequences (with `_` at its
/// edges), for words the lists do not know.
fn letter_ratio(model: &Model, word: &str) -> f32 {
    // `_word_` in a stack buffer, and the byte offset of each char in it.
    let mut buf = [0u8; 64];
    let mut bounds = [0usize; 34];
    if word.len() + 2 > buf.len() || word.chars().count() + 3 > bounds.len() {
        return 0.0; // too long to be a word either list would tell apart
    }
    buf[0] = b'_';
    buf[1..=word.len()].copy_from_slice(word.as_bytes());
    buf[word.len() + 1] = b'_';
    let edged = std::str::from_utf8(&buf[..word.len() + 2]).unwrap_or("");
    let mut n_bounds = 0;
    for (i, _) in edged.char_indices() {
        bounds[n_bounds] = i;
        n_bounds += 1;
    }
    bounds[n_bounds] = edged.len();
    n_bounds += 1;
    let mut sum = 0i32;
    for n in 2..=5 {
        for w in bounds[..n_bounds].windows(n + 1) {
            if let Some(&r) = model.grams.get(&key(&edged[w[0]..w[n]])) {
                sum += i32::from(r);
            }
        }
    }
    sum as f32 / 10.0 / (n_bounds - 3).max(1) as f32
}

/// Whether a lowercase word is in the model's lists of some language (its 20,000 commonest
/// words, or 5,000 of a neighbour): a word of the language, not a rare name.
pub(crate) fn is_listed_word(word: &str) -> bool {
    MODEL.words.contains_key(&key(word))
}

/// Whether `form`, an inflected form of the name `base` (both lowercase), is rather a word of
/// `language` (either Norwegian standard for Norwegian: a text is often read as the other): the
/// form is in the language's list and more frequent there than the name. A name is commoner
/// than its genitive ("norge" against "norges"), a word that happens to be a name plus "s" is
/// not ("elles", otherwise in Nynorsk, against "elle").
pub(crate) fn form_is_word(base: &str, form: &str, language: Language) -> bool {
    let Some(i) = language.index() else {
        return false;
    };
    let model = &*MODEL;
    let Some(form_scores) = model.words.get(&key(form)) else {
        return false;
    };
    let base_scores = model.words.get(&key(base)).unwrap_or(&model.floors);
    let word_in = |l: usize| form_scores[l] > model.floors[l] && form_scores[l] > base_scores[l];
    word_in(i) || (language.is_norwegian() && (word_in(NB) || word_in(NN)))
}

/// The words of lowercase text: runs of letters, with an apostrophe inside ("don't").
/// (ASCII by its bytes: every sentence a language is read for passes through here.)
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let bytes = rest.as_bytes();
        let mut i = 0;
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii_alphabetic() {
                break i;
            }
            if b.is_ascii() {
                i += 1;
                continue;
            }
            let (c, len) = char_at(rest, i)?;
            if is_letter(c) {
                break i;
            }
            i += len;
        };
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let len = match b {
                // An apostrophe is inside a word when a letter follows it.
                b'\'' if char_at(rest, i + 1).is_some_and(|(c, _)| is_letter(c)) => 1,
                _ if b.is_ascii() => break,
                _ => match char_at(rest, i) {
                    Some((c, len)) if is_letter(c) => len,
                    _ => break,
                },
            };
            i += len;
        }
        let word = &rest[start..i];
        rest = &rest[i..];
        Some(word)
    })
}

/// The char at byte `i` of `s` and its length in bytes, or `None` at the end; `i` is a char
/// boundary.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let &b = s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The model's key of a word or letter sequence: FxHash's multiply-rotate over its bytes and
/// length, then MurmurHash3's finaliser so that every bit is mixed. Two of the model's 100,000
/// strings share a key with a probability near 10^-9, and a word outside the model takes one of
/// theirs with a probability near 10^-14 a lookup; the model's keys are fixed, so hash
/// flooding is not a concern.
fn key(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = s.len() as u64;
    for chunk in s.as_bytes().chunks(8) {
        // (The bytes of a short chunk in the low bits, as from_le_bytes of it padded with
        // zeros: without a call to copy them.)
        let word = chunk
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Keys are hashes already ([`key`]): the table uses them as they are.
#[derive(Clone, Copy, Default)]
struct Prehashed;

impl std::hash::BuildHasher for Prehashed {
    type Hasher = PrehashedHasher;
    fn build_hasher(&self) -> PrehashedHasher {
        PrehashedHasher(0)
    }
}

struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; any other input still gets a hash.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_parses() {
        let model = Model::parse(MODEL_TEXT).unwrap();
        assert!(model.words.len() > 50_000);
        assert!(model.floors.iter().all(|&f| f > 0));
        assert!(model.grams.len() > 1_000);
    }

    #[test]
    fn splits_words() {
        let got: Vec<&str> = words("don't stop, 'quoted' x2 ålesund-nord").collect();
        assert_eq!(got, ["don't", "stop", "quoted", "x", "ålesund", "nord"]);
        let got: Vec<&str> = words("ø'æ l'' 'a' ''b y\u{301}x \u{2019}z\u{1F600}ŋ' ").collect();
        assert_eq!(got, ["ø'æ", "l", "a", "b", "y", "x", "z", "ŋ"]);
    }

    proptest::proptest! {
        /// The byte reading of [`words`] finds the words a reading char by char finds.
        #[test]
        fn words_by_bytes_as_by_chars(text in "[a-zæøåäöü' .,\u{301}\u{2019}\u{1F600}-]{0,40}") {
            let by_chars: Vec<&str> = {
                let mut found = Vec::new();
                let mut rest = text.as_str();
                while let Some(start) = rest.find(is_letter) {
                    let tail = &rest[start..];
                    let mut end = tail.len();
                    let mut chars = tail.char_indices().peekable();
                    while let Some((i, c)) = chars.next() {
                        let inner = c == '\'' && chars.peek().is_some_and(|&(_, n)| is_letter(n));
                        if !is_letter(c) && !inner {
                            end = i;
                            break;
                        }
                    }
                    found.push(&tail[..end]);
                    rest = &tail[end..];
                }
                found
            };
            let by_bytes: Vec<&str> = words(&text).collect();
            proptest::prop_assert_eq!(by_bytes, by_chars);
        }
    }

    #[test]
    fn codes_round_trip() {
        for l in Language::KNOWN.into_iter().chain([Language::Other]) {
            assert_eq!(l.code().parse::<Language>().unwrap(), l);
            assert_eq!(l.to_string(), l.code());
        }
        assert_eq!("no".parse::<Language>().unwrap(), Language::Bokmal);
        assert!("xx".parse::<Language>().is_err());
    }

    #[test]
    fn no_words_is_other() {
        assert_eq!(Language::detect(""), Language::Other);
        assert_eq!(Language::detect("123 456 !!"), Language::Other);
    }
}
