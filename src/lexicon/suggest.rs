//! Ranked corrections for a misspelled word. Newsroom typos are mostly one slip: two letters
//! swapped, one doubled, one dropped, or a neighbouring key; candidates one such edit away are
//! generated and validated with the language's full word test (affixes included), and ranked
//! by how likely the slip is. Hunspell's own suggestions fill in when nothing is one edit away.

use super::frequency;
pub use super::keyboard::neighbouring_keys;
use crate::language::Language;

const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";
/// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Words one edit from `word` that `is_word` accepts, most likely slip first, with a score
/// (lower is likelier).
fn one_edit(word: &str, is_word: &dyn Fn(&str) -> bool, plain: &spellbook::Dictionary) -> Vec<(u8, String)> {
    let mut out: Vec<(u8, String)> = Vec::new();
    each_one_edit(word, &mut |score, candidate| {
        if !out.iter().any(|(_, c)| c == candidate) && is_word(candidate) {
            out.push((score, candidate.to_string()));
        }
        false
    });
    // Among equally likely slips, a form the dictionary knows outright beats one only the
    // morphology accepts.
    out.sort_by_cached_key(|(score, c)| (*score, !plain.check(c), c.clone()));
    out
}

/// Whether a word `accept` takes is one likely slip from `word` (two letters swapped, a letter
/// typed twice, a double or a vowel dropped, a neighbouring key or a vowel for another): cheap
/// when `accept` is, as no distance to a list's words is worked out.
pub fn one_likely_slip_from(word: &str, accept: &dyn Fn(&str) -> bool) -> bool {
    word.chars().count() <= 30 && each_one_edit(word, &mut |score, candidate| score <= 1 && accept(candidate))
}

/// Whether one of the surest slips turns a word `accept` takes into `word`: a letter of it typed
/// twice, or two neighbours swapped.
pub fn doubled_or_swapped_from(word: &str, accept: &dyn Fn(&str) -> bool) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let undoubled = (1..chars.len()).filter(|&i| chars[i] == chars[i - 1]).any(|i| accept(&chars[..i].iter().chain(&chars[i + 1..]).collect::<String>()));
    undoubled
        || (1..chars.len()).filter(|&i| chars[i] != chars[i - 1]).any(|i| {
            let mut swapped = chars.clone();
            swapped.swap(i - 1, i);
            accept(&swapped.iter().collect::<String>())
        })
}

/// Each spelling one edit from `word`, with its score (lower is likelier), handed to `visit`
/// until it says yes; whether it did. Each is spelled into one buffer: a word of ten letters
/// has some five hundred, and few are words.
fn each_one_edit(word: &str, visit: &mut dyn FnMut(u8, &str) -> bool) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // Where each letter starts, and the end: candidates are spelled from slices of the word.
    let at: Vec<usize> = word.char_indices().map(|(i, _)| i).chain(std::iter::once(word.len())).collect();
    let letter = |i: usize| &word[at[i]..at[i + 1]];
    let mut candidate = String::with_capacity(word.len() + 4);
    let mut push = |score: u8, pieces: &[&str]| {
        candidate.clear();
        for piece in pieces {
            candidate.push_str(piece);
        }
        candidate != word && visit(score, &candidate)
    };
    // Two neighbours swapped.
    for i in 0..n.saturating_sub(1) {
        if push(0, &[&word[..at[i]], letter(i + 1), letter(i), &word[at[i + 2]..]]) {
            return true;
        }
    }
    // A letter typed twice, or one extra letter.
    for i in 0..n {
        let removed = chars[i];
        let doubled = (i > 0 && chars[i - 1] == removed) || (i + 1 < n && chars[i + 1] == removed);
        if push(if doubled { 1 } else { 2 }, &[&word[..at[i]], &word[at[i + 1]..]]) {
            return true;
        }
    }
    // A dropped letter (a dropped double letter is the likeliest).
    for i in 0..=n {
        for (k, l) in ALPHABET.char_indices() {
            let doubles = (i > 0 && chars[i - 1] == l) || (i < n && chars[i] == l);
            if push(if doubles || "aeiou".contains(l) { 1 } else { 2 }, &[&word[..at[i]], &ALPHABET[k..=k], &word[at[i]..]]) {
                return true;
            }
        }
    }
    // A wrong letter: a neighbouring key, or a vowel for a vowel, is likelier.
    for i in 0..n {
        for (k, l) in ALPHABET.char_indices() {
            if l == chars[i] {
                continue;
            }
            let vowels = "aeiou".contains(l) && "aeiou".contains(chars[i]);
            if push(if neighbouring_keys(chars[i], l) || vowels { 1 } else { 3 }, &[&word[..at[i]], &ALPHABET[k..=k], &word[at[i + 1]..]]) {
                return true;
            }
        }
    }
    false
}

/// A correction with what ranked it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub word: String,
    /// Edits (optimal string alignment) from the misspelling: 1 or 2.
    pub edits: usize,
    /// How common the word is in print (Zipf; 0 when the frequency list lacks it).
    pub zipf: f32,
    /// Listed in the frequency list or a whole dictionary form (not only our morphology's).
    pub solid: bool,
    /// How unlikely the slip from the word meant to the one written is, in powers of ten.
    pub slip: f32,
}

/// How unlikely a one-edit slip of `score` (see [`one_edit`]) is, in powers of ten: a swap of
/// two letters or a neighbouring key is a common slip, a far key a rare one.
fn channel_cost(score: u8) -> f32 {
    match score {
        0 => 0.6,
        1 => 1.0,
        2 => 2.0,
        _ => 3.0,
    }
}

/// The score [`one_edit`] gives the slip from `word` to `candidate`, one edit apart.
fn slip_score(word: &str, candidate: &str) -> u8 {
    let (w, c): (Vec<char>, Vec<char>) = (word.chars().collect(), candidate.chars().collect());
    let at = w.iter().zip(&c).position(|(a, b)| a != b).unwrap_or(w.len().min(c.len()));
    let vowel = |x: char| "aeiou".contains(x);
    match w.len().cmp(&c.len()) {
        // A letter typed twice, or one extra.
        std::cmp::Ordering::Greater => if at > 0 && w[at - 1] == w[at] || w.get(at + 1) == Some(&w[at]) { 1 } else { 2 },
        // A letter dropped: a double, or a vowel, is the likeliest.
        std::cmp::Ordering::Less => if at > 0 && c[at - 1] == c[at] || c.get(at + 1) == Some(&c[at]) || vowel(c[at]) { 1 } else { 2 },
        std::cmp::Ordering::Equal => {
            if w.get(at + 1) == c.get(at) && c.get(at + 1) == w.get(at) {
                0
            } else if neighbouring_keys(w[at], c[at]) || vowel(w[at]) && vowel(c[at]) {
                1
            } else {
                3
            }
        }
    }
}

/// How unlikely the slips from `intended` to `written` are together: the cheapest sequence of
/// edits between them, each weighed as [`one_edit`] weighs a single slip (a letter typed twice
/// or beside its key, a neighbouring key for another, a dropped double or vowel: likely; far
/// letters: unlikely), plus half a power of ten for the slip at all (*pemerinthan*: two likely
/// slips; *rasuah* for *rasa*: two far letters added). The cheapest sequence, not the first
/// one found: *mengaatan* for *mengatakan* is a doubled vowel and a dropped letter, not a
/// row of wrong keys.
pub fn slips_cost(written: &str, intended: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (written.chars().collect(), intended.chars().collect());
    let (n, m) = (a.len(), b.len());
    let vowel = |c: char| "aeiou".contains(c);
    // A letter of `written` (at `i`) that the word meant lacks: typed twice, or beside its key,
    // is likelier.
    let added = |i: usize| {
        let x = a[i];
        let doubled = i > 0 && a[i - 1] == x || a.get(i + 1) == Some(&x);
        let slipped = i > 0 && neighbouring_keys(a[i - 1], x) || a.get(i + 1).is_some_and(|&y| neighbouring_keys(x, y));
        channel_cost(if doubled { 1 } else if slipped { 2 } else { 3 })
    };
    // A letter of the word meant (at `j`) left out: a double or a vowel is the likeliest.
    let dropped = |j: usize| {
        let x = b[j];
        let doubled = j > 0 && b[j - 1] == x || b.get(j + 1) == Some(&x);
        channel_cost(if doubled || vowel(x) { 1 } else { 2 })
    };
    let replaced = |x: char, y: char| channel_cost(if neighbouring_keys(x, y) || vowel(x) && vowel(y) { 1 } else { 3 });
    // One table, row by row (`width` cells a row).
    let width = m + 1;
    let mut d = vec![0f32; (n + 1) * width];
    for i in 1..=n {
        d[i * width] = d[(i - 1) * width] + added(i - 1);
    }
    for j in 1..=m {
        d[j] = d[j - 1] + dropped(j - 1);
    }
    for i in 1..=n {
        for j in 1..=m {
            let same = if a[i - 1] == b[j - 1] { 0.0 } else { replaced(a[i - 1], b[j - 1]) };
            let mut best = (d[(i - 1) * width + j - 1] + same).min(d[(i - 1) * width + j] + added(i - 1)).min(d[i * width + j - 1] + dropped(j - 1));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2] {
                best = best.min(d[(i - 2) * width + j - 2] + channel_cost(0));
            }
            d[i * width + j] = best;
        }
    }
    0.5 + d[n * width + m]
}

/// At most `limit` corrections for a lower-case misspelled word, best first: the words one
/// slip away that `is_word` accepts, and, when `two_edits`, the words of `language`'s frequency
/// list two slips away that it accepts too. They are ranked as a copy editor would: the
/// likelier slip (swapped letters, a doubled, dropped or neighbouring key) and the commoner word
/// first (a slip's unlikeliness and a word's rarity weigh alike, in powers of ten). Hunspell's
/// n-gram suggestions are not used: they cost milliseconds a word and rarely name the word a
/// reporter meant when no single slip does.
pub fn ranked(word: &str, language: Language, is_word: &dyn Fn(&str) -> bool, plain: &spellbook::Dictionary, two_edits: bool, first_letter_slips: bool, limit: usize) -> Vec<Candidate> {
    if word.chars().count() > 30 || !word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
        return Vec::new();
    }
    let mut out: Vec<(f32, Candidate)> = Vec::new();
    for (score, c) in one_edit(word, is_word, plain) {
        let zipf = frequency::zipf(language, &c);
        let solid = zipf > 0.0 || plain.check(&c);
        // A dictionary form the frequency list lacks is rare (below the list's floor); a form
        // only our affix rules make is rarer still.
        let weight = if zipf > 0.0 { zipf } else if solid { 1.5 } else { 0.5 };
        out.push((channel_cost(score) - weight, Candidate { word: c, edits: 1, zipf, solid, slip: channel_cost(score) }));
    }
    if two_edits && word.chars().count() >= 5 {
        for (c, d, zipf) in frequency::within(language, word, 2, 64, first_letter_slips) {
            // Words the dictionary has whole that our affix rules do not make (*petugas*)
            // come from the list too, one slip away as well as two.
            if out.iter().any(|(_, o)| o.word == c) || !(is_word(c) || plain.check(c)) {
                continue;
            }
            let cost = if d == 1 { channel_cost(slip_score(word, c)) } else { slips_cost(word, c) };
            out.push((cost - zipf, Candidate { word: c.to_string(), edits: d, zipf, solid: true, slip: cost }));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.word.cmp(&b.1.word)));
    out.into_iter().map(|(_, c)| c).take(limit).collect()
}

/// The words of [`ranked`] with one slip only, for questions that only ask whether a word is
/// one slip from a known one.
pub fn suggestions(word: &str, is_word: &dyn Fn(&str) -> bool, plain: &spellbook::Dictionary, limit: usize) -> Vec<String> {
    if word.chars().count() > 30 || !word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
        return Vec::new();
    }
    one_edit(word, is_word, plain).into_iter().map(|(_, w)| w).take(limit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{english, hunspell, indonesian};

    fn id(word: &str) -> Vec<String> {
        suggestions(word, &indonesian::is_listed_form, &hunspell::ID_ID, 5)
    }
    fn en(word: &str) -> Vec<String> {
        suggestions(word, &|w| english::is_word(w, hunspell::Dialect::Us), &hunspell::EN_US, 5)
    }

    #[test]
    fn newsroom_typos_rank_the_intended_word_first() {
        assert_eq!(id("pemerinatah").first().map(String::as_str), Some("pemerintah"));
        assert_eq!(id("teirma").first().map(String::as_str), Some("terima"));
        assert_eq!(id("pasein").first().map(String::as_str), Some("pasien"));
        assert_eq!(id("perbutannya").first().map(String::as_str), Some("perbuatannya"));
        assert_eq!(en("goverment").first().map(String::as_str), Some("government"));
        assert_eq!(en("untill").first().map(String::as_str), Some("until"));
        assert_eq!(en("occured").first().map(String::as_str), Some("occurred"));
        assert!(en("definately").contains(&"definitely".to_string()));
    }

    #[test]
    fn candidates_are_one_edit_away_in_any_script() {
        for word in ["kafe", "café", "naïve", "über"] {
            let asked = std::cell::RefCell::new(Vec::new());
            one_edit(word, &|c| {
                asked.borrow_mut().push(c.to_string());
                false
            }, &hunspell::EN_US);
            let asked = asked.into_inner();
            let n = word.chars().count();
            // Swaps, deletions, 26 insertions at each place and 25 or 26 replacements at each.
            assert!(asked.len() >= (n - 1) + n + 26 * (n + 1) + 25 * n - 30, "{word}: {}", asked.len());
            for c in &asked {
                assert_eq!(edit_distance(word, c), 1, "{word} -> {c}");
            }
            let swapped: String = { let mut c: Vec<char> = word.chars().collect(); c.swap(n - 2, n - 1); c.into_iter().collect() };
            assert!(asked.contains(&swapped) || swapped == word, "{word}: {swapped}");
        }
    }

    #[test]
    fn two_likely_slips_cost_less_than_two_unlikely_ones() {
        assert!(slips_cost("pemerinthan", "pemerintahan") < slips_cost("rasuah", "rasa"));
        assert!(slips_cost("govermnet", "government") < slips_cost("merangsek", "merangkak"));
        assert!(slips_cost("teh", "the") < slips_cost("tqe", "the"));
        // The cheapest reading of two slips, not the first alignment found: a doubled vowel and
        // a dropped letter, not two wrong keys.
        assert!(slips_cost("mengaatan", "mengatakan") <= 3.5);
        assert!(slips_cost("mengaatan", "mengatakan") < slips_cost("mengaatan", "menguatkan"));
        assert!(slips_cost("dluju", "dulu") < slips_cost("dluju", "duku"));
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("teirma", "terima"), 1);
        assert_eq!(edit_distance("definately", "definitely"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }
}
