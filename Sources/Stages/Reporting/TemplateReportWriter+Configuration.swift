import Foundation

extension TemplateReportWriter {
    /// Limits and thresholds of the template report writer.
    public struct Configuration: Sendable, Equatable {
        /// Most sources listed (each a distinct passage).
        public var maxSources: Int
        /// Most facts in What We Know.
        public var maxFacts: Int
        /// Least entailment probability for the cited passage to keep a fact's citation on re-check.
        public var citationThreshold: Double
        /// How far the most probable stance must lead the runner-up to be shown; otherwise NOT_ENOUGH_INFO.
        public var stanceMargin: Double
        /// Jaccard overlap of content words at or above which two facts are merged into one with several citations.
        public var mergeThreshold: Double
        /// Least credibility score of a source whose passage may be stated as a fact.
        public var minimumFactCredibility: Double
        /// Fewest words a sentence needs to be stated as a fact.
        public var minimumFactWords: Int
        /// Credibility scores at or above which a source reads as "high", and as "moderate"; below is "low".
        public var highCredibility: Double
        public var moderateCredibility: Double
        /// Age (seconds before the report date) past which the newest source is flagged as possibly out of date.
        public var staleSourceAge: TimeInterval
        /// Domains of state-controlled media, flagged as a possible bias (subdomains match too).
        public var stateMediaDomains: Set<String>

        public init(
            maxSources: Int = 6, maxFacts: Int = 5, citationThreshold: Double = 0.5, stanceMargin: Double = 0.2,
            mergeThreshold: Double = 0.5, minimumFactCredibility: Double = 0.45, minimumFactWords: Int = 4,
            highCredibility: Double = 0.75, moderateCredibility: Double = 0.45, staleSourceAge: TimeInterval = 2 * 365 * 86_400,
            stateMediaDomains: Set<String> = [
                "rt.com", "sputniknews.com", "sputnikglobe.com", "tass.com", "tass.ru", "ria.ru", "cgtn.com",
                "xinhuanet.com", "news.cn", "globaltimes.cn", "chinadaily.com.cn", "presstv.ir", "kcna.kp",
            ]
        ) {
            self.maxSources = maxSources
            self.maxFacts = maxFacts
            self.citationThreshold = citationThreshold
            self.stanceMargin = stanceMargin
            self.mergeThreshold = mergeThreshold
            self.minimumFactCredibility = minimumFactCredibility
            self.minimumFactWords = minimumFactWords
            self.highCredibility = highCredibility
            self.moderateCredibility = moderateCredibility
            self.staleSourceAge = staleSourceAge
            self.stateMediaDomains = stateMediaDomains
        }
    }
}
