//! Word knowledge: embedded Hunspell dictionaries, Indonesian morphology on top of them, the
//! non-standard -> standard map, supplementary word lists, and suggestions. Loaded lazily, once
//! per process, so a run pays only for the languages it meets.

pub mod english;
pub mod glossary;
pub mod hunspell;
pub mod indonesian;
pub mod loans;
pub mod nonstandard;
pub mod suggest;

use std::collections::HashSet;

/// Words from a plain list: one a line, `#` starts a comment. Returned lower-cased.
pub fn parse_word_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Normalise the apostrophes and hyphens a word may be typed with.
pub fn normalise(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '‑' | '‐' => '-',
            c => c,
        })
        .collect()
}
