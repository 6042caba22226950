//! The bodies of the fuzz targets. libFuzzer runs them through `fuzz_targets/` (nightly Rust,
//! `cargo fuzz`); `tests/fuzz_smoke.rs` runs the same functions on stable Rust with a seeded
//! generator and replays every input kept in `tests/regressions/`. Each takes arbitrary bytes,
//! must not panic, and asserts the invariants the adapters rely on: spans inside the text and on
//! character boundaries, a masked text the length of the original, a rope that mirrors the edits
//! a client sent, configuration errors that point at a real line.

use ropey::Rope;
use std::path::Path;
use std::sync::LazyLock;
use sunting::config::Config;
use sunting::diagnostic::{Diagnostic, Span};
use sunting::document::{Document, LanguageChoice};
use sunting::fix::{apply_fixes, fix_until_stable, FixMode};
use sunting::position::{self, Position, PositionEncoding};
use sunting::prose::{self, DocFormat, OPAQUE, SKIP};
use sunting::{CheckOptions, Language};
use tower_lsp_server::ls_types;

static DEFAULT_CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

/// Format and language from a selector byte: bit 0 the format, bits 1-2 the language.
pub fn options_of(selector: u8) -> (DocFormat, LanguageChoice) {
    let format = if selector & 1 == 0 { DocFormat::Markdown } else { DocFormat::PlainText };
    let forced = match (selector >> 1) % 3 {
        0 => None,
        1 => Some(Language::Id),
        _ => Some(Language::En),
    };
    (format, LanguageChoice { forced, configured: Default::default() })
}

/// A span lies inside `text`, the right way round, with both ends on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what}: span {span:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what}: span {span:?} splits a character");
}

/// What the adapters assume of every diagnostic: sound spans (finding, related, fix edits),
/// edits of one fix that do not overlap, a code and a message, and the engine's order.
pub fn assert_diagnostics_sound(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let what = d.code.as_ref();
        assert!(d.category().is_some() || d.code.contains('/'), "{what}: a code without a category");
        assert!(!d.message.is_empty(), "{what}: an empty message");
        assert_span(text, d.span, what);
        for r in &d.related {
            assert_span(text, r.span, &format!("{what} (related)"));
        }
        for fix in &d.fixes {
            let mut edits: Vec<Span> = fix.edits.iter().map(|e| e.span).collect();
            for e in &edits {
                assert_span(text, *e, &format!("{what} (fix {:?})", fix.title));
            }
            edits.sort();
            for pair in edits.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{what}: fix {:?} has overlapping edits {pair:?}", fix.title);
            }
        }
    }
    for pair in diagnostics.windows(2) {
        assert!((pair[0].span.start, pair[0].span.end) <= (pair[1].span.start, pair[1].span.end), "diagnostics out of order");
    }
}

/// The LSP position of a span's end points round-trips to the same byte (the editor sees the
/// finding where the core put it).
fn assert_positions_round_trip(rope: &Rope, text: &str, byte: usize) {
    // Between the CR and LF of a CRLF is no position of its own.
    if byte > 0 && text.as_bytes()[byte - 1] == b'\r' && text.as_bytes().get(byte) == Some(&b'\n') {
        return;
    }
    for encoding in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
        let pos = position::byte_to_position(rope, byte, encoding);
        assert_eq!(position::position_to_byte(rope, pos, encoding), byte, "{encoding:?} position {pos:?}");
    }
}

/// Segmentation and every check on arbitrary bytes (the first byte picks format and language;
/// invalid UTF-8 is read as `--lossy` reads it). With bit 7 of the selector set, also applies
/// the safe fixes until stable and asserts that they converged.
pub fn check(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (format, mut language) = options_of(selector);
    let options = CheckOptions { format, language, config: &DEFAULT_CONFIG };
    let result = sunting::check(&text, &options);
    assert_diagnostics_sound(&text, &result.diagnostics);
    for note in &result.notes {
        assert_span(&text, note.span, "suppression note");
    }
    let rope = Rope::from_str(&text);
    for d in &result.diagnostics {
        assert_positions_round_trip(&rope, &text, d.span.start);
        assert_positions_round_trip(&rope, &text, d.span.end);
    }
    let (fixed, applied) = apply_fixes(&text, &result.diagnostics, FixMode::IncludeSuggested);
    if applied > 0 {
        assert_diagnostics_sound(&fixed, &sunting::check(&fixed, &options).diagnostics);
        assert_fix_all_edits_land(&text, &fixed);
    }
    if selector & 0x80 != 0 {
        // As `sunting fix` does: the language stays what it was detected as.
        language.forced = Some(result.language);
        let options = CheckOptions { language, ..options };
        let (stable, _) = fix_until_stable(&text, &options, Some(result.diagnostics), FixMode::SafeOnly);
        let after = sunting::check(&stable, &options).diagnostics;
        assert_diagnostics_sound(&stable, &after);
        let (again, applied) = apply_fixes(&stable, &after, FixMode::SafeOnly);
        assert!(applied == 0 || again == stable, "safe fixes did not converge: {stable:?} -> {again:?}");
        assert_fix_all_edits_land(&text, &stable);
    }
}

/// The editor's "fix all": the server sends the difference between the text and its fixed
/// version as protocol edits; applied by the client, they must give the fixed text.
pub fn assert_fix_all_edits_land(text: &str, fixed: &str) {
    let rope = Rope::from_str(text);
    for encoding in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
        let mut client = text.to_string();
        for (span, new_text) in sunting::lsp::convert::diff_edits(text, fixed).into_iter().rev() {
            let range = position::span_to_range(&rope, span.start, span.end, encoding);
            let (start, end) = (position::position_to_byte(&rope, range.start, encoding), position::position_to_byte(&rope, range.end, encoding));
            client.replace_range(start..end, &new_text);
        }
        assert_eq!(client, fixed, "fix-all edits in {encoding:?} went astray");
    }
}

/// Markdown and plain-text masking, tokens and sentences.
pub fn markdown(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (format, language) = options_of(selector);
    let prose = prose::extract(&text, format);
    assert_masking_sound(&text, &prose.masked);
    let mut previous_end = 0;
    for block in &prose.blocks {
        assert_span(&text, block.span, "block");
        assert!(block.span.start >= previous_end, "blocks overlap or are out of order: {:?}", prose.blocks);
        previous_end = block.span.end;
    }
    for e in &prose.emphasis {
        assert_span(&text, *e, "emphasis");
    }

    let doc = Document::new(&text, format, language);
    assert_eq!(doc.block_tokens.len(), doc.blocks.len());
    let mut previous_end = 0;
    for (block, range) in doc.blocks.iter().zip(&doc.block_tokens) {
        assert!(range.start <= range.end && range.end <= doc.tokens.len());
        for token in &doc.tokens[range.clone()] {
            assert_span(&text, token.span, "token");
            assert!(!token.span.is_empty(), "an empty token");
            assert!(block.span.start <= token.span.start && token.span.end <= block.span.end, "a token outside its block");
            assert!(token.span.start >= previous_end, "tokens overlap");
            previous_end = token.span.end;
        }
    }
    for sentence in &doc.sentences {
        assert_span(&text, sentence.span, "sentence");
        assert!(sentence.block < doc.blocks.len());
        assert!(sentence.tokens.start < sentence.tokens.end && sentence.tokens.end <= doc.tokens.len());
        assert_eq!(sentence.span.start, doc.tokens[sentence.tokens.start].span.start);
        assert_eq!(sentence.span.end, doc.tokens[sentence.tokens.end - 1].span.end);
    }
}

/// The masked text keeps every offset: same length, line breaks where they were, and each
/// character either copied whole or replaced whole by marker bytes.
pub fn assert_masking_sound(text: &str, masked: &str) {
    assert_eq!(masked.len(), text.len(), "the masked text changed length");
    let (t, m) = (text.as_bytes(), masked.as_bytes());
    for (i, c) in text.char_indices() {
        let (orig, mask) = (&t[i..i + c.len_utf8()], &m[i..i + c.len_utf8()]);
        if c == '\n' || c == '\r' {
            assert_eq!(orig, mask, "a line break was masked at {i}");
        } else {
            assert!(orig == mask || mask.iter().all(|&b| b == OPAQUE || b == SKIP), "character {c:?} at {i} partly masked: {mask:?}");
        }
    }
}

/// Fragments that make position conversion interesting: multi-byte characters, surrogate
/// pairs, combining marks, every line break LSP knows and a few it does not.
pub const PIECES: &[&str] = &[
    "a", "b", "Kata", " ", "\n", "\r", "\r\n", "\n\n", "é", "e\u{301}", "😀", "👍🏽", "東京", "\u{2028}", "\u{85}", "\u{feff}", "“", "”", "!!", " ,", "\t", "\u{0}",
];

/// A cursor over the fuzzer's bytes; runs dry into zeroes.
pub struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// A small number, sometimes a huge one (an editor's out-of-range position).
    fn coordinate(&mut self) -> u32 {
        match self.byte() {
            255 => u32::MAX,
            254 => 1 << 20,
            b => u32::from(b % 64),
        }
    }
    fn text(&mut self, pieces: usize) -> String {
        (0..pieces).map(|_| PIECES[usize::from(self.byte()) % PIECES.len()]).collect()
    }
}

/// Byte offsets where lines start, as LSP counts them (`\n`, `\r\n`, `\r`): written without
/// ropey, as an oracle for `position.rs`.
fn model_line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => {
                i += 1;
                continue;
            }
        }
        starts.push(i);
    }
    starts
}

/// The byte offset of a position, by the specification, without ropey.
pub fn model_offset(text: &str, pos: Position, encoding: PositionEncoding) -> usize {
    model_offset_in(text, &model_line_starts(text), pos, encoding)
}

fn model_offset_in(text: &str, starts: &[usize], pos: Position, encoding: PositionEncoding) -> usize {
    let line = pos.line as usize;
    let Some(&start) = starts.get(line) else { return text.len() };
    let end = starts.get(line + 1).map_or(text.len(), |&next| {
        let line_text = &text[start..next];
        next - if line_text.ends_with("\r\n") { 2 } else { 1 }
    });
    let content = &text[start..end];
    let column = pos.character as usize;
    match encoding {
        PositionEncoding::Utf8 => {
            let mut col = column.min(content.len());
            while !content.is_char_boundary(col) {
                col -= 1;
            }
            start + col
        }
        PositionEncoding::Utf16 => {
            let mut units = 0;
            for (i, c) in content.char_indices() {
                units += c.len_utf16();
                if units > column {
                    return start + i;
                }
            }
            end
        }
    }
}

/// The position of a byte offset, by the specification, without ropey.
pub fn model_position(text: &str, byte: usize, encoding: PositionEncoding) -> Position {
    model_position_in(text, &model_line_starts(text), byte, encoding)
}

fn model_position_in(text: &str, starts: &[usize], byte: usize, encoding: PositionEncoding) -> Position {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let line = starts.partition_point(|&s| s <= byte) - 1;
    let before = &text[starts[line]..byte];
    let character = match encoding {
        PositionEncoding::Utf8 => before.len(),
        PositionEncoding::Utf16 => before.encode_utf16().count(),
    };
    Position { line: line as u32, character: character as u32 }
}

/// Incremental edits as a client sends them (random ranges, out-of-range and reversed
/// positions, surrogate pairs, CRLF), applied to the language server's rope and to a plain
/// string by the specification: the two must agree, and positions must convert both ways as
/// the oracle says.
pub fn rope_edits(data: &[u8]) {
    let mut input = Bytes(data);
    let encoding = if input.byte() & 1 == 0 { PositionEncoding::Utf16 } else { PositionEncoding::Utf8 };
    let length = usize::from(input.byte() % 48);
    let mut model = input.text(length);
    let uri: ls_types::Uri = "file:///fuzz.md".parse().expect("a URI");
    let initial = model.clone();
    let (mut doc, _trigger) = sunting::lsp::document::Document::new(uri, "markdown".into(), 1, &model, 1);
    let mut version = 1;
    let mut edits = 0;
    while !input.is_empty() && edits < 64 {
        edits += 1;
        let op = input.byte();
        version += i32::from(op & 0x80 == 0);
        let change = if op % 23 == 0 {
            let pieces = usize::from(input.byte() % 16);
            let text = input.text(pieces);
            model = text.clone();
            ls_types::TextDocumentContentChangeEvent { range: None, range_length: None, text }
        } else {
            let start = Position { line: input.coordinate(), character: input.coordinate() };
            let end = if op & 0x40 == 0 { start } else { Position { line: input.coordinate(), character: input.coordinate() } };
            let pieces = usize::from(input.byte() % 6);
            let text = input.text(pieces);
            let (mut a, mut b) = (model_offset(&model, start, encoding), model_offset(&model, end, encoding));
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            model.replace_range(a..b, &text);
            let range = ls_types::Range {
                start: ls_types::Position { line: start.line, character: start.character },
                end: ls_types::Position { line: end.line, character: end.character },
            };
            ls_types::TextDocumentContentChangeEvent { range: Some(range), range_length: None, text }
        };
        doc.apply_changes(version, &[change], encoding);
        assert_eq!(doc.rope.to_string(), model, "the rope and the client's text differ after {edits} edits");
    }
    assert_conversions_match_model(&doc.rope, &model);
    assert_carried_over(&initial, &model, &doc.edits);
}

/// The edits the document logged carry a check of the first text over to the last: every
/// finding that survives covers the same text as before, and the provisional re-diagnosis is
/// sound.
fn assert_carried_over(initial: &str, last: &str, logged: &[(u64, sunting::incremental::TextChange)]) {
    use sunting::incremental::{map_diagnostic, provisional, ChangeLog};
    let mut log = ChangeLog::default();
    for (_, change) in logged {
        log.push(*change);
    }
    let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config: &DEFAULT_CONFIG };
    let before = sunting::check(initial, &options);
    for d in &before.diagnostics {
        if let Some(moved) = map_diagnostic(d, &log) {
            assert_eq!(&initial[d.span.range()], &last[moved.span.range()], "{} carried over the edits onto other text", d.code);
        }
    }
    if let Some(quick) = provisional(&before.diagnostics, before.language, &log, last, &options) {
        assert_diagnostics_sound(last, &quick);
    }
}

/// Every character boundary converts to the oracle's position and back, in both encodings.
pub fn assert_conversions_match_model(rope: &Rope, text: &str) {
    let starts = model_line_starts(text);
    let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]).take(2048);
    for byte in boundaries {
        for encoding in [PositionEncoding::Utf16, PositionEncoding::Utf8] {
            let pos = position::byte_to_position(rope, byte, encoding);
            assert_eq!(pos, model_position_in(text, &starts, byte, encoding), "byte {byte} in {encoding:?}");
            let back = position::position_to_byte(rope, pos, encoding);
            assert_eq!(back, model_offset_in(text, &starts, pos, encoding), "position {pos:?} in {encoding:?}");
            let in_crlf = byte > 0 && text.as_bytes()[byte - 1] == b'\r' && text.as_bytes().get(byte) == Some(&b'\n');
            if !in_crlf {
                assert_eq!(back, byte, "byte {byte} -> {pos:?} -> {back} in {encoding:?}");
            }
        }
    }
}

/// `sunting.toml` parsing, with the files it names (word lists, dictionaries, style files) all
/// read as the part of the input after the first NUL; and the editor's JSON settings.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (config_text, file_text) = text.split_once('\u{0}').unwrap_or((&text, ""));
    let path = Path::new("/fuzz/sunting.toml");
    let read = |_: &Path| -> std::io::Result<String> {
        if file_text.is_empty() {
            Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
        } else {
            Ok(file_text.to_string())
        }
    };
    match Config::parse_with(config_text, path, &read) {
        Ok(config) => {
            // A configuration that loads can check an article.
            let text = "Polisi datang !! ke lokasi yang yang terbakar pukul 1: 00 WIB.\n\nThe the police said.\n";
            let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice { forced: None, configured: config.language }, config: &config };
            assert_diagnostics_sound(text, &sunting::check(text, &options).diagnostics);
        }
        Err(e) => {
            assert!(e.line >= 1 && e.column >= 1, "{e}");
            assert!(!e.message.is_empty(), "{e}");
            let source = if e.path == path { config_text } else { file_text };
            assert!(e.line <= source.split('\n').count(), "{e}: the file has {} lines", source.split('\n').count());
        }
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(config_text) {
        let section = sunting::lsp::settings::Settings::section(&value).unwrap_or(&value);
        let _ = sunting::lsp::settings::Settings::parse(section);
    }
}
