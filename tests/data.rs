//! The embedded data: every file parses, every row carries its provenance, and every alias the
//! tagger compiles is found when it stands in a sentence.

use nordic_ner::{fold, CaseRule, Gazetteer, Kind};

#[test]
fn builtin_data_parses() {
    let mut total = 0;
    for (name, text) in Gazetteer::builtin_files() {
        let g = Gazetteer::from_text(name, text).unwrap_or_else(|e| panic!("{e}"));
        assert!(!g.is_empty(), "{name} is empty");
        total += g.len();
    }
    assert_eq!(Gazetteer::builtin().len(), total);
}

/// A source that is not curated names its version and the row's id in it.
#[test]
fn every_row_carries_its_provenance() {
    let mut missing = Vec::new();
    for e in Gazetteer::builtin().entities() {
        let ok = |sources: &[nordic_ner::Provenance]| {
            !sources.is_empty()
                && sources
                    .iter()
                    .all(|s| s.source == "curated" || (s.version.is_some() && s.id.is_some()))
        };
        if !ok(e.sources()) {
            missing.push(format!("{} {:?}", e.id(), e.sources()));
        }
        for a in e.alias_records() {
            if !ok(a.sources()) {
                missing.push(format!("{} alias {:?} {:?}", e.id(), a.text(), a.sources()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} rows without provenance, e.g. {:#?}",
        missing.len(),
        &missing[..missing.len().min(20)]
    );
}

#[test]
fn ids_follow_the_conventions() {
    for e in Gazetteer::builtin().entities() {
        let id = e.id().as_str();
        let ok = match id.split_once(':') {
            Some(("iso", code)) => code.len() == 2 && e.kind() == Kind::Country,
            Some(("region", slug)) | Some(("local", slug)) => !slug.is_empty(),
            Some(("isin", isin)) => e.isins().iter().any(|i| i == isin),
            None => id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit()),
            _ => false,
        };
        assert!(ok, "{id} ({})", e.kind());
    }
}

#[test]
fn nordic_countries_and_regions_are_marked() {
    let g = Gazetteer::builtin();
    for code in ["NO", "SE", "DK", "FI", "IS", "FO", "GL", "AX", "SJ", "BV"] {
        let e = g
            .get(&format!("iso:{code}"))
            .unwrap_or_else(|| panic!("iso:{code}"));
        assert!(e.is_nordic(), "{code}");
    }
    assert!(g.get("region:norden").unwrap().is_nordic());
    assert!(g.entities().filter(|e| e.kind() == Kind::Country).count() >= 249);
}

/// Every compiled alias, standing alone in a sentence, is found whole (by its entity or by
/// another entity with the same alias).
#[test]
fn every_alias_is_found_in_a_sentence() {
    let g = Gazetteer::builtin();
    let tagger = nordic_ner::Tagger::builtin();
    let mut failures = Vec::new();
    for e in g.entities() {
        let exact: Vec<&str> = e
            .alias_records()
            .iter()
            .filter(|a| a.case() == Some(CaseRule::Exact))
            .map(|a| a.text())
            .collect();
        for alias in e.aliases() {
            let sentence = format!("Det gjelder {alias} i dag.");
            let start = "Det gjelder ".len();
            let found = tagger.tag(&sentence);
            let whole = found.iter().any(|m| {
                m.span().start == start
                    && m.span().end == start + alias.len()
                    && g.get(m.id().as_str())
                        .is_some_and(|x| x.aliases().any(|a| fold(a) == fold(alias)))
            });
            if !whole {
                failures.push(format!(
                    "{} {alias:?} exact={}: {:?}",
                    e.id(),
                    exact.contains(&alias),
                    found.iter().map(|m| m.text()).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} aliases not found, e.g. {:#?}",
        failures.len(),
        &failures[..failures.len().min(30)]
    );
}
