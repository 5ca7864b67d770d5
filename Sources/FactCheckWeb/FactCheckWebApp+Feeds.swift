import FactCheckCore
import Foundation
import Stages
import Hummingbird

extension FactCheckWebApp {
    func addFeedRoutes(to router: RouteTable) {
        router.get("feed.atom") { _, _ in
            let base = configuration.publicURL
            let checks = try await archive.list(PageRequest(page: 1, perPage: 50), verdict: nil).items.map { check in
                FeedEntry(title: "Fact Check: \(check.report.claim) — \(check.report.verdict.rawValue)", url: "\(base)/fact-checks/\(check.slug)",
                          id: "\(base)/fact-checks/\(check.slug)?version=\(check.version)", updated: check.publishedAt, summary: check.report.summary)
            }
            let articles = try await archive.articles(PageRequest(page: 1, perPage: 50)).items.map { article in
                FeedEntry(title: "Article check: \(article.report.article.title ?? "Untitled article")", url: "\(base)/articles/\(article.slug)",
                          id: "\(base)/articles/\(article.slug)", updated: article.publishedAt, summary: article.report.rating)
            }
            let entries = (checks + articles).sorted { $0.updated > $1.updated }.prefix(50)
            var xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                <title>FactCheck</title>
                <subtitle>Published fact checks and article checks, newest first</subtitle>
                <link rel="self" href="\(Self.xml(base))/feed.atom"/>
                <link href="\(Self.xml(base))/fact-checks"/>
                <id>\(Self.xml(base))/fact-checks</id>
                <updated>\((entries.first?.updated ?? Date(timeIntervalSince1970: 0)).ISO8601Format())</updated>

                """
            for entry in entries {
                xml += """
                    <entry>
                    <title>\(Self.xml(entry.title))</title>
                    <link href="\(Self.xml(entry.url))"/>
                    <id>\(Self.xml(entry.id))</id>
                    <updated>\(entry.updated.ISO8601Format())</updated>
                    <author><name>FactCheck</name></author>
                    <summary>\(Self.xml(entry.summary))</summary>
                    </entry>

                    """
            }
            xml += "</feed>\n"
            return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        router.get("sitemap.xml") { _, _ in
            let base = configuration.publicURL
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            xml += "<url><loc>\(Self.xml(base))/</loc></url>\n<url><loc>\(Self.xml(base))/fact-checks</loc></url>\n<url><loc>\(Self.xml(base))/articles</loc></url>\n"
            var page = 1
            let pagesInSitemap = 50_000 / PageRequest.maxPerPage  // a sitemap holds up to 50,000 URLs
            while true {
                let result = try await archive.list(PageRequest(page: page, perPage: PageRequest.maxPerPage), verdict: nil)
                for check in result.items {
                    xml += "<url><loc>\(Self.xml("\(base)/fact-checks/\(check.slug)"))</loc><lastmod>\(ReportDates.iso(check.publishedAt))</lastmod></url>\n"
                }
                guard page < result.pageCount, page < pagesInSitemap else { break }
                page += 1
            }
            page = 1
            while true {
                let result = try await archive.articles(PageRequest(page: page, perPage: PageRequest.maxPerPage))
                for article in result.items {
                    xml += "<url><loc>\(Self.xml("\(base)/articles/\(article.slug)"))</loc><lastmod>\(ReportDates.iso(article.publishedAt))</lastmod></url>\n"
                }
                guard page < result.pageCount, page < pagesInSitemap else { break }
                page += 1
            }
            xml += "</urlset>\n"
            return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        router.get("robots.txt") { _, _ in
            "User-agent: *\nDisallow: /api/\nDisallow: /jobs/\nDisallow: /articles/jobs/\nSitemap: \(configuration.publicURL)/sitemap.xml\n"
        }
    }

    /// One entry of the Atom feed: a fact check or an article check.
    private struct FeedEntry {
        var title: String
        var url: String
        var id: String
        var updated: Date
        var summary: String
    }

    /// Escapes text for XML content and attribute values.
    static func xml(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                // XML 1.0 forbids most control characters even when escaped.
                if scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" || scalar == "\r" { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}
