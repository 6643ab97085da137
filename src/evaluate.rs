//! Scores a tagger against a gold NER corpus, exactly as the project's evaluation script
//! `score.py` does: the same sentences and ids, the same token alignment and gold spans, the
//! same matching of kinds to gold types and the same figures, so the two can be compared
//! number for number.
//!
//! Corpora come in two formats, told apart by the file name as `score.py` tells them:
//!
//! - **CoNLL-U** (`.conllu`, NorNE): `# sent_id = ...` and `# text = ...` comments, the tag in
//!   the MISC column as `name=B-ORG`. Types `PER ORG GPE_LOC GPE_ORG LOC PROD EVT DRV MISC`.
//! - **IOB2** (anything else, Universal NER): `id<TAB>form<TAB>tag...` lines, types
//!   `PER ORG LOC`. A country acting as an organisation is `ORG` there, so `ORG` also counts as
//!   a right type for countries and regions, and a gold `ORG` span whose text is a country
//!   name counts as a place.
//!
//! Within a file, a token line with 10 or more columns takes its tag from column 10's
//! `name=...` (`O` without one), a shorter line from column 3.
//!
//! ```
//! use nordic_ner::evaluate::{evaluate, Corpus, Format};
//! use nordic_ner::Tagger;
//!
//! let gold = "# sent_id = a\n# text = Norge og Equinor\n\
//!             1\tNorge\tB-LOC\n2\tog\tO\n3\tEquinor\tB-ORG\n";
//! let corpus = Corpus::parse("mini.iob2", gold, Format::Iob2)?;
//! let report = evaluate(&corpus, Tagger::builtin(), None);
//! assert_eq!((report.predicted, report.correct), (2, 2));
//! assert_eq!(report.precision(), Some(1.0));
//! assert!(report.country.is_none()); // no oracle list given
//! # Ok::<(), nordic_ner::evaluate::EvalError>(())
//! ```
//!
//! # Figures
//!
//! - **precision**: predicted mentions whose char span is exactly a gold span of a compatible
//!   type (country and region: `GPE_LOC GPE_ORG GPE LOC`, plus `ORG` in IOB2; company and
//!   brand: `ORG PROD`), over all predicted mentions; `precision_span_any_type` counts a
//!   right span of any type. A mention lying inside a gold `DRV` span ("Kasakhstan-rundtur")
//!   and not equal to it counts neither way.
//! - per kind: predicted, correct, span right but type wrong, wrong span.
//! - **country recall**: gold place spans whose text is a country name of the [`Oracle`]
//!   list found exactly; **place recall**: all gold place spans (`GPE_LOC GPE_ORG GPE LOC`,
//!   and in IOB2 `ORG` spans that are country names); **org recall**: gold `ORG` and `PROD`
//!   spans that are not places.
//!
//! Ratios are rounded to 4 decimals in [`Report::to_json`] and the `Display` output, as
//! `score.py` rounds them.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::entity::Kind;
use crate::mention::{Mention, Span};
use crate::output::displacy::push_json_string;
use crate::tagger::Tagger;

/// Gold types a place (country, region) may have.
const PLACE_TYPES: [&str; 4] = ["GPE_LOC", "GPE_ORG", "GPE", "LOC"];
/// Gold types an organisation (company, brand) may have.
const ORG_TYPES: [&str; 2] = ["ORG", "PROD"];

/// Which corpus format, and so which type rules, apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// NorNE CoNLL-U: types distinguish `GPE_LOC`, `GPE_ORG`, `LOC`, `ORG`, `PROD`.
    Conllu,
    /// Universal NER IOB2: types `PER`, `ORG`, `LOC`; `ORG` is also a place type for countries.
    Iob2,
}

impl Format {
    /// The name: `conllu` or `iob2`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Conllu => "conllu",
            Format::Iob2 => "iob2",
        }
    }

    /// The format `score.py` assumes for a file: CoNLL-U when the name ends in `.conllu`,
    /// IOB2 otherwise.
    ///
    /// ```
    /// use nordic_ner::evaluate::Format;
    /// assert_eq!(Format::from_path("no_bokmaal-ud-dev.conllu"), Format::Conllu);
    /// assert_eq!(Format::from_path("da_ddt-ud-dev.iob2"), Format::Iob2);
    /// ```
    #[must_use]
    pub fn from_path(path: impl AsRef<Path>) -> Format {
        if path.as_ref().to_string_lossy().ends_with(".conllu") {
            Format::Conllu
        } else {
            Format::Iob2
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Conllu => "CoNLL-U, NorNE types",
            Format::Iob2 => "IOB2, Universal NER types",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Reads `conllu` or `iob2`.
///
/// ```
/// use nordic_ner::evaluate::Format;
/// assert_eq!("iob2".parse::<Format>()?, Format::Iob2);
/// assert_eq!(Format::Conllu.to_string(), "conllu");
/// # Ok::<(), nordic_ner::Problem>(())
/// ```
impl std::str::FromStr for Format {
    type Err = crate::Problem;

    fn from_str(s: &str) -> Result<Format, crate::Problem> {
        crate::entity::by_name(
            &[Format::Conllu, Format::Iob2],
            Format::as_str,
            s,
            "format",
            "conllu or iob2",
        )
    }
}

/// What is wrong with a line of a corpus or oracle file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseProblem {
    /// The bytes are not UTF-8.
    #[error("not valid UTF-8")]
    InvalidUtf8,
    /// A `# sent_id` comment has no `=`.
    #[error("`# sent_id` comment without `=`")]
    SentIdWithoutEquals,
    /// A token line of fewer than 10 columns has no third (tag) column.
    #[error("token line has {found} tab-separated column(s); expected id, form and tag")]
    TooFewColumns {
        /// The number of columns found.
        found: usize,
    },
    /// An oracle line has no second (name) column.
    #[error("oracle line has no name column (expected code<TAB>name)")]
    NoNameColumn,
}

/// Why a corpus or oracle list could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{file}:{line}: {problem}")]
    Parse {
        /// The file path or name given.
        file: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        problem: ParseProblem,
    },
}

/// One token of a gold sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word form.
    pub form: String,
    /// The IOB2 tag (`O`, `B-ORG`, `I-GPE_LOC`, ...), as written.
    pub tag: String,
}

/// A gold entity span: char and byte offsets into its sentence's text, and its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    /// Char (Unicode scalar) offsets.
    pub chars: Span,
    /// Byte offsets.
    pub bytes: Span,
    /// The type (`ORG`, `GPE_LOC`, `DRV`, ...).
    pub label: String,
}

/// One gold sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The id: the `# sent_id` value, `s<n>` (n counting sentences from 0) without one, and
    /// `<id>#<k>` for the k-th sentence with an id already seen.
    pub id: String,
    /// The `# text` value, or the forms joined by spaces without one.
    pub text: String,
    /// The tokens.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The byte spans of the tokens in the text, or `None` when the tokens do not follow the
    /// text (each form is looked for after the previous one, with only white space between).
    ///
    /// ```
    /// use nordic_ner::evaluate::{Sentence, Token};
    ///
    /// let tok = |form: &str| Token { form: form.into(), tag: "O".into() };
    /// let s = Sentence { id: "1".into(), text: "Hei, du".into(), tokens: vec![tok("Hei"), tok(","), tok("du")] };
    /// let spans: Vec<_> = s.align().unwrap().iter().map(|sp| (sp.start, sp.end)).collect();
    /// assert_eq!(spans, [(0, 3), (3, 4), (5, 7)]);
    /// ```
    #[must_use]
    pub fn align(&self) -> Option<Vec<Span>> {
        let mut pos = 0;
        let mut out = Vec::with_capacity(self.tokens.len());
        for token in &self.tokens {
            let start = pos + self.text[pos..].find(token.form.as_str())?;
            if !py_strip(&self.text[pos..start]).is_empty() {
                return None;
            }
            pos = start + token.form.len();
            out.push(Span { start, end: pos });
        }
        Some(out)
    }

    /// The gold entity spans built from the tags, or `None` when the tokens do not align.
    ///
    /// `B-X` starts a span, as does `I-X` after `O` or after a span of another type; `I-X`
    /// after `X` extends it; anything else ends it.
    ///
    /// ```
    /// use nordic_ner::evaluate::{Sentence, Token};
    ///
    /// let tok = |form: &str, tag: &str| Token { form: form.into(), tag: tag.into() };
    /// let s = Sentence {
    ///     id: "1".into(),
    ///     text: "Nye Sør-Afrika".into(),
    ///     tokens: vec![tok("Nye", "O"), tok("Sør-Afrika", "I-GPE_LOC")],
    /// };
    /// let gold = s.gold_spans().unwrap();
    /// assert_eq!((gold[0].chars.start, gold[0].chars.end, gold[0].label.as_str()), (4, 14, "GPE_LOC"));
    /// ```
    #[must_use]
    pub fn gold_spans(&self) -> Option<Vec<GoldSpan>> {
        let bytes = self.align()?;
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut byte, mut char) = (0, 0);
        for span in &bytes {
            char += self.text[byte..span.start].chars().count();
            let start = char;
            char += self.text[span.start..span.end].chars().count();
            byte = span.end;
            chars.push(Span { start, end: char });
        }
        let mut spans: Vec<GoldSpan> = Vec::new();
        let mut open = false;
        for ((token, b), c) in self.tokens.iter().zip(&bytes).zip(&chars) {
            let tag = token.tag.as_str();
            let begin = tag.strip_prefix("B-");
            let inside = tag.strip_prefix("I-");
            let continues =
                open && inside.is_some_and(|t| spans.last().is_some_and(|s| s.label == t));
            if let Some(label) = begin.or(inside.filter(|_| !continues)) {
                spans.push(GoldSpan {
                    chars: *c,
                    bytes: *b,
                    label: label.to_string(),
                });
                open = true;
            } else if continues {
                if let Some(last) = spans.last_mut() {
                    last.chars.end = c.end;
                    last.bytes.end = b.end;
                }
            } else {
                open = false;
            }
        }
        Some(spans)
    }
}

/// A gold corpus: its name, format and sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corpus {
    /// The file's name without its folders (as `score.py` reports it).
    pub name: String,
    /// The format, which decides the type rules.
    pub format: Format,
    /// The sentences, in order, unaligned ones included.
    pub sentences: Vec<Sentence>,
}

impl Corpus {
    /// Reads a corpus file, its format told by its name ([`Format::from_path`]).
    ///
    /// # Errors
    /// [`EvalError::Io`] when the file cannot be read; [`EvalError::Parse`] when it is not
    /// UTF-8 or a line is malformed.
    pub fn read(path: impl AsRef<Path>) -> Result<Corpus, EvalError> {
        let path = path.as_ref();
        let text = read_text(path)?;
        let mut corpus =
            Corpus::parse(&path.display().to_string(), &text, Format::from_path(path))?;
        corpus.name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(corpus)
    }

    /// Parses a corpus from text; `name` names it in errors and reports.
    ///
    /// Lines end at `\n`, `\r\n` or `\r`. A blank line (only white space) ends a sentence;
    /// comments other than `# sent_id` and `# text =` are skipped, as are token lines whose id
    /// contains `-` or `.` (multiword tokens, empty nodes).
    ///
    /// # Errors
    /// [`EvalError::Parse`] with the line number when a `# sent_id` comment has no `=` or a
    /// token line has too few columns.
    pub fn parse(name: &str, text: &str, format: Format) -> Result<Corpus, EvalError> {
        let err = |line: usize, problem| EvalError::Parse {
            file: name.to_string(),
            line,
            problem,
        };
        let mut raw: Vec<(Option<String>, Option<String>, Vec<Token>)> = Vec::new();
        let (mut sent_id, mut sent_text, mut tokens) = (None, None, Vec::new());
        for (n, line) in lines(text).enumerate() {
            if line.starts_with("# sent_id") {
                let (_, value) = line
                    .split_once('=')
                    .ok_or_else(|| err(n + 1, ParseProblem::SentIdWithoutEquals))?;
                sent_id = Some(py_strip(value).to_string());
            } else if let Some(rest) = line.strip_prefix("# text =") {
                let mut chars = rest.chars();
                chars.next();
                sent_text = Some(chars.as_str().to_string());
            } else if line.starts_with('#') {
                continue;
            } else if py_strip(line).is_empty() {
                if !tokens.is_empty() {
                    raw.push((
                        sent_id.take(),
                        sent_text.take(),
                        std::mem::take(&mut tokens),
                    ));
                }
                sent_id = None;
                sent_text = None;
            } else {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols[0].contains(['-', '.']) {
                    continue;
                }
                let tag = if cols.len() >= 10 {
                    misc_name(cols[9]).unwrap_or("O")
                } else {
                    *cols.get(2).ok_or_else(|| {
                        err(n + 1, ParseProblem::TooFewColumns { found: cols.len() })
                    })?
                };
                tokens.push(Token {
                    form: cols[1].to_string(),
                    tag: tag.to_string(),
                });
            }
        }
        if !tokens.is_empty() {
            raw.push((sent_id, sent_text, tokens));
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let sentences = raw
            .into_iter()
            .enumerate()
            .map(|(n, (id, text, tokens))| {
                let mut id = id
                    .filter(|id| !id.is_empty())
                    .unwrap_or_else(|| format!("s{n}"));
                let count = seen.entry(id.clone()).or_insert(0);
                *count += 1;
                if *count > 1 {
                    id = format!("{id}#{count}");
                }
                let text = text.unwrap_or_else(|| {
                    tokens
                        .iter()
                        .map(|t| t.form.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                Sentence { id, text, tokens }
            })
            .collect();
        Ok(Corpus {
            name: name.to_string(),
            format,
            sentences,
        })
    }
}

/// The `name=...` value of a CoNLL-U MISC field: the first `name=` followed by a character
/// other than `|`, up to the next `|` (what `re.search(r"name=([^|]+)", misc)` finds).
fn misc_name(misc: &str) -> Option<&str> {
    misc.match_indices("name=").find_map(|(i, _)| {
        let value = &misc[i + 5..];
        let end = value.find('|').unwrap_or(value.len());
        (end > 0).then(|| &value[..end])
    })
}

/// The lines of `text` as Python's universal newlines split them (`\n`, `\r\n`, `\r`).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (line, next) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (&rest[..i], &rest[i + 2..]),
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        rest = next;
        Some(line)
    })
}

/// Python's `str.isspace` for one character.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        EvalError::Parse {
            file: path.display().to_string(),
            line: 1 + good.iter().filter(|&&b| b == b'\n').count(),
            problem: ParseProblem::InvalidUtf8,
        }
    })
}

/// Country names for country recall: each name of an oracle list (`code<TAB>name` lines,
/// as in the evaluation kit's `oracle_countries.tsv`) and its genitive in `-s`.
///
/// ```
/// use nordic_ner::evaluate::Oracle;
///
/// let oracle = Oracle::parse("mini.tsv", "# comment\ncode\tname\nNO\tNorge\nCH\tSveits\n")?;
/// assert!(oracle.contains("Norges") && oracle.contains("Sveits"));
/// assert!(!oracle.contains("Sveitss"));
/// # Ok::<(), nordic_ner::evaluate::EvalError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Oracle {
    names: HashSet<String>,
}

impl Oracle {
    /// Reads an oracle list file.
    ///
    /// # Errors
    /// [`EvalError::Io`] when the file cannot be read; [`EvalError::Parse`] when it is not
    /// UTF-8 or a line has no name column.
    pub fn read(path: impl AsRef<Path>) -> Result<Oracle, EvalError> {
        let path = path.as_ref();
        Oracle::parse(&path.display().to_string(), &read_text(path)?)
    }

    /// Parses an oracle list; `name` names it in errors. Lines starting with `#` or
    /// `code<TAB>` and blank lines are skipped; the name is the second column.
    ///
    /// # Errors
    /// [`EvalError::Parse`] when a line has no second column.
    pub fn parse(name: &str, text: &str) -> Result<Oracle, EvalError> {
        let mut names = HashSet::new();
        for (n, line) in lines(text).enumerate() {
            if line.starts_with('#') || line.starts_with("code\t") || line.is_empty() {
                continue;
            }
            let country = line.split('\t').nth(1).ok_or_else(|| EvalError::Parse {
                file: name.to_string(),
                line: n + 1,
                problem: ParseProblem::NoNameColumn,
            })?;
            names.insert(country.to_string());
            if !country.ends_with('s') {
                names.insert(format!("{country}s"));
            }
        }
        Ok(Oracle { names })
    }

    /// Whether `text` is a country name or its genitive.
    #[must_use]
    pub fn contains(&self, text: &str) -> bool {
        self.names.contains(text)
    }

    /// The number of names, genitives included.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Found over gold: a recall.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recall {
    /// Gold spans predicted exactly with a compatible kind.
    pub found: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Recall {
    /// `found / gold`, or `None` without gold spans.
    #[must_use]
    pub fn value(&self) -> Option<f64> {
        ratio(self.found, self.gold)
    }
}

/// The figures of one kind of prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct KindScore {
    /// The kind.
    pub kind: Kind,
    /// Mentions predicted (outside gold `DRV` spans).
    pub predicted: usize,
    /// Exactly a gold span of a compatible type.
    pub correct: usize,
    /// Exactly a gold span of another type.
    pub span_right_type_wrong: usize,
    /// Not exactly a gold span.
    pub wrong_span: usize,
}

impl KindScore {
    /// `correct / predicted`.
    #[must_use]
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.predicted)
    }
}

/// The figures of a tagger on a corpus, as `score.py` reports them.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Report {
    /// The corpus name.
    pub gold: String,
    /// The corpus format.
    pub format: Format,
    /// Sentences whose tokens align with their text.
    pub sentences_scored: usize,
    /// Sentences skipped because their tokens do not align with their text.
    pub sentences_unaligned: usize,
    /// Scored sentences without predictions (always 0 here: every sentence is tagged; kept
    /// for `score.py`'s report shape).
    pub sentences_without_prediction: usize,
    /// Mentions predicted, those inside gold `DRV` spans excepted.
    pub predicted: usize,
    /// Mentions inside gold `DRV` spans, not counted.
    pub predicted_inside_drv: usize,
    /// Mentions on a gold span of a compatible type.
    pub correct: usize,
    /// Mentions on a gold span of another type.
    pub span_right_type_wrong: usize,
    /// Figures by kind, for the kinds predicted, sorted by kind name.
    pub by_kind: Vec<KindScore>,
    /// Country recall; `None` without an oracle list.
    pub country: Option<Recall>,
    /// Place recall; `None` for IOB2 corpora without an oracle list (which decides whether a
    /// gold `ORG` span is a country).
    pub place: Option<Recall>,
    /// Organisation recall; `None` for IOB2 corpora without an oracle list.
    pub org: Option<Recall>,
}

impl Report {
    /// `correct / predicted`.
    #[must_use]
    pub fn precision(&self) -> Option<f64> {
        ratio(self.correct, self.predicted)
    }

    /// `(correct + span_right_type_wrong) / predicted`.
    #[must_use]
    pub fn precision_span_any_type(&self) -> Option<f64> {
        ratio(self.correct + self.span_right_type_wrong, self.predicted)
    }

    /// The report as one JSON object, with the keys, order and rounding of
    /// `score.py score GOLD PRED --json`. Unavailable recalls are `null`, their gold counts
    /// too.
    ///
    /// ```
    /// use nordic_ner::evaluate::{evaluate, Corpus, Format};
    ///
    /// let corpus = Corpus::parse("x.conllu", "1\tHei\t_\t_\t_\t_\t_\t_\t_\tname=O\n", Format::Conllu)?;
    /// let json = evaluate(&corpus, nordic_ner::Tagger::builtin(), None).to_json();
    /// assert!(json.starts_with(r#"{"gold": "x.conllu", "sentences_scored": 1,"#));
    /// assert!(json.ends_with(r#""place_recall": null, "place_gold": 0, "org_recall": null, "org_gold": 0}"#));
    /// # Ok::<(), nordic_ner::evaluate::EvalError>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"gold\": ");
        push_json_string(&mut out, &self.gold);
        let fields = [
            ("sentences_scored", Some(self.sentences_scored)),
            ("sentences_unaligned", Some(self.sentences_unaligned)),
            (
                "sentences_without_prediction",
                Some(self.sentences_without_prediction),
            ),
            ("predicted", Some(self.predicted)),
            (
                "predicted_inside_DRV_ignored",
                Some(self.predicted_inside_drv),
            ),
        ];
        for (key, value) in fields {
            out.push_str(&format!(", \"{key}\": {}", json_count(value)));
        }
        out.push_str(&format!(
            ", \"precision\": {}, \"precision_span_any_type\": {}, \"by_kind\": {{",
            json_ratio(self.precision()),
            json_ratio(self.precision_span_any_type())
        ));
        for (i, k) in self.by_kind.iter().enumerate() {
            out.push_str(&format!(
                "{}\"{}\": {{\"predicted\": {}, \"correct\": {}, \"span_right_type_wrong\": {}, \
                 \"wrong_span\": {}, \"precision\": {}}}",
                if i > 0 { ", " } else { "" },
                k.kind.as_str(),
                k.predicted,
                k.correct,
                k.span_right_type_wrong,
                k.wrong_span,
                json_ratio(k.precision())
            ));
        }
        out.push('}');
        for (key, recall) in [
            ("country", self.country),
            ("place", self.place),
            ("org", self.org),
        ] {
            out.push_str(&format!(
                ", \"{key}_recall\": {}, \"{key}_gold\": {}",
                json_ratio(recall.and_then(|r| r.value())),
                json_count(recall.map(|r| r.gold))
            ));
        }
        out.push('}');
        out
    }
}

impl fmt::Display for Report {
    /// A human-readable report: sentences, precision overall and by kind, recalls.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |r: Option<f64>| r.map_or_else(|| "-".to_string(), |r| format!("{r:.4}"));
        writeln!(f, "{} ({})", self.gold, self.format.name())?;
        writeln!(
            f,
            "sentences: {} scored, {} unaligned (skipped)",
            self.sentences_scored, self.sentences_unaligned
        )?;
        writeln!(
            f,
            "predicted: {} ({} inside gold DRV spans, ignored)",
            self.predicted, self.predicted_inside_drv
        )?;
        writeln!(
            f,
            "precision: {} (span right, any type: {})",
            show(self.precision()),
            show(self.precision_span_any_type())
        )?;
        writeln!(
            f,
            "  {:<8} {:>9} {:>7} {:>10} {:>10} {:>9}",
            "kind", "predicted", "correct", "type_wrong", "wrong_span", "precision"
        )?;
        for k in &self.by_kind {
            writeln!(
                f,
                "  {:<8} {:>9} {:>7} {:>10} {:>10} {:>9}",
                k.kind.as_str(),
                k.predicted,
                k.correct,
                k.span_right_type_wrong,
                k.wrong_span,
                show(k.precision())
            )?;
        }
        for (what, recall) in [
            ("country", self.country),
            ("place", self.place),
            ("org", self.org),
        ] {
            match recall {
                Some(r) => writeln!(
                    f,
                    "{what} recall: {} ({} of {} gold)",
                    show(r.value()),
                    r.found,
                    r.gold
                )?,
                None => writeln!(f, "{what} recall: unavailable (no oracle list)")?,
            }
        }
        Ok(())
    }
}

/// Scores `tagger` on `corpus`; `oracle` enables country recall (and place and organisation
/// recall in IOB2 corpora).
#[must_use]
pub fn evaluate(corpus: &Corpus, tagger: &Tagger, oracle: Option<&Oracle>) -> Report {
    evaluate_with(corpus, oracle, |text| tagger.tag(text))
}

/// Scores the mentions `predict` finds in each sentence's text (a tagger with a filter, a
/// merge of taggers...) on `corpus`.
///
/// ```
/// use nordic_ner::evaluate::{evaluate_with, Corpus, Format};
/// use nordic_ner::Kind;
///
/// let gold = "1\tEquinor\tB-ORG\n2\ti\tO\n3\tNorge\tB-LOC\n";
/// let corpus = Corpus::parse("mini.iob2", gold, Format::Iob2)?;
/// let countries_only = |text: &str| {
///     let mut found = nordic_ner::tag(text);
///     found.retain(|m| m.kind() == Kind::Country);
///     found
/// };
/// let report = evaluate_with(&corpus, None, countries_only);
/// assert_eq!((report.predicted, report.correct), (1, 1));
/// # Ok::<(), nordic_ner::evaluate::EvalError>(())
/// ```
pub fn evaluate_with<F>(corpus: &Corpus, oracle: Option<&Oracle>, mut predict: F) -> Report
where
    F: FnMut(&str) -> Vec<Mention>,
{
    let universal = corpus.format == Format::Iob2;
    // A user's kind scores against gold of its own label (`person`: `PERSON`), or the label
    // a caller maps it to before comparing.
    let compatible = |kind: Kind, label: &str| match kind {
        Kind::Custom(custom) => label == custom.label(),
        _ if kind.is_place() => PLACE_TYPES.contains(&label) || (universal && label == "ORG"),
        _ => kind.is_trade_name() && ORG_TYPES.contains(&label),
    };
    let is_country = |text: &str| oracle.is_some_and(|o| o.contains(text));
    // score.py keys predictions by sentence id, the last line of an id winning: ids are unique
    // but for a written id that equals a generated `id#k`, where the later sentence's
    // predictions stand for both.
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, s) in corpus.sentences.iter().enumerate() {
        last.insert(&s.id, i);
    }
    let mut by_kind: Vec<KindScore> = Vec::new();
    let mut report = Report {
        gold: corpus.name.clone(),
        format: corpus.format,
        sentences_scored: 0,
        sentences_unaligned: 0,
        sentences_without_prediction: 0,
        predicted: 0,
        predicted_inside_drv: 0,
        correct: 0,
        span_right_type_wrong: 0,
        by_kind: Vec::new(),
        country: None,
        place: None,
        org: None,
    };
    let (mut country, mut place, mut org) =
        (Recall::default(), Recall::default(), Recall::default());
    for sentence in &corpus.sentences {
        let Some(gold) = sentence.gold_spans() else {
            report.sentences_unaligned += 1;
            continue;
        };
        report.sentences_scored += 1;
        let source = last
            .get(sentence.id.as_str())
            .map_or(sentence, |&i| &corpus.sentences[i]);
        let mentions = predict(&source.text);
        let mut by_span: HashMap<(usize, usize), &str> = HashMap::new();
        for g in &gold {
            by_span.insert((g.chars.start, g.chars.end), &g.label);
        }
        let drv: Vec<Span> = gold
            .iter()
            .filter(|g| g.label == "DRV")
            .map(|g| g.chars)
            .collect();
        let mut found: HashSet<(usize, usize)> = HashSet::new();
        for m in &mentions {
            let (s, e) = (m.char_span().start, m.char_span().end);
            if drv
                .iter()
                .any(|d| d.start <= s && e <= d.end && (d.start, d.end) != (s, e))
            {
                report.predicted_inside_drv += 1;
                continue;
            }
            let kind = m.kind();
            let i = match by_kind.iter().position(|k| k.kind == kind) {
                Some(i) => i,
                None => {
                    by_kind.push(KindScore {
                        kind,
                        predicted: 0,
                        correct: 0,
                        span_right_type_wrong: 0,
                        wrong_span: 0,
                    });
                    by_kind.len() - 1
                }
            };
            let row = &mut by_kind[i];
            row.predicted += 1;
            match by_span.get(&(s, e)) {
                Some(label) if compatible(kind, label) => {
                    row.correct += 1;
                    found.insert((s, e));
                }
                Some(_) => row.span_right_type_wrong += 1,
                None => row.wrong_span += 1,
            }
        }
        for g in &gold {
            let text = &sentence.text[g.bytes.range()];
            let hit = usize::from(found.contains(&(g.chars.start, g.chars.end)));
            let label = g.label.as_str();
            if PLACE_TYPES.contains(&label) || (universal && label == "ORG" && is_country(text)) {
                place.gold += 1;
                place.found += hit;
                if is_country(text) {
                    country.gold += 1;
                    country.found += hit;
                }
            } else if ORG_TYPES.contains(&label) {
                org.gold += 1;
                org.found += hit;
            }
        }
    }
    by_kind.sort_by_key(|k| k.kind.as_str());
    report.predicted = by_kind.iter().map(|k| k.predicted).sum();
    report.correct = by_kind.iter().map(|k| k.correct).sum();
    report.span_right_type_wrong = by_kind.iter().map(|k| k.span_right_type_wrong).sum();
    report.by_kind = by_kind;
    let known = oracle.is_some() || !universal;
    report.country = oracle.map(|_| country);
    report.place = known.then_some(place);
    report.org = known.then_some(org);
    report
}

/// `a / b`, or `None` when `b` is 0.
// Counts are far below 2^53, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// A ratio as `score.py` writes it: `round(x, 4)` printed as Python prints a float, or `null`.
fn json_ratio(x: Option<f64>) -> String {
    let Some(x) = x else {
        return "null".to_string();
    };
    // Rust's `{:.4}` rounds the exact binary value half to even, as Python's `round` does;
    // `Display` of the parsed value is the shortest round-trip form, as Python's `repr`.
    let rounded: f64 = format!("{x:.4}").parse().unwrap_or(x);
    let shown = rounded.to_string();
    if shown.contains('.') {
        shown
    } else {
        format!("{shown}.0")
    }
}

fn json_count(n: Option<usize>) -> String {
    n.map_or_else(|| "null".to_string(), |n| n.to_string())
}
