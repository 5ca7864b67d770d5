/// A check-worthy statement found in an article: the claim as it stands alone, and where the article makes it.
public struct ExtractedClaim: Sendable, Codable, Equatable {
    /// The claim to check, rewritten to stand alone ("It is an island nation …" → "Japan is an island nation …").
    public var text: String
    /// The article's sentence that makes the claim, as written.
    public var sentence: String
    /// Where `sentence` is in the article's text.
    public var span: TextSpan
    /// How worth checking the statement is, 0…1; claims are ranked by it.
    public var checkWorthiness: Double

    public init(text: String, sentence: String, span: TextSpan, checkWorthiness: Double) {
        self.text = text
        self.sentence = sentence
        self.span = span
        self.checkWorthiness = checkWorthiness
    }

    enum CodingKeys: String, CodingKey {
        case text, sentence, span
        case checkWorthiness = "check_worthiness"
    }
}
