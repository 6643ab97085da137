//! Python bindings of nordic-ner: the extension module `nordic_ner._nordic_ner`, re-exported by
//! the Python package `nordic_ner` (see `python/nordic_ner/__init__.py` and the stubs `_nordic_ner.pyi` for
//! the documented API).
//!
//! Tagging runs without the GIL (`Python::detach`): texts are copied out of Python first, tagged,
//! and the results turned into Python objects afterwards, so threads (and Spark's `mapInArrow`
//! workers in one process) tag in parallel. A mention is a `dict` with exactly the fields and
//! names of the JSON that `tag_jsonl` writes (`serde_json::to_string(&mention)`).

use std::path::PathBuf;
use std::str::FromStr;

use nordic_ner::{CaseRule, Gazetteer, Kind, Language, Mention, OnDuplicate};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyString, PyTuple};

/// The `tag_jsonl` example itself, so that `tag_jsonl_lines` answers each line byte for byte as
/// the binary does.
#[allow(dead_code)]
#[path = "../../examples/tag_jsonl.rs"]
mod tag_jsonl;

create_exception!(
    nordic_ner,
    GazetteerError,
    PyValueError,
    "A gazetteer file is invalid or cannot be read. The message is the Rust crate's \
     (file, line, column, problem); the attributes `file`, `line` and `column` hold the place \
     where known (else None)."
);
create_exception!(
    nordic_ner,
    BuildError,
    PyRuntimeError,
    "The tagger could not be compiled (the automaton exceeded its limits)."
);

/// A Rust gazetteer error as a Python `GazetteerError` with `file`, `line` and `column`.
fn gazetteer_error(py: Python<'_>, e: &nordic_ner::GazetteerError) -> PyErr {
    let err = GazetteerError::new_err(e.to_string());
    let (file, line, column) = match e {
        nordic_ner::GazetteerError::Invalid { location, .. } => (
            Some(location.source.clone()),
            location.line,
            location.column,
        ),
        nordic_ner::GazetteerError::Io { path, .. } => {
            (Some(path.display().to_string()), None, None)
        }
        _ => (None, None, None),
    };
    let value = err.value(py);
    // Setting attributes on a fresh exception object does not fail; if it did, the message
    // still says it all.
    let _ = value.setattr("file", file);
    let _ = value.setattr("line", line);
    let _ = value.setattr("column", column);
    err
}

/// A mention as a dict with the JSON output's fields, in its order.
fn mention_dict<'py>(py: Python<'py>, m: &Mention) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let (span, chars, utf16) = (m.span(), m.char_span(), m.utf16_span());
    d.set_item(intern!(py, "start"), span.start)?;
    d.set_item(intern!(py, "end"), span.end)?;
    d.set_item(intern!(py, "char_start"), chars.start)?;
    d.set_item(intern!(py, "char_end"), chars.end)?;
    d.set_item(intern!(py, "utf16_start"), utf16.start)?;
    d.set_item(intern!(py, "utf16_end"), utf16.end)?;
    d.set_item(intern!(py, "text"), m.text())?;
    d.set_item(intern!(py, "kind"), m.kind().as_str())?;
    d.set_item(intern!(py, "entity"), m.id().as_str())?;
    d.set_item(intern!(py, "name"), m.name())?;
    d.set_item(intern!(py, "alias"), m.alias())?;
    d.set_item(intern!(py, "form"), m.form().as_str())?;
    d.set_item(intern!(py, "case"), m.case().as_str())?;
    d.set_item(intern!(py, "language"), m.language().code())?;
    if !m.alternatives().is_empty() {
        let alternatives = PyList::empty(py);
        for a in m.alternatives() {
            let alt = PyDict::new(py);
            alt.set_item(intern!(py, "entity"), a.id.as_str())?;
            alt.set_item(intern!(py, "kind"), a.kind.as_str())?;
            alt.set_item(intern!(py, "name"), &*a.name)?;
            alternatives.append(alt)?;
        }
        d.set_item(intern!(py, "alternatives"), alternatives)?;
    }
    let mut attributes = m.attributes().peekable();
    if attributes.peek().is_some() {
        let attrs = PyDict::new(py);
        for (k, v) in attributes {
            attrs.set_item(k, v)?;
        }
        d.set_item(intern!(py, "attributes"), attrs)?;
    }
    Ok(d)
}

fn mention_list<'py>(py: Python<'py>, mentions: &[Mention]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for m in mentions {
        list.append(mention_dict(py, m)?)?;
    }
    Ok(list)
}

/// A mention as the compact tuple `(char_start, char_end, kind, entity)`.
fn span_tuple<'py>(py: Python<'py>, s: &Span) -> PyResult<Bound<'py, PyTuple>> {
    (s.0, s.1, s.2, s.3.as_str()).into_pyobject(py)
}

fn span_list<'py>(py: Python<'py>, spans: &[Span]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for s in spans {
        list.append(span_tuple(py, s)?)?;
    }
    Ok(list)
}

/// A batch's results as a list: each text's as `each` makes it, None for a missing text.
fn batch_list<'py, T>(
    py: Python<'py>,
    results: &[Option<T>],
    each: impl Fn(Python<'py>, &T) -> PyResult<Bound<'py, PyList>>,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for r in results {
        match r {
            Some(r) => out.append(each(py, r)?)?,
            None => out.append(py.None())?,
        }
    }
    Ok(out)
}

/// What `spans` keeps of a mention: char offsets, kind, entity id.
type Span = (usize, usize, &'static str, String);

fn spans_of(tagger: &nordic_ner::Tagger, text: &str) -> Vec<Span> {
    tagger
        .mentions(text)
        .map(|m| {
            let chars = m.char_span();
            (
                chars.start,
                chars.end,
                m.kind().as_str(),
                m.id().as_str().to_string(),
            )
        })
        .collect()
}

/// The mentions of `text` as the JSON array `tag_jsonl` writes after `"mentions":`.
fn json_of(tagger: &nordic_ner::Tagger, text: &str) -> String {
    let mut out = Vec::with_capacity(64);
    // Writing to a Vec cannot fail, a mention always serialises, and there is no limit.
    tag_jsonl::write_mentions(tagger, text, &mut out, 0, 0).expect("a mention serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Whether a Python value stands for a missing text: None, a float NaN (pandas), `pandas.NA`.
fn is_missing(item: &Bound<'_, PyAny>) -> bool {
    if item.is_none() {
        return true;
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    item.get_type()
        .name()
        .is_ok_and(|n| n.to_cow().is_ok_and(|n| n == "NAType"))
}

/// The texts of a list, tuple or other iterable of `str` (None, NaN and `pandas.NA` are missing
/// texts), of a pyarrow `Array` or `ChunkedArray` (through `to_pylist()`) or of a pandas
/// `Series`.
fn texts_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Option<String>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected a list (or other iterable, Arrow or pandas column) of texts, got one str: \
             use tag() for one text",
        ));
    }
    let owned;
    let obj = if obj.hasattr(intern!(obj.py(), "to_pylist"))? {
        owned = obj.call_method0(intern!(obj.py(), "to_pylist"))?;
        &owned
    } else {
        obj
    };
    let mut texts = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in obj.try_iter()?.enumerate() {
        let item = item?;
        if is_missing(&item) {
            texts.push(None);
            continue;
        }
        match item.extract::<String>() {
            Ok(text) => texts.push(Some(text)),
            Err(_) => {
                let type_name = item
                    .get_type()
                    .name()
                    .map_or_else(|_| "?".to_string(), |n| n.to_string());
                return Err(PyTypeError::new_err(format!(
                    "text {i} is a {type_name}, not a str (or None)"
                )));
            }
        }
    }
    Ok(texts)
}

/// The most threads a batch call starts, whatever it is asked for.
const MAX_THREADS: usize = 256;

/// Maps `f` over the texts on `threads` threads (0: every core; at most [`MAX_THREADS`] and
/// one a text), in order. A thread the system cannot start leaves its share to this one.
fn par_map<T: Send>(
    texts: &[Option<String>],
    threads: usize,
    f: impl Fn(&str) -> T + Sync,
) -> Vec<Option<T>> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(MAX_THREADS)
    .min(texts.len().max(1));
    let one = |chunk: &[Option<String>]| -> Vec<Option<T>> {
        chunk.iter().map(|t| t.as_deref().map(&f)).collect()
    };
    if threads <= 1 {
        return one(texts);
    }
    let chunk = texts.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let one = &one;
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| {
                let spawned = std::thread::Builder::new().spawn_scoped(scope, move || one(part));
                (part, spawned.ok())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, handle)| match handle {
                Some(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                None => one(part),
            })
            .collect()
    })
}

/// Tagger(*, kinds=None, genitives=True, case_endings=True, compounds=True, default_case="any",
/// dfa=False, language=None, ordinary_words=True, whole_names=True, prefer_countries=None,
/// prefer_home_country=True, gazetteer_files=None, builtin=True, on_duplicate="error")
///
/// A compiled tagger: the Rust `TaggerBuilder`'s options over the builtin gazetteers and/or
/// gazetteer files of your own (format: `data/FORMAT.md`). `Tagger()` with every default shares
/// the builtin tagger; otherwise compiling takes tens of milliseconds for the builtin data, so
/// build one and reuse it. Immutable and safe to share between threads.
///
/// kinds: the kinds to find (company, brand, country, region or a user's kind); None: every kind.
/// language: nb, nn, da, sv, fi, is, en (no reads as nb; und: any other) instead of detecting it.
/// default_case: "any" or "exact". prefer_countries: ISO 3166-1 alpha-2 codes. on_duplicate:
/// "error" or "replace". The other options are the builder's switches of the same names.
///
/// Raises GazetteerError (a ValueError, with file, line and column) for a gazetteer file that
/// is wrong or unreadable, ValueError for a bad option value.
#[pyclass(frozen, module = "nordic_ner", name = "Tagger")]
struct PyTagger {
    /// `None`: the shared builtin tagger (`nordic_ner.Tagger()` with every default).
    own: Option<nordic_ner::Tagger>,
    repr: String,
}

impl PyTagger {
    fn tagger(&self) -> &nordic_ner::Tagger {
        self.own
            .as_ref()
            .unwrap_or_else(|| nordic_ner::Tagger::builtin())
    }

    /// `f` of each text of a batch (see `tag_batch`), on `threads` threads without the GIL.
    fn batch<T: Send>(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: usize,
        f: impl Fn(&nordic_ner::Tagger, &str) -> T + Sync,
    ) -> PyResult<Vec<Option<T>>> {
        let texts = texts_of(texts)?;
        let tagger = self.tagger();
        Ok(py.detach(|| par_map(&texts, threads, |t| f(tagger, t))))
    }
}

#[pymethods]
impl PyTagger {
    #[new]
    #[pyo3(signature = (
        *,
        kinds = None,
        genitives = true,
        case_endings = true,
        compounds = true,
        default_case = "any",
        dfa = false,
        language = None,
        ordinary_words = true,
        whole_names = true,
        prefer_countries = None,
        prefer_home_country = true,
        gazetteer_files = None,
        builtin = true,
        on_duplicate = "error",
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        kinds: Option<Vec<String>>,
        genitives: bool,
        case_endings: bool,
        compounds: bool,
        default_case: &str,
        dfa: bool,
        language: Option<&str>,
        ordinary_words: bool,
        whole_names: bool,
        prefer_countries: Option<Vec<String>>,
        prefer_home_country: bool,
        gazetteer_files: Option<Vec<PathBuf>>,
        builtin: bool,
        on_duplicate: &str,
    ) -> PyResult<PyTagger> {
        let mut builder = nordic_ner::Tagger::builder()
            .genitives(genitives)
            .case_endings(case_endings)
            .compounds(compounds)
            .dfa(dfa)
            .ordinary_words(ordinary_words)
            .whole_names(whole_names)
            .prefer_home_country(prefer_home_country);
        let mut is_default = genitives
            && case_endings
            && compounds
            && !dfa
            && ordinary_words
            && whole_names
            && prefer_home_country;
        let mut repr = Vec::new();
        if let Some(kinds) = &kinds {
            let kinds = kinds
                .iter()
                .map(|k| Kind::from_str(k))
                .collect::<Result<Vec<Kind>, _>>()
                .map_err(|e| PyValueError::new_err(format!("kinds: {e}")))?;
            builder = builder.kinds(&kinds);
            is_default = false;
            repr.push(format!("kinds={kinds:?}", kinds = kinds_names(&kinds)));
        }
        let case = CaseRule::from_str(default_case)
            .map_err(|e| PyValueError::new_err(format!("default_case: {e}")))?;
        if case != CaseRule::default() {
            is_default = false;
            repr.push(format!("default_case={:?}", case.as_str()));
        }
        builder = builder.default_case(case);
        if let Some(code) = language {
            let language = Language::from_code(code).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "language: {code:?} is not one the tagger reads (nb, nn, da, sv, fi, is, en, \
                     no for nb, or und for any other)"
                ))
            })?;
            builder = builder.language(language);
            is_default = false;
            repr.push(format!("language={:?}", language.code()));
        }
        if let Some(countries) = &prefer_countries {
            if let Some(bad) = countries
                .iter()
                .find(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()))
            {
                return Err(PyValueError::new_err(format!(
                    "prefer_countries: {bad:?} is not an ISO 3166-1 alpha-2 code such as \"NO\""
                )));
            }
            builder = builder.prefer_countries(countries);
            is_default &= countries.is_empty();
            repr.push(format!("prefer_countries={countries:?}"));
        }
        for (name, on, default) in [
            ("genitives", genitives, true),
            ("case_endings", case_endings, true),
            ("compounds", compounds, true),
            ("dfa", dfa, false),
            ("ordinary_words", ordinary_words, true),
            ("whole_names", whole_names, true),
            ("prefer_home_country", prefer_home_country, true),
        ] {
            if on != default {
                repr.push(format!("{name}={}", if on { "True" } else { "False" }));
            }
        }
        let policy = match on_duplicate {
            "error" => OnDuplicate::Error,
            "replace" => OnDuplicate::Replace,
            other => {
                return Err(PyValueError::new_err(format!(
                    "on_duplicate: {other:?} is not \"error\" or \"replace\""
                )))
            }
        };
        let files = gazetteer_files.unwrap_or_default();
        if !builtin || !files.is_empty() {
            is_default = false;
        }
        if !builtin {
            repr.push("builtin=False".into());
        }
        if !files.is_empty() {
            repr.push(format!(
                "gazetteer_files={:?}",
                files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
            ));
        }
        if policy != OnDuplicate::Error {
            repr.push(format!("on_duplicate={on_duplicate:?}"));
        }
        let repr = format!("Tagger({})", repr.join(", "));
        if is_default {
            return Ok(PyTagger { own: None, repr });
        }
        enum Failure {
            Gazetteer(Box<nordic_ner::GazetteerError>),
            Build(nordic_ner::BuildError),
        }
        let built = py.detach(|| -> Result<nordic_ner::Tagger, Failure> {
            let mut gazetteer = Gazetteer::builder().on_duplicate(policy);
            if builtin {
                gazetteer = gazetteer
                    .add_builtin()
                    .map_err(|e| Failure::Gazetteer(Box::new(e)))?;
            }
            for file in &files {
                gazetteer = gazetteer
                    .add_path(file)
                    .map_err(|e| Failure::Gazetteer(Box::new(e)))?;
            }
            builder.build(&gazetteer.build()).map_err(Failure::Build)
        });
        match built {
            Ok(tagger) => Ok(PyTagger {
                own: Some(tagger),
                repr,
            }),
            Err(Failure::Gazetteer(e)) => Err(gazetteer_error(py, &e)),
            Err(Failure::Build(e)) => Err(BuildError::new_err(e.to_string())),
        }
    }

    /// The mentions of `text`, in order, as dicts with exactly the fields of tag_jsonl's JSON.
    /// The GIL is released while tagging.
    fn tag<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
        let tagger = self.tagger();
        let mentions = py.detach(|| tagger.tag(text));
        mention_list(py, &mentions)
    }

    /// The mentions of `text` as (char_start, char_end, kind, entity) tuples; char offsets
    /// index the Python str.
    fn spans<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
        let tagger = self.tagger();
        let spans = py.detach(|| spans_of(tagger, text));
        span_list(py, &spans)
    }

    /// The mentions of each text: a list of dicts a text, None for a missing text (None, NaN,
    /// pandas.NA). `texts`: a list or other iterable of str, a pyarrow Array/ChunkedArray
    /// (read through to_pylist()) or a pandas Series. The texts are copied out of Python and
    /// tagged with the GIL released, on `threads` threads (0: every core).
    ///
    /// Raises TypeError for an item that is neither a str nor missing, or for one str.
    #[pyo3(signature = (texts, threads = 1))]
    fn tag_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let results = self.batch(py, texts, threads, |tagger, t| tagger.tag(t))?;
        batch_list(py, &results, |py, mentions| mention_list(py, mentions))
    }

    /// The mentions of each text as the JSON array tag_jsonl writes after "mentions": (the same
    /// bytes); None for a missing text. Built without the GIL: the cheapest form to store or
    /// send on. Takes the same texts as tag_batch.
    #[pyo3(signature = (texts, threads = 1))]
    fn tag_batch_json<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let results = self.batch(py, texts, threads, json_of)?;
        PyList::new(py, results)
    }

    /// The mentions of each text as (char_start, char_end, kind, entity) tuples; None for a
    /// missing text. Takes the same texts as tag_batch.
    #[pyo3(signature = (texts, threads = 1))]
    fn spans_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let results = self.batch(py, texts, threads, spans_of)?;
        batch_list(py, &results, |py, spans| span_list(py, spans))
    }

    /// The number of patterns (aliases and plural stems) in the automaton.
    #[getter]
    fn pattern_count(&self) -> usize {
        self.tagger().pattern_count()
    }

    fn __repr__(&self) -> String {
        self.repr.clone()
    }
}

fn kinds_names(kinds: &[Kind]) -> Vec<&'static str> {
    kinds.iter().map(|k| k.as_str()).collect()
}

/// The mentions of `text` with the builtin tagger (compiled on first use), as dicts with
/// exactly the fields of tag_jsonl's JSON output.
#[pyfunction]
fn tag<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyList>> {
    let mentions = py.detach(|| nordic_ner::tag(text));
    mention_list(py, &mentions)
}

/// The tag_jsonl command in process, with the builtin tagger: each line {"id", "text"} (str or
/// bytes) gives one output line, without its line ending, byte for byte what the command
/// writes: {"id", "mentions"}, or {"id", "error"} for a line that is not JSON, not UTF-8 or has
/// no string "text". Blank lines give none, as in the command; a line break inside an item
/// splits it. `args`: the command's options (["--max-line-bytes", "1000000"]).
///
/// Raises ValueError for an unknown option, TypeError for an item that is not str or bytes.
#[pyfunction]
#[pyo3(signature = (lines, args = None))]
fn tag_jsonl_lines<'py>(
    py: Python<'py>,
    lines: &Bound<'py, PyAny>,
    args: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyList>> {
    if lines.is_instance_of::<PyString>() || lines.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "expected an iterable of lines (str or bytes), got one str or bytes",
        ));
    }
    let args = std::iter::once("--quiet".to_string()).chain(args.unwrap_or_default());
    let options = match tag_jsonl::parse_args(args) {
        Ok(tag_jsonl::Command::Run(options)) => options,
        Ok(tag_jsonl::Command::Help) => {
            return Err(PyValueError::new_err(
                "--help is for the command line; see help(nordic_ner.tag_jsonl_lines)",
            ))
        }
        Err(message) => return Err(PyValueError::new_err(message)),
    };
    let mut input = Vec::new();
    for (i, line) in lines.try_iter()?.enumerate() {
        let line = line?;
        if let Ok(s) = line.cast::<PyString>() {
            input.extend_from_slice(s.to_cow()?.as_bytes());
        } else if let Ok(b) = line.cast::<PyBytes>() {
            input.extend_from_slice(b.as_bytes());
        } else {
            return Err(PyTypeError::new_err(format!(
                "line {i} is not a str or bytes"
            )));
        }
        input.push(b'\n');
    }
    let output = py
        .detach(|| {
            let mut out = Vec::with_capacity(input.len() / 2);
            tag_jsonl::run(&input[..], &mut out, &options).map(|()| out)
        })
        .map_err(|e| PyRuntimeError::new_err(format!("tag_jsonl: {e}")))?;
    let out = PyList::empty(py);
    for line in output.split(|&b| b == b'\n') {
        if line.is_empty() {
            continue; // after the last line ending
        }
        let line = std::str::from_utf8(line)
            .map_err(|e| PyRuntimeError::new_err(format!("tag_jsonl wrote bad UTF-8: {e}")))?;
        out.append(line)?;
    }
    Ok(out)
}

/// The form in which the tagger compares text with aliases (`nordic_ner::fold`).
#[pyfunction]
fn fold(text: &str) -> String {
    nordic_ner::fold(text)
}

/// The language of `text` by the builtin model: nb, nn, da, sv, fi, is, en, or und.
#[pyfunction]
fn detect_language(text: &str) -> &'static str {
    Language::detect(text).code()
}

/// The extension module.
#[pymodule]
fn _nordic_ner(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<PyTagger>()?;
    m.add_function(wrap_pyfunction!(tag, m)?)?;
    m.add_function(wrap_pyfunction!(tag_jsonl_lines, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(detect_language, m)?)?;
    m.add("GazetteerError", py.get_type::<GazetteerError>())?;
    m.add("BuildError", py.get_type::<BuildError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
