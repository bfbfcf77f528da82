//! Who may run an admin command. Discord's `default_member_permissions` is the first gate, but
//! a server's admins can override it, so the bot checks again: against the role and user ids in
//! `bot.toml` when any are listed, else against the member's own permissions.

use crate::config::DiscordConfig;

/// Discord's Administrator permission bit: holders pass every permission check.
pub const ADMINISTRATOR: u64 = 1 << 3;

/// The person behind an interaction, as far as a permission check and the audit log go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoker {
    pub user_id: u64,
    pub user_name: String,
    pub guild_id: Option<u64>,
    pub channel_id: u64,
    pub roles: Vec<u64>,
    /// The member's permissions in the channel, as the interaction reports them.
    pub permissions: Option<u64>,
}

/// Whether `who` may run admin commands. Never from a direct message.
pub fn is_admin(config: &DiscordConfig, who: &Invoker) -> bool {
    if who.guild_id.is_none() {
        return false;
    }
    if !config.admin_users.is_empty() || !config.admin_roles.is_empty() {
        return config.admin_users.contains(&who.user_id)
            || who.roles.iter().any(|r| config.admin_roles.contains(r));
    }
    let held = who.permissions.unwrap_or(0);
    let wanted = config.admin_permissions;
    held & ADMINISTRATOR != 0 || (wanted != 0 && held & wanted == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::MANAGE_GUILD;

    fn member(user_id: u64, roles: &[u64], permissions: u64) -> Invoker {
        Invoker {
            user_id,
            user_name: "someone".into(),
            guild_id: Some(1),
            channel_id: 2,
            roles: roles.to_vec(),
            permissions: Some(permissions),
        }
    }

    #[test]
    fn without_lists_the_members_permissions_decide() {
        let config = DiscordConfig::default();
        assert!(is_admin(&config, &member(1, &[], MANAGE_GUILD)));
        assert!(is_admin(&config, &member(1, &[], ADMINISTRATOR)));
        assert!(!is_admin(&config, &member(1, &[], 1 << 11)));
        let dm = Invoker {
            guild_id: None,
            ..member(1, &[], ADMINISTRATOR)
        };
        assert!(!is_admin(&config, &dm));
    }

    #[test]
    fn listed_roles_and_users_decide_when_given() {
        let config = DiscordConfig {
            admin_roles: vec![77],
            admin_users: vec![5],
            ..DiscordConfig::default()
        };
        assert!(is_admin(&config, &member(1, &[3, 77], 0)));
        assert!(is_admin(&config, &member(5, &[], 0)));
        assert!(!is_admin(
            &config,
            &member(1, &[3], MANAGE_GUILD | ADMINISTRATOR)
        ));
    }

    #[test]
    fn zero_admin_permissions_means_administrators_only() {
        let config = DiscordConfig {
            admin_permissions: 0,
            ..DiscordConfig::default()
        };
        assert!(!is_admin(&config, &member(1, &[], MANAGE_GUILD)));
        assert!(is_admin(&config, &member(1, &[], ADMINISTRATOR)));
    }
}
