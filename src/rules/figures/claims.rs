//! Quantitative claims: a number, its qualifier (`setidaknya`, `more than`, `sekitar`), what it
//! counts (the dead, the injured, the missing, the displaced, arrests, damaged houses, missiles,
//! drones, a prison term) and the scope that decides whether two claims are about the same thing
//! (the places, days and groups they name; whether they are an update, an earlier figure, a part
//! of a larger count, a daily rate or about another event).

use super::{Article, Interval, SentenceWords};
use crate::diagnostic::Span;
use crate::document::TokenKind;
use crate::language::Language;
use crate::numbers::{self, NumberMention, Role};
use std::collections::BTreeSet;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Dead,
    Injured,
    Missing,
    Displaced,
    Arrested,
    /// Abducted or taken hostage.
    Abducted,
    Houses,
    Missiles,
    Drones,
    /// A prison term handed down, in years.
    Prison,
    /// A prison term the prosecution asked for, in years.
    Demand,
    /// An amount of money tied to what it is: state losses, bribes, a fine, restitution, a ransom.
    Money,
}

impl Kind {
    /// How a figure of this kind reads in a message: "12 killed", "a 15-year sentence".
    pub fn describe(self, amount: &str, group: Option<&str>) -> String {
        if self == Kind::Money {
            return match group {
                Some(g) => format!("{g} of {amount}"),
                None => amount.to_string(),
            };
        }
        let group = group.map(|g| format!(" ({g})")).unwrap_or_default();
        match self {
            Kind::Dead => format!("{amount} killed{group}"),
            Kind::Injured => format!("{amount} injured{group}"),
            Kind::Missing => format!("{amount} missing{group}"),
            Kind::Displaced => format!("{amount} displaced or evacuated{group}"),
            Kind::Arrested => format!("{amount} arrested{group}"),
            Kind::Abducted => format!("{amount} abducted{group}"),
            Kind::Houses => format!("{amount} houses{group}"),
            Kind::Missiles => format!("{amount} missiles{group}"),
            Kind::Drones => format!("{amount} drones{group}"),
            Kind::Prison => format!("a sentence of {amount} years"),
            Kind::Demand => format!("a demand of {amount} years"),
            Kind::Money => amount.to_string(),
        }
    }
}

/// A figure's qualifier (`setidaknya`, `nearly`, a range): the claims model's.
pub(crate) use crate::claims::Qualifier;

#[derive(Debug, Clone)]
pub(crate) struct Claim {
    /// The number as written (both ends of a range).
    pub span: Span,
    pub value: f64,
    /// The upper end of a range.
    pub value_hi: Option<f64>,
    pub qualifier: Qualifier,
    pub interval: Interval,
    pub kind: Kind,
    /// A narrower group than "people": `anak`, `children`, `luka berat`, `intercepted`.
    pub group: Option<String>,
    pub sentence: usize,
    pub block: usize,
    pub heading: bool,
    /// Places named in the claim's own clause, lowercased.
    pub places: BTreeSet<String>,
    /// Places named anywhere in the claim's sentence.
    pub sentence_places: BTreeSet<String>,
    /// Days and years named in the claim's sentence.
    pub times: BTreeSet<String>,
    /// A rate (per day, on average) rather than a count.
    pub rate: bool,
    /// Names in the claim's sentence (whose prison term it is).
    pub names: BTreeSet<String>,
    /// Who gives the figure, when the sentence names them (`kata Yulianto`, `Budi said`).
    pub speakers: BTreeSet<String>,
    /// About another event, hypothetical, negated or a previous value: never compared.
    pub excluded: bool,
    /// A new figure replacing an older one (`bertambah menjadi`, `rose to`, `five more`).
    pub update: bool,
    /// An older figure (`sebelumnya`, `initially`).
    pub earlier: bool,
    /// Part of a larger count (`di antaranya`, `including`).
    pub subset: bool,
    /// For an amount of money, the mention, to write the amount with its currency.
    pub money: Option<NumberMention>,
}

impl Claim {
    /// The figure as a reader would say it: "12 or more", "about 70", "10-12".
    pub fn amount(&self, language: Language) -> String {
        let v = match &self.money {
            Some(m) => numbers::format_like(self.value, m, language),
            None => numbers::format_number(self.value, language),
        };
        match self.qualifier {
            Qualifier::Exact => v,
            Qualifier::AtLeast => format!("{v} or more"),
            Qualifier::MoreThan => format!("more than {v}"),
            Qualifier::Nearly => format!("nearly {v}"),
            Qualifier::LessThan => format!("fewer than {v}"),
            Qualifier::About => format!("about {v}"),
            Qualifier::UpTo => format!("up to {v}"),
            Qualifier::Range => format!("{v}-{}", numbers::format_number(self.value_hi.unwrap_or(self.value), language)),
        }
    }
    pub fn describe(&self, language: Language) -> String {
        let amount = self.amount(language);
        self.kind.describe(&amount, self.group.as_deref())
    }
}

use crate::claims::QUALIFIERS;

/// Words that may stand between the number (and its noun) and the word that says what it counts.
const CONNECTORS: &[&str] = &[
    "yang", "who", "that", "were", "was", "had", "have", "has", "been", "are", "is", "telah", "sudah", "dilaporkan",
    "dikabarkan", "dinyatakan", "diketahui", "masih", "juga", "reportedly", "also", "confirmed", "dipastikan",
    "terkonfirmasi", "being", "be", "ikut", "turut", "ditemukan", "found",
];
/// Nouns that count people without narrowing them.
const GENERIC_HEADS: &[&str] = &[
    "orang", "warga", "penduduk", "korban", "jiwa", "people", "person", "persons", "individuals", "residents", "lainnya",
    "others", "other", "lain", "victims", "korban jiwa",
];
/// Units: a number before one of these measures, it does not count people or things.
const UNITS: &[&str] = &[
    "tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit", "detik", "years", "year", "months", "month", "weeks",
    "week", "days", "day", "hours", "hour", "minutes", "minute", "seconds", "meter", "meters", "metres", "km", "kilometer",
    "kilometers", "kilometres", "kg", "kilogram", "ton", "tons", "tonnes", "persen", "percent", "kali", "times", "miles",
    "mil", "liter", "litres", "hektare", "hectares", "derajat", "degrees", "lantai", "storey", "floors", "lembar", "unit",
];
/// What a count counts, when the word follows the number (and its noun): (phrase, kind, group).
const KIND_AFTER: &[(&str, Kind, Option<&str>)] = &[
    ("meninggal dunia", Kind::Dead, None),
    ("meninggal", Kind::Dead, None),
    ("tewas", Kind::Dead, None),
    ("wafat", Kind::Dead, None),
    ("terbunuh", Kind::Dead, None),
    ("gugur", Kind::Dead, None),
    ("korban jiwa", Kind::Dead, None),
    ("killed", Kind::Dead, None),
    ("dead", Kind::Dead, None),
    ("died", Kind::Dead, None),
    ("deaths", Kind::Dead, None),
    ("perished", Kind::Dead, None),
    ("fatalities", Kind::Dead, None),
    ("lost their lives", Kind::Dead, None),
    ("luka berat", Kind::Injured, Some("serious")),
    ("luka parah", Kind::Injured, Some("serious")),
    ("terluka parah", Kind::Injured, Some("serious")),
    ("luka ringan", Kind::Injured, Some("minor")),
    ("luka-luka", Kind::Injured, None),
    ("terluka", Kind::Injured, None),
    ("mengalami luka", Kind::Injured, None),
    ("luka", Kind::Injured, None),
    ("cedera", Kind::Injured, None),
    ("seriously injured", Kind::Injured, Some("serious")),
    ("critically injured", Kind::Injured, Some("serious")),
    ("seriously wounded", Kind::Injured, Some("serious")),
    ("slightly injured", Kind::Injured, Some("minor")),
    ("injured", Kind::Injured, None),
    ("wounded", Kind::Injured, None),
    ("hurt", Kind::Injured, None),
    ("dinyatakan hilang", Kind::Missing, None),
    ("belum ditemukan", Kind::Missing, None),
    ("hilang", Kind::Missing, None),
    ("missing", Kind::Missing, None),
    ("unaccounted for", Kind::Missing, None),
    ("mengungsi", Kind::Displaced, None),
    ("dievakuasi", Kind::Displaced, None),
    ("kehilangan tempat tinggal", Kind::Displaced, None),
    ("meninggalkan rumah", Kind::Displaced, None),
    ("evacuated", Kind::Displaced, None),
    ("displaced", Kind::Displaced, None),
    ("left homeless", Kind::Displaced, None),
    ("homeless", Kind::Displaced, None),
    ("from their homes", Kind::Displaced, None),
    ("fled their homes", Kind::Displaced, None),
    ("ditangkap", Kind::Arrested, None),
    ("ditahan", Kind::Arrested, None),
    ("diamankan", Kind::Arrested, None),
    ("arrested", Kind::Arrested, None),
    ("detained", Kind::Arrested, None),
    ("diculik", Kind::Abducted, None),
    ("disandera", Kind::Abducted, None),
    ("abducted", Kind::Abducted, None),
    ("kidnapped", Kind::Abducted, None),
    ("taken hostage", Kind::Abducted, None),
    ("held hostage", Kind::Abducted, None),
];
/// Nouns that themselves say what is counted: (noun, kind).
const KIND_HEADS: &[(&str, Kind)] = &[
    ("rudal", Kind::Missiles),
    ("missiles", Kind::Missiles),
    ("missile", Kind::Missiles),
    ("drone", Kind::Drones),
    ("dron", Kind::Drones),
    ("drones", Kind::Drones),
    ("uav", Kind::Drones),
    ("pengungsi", Kind::Displaced),
    ("evacuees", Kind::Displaced),
];
/// Bodies counted: at least that many dead.
const BODY_HEADS: &[&str] = &["jenazah", "mayat", "bodies", "corpses"];
const HOUSE_HEADS: &[&str] = &["rumah", "houses", "homes", "house", "bangunan", "buildings", "unit"];
/// What happened to the houses, normalised.
const HOUSE_STATES: &[(&str, &str)] = &[
    ("rusak berat", "heavily damaged"),
    ("rusak ringan", "lightly damaged"),
    ("rusak sedang", "moderately damaged"),
    ("rusak", "damaged"),
    ("damaged", "damaged"),
    ("hancur", "destroyed"),
    ("roboh", "destroyed"),
    ("ambruk", "destroyed"),
    ("rata dengan tanah", "destroyed"),
    ("destroyed", "destroyed"),
    ("collapsed", "destroyed"),
    ("flattened", "destroyed"),
    ("terendam", "flooded"),
    ("tergenang", "flooded"),
    ("kebanjiran", "flooded"),
    ("flooded", "flooded"),
    ("inundated", "flooded"),
    ("hanyut", "swept away"),
    ("swept away", "swept away"),
    ("terbakar", "burned"),
    ("burned", "burned"),
    ("burnt", "burned"),
];
/// A verb before the number that says what it counts: `menewaskan 15 orang`, `killed 12`.
const KIND_BEFORE: &[(&str, Kind)] = &[
    ("menewaskan", Kind::Dead),
    ("membunuh", Kind::Dead),
    ("merenggut nyawa", Kind::Dead),
    ("menelan korban jiwa", Kind::Dead),
    ("killing", Kind::Dead),
    ("killed", Kind::Dead),
    ("kills", Kind::Dead),
    ("kill", Kind::Dead),
    ("claimed the lives of", Kind::Dead),
    ("melukai", Kind::Injured),
    ("injuring", Kind::Injured),
    ("wounding", Kind::Injured),
    ("injured", Kind::Injured),
    ("wounded", Kind::Injured),
    ("menangkap", Kind::Arrested),
    ("mengamankan", Kind::Arrested),
    ("arrested", Kind::Arrested),
    ("detained", Kind::Arrested),
    ("menculik", Kind::Abducted),
    ("menyandera", Kind::Abducted),
    ("abducted", Kind::Abducted),
    ("kidnapped", Kind::Abducted),
    ("mengevakuasi", Kind::Displaced),
    ("evacuated", Kind::Displaced),
    ("displaced", Kind::Displaced),
    ("displacing", Kind::Displaced),
];
/// A noun phrase before the number, joined to it by a verb: `korban tewas ... adalah 13 orang`,
/// `the death toll rose to 15`.
const KIND_NOUNS: &[(&str, Kind)] = &[
    ("korban tewas", Kind::Dead),
    ("korban meninggal", Kind::Dead),
    ("korban jiwa", Kind::Dead),
    ("yang tewas", Kind::Dead),
    ("yang meninggal", Kind::Dead),
    ("death toll", Kind::Dead),
    ("number of dead", Kind::Dead),
    ("number of deaths", Kind::Dead),
    ("number of people killed", Kind::Dead),
    ("korban luka", Kind::Injured),
    ("korban luka-luka", Kind::Injured),
    ("number of injured", Kind::Injured),
    ("korban hilang", Kind::Missing),
    ("jumlah pengungsi", Kind::Displaced),
    ("number of displaced", Kind::Displaced),
];
/// Words that join such a noun phrase to its number.
const LINKS: &[&str] = &[
    "mencapai", "menjadi", "sebanyak", "adalah", "berjumlah", "tercatat", "sebesar", "yakni", "yaitu", "ialah", "to", "at",
    "is", "was", "stood", "stands", "reached", "of",
];
const DEMAND_CUES: &[&str] = &[
    "tuntutan", "menuntut", "dituntut", "tuntut", "meminta", "sought", "demanded", "demand", "seeking", "seek", "asked",
    "requested", "menuntutnya",
];
/// A range the law or a guideline sets, not a term given or asked for: `guidelines called for
/// 97 to 121 months`, `diancam hukuman maksimal 15 tahun`.
/// Words before a term that is no sentence served: a limit (`ancaman`, `maximum`), or a term that
/// replaces an unpaid fine or restitution, and only if unpaid (`diganti pidana penjara dua tahun`,
/// `subsider enam bulan kurungan`, `Bila tidak mencukupi`, `in default`).
/// So is a share of the term served before parole or a remission (`eligible for parole after
/// serving two-thirds of the sentence, or eight years`, `bebas bersyarat setelah menjalani dua
/// pertiga masa hukuman`).
const LIMIT_CUES: &[&str] = &[
    "guidelines", "guideline", "recommended", "recommends", "pedoman", "ancaman", "diancam", "maximum", "maksimal", "diganti",
    "pengganti", "subsider", "subsidair", "bila", "jika", "apabila", "default", "unpaid", "parole", "eligible", "remisi",
    "bersyarat", "two-thirds", "pertiga",
];
const VERDICT_CUES: &[&str] = &[
    "vonis", "divonis", "memvonis", "menjatuhkan", "dijatuhi", "menjatuhi", "sentenced", "jailed", "putusan", "verdict",
    "handed", "dihukum", "menghukum", "hukuman", "pidana", "sentence", "imprisonment",
];
/// Words after `N tahun` / `N years` that make it a prison term.
const PRISON_AFTER: &[&str] = &["penjara", "kurungan", "bui", "in prison", "in jail", "behind bars", "prison", "jail", "sentence", "imprisonment"];
const PRISON_EXTRA: &[&str] = &["additional", "tambahan", "subsider", "subsidair", "pengganti", "another", "extra"];

/// Another event or time: figures in a clause with these are not compared.
const OTHER_EVENT: &[&str] = &[
    "pernah", "serupa", "claimed", "claims", "mengklaim", "klaim", "tahun lalu", "bulan lalu", "pekan lalu", "minggu lalu", "april lalu", "last year", "last month",
    "last week", "previous", "terpisah", "separate", "another", "tahun sebelumnya", "periode yang sama", "since", "sejak",
    "sepanjang", "sejarah", "history", "rekor", "record", "similar", "same period", "years ago", "tahun silam",
    "the year before", "year earlier", "a year ago", "setahun lalu", "earlier this year", "awal tahun", "dekade",
    "decade", "in total since", "the second", "the third", "a second", "a third", "serangan kedua", "ledakan kedua",
    "insiden kedua", "kejadian kedua", "kecelakaan kedua", "gempa susulan", "aftershock", "terakhir", "tahun ini",
    "this year", "in the past", "over the past", "over the last", "in the last", "so far this", "selama ini",
];
/// Events counted: a figure in a sentence that counts several of them adds them up.
const EVENT_NOUNS: &[&str] = &[
    "kecelakaan", "serangan", "kejadian", "insiden", "peristiwa", "bencana", "gempa", "kebakaran", "ledakan", "accidents",
    "attacks", "incidents", "crashes", "disasters", "earthquakes", "fires", "explosions", "strikes", "kasus", "cases",
];
/// A figure that may not happen: modal verbs, plans, capacities.
const HYPOTHETICAL: &[&str] = &[
    "bisa", "dapat", "mungkin", "berpotensi", "could", "may", "might", "would", "akan", "will", "expected", "target",
    "ditargetkan", "rencana", "berencana", "plan", "plans", "kapasitas", "capacity", "menampung", "mampu", "hold",
    "if", "jika", "kalau", "apabila", "seandainya", "feared", "dikhawatirkan", "risk", "threatened", "terancam",
];
const NEGATIONS: &[&str] = &["tidak", "tak", "bukan", "belum", "no", "not", "never", "tanpa", "without", "none", "nor"];
const POSSESSIVES: &[&str] = &["her", "his", "their", "its", "our", "my", "your"];
/// Update words in the claim's clause: the figure replaces an earlier one.
const UPDATE: &[&str] = &[
    "bertambah", "kini", "sekarang", "terbaru", "terkini", "rose", "risen", "climbed", "increased", "jumped", "now",
    "latest", "updated", "raising", "bringing", "meningkat", "naik", "melonjak", "revised", "direvisi", "grew", "mounted",
    "has risen", "menambah", "later", "belakangan",
];
/// Update words right before the number (`menjadi 15`, `another 5`) or after it (`5 lagi`, `five more`).
const UPDATE_BEFORE: &[&str] = &["menjadi", "tambahan", "additional", "another", "lagi"];
const UPDATE_AFTER: &[&str] = &["lagi", "more", "tambahan", "additional"];
/// Earlier figures.
const EARLIER: &[&str] = &[
    "sebelumnya", "semula", "awalnya", "sempat", "earlier", "initially", "previously", "originally", "at first",
    "first reported", "preliminary", "data sementara", "mula-mula",
];
const SUBSET_BEFORE: &[&str] = &[
    "termasuk", "including", "di antaranya", "diantaranya", "among them", "sebagian", "salah satunya", "dari jumlah",
    "of those", "of them", "of whom", "among", "among the", "antara lain",
];
/// The rest of a count: the other figures in the sentence are parts.
const REMAINDER: &[&str] = &["the rest", "the remainder", "the remaining", "sisanya", "selebihnya", "sebagian lainnya"];
const PLACE_PREPOSITIONS_SHORT: &[&str] = &["di", "in", "at"];
const SUBSET_AFTER: &[&str] = &["di antaranya", "diantaranya", "of them", "of whom", "among them", "dari jumlah", "of those"];
const RATES: &[&str] = &[
    "per hari", "sehari", "setiap hari", "tiap hari", "per day", "a day", "each day", "daily", "per bulan", "sebulan",
    "per month", "a month", "monthly", "per tahun", "setahun", "per year", "a year", "annually", "per minggu", "sepekan",
    "per week", "a week", "weekly", "rata-rata", "average", "on average", "per jam", "an hour", "per hour",
];

fn match_phrase(words: &SentenceWords, at: usize, list: &[&str]) -> Option<usize> {
    words.first_phrase_at(at, list).map(|(_, n)| n)
}

/// A phrase from `list` that ends right before token `end`: (start token, entry index).
fn phrase_ending_at<T: Copy>(words: &SentenceWords, end: usize, list: &[(&str, T)]) -> Option<(usize, T)> {
    // A phrase ending there ends with the word before `end`: its last byte settles most entries.
    let last = words.at(end.checked_sub(1)?)?.as_bytes().last();
    list.iter().find_map(|(p, v)| {
        if last.is_some() && p.as_bytes().last() != last {
            return None;
        }
        let start = end.checked_sub(p.bytes().filter(|&b| b == b' ').count() + 1)?;
        (start >= words.tokens.start && words.phrase_str_at(start, p).is_some()).then_some((start, *v))
    })
}

/// The clause around a token: bounded by `,` `;` `:` `(` `)` and the sentence.
pub(crate) fn clause_of(article: &Article, sentence: usize, token: usize) -> Range<usize> {
    let words = &article.sentences[sentence];
    // From the sentence's bounds, found once: walked from each figure, a sentence with few of
    // them cost its length for every figure.
    let bounds = article.clause_boundaries(sentence);
    let k = bounds.partition_point(|&b| b < token);
    let start = if token > words.tokens.start { k.checked_sub(1).map_or(words.tokens.start, |p| bounds[p] + 1).max(words.tokens.start).min(token) } else { token };
    let end = if token < words.tokens.end { bounds.get(k).copied().unwrap_or(words.tokens.end).min(words.tokens.end).max(token) } else { token };
    start..end
}

/// The first clause of a sentence when it opens with a time or place (`Pada 2019, ...`).
fn opening_adverbial(article: &Article, sentence: usize) -> Option<Range<usize>> {
    article.facts[sentence].opening.get_or_init(|| find_opening_adverbial(article, sentence)).clone()
}

fn find_opening_adverbial(article: &Article, sentence: usize) -> Option<Range<usize>> {
    let words = &article.sentences[sentence];
    let first = words.lower().position(|w| !matches!(w, "“" | "\"" | "‘"))?;
    let first_word = words.lower().nth(first)?;
    if !matches!(first_word, "pada" | "di" | "dalam" | "in" | "on" | "at" | "during" | "selama" | "tahun" | "last" | "sejak" | "since" | "saat" | "ketika" | "when") {
        return None;
    }
    let clause = clause_of(article, sentence, words.tokens.start + first);
    (clause.end < words.tokens.end).then_some(clause)
}

/// Every claim in the article, in order.
pub(crate) fn claims(article: &Article) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut consumed: BTreeSet<usize> = BTreeSet::new();
    for (index, m) in article.mentions.iter().enumerate() {
        if consumed.contains(&index) {
            continue;
        }
        if let Some((claim, used)) = read_claim(article, index, m) {
            consumed.extend(used);
            out.push(claim);
        }
    }
    // Two counts of one kind in one sentence are parts of a breakdown: `20 orang tewas di ibu kota,
    // sementara tiga korban lain tewas di wilayah Kyiv`.
    let mut per_sentence: std::collections::HashMap<(usize, Kind), usize> = std::collections::HashMap::new();
    for c in &out {
        *per_sentence.entry((c.sentence, c.kind)).or_default() += 1;
    }
    for c in &mut out {
        if per_sentence.get(&(c.sentence, c.kind)).is_some_and(|n| *n > 1) {
            c.subset = true;
        }
    }
    out
}

/// What an amount of money is, read from the words before it (`kerugian negara sebesar Rp 2,3
/// triliun`, `a fine of Rp 500 million`, `fined Rp 500 million`) or after it (`Rp 7 billion in bribes`).
const MONEY_BEFORE: &[(&str, &str)] = &[
    ("kerugian negara", "state losses"),
    ("merugikan negara", "state losses"),
    ("kerugian keuangan negara", "state losses"),
    ("state losses", "state losses"),
    ("losses to the state", "state losses"),
    ("suap", "bribes"),
    ("gratifikasi", "bribes"),
    ("bribes", "bribes"),
    ("bribe", "bribes"),
    ("kickbacks", "bribes"),
    ("denda", "a fine"),
    ("fine", "a fine"),
    ("fined", "a fine"),
    ("uang pengganti", "restitution"),
    ("restitution", "restitution"),
    ("ransom", "a ransom"),
];
const MONEY_AFTER: &[(&str, &str)] = &[("in bribes", "bribes"), ("in kickbacks", "bribes"), ("in ransom", "a ransom")];
/// Words that may stand between what the money is and the amount.
const MONEY_LINKS: &[&str] = &["sebesar", "senilai", "mencapai", "sekitar", "ditaksir", "dihitung", "tercatat", "ditafsir", "of", "worth", "totalling", "totaling", "total", "hingga", "lebih", "dari", "more", "than", "about", "around", "some", "yang", "diperkirakan", "an", "estimated", "at", "least", "setidaknya"];

fn money_claim(article: &Article, m: &NumberMention) -> Option<Claim> {
    let words = &article.sentences[m.sentence];
    let start = m.full_tokens.start;
    // Back over links, then the concept must end right there.
    let mut t = start;
    while t > words.tokens.start && words.at(t - 1).is_some_and(|w| MONEY_LINKS.contains(&w)) && start - t < 4 {
        t -= 1;
    }
    // Or a few words further back in the clause: `kerugian negara dalam perkara itu mencapai Rp 3 miliar`.
    let clause = clause_of(article, m.sentence, start);
    let near = || (t.saturating_sub(4).max(clause.start)..t).rev().find_map(|e| phrase_ending_at(words, e, MONEY_BEFORE).map(|(_, c)| c));
    let no_number_between = |from: usize| article.mentions_starting_in(m.sentence, from..start).next().is_none();
    let concept = phrase_ending_at(words, t, MONEY_BEFORE).map(|(_, c)| c).or_else(|| near().filter(|_| no_number_between(t.saturating_sub(4).max(clause.start)))).or_else(|| {
        MONEY_AFTER.iter().find_map(|(p, c)| words.phrase_str_at(m.full_tokens.end, p).map(|_| *c))
    })?;
    let (qualifier, qual_start) = qualifier_before(words, start);
    let mut claim = base_claim(article, m, (qualifier, qual_start), Kind::Money, Some(concept.to_string()), m.full_tokens.end);
    claim.money = Some(m.clone());
    // Whose money: `110 pengacara ... Rp 131,4 miliar` is not `3.187 notaris ... Rp 187,4 miliar`.
    claim.names = article.names_in(m.sentence);
    if claim.heading {
        claim.names.clear();
    }
    Some(claim)
}

fn read_claim(article: &Article, index: usize, m: &NumberMention) -> Option<(Claim, Vec<usize>)> {
    let doc = article.doc;
    if m.role == Role::Quantity && m.currency.is_some() && !m.percent && m.alt_value.is_none() {
        return money_claim(article, m).map(|c| (c, vec![index]));
    }
    if !matches!(m.role, Role::Quantity | Role::PairStart) || m.percent || m.currency.is_some() || m.alt_value.is_some() || m.value < 0.0 {
        return None;
    }
    let words = &article.sentences[m.sentence];
    let start = m.tokens.start;
    let mut end = m.full_tokens.end;
    let mut used = vec![index];
    let mut value_hi = None;
    // A range: `10-12 orang`, `10 hingga 12 orang`, `between 10 and 12`.
    if let Some(next) = article.mentions.get(index + 1).filter(|n| n.sentence == m.sentence && n.currency.is_none() && !n.percent) {
        let between: Vec<&str> = (end..next.tokens.start).filter_map(|t| words.at(t)).collect();
        let joiner = match between.as_slice() {
            ["-" | "–" | "—"] => m.role == Role::PairStart,
            ["hingga" | "sampai" | "to" | "atau" | "or"] => next.role == Role::Quantity,
            ["dan" | "and"] => start > words.tokens.start && matches!(words.at(start - 1), Some("antara" | "between")),
            _ => false,
        };
        if joiner && next.value > m.value && next.is_whole() {
            value_hi = Some(next.value);
            end = next.full_tokens.end;
            used.push(index + 1);
        }
    }
    if m.role == Role::PairStart && value_hi.is_none() {
        // `2-1` without a larger second number: a score, not a count.
        return None;
    }
    let (qualifier, qual_start) = if value_hi.is_some() {
        (Qualifier::Range, start)
    } else {
        qualifier_before(words, start)
    };
    // What it counts.
    let found = kind_after(article, m.sentence, end).or_else(|| kind_before(article, m.sentence, qual_start, end));
    let (kind, group, bodies, subset_after, head_end) = match found {
        Some(k) => k,
        None => {
            let (kind, years, months_mention) = prison_term(article, index, m, end)?;
            used.extend(months_mention);
            let mut claim = base_claim(article, m, (qualifier, qual_start), kind, None, end);
            claim.value = years;
            claim.interval = interval(claim.value, 0.0, qualifier, None);
            claim.names = article.names_in(m.sentence);
            if claim.heading {
                claim.names.clear();
            }
            return Some((claim, used));
        }
    };
    if !m.is_whole() && m.magnitude.is_none() {
        return None;
    }
    let mut claim = base_claim(article, m, (qualifier, qual_start), kind, group, head_end.max(end));
    claim.value_hi = value_hi;
    claim.span = Span::new(m.span.start, value_hi.map_or(m.span.end, |_| doc.tokens[end - 1].span.end));
    let q = if bodies && qualifier == Qualifier::Exact { Qualifier::AtLeast } else { qualifier };
    claim.interval = interval(m.value, m.rounding, q, value_hi);
    claim.subset |= subset_after;
    Some((claim, used))
}

fn base_claim(article: &Article, m: &NumberMention, (qualifier, qual_start): (Qualifier, usize), kind: Kind, group: Option<String>, end: usize) -> Claim {
    let doc = article.doc;
    let words = &article.sentences[m.sentence];
    let start = m.tokens.start;
    let clause = clause_of(article, m.sentence, start);
    // Scope words are read from the start of the sentence to the end of the claim's clause: the
    // clauses before set the scene (`The second attack was in X, killing eight`), those after do not.
    let scene = words.tokens.start..clause.end;
    let in_scope = |list: &'static [&'static str]| article.phrase_in(m.sentence, scene.clone(), list);
    let before = clause.start..start;
    let near_before = start.saturating_sub(3).max(words.tokens.start)..start;
    // The window for places: the clause, cut at the neighbouring numbers.
    let prev_number_end = article.mention_end_before(m.sentence, start);
    let next_number_start = article.mention_start_after(m.sentence, end);
    let window = clause.start.max(prev_number_end.unwrap_or(0))..clause.end.min(next_number_start.unwrap_or(usize::MAX)).max(end);
    let mut places = article.places_in(m.sentence, window);
    if let Some(opening) = opening_adverbial(article, m.sentence)
        && opening.end <= clause.start
    {
        places.extend(article.places_in(m.sentence, opening));
    }
    let heading = article.is_heading_block(m.block);
    // The sentence before, in the same paragraph, may set the scene: `Another explosion hit a
    // minibus. Officials said three people died.`
    let previous_sentence = m.sentence.checked_sub(1).filter(|&p| doc.sentences[p].block == doc.sentences[m.sentence].block);
    let scene_elsewhere = previous_sentence.is_some_and(|p| {
        let pw = &article.sentences[p];
        article.phrase_in(p, pw.tokens.clone(), OTHER_EVENT) || article.other_years_in(p)
    });
    let mut times = article.times_in(m.sentence);
    if times.is_empty()
        && let Some(p) = previous_sentence
    {
        times = article.times_in(p);
    }
    // `naik dari 24.000`, `12 dari 40 penumpang`: a previous value or a whole, not a claim.
    let previous_value = qual_start > words.tokens.start && matches!(words.at(qual_start - 1), Some("dari" | "from"))
        || qual_start >= words.tokens.start + 2 && words.phrase_at(qual_start - 2, &["of", "the"])
        || words.any_phrase_in(qual_start.saturating_sub(5).max(words.tokens.start)..qual_start, &["all but", "semua kecuali", "kecuali"]);
    // `3 kecelakaan ..., dengan 4 orang tewas`: a total over several events.
    let several_events = *article.facts[m.sentence].several_events.get_or_init(|| {
        article.in_sentence(m.sentence).any(|(_, o)| {
            o.value > 1.0 && o.role == Role::Quantity && words.at(o.full_tokens.end).is_some_and(|w| EVENT_NOUNS.contains(&w))
        })
    });
    let excluded = in_scope(OTHER_EVENT)
        || several_events
        || scene_elsewhere
        || article.other_years_in(m.sentence)
        || article.phrase_in(m.sentence, before.clone(), HYPOTHETICAL)
        || words.any_in(near_before.clone(), NEGATIONS)
        || words.any_in(start.saturating_sub(1).max(words.tokens.start)..start, POSSESSIVES)
        || previous_value
        || words.lower().next_back().is_some_and(|w| w == "?");
    // An update in the sentence before (same paragraph) carries on: `Korban tewas bertambah menjadi
    // 11 orang. Tiga pendaki masih hilang.`
    let update_before = previous_sentence.is_some_and(|p| {
        let pw = &article.sentences[p];
        article.phrase_in(p, pw.tokens.clone(), UPDATE)
    });
    let update = update_before
        || article.phrase_in(m.sentence, clause.clone(), UPDATE)
        || words.any_in(qual_start.saturating_sub(2).max(words.tokens.start)..qual_start, UPDATE_BEFORE)
        || words.any_in(start..(end + 2).min(words.tokens.end), UPDATE_AFTER);
    let earlier = in_scope(EARLIER);
    // Part of a larger count: `termasuk 3 anak`; a count beside `the rest` / `sisanya`; the first
    // of a list of places (`Nine people died in Jakarta, five in Bekasi and two in Depok`).
    // (The latest such count of each unit, found once for the sentence.)
    let list_of_places = !places.is_empty()
        && article.facts[m.sentence]
            .place_lists
            .get_or_init(|| {
                let mut latest: Vec<(super::Unit, usize)> = Vec::new();
                for (_, o) in article.in_sentence(m.sentence) {
                    let k = o.full_tokens.end;
                    let before_place = o.role == Role::Quantity
                        && words.at(k).is_some_and(|w| PLACE_PREPOSITIONS_SHORT.contains(&w))
                        && doc.tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Word && super::is_capitalised(doc.token_str(n)));
                    if !before_place {
                        continue;
                    }
                    let unit = (o.currency, o.percent);
                    match latest.iter_mut().find(|(u, _)| *u == unit) {
                        Some((_, start)) => *start = (*start).max(o.tokens.start),
                        None => latest.push((unit, o.tokens.start)),
                    }
                }
                latest
            })
            .iter()
            .any(|&((currency, percent), latest)| currency == m.currency && percent == m.percent && latest > end);
    // `tiga korban lain`, `three other people`: others than those counted before.
    let others = words.any_in(end.saturating_sub(1).max(start)..(end + 2).min(words.tokens.end), &["lain", "other", "others"])
        || words.at(start.saturating_sub(1)).is_some_and(|w| w == "other");
    let subset = words.any_phrase_in(before.start.max(start.saturating_sub(4))..start, SUBSET_BEFORE)
        || article.phrase_in(m.sentence, words.tokens.clone(), REMAINDER)
        || list_of_places
        || others;
    // A rate is said next to the number: `1.200 pasien per hari`, `rata-rata 3 orang`.
    let rate = words.any_phrase_in(qual_start.saturating_sub(3).max(clause.start)..(end + 5).min(clause.end), RATES);
    Claim {
        span: m.span,
        value: m.value,
        value_hi: None,
        qualifier,
        interval: interval(m.value, m.rounding, qualifier, None),
        kind,
        group,
        sentence: m.sentence,
        block: m.block,
        heading,
        places,
        sentence_places: article.places_in(m.sentence, words.tokens.clone()),
        times,
        rate,
        names: BTreeSet::new(),
        speakers: article.speakers_in(m.sentence),
        excluded,
        update,
        earlier,
        subset,
        money: None,
    }
}

/// The interval a qualified figure allows.
pub(crate) fn interval(v: f64, rounding: f64, qualifier: Qualifier, hi: Option<f64>) -> Interval {
    match qualifier {
        Qualifier::Exact => Interval::exact(v, rounding),
        Qualifier::AtLeast => Interval { lo: v - rounding, hi: f64::INFINITY, lo_open: false, hi_open: false },
        Qualifier::MoreThan => Interval { lo: v - rounding, hi: f64::INFINITY, lo_open: rounding == 0.0, hi_open: false },
        Qualifier::Nearly => Interval { lo: v * 0.75 - rounding, hi: v + rounding, lo_open: false, hi_open: rounding == 0.0 },
        Qualifier::LessThan => Interval { lo: 0.0, hi: v + rounding, lo_open: false, hi_open: rounding == 0.0 },
        // "About" is loose in news copy: a fifth either way.
        Qualifier::About => Interval { lo: v * 0.8 - rounding, hi: v * 1.2 + rounding, lo_open: false, hi_open: false },
        Qualifier::UpTo => Interval { lo: 0.0, hi: v + rounding, lo_open: false, hi_open: false },
        Qualifier::Range => Interval { lo: v - rounding, hi: hi.unwrap_or(v) + rounding, lo_open: false, hi_open: false },
    }
}

/// The qualifier right before a number, and where it starts.
pub(crate) fn qualifier_before(words: &SentenceWords, start: usize) -> (Qualifier, usize) {
    // `sebanyak`, `total`, `mencapai` are neutral and may stand between a qualifier and the number.
    let mut at = start;
    if at > words.tokens.start && matches!(words.at(at - 1), Some("sebanyak" | "total" | "mencapai" | "a" | "an" | "the" | "sejumlah")) {
        at -= 1;
    }
    for probe in [start, at] {
        if let Some((q_start, q)) = phrase_ending_at(words, probe, QUALIFIERS) {
            // `bertambah hingga 15` is an update; `dari 10 hingga 12` a range's end.
            if q == Qualifier::UpTo && q_start > words.tokens.start && matches!(words.at(q_start - 1), Some("bertambah" | "naik" | "meningkat" | "rose" | "increased" | "dari" | "from")) {
                return (Qualifier::Exact, q_start);
            }
            // `over` and `under` are also prepositions: only a qualifier before a bare number.
            return (q, q_start);
        }
    }
    (Qualifier::Exact, start)
}

type Found = (Kind, Option<String>, bool, bool, usize);

/// What a number counts, read after it: `12 orang tewas`, `18 lainnya hilang`, `327 rumah rusak`,
/// `70 rudal`, `delapan jenazah`. Returns (kind, group, counts bodies, part of a larger count, end).
fn kind_after(article: &Article, sentence: usize, from: usize) -> Option<Found> {
    let doc = article.doc;
    let words = &article.sentences[sentence];
    let end = words.tokens.end;
    let mut k = from;
    let mut head: Option<String> = None;
    let mut extra_words = 0;
    let mut subset = false;
    while k < end {
        let w = words.at(k)?;
        if let Some(n) = match_phrase(words, k, SUBSET_AFTER) {
            subset = true;
            k += n;
            continue;
        }
        if head.is_none() {
            if let Some((_, kind)) = KIND_HEADS.iter().find(|(h, _)| *h == w) {
                let group = missile_group(article, sentence, from, k + 1);
                return Some((*kind, if matches!(kind, Kind::Missiles | Kind::Drones) { group } else { None }, false, subset, k + 1));
            }
            if BODY_HEADS.contains(&w) {
                return Some((Kind::Dead, None, true, subset, k + 1));
            }
            if HOUSE_HEADS.contains(&w) {
                return house_state(words, k + 1).map(|(state, e)| (Kind::Houses, Some(state.to_string()), false, subset, e));
            }
        }
        if let Some((n, kind, group)) = KIND_AFTER.iter().find_map(|(p, kind, g)| words.phrase_str_at(k, p).map(|n| (n, *kind, *g))) {
            // An English participle after a plain noun is the kind (`10 people killed`); after
            // `who`/`that` it must be passive (`who were killed`), which the connectors allow.
            let head_group = head.as_deref().filter(|h| !GENERIC_HEADS.contains(h)).map(normalise_group);
            // `six deaths were of children`, `tiga korban tewas adalah anak-anak`: a narrower group.
            let mut after = k + n;
            let trailing_group = if words.at(after).is_some_and(|w| matches!(w, "were" | "was" | "are" | "adalah" | "merupakan")) {
                after += 1;
                if words.at(after) == Some("of") {
                    after += 1;
                }
                words
                    .at(after)
                    .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '-') && !GENERIC_HEADS.contains(w))
                    // `were caused by`, `were still`: not a group.
                    .filter(|w| !w.ends_with("ed") && !w.ends_with("ing") && !CONNECTORS.contains(w) && !matches!(*w, "in" | "at" | "on" | "not" | "still" | "among" | "the" | "di" | "dalam" | "akibat" | "karena"))
                    .map(normalise_group)
            } else {
                None
            };
            let group = group.map(str::to_string).or(head_group).or(trailing_group);
            return Some((kind, group, false, subset, k + n));
        }
        if CONNECTORS.contains(&w) {
            k += 1;
            continue;
        }
        let tok = &doc.tokens[k];
        let is_plain_word = tok.kind == TokenKind::Word && w.chars().all(|c| c.is_alphabetic() || c == '-');
        if !is_plain_word || matches!(w, "dan" | "and" | "serta" | "or" | "atau" | "di" | "in" | "at" | "dari" | "of" | "ke" | "to" | "for" | "untuk" | "dengan" | "with" | "pada" | "on" | "by" | "oleh") {
            return None;
        }
        if head.is_none() {
            if UNITS.contains(&w) {
                return None;
            }
            head = Some(w.to_string());
        } else if extra_words < 1 {
            extra_words += 1;
        } else {
            return None;
        }
        k += 1;
    }
    None
}

fn normalise_group(head: &str) -> String {
    // `anak-anak` -> `anak`; English plurals are left as written (the comparison is exact).
    match head.split_once('-') {
        Some((a, b)) if a == b => a.to_string(),
        _ => head.to_string(),
    }
}

/// `rusak`, `rusak berat`, `hancur`... after a house noun (connectors allowed).
fn house_state(words: &SentenceWords, mut k: usize) -> Option<(&'static str, usize)> {
    let end = words.tokens.end;
    let mut skipped = 0;
    while k < end && skipped < 3 {
        for (p, state) in HOUSE_STATES {
            if let Some(n) = words.phrase_str_at(k, p) {
                return Some((state, k + n));
            }
        }
        if words.at(k).is_some_and(|w| CONNECTORS.contains(&w) || matches!(w, "warga" | "penduduk" | "were" | "have")) {
            k += 1;
            skipped += 1;
        } else {
            return None;
        }
    }
    None
}

/// Whether missiles or drones were launched or intercepted, from the words around them.
fn missile_group(article: &Article, sentence: usize, from: usize, to: usize) -> Option<String> {
    let words = &article.sentences[sentence];
    let range = from.saturating_sub(5).max(words.tokens.start)..(to + 4).min(words.tokens.end);
    const INTERCEPTED: &[&str] = &[
        "dicegat", "ditembak jatuh", "menembak jatuh", "dihancurkan", "berhasil dihalau", "intercepted", "shot down", "downed",
        "destroyed", "mencegat",
    ];
    const LAUNCHED: &[&str] = &["diluncurkan", "meluncurkan", "ditembakkan", "menembakkan", "launched", "fired", "firing", "launching"];
    if words.any_phrase_in(range.clone(), INTERCEPTED) {
        Some("intercepted".to_string())
    } else if words.any_phrase_in(range, LAUNCHED) {
        Some("launched".to_string())
    } else {
        None
    }
}

/// What a number counts, read before it: `menewaskan setidaknya 15 orang`, `killed 12`,
/// `jumlah korban tewas ... adalah 13 orang`, `the death toll rose to 15`.
fn kind_before(article: &Article, sentence: usize, qual_start: usize, number_end: usize) -> Option<Found> {
    let words = &article.sentences[sentence];
    if let Some((_, kind)) = phrase_ending_at(words, qual_start, KIND_BEFORE) {
        // `killed five girls`: the noun after the number narrows the group.
        let head = words.at(number_end).filter(|w| article.doc.tokens[number_end].kind == TokenKind::Word && w.chars().all(|c| c.is_alphabetic() || c == '-'));
        if head.is_some_and(|h| UNITS.contains(&h)) {
            return None;
        }
        let group = head
            .filter(|h| !GENERIC_HEADS.contains(h) && !CONNECTORS.contains(h) && !matches!(*h, "dan" | "and" | "in" | "at" | "on" | "di" | "dalam" | "of" | "dari" | "with" | "dengan" | "serta" | "since" | "sejak"))
            .map(normalise_group);
        return Some((kind, group, false, false, qual_start));
    }
    // A noun phrase joined by a linking verb, within the clause and with no other number between.
    let link_at = qual_start.checked_sub(1).filter(|&t| t >= words.tokens.start)?;
    let linked = words.at(link_at).is_some_and(|w| LINKS.contains(&w));
    let clause = clause_of(article, sentence, qual_start.min(words.tokens.end.saturating_sub(1)));
    let limit = qual_start.saturating_sub(10).max(clause.start);
    let mut t = if linked { link_at } else { qual_start };
    while t > limit {
        t -= 1;
        if article.doc.tokens[t].kind == TokenKind::Number {
            return None;
        }
        for (phrase, kind) in KIND_NOUNS {
            if let Some(n) = words.phrase_str_at(t, phrase) {
                // Right before the number (`korban tewas 15 orang`) or joined by a link.
                let adjacent = t + n == qual_start;
                return (adjacent || linked).then_some((*kind, None, false, false, qual_start));
            }
        }
    }
    None
}

/// A prison term: `vonis 15 tahun penjara`, `sentenced to nine years in prison`, `an 11-year
/// sentence`; the prosecution's demand when the nearest cue before it is a demand.
fn prison_term(article: &Article, index: usize, m: &NumberMention, end: usize) -> Option<(Kind, f64, Option<usize>)> {
    let words = &article.sentences[m.sentence];
    let mut k = end;
    if words.at(k) == Some("-") {
        k += 1;
    }
    let unit = words.at(k)?;
    let per_year = match unit {
        "tahun" | "years" | "year" => 1.0,
        "bulan" | "months" | "month" => 1.0 / 12.0,
        _ => return None,
    };
    let mut extra_months = 0.0;
    let mut months_mention = None;
    let mut after = k + 1;
    // `15 tahun 6 bulan`
    if let Some(next) = article.mentions.get(index + 1).filter(|o| o.tokens.start == after && o.sentence == m.sentence)
        && per_year == 1.0
        && matches!(words.at(next.tokens.end), Some("bulan" | "months"))
    {
        extra_months = next.value / 12.0;
        after = next.tokens.end + 1;
        months_mention = Some(index + 1);
    }
    let prison_after = words.any_phrase_in(after..(after + 3).min(words.tokens.end), PRISON_AFTER);
    let cue_before = words.any_phrase_in(m.tokens.start.saturating_sub(4).max(words.tokens.start)..m.tokens.start, VERDICT_CUES)
        || words.any_phrase_in(m.tokens.start.saturating_sub(4).max(words.tokens.start)..m.tokens.start, DEMAND_CUES)
        || words.any_phrase_in(m.tokens.start.saturating_sub(4).max(words.tokens.start)..m.tokens.start, &["penjara", "prison", "jail", "selama"]);
    if !(prison_after || cue_before) {
        return None;
    }
    // Not a term at all: an age, a period of time.
    if words.any_in(m.tokens.start.saturating_sub(3).max(words.tokens.start)..m.tokens.start, PRISON_EXTRA) {
        return None;
    }
    // The nearest strong cue before the number decides between verdict and demand.
    let mut kind = Kind::Prison;
    let mut t = m.tokens.start;
    while t > words.tokens.start {
        t -= 1;
        let w = words.at(t).unwrap_or("");
        if LIMIT_CUES.contains(&w) {
            return None;
        }
        if DEMAND_CUES.contains(&w) {
            kind = Kind::Demand;
            break;
        }
        if VERDICT_CUES.contains(&w) && !matches!(w, "dihukum" | "hukuman" | "pidana" | "sentence" | "imprisonment" | "menghukum") {
            break;
        }
    }
    Some((kind, m.value * per_year + extra_months, months_mention))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, LanguageChoice};
    use crate::prose::DocFormat;

    fn read(text: &str, language: Language) -> Vec<(String, Kind, Qualifier, Option<String>)> {
        let doc = Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(language), ..Default::default() });
        let article = Article::new(&doc);
        claims(&article).into_iter().map(|c| (doc.str(c.span).to_string(), c.kind, c.qualifier, c.group)).collect()
    }

    #[test]
    fn reads_what_is_counted() {
        let got = read(
            "Serangan itu menewaskan setidaknya 12 orang. Sebanyak 10 orang tewas dan 90 terluka, 18 lainnya hilang. Lebih dari 1.200 warga telah mengungsi. Sedikitnya 327 rumah rusak, 41 di antaranya hanyut.",
            Language::Id,
        );
        let kinds: Vec<(&str, Kind, Qualifier)> = got.iter().map(|(s, k, q, _)| (s.as_str(), *k, *q)).collect();
        assert_eq!(
            kinds,
            [
                ("12", Kind::Dead, Qualifier::AtLeast),
                ("10", Kind::Dead, Qualifier::Exact),
                ("90", Kind::Injured, Qualifier::Exact),
                ("18", Kind::Missing, Qualifier::Exact),
                ("1.200", Kind::Displaced, Qualifier::MoreThan),
                ("327", Kind::Houses, Qualifier::AtLeast),
            ]
        );
    }

    #[test]
    fn words_groups_ranges_and_bodies() {
        let got = read("Dua belas anak tewas. Sekitar 10-12 orang luka berat. Delapan jenazah dibawa ke RSUD. Jumlah korban tewas yang dikonfirmasi adalah 13 orang.", Language::Id);
        assert_eq!(got[0], ("Dua belas".to_string(), Kind::Dead, Qualifier::Exact, Some("anak".to_string())));
        assert_eq!(got[1], ("10-12".to_string(), Kind::Injured, Qualifier::Range, Some("serious".to_string())));
        assert_eq!((got[2].0.as_str(), got[2].1), ("Delapan", Kind::Dead));
        assert_eq!((got[3].0.as_str(), got[3].1), ("13", Kind::Dead));
    }

    #[test]
    fn english_claims() {
        let got = read("The strike killed at least 12 people. Ten people were killed and 90 wounded. Nearly 70 missiles were intercepted.", Language::En);
        let kinds: Vec<(&str, Kind, Qualifier)> = got.iter().map(|(s, k, q, _)| (s.as_str(), *k, *q)).collect();
        assert_eq!(kinds, [("12", Kind::Dead, Qualifier::AtLeast), ("Ten", Kind::Dead, Qualifier::Exact), ("90", Kind::Injured, Qualifier::Exact), ("70", Kind::Missiles, Qualifier::Nearly)]);
        assert_eq!(got[3].3.as_deref(), Some("intercepted"));
    }

    #[test]
    fn prison_terms_and_demands() {
        let got = read("Hakim menjatuhkan vonis 15 tahun penjara. Jaksa meminta terdakwa dihukum 18 tahun penjara. Ia divonis 2 tahun 6 bulan.", Language::Id);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("15", Kind::Prison), ("18", Kind::Demand), ("2", Kind::Prison)]);
        let got = read("The prosecution had sought an 11-year sentence. He was sentenced to nine years in prison.", Language::En);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("11", Kind::Demand), ("nine", Kind::Prison)]);
        // A guideline's or the law's range is no term given.
        let got = read("Sentencing guidelines called for a prison term of 97 months. He was sentenced to 96 months in prison.", Language::En);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("96", Kind::Prison)]);
        // A term in place of unpaid restitution or a fine, only if unpaid.
        let got = read("Hakim menjatuhkan vonis lima tahun penjara. Jika tidak dibayar, hartanya disita. Bila tidak mencukupi, diganti pidana penjara dua tahun.", Language::Id);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("lima", Kind::Prison)]);
        let got = read("Ia divonis empat tahun penjara dan denda Rp 200 juta subsider enam bulan kurungan.", Language::Id);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("empat", Kind::Prison), ("200 juta", Kind::Money)]);
        let got = read("Tersangka diancam hukuman maksimal 15 tahun penjara. Hakim menjatuhkan vonis 12 tahun penjara.", Language::Id);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("12", Kind::Prison)]);
        // The share of a term served before parole is no term.
        let got = read("He was jailed for 12 years. He will be eligible for parole after serving two-thirds of the sentence, or eight years.", Language::En);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("12", Kind::Prison)]);
        let got = read("Ia divonis sembilan tahun penjara. Ia bisa bebas bersyarat setelah menjalani dua pertiga hukuman, atau enam tahun penjara.", Language::Id);
        let kinds: Vec<(&str, Kind)> = got.iter().map(|(s, k, _, _)| (s.as_str(), *k)).collect();
        assert_eq!(kinds, [("sembilan", Kind::Prison)]);
    }

    #[test]
    fn not_claims() {
        // Years, dates, times, scores, labels, vague words and uncounted nouns.
        assert!(read("Pada 2024 pukul 14.30, skor 2-1, Pasal 5, ratusan orang tewas, 5 meter, tiga kali.", Language::Id).is_empty());
    }
}
