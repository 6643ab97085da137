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

    fn insert(&mut self, entity: Entity, location: Location) -> Result<(), GazetteerError> {
        if let Some(&first) = self.index.get(entity.id()) {
            let problem = Problem::DuplicateId {
                id: entity.id().to_string(),
                first: self.locations[first].clone(),
            };
            return Err(GazetteerError::Invalid { location, problem });
        }
        self.index.insert(entity.id().clone(), self.entities.len());
        self.entities.push(entity);
        self.locations.push(location);
        Ok(())
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

/// Combines gazetteer sources into one [`Gazetteer`]; ids must stay unique across all.
///
/// ```
/// use nordic_ner::{Alias, CaseRule, Entity, EntityId, Gazetteer, Kind};
///
/// let acme = Entity::new(EntityId::new("local:acme")?, Kind::Company, "Acme")?
///     .with_alias(Alias::new("Acme AS")?)?;
/// let gazetteer = Gazetteer::builder()
///     .add_builtin()?
///     .add_text("mine.tsv", "local:fjord\tcompany\tFjord\n\tFjord\tcase=exact\n")?
///     .add_entity(acme)?
///     .build();
/// assert!(gazetteer.get("local:acme").is_some());
/// assert!(gazetteer.get("iso:SE").is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct GazetteerBuilder {
    gazetteer: Gazetteer,
}

impl GazetteerBuilder {
    /// A builder with no entities.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds every entity of the embedded default gazetteers.
    ///
    /// # Errors
    /// [`Problem::DuplicateId`] when an id was added before.
    pub fn add_builtin(mut self) -> Result<GazetteerBuilder, GazetteerError> {
        let builtin = Gazetteer::builtin();
        for (entity, location) in builtin.entities.iter().zip(&builtin.locations) {
            self.gazetteer.insert(entity.clone(), location.clone())?;
        }
        Ok(self)
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
        for parsed in format::parse(source, text)? {
            let location = Location {
                source: source.to_string(),
                line: Some(parsed.line),
                column: None,
            };
            self.gazetteer.insert(parsed.entity, location)?;
        }
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
        self.gazetteer.insert(entity, location)?;
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
        self.gazetteer
    }
}
