//! Conversations: the readings of a front end's latest answers, kept so that a follow-up
//! ("and Russia?") reads on from the answer it follows. The front end chooses the key:
//! Discord the id of the answer a reply replies to, the console its one session. Only the
//! latest readings are kept; the oldest is forgotten first.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Mutex, PoisonError};

use super::{Reading, follow_up, read};
use crate::extract::Gazetteer;

/// The readings of the latest answers, by the key their front end gives them.
pub struct Conversation<K> {
    capacity: usize,
    inner: Mutex<(HashMap<K, Reading>, VecDeque<K>)>,
}

impl<K: Eq + Hash + Clone> Conversation<K> {
    /// Remembers the readings of the latest `capacity` answers (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            inner: Mutex::new((HashMap::new(), VecDeque::new())),
        }
    }

    pub fn remember(&self, answer: K, reading: Reading) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let (map, order) = &mut *inner;
        if map.insert(answer.clone(), reading).is_none() {
            order.push_back(answer);
        }
        while order.len() > self.capacity {
            if let Some(oldest) = order.pop_front() {
                map.remove(&oldest);
            }
        }
    }

    pub fn recall(&self, answer: &K) -> Option<Reading> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner.0.get(answer).cloned()
    }

    /// Forgets the reading of `answer`: what follows it is read as a fresh question.
    pub fn forget(&self, answer: &K) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let (map, order) = &mut *inner;
        if map.remove(answer).is_some() {
            order.retain(|k| k != answer);
        }
    }
}

/// How a line said after an answer was read.
#[derive(Debug, Clone, PartialEq)]
pub enum Turn {
    /// The previous reading, adjusted by a short reply ("and Russia?").
    FollowUp(Reading),
    /// A question read afresh.
    Question(Reading),
}

impl Turn {
    pub fn reading(&self) -> &Reading {
        match self {
            Self::FollowUp(reading) | Self::Question(reading) => reading,
        }
    }

    pub fn into_reading(self) -> Reading {
        match self {
            Self::FollowUp(reading) | Self::Question(reading) => reading,
        }
    }
}

/// Reads `text` said after an answer that read `previous`: as a follow-up of it when that
/// is clearly what is meant, else as a fresh question.
pub fn read_after(previous: Option<&Reading>, text: &str, gazetteer: &Gazetteer) -> Turn {
    match previous.and_then(|previous| follow_up(previous, text, gazetteer)) {
        Some(reading) => Turn::FollowUp(reading),
        None => Turn::Question(read(text, gazetteer)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Status;
    use crate::request::Request;

    fn reading(q: &str) -> Reading {
        Reading {
            request: Request::Search { query: q.into() },
            read_as: q.into(),
            command: format!("/search query:{q}"),
        }
    }

    #[test]
    fn only_the_latest_readings_are_remembered() {
        let readings = Conversation::new(2);
        readings.remember(1, reading("a"));
        readings.remember(2, reading("b"));
        readings.remember(3, reading("c"));
        assert_eq!(readings.recall(&1), None);
        assert_eq!(readings.recall(&2).unwrap().read_as, "b");
        assert_eq!(readings.recall(&3).unwrap().read_as, "c");
    }

    #[test]
    fn a_forgotten_reading_is_not_recalled_nor_counted() {
        let readings = Conversation::new(2);
        readings.remember(1, reading("a"));
        readings.forget(&1);
        assert_eq!(readings.recall(&1), None);
        readings.remember(1, reading("a again"));
        readings.remember(2, reading("b"));
        assert_eq!(readings.recall(&1).unwrap().read_as, "a again");
        assert_eq!(readings.recall(&2).unwrap().read_as, "b");
    }

    #[test]
    fn a_follow_up_reads_on_from_the_remembered_answer_and_a_question_starts_afresh() {
        let g = Gazetteer::builtin();
        let console = Conversation::new(1);
        let first = read_after(None, "how many Azerbaijani soldiers were killed?", &g);
        assert!(matches!(first, Turn::Question(_)));
        console.remember((), first.into_reading());

        let next = read_after(console.recall(&()).as_ref(), "and the wounded?", &g);
        let Turn::FollowUp(next) = next else {
            panic!("read afresh: {next:?}");
        };
        assert_eq!(
            next.request,
            Request::Casualties {
                query: None,
                side: Some("azerbaijan".into()),
                status: Some(Status::Injured),
                explain: false,
            }
        );
        console.remember((), next);

        let fresh = read_after(console.recall(&()).as_ref(), "who fired first?", &g);
        assert!(matches!(fresh, Turn::Question(_)), "{fresh:?}");
        console.forget(&());
        let alone = read_after(console.recall(&()).as_ref(), "and the wounded?", &g);
        assert!(matches!(alone, Turn::Question(_)), "{alone:?}");
    }
}
