//! Users' own kinds: declared in a file or made in code, found by the tagger beside the builtin
//! data, and carried through every output format and the evaluation.

use nordic_ner::output::{displacy, html, iob};
use nordic_ner::{Entity, EntityId, Gazetteer, Kind, Tagger};

const PEOPLE: &str = "\
@kind\tperson
@kind\tproduct
user:jonas-gahr-store\tperson\tJonas Gahr Støre
\tStøre\tcase=exact
user:model-y\tproduct\tModel Y\talso=brand
";

fn tagger() -> Tagger {
    let gazetteer = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .add_text("people.tsv", PEOPLE)
        .unwrap()
        .build();
    Tagger::new(&gazetteer).unwrap()
}

#[test]
fn a_declared_kind_is_found_beside_the_builtin_data() {
    let text = "Støre møtte Equinor i Norge, og Tesla viste Model Y.";
    let found = tagger().tag(text);
    let seen: Vec<(&str, &str)> = found
        .iter()
        .map(|m| (m.text(), m.kind().as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Støre", "person"),
            ("Equinor", "company"),
            ("Norge", "country"),
            ("Tesla", "company"),
            ("Model Y", "product"),
        ]
    );
    let person = Kind::custom("person").unwrap();
    assert_eq!(found[0].kind(), person);
    assert!(!person.is_builtin());
    assert_eq!(found[0].id().as_str(), "user:jonas-gahr-store");
    // Builtin kinds keep their typed form.
    assert_eq!(found[2].kind(), Kind::Country);
    // Genitives work for users' kinds as for the builtin ones.
    let genitive = tagger().tag("Støres regjering");
    assert_eq!(genitive[0].text(), "Støres");
}

#[test]
fn kinds_filter_takes_users_kinds() {
    let gazetteer = Gazetteer::from_text("people.tsv", PEOPLE).unwrap();
    let person = Kind::custom("person").unwrap();
    let only_people = Tagger::builder().kinds([person]).build(&gazetteer).unwrap();
    let found = only_people.tag("Støre og Model Y");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind(), person);
}

#[test]
fn a_kind_made_in_code_needs_no_declaration() {
    let shop = Kind::custom("shop").unwrap();
    let entity = Entity::new(EntityId::new("user:kiwi-butikk").unwrap(), shop, "Butikken").unwrap();
    let gazetteer = Gazetteer::builder().add_entity(entity).unwrap().build();
    let found = Tagger::new(&gazetteer)
        .unwrap()
        .tag("Jeg gikk til Butikken.");
    assert_eq!(found[0].kind().to_string(), "shop");
}

#[test]
fn labels_of_users_kinds_default_to_capitals_and_can_be_mapped() {
    let text = "Støre møtte Equinor.";
    let found = tagger().tag(text);
    let person = Kind::custom("person").unwrap();
    let tags = |labels: &iob::LabelMap| -> Vec<String> {
        iob::tag_whitespace(text, &found, labels)
            .iter()
            .map(|t| t.tag.to_string())
            .collect()
    };
    assert_eq!(tags(&iob::LabelMap::norne()), ["B-PERSON", "O", "B-ORG"]);
    let mapped = iob::LabelMap::norne().with(person, "PER");
    assert_eq!(mapped.label(person), "PER");
    assert_eq!(tags(&mapped), ["B-PER", "O", "B-ORG"]);
    let doc = displacy::Doc::new(text, &found, &mapped);
    assert!(
        doc.to_json().contains(r#""label":"PER""#),
        "{}",
        doc.to_json()
    );
}

#[test]
fn html_colours_and_legend_cover_users_kinds() {
    let text = "Støre møtte Equinor.";
    let page = html::render("Nyheter", text, &tagger().tag(text));
    assert!(
        page.contains(r#"<mark class="m person" title="Jonas Gahr Støre"#),
        "{page}"
    );
    // A style rule of its own, and a legend entry with its count.
    assert!(page.contains(".m.person{color:#"), "{page}");
    assert!(page.contains(r#"<span class="m person">person</span><span class="n">1</span>"#));
    // Kinds with no mention here are not in the legend, but the builtin ones always are.
    assert!(!page.contains(r#"class="m product""#));
    assert!(page.contains(r#"<span class="m region">region</span><span class="n">0</span>"#));
}

#[cfg(feature = "evaluate")]
#[test]
fn evaluation_scores_users_kinds_against_their_label() {
    use nordic_ner::evaluate::{evaluate_with, Corpus, Format};

    let gold = "1\tStøre\tB-PERSON\n2\tmøtte\tO\n3\tEquinor\tB-ORG\n";
    let corpus = Corpus::parse("mini.iob2", gold, Format::Iob2).unwrap();
    let tagger = tagger();
    let report = evaluate_with(&corpus, None, |text| tagger.tag(text));
    assert_eq!((report.predicted, report.correct), (2, 2), "{report:?}");
}

#[cfg(feature = "serde")]
#[test]
fn mentions_of_users_kinds_round_trip_through_json() {
    let found = tagger().tag("Støre");
    let json = serde_json::to_string(&found).unwrap();
    assert!(json.contains(r#""kind":"person""#), "{json}");
    let back: Vec<nordic_ner::Mention> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, found);
    let bad = json.replace(r#""kind":"person""#, r#""kind":"Person!""#);
    assert!(serde_json::from_str::<Vec<nordic_ner::Mention>>(&bad).is_err());
}
