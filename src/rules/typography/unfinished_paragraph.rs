use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::TokenKind;
use crate::language::Language;
use crate::prose::BlockKind;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// A paragraph that stops mid-sentence: `... Serangan itu menewaskan setidaknya 12`.
pub struct UnfinishedParagraph;

static META: RuleMeta = RuleMeta {
    code: "typography/unfinished-paragraph",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A paragraph of running text that ends without closing punctuation.",
    explanation: "A paragraph that stops without a full stop, question or exclamation mark has usually lost \
its end in editing (`... menewaskan setidaknya 12`). It is flagged when it ends on a word that cannot end a \
sentence (`dan`, `yang`, `the`), or when its last sentence follows a finished one, or when it is long. \
Headlines, subheads, list items, captions, bylines and datelines, and paragraphs that end with a colon \
stay silent.",
    example_bad: "Hujan turun sejak pagi. Pemerintah menyiapkan bantuan makanan dan",
    example_good: "Hujan turun sejak pagi. Pemerintah menyiapkan bantuan makanan dan air bersih.",
};

const ID_DANGLING: &[&str] = &[
    "dan", "atau", "yang", "di", "ke", "dari", "untuk", "dengan", "pada", "setidaknya", "sedikitnya",
    "sekitar", "oleh", "bahwa", "serta", "namun", "tetapi", "karena", "hingga", "sebanyak", "para",
    "adalah", "ialah", "akan", "dalam", "bagi", "kepada", "menjadi", "sebagai", "agar", "jika",
];
const EN_DANGLING: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "at", "least", "with", "that", "by", "for", "from",
    "in", "on", "as", "but", "because", "than", "about", "nearly", "some", "which", "who", "its",
];
const CLOSERS: &str = ".!?…:;\"”’')»]*";

impl Rule for UnfinishedParagraph {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let dangling = match doc.language {
            Language::Id => ID_DANGLING,
            Language::En => EN_DANGLING,
        };
        for (b, block) in doc.blocks.iter().enumerate() {
            if block.kind != BlockKind::Paragraph || !ctx.in_focus(b) {
                continue;
            }
            let tokens = doc.block_token_slice(b);
            let Some(last) = tokens.last() else { continue };
            if last.kind == TokenKind::Opaque || last.kind == TokenKind::Punct && doc.token_str(last).chars().all(|c| CLOSERS.contains(c)) {
                continue;
            }
            if last.kind == TokenKind::Punct {
                continue;
            }
            let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
            let sentences: Vec<_> = doc.sentences.iter().filter(|s| s.block == b).collect();
            let last_sentence_words = sentences
                .last()
                .map_or(0, |s| doc.sentence_tokens(s).iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count());
            let ends_dangling = last.kind == TokenKind::Word && dangling.contains(&doc.token_str(last).to_lowercase().as_str());
            let after_finished_sentence = sentences.len() >= 2 && last_sentence_words >= 3;
            let long = words >= 15;
            if !(ends_dangling && words >= 4 || after_finished_sentence || long) {
                continue;
            }
            out.push(META.diagnostic(last.span, "the paragraph stops mid-sentence: the rest of the sentence or its full stop is missing"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::flagged;

    #[test]
    fn flags_unfinished_paragraphs() {
        let text = "Judul Berita Hari Ini\n\nHujan turun sejak pagi. Pemerintah memerintahkan lembaga terkait untuk menyiapkan bantuan makanan dan\n\nSerangan itu terjadi malam hari. Serangan itu menewaskan setidaknya 12\n\nLalu warga pulang.";
        assert_eq!(flagged(&UnfinishedParagraph, Id, text), ["dan", "12"]);
        assert_eq!(flagged(&UnfinishedParagraph, En, "Title\n\nThe storm hit the coast. It killed at least\n\nEnd."), ["least"]);
    }

    #[test]
    fn headings_bylines_and_lists_stay_silent() {
        for text in [
            "Banjir Bandang Terjang Sumatera Barat, Setidaknya 15 Orang Tewas\n\nHujan turun.",
            "Judul\n\nOleh: Budi Santoso\n\nHujan turun.",
            "Judul\n\nDaftar korban:\n\n- Budi dan\n- Ani",
            "Judul\n\nPenyebab Banjir di Padang\n\nHujan turun.",
            "Judul\n\n“Kami siap,” katanya.",
            "Judul\n\nJAKARTA (Reuters)\n\nHujan turun.",
        ] {
            assert!(flagged(&UnfinishedParagraph, Id, text).is_empty(), "{text}");
        }
    }
}
