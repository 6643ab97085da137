//! Hostile and careless input, small enough to run quickly: the families of
//! `examples/adversarial.rs` (which measures their speed at 1 to 100 MB) give the mentions a
//! reader expects, with offsets into the original text, and never panic.

use nordic_ner::{Form, Mention};

/// Every mention's span is a char boundary range of `text` whose text is the mention's.
fn check_spans(text: &str, found: &[Mention]) {
    let mut last_end = 0;
    for m in found {
        let span = m.span();
        assert!(span.start >= last_end, "overlap or disorder at {span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.start..span.end], m.text());
        last_end = span.end;
    }
}

fn names(found: &[Mention]) -> Vec<&str> {
    found.iter().map(|m| m.text()).collect()
}

#[test]
fn names_separated_by_spaces_are_each_found_on_a_long_line() {
    // 6,000 country names on one line of 48 kB: no line break, no sentence end.
    let text = "Norge Sverige Danmark ".repeat(2000);
    let found = nordic_ner::tag(&text);
    check_spans(&text, &found);
    assert_eq!(found.len(), 6000);
    assert_eq!(names(&found[..3]), ["Norge", "Sverige", "Danmark"]);
}

#[test]
fn a_company_before_a_country_on_a_long_line_is_its_national_unit() {
    // A line of capitalised names longer than a headline is not read as one: the pair rule
    // still applies ("Telenor Danmark"), at the end of a 40 kB line as at its start.
    let text = "Telenor Danmark ".repeat(2500);
    let found = nordic_ner::tag(&text);
    check_spans(&text, &found);
    assert_eq!(found.len(), 2500);
    assert!(found
        .iter()
        .all(|m| m.text() == "Telenor Danmark" && m.form() == Form::Part));
}

#[test]
fn a_short_title_case_line_is_a_headline() {
    // In a headline every long word is capitalised, so "Hotel Norway" says nothing about a
    // longer name; the same words in a sentence do.
    let headline = "Why Investors Love Hotel Norway Now\n";
    assert_eq!(names(&nordic_ner::tag(headline)), ["Norway"]);
    let sentence = "We stayed at the Hotel Norway in the old town.";
    assert!(nordic_ner::tag(sentence).is_empty());
}

#[test]
fn names_separated_by_line_breaks_hyphens_or_nothing() {
    let text = "Norge\nSverige\nDanmark\n".repeat(1000);
    let found = nordic_ner::tag(&text);
    check_spans(&text, &found);
    assert_eq!(found.len(), 3000);
    // "Norge-Sverige-Danmark" is a chain of names; each is a mention.
    let text = "Norge-Sverige-Danmark ".repeat(1000);
    let found = nordic_ner::tag(&text);
    check_spans(&text, &found);
    assert_eq!(found.len(), 3000);
    // Joined with nothing between them, no name is a whole word.
    let text = "NorgeSverigeDanmark".repeat(1000);
    assert!(nordic_ner::tag(&text).is_empty());
}

#[test]
fn long_runs_of_one_character_give_nothing() {
    for unit in [
        "a",
        "a\u{308}\u{301}",
        " \t\u{a0}\n",
        "-",
        "'\u{2019}",
        ":",
        "\u{200b}",
    ] {
        let text = unit.repeat(20_000);
        assert!(nordic_ner::tag(&text).is_empty(), "{unit:?}");
    }
}

#[test]
fn names_between_long_runs_are_found() {
    let pad = "-".repeat(10_000);
    let marks = "\u{301}".repeat(10_000);
    let text = format!("{pad} Norge {marks} Sverige {pad}");
    let found = nordic_ner::tag(&text);
    check_spans(&text, &found);
    assert_eq!(names(&found), ["Norge", "Sverige"]);
}

#[test]
fn random_unicode_keeps_offsets_valid() {
    // A fixed xorshift over all scalar values, with spaces and names sprinkled in.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut text = String::new();
    for i in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        if let Some(c) = char::from_u32((state >> 40) as u32 % 0x11_0000) {
            text.push(c);
        }
        if i % 97 == 0 {
            text.push_str(" Norge ");
        }
    }
    let found = nordic_ner::tag(&text);
    check_spans(&text, &found);
    assert!(found.iter().filter(|m| m.text() == "Norge").count() > 100);
}
