//! Cost in proportion to the text (issue 18): for each way an input was found to grow the work
//! faster than itself, doubling the input must not more than triple the work.
//!
//! Work is counted, not timed: `sunting::work` is charged by the inner loops that were
//! quadratic or worse (tokens read for a reporting cue, a phrase or a place; quotations and
//! number mentions walked per sentence; spellings made for a loan; hashes taken for a name's
//! variants; characters walked for a column; letters of each word judged), so the count does
//! not depend on the machine's load, and a rule that goes back to reading its sentence once per
//! quotation or figure grows it by four times a doubling.
//!
//! Each input is checked once at twice its size first: verdicts on words are shared by the whole
//! process, and the measured runs should both find them known.

use ropey::Rope;
use std::sync::LazyLock;
use sunting::config::Config;
use sunting::document::LanguageChoice;
use sunting::work;
use sunting::position::{span_to_range, PositionEncoding};
use sunting::{CheckOptions, DocFormat, Language};

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fn options(forced: Option<Language>) -> CheckOptions<'static> {
    CheckOptions { format: DocFormat::Markdown, language: LanguageChoice { forced, configured: Default::default() }, config: &CONFIG }
}

/// The work of checking `text` and converting every finding's span to a position, as a report
/// does; and the number of findings.
fn work_of(text: &str, language: Option<Language>) -> (u64, usize) {
    work::take();
    let result = sunting::check(text, &options(language));
    let rope = Rope::from_str(text);
    for d in &result.diagnostics {
        span_to_range(&rope, d.span.start, d.span.end, PositionEncoding::Utf16);
    }
    (work::take(), result.diagnostics.len())
}

/// Doubling `make(n)` at most triples the work; the work is at least `n` (the counted loops ran).
fn assert_grows_in_proportion(name: &str, language: Option<Language>, n: usize, make: impl Fn(usize) -> String) {
    work_of(&make(2 * n), language);
    let (small, found) = work_of(&make(n), language);
    let (large, found_large) = work_of(&make(2 * n), language);
    eprintln!("{name}: n={n} work={small} findings={found}; 2n work={large} findings={found_large}");
    assert!(small >= n as u64, "{name}: the counted loops did not run ({small} steps for n = {n})");
    assert!(large <= 3 * small, "{name}: doubling the input took the work from {small} to {large}");
}

#[test]
fn one_long_lower_case_word() {
    // D1: 7,676 letters overflowed the stack in the loan search. Letters other than the
    // measured runs' keep the word new to the process.
    for (letters, language) in [("ab", None), ("ha", Some(Language::Id)), ("wk", Some(Language::En))] {
        let word = letters.repeat(10_000);
        assert!(sunting::check(&format!("{word}\n"), &options(language)).diagnostics.len() <= 1);
    }
    // Each run a word new to the process, so that its verdict is not remembered from the last.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    assert_grows_in_proportion("long lower-case word", None, 8_000, |n| {
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!("Polisi datang. {}{} kemarin.\n", "a".repeat(n), "b".repeat(run))
    });
}

#[test]
fn one_long_capitalised_word() {
    // D14: the name rule hashed O(n²) deletion variants of O(n) letters each.
    assert_grows_in_proportion("long capitalised word", Some(Language::Id), 4_000, |n| format!("Polisi menangkap Ba{} kemarin.\n", "ba".repeat(n / 2)));
}

#[test]
fn straight_quotations_in_one_sentence() {
    // D2: `"kata "` repeated was cubic in quotes/unattributed.
    assert_grows_in_proportion("straight quotations in one sentence", None, 1_000, |n| format!("{}\n", "\"kata \"".repeat(n)));
    assert_grows_in_proportion("curly quotations in one sentence", None, 1_000, |n| format!("{}\n", "“kata ” ".repeat(n)));
}

#[test]
fn closed_quotations_in_one_paragraph() {
    // D15 q1.
    assert_grows_in_proportion("closed quotations in one paragraph", Some(Language::Id), 1_000, |n| {
        format!("Hujan turun. {}\n", "“Kami sudah siap sejak pagi tadi.” ".repeat(n))
    });
    // Run-on prose with attributed and unattributed quotations.
    assert_grows_in_proportion("run-on quotations", Some(Language::Id), 500, |n| {
        format!("{}.\n", (0..n).map(|i| if i % 3 == 0 { "“Kami sudah siap,” kata Budi, lalu" } else { "“semua tim sudah bergerak ke lokasi” dan" }).collect::<Vec<_>>().join(" "))
    });
}

#[test]
fn unclosed_quotations_in_one_paragraph() {
    // D15 q2: each unclosed `“` runs to the end of the paragraph.
    assert_grows_in_proportion("unclosed quotations", None, 2_000, |n| format!("{}\n", "“kata ".repeat(n)));
    assert_grows_in_proportion("unclosed quotations with attributions", Some(Language::Id), 1_000, |n| format!("{}\n", "“Kami siap, katanya. ".repeat(n)));
}

#[test]
fn a_quotation_reopened_over_many_paragraphs() {
    // D15 q3: `Quotations::chain` per part, and the reopening found by reading every quotation.
    assert_grows_in_proportion("quotation reopened over paragraphs", Some(Language::Id), 1_000, |n| {
        format!("Budi berkata, {}“Selesai,” katanya.\n", "“Kami sudah siap sejak pagi.\n\n".repeat(n))
    });
}

#[test]
fn figures_in_one_sentence() {
    // D13: the days, places and scope of the sentence were read again for every figure.
    assert_grows_in_proportion("figures in one sentence", Some(Language::Id), 1_000, |n| {
        format!("Sebanyak 42 korban, terdiri atas {}.\n", (0..n).map(|i| format!("{} orang tewas", i % 90 + 1)).collect::<Vec<_>>().join(", "))
    });
    assert_grows_in_proportion("figures with filler in one sentence", Some(Language::Id), 500, |n| {
        format!(
            "Pada Senin di Kabupaten Sleman, {} menurut polisi.\n",
            (0..n).map(|i| format!("sebanyak {} orang tewas di Desa Sukamaju dan {} rumah rusak berat", i % 50 + 2, i % 70 + 3)).collect::<Vec<_>>().join(" serta ")
        )
    });
    assert_grows_in_proportion("money in one sentence", Some(Language::Id), 500, |n| {
        format!("Kerugian negara mencapai {}.\n", (0..n).map(|i| format!("Rp {} miliar", i % 90 + 1)).collect::<Vec<_>>().join(" dan "))
    });
}

#[test]
fn claims_in_one_article_and_one_sentence() {
    // The claims model's relations are grouped by what is counted: no pair of claims is compared
    // beyond a bounded window, so an article of thousands of figures stays linear.
    const NOUNS: [&str; 5] = ["penumpang", "nasabah", "kendaraan", "sekolah", "pelanggan"];
    assert_grows_in_proportion("counts, breakdowns, shares and changes in one article", Some(Language::Id), 400, |n| {
        (0..n)
            .map(|i| {
                let noun = NOUNS[i % NOUNS.len()];
                format!(
                    "Kapal mengangkut {} {noun}. Sebanyak {} {noun} selamat dan {} {noun} meninggal. Sisanya, {} {noun}, masih dicari. Harga naik {} persen, dari Rp {} menjadi Rp {}.\n\n",
                    i % 90 + 20,
                    i % 60 + 5,
                    i % 7 + 1,
                    i % 5 + 1,
                    i % 30 + 1,
                    1000 + i,
                    1100 + i
                )
            })
            .collect()
    });
    assert_grows_in_proportion("one count of one noun many times", Some(Language::En), 1_000, |n| {
        (0..n).map(|i| format!("Officials said {} passengers survived.\n\n", i % 3 + 10)).collect()
    });
    assert_grows_in_proportion("shares and remainders in one sentence", Some(Language::Id), 500, |n| {
        format!(
            "Dari 900 warga, {} dan sisanya dirawat.\n",
            (0..n).map(|i| format!("{} kursi, atau {} persen dari {} kursi", i % 50 + 1, i % 40 + 1, i % 90 + 100)).collect::<Vec<_>>().join(", ")
        )
    });
}

#[test]
fn many_findings_on_one_line() {
    // D16: each position was counted from the start of its line.
    assert_grows_in_proportion("findings on one long line", Some(Language::Id), 1_000, |n| {
        format!("{}\n", "Polisi datang ke lokasi , kata dia . ".repeat(n))
    });
}

#[test]
fn a_long_article_of_ordinary_noisy_prose() {
    let paragraphs = [
        "JAKARTA — Banjir merendam 1.200 rumah di Kabupaten Bekasi pada Senin (3/3), kata Kepala BPBD, Budi Santoso.",
        "“Kami sudah siap sejak pagi tadi,” ujar Budi. Sebanyak 42 korban, terdiri atas 7 orang tewas dan 35 orang luka-luka.",
        "Warga mengeluhkan pemerinatah yang lambat . Air naik naik hingga 2 meter di Desa Sukamaju, Rabu.",
        "Menurut data BNPB, 12 kecamatan terdampak dan 3.400 warga mengungsi ke 15 titik pengungsian.",
        "“Remnya sudah bau sangit sejak turun dari puncak.” Bus itu terguling di tanjakan,kata polisi.",
        "Kerugian ditaksir mencapai Rp 2,5 miliar. Sekitar 40% lahan pertanian rusak, naik dari 30% tahun lalu.",
    ];
    assert_grows_in_proportion("long noisy article", Some(Language::Id), 300, |n| {
        (0..n).map(|i| paragraphs[i % paragraphs.len()].replace("42", &(40 + i % 9).to_string())).collect::<Vec<_>>().join("\n\n")
    });
    assert_grows_in_proportion("long noisy article on one line", Some(Language::Id), 300, |n| {
        (0..n).map(|i| paragraphs[i % paragraphs.len()]).collect::<Vec<_>>().join(" ")
    });
}

#[test]
fn many_names_a_letter_or_two_apart() {
    // Issue 21: name mentions given short, full names, sentence-opening given names and names
    // written as one word and as two, all close to each other: grouping them must not compare
    // every pair.
    let name = |i: usize| -> String {
        let letters: Vec<char> = "abdegiklmnoprstu".chars().collect();
        let (a, b, c) = (letters[i % 16], letters[(i / 16) % 16], letters[(i / 256) % 16]);
        format!("Sura{a}{b}{c}o")
    };
    assert_grows_in_proportion("many names a letter apart", Some(Language::Id), 400, |n| {
        let mut text = String::new();
        for i in 0..n {
            let (this, next) = (name(i), name(i + 1));
            text.push_str(&format!(
                "Warga desa, Rahmat {this} ({}), mengatakan banjir datang. Rahmat {next} lalu pergi. {this} menambahkan air surut, kata {next}. Warga Lingga {this} dan Linggasura{next} mengungsi.\n\n",
                20 + i % 50
            ));
        }
        text
    });
}
