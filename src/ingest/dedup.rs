//! Duplicate detection: the same link, the same text, or the same wire story republished
//! by another outlet under its own headline, trimmed or with a paragraph added — so the
//! index keeps one copy and answers can say "also in: outlet B, outlet C".
//!
//! Near-duplicates are found with MinHash over word 5-grams of the body (the title is
//! left out: syndicating outlets rewrite it). The signatures estimate the Jaccard
//! similarity of two texts and, with their sizes, how much of the shorter one the longer
//! contains; a trimmed copy scores low on the first and high on the second.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use xxhash_rust::xxh3::Xxh3Default;

use super::Article;

const SHINGLE_WORDS: usize = 5;
const NUM_HASHES: usize = 128;
/// MinHash rows per locality-sensitive band (`NUM_HASHES` is a multiple of it).
const BAND_ROWS: usize = 2;
/// Distinct groups compared within one locality-sensitive bucket, at most: a bucket of
/// many unrelated texts (a common phrase) is passed over rather than compared pairwise.
const MAX_REPRESENTATIVES: usize = 64;
/// Jaccard similarity above which two texts are the same story.
const JACCARD_THRESHOLD: f64 = 0.5;
/// Share of the shorter text found in the longer above which it is a trimmed copy…
const CONTAINMENT_THRESHOLD: f64 = 0.8;
/// …provided the two still overlap this much (a short brief quoted inside a long
/// analysis is not a copy of it).
const CONTAINMENT_MIN_JACCARD: f64 = 0.25;
/// Texts with fewer shingles than this must be nearly identical to count as copies.
const SHORT_TEXT_SHINGLES: usize = 12;
const SHORT_TEXT_THRESHOLD: f64 = 0.9;

/// Why an article counts as a copy of one already indexed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DuplicateKind {
    /// The normalised URLs are equal.
    SameUrl,
    /// The body text is the same once case, punctuation and spacing are ignored.
    SameContent,
    /// The estimated Jaccard similarity of the two bodies' word 5-grams, 0.0 to 1.0.
    NearDuplicate(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The key the earlier article was inserted under.
    pub key: String,
    pub kind: DuplicateKind,
}

/// What is kept of each inserted article: enough to compare, not the text.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    signature: Signature,
}

/// The articles seen so far, to check new ones against. Comparison is a linear scan of
/// MinHash signatures (1 KiB each), ample for the thousands of articles on one event.
#[derive(Debug, Default)]
pub struct DupIndex {
    entries: Vec<Entry>,
    by_url: HashMap<String, usize>,
    by_fingerprint: HashMap<String, usize>,
}

impl DupIndex {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Remembers `article` under `key`. A key, URL or text seen before keeps pointing at
    /// the first article that had it.
    pub fn insert(&mut self, key: impl Into<String>, article: &Article) {
        let index = self.entries.len();
        if let Some(url) = url_key(article) {
            self.by_url.entry(url).or_insert(index);
        }
        if let Some(fp) = fingerprint(article) {
            self.by_fingerprint.entry(fp).or_insert(index);
        }
        self.entries.push(Entry {
            key: key.into(),
            signature: Signature::of(&Words::of(&article.paragraphs)),
        });
    }

    /// The earlier article this one duplicates, if any: the same URL first, then the same
    /// text, then the most similar near-duplicate.
    pub fn check(&self, article: &Article) -> Option<Duplicate> {
        let found = |index: usize, kind| {
            Some(Duplicate {
                key: self.entries[index].key.clone(),
                kind,
            })
        };
        if let Some(&index) = url_key(article).and_then(|u| self.by_url.get(&u)) {
            return found(index, DuplicateKind::SameUrl);
        }
        if let Some(&index) = fingerprint(article).and_then(|fp| self.by_fingerprint.get(&fp)) {
            return found(index, DuplicateKind::SameContent);
        }
        let signature = Signature::of(&Words::of(&article.paragraphs));
        let (index, similarity) = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| signature.near_duplicate(&e.signature).map(|s| (i, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        found(index, DuplicateKind::NearDuplicate(similarity as f32))
    }
}

/// Partitions `articles` into groups of copies of one story (same URL, same text or
/// near-duplicate, transitively). Every index appears in exactly one group; groups are in
/// order of their first member and members in ascending order.
pub fn group(articles: &[Article]) -> Vec<Vec<usize>> {
    let keys: Vec<Keys> = articles
        .iter()
        .map(|a| Keys::of(a.url.as_deref(), &a.paragraphs))
        .collect();
    group_keys(&keys)
}

/// What grouping compares of one text: its address, the hash of its words and its
/// MinHash signature. Computing them is most of grouping's work, and each text's are its
/// own, so a build computes them on any thread while it indexes, and groups at the end.
#[derive(Debug, Clone)]
pub struct Keys {
    url: Option<String>,
    print: Option<u128>,
    signature: Signature,
}

impl Keys {
    pub fn of(url: Option<&str>, paragraphs: &[String]) -> Keys {
        let words = Words::of(paragraphs);
        Keys {
            url: url.map(normal_url),
            print: words.print(),
            signature: Signature::of(&words),
        }
    }
}

/// [`group`] over keys computed beforehand.
pub fn group_keys(keys: &[Keys]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    let join = |parent: &mut Vec<usize>, i: usize, j: usize| {
        let (a, b) = (find(parent, i), find(parent, j));
        parent[a.max(b)] = a.min(b);
    };
    // Same URL or same content: exact keys, each joined to the first text that has it.
    let mut first_url: HashMap<&str, usize> = HashMap::new();
    let mut first_print: HashMap<u128, usize> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(url) = k.url.as_deref() {
            let first = *first_url.entry(url).or_insert(i);
            join(&mut parent, i, first);
        }
        if let Some(print) = k.print {
            let first = *first_print.entry(print).or_insert(i);
            join(&mut parent, i, first);
        }
    }
    // Near-duplicates: only pairs that share a band of their MinHash signature are
    // compared (locality-sensitive hashing), so grouping stays near-linear on a large
    // corpus. With bands of two rows, a pair at the lowest similarity that counts
    // (Jaccard 0.25) shares a band with probability above 0.98. Buckets are visited in
    // the order of their keys, so a rebuild of the same corpus groups it the same way.
    let mut bucketed: Vec<(u64, u64, usize)> = Vec::with_capacity(keys.len());
    for band in 0..NUM_HASHES / BAND_ROWS {
        bucketed.clear();
        for (i, k) in keys.iter().enumerate() {
            if k.signature.shingles == 0 {
                continue;
            }
            let rows = &k.signature.mins[band * BAND_ROWS..(band + 1) * BAND_ROWS];
            bucketed.push((rows[0], rows[1], i));
        }
        bucketed.sort_unstable();
        for members in bucketed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if members.len() < 2 {
                continue;
            }
            // Each member is compared with one representative of each group already
            // found in the bucket, not with every other member: a thousand copies of
            // one story cost a thousand comparisons, not half a million.
            let mut representatives: Vec<usize> = Vec::new();
            for &(_, _, i) in members {
                let joined = representatives.iter().any(|&r| {
                    find(&mut parent, i) == find(&mut parent, r)
                        || (keys[i]
                            .signature
                            .near_duplicate(&keys[r].signature)
                            .is_some()
                            && {
                                join(&mut parent, i, r);
                                true
                            })
                });
                if !joined && representatives.len() < MAX_REPRESENTATIVES {
                    representatives.push(i);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot_of_root: HashMap<usize, usize> = HashMap::new();
    for i in 0..keys.len() {
        let root = find(&mut parent, i);
        let slot = *slot_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(i);
    }
    groups
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The estimated Jaccard similarity of two articles' bodies, 0.0 to 1.0.
pub fn similarity(a: &Article, b: &Article) -> f32 {
    Signature::of(&Words::of(&a.paragraphs)).jaccard(&Signature::of(&Words::of(&b.paragraphs)))
        as f32
}

/// SHA-256 (hex) of the body text with case, punctuation and spacing removed; `None` for
/// an article without text.
pub fn fingerprint(article: &Article) -> Option<String> {
    Words::of(&article.paragraphs).fingerprint()
}

fn url_key(article: &Article) -> Option<String> {
    article.url.as_deref().map(normal_url)
}

fn normal_url(url: &str) -> String {
    super::url::normalise(url).unwrap_or_else(|_| url.trim().to_owned())
}

/// The lower-cased words of a body, runs of letters and digits, in one buffer.
struct Words {
    text: String,
    ends: Vec<usize>,
}

impl Words {
    fn of(paragraphs: &[String]) -> Words {
        // Room for the whole text and a word in every four bytes of it: no growing and
        // copying as the words come.
        let bytes: usize = paragraphs.iter().map(String::len).sum();
        let mut words = Words {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(bytes / 4),
        };
        for word in paragraphs
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
        {
            if word.is_ascii() {
                let start = words.text.len();
                words.text.push_str(word);
                words.text[start..].make_ascii_lowercase();
            } else {
                words.text.push_str(&word.to_lowercase());
            }
            words.ends.push(words.text.len());
        }
        words
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// Each word's own hash, so that a shingle's hash combines a few numbers rather
    /// than reading its words' bytes again.
    fn hashes(&self) -> Vec<u64> {
        (0..self.len())
            .map(|i| hash64(self.get(i).as_bytes()))
            .collect()
    }

    /// The 128-bit XXH3 of the words and where each ends: equal for the same words in
    /// the same order. Grouping only compares these within one build, so a fast hash that is
    /// stable and, at 128 bits, never equal by chance for different texts will do.
    fn print(&self) -> Option<u128> {
        if self.len() == 0 {
            return None;
        }
        let mut hasher = Xxh3Default::new();
        hasher.update(&(self.text.len() as u64).to_le_bytes());
        hasher.update(self.text.as_bytes());
        for &end in &self.ends {
            hasher.update(&(end as u64).to_le_bytes());
        }
        Some(hasher.digest128())
    }

    fn fingerprint(&self) -> Option<String> {
        if self.len() == 0 {
            return None;
        }
        let mut hasher = Sha256::new();
        for i in 0..self.len() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(self.get(i).as_bytes());
        }
        let digest = hasher.finalize();
        Some(digest.iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// Each hash function's least value over the shingles. Hash function i is
/// (h ^ SEEDS[i]) * MULTIPLIERS[i]: h is already mixed, and an odd multiplier carries every
/// bit into the high bits a minimum compares first.
fn minimums(shingles: &[u64]) -> Box<[u64; NUM_HASHES]> {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512dq") {
        // SAFETY: the processor has the features `minimums_avx512` is compiled for.
        return unsafe { minimums_avx512(shingles) };
    }
    minimums_portable(shingles)
}

/// [`minimums_portable`] compiled for AVX-512, which multiplies and compares eight 64-bit
/// lanes at once where the baseline instruction set does one: the same values, in a
/// fraction of the time of the build's largest piece of duplicate detection.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn minimums_avx512(shingles: &[u64]) -> Box<[u64; NUM_HASHES]> {
    minimums_portable(shingles)
}

/// Four shingles at a time: each function's seed, multiplier and minimum are read and
/// written once for the four, not once for each.
#[inline(always)]
fn minimums_portable(shingles: &[u64]) -> Box<[u64; NUM_HASHES]> {
    let mut mins = Box::new([u64::MAX; NUM_HASHES]);
    let mut fours = shingles.chunks_exact(4);
    for four in &mut fours {
        for ((min, seed), by) in mins.iter_mut().zip(SEEDS.iter()).zip(MULTIPLIERS.iter()) {
            let hash = |h: u64| (h ^ seed).wrapping_mul(*by);
            let least = hash(four[0])
                .min(hash(four[1]))
                .min(hash(four[2]))
                .min(hash(four[3]));
            *min = (*min).min(least);
        }
    }
    for &h in fours.remainder() {
        for ((min, seed), by) in mins.iter_mut().zip(SEEDS.iter()).zip(MULTIPLIERS.iter()) {
            *min = (*min).min((h ^ seed).wrapping_mul(*by));
        }
    }
    mins
}

/// A 64-bit FNV-1a hash with a final avalanche, stable across builds and platforms.
pub(crate) fn hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The splitmix64 finaliser: spreads every input bit over the output.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[derive(Debug, Clone)]
struct Signature {
    mins: Box<[u64; NUM_HASHES]>,
    /// Number of distinct shingles, to estimate containment.
    shingles: usize,
}

impl Signature {
    fn of(words: &Words) -> Self {
        let word_hashes = words.hashes();
        // A shingle is its words in order: each word's hash, rotated by its place.
        let shingle = |run: &[u64]| {
            let h = run
                .iter()
                .enumerate()
                .fold(0u64, |h, (i, w)| h ^ w.rotate_left(13 * i as u32));
            mix(h)
        };
        let mut shingle_hashes: Vec<u64> = if word_hashes.len() < SHINGLE_WORDS {
            if word_hashes.is_empty() {
                Vec::new()
            } else {
                vec![shingle(&word_hashes)]
            }
        } else {
            word_hashes.windows(SHINGLE_WORDS).map(shingle).collect()
        };
        shingle_hashes.sort_unstable();
        shingle_hashes.dedup();
        let mins = minimums(&shingle_hashes);
        Signature {
            mins,
            shingles: shingle_hashes.len(),
        }
    }

    fn jaccard(&self, other: &Signature) -> f64 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        let equal = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / NUM_HASHES as f64
    }

    /// The Jaccard estimate if the two texts are copies of one story.
    fn near_duplicate(&self, other: &Signature) -> Option<f64> {
        let j = self.jaccard(other);
        let smaller = self.shingles.min(other.shingles);
        if smaller == 0 {
            return None;
        }
        if smaller < SHORT_TEXT_SHINGLES {
            return (j >= SHORT_TEXT_THRESHOLD).then_some(j);
        }
        // |A∩B| = J·|A∪B| and |A∪B| = |A| + |B| − |A∩B|.
        let intersection = j * (self.shingles + other.shingles) as f64 / (1.0 + j);
        let containment = (intersection / smaller as f64).min(1.0);
        let copy = j >= JACCARD_THRESHOLD
            || (containment >= CONTAINMENT_THRESHOLD && j >= CONTAINMENT_MIN_JACCARD);
        copy.then_some(j)
    }
}

/// One seed per MinHash function, fixed so that signatures are comparable across runs.
static SEEDS: [u64; NUM_HASHES] = {
    let mut seeds = [0u64; NUM_HASHES];
    let mut state: u64 = 0x5eed_b01d_face_cafe;
    let mut i = 0;
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

/// One odd multiplier per MinHash function.
static MULTIPLIERS: [u64; NUM_HASHES] = {
    let mut by = [0u64; NUM_HASHES];
    let mut i = 0;
    while i < NUM_HASHES {
        let mut z = SEEDS[i].wrapping_add(0x632b_e59b_d9b4_e019);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        by[i] = (z ^ (z >> 31)) | 1;
        i += 1;
    }
    by
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimums_are_the_same_on_every_instruction_set() {
        let shingles: Vec<u64> = (0..1_003u64).map(|i| mix(i * 7 + 1)).collect();
        for n in [0, 1, 3, 4, 5, 64, 1_003] {
            let portable = minimums_portable(&shingles[..n]);
            assert_eq!(minimums(&shingles[..n]), portable, "{n} shingles");
        }
    }

    #[test]
    fn the_words_key_is_equal_for_the_same_words_in_the_same_order_only() {
        let print = |paragraphs: &[&str]| {
            let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
            Words::of(&paragraphs).print()
        };
        assert_eq!(print(&["Talks, resumed."]), print(&["talks RESUMED"]));
        assert_eq!(print(&["talks", "resumed"]), print(&["talks resumed"]));
        assert_ne!(print(&["talks resumed"]), print(&["talksre sumed"]));
        assert_ne!(print(&["talks resumed"]), print(&["resumed talks"]));
        assert_eq!(print(&[" ,. "]), None);
    }

    /// The syndication fixtures: a wire story, its copies, and other stories on the event.
    fn fixtures() -> HashMap<String, Article> {
        let (articles, errors) = super::super::jsonl::parse(include_str!(
            "../../tests/fixtures/ingest/syndication.jsonl"
        ));
        assert!(errors.is_empty(), "{errors:?}");
        articles
            .into_iter()
            .map(|a| (a.url.clone().unwrap(), a))
            .collect()
    }

    fn get<'a>(all: &'a HashMap<String, Article>, suffix: &str) -> &'a Article {
        all.iter()
            .find(|(url, _)| url.ends_with(suffix))
            .map(|(_, a)| a)
            .unwrap()
    }

    #[test]
    fn a_syndicated_copy_with_another_headline_and_boilerplate_is_a_near_duplicate() {
        let all = fixtures();
        let wire = get(&all, "wire-original");
        let copy = get(&all, "republished-with-boilerplate");
        assert_ne!(wire.title, copy.title);
        assert_ne!(wire.paragraphs.len(), copy.paragraphs.len());
        let mut index = DupIndex::new();
        index.insert("wire", wire);
        let dup = index.check(copy).expect("the copy is found");
        assert_eq!(dup.key, "wire");
        let DuplicateKind::NearDuplicate(s) = dup.kind else {
            panic!("{dup:?}")
        };
        assert!(s > 0.6 && s < 1.0, "similarity {s}");
    }

    #[test]
    fn a_trimmed_copy_is_a_near_duplicate() {
        let all = fixtures();
        let mut index = DupIndex::new();
        index.insert("wire", get(&all, "wire-original"));
        let trimmed = get(&all, "trimmed");
        let dup = index.check(trimmed).expect("trimmed copy found");
        assert!(
            matches!(dup.kind, DuplicateKind::NearDuplicate(_)),
            "{dup:?}"
        );
    }

    #[test]
    fn different_stories_on_the_same_event_are_not_duplicates() {
        let all = fixtures();
        let mut index = DupIndex::new();
        index.insert("wire", get(&all, "wire-original"));
        for other in ["other-story-ministry", "other-story-analysis"] {
            let article = get(&all, other);
            assert_eq!(index.check(article), None, "{other}");
            let s = similarity(get(&all, "wire-original"), article);
            assert!(s < 0.2, "{other}: similarity {s}");
        }
    }

    #[test]
    fn same_text_is_same_content_and_same_link_is_same_url() {
        let all = fixtures();
        let wire = get(&all, "wire-original");
        let mut index = DupIndex::new();
        index.insert("wire", wire);

        let mut reformatted = wire.clone();
        reformatted.url = Some("https://elsewhere.example/x".into());
        reformatted.title = "Another headline".into();
        reformatted.paragraphs = vec![wire.paragraphs.join("  ").to_uppercase()];
        let dup = index.check(&reformatted).unwrap();
        assert_eq!(dup.kind, DuplicateKind::SameContent);

        let mut same_link = get(&all, "other-story-ministry").clone();
        same_link.url = Some(format!(
            "{}?utm_source=twitter#top",
            wire.url.as_deref().unwrap()
        ));
        assert_eq!(
            index.check(&same_link).unwrap().kind,
            DuplicateKind::SameUrl
        );
    }

    #[test]
    fn grouping_puts_copies_together_and_keeps_other_stories_apart() {
        let all = fixtures();
        let order = [
            "wire-original",
            "other-story-ministry",
            "republished-with-boilerplate",
            "other-story-analysis",
            "trimmed",
        ];
        let articles: Vec<Article> = order.iter().map(|s| get(&all, s).clone()).collect();
        assert_eq!(group(&articles), vec![vec![0, 2, 4], vec![1], vec![3]]);
        assert!(group(&[]).is_empty());
    }

    #[test]
    fn short_or_empty_texts_are_not_matched_by_accident() {
        let a = Article {
            paragraphs: vec!["Talks resumed on Monday.".into()],
            ..Article::default()
        };
        let b = Article {
            paragraphs: vec!["Talks stalled on Monday.".into()],
            ..Article::default()
        };
        let empty = Article::default();
        let mut index = DupIndex::new();
        index.insert("a", &a);
        index.insert("empty", &empty);
        assert_eq!(index.check(&b), None);
        assert_eq!(index.check(&Article::default()), None);
        assert_eq!(fingerprint(&empty), None);
    }
}
