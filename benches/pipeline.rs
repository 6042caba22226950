//! `cargo bench`: segmentation, each rule, the whole pipeline, and the language server's
//! provisional re-diagnosis after a one-character edit, on a 2,000- and a 20,000-word news article
//! in Indonesian and in English, with throughput in bytes per second.
//!
//! The articles come from `bench/gen_articles.py` (news-like text made from templates and the
//! project's word lists; the evaluation corpus is never used). Word verdicts are cached across
//! documents, as in a batch run, so after the first iteration the rules see warm
//! verdicts: these are steady-state numbers. Cold start is measured by `bench/compare.sh`.
//!
//!     cargo bench --bench pipeline                 # everything
//!     cargo bench --bench pipeline -- pipeline/    # the whole pipeline only
//!     cargo bench --bench pipeline -- incremental/ # a one-character edit, provisionally
//!     cargo bench --bench pipeline -- figures/     # 1,000 and 10,000 figures in one article

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::process::Command;
use std::time::Duration;
use sunting::config::Config;
use sunting::document::{Document, LanguageChoice};
use sunting::engine::{check, CheckOptions};
use sunting::incremental::{provisional, ChangeLog, TextChange};
use sunting::rules::{Context, REGISTRY};
use sunting::words::WordJudge;
use sunting::{DocFormat, Language};

const SIZES: [usize; 2] = [2_000, 20_000];

/// A generated article of about `words` words.
fn article(language: Language, words: usize) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/gen_articles.py");
    let out = Command::new("python3")
        .args([script, "--lang", language.code(), "--words", &words.to_string(), "--seed", "1"])
        .output()
        .expect("python3 runs bench/gen_articles.py");
    assert!(out.status.success(), "gen_articles.py failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 article")
}

fn choice(language: Language) -> LanguageChoice {
    LanguageChoice { forced: Some(language), ..LanguageChoice::default() }
}

fn benches(c: &mut Criterion) {
    let config = Config::default();
    for language in [Language::Id, Language::En] {
        for words in SIZES {
            let text = article(language, words);
            let id = format!("{}/{words}", language.code());

            let mut group = c.benchmark_group("segmentation");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(BenchmarkId::from_parameter(&id), |b| b.iter(|| Document::new(black_box(&text), DocFormat::Markdown, choice(language))));
            group.finish();

            let mut group = c.benchmark_group("pipeline");
            group.throughput(Throughput::Bytes(text.len() as u64));
            let options = CheckOptions { format: DocFormat::Markdown, language: choice(language), config: &config };
            group.bench_function(BenchmarkId::from_parameter(&id), |b| b.iter(|| check(black_box(&text), &options)));
            group.finish();

            // A letter typed at the end of a word in the middle of the article: the paragraph re-checked,
            // the rest of the full check carried over (what the language server publishes first).
            let before = check(&text, &options);
            let mid = (text.len() / 2..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            let at = mid + text[mid..].find(' ').unwrap_or(0);
            let mut edited = text.clone();
            edited.insert(at, 'x');
            let mut changes = ChangeLog::default();
            changes.push(TextChange { start: at, end: at, new_len: 1 });
            let mut group = c.benchmark_group("incremental");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(BenchmarkId::new("provisional", &id), |b| {
                b.iter(|| provisional(&before.diagnostics, before.language, &changes, black_box(&edited), &options))
            });
            group.finish();

            // Each rule alone on a document analysed once (as the engine does for all rules).
            let doc = Document::new(&text, DocFormat::Markdown, choice(language));
            let mut group = c.benchmark_group("rule");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1));
            for rule in REGISTRY.iter().filter(|r| r.meta().applies_to(language)) {
                group.bench_function(BenchmarkId::new(rule.meta().code, &id), |b| {
                    b.iter(|| {
                        let words = WordJudge::new(language, config.english, &config.lexicon);
                        let ctx = Context::new(&doc, &config, &words);
                        let mut out = Vec::new();
                        rule.check(&ctx, &mut out);
                        out
                    })
                });
            }
            group.finish();
        }
    }
}

/// An article of `n` figures: counts of many nouns in many states, breakdowns with remainders,
/// shares and changes, in both languages' patterns. The claims' relations must grow no faster
/// than n log n (they are grouped by what they count first).
pub fn figures_article(n: usize) -> String {
    const NOUNS: [&str; 8] = ["penumpang", "warga", "pendaki", "nasabah", "kendaraan", "sekolah", "pelanggan", "pekerja"];
    let mut out = String::from("Banjir Tewaskan 12 Orang di Bekasi\n\nBEKASI, KOMPAS — Banjir menewaskan 12 orang di Bekasi, Senin (14/4/2025).\n\n");
    let mut written = 0;
    let mut i = 0;
    while written < n {
        let noun = NOUNS[i % NOUNS.len()];
        let (a, b, c) = (i % 90 + 10, i % 7 + 1, i % 5 + 1);
        out.push_str(&format!(
            "Kapal itu mengangkut {} {noun}. Sebanyak {a} {noun} selamat dan {b} {noun} meninggal. Sisanya, {c} {noun}, masih dicari. \
             Harga naik {} persen, dari Rp {} menjadi Rp {}. Sebanyak {} kursi, atau {} persen dari {} kursi, terisi.\n\n",
            a + b + c + i % 2,
            i % 30 + 1,
            1000 + i,
            1100 + i,
            i % 50 + 1,
            i % 40 + 1,
            200 + i
        ));
        written += 10;
        i += 1;
    }
    out
}

fn figures(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("figures");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    for n in [1_000, 10_000] {
        let text = figures_article(n);
        group.throughput(Throughput::Elements(n as u64));
        let options = CheckOptions { format: DocFormat::Markdown, language: choice(Language::Id), config: &config };
        group.bench_function(BenchmarkId::new("pipeline", n), |b| b.iter(|| check(black_box(&text), &options)));
        let doc = Document::new(&text, DocFormat::Markdown, choice(Language::Id));
        group.bench_function(BenchmarkId::new("claims", n), |b| {
            b.iter(|| {
                let mentions = sunting::numbers::mentions(&doc);
                let claims = sunting::claims::Claims::new(&doc, &mentions);
                (sunting::claims::relations::contradictions(&claims).len(), sunting::claims::relations::breakdowns(&claims, &doc).len())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = figures_group;
    config = Criterion::default();
    targets = figures
}

criterion_group! {
    name = pipeline;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(pipeline, figures_group);
