use super::{is_capitalised, starts_lowercase};
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};

/// `pada tahun 2022 Baik Kyiv maupun Moskow` -> `pada tahun 2022. Baik Kyiv maupun Moskow`.
pub struct RunTogetherSentences;

static META: RuleMeta = RuleMeta {
    code: "typography/run-together-sentences",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "Two sentences run together: a full stop is missing before a capitalised sentence opener.",
    explanation: "A capital in the middle of running text, right after a lower-case word or a number, marks a \
lost full stop when the capitalised word opens sentences: a function word (`Baik`, `Namun`, `Dia`; `The`, \
`However`) or, after a lower-case word, an ordinary word the lexicon knows in lower case (`tsunami Warga \
mengungsi`; a second fix writes it in lower case, for a capital where none belongs). Names stay \
silent: the word must not be part of a run of capitalised words (`Her Majesty`, `The Associated Press`), \
must not be written capitalised inside a sentence elsewhere in the article, nor capitalised and never in \
lower case (a name), must not be a day or month, and must not follow a word that calls for a name (`kata`, \
`tim`, `told`); in English it must also be written in lower case elsewhere. A lower-case word must follow \
it. Headings, list items, captions and bylines are not checked.",
    example_bad: "Perang dimulai pada tahun 2022 Baik Kyiv maupun Moskow menolak berunding.",
    example_good: "Perang dimulai pada tahun 2022. Baik Kyiv maupun Moskow menolak berunding.",
};

/// Indonesian words that open sentences and are not part of names.
const ID_OPENERS: &[&str] = &[
    "baik", "namun", "setelah", "untuk", "dia", "ia", "mereka", "kami", "kita", "saya", "ini", "itu",
    "meski", "meskipun", "walaupun", "sementara", "selain", "menurut", "sebelumnya", "kemudian",
    "tetapi", "tapi", "karena", "ketika", "saat", "jika", "bila", "apabila", "bahkan", "lalu", "sedangkan",
    "adapun", "hal", "sebanyak", "sejumlah", "akibatnya", "selanjutnya", "sebelum", "sejak", "dengan",
    "dalam", "pada", "oleh", "kini", "hingga", "terkait", "padahal", "sehingga", "namanya", "beberapa",
    "banyak", "sebagian", "semua", "para", "tidak", "belum", "sudah", "juga", "sebab", "agar", "supaya",
];
/// English words that open sentences; `the` needs a lower-case word after it (`The Guardian`).
const EN_OPENERS: &[&str] = &[
    "the", "this", "these", "those", "it", "he", "she", "they", "we", "but", "however", "meanwhile",
    "although", "after", "before", "when", "while", "there", "his", "her", "their", "its", "our",
    "many", "some", "several", "most", "officials", "police", "authorities", "earlier", "later",
    "since", "according", "despite", "still", "yet", "also", "then",
];

/// Indonesian openers that may stand before a capitalised word and still open a sentence
/// (`Baik Kyiv maupun Moskow`): conjunctions and prepositions, never pronouns or possessives,
/// which open names and titles (`Her Majesty`, `Dia yang Maha Kuasa`).
const ID_CONJUNCTIONS: &[&str] = &[
    "baik", "namun", "setelah", "meski", "meskipun", "walaupun", "sementara", "sebelum", "sejak",
    "ketika", "saat", "karena", "jika", "bila", "apabila", "tetapi", "tapi", "sedangkan", "padahal",
    "sehingga", "bahkan", "lalu", "kemudian", "menurut", "selain", "akibatnya", "selanjutnya",
];

/// Words after which a capitalised word is usually a name or a title, not a new sentence:
/// speech verbs, prepositions, conjunctions, determiners and the nouns that take a name
/// (`kata Budi`, `tim Garuda`, `told Congress`, `the Senate`).
const ID_NAME_TAKERS: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "tegas", "jelas", "imbuh", "tambah", "lanjut", "sebut", "ungkap",
    "oleh", "kepada", "dengan", "dari", "di", "ke", "untuk", "bagi", "pada", "dan", "atau", "serta",
    "yang", "sang", "si", "para", "bapak", "ibu", "pak", "bu", "mas", "mbak", "bung", "kak", "saudara",
    "saudari", "bernama", "nama", "namanya", "julukan", "dijuluki", "disebut", "tim", "klub", "partai", "kapal", "desa",
    "kampung", "kota", "kabupaten", "provinsi", "pulau", "gunung", "sungai", "jalan", "merek", "produk", "arah",
    "menuju", "derajat",
    "film", "lagu", "album", "buku", "novel", "majalah", "harian", "koran", "program", "operasi",
    "festival", "hotel", "gedung", "masjid", "gereja", "bandara", "stasiun", "terminal", "pelabuhan",
    "hari", "bulan", "tanggal", "perayaan", "menjelang", "jelang", "selama", "usai", "sambut", "menyambut",
    "tentang", "soal", "antara", "versi", "seri", "tipe", "model", "kelas", "grup", "band", "kelompok",
    "suku", "bahasa", "agama", "umat", "bangsa", "negara", "kerajaan", "dinasti", "era", "zaman", "masa",
    "presiden", "menteri", "gubernur", "bupati", "wali", "kepala", "ketua", "direktur", "kapolres",
    "kapolda", "kapolri", "panglima", "jenderal", "raja", "ratu", "pangeran", "sultan", "paus", "uskup",
    "imam", "ustaz", "kiai", "syekh", "haji", "tuan", "nyonya", "dokter", "profesor", "akun", "aplikasi",
    "sumber", "media", "laporan", "situs", "portal", "kantor", "lembaga", "organisasi", "perusahaan",
    "maskapai", "bank", "platform", "stasiun", "televisi", "kanal", "saluran",
    // Conjunctions, which end no sentence and open a clause whose subject is often a name
    // (`lalu Maria datang`, `sedangkan Ahmad pulang`).
    "lalu", "kemudian", "tetapi", "tapi", "namun", "sedangkan", "padahal", "bahkan", "sehingga",
    "karena", "jika", "bila", "apabila", "ketika", "saat", "setelah", "sebelum", "sejak", "meski",
    "meskipun", "walaupun", "baik", "maupun", "bersama", "bahwa", "agar", "supaya",
    // Words that open a list or a naming (`empat kecamatan, yakni Tepus sebanyak 110 keluarga`).
    "yakni", "yaitu", "seperti", "termasuk", "misalnya", "contohnya", "antaranya", "ialah", "adalah", "merupakan",
];
const EN_NAME_TAKERS: &[&str] = &[
    "said", "says", "told", "tells", "asked", "by", "with", "of", "from", "to", "the", "a", "an", "and",
    "or", "for", "in", "on", "at", "into", "onto", "about", "against", "named", "called", "dubbed",
    "titled", "entitled", "nicknamed", "president", "minister", "governor", "senator", "king", "queen",
    "prince", "princess", "pope", "mayor", "general", "judge", "justice", "chancellor", "premier",
    "chairman", "director", "chief", "officer", "captain", "coach", "team", "club", "party", "band",
    "group", "ship", "film", "movie", "album", "song", "book", "novel", "magazine", "newspaper",
    "program", "programme", "operation", "festival", "hotel", "mount", "river", "lake", "street",
    "avenue", "road", "airport", "station", "during", "before", "after", "since", "until", "like",
    "as", "than", "whom", "dear", "mr", "mrs", "ms", "dr", "lord", "lady", "sir", "dame", "saint",
    "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "via", "per",
    "versus", "between", "among", "under", "over", "near", "toward", "towards", "across", "through",
    "without", "within", "upon", "behind", "beyond", "outside", "inside", "is", "was", "are", "were",
    "be", "been", "being", "became", "become", "becomes", "joined", "joins", "visited", "visit",
    "leaves", "left", "leave", "played", "won", "beat", "defeated", "represented", "representing",
    "but", "then", "while", "when", "because", "that", "if", "whereas", "although", "though", "so",
    "unless", "whether", "including", "namely", "especially", "particularly", "notably", "includes", "include",
];

impl Rule for RunTogetherSentences {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let model = ctx.sentence_model();
        let (openers, name_takers) = match doc.language {
            Language::Id => (ID_OPENERS, ID_NAME_TAKERS),
            Language::En => (EN_OPENERS, EN_NAME_TAKERS),
        };
        // Capitalised words the article writes capitalised inside a sentence somewhere: names
        // (`Budi`, `Garuda`, `Congress`) however ordinary their lower case.
        let capitals = crate::sentences::Capitals::new(doc, model);
        for (b, tokens) in ctx.focused_blocks() {
            if !doc.blocks[b].kind.is_running_text() {
                continue;
            }
            let base = doc.block_tokens[b].start;
            let word_at = |k: usize| tokens.get(k).filter(|t| t.kind == TokenKind::Word).map(|t| doc.token_str(t));
            let lower_at = |k: usize| word_at(k).is_some_and(|w| starts_lowercase(w) && w.chars().count() >= 2 && !w.ends_with('.'));
            let capital_at = |k: usize| word_at(k).is_some_and(|w| !starts_lowercase(w));
            for i in 1..tokens.len() {
                let (prev, word) = (&tokens[i - 1], &tokens[i]);
                if word.kind != TokenKind::Word || !word.space_before || word.line_break_before || model.starts_sentence(base + i) {
                    continue;
                }
                let w = doc.token_str(word);
                // Capitalised as a sentence opens: one capital, then lower case (`US-built`,
                // `McDonald` are names).
                if !is_capitalised(w) || w.chars().skip(1).any(|c| !c.is_lowercase()) {
                    continue;
                }
                let lower = doc.token_lower(base + i);
                let p = doc.token_str(prev);
                let prev_lower = prev.kind == TokenKind::Word && starts_lowercase(p) && p.chars().count() >= 2 && !p.ends_with('.');
                let prev_ok = prev_lower || prev.kind == TokenKind::Number;
                let is_opener = openers.contains(&lower);
                let found = if is_opener {
                    // The opener must not begin a name or a title: `The Associated Press`,
                    // `Untuk Kita Semua`, `Her Majesty`. A conjunction may have one capitalised
                    // word after it (`Baik Kyiv maupun`).
                    let conjunction = doc.language == Language::Id && ID_CONJUNCTIONS.contains(&lower);
                    let plausible = lower_at(i + 1) || conjunction && capital_at(i + 1) && lower_at(i + 2);
                    // After a one-word name (`kata Reuters Untuk sementara`): the name follows a
                    // lower-case word, and a lower-case word follows the opener.
                    let after_name = prev.kind == TokenKind::Word && is_capitalised(p) && i >= 2 && lower_at(i - 2)
                        && lower != "the" && lower_at(i + 1) && !crate::sentences::is_name_particle(lower);
                    plausible && (prev_ok || after_name)
                } else {
                    // An ordinary word: one the lexicon knows in lower case, not part of a name,
                    // never written capitalised inside a sentence elsewhere in the article, after a
                    // word that does not call for a name, and followed by a lower-case word.
                    // After a number a capital is more likely a slip of case (`12 Orang tewas`).
                    prev_lower
                        && !model.in_name(base + i)
                        && !capitals.is_name(lower)
                        && !crate::sentences::is_calendar_word(lower)
                        // English capitalises institutions and brands (`the Army`, `Tesla`): the
                        // word must also be written in lower case elsewhere in the article.
                        && (doc.language == Language::Id || capitals.written_lower(lower))
                        && lower_at(i + 1)
                        && !(prev_lower && name_takers.contains(&doc.token_lower(base + i - 1)))
                        && w.chars().count() >= 3
                        && ctx.words.is_common_word(lower, doc.language)
                        // (`45 derajat Celsius pada`: the dictionary has it as a name.)
                        && !crate::lexicon::indonesian::is_dictionary_name(lower)
                };
                if !found {
                    continue;
                }
                let span = Span::new(prev.span.start, word.span.end);
                let mut d = META
                    .diagnostic(span, format!("two sentences run together: a full stop is missing before '{w}'"))
                    .with_fix(Fix::suggested("Insert a full stop", vec![Edit::insert(prev.span.end, ".")]));
                if !is_opener {
                    // An ordinary word may instead be a capital where none belongs.
                    d = d.with_fix(Fix::suggested(format!("Write '{lower}'"), vec![Edit::replace(word.span, lower.to_string())]));
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged};

    #[test]
    fn flags_and_fixes() {
        assert_eq!(flagged(&RunTogetherSentences, Id, "Perang dimulai pada tahun 2022 Baik Kyiv maupun Moskow menolak."), ["2022 Baik"]);
        assert_eq!(
            fixed(&RunTogetherSentences, Id, "Bantuan tiba kemarin Namun warga masih kekurangan air."),
            "Bantuan tiba kemarin. Namun warga masih kekurangan air."
        );
        assert_eq!(flagged(&RunTogetherSentences, En, "Both players competed for the title The two met in 2019."), ["title The"]);
        // An ordinary word opens the second sentence.
        assert_eq!(flagged(&RunTogetherSentences, Id, "Kampung itu diterjang tsunami Warga mengungsi ke bukit."), ["tsunami Warga"]);
        assert_eq!(flagged(&RunTogetherSentences, Id, "Izin trayek bus itu sudah habis Pemeriksaan rem juga terlambat."), ["habis Pemeriksaan"]);
        assert_eq!(flagged(&RunTogetherSentences, En, "The river burst its banks overnight Residents fled to higher ground. Other residents stayed."), ["overnight Residents"]);
        // After a one-word name.
        assert_eq!(flagged(&RunTogetherSentences, Id, "Gencatan senjata disepakati, kata Reuters Untuk sementara warga bertahan."), ["Reuters Untuk"]);
    }

    #[test]
    fn names_and_titles_stay_silent() {
        for text in [
            "Bantuan diserahkan kata Wahyu saat ditemui.",
            "Dia bertemu Bunga di pasar. Bunga tersenyum.",
            "Tim Garuda bermain imbang melawan Thailand.",
            "Kami menonton Her Majesty the Queen di televisi.",
            "Menteri Sosial Tri Rismaharini meninjau lokasi.",
            "Pertemuan digelar pukul 9 a.m. Waktu setempat.",
            "Menurut Dia yang Maha Kuasa.",
            "Pasar dibuka tiap Jumat pagi dan tutup hingga Agustus mendatang.",
            "Informasi itu dikutip dari sumber Kompas di lokasi.",
            "Sedikitnya 12 Orang tewas dalam kecelakaan itu.",
        ] {
            assert!(flagged(&RunTogetherSentences, Id, text).is_empty(), "{text}: {:?}", flagged(&RunTogetherSentences, Id, text));
        }
        for text in [
            "He spoke to Her Majesty the Queen and His Band played on.",
            "The meeting began at 9 a.m. Police said nothing.",
            "She told Congress that the plan had failed.",
            "Members of the Senate voted on Tuesday.",
            "The White House said on Monday that talks would resume.",
            "He was a former Army officer who owned a personal Tesla car and a US-built jet.",
        ] {
            assert!(flagged(&RunTogetherSentences, En, text).is_empty(), "{text}: {:?}", flagged(&RunTogetherSentences, En, text));
        }
    }

    #[test]
    fn a_name_after_a_conjunction_stays_silent() {
        for text in [
            "Pelatih tiba, lalu Maria datang ke lapangan.",
            "Budi pulang, sedangkan Ahmad tetap tinggal di sana.",
            "Ia menunggu sampai sore, kemudian Sinta datang membawa kabar.",
        ] {
            assert!(flagged(&RunTogetherSentences, Id, text).is_empty(), "{text}");
        }
        for text in ["The coach arrived, then Maria walked in.", "He stayed, but Ahmad left early."] {
            assert!(flagged(&RunTogetherSentences, En, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Dia menonton film Untuk Kita Semua kemarin.",
            "Menurut Dia yang Maha Kuasa.",
            "Bantuan tiba kemarin. Namun warga masih kekurangan air.",
            // A name the dictionary lists capitalised, and a place after a word of direction.
            "Suhu di Mekkah diperkirakan mencapai 45 derajat Celsius pada musim haji.",
            "Air laut mendidih pada 212 derajat Fahrenheit menurut buku itu.",
            "Arus lalu lintas dari arah Bandung menuju Jakarta tersendat.",
            "Penerima tersebar di empat kecamatan, yakni Tepus sebanyak 110 keluarga dan Girisubo 95 keluarga.",
            "Tiga desa terdampak, termasuk Tanjung yang paling parah.",
            "Bus itu melaju ke arah Kudus saat hujan.",
        ] {
            assert!(flagged(&RunTogetherSentences, Id, text).is_empty(), "{text}");
        }
        for text in ["He told The Associated Press on Monday.", "I announce the death of Most Rev. Dinualdo Gutierrez.", "She writes for The Guardian and The New York Times.", "I said it."] {
            assert!(flagged(&RunTogetherSentences, En, text).is_empty(), "{text}");
        }
        // Headings are not running text.
        assert!(flagged(&RunTogetherSentences, Id, "Judul\n\nBanjir Setelah Hujan Deras Ini Terjadi").is_empty());
    }
}
