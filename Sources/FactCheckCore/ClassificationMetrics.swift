import Foundation

/// Accuracy, macro-F1, per-class precision/recall, confusion matrix and expected calibration error
/// of predictions over a fixed list of labels.
public struct ClassificationMetrics: Sendable, Codable, Equatable {
    public struct ClassScores: Sendable, Codable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var n: Int
    public var labels: [String]
    public var accuracy: Double
    public var macroF1: Double
    public var perClass: [String: ClassScores]
    /// `confusion[gold][predicted]`, in `labels` order.
    public var confusion: [[Int]]
    /// Expected calibration error of the predicted label's confidence, over `bins` equal-width bins.
    public var ece: Double

    enum CodingKeys: String, CodingKey {
        case n, labels, accuracy, ece, confusion
        case macroF1 = "macro_f1"
        case perClass = "per_class"
    }

    /// - Parameters: `gold` and `predicted` are indices into `labels`; `confidence` is the probability the
    ///   model gave its predicted label.
    public init(labels: [String], gold: [Int], predicted: [Int], confidence: [Double], bins: Int = 15) {
        precondition(gold.count == predicted.count && gold.count == confidence.count)
        self.labels = labels
        n = gold.count
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (g, p) in zip(gold, predicted) { confusion[g][p] += 1 }
        self.confusion = confusion
        accuracy = n == 0 ? 0 : Double(zip(gold, predicted).filter { $0 == $1 }.count) / Double(n)
        var perClass: [String: ClassScores] = [:]
        for (index, label) in labels.enumerated() {
            let truePositives = Double(confusion[index][index])
            let predictedCount = Double(confusion.reduce(0) { $0 + $1[index] })
            let support = confusion[index].reduce(0, +)
            let precision = predictedCount == 0 ? 0 : truePositives / predictedCount
            let recall = support == 0 ? 0 : truePositives / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            perClass[label] = ClassScores(precision: precision, recall: recall, f1: f1, support: support)
        }
        self.perClass = perClass
        macroF1 = labels.isEmpty ? 0 : labels.reduce(0) { $0 + perClass[$1]!.f1 } / Double(labels.count)
        ece = Self.expectedCalibrationError(correct: zip(gold, predicted).map { $0 == $1 }, confidence: confidence, bins: bins)
    }

    /// Σ over bins of |accuracy − mean confidence| weighted by the bin's share of predictions.
    public static func expectedCalibrationError(correct: [Bool], confidence: [Double], bins: Int) -> Double {
        guard !correct.isEmpty else { return 0 }
        var total = [Int](repeating: 0, count: bins), hits = [Int](repeating: 0, count: bins)
        var confidenceSum = [Double](repeating: 0, count: bins)
        for (isCorrect, value) in zip(correct, confidence) {
            let bin = min(bins - 1, max(0, Int(value * Double(bins))))
            total[bin] += 1
            hits[bin] += isCorrect ? 1 : 0
            confidenceSum[bin] += value
        }
        return (0 ..< bins).reduce(0) { sum, bin in
            guard total[bin] > 0 else { return sum }
            let gap = abs(Double(hits[bin]) / Double(total[bin]) - confidenceSum[bin] / Double(total[bin]))
            return sum + gap * Double(total[bin]) / Double(correct.count)
        }
    }
}
