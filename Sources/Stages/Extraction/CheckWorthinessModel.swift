import FactCheckCore
import Foundation

/// A logistic regression over a sentence's embedding and its statement features that says how likely a careful
/// checker would flag it; fitted by `factcheck train-checkworthiness` on labelled check-worthy sentences.
public struct CheckWorthinessModel: Sendable {
    public struct Weights: Sendable, Codable, Equatable {
        public var embedding: [Float]
        public var features: [Float]
        public var bias: Float
        /// What the weights were fitted on, for the record.
        public var trainedOn: String
    }

    public let embedder: any TextEmbedder
    public let weights: Weights

    public init(embedder: any TextEmbedder, weights: Weights) {
        self.embedder = embedder
        self.weights = weights
    }

    /// The model shipped with FactCheck.
    public static func bundled(embedder: any TextEmbedder) throws -> CheckWorthinessModel {
        guard let url = Bundle.module.url(forResource: "checkworthiness", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "checkworthiness.json"])
        }
        return CheckWorthinessModel(embedder: embedder, weights: try JSONDecoder().decode(Weights.self, from: Data(contentsOf: url)))
    }

    func probabilities(of sentences: [String], features: [[Float]]) async throws -> [Double] {
        guard !sentences.isEmpty else { return [] }
        let embeddings = try await embedder.embed(sentences)
        return zip(embeddings, features).map { weights.probability(embedding: $0, features: $1) }
    }

    /// The statement features of `sentence`, in the order of `Weights.features`.
    public static func features(of sentence: String) -> [Float] { StatementFeatures(sentence).vector }
}

extension CheckWorthinessModel.Weights {
    public func probability(embedding: [Float], features: [Float]) -> Double {
        var z = bias
        for (w, x) in zip(self.embedding, embedding) { z += w * x }
        for (w, x) in zip(self.features, features) { z += w * x }
        return 1 / (1 + exp(-Double(z)))
    }

    /// Fits by full-batch gradient descent on the class-balanced logistic loss with L2 regularisation.
    public static func fit(embeddings: [[Float]], features: [[Float]], labels: [Bool], epochs: Int = 300, learningRate: Float = 0.5,
                           l2: Float = 1e-4, trainedOn: String) -> Self {
        let dimensions = embeddings.first?.count ?? 0, featureCount = features.first?.count ?? 0
        var weights = Self(embedding: Array(repeating: 0, count: dimensions), features: Array(repeating: 0, count: featureCount), bias: 0, trainedOn: trainedOn)
        let positives = Float(labels.filter { $0 }.count), count = Float(labels.count)
        guard positives > 0, positives < count else { return weights }
        let positiveWeight = count / (2 * positives), negativeWeight = count / (2 * (count - positives))
        for _ in 0 ..< epochs {
            var gradientE = [Float](repeating: 0, count: dimensions), gradientF = [Float](repeating: 0, count: featureCount), gradientB: Float = 0
            for index in labels.indices {
                let p = Float(weights.probability(embedding: embeddings[index], features: features[index]))
                let error = (p - (labels[index] ? 1 : 0)) * (labels[index] ? positiveWeight : negativeWeight) / count
                for d in 0 ..< dimensions { gradientE[d] += error * embeddings[index][d] }
                for f in 0 ..< featureCount { gradientF[f] += error * features[index][f] }
                gradientB += error
            }
            for d in 0 ..< dimensions { weights.embedding[d] -= learningRate * (gradientE[d] + l2 * weights.embedding[d]) }
            for f in 0 ..< featureCount { weights.features[f] -= learningRate * (gradientF[f] + l2 * weights.features[f]) }
            weights.bias -= learningRate * gradientB
        }
        return weights
    }

    enum CodingKeys: String, CodingKey {
        case embedding, features, bias
        case trainedOn = "trained_on"
    }
}
