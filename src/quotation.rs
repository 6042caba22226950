//! The quotations of a document: opening and closing marks paired per block, for straight `"…"`,
//! curly `“…”` and `‘…’`, guillemets `«…»` and low-high `„…“`, with the news convention for a
//! quotation that runs over several paragraphs (each paragraph reopens it, only the last closes it).
//!
//! Pairing works on the masked text, so marks inside code, URLs or HTML are never seen. A mark's
//! *shape* decides what it can be: an opening mark has space (or the start) before it and text after
//! it; a closing mark hugs the text before it. A straight `"` closes the straight quotation open in its
//! paragraph and otherwise opens one, except that a `"` shaped only like an opener, while one is open,
//! means the open one was never closed (`"A, kata Budi. "B," kata Ani.`).

use crate::diagnostic::Span;
use crate::document::{is_word_char, Document};
use crate::prose::{BlockKind, OPAQUE, SKIP};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// `"…"`
    Straight,
    /// `“…”`, and `”…”` typed with the closing glyph at both ends.
    Curly,
    /// `‘…’`
    CurlySingle,
    /// `«…»`
    Guillemet,
    /// `„…“` or `„…”`
    LowHigh,
}

impl QuoteStyle {
    /// Double quotation marks of any form: the marks of direct speech.
    pub fn is_double(self) -> bool {
        self != QuoteStyle::CurlySingle
    }

    pub fn closing_mark(self) -> char {
        match self {
            QuoteStyle::Straight => '"',
            QuoteStyle::Curly | QuoteStyle::LowHigh => '”',
            QuoteStyle::CurlySingle => '’',
            QuoteStyle::Guillemet => '»',
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    pub style: QuoteStyle,
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation is still open at the end of its paragraph (or
    /// where a new opening mark shows it was abandoned).
    pub close: Option<Span>,
    /// The quoted text between the marks (to the end of the paragraph when unclosed), without
    /// surrounding white space.
    pub inner: Span,
    pub block: usize,
    /// How many quotations enclose this one; 0 at the top level.
    pub depth: usize,
    /// This paragraph reopens a quotation left open at the end of the previous paragraph: the
    /// index of that part in [`Quotations::quotes`].
    pub continues: Option<usize>,
    /// Left open at the end of its paragraph because the next paragraph reopens it.
    pub continued: bool,
}

impl Quotation {
    /// From the opening mark to the closing mark (or the end of the quoted text).
    pub fn span(&self) -> Span {
        Span::new(self.open.start, self.close.map_or(self.inner.end.max(self.open.end), |c| c.end))
    }

    /// Open at the end of its paragraph and not carried on by the next: a missing closing mark.
    pub fn is_unbalanced(&self) -> bool {
        self.close.is_none() && !self.continued
    }
}

/// The quotations grouped into multi-paragraph quotations ([`Quotations::chains`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chains {
    of: Vec<usize>,
    parts: Vec<Vec<usize>>,
}

impl Chains {
    /// The parts of the quotation that `index` belongs to, first to last: `chain(index)`.
    pub fn of(&self, index: usize) -> &[usize] {
        &self.parts[self.of[index]]
    }

    /// Every quotation's parts, each once.
    pub fn parts(&self) -> impl Iterator<Item = &[usize]> {
        self.parts.iter().map(Vec::as_slice)
    }
}

/// A closing mark with no opening mark before it in its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayClose {
    pub span: Span,
    pub style: QuoteStyle,
    pub block: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Quotations {
    /// In document order of their opening marks.
    pub quotes: Vec<Quotation>,
    pub stray_closes: Vec<StrayClose>,
}

impl Quotations {
    pub fn of(doc: &Document) -> Quotations {
        let mut all = Quotations::default();
        // For each block, the index of the quotation left open at its very end (if any).
        let mut open_at_end: Vec<Option<usize>> = Vec::with_capacity(doc.blocks.len());
        for (block_index, block) in doc.blocks.iter().enumerate() {
            let first = all.quotes.len();
            let left_open = pair_block(doc, block_index, block.span, &mut all);
            all.quotes[first..].sort_by_key(|q| q.open.start);
            open_at_end.push(left_open.and_then(|open| all.quotes[first..].iter().position(|q| q.open == open).map(|i| first + i)));
        }
        link_paragraphs(doc, &mut all, &open_at_end);
        all
    }

    /// The quotations of one block, in order, with their indices.
    pub fn in_block(&self, block: usize) -> impl Iterator<Item = (usize, &Quotation)> {
        // Quotations are stored block by block.
        let start = self.quotes.partition_point(|q| q.block < block);
        let end = self.quotes.partition_point(|q| q.block <= block);
        (start..end).map(move |i| (i, &self.quotes[i]))
    }

    /// [`Self::chain`] for every quotation at once, in time proportional to their number (asked
    /// of each part in turn, a quotation reopened over n paragraphs costs n²).
    pub fn chains(&self) -> Chains {
        let mut of = Vec::with_capacity(self.quotes.len());
        let mut parts: Vec<Vec<usize>> = Vec::new();
        for (i, q) in self.quotes.iter().enumerate() {
            crate::work::count(1);
            // A part continues one before it, already placed.
            let chain = match q.continues.filter(|&p| p < i && self.quotes[p].continued) {
                Some(p) => of[p],
                None => {
                    parts.push(Vec::new());
                    parts.len() - 1
                }
            };
            parts[chain].push(i);
            of.push(chain);
        }
        Chains { of, parts }
    }

    /// The parts of the multi-paragraph quotation that `index` belongs to, first to last (just
    /// `[index]` for a quotation within one paragraph): one walk per question, kept as the tests'
    /// oracle for [`Quotations::chains`], which answers for every quotation in one pass.
    #[cfg(test)]
    pub fn chain(&self, index: usize) -> Vec<usize> {
        let mut first = index;
        while let Some(previous) = self.quotes.get(first).and_then(|q| q.continues) {
            first = previous;
        }
        let mut parts = vec![first];
        let mut current = first;
        while self.quotes[current].continued {
            let next_block = self.quotes[current].block + 1;
            match self.in_block(next_block).find(|(_, q)| q.continues == Some(current)) {
                Some((next, _)) => {
                    parts.push(next);
                    current = next;
                }
                None => break,
            }
        }
        parts
    }

    /// The innermost quotation whose span contains `offset`.
    pub fn enclosing(&self, offset: usize) -> Option<&Quotation> {
        // A quotation lies within its block: only those of the block of the last one opened
        // before `offset` can hold it (read from the first of the article for every word
        // asked about, a long article cost its words times its quotations).
        let before = self.quotes.partition_point(|q| q.open.start <= offset);
        let block = self.quotes.get(before.checked_sub(1)?)?.block;
        let from = self.quotes[..before].partition_point(|q| q.block < block);
        crate::work::count(before - from);
        self.quotes[from..before].iter().filter(|q| q.span().contains(offset)).max_by_key(|q| q.depth)
    }
}

/// An open quotation while its block is scanned.
struct Open {
    style: QuoteStyle,
    open: Span,
}

/// The quotations open at a point of a block, innermost last, with where each style's are: the
/// innermost open quotation of a style is found without reading the stack (read from the top
/// for every mark, n nested openers cost n²).
#[derive(Default)]
struct OpenStack {
    items: Vec<Open>,
    /// For each style, the positions in `items` of its quotations, in order.
    by_style: [Vec<usize>; 5],
}

impl OpenStack {
    fn slot(style: QuoteStyle) -> usize {
        match style {
            QuoteStyle::Straight => 0,
            QuoteStyle::Curly => 1,
            QuoteStyle::CurlySingle => 2,
            QuoteStyle::Guillemet => 3,
            QuoteStyle::LowHigh => 4,
        }
    }
    fn push(&mut self, open: Open) {
        self.by_style[Self::slot(open.style)].push(self.items.len());
        self.items.push(open);
    }
    fn pop(&mut self) -> Option<Open> {
        let open = self.items.pop()?;
        self.by_style[Self::slot(open.style)].pop();
        Some(open)
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn last(&self) -> Option<&Open> {
        self.items.last()
    }
    fn first(&self) -> Option<&Open> {
        self.items.first()
    }
    /// The position of the innermost open quotation of one of `styles`.
    fn find(&self, styles: &[QuoteStyle]) -> Option<usize> {
        crate::work::count(styles.len());
        styles.iter().filter_map(|&s| self.by_style[Self::slot(s)].last().copied()).max()
    }
}

/// Pair the marks of one block; returns the opening mark of the quotation still open at its end.
fn pair_block(doc: &Document, block_index: usize, block: Span, all: &mut Quotations) -> Option<Span> {
    let masked = &doc.masked;
    let text = masked.get(block.range())?;
    let mut stack = OpenStack::default();
    let finish = |all: &mut Quotations, stack_depth: usize, o: Open, close: Option<Span>, end: usize| {
        let inner = trimmed(masked, o.open.end, end);
        all.quotes.push(Quotation {
            style: o.style,
            open: o.open,
            close,
            inner,
            block: block_index,
            depth: stack_depth,
            continues: None,
            continued: false,
        });
    };
    // Close the quotation at `position` in the stack; those opened inside it are left unclosed.
    let close_at = |all: &mut Quotations, stack: &mut OpenStack, position: usize, mark: Span| {
        while stack.len() > position + 1 {
            let depth = stack.len() - 1;
            let o = stack.pop().expect("non-empty");
            finish(all, depth, o, None, mark.start);
        }
        let o = stack.pop().expect("non-empty");
        finish(all, position, o, Some(mark), mark.start);
    };
    let find = |stack: &OpenStack, styles: &[QuoteStyle]| stack.find(styles);

    for (i, c) in text.char_indices() {
        if !matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„') {
            continue;
        }
        let at = block.start + i;
        let mark = Span::new(at, at + c.len_utf8());
        let before = neighbour_before(masked, block.start, at);
        let after = neighbour_after(masked, block.end, mark.end);
        let opens = opening_shape(before, after);
        let closes = closing_shape(before, after);
        let only_opens = opens && !closes;
        // `27"` and `27”` are inch marks, not quotation marks.
        let inch_mark = before.is_some_and(|b| b.is_ascii_digit());
        match c {
            '"' => match find(&stack, &[QuoteStyle::Straight]) {
                Some(position) if !only_opens => close_at(all, &mut stack, position, mark),
                Some(position) => {
                    // Shaped only as an opener: the open one was abandoned without a closing mark.
                    close_at_abandoned(all, &mut stack, position, at, &finish);
                    stack.push(Open { style: QuoteStyle::Straight, open: mark });
                }
                // `“…indah. "`: a curly quotation closed with a straight mark.
                None if !only_opens && stack.last().is_some_and(|o| o.style == QuoteStyle::Curly) => {
                    let position = stack.len() - 1;
                    close_at(all, &mut stack, position, mark);
                }
                None if closes && !opens && !inch_mark => {
                    all.stray_closes.push(StrayClose { span: mark, style: QuoteStyle::Straight, block: block_index });
                }
                None if only_opens || (opens && closes) => stack.push(Open { style: QuoteStyle::Straight, open: mark }),
                None => {}
            },
            '“' => {
                if let Some(position) = find(&stack, &[QuoteStyle::LowHigh]).filter(|_| closes) {
                    close_at(all, &mut stack, position, mark);
                } else if let Some(position) = find(&stack, &[QuoteStyle::Curly]).filter(|_| closes && !opens) {
                    // `“…“`: the closing mark typed with the opening glyph.
                    close_at(all, &mut stack, position, mark);
                } else if opens || !closes {
                    stack.push(Open { style: QuoteStyle::Curly, open: mark });
                }
            }
            '”' => {
                if let Some(position) = find(&stack, &[QuoteStyle::Curly, QuoteStyle::LowHigh]).filter(|_| !only_opens) {
                    close_at(all, &mut stack, position, mark);
                } else if !only_opens && closes && stack.last().is_some_and(|o| o.style == QuoteStyle::Straight) {
                    // `"…,” kata Budi`: a straight quotation closed with a curly mark (the
                    // mirror of `“…"`), one pair.
                    let position = stack.len() - 1;
                    close_at(all, &mut stack, position, mark);
                } else if only_opens {
                    // `”…”`: the opening mark typed with the closing glyph.
                    stack.push(Open { style: QuoteStyle::Curly, open: mark });
                } else if closes && !inch_mark {
                    all.stray_closes.push(StrayClose { span: mark, style: QuoteStyle::Curly, block: block_index });
                }
            }
            '„' => stack.push(Open { style: QuoteStyle::LowHigh, open: mark }),
            '«' => stack.push(Open { style: QuoteStyle::Guillemet, open: mark }),
            '»' => {
                if let Some(position) = find(&stack, &[QuoteStyle::Guillemet]) {
                    close_at(all, &mut stack, position, mark);
                } else if closes && !opens {
                    all.stray_closes.push(StrayClose { span: mark, style: QuoteStyle::Guillemet, block: block_index });
                }
            }
            '‘' => {
                let word_before = before.is_some_and(is_word_char);
                let digit_after = after.is_some_and(|a| a.is_ascii_digit());
                if let Some(position) = find(&stack, &[QuoteStyle::CurlySingle]).filter(|_| closes && !opens) {
                    close_at(all, &mut stack, position, mark);
                } else if opens && !word_before && !digit_after {
                    stack.push(Open { style: QuoteStyle::CurlySingle, open: mark });
                }
            }
            '’' => {
                // Between letters it is an apostrophe: don’t, Jum’at, Qur’an.
                let apostrophe = before.is_some_and(is_word_char) && after.is_some_and(is_word_char);
                if !apostrophe && closes {
                    // Only the innermost open quotation may be a single one closed here.
                    if stack.last().is_some_and(|o| o.style == QuoteStyle::CurlySingle) {
                        let position = stack.len() - 1;
                        close_at(all, &mut stack, position, mark);
                    }
                }
            }
            _ => {}
        }
    }
    let left_open = stack.first().map(|o| o.open);
    let outermost_open = left_open;
    while let Some(o) = stack.pop() {
        let depth = stack.len();
        finish(all, depth, o, None, block.end);
    }
    outermost_open
}

/// Pop the quotation at `position` (and any opened inside it) as abandoned: unclosed, its text
/// ending before `at`.
fn close_at_abandoned(
    all: &mut Quotations,
    stack: &mut OpenStack,
    position: usize,
    at: usize,
    finish: &impl Fn(&mut Quotations, usize, Open, Option<Span>, usize),
) {
    while stack.len() > position {
        let depth = stack.len() - 1;
        let o = stack.pop().expect("non-empty");
        finish(all, depth, o, None, at);
    }
}

/// Link a quotation left open at the end of a paragraph to the next paragraph when that one
/// starts by reopening a quotation (the multi-paragraph convention).
fn link_paragraphs(doc: &Document, all: &mut Quotations, open_at_end: &[Option<usize>]) {
    for (block, left_open) in open_at_end.iter().enumerate() {
        let Some(left_open) = *left_open else { continue };
        if !all.quotes[left_open].style.is_double() || !is_prose_block(doc.blocks[block].kind) {
            continue;
        }
        let next_block = block + 1;
        let Some(next) = doc.blocks.get(next_block) else { continue };
        if !is_prose_block(next.kind) {
            continue;
        }
        let first_visible = first_visible_offset(&doc.masked, next.span);
        // The next block's quotations only (found by binary search: read from the first
        // quotation of the article for every paragraph, a quotation reopened over n paragraphs
        // cost n²).
        let reopening = all.in_block(next_block).find(|(_, q)| q.depth == 0 && q.style.is_double() && Some(q.open.start) == first_visible).map(|(i, _)| i);
        if let Some(reopening) = reopening {
            all.quotes[left_open].continued = true;
            all.quotes[reopening].continues = Some(left_open);
        }
    }
}

fn is_prose_block(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::BlockQuote | BlockKind::ListItem)
}

fn is_markup(c: char) -> bool {
    c as u32 == SKIP as u32
}

fn first_visible_offset(masked: &str, span: Span) -> Option<usize> {
    masked.get(span.range())?.char_indices().find(|(_, c)| !c.is_whitespace() && !is_markup(*c)).map(|(i, _)| span.start + i)
}

/// The visible character before `at` within the block (markup skipped); `None` at its start.
fn neighbour_before(masked: &str, block_start: usize, at: usize) -> Option<char> {
    masked.get(block_start..at)?.chars().rev().find(|c| !is_markup(*c)).map(opaque_as_letter)
}

fn neighbour_after(masked: &str, block_end: usize, from: usize) -> Option<char> {
    masked.get(from..block_end)?.chars().find(|c| !is_markup(*c)).map(opaque_as_letter)
}

/// Inline code or a URL stands in the sentence like a word.
fn opaque_as_letter(c: char) -> char {
    if c as u32 == OPAQUE as u32 { 'x' } else { c }
}

const OPENING_CONTEXT: &str = "([{—–-/“‘„«\"'";
const CLOSING_CONTEXT: &str = ".,;:!?)]}—–-…”’»\"'";

/// Space or an opening bracket before, text after.
fn opening_shape(before: Option<char>, after: Option<char>) -> bool {
    before.is_none_or(|b| b.is_whitespace() || OPENING_CONTEXT.contains(b)) && after.is_some_and(|a| !a.is_whitespace())
}

/// Text before, space or punctuation after.
fn closing_shape(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|b| !b.is_whitespace() && !"([{".contains(b))
        && after.is_none_or(|a| a.is_whitespace() || CLOSING_CONTEXT.contains(a))
}

/// `start..end` without white space or markup at either end.
fn trimmed(masked: &str, start: usize, end: usize) -> Span {
    let Some(slice) = masked.get(start..end) else { return Span::new(start, start.max(end.min(start))) };
    let is_blank = |c: char| c.is_whitespace() || is_markup(c);
    let lead = slice.len() - slice.trim_start_matches(is_blank).len();
    let body = slice.trim_matches(is_blank);
    Span::new(start + lead, start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LanguageChoice;
    use crate::language::Language;
    use crate::prose::DocFormat;

    fn doc(text: &str) -> Document<'_> {
        Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(Language::Id), ..Default::default() })
    }

    /// Each quotation as (inner text, closed?, depth).
    fn quotes(text: &str) -> Vec<(String, bool, usize)> {
        let d = doc(text);
        Quotations::of(&d).quotes.iter().map(|q| (d.str(q.inner).to_string(), q.close.is_some(), q.depth)).collect()
    }

    fn strays(text: &str) -> Vec<String> {
        let d = doc(text);
        Quotations::of(&d).stray_closes.iter().map(|s| d.str(s.span).to_string()).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            quotes("“Kami siap,” kata Budi. Dia menambahkan, \"Besok kami berangkat.\""),
            [("Kami siap,".into(), true, 0), ("Besok kami berangkat.".into(), true, 0)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        let q = quotes("‘I don’t know,’ he said on Jum’at about the parents’ plan and the ’90s.");
        assert_eq!(q, [("I don’t know,".into(), true, 0)]);
        assert!(strays("Salat Jum’at di Masjid Al-Qur’an.").is_empty());
    }

    #[test]
    fn nested_quotation() {
        let q = quotes("“Dia bilang ‘tunggu dulu’ lalu pergi,” kata Ani.");
        assert_eq!(q, [("Dia bilang ‘tunggu dulu’ lalu pergi,".into(), true, 0), ("tunggu dulu".into(), true, 1)]);
    }

    #[test]
    fn unclosed_and_stray() {
        assert_eq!(quotes("“Kami akan banding, katanya."), [("Kami akan banding, katanya.".into(), false, 0)]);
        assert_eq!(strays("Poster “Bubarkan Aspri”, Ali Calo Politik”, dan lain-lain."), ["”"]);
        assert_eq!(strays("Monitor 27\" itu mahal."), Vec::<String>::new());
    }

    #[test]
    fn straight_opener_after_an_unclosed_one() {
        let q = quotes("\"We respect it, she said. \"We will decide,\" she added.");
        assert_eq!(q, [("We respect it, she said.".into(), false, 0), ("We will decide,".into(), true, 0)]);
    }

    #[test]
    fn curly_closed_with_a_straight_mark() {
        assert_eq!(quotes("“Lihat juga kemasannya yang indah. \""), [("Lihat juga kemasannya yang indah.".into(), true, 0)]);
        assert_eq!(quotes("“Dia bilang \"tidak\" lalu pergi,” kata Ani."), [("Dia bilang \"tidak\" lalu pergi,".into(), true, 0), ("tidak".into(), true, 1)]);
    }

    #[test]
    fn straight_opened_and_curly_closed_is_one_pair() {
        assert_eq!(quotes("\"Kami siap sejak pagi,” kata Budi."), [("Kami siap sejak pagi,".into(), true, 0)]);
        assert!(strays("\"We are ready,” she said.").is_empty());
        // Nested: the straight one inside a curly quotation still closes with the curly mark.
        assert_eq!(quotes("“Dia bilang \"tunggu\" lalu pergi,” kata Ani."), [("Dia bilang \"tunggu\" lalu pergi,".into(), true, 0), ("tunggu".into(), true, 1)]);
        // A closing mark right after a nested single quotation closes, never opens.
        assert_eq!(quotes("\"Mereka menyebutnya ‘kampung mati’\", kata Ani."), [("Mereka menyebutnya ‘kampung mati’".into(), true, 0), ("kampung mati".into(), true, 1)]);
        assert_eq!(quotes("“They call it ‘the dead village’”, she said."), [("They call it ‘the dead village’".into(), true, 0), ("the dead village".into(), true, 1)]);
    }

    #[test]
    fn closing_glyph_used_to_open_and_low_high() {
        assert_eq!(quotes("”Kami siap,” kata Budi."), [("Kami siap,".into(), true, 0)]);
        assert_eq!(quotes("„Kami siap“, kata Budi."), [("Kami siap".into(), true, 0)]);
        assert_eq!(quotes("«Kami siap», kata Budi."), [("Kami siap".into(), true, 0)]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let text = "“Kami sudah siap sejak pagi.\n\n“Semua tim sudah bergerak,” kata Budi.\n\nLalu hujan.";
        let d = doc(text);
        let q = Quotations::of(&d);
        assert_eq!(q.quotes.len(), 2);
        assert!(q.quotes[0].continued && !q.quotes[0].is_unbalanced());
        assert_eq!(q.quotes[1].continues, Some(0));
        assert_eq!(q.chain(1), [0, 1]);
        assert_eq!(q.chains().of(1), [0, 1]);
        // Not reopened: the first stays unbalanced.
        let text = "“Kami sudah siap sejak pagi.\n\nSemua tim sudah bergerak.";
        let d = doc(text);
        assert!(Quotations::of(&d).quotes[0].is_unbalanced());
    }

    proptest::proptest! {
        /// Any mix of marks, letters, apostrophes, markup and line breaks pairs without panicking,
        /// and every span stays inside its block on character boundaries.
        #[test]
        fn pairing_never_panics(text in "[\"“”‘’«»„a-zA-Z0-9 ,.!?:*`\n()—-]{0,80}") {
            for format in [DocFormat::PlainText, DocFormat::Markdown] {
                let d = Document::new(&text, format, LanguageChoice::default());
                let q = Quotations::of(&d);
                for quote in &q.quotes {
                    let block = d.blocks[quote.block].span;
                    for span in [quote.open, quote.inner, quote.span()].into_iter().chain(quote.close) {
                        proptest::prop_assert!(block.start <= span.start && span.end <= block.end);
                        proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                    }
                    let _ = q.chain(q.quotes.iter().position(|x| x == quote).unwrap_or(0));
                }
                let chains = q.chains();
                for i in 0..q.quotes.len() {
                    let chain = q.chain(i);
                    proptest::prop_assert_eq!(chains.of(i), chain.as_slice());
                }
            }
        }
    }

    #[test]
    fn marks_in_code_are_ignored() {
        let text = "Ketik `say \"hi` lalu “tekan enter”.\n";
        let d = Document::new(text, DocFormat::Markdown, LanguageChoice::default());
        let q = Quotations::of(&d);
        assert_eq!(q.quotes.len(), 1);
        assert!(q.stray_closes.is_empty());
    }
}
