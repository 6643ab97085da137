//! The embedded default data: the files of `data/`, parsed once on first use.

use once_cell::sync::Lazy;

use crate::gazetteer::Gazetteer;
use crate::kind::{KindRow, BUILTIN as BUILTIN_KINDS};

/// The embedded files, read off the table of builtin kinds, in link priority order: when two
/// entities share an alias, the one in the earlier file wins (a country name over a brand of
/// the same name).
pub(crate) static FILES: Lazy<Vec<(&str, &str)>> = Lazy::new(|| {
    let mut rows: Vec<&KindRow> = BUILTIN_KINDS.iter().collect();
    rows.sort_by_key(|r| r.link_priority);
    rows.into_iter().map(|r| r.file).collect()
});

static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let mut builder = Gazetteer::builder();
    for &(name, text) in FILES.iter() {
        // Every embedded file is parsed by the tests (`builtin_data_parses`), so this holds.
        builder = builder
            .add_text(name, text)
            .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"));
    }
    builder.build()
});

pub(crate) fn gazetteer() -> &'static Gazetteer {
    &BUILTIN
}

/// The default tagger over the builtin gazetteer, compiled on first use.
static TAGGER: Lazy<crate::Tagger> = Lazy::new(|| {
    crate::Tagger::builder()
        .build(gazetteer())
        .unwrap_or_else(|e| panic!("the builtin gazetteer does not compile: {e}"))
});

pub(crate) fn tagger() -> &'static crate::Tagger {
    &TAGGER
}
