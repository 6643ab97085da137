//! Properties of every tagging result, on text made of names, Nordic letters, combining marks,
//! white space and punctuation.

use nordic_ner::{fold, Form, Gazetteer, Mention};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Norge",
    "Norges",
    "Sverige",
    "USA",
    "USA:s",
    "Amazon's",
    "Paris'",
    "Nord-Norge",
    "Sør-Afrika",
    "Alibaba-sjefen",
    "H&M",
    "Rema 1000",
    "Vero",
    "Moda",
    "Fja\u{308}llra\u{308}ven",
    "Komplett",
    "komplett",
    "Norden",
    "Europa",
    "ÅLAND",
    "İ",
    "ẞ",
    "Solå",
    "Kina",
    "Danmark",
    "Island",
    "Stiga",
    "Games",
    "Tele2",
    "7-Eleven",
    "Danish Crown",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(PIECES).prop_map(str::to_string),
        proptest::sample::select(vec![
            " ", "  ", "\n", "\u{a0}", "-", "'", "\u{2019}", ":", ".", ",", "s", "\u{308}",
            "\u{ad}", "/"
        ])
        .prop_map(str::to_string),
        "[a-zæøåäöüéþðA-ZÆØÅ0-9]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Text of whole words built from names, capitalised Nordic words (given names, place names),
/// lowercase words and separators, in NFC.
fn nordic_text_strategy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        proptest::sample::select(PIECES).prop_map(str::to_string),
        proptest::sample::select(vec![
            "Ålesund",
            "Åsa",
            "Björn",
            "Søren",
            "Jørgen",
            "Märta",
            "Ólafur",
            "Þórunn",
            "Tine",
            "Sundtoft",
            "Chad",
            "Smith",
            "ASA",
            "Group",
            "Maps",
            "Google",
            "Telenor",
            "Equinor",
            "Asia",
            "oman",
            "Oman",
            "Miele",
            "Mielessä",
            "Suomen",
            "komissio",
            "Bank",
            "of",
            "Finland",
            "Euroopan",
            "i",
            "og",
            "och",
            "ja",
            "på",
            "är",
            "selskapet",
            "sa",
            "Hämeenlinna",
            "Jyväskylä",
            "Müller",
            "Café",
            "Norwegian",
            "authorities"
        ])
        .prop_map(str::to_string),
        "[a-zæøåäöüéáíóú]{1,8}",
        "[A-ZÆØÅÄÖÉ][a-zæøåäöüéáíóúðþ]{1,8}",
    ];
    let separator = proptest::sample::select(vec![" ", " ", " ", ", ", ". ", "\n", "-", " -"]);
    proptest::collection::vec((word, separator), 0..16).prop_map(|v| {
        v.into_iter()
            .map(|(w, s)| format!("{w}{}", s.replace("\\n", "\n")))
            .collect()
    })
}

/// The canonical decomposition of the precomposed letters the strategies use.
fn nfd(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let (base, mark) = match c {
            'å' => ('a', '\u{30a}'),
            'Å' => ('A', '\u{30a}'),
            'ä' => ('a', '\u{308}'),
            'Ä' => ('A', '\u{308}'),
            'ö' => ('o', '\u{308}'),
            'Ö' => ('O', '\u{308}'),
            'ü' => ('u', '\u{308}'),
            'é' => ('e', '\u{301}'),
            'É' => ('E', '\u{301}'),
            'á' => ('a', '\u{301}'),
            'í' => ('i', '\u{301}'),
            'ó' => ('o', '\u{301}'),
            'Ó' => ('O', '\u{301}'),
            'ú' => ('u', '\u{301}'),
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push(base);
        out.push(mark);
    }
    out
}

/// The folded text of the name part of a mention (without a genitive or case ending).
fn name_part(m: &Mention) -> Vec<String> {
    let folded = fold(m.text());
    match m.form() {
        Form::Genitive => ["s", ":s", "'s", "'"]
            .iter()
            .filter_map(|suffix| folded.strip_suffix(suffix).map(str::to_string))
            .collect(),
        // A Finnish case ending, joined straight or by a colon or apostrophe, or a plural
        // ending on the alias without its last letter ("Prismoissa" of "Prisma").
        Form::Inflected => {
            let alias = fold(m.alias());
            let stem = alias
                .strip_suffix(|c: char| c.is_alphabetic())
                .unwrap_or(&alias);
            let ending = folded
                .strip_prefix(&alias)
                .or_else(|| folded.strip_prefix(stem))
                .unwrap_or_default();
            let ending = ending.trim_start_matches([':', '\'']);
            assert!(
                !ending.is_empty() && ending.chars().all(char::is_alphabetic),
                "{:?} is not {alias:?} with a case ending",
                m.text()
            );
            vec![alias]
        }
        Form::Domain => folded
            .trim_start_matches("www.")
            .rsplit_once('.')
            .map(|(name, _)| name.to_string())
            .into_iter()
            .collect(),
        // The head of a longer name: the words before some space.
        Form::Part => folded
            .match_indices(' ')
            .map(|(i, _)| folded[..i].to_string())
            .collect(),
        _ => vec![folded],
    }
}

fn check(text: &str, mentions: &[Mention]) {
    let gazetteer = Gazetteer::builtin();
    let mut last_end = 0;
    let mut last_char_end = 0;
    for m in mentions {
        let (span, chars) = (m.span(), m.char_span());
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{m:?} out of bounds"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(
            span.start >= last_end,
            "sorted and non-overlapping: {mentions:?}"
        );
        assert!(chars.start >= last_char_end);
        assert_eq!(&text[span.range()], m.text());
        assert_eq!(text[..span.start].chars().count(), chars.start);
        assert_eq!(text[..span.end].chars().count(), chars.end);
        let utf16 = m.utf16_span();
        assert_eq!(text[..span.start].encode_utf16().count(), utf16.start);
        assert_eq!(text[..span.end].encode_utf16().count(), utf16.end);
        let entity = gazetteer.get(m.id().as_str()).expect("a known entity");
        let aliases: Vec<String> = entity.aliases().map(fold).collect();
        assert!(
            name_part(m).iter().any(|n| aliases.contains(n)),
            "{:?} does not fold to an alias of {}: {aliases:?}",
            m.text(),
            m.id()
        );
        last_end = span.end;
        last_char_end = chars.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mentions_are_well_formed(text in text_strategy()) {
        check(&text, &nordic_ner::tag(&text));
    }

    /// A space before or after the text is a word boundary like the text's ends, so it moves
    /// the mentions by its width and changes nothing else.
    #[test]
    fn surrounding_space_changes_nothing(text in text_strategy()) {
        let plain = nordic_ner::tag(&text);
        let padded = nordic_ner::tag(&format!(" {text} "));
        prop_assert_eq!(plain.len(), padded.len());
        for (a, b) in plain.iter().zip(&padded) {
            prop_assert_eq!((a.span().start + 1, a.span().end + 1), (b.span().start, b.span().end));
            prop_assert_eq!((a.id(), a.form(), a.text()), (b.id(), b.form(), b.text()));
        }
    }

    /// NFC and NFD text give the same mentions: every rule sees letters and their marks alike.
    #[test]
    fn nfc_and_nfd_alike(text in nordic_text_strategy()) {
        let composed = nordic_ner::tag(&text);
        let decomposed = nordic_ner::tag(&nfd(&text));
        let key = |m: &Mention| (m.id().clone(), m.form(), m.language(), fold(m.text()));
        prop_assert_eq!(
            composed.iter().map(key).collect::<Vec<_>>(),
            decomposed.iter().map(key).collect::<Vec<_>>(),
            "{:?}", text
        );
    }

    /// Text typeset with other spaces (no-break, thin, figure, ideographic: the spaces NFKC
    /// turns into U+0020, letters unchanged) gives the mentions of the same text with spaces.
    #[test]
    fn nfkc_spaces_alike(
        text in nordic_text_strategy(),
        space in proptest::sample::select(vec![
            '\u{a0}', '\u{2002}', '\u{2007}', '\u{2009}', '\u{200a}', '\u{202f}', '\u{205f}', '\u{3000}',
        ]),
    ) {
        let plain = nordic_ner::tag(&text);
        let typeset = nordic_ner::tag(&text.replace(' ', &space.to_string()));
        let key = |m: &Mention| (m.id().clone(), m.form(), m.language(), fold(m.text()));
        prop_assert_eq!(
            plain.iter().map(key).collect::<Vec<_>>(),
            typeset.iter().map(key).collect::<Vec<_>>(),
            "{:?} with {:?}", text, space
        );
    }

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        check(&text, &nordic_ner::tag(&text));
    }
}
