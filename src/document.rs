//! A document analysed once for every rule: prose blocks, tokens and sentences, all with byte
//! spans into the original text.

use crate::diagnostic::Span;
use crate::language::{self, Language, LanguageSetting};
use crate::prose::{self, Block, BlockKind, DocFormat, OPAQUE, SKIP};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with inner hyphens and apostrophes: `orang-orang`, `don't`, `COVID-19`, `U.S.`.
    Word,
    /// Digits with inner separators: `1.500`, `2,5`, `14:30`.
    Number,
    /// A single character that is neither letter, digit nor space.
    Punct,
    /// `@handle` or `#hashtag`.
    Handle,
    /// Something that is not prose but stands in the sentence: inline code, a URL, HTML.
    Opaque,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// White space (not only markup) separates this token from the previous one in its block.
    pub space_before: bool,
    /// A line break separates this token from the previous one in its block.
    pub line_break_before: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub block: usize,
}

/// How the language of a document was settled, strongest first.
#[derive(Debug, Clone, Copy, Default)]
pub struct LanguageChoice {
    /// `--language` on the command line or the editor's explicit choice.
    pub forced: Option<Language>,
    /// `language` in `sunting.toml`.
    pub configured: LanguageSetting,
}

impl LanguageChoice {
    /// The article's language: forced, else its front matter's, else the configured one, else
    /// detected from its prose, else Indonesian.
    pub fn resolve(&self, prose: &prose::Prose) -> Language {
        self.forced
            .or(prose.front_matter_language)
            .or(match self.configured {
                LanguageSetting::Fixed(l) => Some(l),
                LanguageSetting::Auto => None,
            })
            .or_else(|| language::detect(&prose.masked))
            .unwrap_or(Language::Id)
    }
}

#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub format: DocFormat,
    pub language: Language,
    /// The text with non-prose bytes masked (see [`prose`]); same length as `text`.
    pub masked: String,
    pub blocks: Vec<Block>,
    /// For each block, its range in `tokens`.
    pub block_tokens: Vec<Range<usize>>,
    pub tokens: Vec<Token>,
    /// Each token in lower case, made once for every rule that reads words case-blind
    /// ([`Self::token_lower`]).
    lower: LowerTokens,
    pub sentences: Vec<Sentence>,
    pub emphasis: Vec<Span>,
}

/// The tokens in lower case, one after another in one buffer: four bytes a token and a byte
/// a letter. (A `Cow` per token took 24 bytes, and an allocation for each capitalised word.)
#[derive(Debug, Default)]
struct LowerTokens {
    /// Where each token's lower case ends in `buffer`; it starts where the previous one ends.
    ends: Vec<u32>,
    buffer: String,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str, format: DocFormat, choice: LanguageChoice) -> Self {
        let mut doc = Document::blocks_only(text, format, choice);
        let all = vec![true; doc.blocks.len()];
        doc.tokenize(&all);
        doc.lower_tokens();
        doc.split_sentences();
        // A long article's token list grew by doubling: give the unused part back before the
        // rules allocate their own (a shrink in place for allocations this large).
        doc.tokens.shrink_to_fit();
        doc.sentences.shrink_to_fit();
        doc
    }

    /// The document with only the blocks that overlap or touch a span of `around` tokenised
    /// (the others have no tokens or sentences), and which blocks those are: what the
    /// paragraph-scoped rules need to re-check an edited article.
    pub fn around(text: &'a str, format: DocFormat, choice: LanguageChoice, around: &[Span]) -> (Self, Vec<bool>) {
        let mut doc = Document::blocks_only(text, format, choice);
        let focus: Vec<bool> = doc.blocks.iter().map(|b| around.iter().any(|a| b.span.start <= a.end && a.start <= b.span.end)).collect();
        doc.tokenize(&focus);
        doc.lower_tokens();
        doc.split_sentences();
        (doc, focus)
    }

    /// Prose, blocks and language; no tokens yet.
    fn blocks_only(text: &'a str, format: DocFormat, choice: LanguageChoice) -> Self {
        let prose = prose::extract(text, format);
        let language = choice.resolve(&prose);
        Document {
            text,
            format,
            language,
            masked: prose.masked,
            blocks: prose.blocks,
            block_tokens: Vec::new(),
            tokens: Vec::new(),
            lower: LowerTokens::default(),
            sentences: Vec::new(),
            emphasis: prose.emphasis,
        }
    }

    /// The original text of a span.
    pub fn str(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    pub fn token_str(&self, token: &Token) -> &str {
        self.str(token.span)
    }

    /// Token `i` in lower case.
    #[inline]
    pub fn token_lower(&self, i: usize) -> &str {
        let ends = &self.lower.ends;
        let start = if i == 0 { 0 } else { ends.get(i - 1).map_or(0, |&e| e as usize) };
        let end = ends.get(i).map_or(start, |&e| e as usize);
        self.lower.buffer.get(start..end).unwrap_or("")
    }

    fn lower_tokens(&mut self) {
        let text = self.text;
        let mut lower = LowerTokens { ends: Vec::with_capacity(self.tokens.len()), buffer: String::with_capacity(self.tokens.iter().map(|t| t.span.len()).sum()) };
        for t in &self.tokens {
            let token = &text[t.span.range()];
            if token.is_ascii() {
                // Lower-cased in place: no string made for a capitalised word.
                let start = lower.buffer.len();
                lower.buffer.push_str(token);
                lower.buffer[start..].make_ascii_lowercase();
            } else {
                lower.buffer.push_str(&token.to_lowercase());
            }
            // Past 4 GiB of words (no document under any size limit a newsroom sets) the rest
            // read as empty rather than overflow.
            lower.ends.push(u32::try_from(lower.buffer.len()).unwrap_or(u32::MAX));
        }
        self.lower = lower;
    }

    pub fn block_token_slice(&self, block: usize) -> &[Token] {
        &self.tokens[self.block_tokens[block].clone()]
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// The block a byte offset falls in.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }

    /// The block a token belongs to.
    pub fn block_of_token(&self, token_index: usize) -> Option<usize> {
        let i = self.block_tokens.partition_point(|r| r.end <= token_index);
        (i < self.blocks.len()).then_some(i)
    }

    pub fn block_kind_of_token(&self, token_index: usize) -> Option<BlockKind> {
        self.block_of_token(token_index).map(|i| self.blocks[i].kind)
    }

    /// Whether a span lies inside Markdown emphasis.
    pub fn is_emphasised(&self, span: Span) -> bool {
        // Emphasis spans come sorted by where they end; nested ones overlap, so look at all that
        // end at or after this span.
        let from = self.emphasis.partition_point(|e| e.end < span.end);
        self.emphasis[from..].iter().any(|e| e.start <= span.start && span.end <= e.end)
    }

    /// Tokenise the blocks marked in `which`.
    fn tokenize(&mut self, which: &[bool]) {
        let masked = self.masked.as_bytes();
        for (block, &wanted) in self.blocks.iter().zip(which) {
            let first = self.tokens.len();
            if !wanted {
                self.block_tokens.push(first..first);
                continue;
            }
            let text = &self.masked[block.span.range()];
            let base = block.span.start;
            let mut space = false;
            let mut line_break = false;
            let mut i = 0;
            while let Some(c) = text[i..].chars().next() {
                let start = base + i;
                i += c.len_utf8();
                if c.is_whitespace() {
                    space = true;
                    line_break |= c == '\n' || c == '\r';
                    continue;
                }
                if c as u32 == SKIP as u32 {
                    continue;
                }
                let mut end = start + c.len_utf8();
                let kind = if c as u32 == OPAQUE as u32 {
                    while end < block.span.end && masked[end] == OPAQUE {
                        end += 1;
                    }
                    TokenKind::Opaque
                } else if is_word_char(c) && !c.is_ascii_digit() {
                    end = scan_word(&self.masked, end, block.span.end);
                    TokenKind::Word
                } else if c.is_ascii_digit() {
                    end = scan_number(&self.masked, end, block.span.end);
                    // Digits run into letters: 10km, 3rd, 2000an.
                    if next_char(&self.masked, end).is_some_and(|n| is_word_char(n) && end < block.span.end) {
                        end = scan_word(&self.masked, end, block.span.end);
                        TokenKind::Word
                    } else {
                        TokenKind::Number
                    }
                } else if (c == '@' || c == '#')
                    && next_char(&self.masked, end).is_some_and(|n| n.is_alphanumeric() || n == '_')
                {
                    end = scan_word(&self.masked, end, block.span.end);
                    while let Some(n) = next_char(&self.masked, end) {
                        if n == '_' && end < block.span.end {
                            end = scan_word(&self.masked, end + 1, block.span.end);
                        } else {
                            break;
                        }
                    }
                    TokenKind::Handle
                } else {
                    TokenKind::Punct
                };
                self.tokens.push(Token {
                    span: Span::new(start, end),
                    kind,
                    space_before: space,
                    line_break_before: line_break,
                });
                space = false;
                line_break = false;
                // On past the token, at a character boundary.
                i = i.max(end - base);
                while !text.is_char_boundary(i) {
                    i += 1;
                }
            }
            self.block_tokens.push(first..self.tokens.len());
        }
    }

    fn split_sentences(&mut self) {
        for (block_index, range) in self.block_tokens.iter().enumerate() {
            let mut start = range.start;
            let mut i = range.start;
            while i < range.end {
                let t = self.tokens[i];
                let s = &self.masked[t.span.range()];
                let mut end_here = false;
                let mut last = i;
                if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
                    // Closing quotes and brackets that hug the stop belong to this sentence.
                    while last + 1 < range.end {
                        let n = self.tokens[last + 1];
                        let ns = &self.masked[n.span.range()];
                        if !n.space_before && n.kind == TokenKind::Punct && matches!(ns, "." | "!" | "?" | "…" | "\"" | "”" | "’" | "'" | ")" | "»" | "]") {
                            last += 1;
                        } else {
                            break;
                        }
                    }
                    end_here = match self.tokens.get(last + 1).filter(|_| last + 1 < range.end) {
                        None => true,
                        Some(next) => {
                            let ns = &self.masked[next.span.range()];
                            let starts_sentence = ns.chars().next().is_some_and(|c| {
                                c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(«[„".contains(c)
                            });
                            next.space_before && starts_sentence && !(s == "." && self.is_abbreviation_before(i, range.start))
                        }
                    };
                }
                if end_here {
                    self.sentences.push(Sentence {
                        span: Span::new(self.tokens[start].span.start, self.tokens[last].span.end),
                        tokens: start..last + 1,
                        block: block_index,
                    });
                    start = last + 1;
                    i = last + 1;
                } else {
                    i += 1;
                }
            }
            if start < range.end {
                self.sentences.push(Sentence {
                    span: Span::new(self.tokens[start].span.start, self.tokens[range.end - 1].span.end),
                    tokens: start..range.end,
                    block: block_index,
                });
            }
        }
    }

    /// Whether the full stop at token `dot` closes an abbreviation or an initial.
    fn is_abbreviation_before(&self, dot: usize, block_start: usize) -> bool {
        if dot == block_start {
            return false;
        }
        let prev = self.tokens[dot - 1];
        if prev.kind != TokenKind::Word || self.tokens[dot].space_before {
            return false;
        }
        let word = &self.masked[prev.span.range()];
        let lower = word.to_lowercase();
        (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            || word.contains('.')
            || is_title_abbreviation(&lower)
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn next_char(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|r| r.chars().next())
}

/// Extend a word from `end`: letters and digits, joined by `-` or an apostrophe, and dotted
/// abbreviations such as `U.S.` or `a.n.`.
fn scan_word(s: &str, mut end: usize, limit: usize) -> usize {
    let mut segment_len = s[..end].chars().rev().take_while(|c| is_word_char(*c)).count();
    let word_start = end - s[..end].chars().rev().take_while(|c| is_word_char(*c)).map(char::len_utf8).sum::<usize>();
    let bytes = s.as_bytes();
    while end < limit {
        // Most words are ASCII letters, taken without decoding a character.
        if bytes[end].is_ascii_alphabetic() {
            end += 1;
            segment_len += 1;
            continue;
        }
        let Some(c) = next_char(s, end) else { break };
        // `Rp1.200`: the currency is a word of its own, so that the amount is read as a number.
        if c.is_ascii_digit() && is_currency_prefix(&s[word_start..end]) {
            break;
        }
        if is_word_char(c) {
            end += c.len_utf8();
            segment_len += 1;
            continue;
        }
        let after = next_char(s, end + c.len_utf8());
        let joins = matches!(c, '-' | '\'' | '’' | '‑') && after.is_some_and(is_word_char) && end + c.len_utf8() < limit;
        // A dotted abbreviation: one letter, a dot, one letter, a dot (U.S., a.n., e.g.).
        let dotted = c == '.'
            && segment_len == 1
            && after.is_some_and(char::is_alphabetic)
            && next_char(s, end + 1 + after.map_or(0, char::len_utf8)) == Some('.');
        if joins {
            end += c.len_utf8();
            segment_len = 0;
        } else if dotted {
            // Take "x." and the next letter with its dot.
            end += 1 + after.map_or(0, char::len_utf8) + 1;
            while end < limit && next_char(s, end).is_some_and(char::is_alphabetic)
                && next_char(s, end + next_char(s, end).map_or(0, char::len_utf8)) == Some('.')
            {
                end += next_char(s, end).map_or(0, char::len_utf8) + 1;
            }
            break;
        } else {
            break;
        }
    }
    end.min(limit)
}

/// Currency symbols written as letters and glued to the amount: `Rp1.200`, `USD5`.
fn is_currency_prefix(word: &str) -> bool {
    ["rp", "idr", "usd", "sgd", "rm"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// Extend a number from `end`: digits joined by `.`, `,` or `:` that are followed by a digit.
fn scan_number(s: &str, mut end: usize, limit: usize) -> usize {
    let bytes = s.as_bytes();
    while end < limit {
        let b = bytes[end];
        let separator_before_digit = matches!(b, b'.' | b',' | b':') && end + 1 < limit && bytes[end + 1].is_ascii_digit();
        if b.is_ascii_digit() || separator_before_digit {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Abbreviations whose full stop never ends a sentence: titles, ranks and words that always
/// have something after them (`Dr.`, `Jl.`, `No.`, `vs.`).
pub(crate) const TITLE_ABBREVIATIONS: &[&str] = &[
    "dr", "drs", "dra", "prof", "ir", "h", "hj", "kh", "mr", "mrs", "ms", "st", "jl", "jln", "no",
    "nomor", "kol", "jend", "brigjen", "mayjen", "letjen", "irjen", "kombes", "akbp", "bpk", "sdr",
    "yth", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep", "rev", "vol", "hlm", "tel", "telp",
    "kab", "kec", "kel", "prov", "mt", "ft", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "dkk",
    "ust", "pdt", "sh", "se", "mh", "msi", "mm", "tbk", "pt", "cv", "approx", "fig", "art", "ps",
    "drg", "sdri", "supt", "insp", "cpl", "pvt", "adm", "maj", "brig", "cmdr", "hon", "messrs",
    "mme", "mlle", "nos", "ave", "blvd",
    "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "e.g", "i.e", "cf", "viz",
];

/// Whether a word (lower case, without its final full stop) is an abbreviation whose full stop
/// never ends a sentence: titles and ranks (the sentence model in `sentences.rs` reads it too).
pub fn is_title_abbreviation(lower: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(Language::Id), ..Default::default() })
    }

    fn words(d: &Document) -> Vec<String> {
        d.tokens.iter().map(|t| d.token_str(t).to_string()).collect()
    }

    #[test]
    fn tokens_keep_reduplication_and_numbers_whole() {
        let d = doc("Orang-orang membayar Rp 1,2 triliun, 1.500 orang, pukul 22.00 dan 12%.");
        assert_eq!(
            words(&d),
            ["Orang-orang", "membayar", "Rp", "1,2", "triliun", ",", "1.500", "orang", ",", "pukul", "22.00", "dan", "12", "%", "."]
        );
        assert_eq!(d.tokens[6].kind, TokenKind::Number);
    }

    #[test]
    fn a_currency_glued_to_its_amount_is_split_off() {
        let d = doc("Harga Rp1.200 dan Rp2,5 juta, bukan Rp.");
        assert_eq!(words(&d), ["Harga", "Rp", "1.200", "dan", "Rp", "2,5", "juta", ",", "bukan", "Rp", "."]);
        assert_eq!(d.tokens[2].kind, TokenKind::Number);
        // Other words that run into digits stay whole.
        assert_eq!(words(&doc("Varian B117 dan COVID-19.")), ["Varian", "B117", "dan", "COVID-19", "."]);
    }

    #[test]
    fn abbreviations_stay_in_one_token() {
        let d = doc("Pejabat U.S. dan a.n. Menteri, dll. Selesai.");
        let w = words(&d);
        assert!(w.contains(&"U.S.".to_string()), "{w:?}");
        assert!(w.contains(&"a.n.".to_string()), "{w:?}");
    }

    #[test]
    fn tokens_in_lower_case() {
        // `İ` lower-cases to two characters: a token's lower case need not be its length.
        let d = doc("Presiden JOKOWI ke İstanbul, lalu Ärzte.");
        let lower: Vec<&str> = (0..d.tokens.len()).map(|i| d.token_lower(i)).collect();
        assert_eq!(lower, ["presiden", "jokowi", "ke", "i\u{307}stanbul", ",", "lalu", "ärzte", "."]);
        assert_eq!(d.token_lower(d.tokens.len()), "", "past the last token");
        // A document tokenised only around an edit has lower-case words for those blocks alone.
        let (around, focus) = Document::around("Satu Dua.\n\nTiga Empat.", DocFormat::PlainText, LanguageChoice::default(), &[Span::new(12, 12)]);
        assert_eq!(focus, [false, true]);
        let lower: Vec<&str> = (0..around.tokens.len()).map(|i| around.token_lower(i)).collect();
        assert_eq!(lower, ["tiga", "empat", "."]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let d = doc("Dr. Budi datang. “Kami siap!” katanya. Lalu J. Smith pergi... Dia pulang.");
        let s: Vec<&str> = d.sentences.iter().map(|s| d.str(s.span)).collect();
        assert_eq!(s, ["Dr. Budi datang.", "“Kami siap!” katanya.", "Lalu J. Smith pergi...", "Dia pulang."]);
    }

    #[test]
    fn handles_and_hashtags() {
        let d = doc("Ikuti @kompas_com dan #BanjirPadang sekarang.");
        let kinds: Vec<TokenKind> = d.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[1], TokenKind::Handle);
        assert_eq!(d.token_str(&d.tokens[1]), "@kompas_com");
        assert_eq!(kinds[3], TokenKind::Handle);
    }

    #[test]
    fn markdown_markup_is_transparent() {
        let text = "**Berhenti** !!\n";
        let d = Document::new(text, DocFormat::Markdown, LanguageChoice::default());
        assert_eq!(words(&d), ["Berhenti", "!", "!"]);
        assert!(d.tokens[1].space_before);
        assert!(!d.tokens[2].space_before);
    }
}
