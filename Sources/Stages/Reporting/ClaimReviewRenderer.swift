import FactCheckCore
import Foundation

/// Renders a report as schema.org `ClaimReview` JSON-LD. `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes,
/// so the output can be placed inside `<script type="application/ld+json">` whatever the claim contains.
public struct ClaimReviewRenderer: Sendable {
    public init() {}

    /// - Parameter url: where the fact check is published.
    public func render(_ report: Report, url: String) throws -> String {
        var rating: [String: Any] = [
            "@type": "Rating", "alternateName": report.verdict.rawValue, "bestRating": 5, "worstRating": 1,
        ]
        if let value = report.verdict.ratingValue { rating["ratingValue"] = value }
        let review: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": report.claim,
            "datePublished": ReportDates.iso(report.date),
            "url": url,
            "author": ["@type": "Organization", "name": "FactCheck"],
            "reviewRating": rating,
            "itemReviewed": ["@type": "Claim", "text": report.normalizedClaim.isEmpty ? report.claim : report.normalizedClaim],
            "reviewBody": report.summary,
        ]
        let data = try JSONSerialization.data(withJSONObject: review, options: [.sortedKeys, .withoutEscapingSlashes])
        var json = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<", ">", "&", "\u{2028}", "\u{2029}": json += String(format: "\\u%04x", scalar.value)
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json
    }
}
