use super::is_capitalised;
use crate::diagnostic::{Category, Diagnostic, Fix, Severity};
use crate::document::TokenKind;
use crate::rules::{Context, Rule, RuleMeta};
use crate::sentences::{is_calendar_word, Capitals};

/// `“Kami siap,” Kata dia.` -> `“Kami siap,” kata dia.`
pub struct CapitalAfterQuotation;

static META: RuleMeta = RuleMeta {
    code: "typography/capital-after-quotation",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A capital after a quotation closed by a comma, where the sentence runs on (“Kami siap,” Kata dia).",
    explanation: "A quotation closed by a comma leaves its sentence open: the attribution after it continues in \
lower case (`“Kami siap,” kata dia`; `“We are ready,” said the minister`). The word must be one the \
lexicon knows in lower case and not a name: not part of a run of capitalised words, not a day or month, \
and not written capitalised inside a sentence elsewhere in the article (or capitalised and never in \
lower case), so `“Kami siap,” Budi menambahkan` stays silent.",
    example_bad: "“Kami siap membantu,” Kata Kepala BPBD itu.",
    example_good: "“Kami siap membantu,” kata Kepala BPBD itu.",
};

impl Rule for CapitalAfterQuotation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let model = ctx.sentence_model();
        let mut capitals: Option<Capitals> = None;
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !model.after_continuing_quotation(i) || !ctx.in_focus(doc.block_of_token(i).unwrap_or(usize::MAX)) {
                continue;
            }
            let w = doc.token_str(t);
            if !is_capitalised(w) || w.chars().skip(1).any(|c| !c.is_lowercase()) || model.in_name(i) {
                continue;
            }
            let lower = doc.token_lower(i);
            if is_calendar_word(lower) || !ctx.words.is_common_word(lower, doc.language) {
                continue;
            }
            let capitals = capitals.get_or_insert_with(|| Capitals::new(doc, model));
            if capitals.is_name(lower) {
                continue;
            }
            out.push(
                META.diagnostic(t.span, format!("the sentence runs on after the quotation: '{lower}'"))
                    .with_fix(Fix::suggested(format!("Write '{lower}'"), vec![crate::diagnostic::Edit::replace(t.span, lower.to_string())])),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged};

    #[test]
    fn flags_and_fixes() {
        assert_eq!(fixed(&CapitalAfterQuotation, Id, "“Kami siap membantu,” Kata dia."), "“Kami siap membantu,” kata dia.");
        assert_eq!(flagged(&CapitalAfterQuotation, Id, "\"Air mulai surut,\" Ujar petugas itu."), ["Ujar"]);
        assert_eq!(flagged(&CapitalAfterQuotation, En, "“We are ready,” Said the minister."), ["Said"]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "“Kami siap,” Budi menambahkan. Budi lalu pergi.",
            "“Kami siap,” Kepala BPBD Sumbar mengatakan.",
            "“Kami siap.” Warga lalu pulang.",
            "“Kami siap,” kata dia.",
            "“Tunggu,” Senin lalu dia berkata.",
        ] {
            assert!(flagged(&CapitalAfterQuotation, Id, text).is_empty(), "{text}: {:?}", flagged(&CapitalAfterQuotation, Id, text));
        }
    }
}
