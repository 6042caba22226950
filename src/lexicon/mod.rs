//! Word knowledge: embedded Hunspell dictionaries, Indonesian morphology on top of them, the
//! non-standard -> standard map, supplementary word lists, and suggestions. Loaded lazily, once
//! per process, so a run pays only for the languages it meets.

pub mod english;
pub mod frequency;
pub mod glossary;
pub mod hunspell;
pub mod indonesian;
pub mod keyboard;
pub mod loans;
pub mod nonstandard;
pub mod suggest;

use std::borrow::Cow;
use std::collections::HashSet;

/// The longest word, in characters, that the lexicon searches: corrections, loan respellings,
/// morphology and name variants all grow with a word's length (some with its square), and no
/// Indonesian or English word comes near this. A longer letter run is not a word to correct
/// (a pasted hash, a keyboard held down): it gets no finding, and costs nothing to judge.
pub const MAX_WORD_LETTERS: usize = 64;

/// Whether a word is too long to be searched (see [`MAX_WORD_LETTERS`]).
pub fn too_long_to_search(word: &str) -> bool {
    // Bytes bound characters from above: a short word is answered without counting.
    word.len() > MAX_WORD_LETTERS && word.chars().count() > MAX_WORD_LETTERS
}

/// Whether a lower-case word is a word of `language` by its dictionary and morphology, not the
/// newsroom's lists (English's dictionary lists names capitalised, so `kyiv` is none; Indonesian
/// morphology derives many names, `gunawan`).
pub fn is_word(language: crate::language::Language, lower: &str) -> bool {
    match language {
        crate::language::Language::Id => indonesian::is_word(lower),
        crate::language::Language::En => english::is_word(lower, hunspell::Dialect::Any),
    }
}

/// foldhash with a fixed seed: words are looked up hundreds of thousands of times a run,
/// mostly words of our own generation (affix splits, correction candidates), so SipHash's
/// defence against chosen keys buys nothing and cost a tenth of a folder check. The seed is
/// fixed so that a run is reproducible.
pub type FastHash = foldhash::fast::FixedState;
/// A set of words for lookups only (its order is arbitrary and never read).
pub type WordSet<T = String> = HashSet<T, FastHash>;
pub type WordMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// Run `work` on a thread of its own, to have it done before it is needed. Without a thread
/// (none can be started) it is skipped: everything built this way is also built on first use.
pub fn in_background(name: &str, work: impl FnOnce() + Send + 'static) {
    drop(std::thread::Builder::new().name(name.into()).spawn(work));
}

/// A table that only pays for itself once it is asked about often (a folder run, not one
/// article): [`WhenBusy::get`] answers `None` until `after` questions have been asked, then has
/// it built on a thread of its own; callers answer without it meanwhile.
pub struct WhenBusy<T: 'static> {
    table: std::sync::OnceLock<T>,
    questions: std::sync::atomic::AtomicUsize,
    after: usize,
    build: fn() -> T,
}

impl<T: Send + Sync + 'static> WhenBusy<T> {
    pub const fn new(after: usize, build: fn() -> T) -> Self {
        WhenBusy { table: std::sync::OnceLock::new(), questions: std::sync::atomic::AtomicUsize::new(0), after, build }
    }

    /// The table if it is built; the question is counted otherwise.
    pub fn get(&'static self) -> Option<&'static T> {
        if let Some(table) = self.table.get() {
            return Some(table);
        }
        if self.questions.fetch_add(1, std::sync::atomic::Ordering::Relaxed) == self.after {
            in_background("sunting-lexicon", move || {
                self.force();
            });
        }
        None
    }

    /// The table, built now if it is not yet.
    pub fn force(&'static self) -> &'static T {
        self.table.get_or_init(self.build)
    }
}

/// Words from a plain list: one a line, `#` starts a comment. Returned lower-cased.
pub fn parse_word_list(text: &str) -> WordSet {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `word` in lower case, copied only when lower-casing changes it: the rules ask this of every
/// word of an article, and most words are written in lower case already.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    let unchanged = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().all(|c| {
            let mut lower = c.to_lowercase();
            lower.next() == Some(c) && lower.next().is_none()
        })
    };
    if unchanged { Cow::Borrowed(word) } else { Cow::Owned(word.to_lowercase()) }
}

/// `replacement` with its first letter capitalised when `original`'s is.
pub fn match_case(original: &str, replacement: &str) -> String {
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        replacement.to_string()
    }
}

/// Normalise the apostrophes and hyphens a word may be typed with.
pub fn normalise(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '‑' | '‐' => '-',
            c => c,
        })
        .collect()
}
