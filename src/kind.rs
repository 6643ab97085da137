//! Entity kinds: the builtin ones, each described by one row of [`BUILTIN`], and users' own.
//!
//! Every place that treats kinds differently (the tagger's rules, the embedded files, the IOB
//! labels, the HTML colours, the evaluation) reads the table, so that adding a builtin kind
//! touches three places: the enum variant, its row, and its data file.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use once_cell::sync::Lazy;

use crate::error::Problem;

/// What sort of thing an entity is: one of the builtin kinds, or a kind of the user's own
/// ([`Kind::custom`]; in a gazetteer file, declared with a `@kind` line).
///
/// ```
/// use nordic_ner::Kind;
///
/// assert_eq!("country".parse::<Kind>()?, Kind::Country);
/// let person = Kind::custom("person")?;
/// assert_eq!(person.as_str(), "person");
/// assert_eq!("person".parse::<Kind>()?, person);
/// assert!(!person.is_builtin());
/// # Ok::<(), nordic_ner::Problem>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A company or other organisation that trades (Equinor, Alibaba, NRK).
    Company,
    /// A brand or chain (Monki, Fjällräven, Rema 1000).
    Brand,
    /// A country or territory (Norway, Åland, Greenland).
    Country,
    /// A region larger or other than a country (Norden, Skandinavia, Europa).
    Region,
    /// A kind of the user's own: person, product, place, ...
    Custom(CustomKind),
}

/// A builtin kind's row: everything the crate treats differently by kind.
pub(crate) struct KindRow {
    pub(crate) kind: Kind,
    /// The name in data files, JSON and CSS classes.
    pub(crate) name: &'static str,
    /// The label in the NorNE tag set and in Universal NER's.
    pub(crate) norne: &'static str,
    pub(crate) universal_ner: &'static str,
    /// The HTML page's text and background colours (contrast at least 7:1) and underline
    /// style (so that readers who tell colours apart badly still tell the kinds apart).
    pub(crate) colour: Colour,
    /// A trade name: takes Finnish case endings and plural stems ("Nokian", "Prismoissa"),
    /// legal forms ("Equinor ASA"), web addresses ("Komplett.no"), and names a product or
    /// unit when capitalised words follow ("Google Flights", "Telenor Danmark").
    pub(crate) trade_name: bool,
    /// A place: a Finnish genitive of it heads an institution ("Suomen hallitus"), and it may
    /// end a unit's name ("Telenor Danmark").
    pub(crate) place: bool,
    /// Has product lines: a quoted title opening with it ("«Guitar Hero: World Tour»") and a
    /// model number after it ("Xbox 360") belong to the mention.
    pub(crate) products: bool,
    /// The embedded data file (path and text) and its link priority: when two entities share
    /// an alias, the one from the file of lower priority number wins (a country over a brand).
    pub(crate) file: (&'static str, &'static str),
    pub(crate) link_priority: u8,
}

/// Colours of a kind in the HTML page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Colour {
    pub(crate) text: &'static str,
    pub(crate) background: &'static str,
    pub(crate) underline: &'static str,
}

/// The builtin kinds, in the declaration order of [`Kind`].
pub(crate) const BUILTIN: [KindRow; 4] = [
    KindRow {
        kind: Kind::Company,
        name: "company",
        norne: "ORG",
        universal_ner: "ORG",
        colour: Colour {
            text: "#0a4991",
            background: "#dbe9fb",
            underline: "solid",
        },
        trade_name: true,
        place: false,
        products: false,
        file: ("data/companies.tsv", include_str!("../data/companies.tsv")),
        link_priority: 2,
    },
    KindRow {
        kind: Kind::Brand,
        name: "brand",
        norne: "PROD",
        universal_ner: "ORG",
        colour: Colour {
            text: "#7d3500",
            background: "#fde3c8",
            underline: "dashed",
        },
        trade_name: true,
        place: false,
        products: true,
        file: ("data/brands.tsv", include_str!("../data/brands.tsv")),
        link_priority: 3,
    },
    KindRow {
        kind: Kind::Country,
        name: "country",
        norne: "GPE_LOC",
        universal_ner: "LOC",
        colour: Colour {
            text: "#145727",
            background: "#d6f0d9",
            underline: "solid",
        },
        trade_name: false,
        place: true,
        products: false,
        file: ("data/countries.tsv", include_str!("../data/countries.tsv")),
        link_priority: 0,
    },
    KindRow {
        kind: Kind::Region,
        name: "region",
        norne: "GPE_LOC",
        universal_ner: "LOC",
        colour: Colour {
            text: "#5b2a86",
            background: "#ecdcf7",
            underline: "dotted",
        },
        trade_name: false,
        place: true,
        products: false,
        file: ("data/regions.tsv", include_str!("../data/regions.tsv")),
        link_priority: 1,
    },
];

/// The builtin kinds' names for messages: `company, brand, country, region`.
pub(crate) fn builtin_names() -> String {
    let names: Vec<&str> = BUILTIN.iter().map(|r| r.name).collect();
    names.join(", ")
}

/// Colours for users' kinds, picked by a hash of the name: dark text on a pale background,
/// each pair at least 7:1 (`custom_colours_are_readable` checks).
const CUSTOM_COLOURS: [(&str, &str); 6] = [
    ("#7a1f4f", "#fbe1ee"),
    ("#1b5559", "#d9f2f2"),
    ("#5c4a00", "#f7efc8"),
    ("#3a3f8f", "#e3e5fb"),
    ("#6b2f1a", "#f6e2da"),
    ("#2f4f1f", "#e4f0da"),
];

/// A kind of the user's own. Made by [`Kind::custom`]; copied freely (it is a reference to the
/// name, interned for the life of the process: one small allocation per distinct name, and at
/// most [`CustomKind::MAX`] names).
#[derive(Clone, Copy)]
pub struct CustomKind(&'static Interned);

struct Interned {
    name: Box<str>,
    /// The name in capitals: its label where a label map names it not.
    label: Arc<str>,
}

static CUSTOM: Lazy<Mutex<HashMap<Box<str>, &'static Interned>>> =
    Lazy::new(|| Mutex::new(HashMap::new()));

impl CustomKind {
    /// The most distinct names of users' kinds a process may make (they are never freed).
    pub const MAX: usize = 1024;

    /// The kind's name as written in data and JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        &self.0.name
    }

    /// The default label: the name in capitals (`person`: `PERSON`).
    #[must_use]
    pub fn label(self) -> &'static str {
        &self.0.label
    }

    pub(crate) fn shared_label(self) -> Arc<str> {
        Arc::clone(&self.0.label)
    }

    /// The kind's colours in the HTML page, picked by its name.
    pub(crate) fn colour(self) -> Colour {
        let hash = self.0.name.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        let (text, background) = CUSTOM_COLOURS[hash as usize % CUSTOM_COLOURS.len()];
        Colour {
            text,
            background,
            underline: "double",
        }
    }
}

impl PartialEq for CustomKind {
    fn eq(&self, other: &CustomKind) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for CustomKind {}

impl PartialOrd for CustomKind {
    fn partial_cmp(&self, other: &CustomKind) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CustomKind {
    fn cmp(&self, other: &CustomKind) -> std::cmp::Ordering {
        self.0.name.cmp(&other.0.name)
    }
}

impl std::hash::Hash for CustomKind {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

impl fmt::Debug for CustomKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0.name, f)
    }
}

impl Kind {
    /// Every builtin kind, in declaration order (read off the table of builtin kinds).
    pub const ALL: [Kind; BUILTIN.len()] = {
        let mut all = [Kind::Company; BUILTIN.len()];
        let mut i = 0;
        while i < BUILTIN.len() {
            all[i] = BUILTIN[i].kind;
            i += 1;
        }
        all
    };

    /// A kind of the user's own named `name`, or the builtin kind of that name.
    ///
    /// # Errors
    /// [`Problem::BadKindName`] unless the name is 1 to 40 ASCII lowercase letters, digits, `_`
    /// or `-`, starting with a letter (it becomes a CSS class and a label);
    /// [`Problem::TooManyKinds`] past [`CustomKind::MAX`] distinct names.
    pub fn custom(name: &str) -> Result<Kind, Problem> {
        if let Some(row) = BUILTIN.iter().find(|r| r.name == name) {
            return Ok(row.kind);
        }
        let well_formed = (1..=40).contains(&name.len())
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !well_formed {
            return Err(Problem::BadKindName(name.to_string()));
        }
        // A poisoned lock only means another thread panicked while holding it; the map is
        // still whole (entries are inserted in one step).
        let mut interned = CUSTOM.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&found) = interned.get(name) {
            return Ok(Kind::Custom(CustomKind(found)));
        }
        if interned.len() >= CustomKind::MAX {
            return Err(Problem::TooManyKinds(CustomKind::MAX));
        }
        let new: &'static Interned = Box::leak(Box::new(Interned {
            name: name.into(),
            label: name.to_ascii_uppercase().into(),
        }));
        interned.insert(name.into(), new);
        Ok(Kind::Custom(CustomKind(new)))
    }

    /// The lowercase name used in data files and JSON: `company`, `brand`, `country`,
    /// `region`, or a user's kind's name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self.row() {
            Some(row) => row.name,
            None => match self {
                Kind::Custom(custom) => custom.as_str(),
                _ => unreachable!("every builtin kind has a row"),
            },
        }
    }

    /// Whether the kind is one the crate ships (not [`Kind::Custom`]).
    #[must_use]
    pub fn is_builtin(self) -> bool {
        !matches!(self, Kind::Custom(_))
    }

    /// The builtin kind's row of the table; `None` for a user's kind.
    pub(crate) fn row(self) -> Option<&'static KindRow> {
        BUILTIN.iter().find(|r| r.kind == self)
    }

    /// Whether the kind is a trade name (see [`KindRow::trade_name`]).
    pub(crate) fn is_trade_name(self) -> bool {
        self.row().is_some_and(|r| r.trade_name)
    }

    /// Whether the kind is a place (see [`KindRow::place`]).
    pub(crate) fn is_place(self) -> bool {
        self.row().is_some_and(|r| r.place)
    }

    /// Whether the kind has product lines (see [`KindRow::products`]).
    pub(crate) fn has_products(self) -> bool {
        self.row().is_some_and(|r| r.products)
    }

    /// The kind's colours in the HTML page.
    pub(crate) fn colour(self) -> Colour {
        match (self.row(), self) {
            (Some(row), _) => row.colour,
            (None, Kind::Custom(custom)) => custom.colour(),
            (None, _) => unreachable!("every builtin kind has a row"),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = Problem;

    /// A builtin kind by name, or a user's kind ([`Kind::custom`]).
    fn from_str(s: &str) -> Result<Kind, Problem> {
        Kind::custom(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_declaration_order_and_priorities_distinct() {
        for (row, kind) in BUILTIN.iter().zip(Kind::ALL) {
            assert_eq!(row.kind, kind);
            assert_eq!(row.name.parse::<Kind>(), Ok(kind));
        }
        let mut priorities: Vec<u8> = BUILTIN.iter().map(|r| r.link_priority).collect();
        priorities.sort_unstable();
        assert_eq!(priorities, [0, 1, 2, 3]);
    }

    #[test]
    fn custom_kinds_are_interned_and_checked() {
        let a = Kind::custom("product").unwrap();
        let b: Kind = "product".parse().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "product");
        let Kind::Custom(custom) = a else {
            panic!("{a:?}")
        };
        assert_eq!(custom.label(), "PRODUCT");
        for bad in ["", "Person", "1st", "per son", "persön", &"x".repeat(41)] {
            assert!(
                matches!(Kind::custom(bad), Err(Problem::BadKindName(_))),
                "{bad:?}"
            );
        }
    }

    /// WCAG contrast of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.039_28 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn custom_colours_are_readable() {
        let builtin = BUILTIN.iter().map(|r| (r.colour.text, r.colour.background));
        for (text, background) in CUSTOM_COLOURS.into_iter().chain(builtin) {
            let c = contrast(text, background);
            assert!(c >= 7.0, "{text} on {background}: {c:.2}");
        }
    }
}
