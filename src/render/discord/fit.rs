//! Fitting text into a limit: counting characters as Discord does, and cutting raw text
//! before it is rendered (escaped, marked in bold) so that escapes and markup stay whole,
//! with an ellipsis where something was cut.

use std::fmt::Write;
use std::ops::Range;

use super::escape::escape;

/// Cuts `text` to `max` characters for a plain message (`content`), with an ellipsis.
pub fn cut(text: &str, max: usize) -> String {
    if count(text) <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

pub(super) fn count(text: &str) -> usize {
    text.chars().count()
}

/// `render(raw)`, with `raw` cut (and an ellipsis added) until the result is at most `max`
/// characters. Cutting the raw text before rendering keeps escapes and markup whole.
pub(super) fn fit(raw: &str, max: usize, render: impl Fn(&str) -> String) -> String {
    let full = render(raw);
    if count(&full) <= max {
        return full;
    }
    let mut keep = count(raw).min(max);
    loop {
        let cut: String = raw.chars().take(keep).collect();
        let out = render(&format!("{}…", cut.trim_end()));
        let n = count(&out);
        if n <= max {
            return out;
        }
        if keep == 0 {
            return fit_rendered(out, max);
        }
        keep = keep.saturating_sub((n - max).max(1));
    }
}

/// Cuts already rendered text at a character boundary; last resort, as it may split markup.
pub(super) fn fit_rendered(text: String, max: usize) -> String {
    if count(&text) <= max {
        return text;
    }
    cut(&text, max)
}

/// The excerpt escaped, its highlighted byte ranges in bold, cut to `max` characters.
pub(super) fn fit_marked(excerpt: &str, highlights: &[Range<usize>], max: usize) -> String {
    let render = |cut: &str| {
        // `cut` is a prefix of the excerpt, perhaps with an ellipsis: keep the ranges in it.
        let mut out = String::new();
        let mut at = 0;
        for range in highlights {
            let (Some(before), Some(word)) = (cut.get(at..range.start), cut.get(range.clone()))
            else {
                continue;
            };
            out.push_str(&escape(before));
            let _ = write!(out, "**{}**", escape(word));
            at = range.end;
        }
        out.push_str(&escape(cut.get(at..).unwrap_or("")));
        out
    };
    fit(excerpt, max, render)
}
