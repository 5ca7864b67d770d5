import ArgumentParser
import FactCheckCore
import Foundation

/// One labelled item to score: the texts to verify and its gold label.
struct EvalItem {
    /// (passage, claim) pairs whose stances decide the item.
    var pairs: [(passage: String, claim: String)]
    var gold: String
    /// The claim itself (claims format).
    var claim: String = ""
    /// Ids of the gold evidence documents (Climate-FEVER `evidence_id`, Check-COVID `meta.cord_id`), for recall@k.
    var goldDocuments: Set<String> = []
}

/// Reads evaluation JSONL: NLI pairs (`premise`, `hypothesis`, `label`) or the shared claim schema
/// (`claim`, `label`, `split`, `evidence[]` with `text` and `evidence_label`).
struct EvalRecords {
    var items: [EvalItem] = []
    /// Lines that could not be used, with their line numbers.
    var skipped: [String] = []

    enum Format: String, ExpressibleByArgument, CaseIterable { case nli, claims }

    /// - Parameter titleContext: read an evidence text after its `title` when the text does not name it, as the pipeline
    ///   reads a passage of a source ("Harry S. Truman. He established …").
    init(path: String, format: Format, split: String?, perEvidence: Bool, titleContext: Bool = false) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EvalError("\(path): cannot read: \(error.localizedDescription)")
        }
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
            guard let record = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                skipped.append("\(path):\(lineNumber): not a JSON object")
                continue
            }
            if let split, record["split"] as? String != split { continue }
            switch format {
            case .nli:
                guard let premise = record["premise"] as? String, let hypothesis = record["hypothesis"] as? String,
                      let label = record["label"] as? String
                else {
                    skipped.append("\(path):\(lineNumber): needs premise, hypothesis and label")
                    continue
                }
                items.append(EvalItem(pairs: [(premise, hypothesis)], gold: label))
            case .claims:
                guard let claim = record["claim"] as? String, let label = record["label"] as? String else {
                    skipped.append("\(path):\(lineNumber): needs claim and label")
                    continue
                }
                let evidence = record["evidence"] as? [[String: Any]] ?? []
                let premise = { (item: [String: Any]) -> String? in
                    guard let text = item["text"] as? String, !text.isEmpty else { return nil }
                    guard titleContext, let title = item["title"] as? String, !title.isEmpty,
                          !text.localizedCaseInsensitiveContains(title) else { return text }
                    return "\(title). \(text)"
                }
                if perEvidence {
                    for item in evidence {
                        guard let text = premise(item), let raw = item["evidence_label"] as? String,
                              let stance = Stance(label: raw) else { continue }
                        items.append(EvalItem(pairs: [(text, claim)], gold: stance.rawValue))
                    }
                } else {
                    let texts = evidence.compactMap(premise)
                    var documents = Set(evidence.compactMap { $0["evidence_id"] as? String })
                    if let cord = (record["meta"] as? [String: Any])?["cord_id"] as? String { documents.insert(cord) }
                    items.append(EvalItem(pairs: texts.map { ($0, claim) }, gold: label, claim: claim, goldDocuments: documents))
                }
            }
        }
    }
}

struct EvalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
