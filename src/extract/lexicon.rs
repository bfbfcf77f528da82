//! Word lists the readers share: reporting verbs, the nouns that can name a speaker or
//! a person hit, and casualty words. Kept apart so the rules read as rules.

/// Finite reporting verbs: a speaker before or after them makes a statement. Plural
/// nouns that look like verbs ("claims", "states", "calls", "reports") are left out.
#[rustfmt::skip]
pub(crate) const FINITE_VERBS: &[&str] = &[
    "praised", "praises", "hailed", "hails", "lauded", "applauded", "thanked", "welcomes",
    "said", "says", "say", "stated", "told", "tells", "added", "adds", "noted", "confirmed",
    "confirms", "denied", "denies", "deny", "dismissed", "dismisses", "rejected", "rejects",
    "accused", "accuses", "urged", "urges", "called", "claimed", "reported", "announced",
    "announces", "insisted", "insists", "warned", "warns", "expressed", "expresses",
    "described", "describes", "reiterated", "reiterates", "alleged", "alleges", "blamed",
    "blames", "condemned", "condemns", "vowed", "vows", "stressed", "stresses", "emphasized",
    "emphasised", "emphasizes", "declared", "declares", "asserted", "asserts", "argued",
    "argues", "explained", "wrote", "writes", "tweeted", "acknowledged", "admitted",
    "denounced", "criticized", "criticised", "responded", "replied", "countered", "estimated",
    "pledged", "promised", "threatened", "demanded", "welcomed", "quoted", "recalled",
    "commented", "charged", "contended", "disputed", "refuted", "affirmed", "assured",
    "clarified", "underlined", "underscored", "mentioned", "disclosed", "conceded",
    "complained", "protested", "lamented", "regretted", "slammed", "decried", "deplored",
    "branded", "accuse", "warn", "urge", "insist", "claim", "believes", "added", "informed",
    "cautioned", "appealed", "pointed", "indicated", "suggested", "specified", "defended",
];

/// Participles that carry on the statement of their clause ("..., saying three were
/// killed"): they never introduce a speaker of their own.
#[rustfmt::skip]
pub(crate) const PARTICIPLES: &[&str] = &[
    "saying", "adding", "noting", "urging", "calling", "claiming", "insisting", "warning",
    "describing", "stressing", "accusing", "denying", "rejecting", "alleging", "blaming",
    "reiterating", "stating", "confirming", "citing", "arguing", "emphasizing", "explaining",
    "vowing", "condemning", "announcing", "dismissing", "demanding", "threatening",
    "asserting", "declaring", "reporting",
];

/// Verbs whose reported clause is what the speaker denies, so no figure in it is theirs.
#[rustfmt::skip]
pub(crate) const DENIALS: &[&str] = &[
    "denied", "denies", "deny", "denying", "rejected", "rejects", "rejecting", "dismissed",
    "dismisses", "dismissing", "refuted", "disputed",
];

/// Lower-case words that can be (or modify) the head of a speaker's name.
#[rustfmt::skip]
pub(crate) const SPEAKER_NOUNS: &[&str] = &[
    "junta", "regime", "militia", "movement", "faction", "coalition", "alliance", "policy",
    "force", "wing", "side", "economy", "finance", "trade", "energy", "justice", "education",
    "environment", "agriculture", "transport", "labour", "labor", "culture", "commission",
    "union", "spokespeople", "authority's", "ministry", "ministries", "minister", "ministers",
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "statement", "statements",
    "official", "officials", "president", "presidency", "office", "government", "army",
    "military", "forces", "police", "authorities", "authority", "agency", "embassy",
    "ambassador", "envoy", "commander", "commanders", "chief", "head", "leader", "leaders",
    "leadership", "secretary", "department", "service", "services", "command", "staff",
    "headquarters", "diplomat", "diplomats", "adviser", "advisor", "aide", "representative",
    "source", "sources", "witnesses", "witness", "residents", "resident", "activists",
    "activist", "medics", "doctors", "doctor", "analysts", "analyst", "observers", "monitors",
    "group", "council", "committee", "mission", "ombudsman", "press", "media", "counterpart",
    "governor", "mayor", "general", "officer", "prosecutor", "prosecutors", "investigators",
    "rescuers", "communique", "report", "organization", "organisation", "body", "bureau",
    "parliament", "lawmakers", "lawmaker", "speaker", "deputy", "vice", "prime", "foreign",
    "defense", "defence", "interior", "health", "emergency", "emergencies", "state", "senior",
    "top", "local", "regional", "provincial", "municipal", "military's", "presidential", "separatist", "de", "facto",
    "ethnic", "peacekeeping", "armed", "human", "rights", "security", "national", "news",
    "chairman", "chairwoman", "director", "coordinator", "negotiator", "delegation",
    "administration", "cabinet", "kremlin", "hospital", "ceasefire", "border", "guard",
    "guards", "troops", "peacekeepers", "contingent", "unit", "units", "brigade", "battalion",
    "regiment", "fighters", "militants", "rebels", "soldiers", "people", "civilians",
    "victims", "families", "relatives", "mother", "father", "man", "woman", "survivors",
    "journalists", "reporters", "correspondent", "outlet", "newspaper", "broadcaster",
    "channel", "agencies", "tv", "television", "website", "accounts", "general's", "staff's",
    "intelligence", "navy", "air", "operations", "operational", "team", "figures", "data",
    "tally", "toll", "count", "records", "officers", "workers", "division", "divisions",
    "corps", "infantry", "squadron", "fleet",
];

/// Speaker heads that are publications: what they report is not a party's word.
#[rustfmt::skip]
pub(crate) const MEDIA_NOUNS: &[&str] = &[
    "agency", "agencies", "media", "newspaper", "broadcaster", "channel", "tv", "television",
    "website", "outlet", "correspondent", "reporters", "journalists", "press",
];

/// Titles that make a name a person's.
#[rustfmt::skip]
pub(crate) const PERSON_TITLES: &[&str] = &[
    "minister", "spokesman", "spokeswoman", "spokesperson", "president", "ambassador", "envoy",
    "commander", "chief", "head", "leader", "secretary", "adviser", "advisor", "aide", "member",
    "representative", "diplomat", "governor", "mayor", "general", "officer", "prosecutor",
    "chairman", "chairwoman", "director", "coordinator", "negotiator", "premier", "chancellor",
    "king", "queen", "prince", "sheikh", "colonel", "lieutenant", "major", "captain",
    "sergeant", "admiral", "senator", "lawmaker", "speaker", "official", "gov.", "gen.",
    "col.", "lt.", "maj.", "sgt.", "capt.", "cmdr.", "adm.", "sen.", "rep.", "brig.", "commissioner",
];

/// Words that make a name an institution's rather than a person's.
#[rustfmt::skip]
pub(crate) const ORG_WORDS: &[&str] = &[
    "junta", "regime", "militia", "movement", "coalition", "alliance", "ministry", "office",
    "government", "army", "military", "forces", "police", "authorities", "agency", "embassy",
    "department", "service", "command", "staff", "headquarters", "presidency", "council",
    "committee", "mission", "group", "kremlin", "statement", "parliament", "administration",
    "cabinet", "organization", "organisation", "union", "nations", "states", "republic",
    "federation", "brigades", "guard", "mod", "mfa", "force",
];

/// Heads that name people (plural or singular) who can be killed, hurt or taken.
#[rustfmt::skip]
pub(crate) const PEOPLE_NOUNS: &[&str] = &[
    "people", "persons", "person", "soldiers", "soldier", "servicemen", "serviceman",
    "servicemembers", "servicewomen", "troops", "troop", "personnel", "officers", "officer",
    "policemen", "policeman", "police", "policewomen", "civilians", "civilian", "children",
    "child", "kids", "babies", "infants", "women", "woman", "men", "man", "boys", "boy",
    "girls", "girl", "fighters", "fighter", "militants", "militant", "rebels", "rebel",
    "insurgents", "insurgent", "gunmen", "gunman", "combatants", "combatant", "residents",
    "resident", "villagers", "villager", "workers", "worker", "journalists", "journalist",
    "reporters", "reporter", "medics", "medic", "paramedics", "doctors", "doctor", "nurses",
    "volunteers", "volunteer", "peacekeepers", "peacekeeper", "guards", "guard", "members",
    "member", "staff", "staffers", "officials", "official", "others", "victims", "passengers",
    "pedestrians", "students", "pupils", "teenagers", "adults", "elderly", "refugees",
    "migrants", "protesters", "protestors", "demonstrators", "worshippers", "farmers",
    "fishermen", "miners", "employees", "crew", "crewmen", "sailors", "pilots", "marines",
    "commandos", "paratroopers", "conscripts", "recruits", "reservists", "mercenaries",
    "militiamen", "militia", "operatives", "terrorists", "jihadists", "separatists",
    "partisans", "defenders", "attackers", "assailants", "hostages", "detainees", "prisoners",
    "captives", "inmates", "family", "families", "relatives", "brothers", "sisters", "sons",
    "daughters", "mothers", "fathers", "individuals", "citizens", "nationals", "inhabitants",
    "locals", "bystanders", "shoppers", "tourists", "pilgrims", "humanitarians", "rescuers",
    "firefighters", "firemen", "aid", "deminers", "sappers", "gendarmes", "border", "cadets",
    "lives", "bodies", "dead", "wounded", "casualties", "deaths", "fatalities", "more",
    "additional", "other", "further", "comrades", "colleagues", "martyrs", "cousins",
    "neighbours", "neighbors", "signatories", "khwarij", "khawarij", "extremists", "bandits",
];

/// People heads that are presumed hostile when a party reports them: no side is given
/// by default to "militants" a ministry says it killed.
#[rustfmt::skip]
pub(crate) const HOSTILE_NOUNS: &[&str] = &[
    "militants", "militant", "terrorists", "insurgents", "rebels", "gunmen", "separatists",
    "mercenaries", "jihadists", "attackers", "assailants", "saboteurs", "enemy", "fighters",
    "khwarij", "khawarij", "extremists", "bandits",
];

/// Heads that are never people even with a number before them.
#[rustfmt::skip]
pub(crate) const NOT_PEOPLE: &[&str] = &[
    "settlements", "villages", "towns", "cities", "vehicles", "tanks", "drones", "missiles",
    "rockets", "shells", "aircraft", "planes", "jets", "helicopters", "ships", "boats",
    "buildings", "homes", "houses", "years", "days", "hours", "minutes", "weeks", "months",
    "km", "kilometers", "kilometres", "miles", "meters", "metres", "percent", "pct", "%",
    "bags", "tons", "tonnes", "dollars", "euros", "points", "positions", "posts",
    "checkpoints", "times", "incidents", "violations", "attacks", "strikes", "shots", "rounds",
    "projectiles", "ceasefire", "mln", "billion", "trucks", "cars", "buses", "weapons", "guns",
    "rifles", "mines", "targets", "sites", "facilities", "hospitals", "schools",
];

/// Auxiliaries and adverbs that may sit between a subject and its casualty verb.
#[rustfmt::skip]
pub(crate) const AUXILIARIES: &[&str] = &[
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "got", "get",
    "reportedly", "allegedly", "also", "later", "all", "both", "each", "initially",
    "subsequently", "confirmed", "believed", "feared", "presumed", "thought", "reported", "to",
    "remain", "remained", "remains", "still", "now", "already", "so", "far", "either",
    "seriously", "critically", "severely", "lightly", "slightly", "badly", "fatally",
    "mortally", "gravely", "instantly", "immediately", "eventually", "since", "then", "had",
    "would", "may", "might", "could", "went", "go", "gone",
];

/// Casualty words as predicates, with the status they give.
pub(crate) const STATUS_WORDS: &[(&str, super::Status)] = {
    use super::Status::{Captured, Injured, Killed, Missing};
    &[
        ("killed", Killed),
        ("dead", Killed),
        ("died", Killed),
        ("die", Killed),
        ("dies", Killed),
        ("slain", Killed),
        ("martyred", Killed),
        ("perished", Killed),
        ("executed", Killed),
        ("murdered", Killed),
        ("massacred", Killed),
        ("assassinated", Killed),
        ("drowned", Killed),
        ("beheaded", Killed),
        ("lynched", Killed),
        ("electrocuted", Killed),
        ("wounded", Injured),
        ("injured", Injured),
        ("hurt", Injured),
        ("hospitalized", Injured),
        ("hospitalised", Injured),
        ("missing", Missing),
        ("disappeared", Missing),
        ("captured", Captured),
        ("abducted", Captured),
        ("kidnapped", Captured),
        ("seized", Captured),
    ]
};

/// Active verbs that take the people hit as their object: "killing three soldiers".
pub(crate) const ACTIVE_WORDS: &[(&str, super::Status)] = {
    use super::Status::{Captured, Injured, Killed};
    &[
        ("killed", Killed),
        ("killing", Killed),
        ("kills", Killed),
        ("kill", Killed),
        ("wounded", Injured),
        ("wounding", Injured),
        ("wounds", Injured),
        ("injured", Injured),
        ("injuring", Injured),
        ("injures", Injured),
        ("captured", Captured),
        ("capturing", Captured),
        ("abducted", Captured),
        ("abducting", Captured),
        ("kidnapped", Captured),
        ("apprehended", Captured),
        ("executed", Killed),
        ("shot", Killed),
        // Militaries' words for killing: "eliminated 15 terrorists", "neutralised".
        ("eliminated", Killed),
        ("eliminating", Killed),
        ("neutralised", Killed),
        ("neutralized", Killed),
        ("neutralising", Killed),
        ("neutralizing", Killed),
    ]
};

/// Nouns that are themselves the status: "71 deaths".
pub(crate) const STATUS_NOUNS: &[(&str, super::Status)] = {
    use super::Status::{Injured, Killed};
    &[
        ("deaths", Killed),
        ("fatalities", Killed),
        ("dead", Killed),
        ("bodies", Killed),
        ("injuries", Injured),
        ("wounded", Injured),
        ("injured", Injured),
    ]
};

/// Words after which a capitalised word does not start a speaker's name.
#[rustfmt::skip]
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "but", "and", "however", "meanwhile", "conversely", "still", "yet", "also", "later",
    "earlier", "on", "in", "at", "when", "after", "before", "while", "although", "though",
    "separately", "instead", "moreover", "then", "so", "now", "today", "yesterday", "as",
    "since", "because", "if", "where", "that", "this", "there", "it", "he", "she", "they",
    "we", "i", "you", "what", "which", "who", "whom", "why", "how", "furthermore",
    "nonetheless", "nevertheless", "overall", "finally", "first", "second", "indeed",
    "additionally", "besides", "thus", "hence", "therefore", "otherwise", "during", "for",
    "from", "to", "with", "by", "of", "about", "over", "under", "against", "amid", "among",
];

/// Time words that may stand between a speaker and a verb ("Russia on Monday said").
#[rustfmt::skip]
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "morning", "afternoon", "evening", "night", "late", "early",
    "earlier", "later", "last", "week", "weekend", "month", "year",
];

/// Adverbs between a speaker and a verb.
#[rustfmt::skip]
pub(crate) const SPEAKER_ADVERBS: &[&str] = &[
    "also", "further", "later", "earlier", "previously", "again", "repeatedly", "separately",
    "then", "has", "have", "had", "would", "will", "did", "does", "do", "quickly", "publicly",
    "officially", "formally", "strongly", "sharply", "firmly", "flatly", "categorically",
    "immediately", "swiftly", "initially", "subsequently", "reportedly", "allegedly",
    "meanwhile", "however", "once", "not", "never", "only", "yet", "still", "was", "is",
    "were", "are", "been", "itself", "too", "now", "today", "yesterday", "tonight", "first",
    "last", "recently", "explicitly", "openly", "directly",
];

/// Where a statement was made, between a speaker and a verb: "Russia, in a statement,".
#[rustfmt::skip]
pub(crate) const SPEECH_VENUES: &[&str] = &[
    "statement", "interview", "address", "briefing", "speech", "post", "message", "letter",
    "communique", "tweet", "video", "conference", "release", "comments", "remarks", "note",
];

/// Pronouns that stand for a speaker named earlier.
pub(crate) const PRONOUNS: &[&str] = &["it", "he", "she", "they", "which", "who"];

/// Words of an event for the timeline.
#[rustfmt::skip]
pub(crate) const EVENT_WORDS: &[&str] = &[
    "killed", "died", "wounded", "injured", "clash", "clashes", "clashed", "attack",
    "attacked", "attacks", "strike", "strikes", "struck", "shelling", "shelled", "fired",
    "shooting", "shootout", "erupted", "occurred", "happened", "began", "started", "ended",
    "signed", "agreed", "met", "halted", "stopped", "fighting", "ceasefire", "cease-fire",
    "offensive", "captured", "seized", "withdrew", "invaded", "exploded", "explosion",
    "bombed", "bombing", "launched", "took", "broke", "opened", "closed", "arrested",
    "detained", "released", "visited", "held", "war", "battle", "raid", "ambush", "liberated",
    "occupied", "entered", "crossed", "downed", "destroyed", "hit", "collapsed",
];
