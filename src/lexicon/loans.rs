//! Indonesian loanwords spelled by the absorption rules of EYD V (unsur serapan): `komposisi`
//! from *composition*, `disabilitas` from *disability*, `karakter` from *character*. A word that
//! the dictionary lacks but that maps back onto an English word by those rules is a standard
//! loan, not a typo.

use super::english;

/// English endings for an Indonesian loan ending, most regular first.
const ENDINGS: &[(&str, &[&str])] = &[
    ("isasi", &["ization", "isation"]),
    ("asi", &["ation"]),
    ("si", &["tion", "sion", "sis", "sy", "cy"]),
    ("tas", &["ty"]),
    ("isme", &["ism"]),
    ("is", &["ist", "ic", "ical", "ism", "ise", "ize"]),
    ("ik", &["ic", "ical", "ics"]),
    ("if", &["ive"]),
    ("ensi", &["ence", "ency"]),
    ("ansi", &["ance", "ancy"]),
    ("en", &["ent"]),
    ("an", &["ant"]),
    ("er", &["er", "re"]),
    ("ir", &["er", "eur"]),
    ("ur", &["ure"]),
    ("or", &["or"]),
    ("al", &["al"]),
    ("i", &["y", "ie"]),
    ("o", &["o", "e"]),
    ("", &["", "e"]),
];

/// English spellings for one Indonesian letter group inside a loan: (letters taken, English
/// spelling, or "" for the letter itself). At most six, so they live on the stack: the search
/// asks this at every step of every spelling.
fn letter_options(rest: &str) -> LetterOptions {
    let mut options = LetterOptions::NONE;
    let mut push = |len: usize, english: &'static [&'static str]| {
        for e in english {
            options.items[options.len] = (len, *e);
            options.len += 1;
        }
    };
    if rest.starts_with("ks") {
        push(2, &["x", "cs"]);
    }
    if rest.starts_with("kw") {
        push(2, &["qu"]);
    }
    match rest.chars().next() {
        Some('k') => push(1, &["c", "k", "ch", "ck"]),
        Some('f') => push(1, &["f", "ph"]),
        Some('i') => push(1, &["i", "y"]),
        Some('s') => push(1, &["s", "c", "z"]),
        Some('t') => push(1, &["t", "th"]),
        Some('e') => push(1, &["e", "a"]),
        Some('u') => push(1, &["u", "o"]),
        Some(c) if c.is_ascii_alphabetic() => {}
        _ => return LetterOptions::NONE,
    }
    if options.len == 0 {
        let len = rest.chars().next().map_or(0, char::len_utf8);
        options.items[0] = (len, "");
        options.len = 1;
    }
    options
}

struct LetterOptions {
    items: [(usize, &'static str); 6],
    len: usize,
}

impl LetterOptions {
    const NONE: LetterOptions = LetterOptions { items: [(0, ""); 6], len: 0 };

    fn iter(&self) -> impl Iterator<Item = &(usize, &'static str)> {
        self.items[..self.len].iter()
    }
}

/// How many spellings [`respell`] makes of each end of `stem`, budget aside: `counts[n]` for
/// its last `n` bytes.
fn spelling_counts(stem: &str) -> Vec<usize> {
    let mut counts = vec![0usize; stem.len() + 1];
    counts[0] = 1;
    for n in 1..=stem.len() {
        let at = stem.len() - n;
        if stem.is_char_boundary(at) {
            counts[n] = letter_options(&stem[at..]).iter().fold(0, |sum: usize, (len, _)| sum.saturating_add(counts[n - len]));
        }
    }
    counts
}

/// Spell `stem` the English way in every combination, in order, and ask `found` about each
/// until it says yes or `budget` spellings have been made. One buffer serves every spelling: a
/// name that is no loan is respelled hundreds of ways, and allocating each was most of the cost.
/// A spelling no English word starts like (`may_start` says so) is not finished: `found` would
/// say no to every way of ending it, so those ways are only charged to the budget (`counts`,
/// from [`spelling_counts`]), and the same spellings fall within it as when each was made.
fn respell(stem: &str, spelled: &mut String, budget: &mut usize, counts: &[usize], may_start: MayStart, found: &mut dyn FnMut(&str) -> bool) -> bool {
    if *budget == 0 {
        return false;
    }
    crate::work::count(1);
    if stem.is_empty() {
        *budget -= 1;
        return found(spelled);
    }
    for &(len, english) in letter_options(stem).iter() {
        let piece = if english.is_empty() { &stem[..len] } else { english };
        let at = spelled.len();
        spelled.push_str(piece);
        let rest = &stem[len..];
        let hit = if at < english::LONG_START_LETTERS
            && spelled.len() >= english::START_LETTERS
            && !may_start(spelled.as_bytes())
        {
            *budget = budget.saturating_sub(counts[rest.len()]);
            false
        } else {
            respell(rest, spelled, budget, counts, may_start, found)
        };
        spelled.truncate(at);
        if hit {
            return true;
        }
    }
    false
}

/// Whether some English word may start with these letters (`false` is certain).
type MayStart = fn(&[u8]) -> bool;

/// Whether a lower-case word is a regular Indonesian spelling of an English word.
pub fn is_regular_loan(word: &str) -> bool {
    regular_loan(word, english::us_letters_word_may_start).is_some()
}

/// The English word a lower-case word is a regular Indonesian spelling of, if any.
pub fn regular_loan_source(word: &str) -> Option<String> {
    regular_loan(word, english::us_letters_word_may_start)
}

fn regular_loan(word: &str, may_start: MayStart) -> Option<String> {
    // An English word is English, not a loan respelled (`delete` is not `delate` absorbed).
    // The search recurses once per letter of the stem: a bounded word keeps it shallow.
    if word.chars().count() < 5 || super::too_long_to_search(word) || !word.chars().all(|c| c.is_ascii_lowercase()) || english::is_us_letters_word(word) {
        return None;
    }
    for (ending, english_endings) in ENDINGS {
        let Some(stem) = word.strip_suffix(ending) else { continue };
        if stem.len() < 3 {
            continue;
        }
        // The first 256 spellings of the stem, each with every English ending.
        let mut candidate = String::new();
        let mut found = |spelled: &str| {
            english_endings.iter().any(|e| {
                candidate.clear();
                candidate.push_str(spelled);
                candidate.push_str(e);
                // Letters alone, like the word: the cheaper test answers as `is_word` would.
                candidate != word && english::is_us_letters_word(&candidate)
            })
        };
        if respell(stem, &mut String::new(), &mut 256, &spelling_counts(stem), may_start, &mut found) {
            return Some(candidate);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_regular_loans() {
        for w in ["komposisi", "disabilitas", "karakter", "endemik", "testimoni", "organisasi", "konsisten", "teknologi", "aktif", "eksportir"] {
            assert!(is_regular_loan(w), "{w}");
        }
    }

    /// Every spelling made: `respell` as it was before it skipped spellings no English word
    /// starts like, the reference the skipping must answer exactly as.
    fn every_start(_: &[u8]) -> bool {
        true
    }

    /// For each stem of `word`, the spellings made when none is a word (those no English word
    /// starts like left out) and the budget left after them, with or without skipping.
    fn spellings_and_budgets(word: &str, skipping: bool) -> Vec<(Vec<String>, usize)> {
        let mut made = Vec::new();
        for (ending, _) in ENDINGS {
            let Some(stem) = word.strip_suffix(ending).filter(|s| s.len() >= 3) else { continue };
            let (mut budget, mut spellings) = (256, Vec::new());
            let mut found = |spelled: &str| {
                if english::us_letters_word_may_start(spelled.as_bytes()) {
                    spellings.push(spelled.to_string());
                }
                false
            };
            let may_start = if skipping { english::us_letters_word_may_start } else { every_start };
            respell(stem, &mut String::new(), &mut budget, &spelling_counts(stem), may_start, &mut found);
            made.push((spellings, budget));
        }
        made
    }

    /// Indonesian-looking words: the project's word lists, English words spelled the EYD V way
    /// (loans, found deep in the search) and the same with a letter changed (near misses).
    fn sample_words() -> Vec<String> {
        let lists = [
            include_str!("../../data/id/extra-words.txt"),
            include_str!("../../data/id/nonstandard.tsv"),
            include_str!("../../data/en/extra-words.txt"),
            include_str!("../../data/glossary/absorbed-loans.txt"),
            include_str!("../../data/glossary/keep-in-english.txt"),
            include_str!("../../data/glossary/en-id.tsv"),
            include_str!("../../data/glossary/has-equivalent.tsv"),
        ];
        let mut words: Vec<String> = lists
            .iter()
            .flat_map(|l| l.split(|c: char| !c.is_alphabetic()))
            .map(str::to_lowercase)
            .filter(|w| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        let absorbed = |english: &str| {
            let mut w = english.to_string();
            for (from, to) in [("tion", "si"), ("ty", "tas"), ("ph", "f"), ("th", "t"), ("qu", "kw"), ("x", "ks"), ("ck", "k"), ("ch", "k"), ("c", "k"), ("y", "i")] {
                w = w.replace(from, to);
            }
            w
        };
        let english: Vec<String> = include_str!("../../dict/en_US.dic")
            .lines()
            .skip(1)
            .step_by(23)
            .map(|l| l.split('/').next().unwrap_or("").to_string())
            .filter(|w| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        for (i, e) in english.iter().enumerate() {
            let loan = absorbed(e);
            let mut near = loan.clone().into_bytes();
            let at = i % near.len();
            near[at] = b'a' + (near[at] - b'a' + 1 + (i % 25) as u8) % 26;
            words.push(loan);
            words.extend(String::from_utf8(near).ok());
        }
        words.sort();
        words.dedup();
        words
    }

    #[test]
    fn skipping_spellings_no_english_word_starts_like_changes_nothing() {
        // Skipping starts once the table of starts is built.
        english::US_LETTERS_WORD_STARTS.force();
        let words = sample_words();
        assert!(words.len() > 2_000, "{}", words.len());
        let mut loans = 0;
        for word in &words {
            assert_eq!(spellings_and_budgets(word, true), spellings_and_budgets(word, false), "{word}");
            let loan = is_regular_loan(word);
            assert_eq!(loan, regular_loan(word, every_start).is_some(), "{word}");
            loans += usize::from(loan);
        }
        // Both answers are exercised.
        assert!(loans > 100 && words.len() - loans > 100, "{loans} of {}", words.len());
    }

    #[test]
    fn a_word_of_thousands_of_letters_is_no_loan_and_no_crash() {
        // Each letter was a level of recursion: 7,676 letters overflowed the stack (D1).
        for word in ["a".repeat(20_000), "ha".repeat(10_000), "komposisi".repeat(2_000)] {
            assert!(!is_regular_loan(&word));
        }
        assert!(!is_regular_loan(&"a".repeat(super::super::MAX_WORD_LETTERS + 1)));
    }

    #[test]
    fn typos_are_not_loans() {
        for w in ["delete", "update", "pemerinatah", "teirma", "pertengakaran", "perbutannya", "pasein", "sebesa", "kilimeter"] {
            assert!(!is_regular_loan(w), "{w}");
        }
    }
}
