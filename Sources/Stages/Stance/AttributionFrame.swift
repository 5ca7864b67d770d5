import English
/// The part of a claim that says who reported it rather than what is claimed: "Researchers at Oxford found that …",
/// "In September, Vaxart reported that …", "…, says Jose-Luis Jimenez, a professor at …", "… according to a study
/// published in Nature". Evidence for what is claimed need not name who reported it.
enum AttributionFrame {
    /// `text` without its attribution frames (the reported content stays).
    static func content(of text: String) -> String {
        var content = leadingReport.replacingMatches(in: text, with: "")
        content = leadingAccordingTo.replacingMatches(in: content, with: "")
        content = trailingAttribution.replacingMatches(in: content, with: "")
        return content
    }

    private static let reportingVerbs = """
        found|finds|find|showed|shows|shown|showing|reported|reports|reporting|said|says|concluded|concludes|concluding|\
        suggested|suggests|suggesting|announced|announces|revealed|reveals|revealing|demonstrated|demonstrates|\
        estimated|estimates|confirmed|confirms|indicated|indicates|indicating|discovered|observed|noted|notes|argued|\
        argues|warned|warns|claimed|claims|believes|believe|predicted|predicts|determined|established|learned
        """

    /// "<who> <reporting verb> [a few words] that": a frame of at most 20 words before the verb and 8 after it.
    private static let leadingReport = TextPattern(
        #"^\W*(?:[^\s;:]+\s+){0,20}?(?:\#(reportingVerbs))\b(?:\s+[^\s;:]+){0,8}?\s+that\s+"#)

    /// "According to <who>, …".
    private static let leadingAccordingTo = TextPattern(#"^\W*according\s+to\s+[^,;]+,\s*"#)

    /// "…, says <who> …", "… according to <who> …", to the end of the sentence.
    private static let trailingAttribution = TextPattern(
        #"(?:,\s*(?:says|said|according\s+to|writes|wrote|reports|reported|notes|noted|adds|added)\b|\s+according\s+to\b)[^;]*$"#)
}
