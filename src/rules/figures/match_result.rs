use super::Article;
use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::numbers::Role;
use crate::prose::BlockKind;
use crate::rules::{Context, Rule, RuleMeta};

/// `kemenangan 2-1 atas Perseru` ... `Kemenangan 3-1 ini`.
pub struct MatchResult;

static META: RuleMeta = RuleMeta {
    code: "figures/match-result",
    category: Category::Figures,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "The result of the article's match given two ways.",
    explanation: "A match report states its result in the headline and the lead and refers back to it \
(`Kemenangan 3-1 ini`, `this 2-1 win`). A result next to a word of winning, losing or drawing (`kemenangan`, \
`menang`, `tundukkan`, `kalah`, `imbang`, `win`, `beat`, `defeat`, `drew`) is compared with the article's \
main result (the first one, in the headline or the lead) when it is also in the headline or lead, or when it \
points back to it with `ini`, `tersebut`, `itu`, `this`, `that`. Scores either way round are the same result \
(`menang 2-1`, `kalah 1-2`). Half-time, aggregate and penalty shoot-out scores, other matches and other \
teams' results are left alone.",
    example_bad: "Bintang Timur menang 2-1 atas Perseru Muara. ... Kemenangan 3-1 ini memperpanjang rekor kandang mereka.",
    example_good: "Bintang Timur menang 2-1 atas Perseru Muara. ... Kemenangan 2-1 ini memperpanjang rekor kandang mereka.",
};

const RESULT_WORDS: &[&str] = &[
    "kemenangan", "menang", "mengalahkan", "menundukkan", "tundukkan", "kalahkan", "menaklukkan", "taklukkan", "kalah",
    "takluk", "tumbang", "kekalahan", "imbang", "skor", "unggul", "menggilas", "gilas", "membantai", "bantai", "bekuk",
    "membekuk", "hajar", "menghajar", "tekuk", "menekuk", "melibas", "libas", "mempermalukan", "win", "won", "wins", "beat", "beats", "beating", "defeated", "defeat", "defeats",
    "victory", "loss", "lost", "drew", "draw", "scoreline", "thrashed", "edged", "routed", "hammered",
];
/// Scores that are not the final result, or of another match.
const OTHER_SCORES: &[&str] = &[
    "babak pertama", "turun minum", "paruh pertama", "first half", "half-time", "halftime", "agregat", "aggregate",
    "adu penalti", "penalti", "shootout", "shoot-out", "penalties", "leg", "pertemuan", "meeting", "musim lalu",
    "last season", "sempat", "tertinggal", "trailed", "led", "leading", "sebelumnya", "earlier", "previous",
];
const BACK_REFERENCE: &[&str] = &["ini", "tersebut", "itu", "this", "that"];

struct Result {
    low: u32,
    high: u32,
    span: Span,
    block: usize,
    /// In the headline or the lead paragraph.
    lead: bool,
    /// Points back to the main result: `Kemenangan 3-1 ini`.
    refers_back: bool,
}

impl Rule for MatchResult {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let article = ctx.figures_article();
        if article.too_large() {
            return;
        }
        let results = results(article);
        let Some(main) = results.first().filter(|r| r.lead) else { return };
        for r in &results[1..] {
            if !(r.lead || r.refers_back) || (r.low, r.high) == (main.low, main.high) {
                continue;
            }
            let message = format!(
                "a {}-{} result here, but {}-{} {}",
                r.high,
                r.low,
                main.high,
                main.low,
                article.where_is(main.block, r.block)
            );
            out.push(META.diagnostic(r.span, message).with_related(main.span, format!("{}-{} here", main.high, main.low)));
        }
    }
}

fn results(article: &Article) -> Vec<Result> {
    let doc = article.doc;
    let lead_blocks: Vec<usize> = {
        let mut v = Vec::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Title | BlockKind::Heading) && v.is_empty() {
                v.push(i);
            } else if b.kind.is_running_text() {
                v.push(i);
                break;
            }
        }
        v
    };
    let mut out = Vec::new();
    let ms = &article.mentions;
    for (i, m) in ms.iter().enumerate() {
        if m.role != Role::PairStart {
            continue;
        }
        let Some(n) = ms.get(i + 1).filter(|n| n.role == Role::PairEnd) else { continue };
        if !m.is_whole() || !n.is_whole() || m.value > 30.0 || n.value > 30.0 {
            continue;
        }
        let words = &article.sentences[m.sentence];
        let sep = words.at(m.tokens.end);
        if !matches!(sep, Some("-" | "–")) {
            continue;
        }
        let start = m.tokens.start;
        let end = n.tokens.end;
        let near = start.saturating_sub(5).max(words.tokens.start)..(end + 3).min(words.tokens.end);
        if !words.any_in(near.clone(), RESULT_WORDS) {
            continue;
        }
        let clause = super::claims::clause_of(article, m.sentence, start);
        if words.any_phrase_in(clause.start.min(near.start)..clause.end.max(near.end), OTHER_SCORES) {
            continue;
        }
        // `Kemenangan 3-1 ini`, `this 2-1 win`.
        let refers_back = words.at(end).is_some_and(|w| BACK_REFERENCE.contains(&w))
            || start > words.tokens.start && words.at(start - 1).is_some_and(|w| matches!(w, "this" | "that"));
        out.push(Result {
            low: m.value.min(n.value) as u32,
            high: m.value.max(n.value) as u32,
            span: crate::rules::figures::join_spans(m.span, n.span),
            block: m.block,
            lead: lead_blocks.contains(&m.block),
            refers_back,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::figures::test_support::{flagged, run};

    #[test]
    fn a_result_given_two_ways() {
        let text = "Bintang Timur Tundukkan Perseru Muara 2-1\n\nBintang Timur memetik kemenangan 2-1 atas Perseru Muara, Sabtu.\n\nKemenangan 3-1 ini memperpanjang rekor kandang mereka.";
        let d = run(&MatchResult, Id, text);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.range()], "3-1");
        assert_eq!(d[0].message, "a 3-1 result here, but 2-1 in the headline");
        assert_eq!(flagged(&MatchResult, En, "Persada Raya beat Bintang Timur 1-0 on Friday.\n\nThis 2-0 win leaves them five points clear."), ["2-0"]);
    }

    #[test]
    fn other_scores_stay_silent() {
        for text in [
            "Bintang Timur menang 2-1 atas Perseru. Perseru sempat unggul 1-0 di babak pertama.",
            "Bintang Timur menang 2-1 atas Perseru.\n\nRajawali bermain imbang 2-2 dengan Persiku.",
            "Bintang Timur menang 2-1 atas Perseru.\n\nKekalahan 1-2 ini membuat Perseru terpuruk.",
            "Sebanyak 10-12 orang datang. Bintang Timur menang 2-1.",
        ] {
            assert!(flagged(&MatchResult, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&MatchResult, En, "Persada won 1-0.\n\nThe two sides drew 1-1 in their first meeting in October.").is_empty());
    }
}
