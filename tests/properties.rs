//! Properties over generated articles (proptest): incremental editor edits agree with a full
//! check of the final text; every span lies on character boundaries inside the document; each
//! safe fix keeps the text valid and removes its own finding; fixes converge, and a second `fix` run
//! (detecting the language afresh) changes nothing; the edits the
//! language server sends for "fix all" land where they should; rules that claim to be
//! paragraph-scoped are exact per block, and the provisional re-diagnosis after edits agrees
//! with a full check where it re-checked.
//!
//! Case counts are moderate so `cargo test` stays quick; `PROPTEST_CASES=N` runs N cases of each.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use ropey::Rope;
use std::sync::LazyLock;
use sunting::config::Config;
use sunting::diagnostic::Diagnostic;
use sunting::document::LanguageChoice;
use sunting::engine;
use sunting::fix::{apply_fixes, fix_until_stable, FixMode};
use sunting::incremental::{self, ChangeLog, TextChange};
use sunting::lsp::convert;
use sunting::lsp::document::Document;
use sunting::position::{self, Position, PositionEncoding};
use sunting::{CheckOptions, DocFormat, Language};
use tower_lsp_server::ls_types;

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

/// Pieces of news copy in both languages, with what the rules look for (doubled words and
/// punctuation, odd spacing, times, figures, quotations), Markdown, and the characters that
/// make offsets hard (CRLF, lone CR, BOM, surrogate pairs, combining marks, U+2028).
const PIECES: &[&str] = &[
    "Polisi", "datang", "ke", "lokasi", "yang", "yang yang", "Warga", "berteriak", "Berhenti", "lalu", "pergi", "kata", "ujar", "dia",
    "Presiden", "Joko", "Widodo", "Jakarta", "pukul", "1: 00", "14.30", "14:30", "WIB", "1.000", "2,5", "12", "orang", "tewas", "terluka",
    "The", "the the", "police", "said", "flood", "was", "over", "people", "killed", "at", "least", "10", "percent", "on", "Monday",
    " ", " ", " ", "  ", " ,", " .", ",", ".", ". ", "!!", "!", "?", "...", "…", ":", ";", "-", "—", "(", ")", "“", "”", "\"", "'", "‘", "’",
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u{feff}", "\t", "\u{a0}", "😀", "👍🏽", "e\u{301}", "東京", "\u{2028}", "é",
    "# ", "> ", "- ", "*", "_", "`kode`", "[tautan](https://contoh.id/a)", "<b>", "</b>", "<!-- sunting-disable -->", "<!-- sunting-enable -->",
    "<!-- sunting-ignore-next-line -->", "---\nlang: en\n---\n", "```\nkode\n```\n",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| {
        let mut text = String::new();
        for p in pieces {
            // Words are separated as in prose; punctuation and breaks hug.
            if p.chars().next().is_some_and(char::is_alphanumeric) && text.chars().last().is_some_and(char::is_alphanumeric) {
                text.push(' ');
            }
            text.push_str(p);
        }
        text
    })
}

/// The fixture articles, some with CRLF line ends, with pieces spliced in.
fn fixture_article() -> impl Strategy<Value = String> {
    static FIXTURES: LazyLock<Vec<String>> = LazyLock::new(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut out = Vec::new();
        for dir in std::fs::read_dir(root).unwrap().flatten() {
            for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
                out.push(std::fs::read_to_string(file.path()).unwrap());
            }
        }
        out.sort();
        out
    });
    (0..FIXTURES.len(), any::<bool>(), prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(PIECES)), 0..8)).prop_map(
        |(i, crlf, splices)| {
            let mut text = FIXTURES[i].clone();
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            for (at, piece) in splices {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, piece);
            }
            text
        },
    )
}

fn any_article() -> impl Strategy<Value = String> {
    prop_oneof![3 => article(), 1 => fixture_article()]
}

fn format_strategy() -> impl Strategy<Value = DocFormat> {
    prop_oneof![Just(DocFormat::Markdown), Just(DocFormat::PlainText)]
}

fn language_strategy() -> impl Strategy<Value = Option<Language>> {
    prop_oneof![Just(None), Just(Some(Language::Id)), Just(Some(Language::En))]
}

fn options(format: DocFormat, forced: Option<Language>) -> CheckOptions<'static> {
    CheckOptions { format, language: LanguageChoice { forced, configured: Default::default() }, config: &CONFIG }
}

/// One edit as a client makes it: a range at character boundaries of the current text (never
/// between a CR and its LF), sometimes reversed or past the end, and a piece to put there.
#[derive(Debug, Clone)]
struct ClientEdit {
    start: prop::sample::Index,
    length: usize,
    text: &'static str,
    reversed: bool,
    past_end: bool,
    full: bool,
}

fn client_edit() -> impl Strategy<Value = ClientEdit> {
    (any::<prop::sample::Index>(), 0..12usize, prop::sample::select(PIECES), prop::bool::weighted(0.05), prop::bool::weighted(0.05), prop::bool::weighted(0.02))
        .prop_map(|(start, length, text, reversed, past_end, full)| ClientEdit { start, length, text, reversed, past_end, full })
}

/// Character boundaries a client can address: not between a CR and its LF.
fn addressable(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .filter(|&i| !(i > 0 && b[i - 1] == b'\r' && b.get(i) == Some(&b'\n')))
        .collect()
}

fn lsp_position(p: Position) -> ls_types::Position {
    ls_types::Position { line: p.line, character: p.character }
}

/// The diagnostics the server would publish for a text held in `rope`.
fn published(rope: &Rope, format: DocFormat, encoding: PositionEncoding) -> Vec<ls_types::Diagnostic> {
    let uri: ls_types::Uri = "file:///berita.md".parse().unwrap();
    let text = rope.to_string();
    let diagnostics = sunting::check(&text, &options(format, None)).diagnostics;
    let mut converter = convert::Converter::new(rope, encoding, &uri, 1);
    diagnostics.iter().map(|d| converter.diagnostic(d)).collect()
}

/// Where `at` lands after a fix's edits; at or inside an edit, at its start (`left`) or end.
fn new_offset(fix: &sunting::Fix, at: usize, left: bool) -> usize {
    let mut edits: Vec<&sunting::Edit> = fix.edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut delta = 0isize;
    for e in edits {
        let grown = e.new_text.len() as isize - e.span.len() as isize;
        if e.span.start <= at && at <= e.span.end {
            let start = (e.span.start as isize + delta) as usize;
            return if left { start } else { start + e.new_text.len() };
        }
        if e.span.end <= at {
            delta += grown;
        }
    }
    (at as isize + delta) as usize
}

/// `sunting fix` on `text` as the command line runs it: a check that settles the language (no
/// `--language`, so detection), then fixes until stable under the same choice, never under the
/// language the first check found.
fn fresh_fix(text: &str, format: DocFormat, mode: FixMode) -> String {
    let opts = options(format, None);
    let first = sunting::check(text, &opts);
    fix_until_stable(text, &opts, Some(first.diagnostics), mode).0
}

/// Short texts with few marker words, where a fix can tip language detection: figures in both
/// languages' notations, doubled function words of both languages, single marker words.
fn sparse_article() -> impl Strategy<Value = String> {
    const SPARSE: &[&str] = &[
        "4,5", "4.5", "12,75", "3.25", "1.000", "1,000", "2.500.000", "10,000.5", "by by", "the the", "of of", "to to", "and and", "is is",
        "yang yang", "di di", "dan dan", "by", "the", "of", "said", "yang", "di", "kata", "persen", "percent", "orang", "people", "Rp",
        "pukul", "14.30", "14:30", "Budi", "naik", ".", ",", " ", "\n\n",
    ];
    prop::collection::vec(prop::sample::select(SPARSE), 1..8).prop_map(|pieces| pieces.join(" "))
}

/// The case the fuzzer found (`4,5 by by` became `4.5 by`, then `4,5 by` again) and variants:
/// other figures, other doubled function words, Indonesian text with one English word.
#[test]
fn a_second_fix_run_changes_nothing_on_tipping_texts() {
    for text in [
        "4,5 by by",
        "4,5 by by\n",
        "12,75 of of",
        "3,25 the the",
        "2,5 said said",
        "4.5 yang yang",
        "4.5 di di",
        "1,000 by by",
        "Harga naik 2,5 persen by by",
        "Harga naik 4.5 persen, kata dia.",
        "Rp 12.000 the",
        "The the 4,5",
        "by by 4,5 and and",
    ] {
        for format in [DocFormat::Markdown, DocFormat::PlainText] {
            for mode in [FixMode::SafeOnly, FixMode::IncludeSuggested] {
                let once = fresh_fix(text, format, mode);
                assert_eq!(fresh_fix(&once, format, mode), once, "{text:?} ({format:?}, {mode:?})");
            }
        }
    }
    assert_eq!(fresh_fix("4,5 by by", DocFormat::PlainText, FixMode::SafeOnly), fresh_fix("4,5 by", DocFormat::PlainText, FixMode::SafeOnly));
}

fn safe_fixed(text: &str, diagnostics: &[Diagnostic]) -> String {
    apply_fixes(text, diagnostics, FixMode::SafeOnly).0
}

proptest! {
    #![proptest_config(cases(64))]

    /// The language server's copy of a document after any sequence of edits is the client's
    /// text, and what it publishes equals a full check of that text from scratch.
    #[test]
    fn incremental_edits_agree_with_a_full_check(
        initial in any_article(),
        edits in prop::collection::vec(client_edit(), 1..40),
        utf8 in any::<bool>(),
        format in format_strategy(),
    ) {
        let encoding = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
        let uri: ls_types::Uri = "file:///berita.md".parse().unwrap();
        let (mut doc, _trigger) = Document::new(uri, "markdown".into(), 1, &initial, 1);
        let mut text = initial.clone();
        for (n, edit) in edits.iter().enumerate() {
            let change = if edit.full {
                text = edit.text.to_string();
                ls_types::TextDocumentContentChangeEvent { range: None, range_length: None, text: text.clone() }
            } else {
                let points = addressable(&text);
                let i = edit.start.index(points.len());
                let (a, b) = (points[i], points[(i + edit.length).min(points.len() - 1)]);
                let rope = Rope::from_str(&text);
                let mut start = position::byte_to_position(&rope, a, encoding);
                let mut end = position::byte_to_position(&rope, b, encoding);
                prop_assert_eq!(start, harness::model_position(&text, a, encoding));
                if edit.past_end {
                    end = Position { line: u32::MAX, character: u32::MAX };
                }
                let b = if edit.past_end { text.len() } else { b };
                if edit.reversed {
                    std::mem::swap(&mut start, &mut end);
                }
                text.replace_range(a..b, edit.text);
                ls_types::TextDocumentContentChangeEvent {
                    range: Some(ls_types::Range { start: lsp_position(start), end: lsp_position(end) }),
                    range_length: None,
                    text: edit.text.to_string(),
                }
            };
            doc.apply_changes(2 + n as i32, &[change], encoding);
            prop_assert_eq!(doc.rope.to_string(), text.clone(), "after edit {}", n);
        }
        harness::assert_conversions_match_model(&doc.rope, &text);
        prop_assert_eq!(published(&doc.rope, format, encoding), published(&Rope::from_str(&text), format, encoding));
    }

    /// Every finding, related span and fix edit lies inside the text on character boundaries,
    /// for any text, in either format and language, including bytes read lossily.
    #[test]
    fn spans_lie_on_character_boundaries(
        text in prop_oneof![3 => any_article(), 1 => prop::collection::vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned())],
        format in format_strategy(),
        forced in language_strategy(),
    ) {
        let result = sunting::check(&text, &options(format, forced));
        harness::assert_diagnostics_sound(&text, &result.diagnostics);
        for note in &result.notes {
            harness::assert_span(&text, note.span, "note");
        }
    }

    /// Each safe fix, applied alone, leaves valid UTF-8 and takes its finding away.
    #[test]
    fn each_safe_fix_removes_its_finding(text in any_article(), format in format_strategy()) {
        let first = sunting::check(&text, &options(format, None));
        let opts = options(format, Some(first.language));
        for d in first.diagnostics.iter().filter(|d| d.safe_fix().is_some()) {
            let fixed = safe_fixed(&text, std::slice::from_ref(d));
            prop_assert!(std::str::from_utf8(fixed.as_bytes()).is_ok());
            prop_assert_ne!(&fixed, &text, "{} fix changes nothing", d.code);
            // Where the finding was, in the fixed text; a finding of the same rule there is one
            // of those that overlapped it before ("yang yang yang" has two), never a new one.
            let fix = d.safe_fix().unwrap();
            let (from, to) = (new_offset(fix, d.span.start, true), new_offset(fix, d.span.end, false));
            let near = |a: &Diagnostic, from: usize, to: usize| a.code == d.code && a.span.start <= to && from <= a.span.end;
            let before = first.diagnostics.iter().filter(|a| near(a, d.span.start, d.span.end)).count();
            let after = sunting::check(&fixed, &opts).diagnostics;
            let remaining: Vec<&Diagnostic> = after.iter().filter(|a| near(a, from, to)).collect();
            prop_assert!(remaining.len() < before, "{} still reported after its fix at {:?} in {:?} -> {:?}: {:?}", d.code, d.span, text, fixed, remaining);
        }
    }

    /// Applying the safe fixes until nothing changes ends: a second round changes nothing.
    #[test]
    fn safe_fixes_converge(text in any_article(), format in format_strategy()) {
        let first = sunting::check(&text, &options(format, None));
        let opts = options(format, Some(first.language));
        let (fixed, _) = fix_until_stable(&text, &opts, Some(first.diagnostics), FixMode::SafeOnly);
        let after = sunting::check(&fixed, &opts).diagnostics;
        harness::assert_diagnostics_sound(&fixed, &after);
        let again = safe_fixed(&fixed, &after);
        prop_assert_eq!(&again, &fixed, "fixes did not converge on {:?}", text);
    }

    /// `fix` run twice, each run settling the language afresh as the command line does
    /// (nothing forced, detection): the second run changes nothing, in either fix mode.
    #[test]
    fn a_second_fix_run_changes_nothing(text in prop_oneof![2 => any_article(), 3 => sparse_article()], format in format_strategy(), suggested in any::<bool>()) {
        let mode = if suggested { FixMode::IncludeSuggested } else { FixMode::SafeOnly };
        let once = fresh_fix(&text, format, mode);
        let twice = fresh_fix(&once, format, mode);
        prop_assert_eq!(&twice, &once, "a second run changed the fixed text of {:?}", text);
    }

    /// "Fix all" in the editor: the text edits the server computes, converted to protocol
    /// ranges and applied by the client, give exactly the fixed text.
    #[test]
    fn fix_all_edits_land_where_they_should(text in any_article(), format in format_strategy(), utf8 in any::<bool>()) {
        let encoding = if utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
        let first = sunting::check(&text, &options(format, None));
        let (fixed, _) = fix_until_stable(&text, &options(format, None), Some(first.diagnostics), FixMode::SafeOnly);
        let rope = Rope::from_str(&text);
        let mut edits: Vec<(usize, usize, String)> = convert::diff_edits(&text, &fixed)
            .into_iter()
            .map(|(span, new)| {
                let range = position::span_to_range(&rope, span.start, span.end, encoding);
                (position::position_to_byte(&rope, range.start, encoding), position::position_to_byte(&rope, range.end, encoding), new)
            })
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        let mut client = text.clone();
        for (s, e, new) in edits {
            client.replace_range(s..e, &new);
        }
        prop_assert_eq!(client, fixed);
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// Byte offsets and positions convert both ways as the specification says, in UTF-16 and
    /// UTF-8, for any text.
    #[test]
    fn positions_convert_as_specified(text in article()) {
        harness::assert_conversions_match_model(&Rope::from_str(&text), &text);
    }

    /// The minimal edits between two texts rebuild the new text, stay on character boundaries,
    /// and survive the trip through protocol positions (none falls between a CR and its LF).
    #[test]
    fn diff_edits_rebuild_the_new_text(old in article(), new in article()) {
        let edits = convert::diff_edits(&old, &new);
        let rope = Rope::from_str(&old);
        let mut out = old.clone();
        let mut client = old.clone();
        let mut last_start = usize::MAX;
        for (span, t) in edits.iter().rev() {
            prop_assert!(old.is_char_boundary(span.start) && old.is_char_boundary(span.end) && span.end <= last_start);
            last_start = span.start;
            out.replace_range(span.clone(), t);
            let range = position::span_to_range(&rope, span.start, span.end, PositionEncoding::Utf16);
            let (s, e) = (position::position_to_byte(&rope, range.start, PositionEncoding::Utf16), position::position_to_byte(&rope, range.end, PositionEncoding::Utf16));
            client.replace_range(s..e, t);
        }
        prop_assert_eq!(&out, &new);
        prop_assert_eq!(&client, &new);
    }
}

/// One edit to a text in bytes: a range at character boundaries and a piece to put there.
#[derive(Debug, Clone)]
struct ByteEdit {
    start: prop::sample::Index,
    length: usize,
    text: &'static str,
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    (any::<prop::sample::Index>(), 0..16usize, prop::sample::select(PIECES)).prop_map(|(start, length, text)| ByteEdit { start, length, text })
}

/// Apply edits to a text, logging them as an editor's adapter does.
fn apply_logged(text: &str, edits: &[ByteEdit]) -> (String, ChangeLog) {
    let mut text = text.to_string();
    let mut log = ChangeLog::default();
    for e in edits {
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let i = e.start.index(bounds.len());
        let (a, b) = (bounds[i], bounds[(i + e.length).min(bounds.len() - 1)]);
        text.replace_range(a..b, e.text);
        log.push(TextChange { start: a, end: b, new_len: e.text.len() });
    }
    (text, log)
}

/// The findings of paragraph-scoped rules inside the given blocks.
fn paragraph_findings_in(diagnostics: &[Diagnostic], blocks: &[sunting::Span]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| incremental::is_paragraph_scoped(&d.code) && blocks.iter().any(|b| b.start <= d.span.start && d.span.end <= b.end))
        .cloned()
        .collect()
}

/// Whole sentences of news copy that set rules off (times written two ways, doubled words
/// and punctuation, spacing, figures, quotations, non-standard spellings, English), so that
/// articles made of them have findings in several blocks that an article-wide rule would
/// relate.
const SENTENCES: &[&str] = &[
    "Banjir datang pukul 14.30 WIB dan surut sore harinya.",
    "Air surut pukul 18:00 WIB setelah hujan berhenti.",
    "Petugas tiba pukul 1: 00 dini hari.",
    "Ledakan terjadi sekitar 2200 GMT di pelabuhan.",
    "Banjir menewaskan setidaknya 12 orang di Jakarta.",
    "Sebanyak 10 orang tewas dalam banjir itu.",
    "Warga yang yang tinggal di tepi sungai mengungsi .",
    "Berhenti !! teriak polisi kepada warga.",
    "Orang -orang berlari ke masjid,lalu menunggu.",
    "Pemerintah menghimbau warga menjauhi resiko banjir di ibukota.",
    "Pendaftaran dilakukan secara online melalui smartphone.",
    "“Kami akan membangun kembali rumah warga,” kata Gubernur Anies Baswedan.",
    "“Kami tidak akan pergi dari sini.",
    "Presiden Joko Widodo meninjau lokasi pada Senin pagi",
    "Harga beras naik 2,5 persen menjadi Rp 12.000 per kilogram.",
    "Penyelamat pada Kamis aching mengatakan korban bertambah.",
    "The flood killed at least 12 people on Monday.",
    "Ten people were killed, police said the the next day.",
    "\"We will rebuild,\" said Governor Anies Baswedan.",
    "The storm hit at 14:30 local time and again at 18.00.",
];

fn news_article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(prop::sample::select(SENTENCES), 1..4), 1..8)
        .prop_map(|paragraphs| paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n"))
}

proptest! {
    #![proptest_config(cases(128))]

    /// A rule that claims [`Scope::Paragraph`](sunting::rules::Scope) finds in a block, checked
    /// alone, exactly what it finds there in a full check.
    #[test]
    fn paragraph_scoped_rules_are_exact_per_block(
        text in prop_oneof![1 => any_article(), 2 => news_article()],
        format in format_strategy(),
        language in language_strategy(),
        at in any::<prop::sample::Index>(),
    ) {
        let options = options(format, language);
        let mut at = at.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let (focused, blocks) = engine::check_paragraphs(&text, &options, &[sunting::Span::new(at, at)]);
        let full = sunting::check(&text, &options);
        prop_assert_eq!(&focused.diagnostics, &paragraph_findings_in(&full.diagnostics, &blocks));
        prop_assert!(focused.diagnostics.iter().all(|d| incremental::is_paragraph_scoped(&d.code)));
    }

    /// A span carried over edits covers the same text it covered before them.
    #[test]
    fn carried_spans_cover_the_same_text(
        text in any_article(),
        edits in prop::collection::vec(byte_edit(), 1..6),
        from in any::<prop::sample::Index>(),
        length in 0..40usize,
    ) {
        let (edited, log) = apply_logged(&text, &edits);
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let i = from.index(bounds.len());
        let span = sunting::Span::new(bounds[i], bounds[(i + length).min(bounds.len() - 1)]);
        if let Some(moved) = log.map_span(span) {
            prop_assert_eq!(&text[span.range()], &edited[moved.range()]);
        }
        for region in log.touched() {
            prop_assert!(region.end <= edited.len(), "{:?} outside {} bytes", region, edited.len());
        }
    }

    /// The provisional re-diagnosis after edits is sound (spans on character boundaries, in
    /// order), and in the blocks it re-checked its paragraph-scoped findings are a full
    /// check's.
    #[test]
    fn provisional_rediagnosis_agrees_where_it_rechecked(
        text in prop_oneof![1 => any_article(), 1 => news_article()],
        edits in prop::collection::vec(byte_edit(), 1..6),
        format in format_strategy(),
        language in language_strategy(),
    ) {
        let options = options(format, language);
        let before = sunting::check(&text, &options);
        let (edited, log) = apply_logged(&text, &edits);
        let Some(quick) = incremental::provisional(&before.diagnostics, before.language, &log, &edited, &options) else {
            return Ok(());
        };
        harness::assert_diagnostics_sound(&edited, &quick);
        let (_, blocks) = engine::check_paragraphs(&edited, &options, &log.touched());
        let full = sunting::check(&edited, &options);
        prop_assert_eq!(paragraph_findings_in(&quick, &blocks), paragraph_findings_in(&full.diagnostics, &blocks));
    }
}

/// The same claim, block by block over every fixture article (each written to set off its
/// rule), in both formats and with the article's own language.
#[test]
fn paragraph_scoped_rules_are_exact_on_every_fixture_block() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked_blocks = 0;
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        for file in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let text = std::fs::read_to_string(file.path()).unwrap();
            for format in [DocFormat::Markdown, DocFormat::PlainText] {
                let options = options(format, None);
                let full = sunting::check(&text, &options);
                let doc = sunting::document::Document::new(&text, format, options.language);
                for block in &doc.blocks {
                    let at = sunting::Span::new(block.span.start + 1.min(block.span.len()), block.span.start + 1.min(block.span.len()));
                    let (focused, blocks) = engine::check_paragraphs(&text, &options, &[at]);
                    assert_eq!(focused.diagnostics, paragraph_findings_in(&full.diagnostics, &blocks), "{} ({format:?}), block {:?}", file.path().display(), block.span);
                    checked_blocks += 1;
                }
            }
        }
    }
    assert!(checked_blocks > 100, "only {checked_blocks} blocks");
}
