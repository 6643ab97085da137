//! The embedded default data: the files of `data/`, parsed once on first use.

use once_cell::sync::Lazy;

use crate::gazetteer::Gazetteer;

/// The embedded files, in link priority order: when two entities share an alias, the one in
/// the earlier file wins (a country name over a brand of the same name).
pub(crate) const FILES: [(&str, &str); 4] = [
    ("data/countries.tsv", include_str!("../data/countries.tsv")),
    ("data/regions.tsv", include_str!("../data/regions.tsv")),
    ("data/companies.tsv", include_str!("../data/companies.tsv")),
    ("data/brands.tsv", include_str!("../data/brands.tsv")),
];

static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let mut builder = Gazetteer::builder();
    for (name, text) in FILES {
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
