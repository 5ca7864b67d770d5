import FactCheckCore
import Foundation

/// Maps an aggregator's raw confidence to how often such a verdict was right, by histogram binning per verdict
/// family (the benchmark label: SUPPORTED, REFUTED, CONFLICTING, NOT_ENOUGH_INFO), fitted on labelled claims with
/// `factcheck eval --mode retrieve --fit-calibration FILE`.
public struct VerdictCalibration: Sendable, Codable, Equatable {
    /// Raw confidences up to `upTo` (and above the previous bin's) were right with probability `accuracy`.
    public struct Bin: Sendable, Codable, Equatable {
        public var upTo: Double
        /// Right answers over answers, with one right and one wrong answer added (Laplace), so a small bin is not 0 or 1.
        public var accuracy: Double
        public var count: Int
    }

    /// One fitted sample: the verdict given, its raw confidence and whether it matched the gold label.
    public struct Sample: Sendable {
        public var verdict: Verdict
        public var confidence: Double
        public var correct: Bool

        public init(verdict: Verdict, confidence: Double, correct: Bool) {
            self.verdict = verdict
            self.confidence = confidence
            self.correct = correct
        }
    }

    /// Bins by verdict family, in increasing `upTo`.
    public var bins: [String: [Bin]]
    /// What the calibration was fitted on, for the record.
    public var fittedOn: String

    public init(bins: [String: [Bin]], fittedOn: String) {
        self.bins = bins
        self.fittedOn = fittedOn
    }

    /// Fits bins of about equal count (at most `binsPerFamily`, at least `minimumPerBin` samples each) for every family
    /// seen. Equal raw confidences always share a bin (an Unverifiable verdict with no evidence at all is raw 1).
    public static func fit(_ samples: [Sample], binsPerFamily: Int = 5, minimumPerBin: Int = 20, fittedOn: String) -> VerdictCalibration {
        var bins: [String: [Bin]] = [:]
        for (family, members) in Dictionary(grouping: samples, by: { $0.verdict.benchmarkLabel }) {
            let sorted = members.sorted { $0.confidence < $1.confidence }
            let size = max(minimumPerBin, (sorted.count + binsPerFamily - 1) / binsPerFamily)
            var familyBins: [Bin] = []
            var start = 0
            while start < sorted.count {
                var end = min(sorted.count, start + size)
                while end < sorted.count, sorted[end].confidence == sorted[end - 1].confidence { end += 1 }
                if sorted.count - end < size / 2 { end = sorted.count }  // no small last bin
                let slice = sorted[start ..< end]
                let right = slice.filter(\.correct).count
                familyBins.append(Bin(upTo: end == sorted.count ? 1 : slice.last!.confidence,
                                      accuracy: Double(right + 1) / Double(slice.count + 2), count: slice.count))
                start = end
            }
            bins[family] = familyBins
        }
        return VerdictCalibration(bins: bins, fittedOn: fittedOn)
    }

    /// The calibrated confidence of `verdict` given at raw confidence `raw`; `raw` itself for a family not fitted.
    public func confidence(_ raw: Double, for verdict: Verdict) -> Double {
        guard let familyBins = bins[verdict.benchmarkLabel], !familyBins.isEmpty else { return raw }
        return (familyBins.first { raw <= $0.upTo } ?? familyBins.last!).accuracy
    }

    /// The calibration shipped with FactCheck (`Verdict/calibration.json` in the Stages bundle).
    public static func bundled() throws -> VerdictCalibration {
        guard let url = Bundle.module.url(forResource: "calibration", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Stages bundle: calibration.json"])
        }
        return try JSONDecoder().decode(VerdictCalibration.self, from: Data(contentsOf: url))
    }
}
