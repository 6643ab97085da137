//! The seed article comes out exactly as its gold file says: every mention, no other.

use serde_json::Value;

#[test]
fn seed_article_matches_gold() {
    let text = include_str!("../examples/data/alibaba_norden.txt");
    let gold: Value = serde_json::from_str(include_str!("data/alibaba_norden.gold.json")).unwrap();
    let gold = gold["mentions"].as_array().unwrap();
    let found = nordic_ner::tag(text);
    let mut errors = Vec::new();
    for g in gold {
        let at = |k: &str| g[k].as_u64().unwrap() as usize;
        let kinds: Vec<&str> = std::iter::once(&g["kind"])
            .chain(g["also"].as_array().unwrap())
            .map(|k| k.as_str().unwrap())
            .collect();
        let hit = found.iter().find(|m| {
            m.span().range() == (at("start")..at("end"))
                && m.char_span().range() == (at("char_start")..at("char_end"))
        });
        match hit {
            Some(m) if kinds.contains(&m.kind().as_str()) => {}
            Some(m) => errors.push(format!("{}: kind {} not in {kinds:?}", m.text(), m.kind())),
            None => errors.push(format!("missing {} at {}", g["text"], at("char_start"))),
        }
    }
    for m in &found {
        let in_gold = gold.iter().any(|g| {
            g["start"].as_u64() == Some(m.span().start as u64)
                && g["end"].as_u64() == Some(m.span().end as u64)
        });
        if !in_gold {
            errors.push(format!("extra {:?} ({}, {})", m.text(), m.kind(), m.id()));
        }
    }
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(found.len(), 35);
}
