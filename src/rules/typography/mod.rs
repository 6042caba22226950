//! Typography: spacing and punctuation, reduplication, clock times, digit grouping and sentence
//! boundaries, by the house rules of the article's language.

use crate::diagnostic::Span;
use crate::document::{Document, Token, TokenKind};

pub mod broken_reduplication;
pub mod capital_after_quotation;
pub mod digit_grouping;
pub mod doubled_punctuation;
pub mod doubled_title;
pub mod doubled_word;
pub mod empty_attribution;
pub mod lowercase_sentence_start;
pub mod missing_space_after_punctuation;
pub mod mixed_time_separators;
pub mod number_unit_spacing;
pub mod ordinal_hyphen;
pub mod run_together_sentences;
pub mod separated_prefix;
pub mod space_before_punctuation;
pub mod time_format;
pub mod unfinished_paragraph;

/// The white space (without line breaks) that ends right before `offset` in the original text.
pub(crate) fn whitespace_before(text: &str, offset: usize) -> Span {
    let before = &text[..offset];
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r');
    Span::new(trimmed.len(), offset)
}

pub(crate) fn is_punct(doc: &Document, token: &Token, chars: &str) -> bool {
    token.kind == TokenKind::Punct && doc.token_str(token).chars().all(|c| chars.contains(c))
}

/// First letter upper case and not an all-capitals acronym.
pub(crate) fn is_capitalised(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    match letters.next() {
        Some(first) if first.is_uppercase() => letters.clone().next().is_some() && letters.any(char::is_lowercase),
        _ => false,
    }
}

pub(crate) fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// A clock time written `HH.MM` or `HH:MM` in an Indonesian article, recognised by its context:
/// after *pukul* or *jam*, or before a time zone or a part of the day.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClockTime {
    pub span: Span,
    pub separator: char,
}

pub(crate) const TIME_ZONES: &[&str] = &["wib", "wita", "wit", "gmt", "utc", "et", "est", "edt", "pst", "pdt", "cet", "jst"];
pub(crate) const DAY_PARTS: &[&str] = &["pagi", "siang", "sore", "malam", "dini"];

pub(crate) fn clock_times(doc: &Document) -> Vec<ClockTime> {
    let mut out = Vec::new();
    for range in &doc.block_tokens {
        let tokens = &doc.tokens[range.clone()];
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Number {
                continue;
            }
            let s = doc.token_str(t);
            let Some(sep) = s.chars().find(|c| *c == '.' || *c == ':') else { continue };
            let parts: Vec<&str> = s.split(sep).collect();
            if parts.len() != 2 || parts[1].len() != 2 || parts[0].len() > 2 || s.contains(if sep == '.' { ':' } else { '.' }) {
                continue;
            }
            let (Ok(h), Ok(m)) = (parts[0].parse::<u32>(), parts[1].parse::<u32>()) else { continue };
            if h > 24 || m > 59 {
                continue;
            }
            let before = i.checked_sub(1).map(|j| doc.token_str(&tokens[j]).to_lowercase());
            let after = tokens.get(i + 1).map(|n| doc.token_str(n).to_lowercase());
            let timed = matches!(before.as_deref(), Some("pukul" | "jam" | "pkl"))
                || after.as_deref().is_some_and(|a| TIME_ZONES.contains(&a) || DAY_PARTS.contains(&a) || a == "waktu");
            if timed {
                out.push(ClockTime { span: t.span, separator: sep });
            }
        }
    }
    out
}

/// The separator most clock times in the article use; `.` on a tie or when there are none.
pub(crate) fn majority_time_separator(times: &[ClockTime]) -> char {
    let colons = times.iter().filter(|t| t.separator == ':').count();
    if colons * 2 > times.len() { ':' } else { '.' }
}

/// The rule test helpers, kept under their first home's name for the rules that import them so.
#[cfg(test)]
pub(crate) use crate::rules::test_support;
