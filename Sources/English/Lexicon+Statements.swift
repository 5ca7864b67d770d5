/// Words and phrases that tell a checkable statement from the rest of an article.
extension Lexicon {
    /// The writer or reader speaking: "we will delve", "you may wonder", "let us".
    public static let firstAndSecondPerson: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'd", "we'll", "us", "our", "ours",
        "you", "you're", "you've", "you'd", "you'll", "your", "yours", "let's",
    ]

    /// Modals of possibility, prediction and advice: a statement with one is a hypothesis, not a fact.
    public static let speculativeModals: Set<String> = ["would", "could", "might", "may", "should", "will", "shall", "must", "won't", "wouldn't", "couldn't", "shouldn't"]

    /// Openers of a summary, an opinion or a hypothesis.
    public static let nonFactualOpeners: [[String]] = [
        ["in", "conclusion"], ["in", "summary"], ["to", "sum", "up"], ["to", "conclude"], ["ultimately"], ["overall"],
        ["in", "short"], ["all", "in", "all"], ["if"], ["imagine"], ["perhaps"], ["maybe"], ["hopefully"], ["in", "my", "opinion"],
        ["arguably"], ["of", "course"], ["needless", "to", "say"], ["the", "question", "arises"], ["it", "is", "worth"],
        ["it", "remains", "to", "be", "seen"],
    ]

    /// Connectives that only link a sentence to the one before; dropped from the front of a claim.
    public static let connectives: [[String]] = [
        ["however"], ["instead"], ["in", "addition"], ["additionally"], ["furthermore"], ["moreover"], ["also"], ["for", "example"],
        ["for", "instance"], ["in", "fact"], ["indeed"], ["finally"], ["besides"], ["meanwhile"], ["likewise"], ["similarly"],
        ["consequently"], ["as", "a", "result"], ["therefore"], ["thus"], ["notably"], ["importantly"], ["still"], ["and"], ["but"], ["so"],
    ]

    /// Page furniture and notices that are never claims ("Scroll to top", an affiliate disclosure, a cookie banner).
    public static let furniturePhrases: [String] = [
        "affiliate", "scroll to top", "back to top", "cookie", "subscribe", "sign up", "sign in", "log in", "click here",
        "read more", "share this", "all rights reserved", "privacy policy", "terms of use", "terms of service",
        "this article may contain", "newsletter", "advertisement", "sponsored", "follow us", "related posts",
        "leave a comment", "leave a reply", "posted by", "comments are closed", "copyright", "skip to content",
    ]

    /// Words of judgement, feeling or vagueness: they make a sentence an opinion rather than a checkable statement.
    public static let evaluativeWords: Set<String> = [
        "unique", "complex", "controversial", "key", "crucial", "vital", "pride", "proud", "success", "successful",
        "careful", "consideration", "potential", "potentially", "benefit", "benefits", "downside", "downsides", "advantage",
        "advantages", "disadvantage", "disadvantages", "interesting", "fascinating", "amazing", "incredible", "remarkable",
        "great", "wonderful", "terrible", "awful", "beautiful", "distinct", "prosperous", "valuable", "impressive",
        "significant", "important", "essential", "delve", "explore", "implications", "concern", "goodwill", "insular",
        "cornerstone", "identity", "provocation", "seen", "viewed", "regarded", "considered", "perceived", "believed",
        "arguably", "likely", "unlikely", "possible", "possibly", "probably", "perhaps", "best", "worst", "better", "worse",
        "strategic", "variety", "various", "factors", "factor", "reason", "reasons", "why", "several", "many", "some", "active", "cautious",
        "encouraged", "criticized", "criticised", "absence",
    ]

    /// Verbs of perception and opinion that frame what follows as a view ("is seen as", "is believed to"), and vague
    /// attributions of influence that no source can confirm or refute ("has played a role in", "has been able to").
    public static let opinionFrames: [[String]] = [
        ["seen", "as"], ["viewed", "as"], ["regarded", "as"], ["considered", "to"], ["considered", "a"], ["believed", "to"],
        ["thought", "to"], ["perceived", "as"], ["said", "to"], ["been", "able", "to"], ["a", "way", "to"],
    ]

    /// Forms of "play" that, with "role" up to three words later, attribute an unmeasured influence ("has played a
    /// significant role in").
    public static let playForms: Set<String> = ["play", "plays", "played", "playing"]

    /// Words that rank or count: a statement with one can be checked against a figure.
    public static let rankingWords: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "last", "largest", "smallest", "biggest", "highest", "lowest", "most",
        "least", "only", "oldest", "newest", "longest", "shortest", "richest", "poorest", "member", "members", "founded",
        "established", "signed", "joined", "percent", "million", "billion", "thousand", "hundred", "half", "majority",
        "population", "capital", "border", "borders", "treaty", "constitution", "occupied", "invaded", "elected",
        "killed", "born", "died", "won", "lost", "located", "stationed", "troops", "economy", "gdp", "century", "war",
    ]

    /// Written numbers that count.
    public static let countWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
        "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen",
    ]

    /// Pronouns and demonstratives that refer back: a claim that opens with one does not stand alone.
    public static let referringOpeners: Set<String> = ["it", "its", "he", "she", "they", "them", "this", "that", "these", "those", "his", "her", "their", "there", "such"]

    /// Nouns of definite descriptions that refer back to a named organisation or country ("the alliance").
    public static let organisationNouns: Set<String> = ["alliance", "organization", "organisation", "treaty", "union", "bloc", "pact", "group", "agency", "partnership", "dialogue"]
    public static let countryNouns: Set<String> = ["country", "nation", "state", "kingdom", "republic", "island", "archipelago"]
}
