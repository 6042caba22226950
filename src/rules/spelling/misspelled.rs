use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::rules::{Context, Rule, RuleMeta};
use crate::lexicon::WordMap;
use crate::words::{match_case, Occurrence, Verdict, WordCase};

/// `pemerinatah` -> `pemerintah`; `goverment` -> `government`.
pub struct Misspelled;

static META: RuleMeta = RuleMeta {
    code: "spelling/misspelled",
    category: Category::Spelling,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A word that is not in the dictionary, with ranked corrections.",
    explanation: "Words are checked against Hunspell's id_ID or en_US/en_GB dictionaries, the project's word \
lists, and, in Indonesian, the rules of affixation (meN- with nasal assimilation, di-, ber-, ter-, peN-, per-, \
ke-, se-, -kan, -i, -an, the confixes and the clitics -nya, -ku, -mu, -lah, -kah, -pun) and reduplication, \
so *menewaskan*, *upayanya* and *kemerah-merahan* pass. Capitalised words in mid-sentence (names), \
acronyms, words with digits, URLs, handles and foreign words (see `untranslated/foreign-word`) are not \
judged here, and neither are regular loans spelled by EYD V's absorption rules (*komposisi*, \
*disabilitas*). A word one slip from known words (two letters swapped, a letter doubled, dropped or \
mistyped) is reported with those words ranked, the likeliest slip first: a warning when it has five \
letters or more, a hint when it is shorter or written the same way three times or more (then it is \
more likely a term or a name). An unknown word with no such neighbour is left alone.",
    example_bad: "Juru bicara pemerinatah mengatakan bantuan akan teirma besok.",
    example_good: "Juru bicara pemerintah mengatakan bantuan akan diterima besok.",
};

impl Rule for Misspelled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let words = ctx.occurrences();
        // A capitalised unknown word at the start of a sentence may be a name.
        let slips: Vec<(&Occurrence<'_>, &[String])> = words
            .iter()
            .filter(|word| word.case == WordCase::Lower && word.text().chars().count() >= 3)
            .filter_map(|word| match word.verdict(ctx.words) {
                Verdict::Misspelled { suggestions } => Some((word, suggestions.as_slice())),
                _ => None,
            })
            .collect();
        if slips.is_empty() {
            return;
        }
        // How often each slip is written, in any case. Most words are no slip's length, which
        // tells them apart without hashing them.
        let mut counts: WordMap<&str, usize> = slips.iter().map(|(word, _)| (word.lower(), 0)).collect();
        let lengths = slips.iter().fold(0u64, |bits, (word, _)| bits | 1 << word.lower().len().min(63));
        for word in words {
            if lengths & 1 << word.lower().len().min(63) != 0
                && let Some(count) = counts.get_mut(word.lower())
            {
                *count += 1;
            }
        }
        for (word, suggestions) in slips {
            // A slip is one edit from a known word; a short word has many such neighbours by
            // chance, and a word written the same way three times is deliberate (a term, a name).
            let deliberate = counts.get(word.lower()).copied().unwrap_or(0) >= 3;
            let severity = if word.text().chars().count() >= 5 && !deliberate { Severity::Warning } else { Severity::Hint };
            let best = suggestions.first().map(|s| match_case(word.text(), s)).unwrap_or_default();
            let message = format!("'{}' is not a word: did you mean '{best}'?", word.text());
            let mut d = META.diagnostic(word.span(), message);
            d.severity = severity;
            for s in suggestions {
                let s = match_case(word.text(), s);
                d = d.with_fix(Fix::suggested(format!("Change to '{s}'"), vec![Edit::replace(word.span(), s)]));
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{flagged, run};

    #[test]
    fn flags_typos_with_the_intended_word_first() {
        let text = "Juru bicara pemerinatah mengatakan bantuan akan teirma besok.";
        assert_eq!(flagged(&Misspelled, Id, text), ["pemerinatah", "teirma"]);
        let d = &run(&Misspelled, Id, text)[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "pemerintah");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(flagged(&Misspelled, En, "The regional goverment said it had occured untill Monday."), ["goverment", "occured", "untill"]);
    }

    #[test]
    fn names_acronyms_affixes_and_foreign_words_stay_silent() {
        for text in [
            "Presiden Volodymyr Zelensky tiba di Kyiv bersama pejabat KPK dan AFP pada pukul 22.00 GMT.",
            "Upayanya menewaskan sosialnya, kebijakannya memintanya dibangun dan orang-orang berlari-lari.",
            "Dia menulis di @kompas_com dan https://contoh.id/berita tentang COVID-19.",
            "Dalam sebuah publishing di platform media sosialnya.",
        ] {
            assert!(flagged(&Misspelled, Id, text).is_empty(), "{text}: {:?}", flagged(&Misspelled, Id, text));
        }
        assert!(flagged(&Misspelled, En, "Zelensky's government don't say they'll leave Kyiv, officials' reports said.").is_empty());
    }
}
