//! Answer -> Discord-shaped pages as plain data: an [`Embed`] per page with a title, the
//! answer with numbered citation markers, the citations as fields and a footer. It knows
//! Discord's limits and keeps every page within them, and it escapes Markdown and mentions
//! in everything a source wrote, so no source can format the bot's message or ping anyone.
//! The Discord adapter turns these structs into its client library's builders.
//!
//! A page shows a fixed number of items ([`PAGE_ITEMS`]), so page n needs only its own
//! items ([`page_window`]) and the list's length; items too long to fit together are
//! quoted shorter rather than pushed to another page.

mod draft;
mod embed;
mod escape;
mod fit;
mod layout;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use chrono::NaiveDate;

use crate::answer::{Answer, Window};
use crate::extract::Gazetteer;

use draft::draft;
pub use embed::{Embed, Field, LimitError};
pub use escape::{defuse_mentions, escape, safe_url};
use fit::count;
pub use fit::cut;
use layout::{enforce_limits, footer_base, lay_out};

/// Discord's limits, in characters unless said otherwise.
pub mod limits {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    /// Fields per embed.
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const AUTHOR: usize = 256;
    /// All the text of all the embeds of one message.
    pub const EMBED_TOTAL: usize = 6000;
    /// Embeds per message.
    pub const EMBEDS: usize = 10;
    /// A message's own text.
    pub const CONTENT: usize = 2000;
    pub const CUSTOM_ID: usize = 100;
    pub const BUTTON_LABEL: usize = 80;
    /// Autocomplete choices per answer, and characters per choice name or value.
    pub const CHOICES: usize = 25;
    pub const CHOICE: usize = 100;
}

/// How much of a page the answer itself may fill, so the citations fit beside it and a page
/// stays readable on a phone.
const PAGE_DESCRIPTION: usize = 3000;
/// Citation fields per page.
const PAGE_FIELDS: usize = 8;
/// One item of an answer (a passage, a claim, a statement) at most.
const BLOCK: usize = 1200;
/// A heading over items (a side, a status) at most.
const HEADING: usize = 200;
/// An excerpt quoted in a citation field at most.
const QUOTE: usize = 600;
/// The request line in the footer at most; longer ones are cut and cannot be replayed.
const REQUEST_LINE: usize = 1000;

/// Items of a long answer per page: each cites one source, and a page has room for as
/// many citation fields.
pub const PAGE_ITEMS: usize = PAGE_FIELDS;

/// How much of an item (and of its citation) a page quotes. A page whose items do not
/// fit at full length is drawn again with half, and so on.
#[derive(Debug, Clone, Copy)]
struct Budget {
    block: usize,
    quote: usize,
    name: usize,
    title: usize,
}

const BUDGETS: [Budget; 4] = {
    const fn half(b: Budget) -> Budget {
        Budget {
            block: b.block / 2,
            quote: b.quote / 2,
            name: b.name / 2,
            title: b.title / 2,
        }
    }
    let full = Budget {
        block: BLOCK,
        quote: QUOTE,
        name: HEADING,
        title: limits::FIELD_NAME - 12,
    };
    let a = half(full);
    let b = half(a);
    [full, a, b, half(b)]
};

/// What the renderer needs besides the answer.
pub struct Context<'a> {
    pub gazetteer: &'a Gazetteer,
    /// The day the answering index was built.
    pub index_date: NaiveDate,
    /// The command as asked, canonical (`/search query:ambush`); shown in the footer, where
    /// a page button finds it again to rebuild another page.
    pub request: &'a str,
}

/// The items page `page` (from 1) shows: what an answer must hold to render it.
pub fn page_window(page: usize) -> Window {
    Window {
        start: (page.max(1) - 1) * PAGE_ITEMS,
        len: PAGE_ITEMS,
    }
}

/// How many pages the whole answer takes; never 0.
pub fn page_count(answer: &Answer) -> usize {
    match per_page(answer) {
        Some(per) => answer.shown().total.div_ceil(per).max(1),
        None => 1,
    }
}

/// Items per page; `None` for an answer shown whole on one page (`/help`).
fn per_page(answer: &Answer) -> Option<usize> {
    match answer {
        Answer::Ask { answer, .. } => per_page(answer),
        Answer::Help { .. } => None,
        _ => Some(PAGE_ITEMS),
    }
}

/// The answer as pages, each one embed within every Discord limit. Never empty.
pub fn render(answer: &Answer, ctx: &Context) -> Vec<Embed> {
    (1..=page_count(answer))
        .map(|page| render_page(answer, ctx, page))
        .collect()
}

/// Page `page` (from 1, clamped) of the answer, within every Discord limit. The answer
/// must hold that page's items ([`page_window`]); a complete answer holds every page's.
pub fn render_page(answer: &Answer, ctx: &Context, page: usize) -> Embed {
    let total = page_count(answer);
    let page = page.clamp(1, total);
    let items = match per_page(answer) {
        Some(per) => (page - 1) * per..page * per,
        None => 0..usize::MAX,
    };
    let mut footer = footer_base(answer, ctx);
    if total > 1 {
        let _ = write!(footer, " · page {page} of {total}");
    }
    let mut embed = Embed::default();
    for budget in BUDGETS {
        let draft = draft(answer, ctx.gazetteer, &items, budget);
        embed = lay_out(answer, &draft, budget, footer.clone());
        let description_fits =
            count(&embed.description) <= PAGE_DESCRIPTION || draft.blocks.len() <= 1;
        if description_fits && embed.chars() <= limits::EMBED_TOTAL {
            break;
        }
    }
    enforce_limits(&mut embed);
    embed
}
