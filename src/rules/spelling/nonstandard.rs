use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity};
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};
use crate::words::{match_case, Verdict, WordCase};

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
Capitalised words in mid-sentence are names and are left alone.",
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
            if !matches!(word.case, WordCase::Lower | WordCase::Initial) {
                continue;
            }
            let Verdict::NonStandard(form) = word.verdict(ctx.words) else { continue };
            let standard = match_case(word.text(), form.standard);
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
    fn names_and_english_stay_silent() {
        assert!(flagged(&NonStandard, Id, "Dia membaca harian Analisa di Medan.").is_empty());
        assert!(flagged(&NonStandard, En, "The resiko of it.").is_empty());
    }
}
