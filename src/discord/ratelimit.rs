//! A per-user rate limit over a sliding window: at most `limit` commands in `window`.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct RateLimiter {
    limit: usize,
    window: Duration,
    seen: Mutex<HashMap<u64, VecDeque<Instant>>>,
}

/// How many users the map may hold before idle ones are swept out.
const SWEEP_AT: usize = 10_000;

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit: usize::try_from(limit).unwrap_or(usize::MAX).max(1),
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a command by `user` now; `Err(wait)` when over the limit (not counted then).
    pub fn check(&self, user: u64) -> Result<(), Duration> {
        self.check_at(user, Instant::now())
    }

    fn check_at(&self, user: u64, now: Instant) -> Result<(), Duration> {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if seen.len() >= SWEEP_AT {
            let window = self.window;
            seen.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < window)
            });
        }
        let times = seen.entry(user).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
        if times.len() >= self.limit {
            let oldest = times.front().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        times.push_back(now);
        Ok(())
    }

    /// The polite, private answer to a user over the limit.
    pub fn message(&self, wait: Duration) -> String {
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        format!(
            "You're asking a little fast: at most {} commands every {} seconds. Please try again in {} s.",
            self.limit,
            self.window.as_secs(),
            seconds.max(1)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_over_the_limit_waits_for_the_window_others_do_not() {
        let limiter = RateLimiter::new(2, Duration::from_secs(10));
        let t0 = Instant::now();
        assert!(limiter.check_at(1, t0).is_ok());
        assert!(limiter.check_at(1, t0 + Duration::from_secs(1)).is_ok());
        let wait = limiter
            .check_at(1, t0 + Duration::from_secs(2))
            .unwrap_err();
        assert_eq!(wait, Duration::from_secs(8));
        assert!(limiter.check_at(2, t0 + Duration::from_secs(2)).is_ok());
        assert!(limiter.check_at(1, t0 + Duration::from_secs(10)).is_ok());
        assert!(
            limiter
                .message(wait)
                .contains("at most 2 commands every 10 seconds")
        );
    }
}
