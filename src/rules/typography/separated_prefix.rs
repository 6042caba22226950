use crate::diagnostic::{Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::lexicon::hunspell::ID_ID;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `di kirim` -> `dikirim`; `di tanda tangani` -> `ditandatangani`; `di rumah` stays.
pub struct SeparatedPrefix;

static META: RuleMeta = RuleMeta {
    code: "typography/separated-prefix",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "The passive prefix di- written apart from its verb (di kirim -> dikirim).",
    explanation: "EYD V writes the prefix *di-* joined to its verb (`dikirim`, `dijual`, `ditandatangani`) and \
the preposition *di* apart from a place (`di rumah`, `di Jakarta`, `di sana`). The rule tells them apart \
by morphology: *di* + a word is the prefix when the Indonesian dictionary's own affix table gives the \
stem the passive *di-*, or a one-syllable stem *menge-* (so `kirim`, `jual`, `periksa`, `cek` take it, and \
`rumah`, `atas`, `kantor`, `sana` do not), and the stem makes a *peN-* noun as verbs do (`pengirim`, \
`penyitaan`), which a place such as `lantai` does not. A capitalised word, a numeral or a demonstrative after the stem (`di lantai 3`, `di sel itu`) marks \
a place and stays silent.",
    example_bad: "Surat itu di kirim kemarin dan di tanda tangani bupati.",
    example_good: "Surat itu dikirim kemarin dan ditandatangani bupati.",
};

/// After the stem these words make it a place: `di lantai dua`, `di sel itu`.
const PLACE_MARKERS: &[&str] = &[
    "itu", "ini", "tersebut", "sana", "sini", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
    "delapan", "sembilan", "sepuluh", "atas", "bawah", "dasar", "paling", "utama", "depan", "belakang",
];

/// The *peN-* forms of a stem (nasal assimilation): `kirim` -> `pengirim`, `sita` -> `penyita`,
/// `cek` -> `pengecek`.
fn pen_forms(stem: &str) -> Vec<String> {
    let mut forms = Vec::new();
    let syllables = stem.chars().filter(|c| "aeiou".contains(*c)).count();
    if syllables == 1 {
        forms.push(format!("penge{stem}"));
    }
    let first = stem.chars().next().unwrap_or('a');
    let rest = &stem[first.len_utf8()..];
    forms.push(match first {
        'b' | 'f' | 'v' => format!("pem{stem}"),
        'p' => format!("pem{rest}"),
        'd' | 'c' | 'j' | 'z' => format!("pen{stem}"),
        't' => format!("pen{rest}"),
        's' => format!("peny{rest}"),
        'k' => format!("peng{rest}"),
        'g' | 'h' | 'a' | 'e' | 'i' | 'o' | 'u' => format!("peng{stem}"),
        _ => format!("pe{stem}"),
    });
    forms
}

/// Whether a stem makes a *peN-* noun (`pengirim`, `penyitaan`): a verb, as a place noun that
/// happens to take *di-* in the dictionary (`lantai`, `sel`, `pagar`) does not.
fn is_verb_stem(stem: &str) -> bool {
    // `terbitkan`, `umumkan`, `tandatangani`: the root without its suffix makes the noun.
    let root = ["kan", "i"].iter().find_map(|suffix| stem.strip_suffix(suffix).filter(|r| r.chars().count() >= 3 && ID_ID.check(&format!("di{stem}")))).unwrap_or(stem);
    [stem, root].iter().any(|s| pen_forms(s).iter().any(|f| ID_ID.check(f) || ID_ID.check(&format!("{f}an"))))
}

impl Rule for SeparatedPrefix {
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
            let lower_word = |k: usize| {
                tokens.get(k).filter(|t| t.kind == TokenKind::Word && t.space_before && !t.line_break_before).map(|_| doc.token_lower(base + k)).filter(|w| {
                    let s = doc.token_str(&tokens[k]);
                    s.chars().all(|c| c.is_lowercase()) && w.chars().count() >= 3
                })
            };
            for (k, t) in tokens.iter().enumerate() {
                if t.kind != TokenKind::Word || !matches!(doc.token_str(t), "di" | "Di") {
                    continue;
                }
                let Some(first) = lower_word(k + 1) else { continue };
                // The longest join the dictionary knows: `di tanda tangani`, then `di kirim`.
                let two = lower_word(k + 2).map(|second| format!("di{first}{second}"));
                let (end, joined) = match two {
                    Some(j) if ID_ID.check(&j) => (k + 2, j),
                    _ => {
                        let j = format!("di{first}");
                        // A one-syllable stem the dictionary gives *menge-* (`mengecek`, `mengebom`)
                        // is a verb, and takes *di-* as well.
                        let one_syllable = first.chars().count() <= 4 && first.chars().filter(|c| "aeiou".contains(*c)).count() == 1;
                        let takes_di = ID_ID.check(&j) || one_syllable && ID_ID.check(&format!("menge{first}"));
                        if !takes_di || !is_verb_stem(first) {
                            continue;
                        }
                        (k + 1, j)
                    }
                };
                // A noun made with -an (`bagian`, `tujuan`, `lapangan`): no passive ends in -an.
                let stem: String = (k + 1..=end).map(|m| doc.token_lower(base + m)).collect();
                if let Some(root) = stem.strip_suffix("an")
                    && !stem.ends_with("kan")
                    && root.chars().count() >= 3
                    && crate::lexicon::indonesian::is_word(root)
                {
                    continue;
                }
                // After a verb with its own prefix, `di` is the preposition: `dirawat di lantai`,
                // `berada di pos`, `menunggu di luar`.
                if k >= 1 && tokens[k - 1].kind == TokenKind::Word {
                    let before = doc.token_lower(base + k - 1);
                    if ["me", "ber", "ter", "di"].iter().any(|p| before.starts_with(p) && before.len() >= p.len() + 3) && ctx.words.is_common_word(before, doc.language) {
                        continue;
                    }
                }
                // A place after all: a number, a capital or a demonstrative follows the stem.
                if let Some(after) = tokens.get(end + 1) {
                    let a = doc.token_str(after);
                    let place = after.kind == TokenKind::Number
                        || after.kind == TokenKind::Word && (a.chars().next().is_some_and(char::is_uppercase) || PLACE_MARKERS.contains(&doc.token_lower(base + end + 1)));
                    if place {
                        continue;
                    }
                }
                let written = doc.str(Span::new(t.span.start, tokens[end].span.end));
                let right = if doc.token_str(t) == "Di" { format!("D{}", &joined[1..]) } else { joined };
                let span = Span::new(t.span.start, tokens[end].span.end);
                out.push(
                    META.diagnostic(span, format!("the prefix di- is joined to its verb: '{right}', not '{written}'"))
                        .with_fix(Fix::suggested(format!("Write '{right}'"), vec![crate::diagnostic::Edit::replace(span, right.clone())])),
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
        assert_eq!(flagged(&SeparatedPrefix, Id, "Paket itu di kirim kemarin."), ["di kirim"]);
        assert_eq!(fixed(&SeparatedPrefix, Id, "Surat itu di terbitkan dan di umumkan kemarin."), "Surat itu diterbitkan dan diumumkan kemarin.");
        assert_eq!(fixed(&SeparatedPrefix, Id, "Data itu di cek ulang dan jembatan di bom musuh."), "Data itu dicek ulang dan jembatan dibom musuh.");
        assert_eq!(
            fixed(&SeparatedPrefix, Id, "Surat di tanda tangani bupati, barang di jual murah dan pelaku di tangkap polisi. Di periksa lagi."),
            "Surat ditandatangani bupati, barang dijual murah dan pelaku ditangkap polisi. Diperiksa lagi."
        );
    }

    #[test]
    fn places_stay_silent() {
        for text in [
            "Dia tinggal di rumah, bekerja di kantor dan tidur di sana.",
            "Rapat di Jakarta, di atas kapal, di bawah jembatan, di tengah kota, di jalan raya.",
            "Korban dirawat di lantai 3 dan ditahan di sel itu, lalu di pasar dan di sekolah.",
            "Dia menunggu di luar, di dalam, di depan, di samping dan di antara warga.",
            "Pejabat di bagian pengadaan tiba di tujuan, lalu dirawat di lantai lorong dan bermain di lapangan.",
            "Mereka duduk di lantai lorong, ditahan di sel tahanan dan bersandar di pagar sekolah.",
        ] {
            assert!(flagged(&SeparatedPrefix, Id, text).is_empty(), "{text}: {:?}", flagged(&SeparatedPrefix, Id, text));
        }
        assert!(flagged(&SeparatedPrefix, En, "He said di kirim.").is_empty());
    }
}
