//! Where a very long text is cut into sections that are checked one after another
//! (`engine::check`), so that what a check holds in memory is bounded by the section's
//! size, not the file's. No article a newsroom writes comes near [`SECTION_BYTES`]; texts that do
//! are dumps, logs or attacks. What a section loses is the rest of the file: a figure, a name or a
//! quotation is compared only with those of its own section.
//!
//! Cuts come from the parsed blocks ([`crate::prose::extract`]), never from the raw text: a cut
//! falls between two top-level paragraphs (or headings, titles, captions) separated by a blank
//! line, at the start of the line the second one begins on, where parsing the rest of the text
//! on its own gives the same blocks. A block longer than two sections (a text with no paragraph
//! breaks) is cut inside, after a sentence's end, failing that at a space, failing that not at
//! all: a cut never splits a word.

use crate::prose::{Block, BlockKind};

/// The size past which a text is checked in sections, and about the size of each.
pub const SECTION_BYTES: usize = 512 * 1024;

/// How far past the section size a cut inside a long block is looked for.
const SEARCH_BYTES: usize = 64 * 1024;

/// The start of every section, first `0`, in increasing order; a text of at most
/// `section_bytes` is one section.
pub fn cuts(text: &str, blocks: &[Block], section_bytes: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    if text.len() <= section_bytes {
        return cuts;
    }
    let mut last = 0;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && block.span.start >= last + section_bytes && is_clean_break(text, &blocks[i - 1], block) {
            cuts.push(block.span.start);
            last = block.span.start;
        }
        // A block that alone runs past two sections is cut inside.
        while block.span.end - last.max(block.span.start) > 2 * section_bytes {
            let Some(at) = cut_inside(text, last.max(block.span.start) + section_bytes, block.span.end) else { break };
            cuts.push(at);
            last = at;
        }
    }
    cuts
}

/// Whether `next` starts a new top-level block that the text from its line on parses alone as
/// it does in the whole.
fn is_clean_break(text: &str, previous: &Block, next: &Block) -> bool {
    let top_level = |kind: BlockKind| matches!(kind, BlockKind::Paragraph | BlockKind::Heading | BlockKind::Title | BlockKind::Caption);
    if !top_level(previous.kind) || next.kind != BlockKind::Paragraph {
        return false;
    }
    // The paragraph's prose starts its line: no indentation, no marker or prefix before it.
    let at = next.span.start;
    if at == 0 || text.as_bytes()[at - 1] != b'\n' {
        return false;
    }
    // A blank line between the two.
    let gap = text.get(previous.span.end..at).unwrap_or("");
    gap.split('\n').skip(1).any(|line| line.trim().is_empty()) && gap.matches('\n').count() >= 2
}

/// A cut in `text[from..end]`, searched from `from` on: after a sentence's end and the spaces
/// after it, else after any space; `None` when there is no space within [`SEARCH_BYTES`].
fn cut_inside(text: &str, from: usize, end: usize) -> Option<usize> {
    let mut from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let limit = (from + SEARCH_BYTES).min(end);
    let window = text.get(from..limit)?;
    let after_space = |i: usize| {
        let rest = &window[i..];
        let spaces = rest.len() - rest.trim_start().len();
        (spaces > 0 && spaces < rest.len()).then_some(from + i + spaces)
    };
    let sentence_end = window
        .char_indices()
        .filter(|&(_, c)| matches!(c, '.' | '!' | '?'))
        .find_map(|(i, c)| after_space(i + c.len_utf8()));
    sentence_end.or_else(|| window.char_indices().filter(|&(_, c)| c.is_whitespace()).find_map(|(i, _)| after_space(i)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prose::{extract, DocFormat};

    fn cut(text: &str, format: DocFormat, size: usize) -> Vec<usize> {
        cuts(text, &extract(text, format).blocks, size)
    }

    #[test]
    fn a_short_text_is_one_section() {
        assert_eq!(cut("Satu.\n\nDua.\n", DocFormat::Markdown, 1000), vec![0]);
    }

    #[test]
    fn paragraphs_are_cut_at_the_line_after_a_blank_one() {
        let text = "Paragraf pertama di sini.\n\nParagraf kedua di sini.\n\nParagraf ketiga di sini.\n";
        let cuts = cut(text, DocFormat::Markdown, 20);
        assert_eq!(cuts, vec![0, 27, 52]);
        for &c in &cuts[1..] {
            assert!(text[..c].ends_with("\n\n"), "{c}");
        }
        assert_eq!(cut(text, DocFormat::PlainText, 20), cuts);
    }

    #[test]
    fn lists_quotes_code_and_footnotes_are_never_cut() {
        let text = "Awal paragraf.\n\n- butir satu\n\n- butir dua\n\n> kutipan satu\n\n> kutipan dua\n\n```\nkode\n\nkode\n```\n\n[^1]: catatan kaki\n\nAkhir.\n";
        let cuts = cut(text, DocFormat::Markdown, 20);
        // Only before the last paragraph: every other block is in a list, a quotation, code or
        // a footnote, or follows one that the paragraph could continue.
        assert_eq!(cuts, vec![0, text.find("Akhir.").unwrap()]);
    }

    #[test]
    fn one_long_paragraph_is_cut_after_a_sentence_and_never_inside_a_word() {
        let text = "Polisi datang ke lokasi , kata dia . ".repeat(200);
        let cuts = cut(&text, DocFormat::PlainText, 500);
        assert!(cuts.len() > 5, "{cuts:?}");
        for w in cuts.windows(2) {
            assert!(w[0] < w[1]);
        }
        for &c in &cuts[1..] {
            assert!(text[..c].ends_with(". "), "{c}");
        }
        let words = "kata".repeat(400) + " " + &"kata".repeat(400);
        let cuts = cut(&words, DocFormat::PlainText, 100);
        for &c in &cuts[1..] {
            assert!(words[..c].ends_with(' '), "{c}");
        }
        assert_eq!(cut(&"x".repeat(5000), DocFormat::PlainText, 100), vec![0]);
        let accents = "é".repeat(3000) + " é";
        for &c in &cut(&accents, DocFormat::PlainText, 101)[1..] {
            assert!(accents.is_char_boundary(c));
        }
    }
}
