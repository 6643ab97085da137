//! IOB2 tags over tokens, a CoNLL-style writer, and the [`LabelMap`] that names each kind in
//! a tag set (shared with [`displacy`](super::displacy)).
//!
//! ```
//! use nordic_ner::output::iob::{self, LabelMap};
//!
//! let text = "Equinor og Fjällräven selger i Norge.";
//! let mentions = nordic_ner::tag(text);
//! let labels = LabelMap::norne(); // the tags borrow their labels from the map
//! let tagged = iob::tag_whitespace(text, &mentions, &labels);
//! let tags: Vec<String> = tagged.iter().map(|t| t.tag.to_string()).collect();
//! assert_eq!(tags, ["B-ORG", "O", "B-PROD", "O", "O", "B-GPE_LOC"]);
//!
//! let mut out = iob::ConllWriter::new(Vec::new());
//! out.write_sentence(&tagged)?;
//! let conll = String::from_utf8(out.finish()?).unwrap();
//! assert!(conll.starts_with("Equinor\tB-ORG\nog\tO\n"));
//! assert!(conll.ends_with("Norge.\tB-GPE_LOC\n\n"));
//! # Ok::<(), nordic_ner::output::iob::IobError>(())
//! ```
//!
//! # Tokens and partial overlaps
//!
//! Tokens are byte spans into the text: [`whitespace_tokens`] splits at white space, or the
//! caller brings its own (a treebank's tokens, a tokenizer's). A token gets a mention's label
//! when the two share at least one byte, so a whitespace token "Norge." or "Alibaba-sjefen"
//! is tagged as the name it contains. The first token of a mention is `B-`, the tokens after it
//! that overlap the same mention `I-`. A token overlapping two mentions ("Norge/Sverige")
//! takes the first; the second mention then begins on its next token, if it has one.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use crate::kind::{Kind, KindRow, BUILTIN};
use crate::mention::{Mention, Span};

/// The label each [`Kind`] gets in a tag set.
///
/// - [`LabelMap::kinds`]: the kind in upper case, `COMPANY`, `BRAND`, `COUNTRY`, `REGION`.
/// - [`LabelMap::norne`]: NorNE (Norwegian Named Entities). Countries and regions are
///   `GPE_LOC`: NorNE tags continents and regions such as "Europa", "Afrika", "Balkan" and
///   "Norden" `GPE_LOC` as it does countries, and the locative sense of a country is far
///   more common than `GPE_ORG` (the country acting as an organisation), which a gazetteer
///   cannot tell apart. Companies are `ORG`. Brands are `PROD`: NorNE tags the names of
///   products and product brands (a Volvo, Facebook) `PROD`, and it keeps brands apart from
///   companies; callers whose brands are mostly store chains can map them to `ORG` with
///   [`LabelMap::with`].
/// - [`LabelMap::universal_ner`]: Universal NER (`PER`, `ORG`, `LOC`): countries and regions
///   `LOC`, companies and brands `ORG`.
///
/// ```
/// use nordic_ner::Kind;
/// use nordic_ner::output::iob::LabelMap;
///
/// assert_eq!(LabelMap::norne().label(Kind::Region), "GPE_LOC");
/// assert_eq!(LabelMap::universal_ner().label(Kind::Brand), "ORG");
/// let mine = LabelMap::kinds().with(Kind::Brand, "ORG");
/// assert_eq!(mine.label(Kind::Brand), "ORG");
/// assert_eq!(mine.label(Kind::Company), "COMPANY");
/// ```
///
/// A user's kind ([`Kind::Custom`]) is labelled with its name in capitals (`person`: `PERSON`)
/// in every map until [`LabelMap::with`] names it otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LabelMap {
    /// Labels of the builtin kinds, in the order of [`Kind::ALL`], shared with the tags made
    /// from them.
    builtin: [Arc<str>; Kind::ALL.len()],
    /// Labels given to users' kinds.
    custom: Vec<(Kind, Arc<str>)>,
}

impl LabelMap {
    fn from_table(label: impl Fn(&KindRow) -> &'static str) -> LabelMap {
        LabelMap {
            builtin: std::array::from_fn(|i| Arc::from(label(&BUILTIN[i]))),
            custom: Vec::new(),
        }
    }

    /// Each kind in upper case: `COMPANY`, `BRAND`, `COUNTRY`, `REGION` (the default).
    #[must_use]
    pub fn kinds() -> LabelMap {
        LabelMap {
            builtin: Kind::ALL.map(|k| Arc::from(k.as_str().to_ascii_uppercase())),
            custom: Vec::new(),
        }
    }

    /// The NorNE tag set: company `ORG`, brand `PROD`, country and region `GPE_LOC`.
    #[must_use]
    pub fn norne() -> LabelMap {
        LabelMap::from_table(|row| row.norne)
    }

    /// The Universal NER tag set: company and brand `ORG`, country and region `LOC`.
    #[must_use]
    pub fn universal_ner() -> LabelMap {
        LabelMap::from_table(|row| row.universal_ner)
    }

    /// The map with `kind` labelled `label`.
    #[must_use]
    pub fn with(mut self, kind: Kind, label: &str) -> LabelMap {
        let label = Arc::from(label);
        match builtin_index(kind) {
            Some(i) => self.builtin[i] = label,
            None => match self.custom.iter_mut().find(|(k, _)| *k == kind) {
                Some(entry) => entry.1 = label,
                None => self.custom.push((kind, label)),
            },
        }
        self
    }

    /// The label of `kind`.
    #[must_use]
    pub fn label(&self, kind: Kind) -> &str {
        match (builtin_index(kind), kind) {
            (Some(i), _) => &self.builtin[i],
            (None, Kind::Custom(custom)) => self
                .custom
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(custom.label(), |(_, label)| label),
            (None, _) => unreachable!("every builtin kind is in Kind::ALL"),
        }
    }

    /// The label of `kind`, shared (a tag holds it without a copy).
    fn shared(&self, kind: Kind) -> Arc<str> {
        match (builtin_index(kind), kind) {
            (Some(i), _) => Arc::clone(&self.builtin[i]),
            (None, Kind::Custom(custom)) => self
                .custom
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or_else(|| custom.shared_label(), |(_, label)| Arc::clone(label)),
            (None, _) => unreachable!("every builtin kind is in Kind::ALL"),
        }
    }
}

impl Default for LabelMap {
    /// [`LabelMap::kinds`].
    fn default() -> LabelMap {
        LabelMap::kinds()
    }
}

/// The position of a builtin `kind` in [`Kind::ALL`]; `None` for a user's kind.
fn builtin_index(kind: Kind) -> Option<usize> {
    Kind::ALL.iter().position(|&k| k == kind)
}

/// An IOB2 tag. Displays as `O`, `B-LABEL` or `I-LABEL`.
///
/// ```
/// use nordic_ner::output::iob::Tag;
///
/// assert_eq!(Tag::Begin("ORG".into()).to_string(), "B-ORG");
/// assert_eq!(Tag::Outside.label(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tag {
    /// Outside any mention: `O`.
    Outside,
    /// The first token of a mention: `B-LABEL`.
    Begin(Arc<str>),
    /// A later token of the same mention: `I-LABEL`.
    Inside(Arc<str>),
}

impl Tag {
    /// The label, for `B-` and `I-` tags.
    #[must_use]
    pub fn label(&self) -> Option<&str> {
        match self {
            Tag::Outside => None,
            Tag::Begin(label) | Tag::Inside(label) => Some(label),
        }
    }
}

/// Reads `O`, `B-LABEL` and `I-LABEL` (as [`Tag`]'s `Display` writes them).
///
/// ```
/// use nordic_ner::output::iob::Tag;
///
/// assert_eq!("B-GPE_LOC".parse::<Tag>()?, Tag::Begin("GPE_LOC".into()));
/// assert_eq!("O".parse::<Tag>()?, Tag::Outside);
/// assert!("X-ORG".parse::<Tag>().is_err());
/// # Ok::<(), nordic_ner::output::iob::IobError>(())
/// ```
impl std::str::FromStr for Tag {
    type Err = IobError;

    fn from_str(s: &str) -> Result<Tag, IobError> {
        let bad = || IobError::BadTag(s.to_string());
        if s == "O" {
            return Ok(Tag::Outside);
        }
        let (prefix, label) = s.split_once('-').ok_or_else(bad)?;
        if label.is_empty() || label.chars().any(char::is_whitespace) {
            return Err(bad());
        }
        match prefix {
            "B" => Ok(Tag::Begin(Arc::from(label))),
            "I" => Ok(Tag::Inside(Arc::from(label))),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::Outside => f.write_str("O"),
            Tag::Begin(label) => write!(f, "B-{label}"),
            Tag::Inside(label) => write!(f, "I-{label}"),
        }
    }
}

/// One token with its tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tagged<'t> {
    /// The token's text.
    pub text: &'t str,
    /// The token's byte span in the text.
    pub span: Span,
    /// The token's tag.
    pub tag: Tag,
}

/// The byte spans of the runs of non-white-space characters in `text`.
///
/// ```
/// use nordic_ner::output::iob::whitespace_tokens;
///
/// let text = " Kjøp i\u{a0}Kina ";
/// let words: Vec<&str> = whitespace_tokens(text).iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(words, ["Kjøp", "i", "Kina"]);
/// ```
#[must_use]
pub fn whitespace_tokens(text: &str) -> Vec<Span> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push(Span { start: s, end: i });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Span {
            start: s,
            end: text.len(),
        });
    }
    tokens
}

/// The IOB2 tag of each token (byte spans, in text order), given the mentions in the text.
///
/// A token sharing at least one byte with a mention gets its label (see the
/// [module docs](self) on partial overlaps). Mentions may come in any order; empty tokens and
/// empty mentions overlap nothing.
///
/// ```
/// use nordic_ner::output::iob::{tags, LabelMap, Tag};
/// use nordic_ner::Span;
///
/// let text = "Rema 1000 i Sverige";
/// let tokens = [Span { start: 0, end: 4 }, Span { start: 5, end: 9 },
///               Span { start: 10, end: 11 }, Span { start: 12, end: 19 }];
/// let labels = LabelMap::universal_ner();
/// let found = tags(&tokens, &nordic_ner::tag(text), &labels);
/// assert_eq!(found, [Tag::Begin("ORG".into()), Tag::Inside("ORG".into()), Tag::Outside, Tag::Begin("LOC".into())]);
/// ```
#[must_use]
pub fn tags(tokens: &[Span], mentions: &[Mention], labels: &LabelMap) -> Vec<Tag> {
    let mut order: Vec<&Mention> = mentions.iter().filter(|m| !m.span().is_empty()).collect();
    order.sort_by_key(|m| m.span());
    // The largest end among the mentions up to each one: it rises only at a mention whose own
    // end is the new largest, so the first mention ending after a point is found by bisection.
    let reach: Vec<usize> = order
        .iter()
        .scan(0, |max, m| {
            *max = (*max).max(m.span().end);
            Some(*max)
        })
        .collect();
    let mut previous: Option<usize> = None;
    tokens
        .iter()
        .map(|token| {
            let i = reach.partition_point(|&end| end <= token.start);
            let hit = (!token.is_empty()
                && order.get(i).is_some_and(|m| m.span().start < token.end))
            .then_some(i);
            let tag = match hit {
                None => Tag::Outside,
                Some(i) if previous == Some(i) => Tag::Inside(labels.shared(order[i].kind())),
                Some(i) => Tag::Begin(labels.shared(order[i].kind())),
            };
            previous = hit;
            tag
        })
        .collect()
}

/// The whitespace tokens of `text` with their tags.
///
/// ```
/// use nordic_ner::output::iob::{tag_whitespace, LabelMap};
///
/// let text = "Alibaba-sjefen besøkte Norden";
/// let labels = LabelMap::kinds();
/// let tagged = tag_whitespace(text, &nordic_ner::tag(text), &labels);
/// assert_eq!(tagged[0].text, "Alibaba-sjefen");
/// assert_eq!(tagged[0].tag.to_string(), "B-COMPANY");
/// assert_eq!(tagged[2].tag.to_string(), "B-REGION");
/// ```
#[must_use]
pub fn tag_whitespace<'t>(
    text: &'t str,
    mentions: &[Mention],
    labels: &LabelMap,
) -> Vec<Tagged<'t>> {
    let tokens = whitespace_tokens(text);
    tags(&tokens, mentions, labels)
        .into_iter()
        .zip(&tokens)
        .map(|(tag, &span)| Tagged {
            text: &text[span.range()],
            span,
            tag,
        })
        .collect()
}

/// The caller's tokens of `text` (byte spans, in text order) with their tags.
///
/// ```
/// use nordic_ner::output::iob::{tag_tokens, LabelMap};
/// use nordic_ner::Span;
///
/// let text = "Norge.";
/// let tokens = [Span { start: 0, end: 5 }, Span { start: 5, end: 6 }];
/// let labels = LabelMap::norne();
/// let tagged = tag_tokens(text, &tokens, &nordic_ner::tag(text), &labels)?;
/// assert_eq!((tagged[0].text, tagged[0].tag.to_string()), ("Norge", "B-GPE_LOC".to_string()));
/// assert_eq!((tagged[1].text, tagged[1].tag.to_string()), (".", "O".to_string()));
/// # Ok::<(), nordic_ner::output::iob::IobError>(())
/// ```
///
/// # Errors
/// [`IobError::BadToken`] when a token span is out of the text's bounds, reversed, or not on
/// character boundaries.
pub fn tag_tokens<'t>(
    text: &'t str,
    tokens: &[Span],
    mentions: &[Mention],
    labels: &LabelMap,
) -> Result<Vec<Tagged<'t>>, IobError> {
    tags(tokens, mentions, labels)
        .into_iter()
        .zip(tokens)
        .enumerate()
        .map(|(index, (tag, &span))| {
            let token = text
                .get(span.start..span.end)
                .ok_or(IobError::BadToken { index, span })?;
            Ok(Tagged {
                text: token,
                span,
                tag,
            })
        })
        .collect()
}

/// Why tags could not be made or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IobError {
    /// A token span is out of the text's bounds, reversed, or not on character boundaries.
    #[error("token {index}: span {}..{} is not a slice of the text", span.start, span.end)]
    BadToken {
        /// The token's 0-based position.
        index: usize,
        /// The token's span.
        span: Span,
    },
    /// Text that is not an IOB2 tag (`O`, `B-LABEL`, `I-LABEL`).
    #[error("{0:?} is not an IOB2 tag (O, B-LABEL or I-LABEL)")]
    BadTag(String),
    /// A token is empty or contains a tab or line break, which the column format cannot hold.
    #[error("token {index} ({text:?}) is empty or contains a tab or line break")]
    BadTokenText {
        /// The token's 0-based position in its sentence.
        index: usize,
        /// The token's text.
        text: String,
    },
    /// Writing failed.
    #[error("cannot write: {0}")]
    Io(#[from] io::Error),
}

/// Writes tagged tokens in CoNLL style: a `token<TAB>tag` line a token, and a blank line after
/// each sentence or document.
///
/// ```
/// use nordic_ner::output::iob::{tag_whitespace, ConllWriter, LabelMap};
///
/// let labels = LabelMap::universal_ner();
/// let mut out = ConllWriter::new(Vec::new());
/// for text in ["Kina vokser", "Telenor taper"] {
///     out.write_sentence(&tag_whitespace(text, &nordic_ner::tag(text), &labels))?;
/// }
/// let written = String::from_utf8(out.finish()?).unwrap();
/// assert_eq!(written, "Kina\tB-LOC\nvokser\tO\n\nTelenor\tB-ORG\ntaper\tO\n\n");
/// # Ok::<(), nordic_ner::output::iob::IobError>(())
/// ```
#[derive(Debug)]
pub struct ConllWriter<W: Write> {
    out: W,
}

impl<W: Write> ConllWriter<W> {
    /// A writer to `out`. Wrap a file in a `BufWriter`: the writer writes a line at a time.
    pub fn new(out: W) -> ConllWriter<W> {
        ConllWriter { out }
    }

    /// Writes one sentence's tokens and the blank line after them. A sentence without tokens
    /// writes nothing.
    ///
    /// # Errors
    /// [`IobError::BadTokenText`] (nothing of the sentence written) when a token is empty or
    /// contains a tab or line break; [`IobError::Io`] when writing fails.
    pub fn write_sentence(&mut self, tokens: &[Tagged<'_>]) -> Result<(), IobError> {
        if tokens.is_empty() {
            return Ok(());
        }
        if let Some((index, t)) = tokens.iter().enumerate().find(|(_, t)| {
            t.text.is_empty()
                || t.text
                    .contains(['\t', '\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])
        }) {
            return Err(IobError::BadTokenText {
                index,
                text: t.text.to_string(),
            });
        }
        for t in tokens {
            writeln!(self.out, "{}\t{}", t.text, t.tag)?;
        }
        writeln!(self.out)?;
        Ok(())
    }

    /// Flushes and returns the inner writer.
    ///
    /// # Errors
    /// [`IobError::Io`] when flushing fails.
    pub fn finish(mut self) -> Result<W, IobError> {
        self.out.flush()?;
        Ok(self.out)
    }
}
