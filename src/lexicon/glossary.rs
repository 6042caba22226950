//! Bundled glossaries for untranslated words (sources and licences in each file's header):
//! English -> Indonesian news vocabulary, foreign terms with an official Indonesian equivalent,
//! English-looking words Indonesian has absorbed, and Indonesian words English news keeps.

use std::sync::LazyLock;

fn parse_pairs(text: &'static str) -> super::WordMap<&'static str, Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (from, to) = l.split_once('\t')?;
            Some((from.trim(), to.split('|').map(str::trim).filter(|s| !s.is_empty()).collect()))
        })
        .collect()
}

static EN_ID: LazyLock<super::WordMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| parse_pairs(include_str!("../../data/glossary/en-id.tsv")));
static HAS_EQUIVALENT: LazyLock<super::WordMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| parse_pairs(include_str!("../../data/glossary/has-equivalent.tsv")));
static ABSORBED: LazyLock<super::WordSet> = LazyLock::new(|| super::parse_word_list(include_str!("../../data/glossary/absorbed-loans.txt")));
static KEPT_IN_ENGLISH: LazyLock<super::WordSet> = LazyLock::new(|| super::parse_word_list(include_str!("../../data/glossary/keep-in-english.txt")));

/// Indonesian equivalents of an English word, best first.
pub fn indonesian_for(english: &str) -> Option<&'static [&'static str]> {
    EN_ID.get(english).map(Vec::as_slice)
}

/// The official Indonesian equivalent of a foreign term newsrooms often keep (online -> daring).
pub fn official_equivalent(term: &str) -> Option<&'static [&'static str]> {
    HAS_EQUIVALENT.get(term).map(Vec::as_slice)
}

/// An English-looking word that Indonesian has absorbed as it is (bank, data, film).
pub fn is_absorbed_loan(word: &str) -> bool {
    ABSORBED.contains(word)
}

/// An Indonesian word that English-language news keeps (bupati, kampung, rupiah).
pub fn is_kept_in_english(word: &str) -> bool {
    KEPT_IN_ENGLISH.contains(word)
}

pub fn sizes() -> (usize, usize, usize, usize) {
    (EN_ID.len(), HAS_EQUIVALENT.len(), ABSORBED.len(), KEPT_IN_ENGLISH.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossaries_load() {
        let (en_id, equivalent, absorbed, kept) = sizes();
        assert!(en_id >= 1000 && equivalent >= 100 && absorbed >= 100 && kept >= 50, "{:?}", sizes());
        assert_eq!(official_equivalent("online").map(|s| s[0]), Some("daring"));
        assert!(indonesian_for("windows").is_some_and(|s| s.contains(&"jendela")));
        assert!(is_absorbed_loan("bank") && is_kept_in_english("bupati"));
    }
}
