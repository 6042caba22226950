//! Relations between claims: two figures for the same counted thing that cannot both hold, and
//! breakdowns whose parts do not make their whole. Claims are grouped by what they count (head,
//! state, unit) first, and each is compared with a bounded number of earlier ones of its group,
//! so the cost grows with the number of claims, not its square.

use super::{Claim, Claims, Qualifier, OUTCOMES, PERSON};
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
        if self.position == super::Position::Headline || other.position == super::Position::Headline {
            return true;
        }
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
        let other_year = |c: &Claim| c.scope.iter().any(|s| s.strip_prefix("year:").is_some_and(|y| claims.year.is_some_and(|a| y != a.to_string())));
        let members: Vec<usize> = members.iter().copied().filter(|&i| !other_year(&cs[i])).collect();
        // A noun counted per subject (votes per candidate, seats per route, tonnes per shipment):
        // three values or more, or two in one sentence, make a distribution, not one count.
        let mut values: Vec<u64> = members.iter().map(|&i| cs[i].value.to_bits()).collect();
        values.sort_unstable();
        values.dedup();
        let shared_sentence = members.windows(2).any(|w| cs[w[0]].sentence == cs[w[1]].sentence);
        if values.len() >= 3 || shared_sentence {
            continue;
        }
        for (n, &j) in members.iter().enumerate() {
            let b = &cs[j];
            crate::work::count(MAX_COMPARED.min(n));
            let earlier = members[n.saturating_sub(MAX_COMPARED)..n].iter().copied().find(|&i| {
                let a = &cs[i];
                a.sentence != b.sentence && a.same_scope(b, &claims.main_places) && a.disjoint(b) && !(a.qualifier == Qualifier::Range && b.qualifier == Qualifier::Range)
            });
            if let Some(i) = earlier {
                out.push(Contradiction { later: j, earlier: i });
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
            if !cs[end..next_end].iter().any(|c| c.remainder) || next_end - end > 3 {
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
    out
}

fn breakdown_in(claims: &Claims, doc: &crate::document::Document, here: &[usize]) -> Option<Breakdown> {
    let cs = &claims.claims;
    let first = *here.first()?;
    let sentence = cs[first].sentence;
    let words_of = |s: usize| doc.sentences[s].tokens.clone();
    let lower = |t: usize| doc.token_lower(t);
    let tokens = words_of(sentence);
    // `Of the dead, ...`, `Dari korban tewas, ...`: the whole named by its state at the opening.
    let opening_state = {
        let mut t = tokens.start;
        while t < tokens.end && matches!(lower(t), "\"" | "“") {
            t += 1;
        }
        let opens = matches!(lower(t), "of" | "dari" | "among");
        let comma = (t..tokens.end.min(t + 6)).find(|&k| lower(k) == ",");
        let w = super::Words { doc, range: tokens.clone() };
        match (opens, comma) {
            (true, Some(c)) if !cs[first].tokens.start.lt(&c) => (t + 1..c).find_map(|k| w.first_at(k, super::STATES).map(|(s, _)| s)),
            _ => None,
        }
    };
    // A partitive names its whole; a list of outcomes only finds one.
    let partitive = opening_state.is_some() || cs[first].whole;
    let (whole, parts): (usize, Vec<usize>) = if let Some(state) = opening_state {
        // The latest count of that state before, about this event.
        let w = cs[..first].iter().rposition(|c| c.state == Some(state) && !c.excluded && !c.part && !c.previous && !c.percent && c.currency.is_none())?;
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
            return None;
        }
        let head = here.iter().find_map(|&k| cs[k].head.clone().filter(|h| h != PERSON));
        // The whole: the nearest earlier count of that noun (or of people) in this block or the
        // two before, with no outcome of its own or the one the list breaks down.
        let block = cs[first].block;
        let w = cs[..first].iter().rposition(|c| {
            c.block + 3 > block
                && !c.percent
                && c.currency.is_none()
                && !c.excluded
                && !c.part
                && !c.previous
                && c.value > 1.0
                && match (&head, c.head.as_deref()) {
                    (Some(h), Some(ch)) => h == ch,
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
    let parts: Vec<usize> = parts
        .into_iter()
        .filter(|&k| {
            let c = &cs[k];
            // `only one of the two doses`: a fraction, not a part.
            let fraction = matches!(doc.token_lower(c.tokens.end.min(doc.tokens.len() - 1)), "of" | "dari") && c.tokens.end + 1 < doc.tokens.len() && (c.tokens.end + 1..(c.tokens.end + 3).min(doc.tokens.len())).any(|t| doc.tokens[t].kind == crate::document::TokenKind::Number || crate::numbers::parse_number_words(&[doc.token_lower(t)], doc.language).is_some());
            k != whole && !fraction && c.same_unit(whole_claim) && !c.excluded && !c.previous && !c.update && c.qualifier == Qualifier::Exact && !(c.part && !c.remainder)
        })
        .collect();
    if whole_claim.qualifier != Qualifier::Exact || whole_claim.percent {
        return None;
    }
    // A remainder with no number: `sisanya dirawat`, `the rest were treated`.
    let last_part_end = parts.last().map_or(whole_claim.tokens.end, |&k| cs[k].tokens.end);
    let words = super::Words { doc, range: tokens.clone() };
    let bare_rest = (last_part_end..tokens.end).find(|&t| matches!(lower(t), "sisanya" | "selebihnya") || words.phrase_at(t, "the rest").is_some());
    let sum: f64 = parts.iter().map(|&k| cs[k].value).sum();
    if let Some(t) = bare_rest
        && !parts.is_empty()
        && cs.iter().all(|c| c.sentence != sentence || c.tokens.start < t)
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
        let w = super::Words { doc, range: tokens.clone() };
        w.any_in(from..tokens.end, &["termasuk", "including", "antara lain", "among them", "di antaranya", "sebagian", "some"])
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
    let parallel = parts.iter().all(|&k| after(k) == after(parts[0]));
    let close = sum < whole_claim.value && sum >= 0.85 * whole_claim.value && parts.len() >= 2 && parallel;
    let exhaustive = !inclusive && (remainder || outcomes.len() >= 3 || close);
    let off = (sum - whole_claim.value).abs();
    if partitive && sum > whole_claim.value && parts.len() >= 2 || exhaustive && off <= 0.25 * whole_claim.value {
        return Some(Breakdown { whole, parts, sum, derived: None });
    }
    None
}

/// The claims a derived remainder contradicts: counts of its state with a compatible noun.
pub fn derived_contradiction(claims: &Claims, b: &Breakdown) -> Option<usize> {
    let (state, value) = b.derived?;
    let cs = &claims.claims;
    let whole = &cs[b.whole];
    let head = whole.head.as_deref().filter(|h| *h != PERSON);
    cs.iter().position(|c| {
        c.state == Some(state)
            && c.comparable()
            && c.sentence != whole.sentence
            && c.qualifier == Qualifier::Exact
            && c.value != value
            && c.head.as_deref().filter(|h| *h != PERSON).is_none_or(|h| Some(h) == head)
    })
}
