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

/// Titles and ranks dropped from the front of a name in messages.
const NAME_TITLES: &[&str] = &[
    "presiden", "wakil", "menteri", "gubernur", "bupati", "wali", "kota", "walikota", "kepala", "ketua",
    "direktur", "jenderal", "pak", "bu", "bapak", "ibu", "mr", "mrs", "ms", "dr", "prof", "president",
    "minister", "governor", "mayor", "senator", "sen", "rep", "gen", "general", "kapolri", "kapolda",
    "kapolres", "kapolsek", "juru", "bicara", "hakim", "jaksa", "pelatih", "warga", "kapten", "komisaris",
    "sekretaris", "camat", "lurah", "kades", "ustaz", "kiai", "habib", "pastor", "pendeta", "haji", "hj",
    "h", "ir", "drs", "coach", "judge", "prosecutor", "chief", "secretary", "director", "captain", "sir",
    "dame", "lord", "lady", "brigjen", "irjen", "kombes", "akbp", "akp", "iptu", "ipda", "letjen", "mayjen",
];

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
    POSTPOSED.contains(word)
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
    tokens.iter().enumerate().any(|(k, &i)| {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word {
            return false;
        }
        let w = lower(doc, t);
        if ID_REPORTING.contains(&w.as_str()) || EN_REPORTING.contains(&w.as_str()) {
            return true;
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
        if is_postposed_verb(&w) {
            // A bare `tambah` or `jelas` elsewhere is an adverb or an adjective; `Kata Budi, “…”`
            // opens a sentence. A speaker must follow.
            if !(after_quote || w == "kata") {
                return false;
            }
            return tokens.get(k + 1).is_some_and(|&n| {
                let next = &doc.tokens[n];
                next.kind == TokenKind::Word && !NOT_SPEAKERS.contains(&lower(doc, next).as_str())
            });
        }
        false
    })
}

/// Whether a word introduces a quoted title, term or sign rather than speech.
pub(crate) fn is_naming_word(word: &str, language: Language) -> bool {
    match language {
        Language::Id => ID_NAMING.contains(&word) || EN_NAMING.contains(&word) && word.len() > 3,
        Language::En => EN_NAMING.contains(&word),
    }
}

/// What sits around a quotation in its paragraph, as token indices, with the text of every
/// top-level quotation left out.
pub(crate) struct Surroundings {
    /// The writer's words in the sentences the quotation spans: before and after it.
    pub own: Vec<usize>,
    /// Tokens of the own sentences before the opening mark (the lead-in).
    pub lead: Vec<usize>,
    /// The sentence before, in the same paragraph.
    pub previous: Option<Vec<usize>>,
    /// The sentence after, in the same paragraph.
    pub next: Option<Vec<usize>>,
}

/// The sentences of a block, in order.
pub(crate) fn block_sentences<'d>(doc: &'d Document, block: usize) -> Vec<&'d Sentence> {
    // Sentences are stored block by block.
    let start = doc.sentences.partition_point(|s| s.block < block);
    let end = doc.sentences.partition_point(|s| s.block <= block);
    doc.sentences[start..end].iter().collect()
}

fn sentence_index_at(sentences: &[&Sentence], offset: usize) -> Option<usize> {
    sentences.iter().position(|s| s.span.start <= offset && offset < s.span.end.max(s.span.start + 1))
}

/// Whether token `i` lies inside (or is a mark of) a top-level quotation of the block.
fn is_quoted(quotes: &[&Quotation], token: &Token) -> bool {
    quotes.iter().any(|q| q.span().start <= token.span.start && token.span.end <= q.span().end)
}

pub(crate) fn surroundings(doc: &Document, quotations: &Quotations, quote: &Quotation) -> Surroundings {
    let sentences = block_sentences(doc, quote.block);
    let top: Vec<&Quotation> = quotations.in_block(quote.block).map(|(_, q)| q).filter(|q| q.depth == 0).collect();
    let unquoted = |s: &Sentence| -> Vec<usize> { s.tokens.clone().filter(|&i| !is_quoted(&top, &doc.tokens[i])).collect() };
    let first = sentence_index_at(&sentences, quote.open.start);
    let last_offset = quote.close.map_or(quote.inner.end.saturating_sub(1), |c| c.start).max(quote.open.start);
    let last = sentence_index_at(&sentences, last_offset).or(first);
    let (Some(first), Some(last)) = (first, last) else {
        return Surroundings { own: Vec::new(), lead: Vec::new(), previous: None, next: None };
    };
    let own: Vec<usize> = sentences[first..=last.max(first)].iter().flat_map(|s| unquoted(s)).collect();
    let lead = own.iter().copied().filter(|&i| doc.tokens[i].span.end <= quote.open.start).collect();
    Surroundings {
        own,
        lead,
        previous: first.checked_sub(1).map(|p| unquoted(sentences[p])),
        next: sentences.get(last.max(first) + 1).map(|s| unquoted(s)),
    }
}

/// Whether a quotation reads as quoted speech that needs a speaker: a top-level quotation of more
/// than a few words in running text, not a title (capitalised like one, or introduced as one).
pub(crate) fn is_speech(doc: &Document, quote: &Quotation) -> bool {
    if quote.depth > 0 || !doc.blocks[quote.block].kind.is_running_text() || is_headline(doc, quote) {
        return false;
    }
    let range = &doc.block_tokens[quote.block];
    let inner: Vec<&Token> = doc.tokens[range.clone()].iter().filter(|t| quote.inner.start <= t.span.start && t.span.end <= quote.inner.end).collect();
    let words = inner.iter().filter(|t| t.kind == TokenKind::Word).count();
    if words < 4 {
        return false;
    }
    let text = doc.str(quote.inner);
    let ends_like_speech = text.trim_end().ends_with(['.', ',', '!', '?', '…']);
    if !ends_like_speech && is_title_case(text) {
        return false;
    }
    // `berjudul "…"`, `the slogan "…"`, `kata "…"`: within two words before the opening mark.
    let before: Vec<&Token> = doc.tokens[range.clone()].iter().filter(|t| t.span.end <= quote.open.start).collect();
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
fn name_run(doc: &Document, tokens: &[Token], from: usize, forward: bool) -> Option<(usize, String)> {
    let mut run: Vec<usize> = Vec::new();
    let mut i = from as isize;
    while i >= 0 && (i as usize) < tokens.len() && run.len() < 5 {
        let t = &tokens[i as usize];
        if !is_name_word(doc, t) {
            break;
        }
        run.push(i as usize);
        i += if forward { 1 } else { -1 };
    }
    if !forward {
        run.reverse();
    }
    let words: Vec<&str> = run
        .iter()
        .map(|&k| doc.token_str(&tokens[k]))
        .skip_while(|w| {
            let l = w.trim_end_matches('.').to_lowercase();
            NAME_TITLES.contains(&l.as_str()) || (w.len() <= 5 && w.chars().all(|c| c.is_uppercase()))
        })
        .collect();
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
            let after_verb = verb_shaped && is_postposed_verb(w) || according_to || matches!(w, "menurut" | "said" | "says");
            let leading_verb = verb_shaped && REPORTING.contains(w);
            let mut found = None;
            if t.kind == TokenKind::Word && after_verb {
                if tokens.get(i + 1).is_some_and(|n| is_name_word(doc, n)) {
                    found = name_run(doc, tokens, i + 1, true);
                } else {
                    // `kata pelatih Perseru, Joko Santoso`: the name after the role's comma.
                    let comma = (i + 1..tokens.len().min(i + 8)).find(|&k| doc.token_str(&tokens[k]) == ",");
                    found = comma.and_then(|k| name_run(doc, tokens, k + 1, true));
                }
            } else if t.kind == TokenKind::Word && leading_verb && i > 0 {
                let mut k = i - 1;
                if doc.token_str(&tokens[k]) == "," && k > 0 {
                    k -= 1;
                }
                found = name_run(doc, tokens, k, false).filter(|(offset, name)| {
                    // A lone capitalised word opening a sentence is as likely a common noun (`Polisi`).
                    let start = tokens.iter().position(|t| t.span.start == *offset).unwrap_or(0);
                    let opens_sentence = start == 0 || matches!(doc.token_str(&tokens[start - 1]), "." | "!" | "?" | "”" | "\"");
                    name.contains(' ') || !opens_sentence
                });
            } else if doc.token_str(t) == "(" && i > 0 {
                let age = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number && doc.token_str(n).len() <= 3)
                    && tokens.get(i + 2).is_some_and(|n| doc.token_str(n) == ")");
                if age {
                    found = name_run(doc, tokens, i - 1, false);
                }
            }
            if let Some((offset, name)) = found {
                out.push(PersonMention { offset, name });
            }
        }
    }
    out.sort_by_key(|m| m.offset);
    out.dedup();
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
    let tokens: Vec<usize> = doc.block_tokens.get(q.block)?.clone().filter(|&i| q.inner.contains(doc.tokens[i].span.start)).collect();
    tokens.iter().enumerate().find_map(|(k, &i)| {
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
    })
}

#[cfg(test)]
mod tests {
    use super::style::Style;
    use super::unattributed::Unattributed;
    use super::unbalanced::Unbalanced;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, run};

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
