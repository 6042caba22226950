//! The Hunspell dictionaries shipped inside the binary (see `dict/LICENSE-*.txt`).

use crate::language::Language;
use spellbook::Dictionary;
use super::{in_background, WhenBusy};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

fn load(name: &str, aff: &str, dic: &str) -> Dictionary {
    // The embedded files are tested to parse; a failure here is a build defect.
    Dictionary::new(aff, dic).unwrap_or_else(|e| panic!("embedded dictionary {name} does not parse: {e}"))
}

pub static ID_ID: LazyLock<Dictionary> =
    LazyLock::new(|| load("id_ID", include_str!("../../dict/id_ID.aff"), include_str!("../../dict/id_ID.dic")));
const EN_US_AFF: &str = include_str!("../../dict/en_US.aff");
const EN_US_DIC: &str = include_str!("../../dict/en_US.dic");

pub static EN_US: LazyLock<Dictionary> = LazyLock::new(|| load("en_US", EN_US_AFF, EN_US_DIC));
pub static EN_GB: LazyLock<Dictionary> =
    LazyLock::new(|| load("en_GB", include_str!("../../dict/en_GB.aff"), include_str!("../../dict/en_GB.dic")));

/// Which English spellings are right. News in English comes from both sides of the Atlantic, so
/// by default either is; a newsroom pins one in its configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Dialect {
    #[default]
    Any,
    Us,
    Gb,
}

impl Dialect {
    /// The dictionary that suggests corrections.
    pub fn suggesting_dictionary(self) -> &'static Dictionary {
        match self {
            Dialect::Gb => &EN_GB,
            Dialect::Us | Dialect::Any => &EN_US,
        }
    }
}

/// en_US without its compound rules, which only build ordinals out of numerals (`21st`,
/// `112th`): every entry they accept has a digit (see the test), so for a word of letters alone
/// it answers as [`EN_US`] does. Spellbook tries those rules at every split of every word it
/// does not know, which was nearly half the cost of checking the thousands of English
/// respellings a name is tried as (see `loans`).
/// Parsing it costs some 10 ms, about as many checks: one article never pays for it, a folder
/// soon does.
static EN_US_LETTERS: WhenBusy<Dictionary> = WhenBusy::new(20_000, || {
    let aff: String = EN_US_AFF.lines().filter(|l| !l.starts_with("COMPOUNDRULE")).flat_map(|l| [l, "\n"]).collect();
    load("en_US (letters)", &aff, EN_US_DIC)
});

/// Calls `form` with every word en_US can accept, as a prefix, a stem and a suffix to join:
/// each entry of the .dic alone, with each affix its flags name, and with each prefix and
/// suffix together. Over on purpose, never under: affix conditions and cross-product flags
/// are ignored, and the compound rules join numerals alone (see the tests), so any word of
/// letters that [`check_us_letters`] accepts is among these. For asking how words can start:
/// forms need only be whole up to their first `start` bytes, so an entry that keeps that many
/// whatever suffix strips it is given once, without its suffixes.
pub fn for_each_us_form(start: usize, mut form: impl FnMut(&str, &str, &str)) {
    // (strip, add) of the prefixes and suffixes of each one-letter flag, by its code.
    type Rules = Vec<(&'static str, &'static str)>;
    let (mut prefixes, mut suffixes): (Vec<Rules>, Vec<Rules>) = (vec![Vec::new(); 128], vec![Vec::new(); 128]);
    for line in EN_US_AFF.lines() {
        // Rules are `PFX flag strip add condition`; a header has a Y/N and a count instead.
        let mut fields = line.split_whitespace();
        let (Some(kind), Some(flag), Some(strip), Some(add), Some(_)) = (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let zero = |s: &'static str| if s == "0" { "" } else { s };
        let rules = match kind {
            "PFX" => &mut prefixes,
            "SFX" => &mut suffixes,
            _ => continue,
        };
        // Flags are single characters (there is no FLAG directive; a test checks).
        let Some(rules) = flag.chars().next().and_then(|f| rules.get_mut(f as usize)) else { continue };
        rules.push((zero(strip), zero(add)));
    }
    fn rules_of<'a>(rules: &'a [Rules], flags: &'a str) -> impl Iterator<Item = &'a (&'static str, &'static str)> {
        flags.chars().filter_map(|f| rules.get(f as usize)).flatten()
    }
    let longest_strip = suffixes.iter().flatten().map(|(strip, _)| strip.len()).max().unwrap_or(0);
    for line in EN_US_DIC.lines().skip(1) {
        let (stem, flags) = line.split_once('/').unwrap_or((line, ""));
        let suffixes_matter = stem.len() < start.saturating_add(longest_strip);
        let suffixed = rules_of(&suffixes, if suffixes_matter { flags } else { "" })
            .filter_map(|&(strip, add)| Some((stem.strip_suffix(strip)?, add)));
        for (base, suffix) in std::iter::once((stem, "")).chain(suffixed) {
            form("", base, suffix);
            for &(strip, add) in rules_of(&prefixes, flags) {
                if let Some(rest) = base.strip_prefix(strip) {
                    form(add, rest, suffix);
                }
            }
        }
    }
}

/// `EN_US.check` for a word of ASCII letters alone. Until the compound-free copy is parsed (on
/// a thread of its own, once checks are many) this asks [`EN_US`]; both answer alike.
pub fn check_us_letters(word: &str) -> bool {
    debug_assert!(word.bytes().all(|b| b.is_ascii_alphabetic()));
    match EN_US_LETTERS.get() {
        Some(letters) => letters.check(word),
        None => EN_US.check(word),
    }
}

/// Start parsing, on threads of their own, the dictionaries a check of `language` consults
/// (an English article's unknown words are also looked up in Indonesian, and an Indonesian
/// article's in English). Each takes 5 to 10 ms; side by side, the first words of a run wait
/// for the slowest instead of all of them. Once per dictionary per process; a no-op after.
pub fn prefetch(language: Language, dialect: Dialect) {
    let wanted: &[&Prefetch] = match (language, dialect) {
        (Language::Id, _) => &[&PREFETCH_ID_ID, &PREFETCH_EN_US],
        (Language::En, Dialect::Any) => &[&PREFETCH_EN_US, &PREFETCH_EN_GB, &PREFETCH_ID_ID],
        (Language::En, Dialect::Us) => &[&PREFETCH_EN_US, &PREFETCH_ID_ID],
        (Language::En, Dialect::Gb) => &[&PREFETCH_EN_GB, &PREFETCH_ID_ID],
    };
    for prefetch in wanted {
        if !prefetch.started.swap(true, Ordering::Relaxed) {
            let dictionary = prefetch.dictionary;
            in_background("sunting-dictionary", move || {
                LazyLock::force(dictionary);
            });
        }
    }
}

/// A dictionary, and whether its background parse has been started.
struct Prefetch {
    dictionary: &'static LazyLock<Dictionary>,
    started: AtomicBool,
}

static PREFETCH_ID_ID: Prefetch = Prefetch { dictionary: &ID_ID, started: AtomicBool::new(false) };
static PREFETCH_EN_US: Prefetch = Prefetch { dictionary: &EN_US, started: AtomicBool::new(false) };
static PREFETCH_EN_GB: Prefetch = Prefetch { dictionary: &EN_GB, started: AtomicBool::new(false) };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_parse_and_know_common_words() {
        assert!(ID_ID.check("pemerintah") && ID_ID.check("menewaskan"));
        assert!(EN_US.check("government") && !EN_US.check("goverment"));
        assert!(EN_GB.check("colour"));
    }

    #[test]
    fn en_us_compound_rules_only_join_numerals() {
        // EN_US_LETTERS answers as EN_US for words of letters because every entry carrying a
        // compound-rule flag is a numeral.
        let rules: Vec<&str> = EN_US_AFF.lines().filter_map(|l| l.strip_prefix("COMPOUNDRULE ")).filter(|r| r.parse::<usize>().is_err()).collect();
        assert!(!rules.is_empty());
        let flags: Vec<char> = rules.iter().flat_map(|r| r.chars()).filter(|c| !matches!(c, '*' | '?' | '(' | ')')).collect();
        for line in EN_US_DIC.lines().skip(1) {
            let Some((stem, entry_flags)) = line.split_once('/') else { continue };
            if entry_flags.chars().any(|f| flags.contains(&f)) {
                assert!(stem.chars().any(|c| c.is_ascii_digit()), "{line}");
            }
        }
        assert!(!EN_US_AFF.contains("COMPOUNDFLAG") && !EN_US_AFF.contains("COMPOUNDBEGIN"));
        for w in ["government", "composition", "disability", "goverment", "character", "characters", "unhappiness", "zzz"] {
            assert_eq!(EN_US_LETTERS.force().check(w), EN_US.check(w), "{w}");
            assert_eq!(check_us_letters(w), EN_US.check(w), "{w}");
        }
        assert!(EN_US.check("21st") && !EN_US_LETTERS.force().check("21st"));
    }

    #[test]
    fn us_forms_cover_what_en_us_accepts() {
        // for_each_us_form reads affixes as one-letter flags without continuation classes and
        // knows nothing of these directives: were any added, it could miss words.
        assert!(!EN_US_AFF.lines().any(|l| ["FLAG", "IGNORE", "NEEDAFFIX", "CIRCUMFIX", "COMPLEXPREFIXES", "FULLSTRIP"].iter().any(|d| l.starts_with(d))));
        assert!(!EN_US_AFF.lines().filter(|l| l.starts_with("PFX") || l.starts_with("SFX")).any(|l| l.contains('/')));
        let mut forms = std::collections::HashSet::new();
        for_each_us_form(usize::MAX, |prefix, stem, suffix| {
            forms.insert(format!("{prefix}{stem}{suffix}"));
        });
        for w in ["government", "governments", "unhappiness", "reconsidered", "disability", "compositions", "Monday"] {
            assert!(EN_US.check(w) && forms.contains(w), "{w}");
        }
    }
}
