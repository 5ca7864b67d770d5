import FactCheckCore
import FactCheckWebTesting
import Foundation
import Retrieval
import Stages
import XCTest

/// A provider that answers fixed passages, after a delay, or fails.
private struct ScriptedProvider: EvidenceProvider {
    enum Behaviour: Sendable { case answer, hang, fail }
    let name: String
    let texts: [String]
    var behaviour: Behaviour = .answer
    var similarity: Double? = nil

    struct Failure: Error {}

    func passages(for query: EvidenceQuery) async throws -> [RetrievedPassage] {
        switch behaviour {
        case .hang: try await Task.sleep(for: .seconds(30))
        case .fail: throw Failure()
        case .answer: break
        }
        return texts.enumerated().map { index, text in
            let source = Source(id: SourceID("\(name):\(index)"), url: "https://\(name).example/\(index)", title: "\(name) \(index)", domain: "\(name).example")
            return RetrievedPassage(passage: Passage(id: PassageID("\(name):\(index)#0"), sourceID: source.id, index: 0, text: text), source: source,
                                    relevance: 1 / Double(index + 1), similarity: similarity)
        }
    }
}

final class FusedEvidenceRetrieverTests: XCTestCase {
    private let claim = Claim(text: "Sweden joined NATO in 2024", normalized: "Sweden joined NATO in 2024")

    private func retriever(_ providers: [any EvidenceProvider], deadline: Duration = .seconds(5)) -> FusedEvidenceRetriever {
        FusedEvidenceRetriever(providers: providers, embedder: HashingEmbedder(), queryWriter: KeywordSearchQueryWriter(),
                               configuration: .init(providerDeadline: deadline))
    }

    func testOneProviderKeepsItsOrderAndScores() async throws {
        let local = ScriptedProvider(name: "local", texts: ["Sweden joined NATO in 2024.", "NATO has 32 members.", "Tea is a drink."], similarity: 0.5)
        let search = try await retriever([local]).retrieve(for: claim, limit: 2)
        XCTAssertEqual(search.passages.map(\.passage.text), ["Sweden joined NATO in 2024.", "NATO has 32 members."])
        XCTAssertEqual(search.passages.map(\.relevance), [1, 0.5])
        XCTAssertEqual(search.passages.map(\.similarity), [0.5, 0.5], "a provider's own similarity is kept")
        XCTAssertEqual(search.providers.map(\.provider), ["local"])
        XCTAssertEqual(search.providers.map(\.status), [.answered])
        XCTAssertEqual(search.providers.map(\.passages), [3], "what the provider gave, before the limit")
    }

    func testProvidersAreInterleavedAndDuplicatesMerged() async throws {
        let local = ScriptedProvider(name: "local", texts: ["NATO has 32 members.", "Sweden joined NATO on 7 March 2024."], similarity: 0.6)
        let wiki = ScriptedProvider(name: "wikipedia", texts: ["Sweden joined NATO on 7 March 2024!", "Finland joined NATO in 2023."])
        let search = try await retriever([local, wiki]).retrieve(for: claim, limit: 8)
        // The Sweden passage, found by both, ranks first; the copy from the second provider is merged into it.
        XCTAssertEqual(search.passages.map(\.passage.text), ["Sweden joined NATO on 7 March 2024.", "NATO has 32 members.", "Finland joined NATO in 2023."])
        XCTAssertEqual(search.passages.map(\.provider), ["local", "local", "wikipedia"])
        let finland = try XCTUnwrap(search.passages.last?.similarity)
        XCTAssertGreaterThan(finland, 0, "a passage given without a similarity gets one from the claim's vector")
        XCTAssertEqual(search.providers.map(\.passages), [2, 2])
    }

    func testAHangingProviderIsLeftOutAtItsDeadline() async throws {
        let local = ScriptedProvider(name: "local", texts: ["Sweden joined NATO in 2024."], similarity: 0.7)
        let hanging = ScriptedProvider(name: "searxng", texts: ["never"], behaviour: .hang)
        let start = ContinuousClock.now
        let search = try await retriever([local, hanging], deadline: .milliseconds(300)).retrieve(for: claim, limit: 8)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(3), "the check does not wait for the hanging provider")
        XCTAssertEqual(search.passages.map(\.passage.text), ["Sweden joined NATO in 2024."])
        XCTAssertEqual(search.providers.map(\.status), [.answered, .timedOut])
        XCTAssertEqual(search.providers[1].passages, 0)
    }

    func testEachProviderHasItsOwnDeadlineAndPassageLimit() async throws {
        let local = ScriptedProvider(name: "local", texts: ["Sweden joined NATO in 2024.", "NATO has 32 members.", "Finland joined in 2023."], similarity: 0.7)
        let hanging = ScriptedProvider(name: "searxng", texts: ["never"], behaviour: .hang)
        let retriever = FusedEvidenceRetriever(
            providers: [local, hanging], embedder: HashingEmbedder(), queryWriter: KeywordSearchQueryWriter(),
            configuration: .init(providerDeadline: .seconds(20), deadlines: ["searxng": .milliseconds(300)], passageLimits: ["local": 2]))
        let start = ContinuousClock.now
        let search = try await retriever.retrieve(for: claim, limit: 8)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(3), "searxng's own 300 ms deadline, not the general 20 s")
        XCTAssertEqual(search.providers.map(\.status), [.answered, .timedOut])
        XCTAssertEqual(search.passages.count, 2, "local's own limit")
    }

    func testAFailingProviderIsReportedAndTheOthersUsed() async throws {
        let failures = LockedList()
        let retriever = FusedEvidenceRetriever(
            providers: [ScriptedProvider(name: "wikipedia", texts: [], behaviour: .fail), ScriptedProvider(name: "local", texts: ["Sweden joined NATO in 2024."])],
            embedder: HashingEmbedder(), queryWriter: KeywordSearchQueryWriter(), onFailure: { provider, _, _ in failures.append(provider) })
        let search = try await retriever.retrieve(for: claim, limit: 8)
        XCTAssertEqual(search.providers.map(\.status), [.failed, .answered])
        XCTAssertEqual(search.passages.count, 1)
        XCTAssertEqual(failures.items, ["wikipedia"], "the operator's log hears of it")
    }

    func testNoProviderAnsweringFailsTheSearch() async throws {
        do {
            _ = try await retriever([ScriptedProvider(name: "wikipedia", texts: [], behaviour: .fail)]).retrieve(for: claim, limit: 8)
            XCTFail("no error")
        } catch {
            XCTAssertTrue(error is ScriptedProvider.Failure, "\(error)")
        }
    }

    func testSearchPhrasings() {
        let writer = KeywordSearchQueryWriter()
        XCTAssertEqual(writer.searches(for: Claim(text: "", normalized: "NATO consists of 30 member countries")),
                       ["NATO consists of 30 member countries", "NATO consists member countries", "NATO",
                        "Is it true that NATO consists of 30 member countries?"])
        XCTAssertEqual(writer.searches(for: Claim(text: "", normalized: "Sweden became a member of NATO in March 2024")),
                       ["Sweden became a member of NATO in March 2024", "Sweden became member NATO March 2024", "Sweden NATO",
                        "Is it true that Sweden became a member of NATO in March 2024?"])
        XCTAssertEqual(writer.searches(for: Claim(text: "", normalized: "water boils at 100 degrees")),
                       ["water boils at 100 degrees", "water boils degrees", "Is it true that water boils at 100 degrees?"])
        XCTAssertEqual(writer.searches(for: Claim(text: "", normalized: "Vaccines cause autism.")).last, "Is it true that vaccines cause autism?",
                       "an ordinary first word is not capitalised inside the question")
    }
}

private final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ item: String) { lock.withLock { list.append(item) } }
    var items: [String] { lock.withLock { list } }
}
