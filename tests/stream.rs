//! `Tagger::tag_reader`: the mentions of a stream read a window at a time equal those of the
//! whole text, with offsets into the whole stream, whatever the reads' sizes.

use std::io::{self, Read};

use nordic_ner::{Mention, Tagger};

/// A reader that hands out at most `step` bytes a read.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn streamed(text: &[u8], step: usize) -> io::Result<Vec<Mention>> {
    Tagger::builtin()
        .tag_reader(Trickle { data: text, step })
        .collect()
}

/// Sentences in several languages with names near every kind of boundary, repeated past a
/// window's end (1.15 MB: windows are 1 MiB and 16 KiB), on lines or on one line.
fn long_text(one_line: bool) -> String {
    let unit = "Equinor og Telenor investerer i Sverige, Danmark og Færøyene.\n\
                Nokian osakkeet nousivat Helsingissä, kertoo Yle.\n\
                «Rock Band 2» kom ut i Norden i fjor; Norges Bank følger med.\n\
                Spotify's revenue grew in the United States and in Europe.\n\
                Ísland og Grænland: Landsbankinn og Íslandsbanki.\n";
    let unit = if one_line {
        unit.replace('\n', " ")
    } else {
        unit.to_string()
    };
    unit.repeat(1_150_000 / unit.len())
}

#[test]
fn equals_tagging_the_whole_text() {
    for one_line in [false, true] {
        let text = long_text(one_line);
        let whole = Tagger::builtin().tag(&text);
        assert!(whole.len() > 40_000);
        let got = streamed(text.as_bytes(), 64 << 10).unwrap();
        assert_eq!(got.len(), whole.len(), "one line: {one_line}");
        assert!(got == whole, "one line: {one_line}");
    }
}

#[test]
fn reads_of_any_size_split_characters_anywhere() {
    // Reads of 1, 3 and 7 bytes split "æ", "ø", "«" and "Í" across reads.
    let text = "Færøyene og Norge «Ísland» ".repeat(2_000);
    let whole = Tagger::builtin().tag(&text);
    for step in [1, 3, 7, 4096] {
        assert_eq!(
            streamed(text.as_bytes(), step).unwrap(),
            whole,
            "step {step}"
        );
    }
}

#[test]
fn offsets_are_into_the_whole_stream() {
    // Past the first window, after two-byte letters and four-byte emoji.
    let text = format!("{}Norge", "å 😀 ".repeat(150_000));
    let got = streamed(text.as_bytes(), 1 << 16).unwrap();
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert_eq!(&text[m.span()], "Norge");
    assert_eq!(m.span().start, 1_200_000);
    assert_eq!(m.char_span().start, 600_000);
    assert_eq!(m.utf16_span().start, 750_000);
}

#[test]
fn invalid_utf8_ends_with_an_error_naming_the_offset() {
    // Past the first window.
    let mut data = "Norge og Sverige. ".repeat(70_000).into_bytes();
    let at = data.len();
    data.extend_from_slice(b"\xff Danmark");
    let results: Vec<io::Result<Mention>> = Tagger::builtin()
        .tag_reader(Trickle {
            data: &data,
            step: 1000,
        })
        .collect();
    let (last, mentions) = results.split_last().unwrap();
    assert_eq!(mentions.len(), 140_000);
    assert!(mentions.iter().all(|m| m.is_ok()));
    let err = last.as_ref().unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    assert!(err.to_string().contains(&format!("byte {at}")), "{err}");
}

#[test]
fn an_incomplete_character_at_the_end_is_an_error() {
    let data = b"Norge \xc3";
    let results: Vec<_> = Tagger::builtin().tag_reader(&data[..]).collect();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].as_ref().unwrap().text(), "Norge");
    assert_eq!(
        results[1].as_ref().unwrap_err().kind(),
        io::ErrorKind::InvalidData
    );
}

#[test]
fn empty_input_gives_nothing() {
    assert_eq!(Tagger::builtin().tag_reader(io::empty()).count(), 0);
}
