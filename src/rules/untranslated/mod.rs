//! Untranslated words: what a hurried or machine translation left behind. The decision that a
//! word is foreign is made once, with spelling, in `words::WordJudge`; these rules decide what
//! to report and where to stay silent (marked foreign, quoted, names).

use crate::diagnostic::{Edit, Fix, Span};
use crate::document::{Document, TokenKind};
use crate::prose::DocFormat;
use crate::rules::Context;
use crate::words::Verdict;

pub mod foreign_word;
pub mod has_equivalent;

/// How a quotation around a foreign word bears on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quoted {
    /// Not in a quotation.
    No,
    /// Quoted speech in the article's language: a foreign word there may be the speaker's own.
    Speech,
    /// A quoted term (*kata "entrepreneur"*) or a quotation mostly in the other language: silent.
    Exempt,
}

/// Whether and how the word at `token` is quoted.
pub(crate) fn quoted(ctx: &Context<'_>, token: usize) -> Quoted {
    let doc = ctx.doc;
    let Some(q) = ctx.quotations().enclosing(doc.tokens[token].span.start) else { return Quoted::No };
    let first = doc.tokens.partition_point(|t| t.span.start < q.inner.start);
    let words: Vec<&str> = doc.tokens[first..]
        .iter()
        .take_while(|t| t.span.end <= q.inner.end)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.token_str(t))
        .collect();
    if words.len() <= 3 {
        return Quoted::Exempt;
    }
    let foreign = words
        .iter()
        .filter(|w| matches!(&*ctx.words.judge(&crate::lexicon::lowercase(w)), Verdict::Foreign(_) | Verdict::ForeignRoot { .. } | Verdict::HasEquivalent(_)))
        .count();
    if foreign * 2 >= words.len() { Quoted::Exempt } else { Quoted::Speech }
}

/// Whether the word at `token` stands in parentheses, where news glosses a term in its own
/// language: *kuasa usaha (charge d'affaires)*.
pub(crate) fn in_parentheses(doc: &Document, token: usize) -> bool {
    let b = doc.block_tokens.partition_point(|r| r.end <= token);
    let Some(block) = doc.block_tokens.get(b) else { return false };
    let mut depth = 0i32;
    for t in &doc.tokens[block.start..token] {
        match doc.token_str(t) {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// The fixes for a foreign word: each Indonesian equivalent, then, in Markdown, italics (EYD V
/// italicises foreign words that are kept).
pub(crate) fn fixes(doc: &Document, span: Span, equivalents: &[String]) -> Vec<Fix> {
    let original = doc.str(span);
    let mut fixes: Vec<Fix> = equivalents
        .iter()
        .take(3)
        .map(|e| {
            let e = crate::lexicon::match_case(original, e);
            Fix::suggested(format!("Translate as '{e}'"), vec![Edit::replace(span, e)])
        })
        .collect();
    if doc.format == DocFormat::Markdown {
        fixes.push(Fix::suggested("Keep it, in italics", vec![Edit::insert(span.start, "*"), Edit::insert(span.end, "*")]));
    }
    fixes
}
