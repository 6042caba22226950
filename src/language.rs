//! The language of an article: Indonesian or English, set or detected.

use serde::{Deserialize, Serialize};
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

/// Which marker list each marker is on, by its letters packed into a `u64` (no marker is
/// longer than eight), sorted: every word of an article is looked up, and one binary search of
/// integers costs less than hashing the word for two sets.
static MARKERS: LazyLock<Vec<(u64, bool, bool)>> = LazyLock::new(|| {
    let mut table: Vec<(u64, bool, bool)> = Vec::new();
    for word in INDONESIAN_MARKERS.iter().chain(ENGLISH_MARKERS) {
        let Some(key) = packed(word.as_bytes()) else { continue };
        if table.iter().any(|(k, _, _)| *k == key) {
            continue;
        }
        table.push((key, INDONESIAN_MARKERS.contains(word), ENGLISH_MARKERS.contains(word)));
    }
    table.sort_unstable();
    table
});

/// Up to eight bytes as one integer (distinct for distinct words of letters: no letter is 0).
fn packed(bytes: &[u8]) -> Option<u64> {
    (bytes.len() <= 8).then(|| bytes.iter().fold(0u64, |key, &b| key << 8 | u64::from(b)))
}

/// Whether a lower-case word is an (Indonesian, English) marker.
fn marker(lower: &[u8]) -> (bool, bool) {
    let Some(key) = packed(lower) else { return (false, false) };
    match MARKERS.binary_search_by_key(&key, |(k, _, _)| *k) {
        Ok(i) => (MARKERS[i].1, MARKERS[i].2),
        Err(_) => (false, false),
    }
}

/// Detect the language from function words. Returns `None` when the text gives too little to go on.
pub fn detect(text: &str) -> Option<Language> {
    let (mut id, mut en) = (0usize, 0usize);
    for word in alphabetic_runs(text).take(5000) {
        // No marker is longer than eight letters, and lower-casing never makes a word shorter
        // in characters; a short ASCII word is lower-cased on the stack.
        let mut ascii = [0u8; 8];
        let owned;
        let lower: &[u8] = if word.len() <= ascii.len() && word.is_ascii() {
            let ascii = &mut ascii[..word.len()];
            ascii.copy_from_slice(word.as_bytes());
            ascii.make_ascii_lowercase();
            ascii
        } else if word.is_ascii() || word.chars().count() > ascii.len() {
            continue;
        } else {
            owned = word.to_lowercase();
            owned.as_bytes()
        };
        let (indonesian, english) = marker(lower);
        id += usize::from(indonesian);
        en += usize::from(english);
    }
    if id + en < 2 {
        return None;
    }
    Some(if id >= en { Language::Id } else { Language::En })
}

/// The runs of alphabetic characters of `text`, as `text.split(|c| !c.is_alphabetic())` gives
/// them without the empty ones, reading ASCII a byte at a time: this runs over every article
/// before anything else, and decoding each character was most of its cost.
fn alphabetic_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the character at `at` is alphabetic, and its length (`at` only ever steps over
    // whole characters, so it is a character boundary).
    let class = move |at: usize| {
        let b = bytes[at];
        if b.is_ascii() {
            (b.is_ascii_alphabetic(), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_alphabetic(), c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        // Up to the next letter.
        loop {
            while at < bytes.len() && bytes[at].is_ascii() && !bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            if at >= bytes.len() {
                return None;
            }
            let (alphabetic, len) = class(at);
            if alphabetic {
                break;
            }
            at += len;
        }
        // Through the run.
        let start = at;
        loop {
            while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            if at >= bytes.len() {
                break;
            }
            let (alphabetic, len) = class(at);
            if !alphabetic {
                break;
            }
            at += len;
        }
        Some(&text[start..at])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabetic_runs_split_as_str_split_does() {
        for text in ["", "a", " kata, dan-lain  ", "Ärzte über 12 Straßen!", "İstanbul\u{300}x", "日本語 テキスト", "—«Ya»—", "a\u{a0}b"] {
            let expected: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            assert_eq!(alphabetic_runs(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn alphabetic_runs_split_any_text_as_str_split_does(text in "(\\PC|[a-z ,.-]){0,40}") {
            let expected: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(alphabetic_runs(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn markers_are_found_on_their_lists() {
        for w in INDONESIAN_MARKERS.iter().chain(ENGLISH_MARKERS) {
            assert_eq!(marker(w.as_bytes()), (INDONESIAN_MARKERS.contains(w), ENGLISH_MARKERS.contains(w)), "{w}");
        }
        for w in ["", "ya", "yangg", "th", "thee", "sebagaimana", "tersebutlah"] {
            assert_eq!(marker(w.as_bytes()), (false, false), "{w}");
        }
    }

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
