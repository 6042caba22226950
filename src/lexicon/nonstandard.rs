//! Non-standard Indonesian forms (kata tidak baku) and their standard forms (kata baku), from
//! `data/id/nonstandard.tsv` (sources named in that file).

use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandardForm {
    pub standard: &'static str,
    /// KBBI prefers `standard`, but edited news still often writes the other form.
    pub contested: bool,
}

static TABLE: LazyLock<super::WordMap<&'static str, StandardForm>> = LazyLock::new(|| {
    include_str!("../../data/id/nonstandard.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (from, to, kind) = (cols.next()?, cols.next()?, cols.next().unwrap_or("strict"));
            Some((from, StandardForm { standard: to, contested: kind.trim() == "contested" }))
        })
        .collect()
});

/// The standard form of a lower-case non-standard word.
pub fn standard_form(lower: &str) -> Option<StandardForm> {
    TABLE.get(lower).copied()
}

pub fn len() -> usize {
    TABLE.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_the_common_pairs() {
        assert!(len() >= 500, "{}", len());
        for (from, to) in [("resiko", "risiko"), ("himbauan", "imbauan"), ("ibukota", "ibu kota"), ("dirubah", "diubah"), ("menghimbau", "mengimbau")] {
            assert_eq!(standard_form(from).map(|s| s.standard), Some(to), "{from}");
        }
        assert_eq!(standard_form("risiko"), None);
        for (from, form) in TABLE.iter() {
            assert_ne!(*from, form.standard);
            assert!(!from.contains(' '), "{from}");
        }
    }
}
