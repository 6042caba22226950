//! Untranslated words: what a hurried or machine translation left behind. The decision that a
//! word is foreign is made once, with spelling, in `words::WordJudge`; these rules decide what
//! to report and where to stay silent (marked foreign, quoted, names).

use crate::diagnostic::{Edit, Fix, Span};
use crate::document::{Document, TokenKind};
use crate::prose::DocFormat;
use crate::rules::Context;
use crate::words::Verdict;
use std::ops::Range;

pub mod foreign_word;
pub mod has_equivalent;

/// The tokens of the quotation that token `index` sits in, within its block, if any.
pub(crate) fn enclosing_quotation(doc: &Document, index: usize) -> Option<Range<usize>> {
    let b = doc.block_tokens.partition_point(|r| r.end <= index);
    let block = doc.block_tokens.get(b).filter(|r| r.contains(&index))?.clone();
    let mut open: Option<usize> = None;
    let mut straight_open = false;
    for i in block.clone() {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Punct {
            continue;
        }
        let s = doc.token_str(t);
        let (opens, closes) = match s {
            "“" | "«" | "„" => (true, false),
            "”" | "»" => (false, true),
            "\"" => (!straight_open, straight_open),
            _ => (false, false),
        };
        if s == "\"" {
            straight_open = !straight_open;
        }
        if opens {
            open = Some(i);
        } else if closes {
            if let Some(o) = open.take() {
                if o < index && index < i {
                    return Some(o..i);
                }
            }
        }
    }
    // An unclosed quotation runs to the end of its paragraph.
    open.filter(|o| *o < index).map(|o| o..block.end)
}

/// Whether a word is quoted in a way that exempts it: a short quotation is a term under
/// discussion (*kata "entrepreneur"*); a quotation mostly in the other language is quoted
/// speech. A foreign word inside translated speech is still a slip.
pub(crate) fn exempt_by_quotation(ctx: &Context<'_>, index: usize) -> bool {
    let doc = ctx.doc;
    let Some(range) = enclosing_quotation(doc, index) else { return false };
    let words: Vec<&str> = doc.tokens[range].iter().filter(|t| t.kind == TokenKind::Word).map(|t| doc.token_str(t)).collect();
    if words.len() <= 3 {
        return true;
    }
    let foreign = words
        .iter()
        .filter(|w| matches!(&*ctx.words.judge(&w.to_lowercase()), Verdict::Foreign(_) | Verdict::ForeignRoot { .. } | Verdict::HasEquivalent(_)))
        .count();
    foreign * 2 >= words.len()
}

/// The fixes for a foreign word: each Indonesian equivalent, then, in Markdown, italics (EYD V
/// italicises foreign words that are kept).
pub(crate) fn fixes(doc: &Document, span: Span, equivalents: &[String]) -> Vec<Fix> {
    let original = doc.str(span);
    let mut fixes: Vec<Fix> = equivalents
        .iter()
        .take(3)
        .map(|e| {
            let e = crate::words::match_case(original, e);
            Fix::suggested(format!("Translate as '{e}'"), vec![Edit::replace(span, e)])
        })
        .collect();
    if doc.format == DocFormat::Markdown {
        fixes.push(Fix::suggested("Keep it, in italics", vec![Edit::insert(span.start, "*"), Edit::insert(span.end, "*")]));
    }
    fixes
}
