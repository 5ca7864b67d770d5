import English
import FactCheckCore
import Foundation

/// Keeps only the generated sentences a reader can trust. A sentence that cites sources keeps the citations whose
/// passage the NLI verifier finds to support it, and is dropped when none does or when it cites a source that does
/// not exist. A sentence without a citation is dropped where a citation is required (What We Know), and elsewhere
/// when it brings a number or a name that neither the claim nor the sources' titles and publishers carry. A sentence
/// that names a verdict other than the check's is dropped: the prose never changes the verdict.
struct FaithfulnessFilter: Sendable {
    /// A paragraph after filtering: its kept sentences (without their bracketed numbers) with the citations that hold, and the dropped ones.
    struct Outcome: Sendable {
        var kept: [(text: String, citations: [Int])] = []
        var dropped: [String] = []
        var written: Int { kept.count + dropped.count }
        /// The kept sentences as a paragraph, each cited one ending in its supported source numbers.
        var text: String {
            kept.map { sentence in
                sentence.citations.isEmpty ? sentence.text
                    : "\(FaithfulnessFilter.withoutFinalStop(sentence.text)) [\(sentence.citations.map(String.init).joined(separator: ", "))]."
            }.joined(separator: " ")
        }
    }

    let verifier: any StanceClassifier
    /// The verifier's support a citation needs.
    let threshold: Double
    let sources: [Report.CitedSource]
    let verdict: Verdict
    /// Names and numbers an uncited sentence may use: those of the claim, the verdict, and the sources' titles and publishers.
    let known: Grounding

    init(verifier: any StanceClassifier, threshold: Double, claim: Claim, verdict: Verdict, sources: [Report.CitedSource]) {
        self.verifier = verifier
        self.threshold = threshold
        self.sources = sources
        self.verdict = verdict
        known = Grounding([claim.text, claim.normalized, verdict.rawValue] + sources.flatMap { [$0.title, $0.publisher ?? ""] }
            + SourceType.allCases.map(\.displayName))
    }

    func filter(_ paragraph: String, requiresCitation: Bool) async throws -> Outcome {
        var outcome = Outcome()
        for sentence in SentenceSplitter.sentences(in: paragraph) where !sentence.isEmpty {
            if let kept = try await check(sentence, requiresCitation: requiresCitation) {
                outcome.kept.append(kept)
            } else {
                outcome.dropped.append(sentence)
            }
        }
        return outcome
    }

    /// The sentence as it may stand (with only its supported citations), or nil when it must go.
    private func check(_ sentence: String, requiresCitation: Bool) async throws -> (text: String, citations: [Int])? {
        guard !namesOtherVerdict(sentence) else { return nil }
        let (statement, cited) = Self.citations(in: sentence)
        guard !cited.isEmpty else {
            return requiresCitation || !known.isGrounded(statement) ? nil : (statement, [])
        }
        guard cited.allSatisfy({ (1 ... max(sources.count, 1)).contains($0) }), !sources.isEmpty,
              statement.split(separator: " ").count >= 3 else { return nil }
        let stances = try await verifier.stances(of: cited.map { sources[$0 - 1].passage }, toward: statement)
        let supported = zip(cited, stances).filter { $0.1.supports >= threshold }.map(\.0)
        guard !supported.isEmpty else { return nil }
        return (statement, supported)
    }

    /// Whether the sentence names another verdict of the scale (as written on a page: "Mostly False", "True", …).
    private func namesOtherVerdict(_ sentence: String) -> Bool {
        let rest = sentence.replacingOccurrences(of: verdict.rawValue, with: "")
        return Verdict.allCases.contains { other in
            other != verdict && rest.range(of: "\\b\(other.rawValue)\\b", options: .regularExpression) != nil
        }
    }

    static func withoutFinalStop(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while let last = text.last, ".!;:,".contains(last) { text.removeLast() }
        return text
    }

    /// The sentence without its bracketed source numbers, and the numbers in the order cited.
    static func citations(in sentence: String) -> (statement: String, cited: [Int]) {
        let pattern = #"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]"#
        var cited: [Int] = []
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return (sentence, []) }
        let range = NSRange(sentence.startIndex..., in: sentence)
        for match in regex.matches(in: sentence, range: range) {
            guard let numbers = Range(match.range(at: 1), in: sentence) else { continue }
            for number in sentence[numbers].split(whereSeparator: { ",; ".contains($0) }).compactMap({ Int($0) }) where !cited.contains(number) {
                cited.append(number)
            }
        }
        let statement = regex.stringByReplacingMatches(in: sentence, range: range, withTemplate: "")
            .replacingOccurrences(of: " .", with: ".").trimmingCharacters(in: .whitespaces)
        return (statement, cited)
    }
}
