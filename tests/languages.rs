//! The builtin gazetteers and rules on sentences of each supported language, written for these
//! tests: what a reader of that language takes for a mention, by text and canonical name.

/// `(matched text, canonical name)` of each mention.
fn found(text: &str) -> Vec<(String, String)> {
    nordic_ner::tag(text)
        .iter()
        .map(|m| (m.text().to_string(), m.name().to_string()))
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($m:expr, $n:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $n.to_string())),*];
            assert_eq!(found($text), want, "in {:?}", $text);
        }
    };
}

t!(
    finnish_companies_in_case_forms,
    "Nokian osake nousi, kun Finnairille ja Wärtsilälle tuli tilauksia.",
    [
        ("Nokian", "Nokia"),
        ("Finnairille", "Finnair"),
        ("Wärtsilälle", "Wärtsilä")
    ]
);
t!(
    finnish_abbreviations_take_a_colon,
    "H&M:n ja IKEA:n myymälät",
    [("H&M:n", "H&M"), ("IKEA:n", "IKEA")]
);
t!(
    finnish_forms_from_the_data,
    "Sammon ja Koneen tulos, Helsingin Sanomien mukaan",
    [
        ("Sammon", "Sampo"),
        ("Koneen", "Kone"),
        ("Helsingin Sanomien", "Helsingin Sanomat")
    ]
);
t!(
    finnish_countries,
    "Norjassa ja Ruotsissa, mutta ei Suomessa",
    [
        ("Norjassa", "Norway"),
        ("Ruotsissa", "Sweden"),
        ("Suomessa", "Finland")
    ]
);
t!(
    finnish_words_are_not_names,
    "koneen moottori ja minun mielestäni",
    []
);
t!(
    icelandic_forms,
    "Hlutabréf Símans og Arion banka lækkuðu, segir í Morgunblaðinu.",
    [
        ("Símans", "Síminn"),
        ("Arion banka", "Arion banki"),
        ("Morgunblaðinu", "Morgunblaðið")
    ]
);
t!(
    icelandic_countries,
    "Frá Noregi til Svíþjóðar",
    [("Noregi", "Norway"), ("Svíþjóðar", "Sweden")]
);
t!(
    danish_genitive_of_abbreviations,
    "USA's præsident og DR's vært",
    [("USA's", "United States"), ("DR's", "DR")]
);
t!(
    swedish_colon_genitive,
    "USA:s president besökte Sverige",
    [("USA:s", "United States"), ("Sverige", "Sweden")]
);
t!(
    english_adjectives_are_not_countries,
    "The Australian dollar and Italian bonds fell",
    []
);
t!(
    english_nationality_before_a_company,
    "Danish shipping group Maersk and Swedish Volvo Cars",
    [
        ("Maersk", "A.P. Møller - Mærsk"),
        ("Volvo Cars", "Volvo Cars")
    ]
);
t!(
    longer_names_are_not_their_parts,
    "Han jobber i TV Norge og bor på Hotel Norge i Norge.",
    [("Norge", "Norway")]
);
t!(
    capitalised_compound,
    "Lyon vant Europa-Cup-finalen, og Europa-turneen fortsetter",
    [("Europa", "Europe")]
);

// "for" joins a name only after an institution's definite noun; after a name or an acronym it
// is the Nordic preposition.
t!(
    nordic_for_after_an_acronym,
    "Medlemskapet i NATO for Norges del ble vedtatt i 1949.",
    [("Norges", "Norway")]
);
t!(
    institution_for_a_place,
    "Søknaden gikk til Direktoratet for Svalbard i går.",
    []
);
t!(
    english_of_inside_a_name,
    "The Bank of Finland raised its rate, and Finland's exports grew.",
    [
        ("Bank of Finland", "Suomen Pankki"),
        ("Finland's", "Finland")
    ]
);
// An abbreviation after a genitive is a possession: "USAs BNP" keeps USA.
t!(
    genitive_before_an_abbreviation,
    "USAs BNP steg mer enn ventet i fjor.",
    [("USAs", "United States")]
);

/// A longer name whose last word ends in a combining mark (NFD) is read as in NFC.
#[test]
fn nfd_word_after_a_name() {
    let names = |text: &str| -> Vec<String> { found(text).into_iter().map(|(_, n)| n).collect() };
    let nfc = names("komplett H&M Kin\u{e4}");
    assert_eq!(nfc, names("komplett H&M Kina\u{308}"));
    assert_eq!(nfc, ["H&M"]);
}

/// Every rule reads NFD letters as NFC: the capitalised word before a name ("Ålesund Norge"
/// is a longer name) and given names ("Björn Smith" is a person).
#[test]
fn nfd_reads_as_nfc() {
    for (nfc, nfd) in [
        (
            "Han besøkte Ålesund Norge i fjor.",
            "Han besøkte A\u{30a}lesund Norge i fjor.",
        ),
        (
            "Jeg møtte Björn Chad i Oslo.",
            "Jeg møtte Bjo\u{308}rn Chad i Oslo.",
        ),
        // The word before a connector: "Aü of Nord-Norge".
        ("Norge Aü of Nord-Norge ", "Norge Au\u{308} of Nord-Norge "),
    ] {
        assert_eq!(found(nfc), found(nfd), "{nfc:?}");
    }
    assert_eq!(found("Han besøkte A\u{30a}lesund Norge i fjor."), []);
}

/// A compound ending in the entity's kind spans the compound; `whole_names(false)` reads the
/// name alone, as a compound head.
#[test]
fn kind_compounds_follow_whole_names() {
    use nordic_ner::{Form, Gazetteer, Tagger};
    let text = "Resultatet til Equinor-konsernet steg.";
    let whole = nordic_ner::tag(text);
    assert_eq!(
        (whole[0].text(), whole[0].form()),
        ("Equinor-konsernet", Form::Compound)
    );
    let alone = Tagger::builder()
        .whole_names(false)
        .build(Gazetteer::builtin())
        .unwrap()
        .tag(text);
    assert_eq!(
        (alone[0].text(), alone[0].form()),
        ("Equinor", Form::Compound)
    );
}
