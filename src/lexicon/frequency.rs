//! How common a word is in print, from wordfreq's Indonesian and English lists
//! (`data/*/frequency.tsv`, CC BY-SA 4.0, see `data/README.md`): corrections are ranked by it,
//! a word that is common in print is not taken for a slip of a rarer one, and the words within
//! two slips of a misspelling are found among these lists.

use super::WordMap;
use crate::language::Language;
use std::sync::LazyLock;

/// Listed words of one length and one byte at a place, kept apart: the masks of the letters
/// they hold, which rule most of them out, in one run of memory, and each word with its Zipf
/// frequency in tenths, read only for the words a mask lets through.
#[derive(Default)]
struct Group {
    masks: Vec<u32>,
    words: Vec<(&'static str, u8)>,
}

impl Group {
    /// The words whose letters differ from `mask`'s by at most `differ`, with their Zipf
    /// frequencies (tenths), among those of at least `floor` tenths.
    fn near(&self, mask: u32, differ: u32, floor: u8) -> impl Iterator<Item = (&'static str, u8)> + '_ {
        // The words are in the list's order, the most frequent first.
        let common = if floor == 0 { self.words.len() } else { self.words.partition_point(|w| w.1 >= floor) };
        crate::work::count(common);
        self.masks[..common].iter().zip(&self.words).filter(move |(m, _)| (**m ^ mask).count_ones() <= differ).map(|(_, &w)| w)
    }
}

/// The least Zipf frequency (tenths) of a word two slips away, its first letter one of them,
/// that could be taken for the word meant: two likely slips cost two and a half powers of ten,
/// and a correction two slips away must be a power of ten commoner than its slips are unlikely
/// (`WordJudge::misspelled`).
const TWO_SLIPS_FLOOR: u8 = 35;

/// One language's list: each word's Zipf frequency (tenths), and the words grouped by their
/// length in characters and then by their first byte.
struct Table {
    zipf: WordMap<&'static str, u8>,
    /// `by_length[n][b]`: the words of `n` characters whose first byte is `b`.
    by_length: Vec<Vec<Group>>,
    /// `by_second[n][b]`: the words of `n` characters whose second byte is `b`.
    by_second: Vec<Vec<Group>>,
}

fn parse(text: &'static str) -> Table {
    // Sized once: growing a table of 100,000 words by doubling rehashed it a dozen times.
    let mut zipf = WordMap::with_capacity_and_hasher(text.bytes().filter(|&b| b == b'\n').count() + 1, Default::default());
    let mut by_length: Vec<Vec<Group>> = Vec::new();
    let mut by_second: Vec<Vec<Group>> = Vec::new();
    for line in text.lines() {
        let Some((word, z)) = line.split_once('\t') else { continue };
        let Ok(z) = z.trim().parse::<f32>() else { continue };
        let tenths = (z * 10.0).round().clamp(0.0, 255.0) as u8;
        if zipf.insert(word, tenths).is_some() {
            continue;
        }
        let n = word.chars().count();
        if by_length.len() <= n {
            by_length.resize_with(n + 1, Vec::new);
        }
        let mask = letter_mask(word);
        let file = |index: &mut Vec<Vec<Group>>, byte: u8| {
            if index.len() <= n {
                index.resize_with(n + 1, Vec::new);
            }
            let groups = &mut index[n];
            if groups.len() <= usize::from(byte) {
                groups.resize_with(usize::from(byte) + 1, Group::default);
            }
            let group = &mut groups[usize::from(byte)];
            group.masks.push(mask);
            group.words.push((word, tenths));
        };
        file(&mut by_length, word.as_bytes()[0]);
        if let Some(&second) = word.as_bytes().get(1) {
            file(&mut by_second, second);
        }
    }
    Table { zipf, by_length, by_second }
}

static ID: LazyLock<Table> = LazyLock::new(|| parse(include_str!("../../data/id/frequency.tsv")));
static EN: LazyLock<Table> = LazyLock::new(|| parse(include_str!("../../data/en/frequency.tsv")));

fn table(language: Language) -> &'static Table {
    match language {
        Language::Id => &ID,
        Language::En => &EN,
    }
}

/// Which of `a`-`z` a word holds (bit 26 for any other letter): two edits change at most four
/// of these bits, which rules out most of a list before any distance is computed.
fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |m, c| m | if c.is_ascii_lowercase() { 1 << (c as u8 - b'a') } else { 1 << 26 })
}

/// The Zipf frequency of a lower-case word (log10 of its occurrences per thousand million
/// words), 0 when the list does not have it (Indonesian lists words from 3.0, English from 2.0).
pub fn zipf(language: Language, lower: &str) -> f32 {
    table(language).zipf.get(lower).map_or(0.0, |&t| f32::from(t) / 10.0)
}

/// [`zipf`] of the word, or else of the word without its last ending (Indonesian clitics and
/// suffixes, English inflections) when the list has that: an affixed form is rarer than its
/// base, and the list (from Zipf 3.0 in Indonesian) lacks many.
pub fn zipf_of_base(language: Language, lower: &str) -> f32 {
    let own = zipf(language, lower);
    if own > 0.0 {
        return own;
    }
    let endings: &[&str] = match language {
        Language::Id => &["nyalah", "nya", "lah", "kah", "pun", "ku", "mu", "kan", "an", "i"],
        Language::En => &["'s", "s", "es", "ed", "d", "ing", "ly", "er", "ers"],
    };
    endings
        .iter()
        .filter_map(|e| lower.strip_suffix(e))
        .filter(|base| base.chars().count() >= 3)
        .map(|base| zipf(language, base))
        .fold(0.0, f32::max)
}

/// Whether the list has the word at all.
pub fn is_listed(language: Language, lower: &str) -> bool {
    table(language).zipf.contains_key(lower)
}

/// Load a language's list now (on a background thread, before the first question).
pub fn prefetch(language: Language) {
    let _ = table(language);
}

/// Start loading a language's list on a thread of its own, once per process, so that it is
/// parsed while the dictionaries are and the first question does not wait for it.
pub fn prefetch_in_background(language: Language) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STARTED: [AtomicBool; 2] = [AtomicBool::new(false), AtomicBool::new(false)];
    let slot = match language {
        Language::Id => 0,
        Language::En => 1,
    };
    if !STARTED[slot].swap(true, Ordering::Relaxed) {
        super::in_background("sunting-frequency", move || prefetch(language));
    }
}

/// The listed words at most `max` edits (optimal string alignment) from `word`, with their
/// distance and Zipf frequency; at most `limit`, the most frequent first. Past one edit, a
/// slip of the first letter is sought only with `first_letter_slips`. Words of three letters
/// or fewer are not searched (too many neighbours by chance).
pub fn within(language: Language, word: &str, max: usize, limit: usize, first_letter_slips: bool) -> Vec<(&'static str, usize, f32)> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n <= 3 || n > 30 {
        return Vec::new();
    }
    let table = table(language);
    let mask = letter_mask(word);
    let mut out = Vec::new();
    let mut other: Vec<char> = Vec::with_capacity(n + max);
    let mut rows = Distance::default();
    // Typists seldom miss a word's first letter (Yannakoudakis and Fawthrop), and when they do
    // it is a finger's slip: past one slip, only words that begin as this one does, or whose
    // first letter is a neighbouring key of its first, typed before it, dropped or swapped with
    // the second, are compared. That leaves out most of the list before the distance is worked
    // out.
    //   The words are kept by length and by first byte and second byte, so only those groups
    // are read: of the word's first and second bytes, each as a first and as a second.
    let w = word.as_bytes();
    let ascii = word.is_ascii();
    let mut consider = |candidate: &'static str, tenths: u8, other: &mut Vec<char>, rows: &mut Distance| {
        if candidate == word {
            return;
        }
        let d = if ascii && candidate.is_ascii() {
            rows.bounded(w, candidate.as_bytes(), max)
        } else {
            other.clear();
            other.extend(candidate.chars());
            rows.bounded(&chars, other, max)
        };
        if let Some(d) = d {
            out.push((candidate, d, f32::from(tenths) / 10.0));
        }
    };
    let differ = 2 * max as u32;
    let group = |index: &'static [Vec<Group>], len: usize, byte: u8| index.get(len).and_then(|g| g.get(usize::from(byte)));
    // The keys beside the word's first letter, as a mask of `a`-`z`.
    let keys_beside: u32 = if w[0].is_ascii_lowercase() {
        (b'a'..=b'z').filter(|&k| super::keyboard::neighbouring_keys(char::from(k), char::from(w[0]))).fold(0, |m, k| m | 1 << (k - b'a'))
    } else {
        0
    };
    for len in n.saturating_sub(max)..=(n + max).min(table.by_length.len().saturating_sub(1)) {
        if max <= 1 {
            for g in &table.by_length[len] {
                for (candidate, tenths) in g.near(mask, differ, 0) {
                    consider(candidate, tenths, &mut other, &mut rows);
                }
            }
            continue;
        }
        for (candidate, tenths) in group(&table.by_length, len, w[0]).into_iter().flat_map(|g| g.near(mask, differ, 0)) {
            consider(candidate, tenths, &mut other, &mut rows);
        }
        // Or the first letter slipped as a finger slips: typed before the word's own (*vbisa*:
        // the word's second letter begins the candidate; so does a swap of the first two),
        // dropped (*erekka* for *mereka*: the candidate's second letter begins the word), or a
        // neighbouring key typed for it (*faro* for *dari*: the second letters agree).
        if !first_letter_slips {
            // Only the first two letters swapped, as typists swap them most.
            for (candidate, tenths) in group(&table.by_length, len, w[1]).into_iter().flat_map(|g| g.near(mask, differ, 0)) {
                if w[1] != w[0] && candidate.as_bytes().get(1) == Some(&w[0]) {
                    consider(candidate, tenths, &mut other, &mut rows);
                }
            }
            continue;
        }
        // (Only words common enough to be taken for the word meant after two slips, save a
        // swap of the first two letters, one slip.)
        if w.len() > 1 && w[1] != w[0] {
            for (candidate, tenths) in group(&table.by_length, len, w[1]).into_iter().flat_map(|g| g.near(mask, differ, 0)) {
                if tenths >= TWO_SLIPS_FLOOR || candidate.as_bytes().get(1) == Some(&w[0]) {
                    consider(candidate, tenths, &mut other, &mut rows);
                }
            }
        }
        for (candidate, tenths) in group(&table.by_second, len, w[0]).into_iter().flat_map(|g| g.near(mask, differ, TWO_SLIPS_FLOOR)) {
            if candidate.as_bytes()[0] != w[0] && (w.len() < 2 || candidate.as_bytes()[0] != w[1]) {
                consider(candidate, tenths, &mut other, &mut rows);
            }
        }
        if w.len() > 1 && w[1] != w[0] && keys_beside != 0 {
            for (candidate, tenths) in group(&table.by_second, len, w[1]).into_iter().flat_map(|g| g.near(mask, differ, TWO_SLIPS_FLOOR)) {
                let c = candidate.as_bytes()[0];
                if c.is_ascii_lowercase() && c != w[1] && keys_beside & (1 << (c - b'a')) != 0 {
                    consider(candidate, tenths, &mut other, &mut rows);
                }
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(b.0)));
    out.truncate(limit);
    out
}

/// Reused rows of the distance table.
#[derive(Default)]
struct Distance {
    rows: [Vec<usize>; 3],
}

impl Distance {
    /// The optimal string alignment distance of `a` and `b`, or `None` when it exceeds `max`
    /// (given up as soon as a whole row does).
    fn bounded<T: PartialEq>(&mut self, a: &[T], b: &[T], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let width = b.len() + 1;
        for row in &mut self.rows {
            row.clear();
            row.resize(width, 0);
        }
        let [older, previous, current] = &mut self.rows;
        for (j, cell) in previous.iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            current[0] = i;
            let mut best = i;
            for j in 1..width {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(older[j - 2] + 1);
                }
                current[j] = d;
                best = best.min(d);
            }
            if best > max {
                return None;
            }
            std::mem::swap(older, previous);
            std::mem::swap(previous, current);
        }
        let d = previous[b.len()];
        (d <= max).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_frequent_and_made_up_ones_absent() {
        assert!(zipf(Language::Id, "pemerintah") > 5.0);
        assert!(zipf(Language::En, "government") > 5.0);
        assert_eq!(zipf(Language::Id, "pemerinatahx"), 0.0);
        assert!(!is_listed(Language::En, "qwzxv"));
        assert!(zipf(Language::Id, "yang") > zipf(Language::Id, "pemerintah"));
    }

    #[test]
    fn finds_words_two_slips_away_most_frequent_first() {
        let near = within(Language::En, "definately", 2, 10, true);
        assert!(near.iter().any(|(w, d, _)| *w == "definitely" && *d == 1), "{near:?}");
        let near = within(Language::Id, "pemerinthan", 2, 10, true);
        assert!(near.iter().any(|(w, _, _)| *w == "pemerintahan"), "{near:?}");
        for (w, d, _) in within(Language::Id, "kebijakn", 2, 50, true) {
            assert_eq!(crate::lexicon::suggest::edit_distance("kebijakn", w), d, "{w}");
            assert!(d <= 2);
        }
        assert!(within(Language::En, "abc", 2, 10, true).is_empty());
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let mut rows = Distance::default();
        for (a, b) in [("teirma", "terima"), ("kitten", "sitting"), ("abcdef", "badcfe"), ("pasar", "pasar"), ("ab", "abcd")] {
            let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let full = crate::lexicon::suggest::edit_distance(a, b);
            for max in 0..4 {
                assert_eq!(rows.bounded(&x, &y, max), (full <= max).then_some(full), "{a} {b} {max}");
            }
        }
    }
}
