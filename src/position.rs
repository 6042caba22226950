//! Byte offsets <-> LSP positions, over a `ropey` rope.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP (ropey is built with only `cr_lines`, so
//! U+2028, U+0085 and friends are not line breaks). Columns count UTF-16 code units by default,
//! or bytes when the client negotiated UTF-8.

use ropey::Rope;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    Utf8,
    #[default]
    Utf16,
}

/// A 0-based line and column, as in LSP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// Clamp a byte offset to the document and back onto a character boundary.
pub fn clamp_to_char_boundary(rope: &Rope, byte: usize) -> usize {
    let byte = byte.min(rope.len_bytes());
    // A rope's chunks are whole strings, so the boundary is found inside one chunk.
    let (chunk, chunk_start, _, _) = rope.chunk_at_byte(byte);
    let mut offset = byte - chunk_start;
    while offset > 0 && !chunk.is_char_boundary(offset) {
        offset -= 1;
    }
    chunk_start + offset
}

/// The LSP position of a byte offset. Offsets past the end map to the end; offsets inside a
/// character map to that character's start.
pub fn byte_to_position(rope: &Rope, byte: usize, encoding: PositionEncoding) -> Position {
    let byte = clamp_to_char_boundary(rope, byte);
    let line = rope.byte_to_line(byte);
    let line_start_byte = rope.line_to_byte(line);
    let character = match encoding {
        PositionEncoding::Utf8 => byte - line_start_byte,
        // Near the line's start, counted along the line's text: a report converts thousands of
        // positions, and asking the rope for characters and code units walks its tree four
        // times. Farther in, the rope's indices answer in O(log n): counting from the line's
        // start made a long line with many findings quadratic (a 3.6 MB line took 35 s).
        PositionEncoding::Utf16 if byte - line_start_byte <= COUNT_ALONG_LINE => utf16_len(rope.byte_slice(line_start_byte..byte)),
        PositionEncoding::Utf16 => {
            crate::work::count(1);
            rope.char_to_utf16_cu(rope.byte_to_char(byte)) - rope.char_to_utf16_cu(rope.byte_to_char(line_start_byte))
        }
    };
    Position { line: line as u32, character: character as u32 }
}

/// How far into a line a UTF-16 column is counted along the text rather than by the rope's
/// indices (a bounded walk: see [`byte_to_position`]).
const COUNT_ALONG_LINE: usize = 512;

fn utf16_len(slice: ropey::RopeSlice<'_>) -> usize {
    crate::work::count(slice.len_bytes());
    slice.chunks().map(|chunk| if chunk.is_ascii() { chunk.len() } else { chunk.encode_utf16().count() }).sum()
}

pub fn span_to_range(rope: &Rope, start: usize, end: usize, encoding: PositionEncoding) -> Range {
    Range {
        start: byte_to_position(rope, start, encoding),
        end: byte_to_position(rope, end, encoding),
    }
}

/// Length in bytes of line `line` without its line break.
fn line_content_bytes(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let len = slice.len_bytes();
    let last = (len >= 1).then(|| slice.byte(len - 1));
    let before_last = (len >= 2).then(|| slice.byte(len - 2));
    match (before_last, last) {
        (Some(b'\r'), Some(b'\n')) => len - 2,
        (_, Some(b'\n' | b'\r')) => len - 1,
        _ => len,
    }
}

/// The byte offset of an LSP position. As the LSP specification asks, a column past the end of
/// its line means the end of that line and a line past the end means the end of the document.
/// A column inside a surrogate pair or a multi-byte character moves to that character's start.
pub fn position_to_byte(rope: &Rope, pos: Position, encoding: PositionEncoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let line_start = rope.line_to_byte(line);
    let content = line_content_bytes(rope, line);
    match encoding {
        PositionEncoding::Utf8 => {
            let col = (pos.character as usize).min(content);
            clamp_to_char_boundary(rope, line_start + col)
        }
        PositionEncoding::Utf16 => {
            let line_start_char = rope.byte_to_char(line_start);
            let line_end_char = rope.byte_to_char(line_start + content);
            let base = rope.char_to_utf16_cu(line_start_char);
            let max = rope.char_to_utf16_cu(line_end_char) - base;
            let cu = (pos.character as usize).min(max);
            // utf16_cu_to_char rounds down inside a surrogate pair.
            let ch = rope.utf16_cu_to_char(base + cu);
            rope.char_to_byte(ch)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip_all(text: &str, enc: PositionEncoding) {
        let rope = Rope::from_str(text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            // Between the CR and LF of a CRLF is no position of its own.
            if byte > 0 && text[..byte].ends_with('\r') && text[byte..].starts_with('\n') {
                continue;
            }
            let pos = byte_to_position(&rope, byte, enc);
            assert_eq!(position_to_byte(&rope, pos, enc), byte, "{text:?} at {byte} ({pos:?})");
        }
    }

    /// The position by the rope's own indices of characters and UTF-16 code units.
    fn by_rope_indices(rope: &Rope, byte: usize) -> Position {
        let byte = rope.char_to_byte(rope.byte_to_char(byte.min(rope.len_bytes())));
        let line = rope.byte_to_line(byte);
        let character = rope.char_to_utf16_cu(rope.byte_to_char(byte)) - rope.char_to_utf16_cu(rope.line_to_char(line));
        Position { line: line as u32, character: character as u32 }
    }

    /// Every byte asked for converts as the rope's own character indices say.
    fn agrees_with_the_ropes_indices(text: &str, bytes: &[usize]) -> Result<(), proptest::test_runner::TestCaseError> {
        let rope = Rope::from_str(text);
        for &byte in bytes {
            proptest::prop_assert_eq!(byte_to_position(&rope, byte, PositionEncoding::Utf16), by_rope_indices(&rope, byte), "byte {}", byte);
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn utf16_positions_agree_with_the_ropes_indices(text in "(a|bc|\\r|\\n|\\r\\n|é|語|😀|\u{2028}| ){0,1500}", bytes in proptest::collection::vec(0usize..6000, 1..20)) {
            // Long enough for a rope of several chunks.
            agrees_with_the_ropes_indices(&text, &bytes)?;
        }

        /// Long lines: far from the line's start a column comes from the rope's indices.
        #[test]
        fn utf16_positions_on_long_lines_agree_with_the_ropes_indices(text in "(a|bc|é|語|😀|\u{2028}| ){300,1200}(\\r\\n|\\n|\\r)(a|é|😀| ){0,900}", bytes in proptest::collection::vec(0usize..9000, 1..20)) {
            agrees_with_the_ropes_indices(&text, &bytes)?;
        }
    }

    #[test]
    fn a_long_line_costs_no_walk_from_its_start() {
        // Converting every word's position on one line walked it from its start each time (D16).
        let line = "Polisi datang ke lokasi, kata dia. ".repeat(4_000);
        let rope = Rope::from_str(&line);
        let steps = |n: usize| {
            crate::work::take();
            for byte in (0..n).map(|k| k * 35) {
                byte_to_position(&rope, byte, PositionEncoding::Utf16);
            }
            crate::work::take()
        };
        let (half, whole) = (steps(2_000), steps(4_000));
        assert!(whole <= 3 * half, "{half} -> {whole}");
    }

    #[test]
    fn ascii_lines() {
        let rope = Rope::from_str("ab\ncd");
        assert_eq!(byte_to_position(&rope, 4, PositionEncoding::Utf16), Position { line: 1, character: 1 });
        roundtrip_all("ab\ncd\n", PositionEncoding::Utf16);
    }

    #[test]
    fn emoji_counts_two_utf16_units() {
        let text = "a😀b";
        let rope = Rope::from_str(text);
        let b = text.find('b').unwrap();
        assert_eq!(byte_to_position(&rope, b, PositionEncoding::Utf16).character, 3);
        assert_eq!(byte_to_position(&rope, b, PositionEncoding::Utf8).character, 5);
        // A column between the two surrogates falls back to the emoji's start.
        assert_eq!(position_to_byte(&rope, Position { line: 0, character: 2 }, PositionEncoding::Utf16), 1);
        roundtrip_all(text, PositionEncoding::Utf16);
        roundtrip_all(text, PositionEncoding::Utf8);
    }

    #[test]
    fn cjk_and_combining_marks() {
        let text = "東京 e\u{301}te\n日本";
        let rope = Rope::from_str(text);
        let t = text.find('t').unwrap();
        // 東, 京, space, e, combining acute: five UTF-16 units.
        assert_eq!(byte_to_position(&rope, t, PositionEncoding::Utf16).character, 5);
        roundtrip_all(text, PositionEncoding::Utf16);
        roundtrip_all(text, PositionEncoding::Utf8);
    }

    #[test]
    fn crlf_and_lone_cr_break_lines() {
        let text = "a\r\nb\rc\nd";
        let rope = Rope::from_str(text);
        assert_eq!(byte_to_position(&rope, text.find('b').unwrap(), PositionEncoding::Utf16), Position { line: 1, character: 0 });
        assert_eq!(byte_to_position(&rope, text.find('c').unwrap(), PositionEncoding::Utf16), Position { line: 2, character: 0 });
        assert_eq!(byte_to_position(&rope, text.find('d').unwrap(), PositionEncoding::Utf16), Position { line: 3, character: 0 });
        // Past the end of line 0 means its end, before the CRLF.
        assert_eq!(position_to_byte(&rope, Position { line: 0, character: 99 }, PositionEncoding::Utf16), 1);
        roundtrip_all(text, PositionEncoding::Utf16);
    }

    #[test]
    fn line_separator_is_not_a_line_break() {
        let text = "a\u{2028}b\u{85}c";
        let rope = Rope::from_str(text);
        let c = text.find('c').unwrap();
        assert_eq!(byte_to_position(&rope, c, PositionEncoding::Utf16), Position { line: 0, character: 4 });
        roundtrip_all(text, PositionEncoding::Utf16);
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let rope = Rope::from_str("ab\ncd");
        assert_eq!(position_to_byte(&rope, Position { line: 7, character: 0 }, PositionEncoding::Utf16), 5);
        assert_eq!(byte_to_position(&rope, 99, PositionEncoding::Utf16), Position { line: 1, character: 2 });
        // A byte offset inside a multi-byte character maps to its start.
        let rope = Rope::from_str("é");
        assert_eq!(byte_to_position(&rope, 1, PositionEncoding::Utf8).character, 0);
    }
}
