//! Fixture articles, one or more per rule, checked by the whole engine and compared with
//! reviewed snapshots. Each fixture holds true positives and the near misses that must stay silent.

use std::fmt::Write;
use std::path::Path;
use sunting::config::Config;
use sunting::document::LanguageChoice;
use sunting::engine::{check_with_source, CheckOptions};
use sunting::rules::REGISTRY;
use sunting::DocFormat;

/// One line per finding: position, code, the flagged text, the message and the first fix. A
/// fixture whose front matter names a `source:` (a translation) is checked against it.
fn render(text: &str, path: &Path) -> String {
    let config = Config::default();
    let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config: &config };
    let source = sunting::align::front_matter_source(text).map(|named| sunting::align::SourceText { text: std::fs::read_to_string(path.parent().unwrap().join(&named)).unwrap(), path: named });
    let result = check_with_source(text, &options, source.as_ref());
    let mut out = format!("language: {}\n", result.language);
    for d in &result.diagnostics {
        let line = text[..d.span.start].matches('\n').count() + 1;
        let col = text[..d.span.start].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        write!(out, "{line}:{col} {} {} {:?}: {}", d.severity, d.code, &text[d.span.range()], d.message).unwrap();
        if let Some(fix) = d.fixes.first() {
            let edits: Vec<String> = fix.edits.iter().map(|e| format!("{:?}->{:?}", &text[e.span.range()], e.new_text)).collect();
            write!(out, " [{:?}: {}]", fix.applicability, edits.join(", ")).unwrap();
        }
        for r in &d.related {
            match &r.source {
                Some(s) => write!(out, " (related {}:{}:{}: {})", s.path, s.start_line + 1, s.start_character + 1, r.message).unwrap(),
                None => write!(out, " (related {:?}: {})", &text[r.span.range()], r.message).unwrap(),
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn fixtures_match_snapshots() {
    insta::glob!("fixtures/**/*.md", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(render(&text, path));
    });
}

/// Every rule has a fixture named after it, and the fixture makes it fire.
#[test]
fn every_rule_has_a_fixture_that_fires() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for rule in REGISTRY {
        let meta = rule.meta();
        let (category, name) = meta.code.split_once('/').unwrap();
        let dir = root.join(category);
        let fixtures: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("no fixtures folder {}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.file_stem().and_then(|s| s.to_str()).is_some_and(|s| s == name || s.starts_with(&format!("{name}-"))))
            .collect();
        assert!(!fixtures.is_empty(), "{} has no fixture in {}", meta.code, dir.display());
        for path in fixtures {
            let rendered = render(&std::fs::read_to_string(&path).unwrap(), &path);
            assert!(rendered.contains(&format!(" {} ", meta.code)), "{} does not fire on {}:\n{rendered}", meta.code, path.display());
        }
    }
}
