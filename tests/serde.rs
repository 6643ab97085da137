//! JSON round trips of the data types (feature `serde`).
#![cfg(feature = "serde")]

use nordic_ner::{
    CaseMatch, CaseRule, Entity, EntityId, Form, Gazetteer, Kind, Mention, Provenance, Span,
};
use serde_json::json;

#[test]
fn mention_json_shape_and_round_trip() {
    let text = "I Norge och i USA:s städer säger Alibaba-chefen att handeln växer.";
    let mentions = nordic_ner::tag(text);
    let value = serde_json::to_value(&mentions[0]).unwrap();
    assert_eq!(
        value,
        json!({"start": 2, "end": 7, "char_start": 2, "char_end": 7, "utf16_start": 2,
               "utf16_end": 7, "text": "Norge", "kind": "country", "entity": "iso:NO",
               "name": "Norway", "alias": "Norge", "form": "plain", "case": "exact",
               "language": "sv"})
    );
    let json = serde_json::to_string(&mentions).unwrap();
    let back: Vec<Mention> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, mentions);
    assert_eq!(back[1].form(), Form::Genitive);
    assert_eq!(back[2].form(), Form::Compound);
}

#[test]
fn a_mention_whose_spans_do_not_measure_its_text_is_refused() {
    let text = "Færøyene og 😀 Norge";
    let good = serde_json::to_value(&nordic_ner::tag(text)[1]).unwrap();
    assert_eq!(
        good["char_end"].as_u64().unwrap() - good["char_start"].as_u64().unwrap(),
        5
    );
    assert_eq!(
        good["utf16_start"].as_u64().unwrap(),
        15,
        "the emoji is two units"
    );
    assert!(serde_json::from_value::<Mention>(good.clone()).is_ok());
    // Each span in turn one too long, or reversed: an error naming the text, never a mention
    // whose ends were quietly taken from the text instead.
    for (field, value) in [
        ("end", 25),
        ("char_end", 20),
        ("utf16_end", 21),
        ("end", 10),
    ] {
        let mut bad = good.clone();
        bad[field] = json!(value);
        let error = serde_json::from_value::<Mention>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("do not measure") && error.contains("\"Norge\""),
            "{field}: {error}"
        );
    }
}

#[test]
fn every_builtin_entity_round_trips() {
    let entities: Vec<&Entity> = Gazetteer::builtin().entities().collect();
    let json = serde_json::to_string(&entities).unwrap();
    let back: Vec<Entity> = serde_json::from_str(&json).unwrap();
    assert_eq!(back.len(), entities.len());
    assert!(back.iter().zip(&entities).all(|(a, b)| a == *b));
}

#[test]
fn small_types_round_trip() {
    for kind in Kind::ALL {
        let s = serde_json::to_string(&kind).unwrap();
        assert_eq!(s, format!("\"{}\"", kind.as_str()));
        assert_eq!(serde_json::from_str::<Kind>(&s).unwrap(), kind);
    }
    assert_eq!(
        serde_json::to_string(&CaseRule::Exact).unwrap(),
        "\"exact\""
    );
    assert_eq!(
        serde_json::to_string(&CaseMatch::Folded).unwrap(),
        "\"folded\""
    );
    let span = Span { start: 1, end: 4 };
    assert_eq!(
        serde_json::from_str::<Span>(&serde_json::to_string(&span).unwrap()).unwrap(),
        span
    );
    let p = Provenance::parse("cldr@49:NO").unwrap();
    assert_eq!(
        serde_json::from_str::<Provenance>(&serde_json::to_string(&p).unwrap()).unwrap(),
        p
    );
}

#[test]
fn bad_id_is_refused_when_deserialising() {
    assert!(serde_json::from_str::<EntityId>("\"iso:NO\"").is_ok());
    let err = serde_json::from_str::<EntityId>("\"has space\"").unwrap_err();
    assert!(err.to_string().contains("bad id"), "{err}");
}

#[test]
fn deserialising_an_entity_checks_it_as_loading_does() {
    let norway = Gazetteer::builtin().get("iso:NO").unwrap();
    let good = serde_json::to_value(norway).unwrap();
    assert_eq!(
        serde_json::from_value::<Entity>(good.clone()).unwrap(),
        *norway
    );
    // Each change is one that loading a file refuses.
    type Change = fn(&mut serde_json::Value);
    let broken: [(&str, Change); 9] = [
        ("empty name", |v| v["name"] = json!(" ")),
        ("control character in name", |v| {
            v["name"] = json!("Nor\u{1b}way")
        }),
        ("empty alias", |v| v["aliases"][0]["text"] = json!("")),
        ("alias of no letters", |v| {
            v["aliases"][0]["text"] = json!("\u{200b}")
        }),
        ("duplicate alias", |v| {
            let first = v["aliases"][0].clone();
            v["aliases"].as_array_mut().unwrap().push(first);
        }),
        ("bad language code", |v| {
            v["aliases"][0]["langs"] = json!(["Norsk"])
        }),
        ("bad origin", |v| v["origin"] = json!("Norway")),
        ("bad iso3", |v| v["iso3"] = json!("no")),
        ("attribute outside x-", |v| {
            v["attributes"] = json!([["sector", "energy"]]);
        }),
    ];
    for (what, change) in broken {
        let mut value = good.clone();
        change(&mut value);
        assert!(
            serde_json::from_value::<Entity>(value).is_err(),
            "{what} was accepted"
        );
    }
    // A blocked ending the tagger would never read after the alias.
    let alias = json!({"text": "Sony", "case": null, "matched": true, "langs": [],
                       "blocked_endings": ["xyz"], "sources": [], "note": null});
    assert!(serde_json::from_value::<nordic_ner::Alias>(alias).is_err());
}
