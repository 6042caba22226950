use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `orang -orang`, `orang- orang`, `puing - puing` -> `orang-orang`, `puing-puing`.
pub struct BrokenReduplication;

static META: RuleMeta = RuleMeta {
    code: "typography/broken-reduplication",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "A reduplicated word split by a space around its hyphen.",
    explanation: "EYD V writes reduplication with a hyphen and no spaces: `orang-orang`, `berlari-lari`, \
`kemerah-merahan`. The rule fires only when the two halves repeat the same root, so ranges and pairs \
(`Senin - Jumat`, `Jakarta - Bandung`) stay silent.",
    example_bad: "Orang -orang membersihkan puing - puing rumah mereka.",
    example_good: "Orang-orang membersihkan puing-puing rumah mereka.",
};

/// Whether `left-right` is a reduplication: the same word, or one half containing the other
/// with an affix (`berlari-lari`, `kemerah-merahan`, `anak-anaknya`).
fn is_reduplication(left: &str, right: &str) -> bool {
    let (l, r) = (left.to_lowercase(), right.to_lowercase());
    if !l.chars().all(char::is_alphabetic) || !r.chars().all(char::is_alphabetic) {
        return false;
    }
    if l == r {
        return true;
    }
    let min = 3;
    let stem = |w: &str| -> String {
        for suffix in ["nya", "kan", "an", "i"] {
            if let Some(s) = w.strip_suffix(suffix)
                && s.chars().count() >= min {
                    return s.to_string();
                }
        }
        w.to_string()
    };
    let rs = stem(&r);
    (r.chars().count() >= min && l.ends_with(&r))
        || (rs.chars().count() >= min && l.ends_with(&rs))
        || (l.chars().count() >= min && r.starts_with(&l))
}

impl Rule for BrokenReduplication {
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
                let (left, dash, right) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
                if dash.kind != TokenKind::Punct || doc.token_str(dash) != "-" {
                    continue;
                }
                if left.kind != TokenKind::Word || right.kind != TokenKind::Word {
                    continue;
                }
                if !(dash.space_before || right.space_before) || dash.line_break_before || right.line_break_before {
                    continue;
                }
                let (l, r) = (doc.token_str(left), doc.token_str(right));
                if !is_reduplication(l, r) {
                    continue;
                }
                let between = Span::new(left.span.end, right.span.start);
                if !doc.str(between).chars().all(|c| c == '-' || c == ' ' || c == '\t') {
                    continue;
                }
                out.push(
                    META.diagnostic(between, format!("write the reduplication without spaces: '{l}-{r}'"))
                        .with_fix(Fix::replace(between, "-", Applicability::Safe)),
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
        assert_eq!(flagged(&BrokenReduplication, Id, "Dia melihat rumah -rumah tetangganya."), [" -"]);
        assert_eq!(
            fixed(&BrokenReduplication, Id, "Orang -orang memungut puing - puing, anak- anaknya berlari -lari, kemerah - merahan."),
            "Orang-orang memungut puing-puing, anak-anaknya berlari-lari, kemerah-merahan."
        );
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Toko buka Senin - Jumat, rute Jakarta - Bandung.",
            "Skor 2 - 2 bertahan.",
            "Orang-orang datang.",
            "Dia - yang juga warga - datang.",
        ] {
            assert!(flagged(&BrokenReduplication, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&BrokenReduplication, En, "The well -well case.").is_empty());
    }
}
