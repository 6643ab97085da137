//! Any text, any builder options, the builtin data or a small gazetteer of a user's own:
//! tagging never panics, every mention's spans lie on the text's boundaries and give back the
//! mention's text, and `tag_reader` gives the mentions of `tag` on valid UTF-8 and ends with
//! an error on invalid UTF-8.
//!
//! The first three bytes choose the tagger (options, language, kinds and gazetteer); the rest
//! is the text. Taggers are compiled once per choice and kept (the builtin one in fewer
//! variants, since each holds the whole compiled data).
#![no_main]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use libfuzzer_sys::fuzz_target;
use nordic_ner::{CaseRule, Gazetteer, Kind, Language, Tagger};
use once_cell::sync::Lazy;

/// A user's gazetteer: own kinds, exact-case and ordinary-word aliases, languages, endings
/// switched off per language, an attribute of the user's own and one alias shared by two
/// entities.
const MINE: &str = "@kind\tperson
@kind\tproduct
user:ola\tperson\tOla Nordmann
\tNordmann\tcase=exact
user:volvo\tcompany\tVolvo\tx-sector=cars
\tVolvo:s\tlang=sv\twithout_endings=sv
user:kone\tcompany\tKone
\tKone\tcase=exact\twithout_endings=fi
user:apple\tbrand\tApple
user:fruit\tproduct\tApple
user:norge\tcountry\tNorge\tmatch_name=no
\tNorge\tlang=nb,nn
\tNoreg\tlang=nn
user:nord\tregion\tNord-Norge
user:aa\tproduct\tÅ
user:mark\tproduct\tA\u{301}bc
";

static MINE_GAZETTEER: Lazy<Gazetteer> =
    Lazy::new(|| Gazetteer::from_text("mine.tsv", MINE).expect("the fuzz gazetteer loads"));

static TAGGERS: Lazy<Mutex<HashMap<[u8; 3], Arc<Tagger>>>> = Lazy::new(Default::default);

fn tagger(choice: [u8; 3]) -> Arc<Tagger> {
    let [options, language, kinds] = choice;
    let builtin = kinds & 0x80 == 0;
    // The builtin data in 4 option sets x 3 languages x 2 kind sets; the user's in all.
    let key = if builtin {
        [options & 0x03, language % 3, kinds & 0x01]
    } else {
        [options, language % 9, kinds]
    };
    let mut cache = TAGGERS.lock().unwrap();
    if let Some(t) = cache.get(&key) {
        return Arc::clone(t);
    }
    let [options, language, kinds] = key;
    let bit = |n: u8| options & (1 << n) != 0;
    let language = match language {
        0 => None,
        i => Some(
            [Language::Other]
                .into_iter()
                .chain(Language::KNOWN)
                .nth(usize::from(i - 1))
                .unwrap_or(Language::Other),
        ),
    };
    let mut builder = Tagger::builder()
        .genitives(!bit(0))
        .case_endings(!bit(1))
        .compounds(!bit(2))
        .default_case(if bit(3) { CaseRule::Exact } else { CaseRule::Any })
        .dfa(bit(4))
        .ordinary_words(bit(5))
        .whole_names(bit(6))
        .prefer_home_country(!bit(7))
        .language(language);
    if kinds & 0x01 != 0 {
        builder = builder.kinds([Kind::Country, Kind::Company]);
    }
    if kinds & 0x02 != 0 {
        builder = builder.prefer_countries(["SE", "FI"]);
    }
    let gazetteer = if builtin {
        Gazetteer::builtin()
    } else {
        &MINE_GAZETTEER
    };
    let tagger = Arc::new(builder.build(gazetteer).expect("the taggers build"));
    cache.insert(key, Arc::clone(&tagger));
    tagger
}

fuzz_target!(|data: &[u8]| {
    let Some((choice, data)) = data.split_first_chunk::<3>() else {
        return;
    };
    let tagger = tagger(*choice);
    let streamed: Vec<_> = tagger.tag_reader(data).collect();
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(streamed.last().is_some_and(|r| r.is_err()));
        return;
    };
    let found = tagger.tag(text);
    let streamed: Vec<_> = streamed.into_iter().map(|r| r.unwrap()).collect();
    assert!(streamed == found);
    let lazily: Vec<_> = tagger.mentions(text).collect();
    assert!(lazily == found);
    let chars = text.chars().count();
    let mut last_start = 0;
    for m in found {
        let span = m.span();
        assert!(span.start < span.end && span.end <= text.len());
        assert!(span.start >= last_start, "mentions in text order");
        last_start = span.start;
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.range()], m.text());
        let c = m.char_span();
        assert!(c.start < c.end && c.end <= chars);
        assert!(m.alternatives().iter().all(|a| a.id != *m.id()));
    }
});
