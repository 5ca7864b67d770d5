import ArgumentParser
import FactCheckCore
import Foundation
import Inference
import Provisioning
import Ingestion
import Stages
import Store
import Tokenizers

extension BenchCommand {
    /// How each parser that takes outside input scales with the input: time at growing sizes of ordinary and
    /// adversarial inputs, and the growth exponent (1 is linear, 2 quadratic).
    struct Parsers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time every parser of outside input on inputs of growing size; prints a table and the growth exponents.",
            discussion: "Inputs grow 4× per step from --smallest bytes. Needs the installed embedding model (its tokenizer)."
        )
        @OptionGroup var home: HomeOptions
        @Option(help: "The smallest input, in bytes.") var smallest = 16_384
        @Option(help: "Sizes measured (each 4× the one before).") var steps = 4

        func validate() throws {
            guard smallest >= 64, (2 ... 6).contains(steps) else { throw ValidationError("--smallest must be ≥ 64 and --steps 2…6.") }
        }

        /// A named input made by repeating `unit` up to a size.
        struct Case {
            var parser: String
            var input: String
            var unit: String
            var run: (String) throws -> Void
        }

        func run() throws {
            let tokenizer = try Tokenizer(contentsOf: home.dataHome.installedModel(ModelCatalog.embedderName).appendingPathComponent("tokenizer.json"))
            let normalizer = RuleBasedClaimNormalizer(configuration: .init(maximumLength: .max))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factcheck-bench-parsers-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let archive = try SQLiteFactCheckArchive(path: folder.appendingPathComponent("archive.sqlite").path)
            let reader = DocumentReader()
            func readFile(_ text: String, _ name: String) throws {
                let url = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: url)
                _ = reader.read(url)
            }
            let cases: [Case] = [
                Case(parser: "tokenizer", input: "prose", unit: "The Eiffel Tower (330 m) was completed in 1889, not 1901! Zürich 北京 👍🏽 ") { _ = tokenizer.encode($0) },
                Case(parser: "tokenizer", input: "one long word", unit: "abcdefghij") { _ = tokenizer.encode($0) },
                Case(parser: "tokenizer", input: "combining marks", unit: "a\u{301}\u{302}\u{303}") { _ = tokenizer.encode($0) },
                Case(parser: "HTML extractor", input: "article", unit: "<p>Text of the article, a sentence long enough to keep.</p><script>x()</script>") { _ = HTMLTextExtractor.extract($0) },
                Case(parser: "HTML extractor", input: "unclosed comments", unit: "<!-- ") { _ = HTMLTextExtractor.extract($0) },
                Case(parser: "HTML extractor", input: "unclosed scripts", unit: "<script>a ") { _ = HTMLTextExtractor.extract($0) },
                Case(parser: "HTML extractor", input: "unclosed tags", unit: "<p a=") { _ = HTMLTextExtractor.extract($0) },
                Case(parser: "HTML extractor", input: "entities", unit: "&amp;&#x26;&bogus") { _ = HTMLTextExtractor.extract($0) },
                Case(parser: "document reader", input: "JSONL lines", unit: "{\"title\": \"T\", \"text\": \"Body text of a document.\"}\n") { try readFile($0, "input.jsonl") },
                Case(parser: "document reader", input: "broken JSONL", unit: "{\"title\": [[[[\n") { try readFile($0, "broken.jsonl") },
                Case(parser: "document reader", input: "Markdown", unit: "# Title\n[link](x) **bold** text. ") { try readFile($0, "input.md") },
                Case(parser: "claim normaliser", input: "question", unit: "Is it true that Japan is in NATO? ") { _ = try? normalizer.normalize($0) },
                Case(parser: "search query", input: "words and operators", unit: "nato OR \"1949\" NEAR( ") { _ = try archive.search($0, limit: 10) },
            ]
            var exponents: [(String, Double)] = []
            print("| parser | input | " + (0 ..< steps).map { "\(smallest << (2 * $0) / 1024) KB" }.joined(separator: " | ") + " | growth exponent |")
            print("|---|---|" + String(repeating: "---|", count: steps) + "---|")
            for item in cases {
                var times: [Double] = []
                for step in 0 ..< steps {
                    let size = smallest << (2 * step)
                    let text = String(repeating: item.unit, count: max(1, size / item.unit.utf8.count))
                    let start = DispatchTime.now()
                    try item.run(text)
                    times.append(max(0.01, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6))
                }
                let exponent = log(times.last! / times.first!) / log(pow(4, Double(steps - 1)))
                exponents.append(("\(item.parser), \(item.input)", exponent))
                print("| \(item.parser) | \(item.input) | " + times.map { String(format: "%.1f ms", $0) }.joined(separator: " | ")
                    + String(format: " | %.2f |", exponent))
            }
            let worst = exponents.max { $0.1 < $1.1 }!
            print(String(format: "\nworst growth exponent: %.2f (%@)", worst.1, worst.0))
        }
    }
}
