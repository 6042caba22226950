use super::claims::{claims, Claim, Kind};
use super::Article;
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};
use std::collections::{BTreeSet, HashMap, HashSet};

const MAX_COMPARED: usize = 200;
const MAX_RELATED: usize = 5;

/// `menewaskan setidaknya 12 orang` ... `10 orang tewas`.
pub struct Conflict;

static META: RuleMeta = RuleMeta {
    code: "figures/conflict",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "Two figures for the same thing that cannot both be true.",
    explanation: "Every count of the dead, the injured, the missing, the displaced or evacuated, arrests, damaged \
houses, missiles, drones and prison terms is read with its qualifier as a range of values: `setidaknya 12` / \
`at least 12` is 12 or more, `lebih dari` / `more than` above it, `hampir` / `nearly` just below it, `sekitar` / \
`about` a fifth either way, `hingga` / `up to` at most, `10-12` both ends. Bodies counted (`delapan jenazah`) \
are at least that many dead. Two counts of the same thing whose ranges cannot meet are reported at the later \
one, pointing at the other; headlines count. Counts are not compared when they are about different places, \
days, groups (`anak`, `luka berat`, missiles launched or intercepted) or people, when one is a daily rate, part \
of a larger count (`di antaranya`, `including`), an update (`bertambah menjadi`, `rose to`, `kini`), an earlier \
figure (`sebelumnya`, `initially`), or about another event (another year, `pernah`, `last year`, `separate`), \
or when it is hypothetical or negated. Beyond those, every count is read from the claims model (`crate::claims`): \
whatever noun it counts (`penumpang`, `nasabah`, `borrowers`, `schools`, normalised for plurals and a few \
synonyms) in whatever state (`selamat`, `dirawat`, `survived`) or with whatever verb after it (`terendam`), and \
two counts of the same noun, state and unit in compatible places and times are compared the same way. A noun \
counted with three values or more, or twice in one sentence, is a distribution (votes per candidate), not one \
count; measures (`ton`, `mg`), single people introduced (`seorang pekerja`), vague words (`puluhan`), subsets \
(`hanya`, `terakhir`, `tersebut`) and totals against parts are not compared. Two figures of one currency and \
magnitude word (`Rp 4,8 miliar` ... `Rp 8,4 miliar`), two percentages, or two counts of one thing whose digits \
differ only by two neighbouring digits swapped are reported as a likely typing slip, in different sentences and \
unless one is an update, an earlier figure or about another period. A place or a day right after a verb of \
saying (`kata Syamsul di Desa Marobo`, `told reporters in Masamba`, `kata dia, Rabu`) tells where or when it was \
said, not what the figure is about. Counts are compared from the claims model alone (prison terms and money tied \
to what it is still by their own reader): an increment (`dua jenazah lagi`, `two more bodies`, `another 12`) is \
part of the total; bodies are at least that many dead; a total (`jumlah korban tewas ... 13 orang`) contradicts \
a count only when the count must exceed it; figures of two named sources (`menurut Hendra` ... `Rudi mengatakan`) \
or a figure said to differ from another's (`berbeda dengan`, `differs from`) are reported disagreement. A figure that \
points back at one given before (`Kerugian negara Rp 5,3 miliar itu`, `Proyek senilai Rp 2,8 triliun tersebut`, `the $48 \
million bridge`, `11 kapal tersebut`, `All 25 miners`) must be one the earlier figures of its kind give: amounts said \
of the same words, counts of the same noun, all agreeing on one value; all of the victims (`kedelapan korban`) are every \
earlier count of people in an outcome, and a count that may have grown since (`a third on Tuesday`, `dua ... lagi`) is \
left alone.",
    example_bad: "Serangan itu menewaskan setidaknya 12 orang. Polisi mengatakan 10 orang tewas dan 90 terluka.",
    example_good: "Serangan itu menewaskan setidaknya 12 orang. Polisi mengatakan 12 orang tewas dan 90 terluka.",
};

/// A claim that may be compared with others at all.
fn comparable(c: &Claim) -> bool {
    !c.excluded && !c.subset && !c.update && !c.earlier
}

/// Whether two claims are about the same thing: the same kind, group, rate, day, place and person.
fn same_thing(article: &Article, a: &Claim, b: &Claim) -> bool {
    if a.kind != b.kind || a.group != b.group || a.rate != b.rate || a.sentence == b.sentence {
        return false;
    }
    if !compatible(&a.times, &b.times, &article.main_times) || !compatible(&a.places, &b.places, &article.main_places) {
        return false;
    }
    // Two sentences that each name their own place: `The first attack was in Al Noor Mosque, ...`,
    // `The second attack was in Linwood Mosque, ...`.
    let (pa, pb) = (&a.sentence_places, &b.sentence_places);
    if !pa.is_empty() && !pb.is_empty() && pa.is_disjoint(pb) {
        return false;
    }
    // Figures from two named sources that disagree are reported disagreement, not a slip.
    if !a.speakers.is_empty() && !b.speakers.is_empty() && a.speakers.is_disjoint(&b.speakers) {
        return false;
    }
    // Whose prison term: names in both sentences must share one.
    if !a.names.is_empty() && !b.names.is_empty() && a.names.is_disjoint(&b.names) {
        return false;
    }
    true
}

/// Days or places of two claims: when both name some, they must share one; a claim that names
/// none is about the article's main event, so the other may only name the headline's and lead's.
fn compatible(x: &BTreeSet<String>, y: &BTreeSet<String>, main: &BTreeSet<String>) -> bool {
    match (x.is_empty(), y.is_empty()) {
        (true, true) => true,
        (false, false) => x.intersection(y).next().is_some(),
        (true, false) => y.is_subset(main),
        (false, true) => x.is_subset(main),
    }
}

impl Rule for Conflict {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let article = ctx.figures_article();
        if article.too_large() {
            // Not silently: the figures were not compared.
            if let Some(first) = article.mentions.first() {
                let message = format!(
                    "figures not checked: this document has {} numbers, more than the {} the figures rules read",
                    article.mentions.len(),
                    super::MAX_MENTIONS
                );
                out.push(crate::diagnostic::Diagnostic::new(META.code, crate::diagnostic::Severity::Info, first.span, message));
            }
            return;
        }
        let claims = claims(article);
        let language = doc.language;
        let before = out.len();
        // (earlier claim, figure reported against it): one finding per contradiction, so that a
        // figure repeated after a contradiction is not reported again.
        let mut reported: HashSet<(usize, u64, u64)> = HashSet::new();
        // The comparable claims so far, by kind.
        let mut earlier: HashMap<Kind, Vec<usize>> = HashMap::new();
        for (j, b) in claims.iter().enumerate() {
            // Counts are compared from the claims model below; prison terms and money tied to
            // what it is are compared here.
            if !matches!(b.kind, Kind::Prison | Kind::Demand | Kind::Money) || !comparable(b) {
                continue;
            }
            let bucket = earlier.entry(b.kind).or_default();
            // An article has a handful of claims of a kind; a document with thousands is
            // compared only with the latest ones.
            let from = bucket.len().saturating_sub(MAX_COMPARED);
            let conflicts: Vec<usize> =
                bucket[from..].iter().copied().filter(|&i| same_thing(article, &claims[i], b) && claims[i].interval.disjoint(&b.interval)).collect();
            bucket.push(j);
            let Some(&first) = conflicts.first() else { continue };
            let key = |i: usize| (i, b.interval.lo.to_bits(), b.interval.hi.to_bits());
            if conflicts.iter().all(|&i| reported.contains(&key(i))) {
                continue;
            }
            let a = &claims[first];
            let message = format!("{} here, but {} {}", b.describe(language), a.describe(language), article.where_is(a.block, b.block));
            let mut d = META.diagnostic(b.span, message);
            for &i in conflicts.iter().take(MAX_RELATED) {
                let c = &claims[i];
                d = d.with_related(c.span, format!("{} here", c.describe(language)));
            }
            for &i in &conflicts {
                reported.insert(key(i));
            }
            out.push(d);
        }
        open_counts(article, out, before);
    }
}

/// Counts of any noun (`penumpang`, `nasabah`, `borrowers`, `schools`) in any state, from the
/// claims model: grouped by what they count, so a figure is compared only with its group's.
fn open_counts(article: &Article, out: &mut Vec<Diagnostic>, before: usize) {
    let model = article.claims();
    let language = article.doc.language;
    let seen: Vec<crate::diagnostic::Span> = out[before..].iter().flat_map(|d| std::iter::once(d.span).chain(d.related.iter().map(|r| r.span))).collect();
    let mut reported: HashSet<usize> = HashSet::new();
    for c in crate::claims::relations::contradictions(model) {
        let (a, b) = (&model.claims[c.earlier], &model.claims[c.later]);
        // Once per figure, and not again what the counts above found.
        if seen.iter().any(|s| s.overlaps(b.span)) || !reported.insert(c.later) {
            continue;
        }
        let message = format!("{} here, but {} {}", b.describe(language), a.describe(language), article.where_is(a.block, b.block));
        // Every mention of the figure it contradicts (the headline's and the lead's alike).
        let key = a.key();
        let mut d = META.diagnostic(b.span, message);
        for x in model.claims.iter().filter(|x| x.sentence != b.sentence && x.value == a.value && x.qualifier == a.qualifier && x.key() == key).take(MAX_RELATED) {
            d = d.with_related(x.span, format!("{} here", x.describe(language)));
        }
        out.push(d);
    }
    // Two digits swapped: `Rp 4,8 miliar` ... `Rp 8,4 miliar`.
    for c in crate::claims::relations::transpositions(model, article.doc) {
        let (a, b) = (&model.claims[c.earlier], &model.claims[c.later]);
        if seen.iter().any(|s| s.overlaps(b.span) || s.overlaps(a.span)) || !reported.insert(c.later) {
            continue;
        }
        let message = format!(
            "{} here, but {} {}: two digits swapped in one of them?",
            article.doc.str(b.span),
            article.doc.str(a.span),
            article.where_is(a.block, b.block)
        );
        out.push(META.diagnostic(b.span, message).with_related(a.span, format!("{} here", article.doc.str(a.span))));
    }
    // A figure that points back at another (`Kerugian negara Rp 5,3 miliar itu`, `All 25 miners`).
    for c in crate::claims::relations::referred_back(model, article.doc) {
        let (a, b) = (&model.claims[c.earlier], &model.claims[c.later]);
        if seen.iter().any(|s| s.overlaps(b.span) || s.overlaps(a.span)) || !reported.insert(c.later) {
            continue;
        }
        let described = |x: &crate::claims::Claim| match (x.currency, x.mention, x.noun.as_deref()) {
            (Some(_), _, _) => article.shown(x),
            // (`kedelapan korban`: a word numbers.rs leaves alone, shown as written.)
            (None, None, Some(noun)) => format!("{} {noun}", article.doc.str(x.span)),
            _ => x.describe(language),
        };
        let message = format!("{} here, but the figure it refers back to is {} {}", described(b), described(a), article.where_is(a.block, b.block));
        out.push(META.diagnostic(b.span, message).with_related(a.span, format!("{} here", described(a))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{flagged, run};

    #[test]
    fn contradictions_are_reported_at_the_later_mention() {
        let text = "Serangan itu menewaskan setidaknya 12 orang, kata polisi.\n\nSaksi mengatakan 10 orang tewas dan 90 terluka.";
        let d = run(&Conflict, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.range()], "10");
        assert_eq!(d[0].message, "10 dead here, but at least 12 dead in paragraph 1");
        assert_eq!(&text[d[0].related[0].span.range()], "12");
        assert_eq!(flagged(&Conflict, Id, "Lebih dari 100 rumah rusak. Petugas mencatat 98 rumah rusak."), ["98"]);
        assert_eq!(flagged(&Conflict, En, "The attack killed at least 12 people. Police said 10 people were killed."), ["10"]);
    }

    #[test]
    fn headlines_count() {
        let text = "Banjir Bandang, Setidaknya 15 Orang Tewas\n\nBanjir menerjang desa itu pada Minggu.\n\nJumlah korban tewas yang dikonfirmasi adalah 13 orang.";
        let d = run(&Conflict, Id, text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.ends_with("in the headline"), "{}", d[0].message);
    }

    #[test]
    fn compatible_figures_stay_silent() {
        for text in [
            "Sekitar 70 rudal diluncurkan. Militer mencatat 72 rudal diluncurkan.",
            "Sebanyak 12 orang tewas. Korban tewas bertambah menjadi 15 orang.",
            "Sebanyak 12 orang tewas. Kini 15 orang tewas.",
            "Tiga orang tewas di Bogor. Lima orang tewas di Depok.",
            "Sebanyak 10 orang tewas, termasuk 3 anak. Sebanyak 3 anak tewas.",
            "Sebanyak 10 orang tewas. Sebelumnya 8 orang tewas.",
            "Banjir menewaskan 12 orang. Banjir serupa pada 2019 menewaskan 50 orang.",
            "Banjir menewaskan 12 orang. Setiap hari rata-rata 3 orang tewas.",
            "Sebanyak 12 orang tewas. Sebanyak 15 anak tewas di sekolah itu.",
            "Sebanyak 7 orang tewas. Sebanyak 5 jenazah ditemukan.",
            "Sebanyak 10-12 orang tewas. Polisi menyebut 11 orang tewas.",
            "Gempa menewaskan 56 orang.\n\nBupati mengatakan 46 orang meninggal dunia di wilayahnya.",
            "Banjir menewaskan 16 orang.\n\nSembilan orang tewas di Jakarta, lima di Bekasi dan dua di Depok.",
            "Sebanyak 19 orang luka berat. Sebanyak 14 orang luka ringan.",
        ] {
            assert!(flagged(&Conflict, Id, text).is_empty(), "{text}: {:?}", run(&Conflict, Id, text).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        }
        for text in [
            "About 70 missiles were fired. The army counted 72 missiles fired.",
            "The strike killed 12 people. The death toll has risen to 15.",
            "At least 12 people were killed on Monday. On Tuesday, 5 people were killed.",
            "Five more people died, bringing the death toll to 20. Earlier, 15 people had died.",
            "The first attack was in Al Noor Mosque, which left 42 people dead. The second attack was in Linwood Mosque, killing eight people.",
            "The first blast was in Al Noor Mosque, which left 42 people dead. Another blast was in Linwood Mosque, killing eight people.",
            "All but one of the sixteen on board died. Fifteen people were killed.",
            "A fire killed five girls. Five people were killed, police said.",
            "Police arrested 120 people on Saturday.\n\nAuthorities said 95 people were detained at the main square and the rest in nearby streets.",
            "JAKARTA — Floods in Jakarta killed 16 people.\n\nNine people died in Jakarta, five in Bekasi and two in Depok.",
        ] {
            assert!(flagged(&Conflict, En, text).is_empty(), "{text}: {:?}", run(&Conflict, En, text).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn money_tied_to_what_it_is() {
        let text = "Kasus itu merugikan negara Rp 2,3 triliun, kata jaksa.\n\nMenurut hakim, kerugian negara mencapai Rp 3,2 triliun.";
        let d = run(&Conflict, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "state losses of Rp 3,2 triliun here, but state losses of Rp 2,3 triliun in paragraph 1");
        for text in [
            "Kasus itu merugikan negara Rp 2,3 triliun. Kerugian negara dalam kasus lain mencapai Rp 3,2 triliun pada 2019.",
            "Budi didenda Rp 500 juta. Adapun Andi didenda Rp 300 juta.",
            "Kerugian negara sekitar Rp 2,3 triliun. Kerugian negara Rp 2,25 triliun.",
        ] {
            assert!(flagged(&Conflict, Id, text).is_empty(), "{text}: {:?}", run(&Conflict, Id, text).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        }
        assert_eq!(flagged(&Conflict, En, "He was fined Rp 500 million.\n\nThe court also imposed a fine of Rp 300 million on him."), ["300 million"]);
    }

    #[test]
    fn bodies_are_a_lower_bound() {
        assert_eq!(flagged(&Conflict, Id, "Tujuh orang tewas dalam kecelakaan itu. Delapan jenazah disemayamkan di RSUD."), ["Delapan"]);
    }

    #[test]
    fn two_digits_swapped() {
        // Money of one currency and magnitude, in either language.
        assert_eq!(flagged(&Conflict, Id, "Proyek itu menelan biaya Rp 4,8 miliar.\n\nWarga mempertanyakan biaya Rp 8,4 miliar itu."), ["8,4 miliar"]);
        assert_eq!(flagged(&Conflict, En, "The company paid $36 million for the warehouse site.\n\nCritics said the $63 million warehouse purchase was rushed."), ["63 million"]);
        // Percentages, and counts of one thing however they are worded.
        assert_eq!(flagged(&Conflict, Id, "Tingkat partisipasi pemilih mencapai 72 persen.\n\nKPU menyebut partisipasi hanya 27 persen."), ["27"]);
        // Two percentages of different things share no word around them.
        assert!(flagged(&Conflict, En, "Members voted for the strike, with 91 percent in favor.\n\nThe union is seeking a 19 percent raise.").is_empty());
        let counts = flagged(&Conflict, En, "The airline had to cancel 86 flights on Monday.\n\nMost passengers on the 68 cancelled flights were rebooked.");
        assert_eq!(counts, ["68"]);
        // A figure that became a record is still this figure; the record it beat is another.
        assert_eq!(flagged(&Conflict, Id, "Nilai transfernya Rp 6,5 miliar.\n\nTransfer senilai Rp 5,6 miliar itu menjadi rekor klub."), ["5,6 miliar"]);
        assert!(flagged(&Conflict, Id, "Nilai transfernya Rp 6,5 miliar.\n\nRekor sebelumnya Rp 5,6 miliar.").is_empty());
        let d = run(&Conflict, Id, "Proyek itu menelan biaya Rp 4,8 miliar.\n\nWarga mempertanyakan biaya Rp 8,4 miliar itu.");
        assert!(d[0].message.ends_with("two digits swapped in one of them?"), "{}", d[0].message);
        assert_eq!(d[0].related.len(), 1);
    }

    #[test]
    fn swapped_digits_that_are_not_one_figure_stay_silent() {
        for text in [
            // Another magnitude, another currency, another year, an update, one sentence, another thing.
            "Dana Rp 2,1 triliun tersalurkan ke sektor perdagangan.\n\nSebanyak Rp 1,2 triliun untuk pertanian.",
            "Proyek itu menelan biaya Rp 4,8 miliar.\n\nWarga menerima ganti rugi Rp 8,4 juta.",
            "Proyek itu menelan biaya Rp 48 miliar.\n\nPinjaman itu senilai 84 miliar dolar AS.",
            "Anggaran tahun ini Rp 4,8 miliar.\n\nPada 2019, anggarannya Rp 8,4 miliar.",
            "Korban tewas 12 orang.\n\nKorban tewas bertambah menjadi 21 orang.",
            "Sebanyak 12 rumah rusak berat dan 21 rumah rusak ringan.",
            // Counts of different things.
            "Sebanyak 36 rumah terendam.\n\nPetugas mengevakuasi 63 warga.",
            // Two digits that are not neighbours, and a single digit.
            "Proyek itu menelan biaya Rp 4,18 miliar.\n\nAnggarannya Rp 8,14 miliar.",
        ] {
            assert!(flagged(&Conflict, Id, text).is_empty(), "{text}: {:?}", run(&Conflict, Id, text).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        }
        for text in [
            "The fund lost $36 million in March.\n\nIt raised $63 billion last year.",
            "Officials counted 54 homes destroyed.\n\nRescuers evacuated 45 residents.",
        ] {
            assert!(flagged(&Conflict, En, text).is_empty(), "{text}: {:?}", run(&Conflict, En, text).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn where_a_figure_was_said_is_not_its_scope() {
        // The place and the day follow a verb of saying: they tell where and when the speaker spoke.
        assert_eq!(
            flagged(&Conflict, Id, "Banjir menewaskan 14 orang, kata Kepala BPBD Syamsul di posko pengungsian di Desa Marobo.\n\nSebanyak 16 orang tewas dalam banjir itu."),
            ["16"]
        );
        assert_eq!(flagged(&Conflict, Id, "Banjir menewaskan 14 orang, kata Syamsul, Rabu.\n\nSebanyak 16 orang tewas dalam banjir itu."), ["16"]);
        assert_eq!(flagged(&Conflict, En, "The floods killed 14 people, the governor told reporters in Masamba.\n\nSixteen people were killed in the floods."), ["Sixteen"]);
        // A place that is where it happened still keeps two counts apart.
        for text in [
            "Banjir menewaskan 14 orang di Desa Marobo, kata Syamsul.\n\nSebanyak 16 orang tewas di Kecamatan Sabbang.",
            "Menurut Syamsul, banjir di Desa Marobo menewaskan 14 orang.\n\nSebanyak 16 orang tewas di Kecamatan Sabbang.",
        ] {
            assert!(flagged(&Conflict, Id, text).is_empty(), "{text}: {:?}", run(&Conflict, Id, text).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
        }
        let en = "Floods in Masamba killed 14 people, the governor said.\n\nSixteen people were killed in Sabbang.";
        assert!(flagged(&Conflict, En, en).is_empty(), "{:?}", run(&Conflict, En, en).iter().map(|d| d.message.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn prison_terms_of_one_person() {
        let text = "Hakim menjatuhkan vonis 15 tahun penjara kepada Rahmat Lessy. Jaksa meminta Rahmat dihukum 18 tahun penjara. Dengan vonis 13 tahun tersebut, Rahmat ditahan.";
        assert_eq!(flagged(&Conflict, Id, text), ["13"]);
        let other = "The court sentenced Ahmad Syarifuddin to nine years in prison. Widjaja Kusuma was sentenced to four years in prison.";
        assert!(flagged(&Conflict, En, other).is_empty());
    }
}
