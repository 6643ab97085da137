//! The model: entities, their kinds, aliases and attributes.

use std::fmt;
use std::sync::Arc;

use crate::error::Problem;
pub use crate::kind::Kind;
use crate::language::Language;

/// A stable entity id.
///
/// Conventions (documented in [`crate::gazetteer_format`]): `Q<digits>` is a Wikidata id checked against
/// its label; `iso:NO` is a country or territory by ISO 3166-1 alpha-2 code; `region:<slug>` a
/// curated region; `isin:<ISIN>` a listed company without a checked Wikidata id; `local:<slug>`
/// anything else. Cloning is cheap (a shared string).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub struct EntityId(Arc<str>);

impl From<EntityId> for String {
    fn from(id: EntityId) -> String {
        id.0.to_string()
    }
}

impl TryFrom<String> for EntityId {
    type Error = Problem;

    /// As [`EntityId::new`]; used when deserialising, so a bad id is refused there too.
    fn try_from(id: String) -> Result<EntityId, Problem> {
        EntityId::new(&id)
    }
}

impl EntityId {
    /// Makes an id, checking that it is non-empty and has no white space or control characters.
    ///
    /// # Errors
    /// [`Problem::BadId`] when the id is empty or contains white space or control characters.
    pub fn new(id: &str) -> Result<EntityId, Problem> {
        if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Problem::BadId(id.to_string()));
        }
        Ok(EntityId(Arc::from(id)))
    }

    /// The id as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl fmt::Debug for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl AsRef<str> for EntityId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for EntityId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// How an alias compares with text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum CaseRule {
    /// Unicode case-insensitive: "Norge" matches NORGE and norge.
    #[default]
    Any,
    /// Exact case only, for a name that is also an ordinary word: "Komplett" the company
    /// matches, "komplett" the adjective does not.
    Exact,
}

impl CaseRule {
    /// The rule's name as the gazetteer format and serde write it: `any` or `exact`.
    ///
    /// ```
    /// use nordic_ner::CaseRule;
    /// assert_eq!(CaseRule::Exact.as_str(), "exact");
    /// assert_eq!("any".parse::<CaseRule>(), Ok(CaseRule::Any));
    /// assert_eq!(CaseRule::Exact.to_string(), "exact");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            CaseRule::Any => "any",
            CaseRule::Exact => "exact",
        }
    }
}

impl fmt::Display for CaseRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for CaseRule {
    type Err = Problem;

    fn from_str(s: &str) -> Result<CaseRule, Problem> {
        by_name(
            &[CaseRule::Any, CaseRule::Exact],
            CaseRule::as_str,
            s,
            "case",
            "any or exact",
        )
    }
}

/// The variant of a small enum whose name (`as_str`) is `s`, or the loader's error for the
/// attribute `key`.
pub(crate) fn by_name<T: Copy>(
    variants: &[T],
    as_str: fn(T) -> &'static str,
    s: &str,
    key: &str,
    expected: &'static str,
) -> Result<T, Problem> {
    variants
        .iter()
        .copied()
        .find(|&v| as_str(v) == s)
        .ok_or_else(|| Problem::BadValue {
            key: key.into(),
            value: s.into(),
            expected,
        })
}

/// Where a row of data came from: `source[@version][:id]`, e.g. `cldr@47:NO`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Provenance {
    /// The source's short name (`cldr`, `nsi`, `investpy`, `curated`).
    pub source: String,
    /// The source's version, when it has one.
    pub version: Option<String>,
    /// The row's id in the source, when it has one.
    pub id: Option<String>,
}

impl Provenance {
    /// Parses `source[@version][:id]`.
    ///
    /// # Errors
    /// [`Problem::BadValue`] when the source name is empty or a part is empty.
    pub fn parse(s: &str) -> Result<Provenance, Problem> {
        let bad = || Problem::BadValue {
            key: "source".into(),
            value: s.into(),
            expected: "source[@version][:id]",
        };
        let (head, id) = match s.split_once(':') {
            Some((h, id)) if !id.is_empty() => (h, Some(id.to_string())),
            Some(_) => return Err(bad()),
            None => (s, None),
        };
        let (source, version) = match head.split_once('@') {
            Some((src, v)) if !v.is_empty() => (src, Some(v.to_string())),
            Some(_) => return Err(bad()),
            None => (head, None),
        };
        if source.is_empty() {
            return Err(bad());
        }
        Ok(Provenance {
            source: source.to_string(),
            version,
            id,
        })
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        if let Some(v) = &self.version {
            write!(f, "@{v}")?;
        }
        if let Some(id) = &self.id {
            write!(f, ":{id}")?;
        }
        Ok(())
    }
}

/// What the tagger needs of one alias.
pub(crate) struct MatchedAlias<'a> {
    pub(crate) text: &'a str,
    pub(crate) case: Option<CaseRule>,
    pub(crate) langs: &'a [String],
    pub(crate) without_endings: &'a [String],
    pub(crate) words: &'a [WordIn],
    pub(crate) word_endings: &'a [String],
    pub(crate) blocked_endings: &'a [String],
}

/// A language in which an alias, lowercased, is an ordinary word, and how common the word is
/// there (Zipf scale: 3 is once per million words, 6 once per thousand).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct WordIn {
    /// The language.
    pub language: Language,
    /// The word's frequency there in tenths of a Zipf unit (42 is Zipf 4.2).
    pub zipf_tenths: u8,
}

impl WordIn {
    /// The word's frequency on the Zipf scale.
    #[must_use]
    pub fn zipf(self) -> f32 {
        f32::from(self.zipf_tenths) / 10.0
    }
}

/// One name an entity goes by in text.
///
/// With the `serde` feature, deserialising checks what loading a file checks (an empty text, a
/// control character, a malformed language code or ending).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "unchecked::Alias"))]
pub struct Alias {
    text: String,
    case: Option<CaseRule>,
    matched: bool,
    langs: Vec<String>,
    /// Languages whose endings the alias does not take (`without_endings=fi`).
    #[cfg_attr(feature = "serde", serde(default))]
    without_endings: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    words: Vec<WordIn>,
    #[cfg_attr(feature = "serde", serde(default))]
    word_endings: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    former: bool,
    blocked_endings: Vec<String>,
    sources: Vec<Provenance>,
    note: Option<String>,
}

impl Alias {
    /// An alias with the tagger's default case rule, matched, with no languages or sources.
    ///
    /// # Errors
    /// [`Problem::EmptyAlias`] when `text` is empty or only white space,
    /// [`Problem::ControlCharacter`] when it holds a control character other than tab and line
    /// breaks, [`Problem::NoLetters`] when it has no letter or digit once folded.
    pub fn new(text: &str) -> Result<Alias, Problem> {
        if text.trim().is_empty() {
            return Err(Problem::EmptyAlias);
        }
        no_control_characters(text)?;
        if !crate::normalize::normalize(text, true)
            .chars()
            .any(char::is_alphanumeric)
        {
            return Err(Problem::NoLetters(text.to_string()));
        }
        Ok(Alias {
            text: text.to_string(),
            case: None,
            matched: true,
            langs: Vec::new(),
            without_endings: Vec::new(),
            words: Vec::new(),
            word_endings: Vec::new(),
            former: false,
            blocked_endings: Vec::new(),
            sources: Vec::new(),
            note: None,
        })
    }

    /// Records that the alias, lowercased, is an ordinary word of `language` with frequency
    /// `zipf` (Zipf scale, 0 to 25.5): the tagger then reads it as a name in text of that
    /// language only where the context makes it one.
    #[must_use]
    pub fn with_word_in(mut self, language: Language, zipf: f32) -> Alias {
        let zipf_tenths = (zipf * 10.0).round().clamp(0.0, 255.0) as u8;
        self.words.retain(|w| w.language != language);
        self.words.push(WordIn {
            language,
            zipf_tenths,
        });
        self
    }

    /// Records a Finnish case ending with which the alias forms an ordinary Finnish word
    /// ("Miele" + "ssä" is "mielessä", in mind).
    #[must_use]
    pub fn with_word_ending(mut self, ending: &str) -> Alias {
        self.word_endings.push(ending.to_string());
        self
    }

    /// Records a Finnish case ending the tagger must not read after the alias, because the
    /// alias + ending is a word or name of another language ("Sony" + "a" is the English name
    /// "Sonya"); the alias takes its other endings ("Sonyn"). The ending is written as in
    /// `word_endings=`: as joined to the alias, or after `-` on the alias's plural stem
    /// (`-oissa` on "Prisma": "Prismoissa"). An ending the tagger would never read after the
    /// alias changes nothing; the gazetteer parser refuses one ([`Problem::UnknownCaseEnding`]).
    #[must_use]
    pub fn with_blocked_ending(mut self, ending: &str) -> Alias {
        self.blocked_endings.push(ending.to_string());
        self
    }

    /// Sets the case rule.
    #[must_use]
    pub fn with_case(mut self, case: CaseRule) -> Alias {
        self.case = Some(case);
        self
    }

    /// Records the alias without matching it (an ambiguity audit's drop).
    #[must_use]
    pub fn unmatched(mut self) -> Alias {
        self.matched = false;
        self
    }

    /// Adds a language code (`nb`, `sv`, ...).
    #[must_use]
    pub fn with_lang(mut self, lang: &str) -> Alias {
        self.langs.push(lang.to_string());
        self
    }

    /// Matches the alias without Finnish case endings, for a name whose case forms are other
    /// words ("Kone" + "n" is Danish "konen", the wife).
    #[must_use]
    pub fn without_case_endings(self) -> Alias {
        self.without_endings_in("fi")
    }

    /// Matches the alias without the endings of language `lang` (an ISO 639 code): `fi`, no
    /// Finnish case endings; `sv`, no Swedish genitives (`-s` and `'s` still come from the
    /// other languages that write them). `without_endings=fi,sv` in a file.
    #[must_use]
    pub fn without_endings_in(mut self, lang: &str) -> Alias {
        if !self.without_endings.iter().any(|l| l == lang) {
            self.without_endings.push(lang.to_string());
        }
        self
    }

    /// The languages whose endings the alias does not take.
    pub fn without_endings(&self) -> impl Iterator<Item = &str> {
        self.without_endings.iter().map(String::as_str)
    }

    /// Marks the alias as a former name of the entity ("Statoil" for Equinor): still matched,
    /// since news keeps using such names, and told apart in the data.
    #[must_use]
    pub fn as_former_name(mut self) -> Alias {
        self.former = true;
        self
    }

    /// Adds a provenance record.
    #[must_use]
    pub fn with_source(mut self, source: Provenance) -> Alias {
        self.sources.push(source);
        self
    }

    /// Sets the note (why a decision was made).
    #[must_use]
    pub fn with_note(mut self, note: &str) -> Alias {
        self.note = Some(note.to_string());
        self
    }

    /// The alias as written in the data.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The alias's own case rule; `None` means the tagger's default.
    #[must_use]
    pub fn case(&self) -> Option<CaseRule> {
        self.case
    }

    /// Whether the tagger matches this alias (false for names kept only as a record).
    #[must_use]
    pub fn is_matched(&self) -> bool {
        self.matched
    }

    /// Languages the alias belongs to.
    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(String::as_str)
    }

    /// Whether the tagger matches the alias with Finnish case endings ("Nokian", "H&M:ssä")
    /// when it names a company or brand.
    #[must_use]
    pub fn takes_case_endings(&self) -> bool {
        crate::language_rules::takes_case_endings(&self.langs, &self.without_endings)
    }

    /// Whether the alias is a former name of the entity (`former=yes` in the data).
    #[must_use]
    pub fn is_former_name(&self) -> bool {
        self.former
    }

    /// The languages in which the alias, lowercased, is an ordinary word.
    #[must_use]
    pub fn ordinary_word_in(&self) -> &[WordIn] {
        &self.words
    }

    /// The Finnish case endings with which the alias forms an ordinary Finnish word.
    pub fn word_endings(&self) -> impl Iterator<Item = &str> {
        self.word_endings.iter().map(String::as_str)
    }

    /// The Finnish case endings the tagger does not read after the alias (see
    /// [`Alias::with_blocked_ending`]).
    pub fn blocked_endings(&self) -> impl Iterator<Item = &str> {
        self.blocked_endings.iter().map(String::as_str)
    }

    /// Where the alias came from.
    #[must_use]
    pub fn sources(&self) -> &[Provenance] {
        &self.sources
    }

    /// Why a decision about the alias was made, if recorded.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// A company, brand, country or region, with the names it goes by.
///
/// With the `serde` feature, deserialising checks what loading a file checks: the name, every
/// alias, duplicate aliases, codes, ISINs and `x-` attributes.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "unchecked::Entity"))]
pub struct Entity {
    id: EntityId,
    kind: Kind,
    name: Arc<str>,
    match_name: bool,
    nordic: bool,
    aliases: Vec<Alias>,
    /// What few entities have, boxed, `None` while all of it is empty: a big gazetteer of
    /// plain names then holds 72 bytes an entity here instead of 264.
    more: Option<Box<More>>,
}

/// The fields of an [`Entity`] that most entities leave empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct More {
    also: Vec<Kind>,
    iso3: Option<String>,
    origin: Option<String>,
    owner: Option<EntityId>,
    isins: Vec<String>,
    sources: Vec<Provenance>,
    note: Option<String>,
    /// The user's own attributes (`x-sector=energy`), in the order given.
    attributes: Vec<(String, String)>,
}

/// What an entity without [`More`] reads.
static NO_MORE: More = More {
    also: Vec::new(),
    iso3: None,
    origin: None,
    owner: None,
    isins: Vec::new(),
    sources: Vec::new(),
    note: None,
    attributes: Vec::new(),
};

impl fmt::Debug for Entity {
    /// Every field, as if none were boxed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let more = self.more();
        f.debug_struct("Entity")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("also", &more.also)
            .field("name", &self.name)
            .field("match_name", &self.match_name)
            .field("aliases", &self.aliases)
            .field("iso3", &more.iso3)
            .field("nordic", &self.nordic)
            .field("origin", &more.origin)
            .field("owner", &more.owner)
            .field("isins", &more.isins)
            .field("sources", &more.sources)
            .field("note", &more.note)
            .field("attributes", &more.attributes)
            .finish()
    }
}

impl Entity {
    /// An entity with no aliases besides its canonical name.
    ///
    /// # Errors
    /// [`Problem::EmptyName`] when `name` is empty or only white space,
    /// [`Problem::ControlCharacter`] when it holds a control character other than tab and line
    /// breaks.
    pub fn new(id: EntityId, kind: Kind, name: &str) -> Result<Entity, Problem> {
        if name.trim().is_empty() {
            return Err(Problem::EmptyName);
        }
        no_control_characters(name)?;
        Ok(Entity {
            id,
            kind,
            name: Arc::from(name),
            match_name: true,
            nordic: false,
            aliases: Vec::new(),
            more: None,
        })
    }

    /// The rarely set fields (empty ones when none is set).
    fn more(&self) -> &More {
        self.more.as_deref().unwrap_or(&NO_MORE)
    }

    /// The rarely set fields, to set one (never called without setting one, so that an entity
    /// with none set has `None`, and equal entities compare equal).
    fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// Adds an attribute of the user's own: a key in the `x-` namespace (`x-sector`), kept on
    /// the entity and on its mentions ([`crate::Mention::attribute`]). Keys outside the
    /// namespace are the format's own, where an unknown key is an error (a typo).
    ///
    /// ```
    /// use nordic_ner::{Entity, EntityId, Kind};
    ///
    /// let e = Entity::new(EntityId::new("user:fjord")?, Kind::Company, "Fjord")?
    ///     .with_attribute("x-sector", "energy")?;
    /// assert_eq!(e.attribute("x-sector"), Some("energy"));
    /// assert!(e.clone().with_attribute("sector", "energy").is_err());
    /// assert!(e.with_attribute("x-sector", "oil").is_err()); // once only
    /// # Ok::<(), nordic_ner::Problem>(())
    /// ```
    ///
    /// # Errors
    /// [`Problem::UnknownAttribute`] when the key is not `x-` followed by ASCII lowercase
    /// letters, digits, `_` or `-`; [`Problem::RepeatedAttribute`] when the entity has it
    /// already; [`Problem::ControlCharacter`] for a control character in the value.
    pub fn with_attribute(mut self, key: &str, value: &str) -> Result<Entity, Problem> {
        let name_ok = key.strip_prefix("x-").is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        });
        if !name_ok {
            return Err(Problem::UnknownAttribute(key.to_string()));
        }
        if self.attribute(key).is_some() {
            return Err(Problem::RepeatedAttribute(key.to_string()));
        }
        no_control_characters(value)?;
        self.more_mut()
            .attributes
            .push((key.to_string(), value.to_string()));
        Ok(self)
    }

    /// The value of the user's attribute `key` (`x-sector`), if the entity has it.
    #[must_use]
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.more()
            .attributes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The user's attributes (`x-` keys), in the order given.
    pub fn attributes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.more()
            .attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Adds an alias.
    ///
    /// # Errors
    /// [`Problem::DuplicateAlias`] when the entity already has an alias with the same text.
    pub fn add_alias(&mut self, alias: Alias) -> Result<(), Problem> {
        if self.aliases.iter().any(|a| a.text == alias.text) {
            return Err(Problem::DuplicateAlias(alias.text));
        }
        self.aliases.push(alias);
        Ok(())
    }

    /// Removes the alias written `text`; for the canonical name (matched without an alias
    /// line), stops the name being matched (as `match_name=no`).
    ///
    /// # Errors
    /// [`Problem::UnknownAlias`] when the entity has no alias or name written so.
    pub fn remove_alias(&mut self, text: &str) -> Result<(), Problem> {
        let before = self.aliases.len();
        self.aliases.retain(|a| a.text != text);
        let removed = self.aliases.len() < before;
        if *self.name == *text && self.match_name {
            self.match_name = false;
            return Ok(());
        }
        if removed {
            Ok(())
        } else {
            Err(Problem::UnknownAlias(text.to_string()))
        }
    }

    /// Adds an alias the caller has checked is not a duplicate (the parser keeps a set).
    pub(crate) fn push_alias_unchecked(&mut self, alias: Alias) {
        self.aliases.push(alias);
    }

    /// Adds an alias, builder style.
    ///
    /// # Errors
    /// As [`Entity::add_alias`].
    pub fn with_alias(mut self, alias: Alias) -> Result<Entity, Problem> {
        self.add_alias(alias)?;
        Ok(self)
    }

    /// Adds another kind the entity also has (H&M is a brand and a company).
    #[must_use]
    pub fn with_also(mut self, kind: Kind) -> Entity {
        if kind != self.kind && !self.more().also.contains(&kind) {
            self.more_mut().also.push(kind);
        }
        self
    }

    pub(crate) fn set_match_name(&mut self, on: bool) {
        self.match_name = on;
    }
    pub(crate) fn set_iso3(&mut self, v: String) {
        self.more_mut().iso3 = Some(v);
    }
    pub(crate) fn set_nordic(&mut self, v: bool) {
        self.nordic = v;
    }
    pub(crate) fn set_origin(&mut self, v: String) {
        self.more_mut().origin = Some(v);
    }
    pub(crate) fn set_owner(&mut self, v: EntityId) {
        self.more_mut().owner = Some(v);
    }
    pub(crate) fn push_isin(&mut self, v: String) {
        self.more_mut().isins.push(v);
    }
    pub(crate) fn push_source(&mut self, v: Provenance) {
        self.more_mut().sources.push(v);
    }
    pub(crate) fn set_note(&mut self, v: String) {
        self.more_mut().note = Some(v);
    }

    /// The stable id.
    #[must_use]
    pub fn id(&self) -> &EntityId {
        &self.id
    }

    /// The main kind.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Other kinds the entity also has.
    #[must_use]
    pub fn also(&self) -> &[Kind] {
        &self.more().also
    }

    /// Whether the entity is of `kind`, as its main kind or one of its others.
    #[must_use]
    pub fn is(&self, kind: Kind) -> bool {
        self.kind == kind || self.more().also.contains(&kind)
    }

    /// The canonical name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn shared_name(&self) -> Arc<str> {
        Arc::clone(&self.name)
    }

    /// The texts of every alias the tagger matches, the canonical name first (when matched).
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.matched_aliases().map(|a| a.text)
    }

    /// Every alias record, including those kept only as a record ([`Alias::is_matched`]).
    /// The canonical name is not among them unless an alias line repeats it.
    #[must_use]
    pub fn alias_records(&self) -> &[Alias] {
        &self.aliases
    }

    /// The aliases the tagger compiles: the canonical name (unless listed explicitly or
    /// switched off) with the default rules and no languages, then every matched alias.
    pub(crate) fn matched_aliases(&self) -> impl Iterator<Item = MatchedAlias<'_>> {
        let name_implicit = self.match_name && !self.aliases.iter().any(|a| a.text == *self.name);
        name_implicit
            .then_some(MatchedAlias {
                text: &self.name,
                case: None,
                langs: &[],
                without_endings: &[],
                words: &[],
                word_endings: &[],
                blocked_endings: &[],
            })
            .into_iter()
            .chain(
                self.aliases
                    .iter()
                    .filter(|a| a.matched)
                    .map(|a| MatchedAlias {
                        text: &a.text,
                        case: a.case,
                        langs: &a.langs,
                        without_endings: &a.without_endings,
                        words: &a.words,
                        word_endings: &a.word_endings,
                        blocked_endings: &a.blocked_endings,
                    }),
            )
    }

    /// ISO 3166-1 alpha-3 code (countries).
    #[must_use]
    pub fn iso3(&self) -> Option<&str> {
        self.more().iso3.as_deref()
    }

    /// ISO 3166-1 alpha-2 code, for ids of the form `iso:XX`.
    #[must_use]
    pub fn iso2(&self) -> Option<&str> {
        self.id.as_str().strip_prefix("iso:")
    }

    /// Whether this is a Nordic country, territory or region.
    #[must_use]
    pub fn is_nordic(&self) -> bool {
        self.nordic
    }

    /// Country of origin (ISO 3166-1 alpha-2), where known.
    #[must_use]
    pub fn origin(&self) -> Option<&str> {
        self.more().origin.as_deref()
    }

    /// Id of the owning entity, where known.
    #[must_use]
    pub fn owner(&self) -> Option<&EntityId> {
        self.more().owner.as_ref()
    }

    /// ISINs of a listed company (one per share class).
    #[must_use]
    pub fn isins(&self) -> &[String] {
        &self.more().isins
    }

    /// Where the entity came from.
    #[must_use]
    pub fn sources(&self) -> &[Provenance] {
        &self.more().sources
    }

    /// Why a decision about the entity was made, if recorded.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.more().note.as_deref()
    }
}

/// [`Problem::ControlCharacter`] for text with a control character other than tab and line
/// breaks (which are white space in names).
fn no_control_characters(text: &str) -> Result<(), Problem> {
    match text
        .chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        Some(character) => Err(Problem::ControlCharacter {
            text: text.to_string(),
            character,
        }),
        None => Ok(()),
    }
}

/// The checks of attribute values, shared by the loader and by deserialisation, so that an
/// entity read from JSON holds what a loaded one may hold.
pub(crate) mod check {
    use crate::error::Problem;

    pub(crate) const LANG_EXPECTED: &str = "ISO 639 codes such as nb,sv";
    pub(crate) const WORD_ENDING_EXPECTED: &str = "lowercase endings such as ssä,stä,-oissa";

    fn bad(key: &str, value: &str, expected: &'static str) -> Problem {
        Problem::BadValue {
            key: key.to_string(),
            value: value.to_string(),
            expected,
        }
    }

    /// An ISO 639 code: two or three lowercase ASCII letters.
    pub(crate) fn lang(code: &str) -> Result<(), Problem> {
        let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        ok.then_some(())
            .ok_or_else(|| bad("lang", code, LANG_EXPECTED))
    }

    /// A Finnish ending as `word_endings=` writes it: lowercase letters, `-` before one on the
    /// plural stem.
    pub(crate) fn word_ending(ending: &str) -> Result<(), Problem> {
        let letters = ending.strip_prefix('-').unwrap_or(ending);
        let ok = !letters.is_empty() && letters.chars().all(char::is_lowercase);
        ok.then_some(())
            .ok_or_else(|| bad("word_endings", ending, WORD_ENDING_EXPECTED))
    }

    /// A blocked ending must be one the tagger reads after the alias (`folded`, as written
    /// `text`).
    pub(crate) fn blocked_ending(folded: &str, text: &str, ending: &str) -> Result<(), Problem> {
        if crate::language_rules::finnish::reads_case_ending(folded, ending) {
            Ok(())
        } else {
            Err(Problem::UnknownCaseEnding {
                key: "blocked_endings".to_string(),
                ending: ending.to_string(),
                alias: text.to_string(),
            })
        }
    }

    /// An ISO 3166-1 code of `len` uppercase ASCII letters (`origin`: 2, `iso3`: 3).
    pub(crate) fn code(key: &str, value: &str, len: usize) -> Result<String, Problem> {
        let expected = if len == 2 {
            "an ISO 3166-1 alpha-2 code"
        } else {
            "three letters A-Z"
        };
        if value.len() == len && value.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(value.to_string())
        } else {
            Err(bad(key, value, expected))
        }
    }

    /// An ISIN: two letters and ten letters or digits.
    pub(crate) fn isin(value: &str) -> Result<String, Problem> {
        // Bytes, not string slices: a non-ASCII value must be refused, not split inside a char.
        let bytes = value.as_bytes();
        let ok = bytes.len() == 12
            && bytes[..2].iter().all(u8::is_ascii_uppercase)
            && bytes[2..]
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(value.to_string())
        } else {
            Err(bad("isin", value, "a 12-character ISIN"))
        }
    }
}

/// Entities and aliases as serde reads them, before the checks of loading
/// (`TryFrom` below): the same fields as the checked types.
#[cfg(feature = "serde")]
mod unchecked {
    use std::sync::Arc;

    use super::{CaseRule, EntityId, Kind, Provenance, WordIn};

    #[derive(serde::Deserialize)]
    pub(super) struct Alias {
        pub(super) text: String,
        pub(super) case: Option<CaseRule>,
        pub(super) matched: bool,
        pub(super) langs: Vec<String>,
        #[serde(default)]
        pub(super) without_endings: Vec<String>,
        #[serde(default)]
        pub(super) words: Vec<WordIn>,
        #[serde(default)]
        pub(super) word_endings: Vec<String>,
        #[serde(default)]
        pub(super) former: bool,
        pub(super) blocked_endings: Vec<String>,
        pub(super) sources: Vec<Provenance>,
        pub(super) note: Option<String>,
    }

    #[derive(serde::Deserialize)]
    pub(super) struct Entity {
        pub(super) id: EntityId,
        pub(super) kind: Kind,
        pub(super) also: Vec<Kind>,
        pub(super) name: Arc<str>,
        pub(super) match_name: bool,
        pub(super) aliases: Vec<super::Alias>,
        pub(super) iso3: Option<String>,
        pub(super) nordic: bool,
        pub(super) origin: Option<String>,
        pub(super) owner: Option<EntityId>,
        pub(super) isins: Vec<String>,
        pub(super) sources: Vec<Provenance>,
        pub(super) note: Option<String>,
        #[serde(default)]
        pub(super) attributes: Vec<(String, String)>,
    }
}

#[cfg(feature = "serde")]
impl TryFrom<unchecked::Alias> for Alias {
    type Error = Problem;

    fn try_from(a: unchecked::Alias) -> Result<Alias, Problem> {
        Alias::new(&a.text)?;
        for lang in &a.langs {
            check::lang(lang)?;
        }
        for lang in &a.without_endings {
            check::lang(lang)?;
        }
        for ending in &a.word_endings {
            check::word_ending(ending)?;
        }
        let folded = crate::normalize::normalize(&a.text, true);
        for ending in &a.blocked_endings {
            check::blocked_ending(&folded, &a.text, ending)?;
        }
        Ok(Alias {
            text: a.text,
            case: a.case,
            matched: a.matched,
            langs: a.langs,
            without_endings: a.without_endings,
            words: a.words,
            word_endings: a.word_endings,
            former: a.former,
            blocked_endings: a.blocked_endings,
            sources: a.sources,
            note: a.note,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<unchecked::Entity> for Entity {
    type Error = Problem;

    fn try_from(e: unchecked::Entity) -> Result<Entity, Problem> {
        let mut entity = Entity::new(e.id, e.kind, &e.name)?;
        for kind in e.also {
            entity = entity.with_also(kind);
        }
        // A set, so that an entity with very many aliases is checked in linear time.
        let mut seen = std::collections::HashSet::with_capacity(e.aliases.len());
        for alias in e.aliases {
            if !seen.insert(alias.text.clone()) {
                return Err(Problem::DuplicateAlias(alias.text));
            }
            entity.push_alias_unchecked(alias);
        }
        for (key, value) in &e.attributes {
            entity = entity.with_attribute(key, value)?;
        }
        // Set only what is there, so that an entity with nothing more keeps `more` empty.
        if let Some(code) = e.iso3 {
            entity.set_iso3(check::code("iso3", &code, 3)?);
        }
        if let Some(code) = e.origin {
            entity.set_origin(check::code("origin", &code, 2)?);
        }
        for isin in &e.isins {
            entity.push_isin(check::isin(isin)?);
        }
        entity.match_name = e.match_name;
        entity.nordic = e.nordic;
        if let Some(owner) = e.owner {
            entity.set_owner(owner);
        }
        for source in e.sources {
            entity.push_source(source);
        }
        if let Some(note) = e.note {
            entity.set_note(note);
        }
        Ok(entity)
    }
}

/// Entities as serde writes them: every field, as if none were boxed (the shape
/// `unchecked::Entity` reads).
#[cfg(feature = "serde")]
impl serde::Serialize for Entity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        #[serde(rename = "Entity")]
        struct Shape<'a> {
            id: &'a EntityId,
            kind: Kind,
            also: &'a [Kind],
            name: &'a str,
            match_name: bool,
            aliases: &'a [Alias],
            iso3: &'a Option<String>,
            nordic: bool,
            origin: &'a Option<String>,
            owner: &'a Option<EntityId>,
            isins: &'a [String],
            sources: &'a [Provenance],
            note: &'a Option<String>,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            attributes: &'a [(String, String)],
        }
        let more = self.more();
        Shape {
            id: &self.id,
            kind: self.kind,
            also: &more.also,
            name: &self.name,
            match_name: self.match_name,
            aliases: &self.aliases,
            iso3: &more.iso3,
            nordic: self.nordic,
            origin: &more.origin,
            owner: &more.owner,
            isins: &more.isins,
            sources: &more.sources,
            note: &more.note,
            attributes: &more.attributes,
        }
        .serialize(serializer)
    }
}
