//! A self-contained HTML page of a text with its mentions highlighted by kind.
//!
//! The page has its CSS inline and no scripts, images, fonts or links to load, so it can be
//! saved, mailed or opened from disk as it is. Every piece of text and every attribute value is
//! escaped (`&`, `<`, `>`, `"`, `'`), so an article holding markup (`<script>…</script>`) or an
//! entity name holding quotes comes out as inert text.
//!
//! ```
//! use nordic_ner::output::html;
//!
//! let text = "Alibaba satser i Norden.\n<script>alert(1)</script>";
//! let page = html::render("Alibaba & Norden", text, &nordic_ner::tag(text));
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains(r#"<mark class="m company" title="#));
//! assert!(page.contains(">Norden</mark>"));
//! assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! assert!(!page.contains("<script"));
//! ```

use crate::entity::Kind;
use crate::mention::Mention;

/// The page's style sheet but for the kinds' colours ([`kind_style`]): the article in a
/// readable column with its line breaks kept.
const STYLE: &str = "\
*{box-sizing:border-box}
body{margin:0;padding:2rem 1rem;background:#fafaf7;color:#1d1d1b;\
font:18px/1.6 Georgia,'Times New Roman',serif}
main{max-width:46rem;margin:0 auto}
h1{font:600 1.6rem/1.3 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 0 .75rem}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:0 0 1.5rem;padding:.6rem .8rem;\
list-style:none;border:1px solid #ddd;border-radius:6px;background:#fff;\
font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif}
.legend li{display:flex;align-items:center;gap:.4rem}
.legend .m{padding:0 .45rem}
.legend .n{color:#555}
.legend .hint{margin-left:auto;color:#555}
.text{white-space:pre-wrap;overflow-wrap:break-word}
.m{border-radius:3px;padding:0 .1em;border-bottom:2px solid}
.m[title]{cursor:help}
@media print{body{background:#fff;padding:0}.m{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

/// Renders `text` as a complete HTML page titled `title`, each mention highlighted as a
/// `<mark class="m KIND">` (`KIND` is [`Kind::as_str`]: `company`, `brand`, `country`,
/// `region`) whose `title` attribute, shown on hover, gives the entity's canonical name, id and
/// kind. A legend above the text shows each kind's colour and how many mentions it has.
///
/// The page is UTF-8 (`<meta charset="utf-8">`), keeps the text's line breaks and white space
/// (`white-space: pre-wrap`), and has inline CSS only: no scripts and no external resources.
/// All text and attribute values are escaped.
///
/// `mentions` should be the tagger's output for `text`: sorted by start and non-overlapping,
/// with byte spans into `text`. The function never panics on other lists; it skips, leaving
/// the text there unhighlighted, every mention that
/// - starts before the end of the last mention highlighted (overlapping or out of order),
/// - is empty, or ends before it starts,
/// - ends past the end of `text`, or starts or ends inside a UTF-8 character.
///
/// The highlighted text is always `text`'s own; [`Mention::text`] is not used.
///
/// ```
/// use nordic_ner::output::html;
///
/// let text = "Norge og Sverige";
/// let page = html::render("Nabo", text, &nordic_ner::tag(text));
/// assert!(page.contains(r#"<meta charset="utf-8">"#));
/// assert_eq!(page.matches(r#"<mark class="m country""#).count(), 2);
/// ```
#[must_use]
pub fn render(title: &str, text: &str, mentions: &[Mention]) -> String {
    let kept = usable(text, mentions);

    let mut page = String::with_capacity(STYLE.len() + text.len() * 2 + kept.len() * 120 + 1024);
    page.push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>");
    escape_into(&mut page, title);
    page.push_str("</title>\n<style>\n");
    page.push_str(STYLE);
    // The builtin kinds, then users' kinds that have mentions here, by name.
    let mut kinds = Kind::ALL.to_vec();
    let mut custom: Vec<Kind> = kept
        .iter()
        .map(|m| m.kind())
        .filter(|k| !k.is_builtin())
        .collect();
    custom.sort_unstable();
    custom.dedup();
    kinds.extend(custom);
    for &kind in &kinds {
        kind_style(&mut page, kind);
    }
    page.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    escape_into(&mut page, title);
    page.push_str("</h1>\n");

    page.push_str("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for kind in kinds {
        let count = kept.iter().filter(|m| m.kind() == kind).count();
        page.push_str("<li><span class=\"m ");
        page.push_str(kind.as_str());
        page.push_str("\">");
        page.push_str(kind.as_str());
        page.push_str("</span><span class=\"n\">");
        page.push_str(&count.to_string());
        page.push_str("</span></li>\n");
    }
    page.push_str(
        "<li class=\"hint\">hover a name for its entity</li>\n</ul>\n<div class=\"text\">",
    );

    let mut at = 0;
    for m in kept {
        let span = m.span();
        escape_into(&mut page, &text[at..span.start]);
        page.push_str("<mark class=\"m ");
        page.push_str(m.kind().as_str());
        page.push_str("\" title=\"");
        escape_into(&mut page, m.name());
        page.push_str(" \u{b7} ");
        escape_into(&mut page, m.id().as_str());
        page.push_str(" \u{b7} ");
        page.push_str(m.kind().as_str());
        page.push_str("\">");
        escape_into(&mut page, &text[span.range()]);
        page.push_str("</mark>");
        at = span.end;
    }
    escape_into(&mut page, &text[at..]);
    page.push_str("</div>\n</main>\n</body>\n</html>\n");
    page
}

/// The style of a kind's marks: its text colour, background and underline (a contrast of at
/// least 7:1 between text and background, and an underline style of its own, dashed for brands
/// and dotted for regions, for readers who tell the colours apart badly).
fn kind_style(page: &mut String, kind: Kind) {
    let colour = kind.colour();
    // Kind names are ASCII letters, digits, `_` and `-` (`Kind::custom` checks): a class as
    // they stand.
    page.push_str(".m.");
    page.push_str(kind.as_str());
    page.push_str("{color:");
    page.push_str(colour.text);
    page.push_str(";background:");
    page.push_str(colour.background);
    page.push_str(";border-color:");
    page.push_str(colour.text);
    page.push_str(";border-bottom-style:");
    page.push_str(colour.underline);
    page.push_str("}\n");
}

/// The mentions `render` highlights: in order, non-overlapping, non-empty, in bounds and on
/// char boundaries. Slicing `text` with their spans cannot panic.
fn usable<'m>(text: &str, mentions: &'m [Mention]) -> Vec<&'m Mention> {
    let mut kept = Vec::with_capacity(mentions.len());
    let mut end = 0;
    for m in mentions {
        let span = m.span();
        let fits = span.start >= end
            && span.start < span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if fits {
            end = span.end;
            kept.push(m);
        }
    }
    kept
}

/// Appends `s` with `&`, `<`, `>`, `"` and `'` escaped: safe in text and in quoted
/// attribute values.
fn escape_into(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::escape_into;

    #[test]
    fn escapes_the_five() {
        let mut out = String::new();
        escape_into(&mut out, "a&b<c>d\"e'f – æøå");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&#39;f – æøå");
    }
}
