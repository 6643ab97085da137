//! Mentions: where an entity is named in a text, and how the name matched.

use std::ops::Range;
use std::sync::Arc;

use crate::entity::{by_name, EntityId, Kind};
use crate::error::Problem;
use crate::language::Language;
use crate::swar;

/// The number of chars (Unicode scalars) and UTF-16 code units of `s`, counted on its bytes:
/// every byte that does not continue a character starts one, and one of four bytes takes two
/// UTF-16 units.
pub(crate) fn char_and_utf16_len(s: &str) -> (usize, usize) {
    // Eight bytes at a time: the bytes that continue a character (0b10xx_xxxx) are not
    // characters, and each lead byte of four (0b1111_xxxx) begins a surrogate pair in UTF-16.
    // This runs over all the text between mentions.
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let (mut continuation, mut astral) = (0, 0);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Bit 7 of each byte, with bit 6 (and 5, 4) of the same byte shifted up beside it.
        continuation += (x & !(x << 1) & swar::HIGH).count_ones() as usize;
        astral += (x & (x << 1) & (x << 2) & (x << 3) & swar::HIGH).count_ones() as usize;
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
        astral += usize::from(b >= 0xF0);
    }
    let chars = bytes.len() - continuation;
    (chars, chars + astral)
}

/// A half-open range `start..end` of offsets into a text.
///
/// Mentions carry three: UTF-8 byte offsets ([`Mention::span`], usable to slice the `&str`),
/// Unicode scalar (char) offsets ([`Mention::char_span`], what Python and most annotation
/// tools count) and UTF-16 code unit offsets ([`Mention::utf16_span`], what JavaScript and
/// Java count).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first offset, inclusive.
    pub start: usize,
    /// The last offset, exclusive.
    pub end: usize,
}

impl Span {
    /// The length, `end - start`.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.start..span.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span {
            start: range.start,
            end: range.end,
        }
    }
}

/// `&text[span]`, as `&text[span.range()]`: panics where that would (a span of another text).
///
/// ```
/// let text = "Equinor og Norge.";
/// let m = &nordic_ner::tag(text)[1];
/// assert_eq!(&text[m.span()], "Norge");
/// ```
impl std::ops::Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// `&text[span]` on a `String`, as on a `str`.
impl std::ops::Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// The grammatical shape the name had in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Form {
    /// The name as listed: "Norge".
    Plain,
    /// A genitive; the span covers the ending: "Norges", "USAs", "USA:s", "Amazon's", "Paris'".
    Genitive,
    /// A Finnish case form of a company or brand name made by the case-ending rule; the span
    /// covers the ending: "Nokian", "Finnairille", "H&M:ssä". Forms listed as aliases in the
    /// data ("Norjassa", "Sammon") are [`Form::Plain`], with [`Mention::alias`] naming the form.
    Inflected,
    /// The first part of a hyphen compound; the span covers the name only: "Alibaba" in
    /// "Alibaba-sjefen".
    Compound,
    /// A company's or brand's web address; the span covers the domain, and a "www." before
    /// it: "Komplett.no", "Amazon.com", "www.dagbladet.no".
    Domain,
    /// The first word or words of a longer name the gazetteer does not hold, linked to the
    /// company or brand they name: a product, unit or subsidiary ("Google Flights", "Sony
    /// Pictures", "Telenor Danmark"). The span covers the whole longer name.
    Part,
}

/// How the case of the text compared with the alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum CaseMatch {
    /// The text is written as the alias (after white space and composition are normalised).
    Exact,
    /// The text differs from the alias in case only: "NORGE", "norge".
    Folded,
}

impl Form {
    /// Every form, in declaration order.
    pub const ALL: [Form; 6] = [
        Form::Plain,
        Form::Genitive,
        Form::Inflected,
        Form::Compound,
        Form::Domain,
        Form::Part,
    ];

    /// The form's name as serde and `tag_jsonl` write it: `plain`, `genitive`, `inflected`,
    /// `compound`, `domain` or `part`.
    ///
    /// ```
    /// use nordic_ner::Form;
    /// assert_eq!(Form::Genitive.as_str(), "genitive");
    /// assert_eq!("part".parse::<Form>(), Ok(Form::Part));
    /// assert_eq!(Form::Compound.to_string(), "compound");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Plain => "plain",
            Form::Genitive => "genitive",
            Form::Inflected => "inflected",
            Form::Compound => "compound",
            Form::Domain => "domain",
            Form::Part => "part",
        }
    }
}

impl std::fmt::Display for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for Form {
    type Err = Problem;

    fn from_str(s: &str) -> Result<Form, Problem> {
        let expected = "plain, genitive, inflected, compound, domain or part";
        by_name(&Form::ALL, Form::as_str, s, "form", expected)
    }
}

impl CaseMatch {
    /// The name as serde and `tag_jsonl` write it: `exact` or `folded`.
    ///
    /// ```
    /// use nordic_ner::CaseMatch;
    /// assert_eq!(CaseMatch::Folded.as_str(), "folded");
    /// assert_eq!("exact".parse::<CaseMatch>(), Ok(CaseMatch::Exact));
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CaseMatch::Exact => "exact",
            CaseMatch::Folded => "folded",
        }
    }
}

impl std::fmt::Display for CaseMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for CaseMatch {
    type Err = Problem;

    fn from_str(s: &str) -> Result<CaseMatch, Problem> {
        let variants = [CaseMatch::Exact, CaseMatch::Folded];
        by_name(&variants, CaseMatch::as_str, s, "case", "exact or folded")
    }
}

/// One mention of an entity in a text.
///
/// With the `serde` feature a mention serialises as
///
/// ```json
/// {"start": 330, "end": 335, "char_start": 326, "char_end": 331, "utf16_start": 326,
///  "utf16_end": 331, "text": "Norge", "kind": "country", "entity": "iso:NO", "name": "Norway",
///  "alias": "Norge", "form": "plain", "case": "exact", "language": "nb"}
/// ```
///
/// the shape `tag_jsonl` prints, one flat row: `start`/`end` are UTF-8 byte offsets,
/// `char_*` Unicode scalar offsets, `utf16_*` UTF-16 code unit offsets, `entity` the
/// [`EntityId`]. `kind` is `company`, `brand`, `country` or `region`; `form` is `plain`, `genitive`,
/// `inflected`, `compound`, `domain` or `part`; `case` is `exact` or `folded`; `language` is the
/// language the tagger read the mention's sentence in (`nb`, `nn`, `da`, `sv`, `fi`, `is`,
/// `en`, or `und`). Spans are half-open.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Where the mention starts, in bytes, chars and UTF-16 units: its ends follow from its
    /// text, which is the original text's, so a mention keeps 64 bytes instead of 88 (text of
    /// names makes a mention every 7 bytes, and the vector of them outweighs the text).
    pub(crate) start: usize,
    pub(crate) char_start: usize,
    pub(crate) utf16_start: usize,
    pub(crate) text: MentionText,
    /// What the mention links to: shared by all mentions of one alias of one entity, so that
    /// a mention is small (its text included up to 22 bytes) and cheap to make.
    pub(crate) linked: Arc<Linked>,
    pub(crate) form: Form,
    pub(crate) case: CaseMatch,
    pub(crate) language: Language,
}

/// A mention's text: inline up to [`MentionText::INLINE`] bytes (most names are shorter), so
/// that a mention takes no allocation of its own; on the heap beyond.
#[derive(Clone)]
pub(crate) enum MentionText {
    Inline {
        len: u8,
        bytes: [u8; MentionText::INLINE],
    },
    Heap(Box<str>),
}

impl MentionText {
    /// The longest text kept inline: 22 bytes and a length make the enum as large as a boxed
    /// string and its tag.
    const INLINE: usize = 22;

    pub(crate) fn new(text: &str) -> MentionText {
        if text.len() <= MentionText::INLINE {
            let mut bytes = [0; MentionText::INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            MentionText::Inline {
                len: text.len() as u8,
                bytes,
            }
        } else {
            MentionText::Heap(text.into())
        }
    }

    /// The text's length in bytes, read without checking the inline bytes as UTF-8 again.
    pub(crate) fn len(&self) -> usize {
        match self {
            MentionText::Inline { len, .. } => usize::from(*len),
            MentionText::Heap(text) => text.len(),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // The bytes were copied whole from a `str`, so `from_utf8` cannot fail (and would
            // give the empty string, not a panic).
            MentionText::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            MentionText::Heap(text) => text,
        }
    }
}

impl std::ops::Deref for MentionText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for MentionText {
    fn eq(&self, other: &MentionText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for MentionText {}

impl std::hash::Hash for MentionText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for MentionText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// The case of a mention made by hand: exact where its text is the alias as written.
fn written_case(text: &str, alias: &str) -> CaseMatch {
    if text == alias {
        CaseMatch::Exact
    } else {
        CaseMatch::Folded
    }
}

/// The entity and alias a mention links to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Linked {
    pub(crate) id: EntityId,
    pub(crate) kind: Kind,
    pub(crate) name: Arc<str>,
    pub(crate) alias: Arc<str>,
    /// The entity's attributes of the user's own (`x-sector`), shared by all its aliases.
    pub(crate) attributes: Option<Attributes>,
    /// The other entities the alias stands for.
    pub(crate) alternatives: Box<[Alternative]>,
}

/// An entity's attributes of the user's own, shared.
pub(crate) type Attributes = Arc<[(Box<str>, Box<str>)]>;

/// Another entity a mention's alias stands for: the tagger linked the mention to one entity
/// ([`Mention::id`]) and lists the others here ([`Mention::alternatives`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Alternative {
    /// The entity's id.
    #[cfg_attr(feature = "serde", serde(rename = "entity"))]
    pub id: EntityId,
    /// Its kind.
    pub kind: Kind,
    /// Its canonical name.
    pub name: Arc<str>,
}

/// A mention as serde writes it and `tag_jsonl` prints it (the shape in [`Mention`]'s docs):
/// flat, so that it is one row of a table (Spark, pandas, Arrow) as it stands.
#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    utf16_start: usize,
    utf16_end: usize,
    text: &'a str,
    kind: Kind,
    entity: &'a EntityId,
    name: &'a str,
    alias: &'a str,
    form: Form,
    case: CaseMatch,
    language: Language,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    alternatives: &'a [Alternative],
    #[serde(skip_serializing_if = "Option::is_none")]
    attributes: Option<AttributesOut<'a>>,
}

/// The user's attributes as a JSON object (`{"x-sector": "energy"}`).
#[cfg(feature = "serde")]
struct AttributesOut<'a>(&'a [(Box<str>, Box<str>)]);

#[cfg(feature = "serde")]
impl serde::Serialize for AttributesOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A mention as serde reads it: the same shape, every field required but the optional two.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionIn {
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    utf16_start: usize,
    utf16_end: usize,
    text: Box<str>,
    kind: Kind,
    entity: EntityId,
    name: Arc<str>,
    alias: Arc<str>,
    form: Form,
    case: CaseMatch,
    language: Language,
    #[serde(default)]
    alternatives: Vec<Alternative>,
    /// In the order written (a map would sort them).
    #[serde(default)]
    attributes: Option<AttributesIn>,
}

/// The user's attributes read from a JSON object, in the order written (a map would sort them).
#[cfg(feature = "serde")]
struct AttributesIn(Vec<(Box<str>, Box<str>)>);

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AttributesIn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AttributesIn, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = AttributesIn;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of x- attributes")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<AttributesIn, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = map.next_entry::<Box<str>, Box<str>>()? {
                    pairs.push((k, v));
                }
                Ok(AttributesIn(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

/// As the fields were before a mention kept only its starts: all three spans, whole.
impl std::fmt::Debug for Mention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (span, char_span, utf16_span) = self.spans();
        f.debug_struct("Mention")
            .field("span", &span)
            .field("char_span", &char_span)
            .field("utf16_span", &utf16_span)
            .field("text", &self.text)
            .field("linked", &self.linked)
            .field("form", &self.form)
            .field("case", &self.case)
            .field("language", &self.language)
            .finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Mention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (span, char_span, utf16_span) = self.spans();
        MentionOut {
            start: span.start,
            end: span.end,
            char_start: char_span.start,
            char_end: char_span.end,
            utf16_start: utf16_span.start,
            utf16_end: utf16_span.end,
            text: &self.text,
            kind: self.linked.kind,
            entity: &self.linked.id,
            name: &self.linked.name,
            alias: &self.linked.alias,
            form: self.form,
            case: self.case,
            language: self.language,
            alternatives: &self.linked.alternatives,
            attributes: self.linked.attributes.as_deref().map(AttributesOut),
        }
        .serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Mention {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Mention, D::Error> {
        let m = MentionIn::deserialize(deserializer)?;
        // A mention keeps only where it starts, its ends following from its text: spans that
        // do not measure the text are refused, not silently made to fit.
        let (chars, units) = char_and_utf16_len(&m.text);
        let measured = [
            (m.start, m.end, m.text.len()),
            (m.char_start, m.char_end, chars),
            (m.utf16_start, m.utf16_end, units),
        ];
        if measured
            .iter()
            .any(|&(start, end, len)| end.checked_sub(start) != Some(len))
        {
            return Err(serde::de::Error::custom(format_args!(
                "the spans {}..{} (bytes), {}..{} (chars), {}..{} (UTF-16) do not measure the \
                 mention's text {:?}: {} bytes, {chars} chars, {units} UTF-16 units",
                m.start,
                m.end,
                m.char_start,
                m.char_end,
                m.utf16_start,
                m.utf16_end,
                m.text,
                m.text.len()
            )));
        }
        Ok(Mention {
            start: m.start,
            char_start: m.char_start,
            utf16_start: m.utf16_start,
            text: MentionText::new(&m.text),
            linked: Arc::new(Linked {
                id: m.entity,
                kind: m.kind,
                name: m.name,
                alias: m.alias,
                attributes: m.attributes.map(|a| a.0.into()),
                alternatives: m.alternatives.into(),
            }),
            form: m.form,
            case: m.case,
            language: m.language,
        })
    }
}

impl Mention {
    /// A mention of entity `id` (of `kind`, canonical name `name`) at byte span `span` of
    /// `text`, made by another tagger or by hand, to merge into this crate's outputs
    /// ([`crate::output`], and `evaluate` with its feature). Its char and UTF-16 spans and its text are
    /// taken from `text`; the alias is `name`, the form [`Form::Plain`], the case
    /// [`CaseMatch::Exact`] where the text is the name as written, and the language
    /// [`Language::Other`] until set ([`Mention::with_alias`], [`Mention::with_form`],
    /// [`Mention::with_language`]).
    ///
    /// # Errors
    /// [`Problem::BadSpan`] when `span` is empty, reversed, past the end of `text` or not on
    /// its char boundaries; [`Problem::EmptyName`] when `name` is empty.
    ///
    /// ```
    /// use nordic_ner::{EntityId, Kind, Mention, Span};
    ///
    /// let text = "Ola Nordmann jobber i Equinor.";
    /// let person = Mention::new(text, Span::from(0..12), EntityId::new("user:ola")?, Kind::custom("person")?, "Ola Nordmann")?;
    /// let mut all = nordic_ner::tag(text);
    /// all.insert(0, person);
    /// assert_eq!(all.iter().map(|m| m.text()).collect::<Vec<_>>(), ["Ola Nordmann", "Equinor"]);
    /// assert_eq!(all[0].char_span(), Span::from(0..12));
    /// # Ok::<(), nordic_ner::Problem>(())
    /// ```
    pub fn new(
        text: &str,
        span: Span,
        id: EntityId,
        kind: Kind,
        name: &str,
    ) -> Result<Mention, Problem> {
        if name.trim().is_empty() {
            return Err(Problem::EmptyName);
        }
        let fits = span.start < span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if !fits {
            return Err(Problem::BadSpan {
                start: span.start,
                end: span.end,
                len: text.len(),
            });
        }
        let (chars_before, units_before) = char_and_utf16_len(&text[..span.start]);
        let mention_text = MentionText::new(&text[span]);
        let case = written_case(&mention_text, name);
        Ok(Mention {
            start: span.start,
            char_start: chars_before,
            utf16_start: units_before,
            text: mention_text,
            linked: Arc::new(Linked {
                id,
                kind,
                name: Arc::from(name),
                alias: Arc::from(name),
                attributes: None,
                alternatives: Box::default(),
            }),
            form: Form::Plain,
            case,
            language: Language::Other,
        })
    }

    /// The other entities the alias stands for, besides the one the mention links to: every
    /// entity of the gazetteer with the same alias (as the tagger reads it), of the kinds the
    /// tagger finds, in the order the tagger ranks them (the gazetteer's order, so the builtin
    /// countries, regions, companies and brands, then users' entities; within a kind, the
    /// countries of [`crate::TaggerBuilder::prefer_countries`] first). Empty for most mentions.
    ///
    /// ```
    /// use nordic_ner::Tagger;
    ///
    /// // Two listed publishers are called Gyldendal: the Danish one comes first in the data,
    /// // and an English sentence has no home country to prefer.
    /// let text = "Gyldendal publishes the book in the autumn.";
    /// let m = &nordic_ner::tag(text)[0];
    /// assert_eq!((m.id().as_str(), m.name()), ("isin:DK0010247527", "Gyldendal"));
    /// assert_eq!(m.alternatives()[0].id.as_str(), "isin:NO0004288200");
    /// // A Norwegian reader prefers the Norwegian one.
    /// let norwegian = Tagger::builder().prefer_countries(["NO"]).build(nordic_ner::Gazetteer::builtin())?;
    /// let m = &norwegian.tag(text)[0];
    /// assert_eq!(m.id().as_str(), "isin:NO0004288200");
    /// assert_eq!(m.alternatives()[0].id.as_str(), "isin:DK0010247527");
    /// # Ok::<(), nordic_ner::BuildError>(())
    /// ```
    #[must_use]
    pub fn alternatives(&self) -> &[Alternative] {
        &self.linked.alternatives
    }

    /// The value of the entity's attribute of the user's own `key` (`x-sector`), if it has it.
    #[must_use]
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The entity's attributes of the user's own (`x-` keys), in the order given.
    pub fn attributes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.linked
            .attributes
            .iter()
            .flat_map(|a| a.iter())
            .map(|(k, v)| (&**k, &**v))
    }

    /// The mention with `alias` as the alias that matched (the case is compared again).
    #[must_use]
    pub fn with_alias(mut self, alias: &str) -> Mention {
        let linked = Arc::make_mut(&mut self.linked);
        linked.alias = Arc::from(alias);
        self.case = written_case(&self.text, alias);
        self
    }

    /// The mention with another [`Form`].
    #[must_use]
    pub fn with_form(mut self, form: Form) -> Mention {
        self.form = form;
        self
    }

    /// The mention with the language its sentence is in.
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Mention {
        self.language = language;
        self
    }

    /// UTF-8 byte offsets into the original text: `&text[m.span().range()] == m.text()`.
    #[must_use]
    pub fn span(&self) -> Span {
        Span::from(self.start..self.start + self.text.len())
    }

    /// Unicode scalar (char) offsets into the original text.
    #[must_use]
    pub fn char_span(&self) -> Span {
        self.spans().1
    }

    /// UTF-16 code unit offsets into the original text (what JavaScript, Java and .NET
    /// strings index by).
    #[must_use]
    pub fn utf16_span(&self) -> Span {
        self.spans().2
    }

    /// The byte, char and UTF-16 spans, the ends from the text's lengths.
    fn spans(&self) -> (Span, Span, Span) {
        let (chars, units) = char_and_utf16_len(&self.text);
        (
            self.span(),
            Span::from(self.char_start..self.char_start + chars),
            Span::from(self.utf16_start..self.utf16_start + units),
        )
    }

    /// The text of the mention, exactly as it stands in the original text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The id of the entity mentioned.
    #[must_use]
    pub fn id(&self) -> &EntityId {
        &self.linked.id
    }

    /// The entity's kind (its main kind, or the first of its kinds the tagger was asked for).
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.linked.kind
    }

    /// The entity's canonical name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.linked.name
    }

    /// The alias that matched, as written in the gazetteer.
    #[must_use]
    pub fn alias(&self) -> &str {
        &self.linked.alias
    }

    /// The grammatical shape of the name in the text.
    #[must_use]
    pub fn form(&self) -> Form {
        self.form
    }

    /// How the text's case compared with the alias.
    #[must_use]
    pub fn case(&self) -> CaseMatch {
        self.case
    }

    /// The language the tagger read the mention's sentence in: detected, or the one fixed
    /// with [`TaggerBuilder::language`](crate::TaggerBuilder::language).
    ///
    /// ```
    /// use nordic_ner::Language;
    ///
    /// let m = nordic_ner::tag("Ministeri kertoi, että Norjassa asia on jo ratkaistu.");
    /// assert_eq!((m[0].text(), m[0].language()), ("Norjassa", Language::Finnish));
    /// ```
    #[must_use]
    pub fn language(&self) -> Language {
        self.language
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_text_keeps_every_text_and_short_ones_inline() {
        let long = "Den Norske Amerikalinje";
        for text in [
            "",
            "H&M",
            "Kina\u{308}",
            "Ålands Penningautomatförening",
            "ÅÅÅÅÅÅÅÅÅÅÅ",
            long,
        ] {
            let kept = MentionText::new(text);
            assert_eq!(kept.as_str(), text);
            assert_eq!(
                matches!(kept, MentionText::Inline { .. }),
                text.len() <= MentionText::INLINE,
                "{text}"
            );
        }
        assert_eq!(long.len(), MentionText::INLINE + 1);
        // The inline text costs the mention nothing beyond a boxed string and its tag.
        assert!(std::mem::size_of::<MentionText>() <= 24);
        assert!(std::mem::size_of::<Mention>() <= 64);
    }

    #[test]
    fn char_and_utf16_lengths_on_bytes() {
        for s in [
            "",
            "Norge",
            "Færøyene",
            "İ\u{308}",
            "😀 ok 𝄞",
            "\u{10ffff}\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}",
        ] {
            let want = (s.chars().count(), s.encode_utf16().count());
            assert_eq!(char_and_utf16_len(s), want, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn char_and_utf16_lengths_on_any_text(s in "\\PC*") {
            proptest::prop_assert_eq!(char_and_utf16_len(&s), (s.chars().count(), s.encode_utf16().count()));
        }
    }
}
