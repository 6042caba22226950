use super::{is_capitalised, is_punct};
use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity};
use crate::document::TokenKind;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `kata,lalu` -> `kata, lalu`; `pergi.Dia` -> `pergi. Dia`.
pub struct MissingSpaceAfterPunctuation;

static META: RuleMeta = RuleMeta {
    code: "typography/missing-space-after-punctuation",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A space after a comma, semicolon, colon, full stop, question or exclamation mark.",
    explanation: "Punctuation between words is followed by a space. The rule leaves numbers (`1.500`, `2,5`, \
`14:30`), URLs and e-mail addresses, domain names (`Kompas.com`), abbreviations (`U.S.`, `a.n.`), initials \
and ellipses alone. A full stop is only flagged when a capitalised word follows it.",
    example_bad: "Hujan turun sejak pagi.Warga mengungsi ke masjid,sekolah dan balai desa.",
    example_good: "Hujan turun sejak pagi. Warga mengungsi ke masjid, sekolah dan balai desa.",
};

impl Rule for MissingSpaceAfterPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for (_, tokens) in ctx.focused_blocks() {
            for i in 1..tokens.len().saturating_sub(1) {
                let (prev, t, next) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
                if !is_punct(doc, t, ",;:.!?") || next.space_before {
                    continue;
                }
                // A word before the mark, or a percent sign (`50%,kata`).
                let after_percent = is_punct(doc, prev, "%") && matches!(doc.token_str(t), "," | ";");
                if !(prev.kind == TokenKind::Word || after_percent) || next.kind != TokenKind::Word {
                    continue;
                }
                let mark = doc.token_str(t);
                let prev_str = doc.token_str(prev);
                let next_str = doc.token_str(next);
                if prev_str.contains('.') {
                    continue;
                }
                let flag = match mark {
                    "," | ";" => next_str.chars().next().is_some_and(char::is_alphabetic),
                    // `:emoji:` shortcodes stay.
                    ":" => {
                        next_str.chars().count() >= 2
                            && next_str.chars().next().is_some_and(char::is_alphabetic)
                            && tokens.get(i + 2).is_none_or(|a| doc.token_str(a) != ":")
                    }
                    // A sentence start glued to the end of the last one; `Node.js`, `Kompas.com`
                    // and `ASP.NET` have no capitalised word after the dot.
                    "." | "!" | "?" => {
                        is_capitalised(next_str)
                            && prev_str.chars().count() >= 2
                            && prev_str.chars().all(char::is_alphabetic)
                            && !prev_str.chars().any(char::is_uppercase)
                            && !(i >= 2 && tokens[i - 2].kind == TokenKind::Punct && !prev.space_before && doc.token_str(&tokens[i - 2]) == ".")
                    }
                    _ => false,
                };
                if flag {
                    out.push(
                        META.diagnostic(t.span, format!("a space is missing after '{mark}'"))
                            .with_fix(Fix { title: format!("Add a space after '{mark}'"), applicability: Applicability::Safe, edits: vec![Edit::insert(t.span.end, " ")] }),
                    );
                }
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
        assert_eq!(
            fixed(&MissingSpaceAfterPunctuation, Id, "Hujan turun sejak pagi.Warga mengungsi ke masjid,sekolah dan balai desa;lalu pulang."),
            "Hujan turun sejak pagi. Warga mengungsi ke masjid, sekolah dan balai desa; lalu pulang."
        );
        assert_eq!(flagged(&MissingSpaceAfterPunctuation, En, "He asked why?Nobody knew."), ["?"]);
        // A comma on the wrong side of its space.
        assert_eq!(flagged(&MissingSpaceAfterPunctuation, Id, "pada Minggu malam ,menewaskan 9 orang."), [","]);
        assert_eq!(fixed(&MissingSpaceAfterPunctuation, Id, "Harga naik 50%,kata warga."), "Harga naik 50%, kata warga.");
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Harga naik 2,5 persen menjadi Rp 1.500 pada pukul 14:30 WIB.",
            "Dia membaca Kompas.com dan Detik.com setiap hari.",
            "Aplikasi itu dibuat dengan Node.js dan ASP.NET oleh tim.",
            "Pejabat U.S. dan J.K. Rowling hadir.",
            "Kirim ke redaksi@contoh.co.id atau www.contoh.id/Berita sekarang.",
            "Dia menunggu... Lalu pergi.",
            "Reaksinya :smile: lucu.",
        ] {
            assert!(flagged(&MissingSpaceAfterPunctuation, Id, text).is_empty(), "{text}: {:?}", flagged(&MissingSpaceAfterPunctuation, Id, text));
        }
    }
}
