//! Discord's limits on a message body and on autocomplete choices, checked so a body Discord
//! would refuse gets the same 400 "Invalid Form Body" here.

use serde_json::Value;

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn limit(what: &str, v: &Value, max: usize) -> Result<usize, String> {
    let n = chars(v);
    if n > max {
        Err(format!("{what} is {n} characters, over Discord's {max}"))
    } else {
        Ok(n)
    }
}

/// The checks Discord makes on a message body; `create` also refuses an empty message.
pub(super) fn check_message(body: &Value, create: bool) -> Result<(), String> {
    limit("content", &body["content"], 2000)?;
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        return Err(format!("{} embeds, over Discord's 10", embeds.len()));
    }
    let mut total = 0;
    for embed in &embeds {
        total += limit("embed title", &embed["title"], 256)?;
        total += limit("embed description", &embed["description"], 4096)?;
        total += limit("embed footer", &embed["footer"]["text"], 2048)?;
        total += limit("embed author name", &embed["author"]["name"], 256)?;
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            return Err(format!("{} embed fields, over Discord's 25", fields.len()));
        }
        for field in &fields {
            total += limit("embed field name", &field["name"], 256)?;
            total += limit("embed field value", &field["value"], 1024)?;
        }
    }
    if total > 6000 {
        return Err(format!(
            "embeds hold {total} characters, over Discord's 6000"
        ));
    }
    let rows = body["components"].as_array().cloned().unwrap_or_default();
    if rows.len() > 5 {
        return Err(format!("{} action rows, over Discord's 5", rows.len()));
    }
    for row in &rows {
        let parts = row["components"].as_array().cloned().unwrap_or_default();
        if parts.len() > 5 {
            return Err(format!(
                "{} components in a row, over Discord's 5",
                parts.len()
            ));
        }
        for part in &parts {
            limit("custom_id", &part["custom_id"], 100)?;
            limit("button label", &part["label"], 80)?;
        }
    }
    let empty = chars(&body["content"]) == 0
        && embeds.is_empty()
        && rows.is_empty()
        && body["attachments"].as_array().is_none_or(Vec::is_empty)
        && body["sticker_ids"].as_array().is_none_or(Vec::is_empty);
    if create && empty {
        return Err("Cannot send an empty message".to_owned());
    }
    Ok(())
}

pub(super) fn check_choices(data: &Value) -> Result<(), String> {
    let choices = data["choices"].as_array().cloned().unwrap_or_default();
    if choices.len() > 25 {
        return Err(format!(
            "{} autocomplete choices, over Discord's 25",
            choices.len()
        ));
    }
    for choice in &choices {
        limit("choice name", &choice["name"], 100)?;
        limit("choice value", &choice["value"], 100)?;
    }
    Ok(())
}
