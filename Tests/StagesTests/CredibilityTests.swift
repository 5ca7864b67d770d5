import FactCheckCore
import Foundation
import Stages
import XCTest

final class CredibilityTests: XCTestCase {
    private func source(_ domain: String, url: String = "", publisher: String? = nil) -> Source {
        Source(id: SourceID(domain + url), url: url, title: "A page", publisher: publisher, domain: domain)
    }

    private func writeTemporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratings-\(UUID().uuidString).jsonl")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The shared data directory: the repository root's sibling `shared/data`, else `/work/shared/data`.
    private func sharedRatingsFile() throws -> URL {
        let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data"),
            URL(fileURLWithPath: "/work/shared/data"),
        ].map { $0.appendingPathComponent("domain_quality_lin2023.jsonl") }
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw XCTSkip("Lin et al. 2023 ratings not found at \(candidates.map(\.path).joined(separator: " or ")); skipping the blending test")
        }
        return file
    }

    func testTypesByDomainSubdomainSuffixAndOverride() throws {
        let scorer = try DomainCredibilityScorer()
        let expectations: [(String, SourceType)] = [
            ("brookings.edu", .thinkTank), // the table overrides the .edu rule
            ("en.wikipedia.org", .encyclopedia),
            ("www.nato.int", .intergovernmental),
            ("data.gov.uk", .official),
            ("unknown-blog.xyz", .unknown),
            ("cdc.gov", .official),
            ("army.mil", .official),
            ("statcan.gc.ca", .official),
            ("service-public.gouv.fr", .official),
            ("ec.europa.eu", .intergovernmental),
            ("who.int", .intergovernmental),
            ("reuters.com", .wireService),
            ("news.bbc.co.uk", .newspaper),
            ("pubmed.ncbi.nlm.nih.gov", .academic), // the table overrides the .gov rule
            ("cs.stanford.edu", .academic),
            ("www.ox.ac.uk", .academic),
            ("cochranelibrary.com", .academic),
            ("fandom.com", .encyclopedia),
            ("heritage.org", .thinkTank),
            ("x.com", .socialMedia),
            ("m.youtube.com", .socialMedia),
            ("someone.substack.com", .blog),
            ("notreuters.com", .unknown),
            ("abcnews.com.co", .unknown),
        ]
        for (domain, type) in expectations {
            XCTAssertEqual(scorer.credibility(of: source(domain)).type, type, domain)
        }
        XCTAssertEqual(scorer.credibility(of: source("WWW.Reuters.COM.")).type, .wireService)
        XCTAssertEqual(scorer.credibility(of: source("", url: "https://www.nato.int/cps/en/natohq/topics_52044.htm")).type, .intergovernmental)
    }

    func testDocumentsWithoutAWebAddressAreKnownByTheirPublisher() throws {
        let scorer = try DomainCredibilityScorer()
        let local = { (publisher: String) in scorer.credibility(of: self.source("local", url: "file:///data/corpus.jsonl", publisher: publisher)).type }
        XCTAssertEqual(local("Wikipedia sentence (Climate-FEVER evidence pool)"), .encyclopedia)
        XCTAssertEqual(local("reuters"), .wireService)
        XCTAssertEqual(local("CORD-19 abstract (Check-COVID corpus)"), .academic, "a dataset known by its alias")
        XCTAssertEqual(scorer.credibility(of: source("local", url: "file:///c.jsonl", publisher: "CORD-19")).reason,
                       "Academic source (Semantic Scholar): scholarly research or a university publication; strong evidence in its field, though one study is rarely the last word.")
        XCTAssertEqual(local("CORD-1999 digest"), .unknown, "whole words only")
        XCTAssertEqual(local("Reutersville Gazette"), .unknown, "whole words only")
        XCTAssertEqual(local("My notes"), .unknown)
        let web = scorer.credibility(of: source("reuters-news.example", url: "https://reuters-news.example/a", publisher: "Reuters"))
        XCTAssertEqual(web.type, .unknown, "a web page cannot borrow a famous publisher's name")
    }

    func testReasons() throws {
        let scorer = try DomainCredibilityScorer()
        XCTAssertEqual(scorer.credibility(of: source("www.cdc.gov")).reason,
                       "Primary source: the official record of the US Centers for Disease Control and Prevention; strong evidence for what it states.")
        XCTAssertEqual(scorer.credibility(of: source("data.gov.uk")).reason,
                       "Primary source: the official record of the UK Government; strong evidence for what it states.")
        XCTAssertEqual(scorer.credibility(of: source("fbi.gov")).reason,
                       "Primary source: the official record of fbi.gov; strong evidence for what it states.")
        XCTAssertEqual(scorer.credibility(of: source("en.wikipedia.org")).reason,
                       "Encyclopedia anyone can edit (Wikipedia): a good overview, but verify against the primary sources it cites.")
        XCTAssertEqual(scorer.credibility(of: source("brookings.edu")).reason,
                       "Think tank (the Brookings Institution): often well-researched, but may reflect its funders' or its own policy positions.")
        XCTAssertEqual(scorer.credibility(of: source("apnews.com")).reason,
                       "Wire service (the Associated Press): fact-focused reporting with strict corrections policies.")
        XCTAssertEqual(scorer.credibility(of: source("cs.stanford.edu", publisher: "Stanford Computer Science")).reason,
                       "Academic source (Stanford Computer Science): scholarly research or a university publication; strong evidence in its field, though one study is rarely the last word.")
        XCTAssertEqual(scorer.credibility(of: source("unknown-blog.xyz")).reason,
                       "Unknown publisher (unknown-blog.xyz): not a publisher FactCheck recognises; weigh it by the evidence it cites.")
    }

    func testScoresFollowTypePriors() throws {
        let scorer = try DomainCredibilityScorer()
        let official = scorer.credibility(of: source("nasa.gov")).score
        let encyclopedia = scorer.credibility(of: source("en.wikipedia.org")).score
        let blog = scorer.credibility(of: source("someone.medium.com")).score
        XCTAssertGreaterThan(official, encyclopedia)
        XCTAssertGreaterThan(encyclopedia, blog)
        XCTAssertEqual(official, 0.9)
        XCTAssertEqual(scorer.credibility(of: source("unknown-blog.xyz")).score, 0.5)
        XCTAssertEqual(scorer.credibility(of: source("tiktok.com")).score, 0.25)
        XCTAssertNil(scorer.ratings)

        let custom = try DomainCredibilityScorer(configuration: .init(priors: [.encyclopedia: 0.6]))
        XCTAssertEqual(custom.credibility(of: source("en.wikipedia.org")).score, 0.6)
        XCTAssertEqual(custom.credibility(of: source("nasa.gov")).score, 0.9)
    }

    func testBlendsLinRatingsFromTheSharedFile() throws {
        let file = try sharedRatingsFile()
        let scorer = try DomainCredibilityScorer(configuration: .init(ratingsFile: file.path))
        let ratings = try XCTUnwrap(scorer.ratings)
        XCTAssertLessThan(ratings.skippedLines.count, 5, "only repeated domains are expected to be skipped")
        XCTAssertGreaterThan(ratings.scores.count, 10_000)

        let reuters = scorer.credibility(of: source("reuters.com"))
        let pc1 = try XCTUnwrap(ratings.scores["reuters.com"])
        XCTAssertEqual(reuters.score, 0.5 * 0.85 + 0.5 * pc1, accuracy: 1e-9)
        XCTAssertTrue(reuters.reason.hasPrefix("Wire service (Reuters): fact-focused reporting with strict corrections policies (rated "))
        XCTAssertTrue(reuters.reason.hasSuffix(" of 1 for news quality by Lin et al. 2023, PNAS Nexus)."), reuters.reason)

        // A subdomain inherits its parent's rating.
        let wikipedia = scorer.credibility(of: source("en.wikipedia.org"))
        XCTAssertEqual(wikipedia.score, 0.5 * 0.7 + 0.5 * (try XCTUnwrap(ratings.scores["wikipedia.org"])), accuracy: 1e-9)
        // A platform's own rating does not describe what its users post.
        let youtube = scorer.credibility(of: source("youtube.com"))
        XCTAssertEqual(youtube.score, 0.25)
        XCTAssertFalse(youtube.reason.contains("Lin et al."))
        // An unlisted but rated news site is scored by its rating.
        let rated = try XCTUnwrap(ratings.scores["infowars.com"])
        XCTAssertEqual(scorer.credibility(of: source("infowars.com")).score, 0.5 * 0.5 + 0.5 * rated, accuracy: 1e-9)
        XCTAssertLessThan(scorer.credibility(of: source("infowars.com")).score, scorer.credibility(of: source("nytimes.com")).score)
    }

    func testSkipsMalformedRatingLinesAndReportsTheirNumbers() throws {
        let file = try writeTemporaryFile("""
        {"domain": "good-news.example", "pc1": 0.9}
        {"domain": "broken.example", "pc1": 
        {"domain": "no-score.example"}
        {"domain": "too-high.example", "pc1": 1.5}
        {"domain": "text-score.example", "pc1": "0.4"}
        {"domain": "good-news.example", "pc1": 0.1}

        {"domain": "www.Someone.WordPress.com", "pc1": 0.8}
        {"domain": "wordpress.com", "pc1": 0.7}
        {"domain": "facebook.com/SomePage/", "pc1": 0.2}
        {"domain": "www.good-news.example", "pc1": 0.5}
        """)
        let ratings = try DomainQualityRatings(contentsOf: file)
        XCTAssertEqual(ratings.skippedLines, [2, 3, 4, 5, 6, 11])
        XCTAssertEqual(ratings.scores, [
            "good-news.example": 0.9, "someone.wordpress.com": 0.8, "wordpress.com": 0.7, "facebook.com/somepage": 0.2,
        ])

        let scorer = try DomainCredibilityScorer(configuration: .init(ratingsFile: file.path, ratingWeight: 1))
        XCTAssertEqual(scorer.ratings?.skippedLines, [2, 3, 4, 5, 6, 11])
        let goodNews = scorer.credibility(of: source("www.good-news.example"))
        XCTAssertEqual(goodNews.score, 0.9)
        XCTAssertEqual(goodNews.type, .unknown)
        XCTAssertTrue(goodNews.reason.contains("(rated 0.90 of 1 for news quality by Lin et al. 2023, PNAS Nexus)"))
        // A rated blog on a platform is scored by its own rating; others on the platform are not.
        XCTAssertEqual(scorer.credibility(of: source("someone.wordpress.com")).score, 0.8)
        XCTAssertEqual(scorer.credibility(of: source("other.wordpress.com")).score, 0.35)
        // A rating scoped to a path applies to pages under it.
        let page = source("facebook.com", url: "https://www.facebook.com/somepage/posts/123")
        XCTAssertEqual(scorer.credibility(of: page).score, 0.2)
        XCTAssertEqual(scorer.credibility(of: source("facebook.com", url: "https://facebook.com/otherpage")).score, 0.25)
    }

    func testRatingsCanBeKeptToUnlistedDomains() throws {
        let file = try writeTemporaryFile("""
        {"domain": "wikipedia.org", "pc1": 0.83}
        {"domain": "local-news.example", "pc1": 0.9}
        """)
        let everywhere = try DomainCredibilityScorer(configuration: .init(ratingsFile: file.path))
        let unlistedOnly = try DomainCredibilityScorer(configuration: .init(ratingsFile: file.path, ratesUnlistedDomainsOnly: true))
        XCTAssertEqual(everywhere.credibility(of: source("en.wikipedia.org")).score, 0.5 * 0.7 + 0.5 * 0.83, accuracy: 1e-9)
        XCTAssertEqual(unlistedOnly.credibility(of: source("en.wikipedia.org")).score, 0.7, "a listed publisher keeps its curated score")
        XCTAssertEqual(unlistedOnly.credibility(of: source("local-news.example")).score, 0.5 * 0.5 + 0.5 * 0.9, accuracy: 1e-9)
    }

    func testMissingRatingsFileIsAClearError() {
        let path = "/nonexistent/domain_quality.jsonl"
        XCTAssertThrowsError(try DomainQualityRatings(contentsOf: URL(fileURLWithPath: path))) { error in
            XCTAssertEqual("\(error)", "\(path): domain-quality ratings file not found")
        }
        XCTAssertThrowsError(try DomainCredibilityScorer(configuration: .init(ratingsFile: path))) { error in
            XCTAssertTrue("\(error)".contains(path))
        }
    }
}
