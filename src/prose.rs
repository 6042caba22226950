//! What in a file is prose. Markdown is parsed with pulldown-cmark; plain text is split on blank
//! lines. Either way the result keeps the file's byte offsets: a copy of the text of the same
//! length in which every byte that is not prose is replaced by a marker byte.

use crate::diagnostic::Span;
use crate::language::Language;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::sync::LazyLock;

/// Stands for bytes that are not prose but occupy room in a sentence (inline code, a URL, HTML):
/// checks treat a run of them as one opaque word.
pub const OPAQUE: u8 = 0x1A;
/// Stands for markup that is transparent to prose (emphasis markers, link brackets, list bullets).
pub const SKIP: u8 = 0x1F;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocFormat {
    #[default]
    Markdown,
    PlainText,
}

impl DocFormat {
    /// By file extension: `.txt` is plain text, anything else Markdown.
    pub fn from_path(path: &str) -> DocFormat {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".txt") || lower.ends_with(".text") {
            DocFormat::PlainText
        } else {
            DocFormat::Markdown
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Paragraph,
    /// The first line of a plain-text article without closing punctuation: its headline.
    Title,
    Heading,
    ListItem,
    /// A paragraph inside a Markdown block quote.
    BlockQuote,
    TableCell,
    /// A photo caption, credit, byline or dateline standing on its own.
    Caption,
}

impl BlockKind {
    /// Running prose, where sentence-level rules apply in full.
    pub fn is_running_text(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::BlockQuote)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Default)]
pub struct Prose {
    /// The text with non-prose bytes replaced by [`OPAQUE`] or [`SKIP`]; line breaks are kept.
    pub masked: String,
    pub blocks: Vec<Block>,
    /// Emphasised prose (`*publishing*`): how Markdown marks a foreign word as foreign.
    pub emphasis: Vec<Span>,
    /// `lang:` or `language:` from the front matter.
    pub front_matter_language: Option<Language>,
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]{}]*[^\s<>()\[\]{}.,;:!?'\x22’”]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|co\.id|go\.id|ac\.id|or\.id|io|gov|edu|uk|info|news|tv)(?:/[^\s<>()\[\]{}]*[^\s<>()\[\]{}.,;:!?'\x22’”])?\b",
    )
    .expect("URL pattern")
});

/// The byte length of a YAML (`---`) or TOML (`+++`) front matter block at the very start.
pub(crate) fn front_matter_len(text: &str) -> usize {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    for fence in ["---", "+++"] {
        let mut lines = text[bom..].split_inclusive('\n');
        match lines.next() {
            Some(first) if first.trim_end() == fence => {
                let mut offset = bom + first.len();
                for line in lines {
                    offset += line.len();
                    if line.trim_end() == fence {
                        return offset;
                    }
                }
            }
            _ => {}
        }
    }
    0
}

fn front_matter_language(front: &str) -> Option<Language> {
    front.lines().find_map(|line| {
        let (key, value) = line.split_once(['=', ':'])?;
        let key = key.trim().to_ascii_lowercase();
        if key == "lang" || key == "language" {
            Language::parse(value.trim().trim_matches(['"', '\'']))
        } else {
            None
        }
    })
}

/// A `lang:` or `language:` of the front matter that names no language sunting checks (`fr`),
/// with the value's span, when no such key names one it does: the article is then checked in
/// another language, and the caller says so instead of ignoring the key silently.
pub fn unsupported_front_matter_language(text: &str) -> Option<(Span, String)> {
    let front = front_matter_len(text);
    let mut unsupported = None;
    let mut offset = 0;
    for line in text[..front].split_inclusive('\n') {
        if let Some(sep) = line.find(['=', ':']) {
            let key = line[..sep].trim().to_ascii_lowercase();
            let value = line[sep + 1..].trim().trim_matches(['"', '\'']).trim();
            if key == "lang" || key == "language" {
                if Language::parse(value).is_some() {
                    return None;
                }
                if unsupported.is_none() && !value.is_empty() {
                    let start = offset + sep + 1 + line[sep + 1..].find(value).unwrap_or(0);
                    unsupported = Some((Span::new(start, start + value.len()), value.to_string()));
                }
            }
        }
        offset += line.len();
    }
    unsupported
}

struct Masker {
    bytes: Vec<u8>,
}

impl Masker {
    fn new(text: &str) -> Self {
        // Start with everything masked as transparent markup; prose is copied in.
        let bytes = text
            .bytes()
            .map(|b| if b == b'\n' || b == b'\r' { b } else { SKIP })
            .collect();
        Masker { bytes }
    }
    fn prose(&mut self, text: &str, span: Span) {
        self.bytes[span.range()].copy_from_slice(&text.as_bytes()[span.range()]);
    }
    fn opaque(&mut self, text: &str, span: Span) {
        for (i, b) in text.as_bytes()[span.range()].iter().enumerate() {
            if *b != b'\n' && *b != b'\r' {
                self.bytes[span.start + i] = OPAQUE;
            }
        }
    }
    fn finish(self) -> String {
        // Only whole characters were copied or replaced by ASCII bytes.
        String::from_utf8(self.bytes).unwrap_or_default()
    }
}

/// Whether [`URL`] can match in `text`: every match holds `://`, `www.`, `@`, or a dot before
/// the first letter of a listed top-level domain. Most paragraphs hold none, and the regex,
/// with Unicode word boundaries over text with curly quotes, costs hundreds of instructions a
/// byte, so they are not searched. (Conservative: a dot before any non-ASCII letter counts.)
fn may_hold_url(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A domain's dot before a letter that starts a top-level domain (or a non-ASCII byte), or
    // `www.`: found from the dots alone, which are few (every paragraph of an article asks).
    let dot_of_a_domain = |i: usize| {
        bytes.get(i + 1).is_some_and(|&next| !next.is_ascii() || matches!(next.to_ascii_lowercase(), b'a' | b'c' | b'e' | b'g' | b'i' | b'n' | b'o' | b't' | b'u'))
            || i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www")
    };
    text.contains("://") || text.contains('@') || text.match_indices('.').any(|(i, _)| dot_of_a_domain(i))
}

/// Mask URLs and e-mail addresses that sit in prose.
fn mask_urls(text: &str, masker: &mut Masker, within: Span) {
    if !may_hold_url(&text[within.range()]) {
        return;
    }
    for m in URL.find_iter(&text[within.range()]) {
        masker.opaque(text, Span::new(within.start + m.start(), within.start + m.end()));
    }
}

pub fn extract(text: &str, format: DocFormat) -> Prose {
    let front = front_matter_len(text);
    let mut masker = Masker::new(text);
    if front > 0 {
        masker.opaque(text, Span::new(0, front));
    }
    let front_matter_language = front_matter_language(&text[..front]);
    let (mut blocks, emphasis) = match format {
        DocFormat::Markdown => markdown_blocks(text, front, &mut masker),
        DocFormat::PlainText => (plain_blocks(text, front, &mut masker), Vec::new()),
    };
    let masked = masker.finish();
    classify_loose_paragraphs(&masked, &mut blocks, format);
    Prose { masked, blocks, emphasis, front_matter_language }
}

fn plain_blocks(text: &str, start: usize, masker: &mut Masker) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut para_end = start;
    let mut offset = start;
    let flush = |from: Option<usize>, to: usize, blocks: &mut Vec<Block>| {
        if let Some(from) = from {
            blocks.push(Block { span: Span::new(from, to), kind: BlockKind::Paragraph });
        }
    };
    for line in text[start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let line_span = Span::new(offset, offset + content.len());
        if content.trim().is_empty() {
            flush(para_start.take(), para_end, &mut blocks);
        } else {
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            let is_bullet = bullet_len(trimmed).is_some();
            if is_bullet {
                // A bulleted line is a list item of its own.
                flush(para_start.take(), para_end, &mut blocks);
                let bullet = bullet_len(trimmed).unwrap_or(0);
                let item_start = offset + lead + bullet;
                let item_end = offset + lead + trimmed.len();
                masker.prose(text, Span::new(item_start, item_end));
                if item_start < item_end {
                    blocks.push(Block { span: Span::new(item_start, item_end), kind: BlockKind::ListItem });
                }
            } else {
                masker.prose(text, line_span);
                para_start.get_or_insert(offset + lead);
                para_end = offset + lead + trimmed.len();
            }
        }
        offset += line.len();
    }
    flush(para_start.take(), para_end, &mut blocks);
    for block in &blocks {
        mask_urls(text, masker, block.span);
    }
    blocks
}

/// The length of a plain-text list bullet (`- `, `* `, `• `, `1. `, `2) `) at the start of a line.
fn bullet_len(line: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "• ", "– "] {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(digits + 2);
        }
    }
    None
}

fn markdown_blocks(text: &str, start: usize, masker: &mut Masker) -> (Vec<Block>, Vec<Span>) {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    options.insert(Options::ENABLE_MATH);
    let source = &text[start..];
    let parser = Parser::new_ext(source, options).into_offset_iter();

    let mut blocks = Vec::new();
    let mut emphasis = Vec::new();
    let mut emphasis_starts: Vec<usize> = Vec::new();
    // The block being gathered: (kind, first prose byte, last prose byte).
    let mut current: Option<(BlockKind, usize, usize)> = None;
    let mut heading = 0usize;
    let mut table_cell = 0usize;
    let mut item = 0usize;
    let mut quote = 0usize;
    let mut opaque_depth = 0usize; // inside an image or an autolink
    let mut code_block = 0usize; // inside a fenced or indented code block or metadata
    let flush = |current: &mut Option<(BlockKind, usize, usize)>, blocks: &mut Vec<Block>| {
        if let Some((kind, s, e)) = current.take()
            && s < e {
                blocks.push(Block { span: Span::new(s, e), kind });
            }
    };

    for (event, range) in parser {
        let span = Span::new(range.start + start, range.end + start);
        let kind_now = if heading > 0 {
            BlockKind::Heading
        } else if table_cell > 0 {
            BlockKind::TableCell
        } else if item > 0 {
            BlockKind::ListItem
        } else if quote > 0 {
            BlockKind::BlockQuote
        } else {
            BlockKind::Paragraph
        };
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                    flush(&mut current, &mut blocks);
                    code_block += 1;
                }
                Tag::Paragraph | Tag::HtmlBlock | Tag::List(_) | Tag::Table(_) | Tag::TableRow | Tag::TableHead | Tag::FootnoteDefinition(_) | Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                    flush(&mut current, &mut blocks)
                }
                Tag::Heading { .. } => {
                    flush(&mut current, &mut blocks);
                    heading += 1;
                }
                Tag::BlockQuote(_) => {
                    flush(&mut current, &mut blocks);
                    quote += 1;
                }
                Tag::Item => {
                    flush(&mut current, &mut blocks);
                    item += 1;
                }
                Tag::TableCell => {
                    flush(&mut current, &mut blocks);
                    table_cell += 1;
                }
                Tag::Emphasis => emphasis_starts.push(span.start),
                Tag::Image { .. } => {
                    masker.opaque(text, span);
                    opaque_depth += 1;
                }
                Tag::Link { link_type, .. } => {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        masker.opaque(text, span);
                        opaque_depth += 1;
                    }
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    flush(&mut current, &mut blocks);
                    heading = heading.saturating_sub(1);
                }
                TagEnd::BlockQuote(_) => {
                    flush(&mut current, &mut blocks);
                    quote = quote.saturating_sub(1);
                }
                TagEnd::Item => {
                    flush(&mut current, &mut blocks);
                    item = item.saturating_sub(1);
                }
                TagEnd::TableCell => {
                    flush(&mut current, &mut blocks);
                    table_cell = table_cell.saturating_sub(1);
                }
                TagEnd::Paragraph => flush(&mut current, &mut blocks),
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => code_block = code_block.saturating_sub(1),
                TagEnd::Emphasis => {
                    if let Some(s) = emphasis_starts.pop() {
                        emphasis.push(Span::new(s, span.end));
                    }
                }
                TagEnd::Image => opaque_depth = opaque_depth.saturating_sub(1),
                TagEnd::Link
                    // Autolinks were counted at their start; plain links were not.
                    if opaque_depth > 0 && masker.bytes.get(span.start) == Some(&OPAQUE) => {
                        opaque_depth -= 1;
                    }
                _ => {}
            },
            Event::Text(_) if opaque_depth == 0 && code_block == 0 => {
                masker.prose(text, span);
                mask_urls(text, masker, span);
                let entry = current.get_or_insert((kind_now, span.start, span.end));
                entry.2 = span.end;
            }
            Event::Code(_) | Event::InlineHtml(_) | Event::InlineMath(_) | Event::FootnoteReference(_) => {
                masker.opaque(text, span);
                if let Some(entry) = current.as_mut() {
                    entry.2 = span.end;
                } else {
                    current = Some((kind_now, span.start, span.end));
                }
            }
            // Block-level code, HTML and math stay masked as markup and split blocks.
            Event::Html(_) | Event::DisplayMath(_) | Event::Rule => flush(&mut current, &mut blocks),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    (blocks, emphasis)
}

/// Plain-text paragraphs (and Markdown ones) that stand alone without closing punctuation are
/// often a headline, a subhead, a byline, a dateline or a caption: give them a kind so that
/// sentence rules leave them alone.
fn classify_loose_paragraphs(masked: &str, blocks: &mut [Block], format: DocFormat) {
    for (index, block) in blocks.iter_mut().enumerate() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let body = masked[block.span.range()].trim_matches(|c: char| c.is_whitespace() || c == SKIP as char);
        let single_line = !body.contains('\n');
        let last = body.chars().last().unwrap_or('.');
        let closed = ".!?…:;\"”’)»".contains(last);
        // The openings below are at most 15 letters: lower-casing more of a long paragraph is waste.
        let opening = body.char_indices().nth(16).map_or(body, |(end, _)| &body[..end]);
        let lower = opening.to_lowercase();
        if ["foto:", "photo:", "caption:", "keterangan foto", "editor:", "penulis:", "reporter:", "oleh:", "by:", "sumber:", "source:", "baca juga", "read more"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            block.kind = BlockKind::Caption;
            continue;
        }
        if closed || !single_line {
            continue;
        }
        if index == 0 && format == DocFormat::PlainText {
            block.kind = BlockKind::Title;
        } else if is_title_case(body) || body.split_whitespace().count() <= 3 {
            block.kind = BlockKind::Heading;
        }
    }
}

/// Most words capitalised, as in a headline.
pub fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic) && w.chars().count() > 3)
        .collect();
    if words.is_empty() {
        return true;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
        .count();
    capitalised * 10 >= words.len() * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsupported_front_matter_language_is_found_with_its_span() {
        let text = "---\ntitle: x\nlanguage: \"fr-FR\"\n---\nTeks.\n";
        let (span, code) = unsupported_front_matter_language(text).unwrap();
        assert_eq!((&text[span.start..span.end], code.as_str()), ("fr-FR", "fr-FR"));
        assert_eq!(unsupported_front_matter_language("+++\nlang = 'de'\n+++\n").map(|(_, c)| c), Some("de".to_string()));
        // A supported one anywhere in the front matter wins; outside front matter, or empty, nothing.
        assert_eq!(unsupported_front_matter_language("---\nlang: fr\nlanguage: en\n---\n"), None);
        assert_eq!(unsupported_front_matter_language("---\nlang: id\n---\n"), None);
        assert_eq!(unsupported_front_matter_language("---\nlang:\n---\n"), None);
        assert_eq!(unsupported_front_matter_language("lang: fr\n"), None);
        assert_eq!(unsupported_front_matter_language("---\nlang: fr\n"), None);
    }

    /// [`may_hold_url`] as first written: a pass over every pair and run of four bytes.
    fn may_hold_url_by_windows(text: &str) -> bool {
        let bytes = text.as_bytes();
        text.contains("://")
            || text.contains('@')
            || bytes.windows(2).any(|w| w[0] == b'.' && (!w[1].is_ascii() || matches!(w[1].to_ascii_lowercase(), b'a' | b'c' | b'e' | b'g' | b'i' | b'n' | b'o' | b't' | b'u')))
            || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
    }

    proptest::proptest! {
        #[test]
        fn url_screening_finds_what_the_byte_windows_found(text in "(w|W|\\.|a|x|0| |:|/|@|é){0,40}") {
            proptest::prop_assert_eq!(may_hold_url(&text), may_hold_url_by_windows(&text));
        }
    }

    fn prose_of(text: &str, format: DocFormat) -> Vec<String> {
        let p = extract(text, format);
        assert_eq!(p.masked.len(), text.len());
        p.blocks.iter().map(|b| p.masked[b.span.range()].to_string()).collect()
    }

    #[test]
    fn the_url_prefilter_never_skips_a_url() {
        for text in [
            "lihat https://kompas.id/baca ini", "surel redaksi@kompas.com", "situs www.Example.org", "WWW.X.Y",
            "buka detik.com sekarang", "bps.go.id", "KPU.GO.ID", "a.io", "x.tv/abc", "http://x", "ftp://a.b",
            "warga.newſ", "site.\u{212a}om", "Jalan Sudirman No. 5.", "Rp 2,5 triliun.", "U.S. officials said.", "“Ya,” katanya.",
        ] {
            if URL.is_match(text) {
                assert!(may_hold_url(text), "{text}");
            }
        }
        assert!(!may_hold_url("Pemerintah kota menyatakan bahwa proyek itu selesai. “Ya,” kata dia. U.S. officials said 2.5 percent."));
    }

    #[test]
    fn markdown_code_html_and_link_targets_are_not_prose() {
        let text = "# Judul\n\nLihat `kode` dan <b>tebal</b> di [situs](https://x.id/a) ini.\n\n```\nfn main() {}\n```\n";
        let p = extract(text, DocFormat::Markdown);
        assert_eq!(p.blocks.len(), 2);
        assert_eq!(p.blocks[0].kind, BlockKind::Heading);
        let para = &p.masked[p.blocks[1].span.range()];
        assert!(para.starts_with("Lihat \x1a\x1a\x1a\x1a\x1a\x1a dan \x1a\x1a\x1a"), "{para:?}");
        assert!(!para.contains("https"));
        assert!(!p.masked.contains("fn main"));
    }

    #[test]
    fn front_matter_is_masked_and_read() {
        let text = "---\ntitle: Banjir\nlang: en\n---\nThe flood.\n";
        let p = extract(text, DocFormat::Markdown);
        assert_eq!(p.front_matter_language, Some(Language::En));
        assert!(!p.masked.contains("title"));
        assert_eq!(prose_of(text, DocFormat::Markdown), vec!["The flood."]);
    }

    #[test]
    fn plain_text_blocks_and_title() {
        let text = "Banjir Terjang Padang\n\nHujan turun.\nLalu banjir.\n\n- satu\n- dua\n";
        let p = extract(text, DocFormat::PlainText);
        let kinds: Vec<_> = p.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, vec![BlockKind::Title, BlockKind::Paragraph, BlockKind::ListItem, BlockKind::ListItem]);
        assert_eq!(&text[p.blocks[1].span.range()], "Hujan turun.\nLalu banjir.");
    }

    #[test]
    fn urls_and_emails_in_prose_are_opaque() {
        let text = "Kirim ke redaksi@contoh.co.id atau buka https://contoh.id/berita?id=1.\n";
        let p = extract(text, DocFormat::PlainText);
        assert!(!p.masked.contains("redaksi"));
        assert!(!p.masked.contains("contoh.id"));
        assert!(p.masked.trim_end().ends_with('.'), "{:?}", p.masked);
    }

    #[test]
    fn emphasis_is_recorded() {
        let text = "dalam sebuah *publishing* di platform\n";
        let p = extract(text, DocFormat::Markdown);
        assert_eq!(p.emphasis.len(), 1);
        assert_eq!(&text[p.emphasis[0].range()], "*publishing*");
    }
}
