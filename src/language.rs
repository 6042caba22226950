//! The language of an article: Indonesian or English, set or detected.

use serde::{Deserialize, Serialize};
use crate::lexicon::WordSet;
use std::fmt;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Id,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }
    /// Accepts `id`, `en` and the usual longer tags (`id-ID`, `en_US`, `indonesian`).
    pub fn parse(s: &str) -> Option<Language> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "id" | "in" | "ind" | "indonesian" | "indonesia" | "bahasa" => Some(Language::Id),
            "en" | "eng" | "english" => Some(Language::En),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How the language of a document is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguageSetting {
    #[default]
    Auto,
    Fixed(Language),
}

impl LanguageSetting {
    pub fn parse(s: &str) -> Option<LanguageSetting> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Some(LanguageSetting::Auto)
        } else {
            Language::parse(s).map(LanguageSetting::Fixed)
        }
    }
}

const INDONESIAN_MARKERS: &[&str] = &[
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "tidak", "akan",
    "dalam", "adalah", "juga", "oleh", "karena", "atau", "mereka", "kata", "telah", "sudah", "bahwa",
    "saat", "ada", "kami", "dia", "ia", "para", "tersebut", "sebagai", "lebih", "seorang", "setelah",
];
const ENGLISH_MARKERS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "as", "said", "by",
    "at", "from", "it", "he", "she", "they", "were", "are", "be", "has", "have", "had", "an", "this",
    "which", "after", "not", "but", "his", "her", "their", "will", "would",
];

/// The marker lists as sets: every word of an article is looked up in both.
static MARKERS: LazyLock<(WordSet<&str>, WordSet<&str>)> =
    LazyLock::new(|| (INDONESIAN_MARKERS.iter().copied().collect(), ENGLISH_MARKERS.iter().copied().collect()));

/// Detect the language from function words. Returns `None` when the text gives too little to go on.
pub fn detect(text: &str) -> Option<Language> {
    let (mut id, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        // No marker is longer than eight letters, and lower-casing never makes a word shorter
        // in characters; a short ASCII word is lower-cased on the stack.
        let mut ascii = [0u8; 8];
        let owned;
        let lower = if word.len() <= ascii.len() && word.is_ascii() {
            let ascii = &mut ascii[..word.len()];
            ascii.copy_from_slice(word.as_bytes());
            ascii.make_ascii_lowercase();
            std::str::from_utf8(ascii).unwrap_or_default()
        } else if word.is_ascii() || word.chars().count() > ascii.len() {
            continue;
        } else {
            owned = word.to_lowercase();
            owned.as_str()
        };
        if MARKERS.0.contains(lower) {
            id += 1;
        }
        if MARKERS.1.contains(lower) {
            en += 1;
        }
    }
    if id + en < 2 {
        return None;
    }
    Some(if id >= en { Language::Id } else { Language::En })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_both_languages() {
        assert_eq!(detect("Banjir bandang menewaskan setidaknya 15 orang di Sumatera Barat, kata pejabat."), Some(Language::Id));
        assert_eq!(detect("The flood killed at least 15 people in the province, officials said on Monday."), Some(Language::En));
        assert_eq!(detect("Zelensky"), None);
    }

    #[test]
    fn parses_tags() {
        assert_eq!(Language::parse("id-ID"), Some(Language::Id));
        assert_eq!(Language::parse("en_US"), Some(Language::En));
        assert_eq!(Language::parse("fr"), None);
        assert_eq!(LanguageSetting::parse("AUTO"), Some(LanguageSetting::Auto));
    }
}
