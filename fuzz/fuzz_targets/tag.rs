//! Any text: tagging never panics, and every mention's spans lie on the text's boundaries and
//! give back the mention's text. Any bytes: `tag_reader` never panics, gives the mentions of
//! `tag` on valid UTF-8 and ends with an error on invalid UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let tagger = nordic_ner::Tagger::builtin();
    let streamed: Vec<_> = tagger.tag_reader(data).collect();
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(streamed.last().is_some_and(|r| r.is_err()));
        return;
    };
    let found = nordic_ner::tag(text);
    let streamed: Vec<_> = streamed.into_iter().map(|r| r.unwrap()).collect();
    assert!(streamed == found);
    let chars = text.chars().count();
    for m in found {
        let span = m.span();
        assert!(span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.range()], m.text());
        let c = m.char_span();
        assert!(c.start < c.end && c.end <= chars);
    }
});
