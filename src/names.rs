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

/// Whether `word`, as written, is a given name of the list.
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.binary_search(&word).is_ok()
}
