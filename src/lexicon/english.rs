//! English words: the en_US (or en_GB) Hunspell dictionary, a supplementary list of news words,
//! possessives, contractions and hyphenated compounds.

use super::hunspell::{self, EN_GB, EN_US};
use super::{parse_word_set, WordSet};
use spellbook::Dictionary;
use std::sync::LazyLock;

static EXTRA: LazyLock<WordSet> = LazyLock::new(|| parse_word_set(include_str!("../../data/en/extra-words.txt")));

/// Which English spellings are right. News in English comes from both sides of the Atlantic, so
/// by default either is; a newsroom pins one in its configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Dialect {
    #[default]
    Any,
    Us,
    Gb,
}

impl Dialect {
    /// The dictionary that suggests corrections.
    pub fn suggesting_dictionary(self) -> &'static Dictionary {
        match self {
            Dialect::Gb => &EN_GB,
            Dialect::Us | Dialect::Any => &EN_US,
        }
    }
}

fn listed(word: &str, dialect: Dialect) -> bool {
    // Most words asked about are lower case already; lower-casing only the others saves an
    // allocation per question (loan respelling asks hundreds).
    let lower: std::borrow::Cow<str> = if word.bytes().all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii()) { word.into() } else { word.to_lowercase().into() };
    EXTRA.contains(lower.as_ref())
        || match dialect {
            Dialect::Us => EN_US.check(word),
            Dialect::Gb => EN_GB.check(word),
            Dialect::Any => EN_US.check(word) || EN_GB.check(word),
        }
}

/// [`is_word`] in US English for a word of ASCII lower-case letters alone, which can be neither
/// a possessive, a contraction nor a compound: the thousands of respellings of `loans` ask this.
pub fn is_us_letters_word(word: &str) -> bool {
    debug_assert!(word.bytes().all(|b| b.is_ascii_lowercase()));
    !word.is_empty() && (EXTRA.contains(word) || hunspell::check_us_letters(word))
}

/// Whether a word (apostrophes normalised to `'`) is English. Case is respected: `monday` is not
/// a word, `Monday` is.
pub fn is_word(word: &str, dialect: Dialect) -> bool {
    if word.is_empty() {
        return false;
    }
    if listed(word, dialect) {
        return true;
    }
    // Possessives: government's, officials'.
    if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix('\''))
        && !stem.is_empty() && is_word(stem, dialect) {
            return true;
        }
    // Contractions the dictionary lacks: they'll, would've.
    for suffix in ["n't", "'ll", "'ve", "'re", "'d", "'m"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty() && listed(stem, dialect) {
                return true;
            }
    }
    // Compounds: well-known, long-term, anti-government.
    if word.contains('-') {
        let capitalised = |p: &str| {
            let mut c = p.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).is_some_and(|w| listed(&w, dialect))
        };
        return word.split('-').all(|p| !p.is_empty() && (listed(p, dialect) || capitalised(p) || matches!(p, "anti" | "pre" | "post" | "non" | "co" | "re" | "ex" | "self" | "mid" | "multi" | "pro")));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words() {
        for w in ["anti-semitism", "government", "government's", "officials'", "don't", "they'll", "well-known", "anti-government", "Monday"] {
            assert!(is_word(w, Dialect::Us), "{w}");
        }
        for w in ["goverment", "untill", "definately", "seperate", "occured", "monday"] {
            assert!(!is_word(w, Dialect::Us), "{w}");
        }
        assert!(is_word("colour", Dialect::Gb) && is_word("colour", Dialect::Any) && !is_word("colour", Dialect::Us));
    }
}
