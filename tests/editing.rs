//! Editing gazetteers: removing entities and aliases (builtin ones too), replacing, keeping by
//! a predicate, merging, and what a second definition of an id does.

use nordic_ner::{Entity, EntityId, Gazetteer, GazetteerError, Kind, OnDuplicate, Problem, Tagger};

fn problem(result: Result<nordic_ner::GazetteerBuilder, GazetteerError>) -> Problem {
    match result {
        Err(GazetteerError::Invalid { problem, .. }) => problem,
        other => panic!("expected an error, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn a_removed_builtin_entity_is_not_found() {
    let gazetteer = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .remove("iso:SE")
        .unwrap()
        .build();
    assert_eq!(gazetteer.len(), Gazetteer::builtin().len() - 1);
    let found = Tagger::new(&gazetteer).unwrap().tag("Norge og Sverige");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text(), "Norge");
    // The removed id is free again.
    let again = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .remove("iso:SE")
        .unwrap()
        .add_text("se.tsv", "iso:SE\tcountry\tSwedenland\n")
        .unwrap()
        .build();
    assert_eq!(again.get("iso:SE").unwrap().name(), "Swedenland");
}

#[test]
fn removing_what_is_not_there_is_an_error() {
    let builder = || Gazetteer::builder().add_builtin().unwrap();
    assert!(matches!(
        problem(builder().remove("iso:XX")),
        Problem::UnknownId(_)
    ));
    assert!(matches!(
        problem(builder().remove_alias("iso:XX", "Norge")),
        Problem::UnknownId(_)
    ));
    assert!(matches!(
        problem(builder().remove_alias("iso:NO", "Norwegia")),
        Problem::UnknownAlias(_)
    ));
}

#[test]
fn a_removed_alias_and_a_removed_name_are_not_matched() {
    let gazetteer = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .remove_alias("iso:NO", "Noreg")
        .unwrap()
        .build();
    let tagger = Tagger::new(&gazetteer).unwrap();
    let texts: Vec<String> = tagger
        .tag("Noreg og Norge")
        .iter()
        .map(|m| m.text().to_string())
        .collect();
    assert_eq!(texts, ["Norge"]);
    let mine = Gazetteer::builder()
        .add_text("mine.tsv", "user:a\tcompany\tFjord\n\tFjord AS\n")
        .unwrap()
        .remove_alias("user:a", "Fjord")
        .unwrap()
        .build();
    let found = Tagger::new(&mine).unwrap().tag("Fjord og Fjord AS");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text(), "Fjord AS");
}

#[test]
fn replace_keeps_the_place_and_needs_the_id() {
    let new = Entity::new(
        EntityId::new("iso:NO").unwrap(),
        Kind::Country,
        "Kongeriket",
    )
    .unwrap();
    let gazetteer = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .replace(new)
        .unwrap()
        .build();
    let position = |g: &Gazetteer| g.entities().position(|e| e.id().as_str() == "iso:NO");
    assert_eq!(position(&gazetteer), position(Gazetteer::builtin()));
    let found = Tagger::new(&gazetteer)
        .unwrap()
        .tag("Kongeriket, ikke Norge");
    assert_eq!(found.len(), 1);
    let stranger = Entity::new(EntityId::new("user:x").unwrap(), Kind::Brand, "X").unwrap();
    assert!(matches!(
        problem(Gazetteer::builder().replace(stranger)),
        Problem::UnknownId(_)
    ));
}

#[test]
fn retain_keeps_what_the_predicate_accepts() {
    let countries = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .retain(|e| e.is(Kind::Country))
        .build();
    assert!(countries.entities().all(|e| e.is(Kind::Country)));
    assert!(countries.len() > 200);
    let found = Tagger::new(&countries).unwrap().tag("Equinor i Norge");
    assert_eq!(found.len(), 1);
}

#[test]
fn a_second_definition_is_an_error_or_a_replacement_by_choice() {
    let fix = "iso:NO\tcountry\tNorway\n\tNorge\n";
    let err = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .add_text("fix.tsv", fix)
        .map(|_| ())
        .unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("fix.tsv:1"), "{message}");
    assert!(message.contains("data/countries.tsv"), "{message}");
    let replaced = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .on_duplicate(OnDuplicate::Replace)
        .add_text("fix.tsv", fix)
        .unwrap()
        .build();
    assert_eq!(replaced.len(), Gazetteer::builtin().len());
    assert_eq!(replaced.get("iso:NO").unwrap().aliases().count(), 2);
    assert_eq!(replaced.location("iso:NO").unwrap().source, "fix.tsv");
}

#[test]
fn gazetteers_merge_in_order() {
    let a = Gazetteer::from_text("a.tsv", "user:a\tcompany\tA-firma\n").unwrap();
    let b = Gazetteer::from_text("b.tsv", "user:b\tbrand\tB-merke\n").unwrap();
    let merged = Gazetteer::builder()
        .add_gazetteer(&a)
        .unwrap()
        .add_gazetteer(&b)
        .unwrap()
        .build();
    let ids: Vec<&str> = merged.entities().map(|e| e.id().as_str()).collect();
    assert_eq!(ids, ["user:a", "user:b"]);
    assert_eq!(merged.location("user:b").unwrap().source, "b.tsv");
    assert!(Gazetteer::builder()
        .add_gazetteer(&a)
        .unwrap()
        .add_gazetteer(&a)
        .is_err());
}

#[test]
fn the_user_namespace_is_free_in_the_builtin_data() {
    assert!(Gazetteer::builtin()
        .entities()
        .all(|e| !e.id().as_str().starts_with("user:")));
}
