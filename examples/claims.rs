//! Prints what the claims model reads from an article: one line per claim, with its value,
//! what it counts, its state, scope and markers. A developer's tool for the figures rules.
//!
//!     cargo run --release --example claims -- ARTICLE [id|en]

use sunting::claims::Claims;
use sunting::document::{Document, LanguageChoice};
use sunting::{DocFormat, Language};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: claims ARTICLE [id|en]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("claims: cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let forced = match args.next().as_deref() {
        Some("id") => Some(Language::Id),
        Some("en") => Some(Language::En),
        _ => None,
    };
    let format = if path.ends_with(".md") { DocFormat::Markdown } else { DocFormat::PlainText };
    let doc = Document::new(&text, format, LanguageChoice { forced, ..Default::default() });
    let mentions = sunting::numbers::mentions(&doc);
    let claims = Claims::new(&doc, &mentions);
    for (i, c) in claims.claims.iter().enumerate() {
        let marks: Vec<&str> = [
            (c.update, "update"),
            (c.previous, "previous"),
            (c.part, "part"),
            (c.remainder, "remainder"),
            (c.total, "total"),
            (c.whole, "whole"),
            (c.excluded, "excluded"),
            (c.measure, "measure"),
            (c.percent, "percent"),
            (c.bodies, "bodies"),
        ]
        .into_iter()
        .filter_map(|(on, m)| on.then_some(m))
        .collect();
        println!(
            "{i:3} s{} b{} {:?} {:>10} [{}..{}] {:?} head={:?} state={:?} pred={:?} owner={:?} scope={:?} speakers={:?} {}  «{}»",
            c.sentence,
            c.block,
            c.position,
            c.value,
            c.lo,
            c.hi,
            c.qualifier,
            c.head,
            c.state,
            c.predicate,
            c.owner,
            c.scope,
            c.speakers,
            marks.join(","),
            &text[c.span.start..c.span.end]
        );
    }
}
