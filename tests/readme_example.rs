//! The README's example article shows what sunting is for: among other slips, one person
//! spelled two ways (*Rahmat Hidayat*, then *Rahmat Hidajat* opening a sentence).

use sunting::config::Config;
use sunting::document::LanguageChoice;
use sunting::engine::{check, CheckOptions};
use sunting::DocFormat;

#[test]
fn the_example_article_reports_the_second_spelling_of_a_name() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/banjir-padang.md")).unwrap();
    let config = Config::default();
    let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config: &config };
    let result = check(&text, &options);
    let names: Vec<_> = result.diagnostics.iter().filter(|d| d.code == "names/variant").collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let d = names[0];
    assert_eq!(&text[d.span.range()], "Hidajat");
    assert_eq!(d.fixes[0].edits[0].new_text, "Hidayat");
    assert!(d.related.iter().all(|r| &text[r.span.range()] == "Hidayat") && !d.related.is_empty());
}
