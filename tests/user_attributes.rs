//! Attributes of the user's own (`x-` keys): kept on the entity, readable from its mentions.

use nordic_ner::{Gazetteer, Problem, Tagger};

const MINE: &str = "\
user:fjordkraft\tcompany\tFjordkraft\tx-sector=energy\tx-ticker=FKRAFT
\tFjord Kraft
";

#[test]
fn x_attributes_are_kept_and_read_from_mentions() {
    let g = Gazetteer::from_text("mine.tsv", MINE).unwrap();
    let e = g.get("user:fjordkraft").unwrap();
    assert_eq!(e.attribute("x-sector"), Some("energy"));
    assert_eq!(
        e.attributes().collect::<Vec<_>>(),
        [("x-sector", "energy"), ("x-ticker", "FKRAFT")]
    );
    let found = Tagger::new(&g).unwrap().tag("Fjord Kraft og Fjordkraft");
    assert_eq!(found.len(), 2);
    for m in &found {
        assert_eq!(m.attribute("x-ticker"), Some("FKRAFT"));
        assert_eq!(m.attribute("x-nothing"), None);
    }
    // Builtin entities have none.
    assert_eq!(nordic_ner::tag("Norge")[0].attributes().count(), 0);
}

#[test]
fn keys_outside_the_namespace_and_repeats_are_errors() {
    for (text, column) in [
        ("user:a\tcompany\tA\tsector=energy\n", 4),
        ("user:a\tcompany\tA\tx-=energy\n", 4),
        ("user:a\tcompany\tA\tx-Sector=energy\n", 4),
        ("user:a\tcompany\tA\tx-s=1\tx-s=2\n", 5),
    ] {
        let err = Gazetteer::from_text("mine.tsv", text).unwrap_err();
        let nordic_ner::GazetteerError::Invalid { location, problem } = err else {
            panic!("{text:?}")
        };
        assert_eq!(location.column, Some(column), "{text:?}");
        assert!(
            matches!(
                problem,
                Problem::UnknownAttribute(_) | Problem::RepeatedAttribute(_)
            ),
            "{problem:?}"
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn attributes_are_in_the_json_in_their_order() {
    let g = Gazetteer::from_text("mine.tsv", MINE).unwrap();
    let found = Tagger::new(&g).unwrap().tag("Fjordkraft");
    let json = serde_json::to_string(&found[0]).unwrap();
    assert!(
        json.ends_with(r#""attributes":{"x-sector":"energy","x-ticker":"FKRAFT"}}"#),
        "{json}"
    );
    let back: nordic_ner::Mention = serde_json::from_str(&json).unwrap();
    assert_eq!(back, found[0]);
    // The entity round-trips with them too.
    let entity = g.get("user:fjordkraft").unwrap();
    let back: nordic_ner::Entity =
        serde_json::from_str(&serde_json::to_string(entity).unwrap()).unwrap();
    assert_eq!(&back, entity);
}
