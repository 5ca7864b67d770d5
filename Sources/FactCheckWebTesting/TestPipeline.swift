import English
import FactCheckCore
import Foundation
import Stages

/// A pipeline for tests of the web app, built as the product builds it, with stand-ins for the model-backed stages: a
/// few in-memory passages instead of the knowledge base, judged by `LexicalStanceClassifier` instead of the NLI model.
public enum TestPipeline {
    /// Passages about NATO from an official source and an encyclopedia, enough for True and False verdicts.
    public static let natoPassages: [(source: Source, text: String)] = [
        (Source(id: SourceID("nato-history"), url: "https://www.nato.int/cps/en/natohq/declassified_139339.htm", title: "A short history of NATO",
                publisher: "NATO", domain: "nato.int", published: Date(timeIntervalSince1970: 1_700_000_000)),
         "NATO was founded in 1949 when twelve countries signed the North Atlantic Treaty in Washington."),
        (Source(id: SourceID("wiki-nato"), url: "https://en.wikipedia.org/wiki/NATO", title: "NATO", publisher: "Wikipedia", domain: "en.wikipedia.org",
                published: Date(timeIntervalSince1970: 1_710_000_000)),
         "NATO was founded in 1949 and has 32 member states across Europe and North America."),
    ]

    public static func make(passages: [(source: Source, text: String)] = natoPassages, delay: Duration = .zero) throws -> FactCheckPipeline {
        try PipelineBuilder(verifier: LexicalStanceClassifier(delay: delay), retriever: InMemoryRetriever(passages: passages),
                            credibility: try DomainCredibilityScorer()).pipeline()
    }
}

/// Returns the stored passages sharing at least one word with the claim, most shared words first.
public struct InMemoryRetriever: EvidenceRetriever {
    public let passages: [(source: Source, text: String)]

    public init(passages: [(source: Source, text: String)]) { self.passages = passages }

    public func retrieve(for claim: Claim, embedding: [Float]?, limit: Int) async throws -> EvidenceSearch {
        let words = LexicalStanceClassifier.words(claim.normalized)
        let scored = passages.enumerated().map { index, item in (index, item, LexicalStanceClassifier.words(item.text).intersection(words).count) }
        let found = scored.filter { $0.2 > 0 }.sorted { $0.2 > $1.2 }.prefix(limit).map { index, item, shared in
            RetrievedPassage(passage: Passage(id: PassageID("\(item.source.id.rawValue)#\(index)"), sourceID: item.source.id, index: 0, text: item.text),
                             source: item.source, relevance: Double(shared) / Double(max(1, words.count)), provider: "local")
        }
        return EvidenceSearch(passages: Array(found), providers: [ProviderOutcome(provider: "local", status: .answered, passages: found.count, milliseconds: 0)])
    }
}

/// A deterministic stand-in for the NLI verifier: a passage supports a statement whose content words it all contains,
/// refutes it when it shares the words but states a different number, and otherwise says nothing.
public struct LexicalStanceClassifier: StanceClassifier {
    public let delay: Duration

    public init(delay: Duration = .zero) { self.delay = delay }

    public func stances(of passages: [String], toward statement: String) async throws -> [StanceProbabilities] {
        if delay > .zero { try await Task.sleep(for: delay) }
        let claimWords = Self.words(statement)
        return passages.map { passage in
            let passageWords = Self.words(passage)
            let missing = claimWords.subtracting(passageWords)
            if missing.isEmpty { return StanceProbabilities(supports: 0.9, refutes: 0.05, notEnoughInfo: 0.05) }
            if missing.allSatisfy({ $0.allSatisfy(\.isNumber) }), claimWords.count - missing.count >= 2 {
                return StanceProbabilities(supports: 0.05, refutes: 0.9, notEnoughInfo: 0.05)
            }
            return StanceProbabilities(supports: 0.05, refutes: 0.05, notEnoughInfo: 0.9)
        }
    }

    static func words(_ text: String) -> Set<String> {
        Set(Words.matching(text)).subtracting(StopWords.search)
    }
}
