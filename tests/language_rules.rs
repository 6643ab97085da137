//! The rules that depend on the language read, on sentences written for these tests in Bokmål,
//! Nynorsk, Danish, Swedish, Finnish, Icelandic and English: language detection, aliases that are
//! ordinary words of one language, a fixed language, endings by language, sentence starts and
//! text in capitals, whole names, given names, and names that must stay mentions.
//!
//! Each table row is what a reader of that language takes for a mention.

use nordic_ner::{Form, Gazetteer, Language, Mention, Tagger, TaggerBuilder};

/// The mentions in `text`, by the default tagger or one built from `builder`.
fn mentions(builder: Option<TaggerBuilder>, text: &str) -> Vec<Mention> {
    match builder {
        None => nordic_ner::tag(text),
        Some(b) => b
            .build(Gazetteer::builtin())
            .expect("the builtin data builds")
            .tag(text),
    }
}

/// `(matched text, canonical name)` of each mention.
fn by_name(found: &[Mention]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|m| (m.text().to_string(), m.name().to_string()))
        .collect()
}

/// `(matched text, entity id, form)` of each mention.
fn by_form(found: &[Mention]) -> Vec<(String, String, Form)> {
    found
        .iter()
        .map(|m| (m.text().to_string(), m.id().as_str().to_string(), m.form()))
        .collect()
}

/// `(matched text, canonical name, language code)` of each mention.
fn by_language(found: &[Mention]) -> Vec<(String, String, String)> {
    found
        .iter()
        .map(|m| {
            (
                m.text().to_string(),
                m.name().to_string(),
                m.language().code().to_string(),
            )
        })
        .collect()
}

/// Rows of `(text, canonical name)`; `with BUILDER,` tags with a tagger of that configuration.
macro_rules! names {
    ($(#[$a:meta])* $test:ident, with $b:expr, $text:expr, [$(($m:expr, $n:expr)),* $(,)?]) => {
        $(#[$a])*
        #[test]
        fn $test() {
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $n.to_string())),*];
            assert_eq!(by_name(&mentions(Some($b), $text)), want, "in {:?}", $text);
        }
    };
    ($(#[$a:meta])* $test:ident, $text:expr, [$(($m:expr, $n:expr)),* $(,)?]) => {
        $(#[$a])*
        #[test]
        fn $test() {
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $n.to_string())),*];
            assert_eq!(by_name(&mentions(None, $text)), want, "in {:?}", $text);
        }
    };
}

/// Rows of `(text, entity id, form)`.
macro_rules! forms {
    ($(#[$a:meta])* $test:ident, with $b:expr, $text:expr, [$(($m:expr, $id:expr, $f:expr)),* $(,)?]) => {
        $(#[$a])*
        #[test]
        fn $test() {
            let want: Vec<(String, String, Form)> =
                vec![$(($m.to_string(), $id.to_string(), $f)),*];
            assert_eq!(by_form(&mentions(Some($b), $text)), want, "in {:?}", $text);
        }
    };
    ($(#[$a:meta])* $test:ident, $text:expr, [$(($m:expr, $id:expr, $f:expr)),* $(,)?]) => {
        $(#[$a])*
        #[test]
        fn $test() {
            let want: Vec<(String, String, Form)> =
                vec![$(($m.to_string(), $id.to_string(), $f)),*];
            assert_eq!(by_form(&mentions(None, $text)), want, "in {:?}", $text);
        }
    };
}

/// Rows of `(text, canonical name, language code of the mention)`.
macro_rules! langs {
    ($(#[$a:meta])* $test:ident, with $b:expr, $text:expr, [$(($m:expr, $n:expr, $l:expr)),* $(,)?]) => {
        $(#[$a])*
        #[test]
        fn $test() {
            let want: Vec<(String, String, String)> =
                vec![$(($m.to_string(), $n.to_string(), $l.to_string())),*];
            assert_eq!(by_language(&mentions(Some($b), $text)), want, "in {:?}", $text);
        }
    };
    ($(#[$a:meta])* $test:ident, $text:expr, [$(($m:expr, $n:expr, $l:expr)),* $(,)?]) => {
        $(#[$a])*
        #[test]
        fn $test() {
            let want: Vec<(String, String, String)> =
                vec![$(($m.to_string(), $n.to_string(), $l.to_string())),*];
            assert_eq!(by_language(&mentions(None, $text)), want, "in {:?}", $text);
        }
    };
}

/// `Language::detect` on one sentence.
macro_rules! detect {
    ($test:ident, $text:expr, $want:expr) => {
        #[test]
        fn $test() {
            assert_eq!(Language::detect($text), $want, "in {:?}", $text);
        }
    };
}

fn fixed(language: Language) -> TaggerBuilder {
    Tagger::builder().language(language)
}

// ---------------------------------------------------------------------------------------------
// 1. Language detection: `Language::detect`, and the language a mention was read in.
// ---------------------------------------------------------------------------------------------

detect!(
    detect_bokmal,
    "Regjeringen har bestemt at de nye reglene for strømstøtte skal gjelde fra neste måned.",
    Language::Bokmal
);
detect!(
    detect_nynorsk,
    "Regjeringa har bestemt at dei nye reglane for straumstønad skal gjelde frå neste månad.",
    Language::Nynorsk
);
detect!(
    detect_danish,
    "Regeringen har besluttet, at de nye regler for boligstøtte først skal gælde fra næste år.",
    Language::Danish
);
detect!(
    detect_swedish,
    "Regeringen har beslutat att de nya reglerna för elstödet ska gälla från och med nästa månad.",
    Language::Swedish
);
detect!(
    detect_finnish,
    "Hallitus päätti, että uudet säännöt tulevat voimaan vasta ensi vuoden alussa.",
    Language::Finnish
);
detect!(
    detect_icelandic,
    "Ríkisstjórnin hefur ákveðið að nýju reglurnar taki gildi í byrjun næsta mánaðar.",
    Language::Icelandic
);
detect!(
    detect_english,
    "The government has decided that the new rules will only take effect at the start of next year.",
    Language::English
);
detect!(
    detect_german_is_other,
    "Die Bundesregierung hat beschlossen, dass die neuen Regeln erst im nächsten Jahr gelten sollen.",
    Language::Other
);
detect!(
    detect_french_is_other,
    "Le gouvernement a décidé que les nouvelles règles n'entreront en vigueur que l'année prochaine.",
    Language::Other
);

langs!(
    mention_language_bokmal,
    "Statsministeren sier at regjeringen ikke vil endre skattene for Equinor neste år.",
    [("Equinor", "Equinor", "nb")]
);
langs!(
    mention_language_nynorsk,
    "Regjeringa seier at ho ikkje vil endre skattane for Equinor neste år, men kanskje seinare.",
    [("Equinor", "Equinor", "nn")]
);
langs!(
    mention_language_danish,
    "Regeringen siger, at den ikke vil ændre skatterne for Mærsk næste år, men måske senere.",
    [("Mærsk", "A.P. Møller - Mærsk", "da")]
);
langs!(
    mention_language_swedish,
    "Regeringen säger att den inte kommer att ändra skatterna för Volvo nästa år.",
    [("Volvo", "Volvo Cars", "sv")]
);
langs!(
    mention_language_finnish,
    "Hallitus sanoo, ettei se aio muuttaa Nokian verotusta ensi vuonna eikä myöhemminkään.",
    [("Nokian", "Nokia", "fi")]
);
langs!(
    mention_language_icelandic,
    "Ríkisstjórnin segir að hún muni ekki breyta sköttum á Icelandair á næsta ári.",
    [("Icelandair", "Icelandair", "is")]
);
langs!(
    mention_language_english,
    "The government says it will not change the taxes paid by Equinor next year.",
    [("Equinor", "Equinor", "en")]
);
langs!(
    mixed_document_reads_each_sentence,
    "Konsernsjefen la fram resultatet for tredje kvartal på en pressekonferanse i Oslo i går. \
     Han siterte fra en melding til de internasjonale investorene. \
     We are very pleased that our customers in Asia have welcomed the new service this year. \
     Ifølge avisen vil selskapet nå satse mer i Sverige og Danmark fremover.",
    [
        ("Asia", "Asia", "en"),
        ("Sverige", "Sweden", "nb"),
        ("Danmark", "Denmark", "nb")
    ]
);
langs!(
    mixed_document_quoted_sentence_reads_english,
    "Konsernsjefen la fram resultatet for tredje kvartal i Oslo i går. \
     «We are very pleased that our customers in Asia have welcomed the new service this year.» \
     Ifølge avisen vil selskapet nå satse mer i Sverige og Danmark fremover.",
    [
        ("Asia", "Asia", "en"),
        ("Sverige", "Sweden", "nb"),
        ("Danmark", "Denmark", "nb")
    ]
);
langs!(
    mention_language_bokmal_unsure_of_nynorsk,
    "Aksjen i Equinor steg kraftig på børsen etter at oljeprisen økte igjen.",
    [("Equinor", "Equinor", "nb")]
);

// ---------------------------------------------------------------------------------------------
// 2. An alias that is an ordinary word of the language read is no mention there, and stays a
//    name elsewhere.
// ---------------------------------------------------------------------------------------------

names!(
    finnish_asia_at_sentence_start_is_a_word,
    "Asia on nyt ratkaistu, kertoi ministeri torstaina eduskunnassa toimittajille.",
    []
);
names!(
    finnish_lowercase_asia_is_a_word,
    "Ministerin mukaan asia on hallitukselle erittäin tärkeä juuri tänä vuonna.",
    []
);
names!(
    english_asia_at_sentence_start_is_asia,
    "Asia remains the most important market for the company, the chief executive said on Tuesday.",
    [("Asia", "Asia")]
);
names!(
    bokmal_asia_at_sentence_start_is_asia,
    "Asia er det viktigste markedet for selskapet, sier konsernsjefen til avisen.",
    [("Asia", "Asia")]
);
names!(
    finnish_lowercase_oman_is_own,
    "Yhtiö haluaa rakentaa oman tehtaan Ruotsiin ensi vuonna, kertoi toimitusjohtaja.",
    [("Ruotsiin", "Sweden")]
);
names!(
    finnish_capitalised_oman_mid_sentence_is_oman,
    "Suomi ja Oman allekirjoittivat keskiviikkona uuden kauppasopimuksen Helsingissä.",
    [("Suomi", "Finland"), ("Oman", "Oman")]
);
names!(
    english_oman_is_oman,
    "Oman and Qatar signed a new agreement on gas exports on Wednesday, officials said.",
    [("Oman", "Oman"), ("Qatar", "Qatar")]
);
names!(
    finnish_lowercase_somalia_is_the_language,
    "Hän puhuu sujuvasti somalia ja suomea, ja hän on asunut Helsingissä kymmenen vuotta.",
    []
);
names!(
    finnish_lowercase_matalan_is_low,
    "Yhtiö pitää matalan profiilin eikä kommentoi kauppaa ennen kuin se on valmis.",
    []
);
names!(
    english_matalan_is_the_retailer,
    "The British retailer Matalan reported higher sales in the first quarter of the year.",
    [("Matalan", "Matalan")]
);
names!(
    swedish_lowercase_visa_is_show,
    "Polisen vill visa att de tar hoten mot politikerna på största allvar i år.",
    []
);
names!(
    swedish_visa_at_sentence_start_is_a_word,
    "Visa ökade sin vinst kraftigt under det senaste kvartalet, enligt företaget.",
    []
);
names!(
    bokmal_visa_at_sentence_start_is_the_card_network,
    "Visa melder om rekordmange korttransaksjoner i julehandelen i år, skriver avisen.",
    [("Visa", "Visa")]
);
names!(
    danish_visa_at_sentence_start_is_the_card_network,
    "Visa har lanceret en ny betalingsløsning til danske butikker, oplyser selskabet.",
    [("Visa", "Visa")]
);
names!(
    danish_kone_at_sentence_start_is_wife,
    "Kone og børn flyttede med til udlandet, fortæller han til avisen i et interview.",
    []
);
names!(
    danish_lowercase_kone_is_wife,
    "Hans kone arbejder som sygeplejerske på hospitalet, fortæller han til avisen.",
    []
);
names!(
    finnish_kone_at_sentence_start_is_the_company,
    "Kone kertoi torstaina, että sen liikevaihto kasvoi selvästi viime vuonna.",
    [("Kone", "Kone")]
);
names!(
    bokmal_lowercase_tine_is_thaw,
    "Isen begynte å tine tidlig i år etter en uvanlig mild vinter i hele landet.",
    []
);
names!(
    english_island_at_sentence_start_is_a_word,
    "Island residents were told to stay indoors as the storm approached the coast.",
    []
);
names!(
    bokmal_island_is_iceland,
    "Island har fått en ny regjering etter valget i helgen, melder nyhetsbyrået.",
    [("Island", "Iceland")]
);
names!(
    danish_island_is_iceland,
    "Island har fået en ny regering efter valget i weekenden, oplyser nyhedsbureauet.",
    [("Island", "Iceland")]
);
names!(
    swedish_island_is_iceland,
    "Island har fått en ny regering efter valet i helgen, uppger nyhetsbyrån.",
    [("Island", "Iceland")]
);
names!(
    english_sale_at_sentence_start_is_a_word,
    "Sale of the company was approved by shareholders at the meeting on Monday.",
    []
);

// ---------------------------------------------------------------------------------------------
// 3. A fixed language against the detected one; `ordinary_words(false)`.
// ---------------------------------------------------------------------------------------------

const FINNISH_ASIA: &str = "Asia on selvä: Finnairin lennot jatkuvat taas normaalisti.";

langs!(
    finnish_detected,
    FINNISH_ASIA,
    [("Finnairin", "Finnair", "fi")]
);
langs!(
    finnish_fixed,
    with fixed(Language::Finnish),
    FINNISH_ASIA,
    [("Finnairin", "Finnair", "fi")]
);
langs!(
    finnish_text_read_as_english,
    with fixed(Language::English),
    FINNISH_ASIA,
    [("Asia", "Asia", "en")]
);
langs!(
    finnish_text_read_as_other_takes_every_ending_and_no_word,
    with fixed(Language::Other),
    FINNISH_ASIA,
    [("Asia", "Asia", "und"), ("Finnairin", "Finnair", "und")]
);

const SWEDISH_VOLVON: &str =
    "Han parkerade Volvon utanför huset, och Finnairs flyg var försenat i går.";

langs!(
    swedish_detected_reads_genitive_not_case,
    SWEDISH_VOLVON,
    [("Finnairs", "Finnair", "sv")]
);
langs!(
    swedish_text_read_as_finnish_reads_case_not_genitive,
    with fixed(Language::Finnish),
    SWEDISH_VOLVON,
    [("Volvon", "Volvo Cars", "fi")]
);
langs!(
    bokmal_fixed_reads_no_finnish_case,
    with fixed(Language::Bokmal),
    "Dekkene fra Nokian steg kraftig i pris etter at etterspørselen økte igjen.",
    []
);
langs!(
    english_text_read_as_swedish_island_is_iceland,
    with fixed(Language::Swedish),
    "Island residents were told to stay indoors as the storm approached the coast.",
    [("Island", "Iceland", "sv")]
);
langs!(
    danish_text_read_as_english_kone_is_the_company,
    with fixed(Language::English),
    "Kone og børn flyttede med til udlandet, fortæller han til avisen i et interview.",
    [("Kone", "Kone", "en")]
);

langs!(
    ordinary_words_off_finnish_asia,
    with Tagger::builder().ordinary_words(false),
    "Asia on nyt ratkaistu, kertoi ministeri torstaina eduskunnassa toimittajille.",
    [("Asia", "Asia", "fi")]
);
langs!(
    ordinary_words_off_finnish_oman,
    with Tagger::builder().ordinary_words(false),
    "Yhtiö haluaa rakentaa oman tehtaan Ruotsiin ensi vuonna, kertoi toimitusjohtaja.",
    [("oman", "Oman", "fi"), ("Ruotsiin", "Sweden", "fi")]
);
langs!(
    ordinary_words_off_swedish_visa,
    with Tagger::builder().ordinary_words(false),
    "Visa ökade sin vinst kraftigt under det senaste kvartalet, enligt företaget.",
    [("Visa", "Visa", "sv")]
);
langs!(
    ordinary_words_off_keeps_exact_case,
    with Tagger::builder().ordinary_words(false),
    "Polisen vill visa att de tar hoten mot politikerna på största allvar i år.",
    []
);
langs!(
    ordinary_words_off_danish_kone,
    with Tagger::builder().ordinary_words(false),
    "Kone og børn flyttede med til udlandet, fortæller han til avisen i et interview.",
    [("Kone", "Kone", "da")]
);
langs!(
    ordinary_words_off_english_island,
    with Tagger::builder().ordinary_words(false),
    "Island residents were told to stay indoors as the storm approached the coast.",
    [("Island", "Iceland", "en")]
);
langs!(
    ordinary_words_off_swedish_capitals,
    with Tagger::builder().ordinary_words(false),
    "MAN KAN INTE LITA PÅ NÅGON I REGERINGEN, SÄGER OPPOSITIONEN",
    [("MAN", "MAN", "sv")]
);

// ---------------------------------------------------------------------------------------------
// 4. Endings follow the language read.
// ---------------------------------------------------------------------------------------------

forms!(
    finnish_case_endings,
    "Nokian osake nousi selvästi, kun Finnairille tuli uusia tilauksia Aasiasta.",
    [
        ("Nokian", "isin:FI0009000681", Form::Inflected),
        ("Finnairille", "local:finnair", Form::Inflected),
        ("Aasiasta", "region:asia", Form::Plain)
    ]
);
forms!(
    finnish_abbreviation_form_from_the_data,
    "USA:n presidentti vieraili Helsingissä ja tapasi pääministerin torstaina.",
    [("USA:n", "iso:US", Form::Plain)]
);
names!(
    bokmal_nokian_is_no_finnish_case,
    "Vinterdekkene fra Nokian fikk best karakter i testen som ble publisert i går.",
    []
);
names!(
    swedish_nokian_is_no_finnish_case,
    "Vinterdäcken från Nokian fick högst betyg i testet som publicerades i går.",
    []
);
names!(
    swedish_definite_volvon_is_no_finnish_case,
    "Han parkerade Volvon utanför huset och gick sedan in för att äta middag.",
    []
);
names!(
    bokmal_unsure_of_nynorsk_nokian_is_no_finnish_case,
    "Dekkene fra Nokian steg kraftig i pris etter at etterspørselen økte igjen.",
    []
);
forms!(
    swedish_colon_genitive,
    "USA:s president besökte Stockholm i går och träffade regeringen för samtal.",
    [("USA:s", "iso:US", Form::Genitive)]
);
forms!(
    bokmal_genitive,
    "Norges eksport av laks økte kraftig i fjor, viser nye tall fra statistikkbyrået.",
    [("Norges", "iso:NO", Form::Genitive)]
);
forms!(
    nynorsk_genitive,
    "Danmarks statsminister kom på vitjing til Bergen i går og møtte ordføraren i byen.",
    [("Danmarks", "iso:DK", Form::Genitive)]
);
forms!(
    danish_genitive,
    "Danmarks eksport af svinekød faldt markant sidste år, viser nye tal fra styrelsen.",
    [("Danmarks", "iso:DK", Form::Genitive)]
);
forms!(
    swedish_genitives,
    "Sveriges export av trävaror ökade kraftigt förra året, enligt nya siffror.",
    [("Sveriges", "iso:SE", Form::Genitive)]
);
forms!(
    swedish_genitive_of_finland,
    "Finlands regering vill att fler ska arbeta längre, sade statsministern i går.",
    [("Finlands", "iso:FI", Form::Genitive)]
);
forms!(
    swedish_company_genitives,
    "Finnairs nya flygplan levererades i går, och Nokias aktie steg på börsen.",
    [
        ("Finnairs", "local:finnair", Form::Genitive),
        ("Nokias", "isin:FI0009000681", Form::Genitive)
    ]
);
forms!(
    danish_company_genitive,
    "Nokias aktie steg kraftigt, efter at selskabet fremlagde et bedre regnskab.",
    [("Nokias", "isin:FI0009000681", Form::Genitive)]
);
forms!(
    icelandic_s_genitive_of_a_foreign_name,
    "Hlutabréf Volvos hækkuðu mikið í kauphöllinni í Stokkhólmi í gær samkvæmt fréttum.",
    [("Volvos", "Q215293", Form::Genitive)]
);
forms!(
    english_apostrophe_genitive,
    "Norway's oil fund reported a record return last year, the central bank said on Friday.",
    [("Norway's", "iso:NO", Form::Genitive)]
);

// ---------------------------------------------------------------------------------------------
// 5. Sentence starts and text in capitals.
// ---------------------------------------------------------------------------------------------

names!(
    swedish_visa_start_no_mid_sentence_yes,
    "Visa ökar inte längre lika snabbt, men enligt kortföretaget Visa är tillväxten stabil.",
    [("Visa", "Visa")]
);
names!(
    swedish_man_in_capitals_is_a_word,
    "MAN KAN INTE LITA PÅ NÅGON I REGERINGEN, SÄGER OPPOSITIONEN",
    []
);
names!(
    swedish_man_mid_sentence_is_the_brand,
    "Lastbilstillverkaren MAN har fått en stor order från ett svenskt åkeri i år.",
    [("MAN", "MAN")]
);
names!(
    danish_kone_start_no_mid_sentence_yes,
    "Kone og børn flyttede med, men elevatorselskabet Kone har fået en stor ordre i år.",
    [("Kone", "Kone")]
);
names!(
    danish_kone_in_capitals_is_a_word,
    "KONE OG BØRN FLYTTER TIL UDLANDET EFTER SKILSMISSEN",
    []
);
names!(
    finnish_emme_in_capitals_is_a_word,
    "EMME HYVÄKSY UUTTA LAKIA, SANOO OPPOSITION JOHTAJA",
    []
);
names!(
    finnish_emme_mid_sentence_is_the_brand,
    "Vaatebrändi EMME avaa uuden myymälän Helsingin keskustaan ensi kuussa.",
    [("EMME", "EMME")]
);
names!(
    finnish_asia_after_a_colon_is_a_word,
    "Ministeri sanoi: Asia on nyt ratkaistu ja työ jatkuu normaalisti ensi viikolla.",
    []
);
names!(
    icelandic_man_in_capitals_is_a_word,
    "ÉG MAN EKKI EFTIR NEINU, SEGIR ÞINGMAÐURINN VIÐ FRÉTTASTOFU",
    []
);
names!(
    icelandic_man_mid_sentence_is_the_brand,
    "Þýski vörubílaframleiðandinn MAN hefur opnað nýja verksmiðju á Íslandi í ár.",
    [("MAN", "MAN"), ("Íslandi", "Iceland")]
);
names!(
    bokmal_man_in_capitals_is_a_word,
    "MAN MÅ TÅLE Å BLI KRITISERT, SIER STATSMINISTEREN TIL AVISEN",
    []
);
names!(
    bokmal_man_mid_sentence_is_the_brand,
    "Den tyske lastebilprodusenten MAN åpner en ny fabrikk i Sverige neste år.",
    [("MAN", "MAN"), ("Sverige", "Sweden")]
);
names!(
    english_only_in_capitals_is_a_word,
    "ONLY ONE IN FIVE VOTERS TRUST THE GOVERNMENT, POLL FINDS",
    []
);
names!(
    english_only_mid_sentence_is_the_brand,
    "The Danish fashion brand ONLY opened a new store in London on Thursday.",
    [("ONLY", "ONLY")]
);

// ---------------------------------------------------------------------------------------------
// 6. Whole names: legal forms, national units, products, countries inside longer names, pairs.
// ---------------------------------------------------------------------------------------------

forms!(
    bokmal_legal_form_extends_the_mention,
    "Aksjonærene i Vipps AS godkjente fusjonen med det danske selskapet i går kveld.",
    [("Vipps AS", "local:vipps", Form::Plain)]
);
forms!(
    swedish_legal_form_and_publ,
    "Styrelsen i Telia Company AB (publ) föreslår en högre utdelning till aktieägarna.",
    [("Telia Company AB (publ)", "Q862303", Form::Plain)]
);
forms!(
    finnish_legal_forms,
    "Hallituksen mukaan Kesko Oyj ja Elisa Oyj ovat sopineet yhteistyöstä.",
    [
        ("Kesko Oyj", "local:kesko", Form::Plain),
        ("Elisa Oyj", "isin:FI0009007884", Form::Plain)
    ]
);
forms!(
    danish_legal_form,
    "Carlsberg A/S hævede forventningerne til årets resultat, oplyser selskabet.",
    [("Carlsberg A/S", "isin:DK0010181676", Form::Plain)]
);
forms!(
    english_legal_form,
    "Shares in Orkla ASA rose after the company reported strong quarterly results.",
    [("Orkla ASA", "isin:NO0003733800", Form::Plain)]
);
forms!(
    swedish_two_corporate_words_extend_the_mention,
    "Styrelsen i Ericsson AB (publ) föreslår en högre utdelning till aktieägarna i år.",
    [("Ericsson AB (publ)", "isin:SE0000108649", Form::Plain)]
);
forms!(
    bokmal_legal_form_in_a_quote_does_not_panic,
    "«Vi solgte aksjene i Vipps AS, og det angrer vi ikke på»",
    [("Vipps AS", "local:vipps", Form::Plain)]
);

forms!(
    bokmal_national_units_are_parts,
    "Telenor Danmark mister kunder, mens Telia Norge vokser, skriver avisen i dag.",
    [
        ("Telenor Danmark", "isin:NO0010063308", Form::Part),
        ("Telia Norge", "Q862303", Form::Part)
    ]
);
forms!(
    danish_national_unit_is_a_part,
    "Telenor Danmark har mistet mange kunder i år, oplyser selskabet i en meddelelse.",
    [("Telenor Danmark", "isin:NO0010063308", Form::Part)]
);
forms!(
    finnish_national_unit_is_a_part,
    "Telia Finland kertoi torstaina, että sen liikevaihto kasvoi selvästi viime vuonna.",
    [("Telia Finland", "Q862303", Form::Part)]
);
forms!(
    swedish_national_unit_is_a_part,
    "Telia Sverige har förlorat många kunder i år, uppger bolaget i ett pressmeddelande.",
    [("Telia Sverige", "Q862303", Form::Part)]
);
forms!(
    english_national_unit_is_a_part,
    "Telia Finland said on Thursday that its sales grew strongly last year.",
    [("Telia Finland", "Q862303", Form::Part)]
);
forms!(
    national_unit_and_the_country_alone,
    "Telenor Danmark mister kunder, og Danmark er et vanskelig marked for selskapet.",
    [
        ("Telenor Danmark", "isin:NO0010063308", Form::Part),
        ("Danmark", "iso:DK", Form::Plain)
    ]
);
forms!(
    national_unit_without_whole_names,
    with Tagger::builder().whole_names(false),
    "Telenor Danmark mister kunder, og Danmark er et vanskelig marked for selskapet.",
    [
        ("Telenor", "isin:NO0010063308", Form::Plain),
        ("Danmark", "iso:DK", Form::Plain),
        ("Danmark", "iso:DK", Form::Plain)
    ]
);

forms!(
    bokmal_product_is_a_part,
    "Brukerne av Google Flights kan nå se prisene i sanntid i hele Norge, melder selskapet.",
    [
        ("Google Flights", "Q95", Form::Part),
        ("Norge", "iso:NO", Form::Plain)
    ]
);
forms!(
    swedish_product_is_a_part,
    "Användare av Google Flights kan nu se priserna i realtid i hela Sverige, meddelar bolaget.",
    [
        ("Google Flights", "Q95", Form::Part),
        ("Sverige", "iso:SE", Form::Plain)
    ]
);
forms!(
    english_product_is_a_part,
    "Users of Google Flights can now see live prices across Finland, the company said.",
    [
        ("Google Flights", "Q95", Form::Part),
        ("Finland", "iso:FI", Form::Plain)
    ]
);
forms!(
    bokmal_payment_product_is_a_part,
    "Apple Card er nå tilgjengelig for kunder i alle norske banker, opplyser selskapet.",
    [("Apple Card", "Q312", Form::Part)]
);
forms!(
    finnish_payment_product_is_a_part,
    "Apple Card on nyt saatavilla kaikkien suomalaisten pankkien asiakkaille, kertoo yhtiö.",
    [("Apple Card", "Q312", Form::Part)]
);
forms!(
    bokmal_subsidiary_is_a_part,
    "Sony Pictures lanserer en ny film i Norge neste måned, melder selskapet.",
    [
        ("Sony Pictures", "Q41187", Form::Part),
        ("Norge", "iso:NO", Form::Plain)
    ]
);
forms!(
    bokmal_three_word_product_is_one_part,
    "I går sa Google Shopping Express at tjenesten hadde vært nede i flere timer.",
    [("Google Shopping Express", "Q95", Form::Part)]
);
forms!(
    bokmal_three_word_subsidiary_is_one_part,
    "Sony Pictures Entertainment lanserer en ny film i Norge neste måned, melder selskapet.",
    [
        ("Sony Pictures Entertainment", "Q41187", Form::Part),
        ("Norge", "iso:NO", Form::Plain)
    ]
);

names!(
    english_bank_of_finland_is_the_central_bank,
    "The Bank of Finland raised its growth forecast for the economy on Tuesday.",
    [("Bank of Finland", "Suomen Pankki")]
);
names!(
    english_country_after_of_in_a_name_is_no_mention,
    "Researchers at the University of Iceland published a new study on Wednesday.",
    []
);
names!(
    bokmal_norges_bank_is_the_central_bank,
    "Sentralbanken Norges Bank holdt renten uendret på møtet torsdag, som ventet.",
    [("Norges Bank", "Norges Bank")]
);
names!(
    bokmal_country_heading_a_name_is_no_mention,
    "Norges Fotballforbund har ansatt en ny landslagstrener for kvinnelandslaget.",
    []
);
names!(
    swedish_riksbank_is_the_central_bank,
    "Centralbanken Sveriges Riksbank lämnade styrräntan oförändrad på torsdagen, som väntat.",
    [("Sveriges Riksbank", "Sveriges Riksbank")]
);
names!(
    swedish_country_heading_a_name_is_no_mention,
    "Sveriges Kommuner och Regioner varnar för att ekonomin försämras kraftigt nästa år.",
    []
);
names!(
    danish_nationalbank_is_the_central_bank,
    "Danmarks Nationalbank hævede renten torsdag, oplyser banken i en meddelelse.",
    [("Danmarks Nationalbank", "Danmarks Nationalbank")]
);
names!(
    danish_country_heading_a_name_is_no_mention,
    "Danmarks Statistik offentliggjorde i går nye tal for arbejdsløsheden i landet.",
    []
);
names!(
    finnish_suomen_pankki_is_the_central_bank,
    "Suomen Pankki nosti torstaina talouskasvun ennustettaan selvästi ensi vuodelle.",
    [("Suomen Pankki", "Suomen Pankki")]
);
names!(
    finnish_genitives_heading_institutions_are_no_mentions,
    "Euroopan komissio ja Suomen hallitus neuvottelevat uusista säännöistä tällä viikolla.",
    []
);
names!(
    finnish_union_is_a_name_government_is_not,
    "Ministeri kertoi, että Euroopan unioni ja Suomen hallitus ovat samaa mieltä asiasta.",
    [("Euroopan unioni", "European Union")]
);
names!(
    icelandic_country_at_the_end_of_a_name_is_no_mention,
    "Rannsókn frá Háskóla Íslands sýnir að verðbólga hefur minnkað á þessu ári.",
    []
);
names!(
    icelandic_central_bank_is_a_name,
    "Seðlabanki Íslands hækkaði stýrivexti sína enn á ný á miðvikudaginn.",
    [("Seðlabanki Íslands", "Seðlabanki Íslands")]
);
names!(
    bokmal_pair_of_countries,
    "Kampen Norge Sverige endte uavgjort, og neste kamp spilles i Danmark i juni.",
    [
        ("Norge", "Norway"),
        ("Sverige", "Sweden"),
        ("Danmark", "Denmark")
    ]
);
names!(
    swedish_pair_of_countries,
    "Matchen Sverige Finland slutade oavgjort, och nästa match spelas i Norge i juni.",
    [
        ("Sverige", "Sweden"),
        ("Finland", "Finland"),
        ("Norge", "Norway")
    ]
);
names!(
    nynorsk_pair_of_companies,
    "Samarbeidet mellom Telenor Telia og andre selskap er viktig, seier ministeren.",
    [("Telenor", "Telenor"), ("Telia", "Telia Company")]
);

// ---------------------------------------------------------------------------------------------
// 7. Given names: a person's name is no mention; a genitive before a person stays one.
// ---------------------------------------------------------------------------------------------

names!(
    bokmal_given_name_before_surname,
    "Den tidligere statsråden Tine Sundtoft ble i går valgt til ny styreleder i selskapet.",
    []
);
names!(
    bokmal_brand_that_is_a_given_name,
    "Meieriet Tine har økt prisene på melk og ost fra neste måned, melder NTB.",
    [("Tine", "Tine"), ("NTB", "NTB")]
);
names!(
    bokmal_country_as_given_name,
    "Skuespillerinnen Georgia Smith vant prisen for beste kvinnelige hovedrolle i år.",
    []
);
names!(
    english_given_name_before_surname,
    "The drummer Chad Smith said on Tuesday that the band would tour Europe next year.",
    [("Europe", "Europe")]
);
names!(
    english_country_that_is_a_given_name,
    "The government of Chad said on Tuesday that the border would remain closed.",
    [("Chad", "Chad")]
);
names!(
    finnish_given_name_before_surname,
    "Laulaja Elisa Järvinen esiintyy ensi viikolla Helsingissä, kertoo järjestäjä.",
    []
);
names!(
    finnish_company_that_is_a_given_name,
    "Operaattori Elisa nosti hintojaan torstaina, kertoi yhtiö tiedotteessaan.",
    [("Elisa", "Elisa")]
);
names!(
    swedish_given_name_before_surname,
    "Förre ministern Jordan Henderson besökte Stockholm i går för samtal med regeringen.",
    []
);
names!(
    danish_given_name_before_surname,
    "Tidligere minister Chad Jensen besøgte København i går for at tale med regeringen.",
    []
);
forms!(
    bokmal_genitive_before_a_person,
    "Norges Erling Haaland scoret to mål da landslaget slo Sverige i går kveld.",
    [
        ("Norges", "iso:NO", Form::Genitive),
        ("Sverige", "iso:SE", Form::Plain)
    ]
);
forms!(
    danish_genitive_before_a_person,
    "Danmarks Christian Eriksen blev kåret til kampens spiller efter sejren i går.",
    [("Danmarks", "iso:DK", Form::Genitive)]
);
forms!(
    swedish_genitive_before_a_person,
    "Sveriges Alexander Isak gjorde två mål när landslaget vann mot Norge i går.",
    [
        ("Sveriges", "iso:SE", Form::Genitive),
        ("Norge", "iso:NO", Form::Plain)
    ]
);
forms!(
    finnish_genitive_before_a_person,
    "Suomen Teemu Pukki teki kaksi maalia, kun maajoukkue voitti Ruotsin eilen illalla.",
    [
        ("Suomen", "iso:FI", Form::Plain),
        ("Ruotsin", "iso:SE", Form::Plain)
    ]
);
forms!(
    english_genitive_before_a_person,
    "Norway's Erling Haaland scored twice as the national team beat Sweden on Sunday.",
    [
        ("Norway's", "iso:NO", Form::Genitive),
        ("Sweden", "iso:SE", Form::Plain)
    ]
);
forms!(
    icelandic_genitive_before_a_person,
    "Íslands Aron Gunnarsson skoraði tvö mörk þegar landsliðið vann Noreg í gær.",
    [
        ("Íslands", "iso:IS", Form::Plain),
        ("Noreg", "iso:NO", Form::Plain)
    ]
);

// ---------------------------------------------------------------------------------------------
// 8. Names that must stay mentions, and an English adjective that must not be one.
// ---------------------------------------------------------------------------------------------

names!(
    english_asia_mid_sentence,
    "The US and Asia are the most important markets for the Norwegian company this year.",
    [("US", "United States"), ("Asia", "Asia")]
);
names!(
    bokmal_norwegian_the_airline_at_sentence_start,
    "Norwegian kansellerte flyet til Bergen i går på grunn av sterk vind, melder selskapet.",
    [("Norwegian", "Norwegian Air Shuttle")]
);
names!(
    bokmal_norwegian_the_airline_mid_sentence,
    "Flyselskapet Norwegian kansellerte flere avganger i går på grunn av streiken.",
    [("Norwegian", "Norwegian Air Shuttle")]
);
names!(
    swedish_norwegian_the_airline,
    "Norwegian ställde in flera avgångar i går på grund av strejken, meddelar bolaget.",
    [("Norwegian", "Norwegian Air Shuttle")]
);
names!(
    danish_norwegian_the_airline,
    "Norwegian aflyste flere afgange i går på grund af strejken, oplyser selskabet.",
    [("Norwegian", "Norwegian Air Shuttle")]
);
names!(
    english_norwegian_authorities_is_an_adjective,
    "Norwegian authorities said on Monday that the new rules would take effect in June.",
    []
);
names!(
    bokmal_country_after_i,
    "Hun har bodd i Sverige i mange år, men flytter nå hjem til Norge igjen.",
    [("Sverige", "Sweden"), ("Norge", "Norway")]
);
names!(
    bokmal_country_after_i_at_sentence_start,
    "I Sverige har regjeringen bestemt at skolene skal holde stengt resten av uken.",
    [("Sverige", "Sweden")]
);
names!(
    nynorsk_country_after_i,
    "Ho har budd i Sverige i mange år, men flyttar no heim til Noreg att.",
    [("Sverige", "Sweden"), ("Noreg", "Norway")]
);
names!(
    swedish_country_after_i,
    "Hon har bott i Sverige i många år men flyttar nu hem till Finland igen.",
    [("Sverige", "Sweden"), ("Finland", "Finland")]
);
names!(
    danish_country_after_i,
    "Hun har boet i Sverige i mange år, men flytter nu hjem til Danmark igen.",
    [("Sverige", "Sweden"), ("Danmark", "Denmark")]
);

// ---------------------------------------------------------------------------------------------
// 9. Finnish plural forms of chains and companies, and endings the data blocks for one alias.
// ---------------------------------------------------------------------------------------------

names!(
    finnish_plural_local_cases,
    "Joulun alla Prismoissa ja Alkoissa oli ruuhkaa, mutta K-Marketeissa ja Lidleissä oli väljempää.",
    [
        ("Prismoissa", "Prisma"),
        ("Alkoissa", "Alko"),
        ("K-Marketeissa", "K-Market"),
        ("Lidleissä", "Lidl")
    ]
);
names!(
    finnish_plural_nominative_beside_the_singular,
    "Kaupungissa on kolme Prismaa, mutta Lidlit ja Alkot sulkevat aikaisemmin kuin Prismat.",
    [
        ("Prismaa", "Prisma"),
        ("Lidlit", "Lidl"),
        ("Alkot", "Alko"),
        ("Prismat", "Prisma")
    ]
);
names!(
    finnish_plural_genitive_and_partitive,
    "Vertailussa olivat mukana Prismojen, Tokmannien ja Lidlien hinnat, ja uusia Tokmanneja avataan.",
    [
        ("Prismojen", "Prisma"),
        ("Tokmannien", "Tokmanni Group"),
        ("Lidlien", "Lidl"),
        ("Tokmanneja", "Tokmanni Group")
    ]
);
names!(
    finnish_plural_partitive_on_names_as_written,
    "Samsungeja ja Applejä myytiin viime vuonna enemmän kuin Sonyja.",
    [
        ("Samsungeja", "Samsung Electronics"),
        ("Applejä", "Apple"),
        ("Sonyja", "Sony")
    ]
);
names!(
    finnish_plural_of_a_finnish_word_at_sentence_start_is_the_word,
    "Koneita on tehtaassa kymmeniä, ja niitä huolletaan joka viikko.",
    []
);
names!(
    finnish_plural_of_prism_at_sentence_start_is_the_word,
    "Prismoja käytetään optiikassa valon taittamiseen eri suuntiin.",
    []
);
names!(
    finnish_plural_lowercase_is_no_name,
    "Kaupassa myytiin prismoja ja lidlejä, kertoi myyjä eilen illalla.",
    []
);
forms!(
    finnish_plural_span_covers_the_word,
    "Hintoja verrattiin eilen Prismoissakin, kertoi tutkija.",
    [("Prismoissakin", "Q12047031", Form::Inflected)]
);
names!(
    finnish_sony_genitive_is_read,
    "Sonyn uusi kamera myi hyvin, kertoi yhtiön edustaja tiistaina.",
    [("Sonyn", "Sony")]
);
names!(
    finnish_sonya_is_a_name_not_sony,
    "Haastattelimme eilen Sonya Smithiä, joka kertoi asiasta lisää.",
    []
);
names!(
    finnish_audit_is_blocked_audeja_read,
    with fixed(Language::Finnish),
    "Hän osti kaksi Audia, mutta Audit ovat kalliita ja Audeja myydään vähän.",
    [("Audia", "Audi"), ("Audeja", "Audi")]
);
names!(
    swedish_text_takes_no_finnish_plural,
    "Vi handlade i två Prismoissa och Lidlit förra veckan.",
    []
);

// A name with an English epithet is a person's: "Conan the Barbarian", "Alexander the Great".
names!(
    bokmal_epithet_is_a_person,
    "Filmen «Tesla the Great» ble vist i går, ikke «Amazon Prime».",
    [("Amazon Prime", "Amazon Prime")]
);
names!(
    english_epithet_is_a_person,
    "He watched Nokia the Brave, a film, on his Samsung phone.",
    [("Samsung", "Samsung Electronics")]
);
// A lowercase last word of a name heads a compound of its own: "Suomen pankki-isku" is an
// attack on a bank in Finland, not the Bank of Finland; written as the name, it is one.
names!(
    finnish_lowercase_last_word_heads_its_own_compound,
    "Suomen pankki-iskusta kerrottiin eilen, ja Suomen Pankki-konsernin tulos parani.",
    [("Suomen Pankki-konsernin", "Suomen Pankki")]
);
// Model codes go on a brand's name.
names!(
    bokmal_model_code_is_part_of_the_name,
    "Ved huset står en Volvo XC90 og en Tesla S.",
    [("Volvo XC90", "Volvo Cars"), ("Tesla", "Tesla")]
);
// Product-kind nouns head an appositive compound, with inflections of up to five letters.
names!(
    danish_product_kind_compound,
    "Ejerne af Scania-lastbilerne og Volvo-bilernes førere klager.",
    [
        ("Scania-lastbilerne", "Scania"),
        ("Volvo-bilernes", "Volvo Cars")
    ]
);
// A capital inside a name marks it as a name: Finnish endings join "iTunes" as they join "Nokia".
names!(
    finnish_ending_after_a_name_with_an_inner_capital,
    "Musiikkia ostettiin iTunesista ja Spotifysta koko viime vuoden ajan.",
    [("iTunesista", "iTunes"), ("Spotifysta", "Spotify")]
);
// A brand's model number goes on its name; a year does not.
names!(
    bokmal_model_number_is_part_of_the_name,
    "Han spilte på Xbox 360 hele kvelden, og Xbox 2010 var et godt år.",
    [("Xbox 360", "Xbox"), ("Xbox", "Xbox")]
);
// A quoted title that opens with a brand is a product of the brand: numbers, years and a
// subtitle after a colon belong to it; a quotation of speech does not.
names!(
    bokmal_quoted_title_opening_with_a_brand,
    "Vi testet «Guitar Hero: Metallica», «Tomb Raider 2» og \"Football Manager 2024\" i helgen.",
    [
        ("Guitar Hero: Metallica", "Guitar Hero"),
        ("Tomb Raider 2", "Tomb Raider"),
        ("Football Manager 2024", "Football Manager")
    ]
);
names!(
    swedish_quoted_title_and_quoted_speech,
    "»Tetris 99» är gratis, och ”Tetris är tidlös”, sa hon.",
    [("Tetris 99", "Tetris"), ("Tetris", "Tetris")]
);
// A name's genitive that is a commoner word of the language read is the word at a sentence
// start: Nynorsk "Elles" (otherwise) is not the magazine Elle's; "Norges" stays Norway's.
names!(
    nynorsk_genitive_that_is_a_word,
    "Elles vil eg seie at Elles redaktør og Norges statsminister var samde om det meste.",
    [("Elles", "Elle"), ("Norges", "Norway")]
);
// A name that is also an ordinary word, before a capitalised word no list knows, is a
// person's name ("Ruby Xyzabc"); before a word, a product ("Apple Card").
names!(
    bokmal_word_name_before_an_unknown_surname_is_a_person,
    "På vakt var heldigvis Ruby Talvikkari, en dyktig kirurg.",
    []
);
// A chart heads a Finnish appositive compound of its publisher, model number included.
names!(
    finnish_chart_compound,
    "Kappale nousi Billboard Hot 100 -listalla kärkeen.",
    [("Billboard Hot 100 -listalla", "Billboard")]
);
// A name styled with "!" is written without it: Yahoo.
names!(
    finnish_name_without_its_exclamation_mark,
    "Yahoo ja Kahoot kertoivat tuloksistaan.",
    [("Yahoo", "Yahoo!"), ("Kahoot", "Kahoot")]
);
