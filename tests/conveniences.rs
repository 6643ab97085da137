//! Small conveniences users reach for (issue 11, point 5): spans index text and convert to and
//! from ranges; mentions are made by hand, hashed and compared; lookups by id type, alias and
//! ISIN; builder methods that take any collection.

use std::collections::HashSet;

use nordic_ner::{
    CaseMatch, Entity, EntityId, Form, Gazetteer, Kind, Language, Mention, Problem, Span, Tagger,
};

#[test]
fn spans_index_text_and_convert_to_and_from_ranges() {
    let text = "Færøyene og Norge";
    let found = nordic_ner::tag(text);
    assert_eq!(&text[found[1].span()], "Norge");
    let owned = text.to_string();
    assert_eq!(&owned[found[0].span()], "Færøyene");
    let span = Span::from(14..19);
    assert_eq!(span, found[1].span());
    let range: std::ops::Range<usize> = span.into();
    assert_eq!(range, 14..19);
}

#[test]
fn a_mention_made_by_hand_has_all_three_spans() {
    let text = "😀 Ola Nordmann i Equinor";
    let id = EntityId::new("local:ola").unwrap();
    let m = Mention::new(text, Span::from(5..17), id, Kind::Company, "Ola Nordmann").unwrap();
    assert_eq!(m.text(), "Ola Nordmann");
    assert_eq!(m.char_span(), Span::from(2..14));
    assert_eq!(m.utf16_span(), Span::from(3..15));
    assert_eq!(
        (m.form(), m.case(), m.language()),
        (Form::Plain, CaseMatch::Exact, Language::Other)
    );
    let m = m
        .with_alias("ola nordmann")
        .with_form(Form::Part)
        .with_language(Language::Bokmal);
    assert_eq!((m.alias(), m.case()), ("ola nordmann", CaseMatch::Folded));
    assert_eq!((m.form(), m.language()), (Form::Part, Language::Bokmal));
    assert_eq!(m.name(), "Ola Nordmann");
}

#[test]
fn a_span_that_does_not_fit_the_text_is_an_error() {
    let text = "Ærø";
    let id = || EntityId::new("local:x").unwrap();
    for (start, end) in [(0, 1), (1, 3), (2, 2), (3, 2), (0, 9)] {
        let got = Mention::new(text, Span::from(start..end), id(), Kind::Brand, "X");
        assert!(
            matches!(got, Err(Problem::BadSpan { start: s, end: e, len: 5 }) if (s, e) == (start, end)),
            "{start}..{end}: {got:?}"
        );
    }
    let got = Mention::new(text, Span::from(0..2), id(), Kind::Brand, " ");
    assert!(matches!(got, Err(Problem::EmptyName)), "{got:?}");
}

#[test]
fn mentions_hash_and_compare_by_value() {
    let text = "Norge og Norge";
    let found = nordic_ner::tag(text);
    let again = nordic_ner::tag(text);
    let set: HashSet<&Mention> = found.iter().chain(&again).collect();
    // Equal mentions of two taggings are one; the two places are two.
    assert_eq!(set.len(), 2);
}

#[test]
fn lookups_by_id_type_alias_and_isin() {
    let g = Gazetteer::builtin();
    let id = EntityId::new("iso:NO").unwrap();
    assert_eq!(g.get(&id).map(|e| e.name()), Some("Norway"));
    assert_eq!(g.get("iso:NO").map(|e| e.name()), Some("Norway"));
    assert!(g.location(&id).is_some());
    // Case, white space and composition aside; a canonical name counts.
    let ids = |alias: &str| -> Vec<String> {
        g.by_alias(alias)
            .iter()
            .map(|e| e.id().as_str().to_string())
            .collect()
    };
    assert_eq!(ids("  norge "), ["iso:NO"]);
    assert_eq!(ids("Fja\u{308}llra\u{308}ven"), ids("FJÄLLRÄVEN"));
    assert!(!ids("Fjällräven").is_empty());
    assert!(ids("Xyzzy Nonexistent").is_empty());
    assert!(ids(" ").is_empty());
    let equinor = g.by_isin("no0010096985").unwrap();
    assert_eq!(equinor.name(), "Equinor");
    assert!(g.by_isin("XX0000000000").is_none());
}

#[test]
fn builders_take_any_collection() {
    let entities = ["Fjordbyen Eiendom", "Nordlys Kraft"].map(|name| {
        let id = EntityId::new(&format!("local:{}", name.len())).unwrap();
        Entity::new(id, Kind::Company, name).unwrap()
    });
    let g = Gazetteer::builder().add_entities(entities).unwrap().build();
    assert_eq!(g.len(), 2);
    let text = "Fjordbyen Eiendom og Nordlys Kraft";
    for tagger in [
        Tagger::builder().kinds([Kind::Company]).build(&g).unwrap(),
        Tagger::builder()
            .kinds([Kind::Company].as_slice())
            .build(&g)
            .unwrap(),
        Tagger::builder()
            .kinds(vec![Kind::Company])
            .build(&g)
            .unwrap(),
    ] {
        assert_eq!(tagger.tag(text).len(), 2);
    }
    let none = Tagger::builder()
        .kinds(std::iter::once(Kind::Brand))
        .build(&g)
        .unwrap();
    assert!(none.tag(text).is_empty());
}

#[test]
fn every_small_enum_round_trips_through_display_and_from_str() {
    fn round_trip<T>(values: &[T])
    where
        T: std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for v in values {
            let text = v.to_string();
            assert_eq!(&text.parse::<T>().unwrap(), v, "{text}");
        }
    }
    round_trip(&Kind::ALL);
    round_trip(&Form::ALL);
    round_trip(&[CaseMatch::Exact, CaseMatch::Folded]);
    round_trip(&[nordic_ner::CaseRule::Any, nordic_ner::CaseRule::Exact]);
    round_trip(&Language::KNOWN);
    #[cfg(feature = "evaluate")]
    round_trip(&[
        nordic_ner::evaluate::Format::Conllu,
        nordic_ner::evaluate::Format::Iob2,
    ]);
    use nordic_ner::output::iob::Tag;
    round_trip(&[
        Tag::Outside,
        Tag::Begin("GPE_LOC".into()),
        Tag::Inside("ORG".into()),
    ]);
    assert!("B-".parse::<Tag>().is_err());
    #[cfg(feature = "evaluate")]
    assert!("iob".parse::<nordic_ner::evaluate::Format>().is_err());
}
