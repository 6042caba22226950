use super::finding;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta};

/// The source names *Andrii Sybiha*; the translation writes *Sybiga*.
pub struct Name;

static META: RuleMeta = RuleMeta {
    code: "translation/name",
    category: Category::Translation,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A name of the source that the translation spells differently.",
    explanation: "Checked only against a source (`--source`, or front matter `source:`). The names of each source \
sentence (capitalised words that are no ordinary word of the source's language) are looked for in its aligned \
translation and the sentences beside it. When one is missing and the translation has, in its place, a name one or two \
letters from it that the source never writes (*Sybiha* / *Sybiga*, *Pemberton* / *Pembeton*), the translation \
changed the name. Transliteration and old-spelling variants (*Zelenskyy* / *Zelensky*, *Rizky* / *Rizki*, \
*Soekarno* / *Sukarno*), the house style's names of places (*Moscow* / *Moskow*, *Crimea* / *Krimea*, from the \
`names` rules of the configured styles), the regular respellings of loans (*c* / *k*, *ph* / *f*, *Ukraine* / \
*Ukraina*) and ordinary words (*President* / *Presiden*) are not changes of name, and a name the source writes \
anywhere is not taken for a misspelling of another.",
    example_bad: "Source: “Foreign Minister Andrii Sybiha met his Polish counterpart.” Translation: “Menteri Luar Negeri Andrii Sybiga bertemu mitranya dari Polandia.”",
    example_good: "Source: “Foreign Minister Andrii Sybiha met his Polish counterpart.” Translation: “Menteri Luar Negeri Andrii Sybiha bertemu mitranya dari Polandia.”",
};

/// A name word of a sentence: its span and text, without an English possessive.
struct NameWord<'d> {
    span: Span,
    form: &'d str,
    key: String,
}

/// The capitalised words of sentences `sentences` of `doc`; with `language`, only those that are
/// no ordinary word of it (names: *Sybiha*, *Kyiv*; not *President*, *Polisi*, *Senin*).
fn name_words<'d>(doc: &'d Document<'d>, sentences: impl Iterator<Item = usize>, language: Option<Language>) -> Vec<NameWord<'d>> {
    let mut out = Vec::new();
    for s in sentences {
        for i in doc.sentences[s].tokens.clone() {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            let form = crate::names::strip_possessive(doc.token_str(t));
            let mut chars = form.chars();
            let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
            if !capitalised || form.chars().count() < 4 || !form.chars().all(char::is_alphabetic) || crate::sentences::is_calendar_word(&form.to_lowercase()) {
                continue;
            }
            if language.is_some_and(|l| is_ordinary(l, &form.to_lowercase())) {
                continue;
            }
            out.push(NameWord { span: Span::new(t.span.start, t.span.start + form.len()), form, key: crate::rules::names::variant::key(form) });
        }
    }
    out
}

/// An ordinary word of the language, not a name: English's dictionary lists names capitalised
/// (*Pemberton*, *Kyiv*), so a lower-case entry is a common word; Indonesian morphology makes
/// words of names (*Pembeton*, pe- + *beton*; *Gunawan*), so a word must also be in print.
fn is_ordinary(language: Language, lower: &str) -> bool {
    crate::lexicon::is_word(language, lower) && (language == Language::En || crate::lexicon::frequency::is_listed(Language::Id, lower))
}

/// The key of a name with the regular respellings of loans undone (*Crimea* / *Krimea*,
/// *Brazil* / *Brasil*, *Philippines* / *Filipina*'s first part).
fn loan_key(key: &str) -> String {
    let k = key.replace("ph", "f").replace('c', "k").replace('z', "s").replace('q', "k").replace('x', "ks").replace('v', "f");
    // *Ukraine* / *Ukraina*, *Palestine* / *Palestina*.
    match k.strip_suffix('e') {
        Some(stem) => format!("{stem}a"),
        None => k,
    }
}

/// How many letters two names of this length may differ by and still be one name misspelled.
fn allowed(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

impl Rule for Name {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(pair) = ctx.translation() else { return };
        let doc = ctx.doc;
        let target_language = doc.language;
        let source_sentences = |b: &crate::align::Bead| b.source.clone().map(|u| pair.source_units[u].sentence).collect::<Vec<_>>();
        let target_sentences = |b: &crate::align::Bead| b.target.clone().map(|u| pair.target_units[u].sentence).collect::<Vec<_>>();
        // Every capitalised word of the source, anywhere: a name the source writes is no
        // misspelling of another (it may be another person: not this rule's business).
        let all_source: Vec<NameWord> = name_words(pair.source, 0..pair.source.sentences.len(), None);
        let source_keys: std::collections::HashSet<&str> = all_source.iter().map(|w| w.key.as_str()).collect();
        let mut reported: std::collections::HashSet<Span> = std::collections::HashSet::new();
        // Each bead's capitalised words in the translation, read once (a bead's window reads
        // its neighbours' too).
        let target_words: Vec<Vec<NameWord>> = pair.beads.iter().map(|b| name_words(doc, target_sentences(b).into_iter(), None)).collect();
        // (An English source's dictionary tells its ordinary words, *Volcanology*, from its
        // names; Indonesian morphology makes words of too many names to tell them so.)
        let source_filter = (pair.source_language() == Language::En).then_some(Language::En);
        for (k, bead) in pair.beads.iter().enumerate() {
            if bead.source.is_empty() || bead.target.is_empty() || bead.target.clone().any(|u| pair.target_units[u].in_source_language) {
                continue;
            }
            // The translation's names here that the source never writes, and the source's
            // capitalised words here (names, or words a name may be: *Gunawan*).
            let target_here: Vec<&NameWord> = target_words[k]
                .iter()
                .filter(|t| !source_keys.contains(t.key.as_str()) && !is_ordinary(target_language, &t.form.to_lowercase()))
                .collect();
            if target_here.is_empty() {
                continue;
            }
            let source_here = name_words(pair.source, source_sentences(bead).into_iter(), source_filter);
            let window = k.saturating_sub(1)..(k + 2).min(pair.beads.len());
            let target_window = || target_words[window.clone()].iter().flatten();
            for s in &source_here {
                // Written in the translation near here, the same or a transliteration of it.
                if target_window().any(|t| t.key == s.key) {
                    continue;
                }
                for &t in &target_here {
                    let len = s.key.chars().count().min(t.key.chars().count());
                    let differ = crate::lexicon::suggest::edit_distance(&s.key, &t.key);
                    let close = differ >= 1 && differ <= allowed(len);
                    if !close || reported.contains(&t.span) {
                        continue;
                    }
                    // A demonym or an inflection (*Indonesian* / *Indonesia*, *Russian* / *Rusia*),
                    // or a loan respelled by the regular rules (*Vulkanologi* / *Volcanology*).
                    let (sl, tl) = (s.form.to_lowercase(), t.form.to_lowercase());
                    let derived = crate::rules::names::variant::is_inflection(&s.key, &t.key)
                        || crate::lexicon::loans::regular_loan_source(&tl).is_some_and(|e| e == sl)
                        || crate::lexicon::loans::regular_loan_source(&sl).is_some_and(|e| e == tl);
                    let house = derived
                        || loan_key(&s.key) == loan_key(&t.key)
                        || ctx.config.styles.rewrites(Category::Names, s.form, t.form)
                        || ctx.config.styles.rewrites(Category::Names, t.form, s.form);
                    if house {
                        continue;
                    }
                    reported.insert(t.span);
                    let replacement = s.form.to_string();
                    let message = format!("'{}' is '{}' in the source", t.form, s.form);
                    let d = finding(&META, pair, bead, t.span, message)
                        .with_fix(Fix::suggested(format!("Write '{replacement}' as the source does"), vec![Edit::replace(t.span, replacement.clone())]));
                    out.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::flagged;

    const CODE: &str = "translation/name";

    #[test]
    fn a_name_changed_by_a_letter_or_two_is_flagged_in_both_directions() {
        let en = "Foreign Minister Andrii Sybiha met his Polish counterpart on Tuesday. The talks lasted two hours.";
        let id = "Menteri Luar Negeri Andrii Sybiga bertemu mitranya dari Polandia pada Selasa. Pembicaraan berlangsung dua jam.";
        assert_eq!(flagged(CODE, en, id), ["Sybiga"]);
        let en = "Dr. Eleanor Pemberton said the clinics would close. Residents protested outside the hall.";
        let id = "Dr. Eleanor Pembeton mengatakan klinik-klinik itu akan ditutup. Warga berunjuk rasa di depan balai.";
        assert_eq!(flagged(CODE, en, id), ["Pembeton"]);
        let id_src = "Bupati Garut Rudy Gunawan meninjau lokasi longsor di Desa Sukamaju. Ia meminta warga mengungsi.";
        let en_tr = "Garut Regent Rudy Gunadan visited the landslide site in Sukamaju village. He asked residents to evacuate.";
        assert_eq!(flagged(CODE, id_src, en_tr), ["Gunadan"]);
    }

    #[test]
    fn transliterations_exonyms_respellings_and_ordinary_words_stay_silent() {
        for (en, id) in [
            ("Indonesian and Russian officials met the Volcanology Centre.", "Pejabat Indonesia dan Rusia bertemu Pusat Vulkanologi."),
            ("President Volodymyr Zelenskyy spoke in Kyiv on Monday.", "Presiden Volodymyr Zelensky berbicara di Kyiv pada Senin."),
            ("The delegation flew from Moscow to Crimea on Friday.", "Delegasi itu terbang dari Moskow ke Krimea pada Jumat."),
            ("Exports to Brazil and Colombia rose in October.", "Ekspor ke Brasil dan Kolombia naik pada Oktober."),
            ("Police in Jakarta said the President would visit.", "Polisi di Jakarta mengatakan Presiden akan berkunjung."),
            ("Striker Rizky Ridho scored for Persija in Bandung.", "Penyerang Rizki Ridho mencetak gol untuk Persija di Bandung."),
            ("Former president Soekarno is buried in Blitar.", "Mantan presiden Sukarno dimakamkan di Blitar."),
            // Two people in the source: naming the other one is another change than a misspelling.
            ("Ahmad Fauzi and Ahmad Fauzan both testified on Monday. Fauzan denied the charge.", "Ahmad Fauzi dan Ahmad Fauzan sama-sama bersaksi pada Senin. Fauzi membantah dakwaan itu."),
        ] {
            assert!(flagged(CODE, en, id).is_empty(), "{en} / {id}: {:?}", flagged(CODE, en, id));
        }
    }

    #[test]
    fn silent_without_a_source() {
        let config = crate::config::Config::default();
        let options = crate::engine::CheckOptions { format: crate::prose::DocFormat::Markdown, language: Default::default(), config: &config };
        let result = crate::engine::check_with_source("Menteri Andrii Sybiga bertemu mitranya.", &options, None);
        assert!(result.diagnostics.iter().all(|d| d.code != CODE));
    }
}
