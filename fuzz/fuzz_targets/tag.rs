//! Any text: tagging never panics, and every mention's spans lie on the text's boundaries and
//! give back the mention's text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars = text.chars().count();
    for m in nordic_ner::tag(text) {
        let span = m.span();
        assert!(span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.range()], m.text());
        let c = m.char_span();
        assert!(c.start < c.end && c.end <= chars);
    }
});
