//! Output formats: displaCy documents and IOB2 tags with the CoNLL writer.

use nordic_ner::output::displacy::{Doc, Ent};
use nordic_ner::output::iob::{
    self, tag_tokens, tag_whitespace, tags, whitespace_tokens, ConllWriter, IobError, LabelMap,
    Tag, Tagged,
};
use nordic_ner::{Kind, Span};
use serde_json::Value;

const TEXT: &str = "«Fjällräven» og H&M åpner i Sør-Afrika og Europa, sier Equinor-sjefen.";

/// The chars `start..end` of `text`.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn displacy_json_has_spacy_shape_and_char_offsets() {
    let doc = Doc::new(TEXT, &nordic_ner::tag(TEXT), &LabelMap::kinds()).with_title("Nyhet «1»");
    let json: Value = serde_json::from_str(&doc.to_json()).expect("valid JSON");
    let object = json.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["ents", "text", "title"]);
    assert_eq!(json["text"], TEXT);
    assert_eq!(json["title"], "Nyhet «1»");
    let ents = json["ents"].as_array().expect("an array");
    let found: Vec<(String, &str)> = ents
        .iter()
        .map(|e| {
            let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["end", "label", "start"]);
            let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            (
                chars(TEXT, start as usize, end as usize),
                e["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Fjällräven".to_string(), "BRAND"),
            ("H&M".to_string(), "COMPANY"),
            ("Sør-Afrika".to_string(), "COUNTRY"),
            ("Europa".to_string(), "REGION"),
            ("Equinor".to_string(), "COMPANY"),
        ]
    );
    // Char offsets, not bytes: "«" and "ä" are two bytes each.
    assert_eq!((doc.ents[0].start, doc.ents[0].end), (1, 11));
}

#[test]
fn displacy_label_maps_and_escaping() {
    let text = "Kina\t\"sa\" \\ nei\u{1}\r\n";
    let doc = Doc::new(text, &nordic_ner::tag(text), &LabelMap::universal_ner());
    assert_eq!(
        doc.ents,
        [Ent {
            start: 0,
            end: 4,
            label: "LOC".into()
        }]
    );
    let json = doc.to_json();
    assert_eq!(
        json,
        r#"{"text":"Kina\t\"sa\" \\ nei\u0001\r\n","ents":[{"start":0,"end":4,"label":"LOC"}],"title":null}"#
    );
    let back: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["text"], text);
    assert_eq!(back["title"], Value::Null);
    let custom = LabelMap::norne().with(Kind::Country, "LAND");
    let doc = Doc::new("Kina", &nordic_ner::tag("Kina"), &custom);
    assert_eq!(doc.ents[0].label, "LAND");
}

#[cfg(feature = "serde")]
#[test]
fn displacy_serde_matches_to_json_and_round_trips() {
    for text in [TEXT, "Kina\t\"sa\" \\ nei\u{1}\u{7f}\u{2028}", ""] {
        let doc = Doc::new(text, &nordic_ner::tag(text), &LabelMap::kinds()).with_title("t\n");
        assert_eq!(serde_json::to_string(&doc).unwrap(), doc.to_json());
        let back: Doc = serde_json::from_str(&doc.to_json()).unwrap();
        assert_eq!(back, doc);
    }
}

fn tags_of(text: &str, labels: &LabelMap) -> Vec<(String, String)> {
    tag_whitespace(text, &nordic_ner::tag(text), labels)
        .iter()
        .map(|t| (t.text.to_string(), t.tag.to_string()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn iob2_over_whitespace_tokens() {
    assert_eq!(
        tags_of(TEXT, &LabelMap::norne()),
        pairs(&[
            ("«Fjällräven»", "B-PROD"),
            ("og", "O"),
            ("H&M", "B-ORG"),
            ("åpner", "O"),
            ("i", "O"),
            ("Sør-Afrika", "B-GPE_LOC"),
            ("og", "O"),
            ("Europa,", "B-GPE_LOC"),
            ("sier", "O"),
            ("Equinor-sjefen.", "B-ORG"),
        ])
    );
    // A mention over two tokens; a token holding two mentions takes the first; a mention
    // sharing a token with an earlier one begins on its next token.
    assert_eq!(
        tags_of(
            "Handel Norge/Sverige og Norge/Rema 1000 i\u{a0}De forente arabiske emirater",
            &LabelMap::universal_ner()
        ),
        pairs(&[
            ("Handel", "O"),
            ("Norge/Sverige", "B-LOC"),
            ("og", "O"),
            ("Norge/Rema", "B-LOC"),
            ("1000", "B-ORG"),
            ("i", "O"),
            ("De", "B-LOC"),
            ("forente", "I-LOC"),
            ("arabiske", "I-LOC"),
            ("emirater", "I-LOC"),
        ])
    );
    // Two mentions in a row, each on its own tokens.
    assert_eq!(
        tags_of("Norge Sverige", &LabelMap::kinds()),
        pairs(&[("Norge", "B-COUNTRY"), ("Sverige", "B-COUNTRY")])
    );
    assert!(tags_of(" \n\t", &LabelMap::kinds()).is_empty());
}

#[test]
fn iob2_over_caller_tokens() {
    let text = "Rema 1000 i Norge.";
    let tokens = [
        Span { start: 0, end: 4 },
        Span { start: 5, end: 9 },
        Span { start: 10, end: 11 },
        Span { start: 12, end: 17 },
        Span { start: 17, end: 18 },
    ];
    let mentions = nordic_ner::tag(text);
    let labels = LabelMap::kinds();
    assert_eq!(
        tags(&tokens, &mentions, &labels),
        [
            Tag::Begin("BRAND".into()),
            Tag::Inside("BRAND".into()),
            Tag::Outside,
            Tag::Begin("COUNTRY".into()),
            Tag::Outside
        ]
    );
    // Mentions in any order give the same tags; empty tokens overlap nothing.
    let reversed: Vec<_> = mentions.iter().rev().cloned().collect();
    assert_eq!(
        tags(&tokens, &reversed, &labels),
        tags(&tokens, &mentions, &labels)
    );
    assert_eq!(
        tags(&[Span { start: 13, end: 13 }], &mentions, &labels),
        [Tag::Outside]
    );
    // A token inside a mention ("em" of "Rema") gets its label.
    assert_eq!(
        tags(&[Span { start: 1, end: 3 }], &mentions, &labels),
        [Tag::Begin("BRAND".into())]
    );

    let tagged = tag_tokens(text, &tokens, &mentions, &labels).unwrap();
    assert_eq!(
        tagged[3],
        Tagged {
            text: "Norge",
            span: tokens[3],
            tag: Tag::Begin("COUNTRY".into())
        }
    );
    let bad = [Span { start: 0, end: 4 }, Span { start: 17, end: 40 }];
    assert!(matches!(
        tag_tokens(text, &bad, &mentions, &labels),
        Err(IobError::BadToken { index: 1, .. })
    ));
    // Not on a char boundary: "ø" is two bytes.
    let split = [Span { start: 1, end: 3 }];
    assert!(matches!(
        tag_tokens("øy", &split, &[], &labels),
        Err(IobError::BadToken { index: 0, .. })
    ));
    assert!(tag_tokens("øy", &[Span { start: 0, end: 1 }], &[], &labels).is_err());
}

#[test]
fn conll_writer_output() {
    let labels = LabelMap::norne();
    let mut out = ConllWriter::new(Vec::new());
    for text in ["Equinor i Norge", "", "Rema 1000 og Europa"] {
        out.write_sentence(&tag_whitespace(text, &nordic_ner::tag(text), &labels))
            .unwrap();
    }
    let written = String::from_utf8(out.finish().unwrap()).unwrap();
    assert_eq!(
        written,
        "Equinor\tB-ORG\ni\tO\nNorge\tB-GPE_LOC\n\n\
         Rema\tB-PROD\n1000\tI-PROD\nog\tO\nEuropa\tB-GPE_LOC\n\n"
    );

    let mut out = ConllWriter::new(Vec::new());
    let text = "a\tb c";
    let token = [Span { start: 0, end: 3 }, Span { start: 4, end: 5 }];
    let tagged = tag_tokens(text, &token, &[], &labels).unwrap();
    let e = out.write_sentence(&tagged).unwrap_err();
    assert!(matches!(&e, IobError::BadTokenText { index: 0, text } if text == "a\tb"));
    assert!(
        out.finish().unwrap().is_empty(),
        "nothing of a bad sentence is written"
    );
}

#[test]
fn whitespace_tokens_are_byte_spans() {
    let text = "  Ærø\u{2003}og\r\nSkagen ";
    let tokens = whitespace_tokens(text);
    let words: Vec<&str> = tokens.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(words, ["Ærø", "og", "Skagen"]);
    assert_eq!(tokens[0], Span { start: 2, end: 7 });
}

#[test]
fn label_maps() {
    for (map, labels) in [
        (LabelMap::kinds(), ["COMPANY", "BRAND", "COUNTRY", "REGION"]),
        (LabelMap::norne(), ["ORG", "PROD", "GPE_LOC", "GPE_LOC"]),
        (LabelMap::universal_ner(), ["ORG", "ORG", "LOC", "LOC"]),
    ] {
        let got: Vec<&str> = Kind::ALL.iter().map(|&k| map.label(k)).collect();
        assert_eq!(got, labels);
    }
    assert_eq!(LabelMap::default(), LabelMap::kinds());
    assert_eq!(iob::Tag::Inside("X".into()).label(), Some("X"));
}

#[test]
fn output_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Doc>();
    check::<LabelMap>();
    check::<Tag>();
    check::<IobError>();
}

#[test]
fn tags_own_their_labels() {
    let text = "Rema 1000 i Sverige";
    let tags = {
        let labels = LabelMap::norne().with(Kind::Brand, "ORG");
        iob::tags(&whitespace_tokens(text), &nordic_ner::tag(text), &labels)
    };
    // The label map is gone; the tags keep their labels.
    let shown: Vec<String> = tags.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["B-ORG", "I-ORG", "O", "B-GPE_LOC"]);
}
