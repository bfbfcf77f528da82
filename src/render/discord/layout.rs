//! Laying out a page: the drafted blocks under the headings that change between them, a
//! citation field for each source they mark, the footer with the request and the index's
//! date, and the safety net that cuts whatever still breaks one of Discord's limits.

use std::fmt::Write;

use super::draft::{Block, Draft};
use super::escape::{escape, safe_url};
use super::fit::{count, cut, fit, fit_rendered};
use super::{Budget, Context, Embed, Field, REQUEST_LINE, limits};
use crate::answer::{Answer, Citation};

/// One page: the blocks under their headings, and a field for each citation they mark.
pub(super) fn lay_out(answer: &Answer, draft: &Draft, budget: Budget, footer: String) -> Embed {
    let citations: Vec<&Citation> = answer.citations();
    let mut description = String::new();
    let mut fields = Vec::new();
    let mut cited: Vec<usize> = Vec::new();
    let mut above: &[String] = &[];
    for block in &draft.blocks {
        description.push_str(&block_text(block, above, description.is_empty()));
        above = &block.headings;
        for &n in &block.cites {
            if cited.contains(&n) {
                continue;
            }
            cited.push(n);
            if let Some(c) = citations.iter().find(|c| c.n == n) {
                fields.push(citation_field(c, draft.quote_in_fields, budget));
            }
        }
    }
    if description.is_empty() {
        description = draft.empty.clone();
    }
    Embed {
        title: fit(&draft.title, limits::TITLE, escape),
        url: None,
        description,
        fields,
        footer,
    }
}

/// `[1] Title` over the quote (when asked for), outlet, date, paragraph and a link or the
/// source's path.
fn citation_field(c: &Citation, quote: bool, budget: Budget) -> Field {
    let name = fit(&c.title, budget.title, escape);
    let mut value = String::new();
    if quote {
        let _ = writeln!(value, "> {}", fit(&c.excerpt, budget.quote, escape));
    }
    let mut source = String::from("— ");
    if let Some(outlet) = &c.outlet {
        let _ = write!(source, "{}, ", fit(outlet, budget.name, escape));
    }
    if let Some(date) = c.published {
        let _ = write!(source, "{date}, ");
    }
    let _ = write!(source, "paragraph {}", c.paragraph);
    match c.url.as_deref().and_then(safe_url) {
        Some(url) => {
            let _ = write!(source, " · [link]({url})");
        }
        None => {
            let _ = write!(source, " · {}", fit(&c.source, budget.name, escape));
        }
    }
    value.push_str(&source);
    if !c.also_in.is_empty() {
        let outlets = c.also_in.join(", ");
        let _ = write!(value, "\nalso in: {}", fit(&outlets, budget.name, escape));
    }
    Field {
        name: format!("[{}] {name}", c.n),
        value: fit_rendered(value, limits::FIELD_VALUE),
        inline: false,
    }
}

pub(super) fn footer_base(answer: &Answer, ctx: &Context) -> String {
    let request = cut(ctx.request, REQUEST_LINE);
    let sources = match answer.source_count() {
        0 => String::new(),
        1 => "1 source · ".into(),
        n => format!("{n} sources · "),
    };
    format!("{request}\n{sources}index built {}", ctx.index_date)
}

/// The block's line, with the headings that differ from the ones above it (all of them at
/// the top of a page).
fn block_text(block: &Block, above: &[String], page_start: bool) -> String {
    let first_new = if page_start {
        0
    } else {
        block
            .headings
            .iter()
            .zip(above)
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut lines = Vec::new();
    for (level, heading) in block.headings.iter().enumerate().skip(first_new) {
        if level == 0 && !page_start {
            lines.push("");
        }
        lines.push(heading.as_str());
    }
    lines.push(&block.text);
    let text = lines.join("\n");
    if page_start {
        text
    } else {
        format!("\n{text}")
    }
}

/// The safety net under the packing: cuts or drops whatever still breaks a limit.
pub(super) fn enforce_limits(embed: &mut Embed) {
    embed.title = fit_rendered(std::mem::take(&mut embed.title), limits::TITLE);
    embed.footer = fit_rendered(std::mem::take(&mut embed.footer), limits::FOOTER);
    embed.description = fit_rendered(std::mem::take(&mut embed.description), limits::DESCRIPTION);
    embed.fields.truncate(limits::FIELDS);
    for field in &mut embed.fields {
        field.name = fit_rendered(std::mem::take(&mut field.name), limits::FIELD_NAME);
        field.value = fit_rendered(std::mem::take(&mut field.value), limits::FIELD_VALUE);
    }
    while embed.chars() > limits::EMBED_TOTAL && embed.fields.pop().is_some() {}
    let over = embed.chars().saturating_sub(limits::EMBED_TOTAL);
    if over > 0 {
        let keep = count(&embed.description).saturating_sub(over);
        embed.description = fit_rendered(std::mem::take(&mut embed.description), keep);
    }
    if embed.description.trim().is_empty() {
        embed.description = "—".into();
    }
}
