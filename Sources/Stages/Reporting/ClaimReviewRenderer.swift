import FactCheckCore
import Foundation

/// Renders a report as schema.org `ClaimReview` JSON-LD. `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes,
/// so the output can be placed inside `<script type="application/ld+json">` whatever the claim contains.
public struct ClaimReviewRenderer: Sendable {
    public init() {}

    /// - Parameter url: where the fact check is published.
    public func render(_ report: Report, url: String) throws -> String {
        try Self.scriptSafe(JSONSerialization.data(withJSONObject: review(report, url: url), options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// The ClaimReviews of an article's claims, as one JSON-LD array: each reviews the claim as the article makes it
    /// (`itemReviewed.appearance` is the article) and points at the claim's own fact check.
    public func render(_ claims: [(report: Report, url: String, appearance: String?)]) throws -> String {
        let reviews = claims.map { claim in
            var review = review(claim.report, url: claim.url)
            if let appearance = claim.appearance, var item = review["itemReviewed"] as? [String: Any] {
                item["appearance"] = ["@type": "CreativeWork", "url": appearance]
                review["itemReviewed"] = item
            }
            return review
        }
        return try Self.scriptSafe(JSONSerialization.data(withJSONObject: reviews, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    private func review(_ report: Report, url: String) -> [String: Any] {
        var rating: [String: Any] = [
            "@type": "Rating", "alternateName": report.verdict.rawValue, "bestRating": 5, "worstRating": 1,
        ]
        if let value = report.verdict.ratingValue { rating["ratingValue"] = value }
        return [
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
    }

    private static func scriptSafe(_ data: Data) -> String {
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
