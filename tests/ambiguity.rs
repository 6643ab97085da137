//! An alias that stands for several entities: the mention names the one chosen and lists the
//! others, the gazetteer reports every such alias, and the choice follows the user's country
//! preference and the language read.

use nordic_ner::{Gazetteer, Kind, Tagger};

/// Two companies and a brand that share a name, one company with no country.
const SHARED: &str = "\
user:nordlys-se\tcompany\tNordlys\torigin=SE
user:nordlys-no\tcompany\tNordlys\torigin=NO
user:nordlys-brand\tbrand\tNordlys\torigin=NO
user:nordlys-x\tcompany\tNORDLYS AB
\tNordlys
user:sol\tcompany\tSol\torigin=NO
";

fn gazetteer() -> Gazetteer {
    Gazetteer::from_text("shared.tsv", SHARED).unwrap()
}

fn ids(m: &nordic_ner::Mention) -> (String, Vec<String>) {
    let alternatives = m.alternatives().iter().map(|a| a.id.to_string()).collect();
    (m.id().to_string(), alternatives)
}

#[test]
fn the_mention_lists_the_other_entities_in_gazetteer_order() {
    let tagger = Tagger::new(&gazetteer()).unwrap();
    let found = tagger.tag("Nordlys opened an office next to Sol.");
    assert_eq!(
        ids(&found[0]),
        (
            "user:nordlys-se".into(),
            vec![
                "user:nordlys-no".into(),
                "user:nordlys-brand".into(),
                "user:nordlys-x".into()
            ]
        )
    );
    let brand = &found[0].alternatives()[1];
    assert_eq!((brand.kind, &*brand.name), (Kind::Brand, "Nordlys"));
    // An alias of one entity has none.
    assert!(found[1].alternatives().is_empty());
}

#[test]
fn alternatives_follow_the_kinds_the_tagger_finds() {
    let brands = Tagger::builder()
        .kinds([Kind::Brand])
        .build(&gazetteer())
        .unwrap();
    let found = brands.tag("Nordlys opened an office.");
    assert_eq!(ids(&found[0]), ("user:nordlys-brand".into(), vec![]));
}

#[test]
fn preferred_countries_go_first_within_a_kind() {
    let tagger = Tagger::builder()
        .prefer_countries(["no"])
        .build(&gazetteer())
        .unwrap();
    let found = tagger.tag("Nordlys opened an office.");
    // The Norwegian company wins over the Swedish one; the kinds keep their order.
    assert_eq!(
        ids(&found[0]),
        (
            "user:nordlys-no".into(),
            vec![
                "user:nordlys-se".into(),
                "user:nordlys-x".into(),
                "user:nordlys-brand".into()
            ]
        )
    );
}

#[test]
fn the_language_read_picks_its_home_country() {
    let tagger = Tagger::new(&gazetteer()).unwrap();
    let sv = tagger.tag("Nordlys öppnar ett nytt kontor i Stockholm i höst.");
    let nb = tagger.tag("Nordlys åpner et nytt kontor i Oslo i høst.");
    assert_eq!(sv[0].id().as_str(), "user:nordlys-se");
    assert_eq!(nb[0].id().as_str(), "user:nordlys-no");
    // Alternatives are the others, whichever is chosen.
    assert!(nb[0]
        .alternatives()
        .iter()
        .any(|a| a.id.as_str() == "user:nordlys-se"));
    let off = Tagger::builder()
        .prefer_home_country(false)
        .build(&gazetteer())
        .unwrap();
    let nb = off.tag("Nordlys åpner et nytt kontor i Oslo i høst.");
    assert_eq!(nb[0].id().as_str(), "user:nordlys-se");
}

#[test]
fn shared_aliases_report_every_alias_of_several_entities() {
    let g = gazetteer();
    let shared = g.shared_aliases();
    assert_eq!(shared.len(), 1, "{shared:?}");
    assert_eq!(shared[0].alias, "nordlys");
    let ids: Vec<&str> = shared[0].entities.iter().map(|e| e.id().as_str()).collect();
    assert_eq!(
        ids,
        [
            "user:nordlys-se",
            "user:nordlys-no",
            "user:nordlys-brand",
            "user:nordlys-x"
        ]
    );
    // The builtin data has a few (the same name in two countries, a country and a brand).
    let builtin = Gazetteer::builtin().shared_aliases();
    assert!(builtin.iter().any(|s| s.alias == "gyldendal"));
    assert!(builtin.iter().all(|s| s.entities.len() >= 2));
}

#[cfg(feature = "serde")]
#[test]
fn alternatives_are_in_the_json() {
    let tagger = Tagger::new(&gazetteer()).unwrap();
    let json = serde_json::to_value(tagger.tag("Nordlys opened an office next to Sol.")).unwrap();
    assert_eq!(
        json[0]["alternatives"][1],
        serde_json::json!({"entity": "user:nordlys-brand", "kind": "brand", "name": "Nordlys"})
    );
    // Written only where there are some.
    assert!(json[1].get("alternatives").is_none());
    let back: Vec<nordic_ner::Mention> = serde_json::from_value(json).unwrap();
    assert_eq!(back[0].alternatives().len(), 3);
}
