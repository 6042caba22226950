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
teams' results are left alone. A result given game by game (`25-22, 23-25, 25-20, 25-18`) is counted \
game by game and compared with the main result when that counts games (`menang 3-2`: here 3-1), if the games \
are of the match reported: in the lead, pointing back, or naming a side the main result names. `The 2-1 \
victory` points back too, unless a month or a year right after it says another match. The scores of every quarter or \
half, each named (`20-18 pada kuarter pertama, ...`, `won the first quarter 25-20, lost the second 18-22, ...`), must add \
up to the final score in the headline or lead, each read either way round; a game that went to overtime is left alone, \
and the score of one period is never compared as a result. A win given game by game (`menundukkan unggulan pertama, \
21-18, 17-21, 19-21`) must give the winner, whose scores stand first, most of the games. A margin of victory said of the match \
reported (`The nine-point margin`, `won by 12 points`, `menang dengan selisih tiga gol`) must be its result's \
difference (98-91 is seven points); a margin with a qualifier (`five points or fewer`), of each of several games, \
or of a sentence with a score of its own is left alone.",
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
    "last season", "sempat", "tertinggal", "trailed", "sebelumnya", "earlier", "previous",
    // A tiebreak's points, not the set's games.
    "tiebreak", "tiebreaker", "tie-break", "tie-breaker", "tiebreaks", "tie break",
    // Another year's match.
    "last year", "last year's", "tahun lalu", "musim sebelumnya",
    // A score during the game: at the interval, at the break.
    "interval", "jeda", "the break", "changeover", "mid-game",
    // One period of a game: a quarter, a half, an inning.
    "kuarter", "quarter", "quarters", "period", "periode", "inning", "innings", "babak kedua", "second half", "paruh kedua",
];
/// A lead, a running score: only right beside the score (`led 2-0`, `a 3-2 lead`), since a
/// sentence may give the result and a series lead (`beat the Rangers 98-91 to take a 3-2 lead`).
const LEADS: &[&str] = &["lead", "led", "leading", "leads"];

/// Rounds of a competition: a score of another round, unless it is the main result's own
/// (`beat Kingsford 3-2 in the FA Trophy quarterfinals`) or the round comes after it as where
/// the win leads (`The 3-1 win sends the club into the semifinals`).
const ROUNDS: &[&str] = &[
    "semifinal", "semi-final", "semifinals", "semi-finals", "quarterfinal", "quarterfinals", "quarter-final",
    "perempat final", "penyisihan", "group stage", "fase grup", "kualifikasi", "qualifying",
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
    /// The games or sets of a result given game by game (`21-18, 19-21, 21-16`), this one first.
    games: Vec<(u32, u32, Span)>,
    /// The game a lone score is said to be (`the 21-14 win in the decider`, `gim kedua 21-17`):
    /// its index, or `usize::MAX` for the last.
    game: Option<usize>,
    /// Its sentence.
    sentence: usize,
}

/// Nouns of a result that, with `the` before the score, point back to the match reported:
/// `The 2-1 victory extended their run`.
const RESULT_NOUNS: &[&str] = &["victory", "win", "defeat", "loss", "draw", "triumph", "rout", "thrashing", "success", "upset"];
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember",
];

/// Words that open a sentence without naming a side.
const OPENING_WORDS: &[&str] = &[
    "the", "this", "that", "they", "their", "with", "after", "before", "when", "while", "but", "and", "then", "dengan",
    "dalam", "pada", "setelah", "sebelum", "saat", "ketika", "namun", "tetapi", "kemenangan", "kekalahan", "mereka",
    "laga", "pertandingan", "tim", "skor", "hasil", "match", "game", "team",
];

/// The games a result given game by game gives each side, the side named first (the winner of
/// the first number) first: `25-22, 23-25, 25-20, 25-18` is 3-1. None when a game is a tie.
fn tally(games: &[(u32, u32, Span)], article: &Article) -> Option<(u32, u32)> {
    let (mut a, mut b) = (0, 0);
    for &(_, _, span) in games {
        let text = article.doc.str(span);
        let mut parts = text.split(['-', '–']).map(|x| x.trim().parse::<u32>());
        let (Some(Ok(x)), Some(Ok(y))) = (parts.next(), parts.next()) else { return None };
        match x.cmp(&y) {
            std::cmp::Ordering::Greater => a += 1,
            std::cmp::Ordering::Less => b += 1,
            std::cmp::Ordering::Equal => return None,
        }
    }
    Some((a, b))
}

/// The capitalised words of a sentence, lowercased: the teams and players it names. (Its first
/// word too, unless it is a common opening word: `Okafor won 6-4`.)
fn names_in<'d>(article: &Article<'d, '_>, sentence: usize) -> Vec<&'d str> {
    let words = &article.sentences[sentence];
    let doc = article.doc;
    (words.tokens.start..words.tokens.end)
        .filter(|&t| doc.tokens[t].kind == crate::document::TokenKind::Word && doc.str(doc.tokens[t].span).chars().next().is_some_and(char::is_uppercase))
        .map(|t| doc.token_lower(t))
        .filter(|w| !MONTHS.contains(w) && w.len() > 2 && !OPENING_WORDS.contains(w))
        .collect()
}

/// Words that name one game or set of a match: `the decider`, `gim kedua`, `the second set`.
/// The index of the game, `LAST` for the deciding one.
const LAST: usize = usize::MAX;
const GAME_NOUNS: &[&str] = &["gim", "game", "set", "games", "sets"];
fn game_ordinal(w: &str) -> Option<usize> {
    Some(match w {
        "pertama" | "first" | "opening" => 0,
        "kedua" | "second" => 1,
        "ketiga" | "third" => 2,
        "keempat" | "fourth" => 3,
        "kelima" | "fifth" => 4,
        "penentuan" | "terakhir" | "final" | "deciding" | "last" | "rubber" => LAST,
        _ => return None,
    })
}

/// The game a score is said to be: `decider` alone, or a game noun with an ordinal before
/// (`the second game`) or after it (`gim kedua`); the naming nearest before the score (in its
/// sentence, up to ten words back: `Pada gim kedua, mereka menutup laga dengan skor 21-17`),
/// else right after it (`21-17 in the second game`).
fn game_named(words: &super::SentenceWords<'_>, start: usize, end: usize) -> Option<usize> {
    let at = |t: usize| -> Option<usize> {
        let w = words.at(t)?;
        if matches!(w, "decider" | "penentuan" | "rubber") && !GAME_NOUNS.contains(&words.at(t.wrapping_sub(1)).unwrap_or("")) {
            return Some(LAST);
        }
        if GAME_NOUNS.contains(&w) {
            return words.at(t.wrapping_sub(1)).and_then(game_ordinal).or_else(|| words.at(t + 1).and_then(game_ordinal));
        }
        None
    };
    // `She won the opening game 21-18 and lost the second 19-21`: an ordinal standing alone after
    // a game was named is the next game named.
    let bare = |t: usize| -> Option<usize> {
        let w = words.at(t)?;
        let g = game_ordinal(w).filter(|&g| g != LAST)?;
        let noun_beside = [t.wrapping_sub(1), t + 1].iter().any(|&u| words.at(u).is_some_and(|x| GAME_NOUNS.contains(&x)));
        (!noun_beside && (words.tokens.start..t).any(|u| words.at(u).is_some_and(|x| GAME_NOUNS.contains(&x)))).then_some(g)
    };
    (start.saturating_sub(10).max(words.tokens.start)..start)
        .rev()
        .find_map(|t| at(t).or_else(|| bare(t)))
        .or_else(|| (end..(end + 5).min(words.tokens.end)).find_map(at))
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
        out.extend(period_sums(article));
        let results = results(article);
        out.extend(results.iter().filter_map(|r| won_on_fewer_games(article, r)));
        let Some(main) = results.first().filter(|r| r.lead) else { return };
        out.extend(stated_margin(article, main, &results));
        let main_names = names_in(article, main.sentence);
        for r in &results[1..] {
            // A result given game by game whose games make another result than the main one:
            // `menang 3-2` ... `dengan skor 25-22, 23-25, 25-20, dan 25-18` (3-1). Only when the
            // main result counts games (a small number each) and the games are of the match
            // reported (in the lead, pointing back, or naming a side the main result names).
            if r.games.len() >= 2
                && main.games.len() == 1
                && main.high <= 5
                && r.games.iter().all(|g| g.1 > main.high)
                && (r.lead || r.refers_back || names_in(article, r.sentence).iter().any(|n| main_names.contains(n)))
                && let Some((a, b)) = tally(&r.games, article)
                && (a.min(b), a.max(b)) != (main.low, main.high)
            {
                let message = format!(
                    "these games make a {}-{} result, but {}-{} {}",
                    a.max(b),
                    a.min(b),
                    main.high,
                    main.low,
                    article.where_is(main.block, r.block)
                );
                let span = super::join_spans(r.games[0].2, r.games[r.games.len() - 1].2);
                out.push(META.diagnostic(span, message).with_related(main.span, format!("{}-{} here", main.high, main.low)));
                continue;
            }
            // A lone score said to be one game of a result given game by game.
            if let Some(g) = r.game.filter(|_| main.games.len() >= 2 && r.games.len() == 1) {
                let Some(&(low, high, span)) = (if g == LAST { main.games.last() } else { main.games.get(g) }) else { continue };
                if (r.low, r.high) != (low, high) {
                    let which = if g == LAST { "the deciding game".to_string() } else { format!("game {}", g + 1) };
                    let message = format!("{which} given as {}-{} here, but {}-{} {}", r.high, r.low, high, low, article.where_is(main.block, r.block));
                    out.push(META.diagnostic(r.span, message).with_related(span, format!("{which}: {high}-{low} here")));
                }
                continue;
            }
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

/// Words of winning a match, said of its subject.
const WON: &[&str] = &[
    "menang", "mengalahkan", "menundukkan", "tundukkan", "kalahkan", "menaklukkan", "taklukkan", "menggilas", "gilas", "membekuk",
    "bekuk", "menekuk", "tekuk", "melibas", "libas", "menyingkirkan", "singkirkan", "menjuarai", "beat", "beats", "beating",
    "defeated", "defeating", "won", "wins", "edged", "ousted", "eliminated", "downed", "overcame", "outlasted",
];
const LOST: &[&str] = &["kalah", "takluk", "tumbang", "kekalahan", "lost", "loses", "losing", "fell", "beaten", "defeated by", "bowed", "tersingkir"];

/// A win given game by game in which the winner does not win most games: `menundukkan unggulan
/// pertama, 21-18, 17-21, 19-21`. The winner's scores stand first (the subject's, who won).
fn won_on_fewer_games(article: &Article, r: &Result) -> Option<Diagnostic> {
    if r.games.len() < 2 || r.games.iter().any(|g| g.1 > 30) {
        return None;
    }
    let words = &article.sentences[r.sentence];
    let doc = article.doc;
    let start = doc.tokens.iter().position(|t| t.span.start == r.games[0].2.start)?;
    let before = start.saturating_sub(12).max(words.tokens.start)..start;
    if !words.any_in(before.clone(), WON) || words.any_phrase_in(before, LOST) {
        return None;
    }
    let (a, b) = tally(&r.games, article)?;
    if a > b {
        return None;
    }
    let span = super::join_spans(r.games[0].2, r.games[r.games.len() - 1].2);
    Some(META.diagnostic(span, format!("a win, but the winner's side of these scores takes {a} games and the other {b}")))
}

/// A score as read for its period: the two numbers as written, its span, sentence and block, and
/// the period it is said to be (the kind of period and its ordinal).
type PeriodScore = (u32, u32, Span, usize, usize, Option<(usize, usize)>);

/// Periods of a game whose scores add up to the final one: four quarters, two halves.
const PERIODS: &[(&str, usize)] = &[("kuarter", 4), ("quarter", 4), ("babak", 2), ("half", 2), ("paruh", 2)];
fn period_ordinal(w: &str) -> Option<usize> {
    game_ordinal(w).filter(|&g| g != LAST).or(match w {
        "final" | "terakhir" | "last" => Some(LAST),
        _ => None,
    })
}

/// The score of every period of the article's game, each named by its period (`20-18 pada
/// kuarter pertama, 19-17 pada kuarter kedua, ...`, `won the first quarter 25-20, ...`), against
/// the final score in the headline or lead (`menang 78-70`): the periods must add up to it, each
/// period's score read either way round. Not when the game went to overtime.
fn period_sums(article: &Article) -> Option<Diagnostic> {
    let doc = article.doc;
    let ms = &article.mentions;
    let lead_block = doc.blocks.iter().position(|b| b.kind.is_running_text())?;
    let overtime = (0..article.sentences.len()).any(|s| article.sentences[s].any_phrase_in(article.sentences[s].tokens.clone(), &["overtime", "perpanjangan waktu", "extra time", "double overtime"]));
    if overtime {
        return None;
    }
    // Scores: (first, second, span, sentence, block, the period named: (kind, ordinal)).
    let mut scores: Vec<PeriodScore> = Vec::new();
    let mut last_period: Option<usize> = None;
    for (i, m) in ms.iter().enumerate() {
        let Some(n) = ms.get(i + 1).filter(|n| m.role == Role::PairStart && n.role == Role::PairEnd) else { continue };
        let words = &article.sentences[m.sentence];
        if !m.is_whole() || !n.is_whole() || m.value > 200.0 || n.value > 200.0 || !matches!(words.at(m.tokens.end), Some("-" | "–")) {
            continue;
        }
        let (start, end) = (m.tokens.start, n.tokens.end);
        // The period named right after the score (`pada kuarter kedua`, `in the second quarter`)
        // or just before it (`won the first quarter 25-20`; `the third 30-21` once a period is named).
        let period_at = |t: usize| -> Option<(usize, usize)> {
            let w = words.at(t)?;
            let kind = PERIODS.iter().position(|(p, _)| *p == w)?;
            let ordinal = words.at(t + 1).and_then(period_ordinal).or_else(|| words.at(t.wrapping_sub(1)).and_then(period_ordinal))?;
            Some((kind, ordinal))
        };
        let after = (end..(end + 5).min(words.tokens.end)).take_while(|&t| words.at(t) != Some(",")).find_map(period_at);
        let before = (start.saturating_sub(4).max(words.tokens.start)..start).rev().find_map(period_at).or_else(|| {
            let kind = last_period?;
            let o = (start.saturating_sub(2).max(words.tokens.start)..start).find_map(|t| words.at(t).and_then(period_ordinal))?;
            Some((kind, o))
        });
        let period = after.or(before);
        if let Some((kind, _)) = period {
            last_period = Some(kind);
        }
        scores.push((m.value as u32, n.value as u32, crate::rules::figures::join_spans(m.span, n.span), m.sentence, m.block, period));
    }
    // The final: the first score of the headline or lead, next to a word of winning, no period.
    let (fa, fb, fspan, _, fblock, _) = *scores.iter().find(|x| {
        x.5.is_none() && x.4 <= lead_block && {
            let w = &article.sentences[x.3];
            let t = doc.tokens.iter().position(|tok| tok.span.start == x.2.start).unwrap_or(0);
            w.any_in(t.saturating_sub(8).max(w.tokens.start)..(t + 6).min(w.tokens.end), RESULT_WORDS)
        }
    })?;
    // The periods: one kind, every ordinal once, all of them.
    let periods: Vec<&PeriodScore> = scores.iter().filter(|x| x.5.is_some()).collect();
    let kind = periods.first()?.5?.0;
    let count = PERIODS[kind].1;
    if periods.len() != count || periods.iter().any(|x| x.5.is_some_and(|(k, _)| k != kind)) {
        return None;
    }
    let mut ordinals: Vec<usize> = periods.iter().filter_map(|x| x.5.map(|p| if p.1 == LAST { count - 1 } else { p.1 })).collect();
    ordinals.sort_unstable();
    ordinals.dedup();
    if ordinals != (0..count).collect::<Vec<_>>() {
        return None;
    }
    // Any reading of each period's score either way round that makes the final is allowed.
    let fits = (0u32..(1 << count)).any(|flips| {
        let (mut a, mut b) = (0, 0);
        for (i, x) in periods.iter().enumerate() {
            let (p, q) = if flips & (1 << i) != 0 { (x.1, x.0) } else { (x.0, x.1) };
            a += p;
            b += q;
        }
        (a, b) == (fa, fb) || (a, b) == (fb, fa)
    });
    if fits {
        return None;
    }
    let (a, b) = periods.iter().fold((0, 0), |(a, b), x| (a + x.0, b + x.1));
    let span = crate::rules::figures::join_spans(periods[0].2, periods[count - 1].2);
    let message = format!("these {} scores add up to {a}-{b}, but the final score is {fa}-{fb} {}", PERIODS[kind].0, article.where_is(fblock, periods[0].4));
    Some(META.diagnostic(span, message).with_related(fspan, format!("{fa}-{fb} here")))
}

/// Units a margin of victory is counted in.
const MARGIN_UNITS: &[&str] = &["point", "points", "poin", "angka", "goal", "goals", "gol", "run", "runs"];
/// Nouns a margin of the match reported is said of: `The nine-point margin`, `the 12-point win`.
const MARGIN_NOUNS: &[&str] = &["margin", "win", "victory", "triumph", "defeat", "loss", "rout"];

/// A margin as written: its value and span, its first token, the token of its unit (`points`,
/// or the word itself in `nine-point`), whether a hyphen joins them, and its sentence.
struct WrittenMargin {
    value: u32,
    span: Span,
    start: usize,
    unit: usize,
    hyphened: bool,
    sentence: usize,
}

/// A margin of victory said of the match reported against its result: `beat the Rangers 98-91`
/// ... `The nine-point margin` (7); `menang 3-1 ... dengan selisih tiga gol` (2). The margin is
/// the match's when it stands in the result's sentence after a word of winning (`won by 12
/// points`, `menang dengan selisih 10 poin`), or points back to it (`The nine-point margin`,
/// `Kemenangan dengan selisih 10 poin itu`). A margin with a qualifier (`five points or fewer`),
/// of each of several games, or in a sentence with a score of its own is left alone.
fn stated_margin(article: &Article, main: &Result, results: &[Result]) -> Option<Diagnostic> {
    // Only a result in points or goals, not one counting games or sets.
    if main.games.len() != 1 || main.high == main.low {
        return None;
    }
    let doc = article.doc;
    // Each margin written: `12 points`, `12-point` (a mention and its unit), `nine-point` (one word).
    let mut margins: Vec<WrittenMargin> = Vec::new();
    for m in &article.mentions {
        if !m.is_whole() || m.percent || m.currency.is_some() || m.role != Role::Quantity || m.value < 1.0 {
            continue;
        }
        let words = &article.sentences[m.sentence];
        let hyphened = words.at(m.tokens.end) == Some("-");
        let unit = m.tokens.end + usize::from(hyphened);
        if words.at(unit).is_some_and(|w| MARGIN_UNITS.contains(&w)) {
            margins.push(WrittenMargin { value: m.value as u32, span: m.span, start: m.tokens.start, unit, hyphened, sentence: m.sentence });
        }
    }
    for (sentence, words) in article.sentences.iter().enumerate() {
        for t in words.tokens.clone() {
            let Some((number, unit)) = words.at(t).and_then(|w| w.split_once('-')) else { continue };
            if !MARGIN_UNITS.contains(&unit) {
                continue;
            }
            if let Some(v) = crate::numbers::parse_number_words(&[number], doc.language).filter(|v| (1..1000).contains(v)) {
                // (The number's part of the word: `nine` of `nine-point`.)
                let whole = doc.tokens[t].span;
                let span = if doc.str(whole).is_ascii() { Span::new(whole.start, whole.start + number.len()) } else { whole };
                margins.push(WrittenMargin { value: v as u32, span, start: t, unit: t, hyphened: true, sentence });
            }
        }
    }
    for WrittenMargin { value, span, start, unit, hyphened, sentence } in margins {
        let words = &article.sentences[sentence];
        let before = |n: usize| start.checked_sub(n).filter(|&k| k >= words.tokens.start).and_then(|k| words.at(k));
        // `The nine-point margin`, `this 12-point win`.
        let pointing = hyphened && matches!(before(1), Some("the" | "this" | "that")) && words.at(unit + 1).is_some_and(|w| MARGIN_NOUNS.contains(&w));
        // `won by 12 points`, `beat them by seven points`, `menang dengan selisih 10 poin`.
        let by = matches!(before(1), Some("by" | "selisih")) && (2..12).any(|n| before(n).is_some_and(|w| WON.contains(&w) || LOST.contains(&w) || matches!(w, "kemenangan" | "kekalahan" | "menang" | "winning")));
        let back = (unit + 1..(unit + 4).min(words.tokens.end)).any(|k| words.at(k).is_some_and(|w| BACK_REFERENCE.contains(&w)));
        if !(pointing || by && (sentence == main.sentence || back)) {
            continue;
        }
        // A qualifier (`or fewer`, `more than`, `sekitar`), several games (`each`), another
        // score in the sentence: not one margin of this match.
        let qualified = before(1) == Some("than")
            || before(2) == Some("than")
            || matches!(words.at(unit + 1).zip(words.at(unit + 2)), Some(("or", "fewer" | "less" | "more")) | Some(("atau", "kurang" | "lebih")))
            || matches!(before(1), Some("about" | "nearly" | "almost" | "around" | "sekitar" | "hampir" | "lebih" | "kurang"));
        let several = words.lower().any(|w| matches!(w, "each" | "every" | "masing-masing" | "setiap" | "games" | "matches" | "gim"));
        let other_score = results.iter().any(|r| r.sentence == sentence && r.sentence != main.sentence);
        let actual = main.high - main.low;
        if qualified || several || other_score || value == actual {
            continue;
        }
        let written = doc.str(span);
        let message = format!("a margin of {written} here, but {}-{} {} is a margin of {actual}", main.high, main.low, article.where_is(main.block, doc.sentences[sentence].block));
        return Some(META.diagnostic(span, message).with_related(main.span, format!("{}-{} here", main.high, main.low)));
    }
    None
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
    let mut out: Vec<Result> = Vec::new();
    let ms = &article.mentions;
    // Where the last score read ends (its sentence and token), to join `21-18, 19-21` into one result.
    let mut last_end: Option<(usize, usize)> = None;
    for (i, m) in ms.iter().enumerate() {
        if m.role != Role::PairStart {
            continue;
        }
        let Some(n) = ms.get(i + 1).filter(|n| n.role == Role::PairEnd) else { continue };
        // (Basketball is scored past 100; a pair with a result word near is still a score.)
        if !m.is_whole() || !n.is_whole() || m.value > 200.0 || n.value > 200.0 {
            continue;
        }
        let words = &article.sentences[m.sentence];
        let sep = words.at(m.tokens.end);
        if !matches!(sep, Some("-" | "–")) {
            continue;
        }
        let start = m.tokens.start;
        let end = n.tokens.end;
        let (low, high) = (m.value.min(n.value) as u32, m.value.max(n.value) as u32);
        let span = crate::rules::figures::join_spans(m.span, n.span);
        // The next game of the result just read: `21-18, 19-21, 21-16`, `6-4 dan 7-5`.
        if let Some((s, e)) = last_end
            && s == m.sentence
            && (start == e + 1 && matches!(words.at(e), Some("," | "dan" | "and")) || start == e + 2 && words.at(e) == Some(",") && matches!(words.at(e + 1), Some("dan" | "and")))
            && let Some(r) = out.last_mut()
        {
            r.games.push((low, high, span));
            last_end = Some((m.sentence, end));
            continue;
        }
        // (`beating third-seeded Camila Ortiz of Argentina 6-4`: a team or player named at length.)
        let near = start.saturating_sub(8).max(words.tokens.start)..(end + 3).min(words.tokens.end);
        let clause = super::claims::clause_of(article, m.sentence, start);
        // `saved two set points at 4-5`, `pada kedudukan 1-1`: a running score, not a result.
        if words.at(start.wrapping_sub(1)).is_some_and(|w| matches!(w, "at" | "kedudukan" | "posisi" | "from" | "dari")) {
            last_end = None;
            continue;
        }
        let game = game_named(words, start, end);
        if !words.any_in(near.clone(), RESULT_WORDS) && game.is_none() {
            last_end = None;
            continue;
        }
        if words.any_phrase_in(clause.start.min(near.start)..clause.end.max(near.end), OTHER_SCORES) || words.any_phrase_in(start.saturating_sub(2)..end + 2, LEADS) {
            last_end = None;
            continue;
        }
        // Another round: named before the score in its clause, or right after it with `in` /
        // `di` / `pada` (`In the semifinal she had won 21-19`; `menang 2-0 di perempat final`).
        // The first result read is the article's own round.
        let round_before = words.any_phrase_in(clause.start..start, ROUNDS);
        let round_after = (end..(end + 5).min(clause.end.max(end))).any(|t| {
            words.first_phrase_at(t, ROUNDS).is_some() && (t.saturating_sub(3)..t).any(|u| matches!(words.at(u), Some("in" | "di" | "pada" | "at" | "babak")))
        });
        if !out.is_empty() && (round_before || round_after) {
            last_end = None;
            continue;
        }
        // `Kemenangan 3-1 ini`, `this 2-1 win`.
        // (`The 2-1 victory extended their run`: the match reported, unless a month or a year
        // says another: `the 2-0 defeat in October`.)
        let the_result = start > words.tokens.start
            && words.at(start - 1) == Some("the")
            && words.at(end).is_some_and(|w| RESULT_NOUNS.contains(&w))
            && !words.any_in(end..(end + 5).min(words.tokens.end), MONTHS)
            && !(end..(end + 5).min(words.tokens.end)).any(|t| article.doc.tokens[t].kind == crate::document::TokenKind::Number && words.at(t).is_some_and(|w| w.len() == 4));
        let refers_back = words.at(end).is_some_and(|w| BACK_REFERENCE.contains(&w))
            || start > words.tokens.start && words.at(start - 1).is_some_and(|w| matches!(w, "this" | "that"))
            || the_result;
        out.push(Result {
            low,
            high,
            span,
            block: m.block,
            lead: lead_blocks.contains(&m.block),
            refers_back,
            games: vec![(low, high, span)],
            game,
            sentence: m.sentence,
        });
        last_end = Some((m.sentence, end));
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
    fn a_margin_that_is_not_the_results() {
        assert_eq!(flagged(&MatchResult, En, "The Comets beat the Rangers 98-91 on Friday night.\n\nThe nine-point margin was the Comets' most comfortable win of the series."), ["nine"]);
        assert_eq!(flagged(&MatchResult, En, "Harbor won 88-80 on Sunday, winning by 12 points in front of a home crowd."), ["12"]);
        assert_eq!(flagged(&MatchResult, Id, "Satria Muda menang 78-70 atas Pelita Jaya, Sabtu.\n\nKemenangan dengan selisih 10 poin itu membawa Satria ke puncak klasemen."), ["10"]);
        assert_eq!(flagged(&MatchResult, Id, "Persada menang 3-1 atas Perseru, Minggu, dengan selisih tiga gol."), ["tiga"]);
        for (language, text) in [
            (En, "The Comets beat the Rangers 98-91 on Friday night.\n\nThe seven-point margin was the Comets' most comfortable win of the series."),
            (En, "The Comets beat the Rangers 98-91 on Friday night.\n\nThe first four games were each decided by five points or fewer. Morrow scored 31 points."),
            (En, "The Comets beat the Rangers 98-91 on Friday night.\n\nThe Rangers had led by 12 points at half-time."),
            (En, "The Comets beat the Rangers 98-91 on Friday night.\n\nIn March the Comets won 101-89, a 12-point win."),
            (Id, "Persada menang 3-1 atas Perseru, Minggu, dengan selisih dua gol."),
            (Id, "Satria Muda menang 78-70 atas Pelita Jaya, Sabtu. Pelita sempat unggul 10 poin pada kuarter pertama."),
            // A result in games: its margin is no count of points.
            (Id, "Tim voli Jakarta menang 3-1 atas Surabaya. Jakarta unggul selisih 12 poin di gim keempat."),
        ] {
            assert!(flagged(&MatchResult, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn other_scores_stay_silent() {
        // A series lead beside the result is no result.
        assert!(flagged(&MatchResult, En, "The Comets beat the Rangers 98-91 on Friday to take a 3-2 lead in the finals.\n\nThe 98-91 win was their best.").is_empty());
        assert!(flagged(&MatchResult, En, "United led 2-0 at one point and beat City 3-1 on Sunday.\n\nThe 3-1 win lifts United to third.").is_empty());
        for text in [
            "Bintang Timur menang 2-1 atas Perseru. Perseru sempat unggul 1-0 di babak pertama.",
            "Bintang Timur menang 2-1 atas Perseru.\n\nRajawali bermain imbang 2-2 dengan Persiku.",
            "Bintang Timur menang 2-1 atas Perseru.\n\nKekalahan 1-2 ini membuat Perseru terpuruk.",
            "Sebanyak 10-12 orang datang. Bintang Timur menang 2-1.",
            // The score of one quarter or half is no result.
            "Tim basket Surabaya menang 78-70 atas Jakarta. Surabaya unggul 20-18 pada kuarter pertama, 19-17 pada kuarter kedua, dan 21-15 pada kuarter ketiga.",
            "Persada menang 2-1. Persada unggul 1-0 pada babak kedua setelah imbang 1-1 di babak pertama.",
        ] {
            assert!(flagged(&MatchResult, Id, text).is_empty(), "{text}");
        }
        assert!(flagged(&MatchResult, En, "Persada won 1-0.\n\nThe two sides drew 1-1 in their first meeting in October.").is_empty());
        assert!(flagged(&MatchResult, En, "The Hawks beat the Owls 98-90.\n\nThe Hawks won the first quarter 25-20 and the third 30-21.").is_empty());
    }

    #[test]
    fn a_win_on_fewer_games() {
        assert_eq!(flagged(&MatchResult, Id, "Anisa Putri menundukkan unggulan pertama asal Thailand, 21-18, 17-21, 19-21, di final Kudus Open.").len(), 1);
        assert_eq!(flagged(&MatchResult, En, "Okafor beat the top seed 4-6, 6-3, 4-6 in the final on Sunday.").len(), 1);
        for (language, text) in [
            (Id, "Anisa Putri menundukkan unggulan pertama asal Thailand, 21-18, 17-21, 21-19, di final Kudus Open."),
            (En, "Okafor beat the top seed 4-6, 6-3, 6-4 in the final on Sunday."),
            // A loss, written from either side.
            (Id, "Anisa Putri kalah dari unggulan pertama, 21-18, 17-21, 19-21."),
            (En, "Okafor lost to the top seed 6-4, 3-6, 6-4 on Sunday."),
        ] {
            assert!(flagged(&MatchResult, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn periods_that_do_not_add_up_to_the_final_score() {
        assert_eq!(
            flagged(&MatchResult, Id, "Tim basket Surabaya menang 78-70 atas Jakarta, Sabtu. Surabaya unggul 20-18 pada kuarter pertama, 19-17 pada kuarter kedua, 21-15 pada kuarter ketiga, dan 16-20 pada kuarter keempat.").len(),
            1
        );
        assert_eq!(flagged(&MatchResult, En, "The Hawks beat the Owls 98-90 on Saturday.\n\nThe Hawks won the first quarter 25-20, lost the second 18-22, took the third 30-21 and lost the fourth 22-25.").len(), 1);
        for (language, text) in [
            (Id, "Tim basket Surabaya menang 76-70 atas Jakarta, Sabtu. Surabaya unggul 20-18 pada kuarter pertama, 19-17 pada kuarter kedua, 21-15 pada kuarter ketiga, dan 16-20 pada kuarter keempat."),
            (En, "The Hawks beat the Owls 95-88 on Saturday.\n\nThe Hawks won the first quarter 25-20, lost the second 18-22, took the third 30-21 and lost the fourth 22-25."),
            // Each period's winner written first.
            (En, "The Hawks beat the Owls 95-88 on Saturday.\n\nThe Hawks won the first quarter 25-20, lost the second 22-18, took the third 30-21 and lost the fourth 25-22."),
            // Not every period; overtime.
            (Id, "Tim basket Surabaya menang 78-70 atas Jakarta. Surabaya unggul 20-18 pada kuarter pertama dan 19-17 pada kuarter kedua."),
            (En, "The Hawks beat the Owls 108-100 in overtime.\n\nThe Hawks won the first quarter 25-20, lost the second 18-22, took the third 30-21 and lost the fourth 22-25."),
        ] {
            assert!(flagged(&MatchResult, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_game_of_a_result_given_game_by_game() {
        let text = "Rahmadani beat Zhou Xinyi 21-18, 19-21, 21-16 in the final on Sunday.\n\nHer coach said the 21-14 win in the decider showed her endurance.";
        let d = run(&MatchResult, En, text);
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.range()], "21-14");
        assert_eq!(d[0].message, "the deciding game given as 21-14 here, but 21-16 earlier in this paragraph".replace("earlier in this paragraph", "in paragraph 1"));
        assert_eq!(&text[d[0].related[0].span.range()], "21-16");
        // An ordinal after the game noun, in Indonesian; sets of tennis.
        assert_eq!(flagged(&MatchResult, Id, "Ganda putra Indonesia menang 21-15, 21-18 atas pasangan Korea.\n\nPada gim kedua, mereka menutup laga dengan skor 21-17."), ["21-17"]);
        assert_eq!(flagged(&MatchResult, En, "Okafor won 6-4, 3-6, 7-5 on Friday.\n\nHe took the final set 7-6 after saving two break points."), ["7-6"]);
        assert_eq!(flagged(&MatchResult, Id, "Tunggal putri Dewi Lestari menang 21-12, 17-21 dan 21-19.\n\nDewi mengaku lelah pada gim penentuan yang ia menangi 21-17."), ["21-17"]);
    }

    #[test]
    fn games_that_make_another_result() {
        assert_eq!(
            flagged(&MatchResult, Id, "Garuda Muda mengalahkan Tim Banteng 3-2 pada final, Minggu.\n\nGaruda Muda menang dengan skor 25-20, 22-25, 25-19, dan 25-21."),
            ["25-20, 22-25, 25-19, dan 25-21"]
        );
        assert_eq!(flagged(&MatchResult, En, "Okafor beat Lindqvist 3-0 in the final on Friday.\n\nOkafor won 6-4, 3-6, 7-5, 6-2 on the centre court."), ["6-4, 3-6, 7-5, 6-2"]);
        assert_eq!(flagged(&MatchResult, En, "Dewi Lestari won the title 2-0 on Sunday.\n\nDewi beat Zhou 21-15, 19-21, 21-17."), ["21-15, 19-21, 21-17"]);
        assert_eq!(flagged(&MatchResult, En, "City beat Rovers 4-1 on Saturday.\n\nThe 3-1 win sends City into the final for the first time since 2008."), ["3-1"]);
        // The main result in its own round; the win that leads to the next one.
        assert_eq!(
            flagged(&MatchResult, En, "Rovers came from behind to beat Kingsford 3-2 in the FA Trophy quarterfinals on Saturday.\n\nThe 3-1 win sends Rovers into the semifinals for the first time."),
            ["3-1"]
        );
        assert!(flagged(&MatchResult, En, "Rovers beat Kingsford 3-2 in the quarterfinals on Saturday.\n\nIn the semifinal they had lost 1-0 to Dover last year.").is_empty());
        assert!(flagged(&MatchResult, Id, "Persiku menang 2-1 atas Persela di semifinal, Sabtu.\n\nPersiku menang 3-0 di perempat final pekan lalu.").is_empty());
        // The victory named with `the`.
        assert_eq!(flagged(&MatchResult, En, "City Beat Rovers 4-1 in Cup Tie\n\nCity beat Rovers 4-1 on Saturday.\n\nThe 3-1 victory extended City's run to nine games."), ["3-1"]);
        let silent = [
            (Id, "Garuda Muda mengalahkan Tim Banteng 3-1 pada final, Minggu.\n\nGaruda Muda menang dengan skor 25-20, 22-25, 25-19, dan 25-21."),
            (En, "Okafor beat Lindqvist 3-1 in the final.\n\nOkafor won 6-4, 3-6, 7-5, 6-2 on the centre court."),
            // Another match's games: no side of the main result named.
            (En, "Dewi Lestari won the title 2-1 on Sunday.\n\nIn Saturday's other tie Zhou beat Kim 21-15, 21-17."),
            (En, "Dewi Lestari won the title 2-1 on Sunday.\n\nZhou beat Kim 21-15, 21-17 to take third place."),
            // Another match named with `the`.
            (En, "City beat Rovers 4-1 on Saturday.\n\nThe 2-0 defeat in October still stings, the coach said."),
            (En, "City beat Rovers 4-1 on Saturday.\n\nThe 4-1 victory extended City's run."),
        ];
        for (language, text) in silent {
            assert!(flagged(&MatchResult, language, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_game_given_as_it_was_stays_silent() {
        for (language, text) in [
            (En, "Rahmadani beat Zhou Xinyi 21-18, 19-21, 21-16 in the final.\n\nShe won the opening game 21-18 and lost the second 19-21."),
            (En, "Rahmadani beat Zhou Xinyi 21-18, 19-21, 21-16 in the final.\n\nIn the semifinal she had won the deciding game 21-19."),
            (Id, "Ganda putra Indonesia menang 21-15, 21-18 atas pasangan Korea.\n\nPada gim kedua, mereka menang 21-18 setelah tertinggal."),
            (Id, "Persija menang 2-1 atas Persib.\n\nGol kedua Persija tercipta pada menit ke-80, saat skor 1-1."),
            (En, "Okafor won 6-4, 3-6, 7-5 on Friday.\n\nIn the second set of last year's final he lost 2-6."),
            (En, "Okafor won 6-4, 7-5 on Friday.\n\nIn the second set, he saved two set points at 4-5 before breaking."),
            (En, "Jansen beat Ribeiro 6-4, 3-6, 7-6 (5) in the final.\n\nShe saved a match point in the third set before taking the tiebreaker 7-5."),
            (Id, "Okafor menang 6-4, 7-5 pada Jumat.\n\nPada set kedua, ia sempat tertinggal pada kedudukan 4-5."),
            (Id, "Dewi menang 21-17, 19-21, 21-15 di final.\n\nPada gim penentuan, Dewi unggul 11-6 saat interval dan menutup laga 21-15."),
            (En, "Dewi won 21-17, 19-21, 21-15 in the final.\n\nIn the decider she led 11-7 at the interval."),
        ] {
            assert!(flagged(&MatchResult, language, text).is_empty(), "{text}");
        }
    }
}
