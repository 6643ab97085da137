//! Any gazetteer file: loading gives the entities or a typed error, never a panic; what loads
//! compiles into a tagger that tags the file's own text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nordic_ner::{Gazetteer, Tagger};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(gazetteer) = Gazetteer::from_text("fuzz.tsv", text) {
        if let Ok(tagger) = Tagger::new(&gazetteer) {
            let _ = tagger.tag(text);
        }
    }
});
