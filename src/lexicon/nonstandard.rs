//! Non-standard Indonesian forms (kata tidak baku) and their standard forms (kata baku), from
//! `data/id/nonstandard.tsv` (sources named in that file).

use std::borrow::Cow;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandardForm {
    pub standard: Cow<'static, str>,
    /// KBBI prefers `standard`, but edited news still often writes the other form.
    pub contested: bool,
    /// Found by the rules of respelling ([`patterned`]), not in the curated list.
    pub regular: bool,
}

static TABLE: LazyLock<super::WordMap<&'static str, (&'static str, bool)>> = LazyLock::new(|| {
    include_str!("../../data/id/nonstandard.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (from, to, kind) = (cols.next()?, cols.next()?, cols.next().unwrap_or("strict"));
            Some((from, (to, kind.trim() == "contested")))
        })
        .collect()
});

/// The standard form of a lower-case non-standard word.
pub fn standard_form(lower: &str) -> Option<StandardForm> {
    TABLE.get(lower).map(|&(standard, contested)| StandardForm { standard: Cow::Borrowed(standard), contested, regular: false })
}

/// The regular ways a loanword (or an old spelling) is written against EYD V, as (written,
/// standard) pieces: *aktiv* -> *aktif*, *propinsi* -> *provinsi*, *formil* -> *formal*,
/// *kwalitas* -> *kualitas*, *ahir* -> *akhir*, *eksport* -> *ekspor*, *jendral* -> *jenderal*.
const PATTERNS: &[(&str, &str)] = &[
    ("v", "f"),
    ("p", "f"),
    ("p", "v"),
    ("f", "v"),
    ("f", "p"),
    ("kw", "ku"),
    ("kh", "k"),
    ("h", "kh"),
    ("ph", "f"),
    ("th", "t"),
    ("ch", "k"),
    ("sh", "sy"),
    ("dh", "d"),
    ("q", "k"),
    ("x", "ks"),
    ("y", "j"),
];

/// Endings by the same rules: *formil* -> *formal*, *universitet* -> *universitas*,
/// *eksport* -> *ekspor*, *analisa* -> *analisis*, *organisir* -> *organisasi*.
const ENDINGS: &[(&str, &str)] = &[("il", "al"), ("tet", "tas"), ("rt", "r"), ("ct", "k"), ("kt", "k"), ("isa", "isis"), ("isir", "isasi"), ("ase", "asi"), ("ik", "ika"), ("ek", "ik")];

/// The standard form of a word that is not one, when one regular respelling (or two) of
/// [`PATTERNS`], [`ENDINGS`], a doubled consonant written once (*missi* -> *misi*) or a
/// schwa restored between consonants (*jendral* -> *jenderal*) gives a word `is_standard`
/// accepts. The caller asks only of words that are not words themselves.
pub fn patterned(lower: &str, is_standard: &dyn Fn(&str) -> bool) -> Option<String> {
    if lower.len() < 4 || lower.len() > 40 || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let once = respellings(lower);
    if let Some(found) = once.iter().find(|c| is_standard(c)) {
        return Some(found.clone());
    }
    // A respelling and a respelled ending (*kwalitet* -> *kualitas*).
    once.iter().flat_map(|c| endings(c)).find(|c| c != lower && is_standard(c))
}

/// The respellings of `word`'s ending.
fn endings(word: &str) -> impl Iterator<Item = String> + '_ {
    ENDINGS.iter().filter_map(move |(from, to)| word.strip_suffix(from).map(|stem| format!("{stem}{to}")))
}

/// Every single respelling of `word` by the patterns.
fn respellings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (from, to) in PATTERNS {
        for (at, _) in word.match_indices(from) {
            out.push(format!("{}{to}{}", &word[..at], &word[at + from.len()..]));
        }
    }
    out.extend(endings(word));
    let bytes = word.as_bytes();
    let consonant = |b: u8| !b"aeiouy".contains(&b);
    for i in 1..bytes.len() {
        // (Not at the start: no loan begins with a doubled consonant, a finger does: *ppada*.)
        if i >= 2 && bytes[i] == bytes[i - 1] && consonant(bytes[i]) {
            out.push(format!("{}{}", &word[..i], &word[i + 1..]));
        }
        // A schwa between two consonants: *jendral* -> *jenderal* (not at the start, where
        // clusters are the loan's own: *praktik*).
        if i >= 2 && consonant(bytes[i]) && consonant(bytes[i - 1]) && matches!(bytes[i], b'r' | b'l') {
            out.push(format!("{}e{}", &word[..i], &word[i..]));
        }
    }
    out
}

pub fn len() -> usize {
    TABLE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_respellings_find_the_standard_word() {
        let words = ["aktif", "negatif", "provinsi", "formal", "kualitas", "akhir", "ekspor", "jenderal", "misi", "universitas", "februari", "analisis"];
        let is = |w: &str| words.contains(&w);
        for (written, standard) in [("aktiv", "aktif"), ("negativ", "negatif"), ("propinsi", "provinsi"), ("formil", "formal"), ("kwalitas", "kualitas"), ("ahir", "akhir"), ("eksport", "ekspor"), ("jendral", "jenderal"), ("missi", "misi"), ("universitet", "universitas"), ("pebruari", "februari"), ("kwalitet", "kualitas")] {
            assert_eq!(patterned(written, &is).as_deref(), Some(standard), "{written}");
        }
        for word in ["rumah", "kantor", "zzzz", "Aktiv", "abc"] {
            assert_eq!(patterned(word, &is), None, "{word}");
        }
    }

    #[test]
    fn table_has_the_common_pairs() {
        assert!(len() >= 500, "{}", len());
        for (from, to) in [("resiko", "risiko"), ("himbauan", "imbauan"), ("ibukota", "ibu kota"), ("dirubah", "diubah"), ("menghimbau", "mengimbau")] {
            assert_eq!(standard_form(from).map(|s| s.standard.into_owned()).as_deref(), Some(to), "{from}");
        }
        assert_eq!(standard_form("risiko"), None);
        for (from, (standard, _)) in TABLE.iter() {
            assert_ne!(from, standard);
            assert!(!from.contains(' '), "{from}");
        }
    }
}
