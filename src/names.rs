//! Given names (`data/given_names.txt`): a capitalised word that is one, before a capitalised
//! surname, starts a person's name ("Tine Sundtoft" is not the dairy brand Tine).

use once_cell::sync::Lazy;

static GIVEN_NAMES: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let mut names: Vec<&str> = include_str!("../data/given_names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    names.sort_unstable();
    names
});

/// Whether `word`, as written (NFC or NFD alike), is a given name of the list.
pub(crate) fn is_given_name(word: &str) -> bool {
    if word.is_ascii() {
        return GIVEN_NAMES.binary_search(&word).is_ok();
    }
    // The list is NFC: compose the word's letters and marks as the list writes them.
    let composed = crate::normalize::normalize(word, false);
    GIVEN_NAMES.binary_search(&composed.as_str()).is_ok()
}
