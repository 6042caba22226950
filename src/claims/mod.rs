//! Claims: what an article says a number counts. One pass over the document's number mentions
//! ([`crate::numbers`]) and a few word forms numbers.rs does not read (`seorang`, `ketiga korban`,
//! `puluhan`) gives each quantity
//!
//! - its value and the values its qualifier allows (`setidaknya 12` is 12 or more, `sekitar 1.900`
//!   about that, `10-12` both ends, `puluhan` 10 to 99);
//! - what is counted: the head noun, from an open vocabulary (whatever noun follows the number, or
//!   the noun of `jumlah korban ... 45`), normalised for plurals and a few synonyms
//!   (`passengers` / `passenger`, `ballots` / `votes`, `orang` / `people` / `jiwa` as a generic person);
//! - the predicate or state it is counted in (`tewas`, `luka-luka`, `hilang`, `selamat`,
//!   `dirawat`, `killed`, `survived`), normalised to one word per state;
//! - its scope (places named with `di` / `in`, days, months and years of its clause);
//! - markers: an update (`bertambah menjadi`, `kini`, `rose to`), a previous value (`dari 13`,
//!   `from 11`), a part (`di antaranya`, `including`, `of them`), a remainder (`sisanya`, `lainnya`,
//!   `the rest`, `others`), a total (`total`, `jumlah`, `a total of`), a partitive whole
//!   (`Dari 46 pekerja yang terluka, ...`, `Of the 41 injured, ...`), other events, hypotheses and
//!   negations that make it no claim about this event;
//! - where it stands: headline, lead or body.
//!
//! The figures rules read claims only through this model; [`relations`] groups them by what they
//! count, so that comparing them costs n log n, not n².

pub mod durations;
pub mod relations;

use crate::diagnostic::Span;
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::numbers::{NumberMention, Role};
use crate::prose::BlockKind;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    Nearly,
    LessThan,
    About,
    UpTo,
    Range,
}

/// Where a claim stands in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Headline,
    Lead,
    Body,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The mention in `numbers::mentions` it reads, if any (`seorang` has none).
    pub mention: Option<usize>,
    /// The number as written (both ends of a range).
    pub span: Span,
    /// The tokens of the number (with a currency or percent sign).
    pub tokens: Range<usize>,
    pub value: f64,
    /// The least and greatest values the figure allows, with its rounding and qualifier.
    pub lo: f64,
    pub hi: f64,
    pub qualifier: Qualifier,
    /// How far the true value may lie from the written one because it was rounded
    /// (`1,2 triliun`), before any qualifier.
    pub rounding: f64,
    pub percent: bool,
    pub currency: Option<&'static str>,
    /// What is counted, normalised (`passenger`, `vote`, `tahanan`); `person` for a generic one.
    pub head: Option<String>,
    /// The counted noun as the article writes it (`homes`, `rumah`), for messages.
    pub noun: Option<String>,
    /// The normalised state: `dead`, `injured`, `missing`, `survived`, `treated`, `evacuated`,
    /// `arrested`, `found`.
    pub state: Option<&'static str>,
    /// A verb or participle right after the counted noun when it is no known state
    /// (`rumah terendam`, `votes counted`): part of what is counted.
    pub predicate: Option<String>,
    /// A measure (`6 mg`, `1,5 juta ton`, `tiga dekade`) or a count narrowed by another figure
    /// (`25 lembar pecahan Rp 100 ribu`): never compared as a count.
    pub measure: bool,
    /// Places and times of its clause, lowercased (`place:inggris`, `year:2024`, `day:3`).
    pub scope: Vec<String>,
    pub update: bool,
    /// The value a change starts from (`dari 13`, `from 11`).
    pub previous: bool,
    /// Part of a larger count (`di antaranya`, `including`, `of them`).
    pub part: bool,
    /// The rest of a breakdown (`sisanya`, `lainnya`, `the rest`, `others`).
    pub remainder: bool,
    /// A total (`total`, `jumlah`, `a total of`, `seluruh`).
    pub total: bool,
    /// Opens a breakdown: `Dari 46 pekerja ...,`, `Of the 41 injured, ...`.
    pub whole: bool,
    /// The whole of a share in words: `a quarter of the town's 2,400 households`.
    pub fraction_whole: bool,
    /// Not about this event as it stands: another event or period, a hypothesis, a negation.
    pub excluded: bool,
    /// A count of bodies (`delapan jenazah`): at least that many dead.
    pub bodies: bool,
    /// The named sources of its sentence (`Sharif Hotak`, `menurut Hendra`), lowercased; none in
    /// a headline.
    pub speakers: Vec<String>,
    /// Who holds a count with no state, named right before a verb of having or winning (`The
    /// Progressive Alliance took 128 seats`, `Partai Hijau meraih 40 kursi`): the nearest
    /// capitalised word, lowercased.
    pub owner: Option<String>,
    pub position: Position,
    pub sentence: usize,
    pub block: usize,
}

impl Claim {
    /// A claim of `value` read from nothing but the number: what surrounds it is read later
    /// (`read_context`), and where it stands is set by its reader.
    fn bare(mention: Option<usize>, span: Span, tokens: Range<usize>, value: f64, (lo, hi): (f64, f64), qualifier: Qualifier) -> Claim {
        Claim {
            mention,
            span,
            tokens,
            value,
            lo,
            hi,
            qualifier,
            rounding: 0.0,
            percent: false,
            currency: None,
            head: None,
            noun: None,
            state: None,
            predicate: None,
            measure: false,
            scope: Vec::new(),
            update: false,
            previous: false,
            part: false,
            remainder: false,
            total: false,
            whole: false,
            fraction_whole: false,
            excluded: false,
            speakers: Vec::new(),
            owner: None,
            bodies: false,
            position: Position::Body,
            sentence: 0,
            block: 0,
        }
    }

    /// Whether no value fits both claims.
    pub fn disjoint(&self, other: &Claim) -> bool {
        self.hi < other.lo || other.hi < self.lo
    }
    /// Whether two counts of one thing cannot both hold: their ranges cannot meet, or, when one
    /// counts bodies (a lower bound of the dead), it counts more than the other allows.
    pub fn contradicts(&self, other: &Claim) -> bool {
        // (`the bodies of all eight victims`: all of them, not a lower bound.)
        match (self.bodies && !self.total, other.bodies && !other.total) {
            (true, false) => self.lo > other.hi,
            (false, true) => other.lo > self.hi,
            _ => self.disjoint(other),
        }
    }
    pub fn same_unit(&self, other: &Claim) -> bool {
        self.percent == other.percent && self.currency == other.currency
    }
    /// The bare noun of the head: `vote` of `valid vote`, `tahanan` of `tahanan Palestina`.
    pub fn noun(&self, language: Language) -> Option<&str> {
        let h = self.head.as_deref()?;
        match language {
            Language::En => h.rsplit(' ').next(),
            Language::Id => h.split(' ').next(),
        }
    }
    /// A count of people who are not named by what they are (`orang`, `people`, `korban`).
    pub fn generic(&self) -> bool {
        self.head.as_deref().is_none_or(|h| h == PERSON)
    }
    /// What a reader would call the figure: "13 dead", "1.3 million borrower(s)".
    pub fn describe(&self, language: Language) -> String {
        let v = crate::numbers::format_number(self.value, language);
        let v = match self.qualifier {
            Qualifier::AtLeast => format!("at least {v}"),
            Qualifier::MoreThan => format!("more than {v}"),
            Qualifier::Nearly => format!("nearly {v}"),
            Qualifier::LessThan => format!("fewer than {v}"),
            Qualifier::About => format!("about {v}"),
            Qualifier::UpTo => format!("up to {v}"),
            Qualifier::Range => format!("{}-{}", crate::numbers::format_number(self.lo, language), crate::numbers::format_number(self.hi, language)),
            Qualifier::Exact => v,
        };
        let v = match (self.currency, self.percent) {
            (Some(c), _) => format!("{c} {v}"),
            (_, true) => format!("{v}%"),
            _ => v,
        };
        let head = self.head.as_deref().filter(|h| *h != PERSON).map(|h| self.noun.as_deref().unwrap_or(h));
        match (head, self.state, self.predicate.as_deref()) {
            (Some(h), Some(s), _) => format!("{v} {h} {s}"),
            (Some(h), None, Some(p)) => format!("{v} {h} {p}"),
            (Some(h), None, None) => format!("{v} {h}"),
            (None, Some(s), _) => format!("{v} {s}"),
            (None, None, _) => v,
        }
    }
}

/// The generic head: people counted without saying what they are.
pub const PERSON: &str = "person";

/// Every claim of a document, in text order, and the article's year.
#[derive(Debug, Default)]
pub struct Claims {
    pub claims: Vec<Claim>,
    /// The places of the headline, the dateline and the lead (`place:bekasi`): a claim that names
    /// none is about them.
    pub main_places: Vec<String>,
    /// The year the article is written in: its front matter `date:`, else its first full date.
    pub year: Option<i64>,
}

pub static QUALIFIERS: &[(&str, Qualifier)] = &[
    ("paling sedikit", Qualifier::AtLeast),
    ("sekurang-kurangnya", Qualifier::AtLeast),
    ("sekurangnya", Qualifier::AtLeast),
    ("setidaknya", Qualifier::AtLeast),
    ("sedikitnya", Qualifier::AtLeast),
    ("minimal", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("lebih dari", Qualifier::MoreThan),
    ("lebih daripada", Qualifier::MoreThan),
    ("more than", Qualifier::MoreThan),
    ("di atas", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("hampir", Qualifier::Nearly),
    ("nyaris", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("mendekati", Qualifier::Nearly),
    ("kurang dari", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("di bawah", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("kurang lebih", Qualifier::About),
    ("lebih kurang", Qualifier::About),
    ("kira-kira", Qualifier::About),
    ("sekitar", Qualifier::About),
    ("sekira", Qualifier::About),
    ("diperkirakan", Qualifier::About),
    ("ditaksir", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("some", Qualifier::About),
    ("up to", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("paling banyak", Qualifier::UpTo),
    ("maksimal", Qualifier::UpTo),
    ("hingga", Qualifier::UpTo),
    ("sampai", Qualifier::UpTo),
];

/// States a count is in: (phrase, state). Longest phrases first where they share a start.
static STATES: &[(&str, &str)] = &[
    ("meninggal dunia", "dead"),
    ("ditemukan meninggal", "dead"),
    ("ditemukan tewas", "dead"),
    ("found dead", "dead"),
    ("lost their lives", "dead"),
    ("meninggal", "dead"),
    ("tewas", "dead"),
    ("wafat", "dead"),
    ("terbunuh", "dead"),
    ("gugur", "dead"),
    ("killed", "dead"),
    ("dead", "dead"),
    ("died", "dead"),
    ("die", "dead"),
    ("deaths", "dead"),
    ("fatalities", "dead"),
    ("perished", "dead"),
    ("menewaskan", "dead"),
    ("tewaskan", "dead"),
    ("kills", "dead"),
    ("killing", "dead"),
    ("kill", "dead"),
    ("luka parah", "seriously injured"),
    ("seriously injured", "seriously injured"),
    ("critically injured", "seriously injured"),
    ("slightly injured", "slightly injured"),
    ("luka-luka", "injured"),
    ("luka berat", "seriously injured"),
    ("luka ringan", "slightly injured"),
    ("luka", "injured"),
    ("terluka", "injured"),
    ("cedera", "injured"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("melukai", "injured"),
    ("injuring", "injured"),
    ("injures", "injured"),
    ("stabbed", "injured"),
    ("ditusuk", "injured"),
    ("ditikam", "injured"),
    ("injure", "injured"),
    ("wounding", "injured"),
    ("dinyatakan hilang", "missing"),
    ("belum ditemukan", "missing"),
    ("masih dicari", "missing"),
    ("masih hilang", "missing"),
    ("dalam pencarian", "missing"),
    ("hilang", "missing"),
    ("missing", "missing"),
    ("unaccounted for", "missing"),
    ("ditemukan selamat", "survived"),
    ("dalam keadaan selamat", "survived"),
    ("selamat", "survived"),
    ("survived", "survived"),
    ("survivors", "survived"),
    ("rescued", "survived"),
    ("dirawat", "treated"),
    ("hospitalised", "treated"),
    ("hospitalized", "treated"),
    ("in hospital", "treated"),
    ("dievakuasi", "evacuated"),
    ("mengungsi", "evacuated"),
    ("evacuated", "evacuated"),
    ("displaced", "evacuated"),
    ("meninggalkan rumah", "evacuated"),
    ("fled their homes", "evacuated"),
    ("left their homes", "evacuated"),
    ("forced from their homes", "evacuated"),
    ("ditangkap", "arrested"),
    ("diamankan", "arrested"),
    ("menangkap", "arrested"),
    ("mengamankan", "arrested"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("diculik", "abducted"),
    ("menculik", "abducted"),
    ("disandera", "abducted"),
    ("menyandera", "abducted"),
    ("abducted", "abducted"),
    ("kidnapped", "abducted"),
    ("taken hostage", "abducted"),
    ("held hostage", "abducted"),
];
/// States that together may account for everyone of a group: who survived, died, is missing, is
/// treated.
pub const OUTCOMES: &[&str] = &["dead", "injured", "seriously injured", "slightly injured", "missing", "survived", "treated", "evacuated"];

/// Words that stand between a number (and its noun) and its state.
const LINK_WORDS: &[&str] = &[
    "yang", "telah", "sudah", "masih", "juga", "dilaporkan", "dinyatakan", "diketahui", "dipastikan", "orang", "jiwa",
    "who", "that", "were", "was", "had", "have", "has", "been", "are", "is", "reportedly", "also", "confirmed", "being",
    "be", "people", "others", "lainnya", "adalah", "berhasil", "kemudian", "later", "still", "ditemukan", "found", "remain", "lagi",
    "remained", "remains",
];
/// Words after a number that are not what it counts.
const NOT_HEADS: &[&str] = &[
    "persen", "percent", "per", "cent", "kali", "times", "tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit",
    "detik", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute",
    "seconds", "abad", "century", "dekade", "decade", "lipat", "fold", "kilometer", "km", "meter", "m", "mil", "miles",
    "derajat", "degrees", "kg", "poin", "points", "point", "gol", "goals", "set", "games", "nautical",
];
/// Function words: no head noun.
const STOP: &[&str] = &[
    "dan", "atau", "yang", "di", "ke", "dari", "pada", "untuk", "dengan", "dalam", "itu", "ini", "tersebut", "adalah",
    "telah", "sudah", "akan", "juga", "masih", "sejak", "hingga", "sampai", "sebagai", "oleh", "karena", "saat", "ketika",
    "lagi", "lebih", "kurang", "per", "and", "or", "the", "a", "an", "of", "in", "on", "at", "to", "from", "for", "with",
    "by", "as", "that", "this", "which", "who", "were", "was", "are", "is", "had", "have", "has", "been", "be", "more",
    "than", "less", "over", "under", "about", "up", "down", "after", "before", "since", "while", "but", "tetapi", "namun",
    "sedangkan", "serta", "plus", "versus", "vs", "atas", "bagi", "antara", "between", "among", "diantaranya",
    "including", "termasuk", "masing-masing", "each", "nya", "pun", "saja", "only", "just", "new", "baru", "other",
    "lain", "lainnya", "others", "berhasil", "sebanyak", "mencapai", "menjadi", "tercatat", "still", "also", "already",
    "yet", "reportedly", "last", "next", "ago", "earlier", "later", "sepanjang", "selama", "during", "remain", "remained",
    "remains",
];
/// Plural and synonym normalisation of counted nouns.
const SYNONYMS: &[(&str, &str)] = &[
    ("ballots", "vote"),
    ("ballot", "vote"),
    ("votes", "vote"),
    ("people", PERSON),
    ("persons", PERSON),
    ("person", PERSON),
    ("individuals", PERSON),
    ("orang", PERSON),
    ("jiwa", PERSON),
    ("warga", PERSON),
    ("penduduk", PERSON),
    ("residents", PERSON),
    ("korban", PERSON),
    ("victims", PERSON),
    ("victim", PERSON),
    ("lainnya", PERSON),
    ("others", PERSON),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("pegawai", "karyawan"),
    ("employees", "employee"),
    ("staff", "employee"),
    ("workers", "worker"),
    ("buruh", "pekerja"),
];
/// Markers of an update: a new figure replacing an older one.
static UPDATE: &[&str] = &[
    "bertambah", "kini", "sekarang", "terbaru", "terkini", "rose", "risen", "climbed", "increased", "jumped", "now",
    "latest", "updated", "raising", "bringing", "meningkat", "naik", "melonjak", "revised", "direvisi", "grew",
    "mounted", "menambah", "later", "belakangan", "menjadi", "turun", "fell", "dropped", "menurun", "berkurang",
];
/// Measures: a number before one of these is an amount of stuff or time, not a count.
const MEASURES: &[&str] = &[
    "mg", "g", "gram", "grams", "kg", "kilogram", "kilograms", "ton", "tons", "tonnes", "tonne", "liter", "liters",
    "feet", "foot", "ft", "inches", "inch", "yards", "yard", "kaki", "inci", "mph", "knots", "knot", "kph",
    "litre", "litres", "ml", "barel", "barrels", "meter", "meters", "metres", "cm", "mm", "km", "kilometer",
    "kilometers", "kilometres", "mil", "miles", "nautical", "hektar", "hektare", "hectares", "ha", "acres", "mw", "gw", "kwh", "dekade",
    "decades", "decade", "abad", "centuries", "generasi", "generations", "kali", "times", "lipat", "persen", "percent",
];
/// Classifiers that give way to the noun after them: `12 orang penumpang`, `25 lembar uang`.
const CLASSIFIERS: &[&str] = &["orang", "buah", "ekor", "unit", "butir", "lembar", "batang", "biji", "helai", "pucuk", "bidang", "set"];
/// Words that make a count an ordinal subset: `dua kasus terakhir`, `the first three`.
static ORDINAL_SUBSET: &[&str] = &["terakhir", "pertama", "first", "last", "final"];
/// Words that open a breakdown: the counts after them are parts.
pub(super) static BREAKDOWN: &[&str] = &["rinciannya", "rincian", "terdiri", "consisting", "comprising", "broken down", "yakni", "yaitu", "namely"];
/// Another period than the one a sentence's figures are of.
static EARLIER_PERIOD: &[&str] = &["tahun lalu", "last year", "sejak", "since", "tahun sebelumnya", "a year earlier", "the year before"];
/// Verbs of saying that report a figure from one side (`claimed 190 were dead`), and words that
/// say the sentence's figure is another source's, differing from the article's (`Angka itu
/// berbeda dengan data Pemprov yang menyebut 3.900`, `a discrepancy with the 400 the ministry
/// reported`).
static CLAIMED: &[&str] = &[
    "claimed", "claims", "claim", "mengklaim", "klaim", "diklaim", "berbeda dengan", "berbeda dari", "selisih",
    "perbedaan", "versi", "differs", "differ from", "different from", "discrepancy", "disputed", "disputes",
    "contradicts", "contradicted",
];
/// Another event, another period, a hypothesis or a negation before the number.
static ELSEWHERE: &[&str] = &[
    "pernah", "serupa", "tahun lalu", "bulan lalu", "pekan lalu", "minggu lalu", "last year", "last month", "last week",
    "previous", "terpisah", "separate", "another", "sejak", "since", "sepanjang", "sejarah", "history",
    // `rekor sebelumnya`, not `menjadi rekor` (this figure became one).
    "rekor sebelumnya", "rekor lama", "previous record", "old record", "the record of", "similar", "years ago", "tahun silam", "a year ago", "setahun lalu", "dekade", "decade", "target",
    "ditargetkan", "menargetkan", "targets", "targeted", "targeting", "rencana", "berencana", "plan", "plans", "kapasitas", "capacity", "daya tampung", "licensed to", "berkapasitas", "designed to", "could", "would",
    "might", "may", "bisa", "mungkin", "berpotensi", "jika", "if", "kalau", "apabila", "akan", "will", "expected",
    "diperkirakan akan", "tidak", "tak", "bukan", "belum", "no", "not", "never", "tanpa", "without", "setiap",
    "per hari", "sehari", "per day", "a day", "each", "every", "tiap", "sebelumnya", "semula", "awalnya", "sempat",
    "earlier", "initially", "previously", "originally", "at first", "preliminary", "data sementara", "mula-mula",
    "kecelakaan kedua", "serangan kedua", "ledakan kedua", "insiden kedua", "kejadian kedua", "gempa susulan",
    "the second", "a second", "the third", "a third", "aftershock", "aftershocks",
];
static PARTS_BEFORE: &[&str] = &[
    "termasuk", "including", "di antaranya", "diantaranya", "among them", "sebagian", "salah satunya", "of those",
    "of them", "of whom", "among", "antara lain", "dari jumlah", "dari total",
];
static PARTS_AFTER: &[&str] = &["di antaranya", "diantaranya", "of them", "of whom", "among them", "dari jumlah itu", "of those"];
static REMAINDER: &[&str] = &["sisanya", "selebihnya", "the rest", "the remainder", "the remaining", "remaining", "lainnya", "others", "other", "lain"];
static REMAINDER_AFTER: &[&str] = &["lainnya", "others", "other", "lain", "remaining"];
static TOTAL: &[&str] = &["total", "jumlah", "a total of", "in total", "seluruh", "seluruhnya", "semua", "all", "keseluruhan", "total of"];
const WEEKDAYS: &[&str] = &[
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
];
static RELATIVE_TIMES: &[&str] = &["kemarin", "yesterday", "today", "hari ini", "tonight", "tadi malam", "last night"];
const PLACE_PREPOSITIONS: &[&str] = &["di", "in", "at", "across", "throughout", "se-"];
const PLACE_TYPES: &[&str] = &[
    "kabupaten", "kota", "desa", "kecamatan", "provinsi", "wilayah", "kawasan", "daerah", "pulau", "negara", "the",
    "district", "province", "city", "village", "town", "regency", "state", "county",
];

/// What a sentence says once for all its claims (asked of every claim, a sentence of n figures
/// would cost n²).
struct SentenceFacts {
    /// Another period (`tahun lalu`, `since`) or a figure one side claims (`claimed`).
    elsewhere: bool,
    /// Where a comparison (`compared with`, `dibandingkan`, `dari`) stands before the sentence's
    /// other period: the figures before it are of this one (`Net profit was $4.5 million,
    /// compared with a loss of $23 million in the same period last year`).
    compared_at: Option<usize>,
    /// Where the first breakdown word (`rinciannya`, `yakni`) is.
    first_breakdown: Option<usize>,
    /// The opening adverbial (`In the UK,`, `Di Desa Sukamaju,`), if the sentence has one.
    opening: Range<usize>,
    /// [`scope_items`] of the sentence, made on the first claim's question.
    scope: std::cell::OnceCell<Vec<(usize, String)>>,
    /// The comma ending a short opening phrase of another period or event (`Sepanjang 2024,`,
    /// `Sehari sebelumnya,`), if the sentence has one.
    elsewhere_opening: Option<usize>,
    /// The sentence's named sources ([`speakers`]), read on the first claim's question.
    speakers: std::cell::OnceCell<Vec<String>>,
}

impl SentenceFacts {
    fn scope_items(&self, words: &Words) -> &[(usize, String)] {
        self.scope.get_or_init(|| scope_items(words))
    }

    fn of(words: &Words) -> Self {
        crate::work::count(words.range.len());
        let period = if words.any_in(words.range.clone(), EARLIER_PERIOD) {
            words.range.clone().find(|&t| EARLIER_PERIOD.iter().any(|p| words.phrase_at(t, p).is_some() && another_period(words, t, p)))
        } else {
            None
        };
        let claimed = words.any_in(words.range.clone(), CLAIMED);
        let elsewhere = period.is_some() || claimed;
        let compared_at = period.filter(|_| !claimed).and_then(|p| (words.range.start..p).rev().find(|&t| words.at(t).is_some_and(|w| matches!(w, "compared" | "dibandingkan" | "than" | "daripada" | "versus" | "from" | "dari"))));
        let first_breakdown = words.range.clone().find(|&t| words.any_in(t..t + 1, BREAKDOWN));
        let first = words.range.clone().find(|&t| words.is_word(t)).unwrap_or(words.range.start);
        let opens = words.at(first).is_some_and(|w| matches!(w, "di" | "in" | "at" | "pada" | "on" | "during" | "selama" | "across"));
        let comma = (first..words.range.end.min(first + 12)).find(|&t| words.at(t) == Some(","));
        let opening = match (opens, comma) {
            (true, Some(c)) => first..c,
            _ => 0..0,
        };
        let short_comma = (first..(first + 6).min(words.range.end)).find(|&t| words.at(t) == Some(","));
        let elsewhere_opening = short_comma.filter(|&comma| words.any_in(first..comma, ELSEWHERE));
        SentenceFacts { elsewhere, compared_at, first_breakdown, opening, scope: std::cell::OnceCell::new(), elsewhere_opening, speakers: std::cell::OnceCell::new() }
    }
}

/// A tiny view of one sentence's lowercased words.
struct Words<'d> {
    doc: &'d Document<'d>,
    range: Range<usize>,
    /// For each token of `range`, which of the [`registered`] lists have a phrase that may
    /// begin with it: made on the first question, once per sentence, so that the questions
    /// each claim asks of the words around it cost no hashing.
    starts: std::cell::OnceCell<Vec<u32>>,
}

/// The phrase lists the reader asks of most words, each with a bit of [`Words::starts`], and
/// the first words of all of them: one look-up per word answers for every list.
struct Registered {
    lists: Vec<(usize, u32)>,
    first_words: crate::lexicon::WordMap<&'static str, u32>,
}

/// The bit of the registered list at `address`.
fn bit_of(address: usize) -> Option<u32> {
    registered().lists.iter().find(|(a, _)| *a == address).map(|&(_, bit)| bit)
}

fn registered() -> &'static Registered {
    static REGISTERED: std::sync::LazyLock<Registered> = std::sync::LazyLock::new(|| {
        let plain: [&'static [&'static str]; 11] =
            [UPDATE, ORDINAL_SUBSET, BREAKDOWN, CLAIMED, ELSEWHERE, PARTS_BEFORE, PARTS_AFTER, REMAINDER, TOTAL, RELATIVE_TIMES, EARLIER_PERIOD];
        let mut lists: Vec<(usize, Vec<&'static str>)> = plain.iter().map(|l| (l.as_ptr() as usize, l.to_vec())).collect();
        lists.push((STATES.as_ptr() as usize, STATES.iter().map(|(p, _)| *p).collect()));
        lists.push((QUALIFIERS.as_ptr() as usize, QUALIFIERS.iter().map(|(p, _)| *p).collect()));
        lists.push((relations::FRACTIONS.as_ptr() as usize, relations::FRACTIONS.iter().map(|(p, _)| *p).collect()));
        lists.push((relations::MULTIPLES.as_ptr() as usize, relations::MULTIPLES.iter().map(|(p, _)| *p).collect()));
        let mut first_words = crate::lexicon::WordMap::default();
        let mut out = Vec::new();
        for (i, (address, phrases)) in lists.into_iter().enumerate() {
            let bit = 1u32 << i;
            for p in phrases {
                *first_words.entry(p.split(' ').next().unwrap_or(p)).or_insert(0) |= bit;
            }
            out.push((address, bit));
        }
        Registered { lists: out, first_words }
    });
    &REGISTERED
}

impl<'d> Words<'d> {
    fn new(doc: &'d Document<'d>, range: Range<usize>) -> Self {
        Words { doc, range, starts: std::cell::OnceCell::new() }
    }

    /// Whether a phrase of the list at `address` may begin at `t`: `None` for a list that is
    /// not [`registered`].
    fn may_start(&self, t: usize, address: usize) -> Option<bool> {
        bit_of(address).map(|bit| self.starts_with_bit(t, bit))
    }

    /// Whether a phrase of the registered list of `bit` may begin at `t`.
    fn starts_with_bit(&self, t: usize, bit: u32) -> bool {
        let starts = self.starts.get_or_init(|| {
            crate::work::count(self.range.len());
            let r = registered();
            self.range.clone().map(|t| r.first_words.get(self.doc.token_lower(t)).copied().unwrap_or(0)).collect()
        });
        t.checked_sub(self.range.start).and_then(|i| starts.get(i)).is_some_and(|m| m & bit != 0)
    }

    fn at(&self, t: usize) -> Option<&'d str> {
        self.range.contains(&t).then(|| self.doc.token_lower(t))
    }
    /// The number of words of `phrase` if it starts at `t`.
    fn phrase_at(&self, t: usize, phrase: &str) -> Option<usize> {
        // Most phrases fail on the first word: checked without splitting the phrase.
        let first = self.at(t)?;
        if !phrase.starts_with(first) || phrase.len() > first.len() && phrase.as_bytes()[first.len()] != b' ' {
            return None;
        }
        if phrase.len() == first.len() {
            return Some(1);
        }
        let mut n = 0;
        for w in phrase.split(' ') {
            if self.at(t + n)? != w {
                return None;
            }
            n += 1;
        }
        Some(n)
    }
    /// The first of `list` starting at `t`, and its length.
    fn first_at<T: Copy + 'static>(&self, t: usize, list: &'static [(&'static str, T)]) -> Option<(T, usize)> {
        // As in `any_in`: most words begin none of the phrases.
        match self.may_start(t, list.as_ptr() as usize) {
            Some(false) => return None,
            Some(true) => {}
            None => {
                let firsts = first_words_by(list.as_ptr() as usize, list.len(), || list.iter().map(|(p, _)| *p));
                if !self.at(t).is_some_and(|w| firsts.contains(w)) {
                    return None;
                }
            }
        }
        list.iter().find_map(|(p, v)| self.phrase_at(t, p).map(|n| (*v, n)))
    }
    /// The first of `list` that ends just before `end`, with its start.
    fn ending_at<T: Copy>(&self, end: usize, list: &[(&str, T)]) -> Option<(T, usize)> {
        let bit = bit_of(list.as_ptr() as usize);
        list.iter().find_map(|(p, v)| {
            let n = p.bytes().filter(|&b| b == b' ').count() + 1;
            let start = end.checked_sub(n)?;
            (start >= self.range.start && bit.is_none_or(|bit| self.starts_with_bit(start, bit)) && self.phrase_at(start, p).is_some()).then_some((*v, start))
        })
    }
    fn any_in(&self, range: Range<usize>, list: &'static [&'static str]) -> bool {
        let range = range.start.max(self.range.start)..range.end.min(self.range.end);
        crate::work::count(range.len());
        // Most words begin none of the list's phrases: asked of the list's first words at once.
        if let Some(bit) = bit_of(list.as_ptr() as usize) {
            return range.into_iter().any(|t| self.starts_with_bit(t, bit) && list.iter().any(|p| self.phrase_at(t, p).is_some()));
        }
        let firsts = first_words(list);
        range.into_iter().any(|t| self.at(t).is_some_and(|w| firsts.contains(w)) && list.iter().any(|p| self.phrase_at(t, p).is_some()))
    }
    fn is_word(&self, t: usize) -> bool {
        self.range.contains(&t) && self.doc.tokens[t].kind == TokenKind::Word
    }
    fn capitalised(&self, t: usize) -> bool {
        self.is_word(t) && self.doc.token_str(&self.doc.tokens[t]).chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_clause_mark(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”")
}

/// The tokens of the clause around `t`: between the marks that bound clauses.
/// What each word of a sentence says of the scope of the figures near it (`place:Sleman`,
/// `day:senin`, `year:2024`), in the order of the words: worked out once per sentence, and
/// each claim takes those of its clause.
fn scope_items(words: &Words) -> Vec<(usize, String)> {
    let mut items = Vec::new();
    for t in words.range.clone() {
        let w = words.at(t).unwrap_or("");
        // `kata Syamsul di posko pengungsian di Desa Marobo`, `told reporters in Masamba`: where
        // it was said, not where it happened; `kata Syamsul, Rabu`: when it was said.
        let said_there = || where_said(words.doc, words.range.clone(), t);
        // (`at least`, `at most`: a qualifier.)
        let qualifier = w == "at" && words.at(t + 1).is_some_and(|n| matches!(n, "least" | "most"));
        if PLACE_PREPOSITIONS.contains(&w) && !qualifier && !said_there() {
            let mut p = t + 1;
            p = past_place_type(words, p);
            let mut name = Vec::new();
            while words.capitalised(p) && name.len() < 4 {
                let x = words.at(p).unwrap_or("");
                if WEEKDAYS.contains(&x) || crate::numbers::month_number(x).is_some() {
                    break;
                }
                name.push(x);
                p += 1;
            }
            // (`di posyandunya`, `di sekolahnya`: any noun of hers; not `di antaranya`, `di
            // sekitarnya`, which say where among or around.)
            let own = words.at(t + 1).is_some_and(|x| {
                x.strip_suffix("nya").is_some_and(|stem| {
                    PLACE_TYPES.contains(&stem)
                        || w == "di" && stem.chars().count() >= 4 && !matches!(stem, "antara" | "dalam" | "atas" | "bawah" | "sekitar" | "samping" | "luar" | "depan" | "belakang" | "tengah" | "sana" | "situ" | "mana" | "antaranya")
                })
                    || matches!(x, "his" | "her" | "their" | "its" | "neighbouring" | "neighboring" | "nearby" | "other")
            });
            if own {
                // `di wilayahnya`, `in neighbouring districts`: a part of the area, without a name.
                items.push((t, format!("place:{}", words.at(t + 1).unwrap_or(""))));
            } else if !name.is_empty() {
                items.push((t, format!("place:{}", name.join(" "))));
            } else if (t + 1..p).any(|x| words.at(x) != Some("the")) {
                // `di kecamatan itu`, `in the district`: a part of the area named without a name.
                items.push((t, format!("place:{}", (t + 1..p).filter_map(|x| words.at(x)).collect::<Vec<_>>().join(" "))));
            }
        }
        if WEEKDAYS.contains(&w) && words.capitalised(t) && !said_there() {
            items.push((t, format!("day:{w}")));
        }
        if words.capitalised(t) && w.len() > 3 && let Some(month) = crate::numbers::month_number(w) {
            items.push((t, format!("month:{month}")));
        }
        if words.any_in(t..t + 1, RELATIVE_TIMES) {
            items.push((t, format!("rel:{w}")));
        }
        if words.doc.tokens[t].kind == TokenKind::Number {
            let text = words.doc.token_str(&words.doc.tokens[t]);
            if text.len() == 4 && text.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
                items.push((t, format!("year:{text}")));
            }
        }
    }
    items
}

/// An Indonesian word with a verb's prefix (`meninggalkan`, `dievakuasi`, `bertahan`, `terendam`).
fn verb_like(x: &str) -> bool {
    x.len() > 5 && ["me", "di", "ber", "ter"].iter().any(|p| x.starts_with(p))
}

/// Words right before a number that make it a measure of strength, not a count (`gempa
/// bermagnitudo 5,6`).
fn magnitude_word(w: &str) -> bool {
    matches!(w, "magnitudo" | "bermagnitudo" | "magnitude" | "kekuatan" | "skala" | "m")
}

/// Nouns that count the dead by their bodies.
pub(crate) const BODIES: &[&str] = &["jenazah", "mayat", "jasad", "body", "bodies", "corpse", "corpses"];

/// Verbs of saying, after which a place or a day is where or when it was said.
const SAYING: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "jelas", "tegas", "imbuh", "tambah", "ungkap", "terang", "mengatakan",
    "menjelaskan", "menyampaikan", "berbicara", "menegaskan", "said", "says", "told", "added", "explained", "spoke",
    "speaking", "announced", "wrote",
];

/// Whether the word at `t` (a place's preposition or a day) tells where or when something was
/// said: a verb of saying stands a few words before it (its speaker or audience between), with no
/// number, `bahwa` / `that`, comma-less clause break or quote mark between.
pub fn where_said(doc: &Document, sentence: Range<usize>, t: usize) -> bool {
    let mut k = t;
    while k > sentence.start && t - k < 7 {
        k -= 1;
        let tok = &doc.tokens[k];
        if tok.kind == TokenKind::Number {
            return false;
        }
        let w = doc.token_lower(k);
        // `mengatakan, di Sulawesi Selatan tercatat 12`: what was said follows the verb's comma.
        if SAYING.contains(&w) {
            return !matches!(doc.tokens.get(k + 1).map(|_| doc.token_lower(k + 1)), Some("," | ":"));
        }
        // (A comma may stand between the speaker and the day: `kata Syamsul, Rabu`.)
        if matches!(w, "that" | "bahwa" | ";" | ":" | "\"" | "“" | "”" | "(" | ")") || w == "," && t - k > 1 {
            return false;
        }
    }
    false
}

/// Verbs of saying: a capitalised name next to one is the source of the sentence's figures.
const SOURCE_VERBS: &[&str] = &[
    "mengatakan", "menyatakan", "menyebutkan", "menyebut", "menjelaskan", "mengungkapkan", "menuturkan", "memaparkan",
    "menambahkan", "menerangkan", "said", "says", "told", "stated", "described", "reported", "added", "explained",
    "estimated", "announced",
];
/// Words after which the source is named: `kata Yulianto`, `said Budi`, `menurut Budi`.
const SOURCE_BEFORE_NAME: &[&str] = &["kata", "ujar", "ucap", "tutur", "jelas", "tegas", "imbuh", "menurut", "said", "says", "according"];

/// The named sources of the sentence of `range`: the capitalised name before a verb of saying,
/// after `kata` / `said` / `menurut`, or opening the sentence before an apposition (`Abdurrahman
/// Mangal, spokesperson for the governor, said`). Figures from two named sources that disagree
/// are reported disagreement, not a slip.
pub fn speakers(doc: &Document, range: Range<usize>) -> Vec<String> {
    let word = |t: usize| (range.contains(&t) && doc.tokens[t].kind == TokenKind::Word).then(|| doc.token_lower(t));
    let is_name = |t: usize| range.contains(&t) && doc.tokens[t].kind == TokenKind::Word && doc.token_str(&doc.tokens[t]).chars().next().is_some_and(char::is_uppercase);
    let mut out: Vec<String> = Vec::new();
    if !range.clone().any(|t| word(t).is_some_and(|w| SOURCE_VERBS.contains(&w) || SOURCE_BEFORE_NAME.contains(&w))) {
        return out;
    }
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for t in range.clone() {
        let Some(w) = word(t) else { continue };
        if SOURCE_VERBS.contains(&w) {
            let mut k = t;
            let mut run = Vec::new();
            while k > range.start && is_name(k - 1) {
                k -= 1;
                run.push(k);
            }
            runs.push(run);
        }
        if SOURCE_BEFORE_NAME.contains(&w) {
            let k = if word(t + 1).is_some_and(|x| x == "to") { t + 2 } else { t + 1 };
            runs.push((k..range.end).take_while(|&k| is_name(k)).collect());
        }
    }
    // `Sharif Hotak, of the provincial council, described ...`
    let first = range.clone().find(|&t| doc.tokens[t].kind == TokenKind::Word).unwrap_or(range.start);
    let opening: Vec<usize> = (first..range.end).take_while(|&k| is_name(k)).collect();
    if opening.len() >= 2 && first + opening.len() < range.end && doc.token_str(&doc.tokens[first + opening.len()]) == "," {
        runs.push(opening);
    }
    for t in runs.into_iter().flatten() {
        let w = doc.token_lower(t);
        if !WEEKDAYS.contains(&w) && !out.iter().any(|x| x == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// The first words of a list of phrases, made once per list (lists are constants of this
/// module, told apart by where they are).
fn first_words(list: &'static [&'static str]) -> &'static std::collections::HashSet<&'static str> {
    first_words_by(list.as_ptr() as usize, list.len(), || list.iter().copied())
}

/// [`first_words`] of the phrases `phrases` gives, for the list at `address` of `len` entries.
fn first_words_by<I: Iterator<Item = &'static str>>(address: usize, len: usize, phrases: impl FnOnce() -> I) -> &'static std::collections::HashSet<&'static str> {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    type Sets = HashMap<(usize, usize), &'static std::collections::HashSet<&'static str>>;
    static SETS: LazyLock<Mutex<Sets>> = LazyLock::new(|| Mutex::new(HashMap::new()));
    let mut sets = SETS.lock().unwrap_or_else(|e| e.into_inner());
    sets.entry((address, len)).or_insert_with(|| Box::leak(Box::new(phrases().map(|p| p.split(' ').next().unwrap_or(p)).collect())))
}

fn clause(words: &Words, t: usize) -> Range<usize> {
    let mut start = t;
    while start > words.range.start && !words.at(start - 1).is_some_and(is_clause_mark) {
        start -= 1;
        if t - start > 40 {
            break;
        }
    }
    let mut end = t;
    while end < words.range.end && !words.at(end).is_some_and(is_clause_mark) {
        end += 1;
        if end - t > 40 {
            break;
        }
    }
    start..end
}

impl Claims {
    /// Reads every claim of `doc` from its number mentions. Linear in the text: each claim looks
    /// at a bounded window of its sentence.
    pub fn new(doc: &Document, mentions: &[NumberMention]) -> Self {
        let year = front_matter_year(doc.text).or_else(|| first_full_date_year(doc, mentions));
        let lead = doc.blocks.iter().position(|b| b.kind.is_running_text());
        let headline = doc.blocks.iter().position(|b| !b.span.is_empty()).filter(|&b| matches!(doc.blocks[b].kind, BlockKind::Title | BlockKind::Heading));
        let position = |block: usize| {
            if Some(block) == headline {
                Position::Headline
            } else if Some(block) == lead {
                Position::Lead
            } else {
                Position::Body
            }
        };
        let mut claims = Vec::new();
        let mut taken_until = 0usize;
        let mut by_start: crate::lexicon::WordMap<usize, usize> = crate::lexicon::WordMap::default();
        for (i, m) in mentions.iter().enumerate() {
            by_start.insert(m.full_tokens.start, i);
        }
        for (si, s) in doc.sentences.iter().enumerate() {
            let words = Words::new(doc, s.tokens.clone());
            let facts = SentenceFacts::of(&words);
            let mut t = s.tokens.start.max(taken_until);
            while t < s.tokens.end {
                crate::work::count(1);
                let found = match by_start.get(&t) {
                    Some(&i) => from_mention(&words, mentions, i),
                    None => from_words(doc, &words, t),
                };
                match found {
                    Some(mut c) => {
                        c.sentence = si;
                        c.block = s.block;
                        c.position = position(s.block);
                        t = c.tokens.end.max(t + 1);
                        let headline = c.position == Position::Headline;
                        read_context(doc, &words, &facts, &mut c, headline);
                        claims.push(c);
                    }
                    None => t += 1,
                }
            }
            taken_until = s.tokens.end;
        }
        // `roughly a quarter of the town's 2,400 households`, `sepertiga dari 1.200 warga`: the
        // whole of a share in words.
        for c in claims.iter_mut() {
            let t = c.tokens.start;
            let from = t.saturating_sub(5).max(doc.sentences[c.sentence].tokens.start);
            let of = (from..t).find(|&k| matches!(doc.token_lower(k), "of" | "dari"));
            if let Some(of) = of
                && (of.saturating_sub(2)..of).any(|k| matches!(doc.token_lower(k), "quarter" | "third" | "thirds" | "half" | "fifth" | "tenth" | "quarters" | "separuh" | "sepertiga" | "seperempat" | "setengah" | "seperlima" | "dua pertiga" | "pertiga"))
            {
                c.fraction_whole = true;
            }
        }
        // `... memverifikasi berkas 4.212 pendaftar. Sisanya, 828 berkas, ...`: the last count of a
        // sentence whose next sentence opens on a remainder is a part, as the remainder is.
        for i in 1..claims.len() {
            let (a, b) = (&claims[i - 1], &claims[i]);
            let opens = doc.sentences.get(b.sentence).is_some_and(|s| {
                (s.tokens.start..(s.tokens.start + 3).min(s.tokens.end)).any(|t| matches!(doc.token_lower(t), "sisanya" | "selebihnya" | "rest" | "remaining" | "remainder"))
            });
            if b.remainder && opens && b.sentence == a.sentence + 1 && b.block == a.block && !a.percent && a.state.is_none() && b.state.is_none() {
                claims[i - 1].part = true;
            }
        }
        // `Nine died in Jakarta, five in Bekasi and two in Depok`: counts spread over places
        // are parts of a total, not totals.
        let mut from = 0;
        while from < claims.len() {
            let s = claims[from].sentence;
            let to = claims[from..].iter().position(|c| c.sentence != s).map_or(claims.len(), |p| from + p);
            let mut places: Vec<&String> = claims[from..to].iter().flat_map(|c| c.scope.iter().filter(|x| x.starts_with("place:"))).collect();
            places.sort();
            places.dedup();
            let placed = claims[from..to].iter().filter(|c| c.scope.iter().any(|x| x.starts_with("place:"))).count();
            if places.len() >= 2 && placed >= 2 {
                for c in &mut claims[from..to] {
                    if c.scope.iter().any(|x| x.starts_with("place:")) {
                        c.part = true;
                    }
                }
            }
            from = to;
        }
        name_acronym_heads(doc, &mut claims);
        let mut main_places = lead_places(doc, headline, lead);
        main_places.sort();
        main_places.dedup();
        Claims { claims, main_places, year }
    }
}

/// A claim from a number mention: a quantity (not a year, date, time or label).
fn from_mention(words: &Words, mentions: &[NumberMention], i: usize) -> Option<Claim> {
    let m = &mentions[i];
    if !matches!(m.role, Role::Quantity | Role::PairStart) || m.value < 0.0 {
        return None;
    }
    let mut tokens = m.full_tokens.clone();
    let mut span = m.span;
    let mut hi_value = None;
    // `10-12 orang`, `10 hingga 12 orang`, `antara 10 dan 12`.
    if let Some(n) = mentions.get(i + 1).filter(|n| n.sentence == m.sentence && n.same_unit(m)) {
        let between: Vec<&str> = (m.full_tokens.end..n.full_tokens.start).filter_map(|t| words.at(t)).collect();
        let joined = match between.as_slice() {
            ["-" | "–"] => m.role == Role::PairStart,
            // `rose from 30,000 to 75,000`, `doubled from ...`: a change, not a range.
            ["hingga" | "sampai" | "to"] => !(words.at(m.full_tokens.start.wrapping_sub(1)).is_some_and(|w| matches!(w, "from" | "dari"))
                && (m.full_tokens.start.saturating_sub(12).max(words.range.start)..m.full_tokens.start).any(|t| {
                    words.at(t).is_some_and(|w| relations::CHANGE_WORDS.contains(&w) && !matches!(w, "by" | "sebesar" | "up" | "down") || w.len() > 4 && relations::MULTIPLES.iter().any(|(p, _)| p.split(' ').next_back() == Some(w)))
                })),
            ["dan" | "and"] => words.at(m.full_tokens.start.wrapping_sub(1)).is_some_and(|w| matches!(w, "antara" | "between")),
            _ => false,
        };
        if joined && n.value > m.value {
            hi_value = Some(n.value);
            tokens.end = n.full_tokens.end;
            span = Span::new(m.span.start, n.span.end);
        }
    }
    if m.role == Role::PairStart && hi_value.is_none() {
        return None;
    }
    let (qualifier, _) = if hi_value.is_some() { (Qualifier::Range, tokens.start) } else { qualifier_before(words, tokens.start) };
    let rounding = m.rounding.max(if qualifier == Qualifier::About { about_margin(m.value) } else { 0.0 });
    let (lo, hi) = bounds(m.value, rounding, qualifier, hi_value);
    Some(Claim {
        rounding: m.rounding,
        percent: m.percent,
        currency: m.currency,
        excluded: m.alt_value.is_some(),
        sentence: m.sentence,
        block: m.block,
        ..Claim::bare(Some(i), span, tokens, m.value, (lo, hi), qualifier)
    })
}

/// How far `about N` may lie from N: a tenth of it, or one unit of its last significant digit,
/// whichever is more (`sekitar 1.900` is 1.710 to 2.090; `about 12`, 10.8 to 13.2).
fn about_margin(v: f64) -> f64 {
    let mut unit = 1.0;
    let mut x = v.abs().round();
    while x >= 10.0 && x % 10.0 == 0.0 {
        x /= 10.0;
        unit *= 10.0;
    }
    (v.abs() * 0.1).max(unit)
}

/// A count of an acronym the article also writes out: `8 SD` with `tujuh sekolah dasar`, `12
/// ICU beds` with `intensive care unit`... The acronym after the number takes the head whose words
/// it abbreviates (their initials), so that both are counts of one thing.
fn name_acronym_heads(doc: &Document, claims: &mut [Claim]) {
    // By their initials, first head first: one look-up per acronym.
    let mut long: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for h in claims.iter().filter_map(|c| c.head.as_deref()).filter(|h| h.contains(' ')) {
        long.entry(h.split(' ').filter_map(|w| w.chars().next()).collect()).or_insert_with(|| h.to_string());
    }
    if long.is_empty() {
        return;
    }
    for c in claims.iter_mut().filter(|c| c.head.is_none()) {
        let t = c.tokens.end;
        if t >= doc.tokens.len() || doc.tokens[t].kind != TokenKind::Word {
            continue;
        }
        let word = doc.token_str(&doc.tokens[t]);
        let n = word.chars().count();
        if !(2..=5).contains(&n) || !word.chars().all(|ch| ch.is_ascii_uppercase()) {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if let Some(h) = long.get(&lower) {
            c.head = Some(h.clone());
            c.noun = Some(word.to_string());
        }
    }
}

/// A quantity written as a word numbers.rs leaves alone: `seorang` (one person), `ketiga korban`
/// (all three victims), `puluhan` / `ratusan` / `dozens` / `hundreds` (a range).
fn from_words(doc: &Document, words: &Words, t: usize) -> Option<Claim> {
    if !words.is_word(t) {
        return None;
    }
    let w = words.at(t)?;
    let next_is_noun = || words.at(t + 1).is_some_and(|n| words.is_word(t + 1) && !STOP.contains(&n) && !n.starts_with("kali") && !NOT_HEADS.contains(&n));
    let (value, lo, hi, qualifier) = match w {
        "seorang" if next_is_noun() => (1.0, 1.0, 1.0, Qualifier::Exact),
        "puluhan" | "dozens" => (10.0, 10.0, 99.0, Qualifier::Range),
        "ratusan" | "hundreds" => (100.0, 100.0, 999.0, Qualifier::Range),
        "ribuan" | "thousands" => (1000.0, 1000.0, 9999.0, Qualifier::Range),
        _ if w.starts_with("ke-") || w == "ke" && words.at(t + 1) == Some("-") => {
            // `Ke-17 jenazah korban telah diserahkan`: all seventeen, in digits. (`hari ke-17`,
            // `HUT ke-45`: an ordinal after its noun.)
            let (digits, end) = match w.strip_prefix("ke-") {
                Some(d) => (d, t + 1),
                None => (words.at(t + 2)?, t + 3),
            };
            let n: u32 = digits.parse().ok()?;
            let after_noun = t > words.range.start && words.is_word(t - 1) && !words.at(t - 1).is_some_and(|p| STOP.contains(&p) || verb_like(p));
            let noun_next = words.at(end).is_some_and(|x| words.is_word(end) && !STOP.contains(&x) && !NOT_HEADS.contains(&x) && !verb_like(x));
            if !(2..=10_000).contains(&n) || after_noun || !noun_next {
                return None;
            }
            let span = Span::new(doc.tokens[t].span.start, doc.tokens[end - 1].span.end);
            return Some(all_of(span, t..end, f64::from(n)));
        }
        _ => {
            // `kedua korban`, `ketiga pendaki`: all of them. (`korban ketiga` is the third.)
            let n = w.strip_prefix("ke").and_then(|rest| crate::numbers::parse_number_words(&[rest], Language::Id))?;
            // After a noun (`korban ketiga`, `tahap ketiga`) or before a verb (`ketiga ditemukan`)
            // it is an ordinal.
            // (Not before a word for people: `Jenazah keempat korban`, `keluarga kedua
            // pendaki` are all of them.)
            let people_next = words.at(t + 1).is_some_and(|n| normalise_head(n) == PERSON);
            let after_noun = t > words.range.start && words.is_word(t - 1) && !words.at(t - 1).is_some_and(|p| STOP.contains(&p) || verb_like(p)) && !people_next;
            if !(2..=20).contains(&n) || !next_is_noun() || after_noun || words.at(t + 1).is_some_and(verb_like) {
                return None;
            }
            return Some(all_of(doc.tokens[t].span, t..t + 1, n as f64));
        }
    };
    Some(Claim::bare(None, doc.tokens[t].span, t..t + 1, value, (lo, hi), qualifier))
}

/// All of a group counted before (`kedua korban`, `Ke-17 jenazah`): a total of `n`.
fn all_of(span: Span, tokens: Range<usize>, n: f64) -> Claim {
    let mut all = Claim::bare(None, span, tokens, n, (n, n), Qualifier::Exact);
    all.total = true;
    all
}

/// The values a qualified figure allows.
pub fn bounds(v: f64, rounding: f64, q: Qualifier, hi: Option<f64>) -> (f64, f64) {
    match q {
        Qualifier::Exact => (v - rounding, v + rounding),
        Qualifier::AtLeast => (v - rounding, f64::INFINITY),
        Qualifier::MoreThan => (v - rounding, f64::INFINITY),
        Qualifier::Nearly => (v * 0.75 - rounding, v + rounding),
        Qualifier::LessThan | Qualifier::UpTo => (0.0, v + rounding),
        Qualifier::About => (v - rounding, v + rounding),
        Qualifier::Range => (v - rounding, hi.unwrap_or(v) + rounding),
    }
}

/// The qualifier ending just before `start` (`setidaknya`, `more than`), and where it starts.
fn qualifier_before(words: &Words, start: usize) -> (Qualifier, usize) {
    let mut at = start;
    if at > words.range.start && words.at(at - 1).is_some_and(|w| matches!(w, "sebanyak" | "total" | "mencapai" | "a" | "an" | "the" | "sejumlah")) {
        at -= 1;
    }
    for probe in [start, at] {
        if let Some((q, q_start)) = words.ending_at(probe, QUALIFIERS) {
            // `naik hingga 15` is the value reached, not a bound.
            if q == Qualifier::UpTo && q_start > words.range.start && words.at(q_start - 1).is_some_and(|w| UPDATE.contains(&w) || matches!(w, "dari" | "from")) {
                return (Qualifier::Exact, q_start);
            }
            return (q, q_start);
        }
    }
    (Qualifier::Exact, start)
}

/// Normalise a counted noun: synonyms, English plurals, Indonesian reduplication.
pub fn normalise_head(word: &str) -> String {
    if let Some((_, n)) = SYNONYMS.iter().find(|(w, _)| *w == word) {
        return n.to_string();
    }
    if let Some((a, b)) = word.split_once('-')
        && a == b
    {
        return normalise_head(a);
    }
    if word.is_ascii() && word.len() > 3 {
        if let Some(stem) = word.strip_suffix("ies") {
            return format!("{stem}y");
        }
        if word.ends_with("sses") || word.ends_with("ches") || word.ends_with("shes") || word.ends_with("xes") {
            return word[..word.len() - 2].to_string();
        }
        if let Some(stem) = word.strip_suffix('s')
            && !stem.ends_with('s')
            && !stem.ends_with('u')
            && !stem.ends_with('i')
        {
            return stem.to_string();
        }
    }
    word.to_string()
}

/// What a claim counts, its state, scope and markers, from the words around it.
/// Verbs of having or winning a count: its subject holds it.
const HOLDING: &[&str] = &[
    "took", "won", "win", "wins", "got", "gets", "secured", "holds", "held", "has", "had", "received", "earned",
    "captured", "claimed", "meraih", "memperoleh", "mendapat", "mendapatkan", "menguasai", "mengantongi", "merebut",
    "memenangi", "memiliki", "mengumpulkan", "collected",
];

/// The holder of a count right after a verb of having (`X took 128 seats`): the nearest
/// capitalised word before the verb in its sentence, up to twelve words back.
fn owner_of(doc: &Document, words: &Words, q_start: usize) -> Option<String> {
    let verb = q_start.checked_sub(1).filter(|&v| v >= words.range.start)?;
    if !words.at(verb).is_some_and(|w| HOLDING.contains(&w)) {
        return None;
    }
    (verb.saturating_sub(12).max(words.range.start)..verb)
        .rev()
        .find(|&t| {
            doc.tokens[t].kind == TokenKind::Word
                && doc.token_str(&doc.tokens[t]).starts_with(|ch: char| ch.is_uppercase())
                && !(t == words.range.start && matches!(doc.token_lower(t), "the" | "a" | "an" | "in" | "on" | "at" | "this" | "that" | "dalam" | "di" | "pada" | "saat" | "setelah" | "after" | "its" | "their" | "ia" | "dia" | "mereka" | "they" | "he" | "she"))
        })
        .map(|t| doc.token_lower(t).to_string())
}

fn read_context(doc: &Document, words: &Words, facts: &SentenceFacts, c: &mut Claim, headline: bool) {
    let start = c.tokens.start;
    let end = c.tokens.end;
    if !headline {
        c.speakers.clone_from(facts.speakers.get_or_init(|| speakers(doc, words.range.clone())));
    }
    let (_, q_start) = if c.qualifier == Qualifier::Range { (Qualifier::Range, start) } else { qualifier_before(words, start) };
    c.owner = owner_of(doc, words, q_start);
    let clause_range = clause(words, start);
    // `…, killing eight people`: a participle after a comma goes with the clause before it, whose
    // place, time and markers (`the second attack`) are the figure's.
    let participle = q_start.checked_sub(2).is_some_and(|c| {
        words.at(c) == Some(",") && words.at(c + 1).is_some_and(|w| w.ends_with("ing")) && words.first_at(c + 1, STATES).is_some()
    });
    let clause_range = if participle { clause(words, q_start - 2).start..clause_range.end } else { clause_range };
    let english = doc.language == Language::En;
    // The head noun after the number: Indonesian puts modifiers after it (`tahanan Palestina`),
    // English before it (`valid votes`), so English takes the last of a short run of nouns.
    let mut k = end;
    let mut head: Option<String> = None;
    // `29 injured civilians`, `12 missing fishermen`: an English state before the noun.
    let mut state_before_noun = None;
    if english && !c.percent
        && let Some((state, n)) = words.first_at(k, STATES)
        && words.at(k + n).is_some_and(|w| words.is_word(k + n) && !STOP.contains(&w) && !NOT_HEADS.contains(&w) && !words.capitalised(k + n) && words.first_at(k + n, STATES).is_none() && !w.ends_with("ed") && !w.ends_with("ly"))
    {
        state_before_noun = Some(state);
        k += n;
    }
    if !c.percent {
        let mut run = Vec::new();
        while k < words.range.end && run.len() < 3 {
            let Some(w) = words.at(k) else { break };
            if !words.is_word(k) || STOP.contains(&w) || NOT_HEADS.contains(&w) || words.first_at(k, STATES).is_some() {
                break;
            }
            // Capitalised: a name or a nationality, not what is counted.
            if words.capitalised(k) && !headline && !(english && run.is_empty() && words.at(k + 1).is_some_and(|n| !STOP.contains(&n))) {
                break;
            }
            // `12 orang penumpang`: the classifier gives way to the noun.
            // (Not to a verb: `320.000 orang meninggalkan rumah`.)
            if CLASSIFIERS.contains(&w) && words.at(k + 1).is_some_and(|n| words.is_word(k + 1) && !STOP.contains(&n) && !(!english && verb_like(n)) && words.first_at(k + 1, STATES).is_none() && !words.capitalised(k + 1)) {
                k += 1;
                continue;
            }
            // English verbs in -ed / -ing after the count are its predicate.
            if english && (w.ends_with("ed") || w.ends_with("ing")) && !run.is_empty() {
                break;
            }
            run.push(w);
            k += 1;
            if !english {
                break;
            }
            // A plural noun ends the run (`64 passengers sank off ...`): what follows is
            // what they did. (`12 gas cylinders`: `gas` is no plural.)
            if c.value > 1.0 && is_plural(w) {
                break;
            }
        }
        // The noun and its modifiers: English adjectives before it (`young players`),
        // an Indonesian modifier after it (`pemain muda`, `tahanan Palestina`), never a verb.
        c.measure = run.first().is_some_and(|w| MEASURES.contains(w)) || words.at(k) == Some("per");
        head = match (english, run.split_last()) {
            (true, Some((last, mods))) => {
                c.noun = Some(run.join(" "));
                Some(mods.iter().map(|m| m.to_string()).chain([normalise_head(last)]).collect::<Vec<_>>().join(" "))
            }
            (false, Some((first, _))) => {
                let modifier = words.at(k).filter(|m| words.is_word(k) && !STOP.contains(m) && !verb_like(m) && words.first_at(k, STATES).is_none() && !NOT_HEADS.contains(m) && !WEEKDAYS.contains(m) && *m != "tambahan");
                if modifier.is_some() {
                    k += 1;
                }
                c.noun = Some(std::iter::once(*first).chain(modifier).collect::<Vec<_>>().join(" "));
                Some(std::iter::once(normalise_head(first)).chain(modifier.map(str::to_string)).collect::<Vec<_>>().join(" "))
            }
            _ => None,
        };
    }
    // `Jumlah korban ... 45`, `Total suara sah tercatat 854.528`, `the number of passengers ... 88`.
    let total_before = (clause_range.start..q_start).find(|&t| words.at(t).is_some_and(|w| matches!(w, "jumlah" | "total" | "number")));
    if let Some(t) = total_before {
        c.total = true;
        if head.is_none() {
            let n = if words.at(t + 1) == Some("of") { t + 2 } else { t + 1 };
            head = words.at(n).filter(|w| words.is_word(n) && !STOP.contains(w) && words.first_at(n, STATES).is_none()).map(normalise_head);
        }
    }
    c.total |= words.any_in(q_start.saturating_sub(3).max(clause_range.start)..q_start, TOTAL);
    c.head = head;
    // The state: after the number and its noun (`9 penumpang meninggal dunia`, `80 survived`),
    // or before it as a verb (`menewaskan 15`, `killed 13`).
    let mut s = k;
    let mut skipped = 0;
    c.state = state_before_noun;
    while c.state.is_none() && s < words.range.end && skipped < 4 {
        if let Some((state, _)) = words.first_at(s, STATES) {
            c.state = Some(state);
            break;
        }
        let w = words.at(s).unwrap_or("");
        if !(LINK_WORDS.contains(&w) || (english && w.ends_with("ly"))) {
            break;
        }
        s += 1;
        skipped += 1;
    }
    // `pulled 86 people from the water alive`, `12 pendaki ditemukan dalam keadaan hidup`: alive
    // at the end of the clause, with no other figure between, is who survived.
    if c.state.is_none() {
        let stop = (k..(k + 7).min(clause_range.end)).find(|&t| words.doc.tokens[t].kind == TokenKind::Number || matches!(words.at(t), Some("," | ";" | "." | "dan" | "and" | "but" | "tetapi")));
        let to = stop.unwrap_or((k + 7).min(clause_range.end));
        if (k..to).any(|t| matches!(words.at(t), Some("alive" | "hidup-hidup")) || words.at(t) == Some("keadaan") && words.at(t + 1) == Some("hidup")) {
            c.state = Some("survived");
        }
    }
    // `jumlah korban tewas ... adalah 13 orang`, `the number of people killed ... 13`: the state
    // of a total is named after `jumlah` / `number of`.
    if c.state.is_none()
        && !c.measure
        && !words.at(q_start.wrapping_sub(1)).is_some_and(magnitude_word)
        && c.head.as_deref().is_none_or(|h| h == PERSON)
        && let Some(t) = total_before
    {
        c.state = (t + 1..(t + 5).min(q_start)).find_map(|x| words.first_at(x, STATES).map(|(state, _)| state));
    }
    // Bodies (`delapan jenazah`, `eight bodies`) are at least that many dead; so are the bodies
    // of a count of people (`the bodies of all eight victims`, `Jenazah keempat korban`).
    let bodies_of = {
        let mut b = q_start;
        while b > words.range.start && words.at(b - 1).is_some_and(|w| matches!(w, "all" | "the" | "of" | "para" | "seluruh" | "semua")) {
            b -= 1;
        }
        b > words.range.start && words.at(b - 1).is_some_and(|w| BODIES.contains(&w)) && c.head.as_deref().is_some_and(|h| h == PERSON)
    };
    if bodies_of || c.head.as_deref().and_then(|h| h.split(' ').next()).is_some_and(|h| BODIES.contains(&h)) && c.state.is_none_or(|s| matches!(s, "dead" | "found")) {
        c.head = Some(PERSON.to_string());
        c.state = Some("dead");
        c.bodies = true;
    }
    // An open predicate right after the noun: `rumah terendam`, `votes counted` (not after
    // `yang`, which describes the noun).
    if c.state.is_none() {
        let w = words.at(k).unwrap_or("");
        // Up to two auxiliaries: `were destroyed`, `had been destroyed`, `have been damaged`.
        let auxiliary = |x: &str| matches!(x, "were" | "was" | "are" | "is" | "had" | "have" | "has" | "been" | "telah" | "sudah");
        let skip = if auxiliary(w) { 1 + usize::from(words.at(k + 1).is_some_and(|x| x == "been")) } else { 0 };
        let p = words.at(k + skip).unwrap_or("");
        if words.is_word(k + skip) && !words.capitalised(k + skip) && !STOP.contains(&p) && (english && p.ends_with("ed") || !english && verb_like(p)) {
            c.predicate = Some(p.to_string());
        }
    }
    // An English verb in the past right before the count, the same predicate as after it:
    // `destroyed 35 homes` as `53 homes were destroyed`. (`killed 14`: a state, read above.)
    if c.state.is_none() && c.predicate.is_none() && english && c.head.is_some() {
        let v = q_start.wrapping_sub(1);
        let p = words.at(v).unwrap_or("");
        if words.is_word(v) && !words.capitalised(v) && p.len() >= 5 && p.ends_with("ed") && !STOP.contains(&p) && !UPDATE.contains(&p) && words.first_at(v, STATES).is_none() {
            c.predicate = Some(p.to_string());
        }
    }
    if c.state.is_none() {
        let from = q_start.saturating_sub(3).max(clause_range.start);
        for t in (from..q_start).rev() {
            if let Some((state, n)) = words.first_at(t, STATES)
                && t + n == q_start
                && matches!(state, "dead" | "injured" | "evacuated" | "arrested" | "abducted")
            {
                c.state = Some(state);
                break;
            }
        }
    }
    // `Of the dead, nine ...`, `Dari 46 pekerja yang terluka, 19 ...`: a whole opening a breakdown.
    // (`dari rata-rata 40.000`: an average is still the value.)
    let avg = usize::from(words.at(q_start.wrapping_sub(1)).is_some_and(|w| matches!(w, "rata-rata" | "average")));
    let before = words.at(q_start.wrapping_sub(1 + avg));
    if matches!(before, Some("dari" | "of")) || before == Some("the") && words.at(q_start.wrapping_sub(2)) == Some("of") {
        let opens_sentence = (words.range.start..q_start).all(|t| matches!(words.at(t), Some("dari" | "of" | "the" | "\"" | "“")) || !words.is_word(t) && !words.doc.tokens[t].kind.eq(&TokenKind::Number));
        if opens_sentence && clause_range.end < words.range.end {
            c.whole = true;
        }
    }
    // `naik dari 13 menjadi 15`, `rose to 13 from 11`: the value a change starts from, past
    // words that say which value it is (`dari rata-rata normal 320 milimeter`, `from an average
    // of 40`).
    let mut f = q_start;
    while f > words.range.start && q_start - f < 3 && words.at(f - 1).is_some_and(|w| matches!(w, "rata-rata" | "normal" | "average" | "an" | "of" | "sekitar" | "about" | "around")) {
        f -= 1;
    }
    let before_from = words.at(f.wrapping_sub(1)).filter(|w| matches!(*w, "from" | "dari")).or(before);
    if matches!(before_from, Some("from")) || before_from == Some("dari") && words.any_in(q_start.saturating_sub(12)..q_start, UPDATE) {
        c.previous = true;
    }
    // Update markers in the clause before the number, or `menjadi` / `to` right before it.
    c.update = words.any_in(clause_range.start..q_start, UPDATE) || matches!(before, Some("menjadi" | "kini" | "now"));
    // Parts and remainders.
    c.part = words.any_in(q_start.saturating_sub(4).max(clause_range.start)..q_start, PARTS_BEFORE)
        || words.any_in(end..(end + 4).min(clause_range.end.max(end)), PARTS_AFTER);
    // `hanya 60 kurator`, `only 12`: a subset; `60 kurator tersebut`: those already counted.
    c.part |= words.at(q_start.wrapping_sub(1)).is_some_and(|w| matches!(w, "hanya" | "only" | "just" | "cuma"))
        || words.at(k).is_some_and(|w| matches!(w, "tersebut" | "itu" | "ini"));
    c.part |= words.any_in(k..(k + 2).min(words.range.end), ORDINAL_SUBSET)
        || words.any_in(q_start.saturating_sub(2).max(words.range.start)..q_start, ORDINAL_SUBSET)
        || facts.first_breakdown.is_some_and(|b| b < q_start);
    // `dua jenazah lagi`, `two more bodies`, `another 12`, `tambahan 3 korban`: found since the
    // last count, so a part of the total.
    // (`kembali menangkap dua tersangka`: again, so more; `dua rute baru`, `12 new cases`.)
    c.part |= [end, k].iter().any(|&t| words.at(t).is_some_and(|w| matches!(w, "lagi" | "more" | "additional" | "tambahan")))
        || !english && words.any_in(k..(k + 3).min(words.range.end), &["baru"])
        || english && words.any_in(k..(k + 2).min(words.range.end), &["newly"])
        || words.at(end).is_some_and(|w| w == "new") && english
        || words.at(q_start.wrapping_sub(1)).is_some_and(|w| matches!(w, "another" | "additional" | "further" | "tambahan"))
        || words.any_in(q_start.saturating_sub(3).max(clause_range.start)..q_start, &["kembali"]);
    // `25 lembar pecahan Rp 100 ribu`: a count narrowed by another figure.
    c.measure |= (end + 1..(end + 4).min(words.range.end)).any(|t| words.doc.tokens[t].kind == TokenKind::Number && matches!(words.at(t - 1), Some("rp" | "$" | "us$" | "€" | "£" | "tipe" | "type" | "ukuran" | "size")));
    // (`sisanya, 21 atlet`, `the rest, 22%` stand before the count; `dua lainnya`, `five others`
    // after it: `31%, while the rest` is no rest.)
    c.remainder = words.any_in(q_start.saturating_sub(3).max(words.range.start)..q_start, REMAINDER) || words.any_in(end..(end + 3).min(words.range.end), REMAINDER_AFTER);
    // Other events, hypotheses, negations: in the clause before the number, or the sentence's opening.
    // (`Another nine people are missing`: `another` right before the count adds to it, a part,
    // not another event.)
    let increment = q_start > clause_range.start && words.at(q_start - 1) == Some("another");
    let around = clause_range.start..(end + 4).min(clause_range.end.max(end));
    // Only some of the words found say another event or period: `sejak Sabtu`, `since Monday
    // morning` is the event still going on; `released without charge`, `tanpa syarat` after the
    // count negates something else than the count. (Most clauses have none of the words: asked
    // of the list at once first.)
    let elsewhere_here = words.any_in(around.clone(), ELSEWHERE) && around.clone().any(|t| {
        if increment && t + 1 == q_start {
            return false;
        }
        let Some(p) = ELSEWHERE.iter().find(|p| words.phrase_at(t, p).is_some()) else { return false };
        match *p {
            "tanpa" | "without" => t < q_start,
            // (`kerugian Rp 16,2 miliar belum dipulihkan`: the negation is of what follows; `lima
            // orang tidak selamat` negates the state read, so the count is left alone.)
            // (Before the count, only close to it: `tidak menemukan 5 korban`, not `keluarga
            // tidak mampu dan penyandang disabilitas 15 persen`.)
            "tidak" | "tak" | "bukan" | "belum" | "no" | "not" | "never" => t < q_start && t + 4 >= q_start || t >= q_start && words.first_at(t + 1, STATES).is_some(),
            _ => another_period(words, t, p),
        }
    });
    c.excluded |= elsewhere_here
        || facts.elsewhere && facts.compared_at.is_none_or(|m| q_start > m)
        || words.at(words.range.end.saturating_sub(1)) == Some("?");
    // Scope: places after `di` / `in` and times in the clause (and the sentence's opening phrase).
    let opening = if facts.opening.end <= clause_range.start { facts.opening.clone() } else { 0..0 };
    // `In a separate attack in Dawa on Wednesday, five people were killed`; `Sehari sebelumnya,
    // BPBD mencatat tujuh korban`; `Sepanjang 2024, ...`: a short opening phrase before a comma.
    c.excluded |= words.any_in(opening.clone(), ELSEWHERE) || facts.elsewhere_opening.is_some_and(|comma| comma < q_start);
    let before_q = words.at(q_start.wrapping_sub(1)).unwrap_or("");
    // `led by about 1,500 votes`, `unggul 1.500 suara`: a margin, not a count.
    c.excluded |= english && before_q == "by" && words.at(q_start.wrapping_sub(2)).is_some_and(|w| matches!(w, "led" | "leads" | "leading" | "won" | "lost" | "trailed" | "trailing" | "ahead" | "behind" | "beat" | "margin"))
        || english && before_q == "by" && c.head.as_deref().is_some_and(|h| matches!(h.rsplit(' ').next(), Some("vote" | "votes")))
        || before_q == "unggul";
    // `gempa bermagnitudo 5,6`: a measure.
    c.measure |= magnitude_word(before_q);
    // `Pencarian dibantu 15 kapal nelayan`: the agent of a passive verb does what it says.
    if !english && c.state.is_none() && c.predicate.is_none() && before_q.len() > 5 && before_q.starts_with("di") && words.first_at(q_start - 1, STATES).is_none() && !UPDATE.contains(&before_q) {
        c.predicate = Some(before_q.to_string());
    }
    let items = facts.scope_items(words);
    let in_range = |r: &Range<usize>| {
        let from = items.partition_point(|(t, _)| *t < r.start);
        let to = items.partition_point(|(t, _)| *t < r.end);
        &items[from..to]
    };
    let mut scope: Vec<String> = in_range(&opening)
        .iter()
        .chain(in_range(&clause_range))
        // A year inside the figure itself is not its scope, nor the year of a record it is
        // measured against (`the first since 2022`).
        // (`the first since the final quarter of 2022`: a few words may stand between.)
        .filter(|(t, item)| {
            !(item.starts_with("year:")
                && ((start..end).contains(t) || (t.saturating_sub(5)..*t).rev().find(|&k| matches!(words.at(k), Some("since" | "sejak"))).is_some_and(|k| !another_period(words, k, "since"))))
        })
        // A place after another figure with a place word before it is that figure's: `230.000
        // orang dievakuasi dan ditampung di 1.100 pusat evakuasi di wilayah Lembah Cagayan`.
        .filter(|(t, item)| {
            !(item.starts_with("place:")
                && *t > end
                && (end..*t).any(|k| doc.tokens[k].kind == TokenKind::Number && (k.saturating_sub(3).max(end)..k).any(|p| words.at(p).is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)))))
        })
        .map(|(_, item)| item.clone())
        .collect();
    scope.sort();
    scope.dedup();
    c.scope = scope;
}

/// Whether `phrase`, found at `t`, says another period than the event's: `sejak 2019`, `since
/// January` do; `sejak Sabtu`, `since Monday morning`, `sejak pagi` are the event still going on.
/// A record measured against the past (`the first since 2022`, `tertinggi sejak 2019`) is no
/// other period either.
fn another_period(words: &Words, t: usize, phrase: &str) -> bool {
    let record = |k: usize| words.at(k).is_some_and(|w| matches!(w, "first" | "highest" | "lowest" | "biggest" | "largest" | "worst" | "best" | "pertama" | "tertinggi" | "terendah" | "terbesar" | "terburuk" | "terbaik"));
    match phrase {
        "sejak" | "since" => !(words.at(t + 1).is_some_and(|n| {
            WEEKDAYS.contains(&n) || RELATIVE_TIMES.contains(&n) || matches!(n, "pagi" | "siang" | "sore" | "malam" | "dini" | "morning" | "afternoon" | "evening" | "dawn")
        }) || t > words.range.start && (record(t - 1) || t > words.range.start + 1 && record(t - 2))),
        _ => true,
    }
}

/// An English plural noun: a word in `-s` whose singular is a word (`passengers`, `areas`), not
/// `gas`, `bus`, `glass`.
fn is_plural(w: &str) -> bool {
    w.len() > 3 && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && w.strip_suffix('s').is_some_and(|stem| crate::lexicon::is_word(Language::En, stem))
}

/// Places named in the headline and the lead (after `di` / `in`), and the dateline
/// (`BOGOR, KOMPAS —`, `MOROWALI, Central Sulawesi —`).
/// Past the words that say what kind of place follows (`Kabupaten`, `the village`), and an
/// `of` after them (`the village of Ashford`): where the place's name starts, if it has one.
fn past_place_type(words: &Words, mut p: usize) -> usize {
    let start = p;
    while words.at(p).is_some_and(|x| PLACE_TYPES.contains(&x)) {
        p += 1;
    }
    if p > start && words.at(p) == Some("of") && words.capitalised(p + 1) {
        p += 1;
    }
    p
}

fn lead_places(doc: &Document, headline: Option<usize>, lead: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    for s in doc.sentences.iter().filter(|s| Some(s.block) == headline || Some(s.block) == lead) {
        let words = Words::new(doc, s.tokens.clone());
        for t in s.tokens.clone() {
            let starts = t == s.tokens.start && Some(s.block) == lead && s.tokens.start == doc.block_tokens.get(s.block).map_or(0, |r| r.start);
            if !(starts || words.at(t).is_some_and(|w| PLACE_PREPOSITIONS.contains(&w))) {
                continue;
            }
            let p = if starts { t } else { t + 1 };
            let mut p = past_place_type(&words, p);
            let mut name = Vec::new();
            while words.capitalised(p) && name.len() < 4 {
                name.push(words.at(p).unwrap_or(""));
                p += 1;
            }
            if !name.is_empty() {
                out.push(format!("place:{}", name.join(" ")));
            }
        }
    }
    out
}

/// The year of a front matter `date:` line (`date: 2017-03-16`, `date: "16 March 2017"`).
pub fn front_matter_year(text: &str) -> Option<i64> {
    let rest = text.strip_prefix("---")?;
    let end = rest.find("\n---")?;
    rest[..end].lines().find_map(|line| {
        let value = line.trim().strip_prefix("date:")?;
        value.split(|c: char| !c.is_ascii_digit()).find(|p| p.len() == 4).and_then(|y| y.parse().ok()).filter(|y| (1900..=2100).contains(y))
    })
}

/// The year of the article's first full date: `24/4/2025`, `14 April 2025`, `April 24, 2025`.
pub fn first_full_date_year(doc: &Document, mentions: &[NumberMention]) -> Option<i64> {
    for m in mentions {
        if m.role != Role::Date && m.role != Role::Year {
            continue;
        }
        let s = doc.token_str(&doc.tokens[m.tokens.start]);
        if s.len() == 4 && m.role == Role::Date {
            return s.parse().ok();
        }
        if m.role == Role::Year {
            let i = m.tokens.start;
            // (`Feb. 10, 2025`: past the abbreviation's full stop.)
            let before: Vec<&str> = (i.saturating_sub(4)..i).map(|k| doc.token_lower(k)).collect();
            if before.iter().any(|w| crate::numbers::month_number(w).is_some()) && before.iter().any(|w| w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))) {
                return Some(m.value as i64);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;
