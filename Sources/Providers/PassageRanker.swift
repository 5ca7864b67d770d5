import English
import FactCheckCore
import Foundation

/// Cuts fetched documents (encyclopedia articles, web pages) into passages of a few sentences and ranks them by the
/// claim's keywords — the words of the search phrasings after the claim itself, or of the claim when it has no other —
/// each shared word weighed by how rare it is among the passages (BM25-like, length-normalised).
struct PassageRanker: Sendable {
    var sentencesPerPassage: Int

    /// Sections whose content is not about the subject: lists of links and references.
    private static let closingSections: Set<String> = [
        "see also", "references", "notes", "external links", "further reading", "bibliography", "sources", "citations", "footnotes",
    ]

    /// The prose of `text` cut into passages of `sentencesPerPassage` sentences; headings and titles (lines of up to 200
    /// characters without closing punctuation) and everything from a closing section of links or references on are
    /// left out.
    static func passages(of text: String, sentencesPerPassage: Int) -> [String] {
        var passages: [String] = []
        for line in text.split(separator: "\n") {
            let paragraph = line.trimmingCharacters(in: .whitespaces)
            guard !paragraph.isEmpty else { continue }
            if paragraph.count <= 200, !".!?:\"”)…".contains(paragraph.last!) {
                if closingSections.contains(paragraph.lowercased()) { break }
                continue
            }
            let sentences = SentenceSplitter.sentences(in: paragraph)
            for start in stride(from: 0, to: sentences.count, by: max(1, sentencesPerPassage)) {
                let passage = sentences[start ..< min(sentences.count, start + sentencesPerPassage)].joined(separator: " ")
                if passage.count >= 40 { passages.append(passage) }
            }
        }
        return passages
    }

    /// The keywords of a query (see the type's description; a question form is not keywords), lower-case.
    static func keywords(of query: EvidenceQuery) -> Set<String> {
        let statements = query.searches.filter { !$0.hasSuffix("?") }
        let phrasings = statements.count > 1 ? statements.dropFirst() : statements[...]
        return phrasings.reduce(into: Set<String>()) { $0.formUnion(words($1)) }
    }

    private static func words(_ text: String) -> Set<String> {
        Set(Words.matching(text))
    }

    /// The passages of `documents` that share the most keywords, at most `limit`, best first; a passage sharing none
    /// is left out. Passage ids are the source's id and the passage's position.
    func best(of documents: [(source: Source, text: String)], keywords: Set<String>, limit: Int, provider: String) -> [RetrievedPassage] {
        let cut = documents.map { Self.passages(of: $0.text, sentencesPerPassage: sentencesPerPassage) }
        let bags = cut.map { $0.map(Self.words) }
        let all = bags.flatMap { $0 }
        guard !all.isEmpty else { return [] }
        var frequency: [String: Int] = [:]
        for bag in all { for term in bag where keywords.contains(term) { frequency[term, default: 0] += 1 } }
        let averageLength = Double(all.map(\.count).reduce(0, +)) / Double(all.count)
        var scored: [RetrievedPassage] = []
        for (document, (texts, documentBags)) in zip(documents, zip(cut, bags)) {
            for (index, (text, bag)) in zip(texts, documentBags).enumerated() {
                let shared = bag.intersection(keywords)
                guard !shared.isEmpty else { continue }
                let weight = shared.reduce(0.0) { score, term in
                    score + max(0, log((Double(all.count) + 1) / (Double(frequency[term] ?? 0) + 0.5)))
                }
                let score = weight / (0.25 + 0.75 * Double(bag.count) / averageLength)
                let passage = Passage(id: PassageID("\(document.source.id.rawValue)#\(index)"), sourceID: document.source.id, index: index, text: text)
                scored.append(RetrievedPassage(passage: passage, source: document.source, relevance: score, provider: provider))
            }
        }
        return scored.enumerated().sorted { $0.element.relevance != $1.element.relevance ? $0.element.relevance > $1.element.relevance : $0.offset < $1.offset }
            .prefix(limit).map(\.element)
    }
}
