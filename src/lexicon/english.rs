//! English words: the en_US (or en_GB) Hunspell dictionary, a supplementary list of news words,
//! possessives, contractions and hyphenated compounds.

use super::hunspell::{self, Dialect, EN_GB, EN_US};
use super::{parse_word_list, WhenBusy, WordSet};
use std::sync::LazyLock;

static EXTRA: LazyLock<WordSet> = LazyLock::new(|| parse_word_list(include_str!("../../data/en/extra-words.txt")));

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
    // The table of starts refuses most non-words (names, typos) for a fraction of a check.
    !word.is_empty() && us_letters_word_may_start(word.as_bytes()) && (EXTRA.contains(word) || hunspell::check_us_letters(word))
}

/// How many first letters [`us_letters_word_may_start`] looks up exactly.
pub const START_LETTERS: usize = 4;
/// How many first letters it looks up at most: starts of 5 to 8 letters are kept as bits of a
/// hashed table (a start no word has may share a bit with one that some word has, so the table
/// can only say "maybe", never "no" wrongly).
pub const LONG_START_LETTERS: usize = 8;
const LONG_START_BITS: u32 = 23;

/// Which starts some word of [`is_us_letters_word`] has: a bit for each run of
/// [`START_LETTERS`] letters `a`–`z`, and a hashed bit for each longer start up to
/// [`LONG_START_LETTERS`], built from every en_US form and the supplementary list, lower-cased
/// (so never too few: a word with any other start is not English). Building it takes some
/// 50 ms, longer than checking an article: it is built on a thread of its own after 5,000
/// questions, and answers "maybe" until then.
pub static US_LETTERS_WORD_STARTS: WhenBusy<WordStarts> = WhenBusy::new(5_000, word_starts);

pub struct WordStarts {
    four: Vec<u64>,
    longer: Vec<u64>,
}

fn word_starts() -> WordStarts {
    let mut starts = WordStarts { four: vec![0u64; 26usize.pow(START_LETTERS as u32).div_ceil(64)], longer: vec![0u64; 1 << (LONG_START_BITS - 6)] };
    let mut mark = |pieces: [&str; 3]| {
        // The form's first letters, lower-cased, up to the first that is not `a`-`z`.
        let mut letters = [0u8; LONG_START_LETTERS];
        let mut count = 0;
        for c in pieces.iter().flat_map(|p| p.chars()).flat_map(char::to_lowercase).take(LONG_START_LETTERS) {
            if !c.is_ascii_lowercase() {
                break;
            }
            letters[count] = c as u8;
            count += 1;
        }
        if let Some(index) = start_index(&letters[..count]) {
            starts.four[index / 64] |= 1 << (index % 64);
        }
        for n in START_LETTERS + 1..=count {
            let bit = long_start_bit(&letters[..n]);
            starts.longer[bit / 64] |= 1 << (bit % 64);
        }
    };
    hunspell::for_each_us_form(LONG_START_LETTERS, |prefix, stem, suffix| mark([prefix, stem, suffix]));
    for word in EXTRA.iter() {
        mark([word, "", ""]);
    }
    starts
}

/// The index of a run of [`START_LETTERS`] lower-case letters, or `None` for any other bytes.
fn start_index(letters: &[u8]) -> Option<usize> {
    let start = letters.get(..START_LETTERS)?;
    start.iter().try_fold(0, |index, &b| b.is_ascii_lowercase().then(|| index * 26 + usize::from(b - b'a')))
}

/// The bit of a start of 5 to 8 lower-case letters: its letters and length packed, then mixed.
fn long_start_bit(letters: &[u8]) -> usize {
    let packed = letters.iter().fold(letters.len() as u64, |key, &b| key << 5 | u64::from(b - b'a'));
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LONG_START_BITS)) as usize
}

/// Whether some word of [`is_us_letters_word`] may start with `letters` (looked at up to
/// [`LONG_START_LETTERS`]). True when it cannot tell: shorter than [`START_LETTERS`], other
/// bytes than `a`–`z`, or before the table is built.
pub fn us_letters_word_may_start(letters: &[u8]) -> bool {
    let Some(index) = start_index(letters) else { return true };
    let Some(starts) = US_LETTERS_WORD_STARTS.get() else { return true };
    if starts.four[index / 64] & (1 << (index % 64)) == 0 {
        return false;
    }
    let long = &letters[..letters.len().min(LONG_START_LETTERS)];
    if long.len() <= START_LETTERS || !long.iter().all(u8::is_ascii_lowercase) {
        return true;
    }
    // Every start of a word marks each of its shorter starts too, so all of them are asked:
    // a start that shares its bit by chance is still refused by a shorter one, and the answer
    // for a longer run of letters is never "maybe" after "no" for a shorter one.
    (START_LETTERS + 1..=long.len()).all(|n| {
        let bit = long_start_bit(&long[..n]);
        starts.longer[bit / 64] & (1 << (bit % 64)) != 0
    })
}

/// Whether a word (apostrophes normalised to `'`) is English. Case is respected: `monday` is not
/// a word, `Monday` is.
pub fn is_word(word: &str, dialect: Dialect) -> bool {
    if word.is_empty() {
        return false;
    }
    // Letters alone in US English: what `is_us_letters_word` answers, refusing most non-words
    // (the names of Indonesian copy) by their start.
    if dialect == Dialect::Us && word.bytes().all(|b| b.is_ascii_lowercase()) {
        return is_us_letters_word(word);
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

    #[test]
    fn every_us_letters_word_has_a_possible_start() {
        // Words from outside en_US's own list (en_GB's entries, inflected and prefixed the way
        // en_US's affixes do), kept when en_US accepts them: each start must be marked.
        US_LETTERS_WORD_STARTS.force();
        let gb = include_str!("../../dict/en_GB.dic");
        let mut accepted = 0;
        for stem in gb.lines().skip(1).step_by(7).map(|l| l.split('/').next().unwrap_or("").to_lowercase()) {
            for word in [stem.clone(), format!("{stem}s"), format!("{stem}ed"), format!("{stem}ing"), format!("un{stem}"), format!("re{stem}")] {
                if word.len() >= START_LETTERS && word.bytes().all(|b| b.is_ascii_lowercase()) && is_us_letters_word(&word) {
                    accepted += 1;
                    assert!(us_letters_word_may_start(word.as_bytes()), "{word}");
                }
            }
        }
        assert!(accepted > 5_000, "{accepted}");
        for word in ["composition", "disability", "character", "biden", "unhappiness", "covid"] {
            assert!(us_letters_word_may_start(word.as_bytes()), "{word}");
        }
        // Starts no English word has, and what is too short to judge.
        for start in ["kmpo", "xqzt", "dxsa"] {
            assert!(!us_letters_word_may_start(start.as_bytes()), "{start}");
        }
        assert!(us_letters_word_may_start(b"kmp"));
        // Longer starts: Indonesian spellings of English words part from them after four letters.
        for start in ["kompos", "karakter", "teknolo", "organisasi"] {
            assert!(!us_letters_word_may_start(start.as_bytes()), "{start}");
        }
        for start in ["composit", "characte", "technolo", "organization"] {
            assert!(us_letters_word_may_start(start.as_bytes()), "{start}");
        }
    }
}
