use super::{fixes, in_parentheses, quoted, Quoted};
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};
use crate::lexicon::english;
use crate::lexicon::hunspell::Dialect;
use crate::lexicon::glossary;
use crate::words::{Occurrence, Verdict, WordCase};

/// `dalam sebuah publishing di platform` -> `unggahan`; English `on Kamis` -> `Thursday`.
pub struct ForeignWord;

static META: RuleMeta = RuleMeta {
    code: "untranslated/foreign-word",
    category: Category::Untranslated,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A word of the other language left in by a hurried or machine translation.",
    explanation: "In an Indonesian article: an English word that is not an absorbed loan (*bank*, *data*, \
*film* stay), English roots with Indonesian affixes (*mendownload*, *didelete*), and long words English by \
their shape (*-ing*, *-tion*, *-ness*). Consecutive foreign words are one finding, so a whole English \
sentence gets one. A capitalised English common noun in mid-sentence (*melihat Windows pecah*) is \
reported at info, since it may be a name. In an English article: Indonesian words, and Indonesian names \
of days and months. Silent on words marked foreign (Markdown emphasis), quoted terms and quoted speech, \
names, URLs and handles. Fixes: the Indonesian equivalent from the bundled glossary, or italics.",
    example_bad: "Kata presiden dalam sebuah publishing di platform media sosialnya.",
    example_good: "Kata presiden dalam sebuah unggahan di platform media sosialnya.",
};

const ID_DAYS_MONTHS: &[(&str, &str)] = &[
    ("Senin", "Monday"), ("Selasa", "Tuesday"), ("Rabu", "Wednesday"), ("Kamis", "Thursday"), ("Jumat", "Friday"),
    ("Sabtu", "Saturday"), ("Minggu", "Sunday"), ("Januari", "January"), ("Februari", "February"), ("Maret", "March"),
    ("Mei", "May"), ("Juni", "June"), ("Juli", "July"), ("Agustus", "August"), ("Oktober", "October"), ("Desember", "December"),
];

/// Small words that stand inside names of works and organisations: *Guide for the Apple
/// Macintosh*, *HP Imaging and Printing Security Center*.
const NAME_CONNECTORS: &[&str] = &["for", "the", "of", "and", "in", "on", "at", "to", "a", "an", "with", "from", "by", "de", "la", "van", "von", "der", "bin", "binti", "al"];

/// Whether the lower-case word at `i` joins capitalised words on both sides into one name.
fn inside_a_name(words: &[Occurrence<'_>], i: usize) -> bool {
    let capital = |w: &Occurrence<'_>| matches!(w.case, WordCase::Capitalised | WordCase::Acronym | WordCase::Initial);
    let connector = |w: &Occurrence<'_>| w.case == WordCase::Lower && NAME_CONNECTORS.contains(&w.lower());
    if !connector(&words[i]) {
        return false;
    }
    let mut left = i;
    while left > 0 && words[left - 1].token() + 1 == words[left].token() && connector(&words[left - 1]) {
        left -= 1;
    }
    let mut right = i;
    while right + 1 < words.len() && words[right].token() + 1 == words[right + 1].token() && connector(&words[right + 1]) {
        right += 1;
    }
    left > 0 && words[left - 1].token() + 1 == words[left].token() && capital(&words[left - 1])
        && right + 1 < words.len() && words[right].token() + 1 == words[right + 1].token() && capital(&words[right + 1])
}

/// An English inflection (plural, past, participle) that no Indonesian loan keeps: *boulders*,
/// *uprooted*, *aching*: a strong sign of a translation slip.
fn english_inflection(word: &str) -> bool {
    let is_english = |w: &str| w.chars().count() >= 3 && english::is_word(w, Dialect::Us);
    let bases: Vec<String> = [("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")]
        .iter()
        .filter_map(|(suffix, add)| word.strip_suffix(suffix).map(|b| format!("{b}{add}")))
        .collect();
    word.chars().count() >= 5 && !word.ends_with("ss") && bases.iter().any(|b| is_english(b))
}

/// English function words, short enough to be skipped as abbreviations otherwise: left in an
/// Indonesian sentence they are a translation's slip (*pemerintah and rakyat*).
const FUNCTION_WORDS: &[&str] = &["and", "the", "of", "for", "but", "are", "was", "has", "its", "our", "nor", "yet"];

/// Whether the words around `i` (four on each side, in its block) are mostly Indonesian: an
/// English word inside Indonesian prose, not a passage of English.
fn among_indonesian(ctx: &Context<'_>, words: &[Occurrence<'_>], i: usize) -> bool {
    let block = ctx.doc.block_of_token(words[i].token());
    let near = (i.saturating_sub(4)..(i + 5).min(words.len())).filter(|&j| j != i && ctx.doc.block_of_token(words[j].token()) == block);
    let (mut indonesian, mut all) = (0, 0);
    for j in near {
        all += 1;
        if words[j].case == WordCase::Lower && matches!(words[j].verdict(ctx.words), Verdict::Known | Verdict::NonStandard(_)) {
            indonesian += 1;
        }
    }
    all >= 3 && indonesian * 3 >= all * 2
}

/// How sure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// A capitalised word that may be a name.
    MaybeName,
    /// A foreign word that edited news also uses on purpose (jargon): translate or italicise.
    Term,
    /// Everyday vocabulary with an Indonesian equivalent, or an English inflection.
    Slip,
}

/// What one occurrence contributes: its equivalents, and how sure the finding is.
fn foreign(ctx: &Context<'_>, word: &Occurrence<'_>, words: &[Occurrence<'_>], i: usize) -> Option<(Vec<String>, Strength)> {
    let doc = ctx.doc;
    let lower = word.lower();
    // Short lower-case words are abbreviations, units and parts of names as often as not; an
    // English function word inside Indonesian prose is not.
    if word.case == WordCase::Lower && word.text().chars().count() <= 3 {
        let function_word = doc.language == Language::Id && FUNCTION_WORDS.contains(&lower) && !ctx.words.is_common_word(lower, Language::Id);
        // Before a lower-case word: `the Hollywood Reporter` is a name.
        let next_lower = words.get(i + 1).is_some_and(|w| w.case == WordCase::Lower && w.token() == word.token() + 1);
        if !(function_word && next_lower && among_indonesian(ctx, words, i)) {
            return None;
        }
        return Some((Vec::new(), Strength::Slip));
    }
    match (doc.language, word.case) {
        (_, WordCase::Lower) => match word.verdict(ctx.words) {
            Verdict::Foreign(equivalents) => {
                // English news keeps only a known set of Indonesian words; any other is a slip.
                let slip = doc.language == Language::En || !equivalents.is_empty() || english_inflection(lower);
                Some((equivalents.iter().map(|e| e.to_string()).collect(), if slip { Strength::Slip } else { Strength::Term }))
            }
            Verdict::ForeignRoot { equivalents, hyphenated: false, .. } => Some((equivalents.clone(), Strength::Slip)),
            _ => None,
        },
        // `dia melihat Windows pecah`: a capitalised English common noun between lower-case words.
        (Language::Id, WordCase::Capitalised) => {
            let neighbours_lower = |j: Option<usize>| j.and_then(|j| words.get(j)).is_some_and(|w| w.case == WordCase::Lower && w.token().abs_diff(word.token()) == 1);
            if !(neighbours_lower(i.checked_sub(1)) && neighbours_lower(Some(i + 1))) {
                return None;
            }
            // Only glossary words: judging every name in full would cost suggestions for each.
            let equivalents = glossary::indonesian_for(lower)?;
            (!ctx.words.is_common_word(lower, Language::Id)).then(|| (equivalents.iter().map(|e| e.to_string()).collect(), Strength::MaybeName))
        }
        (Language::En, WordCase::Capitalised | WordCase::Initial) => {
            ID_DAYS_MONTHS.iter().find(|(id, _)| *id == word.text()).map(|(_, en)| (vec![en.to_string()], Strength::Slip))
        }
        _ => None,
    }
}

impl Rule for ForeignWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let words = ctx.occurrences();
        // Runs of adjacent foreign words become one finding, as sure as its surest word.
        let mut run: Option<(Span, usize, Vec<String>, Strength)> = None;
        let flush = |run: &mut Option<(Span, usize, Vec<String>, Strength)>, out: &mut Vec<Diagnostic>| {
            let Some((span, count, equivalents, strength)) = run.take() else { return };
            let text = doc.str(span);
            let (language, other) = match doc.language {
                Language::Id => ("an Indonesian", "English"),
                Language::En => ("an English", "Indonesian"),
            };
            let message = match strength {
                Strength::MaybeName => format!("'{text}' looks like an untranslated {other} word (unless it is a name)"),
                Strength::Term => format!("'{text}' is {other}: translate it, or italicise it if it is kept"),
                Strength::Slip => format!("'{text}' is {other} in {language} article: translate it"),
            };
            let mut d = META.diagnostic(span, message);
            d.severity = match strength {
                Strength::Slip => Severity::Warning,
                Strength::Term | Strength::MaybeName => Severity::Info,
            };
            let equivalents = if count == 1 { equivalents } else { Vec::new() };
            d.fixes = fixes(doc, span, &equivalents);
            out.push(d);
        };
        for (i, word) in words.iter().enumerate() {
            let found = foreign(ctx, word, words, i)
                .filter(|_| !(doc.is_emphasised(word.span()) || inside_a_name(words, i) || in_parentheses(doc, word.token())))
                .and_then(|(equivalents, strength)| match quoted(ctx, word.token()) {
                    Quoted::Exempt => None,
                    // A speaker may mix languages; the translator may have slipped. Ask, don't insist.
                    Quoted::Speech => Some((equivalents, strength.min(Strength::Term))),
                    Quoted::No => Some((equivalents, strength)),
                });
            let Some((equivalents, strength)) = found else {
                flush(&mut run, out);
                continue;
            };
            // Extend the run when only white space separates this word from the last, in the
            // same block: masked Markdown (a code block, a tag) between two words leaves no token
            // between them, and a run across it (or across blocks) is no phrase, and could never
            // be italicised whole (a `fix --include-suggested` added asterisks on every run).
            let adjacent = run.as_ref().is_some_and(|(span, _, _, _)| {
                doc.tokens.get(word.token().wrapping_sub(1)).is_some_and(|prev| prev.span.end == span.end && prev.kind == TokenKind::Word)
                    && doc.text[span.end..word.span().start].chars().all(char::is_whitespace)
                    && doc.block_of_token(word.token() - 1) == doc.block_of_token(word.token())
            });
            if adjacent && strength != Strength::MaybeName {
                if let Some((span, count, _, run_strength)) = run.as_mut() {
                    span.end = word.span().end;
                    *count += 1;
                    *run_strength = (*run_strength).max(strength);
                }
            } else {
                flush(&mut run, out);
                run = Some((word.span(), 1, equivalents, strength));
            }
        }
        flush(&mut run, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{flagged, run};

    #[test]
    fn english_function_words_left_in_indonesian_prose_are_slips() {
        for (text, word) in [
            ("Pemerintah and rakyat bekerja sama membangun jalan desa itu.", "and"),
            ("Warga mengumpulkan bantuan for korban banjir di desa tersebut.", "for"),
            ("Relawan membagikan makanan kepada para pengungsi but tidak cukup untuk semua.", "but"),
        ] {
            let found = run(&ForeignWord, Id, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(&text[found[0].span.range()], word);
            assert_eq!(found[0].severity, Severity::Warning);
        }
        // A name, a passage of English, an English article, and short Indonesian words stay silent.
        for (language, text) in [
            (Id, "Ia membaca the Jakarta Post setiap pagi sebelum berangkat kerja."),
            (Id, "Warga menulis di spanduk: for the people and by the people."),
            (Id, "Dia pergi ke pasar dan membeli ikan untuk makan malam."),
            (En, "The government and the people worked for the village."),
        ] {
            let found: Vec<_> = run(&ForeignWord, language, text).into_iter().filter(|d| ["and", "for", "the", "but", "by"].contains(&&text[d.span.range()])).collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn flags_english_left_in_indonesian() {
        assert_eq!(flagged(&ForeignWord, Id, "Kata presiden AS dalam sebuah publishing di platform media sosialnya."), ["publishing"]);
        assert_eq!(flagged(&ForeignWord, Id, "Penyelamat pada Kamis aching mengatakan korban selamat."), ["aching"]);
        assert_eq!(flagged(&ForeignWord, Id, "Warga diminta mendownload aplikasi dan adanya storm surge."), ["mendownload", "storm surge"]);
        let d = &run(&ForeignWord, Id, "Warga diminta mendownload aplikasi itu.")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "mengunduh");
        assert_eq!(run(&ForeignWord, Id, "Tim itu bermain dengan confidence tinggi.")[0].severity, Severity::Info);
        // A word left in translated speech may still be a slip, but the speaker may have said it.
        let quoted = run(&ForeignWord, Id, "“Anak-anak bermain dengan boulders besar di babak kedua,” katanya.");
        assert_eq!(quoted.len(), 1);
        assert_eq!(quoted[0].severity, Severity::Info);
        assert_eq!(run(&ForeignWord, Id, "Lumpur membawa boulders besar.")[0].severity, Severity::Warning);
        let windows = run(&ForeignWord, Id, "Dia melihat Windows pecah.");
        assert_eq!(windows.len(), 1);
        assert_eq!(windows[0].severity, Severity::Info);
    }

    /// Words on either side of masked Markdown (a code block, a code span) or of a block break
    /// are two findings, not one phrase: a run across them cannot be italicised whole, and
    /// `fix --include-suggested` added asterisks around it on every run.
    #[test]
    fn runs_stop_at_masked_markdown_and_block_breaks() {
        use crate::document::{Document, LanguageChoice};
        use crate::prose::DocFormat;
        let markdown = |text: &str| {
            let doc = Document::new(text, DocFormat::Markdown, LanguageChoice { forced: Some(Id), ..Default::default() });
            let config = crate::config::Config::default();
            let words = crate::words::WordJudge::new(Id, config.english, &config.lexicon);
            let mut out = Vec::new();
            ForeignWord.check(&Context::new(&doc, &config, &words), &mut out);
            out.iter().map(|d| text[d.span.range()].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(markdown("Warga melihat storm surge besar."), ["storm surge"]);
        assert_eq!(markdown("Warga melihat storm `x` surge besar."), ["storm", "surge"]);
        assert_eq!(markdown("Warga melihat storm\n```\nx\n```\nsurge besar."), ["storm", "surge"]);
        assert_eq!(flagged(&ForeignWord, Id, "Warga melihat storm\n\nsurge besar."), ["storm", "surge"]);
    }

    #[test]
    fn flags_indonesian_left_in_english() {
        assert_eq!(flagged(&ForeignWord, En, "The police said on Kamis that the pagi statement was late."), ["Kamis", "pagi"]);
    }

    #[test]
    fn stays_silent_on_loans_terms_quotes_and_names() {
        for text in [
            "Bank data film media internet video di platform itu.",
            "Dia menyebut kata “entrepreneur” berulang kali.",
            "“We will not give up,” kata Presiden kepada wartawan.",
            "Buku Guide for the Apple Macintosh dan HP Imaging and Printing Security Center dibahas.",
            "Lihat https://contoh.id/publishing dan @breaking_news.",
            "Soemitro memanggil kuasa usaha (charge d'affaires) Kedutaan Jepang.",
        ] {
            assert!(flagged(&ForeignWord, Id, text).is_empty(), "{text}: {:?}", flagged(&ForeignWord, Id, text));
        }
        assert!(flagged(&ForeignWord, En, "The bupati of the kampung paid in rupiah.").is_empty());
    }
}
