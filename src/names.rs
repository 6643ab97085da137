//! Given names (`data/given_names.txt`): a capitalised word that is one, before a capitalised
//! surname, starts a person's name ("Tine Sundtoft" is not the dairy brand Tine).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::fast_hash::FastHash;

static GIVEN_NAMES: Lazy<HashSet<&'static str, FastHash>> = Lazy::new(|| {
    include_str!("../data/given_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// The given names normalised as aliases are (lowercase), for [`may_be_given_name`].
static FOLDED_GIVEN_NAMES: Lazy<HashSet<String, FastHash>> = Lazy::new(|| {
    GIVEN_NAMES
        .iter()
        .map(|name| crate::normalize::normalize(name, true))
        .collect()
});

/// Whether an alias as normalised (`folded`) is a given name of the list in some case: only
/// then may a text it matches be one ([`is_given_name`]).
pub(crate) fn may_be_given_name(folded: &str) -> bool {
    FOLDED_GIVEN_NAMES.contains(folded)
}

/// Whether `word`, as written (NFC or NFD alike), is a given name of the list.
pub(crate) fn is_given_name(word: &str) -> bool {
    if word.is_ascii() {
        return GIVEN_NAMES.contains(word);
    }
    // The list is NFC: compose the word's letters and marks as the list writes them.
    let composed = crate::normalize::normalize(word, false);
    GIVEN_NAMES.contains(composed.as_str())
}
