use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};
use crate::lexicon::{frequency, suggest::{edit_distance, neighbouring_keys, slips_cost}, WordMap};
use crate::lexicon::match_case;
use crate::words::{Occurrence, Verdict, WordCase};
use std::borrow::Cow;

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
so *menewaskan*, *upayanya* and *kemerah-merahan* pass. Acronyms, words with digits, URLs, handles and \
foreign words (see `untranslated/foreign-word`) are not judged here, and neither are regular loans spelled \
by EYD V's absorption rules (*komposisi*, *disabilitas*). A word one or two slips from common words (two \
letters swapped, a letter doubled, dropped or mistyped) is reported with at most five of them, ranked by \
how likely the slip is and how common the word is in print (wordfreq's lists): a warning when the best \
is a common word, a hint when only rarer words are near, when the word has three letters or fewer, or \
when it is written the same way three times or more (then it is more likely a term or a name). A word \
that is itself common in print is reported only as a slip of a much commoner word, and a word with no \
common word near is left alone. A capitalised word is judged only on evidence that it is not a name: at \
least four letters (five mid-sentence), not common in print as written, written once, one likely slip \
from a common word (not a word with a letter added at its end, as names are made), and, beside another \
capitalised word, a slip of a word the article writes elsewhere or a finger's slip (two letters swapped, \
one typed twice, a neighbouring key) of a very common word where no name stands (not after a title, a \
locative or a place's head word, nor beside a name the dictionary lacks: *Korea Selatna* is reported, \
*Desa Sedoa* and *Ahmat Farizi* are not; a name common in print beside it, *Korea*, *Sumatera*, is no rarer \
name it could belong to). A word opening a sentence with no capital beside it and written once is searched \
as widely as a lower-case word, and two slips from one of the thousand commonest words will do (*Menhurt*, \
*Kwmudain*). A capitalised word with a letter typed twice (*Sebellum*; at the end too, *Selainn*) is \
judged the same way, though lower case it would be a loan's double to respell. In Indonesian, a derivation \
that is neither in print nor a dictionary stem and is one of the commonest words with a letter doubled or \
two swapped (*sebagaii*, *setelaah*) is a slip, not a word. Three or more non-words close together \
(a quotation in a third language) are not reported.",
    example_bad: "Juru bicara pemerinatah mengatakan bantuan akan teirma besok.",
    example_good: "Juru bicara pemerintah mengatakan bantuan akan diterima besok.",
};

impl Rule for Misspelled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let words = ctx.occurrences();
        let language = ctx.doc.language;
        // How often each word is written, in lower case: a name is written the same way again.
        let mut counts: WordMap<&str, usize> = WordMap::default();
        for word in words {
            *counts.entry(word.lower()).or_default() += 1;
        }
        let mut slips: Vec<(&Occurrence<'_>, Cow<'_, [String]>, bool)> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            if word.text().chars().count() < 3 || word.case == WordCase::Acronym {
                continue;
            }
            let evidence = if word.case == WordCase::Lower { Capital::Slip } else { capitalised_evidence(ctx, words, i, &counts) };
            if evidence == Capital::Name {
                continue;
            }
            // A word opening a sentence, alone (no capital beside it) and written once: its
            // capital says nothing, so its corrections are sought as widely as a lower-case
            // word's (the first letter slipped too: *Xaru* for *Dari*).
            let opening = word.case == WordCase::Initial && evidence == Capital::Slip;
            let wide = (opening && matches!(word.verdict(ctx.words), Verdict::Misspelled { sure: false, .. } | Verdict::Unknown)).then(|| ctx.words.judge(word.lower()));
            let (suggestions, sure): (Cow<'_, [String]>, bool) = match (wide.as_deref(), word.verdict(ctx.words)) {
                (Some(Verdict::Misspelled { suggestions, sure }), _) => (Cow::Owned(suggestions.clone()), *sure),
                (Some(_), _) => continue,
                (None, Verdict::Misspelled { suggestions, sure }) => (Cow::Borrowed(suggestions.as_slice()), *sure),
                // A capitalised word that a rule of loan respelling would correct (*Sebellum*,
                // *Tiddak*) is left by `spelling/nonstandard`, as a name may be spelled so: judged
                // here as a slip of its respelling, on the same evidence as any capitalised slip.
                // Only a doubled letter: the older spellings the rules also undo (*Praya*,
                // *Soedjono*) are how names are written.
                (None, Verdict::NonStandard(form)) if form.regular && word.case != WordCase::Lower && doubled_letter(word.lower(), &form.standard) => {
                    (Cow::Owned(vec![form.standard.to_string()]), frequency::zipf_of_base(language, &form.standard) >= 3.5)
                }
                _ => continue,
            };
            let sure = &sure;
            if word.case != WordCase::Lower {
                let letters = word.lower().chars().count();
                // A capital is a name's unless the evidence says slip: a common word one
                // slip away, which the word is not written as (*Monday* for *monday*).
                let lower_first = suggestions.first().map(|s| s.to_lowercase()).unwrap_or_default();
                if !*sure || suggestions.iter().any(|s| s.to_lowercase() == word.lower()) {
                    continue;
                }
                // Two slips from a common word: only a long word away from other capitals,
                // whose correction the article writes too.
                // And only likely slips: a swap, a doubled or dropped letter, a key beside it
                // (*Rohati* is no slip of *rohani*).
                // Opening a sentence, two slips from one of the thousand commonest words will do
                // (*Dsegbagai* for *Sebagai*, *Menhurt* for *Menurut*).
                let very_common_opening = opening && frequency::zipf_of_base(language, &lower_first) >= 5.0 && letters >= 5;
                match edit_distance(word.lower(), &lower_first) {
                    1 if slips_cost(word.lower(), &lower_first) <= 2.5 => {}
                    2 if evidence == Capital::Slip && word.lower().chars().count() >= 7 && counts.contains_key(lower_first.as_str()) && slips_cost(word.lower(), &lower_first) <= 2.5 => {}
                    2 if very_common_opening && slips_cost(word.lower(), &lower_first) <= 3.5 => {}
                    _ => continue,
                }
                // Names are made from words by adding a letter (*Sambilo*, *Nuraeni*): a word
                // one letter longer than the correction is a slip only when the letter doubles
                // its neighbour (*Alhamdullillah*).
                // And the word meant is common in print, or, for a long word away from other
                // capitals, a derivation a finger's slip explains (*Perlambaatan*, *Bedkantor*).
                let long_derivation = evidence == Capital::Slip && letters >= 8 && keyboard_slip(word.lower(), &lower_first);
                if added_letter_not_doubled(word.lower(), &lower_first) || frequency::zipf_of_base(language, &lower_first) < 3.5 && !long_derivation {
                    continue;
                }
                // Beside a capitalised word, only a word the article writes elsewhere
                // (*Kepala Deswa* where *desa* is written too).
                // Or, unwritten, a very common word that a finger's slip explains (*Korea
                // Selatna*, *Pusat Pelayanaan*) and that no list of either language holds as
                // written (names such as *Aslam* differ from words by a vowel, or drop a last one).
                // Not in a name's place: after a title or a place's head word (*Desa Sedoa*),
                // or beside a capitalised word that is no ordinary word (*Ahmat Farizi*).
                if evidence == Capital::IfCorrectionWritten && !counts.contains_key(lower_first.as_str()) {
                    let finger_slip_of_a_common_word = letters >= 5
                        && keyboard_slip(word.lower(), &lower_first)
                        && frequency::zipf_of_base(language, &lower_first) >= 4.0
                        && !frequency::is_listed(Language::Id, word.lower())
                        && !frequency::is_listed(Language::En, word.lower())
                        && !in_a_names_place(ctx, words, i);
                    if !finger_slip_of_a_common_word {
                        continue;
                    }
                }
            }
            slips.push((word, suggestions, *sure));
        }
        if slips.is_empty() {
            return;
        }
        // A run of words of a third language (a quotation in Spanish or French) is not a row of
        // slips: a slip with two more non-words among its six nearest words is left alone.
        // (At least one of them with no word near it: a row of slips each one from a word is
        // a careless sentence, not another language.)
        let strange: Vec<(bool, bool)> = words
            .iter()
            .map(|w| match w.verdict(ctx.words) {
                _ if w.case != WordCase::Lower => (false, false),
                Verdict::Misspelled { .. } => (true, false),
                Verdict::Unknown => (true, true),
                _ => (false, false),
            })
            .collect();
        let in_foreign_run = |word: &Occurrence<'_>| {
            let Ok(i) = words.binary_search_by_key(&word.token(), Occurrence::token) else { return false };
            let near: Vec<(bool, bool)> =
                (i.saturating_sub(3)..(i + 4).min(words.len())).filter(|&j| j != i && words[j].token().abs_diff(word.token()) <= 12).map(|j| strange[j]).collect();
            near.iter().filter(|s| s.0).count() >= 2 && near.iter().any(|s| s.1)
        };
        for (word, suggestions, sure) in slips {
            if in_foreign_run(word) {
                continue;
            }
            // A word written the same way three times is deliberate (a term, a name).
            let deliberate = counts.get(word.lower()).copied().unwrap_or(0) >= 3;
            let severity = if sure && !deliberate { Severity::Warning } else { Severity::Hint };
            let best = suggestions.first().map(|s| match_case(word.text(), s)).unwrap_or_default();
            let message = format!("'{}' is not a word: did you mean '{best}'?", word.text());
            let mut d = META.diagnostic(word.span(), message);
            d.severity = severity;
            for s in suggestions.iter() {
                let s = match_case(word.text(), s);
                d = d.with_fix(Fix::suggested(format!("Change to '{s}'"), vec![Edit::replace(word.span(), s)]));
            }
            out.push(d);
        }
    }
}

/// What the article says of a capitalised word before its spelling is judged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capital {
    /// A name, or as likely one: left alone.
    Name,
    /// A slip if its spelling says so.
    Slip,
    /// In a name's company: a slip only of a word the article writes elsewhere.
    IfCorrectionWritten,
}

/// Whether a capitalised word may be a slip rather than a name, from the article alone (asked
/// before its spelling is judged, which costs more): a name is short, common in print as it
/// stands (*Santi*, *Kyiv*), or written more than once; a word beside a capitalised one may
/// be part of a name or follow a title (*Desa Sambilo*, *Ibu Nuraeni*) as well as be a word
/// of an institution's name (*Kepala Deswa*). At the start of a sentence or mid-sentence alike.
fn capitalised_evidence(ctx: &Context<'_>, words: &[Occurrence<'_>], i: usize, counts: &WordMap<&str, usize>) -> Capital {
    let word = &words[i];
    let lower = word.lower();
    let letters = lower.chars().count();
    // Short capitalised words are mostly names (*Doha*, *Seda*), as are possessives and
    // hyphenated forms of them (*Bulog's*, *PSA-nya*).
    if letters < if word.case == WordCase::Initial { 4 } else { 5 } || lower.contains(['-', '\'', '’']) {
        return Capital::Name;
    }
    if frequency::is_listed(ctx.doc.language, lower) || counts.get(lower).copied().unwrap_or(0) > 1 {
        return Capital::Name;
    }
    let adjacent = |j: usize| adjacent_in_text(ctx, words, i, j);
    // (A sentence's first word has no neighbour before it in the sentence.)
    let capital_beside = |j: usize| adjacent(j) && words[j].case != WordCase::Lower;
    if i > 0 && capital_beside(i - 1) || i + 1 < words.len() && capital_beside(i + 1) {
        Capital::IfCorrectionWritten
    } else {
        Capital::Slip
    }
}

/// Whether one slip of the fingers on a keyboard turns `correction` into `word`: two neighbours
/// swapped, a letter typed twice, a neighbouring key typed for a letter or beside it inside the
/// word, or a letter inside the word dropped. Not a vowel for another away from its key, nor a
/// letter added or dropped at the end: names differ from words so (*Aslam*, *Utam*).
fn keyboard_slip(word: &str, correction: &str) -> bool {
    let (w, c): (Vec<char>, Vec<char>) = (word.chars().collect(), correction.chars().collect());
    let at = w.iter().zip(&c).position(|(a, b)| a != b).unwrap_or(w.len().min(c.len()));
    match w.len() as isize - c.len() as isize {
        0 if at + 1 < w.len() && w[at] == c[at + 1] && w[at + 1] == c[at] => w[at + 2..] == c[at + 2..],
        0 => at < w.len() && w[at + 1..] == c[at + 1..] && neighbouring_keys(w[at], c[at]),
        1 => {
            let inside = at + 1 < w.len();
            let doubled = at > 0 && w[at - 1] == w[at] || w.get(at + 1) == Some(&w[at]);
            let beside = at > 0 && neighbouring_keys(w[at - 1], w[at]) || w.get(at + 1).is_some_and(|&n| neighbouring_keys(n, w[at]));
            // (The last letter typed twice is a slip too: *Selainn*, *Provinsii*.)
            let last_doubled = at + 1 == w.len() && at > 0 && w[at - 1] == w[at];
            w[at + 1..] == c[at..] && (inside && (doubled || beside) || last_doubled)
        }
        -1 => at > 0 && at + 1 < c.len() && w[at..] == c[at + 1..],
        _ => false,
    }
}

/// Whether `words[i]` and `words[j]` stand next to each other in the text, a space between
/// (the occurrences skip numbers and punctuation, so neighbours in the list may not be).
fn adjacent_in_text(ctx: &Context<'_>, words: &[Occurrence<'_>], i: usize, j: usize) -> bool {
    let (a, b) = if j < i { (&words[j], &words[i]) } else { (&words[i], &words[j]) };
    b.token() == a.token() + 1 && ctx.doc.tokens[b.token()].space_before
}

/// Whether the capitalised word `words[i]` stands where a name would: right after a word that
/// introduces one (a title, a locative, a place's head word), or beside a capitalised word that
/// is no ordinary word of the article's language nor a name the dictionary knows (a rarer name
/// beside it: *Ahmat Farizi*, not *Representative Adam*).
fn in_a_names_place(ctx: &Context<'_>, words: &[Occurrence<'_>], i: usize) -> bool {
    let adjacent = |j: usize| adjacent_in_text(ctx, words, i, j);
    if i > 0 && adjacent(i - 1) && crate::names::introduces_name(words[i - 1].text()) {
        return true;
    }
    let unknown_capital = |j: usize| {
        let other = &words[j];
        other.case != WordCase::Lower
            && other.case != WordCase::Acronym
            && !ctx.words.is_ordinary(other.lower())
            && !crate::lexicon::english::is_word(other.text(), crate::lexicon::hunspell::Dialect::Us)
            // A name common in print (*Korea*, *Sumatera*, *Paris*) is a place or a body known
            // to all, not a rarer name that the word beside it could belong to.
            && frequency::zipf(ctx.doc.language, other.lower()) < 3.5
    };
    [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter(|&j| j < words.len() && adjacent(j)).any(unknown_capital)
}

/// Whether `word` is `correction` with one of its letters typed twice (*sebellum*).
fn doubled_letter(word: &str, correction: &str) -> bool {
    let (w, c): (Vec<char>, Vec<char>) = (word.chars().collect(), correction.chars().collect());
    if w.len() != c.len() + 1 {
        return false;
    }
    let at = w.iter().zip(&c).position(|(a, b)| a != b).unwrap_or(c.len());
    w[..at] == c[..at] && w[at + 1..] == c[at..] && (at > 0 && w[at - 1] == w[at] || w.get(at + 1) == Some(&w[at]))
}

/// Whether `word` is `correction` with one letter added the way names are made from words (at
/// the end: *Sambilo*; or inside, away from any key beside it: *Nuraeni*), not as a finger
/// slips (a doubled letter, *Alhamdullillah*; a neighbouring key, *Meniurut*).
fn added_letter_not_doubled(word: &str, correction: &str) -> bool {
    let (w, c): (Vec<char>, Vec<char>) = (word.chars().collect(), correction.chars().collect());
    if w.len() != c.len() + 1 {
        return false;
    }
    let at = w.iter().zip(&c).position(|(a, b)| a != b).unwrap_or(c.len());
    let beside = |j: Option<usize>| j.and_then(|j| w.get(j)).copied();
    let (before, after) = (beside(at.checked_sub(1)), beside(Some(at + 1)));
    if before == Some(w[at]) || after == Some(w[at]) {
        return false;
    }
    let slipped = [before, after].into_iter().flatten().any(|n| neighbouring_keys(n, w[at]));
    at + 1 == w.len() || !slipped
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
    fn capitalised_slips_of_common_words_are_found_where_no_name_stands() {
        // At a sentence's start: a letter typed twice is a slip, not a loan's double to respell.
        let d = run(&Misspelled, Id, "Warga menunggu di luar. Seddangkan petugas memeriksa gedung itu.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fixes[0].edits[0].new_text, "Sedangkan");
        assert_eq!(flagged(&Misspelled, Id, "Hujan turun sejak pagi. Kemudiann warga mengungsi ke balai desa."), ["Kemudiann"]);
        assert_eq!(flagged(&Misspelled, En, "The council met on Tuesday. Howevre, the vote was delayed."), ["Howevre"]);
        // Beside another capital, a finger's slip of a very common word the article does not
        // write: a swap, a doubled letter inside, a neighbouring key.
        assert_eq!(flagged(&Misspelled, Id, "Kantor itu berada di Jawa Tenagh, dekat perbatasan."), ["Tenagh"]);
        assert_eq!(flagged(&Misspelled, Id, "Petugas Dinas Kesehattan Kota Medan datang pagi itu."), ["Kesehattan"]);
        assert_eq!(flagged(&Misspelled, En, "Officials at the Natoinal Weather Service said the storm had passed."), ["Natoinal"]);
        // Names stay silent: after a locative or a title, beside a capitalised word no list
        // knows, a vowel for another or a letter dropped at the end (as names differ from
        // words), and old spellings (*Soedjono*, *Praya*).
        assert!(flagged(&Misspelled, Id, "Ia tinggal di Desa Pasae, Kecamatan Lore, sejak kecil.").is_empty());
        assert!(flagged(&Misspelled, Id, "Saksi bernama Rumaj Sitompul hadir di persidangan itu.").is_empty());
        assert!(flagged(&Misspelled, Id, "Pelatih Budi Santosa memuji Ridwan Kepala dalam laga itu.").is_empty());
        assert!(flagged(&Misspelled, Id, "Rombongan tiba di Praya, lalu menuju rumah Soedjono.").is_empty());
        assert!(flagged(&Misspelled, En, "The coach praised Marta Tabel after the match in Lisbon.").is_empty());
    }

    #[test]
    fn a_doubled_first_letter_is_a_slip_not_a_respelling() {
        // Lower case or capitalised, in Indonesian and English.
        assert_eq!(flagged(&Misspelled, Id, "Mereka pulang ssetelah rapat selesai di kantor desa."), ["ssetelah"]);
        assert_eq!(flagged(&Misspelled, Id, "Ssetelah rapat selesai, mereka pulang ke rumah masing-masing."), ["Ssetelah"]);
        assert_eq!(flagged(&Misspelled, Id, "Warga bbertahan di pengungsian selama dua pekan."), ["bbertahan"]);
        assert_eq!(flagged(&Misspelled, En, "The council ddecided to close the bridge on Monday."), ["ddecided"]);
        // A doubled consonant inside a loan is still a respelling (spelling/nonstandard), and a
        // name that begins with two of a letter is a name.
        assert!(flagged(&Misspelled, Id, "Tim itu menjalankan missi kemanusiaan di Gaza.").is_empty());
        assert!(flagged(&Misspelled, En, "Lloyd said the bridge would reopen next week.").is_empty());
    }

    #[test]
    fn a_sentence_opening_two_slips_from_a_very_common_word_is_a_slip() {
        // Alone at the start of a sentence and written once, the capital says nothing: two
        // slips from one of the commonest words, the first letter's among them, is a slip.
        for (text, slip, meant) in [
            ("Hujan turun sejak pagi. Kwmudain warga mengungsi ke masjid.", "Kwmudain", "Kemudian"),
            ("Jalan itu ditutup. Menhurt polisi, longsor terjadi malam hari.", "Menhurt", "Menurut"),
            ("Tim itu kalah. Sevelumnua mereka menang tiga kali.", "Sevelumnua", "Sebelumnya"),
        ] {
            let found = run(&Misspelled, Id, text);
            assert_eq!(found.iter().map(|d| &text[d.span.range()]).collect::<Vec<_>>(), [slip], "{text}");
            assert_eq!(found[0].fixes[0].edits[0].new_text, meant, "{text}");
        }
        let text = "The bridge was closed. Hwever, residents crossed it on foot.";
        assert_eq!(flagged(&Misspelled, En, text), ["Hwever"]);
        // Names opening a sentence stay names: written again, beside another capital, or no
        // very common word two slips away.
        for text in [
            "Warga mengungsi. Sutarmi menangis di depan rumahnya.",
            "Warga mengungsi. Hendrik Sumual membantah kabar itu.",
            "Warga mengungsi. Menurat meminta bantuan. Menurat lalu pergi ke posko.",
        ] {
            assert!(flagged(&Misspelled, Id, text).is_empty(), "{text}: {:?}", flagged(&Misspelled, Id, text));
        }
    }

    #[test]
    fn capitalised_slips_are_found_and_names_left_alone() {
        // Sentence-initial and mid-sentence slips of common words.
        assert_eq!(flagged(&Misspelled, Id, "Sehingag warga mengungsi ke gedung sekolah."), ["Sehingag"]);
        assert_eq!(flagged(&Misspelled, Id, "Warga kemudian dibawa ke Rumha Sakit terdekat, kata dokter. Rumah sakit penuh."), ["Rumha"]);
        assert_eq!(flagged(&Misspelled, En, "Yesterdya the council voted against the plan."), ["Yesterdya"]);
        let d = &run(&Misspelled, Id, "Sehingag warga mengungsi.")[0];
        assert_eq!(d.fixes[0].edits[0].new_text, "Sehingga");
        // Names: made from words by a letter, beside other capitals, after titles, written
        // twice, short, or common in print.
        for text in [
            "Menurut Sambila, warga mengungsi.",
            "Bupati Kartoni Sumbaro meresmikan jembatan itu.",
            "Warga bertemu Ibu Hartawi di balai desa.",
            "Tokoh itu, Rumahi, datang. Rumahi lalu pergi.",
            "Kata Doni, warga mengungsi.",
            "Pelatih Jorgen Klopsy memuji Liverpool.",
        ] {
            assert!(flagged(&Misspelled, Id, text).is_empty(), "{text}: {:?}", flagged(&Misspelled, Id, text));
        }
        assert!(flagged(&Misspelled, En, "Coach Jorgen Klopsy praised the squad, and Halvard agreed.").is_empty());
    }

    #[test]
    fn words_common_in_print_and_regular_derivations_stay_silent() {
        for text in [
            "Ia didapuk menjadi ketua dan harga saham melesat.",
            "Lembaga yang berketahanan dan kepengurusan baru menyiapkan pascapanen dengan pengamanan superketat.",
        ] {
            assert!(flagged(&Misspelled, Id, text).is_empty(), "{text}: {:?}", flagged(&Misspelled, Id, text));
        }
    }

    #[test]
    fn a_quotation_in_a_third_language_is_not_a_row_of_slips() {
        assert!(flagged(&Misspelled, En, "He shouted \"nosotros no tenemos miedo de nadie\" before leaving.").is_empty());
        assert!(flagged(&Misspelled, Id, "Ia berkata \"nous ne voulons pas la guerre\" kepada wartawan.").is_empty());
        // Slips far apart are each still found.
        assert_eq!(flagged(&Misspelled, En, "The goverment said the report was wrong, and the ministry aproved it."), ["goverment", "aproved"]);
    }

    #[test]
    fn two_slips_from_a_common_word_are_found_and_ranked() {
        let d = run(&Misspelled, Id, "Para petani menunggu keputsuan pemerinthan daerah.");
        let fixes: Vec<Vec<&str>> = d.iter().map(|d| d.fixes.iter().map(|f| f.edits[0].new_text.as_str()).collect()).collect();
        assert_eq!(fixes.iter().map(|f| f[0]).collect::<Vec<_>>(), ["keputusan", "pemerintahan"]);
        assert!(fixes.iter().all(|f| f.len() <= 5));
        let d = run(&Misspelled, En, "The comittee definately agreed.");
        assert_eq!(d.iter().map(|d| d.fixes[0].edits[0].new_text.as_str()).collect::<Vec<_>>(), ["committee", "definitely"]);
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
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
