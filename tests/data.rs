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
            .get(format!("iso:{code}"))
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

/// A product named after its company is a brand of its own, owned by the company, and found
/// as that brand ("Google Maps", not Google with a part).
#[test]
fn products_are_brands_owned_by_their_company() {
    let g = Gazetteer::builtin();
    for (product, owner) in [("Google Maps", "Q95"), ("Apple Pay", "Q312")] {
        let e = g
            .entities()
            .find(|e| e.name() == product)
            .unwrap_or_else(|| panic!("{product} is not in the data"));
        assert_eq!(e.kind(), Kind::Brand, "{product}");
        assert_eq!(e.owner().map(|o| o.as_str()), Some(owner), "{product}");
        let text = format!("Mange bruker {product} hver dag.");
        let m = nordic_ner::tag(&text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert_eq!((m[0].text(), m[0].id()), (product, e.id()), "{text}");
    }
}

/// Former names are marked and still found ("TeliaSonera" for Telia Company).
#[test]
fn former_names_are_marked_and_matched() {
    let g = Gazetteer::builtin();
    let telia = g
        .entities()
        .find(|e| e.name() == "Telia Company")
        .expect("Telia Company");
    let former: Vec<&str> = telia
        .alias_records()
        .iter()
        .filter(|a| a.is_former_name())
        .map(|a| a.text())
        .collect();
    assert_eq!(former, ["TeliaSonera"]);
    assert!(telia
        .alias_records()
        .iter()
        .filter(|a| !a.is_former_name())
        .any(|a| a.text() == "Telia"));
    let m = nordic_ner::tag("TeliaSoneran osake nousi.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].id(), telia.id());
}

/// A digital brand (simple-icons) named with a word of a Nordic language or a common English
/// word is kept as a record but not matched ("Buffer", "Opera"); one named with a rarer English
/// word is matched in exact case ("Yahoo"), one with a name of its own in any case.
#[test]
fn digital_brands_named_like_words_or_people_are_not_matched() {
    let g = Gazetteer::builtin();
    let from_simple_icons =
        |e: &&nordic_ner::Entity| e.sources().iter().all(|s| s.source == "simple-icons");
    let mut unmatched_words = 0;
    for e in g.entities().filter(from_simple_icons) {
        for a in e.alias_records() {
            let one_word = !a.text().contains(' ') && !a.text().chars().all(char::is_uppercase);
            let nordic_word = a.ordinary_word_in().iter().any(|w| {
                w.language != nordic_ner::Language::English
                    && w.language != nordic_ner::Language::Finnish
            });
            if one_word && nordic_word && a.case() == Some(CaseRule::Exact) {
                assert!(
                    !a.is_matched(),
                    "{} {:?} is a Nordic word",
                    e.id(),
                    a.text()
                );
            }
            unmatched_words += usize::from(one_word && !a.is_matched());
        }
    }
    assert!(unmatched_words > 100, "{unmatched_words}");
    assert_eq!(nordic_ner::tag("Han skrev det i Buffer i går.").len(), 0);
    for (text, name) in [
        ("Mange bruker Snapchat hver dag.", "Snapchat"),
        ("Yahoo kjøpte selskapet i går.", "Yahoo"),
    ] {
        let m = nordic_ner::tag(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert_eq!((m[0].text(), m[0].kind()), (name, Kind::Brand));
    }
}
