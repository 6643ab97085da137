//! displaCy documents: the JSON that spaCy's `displacy.render(doc, style="ent", manual=True)`
//! takes, `{"text": ..., "ents": [{"start", "end", "label"}], "title": ...}`, with char
//! (Unicode scalar) offsets as Python counts them.
//!
//! ```
//! use nordic_ner::output::displacy::Doc;
//! use nordic_ner::output::iob::LabelMap;
//!
//! let text = "Fjällräven åpner i Kina";
//! let doc = Doc::new(text, &nordic_ner::tag(text), &LabelMap::kinds()).with_title("Nyheter");
//! assert_eq!(
//!     doc.to_json(),
//!     r#"{"text":"Fjällräven åpner i Kina","ents":[{"start":0,"end":10,"label":"BRAND"},{"start":19,"end":23,"label":"COUNTRY"}],"title":"Nyheter"}"#
//! );
//! ```
//!
//! In Python: `displacy.render(json.loads(s), style="ent", manual=True)`.

use std::fmt::Write as _;

use super::iob::LabelMap;
use crate::mention::Mention;

/// One entity of a displaCy document: char offsets `start..end` and a label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Ent {
    /// The first char, inclusive.
    pub start: usize,
    /// The last char, exclusive.
    pub end: usize,
    /// The label shown (`COUNTRY`, `ORG`, ...).
    pub label: String,
}

/// A displaCy document for the `ent` style in manual mode.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Doc {
    /// The text.
    pub text: String,
    /// The entities, sorted by start, then end.
    pub ents: Vec<Ent>,
    /// A title displaCy shows above the text (`null` in JSON when there is none).
    pub title: Option<String>,
}

impl Doc {
    /// The document for `text` and its mentions (in any order; they are sorted), each
    /// labelled by `labels` and placed by its char span.
    ///
    /// ```
    /// use nordic_ner::output::{displacy::Doc, iob::LabelMap};
    ///
    /// let text = "Salg i Øst-Europa";
    /// let doc = Doc::new(text, &nordic_ner::tag(text), &LabelMap::universal_ner());
    /// assert_eq!((doc.ents[0].start, doc.ents[0].end, doc.ents[0].label.as_str()), (7, 17, "LOC"));
    /// ```
    #[must_use]
    pub fn new(text: &str, mentions: &[Mention], labels: &LabelMap) -> Doc {
        let mut ents: Vec<Ent> = mentions
            .iter()
            .map(|m| Ent {
                start: m.char_span().start,
                end: m.char_span().end,
                label: labels.label(m.kind()).to_string(),
            })
            .collect();
        ents.sort_by_key(|e| (e.start, e.end));
        Doc {
            text: text.to_string(),
            ents,
            title: None,
        }
    }

    /// The document with a title.
    ///
    /// ```
    /// use nordic_ner::output::displacy::Doc;
    ///
    /// let doc = Doc::default().with_title("Side 1");
    /// assert_eq!(doc.title.as_deref(), Some("Side 1"));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: &str) -> Doc {
        self.title = Some(title.to_string());
        self
    }

    /// The document as compact JSON, without needing the `serde` feature: the same text
    /// `serde_json::to_string` writes (keys `text`, `ents`, `title`; `"`, `\` and control
    /// characters escaped; other characters as they are).
    ///
    /// ```
    /// use nordic_ner::output::displacy::Doc;
    ///
    /// let doc = Doc { text: "«Sitat»\n\"x\"\\".into(), ents: vec![], title: None };
    /// assert_eq!(doc.to_json(), r#"{"text":"«Sitat»\n\"x\"\\","ents":[],"title":null}"#);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 32 * self.ents.len() + 40);
        out.push_str("{\"text\":");
        push_json_string(&mut out, &self.text);
        out.push_str(",\"ents\":[");
        for (i, ent) in self.ents.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "{{\"start\":{},\"end\":{},\"label\":",
                ent.start, ent.end
            );
            push_json_string(&mut out, &ent.label);
            out.push('}');
        }
        out.push_str("],\"title\":");
        match &self.title {
            Some(title) => push_json_string(&mut out, title),
            None => out.push_str("null"),
        }
        out.push('}');
        out
    }
}

/// Appends `s` as a JSON string, escaped as serde_json and Python's `json.dumps(...,
/// ensure_ascii=False)` escape it: `"`, `\`, and control characters below U+0020.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
