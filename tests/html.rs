//! The HTML page: escaping of text and attributes, one highlight a mention, robustness.

use nordic_ner::output::html::render;
use nordic_ner::{Alias, Entity, EntityId, Gazetteer, Kind, Mention, Tagger};

/// The `<div class="text">…</div>` part of a page.
fn body(page: &str) -> &str {
    let start = page.find("<div class=\"text\">").expect("text div") + "<div class=\"text\">".len();
    let end = page.rfind("</div>").expect("end of text div");
    &page[start..end]
}

/// Removes the tags and decodes the five escapes: the text a browser shows.
fn shown(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn script_in_the_article_is_inert() {
    let text = "Alibaba satser i Norden.\n<script>alert(1)</script>\n<img src=x onerror='alert(2)'> & \"Kina\"";
    let page = render("<script>alert(0)</script>", text, &nordic_ner::tag(text));
    assert!(!page.to_lowercase().contains("<script"), "{page}");
    assert!(!page.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=&#39;alert(2)&#39;&gt; &amp; &quot;"));
    assert!(page.contains("<title>&lt;script&gt;alert(0)&lt;/script&gt;</title>"));
    assert_eq!(shown(body(&page)), text);
}

#[test]
fn self_contained_utf8_page() {
    let text = "Fjällräven og Komplett i Norge";
    let page = render("Æ ø å", text, &nordic_ner::tag(text));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>Æ ø å</title>"));
    assert!(page.contains("white-space:pre-wrap"));
    for external in [
        "src=", "href=", "<link", "url(", "@import", "http:", "https:",
    ] {
        assert!(!page.contains(external), "page has {external}");
    }
}

#[test]
fn every_mention_is_a_highlight_with_its_kind() {
    let text = include_str!("../examples/data/alibaba_norden.txt");
    let mentions = nordic_ner::tag(text);
    assert!(mentions.len() > 20);
    let page = render("Alibaba", text, &mentions);
    let body = body(&page);
    assert_eq!(body.matches("<mark ").count(), mentions.len());
    let mut rest = body;
    for m in &mentions {
        let open = format!(
            "<mark class=\"m {}\" title=\"{} \u{b7} {} \u{b7} {}\">",
            m.kind().as_str(),
            m.name()
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('\'', "&#39;"),
            m.id().as_str(),
            m.kind().as_str()
        );
        let at = rest.find(&open).unwrap_or_else(|| panic!("no {open}"));
        let after = &rest[at + open.len()..];
        let text_escaped = m.text().replace('&', "&amp;");
        assert!(
            after.starts_with(&format!("{text_escaped}</mark>")),
            "{}",
            m.text()
        );
        rest = after;
    }
    assert_eq!(shown(body), text, "the text survives, line breaks and all");
    for kind in Kind::ALL {
        let n = mentions.iter().filter(|m| m.kind() == kind).count();
        let legend = format!(
            "<li><span class=\"m {k}\">{k}</span><span class=\"n\">{n}</span></li>",
            k = kind.as_str()
        );
        assert!(page.contains(&legend), "{legend}");
    }
}

#[test]
fn attribute_values_are_escaped() {
    let entity = Entity::new(
        EntityId::new("local:\"q\"<x>&'").unwrap(),
        Kind::Brand,
        "Ola \"Q\" <b>&'s",
    )
    .unwrap()
    .with_alias(Alias::new("Olaq").unwrap())
    .unwrap();
    let gazetteer = Gazetteer::builder().add_entity(entity).unwrap().build();
    let tagger = Tagger::new(&gazetteer).unwrap();
    let text = "Kjøp Olaq nå";
    let mentions = tagger.tag(text);
    assert_eq!(mentions.len(), 1);
    let page = render("t", text, &mentions);
    assert!(page.contains(
        "<mark class=\"m brand\" title=\"Ola &quot;Q&quot; &lt;b&gt;&amp;&#39;s \u{b7} \
         local:&quot;q&quot;&lt;x&gt;&amp;&#39; \u{b7} brand\">Olaq</mark>"
    ));
    assert!(!page.contains("<b>"));
}

#[test]
fn bad_mention_lists_do_not_panic() {
    let text = "Norge, Sverige og Danmark";
    let good = nordic_ner::tag(text);
    assert_eq!(good.len(), 3);
    let marks = |page: &str| body(page).matches("<mark ").count();

    // Reversed: only the first (the last mention) can be kept.
    let reversed: Vec<Mention> = good.iter().rev().cloned().collect();
    let page = render("t", text, &reversed);
    assert_eq!(marks(&page), 1);
    assert_eq!(shown(body(&page)), text);

    // Duplicates overlap the previous one.
    let doubled: Vec<Mention> = good.iter().flat_map(|m| [m.clone(), m.clone()]).collect();
    let page = render("t", text, &doubled);
    assert_eq!(marks(&page), 3);
    assert_eq!(shown(body(&page)), text);

    // Mentions of another text: out of bounds, or not on char boundaries.
    for other in [
        "",
        "Norge",
        "ææææææææææææææææææææææææææææ",
        "øøø, ååååååå ææ øøøøøøø",
    ] {
        let page = render("t", other, &good);
        assert_eq!(shown(body(&page)), other);
    }
    let page = render("t", "ææææææææææææææææææææææææææææ", &good);
    // Spans 0..5, 7..14 and 18..25: 5 and 7 are inside an "æ" (2 bytes), 18..25 too.
    assert_eq!(marks(&page), 0);

    // Nothing to highlight.
    let page = render("", "", &[]);
    assert_eq!(body(&page), "");
}

#[test]
fn line_breaks_and_spaces_are_kept() {
    let text = "\n\nNorge\r\n  og\tSverige\n";
    let page = render("t", text, &nordic_ner::tag(text));
    assert!(body(&page).starts_with("\n\n<mark"));
    assert_eq!(shown(body(&page)), text);
}
