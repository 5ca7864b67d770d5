import Foundation
import Tokenizers
import XCTest

/// Loads the fixtures written by `scripts/make_tokenizer_fixtures.py`.
///
/// (`JSONDecoder` rather than `JSONSerialization`: the latter drops a leading U+FEFF from strings.)
enum Fixtures {
    struct Inputs: Decodable {
        struct Pair: Decodable {
            let a: String
            let b: String
            let max_length: Int?
            let strategy: String
            let add_special_tokens: Bool

            var truncation: TruncationStrategy {
                switch strategy {
                case "only_first": return .onlyFirst
                case "only_second": return .onlySecond
                default: return .longestFirst
                }
            }
        }

        let singles: [String]
        let pairs: [Pair]
    }

    struct Expected: Decodable {
        struct Truncated: Decodable {
            let index: Int
            let max_length: Int
            let ids: [Int32]
        }

        struct Pair: Decodable {
            let ids: [Int32]?
            let type_ids: [Int32]?
            let error: String?
        }

        let single_indices: [Int]
        let pad_id: Int32
        let special_tokens_single: Int
        let special_tokens_pair: Int
        let token_ids: [String: Int32?]
        let singles: [[Int32]]
        let singles_plain: [[Int32]]
        let tokens: [String: [String]]
        let singles_truncated: [Truncated]
        let pairs: [Pair]
    }

    static func url(_ name: String) throws -> URL {
        try XCTUnwrap(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
            "fixture \(name) not found"
        )
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url(name)))
    }

    static func manifest() throws -> [String] {
        try decode([String].self, "manifest.json")
    }

    static func inputs() throws -> Inputs {
        try decode(Inputs.self, "inputs.json")
    }

    static func expected(_ name: String) throws -> Expected {
        try decode(Expected.self, "\(name).expected.json")
    }

    static func tokenizer(_ name: String) throws -> Tokenizer {
        try Tokenizer(contentsOf: url("\(name).tokenizer.json"))
    }
}

/// Collects mismatches and reports the first one in detail.
struct ParityReport {
    let fixture: String
    private(set) var checked = 0
    private(set) var failed = 0
    private(set) var firstFailure: String?

    init(fixture: String) {
        self.fixture = fixture
    }

    mutating func check<T: Equatable>(_ label: String, text: String, expected: T, actual: T) {
        checked += 1
        guard expected != actual else { return }
        failed += 1
        if firstFailure == nil {
            firstFailure = "\(fixture) \(label): text \(String(text.debugDescription.prefix(300)))\n"
                + "  expected \(expected)\n  actual   \(actual)"
        }
    }

    func assertClean(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThan(checked, 0, "\(fixture): nothing checked", file: file, line: line)
        if let firstFailure {
            XCTFail("\(failed)/\(checked) mismatches; first: \(firstFailure)", file: file, line: line)
        }
    }
}
