//! Indonesian words: the id_ID Hunspell dictionary, a supplementary list, and a morphology
//! layer for the affixed forms Hunspell's flags miss (*upayanya*, *dirilis*, *klubnya*).
//!
//! Acceptance is deliberately strict: an affixed form is accepted only when the affixes
//! combine by the rules of Indonesian (nasal assimilation of meN-/peN-) and what remains is a
//! known root of at least three letters, so a typo rarely passes because some split finds a root.

use super::hunspell::ID_ID;
use super::{loans, parse_word_list, WordSet};
use std::sync::LazyLock;

static EXTRA: LazyLock<WordSet> = LazyLock::new(|| parse_word_list(include_str!("../../data/id/extra-words.txt")));

/// Sastrawi's root words (`data/id/sastrawi-roots.txt`, MIT) that id_ID lacks, taken only when
/// they are common in print (the frequency list has them) and not a non-standard form: the
/// list also holds rare archaic roots, which would let typos pass. The roots that pass are
/// `data/id/sastrawi-roots-common.txt`, made from the three lists by [`common_sastrawi_roots`]
/// (a test keeps it current): sorting them out at start-up cost every English check the
/// Indonesian frequency list, about 20 ms.
static SASTRAWI: LazyLock<WordSet<&'static str>> = LazyLock::new(|| include_str!("../../data/id/sastrawi-roots-common.txt").lines().filter(|l| !l.is_empty()).collect());

/// The Sastrawi roots [`SASTRAWI`] takes, worked out from the lists.
/// An Indonesian word with a prefix and suffix, applying meN-/peN- nasal assimilation:
/// (`men`, `unduh`, `kan`) -> `mengunduhkan`, (`me`, `tulis`, ``) -> `menulis`.
pub fn affix(prefix: &str, root: &str, suffix: &str) -> String {
    let nasal = |base: &str| -> String {
        let first = root.chars().next().unwrap_or('a');
        let rest = &root[first.len_utf8().min(root.len())..];
        let vowel = |c: char| "aeiou".contains(c);
        let next_vowel = rest.chars().next().is_some_and(vowel);
        match first {
            c if vowel(c) => format!("{base}ng{root}"),
            'k' if next_vowel => format!("{base}ng{rest}"),
            'g' | 'h' | 'k' => format!("{base}ng{root}"),
            'p' if next_vowel => format!("{base}m{rest}"),
            'b' | 'f' | 'v' | 'p' => format!("{base}m{root}"),
            't' if next_vowel => format!("{base}n{rest}"),
            'd' | 'c' | 'j' | 'z' | 't' => format!("{base}n{root}"),
            's' if next_vowel => format!("{base}ny{rest}"),
            _ => format!("{base}{root}"),
        }
    };
    let stem = match prefix {
        "meng" | "meny" | "mem" | "men" | "me" => nasal("me"),
        "peng" | "pem" | "pen" | "pe" => nasal("pe"),
        p => format!("{p}{root}"),
    };
    format!("{stem}{suffix}")
}

#[cfg(test)]
fn common_sastrawi_roots() -> Vec<&'static str> {
    include_str!("../../data/id/sastrawi-roots.txt")
        .lines()
        .map(str::trim)
        .filter(|w| w.chars().count() >= 4 && super::nonstandard::standard_form(w).is_none() && common_in_print(w))
        .collect()
}

/// Whether the frequency list has a root or one of its commonest derivations (*lesat* by
/// *melesat*).
#[cfg(test)]
fn common_in_print(root: &str) -> bool {
    let listed = |w: &str| super::frequency::is_listed(crate::language::Language::Id, w);
    listed(root)
        || [("me", ""), ("di", ""), ("ber", ""), ("ter", ""), ("", "an"), ("", "nya"), ("me", "kan"), ("di", "kan"), ("pe", ""), ("ke", "an")]
            .iter()
            .any(|(prefix, suffix)| listed(&affix(prefix, root, suffix)))
}

/// The roots our affixes attach to: the lower-case stems of id_ID.dic (before any affix flags),
/// the words of the supplementary list and the common Sastrawi roots, in one set (every
/// correction candidate asks it several times).
static ROOTS: LazyLock<WordSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../dict/id_ID.dic")
        .lines()
        .skip(1)
        .map(|l| l.split('/').next().unwrap_or("").trim())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_lowercase() || c == '-'))
        .chain(EXTRA.iter().map(String::as_str))
        .chain(SASTRAWI.iter().copied())
        .collect()
});

/// The capitalised entries of id_ID.dic (names: *Jakarta*, *Maret*), lower-cased: those that
/// take no affixes, whole, and the first letters of the few that do (their suffixes strip at
/// most one letter).
static NAMES: LazyLock<(WordSet, Vec<String>)> = LazyLock::new(|| {
    let (mut whole, mut starts) = (WordSet::default(), Vec::new());
    for line in include_str!("../../dict/id_ID.dic").lines().skip(1) {
        let entry = line.split_whitespace().next().unwrap_or("");
        let (stem, flags) = entry.split_once('/').unwrap_or((entry, ""));
        if !stem.chars().any(char::is_uppercase) {
            continue;
        }
        let lower = stem.to_lowercase();
        if flags.is_empty() {
            whole.insert(lower);
        } else {
            let keep = lower.char_indices().last().map_or(0, |(i, _)| i);
            starts.push(lower[..keep].to_string());
        }
    }
    (whole, starts)
});

/// Whether a lower-case word, capitalised, may be one of the dictionary's names. `false` is
/// certain for a word whose lower case the dictionary refuses: Hunspell then accepts the
/// capitalised word only by a capitalised entry. Asked before Hunspell for every new name of
/// an article, most of which are none of the dictionary's few hundred. Only words of letters
/// `a`-`z` are refused: Hunspell checks the parts of a hyphenated word on their own, and its
/// casing rules for other letters are not worth second-guessing.
pub fn may_be_listed_name(word: &str) -> bool {
    !word.bytes().all(|b| b.is_ascii_lowercase()) || NAMES.0.contains(word) || NAMES.1.iter().any(|start| word.starts_with(start.as_str()))
}

/// Whether the dictionary lists the word only as a name, capitalised and without affixes
/// (`Celsius`, `Fahrenheit`): a capitalised word that is such an entry is a name wherever it
/// stands.
pub fn is_dictionary_name(lower: &str) -> bool {
    NAMES.0.contains(lower)
}

/// A whole word the dictionary (with its own affix rules) or the supplementary list knows.
fn listed(word: &str) -> bool {
    !word.is_empty() && (EXTRA.contains(word) || SASTRAWI.contains(word) || ID_ID.check(word))
}

/// A root: a stem of the dictionary or a word of the supplementary list. Only stems take our
/// affixes, so an affixed dictionary form never serves as a root for a second round.
pub(crate) fn is_stem(word: &str) -> bool {
    ROOTS.contains(word)
}

const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];
const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
const SUFFIXES: &[&str] = &["kan", "an", "i"];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars().next().is_some_and(is_vowel)
}

/// Two consonants at the start of a loan root (`klik`, `proses`, `transfer`): the nasal prefix
/// keeps the first consonant (`mengklik`, `memproses`, `mentransfer`).
fn starts_with_cluster(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if !is_vowel(a) && !is_vowel(b) && a != 'y' && b != 'y' && !(a == 'n' && b == 'g') && !(a == 's' && b == 'y') && !(a == 'k' && b == 'h'))
}

/// The roots a word could have after the nasal prefix `meN-` or `peN-` (given without its
/// `me`/`pe`): `nulis` -> `tulis`, `nyapu` -> `sapu`, `mukul` -> `pukul`, `ngirim` -> `kirim`.
/// Each is handed to `visit` until it says yes; a restored first letter is spelled in `buf`, so
/// the hundreds of candidates a correction tries allocate nothing.
fn nasal_roots(after: &str, buf: &mut String, visit: &mut dyn FnMut(&str) -> bool) -> bool {
    let mut restored = |letter: char, rest: &str, visit: &mut dyn FnMut(&str) -> bool| {
        buf.clear();
        buf.push(letter);
        buf.push_str(rest);
        visit(buf)
    };
    // me-/pe- before l, r, m, n, w, y, ny, ng keep the root whole: melihat, memasak, menanti,
    // menyanyi, pemusik.
    if after.starts_with(['l', 'r', 'm', 'n', 'w', 'y']) && visit(after) {
        return true;
    }
    if let Some(rest) = after.strip_prefix("nge") {
        // menge- before one-syllable roots: mengebom, mengecat.
        if rest.chars().count() <= 4 && visit(rest) {
            return true;
        }
    }
    if let Some(rest) = after.strip_prefix("ny")
        && starts_with_vowel(rest)
        && restored('s', rest, visit)
    {
        return true;
    }
    if let Some(rest) = after.strip_prefix("ng") {
        if starts_with_vowel(rest) {
            return visit(rest) || restored('k', rest, visit);
        } else if rest.starts_with('g') || rest.starts_with('h') || rest.starts_with("kh") || starts_with_cluster(rest) {
            return visit(rest);
        }
    } else if let Some(rest) = after.strip_prefix('m') {
        if starts_with_vowel(rest) {
            return restored('p', rest, visit);
        } else if rest.starts_with(['b', 'f', 'v', 'p']) {
            return visit(rest);
        }
    } else if let Some(rest) = after.strip_prefix('n') {
        if starts_with_vowel(rest) {
            return restored('t', rest, visit);
        } else if rest.starts_with(['d', 'c', 'j', 'z']) || rest.starts_with("sy") || starts_with_cluster(rest) {
            return visit(rest);
        }
    }
    false
}

/// Candidate roots of a word that carries at most one prefix (possibly a compound prefix such
/// as `memper-`, `diper-`) and at most one derivational suffix, each with the shortest root
/// length that split allows: three-letter roots take only `di-`, `menge-`/`penge-` or a suffix
/// alone (dibom, mengecat, sahkan), so that chance splits of typos find no root. Each is handed
/// to `visit` until it says yes.
fn derivation_roots(word: &str, visit: &mut dyn FnMut(&str, usize) -> bool) -> bool {
    let mut buf = String::new();
    let suffixed = SUFFIXES.iter().filter_map(|suffix| word.strip_suffix(suffix));
    for (i, stem) in std::iter::once(word).chain(suffixed).enumerate() {
        // Suffix alone: sesuaikan, rumahan, titipkan.
        if i > 0 && visit(stem, 3) {
            return true;
        }
        // The prefixes, by their first letter: this runs for every correction candidate, and
        // the order of the tries does not matter (any root will do).
        let (prefixes, nasal): (&[&str], Option<&str>) = match stem.as_bytes().first() {
            Some(b'b') => (&["ber", "be", "bel"], None),
            Some(b'd') => (&["diper", "di"], None),
            Some(b'k') => (&["ke"], None),
            Some(b'm') => (&["memper"], Some("me")),
            Some(b'p') => (&["pemer", "per"], Some("pe")),
            Some(b's') => (&["se"], None),
            Some(b't') => (&["ter", "te"], None),
            _ => (&[], None),
        };
        for prefix in prefixes {
            let Some(rest) = stem.strip_prefix(prefix) else { continue };
            match *prefix {
                // be- only before r or in bekerja / beternak; te- only before r.
                "be" | "te" if !rest.starts_with('r') && rest != "kerja" && rest != "ternak" => continue,
                "bel" if rest != "ajar" => continue,
                _ => {}
            }
            if visit(rest, if *prefix == "di" { 3 } else { 4 }) {
                return true;
            }
        }
        // meN- and peN-, with the nasal's sound change.
        if let Some(after) = nasal.and_then(|prefix| stem.strip_prefix(prefix)) {
            let min = if after.starts_with("nge") { 3 } else { 4 };
            if nasal_roots(after, &mut buf, &mut |r| visit(r, min)) {
                return true;
            }
        }
    }
    false
}

fn is_root(root: &str, min_len: usize) -> bool {
    root.chars().count() >= min_len && is_stem(root)
}

/// How far the word test goes. Loan roots cost more, and Hunspell's own affix rules cost more
/// than our hash lookups of stems; validating hundreds of correction candidates needs neither.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    Full,
    StemsOnly,
}

/// Whether a lower-case word without clitics is Indonesian. Roots are looked up in the word
/// lists first; only when none is listed is a long root tried as a regular loan (*instruksi* in
/// *menginstruksikan*), which costs more.
fn is_derived(word: &str, depth: Depth) -> bool {
    let known = match depth {
        Depth::Full => listed(word),
        Depth::StemsOnly => is_stem(word),
    };
    if known {
        return true;
    }
    // A confix around a word that already has a prefix: keterlibatan, keberlanjutan,
    // ketidakadilan, pemberdayaan.
    for (pre, suf) in [("ke", "an"), ("pe", "an"), ("per", "an")] {
        if let Some(inner) = word.strip_prefix(pre).and_then(|w| w.strip_suffix(suf)) {
            if let Some(rest) = inner.strip_prefix("tidak")
                && is_derived(rest, depth) {
                    return true;
                }
            if ["ter", "ber", "mber", "pe"].iter().any(|p| inner.starts_with(p)) && is_derived(inner.strip_prefix('m').unwrap_or(inner), depth) {
                return true;
            }
        }
    }
    // ber- before a ke-an noun: berkeadilan, berketebalan, berkelanjutan.
    if let Some(noun) = word.strip_prefix("ber")
        && noun.starts_with("ke")
        && noun.ends_with("an")
        && noun.chars().count() >= 7
        && is_derived(noun, depth)
    {
        return true;
    }
    // A bound form written together with a word, as EYD V writes them: supermewah,
    // pascagempa, antarnegara, nonaktif.
    if let Some(rest) = BOUND_PREFIXES.iter().filter(|p| p.len() >= 3).find_map(|p| word.strip_prefix(p))
        && rest.chars().count() >= 4
        && is_derived(rest, depth)
    {
        return true;
    }
    derivation_roots(word, &mut |r, min| is_root(r, min))
        || depth == Depth::Full && derivation_roots(word, &mut |r, _| r.chars().count() >= 6 && loans::is_regular_loan(r))
}

/// Whether a word [`is_word`] accepts is accepted only by way of rare material: the word (with
/// or without its clitics) is not in the frequency list, not a stem of the dictionary or the
/// supplementary list, not a form Hunspell's own affix rules make, and no root our affix rules
/// leave is in the frequency list (*kaloi*, from the rare *kalo*). Such a reading is weak
/// evidence against a slip of a common word.
pub fn reading_is_rare(word: &str) -> bool {
    let in_print = |w: &str| super::frequency::is_listed(crate::language::Language::Id, w);
    let mut forms = vec![word];
    for p in PARTICLES.iter().chain(POSSESSIVES) {
        let more: Vec<&str> = forms.iter().filter_map(|f| f.strip_suffix(p)).filter(|f| f.chars().count() >= 3).collect();
        forms.extend(more);
    }
    !forms.iter().any(|f| in_print(f) || is_stem(f) || derivation_roots(f, &mut |r, min| is_root(r, min) && in_print(r)) || ID_ID.check(f))
}

/// Bound forms that may stand before a hyphen: anti-pesawat, non-migas, pasca-gempa.
const BOUND_PREFIXES: &[&str] = &["anti", "non", "pasca", "pra", "pro", "eks", "multi", "semi", "sub", "antar", "inter", "pan", "super", "ultra", "mega", "mini", "neo", "pseudo", "swa", "tuna", "nir", "purna", "awa", "maha"];

/// Whether a lower-case word, with any clitics, is Indonesian.
fn is_inflected(word: &str, depth: Depth) -> bool {
    if is_derived(word, depth) {
        return true;
    }
    // Particles (-lah, -kah, -pun, -tah) then possessives (-nya, -ku, -mu), each at most once.
    // Every form is a slice of the word, and there are at most eight (one particle, one
    // possessive and one of ku-/kau- can match), so they live on the stack.
    let mut all: [&str; 8] = [""; 8];
    let mut count = 1;
    all[0] = word;
    for p in PARTICLES {
        if let Some(s) = word.strip_suffix(p) {
            // The literary -tah only follows question words (apatah, siapatah).
            if *p == "tah" && !matches!(s, "apa" | "siapa" | "mana" | "manakah" | "bagaimana" | "mengapa" | "kenapa" | "bilamana") {
                continue;
            }
            all[count] = s;
            count += 1;
        }
    }
    let forms = count;
    for i in 0..forms {
        for p in POSSESSIVES {
            if let Some(s) = all[i].strip_suffix(p) {
                all[count] = s;
                count += 1;
            }
        }
    }
    // ku- and kau- before a verb: kujual, kaubaca.
    let before_prefixes = count;
    for i in 0..before_prefixes {
        for p in ["kau", "ku"] {
            if let Some(s) = all[i].strip_prefix(p) {
                all[count] = s;
                count += 1;
            }
        }
    }
    all[1..count].iter().any(|f| f.chars().count() >= 3 && is_derived(f, depth))
}

/// Whether a lower-case word is a known Indonesian word, affixed, with clitics, or reduplicated.
pub fn is_word(word: &str) -> bool {
    is_word_to(word, Depth::Full)
}

/// [`is_word`] by stems and affix rules alone, without Hunspell's own affix table or loan
/// roots: a hundred times cheaper, for validating correction candidates.
pub fn is_listed_form(word: &str) -> bool {
    is_word_to(word, Depth::StemsOnly)
}

fn is_word_to(word: &str, depth: Depth) -> bool {
    let is_inflected = |w: &str| is_inflected(w, depth);
    if word.is_empty() || super::too_long_to_search(word) {
        return false;
    }
    if is_inflected(word) {
        return true;
    }
    let Some((left, right)) = word.split_once('-') else { return false };
    if right.contains('-') {
        return word.split('-').all(|p| !p.is_empty() && is_inflected(p));
    }
    if left.is_empty() || right.is_empty() {
        return false;
    }
    if BOUND_PREFIXES.contains(&left) && is_inflected(right) {
        return true;
    }
    // Both halves words: anak-anak, naik-turunnya, berlari-lari.
    if is_inflected(left) && is_inflected(right) {
        return true;
    }
    // The first half carries the affix and the second repeats the root: menakut-nakuti.
    if is_inflected(left) {
        let bases = [Some(right), right.strip_suffix("kan"), right.strip_suffix('i'), right.strip_suffix("an")];
        if bases.into_iter().flatten().any(|b| b.chars().count() >= 3 && left.ends_with(b)) {
            return true;
        }
    }
    // A confix around the whole reduplication: kemerah-merahan, sebaik-baiknya, berbalas-balasan.
    for (pre, suf) in [("ke", "an"), ("se", "nya"), ("ber", "an"), ("ber", "kan"), ("di", "kan"), ("meng", "kan"), ("me", "kan"), ("di", "i"), ("me", "i"), ("", "an"), ("", "nya")] {
        if let (Some(l), Some(r)) = (left.strip_prefix(pre), right.strip_suffix(suf)) {
            if l == r && is_root(l, 3) {
                return true;
            }
            if l.ends_with(r) && is_root(r, 3) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_assimilate() {
        assert_eq!(affix("men", "unduh", ""), "mengunduh");
        assert_eq!(affix("me", "tulis", "kan"), "menuliskan");
        assert_eq!(affix("me", "kirim", ""), "mengirim");
        assert_eq!(affix("me", "sapu", ""), "menyapu");
        assert_eq!(affix("me", "pukul", ""), "memukul");
        assert_eq!(affix("di", "hapus", ""), "dihapus");
    }

    #[test]
    fn the_common_sastrawi_roots_file_is_current() {
        // After a change to the Sastrawi, frequency or non-standard lists, or to the filter:
        // SUNTING_WRITE_DATA=1 cargo test the_common_sastrawi_roots_file_is_current
        let made = common_sastrawi_roots().join("\n") + "\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/id/sastrawi-roots-common.txt");
        if std::env::var_os("SUNTING_WRITE_DATA").is_some() {
            std::fs::write(path, &made).unwrap();
        }
        assert!(include_str!("../../data/id/sastrawi-roots-common.txt") == made, "data/id/sastrawi-roots-common.txt is out of date: SUNTING_WRITE_DATA=1 cargo test the_common_sastrawi_roots_file_is_current");
    }

    #[test]
    fn accepts_affixed_forms_of_known_roots() {
        for w in [
            "menewaskan", "upayanya", "sosialnya", "kebijakannya", "pertanggungjawaban", "memintanya",
            "dibangun", "menulis", "memukul", "menyapu", "mengirim", "mengebom", "klubnya", "dirilis",
            "diproses", "mengklik", "memproses", "mentransfer", "berkomitmen", "terdiagnosis", "sesuaikan",
            "kujual", "kaubaca", "rumahnyalah", "apakah", "bacalah", "memperparah", "dipertandingkan",
            "berketebalan", "berkeadilan", "kepelatihan", "kepemimpinan", "supermewah", "pascabanjir", "antarkota", "nonaktif", "melesat", "mancur",
            "penggundulan", "keamanannya", "seusai", "bekerja", "belajar", "menginstruksikan", "anti-pesawat", "non-pemerintah", "keterisian", "keberlanjutan", "ketidakadilan", "pemberdayaan", "memasak", "menanti", "menyanyi", "pemusik", "melihat",
        ] {
            assert!(is_word(w), "{w}");
        }
    }

    #[test]
    fn accepts_reduplication() {
        for w in ["anak-anak", "sayur-mayur", "bolak-balik", "berlari-lari", "kemerah-merahan", "naik-turunnya", "sebaik-baiknya", "menakut-nakuti", "rumah-rumah"] {
            assert!(is_word(w), "{w}");
        }
    }

    #[test]
    fn names_the_dictionary_may_hold() {
        let capitalise = |w: &str| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        };
        assert!(may_be_listed_name("jakarta") && may_be_listed_name("allah"));
        // Every word Hunspell accepts capitalised but not in lower case passes: the dictionary's
        // stems, the supplementary words and made-up names, each also with common suffixes.
        let stems = include_str!("../../dict/id_ID.dic").lines().skip(1).map(|l| l.split('/').next().unwrap_or("").trim().to_lowercase());
        let made_up = ["putbo", "sankezal", "kanriyan", "japra", "dalinke", "rayanyan", "kedasri", "buwono", "ekwiles"];
        let mut refused = 0;
        for base in stems.chain(EXTRA.iter().cloned()).chain(made_up.iter().map(|w| w.to_string())) {
            for suffix in ["", "nya", "an", "i", "kan", "lah", "s"] {
                let word = format!("{base}{suffix}");
                if !may_be_listed_name(&word) {
                    refused += 1;
                    assert!(!ID_ID.check(&capitalise(&word)) || ID_ID.check(&word), "{word}");
                }
            }
        }
        assert!(refused > 100_000, "{refused}");
        assert!(made_up.iter().all(|w| !may_be_listed_name(w)));
    }

    #[test]
    fn rejects_typos_even_when_an_affix_split_exists() {
        for w in ["pemerinatah", "teirma", "pertengakaran", "perbutannya", "pasein", "mempetimbangkan", "mengrimkan", "pemerinyah", "kemenangand", "pedangang", "sleuruh", "sebagaiman", "rumah-rumha"] {
            assert!(!is_word(w), "{w}");
        }
    }
}
