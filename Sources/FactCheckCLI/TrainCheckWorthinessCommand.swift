import ArgumentParser
import FactCheckCore
import Foundation
import Stages

struct TrainCheckWorthinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-checkworthiness",
        abstract: "Fit the check-worthiness model on labelled sentences; print its precision, recall and F1 on a dev set beside the rules'.",
        discussion: """
        Reads JSONL lines {"text", "checkworthy": true|false} (the CheckThat! 2024 layout), embeds each sentence with \
        the installed sentence embedder, fits a class-balanced logistic regression over the embedding and the \
        extractor's statement features, and writes the weights as JSON (the shipped model lives in \
        Sources/Stages/Extraction/checkworthiness.json).
        """
    )
    @OptionGroup var home: HomeOptions
    @Option(help: "Training sentences (JSONL).") var train: String
    @Option(help: "Dev sentences (JSONL), scored after fitting.") var dev: String
    @Option(help: "Write the fitted weights here.") var output: String
    @Option(help: "Gradient-descent epochs.") var epochs = 300

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive.") }
    }

    func run() async throws {
        let embedder = try home.dataHome.embedder()
        let training = try Self.read(train), development = try Self.read(dev)
        FileHandle.standardError.write(Data("embedding \(training.count) + \(development.count) sentences\n".utf8))
        let trainEmbeddings = try await Self.embed(training.map(\.text), with: embedder)
        let weights = CheckWorthinessModel.Weights.fit(
            embeddings: trainEmbeddings, features: training.map { CheckWorthinessModel.features(of: $0.text) }, labels: training.map(\.label),
            epochs: epochs, trainedOn: "\(URL(fileURLWithPath: train).lastPathComponent) (\(training.count) sentences), \(epochs) epochs")
        let devEmbeddings = try await Self.embed(development.map(\.text), with: embedder)
        let probabilities = zip(development, devEmbeddings).map { sentence, embedding in
            weights.probability(embedding: embedding, features: CheckWorthinessModel.features(of: sentence.text))
        }
        let rules = development.map { CheckWorthyClaimExtractor.ruleScore(of: $0.text) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(weights).write(to: URL(fileURLWithPath: output))
        for (name, scores) in [("model", probabilities), ("rules", rules), ("mean of both (the extractor's)", zip(probabilities, rules).map { ($0 + $1) / 2 })] {
            let metrics = ClassificationMetrics(labels: ["check-worthy", "not"], gold: development.map { $0.label ? 0 : 1 },
                                                predicted: scores.map { $0 >= 0.5 ? 0 : 1 }, confidence: scores.map { max($0, 1 - $0) })
            let score = metrics.perClass["check-worthy"]!
            print(String(format: "dev %d sentences, %@: check-worthy precision %.3f recall %.3f F1 %.3f; accuracy %.3f",
                         development.count, name, score.precision, score.recall, score.f1, metrics.accuracy))
        }
    }

    private static func read(_ path: String) throws -> [(text: String, label: Bool)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let sentence = object["text"] as? String, let label = object["checkworthy"] as? Bool else { return nil }
            return (sentence, label)
        }
    }

    private static func embed(_ texts: [String], with embedder: some TextEmbedder) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        for start in stride(from: 0, to: texts.count, by: 64) {
            vectors += try await embedder.embed(Array(texts[start ..< min(start + 64, texts.count)]))
        }
        return vectors
    }
}
