//! Errors: loading gazetteers (what is wrong, where) and compiling taggers.

use std::fmt;
use std::path::PathBuf;

/// What is wrong with one record of gazetteer data.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// A line has fewer fields than its record needs.
    #[error("missing column: {0}")]
    MissingColumn(&'static str),
    /// A gazetteer file uses a kind that is neither builtin (company, brand, country, region)
    /// nor declared above it with a `@kind` line.
    #[error("unknown kind {0:?} (expected {builtin}, or a kind of your own declared above with a line `@kind<TAB>{0}`)", builtin = crate::kind::builtin_names())]
    UnknownKind(String),
    /// A user's kind's name is not 1 to 40 ASCII lowercase letters, digits, `_` or `-`
    /// starting with a letter.
    #[error("bad kind name {0:?} (1 to 40 of a-z, 0-9, _ and -, starting with a letter)")]
    BadKindName(String),
    /// A line starts with `@` (reserved for directives) but is not `@kind`.
    #[error("unknown directive {0:?} (ids cannot start with @; the one directive is @kind)")]
    UnknownDirective(String),
    /// More distinct names of users' kinds than a process keeps.
    #[error("more than {0} kinds of your own")]
    TooManyKinds(usize),
    /// An id is empty or contains white space.
    #[error("bad id {0:?} (must be non-empty, without white space)")]
    BadId(String),
    /// An entity's canonical name is empty.
    #[error("empty canonical name")]
    EmptyName,
    /// An alias is empty or only white space.
    #[error("empty alias")]
    EmptyAlias,
    /// An alias line comes before any entity line.
    #[error("alias line before any entity line")]
    AliasBeforeEntity,
    /// Two entities share an id.
    #[error("duplicate id {id:?} (first defined at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first defined.
        first: Location,
    },
    /// No entity has this id (an edit of the gazetteer names one that is not there).
    #[error("no entity has the id {0:?}")]
    UnknownId(String),
    /// The entity has no alias written so (an edit names one that is not there).
    #[error("the entity has no alias {0:?}")]
    UnknownAlias(String),
    /// One entity lists the same alias twice.
    #[error("duplicate alias {0:?}")]
    DuplicateAlias(String),
    /// A backslash escape is not one of `\t \n \r \\ \u{HEX}`.
    #[error("bad escape {0:?} (expected \\t, \\n, \\r, \\\\ or \\u{{HEX}})")]
    BadEscape(String),
    /// An attribute field has no `=`.
    #[error("attribute {0:?} is not key=value")]
    NotKeyValue(String),
    /// An attribute the format has renamed.
    #[error("{old} is now written {new}")]
    RenamedAttribute {
        /// As it was written.
        old: &'static str,
        /// As it is written now.
        new: &'static str,
    },
    /// An attribute key is not known for this record (attributes of the user's own go in the
    /// `x-` namespace: `x-sector=energy`).
    #[error("unknown attribute {0:?} (attributes of your own take an x- key such as x-sector)")]
    UnknownAttribute(String),
    /// An attribute is given twice.
    #[error("attribute {0:?} given twice")]
    RepeatedAttribute(String),
    /// An attribute value is malformed.
    #[error("bad value {value:?} for {key}: expected {expected}")]
    BadValue {
        /// The attribute key.
        key: String,
        /// The value found.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A Finnish case ending listed in an alias attribute (`blocked_endings=`) is not one the
    /// tagger reads after that alias: a typo ("sa" for "ssa"), a joint (":n"), or a plural-stem
    /// ending (`-oissa`) on an alias without that plural stem.
    #[error("{key}: {ending:?} is not a Finnish case ending the tagger reads after {alias:?}")]
    UnknownCaseEnding {
        /// The attribute key.
        key: String,
        /// The ending found.
        ending: String,
        /// The alias it was listed on.
        alias: String,
    },
    /// The input is not UTF-8.
    #[error("not valid UTF-8")]
    InvalidUtf8,
    /// A name or alias has no letter or digit once folded (white space, punctuation, a lone
    /// combining mark, or invisible characters such as a zero-width space): it could only match
    /// stray characters.
    #[error("alias {0:?} has no letter or digit")]
    NoLetters(String),
    /// A name, alias or id holds a control character (NUL, escape, ...); tab and line breaks
    /// are white space and allowed in names.
    #[error("{text:?} holds the control character {character:?}")]
    ControlCharacter {
        /// The text.
        text: String,
        /// The first control character in it.
        character: char,
    },
    /// A line without TABs whose words are separated by spaces: the format separates fields
    /// with one TAB, and an alias line starts with one.
    #[error("fields separated by spaces: the format separates them with one TAB (an alias line starts with a TAB)")]
    SpacesForTabs,
    /// A first line that names the columns (`id<TAB>kind<TAB>name`).
    #[error(
        "a header row? the format has none: remove it, or start it with # to keep it as a comment"
    )]
    HeaderRow,
    /// An empty field after the last TAB of a line.
    #[error("a TAB at the end of the line (an empty field after it): remove it")]
    TrailingTab,
    /// A span that is empty, reversed, past the end of its text or not on its char
    /// boundaries ([`crate::Mention::new`]).
    #[error(
        "span {start}..{end} is not a non-empty range of char boundaries of a text of {len} bytes"
    )]
    BadSpan {
        /// The span's start.
        start: usize,
        /// The span's end.
        end: usize,
        /// The text's length in bytes.
        len: usize,
    },
}

/// Where a record is: the name of its file or source, its 1-based line if it has one, and in
/// an error, the 1-based column (TAB-separated field) the problem is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file path or source name given when loading (`<code>` for entities added in code).
    pub source: String,
    /// The 1-based line number, when the record came from text.
    pub line: Option<usize>,
    /// The 1-based column (field) of the problem, in errors that know it.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

/// An error loading or building a [`Gazetteer`](crate::Gazetteer).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GazetteerError {
    /// A record is invalid; the location says where.
    #[error("{location}: {problem}")]
    Invalid {
        /// Where the record is.
        location: Location,
        /// What is wrong with it.
        problem: Problem,
    },
    /// A file or reader could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path or source name.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl GazetteerError {
    pub(crate) fn at(source: &str, line: Option<usize>, problem: Problem) -> GazetteerError {
        GazetteerError::at_column(source, line, None, problem)
    }

    pub(crate) fn at_column(
        source: &str,
        line: Option<usize>,
        column: Option<usize>,
        problem: Problem,
    ) -> GazetteerError {
        GazetteerError::Invalid {
            location: Location {
                source: source.to_string(),
                line,
                column,
            },
            problem,
        }
    }
}

/// An error compiling a [`Tagger`](crate::Tagger).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The automaton could not be built (for example, too many patterns for its limits).
    #[error("cannot build the automaton: {0}")]
    /// (The automaton library's message: its error type is not part of this crate's API.)
    Automaton(String),
}
