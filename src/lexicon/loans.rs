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

/// English spellings for one Indonesian letter group inside a loan.
fn letter_options(rest: &str) -> Vec<(usize, &'static str)> {
    let mut options = Vec::new();
    let mut push = |len: usize, english: &'static [&'static str]| {
        for e in english {
            options.push((len, *e));
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
        _ => return Vec::new(),
    }
    if options.is_empty() {
        let len = rest.chars().next().map_or(0, char::len_utf8);
        options.push((len, ""));
    }
    options
}

/// Spell `stem` the English way in every combination, in order, and ask `found` about each
/// until it says yes or `budget` spellings have been made. One buffer serves every spelling: a
/// name that is no loan is respelled hundreds of ways, and allocating each was most of the cost.
fn respell(stem: &str, spelled: &mut String, budget: &mut usize, found: &mut dyn FnMut(&str) -> bool) -> bool {
    if *budget == 0 {
        return false;
    }
    if stem.is_empty() {
        *budget -= 1;
        return found(spelled);
    }
    for (len, english) in letter_options(stem) {
        let piece = if english.is_empty() { &stem[..len] } else { english };
        let at = spelled.len();
        spelled.push_str(piece);
        let hit = respell(&stem[len..], spelled, budget, found);
        spelled.truncate(at);
        if hit {
            return true;
        }
    }
    false
}

/// Whether a lower-case word is a regular Indonesian spelling of an English word.
pub fn is_regular_loan(word: &str) -> bool {
    // An English word is English, not a loan respelled (`delete` is not `delate` absorbed).
    if word.chars().count() < 5 || !word.chars().all(|c| c.is_ascii_lowercase()) || english::is_us_letters_word(word) {
        return false;
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
        if respell(stem, &mut String::new(), &mut 256, &mut found) {
            return true;
        }
    }
    false
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

    #[test]
    fn typos_are_not_loans() {
        for w in ["delete", "update", "pemerinatah", "teirma", "pertengakaran", "perbutannya", "pasein", "sebesa", "kilimeter"] {
            assert!(!is_regular_loan(w), "{w}");
        }
    }
}
