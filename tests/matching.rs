//! The matching rules, one line a case, over a small gazetteer written for the tests.

use nordic_ner::{CaseMatch, Form, Gazetteer, Kind, Language, Mention, Tagger};
use once_cell::sync::Lazy;

const GAZETTEER: &str = "\
iso:NO\tcountry\tNorway
\tNorge
\tNoreg
iso:SE\tcountry\tSweden
\tSverige
iso:US\tcountry\tUnited States
\tUSA
iso:ZA\tcountry\tSouth Africa
\tSør-Afrika
iso:AX\tcountry\tÅland Islands
\tÅland
region:trondelag\tregion\tTrøndelag
region:paris\tregion\tParis
local:sol\tbrand\tSol
local:stiga\tbrand\tStiga
local:stiga-games\tbrand\tStiga Games
local:alibaba\tcompany\tAlibaba
local:amazon\tcompany\tAmazon
local:hm\tbrand\tH&M\talso=company
local:danish-crown\tcompany\tDanish Crown A/S
\tDanish Crown
local:7-eleven\tbrand\t7-Eleven
local:rema\tbrand\tRema 1000
local:dagbladet\tcompany\tDagbladet
\tDagbladet.no
local:tele2\tcompany\tTele2
local:komplett\tcompany\tKomplett
\tKomplett\tcase=exact
local:komplett-bank\tcompany\tKomplett Bank
local:vero-moda\tbrand\tVero Moda
local:fjallraven\tbrand\tFjällräven
local:gross\tcompany\tGroßmann
local:nokia\tcompany\tNokia
local:finnair\tcompany\tFinnair
local:kone\tcompany\tKone\tmatch_name=no
\tKone\tcase=exact\twithout_endings=fi
local:sas\tcompany\tSAS
\tSAS\tcase=exact
local:sony\tcompany\tSony
\tSony\tblocked_endings=a,t
local:prisma\tbrand\tPrisma
\tPrisma\tblocked_endings=-ojen
local:prism\tbrand\tPrism
local:alko\tcompany\tAlko
local:lidl\tbrand\tLidl
local:k-market\tbrand\tK-Market
local:tokmanni\tcompany\tTokmanni
local:puma\tbrand\tPuma
local:wartsila\tcompany\tWärtsilä
local:aku\tbrand\tAKU
local:kesa\tbrand\tKesä
\tKesä\twithout_endings=fi
iso:FI\tcountry\tFinland\tmatch_name=no
\tSuomi\tlang=fi
\tSuomessa\tlang=fi
iso:FR\tcountry\tFrance\tmatch_name=no
\tFrance\tlang=en,fr
\tFrankrike\tlang=nb,sv
";

static TAGGER: Lazy<Tagger> =
    Lazy::new(|| Tagger::new(&Gazetteer::from_text("test.tsv", GAZETTEER).unwrap()).unwrap());

/// `(matched text, entity id)` of each mention.
fn found(tagger: &Tagger, text: &str) -> Vec<(String, String)> {
    let mentions = tagger.tag(text);
    for m in &mentions {
        assert_eq!(
            &text[m.span().range()],
            m.text(),
            "span indexes the original text"
        );
    }
    mentions
        .iter()
        .map(|m| (m.text().to_string(), m.id().to_string()))
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($m:expr, $id:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $id.to_string())),*];
            assert_eq!(found(&TAGGER, $text), want, "in {:?}", $text);
        }
    };
}

// 5a: leftmost-longest among the candidates that pass every check.
t!(
    longest_wins,
    "Stiga Games lanserer",
    [("Stiga Games", "local:stiga-games")]
);
t!(
    longer_failing_does_not_hide_shorter,
    "Stiga Gamesx og Stiga",
    [("Stiga", "local:stiga"), ("Stiga", "local:stiga")]
);
t!(
    shorter_failing_does_not_hide_longer,
    "komplett bank",
    [("komplett bank", "local:komplett-bank")]
);
t!(
    leftmost_wins,
    "H&M Rema 1000",
    [("H&M", "local:hm"), ("Rema 1000", "local:rema")]
);
t!(
    non_overlapping_in_order,
    "Norge, Sverige og USA",
    [
        ("Norge", "iso:NO"),
        ("Sverige", "iso:SE"),
        ("USA", "iso:US")
    ]
);

// 5b: whole words, Unicode-aware; names with punctuation.
t!(not_inside_word_nordic_letter, "Solå og Solør, Ensol", []);
t!(whole_word_before_punct, "(Sol).", [("Sol", "local:sol")]);
t!(not_after_letter_with_combining_mark, "Ba\u{308}Sol", []);
t!(ampersand, "fra H&M.", [("H&M", "local:hm")]);
t!(
    slash_in_name,
    "Danish Crown A/S sier",
    [("Danish Crown A/S", "local:danish-crown")]
);
t!(
    digit_hyphen_name,
    "7-Eleven åpner",
    [("7-Eleven", "local:7-eleven")]
);
t!(
    name_with_number,
    "Rema 1000-sjefen",
    [("Rema 1000", "local:rema")]
);
// A compound whose last part names the entity's kind names the entity: the mention spans it.
t!(
    name_with_number_and_kind_noun,
    "Rema 1000-butikken",
    [("Rema 1000-butikken", "local:rema")]
);
t!(number_must_end, "Rema 10000 og Tele20", []);
t!(
    domain_name,
    "les Dagbladet.no i dag",
    [("Dagbladet.no", "local:dagbladet")]
);
t!(not_inside_domain, "mail.dagbladet.com e24.dagbladet", []);
t!(
    web_address_after_www,
    "https://www.dagbladet.com/ og www.norge.no",
    [("www.dagbladet.com", "local:dagbladet")]
);
t!(
    web_address_of_a_company,
    "kjøpt på Komplett.no og Amazon.com.",
    [
        ("Komplett.no", "local:komplett"),
        ("Amazon.com", "local:amazon")
    ]
);
t!(
    web_address_needs_a_known_domain,
    "Komplett.xyz og Norge.no",
    []
);
t!(
    web_address_with_a_path,
    "Amazon.com/sale",
    [("Amazon.com", "local:amazon")]
);
t!(web_address_is_one_token, "Amazon.com2 Amazon.co", []);
t!(
    digit_in_name,
    "Tele2 og Tele2s",
    [("Tele2", "local:tele2"), ("Tele2s", "local:tele2")]
);

// 5c: case.
t!(upper_case, "NORGE", [("NORGE", "iso:NO")]);
t!(lower_case, "norge", [("norge", "iso:NO")]);
t!(nordic_upper_case, "ÅLAND", [("ÅLAND", "iso:AX")]);
t!(
    exact_case_name,
    "Komplett meldte",
    [("Komplett", "local:komplett")]
);
t!(
    exact_case_word_is_not_the_company,
    "en komplett løsning, KOMPLETT",
    []
);
t!(
    folding_changes_lengths_before,
    "İİİ ẞẞ: Norge",
    [("Norge", "iso:NO")]
);
t!(
    folding_changes_lengths_inside,
    "GROẞMANN og İ Sverige",
    [("GROẞMANN", "local:gross"), ("Sverige", "iso:SE")]
);

// 5d: genitives span the whole token.
t!(genitive_nb, "Norges eksport", [("Norges", "iso:NO")]);
t!(
    genitive_company,
    "Alibabas planer",
    [("Alibabas", "local:alibaba")]
);
t!(genitive_acronym, "USAs president", [("USAs", "iso:US")]);
t!(genitive_sv_colon, "USA:s president", [("USA:s", "iso:US")]);
t!(
    genitive_en,
    "Amazon's cloud",
    [("Amazon's", "local:amazon")]
);
t!(
    genitive_en_typographic,
    "Amazon\u{2019}s cloud",
    [("Amazon\u{2019}s", "local:amazon")]
);
t!(
    genitive_after_sibilant,
    "Paris' gater",
    [("Paris'", "region:paris")]
);
t!(no_double_s, "Pariss", []);
t!(genitive_follows_the_alias_language, "Frances", []);
t!(
    genitive_apostrophe_s_in_scandinavian,
    "Frankrike's og USA's",
    [("Frankrike's", "iso:FR"), ("USA's", "iso:US")]
);
t!(
    genitive_of_each_language,
    "France's, Frankrikes, Frankrike:s",
    [
        ("France's", "iso:FR"),
        ("Frankrikes", "iso:FR"),
        ("Frankrike:s", "iso:FR")
    ]
);
t!(genitive_is_not_compound_word, "Norgesmester", []);

// A name after a capitalised word inside a sentence is the tail of a longer name.
t!(
    tail_of_a_longer_name,
    "bodde på Hotel Norge, i Norge",
    [("Norge", "iso:NO")]
);
t!(
    genitive_before_a_name,
    "det nye er Erna Solbergs Norge",
    [("Norge", "iso:NO")]
);
t!(
    capitalised_word_at_sentence_start,
    "Ferie. I Norge",
    [("Norge", "iso:NO")]
);
t!(
    two_names_side_by_side,
    "kampen Norge Sverige endte",
    [("Norge", "iso:NO"), ("Sverige", "iso:SE")]
);
t!(
    english_weekday_is_not_a_name,
    "On Monday Amazon said",
    [("Amazon", "local:amazon")]
);
t!(
    title_case_line,
    "Why Investors Love Amazon",
    [("Amazon", "local:amazon")]
);

// A name after a given name and an initial is a surname.
t!(
    surname_after_initial,
    "Henrik S. Amazon skrev om Amazon",
    [("Amazon", "local:amazon")]
);
t!(
    initial_without_given_name,
    "i gruppe B. Norge vant",
    [("Norge", "iso:NO")]
);

// Finnish case endings on company and brand names.
t!(
    finnish_vowel_stem,
    "Nokian, Nokiassa, Nokiaan ja Nokiakin",
    [
        ("Nokian", "local:nokia"),
        ("Nokiassa", "local:nokia"),
        ("Nokiaan", "local:nokia"),
        ("Nokiakin", "local:nokia")
    ]
);
t!(
    finnish_consonant_stem_takes_i,
    "Finnairin ja Finnairille, ei Finnairn",
    [
        ("Finnairin", "local:finnair"),
        ("Finnairille", "local:finnair")
    ]
);
t!(
    finnish_colon_after_abbreviation,
    "SAS:n ja H&M:ssä, ei SASn",
    [("SAS:n", "local:sas"), ("H&M:ssä", "local:hm")]
);
t!(
    finnish_ending_needs_a_capitalised_name,
    "nokian ja Nokian",
    [("Nokian", "local:nokia")]
);
t!(finnish_ending_not_on_capitals_name, "SASsa", []);

// Finnish plural forms: on the name as written, or on its plural stem.
t!(
    finnish_plural_on_the_name,
    "Alkot, Alkoja, Alkoissa, Alkoihin, Alkojen; Lidlit, Lidlejä, Lidleissä, Lidlien, \
     K-Marketit, K-Marketeissa; Prismat, Tokmannit ja Tokmannien",
    [
        ("Alkot", "local:alko"),
        ("Alkoja", "local:alko"),
        ("Alkoissa", "local:alko"),
        ("Alkoihin", "local:alko"),
        ("Alkojen", "local:alko"),
        ("Lidlit", "local:lidl"),
        ("Lidlejä", "local:lidl"),
        ("Lidleissä", "local:lidl"),
        ("Lidlien", "local:lidl"),
        ("K-Marketit", "local:k-market"),
        ("K-Marketeissa", "local:k-market"),
        ("Prismat", "local:prisma"),
        ("Tokmannit", "local:tokmanni"),
        ("Tokmannien", "local:tokmanni"),
    ]
);
t!(
    finnish_plural_on_the_stem,
    "Prismoissa, Prismoja, Prismoihin; Tokmanneissa, Tokmanneja; Pumia, Pumissa; \
     Wärtsilöissä ja Nokioissakin",
    [
        ("Prismoissa", "local:prisma"),
        ("Prismoja", "local:prisma"),
        ("Prismoihin", "local:prisma"),
        ("Tokmanneissa", "local:tokmanni"),
        ("Tokmanneja", "local:tokmanni"),
        ("Pumia", "local:puma"),
        ("Pumissa", "local:puma"),
        ("Wärtsilöissä", "local:wartsila"),
        ("Nokioissakin", "local:nokia"),
    ]
);
// "prism" is an alias and Prisma's plural stem: two patterns of one text, both read.
t!(
    finnish_plural_stem_that_is_another_alias,
    "Prism ja Prismoissa, Prismin ja Prisman",
    [
        ("Prism", "local:prism"),
        ("Prismoissa", "local:prisma"),
        ("Prismin", "local:prism"),
        ("Prisman", "local:prisma"),
    ]
);
t!(
    finnish_plural_wrong_stem_or_ending,
    "Prismaissa, Alkissa, Alkoen, Alkit, Lidlt, Lidlssä, Tokmanniissa, Pumoissa, Prismoi",
    []
);
t!(
    finnish_plural_needs_a_capitalised_name,
    "prismoissa, alkot, lidleissä",
    []
);
t!(
    finnish_plural_not_on_capitals_or_without_cases,
    "AKUt, AKUissa, Kesät, Kesiä",
    []
);
t!(
    finnish_blocked_endings_only,
    "Sonyn, Sonyssa, Sonya, Sonyt, Sonyissa; Prismojen, Prismoissa",
    [
        ("Sonyn", "local:sony"),
        ("Sonyssa", "local:sony"),
        ("Sonyissa", "local:sony"),
        ("Prismoissa", "local:prisma"),
    ]
);
t!(
    finnish_blocked_endings_not_after_a_colon,
    "Kysyimme asiaa Sony:a edustavalta yhtiöltä.",
    [("Sony:a", "local:sony")]
);
t!(
    finnish_ending_switched_off_by_data,
    "Koneen Kone",
    [("Kone", "local:kone")]
);
t!(
    finnish_endings_not_on_countries,
    "Suomen Suomessa",
    [("Suomessa", "iso:FI")]
);
t!(
    finnish_ending_is_not_a_word_tail,
    "Nokiaset Nokiasta",
    [("Nokiasta", "local:nokia")]
);

// 5e: hyphen compounds.
t!(
    compound_tail_is_not_the_country,
    "Nord-Norge og Sør-Trøndelag",
    []
);
t!(
    whole_compound_alias,
    "Sør-Afrika",
    [("Sør-Afrika", "iso:ZA")]
);
t!(
    compound_head,
    "Alibaba-sjefen",
    [("Alibaba", "local:alibaba")]
);
t!(
    pair_with_hyphen,
    "Norge-Sverige endte 2-1",
    [("Norge", "iso:NO"), ("Sverige", "iso:SE")]
);
t!(
    dangling_hyphen,
    "Norge- og Sverige-kampen",
    [("Norge", "iso:NO"), ("Sverige", "iso:SE")]
);

t!(
    capitalised_compound_is_a_name_of_its_own,
    "Amazon-Prisen og Amazon-prisen",
    [("Amazon", "local:amazon")]
);
t!(
    capitalised_compound_of_two_names,
    "Alibaba-Amazon-avtalen",
    [("Alibaba", "local:alibaba"), ("Amazon", "local:amazon")]
);
t!(
    compound_in_capitals,
    "ALIBABA-SJEFEN",
    [("ALIBABA", "local:alibaba")]
);

// 5f: white space and Unicode normal forms.
t!(
    newline_inside_name,
    "Vero\nModa",
    [("Vero\nModa", "local:vero-moda")]
);
t!(
    no_break_space_inside_name,
    "Vero\u{a0}Moda og Vero \t Moda",
    [
        ("Vero\u{a0}Moda", "local:vero-moda"),
        ("Vero \t Moda", "local:vero-moda")
    ]
);
t!(
    nfd_text,
    "Fja\u{308}llra\u{308}ven",
    [("Fja\u{308}llra\u{308}ven", "local:fjallraven")]
);
t!(nfc_text, "Fjällräven", [("Fjällräven", "local:fjallraven")]);
t!(
    soft_hyphen_inside_name,
    "Fjäll\u{ad}räven",
    [("Fjäll\u{ad}räven", "local:fjallraven")]
);

fn one(tagger: &Tagger, text: &str) -> Mention {
    let mut mentions = tagger.tag(text);
    assert_eq!(mentions.len(), 1, "{text:?}: {mentions:?}");
    mentions.remove(0)
}

#[test]
fn offsets_bytes_and_chars() {
    let text = "İİ Fja\u{308}llra\u{308}ven og ẞ Norges";
    let m = TAGGER.tag(text);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].span().range(), 5..19);
    assert_eq!(m[0].char_span().range(), 3..15);
    assert_eq!(m[1].text(), "Norges");
    assert_eq!(m[1].char_span().range(), 21..27);
    assert_eq!(text.chars().skip(21).take(6).collect::<String>(), "Norges");
}

#[test]
fn how_it_matched() {
    let m = one(&TAGGER, "Norge");
    assert_eq!((m.form(), m.case()), (Form::Plain, CaseMatch::Exact));
    let m = one(&TAGGER, "NORGES");
    assert_eq!((m.form(), m.case()), (Form::Genitive, CaseMatch::Folded));
    let m = one(&TAGGER, "Alibaba-sjefen");
    assert_eq!((m.form(), m.span().range()), (Form::Compound, 0..7));
    let m = one(&TAGGER, "Finnairille");
    assert_eq!(
        (m.form(), m.alias(), m.span().range()),
        (Form::Inflected, "Finnair", 0..11)
    );
    let m = one(&TAGGER, "Komplett.no");
    assert_eq!((m.form(), m.alias()), (Form::Domain, "Komplett"));
    let m = one(&TAGGER, "Vero\n  Moda");
    assert_eq!(
        (m.case(), m.alias(), m.name()),
        (CaseMatch::Exact, "Vero Moda", "Vero Moda")
    );
    assert_eq!(m.kind(), Kind::Brand);
}

#[test]
fn options() {
    let gazetteer = Gazetteer::from_text("test.tsv", GAZETTEER).unwrap();
    let no_compounds = Tagger::builder()
        .compounds(false)
        .build(&gazetteer)
        .unwrap();
    assert!(found(&no_compounds, "Alibaba-sjefen").is_empty());
    let no_genitives = Tagger::builder()
        .genitives(false)
        .build(&gazetteer)
        .unwrap();
    assert_eq!(found(&no_genitives, "Norges og Norge").len(), 1);
    let no_cases = Tagger::builder()
        .case_endings(false)
        .build(&gazetteer)
        .unwrap();
    assert_eq!(found(&no_cases, "Nokian ja Nokia").len(), 1);
    // Off, a case ending after a colon still keeps the name from reading as a word of its own.
    let finnish = "Hän osti takin H&M:ltä ja puhelimen Elisalta, kertoo yhtiö.";
    let texts = |tagger: &Tagger| -> Vec<String> {
        tagger
            .tag(finnish)
            .iter()
            .map(|m| m.text().to_string())
            .collect()
    };
    assert_eq!(texts(Tagger::builtin()), ["H&M:ltä", "Elisalta"]);
    let builtin_no_cases = Tagger::builder()
        .case_endings(false)
        .build(Gazetteer::builtin())
        .unwrap();
    assert!(
        texts(&builtin_no_cases).is_empty(),
        "{:?}",
        texts(&builtin_no_cases)
    );
    let exact = Tagger::builder()
        .default_case(nordic_ner::CaseRule::Exact)
        .build(&gazetteer)
        .unwrap();
    assert_eq!(
        found(&exact, "NORGE og Norge"),
        [("Norge".to_string(), "iso:NO".to_string())]
    );
    let countries = Tagger::builder()
        .kinds([Kind::Country])
        .build(&gazetteer)
        .unwrap();
    assert_eq!(found(&countries, "H&M i Norge").len(), 1);
    // An entity is found under any of its kinds, and reported as the kind asked for.
    let companies = Tagger::builder()
        .kinds([Kind::Company])
        .build(&gazetteer)
        .unwrap();
    let m = one(&companies, "H&M");
    assert_eq!(m.kind(), Kind::Company);
    // A DFA finds exactly what the default NFA finds.
    let dfa = Tagger::builder().dfa(true).build(&gazetteer).unwrap();
    let text = "Norges H&M-butikk, Stiga Gamesx, Vero\nModa og USA:s Sør-Afrika";
    assert_eq!(dfa.tag(text), TAGGER.tag(text));
}

#[test]
fn lazy_iterator_equals_tag() {
    let text = "Norge, Stiga Gamesx, Vero\nModa, USAs og Alibaba-sjefen i Sør-Afrika.";
    let lazy: Vec<Mention> = TAGGER.mentions(text).collect();
    assert_eq!(lazy, TAGGER.tag(text));
    assert_eq!(lazy.len(), 6);
    assert_eq!(TAGGER.mentions(text).take(2).count(), 2);
}

#[test]
fn first_entity_wins_a_shared_alias() {
    let text = "local:a\tcompany\tDuo\nlocal:b\tbrand\tDuo\n";
    let tagger = Tagger::new(&Gazetteer::from_text("t", text).unwrap()).unwrap();
    assert_eq!(one(&tagger, "Duo").id().as_str(), "local:a");
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Tagger>();
    check::<Gazetteer>();
    check::<Mention>();
    check::<nordic_ner::Entity>();
    check::<nordic_ner::GazetteerError>();
    check::<nordic_ner::BuildError>();
    check::<nordic_ner::Mentions<'static, 'static>>();
}

/// The small public enums print and parse as serde and `tag_jsonl` write them.
#[test]
fn small_enums_display_and_parse() {
    use nordic_ner::{CaseMatch, CaseRule, Form};
    for form in Form::ALL {
        assert_eq!(form.to_string().parse::<Form>(), Ok(form));
    }
    for case in [CaseMatch::Exact, CaseMatch::Folded] {
        assert_eq!(case.to_string().parse::<CaseMatch>(), Ok(case));
    }
    for rule in [CaseRule::Any, CaseRule::Exact] {
        assert_eq!(rule.to_string().parse::<CaseRule>(), Ok(rule));
    }
    assert!("Plain".parse::<Form>().is_err());
    assert!("".parse::<CaseRule>().is_err());
}

#[test]
fn without_endings_is_per_language() {
    // Swedish alone writes "Volvo:s"; "-s" is also Norwegian and Danish, so an alias without
    // Swedish endings keeps it, and one without Finnish case endings keeps every genitive. A
    // colon joins the ending to the word, so "Volvo:s" is then not a mention at all.
    let tagger = |attributes: &str| {
        let text = format!("local:volvo\tcompany\tVolvo\tmatch_name=no\n\tVolvo{attributes}\n");
        let g = Gazetteer::from_text("volvo.tsv", &text).unwrap();
        Tagger::builder()
            .language(Language::Swedish)
            .build(&g)
            .unwrap()
    };
    let text = "Volvo:s vinst och Volvos vinst";
    let texts = |t: &Tagger| {
        t.tag(text)
            .iter()
            .map(|m| m.text().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&tagger("")), ["Volvo:s", "Volvos"]);
    assert_eq!(texts(&tagger("\twithout_endings=sv")), ["Volvos"]);
    assert_eq!(
        texts(&tagger("\twithout_endings=fi")),
        ["Volvo:s", "Volvos"]
    );
    let finnish = Tagger::builder().language(Language::Finnish);
    let g = |a: &str| {
        Gazetteer::from_text(
            "v.tsv",
            &format!("local:volvo\tcompany\tVolvo\tmatch_name=no\n\tVolvo{a}\n"),
        )
        .unwrap()
    };
    let fi_text = "Volvon tulos";
    let ending = finnish.clone().build(&g("")).unwrap().tag(fi_text);
    assert_eq!(ending[0].text(), "Volvon");
    let none = finnish
        .build(&g("\twithout_endings=sv,fi"))
        .unwrap()
        .tag(fi_text);
    assert!(none.is_empty(), "{none:?}");
}
