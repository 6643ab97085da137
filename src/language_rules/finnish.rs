//! Finnish: the case endings of the singular and plural that the tagger reads after a company
//! or brand name ("Nokian", "Finnairille", "H&M:ssä", "Alkot", "Prismoissa"), and the list of
//! them the data build's audit reads ([`endings`], printed by `examples/finnish_endings.rs`).

use crate::normalize::{is_letter, is_word_char};
use crate::rules::{token_ends, End};

/// Finnish case endings of the singular, in both vowel-harmony forms: genitive, inessive,
/// elative, adessive, ablative, allative, translative, essive and partitive.
const FI_CASES: [&str; 17] = [
    "n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "na", "nä", "a",
    "ä", "ta", "tä",
];

/// Clitics that may close a Finnish word form: "Nokiakin", "Nokiallakaan".
const FI_CLITICS: [&str; 3] = ["kin", "kaan", "kään"];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö')
}

/// Whether `word` is a Finnish case ending, with an optional clitic. `vowel` is the vowel the
/// illative repeats ("Nokia" + "an"); `None` accepts any vowel and the -hVn and -seen
/// illatives, as after a colon ("USA:han", "EU:hun").
fn is_case_ending(word: &str, vowel: Option<char>) -> bool {
    let bare = FI_CLITICS
        .iter()
        .find_map(|clitic| word.strip_suffix(clitic))
        .unwrap_or(word);
    if bare.is_empty() {
        return true; // a clitic alone: "Nokiakin"
    }
    if FI_CASES.contains(&bare) {
        return true;
    }
    // The remaining endings have at most four letters.
    let mut chars = ['\0'; 4];
    let mut n = 0;
    for c in bare.chars() {
        if n == chars.len() {
            return false;
        }
        chars[n] = c;
        n += 1;
    }
    let repeats = |v: char| is_vowel(v) && vowel.is_none_or(|w| w == v);
    let after_colon = vowel.is_none();
    match chars[..n] {
        [v, 'n'] => repeats(v),
        // After a colon: the partitive and illative of a long vowel ("H&M:ää", "H&M:ään") and
        // the -hVn illative ("USA:han").
        [v, w] if after_colon && v == w => is_vowel(v),
        [v, w, 'n'] if after_colon && v == w => is_vowel(v),
        ['h', v, 'n'] if after_colon => is_vowel(v),
        ['s', 'e', 'e', 'n'] => after_colon,
        _ => false,
    }
}

/// The length in bytes of a Finnish case ending after `name` at the start of `rest`, if the
/// token ends there. Finnish joins the ending straight to a name that ends in a vowel
/// ("Nokian", "Volvoon"), with -i- to one that ends in a consonant ("Finnairin",
/// "Amazonille"), and with a colon to an abbreviation or an apostrophe to a name whose last
/// letter is silent ("USA:ssa", "Renault'n").
pub(crate) fn case(name: &str, rest: &str) -> Option<usize> {
    let last = name.chars().next_back()?;
    let (joint, body) = match rest.chars().next()? {
        ':' | '\'' => (1, &rest[1..]),
        _ => (0, rest),
    };
    let word = ending_word(body, FI_CASE_MAX)?;
    case_fits(last, joint, word).then_some(joint + word.len())
}

/// The longest case ending, -i- and clitic included ("issäkään"), has 8 letters.
const FI_CASE_MAX: usize = 8;

/// [`case`] and then [`plural`], with the word after the name read once: the ending of `rest`
/// after `name` as an [`End::Case`] or [`End::Plural`], if it is one.
pub(crate) fn case_or_plural(name: &str, rest: &str) -> Option<End> {
    if rest.starts_with([':', '\'']) {
        return case(name, rest).map(End::Case);
    }
    let last = name.chars().next_back()?;
    // Most names that reach here end inside a word ("Eq" + "uinor", "Isl" + "and"): its first
    // letter tells most of them, before the word is read.
    if rest
        .as_bytes()
        .first()
        .is_some_and(|&b| !may_start_ending(b, is_vowel(last)))
    {
        return None;
    }
    let word = ending_word(rest, FI_CASE_MAX.max(FI_PLURAL_MAX))?;
    let short = word.chars().nth(FI_CASE_MAX).is_none();
    if short && case_fits(last, 0, word) {
        Some(End::Case(word.len()))
    } else if is_plural_ending(word, last) {
        Some(End::Plural(word.len()))
    } else {
        None
    }
}

/// Whether a case or plural ending joined straight to a name may start with byte `b`: any
/// byte outside ASCII (ä, ö); after a vowel the first letters of the cases, clitics and
/// plurals ([`FI_CASES`], [`FI_CLITICS`], the illative's repeated vowel, [`FI_PLURAL`], the
/// nominative -t and genitive -en); after anything else the -i- of a case, the -e- and -i- of
/// a plural and a clitic's k. (Tested against the endings themselves.)
fn may_start_ending(b: u8, after_vowel: bool) -> bool {
    let letters: &[u8] = if after_vowel { b"aeijklnostuy" } else { b"eik" };
    !b.is_ascii() || letters.contains(&b)
}

/// Whether `word` (the letters of a token after a name ending in `last`, after a colon or
/// apostrophe if `joint` is 1) is a case ending the name takes.
fn case_fits(last: char, joint: usize, word: &str) -> bool {
    if FI_CLITICS.contains(&word) {
        true
    } else if joint == 1 {
        is_case_ending(word, None)
            || word
                .strip_prefix('i')
                .is_some_and(|w| is_case_ending(w, Some('i')))
    } else if is_vowel(last) {
        is_case_ending(word, Some(last))
    } else if is_letter(last) {
        word.strip_prefix('i')
            .is_some_and(|w| !w.is_empty() && is_case_ending(w, Some('i')))
    } else {
        false
    }
}

/// Finnish plural endings after a vowel that the plural -i- keeps (o, u, y, ö, e, and the o, ö
/// or e of a plural stem), in both vowel-harmony forms: partitive (-ja for two syllables, -ita
/// for more), inessive, elative, adessive, ablative, allative, illative and genitive (-jen,
/// -iden). The nominative plural -t joins the name as written.
const FI_PLURAL: [&str; 16] = [
    "ja", "jä", "ita", "itä", "issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä",
    "ille", "ihin", "jen", "iden",
];

/// Finnish plural endings on a stem whose last vowel the plural -i- replaces ("Pum" + "issa"):
/// partitive, the local cases, illative and genitive.
const FI_PLURAL_DROPPED: [&str; 13] = [
    "ia", "iä", "issa", "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille", "iin",
    "ien",
];

/// The most letters a plural ending has, clitic included ("eissäkään", "oidenkaan").
const FI_PLURAL_MAX: usize = 9;

/// How the last vowel of a name changes before the Finnish plural -i-, when its plural forms
/// no longer start with the name as written. The tagger matches such a name's plural forms on
/// the name without its last letter (the stem pattern) followed by the ending of the stem.
///
/// The rule, on the last word of the name (letters only, no gradation: "Kauppa" ->
/// "Kaupoissa" is not made):
/// - a -> o after a vowel (Nokia -> Nokioita, Ikea -> Ikeoissa), in two syllables whose first
///   vowel is a, e or i (Prisma -> Prismoissa, Prismoja) and in longer words (Alepa ->
///   Alepoissa); in two syllables whose first vowel is o or u the plural i replaces it (Puma ->
///   Pumia, Pumissa);
/// - ä -> ö after a vowel and in longer words (Wärtsilä -> Wärtsilöissä); in two syllables
///   the plural i replaces it (Kesä -> Kesiä);
/// - i -> e after a consonant (Tokmanni -> Tokmanneissa, Tokmanneja; the genitive Tokmannien
///   keeps it, as written);
/// - o, u, y, ö and e keep (Alko -> Alkoissa, Alkoja): their plural forms start with the name,
///   as do those of a name ending in a consonant, which takes -e- before the plural i (Lidl ->
///   Lidleissä, Lidlejä; Lidlit, Lidlien). So does every nominative plural (Prismat, Alkot).
///
/// A long vowel at the end, a diphthong in -i, or a name of fewer than four letters (last word
/// fewer than three) has no plural stem: its plural forms are too irregular or too short to
/// tell from other words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PluralStem {
    /// The last vowel becomes this one (o, ö or e) before the plural endings of [`FI_PLURAL`].
    Vowel(char),
    /// The plural i replaces the last vowel ([`FI_PLURAL_DROPPED`]).
    Dropped,
}

/// The plural stem of a name (normalised, lowercase), if its last vowel changes in the plural;
/// see [`PluralStem`].
pub(crate) fn plural_stem(name: &str) -> Option<PluralStem> {
    let word = name.rsplit([' ', '-']).next()?;
    if name.chars().count() < 4 || word.chars().count() < 3 || !word.chars().all(is_letter) {
        return None;
    }
    let mut rev = word.chars().rev();
    let (last, before) = (rev.next()?, rev.next()?);
    if is_vowel(before) && (before == last || last == 'i') {
        return None; // a long vowel ("Maa") or a diphthong ("Bonsai")
    }
    let mut syllables = 0;
    let mut prev_vowel = false;
    for c in word.chars() {
        let vowel = is_vowel(c);
        syllables += usize::from(vowel && !prev_vowel);
        prev_vowel = vowel;
    }
    let two_syllables = syllables == 2 && !is_vowel(before);
    let first_vowel = word.chars().find(|&c| is_vowel(c));
    match last {
        'a' if two_syllables && matches!(first_vowel, Some('o' | 'u')) => Some(PluralStem::Dropped),
        'a' => Some(PluralStem::Vowel('o')),
        'ä' if two_syllables => Some(PluralStem::Dropped),
        'ä' => Some(PluralStem::Vowel('ö')),
        'i' => Some(PluralStem::Vowel('e')),
        _ => None,
    }
}

/// The letters of an ending at the start of `rest` (after any joint), up to the end of the
/// token, if it has at most `max` letters and the token ends there.
fn ending_word(rest: &str, max: usize) -> Option<&str> {
    // Most words are ASCII up to an ASCII byte: bytes tell. (Most candidates that reach here
    // end inside a word that takes no ending: "Eq" in "Equinor".)
    let ascii_len = rest
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if rest
        .as_bytes()
        .get(ascii_len)
        .is_some_and(|b| !b.is_ascii())
    {
        return ending_word_by_chars(rest, max);
    }
    let word = &rest[..ascii_len];
    (!word.is_empty()
        && word.len() <= max
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && token_ends(&rest[ascii_len..]))
    .then_some(word)
}

/// [`ending_word`] for any text, char by char.
fn ending_word_by_chars(rest: &str, max: usize) -> Option<&str> {
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let word = &rest[..len];
    (!word.is_empty()
        && word.chars().nth(max).is_none()
        && word.chars().all(is_letter)
        && token_ends(&rest[len..]))
    .then_some(word)
}

/// `word` without a closing clitic ("Alkoissakin").
fn strip_clitic(word: &str) -> &str {
    FI_CLITICS
        .iter()
        .find_map(|clitic| word.strip_suffix(clitic))
        .unwrap_or(word)
}

/// Whether `word` is a Finnish plural ending, with an optional clitic, joined straight to a
/// name whose last letter is `last`: the nominative -t after a vowel ("Alkot", "Prismat"); after
/// o, u, y, ö and e the other plural endings ("Alkoissa"); after i the genitive -en
/// ("Tokmannien"); after a consonant -it, -ien and -e- + the other endings ("Lidlit", "Lidlien",
/// "Lidleissä"). Other plural forms of names in a, ä and i are read on their plural stem.
fn is_plural_ending(word: &str, last: char) -> bool {
    let bare = strip_clitic(word);
    if is_vowel(last) {
        bare == "t"
            || (matches!(last, 'o' | 'u' | 'y' | 'ö' | 'e') && FI_PLURAL.contains(&bare))
            || (last == 'i' && bare == "en")
    } else {
        is_letter(last)
            && (bare == "it"
                || bare == "ien"
                || bare
                    .strip_prefix('e')
                    .is_some_and(|b| FI_PLURAL.contains(&b)))
    }
}

/// The length in bytes of a Finnish plural ending joined straight to `name` at the start of
/// `rest`, if the token ends there (see [`is_plural_ending`]).
pub(crate) fn plural(name: &str, rest: &str) -> Option<usize> {
    let last = name.chars().next_back()?;
    let word = ending_word(rest, FI_PLURAL_MAX)?;
    is_plural_ending(word, last).then_some(word.len())
}

/// How a name's plural stem (the name without its last letter, see [`PluralStem`]) ends when
/// followed by `rest`: [`End::Plural`] with the ending's length if a plural ending of that stem
/// closes the token there ("Prism" + "oissa", "Pum" + "ia", "Tokmann" + "eissa"), else
/// [`End::Inside`].
pub(crate) fn plural_stem_end(stem: PluralStem, rest: &str) -> End {
    let Some(word) = ending_word(rest, FI_PLURAL_MAX) else {
        return End::Inside;
    };
    let bare = strip_clitic(word);
    let fits = match stem {
        PluralStem::Vowel(v) => bare.strip_prefix(v).is_some_and(|b| FI_PLURAL.contains(&b)),
        PluralStem::Dropped => FI_PLURAL_DROPPED.contains(&bare),
    };
    if fits {
        End::Plural(word.len())
    } else {
        End::Inside
    }
}

/// Whether the tagger reads `ending` joined straight to the alias `name` (normalised,
/// lowercase) as a Finnish case ending: one of the singular or plural, or, written with a
/// leading `-`, a plural ending on the alias's plural stem (`-oissa` on Prisma: "Prismoissa").
/// This is how the `word_endings=` and `blocked_endings=` alias attributes write endings.
pub(crate) fn reads_case_ending(name: &str, ending: &str) -> bool {
    if let Some(stem_ending) = ending.strip_prefix('-') {
        return plural_stem(name).is_some_and(|stem| {
            plural_stem_end(stem, stem_ending) == End::Plural(stem_ending.len())
        });
    }
    !ending.starts_with([':', '\''])
        && (case(name, ending) == Some(ending.len()) || plural(name, ending) == Some(ending.len()))
}

/// Every Finnish case ending the tagger reads joined straight to the one-word name `word`, as
/// the `word_endings=` and `blocked_endings=` alias attributes write them, in a fixed order:
/// the singular endings (with the joining -i- after a consonant: "in", "issa"), the illative
/// and the clitic -kin, then the plural endings ([`plural_endings`]). Empty for a word that
/// does not end in a letter.
///
/// The data build's audit reads this list (printed by `examples/finnish_endings.rs`) to find
/// the forms of a name that are other words, so that it and the tagger share one definition.
///
/// ```
/// let endings = nordic_ner::finnish_case_endings("Prisma");
/// assert_eq!(endings[..3], ["n", "ssa", "ssä"]);
/// assert!(endings.iter().any(|e| e == "-oissa")); // "Prismoissa"
/// ```
pub fn endings(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let Some(last) = w.chars().next_back() else {
        return Vec::new();
    };
    let mut out: Vec<String> = if is_vowel(last) {
        FI_CASES
            .iter()
            .map(|e| e.to_string())
            .chain([format!("{last}n"), "kin".into()])
            .collect()
    } else if is_letter(last) {
        FI_CASES
            .iter()
            .map(|e| format!("i{e}"))
            .chain(["iin".into(), "kin".into()])
            .collect()
    } else {
        return Vec::new();
    };
    for e in plural_endings(&w) {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// The plural endings of [`endings`]: on the name ("t", "issa" after o, u, y, ö, e; "it",
/// "ien", "eissa" after a consonant), then on its plural stem with a leading `-` ("-oissa" on
/// Prisma).
///
/// ```
/// assert_eq!(nordic_ner::finnish_plural_endings("Lidl")[..3], ["it", "ien", "eja"]);
/// ```
pub fn plural_endings(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let Some(last) = w.chars().next_back() else {
        return Vec::new();
    };
    let mut out: Vec<String> = if is_vowel(last) {
        let kept: &[&str] = match last {
            'o' | 'u' | 'y' | 'ö' | 'e' => &FI_PLURAL,
            'i' => &["en"],
            _ => &[],
        };
        std::iter::once("t")
            .chain(kept.iter().copied())
            .map(String::from)
            .collect()
    } else if is_letter(last) {
        ["it".to_string(), "ien".to_string()]
            .into_iter()
            .chain(FI_PLURAL.iter().map(|e| format!("e{e}")))
            .collect()
    } else {
        return Vec::new();
    };
    match plural_stem(&w) {
        Some(PluralStem::Vowel(v)) => out.extend(FI_PLURAL.iter().map(|e| format!("-{v}{e}"))),
        Some(PluralStem::Dropped) => out.extend(FI_PLURAL_DROPPED.iter().map(|e| format!("-{e}"))),
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Reading the word after a name once gives what `case` and then `plural` give.
        #[test]
        fn case_or_plural_as_case_then_plural(
            name in "[a-zäöå]{1,4}|usa|3m",
            rest in "[:']?[a-zäöå]{0,11}( .*)?|[:']?[aeinostlhäöujkd]{0,11}( .*)?",
        ) {
            let apart = case(&name, &rest)
                .map(End::Case)
                .or_else(|| plural(&name, &rest).map(End::Plural));
            proptest::prop_assert_eq!(case_or_plural(&name, &rest), apart);
        }
    }

    /// The first letters `case_or_plural` turns away at once start no ending it would read:
    /// every word of up to three letters, and every listed ending with its -i- or -e- and a
    /// clitic, after names ending in each kind of letter.
    #[test]
    fn first_letters_turned_away_start_no_ending() {
        let alphabet: Vec<String> = ('a'..='z')
            .chain(['ä', 'ö', 'å'])
            .map(String::from)
            .collect();
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        let listed = FI_CASES.iter().chain(&FI_PLURAL).chain(&FI_PLURAL_DROPPED);
        for ending in listed.chain(&["t", "en", "it", "ien", "hin", "seen", "an", "ään"]) {
            for joint in ["", "i", "e"] {
                for clitic in ["", "kin", "kaan", "kään"] {
                    words.push(format!("{joint}{ending}{clitic}"));
                }
            }
        }
        for name in [
            "nokia", "alko", "kesä", "tokmanni", "lidl", "usa", "ikea", "3m", "h&m",
        ] {
            let last = name.chars().next_back().unwrap();
            for word in &words {
                let Some(&b) = word.as_bytes().first() else {
                    continue;
                };
                if may_start_ending(b, is_vowel(last)) {
                    continue;
                }
                let rest = format!("{word} x");
                let read = case(name, &rest)
                    .map(End::Case)
                    .or_else(|| plural(name, &rest).map(End::Plural));
                assert_eq!(read, None, "{name} + {word}");
                assert_eq!(case_or_plural(name, &rest), None, "{name} + {word}");
            }
        }
    }

    #[test]
    fn ending_word_reads_ascii_bytes_as_its_chars() {
        for rest in [
            "",
            "n",
            "ssa",
            "ssä",
            "uinor Finland",
            "n.",
            "n-sjef",
            "n2",
            "ista!",
            "issäkään",
            "issäkäänx",
            "abcdefgh",
            "abcdefghi",
            "abcdefghij",
            "ssa\u{308}",
            "sså ",
            "na.no",
            "llä,",
            "t:n",
            "ÄÄ",
            "a\u{a0}b",
        ] {
            for max in [1, 8, FI_PLURAL_MAX] {
                assert_eq!(
                    ending_word(rest, max),
                    ending_word_by_chars(rest, max),
                    "{rest:?} {max}"
                );
            }
        }
    }

    /// The list and the recogniser agree: every ending listed is one the tagger reads.
    #[test]
    fn every_listed_ending_is_read() {
        for word in [
            "nokia",
            "prisma",
            "puma",
            "wärtsilä",
            "kesä",
            "tokmanni",
            "alko",
            "lidl",
            "kone",
            "h&m",
            "sas",
        ] {
            for ending in endings(word) {
                assert!(reads_case_ending(word, &ending), "{word} + {ending}");
            }
        }
        assert_eq!(endings("prisma")[..3], ["n", "ssa", "ssä"]);
        assert!(endings("prisma").contains(&"-oissa".to_string()));
        assert!(endings("lidl").contains(&"eissa".to_string()));
        assert!(endings("3").is_empty());
    }
}
