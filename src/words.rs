//! One decision per word: known, non-standard, foreign (left untranslated), misspelled, or
//! unknown. The spelling and untranslated rules both read this, so a word is never reported
//! by both, and each distinct word is judged once per document.

use crate::config::UserLexicon;
use crate::language::Language;
use crate::lexicon::english;
use crate::lexicon::hunspell::Dialect;
use crate::lexicon::nonstandard::{self, StandardForm};
use crate::lexicon::indonesian::affix;
use crate::lexicon::{frequency, glossary, hunspell, indonesian, loans, normalise, suggest, WordMap, WordSet};
use std::cell::{OnceCell, RefCell};
use std::sync::{Arc, LazyLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Known,
    /// A non-standard Indonesian spelling with a standard form (resiko -> risiko).
    NonStandard(StandardForm),
    /// A foreign term in common use that has an official Indonesian equivalent (online -> daring).
    HasEquivalent(&'static [&'static str]),
    /// A word of the other language: English in an Indonesian article, Indonesian in an English
    /// one, with the glossary's equivalents when it has them.
    Foreign(&'static [&'static str]),
    /// An English root with Indonesian affixes (*mendownload*, *didelete*), or, when
    /// `hyphenated`, the EYD V form that keeps a foreign root (*di-update*). `equivalents` are
    /// Indonesian words with the same affixes (*mengunduh*).
    ForeignRoot { root: String, equivalents: Vec<String>, hyphenated: bool },
    /// Not a word, but one or two slips from the `suggestions`, best first. `sure` when the
    /// best of them is a common word one slip away (or two, for a long word and a very common
    /// one): a doubtful slip (only rare words near) is worth a hint at most.
    Misspelled { suggestions: Vec<String>, sure: bool },
    /// Not known, and nothing close: a name, a term, or a word we lack. No finding.
    Unknown,
}

/// How far [`WordJudge`] looks for the word meant.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    /// Two slips away, one of them the first letter's too.
    Wide,
    /// Two slips away with the first letter kept (or swapped with the second).
    Narrow,
}

impl Verdict {
    /// Whether corrections were searched for: how far depends on [`Search`].
    fn searched(&self) -> bool {
        matches!(self, Verdict::Misspelled { .. } | Verdict::Unknown)
    }
}

/// Judges the words of one document, remembering each decision.
pub struct WordJudge<'a> {
    language: Language,
    dialect: Dialect,
    user: &'a UserLexicon,
    cache: RefCell<WordMap<String, Arc<Verdict>>>,
    /// [`WordJudge::judge_capitalised`]'s verdicts that differ from `judge`'s.
    cache_capitalised: RefCell<WordMap<String, Arc<Verdict>>>,
}

const MAX_SUGGESTIONS: usize = 5;
/// Verdicts kept across documents, per language and dialect, before a table starts afresh.
const SHARED_LIMIT: usize = 200_000;

/// What the process has learnt about words, for one language and dialect, shared by every
/// thread: the threads of a folder check meet the same new words (a name in the news of the
/// day), and a table per thread had each of them judge it again.
#[derive(Default)]
struct Learnt {
    verdicts: WordMap<String, Arc<Verdict>>,
    /// Verdicts on words met capitalised only, judged without the costlier search for slips of
    /// a first letter ([`WordJudge::judge_capitalised`]); `verdicts` serve them too.
    capitalised: WordMap<String, Arc<Verdict>>,
    /// Words [`WordJudge::is_ordinary`] found not ordinary without a full verdict (mostly
    /// names): the early tests include loan respelling, too costly to repeat for every mention
    /// of a name in every article.
    not_ordinary: WordSet,
    /// [`WordJudge::is_common_word`]'s answers for this table's language (the newsroom's own
    /// words aside): the typography and name rules ask it of most words, several times each.
    common: WordMap<String, bool>,
}

/// One [`Learnt`] per language and dialect. Judging happens outside the lock, so two threads
/// may judge the same word at once; they reach the same verdict.
static LEARNT: LazyLock<[RwLock<Learnt>; 6]> = LazyLock::new(Default::default);

fn learnt(language: Language, dialect: Dialect) -> &'static RwLock<Learnt> {
    let dialect = match dialect {
        Dialect::Any => 0,
        Dialect::Us => 1,
        Dialect::Gb => 2,
    };
    &LEARNT[usize::from(language == Language::En) * 3 + dialect]
}

/// The table, read; a thread that panicked while writing left it whole (each write is one insert).
fn read(table: &RwLock<Learnt>) -> RwLockReadGuard<'_, Learnt> {
    table.read().unwrap_or_else(PoisonError::into_inner)
}

fn write(table: &RwLock<Learnt>) -> RwLockWriteGuard<'_, Learnt> {
    table.write().unwrap_or_else(PoisonError::into_inner)
}

fn remember(table: &RwLock<Learnt>, lower: &str, verdict: Arc<Verdict>) {
    let mut learnt = write(table);
    if learnt.verdicts.len() > SHARED_LIMIT {
        learnt.verdicts.clear();
    }
    learnt.verdicts.insert(lower.to_string(), verdict);
}

impl<'a> WordJudge<'a> {
    pub fn new(language: Language, dialect: Dialect, user: &'a UserLexicon) -> Self {
        WordJudge { language, dialect, user, cache: RefCell::new(WordMap::default()), cache_capitalised: RefCell::new(WordMap::default()) }
    }

    /// The verdict on a lower-case word (as it would stand mid-sentence).
    pub fn judge(&self, lower: &str) -> Arc<Verdict> {
        self.judge_as(lower, Search::Wide)
    }

    /// The verdict on a word written capitalised, given in lower case: as [`Self::judge`]'s,
    /// save that corrections two slips away whose first letter is one of them are not sought.
    /// A capitalised word is mostly a name, judged a slip only one slip from a word, and that
    /// search is a good part of the cost of a name the lists lack.
    pub fn judge_capitalised(&self, lower: &str) -> Arc<Verdict> {
        self.judge_as(lower, Search::Narrow)
    }

    fn judge_as(&self, lower: &str, search: Search) -> Arc<Verdict> {
        if self.user.is_empty() {
            // Verdicts are the process's alone: a table of the document's own would only copy
            // them, a string and an insertion for each new word of each article.
            return self.shared_verdict(lower, search);
        }
        if let Some(v) = self.cache.borrow().get(lower) {
            return v.clone();
        }
        if search == Search::Narrow
            && let Some(v) = self.cache_capitalised.borrow().get(lower)
        {
            return v.clone();
        }
        let verdict = if self.user.contains(&normalise(lower)) {
            Arc::new(Verdict::Known)
        } else {
            self.shared_verdict(lower, search)
        };
        let cache = if search == Search::Narrow && verdict.searched() { &self.cache_capitalised } else { &self.cache };
        cache.borrow_mut().insert(lower.to_string(), verdict.clone());
        verdict
    }

    /// The verdict from the process's table, judged and added when it is new. Without the
    /// newsroom's own words a verdict depends only on the language, so it is shared by every
    /// document the process checks.
    fn shared_verdict(&self, lower: &str, search: Search) -> Arc<Verdict> {
        let table = learnt(self.language, self.dialect);
        let known = {
            let learnt = read(table);
            learnt.verdicts.get(lower).or(if search == Search::Narrow { learnt.capitalised.get(lower) } else { None }).cloned()
        };
        match known {
            Some(v) => v,
            None => {
                let v = Arc::new(self.decide(lower, search));
                if search == Search::Narrow && v.searched() {
                    let mut learnt = write(table);
                    if learnt.capitalised.len() > SHARED_LIMIT {
                        learnt.capitalised.clear();
                    }
                    learnt.capitalised.insert(lower.to_string(), v.clone());
                } else {
                    remember(table, lower, v.clone());
                }
                v
            }
        }
    }

    /// Whether a lower-case word is an ordinary word of `language` (known to its lexicon, the
    /// newsroom's words, or a non-standard spelling of one). Cheap: no suggestions are made, so
    /// it suits questions about capitalised words (is *Jakarta* or *Windows* a common noun?).
    pub fn is_common_word(&self, lower: &str, language: Language) -> bool {
        let word = normalise(lower);
        if self.user.contains(&word) {
            return true;
        }
        if crate::lexicon::too_long_to_search(&word) {
            return false;
        }
        let table = learnt(language, self.dialect);
        if let Some(&known) = read(table).common.get(&word) {
            return known;
        }
        let common = match language {
            Language::Id => nonstandard::standard_form(&word).is_some() || indonesian::is_word(&word) || glossary::is_absorbed_loan(&word),
            Language::En => self.is_english(&word),
        };
        let mut learnt = write(table);
        if learnt.common.len() > SHARED_LIMIT {
            learnt.common.clear();
        }
        learnt.common.insert(word, common);
        common
    }

    /// English in the configured dialect (either, unless the newsroom pins one). To spot English
    /// in an Indonesian article one dictionary is enough, and saves loading the other.
    fn is_english(&self, word: &str) -> bool {
        let dialect = match (self.language, self.dialect) {
            (Language::Id, Dialect::Any) => Dialect::Us,
            (_, d) => d,
        };
        english::is_word(word, dialect)
    }

    /// Whether a lower-case word is ordinary: `judge` would call it known or non-standard. Only
    /// corrections tell a misspelling from an unknown word, and they are the costly part of a
    /// verdict, so this stops before them: the name rules ask this of every capitalised word,
    /// and most names are unknown words whose corrections nobody reads.
    pub fn is_ordinary(&self, lower: &str) -> bool {
        let known = |v: &Verdict| matches!(v, Verdict::Known | Verdict::NonStandard(_));
        let own_words = !self.user.is_empty();
        if own_words {
            if let Some(v) = self.cache.borrow().get(lower) {
                return known(v);
            }
            if self.user.contains(&normalise(lower)) {
                return true;
            }
        }
        let table = learnt(self.language, self.dialect);
        {
            let learnt = read(table);
            if let Some(v) = learnt.verdicts.get(lower) {
                return known(v);
            }
            if learnt.not_ordinary.contains(lower) {
                return false;
            }
        }
        // What remains after the early verdicts (foreign roots, English shapes, misspellings)
        // is never known. An early verdict is the whole verdict, so it is kept as `judge` would.
        let Some(verdict) = self.decide_early(&normalise(lower)) else {
            let mut learnt = write(table);
            if learnt.not_ordinary.len() > SHARED_LIMIT {
                learnt.not_ordinary.clear();
            }
            learnt.not_ordinary.insert(lower.to_string());
            return false;
        };
        let verdict = Arc::new(verdict);
        remember(table, lower, verdict.clone());
        if own_words {
            self.cache.borrow_mut().insert(lower.to_string(), verdict.clone());
        }
        known(&verdict)
    }

    fn decide(&self, lower: &str, search: Search) -> Verdict {
        crate::work::count(lower.len());
        let word = normalise(lower);
        if let Some(verdict) = self.decide_early(&word) {
            return verdict;
        }
        match self.language {
            Language::Id => {
                if let Some(verdict) = self.foreign_root(&word) {
                    return verdict;
                }
                if looks_english(&word) {
                    return Verdict::Foreign(&[]);
                }
                self.misspelled(&word, &indonesian::is_listed_form, &hunspell::ID_ID, search)
            }
            Language::En => {
                let dialect = self.dialect;
                self.misspelled(&word, &|w| english::is_word(w, dialect), dialect.suggesting_dictionary(), search)
            }
        }
    }

    /// The verdicts reached from the word lists alone, without generating corrections; `None`
    /// when only the later, costlier tests of [`Self::decide`] can tell.
    fn decide_early(&self, word: &str) -> Option<Verdict> {
        // Thousands of letters in a row are no word to correct, respell or split: unknown, so
        // no finding (D1: the loan search overflowed the stack on one).
        if crate::lexicon::too_long_to_search(word) {
            return Some(Verdict::Unknown);
        }
        match self.language {
            Language::Id => {
                if let Some(form) = nonstandard::standard_form(word) {
                    return Some(Verdict::NonStandard(form));
                }
                if glossary::is_absorbed_loan(word) || indonesian::is_word(word) && !rare_reading_of_a_slip(word) && !doubled_or_swapped_very_common_word(word) {
                    return Some(Verdict::Known);
                }
                // A proper noun in lower case (`maret`, `jawa`) is spelled right; its capital is
                // the business of the capitalisation rules.
                if indonesian::may_be_listed_name(word) && hunspell::ID_ID.check(&capitalise(word)) {
                    return Some(Verdict::Known);
                }
                if let Some(equivalent) = glossary::official_equivalent(word) {
                    return Some(Verdict::HasEquivalent(equivalent));
                }
                if let Some(equivalent) = glossary::indonesian_for(word) {
                    return Some(Verdict::Foreign(equivalent));
                }
                // `di-update`: the hyphen marks an Indonesian affix on a kept foreign root.
                if word.contains('-')
                    && let Some(verdict) = self.foreign_root(word)
                {
                    return Some(verdict);
                }
                if self.is_english(word) {
                    return Some(Verdict::Foreign(&[]));
                }
                // A loan spelled against EYD V's rules when the rules' spelling is a word
                // (*propinsi*, *aktiv*, *formil*), however common the other is in print.
                let standard = |w: &str| {
                    frequency::is_listed(Language::Id, w) && (indonesian::is_word(w) || indonesian::may_be_listed_name(w) && hunspell::ID_ID.check(&capitalise(w)))
                };
                if let Some(standard) = nonstandard::patterned(word, &standard) {
                    return Some(Verdict::NonStandard(StandardForm { standard: standard.into(), contested: false, regular: true }));
                }
                if loans::is_regular_loan(word) && !rare_reading_of_a_slip(word) {
                    return Some(Verdict::Known);
                }
                None
            }
            Language::En => {
                if self.is_english(word) || glossary::is_kept_in_english(word) {
                    return Some(Verdict::Known);
                }
                if indonesian::is_word(word) && !glossary::is_absorbed_loan(word) {
                    return Some(Verdict::Foreign(&[]));
                }
                // `monday`: English capitalises it.
                let capital = capitalise(word);
                if self.is_english(&capital) {
                    return Some(Verdict::Misspelled { suggestions: vec![capital], sure: true });
                }
                None
            }
        }
    }

    /// An English root inside Indonesian affixes: `mendownload`, `didelete`, `di-update`.
    fn foreign_root(&self, word: &str) -> Option<Verdict> {
        const PREFIXES: &[&str] = &["meng", "meny", "mem", "men", "me", "di", "ter", "ber", "peng", "pem", "pen", "pe", "ke", "se", ""];
        const SUFFIXES: &[&str] = &["kannya", "nya", "kan", "an", "i", ""];
        let hyphenated = word.contains('-');
        for prefix in PREFIXES {
            let Some(rest) = word.strip_prefix(prefix) else { continue };
            let rest = if hyphenated {
                match rest.strip_prefix('-') {
                    Some(r) if !prefix.is_empty() => r,
                    _ => continue,
                }
            } else {
                rest
            };
            for suffix in SUFFIXES {
                if prefix.is_empty() && suffix.is_empty() {
                    continue;
                }
                let Some(root) = rest.strip_suffix(suffix) else { continue };
                let root = root.strip_suffix('-').unwrap_or(root);
                if root.chars().count() < 5 || root.contains('-') || indonesian::is_word(root) || glossary::is_absorbed_loan(root) {
                    continue;
                }
                let equivalents = glossary::official_equivalent(root).or_else(|| glossary::indonesian_for(root));
                if !self.is_english(root) && equivalents.is_none() {
                    continue;
                }
                // One slip from an Indonesian word, it is a typo (`mengrimkan`), not a loan.
                if !hyphenated && !suggest::suggestions(word, &indonesian::is_listed_form, &hunspell::ID_ID, 1).is_empty() {
                    return None;
                }
                // Only a bare root takes the affixes: `pembaruan` is already a noun.
                let derived = |e: &str| e.ends_with("an") && ["pe", "ke"].iter().any(|p| e.starts_with(p));
                let equivalents = equivalents
                    .unwrap_or(&[])
                    .iter()
                    .filter(|e| !e.contains(' ') && (prefix.is_empty() && suffix.is_empty() || !derived(e)))
                    .map(|e| affix(prefix, e, suffix))
                    .collect();
                return Some(Verdict::ForeignRoot { root: root.to_string(), equivalents, hyphenated });
            }
        }
        None
    }

    fn misspelled(&self, word: &str, is_word: &dyn Fn(&str) -> bool, dictionary: &spellbook::Dictionary, search: Search) -> Verdict {
        let language = self.language;
        let candidates = suggest::ranked(word, language, is_word, dictionary, true, search == Search::Wide, MAX_SUGGESTIONS);
        // How common each correction is in print; an affixed form the list lacks counts as
        // its bare form does, a little less (`perbuatannya` as `perbuatan`).
        let common = |c: &suggest::Candidate| if c.zipf > 0.0 { c.zipf } else { frequency::zipf_of_base(language, &c.word) - 0.5 };
        let Some(best) = candidates.iter().map(common).reduce(f32::max) else { return Verdict::Unknown };
        // Only rare words near: no word a reporter would have meant (a KBBI word we lack, a
        // term). Not a finding.
        if best <= 0.0 {
            return Verdict::Unknown;
        }
        let first = &candidates[0];
        // A word common in print is no slip, unless the word meant is commoner by more than
        // the slip is unlikely (`mengunakan`, a dropped double, beside `menggunakan`; not
        // `marwah`, an added far key, beside `marah`). English lists the web's misspellings
        // (*occured*) higher, at a tenth of the word or less.
        let own = frequency::zipf(language, word);
        let margin = if language == Language::En { 0.0 } else { 0.3 };
        if own > 0.0 && common(first) - own - first.slip < margin {
            return Verdict::Unknown;
        }
        // Two slips from the nearest word: only a word commoner than the slips are unlikely,
        // in a word long enough not to be near one by chance, is taken for the one meant.
        // (Five letters will do for two likely slips of a very common word: *juggw*, *janng*.)
        let long_enough = word.chars().count() >= 6 || word.chars().count() == 5 && first.slip <= 2.6 && common(first) >= 5.0;
        if first.edits == 2 && (common(first) - first.slip < 1.0 || !long_enough) {
            return Verdict::Unknown;
        }
        let second = candidates.get(1).map_or(0.0, common);
        // A word of three letters or fewer has many neighbours by chance (initials, codes).
        let floor = if language == Language::En { 2.5 } else { 3.0 };
        let sure = common(first) >= floor && (word.chars().count() >= 5 || word.chars().count() == 4 && common(first) - second >= 1.0);
        Verdict::Misspelled { suggestions: candidates.into_iter().map(|c| c.word).collect(), sure }
    }
}

/// Whether an Indonesian word that only a rare reading accepts (an English word respelled by
/// the loan rules, *aksus* from *accuse*, *meksi* from *maxi*; a derivation of our affix rules
/// from a root the frequency list lacks: [`indonesian::reading_is_rare`]) is more likely one
/// slip from a very common word (*kasus*, *meski*): a listed word of Zipf 4.5 or more, some
/// thirty times commoner than the list's floor, is one likely slip away (two letters swapped, a
/// letter doubled or dropped, a neighbouring key or vowel). Then it is judged as a misspelling,
/// as a noisy channel would: the common word and a slip outweigh the rare reading. Dictionary
/// stems and Hunspell's own derivations are never overruled (*merem*, *penilik*, *pedaging*).
fn rare_reading_of_a_slip(word: &str) -> bool {
    const COMMON: f32 = 4.5;
    if word.chars().count() < 4 || !indonesian::reading_is_rare(word) {
        return false;
    }
    suggest::one_likely_slip_from(word, &|candidate| frequency::zipf(Language::Id, candidate) >= COMMON && indonesian::is_word(candidate))
}

/// Whether a word our affix rules or Hunspell's derive, but that is neither in print (the
/// frequency list) nor a stem of the dictionary, is one of the surest slips of a very common
/// word: a letter typed twice (*sebagaii*, *setelaah*) or two neighbours swapped, from a word of
/// Zipf 5 or more (the thousand or so commonest). A derivation so spelled is a finger's slip
/// far more often than a word meant (*sebagai* + *-i*, *se-* + *telaah*); a derivation one
/// other slip from a common word stays a word (*padinya*, *diadukan*).
fn doubled_or_swapped_very_common_word(word: &str) -> bool {
    const VERY_COMMON: f32 = 5.0;
    if word.chars().count() < 5 || frequency::is_listed(Language::Id, word) || indonesian::is_stem(word) {
        return false;
    }
    suggest::doubled_or_swapped_from(word, &|c| frequency::zipf(Language::Id, c) >= VERY_COMMON && indonesian::is_word(c))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// English by its shape: a long word with an English ending that no Indonesian word has.
fn looks_english(word: &str) -> bool {
    word.chars().count() >= 7
        && word.chars().all(|c| c.is_ascii_lowercase())
        && ["ing", "tion", "tions", "ness", "ment", "ments", "ful", "less", "ous", "ship", "ity", "ities", "ed"].iter().any(|s| word.ends_with(s))
        && !word.ends_with("eed")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(language: Language, word: &str) -> Verdict {
        let user = UserLexicon::default();
        (*WordJudge::new(language, Dialect::Us, &user).judge(word)).clone()
    }

    #[test]
    fn a_rare_reading_gives_way_to_a_slip_of_a_very_common_word() {
        // A loan reading of a rare English word, one slip from a very common Indonesian one.
        for (slip, meant) in [("aksus", "kasus"), ("meksi", "meski"), ("keski", "meski")] {
            match judge(Language::Id, slip) {
                Verdict::Misspelled { suggestions, sure: true } => assert_eq!(suggestions[0], meant, "{slip}"),
                other => panic!("{slip}: {other:?}"),
            }
        }
        // Real words stay words: loans, derivations of common roots, rare dictionary stems and
        // Hunspell's own derivations, though each is one slip from a common word.
        for word in ["komposisi", "eksportir", "tegasnya", "padinya", "diadukan", "merem", "sangit", "penilik", "pedaging", "kepelatihan"] {
            assert_eq!(judge(Language::Id, word), Verdict::Known, "{word}");
        }
    }

    #[test]
    fn a_derivation_that_is_a_doubled_or_swapped_very_common_word_is_a_slip() {
        // A letter typed twice or two neighbours swapped in one of the commonest words, though
        // our affix rules or Hunspell's could derive the result.
        for (slip, meant) in [("sebagaii", "sebagai"), ("setelaah", "setelah"), ("kemudiaan", "kemudian")] {
            match judge(Language::Id, slip) {
                Verdict::Misspelled { suggestions, sure: true } => assert_eq!(suggestions[0], meant, "{slip}"),
                other => panic!("{slip}: {other:?}"),
            }
        }
        // Derivations in print, or one other kind of slip from a common word, stay words.
        for word in ["tegasnya", "padinya", "diadukan", "kepelatihan", "berkata", "menanti", "sesaat", "kalian"] {
            assert_eq!(judge(Language::Id, word), Verdict::Known, "{word}");
        }
    }

    #[test]
    fn two_slips_one_of_them_at_the_first_letter_are_corrected_in_lower_case() {
        let first = |language, word: &str| match judge(language, word) {
            Verdict::Misspelled { suggestions, sure: true } => suggestions[0].clone(),
            other => panic!("{word}: {other:?}"),
        };
        // A neighbouring key typed before the first letter or for it, or the first two
        // swapped, with one more slip elsewhere.
        assert_eq!(first(Language::Id, "vberitaa"), "berita");
        assert_eq!(first(Language::Id, "rkonomii"), "ekonomi");
        assert_eq!(first(Language::En, "fovernmet"), "government");
        assert_eq!(first(Language::En, "rpesidnet"), "president");
        // Five letters will do for two likely slips of a very common word.
        assert_eq!(first(Language::Id, "ddari"), "dari");
        // A capitalised word (mostly a name) is not searched so far, until it is met in lower
        // case (a word of its own, judged in no other test: the table is the process's).
        let user = UserLexicon::default();
        let judge = WordJudge::new(Language::Id, Dialect::Us, &user);
        assert!(!matches!(&*judge.judge_capitalised("vbulann"), Verdict::Misspelled { .. }));
        assert!(matches!(&*judge.judge("vbulann"), Verdict::Misspelled { suggestions, .. } if suggestions[0] == "bulan"));
        assert!(matches!(&*judge.judge_capitalised("vbulann"), Verdict::Misspelled { .. }));
    }

    #[test]
    fn one_decision_per_word() {
        assert_eq!(judge(Language::Id, "menewaskan"), Verdict::Known);
        assert_eq!(judge(Language::Id, "data"), Verdict::Known);
        assert!(matches!(judge(Language::Id, "resiko"), Verdict::NonStandard(f) if f.standard == "risiko"));
        assert!(matches!(judge(Language::Id, "online"), Verdict::HasEquivalent(e) if e[0] == "daring"));
        assert!(matches!(judge(Language::Id, "treacherous"), Verdict::Foreign(_)));
        assert!(matches!(judge(Language::Id, "pemerinatah"), Verdict::Misspelled { .. }));
        assert_eq!(judge(Language::En, "bupati"), Verdict::Known);
        assert!(matches!(judge(Language::En, "pagi"), Verdict::Foreign(_)));
        assert_eq!(judge(Language::Id, "maret"), Verdict::Known);
        assert_eq!(judge(Language::En, "monday"), Verdict::Misspelled { suggestions: vec!["Monday".into()], sure: true });
        match judge(Language::Id, "mendownload") {
            Verdict::ForeignRoot { root, equivalents, hyphenated: false } => {
                assert_eq!(root, "download");
                assert_eq!(equivalents.first().map(String::as_str), Some("mengunduh"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(judge(Language::Id, "didelete"), Verdict::ForeignRoot { hyphenated: false, .. }));
        assert!(matches!(judge(Language::Id, "di-update"), Verdict::ForeignRoot { hyphenated: true, .. }));
        assert!(matches!(judge(Language::En, "goverment"), Verdict::Misspelled { .. }));
    }

    #[test]
    fn word_tokens_without_letters_are_not_judged() {
        // A combining mark and an N'Ko digit make a word token with no letter (found by
        // tests/properties.rs; it panicked here).
        let doc = crate::document::Document::new("\u{300}\u{7c0}\0 kata", crate::prose::DocFormat::Markdown, Default::default());
        let words: Vec<&str> = occurrences(&doc).iter().map(|o| o.text()).collect();
        assert_eq!(words, ["kata"]);
    }
}

/// Where a word stands, which decides how far its spelling can be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordCase {
    /// Lower case: judged in full.
    Lower,
    /// Capitalised as the first word of a sentence, a quotation or after a colon: judged in
    /// lower case, but an unknown word may still be a name.
    Initial,
    /// Capitalised elsewhere: a name, a title, a heading word.
    Capitalised,
    /// All capitals: an acronym.
    Acronym,
}

/// A word of running prose worth judging. Its text, lower case and span are read from the
/// document's token, so an occurrence is 24 bytes: a long article has hundreds of thousands.
#[derive(Clone)]
pub struct Occurrence<'d> {
    doc: &'d crate::document::Document<'d>,
    /// The token's index in `doc.tokens` (`u32`: the occurrence list is the largest a check
    /// makes, and a document has fewer tokens than bytes).
    token: u32,
    pub case: WordCase,
    /// The verdict on `lower`, once a rule has asked for it: four rules read it for the same
    /// words, and looking it up again cost each of them a hash of the word.
    verdict: OnceCell<Arc<Verdict>>,
}

impl<'d> Occurrence<'d> {
    /// The word's index in the document's tokens.
    pub fn token(&self) -> usize {
        self.token as usize
    }

    pub fn span(&self) -> crate::diagnostic::Span {
        self.doc.tokens[self.token()].span
    }

    /// The word as written.
    pub fn text(&self) -> &'d str {
        self.doc.token_str(&self.doc.tokens[self.token()])
    }

    /// The word in lower case.
    pub fn lower(&self) -> &'d str {
        self.doc.token_lower(self.token())
    }

    /// [`WordJudge::judge`] of the word in lower case ([`WordJudge::judge_capitalised`] when it
    /// is written with a capital), asked once per occurrence.
    pub fn verdict(&self, words: &WordJudge<'_>) -> &Verdict {
        self.verdict.get_or_init(|| if self.case == WordCase::Lower { words.judge(self.lower()) } else { words.judge_capitalised(self.lower()) })
    }
}

impl std::fmt::Debug for Occurrence<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Occurrence").field("token", &self.token).field("text", &self.text()).field("case", &self.case).finish()
    }
}

/// The prose words of a document that a spelling judgement applies to: no numbers, handles,
/// dotted abbreviations or words glued to code or URLs.
pub fn occurrences<'d>(doc: &'d crate::document::Document<'d>) -> Vec<Occurrence<'d>> {
    occurrences_in_blocks(doc, |_| true)
}

/// [`occurrences`] in the blocks `keep` picks (by index).
pub fn occurrences_in_blocks<'d>(doc: &'d crate::document::Document<'d>, keep: impl Fn(usize) -> bool) -> Vec<Occurrence<'d>> {
    use crate::document::TokenKind;
    // Sized by the words it can hold, not grown by doubling: a long article has hundreds of
    // thousands of occurrences, and doubling would leave up to half of them unused.
    let words = doc.sentences.iter().filter(|s| keep(s.block)).flat_map(|s| &doc.tokens[s.tokens.clone()]).filter(|t| t.kind == TokenKind::Word).count();
    let mut out = Vec::with_capacity(words);
    for sentence in doc.sentences.iter().filter(|s| keep(s.block)) {
        let range = sentence.tokens.clone();
        let mut seen_word = false;
        for i in range.clone() {
            let t = &doc.tokens[i];
            let text = doc.token_str(t);
            if t.kind != TokenKind::Word {
                if matches!(t.kind, TokenKind::Number | TokenKind::Handle | TokenKind::Opaque) {
                    seen_word = true;
                }
                continue;
            }
            let glued = |j: Option<usize>| j.and_then(|j| doc.tokens.get(j)).is_some_and(|n| n.kind == TokenKind::Opaque);
            let glued_left = i > range.start && !t.space_before && glued(Some(i - 1));
            let glued_right = doc.tokens.get(i + 1).is_some_and(|n| !n.space_before) && i + 1 < range.end && glued(Some(i + 1));
            let after_opener = i > range.start && {
                let p = doc.token_str(&doc.tokens[i - 1]);
                matches!(p, "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "„" | ":" | "—" | "–" | "-")
            };
            let initial = !seen_word || after_opener;
            seen_word = true;
            if glued_left || glued_right || text.contains('.') || text.chars().any(|c| c.is_ascii_digit()) || text.chars().count() < 2 {
                continue;
            }
            // The case of the letters, read in one pass (without collecting them for every word).
            let mut letters = text.chars().filter(|c| c.is_alphabetic());
            // Marks and digits of other scripts make word tokens without a letter (`\u{300}߀`).
            let Some(first) = letters.next() else { continue };
            let (mut count, mut rest_upper, mut rest_lower, mut any_upper) = (1, true, true, false);
            for c in letters {
                count += 1;
                let upper = c.is_uppercase();
                rest_upper &= upper;
                any_upper |= upper;
                rest_lower &= c.is_lowercase();
            }
            let case = if first.is_uppercase() && rest_upper && count > 1 {
                WordCase::Acronym
            } else if first.is_uppercase() {
                if initial && rest_lower { WordCase::Initial } else { WordCase::Capitalised }
            } else if any_upper {
                // iPhone, eKTP: a brand or a coinage.
                WordCase::Capitalised
            } else {
                WordCase::Lower
            };
            // Past four thousand million tokens (no document under any size limit a newsroom
            // sets) the rest of the words go unjudged rather than misread.
            let Ok(token) = u32::try_from(i) else { break };
            out.push(Occurrence { doc, token, case, verdict: OnceCell::new() });
        }
    }
    out
}

