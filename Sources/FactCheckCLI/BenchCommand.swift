import ArgumentParser
import CBLAS
import FactCheckCore
import Foundation
import Inference

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (used by `make bench-engine`; results go to BENCHMARKS.md).",
        subcommands: [Engine.self, ColdStart.self, Check.self, Parsers.self]
    )

    /// Throughput of the embedder and the pair classifier at batch 1 and 32, with 1 and 2 threads.
    struct Engine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Embedding and sentence-pair throughput, achieved and sgemm GFLOPS; prints JSON.",
            discussion: "INPUT is JSON {\"texts\": [...], \"pairs\": [[premise, hypothesis], ...]}."
        )
        @Option(help: "Embedding model folder.") var embedder: String
        @Option(help: "Sequence-classification model folder.") var classifier: String
        @Option(help: "Input JSON file.") var input: String
        @Option(help: "Write the batch-32 outputs here as JSON (for comparison with PyTorch).") var outputs: String?
        @Option(help: "Maximum tokens per input.") var maxLength = 128
        @Option(help: "Seconds to spend on each measurement at least.") var seconds = 3.0
        @Option(parsing: .upToNextOption, help: "Batch sizes to measure (e.g. to profile one of them).") var batchSizes = [1, 32]
        @Option(parsing: .upToNextOption, help: "Thread counts to measure.") var threadCounts = [1, 2]

        struct Input: Decodable { let texts: [String]; let pairs: [[String]] }

        func validate() throws {
            guard seconds > 0, maxLength > 2 else { throw ValidationError("--seconds and --max-length must be positive.") }
            guard !batchSizes.isEmpty, !threadCounts.isEmpty, (batchSizes + threadCounts).allSatisfy({ $0 > 0 }) else {
                throw ValidationError("--batch-sizes and --thread-counts must be positive.")
            }
        }

        func run() async throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: input))
            let input = try JSONDecoder().decode(Input.self, from: data)
            guard !input.texts.isEmpty, !input.pairs.isEmpty, input.pairs.allSatisfy({ $0.count == 2 }) else {
                throw ValidationError("\(self.input): needs non-empty texts and [premise, hypothesis] pairs")
            }
            var result: [String: Double] = [:]
            let loadStart = DispatchTime.now()
            let embedder = try TextEncoder(directory: URL(fileURLWithPath: embedder), maxLength: maxLength)
            result["swift_embedder_load_ms"] = milliseconds(since: loadStart)
            let classifier = try TextEncoder(directory: URL(fileURLWithPath: classifier), maxLength: maxLength)
            let texts = input.texts.map(embedder.sequence)
            let pairs = try input.pairs.map { try classifier.sequence($0[0], $0[1]) }
            for threads in threadCounts {
                embedder.model.encoder.threadCount = threads
                classifier.model.encoder.threadCount = threads
                for batch in batchSizes {
                    let suffix = "b\(batch)" + (threads == 2 ? "" : "_t1")
                    let embed = try measure(texts, batch: batch) { _ = try embedder.model.embeddings($0) }
                    let classify = try measure(pairs, batch: batch) { _ = try classifier.model.logits($0) }
                    result["swift_embed_per_s_\(suffix)"] = embed
                    result["swift_pairs_per_s_\(suffix)"] = classify
                    result["swift_gflops_embed_\(suffix)"] = embed * embedder.model.config.flops(averageLength: average(texts))
                    result["swift_gflops_pairs_\(suffix)"] = classify * classifier.model.config.flops(averageLength: average(pairs))
                }
            }
            result["swift_gflops"] = result["swift_gflops_pairs_b32"]
            result["sgemm_gflops"] = sgemmGFLOPS(threads: 2)
            result["sgemm_gflops_t1"] = sgemmGFLOPS(threads: 1)
            result["avg_tokens_texts"] = average(texts)
            result["avg_tokens_pairs"] = average(pairs)
            if let outputs {
                embedder.model.encoder.threadCount = 2
                classifier.model.encoder.threadCount = 2
                let saved: [String: [[Float]]] = [
                    "embeddings": try embedder.embed(input.texts, batchSize: 32),
                    "logits": try lengthSortedBatches(pairs, batch: 32, classifier.model.logits),
                ]
                try JSONEncoder().encode(saved).write(to: URL(fileURLWithPath: outputs))
            }
            let json = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }

        /// Items per second over length-sorted batches, repeated for at least `seconds` after one warm-up pass.
        private func measure(_ sequences: [TokenSequence], batch: Int, _ body: ([TokenSequence]) throws -> Void) throws -> Double {
            let sorted = sequences.sorted { $0.ids.count < $1.ids.count }
            let batches = stride(from: 0, to: sorted.count, by: batch).map { Array(sorted[$0 ..< min($0 + batch, sorted.count)]) }
            for batch in batches.prefix(2) { try body(batch) }
            var items = 0
            let start = DispatchTime.now()
            repeat {
                for batch in batches {
                    try body(batch)
                    items += batch.count
                }
            } while milliseconds(since: start) < seconds * 1000
            return Double(items) / (milliseconds(since: start) / 1000)
        }
    }

    /// Process start to first embedding: load the embedder, embed one sentence, exit.
    struct ColdStart: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cold-start",
            abstract: "Load the embedder and embed one sentence (timed from outside by bench/engine_bench.py)."
        )
        @Option(help: "Embedding model folder.") var embedder: String
        @Argument var text = "NATO was founded in 1949."

        func run() async throws {
            let encoder = try TextEncoder(directory: URL(fileURLWithPath: embedder))
            let embedding = try encoder.embed([text])[0]
            print(embedding.prefix(3).map { String(format: "%.6f", $0) }.joined(separator: " "))
        }
    }
}

extension BenchCommand {
    /// Latency of whole checks on the knowledge base: loading the pipeline, the first check, then warm checks.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time `factcheck check` stages in one process: load, first check, warm p50/p95; prints JSON.",
            discussion: "Claims come from --claims (one per line) or a built-in list of 20 varied claims."
        )
        static let defaultClaims = [
            "NATO was founded in 1949.", "Is Japan in NATO?", "NATO has 30 member states.", "The Eiffel Tower is in Berlin.",
            "Berlin is the capital of Germany.", "Water boils at 100 degrees Celsius at sea level.", "The Moon is made of cheese.",
            "Mount Everest is the highest mountain on Earth.", "The Great Wall of China is visible from space.",
            "Albert Einstein was born in Germany.", "The Amazon is the longest river in the world.", "Vaccines cause autism.",
            "Australia is a continent and a country.", "The Pacific is the largest ocean.", "Shakespeare wrote Don Quixote.",
            "Paris is the capital of Italy.", "The Sun is a star.", "Bats are blind.", "Tokyo is the most populous city in the world.",
            "The European Union has 27 member states.",
        ]
        @OptionGroup var home: HomeOptions
        @OptionGroup(title: "Evidence providers") var evidence: ProviderOptions
        @Option(help: "A file with one claim per line.") var claims: String?
        @Option(help: "Passes over the claims after the first check.") var passes = 1

        func validate() throws {
            guard passes > 0 else { throw ValidationError("--passes must be positive.") }
        }

        func run() async throws {
            let claims = try self.claims.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty } }
                ?? Self.defaultClaims
            guard !claims.isEmpty else { throw ValidationError("--claims: no claims in the file.") }
            let loadStart = DispatchTime.now()
            let pipeline = try home.dataHome.pipeline(providers: evidence)
            let loadMs = milliseconds(since: loadStart)
            let deadlineMs = try evidence.deadlines.all / .milliseconds(1)
            let firstStart = DispatchTime.now()
            _ = try await pipeline.check(claims[0])
            let firstMs = milliseconds(since: firstStart)
            var latencies: [Double] = [], searches: [Double] = []
            var outcomes: [String: [String: Int]] = [:]
            var searchWithinDeadline = 0
            var calls = ModelCalls.Tally()
            for _ in 0 ..< passes {
                for claim in claims {
                    let start = DispatchTime.now()
                    let (report, trace) = try await pipeline.check(claim)
                    calls.verifierPairs += trace.modelCalls.verifierPairs
                    calls.embeddedTexts += trace.modelCalls.embeddedTexts
                    latencies.append(milliseconds(since: start))
                    searches.append(report.timingsMs["searching"] ?? 0)
                    for outcome in report.providers { outcomes[outcome.provider, default: [:]][outcome.status.rawValue, default: 0] += 1 }
                    if (report.timingsMs["searching"] ?? 0) <= deadlineMs + 500 { searchWithinDeadline += 1 }
                }
            }
            latencies.sort()
            searches.sort()
            var result: [String: Any] = [
                "claims": claims.count, "checks": latencies.count, "load_ms": loadMs, "first_check_ms": firstMs,
                "warm_p50_ms": latencies[latencies.count / 2], "warm_p95_ms": latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.95))],
                "warm_max_ms": latencies.last!,
                // The evidence search alone (retrieval and fusion over every provider).
                "search_p50_ms": searches[searches.count / 2], "search_p95_ms": searches[min(searches.count - 1, Int(Double(searches.count) * 0.95))], "providers": outcomes, "provider_deadline_ms": deadlineMs,
                // Searches that ended within the provider deadline (and 500 ms for fusing): a hanging provider never holds a check.
                "search_within_deadline_share": Double(searchWithinDeadline) / Double(latencies.count),
                // What a warm check asks of the models, on average.
                "verifier_pairs_per_check": Double(calls.verifierPairs) / Double(latencies.count),
                "embedded_texts_per_check": Double(calls.embeddedTexts) / Double(latencies.count),
            ]
            // At the end: the process's own memory, and the file pages it maps (model weights, passage vectors), which
            // the operating system shares between processes and may drop.
            if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
                for line in status.split(separator: "\n") {
                    for (field, key) in [("RssAnon:", "rss_anon_mb"), ("RssFile:", "rss_file_mb")] where line.hasPrefix(field) {
                        result[key] = (Int(line.dropFirst(field.count).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0) / 1024
                    }
                }
            }
            print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
        }
    }
}

private func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
}

private func average(_ sequences: [TokenSequence]) -> Double {
    Double(sequences.reduce(0) { $0 + $1.ids.count }) / Double(sequences.count)
}

/// Runs `body` over length-sorted batches and returns outputs in input order.
private func lengthSortedBatches(_ sequences: [TokenSequence], batch: Int, _ body: ([TokenSequence]) throws -> [[Float]]) throws -> [[Float]] {
    let order = sequences.indices.sorted { sequences[$0].ids.count < sequences[$1].ids.count }
    var results = [[Float]](repeating: [], count: sequences.count)
    for start in stride(from: 0, to: order.count, by: batch) {
        let indices = Array(order[start ..< min(start + batch, order.count)])
        for (index, row) in zip(indices, try body(indices.map { sequences[$0] })) { results[index] = row }
    }
    return results
}

/// GFLOPS of a 1024×1024×1024 `cblas_sgemm`, the ceiling for the encoder's matrix products.
private func sgemmGFLOPS(threads: Int) -> Double {
    openblas_set_num_threads(Int32(threads))
    let n = 1024
    let a = [Float](repeating: 0.5, count: n * n), b = [Float](repeating: 0.25, count: n * n)
    var c = [Float](repeating: 0, count: n * n)
    func multiply() { cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n), b, Int32(n), 0, &c, Int32(n)) }
    multiply()
    var runs = 0
    let start = DispatchTime.now()
    repeat {
        multiply()
        runs += 1
    } while milliseconds(since: start) < 1500
    return 2 * Double(n * n * n) * Double(runs) / (milliseconds(since: start) / 1000) / 1e9
}

extension ModelConfig {
    /// Approximate GFLOP per sequence of `averageLength` tokens: projections, attention and feed-forward.
    func flops(averageLength t: Double) -> Double {
        let h = Double(hiddenSize), i = Double(intermediateSize)
        let perLayer = 2 * t * h * 3 * h + 4 * t * t * h + 2 * t * h * h + 4 * t * h * i
        return perLayer * Double(layerCount) / 1e9
    }
}
