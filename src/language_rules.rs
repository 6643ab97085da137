//! What each language does to names: the genitive endings its text writes and its aliases
//! take, whether its aliases take case endings (Finnish, in [`finnish`]), and the country it is
//! at home in. One row a language in [`RULES`]; every rule that depends on the language of an
//! alias or of the text reads the table.
//!
//! Adding a language's endings: a row here (and a module beside `finnish` if it inflects
//! names with endings of its own).

pub(crate) mod finnish;

use crate::language::Language;

/// A genitive ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Genitive {
    /// `-s`: "Norges", "USAs".
    S,
    /// `:s` after an abbreviation or a vowel: "USA:s".
    ColonS,
    /// `'s`: "Amazon's", "USA's", "DR's".
    ApostropheS,
    /// `'` after s, x, z: "Paris'".
    Apostrophe,
}

/// One language's rules for names.
pub(crate) struct LanguageRules {
    /// The ISO 639 codes of aliases (`lang=`) the row is for.
    pub(crate) codes: &'static [&'static str],
    /// The language the tagger reads for them (`None`: a language of aliases only).
    pub(crate) read: Option<Language>,
    /// The genitive endings its aliases take and its text writes.
    pub(crate) genitives: &'static [Genitive],
    /// Genitive endings its text writes after foreign names only (its own names have case
    /// forms of their own, listed as aliases in the data).
    pub(crate) foreign_genitives: &'static [Genitive],
    /// Whether its aliases of companies and brands take case endings ([`finnish`]).
    pub(crate) case_endings: bool,
    /// The country it is at home in, ISO 3166-1 alpha-2.
    pub(crate) home_country: Option<&'static str>,
}

use Genitive::{Apostrophe, ApostropheS, ColonS, S};

/// The languages, one row each.
pub(crate) const RULES: [LanguageRules; 8] = [
    // "Norges", "USAs"; "USA's" and "Paris'" as writers often put them too.
    LanguageRules {
        codes: &["nb", "no"],
        read: Some(Language::Bokmal),
        genitives: &[S, ApostropheS, Apostrophe],
        foreign_genitives: &[],
        case_endings: false,
        home_country: Some("NO"),
    },
    LanguageRules {
        codes: &["nn"],
        read: Some(Language::Nynorsk),
        genitives: &[S, ApostropheS, Apostrophe],
        foreign_genitives: &[],
        case_endings: false,
        home_country: Some("NO"),
    },
    // "Danmarks"; "USA's", "DR's" after an abbreviation; "Paris'".
    LanguageRules {
        codes: &["da"],
        read: Some(Language::Danish),
        genitives: &[S, ApostropheS, Apostrophe],
        foreign_genitives: &[],
        case_endings: false,
        home_country: Some("DK"),
    },
    // "Sveriges", "USA:s"; "Amazon's" as writers often put it.
    LanguageRules {
        codes: &["sv"],
        read: Some(Language::Swedish),
        genitives: &[S, ColonS, ApostropheS],
        foreign_genitives: &[],
        case_endings: false,
        home_country: Some("SE"),
    },
    // "Nokian", "Finnairille", "H&M:ssä": case endings, no genitive of its own.
    LanguageRules {
        codes: &["fi"],
        read: Some(Language::Finnish),
        genitives: &[],
        foreign_genitives: &[],
        case_endings: true,
        home_country: Some("FI"),
    },
    // "Amazons": -s after foreign names; Icelandic names' own forms are aliases in the data.
    LanguageRules {
        codes: &["is"],
        read: Some(Language::Icelandic),
        genitives: &[],
        foreign_genitives: &[S],
        case_endings: false,
        home_country: Some("IS"),
    },
    // "Amazon's", "Paris'".
    LanguageRules {
        codes: &["en"],
        read: Some(Language::English),
        genitives: &[ApostropheS, Apostrophe],
        foreign_genitives: &[],
        case_endings: false,
        home_country: None,
    },
    // German CLDR names: "Norwegens", "USA's".
    LanguageRules {
        codes: &["de"],
        read: None,
        genitives: &[S, ApostropheS],
        foreign_genitives: &[],
        case_endings: false,
        home_country: None,
    },
];

/// The row of a language the tagger reads.
pub(crate) fn rules_of(language: Language) -> Option<&'static LanguageRules> {
    RULES.iter().find(|r| r.read == Some(language))
}

/// Whether an alias of languages `langs`, without the endings of the languages `without`
/// (`without_endings=`), has a language with `property`; an alias without languages (most
/// company and brand names) has every language's.
fn alias_has(
    langs: &[String],
    without: &[String],
    property: impl Fn(&LanguageRules) -> bool,
) -> bool {
    let named = |codes: &[&str], list: &[String]| list.iter().any(|l| codes.contains(&l.as_str()));
    RULES
        .iter()
        .filter(|r| property(r) && !named(r.codes, without))
        .any(|r| langs.is_empty() || named(r.codes, langs))
}

/// Whether an alias of languages `langs` takes case endings.
pub(crate) fn takes_case_endings(langs: &[String], without: &[String]) -> bool {
    alias_has(langs, without, |r| r.case_endings)
}

impl Genitive {
    /// Its length in bytes.
    pub(crate) fn len(self) -> usize {
        match self {
            Genitive::S | Genitive::Apostrophe => 1,
            Genitive::ColonS | Genitive::ApostropheS => 2,
        }
    }

    /// Whether text in `language` writes this ending; text of unknown language takes them all.
    pub(crate) fn read_in(self, language: Language) -> bool {
        language == Language::Other
            || rules_of(language)
                .is_some_and(|r| r.genitives.contains(&self) || r.foreign_genitives.contains(&self))
    }

    /// Whether an alias of these languages, without the endings of `without`, takes this
    /// ending.
    pub(crate) fn fits(self, langs: &[String], without: &[String]) -> bool {
        alias_has(langs, without, |r| r.genitives.contains(&self))
    }

    const ALL: [Genitive; 4] = [
        Genitive::S,
        Genitive::ColonS,
        Genitive::ApostropheS,
        Genitive::Apostrophe,
    ];
}

/// The genitive endings one alias takes, worked out once from its languages (a compiled
/// tagger asks for each candidate with an ending, and need not compare language codes then).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Genitives(u8);

impl Genitives {
    /// Those of an alias of languages `langs`, without the endings of `without`.
    pub(crate) fn of(langs: &[String], without: &[String]) -> Genitives {
        let bits = Genitive::ALL
            .iter()
            .filter(|g| g.fits(langs, without))
            .fold(0, |bits, &g| bits | 1 << g as u8);
        Genitives(bits)
    }

    /// Whether the alias takes `genitive`.
    pub(crate) fn contains(self, genitive: Genitive) -> bool {
        self.0 & 1 << genitive as u8 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_read_has_one_row() {
        for language in Language::KNOWN {
            assert_eq!(
                RULES.iter().filter(|r| r.read == Some(language)).count(),
                1,
                "{language}"
            );
        }
    }

    #[test]
    fn genitives_by_language() {
        let langs = |codes: &[&str]| codes.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let none = &[];
        assert!(S.fits(&langs(&["nb"]), none) && S.fits(&langs(&["de"]), none));
        assert!(S.fits(none, none));
        assert!(!S.fits(&langs(&["en"]), none) && !S.fits(&langs(&["fi", "is"]), none));
        assert!(ColonS.fits(&langs(&["sv"]), none) && !ColonS.fits(&langs(&["da"]), none));
        assert!(S.read_in(Language::Icelandic) && !S.fits(&langs(&["is"]), none));
        assert!(!ApostropheS.read_in(Language::Finnish) && ApostropheS.read_in(Language::Other));
        assert!(takes_case_endings(&langs(&["fi", "sv"]), none));
        assert!(!takes_case_endings(&langs(&["sv"]), none));
        // Per language: without Finnish endings, without Swedish genitives.
        let fi = langs(&["fi"]);
        assert!(!takes_case_endings(none, &fi) && !takes_case_endings(&langs(&["fi", "sv"]), &fi));
        let sv = langs(&["sv"]);
        assert!(!ColonS.fits(none, &sv) && S.fits(none, &sv) && !S.fits(&sv, &sv));
        // The set worked out once says what `fits` says.
        for (l, w) in [
            (none.to_vec(), sv.clone()),
            (langs(&["sv", "en"]), none.to_vec()),
        ] {
            let set = Genitives::of(&l, &w);
            for g in Genitive::ALL {
                assert_eq!(set.contains(g), g.fits(&l, &w), "{g:?} {l:?} without {w:?}");
            }
        }
    }
}
