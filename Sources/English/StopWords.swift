/// Function words, which say nothing about a subject: one core list, and what each use adds to it.
public enum StopWords {
    /// Articles, pronouns, auxiliaries and prepositions every use drops.
    private static let core: Set<String> = [
        "a", "an", "the", "and", "or", "but", "as", "at", "by", "for", "from", "in", "of", "on", "to", "with",
        "is", "are", "was", "were", "be", "been", "do", "does", "did", "has", "have", "had", "can", "may", "might", "will",
        "would", "i", "we", "you", "he", "she", "it", "its", "his", "her", "they", "their", "this", "that", "these",
        "those", "there", "when",
    ]
    /// Negations: a search may drop them, a comparison of statements must not ("is not a member").
    public static let negations: Set<String> = ["no", "not"]

    /// What a full-text search drops: the core, negations, question words and common adverbs and quantifiers.
    public static let search: Set<String> = core.union(negations).union([
        "about", "all", "also", "any", "being", "could", "how", "if", "into", "more", "most", "over", "should", "so",
        "some", "such", "than", "then", "what", "where", "which", "who", "whom", "why",
    ])

    /// What comparing two statements' content ignores: the search's words, negations kept.
    public static let content: Set<String> = search.subtracting(negations)

    /// What a statement's anchors (its names, numbers and content stems) ignore: the core, negations, quantifiers and
    /// time conjunctions ("after", "since"); question words and adverbs such as "also" stay content there, since the
    /// grounding rules were set with them counted.
    public static let anchors: Set<String> = core.union(negations).union([
        "after", "all", "before", "during", "each", "every", "if", "many", "more", "most", "my", "our", "should", "since",
        "some", "while",
    ])
}
