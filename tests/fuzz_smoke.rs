//! The fuzz targets of `fuzz/` on stable Rust: every input kept in `tests/regressions/<target>/`
//! is replayed, then each target runs on generated inputs (random bytes, and the fixture
//! articles mutated with Markdown syntax, quotation marks, CRLF, BOMs, surrogate pairs and cuts
//! through multi-byte characters) for a bounded time. `cargo test` gives each target a short
//! smoke run; `SUNTING_FUZZ_SECS=N` runs each for N seconds and `SUNTING_FUZZ_SEED=S` picks
//! another sequence (`fuzz/run.sh` does both). A failing input is written to the test's temporary
//! folder, named in the failure, ready to be kept in `tests/regressions/`.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("check", harness::check),
    ("markdown", harness::markdown),
    ("rope_edits", harness::rope_edits),
    ("config", harness::config),
];

/// xorshift64*: a fixed, dependency-free sequence from a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Snippets that exercise the masking, the tokenizer, the suppression comments and the rules.
const SNIPPETS: &[&str] = &[
    "```", "`", "``", "*", "**", "_", "__", "~~", "[", "]", "](", "](http://x.id)", "![", "<", ">", "<b>", "</b>", "<!--", "-->",
    "<!-- sunting-disable -->", "<!-- sunting-enable -->", "<!-- sunting-ignore-next-line -->", "<!-- sunting-disable typography/nope -->",
    "<!-- sunting-disable typography/doubled-punctuation", "---\n", "+++\n", "lang: en\n", "> ", "# ", "- ", "1. ", "|", "| --- |", "$", "$$", "[^1]", "\\",
    "\r\n", "\r", "\n", "\n\n", "\u{feff}", "\u{0}", "\u{1a}", "\u{1f}", "😀", "👍🏽", "e\u{301}", "東京", "\u{2028}", "\u{85}", "\u{a0}", "\u{200b}",
    "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "!!", "?!", "..", "...", "…", " ,", " .", ",,", "—", "–", "-", "--",
    "1.000", "1,5", "12:30", "12.30", "1: 00", "10%", "Rp 1.000", "2024", "1.000.000", "-1", "½", "١٢٣", "Ⅻ",
    "http://", "https://contoh.id/a?b=1", "www.", "a@b.co.id", "@handle", "#tag", "yang yang", "the the", "kata-kata", "orang- orang",
    "kata", "Jakarta", "Presiden Joko Widodo", "ujar", "kata dia", "said", "AS", "U.S.", "Dr.", "Jl. ", "pukul ", "WIB", " tewas", " orang",
];

fn fixture_seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    let mut stack = vec![root.join("tests/fixtures"), root.join("examples")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                seeds.push(bytes);
            }
        }
    }
    seeds.sort();
    seeds
}

fn config_seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<Vec<u8>> = [
        "language = \"id\"\nignore = [\"drafts/**\"]\nwords = [\"kamus.txt\"]\n[severity]\ntypography = \"error\"\n\"typography/doubled-word\" = \"off\"\n\0Zelenskyy\nbuzzer\n",
        "english = \"gb\"\ndictionaries = [\"x.dic\"]\n\0SET UTF-8\n",
        "styles = [\"gaya.toml\"]\ndefault-styles = false\n",
        "language = [\n",
        "[severity]\n\"typography/nope\" = \"off\"\n",
        "{\"sunting\": {\"language\": \"fr\", \"severity\": {\"typography\": \"loud\"}, \"debounceMs\": -1}}",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    if let Ok(entries) = std::fs::read_dir(root.join("styles")) {
        let mut styles: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        styles.sort();
        for path in styles {
            if let Ok(bytes) = std::fs::read(&path) {
                seeds.push([b"styles = [\"gaya.toml\"]\n\0".as_slice(), &bytes].concat());
            }
        }
    }
    seeds
}

/// A mutation of a seed, or fresh random bytes.
fn generate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    if seeds.is_empty() || rng.chance(8) {
        const ALPHABET: &[u8] = b" aeiKkn.,!?\n\r\"'*`#[]<>-:0123";
        let len = rng.below(600);
        return (0..len).map(|_| if rng.chance(3) { rng.next() as u8 } else { ALPHABET[rng.below(ALPHABET.len())] }).collect();
    }
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            0 | 1 => {
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes();
                data.splice(at..at, snippet.iter().copied());
            }
            2 if !data.is_empty() => {
                let end = (at + 1 + rng.below(40)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 if !data.is_empty() => {
                // Any byte: cuts through multi-byte characters and makes invalid UTF-8.
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            4 => {
                let end = (at + rng.below(200)).min(data.len());
                let copy = data[at.min(end)..end].to_vec();
                let to = rng.below(data.len() + 1);
                data.splice(to..to, copy);
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(400)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            _ => data.truncate(at),
        }
    }
    data.truncate(16 * 1024);
    data
}

/// Run one input; on a panic, or when it takes longer than `SUNTING_FUZZ_TIMEOUT` seconds (as
/// libFuzzer's `-timeout`), keep the input and fail with where it is.
fn run_one(name: &str, target: Target, data: &[u8]) {
    let started = Instant::now();
    let panicked = catch_unwind(AssertUnwindSafe(|| target(data))).is_err();
    let took = started.elapsed();
    let slow = input_limit().is_some_and(|limit| took > limit);
    if panicked || slow {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        let path = dir.join(format!("{}-{hash:016x}", if panicked { "crash" } else { "slow" }));
        std::fs::write(&path, data).unwrap();
        let what = if panicked { "failed".to_string() } else { format!("took {:.1} s", took.as_secs_f64()) };
        panic!("fuzz target {name} {what} on {} (keep it in tests/regressions/{name}/): {:?}", path.display(), String::from_utf8_lossy(&data[..data.len().min(300)]));
    }
}

/// The time one input may take (`SUNTING_FUZZ_TIMEOUT`, seconds; none by default).
fn input_limit() -> Option<Duration> {
    std::env::var("SUNTING_FUZZ_TIMEOUT").ok().and_then(|s| s.parse::<f64>().ok()).map(Duration::from_secs_f64)
}

/// The inputs in the folder `SUNTING_FUZZ_SEEDS` names (`fuzz/run.sh` puts the ones
/// `fuzz/gen_adversarial.py` makes there).
fn extra_seeds() -> Vec<Vec<u8>> {
    let Some(dir) = std::env::var_os("SUNTING_FUZZ_SEEDS") else { return Vec::new() };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

#[test]
fn regressions_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut replayed = 0;
    for &(name, target) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            if catch_unwind(AssertUnwindSafe(|| target(&data))).is_err() {
                panic!("regression {} fails again", path.display());
            }
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs found under {}", root.display());
}

fn budget() -> Duration {
    match std::env::var("SUNTING_FUZZ_SECS").ok().and_then(|s| s.parse::<f64>().ok()) {
        Some(secs) => Duration::from_secs_f64(secs),
        // The smoke run of `cargo test`: short, but long enough for a few hundred inputs.
        None => Duration::from_millis(1500),
    }
}

fn fuzz(name: &str) {
    let (_, target) = *TARGETS.iter().find(|(n, _)| *n == name).unwrap();
    let seed = std::env::var("SUNTING_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_u64);
    let mut rng = Rng(seed ^ name.bytes().fold(0x9e37_79b9_7f4a_7c15u64, |h, b| h.rotate_left(7) ^ u64::from(b)) | 1);
    let seeds = match name {
        "config" => config_seeds(),
        "rope_edits" => Vec::new(),
        // The first byte picks the format and language (bit 7: also fix until stable).
        _ => {
            let mut seeds: Vec<Vec<u8>> = fixture_seeds().into_iter().flat_map(|s| [[&[0u8][..], &s].concat(), [&[0x83u8][..], &s].concat()]).collect();
            seeds.extend(extra_seeds());
            seeds
        }
    };
    let started = Instant::now();
    let budget = budget();
    let mut runs = 0u64;
    // The seeds from `SUNTING_FUZZ_SEEDS` come last and are always run: they are the inputs
    // that once were slow.
    let extra = if matches!(name, "config" | "rope_edits") { 0 } else { extra_seeds().len() };
    for (k, seed_input) in seeds.iter().enumerate() {
        if started.elapsed() > budget && k < seeds.len() - extra {
            continue;
        }
        run_one(name, target, seed_input);
        runs += 1;
    }
    while started.elapsed() < budget || runs < 20 {
        let mut data = generate(&mut rng, &seeds);
        if !matches!(name, "config" | "rope_edits") && !data.is_empty() && rng.chance(2) {
            data[0] = rng.next() as u8;
        }
        run_one(name, target, &data);
        runs += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!("fuzz {name}: {runs} runs in {secs:.1} s ({:.0}/s), seed {seed}", runs as f64 / secs);
}

#[test]
fn fuzz_check() {
    fuzz("check");
}

#[test]
fn fuzz_markdown() {
    fuzz("markdown");
}

#[test]
fn fuzz_rope_edits() {
    fuzz("rope_edits");
}

#[test]
fn fuzz_config() {
    fuzz("config");
}
