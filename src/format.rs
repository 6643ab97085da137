//! The gazetteer text format (`data/FORMAT.md`, [`crate::gazetteer_format`]): lines in, entities
//! out.
//!
//! This is the only place where data files are read; embedded data and users' files go through
//! the same parser.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::entity::{check, Alias, CaseRule, Entity, EntityId, Kind, Provenance};
use crate::error::{GazetteerError, Problem};
use crate::language::Language;

/// An entity parsed from text, with the line it started on.
pub(crate) struct Parsed {
    pub entity: Entity,
    pub line: usize,
}

/// Up to this many aliases of an entity, or attributes on a line, duplicates are found by a
/// scan; beyond it, by a set (linear time for any line or entity, however long).
const SCAN_LIMIT: usize = 16;

/// Parses a whole gazetteer text. `source` names it in errors.
pub(crate) fn parse(
    source: &str,
    text: &str,
    mut each: impl FnMut(Parsed) -> Result<(), GazetteerError>,
) -> Result<(), GazetteerError> {
    // A byte order mark is not part of the first id.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The entity being read (its aliases follow it), handed on when the next one starts: a
    // file's entities are never all held here besides where they go.
    let mut current: Option<Parsed> = None;
    let mut seen_record = false;
    // The current entity's alias texts, once it has SCAN_LIMIT: duplicate checks in constant
    // time, so that an entity with very many aliases loads in linear time.
    let mut aliases: HashSet<String> = HashSet::new();
    // Users' kinds declared so far (`@kind<TAB>person`): a kind the file uses must be builtin
    // or declared above, so that a typo ("compnay") is an error, not a new kind.
    let mut declared: Vec<Kind> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let line_no = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        // A line with a tab is a record even when its fields are blank (an empty alias).
        let blank = !line.contains('\t') && line.trim().is_empty();
        if blank || line.starts_with('#') {
            continue;
        }
        let at = |(column, problem): (usize, Problem)| {
            GazetteerError::at_column(source, Some(line_no), Some(column), problem)
        };
        // "local:x company Foo", "    Foo": spaces where the format wants TABs.
        if !line.contains('\t') && (line.starts_with(' ') || line.trim().contains(' ')) {
            return Err(at((1, Problem::SpacesForTabs)));
        }
        let fields = line
            .split('\t')
            .enumerate()
            .map(|(i, field)| unescape(field).map_err(|p| (i + 1, p)))
            .collect::<Result<Vec<Cow<str>>, (usize, Problem)>>()
            .map_err(at)?;
        // A trailing TAB leaves an empty field where an attribute would be.
        let first_attribute = if fields[0].is_empty() { 2 } else { 3 };
        if fields.len() > first_attribute && fields.last().is_some_and(|f| f.is_empty()) {
            return Err(at((fields.len(), Problem::TrailingTab)));
        }
        if fields[0].is_empty() {
            let current = current
                .as_mut()
                .ok_or_else(|| at((1, Problem::AliasBeforeEntity)))?;
            let alias = parse_alias(&fields[1..]).map_err(|(i, p)| at((i + 1, p)))?;
            let known = current.entity.alias_records();
            let repeated = if known.len() < SCAN_LIMIT {
                known.iter().any(|a| a.text() == alias.text())
            } else {
                if aliases.is_empty() {
                    aliases.extend(known.iter().map(|a| a.text().to_string()));
                }
                !aliases.insert(alias.text().to_string())
            };
            if repeated {
                return Err(at((2, Problem::DuplicateAlias(alias.text().to_string()))));
            }
            current.entity.push_alias_unchecked(alias);
        } else {
            // "id<TAB>kind<TAB>name" on the first record line: a header row.
            let header = !seen_record
                && fields
                    .get(1)
                    .is_some_and(|k| k.eq_ignore_ascii_case("kind"))
                && fields[0].eq_ignore_ascii_case("id");
            if header {
                return Err(at((1, Problem::HeaderRow)));
            }
            if fields[0] == "@kind" {
                declared.push(parse_kind_declaration(&fields).map_err(at)?);
                continue;
            }
            if fields[0].starts_with('@') {
                return Err(at((1, Problem::UnknownDirective(fields[0].to_string()))));
            }
            let entity = parse_entity(&fields, &declared).map_err(at)?;
            aliases.clear();
            let next = Parsed {
                entity,
                line: line_no,
            };
            if let Some(done) = current.replace(next) {
                each(done)?;
            }
        }
        seen_record = true;
    }
    match current {
        Some(last) => each(last),
        None => Ok(()),
    }
}

/// A problem and the 1-based column (field) of the line it is in.
type AtColumn = (usize, Problem);

/// `@kind<TAB>name`: a user's kind the lines below may use.
fn parse_kind_declaration(fields: &[Cow<str>]) -> Result<Kind, AtColumn> {
    let name = fields.get(1).ok_or((2, Problem::MissingColumn("kind")))?;
    if let Some(extra) = fields.get(2) {
        return Err((3, Problem::NotKeyValue(extra.to_string())));
    }
    Kind::custom(name).map_err(|p| (2, p))
}

/// A kind named in the file: builtin, or declared above.
fn known_kind(name: &str, declared: &[Kind]) -> Result<Kind, Problem> {
    declared
        .iter()
        .copied()
        .chain(Kind::ALL)
        .find(|k| k.as_str() == name)
        .ok_or_else(|| Problem::UnknownKind(name.to_string()))
}

fn parse_entity(fields: &[Cow<str>], declared: &[Kind]) -> Result<Entity, AtColumn> {
    let id = EntityId::new(&fields[0]).map_err(|p| (1, p))?;
    let kind = fields.get(1).ok_or((2, Problem::MissingColumn("kind")))?;
    let kind = known_kind(kind, declared).map_err(|p| (2, p))?;
    let name = fields.get(2).ok_or((3, Problem::MissingColumn("name")))?;
    let mut entity = Entity::new(id, kind, name).map_err(|p| (3, p))?;
    for (i, key, value) in attributes(&fields[3..]).map_err(|(i, p)| (4 + i, p))? {
        entity = entity_attribute(entity, key, value, declared).map_err(|p| (4 + i, p))?;
    }
    Ok(entity)
}

fn entity_attribute(
    mut entity: Entity,
    key: &str,
    value: &str,
    declared: &[Kind],
) -> Result<Entity, Problem> {
    match key {
        "also" => {
            for k in list(value) {
                entity = entity.with_also(known_kind(k, declared)?);
            }
        }
        "iso3" => entity.set_iso3(check::code(key, value, 3)?),
        "nordic" => entity.set_nordic(yes_no(key, value)?),
        "origin" => entity.set_origin(check::code(key, value, 2)?),
        "owner" => entity.set_owner(EntityId::new(value)?),
        "isin" => {
            for isin in list(value) {
                entity.push_isin(check::isin(isin)?);
            }
        }
        "match_name" => entity.set_match_name(yes_no(key, value)?),
        "source" => {
            for s in list(value) {
                entity.push_source(Provenance::parse(s)?);
            }
        }
        "note" => entity.set_note(value.to_string()),
        _ if key.starts_with("x-") => entity = entity.with_attribute(key, value)?,
        _ => return Err(Problem::UnknownAttribute(key.to_string())),
    }
    Ok(entity)
}

/// An alias line's fields after its empty first one; columns counted from the alias (1).
fn parse_alias(fields: &[Cow<str>]) -> Result<Alias, AtColumn> {
    let text = fields.first().ok_or((1, Problem::MissingColumn("alias")))?;
    let mut alias = Alias::new(text).map_err(|p| (1, p))?;
    for (i, key, value) in attributes(&fields[1..]).map_err(|(i, p)| (2 + i, p))? {
        alias = alias_attribute(alias, text, key, value).map_err(|p| (2 + i, p))?;
    }
    Ok(alias)
}

fn alias_attribute(mut alias: Alias, text: &str, key: &str, value: &str) -> Result<Alias, Problem> {
    {
        match key {
            "case" => alias = alias.with_case(value.parse::<CaseRule>()?),
            "match" => {
                if !yes_no(key, value)? {
                    alias = alias.unmatched();
                }
            }
            "lang" => {
                for lang in list(value) {
                    check::lang(lang).map_err(|_| bad(key, value, check::LANG_EXPECTED))?;
                    alias = alias.with_lang(lang);
                }
            }
            "without_endings" => {
                for lang in list(value) {
                    check::lang(lang).map_err(|_| bad(key, value, check::LANG_EXPECTED))?;
                    alias = alias.without_endings_in(lang);
                }
            }
            "cases" => {
                return Err(Problem::RenamedAttribute {
                    old: "cases=no",
                    new: "without_endings=fi",
                })
            }
            "former" => {
                if yes_no(key, value)? {
                    alias = alias.as_former_name();
                }
            }
            "word" => {
                for item in list(value) {
                    let (language, zipf) = item
                        .split_once(':')
                        .and_then(|(l, z)| Some((Language::from_code(l)?, z.parse::<f32>().ok()?)))
                        .filter(|(l, z)| *l != Language::Other && (0.0..=25.5).contains(z))
                        .ok_or_else(|| {
                            bad(key, value, "language:zipf pairs such as fi:4.2,en:3.1")
                        })?;
                    alias = alias.with_word_in(language, zipf);
                }
            }
            "word_endings" => {
                for ending in list(value) {
                    check::word_ending(ending)
                        .map_err(|_| bad(key, value, check::WORD_ENDING_EXPECTED))?;
                    alias = alias.with_word_ending(ending);
                }
            }
            "blocked_endings" => {
                let folded = crate::normalize::normalize(text, true);
                for ending in list(value) {
                    check::blocked_ending(&folded, text, ending)?;
                    alias = alias.with_blocked_ending(ending);
                }
            }
            "source" => {
                for s in list(value) {
                    alias = alias.with_source(Provenance::parse(s)?);
                }
            }
            "note" => alias = alias.with_note(value),
            _ => return Err(Problem::UnknownAttribute(key.to_string())),
        }
    }
    Ok(alias)
}

/// An attribute: the index of its field, its key and its value.
type Attribute<'a> = (usize, &'a str, &'a str);

/// Splits `key=value` fields, refusing repeated keys.
fn attributes<'a>(fields: &'a [Cow<'a, str>]) -> Result<Vec<Attribute<'a>>, AtColumn> {
    let mut out: Vec<Attribute> = Vec::with_capacity(fields.len());
    // A set only for long lines: a handful of keys is checked faster by a scan, and the set
    // keeps a line with very many attributes linear.
    let mut seen: Option<HashSet<&str>> =
        (fields.len() > SCAN_LIMIT).then(|| HashSet::with_capacity(fields.len()));
    for (i, field) in fields.iter().enumerate() {
        let (key, value) = field
            .split_once('=')
            .ok_or_else(|| (i, Problem::NotKeyValue(field.to_string())))?;
        let repeated = match &mut seen {
            Some(seen) => !seen.insert(key),
            None => out.iter().any(|&(_, k, _)| k == key),
        };
        if repeated {
            return Err((i, Problem::RepeatedAttribute(key.to_string())));
        }
        out.push((i, key, value));
    }
    Ok(out)
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn bad(key: &str, value: &str, expected: &'static str) -> Problem {
    Problem::BadValue {
        key: key.to_string(),
        value: value.to_string(),
        expected,
    }
}

fn yes_no(key: &str, value: &str) -> Result<bool, Problem> {
    match value {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(bad(key, value, "yes or no")),
    }
}

/// Resolves `\t \n \r \\ \u{HEX}`.
fn unescape(field: &str) -> Result<Cow<'_, str>, Problem> {
    if !field.contains('\\') {
        return Ok(Cow::Borrowed(field));
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let bad_escape =
            |end: usize| Problem::BadEscape(field[i..end.min(field.len())].to_string());
        match chars.next() {
            Some((_, 't')) => out.push('\t'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 'r')) => out.push('\r'),
            Some((_, '\\')) => out.push('\\'),
            Some((j, 'u')) => {
                let rest = &field[j + 1..];
                let close = rest.find('}').filter(|_| rest.starts_with('{'));
                // Hex digits only: `from_str_radix` would also take a sign ("\u{+46}").
                let scalar = close
                    .filter(|&end| end > 1 && rest[1..end].bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|end| u32::from_str_radix(&rest[1..end], 16).ok())
                    .and_then(char::from_u32);
                match (close, scalar) {
                    (Some(end), Some(ch)) => {
                        out.push(ch);
                        // Skip `{HEX}`.
                        for _ in 0..=end {
                            chars.next();
                        }
                    }
                    (Some(end), None) => return Err(bad_escape(j + 2 + end)),
                    (None, _) => {
                        return Err(bad_escape(
                            j + 1 + rest.chars().next().map_or(0, char::len_utf8),
                        ))
                    }
                }
            }
            Some((j, other)) => return Err(bad_escape(j + other.len_utf8())),
            None => return Err(bad_escape(field.len())),
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_isin_is_an_error() {
        assert!(matches!(
            check::isin("Aé123456789"),
            Err(Problem::BadValue { .. })
        ));
        assert!(matches!(
            check::isin("éA1234567890"),
            Err(Problem::BadValue { .. })
        ));
        assert_eq!(check::isin("NO0010096985").unwrap(), "NO0010096985");
    }

    /// Every entity of `text`, or the first error.
    fn parse_all(source: &str, text: &str) -> Result<Vec<Parsed>, GazetteerError> {
        let mut all = Vec::new();
        parse(source, text, |p| {
            all.push(p);
            Ok(())
        })?;
        Ok(all)
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        let err = |text: &str| match parse_all("t.tsv", text) {
            Err(GazetteerError::Invalid { problem, location }) => {
                assert!(location.line.is_some(), "the error names the line");
                Some(problem)
            }
            _ => None,
        };
        // A byte order mark is skipped.
        assert!(parse_all("t.tsv", "\u{feff}x:a\tcompany\tA\n").is_ok());
        assert_eq!(
            parse_all("t.tsv", "\u{feff}x:a\tcompany\tA\n").unwrap()[0]
                .entity
                .id()
                .as_str(),
            "x:a"
        );
        for alias in ["\u{200b}", ".", "-", "\u{308}", "\u{ad}", "\u{2060}"] {
            assert_eq!(
                err(&format!("x:a\tcompany\tA\n\t{alias}\n")),
                Some(Problem::NoLetters(alias.to_string())),
                "{alias:?}"
            );
        }
        assert!(matches!(
            err("x:a\tcompany\tA\u{0}B\n"),
            Some(Problem::ControlCharacter {
                character: '\u{0}',
                ..
            })
        ));
        assert!(matches!(
            err("x:a\tcompany\tA\n\tB\u{1b}C\n"),
            Some(Problem::ControlCharacter {
                character: '\u{1b}',
                ..
            })
        ));
        assert_eq!(
            unescape(r"\u{+46}"),
            Err(Problem::BadEscape(r"\u{+46}".into()))
        );
        assert_eq!(unescape(r"\u{}"), Err(Problem::BadEscape(r"\u{}".into())));
    }

    /// Duplicates are found on long lines and in big entities too, where a set takes over
    /// from the scan; both loads stay linear (the hardening issue's 111,109 attributes and
    /// 100,000 aliases took 19-27 s each when every check scanned).
    #[test]
    fn duplicates_in_long_lines_and_big_entities() {
        let attrs: String = (0..111_108).map(|i| format!("\tx{i}=1")).collect();
        assert!(matches!(
            parse_all("t.tsv", &format!("x:a\tcompany\tA{attrs}\tx7=2\n")),
            Err(GazetteerError::Invalid {
                problem: Problem::RepeatedAttribute(key),
                ..
            }) if key == "x7"
        ));
        let aliases: String = (0..100_000).map(|i| format!("\tA {i}\n")).collect();
        let ok = parse_all(
            "t.tsv",
            &format!("x:a\tcompany\tA\n{aliases}x:b\tcompany\tB\n\tA 7\n"),
        )
        .expect("the same alias on another entity is fine");
        assert_eq!(ok[0].entity.alias_records().len(), 100_000);
        for (at, line) in [(3, "A 1"), (100_001, "A 99999"), (100_002, "A 5")] {
            let mut text = format!("x:a\tcompany\tA\n{aliases}");
            text.insert_str(
                text.match_indices('\n')
                    .nth(at - 1)
                    .map_or(text.len(), |(i, _)| i + 1),
                &format!("\t{line}\n"),
            );
            assert!(
                matches!(
                    parse_all("t.tsv", &text),
                    Err(GazetteerError::Invalid {
                        problem: Problem::DuplicateAlias(_),
                        ..
                    })
                ),
                "a repeat at line {at}"
            );
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(unescape(r"a\tb\\c\u{A0}d\n").unwrap(), "a\tb\\c\u{a0}d\n");
        assert_eq!(unescape(r"x\q"), Err(Problem::BadEscape(r"\q".into())));
        assert_eq!(unescape(r"x\"), Err(Problem::BadEscape(r"\".into())));
        assert_eq!(
            unescape(r"\u{110000}"),
            Err(Problem::BadEscape(r"\u{110000}".into()))
        );
        assert_eq!(unescape(r"\u{41"), Err(Problem::BadEscape(r"\u{".into())));
        assert_eq!(unescape(r"\uæ"), Err(Problem::BadEscape(r"\uæ".into())));
    }
}
