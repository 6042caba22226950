//! Relations between claims: two figures for the same counted thing that cannot both hold, and
//! breakdowns whose parts do not make their whole. Claims are grouped by what they count (head,
//! state, unit) first, and each is compared with a bounded number of earlier ones of its group,
//! so the cost grows with the number of claims, not its square.

use super::{Claim, Claims, Qualifier, BODIES, OUTCOMES, PERSON};
use std::collections::HashMap;

/// What makes two claims about the same thing: the counted noun (none when generic), the state
/// and the unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub head: Option<String>,
    pub state: Option<&'static str>,
    pub predicate: Option<String>,
    pub currency: Option<&'static str>,
    pub percent: bool,
}

/// The most earlier claims of a group a claim is compared with.
const MAX_COMPARED: usize = 16;
/// The most claims looked back over for a breakdown's whole, or a sentence's share or change.
const MAX_LOOK_BACK: usize = 64;

impl Claim {
    pub fn key(&self) -> Key {
        Key { head: self.head.clone().filter(|h| h != PERSON), state: self.state, predicate: self.predicate.clone(), currency: self.currency, percent: self.percent }
    }
    /// A claim that may contradict another: about this event, a count that is neither a part,
    /// a remainder, an update nor a previous value, and says what it counts.
    fn comparable(&self) -> bool {
        !self.excluded
            && !self.update
            && !self.previous
            && !self.part
            && !self.remainder
            && !self.percent
            && self.currency.is_none()
            && self.value > 0.0
            && !self.measure
            && !(self.mention.is_none() && self.qualifier == Qualifier::Range)
            // `One borrower, a 29-year-old ...`: one person introduced, not a count, unless in a state.
            && (self.value != 1.0 || self.state.is_some())
            && (self.state.is_some() || !self.generic())
    }
    /// Places and times of two claims allow them to be about the same thing: when both name
    /// places (or times), they share one. A headline names the article's own.
    /// A claim that names no place is about the article's main places, so the other may name
    /// only those.
    fn same_scope(&self, other: &Claim, main_places: &[String]) -> bool {
        ["place:", "day:", "month:", "year:", "rel:"].iter().all(|kind| {
            let a: Vec<&String> = self.scope.iter().filter(|s| s.starts_with(kind)).collect();
            let b: Vec<&String> = other.scope.iter().filter(|s| s.starts_with(kind)).collect();
            match (a.is_empty(), b.is_empty()) {
                (true, true) => true,
                (false, false) => a.iter().any(|x| b.contains(x)),
                (true, false) => *kind != "place:" || b.iter().all(|x| main_places.contains(x)),
                (false, true) => *kind != "place:" || a.iter().all(|x| main_places.contains(x)),
            }
        })
    }
}

/// A total and a count that may be one of its parts contradict each other only when the count
/// must exceed the total: `jumlah korban tewas ... 13 orang` against `setidaknya 15 orang tewas`.
fn total_exceeded(a: &Claim, b: &Claim) -> bool {
    let (total, other) = if a.total { (a, b) } else { (b, a) };
    total.hi < other.lo
}

/// Figures from two named sources that disagree are reported disagreement, not a slip.
fn other_sources(a: &Claim, b: &Claim) -> bool {
    !a.speakers.is_empty() && !b.speakers.is_empty() && !a.speakers.iter().any(|s| b.speakers.contains(s))
}

/// Two claims that contradict each other: the later one, the earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contradiction {
    pub later: usize,
    pub earlier: usize,
}

/// Claims grouped by [`Key`], each group in text order.
pub fn groups(claims: &[Claim]) -> HashMap<Key, Vec<usize>> {
    let mut out: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.comparable() {
            out.entry(c.key()).or_default().push(i);
        }
    }
    out
}

/// Counts of the same thing in the same scope whose values cannot meet.
pub fn contradictions(claims: &Claims) -> Vec<Contradiction> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    for members in groups(cs).values() {
        // Another year than the article's is another period.
        let other_year = |c: &Claim| c.scope.iter().any(|s| s.strip_prefix("year:").is_some_and(|y| claims.year.is_none_or(|a| y != a.to_string())));
        let members: Vec<usize> = members.iter().copied().filter(|&i| !other_year(&cs[i])).collect();
        // A noun counted per subject (votes per candidate, seats per route, tonnes per shipment):
        // three values or more, or two in one sentence, make a distribution, not one count.
        // (A count of another place than the article's is compared by its scope, not here.)
        let elsewhere = |c: &Claim| c.scope.iter().any(|s| s.starts_with("place:") && !claims.main_places.contains(s));
        let mut values: Vec<u64> = members.iter().filter(|&&i| !elsewhere(&cs[i])).map(|&i| cs[i].value.to_bits()).collect();
        values.sort_unstable();
        values.dedup();
        let shared_sentence = members.windows(2).any(|w| cs[w[0]].sentence == cs[w[1]].sentence);
        if values.len() >= 3 || shared_sentence {
            continue;
        }
        for (n, &j) in members.iter().enumerate() {
            let b = &cs[j];
            crate::work::count(MAX_COMPARED.min(n));
            if before_a_remainder(cs, j) {
                continue;
            }
            let earlier = members[n.saturating_sub(MAX_COMPARED)..n].iter().copied().find(|&i| {
                let a = &cs[i];
                // A total and a count that may be one of its parts are not one figure.
                // (The whole of a share, `a quarter of the town's 2,400 households`, and a smaller
                // count with no state may be one of its parts: `about 130 households`.)
                let part_of_whole = a.fraction_whole != b.fraction_whole && a.state.is_none() && b.state.is_none() && if a.fraction_whole { b.value < a.value } else { a.value < b.value };
                a.sentence != b.sentence
                    && !part_of_whole
                    // (More bodies than a count of the dead: whatever the totals say.)
                    && (a.total == b.total || total_exceeded(a, b) || a.bodies && a.lo > b.hi || b.bodies && b.lo > a.hi)
                    && !other_sources(a, b)
                    // (`The Progressive Alliance took 128 seats ... The National Union won 94
                    // seats`: two holders' counts.)
                    && !(a.state.is_none() && b.state.is_none() && a.owner.is_some() && b.owner.is_some() && a.owner != b.owner)
                    && a.same_scope(b, &claims.main_places) && a.contradicts(b) && !(a.qualifier == Qualifier::Range && b.qualifier == Qualifier::Range)
            });
            if let Some(i) = earlier {
                out.push(Contradiction { later: j, earlier: i });
            }
        }
    }
    out.sort_by_key(|c| c.later);
    out
}

/// `Dua tersangka ditangkap di dalam gudang, sementara dua lainnya dibekuk di rumah`, `Six were
/// treated at the scene and the other four ...`: a count followed in its sentence by a remainder
/// of its unit is one part of a breakdown, not the whole count again.
fn before_a_remainder(cs: &[Claim], j: usize) -> bool {
    // (`11 orang tewas dan lima lainnya masih hilang`: others in another state are no part.)
    cs[j + 1..].iter().take_while(|c| c.sentence == cs[j].sentence).any(|c| c.remainder && c.same_unit(&cs[j]) && (c.state.is_none() || c.state == cs[j].state))
}

/// The digits a figure is written with and its magnitude word: `Rp 4,8 miliar` is `48` and
/// `miliar`, `14.800` is `14800`.
fn written_digits(doc: &crate::document::Document, c: &Claim) -> Option<(String, String)> {
    let mut digits = None;
    let mut magnitude = String::new();
    for t in c.tokens.clone() {
        let tok = &doc.tokens[t];
        match tok.kind {
            crate::document::TokenKind::Number if digits.is_none() => digits = Some(doc.token_str(tok).chars().filter(char::is_ascii_digit).collect::<String>()),
            crate::document::TokenKind::Word if digits.is_some() => magnitude = doc.token_lower(t).to_string(),
            _ => {}
        }
    }
    digits.map(|d| (d, magnitude))
}

/// Whether two digit strings differ only by two neighbouring digits swapped: `48` and `84`.
fn swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
    diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

/// Whether two counts are of one thing for a swapped-digits slip: the same noun, the same state,
/// bodies against the dead, or a noun made of the other's verb (`68 cancellations` ... `cancel
/// 86 flights`).
fn counted_alike(a: &Claim, b: &Claim) -> bool {
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    let words = |c: &Claim| c.head.iter().chain(c.predicate.iter()).flat_map(|h| h.split(' ')).filter(|w| w.len() >= 5).map(stem).collect::<Vec<_>>();
    let body = |c: &Claim| c.head.as_deref().is_some_and(|h| BODIES.contains(&h));
    // (`52 warga mengungsi` ... `25 warga dirawat`: one noun in two states is two counts.)
    let states_agree = a.state.is_none() || b.state.is_none() || a.state == b.state;
    a.head.is_some() && a.head == b.head && !a.generic() && states_agree
        || a.state.is_some() && a.state == b.state
        || (body(a) && b.state == Some("dead") || body(b) && a.state == Some("dead"))
        || states_agree && words(a).iter().any(|w| words(b).contains(w))
}

/// Whether two amounts or percentages are said of one thing: a word of five letters or more
/// (its first five) stands within a few words of both (`tingkat partisipasi 72 persen` ...
/// `partisipasi pemilih 27 persen`, `kerugian negara Rp 14,6 miliar` ... `kerugian negara dalam
/// perkara ini mencapai Rp 16,4 miliar`); `91 percent in favor` and `a 19 percent raise`, or `Rp
/// 2,1 triliun ke sektor perdagangan` and `Rp 1,2 triliun untuk pertanian`, share none.
fn shared_context(doc: &crate::document::Document, a: &Claim, b: &Claim) -> bool {
    let stems = |c: &Claim| {
        let sentence = doc.sentences[c.sentence].tokens.clone();
        // (Not past another figure or a conjunction: the words there are another figure's.)
        let number = |t: usize| doc.tokens[t].kind == crate::document::TokenKind::Number || matches!(doc.token_lower(t), "dan" | "and" | "serta" | "," | ";" | "sedangkan" | "while" | "as" | "karena" | "because" | "after" | "setelah");
        let from = (sentence.start.max(c.tokens.start.saturating_sub(6))..c.tokens.start).rev().find(|&t| number(t)).map_or(sentence.start.max(c.tokens.start.saturating_sub(6)), |t| t + 1);
        let to = (c.tokens.end..(c.tokens.end + 4).min(sentence.end)).find(|&t| number(t)).unwrap_or((c.tokens.end + 4).min(sentence.end));
        (from..to)
            .filter(|&t| doc.tokens[t].kind == crate::document::TokenKind::Word && !c.tokens.contains(&t))
            .map(|t| doc.token_lower(t))
            .filter(|w| w.chars().count() >= 5 && !super::STOP.contains(w) && !matches!(*w, "persen" | "percent" | "sekitar" | "nearly" | "hampir" | "setidaknya"))
            // (Without a clitic or a simple prefix: `nilainya`, `senilai` are `nilai`.)
            .flat_map(|w| {
                let bare = w.strip_suffix("nya").unwrap_or(w);
                let bare = ["se", "ke", "di"].iter().find_map(|p| bare.strip_prefix(p).filter(|r| r.chars().count() >= 5)).unwrap_or(bare);
                [w, bare].map(|x| x.chars().take(5).collect::<String>())
            })
            .collect::<Vec<_>>()
    };
    let x = stems(a);
    stems(b).iter().any(|w| x.contains(w))
}


/// A figure that points back at one given before (`Kerugian negara Rp 5,3 miliar itu`, `Proyek
/// senilai Rp 2,8 triliun tersebut`, `the $2.8 billion project`, `11 kapal tersebut`, `All 25
/// miners`, `seluruh 25 penambang`) but differs from it: the earlier figures it can point at are
/// amounts said of the same words (`kerugian negara ... Rp 3,8 miliar`), or counts of the same
/// noun, and they must agree on one value. When any earlier figure of its kind has its value, it
/// points at that one and all is well.
pub fn referred_back(claims: &Claims, doc: &crate::document::Document) -> Vec<Contradiction> {
    let cs = &claims.claims;
    let language = doc.language;
    let word = |t: usize| word_at(doc, t);
    let noun = |c: &Claim| c.noun(language).map(super::normalise_head);
    let mut out = Vec::new();
    for (l, lc) in cs.iter().enumerate() {
        crate::work::count(1);
        if lc.qualifier != Qualifier::Exact || lc.value <= 0.0 || lc.percent || lc.previous || lc.update || lc.excluded || lc.measure {
            continue;
        }
        let before = word(lc.tokens.start.wrapping_sub(1));
        let before2 = word(lc.tokens.start.wrapping_sub(2));
        if matches!(before, "hanya" | "only" | "just" | "cuma" | "termasuk" | "including") || matches!((before2, before), ("di", "antaranya") | ("of", "them")) {
            continue;
        }
        let money = lc.currency.is_some();
        // `kedelapan korban`: a word numbers.rs leaves alone, all of a group.
        let collective = lc.mention.is_none() && word(lc.tokens.start).starts_with("ke") && lc.value >= 2.0;
        // All of the victims (`kedelapan korban`, `all eight victims`): every earlier count of
        // people in an outcome, of any noun, when its own state is none or theirs.
        let victims = !money && lc.generic() && lc.state.is_none_or(|s| OUTCOMES.contains(&s));
        let demonstrative_after = |t: usize| matches!(word(t), "itu" | "tersebut");
        let pointed = if money {
            // `Rp 5,3 miliar itu`; `the $2.8 billion project` (a noun after, no preposition).
            demonstrative_after(lc.tokens.end)
                || matches!(before, "the" | "that" | "this") && doc.tokens.get(lc.tokens.end).is_some_and(|t| t.kind == crate::document::TokenKind::Word) && !matches!(word(lc.tokens.end), "in" | "of" | "to" | "for" | "from" | "on" | "and" | "or" | "a" | "per" | "each" | "million" | "billion")
        } else {
            // `11 kapal tersebut`: the noun and a demonstrative; `All 25 miners`, `seluruh 25 penambang`.
            let n = lc.noun.as_deref().or(lc.head.as_deref());
            let noun_end = (lc.tokens.end..(lc.tokens.end + 3).min(doc.tokens.len())).find(|&t| n.is_some_and(|n| word(t) == n.to_lowercase())).map(|t| t + 1);
            // (`All four members of his family`: a group of its own.)
            let of_a_group = noun_end.is_some_and(|t| matches!(word(t), "of" | "dari" | "in" | "di"));
            // (All of the victims, `all four victims`, `seluruh lima korban`, are everyone counted
            // in an outcome; all of a generic noun, `all 300 people`, may be a new count.)
            let of_victims = lc.noun.as_deref().is_some_and(|n| matches!(n, "victims" | "korban" | "casualties"));
            (lc.head.as_deref().is_some_and(|h| h != PERSON) || of_victims) && !of_a_group && (noun_end.is_some_and(demonstrative_after) || matches!(before, "all" | "seluruh" | "semua" | "kesemua" | "those" | "these"))
                // `kedelapan korban`, `Ke-17 jenazah`: all of them.
                || collective
        };
        if !pointed {
            continue;
        }
        let from = l.saturating_sub(MAX_LOOK_BACK);
        let kind = |c: &Claim| {
            c.currency == lc.currency && !c.percent && !c.measure && if money {
                true
            } else if victims {
                c.state.is_some_and(|s| OUTCOMES.contains(&s) && lc.state.is_none_or(|l| l == s))
            } else {
                noun(c) == noun(lc)
            }
        };
        // (Any earlier figure of its kind with its value is the one it points at.)
        let meets = |c: &Claim| c.lo <= lc.hi && lc.lo <= c.hi;
        if (from..l).any(|k| kind(&cs[k]) && meets(&cs[k])) {
            continue;
        }
        let candidates: Vec<usize> = (from..l)
            .filter(|&k| {
                let c = &cs[k];
                // (An amount's clause may be a plan, `senilai Rp 2,5 triliun ditargetkan rampung
                // 2026`, and the amount still the thing's.)
                // A count of the headline or lead is the story's own, whatever its clause adds
                // (`freed 23 coal miners who had been trapped ... since Tuesday`).
                let lead = matches!(c.position, super::Position::Headline | super::Position::Lead);
                // (Victims of any outcome are all counted: `lima penambang ... tiga lainnya`.)
                kind(c) && c.sentence != lc.sentence && (victims || !c.part && !c.remainder) && !c.previous && !c.update && (!c.excluded || money || lead) && matches!(c.qualifier, Qualifier::Exact | Qualifier::About)
                    && (c.state == lc.state || lc.state.is_none())
                    && if money { shared_context(doc, c, lc) } else { true }
            })
            .collect();
        let Some(&first) = candidates.first() else { continue };
        if candidates.iter().any(|&k| cs[k].value != cs[first].value) {
            continue;
        }
        // A count may have grown since (`arrested two suspects ... and a third on Tuesday. All
        // three suspects`, `dua korban lagi ditemukan`): no word of adding between.
        let last = *candidates.last().unwrap_or(&first);
        let grown = (cs[last].tokens.end..lc.tokens.start).any(|t| {
            let w = word(t);
            matches!(w, "another" | "more" | "additional" | "third" | "fourth" | "fifth" | "lagi" | "tambahan" | "menyusul" | "kembali" | "bertambah" | "rose" | "risen" | "climbed" | "grew" | "increased" | "naik" | "meningkat" | "ketiga" | "keempat" | "kelima")
        });
        if grown && !money {
            continue;
        }
        out.push(Contradiction { later: l, earlier: first });
    }
    out
}

/// Two figures of one unit whose digits differ only by two neighbouring digits swapped (`Rp 4,8
/// miliar` ... `Rp 8,4 miliar`, `86 flights` ... `68 cancellations`): a typing slip in one of
/// them. Money and percentages of one currency and magnitude word; counts of one thing. Figures
/// are bucketed by their sorted digits, so only possible pairs are compared. Earlier figures,
/// updates, ranges, figures of another period or event, and a part against its whole are not one
/// figure.
pub fn transpositions(claims: &Claims, doc: &crate::document::Document) -> Vec<Contradiction> {
    let cs = &claims.claims;
    let other_year = |c: &Claim| c.scope.iter().any(|s| s.strip_prefix("year:").is_some_and(|y| claims.year.is_none_or(|a| y != a.to_string())));
    let mut buckets: HashMap<(Option<&'static str>, bool, String, Vec<u8>), Vec<(usize, String)>> = HashMap::new();
    for (i, c) in cs.iter().enumerate() {
        crate::work::count(1);
        // (A remainder is another slice than the parts before it: `50 persen atau 1.800 kursi ...
        // Sisanya, 30 persen atau 1.080 kursi`.)
        if c.value <= 0.0 || c.previous || c.update || c.excluded || c.remainder || c.qualifier == Qualifier::Range || other_year(c) {
            continue;
        }
        let Some((digits, magnitude)) = written_digits(doc, c) else { continue };
        if digits.trim_matches('0').len() < 2 {
            continue;
        }
        let mut sorted = digits.clone().into_bytes();
        sorted.sort_unstable();
        buckets.entry((c.currency, c.percent, magnitude, sorted)).or_default().push((i, digits));
    }
    // The percentage a figure is given with: `50 persen atau 1.800 kursi`, `1,800 (50%)`.
    let paired_percent = |k: usize| -> Option<u64> {
        let joined = |x: &Claim, y: &Claim| x.sentence == y.sentence && {
            let w = between(doc, x.tokens.end, y.tokens.start);
            w.len() <= 2 && w.iter().all(|t| matches!(*t, "atau" | "or" | "(" | "," | "sebesar"))
        };
        let before = k.checked_sub(1).filter(|&p| cs[p].percent && joined(&cs[p], &cs[k]));
        let after = Some(k + 1).filter(|&p| p < cs.len() && cs[p].percent && joined(&cs[k], &cs[p]));
        before.or(after).map(|p| cs[p].value.to_bits())
    };
    let mut out = Vec::new();
    for members in buckets.values() {
        for (n, (j, dj)) in members.iter().enumerate() {
            crate::work::count(MAX_COMPARED.min(n));
            let b = &cs[*j];
            let earlier = members[n.saturating_sub(MAX_COMPARED)..n].iter().find(|(i, di)| {
                let a = &cs[*i];
                // (`50 persen atau 1.800 kursi ... 30 persen atau 1.080 kursi`: each the amount of
                // its own share.)
                let shares_apart = matches!((paired_percent(*i), paired_percent(*j)), (Some(x), Some(y)) if x != y);
                a.sentence != b.sentence
                    && !shares_apart
                    && swapped(di, dj)
                    && (a.whole, a.total) == (b.whole, b.total)
                    && if a.currency.is_some() || a.percent {
                        // Amounts and shares of one thing: said of the same words.
                        shared_context(doc, a, b)
                    } else {
                        counted_alike(a, b)
                    }
            });
            if let Some((i, _)) = earlier {
                out.push(Contradiction { later: *j, earlier: *i });
            }
        }
    }
    out.sort_by_key(|c| c.later);
    out
}

/// A whole and the parts that break it down, when they cannot add up.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// The whole's claim, or none when the breakdown names it by its state alone
    /// (`Of the dead, ...`) and the value is the state's earlier count (`whole_value`).
    pub whole: usize,
    pub parts: Vec<usize>,
    pub sum: f64,
    /// A remainder with no number (`sisanya dirawat`): its state and the value it must have.
    pub derived: Option<(&'static str, f64)>,
}

/// Breakdowns whose parts, added up, are not their whole: partitives (`Dari 46 pekerja yang
/// terluka, 19 ... dan 25 ...`, `Of the dead, nine ... and three ...`) and lists of outcomes
/// (`64 selamat dan 9 meninggal. Sisanya, 12 ...` after `87 penumpang`). A list is taken as whole
/// only with a remainder (`sisanya`, `lainnya`, `the rest`), three outcomes or more, or two parts
/// that leave just a little out; parts that may leave some out (`termasuk`, `including`) never.
/// Each claim is looked at once, with a bounded look back for the whole.
pub fn breakdowns(claims: &Claims, doc: &crate::document::Document) -> Vec<Breakdown> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    let mut used = vec![false; cs.len()];
    let mut i = 0;
    while i < cs.len() {
        crate::work::count(1);
        let s = cs[i].sentence;
        // The claims of this sentence, and of the following sentences of its block that carry a
        // remainder on.
        let sentence_end = cs[i..].iter().position(|c| c.sentence != s).map_or(cs.len(), |p| i + p);
        let mut end = sentence_end;
        while end < cs.len() && cs[end].block == cs[i].block && cs[end].sentence == cs[end - 1].sentence + 1 {
            let next_s = cs[end].sentence;
            let next_end = cs[end..].iter().position(|c| c.sentence != next_s).map_or(cs.len(), |p| end + p);
            if !cs[end..next_end].iter().any(|c| c.remainder || added_outcome(doc, c)) || next_end - end > 5 {
                break;
            }
            end = next_end;
        }
        let here: Vec<usize> = (i..end).filter(|&k| !used[k]).collect();
        i = sentence_end;
        let Some(found) = breakdown_in(claims, doc, &here) else { continue };
        for &p in &found.parts {
            used[p] = true;
        }
        out.push(found);
    }
    for found in what_is_left(claims, doc) {
        if found.parts.iter().all(|&p| !used[p]) {
            for &p in &found.parts {
                used[p] = true;
            }
            out.push(found);
        }
    }
    for found in lists_beyond_their_whole(claims, doc).into_iter().chain(holdings_beyond_their_whole(claims, doc)) {
        if found.parts.iter().all(|&p| !used[p]) {
            for &p in &found.parts {
                used[p] = true;
            }
            out.push(found);
        }
    }
    out.sort_by_key(|b| b.parts.last().copied());
    out
}

/// `Another nine people remain missing`, `dua orang lagi hilang`: an outcome added to the ones
/// just counted, a part of their whole.
fn added_outcome(doc: &crate::document::Document, c: &Claim) -> bool {
    let before = c.tokens.start.checked_sub(1).map(|t| doc.token_lower(t));
    let after = |n: usize| (c.tokens.end + n < doc.tokens.len()).then(|| doc.token_lower(c.tokens.end + n));
    c.state.is_some_and(|s| OUTCOMES.contains(&s))
        && (matches!(before, Some("another" | "further" | "additional")) || after(0) == Some("more") || after(0) == Some("lagi") || after(1) == Some("lagi") && after(0).is_some_and(|w| matches!(w, "orang" | "korban" | "warga")))
}

/// `found 11 of the 15 members ..., leaving three still unaccounted for`, `11 dari 15 pendaki
/// ditemukan, menyisakan tiga orang`: a part of a whole and what it leaves, in one sentence, must
/// make the whole.
fn what_is_left(claims: &Claims, doc: &crate::document::Document) -> Vec<Breakdown> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    for (x, xc) in cs.iter().enumerate() {
        crate::work::count(1);
        let y = x + 1;
        if y >= cs.len() || cs[y].sentence != xc.sentence {
            continue;
        }
        // What is left: the next figure after `leaving` / `menyisakan` in the sentence (past a
        // part such as `including the six who died`).
        let leaves_at = |k: usize| {
            let c = &cs[k];
            between(doc, c.tokens.start.saturating_sub(2).max(cs[k - 1].tokens.end), c.tokens.start).iter().any(|w| matches!(*w, "leaving" | "menyisakan" | "tersisa" | "meninggalkan"))
        };
        let Some(z) = (y + 1..cs.len().min(y + 4)).take_while(|&k| cs[k].sentence == xc.sentence).find(|&k| leaves_at(k)) else { continue };
        let (yc, zc) = (&cs[y], &cs[z]);
        let exact = |c: &Claim| c.qualifier == Qualifier::Exact && !c.percent && c.currency.is_none() && !c.measure && c.value > 0.0;
        if !(exact(xc) && exact(yc) && exact(zc)) || !matches!(between(doc, xc.tokens.end, yc.tokens.start).as_slice(), ["of"] | ["of", "the"] | ["dari"]) {
            continue;
        }
        // What is left is of the whole's noun, or says none.
        let same_noun = match (yc.head.as_deref(), zc.head.as_deref()) {
            (_, None) => true,
            (Some(a), Some(b)) => a == b || b == PERSON,
            (None, Some(_)) => false,
        };
        if same_noun && xc.value < yc.value && zc.value < yc.value && xc.value + zc.value != yc.value {
            out.push(Breakdown { whole: y, parts: vec![x, z], sum: xc.value + zc.value, derived: None });
        }
    }
    out
}

/// The root of an Indonesian verb or noun with a simple prefix: `merusak` and `rusak` are
/// `rusak`, `merendam` is `rendam`.
fn root(w: &str) -> &str {
    ["meng", "meny", "mem", "men", "me", "di", "ter", "ber"].iter().find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 4)).unwrap_or(w)
}

/// A list of counts of one noun in one sentence, the noun said once (`310 rumah rusak berat, 420
/// rusak sedang, dan 610 rusak ringan`; `310 homes in Bogor, 420 in Depok and 610 in Bekasi`),
/// whose sum is more than an earlier count of that noun (`merusak 1.240 rumah`): parts cannot
/// exceed their whole, whether or not the list is complete. The whole must not be said of
/// another verb than the parts (`merendam 200 rumah` is not the whole of `rumah rusak`).
fn lists_beyond_their_whole(claims: &Claims, doc: &crate::document::Document) -> Vec<Breakdown> {
    let cs = &claims.claims;
    let english = doc.language == crate::language::Language::En;
    let plain = |c: &Claim| !c.percent && c.currency.is_none() && c.qualifier == Qualifier::Exact && !c.excluded && !c.previous && !c.update && !c.measure && c.value > 1.0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        crate::work::count(1);
        // The list: claims joined by a comma or `dan` / `and` with a few words of their own between.
        let mut j = i + 1;
        while j < cs.len() && cs[j].sentence == cs[i].sentence && plain(&cs[j]) && plain(&cs[j - 1]) && {
            let w = between(doc, cs[j - 1].tokens.end, cs[j].tokens.start);
            w.len() <= 6 && matches!(w.as_slice(), [.., "," | "dan" | "and" | "serta"]) && !w.iter().any(|x| matches!(*x, "." | ";" | ":" | "atau" | "or" | "dari" | "of"))
        } {
            j += 1;
        }
        let list: Vec<usize> = (i..j).collect();
        i = j;
        if list.len() < 2 {
            continue;
        }
        let Some(head) = cs[list[0]].head.as_deref().filter(|h| *h != PERSON && !cs[list[0]].total) else { continue };
        let noun = cs[list[0]].noun(doc.language).unwrap_or(head);
        // What the first says beside its noun (`rusak berat`): the later ones say the noun once,
        // with their own modifier (`rusak sedang`), or not at all (`420 di Depok`).
        let modifier: Vec<&str> = head.split(' ').filter(|w| *w != noun).chain(cs[list[0]].predicate.as_deref()).collect();
        let elided = |c: &Claim| match c.head.as_deref() {
            None => true,
            Some(h) => c.noun(doc.language) == Some(noun) || modifier.first().is_some_and(|m| h.split(' ').next() == Some(*m)),
        };
        if !list[1..].iter().all(|&k| elided(&cs[k]) && cs[k].state == cs[list[0]].state) {
            continue;
        }
        let sum: f64 = list.iter().map(|&k| cs[k].value).sum();
        let first = list[0];
        let from = first.saturating_sub(MAX_LOOK_BACK);
        let whole = (from..first).rev().find(|&w| {
            let c = &cs[w];
            c.sentence != cs[first].sentence
                && c.block + 3 > cs[first].block
                && plain(c)
                && !c.part
                && c.state == cs[first].state
                && c.noun(doc.language) == Some(noun)
        });
        let Some(whole) = whole else { continue };
        let w = &cs[whole];
        // The whole's own verb or modifier, if it has one, is the parts'.
        let verb_before = w.tokens.start.checked_sub(1).map(|t| doc.token_lower(t)).filter(|v| v.chars().count() > 5 && (["me", "di"].iter().any(|p| v.starts_with(p)) || english && v.ends_with("ed")));
        let said_of: Vec<&str> = w.head.as_deref().unwrap_or("").split(' ').filter(|x| *x != noun).chain(w.predicate.as_deref()).chain(verb_before).collect();
        // (`terendam` and `merendam` are one verb: `ter-` takes the root's first `r`.)
        let same_root = |a: &str, b: &str| root(a).ends_with(root(b)) || root(b).ends_with(root(a));
        if !said_of.iter().all(|x| modifier.iter().any(|m| same_root(m, x))) {
            continue;
        }
        if sum > w.value + w.rounding + list.iter().map(|&k| cs[k].rounding).sum::<f64>() && list.iter().all(|&k| cs[k].value < w.value) {
            out.push(Breakdown { whole, parts: list, sum, derived: None });
        }
    }
    out
}

/// Counts of one noun each held by a different holder, in the sentences of one paragraph
/// (`Suyanto meraih 1.702 suara. ... Wahyuni Lestari memperoleh 1.285 suara, sedangkan ...
/// Darmanto mendapat 501 suara`), whose sum is more than the count of that noun given before
/// with no holder (`3.468 suara dinyatakan sah`): what the holders share cannot exceed it, whether
/// or not every holder is named. Counts of another year than the whole's are not its parts.
fn holdings_beyond_their_whole(claims: &Claims, doc: &crate::document::Document) -> Vec<Breakdown> {
    let cs = &claims.claims;
    let language = doc.language;
    let plain = |c: &Claim| !c.percent && c.currency.is_none() && c.qualifier == Qualifier::Exact && !c.excluded && !c.previous && !c.update && !c.measure && !c.part && c.state.is_none() && c.value > 1.0;
    let noun = |c: &Claim| c.noun(language).map(super::normalise_head);
    let years = |c: &Claim| c.scope.iter().filter(|s| s.starts_with("year:")).cloned().collect::<Vec<_>>();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        crate::work::count(1);
        let first = &cs[i];
        if first.owner.is_none() || !plain(first) || noun(first).is_none() {
            i += 1;
            continue;
        }
        let n = noun(first);
        // The run: held counts of this noun, in this paragraph, within three sentences; other
        // figures between are passed over, a count of the noun with no holder ends it.
        let mut run = vec![i];
        let mut j = i + 1;
        while j < cs.len() && cs[j].block == first.block && cs[j].sentence <= first.sentence + 2 {
            let c = &cs[j];
            if noun(c) == n {
                if c.owner.is_none() || !plain(c) || run.iter().any(|&k| cs[k].owner == c.owner) {
                    break;
                }
                run.push(j);
            }
            j += 1;
        }
        i = run.last().map_or(i + 1, |&k| k + 1);
        if run.len() < 2 {
            continue;
        }
        let largest = run.iter().map(|&k| cs[k].value).fold(0.0, f64::max);
        let from = run[0].saturating_sub(MAX_LOOK_BACK);
        let whole = (from..run[0]).rev().find(|&w| {
            let c = &cs[w];
            c.block + 3 > first.block && plain(c) && c.owner.is_none() && noun(c) == n && c.value > largest
        });
        let Some(whole) = whole else { continue };
        let w = &cs[whole];
        if run.iter().any(|&k| !years(&cs[k]).is_empty() && years(&cs[k]) != years(w)) {
            continue;
        }
        let sum: f64 = run.iter().map(|&k| cs[k].value).sum();
        if sum > w.value + w.rounding + run.iter().map(|&k| cs[k].rounding).sum::<f64>() {
            out.push(Breakdown { whole, parts: run, sum, derived: None });
        }
    }
    out
}

fn breakdown_in(claims: &Claims, doc: &crate::document::Document, here: &[usize]) -> Option<Breakdown> {
    let cs = &claims.claims;
    let first = *here.first()?;
    let sentence = cs[first].sentence;
    let words_of = |s: usize| doc.sentences[s].tokens.clone();
    let lower = |t: usize| doc.token_lower(t);
    let tokens = words_of(sentence);
    // The sentence's words, read once for every question below.
    let words = super::Words::new(doc, tokens.clone());
    // `Of the dead, ...`, `Dari korban tewas, ...`: the whole named by its state at the opening.
    let opening_state = {
        let mut t = tokens.start;
        while t < tokens.end && matches!(lower(t), "\"" | "“") {
            t += 1;
        }
        let opens = matches!(lower(t), "of" | "dari" | "among");
        let comma = (t..tokens.end.min(t + 6)).find(|&k| lower(k) == ",");
        match (opens, comma) {
            (true, Some(c)) if !cs[first].tokens.start.lt(&c) => (t + 1..c).find_map(|k| words.first_at(k, super::STATES).map(|(s, _)| s)),
            _ => None,
        }
    };
    // `Adapun korban luka terdiri atas 12 orang luka berat dan 23 orang luka ringan`, `The
    // injured consisted of ...`: the whole named by its state before a word that says the parts
    // are all of it.
    let consists_at = (tokens.start..cs[first].tokens.start).find(|&t| {
        lower(t) == "terdiri" && matches!(lower(t + 1), "atas" | "dari") || matches!(lower(t), "consisted" | "consisting" | "consists") && lower(t + 1) == "of"
    });
    let named_state = consists_at.and_then(|t| (t.saturating_sub(4).max(tokens.start)..t).find_map(|k| words.first_at(k, super::STATES).map(|(s, _)| s)));
    // `Sebanyak 1.240 pelajar mengikuti ... Peserta tahun ini terdiri atas 685 siswa SMA, ...`,
    // `The squad consists of ...`: a whole named by a noun before the word, the count given for it
    // in the sentences just before: of that noun, or else the nearest count of the parts' unit
    // that is larger than any of them.
    let named_subject = consists_at.filter(|_| named_state.is_none() && here.len() >= 2 && !cs[first].whole).and_then(|t| {
        let subject: Vec<String> = (t.saturating_sub(4).max(tokens.start)..t).map(|k| super::normalise_head(lower(k))).collect();
        let largest = here.iter().map(|&k| cs[k].value).fold(0.0, f64::max);
        let from = first.saturating_sub(MAX_LOOK_BACK);
        let candidate = |c: &Claim| {
            c.sentence < sentence && c.sentence + 3 >= sentence && c.block + 2 >= cs[first].block && c.same_unit(&cs[first]) && !c.measure && !c.excluded && !c.part && !c.previous && c.qualifier == Qualifier::Exact && c.value > largest
        };
        let by_noun = (from..first).rev().find(|&k| candidate(&cs[k]) && cs[k].noun(doc.language).is_some_and(|n| subject.contains(&super::normalise_head(n))));
        by_noun.or_else(|| (from..first).rev().find(|&k| candidate(&cs[k])))
    });
    let opening_state = opening_state.or(named_state);
    // `Mereka terdiri atas 150 laki-laki dan 160 perempuan`, `They included 12 children and …`:
    // a sentence that opens on a pronoun and a breakdown word breaks down the count before it.
    let pronoun_breakdown = {
        let mut t = tokens.start;
        while t < tokens.end && matches!(lower(t), "\"" | "“") {
            t += 1;
        }
        matches!(lower(t), "mereka" | "they" | "these" | "those" | "semuanya" | "seluruhnya") && words.any_in(t + 1..(t + 4).min(tokens.end), super::BREAKDOWN) && here.len() >= 2 && cs[first].tokens.start > t
    };
    // A partitive names its whole; a list of outcomes only finds one.
    let partitive = opening_state.is_some() || cs[first].whole || pronoun_breakdown;
    let (whole, parts): (usize, Vec<usize>) = if let Some(w) = named_subject {
        (w, here.to_vec())
    } else if pronoun_breakdown {
        // The count of the sentence before, in this block or the one before.
        let w = first.checked_sub(1)?;
        let c = &cs[w];
        let previous_sentence = c.sentence + 1 == sentence || cs[w + 1..first].is_empty() && c.block + 1 >= cs[first].block;
        if !previous_sentence || c.excluded || c.part || c.previous || c.percent || c.currency.is_some() || c.value <= 1.0 {
            return None;
        }
        (w, here.to_vec())
    } else if let Some(state) = opening_state {
        // The latest count of that state before, about this event.
        let from = first.saturating_sub(MAX_LOOK_BACK);
        let w = from + cs[from..first].iter().rposition(|c| c.state == Some(state) && !c.excluded && !c.part && !c.previous && !c.percent && c.currency.is_none())?;
        (w, here.to_vec())
    } else if cs[first].whole {
        (first, here[1..].to_vec())
    } else {
        // A list of outcomes: two or more claims in distinct outcome states, or with a remainder.
        let states: Vec<&str> = here.iter().filter_map(|&k| cs[k].state).filter(|s| OUTCOMES.contains(s)).collect();
        let mut distinct = states.clone();
        distinct.sort();
        distinct.dedup();
        if distinct.len() < 2 {
            return parts_with_a_remainder(claims, doc, here);
        }
        let head = here.iter().find_map(|&k| cs[k].head.clone().filter(|h| h != PERSON));
        // The whole: the nearest earlier count of that noun (or of people) in this block or the
        // two before, with no outcome of its own or the one the list breaks down.
        let block = cs[first].block;
        let from = first.saturating_sub(MAX_LOOK_BACK);
        let w = from + cs[from..first].iter().rposition(|c| {
            c.block + 3 > block
                && !c.percent
                && c.currency.is_none()
                && !c.excluded
                && !c.part
                && !c.previous
                && c.value > 1.0
                // (The noun alone in Indonesian: `46 penumpang tenggelam` counts `penumpang`.)
                && match (&head, c.head.as_deref()) {
                    (Some(h), Some(ch)) => h == ch || doc.language == crate::language::Language::Id && c.noun(doc.language).zip(h.split(' ').next()).is_some_and(|(a, b)| super::normalise_head(a) == super::normalise_head(b)),
                    (None, Some(_)) => true,
                    _ => false,
                }
                && c.state.is_none_or(|s| s == "missing" || !distinct.contains(&s))
        })?;
        if cs[w].block + 3 <= block {
            return None;
        }
        (w, here.to_vec())
    };
    let whole_claim = &cs[whole];
    // `Of the 52 people on board — 50 passengers and two drivers — seven have now died ...`: a
    // division by another trait set off by dashes or brackets right after the whole is not the
    // breakdown's.
    let aside = {
        let opener = (whole_claim.tokens.end..(whole_claim.tokens.end + 6).min(tokens.end)).find(|&t| matches!(lower(t), "—" | "–" | "("));
        opener.and_then(|o| {
            let close = if lower(o) == "(" { ")" } else { lower(o) };
            (o + 1..tokens.end).find(|&t| lower(t) == close).map(|c| o..c)
        })
    };
    let parts: Vec<usize> = parts
        .into_iter()
        .filter(|&k| aside.as_ref().is_none_or(|a| !a.contains(&cs[k].tokens.start)))
        .filter(|&k| {
            let c = &cs[k];
            // `only one of the two doses`: a fraction, not a part.
            let fraction = matches!(doc.token_lower(c.tokens.end.min(doc.tokens.len() - 1)), "of" | "dari") && c.tokens.end + 1 < doc.tokens.len() && (c.tokens.end + 1..(c.tokens.end + 3).min(doc.tokens.len())).any(|t| doc.tokens[t].kind == crate::document::TokenKind::Number || crate::numbers::parse_number_words(&[doc.token_lower(t)], doc.language).is_some());
            k != whole && !fraction && c.same_unit(whole_claim) && !c.excluded && !c.previous && !c.update && c.qualifier == Qualifier::Exact && (!c.part || c.remainder || added_outcome(doc, c) || pronoun_breakdown || named_state.is_some() || named_subject.is_some())
        })
        .collect();
    if whole_claim.qualifier != Qualifier::Exact || whole_claim.percent {
        return None;
    }
    // A remainder with no number: `sisanya dirawat`, `the rest were treated`.
    let last_part_end = parts.last().map_or(whole_claim.tokens.end, |&k| cs[k].tokens.end);
    let bare_rest = (last_part_end..tokens.end).find(|&t| matches!(lower(t), "sisanya" | "selebihnya") || words.phrase_at(t, "the rest").is_some());
    let sum: f64 = parts.iter().map(|&k| cs[k].value).sum();
    if let Some(t) = bare_rest
        && !parts.is_empty()
        && here.iter().all(|&k| cs[k].sentence != sentence || cs[k].tokens.start < t)
    {
        let state = (t + 1..tokens.end.min(t + 5)).find_map(|k| words.first_at(k, super::STATES).map(|(s, _)| s))?;
        let rest = whole_claim.value - sum;
        if rest < 0.0 {
            return None;
        }
        return Some(Breakdown { whole, parts, sum, derived: Some((state, rest)) });
    }
    if parts.is_empty() || sum == whole_claim.value {
        return None;
    }
    let remainder = parts.iter().any(|&k| cs[k].remainder);
    let mut outcomes: Vec<&str> = parts.iter().filter_map(|&k| cs[k].state).collect();
    outcomes.sort();
    outcomes.dedup();
    let inclusive = {
        let from = whole_claim.tokens.end.min(tokens.end).max(tokens.start);
        words.any_in(from..tokens.end, &["termasuk", "including", "antara lain", "among them", "di antaranya", "sebagian", "some"])
    };
    // Parts said alike (`19 adalah ... dan 25 adalah ...`, `nine were ... and three were ...`)
    // divide the whole by one trait.
    let after = |k: usize| {
        let c = &cs[k];
        let mut t = c.tokens.end;
        while t < tokens.end && c.head.is_some() && doc.tokens[t].kind == crate::document::TokenKind::Word && !matches!(lower(t), "adalah" | "were" | "was" | "are" | "merupakan" | "berasal" | "berada" | "di" | "in" | "from" | "dari") && t < c.tokens.end + 2 {
            t += 1;
        }
        lower(t.min(doc.tokens.len().saturating_sub(1)))
    };
    // (Only a copula classifies: `Rp 2,1 triliun untuk ... dan Rp 1,2 triliun untuk ...` may
    // leave some out.)
    let parallel = parts.iter().all(|&k| after(k) == after(parts[0])) && matches!(after(parts[0]), "adalah" | "were" | "was" | "are" | "merupakan" | "berasal" | "from" | "dari");
    let close = sum < whole_claim.value && sum >= 0.85 * whole_claim.value && parts.len() >= 2 && parallel;
    // (`terdiri atas`, `consisting of`: the parts are all of it.)
    let exhaustive = !inclusive && (remainder || outcomes.len() >= 3 || close || pronoun_breakdown || named_state.is_some() || named_subject.is_some());
    let off = (sum - whole_claim.value).abs();
    // Parts of two sentences may divide the whole twice, by two traits (`Of the 23, four were
    // flight attendants. Nineteen of the injured had been released; the remaining four ...`):
    // when the parts of one sentence make the whole, the other's are another division.
    let divided_twice = {
        let mut by_sentence: Vec<(usize, f64)> = Vec::new();
        for &k in &parts {
            match by_sentence.iter_mut().find(|(s, _)| *s == cs[k].sentence) {
                Some((_, v)) => *v += cs[k].value,
                None => by_sentence.push((cs[k].sentence, cs[k].value)),
            }
        }
        by_sentence.len() >= 2 && by_sentence.iter().any(|&(_, v)| v == whole_claim.value)
    };
    if divided_twice {
        return None;
    }
    if partitive && sum > whole_claim.value && parts.len() >= 2 || exhaustive && off <= 0.25 * whole_claim.value {
        return Some(Breakdown { whole, parts, sum, derived: None });
    }
    None
}

/// A list of parts of one noun closed by a remainder with its number, against the nearest earlier
/// count of that noun: `Seleksi diikuti 120 atlet ... Jawa Barat, yakni 46 atlet. Jawa Timur
/// mengirim 28 atlet dan Jawa Tengah 17 atlet, sedangkan sisanya, 21 atlet, ...` (112);
/// `enrolled 2,450 first-year students ... Of the new students, 1,130 ... and 780 ..., while the
/// rest, 490, ...` (2,400). Parts without a noun take the one their sentence names (`Of the new
/// students`).
fn parts_with_a_remainder(claims: &Claims, doc: &crate::document::Document, here: &[usize]) -> Option<Breakdown> {
    let cs = &claims.claims;
    let language = doc.language;
    let parts: Vec<usize> = here.iter().copied().filter(|&k| {
        let c = &cs[k];
        !c.excluded && !c.previous && !c.update && !c.percent && c.qualifier == Qualifier::Exact && c.value >= 1.0
    }).collect();
    // The list ends at its remainder: `sisanya, 21 atlet, datang dari 16 provinsi lain`.
    let first_noun = cs[*parts.first()?].noun(language).map(super::normalise_head);
    let r = parts.iter().rposition(|&k| cs[k].remainder && cs[k].noun(language).map(super::normalise_head) == first_noun)?;
    let parts: Vec<usize> = parts[..=r].to_vec();
    let rest = *parts.last()?;
    // (An earlier part may read as a remainder by its words, `780 from other states`.)
    if !cs[rest].remainder || parts.len() < 3 {
        return None;
    }
    let unit = |c: &Claim| (c.currency, c.percent);
    if parts.iter().any(|&k| unit(&cs[k]) != unit(&cs[parts[0]]) || cs[k].state.is_some()) {
        return None;
    }
    // The noun: the parts' own, all one, or one the first part's sentence names before it.
    let nouns: Vec<String> = parts.iter().filter_map(|&k| cs[k].noun(language).map(super::normalise_head)).collect();
    let noun = match nouns.first() {
        Some(n) if nouns.iter().all(|x| x == n) => n.clone(),
        Some(_) => return None,
        None => {
            let first = &cs[parts[0]];
            let s = &doc.sentences[first.sentence].tokens;
            let named: Vec<String> = (s.start..first.tokens.start).map(|t| super::normalise_head(doc.token_lower(t))).collect();
            // The whole is found below by its noun; here only the candidates named.
            let from = parts[0].saturating_sub(MAX_LOOK_BACK);
            let w = (from..parts[0]).rev().find(|&k| cs[k].noun(language).map(super::normalise_head).is_some_and(|n| named.contains(&n)))?;
            cs[w].noun(language).map(super::normalise_head)?
        }
    };
    let block = cs[parts[0]].block;
    let from = parts[0].saturating_sub(MAX_LOOK_BACK);
    let w = (from..parts[0]).rev().find(|&k| {
        let c = &cs[k];
        c.block + 3 > block && !c.excluded && !c.part && !c.remainder && !c.previous && c.qualifier == Qualifier::Exact && unit(c) == unit(&cs[parts[0]]) && c.state.is_none()
            && c.noun(language).map(super::normalise_head).is_some_and(|n| n == noun)
    })?;
    let sum: f64 = parts.iter().map(|&k| cs[k].value).sum();
    let off = (sum - cs[w].value).abs();
    (off > 0.0 && off <= 0.25 * cs[w].value).then_some(Breakdown { whole: w, parts, sum, derived: None })
}

/// For each breakdown with a remainder without a number (`sisanya dirawat`), the count of its
/// state it contradicts (`38 orang dirawat`), if any: claims are indexed by state once, and each
/// remainder looks at a bounded number of them.
pub fn derived_contradictions(claims: &Claims, breakdowns: &[Breakdown]) -> Vec<Option<usize>> {
    let cs = &claims.claims;
    let mut by_state: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cs.iter().enumerate() {
        if let Some(s) = c.state
            && c.comparable()
            && c.qualifier == Qualifier::Exact
        {
            by_state.entry(s).or_default().push(i);
        }
    }
    breakdowns
        .iter()
        .map(|b| {
            let (state, value) = b.derived?;
            let whole = &cs[b.whole];
            let head = whole.head.as_deref().filter(|h| *h != PERSON);
            by_state.get(state)?.iter().take(MAX_COMPARED).copied().find(|&i| {
                let c = &cs[i];
                c.sentence != whole.sentence && c.value != value && c.head.as_deref().filter(|h| *h != PERSON).is_none_or(|h| Some(h) == head)
            })
        })
        .collect()
}

/// A percentage stated with the part and the whole it joins, when they disagree:
/// `412.530 suara, atau 54,1 persen dari total suara sah` (with `Total suara sah 803.112`),
/// `320 kursi, dan 40 persen di antaranya, atau 118 kursi`, `1.200 pekerjaan, atau sekitar 15
/// persen dari sekitar 6.000 karyawannya`.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    pub percent: usize,
    pub part: usize,
    pub whole: usize,
    /// The share the part is of the whole, in percent.
    pub actual: f64,
}

/// A stated change against the two values it joins: `naik 30 persen ... dari 40.000 menjadi
/// 50.000` (25%), `fell by nearly two thirds from 9,000 to 5,200` (42%).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The percentage claim, or none when the change is a fraction in words (`two thirds`).
    pub stated: Option<usize>,
    /// The stated change in percent, and the span of a fraction in words.
    pub stated_value: f64,
    pub stated_span: crate::diagnostic::Span,
    pub from: usize,
    pub to: usize,
    pub actual: f64,
    /// The change is stated as a multiple (`tripled`, `dua kali lipat`).
    pub multiple: bool,
    /// The change between two percentages is stated in points (`a drop of 6.8 percentage
    /// points`, `turun 5,8 poin persentase`): `actual` is then the difference in points.
    pub points: bool,
}

/// Words that make a percentage a change rather than a share.
pub(super) const CHANGE_WORDS: &[&str] = &[
    "naik", "turun", "tumbuh", "meningkat", "menurun", "kenaikan", "penurunan", "pertumbuhan", "melonjak", "lonjakan",
    "anjlok", "merosot", "berkurang", "bertambah", "peningkatan", "susut", "menyusut", "rose", "rise", "risen",
    "increase", "increased", "growth", "grew", "grown", "fell", "fall", "fallen", "drop", "dropped", "decline",
    "declined", "decrease", "decreased", "jump", "jumped", "up", "down", "gain", "climbed", "surged", "slumped", "by",
    "sebesar", "cut", "dipangkas", "plunged", "soared",
];
pub(super) static FRACTIONS: &[(&str, f64)] = &[
    ("two thirds", 200.0 / 3.0),
    ("two-thirds", 200.0 / 3.0),
    ("dua pertiga", 200.0 / 3.0),
    ("three quarters", 75.0),
    ("tiga perempat", 75.0),
    ("a third", 100.0 / 3.0),
    ("one third", 100.0 / 3.0),
    ("one-third", 100.0 / 3.0),
    ("sepertiga", 100.0 / 3.0),
    ("a quarter", 25.0),
    ("seperempat", 25.0),
    ("a fifth", 20.0),
    ("one fifth", 20.0),
    ("one-fifth", 20.0),
    ("seperlima", 20.0),
    ("a tenth", 10.0),
    ("one tenth", 10.0),
    ("sepersepuluh", 10.0),
    ("half", 50.0),
    ("separuh", 50.0),
    ("setengah", 50.0),
    ("separuhnya", 50.0),
];

/// Changes named by a multiple, as a change in percent: `tripled` is 200% more, `halved` 50% less.
pub(super) static MULTIPLES: &[(&str, f64)] = &[
    ("doubled", 100.0),
    ("tripled", 200.0),
    ("trebled", 200.0),
    ("quadrupled", 300.0),
    ("halved", 50.0),
    ("dua kali lipat", 100.0),
    ("tiga kali lipat", 200.0),
    ("empat kali lipat", 300.0),
    ("berlipat ganda", 100.0),
    ("berlipat dua", 100.0),
];

/// The claims of each sentence, as ranges of `claims` (which are in text order).
fn by_sentence(cs: &[Claim]) -> HashMap<usize, std::ops::Range<usize>> {
    let mut out: HashMap<usize, std::ops::Range<usize>> = HashMap::new();
    for (i, c) in cs.iter().enumerate() {
        out.entry(c.sentence).and_modify(|r| r.end = i + 1).or_insert(i..i + 1);
    }
    out
}

/// The lowercased word at a token, or nothing past the end of the document.
fn word_at<'d>(doc: &'d crate::document::Document, t: usize) -> &'d str {
    if t < doc.tokens.len() { doc.token_lower(t) } else { "" }
}

/// A sentence that opens on the figure of the sentence before: `Angka itu`, `Jumlah tersebut`,
/// `That`, `The figure`.
fn opens_on_the_figure_before(doc: &crate::document::Document, s: &std::ops::Range<usize>) -> bool {
    let opening = between(doc, s.start, (s.start + 2).min(s.end));
    matches!(
        opening.as_slice(),
        ["angka" | "jumlah" | "nilai" | "total" | "capaian" | "realisasi", "itu" | "tersebut" | "ini"] | ["that" | "this" | "it", ..] | ["the", "figure" | "total" | "number" | "amount"]
    )
}

/// The lowercased words between two token indices.
fn between<'d>(doc: &'d crate::document::Document, from: usize, to: usize) -> Vec<&'d str> {
    (from..to.min(doc.tokens.len())).map(|t| doc.token_lower(t)).collect()
}

/// One unit of the last digit a percentage is written with: 1 for `40`, 0.1 for `52,2`.
fn written_unit(c: &Claim) -> f64 {
    if c.rounding > 0.0 { (2.0 * c.rounding).min(1.0) } else { 1.0 }
}

fn is_change(doc: &crate::document::Document, c: &Claim) -> bool {
    let t = c.tokens.start;
    let s = &doc.sentences[c.sentence].tokens;
    let before = between(doc, t.saturating_sub(3).max(s.start), t);
    let after = between(doc, c.tokens.end, (c.tokens.end + 2).min(s.end));
    let points = after.iter().any(|w| matches!(*w, "poin" | "points" | "point" | "basis"));
    // `naik ke 5 persen`, `rose to 5 percent`: the level reached, not the change.
    let level = before.last().is_some_and(|w| matches!(*w, "ke" | "menjadi" | "jadi" | "hingga" | "sampai" | "to" | "at"));
    // (`Kenaikannya sekitar 35 persen`: the noun with its clitic.)
    let change = |w: &str| CHANGE_WORDS.contains(&w) || w.strip_suffix("nya").is_some_and(|b| CHANGE_WORDS.contains(&b));
    points || !level && before.iter().chain(after.iter()).any(|w| change(w) && *w != "by" && *w != "sebesar")
}

pub fn shares(claims: &Claims, doc: &crate::document::Document) -> Vec<Share> {
    let cs = &claims.claims;
    let language = doc.language;
    let sentences = by_sentence(cs);
    let mut out = Vec::new();
    // Totals by bare noun and unit, to find a whole named by its noun (`of the valid ballots`).
    let mut totals: HashMap<(String, Option<&'static str>), Vec<usize>> = HashMap::new();
    for (i, c) in cs.iter().enumerate() {
        if c.total && !c.percent && !c.excluded && !c.previous && let Some(n) = c.noun(language) {
            totals.entry((n.to_string(), c.currency)).or_default().push(i);
        }
    }
    for (p, pc) in cs.iter().enumerate() {
        crate::work::count(1);
        if !pc.percent || pc.value > 100.0 || !matches!(pc.qualifier, Qualifier::Exact | Qualifier::About) || is_change(doc, pc) {
            continue;
        }
        let Some(range) = sentences.get(&pc.sentence) else { continue };
        let plain = |k: usize| range.contains(&k) && !cs[k].percent;
        // The part: `N ..., atau P persen` or `P persen ..., atau N`.
        let joined_by_or = |a: usize, b: usize| {
            let w = between(doc, a, b);
            w.len() <= 6 && w.iter().any(|x| matches!(*x, "atau" | "or" | "(")) && !w.iter().any(|x| matches!(*x, "dan" | "and" | "sementara" | "while"))
        };
        let part_before = p.checked_sub(1).filter(|&k| plain(k) && joined_by_or(cs[k].tokens.end, pc.tokens.start));
        let part_after = Some(p + 1).filter(|&k| plain(k) && joined_by_or(pc.tokens.end, cs[k].tokens.start));
        // `176 of the 550 public schools tested in Ohio, or 38 percent`: the part and its whole
        // stand before, joined by `of the` / `dari`, the percentage after a comma and `or`.
        let part_and_whole = p.checked_sub(2).filter(|&k| {
            plain(k) && plain(k + 1) && matches!(between(doc, cs[k].tokens.end, cs[k + 1].tokens.start).as_slice(), ["of"] | ["of", "the"] | ["dari"] | ["dari", "total"]) && {
                let w = between(doc, cs[k + 1].tokens.end, pc.tokens.start);
                w.len() <= 12 && matches!(w.as_slice(), [.., ",", "or" | "atau"]) && !w.iter().any(|x| matches!(*x, "dan" | "and" | "sementara" | "while" | "." | ";"))
            }
        });
        let Some(part) = part_and_whole.or(part_before).or(part_after) else { continue };
        let after = between(doc, pc.tokens.end, (pc.tokens.end + 3).min(doc.tokens.len()));
        let of = matches!(after.first(), Some(&("dari" | "of")));
        // The whole: right after `dari` / `of`, or before `di antaranya` / `of them`, or the
        // one total of the part's noun.
        let whole_after = Some(p + 1).filter(|&k| plain(k) && k != part && of && between(doc, pc.tokens.end, cs[k].tokens.start).len() <= 4);
        let partitive = matches!(after.as_slice(), ["di", "antaranya", ..] | ["diantaranya", ..] | ["of", "them", ..] | ["of", "which", ..] | ["of", "those", ..]);
        let whole_before = partitive.then(|| (range.start.max(p.saturating_sub(MAX_LOOK_BACK))..p).rev().find(|&k| plain(k) && k != part && cs[k].same_unit(&cs[part]))).flatten();
        let whole_by_noun = || {
            if !of {
                return None;
            }
            let noun = cs[part].noun(language)?;
            let found = totals.get(&(noun.to_string(), cs[part].currency))?;
            let first = *found.first()?;
            found.iter().all(|&k| cs[k].value == cs[first].value).then_some(first)
        };
        let whole_before_or = part_and_whole.filter(|&k| k == part).map(|k| k + 1);
        // `Of the 1,460 nurses eligible, 1,214 cast ballots. Of those, 1,038, or 78%, ...`;
        // `Dari jumlah itu, 412 orang, atau 54 persen, ...`: a part opened by a partitive
        // pronoun is a share of the figure just before, in its sentence or the one before.
        let whole_by_anaphor = || {
            let pt = cs[part].tokens.start;
            let s = &doc.sentences[cs[part].sentence].tokens;
            let lead: Vec<&str> = between(doc, pt.saturating_sub(5).max(s.start), pt).into_iter().filter(|w| !matches!(*w, "," | "\"" | "“")).collect();
            let opened = matches!(lead.as_slice(), [.., "of", "those" | "them" | "these"] | [.., "dari", "jumlah" | "angka" | "total", "itu" | "tersebut"] | [.., "di", "antaranya"] | [.., "di", "antara", "mereka"]);
            if !opened {
                return None;
            }
            // (`1,214 cast ballots, a turnout of 83%. Of those, ...`: past a percentage.)
            let k = (part.saturating_sub(3)..part).rev().find(|&k| !cs[k].percent)?;
            let c = &cs[k];
            (c.sentence + 1 >= cs[part].sentence && c.same_unit(&cs[part]) && c.value > cs[part].value).then_some(k)
        };
        // `Dari 2.400 balita yang diukur, sebanyak 312 anak atau 13 persen ...`, `Of the 2,400
        // children screened, 312, or 13 percent, ...`: the figure that opens the breakdown.
        let whole_opening = || (range.start..part).find(|&k| cs[k].whole && !cs[k].percent);
        let Some(whole) = whole_before_or.or(whole_after).or(whole_before).or_else(whole_by_anaphor).or_else(whole_opening).or_else(whole_by_noun) else { continue };
        let (n, w) = (&cs[part], &cs[whole]);
        if !n.same_unit(w) || w.value <= 0.0 || n.value > w.value || !matches!(n.qualifier, Qualifier::Exact | Qualifier::About) || !matches!(w.qualifier, Qualifier::Exact | Qualifier::About) {
            continue;
        }
        let about = [pc, n, w].iter().any(|c| c.qualifier == Qualifier::About);
        let actual = n.value / w.value * 100.0;
        let lo = (n.value - n.rounding) / (w.value + w.rounding) * 100.0;
        let hi = (n.value + n.rounding) / (w.value - w.rounding).max(f64::MIN_POSITIVE) * 100.0;
        let slack = written_unit(pc) + if about { actual * 0.1 } else { 0.0 };
        if pc.value + slack >= lo && pc.value - slack <= hi {
            continue;
        }
        out.push(Share { percent: p, part, whole, actual });
    }
    out
}

/// A share stated as a fraction in words with its part and whole: `Roughly a quarter of the
/// town's 2,400 residents, about 900 people` (37.5%), `sepertiga dari 1.200 warga, atau 550 orang`,
/// `900 people, or about a quarter of the 2,400 residents`. Only a clear miss: a fifth of the
/// fraction either way fits, more with a qualifier.
#[derive(Debug, Clone, PartialEq)]
pub struct FractionShare {
    pub stated_span: crate::diagnostic::Span,
    pub stated_value: f64,
    pub part: usize,
    pub whole: usize,
    pub actual: f64,
}

fn period_ordinal_word(w: &str) -> bool {
    matches!(w, "first" | "second" | "final" | "last" | "pertama" | "kedua" | "terakhir")
}

pub fn fraction_shares(claims: &Claims, doc: &crate::document::Document) -> Vec<FractionShare> {
    let cs = &claims.claims;
    let sentences = by_sentence(cs);
    let mut out = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        crate::work::count(1);
        let Some(range) = sentences.get(&si) else { continue };
        if range.len() < 2 {
            continue;
        }
        let words = super::Words::new(doc, s.tokens.clone());
        let joined = |from: usize, to: usize, limit: usize| {
            let w = between(doc, from, to);
            w.len() <= limit && w.iter().any(|x| matches!(*x, "," | "atau" | "or" | "(" | "—" | "–")) && !w.iter().any(|x| matches!(*x, "dan" | "and" | "sementara" | "while" | "sedangkan" | "." | ";"))
        };
        let mut t = s.tokens.start;
        while t < s.tokens.end {
            let Some((value, n)) = words.first_at(t, FRACTIONS) else {
                t += 1;
                continue;
            };
            let after = t + n;
            t = after;
            if !matches!(doc.token_lower(after.min(doc.tokens.len() - 1)), "of" | "dari") {
                continue;
            }
            // (`the first half of the year`: a span of time.)
            if (t - n > s.tokens.start) && period_ordinal_word(doc.token_lower(t - n - 1)) {
                continue;
            }
            // The whole: the first figure within five words after `of` / `dari`, the words between
            // it and the fraction its noun's (`of the town's 2,400`), not a time or a change.
            let Some(w) = range.clone().find(|&k| cs[k].tokens.start > after && cs[k].tokens.start <= after + 5) else { continue };
            if between(doc, after + 1, cs[w].tokens.start).iter().any(|x| matches!(*x, "to" | "from" | "menjadi" | "hingga" | "ke" | "year" | "tahun" | "month" | "bulan" | "," | "in" | "di" | "pada")) {
                continue;
            }
            // The part: joined after the whole (`, about 900 people`), or before the fraction (`900
            // people, or about a quarter of`).
            let part_after = Some(w + 1).filter(|&k| range.contains(&k) && joined(cs[w].tokens.end, cs[k].tokens.start, 10));
            let part_before = range.clone().rev().find(|&k| cs[k].tokens.end <= t - n).filter(|&k| joined(cs[k].tokens.end, t - n, 5));
            let Some(p) = part_after.or(part_before) else { continue };
            let (pc, wc) = (&cs[p], &cs[w]);
            if !pc.same_unit(wc) || pc.percent || pc.measure != wc.measure || wc.value <= 0.0 || pc.value >= wc.value {
                continue;
            }
            if !matches!(pc.qualifier, Qualifier::Exact | Qualifier::About) || !matches!(wc.qualifier, Qualifier::Exact | Qualifier::About) {
                continue;
            }
            let lead = between(doc, (t - n).saturating_sub(2).max(s.tokens.start), t - n);
            let qualified = lead.iter().any(|w| matches!(*w, "roughly" | "about" | "around" | "nearly" | "almost" | "some" | "sekitar" | "kira-kira" | "hampir" | "nyaris" | "lebih" | "more" | "over" | "less" | "kurang" | "under"));
            let actual = pc.value / wc.value * 100.0;
            let slack = value * if qualified || pc.qualifier == Qualifier::About { 0.3 } else { 0.2 };
            if (actual - value).abs() <= slack {
                continue;
            }
            let stated_span = crate::diagnostic::Span::new(doc.tokens[t - n].span.start, doc.tokens[t - 1].span.end);
            out.push(FractionShare { stated_span, stated_value: value, part: p, whole: w, actual });
        }
    }
    out
}

pub fn changes(claims: &Claims, doc: &crate::document::Document) -> Vec<Change> {
    let cs = &claims.claims;
    let sentences = by_sentence(cs);
    let mut out = Vec::new();
    for (x, xc) in cs.iter().enumerate() {
        crate::work::count(1);
        if !xc.previous || xc.qualifier != Qualifier::Exact || xc.value <= 0.0 {
            continue;
        }
        let Some(range) = sentences.get(&xc.sentence) else { continue };
        let exact_like = |k: usize| range.contains(&k) && cs[k].same_unit(xc) && cs[k].qualifier == Qualifier::Exact;
        // `from A (per kilogram in January) to B`, or `to B from A`.
        // (`from 1,800 in the first three months of last year to 3,100`: past a span of time.)
        let span_of_time = |c: &Claim| {
            let next = if c.tokens.end < doc.tokens.len() { doc.token_lower(c.tokens.end) } else { "" };
            matches!(next, "months" | "years" | "days" | "weeks" | "bulan" | "tahun" | "hari" | "pekan" | "minggu" | "quarters" | "kuartal")
        };
        // The next figure that is no span of time.
        let to = (x + 1..range.end.min(x + 3)).find(|&k| !span_of_time(&cs[k]));
        let after = to.filter(|&k| {
            exact_like(k) && {
                let w = between(doc, xc.tokens.end, cs[k].tokens.start);
                let limit = if k > x + 1 { 12 } else { 8 };
                w.len() <= limit && w.iter().any(|t| matches!(*t, "to" | "menjadi" | "ke" | "jadi"))
            }
        });
        let before = || {
            x.checked_sub(1).filter(|&k| {
                exact_like(k) && {
                    let w = between(doc, cs[k].tokens.end, xc.tokens.start);
                    let lead_in = between(doc, cs[k].tokens.start.saturating_sub(1), cs[k].tokens.start);
                    w.len() <= 8 && matches!(w.last(), Some(&("from" | "dari"))) && matches!(lead_in.first(), Some(&("to" | "menjadi" | "ke")))
                }
            })
        };
        // `mencapai 2,9 juta ton, naik dari 2,4 juta ton`, `reached 1.42 million, up from 1.31
        // million`: the value reached before a change word and `dari` / `from`; or, when the
        // sentence opens on the figure before (`Angka itu naik dari 2,4 juta ton`, `That was up
        // from ...`), the last figure of the sentence before.
        let up_from = || {
            let s = &doc.sentences[xc.sentence].tokens;
            let lead_in = between(doc, xc.tokens.start.saturating_sub(3).max(s.start), xc.tokens.start);
            if !matches!(lead_in.last(), Some(&("dari" | "from"))) || !lead_in.iter().any(|w| CHANGE_WORDS.contains(w) && !matches!(*w, "by" | "sebesar")) {
                return None;
            }
            let same_noun = |k: usize| match (cs[k].noun(doc.language), xc.noun(doc.language)) {
                (Some(a), Some(b)) => super::normalise_head(a) == super::normalise_head(b),
                _ => true,
            };
            let here = x.checked_sub(1).filter(|&k| exact_like(k) && same_noun(k) && xc.tokens.start - cs[k].tokens.end <= 12 && !between(doc, cs[k].tokens.end, xc.tokens.start).iter().any(|w| matches!(*w, "dan" | "and" | "sementara" | "while" | "sedangkan")));
            here.or_else(|| {
                let anaphor = opens_on_the_figure_before(doc, s);
                let k = x.checked_sub(1)?;
                let c = &cs[k];
                (anaphor && k < range.start && c.sentence + 1 == xc.sentence && c.same_unit(xc) && c.qualifier == Qualifier::Exact && same_noun(k) && !c.previous).then_some(k)
            })
        };
        let Some(y) = after.or_else(before).or_else(up_from) else { continue };
        let yc = &cs[y];
        // The pair in the order written.
        let (first, last) = if y > x { (xc, yc) } else { (yc, xc) };
        let actual = (yc.value - xc.value).abs() / xc.value * 100.0;
        let s = &doc.sentences[xc.sentence].tokens;
        // The stated change: a percentage after a change word, before the pair or after it.
        let near = range.start.max(x.min(y).saturating_sub(8))..range.end.min(x.max(y) + 8);
        // (Between two percentages, a change in points: `6.8 percentage points`, `5,8 poin`.)
        let in_points = |k: usize| {
            let c = &cs[k];
            xc.percent && yc.percent && !c.percent && c.currency.is_none() && {
                let after = between(doc, c.tokens.end, (c.tokens.end + 2).min(s.end));
                matches!(after.as_slice(), ["percentage", "points" | "point", ..] | ["poin" | "points" | "point", ..] | ["persentase", ..])
            }
        };
        let stated = near.filter(|&k| k != x && k != y && (cs[k].percent || in_points(k))).find(|&k| {
            let c = &cs[k];
            // (`rose 18% in the first half of the year to 1.42 million, from 1.31 million`: a
            // phrase of time may stand between, but no other figure.)
            let nothing_between = !cs[range.clone()].iter().any(|o| o.tokens.start >= c.tokens.end && o.tokens.end <= first.tokens.start);
            // (After the pair: `dari 2,4 juta ton pada periode yang sama tahun lalu atau meningkat 25
            // persen`, a phrase of time between, no other figure.)
            let nothing_after = !cs[range.clone()].iter().any(|o| o.tokens.start >= last.tokens.end && o.tokens.end <= c.tokens.start);
            let near = c.tokens.end <= first.tokens.start && first.tokens.start - c.tokens.end <= 10 && nothing_between || c.tokens.start >= last.tokens.end && c.tokens.start - last.tokens.end <= 10 && nothing_after;
            let w = if c.tokens.end <= first.tokens.start { between(doc, c.tokens.end, first.tokens.start) } else { between(doc, last.tokens.end, c.tokens.start) };
            near && (is_change(doc, c) || in_points(k)) && !w.iter().any(|t| matches!(*t, "dan" | "and" | "while" | "sementara" | "sedangkan"))
        });
        if let Some(k) = stated.filter(|&k| in_points(k)) {
            // Points: the difference of the two percentages, each allowed its rounding.
            let difference = (yc.value - xc.value).abs();
            let slack = written_unit(&cs[k]) / 2.0 + xc.rounding + yc.rounding + 1e-9;
            if (difference - cs[k].value).abs() > slack {
                out.push(Change { stated, stated_value: cs[k].value, stated_span: cs[k].span, from: x, to: y, actual: difference, multiple: false, points: true });
            }
            continue;
        }
        let (value, span, qualifier, unit, multiple) = match stated {
            Some(k) => (cs[k].value, cs[k].span, cs[k].qualifier, written_unit(&cs[k]), None),
            None => {
                // `fell by nearly two thirds from ...`, `turun separuh dibandingkan periode yang
                // sama tahun lalu, dari ...`: a fraction in words after a change verb; `tripled
                // ... from ...`, `naik dua kali lipat`: a multiple.
                let from = first.tokens.start.saturating_sub(12).max(s.start);
                let words = super::Words::new(doc, s.clone());
                let found = (from..first.tokens.start).rev().find_map(|t| {
                    if let Some((v, n)) = words.first_at(t, MULTIPLES) {
                        return Some((t, v, n, true));
                    }
                    words.first_at(t, FRACTIONS).map(|(v, n)| (t, v, n, false))
                });
                let Some((t, v, n, multiple)) = found else { continue };
                let verb = multiple || between(doc, t.saturating_sub(4).max(s.start), t).iter().any(|w| CHANGE_WORDS.contains(w) && *w != "by" && *w != "sebesar");
                // Another figure between the words and the pair is what they speak of.
                // (A span of time is not: `turun separuh dalam enam bulan pertama, dari ...`.)
                let duration = |c: &Claim| (c.tokens.end < s.end).then(|| doc.token_lower(c.tokens.end)).into_iter().chain(c.head.as_deref()).any(|h| matches!(h, "months" | "years" | "days" | "weeks" | "hours" | "bulan" | "tahun" | "hari" | "pekan" | "minggu" | "jam" | "month" | "year" | "day" | "week" | "hour" | "quarter" | "kuartal" | "semester"));
                if !verb || cs[range.clone()].iter().any(|c| c.tokens.start > t && c.tokens.start < first.tokens.start && !duration(c)) {
                    continue;
                }
                // (`more than tripled in size Thursday, and authorities expanded evacuation orders
                // to cover 5,100 residents, up from 3,200`: another clause's subject.)
                if between(doc, t + n, first.tokens.start).iter().any(|w| matches!(*w, "and" | "dan" | "while" | "sementara" | "but" | "tetapi" | "namun" | ";" | "sedangkan")) {
                    continue;
                }
                let lead = between(doc, t.saturating_sub(2).max(s.start), t);
                let q = if lead.iter().any(|w| matches!(*w, "nearly" | "almost" | "hampir" | "nyaris")) {
                    Qualifier::Nearly
                } else if matches!(lead.as_slice(), [.., "more" | "lebih", "than" | "dari"]) {
                    // `more than doubled`: at least the multiple.
                    Qualifier::MoreThan
                } else {
                    Qualifier::About
                };
                let span = crate::diagnostic::Span::new(doc.tokens[t].span.start, doc.tokens[t + n - 1].span.end);
                (v, span, q, 0.0, Some(multiple))
            }
        };
        let rounding = |c: &Claim| c.rounding / c.value.abs().max(f64::MIN_POSITIVE) * 100.0;
        let slack = unit + rounding(xc) + rounding(yc) + match qualifier {
            Qualifier::Exact => 0.0,
            Qualifier::About => value * 0.1,
            Qualifier::Nearly => value * 0.15,
            Qualifier::MoreThan => 0.0,
            _ => continue,
        };
        let fits = match qualifier {
            Qualifier::Nearly => actual <= value + slack && actual >= value * 0.85 - slack,
            Qualifier::MoreThan => actual >= value - slack,
            _ => (actual - value).abs() <= slack,
        };
        // Between two percentages the change may be in points.
        if fits || xc.percent && yc.percent && ((yc.value - xc.value).abs() - value).abs() <= slack {
            continue;
        }
        out.push(Change { stated, stated_value: value, stated_span: span, from: x, to: y, actual, multiple: multiple.unwrap_or(false), points: false });
    }
    out.extend(year_on_year(claims, doc, &sentences));
    out.extend(change_then_values(claims, doc, &sentences));
    out.extend(compared_with(claims, doc, &sentences));
    out
}

/// A change stated with the value it is compared with, the value reached standing before it:
/// `mencapai 212 juta dollar AS. Angka itu naik 18 persen dibandingkan dengan periode yang sama
/// tahun lalu yang sebesar 164 juta dollar AS` (29%), `Revenue was $4.48 billion, a 12% increase
/// compared with $4.0 billion a year earlier`. The value reached is the figure just before the
/// percentage in its sentence, or, when the sentence opens on it (`Angka itu`, `That`), the
/// last figure of the sentence before; the change word must go their way.
fn compared_with(claims: &Claims, doc: &crate::document::Document, sentences: &HashMap<usize, std::ops::Range<usize>>) -> Vec<Change> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    let word = |t: usize| word_at(doc, t);
    let up_words = ["naik", "kenaikan", "meningkat", "peningkatan", "tumbuh", "pertumbuhan", "melonjak", "lonjakan", "bertambah", "rose", "rise", "risen", "increase", "increased", "grew", "growth", "jumped", "jump", "climbed", "surged", "up", "higher", "lebih", "tinggi"];
    let down_words = ["turun", "penurunan", "menurun", "anjlok", "merosot", "berkurang", "susut", "menyusut", "fell", "fall", "fallen", "drop", "dropped", "declined", "decline", "decrease", "decreased", "slumped", "down", "lower", "rendah"];
    let contrast = |w: &[&str]| w.iter().any(|x| matches!(*x, "dan" | "and" | "sementara" | "while" | "sedangkan" | "whereas" | "but" | "tetapi" | "namun" | "." | ";"));
    for (p, pc) in cs.iter().enumerate() {
        crate::work::count(1);
        if !pc.percent || !matches!(pc.qualifier, Qualifier::Exact | Qualifier::About) || pc.value <= 0.0 || !is_change(doc, pc) {
            continue;
        }
        let Some(range) = sentences.get(&pc.sentence) else { continue };
        let s = &doc.sentences[pc.sentence].tokens;
        // The word of comparison right after the percentage (past `lebih tinggi`, `an increase`).
        let Some(at) = (pc.tokens.end..(pc.tokens.end + 3).min(s.end)).find(|&t| {
            matches!(word(t), "dibandingkan" | "dibanding" | "ketimbang" | "daripada" | "versus" | "vs")
                || word(t) == "compared" && matches!(word(t + 1), "with" | "to")
        }) else {
            continue;
        };
        // The direction: a change word in the three words before the percentage or the two after.
        let around: Vec<&str> = between(doc, pc.tokens.start.saturating_sub(3).max(s.start), pc.tokens.start).into_iter().chain(between(doc, pc.tokens.end, at)).collect();
        let up = around.iter().any(|w| up_words.contains(w));
        let down = around.iter().any(|w| down_words.contains(w));
        if up == down {
            continue;
        }
        // The value compared with: the next figure, within twelve words, no other clause between.
        let Some(a) = Some(p + 1).filter(|&k| range.contains(&k)) else { continue };
        let ac = &cs[a];
        if ac.tokens.start < at || ac.tokens.start - at > 12 || contrast(&between(doc, at, ac.tokens.start)) {
            continue;
        }
        // The value reached: the figure just before the percentage in its sentence, or the last
        // of the sentence before when this one opens on it.
        let before = p.checked_sub(1).filter(|&k| range.contains(&k) && pc.tokens.start - cs[k].tokens.end <= 10 && !contrast(&between(doc, cs[k].tokens.end, pc.tokens.start)));
        let anaphor = || {
            let opens = opens_on_the_figure_before(doc, s);
            let k = p.checked_sub(1)?;
            (opens && k < range.start && cs[k].sentence + 1 == pc.sentence && cs[k].block == pc.block).then_some(k)
        };
        let Some(b) = before.or_else(anaphor) else { continue };
        let bc = &cs[b];
        let same_noun = match (ac.noun(doc.language), bc.noun(doc.language)) {
            (Some(x), Some(y)) => super::normalise_head(x) == super::normalise_head(y),
            _ => true,
        };
        if !ac.same_unit(bc) || ac.percent || ac.measure != bc.measure || !same_noun || ac.qualifier != Qualifier::Exact || bc.qualifier != Qualifier::Exact || ac.value <= 0.0 || bc.value <= 0.0 {
            continue;
        }
        if up != (bc.value > ac.value) {
            continue;
        }
        out.extend(stated_percent_against(cs, p, a, b));
    }
    out
}

/// A stated percentage change `p` against the change from claim `old` to claim `new`, allowing
/// for the rounding of all three (and a tenth more for `sekitar` / `about`): the mismatch, if any.
fn stated_percent_against(cs: &[Claim], p: usize, old: usize, new: usize) -> Option<Change> {
    let (pc, oc, nc) = (&cs[p], &cs[old], &cs[new]);
    let actual = (nc.value - oc.value).abs() / oc.value * 100.0;
    let rounding = |c: &Claim| c.rounding / c.value.abs().max(f64::MIN_POSITIVE) * 100.0;
    let slack = written_unit(pc) + rounding(oc) + rounding(nc) + if pc.qualifier == Qualifier::About { pc.value * 0.1 } else { 0.0 };
    ((actual - pc.value).abs() > slack).then_some(Change { stated: Some(p), stated_value: pc.value, stated_span: pc.span, from: old, to: new, actual, multiple: false, points: false })
}

/// A change stated after the two values it joins, given in the sentences before for two years
/// in a row: `Juli 2024 ... 48.600 penumpang. Pada Juli 2023, jumlahnya 40.500 penumpang.` then
/// `"Kenaikannya sekitar 35 persen dibandingkan periode yang sama tahun lalu"`. Only a
/// percentage alone in its sentence, a change word of the right direction, and two counts of one
/// noun whose years are one apart.
fn year_on_year(claims: &Claims, doc: &crate::document::Document, sentences: &HashMap<usize, std::ops::Range<usize>>) -> Vec<Change> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    let year_of = |c: &Claim| {
        let years: Vec<i64> = c.scope.iter().filter_map(|s| s.strip_prefix("year:")?.parse().ok()).collect();
        (years.len() == 1).then(|| years[0])
    };
    for (p, pc) in cs.iter().enumerate() {
        crate::work::count(1);
        if !pc.percent || !matches!(pc.qualifier, Qualifier::Exact | Qualifier::About) || !is_change(doc, pc) || pc.value <= 0.0 {
            continue;
        }
        let Some(range) = sentences.get(&pc.sentence) else { continue };
        if range.len() != 1 {
            continue;
        }
        let s = &doc.sentences[pc.sentence].tokens;
        let around = between(doc, pc.tokens.start.saturating_sub(4).max(s.start), (pc.tokens.end + 2).min(s.end));
        let up = around.iter().any(|w| matches!(*w, "naik" | "kenaikan" | "kenaikannya" | "meningkat" | "peningkatan" | "tumbuh" | "pertumbuhan" | "melonjak" | "lonjakan" | "bertambah" | "rose" | "rise" | "increase" | "increased" | "grew" | "growth" | "up"));
        let down = around.iter().any(|w| matches!(*w, "turun" | "penurunan" | "penurunannya" | "menurun" | "anjlok" | "merosot" | "berkurang" | "susut" | "fell" | "fall" | "drop" | "dropped" | "declined" | "decline" | "decrease" | "down"));
        if up == down {
            continue;
        }
        // The two latest counts of the sentences before (at most three, in this paragraph or
        // the one before), of one noun, in years one apart.
        let earlier: Vec<usize> = (p.saturating_sub(MAX_LOOK_BACK)..p)
            .rev()
            .filter(|&k| cs[k].sentence + 3 >= pc.sentence && cs[k].sentence < pc.sentence && cs[k].block + 1 >= pc.block)
            .filter(|&k| !cs[k].percent && cs[k].qualifier == Qualifier::Exact && cs[k].value > 0.0 && cs[k].head.is_some() && year_of(&cs[k]).is_some())
            .take(2)
            .collect();
        let [b, a] = earlier.as_slice() else { continue };
        let (ac, bc) = (&cs[*a], &cs[*b]);
        // (The noun alone: `penumpang datang dan berangkat` and `penumpang` are one.)
        if ac.noun(doc.language) != bc.noun(doc.language) || ac.currency != bc.currency {
            continue;
        }
        let (Some(ya), Some(yb)) = (year_of(ac), year_of(bc)) else { continue };
        if (ya - yb).abs() != 1 {
            continue;
        }
        let (old, new) = if ya < yb { (*a, *b) } else { (*b, *a) };
        let (oc, nc) = (&cs[old], &cs[new]);
        if up != (nc.value > oc.value) {
            continue;
        }
        out.extend(stated_percent_against(cs, p, old, new));
    }
    out
}

/// An amount for each of a number of things against the total stated for all of them:
/// `350 keluarga ... masing-masing menerima Rp 600.000 ... total Rp 180 juta` (Rp 210 juta),
/// `$5,000 each to 300 recipients, a total of $1.2 million`.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// The amount for each.
    pub each: usize,
    /// How many.
    pub count: usize,
    /// The stated total.
    pub total: usize,
    /// Each times how many.
    pub actual: f64,
    /// A price per unit of weight or volume times an amount in another unit of it (`Rp 42.000
    /// per kilogram` × `3,5 ton`): the unit priced and the amount in it (`kilogram`, 3500).
    pub converted: Option<(String, f64)>,
}

/// Units of weight and volume, each with its dimension and size in the dimension's base unit.
const UNITS: &[(&str, u8, f64)] = &[
    ("kg", 0, 1.0), ("kilogram", 0, 1.0), ("kilograms", 0, 1.0), ("kilo", 0, 1.0), ("kilos", 0, 1.0),
    ("ton", 0, 1000.0), ("tons", 0, 1000.0), ("tonne", 0, 1000.0), ("tonnes", 0, 1000.0),
    ("kuintal", 0, 100.0), ("kwintal", 0, 100.0), ("gram", 0, 0.001), ("grams", 0, 0.001), ("ons", 0, 0.1),
    ("pound", 0, 0.453_592_37), ("pounds", 0, 0.453_592_37), ("lb", 0, 0.453_592_37), ("lbs", 0, 0.453_592_37),
    ("liter", 1, 1.0), ("liters", 1, 1.0), ("litre", 1, 1.0), ("litres", 1, 1.0), ("kiloliter", 1, 1000.0),
    ("gallon", 1, 3.785_411_784), ("gallons", 1, 3.785_411_784), ("barel", 1, 158.987_294_928), ("barrel", 1, 158.987_294_928), ("barrels", 1, 158.987_294_928),
];

/// Words before the sum a sale or harvest brings: `meraup Rp 154 juta`, `earning $5,200`.
const EARNED_BEFORE: &[&str] = &[
    "meraup", "memperoleh", "mendapat", "mendapatkan", "menghasilkan", "mengantongi", "pendapatan", "penghasilan", "omzet", "senilai",
    "earning", "earned", "earns", "fetching", "fetched", "grossing", "grossed", "revenue", "worth", "total", "totaling", "totalling",
];

fn unit_of(w: &str) -> Option<(u8, f64)> {
    UNITS.iter().find(|(u, _, _)| *u == w).map(|&(_, d, f)| (d, f))
}

/// Words before a total amount.
const TOTAL_BEFORE: &[&str] = &["total", "totaling", "totalling", "seluruhnya", "keseluruhan", "jumlah", "sum", "all"];

pub fn products(claims: &Claims, doc: &crate::document::Document) -> Vec<Product> {
    let cs = &claims.claims;
    let language = doc.language;
    let mut out = Vec::new();
    let word = |t: usize| word_at(doc, t);
    for (e, ec) in cs.iter().enumerate() {
        crate::work::count(1);
        // (An amount for each is `excluded` as a rate, `setiap`: read here all the same.)
        if ec.currency.is_none() || ec.percent || ec.value <= 0.0 {
            continue;
        }
        let s = &doc.sentences[ec.sentence].tokens;
        // `Rp 600.000 per keluarga`, `$5,000 per recipient`, `$5,000 each`; `masing-masing
        // menerima Rp 600.000`, `each received $5,000`.
        let after = word(ec.tokens.end);
        // (`Setiap keluarga masing-masing menerima Rp 600.000`: the noun before.)
        let per_noun = (matches!(after, "per" | "setiap" | "tiap" | "a" | "/") && ec.tokens.end + 1 < s.end)
            .then(|| word(ec.tokens.end + 1))
            .or_else(|| (ec.tokens.start.saturating_sub(6).max(s.start)..ec.tokens.start).find(|&t| matches!(word(t), "setiap" | "tiap" | "per")).map(|t| word(t + 1)))
            .filter(|w| !w.is_empty());
        // (`$4,000 to each of 300 families`.)
        let each = matches!(after, "each" | "apiece" | "masing-masing")
            || (ec.tokens.start.saturating_sub(4).max(s.start)..ec.tokens.start).any(|t| matches!(word(t), "masing-masing" | "each"))
            || matches!(after, "to" | "for") && word(ec.tokens.end + 1) == "each" && word(ec.tokens.end + 2) == "of";
        if per_noun.is_none() && !each {
            continue;
        }
        // A price per unit of weight or volume times an amount of it sold or harvested.
        if let Some((dimension, size)) = per_noun.and_then(unit_of) {
            out.extend(priced_by_weight(claims, doc, e, dimension, size, per_noun.unwrap_or_default()));
            continue;
        }
        // Per a unit of time is a rate, not an amount for each of a count.
        if per_noun.is_some_and(|n| matches!(n, "bulan" | "tahun" | "hari" | "jam" | "pekan" | "minggu" | "month" | "year" | "day" | "hour" | "week" | "meter" | "unit" | "lembar")) {
            continue;
        }
        // How many: a count of the per noun within two sentences, or with `each`, the one count of
        // people or things in the sentence.
        let window = |k: usize| cs[k].sentence + 2 >= ec.sentence && cs[k].sentence <= ec.sentence + 2;
        let plain = |k: usize| k != e && cs[k].currency.is_none() && !cs[k].percent && !cs[k].measure && cs[k].head.is_some() && cs[k].qualifier == Qualifier::Exact && cs[k].value >= 2.0;
        let lo = e.saturating_sub(MAX_LOOK_BACK);
        let hi = (e + MAX_LOOK_BACK).min(cs.len());
        let counts: Vec<usize> = match per_noun {
            Some(noun) => {
                let n = super::normalise_head(noun);
                (lo..hi).filter(|&k| window(k) && plain(k) && cs[k].noun(language).map(super::normalise_head).is_some_and(|h| h == n)).collect()
            }
            None => (lo..hi).filter(|&k| cs[k].sentence == ec.sentence && plain(k)).collect(),
        };
        // (Parts of the count, `Tepus sebanyak 110 keluarga`, are no count of all.)
        let counts: Vec<usize> = counts.into_iter().filter(|&k| !cs[k].part && !cs[k].remainder).collect();
        let Some(&count) = counts.first().filter(|&&k| counts.iter().all(|&x| cs[x].value == cs[k].value)) else { continue };
        // The total: an amount of the same currency within two sentences, after a word of total.
        let totals: Vec<usize> = (lo..hi)
            // (In the sentence of the amount for each, its `setiap` / `each` marks the total
            // `excluded` too.)
            .filter(|&k| k != e && window(k) && cs[k].currency == ec.currency && !cs[k].percent && (!cs[k].excluded || cs[k].sentence == ec.sentence) && cs[k].value > ec.value)
            .filter(|&k| {
                let t = cs[k].tokens.start;
                // (`total bantuan yang disalurkan mencapai Rp 180 juta`: no other figure between.)
                let from = t.saturating_sub(6).max(doc.sentences[cs[k].sentence].tokens.start);
                (from..t).any(|x| TOTAL_BEFORE.contains(&word(x)) && !(x..t).any(|y| doc.tokens[y].kind == crate::document::TokenKind::Number)) || word(t.saturating_sub(2)) == "a" && word(t.saturating_sub(1)) == "total"
            })
            .collect();
        let [total] = totals.as_slice() else { continue };
        let total = *total;
        let (tc, nc) = (&cs[total], &cs[count]);
        let actual = ec.value * nc.value;
        let slack = tc.rounding + ec.rounding * nc.value + if [ec, tc].iter().any(|c| c.qualifier != Qualifier::Exact) { actual * 0.1 } else { 0.0 };
        if [ec, tc].iter().any(|c| matches!(c.qualifier, Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::LessThan | Qualifier::UpTo | Qualifier::Range)) {
            continue;
        }
        if (actual - tc.value).abs() <= slack.max(tc.value * 0.005) {
            continue;
        }
        out.push(Product { each: e, count, total, actual, converted: None });
    }
    out
}

/// `menjual 3,5 ton cabai ... seharga Rp 42.000 per kilogram, ia meraup Rp 154 juta` (Rp 147
/// juta), `sold 1,200 kilograms at $4 a kilogram, earning $5,200`: the price per unit times the
/// one amount of that dimension sold within two sentences, against a sum after a word of earning
/// or total. An amount that is itself a rate (`4 ton per hektare`) is no amount sold.
fn priced_by_weight(claims: &Claims, doc: &crate::document::Document, e: usize, dimension: u8, size: f64, unit: &str) -> Option<Product> {
    let cs = &claims.claims;
    let ec = &cs[e];
    if ec.qualifier != Qualifier::Exact {
        return None;
    }
    let word = |t: usize| word_at(doc, t);
    let window = |k: usize| cs[k].sentence + 2 >= ec.sentence && cs[k].sentence <= ec.sentence + 2;
    let lo = e.saturating_sub(MAX_LOOK_BACK);
    let hi = (e + MAX_LOOK_BACK).min(cs.len());
    // The amounts: exact figures of the dimension, not rates, all one.
    let amounts: Vec<(usize, f64)> = (lo..hi)
        .filter(|&k| k != e && window(k) && cs[k].currency.is_none() && !cs[k].percent && cs[k].qualifier == Qualifier::Exact && cs[k].value > 0.0 && !cs[k].excluded && !cs[k].previous)
        .filter_map(|k| {
            let end = cs[k].tokens.end;
            let (d, f) = unit_of(word(end))?;
            let rate = matches!(word(end + 1), "per" | "/" | "setiap" | "tiap" | "each" | "sehari" | "sebulan" | "setahun") || word(end + 1) == "a" && unit_of(word(end + 2)).is_none() && !matches!(word(end + 2), "of");
            (d == dimension && !rate).then_some((k, cs[k].value * f / size))
        })
        .collect();
    let &(count, amount) = amounts.first()?;
    if amounts.iter().any(|&(_, a)| (a - amount).abs() > amount * 1e-9) {
        return None;
    }
    let totals: Vec<usize> = (lo..hi)
        .filter(|&k| k != e && window(k) && cs[k].currency == ec.currency && !cs[k].percent && cs[k].value > ec.value && cs[k].qualifier == Qualifier::Exact && !cs[k].previous)
        .filter(|&k| {
            let t = cs[k].tokens.start;
            let from = t.saturating_sub(4).max(doc.sentences[cs[k].sentence].tokens.start);
            (from..t).any(|x| EARNED_BEFORE.contains(&word(x)) && !(x..t).any(|y| doc.tokens[y].kind == crate::document::TokenKind::Number))
        })
        .collect();
    let [total] = totals.as_slice() else { return None };
    let tc = &cs[*total];
    let actual = ec.value * amount;
    let slack = tc.rounding + ec.rounding * amount + cs[count].rounding * (amount / cs[count].value) * ec.value;
    if (actual - tc.value).abs() <= slack.max(tc.value * 0.005) {
        return None;
    }
    Some(Product { each: e, count, total: *total, actual, converted: Some((unit.to_string(), amount)) })
}

/// A change stated in a sentence of its own, with the two values it joins in the next sentence,
/// the older marked as last year's or a year before the other: `Kasus DBD turun separuh
/// dibandingkan tahun lalu. Dinas mencatat 560 kasus sepanjang Januari-April 2025, sedangkan pada
/// periode yang sama tahun lalu tercatat 840 kasus.` (a third); `Sales rose 30 percent. The firm
/// sold 5,200 cars this year, against 4,400 last year.`
fn change_then_values(claims: &Claims, doc: &crate::document::Document, sentences: &HashMap<usize, std::ops::Range<usize>>) -> Vec<Change> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    let last_year = |c: &Claim| {
        let s = &doc.sentences[c.sentence].tokens;
        let w = between(doc, c.tokens.start.saturating_sub(8).max(s.start), (c.tokens.end + 6).min(s.end));
        w.windows(2).any(|p| matches!(p, ["tahun", "lalu"] | ["last", "year"] | ["tahun", "sebelumnya"] | ["year", "earlier"] | ["year", "before"] | ["a", "year"]))
    };
    for (si, s) in doc.sentences.iter().enumerate() {
        crate::work::count(1);
        if doc.sentences.get(si + 1).is_none_or(|n| n.block != s.block) {
            continue;
        }
        let here = sentences.get(&si).cloned().unwrap_or(0..0);
        let words = super::Words::new(doc, s.tokens.clone());
        // The stated change: the sentence's one percentage after a change word, or a fraction or
        // multiple in words after a change verb in a sentence without figures.
        let up_words = ["naik", "kenaikan", "meningkat", "peningkatan", "tumbuh", "melonjak", "bertambah", "rose", "rise", "increase", "increased", "grew", "jumped", "doubled", "tripled", "up"];
        let down_words = ["turun", "penurunan", "menurun", "anjlok", "merosot", "berkurang", "susut", "fell", "fall", "drop", "dropped", "declined", "decreased", "halved", "down"];
        let lower: Vec<&str> = s.tokens.clone().map(|t| doc.token_lower(t)).collect();
        let up = lower.iter().any(|w| up_words.contains(w));
        let down = lower.iter().any(|w| down_words.contains(w));
        if up == down {
            continue;
        }
        let stated: Option<(Option<usize>, f64, crate::diagnostic::Span, Qualifier, bool)> = if here.len() == 1 && cs[here.start].percent && is_change(doc, &cs[here.start]) {
            let c = &cs[here.start];
            Some((Some(here.start), c.value, c.span, c.qualifier, false))
        } else if here.is_empty() {
            s.tokens.clone().find_map(|t| {
                let (v, n, multiple) = words.first_at(t, MULTIPLES).map(|(v, n)| (v, n, true)).or_else(|| words.first_at(t, FRACTIONS).map(|(v, n)| (v, n, false)))?;
                let verb = multiple || between(doc, t.saturating_sub(4).max(s.tokens.start), t).iter().any(|w| CHANGE_WORDS.contains(w) && *w != "by" && *w != "sebesar");
                let q = if between(doc, t.saturating_sub(2).max(s.tokens.start), t).iter().any(|w| matches!(*w, "nearly" | "almost" | "hampir" | "nyaris")) { Qualifier::Nearly } else { Qualifier::About };
                verb.then(|| (None, v, crate::diagnostic::Span::new(doc.tokens[t].span.start, doc.tokens[t + n - 1].span.end), q, multiple))
            })
        } else {
            None
        };
        let Some((stated_claim, value, span, qualifier, multiple)) = stated else { continue };
        if !matches!(qualifier, Qualifier::Exact | Qualifier::About | Qualifier::Nearly) {
            continue;
        }
        // The two values: the next sentence's only figures, one noun, one unit, exact.
        let Some(pair) = sentences.get(&(si + 1)) else { continue };
        let vals: Vec<usize> = pair.clone().filter(|&k| !cs[k].percent).collect();
        let [a, b] = vals.as_slice() else { continue };
        let (ac, bc) = (&cs[*a], &cs[*b]);
        // (The second may leave its noun out: `5,200 cars this year, against 4,400 last year`.)
        let (na, nb) = (ac.noun(doc.language).map(super::normalise_head), bc.noun(doc.language).map(super::normalise_head));
        let one_noun = match (&na, &nb) {
            (Some(x), Some(y)) => x == y,
            (Some(_), None) => b > a,
            _ => false,
        };
        if !one_noun || !ac.same_unit(bc) || ac.qualifier != Qualifier::Exact || bc.qualifier != Qualifier::Exact || ac.value <= 0.0 || bc.value <= 0.0 {
            continue;
        }
        // The older: marked as last year's, or the earlier of two years one apart named beside
        // them (`840 kasus sepanjang Januari–Juni 2025 ... Januari–Juni 2024 tercatat 1.260 kasus`).
        let year_near = |c: &Claim| {
            let s = &doc.sentences[c.sentence].tokens;
            let from = c.tokens.start.saturating_sub(6).max(s.start);
            let to = (c.tokens.end + 7).min(s.end);
            let years: Vec<i64> = (from..to).filter(|&t| doc.tokens[t].kind == crate::document::TokenKind::Number).filter_map(|t| doc.token_str(&doc.tokens[t]).parse::<i64>().ok()).filter(|y| (1900..2200).contains(y)).collect();
            (years.len() == 1).then(|| years[0])
        };
        let (old, new) = match (last_year(ac), last_year(bc), year_near(ac), year_near(bc)) {
            (true, false, _, _) => (*a, *b),
            (false, true, _, _) => (*b, *a),
            (_, _, Some(ya), Some(yb)) if ya + 1 == yb => (*a, *b),
            (_, _, Some(ya), Some(yb)) if yb + 1 == ya => (*b, *a),
            _ => continue,
        };
        let (oc, nc) = (&cs[old], &cs[new]);
        if up != (nc.value > oc.value) {
            continue;
        }
        // (The direction was matched above: `halved` is a fall of 50 percent, as `doubled` a rise
        // of 100.)
        let actual = (nc.value - oc.value).abs() / oc.value * 100.0;
        let compare = value;
        let rounding = |c: &Claim| c.rounding / c.value.abs().max(f64::MIN_POSITIVE) * 100.0;
        let unit = stated_claim.map_or(0.0, |k| written_unit(&cs[k]));
        let slack = unit + rounding(oc) + rounding(nc) + match qualifier {
            Qualifier::Exact => 0.0,
            Qualifier::About => compare * 0.1,
            _ => compare * 0.15,
        };
        let fits = match qualifier {
            Qualifier::Nearly => actual <= compare + slack && actual >= compare * 0.85 - slack,
            _ => (actual - compare).abs() <= slack,
        };
        if fits {
            continue;
        }
        out.push(Change { stated: stated_claim, stated_value: value, stated_span: span, from: old, to: new, actual, multiple, points: false });
    }
    out
}

/// Shares in percent closed by the rest (`zonasi 50 persen, afirmasi 15 persen, dan perpindahan 5
/// persen. Sisanya, sebesar 25 persen, ...`; `Labour took 42% and the Conservatives 31%, while
/// the rest, 22%, ...`): with the rest they are the whole, 100%.
#[derive(Debug, Clone, PartialEq)]
pub struct PercentRest {
    /// The shares before the rest, in text order.
    pub parts: Vec<usize>,
    pub rest: usize,
    /// The shares and the rest added up.
    pub sum: f64,
}

/// The shares are the percentages of the rest's sentence and the one before it, in its
/// paragraph, that are no change (`naik 5 persen`) and no earlier value; those before must leave
/// room for a rest (less than 100%), and the sum may miss 100 only by the rounding of the
/// figures (and a tenth more with `sekitar` / `about`).
pub fn percent_rests(claims: &Claims, doc: &crate::document::Document) -> Vec<PercentRest> {
    let cs = &claims.claims;
    let mut out = Vec::new();
    for (r, rc) in cs.iter().enumerate() {
        crate::work::count(1);
        if !rc.percent || !rc.remainder || !matches!(rc.qualifier, Qualifier::Exact | Qualifier::About) || rc.value <= 0.0 || rc.value >= 100.0 || is_change(doc, rc) {
            continue;
        }
        let from = r.saturating_sub(MAX_LOOK_BACK);
        let window: Vec<usize> = (from..r).filter(|&k| cs[k].block == rc.block && cs[k].sentence + 1 >= rc.sentence).collect();
        // (A change among them: the sentences speak of more than one whole.)
        if window.iter().any(|&k| cs[k].percent && (is_change(doc, &cs[k]) || cs[k].previous || cs[k].update)) {
            continue;
        }
        let parts: Vec<usize> = window.into_iter().filter(|&k| cs[k].percent && cs[k].value > 0.0 && !cs[k].remainder).collect();
        if parts.len() < 2 || parts.iter().any(|&k| !matches!(cs[k].qualifier, Qualifier::Exact | Qualifier::About)) {
            continue;
        }
        let shares: f64 = parts.iter().map(|&k| cs[k].value).sum();
        if shares >= 100.0 {
            continue;
        }
        let sum = shares + rc.value;
        let members = parts.iter().chain(std::iter::once(&r));
        let about = members.clone().any(|&k| cs[k].qualifier == Qualifier::About);
        let slack = members.map(|&k| written_unit(&cs[k]) / 2.0).sum::<f64>() + if about { 10.0 } else { 0.0 };
        if (sum - 100.0).abs() > slack {
            out.push(PercentRest { parts, rest: r, sum });
        }
    }
    out
}

/// A margin of victory against the two counts it separates: `won a second term by 1,204 votes`
/// ... `Jimenez received 48,310 votes ... to 47,406 votes` (904); `unggul dengan selisih 17.815
/// suara` ... `78.392 suara ... 61.207 suara`.
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    pub margin: usize,
    pub first: usize,
    pub second: usize,
    /// The first less the second.
    pub actual: f64,
}

pub fn margins(claims: &Claims, doc: &crate::document::Document) -> Vec<Margin> {
    let cs = &claims.claims;
    let language = doc.language;
    let word = |t: usize| word_at(doc, t);
    let is_margin = |c: &Claim| {
        let t = c.tokens.start;
        let b1 = word(t.wrapping_sub(1));
        let b2 = word(t.wrapping_sub(2));
        let b3 = word(t.wrapping_sub(3));
        b1 == "by" && matches!(b2, "won" | "win" | "wins" | "led" | "leads" | "leading" | "ahead" | "beat" | "defeated" | "term" | "race" | "seat" | "election" | "decided" | "edged" | "trailed" | "trails" | "lost" | "narrowly" | "re-election" | "reelection")
            || b1 == "selisih" || b2 == "selisih" && b1 == "sebanyak"
            || b1 == "unggul" || b2 == "unggul" && matches!(b1, "sebanyak" | "dengan")
            || b1 == "of" && b2 == "margin"
            || b1 == "by" && b3 == "won"
            // (`wins runoff by 704 votes`: by a number of votes is how far apart.)
            || b1 == "by" && c.noun(doc.language).is_some_and(|n| matches!(n, "vote" | "votes"))
    };
    let vote = |c: &Claim| c.noun(language).is_some_and(|n| matches!(n, "vote" | "votes" | "suara"));
    let mut out = Vec::new();
    // The counts: the article's vote counts that are no margin, total, share or earlier figure;
    // exactly two, or the two of one sentence. (Read once: a margin is compared with them all.)
    let mut counts: Option<Vec<usize>> = None;
    for (m, mc) in cs.iter().enumerate() {
        crate::work::count(1);
        if !vote(mc) || mc.percent || mc.currency.is_some() || !matches!(mc.qualifier, Qualifier::Exact | Qualifier::About) || !is_margin(mc) {
            continue;
        }
        // (`Lopez received 8,914 votes and challenger Tom Hale received 8,720`: the noun said once,
        // the verb twice.)
        let holding = |w: &str| matches!(w, "received" | "got" | "won" | "took" | "garnered" | "polled" | "meraih" | "memperoleh" | "mendapat" | "mendapatkan" | "mengantongi" | "meraup");
        let elided = |k: usize| {
            let c = &cs[k];
            c.head.is_none() && holding(word(c.tokens.start.wrapping_sub(1))) && k > 0 && {
                let v = &cs[k - 1];
                v.sentence == c.sentence && vote(v) && holding(word(v.tokens.start.wrapping_sub(1)))
            }
        };
        let counts = counts.get_or_insert_with(|| {
            cs.iter()
                .enumerate()
                .filter(|&(k, c)| (vote(c) || elided(k)) && !c.total && !c.percent && !c.previous && !c.excluded && c.qualifier == Qualifier::Exact && !is_margin(c))
                .map(|(k, _)| k)
                .collect()
        });
        // More than a handful of candidates' counts: no pair to read.
        if counts.len() > 16 {
            continue;
        }
        let pair = match counts.as_slice() {
            [a, b] => Some((*a, *b)),
            _ => {
                let same: Vec<(usize, usize)> = counts.windows(2).filter(|w| cs[w[0]].sentence == cs[w[1]].sentence).map(|w| (w[0], w[1])).collect();
                (same.len() == 1).then(|| same[0])
            }
        };
        let Some((a, b)) = pair else { continue };
        let (hi, lo) = if cs[a].value >= cs[b].value { (a, b) } else { (b, a) };
        let actual = cs[hi].value - cs[lo].value;
        let slack = mc.rounding + cs[a].rounding + cs[b].rounding + if mc.qualifier == Qualifier::About { mc.value * 0.1 } else { 0.0 };
        if (actual - mc.value).abs() <= slack {
            continue;
        }
        out.push(Margin { margin: m, first: hi, second: lo, actual });
    }
    out
}
