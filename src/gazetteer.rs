//! The gazetteer: validated entities from data files, readers or code.

use std::collections::HashMap;

use crate::fast_hash::FastHash;
use std::io::Read;
use std::path::Path;

use crate::entity::{Entity, EntityId};
use crate::error::{GazetteerError, Location, Problem};
use crate::format;

/// A collection of entities with unique ids, in the order they were added.
///
/// The order matters when two entities share an alias: the tagger links the alias to the
/// entity added first.
///
/// ```
/// use nordic_ner::{Gazetteer, Kind};
///
/// let gazetteer = Gazetteer::builtin();
/// let norway = gazetteer.get("iso:NO").unwrap();
/// assert_eq!(norway.kind(), Kind::Country);
/// assert!(norway.aliases().any(|a| a == "Norge"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    index: HashMap<EntityId, usize, FastHash>,
    locations: Vec<Location>,
}

impl Gazetteer {
    /// The embedded default gazetteers (countries, regions, companies, brands), parsed on
    /// first use and shared by all threads.
    #[must_use]
    pub fn builtin() -> &'static Gazetteer {
        crate::builtin::gazetteer()
    }

    /// The embedded gazetteer files as `(path, text)`, in link priority order: what
    /// [`Gazetteer::builtin`] parses, for reading the raw data or parsing it yourself.
    ///
    /// ```
    /// let files = nordic_ner::Gazetteer::builtin_files();
    /// assert_eq!(files[0].0, "data/countries.tsv");
    /// ```
    #[must_use]
    pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
        &crate::builtin::FILES[..]
    }

    /// A builder, to combine files, readers, code and the builtin data.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Parses one gazetteer text. `source` names it in error messages.
    ///
    /// # Errors
    /// [`GazetteerError::Invalid`] naming `source`, the line and the problem.
    pub fn from_text(source: &str, text: &str) -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer::builder().add_text(source, text)?.build())
    }

    /// Reads and parses a gazetteer file.
    ///
    /// # Errors
    /// [`GazetteerError::Io`] when the file cannot be read, [`GazetteerError::Invalid`]
    /// when it is not UTF-8 or a record is invalid.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer::builder().add_path(path)?.build())
    }

    /// Reads and parses a gazetteer from any reader. `source` names it in error messages.
    ///
    /// # Errors
    /// As [`Gazetteer::from_path`].
    pub fn from_reader(source: &str, reader: impl Read) -> Result<Gazetteer, GazetteerError> {
        Ok(Gazetteer::builder().add_reader(source, reader)?.build())
    }

    /// Every entity, in order.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = &Entity> {
        self.entities.iter()
    }

    /// The entity with this id (a `&str` or an [`EntityId`]).
    #[must_use]
    pub fn get(&self, id: impl AsRef<str>) -> Option<&Entity> {
        self.index.get(id.as_ref()).map(|&i| &self.entities[i])
    }

    /// Where the entity with this id was defined (file and line).
    #[must_use]
    pub fn location(&self, id: impl AsRef<str>) -> Option<&Location> {
        self.index.get(id.as_ref()).map(|&i| &self.locations[i])
    }

    /// The entities with an alias that reads `alias` as the tagger reads names (case, white
    /// space and Unicode composition aside), matched aliases and the canonical name alike, in
    /// order. A linear search: for a lookup now and then, not a tagger.
    ///
    /// ```
    /// let g = nordic_ner::Gazetteer::builtin();
    /// let found: Vec<&str> = g.by_alias("NORGE").iter().map(|e| e.id().as_str()).collect();
    /// assert_eq!(found, ["iso:NO"]);
    /// ```
    #[must_use]
    pub fn by_alias(&self, alias: &str) -> Vec<&Entity> {
        let wanted = crate::normalize::normalize(alias, true);
        if wanted.is_empty() {
            return Vec::new();
        }
        let reads = |text: &str| crate::normalize::normalizes_to(text, true, &wanted);
        self.entities
            .iter()
            .filter(|e| reads(e.name()) || e.aliases().any(reads))
            .collect()
    }

    /// Every alias that stands for more than one entity, as the tagger reads aliases (case,
    /// white space and Unicode composition aside), with its entities in the gazetteer's order:
    /// the tagger links a mention of it to the first of them (unless
    /// [`crate::TaggerBuilder::prefer_countries`] says otherwise) and lists the others as the
    /// mention's [`crate::Mention::alternatives`]. In the order of each alias's first entity.
    ///
    /// ```
    /// use nordic_ner::Gazetteer;
    ///
    /// let mine = "user:a\tcompany\tNordlys\nuser:b\tbrand\tNORDLYS\nuser:c\tbrand\tSol\n";
    /// let gazetteer = Gazetteer::from_text("mine.tsv", mine)?;
    /// let shared = gazetteer.shared_aliases();
    /// assert_eq!(shared.len(), 1);
    /// assert_eq!(shared[0].alias, "nordlys");
    /// let ids: Vec<&str> = shared[0].entities.iter().map(|e| e.id().as_str()).collect();
    /// assert_eq!(ids, ["user:a", "user:b"]);
    /// # Ok::<(), nordic_ner::GazetteerError>(())
    /// ```
    #[must_use]
    pub fn shared_aliases(&self) -> Vec<SharedAlias<'_>> {
        let mut by_alias: HashMap<String, Vec<usize>, FastHash> = HashMap::default();
        let mut order: Vec<String> = Vec::new();
        for (i, entity) in self.entities.iter().enumerate() {
            for alias in entity.aliases() {
                let folded = crate::normalize::normalize(alias, true).to_string();
                let entities = by_alias.entry(folded).or_insert_with_key(|k| {
                    order.push(k.clone());
                    Vec::new()
                });
                if entities.last() != Some(&i) {
                    entities.push(i);
                }
            }
        }
        order
            .into_iter()
            .filter_map(|alias| {
                let entities = by_alias.remove(&alias)?;
                (entities.len() > 1).then(|| SharedAlias {
                    entities: entities.iter().map(|&i| &self.entities[i]).collect(),
                    alias,
                })
            })
            .collect()
    }

    /// The listed company with this ISIN (upper or lower case), if any.
    ///
    /// ```
    /// let g = nordic_ner::Gazetteer::builtin();
    /// assert_eq!(g.by_isin("NO0010096985").map(|e| e.name()), Some("Equinor"));
    /// ```
    #[must_use]
    pub fn by_isin(&self, isin: &str) -> Option<&Entity> {
        self.entities
            .iter()
            .find(|e| e.isins().iter().any(|i| i.eq_ignore_ascii_case(isin)))
    }

    /// The number of entities.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// An alias that stands for several entities ([`Gazetteer::shared_aliases`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SharedAlias<'g> {
    /// The alias as the tagger reads it: case-folded, white space and composition normalised.
    pub alias: String,
    /// The entities it stands for, in the gazetteer's order (at least two).
    pub entities: Vec<&'g Entity>,
}

/// What a [`GazetteerBuilder`] does with a second definition of an id: never ignored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OnDuplicate {
    /// The second definition is an error ([`Problem::DuplicateId`], naming both places).
    #[default]
    Error,
    /// The second definition replaces the first, in the first's place (so it keeps the
    /// first's link priority): a user's file can correct a builtin entity.
    Replace,
}

/// Combines gazetteer sources into one [`Gazetteer`], and edits what it holds: entities and
/// aliases removed (builtin ones too), entities replaced, kept by a predicate, gazetteers
/// merged. Ids stay unique: a second definition of an id is an error or replaces the first
/// ([`GazetteerBuilder::on_duplicate`]).
///
/// ```
/// use nordic_ner::{Alias, CaseRule, Entity, EntityId, Gazetteer, Kind};
///
/// let acme = Entity::new(EntityId::new("user:acme")?, Kind::Company, "Acme")?
///     .with_alias(Alias::new("Acme AS")?)?;
/// let gazetteer = Gazetteer::builder()
///     .add_builtin()?
///     .add_text("mine.tsv", "user:fjord\tcompany\tFjord\n\tFjord\tcase=exact\n")?
///     .add_entity(acme)?
///     .remove("iso:SE")?                 // no Sweden
///     .remove_alias("iso:NO", "Noreg")?  // Norway, but not its Nynorsk name
///     .build();
/// assert!(gazetteer.get("user:acme").is_some());
/// assert!(gazetteer.get("iso:SE").is_none());
/// assert!(!gazetteer.get("iso:NO").unwrap().aliases().any(|a| a == "Noreg"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct GazetteerBuilder {
    /// Entities in the order added; `None` where one was removed (compacted by `build`).
    entities: Vec<Option<Entity>>,
    /// Where each entity of `entities` was defined.
    locations: Vec<Location>,
    /// How many entities were removed: with none, `build` keeps the lists and the index.
    removed: usize,
    index: HashMap<EntityId, usize, FastHash>,
    on_duplicate: OnDuplicate,
}

impl GazetteerBuilder {
    /// A builder with no entities.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// What a later definition of an id does from now on: an error (the default) or a
    /// replacement of the earlier one.
    ///
    /// ```
    /// use nordic_ner::{Gazetteer, OnDuplicate};
    ///
    /// let fix = "iso:NO\tcountry\tNorway\n\tNorge\n"; // Norway with fewer names
    /// assert!(Gazetteer::builder().add_builtin()?.add_text("fix.tsv", fix).is_err());
    /// let g = Gazetteer::builder()
    ///     .add_builtin()?
    ///     .on_duplicate(OnDuplicate::Replace)
    ///     .add_text("fix.tsv", fix)?
    ///     .build();
    /// assert_eq!(g.get("iso:NO").unwrap().aliases().count(), 2);
    /// # Ok::<(), nordic_ner::GazetteerError>(())
    /// ```
    pub fn on_duplicate(mut self, policy: OnDuplicate) -> GazetteerBuilder {
        self.on_duplicate = policy;
        self
    }

    fn insert(&mut self, entity: Entity, location: Location) -> Result<(), GazetteerError> {
        if let Some(&at) = self.index.get(entity.id()) {
            // Removed ids leave the index, so `at` holds an entity.
            match self.on_duplicate {
                OnDuplicate::Replace => {
                    self.entities[at] = Some(entity);
                    self.locations[at] = location;
                }
                OnDuplicate::Error => {
                    let problem = Problem::DuplicateId {
                        id: entity.id().to_string(),
                        first: self.locations[at].clone(),
                    };
                    return Err(GazetteerError::Invalid { location, problem });
                }
            }
            return Ok(());
        }
        self.index.insert(entity.id().clone(), self.entities.len());
        self.entities.push(Some(entity));
        self.locations.push(location);
        Ok(())
    }

    /// The entity with this id, for an edit.
    fn entry(&mut self, id: &str) -> Result<&mut Entity, GazetteerError> {
        self.index
            .get(id)
            .and_then(|&at| self.entities[at].as_mut())
            .ok_or_else(|| unknown_id(id))
    }

    /// Removes the entity with this id (a builtin one too); the tagger will not find it.
    ///
    /// # Errors
    /// [`Problem::UnknownId`] when no entity has the id (a typo is not ignored).
    pub fn remove(mut self, id: impl AsRef<str>) -> Result<GazetteerBuilder, GazetteerError> {
        let id = id.as_ref();
        let at = self.index.remove(id).ok_or_else(|| unknown_id(id))?;
        self.entities[at] = None;
        self.removed += 1;
        Ok(self)
    }

    /// Removes one alias (as written in the data) of the entity with this id; removing its
    /// canonical name stops the name being matched (`match_name=no`).
    ///
    /// # Errors
    /// [`Problem::UnknownId`] when no entity has the id, [`Problem::UnknownAlias`] when it
    /// has no such alias.
    pub fn remove_alias(
        mut self,
        id: impl AsRef<str>,
        alias: &str,
    ) -> Result<GazetteerBuilder, GazetteerError> {
        let id = id.as_ref();
        let entity = self.entry(id)?;
        entity
            .remove_alias(alias)
            .map_err(|problem| GazetteerError::at("<code>", None, problem))?;
        Ok(self)
    }

    /// Replaces the entity with the same id as `entity`, in its place.
    ///
    /// # Errors
    /// [`Problem::UnknownId`] when no entity has the id (use `add_entity` to add one).
    pub fn replace(mut self, entity: Entity) -> Result<GazetteerBuilder, GazetteerError> {
        let slot = self.entry(entity.id().as_str())?;
        *slot = entity;
        Ok(self)
    }

    /// Keeps only the entities `keep` accepts (`|e| e.is(Kind::Country)`, `|e| e.is_nordic()`).
    ///
    /// ```
    /// use nordic_ner::{Gazetteer, Kind};
    ///
    /// let nordic = Gazetteer::builder().add_builtin()?.retain(|e| e.is_nordic()).build();
    /// assert!(nordic.get("iso:FO").is_some() && nordic.get("iso:DE").is_none());
    /// # Ok::<(), nordic_ner::GazetteerError>(())
    /// ```
    pub fn retain(mut self, mut keep: impl FnMut(&Entity) -> bool) -> GazetteerBuilder {
        for slot in &mut self.entities {
            if let Some(entity) = slot {
                if !keep(entity) {
                    self.index.remove(entity.id());
                    *slot = None;
                    self.removed += 1;
                }
            }
        }
        self
    }

    /// Adds every entity of another gazetteer, in its order, with the places they were
    /// defined (for error messages).
    ///
    /// # Errors
    /// [`Problem::DuplicateId`] when an id was added before (unless
    /// [`OnDuplicate::Replace`]).
    pub fn add_gazetteer(mut self, other: &Gazetteer) -> Result<GazetteerBuilder, GazetteerError> {
        for (entity, location) in other.entities.iter().zip(&other.locations) {
            self.insert(entity.clone(), location.clone())?;
        }
        Ok(self)
    }

    /// Adds every entity of the embedded default gazetteers.
    ///
    /// # Errors
    /// [`Problem::DuplicateId`] when an id was added before.
    pub fn add_builtin(self) -> Result<GazetteerBuilder, GazetteerError> {
        self.add_gazetteer(Gazetteer::builtin())
    }

    /// Parses and adds a gazetteer text. `source` names it in error messages.
    ///
    /// # Errors
    /// [`GazetteerError::Invalid`] naming `source`, the line and the problem.
    pub fn add_text(
        mut self,
        source: &str,
        text: &str,
    ) -> Result<GazetteerBuilder, GazetteerError> {
        format::parse(source, text, |parsed| {
            let location = Location {
                source: source.to_string(),
                line: Some(parsed.line),
                column: None,
            };
            self.insert(parsed.entity, location)
        })?;
        Ok(self)
    }

    /// Reads, parses and adds a gazetteer file.
    ///
    /// # Errors
    /// [`GazetteerError::Io`] when the file cannot be read, [`GazetteerError::Invalid`]
    /// when it is not UTF-8 or a record is invalid.
    pub fn add_path(self, path: impl AsRef<Path>) -> Result<GazetteerBuilder, GazetteerError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| GazetteerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_reader(&path.display().to_string(), file)
    }

    /// Reads, parses and adds a gazetteer from any reader. `source` names it in errors.
    ///
    /// # Errors
    /// As [`GazetteerBuilder::add_path`].
    pub fn add_reader(
        self,
        source: &str,
        mut reader: impl Read,
    ) -> Result<GazetteerBuilder, GazetteerError> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| GazetteerError::Io {
                path: source.into(),
                source: e,
            })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            // Name the line holding the first invalid byte.
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            GazetteerError::at(source, Some(line), Problem::InvalidUtf8)
        })?;
        self.add_text(source, &text)
    }

    /// Adds one entity built in code.
    ///
    /// # Errors
    /// [`Problem::DuplicateId`] when the id was added before.
    pub fn add_entity(mut self, entity: Entity) -> Result<GazetteerBuilder, GazetteerError> {
        let location = Location {
            source: "<code>".to_string(),
            line: None,
            column: None,
        };
        self.insert(entity, location)?;
        Ok(self)
    }

    /// Adds entities built in code, in order.
    ///
    /// # Errors
    /// [`Problem::DuplicateId`] when an id was added before; the entities before it are
    /// added.
    pub fn add_entities(
        mut self,
        entities: impl IntoIterator<Item = Entity>,
    ) -> Result<GazetteerBuilder, GazetteerError> {
        for entity in entities {
            self = self.add_entity(entity)?;
        }
        Ok(self)
    }

    /// The finished gazetteer.
    pub fn build(self) -> Gazetteer {
        if self.removed == 0 {
            // Every slot holds an entity at the place the index names: the lists are kept
            // (collected in place) and so is the index, so that a million entities are not
            // held twice.
            return Gazetteer {
                entities: self.entities.into_iter().flatten().collect(),
                index: self.index,
                locations: self.locations,
            };
        }
        let mut gazetteer = Gazetteer::default();
        for (entity, location) in self.entities.into_iter().zip(self.locations) {
            if let Some(entity) = entity {
                gazetteer
                    .index
                    .insert(entity.id().clone(), gazetteer.entities.len());
                gazetteer.entities.push(entity);
                gazetteer.locations.push(location);
            }
        }
        gazetteer
    }
}

/// [`Problem::UnknownId`] as a gazetteer error of code.
fn unknown_id(id: &str) -> GazetteerError {
    GazetteerError::at("<code>", None, Problem::UnknownId(id.to_string()))
}
