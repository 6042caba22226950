use crate::diagnostic::{Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::prose::BlockKind;
use crate::rules::{Context, Rule, RuleMeta, Scope};
use crate::sentences::is_name_particle;

/// `gubernur Jawa Barat meninjau lokasi.` -> `Gubernur Jawa Barat meninjau lokasi.`
pub struct LowercaseSentenceStart;

static META: RuleMeta = RuleMeta {
    code: "typography/lowercase-sentence-start",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A sentence of running text that starts with a lower-case letter.",
    explanation: "The first word of a paragraph, and a word after a full stop that ends a sentence, starts with \
a capital (EYD V, huruf kapital; and English). The sentence model decides where a sentence ends: the full \
stop of an abbreviation (`dll.`, `a.m.`, `No.`), of an initial or of an ellipsis does not end one, and a \
lower-case word after a question or exclamation mark continues the sentence (`“Siapa?” tanya dia`). Words \
written with a capital inside (`iPhone`, `eKTP`), name particles before a name (`van Gogh`), headings, \
list items, captions and table cells stay silent.",
    example_bad: "Banjir surut kemarin. polisi berjaga di lokasi.",
    example_good: "Banjir surut kemarin. Polisi berjaga di lokasi.",
};

impl Rule for LowercaseSentenceStart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let model = ctx.sentence_model();
        for (b, tokens) in ctx.focused_blocks() {
            if !matches!(doc.blocks[b].kind, BlockKind::Paragraph | BlockKind::BlockQuote) {
                continue;
            }
            let base = doc.block_tokens[b].start;
            for (k, t) in tokens.iter().enumerate() {
                let i = base + k;
                let first = k == 0 || tokens[..k].iter().all(|p| p.kind == TokenKind::Punct && matches!(doc.token_str(p), "“" | "\"" | "‘" | "'" | "(" | "«" | "„" | "["));
                if t.kind != TokenKind::Word || !(first || model.after_full_stop(i)) {
                    continue;
                }
                let w = doc.token_str(t);
                if w.chars().count() < 2 || !w.chars().next().is_some_and(char::is_lowercase) || w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) {
                    continue;
                }
                // `van Gogh`, `bin Salman`: a particle before a name keeps its lower case.
                let next_capital = tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Word && doc.token_str(n).chars().next().is_some_and(char::is_uppercase));
                if next_capital && is_name_particle(doc.token_lower(i)) && doc.token_lower(i) != "di" {
                    continue;
                }
                // A bracketed or quoted lead-in (`(baca juga: ...)`) is not a sentence start of its own.
                if first && k > 0 && doc.token_str(&tokens[k - 1]) == "(" {
                    continue;
                }
                let mut chars = w.chars();
                let capital: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
                out.push(
                    META.diagnostic(t.span, format!("a sentence starts with a capital: '{capital}'"))
                        .with_fix(Fix::suggested(format!("Write '{capital}'"), vec![crate::diagnostic::Edit::replace(Span::new(t.span.start, t.span.end), capital.clone())])),
                );
            }
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
        assert_eq!(flagged(&LowercaseSentenceStart, Id, "Judul\n\ngubernur Jawa Barat meninjau lokasi banjir."), ["gubernur"]);
        assert_eq!(fixed(&LowercaseSentenceStart, Id, "Hujan reda sore tadi. relawan membagikan makanan."), "Hujan reda sore tadi. Relawan membagikan makanan.");
        assert_eq!(flagged(&LowercaseSentenceStart, Id, "Judul\n\n“menurut kami, ini janggal,” kata Rina."), ["menurut"]);
        assert_eq!(flagged(&LowercaseSentenceStart, En, "Title\n\nofficers seized 40 phones. the raid ended at noon."), ["officers", "the"]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Judul\n\nBuah, sayur, dll. dijual murah. Dia menunggu... lalu pergi.",
            "Judul\n\n“Siapa?” tanya dia. “Berhenti!” teriak warga.",
            "Judul\n\niPhone terbaru dijual. eKTP diurus di kantor.",
            "Judul\n\nDr. Budi dan J. Smith hadir di Jl. Merdeka No. 5.",
            "- daftar korban\n- bantuan tiba",
            "Judul\n\nKami bertemu Vincent van Gogh. van Gogh melukis.",
            "Judul\n\n(baca juga: banjir di Padang)",
        ] {
            assert!(flagged(&LowercaseSentenceStart, Id, text).is_empty(), "{text}: {:?}", flagged(&LowercaseSentenceStart, Id, text));
        }
        for text in ["Title\n\nThe meeting began at 9 a.m. and ended at noon.", "Title\n\nHe met officials in the U.S. on Monday.", "Title\n\nShe bought an iPad. eBay sells them."] {
            assert!(flagged(&LowercaseSentenceStart, En, text).is_empty(), "{text}: {:?}", flagged(&LowercaseSentenceStart, En, text));
        }
    }
}
