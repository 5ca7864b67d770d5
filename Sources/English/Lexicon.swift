/// Closed word classes and small open-class word lists of English, used to find where the subject of a
/// question ends. Words are lower-case.
public enum Lexicon {
    public static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their",
        "some", "any", "no", "every", "each", "all", "most", "many", "much", "few", "several", "both", "either",
        "neither", "another", "such",
    ]

    /// Prepositions that start a predicate; `of` is left out because it continues a noun phrase.
    public static let prepositions: Set<String> = [
        "in", "on", "at", "from", "by", "with", "without", "to", "for", "into", "onto", "over", "under", "above",
        "below", "near", "inside", "outside", "within", "between", "among", "against", "about", "after", "before",
        "during", "since", "until", "through", "across", "behind", "beyond", "like", "unlike", "than", "as", "via",
        "per", "off", "out", "up", "down", "around", "along", "toward", "towards", "upon", "despite", "except",
        "beside", "besides", "underneath", "throughout", "amid",
    ]

    /// Words that link two parts of one noun phrase.
    public static let nounPhraseLinks: Set<String> = ["of", "and", "or", "&"]

    /// Lower-case particles inside names: "Rio de Janeiro", "Leonardo da Vinci", "Ludwig van Beethoven".
    public static let nameParticles: Set<String> = [
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "al",
        "bin", "ibn", "y",
    ]

    /// Pronouns that are a whole subject.
    public static let subjectPronouns: Set<String> = [
        "it", "there", "he", "she", "they", "we", "you", "i", "anyone", "anybody", "someone", "somebody",
        "everyone", "everybody", "anything", "something", "everything", "nothing", "nobody",
    ]

    public static let adverbs: Set<String> = [
        "not", "never", "still", "really", "actually", "truly", "ever", "always", "also", "already", "even", "now",
        "currently", "officially", "legally", "technically", "generally", "usually", "often", "sometimes", "very",
        "too", "so", "just", "only", "mostly", "largely", "partly", "fully", "completely", "entirely", "totally",
        "almost", "nearly", "exactly", "approximately", "roughly", "more", "less", "least", "yet", "again", "once",
        "twice", "finally", "soon", "recently", "seriously", "worldwide", "anymore",
    ]

    /// Adverbs that only voice the asker's doubt ("Is Japan really in NATO?", "Has Japan ever been…?");
    /// dropped from the start of the predicate.
    public static let doubtAdverbs: Set<String> = ["really", "actually", "ever"]

    /// Words ending in -ly that are nouns or verbs, not adverbs or adjectives.
    public static let lyNonAdverbs: Set<String> = [
        "family", "supply", "rally", "assembly", "monopoly", "anomaly", "butterfly", "belly", "jelly", "bully",
        "reply", "italy", "apply", "comply", "imply", "multiply",
    ]

    /// Adjectives commonly used as predicates ("safe", "legal", "visible"); comparatives and superlatives
    /// of these are recognised by `isAdjective`.
    public static let adjectives: Set<String> = [
        "safe", "unsafe", "dangerous", "true", "false", "real", "fake", "good", "bad", "healthy", "unhealthy",
        "harmful", "harmless", "toxic", "poisonous", "legal", "illegal", "alive", "dead", "possible", "impossible",
        "flat", "round", "big", "small", "large", "tall", "short", "old", "young", "new", "hot", "warm", "cool", "wet",
        "dry", "free", "rich", "poor", "effective", "addictive", "contagious", "infectious", "edible", "natural",
        "organic", "vegan", "vegetarian", "necessary", "useful", "useless", "responsible", "able", "unable",
        "likely", "unlikely", "common", "rare", "right", "wrong", "correct", "incorrect", "accurate", "inaccurate",
        "sure", "certain", "strong", "weak", "fast", "slow", "high", "low", "long", "heavy", "cheap", "expensive",
        "easy", "hard", "difficult", "simple", "important", "deadly", "fatal", "lethal", "sick", "ill", "immune",
        "resistant", "clean", "dirty", "pure", "smart", "intelligent", "stupid", "happy", "sad", "angry", "afraid",
        "aware", "bankrupt", "independent", "neutral", "sovereign", "democratic", "communist", "socialist",
        "religious", "secular", "official", "mandatory", "compulsory", "optional", "available", "renewable",
        "sustainable", "radioactive", "carcinogenic", "genetic", "hereditary", "curable", "treatable",
        "preventable", "extinct", "endangered", "native", "invasive", "nocturnal", "blind", "deaf", "blue",
        "green", "yellow", "brown", "grey", "gray", "pink", "orange", "purple", "magnetic", "flammable",
        "waterproof", "infinite", "finite", "constant", "stable", "unstable", "empty", "full", "open", "busy",
        "quiet", "loud", "bright", "dark", "visible", "invisible", "pregnant", "obese", "overweight", "thin",
        "wealthy", "famous", "popular", "unpopular", "successful", "married", "divorced", "equal", "different",
        "similar", "identical", "unique", "guilty", "innocent", "corrupt", "honest", "worth", "valid", "invalid",
        "reliable", "unreliable", "trustworthy", "biased", "racist", "sexist", "violent", "peaceful", "secure",
        "vulnerable", "prone", "susceptible", "present", "absent", "close", "far", "near", "nuclear", "bigger",
        "better", "worse", "best", "worst", "fewer", "further", "farther", "elder", "eldest", "capable",
        "airborne", "hazardous", "beneficial", "essential", "sufficient", "enough", "legitimate", "rigged",
        "accessible", "human", "alone", "ready", "over", "sacred", "superior",
        "inferior", "mortal", "immortal", "hollow", "literate", "illiterate", "fertile", "infertile", "sterile",
    ]

    /// Time units of adverbials like "every day", which do not start a predicate.
    public static let timeUnits: Set<String> = [
        "day", "week", "month", "year", "night", "morning", "evening", "time", "hour", "decade", "summer", "winter",
    ]

    /// Nouns that often head a predicate without an article ("part of", "home to").
    public static let predicateNouns: Set<String> = ["part", "home"]

    /// -ing words that are nouns, not progressive verbs ("the moon landing", "global warming").
    public static let ingNouns: Set<String> = [
        "landing", "warming", "cooling", "building", "meeting", "funding", "spending", "shooting", "bombing",
        "training", "housing", "clothing", "ceiling", "morning", "evening", "wedding", "pudding", "painting",
        "recording", "cloning", "screening", "testing", "parking", "marketing", "banking", "lending", "lightning",
        "sibling", "offspring", "mining", "vaping", "fracking", "recycling", "farming", "fishing", "hunting",
        "logging", "trafficking", "laundering", "hacking", "voting", "smoking", "drinking", "eating", "swimming",
        "boxing", "bullying", "heating", "flooding", "rating", "ranking", "setting", "feeling", "saying",
        "warning", "opening", "ending", "beginning", "understanding", "reading", "writing", "thinking", "being",
        "shipping", "printing", "programming", "engineering", "nursing", "teaching", "sleeping", "dining",
    ]

    /// -ive, -able and -ible words that are nouns.
    public static let adjectiveSuffixNouns: Set<String> = [
        "alternative", "executive", "representative", "initiative", "objective", "detective", "explosive",
        "relative", "motive", "archive", "incentive", "perspective", "directive", "narrative",
        "sedative", "preservative", "additive", "contraceptive", "laxative", "vegetable", "timetable",
        "constable", "syllable", "collectible", "crucible", "deductible", "convertible",
    ]

    /// Words ending in -ed that are not participles.
    public static let edNonParticiples: Set<String> = [
        "bed", "red", "shed", "sled", "wed", "need", "seed", "speed", "feed", "greed", "breed", "weed", "steed",
        "deed", "creed", "tweed", "hundred", "bred", "med", "ted",
    ]

    /// Plural-looking nouns that take a singular verb.
    public static let singularSNouns: Set<String> = [
        "news", "series", "species", "physics", "economics", "mathematics", "politics", "ethics", "genetics",
        "measles", "mumps", "diabetes", "herpes", "rabies", "gas", "lens", "bias", "atlas", "canvas", "chaos",
        "always", "perhaps",
    ]

    /// Verbs that take a bare infinitive ("help prevent", "make you fat").
    public static let catenativeVerbs: Set<String> = ["help", "make", "let"]

    /// Common verbs in their base form.
    public static let verbs: Set<String> = [
        "abolish", "absorb", "accept", "achieve", "affect", "agree", "allow", "alter", "annex", "appear", "apply",
        "appoint", "approve", "argue", "arrest", "arrive", "ask", "attack", "avoid", "ban", "bear", "beat", "become",
        "begin", "believe", "belong", "bite", "bleed", "block", "blow", "boost", "border", "break", "breathe",
        "bring", "build", "burn", "buy", "call", "cancel", "carry", "catch", "cause", "change", "cheat", "choose",
        "claim", "clean", "climb", "close", "collapse", "come", "commit", "compete", "confirm", "contain",
        "continue", "contribute", "control", "convict", "cook", "cool", "cost", "count", "cover", "crash", "create",
        "criminalize", "cross", "cure", "cut", "damage", "decide", "decline", "decrease", "defeat", "defend",
        "delay", "deny", "depend", "deport", "describe", "destroy", "detect", "develop", "die", "dig", "disappear",
        "discover", "dissolve", "divide", "do", "dominate", "double", "drink", "drive", "drop", "earn", "eat",
        "elect", "eliminate", "emit", "encourage", "end", "enter", "erase", "escape", "evolve", "exceed", "exist",
        "expand", "explain", "explode", "export", "extend", "fail", "fall", "fear", "feed", "feel", "fight", "fill",
        "find", "finish", "fire", "fix", "float", "flood", "fly", "follow", "forbid", "forget", "forgive", "form",
        "found", "freeze", "fund", "gain", "get", "give", "go", "govern", "grant", "grow", "happen", "harm", "hate",
        "have", "heal", "hear", "heat", "help", "hide", "hit", "hold", "hurt", "ignore", "impeach", "import",
        "improve", "include", "increase", "infect", "inherit", "injure", "invade", "invent", "invest", "join",
        "jump", "keep", "kill", "know", "land", "last", "launch", "lead", "learn", "leave", "legalize", "legalise",
        "lie", "lift", "like", "limit", "link", "listen", "live", "lose", "love", "lower", "make", "manage",
        "manufacture", "marry", "matter", "mean", "measure", "meet", "melt", "migrate", "miss", "move", "need",
        "negotiate", "obey", "occupy", "occur", "offer", "open", "orbit", "order", "outlaw", "own", "participate",
        "pass", "pay", "permit", "plan", "plant", "play", "poison", "pollute", "possess", "predict", "prefer",
        "prevent", "print", "produce", "prohibit", "promise", "promote", "protect", "prove", "provide", "publish",
        "pull", "push", "qualify", "raise", "ratify", "reach", "read", "receive", "recognise", "recognize", "record",
        "recover", "reduce", "refuse", "reject", "release", "rely", "remain", "remember", "remove", "repair",
        "repeal", "replace", "report", "require", "rescue", "resign", "resist", "respond", "retire", "return",
        "reveal", "reverse", "rise", "rob", "rotate", "rule", "run", "save", "say", "see", "seek", "seem", "sell",
        "send", "serve", "set", "shake", "share", "shine", "shoot", "show", "shrink", "sign", "sing", "sink", "sit",
        "sleep", "slow", "smell", "smoke", "solve", "speak", "spend", "spin", "split", "spread", "stand", "start",
        "stay", "steal", "stop", "strengthen", "strike", "study", "succeed", "sue", "suffer", "supply", "support",
        "surrender", "survive", "swim", "take", "talk", "taste", "teach", "tell", "tend", "test", "think",
        "threaten", "throw", "touch", "track", "trade", "train", "transmit", "travel", "treat", "trigger", "trust",
        "try", "turn", "understand", "unite", "use", "vaccinate", "veto", "violate", "visit", "vote", "wake", "walk",
        "want", "warm", "warn", "wash", "waste", "watch", "wear", "weaken", "weigh", "win", "withdraw", "work",
        "worry", "write", "yield", "emigrate", "finance", "hack", "infiltrate", "interfere", "kidnap",
        "legislate", "lend", "lobby", "mandate", "murder", "nationalize", "overturn", "pardon", "praise",
        "recommend", "regulate", "resemble", "sponsor", "starve", "subsidize", "tax", "torture", "undergo",
        "weaponize", "worship", "dehydrate", "hydrate", "shorten", "lengthen", "boil",
    ]

    /// Be, have, do and the modals, in every form a question can start with.
    public static let auxiliaries: Set<String> = [
        "am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must",
    ]

    /// Words that start questions no statement can replace.
    public static let whWords: Set<String> = ["who", "whom", "whose", "what", "when", "where", "which", "how"]

    /// Whether `word` is an adjective by the list, by being a comparative or superlative of one
    /// (`healthier`, `biggest`), or by a typical adjective suffix (`-ous`, `-ful`, `-less`, `-ible`, `-able`, `-ive`).
    public static func isAdjective(_ word: String) -> Bool {
        if adjectives.contains(word) { return true }
        for suffix in ["er", "est"] where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            let candidates = [stem, stem + "e", String(stem.dropLast()), stem.hasSuffix("i") ? String(stem.dropLast()) + "y" : stem]
            if candidates.contains(where: adjectives.contains) { return true }
        }
        if adjectiveSuffixNouns.contains(word) { return false }
        if word.count >= 6, ["ous", "ful", "less"].contains(where: word.hasSuffix) { return true }
        return word.count >= 7 && ["ible", "able", "ive"].contains(where: word.hasSuffix)
    }

    /// Whether `word` is an adverb by the list or an -ly adverb.
    public static func isAdverb(_ word: String) -> Bool {
        adverbs.contains(word) || (word.count >= 5 && word.hasSuffix("ly") && !lyNonAdverbs.contains(word))
    }

    /// Whether `word` looks like a plural noun (`vaccines`, `cars`), not `news`, `virus` or `Paris`.
    public static func isPlural(_ word: String) -> Bool {
        word.count >= 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us")
            && !word.hasSuffix("is") && !word.hasSuffix("'s") && !singularSNouns.contains(word)
    }

    /// Whether `word` is a progressive or gerund -ing form of a verb (`melting`, `winning`), not `king` or `landing`.
    public static func isIngVerb(_ word: String) -> Bool {
        guard word.count >= 5, word.hasSuffix("ing"), !ingNouns.contains(word) else { return false }
        return word.dropLast(3).contains { "aeiouy".contains($0) }
    }

    /// Words that make a number approximate when they stand up to two words before it ("about 30", "over 1,000").
    public static let approximators: Set<String> = [
        "about", "approximately", "around", "over", "nearly", "almost", "some", "roughly", "more", "less", "fewer", "least", "up",
        "under", "estimated", "circa", "than", "upwards", "+", "~",
    ]

    /// Months and weekdays, and their abbreviations but "mar" (a word too): capitalised, but a time
    /// rather than a name.
    public static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Ordinal words and their places ("second" → 2, "3rd" → 3), for ranks such as "the second-largest".
    public static let ordinalPlaces: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
    ]

    /// Words ending in "-est" that are no superlatives.
    public static let estNonSuperlatives: Set<String> = [
        "interest", "forest", "request", "harvest", "protest", "contest", "conquest", "manifest", "suggest", "honest", "modest",
        "arrest", "invest", "digest", "behest", "quest", "guest", "chest", "crest", "priest", "tempest", "inquest", "unrest",
        "earnest", "midwest", "northwest", "southwest", "attest", "detest", "divest", "infest", "ingest", "molest", "rearrest",
        "retest", "pretest", "bequest", "everest", "budapest", "bucharest",
    ]
}
