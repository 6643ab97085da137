//! The evaluation module against hand-written corpora (tests/data/tiny.conllu in NorNE's
//! CoNLL-U, tests/data/tiny.iob2 in Universal NER's IOB2) scored with the builtin tagger.
//!
//! The expected JSON reports were obtained from the evaluation kit's `score.py`, with
//! tests/data/tiny_oracle.tsv as its oracle list (its figures on these files equal those with
//! the full oracle_countries.tsv):
//!
//! ```sh
//! python3 score.py texts tests/data/tiny.conllu > in.jsonl
//! cargo run -q --example tag_jsonl < in.jsonl > out.jsonl
//! python3 score.py score tests/data/tiny.conllu out.jsonl --json
//! ```
//!
//! Every figure was also worked out by hand; the reasoning is beside each assertion.
#![cfg(feature = "evaluate")]

use nordic_ner::evaluate::{
    evaluate, Corpus, EvalError, Format, KindScore, Oracle, ParseProblem, Recall, Report,
};
use nordic_ner::{Kind, Tagger};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");

fn corpus(name: &str) -> Corpus {
    Corpus::read(format!("{DATA}{name}")).expect("fixture parses")
}

fn oracle() -> Oracle {
    Oracle::read(format!("{DATA}tiny_oracle.tsv")).expect("oracle parses")
}

fn kind_row(report: &Report, kind: Kind) -> (usize, usize, usize, usize) {
    let k: &KindScore = report
        .by_kind
        .iter()
        .find(|k| k.kind == kind)
        .expect("kind predicted");
    (
        k.predicted,
        k.correct,
        k.span_right_type_wrong,
        k.wrong_span,
    )
}

/// score.py's `--json` output for tiny.conllu.
const SCORE_PY_CONLLU: &str = r#"{"gold": "tiny.conllu", "sentences_scored": 6, "sentences_unaligned": 1, "sentences_without_prediction": 0, "predicted": 16, "predicted_inside_DRV_ignored": 1, "precision": 0.75, "precision_span_any_type": 0.8125, "by_kind": {"brand": {"predicted": 2, "correct": 2, "span_right_type_wrong": 0, "wrong_span": 0, "precision": 1.0}, "company": {"predicted": 3, "correct": 2, "span_right_type_wrong": 0, "wrong_span": 1, "precision": 0.6667}, "country": {"predicted": 9, "correct": 6, "span_right_type_wrong": 1, "wrong_span": 2, "precision": 0.6667}, "region": {"predicted": 2, "correct": 2, "span_right_type_wrong": 0, "wrong_span": 0, "precision": 1.0}}, "country_recall": 0.8571, "country_gold": 7, "place_recall": 0.8, "place_gold": 10, "org_recall": 1.0, "org_gold": 4}"#;

/// score.py's `--json` output for tiny.iob2.
const SCORE_PY_IOB2: &str = r#"{"gold": "tiny.iob2", "sentences_scored": 5, "sentences_unaligned": 1, "sentences_without_prediction": 0, "predicted": 12, "predicted_inside_DRV_ignored": 0, "precision": 0.75, "precision_span_any_type": 0.9167, "by_kind": {"brand": {"predicted": 1, "correct": 0, "span_right_type_wrong": 0, "wrong_span": 1, "precision": 0.0}, "company": {"predicted": 2, "correct": 2, "span_right_type_wrong": 0, "wrong_span": 0, "precision": 1.0}, "country": {"predicted": 8, "correct": 6, "span_right_type_wrong": 2, "wrong_span": 0, "precision": 0.75}, "region": {"predicted": 1, "correct": 1, "span_right_type_wrong": 0, "wrong_span": 0, "precision": 1.0}}, "country_recall": 0.8571, "country_gold": 7, "place_recall": 0.7778, "place_gold": 9, "org_recall": 0.6667, "org_gold": 3}"#;

#[test]
fn conllu_report_equals_score_py() {
    let report = evaluate(&corpus("tiny.conllu"), Tagger::builtin(), Some(&oracle()));
    assert_eq!(report.to_json(), SCORE_PY_CONLLU);
}

#[test]
fn iob2_report_equals_score_py() {
    let report = evaluate(&corpus("tiny.iob2"), Tagger::builtin(), Some(&oracle()));
    assert_eq!(report.to_json(), SCORE_PY_IOB2);
}

#[test]
fn conllu_figures_by_hand() {
    let report = evaluate(&corpus("tiny.conllu"), Tagger::builtin(), Some(&oracle()));
    assert_eq!(report.format, Format::Conllu);
    // 7 sentences; t5's tokens ("heller") are not in its text.
    assert_eq!(
        (report.sentences_scored, report.sentences_unaligned),
        (6, 1)
    );
    // "Kasakhstan" lies inside the DRV span "Kasakhstan-baserte".
    assert_eq!(report.predicted_inside_drv, 1);
    // Right: Equinor Norge Sverige Europa Danmarks(GPE_ORG) DNB Volvo(PROD) Tyskland
    // Chad(GPE_ORG) "Rema 1000" Sør-Afrika(I- after O) Nordamerika(LOC) = 12 of 16.
    // Jordan (PER) has the right span only; Telenor (in "Telenor-ansatte", O), Svalbard and
    // Jan Mayen (gold "Svalbard og Jan Mayen") have wrong spans.
    assert_eq!(
        (
            report.predicted,
            report.correct,
            report.span_right_type_wrong
        ),
        (16, 12, 1)
    );
    assert_eq!(report.precision(), Some(0.75));
    assert_eq!(report.precision_span_any_type(), Some(13.0 / 16.0));
    assert_eq!(kind_row(&report, Kind::Brand), (2, 2, 0, 0));
    assert_eq!(kind_row(&report, Kind::Company), (3, 2, 0, 1));
    assert_eq!(kind_row(&report, Kind::Country), (9, 6, 1, 2));
    assert_eq!(kind_row(&report, Kind::Region), (2, 2, 0, 0));
    let kinds: Vec<&str> = report.by_kind.iter().map(|k| k.kind.as_str()).collect();
    assert_eq!(kinds, ["brand", "company", "country", "region"]);
    // Countries in gold: Norge Sverige Danmarks Tyskland Chad "Svalbard og Jan Mayen"
    // Sør-Afrika; all but Svalbard og Jan Mayen found. Places add Europa, Oslo (missed),
    // Nordamerika. Organisations: Equinor DNB Volvo "Rema 1000"; PER and DRV spans count not.
    assert_eq!(report.country, Some(Recall { found: 6, gold: 7 }));
    assert_eq!(report.place, Some(Recall { found: 8, gold: 10 }));
    assert_eq!(report.org, Some(Recall { found: 4, gold: 4 }));
}

#[test]
fn iob2_figures_by_hand() {
    let report = evaluate(&corpus("tiny.iob2"), Tagger::builtin(), Some(&oracle()));
    assert_eq!(report.format, Format::Iob2);
    assert_eq!(
        (report.sentences_scored, report.sentences_unaligned),
        (5, 1)
    );
    // Right: Norge, Danmark as ORG (a country acting as organisation, right in Universal NER),
    // Maersk Carlsberg Nordamerika Elfenbenskysten USA Sverige Danmark(ORG) = 9 of 12; Georgia
    // and Jordan are PER; "Rema 1000" is gold "Rema" ORG + "1000" LOC (I- of another type).
    assert_eq!(
        (
            report.predicted,
            report.correct,
            report.span_right_type_wrong
        ),
        (12, 9, 2)
    );
    assert_eq!(kind_row(&report, Kind::Brand), (1, 0, 0, 1));
    assert_eq!(kind_row(&report, Kind::Company), (2, 2, 0, 0));
    assert_eq!(kind_row(&report, Kind::Country), (8, 6, 2, 0));
    assert_eq!(kind_row(&report, Kind::Region), (1, 1, 0, 0));
    // Countries: Norge Danmark Elfenbenskysten USA Sverige Man Danmark (the ORG ones count as
    // places because they are country names); Man is missed. Places add Nordamerika and "1000".
    assert_eq!(report.country, Some(Recall { found: 6, gold: 7 }));
    assert_eq!(report.place, Some(Recall { found: 7, gold: 9 }));
    // Organisations: Maersk Carlsberg Rema.
    assert_eq!(report.org, Some(Recall { found: 2, gold: 3 }));
}

#[test]
fn without_oracle_recalls_that_need_it_are_unavailable() {
    let conllu = evaluate(&corpus("tiny.conllu"), Tagger::builtin(), None);
    assert_eq!(conllu.country, None);
    assert_eq!(conllu.place, Some(Recall { found: 8, gold: 10 }));
    assert_eq!(conllu.org, Some(Recall { found: 4, gold: 4 }));
    assert!(conllu
        .to_json()
        .contains(r#""country_recall": null, "country_gold": null"#));
    let iob2 = evaluate(&corpus("tiny.iob2"), Tagger::builtin(), None);
    assert_eq!((iob2.country, iob2.place, iob2.org), (None, None, None));
    assert_eq!(iob2.correct, 9);
    assert!(iob2.to_string().contains("country recall: unavailable"));
}

#[test]
fn sentence_ids_texts_and_gold_spans_follow_score_py() {
    let c = corpus("tiny.conllu");
    let ids: Vec<&str> = c.sentences.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["t1", "t2", "t1#2", "s3", "t5", "t6", "s6"]);
    // No `# text`: the forms joined by spaces; the multiword token and empty node are skipped.
    assert_eq!(
        c.sentences[6].text,
        "Rema 1000 åpner i Sør-Afrika og Nordamerika ."
    );
    let gold = c.sentences[5].gold_spans().expect("aligned");
    let spans: Vec<(usize, usize, &str)> = gold
        .iter()
        .map(|g| (g.chars.start, g.chars.end, g.label.as_str()))
        .collect();
    assert_eq!(
        spans,
        [(0, 6, "PER"), (18, 22, "GPE_ORG"), (26, 47, "GPE_LOC")]
    );
    assert!(c.sentences[4].align().is_none());
    let u = corpus("tiny.iob2");
    let ids: Vec<&str> = u.sentences.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["u1", "u1#2", "u3", "u4", "u5", "u6"]);
    let gold = u.sentences[3].gold_spans().expect("aligned");
    let labels: Vec<&str> = gold.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["ORG", "LOC", "LOC"]);
}

#[test]
fn line_endings_and_misc_fields() {
    let lf =
        "# sent_id = a\n# text = Norge\n1\tNorge\t_\t_\t_\t_\t_\t_\t_\txname=|name=B-GPE_LOC|x=y\n";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    let a = Corpus::parse("a.conllu", lf, Format::Conllu).unwrap();
    assert_eq!(a.sentences[0].tokens[0].tag, "B-GPE_LOC");
    assert_eq!(a, Corpus::parse("a.conllu", &crlf, Format::Conllu).unwrap());
    assert_eq!(a, Corpus::parse("a.conllu", &cr, Format::Conllu).unwrap());
    let no_name = "1\tNorge\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n";
    let b = Corpus::parse("b.conllu", no_name, Format::Conllu).unwrap();
    assert_eq!(
        (
            b.sentences[0].id.as_str(),
            b.sentences[0].tokens[0].tag.as_str()
        ),
        ("s0", "O")
    );
}

#[test]
fn errors_name_file_line_and_problem() {
    let e = Corpus::parse(
        "x.iob2",
        "# sent_id = a\n1\tNorge\tB-LOC\n2\tog\n",
        Format::Iob2,
    )
    .unwrap_err();
    assert!(matches!(
        &e,
        EvalError::Parse { file, line: 3, problem: ParseProblem::TooFewColumns { found: 2 } }
            if file == "x.iob2"
    ));
    assert_eq!(
        e.to_string(),
        "x.iob2:3: token line has 2 tab-separated column(s); expected id, form and tag"
    );
    let e = Corpus::parse("y.conllu", "\n# sent_id a\n", Format::Conllu).unwrap_err();
    assert!(matches!(
        e,
        EvalError::Parse {
            line: 2,
            problem: ParseProblem::SentIdWithoutEquals,
            ..
        }
    ));
    let e = Oracle::parse("o.tsv", "code\tname\nNO\tNorge\nSE\n").unwrap_err();
    assert!(matches!(
        e,
        EvalError::Parse {
            line: 3,
            problem: ParseProblem::NoNameColumn,
            ..
        }
    ));
    let e = Corpus::read(format!("{DATA}no_such_file.conllu")).unwrap_err();
    assert!(matches!(e, EvalError::Io { .. }));
    assert!(e.to_string().contains("no_such_file.conllu"));

    let dir = std::env::temp_dir().join(format!("nordic-ner-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.iob2");
    std::fs::write(&bad, b"1\tNorge\tB-LOC\n\n2\tK\xf8benhavn\tB-LOC\n").unwrap();
    let e = Corpus::read(&bad).unwrap_err();
    assert!(matches!(
        e,
        EvalError::Parse {
            line: 3,
            problem: ParseProblem::InvalidUtf8,
            ..
        }
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn format_follows_the_file_name() {
    assert_eq!(corpus("tiny.conllu").format, Format::Conllu);
    assert_eq!(corpus("tiny.iob2").format, Format::Iob2);
    assert_eq!(corpus("tiny.conllu").name, "tiny.conllu");
}
