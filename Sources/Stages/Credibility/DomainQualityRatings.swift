import Foundation

/// News-domain quality scores of Lin et al. 2023, PNAS Nexus ("High level of correspondence across
/// different news domain quality rating sets"): `pc1` in 0…1, the first principal component of six
/// expert rating sets.
///
/// The file is JSON Lines, one `{"domain": "...", "pc1": 0.91}` per line; a domain may carry a path that
/// scopes the rating to part of a site (`cato.org/blog`, `facebook.com/somepage`). Blank lines are ignored;
/// a line that is not such an object, has `pc1` outside 0…1, or repeats a domain (`www.` aside) is skipped
/// and its 1-based number recorded in `skippedLines`; the first rating of a domain is kept.
public struct DomainQualityRatings: Sendable {
    /// The file the ratings were read from.
    public let file: URL
    /// `pc1` by lower-cased domain, with any path (without `www.` or a trailing slash).
    public let scores: [String: Double]
    /// 1-based numbers of the lines that were skipped as malformed.
    public let skippedLines: [Int]

    /// Reads a ratings file; throws if it is missing or unreadable, never for individual bad lines.
    public init(contentsOf file: URL) throws {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw CredibilityError.ratingsFileNotFound(file.path)
        }
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw CredibilityError.ratingsFileUnreadable(file.path, error.localizedDescription)
        }
        var scores: [String: Double] = [:]
        var skipped: [Int] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let (domain, score) = Self.parse(line, decoder: decoder), scores[domain] == nil else {
                skipped.append(index + 1)
                continue
            }
            scores[domain] = score
        }
        self.file = file
        self.scores = scores
        self.skippedLines = skipped
    }

    private struct Line: Decodable {
        let domain: String
        let pc1: Double
    }

    private static func parse(_ line: Substring, decoder: JSONDecoder) -> (String, Double)? {
        guard let parsed = try? decoder.decode(Line.self, from: Data(line.utf8)) else { return nil }
        let domain = DomainName.site(parsed.domain)
        guard !domain.isEmpty, (0 ... 1).contains(parsed.pc1) else { return nil }
        return (domain, parsed.pc1)
    }

    /// The rating of the first of `candidates` (sites, most specific first) that is rated.
    func rating(amongCandidates candidates: [String]) -> Double? {
        candidates.lazy.compactMap { scores[$0] }.first
    }
}
