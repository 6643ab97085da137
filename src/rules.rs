//! Where a name may start and end: word boundaries, genitive endings and hyphen compounds.
//!
//! The rules look at the normalised text (lowercase, composed, one space for white space), so
//! they see the same letters whatever the original encoding.

use crate::normalize::is_word_char;

/// Punctuation that joins two word parts into one token when it stands between them:
/// `e24.no`, `navn@firma`, `snake_case`. A name does not start or end at such a joint.
fn is_joint(c: char) -> bool {
    matches!(c, '.' | '@' | '_')
}

/// What comes before a candidate name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// A word boundary: the name may start here.
    Free,
    /// Right after "word-": the name is the tail of a hyphen compound ("Nord-Norge").
    AfterHyphen,
    /// Inside a word or token: never a name.
    Inside,
}

pub(crate) fn start(before: &str) -> Start {
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next()) {
        (None, _) => Start::Free,
        (Some(c), _) if is_word_char(c) => Start::Inside,
        (Some('-'), Some(p)) if is_word_char(p) => Start::AfterHyphen,
        (Some(c), Some(p)) if is_joint(c) && is_word_char(p) => Start::Inside,
        _ => Start::Free,
    }
}

/// Whether a token ends right before `rest`.
fn token_ends(rest: &str) -> bool {
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(c), _) if is_word_char(c) => false,
        (Some(c), Some(n)) if (c == '-' || is_joint(c)) && is_word_char(n) => false,
        _ => true,
    }
}

/// A genitive ending, each belonging to some languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Genitive {
    /// `-s`: Norwegian, Danish, Swedish, German ("Norges", "USAs").
    S,
    /// `:s` after an abbreviation or a vowel: Swedish ("USA:s").
    ColonS,
    /// `'s`: English ("Amazon's").
    ApostropheS,
    /// `'` after s, x, z: English, and Norwegian and Danish ("Paris'").
    Apostrophe,
}

impl Genitive {
    /// Its length in bytes.
    pub(crate) fn len(self) -> usize {
        match self {
            Genitive::S | Genitive::Apostrophe => 1,
            Genitive::ColonS | Genitive::ApostropheS => 2,
        }
    }

    /// Whether an alias of these languages takes this ending; an alias without languages
    /// (most company and brand names) takes every ending.
    pub(crate) fn fits(self, langs: &[String]) -> bool {
        let has =
            |codes: &[&str]| langs.is_empty() || langs.iter().any(|l| codes.contains(&l.as_str()));
        match self {
            Genitive::S => has(&["nb", "nn", "no", "da", "sv", "de"]),
            Genitive::ColonS => has(&["sv"]),
            Genitive::ApostropheS => has(&["en"]),
            Genitive::Apostrophe => has(&["en", "nb", "nn", "no", "da"]),
        }
    }
}

/// How a candidate name ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// At a word boundary.
    Plain,
    /// With a genitive ending.
    Genitive(Genitive),
    /// Before "-word": the name is the head of a hyphen compound ("Alibaba-sjefen").
    Compound,
    /// With a web domain ending of this many bytes: "Komplett.no", "Amazon.com".
    Domain(usize),
    /// Inside a word or token.
    Inside,
}

/// Top-level domains after which a company or brand name is its web address ("Finn.no").
const DOMAINS: [&str; 14] = [
    "no", "se", "dk", "fi", "is", "fo", "gl", "ax", "nu", "eu", "de", "com", "net", "org",
];

/// The length of a ".tld" ending that closes the token, if `rest` starts with one.
fn domain(rest: &str) -> Option<usize> {
    let label = rest.strip_prefix('.')?;
    let len = label
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(label.len());
    (DOMAINS.contains(&&label[..len]) && token_ends(&label[len..])).then_some(1 + len)
}

/// Classifies the end of a name whose normalised text is `name`, followed by `rest`.
pub(crate) fn end(name: &str, rest: &str) -> End {
    let sibilant = name.ends_with(['s', 'x', 'z']);
    let name_ends_in_word = name.chars().next_back().is_some_and(is_word_char);
    if name_ends_in_word {
        if !sibilant && rest.starts_with('s') && token_ends(&rest[1..]) {
            return End::Genitive(Genitive::S);
        }
        if rest.starts_with(":s") && token_ends(&rest[2..]) {
            return End::Genitive(Genitive::ColonS);
        }
        if rest.starts_with("'s") && token_ends(&rest[2..]) {
            return End::Genitive(Genitive::ApostropheS);
        }
        if sibilant && rest.starts_with('\'') && token_ends(&rest[1..]) {
            return End::Genitive(Genitive::Apostrophe);
        }
    }
    if token_ends(rest) {
        return End::Plain;
    }
    if let Some(len) = domain(rest) {
        return End::Domain(len);
    }
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some('-'), Some(n)) if is_word_char(n) => End::Compound,
        _ => End::Inside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts() {
        for (before, want) in [
            ("", Start::Free),
            ("i ", Start::Free),
            ("(", Start::Free),
            ("«", Start::Free),
            ("Sør", Start::Inside),
            ("nord-", Start::AfterHyphen),
            ("- ", Start::Free),
            (" -", Start::Free),
            ("www.", Start::Inside),
            ("e24.", Start::Inside),
            ("slutt. ", Start::Free),
            ("usa/", Start::Free),
            ("2", Start::Inside),
            ("å", Start::Inside),
            ("a\u{308}", Start::Inside),
        ] {
            assert_eq!(start(before), want, "before {before:?}");
        }
    }

    #[test]
    fn ends() {
        for (name, rest, want) in [
            ("norge", "", End::Plain),
            ("norge", " og", End::Plain),
            ("norge", ".", End::Plain),
            ("norge", ". neste", End::Plain),
            ("norge", "s", End::Genitive(Genitive::S)),
            ("norge", "s marked", End::Genitive(Genitive::S)),
            ("usa", ":s", End::Genitive(Genitive::ColonS)),
            ("amazon", "'s ", End::Genitive(Genitive::ApostropheS)),
            ("paris", "' ", End::Genitive(Genitive::Apostrophe)),
            ("paris", "s", End::Inside),
            ("norge", "smester", End::Inside),
            ("sol", "å", End::Inside),
            ("alibaba", "-sjefen", End::Compound),
            ("alibaba", "-", End::Plain),
            ("alibaba", "- og", End::Plain),
            ("dagbladet", ".no", End::Domain(3)),
            ("dagbladet", ".no/sport", End::Domain(3)),
            ("dagbladet", ".nox", End::Inside),
            ("amazon", ".com.", End::Domain(4)),
            ("komplett", ".nos", End::Inside),
            ("komplett", ".xyz", End::Inside),
            ("tele2", "0", End::Inside),
            ("norge", "'", End::Plain),
            ("h&m", "s", End::Genitive(Genitive::S)),
            ("a/s", "s", End::Inside),
        ] {
            assert_eq!(end(name, rest), want, "{name:?} + {rest:?}");
        }
    }
}
