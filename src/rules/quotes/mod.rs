//! Quotations: who said it (attribution), whether every mark is paired, and the form of the marks
//! and the punctuation around them. Built on [`crate::quotation`], which pairs the marks.

use crate::document::{Document, Sentence, Token, TokenKind};
use crate::lexicon::WordSet;
use std::sync::LazyLock;
use crate::language::Language;
use crate::quotation::{Quotation, Quotations};
use crate::prose::{is_title_case, BlockKind};

pub mod style;
pub mod unattributed;
pub mod unbalanced;

/// Indonesian reporting verbs that follow a quotation without a prefix: `“…,” kata Budi`,
/// `“…,” ujarnya`. Each also counts with `-nya`.
const ID_POSTPOSED: &[&str] = &[
    "kata", "ujar", "ucap", "ungkap", "tutur", "jelas", "terang", "tegas", "tambah", "imbuh", "sebut",
    "lanjut", "tukas", "pungkas", "papar", "urai", "beber", "kilah", "seru", "sergah", "timpal", "tanya",
    "keluh", "aku", "klaim", "pinta", "perintah", "bilang", "tulis", "cerita", "kenang", "pesan", "canda",
    "sahut", "jawab", "balas", "sindir", "tuding", "tandas", "celetuk", "bisik", "teriak", "gumam", "tutup",
    "harap", "ajak", "imbau", "desak", "tuntut", "janji", "sambung", "protes", "kritik", "puji", "kelakar",
    "tepis", "bantah", "sanggah", "nilai", "singgung", "tanggap", "ingat", "sesal", "seloroh", "ceplos",
    "gurau", "kisah", "curhat", "ulas", "rinci", "jabar", "tegur", "sapa",
];

/// Reporting verbs with their prefixes, and the passive forms, wherever they stand.
const ID_REPORTING: &[&str] = &[
    "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "menerangkan", "menyebutkan", "menyebut",
    "meminta", "berkata", "bertanya", "menanyakan", "mempertanyakan", "menuturkan", "bertutur",
    "mengungkapkan", "mengungkap", "menambahkan", "mengimbuhkan", "melanjutkan", "menukas", "memaparkan",
    "menguraikan", "membeberkan", "mengakui", "mengaku", "mengeluhkan", "mengeluh", "menjawab",
    "menyampaikan", "mengingatkan", "mengimbau", "menghimbau", "mengklaim", "mengeklaim", "membantah",
    "menampik", "menyanggah", "menilai", "menulis", "menuliskan", "mencuit", "mengunggah", "menyerukan",
    "berujar", "berucap", "berpesan", "mengucapkan", "bercerita", "menceritakan", "mengisahkan", "berkisah",
    "mengenang", "menanggapi", "menekankan", "memastikan", "menandaskan", "menyimpulkan", "mengusulkan",
    "berdalih", "berkilah", "menuding", "menuduh", "mengkritik", "mengecam", "memperingatkan",
    "mengumumkan", "menginstruksikan", "memerintahkan", "menyarankan", "mengajak", "berharap",
    "mengharapkan", "berjanji", "menjanjikan", "bersumpah", "berseru", "berteriak", "meneriakkan",
    "menyanyikan", "berbisik", "membisikkan", "menimpali", "menyahut", "membalas", "menyela", "menyindir",
    "menggambarkan", "mengutip", "melansir", "mengomentari", "berkomentar", "berpendapat", "bersaksi",
    "menyinggung", "mengutarakan", "mengemukakan", "menyoroti", "memuji", "menyayangkan", "menyesalkan",
    "menuntut", "mendesak", "menganggap", "memprediksi", "memperkirakan", "menginformasikan",
    "memberitahu", "memberitahukan", "menyanggupi", "berargumen", "berkelakar",
    "bercanda", "mengatakannya", "menyatakannya", "menjelaskannya", "menyebutnya", "menirukan", "mengulangi",
    "menjabarkan", "merinci", "mengulas", "berseloroh", "berbicara", "menyapa", "meyakini", "mengklarifikasi",
    "mengonfirmasi", "membenarkan", "mencontohkan", "menggarisbawahi",
    // Passive: `Hal itu disampaikan Budi`.
    "dikatakan", "disampaikan", "diungkapkan", "ditegaskan", "dijelaskan", "disebutkan", "dituturkan",
    "ditambahkan", "diucapkan", "diutarakan", "dikemukakan", "diterangkan", "dipaparkan", "dikutip",
    "dilansir", "dilaporkan", "ditulis", "tertulis", "berbunyi", "bertuliskan", "diakui", "dinyatakan",
    "diumumkan", "dicuitkan", "diunggah", "diserukan", "diteriakkan", "dilontarkan",
    // Where the words come from.
    "menurut", "menurutnya", "keterangan", "pernyataan", "unggahan", "cuitan", "kutipan", "wawancara",
    "konferensi", "siaran",
];

const EN_REPORTING: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "asked",
    "asks", "asking", "wrote", "writes", "writing", "stated", "states", "noted", "notes", "noting",
    "explained", "explains", "warned", "warns", "warning", "insisted", "insists", "insisting", "recalled",
    "recalls", "tweeted", "tweets", "posted", "posts", "argued", "argues", "arguing", "claimed", "claims",
    "claiming", "replied", "replies", "responded", "answered", "announced", "announces", "declared",
    "continued", "concluded", "acknowledged", "admitted", "confirmed", "cautioned", "urged", "urging",
    "complained", "remarked", "observed", "commented", "emphasised", "emphasized", "stressed", "suggested",
    "shouted", "yelled", "whispered", "testified", "recounted", "quipped", "joked", "exclaimed", "predicted",
    "described", "describing", "describes", "called", "calling", "calls", "vowed", "promised", "agreed",
    "countered", "reiterated", "boasted", "lamented", "conceded", "pleaded", "demanded", "chanted",
    "chanting", "sang", "quoted", "quoting", "cited", "according", "statement", "interview", "reported",
    "reports", "texted", "emailed", "captioned", "proclaimed", "assured", "advised", "informed", "asserted",
    "maintained", "affirmed", "disclosed", "revealed", "briefed", "mused", "sighed", "wondered", "recalling",
    "describing", "pointing", "pointed", "accused", "criticised", "criticized", "praised", "thanked",
    "apologised", "apologized", "denied", "denies", "rejected", "dismissed", "predicts", "hopes", "hoped",
    "believes", "believed", "thinks", "thought", "felt", "feels", "explaining", "tweeting", "posting",
    "reads", "snapped", "retorted", "murmured", "cried", "screamed", "begged", "reflected", "elaborated",
    "clarified", "contended", "opined", "speculated", "interjected", "protested", "objected", "ordered",
    "instructed", "spoke", "speaking", "replying", "responding",
];

/// Words that introduce a quoted title, name, term, sign or slogan, not speech.
const ID_NAMING: &[&str] = &[
    "buku", "film", "lagu", "album", "judul", "berjudul", "bertajuk", "tajuk", "bertema", "tema", "slogan",
    "semboyan", "motto", "moto", "tagar", "poster", "spanduk", "baliho", "bertuliskan", "tulisan",
    "berbunyi", "istilah", "kata", "frasa", "sebutan", "julukan", "dijuluki", "disebut", "dikenal",
    "bernama", "nama", "program", "acara", "gerakan", "kampanye", "operasi", "kolom", "rubrik", "artikel",
    "novel", "puisi", "sajak", "drama", "serial", "sinetron", "festival", "pameran", "lomba", "yel-yel",
    "kalimat", "ungkapan", "peribahasa", "pepatah", "doa", "label", "merek", "jargon", "sebagai", "pesan",
    "surat", "status", "keterangan", "takarir", "narasi", "lirik", "bait", "ayat", "pasal", "bunyi",
];

const EN_NAMING: &[&str] = &[
    "book", "film", "movie", "song", "album", "titled", "entitled", "title", "called", "dubbed", "named",
    "nicknamed", "headlined", "headline", "slogan", "motto", "hashtag", "banner", "banners", "sign", "signs",
    "placard", "placards", "poster", "posters", "reading", "read", "reads", "word", "words", "term", "phrase",
    "so-called", "known", "label", "labelled", "labeled", "branded", "campaign", "operation", "program",
    "programme", "show", "series", "novel", "poem", "chant", "chants", "as", "message", "caption", "letter",
    "lyrics", "verse", "article", "report", "column", "essay", "documentary", "play", "exhibition",
];

const ID_PRONOUNS: &[&str] = &["dia", "ia", "mereka", "beliau", "saya", "kami", "kita", "aku", "anda", "pihaknya"];
const EN_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];

/// Words that may follow a postposed reporting verb without being its speaker.
const NOT_SPEAKERS: &[&str] = &["bahwa", "dan", "yang", "di", "ke", "dari", "untuk", "pada", "dengan", "itu", "ini", "atau"];

/// Words that make a capitalised run an institution or a place rather than a person.
const INSTITUTION_WORDS: &[&str] = &[
    "kementerian", "dinas", "badan", "kantor", "pemerintah", "pemkab", "pemkot", "pemprov", "polres", "polda",
    "polsek", "kabupaten", "kota", "provinsi", "partai", "universitas", "bank", "rumah", "sakit", "pengadilan",
    "komisi", "dewan", "majelis", "lembaga", "direktorat", "kejaksaan", "kepolisian", "markas", "sekolah",
    "perusahaan", "yayasan", "asosiasi", "ikatan", "persatuan", "balai", "pusat", "desa", "kecamatan", "jalan",
    "ministry", "department", "office", "agency", "council", "court", "police", "university", "company",
    "government", "committee", "commission", "association", "institute", "bureau", "service", "authority",
    "party", "bank", "hospital", "school", "club", "fc", "united", "city", "county", "province", "district",
    "inc", "ltd", "corp", "group", "news", "times", "post", "tbk", "pt", "cv",
];

pub(crate) fn lower(doc: &Document, token: &Token) -> String {
    doc.token_str(token).to_lowercase()
}

/// Postposed verbs that are nothing else; the others (`tambah`, `jelas`, `tegas`) are also
/// adverbs or adjectives and need a name or pronoun after them to count.
const ID_POSTPOSED_UNAMBIGUOUS: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "ungkap", "tukas", "pungkas", "imbuh", "papar", "beber", "kilah", "seru",
    "sergah", "timpal", "tanya", "keluh", "seloroh", "celetuk",
];

/// The words after a postposed verb name its speaker: any word after an unambiguous verb, a name
/// or a pronoun after the others.
fn speaker_follows(doc: &Document, verb: &str, next: Option<&Token>) -> bool {
    next.is_some_and(|n| {
        let w = lower(doc, n);
        n.kind == TokenKind::Word
            && !NOT_SPEAKERS.contains(&w.as_str())
            && (ID_POSTPOSED_UNAMBIGUOUS.contains(&verb) || is_name_word(doc, n) || is_pronoun(&w))
    })
}

fn is_postposed_verb(word: &str) -> bool {
    // A root whose bare form is a verb of saying (`“…,” kicau Budi`) counts too.
    POSTPOSED.contains(word) || SPEECH_ROOTS.iter().any(|&(r, needs_suffix)| !needs_suffix && r == word)
}

/// The (first byte, length) pairs of the reporting and postposed verbs: most words of an
/// article are none of them, and this tells so without hashing the word.
static VERB_SHAPES: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let mut bits = [0u64; 256];
    for w in ID_POSTPOSED.iter().chain(ID_REPORTING).chain(EN_REPORTING) {
        if let Some(&b) = w.as_bytes().first() {
            bits[usize::from(b)] |= 1 << w.len().min(63);
        }
    }
    bits
});

fn may_be_verb(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|&b| VERB_SHAPES[usize::from(b)] & (1 << word.len().min(63)) != 0)
}

/// The verb lists as sets: [`person_mentions`] asks about every word of the article, and a
/// search through the lists for each cost more than the rest of the rule.
static POSTPOSED: LazyLock<WordSet<&'static str>> = LazyLock::new(|| ID_POSTPOSED.iter().copied().collect());
static REPORTING: LazyLock<WordSet<&'static str>> = LazyLock::new(|| ID_REPORTING.iter().chain(EN_REPORTING).copied().collect());

/// `katanya`, `ujarnya`, `tambahnya`: a postposed verb with its speaker as a suffix.
fn is_postposed_with_speaker(word: &str) -> bool {
    word.strip_suffix("nya").is_some_and(is_postposed_verb)
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    ID_PRONOUNS.contains(&word) || EN_PRONOUNS.contains(&word)
}

/// Whether a run of tokens (the writer's words around a quotation, quotations left out) says who
/// speaks: a reporting verb, a postposed verb with a speaker, `menurut X`, `according to`.
pub(crate) fn has_reporting_cue(doc: &Document, tokens: &[usize]) -> bool {
    crate::work::count(tokens.len());
    (0..tokens.len()).any(|k| cue_at(doc, tokens, k))
}

/// Indonesian roots whose verbs say or write words, whatever their affixes: *kata* gives
/// *berkata*, *mengatakan*, *dikatakan*, *dikatakannya*. Each with whether its prefixed forms
/// need `-kan` or `-i` to mean speech (*menambah* adds, *menambahkan* adds a remark; *mengungkap*
/// uncovers a case, *mengungkapkan* says).
const SPEECH_ROOTS: &[(&str, bool)] = &[
    ("kata", true), ("ujar", false), ("ucap", true), ("ungkap", true), ("tutur", true), ("jelas", true),
    ("terang", true), ("tegas", true), ("tambah", true), ("imbuh", true), ("sebut", false), ("tukas", false),
    ("pungkas", false), ("papar", true), ("beber", true), ("kilah", false), ("seru", false), ("sergah", false),
    ("timpal", true), ("tanya", false), ("keluh", false), ("aku", false), ("klaim", false), ("tulis", false),
    ("cerita", true), ("kisah", true), ("kicau", false), ("cuit", false), ("sampai", true), ("nyata", true),
    ("simpul", true), ("umum", true), ("jawab", false), ("bicara", false), ("kutip", false), ("lansir", false),
    ("lapor", true), ("sahut", false), ("bisik", false), ("teriak", false), ("tandas", true), ("celetuk", false),
    ("seloroh", false), ("canda", false), ("kelakar", false), ("urai", true), ("rinci", false), ("jabar", true),
    ("utara", true), ("kemuka", true), ("ulang", true), ("tegur", false), ("sindir", false), ("bantah", false),
    ("sanggah", false), ("tepis", false), ("pesan", false), ("ingat", true), ("tanggap", true), ("gambar", true),
    ("komentar", false), ("tegur", false),
];

/// The speech root of an Indonesian verb with its prefix (`me-` with its nasal, `di-`, `ber-`)
/// and suffixes (`-kan`, `-i`, `-nya`): `menyampaikan` -> `sampai`, `ditegaskannya` -> `tegas`,
/// `berkicau` -> `kicau`. Bare roots are left to the postposed rules, which ask for a speaker.
pub(crate) fn speech_root(word: &str) -> Option<&'static str> {
    if word.len() < 5 || !word.is_ascii() {
        return None;
    }
    let mut stems: Vec<(String, bool)> = Vec::new();
    if let Some(s) = word.strip_prefix("me") {
        let mut add = |r: String| stems.push((r, false));
        if let Some(r) = s.strip_prefix("ng") {
            add(r.to_string());
            add(format!("k{r}"));
        } else if let Some(r) = s.strip_prefix("ny") {
            add(format!("s{r}"));
            add(s.to_string());
        } else if let Some(r) = s.strip_prefix('m') {
            add(format!("p{r}"));
            add(r.to_string());
        } else if let Some(r) = s.strip_prefix('n') {
            add(format!("t{r}"));
            add(r.to_string());
        } else {
            add(s.to_string());
        }
    } else if let Some(r) = word.strip_prefix("di") {
        stems.push((r.to_string(), false));
    } else if let Some(r) = word.strip_prefix("ber") {
        stems.push((r.to_string(), true));
    }
    for (stem, ber) in stems {
        // `-nya` is a clitic, or the end of the root itself (`bertanya`).
        let mut forms = Vec::new();
        for stem in std::iter::once(stem.as_str()).chain(stem.strip_suffix("nya")) {
            forms.push((stem.to_string(), false));
            for suffix in ["kan", "i"] {
                if let Some(r) = stem.strip_suffix(suffix) {
                    forms.push((r.to_string(), true));
                }
            }
        }
        for (root, suffixed) in forms {
            crate::work::count(1);
            if let Some(&(r, _)) = SPEECH_ROOTS.iter().find(|&&(r, needs_suffix)| r == root && (suffixed || ber || !needs_suffix)) {
                return Some(r);
            }
        }
    }
    None
}

/// English verbs of saying and writing, by their base form.
const EN_SPEECH_LEMMAS: &[&str] = &[
    "say", "tell", "add", "write", "state", "note", "explain", "tweet", "post", "reply", "respond", "answer",
    "announce", "declare", "ask", "insist", "warn", "recall", "argue", "claim", "admit", "confirm", "acknowledge",
    "stress", "emphasise", "emphasize", "conclude", "comment", "remark", "observe", "testify", "quip", "joke",
    "exclaim", "shout", "yell", "whisper", "text", "email", "reiterate", "concede", "lament", "boast", "counter",
    "retort", "caution", "recount", "complain", "urge", "plead", "speak", "deny", "reveal", "disclose", "assert",
    "contend", "mention", "report", "describe", "point",
];

/// The base form of an English verb of saying or writing, from any of its forms: `said`,
/// `tells`, `writing`, `replied`, `points` (as in *points out*).
pub(crate) fn en_speech_lemma(word: &str) -> Option<&'static str> {
    let irregular = match word {
        "said" | "says" => Some("say"),
        "told" => Some("tell"),
        "wrote" | "written" => Some("write"),
        "spoke" | "spoken" => Some("speak"),
        _ => None,
    };
    let find = |w: &str| EN_SPEECH_LEMMAS.iter().copied().find(|l| *l == w);
    if let Some(l) = irregular.or_else(|| find(word)) {
        return Some(l);
    }
    let mut candidates: Vec<String> = Vec::new();
    for (suffix, replacement) in [("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")] {
        if let Some(stem) = word.strip_suffix(suffix) {
            candidates.push(format!("{stem}{replacement}"));
            // `quipped`, `admitted`: a doubled last consonant.
            let b = stem.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                candidates.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    candidates.iter().find_map(|c| find(c))
}

/// Whether a word is a verb of saying or writing in either language, by its grammar.
fn is_speech_verb(word: &str) -> bool {
    speech_root(word).is_some() || en_speech_lemma(word).is_some_and(|l| l != "point")
}

/// Words between a subject and its verb that do not hide the subject (`Ia juga meminta`).
const ADVERBS: &[&str] = &["juga", "pun", "lalu", "kemudian", "pun", "kembali", "sempat", "also", "then", "again", "later", "previously"];

/// A subject stands right before token `i`: a name or any capitalised word, a pronoun, or the
/// comma closing an apposition (`Budi, warga setempat, meminta`), one adverb allowed between.
fn subject_before(doc: &Document, i: usize) -> bool {
    let mut p = i;
    for step in 0..2 {
        let Some(q) = p.checked_sub(1) else { return false };
        let t = &doc.tokens[q];
        let text = doc.token_str(t);
        if text == "," {
            return true;
        }
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = lower(doc, t);
        if is_pronoun(&w) || text.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        if step == 0 && ADVERBS.contains(&w.as_str()) {
            p = q;
            continue;
        }
        return false;
    }
    false
}

/// Whether `tokens[k]` is a reporting cue strong enough to attribute a quotation in a
/// neighbouring sentence or paragraph: a verb of saying or writing, or any other reporting verb
/// (*meminta*, *berharap*, *menuntut*, *hopes*) with its subject right before it (*Budi
/// meminta*, not *investor mulai menuntut*, *sisanya harus melanjutkan*).
fn strong_cue_at(doc: &Document, tokens: &[usize], k: usize) -> bool {
    if !cue_at(doc, tokens, k) {
        return false;
    }
    let i = tokens[k];
    let w = doc.token_lower(i);
    let listed = ID_REPORTING.contains(&w) || EN_REPORTING.contains(&w);
    if matches!(w, "menurut" | "according") {
        return !cites_data(doc, i);
    }
    // An English verb in its base form is as often a noun (`state labor data`, `a text`, `the
    // report`): a verb only after its subject (`they say`).
    if en_speech_lemma(w) == Some(w) {
        return subject_before(doc, i);
    }
    !listed || is_speech_verb(w) || w == "menurutnya" || subject_before(doc, i)
}

/// Sources that hold figures and say nothing: a quotation cannot be theirs.
const DATA_SOURCES: &[&str] = &[
    "data", "records", "record", "figures", "statistics", "estimates", "estimate", "census", "tally", "tallies", "database", "survey", "poll",
    "catatan", "angka", "statistik", "perkiraan", "sensus", "rekapitulasi", "survei", "hitungan", "perhitungan", "pendataan",
];

/// `according to police records`, `menurut data BPS`: the words after `according to` / `menurut`
/// (up to the next punctuation) name figures, not a speaker. Such a cue attributes its own
/// sentence, never a quotation in the next sentence or paragraph.
fn cites_data(doc: &Document, i: usize) -> bool {
    doc.tokens[i + 1..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .take(6)
        .any(|t| DATA_SOURCES.contains(&lower(doc, t).as_str()))
}

/// Whether `tokens[k]` is a reporting cue in the run `tokens`: it reads the token itself, the
/// document's tokens right before it, and `tokens[k + 1]` (nothing further), which lets a
/// [`TokenRun`] answer for any stretch of itself from one pass.
fn cue_at(doc: &Document, tokens: &[usize], k: usize) -> bool {
    let i = tokens[k];
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.token_lower(i);
    let (reporting, point) = lexical_cue(w);
    if reporting {
        return true;
    }
    // `points out`.
    if point {
        return tokens.get(k + 1).is_some_and(|&n| doc.token_lower(n) == "out");
    }
    // Right after the closing mark: `“…,” ujar dia`, `“…?” tanya seorang warga`, `“…,” pesannya`.
    let after_quote = i.checked_sub(1).map(|p| doc.token_str(&doc.tokens[p])).is_some_and(|p| {
        matches!(p, "”" | "\"" | "’" | "»" | "“")
            || (p == "," && i.checked_sub(2).is_some_and(|pp| matches!(doc.token_str(&doc.tokens[pp]), "”" | "\"" | "’" | "»")))
    });
    if let Some(base) = w.strip_suffix("nya").filter(|b| is_postposed_verb(b)) {
        // Elsewhere only the forms that are nothing but verbs (`katanya`, `tambahnya`), not
        // nouns such as `pesannya` (his message) or `nilainya` (its value).
        return after_quote || ID_POSTPOSED_UNAMBIGUOUS.contains(&base) || matches!(base, "tambah" | "jelas" | "tegas" | "terang" | "lanjut" | "sebut" | "tulis" | "aku");
    }
    if is_postposed_verb(w) {
        // A bare `tambah` or `jelas` elsewhere is an adverb or an adjective; `Kata Budi, “…”`
        // opens a sentence. A speaker must follow.
        if !(after_quote || w == "kata") {
            return false;
        }
        return tokens.get(k + 1).is_some_and(|&n| {
            let next = &doc.tokens[n];
            next.kind == TokenKind::Word && !NOT_SPEAKERS.contains(&doc.token_lower(n))
        });
    }
    false
}

/// What a word is by itself, whatever its neighbours: a reporting word or verb of saying in
/// either language, and whether it is a form of English `point` (a cue in `points out`). Worked
/// out by morphology ([`speech_root`], [`en_speech_lemma`]), which costs a few dozen string
/// candidates a word, so remembered per word on this thread (every token of an article is asked
/// about, and an article has far fewer distinct words).
fn lexical_cue(word: &str) -> (bool, bool) {
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, (bool, bool)>> = std::cell::RefCell::new(std::collections::HashMap::new());
    }
    const MOST: usize = 50_000;
    if let Some(known) = SEEN.with(|seen| seen.borrow().get(word).copied()) {
        return known;
    }
    let lemma = en_speech_lemma(word);
    let answer = (ID_REPORTING.contains(&word) || EN_REPORTING.contains(&word) || speech_root(word).is_some() || lemma.is_some_and(|l| l != "point"), lemma == Some("point"));
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= MOST {
            seen.clear();
        }
        seen.insert(word.to_string(), answer);
    });
    answer
}

/// A run of token indices, read once so that any stretch of it answers in constant time whether
/// it holds a reporting cue, how many words it has, and where its next word is.
pub(crate) struct TokenRun {
    pub tokens: Vec<usize>,
    /// `cues[k]`: how many of `tokens[..k]` are cues with the token after them in the run.
    cues: Vec<u32>,
    /// `strong[k]`: how many of `tokens[..k]` are strong cues ([`strong_cue_at`]) likewise.
    strong: Vec<u32>,
    /// `words[k]`: how many of `tokens[..k]` are words.
    words: Vec<u32>,
    /// `next_word[k]`: the first `j >= k` where `tokens[j]` is a word (`tokens.len()` if none).
    next_word: Vec<usize>,
}

impl TokenRun {
    pub(crate) fn new(doc: &Document, tokens: Vec<usize>) -> TokenRun {
        crate::work::count(tokens.len());
        let n = tokens.len();
        let (mut cues, mut strong, mut words) = (Vec::with_capacity(n + 1), Vec::with_capacity(n + 1), Vec::with_capacity(n + 1));
        cues.push(0u32);
        strong.push(0u32);
        words.push(0u32);
        for k in 0..n {
            let cue = k + 1 < n && cue_at(doc, &tokens, k);
            cues.push(cues[k] + u32::from(cue));
            strong.push(strong[k] + u32::from(cue && strong_cue_at(doc, &tokens, k)));
            words.push(words[k] + u32::from(doc.tokens[tokens[k]].kind == TokenKind::Word));
        }
        let mut next_word = vec![n; n + 1];
        for k in (0..n).rev() {
            next_word[k] = if doc.tokens[tokens[k]].kind == TokenKind::Word { k } else { next_word[k + 1] };
        }
        TokenRun { tokens, cues, strong, words, next_word }
    }

    /// `has_reporting_cue(doc, &self.tokens[range])`, in constant time.
    pub(crate) fn has_cue(&self, doc: &Document, range: std::ops::Range<usize>) -> bool {
        crate::work::count(1);
        if range.is_empty() {
            return false;
        }
        let last = range.end - 1;
        self.cues[last] > self.cues[range.start] || cue_at(doc, &self.tokens[last..=last], 0)
    }

    /// Whether `range` holds a [`strong_cue_at`], in constant time.
    pub(crate) fn has_strong_cue(&self, doc: &Document, range: std::ops::Range<usize>) -> bool {
        crate::work::count(1);
        if range.is_empty() {
            return false;
        }
        let last = range.end - 1;
        self.strong[last] > self.strong[range.start] || strong_cue_at(doc, &self.tokens[last..=last], 0)
    }

    /// How many words `range` holds.
    pub(crate) fn word_count(&self, range: std::ops::Range<usize>) -> usize {
        (self.words[range.end] - self.words[range.start]) as usize
    }

    /// The first word of `range`, as a position in the run.
    pub(crate) fn first_word(&self, range: std::ops::Range<usize>) -> Option<usize> {
        Some(self.next_word[range.start]).filter(|&k| k < range.end)
    }

    /// The first position in `range` of a token that starts at or after `offset` (tokens are
    /// in text order).
    pub(crate) fn first_from(&self, doc: &Document, range: std::ops::Range<usize>, offset: usize) -> usize {
        range.start + self.tokens[range].partition_point(|&i| doc.tokens[i].span.start < offset)
    }
}

/// Whether a word introduces a quoted title, term or sign rather than speech.
pub(crate) fn is_naming_word(word: &str, language: Language) -> bool {
    match language {
        Language::Id => ID_NAMING.contains(&word) || EN_NAMING.contains(&word) && word.len() > 3,
        Language::En => EN_NAMING.contains(&word),
    }
}

/// What sits around a quotation in its paragraph: stretches of its block's
/// [`BlockFacts::unquoted`] (the writer's words, the text of every top-level quotation left out).
pub(crate) struct Surroundings<'f> {
    pub facts: &'f BlockFacts<'f>,
    /// The writer's words in the sentences the quotation spans: before and after it.
    pub own: std::ops::Range<usize>,
    /// Tokens of the own sentences before the opening mark (the lead-in): the start of `own`.
    pub lead: std::ops::Range<usize>,
    /// The sentence before, in the same paragraph.
    pub previous: Option<std::ops::Range<usize>>,
    /// The sentence after, in the same paragraph.
    pub next: Option<std::ops::Range<usize>>,
}

impl Surroundings<'_> {
    /// The token indices of a stretch.
    pub fn tokens(&self, range: &std::ops::Range<usize>) -> &[usize] {
        &self.facts.unquoted.tokens[range.clone()]
    }
}

/// The sentences of a block, in order.
pub(crate) fn block_sentences<'d>(doc: &'d Document, block: usize) -> Vec<&'d Sentence> {
    // Sentences are stored block by block.
    let start = doc.sentences.partition_point(|s| s.block < block);
    let end = doc.sentences.partition_point(|s| s.block <= block);
    crate::work::count(end - start);
    doc.sentences[start..end].iter().collect()
}

/// The sentence holding `offset` (sentences are in order and do not overlap).
fn sentence_index_at(sentences: &[&Sentence], offset: usize) -> Option<usize> {
    let after = sentences.partition_point(|s| s.span.start <= offset);
    let i = after.checked_sub(1)?;
    let s = sentences[i];
    (s.span.start <= offset && offset < s.span.end.max(s.span.start + 1)).then_some(i)
}

/// What the quotation rules ask of a block, read once: its sentences and, sentence by sentence,
/// its tokens outside every top-level quotation. Asked of each quotation instead, a sentence of
/// n quotations cost n³ (`"kata "` repeated: 14 KB took 48 s).
pub(crate) struct BlockFacts<'d> {
    pub sentences: Vec<&'d Sentence>,
    pub unquoted: TokenRun,
    /// Where each sentence's tokens start in `unquoted` (one more entry for the end).
    bounds: Vec<usize>,
}

impl<'d> BlockFacts<'d> {
    fn new(doc: &'d Document, quotations: &Quotations, block: usize) -> BlockFacts<'d> {
        let sentences = block_sentences(doc, block);
        // Top-level quotations by start, each with the furthest end of those up to it: a token
        // lies in one exactly when the furthest end before it reaches past it.
        let mut top: Vec<(usize, usize)> = quotations.in_block(block).map(|(_, q)| q).filter(|q| q.depth == 0).map(|q| (q.span().start, q.span().end)).collect();
        top.sort_unstable();
        let mut furthest = 0;
        for entry in &mut top {
            furthest = furthest.max(entry.1);
            entry.1 = furthest;
        }
        let is_quoted = |t: &Token| {
            let k = top.partition_point(|&(start, _)| start <= t.span.start);
            k > 0 && t.span.end <= top[k - 1].1
        };
        let mut tokens = Vec::new();
        let mut bounds = Vec::with_capacity(sentences.len() + 1);
        for s in &sentences {
            bounds.push(tokens.len());
            tokens.extend(s.tokens.clone().filter(|&i| !is_quoted(&doc.tokens[i])));
        }
        bounds.push(tokens.len());
        BlockFacts { sentences, unquoted: TokenRun::new(doc, tokens), bounds }
    }

    /// Sentence `s`'s unquoted tokens, as positions in `unquoted`.
    pub fn sentence(&self, s: usize) -> std::ops::Range<usize> {
        self.bounds[s]..self.bounds[s + 1]
    }
}

/// A block's tokens, all of them, read once: whether any stretch holds a reporting cue, and from
/// each token on, the first attribution an unclosed quotation running to the block's end
/// swallowed. Unclosed quotations nest (`“kata “kata …`), each running to the end, and reading
/// each one's words cost n² (320 KB took 149 s).
pub(crate) struct BlockTokens {
    run: TokenRun,
    swallowed_from: Vec<Option<usize>>,
}

impl BlockTokens {
    fn new(doc: &Document, block: usize) -> BlockTokens {
        let tokens: Vec<usize> = doc.block_tokens[block].clone().collect();
        let mut swallowed_from = vec![None; tokens.len() + 1];
        for k in (0..tokens.len()).rev() {
            swallowed_from[k] = swallowed_at(doc, &tokens, k).or(swallowed_from[k + 1]);
        }
        BlockTokens { run: TokenRun::new(doc, tokens), swallowed_from }
    }
}

/// [`BlockFacts`] and [`BlockTokens`] of each block, made on first use.
pub(crate) struct QuoteIndex<'d> {
    doc: &'d Document<'d>,
    quotations: &'d Quotations,
    blocks: Vec<std::cell::OnceCell<BlockFacts<'d>>>,
    tokens: Vec<std::cell::OnceCell<BlockTokens>>,
}

impl<'d> QuoteIndex<'d> {
    pub fn new(doc: &'d Document<'d>, quotations: &'d Quotations) -> Self {
        let n = doc.blocks.len();
        QuoteIndex { doc, quotations, blocks: (0..n).map(|_| std::cell::OnceCell::new()).collect(), tokens: (0..n).map(|_| std::cell::OnceCell::new()).collect() }
    }

    fn block_tokens(&self, block: usize) -> &BlockTokens {
        self.tokens[block].get_or_init(|| BlockTokens::new(self.doc, block))
    }

    /// [`swallowed_attribution`], from the block's tokens when the quotation runs to its end.
    pub fn swallowed(&self, q: &Quotation) -> Option<usize> {
        let range = tokens_starting_in(self.doc, q.block, q.inner);
        let block = &self.doc.block_tokens[q.block];
        if range.end == block.end && range.start >= block.start {
            crate::work::count(1);
            return self.block_tokens(q.block).swallowed_from[range.start - block.start];
        }
        swallowed_attribution(self.doc, q)
    }

    /// Whether the quoted words hold a reporting cue (`“…, katanya.` left unclosed).
    pub fn inner_has_cue(&self, q: &Quotation) -> bool {
        let range = tokens_starting_in(self.doc, q.block, q.inner);
        let start = self.doc.block_tokens[q.block].start;
        range.start >= start && self.block_tokens(q.block).run.has_cue(self.doc, range.start - start..range.end - start)
    }

    pub fn block(&self, block: usize) -> &BlockFacts<'d> {
        self.blocks[block].get_or_init(|| BlockFacts::new(self.doc, self.quotations, block))
    }

    pub fn surroundings(&self, quote: &Quotation) -> Surroundings<'_> {
        let doc = self.doc;
        let facts = self.block(quote.block);
        let first = sentence_index_at(&facts.sentences, quote.open.start);
        let last_offset = quote.close.map_or(quote.inner.end.saturating_sub(1), |c| c.start).max(quote.open.start);
        let last = sentence_index_at(&facts.sentences, last_offset).or(first);
        let (Some(first), Some(last)) = (first, last) else {
            return Surroundings { facts, own: 0..0, lead: 0..0, previous: None, next: None };
        };
        let last = last.max(first);
        let own = facts.bounds[first]..facts.bounds[last + 1];
        let run = &facts.unquoted.tokens;
        let lead_end = own.start + run[own.clone()].partition_point(|&i| doc.tokens[i].span.end <= quote.open.start);
        Surroundings {
            facts,
            lead: own.start..lead_end,
            own,
            previous: first.checked_sub(1).map(|p| facts.sentence(p)),
            next: (last + 1 < facts.sentences.len()).then(|| facts.sentence(last + 1)),
        }
    }
}

/// The tokens of `block` that start inside `span`, as a range of token indices (tokens are in
/// text order, so they are consecutive).
pub(crate) fn tokens_starting_in(doc: &Document, block: usize, span: crate::diagnostic::Span) -> std::ops::Range<usize> {
    let Some(range) = doc.block_tokens.get(block) else { return 0..0 };
    let tokens = &doc.tokens[range.clone()];
    let lo = tokens.partition_point(|t| t.span.start < span.start);
    let hi = tokens.partition_point(|t| t.span.start < span.end).max(lo);
    range.start + lo..range.start + hi
}

/// Whether a quotation reads as quoted speech that needs a speaker: a top-level quotation of more
/// than a few words in running text, not a title (capitalised like one, or introduced as one).
pub(crate) fn is_speech(doc: &Document, quote: &Quotation) -> bool {
    if quote.depth > 0 || !doc.blocks[quote.block].kind.is_running_text() || is_headline(doc, quote) {
        return false;
    }
    let range = &doc.block_tokens[quote.block];
    let tokens = &doc.tokens[range.clone()];
    // The tokens inside are consecutive: found by their offsets, not by reading the block.
    let from = tokens.partition_point(|t| t.span.start < quote.inner.start);
    let to = from + tokens[from..].partition_point(|t| t.span.end <= quote.inner.end);
    let inner = &tokens[from..to];
    let words = inner.iter().filter(|t| t.kind == TokenKind::Word).take(4).count();
    crate::work::count(words + 1);
    if words < 4 {
        return false;
    }
    let text = doc.str(quote.inner);
    let ends_like_speech = text.trim_end().ends_with(['.', ',', '!', '?', '…']);
    if !ends_like_speech && is_title_case(text) {
        return false;
    }
    // `berjudul "…"`, `the slogan "…"`, `kata "…"`: within two words before the opening mark.
    let before = &tokens[..tokens.partition_point(|t| t.span.end <= quote.open.start)];
    let naming = before.iter().rev().take(2).any(|t| t.kind == TokenKind::Word && is_naming_word(&lower(doc, t), doc.language));
    !naming
}

/// A quotation that is the whole first line of the article: its headline, even when the closing
/// mark kept it from being taken for one.
fn is_headline(doc: &Document, quote: &Quotation) -> bool {
    let block = doc.blocks[quote.block].span;
    let body = doc.masked.get(block.range()).unwrap_or("").trim_matches(|c: char| c.is_whitespace() || c == '\u{1f}');
    quote.block == 0 && body.len() == quote.span().len() && !body.contains('\n')
}

/// A person named in the text: where, and the name without titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonMention {
    pub offset: usize,
    pub name: String,
}

fn is_name_word(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Word && doc.token_str(token).chars().next().is_some_and(char::is_uppercase)
}

/// The capitalised run of words starting at token `from` (at most five), titles dropped.
fn name_run(doc: &Document, tokens: &[Token], from: usize, forward: bool, places: &WordSet<&str>) -> Option<(usize, String)> {
    let mut run: Vec<usize> = Vec::new();
    let mut i = from as isize;
    while i >= 0 && (i as usize) < tokens.len() && run.len() < 5 {
        let t = &tokens[i as usize];
        // The full stop of an abbreviated title (`Gov. Maura Healey`, `Dr. Sri`) is no break.
        let title_stop = doc.token_str(t) == "." && !t.space_before && {
            let title = if forward { run.last().copied() } else { (i as usize).checked_sub(1) };
            title.is_some_and(|k| is_name_word(doc, &tokens[k]) && crate::names::is_title(doc.token_str(&tokens[k])))
        };
        if title_stop {
            i += if forward { 1 } else { -1 };
            continue;
        }
        if !is_name_word(doc, t) {
            break;
        }
        run.push(i as usize);
        i += if forward { 1 } else { -1 };
    }
    if !forward {
        run.reverse();
    }
    // `Bupati Cianjur Herman Suherman`: the person, without the office and its place.
    let all: Vec<&str> = run.iter().map(|&k| crate::names::strip_possessive(doc.token_str(&tokens[k]))).collect();
    let words: Vec<&str> = all[crate::names::person_start(&all, places)..].to_vec();
    let first = words.first()?;
    if is_pronoun(&first.to_lowercase()) || ID_REPORTING.contains(&first.to_lowercase().as_str()) {
        return None;
    }
    // `Kementerian PUPR`, `Badan Geologi`, `the Health Ministry`: an institution, not a person.
    let institution = words.iter().any(|w| {
        let l = w.to_lowercase();
        INSTITUTION_WORDS.contains(&l.as_str()) || (w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
    });
    if institution {
        return None;
    }
    Some((tokens[*run.first()?].span.start, words.join(" ")))
}

/// People named in the article: speakers of reporting verbs (`kata Budi`, `Budi mengatakan`,
/// `said Budi`, `menurut Budi`) and names given an age (`Ujang Sopandi (47)`).
pub(crate) fn person_mentions(doc: &Document) -> Vec<PersonMention> {
    let mut out = Vec::new();
    let places = crate::names::place_words(doc);
    for (block, range) in doc.block_tokens.iter().enumerate() {
        if !doc.blocks[block].kind.is_running_text() && doc.blocks[block].kind != BlockKind::ListItem {
            continue;
        }
        let tokens = &doc.tokens[range.clone()];
        for (i, t) in tokens.iter().enumerate() {
            // Only words are looked up (the verbs below apply to words alone).
            let w: &str = if t.kind == TokenKind::Word { doc.token_lower(range.start + i) } else { "" };
            let verb_shaped = may_be_verb(w);
            let according_to = w == "to" && i > 0 && doc.token_lower(range.start + i - 1) == "according";
            // `Andrii Sybiha, said Kyiv would respond`: the speaker before `said`, not after.
            let name_before = i > 0 && {
                let k = if doc.token_str(&tokens[i - 1]) == "," && i > 1 { i - 2 } else { i - 1 };
                is_name_word(doc, &tokens[k])
            };
            let said = matches!(w, "said" | "says");
            let after_verb = verb_shaped && is_postposed_verb(w) || according_to || w == "menurut" || (said && !name_before);
            let leading_verb = verb_shaped && REPORTING.contains(w);
            let mut found = None;
            if t.kind == TokenKind::Word && after_verb {
                if tokens.get(i + 1).is_some_and(|n| is_name_word(doc, n)) {
                    found = name_run(doc, tokens, i + 1, true, &places);
                } else {
                    // `kata pelatih Perseru, Joko Santoso`: the name after the role's comma.
                    let comma = (i + 1..tokens.len().min(i + 8)).find(|&k| doc.token_str(&tokens[k]) == ",");
                    found = comma.and_then(|k| name_run(doc, tokens, k + 1, true, &places));
                }
            } else if t.kind == TokenKind::Word && leading_verb && i > 0 {
                let mut k = i - 1;
                if doc.token_str(&tokens[k]) == "," && k > 0 {
                    k -= 1;
                }
                // `Gov. Maura Healey of Massachusetts said`: the person before `of` and the place.
                let mut start = k;
                while start > 0 && is_name_word(doc, &tokens[start - 1]) && k - start < 5 {
                    start -= 1;
                }
                if start >= 2 && matches!(doc.token_lower(range.start + start - 1), "of" | "from" | "dari" | "asal") && is_name_word(doc, &tokens[start - 2]) {
                    k = start - 2;
                }
                found = name_run(doc, tokens, k, false, &places).filter(|(offset, name)| {
                    // A lone capitalised word opening a sentence is as likely a common noun (`Polisi`).
                    // Tokens are in text order: found by offset, not by reading the block again.
                    let start = tokens.partition_point(|t| t.span.start < *offset);
                    // (A quotation closed on a comma runs on into its attribution: `"…," Delaney said`.)
                    let closes_on_comma = start >= 2 && matches!(doc.token_str(&tokens[start - 1]), "”" | "\"") && doc.token_str(&tokens[start - 2]) == ",";
                    let opens_sentence = start == 0 || matches!(doc.token_str(&tokens[start - 1]), "." | "!" | "?" | "”" | "\"") && !closes_on_comma;
                    // (`Dr. Pemberton said`, `Bupati Rudy said`: a title makes the word a name;
                    // and so does being no word of the language, `Setiawan said`; a capitalised word opening a
                    // sentence may be a common noun, `Polisi mengatakan`.)
                    let titled = crate::names::is_title(doc.token_str(&tokens[start]));
                    name.contains(' ') || !opens_sentence || titled || !crate::lexicon::is_word(doc.language, &name.to_lowercase())
                });
            } else if doc.token_str(t) == "(" && i > 0 {
                let age = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number && doc.token_str(n).len() <= 3)
                    && tokens.get(i + 2).is_some_and(|n| doc.token_str(n) == ")");
                if age {
                    found = name_run(doc, tokens, i - 1, false, &places);
                }
            }
            if let Some((offset, name)) = found {
                out.push(PersonMention { offset, name });
            }
        }
    }
    out.sort_by_key(|m| m.offset);
    out.dedup();
    // A person named short after being named in full (`Hendra Setiadi` ... `Hendra said`) is
    // the same person, by the full name.
    for i in 0..out.len() {
        if out[i].name.contains(' ') {
            continue;
        }
        let short = out[i].name.as_str();
        let full = out[..i].iter().rev().find(|m| m.name.split(' ').any(|part| part == short) && m.name.contains(' ')).map(|m| m.name.clone());
        if let Some(full) = full {
            out[i].name = full;
        }
    }
    out
}

/// The named person nearest to `offset`, outside `exclude`; `mentions` are in text order.
pub(crate) fn nearest_person(mentions: &[PersonMention], offset: usize, exclude: crate::diagnostic::Span) -> Option<&PersonMention> {
    let split = mentions.partition_point(|m| m.offset < offset);
    let before = mentions[..split].iter().rev().find(|m| !exclude.contains(m.offset));
    let after = mentions[split..].iter().find(|m| !exclude.contains(m.offset));
    match (before, after) {
        (Some(b), Some(a)) => Some(if offset - b.offset <= a.offset - offset { b } else { a }),
        (b, a) => b.or(a),
    }
}

/// `tambahnya`, `kata Budi`, `she told`, `said the minister`: the words right after a comma
/// start an attribution.
pub(crate) fn introduces_attribution(doc: &Document, tokens: &[usize]) -> bool {
    let words: Vec<String> = tokens.iter().map(|&i| &doc.tokens[i]).filter(|t| t.kind == TokenKind::Word).map(|t| lower(doc, t)).collect();
    let Some(first) = words.first() else { return false };
    let postposed = first.strip_suffix("nya").unwrap_or(first);
    let is_verb = |w: &str| ID_POSTPOSED.contains(&w) || EN_REPORTING.contains(&w) || ID_REPORTING.contains(&w);
    let word_tokens: Vec<&Token> = tokens.iter().map(|&i| &doc.tokens[i]).filter(|t| t.kind == TokenKind::Word).collect();
    let named = word_tokens.first().is_some_and(|t| is_name_word(doc, t));
    // `the researcher told`, `his lawyer said`: a short noun phrase, then the verb.
    let determiner = matches!(first.as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "our" | "its" | "para" | "sang");
    (ID_POSTPOSED.contains(&postposed) && (first.ends_with("nya") || speaker_follows(doc, first, word_tokens.get(1).copied())))
        || EN_REPORTING.contains(&first.as_str()) && words.len() > 1
        || ((is_pronoun(first) || named) && words[1..].iter().take(2).any(|w| is_verb(w)))
        || (determiner && words[1..].iter().take(3).any(|w| EN_REPORTING.contains(&w.as_str()) || ID_REPORTING.contains(&w.as_str())))
}

/// `kata Budi`, `ujar dia`, `tambahnya`: a postposed Indonesian reporting verb and its speaker.
pub(crate) fn starts_postposed_attribution(doc: &Document, tokens: &[usize]) -> bool {
    let words: Vec<String> = tokens.iter().map(|&i| &doc.tokens[i]).filter(|t| t.kind == TokenKind::Word).map(|t| lower(doc, t)).collect();
    let Some(first) = words.first() else { return false };
    let second = tokens.iter().map(|&i| &doc.tokens[i]).filter(|t| t.kind == TokenKind::Word).nth(1);
    is_postposed_with_speaker(first) || (is_postposed_verb(first) && speaker_follows(doc, first, second))
}

/// Where an unclosed quotation swallowed its own attribution (`…, tambahnya.`, `…? kata Andrew`,
/// `…, she told reporters.`): the offset right after the `,`, `?` or `!` where the closing mark
/// belongs.
pub(crate) fn swallowed_attribution(doc: &Document, q: &Quotation) -> Option<usize> {
    let tokens: Vec<usize> = tokens_starting_in(doc, q.block, q.inner).collect();
    crate::work::count(tokens.len());
    (0..tokens.len()).find_map(|k| swallowed_at(doc, &tokens, k))
}

/// Whether an attribution is swallowed right after `tokens[k]` in the run `tokens`: it reads
/// `tokens[k..k + 6]` only, so a run ending where its block ends answers as the block does.
fn swallowed_at(doc: &Document, tokens: &[usize], k: usize) -> Option<usize> {
    let i = tokens[k];
    let t = &doc.tokens[i];
    let mark = doc.token_str(t);
    let next_is_word = tokens.get(k + 1).is_some_and(|&n| doc.tokens[n].kind == TokenKind::Word && doc.tokens[n].space_before);
    if !matches!(mark, "," | "?" | "!") || !next_is_word {
        return None;
    }
    let rest: Vec<usize> = tokens[k + 1..].iter().copied().take(4).collect();
    // After `?` or `!` a capital starts a new sentence of the quotation, not an attribution.
    let lower_start = doc.token_str(&doc.tokens[rest[0]]).chars().next().is_some_and(char::is_lowercase);
    let attribution = if mark == "," { introduces_attribution(doc, &rest) } else { lower_start && starts_postposed_attribution(doc, &rest) };
    attribution.then_some(t.span.end)
}

#[cfg(test)]
mod tests {
    use super::style::Style;
    use super::unattributed::Unattributed;
    use super::unbalanced::Unbalanced;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, run};

    #[test]
    fn verbs_of_saying_by_their_morphology() {
        use super::{en_speech_lemma, speech_root};
        for (word, root) in [
            ("mengatakan", "kata"), ("berkata", "kata"), ("dikatakannya", "kata"), ("menyampaikan", "sampai"),
            ("disampaikan", "sampai"), ("menyatakan", "nyata"), ("menegaskan", "tegas"), ("ditegaskannya", "tegas"),
            ("mengimbuhkan", "imbuh"), ("disimpulkan", "simpul"), ("berkicau", "kicau"), ("mencuit", "cuit"),
            ("menuturkan", "tutur"), ("memaparkan", "papar"), ("membeberkan", "beber"), ("menulis", "tulis"),
            ("ditulis", "tulis"), ("menjelaskan", "jelas"), ("mengeluh", "keluh"), ("menimpali", "timpal"),
            ("bertanya", "tanya"), ("menyebut", "sebut"), ("mengungkapkan", "ungkap"),
        ] {
            assert_eq!(speech_root(word), Some(root), "{word}");
        }
        // Other senses of the same roots, and words that only look affixed.
        for word in ["menambah", "mengungkap", "menjelas", "tersebut", "sampai", "kata", "melanjutkan", "menuntut", "dinas", "berapa", "meja"] {
            assert_eq!(speech_root(word), None, "{word}");
        }
        for (word, lemma) in [("said", "say"), ("says", "say"), ("told", "tell"), ("tells", "tell"), ("wrote", "write"), ("writing", "write"), ("replied", "reply"), ("replies", "reply"), ("quipped", "quip"), ("added", "add"), ("noting", "note"), ("points", "point"), ("admitted", "admit")] {
            assert_eq!(en_speech_lemma(word), Some(lemma), "{word}");
        }
        for word in ["sad", "toll", "adder", "demanding", "hopes", "wanted"] {
            assert_eq!(en_speech_lemma(word), None, "{word}");
        }
    }

    proptest::proptest! {
        /// The quotes rules never panic, and their spans and fixes land on character boundaries.
        #[test]
        fn rules_never_panic(text in "[\"“”‘’«»„a-zA-Z ,.!?:\n()]{0,60}( kata Budi| katanya| he said)?[\"”.]{0,2}") {
            for language in [Id, En] {
                for rule in [&Unattributed as &dyn crate::rules::Rule, &Unbalanced, &Style] {
                    for d in run(rule, language, &text) {
                        proptest::prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end) && d.span.end <= text.len());
                    }
                    let _ = fixed(rule, language, &text);
                }
            }
        }
    }
}
