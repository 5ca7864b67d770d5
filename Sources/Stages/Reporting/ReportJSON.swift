import FactCheckCore
import Foundation

/// The JSON form of a report (what `factcheck check --json` prints): pretty-printed, sorted keys, ISO-8601 dates
/// in whole seconds.
public enum ReportJSON {
    public static func encode(_ report: Report) throws -> String { try encode(value: report) }

    /// An article report in the same form.
    public static func encode(_ report: ArticleReport) throws -> String { try encode(value: report) }

    /// Any value in the same form (the extracted claims of an article, say).
    public static func encode(value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode(_ json: String) throws -> Report {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Report.self, from: Data(json.utf8))
    }
}
