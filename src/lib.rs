//! Finds and links named entities in Nordic news text: companies, brands, countries and
//! regions, in Norwegian (Bokmål and Nynorsk), Swedish, Danish, Finnish, Icelandic and English.
//!
//! Each [`Mention`] has UTF-8 byte offsets and Unicode char offsets into the original text,
//! the entity's stable id (a checked Wikidata id, `iso:NO` for countries), its [`Kind`] and
//! canonical name, and how the name matched ([`Form`], [`CaseMatch`]).
//!
//! ```
//! let text = "Alibaba satser i Norden, og H&M og Fjällräven selger i Kina.";
//! let found: Vec<(&str, &str)> = nordic_ner::tag(text)
//!     .iter()
//!     .map(|m| (&text[m.span().range()], m.kind().as_str()))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [("Alibaba", "company"), ("Norden", "region"), ("H&M", "company"),
//!      ("Fjällräven", "brand"), ("Kina", "country")]
//! );
//! ```
//!
//! # How it works
//!
//! Data flows through one module a stage:
//!
//! 1. **Data files** (`data/*.tsv`, format in [`gazetteer_format`]): built from CLDR, the
//!    name-suggestion-index and listed-company data by committed scripts, embedded in the crate.
//! 2. **[`Gazetteer`]**: the parsed, validated [`Entity`] records. [`Gazetteer::builtin`] holds
//!    the embedded data; [`GazetteerBuilder`] adds users' files, readers and code.
//! 3. **[`Tagger`]**: every alias, normalised (Unicode lowercase, composed, white space runs as
//!    one space), compiled into one Aho-Corasick automaton, walked anchored from each place a
//!    name may start; rules then check each candidate.
//! 4. **[`Mention`]s**: the candidates that pass, leftmost-longest and non-overlapping, with
//!    byte, char and UTF-16 offsets.
//! 5. **[`output`] formats**: displaCy documents, IOB2 tags and CoNLL columns, HTML pages;
//!    `evaluate` (feature `evaluate`) scores a tagger against annotated corpora (CoNLL-U,
//!    IOB2).
//!
//! # Your own data
//!
//! Gazetteer files are plain text (format in [`gazetteer_format`]); add them to the builtin data
//! and choose what the tagger finds:
//!
//! ```
//! use nordic_ner::{Form, Gazetteer, Kind, Tagger};
//!
//! let gazetteer = Gazetteer::builder()
//!     .add_builtin()?
//!     .add_text("mine.tsv", "user:fjordbyen\tcompany\tFjordbyen Eiendom\n\tFjordbyen\tcase=exact\n")?
//!     .build();
//! let tagger = Tagger::builder()
//!     .kinds([Kind::Company, Kind::Brand])
//!     .compounds(false)
//!     .build(&gazetteer)?;
//! let mentions = tagger.tag("Fjordbyen-sjefen møtte Fjordbyens styre og Equinor i Norge.");
//! let found: Vec<&str> = mentions.iter().map(|m| m.text()).collect();
//! assert_eq!(found, ["Fjordbyens", "Equinor"]);
//! assert_eq!(mentions[0].form(), Form::Genitive);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A file can declare kinds of its own (`@kind<TAB>person`) and attributes of its own (`x-`
//! keys); the builder edits the builtin data (remove, replace, keep by a predicate); and a
//! mention whose alias stands for several entities lists the others as its alternatives:
//!
//! ```
//! use nordic_ner::{Gazetteer, Kind, Tagger};
//!
//! let mine = "@kind\tperson\nuser:ola\tperson\tOla Nordmann\tx-role=CEO\n\tNordmann\tcase=exact\n";
//! let gazetteer = Gazetteer::builder()
//!     .add_builtin()?
//!     .add_text("people.tsv", mine)?
//!     .remove("iso:SE")? // an edit of the builtin data: no Sweden
//!     .build();
//! let tagger = Tagger::new(&gazetteer)?;
//! let found = tagger.tag("Nordmann leder Gyldendal i Sverige og Norge.");
//! let seen: Vec<(&str, &str)> = found.iter().map(|m| (m.text(), m.kind().as_str())).collect();
//! assert_eq!(seen, [("Nordmann", "person"), ("Gyldendal", "company"), ("Norge", "country")]);
//! assert_eq!(found[0].kind(), Kind::custom("person")?);
//! assert_eq!(found[0].attribute("x-role"), Some("CEO"));
//! // Two publishers are called Gyldendal: the Norwegian one in a Norwegian sentence, and the
//! // Danish one as the alternative.
//! assert_eq!(found[1].id().as_str(), "isin:NO0004288200");
//! assert_eq!(found[1].alternatives()[0].id.as_str(), "isin:DK0010247527");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Languages
//!
//! A word of one language is often a name in another (Finnish "asia" is "matter", not Asia),
//! so the tagger reads the language of each sentence ([`Language`], [`Language::detect`]): a
//! word-frequency model of Norwegian Bokmål and Nynorsk, Danish, Swedish, Finnish, Icelandic and
//! English, plus seven neighbouring languages read as [`Language::Other`]. A sentence is read
//! only where a rule depends on its language or a mention is found in it, and at most 300
//! bytes each side of the name; one the model is unsure of takes the language of the sentences
//! read before it (the nearest counting most), and a headline of two words with nothing before
//! it stays [`Language::Other`], where every rule applies as for text of unknown language.
//! [`Mention::language`] tells what was read; [`TaggerBuilder::language`] fixes it.
//!
//! ```
//! use nordic_ner::Language;
//!
//! let text = "Asia on nyt selvä: Aasian markkinat kasvavat. In English, Asia is a continent.";
//! let m = nordic_ner::tag(text);
//! assert_eq!(m.len(), 2);
//! assert_eq!((m[0].text(), m[0].language()), ("Aasian", Language::Finnish));
//! assert_eq!((m[1].text(), m[1].language()), ("Asia", Language::English));
//! ```
//!
//! # Matching rules
//!
//! - Whole words only, with Unicode letters and digits: "Sol" is not in "Solå", and a name
//!   right after "word-" is the tail of a compound ("Nord-Norge" is not Norway), unless the
//!   whole compound is a name ("Sør-Afrika").
//! - A name right after a capitalised word inside a sentence is the tail of a longer name
//!   ("TV Norge", "Hotel Føroyar", "Euro Disney"), and one after a given name and an initial is
//!   a surname ("Henrik S. Nissen"). Sentence starts, genitives ("Putins Russland"), English
//!   months, weekdays and nationality adjectives ("Swedish Volvo") and title-case lines do not
//!   count.
//! - Case-insensitive, except aliases marked [`CaseRule::Exact`] because they are also ordinary
//!   words ("Komplett" the company, not "komplett" the adjective).
//! - Genitives are mentions spanning the ending: "Norges", "USAs", "USA:s", "USA's",
//!   "Amazon's", "Paris'". A name heading a compound ("Alibaba-sjefen") is a mention of the name alone,
//!   unless the compound goes on with a capital ("Europa-Cup" is a name of its own) and is not
//!   a pair of names ("Norge-Sverige").
//! - Finnish case forms of company and brand names are mentions spanning the ending: "Nokian",
//!   "Finnairille", "SAS:n", "H&M:ssä", and in the plural "Alkot", "Lidleissä", "Prismoissa"
//!   ([`Form::Inflected`]); the name must be capitalised.
//!   Finnish and Icelandic forms of countries ("Norjassa", "Noregi") are aliases in the data.
//! - The language read decides the endings: Finnish case endings in Finnish text, the `-s`
//!   genitive in Scandinavian and Icelandic text, `:s` in Swedish, `'s` in English and
//!   Scandinavian text (text of unknown language takes them all).
//! - An alias that is an ordinary word of the language read is the word there unless the
//!   context makes it a name ([`TaggerBuilder::ordinary_words`]): lowercase it is the word
//!   ("oman", own), and a common word is the word at a sentence start or in a line in capitals,
//!   where a capital says nothing ("Asia on selvä"); the alias stays a name in other languages
//!   ("Asia" in English) and where it is that language's own name for the entity ("Suomen" at a
//!   sentence start). "Mielessä" at a Finnish sentence start is "in mind", not Miele's. In
//!   English, a nationality adjective before a noun is no name ("Norwegian authorities").
//! - Names are read whole ([`TaggerBuilder::whole_names`]): "Equinor ASA" is one mention; a
//!   company followed by more of a longer name is one mention of the whole name linked to the
//!   company ([`Form::Part`]: "Google Flights", "Telenor Danmark", which is no mention of Denmark);
//!   a country inside a longer name is none ("Norway Cup", "Bank of Finland", "Euroopan
//!   komissio"); a given name before a surname is a person ("Tine Sundtoft", "Chad Smith").
//! - A company's or brand's web address is a mention of it: "Komplett.no", "Amazon.com",
//!   "www.dagbladet.no".
//! - Multi-word names match across any white space; NFC and NFD text give the same mentions.
//!
//! # Time and memory
//!
//! Tagging takes time linear in the text, whatever the text: the scan walks the alias trie
//! from each position where a name may start (after a character that is not a letter, digit
//! or mark) for at most the longest alias's length, and every rule reads a bounded stretch
//! around a candidate (a line of at most 300 bytes for the title-case test, read once a line;
//! 300 bytes each side for a sentence's language, read once a sentence; at most 3 capitalised
//! words after a name; a quoted title of at most 80 bytes). Long lines, runs of one character,
//! names one after another and random Unicode all stay linear (`examples/adversarial.rs`
//! measures them at 1, 10 and 100 MB).
//!
//! Memory: [`Tagger::tag`] holds the normalised text (about the size of the input), a map back
//! to the original offsets that records only where the two diverge, and the mentions.
//! [`Tagger::tag_reader`] tags an [`std::io::Read`] a window at a time, so memory stays
//! bounded (a few megabytes besides the tagger) on input of any length.
//!
//! # Features
//!
//! | feature | what it adds |
//! |---|---|
//! | `serde` | `Serialize` and `Deserialize` for [`Mention`], [`Entity`], [`Kind`] and the other data types |
//! | `evaluate` | the `evaluate` module: scores a tagger against annotated corpora (NorNE CoNLL-U, Universal NER IOB2), as `score.py` does |
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// A loading error names file, line, column and the problem (136 bytes): it is returned once, when
// a file is wrong, never on a hot path, and boxing it would make users match through a box.
#![allow(clippy::result_large_err)]

mod builtin;
mod entity;
mod error;
#[cfg(feature = "evaluate")]
pub mod evaluate;
mod fast_hash;
mod format;
mod gazetteer;
mod kind;
mod language;
mod language_rules;
mod mention;
mod names;
mod normalize;
pub mod output;

/// The gazetteer file format, as `data/FORMAT.md` writes it (a page of documentation, no items).
#[doc = include_str!("../data/FORMAT.md")]
pub mod gazetteer_format {}
mod rules;
mod scan;
mod stream;
mod swar;
mod tagger;
mod unicode_tables;

pub use entity::{Alias, CaseRule, Entity, EntityId, Provenance, WordIn};
pub use error::{BuildError, GazetteerError, Location, Problem};
pub use gazetteer::{Gazetteer, GazetteerBuilder, OnDuplicate, SharedAlias};
pub use kind::{CustomKind, Kind};
pub use language::Language;
pub use language_rules::finnish::{
    endings as finnish_case_endings, plural_endings as finnish_plural_endings,
};
pub use mention::{Alternative, CaseMatch, Form, Mention, Span};
pub use stream::{Mentions, ReaderMentions};
pub use tagger::{Tagger, TaggerBuilder};

/// Tags `text` with the default tagger over the embedded gazetteers.
///
/// The tagger is compiled on the first call (tens of milliseconds) and shared by all threads.
///
/// ```
/// let mentions = nordic_ner::tag("Norges eksport til Sverige");
/// assert_eq!(mentions[0].id().as_str(), "iso:NO");
/// assert_eq!(mentions[0].text(), "Norges");
/// assert_eq!(mentions[1].name(), "Sweden");
/// ```
#[must_use]
pub fn tag(text: &str) -> Vec<Mention> {
    Tagger::builtin().tag(text)
}

/// The form in which the tagger compares text with aliases: Unicode lowercase, combining
/// marks composed, each run of white space as one space, typographic apostrophes and
/// hyphens unified, soft hyphens dropped, leading and trailing white space trimmed.
///
/// Two strings with the same fold match the same aliases (case rules aside).
///
/// ```
/// assert_eq!(nordic_ner::fold("  Fja\u{308}llra\u{308}ven\u{a0}AB "), "fjällräven ab");
/// assert_eq!(nordic_ner::fold("Amazon\u{2019}s"), "amazon's");
/// ```
#[must_use]
pub fn fold(text: &str) -> String {
    normalize::normalize(text, true)
}

/// Whether the tagger reads `ending`, the rest of a token after the folded name `name`, as an
/// ending of the name: with `finnish`, a Finnish case or plural ending joined to it ("nokia" +
/// "n", "finnair" + "ille", "sas" + ":n", "alko" + "issa"; text read as Finnish takes these),
/// otherwise a genitive ("norge" + "s", "usa" + ":s", "paris" + "'"). For tools that explain
/// what the tagger found or missed; the tagger's other conditions (a capital, the alias's
/// languages and attributes) are not tested. Plural forms on a changed stem ("prism" +
/// "oissa") are matched on the stem, not on the name, and are not read here.
///
/// ```
/// assert!(nordic_ner::is_name_ending("nokia", "n", true));
/// assert!(nordic_ner::is_name_ending("finnair", "ille", true));
/// assert!(nordic_ner::is_name_ending("norge", "s", false));
/// assert!(!nordic_ner::is_name_ending("paris", "s", false));
/// assert!(!nordic_ner::is_name_ending("nokia", "n", false));
/// ```
#[must_use]
pub fn is_name_ending(name: &str, ending: &str, finnish: bool) -> bool {
    match rules::end(name, ending) {
        rules::End::Genitive(g) => !finnish && g.len() == ending.len(),
        rules::End::Case(n) | rules::End::Plural(n) => finnish && n == ending.len(),
        _ => false,
    }
}

// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
