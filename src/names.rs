//! The names of an article, read once for every rule that needs them: the capitalised words that
//! stand in names, grouped into runs (*Bupati Cianjur Herman Suherman*), the words the article
//! uses as places, and how a run splits into a role and the person it names.
//!
//! A capitalised word opening a sentence is a name only when it is not an ordinary word, unless
//! the article uses that word as a name part elsewhere, in mid-sentence beside another name word
//! (*Rahmat* of *Rahmat Hidayat*: an ordinary word, *rahmat*, and a given name).

use crate::diagnostic::Span;
use crate::document::{Document, TokenKind};
use crate::lexicon::{WordMap, WordSet};
use crate::prose::BlockKind;
use crate::words::{Occurrence, WordCase, WordJudge};

/// A capitalised word that stands in a name: `Pasir` and `Talang` in *Kabupaten Pasir Talang*.
#[derive(Debug, Clone)]
pub struct NameWord<'d> {
    /// The token's index in the document.
    pub token: usize,
    /// The word without an English possessive (`Zelensky` of `Zelensky's`).
    pub span: Span,
    pub form: &'d str,
    /// Its lower-case form is an ordinary word of the article's language (`Pasir`, `Kota`).
    pub is_word: bool,
    /// The index of its run of adjacent name words, and its place in that run.
    pub run: usize,
    pub place: usize,
}

/// The article's names.
#[derive(Debug, Default)]
pub struct Names<'d> {
    /// The name words, in order.
    pub words: Vec<NameWord<'d>>,
}

/// `Zelensky's` -> `Zelensky`; the possessive of an English name is not part of its spelling.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// A candidate name word before the runs are known.
struct Candidate<'d> {
    token: usize,
    form: &'d str,
    is_word: bool,
    /// Opens a sentence (or stands in a headline): its capital says nothing.
    initial: bool,
    heading: bool,
}

impl<'d> Names<'d> {
    pub fn new(doc: &'d Document<'d>, occurrences: &[Occurrence<'d>], judge: &WordJudge) -> Names<'d> {
        // A name is mentioned again and again: ask about each spelling once.
        let mut ordinary: WordMap<&str, bool> = Default::default();
        let mut candidates: Vec<Candidate<'d>> = Vec::new();
        for occurrence in occurrences {
            if !matches!(occurrence.case, WordCase::Capitalised | WordCase::Initial) {
                continue;
            }
            let stem = strip_possessive(occurrence.text());
            if !stem.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                || !stem.chars().next().is_some_and(char::is_uppercase)
                || !stem.chars().skip(1).any(char::is_lowercase)
            {
                continue;
            }
            // A hyphenated form is an ordinary word only when each part is one, of three letters
            // or more (*Al-Khatib*, *El-Sisi* are names, though *khatib* is a word and the
            // dictionary lists *al*).
            let is_word = *ordinary.entry(stem).or_insert_with(|| {
                let lower = stem.to_lowercase();
                judge.is_ordinary(&lower) && (!lower.contains('-') || lower.split('-').all(|part| part.chars().count() > 2 && judge.is_ordinary(part)))
            });
            let heading = matches!(doc.block_kind_of_token(occurrence.token()), Some(BlockKind::Title | BlockKind::Heading));
            candidates.push(Candidate { token: occurrence.token(), form: stem, is_word, initial: occurrence.case == WordCase::Initial || heading, heading });
        }
        // Whether candidate `k` directly follows candidate `k - 1` in one name.
        let adjacent: Vec<bool> = (0..candidates.len())
            .map(|k| {
                k > 0 && {
                    let (prev, this) = (&candidates[k - 1], &candidates[k]);
                    let token = &doc.tokens[this.token];
                    prev.token + 1 == this.token
                        && token.space_before
                        && !token.line_break_before
                        && doc.tokens[prev.token].kind == TokenKind::Word
                        && doc.str(Span::new(doc.tokens[prev.token].span.end, token.span.start)).chars().all(|c| c == ' ')
                        && prev.form.len() == doc.token_str(&doc.tokens[prev.token]).len()
                }
            })
            .collect();
        // Ordinary words the article capitalises in mid-sentence beside another name word:
        // given names and name parts (*Rahmat*, *Wahyu*, *Teguh*; *Agus* of *Agus Setiawan*,
        // both words of the language).
        let mut name_parts: WordSet<&str> = Default::default();
        let is_name = |c: &Candidate| !c.is_word || !c.initial;
        for (k, c) in candidates.iter().enumerate() {
            let beside_name = (adjacent[k] && is_name(&candidates[k - 1])) || (adjacent.get(k + 1) == Some(&true) && is_name(&candidates[k + 1]));
            if c.is_word && !c.initial && beside_name {
                name_parts.insert(c.form);
            }
        }
        // The words written before each name word in mid-sentence: *Rudy* before *Susmanto*.
        let mut before: WordMap<&str, Vec<&str>> = Default::default();
        for k in 1..candidates.len() {
            if adjacent[k] && !candidates[k - 1].initial {
                let list = before.entry(candidates[k].form).or_default();
                if list.len() < 8 && !list.contains(&candidates[k - 1].form) {
                    list.push(candidates[k - 1].form);
                }
            }
        }
        let keep: Vec<bool> = (0..candidates.len())
            .map(|k| {
                let c = &candidates[k];
                let next_is_name = adjacent.get(k + 1) == Some(&true) && !candidates[k + 1].is_word;
                // ... or a word one letter from one written before the same name part in
                // mid-sentence (*Rudi Susmanto berharap* after *Bupati Bogor Rudy Susmanto*).
                let seen_before_next = || before.get(candidates[k + 1].form).is_some_and(|list| list.iter().any(|w| within_one(w, c.form)));
                !(c.is_word && c.initial) || (!c.heading && next_is_name && (name_parts.contains(c.form) || seen_before_next()))
            })
            .collect();
        let mut words: Vec<NameWord<'d>> = Vec::new();
        let mut run = 0;
        let mut previous_kept: Option<usize> = None;
        for (k, c) in candidates.iter().enumerate() {
            if !keep[k] {
                continue;
            }
            let joined = adjacent[k] && previous_kept == Some(k - 1);
            let place = if joined {
                words.last().map_or(0, |p| p.place + 1)
            } else {
                run += 1;
                0
            };
            let start = doc.tokens[c.token].span.start;
            words.push(NameWord { token: c.token, span: Span::new(start, start + c.form.len()), form: c.form, is_word: c.is_word, run, place });
            previous_kept = Some(k);
        }
        Names { words }
    }

    /// The runs of adjacent name words, each as a range of `words`.
    pub fn runs(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let mut start = 0;
        (0..self.words.len()).filter_map(move |i| {
            let ends = self.words.get(i + 1).is_none_or(|n| n.run != self.words[i].run);
            ends.then(|| {
                let r = start..i + 1;
                start = i + 1;
                r
            })
        })
    }
}

/// Whether two words are at most one letter apart, case aside (a substitution, an insertion or a
/// deletion).
fn within_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix..].iter().skip(1).eq(long[prefix..].iter().skip(1))
    } else {
        short[prefix..].iter().eq(long[prefix + 1..].iter())
    }
}

/// Titles, ranks and roles that stand before a person's name (*Bupati*, *Kapolres*, *Mr.*).
pub const TITLES: &[&str] = &[
    "presiden", "wakil", "menteri", "gubernur", "bupati", "wali", "walikota", "kepala", "ketua",
    "direktur", "jenderal", "pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "dr", "prof", "president",
    "minister", "governor", "mayor", "senator", "sen", "rep", "gen", "general", "kapolri", "kapolda",
    "kapolres", "kapolresta", "kapolsek", "juru", "bicara", "hakim", "jaksa", "pelatih", "warga", "kapten", "komisaris",
    "sekretaris", "camat", "lurah", "kades", "ustaz", "kiai", "habib", "pastor", "pendeta", "haji", "hj",
    "h", "ir", "drs", "coach", "judge", "prosecutor", "chief", "secretary", "director", "captain", "sir",
    "dame", "lord", "lady", "brigjen", "irjen", "kombes", "akbp", "akp", "iptu", "ipda", "letjen", "mayjen",
    "pangdam", "danrem", "dandim", "kajari", "kajati", "kadis", "dirut", "sekda", "sekjen", "dubes", "ambassador",
    "rektor", "dekan", "mbak", "mas", "bang", "kak", "om", "tante", "cak", "ning", "daeng", "uda", "uni",
    "gov", "lt", "col", "sgt", "supt", "insp", "det", "amb", "rev", "fr", "pres", "cmdr", "adm", "maj", "cpt",
];

/// Titles whose next capitalised words name where the office is (*Bupati Cianjur*,
/// *Gubernur Jawa Barat*, *Kapolres Bogor*), not the person.
const JURISDICTIONAL: &[&str] = &[
    "bupati", "gubernur", "walikota", "kota", "camat", "lurah", "kades", "kapolda", "kapolres", "kapolresta",
    "kapolsek", "pangdam", "danrem", "dandim", "kajari", "kajati", "sekda", "mayor", "governor", "dubes",
    "ambassador", "rektor",
];

/// Compass and similar words that go on a place name (*Jawa Barat*, *Sulawesi Tengah*).
const PLACE_TAILS: &[&str] = &[
    "barat", "timur", "utara", "selatan", "tengah", "raya", "daya", "laut", "north", "south", "east", "west",
    "central", "northern", "southern", "eastern", "western",
];

/// Words after which a capitalised word names a place (*di Cianjur*, *Kabupaten Cianjur*).
/// (Not *dari*, *from*, *to*: a letter *from Smith*, *keterangan dari Heru*.)
const LOCATIVES: &[&str] = &[
    "di", "ke", "kabupaten", "kota", "provinsi", "kecamatan", "desa", "kelurahan", "pulau", "in", "at", "near",
    "city", "province", "regency", "district", "village", "island",
];

/// The capitalised words the article puts after a locative (*di Cianjur*, *in Kyiv*): places.
pub fn place_words<'d>(doc: &'d Document<'d>) -> WordSet<&'d str> {
    let mut places: WordSet<&str> = Default::default();
    for (i, pair) in doc.tokens.windows(2).enumerate() {
        if pair[0].kind != TokenKind::Word || pair[1].kind != TokenKind::Word || !LOCATIVES.contains(&doc.token_lower(i)) {
            continue;
        }
        let next = doc.token_str(&pair[1]);
        if next.chars().next().is_some_and(char::is_uppercase) && next.chars().any(char::is_lowercase) {
            places.insert(strip_possessive(next));
        }
    }
    places
}

/// Head words of places, which many different names share (*Jalan*, *Gunung*, *River*): the
/// word after one is the place's own name.
const PLACE_HEADS: &[&str] = &[
    "jalan", "jl", "gunung", "sungai", "danau", "selat", "teluk", "pantai", "bukit", "kampung", "dusun", "tanjung",
    "tanjakan", "gang", "street", "road", "avenue", "river", "mount", "lake", "bay", "saint", "st", "san", "santa",
    "fort",
];

/// Head words of buildings and bodies, which many different names share (*Dinas*, *Partai*,
/// *Ministry*); the words after one are often ordinary words (*Dinas Kesehatan*).
const BODY_HEADS: &[&str] = &[
    "lapangan", "stadion", "bandara", "pelabuhan", "stasiun", "terminal", "masjid", "gereja", "pura", "pasar",
    "kementerian", "dinas", "badan", "kantor", "partai", "universitas", "bank", "rumah", "sakit", "pengadilan",
    "komisi", "sekolah", "port", "airport", "station", "new", "old", "upper", "lower", "great", "little",
    "ministry", "department", "university", "party", "hospital", "school", "club", "united",
];

/// Days and months, capitalised in both languages but nobody's name.
const CALENDAR: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret", "april", "mei",
    "juni", "juli", "agustus", "september", "oktober", "november", "desember", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "may", "june", "july", "august",
    "october", "december",
];

/// A title, a place's head word, a compass word, a day or a month: shared by names of different
/// people and places, or no name at all.
pub fn is_generic(word: &str) -> bool {
    let l = word.trim_end_matches('.').to_lowercase();
    let l = l.as_str();
    TITLES.contains(&l) || LOCATIVES.contains(&l) || PLACE_TAILS.contains(&l) || PLACE_HEADS.contains(&l) || BODY_HEADS.contains(&l) || CALENDAR.contains(&l)
}

/// Whether a capitalised word after `word` stands in a name's place: after a title, a
/// locative or a place's head word (*Desa Sedoa*, *Presiden Jokowi*, *di Cianjur*, *Jalan
/// Sudirman*), not a body's (*Dinas Kesehatan*).
pub fn introduces_name(word: &str) -> bool {
    let l = word.trim_end_matches('.').to_lowercase();
    let l = l.as_str();
    TITLES.contains(&l) || LOCATIVES.contains(&l) || PLACE_HEADS.contains(&l)
}

pub fn is_title(word: &str) -> bool {
    let l = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&l.as_str()) || (word.len() <= 5 && word.chars().all(char::is_uppercase))
}

/// Where the person begins in a run of capitalised words: after the titles and roles
/// (*Bupati*, *Kepala BPBD*) and, after a title bound to a place, after the place (*Bupati
/// Cianjur Herman Suherman* -> *Herman Suherman*). `places` are the article's place words.
pub fn person_start(words: &[&str], places: &WordSet<&str>) -> usize {
    let after_wali = |k: usize| k > 0 && words[k - 1].eq_ignore_ascii_case("wali") && words[k].eq_ignore_ascii_case("kota");
    // English puts the place before the office (*Kyiv Mayor Vitali Klitschko*): the person
    // starts after the last title, wherever it stands (never at the last word).
    let mut k = (0..words.len().saturating_sub(1)).rev().find(|&i| is_title(words[i]) || after_wali(i)).map_or(0, |last| {
        let mut first = last;
        while first > 0 && (is_title(words[first - 1]) || after_wali(first - 1)) {
            first -= 1;
        }
        first
    });
    let mut jurisdictional = false;
    while k < words.len() && (is_title(words[k]) || after_wali(k)) {
        let l = words[k].trim_end_matches('.').to_lowercase();
        jurisdictional |= JURISDICTIONAL.contains(&l.as_str());
        k += 1;
    }
    if !jurisdictional || k == 0 {
        return k;
    }
    // The place of the office: words the article uses as places, with their compass words; or,
    // with no such evidence, one word when three or more follow the title.
    let mut skipped = false;
    while words.len() - k > 1 {
        let l = words[k].to_lowercase();
        if places.contains(words[k]) || (skipped && PLACE_TAILS.contains(&l.as_str())) {
            k += 1;
            skipped = true;
        } else {
            break;
        }
    }
    if !skipped && words.len() - k >= 3 {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LanguageChoice;
    use crate::language::Language;
    use crate::prose::DocFormat;

    fn places(text: &str) -> Vec<String> {
        let d = Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(Language::Id), ..Default::default() });
        let mut v: Vec<String> = place_words(&d).into_iter().map(str::to_string).collect();
        v.sort();
        v
    }

    #[test]
    fn one_letter_apart() {
        assert!(within_one("Rudy", "Rudi") && within_one("Rudi", "rudi") && within_one("Rahmat", "Rachmat"));
        assert!(!within_one("Rudy", "Rida") && !within_one("Rahmat", "Rachmad") && within_one("a", ""));
    }

    #[test]
    fn places_follow_locatives() {
        assert_eq!(places("Banjir di Cianjur dan Kabupaten Garut. Warga dari Bogor, kata Heru."), ["Cianjur", "Garut"]);
        assert_eq!(places("The flood in Kyiv reached the city. Dia pergi ke pasar."), ["Kyiv"]);
    }

    #[test]
    fn the_person_after_titles_and_the_place_of_the_office() {
        let none = WordSet::default();
        let start = |words: &[&str], places: &WordSet<&str>| words[person_start(words, places)..].join(" ");
        assert_eq!(start(&["Bupati", "Cianjur", "Herman", "Suherman"], &none), "Herman Suherman");
        assert_eq!(start(&["Bupati", "Herman", "Suherman"], &none), "Herman Suherman");
        assert_eq!(start(&["Presiden", "Joko", "Widodo"], &none), "Joko Widodo");
        assert_eq!(start(&["Pak", "Herman"], &none), "Herman");
        assert_eq!(start(&["Mr.", "Smith"], &none), "Smith");
        let jabar: WordSet<&str> = ["Jawa"].into_iter().collect();
        assert_eq!(start(&["Gubernur", "Jawa", "Barat", "Ridwan", "Kamil"], &jabar), "Ridwan Kamil");
        let bogor: WordSet<&str> = ["Bogor"].into_iter().collect();
        assert_eq!(start(&["Kapolres", "Bogor", "Iman", "Imanuddin"], &bogor), "Iman Imanuddin");
        assert_eq!(start(&["Mayor", "Kyiv", "Vitali", "Klitschko"], &none), "Vitali Klitschko");
        assert_eq!(start(&["Wali", "Kota", "Bogor", "Bima", "Arya"], &none), "Bima Arya");
        assert_eq!(start(&["Governor", "Andrew", "Cuomo"], &none), "Andrew Cuomo");
        assert_eq!(start(&["Kyiv", "Mayor", "Vitali", "Klitschko"], &none), "Vitali Klitschko");
        assert_eq!(start(&["Prime", "Minister", "Mark", "Rutte"], &none), "Mark Rutte");
        assert_eq!(start(&["Joko", "Widodo"], &none), "Joko Widodo");
    }
}
