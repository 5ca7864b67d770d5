import Foundation
import Inference

/// A tiny checkpoint written by scripts/make_engine_fixtures.py, with PyTorch's outputs for one batch.
struct EngineFixture {
    struct Expected: Decodable {
        struct Sequence: Decodable { let ids: [Int32]; let type_ids: [Int32] }
        let dtype: String
        let sequences: [Sequence]
        let hidden: [[Float]]
        let logits: [[Float]]?
    }

    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let names = ["bert-classifier", "bert-encoder", "roberta-classifier", "deberta-v3-classifier", "deberta-v2-classifier"]

    let name: String
    let directory: URL
    let expected: Expected

    init(_ name: String) throws {
        self.name = name
        directory = Self.root.appendingPathComponent(name)
        expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: directory.appendingPathComponent("expected.json")))
    }

    var sequences: [TokenSequence] { expected.sequences.map { TokenSequence(ids: $0.ids, typeIds: $0.type_ids) } }
}

func maxAbsDifference(_ a: some Collection<Float>, _ b: some Collection<Float>) -> Float {
    precondition(a.count == b.count, "length \(a.count) vs \(b.count)")
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
