use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `menit ke 58` -> `menit ke-58`.
pub struct OrdinalHyphen;

static META: RuleMeta = RuleMeta {
    code: "typography/ordinal-hyphen",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "An ordinal written `ke 58` instead of `ke-58`.",
    explanation: "EYD V joins *ke-* to a numeral with a hyphen when it makes an ordinal: `menit ke-58`, `abad \
ke-21`, `hari ke-3`, `yang ke-10`. The rule reads *ke* as the ordinal prefix only after a noun that counts \
in order (minute, day, year, round, floor, rank, edition...) or *yang*, so the preposition *ke* before an \
amount (`naik ke 5 persen`, `dari 3 ke 5`) stays silent.",
    example_bad: "Gol kedua lahir pada menit ke 58.",
    example_good: "Gol kedua lahir pada menit ke-58.",
};

/// Nouns that count in order, after which `ke` + a numeral is an ordinal.
const ORDERED_NOUNS: &[&str] = &[
    "menit", "detik", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "abad", "milenium", "babak",
    "ronde", "putaran", "lantai", "peringkat", "urutan", "edisi", "jilid", "angkatan", "generasi",
    "gelombang", "tahap", "kali", "seri", "pertandingan", "laga", "gim", "set", "etape", "sesi",
    "kuartal", "semester", "kloter", "periode", "pekan", "musim", "pemilu", "sidang", "yang", "anak",
    "cucu", "juara", "posisi", "tingkat", "kelas", "bab", "pasal", "ayat", "halaman", "baris", "hole",
];

impl Rule for OrdinalHyphen {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for (b, tokens) in ctx.focused_blocks() {
            let base = doc.block_tokens[b].start;
            for i in 1..tokens.len().saturating_sub(1) {
                let (noun, ke, number) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
                if ke.kind != TokenKind::Word || doc.token_str(ke) != "ke" || noun.kind != TokenKind::Word {
                    continue;
                }
                let n = doc.token_str(number);
                if number.kind != TokenKind::Number || !number.space_before || number.line_break_before || n.len() > 4 || !n.bytes().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                if !ORDERED_NOUNS.contains(&doc.token_lower(base + i - 1)) {
                    continue;
                }
                let gap = Span::new(ke.span.end, number.span.start);
                if !doc.str(gap).chars().all(|c| c == ' ' || c == '\u{a0}') {
                    continue;
                }
                out.push(
                    META.diagnostic(Span::new(ke.span.start, number.span.end), format!("an ordinal is written with a hyphen: 'ke-{n}'"))
                        .with_fix(Fix::replace(gap, "-", Applicability::Safe)),
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
        assert_eq!(flagged(&OrdinalHyphen, Id, "Gol lahir pada menit ke 58 setelah umpan silang."), ["ke 58"]);
        assert_eq!(fixed(&OrdinalHyphen, Id, "Ini hari ke 3 pencarian, tahun ke 20 dan yang ke 7."), "Ini hari ke-3 pencarian, tahun ke-20 dan yang ke-7.");
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in ["Harga naik ke 5 persen, lalu dari 3 ke 5 orang.", "Dia pulang ke 2 rumah.", "Ini menit ke-58.", "Abad ke 2,5 tidak ada."] {
            assert!(flagged(&OrdinalHyphen, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&OrdinalHyphen, En, "Menit ke 58.").is_empty());
    }
}
