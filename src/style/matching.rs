//! The matching of house style rules: where a parsed [`StyleRule`](super::StyleRule) finds its
//! words, phrases or patterns in a document's masked prose. The file format and its parsing are
//! in `style.rs`, a step above; the rule that reports what is found is `rules::style`.

use crate::diagnostic::Span;
use crate::document::{Document, TokenKind};
use crate::lexicon::match_case;
use regex::Regex;
use std::collections::HashMap;
use toml::Spanned;

/// Where a rule looks for its matches in the article's prose.
pub(crate) enum Matcher {
    /// Words and phrases, one alternation; the table maps a (normalised) match to its replacements.
    Literal { regex: Regex, table: HashMap<String, Vec<String>>, ignore_case: bool, stand_ins: Option<StandIns> },
    /// Regular expressions, each with replacement templates (`$1`).
    Patterns(Vec<(Regex, Vec<String>)>),
}

/// Collapse white space, and fold case when the rule ignores it: the key of the literal table.
pub(super) fn normalise_match(s: &str, ignore_case: bool) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if ignore_case { joined.to_lowercase() } else { joined }
}

pub(super) fn build_matcher(entries: &[(&Spanned<String>, Vec<String>)], regex: bool, ignore_case: bool) -> Result<Matcher, (usize, String)> {
    let flags = if ignore_case { "(?i)" } else { "" };
    if regex {
        let mut patterns = Vec::new();
        for (key, replacements) in entries {
            let compiled = Regex::new(&format!("{flags}{}", key.get_ref())).map_err(|e| (key.span().start, format!("invalid regular expression: {e}")))?;
            patterns.push((compiled, replacements.clone()));
        }
        return Ok(Matcher::Patterns(patterns));
    }
    let mut table = HashMap::new();
    let mut alternatives: Vec<(usize, String)> = Vec::new();
    for (key, replacements) in entries {
        let words: Vec<&str> = key.get_ref().split_whitespace().collect();
        if words.is_empty() {
            return Err((key.span().start, "an empty word".to_string()));
        }
        let body = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join(r"\s+");
        let starts_word = words[0].chars().next().is_some_and(char::is_alphanumeric);
        let ends_word = words[words.len() - 1].chars().last().is_some_and(char::is_alphanumeric);
        alternatives.push((key.get_ref().len(), format!("{}{body}{}", if starts_word { r"\b" } else { "" }, if ends_word { r"\b" } else { "" })));
        table.insert(normalise_match(key.get_ref(), ignore_case), replacements.clone());
    }
    // Longest first, so that `South Korea` wins over `Korea`.
    alternatives.sort_by_key(|(len, _)| std::cmp::Reverse(*len));
    let pattern = format!("{flags}(?:{})", alternatives.into_iter().map(|(_, a)| a).collect::<Vec<_>>().join("|"));
    let regex = Regex::new(&pattern).map_err(|e| (0, format!("the word list does not compile: {e}")))?;
    let key_holds = |c: char| entries.iter().any(|(key, _)| key.get_ref().contains(c));
    let stand_ins = FILLERS.iter().copied().find(|&f| !key_holds(char::from(f))).map(|filler| StandIns {
        filler,
        chars: TYPOGRAPHIC.iter().copied().filter(|&c| !key_holds(c)).collect(),
    });
    Ok(Matcher::Literal { regex, table, ignore_case, stand_ins })
}

/// A set of (first byte, length) pairs of words: a word outside it is none of the words.
pub(crate) struct WordShapes(Box<[u64; 256]>);

impl WordShapes {
    pub(crate) fn new<'w>(words: impl Iterator<Item = &'w String>) -> WordShapes {
        let mut bits = Box::new([0u64; 256]);
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                bits[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        WordShapes(bits)
    }

    pub(crate) fn may_hold(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&b| self.0[usize::from(b)] & (1 << word.len().min(63)) != 0)
    }
}

/// Punctuation a word list's pattern cannot match, and the ASCII byte that stands in for it.
pub(crate) struct StandIns {
    filler: u8,
    chars: Vec<char>,
}

/// Typographic punctuation common in news copy (curly quotes, dashes, ellipses): neither word
/// characters nor white space, so to a word list's pattern any other such character is the same.
const TYPOGRAPHIC: &[char] = &[
    '“', '”', '‘', '’', '‚', '„', '«', '»', '‹', '›', '‐', '‑', '‒', '–', '—', '―', '…', '•', '·', '′', '″', '°', '±', '×', '§', '¶', '©', '®', '™',
    '€', '£', '¡', '¿',
];
/// ASCII stand-ins for [`TYPOGRAPHIC`]: control characters, neither word characters nor white space.
const FILLERS: &[u8] = &[0x01, 0x02, 0x03, 0x04];

/// The prose with the typographic punctuation that no key contains replaced, byte for byte, by
/// an ASCII filler: the same matches (a key cannot match either, and `\b` and `\s` see both as
/// punctuation), but an ASCII text lets the regex engine use its DFA, which gives up at non-ASCII
/// bytes next to a Unicode `\b` and leaves the search to the far slower PikeVM.
pub(super) fn ascii_stand_ins<'t>(masked: &'t str, stand_ins: &StandIns) -> std::borrow::Cow<'t, str> {
    let bytes = masked.as_bytes();
    let Some(first) = bytes.iter().position(|b| !b.is_ascii()) else { return masked.into() };
    let mut out = bytes.to_vec();
    let mut i = first;
    while i < out.len() {
        if bytes[i].is_ascii() {
            i += bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
            continue;
        }
        let Some(c) = masked.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let len = c.len_utf8();
        if stand_ins.chars.contains(&c) {
            out[i..i + len].fill(stand_ins.filler);
        }
        i += len;
    }
    // Whole non-ASCII characters were replaced by ASCII bytes, so the text is still UTF-8.
    String::from_utf8(out).map_or_else(|_| masked.into(), Into::into)
}

impl Matcher {
    /// Whether a word list rewrites `from` (a whole key) as `to`, in either case when the rule
    /// ignores case. Patterns answer no.
    pub(crate) fn rewrites(&self, from: &str, to: &str) -> bool {
        match self {
            Matcher::Literal { table, ignore_case, .. } => table
                .get(&normalise_match(from, *ignore_case))
                .is_some_and(|replacements| replacements.iter().any(|r| if *ignore_case { r.eq_ignore_ascii_case(to) || r.to_lowercase() == to.to_lowercase() } else { r == to })),
            Matcher::Patterns(_) => false,
        }
    }

    /// Matches in the masked prose: (span, replacements), in order, not overlapping.
    pub(crate) fn find(&self, doc: &Document) -> Vec<(Span, Vec<String>)> {
        let masked = doc.masked.as_str();
        let mut found: Vec<(Span, Vec<String>)> = Vec::new();
        match self {
            Matcher::Literal { regex, table, ignore_case, stand_ins } => {
                let haystack = match stand_ins {
                    Some(s) => ascii_stand_ins(masked, s),
                    None => masked.into(),
                };
                for m in regex.find_iter(&haystack) {
                    let matched = &masked[m.range()];
                    if let Some(replacements) = table.get(&normalise_match(matched, *ignore_case)) {
                        let replacements = if *ignore_case { replacements.iter().map(|r| match_case(matched, r)).collect() } else { replacements.clone() };
                        found.push((Span::new(m.start(), m.end()), replacements));
                    }
                }
            }
            Matcher::Patterns(patterns) => {
                for (regex, templates) in patterns {
                    for caps in regex.captures_iter(masked) {
                        let Some(m) = caps.get(0) else { continue };
                        if m.is_empty() {
                            continue;
                        }
                        let replacements = templates
                            .iter()
                            .map(|t| {
                                let mut out = String::new();
                                caps.expand(t, &mut out);
                                out
                            })
                            .collect();
                        found.push((Span::new(m.start(), m.end()), replacements));
                    }
                }
                found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
            }
        }
        let mut out: Vec<(Span, Vec<String>)> = Vec::new();
        for (span, replacements) in found {
            if out.last().is_some_and(|(prev, _)| prev.end > span.start) {
                continue;
            }
            // Only whole tokens of prose: not inside a word, a handle, code or a URL.
            if masked[span.range()].contains(['\u{1A}', '\u{1F}']) || token_at_start(doc, span.start).is_none() || token_at_end(doc, span.end).is_none() {
                continue;
            }
            out.push((span, replacements));
        }
        out
    }
}

pub(crate) fn token_at_start(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.tokens.binary_search_by_key(&offset, |t| t.span.start).ok()?;
    matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number | TokenKind::Punct).then_some(i)
}

pub(crate) fn token_at_end(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.end < offset);
    (doc.tokens.get(i)?.span.end == offset).then_some(i)
}
