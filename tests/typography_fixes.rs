//! Fixes that agree with each other: applying every safe fix of an article together, then every
//! first suggestion, never creates a finding the article did not have (a fix another rule would
//! flag is not offered). Over the slips the typography rules look for, in both languages, mixed
//! with text that must stay as it is.
//!
//! `PROPTEST_CASES=N` runs N generated cases.

use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use std::collections::BTreeMap;
use std::sync::LazyLock;
use sunting::config::Config;
use sunting::document::LanguageChoice;
use sunting::fix::{apply_fixes, FixMode};
use sunting::{CheckOptions, DocFormat, Language};

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fn options(language: Language) -> CheckOptions<'static> {
    CheckOptions { format: DocFormat::Markdown, language: LanguageChoice { forced: Some(language), configured: Default::default() }, config: &CONFIG }
}

/// How many findings each rule has on `text`.
fn counts(text: &str, language: Language) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for d in sunting::check(text, &options(language)).diagnostics {
        *counts.entry(d.code.to_string()).or_insert(0) += 1;
    }
    counts
}

/// The rules with more findings in `after` than in `before`.
fn new_findings(before: &BTreeMap<String, usize>, after: &BTreeMap<String, usize>) -> Vec<String> {
    after.iter().filter(|(code, n)| **n > before.get(*code).copied().unwrap_or(0)).map(|(code, n)| format!("{code}: {} -> {n}", before.get(code).copied().unwrap_or(0))).collect()
}

/// Every safe fix, then every first suggestion; the text after each step, and what was new.
fn fix_in_two_steps(text: &str, language: Language) -> (String, String, Vec<String>) {
    let before = counts(text, language);
    let diagnostics = sunting::check(text, &options(language)).diagnostics;
    let safe = apply_fixes(text, &diagnostics, FixMode::SafeOnly).0;
    let after_safe = counts(&safe, language);
    let mut new = new_findings(&before, &after_safe);
    let diagnostics = sunting::check(&safe, &options(language)).diagnostics;
    let suggested = apply_fixes(&safe, &diagnostics, FixMode::IncludeSuggested).0;
    let after_suggested = counts(&suggested, language);
    new.extend(new_findings(&after_safe, &after_suggested).into_iter().map(|n| format!("after suggestions: {n}")));
    (safe, suggested, new)
}

/// Indonesian sentences, each with one slip or none.
const ID_SENTENCES: &[&str] = &[
    "Kampung itu diterjang tsunami Warga mengungsi ke bukit terdekat",
    "polisi berjaga di sekitar jembatan sejak pagi",
    "Rapat warga dimulai pukul 4: 30 sore di balai desa",
    "Harga beras naik 50% ,kata seorang pedagang",
    "Nilai ekspor mencapai 3,2miliar dolar tahun lalu",
    "Inflasi naik 5 % dibanding bulan sebelumnya",
    "Surat itu di kirim kemarin oleh panitia",
    "Data pemilih di cek ulang oleh petugas",
    "Gol kedua lahir pada menit ke 58 lewat sundulan",
    "Salat Jum'at digelar di masjid raya",
    "Bantuan disambut presiden Ukraina Presiden Volodymyr Zelensky di Kyiv",
    "“Kami siap membantu,” Kata kepala dinas itu",
    "Ponsel itu memakai Bluetooth 4.2 dan Android 13.1",
    "Pasien ditangani Dr dr Rina Sari di rumah sakit",
    "Korban yang yang terluka dibawa ke puskesmas",
    "Ekonomi tumbuh 4.5 persen pada kuartal ini",
    "Orang -orang berkumpul di depan kantor bupati",
    "Banjir surut sekitar pukul 14:30 WIB",
    "Warga tinggal di rumah kerabat di Jakarta",
    "Gubernur Jawa Barat meninjau lokasi longsor",
    "Dr. Budi dan J. Smith hadir di Jl. Merdeka No. 5",
];

/// English sentences, each with one slip or none.
const EN_SENTENCES: &[&str] = &[
    "The river burst its banks overnight Residents fled to higher ground",
    "Other residents stayed in their homes",
    "officers seized 40 phones in the raid",
    "Sales rose 7 % to 4.5billion dollars",
    "He spoke to Her Majesty the Queen on Monday",
    "The meeting began at 9 a.m. Police said nothing",
    "It grew 2,5 percent last year",
    "“We are ready,” Said the minister",
    "Pumps to to drain the water arrived late",
    "It was welcomed by president of Ukraine President Volodymyr Zelensky",
    "The phone supports Bluetooth 4.2 and Android 13.1",
];

const JOINS: &[&str] = &[". ", ". ", ".\n\n", " ", "! ", ", "];

fn article(sentences: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(sentences), prop::sample::select(JOINS)), 1..8).prop_map(|parts| {
        let mut text = String::from("# Judul Berita\n\n");
        for (sentence, join) in parts {
            text.push_str(sentence);
            text.push_str(join);
        }
        text.trim_end().to_string() + "."
    })
}

#[test]
fn every_safe_fix_of_an_article_together() {
    let text = format!("# Judul Berita\n\n{}.\n", ID_SENTENCES.join(". "));
    let (safe, suggested, new) = fix_in_two_steps(&text, Language::Id);
    assert!(new.is_empty(), "new findings {new:?} in\n{safe}\n---\n{suggested}");
    for fixed in ["pukul 4:30 sore", "50%, kata", "3,2 miliar", "5%", "menit ke-58", "Jumat", "yang terluka", "4,5 persen", "Orang-orang", "Bluetooth 4.2", "Dr dr Rina"] {
        assert!(safe.contains(fixed), "{fixed:?} not in\n{safe}");
    }
    for fixed in ["tsunami. Warga", "Polisi berjaga", "dikirim", "dicek", "Presiden Ukraina Volodymyr", "” kata kepala"] {
        assert!(suggested.contains(fixed), "{fixed:?} not in\n{suggested}");
    }
    let text = format!("# Headline\n\n{}.\n", EN_SENTENCES.join(". "));
    let (safe, suggested, new) = fix_in_two_steps(&text, Language::En);
    assert!(new.is_empty(), "new findings {new:?} in\n{safe}\n---\n{suggested}");
    for fixed in ["7% to 4.5 billion", "2.5 percent", "Pumps to drain"] {
        assert!(safe.contains(fixed), "{fixed:?} not in\n{safe}");
    }
    for fixed in ["overnight. Residents", "Officers seized", "” said the minister", "Her Majesty the Queen", "9 a.m. Police"] {
        assert!(suggested.contains(fixed), "{fixed:?} not in\n{suggested}");
    }
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn fixes_never_create_a_finding_in_indonesian(text in article(ID_SENTENCES)) {
        let (safe, suggested, new) = fix_in_two_steps(&text, Language::Id);
        prop_assert!(new.is_empty(), "new findings {:?} in\n{}\n---\n{}\n---\n{}", new, text, safe, suggested);
    }

    #[test]
    fn fixes_never_create_a_finding_in_english(text in article(EN_SENTENCES)) {
        let (safe, suggested, new) = fix_in_two_steps(&text, Language::En);
        prop_assert!(new.is_empty(), "new findings {:?} in\n{}\n---\n{}\n---\n{}", new, text, safe, suggested);
    }
}
