//! Icelandic case forms of Icelandic company and brand names (data/build/icelandic.py, from the
//! Database of Icelandic Morphology): the accusative, dative and genitive are aliases of the
//! entity, matched as written (capitalised), so the lowercase noun is no mention. The sentences
//! were written for these tests.

use nordic_ner::{CaseRule, Form, Gazetteer};

/// `(matched text, canonical name)` of each mention.
fn names(text: &str) -> Vec<(String, String)> {
    nordic_ner::tag(text)
        .iter()
        .map(|m| (m.text().to_string(), m.name().to_string()))
        .collect()
}

macro_rules! t {
    ($test:ident, $text:expr, [$(($m:expr, $n:expr)),* $(,)?]) => {
        #[test]
        fn $test() {
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $n.to_string())),*];
            assert_eq!(names($text), want, "in {:?}", $text);
        }
    };
}

t!(
    dative_plural,
    "Hlutabréf í Högum hækkuðu um þrjú prósent í Kauphöllinni í dag.",
    [("Högum", "Hagar")]
);
t!(
    dative_with_the_article,
    "Hún hefur starfað hjá Símanum í tíu ár og tekur nú við nýju starfi.",
    [("Símanum", "Síminn")]
);
t!(
    accusative_with_the_article,
    "Fjárfestar keyptu Símann fyrir milljarða króna á síðasta ári.",
    [("Símann", "Síminn")]
);
t!(
    genitive_of_a_feminine_brand,
    "Verð á mjólk í verslunum Krónunnar lækkaði í síðustu viku.",
    [("Krónunnar", "Krónan")]
);
t!(
    accusative_and_dative_of_a_feminine_brand,
    "Margir versla í Krónunni en aðrir kjósa Krónuna aðeins um helgar.",
    [("Krónunni", "Krónan"), ("Krónuna", "Krónan")]
);
t!(
    dative_of_a_masculine_person_name,
    "Forstjórinn sagði að hjá Össuri hefði salan aukist mikið á árinu.",
    [("Össuri", "Össur")]
);
t!(
    two_word_name_declines_its_noun,
    "Lánið var veitt af Kviku banka og Reitum fasteignafélagi í sameiningu.",
    [
        ("Kviku banka", "Kvika banki"),
        ("Reitum fasteignafélagi", "Reitir fasteignafélag")
    ]
);
t!(
    genitive_complement_stays,
    "Tilkynning Vátryggingafélags Íslands barst eftir lokun markaða í gær.",
    [("Vátryggingafélags Íslands", "Vátryggingafélag Íslands")]
);
t!(
    genitive_with_the_article,
    "Stjórn Landsbankans ákvað að lækka vexti á íbúðalánum í morgun.",
    [("Landsbankans", "Landsbankinn")]
);
t!(
    bank_without_the_article,
    "Viðskiptavinir Íslandsbanka fá nýtt app í næsta mánuði.",
    [("Íslandsbanka", "Íslandsbanki")]
);
t!(
    icelandic_name_of_a_foreign_entity,
    "Vextir Seðlabanka Evrópu haldast óbreyttir samkvæmt nýrri ákvörðun.",
    [("Seðlabanka Evrópu", "European Central Bank")]
);
t!(
    lowercase_noun_is_no_mention,
    "Hún talaði lengi í símann og gleymdi símanum heima, en síminn hringdi.",
    []
);
t!(
    lowercase_feminine_noun_is_no_mention,
    "Gengi krónunnar styrktist og krónan hefur ekki verið sterkari í ár.",
    []
);
t!(
    lowercase_plural_noun_is_no_mention,
    "Þau bjuggu við góðan hag og í högum þeirra breyttist fátt.",
    []
);
t!(
    form_that_is_a_place_name_is_left_unmatched,
    "Stjórn Haga fundaði í gær um nýja verslun í Reykjavík.",
    []
);

/// The generated forms are plain alias matches of the entity, with the form in the alias.
#[test]
fn forms_are_plain_aliases() {
    let found = nordic_ner::tag("Hlutabréf í Högum hækkuðu.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].form(), Form::Plain);
    assert_eq!(found[0].alias(), "Högum");
}

/// Every generated form is Icelandic, case=exact, takes no Finnish ending and names BÍN.
#[test]
fn generated_forms_carry_their_provenance() {
    let g = Gazetteer::builtin();
    let mut n = 0;
    for e in g.entities() {
        for a in e.alias_records() {
            if a.sources().iter().any(|s| s.source == "islenska-data") {
                n += 1;
                assert_eq!(a.langs().collect::<Vec<_>>(), ["is"], "{}", a.text());
                assert!(!a.takes_case_endings(), "{}", a.text());
                if a.is_matched() {
                    assert_eq!(a.case(), Some(CaseRule::Exact), "{}", a.text());
                }
                let s = a
                    .sources()
                    .iter()
                    .find(|s| s.source == "islenska-data")
                    .unwrap();
                assert_eq!(s.version.as_deref(), Some("5.0.0"), "{}", a.text());
                assert!(s.id.is_some(), "{}", a.text());
                assert!(
                    a.note().unwrap_or("").starts_with("Icelandic "),
                    "{}",
                    a.text()
                );
            }
        }
    }
    assert!(n >= 60, "{n} generated Icelandic forms");
}
