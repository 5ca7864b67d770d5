import FactCheckCore
import Foundation

extension DomainCredibilityScorer {
    /// How sources are scored.
    public struct Configuration: Sendable {
        /// Score of each source type before any domain rating, 0…1.
        public static let defaultPriors: [SourceType: Double] = [
            .official: 0.9, .intergovernmental: 0.9, .academic: 0.85, .wireService: 0.85, .factChecker: 0.8, .newspaper: 0.75,
            .encyclopedia: 0.7, .thinkTank: 0.65, .unknown: 0.5, .blog: 0.35, .socialMedia: 0.25,
        ]

        /// Path of a Lin et al. 2023 ratings file (JSONL of `{"domain", "pc1"}`); `nil` scores by type alone.
        public var ratingsFile: String?
        /// Weight of the domain's rating against its type prior: score = (1 − w)·prior + w·pc1.
        public var ratingWeight: Double
        /// Prior score per source type; types not given keep `defaultPriors`.
        public var priors: [SourceType: Double]
        /// Blend ratings only into domains the publisher table does not list (news sites and blogs found on the web),
        /// leaving the curated publishers' scores as they are.
        public var ratesUnlistedDomainsOnly: Bool

        public init(ratingsFile: String? = nil, ratingWeight: Double = 0.5, priors: [SourceType: Double] = [:], ratesUnlistedDomainsOnly: Bool = false) {
            precondition((0 ... 1).contains(ratingWeight), "ratingWeight must be in 0…1")
            precondition(priors.values.allSatisfy { (0 ... 1).contains($0) }, "priors must be in 0…1")
            self.ratingsFile = ratingsFile
            self.ratingWeight = ratingWeight
            self.priors = Self.defaultPriors.merging(priors) { $1 }
            self.ratesUnlistedDomainsOnly = ratesUnlistedDomainsOnly
        }
    }
}
