use crate::article::Article;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::rules::{Example, Rule, RuleMeta};
use rustc_hash::FxHashMap as HashMap;
use similar::TextDiff;

const HELP: &str = "
What it does: flags a headline, line, sentence or paragraph that repeats an earlier one verbatim
or nearly so (90% of its words the same, in order), a sentence found whole inside a longer
earlier one, and a sentence that restates an earlier one with only its filler changed
(“Austria, which has no nuclear plants, has long opposed the project, officials noted.” after
“Neighbouring Austria, which has no nuclear plants, has long opposed the project.”): 85% of the
shorter one's content words (six at least), in the same order; hedges and attributions (“about”,
“the PCG said”, “according to”) do not count. Only prose is compared for restatements. A clause
(split at “, and”, “, but”, “;” or a dash) that restates a clause of an earlier sentence the same
way is flagged too, though the rest of the two sentences differs (“Ethiopia is Africa's biggest
coffee producer and the fifth-largest in the world, and most of its coffee …” after “Ethiopia is
Africa's largest coffee producer and the fifth-largest in the world, and the crop …”).

Why: copy-paste from a CMS and page scrapes repeat the headline in the body, or a caption or a
paragraph twice; readers notice at once.

Example: a headline line repeated under the dateline. Short lines (under five words) are not
compared: “Share” or “Advertisement” twice is residue, which the residue rules report.

Fix (unsafe): delete the repeat.";

/// Units shorter than this many words are not compared.
const MIN_WORDS: usize = 5;
/// Near duplicates need this many words and this word-level similarity.
const NEAR_MIN_WORDS: usize = 8;
const NEAR_RATIO: f32 = 0.9;
/// How many earlier sentences each min-hash bucket remembers.
const BUCKET: usize = 32;

/// A sentence of at least this many words found whole inside a longer earlier one is a repeat
/// (“A court … for taking bribes.” after the lead “A court … for taking bribes from …”).
const CONTAINED_MIN_WORDS: usize = 7;
/// Word runs indexed to find containing sentences.
const SHINGLE: usize = 4;
/// Marks a repeat found by containment (not a similarity).
const PART: f32 = -1.0;
/// Marks a later sentence that repeats a whole earlier one and adds to it.
const EXTENDED: f32 = -2.0;

/// The hash of each run of `n` consecutive words of a normalised sentence.
fn word_run_hashes(norm: &str, n: usize, mut each: impl FnMut(u64)) {
    use std::hash::BuildHasher;
    if norm.is_empty() {
        return;
    }
    let build = rustc_hash::FxBuildHasher;
    // Start of each word; a run of n words ends where word k + n starts (minus the space).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(spaces(norm).map(|i| i + 1))
        .collect();
    for k in 0..starts.len().saturating_sub(n - 1) {
        let end = starts.get(k + n).map_or(norm.len(), |&s| s - 1);
        each(build.hash_one(&norm[starts[k]..end]));
    }
}

/// The offsets of the spaces in a normalised sentence (a byte loop: its words are short, and
/// `str::split(' ')` calls `memchr` once per word).
fn spaces(norm: &str) -> impl Iterator<Item = usize> + '_ {
    norm.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b' ').then_some(i))
}

/// The words of a normalised sentence (split at its single spaces).
fn words_of(norm: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    spaces(norm)
        .chain(std::iter::once(norm.len()))
        .map(move |end| {
            let w = &norm[start..end];
            start = end + 1;
            w
        })
}

/// The first `n` words of a normalised sentence.
fn first_run(norm: &str, n: usize) -> Option<&str> {
    let end = spaces(norm).nth(n - 1).unwrap_or(norm.len());
    (spaces(&norm[..end]).count() == n - 1).then(|| &norm[..end])
}

/// Does `hay` contain `needle` as whole words?
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let end = i + needle.len();
        (i == 0 || hay.as_bytes()[i - 1] == b' ')
            && (end == hay.len() || hay.as_bytes()[end] == b' ')
    })
}

/// The earlier, longer sentence that contains sentence `j` word for word, if any.
fn contained_in_earlier(
    norms: &[String],
    words: &[usize],
    shingles: &[(u64, usize)],
    j: usize,
) -> Option<usize> {
    use std::hash::BuildHasher;
    let first = first_run(&norms[j], SHINGLE)?;
    let key = rustc_hash::FxBuildHasher.hash_one(first);
    let needle = norms[j].as_str();
    let from = shingles.partition_point(|&(h, _)| h < key);
    shingles[from..]
        .iter()
        .take_while(|&&(h, _)| h == key)
        .take(BUCKET)
        .map(|&(_, i)| i)
        .find(|&i| i < j && words[i] > words[j] && contains_words(&norms[i], needle))
}

/// The two smallest hashes of a sentence's words.
fn min_hashes(norm: &str) -> Vec<u64> {
    use std::hash::BuildHasher;
    let build = rustc_hash::FxBuildHasher;
    // The two smallest distinct hashes, without sorting every word's.
    let (mut a, mut b) = (u64::MAX, u64::MAX);
    for w in words_of(norm) {
        let h = build.hash_one(w);
        if h < a {
            b = a;
            a = h;
        } else if h < b && h != a {
            b = h;
        }
    }
    [a, b].into_iter().filter(|&h| h != u64::MAX).collect()
}

pub struct RepeatedText {
    meta: RuleMeta,
}

impl RepeatedText {
    pub fn new() -> Self {
        RepeatedText {
            meta: super::super::meta(
                "duplicate/repeated-text",
                Severity::Warning,
                "A headline, sentence or paragraph repeated in the article",
                HELP,
                vec![
                    Example::flag("Floods Force Thousands From Homes in Valencia\n\nMarch 7, 2024\nFloods Force Thousands From Homes in Valencia\n\nRain fell for days."),
                    Example::flag("The river burst its banks on Tuesday night near the old bridge. Rescuers arrived. The river burst its banks on Tuesday night near the old bridge."),
                    Example::flag("Ethiopia is Africa's largest coffee producer and the fifth-largest in the world, and the crop feeds five million households. Exports rose. Ethiopia is Africa's biggest coffee producer and the fifth-largest in the world, and most of it is grown on small plots."),
                    Example::pass("Ethiopia is Africa's largest coffee producer, officials said. Kenya is Africa's largest tea exporter and the third-largest in the world, and most of its tea goes to Pakistan."),
                    Example::flag("Police said the crowd of about two thousand people dispersed peacefully by the evening.\n\nPolice said the crowd of about 2,000 people dispersed peacefully by the evening."),
                    Example::flag("Mediterranean leaders pledge joint plan against drought - International\n\nMediterranean leaders pledge joint plan against drought\n\nThe talks began."),
                    Example::flag("A court on Monday sentenced the former head of the transport company to four years for taking bribes from suppliers. He denies it. A court on Monday sentenced the former head of the transport company to four years for taking bribes."),
                    Example::flag("The judges found that the terms did not explain when prices could change. Customers will be repaid. The judges found that the terms did not explain when prices could change, and that customers could not foresee it."),
                    Example::pass("The court met on Monday. The court met on Monday and Tuesday, its clerk said, to hear both sides."),
                    Example::pass("The minister resigned on Friday after a week of protests. The minister resigned on Friday, the agency said, after a week of protests."),
                    Example::pass("Share\n\nThe minister resigned on Friday after a week of protests.\n\nShare"),
                    Example::pass("The minister resigned on Friday after a week of protests. The minister's deputy resigned on Saturday after a month of silence."),
                    Example::flag("Neighbouring Austria, which has no nuclear power plants, has long opposed the project. Its ministry will study the ruling. Austria, which has no nuclear power plants, has long opposed the project, officials noted."),
                    Example::flag("All passengers were accounted for and no fatalities were recorded, the coast guard said. Divers searched the hull. All passengers were accounted for and no fatalities were recorded, according to the coast guard."),
                    Example::pass("Floods killed 12 people in Valencia on Tuesday, officials said. The 12 people killed on Tuesday in Valencia were mostly elderly, the floods having struck at night."),
                    Example::pass("The plant will employ 2,300 workers from the region next year. The plant will also train 300 apprentices from the region next year."),
                ],
            ),
        }
    }
}

impl Default for RepeatedText {
    fn default() -> Self {
        Self::new()
    }
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

impl Rule for RepeatedText {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, article: &Article, out: &mut Vec<Diagnostic>) {
        let norms: Vec<String> = article
            .sentences
            .iter()
            .map(|s| normalise(article.slice(s.span)))
            .collect();
        let words: Vec<usize> = norms
            .iter()
            .map(|n| words_of(n).filter(|w| !w.is_empty()).count())
            .collect();
        // Each sentence's words, sorted: built only for sentences that are compared.
        let mut bags: Vec<Option<Vec<&str>>> = vec![None; norms.len()];
        fn bag<'n>(bags: &mut [Option<Vec<&'n str>>], norms: &'n [String], k: usize) {
            if bags[k].is_none() {
                let mut v: Vec<&str> = words_of(&norms[k]).collect();
                v.sort_unstable();
                bags[k] = Some(v);
            }
        }
        let mut first_seen: HashMap<&str, usize> = HashMap::default();
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::default();
        // For each sentence, the earlier sentence it repeats and the similarity.
        let mut repeats: Vec<Option<(usize, f32)>> = vec![None; norms.len()];
        for (j, n) in norms.iter().enumerate() {
            if words[j] < MIN_WORDS {
                continue;
            }
            if let Some(&i) = first_seen.get(n.as_str()) {
                repeats[j] = Some((i, 1.0));
                continue;
            }
            first_seen.insert(n.as_str(), j);
            if words[j] < NEAR_MIN_WORDS {
                continue;
            }
            // Candidates: earlier sentences sharing one of this sentence's two smallest word
            // hashes (a min-hash: near duplicates almost always do). Each bucket keeps its most
            // recent entries only, so the check stays linear on any input.
            let keys = min_hashes(n);
            let mut candidates: Vec<usize> = keys
                .iter()
                .filter_map(|k| buckets.get(k))
                .flat_map(|b| b.iter().copied())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for k in keys {
                let b = buckets.entry(k).or_default();
                if b.len() >= BUCKET {
                    b.remove(0);
                }
                b.push(j);
            }
            for i in candidates {
                if words[i] < NEAR_MIN_WORDS || repeats[i].is_some() {
                    continue;
                }
                let (a, b) = (words[i] as f32, words[j] as f32);
                if a.min(b) / a.max(b) < NEAR_RATIO {
                    continue;
                }
                // Cheap check first: most of the words must be shared.
                bag(&mut bags, &norms, i);
                bag(&mut bags, &norms, j);
                let (Some(bj), Some(bi)) = (&bags[j], &bags[i]) else {
                    continue;
                };
                let shared = bj.iter().filter(|w| bi.binary_search(w).is_ok()).count();
                if (shared as f32) < NEAR_RATIO * 0.8 * a.max(b) {
                    continue;
                }
                let ratio = TextDiff::from_words(norms[i].as_str(), n.as_str()).ratio();
                if ratio >= NEAR_RATIO {
                    repeats[j] = Some((i, ratio));
                    break;
                }
            }
        }
        // Sentences found whole inside a longer earlier one. Every run of SHINGLE words → the
        // sentences it occurs in (the first BUCKET only, so the pass stays linear).
        // Every run of SHINGLE words of a longer sentence, as (hash, sentence), sorted: the
        // sentences a run occurs in are a slice (the first BUCKET are tried, so the pass stays
        // linear). Only a longer sentence can contain another.
        let mut shingles: Vec<(u64, usize)> = Vec::new();
        for (j, n) in norms.iter().enumerate() {
            if words[j] > CONTAINED_MIN_WORDS {
                word_run_hashes(n, SHINGLE, |sh| shingles.push((sh, j)));
            }
        }
        shingles.sort_unstable();
        shingles.dedup();
        for j in 0..norms.len() {
            if repeats[j].is_none() && words[j] >= CONTAINED_MIN_WORDS {
                if let Some(i) = contained_in_earlier(&norms, &words, &shingles, j) {
                    repeats[j] = Some((i, PART));
                }
            }
        }
        // A later sentence that repeats a whole earlier one and adds to it (“The judges found
        // that … changed.” then “The judges found that … changed, and that …”). Each earlier
        // sentence is found by the hash of its first words among the later one's word runs.
        let mut firsts: Vec<(u64, usize)> = (0..norms.len())
            .filter(|&i| words[i] >= CONTAINED_MIN_WORDS && repeats[i].is_none())
            .filter_map(|i| {
                use std::hash::BuildHasher;
                first_run(&norms[i], SHINGLE).map(|f| (rustc_hash::FxBuildHasher.hash_one(f), i))
            })
            .collect();
        firsts.sort_unstable();
        for j in 0..norms.len() {
            if repeats[j].is_some() || words[j] <= CONTAINED_MIN_WORDS {
                continue;
            }
            let mut found = None;
            word_run_hashes(&norms[j], SHINGLE, |h| {
                if found.is_some() {
                    return;
                }
                let from = firsts.partition_point(|&(k, _)| k < h);
                found = firsts[from..]
                    .iter()
                    .take_while(|&&(k, _)| k == h)
                    .take(BUCKET)
                    .map(|&(_, i)| i)
                    .find(|&i| {
                        i < j && words[i] < words[j] && contains_words(&norms[j], &norms[i])
                    });
            });
            if let Some(i) = found {
                repeats[j] = Some((i, EXTENDED));
            }
        }
        let contents = restatements(article, &norms, &mut repeats);
        self.restated_clauses(article, &repeats, &contents, out);
        // Merge runs: sentences j, j+1, … repeating i, i+1, … are one repeated passage.
        let mut j = 0;
        while j < repeats.len() {
            let Some((i, ratio)) = repeats[j] else {
                j += 1;
                continue;
            };
            let mut k = 0;
            let mut min_ratio = ratio;
            while j + k + 1 < repeats.len() {
                match repeats[j + k + 1] {
                    Some((i2, r)) if i2 == i + k + 1 && i + k + 1 < j => {
                        k += 1;
                        min_ratio = min_ratio.min(r);
                    }
                    _ => break,
                }
            }
            let span = Span::new(
                article.sentences[j].span.start,
                article.sentences[j + k].span.end,
            );
            let first = Span::new(
                article.sentences[i].span.start,
                article.sentences[i + k].span.end,
            );
            let what = if k > 0 { "passage" } else { "text" };
            let message = if min_ratio == RESTATED {
                format!("This {what} restates an earlier sentence in nearly the same words")
            } else if min_ratio == EXTENDED {
                format!("This {what} repeats an earlier sentence whole and adds to it")
            } else if min_ratio == PART {
                format!("This {what} repeats part of an earlier sentence")
            } else if min_ratio >= 1.0 {
                format!("This {what} repeats one earlier in the article")
            } else {
                format!(
                    "This {what} nearly repeats one earlier in the article ({:.0}% the same)",
                    min_ratio * 100.0
                )
            };
            let delete = extend_over_trailing_space(article, span);
            let d = Diagnostic::new(&self.meta.id, self.meta.severity, span, message)
                .with_related(first, "first occurrence")
                .with_help("Delete the repeat, or rewrite one of the two.");
            // Deleting a sentence that adds something would lose it: no fix then.
            out.push(if min_ratio == EXTENDED {
                d
            } else {
                d.with_fix(Fix::unsafe_(delete, ""))
            });
            j += k + 1;
        }
    }
}

/// Marks a sentence that restates an earlier one with its words reworded around the facts.
const RESTATED: f32 = -3.0;
/// A restatement needs this many content words in the shorter sentence.
const RESTATED_MIN_CONTENT: usize = 6;
/// A restated clause needs this many content words.
const CLAUSE_MIN_CONTENT: usize = 6;
/// Where a sentence splits into clauses for [`restated_clauses`].
const CLAUSE_BREAKS: &[&str] = &[", and ", ", but ", "; ", " – ", " — ", ", while "];

/// Words that carry no fact of their own: function words, hedges and attributions (“the PCG
/// said” / “according to the PCG”, “about” / “around”).
const FILLER: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "that",
    "which",
    "who",
    "it",
    "its",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "this",
    "these",
    "those",
    "there",
    "their",
    "they",
    "he",
    "she",
    "his",
    "her",
    "when",
    "while",
    "also",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "said",
    "says",
    "told",
    "added",
    "noted",
    "according",
    "officials",
    "official",
    "reported",
    "stated",
    "confirmed",
    "statement",
    "than",
    "more",
    "most",
    "all",
    "them",
    "then",
    "so",
    "if",
    "into",
    "after",
    "before",
];

/// The content words of a normalised sentence, as word hashes (compared as integers).
fn content_words(norm: &str) -> Vec<u64> {
    use std::hash::BuildHasher;
    static FILLER_HASHES: std::sync::OnceLock<rustc_hash::FxHashSet<u64>> =
        std::sync::OnceLock::new();
    let filler = FILLER_HASHES.get_or_init(|| {
        FILLER
            .iter()
            .map(|w| rustc_hash::FxBuildHasher.hash_one(w))
            .collect()
    });
    words_of(norm)
        .filter(|w| w.len() >= 2)
        .map(|w| rustc_hash::FxBuildHasher.hash_one(w))
        .filter(|h| !filler.contains(h))
        .collect()
}

/// Earlier units by content word, the most recent [`BUCKET`] per word (linear on any input).
#[derive(Default)]
struct WordIndex(HashMap<u64, Vec<usize>>);

impl WordIndex {
    /// The units that share one of the three rarest of `words` seen so far: a restatement
    /// shares nearly all its words, the rare ones with them. Sorted, without repeats.
    fn candidates(&self, words: &[u64]) -> Vec<usize> {
        let mut rare: Vec<(usize, u64)> = words
            .iter()
            .filter_map(|w| self.0.get(w).map(|b| (b.len(), *w)))
            .collect();
        rare.sort_unstable();
        rare.dedup_by_key(|r| r.1);
        let mut out: Vec<usize> = rare
            .iter()
            .take(3)
            .filter_map(|(_, w)| self.0.get(w))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Remember unit `id` under each of its `words`.
    fn add(&mut self, id: usize, words: &[u64]) {
        for w in words {
            let b = self.0.entry(*w).or_default();
            if b.last() == Some(&id) {
                continue;
            }
            if b.len() >= BUCKET {
                b.remove(0);
            }
            b.push(id);
        }
    }
}

/// Does one of two content-word lists restate the other: the shorter's words (85% of them) in
/// the longer's order, the longer twice as long at most?
fn restates(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = (a.len().min(b.len()), a.len().max(b.len()));
    2 * short >= long && 100 * lcs(a, b) >= 85 * short
}

/// Length of the longest common subsequence of two short word lists.
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (k, y) in b.iter().enumerate() {
            let up = row[k + 1];
            row[k + 1] = if x == y { diag + 1 } else { up.max(row[k]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// A later sentence that says what an earlier one said, in the same order, with only filler
/// changed: “Austria, which has no nuclear power plants, has long opposed the project, officials
/// noted.” after “Neighbouring Austria, which has no nuclear power plants, has long opposed the
/// project.” The shorter one's content words must follow the
/// longer one's order (85% of them, six at least), and the longer may be twice as long at most.
/// Returns each sentence's content words (empty for a sentence not read).
fn restatements(
    article: &Article,
    norms: &[String],
    repeats: &mut [Option<(usize, f32)>],
) -> Vec<Vec<u64>> {
    // Prose only: code, markup and lists repeat their shapes by design.
    let prose: Vec<bool> = article
        .sentences
        .iter()
        .map(|s| {
            let t = article.slice(s.span).trim_end();
            // A sentence, or a line of its own (a headline).
            let text = article.text.as_str();
            let whole_line = text[..s.span.start].ends_with('\n') | (s.span.start == 0)
                && text[s.span.end..].starts_with(['\n', '\r']) | (s.span.end == text.len());
            !t.contains([
                '{', '}', ';', '=', '<', '>', '`', '_', '#', '*', '/', '[', '|', '\n',
            ]) && (t.ends_with(['.', '!', '?', '"', '”']) || whole_line)
        })
        .collect();
    let contents: Vec<Vec<u64>> = norms
        .iter()
        .zip(&prose)
        .map(|(n, &p)| {
            // Too few words to hold six content words: not read.
            if p && n.bytes().filter(|&b| b == b' ').count() + 1 >= RESTATED_MIN_CONTENT {
                content_words(n)
            } else {
                Vec::new()
            }
        })
        .collect();
    // Each sentence's content words, sorted, for counting shared words.
    let sorted: Vec<Vec<u64>> = contents
        .iter()
        .map(|c| {
            let mut v = c.clone();
            v.sort_unstable();
            v
        })
        .collect();
    // Content word → the sentences it occurs in (most recent BUCKET only: linear on any input).
    let mut index = WordIndex::default();
    for (j, cj) in contents.iter().enumerate() {
        let long_enough = cj.len() >= RESTATED_MIN_CONTENT && cj.len() <= 60;
        if long_enough && repeats[j].is_none() {
            let candidates = index.candidates(cj);
            let mut best: Option<usize> = None;
            for i in candidates {
                let ci = &contents[i];
                let (short, long) = (ci.len().min(cj.len()), ci.len().max(cj.len()));
                if repeats[i].is_some() || short < RESTATED_MIN_CONTENT || 2 * short < long {
                    continue;
                }
                let n = cj
                    .iter()
                    .filter(|w| sorted[i].binary_search(w).is_ok())
                    .count();
                if 100 * n < 85 * short {
                    continue;
                }
                if restates(ci, cj) && best.is_none_or(|b| b > i) {
                    best = Some(i);
                }
            }
            if let Some(i) = best {
                repeats[j] = Some((i, RESTATED));
            }
        }
        if long_enough {
            index.add(j, &sorted[j]);
        }
    }
    contents
}

impl RepeatedText {
    /// A clause that restates a clause of an earlier sentence (85% of its content words, six
    /// at least, in order), when the sentences differ otherwise: “Ethiopia is Africa's biggest
    /// coffee producer and the fifth-largest in the world, and most of its coffee …” after
    /// “Ethiopia is Africa's largest coffee producer and the fifth-largest in the world, and the
    /// crop …”. Sentences already reported are left out.
    fn restated_clauses(
        &self,
        article: &Article,
        repeats: &[Option<(usize, f32)>],
        contents: &[Vec<u64>],
        out: &mut Vec<Diagnostic>,
    ) {
        // (sentence, span, content words) of each clause of the prose sentences.
        let mut units: Vec<(usize, Span, Vec<u64>)> = Vec::new();
        for (k, s) in article.sentences.iter().enumerate() {
            let text = article.slice(s.span);
            if text.contains(['{', '}', '=', '<', '>', '`', '|', '\n', '/', '*', '#'])
                || !text.ends_with(['.', '!', '?', '"', '”'])
            {
                continue;
            }
            // Too few content words for a clause of six.
            if contents
                .get(k)
                .is_some_and(|c| c.len() < CLAUSE_MIN_CONTENT)
            {
                continue;
            }
            // A sentence of one clause: its content words are read already.
            if !CLAUSE_BREAKS.iter().any(|b| text.contains(b)) {
                let c = contents.get(k).cloned().unwrap_or_default();
                if c.len() >= CLAUSE_MIN_CONTENT && c.len() <= 60 {
                    units.push((k, s.span, c));
                }
                continue;
            }
            let mut start = 0;
            let mut cuts: Vec<(usize, usize)> = CLAUSE_BREAKS
                .iter()
                .flat_map(|b| text.match_indices(b).map(|(i, m)| (i, i + m.len())))
                .collect();
            cuts.sort_unstable();
            cuts.push((text.len(), text.len()));
            for (at, next) in cuts {
                if at < start {
                    continue;
                }
                let span = Span::new(s.span.start + start, s.span.start + at);
                let content = content_words(&normalise(article.slice(span)));
                if content.len() >= CLAUSE_MIN_CONTENT && content.len() <= 60 {
                    units.push((k, span, content));
                }
                start = next;
            }
        }
        let mut index = WordIndex::default();
        let mut reported: Vec<usize> = Vec::new();
        for u in 0..units.len() {
            let (k, span, ref cu) = units[u];
            if repeats[k].is_none() && !reported.contains(&k) {
                let found = index.candidates(cu).into_iter().find(|&v| {
                    units[v].0 < k && repeats[units[v].0].is_none() && restates(&units[v].2, cu)
                });
                if let Some(v) = found {
                    reported.push(k);
                    out.push(
                        Diagnostic::new(
                            &self.meta.id,
                            self.meta.severity,
                            span,
                            "This clause restates part of an earlier sentence in nearly the same words",
                        )
                        .with_related(units[v].1, "first occurrence")
                        .with_help("Delete the repeat, or rewrite one of the two."),
                    );
                }
            }
            index.add(u, cu);
        }
    }
}

/// `span` plus the whitespace after it (so deleting it leaves no gap), up to the next text.
fn extend_over_trailing_space(article: &Article, span: Span) -> Span {
    let rest = &article.text[span.end..];
    let ws = rest.len() - rest.trim_start().len();
    // Keep one line break when the repeat ends a line and text follows.
    let ws_str = &rest[..ws];
    let keep = if ws < rest.len() && ws_str.contains('\n') {
        ws_str.len() - ws_str.find('\n').unwrap_or(0)
    } else {
        0
    };
    Span::new(span.start, span.end + ws - keep)
}
