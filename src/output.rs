//! Output formats for mentions: displaCy documents, IOB2 tags and CoNLL columns, HTML.
//!
//! Each format is a function of the text and its mentions, so it works with any tagger
//! configuration and with mentions filtered or merged by the caller.

pub mod displacy;
pub mod html;
pub mod iob;

pub use iob::LabelMap;
