//! The gold format: one `[[doc]]` per document with its `[[doc.casualty]]` and
//! `[[doc.statement]]` rows.

use crate::extract::Status;

/// A gold file: the documents and what a careful reader takes from each.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldSet {
    #[serde(default)]
    pub doc: Vec<GoldDoc>,
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldDoc {
    pub file: String,
    /// How many paragraphs the annotator's copy had: a copy re-created with another count
    /// would have its rows scored against the wrong paragraphs.
    #[serde(default)]
    pub paragraphs: Option<usize>,
    #[serde(default)]
    pub casualty: Vec<GoldCasualty>,
    #[serde(default)]
    pub statement: Vec<GoldStatement>,
}

/// One figure a source gives.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldCasualty {
    pub paragraph: usize,
    pub count: Option<u64>,
    pub count_min: Option<u64>,
    pub count_max: Option<u64>,
    #[serde(default)]
    pub who: String,
    /// The party whose people were hit; `unspecified` when the text does not say (any
    /// answer is then accepted); `a+b` for several.
    pub side: Option<String>,
    pub status: Option<Status>,
    /// The party that gives the figure; `unattributed`, `media`, `medics` and other
    /// non-party sources all mean no party.
    pub according_to: Option<String>,
    /// Other claimants a careful reader may also name.
    #[serde(default)]
    pub accept_according_to: Vec<String>,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub optional: bool,
}

/// One paragraph in which a party speaks.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GoldStatement {
    pub paragraph: usize,
    pub party: Option<String>,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub direct: bool,
    #[serde(default)]
    pub optional: bool,
}

impl GoldSet {
    /// The parties a scorer asks `/statement` for: every party of a statement row.
    pub fn statement_parties(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .doc
            .iter()
            .flat_map(|d| d.statement.iter().filter_map(|s| s.party.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}
