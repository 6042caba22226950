use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity};
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};
use crate::lexicon::match_case;
use crate::words::{Verdict, WordCase};

/// `resiko` -> `risiko`; `ibukota` -> `ibu kota`.
pub struct NonStandard;

static META: RuleMeta = RuleMeta {
    code: "spelling/nonstandard",
    category: Category::Spelling,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "A non-standard Indonesian spelling (kata tidak baku) that KBBI and EYD V write otherwise.",
    explanation: "A curated list of non-standard forms and their standard ones, by KBBI VI and EYD V (2022): \
loanword spellings (*aktifitas* -> *aktivitas*, *praktek* -> *praktik*), compounds written apart \
(*ibukota* -> *ibu kota*), prepositions and particles (*dimana* -> *di mana*, *apapun* -> *apa pun*), \
and inflected forms (*dirubah* -> *diubah*, *menghimbau* -> *mengimbau*). The fix is safe. Forms that KBBI \
marks non-standard but edited news still commonly writes (*mempengaruhi*) are reported at info. \
A capitalised word mid-sentence is reported beside another capitalised word or a number (*Propinsi Jawa \
Barat*, *5 Pebruari*); alone it may be a name (the daily *Analisa*) and is left alone. Besides the list, \
the regular ways loanwords are misspelled (*aktiv* -> *aktif*, *propinsi* -> *provinsi*, *kwalitet* -> \
*kualitas*, *eksport* -> *ekspor*, *missi* -> *misi*, *jendral* -> *jenderal*) are reported when the \
respelled form is a word and the written one is not.",
    example_bad: "Pemerintah menghimbau warga menjauhi resiko banjir di ibukota.",
    example_good: "Pemerintah mengimbau warga menjauhi risiko banjir di ibu kota.",
};

impl Rule for NonStandard {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for word in ctx.occurrences() {
            // (The occurrences of a focused context are those of the blocks in focus.)
            if word.case == WordCase::Acronym || word.case == WordCase::Capitalised && !in_title_or_date(ctx, word.token()) {
                continue;
            }
            let Verdict::NonStandard(form) = word.verdict(ctx.words) else { continue };
            // A regular misspelling capitalised may be a name's own spelling (*Choi*, *Patra*).
            if form.regular && word.case != WordCase::Lower {
                continue;
            }
            let standard = match_case(word.text(), &form.standard);
            let mut d = META
                .diagnostic(word.span(), format!("'{}' is non-standard: the standard spelling is '{standard}'", word.text()))
                .with_fix(Fix { title: format!("Change to '{standard}'"), applicability: Applicability::Safe, edits: vec![Edit::replace(word.span(), standard.clone())] });
            if form.contested {
                d.severity = Severity::Info;
            }
            out.push(d);
        }
    }
}

/// Whether a capitalised word mid-sentence stands in a title, a proper name of several words
/// or a date (*Propinsi Jawa Barat*, *Jendral Sudirman*, *5 Pebruari 2024*), where a
/// non-standard form is a slip, rather than alone, where it may be a name (the daily
/// *Analisa*).
fn in_title_or_date(ctx: &Context<'_>, token: usize) -> bool {
    use crate::document::TokenKind;
    let doc = ctx.doc;
    let beside = |t: Option<&crate::document::Token>| {
        t.is_some_and(|t| t.kind == TokenKind::Number || t.kind == TokenKind::Word && doc.token_str(t).chars().next().is_some_and(char::is_uppercase))
    };
    let this = &doc.tokens[token];
    (this.space_before && beside(token.checked_sub(1).and_then(|i| doc.tokens.get(i))))
        || doc.tokens.get(token + 1).is_some_and(|n| n.space_before) && beside(doc.tokens.get(token + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged, run};

    #[test]
    fn flags_and_fixes() {
        assert_eq!(
            fixed(&NonStandard, Id, "Pemerintah menghimbau warga menjauhi resiko banjir di ibukota. “Jaman dulu lain,” katanya."),
            "Pemerintah mengimbau warga menjauhi risiko banjir di ibu kota. “Zaman dulu lain,” katanya."
        );
        assert_eq!(run(&NonStandard, Id, "Hal itu mempengaruhi harga.")[0].severity, Severity::Info);
    }

    #[test]
    fn capitalised_forms_in_titles_and_dates_and_regular_misspellings() {
        assert_eq!(
            fixed(&NonStandard, Id, "Kantor Propinsi Sumatera Utara tutup pada 17 Pebruari 2025, kata Jendral Kartono. Sikapnya aktiv dan kwalitet ekspornya naik."),
            "Kantor Provinsi Sumatera Utara tutup pada 17 Februari 2025, kata Jenderal Kartono. Sikapnya aktif dan kualitas ekspornya naik."
        );
    }

    #[test]
    fn names_and_english_stay_silent() {
        assert!(flagged(&NonStandard, Id, "Dia membaca harian Analisa di Medan.").is_empty());
        assert!(flagged(&NonStandard, Id, "Kantor Gubernur di Medan buka.").is_empty());
        assert!(flagged(&NonStandard, En, "The resiko of it.").is_empty());
    }
}
