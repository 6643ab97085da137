//! Loading gazetteers: good files, bad files (a typed error naming file, line and problem), and
//! the embedded data.

use nordic_ner::{
    Alias, CaseRule, Entity, EntityId, Gazetteer, GazetteerError, Kind, Location, Problem,
};

fn problem_at(text: &str) -> (usize, Problem, String) {
    match Gazetteer::from_text("bad.tsv", text) {
        Err(e @ GazetteerError::Invalid { .. }) => {
            let message = e.to_string();
            let GazetteerError::Invalid { location, problem } = e else {
                unreachable!()
            };
            assert_eq!(location.source, "bad.tsv");
            (location.line.unwrap(), problem, message)
        }
        other => panic!("expected an Invalid error for {text:?}, got {other:?}"),
    }
}

macro_rules! bad {
    ($name:ident, $text:expr, $line:expr, $problem:pat, $message:expr) => {
        #[test]
        fn $name() {
            let (line, problem, message) = problem_at($text);
            assert_eq!(line, $line, "{message}");
            assert!(matches!(problem, $problem), "{problem:?}");
            assert_eq!(message, $message);
        }
    };
}

const OK: &str = "local:a\tcompany\tA\n";

bad!(
    missing_kind,
    "# c\nlocal:x\n",
    2,
    Problem::MissingColumn("kind"),
    "bad.tsv:2, column 2: missing column: kind"
);
bad!(
    missing_name,
    "local:x\tbrand\n",
    1,
    Problem::MissingColumn("name"),
    "bad.tsv:1, column 3: missing column: name"
);
bad!(
    unknown_kind,
    "local:x\tcity\tOslo\n",
    1,
    Problem::UnknownKind(_),
    "bad.tsv:1, column 2: unknown kind \"city\" (expected company, brand, country, region, or a kind of your own declared above with a line `@kind<TAB>city`)"
);
bad!(
    kind_declared_below_its_use,
    "local:x\tperson\tOla\n@kind\tperson\n",
    1,
    Problem::UnknownKind(_),
    "bad.tsv:1, column 2: unknown kind \"person\" (expected company, brand, country, region, or a kind of your own declared above with a line `@kind<TAB>person`)"
);
bad!(
    bad_kind_name,
    "@kind\tPerson\n",
    1,
    Problem::BadKindName(_),
    "bad.tsv:1, column 2: bad kind name \"Person\" (1 to 40 of a-z, 0-9, _ and -, starting with a letter)"
);
bad!(
    unknown_directive,
    "@kinds\tperson\n",
    1,
    Problem::UnknownDirective(_),
    "bad.tsv:1, column 1: unknown directive \"@kinds\" (ids cannot start with @; the one directive is @kind)"
);
bad!(
    empty_alias,
    "local:x\tbrand\tX\n\t \n",
    2,
    Problem::EmptyAlias,
    "bad.tsv:2, column 2: empty alias"
);
bad!(
    alias_without_text,
    "local:x\tbrand\tX\n\t\n",
    2,
    Problem::EmptyAlias,
    "bad.tsv:2, column 2: empty alias"
);
bad!(
    empty_name,
    "local:x\tbrand\t \n",
    1,
    Problem::EmptyName,
    "bad.tsv:1, column 3: empty canonical name"
);
bad!(
    duplicate_id,
    &format!("{OK}\n{OK}"),
    3,
    Problem::DuplicateId { .. },
    "bad.tsv:3: duplicate id \"local:a\" (first defined at bad.tsv:1)"
);
bad!(
    duplicate_alias,
    "local:x\tbrand\tX\n\tY\n\tY\n",
    3,
    Problem::DuplicateAlias(_),
    "bad.tsv:3, column 2: duplicate alias \"Y\""
);
bad!(
    bad_escape,
    "local:x\tbrand\tX\\q\n",
    1,
    Problem::BadEscape(_),
    "bad.tsv:1, column 3: bad escape \"\\\\q\" (expected \\t, \\n, \\r, \\\\ or \\u{HEX})"
);
bad!(
    alias_first,
    "\tNorge\n",
    1,
    Problem::AliasBeforeEntity,
    "bad.tsv:1, column 1: alias line before any entity line"
);
bad!(
    renamed_cases_attribute,
    "local:x\tbrand\tX\n\tXs\tcases=no\n",
    2,
    Problem::RenamedAttribute { .. },
    "bad.tsv:2, column 3: cases=no is now written without_endings=fi"
);
bad!(
    without_endings_of_no_language,
    "local:x\tbrand\tX\n\tXs\twithout_endings=finnish\n",
    2,
    Problem::BadValue { .. },
    "bad.tsv:2, column 3: bad value \"finnish\" for without_endings: expected ISO 639 codes such as nb,sv"
);
bad!(
    unknown_attribute,
    "local:x\tbrand\tX\tcolour=red\n",
    1,
    Problem::UnknownAttribute(_),
    "bad.tsv:1, column 4: unknown attribute \"colour\" (attributes of your own take an x- key such as x-sector)"
);
bad!(
    not_key_value,
    "local:x\tbrand\tX\tnonsense\n",
    1,
    Problem::NotKeyValue(_),
    "bad.tsv:1, column 4: attribute \"nonsense\" is not key=value"
);
bad!(
    repeated_attribute,
    "local:x\tbrand\tX\torigin=NO\torigin=SE\n",
    1,
    Problem::RepeatedAttribute(_),
    "bad.tsv:1, column 5: attribute \"origin\" given twice"
);
bad!(
    bad_origin,
    "local:x\tbrand\tX\torigin=Norway\n",
    1,
    Problem::BadValue { .. },
    "bad.tsv:1, column 4: bad value \"Norway\" for origin: expected an ISO 3166-1 alpha-2 code"
);
bad!(
    bad_case,
    "local:x\tbrand\tX\n\tX\tcase=upper\n",
    2,
    Problem::BadValue { .. },
    "bad.tsv:2, column 3: bad value \"upper\" for case: expected any or exact"
);
bad!(
    bad_source,
    "local:x\tbrand\tX\tsource=cldr@\n",
    1,
    Problem::BadValue { .. },
    "bad.tsv:1, column 4: bad value \"cldr@\" for source: expected source[@version][:id]"
);
bad!(
    bad_id,
    "local: x\tbrand\tX\n",
    1,
    Problem::BadId(_),
    "bad.tsv:1, column 1: bad id \"local: x\" (must be non-empty, without white space)"
);
bad!(
    unknown_also,
    "local:x\tbrand\tX\talso=shop\n",
    1,
    Problem::UnknownKind(_),
    "bad.tsv:1, column 4: unknown kind \"shop\" (expected company, brand, country, region, or a kind of your own declared above with a line `@kind<TAB>shop`)"
);

bad!(
    blocked_ending_not_an_ending,
    "local:x\tbrand\tSony\n\tSony\tblocked_endings=a,sa\n",
    2,
    Problem::UnknownCaseEnding { .. },
    "bad.tsv:2, column 3: blocked_endings: \"sa\" is not a Finnish case ending the tagger reads after \"Sony\""
);
bad!(
    blocked_ending_with_a_joint,
    "local:x\tbrand\tSony\n\tSony\tblocked_endings=:n\n",
    2,
    Problem::UnknownCaseEnding { .. },
    "bad.tsv:2, column 3: blocked_endings: \":n\" is not a Finnish case ending the tagger reads after \"Sony\""
);
bad!(
    blocked_ending_on_a_missing_plural_stem,
    "local:x\tbrand\tAlko\n\tAlko\tblocked_endings=-oissa\n",
    2,
    Problem::UnknownCaseEnding { .. },
    "bad.tsv:2, column 3: blocked_endings: \"-oissa\" is not a Finnish case ending the tagger reads after \"Alko\""
);
bad!(
    bad_word_ending,
    "local:x\tbrand\tMiele\n\tMiele\tword_endings=ssä,-\n",
    2,
    Problem::BadValue { .. },
    "bad.tsv:2, column 3: bad value \"ssä,-\" for word_endings: expected lowercase endings such as ssä,stä,-oissa"
);

#[test]
fn blocked_endings_are_read() {
    let text = "local:x\tbrand\tPrisma\n\tPrisma\tblocked_endings=n, -oissa ,t\n";
    let g = Gazetteer::from_text("ok.tsv", text).unwrap();
    let alias = &g.get("local:x").unwrap().alias_records()[0];
    assert_eq!(
        alias.blocked_endings().collect::<Vec<_>>(),
        ["n", "-oissa", "t"]
    );
}

#[test]
fn invalid_utf8_names_the_line() {
    let bytes: &[u8] = b"local:a\tbrand\tA\nlocal:b\tbrand\t\xff\n";
    let err = Gazetteer::from_reader("bytes.tsv", bytes).unwrap_err();
    assert_eq!(err.to_string(), "bytes.tsv:2: not valid UTF-8");
}

#[test]
fn missing_file_is_an_io_error() {
    let err = Gazetteer::from_path("/nonexistent/x.tsv").unwrap_err();
    assert!(matches!(err, GazetteerError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("cannot read /nonexistent/x.tsv: "),
        "{err}"
    );
}

#[test]
fn good_file_round_trips_every_field() {
    let text = "# comment\r\n\
        Q188326\tbrand\tH&M\talso=company\torigin=SE\tisin=SE0000106270\tsource=nsi@8.0:hm,curated:x\tnote=one entity\r\n\
        \tHennes & Mauritz\tlang=sv,en\tsource=investpy@1.0.8:SE0000106270\r\n\
        \tHM\tcase=exact\tnote=acronym\r\n\
        \tH og M\tmatch=no\tnote=dropped\r\n\
        \r\n\
        iso:NO\tcountry\tNorway\tiso3=NOR\tnordic=yes\n\
        \tNo\\u{A0}rge\n";
    let g = Gazetteer::from_text("good.tsv", text).unwrap();
    assert_eq!(g.len(), 2);
    let hm = g.get("Q188326").unwrap();
    assert_eq!(
        (hm.kind(), hm.also(), hm.name()),
        (Kind::Brand, &[Kind::Company][..], "H&M")
    );
    assert!(hm.is(Kind::Company));
    assert_eq!(hm.origin(), Some("SE"));
    assert_eq!(hm.isins(), ["SE0000106270"]);
    assert_eq!(hm.sources()[0].to_string(), "nsi@8.0:hm");
    assert_eq!(hm.sources()[1].source, "curated");
    assert_eq!(hm.note(), Some("one entity"));
    assert_eq!(
        hm.aliases().collect::<Vec<_>>(),
        ["H&M", "Hennes & Mauritz", "HM"]
    );
    let records = hm.alias_records();
    assert_eq!(records[0].langs().collect::<Vec<_>>(), ["sv", "en"]);
    assert_eq!(records[1].case(), Some(CaseRule::Exact));
    assert!(!records[2].is_matched());
    assert_eq!(g.location("Q188326").unwrap().to_string(), "good.tsv:2");
    let no = g.get("iso:NO").unwrap();
    assert_eq!(
        (no.iso2(), no.iso3(), no.is_nordic()),
        (Some("NO"), Some("NOR"), true)
    );
    assert_eq!(no.aliases().nth(1), Some("No\u{a0}rge"));
}

#[test]
fn builder_combines_builtin_files_and_code() {
    let mine = Entity::new(
        EntityId::new("local:fjordkraft").unwrap(),
        Kind::Company,
        "Fjordkraft",
    )
    .unwrap()
    .with_alias(
        Alias::new("Fjord Kraft")
            .unwrap()
            .with_case(CaseRule::Exact),
    )
    .unwrap();
    let g = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .add_entity(mine.clone())
        .unwrap()
        .build();
    assert_eq!(g.len(), Gazetteer::builtin().len() + 1);
    let err = Gazetteer::builder()
        .add_entity(mine.clone())
        .unwrap()
        .add_entity(mine)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "<code>: duplicate id \"local:fjordkraft\" (first defined at <code>)"
    );
    let err = Gazetteer::builder()
        .add_builtin()
        .unwrap()
        .add_text("x.tsv", "iso:NO\tcountry\tNorge\n")
        .unwrap_err();
    let GazetteerError::Invalid {
        location,
        problem: Problem::DuplicateId { first, .. },
    } = err
    else {
        panic!()
    };
    assert_eq!(
        location,
        Location {
            source: "x.tsv".into(),
            line: Some(1),
            column: None,
        }
    );
    assert_eq!(first.source, "data/countries.tsv");
}

#[test]
fn entity_in_code_rejects_bad_values() {
    assert_eq!(EntityId::new(""), Err(Problem::BadId(String::new())));
    assert_eq!(Alias::new("  ").unwrap_err(), Problem::EmptyAlias);
    let e = Entity::new(EntityId::new("local:x").unwrap(), Kind::Brand, "X").unwrap();
    assert_eq!(
        e.with_alias(Alias::new("Y").unwrap())
            .unwrap()
            .with_alias(Alias::new("Y").unwrap())
            .unwrap_err(),
        Problem::DuplicateAlias("Y".into())
    );
}

// Everyday mistakes get a hint (issue 11, point 7).
bad!(
    spaces_where_tabs_belong,
    "local:x    company    Foo\n",
    1,
    Problem::SpacesForTabs,
    "bad.tsv:1, column 1: fields separated by spaces: the format separates them with one TAB (an alias line starts with a TAB)"
);
bad!(
    alias_line_indented_with_spaces,
    "local:x\tcompany\tFoo\n    Foo Bar\n",
    2,
    Problem::SpacesForTabs,
    "bad.tsv:2, column 1: fields separated by spaces: the format separates them with one TAB (an alias line starts with a TAB)"
);
bad!(
    header_row,
    "\u{feff}id\tkind\tname\nlocal:x\tcompany\tFoo\n",
    1,
    Problem::HeaderRow,
    "bad.tsv:1, column 1: a header row? the format has none: remove it, or start it with # to keep it as a comment"
);
bad!(
    trailing_tab_on_an_entity_line,
    "local:x\tcompany\tFoo\t\n",
    1,
    Problem::TrailingTab,
    "bad.tsv:1, column 4: a TAB at the end of the line (an empty field after it): remove it"
);
bad!(
    trailing_tab_on_an_alias_line,
    "local:x\tcompany\tFoo\n\tFoo Bar\tcase=exact\t\n",
    2,
    Problem::TrailingTab,
    "bad.tsv:2, column 4: a TAB at the end of the line (an empty field after it): remove it"
);

#[test]
fn a_byte_order_mark_is_skipped_and_a_commented_header_is_fine() {
    let g = Gazetteer::from_text(
        "ok.tsv",
        "\u{feff}# id\tkind\tname\nlocal:x\tcompany\tFoo Bar\n\tFoo\n",
    )
    .unwrap();
    assert_eq!(g.get("local:x").map(|e| e.name()), Some("Foo Bar"));
}
